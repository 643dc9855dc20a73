/*
 * paths.h - the one place that knows where the front end's files live.
 *
 *   assets     $FIBRESIM_ASSETS, else "assets" next to the program (installed:
 *              <prefix>/share/fibresim/assets), else the source tree's assets
 *   scenarios  --scenarios DIR, else $FIBRESIM_SCENARIOS, else ./scenarios,
 *              else the installed or source tree's scenarios
 *   data       --data DIR, else $FIBRESIM_DATA, else SDL_GetPrefPath("fibresim",
 *              "fibresim") (attempt records, trainees, settings)
 *
 * Every resolved path is logged at start (paths_log), so a trainer who cannot
 * find the results knows where to look.
 */
#ifndef FIBRESIM_PATHS_H
#define FIBRESIM_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#define PATHS_MAX 4096

typedef struct AppPaths {
    char assets[PATHS_MAX];
    char fonts[PATHS_MAX];     /* assets/fonts */
    char scenarios[PATHS_MAX];
    char data[PATHS_MAX];
    const char *assets_from;   /* where each came from, for the log */
    const char *scenarios_from;
    const char *data_from;
} AppPaths;

/* Resolves every path. data_opt and scenarios_opt come from the command line
 * (NULL if not given). Returns false with a reason in err if no assets folder
 * with the fonts can be found or the data folder cannot be made. */
bool paths_resolve(AppPaths *p /* OUT */, const char *data_opt, const char *scenarios_opt, char *err,
                   size_t err_n);
/* Logs every path and where it came from (SDL_Log). */
void paths_log(const AppPaths *p);
/* Makes a folder and its parents (mode 0755). True if it exists afterwards. */
bool paths_mkdirs(const char *dir);

#endif
