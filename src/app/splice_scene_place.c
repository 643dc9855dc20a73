/*
 * splice_scene_place.c - where things lie on the splicing bench and which
 * bench point the pointer is over.
 *
 * Every station is a solid with a flat top that fibres, offcuts and tools
 * lie on (the mat, the cleaver's tray and its top, the scrap container's
 * lid, the splicer's V-groove plate, the cassette floor). Drawing places
 * things at the height splice_scene_surface_h() gives; picking follows the
 * pointer's view ray to the first solid it enters (its top, or a side seen
 * from the side) or else to the bench top: so a pixel maps back to the
 * bench point drawn there. Small parts standing on the tops (electrodes,
 * lids, the screen housing) are not solids: a press on one acts on the top
 * under it.
 */
#include <math.h>

#include "splice_scene.h"

typedef struct Surface {
    float h_mm;             /* top */
    float bottom_mm;        /* the solid under it starts here */
    bool round;
    double x0, y0, x1, y1;  /* rectangle (bench mm) */
    double cx, cy, r;       /* or circle */
} Surface;

#define N_SURFACES 6

/* Highest first: a point inside two footprints (the cleaver on its tray)
 * is on the higher one. Filled from the module's bench layout. */
static void surfaces(Surface out[N_SURFACES])
{
    const SpliceBench *b = splice_bench();
    double cx = b->cleaver_x, cy = b->cleaver_y;
    out[0] = (Surface){SPLICE_H_SPLICER, 0.0f, false, b->splicer.x0, SPLICE_BODY_Y0, b->splicer.x1, SPLICE_BODY_Y1,
                       0, 0, 0};
    out[1] = (Surface){SPLICE_H_SCRAP, 0.0f, true, 0, 0, 0, 0, b->scrap_x, b->scrap_y, b->scrap_r};
    out[2] = (Surface){SPLICE_H_CLEAVER, SPLICE_H_TRAY, false, cx + SPLICE_CLEAVER_LX0, cy + SPLICE_CLEAVER_LY0,
                       cx + SPLICE_CLEAVER_LX1, cy + SPLICE_CLEAVER_LY1, 0, 0, 0};
    out[3] = (Surface){SPLICE_H_CASSETTE, 0.0f, false, b->cassette.x0, b->cassette.y0, b->cassette.x1,
                       b->cassette.y1, 0, 0, 0};
    out[4] = (Surface){SPLICE_H_TRAY, 0.0f, false, b->cleaver.x0, b->cleaver.y0, b->cleaver.x1, b->cleaver.y1, 0, 0,
                       0};
    out[5] = (Surface){SPLICE_H_MAT, 0.0f, false, b->mat.x0, b->mat.y0, b->mat.x1, b->mat.y1, 0, 0, 0};
}

static bool inside(const Surface *s, double x, double y)
{
    if (s->round) {
        double dx = x - s->cx, dy = y - s->cy;
        return dx * dx + dy * dy <= s->r * s->r;
    }
    return x >= s->x0 && x <= s->x1 && y >= s->y0 && y <= s->y1;
}

float splice_scene_surface_h(double x_mm, double y_mm)
{
    Surface s[N_SURFACES];
    surfaces(s);
    for (int i = 0; i < N_SURFACES; i++) {
        if (inside(&s[i], x_mm, y_mm)) {
            return s[i].h_mm;
        }
    }
    return 0.0f;
}

void splice_scene_world(double x_mm, double y_mm, float h_mm, vec3 out)
{
    out[0] = (float)x_mm;
    out[1] = h_mm;
    out[2] = (float)-y_mm;
}

/* Where a ray from a (above everything) to b (on the bench) enters a
 * solid: the surface's footprint from the bench top up to its height.
 * Returns the ray parameter t in [0, 1], or 2 if it misses. */
static double enter(const Surface *s, const double a[3], const double b[3])
{
    double d[3] = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
    double t0 = 0.0, t1 = 1.0;
    /* height slab: from the solid's bottom to its top */
    if (fabs(d[1]) < 1e-12) return 2.0;
    double ta = ((double)s->h_mm - a[1]) / d[1], tb = ((double)s->bottom_mm - a[1]) / d[1];
    t0 = fmax(t0, fmin(ta, tb));
    t1 = fmin(t1, fmax(ta, tb));
    if (s->round) {
        /* vertical cylinder: solve |xz(t) - c| = r */
        double ox = a[0] - s->cx, oy = a[2] - s->cy;
        double A = d[0] * d[0] + d[2] * d[2], B = 2.0 * (ox * d[0] + oy * d[2]), C = ox * ox + oy * oy - s->r * s->r;
        if (A < 1e-12) {
            if (C > 0) return 2.0;
        } else {
            double disc = B * B - 4.0 * A * C;
            if (disc < 0) return 2.0;
            double q = sqrt(disc);
            t0 = fmax(t0, (-B - q) / (2.0 * A));
            t1 = fmin(t1, (-B + q) / (2.0 * A));
        }
    } else {
        /* x and (bench) y slabs */
        double lo2[2] = {s->x0, s->y0}, hi2[2] = {s->x1, s->y1};
        double o2[2] = {a[0], a[2]}, d2[2] = {d[0], d[2]};
        for (int k = 0; k < 2; k++) {
            if (fabs(d2[k]) < 1e-12) {
                if (o2[k] < lo2[k] || o2[k] > hi2[k]) return 2.0;
                continue;
            }
            double u = (lo2[k] - o2[k]) / d2[k], v = (hi2[k] - o2[k]) / d2[k];
            t0 = fmax(t0, fmin(u, v));
            t1 = fmin(t1, fmax(u, v));
        }
    }
    return t0 <= t1 ? t0 : 2.0;
}

bool splice_scene_pick_h(const Gfx3d *cam, float px, float py, double *x_mm, double *y_mm, float *h_mm)
{
    /* the view ray, from above every station down to the bench top */
    const vec3 up = {0.0f, 1.0f, 0.0f}, high = {0.0f, 120.0f, 0.0f}, low = {0.0f, 0.0f, 0.0f};
    vec3 pa, pb;
    if (!gfx3d_pick_plane(cam, px, py, high, up, pa) || !gfx3d_pick_plane(cam, px, py, low, up, pb)) {
        return false;
    }
    /* bench y = -z: flip once so the solids are tested in bench terms */
    double a[3] = {pa[0], pa[1], -pa[2]}, b[3] = {pb[0], pb[1], -pb[2]};
    Surface s[N_SURFACES];
    surfaces(s);
    double best = 1.0; /* the bench top */
    for (int i = 0; i < N_SURFACES; i++) {
        double t = enter(&s[i], a, b);
        if (t < best) best = t;
    }
    *x_mm = a[0] + (b[0] - a[0]) * best;
    *y_mm = a[2] + (b[2] - a[2]) * best;
    *h_mm = (float)(a[1] + (b[1] - a[1]) * best);
    return true;
}

bool splice_scene_pick(const Gfx3d *cam, float px, float py, double *x_mm, double *y_mm)
{
    float h;
    return splice_scene_pick_h(cam, px, py, x_mm, y_mm, &h);
}

bool splice_scene_project(const Gfx3d *cam, double x_mm, double y_mm, SDL_FPoint *out)
{
    vec3 w;
    splice_scene_world(x_mm, y_mm, splice_scene_surface_h(x_mm, y_mm), w);
    return gfx3d_project(cam, w, out);
}
