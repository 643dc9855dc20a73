/*
 * gfx_icons.c - procedural icons built from the gfx shapes, so they stay
 * sharp at any size and need no image files.
 *
 * Each icon is drawn in a unit square (0..1 on both axes) mapped to the box.
 */
#include "gfx_internal.h"

#include <math.h>

#define PI_F 3.14159265358979f

typedef struct Pen {
    Gfx *g;
    float x, y, s;   /* top-left and side of the square in pixels */
    float w;         /* stroke width in pixels */
    SDL_Color c;
} Pen;

static SDL_FPoint at(const Pen *p, float u, float v)
{
    return (SDL_FPoint){p->x + u * p->s, p->y + v * p->s};
}

static void line(const Pen *p, float u0, float v0, float u1, float v1)
{
    SDL_FPoint a = at(p, u0, v0), b = at(p, u1, v1);
    gfx_line(p->g, a.x, a.y, b.x, b.y, p->w, p->c);
    /* round caps keep joins of separate strokes clean */
    gfx_fill_circle(p->g, a.x, a.y, p->w * 0.5f, p->c);
    gfx_fill_circle(p->g, b.x, b.y, p->w * 0.5f, p->c);
}

static void poly(const Pen *p, const float *uv, size_t n)
{
    SDL_FPoint pts[16];
    for (size_t i = 0; i < n && i < 16; i++) {
        pts[i] = at(p, uv[2 * i], uv[2 * i + 1]);
    }
    gfx_polyline(p->g, pts, n, p->w, p->c);
    gfx_fill_circle(p->g, pts[0].x, pts[0].y, p->w * 0.5f, p->c);
    gfx_fill_circle(p->g, pts[n - 1].x, pts[n - 1].y, p->w * 0.5f, p->c);
}

static void fill(const Pen *p, const float *uv, size_t n)
{
    SDL_FPoint pts[16];
    for (size_t i = 0; i < n && i < 16; i++) {
        pts[i] = at(p, uv[2 * i], uv[2 * i + 1]);
    }
    gfx_fill_convex(p->g, pts, n, p->c);
}

static void circle(const Pen *p, float u, float v, float r)
{
    SDL_FPoint c = at(p, u, v);
    gfx_stroke_circle(p->g, c.x, c.y, r * p->s, p->w, p->c);
}

static void disc(const Pen *p, float u, float v, float r)
{
    SDL_FPoint c = at(p, u, v);
    gfx_fill_circle(p->g, c.x, c.y, r * p->s, p->c);
}

static void arc(const Pen *p, float u, float v, float r, float a0, float a1)
{
    SDL_FPoint c = at(p, u, v);
    gfx_stroke_arc(p->g, c.x, c.y, r * p->s, a0, a1, p->w, p->c);
}

void gfx_icon_draw(Gfx *g, GfxIcon icon, SDL_FRect box, SDL_Color c)
{
    float s = box.w < box.h ? box.w : box.h;
    if (s <= 2) {
        return;
    }
    Pen p = {g, box.x + (box.w - s) * 0.5f, box.y + (box.h - s) * 0.5f, s, s * 0.11f, c};
    if (p.w < 1.5f) p.w = 1.5f;
    switch (icon) {
    case GFX_ICON_NONE:
    case GFX_ICON_COUNT:
        break;
    case GFX_ICON_CHECK: {
        const float uv[] = {0.16f, 0.54f, 0.40f, 0.78f, 0.86f, 0.24f};
        p.w *= 1.3f;
        poly(&p, uv, 3);
        break;
    }
    case GFX_ICON_CROSS:
        p.w *= 1.2f;
        line(&p, 0.22f, 0.22f, 0.78f, 0.78f);
        line(&p, 0.78f, 0.22f, 0.22f, 0.78f);
        break;
    case GFX_ICON_WARNING: {
        const float tri[] = {0.5f, 0.06f, 0.96f, 0.90f, 0.04f, 0.90f};
        fill(&p, tri, 3);
        SDL_Color ink = {255, 255, 255, 255};
        Pen q = p;
        q.c = ink;
        line(&q, 0.5f, 0.36f, 0.5f, 0.62f);
        disc(&q, 0.5f, 0.76f, 0.06f);
        break;
    }
    case GFX_ICON_ARROW_LEFT: {
        line(&p, 0.84f, 0.5f, 0.2f, 0.5f);
        const float head[] = {0.46f, 0.22f, 0.18f, 0.5f, 0.46f, 0.78f};
        poly(&p, head, 3);
        break;
    }
    case GFX_ICON_ARROW_RIGHT: {
        line(&p, 0.16f, 0.5f, 0.8f, 0.5f);
        const float head[] = {0.54f, 0.22f, 0.82f, 0.5f, 0.54f, 0.78f};
        poly(&p, head, 3);
        break;
    }
    case GFX_ICON_PLAY: {
        const float tri[] = {0.28f, 0.14f, 0.86f, 0.5f, 0.28f, 0.86f};
        fill(&p, tri, 3);
        break;
    }
    case GFX_ICON_PAUSE: {
        const float left[] = {0.24f, 0.16f, 0.42f, 0.16f, 0.42f, 0.84f, 0.24f, 0.84f};
        const float right[] = {0.58f, 0.16f, 0.76f, 0.16f, 0.76f, 0.84f, 0.58f, 0.84f};
        fill(&p, left, 4);
        fill(&p, right, 4);
        break;
    }
    case GFX_ICON_HINT:
        circle(&p, 0.5f, 0.38f, 0.25f);
        line(&p, 0.38f, 0.72f, 0.62f, 0.72f);
        line(&p, 0.42f, 0.88f, 0.58f, 0.88f);
        line(&p, 0.5f, 0.26f, 0.5f, 0.42f);
        break;
    case GFX_ICON_QUIT: {
        const float door[] = {0.56f, 0.22f, 0.56f, 0.1f, 0.14f, 0.1f, 0.14f, 0.9f, 0.56f, 0.9f, 0.56f, 0.78f};
        poly(&p, door, 6);
        line(&p, 0.36f, 0.5f, 0.9f, 0.5f);
        const float head[] = {0.72f, 0.32f, 0.9f, 0.5f, 0.72f, 0.68f};
        poly(&p, head, 3);
        break;
    }
    case GFX_ICON_SETTINGS: {
        for (int i = 0; i < 8; i++) {
            float a = (float)i * PI_F / 4;
            line(&p, 0.5f + 0.30f * cosf(a), 0.5f + 0.30f * sinf(a), 0.5f + 0.42f * cosf(a),
                 0.5f + 0.42f * sinf(a));
        }
        circle(&p, 0.5f, 0.5f, 0.26f);
        circle(&p, 0.5f, 0.5f, 0.09f);
        break;
    }
    case GFX_ICON_USER:
        disc(&p, 0.5f, 0.3f, 0.18f);
        {
            const float body[] = {0.16f, 0.92f, 0.2f, 0.7f, 0.34f, 0.58f, 0.66f, 0.58f, 0.8f, 0.7f, 0.84f, 0.92f};
            fill(&p, body, 6);
        }
        break;
    case GFX_ICON_PLUS:
        line(&p, 0.5f, 0.18f, 0.5f, 0.82f);
        line(&p, 0.18f, 0.5f, 0.82f, 0.5f);
        break;
    case GFX_ICON_MINUS:
        p.w *= 1.2f;
        line(&p, 0.2f, 0.5f, 0.8f, 0.5f);
        break;
    case GFX_ICON_CLOCK:
        circle(&p, 0.5f, 0.5f, 0.4f);
        line(&p, 0.5f, 0.5f, 0.5f, 0.26f);
        line(&p, 0.5f, 0.5f, 0.68f, 0.6f);
        break;
    case GFX_ICON_RETRY: {
        arc(&p, 0.5f, 0.52f, 0.32f, -PI_F * 0.35f, PI_F * 1.35f);
        const float head[] = {0.64f, 0.06f, 0.8f, 0.26f, 0.56f, 0.34f};
        fill(&p, head, 3);
        break;
    }
    case GFX_ICON_STAR: {
        SDL_FPoint pts[10];
        for (int i = 0; i < 10; i++) {
            float a = -PI_F / 2 + (float)i * PI_F / 5;
            float r = (i % 2 == 0) ? 0.46f : 0.2f;
            pts[i] = at(&p, 0.5f + r * cosf(a), 0.54f + r * sinf(a));
        }
        /* a star is not convex: a fan of its five points around the centre */
        SDL_FPoint centre = at(&p, 0.5f, 0.54f);
        for (int i = 0; i < 10; i += 2) {
            gfx_fill_triangle(g, pts[(i + 9) % 10], pts[i], pts[i + 1], c);
            gfx_fill_triangle(g, centre, pts[(i + 9) % 10], pts[i + 1], c);
        }
        break;
    }
    case GFX_ICON_INFO:
        circle(&p, 0.5f, 0.5f, 0.42f);
        disc(&p, 0.5f, 0.3f, 0.06f);
        line(&p, 0.5f, 0.46f, 0.5f, 0.72f);
        break;
    case GFX_ICON_FULLSCREEN: {
        const float a[] = {0.12f, 0.36f, 0.12f, 0.12f, 0.36f, 0.12f};
        const float b[] = {0.64f, 0.12f, 0.88f, 0.12f, 0.88f, 0.36f};
        const float d[] = {0.88f, 0.64f, 0.88f, 0.88f, 0.64f, 0.88f};
        const float e[] = {0.36f, 0.88f, 0.12f, 0.88f, 0.12f, 0.64f};
        poly(&p, a, 3);
        poly(&p, b, 3);
        poly(&p, d, 3);
        poly(&p, e, 3);
        break;
    }
    case GFX_ICON_LANGUAGE:
        circle(&p, 0.5f, 0.5f, 0.4f);
        line(&p, 0.12f, 0.5f, 0.88f, 0.5f);
        {
            SDL_FPoint ctr = at(&p, 0.5f, 0.5f);
            float rx = 0.17f * s, ry = 0.4f * s;
            SDL_FPoint pts[25];
            for (int i = 0; i <= 24; i++) {
                float a = 2 * PI_F * (float)i / 24;
                pts[i] = (SDL_FPoint){ctr.x + rx * cosf(a), ctr.y + ry * sinf(a)};
            }
            gfx_polyline(g, pts, 25, p.w, c);
        }
        break;
    case GFX_ICON_TEXT_SIZE: {
        const float big[] = {0.04f, 0.88f, 0.3f, 0.12f, 0.56f, 0.88f};
        poly(&p, big, 3);
        line(&p, 0.14f, 0.6f, 0.46f, 0.6f);
        Pen q = p;
        q.w *= 0.75f;
        const float small[] = {0.62f, 0.88f, 0.78f, 0.44f, 0.94f, 0.88f};
        poly(&q, small, 3);
        line(&q, 0.68f, 0.72f, 0.88f, 0.72f);
        break;
    }
    case GFX_ICON_SAVE: {
        const float body[] = {0.14f, 0.12f, 0.72f, 0.12f, 0.88f, 0.28f, 0.88f, 0.88f, 0.14f, 0.88f, 0.14f, 0.12f};
        poly(&p, body, 6);
        const float label[] = {0.32f, 0.12f, 0.32f, 0.34f, 0.64f, 0.34f, 0.64f, 0.12f};
        poly(&p, label, 4);
        break;
    }
    }
}

void gfx_icon(Gfx *g, GfxIcon icon, SDL_FRect box, SDL_Color c)
{
    /* Icons are many small shapes: drawn once into a texture per size and
     * colour, then copied (the software renderer blends each small triangle
     * through a temporary surface, which would cost every frame). */
    float s = box.w < box.h ? box.w : box.h;
    int side = (int)(s + 0.5f);
    if (icon == GFX_ICON_NONE || side < 3 || side > 512 || g->in_sprite) {
        gfx_icon_draw(g, icon, box, c);
        return;
    }
    GfxSprite *sp = gfx_sprite(g, GFX_SPRITE_ICON, (int)icon, side, c);
    if (!sp) {
        gfx_icon_draw(g, icon, box, c);
        return;
    }
    SDL_Rect dst = {(int)(box.x + (box.w - (float)side) * 0.5f + 0.5f), (int)(box.y + (box.h - (float)side) * 0.5f + 0.5f),
                    sp->w, sp->h};
    SDL_RenderCopy(g->r, sp->tex, NULL, &dst);
}
