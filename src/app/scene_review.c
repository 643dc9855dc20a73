/*
 * scene_review.c - the instructor's trainee list: name, last activity, per
 * module the best, last and average score, attempts and passed scenarios.
 * A click on a column heading sorts by it (again: the other way); a click on
 * a trainee (or arrows and Enter) opens their page. Figures come from the
 * core's report of the data folder (include/fibresim/report.h).
 * Export saves that report, as a printable HTML page and a CSV table, on a
 * USB key or in Documents (export_places.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "export_places.h"
#include "i18n.h"
#include "instructor.h"
#include "report_loader.h"
#include "scene_common.h"
#include "theme.h"

typedef enum SortKey { SORT_NAME, SORT_LAST_ACTIVITY, SORT_MODULE, SORT_ATTEMPTS, SORT_PASSED } SortKey;

#define REVIEW_COLS_MAX 16

typedef enum DialogKind {
    DIALOG_NONE,
    DIALOG_EXPORT,  /* the report, to print and for a spreadsheet, on a key or in Documents */
    DIALOG_IMPORT   /* results from and to other computers, through a key (journal_merge) */
} DialogKind;

typedef struct ReviewScene {
    Report r;
    bool ok;
    size_t *order;       /* owned: trainee indices in display order */
    SortKey key;
    size_t key_module;   /* SORT_MODULE: which module */
    bool descending;
    int selected;
    float scroll_px;
    /* hit areas of the last frame */
    SDL_FRect head_r[REVIEW_COLS_MAX];
    int n_heads;
    SDL_FRect rows_r;
    float row_h;
    TouchScroll touch;   /* a finger on the rows: drag scrolls, a tap opens */
    ReportLoader loader; /* the report being built on its own thread */
    bool loaded;         /* s->r holds a finished report */
    /* the Export and Import dialogs */
    DialogKind dialog;
    ExportPlace places[EXPORT_PLACES_MAX];
    size_t n_places;
    ExportSource sources[EXPORT_PLACES_MAX]; /* Import: data folders on the keys */
    size_t n_sources;
    double places_at_s;  /* when they were last looked for (a key plugged in meanwhile shows up) */
    SDL_Thread *job;     /* the pressed button's work (a report written, a merge), off the frame */
    SDL_atomic_t job_finished;
    SDL_atomic_t job_copied; /* attempts copied so far by a merge */
    size_t job_button;
    App *job_app;
    bool done, done_ok;
    char msg[1024];
    bool imported;       /* new attempts came in: the list is built again on closing */
} ReviewScene;

/* The sort key of one row, so that qsort needs no context. */
typedef struct RowKey {
    double num;          /* NAN sorts last */
    const char *str;     /* SORT_LAST_ACTIVITY */
    size_t idx;          /* report order (names with accents folded) */
    bool by_str, by_num, descending;
} RowKey;

static int cmp_rows(const void *pa, const void *pb)
{
    const RowKey *a = pa, *b = pb;
    int c = 0;
    if (a->by_str) {
        c = strcmp(a->str, b->str);
    } else if (a->by_num) {
        if (isnan(a->num) || isnan(b->num)) {
            return isnan(a->num) - isnan(b->num);
        }
        c = a->num < b->num ? -1 : a->num > b->num ? 1 : 0;
    }
    if (a->descending) c = -c;
    return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

static void resort(ReviewScene *s)
{
    size_t n = s->r.n_trainees;
    RowKey *k = n ? calloc(n, sizeof *k) : NULL;
    if (!s->order || !k) {
        free(k);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const ReportTrainee *t = &s->r.trainees[i];
        k[i].idx = i;
        k[i].descending = s->descending;
        k[i].by_str = s->key == SORT_LAST_ACTIVITY;
        k[i].by_num = s->key == SORT_MODULE || s->key == SORT_ATTEMPTS || s->key == SORT_PASSED;
        k[i].str = t->all.last_activity;
        k[i].num = s->key == SORT_MODULE ? t->modules[s->key_module].best
                 : s->key == SORT_ATTEMPTS ? (double)t->all.attempts
                                           : (double)t->all.passed_scenarios;
    }
    qsort(k, n, sizeof *k, cmp_rows);
    for (size_t i = 0; i < n; i++) s->order[i] = k[i].idx;
    free(k);
}

/* Every score checked by replay, as in "fibresim report": only attempts
 * not verified before are replayed (the cache knows the others). On a large
 * folder that takes seconds the first time, so it runs on its own thread
 * while the screen shows how far it is. The list shown stays until the new
 * report is ready (Refresh). */
static void start_load(ReviewScene *s, App *app)
{
    report_loader_start(&s->loader, app, NULL, true, false);
    app->busy = report_loader_busy(&s->loader);
}

/* Takes the finished report, if there is one. */
static void take_report(ReviewScene *s, App *app)
{
    Report r;
    bool ok = false;
    if (!report_loader_poll(&s->loader, &r, &ok, NULL)) {
        return;
    }
    report_finish(&s->r);
    free(s->order);
    s->r = r;
    s->ok = ok;
    s->loaded = true;
    s->order = calloc(s->r.n_trainees ? s->r.n_trainees : 1, sizeof *s->order);
    for (size_t i = 0; s->order && i < s->r.n_trainees; i++) s->order[i] = i;
    resort(s);
    s->selected = -1;
    for (size_t i = 0; s->order && i < s->r.n_trainees; i++) {
        if (strcmp(s->r.trainees[s->order[i]].id, app->review_trainee) == 0) s->selected = (int)i;
    }
}

static void *review_create(App *app)
{
    if (!app->instructor_unlocked) {
        app_goto(app, SCENE_PIN);
    }
    ReviewScene *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->selected = -1;
    if (app->instructor_unlocked) {
        start_load(s, app);
    }
    return s;
}

static void review_destroy(void *self)
{
    ReviewScene *s = self;
    if (s->job) SDL_WaitThread(s->job, NULL); /* a copy under way ends first */
    report_loader_stop(&s->loader); /* leaving while it builds: it stops */
    report_finish(&s->r);
    free(s->order);
    free(s);
}

static void open_trainee(ReviewScene *s, App *app, int i)
{
    if (i < 0 || (size_t)i >= s->r.n_trainees) return;
    snprintf(app->review_trainee, sizeof app->review_trainee, "%s", s->r.trainees[s->order[i]].id);
    app_goto(app, SCENE_TRAINEE);
}

static void click_heading(ReviewScene *s, int col)
{
    size_t nm = s->r.n_modules;
    SortKey k = col == 0 ? SORT_NAME : col == 1 ? SORT_LAST_ACTIVITY : (size_t)col < 2 + nm ? SORT_MODULE
              : (size_t)col == 2 + nm ? SORT_ATTEMPTS : SORT_PASSED;
    size_t m = k == SORT_MODULE ? (size_t)col - 2 : 0;
    if (k == s->key && (k != SORT_MODULE || m == s->key_module)) {
        s->descending = !s->descending;
    } else {
        s->key = k;
        s->key_module = m;
        s->descending = k != SORT_NAME; /* figures: best first */
    }
    resort(s);
}

static bool inside(SDL_FRect r, float x, float y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static void close_dialog(ReviewScene *s, App *app);

static bool review_event(void *self, App *app, const SDL_Event *e)
{
    ReviewScene *s = self;
    int n = (int)s->r.n_trainees;
    if (s->dialog != DIALOG_NONE) {
        /* The dialog's buttons take the input; Escape closes it. */
        if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
            close_dialog(s, app);
            return true;
        }
        return false;
    }
    if (e->type == SDL_MOUSEWHEEL) {
        s->scroll_px -= e->wheel.preciseY * 60.0f * app_scale(app);
        return true;
    }
    /* a finger: its own events (SDL's mouse copies of them are left out,
     * so a drag that scrolls does not also open the row it ends on) */
    bool was_touch = s->touch.active;
    bool scrolled = touch_scroll_event(&s->touch, e, s->rows_r, app->w, app->h, &s->scroll_px);
    bool finger_tap = e->type == SDL_FINGERUP
                      && (!was_touch || (!s->touch.active && s->touch.travel < 12.0f * app_scale(app)));
    if (scrolled && !finger_tap) return true;
    if (finger_tap || (e->type == SDL_MOUSEBUTTONUP && e->button.which != SDL_TOUCH_MOUSEID
                       && e->button.button == SDL_BUTTON_LEFT)) {
        float x = finger_tap ? e->tfinger.x * (float)app->w : (float)e->button.x;
        float y = finger_tap ? e->tfinger.y * (float)app->h : (float)e->button.y;
        for (int c = 0; c < s->n_heads; c++) {
            if (inside(s->head_r[c], x, y)) {
                click_heading(s, c);
                return true;
            }
        }
        if (inside(s->rows_r, x, y) && s->row_h > 0) {
            int i = (int)((y - s->rows_r.y + s->scroll_px) / s->row_h);
            if (i >= 0 && i < n) {
                s->selected = i;
                open_trainee(s, app, i);
                return true;
            }
        }
    }
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        instructor_leave(app);
        app_goto(app, SCENE_START);
        return true;
    }
    if (e->type == SDL_KEYDOWN && s->loaded) {
        switch (e->key.keysym.sym) {
        case SDLK_DOWN: s->selected = s->selected + 1 < n ? s->selected + 1 : n - 1; return true;
        case SDLK_UP: s->selected = s->selected > 0 ? s->selected - 1 : 0; return true;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: open_trainee(s, app, s->selected); return true;
        default: break;
        }
    }
    return false;
}

static void cell_pt(Gfx *g, SDL_FRect r, const char *text, GfxFont font, float size_pt, SDL_Color c, GfxAlign align)
{
    GfxTextStyle st = gfx_style(font, size_pt, c);
    st.align = align;
    st.valign = GFX_VALIGN_MIDDLE;
    st.shrink = true;
    gfx_text(g, text, r, &st);
}

static void cell(Gfx *g, SDL_FRect r, const char *text, GfxFont font, SDL_Color c, GfxAlign align)
{
    cell_pt(g, r, text, font, THEME_TEXT_SMALL, c, align);
}

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
static void export_report(ReviewScene *s, App *app, const ExportPlace *p)
{
    ReportOut o = instructor_out(app, &s->r);
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

static void exchange(ReviewScene *s, const char *src, const char *dst, const char *where, bool to_key)
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

/* What button i of the dialog does (the frame after it was pressed). */
static void dialog_act(ReviewScene *s, App *app, size_t i)
{
    if (s->dialog == DIALOG_EXPORT) {
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
    ReviewScene *s = arg;
    dialog_act(s, s->job_app, s->job_button);
    SDL_AtomicSet(&s->job_finished, 1);
    return 0;
}

static void job_start(ReviewScene *s, App *app, size_t button)
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
static bool job_running(ReviewScene *s)
{
    if (s->job && SDL_AtomicGet(&s->job_finished)) {
        SDL_WaitThread(s->job, NULL);
        s->job = NULL;
    }
    return s->job != NULL;
}

static void close_dialog(ReviewScene *s, App *app)
{
    if (job_running(s)) return; /* it finishes first: nothing is left half copied */
    s->dialog = DIALOG_NONE;
    if (s->imported) {
        s->imported = false;
        start_load(s, app); /* the new attempts, checked */
    }
}

static void open_dialog(ReviewScene *s, DialogKind kind)
{
    s->dialog = kind;
    s->done = false;
    s->places_at_s = -1e9; /* look now */
}

/* The labels of the dialog's buttons; returns their count. */
static size_t dialog_buttons(const ReviewScene *s, char labels[][200], size_t max)
{
    size_t n = 0;
    if (s->dialog == DIALOG_EXPORT) {
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

static void dialog_frame(ReviewScene *s, App *app)
{
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    bool working = job_running(s);
    app->busy |= working; /* headless tools wait for it (app_settle) */
    if (!working && !s->done && app->time_s - s->places_at_s > 1.0) {
        s->n_places = export_places_find(s->places, EXPORT_PLACES_MAX);
        s->n_sources = s->dialog == DIALOG_IMPORT
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
    bool export = s->dialog == DIALOG_EXPORT;
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
        close_dialog(s, app);
    }
    ui_modal(ui, false, box);
}

static void review_draw(ReviewScene *s, App *app)
{
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    take_report(s, app);
    bool busy = report_loader_busy(&s->loader);
    app->busy = busy;
    float row = ui_row_h(ui);
    SDL_FRect bar = scene_topbar(app, _("Instructor area"), _("Trainees"), (float)app->w * 0.26f);
    /* four buttons right of the title: narrower on a small screen */
    float bw = fminf(fmaxf(row * 3.2f, 190 * sc),
                     ((float)app->w * 0.72f - (float)(THEME_MARGIN + 3 * THEME_GAP) * sc) / 4);
    SDL_FRect back = {bar.w - THEME_MARGIN * sc - bw, (bar.h - row) * 0.5f, bw, row};
    if (ui_button(ui, "review.back", back, _("Leave"), GFX_ICON_QUIT, UI_QUIET)) {
        instructor_leave(app);
        app_goto(app, SCENE_START);
    }
    bool free_ = !busy && s->dialog == DIALOG_NONE;
    SDL_FRect refresh = {back.x - bw - THEME_GAP * sc, back.y, bw, row};
    if (ui_button_ex(ui, "review.refresh", refresh, _("Refresh"), GFX_ICON_RETRY, UI_QUIET, free_)) {
        start_load(s, app);
    }
    SDL_FRect export = {refresh.x - bw - THEME_GAP * sc, back.y, bw, row};
    if (ui_button_ex(ui, "review.export", export, _("Export"), GFX_ICON_SAVE, UI_QUIET, free_ && s->loaded && s->ok)) {
        open_dialog(s, DIALOG_EXPORT);
    }
    if (ui_button_ex(ui, "review.import", (SDL_FRect){export.x - bw - THEME_GAP * sc, back.y, bw, row}, _("Import"),
                     GFX_ICON_ARROW_LEFT, UI_QUIET, free_)) {
        open_dialog(s, DIALOG_IMPORT);
    }
    SDL_FRect body = scene_body(app);
    scene_card(app, body);
    if (!s->loaded) {
        /* The first time on a large folder, checking takes seconds: how far
         * it is, while Leave still works. */
        report_loader_draw(&s->loader, app, rect_inset(body, 40 * sc));
        return;
    }
    float pad = 16 * sc;
    SDL_FRect in = rect_inset(body, pad);
    ReportOut o = instructor_out(app, &s->r);
    float lh_small = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL);
    SDL_FRect legend = rect_take_bottom(&in, lh_small * 1.2f, 6 * sc);
    char sum[256];
    snprintf(sum, sizeof sum, _("%zu trainees, %zu attempts. Per module: best, last and average score. Click a "
                                "heading to sort, a trainee to open their page."),
             s->r.n_trainees, s->r.n_attempts);
    cell(g, legend, sum, GFX_FONT_REGULAR, theme.text_muted, GFX_ALIGN_LEFT);
    if (s->r.n_trainees == 0) {
        GfxTextStyle ms = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
        ms.wrap = true;
        gfx_text(g, _("No trainee has trained on this computer yet."), in, &ms);
        return;
    }

    /* columns: name, last activity, one per module, attempts, passed scenarios */
    size_t nm = s->r.n_modules < REVIEW_COLS_MAX - 4 ? s->r.n_modules : REVIEW_COLS_MAX - 4;
    int ncols = (int)nm + 4;
    float w_name = in.w * 0.18f, w_last = in.w * 0.14f, w_att = in.w * 0.09f, w_pass = in.w * 0.10f;
    float w_mod = nm ? (in.w - w_name - w_last - w_att - w_pass) / (float)nm : 0;
    float widths[REVIEW_COLS_MAX];
    widths[0] = w_name;
    widths[1] = w_last;
    for (size_t m = 0; m < nm; m++) widths[2 + m] = w_mod;
    widths[2 + nm] = w_att;
    widths[3 + nm] = w_pass;
    float head_h = lh_small * 2.3f;
    SDL_FRect head = rect_take_top(&in, head_h, 0);
    gfx_fill_rect(g, head, theme.panel_alt);
    float x = head.x;
    s->n_heads = ncols;
    for (int c = 0; c < ncols; c++) {
        SDL_FRect hr = {x, head.y, widths[c], head.h};
        s->head_r[c] = hr;
        const char *label = c == 0 ? _("Trainee") : c == 1 ? _("Last activity") : (size_t)c < 2 + nm
                                                      ? report_module_label(s->r.modules[c - 2].module)
                                                  : (size_t)c == 2 + nm ? _("Attempts") : _("Passed scenarios");
        bool active = (c == 0 && s->key == SORT_NAME) || (c == 1 && s->key == SORT_LAST_ACTIVITY)
                   || ((size_t)c >= 2 && (size_t)c < 2 + nm && s->key == SORT_MODULE && s->key_module == (size_t)c - 2)
                   || ((size_t)c == 2 + nm && s->key == SORT_ATTEMPTS) || ((size_t)c == 3 + nm && s->key == SORT_PASSED);
        char text[160];
        snprintf(text, sizeof text, "%s%s", label, active ? (s->descending ? " ▼" : " ▲") : "");
        GfxTextStyle hs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, active ? theme.primary : theme.text);
        hs.wrap = true;
        hs.shrink = true;
        hs.valign = GFX_VALIGN_MIDDLE;
        hs.align = c >= 2 ? GFX_ALIGN_CENTER : GFX_ALIGN_LEFT;
        gfx_text(g, text, rect_inset(hr, 4 * sc), &hs);
        x += widths[c];
    }
    s->row_h = fmaxf(row, lh_small * 1.8f); /* a finger's height (ui_row_h) */
    s->rows_r = in;
    float content = s->row_h * (float)s->r.n_trainees;
    float max_scroll = content > in.h ? content - in.h : 0;
    if (s->selected >= 0) {
        /* keep the selected row in view */
        float top = s->row_h * (float)s->selected;
        if (top < s->scroll_px) s->scroll_px = top;
        if (top + s->row_h > s->scroll_px + in.h) s->scroll_px = top + s->row_h - in.h;
    }
    if (s->scroll_px > max_scroll) s->scroll_px = max_scroll;
    if (s->scroll_px < 0) s->scroll_px = 0;
    SDL_Rect clip = {(int)in.x, (int)in.y, (int)in.w, (int)in.h};
    /* One size for every module's figures, the one at which the widest
     * possible ones fit: shrunk cell by cell, they looked uneven. */
    float mod_pt = THEME_TEXT_SMALL;
    if (nm) {
        char hundred[32], widest[128];
        report_out_number(&o, 100.0, 1, hundred, sizeof hundred);
        snprintf(widest, sizeof widest, "100 · 100 · %s", hundred);
        float need = gfx_text_measure(g, widest, GFX_FONT_REGULAR, mod_pt).x;
        float avail = w_mod - 8 * sc;
        if (need > avail && need > 0) mod_pt *= avail / need;
    }
    SDL_RenderSetClipRect(app->renderer, &clip);
    size_t first = (size_t)(s->scroll_px / s->row_h);
    for (size_t i = first; i < s->r.n_trainees; i++) {
        float y = in.y + s->row_h * (float)i - s->scroll_px;
        if (y > in.y + in.h) break;
        const ReportTrainee *t = &s->r.trainees[s->order[i]];
        SDL_FRect rr = {in.x, y, in.w, s->row_h};
        if ((int)i == s->selected) gfx_fill_rect(g, rr, (SDL_Color){221, 234, 247, 255});
        else if (i % 2) gfx_fill_rect(g, rr, theme.panel_alt);
        x = in.x;
        char when[32];
        report_out_time(t->all.last_activity, false, when, sizeof when);
        cell(g, (SDL_FRect){x + 6 * sc, y, widths[0] - 8 * sc, s->row_h}, t->name, GFX_FONT_BOLD, theme.text,
             GFX_ALIGN_LEFT);
        x += widths[0];
        cell(g, (SDL_FRect){x + 4 * sc, y, widths[1] - 8 * sc, s->row_h}, when[0] ? when : "–", GFX_FONT_REGULAR,
             theme.text, GFX_ALIGN_LEFT);
        x += widths[1];
        for (size_t m = 0; m < nm; m++) {
            const ReportFigures *f = &t->modules[m];
            char b[32], l[32], a[32], text[128];
            if (f->attempts) {
                report_out_number(&o, f->best, 0, b, sizeof b);
                report_out_number(&o, f->last, 0, l, sizeof l);
                report_out_number(&o, f->average, 1, a, sizeof a);
                snprintf(text, sizeof text, "%s · %s · %s", b, l, a);
            } else {
                snprintf(text, sizeof text, "–");
            }
            cell_pt(g, (SDL_FRect){x + 4 * sc, y, widths[2 + m] - 8 * sc, s->row_h}, text, GFX_FONT_REGULAR, mod_pt,
                    f->mismatches ? theme.fail : theme.text, GFX_ALIGN_CENTER);
            x += widths[2 + m];
        }
        char num[32];
        snprintf(num, sizeof num, "%zu", t->all.attempts);
        cell(g, (SDL_FRect){x, y, widths[2 + nm], s->row_h}, num, GFX_FONT_REGULAR, theme.text, GFX_ALIGN_CENTER);
        x += widths[2 + nm];
        snprintf(num, sizeof num, "%zu / %zu", t->all.passed_scenarios, t->all.scenarios_tried);
        cell(g, (SDL_FRect){x, y, widths[3 + nm], s->row_h}, num, GFX_FONT_REGULAR, theme.text, GFX_ALIGN_CENTER);
    }
    SDL_RenderSetClipRect(app->renderer, NULL);
}

static void review_frame(void *self, App *app)
{
    ReviewScene *s = self;
    review_draw(s, app);
    if (s->dialog != DIALOG_NONE) dialog_frame(s, app);
}

const SceneDef scene_review = {"review", review_create, review_destroy, review_event, NULL, review_frame, NULL};
