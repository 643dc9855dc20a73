/*
 * journal_util.h - file and folder helpers shared by the tests: temporary data
 * folders, reading files, listing a folder tree, removing it afterwards.
 */
#ifndef FIBRESIM_TEST_JOURNAL_UTIL_H
#define FIBRESIM_TEST_JOURNAL_UTIL_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fresh folder under $TMPDIR (or /tmp); owned string. */
static inline char *tu_mkdtemp(const char *tag)
{
    const char *base = getenv("TMPDIR");
    char *p = malloc(512);
    snprintf(p, 512, "%s/fibresim-%s-XXXXXX", base && base[0] ? base : "/tmp", tag);
    if (!mkdtemp(p)) {
        perror("mkdtemp");
        exit(2);
    }
    return p;
}

static inline char *tu_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len) {
        *len = n;
    }
    return buf;
}

static inline bool tu_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return false;
    }
    bool ok = fwrite(text, 1, strlen(text), f) == strlen(text);
    return fclose(f) == 0 && ok;
}

static inline bool tu_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Calls fn on each entry of dir but "." and "..", hidden ones too, with its
 * path, its name and whether it is a folder (lstat: a link is not one). */
static inline void tu_each_entry(const char *dir,
                                 void (*fn)(const char *path, const char *name, bool is_dir, void *user), void *user)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(n);
        snprintf(p, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0) {
            fn(p, e->d_name, S_ISDIR(st.st_mode), user);
        }
        free(p);
    }
    closedir(d);
}

typedef struct TuWalk {
    void (*fn)(const char *path, const char *name, void *user);
    void *user;
} TuWalk;

static inline void tu_walk_fn(const char *path, const char *name, bool is_dir, void *user)
{
    const TuWalk *w = user;
    if (is_dir) {
        tu_each_entry(path, tu_walk_fn, user);
    } else {
        w->fn(path, name, w->user);
    }
}

/* Calls fn on every regular file under dir (recursively), hidden ones too. */
static inline void tu_walk(const char *dir, void (*fn)(const char *path, const char *name, void *user), void *user)
{
    TuWalk w = {fn, user};
    tu_each_entry(dir, tu_walk_fn, &w);
}

static inline void tu_count_tmp_fn(const char *path, const char *name, void *user)
{
    (void)path;
    if (strncmp(name, ".tmp-", 5) == 0) {
        (*(size_t *)user)++;
    }
}

/* Temp files (".tmp-*") anywhere under dir. */
static inline size_t tu_count_tmp(const char *dir)
{
    size_t n = 0;
    tu_walk(dir, tu_count_tmp_fn, &n);
    return n;
}

static inline void tu_rm_rf(const char *dir);

static inline void tu_rm_rf_fn(const char *path, const char *name, bool is_dir, void *user)
{
    (void)name;
    (void)user;
    if (is_dir) {
        tu_rm_rf(path);
    } else {
        unlink(path);
    }
}

/* Removes dir and everything under it (links themselves, not their targets). */
static inline void tu_rm_rf(const char *dir)
{
    tu_each_entry(dir, tu_rm_rf_fn, NULL);
    rmdir(dir);
}

#endif
