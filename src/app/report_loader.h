/*
 * report_loader.h - building the instructor's report on a thread of its
 * own, so that the screen keeps drawing (a progress bar, a Leave button
 * that works) while thousands of attempts are read and checked.
 *
 * The report of a 10,000-attempt folder takes seconds the first time
 * (every new attempt replayed); done in a frame it froze the window for
 * 2.4 s. The thread only calls instructor_report() (the core, and
 * read-only paths of the app); the scene takes the finished report in
 * report_loader_poll() on the main thread.
 */
#ifndef FIBRESIM_REPORT_LOADER_H
#define FIBRESIM_REPORT_LOADER_H

#include <SDL.h>
#include <stdbool.h>

#include "app.h"
#include "fibresim/report.h"
#include "report_out.h"

typedef struct ReportLoader {
    SDL_Thread *thread;     /* NULL: not running */
    SDL_atomic_t finished;  /* set by the thread as its last step */
    ReportProgress progress;
    App *app;               /* only its settings' language is read by the thread */
    char data[PATHS_MAX], scenarios[PATHS_MAX]; /* copies: the app's may change meanwhile */
    char trainee[64];       /* "" = every trainee */
    bool verify;
    bool titles;            /* also load the scenarios' titles (result_out) */
    Report result;
    bool result_ok;
    ReportOut result_out;   /* instructor_out() of the result, titles loaded */
} ReportLoader;

/* Starts building (stopping a build still running first). If no thread can
 * be started the report is built at once, on this thread. titles: also
 * look up each scenario's title (reading scenario files takes a frame or
 * two of time: done on the thread too). */
void report_loader_start(ReportLoader *l, App *app, const char *trainee /* NULL: all */, bool verify, bool titles);

/* True while a build runs (the scene shows progress). */
bool report_loader_busy(const ReportLoader *l);

/* Once the build is done: true, *out takes the report (report_finish it)
 * and *ok says whether it was built; with titles, *titles (may be NULL
 * otherwise) takes the ReportOut (report_out_finish it), pointing at *out.
 * False while running or if idle. */
bool report_loader_poll(ReportLoader *l, Report *out /* OUT */, bool *ok /* OUT */, ReportOut *titles /* OUT */);

/* 0..1 of the work known so far (reading summaries counts for a tenth when
 * verifying), and a short line "1 234 / 10 000 attempts checked". */
float report_loader_fraction(const ReportLoader *l);
void report_loader_text(const ReportLoader *l, char *out, size_t n);

/* Asks a running build to stop, waits for it, drops its report. */
void report_loader_stop(ReportLoader *l);

/* Draws the waiting card's contents: title, bar, count. */
void report_loader_draw(const ReportLoader *l, App *app, SDL_FRect r);

#endif
