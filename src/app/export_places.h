/*
 * export_places.h - where the instructor screen saves a report, with no
 * file dialog (SDL2 has none, and a tap on a named place is easier for
 * someone with little computer practice): each USB key or memory card the
 * system has mounted, then the user's Documents folder.
 */
#ifndef FIBRESIM_EXPORT_PLACES_H
#define FIBRESIM_EXPORT_PLACES_H

#include <stdbool.h>
#include <stddef.h>

#include "paths.h"

#define EXPORT_PLACES_MAX 5

typedef struct ExportPlace {
    char name[128];      /* the key's volume name, or the folder's name */
    char path[PATHS_MAX];
    bool removable;      /* a USB key or card, not a folder of this computer */
} ExportPlace;

/* Fills out (up to max) with the writable places, keys first: the folders
 * under /media/$USER, /run/media/$USER and /media (each a mounted volume;
 * FIBRESIM_MEDIA_DIRS, colon-separated, replaces these roots), then
 * XDG_DOCUMENTS_DIR (from $HOME/.config/user-dirs.dirs), else
 * $HOME/Documents, else $HOME. Returns the count. */
size_t export_places_find(ExportPlace *out, size_t max);

/* The name of the folder a laptop's results are copied to on a key. */
#define EXPORT_RESULTS_FOLDER "fibresim-resultats"

/* A Fibresim data folder found on a volume: the volume itself or one of
 * its folders (one level down) holding an "attempts" folder. */
typedef struct ExportSource {
    char label[256];     /* "KEY" or "KEY/folder" */
    char path[PATHS_MAX];
} ExportSource;

/* The data folders on the removable places (places from export_places_find),
 * up to max; never the folder data_dir itself. Returns the count. */
size_t export_sources_find(const ExportPlace *places, size_t n_places, const char *data_dir, ExportSource *out,
                           size_t max);

/* XDG_DOCUMENTS_DIR of a user-dirs.dirs text (lines KEY="value", value
 * "$HOME/..." or absolute; a relative one is ignored, as the XDG spec
 * says) into out; false if absent, malformed or too long. */
bool export_user_dirs_documents(const char *text, const char *home, char *out, size_t n);

/* A file name in dir not taken yet: "<base>.<ext>", else "<base>-2.<ext>"
 * up to -99. false if none is free or it does not fit. */
bool export_free_name(const char *dir, const char *base, const char *ext, char *out, size_t n);

#endif
