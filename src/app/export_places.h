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

/* A file name in dir not taken yet: "<base>.<ext>", else "<base>-2.<ext>"
 * up to -99. false if none is free or it does not fit. */
bool export_free_name(const char *dir, const char *base, const char *ext, char *out, size_t n);

#endif
