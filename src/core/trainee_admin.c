/*
 * trainee_admin.c - renaming a trainee and archiving one (trainee_admin.h).
 */
#include "fibresim/trainee_admin.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fibresim/core.h"
#include "fibresim/fileio.h"
#include "report_internal.h"

static JournalStatus fail(JournalStatus s, char *err, size_t n, const char *what, const char *arg)
{
    if (err && n) {
        snprintf(err, n, "%s%s%s", what, arg ? ": " : "", arg ? arg : "");
    }
    return s;
}

/* ---- rename ------------------------------------------------------------------- */

static bool name_acceptable(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 127) {
        return false;
    }
    bool visible = false;
    const unsigned char *s = (const unsigned char *)name;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > n || c < 0x20 || c == 0x7F) {
            return false;
        }
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        visible |= c != ' ';
        i += len;
    }
    return visible;
}

JournalStatus trainee_rename(const char *data_dir, const char *id, const char *name, char *err, size_t err_n)
{
    if (!record_slug_valid(id)) {
        return fail(JOURNAL_ERR_INVALID, err, err_n, "not a trainee id", id);
    }
    if (!name_acceptable(name)) {
        return fail(JOURNAL_ERR_INVALID, err, err_n,
                    "a name is 1 to 127 bytes of UTF-8 text without control characters", NULL);
    }
    Journal j = {.dir = (char *)data_dir};
    TraineeInfo t;
    memset(&t, 0, sizeof t);
    fs_strlcpy(t.id, id, sizeof t.id);
    fs_strlcpy(t.name, name, sizeof t.name);
    return journal_trainee_write(&j, &t, err, err_n);
}

/* ---- archive ------------------------------------------------------------------ */

typedef struct Paths {
    char **items;
    size_t count, cap;
} Paths;

static void paths_free(Paths *p)
{
    for (size_t i = 0; i < p->count; i++) {
        free(p->items[i]);
    }
    free(p->items);
    memset(p, 0, sizeof *p);
}

static bool paths_add(Paths *p, const char *a, const char *b)
{
    if (p->count == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 64;
        char **m = realloc(p->items, cap * sizeof *m);
        if (!m) {
            return false;
        }
        p->items = m;
        p->cap = cap;
    }
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (!s) {
        return false;
    }
    snprintf(s, n, "%s/%s", a, b);
    p->items[p->count++] = s;
    return true;
}

/* Record files under DATA/attempts (month folders and the folder itself). */
static bool list_records(const char *data_dir, Paths *out)
{
    size_t n = strlen(data_dir) + 16;
    char *attempts = malloc(n);
    if (!attempts) {
        return false;
    }
    snprintf(attempts, n, "%s/attempts", data_dir);
    Paths months = {0};
    bool ok = true;
    DIR *d = opendir(attempts);
    struct dirent *e;
    while (d && ok && (e = readdir(d))) {
        if (e->d_name[0] == '.') {
            continue;
        }
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, 0) != 0) {
            continue;
        }
        size_t l = strlen(e->d_name);
        if (S_ISDIR(st.st_mode)) {
            ok = paths_add(&months, attempts, e->d_name);
        } else if (S_ISREG(st.st_mode) && l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
            ok = paths_add(out, attempts, e->d_name);
        }
    }
    if (d) {
        closedir(d);
    }
    for (size_t i = 0; ok && i < months.count; i++) {
        d = opendir(months.items[i]);
        while (d && ok && (e = readdir(d))) {
            size_t l = strlen(e->d_name);
            struct stat st;
            if (e->d_name[0] != '.' && l > 5 && strcmp(e->d_name + l - 5, ".json") == 0
                && fstatat(dirfd(d), e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode)) {
                ok = paths_add(out, months.items[i], e->d_name);
            }
        }
        if (d) {
            closedir(d);
        }
    }
    paths_free(&months);
    free(attempts);
    return ok;
}

/* The trainee id of a record file (from its summary), false if unreadable. */
static bool record_trainee(const char *path, char id[64])
{
    Blob b = {0};
    Diag problem;
    if (!summary_read_file(path, 0, NULL, NULL, &b, &problem)) {
        return false;
    }
    BlobReader r = {b.data, b.data + b.len, false};
    size_t n = 0;
    blob_get_str(&r, 63, &n); /* attempt id */
    const char *s = blob_get_str(&r, 63, &n);
    bool ok = !r.bad;
    if (ok) {
        memcpy(id, s, n);
        id[n] = '\0';
    }
    blob_finish(&b);
    return ok;
}

static bool make_dirs(const char *path)
{
    char buf[1024];
    if (strlen(path) >= sizeof buf) {
        errno = ENAMETOOLONG;
        return false;
    }
    snprintf(buf, sizeof buf, "%s", path);
    for (char *c = buf + 1; *c; c++) {
        if (*c == '/') {
            *c = '\0';
            if (mkdir(buf, 0755) != 0 && errno != EEXIST) {
                return false;
            }
            *c = '/';
        }
    }
    return mkdir(buf, 0755) == 0 || errno == EEXIST;
}

static void fsync_dir_of(const char *path)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    char *slash = strrchr(buf, '/');
    if (!slash) {
        return;
    }
    *slash = '\0';
    int fd = open(buf, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd); /* best effort: some file systems cannot sync a folder */
        close(fd);
    }
}

static bool same_bytes(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    int e = 0;
    char *x = fs_read_file(a, RECORD_MAX_BYTES, &la, &e);
    char *y = fs_read_file(b, RECORD_MAX_BYTES, &lb, &e);
    bool same = x && y && la == lb && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return same;
}

/* Moves src to dst without ever replacing a different dst. */
static bool move_no_replace(const char *src, const char *dst)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", dst);
    char *slash = strrchr(dir, '/');
    if (slash) {
        *slash = '\0';
        if (!make_dirs(dir)) {
            return false;
        }
    }
    if (link(src, dst) != 0) {
        if (errno == EEXIST) {
            /* Archived by an earlier run that stopped before unlinking. */
            if (!same_bytes(src, dst)) {
                return false;
            }
        } else {
            struct stat st;
            if (stat(dst, &st) == 0 || rename(src, dst) != 0) {
                return false;
            }
            fsync_dir_of(dst);
            fsync_dir_of(src);
            return true;
        }
    }
    fsync_dir_of(dst);
    if (unlink(src) != 0) {
        return false;
    }
    fsync_dir_of(src);
    return true;
}

static JournalStatus archive(const char *data_dir, const char *id, const char *date, TraineeArchiveStats *st,
                             bool apply, char *err, size_t err_n)
{
    memset(st, 0, sizeof *st);
    if (err && err_n) {
        err[0] = '\0';
    }
    if (!record_slug_valid(id)) {
        return fail(JOURNAL_ERR_INVALID, err, err_n, "not a trainee id", id);
    }
    char probe[40];
    snprintf(probe, sizeof probe, "%.10sT00:00:00Z", date ? date : "");
    if (!date || strlen(date) != 10 || !record_time_valid(probe)) {
        return fail(JOURNAL_ERR_INVALID, err, err_n, "the archive date is not YYYY-MM-DD", date);
    }
    snprintf(st->archive_dir, sizeof st->archive_dir, "%s/archive/%s", data_dir, date);
    char trainee_file[1024];
    snprintf(trainee_file, sizeof trainee_file, "%s/trainees/%s.json", data_dir, id);
    struct stat sb;
    bool has_file = stat(trainee_file, &sb) == 0 && S_ISREG(sb.st_mode);

    Paths records = {0};
    if (!list_records(data_dir, &records)) {
        paths_free(&records);
        return fail(JOURNAL_ERR_NOMEM, err, err_n, "out of memory listing the records", NULL);
    }
    size_t dlen = strlen(data_dir);
    size_t mine = 0;
    for (size_t i = 0; i < records.count; i++) {
        char who[64];
        if (!record_trainee(records.items[i], who)) {
            st->unreadable++;
            continue;
        }
        if (strcmp(who, id) != 0) {
            continue;
        }
        mine++;
        if (!apply) {
            st->attempts_moved++;
            continue;
        }
        char dst[1200];
        /* Same relative path under the archive folder. */
        snprintf(dst, sizeof dst, "%s%s", st->archive_dir, records.items[i] + dlen);
        if (move_no_replace(records.items[i], dst)) {
            st->attempts_moved++;
        } else {
            st->attempts_left++;
            if (err && err_n && !err[0]) {
                snprintf(err, err_n, "cannot move %s to %s: %s", records.items[i], dst,
                         errno == EEXIST || errno == 0 ? "another file is there" : strerror(errno));
            }
        }
    }
    paths_free(&records);
    if (!has_file && mine == 0) {
        return fail(JOURNAL_ERR_INVALID, err, err_n, "no trainee file and no record for this trainee", id);
    }
    if (st->attempts_left) {
        /* The trainee file stays, so the trainee stays listed: run it again. */
        return JOURNAL_ERR_IO;
    }
    if (has_file) {
        if (!apply) {
            st->trainee_file_moved = true;
        } else {
            char dst[1200];
            snprintf(dst, sizeof dst, "%s/trainees/%s.json", st->archive_dir, id);
            if (!move_no_replace(trainee_file, dst)) {
                return fail(JOURNAL_ERR_IO, err, err_n, "cannot move the trainee file", trainee_file);
            }
            st->trainee_file_moved = true;
        }
    }
    return JOURNAL_OK;
}

JournalStatus trainee_archive_preview(const char *data_dir, const char *id, const char *date_ymd,
                                      TraineeArchiveStats *st, char *err, size_t err_n)
{
    return archive(data_dir, id, date_ymd, st, false, err, err_n);
}

JournalStatus trainee_archive(const char *data_dir, const char *id, const char *date_ymd, TraineeArchiveStats *st,
                              char *err, size_t err_n)
{
    return archive(data_dir, id, date_ymd, st, true, err, err_n);
}
