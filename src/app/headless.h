/*
 * headless.h - what the screenshot and bench commands share: an app drawn
 * by the software renderer on an off-screen surface, the state each scene
 * needs to be shown on its own, and reading the pixels back.
 */
#ifndef FIBRESIM_HEADLESS_H
#define FIBRESIM_HEADLESS_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"

/* Parses "WxH" (320..7680 x 240..4320). */
bool headless_parse_size(const char *s, int *w /* OUT */, int *h /* OUT */);

/* Gives the app what scene id needs to open alone: a trainee (the first
 * known one), a scenario (scenario_file if given, else the first of the
 * catalog) and, for the result screen, a sample result: the scenario's own
 * rubric applied to made-up measures that fall in turn inside, near and
 * outside each tolerance band (so every kind of line shows). Returns false
 * with a message on stderr if the scene cannot be shown. */
bool headless_prepare(App *app, SceneId id, const char *scenario_file);


/* Copies the last frame as RGBA bytes (w * h * 4, owned by the caller). */
uint8_t *headless_read_rgba(App *app);

/* Number of distinct colours in an RGBA picture, up to limit (a blank or
 * nearly blank frame has very few). */
size_t headless_colour_count(const uint8_t *rgba, int w, int h, size_t limit);

#endif
