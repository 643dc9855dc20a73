/*
 * splice_scene_flat.c - big flat horizontal faces (the table, the mats, the
 * tops of the stations) filled as pixel rows.
 *
 * SDL's software renderer fills a triangle by testing every pixel of its
 * bounding box; for faces that cover half the picture that is most of the
 * cost of drawing the bench. A convex face seen in perspective is still
 * convex, so each pixel row crosses it in one run: rows go to
 * SDL_RenderFillRects, which the software renderer fills like memset.
 *
 * The face is lit like gfx3d lights an upward face with its default light
 * (gfx3d_begin: towards (-0.4, 1, 0.6), ambient 0.35), so it matches the
 * triangles around it.
 */
#include <math.h>

#include "splice_scene.h"

#define ROWS_BATCH 256

static SDL_Color lit_top(SDL_Color c)
{
    const float ambient = 0.35f;
    const float up = 1.0f / sqrtf(0.4f * 0.4f + 1.0f + 0.6f * 0.6f); /* n . light for n = +y */
    float k = ambient + (1.0f - ambient) * up;
    return (SDL_Color){(Uint8)fminf(255.0f, (float)c.r * k), (Uint8)fminf(255.0f, (float)c.g * k),
                       (Uint8)fminf(255.0f, (float)c.b * k), c.a};
}

bool splice_flat_draw(SDL_Renderer *r, const Gfx3d *cam, const SpliceFlat *f, SDL_Rect clip)
{
    SDL_FPoint p[SPLICE_FLAT_MAX_PTS];
    if (f->n < 3 || f->n > SPLICE_FLAT_MAX_PTS) return false;
    float ymin = 1e30f, ymax = -1e30f;
    for (int i = 0; i < f->n; i++) {
        vec3 w;
        splice_scene_world(f->x[i], f->y[i], f->h_mm, w);
        if (!gfx3d_project(cam, w, &p[i])) return false; /* behind the camera: caller uses triangles */
        ymin = fminf(ymin, p[i].y);
        ymax = fmaxf(ymax, p[i].y);
    }
    int y0 = (int)ceilf(ymin - 0.5f), y1 = (int)floorf(ymax - 0.5f);
    if (y0 < clip.y) y0 = clip.y;
    if (y1 > clip.y + clip.h - 1) y1 = clip.y + clip.h - 1;
    SDL_Color c = lit_top(f->color);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 255);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_Rect rows[ROWS_BATCH];
    int n = 0;
    for (int y = y0; y <= y1; y++) {
        float yc = (float)y + 0.5f, xl = 1e30f, xr = -1e30f;
        for (int i = 0; i < f->n; i++) {
            SDL_FPoint a = p[i], b = p[(i + 1) % f->n];
            if ((yc < a.y && yc < b.y) || (yc >= a.y && yc >= b.y)) continue; /* row misses this edge */
            float x = a.x + (yc - a.y) * (b.x - a.x) / (b.y - a.y);
            xl = fminf(xl, x);
            xr = fmaxf(xr, x);
        }
        if (xr < xl) continue;
        int x0 = (int)ceilf(xl - 0.5f), x1 = (int)ceilf(xr - 0.5f);
        if (x0 < clip.x) x0 = clip.x;
        if (x1 > clip.x + clip.w) x1 = clip.x + clip.w;
        if (x1 <= x0) continue;
        rows[n++] = (SDL_Rect){x0, y, x1 - x0, 1};
        if (n == ROWS_BATCH) {
            SDL_RenderFillRects(r, rows, n);
            n = 0;
        }
    }
    if (n > 0) SDL_RenderFillRects(r, rows, n);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return true;
}

void splice_flat_rect(SpliceFlat *f, double x0, double y0, double x1, double y1, float h_mm, SDL_Color c)
{
    f->n = 4;
    f->x[0] = x0, f->y[0] = y0;
    f->x[1] = x1, f->y[1] = y0;
    f->x[2] = x1, f->y[2] = y1;
    f->x[3] = x0, f->y[3] = y1;
    f->h_mm = h_mm;
    f->color = c;
}

void splice_flat_disc(SpliceFlat *f, double cx, double cy, double r, float h_mm, SDL_Color c)
{
    f->n = SPLICE_FLAT_MAX_PTS;
    for (int i = 0; i < f->n; i++) {
        double a = 2.0 * M_PI * i / f->n;
        f->x[i] = cx + r * cos(a);
        f->y[i] = cy + r * sin(a);
    }
    f->h_mm = h_mm;
    f->color = c;
}
