/*
 * journal_find.c - finding the exact scenario bytes a record was made with,
 * and the data folder a record file belongs to (see journal.h).
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fibresim/fileio.h"
#include "fibresim/journal.h"
#include "fibresim/scenario.h"

void journal_scenario_lookup_finish(ScenarioLookup *l)
{
    if (!l) {
        return;
    }
    free(l->path);
    free(l->text);
    free(l->same_id_path);
    memset(l, 0, sizeof *l);
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

/* Reads path; keeps it if its hash matches. Otherwise notes a file with the
 * same scenario id (first one found) for the error message. */
static bool try_file(const char *path, const char *scenario_id, const char *hash, ScenarioLookup *out)
{
    size_t len = 0;
    int e = 0;
    char *text = fs_read_file(path, SCENARIO_MAX_BYTES, &len, &e);
    if (!text) {
        return false;
    }
    out->files_checked++;
    char h[65];
    fs_sha256_hex(text, len, h);
    if (strcmp(h, hash) == 0) {
        out->path = dup_str(path);
        if (!out->path) {
            free(text);
            return false;
        }
        out->text = text;
        out->len = len;
        return true;
    }
    if (!out->same_id_path) {
        /* A light look at "id" and "version" only: the file may be any JSON. */
        cJSON *root = cJSON_ParseWithLength(text, len);
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
        const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "version");
        if (cJSON_IsString(id) && strcmp(id->valuestring, scenario_id) == 0) {
            out->same_id_path = dup_str(path);
            out->same_id_version = cJSON_IsNumber(ver) && ver->valuedouble >= 0 && ver->valuedouble < 1e9
                                       ? (int)ver->valuedouble
                                       : 0;
            memcpy(out->same_id_hash, h, sizeof h);
        }
        cJSON_Delete(root);
    }
    free(text);
    return false;
}

static bool has_json_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every *.json under dir, sorted per folder; depth-limited against symlink loops. */
static bool search_dir(const char *dir, int depth, const char *scenario_id, const char *hash, ScenarioLookup *out)
{
    DIR *d = depth < 8 ? opendir(dir) : NULL;
    if (!d) {
        return false;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') {
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **g = realloc(names, cap * sizeof *g);
            if (!g) {
                break;
            }
            names = g;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            break;
        }
        snprintf(names[n], len, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (n) {
        qsort(names, n, sizeof *names, cmp_str);
    }
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (!found && stat(names[i], &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                found = search_dir(names[i], depth + 1, scenario_id, hash, out);
            } else if (S_ISREG(st.st_mode) && has_json_suffix(names[i])) {
                found = try_file(names[i], scenario_id, hash, out);
            }
        }
        free(names[i]);
    }
    free(names);
    return found;
}

bool journal_find_scenario(const char *const *data_dirs, const char *const *scenario_dirs, const char *scenario_id,
                           const char *hash_hex, ScenarioLookup *out)
{
    memset(out, 0, sizeof *out);
    if (!record_hash_valid(hash_hex)) {
        return false;
    }
    for (size_t i = 0; data_dirs && data_dirs[i]; i++) {
        if (!data_dirs[i][0]) {
            continue;
        }
        char rel[96];
        snprintf(rel, sizeof rel, "/scenarios/%s.json", hash_hex);
        size_t n = strlen(data_dirs[i]) + sizeof rel;
        char *p = malloc(n);
        if (!p) {
            return false;
        }
        snprintf(p, n, "%s%s", data_dirs[i], rel);
        bool found = try_file(p, scenario_id, hash_hex, out);
        free(p);
        if (found) {
            return true;
        }
    }
    for (size_t i = 0; scenario_dirs && scenario_dirs[i]; i++) {
        if (scenario_dirs[i][0] && search_dir(scenario_dirs[i], 0, scenario_id, hash_hex, out)) {
            return true;
        }
    }
    return false;
}

char *journal_data_dir_of(const char *record_path)
{
    /* ".../DATA/attempts/YYYY-MM/<file>": cut three components off a copy. */
    char *copy = dup_str(record_path);
    if (!copy) {
        return NULL;
    }
    char *file_slash = strrchr(copy, '/');
    if (!file_slash) {
        free(copy);
        return NULL;
    }
    *file_slash = '\0';
    char *month_slash = strrchr(copy, '/');
    const char *month = month_slash ? month_slash + 1 : copy;
    bool ok = month_slash && strlen(month) == 7 && month[4] == '-';
    for (size_t i = 0; ok && i < 7; i++) {
        ok = i == 4 || (month[i] >= '0' && month[i] <= '9');
    }
    if (!ok) {
        free(copy);
        return NULL;
    }
    *month_slash = '\0';
    char *attempts_slash = strrchr(copy, '/');
    const char *attempts = attempts_slash ? attempts_slash + 1 : copy;
    if (strcmp(attempts, "attempts") != 0) {
        free(copy);
        return NULL;
    }
    char *dir;
    if (!attempts_slash) {
        dir = dup_str("."); /* "attempts/2026-11/x.json" from inside DATA */
    } else if (attempts_slash == copy) {
        dir = dup_str("/");
    } else {
        *attempts_slash = '\0';
        dir = dup_str(copy);
    }
    free(copy);
    return dir;
}

Scenario *journal_load_scenario(const char *const *data_dirs, const ScenarioLookup *look, DiagList *d)
{
    size_t n = 0;
    while (data_dirs && data_dirs[n]) {
        n++;
    }
    /* One content store per data folder: DATA/files. */
    char **stores = calloc(n + 1, sizeof *stores);
    char *dir = look->path ? scenario_dir_of(look->path) : NULL;
    Scenario *s = NULL;
    bool ok = stores && (dir || !look->path);
    for (size_t i = 0, k = 0; ok && i < n; i++) {
        if (!data_dirs[i][0]) {
            continue;
        }
        size_t len = strlen(data_dirs[i]) + sizeof "/files";
        stores[k] = malloc(len);
        ok = stores[k] != NULL;
        if (ok) {
            snprintf(stores[k++], len, "%s/files", data_dirs[i]);
        }
    }
    if (!ok) {
        diag_add(d, DIAG_IO, 0, 0, "", "enough memory to load the scenario", "out of memory");
    } else {
        ScenarioLoadOptions o = {dir, (const char *const *)stores};
        s = scenario_load_text_with(look->text, look->len, look->path ? look->path : "<scenario>", &o, d);
    }
    for (size_t i = 0; stores && stores[i]; i++) {
        free(stores[i]);
    }
    free(stores);
    free(dir);
    return s;
}
