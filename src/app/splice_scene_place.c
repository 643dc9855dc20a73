/*
 * splice_scene_place.c - where things lie on the splicing bench and which
 * bench point the pointer is over.
 *
 * Every station has a flat top that fibres, offcuts and tools lie on (the
 * mat, the cleaver's groove plate, the scrap container's lid, the splicer's
 * V-groove plate, the cassette floor). Drawing places things at the height
 * splice_scene_surface_h() gives, and picking intersects the pointer's view
 * ray with those same planes, keeping the first one it meets inside its
 * footprint: so a pixel maps back to exactly the bench point drawn there.
 */
#include <math.h>

#include "splice_scene.h"

typedef struct Surface {
    float h_mm;
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
    out[0] = (Surface){SPLICE_H_SPLICER, false, b->splicer.x0, SPLICE_BODY_Y0, b->splicer.x1, SPLICE_BODY_Y1, 0, 0, 0};
    out[1] = (Surface){SPLICE_H_SCRAP, true, 0, 0, 0, 0, b->scrap_x, b->scrap_y, b->scrap_r};
    out[2] = (Surface){SPLICE_H_CLEAVER, false, cx + SPLICE_CLEAVER_LX0, cy + SPLICE_CLEAVER_LY0, cx + SPLICE_CLEAVER_LX1,
                       cy + SPLICE_CLEAVER_LY1, 0, 0, 0};
    out[3] = (Surface){SPLICE_H_CASSETTE, false, b->cassette.x0, b->cassette.y0, b->cassette.x1, b->cassette.y1, 0, 0,
                       0};
    out[4] = (Surface){SPLICE_H_TRAY, false, b->cleaver.x0, b->cleaver.y0, b->cleaver.x1, b->cleaver.y1, 0, 0, 0};
    out[5] = (Surface){SPLICE_H_MAT, false, b->mat.x0, b->mat.y0, b->mat.x1, b->mat.y1, 0, 0, 0};
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

bool splice_scene_pick(const Gfx3d *cam, float px, float py, double *x_mm, double *y_mm)
{
    Surface s[N_SURFACES + 1];
    surfaces(s);
    s[N_SURFACES] = (Surface){0.0f, false, -1e9, -1e9, 1e9, 1e9, 0, 0, 0}; /* the bench top, everywhere */
    const vec3 up = {0.0f, 1.0f, 0.0f};
    /* The first surface along the ray is the highest one whose plane the ray
     * meets inside the footprint: the ray goes down, so it meets higher
     * planes first. */
    for (int i = 0; i <= N_SURFACES; i++) {
        vec3 on = {0.0f, s[i].h_mm, 0.0f}, hit;
        if (!gfx3d_pick_plane(cam, px, py, on, up, hit)) {
            continue;
        }
        double x = hit[0], y = -hit[2];
        if (inside(&s[i], x, y) && splice_scene_surface_h(x, y) == s[i].h_mm) {
            *x_mm = x;
            *y_mm = y;
            return true;
        }
    }
    return false;
}

bool splice_scene_project(const Gfx3d *cam, double x_mm, double y_mm, SDL_FPoint *out)
{
    vec3 w;
    splice_scene_world(x_mm, y_mm, splice_scene_surface_h(x_mm, y_mm), w);
    return gfx3d_project(cam, w, out);
}
