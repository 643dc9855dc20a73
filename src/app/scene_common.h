/*
 * scene_common.h - pieces every screen shares: the top bar, cards, the
 * Fibresim mark and rectangle arithmetic. Sizes are design points scaled by
 * app_scale(), so every screen lays out from the window size.
 */
#ifndef FIBRESIM_SCENE_COMMON_H
#define FIBRESIM_SCENE_COMMON_H

#include <SDL.h>

#include "app.h"

/* Draws the top bar (mark + title + optional subtitle, left part up to
 * title_w pixels) and returns the bar's rectangle. */
SDL_FRect scene_topbar(App *app, const char *title, const char *subtitle, float title_w);
/* The area under the top bar, inside the margins. */
SDL_FRect scene_body(const App *app);
/* A white card with a soft shadow. */
void scene_card(App *app, SDL_FRect r);
/* Heading text at the top of a card; returns the height used. */
float scene_card_heading(App *app, SDL_FRect card, const char *text, GfxIcon icon);
/* The Fibresim mark: a fibre's cross-section (core, cladding, coating). */
void scene_mark(Gfx *g, float cx, float cy, float r);

/* A finger dragging a scrolled area (the result's criteria, a breakdown):
 * the content follows the finger, as on a phone. */
typedef struct TouchScroll {
    bool active;
    SDL_FingerID finger;
    float last_y;           /* pixels */
    float travel;           /* pixels moved since the press: a short one is a tap */
} TouchScroll;

/* Feeds one SDL event: a finger pressed inside area (pixels of a w x h
 * window) drags *scroll_px until it lifts. Returns true when it moved the
 * scroll (the caller clamps it). Other events are left alone. */
bool touch_scroll_event(TouchScroll *t, const SDL_Event *e, SDL_FRect area, int w, int h, float *scroll_px);

SDL_FRect rect_inset(SDL_FRect r, float d);
/* Splits r at x offset (pixels) into left and right with a gap. */
void rect_split_h(SDL_FRect r, float left_w, float gap, SDL_FRect *left, SDL_FRect *right);
/* Takes a strip of height h off the top of *r (with a gap after it). */
SDL_FRect rect_take_top(SDL_FRect *r, float h, float gap);
SDL_FRect rect_take_bottom(SDL_FRect *r, float h, float gap);

#endif
