/*
 * splice_scene.h - the fusion splicing exercise's picture (front end only),
 * private to the src/app/splice_scene*.c files.
 *
 * The picture is a 3D bench drawn with gfx3d (no OpenGL) plus 2D feedback,
 * and the splicer's own screen when it is showing something. It reads the
 * module's SpliceView and never changes it.
 *
 * World coordinates (gfx3d, millimetres): X = bench x (to the right),
 * Y = height above the bench top, Z = -bench y (bench y goes away from the
 * trainee, so the camera sits at +Z looking towards -Z).
 *
 * Files:
 *   splice_scene.c          ModuleScene glue: state, to_scene, buttons, prompt, draw order
 *   splice_scene_place.c    work surfaces (heights), bench <-> world, pointer picking
 *   splice_scene_camera.c   camera shots per step, framing and smoothing
 *   splice_scene_models.c   the still bench (table, mats, cleaver, bin, splicer, cassette)
 *   splice_scene_flat.c     big flat faces filled as pixel rows (fast on the software renderer)
 *   splice_scene_parts.c    the moving meshes (fibres, sleeve, tools, lids, offcuts)
 *   splice_scene_marks.c    2D at bench points; marks printed on the mat and the stations
 *   splice_scene_overlay.c  2D feedback: stripper on the ruler, wipe, loupe, glints, notices
 *   splice_scene_screen.c   the splicer's screen (X and Y views, readouts)
 *   splice_scene_motor.c    its motor keys for manual core alignment (touch)
 */
#ifndef FIBRESIM_SPLICE_SCENE_H
#define FIBRESIM_SPLICE_SCENE_H

#include <SDL.h>
#include <cglm/cglm.h>
#include <stdbool.h>
#include <stdint.h>

#include "fibresim/splice.h"
#include "gfx.h"
#include "gfx3d.h"
#include "module_scene.h"

/* ---- work surfaces (splice_scene_place.c) ------------------------------------ */

/* Heights (mm above the bench top) of the surfaces things lie on. A fibre
 * lying on one has its axis at that height, so what is drawn there and what
 * the pointer picks there are the same point. */
#define SPLICE_H_MAT 2.0f
#define SPLICE_H_TRAY 3.0f          /* the rubber tray under the cleaver (the module's cleaver area) */
#define SPLICE_H_CLEAVER 30.0f      /* the cleaver's top, where its groove is */
#define SPLICE_H_SCRAP 40.0f
#define SPLICE_H_SPLICER 50.0f
#define SPLICE_H_CASSETTE 6.0f

/* The cleaver body on its tray, local to the cleaver frame (mm): the
 * smallest block that holds the groove, the blade travel and the knob. */
#define SPLICE_CLEAVER_LX0 (-52.0)
#define SPLICE_CLEAVER_LX1 40.0
#define SPLICE_CLEAVER_LY0 (-32.0)
#define SPLICE_CLEAVER_LY1 38.0

/* The splicer body's footprint (bench mm): wider than the module's splicer
 * rectangle, which only covers the fibre path. */
#define SPLICE_BODY_Y0 112.0
#define SPLICE_BODY_Y1 292.0

/* Height of the surface at a bench point (0 off every station). */
float splice_scene_surface_h(double x_mm, double y_mm);
/* Bench point at a height -> world point. */
void splice_scene_world(double x_mm, double y_mm, float h_mm, vec3 out /* OUT */);
/* Pixel -> bench mm on the first surface the view ray meets (the surface
 * the trainee sees under the pointer). False if the ray misses the bench. */
bool splice_scene_pick(const Gfx3d *cam, float px, float py, double *x_mm /* OUT */, double *y_mm /* OUT */);
/* The same, with the height of the point found (a side of a station seen
 * from the side is not at its surface height). */
bool splice_scene_pick_h(const Gfx3d *cam, float px, float py, double *x_mm /* OUT */, double *y_mm /* OUT */,
                         float *h_mm /* OUT */);
/* Bench point on its surface -> pixel (the inverse of splice_scene_pick for
 * visible points). */
bool splice_scene_project(const Gfx3d *cam, double x_mm, double y_mm, SDL_FPoint *out /* OUT */);

/* ---- camera (splice_scene_camera.c) ------------------------------------------ */

typedef enum SpliceShot {
    SPLICE_SHOT_MAT,        /* mat and cleaver: sleeve, strip, clean, carry to the cleaver */
    SPLICE_SHOT_CLEAVER,    /* cleaver, scrap container and splicer */
    SPLICE_SHOT_SPLICER,    /* splicer from the front: loading, sleeve */
    SPLICE_SHOT_SCREEN,     /* close on the splicer while its screen shows */
    SPLICE_SHOT_HEATER,     /* the heater at the back of the splicer */
    SPLICE_SHOT_CASSETTE,   /* the cassette, from above */
    SPLICE_SHOT_COUNT
} SpliceShot;

/* A camera as a few numbers that animate well. */
typedef struct SpliceCam {
    float cx, cy, ch;       /* look-at point: bench mm and height */
    float dist_mm;          /* eye to look-at point */
    float elev_deg;         /* above the horizontal */
    float yaw_deg;          /* turn about the vertical (0 = straight from the front) */
} SpliceCam;

/* What a shot frames. */
typedef struct SpliceFrame {
    float x0, y0, x1, y1;   /* bench rectangle (mm) */
    float h_mm;             /* height of what stands on it */
    float elev_deg;         /* view from above the horizontal */
    float yaw_deg;          /* turn about the vertical (0 = from the front) */
} SpliceFrame;

/* The camera that fits a frame in a viewport of aspect ratio w / h. */
void splice_cam_fit(const SpliceFrame *f, float aspect, SpliceCam *out /* OUT */);
/* Moves cam towards goal over dt_s (exponential, about 0.2 s); snaps when
 * close. Returns true when cam equals goal. */
bool splice_cam_approach(SpliceCam *cam, const SpliceCam *goal, double dt_s);
void splice_cam_to_gfx(const SpliceCam *c, Gfx3dCamera *out /* OUT */);
bool splice_cam_equal(const SpliceCam *a, const SpliceCam *b);
/* The shot a state asks for. */
SpliceShot splice_shot_for(const SpliceView *v);
/* Its frame, widened to keep loose glass offcuts and the scrap container in view. */
void splice_frame_for(const SpliceView *v, SpliceFrame *out /* OUT */);
void splice_frame_of_shot(SpliceShot shot, SpliceFrame *out /* OUT */);

/* ---- meshes (splice_scene_models.c, splice_scene_parts.c) ------------------ */

/* A flat horizontal face: a convex polygon of bench points at a height. */
#define SPLICE_FLAT_MAX_PTS 24
typedef struct SpliceFlat {
    int n;
    double x[SPLICE_FLAT_MAX_PTS], y[SPLICE_FLAT_MAX_PTS];
    float h_mm;
    SDL_Color color;        /* before lighting */
} SpliceFlat;

void splice_flat_rect(SpliceFlat *f /* OUT */, double x0, double y0, double x1, double y1, float h_mm, SDL_Color c);
void splice_flat_disc(SpliceFlat *f /* OUT */, double cx, double cy, double r, float h_mm, SDL_Color c);
/* Fills the face seen by cam, lit like gfx3d lights an upward face, inside
 * clip (pixels), as pixel rows (fast on the software renderer). False if a
 * corner is behind the camera (nothing drawn). */
bool splice_flat_draw(SDL_Renderer *r, const Gfx3d *cam, const SpliceFlat *f, SDL_Rect clip);

/* A station: its top (a flat) and its sides and attachments. */
typedef struct SpliceStill {
    SpliceFlat top;
    Gfx3dMesh sides;
} SpliceStill;

#define SPLICE_FLATS_MAX 8
#define SPLICE_STATIONS 3

/* The still bench, drawn in this order so that the painter's sort never has
 * to order a small part against a big face it stands on: the flats, the low
 * edges, each station back to front (top, then sides), the details. */
typedef struct SpliceModels {
    SpliceFlat flats[SPLICE_FLATS_MAX]; /* table, anti-static mat, cutting mat, cleaver tray, cassette floor */
    int n_flats;
    Gfx3dMesh low;          /* their edges */
    SpliceStill station[SPLICE_STATIONS]; /* splicer, cleaver, scrap container */
    Gfx3dMesh details;      /* what stands on the tops: grooves, electrodes, holders, keys, rims */
} SpliceModels;

/* Builds every still mesh once. False on OOM (nothing kept). */
bool splice_models_build(SpliceModels *m /* OUT */);
void splice_models_finish(SpliceModels *m); /* fine on a zeroed struct */

/* What the hand holds and where, for the moving parts (from the pointer
 * events the exercise passes on). */
typedef enum SpliceHold {
    SPLICE_HOLD_NONE,
    SPLICE_HOLD_FIBRE,      /* carrying fibre `item` gripped at u = grip_u */
    SPLICE_HOLD_OFFCUT,     /* carrying offcut `item` */
    SPLICE_HOLD_BLADE,      /* pushing the cleaver blade */
    SPLICE_HOLD_STRIP,      /* stripper closed at u = grip_u on the mat fibre */
    SPLICE_HOLD_WIPE,       /* wipe pinched at u = grip_u on the mat fibre */
    SPLICE_HOLD_SLEEVE,     /* sliding the sleeve */
    SPLICE_HOLD_COIL,       /* drawing the coil */
    SPLICE_HOLD_EMPTY       /* pressed on nothing */
} SpliceHold;

#define SPLICE_TRAIL_MAX 512

typedef struct SplicePointer {
    bool known;             /* an event has been seen */
    bool down;
    int32_t pointer_id;     /* the pointer that pressed */
    double x_mm, y_mm;      /* latest position */
    double press_x_mm, press_y_mm;
    SpliceHold hold;
    int item;
    double grip_u;          /* fibre coordinate gripped (mm from the end, <= 0) */
    double offcut_dx, offcut_dy; /* press point minus the offcut's near end */
    /* Path since the press (coil, wipe stroke), >= 0.5 mm apart. */
    double trail_x[SPLICE_TRAIL_MAX], trail_y[SPLICE_TRAIL_MAX];
    int n_trail;
} SplicePointer;

/* Moving parts of one frame: opaque ones appended to mesh, see-through ones
 * (drawn after, blended) to clear. */
typedef struct SplicePartsCtx {
    const SpliceView *v;
    const SplicePointer *p;
} SplicePartsCtx;

/* False on OOM (the meshes keep what they had). */
bool splice_parts_build(const SplicePartsCtx *c, Gfx3dMesh *mesh /* appended */, Gfx3dMesh *clear /* appended */);

/* Fibre geometry shared by the parts and the overlays: the bench position of
 * a fibre's end and the direction of its cable (-1: cable to -x, +1: to +x). */
typedef struct SpliceFibrePose {
    bool shown;
    double tip_x_mm, y_mm;
    int cable_dir;
    float h_mm;             /* surface height at the end */
} SpliceFibrePose;

/* Where fibre side is drawn: on its station, or in the hand with the
 * gripped point under the pointer (as the module will lay it). */
void splice_fibre_pose(const SpliceView *v, const SplicePointer *p, int side, SpliceFibrePose *out /* OUT */);

/* ---- manual alignment: the motor keys (splice_scene_motor.c) --------------- */

/* Keys beside the splicer's X and Y views, as on a core-alignment splicer's
 * touch screen: each moves the right fibre up or down in its view, one
 * alignment step (the module's key action) per press; held down, it repeats. */
enum { SPLICE_MOTOR_X_UP, SPLICE_MOTOR_X_DOWN, SPLICE_MOTOR_Y_UP, SPLICE_MOTOR_Y_DOWN, SPLICE_MOTOR_KEYS };
#define SPLICE_MOTOR_POINTERS 11     /* mouse + 10 fingers, as the exercise numbers them */
#define SPLICE_MOTOR_DELAY_TICKS 40  /* held 0.4 s, a key starts repeating */
#define SPLICE_MOTOR_EVERY_TICKS 8   /* then a step every 80 ms (12.5 per second) */

/* Pixel size of a key: a finger's width (THEME_BUTTON_H scaled, never
 * below THEME_TOUCH_MIN_PX). */
float splice_motor_key_px(const Gfx *g);
/* Width the keys take right of views view_h pixels high. */
float splice_motor_strip_w(const Gfx *g, float view_h);
/* The key action motor key k sends (the arrow keys' actions). */
InputAction splice_motor_action(int k);

/* ---- the scene object (splice_scene.c) ------------------------------------- */

typedef struct SpliceScene {
    const Scenario *scn;    /* borrowed */
    bool hints;
    bool have_strip_band;   /* the rubric's strip length band, for the ruler (hints) */
    double strip_ok_min_mm, strip_ok_max_mm;
    SpliceModels models;
    Gfx3dMesh parts;        /* rebuilt each frame: opaque moving parts */
    Gfx3dMesh parts_clear;  /* and the see-through ones (sleeve, fingertip) */
    Gfx3d *g3;              /* owned: draws */
    Gfx3d *pick;            /* owned: the camera of the last frame, for to_scene */
    bool drawn;
    SDL_Rect area;          /* of the last frame */
    SpliceCam cam, goal;
    bool cam_valid;
    double last_anim_s;
    /* static layer: the bench and stations drawn once per camera */
    SDL_Texture *layer;     /* owned */
    int layer_w, layer_h;
    SpliceCam layer_cam;
    bool layer_valid;
    double layer_cleave_mm;
    float layer_scale;      /* text and layout scale the layer was drawn at */
    bool redraw_still;      /* redraw the layer every frame (measuring a camera glide) */
    /* the splicer screen, drawn once per state */
    SDL_Texture *screen;    /* owned */
    int screen_w, screen_h;
    uint64_t screen_key;
    SplicePointer ptr;
    /* feedback timing (animation only) */
    int splices_done;
    double arc_at_s;
    double wipe_x0, wipe_x1, wipe_at_s; /* last wipe stroke, for a fading trace */
    bool wipe_pending;      /* a stroke ended since the last frame */
    /* manual alignment keys, as drawn in the last frame (for control()) */
    bool motor_shown;
    SDL_FRect motor_key[SPLICE_MOTOR_KEYS];
    int motor_held[SPLICE_MOTOR_POINTERS]; /* key each pointer holds, -1 none */
} SpliceScene;

/* Motor keys (splice_scene_motor.c). Draws the keys right of the two views
 * (pixel rects) and remembers where they are. */
void splice_motor_draw(SpliceScene *s, Gfx *g, const SDL_FRect views[2]);
/* ModuleScene.control and .control_held for the keys (see module_scene.h). */
bool splice_motor_control(SpliceScene *s, InputKind kind, int pointer, int px, int py, InputEvent *out,
                          size_t *n_out);
void splice_motor_held(SpliceScene *s, int pointer, uint32_t ticks_held, InputEvent *out, size_t *n_out);

/* 2D at bench points (splice_scene_marks.c). */
/* Bench point at a height -> pixel; false if behind the camera. */
bool splice_proj(const Gfx3d *cam, double x, double y, float h, SDL_FPoint *out /* OUT */);
/* Line of w pixels between two bench points. */
void splice_line3(Gfx *g, const Gfx3d *cam, double x0, double y0, float h0, double x1, double y1, float h1, float w,
                  SDL_Color c);
/* A rectangle lying at height h. */
void splice_quad3(Gfx *g, const Gfx3d *cam, double x0, double y0, double x1, double y1, float h, SDL_Color c);
/* Pixels per mm along x at a bench point (for sizes that follow the zoom). */
float splice_px_per_mm(const Gfx3d *cam, double x, double y, float h);

/* Marks printed on the stations (mat grid and ruler, cleaver scale, scrap
 * lid), drawn with the still bench: low = those on the mats (before the
 * stations are drawn), else those on the stations' tops. cam is the camera
 * of the still layer. */
void splice_overlay_printed(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v, bool low);
/* 2D feedback over the 3D picture, every frame. */
void splice_overlay_draw(SpliceScene *s, const ModuleSceneEnv *env, const SpliceView *v);
/* The last notice, over everything for a few seconds. */
void splice_overlay_notice(SpliceScene *s, const ModuleSceneEnv *env, const SpliceView *v);
/* The splicer screen (splice_scene_screen.c), inside rect. */
void splice_screen_draw(SpliceScene *s, const ModuleSceneEnv *env, const SpliceView *v, SDL_FRect rect);

/* Coating colour of a fibre (colour code: left 1 blue, right 2 orange). */
SDL_Color splice_coat_color(int side);
/* "1,4" or "1.4" with the language's decimal separator. */
void splice_fmt(char *out, size_t n, double value, int decimals);

#endif
