/*
 * gfx_internal.h - the Gfx structure, shared by gfx.c, gfx_text.c and
 * gfx_icons.c only. Scenes use gfx.h.
 */
#ifndef FIBRESIM_GFX_INTERNAL_H
#define FIBRESIM_GFX_INTERNAL_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>

#include "gfx.h"
#include "gfx3d.h"

#define GFX_FONT_SLOTS 24
#define GFX_TEXT_BUCKETS 1024

typedef struct GfxFontSlot {
    GfxFont font;
    int px;                 /* 0 = free slot */
    TTF_Font *ttf;          /* owned */
    unsigned long last_use;
} GfxFontSlot;

typedef struct GfxTextEntry GfxTextEntry;

/* A shape rendered once into a texture: anti-aliased disc or ring (for
 * rounded corners and circles) or an icon. */
typedef enum GfxSpriteKind { GFX_SPRITE_DISC, GFX_SPRITE_RING, GFX_SPRITE_ICON } GfxSpriteKind;

#define GFX_SPRITES 256

typedef struct GfxSprite {
    GfxSpriteKind kind;
    int a, b;               /* disc: radius*4; ring: radius*4, width*4; icon: icon, side px */
    uint32_t rgba;
    SDL_Texture *tex;       /* owned; NULL = free slot */
    int w, h;
    unsigned long last_use;
} GfxSprite;

struct Gfx {
    SDL_Renderer *r;        /* borrowed */
    float layout_scale, text_scale;
    /* scratch geometry for one shape */
    SDL_Vertex *verts;      /* owned */
    int *idx;               /* owned: triangles of the shape's body */
    int *fidx;              /* owned: triangles of its anti-aliasing fringe */
    int nverts, nidx, nfidx, cap_verts, cap_idx, cap_fidx;
    bool oom;               /* a scratch buffer could not grow: the shape is skipped */
    /* fonts: the file bytes stay in memory, each size opens from them */
    void *font_data[GFX_FONT_COUNT]; /* owned */
    size_t font_len[GFX_FONT_COUNT];
    GfxFontSlot fonts[GFX_FONT_SLOTS];
    /* text cache */
    GfxTextEntry *buckets[GFX_TEXT_BUCKETS];
    size_t held;
    unsigned long frame;
    unsigned long made, reused, overflows;
    Gfx3d *g3d;             /* owned */
    GfxSprite sprites[GFX_SPRITES];
    bool in_sprite;         /* drawing into a sprite: no sprite lookups */
};

/* The sprite of (kind, a, b, colour), made with make() on a miss. */
GfxSprite *gfx_sprite(Gfx *g, GfxSpriteKind kind, int a, int b, SDL_Color c);
/* Draws an icon with shapes (no cache), at box. */
void gfx_icon_draw(Gfx *g, GfxIcon icon, SDL_FRect box, SDL_Color c);

/* Scratch geometry: begin, add vertices and triangles, flush. The body's
 * triangles and the fringe's go in two index lists: SDL's software renderer
 * blends a triangle through a temporary surface the size of its bounding
 * box, so an opaque body is drawn without blending (direct writes) and only
 * the thin fringe triangles are blended. */
void gfx_geom_begin(Gfx *g);
int gfx_geom_vertex(Gfx *g, float x, float y, SDL_Color c); /* returns its index, -1 on OOM */
void gfx_geom_tri(Gfx *g, int a, int b, int c);
void gfx_geom_fringe_tri(Gfx *g, int a, int b, int c);
/* Draws the body (unblended when opaque) then the fringe (blended). */
void gfx_geom_flush(Gfx *g, bool opaque);

void gfx_text_cache_free(Gfx *g);
void gfx_text_cache_age(Gfx *g);

#endif
