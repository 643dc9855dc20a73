/*
 * exercise_preset.h - an attempt to show part-way through, for the
 * headless commands (screenshot, bench --events): the exercise screen
 * replays its events through the core before its first frame, so a picture
 * of any step comes from real gestures, never from a made-up state.
 *
 * File (JSON):
 *   { "scenario": "x.json",      optional: the scenario file (relative to
 *                                the preset's folder unless absolute)
 *     "seed": "1234",            decimal string (or a number below 2^53)
 *     "end_tick": 5120,          replay every tick before this one
 *     "events": [ [tick, "down", 0, 12.5, 40.25], ... ] }   input.h form
 * or, short form, the events array alone: the seed is then
 * EXERCISE_PRESET_DEFAULT_SEED (or --seed) and the attempt runs to the tick
 * after the last event. Events are handed to the core at their tick, so a
 * file written by hand gives each event its own tick (0, 1, 2...).
 * tests/splice_states.h writes them for the splice render tests.
 */
#ifndef FIBRESIM_EXERCISE_PRESET_H
#define FIBRESIM_EXERCISE_PRESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/input.h"

typedef struct ExercisePreset {
    char scenario[4096];    /* resolved path, "" when the file names none */
    uint64_t seed;
    uint32_t end_tick;
    InputLog events;    /* owned, in tick order */
} ExercisePreset;

/* Reads a preset file. On failure returns false with the reason (file, JSON
 * path, what was expected) in err. */
bool exercise_preset_load(const char *path, ExercisePreset *out /* OUT */, char *err, size_t err_n);
void exercise_preset_finish(ExercisePreset *p); /* fine on a zeroed preset */
/* Sets the seed from a decimal string (the --seed option). */
bool exercise_preset_set_seed(ExercisePreset *p, const char *text, char *err, size_t err_n);

/* Seed of a short-form file when no --seed is given: fixed, so that the
 * same file always gives the same picture. */
#define EXERCISE_PRESET_DEFAULT_SEED 1u

#endif
