/*
 * splice_scene_models.c - the still parts of the splicing bench as meshes,
 * built once: the table with its anti-static mat, the green cutting mat, the
 * cleaver, the scrap container, the fusion splicer with its heater and
 * screen, and the splice cassette.
 *
 * Sizes follow the module's bench layout (include/fibresim/splice.h) and
 * real tools: a bench cleaver with an aluminium top and a blade carriage, a
 * closed scrap container, a core-alignment splicer (V-grooves, electrodes,
 * fibre holders, heater at the back, screen at the front), a PBO cassette.
 * The top of each station is at its surface height (splice_scene.h), where
 * the fibres lie.
 */
#include <math.h>
#include <string.h>

#include "splice_scene.h"

/* Bench box with one colour on top and one on the sides; top NULL leaves
 * the top out (it is then drawn as a flat, splice_scene_flat.c). */
static bool box3(Gfx3dMesh *m, double x0, double y0, float h0, double x1, double y1, float h1, const SDL_Color *top,
                 SDL_Color side)
{
    vec3 v[8];
    for (int i = 0; i < 8; i++) {
        /* bench y grows away from the trainee: world z = -y */
        splice_scene_world((i & 1) ? x1 : x0, (i & 4) ? y0 : y1, (i & 2) ? h1 : h0, v[i]);
    }
    /* v[i]: bit 0 = +x, bit 1 = up, bit 2 = near (world +z) */
    return (!top || gfx3d_mesh_quad(m, v[2], v[6], v[7], v[3], *top)) /* top */
           && gfx3d_mesh_quad(m, v[4], v[5], v[7], v[6], side)  /* front (towards the trainee) */
           && gfx3d_mesh_quad(m, v[1], v[3], v[7], v[5], side)  /* right */
           && gfx3d_mesh_quad(m, v[0], v[4], v[6], v[2], side)  /* left */
           && gfx3d_mesh_quad(m, v[0], v[2], v[3], v[1], side); /* back */
}

static bool box2(Gfx3dMesh *m, double x0, double y0, float h0, double x1, double y1, float h1, SDL_Color top,
                 SDL_Color side)
{
    return box3(m, x0, y0, h0, x1, y1, h1, &top, side);
}

static bool box(Gfx3dMesh *m, double x0, double y0, float h0, double x1, double y1, float h1, SDL_Color c)
{
    return box2(m, x0, y0, h0, x1, y1, h1, c, c);
}

/* Upright cylinder on the bench. */
static bool post(Gfx3dMesh *m, double x, double y, float h0, float h1, float r, int seg, SDL_Color c)
{
    vec3 a, b;
    splice_scene_world(x, y, h0, a);
    splice_scene_world(x, y, h1, b);
    return gfx3d_mesh_cylinder(m, a, b, r, seg, true, c);
}

/* Horizontal rod between two bench points at a height. */
static bool rod(Gfx3dMesh *m, double x0, double y0, double x1, double y1, float h, float r, int seg, SDL_Color c)
{
    vec3 a, b;
    splice_scene_world(x0, y0, h, a);
    splice_scene_world(x1, y1, h, b);
    return gfx3d_mesh_cylinder(m, a, b, r, seg, true, c);
}

static const SDL_Color TABLE = {204, 206, 202, 255};
static const SDL_Color TABLE_EDGE = {150, 146, 138, 255};
static const SDL_Color ESD_MAT = {84, 116, 140, 255};
static const SDL_Color CUT_MAT = {40, 118, 86, 255};
static const SDL_Color ALU = {184, 190, 196, 255};
static const SDL_Color GRAPHITE = {58, 62, 70, 255};
static const SDL_Color TRAY = {52, 58, 66, 255};
static const SDL_Color RUBBER = {34, 36, 40, 255};
static const SDL_Color BIN_BLUE = {28, 92, 160, 255};
static const SDL_Color BIN_LID = {44, 48, 54, 255};
static const SDL_Color HAZARD = {242, 196, 30, 255};
static const SDL_Color SPL_TOP = {206, 210, 216, 255};
static const SDL_Color SPL_SIDE = {178, 184, 192, 255};
static const SDL_Color CHANNEL = {82, 88, 98, 255};
static const SDL_Color CERAMIC = {238, 236, 228, 255};
static const SDL_Color METAL = {160, 162, 170, 255};
static const SDL_Color SCREEN_OFF = {16, 24, 36, 255};
static const SDL_Color CASSETTE = {226, 229, 233, 255};
static const SDL_Color CASSETTE_RIM = {196, 200, 206, 255};
static const SDL_Color KEY = {42, 46, 52, 255};
static const SDL_Color KEY_GREEN = {40, 150, 90, 255};

static bool add_flat(SpliceModels *m, double x0, double y0, double x1, double y1, float h, SDL_Color c)
{
    if (m->n_flats >= SPLICE_FLATS_MAX) return false;
    splice_flat_rect(&m->flats[m->n_flats++], x0, y0, x1, y1, h, c);
    return true;
}

/* The table (around the bench: the anti-static mat covers the rest), the
 * mat, the cutting mat, the cleaver's tray and the cassette: their tops as
 * flats, their edges as triangles. */
static bool build_low(SpliceModels *m)
{
    const SpliceBench *b = splice_bench();
    const double W = SPLICE_BENCH_W_MM, H = SPLICE_BENCH_H_MM;
    bool ok = add_flat(m, -260, -70, 960, 0, 0.0f, TABLE) && add_flat(m, -260, H, 960, 640, 0.0f, TABLE)
              && add_flat(m, -260, 0, 0, H, 0.0f, TABLE) && add_flat(m, W, 0, 960, H, 0.0f, TABLE)
              && add_flat(m, 0, 0, W, H, 0.0f, ESD_MAT);
    const SpliceRect *mat = &b->mat, *t = &b->cleaver, *k = &b->cassette;
    ok = ok && add_flat(m, mat->x0, mat->y0, mat->x1, mat->y1, SPLICE_H_MAT, CUT_MAT)
         && add_flat(m, t->x0, t->y0, t->x1, t->y1, SPLICE_H_TRAY, TRAY)
         && add_flat(m, k->x0, k->y0, k->x1, k->y1, SPLICE_H_CASSETTE, CASSETTE);
    vec3 a, c, d, e;
    splice_scene_world(-260, -70, -30.0f, a);
    splice_scene_world(960, -70, -30.0f, c);
    splice_scene_world(960, -70, 0.0f, d);
    splice_scene_world(-260, -70, 0.0f, e);
    ok = ok && gfx3d_mesh_quad(&m->low, a, c, d, e, TABLE_EDGE);
    ok = ok && box3(&m->low, mat->x0, mat->y0, 0.0f, mat->x1, mat->y1, SPLICE_H_MAT, NULL, CUT_MAT);
    ok = ok && box3(&m->low, t->x0, t->y0, 0.0f, t->x1, t->y1, SPLICE_H_TRAY, NULL, TRAY);
    ok = ok && box3(&m->low, k->x0, k->y0, 0.0f, k->x1, k->y1, SPLICE_H_CASSETTE, NULL, CASSETTE_RIM);
    return ok;
}

static bool build_cleaver(SpliceStill *st)
{
    const SpliceBench *b = splice_bench();
    double x0 = b->cleaver_x + SPLICE_CLEAVER_LX0, x1 = b->cleaver_x + SPLICE_CLEAVER_LX1;
    double y0 = b->cleaver_y + SPLICE_CLEAVER_LY0, y1 = b->cleaver_y + SPLICE_CLEAVER_LY1;
    splice_flat_rect(&st->top, x0, y0, x1, y1, SPLICE_H_CLEAVER, ALU);
    return box3(&st->sides, x0, y0, SPLICE_H_TRAY, x1, y1, SPLICE_H_CLEAVER, NULL, GRAPHITE);
}

static bool build_cleaver_details(Gfx3dMesh *m)
{
    const SpliceBench *b = splice_bench();
    double cx = b->cleaver_x, cy = b->cleaver_y;
    const float h = SPLICE_H_CLEAVER;
    double x0 = cx + SPLICE_CLEAVER_LX0, x1 = cx + SPLICE_CLEAVER_LX1;
    double y0 = cy + SPLICE_CLEAVER_LY0, y1 = cy + SPLICE_CLEAVER_LY1;
    /* blade slot across the top, the carriage rides in it */
    bool ok = box(m, cx - 2.5, y0 + 3, h, cx + 2.5, y1 - 4, h + 0.2f, RUBBER);
    /* rubber pads either side of the blade that hold the glass */
    ok = ok && box(m, cx - 9, cy - 6, h, cx - 3.5, cy + 6, h + 0.3f, RUBBER);
    ok = ok && box(m, cx + 3.5, cy - 6, h, cx + 9, cy + 6, h + 0.3f, RUBBER);
    /* fibre holder pad on the cable side, under the coating */
    ok = ok && box(m, x0 + 2, cy - 5, h, cx - 24, cy + 5, h + 0.3f, RUBBER);
    /* hinges of the clamp lids at the back */
    ok = ok && rod(m, cx - 36, cy + 15, cx - 3, cy + 15, h + 2.0f, 2.0f, 8, GRAPHITE);
    ok = ok && rod(m, cx + 3, cy + 15, cx + 24, cy + 15, h + 2.0f, 2.0f, 8, GRAPHITE);
    /* offcut collector on the far side */
    ok = ok && box2(m, x1 - 14, cy - 14, h, x1 - 2, cy + 14, h + 6.0f, GRAPHITE, RUBBER);
    /* tension knob base */
    ok = ok && post(m, cx + b->knob_x, cy + b->knob_y, h, h + 0.8f, (float)b->knob_r + 2.0f, 20, GRAPHITE);
    return ok;
}

static bool build_scrap(SpliceStill *st)
{
    const SpliceBench *b = splice_bench();
    float r = (float)b->scrap_r;
    vec3 a, c, d;
    splice_scene_world(b->scrap_x, b->scrap_y, 0.0f, a);
    splice_scene_world(b->scrap_x, b->scrap_y, SPLICE_H_SCRAP - 3.0f, c);
    splice_scene_world(b->scrap_x, b->scrap_y, SPLICE_H_SCRAP, d);
    splice_flat_disc(&st->top, b->scrap_x, b->scrap_y, r, SPLICE_H_SCRAP, BIN_LID);
    return gfx3d_mesh_cylinder(&st->sides, a, c, r - 0.5f, 24, false, BIN_BLUE)
           && gfx3d_mesh_cylinder(&st->sides, c, d, r, 24, false, BIN_LID);
}

static bool build_scrap_details(Gfx3dMesh *m)
{
    const SpliceBench *b = splice_bench();
    float r = (float)b->scrap_r;
    /* yellow hazard label on the front */
    vec3 a, c, d, e;
    double y = b->scrap_y - (double)r + 0.2;
    splice_scene_world(b->scrap_x - 9, y - 0.6, 12.0f, a);
    splice_scene_world(b->scrap_x + 9, y - 0.6, 12.0f, c);
    splice_scene_world(b->scrap_x + 9, y - 0.6, 28.0f, d);
    splice_scene_world(b->scrap_x - 9, y - 0.6, 28.0f, e);
    return gfx3d_mesh_quad(m, a, c, d, e, HAZARD);
}

static bool build_splicer(SpliceStill *st)
{
    const SpliceBench *b = splice_bench();
    const SpliceRect *r = &b->splicer;
    const float h = SPLICE_H_SPLICER;
    splice_flat_rect(&st->top, r->x0, SPLICE_BODY_Y0, r->x1, SPLICE_BODY_Y1, h, SPL_TOP);
    bool ok = box3(&st->sides, r->x0, SPLICE_BODY_Y0, 0.0f, r->x1, SPLICE_BODY_Y1, h, NULL, SPL_SIDE);
    /* screen housing on the front */
    double sx0 = b->splicer_x - 75, sx1 = b->splicer_x + 45;
    ok = ok && box2(&st->sides, sx0, SPLICE_BODY_Y0 - 12, 14.0f, sx1, SPLICE_BODY_Y0, 70.0f, SPL_TOP, SPL_SIDE);
    return ok;
}

static bool build_splicer_screen(Gfx3dMesh *m)
{
    const SpliceBench *b = splice_bench();
    double sx0 = b->splicer_x - 75, sx1 = b->splicer_x + 45;
    vec3 a, c, d, e;
    splice_scene_world(sx0 + 5, SPLICE_BODY_Y0 - 12.2, 20.0f, a);
    splice_scene_world(sx1 - 5, SPLICE_BODY_Y0 - 12.2, 20.0f, c);
    splice_scene_world(sx1 - 5, SPLICE_BODY_Y0 - 12.2, 64.0f, d);
    splice_scene_world(sx0 + 5, SPLICE_BODY_Y0 - 12.2, 64.0f, e);
    return gfx3d_mesh_quad(m, a, c, d, e, SCREEN_OFF);
}

static bool build_splicer_details(Gfx3dMesh *m)
{
    const SpliceBench *b = splice_bench();
    double cx = b->splicer_x, cy = b->splicer_y;
    const SpliceRect *r = &b->splicer;
    const float h = SPLICE_H_SPLICER;
    double e = b->vgroove_edge_mm;
    /* the fibre channel under the wind protector */
    bool ok = box(m, cx - 62, cy - 30, h, cx + 62, cy + 30, h + 0.2f, CHANNEL);
    /* V-groove blocks: the fibre's end must stop between their inner edge and the electrodes */
    ok = ok && box(m, cx - e - 8, cy - 4, h, cx - e, cy + 4, h + 0.4f, CERAMIC);
    ok = ok && box(m, cx + e, cy - 4, h, cx + e + 8, cy + 4, h + 0.4f, CERAMIC);
    /* electrodes pointing at the joint from the front and the back */
    ok = ok && box(m, cx - 5, cy + 18, h, cx + 5, cy + 30, h + 6.0f, GRAPHITE);
    ok = ok && box(m, cx - 5, cy - 30, h, cx + 5, cy - 18, h + 6.0f, GRAPHITE);
    ok = ok && rod(m, cx, cy + 3.0, cx, cy + 19, h + 2.0f, 1.1f, 8, METAL);
    ok = ok && rod(m, cx, cy - 19, cx, cy - 3.0, h + 2.0f, 1.1f, 8, METAL);
    /* fibre holder bases (the coating sits in them) */
    ok = ok && box2(m, cx - 48, cy - 9, h, cx - 20, cy + 9, h + 1.0f, CHANNEL, RUBBER);
    ok = ok && box2(m, cx + 20, cy - 9, h, cx + 48, cy + 9, h + 1.0f, CHANNEL, RUBBER);
    /* heater at the back: the slot the sleeve goes in */
    ok = ok && box2(m, cx - 62, 258, h, cx + 62, 284, h + 1.0f, RUBBER, GRAPHITE);
    /* keys on the front right, one green (the arc key) */
    for (int i = 0; i < 3; i++) {
        double kx = r->x1 - 52 + 16 * i;
        ok = ok && box(m, kx, SPLICE_BODY_Y0 + 8, h, kx + 11, SPLICE_BODY_Y0 + 18, h + 2.0f, i == 2 ? KEY_GREEN : KEY);
    }
    return ok;
}

static bool build_cassette_details(Gfx3dMesh *m)
{
    const SpliceBench *b = splice_bench();
    const SpliceRect *r = &b->cassette;
    const float h = SPLICE_H_CASSETTE, w = 10.0f;
    double t = 3.0;
    /* rim (the ends are open where the fibres come in) */
    bool ok = box(m, r->x0, r->y0, h, r->x1, r->y0 + t, h + w, CASSETTE_RIM);
    ok = ok && box(m, r->x0, r->y1 - t, h, r->x1, r->y1, h + w, CASSETTE_RIM);
    ok = ok && box(m, r->x0, r->y0 + 28, h, r->x0 + t, r->y1 - 28, h + w, CASSETTE_RIM);
    ok = ok && box(m, r->x1 - t, r->y0 + 28, h, r->x1, r->y1 - 28, h + w, CASSETTE_RIM);
    /* splice holder comb in the middle */
    ok = ok && box2(m, b->cassette_x - 34, b->cassette_y - 7, h, b->cassette_x + 34, b->cassette_y + 7, h + 3.0f,
                    CASSETTE_RIM, CASSETTE_RIM);
    /* bend guides at the corners */
    for (int i = 0; i < 4; i++) {
        double gx = b->cassette_x + ((i & 1) ? 66 : -66), gy = b->cassette_y + ((i & 2) ? 50 : -50);
        ok = ok && post(m, gx, gy, h, h + w, 6.0f, 14, CASSETTE_RIM);
    }
    return ok;
}

bool splice_models_build(SpliceModels *m)
{
    memset(m, 0, sizeof *m);
    bool ok = build_low(m);
    /* back to front, so a nearer station is drawn over a farther one */
    ok = ok && build_splicer(&m->station[0]) && build_cleaver(&m->station[1]) && build_scrap(&m->station[2]);
    ok = ok && build_cleaver_details(&m->details) && build_splicer_details(&m->details)
         && build_cassette_details(&m->details) && build_scrap_details(&m->details)
         && build_splicer_screen(&m->details);
    if (!ok) {
        splice_models_finish(m);
    }
    return ok;
}

void splice_models_finish(SpliceModels *m)
{
    gfx3d_mesh_finish(&m->low);
    for (int i = 0; i < SPLICE_STATIONS; i++) gfx3d_mesh_finish(&m->station[i].sides);
    gfx3d_mesh_finish(&m->details);
}
