/*
 * splice_scene_parts.c - the moving parts of the splicing bench, rebuilt
 * every frame from the module's view and the pointer: the two fibres
 * (coating, bare glass, the slug the stripper pulls), the protection sleeve,
 * glass offcuts, the tools in the hand, the cleaver's clamp lids, blade
 * carriage and tension knob, the splicer's fibre holders and wind
 * protector, and the heater lid.
 *
 * Fibres are drawn thicker than life (coating 1.6 mm, glass 0.8 mm instead
 * of 0.25 and 0.125 mm) so they show at bench scale; their positions are
 * exact.
 */
#include <math.h>
#include <string.h>

#include "splice_scene.h"

#define COAT_R 0.8f
#define GLASS_R 0.4f
#define HAND_REACH_MM 130.0

static const SDL_Color GLASS = {214, 240, 250, 255};
static const SDL_Color RUBBER = {34, 36, 40, 255};
static const SDL_Color GRAPHITE = {66, 70, 78, 255};
static const SDL_Color LID_DARK = {48, 52, 60, 255};
static const SDL_Color CARRIAGE = {200, 50, 40, 255};
static const SDL_Color STEEL = {150, 156, 164, 255};
static const SDL_Color SLEEVE = {214, 236, 248, 150};
static const SDL_Color SMOKED = {96, 110, 128, 255};
static const SDL_Color HANDLE = {196, 46, 40, 255};
static const SDL_Color JAW = {90, 96, 104, 255};
static const SDL_Color TISSUE = {246, 248, 250, 255};
static const SDL_Color TISSUE_WET = {200, 226, 246, 255};
static const SDL_Color SKIN = {226, 180, 150, 170};
static const SDL_Color CABLE = {30, 32, 36, 255};

SDL_Color splice_coat_color(int side)
{
    /* fibre colour code: 1 blue, 2 orange */
    return side == SPLICE_LEFT ? (SDL_Color){30, 104, 214, 255} : (SDL_Color){236, 124, 24, 255};
}

/* ---- helpers ---- */

typedef struct P3 {
    double x, y;
    float h;
} P3;

static bool seg(Gfx3dMesh *m, P3 a, P3 b, float r, int sides, bool caps, SDL_Color c)
{
    vec3 wa, wb;
    splice_scene_world(a.x, a.y, a.h, wa);
    splice_scene_world(b.x, b.y, b.h, wb);
    return gfx3d_mesh_cylinder(m, wa, wb, r, sides, caps, c);
}

static bool path(Gfx3dMesh *m, const P3 *pts, int n, float r, int sides, SDL_Color c)
{
    for (int i = 0; i + 1 < n; i++) {
        if (!seg(m, pts[i], pts[i + 1], r, sides, false, c)) return false;
    }
    return true;
}

static bool box(Gfx3dMesh *m, double x0, double y0, float h0, double x1, double y1, float h1, SDL_Color c)
{
    vec3 lo, hi;
    splice_scene_world(x0, y1, h0, lo);
    splice_scene_world(x1, y0, h1, hi);
    return gfx3d_mesh_box(m, lo, hi, c);
}

/* ---- where each fibre is ---- */

void splice_fibre_pose(const SpliceView *v, const SplicePointer *p, int side, SpliceFibrePose *out)
{
    const SpliceBench *b = splice_bench();
    const SpliceFibreView *f = &v->fibre[side];
    memset(out, 0, sizeof *out);
    out->shown = true;
    out->cable_dir = -1;
    switch (f->where) {
    case SPLICE_AT_MAT:
        if (side == v->mat_fibre) {
            out->tip_x_mm = b->mat_x + f->tip_x_mm;
            out->y_mm = b->mat_y;
            out->h_mm = SPLICE_H_MAT;
        } else {
            /* waiting its turn behind the mat, off the surface presses act on */
            out->tip_x_mm = b->mat_x - 30.0;
            out->y_mm = b->mat.y1 + 16.0;
            out->h_mm = 0.0f;
        }
        return;
    case SPLICE_AT_CLEAVER:
        out->tip_x_mm = b->cleaver_x + f->tip_x_mm;
        out->y_mm = b->cleaver_y;
        out->h_mm = SPLICE_H_CLEAVER;
        return;
    case SPLICE_AT_SPLICER: {
        double tip = f->tip_x_mm;
        if (v->phase == SPLICE_PHASE_CHECK) {
            tip = side == SPLICE_LEFT ? -0.05 : 0.05; /* moved to the arc gap */
        } else if (v->phase != SPLICE_PHASE_PREPARE) {
            tip = 0.0; /* fused */
        }
        out->tip_x_mm = b->splicer_x + tip;
        out->y_mm = b->splicer_y;
        out->h_mm = SPLICE_H_SPLICER;
        out->cable_dir = side == SPLICE_LEFT ? -1 : 1;
        return;
    }
    case SPLICE_IN_HAND:
    default:
        break;
    }
    if (p->known && p->hold == SPLICE_HOLD_FIBRE && p->item == side) {
        /* the grip point stays under the pointer; a right fibre turns round
         * over the splicer, its cable then to the right (as the module lays it) */
        bool turn = side == SPLICE_RIGHT && p->x_mm >= b->splicer.x0;
        out->cable_dir = turn ? 1 : -1;
        out->tip_x_mm = p->x_mm + out->cable_dir * p->grip_u;
        out->y_mm = p->y_mm;
        out->h_mm = splice_scene_surface_h(p->x_mm, p->y_mm);
        return;
    }
    /* in the hand but the pointer is unknown: show it on the mat */
    out->tip_x_mm = b->mat_x;
    out->y_mm = b->mat_y;
    out->h_mm = SPLICE_H_MAT;
}

/* Where the coating leaves the station, and the path of the cable from there. */
static int tail(const SpliceView *v, int side, const SpliceFibrePose *pose, P3 *out)
{
    const SpliceBench *b = splice_bench();
    const SpliceFibreView *f = &v->fibre[side];
    double y = pose->y_mm;
    float h = pose->h_mm;
    if (f->where == SPLICE_IN_HAND) {
        out[0] = (P3){pose->tip_x_mm + pose->cable_dir * HAND_REACH_MM, y, h};
        return 1;
    }
    if (f->where == SPLICE_AT_MAT && side != v->mat_fibre) {
        out[0] = (P3){20, y + 4, 0};
        out[1] = (P3){-40, y + 14, 0};
        return 2;
    }
    switch (f->where) {
    case SPLICE_AT_MAT:
        out[0] = (P3){b->mat.x0 + 4, y, h};
        out[1] = (P3){b->mat.x0 - 10, y + 3, 0};
        out[2] = (P3){-40, y + 16, 0};
        return 3;
    case SPLICE_AT_CLEAVER: {
        double x0 = b->cleaver_x + SPLICE_CLEAVER_LX0;
        out[0] = (P3){x0, y, h};
        out[1] = (P3){x0 - 5, y + 1, h - 12};
        out[2] = (P3){b->cleaver.x0 - 3, y + 8, 0};
        out[3] = (P3){b->cleaver.x0 - 26, y + 62, 0};
        out[4] = (P3){b->cleaver.x0 - 50, y + 140, 0};
        return 5;
    }
    case SPLICE_AT_SPLICER:
    default:
        /* down the splicer's side to the bench, then away along it */
        if (pose->cable_dir < 0) {
            /* between the cleaver and the splicer, towards the trainee */
            out[0] = (P3){b->splicer.x0, y, h};
            out[1] = (P3){b->splicer.x0 - 5, y - 1, 28};
            out[2] = (P3){b->splicer.x0 - 9, y - 6, 0};
            out[3] = (P3){b->splicer.x0 - 11, y - 90, 0};
            out[4] = (P3){b->splicer.x0 - 14, y - 190, 0};
        } else {
            out[0] = (P3){b->splicer.x1, y, h};
            out[1] = (P3){b->splicer.x1 + 6, y + 1, 28};
            out[2] = (P3){b->splicer.x1 + 14, y + 4, 0};
            out[3] = (P3){b->splicer.x1 + 60, y + 10, 0};
            out[4] = (P3){b->splicer.x1 + 140, y + 22, 0};
        }
        return 5;
    }
}

/* One fibre lying on a station (or in the hand), with the strip slug when
 * the stripper is pulling it. */
static bool fibre(Gfx3dMesh *m, const SplicePartsCtx *c, int side)
{
    const SpliceView *v = c->v;
    const SpliceFibreView *f = &v->fibre[side];
    const SplicePointer *p = c->p;
    SpliceFibrePose pose;
    splice_fibre_pose(v, p, side, &pose);
    int d = pose.cable_dir;
    double tip = pose.tip_x_mm, y = pose.y_mm;
    float h = pose.h_mm;
    double edge = tip + d * f->bare_mm; /* coating edge */
    SDL_Color coat = splice_coat_color(side);
    bool ok = true;
    /* a strip in progress: the coating between the jaws and the end slides off */
    bool pulling = p->known && p->down && p->hold == SPLICE_HOLD_STRIP && p->item == side
                   && f->where == SPLICE_AT_MAT && side == v->mat_fibre;
    double jaw = tip + p->grip_u; /* where the stripper closed (mat: cable to -x) */
    if (pulling && jaw < edge) {
        double pull = fmax(0.0, p->x_mm - p->press_x_mm);
        ok = ok && seg(m, (P3){jaw, y, h}, (P3){tip, y, h}, GLASS_R, 5, true, GLASS);
        ok = ok && seg(m, (P3){jaw + pull, y, h}, (P3){edge + pull, y, h}, COAT_R * 1.05f, 6, true, coat);
        edge = jaw;
    } else if (f->bare_mm > 0.0) {
        ok = ok && seg(m, (P3){edge, y, h}, (P3){tip, y, h}, GLASS_R, 5, true, GLASS);
    }
    P3 pts[8];
    pts[0] = (P3){edge, y, h};
    int n = 1 + tail(v, side, &pose, pts + 1);
    /* the coating runs from the edge to where the station ends */
    if ((d < 0 && pts[1].x > edge) || (d > 0 && pts[1].x < edge)) {
        pts[1].x = edge;
    }
    ok = ok && path(m, pts, n, COAT_R, 6, coat);
    /* the cable the fibre comes out of */
    if (f->where != SPLICE_IN_HAND && n >= 2) {
        P3 a = pts[n - 1];
        P3 e = {a.x + (a.x - pts[n - 2].x) * 0.4, a.y + (a.y - pts[n - 2].y) * 0.4, 0};
        ok = ok && seg(m, (P3){a.x, a.y, 2.5f}, (P3){e.x, e.y, 2.5f}, 2.5f, 8, true, CABLE);
    }
    return ok;
}

/* The two fibres spliced, for the heater and the cassette: a straight piece
 * through (x0 .. x1, y) at height h, coated outside the bare glass. */
static bool joined(Gfx3dMesh *m, const SpliceView *v, double cx, double y, float h, double half)
{
    double bl = v->fibre[SPLICE_LEFT].bare_mm, br = v->fibre[SPLICE_RIGHT].bare_mm;
    bool ok = seg(m, (P3){cx - bl, y, h}, (P3){cx + br, y, h}, GLASS_R, 5, false, GLASS);
    ok = ok && seg(m, (P3){cx - half, y, h}, (P3){cx - bl, y, h}, COAT_R, 6, false, splice_coat_color(SPLICE_LEFT));
    ok = ok && seg(m, (P3){cx + br, y, h}, (P3){cx + half, y, h}, COAT_R, 6, false, splice_coat_color(SPLICE_RIGHT));
    return ok;
}

/* Protection sleeve from x0 to x1 along y: its steel rod (opaque, in m)
 * inside a clear tube (in clear). */
static bool sleeve(Gfx3dMesh *m, Gfx3dMesh *clear, double x0, double x1, double y, float h, float r)
{
    bool ok = seg(m, (P3){x0 + 1, y, h + r * 0.45f}, (P3){x1 - 1, y, h + r * 0.45f}, 0.45f, 6, true, STEEL);
    ok = ok && seg(clear, (P3){x0, y, h}, (P3){x1, y, h}, r, 10, true, SLEEVE);
    return ok;
}

static bool sleeve_part(Gfx3dMesh *m, Gfx3dMesh *clear, const SplicePartsCtx *c)
{
    const SpliceView *v = c->v;
    const SpliceBench *b = splice_bench();
    double L = v->sleeve_length_mm;
    if (v->sleeve_on < 0) {
        /* not threaded yet: it waits on the mat */
        if (v->phase != SPLICE_PHASE_PREPARE) return true;
        double y = b->mat.y1 - 12.0, x0 = b->mat.x0 + 22.0;
        return sleeve(m, clear, x0, x0 + L, y, SPLICE_H_MAT + 1.5f, 1.5f);
    }
    switch (v->phase) {
    case SPLICE_PHASE_PREPARE:
    case SPLICE_PHASE_CHECK:
    case SPLICE_PHASE_RESULT: {
        /* parked on the coating, well back from the glass */
        int side = v->sleeve_on;
        SpliceFibrePose pose;
        splice_fibre_pose(v, c->p, side, &pose);
        double u_mid = -(fmax(v->fibre[side].bare_mm, 40.0) + 30.0 + 0.5 * L);
        double xm = pose.tip_x_mm - pose.cable_dir * u_mid;
        return sleeve(m, clear, xm - 0.5 * L, xm + 0.5 * L, pose.y_mm, pose.h_mm, 1.5f);
    }
    case SPLICE_PHASE_PROTECT: {
        double xm = b->splicer_x + v->sleeve_centre_mm;
        if (c->p->known && c->p->down && c->p->hold == SPLICE_HOLD_SLEEVE) {
            xm += c->p->x_mm - c->p->press_x_mm;
        }
        return sleeve(m, clear, xm - 0.5 * L, xm + 0.5 * L, b->splicer_y, SPLICE_H_SPLICER, 1.5f);
    }
    case SPLICE_PHASE_HEATING: {
        /* shrinks as it heats */
        double k = v->heat_program_s > 0 ? fmin(1.0, v->heater_s / v->heat_program_s) : 1.0;
        double xm = b->splicer_x + v->sleeve_centre_mm;
        return sleeve(m, clear, xm - 0.5 * L, xm + 0.5 * L, 271.0, SPLICE_H_SPLICER + 0.5f, (float)(1.5 - 0.45 * k));
    }
    case SPLICE_PHASE_COIL:
    case SPLICE_PHASE_DONE:
    default:
        return sleeve(m, clear, b->cassette_x - 0.5 * L, b->cassette_x + 0.5 * L, b->cassette_y, SPLICE_H_CASSETTE + 3.5f,
                      1.05f);
    }
}

static bool offcuts(Gfx3dMesh *m, const SplicePartsCtx *c)
{
    const SpliceView *v = c->v;
    bool ok = true;
    for (int i = 0; i < v->n_offcuts && ok; i++) {
        const SpliceOffcutView *o = &v->offcut[i];
        if (o->binned) continue;
        double x = o->x_mm, y = o->y_mm;
        if (o->carried && c->p->known && c->p->hold == SPLICE_HOLD_OFFCUT) {
            x = c->p->x_mm - c->p->offcut_dx;
            y = c->p->y_mm - c->p->offcut_dy;
        }
        float h = splice_scene_surface_h(x + 0.5 * o->length_mm, y) + GLASS_R;
        ok = seg(m, (P3){x, y, h}, (P3){x + o->length_mm, y, h}, GLASS_R, 5, true, GLASS);
    }
    return ok;
}

/* ---- the cleaver's moving parts ---- */

static bool cleaver_parts(Gfx3dMesh *m, const SplicePartsCtx *c)
{
    const SpliceView *v = c->v;
    const SpliceBench *b = splice_bench();
    double cx = b->cleaver_x, cy = b->cleaver_y;
    const float h = SPLICE_H_CLEAVER;
    bool ok = true;
    /* clamp lids: down on the fibre, or standing open at the back */
    if (v->clamp_closed) {
        ok = ok && box(m, cx - 36, cy - 11, h + 0.3f, cx - 3, cy + 14, h + 3.5f, LID_DARK);
        ok = ok && box(m, cx + 3, cy - 11, h + 0.3f, cx + 24, cy + 14, h + 3.5f, LID_DARK);
    } else {
        ok = ok && box(m, cx - 36, cy + 14, h, cx - 3, cy + 17, h + 25.0f, LID_DARK);
        ok = ok && box(m, cx + 3, cy + 14, h, cx + 24, cy + 17, h + 21.0f, LID_DARK);
    }
    /* blade carriage: a low pad the thumb pushes towards the trainee */
    double by = cy + b->blade_rest_y;
    if (c->p->known && c->p->down && c->p->hold == SPLICE_HOLD_BLADE) {
        by = fmin(cy + b->blade_rest_y, fmax(cy + b->blade_cut_y - 4.0, c->p->y_mm));
    }
    ok = ok && box(m, cx - 6, by - 6, h, cx + 6, by + 6, h + 2.0f, GRAPHITE);
    vec3 a, e;
    splice_scene_world(cx, by, h + 2.0f, a);
    splice_scene_world(cx, by, h + 3.0f, e);
    ok = ok && gfx3d_mesh_cylinder(m, a, e, 5.0f, 14, true, CARRIAGE);
    /* tension knob: a flat dial, its mark turned by the tension (1 = up) */
    double kx = cx + b->knob_x, ky = cy + b->knob_y;
    splice_scene_world(kx, ky, h + 0.8f, a);
    splice_scene_world(kx, ky, h + 2.6f, e);
    ok = ok && gfx3d_mesh_cylinder(m, a, e, (float)b->knob_r, 18, true, RUBBER);
    double ang = (v->tension_rel - 1.0) * 2.4; /* radians per unit of tension */
    double mx = kx + sin(ang) * (b->knob_r - 2.5), my = ky + cos(ang) * (b->knob_r - 2.5);
    ok = ok && seg(m, (P3){kx, ky, h + 2.9f}, (P3){mx, my, h + 2.9f}, 0.8f, 6, true, (SDL_Color){236, 238, 240, 255});
    return ok;
}

/* ---- the splicer's moving parts ---- */

static bool splicer_parts(Gfx3dMesh *m, const SplicePartsCtx *c)
{
    const SpliceView *v = c->v;
    const SpliceBench *b = splice_bench();
    double cx = b->splicer_x, cy = b->splicer_y;
    const float h = SPLICE_H_SPLICER;
    bool ok = true;
    /* fibre holder lids: closed on a fibre that lies in its holder */
    for (int s = 0; s < 2; s++) {
        double x0 = s == SPLICE_LEFT ? cx - 48 : cx + 20, x1 = x0 + 28;
        bool held = v->fibre[s].where == SPLICE_AT_SPLICER && v->phase != SPLICE_PHASE_HEATING
                    && v->phase != SPLICE_PHASE_COIL && v->phase != SPLICE_PHASE_DONE;
        if (held) {
            ok = ok && box(m, x0, cy - 9, h + 1.0f, x1, cy + 9, h + 4.0f, LID_DARK);
        } else {
            ok = ok && box(m, x0, cy + 9, h + 1.0f, x1, cy + 12, h + 18.0f, LID_DARK);
        }
    }
    /* wind protector: a hood over the grooves, or raised at the back */
    if (v->cover_closed) {
        ok = ok && box(m, cx - 62, cy - 32, h, cx + 62, cy + 32, h + 22.0f, SMOKED);
    } else {
        ok = ok && box(m, cx - 62, cy + 32, h, cx + 62, cy + 35, h + 40.0f, SMOKED);
    }
    /* heater lid, and its lamp: orange while it heats */
    bool heating = v->phase == SPLICE_PHASE_HEATING && v->heater_s < v->heat_program_s;
    if (v->phase == SPLICE_PHASE_HEATING) {
        ok = ok && box(m, cx - 62, 258, h + 1.0f, cx + 62, 284, h + 7.0f, LID_DARK);
    } else {
        ok = ok && box(m, cx - 62, 284, h + 1.0f, cx + 62, 288, h + 24.0f, LID_DARK);
    }
    ok = ok && box(m, cx + 70, 264, h, cx + 78, 270, h + 1.5f,
                   heating ? (SDL_Color){255, 150, 40, 255} : (SDL_Color){70, 50, 40, 255});
    return ok;
}

/* ---- tools in the hand ---- */

static bool stripper(Gfx3dMesh *m, double x, double y, float h, bool closed)
{
    /* a three-hole stripper: jaws around the fibre, a pivot, two short
     * handles towards the trainee, opened a little until it closes */
    bool ok = box(m, x - 3.5, y - 6, h - 3.0f, x + 3.5, y + 6, h + 3.0f, JAW);
    ok = ok && seg(m, (P3){x, y - 14, h + 2.0f}, (P3){x, y - 14, h + 5.0f}, 3.2f, 10, true, JAW);
    double open = closed ? 2.0 : 7.0;
    ok = ok && seg(m, (P3){x - 1, y - 6, h + 2.0f}, (P3){x - 2 - open, y - 20, h + 4.0f}, 1.6f, 6, false, JAW);
    ok = ok && seg(m, (P3){x + 1, y - 6, h + 2.0f}, (P3){x + 2 + open, y - 20, h + 4.0f}, 1.6f, 6, false, JAW);
    ok = ok && seg(m, (P3){x - 2 - open, y - 20, h + 4.0f}, (P3){x - 8 - 2 * open, y - 72, h + 10.0f}, 2.4f, 8, true,
                   HANDLE);
    ok = ok && seg(m, (P3){x + 2 + open, y - 20, h + 4.0f}, (P3){x + 8 + 2 * open, y - 70, h + 9.0f}, 2.4f, 8, true,
                   HANDLE);
    return ok;
}

static bool wipe(Gfx3dMesh *m, double x, double y, float h, bool pinched)
{
    /* a folded lint-free tissue soaked in alcohol, pinched over the fibre */
    double w = pinched ? 9.0 : 14.0, d = pinched ? 8.0 : 12.0;
    vec3 a, b, c, e, f, g;
    splice_scene_world(x - w, y - d, h + 1.0f, a);
    splice_scene_world(x + w, y - d, h + 1.0f, b);
    splice_scene_world(x + w, y, h + (pinched ? 1.0f : 4.0f), c);
    splice_scene_world(x - w, y, h + (pinched ? 1.0f : 4.0f), e);
    splice_scene_world(x + w, y + d, h + 1.0f, f);
    splice_scene_world(x - w, y + d, h + 1.0f, g);
    SDL_Color col = pinched ? TISSUE_WET : TISSUE;
    bool ok = gfx3d_mesh_quad(m, a, b, c, e, col) && gfx3d_mesh_quad(m, e, c, f, g, col);
    return ok;
}

static bool finger(Gfx3dMesh *m, double x, double y, float h, bool down)
{
    /* a fingertip coming down on the point from above the trainee's side */
    float lift = down ? 1.0f : 5.0f;
    return seg(m, (P3){x, y, h + lift + 2.0f}, (P3){x + 6, y - 14, h + lift + 40.0f}, 4.2f, 10, true, SKIN)
           && seg(m, (P3){x, y, h + lift}, (P3){x, y, h + lift + 2.0f}, 3.4f, 10, true, SKIN);
}

static bool tool(Gfx3dMesh *m, Gfx3dMesh *clear, const SplicePartsCtx *c)
{
    const SpliceView *v = c->v;
    const SplicePointer *p = c->p;
    if (!p->known || v->phase == SPLICE_PHASE_CHECK || v->phase == SPLICE_PHASE_RESULT) return true;
    float h = splice_scene_surface_h(p->x_mm, p->y_mm);
    double y = p->y_mm;
    switch (v->tool) {
    case SPLICE_TOOL_STRIPPER:
        if (p->down && p->hold == SPLICE_HOLD_STRIP) y = splice_bench()->mat_y;
        return stripper(m, p->x_mm, y, h, p->down);
    case SPLICE_TOOL_WIPE:
        if (p->down && p->hold == SPLICE_HOLD_WIPE) y = splice_bench()->mat_y;
        return wipe(m, p->x_mm, y, h, p->down);
    case SPLICE_TOOL_HAND:
    default:
        return finger(clear, p->x_mm, y, h, p->down);
    }
}

bool splice_parts_build(const SplicePartsCtx *c, Gfx3dMesh *m, Gfx3dMesh *clear)
{
    const SpliceView *v = c->v;
    const SpliceBench *b = splice_bench();
    bool ok = cleaver_parts(m, c) && splicer_parts(m, c);
    switch (v->phase) {
    case SPLICE_PHASE_HEATING:
        ok = ok && joined(m, v, b->splicer_x, 271.0, SPLICE_H_SPLICER + 0.5f, 95.0);
        break;
    case SPLICE_PHASE_COIL:
    case SPLICE_PHASE_DONE:
        ok = ok && joined(m, v, b->cassette_x, b->cassette_y, SPLICE_H_CASSETTE + 3.5f, 48.0);
        break;
    default:
        for (int s = 0; s < 2 && ok; s++) {
            ok = fibre(m, c, s);
        }
        break;
    }
    ok = ok && sleeve_part(m, clear, c) && offcuts(m, c) && tool(m, clear, c);
    return ok;
}
