/*
 * scene_review.c - the instructor's trainee list: name, last activity, per
 * module the best, last and average score, attempts and passed scenarios.
 * A click on a column heading sorts by it (again: the other way); a click on
 * a trainee (or arrows and Enter) opens their page. Figures come from the
 * core's report of the data folder (include/fibresim/report.h).
 * Export and Import open their dialogs (review_dialog.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "instructor.h"
#include "report_loader.h"
#include "review_dialog.h"
#include "scene_common.h"
#include "theme.h"

typedef enum SortKey { SORT_NAME, SORT_LAST_ACTIVITY, SORT_MODULE, SORT_ATTEMPTS, SORT_PASSED } SortKey;

#define REVIEW_COLS_MAX 16


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
    ReviewDialog dialog; /* Export and Import */
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
    review_dialog_finish(&s->dialog); /* a copy under way ends first */
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

static bool review_event(void *self, App *app, const SDL_Event *e)
{
    ReviewScene *s = self;
    int n = (int)s->r.n_trainees;
    if (s->dialog.kind != REVIEW_DIALOG_NONE) {
        /* The dialog's buttons take the input; Escape closes it. */
        if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
            if (review_dialog_close(&s->dialog)) start_load(s, app); /* new attempts came in */
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
    bool free_ = !busy && s->dialog.kind == REVIEW_DIALOG_NONE;
    SDL_FRect refresh = {back.x - bw - THEME_GAP * sc, back.y, bw, row};
    if (ui_button_ex(ui, "review.refresh", refresh, _("Refresh"), GFX_ICON_RETRY, UI_QUIET, free_)) {
        start_load(s, app);
    }
    SDL_FRect export = {refresh.x - bw - THEME_GAP * sc, back.y, bw, row};
    if (ui_button_ex(ui, "review.export", export, _("Export"), GFX_ICON_SAVE, UI_QUIET, free_ && s->loaded && s->ok)) {
        review_dialog_open(&s->dialog, REVIEW_DIALOG_EXPORT);
    }
    if (ui_button_ex(ui, "review.import", (SDL_FRect){export.x - bw - THEME_GAP * sc, back.y, bw, row}, _("Import"),
                     GFX_ICON_ARROW_LEFT, UI_QUIET, free_)) {
        review_dialog_open(&s->dialog, REVIEW_DIALOG_IMPORT);
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
    if (s->dialog.kind != REVIEW_DIALOG_NONE && review_dialog_frame(&s->dialog, app, &s->r)) {
        start_load(s, app); /* closed after new attempts came in: the list, checked again */
    }
}

const SceneDef scene_review = {"review", review_create, review_destroy, review_event, NULL, review_frame, NULL};
