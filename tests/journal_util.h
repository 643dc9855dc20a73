/*
 * journal_util.h - file and folder helpers shared by the tests: temporary data
 * folders, reading files, listing a folder tree, removing it afterwards, and
 * running a program (fibresim as a command) with its output captured.
 */
#ifndef FIBRESIM_TEST_JOURNAL_UTIL_H
#define FIBRESIM_TEST_JOURNAL_UTIL_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

/* All of f from its current position, NUL-terminated; owned. */
static inline char *tu_read_stream(FILE *f, size_t *len)
{
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
    buf[n] = '\0';
    if (len) {
        *len = n;
    }
    return buf;
}

static inline char *tu_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    char *text = tu_read_stream(f, len);
    fclose(f);
    return text;
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

/* mkdir -p: path and the folders above it (an existing one is fine). */
static inline bool tu_mkdirs(const char *path)
{
    char p[4096];
    if (snprintf(p, sizeof p, "%s", path) >= (int)sizeof p) {
        return false;
    }
    for (char *c = p + 1; *c; c++) {
        if (*c == '/') {
            *c = '\0';
            mkdir(p, 0755);
            *c = '/';
        }
    }
    return mkdir(p, 0755) == 0 || tu_exists(p);
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

/* What a program run by tu_run did. */
typedef struct TuRun {
    int rc;          /* exit status; -1 if it was killed or could not be started */
    char *out, *err; /* owned (tu_run_free): all it wrote on stdout and stderr */
} TuRun;

/* Runs argv (NULL-terminated: argv[0] a path, or a name looked up in PATH)
 * to its end in folder dir (NULL: this one), with FIBRESIM_LANG=lang (NULL:
 * as inherited) and without FIBRESIM_DATA and FIBRESIM_SCENARIOS, so that
 * only its arguments name folders. stdout and stderr go to unnamed
 * temporary files, read back whole (no pipe to fill, nothing left behind). */
static inline TuRun tu_run(const char *dir, const char *lang, const char *const argv[])
{
    TuRun r = {-1, NULL, NULL};
    FILE *out = tmpfile(), *err = tmpfile();
    pid_t pid = out && err ? fork() : -1;
    if (pid == 0) {
        if (dup2(fileno(out), 1) < 0 || dup2(fileno(err), 2) < 0 || (dir && chdir(dir) != 0)) {
            _exit(126);
        }
        if (lang) {
            setenv("FIBRESIM_LANG", lang, 1);
        }
        unsetenv("FIBRESIM_DATA");
        unsetenv("FIBRESIM_SCENARIOS");
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    if (pid > 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        /* The child wrote through its own descriptors: start from the top. */
        rewind(out);
        rewind(err);
        r.out = tu_read_stream(out, NULL);
        r.err = tu_read_stream(err, NULL);
    }
    if (out) {
        fclose(out);
    }
    if (err) {
        fclose(err);
    }
    return r;
}

/* Frees what tu_run captured; r can be reused. */
static inline void tu_run_free(TuRun *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

/* text (NULL: none) holds needle. */
static inline bool tu_contains(const char *text, const char *needle)
{
    return text && strstr(text, needle);
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
