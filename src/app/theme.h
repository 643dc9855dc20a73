/*
 * theme.h - the front end's colours and sizes, in one place.
 *
 * High contrast: body text on the background is above 12:1, white text on
 * the primary blue above 7:1 (WCAG AAA for normal text). Pass and fail are
 * never told by colour alone: the widgets always add a symbol and a word.
 *
 * Sizes are design points (1 pt = 1 px on a 1280x720 window); multiply by
 * gfx_px() / the layout scale for pixels.
 */
#ifndef FIBRESIM_THEME_H
#define FIBRESIM_THEME_H

#include <SDL.h>

typedef struct Theme {
    SDL_Color bg;          /* window background */
    SDL_Color panel;       /* cards */
    SDL_Color panel_alt;   /* alternate rows, wells */
    SDL_Color border;      /* card and field outlines */
    SDL_Color text;        /* body text */
    SDL_Color text_muted;  /* secondary text (still >= 7:1 on panel) */
    SDL_Color topbar;      /* top bar background */
    SDL_Color on_topbar;   /* text on the top bar */
    SDL_Color primary;     /* main actions */
    SDL_Color primary_hover;
    SDL_Color on_primary;
    SDL_Color focus;       /* keyboard focus ring */
    SDL_Color ok;          /* pass (with a check mark and a word) */
    SDL_Color ok_bg;
    SDL_Color partial;     /* partly right (with a minus sign and a word) */
    SDL_Color partial_bg;
    SDL_Color fail;        /* fail (with a cross and a word) */
    SDL_Color fail_bg;
    SDL_Color scene_bg;    /* behind a module's picture */
} Theme;

extern const Theme theme;

/* Design sizes (points). */
#define THEME_TOUCH_MIN_PX 44.0f   /* smallest touch target, in real pixels */
#define THEME_BUTTON_H 56.0f
#define THEME_RADIUS 10.0f
#define THEME_MARGIN 24.0f
#define THEME_GAP 16.0f
#define THEME_TOPBAR_H 64.0f
#define THEME_TEXT_TITLE 34.0f
#define THEME_TEXT_HEADING 26.0f
#define THEME_TEXT_BODY 21.0f
#define THEME_TEXT_SMALL 17.0f

#endif
