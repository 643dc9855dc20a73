/*
 * scene_otdr.h - shared between the files of the OTDR instrument screen
 * (scene_otdr.c: layout, input mapping, buttons; scene_otdr_plot.c: the
 * trace, its axes, cursors, overview and readouts; scene_otdr_panel.c: the
 * settings, event table and results panels).
 *
 * The screen is drawn from the module's view alone (fibresim/otdr.h). Every
 * control drawn registers a hot zone (rectangle + choice id) during the
 * draw; a press is matched against the zones of the frame the trainee saw.
 */
#ifndef FIBRESIM_SCENE_OTDR_H
#define FIBRESIM_SCENE_OTDR_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "fibresim/otdr.h"
#include "gfx.h"
#include "module_scene.h"

#define OTDR_ZONES_MAX 96
#define OTDR_COLS_MAX 4096

typedef struct OtdrZone {
    SDL_FRect r;
    char id[32];
    bool enabled;
} OtdrZone;

/* Where everything lands, in pixels (from the picture's area). */
typedef struct OtdrLayout {
    float s;                  /* pixels per design point */
    float row;                /* a touch row (>= THEME_TOUCH_MIN_PX) */
    float pad;
    SDL_FRect area;
    SDL_FRect header;         /* trace chips, zoom keys, save */
    SDL_FRect plot;           /* the trace, inside the axes */
    SDL_FRect yaxis, xaxis;   /* tick labels */
    SDL_FRect overview;       /* the whole trace, visible window boxed */
    SDL_FRect readout;        /* cursor readings */
    SDL_FRect panel;          /* side panel: tabs + content */
    SDL_FRect tabs, content;
} OtdrLayout;

typedef struct OtdrScene {
    const Scenario *scn;      /* borrowed for the attempt */
    const OtdrSetup *setup;
    char lang[3];             /* language of the last drawing (prompt, buttons) */
    OtdrLayout L;
    bool drawn;
    /* Visible window of the last drawing (pixel <-> metres, dB). */
    double x0_m, x1_m, y0_db, y1_db;
    OtdrZone zones[OTDR_ZONES_MAX];
    size_t n_zones;
    /* Column cache of the trace (min/max per pixel column). */
    uint32_t cols_serial;
    double cols_x0, cols_x1;
    int cols_n;
    float cols_min[OTDR_COLS_MAX], cols_max[OTDR_COLS_MAX];
    uint32_t over_serial;
    int over_n;
    float over_min[OTDR_COLS_MAX], over_max[OTDR_COLS_MAX];
    /* Last export ("app:export"): what to tell the trainee, until when. */
    char saved_msg[320];
    bool saved_ok;
    double saved_until_s;
} OtdrScene;

/* Instrument colours (dark screen, high contrast). */
extern const SDL_Color otdr_bg, otdr_screen, otdr_grid, otdr_grid_major, otdr_trace_col, otdr_text,
    otdr_text_dim, otdr_cursor_a, otdr_cursor_b, otdr_key, otdr_key_line, otdr_key_on, otdr_sel;

/* scene_otdr.c */
/* Where everything lands for a picture area (env->area, env->gfx's scale). */
OtdrLayout otdr_scene_layout(const ModuleSceneEnv *env);
void otdr_zone_add(OtdrScene *sc, SDL_FRect r, const char *id, bool enabled);
/* A key of the instrument: rounded rectangle with a centred label (and an
 * optional icon left of it), registered as a zone. */
void otdr_key_draw(OtdrScene *sc, const ModuleSceneEnv *env, SDL_FRect r, const char *id, const char *label,
                   GfxIcon icon, bool on, bool enabled);
/* Text in a box: middle-aligned, shrunk if needed. */
void otdr_label(Gfx *g, const char *s, SDL_FRect r, float pt, GfxFont font, SDL_Color c, GfxAlign align);
/* Number with the language's decimal separator. */
void otdr_num(double v, int decimals, char *out, size_t n);
/* Distance: "1 234,5 m" below 10 km, else "12,345 km". */
void otdr_distance_text(double m, char *out, size_t n);

/* scene_otdr_plot.c */
void otdr_draw_header(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v);
void otdr_draw_plot(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v);
void otdr_draw_overview(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v);
void otdr_draw_readout(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v);
/* Event type icon: reflective, non-reflective, gainer, end. */
void otdr_event_icon(Gfx *g, const OtdrEvent *e, SDL_FRect box, SDL_Color c);

/* scene_otdr_panel.c */
void otdr_draw_panel(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v);
/* The rows of a list of n shown in k lines so that sel stays visible. */
size_t otdr_first_row(int sel, size_t n, size_t k);

#endif
