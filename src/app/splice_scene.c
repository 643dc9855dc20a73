/*
 * splice_scene.c - the ModuleScene of the "splice" module: the 3D bench and
 * the splicer's screen (see splice_scene.h for the files and coordinates).
 *
 * Each frame: the camera glides to the shot the step asks for (it holds
 * still while the pointer is pressed, so a drag never slides under the
 * trainee's finger, and picks the new shot only after the release); the still bench is drawn once per camera into a
 * texture and copied; the moving parts, the 2D feedback and, while it shows
 * something, the splicer screen go on top. to_scene unprojects with the
 * camera of the last frame drawn, on the surfaces things are drawn on.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/messages.h"
#include "i18n.h"
#include "splice_scene.h"
#include "theme.h"

/* ---- creation ---- */

static void *scene_create(const Scenario *scn)
{
    SpliceScene *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->scn = scn;
    s->hints = scn->hints;
    /* The strip length the rubric wants, shown on the mat's ruler with hints. */
    for (size_t i = 0; i < scn->rubric.n_criteria; i++) {
        const Criterion *c = &scn->rubric.criteria[i];
        if (strcmp(c->measure, "strip_length_mm") == 0 && c->table.count == 0 && c->band.has_ok_min
            && c->band.has_ok_max) {
            s->have_strip_band = true;
            s->strip_ok_min_mm = c->band.ok_min;
            s->strip_ok_max_mm = c->band.ok_max;
        }
    }
    s->g3 = gfx3d_create();
    s->pick = gfx3d_create();
    const char *redraw = SDL_getenv("FIBRESIM_SPLICE_REDRAW_STILL");
    s->redraw_still = redraw && strcmp(redraw, "1") == 0;
    for (int p = 0; p < SPLICE_MOTOR_POINTERS; p++) s->motor_held[p] = -1;
    gfx3d_mesh_init(&s->parts);
    gfx3d_mesh_init(&s->parts_clear);
    if (!s->g3 || !s->pick || !splice_models_build(&s->models)) {
        gfx3d_destroy(s->g3);
        gfx3d_destroy(s->pick);
        free(s);
        return NULL;
    }
    return s;
}

static void scene_destroy(void *self)
{
    SpliceScene *s = self;
    if (!s) return;
    if (s->layer) SDL_DestroyTexture(s->layer);
    if (s->screen) SDL_DestroyTexture(s->screen);
    splice_models_finish(&s->models);
    gfx3d_mesh_finish(&s->parts);
    gfx3d_mesh_finish(&s->parts_clear);
    gfx3d_destroy(s->g3);
    gfx3d_destroy(s->pick);
    free(s);
}

/* ---- pointer ---- */

static bool in_rect(const SpliceRect *r, double x, double y)
{
    return x >= r->x0 && x <= r->x1 && y >= r->y0 && y <= r->y1;
}

/* What a press grips, read from the state it meets: the module's press rules
 * (src/modules/splice/splice_bench.c), for drawing only. */
static void classify_press(SplicePointer *p, const SpliceView *v, double x, double y)
{
    const SpliceBench *b = splice_bench();
    const double hit = 4.0, reach = 150.0; /* the module's FIBRE_HIT_MM, FIBRE_REACH_MM */
    p->hold = SPLICE_HOLD_EMPTY;
    if (v->phase == SPLICE_PHASE_COIL && in_rect(&b->cassette, x, y)) {
        p->hold = SPLICE_HOLD_COIL;
        return;
    }
    if (v->phase == SPLICE_PHASE_PROTECT && v->sleeve_on >= 0
        && fabs(x - b->splicer_x - v->sleeve_centre_mm) <= 0.5 * v->sleeve_length_mm
        && fabs(y - b->splicer_y) <= hit) {
        p->hold = SPLICE_HOLD_SLEEVE;
        return;
    }
    if (v->tool == SPLICE_TOOL_HAND) {
        for (int i = v->n_offcuts - 1; i >= 0; i--) {
            const SpliceOffcutView *o = &v->offcut[i];
            if (!o->binned && x >= o->x_mm - hit && x <= o->x_mm + o->length_mm + hit && fabs(y - o->y_mm) <= hit) {
                p->hold = SPLICE_HOLD_OFFCUT;
                p->item = i;
                p->offcut_dx = x - o->x_mm;
                p->offcut_dy = y - o->y_mm;
                return;
            }
        }
        double bx = x - b->cleaver_x, by = y - (b->cleaver_y + b->blade_rest_y);
        if (bx * bx + by * by <= 64.0) {
            p->hold = SPLICE_HOLD_BLADE;
            return;
        }
        if (v->phase != SPLICE_PHASE_PREPARE) return;
        int side = -1;
        double u = 0, ly = 1e9;
        if (in_rect(&b->mat, x, y) && v->fibre[v->mat_fibre].where == SPLICE_AT_MAT) {
            side = v->mat_fibre;
            u = x - b->mat_x - v->fibre[side].tip_x_mm;
            ly = y - b->mat_y;
        } else if (in_rect(&b->cleaver, x, y)) {
            for (int i = 0; i < 2; i++) {
                if (v->fibre[i].where == SPLICE_AT_CLEAVER) {
                    side = i;
                    u = x - b->cleaver_x - v->fibre[i].tip_x_mm;
                    ly = y - b->cleaver_y;
                }
            }
        } else if (in_rect(&b->splicer, x, y) && !v->cover_closed) {
            int sd = x < b->splicer_x ? SPLICE_LEFT : SPLICE_RIGHT;
            if (v->fibre[sd].where == SPLICE_AT_SPLICER) {
                side = sd;
                double lx = x - b->splicer_x;
                u = sd == SPLICE_RIGHT ? v->fibre[sd].tip_x_mm - lx : lx - v->fibre[sd].tip_x_mm;
                ly = y - b->splicer_y;
            }
        }
        if (side >= 0 && fabs(ly) <= hit && u <= 0.5 && u >= -reach) {
            p->hold = SPLICE_HOLD_FIBRE;
            p->item = side;
            p->grip_u = u;
        }
        return;
    }
    if (v->phase == SPLICE_PHASE_PREPARE && in_rect(&b->mat, x, y) && v->fibre[v->mat_fibre].where == SPLICE_AT_MAT) {
        double u = x - b->mat_x;
        if (fabs(y - b->mat_y) <= hit && u <= 0.0 && u >= -reach) {
            p->hold = v->tool == SPLICE_TOOL_STRIPPER ? SPLICE_HOLD_STRIP : SPLICE_HOLD_WIPE;
            p->item = v->mat_fibre;
            p->grip_u = u;
        }
    }
}

static void trail_add(SplicePointer *p, double x, double y)
{
    int n = p->n_trail;
    if (n > 0) {
        double dx = x - p->trail_x[n - 1], dy = y - p->trail_y[n - 1];
        if (dx * dx + dy * dy < 0.25) return;
    }
    if (n >= SPLICE_TRAIL_MAX) {
        /* keep the shape: drop every other point */
        for (int i = 0; i < SPLICE_TRAIL_MAX / 2; i++) {
            p->trail_x[i] = p->trail_x[2 * i];
            p->trail_y[i] = p->trail_y[2 * i];
        }
        n = SPLICE_TRAIL_MAX / 2;
    }
    p->trail_x[n] = x;
    p->trail_y[n] = y;
    p->n_trail = n + 1;
}

static void scene_pointer(void *self, const void *module_state, const InputEvent *e)
{
    SpliceScene *s = self;
    SplicePointer *p = &s->ptr;
    const SpliceView *v = splice_view(module_state);
    if (!v || !isfinite(e->x) || !isfinite(e->y)) return;
    /* the first pointer pressed owns the gesture, as in the module */
    if (p->down && e->pointer != p->pointer_id) return;
    p->known = true;
    p->x_mm = e->x;
    p->y_mm = e->y;
    switch (e->kind) {
    case INPUT_POINTER_DOWN:
        if (p->down) break;
        p->down = true;
        p->pointer_id = e->pointer;
        p->press_x_mm = e->x;
        p->press_y_mm = e->y;
        p->n_trail = 0;
        classify_press(p, v, e->x, e->y);
        trail_add(p, e->x, e->y);
        break;
    case INPUT_POINTER_MOVE:
        if (p->down) trail_add(p, e->x, e->y);
        break;
    case INPUT_POINTER_UP:
        if (!p->down) break;
        if (p->hold == SPLICE_HOLD_WIPE) {
            s->wipe_x0 = p->press_x_mm;
            s->wipe_x1 = e->x;
            s->wipe_pending = true;
        }
        p->down = false;
        p->hold = SPLICE_HOLD_NONE;
        break;
    default:
        break;
    }
}

/* ---- to_scene ---- */

static bool scene_to_scene(void *self, const ModuleSceneEnv *env, int px, int py, double *x, double *y)
{
    SpliceScene *s = self;
    (void)env;
    if (!s->drawn || px < s->area.x || py < s->area.y || px >= s->area.x + s->area.w || py >= s->area.y + s->area.h) {
        return false;
    }
    /* the pixel's centre */
    return splice_scene_pick(s->pick, (float)px + 0.5f, (float)py + 0.5f, x, y);
}

/* ---- drawing ---- */

static void follow_events(SpliceScene *s, const SpliceView *v, double now_s, bool first)
{
    if (first) {
        /* what happened before the first frame gets no animation, only its notice */
        s->splices_done = v->splices_done;
        s->arc_at_s = -100.0;
        s->wipe_at_s = -100.0;
        s->wipe_pending = false;
    }
    if (v->splices_done > s->splices_done) {
        s->arc_at_s = now_s;
    }
    s->splices_done = v->splices_done;
    if (s->wipe_pending) {
        s->wipe_pending = false;
        s->wipe_at_s = now_s;
    }
}

static SDL_Texture *ensure_texture(SDL_Renderer *r, SDL_Texture *t, int *tw, int *th, int w, int h)
{
    if (t && *tw == w && *th == h) return t;
    if (t) SDL_DestroyTexture(t);
    t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
    *tw = t ? w : 0;
    *th = t ? h : 0;
    return t;
}

/* Opaque triangles go to the software renderer without blending: it then
 * writes pixels directly instead of blending through a temporary surface
 * per triangle, several times faster. */
static void draw_opaque(Gfx3d *g3, SDL_Renderer *r)
{
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    gfx3d_draw(g3, r);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

/* A flat, as rows of pixels, or as triangles when a corner is behind the
 * camera. */
static void draw_flat(SpliceScene *s, SDL_Renderer *r, const SpliceFlat *f, SDL_Rect clip)
{
    if (splice_flat_draw(r, s->g3, f, clip)) return;
    Gfx3dMesh m;
    gfx3d_mesh_init(&m);
    for (int i = 1; i + 1 < f->n; i++) {
        vec3 a, b, c;
        splice_scene_world(f->x[0], f->y[0], f->h_mm, a);
        splice_scene_world(f->x[i], f->y[i], f->h_mm, b);
        splice_scene_world(f->x[i + 1], f->y[i + 1], f->h_mm, c);
        /* counter-clockwise seen from above (bench y away = world -z) */
        gfx3d_mesh_tri(&m, a, b, c, f->color);
    }
    gfx3d_add(s->g3, &m, NULL);
    draw_opaque(s->g3, r);
    gfx3d_mesh_finish(&m);
}

/* The still bench (table, mats, stations and their printed marks) as seen
 * by the camera, in viewport vp (the layer texture, or the picture when
 * there is no texture). */
static void draw_still(SpliceScene *s, Gfx *g, SDL_Renderer *r, const Gfx3dCamera *gc, const SpliceView *v,
                       SDL_FRect vp)
{
    SDL_Rect clip = {(int)vp.x, (int)vp.y, (int)vp.w, (int)vp.h};
    /* the workshop wall behind the table, in bands (plain fills are fast) */
    const int bands = 8;
    for (int i = 0; i < bands; i++) {
        float k = (float)i / (float)(bands - 1);
        SDL_Color c = {(Uint8)(58 + 38 * k), (Uint8)(70 + 38 * k), (Uint8)(84 + 36 * k), 255};
        gfx_fill_rect(g, (SDL_FRect){vp.x, vp.y + vp.h * (float)i / (float)bands, vp.w, vp.h / (float)bands + 1.0f}, c);
    }
    gfx3d_begin(s->g3, gc, vp);
    const SpliceModels *m = &s->models;
    for (int i = 0; i < m->n_flats; i++) draw_flat(s, r, &m->flats[i], clip);
    gfx3d_add(s->g3, &m->low, NULL);
    draw_opaque(s->g3, r);
    splice_overlay_printed(s, g, s->g3, v, true);
    for (int i = 0; i < SPLICE_STATIONS; i++) {
        draw_flat(s, r, &m->station[i].top, clip);
        gfx3d_add(s->g3, &m->station[i].sides, NULL);
        draw_opaque(s->g3, r);
    }
    gfx3d_add(s->g3, &m->details, NULL);
    draw_opaque(s->g3, r);
    splice_overlay_printed(s, g, s->g3, v, false);
}

static void update_layer(SpliceScene *s, const ModuleSceneEnv *env, const Gfx3dCamera *gc, const SpliceView *v)
{
    SDL_Renderer *r = env->renderer;
    int w = env->area.w, h = env->area.h;
    /* FIBRESIM_SPLICE_REDRAW_STILL=1 redraws it every frame: what a frame
     * costs while the camera glides, for "fibresim bench" */
    bool same = !s->redraw_still && s->layer && s->layer_valid && s->layer_w == w && s->layer_h == h
                && splice_cam_equal(&s->layer_cam, &s->cam) && s->layer_cleave_mm == v->cleave_length_target_mm
                && s->layer_scale == gfx_layout_scale(env->gfx) * gfx_text_scale(env->gfx);
    if (same) return;
    s->layer = ensure_texture(r, s->layer, &s->layer_w, &s->layer_h, w, h);
    s->layer_valid = false;
    if (!s->layer) return;
    if (SDL_SetRenderTarget(r, s->layer) != 0) return;
    draw_still(s, env->gfx, r, gc, v, (SDL_FRect){0, 0, (float)w, (float)h});
    SDL_SetRenderTarget(r, NULL);
    s->layer_cam = s->cam;
    s->layer_cleave_mm = v->cleave_length_target_mm;
    s->layer_scale = gfx_layout_scale(env->gfx) * gfx_text_scale(env->gfx);
    s->layer_valid = true;
}

/* Rounds the picture's corners like the panel it sits in: the pieces
 * between each corner and its quarter circle take the window background. */
static void round_corners(Gfx *g, SDL_Rect a)
{
    float rad = gfx_px(g, THEME_RADIUS);
    const int n = 6;
    /* top-left, top-right, bottom-left, bottom-right; y grows downwards */
    static const float start[4] = {(float)M_PI, 1.5f * (float)M_PI, 0.5f * (float)M_PI, 0.0f};
    for (int c = 0; c < 4; c++) {
        bool right = c & 1, bottom = c & 2;
        float kx = right ? (float)(a.x + a.w) : (float)a.x;
        float ky = bottom ? (float)(a.y + a.h) : (float)a.y;
        float cx = right ? kx - rad : kx + rad, cy = bottom ? ky - rad : ky + rad;
        for (int i = 0; i < n; i++) {
            float t0 = start[c] + 0.5f * (float)M_PI * (float)i / (float)n;
            float t1 = start[c] + 0.5f * (float)M_PI * (float)(i + 1) / (float)n;
            SDL_FPoint p0 = {cx + rad * cosf(t0), cy + rad * sinf(t0)};
            SDL_FPoint p1 = {cx + rad * cosf(t1), cy + rad * sinf(t1)};
            gfx_fill_triangle(g, (SDL_FPoint){kx, ky}, p0, p1, theme.bg);
        }
    }
}

static void scene_draw(void *self, const ModuleSceneEnv *env, const void *module_state)
{
    SpliceScene *s = self;
    const SpliceView *v = splice_view(module_state);
    if (!v || env->area.w < 16 || env->area.h < 16) return;
    Gfx *g = env->gfx;
    SDL_Renderer *r = env->renderer;
    bool first = !s->drawn;
    double dt = first ? 0.0 : env->anim_s - s->last_anim_s;
    s->last_anim_s = env->anim_s;
    follow_events(s, v, env->anim_s, first);

    /* camera: the step's shot, held while the pointer is pressed */
    float aspect = (float)env->area.w / (float)env->area.h;
    bool resized = s->area.w != env->area.w || s->area.h != env->area.h;
    if (!s->ptr.down || !s->cam_valid || resized) {
        SpliceFrame fr;
        splice_frame_for(v, &fr);
        splice_cam_fit(&fr, aspect, &s->goal);
    }
    if (!s->cam_valid || resized) {
        s->cam = s->goal;
        s->cam_valid = true;
    } else if (!s->ptr.down) {
        /* a drag never has the bench slide under it: the camera waits */
        splice_cam_approach(&s->cam, &s->goal, dt);
    }
    s->area = env->area;
    Gfx3dCamera gc;
    splice_cam_to_gfx(&s->cam, &gc);
    SDL_FRect vp = {(float)env->area.x, (float)env->area.y, (float)env->area.w, (float)env->area.h};
    gfx3d_begin(s->pick, &gc, vp);
    s->drawn = true;

    update_layer(s, env, &gc, v);
    if (s->layer_valid) {
        SDL_SetTextureBlendMode(s->layer, SDL_BLENDMODE_NONE);
        SDL_RenderCopy(r, s->layer, NULL, &env->area);
    } else {
        /* no texture (out of memory): draw the still bench directly */
        draw_still(s, g, r, &gc, v, vp);
    }

    s->motor_shown = false; /* the screen draws its motor keys when it shows them */
    if (v->phase == SPLICE_PHASE_CHECK || v->phase == SPLICE_PHASE_RESULT) {
        /* the splicer's screen covers the bench: only its edges show */
        float m = gfx_px(g, 14.0f);
        SDL_FRect sr = {vp.x + m, vp.y + m, vp.w - 2 * m, vp.h - 2 * m};
        splice_screen_draw(s, env, v, sr);
    } else {
        gfx3d_begin(s->g3, &gc, vp);
        gfx3d_mesh_clear(&s->parts);
        gfx3d_mesh_clear(&s->parts_clear);
        SplicePartsCtx pc = {v, &s->ptr};
        splice_parts_build(&pc, &s->parts, &s->parts_clear);
        gfx3d_add(s->g3, &s->parts, NULL);
        draw_opaque(s->g3, r);
        /* the see-through parts after, blended */
        gfx3d_add(s->g3, &s->parts_clear, NULL);
        gfx3d_draw(s->g3, r);
        splice_overlay_draw(s, env, v);
    }
    splice_overlay_notice(s, env, v);
    round_corners(g, env->area);
}

/* ---- the splicer screen's motor keys (manual alignment) ---- */

static bool scene_control(void *self, const ModuleSceneEnv *env, InputKind kind, int pointer, int px, int py,
                          InputEvent *out, size_t *n_out)
{
    (void)env; /* the keys are where the last frame drew them */
    return splice_motor_control(self, kind, pointer, px, py, out, n_out);
}

static void scene_control_held(void *self, int pointer, uint32_t ticks_held, InputEvent *out, size_t *n_out)
{
    splice_motor_held(self, pointer, ticks_held, out, n_out);
}

/* ---- buttons and prompt ---- */

static const char *choice_label(const char *id)
{
    for (const SpliceChoice *c = splice_choices; c->id; c++) {
        if (strcmp(c->id, id) == 0) return c->label;
    }
    return id;
}

static void add(SceneButton *out, size_t max, size_t *n, const char *id, bool enabled)
{
    if (*n >= max) return;
    SceneButton *b = &out[(*n)++];
    snprintf(b->id, sizeof b->id, "%s", id);
    b->label = choice_label(id);
    b->enabled = enabled;
}

static size_t scene_buttons(void *self, const void *module_state, SceneButton *out, size_t max)
{
    const SpliceView *v = splice_view(module_state);
    size_t n = 0;
    (void)self;
    if (!v) return 0;
    int at_cleaver = 0, at_mat = 0, at_splicer = 0;
    for (int i = 0; i < 2; i++) {
        at_cleaver += v->fibre[i].where == SPLICE_AT_CLEAVER;
        at_mat += v->fibre[i].where == SPLICE_AT_MAT;
        at_splicer += v->fibre[i].where == SPLICE_AT_SPLICER;
    }
    switch (v->phase) {
    case SPLICE_PHASE_PREPARE:
        add(out, max, &n, "tool_hand", true);
        add(out, max, &n, "tool_stripper", true);
        add(out, max, &n, "tool_wipe", true);
        if (at_cleaver > 0) {
            add(out, max, &n, v->clamp_closed ? "unclamp" : "clamp", true);
            add(out, max, &n, "rotate_blade", true);
            break;
        }
        if (v->sleeve_on < 0 && v->fibre[v->mat_fibre].where == SPLICE_AT_MAT) add(out, max, &n, "sleeve", true);
        if (at_mat == 2) add(out, max, &n, v->mat_fibre == SPLICE_LEFT ? "fibre_right" : "fibre_left", true);
        add(out, max, &n, "clean_vgroove", true);
        if (at_splicer > 0) add(out, max, &n, "close_cover", true);
        break;
    case SPLICE_PHASE_CHECK:
        add(out, max, &n, "splice", true);
        add(out, max, &n, "reprepare_left", true);
        add(out, max, &n, "reprepare_right", true);
        break;
    case SPLICE_PHASE_RESULT:
        add(out, max, &n, "accept", true);
        add(out, max, &n, "redo", true);
        break;
    case SPLICE_PHASE_PROTECT:
        add(out, max, &n, "heat", true);
        break;
    case SPLICE_PHASE_HEATING:
        add(out, max, &n, "oven_out", true);
        break;
    case SPLICE_PHASE_COIL:
        add(out, max, &n, "finish", true);
        break;
    case SPLICE_PHASE_DONE:
    default:
        break;
    }
    return n;
}

static const char *scene_prompt(void *self, const void *module_state, bool hints)
{
    const SpliceView *v = splice_view(module_state);
    (void)self;
    if (!v) return NULL;
    if (hints) {
        /* a fibre in the hand goes to the cleaver, or cleaved to the splicer */
        for (int i = 0; i < 2; i++) {
            if (v->fibre[i].where == SPLICE_IN_HAND) {
                return splice_hint_text(v->fibre[i].cleaved ? SPLICE_HINT_LOAD_SPLICER : SPLICE_HINT_TO_CLEAVER);
            }
        }
        return splice_hint_text(v->hint);
    }
    /* Exam: where the job stands, never what to do next. */
    switch (v->phase) {
    case SPLICE_PHASE_PREPARE: return N_("Prepare both fibres and lay them in the splicer.");
    case SPLICE_PHASE_CHECK: return N_("The splicer shows both fibre ends: your decision.");
    case SPLICE_PHASE_RESULT: return N_("The splice is made: your decision.");
    case SPLICE_PHASE_PROTECT: return N_("Protect the splice.");
    case SPLICE_PHASE_HEATING: return N_("The sleeve is in the heater.");
    case SPLICE_PHASE_COIL: return N_("Store the fibre in the cassette.");
    case SPLICE_PHASE_DONE:
    default: return N_("Job finished.");
    }
}

void splice_fmt(char *out, size_t n, double value, int decimals)
{
    snprintf(out, n, "%.*f", decimals, value);
    if (i18n_decimal_sep() == ',') {
        for (char *c = out; *c; c++) {
            if (*c == '.') *c = ',';
        }
    }
}

const ModuleScene splice_scene = {
    .module = "splice",
    .create = scene_create,
    .destroy = scene_destroy,
    .to_scene = scene_to_scene,
    .draw = scene_draw,
    .buttons = scene_buttons,
    .prompt = scene_prompt,
    .pointer = scene_pointer,
    .control = scene_control,
    .control_held = scene_control_held,
};
