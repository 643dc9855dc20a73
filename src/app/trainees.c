/*
 * trainees.c - reading and adding trainee files (see trainees.h).
 */
#include "trainees.h"

#include <SDL.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fibresim/core.h"
#include "fibresim/journal.h"
#include "fibresim/record.h"
#include "paths.h"

void trainees_init(TraineeList *l)
{
    memset(l, 0, sizeof *l);
}

void trainees_finish(TraineeList *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

static bool push(TraineeList *l, const Trainee *t)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        Trainee *n = realloc(l->items, cap * sizeof *n);
        if (!n) return false;
        l->items = n;
        l->cap = cap;
    }
    l->items[l->count++] = *t;
    return true;
}

static int by_name(const void *a, const void *b)
{
    const Trainee *x = a, *y = b;
    int c = strcasecmp(x->name, y->name);
    return c ? c : strcmp(x->id, y->id);
}

static bool read_one(const char *path, Trainee *t)
{
    size_t len = 0;
    char *text = SDL_LoadFile(path, &len);
    if (!text) return false;
    cJSON *root = len < 64 * 1024 ? cJSON_ParseWithLength(text, len) : NULL;
    SDL_free(text);
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "name");
    bool ok = cJSON_IsString(id) && cJSON_IsString(name) && id->valuestring[0] && name->valuestring[0];
    if (ok) {
        fs_strlcpy(t->id, id->valuestring, sizeof t->id);
        fs_strlcpy(t->name, name->valuestring, sizeof t->name);
    }
    cJSON_Delete(root);
    return ok;
}

bool trainees_load(const char *data_dir, TraineeList *l)
{
    trainees_finish(l);
    char dir[PATHS_MAX + 16];
    snprintf(dir, sizeof dir, "%s/trainees", data_dir);
    DIR *d = opendir(dir);
    if (!d) {
        return true;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n < 6 || strcmp(e->d_name + n - 5, ".json") != 0) continue;
        char path[PATHS_MAX + 300];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        Trainee t;
        if (read_one(path, &t)) {
            if (!push(l, &t)) break;
        } else {
            l->unreadable++;
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "trainee file not readable: %s", path);
        }
    }
    closedir(d);
    if (l->count > 1) qsort(l->items, l->count, sizeof *l->items, by_name);
    return true;
}

bool trainees_clean_name(const char *typed, char *out, size_t n)
{
    while (*typed == ' ' || *typed == '\t') typed++;
    size_t len = strlen(typed);
    while (len > 0 && (typed[len - 1] == ' ' || typed[len - 1] == '\t')) len--;
    if (len == 0 || len >= TRAINEE_NAME_MAX || len >= n) {
        return false;
    }
    memcpy(out, typed, len);
    out[len] = '\0';
    return true;
}

bool trainees_add(const char *data_dir, TraineeList *l, const char *typed, Trainee *out, char *err, size_t err_n)
{
    char name[TRAINEE_NAME_MAX];
    if (!trainees_clean_name(typed, name, sizeof name)) {
        snprintf(err, err_n, "empty or too long name");
        return false;
    }
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->items[i].name, name) == 0) {
            *out = l->items[i];
            return true;
        }
    }
    char base[64];
    record_trainee_slug(name, base, sizeof base);
    if (!base[0]) fs_strlcpy(base, "trainee", sizeof base);
    Trainee t;
    memset(&t, 0, sizeof t);
    fs_strlcpy(t.name, name, sizeof t.name);
    for (int k = 1; k < 1000; k++) {
        if (k == 1) {
            fs_strlcpy(t.id, base, sizeof t.id);
        } else {
            char b2[56];
            fs_strlcpy(b2, base, sizeof b2);
            snprintf(t.id, sizeof t.id, "%s-%d", b2, k);
        }
        bool taken = false;
        for (size_t i = 0; i < l->count; i++) {
            if (strcmp(l->items[i].id, t.id) == 0) taken = true;
        }
        if (!taken) break;
    }
    char dir[PATHS_MAX + 16], path[PATHS_MAX + 96];
    snprintf(dir, sizeof dir, "%s/trainees", data_dir);
    if (!paths_mkdirs(dir)) {
        snprintf(err, err_n, "cannot create %s", dir);
        return false;
    }
    snprintf(path, sizeof path, "%s/%s.json", dir, t.id);
    cJSON *root = cJSON_CreateObject();
    char *text = NULL;
    if (root && cJSON_AddStringToObject(root, "id", t.id) && cJSON_AddStringToObject(root, "name", t.name)) {
        text = cJSON_PrintUnformatted(root);
    }
    cJSON_Delete(root);
    if (!text) {
        snprintf(err, err_n, "out of memory");
        return false;
    }
    size_t len = strlen(text);
    char *line = malloc(len + 2);
    JournalStatus st = JOURNAL_ERR_NOMEM;
    if (line) {
        memcpy(line, text, len);
        line[len] = '\n';
        line[len + 1] = '\0';
        st = journal_write_file_atomic(path, line, len + 1, err, err_n);
    }
    free(line);
    cJSON_free(text);
    if (st != JOURNAL_OK) {
        return false;
    }
    if (!push(l, &t)) {
        snprintf(err, err_n, "out of memory");
        return false;
    }
    qsort(l->items, l->count, sizeof *l->items, by_name);
    *out = t;
    return true;
}
