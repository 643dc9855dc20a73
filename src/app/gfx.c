/*
 * gfx.c - the Gfx object and its shapes, all drawn as triangles.
 *
 * Anti-aliasing: every filled shape is a triangle fan plus a fringe strip one
 * pixel wide whose outer vertices have alpha 0; SDL interpolates vertex
 * colours, so edges fade over one pixel on both renderers.
 */
#include "gfx_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"

#define FRINGE_PX 1.0f
#define PI_F 3.14159265358979f

static bool load_file(const char *path, void **data, size_t *len)
{
    size_t n = 0;
    void *d = SDL_LoadFile(path, &n);
    if (!d) {
        return false;
    }
    *data = d;
    *len = n;
    return true;
}

Gfx *gfx_create(SDL_Renderer *r, const char *fonts_dir, char *err, size_t err_n)
{
    static const char *const files[GFX_FONT_COUNT] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"};
    Gfx *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, err_n, "out of memory");
        return NULL;
    }
    g->r = r;
    g->layout_scale = 1.0f;
    g->text_scale = 1.0f;
    for (int i = 0; i < GFX_FONT_COUNT; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", fonts_dir, files[i]);
        if (!load_file(path, &g->font_data[i], &g->font_len[i])) {
            snprintf(err, err_n, "cannot read the font %s: %s", path, SDL_GetError());
            gfx_destroy(g);
            return NULL;
        }
    }
    g->g3d = gfx3d_create();
    if (!g->g3d) {
        snprintf(err, err_n, "out of memory");
        gfx_destroy(g);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    return g;
}

void gfx_destroy(Gfx *g)
{
    if (!g) {
        return;
    }
    gfx_text_cache_free(g);
    for (int i = 0; i < GFX_FONT_SLOTS; i++) {
        if (g->fonts[i].ttf) {
            TTF_CloseFont(g->fonts[i].ttf);
        }
    }
    for (int i = 0; i < GFX_FONT_COUNT; i++) {
        SDL_free(g->font_data[i]);
    }
    gfx3d_destroy(g->g3d);
    free(g->verts);
    free(g->idx);
    free(g);
}

SDL_Renderer *gfx_renderer(const Gfx *g) { return g->r; }
float gfx_layout_scale(const Gfx *g) { return g->layout_scale; }
float gfx_text_scale(const Gfx *g) { return g->text_scale; }
float gfx_px(const Gfx *g, float pt) { return pt * g->layout_scale; }
struct Gfx3d *gfx_3d(Gfx *g) { return g->g3d; }

void gfx_set_scale(Gfx *g, float layout_scale, float text_scale)
{
    g->layout_scale = layout_scale > 0.1f ? layout_scale : 0.1f;
    g->text_scale = text_scale > 0.5f ? text_scale : 0.5f;
}

void gfx_begin_frame(Gfx *g)
{
    g->frame++;
    gfx_text_cache_age(g);
}

/* ---- scratch geometry ---- */

void gfx_geom_begin(Gfx *g)
{
    g->nverts = 0;
    g->nidx = 0;
    g->oom = false;
}

int gfx_geom_vertex(Gfx *g, float x, float y, SDL_Color c)
{
    if (g->nverts == g->cap_verts) {
        int cap = g->cap_verts ? g->cap_verts * 2 : 256;
        SDL_Vertex *v = realloc(g->verts, (size_t)cap * sizeof *v);
        if (!v) {
            g->oom = true;
            return -1;
        }
        g->verts = v;
        g->cap_verts = cap;
    }
    SDL_Vertex *v = &g->verts[g->nverts];
    v->position.x = x;
    v->position.y = y;
    v->color = c;
    v->tex_coord.x = 0;
    v->tex_coord.y = 0;
    return g->nverts++;
}

void gfx_geom_tri(Gfx *g, int a, int b, int c)
{
    if (a < 0 || b < 0 || c < 0) {
        g->oom = true;
        return;
    }
    if (g->nidx + 3 > g->cap_idx) {
        int cap = g->cap_idx ? g->cap_idx * 2 : 768;
        int *n = realloc(g->idx, (size_t)cap * sizeof *n);
        if (!n) {
            g->oom = true;
            return;
        }
        g->idx = n;
        g->cap_idx = cap;
    }
    g->idx[g->nidx++] = a;
    g->idx[g->nidx++] = b;
    g->idx[g->nidx++] = c;
}

void gfx_geom_flush(Gfx *g)
{
    if (!g->oom && g->nidx > 0) {
        SDL_RenderGeometry(g->r, NULL, g->verts, g->nverts, g->idx, g->nidx);
    }
    gfx_geom_begin(g);
}

static SDL_Color transparent(SDL_Color c)
{
    c.a = 0;
    return c;
}

/* ---- outlines ---- */

/* Adds the fan of a convex outline and its outer fringe. The outline may be
 * in either winding. */
static void fill_outline(Gfx *g, const SDL_FPoint *p, size_t n, SDL_Color c)
{
    if (n < 3) {
        return;
    }
    float area2 = 0;
    float cx = 0, cy = 0;
    for (size_t i = 0; i < n; i++) {
        const SDL_FPoint *a = &p[i], *b = &p[(i + 1) % n];
        area2 += a->x * b->y - b->x * a->y;
        cx += a->x;
        cy += a->y;
    }
    cx /= (float)n;
    cy /= (float)n;
    float side = area2 >= 0 ? 1.0f : -1.0f; /* flips normals to point outward */
    int centre = gfx_geom_vertex(g, cx, cy, c);
    int first = g->nverts;
    for (size_t i = 0; i < n; i++) {
        const SDL_FPoint *prev = &p[(i + n - 1) % n], *cur = &p[i], *next = &p[(i + 1) % n];
        float e1x = cur->x - prev->x, e1y = cur->y - prev->y;
        float e2x = next->x - cur->x, e2y = next->y - cur->y;
        float l1 = sqrtf(e1x * e1x + e1y * e1y), l2 = sqrtf(e2x * e2x + e2y * e2y);
        float n1x = 0, n1y = 0, n2x = 0, n2y = 0;
        if (l1 > 1e-6f) { n1x = side * e1y / l1; n1y = -side * e1x / l1; }
        if (l2 > 1e-6f) { n2x = side * e2y / l2; n2y = -side * e2x / l2; }
        float mx = n1x + n2x, my = n1y + n2y;
        float ml = sqrtf(mx * mx + my * my);
        if (ml > 1e-6f) { mx /= ml; my /= ml; }
        gfx_geom_vertex(g, cur->x, cur->y, c);
        gfx_geom_vertex(g, cur->x + mx * FRINGE_PX, cur->y + my * FRINGE_PX, transparent(c));
    }
    for (size_t i = 0; i < n; i++) {
        int a = first + (int)(2 * i), b = first + (int)(2 * ((i + 1) % n));
        gfx_geom_tri(g, centre, a, b);
        gfx_geom_tri(g, a, a + 1, b + 1);
        gfx_geom_tri(g, a, b + 1, b);
    }
}

/* Points of a rounded rectangle outline, clockwise on screen. */
static size_t rounded_outline(SDL_FRect r, float radius, SDL_FPoint *out, size_t max)
{
    float rad = radius;
    if (rad > r.w * 0.5f) rad = r.w * 0.5f;
    if (rad > r.h * 0.5f) rad = r.h * 0.5f;
    if (rad < 0.5f) {
        out[0] = (SDL_FPoint){r.x, r.y};
        out[1] = (SDL_FPoint){r.x + r.w, r.y};
        out[2] = (SDL_FPoint){r.x + r.w, r.y + r.h};
        out[3] = (SDL_FPoint){r.x, r.y + r.h};
        return 4;
    }
    int seg = (int)(rad / 2.0f) + 2;
    if (seg > 10) seg = 10;
    const float cxs[4] = {r.x + r.w - rad, r.x + r.w - rad, r.x + rad, r.x + rad};
    const float cys[4] = {r.y + rad, r.y + r.h - rad, r.y + r.h - rad, r.y + rad};
    const float start[4] = {-PI_F / 2, 0, PI_F / 2, PI_F};
    size_t n = 0;
    for (int k = 0; k < 4; k++) {
        for (int i = 0; i <= seg && n < max; i++) {
            float a = start[k] + (PI_F / 2) * (float)i / (float)seg;
            out[n++] = (SDL_FPoint){cxs[k] + rad * cosf(a), cys[k] + rad * sinf(a)};
        }
    }
    return n;
}

/* ---- public shapes ---- */

void gfx_fill_rect(Gfx *g, SDL_FRect r, SDL_Color c)
{
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRectF(g->r, &r);
}

void gfx_fill_gradient(Gfx *g, SDL_FRect r, SDL_Color top, SDL_Color bottom)
{
    gfx_geom_begin(g);
    int a = gfx_geom_vertex(g, r.x, r.y, top);
    int b = gfx_geom_vertex(g, r.x + r.w, r.y, top);
    int c = gfx_geom_vertex(g, r.x + r.w, r.y + r.h, bottom);
    int d = gfx_geom_vertex(g, r.x, r.y + r.h, bottom);
    gfx_geom_tri(g, a, b, c);
    gfx_geom_tri(g, a, c, d);
    gfx_geom_flush(g);
}

void gfx_fill_rounded(Gfx *g, SDL_FRect r, float radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0) {
        return;
    }
    if (radius < 0.5f) {
        gfx_fill_rect(g, r, c);
        return;
    }
    SDL_FPoint pts[48];
    size_t n = rounded_outline(r, radius, pts, 48);
    gfx_geom_begin(g);
    fill_outline(g, pts, n, c);
    gfx_geom_flush(g);
}

/* Strokes a closed outline (clockwise) with a band of width centred inside
 * it, with fringes on both sides. */
static void stroke_closed(Gfx *g, const SDL_FPoint *p, size_t n, float width, SDL_Color c, bool closed)
{
    if (n < 2) {
        return;
    }
    float half = width * 0.5f;
    int first = g->nverts;
    for (size_t i = 0; i < n; i++) {
        bool has_prev = closed || i > 0, has_next = closed || i + 1 < n;
        const SDL_FPoint *cur = &p[i];
        const SDL_FPoint *prev = has_prev ? &p[(i + n - 1) % n] : cur;
        const SDL_FPoint *next = has_next ? &p[(i + 1) % n] : cur;
        float e1x = cur->x - prev->x, e1y = cur->y - prev->y;
        float e2x = next->x - cur->x, e2y = next->y - cur->y;
        float l1 = sqrtf(e1x * e1x + e1y * e1y), l2 = sqrtf(e2x * e2x + e2y * e2y);
        float n1x = 0, n1y = 0, n2x = 0, n2y = 0;
        if (l1 > 1e-6f) { n1x = -e1y / l1; n1y = e1x / l1; }
        if (l2 > 1e-6f) { n2x = -e2y / l2; n2y = e2x / l2; }
        if (l1 <= 1e-6f) { n1x = n2x; n1y = n2y; }
        if (l2 <= 1e-6f) { n2x = n1x; n2y = n1y; }
        float mx = n1x + n2x, my = n1y + n2y;
        float ml = sqrtf(mx * mx + my * my);
        float scale = 1.0f;
        if (ml > 1e-6f) {
            mx /= ml;
            my /= ml;
            float d = mx * n1x + my * n1y;
            scale = d > 0.25f ? 1.0f / d : 4.0f; /* miter, limited */
        } else {
            mx = n1x;
            my = n1y;
        }
        float in = half * scale, out = (half + FRINGE_PX) * scale;
        gfx_geom_vertex(g, cur->x + mx * out, cur->y + my * out, transparent(c));
        gfx_geom_vertex(g, cur->x + mx * in, cur->y + my * in, c);
        gfx_geom_vertex(g, cur->x - mx * in, cur->y - my * in, c);
        gfx_geom_vertex(g, cur->x - mx * out, cur->y - my * out, transparent(c));
    }
    size_t segs = closed ? n : n - 1;
    for (size_t i = 0; i < segs; i++) {
        int a = first + (int)(4 * i), b = first + (int)(4 * ((i + 1) % n));
        for (int k = 0; k < 3; k++) {
            gfx_geom_tri(g, a + k, a + k + 1, b + k + 1);
            gfx_geom_tri(g, a + k, b + k + 1, b + k);
        }
    }
}

void gfx_stroke_rounded(Gfx *g, SDL_FRect r, float radius, float width, SDL_Color c)
{
    /* The band's centre line runs half a width inside the rectangle. */
    float h = width * 0.5f;
    SDL_FRect in = {r.x + h, r.y + h, r.w - width, r.h - width};
    if (in.w <= 0 || in.h <= 0) {
        return;
    }
    SDL_FPoint pts[48];
    size_t n = rounded_outline(in, radius - h > 0 ? radius - h : 0, pts, 48);
    gfx_geom_begin(g);
    stroke_closed(g, pts, n, width, c, true);
    gfx_geom_flush(g);
}

void gfx_shadow(Gfx *g, SDL_FRect r, float radius, float spread)
{
    /* Three widening translucent layers, shifted down: cheap and soft enough. */
    for (int i = 3; i >= 1; i--) {
        float s = spread * (float)i / 3.0f;
        SDL_FRect l = {r.x - s * 0.5f, r.y - s * 0.2f + spread * 0.35f, r.w + s, r.h + s};
        SDL_Color c = {16, 32, 48, (Uint8)(10 + 6 * (3 - i))};
        gfx_fill_rounded(g, l, radius + s * 0.5f, c);
    }
}

void gfx_line(Gfx *g, float x0, float y0, float x1, float y1, float width, SDL_Color c)
{
    SDL_FPoint p[2] = {{x0, y0}, {x1, y1}};
    gfx_polyline(g, p, 2, width, c);
}

void gfx_polyline(Gfx *g, const SDL_FPoint *pts, size_t n, float width, SDL_Color c)
{
    if (n < 2) {
        return;
    }
    gfx_geom_begin(g);
    stroke_closed(g, pts, n, width, c, false);
    gfx_geom_flush(g);
}

static int circle_segments(float radius)
{
    int seg = (int)(radius * 0.7f) + 10;
    return seg > 96 ? 96 : seg;
}

void gfx_fill_circle(Gfx *g, float cx, float cy, float radius, SDL_Color c)
{
    if (radius <= 0) {
        return;
    }
    SDL_FPoint pts[96];
    int seg = circle_segments(radius);
    for (int i = 0; i < seg; i++) {
        float a = 2 * PI_F * (float)i / (float)seg;
        pts[i] = (SDL_FPoint){cx + radius * cosf(a), cy + radius * sinf(a)};
    }
    gfx_geom_begin(g);
    fill_outline(g, pts, (size_t)seg, c);
    gfx_geom_flush(g);
}

void gfx_stroke_circle(Gfx *g, float cx, float cy, float radius, float width, SDL_Color c)
{
    SDL_FPoint pts[96];
    int seg = circle_segments(radius);
    for (int i = 0; i < seg; i++) {
        float a = 2 * PI_F * (float)i / (float)seg;
        pts[i] = (SDL_FPoint){cx + radius * cosf(a), cy + radius * sinf(a)};
    }
    gfx_geom_begin(g);
    stroke_closed(g, pts, (size_t)seg, width, c, true);
    gfx_geom_flush(g);
}

void gfx_stroke_arc(Gfx *g, float cx, float cy, float radius, float a0, float a1, float width, SDL_Color c)
{
    SDL_FPoint pts[97];
    int seg = (int)((float)circle_segments(radius) * fabsf(a1 - a0) / (2 * PI_F)) + 2;
    if (seg > 96) seg = 96;
    for (int i = 0; i <= seg; i++) {
        float a = a0 + (a1 - a0) * (float)i / (float)seg;
        pts[i] = (SDL_FPoint){cx + radius * cosf(a), cy + radius * sinf(a)};
    }
    gfx_geom_begin(g);
    stroke_closed(g, pts, (size_t)seg + 1, width, c, false);
    gfx_geom_flush(g);
}

void gfx_fill_convex(Gfx *g, const SDL_FPoint *pts, size_t n, SDL_Color c)
{
    gfx_geom_begin(g);
    fill_outline(g, pts, n, c);
    gfx_geom_flush(g);
}

void gfx_fill_triangle(Gfx *g, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color col)
{
    SDL_FPoint p[3] = {a, b, c};
    gfx_fill_convex(g, p, 3, col);
}
