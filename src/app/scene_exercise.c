/*
 * scene_exercise.c - the attempt, the same for every module.
 *
 * Top bar: title, timer, hint and stop buttons. Under it the prompt line
 * (what to do now), the module's picture (ModuleScene) and its buttons.
 * SDL events become core InputEvents in the module's scene units (to_scene)
 * and wait in a queue; each fixed tick hands the queue to attempt_step().
 * Drawing only reads the attempt. When the attempt ends (finished, timed out
 * or stopped by the trainee) its record goes to the journal and the result
 * screen opens.
 */
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "exercise_preset.h"
#include "fibresim/attempt.h"
#include "fibresim/core.h"
#include "i18n.h"
#include "module_scene.h"
#include "scene_common.h"
#include "theme.h"

#define QUEUE_MAX 256
#define POINTERS_MAX 11      /* mouse + 10 fingers */
#define BUTTONS_MAX 9        /* keys 1..9 */

typedef struct ExerciseScene {
    const Scenario *scn;     /* borrowed from the catalog */
    Attempt *attempt;        /* owned */
    const ModuleScene *ms;   /* NULL if the module has no picture yet */
    void *ms_self;           /* owned by ms */
    InputEvent queue[QUEUE_MAX];
    size_t nq;
    bool confirm_quit;
    bool done;
    char started_at[32];
    char started_compact[20];
    ModuleSceneEnv env;
    bool env_valid;
    bool captured[POINTERS_MAX];   /* pressed inside the picture */
    bool on_control[POINTERS_MAX]; /* that press is on one of the picture's controls */
    uint32_t held_ticks[POINTERS_MAX]; /* ticks that control press has lasted */
    double last_x[POINTERS_MAX], last_y[POINTERS_MAX];
    SDL_FingerID finger_ids[POINTERS_MAX];
    char tap_id[POINTERS_MAX][32];  /* control of the picture pressed (choice_at), "" = none */
    SceneButton buttons[BUTTONS_MAX];
    size_t n_buttons;
    double opened_s;
} ExerciseScene;

static void utc_now(char iso[32], char compact[20])
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(iso, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (compact) strftime(compact, 20, "%Y%m%dT%H%M%SZ", &tm);
}

static uint64_t random_u64(void)
{
    uint64_t v = 0;
    randombytes_buf(&v, sizeof v);
    return v;
}

/* Tells the module's picture about a pointer event before the core gets it. */
static void show_pointer(ExerciseScene *s, const InputEvent *e)
{
    if (s->ms && s->ms->pointer && s->ms_self) {
        s->ms->pointer(s->ms_self, attempt_module_state(s->attempt), e);
    }
}

/* Steps the new attempt through a preset's events up to its end tick. */
static void replay_preset(ExerciseScene *s, const ExercisePreset *p)
{
    size_t i = 0;
    while (attempt_status(s->attempt) == ATTEMPT_RUNNING && attempt_tick(s->attempt) < p->end_tick) {
        uint32_t t = attempt_tick(s->attempt);
        size_t j = i;
        const void *state = attempt_module_state(s->attempt);
        while (j < p->events.count && p->events.items[j].tick <= t) {
            const InputEvent *e = &p->events.items[j];
            if (e->kind <= INPUT_POINTER_UP) show_pointer(s, e);
            /* as in exercise_tick: the picture sees each event with the state
             * before its tick, so its own settings (focus...) follow */
            if (s->ms && s->ms->observe && s->ms_self) s->ms->observe(s->ms_self, e, state);
            j++;
        }
        attempt_step(s->attempt, p->events.items + i, j - i);
        i = j;
    }
}

static void *exercise_create(App *app)
{
    if (!app->scenario) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "no scenario chosen");
        return NULL;
    }
    if (sodium_init() < 0) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "libsodium could not start");
        return NULL;
    }
    ExerciseScene *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->scn = app->scenario;
    uint64_t seed = app->preset ? app->preset->seed : random_u64();
    s->attempt = attempt_create(s->scn, seed);
    if (!s->attempt) {
        free(s);
        return NULL;
    }
    s->ms = module_scene_find(s->scn->module->name);
    if (s->ms) {
        s->ms_self = s->ms->create(s->scn);
        if (!s->ms_self) {
            attempt_destroy(s->attempt);
            free(s);
            return NULL;
        }
    } else {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "module %s has no picture in this front end", s->scn->module->name);
    }
    if (app->preset) {
        replay_preset(s, app->preset);
    }
    utc_now(s->started_at, s->started_compact);
    s->opened_s = app->time_s;
    SDL_Log("attempt: scenario %s v%d, seed %llu", s->scn->id, s->scn->version, (unsigned long long)seed);
    return s;
}

static void exercise_destroy(void *self)
{
    ExerciseScene *s = self;
    if (s->ms && s->ms_self) s->ms->destroy(s->ms_self);
    attempt_destroy(s->attempt);
    free(s);
}

/* ---- input ---- */

static void push(ExerciseScene *s, InputEvent e)
{
    /* a move replaces the previous move of the same pointer still waiting:
     * the module sees the latest position per tick, the log stays small */
    if (e.kind == INPUT_POINTER_MOVE && s->nq > 0) {
        InputEvent *last = &s->queue[s->nq - 1];
        if (last->kind == INPUT_POINTER_MOVE && last->pointer == e.pointer) {
            *last = e;
            return;
        }
    }
    if (s->nq < QUEUE_MAX) {
        s->queue[s->nq++] = e;
    } else {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "input queue full: event dropped");
    }
}

static int finger_slot(ExerciseScene *s, SDL_FingerID id, bool make)
{
    for (int i = 1; i < POINTERS_MAX; i++) {
        if (s->captured[i] && s->finger_ids[i] == id) return i;
    }
    if (!make) return -1;
    for (int i = 1; i < POINTERS_MAX; i++) {
        if (!s->captured[i]) {
            s->finger_ids[i] = id;
            return i;
        }
    }
    return -1;
}

/* A press on one of the picture's own controls (ModuleScene.control): its
 * events go out instead of the pointer's. True when the control took it. */
static bool control_hook_event(ExerciseScene *s, InputKind kind, int p, int px, int py)
{
    if (!s->ms->control || (kind != INPUT_POINTER_DOWN && !s->on_control[p])) return false;
    InputEvent out[MODULE_SCENE_CONTROL_OUT];
    size_t n = 0;
    bool mine = s->ms->control(s->ms_self, &s->env, kind, p, px, py, out, &n);
    if (kind == INPUT_POINTER_DOWN && !mine) return false;
    for (size_t i = 0; i < n && i < MODULE_SCENE_CONTROL_OUT; i++) push(s, out[i]);
    bool held = kind != INPUT_POINTER_UP;
    if (kind == INPUT_POINTER_DOWN) s->held_ticks[p] = 0;
    s->on_control[p] = held;
    s->captured[p] = held;
    return true;
}

/* A press on a control drawn in the picture: true if (px, py) is one (the
 * press is then the control's, not a pointer event); on release over the
 * same control its id becomes a choice (or a front-end action). */
static bool choice_at_event(ExerciseScene *s, InputKind kind, int p, int px, int py)
{
    if (!s->ms->choice_at) return false;
    const void *state = attempt_module_state(s->attempt);
    char id[32] = "";
    bool on = s->ms->choice_at(s->ms_self, &s->env, state, px, py, id);
    if (kind == INPUT_POINTER_DOWN) {
        if (!on) return false;
        /* a greyed control takes the press and does nothing ("" id) */
        memcpy(s->tap_id[p], id[0] ? id : "-", id[0] ? sizeof id : 2);
        s->captured[p] = true; /* so that a finger's release finds its slot */
        return true;
    }
    if (!s->tap_id[p][0]) return false;
    if (kind == INPUT_POINTER_UP) {
        if (on && id[0] && strcmp(id, s->tap_id[p]) == 0) {
            if (strncmp(id, "app:", 4) == 0) {
                if (s->ms->app_action) s->ms->app_action(s->ms_self, &s->env, state, id);
            } else {
                push(s, input_choice(0, id));
            }
        }
        s->tap_id[p][0] = '\0';
        s->captured[p] = false;
    }
    return true;
}

/* Pointer at pixel (px, py): down, move or up for pointer id p. */
static void pointer_event(ExerciseScene *s, InputKind kind, int p, int px, int py)
{
    if (!s->env_valid || !s->ms) return;
    if (control_hook_event(s, kind, p, px, py) || choice_at_event(s, kind, p, px, py)) return;
    if (!s->ms->to_scene) return;
    double x = 0, y = 0;
    bool in = s->ms->to_scene(s->ms_self, &s->env, px, py, &x, &y);
    if (kind == INPUT_POINTER_DOWN) {
        if (!in) return;
        s->captured[p] = true;
    } else if (!s->captured[p]) {
        /* hovering mouse inside the picture: moves only */
        if (kind == INPUT_POINTER_MOVE && p == 0 && in) {
            InputEvent ev = input_pointer(0, kind, p, x, y);
            show_pointer(s, &ev);
            push(s, ev);
        }
        return;
    }
    if (!in) {
        /* left the picture while pressed: keep the last point inside */
        x = s->last_x[p];
        y = s->last_y[p];
    }
    s->last_x[p] = x;
    s->last_y[p] = y;
    InputEvent ev = input_pointer(0, kind, p, x, y);
    show_pointer(s, &ev);
    push(s, ev);
    if (kind == INPUT_POINTER_UP) s->captured[p] = false;
}

static InputAction key_action(SDL_Keycode k, Uint16 mod)
{
    switch (k) {
    case SDLK_LEFT: return ACTION_LEFT;
    case SDLK_RIGHT: return ACTION_RIGHT;
    case SDLK_UP: return ACTION_UP;
    case SDLK_DOWN: return ACTION_DOWN;
    case SDLK_PAGEUP: case SDLK_PLUS: case SDLK_KP_PLUS: case SDLK_EQUALS: return ACTION_FINE_PLUS;
    case SDLK_PAGEDOWN: case SDLK_MINUS: case SDLK_KP_MINUS: return ACTION_FINE_MINUS;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE: return ACTION_CONFIRM;
    case SDLK_BACKSPACE: return ACTION_CANCEL;
    case SDLK_TAB: return (mod & KMOD_SHIFT) ? ACTION_PREV : ACTION_NEXT;
    case SDLK_i: return ACTION_ZOOM_IN;
    case SDLK_o: return ACTION_ZOOM_OUT;
    case SDLK_h: return ACTION_HINT;
    default: return ACTION_NONE;
    }
}

static bool exercise_event(void *self, App *app, const SDL_Event *e)
{
    ExerciseScene *s = self;
    if (s->done) return false;
    if (s->confirm_quit) {
        if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
            s->confirm_quit = false;
            return true;
        }
        return false; /* the dialog's buttons get the rest */
    }
    switch (e->type) {
    case SDL_KEYDOWN: {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_ESCAPE) {
            s->confirm_quit = true;
            return true;
        }
        if (k >= SDLK_1 && k <= SDLK_9 && !e->key.repeat) {
            size_t i = (size_t)(k - SDLK_1);
            if (i < s->n_buttons && s->buttons[i].enabled) push(s, input_choice(0, s->buttons[i].id));
            return true;
        }
        InputAction a = key_action(k, e->key.keysym.mod);
        if (a == ACTION_HINT && !s->scn->hints) a = ACTION_NONE;
        if (a != ACTION_NONE) push(s, input_key(0, a));
        return true; /* the keyboard belongs to the exercise */
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) return false;
        pointer_event(s, e->type == SDL_MOUSEBUTTONDOWN ? INPUT_POINTER_DOWN : INPUT_POINTER_UP, 0, e->button.x,
                      e->button.y);
        return false;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID) return false;
        pointer_event(s, INPUT_POINTER_MOVE, 0, e->motion.x, e->motion.y);
        return false;
    case SDL_MOUSEWHEEL: {
        if (e->wheel.which == SDL_TOUCH_MOUSEID || !s->env_valid || !s->ms || !s->ms->to_scene) return false;
        int mx = 0, my = 0;
        SDL_GetMouseState(&mx, &my);
        double x = 0, y = 0;
        if (s->ms->to_scene(s->ms_self, &s->env, mx, my, &x, &y)) push(s, input_wheel(0, x, y, e->wheel.preciseY));
        return false;
    }
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        int px = (int)(e->tfinger.x * (float)app->w), py = (int)(e->tfinger.y * (float)app->h);
        int slot = finger_slot(s, e->tfinger.fingerId, e->type == SDL_FINGERDOWN);
        if (slot < 0) return false;
        InputKind kind = e->type == SDL_FINGERDOWN ? INPUT_POINTER_DOWN
                         : e->type == SDL_FINGERUP ? INPUT_POINTER_UP
                                                   : INPUT_POINTER_MOVE;
        pointer_event(s, kind, slot, px, py);
        return false;
    }
    case SDL_MULTIGESTURE: {
        /* pinch: wheel steps at the centre of the fingers */
        if (!s->env_valid || !s->ms || !s->ms->to_scene || fabsf(e->mgesture.dDist) < 0.002f) return false;
        double x = 0, y = 0;
        if (s->ms->to_scene(s->ms_self, &s->env, (int)(e->mgesture.x * (float)app->w),
                            (int)(e->mgesture.y * (float)app->h), &x, &y)) {
            push(s, input_wheel(0, x, y, (double)e->mgesture.dDist * 20.0));
        }
        return false;
    }
    default:
        return false;
    }
}

/* ---- ticks ---- */

static void finish(ExerciseScene *s, App *app)
{
    s->done = true;
    const Result *res = attempt_result(s->attempt);
    AttemptRecord rec;
    record_init(&rec);
    rec.format_version = RECORD_FORMAT_VERSION;
    record_make_id(s->started_compact, random_u64(), rec.attempt_id);
    fs_strlcpy(rec.trainee_id, app->trainee.id[0] ? app->trainee.id : "anonymous", sizeof rec.trainee_id);
    fs_strlcpy(rec.trainee_name, app->trainee.name[0] ? app->trainee.name : "-", sizeof rec.trainee_name);
    fs_strlcpy(rec.scenario_id, s->scn->id, sizeof rec.scenario_id);
    rec.scenario_version = s->scn->version;
    fs_strlcpy(rec.scenario_hash, s->scn->hash_hex, sizeof rec.scenario_hash);
    fs_strlcpy(rec.module, s->scn->module->name, sizeof rec.module);
    rec.seed = attempt_seed(s->attempt);
    fs_strlcpy(rec.program_version, fs_version(), sizeof rec.program_version);
    fs_strlcpy(rec.started_at, s->started_at, sizeof rec.started_at);
    utc_now(rec.ended_at, NULL);
    rec.status = attempt_status(s->attempt);
    rec.end_tick = attempt_tick(s->attempt);
    const InputLog *log = attempt_log(s->attempt);
    for (size_t i = 0; i < log->count; i++) {
        if (!input_log_push(&rec.events, &log->items[i])) {
            SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "out of memory copying the attempt's events");
            break;
        }
    }
    if (res) rec.result = *res;
    SDL_Log("attempt %s: %s, %.1f/100, %s", rec.attempt_id, attempt_status_name(rec.status), res ? res->total : 0.0,
            res && res->passed ? "passed" : "not passed");
    app_attempt_finished(app, &rec, s->scn);
    record_finish(&rec);
    app_goto(app, SCENE_RESULT);
}

static void exercise_tick(void *self, App *app)
{
    ExerciseScene *s = self;
    if (s->done || s->confirm_quit) {
        return; /* the clock stops while the trainee decides to stop or not */
    }
    /* controls held down (a motor key) may repeat their events */
    for (int p = 0; s->ms && s->ms->control_held && p < POINTERS_MAX; p++) {
        if (!s->on_control[p]) continue;
        InputEvent out[MODULE_SCENE_CONTROL_OUT];
        size_t n = 0;
        s->ms->control_held(s->ms_self, p, ++s->held_ticks[p], out, &n);
        for (size_t i = 0; i < n && i < MODULE_SCENE_CONTROL_OUT; i++) push(s, out[i]);
    }
    if (s->ms && s->ms->observe) {
        const void *state = attempt_module_state(s->attempt);
        for (size_t i = 0; i < s->nq; i++) s->ms->observe(s->ms_self, &s->queue[i], state);
    }
    attempt_step(s->attempt, s->queue, s->nq);
    s->nq = 0;
    if (attempt_status(s->attempt) != ATTEMPT_RUNNING) {
        finish(s, app);
    }
}

bool exercise_inject(App *app, const InputEvent *events, size_t n)
{
    if (app->scene != SCENE_EXERCISE || !app->scene_self) return false;
    ExerciseScene *s = app->scene_self;
    for (size_t i = 0; i < n && !s->done && attempt_status(s->attempt) == ATTEMPT_RUNNING; i++) {
        if (s->ms && s->ms->observe) s->ms->observe(s->ms_self, &events[i], attempt_module_state(s->attempt));
        attempt_step(s->attempt, &events[i], 1);
    }
    if (!s->done && attempt_status(s->attempt) != ATTEMPT_RUNNING) finish(s, app);
    return true;
}

const Attempt *exercise_attempt(const App *app)
{
    if (app->scene != SCENE_EXERCISE || !app->scene_self) return NULL;
    return ((const ExerciseScene *)app->scene_self)->attempt;
}

void *exercise_picture(const App *app)
{
    if (app->scene != SCENE_EXERCISE || !app->scene_self) return NULL;
    return ((const ExerciseScene *)app->scene_self)->ms_self;
}

/* ---- drawing ---- */

static void clock_text(uint32_t ticks, char *out, size_t n)
{
    unsigned secs = ticks / FS_TICK_HZ;
    snprintf(out, n, "%u:%02u", secs / 60, secs % 60);
}

static SDL_FRect quit_dialog_rect(App *app)
{
    float sc = app_scale(app);
    float w = fminf((float)app->w - 40 * sc, 620 * sc), row = ui_row_h(app->ui);
    float h = 120 * sc + row + 40 * sc;
    return (SDL_FRect){((float)app->w - w) * 0.5f, ((float)app->h - h) * 0.5f, w, h};
}

static void draw_quit_dialog(ExerciseScene *s, App *app)
{
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    gfx_fill_rect(g, (SDL_FRect){0, 0, (float)app->w, (float)app->h}, (SDL_Color){10, 20, 30, 150});
    SDL_FRect card = quit_dialog_rect(app);
    scene_card(app, card);
    float used = scene_card_heading(app, card, _("Stop this exercise?"), GFX_ICON_WARNING);
    SDL_FRect col = {card.x + 20 * sc, card.y + used, card.w - 40 * sc, card.h - used - 20 * sc};
    SDL_FRect btns = rect_take_bottom(&col, row, 10 * sc);
    GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    st.wrap = true;
    st.shrink = true;
    gfx_text(g, _("The attempt will be saved as not finished."), col, &st);
    SDL_FRect a, b;
    rect_split_h(btns, (btns.w - 16 * sc) * 0.5f, 16 * sc, &a, &b);
    if (ui_button(ui, "ex.continue", a, _("Continue"), GFX_ICON_PLAY, UI_PRIMARY)) {
        s->confirm_quit = false;
    }
    if (ui_button(ui, "ex.stop", b, _("Stop"), GFX_ICON_QUIT, UI_DANGER)) {
        s->confirm_quit = false;
        attempt_abandon(s->attempt);
        finish(s, app);
    }
}

static void exercise_frame(void *self, App *app)
{
    ExerciseScene *s = self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    const char *lang = app->settings.lang;
    const void *state = attempt_module_state(s->attempt);
    /* while the dialog is open only its buttons react (set before any widget) */
    if (s->confirm_quit) {
        ui_modal(ui, true, quit_dialog_rect(app));
    }

    /* top bar: title | timer | hint | stop */
    float bw = fmaxf(row * 2.4f, 150 * sc);
    float tw = 150 * sc;
    float right_w = bw * (s->scn->hints ? 2 : 1) + tw + 40 * sc;
    SDL_FRect bar = scene_topbar(app, scenario_title(s->scn, lang), NULL, (float)app->w - right_w - 40 * sc);
    float x = bar.w - THEME_MARGIN * sc - bw;
    SDL_FRect stop = {x, (bar.h - row) * 0.5f, bw, row};
    if (ui_button(ui, "ex.quit", stop, _("Stop"), GFX_ICON_QUIT, UI_QUIET)) {
        s->confirm_quit = true;
    }
    if (s->scn->hints) {
        x -= bw + 8 * sc;
        if (ui_button(ui, "ex.hint", (SDL_FRect){x, stop.y, bw, row}, _("Hint"), GFX_ICON_HINT, UI_QUIET)) {
            push(s, input_key(0, ACTION_HINT));
        }
    }
    uint32_t ticks = attempt_tick(s->attempt);
    char clock[32];
    bool hurry = false;
    if (s->scn->time_limit_s > 0) {
        uint32_t limit = (uint32_t)(s->scn->time_limit_s * FS_TICK_HZ + 0.5);
        uint32_t left = limit > ticks ? limit - ticks : 0;
        /* count down, rounded up so 0:00 shows only at the end */
        clock_text(left + FS_TICK_HZ - 1, clock, sizeof clock);
        hurry = left < 30 * FS_TICK_HZ;
    } else {
        clock_text(ticks, clock, sizeof clock);
    }
    SDL_FRect tb = {x - tw - 16 * sc, stop.y, tw, row};
    gfx_fill_rounded(g, tb, THEME_RADIUS * sc, hurry ? theme.partial_bg : (SDL_Color){255, 255, 255, 28});
    float is = row * 0.5f;
    SDL_Color tc = hurry ? theme.partial : theme.on_topbar;
    gfx_icon(g, hurry ? GFX_ICON_WARNING : GFX_ICON_CLOCK, (SDL_FRect){tb.x + 12 * sc, tb.y + (row - is) * 0.5f, is, is},
             tc);
    GfxTextStyle cs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_HEADING - 2, tc);
    cs.valign = GFX_VALIGN_MIDDLE;
    cs.align = GFX_ALIGN_RIGHT;
    cs.shrink = true;
    gfx_text(g, clock, (SDL_FRect){tb.x + is + 20 * sc, tb.y, tb.w - is - 32 * sc, row}, &cs);

    /* prompt line */
    float pad = THEME_MARGIN * sc * 0.6f;
    SDL_FRect body = {pad, bar.h + pad, (float)app->w - 2 * pad, (float)app->h - bar.h - 2 * pad};
    const char *prompt = s->ms && s->ms->prompt ? s->ms->prompt(s->ms_self, state, s->scn->hints) : NULL;
    const char *ptext = prompt ? _(prompt) : scenario_goal(s->scn, lang);
    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY + 1);
    SDL_FRect pr = rect_take_top(&body, fmaxf(lh * 2.3f, row), pad);
    gfx_fill_rounded(g, pr, THEME_RADIUS * sc, theme.panel);
    gfx_fill_rect(g, (SDL_FRect){pr.x, pr.y + 6 * sc, 5 * sc, pr.h - 12 * sc}, theme.primary);
    float pis = fminf(pr.h * 0.5f, 30 * sc);
    gfx_icon(g, GFX_ICON_ARROW_RIGHT, (SDL_FRect){pr.x + 18 * sc, pr.y + (pr.h - pis) * 0.5f, pis, pis}, theme.primary);
    GfxTextStyle ps = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY + 1, theme.text);
    ps.wrap = true;
    ps.shrink = true;
    ps.valign = GFX_VALIGN_MIDDLE;
    gfx_text(g, ptext, (SDL_FRect){pr.x + pis + 32 * sc, pr.y + 4, pr.w - pis - 48 * sc, pr.h - 8}, &ps);

    /* module buttons (keys 1..9) */
    s->n_buttons = s->ms && s->ms->buttons ? s->ms->buttons(s->ms_self, state, s->buttons, BUTTONS_MAX) : 0;
    if (s->n_buttons > BUTTONS_MAX) s->n_buttons = BUTTONS_MAX;
    if (s->n_buttons > 0) {
        SDL_FRect br = rect_take_bottom(&body, row * 1.1f, pad);
        float gap = 14 * sc;
        /* each button as wide as its label wants (up to 300 pt); when they do
         * not all fit, the row is shared in proportion, so a long label gets
         * more than a short one */
        char labels[BUTTONS_MAX][160];
        float want[BUTTONS_MAX], sum = 0.0f;
        for (size_t i = 0; i < s->n_buttons; i++) {
            snprintf(labels[i], sizeof labels[i], "%zu  %s", i + 1, _(s->buttons[i].label));
            float lw = gfx_text_measure(g, labels[i], GFX_FONT_BOLD, THEME_TEXT_BODY).x + 32 * sc;
            want[i] = fminf(300 * sc, fmaxf(lw, 120 * sc));
            sum += want[i];
        }
        float room = br.w - gap * (float)(s->n_buttons - 1);
        float k = sum > room ? room / sum : 1.0f;
        float total = sum * k + gap * (float)(s->n_buttons - 1);
        float bx = br.x + (br.w - total) * 0.5f;
        for (size_t i = 0; i < s->n_buttons; i++) {
            char id[48];
            snprintf(id, sizeof id, "ex.btn.%s", s->buttons[i].id);
            SDL_FRect r = {bx, br.y, want[i] * k, br.h};
            bx += want[i] * k + gap;
            if (ui_button_ex(ui, id, r, labels[i], GFX_ICON_NONE, i == 0 ? UI_PRIMARY : UI_SECONDARY,
                             s->buttons[i].enabled)) {
                push(s, input_choice(0, s->buttons[i].id));
            }
        }
    }

    /* the module's picture */
    gfx_fill_rounded(g, body, THEME_RADIUS * sc, theme.scene_bg);
    s->env.renderer = app->renderer;
    s->env.gfx = g;
    s->env.lang = lang;
    s->env.area = (SDL_Rect){(int)body.x, (int)body.y, (int)body.w, (int)body.h};
    s->env.text_scale = gfx_text_scale(g);
    s->env.anim_s = app->time_s - s->opened_s;
    s->env.tick = attempt_tick(s->attempt);
    s->env.data_dir = app->paths.data;
    s->env.trainee_name = app->trainee.name[0] ? app->trainee.name : NULL;
    s->env.scenario_id = s->scn->id;
    s->env_valid = true;
    if (s->ms && s->ms->draw) {
        SDL_RenderSetClipRect(app->renderer, &s->env.area);
        s->ms->draw(s->ms_self, &s->env, state);
        SDL_RenderSetClipRect(app->renderer, NULL);
    } else {
        float ws = 56 * sc;
        SDL_FRect c = {body.x + body.w * 0.2f, body.y + body.h * 0.35f, body.w * 0.6f, body.h * 0.3f};
        gfx_icon(g, GFX_ICON_INFO, (SDL_FRect){c.x + (c.w - ws) * 0.5f, c.y, ws, ws}, theme.text_muted);
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
        st.align = GFX_ALIGN_CENTER;
        st.wrap = true;
        gfx_text(g, _("This exercise has no picture in this version yet."),
                 (SDL_FRect){c.x, c.y + ws + 12 * sc, c.w, c.h - ws}, &st);
    }

    if (s->confirm_quit) {
        draw_quit_dialog(s, app);
    }
}

/* Window closed during the attempt: it is stopped and saved like "Stop". */
static void exercise_close(void *self, App *app)
{
    ExerciseScene *s = self;
    if (!s->done) {
        attempt_abandon(s->attempt);
        finish(s, app);
    }
}

const SceneDef scene_exercise = {"exercise", exercise_create, exercise_destroy, exercise_event, exercise_tick,
                                 exercise_frame, exercise_close};
