/*
 * scenario_files.c - files a scenario's setup names (an OTDR scenario's
 * recorded trace), read relative to the scenario's folder or, failing that,
 * from content stores where each file is named by its SHA-256 (a journal's
 * DATA/files/). The setup pins every file by its SHA-256 and every candidate
 * is checked against it, so a replay on another computer, or after the
 * scenario folder moved, uses the very bytes the attempt used or stops with a
 * message; never other bytes. Each file read is recorded on the Scenario so
 * that the journal can keep a copy (journal_write_with_files).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/fileio.h"
#include "fibresim/messages.h" /* N_() */
#include "fibresim/scenario.h"

/* A relative path that stays inside the scenario's folder: no leading '/',
 * no "..", no backslash (Windows separators would hide a ".."), no empty
 * component. */
static bool safe_relative(const char *p)
{
    if (!p[0] || p[0] == '/' || strchr(p, '\\')) {
        return false;
    }
    const char *c = p;
    while (*c) {
        const char *e = strchr(c, '/');
        size_t n = e ? (size_t)(e - c) : strlen(c);
        if (n == 0 || (n == 2 && c[0] == '.' && c[1] == '.')) {
            return false;
        }
        c += n + (e ? 1 : 0);
        if (e && !*c) {
            return false; /* trailing '/' */
        }
    }
    return true;
}

static bool sha256_hex_valid(const char *h)
{
    if (!h || strlen(h) != 64) {
        return false;
    }
    for (size_t i = 0; i < 64; i++) {
        if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f'))) {
            return false;
        }
    }
    return true;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + 1 + strlen(name) + 1;
    char *p = malloc(n);
    if (p) {
        snprintf(p, n, "%s/%s", dir, name);
    }
    return p;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) {
        memcpy(d, s, n);
    }
    return d;
}

/* What one look at a candidate path gave. */
typedef enum Look { LOOK_ABSENT, LOOK_GOOD, LOOK_OTHER_BYTES, LOOK_TOO_BIG, LOOK_NOMEM } Look;

/* Reads path and keeps it only if its hash is sha. other_hash: the hash of
 * other bytes found there (for the message). */
static Look look_at(const char *path, const char *sha, size_t max_bytes, char **data, size_t *len,
                    char other_hash[65])
{
    int err_no = 0;
    *data = fs_read_file(path, max_bytes, len, &err_no);
    if (!*data) {
        return err_no == EFBIG ? LOOK_TOO_BIG : err_no == ENOMEM ? LOOK_NOMEM : LOOK_ABSENT;
    }
    char got[65];
    fs_sha256_hex(*data, *len, got);
    if (strcmp(got, sha) == 0) {
        return LOOK_GOOD;
    }
    memcpy(other_hash, got, sizeof got);
    free(*data);
    *data = NULL;
    return LOOK_OTHER_BYTES;
}

/* The last at most max bytes of a path (its most telling part: the folder
 * and the name), starting on a character boundary. */
static const char *path_tail(const char *path, size_t max)
{
    size_t n = strlen(path);
    if (n <= max) {
        return path;
    }
    const char *t = path + n - max;
    while (*t && ((unsigned char)*t & 0xC0) == 0x80) {
        t++;
    }
    return t;
}

/* Records why a read failed: English templates (N_() msgids) with the
 * values already in e->args, filled in English for logs and tests. */
static char *fail(ScenarioReadError *e, ScenarioReadStatus st, const char *expected_tmpl, const char *found_tmpl)
{
    e->status = st;
    e->expected_tmpl = expected_tmpl;
    e->found_tmpl = found_tmpl;
    diag_fill(expected_tmpl, &e->args, '.', e->expected, sizeof e->expected);
    diag_fill(found_tmpl, &e->args, '.', e->found, sizeof e->found);
    return NULL;
}

char *scenario_read_relative(const ScenarioSource *src, const char *rel_path, const char *sha256_hex,
                             size_t max_bytes, size_t *len, ScenarioReadError *e)
{
    memset(e, 0, sizeof *e);
    *len = 0;
    bool have_dir = src && src->dir;
    bool have_store = src && src->store_dirs && src->store_dirs[0];
    char shown[124];
    snprintf(shown, sizeof shown, "%.120s", rel_path);
    if (!have_dir && !have_store) {
        diag_arg_str(&e->args, "path", shown);
        return fail(e, SCENARIO_READ_REFUSED,
                    N_("a scenario loaded from a file (this one has no folder to find \"{path}\" in)"),
                    N_("a scenario read from memory"));
    }
    if (!safe_relative(rel_path)) {
        diag_arg_str(&e->args, "path", shown);
        return fail(e, SCENARIO_READ_REFUSED, N_("a path relative to the scenario's folder, without \"..\""),
                    N_("\"{path}\", outside the scenario's folder"));
    }
    if (!sha256_hex_valid(sha256_hex)) {
        diag_arg_str(&e->args, "text", sha256_hex ? sha256_hex : "");
        return fail(e, SCENARIO_READ_REFUSED, N_("the file's SHA-256: 64 lowercase hexadecimal digits"),
                    N_("\"{text}\""));
    }
    char *data = NULL;
    char other[65] = "";
    const char *other_where = NULL; /* borrowed: the path kept in where_buf */
    char *where_buf = NULL;
    size_t looked = 0;
    Look l = LOOK_ABSENT;
    /* The scenario's folder first, then each store under the pinned hash. */
    for (size_t k = 0; l != LOOK_GOOD; k++) {
        char *path = NULL;
        if (k == 0) {
            if (!have_dir) {
                continue;
            }
            path = join(src->dir, rel_path);
        } else if (have_store && src->store_dirs[k - 1]) {
            if (!src->store_dirs[k - 1][0]) {
                continue;
            }
            path = join(src->store_dirs[k - 1], sha256_hex);
        } else {
            break;
        }
        if (!path) {
            free(where_buf);
            return fail(e, SCENARIO_READ_REFUSED, N_("enough memory to read the file"), N_("out of memory"));
        }
        looked++;
        char got[65] = "";
        l = look_at(path, sha256_hex, max_bytes, &data, len, got);
        if (l == LOOK_TOO_BIG || l == LOOK_NOMEM) {
            if (l == LOOK_TOO_BIG) {
                diag_arg_int(&e->args, "max", (long long)max_bytes);
                diag_arg_str(&e->args, "path", path_tail(path, 140));
            }
            free(path);
            free(where_buf);
            return l == LOOK_TOO_BIG
                       ? fail(e, SCENARIO_READ_REFUSED, N_("a file of at most {max} bytes"), N_("{path} is bigger"))
                       : fail(e, SCENARIO_READ_REFUSED, N_("enough memory to read the file"), N_("out of memory"));
        }
        if (l == LOOK_OTHER_BYTES && !other_where) {
            memcpy(other, got, sizeof other);
            where_buf = path;
            other_where = where_buf;
            path = NULL;
        }
        free(path);
    }
    if (l != LOOK_GOOD) {
        diag_arg_str(&e->args, "path", shown);
        diag_arg_str(&e->args, "sha", sha256_hex);
        if (other_where) {
            /* Other bytes than the pinned ones (an edited trace, a damaged
             * copy): refused, never used. */
            char other_short[20];
            snprintf(other_short, sizeof other_short, "%.16s", other);
            diag_arg_str(&e->args, "where", path_tail(other_where, 110));
            diag_arg_str(&e->args, "other", other_short);
            free(where_buf);
            return fail(e, SCENARIO_READ_MISMATCH, N_("{path} with sha256 {sha}"), N_("{where} has sha256 {other}..."));
        }
        if (have_dir) {
            diag_arg_str(&e->args, "where", path_tail(src->dir, 80));
            return fail(e, SCENARIO_READ_MISSING, N_("{path} with sha256 {sha}"),
                        have_store ? N_("no such file in {where} nor in the data folders' files/")
                                   : N_("no such file in {where}"));
        }
        diag_arg_int(&e->args, "count", (long long)looked);
        return fail(e, SCENARIO_READ_MISSING, N_("{path} with sha256 {sha}"),
                    N_("no such file in the data folders' files/ ({count} looked at)"));
    }
    free(where_buf);
    if (src->files_read && !scenario_files_add(src->files_read, rel_path, sha256_hex, data, *len)) {
        free(data);
        *len = 0;
        return fail(e, SCENARIO_READ_REFUSED, N_("enough memory to read the file"), N_("out of memory"));
    }
    return data;
}

bool scenario_files_add(ScenarioFileList *l, const char *rel_path, const char *sha256_hex, const char *data,
                        size_t len)
{
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->items[i].sha256_hex, sha256_hex) == 0) {
            return true;
        }
    }
    if (l->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 4;
        ScenarioFile *m = realloc(l->items, cap * sizeof *m);
        if (!m) {
            return false;
        }
        l->items = m;
        l->cap = cap;
    }
    ScenarioFile f;
    memset(&f, 0, sizeof f);
    f.rel_path = dup_str(rel_path);
    f.data = malloc(len + 1);
    if (!f.rel_path || !f.data) {
        free(f.rel_path);
        free(f.data);
        return false;
    }
    if (len) {
        memcpy(f.data, data, len);
    }
    f.data[len] = '\0';
    f.len = len;
    snprintf(f.sha256_hex, sizeof f.sha256_hex, "%s", sha256_hex);
    l->items[l->count++] = f;
    return true;
}

void scenario_files_finish(ScenarioFileList *l)
{
    if (!l) {
        return;
    }
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].rel_path);
        free(l->items[i].data);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}
