/*
 * endface_scene.c - the end-face exercise's picture in the front end
 * (ModuleScene "endface"): the microscope while the probe is on a connector,
 * the bench otherwise; the buttons of each step; the prompt line.
 *
 * The bench buttons act on one side at a time, the one picked by tapping
 * its connector on the bench (or Left / Right, Tab): five short buttons
 * instead of nine long ones. Looking into a connector is one of them, so
 * the trainee can make that mistake and be taught why it is one.
 *
 * The probe's own PASS/FAIL (the "auto-grader" of real video probes) is
 * shown only in scenarios with hints (exam scenarios never show it), and
 * only once the trainee has given a verdict on that state of the face: it
 * confirms or corrects a reading, it never replaces one. The scenario format
 * has no setting of its own for it yet. For the same reason an exam's panel
 * keeps the module's feedback (verdict right or wrong, method, stroke) for
 * the result: only the safety warning and a push that did not click show.
 */
#include "endface_scene.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "module_scenes.h"

static void *efs_create(const Scenario *scn)
{
    EfScene *s = calloc(1, sizeof *s);
    if (!s) {
        return NULL;
    }
    s->scn = scn;
    s->hints = scn->hints;
    s->auto_grader = scn->hints;
    s->selected = EF_SIDE_PATCH;
    s->drawn_phase = EF_PHASE_BENCH;
    s->drawn_magnification = 200;
    return s;
}

static void efs_destroy(void *self)
{
    EfScene *s = self;
    if (!s) {
        return;
    }
    efs_picture_finish(&s->micro);
    efs_picture_finish(&s->thumb);
    efbench_still_finish(s);
    free(s);
}

bool efs_picture_update(EfsPicture *pic, SDL_Renderer *r, const Endface *f, const EfImageParams *p)
{
    bool changed = efimage_update(&pic->image, f, p);
    if (!pic->image.shown_valid) {
        pic->ok = false;
        return false;
    }
    if (pic->tex && (pic->renderer != r || pic->size != p->size_px)) {
        SDL_DestroyTexture(pic->tex);
        pic->tex = NULL;
    }
    if (!pic->tex) {
        pic->tex = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, p->size_px, p->size_px);
        if (!pic->tex) {
            SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "probe picture texture: %s", SDL_GetError());
            pic->ok = false;
            return false;
        }
        /* opaque: a straight copy, no blending on the software renderer */
        SDL_SetTextureBlendMode(pic->tex, SDL_BLENDMODE_NONE);
        pic->renderer = r;
        pic->size = p->size_px;
        changed = true;
    }
    if (changed && SDL_UpdateTexture(pic->tex, NULL, pic->image.pixels, p->size_px * 4) != 0) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "probe picture update: %s", SDL_GetError());
        pic->ok = false;
        return false;
    }
    pic->ok = true;
    return true;
}

void efs_picture_finish(EfsPicture *pic)
{
    if (pic->tex) {
        SDL_DestroyTexture(pic->tex);
    }
    efimage_finish(&pic->image);
    memset(pic, 0, sizeof *pic);
}

/* Pixels -> um on the face while the probe is on it, else mm on the bench
 * (endface_state.h), with the layout of the last frame drawn. */
static bool efs_to_scene(void *self, const ModuleSceneEnv *env, int px, int py, double *x, double *y)
{
    const EfScene *s = self;
    if (s->drawn_phase == EF_PHASE_INSPECTING) {
        EfMicroLayout l;
        efmicro_layout(env, s->drawn_magnification, &l);
        return efmicro_to_um(&l, px, py, x, y);
    }
    EfBenchLayout l;
    efbench_layout(env, &l);
    return efbench_to_mm(&l, px, py, x, y);
}

static bool efs_control(void *self, const ModuleSceneEnv *env, InputKind kind, int pointer, int px, int py,
                        InputEvent *out, size_t *n_out)
{
    EfScene *s = self;
    (void)pointer;
    *n_out = 0;
    if (s->drawn_phase == EF_PHASE_BENCH) {
        /* the panel's side rows pick a side, as Left / Right do */
        EfBenchLayout l;
        efbench_layout(env, &l);
        SDL_FRect rows[EF_SIDE_COUNT];
        efbench_side_rows(env->gfx, &l, false, rows);
        SDL_FPoint p = {(float)px + 0.5f, (float)py + 0.5f};
        for (int i = 0; i < EF_SIDE_COUNT; i++) {
            if (SDL_PointInFRect(&p, &rows[i])) {
                if (kind == INPUT_POINTER_DOWN) {
                    out[(*n_out)++] = input_key(0, i == EF_SIDE_PATCH ? ACTION_LEFT : ACTION_RIGHT);
                }
                return true;
            }
        }
        return kind != INPUT_POINTER_DOWN; /* a press held on a row */
    }
    if (s->drawn_phase != EF_PHASE_INSPECTING) {
        return false;
    }
    return efmicro_control(s, env, kind, px, py, out, n_out);
}

static void efs_draw(void *self, const ModuleSceneEnv *env, const void *module_state)
{
    EfScene *s = self;
    EndfaceView v;
    endface_view(module_state, &v);
    /* a new note shown: remember when it came, to highlight it for a while */
    size_t shown = efpanel_notes_shown(s, &v);
    if (shown != s->notes_seen) {
        s->notes_seen = shown;
        s->newest_note_s = env->anim_s;
    }
    /* the end of a stroke: keep its trail a moment, fading */
    if (s->was_pressing && !v.pressing) {
        s->ghost_s = env->anim_s;
    }
    if (v.pressing && v.path_count > 0) {
        size_t n = v.path_count;
        size_t step = n > EFS_GHOST_POINTS ? (n + EFS_GHOST_POINTS - 1) / EFS_GHOST_POINTS : 1;
        s->ghost_n = 0;
        for (size_t i = 0; i < n && s->ghost_n < EFS_GHOST_POINTS; i += step) {
            s->ghost[s->ghost_n][0] = v.path_mm[i][0];
            s->ghost[s->ghost_n][1] = v.path_mm[i][1];
            s->ghost_n++;
        }
        if (s->ghost_n < EFS_GHOST_POINTS && (n - 1) % step != 0) {
            s->ghost[s->ghost_n][0] = v.path_mm[n - 1][0];
            s->ghost[s->ghost_n][1] = v.path_mm[n - 1][1];
            s->ghost_n++;
        }
        s->stroke_tool = v.tool;
    }
    s->was_pressing = v.pressing;
    s->drawn_phase = v.phase;
    s->drawn_magnification = v.magnification;
    if (v.phase == EF_PHASE_INSPECTING) {
        efmicro_draw(s, env, &v);
    } else {
        efbench_draw(s, env, &v);
    }
}

static void add_button(SceneButton *out, size_t max, size_t *n, const char *id, const char *label, bool enabled)
{
    if (*n >= max) {
        return;
    }
    SceneButton *b = &out[(*n)++];
    snprintf(b->id, sizeof b->id, "%s", id);
    b->label = label;
    b->enabled = enabled;
}

static size_t efs_buttons(void *self, const void *module_state, SceneButton *out, size_t max)
{
    EfScene *s = self;
    EndfaceView v;
    endface_view(module_state, &v);
    size_t n = 0;
    switch (v.phase) {
    case EF_PHASE_INSPECTING:
        add_button(out, max, &n, "verdict_pass", N_("PASS"), true);
        add_button(out, max, &n, "verdict_fail", N_("FAIL"), true);
        add_button(out, max, &n, "overlay", v.overlay ? N_("Hide zones") : N_("Show zones"), true);
        add_button(out, max, &n, "back", N_("Back"), true);
        break;
    case EF_PHASE_CLEANING: {
        add_button(out, max, &n, "tool_cassette", N_("Cassette"), true);
        add_button(out, max, &n, "tool_click", N_("Click cleaner"), true);
        add_button(out, max, &n, "tool_wet", N_("Wet kit"), true);
        /* the same keys 1-5 whatever the tool: the cloth button follows it */
        if (v.tool == EF_TOOL_WET_KIT) {
            add_button(out, max, &n, "new_wipe", N_("New wipe"), true);
        } else {
            add_button(out, max, &n, "cassette_advance", N_("Fresh cloth"), v.tool == EF_TOOL_CASSETTE);
        }
        /* to inspect again: put the tool down, then "Inspect" on the bench
         * (five buttons fit the smallest window with the largest text) */
        add_button(out, max, &n, "back", N_("Put down"), true);
        break;
    }
    case EF_PHASE_BENCH: {
        bool port = s->selected == EF_SIDE_PORT;
        add_button(out, max, &n, port ? "inspect_port" : "inspect_patch",
                   port ? N_("Inspect the port") : N_("Inspect the cord"), true);
        add_button(out, max, &n, port ? "clean_port" : "clean_patch",
                   port ? N_("Clean the port") : N_("Clean the cord"), true);
        add_button(out, max, &n, port ? "replace_port" : "replace_patch",
                   port ? N_("Replace the port") : N_("Replace the cord"), true);
        add_button(out, max, &n, port ? "look_port" : "look_patch", N_("Look into it"), true);
        add_button(out, max, &n, "connect", N_("Connect"), true);
        break;
    }
    case EF_PHASE_CONNECTED:
    default:
        break;
    }
    return n;
}

static const char *efs_prompt(void *self, const void *module_state, bool hints)
{
    const EfScene *s = self;
    (void)hints;
    EndfaceView v;
    endface_view(module_state, &v);
    if (v.phase == EF_PHASE_INSPECTING && fabs(s->focus_um) > EFS_FOCUS_OK_UM) {
        return N_("Focus first: turn the focus wheel (or + and -) until the edge of the fibre is sharp");
    }
    if (v.phase == EF_PHASE_BENCH) {
        /* from the trainee's own verdicts, never from the grader */
        bool port = s->selected == EF_SIDE_PORT;
        const EndfaceSideView *sel = &v.sides[s->selected], *other = &v.sides[port ? EF_SIDE_PATCH : EF_SIDE_PORT];
        bool sel_pass = sel->verdict_current && sel->verdict == EF_VERDICT_PASS;
        bool other_pass = other->verdict_current && other->verdict == EF_VERDICT_PASS;
        if (sel_pass && other_pass) {
            return N_("Both sides pass: connect");
        }
        if (sel_pass) {
            return port ? N_("The port passes. Now tap the cord and inspect it")
                        : N_("The cord passes. Now tap the port and inspect it");
        }
        if (sel->verdict_current && sel->verdict == EF_VERDICT_FAIL) {
            return port ? N_("You said the port fails: clean it, or replace it if it is damaged")
                        : N_("You said the cord fails: clean it, or replace it if it is damaged");
        }
        return port ? N_("Inspect the port with the probe. To work on the cord, tap it")
                    : N_("Inspect the cord with the probe. To work on the port, tap it");
    }
    return endface_prompt(&v);
}

static bool choice_side(const char *id, const char *verb, EndfaceSide *side)
{
    size_t n = strlen(verb);
    if (strncmp(id, verb, n) != 0) {
        return false;
    }
    if (strcmp(id + n, "patch") == 0) {
        *side = EF_SIDE_PATCH;
        return true;
    }
    if (strcmp(id + n, "port") == 0) {
        *side = EF_SIDE_PORT;
        return true;
    }
    return false;
}

static double clampd(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The scene's own settings follow the events (see endface_scene.h). */
static void efs_observe(void *self, const InputEvent *e, const void *module_state)
{
    EfScene *s = self;
    EndfaceView v;
    endface_view(module_state, &v);
    EndfaceSide side;
    switch (e->kind) {
    case INPUT_CHOICE:
        if (choice_side(e->choice, "inspect_", &side)) {
            /* the probe goes on: it never lands in focus */
            s->focus_um = efmicro_start_focus_um(side, v.sides[side].inspections);
            s->selected = side;
            s->probe_used = true;
            s->probe_side = side;
            s->probe_hash = efimage_face_hash(v.sides[side].face);
        } else if (choice_side(e->choice, "clean_", &side) || choice_side(e->choice, "replace_", &side)
                   || choice_side(e->choice, "look_", &side)) {
            s->selected = side;
        }
        break;
    case INPUT_KEY:
        switch (e->action) {
        case ACTION_FINE_PLUS:
            s->focus_um = clampd(s->focus_um + EFS_FOCUS_STEP_UM, -EFS_FOCUS_MAX_UM, EFS_FOCUS_MAX_UM);
            break;
        case ACTION_FINE_MINUS:
            s->focus_um = clampd(s->focus_um - EFS_FOCUS_STEP_UM, -EFS_FOCUS_MAX_UM, EFS_FOCUS_MAX_UM);
            break;
        case ACTION_UP:
            s->brightness += s->brightness < EFIMAGE_BRIGHTNESS_MAX;
            break;
        case ACTION_DOWN:
            s->brightness -= s->brightness > EFIMAGE_BRIGHTNESS_MIN;
            break;
        case ACTION_LEFT:
            if (v.phase == EF_PHASE_BENCH) s->selected = EF_SIDE_PATCH;
            break;
        case ACTION_RIGHT:
            if (v.phase == EF_PHASE_BENCH) s->selected = EF_SIDE_PORT;
            break;
        case ACTION_NEXT:
        case ACTION_PREV:
            if (v.phase == EF_PHASE_BENCH) {
                s->selected = s->selected == EF_SIDE_PATCH ? EF_SIDE_PORT : EF_SIDE_PATCH;
            }
            break;
        default:
            break;
        }
        break;
    case INPUT_POINTER_DOWN:
    case INPUT_POINTER_MOVE:
    case INPUT_POINTER_UP:
        if (v.phase == EF_PHASE_INSPECTING) {
            break; /* micrometres on the face: marks, not the bench */
        }
        s->pointer_known = true;
        s->pointer_x_mm = e->x;
        s->pointer_y_mm = e->y;
        if (e->kind == INPUT_POINTER_DOWN && v.phase == EF_PHASE_BENCH && efbench_side_at(e->x, e->y, &side)) {
            s->selected = side;
        }
        break;
    case INPUT_WHEEL:
    case INPUT_KIND_COUNT:
    default:
        break;
    }
}

const ModuleScene endface_scene = {
    .module = "endface",
    .create = efs_create,
    .destroy = efs_destroy,
    .to_scene = efs_to_scene,
    .draw = efs_draw,
    .buttons = efs_buttons,
    .prompt = efs_prompt,
    .control = efs_control,
    .observe = efs_observe,
};
