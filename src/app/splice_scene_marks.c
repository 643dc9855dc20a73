/*
 * splice_scene_marks.c - drawing on the bench in 2D at projected bench
 * points (lines, hairlines, quads lying on a surface), and the marks printed
 * on the stations, drawn once with the still bench: the cutting mat's grid
 * and the ruler that reads the strip length from the fibre end (with the
 * rubric's strip band in beginner scenarios), the cleaver's cleave-length
 * scale with its mark, the scrap container's slot and hazard sign, the
 * V-grooves and the heater slot.
 */
#include <math.h>
#include <stdio.h>

#include "splice_scene.h"

static const SDL_Color INK = {20, 32, 43, 255};
static const SDL_Color MARK_RED = {226, 40, 36, 255};

bool splice_proj(const Gfx3d *cam, double x, double y, float h, SDL_FPoint *out)
{
    vec3 w;
    splice_scene_world(x, y, h, w);
    return gfx3d_project(cam, w, out);
}

void splice_line3(Gfx *g, const Gfx3d *cam, double x0, double y0, float h0, double x1, double y1, float h1, float w,
                  SDL_Color c)
{
    SDL_FPoint a, b;
    if (splice_proj(cam, x0, y0, h0, &a) && splice_proj(cam, x1, y1, h1, &b)) {
        gfx_line(g, a.x, a.y, b.x, b.y, w, c);
    }
}

/* A one-pixel line between bench points, not blended: the printed marks
 * (hundreds of them, drawn with the still bench). */
static void hair3(SDL_Renderer *r, const Gfx3d *cam, double x0, double y0, float h0, double x1, double y1, float h1,
                  SDL_Color c)
{
    SDL_FPoint a, b;
    if (splice_proj(cam, x0, y0, h0, &a) && splice_proj(cam, x1, y1, h1, &b)) {
        SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 255);
        SDL_RenderDrawLineF(r, a.x, a.y, b.x, b.y);
    }
}

/* A flat quad on a surface (bench corners), e.g. a band on the ruler. */
void splice_quad3(Gfx *g, const Gfx3d *cam, double x0, double y0, double x1, double y1, float h, SDL_Color c)
{
    SDL_FPoint p[4];
    if (splice_proj(cam, x0, y0, h, &p[0]) && splice_proj(cam, x1, y0, h, &p[1]) && splice_proj(cam, x1, y1, h, &p[2])
        && splice_proj(cam, x0, y1, h, &p[3])) {
        gfx_fill_convex(g, p, 4, c);
    }
}

/* Pixels per mm at a bench point along x (for sizes that follow the zoom). */
float splice_px_per_mm(const Gfx3d *cam, double x, double y, float h)
{
    SDL_FPoint a, b;
    if (!splice_proj(cam, x, y, h, &a) || !splice_proj(cam, x + 10.0, y, h, &b)) return 1.0f;
    return hypotf(b.x - a.x, b.y - a.y) / 10.0f;
}

/* ---- printed marks ------------------------------------------------------------ */

static void mat_marks(SpliceScene *s, Gfx *g, const Gfx3d *cam)
{
    const SpliceBench *b = splice_bench();
    const SpliceRect *m = &b->mat;
    const float h = SPLICE_H_MAT;
    SDL_Renderer *r = gfx_renderer(g);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_Color grid = {66, 140, 106, 255};
    for (double x = m->x0 + 10; x < m->x1; x += 10) hair3(r, cam, x, m->y0, h, x, m->y1, h, grid);
    for (double y = m->y0 + 10; y < m->y1; y += 10) hair3(r, cam, m->x0, y, h, m->x1, y, h, grid);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    /* the ruler: distance from the fibre end, in front of the fibre */
    double y0 = b->mat_y - 14, y1 = b->mat_y - 5;
    splice_quad3(g, cam, b->mat_x - 102, y0 - 9, b->mat_x + 4, y1 + 1, h, (SDL_Color){236, 240, 232, 255});
    if (s->hints && s->have_strip_band) {
        splice_quad3(g, cam, b->mat_x - s->strip_ok_max_mm, y0 - 9, b->mat_x - s->strip_ok_min_mm, y1 + 1, h,
              (SDL_Color){120, 210, 140, 255});
    }
    float ppm = splice_px_per_mm(cam, b->mat_x - 50, b->mat_y, h);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    for (int d = 0; d <= 100; d++) {
        double x = b->mat_x - d;
        double len = d % 10 == 0 ? 9.0 : d % 5 == 0 ? 6.0 : 3.5;
        if (ppm < 2.2f && d % 5 != 0) continue;
        hair3(r, cam, x, y1, h, x, y1 - len, h, INK);
        if (d % 10 == 0) hair3(r, cam, x + 0.25, y1, h, x + 0.25, y1 - len, h, INK);
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    float pt = fminf(13.0f, fmaxf(9.0f, ppm * 3.0f));
    for (int d = 0; d <= 100; d += 10) {
        SDL_FPoint p;
        if (!splice_proj(cam, b->mat_x - d, y0 - 1.0, h, &p)) continue;
        char t[8];
        snprintf(t, sizeof t, "%d", d);
        gfx_text_at(g, t, p.x, p.y, GFX_FONT_BOLD, pt, INK, GFX_ALIGN_CENTER);
    }
}

static void cleaver_marks(const SpliceView *v, Gfx *g, const Gfx3d *cam)
{
    const SpliceBench *b = splice_bench();
    double cx = b->cleaver_x, cy = b->cleaver_y;
    const float h = SPLICE_H_CLEAVER + 0.05f;
    /* the groove */
    splice_line3(g, cam, cx + SPLICE_CLEAVER_LX0, cy, h, cx + SPLICE_CLEAVER_LX1 - 14, cy, h, 1.5f, (SDL_Color){70, 74, 80, 255});
    /* the scale: lengths from the blade, printed in front of the groove */
    float ppm = splice_px_per_mm(cam, cx - 14, cy, h);
    SDL_Renderer *r = gfx_renderer(g);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    for (int d = 4; d <= 24; d++) {
        double x = cx - d;
        double len = d % 2 == 0 ? 5.0 : 3.0;
        hair3(r, cam, x, cy - 7, h, x, cy - 7 - len, h, INK);
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    float pt = fminf(12.0f, fmaxf(8.0f, ppm * 2.6f));
    for (int d = 8; d <= 20; d += 4) {
        SDL_FPoint p;
        if (!splice_proj(cam, cx - d, cy - 13.5, h, &p)) continue;
        char t[8];
        snprintf(t, sizeof t, "%d", d);
        gfx_text_at(g, t, p.x, p.y, GFX_FONT_BOLD, pt, INK, GFX_ALIGN_CENTER);
    }
    /* the mark the coating edge goes on */
    double mx = cx - v->cleave_length_target_mm;
    splice_line3(g, cam, mx, cy - 6, h, mx, cy - 13, h, 2.5f, MARK_RED);
    splice_line3(g, cam, mx, cy + 5, h, mx, cy + 9, h, 2.5f, MARK_RED);
}

static void scrap_marks(Gfx *g, const Gfx3d *cam)
{
    const SpliceBench *b = splice_bench();
    splice_quad3(g, cam, b->scrap_x - 13, b->scrap_y - 2.5, b->scrap_x + 13, b->scrap_y + 2.5, SPLICE_H_SCRAP,
          (SDL_Color){10, 12, 14, 255});
    SDL_FPoint a, c;
    double y = b->scrap_y - b->scrap_r - 0.8;
    if (splice_proj(cam, b->scrap_x - 8, y, 13.0f, &a) && splice_proj(cam, b->scrap_x + 8, y, 27.0f, &c)) {
        float sz = fminf(fabsf(c.x - a.x), fabsf(a.y - c.y));
        gfx_icon(g, GFX_ICON_WARNING, (SDL_FRect){(a.x + c.x) * 0.5f - sz * 0.5f, (a.y + c.y) * 0.5f - sz * 0.5f, sz, sz},
                 (SDL_Color){30, 30, 30, 255});
    }
}

static void splicer_marks(Gfx *g, const Gfx3d *cam)
{
    const SpliceBench *b = splice_bench();
    double cx = b->splicer_x, cy = b->splicer_y, e = b->vgroove_edge_mm;
    const float h = SPLICE_H_SPLICER + 0.45f;
    SDL_Color groove = {150, 150, 144, 255};
    splice_line3(g, cam, cx - e - 8, cy, h, cx - e, cy, h, 1.2f, groove);
    splice_line3(g, cam, cx + e, cy, h, cx + e + 8, cy, h, 1.2f, groove);
    /* the heater's slot and its lamp */
    splice_line3(g, cam, cx - 58, 271, SPLICE_H_SPLICER + 1.05f, cx + 58, 271, SPLICE_H_SPLICER + 1.05f, 1.5f,
          (SDL_Color){90, 94, 100, 255});
}

void splice_overlay_printed(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v, bool low)
{
    if (low) {
        mat_marks(s, g, cam);
        return;
    }
    cleaver_marks(v, g, cam);
    scrap_marks(g, cam);
    splicer_marks(g, cam);
}
