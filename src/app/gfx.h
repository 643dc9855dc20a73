/*
 * gfx.h - 2D drawing for the front end: shapes, icons and cached text.
 *
 * Everything is drawn with SDL_RenderGeometry (triangles), so it works the
 * same on the software renderer of an outreach laptop with no GPU and on an
 * accelerated one. Shape edges get a one-pixel alpha fringe, which is the
 * anti-aliasing.
 *
 * Units: positions and shape sizes are window pixels (SDL_FRect). Text sizes
 * are design points: 1 point is one pixel on a 1280x720 window; Gfx multiplies
 * them by the layout scale and the user's text size (gfx_set_scale), so a
 * module scene writes gfx_text(..., 18, ...) and stays readable at 1024x600
 * and at 1920x1080.
 *
 * Text never re-renders while it does not change: each (string, font, size,
 * colour, wrap width) becomes one texture kept in a cache; entries unused for a
 * while are freed. Every time text does not fit the box it was given, the
 * overflow counter goes up (render tests require it to stay 0).
 *
 * Stability: this header is used by module scenes written by other people.
 * Add functions; do not change the meaning of existing ones.
 */
#ifndef FIBRESIM_GFX_H
#define FIBRESIM_GFX_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Gfx Gfx;
struct Gfx3d;

typedef enum GfxFont { GFX_FONT_REGULAR, GFX_FONT_BOLD, GFX_FONT_COUNT } GfxFont;
typedef enum GfxAlign { GFX_ALIGN_LEFT, GFX_ALIGN_CENTER, GFX_ALIGN_RIGHT } GfxAlign;
typedef enum GfxValign { GFX_VALIGN_TOP, GFX_VALIGN_MIDDLE, GFX_VALIGN_BOTTOM } GfxValign;

/* How a piece of text is laid out in its box. */
typedef struct GfxTextStyle {
    GfxFont font;
    float size_pt;        /* design points (scaled by gfx_set_scale) */
    SDL_Color color;
    GfxAlign align;
    GfxValign valign;
    bool wrap;            /* break lines at spaces to fit the box width */
    bool shrink;          /* if it does not fit, try smaller sizes down to 70% first */
} GfxTextStyle;

/* Procedural icons, drawn from shapes so they scale to any size. */
typedef enum GfxIcon {
    GFX_ICON_NONE,
    GFX_ICON_CHECK,       /* pass, correct */
    GFX_ICON_CROSS,       /* fail, wrong, close */
    GFX_ICON_WARNING,     /* triangle with "!" */
    GFX_ICON_ARROW_LEFT,  /* back */
    GFX_ICON_ARROW_RIGHT, /* next, go */
    GFX_ICON_PLAY,        /* start */
    GFX_ICON_HINT,        /* light bulb */
    GFX_ICON_QUIT,        /* door with arrow: stop the exercise */
    GFX_ICON_SETTINGS,    /* gear */
    GFX_ICON_USER,        /* person */
    GFX_ICON_PLUS,        /* add */
    GFX_ICON_MINUS,       /* remove, partial */
    GFX_ICON_CLOCK,       /* time */
    GFX_ICON_RETRY,       /* circular arrow: try again */
    GFX_ICON_STAR,        /* difficulty */
    GFX_ICON_INFO,        /* "i" in a circle */
    GFX_ICON_FULLSCREEN,  /* four corners */
    GFX_ICON_LANGUAGE,    /* globe */
    GFX_ICON_SAVE,        /* disk */
    GFX_ICON_TEXT_SIZE,   /* a big and a small "A" */
    GFX_ICON_PAUSE,       /* two bars: pause a replay */
    GFX_ICON_COUNT
} GfxIcon;

/* Loads DejaVuSans.ttf and DejaVuSans-Bold.ttf from fonts_dir (TTF_Init must
 * have been called). r is borrowed and must outlive the Gfx. NULL with a
 * reason in err if a font cannot be opened. */
Gfx *gfx_create(SDL_Renderer *r, const char *fonts_dir, char *err, size_t err_n);
void gfx_destroy(Gfx *g); /* accepts NULL */

SDL_Renderer *gfx_renderer(const Gfx *g);

/* Layout scale (window pixels per design point, e.g. 0.8 at 1024x600) and
 * the user's text size (1.0 normal). Call when the window size or the
 * setting changes; it does not invalidate cached text of other sizes. */
void gfx_set_scale(Gfx *g, float layout_scale, float text_scale);
float gfx_layout_scale(const Gfx *g);
float gfx_text_scale(const Gfx *g);
/* Design points -> pixels for shapes (layout scale only). */
float gfx_px(const Gfx *g, float pt);

/* Starts a frame: ages the text cache (entries unused for a few seconds of
 * frames are freed). */
void gfx_begin_frame(Gfx *g);

/* ---- shapes (pixels) ---- */
void gfx_fill_rect(Gfx *g, SDL_FRect r, SDL_Color c);
/* Vertical gradient (top colour to bottom colour). */
void gfx_fill_gradient(Gfx *g, SDL_FRect r, SDL_Color top, SDL_Color bottom);
void gfx_fill_rounded(Gfx *g, SDL_FRect r, float radius, SDL_Color c);
void gfx_stroke_rounded(Gfx *g, SDL_FRect r, float radius, float width, SDL_Color c);
/* Soft drop shadow under a rounded card (draw it before the card). */
void gfx_shadow(Gfx *g, SDL_FRect r, float radius, float spread);
void gfx_line(Gfx *g, float x0, float y0, float x1, float y1, float width, SDL_Color c);
/* Joined thick polyline (n >= 2 points), e.g. an OTDR trace or a fibre. */
void gfx_polyline(Gfx *g, const SDL_FPoint *pts, size_t n, float width, SDL_Color c);
/* The same for long opaque polylines over a plain backdrop colour (a trace
 * on its panel): the one-pixel edge fades from c to backdrop without
 * blending, about ten times faster on the software renderer (which blends
 * each triangle through a temporary surface). Alpha is ignored. */
void gfx_polyline_over(Gfx *g, const SDL_FPoint *pts, size_t n, float width, SDL_Color c, SDL_Color backdrop);
void gfx_fill_circle(Gfx *g, float cx, float cy, float radius, SDL_Color c);
void gfx_stroke_circle(Gfx *g, float cx, float cy, float radius, float width, SDL_Color c);
/* Arc from angle a0 to a1 (radians, 0 = +x, clockwise on screen). */
void gfx_stroke_arc(Gfx *g, float cx, float cy, float radius, float a0, float a1, float width, SDL_Color c);
/* Convex polygon, points in order. */
void gfx_fill_convex(Gfx *g, const SDL_FPoint *pts, size_t n, SDL_Color c);
void gfx_fill_triangle(Gfx *g, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c, SDL_Color col);
/* Icon drawn inside box (kept square, centred). */
void gfx_icon(Gfx *g, GfxIcon icon, SDL_FRect box, SDL_Color c);

/* ---- text (UTF-8) ---- */
/* A style with the common defaults: regular, left, top, no wrap, no shrink. */
GfxTextStyle gfx_style(GfxFont font, float size_pt, SDL_Color color);
/* Size in pixels of one line of text at the current scale. */
SDL_FPoint gfx_text_measure(Gfx *g, const char *s, GfxFont font, float size_pt);
/* Height in pixels the text takes when wrapped at max_w pixels. */
float gfx_text_wrapped_height(Gfx *g, const char *s, GfxFont font, float size_pt, float max_w);
/* Line height in pixels of a font size. */
float gfx_line_height(Gfx *g, GfxFont font, float size_pt);
/* Draws text inside box with the style. Returns false (and counts one
 * overflow) if it does not fit; what fits is still drawn, clipped to box. */
bool gfx_text(Gfx *g, const char *s, SDL_FRect box, const GfxTextStyle *st);
/* Draws one line with its left (or centre/right, per align) at x and its top
 * at y, with no box: for labels on a picture. Returns its size. */
SDL_FPoint gfx_text_at(Gfx *g, const char *s, float x, float y, GfxFont font, float size_pt,
                       SDL_Color c, GfxAlign align);

/* How many times text did not fit its box since the last reset. */
unsigned long gfx_text_overflows(const Gfx *g);
void gfx_text_overflow_reset(Gfx *g);
/* Text cache counters: textures made (misses), reused (hits), held now. */
void gfx_text_cache_stats(const Gfx *g, unsigned long *made, unsigned long *reused, size_t *held);

/* A 3D helper shared by the scenes (see gfx3d.h); owned by the Gfx. */
struct Gfx3d *gfx_3d(Gfx *g);

#endif
