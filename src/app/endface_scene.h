/*
 * endface_scene.h - the end-face exercise's pictures, shared by its files
 * only (endface_scene.c: the ModuleScene; endface_micro.c: the probe's
 * microscope view; endface_bench.c: the bench with the cord, the port, the
 * probe and the cleaning tools; endface_panel.c: status and feedback text).
 *
 * The scene draws the module's read-only view (endface_state.h). Its own
 * settings - the probe's focus and brightness, the side the bench buttons
 * act on, where the pointer is - follow the recorded input events through
 * observe(), so a replay shows the same picture. Focus and brightness keys
 * (+/- and Page Up/Down: focus; Up/Down arrows: light) and the on-screen
 * focus wheel and light buttons send key actions the module ignores.
 */
#ifndef FIBRESIM_ENDFACE_SCENE_H
#define FIBRESIM_ENDFACE_SCENE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "endface_image.h"
#include "fibresim/endface_state.h"
#include "fibresim/scenario.h"
#include "gfx.h"
#include "module_scene.h"

/* Field of view of the round picture at 200x and 400x. */
#define EFS_FOV_200_UM 600.0
#define EFS_FOV_400_UM 300.0
/* Focus: one key press or wheel notch moves the focal plane this much; the
 * error is kept within +-EFS_FOCUS_MAX_UM. Sharp enough within EFS_FOCUS_OK_UM. */
#define EFS_FOCUS_STEP_UM 2.0
#define EFS_FOCUS_MAX_UM 40.0
#define EFS_FOCUS_OK_UM 3.0
/* Drag on the focus wheel: pixels (design points) per focus step. */
#define EFS_WHEEL_STEP_PT 9.0f
/* Last stroke trail kept after release, fading. */
#define EFS_GHOST_POINTS 256
#define EFS_GHOST_S 1.5

typedef enum EfsControl { EFS_CTL_NONE, EFS_CTL_WHEEL, EFS_CTL_BUTTON } EfsControl;

/* A probe picture and its texture, both redone only when needed. */
typedef struct EfsPicture {
    EfImage image;
    SDL_Texture *tex;             /* owned */
    SDL_Renderer *renderer;       /* the renderer tex belongs to (borrowed) */
    int size;
    bool ok;                      /* tex shows image for the last update */
} EfsPicture;

/* Brings the picture of face f with parameters p up to date in its texture.
 * Returns pic->ok. */
bool efs_picture_update(EfsPicture *pic, SDL_Renderer *r, const Endface *f, const EfImageParams *p);
void efs_picture_finish(EfsPicture *pic);

/* The bench's still layer (endface_bench.c), and what it was drawn for. */
typedef struct EfsStill {
    SDL_Texture *tex;             /* owned; NULL when not made */
    SDL_Renderer *renderer;       /* borrowed */
    int w, h;
    float px_per_mm, text_scale;
    EndfaceType type;
    bool port_lc;                 /* the port takes an LC (1.25 mm ferrule) */
    char lang[8];
} EfsStill;

typedef struct EfScene {
    const Scenario *scn;          /* borrowed, outlives the scene */
    bool hints;
    bool auto_grader;             /* the probe may show its own PASS/FAIL (see endface_scene.c) */
    /* probe settings and picks, from the recorded events (observe) */
    double focus_um;              /* focal plane from the face: the focus error */
    int brightness;               /* EFIMAGE_BRIGHTNESS_MIN..MAX */
    EndfaceSide selected;         /* side the bench buttons act on */
    bool pointer_known;
    double pointer_x_mm, pointer_y_mm;  /* last bench position of the pointer */
    /* the microscope picture, and the probe's screen on the bench */
    EfsPicture micro;
    EfsPicture thumb;
    EfsStill still;
    bool probe_used;              /* the probe has been on a connector */
    EndfaceSide probe_side;       /* the last one */
    uint64_t probe_hash;          /* its face then (efimage_face_hash) */
    /* feedback timing (presentation only) */
    size_t notes_seen;
    double newest_note_s;         /* env.anim_s when the newest note appeared */
    bool was_pressing;
    EndfaceTool stroke_tool;
    double ghost[EFS_GHOST_POINTS][2];
    size_t ghost_n;
    double ghost_s;               /* when the stroke ended */
    bool ghost_click;             /* the stroke was a full click */
    /* what the last frame showed: to_scene() and control() get no state */
    EndfacePhase drawn_phase;
    int drawn_magnification;
    /* a press held on a control (focus wheel, light buttons) */
    EfsControl ctl;
    float ctl_y;
    bool ctl_moved;
} EfScene;

/* ---- microscope (endface_micro.c) ---- */

typedef struct EfMicroLayout {
    SDL_Rect image;        /* the square picture, image.w == image.h */
    double px_per_um;
    SDL_FRect panel;       /* probe controls and feedback */
    SDL_FRect wheel;       /* focus wheel */
    SDL_FRect light_minus, light_plus;
    SDL_FRect zoom_out, zoom_in;
} EfMicroLayout;

void efmicro_layout(const ModuleSceneEnv *env, int magnification, EfMicroLayout *out /* OUT */);
/* Pixel -> um on the face; false outside the round field. */
bool efmicro_to_um(const EfMicroLayout *l, int px, int py, double *x_um, double *y_um);
/* um -> pixel (continuous coordinates). */
SDL_FPoint efmicro_to_px(const EfMicroLayout *l, double x_um, double y_um);
void efmicro_draw(EfScene *s, const ModuleSceneEnv *env, const EndfaceView *v);
/* Focus error at the start of an inspection: the probe never lands in focus. */
double efmicro_start_focus_um(EndfaceSide side, uint32_t inspections_before);
/* The picture's controls: see ModuleScene.control. */
bool efmicro_control(EfScene *s, const ModuleSceneEnv *env, InputKind kind, int px, int py, InputEvent *out,
                     size_t *n_out);

/* ---- bench (endface_bench.c) ---- */

typedef struct EfBenchLayout {
    SDL_FRect bench;       /* EF_BENCH_W_MM x EF_BENCH_H_MM */
    float px_per_mm;
    SDL_FRect panel;
} EfBenchLayout;

void efbench_layout(const ModuleSceneEnv *env, EfBenchLayout *out /* OUT */);
bool efbench_to_mm(const EfBenchLayout *l, int px, int py, double *x_mm, double *y_mm);
SDL_FPoint efbench_to_px(const EfBenchLayout *l, double x_mm, double y_mm);
/* The panel's rows of the two sides (under the cleaning heading if any). */
void efbench_side_rows(Gfx *g, const EfBenchLayout *l, bool heading, SDL_FRect rows[EF_SIDE_COUNT]);
/* Which side's connector is at (x, y) mm on the bench, if any. */
bool efbench_side_at(double x_mm, double y_mm, EndfaceSide *side /* OUT */);
void efbench_draw(EfScene *s, const ModuleSceneEnv *env, const EndfaceView *v);
/* Frees the bench's still layer. */
void efbench_still_finish(EfScene *s);

/* ---- text pieces (endface_panel.c) ---- */

/* One note in the trainee's language. */
void efpanel_note_text(const EndfaceNote *n, const char *lang, char *out, size_t cap);
/* Whether a note of the module is shown during the attempt: every note with
 * hints; in an exam (no hints) only the safety warning and the click
 * cleaner's "no click" (the result explains the rest at the end). */
bool efpanel_note_shown(const EfScene *s, EndfaceNoteCode code);
/* How many of the view's notes are shown. */
size_t efpanel_notes_shown(const EfScene *s, const EndfaceView *v);
/* The newest shown notes (up to max_notes), newest first, in box; the newest
 * is highlighted while fresh. Returns the height used. */
float efpanel_notes(const EfScene *s, Gfx *g, SDL_FRect box, const EndfaceView *v, const char *lang,
                    size_t max_notes, bool fresh);
/* A side's state in words with its icon: not inspected, PASS, FAIL, to inspect again. */
void efpanel_side_status(Gfx *g, SDL_FRect row, const EndfaceView *v, EndfaceSide side, bool selected);
/* The probe's own PASS/FAIL banner in rect, text of size_pt design points. */
void efpanel_grader_banner(Gfx *g, SDL_FRect rect, const Endface *face, float size_pt);
/* A fresh "never look into a connector" note, in red over the picture. */
void efpanel_safety(Gfx *g, SDL_FRect over, const EndfaceView *v, const char *lang);
/* Whether the probe's auto-grader result may be shown for this side now. */
bool efpanel_grader_visible(const EfScene *s, const EndfaceView *v, EndfaceSide side);

#endif
