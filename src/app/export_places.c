/*
 * export_places.c - see export_places.h.
 */
#include "export_places.h"

#include <dirent.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool writable_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode) && access(path, W_OK | X_OK) == 0;
}

static void add_place(ExportPlace *out, size_t max, size_t *n, const char *name, const char *path, bool removable)
{
    if (*n >= max || !writable_dir(path)) {
        return;
    }
    for (size_t i = 0; i < *n; i++) {
        if (strcmp(out[i].path, path) == 0) {
            return;
        }
    }
    ExportPlace *p = &out[(*n)++];
    snprintf(p->name, sizeof p->name, "%s", name);
    snprintf(p->path, sizeof p->path, "%s", path);
    p->removable = removable;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(a, b);
}

#define NAMES_MAX 16

/* The visible entries of dir but skip (may be NULL), sorted so that the
 * keys keep their order from one look to the next; at most NAMES_MAX. */
static size_t sorted_entries(const char *dir, const char *skip, char names[][128])
{
    DIR *d = opendir(dir);
    if (!d) {
        return 0;
    }
    size_t k = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL && k < NAMES_MAX;) {
        if (e->d_name[0] == '.' || (skip && strcmp(e->d_name, skip) == 0) || strlen(e->d_name) >= 128) {
            continue;
        }
        snprintf(names[k++], 128, "%s", e->d_name);
    }
    closedir(d);
    qsort(names, k, sizeof names[0], cmp_names);
    return k;
}

/* Each visible folder under root is a mounted volume (desktops mount keys
 * there by their volume name); skip: a name to leave out (the per-user
 * folder when root is /media). */
static void add_volumes(ExportPlace *out, size_t max, size_t *n, const char *root, const char *skip)
{
    char names[NAMES_MAX][128];
    size_t k = sorted_entries(root, skip, names);
    for (size_t i = 0; i < k; i++) {
        char path[PATHS_MAX];
        if (snprintf(path, sizeof path, "%s/%s", root, names[i]) < (int)sizeof path) {
            add_place(out, max, n, names[i], path, true);
        }
    }
}

static const char *user_name(void)
{
    const char *u = getenv("USER");
    if (u && u[0]) {
        return u;
    }
    const struct passwd *pw = getpwuid(getuid());
    return pw ? pw->pw_name : "";
}

bool export_user_dirs_documents(const char *text, const char *home, char *out, size_t n)
{
    static const char key[] = "XDG_DOCUMENTS_DIR=\"";
    for (const char *line = text; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len > strlen(key) && strncmp(line, key, strlen(key)) == 0) {
            const char *v = line + strlen(key);
            const char *q = memchr(v, '"', len - strlen(key));
            if (!q) {
                return false;
            }
            int vlen = (int)(q - v);
            if (vlen >= 5 && strncmp(v, "$HOME", 5) == 0 && (vlen == 5 || v[5] == '/')) {
                return snprintf(out, n, "%s%.*s", home, vlen - 5, v + 5) < (int)n;
            }
            if (vlen > 0 && v[0] == '/') {
                return snprintf(out, n, "%.*s", vlen, v) < (int)n;
            }
            return false; /* relative: the specification says to ignore it */
        }
        line = end ? end + 1 : NULL;
    }
    return false;
}

/* The desktop's own Documents folder ("Documents" in French too), from
 * $HOME/.config/user-dirs.dirs. */
static bool xdg_documents(const char *home, char *out, size_t n)
{
    char conf[PATHS_MAX];
    snprintf(conf, sizeof conf, "%s/.config/user-dirs.dirs", home);
    FILE *f = fopen(conf, "r");
    if (!f) {
        return false;
    }
    char text[16384];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    return export_user_dirs_documents(text, home, out, n);
}

size_t export_places_find(ExportPlace *out, size_t max)
{
    size_t n = 0;
    const char *roots = getenv("FIBRESIM_MEDIA_DIRS");
    if (roots) {
        char list[PATHS_MAX];
        snprintf(list, sizeof list, "%s", roots);
        char *save = NULL;
        for (char *r = strtok_r(list, ":", &save); r; r = strtok_r(NULL, ":", &save)) {
            add_volumes(out, max, &n, r, NULL);
        }
    } else {
        const char *user = user_name();
        char root[PATHS_MAX];
        snprintf(root, sizeof root, "/media/%s", user);
        add_volumes(out, max, &n, root, NULL);
        snprintf(root, sizeof root, "/run/media/%s", user);
        add_volumes(out, max, &n, root, NULL);
        add_volumes(out, max, &n, "/media", user); /* /media/usb0 (usbmount) */
    }
    const char *home = getenv("HOME");
    if (home && home[0]) {
        char docs[PATHS_MAX];
        if (!(xdg_documents(home, docs, sizeof docs) && writable_dir(docs))) {
            snprintf(docs, sizeof docs, "%s/Documents", home);
        }
        if (!writable_dir(docs)) {
            snprintf(docs, sizeof docs, "%s", home);
        }
        const char *slash = strrchr(docs, '/');
        add_place(out, max, &n, slash && slash[1] ? slash + 1 : docs, docs, false);
    }
    return n;
}

bool export_free_name(const char *dir, const char *base, const char *ext, char *out, size_t n)
{
    for (int k = 1; k < 100; k++) {
        int w = k == 1 ? snprintf(out, n, "%s/%s.%s", dir, base, ext) : snprintf(out, n, "%s/%s-%d.%s", dir, base, k, ext);
        if (w < 0 || (size_t)w >= n) {
            return false;
        }
        struct stat st;
        if (stat(out, &st) != 0) {
            return true;
        }
    }
    return false;
}

static bool has_attempts(const char *dir)
{
    char p[PATHS_MAX];
    struct stat st;
    return snprintf(p, sizeof p, "%s/attempts", dir) < (int)sizeof p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool same_folder(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void add_source(ExportSource *out, size_t max, size_t *n, const char *label, const char *path,
                       const char *data_dir)
{
    if (*n < max && has_attempts(path) && !same_folder(path, data_dir)) {
        snprintf(out[*n].label, sizeof out[*n].label, "%s", label);
        snprintf(out[*n].path, sizeof out[*n].path, "%s", path);
        (*n)++;
    }
}

size_t export_sources_find(const ExportPlace *places, size_t n_places, const char *data_dir, ExportSource *out,
                           size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < n_places && n < max; i++) {
        if (!places[i].removable) {
            continue;
        }
        add_source(out, max, &n, places[i].name, places[i].path, data_dir);
        char names[NAMES_MAX][128];
        size_t k = sorted_entries(places[i].path, NULL, names);
        for (size_t j = 0; j < k && n < max; j++) {
            char path[PATHS_MAX], label[256];
            if (snprintf(path, sizeof path, "%s/%s", places[i].path, names[j]) < (int)sizeof path) {
                snprintf(label, sizeof label, "%s/%s", places[i].name, names[j]);
                add_source(out, max, &n, label, path, data_dir);
            }
        }
    }
    return n;
}
