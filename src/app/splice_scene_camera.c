/*
 * splice_scene_camera.c - where the camera looks at each step of the splice:
 * at the station in use, with the next station of the gesture in view (the
 * cleaver from the mat, the scrap container and the splicer from the
 * cleaver), and how it glides from one shot to the next.
 *
 * A shot frames a bench rectangle (and the height of what stands on it) in
 * the viewport: the distance is the smallest that fits both its width and
 * its depth, seen from the shot's elevation.
 */
#include <math.h>

#include "splice_scene.h"

#define FOV_Y_DEG 20.0f
#define GLIDE_S 0.18     /* time constant of the glide */

static const SpliceFrame shots[SPLICE_SHOT_COUNT] = {
    [SPLICE_SHOT_MAT] = {70, 150, 445, 250, 30, 52, 0},
    [SPLICE_SHOT_CLEAVER] = {290, 52, 615, 262, 50, 50, 0},
    [SPLICE_SHOT_SPLICER] = {405, 118, 705, 290, 50, 50, 0},
    [SPLICE_SHOT_SCREEN] = {455, 125, 685, 285, 60, 46, 0},
    [SPLICE_SHOT_HEATER] = {470, 190, 650, 300, 60, 58, 0},
    [SPLICE_SHOT_CASSETTE] = {55, 262, 255, 418, 20, 64, 0},
};

void splice_cam_fit(const SpliceFrame *d, float aspect, SpliceCam *out)
{
    if (!(aspect > 0.1f)) aspect = 1.0f;
    float el = glm_rad(d->elev_deg);
    float t = tanf(glm_rad(FOV_Y_DEG) * 0.5f);
    float w = d->x1 - d->x0;
    /* seen from the elevation, the rectangle's depth and the standing
     * height take this much of the vertical picture */
    float depth = (d->y1 - d->y0) * sinf(el) + d->h_mm * cosf(el);
    float dist_w = 0.5f * w / (t * aspect);
    float dist_h = 0.5f * depth / t;
    out->cx = 0.5f * (d->x0 + d->x1);
    out->cy = 0.5f * (d->y0 + d->y1);
    out->ch = 0.35f * d->h_mm;
    /* 8% margin: perspective makes the near edge wider than the centre */
    out->dist_mm = 1.08f * fmaxf(dist_w, dist_h);
    out->elev_deg = d->elev_deg;
    out->yaw_deg = d->yaw_deg;
}

static float approach(float v, float goal, float k, float snap)
{
    float n = goal + (v - goal) * k;
    return fabsf(n - goal) < snap ? goal : n;
}

bool splice_cam_approach(SpliceCam *cam, const SpliceCam *goal, double dt_s)
{
    if (!(dt_s > 0)) return splice_cam_equal(cam, goal);
    float k = (float)exp(-dt_s / GLIDE_S);
    cam->cx = approach(cam->cx, goal->cx, k, 0.05f);
    cam->cy = approach(cam->cy, goal->cy, k, 0.05f);
    cam->ch = approach(cam->ch, goal->ch, k, 0.05f);
    cam->dist_mm = approach(cam->dist_mm, goal->dist_mm, k, 0.1f);
    cam->elev_deg = approach(cam->elev_deg, goal->elev_deg, k, 0.02f);
    cam->yaw_deg = approach(cam->yaw_deg, goal->yaw_deg, k, 0.02f);
    return splice_cam_equal(cam, goal);
}

bool splice_cam_equal(const SpliceCam *a, const SpliceCam *b)
{
    return a->cx == b->cx && a->cy == b->cy && a->ch == b->ch && a->dist_mm == b->dist_mm
           && a->elev_deg == b->elev_deg && a->yaw_deg == b->yaw_deg;
}

void splice_cam_to_gfx(const SpliceCam *c, Gfx3dCamera *out)
{
    float el = glm_rad(c->elev_deg), yaw = glm_rad(c->yaw_deg);
    vec3 target;
    splice_scene_world(c->cx, c->cy, c->ch, target);
    glm_vec3_copy(target, out->target);
    out->eye[0] = target[0] + c->dist_mm * cosf(el) * sinf(yaw);
    out->eye[1] = target[1] + c->dist_mm * sinf(el);
    out->eye[2] = target[2] + c->dist_mm * cosf(el) * cosf(yaw);
    out->up[0] = 0.0f;
    out->up[1] = 1.0f;
    out->up[2] = 0.0f;
    out->fov_y_deg = FOV_Y_DEG;
    out->near_z = 20.0f;
    out->far_z = 4000.0f;
}

SpliceShot splice_shot_for(const SpliceView *v)
{
    switch (v->phase) {
    case SPLICE_PHASE_CHECK:
    case SPLICE_PHASE_RESULT:
        return SPLICE_SHOT_SCREEN;
    case SPLICE_PHASE_PROTECT:
        return SPLICE_SHOT_SPLICER;
    case SPLICE_PHASE_HEATING:
        return SPLICE_SHOT_HEATER;
    case SPLICE_PHASE_COIL:
    case SPLICE_PHASE_DONE:
        return SPLICE_SHOT_CASSETTE;
    case SPLICE_PHASE_PREPARE:
    default:
        break;
    }
    /* Preparing: the cleaver while a fibre is in it; the mat while a fibre
     * waits there; else the splicer (both loaded). */
    for (int i = 0; i < 2; i++) {
        if (v->fibre[i].where == SPLICE_AT_CLEAVER) return SPLICE_SHOT_CLEAVER;
    }
    for (int i = 0; i < 2; i++) {
        if (v->fibre[i].where == SPLICE_AT_MAT) return SPLICE_SHOT_MAT;
    }
    return SPLICE_SHOT_SPLICER;
}

/* Margin around an offcut kept in view (mm). */
#define OFFCUT_MARGIN_MM 15.0f

void splice_frame_for(const SpliceView *v, SpliceFrame *out)
{
    *out = shots[splice_shot_for(v)];
    if (v->phase == SPLICE_PHASE_CHECK || v->phase == SPLICE_PHASE_RESULT) {
        return; /* the splicer screen covers the bench */
    }
    /* A glass offcut stays in view wherever it lies, and so does the scrap
     * container it must go to. */
    const SpliceBench *b = splice_bench();
    bool any = false;
    for (int i = 0; i < v->n_offcuts; i++) {
        const SpliceOffcutView *o = &v->offcut[i];
        if (o->binned || o->carried) continue;
        any = true;
        out->x0 = fminf(out->x0, (float)o->x_mm - OFFCUT_MARGIN_MM);
        out->x1 = fmaxf(out->x1, (float)(o->x_mm + o->length_mm) + OFFCUT_MARGIN_MM);
        out->y0 = fminf(out->y0, (float)o->y_mm - OFFCUT_MARGIN_MM);
        out->y1 = fmaxf(out->y1, (float)o->y_mm + OFFCUT_MARGIN_MM);
    }
    if (any) {
        out->x0 = fminf(out->x0, (float)(b->scrap_x - b->scrap_r) - 5.0f);
        out->x1 = fmaxf(out->x1, (float)(b->scrap_x + b->scrap_r) + 5.0f);
        out->y0 = fminf(out->y0, (float)(b->scrap_y - b->scrap_r) - 5.0f);
        out->y1 = fmaxf(out->y1, (float)(b->scrap_y + b->scrap_r) + 5.0f);
        out->h_mm = fmaxf(out->h_mm, SPLICE_H_SCRAP);
    }
}

void splice_frame_of_shot(SpliceShot shot, SpliceFrame *out)
{
    *out = shots[shot < SPLICE_SHOT_COUNT ? shot : SPLICE_SHOT_MAT];
}
