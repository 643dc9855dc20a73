/*
 * gfx_internal.h - the Gfx structure, shared by gfx.c, gfx_text.c and
 * gfx_icons.c only. Scenes use gfx.h.
 */
#ifndef FIBRESIM_GFX_INTERNAL_H
#define FIBRESIM_GFX_INTERNAL_H

#include <SDL.h>
#include <SDL_ttf.h>

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

struct Gfx {
    SDL_Renderer *r;        /* borrowed */
    float layout_scale, text_scale;
    /* scratch geometry for one shape */
    SDL_Vertex *verts;      /* owned */
    int *idx;               /* owned */
    int nverts, nidx, cap_verts, cap_idx;
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
};

/* Scratch geometry: begin, add vertices and triangles, flush with one
 * SDL_RenderGeometry call. */
void gfx_geom_begin(Gfx *g);
int gfx_geom_vertex(Gfx *g, float x, float y, SDL_Color c); /* returns its index, -1 on OOM */
void gfx_geom_tri(Gfx *g, int a, int b, int c);
void gfx_geom_flush(Gfx *g);

void gfx_text_cache_free(Gfx *g);
void gfx_text_cache_age(Gfx *g);

#endif
