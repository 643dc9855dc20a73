/*
 * cmd_validate.c - "fibresim validate [--json] FILE...": checks scenario files
 * and lists every problem of each, so an instructor fixes a file in one go.
 *
 * Text output, one line per problem, in the compilers' format that editors
 * jump to:  file:line:col: path: what: expected X, found Y
 * and one "file: ok (...)" line per good file. A folder stands for every
 * *.json file under it (the JSON Schema, *.schema.json, is skipped).
 * --json prints one JSON document instead, for editor plug-ins:
 *   {"format_version": 1, "files": [{"file", "ok", "id", "version", "module",
 *    "sha256" (good files), "problems": [{"line", "col", "path", "code"
 *    (diag_code_id), "message", "expected", "found"}], "more_problems"}]}
 * Exit status: 0 all good, 1 a file has a problem, 2 usage error.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "fibresim/diag.h"
#include "fibresim/scenario.h"
#include "i18n.h"

/* Files found under the folders given, sorted, owned. */
typedef struct PathList {
    char **items;
    size_t count, cap;
} PathList;

static bool paths_add(PathList *l, const char *path)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **n = realloc(l->items, cap * sizeof *n);
        if (!n) {
            return false;
        }
        l->items = n;
        l->cap = cap;
    }
    size_t len = strlen(path) + 1;
    char *copy = malloc(len);
    if (!copy) {
        return false;
    }
    memcpy(copy, path, len);
    l->items[l->count++] = copy;
    return true;
}

static void paths_finish(PathList *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i]);
    }
    free(l->items);
}

static bool ends_with(const char *s, const char *tail)
{
    size_t a = strlen(s), b = strlen(tail);
    return a >= b && strcmp(s + a - b, tail) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds every scenario file under dir (depth-limited: scenario folders are
 * shallow, and a symlink loop must not hang the tool). */
static void collect_dir(PathList *l, const char *dir, int depth)
{
    DIR *d = depth < 8 ? opendir(dir) : NULL;
    if (!d) {
        return;
    }
    size_t first = l->count;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) {
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            collect_dir(l, path, depth + 1);
        } else if (ends_with(e->d_name, ".json") && !ends_with(e->d_name, ".schema.json")) {
            paths_add(l, path);
        }
    }
    closedir(d);
    qsort(l->items + first, l->count - first, sizeof *l->items, cmp_str);
}

static void print_text(const char *file, const Scenario *s, const DiagList *d)
{
    if (s) {
        printf(_("%s: ok (%s, version %d, module %s)\n"), file, s->id, s->version, s->module->name);
        return;
    }
    i18n_diag_print(d, file, stdout);
}

/* Adds one file's entry to the --json document. */
static void add_json(cJSON *files, const char *file, const Scenario *s, const DiagList *d)
{
    cJSON *f = cJSON_CreateObject();
    cJSON_AddStringToObject(f, "file", file);
    cJSON_AddBoolToObject(f, "ok", s != NULL);
    if (s) {
        cJSON_AddStringToObject(f, "id", s->id);
        cJSON_AddNumberToObject(f, "version", s->version);
        cJSON_AddStringToObject(f, "module", s->module->name);
        cJSON_AddStringToObject(f, "sha256", s->hash_hex);
    }
    cJSON *list = cJSON_AddArrayToObject(f, "problems");
    for (size_t i = 0; d && i < d->count; i++) {
        const Diag *g = &d->items[i];
        cJSON *p = cJSON_CreateObject();
        cJSON_AddNumberToObject(p, "line", g->line);
        cJSON_AddNumberToObject(p, "col", g->col);
        cJSON_AddStringToObject(p, "path", g->path);
        cJSON_AddStringToObject(p, "code", diag_code_id(g->code));
        cJSON_AddStringToObject(p, "message", _(diag_code_name(g->code)));
        char text[320];
        i18n_diag_text(g, false, text, sizeof text);
        cJSON_AddStringToObject(p, "expected", text);
        i18n_diag_text(g, true, text, sizeof text);
        cJSON_AddStringToObject(p, "found", text);
        cJSON_AddItemToArray(list, p);
    }
    cJSON_AddNumberToObject(f, "more_problems", d ? (double)d->dropped : 0.0);
    cJSON_AddItemToArray(files, f);
}

static int run_validate(const CliArgs *a)
{
    bool json = cli_flag(a, "json");
    PathList paths = {0};
    for (int i = 0; i < a->npos; i++) {
        struct stat st;
        if (stat(a->pos[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = paths.count;
            collect_dir(&paths, a->pos[i], 0);
            if (paths.count == before) {
                fprintf(stderr, _("fibresim validate: no scenario file (*.json) in %s\n"), a->pos[i]);
            }
        } else {
            /* A missing file is reported as a problem of that file. */
            paths_add(&paths, a->pos[i]);
        }
    }
    cJSON *doc = json ? cJSON_CreateObject() : NULL;
    if (doc) {
        /* Bump when a field changes meaning; editors check it. */
        cJSON_AddNumberToObject(doc, "format_version", 1);
    }
    cJSON *files = doc ? cJSON_AddArrayToObject(doc, "files") : NULL;
    size_t bad = 0;
    for (size_t i = 0; i < paths.count; i++) {
        DiagList d;
        diag_list_init(&d);
        Scenario *s = scenario_load_file(paths.items[i], &d);
        if (!s) {
            bad++;
        }
        if (json) {
            add_json(files, paths.items[i], s, &d);
        } else {
            print_text(paths.items[i], s, &d);
        }
        scenario_destroy(s);
        diag_list_finish(&d);
    }
    if (doc) {
        char *out = cJSON_Print(doc);
        if (out) {
            printf("%s\n", out);
        }
        free(out);
        cJSON_Delete(doc);
    } else if (paths.count > 1) {
        printf(_("%zu files checked, %zu with problems\n"), paths.count, bad);
    }
    int rc = (bad || paths.count == 0) ? 1 : 0;
    paths_finish(&paths);
    return rc;
}

static const CliOption validate_options[] = {
    {"json", CLI_FLAG, NULL, N_("Print the problems as JSON (for editors)")},
    {NULL, CLI_FLAG, NULL, NULL},
};

const CliCommand cmd_validate = {
    .name = "validate",
    .args = "FILE...",
    .summary = N_("Check scenario files and list every problem (file:line:col)"),
    .options = validate_options,
    .min_pos = 1,
    .max_pos = -1,
    .run = run_validate,
};
