/*
 * catalog.c - loading the scenarios folder (see catalog.h).
 */
#include "catalog.h"

#include <SDL.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fibresim/diag.h"
#include "fibresim/module.h"
#include "paths.h"

void catalog_init(Catalog *c)
{
    memset(c, 0, sizeof *c);
}

void catalog_finish(Catalog *c)
{
    for (size_t i = 0; i < c->count; i++) {
        scenario_destroy(c->items[i]);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}

bool catalog_add_file(Catalog *c, const char *path)
{
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_file(path, &d);
    if (!s) {
        c->rejected++;
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "scenario left out (%zu problem%s): %s", d.count,
                    d.count == 1 ? "" : "s", path);
        for (size_t i = 0; i < d.count && i < 20; i++) {
            char line[1024];
            diag_format(&d.items[i], path, line, sizeof line);
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "  %s", line);
        }
        diag_list_finish(&d);
        return false;
    }
    diag_list_finish(&d);
    if (c->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        Scenario **n = realloc(c->items, cap * sizeof *n);
        if (!n) {
            scenario_destroy(s);
            return false;
        }
        c->items = n;
        c->cap = cap;
    }
    c->items[c->count++] = s;
    return true;
}

/* Position of a module in the registry: the registry lists the modules in
 * teaching order (getting started first). */
static size_t module_rank(const ModuleDef *m)
{
    size_t n = 0;
    const ModuleDef *const *all = module_all(&n);
    for (size_t i = 0; i < n; i++) {
        if (all[i] == m) return i;
    }
    return n;
}

static int cmp(const void *a, const void *b)
{
    const Scenario *x = *(Scenario *const *)a, *y = *(Scenario *const *)b;
    size_t mx = module_rank(x->module), my = module_rank(y->module);
    if (mx != my) return mx < my ? -1 : 1;
    if (x->difficulty != y->difficulty) return x->difficulty - y->difficulty;
    return strcmp(x->id, y->id);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void scan(Catalog *c, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }
    /* sorted names: the same order and the same log on every machine */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) break;
            names = nn;
        }
        names[n] = SDL_strdup(e->d_name);
        if (names[n]) n++;
    }
    closedir(d);
    if (n > 1) qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char path[PATHS_MAX + 512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        size_t len = strlen(names[i]);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth > 0) scan(c, path, depth - 1);
        } else if (len > 5 && strcmp(names[i] + len - 5, ".json") == 0
                   && !(len > 12 && strcmp(names[i] + len - 12, ".schema.json") == 0)) {
            catalog_add_file(c, path);
        }
        SDL_free(names[i]);
    }
    free(names);
}

void catalog_load(Catalog *c, const char *dir)
{
    scan(c, dir, 2);
    if (c->count > 1) {
        qsort(c->items, c->count, sizeof *c->items, cmp);
    }
    SDL_Log("scenarios: %zu loaded, %zu left out", c->count, c->rejected);
}

size_t catalog_of_module(const Catalog *c, const char *module, const Scenario **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < c->count && n < max; i++) {
        if (strcmp(c->items[i]->module->name, module) == 0) {
            out[n++] = c->items[i];
        }
    }
    return n;
}
