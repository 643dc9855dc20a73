/*
 * scene_trainee.c - one trainee's page in the instructor area: the score
 * over time per module (a chart each), the attempt list with the check mark
 * of each (every attempt replayed to check its stored score: verified or
 * mismatch), the selected attempt's per-criterion breakdown with the
 * sentence that explains it, and the actions: replay the attempt, rename
 * the trainee, remove (archive) the trainee, each change confirmed first.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "fibresim/trainee_admin.h"
#include "i18n.h"
#include "instructor.h"
#include "report_loader.h"
#include "scene_common.h"
#include "theme.h"

typedef enum Dialog { DIALOG_NONE, DIALOG_RENAME, DIALOG_REMOVE } Dialog;

typedef struct TraineeScene {
    Report r;
    const ReportTrainee *t;    /* borrowed from r, NULL if unknown */
    char **items, **details;   /* owned list texts, newest attempt first */
    size_t *index;             /* owned: list row -> attempt index in r */
    int n;
    int selected;
    float list_scroll, crit_scroll;
    char lang[4];
    Dialog dialog;
    char name[128];
    char msg[256];
    ReportOut out;             /* scenario titles (owned), labels and numbers */
    SDL_FRect breakdown_r;     /* last frame's breakdown area, for the wheel */
    int shown_selected;        /* attempt whose breakdown is shown */
    ReportLoader loader;       /* the trainee's report, built on its own thread */
    bool loaded;               /* r holds a finished report */
} TraineeScene;

static void free_lists(TraineeScene *s)
{
    for (int i = 0; i < s->n; i++) {
        free(s->items[i]);
        free(s->details[i]);
    }
    free(s->items);
    free(s->details);
    free(s->index);
    s->items = s->details = NULL;
    s->index = NULL;
    s->n = 0;
}

static char *dup_text(const char *t)
{
    size_t n = strlen(t) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, t, n);
    return d;
}

/* List texts in the current language, newest attempt first. */
static void build_lists(TraineeScene *s, App *app)
{
    free_lists(s);
    snprintf(s->lang, sizeof s->lang, "%s", app->settings.lang);
    if (!s->t || s->t->count == 0) return;
    size_t n = s->t->count;
    s->items = calloc(n, sizeof *s->items);
    s->details = calloc(n, sizeof *s->details);
    s->index = calloc(n, sizeof *s->index);
    if (!s->items || !s->details || !s->index) return;
    s->out.lang = app->settings.lang;
    s->out.decimal_sep = i18n_decimal_sep();
    const ReportOut *o = &s->out;
    for (size_t i = 0; i < n; i++) {
        size_t k = s->t->first + n - 1 - i;
        const ReportAttempt *a = &s->r.attempts[k];
        char when[32], score[32], line[320];
        report_out_time(a->started_at, false, when, sizeof when);
        report_out_number(o, a->total, 1, score, sizeof score);
        snprintf(line, sizeof line, "%s — %s", when, report_out_scenario_title(o, a));
        s->items[i] = dup_text(line);
        snprintf(line, sizeof line, _("%s / 100, %s, %s"), score, a->passed ? _("passed") : _("not passed"),
                 report_check_label(a->check));
        s->details[i] = dup_text(line);
        s->index[i] = k;
        s->n++;
    }
}

/* Every attempt of the trainee checked by replay (new ones only: the cache
 * remembers the others) on the loader's thread; the page shows how far it
 * is the first time, and keeps what it shows while it reloads. */
static void start_load(TraineeScene *s, App *app)
{
    report_loader_start(&s->loader, app, app->review_trainee, true, true);
    app->busy = report_loader_busy(&s->loader);
}

/* Takes the finished report, if there is one. */
static void take_report(TraineeScene *s, App *app)
{
    Report r;
    ReportOut out;
    bool ok = false;
    if (!report_loader_poll(&s->loader, &r, &ok, &out)) return;
    report_out_finish(&s->out);
    report_finish(&s->r);
    free_lists(s);
    s->r = r;
    s->out = out;
    s->out.r = &s->r;
    s->loaded = true;
    s->t = NULL;
    for (size_t i = 0; ok && i < s->r.n_trainees; i++) {
        if (strcmp(s->r.trainees[i].id, app->review_trainee) == 0) s->t = &s->r.trainees[i];
    }
    if (!ok) s->out = instructor_out(app, &s->r); /* labels even with no report */
    build_lists(s, app);
    s->selected = s->n > 0 ? 0 : -1;
    /* back from a replay: the same attempt selected */
    for (int i = 0; i < s->n; i++) {
        if (strcmp(s->r.attempts[s->index[i]].path, app->review_attempt) == 0) {
            s->selected = i;
            s->list_scroll = -1; /* ui_list brings it into view */
        }
    }
}

static void *trainee_create(App *app)
{
    if (!app->instructor_unlocked) {
        app_goto(app, SCENE_PIN);
    }
    TraineeScene *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->selected = -1;
    s->shown_selected = -1;
    if (app->instructor_unlocked) start_load(s, app);
    return s;
}

static void trainee_destroy(void *self)
{
    TraineeScene *s = self;
    report_loader_stop(&s->loader);
    free_lists(s);
    report_out_finish(&s->out);
    report_finish(&s->r);
    free(s);
}

static bool trainee_event(void *self, App *app, const SDL_Event *e)
{
    TraineeScene *s = self;
    if (e->type == SDL_KEYDOWN && (e->key.keysym.sym == SDLK_PAGEDOWN || e->key.keysym.sym == SDLK_PAGEUP)) {
        s->crit_scroll += (e->key.keysym.sym == SDLK_PAGEDOWN ? 1.0f : -1.0f) * s->breakdown_r.h * 0.8f;
        if (s->crit_scroll < 0) s->crit_scroll = 0;
        return true;
    }
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        if (s->dialog != DIALOG_NONE) s->dialog = DIALOG_NONE;
        else app_goto(app, SCENE_REVIEW);
        return true;
    }
    return false;
}

static void draw_breakdown(TraineeScene *s, App *app, SDL_FRect area, const ReportAttempt *a)
{
    Gfx *g = app->gfx;
    float sc = app_scale(app);
    const ReportOut *o = &s->out;
    s->breakdown_r = area;
    SDL_Rect clip = {(int)area.x, (int)area.y, (int)area.w, (int)area.h};
    SDL_RenderSetClipRect(app->renderer, &clip);
    float y = area.y - s->crit_scroll;
    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_SMALL);
    /* which attempt this is: the list above may have scrolled it away */
    char when[32], title[320];
    report_out_time(a->started_at, false, when, sizeof when);
    snprintf(title, sizeof title, "%s — %s", report_out_scenario_title(o, a), when);
    GfxTextStyle ts0 = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
    ts0.wrap = true;
    float th0 = gfx_text_wrapped_height(g, title, GFX_FONT_BOLD, THEME_TEXT_BODY, area.w - 12 * sc);
    gfx_text(g, title, (SDL_FRect){area.x, y, area.w - 12 * sc, th0 + 1}, &ts0);
    y += th0 + 4 * sc;
    /* the check of this attempt first: verified or why not */
    char head[512], detail[400];
    report_check_detail_text(a, i18n_translate, NULL, i18n_decimal_sep(), detail, sizeof detail);
    snprintf(head, sizeof head, "%s%s%s", report_check_label(a->check), detail[0] ? _(": ") : "", detail);
    GfxTextStyle hs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL,
                                a->check == REPORT_VERIFIED ? theme.ok : a->check == REPORT_MISMATCH ? theme.fail
                                                                                                     : theme.text_muted);
    hs.wrap = true;
    float hh = gfx_text_wrapped_height(g, head, GFX_FONT_BOLD, THEME_TEXT_SMALL, area.w - lh - 6 * sc);
    gfx_icon(g, a->check == REPORT_VERIFIED ? GFX_ICON_CHECK : a->check == REPORT_MISMATCH ? GFX_ICON_CROSS
                                                                                            : GFX_ICON_INFO,
             (SDL_FRect){area.x, y, lh, lh}, hs.color);
    gfx_text(g, head, (SDL_FRect){area.x + lh + 6 * sc, y, area.w - lh - 6 * sc, hh + 1}, &hs);
    y += hh + 8 * sc;
    for (uint32_t i = 0; i < a->n_criteria; i++) {
        const ReportCriterion *c = &a->criteria[i];
        char label[128], text[512];
        report_criterion_text(o, a, c, label, sizeof label, text, sizeof text);
        GfxIcon icon = c->verdict == VERDICT_OK ? GFX_ICON_CHECK : c->verdict == VERDICT_PARTIAL ? GFX_ICON_MINUS
                                                                                                 : GFX_ICON_CROSS;
        SDL_Color col = c->verdict == VERDICT_OK ? theme.ok : c->verdict == VERDICT_PARTIAL ? theme.partial : theme.fail;
        float tw = area.w - lh - 18 * sc; /* room for the scroll bar */
        float th = gfx_text_wrapped_height(g, text, GFX_FONT_REGULAR, THEME_TEXT_SMALL - 1, tw);
        if (y + lh + th > area.y && y < area.y + area.h) {
            gfx_icon(g, icon, (SDL_FRect){area.x, y, lh, lh}, col);
            GfxTextStyle ls = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, theme.text);
            ls.shrink = true;
            gfx_text(g, label, (SDL_FRect){area.x + lh + 8 * sc, y, tw, lh}, &ls);
            GfxTextStyle ts = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL - 1, theme.text);
            ts.wrap = true;
            gfx_text(g, text, (SDL_FRect){area.x + lh + 8 * sc, y + lh, tw, th + 1}, &ts);
        }
        y += lh + th + 6 * sc;
    }
    SDL_RenderSetClipRect(app->renderer, NULL);
    float content = y + s->crit_scroll - area.y;
    ui_scroll_area(app->ui, "trainee.breakdown", area, content, &s->crit_scroll);
}

static void today(char out[16])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, 16, "%Y-%m-%d", &tm);
}

static void dialogs(TraineeScene *s, App *app)
{
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    float w = fminf((float)app->w - 80 * sc, 640 * sc), h = row * 4.6f;
    SDL_FRect box = {((float)app->w - w) * 0.5f, ((float)app->h - h) * 0.5f, w, h};
    gfx_fill_rect(g, (SDL_FRect){0, 0, (float)app->w, (float)app->h}, (SDL_Color){20, 30, 40, 140});
    ui_modal(ui, true, box);
    scene_card(app, box);
    SDL_FRect in = rect_inset(box, 20 * sc);
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_BODY);
    GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    st.wrap = true;
    st.shrink = true;
    SDL_FRect btns = rect_take_bottom(&in, row, 10 * sc);
    SDL_FRect a, b;
    rect_split_h(btns, (btns.w - THEME_GAP * sc) * 0.5f, THEME_GAP * sc, &a, &b);
    if (s->dialog == DIALOG_RENAME) {
        gfx_text(g, _("New display name (the trainee id and the attempts stay):"), rect_take_top(&in, lh * 1.2f, 8 * sc),
                 &st);
        bool enter = ui_text_field(ui, "trainee.name", rect_take_top(&in, row, 0), s->name, sizeof s->name,
                                   _("e.g. Marie Dupont"));
        if (ui_button(ui, "trainee.cancel", a, _("Cancel"), GFX_ICON_CROSS, UI_SECONDARY)) s->dialog = DIALOG_NONE;
        if (ui_button(ui, "trainee.save", b, _("Rename"), GFX_ICON_CHECK, UI_PRIMARY) || enter) {
            char err[256] = "";
            if (trainee_rename(app->paths.data, app->review_trainee, s->name, err, sizeof err) == JOURNAL_OK) {
                s->dialog = DIALOG_NONE;
                trainees_finish(&app->trainees);
                trainees_load(&app->journal, &app->trainees);
                start_load(s, app);
                snprintf(s->msg, sizeof s->msg, "%s", _("Renamed."));
            } else {
                snprintf(s->msg, sizeof s->msg, "%s", _("This name cannot be used."));
            }
        }
    } else {
        char text[512];
        snprintf(text, sizeof text,
                 _("Remove %s? Their file and their %zu attempts move to the archive folder of the data folder "
                   "(nothing is deleted)."),
                 s->t ? s->t->name : app->review_trainee, s->t ? s->t->count : (size_t)0);
        gfx_text(g, text, in, &st);
        if (ui_button(ui, "trainee.keep", a, _("Cancel"), GFX_ICON_CROSS, UI_SECONDARY)) s->dialog = DIALOG_NONE;
        if (ui_button(ui, "trainee.archive", b, _("Remove"), GFX_ICON_WARNING, UI_DANGER)) {
            char date[16], err[512] = "";
            today(date);
            TraineeArchiveStats st_a;
            JournalStatus js = trainee_archive(app->paths.data, app->review_trainee, date, &st_a, err, sizeof err);
            s->dialog = DIALOG_NONE;
            if (js == JOURNAL_OK) {
                SDL_Log("trainee %s archived to %s (%zu attempts)", app->review_trainee, st_a.archive_dir,
                        st_a.attempts_moved);
                trainees_finish(&app->trainees);
                trainees_load(&app->journal, &app->trainees);
                if (strcmp(app->trainee.id, app->review_trainee) == 0) memset(&app->trainee, 0, sizeof app->trainee);
                app->review_trainee[0] = '\0';
                app_goto(app, SCENE_REVIEW);
            } else {
                SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "archive: %s", err);
                snprintf(s->msg, sizeof s->msg, "%s", _("Not everything could be moved; nothing was lost. Try again."));
            }
        }
    }
    ui_modal(ui, false, box);
}

static void trainee_frame(void *self, App *app)
{
    TraineeScene *s = self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    take_report(s, app);
    app->busy = report_loader_busy(&s->loader);
    if (s->loaded && strcmp(s->lang, app->settings.lang) != 0) build_lists(s, app);
    SDL_FRect bar = scene_topbar(app, s->t ? s->t->name : app->review_trainee, _("Instructor area"),
                                 (float)app->w * 0.55f);
    float bw = fmaxf(row * 3.2f, 190 * sc);
    if (ui_button(ui, "trainee.back", (SDL_FRect){bar.w - THEME_MARGIN * sc - bw, (bar.h - row) * 0.5f, bw, row},
                  _("Trainees"), GFX_ICON_ARROW_LEFT, UI_QUIET)) {
        app_goto(app, SCENE_REVIEW);
    }
    SDL_FRect body = scene_body(app);
    if (!s->loaded) {
        scene_card(app, body);
        report_loader_draw(&s->loader, app, rect_inset(body, 40 * sc));
        return;
    }
    SDL_FRect btns = rect_take_bottom(&body, row, THEME_GAP * sc);
    SDL_FRect left, right;
    rect_split_h(body, body.w * 0.42f, THEME_GAP * sc, &left, &right);

    /* charts, one per module with attempts */
    size_t shown = 0;
    for (size_t m = 0; s->t && m < s->t->n_modules; m++) shown += s->t->modules[m].attempts > 0;
    if (shown == 0) {
        scene_card(app, left);
        GfxTextStyle ms = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
        ms.wrap = true;
        gfx_text(g, _("No attempt yet."), rect_inset(left, 20 * sc), &ms);
    } else {
        float ch = (left.h - (float)(shown - 1) * 10 * sc) / (float)shown;
        SDL_FRect c = {left.x, left.y, left.w, ch};
        for (size_t m = 0; m < s->t->n_modules; m++) {
            if (s->t->modules[m].attempts == 0) continue;
            instructor_chart(app, c, &s->r, s->t, &s->t->modules[m]);
            c.y += ch + 10 * sc;
        }
    }

    /* attempts and the selected one's breakdown */
    scene_card(app, right);
    float pad = 14 * sc;
    SDL_FRect in = rect_inset(right, pad);
    SDL_FRect list = rect_take_top(&in, in.h * 0.42f, 10 * sc);
    if (s->n > 0) {
        ui_list(ui, "trainee.list", list, (const char *const *)s->items, (const char *const *)s->details, s->n,
                &s->selected, &s->list_scroll);
    }
    if (s->selected != s->shown_selected) {
        s->crit_scroll = 0; /* another attempt: its breakdown from the top */
        s->shown_selected = s->selected;
    }
    if (s->selected >= 0 && s->selected < s->n) {
        draw_breakdown(s, app, in, &s->r.attempts[s->index[s->selected]]);
    }

    /* actions */
    float aw = (btns.w - 3 * THEME_GAP * sc) / 4.0f;
    SDL_FRect b0 = {btns.x, btns.y, aw, row}, b1 = b0, b2 = b0, b3 = b0;
    b1.x += aw + THEME_GAP * sc;
    b2.x = b1.x + aw + THEME_GAP * sc;
    b3.x = b2.x + aw + THEME_GAP * sc;
    if (s->msg[0]) {
        GfxTextStyle ms = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, theme.text);
        ms.valign = GFX_VALIGN_MIDDLE;
        ms.shrink = true;
        gfx_text(g, s->msg, b0, &ms);
    }
    bool modal = s->dialog != DIALOG_NONE;
    if (ui_button_ex(ui, "trainee.rename", b1, _("Rename"), GFX_ICON_USER, UI_SECONDARY, !modal && s->t)) {
        s->dialog = DIALOG_RENAME;
        snprintf(s->name, sizeof s->name, "%s", s->t->name);
        ui_focus(ui, "trainee.name");
    }
    if (ui_button_ex(ui, "trainee.remove", b2, _("Remove"), GFX_ICON_WARNING, UI_DANGER, !modal && s->t)) {
        s->dialog = DIALOG_REMOVE;
    }
    bool can_replay = !modal && s->selected >= 0 && s->selected < s->n;
    if (ui_button_ex(ui, "trainee.replay", b3, _("Replay"), GFX_ICON_PLAY, UI_PRIMARY, can_replay)) {
        snprintf(app->review_attempt, sizeof app->review_attempt, "%s", s->r.attempts[s->index[s->selected]].path);
        app->review_start_frac = 0;
        app->review_autoplay = true;
        app_goto(app, SCENE_REPLAY);
    }
    if (modal) dialogs(s, app);
}

const SceneDef scene_trainee = {"trainee", trainee_create, trainee_destroy, trainee_event, NULL, trainee_frame, NULL};
