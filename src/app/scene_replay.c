/*
 * scene_replay.c - a stored attempt played again through its module and its
 * module's picture (ModuleScene): exactly what the trainee did, since the
 * attempt is re-simulated from the record (the scenario bytes of its hash,
 * its seed, its events at their ticks) by the same core code.
 *
 * Play / pause, speed x0.5 to x8, a timeline to seek (seeking back starts
 * again from tick 0 and re-simulates up to the chosen tick: deterministic),
 * and the criteria marked on the timeline where they were measured
 * (CriterionResult.tick), coloured by their verdict, with the sentence of the
 * last one reached. Keys: Space play/pause, Left/Right 5 s, Home start,
 * Escape back to the trainee's page.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fibresim/attempt.h"
#include "fibresim/core.h"
#include "fibresim/journal.h"
#include "fibresim/messages.h"
#include "fibresim/record.h"
#include "i18n.h"
#include "instructor.h"
#include "module_scene.h"
#include "scene_common.h"
#include "theme.h"

static const double speeds[] = {0.5, 1.0, 2.0, 4.0, 8.0};
#define N_SPEEDS 5

typedef struct ReplayScene {
    AttemptRecord rec;
    bool have_rec;
    Scenario *scn;             /* owned */
    Attempt *a;                /* owned */
    size_t next_event;         /* first event not stepped yet */
    const ModuleScene *ms;
    void *ms_self;
    ModuleSceneEnv env;
    bool playing;
    int speed;                 /* index in speeds */
    double acc;
    char error[512];
    SDL_FRect timeline;        /* last frame's, for the pointer */
    bool dragging;             /* a mouse button or a finger holds the cursor */
    bool drag_finger;          /* by a finger: drag_finger_id */
    SDL_FingerID drag_finger_id;
    uint32_t drag_tick;
    double opened_s;
} ReplayScene;

static uint32_t tick_now(const ReplayScene *s)
{
    return s->a ? attempt_tick(s->a) : 0;
}

static bool can_step(const ReplayScene *s)
{
    return s->a && attempt_status(s->a) == ATTEMPT_RUNNING && attempt_tick(s->a) < s->rec.end_tick;
}

/* One tick with the events recorded for it. */
static void step_one(ReplayScene *s)
{
    uint32_t t = attempt_tick(s->a);
    size_t i = s->next_event, j = i;
    while (j < s->rec.events.count && s->rec.events.items[j].tick == t) {
        j++;
    }
    attempt_step(s->a, s->rec.events.items + i, j - i);
    s->next_event = j;
}

/* Re-simulates from tick 0 when going back, then steps to target. */
static void seek(ReplayScene *s, uint32_t target)
{
    if (!s->scn) return;
    if (target > s->rec.end_tick) target = s->rec.end_tick;
    if (!s->a || target < attempt_tick(s->a)) {
        attempt_destroy(s->a);
        s->a = attempt_create(s->scn, s->rec.seed);
        s->next_event = 0;
        if (!s->a) {
            snprintf(s->error, sizeof s->error, "%s", _("Out of memory."));
            return;
        }
    }
    while (can_step(s) && attempt_tick(s->a) < target) {
        step_one(s);
    }
}

static void *replay_create(App *app)
{
    if (!app->instructor_unlocked) {
        app_goto(app, SCENE_PIN);
    }
    ReplayScene *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->speed = 1;
    s->opened_s = app->time_s;
    record_init(&s->rec);
    if (!app->review_attempt[0]) {
        snprintf(s->error, sizeof s->error, "%s", _("No attempt to replay."));
        return s;
    }
    DiagList d;
    diag_list_init(&d);
    s->have_rec = record_load(app->review_attempt, &s->rec, &d);
    diag_list_finish(&d);
    if (!s->have_rec) {
        snprintf(s->error, sizeof s->error, _("The attempt file cannot be read: %s"), app->review_attempt);
        return s;
    }
    const char *data[2] = {app->paths.data, NULL};
    const char *scns[2] = {app->paths.scenarios, NULL};
    ScenarioLookup look;
    if (journal_find_scenario(data, scns, s->rec.scenario_id, s->rec.scenario_hash, &look)) {
        s->scn = journal_load_scenario(data, &look, NULL);
    }
    journal_scenario_lookup_finish(&look);
    if (!s->scn) {
        snprintf(s->error, sizeof s->error,
                 _("The exact scenario file of this attempt (%s, version %d) is not on this computer: it cannot be "
                   "replayed."),
                 s->rec.scenario_id, s->rec.scenario_version);
        return s;
    }
    s->ms = module_scene_find(s->scn->module->name);
    s->ms_self = s->ms && s->ms->create ? s->ms->create(s->scn) : NULL;
    seek(s, (uint32_t)(app->review_start_frac * s->rec.end_tick));
    s->playing = app->review_autoplay;
    return s;
}

static void replay_destroy(void *self)
{
    ReplayScene *s = self;
    if (s->ms && s->ms->destroy && s->ms_self) s->ms->destroy(s->ms_self);
    attempt_destroy(s->a);
    scenario_destroy(s->scn);
    record_finish(&s->rec);
    free(s);
}

static void replay_tick(void *self, App *app)
{
    ReplayScene *s = self;
    (void)app;
    if (!s->playing || s->dragging || !s->a) return;
    s->acc += speeds[s->speed];
    while (s->acc >= 1.0 && can_step(s)) {
        step_one(s);
        s->acc -= 1.0;
    }
    if (!can_step(s)) {
        s->playing = false;
        s->acc = 0;
    }
}

static uint32_t tick_at(const ReplayScene *s, float x)
{
    float f = (x - s->timeline.x) / (s->timeline.w > 0 ? s->timeline.w : 1);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return (uint32_t)lround((double)f * (double)s->rec.end_tick);
}

static bool in_timeline(const ReplayScene *s, float x, float y)
{
    SDL_FRect t = s->timeline;
    float grow = t.h; /* a generous target for a finger */
    return x >= t.x - grow && x <= t.x + t.w + grow && y >= t.y - grow && y <= t.y + t.h + grow;
}

static bool replay_event(void *self, App *app, const SDL_Event *e)
{
    ReplayScene *s = self;
    uint32_t five_s = 5 * FS_TICK_HZ;
    switch (e->type) {
    case SDL_KEYDOWN:
        switch (e->key.keysym.sym) {
        case SDLK_SPACE:
            if (!can_step(s)) seek(s, 0);
            s->playing = !s->playing;
            return true;
        case SDLK_LEFT: seek(s, tick_now(s) > five_s ? tick_now(s) - five_s : 0); return true;
        case SDLK_RIGHT: seek(s, tick_now(s) + five_s); return true;
        case SDLK_HOME: seek(s, 0); return true;
        case SDLK_ESCAPE: app_goto(app, SCENE_TRAINEE); return true;
        default: return false;
        }
    /* A finger on the timeline: its own events (positions 0..1 of the
     * window); SDL's mouse copies of touches are left out below, so a touch
     * is handled once, whatever the platform sends. */
    case SDL_FINGERDOWN: {
        float x = e->tfinger.x * (float)app->w, y = e->tfinger.y * (float)app->h;
        if (s->a && !s->dragging && in_timeline(s, x, y)) {
            s->dragging = true;
            s->drag_finger = true;
            s->drag_finger_id = e->tfinger.fingerId;
            s->drag_tick = tick_at(s, x);
            return true;
        }
        return false;
    }
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        if (!s->dragging || !s->drag_finger || e->tfinger.fingerId != s->drag_finger_id) {
            return false;
        }
        s->drag_tick = tick_at(s, e->tfinger.x * (float)app->w);
        if (e->type == SDL_FINGERUP) {
            s->dragging = false;
            seek(s, s->drag_tick);
        }
        return true;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which != SDL_TOUCH_MOUSEID && e->button.button == SDL_BUTTON_LEFT && s->a && !s->dragging
            && in_timeline(s, (float)e->button.x, (float)e->button.y)) {
            s->dragging = true;
            s->drag_finger = false;
            s->drag_tick = tick_at(s, (float)e->button.x);
            return true;
        }
        return false;
    case SDL_MOUSEMOTION:
        if (s->dragging && !s->drag_finger && e->motion.which != SDL_TOUCH_MOUSEID) {
            s->drag_tick = tick_at(s, (float)e->motion.x);
            return true;
        }
        return false;
    case SDL_MOUSEBUTTONUP:
        if (s->dragging && !s->drag_finger && e->button.which != SDL_TOUCH_MOUSEID) {
            s->dragging = false;
            seek(s, tick_at(s, (float)e->button.x));
            return true;
        }
        return false;
    default:
        return false;
    }
}

static void clock_text(uint32_t ticks, char *out, size_t n)
{
    unsigned secs = ticks / FS_TICK_HZ;
    snprintf(out, n, "%u:%02u", secs / 60, secs % 60);
}

static SDL_Color verdict_colour(Verdict v)
{
    return v == VERDICT_OK ? theme.ok : v == VERDICT_PARTIAL ? theme.partial : theme.fail;
}

static void draw_timeline(ReplayScene *s, App *app, SDL_FRect r)
{
    Gfx *g = app->gfx;
    float sc = app_scale(app);
    float bar_h = fmaxf(10 * sc, 8.0f);
    SDL_FRect bar = {r.x, r.y + (r.h - bar_h) * 0.5f, r.w, bar_h};
    s->timeline = bar;
    gfx_fill_rounded(g, bar, bar_h * 0.5f, (SDL_Color){214, 220, 228, 255});
    uint32_t end = s->rec.end_tick ? s->rec.end_tick : 1;
    uint32_t now = s->dragging ? s->drag_tick : tick_now(s);
    float fx = bar.w * (float)now / (float)end;
    if (fx > 1) gfx_fill_rounded(g, (SDL_FRect){bar.x, bar.y, fx, bar.h}, bar_h * 0.5f, theme.primary);
    /* the criteria where they were measured, coloured by verdict */
    const Result *res = &s->rec.result;
    float mk = fmaxf(9 * sc, 7.0f);
    for (size_t i = 0; i < res->n_criteria; i++) {
        const CriterionResult *c = &res->criteria[i];
        if (!c->measured) continue;
        float x = bar.x + bar.w * (float)(c->tick > end ? end : c->tick) / (float)end;
        SDL_Color col = verdict_colour(c->verdict);
        gfx_fill_triangle(g, (SDL_FPoint){x, bar.y - 2}, (SDL_FPoint){x - mk * 0.7f, bar.y - 2 - mk},
                          (SDL_FPoint){x + mk * 0.7f, bar.y - 2 - mk}, col);
    }
    for (size_t i = 0; i < res->n_safety; i++) {
        float x = bar.x + bar.w * (float)(res->safety[i].tick > end ? end : res->safety[i].tick) / (float)end;
        gfx_icon(g, GFX_ICON_WARNING, (SDL_FRect){x - mk, bar.y + bar.h + 2, 2 * mk, 2 * mk}, theme.fail);
    }
    gfx_fill_circle(g, bar.x + fx, bar.y + bar.h * 0.5f, bar_h, theme.text);
    gfx_fill_circle(g, bar.x + fx, bar.y + bar.h * 0.5f, bar_h * 0.6f, theme.panel);
}

/* The sentence of the last criterion measured up to now (translated). */
static bool last_reached(const ReplayScene *s, App *app, char *label, size_t ln, char *text, size_t tn,
                         Verdict *v)
{
    const Result *res = &s->rec.result;
    const CriterionResult *best = NULL;
    uint32_t now = tick_now(s);
    for (size_t i = 0; i < res->n_criteria; i++) {
        const CriterionResult *c = &res->criteria[i];
        if (c->measured && c->tick <= now && (!best || c->tick >= best->tick)) best = c;
    }
    if (!best) return false;
    const MessageDef *m = message_find(s->scn ? s->scn->module->messages : NULL,
                                       best->def.message[0] ? best->def.message : best->def.measure);
    snprintf(label, ln, "%s", m->label ? _(m->label) : best->def.id);
    message_format(_(message_template(m, best->verdict)), best, i18n_decimal_sep(), text, tn);
    *v = best->verdict;
    (void)app;
    return true;
}

static void replay_frame(void *self, App *app)
{
    ReplayScene *s = self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    char title[256];
    snprintf(title, sizeof title, _("Replay: %s"), s->have_rec ? s->rec.trainee_name : "");
    const char *sub = s->scn ? scenario_title(s->scn, app->settings.lang) : "";
    SDL_FRect bar = scene_topbar(app, title, sub, (float)app->w * 0.6f);
    float bw = fmaxf(row * 3.2f, 190 * sc);
    if (ui_button(ui, "replay.back", (SDL_FRect){bar.w - THEME_MARGIN * sc - bw, (bar.h - row) * 0.5f, bw, row},
                  _("Back"), GFX_ICON_ARROW_LEFT, UI_QUIET)) {
        app_goto(app, SCENE_TRAINEE);
    }
    SDL_FRect body = scene_body(app);
    if (!s->a) {
        scene_card(app, body);
        GfxTextStyle ms = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
        ms.wrap = true;
        gfx_text(g, s->error[0] ? s->error : _("No attempt to replay."), rect_inset(body, 24 * sc), &ms);
        return;
    }
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL);
    SDL_FRect info = rect_take_bottom(&body, lh * 2.2f, 6 * sc);
    SDL_FRect tl = rect_take_bottom(&body, fmaxf(row * 0.7f, 30 * sc), 6 * sc);
    SDL_FRect ctl = rect_take_bottom(&body, row, 8 * sc);

    /* the module's picture, read-only, as the trainee saw it */
    gfx_fill_rounded(g, body, THEME_RADIUS * sc, theme.scene_bg);
    if (s->ms && s->ms->draw) {
        s->env.renderer = app->renderer;
        s->env.gfx = g;
        s->env.lang = app->settings.lang;
        s->env.area = (SDL_Rect){(int)body.x, (int)body.y, (int)body.w, (int)body.h};
        s->env.text_scale = gfx_text_scale(g);
        s->env.anim_s = app->time_s - s->opened_s;
        SDL_RenderSetClipRect(app->renderer, &s->env.area);
        s->ms->draw(s->ms_self, &s->env, attempt_module_state(s->a));
        SDL_RenderSetClipRect(app->renderer, NULL);
    } else {
        GfxTextStyle ms = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
        ms.wrap = true;
        ms.align = GFX_ALIGN_CENTER;
        ms.valign = GFX_VALIGN_MIDDLE;
        gfx_text(g, _("This module has no picture yet: the timeline and the criteria below still show what "
                      "happened, tick by tick."),
                 rect_inset(body, 40 * sc), &ms);
    }

    /* controls: play/pause, speed, time */
    float pw = fmaxf(row * 3.0f, 170 * sc);
    SDL_FRect play = {ctl.x, ctl.y, pw, row};
    bool at_end = !can_step(s);
    if (ui_button(ui, "replay.play", play, s->playing ? _("Pause") : at_end ? _("Again") : _("Play"),
                  s->playing ? GFX_ICON_PAUSE : at_end ? GFX_ICON_RETRY : GFX_ICON_PLAY, UI_PRIMARY)) {
        if (at_end) seek(s, 0);
        s->playing = !s->playing;
    }
    static const char *const speed_labels[N_SPEEDS] = {"x0.5", "x1", "x2", "x4", "x8"};
    const char *labels[N_SPEEDS];
    char fr_half[8];
    snprintf(fr_half, sizeof fr_half, "x0%c5", i18n_decimal_sep());
    for (int i = 0; i < N_SPEEDS; i++) labels[i] = i == 0 ? fr_half : speed_labels[i];
    SDL_FRect sp = {play.x + play.w + THEME_GAP * sc, ctl.y, fminf(420 * sc, ctl.w * 0.4f), row};
    ui_segmented(ui, "replay.speed", sp, labels, N_SPEEDS, &s->speed);
    char now[16], end[16], t[48];
    clock_text(s->dragging ? s->drag_tick : tick_now(s), now, sizeof now);
    clock_text(s->rec.end_tick, end, sizeof end);
    snprintf(t, sizeof t, "%s / %s", now, end);
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
    ts.align = GFX_ALIGN_RIGHT;
    ts.valign = GFX_VALIGN_MIDDLE;
    ts.shrink = true;
    gfx_text(g, t, (SDL_FRect){sp.x + sp.w, ctl.y, ctl.x + ctl.w - sp.x - sp.w, row}, &ts);

    draw_timeline(s, app, tl);

    /* what the last criterion reached says */
    char label[128], text[512], line[700];
    Verdict v = VERDICT_OK;
    GfxTextStyle is = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL, theme.text);
    is.wrap = true;
    is.shrink = true;
    if (last_reached(s, app, label, sizeof label, text, sizeof text, &v)) {
        snprintf(line, sizeof line, _("%s: %s"), label, text); /* French puts a space before ':' */
        gfx_icon(g, v == VERDICT_OK ? GFX_ICON_CHECK : v == VERDICT_PARTIAL ? GFX_ICON_MINUS : GFX_ICON_CROSS,
                 (SDL_FRect){info.x, info.y, lh, lh}, verdict_colour(v));
        gfx_text(g, line, (SDL_FRect){info.x + lh + 6 * sc, info.y, info.w - lh - 6 * sc, info.h}, &is);
    } else {
        is.color = theme.text_muted;
        gfx_text(g, _("The marks above the timeline show where each criterion was measured."), info, &is);
    }
}

const Attempt *instructor_replay_attempt(const void *self, const AttemptRecord **rec)
{
    const ReplayScene *s = self;
    if (rec) {
        *rec = s && s->have_rec ? &s->rec : NULL;
    }
    return s ? s->a : NULL;
}

const SceneDef scene_replay = {"replay", replay_create, replay_destroy, replay_event, replay_tick, replay_frame, NULL};

SDL_FRect instructor_replay_timeline(const void *self)
{
    return ((const ReplayScene *)self)->timeline;
}
