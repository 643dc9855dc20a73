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
    for (int i = 0; i < GFX_SPRITES; i++) {
        if (g->sprites[i].tex) SDL_DestroyTexture(g->sprites[i].tex);
    }
    gfx3d_destroy(g->g3d);
    free(g->verts);
    free(g->idx);
    free(g->fidx);
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
    g->nfidx = 0;
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

static void add_index(Gfx *g, int **buf, int *n, int *cap, int a, int b, int c)
{
    if (a < 0 || b < 0 || c < 0) {
        g->oom = true;
        return;
    }
    if (*n + 3 > *cap) {
        int ncap = *cap ? *cap * 2 : 768;
        int *nb = realloc(*buf, (size_t)ncap * sizeof *nb);
        if (!nb) {
            g->oom = true;
            return;
        }
        *buf = nb;
        *cap = ncap;
    }
    (*buf)[(*n)++] = a;
    (*buf)[(*n)++] = b;
    (*buf)[(*n)++] = c;
}

void gfx_geom_tri(Gfx *g, int a, int b, int c)
{
    add_index(g, &g->idx, &g->nidx, &g->cap_idx, a, b, c);
}

void gfx_geom_fringe_tri(Gfx *g, int a, int b, int c)
{
    add_index(g, &g->fidx, &g->nfidx, &g->cap_fidx, a, b, c);
}

void gfx_geom_flush(Gfx *g, bool opaque)
{
    if (!g->oom) {
        if (g->nidx > 0) {
            if (opaque) SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_NONE);
            SDL_RenderGeometry(g->r, NULL, g->verts, g->nverts, g->idx, g->nidx);
            if (opaque) SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
        }
        if (g->nfidx > 0) {
            SDL_RenderGeometry(g->r, NULL, g->verts, g->nverts, g->fidx, g->nfidx);
        }
    }
    gfx_geom_begin(g);
}

static SDL_Color transparent(SDL_Color c)
{
    c.a = 0;
    return c;
}

/* ---- outlines ---- */

/* Outward unit normal at each point of a closed convex outline (either
 * winding), averaged from its two edges. */
static void outline_normals(const SDL_FPoint *p, size_t n, SDL_FPoint *nrm)
{
    float area2 = 0;
    for (size_t i = 0; i < n; i++) {
        const SDL_FPoint *a = &p[i], *b = &p[(i + 1) % n];
        area2 += a->x * b->y - b->x * a->y;
    }
    float side = area2 >= 0 ? 1.0f : -1.0f;
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
        nrm[i] = (SDL_FPoint){mx, my};
    }
}

/* The one-pixel fringe outside a closed outline. */
static void add_fringe(Gfx *g, const SDL_FPoint *p, const SDL_FPoint *nrm, size_t n, SDL_Color c)
{
    int first = g->nverts;
    for (size_t i = 0; i < n; i++) {
        gfx_geom_vertex(g, p[i].x, p[i].y, c);
        gfx_geom_vertex(g, p[i].x + nrm[i].x * FRINGE_PX, p[i].y + nrm[i].y * FRINGE_PX, transparent(c));
    }
    for (size_t i = 0; i < n; i++) {
        int a = first + (int)(2 * i), b = first + (int)(2 * ((i + 1) % n));
        gfx_geom_fringe_tri(g, a, a + 1, b + 1);
        gfx_geom_fringe_tri(g, a, b + 1, b);
    }
}

#define OUTLINE_MAX 100

/* Fan of a convex outline plus its fringe, drawn. */
static void fill_outline(Gfx *g, const SDL_FPoint *p, size_t n, SDL_Color c)
{
    if (n < 3 || n > OUTLINE_MAX) {
        return;
    }
    SDL_FPoint nrm[OUTLINE_MAX];
    outline_normals(p, n, nrm);
    gfx_geom_begin(g);
    int first = g->nverts;
    for (size_t i = 0; i < n; i++) {
        gfx_geom_vertex(g, p[i].x, p[i].y, c);
    }
    for (size_t i = 1; i + 1 < n; i++) {
        gfx_geom_tri(g, first, first + (int)i, first + (int)i + 1);
    }
    add_fringe(g, p, nrm, n, c);
    gfx_geom_flush(g, c.a == 255);
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
    /* opaque: no blending, which is a plain fill on the software renderer */
    if (c.a == 255) SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRectF(g->r, &r);
    if (c.a == 255) SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
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
    gfx_geom_flush(g, top.a == 255 && bottom.a == 255);
}

static void fill_rounded_geom(Gfx *g, SDL_FRect r, float radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0) {
        return;
    }
    float rad = radius;
    if (rad > r.w * 0.5f) rad = r.w * 0.5f;
    if (rad > r.h * 0.5f) rad = r.h * 0.5f;
    if (rad < 0.5f) {
        gfx_fill_rect(g, r, c);
        return;
    }
    /* The body as three rectangles (cheap fills) and four corner fans; only
     * the outline's fringe is blended. */
    SDL_FPoint pts[OUTLINE_MAX];
    size_t n = rounded_outline(r, rad, pts, OUTLINE_MAX);
    size_t per = n / 4; /* points per corner */
    const float cxs[4] = {r.x + r.w - rad, r.x + r.w - rad, r.x + rad, r.x + rad};
    const float cys[4] = {r.y + rad, r.y + r.h - rad, r.y + r.h - rad, r.y + rad};
    gfx_geom_begin(g);
    /* rectangles as two triangles each, so body and corners share one call
     * and one rounding rule (no seams) */
    const SDL_FRect bands[3] = {
        {r.x, r.y + rad, r.w, r.h - 2 * rad},
        {r.x + rad, r.y, r.w - 2 * rad, rad},
        {r.x + rad, r.y + r.h - rad, r.w - 2 * rad, rad},
    };
    for (int k = 0; k < 3; k++) {
        const SDL_FRect *b = &bands[k];
        if (b->w <= 0 || b->h <= 0) continue;
        int a0 = gfx_geom_vertex(g, b->x, b->y, c);
        int a1 = gfx_geom_vertex(g, b->x + b->w, b->y, c);
        int a2 = gfx_geom_vertex(g, b->x + b->w, b->y + b->h, c);
        int a3 = gfx_geom_vertex(g, b->x, b->y + b->h, c);
        gfx_geom_tri(g, a0, a1, a2);
        gfx_geom_tri(g, a0, a2, a3);
    }
    for (int k = 0; k < 4; k++) {
        int centre = gfx_geom_vertex(g, cxs[k], cys[k], c);
        int first = g->nverts;
        for (size_t i = 0; i < per; i++) {
            gfx_geom_vertex(g, pts[k * per + i].x, pts[k * per + i].y, c);
        }
        for (size_t i = 0; i + 1 < per; i++) {
            gfx_geom_tri(g, centre, first + (int)i, first + (int)i + 1);
        }
    }
    SDL_FPoint nrm[OUTLINE_MAX];
    outline_normals(pts, n, nrm);
    add_fringe(g, pts, nrm, n, c);
    gfx_geom_flush(g, c.a == 255);
}

/* Strokes a polyline (closed or open) with a band of width centred on it:
 * body quads plus a fringe on both sides. */
static void stroke_path(Gfx *g, const SDL_FPoint *p, size_t n, float width, SDL_Color c, bool closed,
                        const SDL_Color *backdrop);

static void stroke_closed(Gfx *g, const SDL_FPoint *p, size_t n, float width, SDL_Color c, bool closed)
{
    stroke_path(g, p, n, width, c, closed, NULL);
}

/* With a backdrop colour the fringe fades from c to the backdrop, opaque,
 * drawn before the body and without blending. */
static void stroke_path(Gfx *g, const SDL_FPoint *p, size_t n, float width, SDL_Color c, bool closed,
                        const SDL_Color *backdrop)
{
    if (n < 2) {
        return;
    }
    /* over a backdrop: a uniform half-way colour (SDL's fast path for
     * one-colour triangles), drawn first and covered by the body */
    SDL_Color edge = transparent(c), inner = c;
    if (backdrop) {
        edge.r = (Uint8)((c.r + backdrop->r + 1) / 2);
        edge.g = (Uint8)((c.g + backdrop->g + 1) / 2);
        edge.b = (Uint8)((c.b + backdrop->b + 1) / 2);
        edge.a = 255;
        inner = edge;
    }
    float half = width * 0.5f;
    gfx_geom_begin(g);
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
        gfx_geom_vertex(g, cur->x + mx * out, cur->y + my * out, edge);
        gfx_geom_vertex(g, cur->x + mx * in, cur->y + my * in, inner);
        gfx_geom_vertex(g, cur->x - mx * in, cur->y - my * in, inner);
        gfx_geom_vertex(g, cur->x - mx * out, cur->y - my * out, edge);
        gfx_geom_vertex(g, cur->x + mx * in, cur->y + my * in, c);
        gfx_geom_vertex(g, cur->x - mx * in, cur->y - my * in, c);
    }
    size_t segs = closed ? n : n - 1;
    for (size_t i = 0; i < segs; i++) {
        int a = first + (int)(6 * i), b = first + (int)(6 * ((i + 1) % n));
        gfx_geom_tri(g, a + 4, a + 5, b + 5);
        gfx_geom_tri(g, a + 4, b + 5, b + 4);
        if (backdrop) {
            /* one band across the whole width in the edge colour; the body
             * covers its middle */
            gfx_geom_fringe_tri(g, a, a + 3, b + 3);
            gfx_geom_fringe_tri(g, a, b + 3, b);
        } else {
            gfx_geom_fringe_tri(g, a, a + 1, b + 1);
            gfx_geom_fringe_tri(g, a, b + 1, b);
            gfx_geom_fringe_tri(g, a + 2, a + 3, b + 3);
            gfx_geom_fringe_tri(g, a + 2, b + 3, b + 2);
        }
    }
    if (backdrop && !g->oom) {
        SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_NONE);
        if (g->nfidx > 0) SDL_RenderGeometry(g->r, NULL, g->verts, g->nverts, g->fidx, g->nfidx);
        if (g->nidx > 0) SDL_RenderGeometry(g->r, NULL, g->verts, g->nverts, g->idx, g->nidx);
        SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
        gfx_geom_begin(g);
        return;
    }
    gfx_geom_flush(g, c.a == 255);
}

static void stroke_rounded_geom(Gfx *g, SDL_FRect r, float radius, float width, SDL_Color c)
{
    /* The band's centre line runs half a width inside the rectangle. */
    float h = width * 0.5f;
    SDL_FRect in = {r.x + h, r.y + h, r.w - width, r.h - width};
    if (in.w <= 0 || in.h <= 0) {
        return;
    }
    SDL_FPoint pts[OUTLINE_MAX];
    size_t n = rounded_outline(in, radius - h > 0 ? radius - h : 0, pts, OUTLINE_MAX);
    stroke_closed(g, pts, n, width, c, true);
}

void gfx_line(Gfx *g, float x0, float y0, float x1, float y1, float width, SDL_Color c)
{
    SDL_FPoint p[2] = {{x0, y0}, {x1, y1}};
    gfx_polyline(g, p, 2, width, c);
}

void gfx_polyline(Gfx *g, const SDL_FPoint *pts, size_t n, float width, SDL_Color c)
{
    stroke_closed(g, pts, n, width, c, false);
}

void gfx_polyline_over(Gfx *g, const SDL_FPoint *pts, size_t n, float width, SDL_Color c, SDL_Color backdrop)
{
    c.a = 255;
    backdrop.a = 255;
    stroke_path(g, pts, n, width, c, false, &backdrop);
}

static int circle_segments(float radius)
{
    int seg = (int)(radius * 0.7f) + 10;
    return seg > 96 ? 96 : seg;
}

static void fill_circle_geom(Gfx *g, float cx, float cy, float radius, SDL_Color c)
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
    fill_outline(g, pts, (size_t)seg, c);
}

static void stroke_circle_geom(Gfx *g, float cx, float cy, float radius, float width, SDL_Color c)
{
    SDL_FPoint pts[96];
    int seg = circle_segments(radius);
    for (int i = 0; i < seg; i++) {
        float a = 2 * PI_F * (float)i / (float)seg;
        pts[i] = (SDL_FPoint){cx + radius * cosf(a), cy + radius * sinf(a)};
    }
    stroke_closed(g, pts, (size_t)seg, width, c, true);
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
    stroke_closed(g, pts, (size_t)seg + 1, width, c, false);
}

void gfx_fill_convex(Gfx *g, const SDL_FPoint *pts, size_t n, SDL_Color c)
{
    fill_outline(g, pts, n, c);
}

void gfx_fill_triangle(Gfx *g, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color col)
{
    SDL_FPoint p[3] = {a, b, c};
    fill_outline(g, p, 3, col);
}

/* ---- sprites: shapes drawn once into textures ---- */

static uint32_t pack_rgba(SDL_Color c)
{
    return ((uint32_t)c.r << 24) | ((uint32_t)c.g << 16) | ((uint32_t)c.b << 8) | c.a;
}

static float clamp01(float x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* Disc (inner < 0) or ring of outer radius R: alpha is the pixel's coverage,
 * estimated from the distance of its centre to the circles. */
static SDL_Texture *round_texture(Gfx *g, float outer, float inner, SDL_Color c, int *size)
{
    int n = 2 * (int)ceilf(outer);
    if (n < 2) n = 2;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, n, n, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    float mid = (float)n * 0.5f;
    for (int y = 0; y < n; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < n; x++) {
            float dx = (float)x + 0.5f - mid, dy = (float)y + 0.5f - mid;
            float d = sqrtf(dx * dx + dy * dy);
            float cov = clamp01(outer - d + 0.5f);
            if (inner >= 0) cov *= clamp01(d - inner + 0.5f);
            Uint8 a = (Uint8)(cov * (float)c.a + 0.5f);
            row[x] = SDL_MapRGBA(s->format, c.r, c.g, c.b, a);
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(g->r, s);
    SDL_FreeSurface(s);
    if (t) SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    *size = n;
    return t;
}

static SDL_Texture *icon_texture(Gfx *g, GfxIcon icon, int side, SDL_Color c)
{
    SDL_Texture *t = SDL_CreateTexture(g->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, side, side);
    if (!t) return NULL;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_Texture *old = SDL_GetRenderTarget(g->r);
    SDL_Rect clip;
    SDL_bool had = SDL_RenderIsClipEnabled(g->r);
    SDL_RenderGetClipRect(g->r, &clip);
    if (SDL_SetRenderTarget(g->r, t) != 0) {
        SDL_DestroyTexture(t);
        return NULL;
    }
    /* transparent in the icon's own colour, so blending the edges in does
     * not darken them */
    SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, 0);
    SDL_RenderClear(g->r);
    SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
    g->in_sprite = true;
    gfx_icon_draw(g, icon, (SDL_FRect){0, 0, (float)side, (float)side}, c);
    g->in_sprite = false;
    SDL_SetRenderTarget(g->r, old);
    SDL_RenderSetClipRect(g->r, had ? &clip : NULL);
    return t;
}

GfxSprite *gfx_sprite(Gfx *g, GfxSpriteKind kind, int a, int b, SDL_Color c)
{
    uint32_t rgba = pack_rgba(c);
    int slot = -1, oldest = 0;
    for (int i = 0; i < GFX_SPRITES; i++) {
        GfxSprite *sp = &g->sprites[i];
        if (sp->tex && sp->kind == kind && sp->a == a && sp->b == b && sp->rgba == rgba) {
            sp->last_use = g->frame;
            return sp;
        }
        if (!sp->tex && slot < 0) slot = i;
        if (sp->last_use < g->sprites[oldest].last_use) oldest = i;
    }
    if (slot < 0) slot = oldest;
    GfxSprite *sp = &g->sprites[slot];
    if (sp->tex) SDL_DestroyTexture(sp->tex);
    memset(sp, 0, sizeof *sp);
    int n = 0;
    if (kind == GFX_SPRITE_DISC) {
        sp->tex = round_texture(g, (float)a / 4.0f, -1.0f, c, &n);
        sp->w = sp->h = n;
    } else if (kind == GFX_SPRITE_RING) {
        sp->tex = round_texture(g, (float)a / 4.0f, (float)(a - b) / 4.0f, c, &n);
        sp->w = sp->h = n;
    } else {
        sp->tex = icon_texture(g, (GfxIcon)a, b, c);
        sp->w = sp->h = b;
    }
    if (!sp->tex) return NULL;
    sp->kind = kind;
    sp->a = a;
    sp->b = b;
    sp->rgba = rgba;
    sp->last_use = g->frame;
    return sp;
}

static void fill_irect(Gfx *g, int x, int y, int w, int h, SDL_Color c)
{
    if (w <= 0 || h <= 0) return;
    SDL_Rect r = {x, y, w, h};
    SDL_RenderFillRect(g->r, &r);
    (void)c;
}

/* The four quarters of a round sprite of side 2*rad at the corners of the
 * integer rectangle (x, y, w, h). */
static void blit_corners(Gfx *g, const GfxSprite *sp, int rad, int x, int y, int w, int h)
{
    const SDL_Rect src[4] = {{0, 0, rad, rad}, {rad, 0, rad, rad}, {0, rad, rad, rad}, {rad, rad, rad, rad}};
    const SDL_Rect dst[4] = {{x, y, rad, rad}, {x + w - rad, y, rad, rad}, {x, y + h - rad, rad, rad},
                             {x + w - rad, y + h - rad, rad, rad}};
    for (int i = 0; i < 4; i++) {
        SDL_RenderCopy(g->r, sp->tex, &src[i], &dst[i]);
    }
}

/* Rounded rectangles snap to whole pixels: their straight edges are then
 * sharp without anti-aliasing, and only the corners (sprites) need it. */
static bool snap(SDL_FRect r, float radius, int *x, int *y, int *w, int *h, int *rad)
{
    *x = (int)lroundf(r.x);
    *y = (int)lroundf(r.y);
    *w = (int)lroundf(r.x + r.w) - *x;
    *h = (int)lroundf(r.y + r.h) - *y;
    *rad = (int)lroundf(radius);
    if (*rad > *w / 2) *rad = *w / 2;
    if (*rad > *h / 2) *rad = *h / 2;
    return *w > 0 && *h > 0;
}

static void set_fill(Gfx *g, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(g->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
}

void gfx_fill_rounded(Gfx *g, SDL_FRect r, float radius, SDL_Color c)
{
    int x, y, w, h, rad;
    if (!snap(r, radius, &x, &y, &w, &h, &rad)) return;
    GfxSprite *sp = rad >= 1 && rad <= 256 && !g->in_sprite ? gfx_sprite(g, GFX_SPRITE_DISC, rad * 4, 0, c) : NULL;
    if (rad >= 1 && !sp) {
        fill_rounded_geom(g, r, radius, c);
        return;
    }
    set_fill(g, c);
    fill_irect(g, x, y + rad, w, h - 2 * rad, c);
    fill_irect(g, x + rad, y, w - 2 * rad, rad, c);
    fill_irect(g, x + rad, y + h - rad, w - 2 * rad, rad, c);
    SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
    if (sp) blit_corners(g, sp, rad, x, y, w, h);
}

void gfx_stroke_rounded(Gfx *g, SDL_FRect r, float radius, float width, SDL_Color c)
{
    int x, y, w, h, rad;
    if (!snap(r, radius, &x, &y, &w, &h, &rad)) return;
    int lw = (int)lroundf(width);
    if (lw < 1) lw = 1;
    if (rad < lw) rad = rad > 0 ? lw : 0;
    if (rad > w / 2 || rad > h / 2) {
        stroke_rounded_geom(g, r, radius, width, c);
        return;
    }
    GfxSprite *sp = rad >= 1 && rad <= 256 && !g->in_sprite ? gfx_sprite(g, GFX_SPRITE_RING, rad * 4, lw * 4, c) : NULL;
    if (rad >= 1 && !sp) {
        stroke_rounded_geom(g, r, radius, width, c);
        return;
    }
    int e = rad > 0 ? rad : 0;
    set_fill(g, c);
    fill_irect(g, x + e, y, w - 2 * e, lw, c);
    fill_irect(g, x + e, y + h - lw, w - 2 * e, lw, c);
    fill_irect(g, x, y + (e > 0 ? e : lw), lw, h - 2 * (e > 0 ? e : lw), c);
    fill_irect(g, x + w - lw, y + (e > 0 ? e : lw), lw, h - 2 * (e > 0 ? e : lw), c);
    SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
    if (sp) blit_corners(g, sp, rad, x, y, w, h);
}

void gfx_shadow(Gfx *g, SDL_FRect r, float radius, float spread)
{
    /* Only the part outside the card shows, so the shadow is a few thin
     * translucent rings around it, shifted down; never a filled area. */
    int layers = 3;
    float step = spread / (float)layers;
    if (step < 1) step = 1;
    for (int i = 1; i <= layers; i++) {
        float s = step * (float)i;
        SDL_FRect l = {r.x - s, r.y - s + spread * 0.35f, r.w + 2 * s, r.h + 2 * s};
        SDL_Color c = {16, 32, 48, (Uint8)(30 - 8 * i)};
        gfx_stroke_rounded(g, l, radius + s, step, c);
    }
}

void gfx_fill_circle(Gfx *g, float cx, float cy, float radius, SDL_Color c)
{
    if (radius <= 0) return;
    GfxSprite *sp = radius <= 256 && !g->in_sprite ? gfx_sprite(g, GFX_SPRITE_DISC, (int)lroundf(radius * 4), 0, c)
                                                   : NULL;
    if (!sp) {
        fill_circle_geom(g, cx, cy, radius, c);
        return;
    }
    SDL_Rect dst = {(int)lroundf(cx - (float)sp->w * 0.5f), (int)lroundf(cy - (float)sp->h * 0.5f), sp->w, sp->h};
    SDL_RenderCopy(g->r, sp->tex, NULL, &dst);
}

void gfx_stroke_circle(Gfx *g, float cx, float cy, float radius, float width, SDL_Color c)
{
    if (radius <= 0 || width <= 0) return;
    float outer = radius + width * 0.5f;
    GfxSprite *sp = outer <= 256 && !g->in_sprite
                        ? gfx_sprite(g, GFX_SPRITE_RING, (int)lroundf(outer * 4), (int)lroundf(width * 4), c)
                        : NULL;
    if (!sp) {
        stroke_circle_geom(g, cx, cy, radius, width, c);
        return;
    }
    SDL_Rect dst = {(int)lroundf(cx - (float)sp->w * 0.5f), (int)lroundf(cy - (float)sp->h * 0.5f), sp->w, sp->h};
    SDL_RenderCopy(g->r, sp->tex, NULL, &dst);
}
