/*
 * attempt_driver_otdr.h - the OTDR trainee of attempt_drivers.c, in its own
 * file because it steers the module with otdr_bot.h, whose helper names
 * (bot_view, bot_idle...) are also those of splice_bot.h.
 */
#ifndef FIBRESIM_TEST_ATTEMPT_DRIVER_OTDR_H
#define FIBRESIM_TEST_ATTEMPT_DRIVER_OTDR_H

#include <stdint.h>

#include "fibresim/attempt.h"
#include "fibresim/rng.h"

/* Plays one attempt at an OTDR scenario (any of scenarios/otdr/<name>.json; an
 * unknown exercise is only looked at) through the module's input grammar.
 * style 0 is a careful trainee who sets the instrument right, reads every
 * answer and finishes in good time; other styles draw a skill from r and
 * make the usual mistakes with a probability that grows as the skill
 * falls: settings left as found (pulse, range, averaging, cables, index),
 * cursors a few metres off, a wrong mark or verdict, an acquisition skipped
 * (one wavelength, one direction), an answer forgotten or recorded twice,
 * slow hands, now and then giving up. Returns with the attempt finished or
 * still running (the caller ends it). */
void otdr_driver_run(Attempt *a, Rng *r, uint64_t style);

#endif
