/*
 * paths.c - resolving the assets, scenarios and data folders (see paths.h).
 */
#include "paths.h"

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build_config.h"
#include "fibresim/core.h"

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_fonts(const char *assets)
{
    char f[PATHS_MAX + 200];
    snprintf(f, sizeof f, "%s/fonts/DejaVuSans.ttf", assets);
    struct stat st;
    return stat(f, &st) == 0;
}

bool paths_mkdirs(const char *dir)
{
    char tmp[PATHS_MAX];
    if (!fs_strlcpy(tmp, dir, sizeof tmp)) {
        return false;
    }
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(tmp, 0755) != 0 && errno != EEXIST) {
                return false;
            }
            *p = '/';
        }
    }
    if (mkdir(tmp, 0755) != 0 && errno != EEXIST) {
        return false;
    }
    return is_dir(tmp);
}

/* Folder of the running program, with a trailing slash ("" if unknown). */
static void program_dir(char *out, size_t n)
{
    out[0] = '\0';
    char *base = SDL_GetBasePath();
    if (base) {
        fs_strlcpy(out, base, n);
        SDL_free(base);
    }
}

static void strip_slash(char *p)
{
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/') {
        p[--n] = '\0';
    }
}

bool paths_resolve(AppPaths *p, const char *data_opt, const char *scenarios_opt, char *err, size_t err_n)
{
    memset(p, 0, sizeof *p);
    char exe_dir[PATHS_MAX];
    program_dir(exe_dir, sizeof exe_dir);

    /* assets */
    const char *env = getenv("FIBRESIM_ASSETS");
    char cand[PATHS_MAX + 64];
    if (env && env[0]) {
        fs_strlcpy(p->assets, env, sizeof p->assets);
        p->assets_from = "$FIBRESIM_ASSETS";
    } else {
        const char *const tries[][2] = {
            {exe_dir, "assets"},
            {exe_dir, "../share/fibresim/assets"},
            {FIBRESIM_DATADIR, "/assets"},
            {FIBRESIM_SOURCE_ROOT, "/assets"},
        };
        const char *const from[] = {"next to the program", "installed (relative)", "installed", "source tree"};
        for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
            snprintf(cand, sizeof cand, "%s%s", tries[i][0], tries[i][1]);
            if (tries[i][0][0] && has_fonts(cand)) {
                fs_strlcpy(p->assets, cand, sizeof p->assets);
                p->assets_from = from[i];
                break;
            }
        }
    }
    strip_slash(p->assets);
    if (!p->assets[0] || !has_fonts(p->assets)) {
        snprintf(err, err_n, "no assets folder with fonts/DejaVuSans.ttf found%s%s (set FIBRESIM_ASSETS)",
                 p->assets[0] ? ": " : "", p->assets);
        return false;
    }
    snprintf(p->fonts, sizeof p->fonts, "%s/fonts", p->assets);

    /* scenarios */
    env = getenv("FIBRESIM_SCENARIOS");
    if (scenarios_opt && scenarios_opt[0]) {
        fs_strlcpy(p->scenarios, scenarios_opt, sizeof p->scenarios);
        p->scenarios_from = "--scenarios";
    } else if (env && env[0]) {
        fs_strlcpy(p->scenarios, env, sizeof p->scenarios);
        p->scenarios_from = "$FIBRESIM_SCENARIOS";
    } else if (is_dir("scenarios")) {
        char cwd[PATHS_MAX];
        if (getcwd(cwd, sizeof cwd)) {
            snprintf(cand, sizeof cand, "%s/scenarios", cwd);
            fs_strlcpy(p->scenarios, cand, sizeof p->scenarios);
        } else {
            fs_strlcpy(p->scenarios, "scenarios", sizeof p->scenarios);
        }
        p->scenarios_from = "./scenarios";
    } else {
        snprintf(cand, sizeof cand, "%s/scenarios", FIBRESIM_DATADIR);
        if (!is_dir(cand)) {
            snprintf(cand, sizeof cand, "%s/scenarios", FIBRESIM_SOURCE_ROOT);
        }
        fs_strlcpy(p->scenarios, cand, sizeof p->scenarios);
        p->scenarios_from = "installed or source tree";
    }
    strip_slash(p->scenarios);

    /* data */
    env = getenv("FIBRESIM_DATA");
    if (data_opt && data_opt[0]) {
        fs_strlcpy(p->data, data_opt, sizeof p->data);
        p->data_from = "--data";
    } else if (env && env[0]) {
        fs_strlcpy(p->data, env, sizeof p->data);
        p->data_from = "$FIBRESIM_DATA";
    } else {
        char *pref = SDL_GetPrefPath("fibresim", "fibresim");
        if (!pref) {
            snprintf(err, err_n, "no data folder: %s (use --data DIR)", SDL_GetError());
            return false;
        }
        fs_strlcpy(p->data, pref, sizeof p->data);
        SDL_free(pref);
        p->data_from = "user preferences folder";
    }
    strip_slash(p->data);
    if (!paths_mkdirs(p->data)) {
        snprintf(err, err_n, "cannot create the data folder %s: %s", p->data, strerror(errno));
        return false;
    }
    return true;
}

void paths_log(const AppPaths *p)
{
    SDL_Log("assets:    %s (%s)", p->assets, p->assets_from);
    SDL_Log("scenarios: %s (%s)", p->scenarios, p->scenarios_from);
    SDL_Log("data:      %s (%s)", p->data, p->data_from);
}
