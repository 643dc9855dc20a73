/*
 * review_dialog.c - see review_dialog.h.
 */
#include "review_dialog.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fibresim/journal.h"
#include "i18n.h"
#include "instructor.h"
#include "report_out.h"
#include "scene_common.h"
#include "theme.h"

static void iso_now(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Writes the report shown as "<report>-<date>.html" and ".csv" in the
 * place (a number suffix if taken); what happened in s->msg. The
 * CSV follows the screen's language: ';' and a decimal comma in French,
 * as a French spreadsheet opens them. */
static void export_report(ReviewDialog *s, App *app, const ExportPlace *p)
{
    ReportOut o = instructor_out(app, s->report);
    const char *data_dirs[2] = {app->paths.data, NULL};
    const char *scn_dirs[2] = {app->paths.scenarios, NULL};
    ReportOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.dirs = data_dirs;
    opt.n_dirs = 1;
    opt.verify = true; /* the list's report is always checked by replay */
    char now[32], base[128], html[PATHS_MAX], csv[PATHS_MAX], why[256] = "";
    iso_now(now);
    o.opt = &opt;
    o.generated_at = now;
    report_out_load_titles(&o, data_dirs, scn_dirs);
    snprintf(base, sizeof base, "%s-%.10s", _("fibresim-report"), now);
    bool ok = export_free_name(p->path, base, "html", html, sizeof html)
           && report_out_save(&o, "html", html, why, sizeof why);
    bool fr = strcmp(app->settings.lang, "fr") == 0;
    o.csv_sep = fr ? ';' : ',';
    o.decimal_sep = fr ? ',' : '.';
    ok = ok && export_free_name(p->path, base, "csv", csv, sizeof csv)
      && report_out_save(&o, "csv", csv, why, sizeof why);
    report_out_finish(&o);
    s->done = true;
    s->done_ok = ok;
    if (ok) {
        const char *hb = strrchr(html, '/'), *cb = strrchr(csv, '/');
        snprintf(s->msg, sizeof s->msg, _("Saved in %s: %s (to print) and %s (for a spreadsheet)."),
                 p->name, hb ? hb + 1 : html, cb ? cb + 1 : csv);
        SDL_Log("report exported to %s and %s", html, csv);
    } else {
        snprintf(s->msg, sizeof s->msg, _("Could not save in %s (%s). Try another place."), p->name,
                 why[0] ? why : "?");
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "export to %s: %s", p->path, why);
    }
}

/* Import: merges the results of src into dst (journal_merge: new attempts
 * copied, nothing overwritten, conflicts kept side by side); the counts in
 * s->msg. to_key: this computer's results onto the key. */
static void on_merge_event(void *user, JournalMergeEvent what, const char *src, const char *dst,
                           const char *attempt_id, const DiagMsg *detail)
{
    (void)src, (void)dst, (void)attempt_id, (void)detail;
    if (what == JOURNAL_MERGE_COPIED) SDL_AtomicIncRef((SDL_atomic_t *)user);
}

static void exchange(ReviewDialog *s, const char *src, const char *dst, const char *where, bool to_key)
{
    JournalMergeStats st;
    char err[512] = "";
    JournalStatus js = journal_merge(src, dst, &st, on_merge_event, &s->job_copied, err, sizeof err);
    size_t left_out = st.attempts_invalid + st.scenarios_invalid + st.trainees_invalid + st.files_invalid;
    s->done = true;
    s->done_ok = js == JOURNAL_OK;
    if (js != JOURNAL_OK) {
        snprintf(s->msg, sizeof s->msg, _("Stopped before the end (%s): nothing was overwritten. Try again."),
                 _(journal_status_name(js)));
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "merge %s -> %s: %s", src, dst, err);
    } else if (to_key) {
        snprintf(s->msg, sizeof s->msg,
                 _("Copied to %s. New attempts: %zu; already there: %zu. On the other computer, choose Import "
                   "and take the results of this key."),
                 where, st.attempts_copied, st.attempts_duplicate);
    } else {
        snprintf(s->msg, sizeof s->msg,
                 _("Taken from %s. New attempts: %zu; already here: %zu; kept side by side (same attempt, other "
                   "content): %zu; files left out: %zu."),
                 where, st.attempts_copied, st.attempts_duplicate, st.attempts_conflict, left_out);
        s->imported |= st.attempts_copied + st.attempts_conflict > 0;
    }
    SDL_Log("merge %s -> %s: %zu copied, %zu already there, %zu conflicts, %zu left out", src, dst,
            st.attempts_copied, st.attempts_duplicate, st.attempts_conflict, left_out);
}

/* What button i of the dialog does (on the job's thread). */
static void dialog_act(ReviewDialog *s, App *app, size_t i)
{
    if (s->kind == REVIEW_DIALOG_EXPORT) {
        export_report(s, app, &s->places[i]);
    } else if (i < s->n_sources) {
        exchange(s, s->sources[i].path, app->paths.data, s->sources[i].label, false);
    } else {
        /* the (i - n_sources)-th key: this computer's results onto it */
        size_t k = i - s->n_sources;
        for (size_t p = 0; p < s->n_places; p++) {
            if (s->places[p].removable && k-- == 0) {
                char dst[PATHS_MAX + 32];
                snprintf(dst, sizeof dst, "%s/%s", s->places[p].path, EXPORT_RESULTS_FOLDER);
                exchange(s, app->paths.data, dst, s->places[p].name, true);
                break;
            }
        }
    }
}

/* The button's work runs here, so that the screen keeps drawing (a merge
 * of a year of attempts onto a slow USB key takes seconds). It writes the
 * outcome fields (done, done_ok, msg, imported), which the frame reads only
 * once job_finished is set. */
static int job_thread(void *arg)
{
    ReviewDialog *s = arg;
    dialog_act(s, s->job_app, s->job_button);
    SDL_AtomicSet(&s->job_finished, 1);
    return 0;
}

static void job_start(ReviewDialog *s, App *app, size_t button)
{
    s->job_app = app;
    s->job_button = button;
    SDL_AtomicSet(&s->job_finished, 0);
    SDL_AtomicSet(&s->job_copied, 0);
    s->job = SDL_CreateThread(job_thread, "exchange", s);
    app->busy = s->job != NULL;
    if (!s->job) {
        job_thread(s); /* no thread: done now, the frame waits */
    }
}

/* True while a button's work runs; joins it once finished. */
static bool job_running(ReviewDialog *s)
{
    if (s->job && SDL_AtomicGet(&s->job_finished)) {
        SDL_WaitThread(s->job, NULL);
        s->job = NULL;
    }
    return s->job != NULL;
}

bool review_dialog_close(ReviewDialog *s)
{
    if (job_running(s)) return false; /* it finishes first: nothing is left half copied */
    s->kind = REVIEW_DIALOG_NONE;
    bool imported = s->imported;
    s->imported = false;
    return imported;
}

void review_dialog_open(ReviewDialog *s, ReviewDialogKind kind)
{
    s->kind = kind;
    s->done = false;
    s->places_at_s = -1e9; /* look now */
}

void review_dialog_finish(ReviewDialog *s)
{
    if (s->job) SDL_WaitThread(s->job, NULL);
    s->job = NULL;
}

/* The labels of the dialog's buttons; returns their count. */
static size_t dialog_buttons(const ReviewDialog *s, char labels[][200], size_t max)
{
    size_t n = 0;
    if (s->kind == REVIEW_DIALOG_EXPORT) {
        for (size_t i = 0; i < s->n_places && n < max; i++, n++) {
            snprintf(labels[n], 200, s->places[i].removable ? _("USB key %s") : "%s", s->places[i].name);
        }
        return n;
    }
    for (size_t i = 0; i < s->n_sources && n < max; i++, n++) {
        snprintf(labels[n], 200, _("Take the results of %s"), s->sources[i].label);
    }
    for (size_t i = 0; i < s->n_places && n < max; i++) {
        if (s->places[i].removable) {
            snprintf(labels[n++], 200, _("Copy this computer's results to %s"), s->places[i].name);
        }
    }
    return n;
}

bool review_dialog_frame(ReviewDialog *s, App *app, const Report *report)
{
    s->report = report;
    bool reload = false;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    bool working = job_running(s);
    app->busy |= working; /* headless tools wait for it (app_settle) */
    if (!working && !s->done && app->time_s - s->places_at_s > 1.0) {
        s->n_places = export_places_find(s->places, EXPORT_PLACES_MAX);
        s->n_sources = s->kind == REVIEW_DIALOG_IMPORT
                           ? export_sources_find(s->places, s->n_places, app->paths.data, s->sources, EXPORT_PLACES_MAX)
                           : 0;
        s->places_at_s = app->time_s;
    }
    char labels[2 * EXPORT_PLACES_MAX][200];
    size_t n_buttons = s->done || working ? 0 : dialog_buttons(s, labels, 2 * EXPORT_PLACES_MAX);
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_BODY);
    float w = fminf((float)app->w - 80 * sc, 720 * sc);
    float gap = 10 * sc;
    float text_h = lh * 3.4f;
    float h = 40 * sc + lh * 1.4f + 4 * sc + text_h + 8 * sc + (float)n_buttons * (row + gap) + row;
    float max_h = (float)app->h - 40 * sc;
    if (h > max_h) {
        /* many keys on a small screen: shorter rows (still a finger's height at 1024x600) */
        float fit = (max_h - (h - (float)(n_buttons + 1) * row)) / (float)(n_buttons + 1);
        row = fmaxf(fit, row * 0.7f);
        h = max_h;
    }
    SDL_FRect box = {((float)app->w - w) * 0.5f, ((float)app->h - h) * 0.5f, w, h};
    gfx_fill_rect(g, (SDL_FRect){0, 0, (float)app->w, (float)app->h}, (SDL_Color){20, 30, 40, 140});
    ui_modal(ui, true, box);
    scene_card(app, box);
    SDL_FRect in = rect_inset(box, 20 * sc);
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
    bool export = s->kind == REVIEW_DIALOG_EXPORT;
    gfx_text(g, export ? _("Export the report") : _("Results of other computers"), rect_take_top(&in, lh * 1.4f, 4 * sc),
             &ts);
    GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    st.wrap = true;
    st.shrink = true;
    char progress[160];
    snprintf(progress, sizeof progress, _("Copying... attempts copied: %d"), SDL_AtomicGet(&s->job_copied));
    const char *say = working ? (export ? _("Saving...") : progress)
                    : s->done ? s->msg
                    : n_buttons == 0  ? (export ? _("No place to save to was found.")
                                                : _("No USB key was found. Plug one in: it shows up here a few seconds "
                                                    "later."))
                    : export ? _("Two files: a page to print (HTML) and a table for a spreadsheet (CSV). Where "
                                 "should they go? A USB key shows up here a few seconds after it is plugged in.")
                             : _("From a laptop to this computer through a USB key: on the laptop, copy its results "
                                 "to the key; here, take the results of the key. Nothing is ever overwritten.");
    if (s->done && !s->done_ok) st.color = theme.fail;
    gfx_text(g, say, rect_take_top(&in, text_h, 8 * sc), &st);
    SDL_FRect close = rect_take_bottom(&in, row, 0);
    for (size_t i = 0; i < n_buttons; i++) {
        char id[32];
        snprintf(id, sizeof id, "review.dialog.%zu", i);
        GfxIcon icon = export ? GFX_ICON_SAVE : i < s->n_sources ? GFX_ICON_ARROW_LEFT : GFX_ICON_ARROW_RIGHT;
        if (ui_button(ui, id, rect_take_top(&in, row, gap), labels[i], icon, UI_SECONDARY)) {
            job_start(s, app, i);
            break;
        }
    }
    if (ui_button_ex(ui, "review.dialog.close", close, s->done ? _("OK") : _("Cancel"),
                     s->done ? GFX_ICON_CHECK : GFX_ICON_CROSS, s->done ? UI_PRIMARY : UI_SECONDARY, !working)) {
        reload = review_dialog_close(s);
    }
    ui_modal(ui, false, box);
    return reload;
}

