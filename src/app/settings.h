/*
 * settings.h - the user's display settings, kept in DATA/settings.json
 * ({"lang": "fr", "text_size": 0, "fullscreen": false}). A missing or broken
 * file means the defaults (French, normal text, window).
 */
#ifndef FIBRESIM_SETTINGS_H
#define FIBRESIM_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#define SETTINGS_TEXT_SIZES 3

typedef struct AppSettings {
    char lang[4];     /* "fr" or "en" */
    int text_size;    /* 0 normal, 1 large, 2 very large */
    bool fullscreen;
} AppSettings;

void settings_defaults(AppSettings *s /* OUT */);
/* Reads DATA/settings.json over the defaults; unknown or bad values are ignored. */
void settings_load(AppSettings *s /* OUT */, const char *data_dir);
/* Writes DATA/settings.json atomically. */
bool settings_save(const AppSettings *s, const char *data_dir, char *err, size_t err_n);
/* Text scale factor of a text_size (1.0, 1.15, 1.3). */
float settings_text_scale(int text_size);

#endif
