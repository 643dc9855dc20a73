/*
 * review_dialog.h - the trainee list's two dialogs (scene_review.c):
 *   Export: the report shown, as a page to print (HTML) and a table for a
 *     spreadsheet (CSV), saved with one tap on a USB key or in Documents
 *     (export_places.h), never overwriting an earlier one;
 *   Import: results exchanged with other computers through a USB key, both
 *     ways (journal_merge: new attempts copied, nothing overwritten,
 *     conflicts kept side by side).
 * A tapped button's work runs on a thread of its own (a merge onto a slow
 * key takes seconds) while the dialog counts the attempts copied.
 */
#ifndef FIBRESIM_REVIEW_DIALOG_H
#define FIBRESIM_REVIEW_DIALOG_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"
#include "export_places.h"
#include "fibresim/report.h"

typedef enum ReviewDialogKind {
    REVIEW_DIALOG_NONE,
    REVIEW_DIALOG_EXPORT,
    REVIEW_DIALOG_IMPORT
} ReviewDialogKind;

typedef struct ReviewDialog {
    ReviewDialogKind kind;   /* NONE: closed */
    const Report *report;    /* borrowed: the list's, for Export (unchanged while the dialog is open) */
    ExportPlace places[EXPORT_PLACES_MAX];
    size_t n_places;
    ExportSource sources[EXPORT_PLACES_MAX]; /* Import: data folders on the keys */
    size_t n_sources;
    double places_at_s;      /* when they were last looked for (a key plugged in meanwhile shows up) */
    SDL_Thread *job;         /* the tapped button's work */
    SDL_atomic_t job_finished;
    SDL_atomic_t job_copied; /* attempts copied so far by a merge */
    size_t job_button;
    App *job_app;
    bool done, done_ok;      /* the outcome, once the job is over */
    char msg[1024];
    bool imported;           /* new attempts came in */
} ReviewDialog;

/* Opens it (a zeroed ReviewDialog is closed). */
void review_dialog_open(ReviewDialog *d, ReviewDialogKind kind);
/* Draws it over the list and acts on its buttons (report: the list's).
 * True when it was just closed after new attempts came in: the list must
 * be built again. */
bool review_dialog_frame(ReviewDialog *d, App *app, const Report *report);
/* Closes it unless a job runs (false then); true if new attempts came in. */
bool review_dialog_close(ReviewDialog *d);
/* Waits for a job still running (the scene is leaving). */
void review_dialog_finish(ReviewDialog *d);

#endif
