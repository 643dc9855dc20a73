/*
 * instructor.h - what the instructor area's scenes share (scene_pin.c,
 * scene_review.c, scene_trainee.c, scene_replay.c): the report of the data
 * folder (include/fibresim/report.h), the chart of scores over time, and the
 * headless set-up used by the screenshot and bench commands.
 *
 * The area opens only after the PIN (scene_pin.c) and closes when the
 * instructor leaves it: trainees cannot see each other's results nor change
 * any. Every figure and mark comes from the core's report, so the program
 * and "fibresim report" never disagree.
 */
#ifndef FIBRESIM_INSTRUCTOR_H
#define FIBRESIM_INSTRUCTOR_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"
#include "fibresim/record.h"
#include "fibresim/report.h"
#include "report_out.h"

/* Builds the report of the app's data folder: every trainee (trainee NULL)
 * or one, checked by replay if verify (cached, so only new attempts are
 * replayed). progress (may be NULL) is updated as it goes and can cancel
 * it; it may run on another thread (report_loader.h): it only reads app's
 * paths. false (logged unless cancelled) on failure. */
bool instructor_report(App *app, const char *trainee, bool verify, ReportProgress *progress, Report *out /* OUT */);
/* The same for a data folder and a scenario folder given by name (what the
 * loader's thread uses: its own copies, not the app's). */
bool instructor_report_at(const char *data, const char *scenarios, const char *trainee, bool verify,
                          ReportProgress *progress, Report *out /* OUT */);

/* A ReportOut for labels and numbers in the UI language (no stream). */
ReportOut instructor_out(const App *app, const Report *r);

/* Leaves the area: locks it and forgets the selection. */
void instructor_leave(App *app);

/* Draws a trainee's score over time in one module inside r: points for
 * counted attempts (passed: a check, not passed: a dot), crosses for the
 * ones not counted, the line through them, 0..100 with the pass mark of the
 * latest attempt dashed, and the first and last dates. */
void instructor_chart(App *app, SDL_FRect r, const Report *rep, const ReportTrainee *t, const ReportFigures *mf);

/* The replay scene's attempt as re-simulated up to now, and the record it
 * plays (for tests); NULL when the scene could not load it. self is the
 * replay scene's state (app->scene_self while it is open). */
const struct Attempt *instructor_replay_attempt(const void *self, const AttemptRecord **rec /* OUT, may be NULL */);
/* The replay scene's timeline as last drawn (window pixels), for tests. */
SDL_FRect instructor_replay_timeline(const void *self);

/* For the screenshot and bench commands: opens the area, picks the attempt
 * named by app->review_attempt (its file name) if set, else the first
 * trainee's first attempt whose module has a picture (else any), and makes
 * the replay open at app->review_start_frac (half-way if 0) and play. */
void instructor_prepare(App *app, SceneId id);

#endif
