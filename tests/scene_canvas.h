/*
 * scene_canvas.h - a module scene's picture drawn headless for the scene
 * tests (test_scene_otdr.c, test_scene_tutorial.c): a software renderer on
 * an RGBA surface the size of the exercise screen's picture area, the fonts
 * of $FIBRESIM_ASSETS, reading pixels back, counting colours, and saving
 * the picture under $FIBRESIM_RENDER_DIR for people to look at, and what
 * every picture must do (no text overflow, not blank).
 * Header-only and included after check.h: its CHECKs count in the test.
 */
#ifndef FIBRESIM_TEST_SCENE_CANVAS_H
#define FIBRESIM_TEST_SCENE_CANVAS_H

#include <SDL.h>
#include <stb_image_write.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "gfx.h"
#include "module_scene.h"
#include "theme.h"

typedef struct Canvas {
    int w, h;                /* pixels */
    SDL_Surface *surface;    /* owned; RGBA bytes in memory order */
    SDL_Renderer *renderer;  /* owned, draws on surface */
    Gfx *gfx;                /* owned */
    ModuleSceneEnv env;      /* the whole canvas is the scene's area */
} Canvas;

/* Opens a w x h canvas in language lang (borrowed), the UI scaled by scale,
 * animations at anim_s seconds. false (checked) if the renderer or the
 * fonts cannot be had; close it either way. */
static inline bool canvas_open(Canvas *c, const char *lang, int w, int h, float scale, double anim_s)
{
    memset(c, 0, sizeof *c);
    c->w = w;
    c->h = h;
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888);
    c->renderer = c->surface ? SDL_CreateSoftwareRenderer(c->surface) : NULL;
    const char *assets = getenv("FIBRESIM_ASSETS");
    char fonts[1024], err[256] = "";
    snprintf(fonts, sizeof fonts, "%s/fonts", assets ? assets : "assets");
    c->gfx = c->renderer ? gfx_create(c->renderer, fonts, err, sizeof err) : NULL;
    CHECK_MSG(c->gfx != NULL, "%s %s", err, SDL_GetError());
    if (!c->gfx) {
        return false;
    }
    gfx_set_scale(c->gfx, scale, 1.0f);
    c->env.renderer = c->renderer;
    c->env.gfx = c->gfx;
    c->env.lang = lang;
    c->env.area = (SDL_Rect){0, 0, w, h};
    c->env.text_scale = 1.0f;
    c->env.anim_s = anim_s;
    return true;
}

/* Frees what canvas_open made (fine on a half-open canvas). */
static inline void canvas_close(Canvas *c)
{
    gfx_destroy(c->gfx);
    if (c->renderer) SDL_DestroyRenderer(c->renderer);
    if (c->surface) SDL_FreeSurface(c->surface);
}

/* The colour drawn at (x, y), inside the canvas. */
static inline SDL_Color canvas_pixel(const Canvas *c, int x, int y)
{
    const uint8_t *p = (const uint8_t *)c->surface->pixels + y * c->surface->pitch + x * 4;
    return (SDL_Color){p[0], p[1], p[2], p[3]};
}

/* a and b within tol on each of red, green and blue. */
static inline bool near_colour(SDL_Color a, SDL_Color b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

/* Distinct colours, up to 64, on a sample of every third pixel of every
 * third row: a blank or nearly blank picture has few. */
static inline size_t canvas_colours(const Canvas *c)
{
    uint32_t seen[64];
    size_t n = 0;
    for (int y = 0; y < c->h && n < 64; y += 3) {
        for (int x = 0; x < c->w && n < 64; x += 3) {
            SDL_Color p = canvas_pixel(c, x, y);
            uint32_t v = (uint32_t)p.r << 16 | (uint32_t)p.g << 8 | p.b;
            size_t i = 0;
            while (i < n && seen[i] != v) i++;
            if (i == n) seen[n++] = v;
        }
    }
    return n;
}

/* When $FIBRESIM_RENDER_DIR is set, saves the picture there as
 * PREFIX_NAME_LANG_WxH.png (checked). */
static inline void canvas_save(const Canvas *c, const char *prefix, const char *name)
{
    const char *root = getenv("FIBRESIM_RENDER_DIR");
    if (!root) {
        return;
    }
    mkdir(root, 0755);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s_%s_%s_%dx%d.png", root, prefix, name, c->env.lang, c->w, c->h);
    CHECK(stbi_write_png(path, c->w, c->h, 4, c->surface->pixels, c->surface->pitch));
}

/* Draws the module state (borrowed) with scene ms on the scene background,
 * checks that no text overflows its box and that the picture is not nearly
 * blank (16 colours at least), and saves it (canvas_save). name says which
 * picture in the messages and the file name. */
static inline void canvas_draw_checked(Canvas *c, const ModuleScene *ms, void *self, const void *state,
                                       const char *prefix, const char *name)
{
    SDL_SetRenderDrawColor(c->renderer, theme.scene_bg.r, theme.scene_bg.g, theme.scene_bg.b, 255);
    SDL_RenderClear(c->renderer);
    gfx_begin_frame(c->gfx);
    gfx_text_overflow_reset(c->gfx);
    ms->draw(self, &c->env, state);
    SDL_RenderPresent(c->renderer);
    CHECK_MSG(gfx_text_overflows(c->gfx) == 0, "%s (%s %dx%d): %lu text overflow(s)", name, c->env.lang, c->w, c->h,
              gfx_text_overflows(c->gfx));
    CHECK_MSG(canvas_colours(c) >= 16, "%s: nearly blank", name);
    canvas_save(c, prefix, name);
}

#endif
