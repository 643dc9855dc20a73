/*
 * endface_bench.c - the bench seen from above, in the module's millimetres
 * (endface_state.h: origin at the lower-left corner, +y away from the
 * trainee): the patch cord, the bulkhead port on its panel, the video probe
 * with its screen, and the cleaning tools at the places the module measures
 * gestures on (reel cassette lanes, lint-free wipe in 20 mm areas, solvent
 * pen, click cleaner).
 *
 * Feedback on each gesture: the tool in hand follows the pointer; the
 * stroke draws its trail, which fades after release; used cassette lanes
 * and wipe areas stay marked; the solvent drop shows as a wet spot; a click
 * cleaner pushed far enough shows its "click".
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "endface_scene.h"
#include "i18n.h"
#include "theme.h"

/* Where things lie on the bench, mm (the cloth places are the module's). */
#define CORD_TIP_X 118.0
#define CORD_Y 195.0
#define PORT_X 330.0
#define PORT_Y 200.0
#define TABLET_X0 140.0
#define TABLET_Y0 160.0
#define TABLET_X1 240.0
#define TABLET_Y1 240.0
#define PEN_X 318.0
#define CLICK_X 351.0
/* Tap areas of the two connectors. */
static const double cord_area[4] = {30.0, 172.0, 128.0, 218.0};  /* x0 y0 x1 y1 */
static const double port_area[4] = {300.0, 170.0, 360.0, 230.0};

/* ---- layout ----------------------------------------------------------------- */

void efbench_layout(const ModuleSceneEnv *env, EfBenchLayout *out)
{
    float sc = gfx_layout_scale(env->gfx);
    SDL_FRect a = {(float)env->area.x, (float)env->area.y, (float)env->area.w, (float)env->area.h};
    float m = 12.0f * sc;
    float panel_min = fminf(fmaxf(a.w * 0.26f, 300.0f * sc), a.w * 0.42f);
    float avail_w = a.w - panel_min - 3.0f * m, avail_h = a.h - 2.0f * m;
    float ppm = fminf(avail_w / (float)EF_BENCH_W_MM, avail_h / (float)EF_BENCH_H_MM);
    if (ppm < 0.1f) ppm = 0.1f;
    float bw = ppm * (float)EF_BENCH_W_MM, bh = ppm * (float)EF_BENCH_H_MM;
    /* the bench and the panel side by side, the pair centred */
    float panel_w = fminf(a.w - bw - 3.0f * m, 470.0f * sc);
    float x0 = a.x + (a.w - (bw + m + panel_w)) * 0.5f;
    out->px_per_mm = ppm;
    /* a whole-pixel origin: the cached still layer lines up with what is drawn live */
    out->bench = (SDL_FRect){floorf(x0), floorf(a.y + (a.h - bh) * 0.5f), bw, bh};
    out->panel = (SDL_FRect){x0 + bw + m, a.y + m, panel_w, a.h - 2.0f * m};
}

bool efbench_to_mm(const EfBenchLayout *l, int px, int py, double *x_mm, double *y_mm)
{
    *x_mm = ((double)px + 0.5 - (double)l->bench.x) / (double)l->px_per_mm;
    *y_mm = ((double)l->bench.y + (double)l->bench.h - ((double)py + 0.5)) / (double)l->px_per_mm;
    return *x_mm >= 0.0 && *x_mm <= EF_BENCH_W_MM && *y_mm >= 0.0 && *y_mm <= EF_BENCH_H_MM;
}

SDL_FPoint efbench_to_px(const EfBenchLayout *l, double x_mm, double y_mm)
{
    return (SDL_FPoint){l->bench.x + (float)x_mm * l->px_per_mm,
                        l->bench.y + l->bench.h - (float)y_mm * l->px_per_mm};
}

static bool in_area(const double a[4], double x, double y)
{
    return x >= a[0] && x <= a[2] && y >= a[1] && y <= a[3];
}

bool efbench_side_at(double x_mm, double y_mm, EndfaceSide *side)
{
    if (in_area(cord_area, x_mm, y_mm)) {
        *side = EF_SIDE_PATCH;
        return true;
    }
    if (in_area(port_area, x_mm, y_mm)) {
        *side = EF_SIDE_PORT;
        return true;
    }
    return false;
}

/* ---- drawing helpers (mm in, pixels out) -------------------------------------- */

typedef struct Pen {
    Gfx *g;
    const EfBenchLayout *l;
} Pen;

static SDL_FRect mm_rect(const Pen *p, double x0, double y0, double x1, double y1)
{
    SDL_FPoint a = efbench_to_px(p->l, x0, y1), b = efbench_to_px(p->l, x1, y0);
    return (SDL_FRect){a.x, a.y, b.x - a.x, b.y - a.y};
}

static void box(const Pen *p, double x0, double y0, double x1, double y1, double radius_mm, SDL_Color c)
{
    gfx_fill_rounded(p->g, mm_rect(p, x0, y0, x1, y1), (float)radius_mm * p->l->px_per_mm, c);
}

/* A bar from (x, y) along direction (ux, uy) between distances d0 and d1,
 * half_w0 wide at d0 and half_w1 at d1 (a taper). */
static void bar(const Pen *p, double x, double y, double ux, double uy, double d0, double d1, double half_w0,
                double half_w1, SDL_Color c)
{
    double nx = -uy, ny = ux;
    SDL_FPoint q[4] = {
        efbench_to_px(p->l, x + ux * d0 + nx * half_w0, y + uy * d0 + ny * half_w0),
        efbench_to_px(p->l, x + ux * d1 + nx * half_w1, y + uy * d1 + ny * half_w1),
        efbench_to_px(p->l, x + ux * d1 - nx * half_w1, y + uy * d1 - ny * half_w1),
        efbench_to_px(p->l, x + ux * d0 - nx * half_w0, y + uy * d0 - ny * half_w0),
    };
    gfx_fill_convex(p->g, q, 4, c);
}

static void disc(const Pen *p, double x, double y, double r_mm, SDL_Color c)
{
    SDL_FPoint q = efbench_to_px(p->l, x, y);
    gfx_fill_circle(p->g, q.x, q.y, (float)r_mm * p->l->px_per_mm, c);
}

static void arrow(const Pen *p, double x0, double y0, double x1, double y1, double head_mm, float width_px,
                  SDL_Color c)
{
    double dx = x1 - x0, dy = y1 - y0, len = hypot(dx, dy);
    if (len <= 0.0) return;
    double ux = dx / len, uy = dy / len;
    SDL_FPoint a = efbench_to_px(p->l, x0, y0), b = efbench_to_px(p->l, x1 - ux * head_mm * 0.6, y1 - uy * head_mm * 0.6);
    gfx_line(p->g, a.x, a.y, b.x, b.y, width_px, c);
    SDL_FPoint t = efbench_to_px(p->l, x1, y1);
    SDL_FPoint l = efbench_to_px(p->l, x1 - ux * head_mm - uy * head_mm * 0.55, y1 - uy * head_mm + ux * head_mm * 0.55);
    SDL_FPoint r = efbench_to_px(p->l, x1 - ux * head_mm + uy * head_mm * 0.55, y1 - uy * head_mm - ux * head_mm * 0.55);
    gfx_fill_triangle(p->g, t, l, r, c);
}

/* A label on the bench, centred on (x, y) mm and at most max_w_mm wide: with
 * a large text setting it gets smaller rather than run into its neighbour. */
static void label(const Pen *p, const char *text, double x_mm, double y_mm, double max_w_mm, SDL_Color c)
{
    float size = THEME_TEXT_SMALL - 3;
    float max_w = (float)max_w_mm * p->l->px_per_mm;
    SDL_FPoint sz = gfx_text_measure(p->g, text, GFX_FONT_BOLD, size);
    if (sz.x > max_w && sz.x > 0.0f) {
        size = fmaxf(size * max_w / sz.x, 8.0f);
    }
    SDL_FPoint q = efbench_to_px(p->l, x_mm, y_mm);
    float lh = gfx_line_height(p->g, GFX_FONT_BOLD, size);
    gfx_text_at(p->g, text, q.x, q.y - lh * 0.5f, GFX_FONT_BOLD, size, c, GFX_ALIGN_CENTER);
}

static uint32_t hash_u(uint32_t a, uint32_t b)
{
    uint32_t h = a * 0x9e3779b1u ^ (b + 0x7f4a7c15u) * 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

static const SDL_Color white_text = {250, 250, 250, 255};
static const SDL_Color shadow = {0, 0, 0, 70};

/* Connector colours by the trade's code: blue UPC, green APC, beige multimode. */
static SDL_Color housing_colour(EndfaceType t)
{
    switch (t) {
    case ENDFACE_SM_APC: return (SDL_Color){40, 150, 70, 255};
    case ENDFACE_MM: return (SDL_Color){214, 196, 160, 255};
    case ENDFACE_SM_UPC:
    case ENDFACE_TYPE_COUNT:
    default: return (SDL_Color){30, 90, 200, 255};
    }
}

static SDL_Color cable_colour(EndfaceType t)
{
    return t == ENDFACE_MM ? (SDL_Color){40, 190, 200, 255} : (SDL_Color){240, 205, 40, 255};
}

/* ---- the objects ------------------------------------------------------------- */

static void draw_mat(const Pen *p)
{
    box(p, 0, 0, EF_BENCH_W_MM, EF_BENCH_H_MM, 6.0, (SDL_Color){58, 82, 78, 255});
    SDL_Color grid = {72, 98, 93, 255};
    for (double x = 25.0; x < EF_BENCH_W_MM; x += 25.0) {
        SDL_FPoint a = efbench_to_px(p->l, x, 2.0), b = efbench_to_px(p->l, x, EF_BENCH_H_MM - 2.0);
        gfx_line(p->g, a.x, a.y, b.x, b.y, 1.0f, grid);
    }
    for (double y = 25.0; y < EF_BENCH_H_MM; y += 25.0) {
        SDL_FPoint a = efbench_to_px(p->l, 2.0, y), b = efbench_to_px(p->l, EF_BENCH_W_MM - 2.0, y);
        gfx_line(p->g, a.x, a.y, b.x, b.y, 1.0f, grid);
    }
}

static void draw_cassette_still(const Pen *p)
{
    box(p, 28, 34, 176, 98, 4.0, shadow);
    box(p, 26, 36, 174, 96, 4.0, (SDL_Color){40, 44, 52, 255});
    /* lever on the left: pressed, it advances fresh cloth */
    box(p, 14, 56, 27, 76, 2.0, (SDL_Color){120, 126, 134, 255});
    for (int k = 0; k < 4; k++) {
        SDL_FPoint a = efbench_to_px(p->l, 16, 60 + 4 * k), b = efbench_to_px(p->l, 25, 60 + 4 * k);
        gfx_line(p->g, a.x, a.y, b.x, b.y, 1.0f, (SDL_Color){80, 84, 90, 255});
    }
    for (int i = 0; i < EF_CASSETTE_LANES; i++) {
        double y0 = EF_CASSETTE_LANE_Y0_MM + i * EF_CASSETTE_LANE_PITCH_MM, y1 = y0 + EF_CASSETTE_LANE_H_MM;
        box(p, EF_CASSETTE_X0_MM - 2, y0 - 2, EF_CASSETTE_X1_MM + 2, y1 + 2, 1.5, (SDL_Color){24, 26, 30, 255});
        box(p, EF_CASSETTE_X0_MM, y0, EF_CASSETTE_X1_MM, y1, 1.0, (SDL_Color){240, 240, 232, 255});
        /* the arrow printed on the cassette: wipe this way (+x) */
        arrow(p, EF_CASSETTE_X1_MM + 2, y0 + 5, EF_CASSETTE_X1_MM + 12, y0 + 5, 4.0, fmaxf(2.0f, gfx_px(p->g, 2.5f)),
              (SDL_Color){110, 190, 255, 255});
    }
    label(p, _("Cassette"), 70, 42, 80, white_text);
}

static void draw_cassette_state(const Pen *p, const EndfaceView *v, bool active, double anim_s)
{
    for (int i = 0; i < EF_CASSETTE_LANES; i++) {
        double y0 = EF_CASSETTE_LANE_Y0_MM + i * EF_CASSETTE_LANE_PITCH_MM, y1 = y0 + EF_CASSETTE_LANE_H_MM;
        if (v->cassette_lane_used[i]) {
            /* a used lane keeps the grey streak of what it picked up */
            box(p, EF_CASSETTE_X0_MM, y0, EF_CASSETTE_X1_MM, y1, 1.0, (SDL_Color){208, 202, 186, 255});
            SDL_FPoint a = efbench_to_px(p->l, EF_CASSETTE_X0_MM + 6, (y0 + y1) * 0.5),
                       b = efbench_to_px(p->l, EF_CASSETTE_X1_MM - 6, (y0 + y1) * 0.5);
            gfx_line(p->g, a.x, a.y, b.x, b.y, fmaxf(2.0f, 3.0f * p->l->px_per_mm), (SDL_Color){160, 152, 136, 200});
            for (uint32_t k = 0; k < 7; k++) {
                uint32_t h = hash_u(v->cassette_section * 2u + (uint32_t)i, k);
                double x = EF_CASSETTE_X0_MM + 8 + (double)(h % 1040u) / 10.0;
                double y = y0 + 2 + (double)((h >> 12) % 60u) / 10.0;
                disc(p, x, y, 0.7, (SDL_Color){90, 84, 76, 255});
            }
        }
        if (active) {
            /* the lanes to wipe on pulse gently */
            Uint8 a = (Uint8)(120 + 100 * (0.5 + 0.5 * sin(anim_s * 4.0)));
            gfx_stroke_rounded(p->g, mm_rect(p, EF_CASSETTE_X0_MM, y0, EF_CASSETTE_X1_MM, y1),
                               p->l->px_per_mm, fmaxf(2.0f, gfx_px(p->g, 2.0f)), (SDL_Color){80, 200, 255, a});
        }
    }
    char sec[32];
    snprintf(sec, sizeof sec, "#%u", v->cassette_section + 1u);
    label(p, sec, 150, 42, 30, (SDL_Color){180, 186, 194, 255});
}

static void wipe_grid(const Pen *p, SDL_Color c)
{
    double x0 = EF_WIPE_X0_MM, y0 = EF_WIPE_Y0_MM, s = EF_WIPE_SIZE_MM, cell = s / EF_WIPE_CELLS;
    for (int k = 1; k < EF_WIPE_CELLS; k++) {
        SDL_FPoint a = efbench_to_px(p->l, x0 + k * cell, y0 + 1), b = efbench_to_px(p->l, x0 + k * cell, y0 + s - 1);
        gfx_line(p->g, a.x, a.y, b.x, b.y, 1.0f, c);
        a = efbench_to_px(p->l, x0 + 1, y0 + k * cell);
        b = efbench_to_px(p->l, x0 + s - 1, y0 + k * cell);
        gfx_line(p->g, a.x, a.y, b.x, b.y, 1.0f, c);
    }
}

static void draw_wipe_still(const Pen *p)
{
    double x0 = EF_WIPE_X0_MM, y0 = EF_WIPE_Y0_MM, s = EF_WIPE_SIZE_MM;
    box(p, x0 + 2, y0 - 2, x0 + s + 2, y0 + s - 2, 1.0, shadow);
    box(p, x0, y0, x0 + s, y0 + s, 1.0, (SDL_Color){246, 247, 250, 255});
    /* the 20 mm areas, faintly: one per stroke */
    wipe_grid(p, (SDL_Color){214, 218, 226, 255});
    label(p, _("Lint-free wipe"), x0 + s * 0.5, y0 + s + 7, 104, white_text);
}

static void draw_wipe_state(const Pen *p, const EndfaceView *v, bool active)
{
    double x0 = EF_WIPE_X0_MM, y0 = EF_WIPE_Y0_MM, cell = EF_WIPE_SIZE_MM / EF_WIPE_CELLS;
    for (int cx = 0; cx < EF_WIPE_CELLS; cx++) {
        for (int cy = 0; cy < EF_WIPE_CELLS; cy++) {
            if (!v->wipe_cell_used[cx][cy]) continue;
            double ax = x0 + cx * cell, ay = y0 + cy * cell;
            box(p, ax + 1, ay + 1, ax + cell - 1, ay + cell - 1, 1.0, (SDL_Color){214, 214, 206, 255});
            SDL_FPoint a = efbench_to_px(p->l, ax + 4, ay + cell * 0.5), b = efbench_to_px(p->l, ax + cell - 4, ay + cell * 0.5);
            gfx_line(p->g, a.x, a.y, b.x, b.y, fmaxf(2.0f, 2.0f * p->l->px_per_mm), (SDL_Color){170, 166, 152, 200});
        }
    }
    if (active) {
        wipe_grid(p, (SDL_Color){120, 170, 220, 255});
    }
    if (v->wet_spot) {
        disc(p, v->wet_x_mm, v->wet_y_mm, EF_WET_SPOT_RADIUS_MM, (SDL_Color){90, 160, 230, 110});
        disc(p, v->wet_x_mm, v->wet_y_mm, EF_WET_SPOT_RADIUS_MM * 0.55, (SDL_Color){90, 160, 230, 90});
    }
}

/* Solvent pen: tip at (x, y), body along (ux, uy). */
static void draw_pen_at(const Pen *p, double x, double y, double ux, double uy)
{
    bar(p, x + 1.5, y - 1.5, ux, uy, 0, 90, 5, 5, shadow);
    bar(p, x, y, ux, uy, 0, 6, 1.2, 3.0, (SDL_Color){200, 205, 210, 255});
    bar(p, x, y, ux, uy, 6, 72, 5, 5, (SDL_Color){245, 245, 248, 255});
    bar(p, x, y, ux, uy, 72, 90, 5.5, 5.5, (SDL_Color){40, 110, 200, 255});
}

/* Click cleaner: nozzle tip at (x, y), body along (ux, uy). */
static void draw_click_at(const Pen *p, double x, double y, double ux, double uy, double pushed_mm)
{
    bar(p, x + 2, y - 2, ux, uy, 0, 100, 9, 9, shadow);
    bar(p, x, y, ux, uy, 0, 12, 2.2, 3.0, (SDL_Color){150, 156, 164, 255});
    /* the collar slides back as it is pushed home */
    double c = 12 + fmin(pushed_mm, EF_CLICK_TRAVEL_MM);
    bar(p, x, y, ux, uy, 12, c + 6, 5.5, 5.5, (SDL_Color){60, 64, 72, 255});
    bar(p, x, y, ux, uy, c + 6, 100, 9, 9, (SDL_Color){250, 196, 40, 255});
    bar(p, x, y, ux, uy, 60, 66, 9.2, 9.2, (SDL_Color){30, 90, 200, 255});
}

/* Connectors are drawn about twice their size so that they read on the
 * bench; an LC (1.25 mm ferrule) keeps the real proportions to an SC
 * (2.5 mm): half the ferrule, a narrower housing. */
#define LC_FERRULE_SCALE 0.5
#define LC_HOUSING_SCALE 0.65

/* A connector held ferrule down at (x, y), seen from above at an angle. */
static void draw_held_connector(const Pen *p, double x, double y, EndfaceType t, bool lc)
{
    double ux = -0.5, uy = 0.866;
    double fk = lc ? LC_FERRULE_SCALE : 1.0, hk = lc ? LC_HOUSING_SCALE : 1.0;
    bar(p, x + 3, y - 3, ux, uy, 0, 48, 6 * hk, 6 * hk, shadow);
    SDL_FPoint a = efbench_to_px(p->l, x + ux * 46, y + uy * 46), b = efbench_to_px(p->l, x + ux * 110, y + uy * 110);
    gfx_line(p->g, a.x, a.y, b.x, b.y, fmaxf(3.0f, 3.0f * p->l->px_per_mm), cable_colour(t));
    bar(p, x, y, ux, uy, 30, 48, 5 * hk, 2.5, (SDL_Color){30, 30, 34, 255});
    bar(p, x, y, ux, uy, 7, 30, 6.5 * hk, 6.5 * hk, housing_colour(t));
    bar(p, x, y, ux, uy, 0, 8, 1.8 * fk, 1.8 * fk, (SDL_Color){246, 243, 232, 255});
}

/* The patch cord lying on the bench, ferrule to the right. */
static void draw_cord(const Pen *p, EndfaceType t, bool lc, bool in_hand)
{
    SDL_Color cable = cable_colour(t);
    SDL_FPoint pts[16];
    for (int i = 0; i < 16; i++) {
        double u = (double)i / 15.0;
        double x = u * 62.0, y = 150.0 + 45.0 * (1.0 - (1.0 - u) * (1.0 - u));
        pts[i] = efbench_to_px(p->l, x, y);
    }
    gfx_polyline(p->g, pts, in_hand ? 8 : 16, fmaxf(3.0f, 3.0f * p->l->px_per_mm), cable);
    if (in_hand) {
        return;
    }
    double fk = lc ? LC_FERRULE_SCALE : 1.0, hk = lc ? LC_HOUSING_SCALE : 1.0;
    SDL_Color inner = {(Uint8)(housing_colour(t).r * 0.8), (Uint8)(housing_colour(t).g * 0.8),
                       (Uint8)(housing_colour(t).b * 0.8), 255};
    /* the housing's back edge: 80 mm for an SC, further forward for an LC */
    double back = 108 - 28 * hk;
    box(p, 64, CORD_Y - 9 * hk - 1, 110, CORD_Y + 8 * hk - 1, 2.0, shadow);
    bar(p, 62, CORD_Y, 1, 0, 0, back - 62, 2.5, 5 * hk, (SDL_Color){30, 30, 34, 255});
    box(p, back, CORD_Y - 8 * hk, 108, CORD_Y + 8 * hk, 1.5, housing_colour(t));
    box(p, back + 3 * hk, CORD_Y - 5 * hk, 105, CORD_Y + 5 * hk, 1.0, inner);
    if (lc) {
        /* the LC latch on top of the housing */
        box(p, back + 2, CORD_Y + 8 * hk - 0.5, 104, CORD_Y + 8 * hk + 2, 0.8, inner);
    }
    box(p, 108, CORD_Y - 2.5 * fk, CORD_TIP_X, CORD_Y + 2.5 * fk, 1.0 * fk, (SDL_Color){246, 243, 232, 255});
}

static void draw_port(const Pen *p, EndfaceType t, bool lc)
{
    double fk = lc ? LC_FERRULE_SCALE : 1.0, hk = lc ? LC_HOUSING_SCALE : 1.0;
    box(p, 264, 158, 400, 242, 3.0, shadow);
    box(p, 262, 160, 398, 240, 3.0, (SDL_Color){150, 156, 164, 255});
    for (int k = 0; k < 2; k++) {
        disc(p, 272, 170 + 60 * k, 2.5, (SDL_Color){110, 114, 120, 255});
        disc(p, 388, 170 + 60 * k, 2.5, (SDL_Color){110, 114, 120, 255});
    }
    /* a second, empty adapter beside it: the panel of a real termination box */
    box(p, 358, PORT_Y - 13, 384, PORT_Y + 13, 2.0, (SDL_Color){120, 126, 134, 255});
    box(p, 365, PORT_Y - 6, 377, PORT_Y + 6, 1.0, (SDL_Color){60, 62, 66, 255});
    box(p, PORT_X - 13 * hk, PORT_Y - 13 * hk, PORT_X + 13 * hk, PORT_Y + 13 * hk, 2.0, housing_colour(t));
    box(p, PORT_X - 7 * hk, PORT_Y - 7 * hk, PORT_X + 7 * hk, PORT_Y + 7 * hk, 1.0, (SDL_Color){20, 22, 26, 255});
    disc(p, PORT_X, PORT_Y, 1.6 * fk, (SDL_Color){236, 232, 220, 255});
}

static void draw_probe_still(const Pen *p)
{
    /* handpiece and its cable to the screen */
    SDL_FPoint a = efbench_to_px(p->l, 187, 150), b = efbench_to_px(p->l, 190, TABLET_Y0);
    gfx_line(p->g, a.x, a.y, b.x, b.y, fmaxf(2.0f, 2.0f * p->l->px_per_mm), (SDL_Color){30, 30, 34, 255});
    bar(p, 187, 100, 0, 1, 0, 52, 6, 6, shadow);
    bar(p, 187, 102, 0, 1, 0, 10, 2.5, 4.5, (SDL_Color){170, 176, 184, 255});
    bar(p, 187, 102, 0, 1, 10, 50, 6, 6, (SDL_Color){50, 54, 62, 255});
    bar(p, 187, 102, 0, 1, 24, 30, 6.2, 6.2, (SDL_Color){214, 104, 0, 255});
    /* the screen */
    box(p, TABLET_X0 + 2, TABLET_Y0 - 2, TABLET_X1 + 2, TABLET_Y1 - 2, 5.0, shadow);
    box(p, TABLET_X0, TABLET_Y0, TABLET_X1, TABLET_Y1, 5.0, (SDL_Color){30, 32, 36, 255});
    box(p, TABLET_X0 + 5, TABLET_Y0 + 5, TABLET_X1 - 5, TABLET_Y1 - 12, 2.0, (SDL_Color){8, 9, 11, 255});
    label(p, _("Probe"), (TABLET_X0 + TABLET_X1) * 0.5, TABLET_Y1 - 6, 90, (SDL_Color){200, 204, 210, 255});
}

static void draw_probe_screen(EfScene *s, const Pen *p, const EndfaceView *v, SDL_Renderer *r)
{
    /* the last picture the probe took, while that face has not changed since */
    EndfaceSide side = s->probe_side;
    const Endface *face = v->sides[side].face;
    if (s->probe_used && face && efimage_face_hash(face) == s->probe_hash) {
        SDL_FRect scr = mm_rect(p, TABLET_X0 + 5, TABLET_Y0 + 5, TABLET_X1 - 5, TABLET_Y1 - 12);
        int d = (int)(fminf(scr.w, scr.h) - 4.0f) & ~1;
        SDL_Rect dst = {(int)(scr.x + (scr.w - (float)d) * 0.5f), (int)(scr.y + (scr.h - (float)d) * 0.5f), d, d};
        double fov = v->magnification >= 400 ? EFS_FOV_400_UM : EFS_FOV_200_UM;
        EfImageParams ip = {d, (double)d / fov, s->focus_um, s->brightness, v->overlay};
        if (d < 16 || !efs_picture_update(&s->thumb, r, face, &ip)) {
            return;
        }
        SDL_RenderCopy(r, s->thumb.tex, NULL, &dst);
        if (efpanel_grader_visible(s, v, side)) {
            /* the probe's verdict: a coloured frame and its sign (words in the panel) */
            IecGrade grade;
            iec_grade(face, &grade, NULL);
            SDL_Color c = grade.passed ? theme.ok : theme.fail;
            float w = fmaxf(2.0f, gfx_px(p->g, 3.0f));
            gfx_stroke_rounded(p->g, (SDL_FRect){(float)dst.x - w, (float)dst.y - w, (float)d + 2 * w, (float)d + 2 * w},
                               w, w, c);
            float is = (float)d * 0.3f;
            SDL_FRect ib = {(float)(dst.x + d) - is * 0.8f, (float)(dst.y + d) - is * 0.8f, is, is};
            gfx_fill_circle(p->g, ib.x + is * 0.5f, ib.y + is * 0.5f, is * 0.5f, c);
            gfx_icon(p->g, grade.passed ? GFX_ICON_CHECK : GFX_ICON_CROSS,
                     (SDL_FRect){ib.x + is * 0.2f, ib.y + is * 0.2f, is * 0.6f, is * 0.6f}, theme.on_primary);
        }
    }
}

static void draw_tag(const Pen *p, const char *text, double x_mm, double y_mm, bool selected)
{
    Gfx *g = p->g;
    float size = THEME_TEXT_SMALL - 2;
    SDL_FPoint sz = gfx_text_measure(g, text, GFX_FONT_BOLD, size);
    SDL_FPoint c = efbench_to_px(p->l, x_mm, y_mm);
    float pad = gfx_px(g, 8.0f);
    SDL_FRect r = {c.x - sz.x * 0.5f - pad, c.y - sz.y * 0.5f - pad * 0.4f, sz.x + 2 * pad, sz.y + pad * 0.8f};
    gfx_fill_rounded(g, r, r.h * 0.5f, selected ? theme.focus : (SDL_Color){255, 255, 255, 230});
    gfx_text_at(g, text, c.x, r.y + pad * 0.4f, GFX_FONT_BOLD, size, selected ? theme.on_primary : theme.text,
                GFX_ALIGN_CENTER);
}

static void draw_selection(const Pen *p, EndfaceSide side, double anim_s)
{
    const double *a = side == EF_SIDE_PATCH ? cord_area : port_area;
    Uint8 alpha = (Uint8)(170 + 85 * (0.5 + 0.5 * sin(anim_s * 3.0)));
    SDL_Color c = theme.focus;
    c.a = alpha;
    gfx_stroke_rounded(p->g, mm_rect(p, a[0], a[1], a[2], a[3]), 4.0f * p->l->px_per_mm,
                       fmaxf(3.0f, gfx_px(p->g, 3.0f)), c);
}

/* ---- gestures ------------------------------------------------------------------ */

/* How far a click-cleaner path was pushed forward (+y) and strayed aside. */
static void push_of(const double (*pts)[2], size_t n, double *push_mm, double *side_mm)
{
    *push_mm = 0.0;
    *side_mm = 0.0;
    for (size_t i = 1; i < n; i++) {
        *push_mm = fmax(*push_mm, pts[i][1] - pts[0][1]);
        *side_mm = fmax(*side_mm, fabs(pts[i][0] - pts[0][0]));
    }
}

static bool full_click(const double (*pts)[2], size_t n)
{
    double push, side;
    push_of(pts, n, &push, &side);
    return push >= EF_CLICK_TRAVEL_MM && side <= EF_CLICK_SIDEWAYS_MM;
}

static void draw_trail(const Pen *p, const double (*pts)[2], size_t n, float alpha)
{
    if (n < 2 || alpha <= 0.0f) return;
    SDL_FPoint buf[EFS_GHOST_POINTS];
    size_t step = n > EFS_GHOST_POINTS ? (n + EFS_GHOST_POINTS - 1) / EFS_GHOST_POINTS : 1;
    size_t m = 0;
    for (size_t i = 0; i < n && m < EFS_GHOST_POINTS; i += step) {
        buf[m++] = efbench_to_px(p->l, pts[i][0], pts[i][1]);
    }
    if (m < EFS_GHOST_POINTS) buf[m++] = efbench_to_px(p->l, pts[n - 1][0], pts[n - 1][1]);
    Uint8 a = (Uint8)(235.0f * alpha);
    gfx_polyline(p->g, buf, m, fmaxf(5.0f, gfx_px(p->g, 6.0f)), (SDL_Color){0, 0, 0, (Uint8)(a / 3)});
    gfx_polyline(p->g, buf, m, fmaxf(3.0f, gfx_px(p->g, 4.0f)), (SDL_Color){60, 220, 255, a});
    gfx_fill_circle(p->g, buf[0].x, buf[0].y, fmaxf(4.0f, gfx_px(p->g, 6.0f)), (SDL_Color){60, 220, 255, a});
}

static void draw_click_burst(const Pen *p, double x, double y, float alpha)
{
    SDL_FPoint c = efbench_to_px(p->l, x + 22, y + 14);
    float r = gfx_px(p->g, 30.0f);
    Uint8 a = (Uint8)(255.0f * alpha);
    for (int k = 0; k < 8; k++) {
        float ang = (float)k * 0.785398f;
        gfx_line(p->g, c.x + cosf(ang) * r * 0.75f, c.y + sinf(ang) * r * 0.75f, c.x + cosf(ang) * r * 1.15f,
                 c.y + sinf(ang) * r * 1.15f, fmaxf(2.0f, gfx_px(p->g, 3.0f)), (SDL_Color){255, 220, 60, a});
    }
    gfx_fill_circle(p->g, c.x, c.y, r * 0.7f, (SDL_Color){255, 220, 60, a});
    float lh = gfx_line_height(p->g, GFX_FONT_BOLD, THEME_TEXT_SMALL - 2);
    gfx_text_at(p->g, _("Click!"), c.x, c.y - lh * 0.5f, GFX_FONT_BOLD, THEME_TEXT_SMALL - 2,
                (SDL_Color){40, 30, 0, a}, GFX_ALIGN_CENTER);
}

/* Where the hand is: the pressed path's end, else the last pointer seen, else
 * a place next to the tool's work area. */
static void hand_at(const EfScene *s, const EndfaceView *v, double *x, double *y)
{
    if (v->pressing && v->path_count > 0) {
        *x = v->path_mm[v->path_count - 1][0];
        *y = v->path_mm[v->path_count - 1][1];
    } else if (s->pointer_known) {
        *x = s->pointer_x_mm;
        *y = s->pointer_y_mm;
    } else if (v->tool == EF_TOOL_CASSETTE) {
        *x = EF_CASSETTE_X0_MM + 4;
        *y = EF_CASSETTE_LANE_Y0_MM + 5;
    } else if (v->tool == EF_TOOL_WET_KIT) {
        *x = EF_WIPE_X0_MM + 30;
        *y = EF_WIPE_Y0_MM + 30;
    } else {
        *x = CLICK_X - 40;
        *y = 60;
    }
}

static void draw_in_hand(const EfScene *s, const Pen *p, const EndfaceView *v, EndfaceType type)
{
    double x, y;
    hand_at(s, v, &x, &y);
    bool port = v->side == EF_SIDE_PORT;
    bool lc = v->sides[EF_SIDE_PATCH].face->ferrule == ENDFACE_FERRULE_1_25;
    switch (v->tool) {
    case EF_TOOL_CLICK: {
        double push = 0.0, side = 0.0;
        if (v->pressing && v->path_count > 1) push_of(v->path_mm, v->path_count, &push, &side);
        draw_click_at(p, x, y, 0, -1, push);
        if (v->pressing && v->path_count > 1 && full_click(v->path_mm, v->path_count)) {
            draw_click_burst(p, x, y, 1.0f);
        }
        break;
    }
    case EF_TOOL_WET_KIT:
    case EF_TOOL_CASSETTE:
        if (v->tool == EF_TOOL_WET_KIT && !v->wet_spot) {
            draw_pen_at(p, x, y, 0.35, 0.94); /* the solvent drop first */
        } else if (port) {
            /* a wipe on a port: nothing to hold, just where the hand goes */
            SDL_FPoint c = efbench_to_px(p->l, x, y);
            gfx_stroke_circle(p->g, c.x, c.y, gfx_px(p->g, 12.0f), fmaxf(2.0f, gfx_px(p->g, 3.0f)), theme.focus);
        } else {
            draw_held_connector(p, x, y, type, lc);
        }
        break;
    case EF_TOOL_NONE:
    case EF_TOOL_COUNT:
    default:
        break;
    }
}

/* ---- the panel ------------------------------------------------------------------- */

void efbench_side_rows(Gfx *g, const EfBenchLayout *l, bool heading, SDL_FRect rows[EF_SIDE_COUNT])
{
    float sc = gfx_layout_scale(g);
    SDL_FRect p = l->panel;
    float x = p.x + 10.0f * sc, w = p.w - 20.0f * sc, y = p.y + 10.0f * sc;
    if (heading) {
        y += gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY) + 8.0f * sc;
    }
    float row = fmaxf(THEME_TOUCH_MIN_PX, 2.0f * gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_SMALL) + 12.0f * sc);
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        rows[i] = (SDL_FRect){x, y, w, row};
        y += row + 6.0f * sc;
    }
}

static void draw_panel(EfScene *s, Gfx *g, const EfBenchLayout *l, const EndfaceView *v, const char *lang, bool fresh)
{
    SDL_FRect p = l->panel;
    float sc = gfx_layout_scale(g);
    gfx_fill_rounded(g, p, gfx_px(g, THEME_RADIUS), theme.panel);
    float x = p.x + 10.0f * sc, w = p.w - 20.0f * sc;
    float bottom = p.y + p.h - 8.0f * sc;
    bool heading = v->phase == EF_PHASE_CLEANING;
    if (heading) {
        const char *what = v->side == EF_SIDE_PORT ? _("Cleaning the port") : _("Cleaning the patch cord");
        float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY);
        GfxTextStyle hs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
        hs.shrink = true;
        gfx_text(g, what, (SDL_FRect){x, p.y + 10.0f * sc, w, lh}, &hs);
    }
    /* each side's state; on the bench a tap on a row picks that side */
    SDL_FRect rows[EF_SIDE_COUNT];
    efbench_side_rows(g, l, heading, rows);
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        bool sel = v->phase == EF_PHASE_BENCH ? s->selected == (EndfaceSide)i
                                              : v->phase == EF_PHASE_CLEANING && v->side == (EndfaceSide)i;
        efpanel_side_status(g, rows[i], v, (EndfaceSide)i, sel);
    }
    float y = rows[EF_SIDE_COUNT - 1].y + rows[EF_SIDE_COUNT - 1].h + 6.0f * sc;
    const Endface *probed = v->sides[s->probe_side].face;
    if (s->probe_used && efpanel_grader_visible(s, v, s->probe_side) && efimage_face_hash(probed) == s->probe_hash) {
        float bh = gfx_px(g, 38.0f);
        efpanel_grader_banner(g, (SDL_FRect){x, y + 4.0f * sc, w, bh}, probed, THEME_TEXT_SMALL);
        y += bh + 10.0f * sc;
    }
    y += 6.0f * sc;
    if (y < bottom) {
        efpanel_notes(s, g, (SDL_FRect){x, y, w, bottom - y}, v, lang, 3, fresh);
    }
}

/* ---- the frame -------------------------------------------------------------------- */

/* What never moves (mat, cassette, wipe, port panel, probe, labels) is drawn
 * once into a texture and copied each frame: the software renderer then
 * rasterises only what changes. */
static void draw_still(const Pen *p, EndfaceType type, bool port_lc)
{
    draw_mat(p);
    draw_cassette_still(p);
    draw_wipe_still(p);
    label(p, _("Solvent"), PEN_X, 36, 34, white_text);
    label(p, _("Click cleaner"), CLICK_X, 146, 2 * (EF_BENCH_W_MM - CLICK_X) - 4, white_text);
    draw_port(p, type, port_lc);
    draw_probe_still(p);
}

static bool still_layer(EfScene *s, const ModuleSceneEnv *env, const EfBenchLayout *l, EndfaceType type,
                        bool port_lc)
{
    EfsStill *st = &s->still;
    int w = (int)ceilf(l->bench.w), h = (int)ceilf(l->bench.h);
    float text_scale = gfx_text_scale(env->gfx);
    bool same = st->tex && st->renderer == env->renderer && st->w == w && st->h == h && st->px_per_mm == l->px_per_mm
                && st->type == type && st->port_lc == port_lc && st->text_scale == text_scale && strncmp(st->lang, env->lang, sizeof st->lang) == 0;
    if (same) {
        return true;
    }
    if (st->tex && (st->renderer != env->renderer || st->w != w || st->h != h)) {
        SDL_DestroyTexture(st->tex);
        st->tex = NULL;
    }
    if (!st->tex) {
        st->tex = SDL_CreateTexture(env->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!st->tex) {
            return false;
        }
        SDL_SetTextureBlendMode(st->tex, SDL_BLENDMODE_NONE);
        st->renderer = env->renderer;
        st->w = w;
        st->h = h;
    }
    SDL_Texture *old = SDL_GetRenderTarget(env->renderer);
    if (SDL_SetRenderTarget(env->renderer, st->tex) != 0) {
        SDL_DestroyTexture(st->tex);
        st->tex = NULL;
        return false;
    }
    /* the scene's background under the mat's rounded corners: copied opaque */
    SDL_SetRenderDrawColor(env->renderer, theme.scene_bg.r, theme.scene_bg.g, theme.scene_bg.b, 255);
    SDL_RenderClear(env->renderer);
    EfBenchLayout local = *l;
    local.bench.x = 0.0f;
    local.bench.y = 0.0f;
    Pen p = {env->gfx, &local};
    draw_still(&p, type, port_lc);
    SDL_SetRenderTarget(env->renderer, old);
    SDL_RenderSetClipRect(env->renderer, &env->area);
    st->px_per_mm = l->px_per_mm;
    st->type = type;
    st->port_lc = port_lc;
    st->text_scale = text_scale;
    snprintf(st->lang, sizeof st->lang, "%s", env->lang);
    return true;
}

void efbench_still_finish(EfScene *s)
{
    if (s->still.tex) {
        SDL_DestroyTexture(s->still.tex);
    }
    memset(&s->still, 0, sizeof s->still);
}

void efbench_draw(EfScene *s, const ModuleSceneEnv *env, const EndfaceView *v)
{
    Gfx *g = env->gfx;
    EfBenchLayout l;
    efbench_layout(env, &l);
    Pen p = {g, &l};
    EndfaceType type = v->sides[EF_SIDE_PATCH].face->type;
    bool lc = v->sides[EF_SIDE_PATCH].face->ferrule == ENDFACE_FERRULE_1_25;
    bool port_lc = v->sides[EF_SIDE_PORT].face->ferrule == ENDFACE_FERRULE_1_25;
    bool cleaning = v->phase == EF_PHASE_CLEANING;
    bool cord_in_hand = cleaning && v->side == EF_SIDE_PATCH
                        && (v->tool == EF_TOOL_CASSETTE || (v->tool == EF_TOOL_WET_KIT && v->wet_spot));
    if (still_layer(s, env, &l, type, port_lc)) {
        SDL_Rect dst = {(int)l.bench.x, (int)l.bench.y, s->still.w, s->still.h};
        SDL_RenderCopy(env->renderer, s->still.tex, NULL, &dst);
    } else {
        draw_still(&p, type, port_lc); /* no target textures: draw it all each frame */
    }
    draw_cassette_state(&p, v, cleaning && v->tool == EF_TOOL_CASSETTE, env->anim_s);
    draw_wipe_state(&p, v, cleaning && v->tool == EF_TOOL_WET_KIT);
    if (!(cleaning && v->tool == EF_TOOL_WET_KIT && !v->wet_spot)) {
        draw_pen_at(&p, PEN_X, 44, 0, 1);
    }
    if (!(cleaning && v->tool == EF_TOOL_CLICK)) {
        draw_click_at(&p, CLICK_X, 130, 0, -1, 0.0);
    }
    if (v->phase == EF_PHASE_CONNECTED) {
        draw_held_connector(&p, PORT_X, PORT_Y, type, lc);
    } else {
        draw_cord(&p, type, lc, cord_in_hand);
    }
    draw_probe_screen(s, &p, v, env->renderer);
    if (v->phase == EF_PHASE_BENCH) {
        draw_selection(&p, s->selected, env->anim_s);
    }
    draw_tag(&p, _("Patch cord"), 80, 222, v->phase == EF_PHASE_BENCH ? s->selected == EF_SIDE_PATCH
                                                                      : cleaning && v->side == EF_SIDE_PATCH);
    draw_tag(&p, _("Port"), PORT_X, 233, v->phase == EF_PHASE_BENCH ? s->selected == EF_SIDE_PORT
                                                                    : cleaning && v->side == EF_SIDE_PORT);
    /* the gesture: live trail, else the last one fading */
    if (v->pressing) {
        draw_trail(&p, v->path_mm, v->path_count, 1.0f);
    } else if (s->ghost_n > 1) {
        double age = env->anim_s - s->ghost_s;
        if (age >= 0.0 && age < EFS_GHOST_S) {
            float fade = (float)(1.0 - age / EFS_GHOST_S);
            draw_trail(&p, (const double(*)[2])s->ghost, s->ghost_n, fade);
            if (s->stroke_tool == EF_TOOL_CLICK && full_click((const double(*)[2])s->ghost, s->ghost_n)) {
                draw_click_burst(&p, s->ghost[s->ghost_n - 1][0], s->ghost[s->ghost_n - 1][1], fade);
            }
        }
    }
    if (cleaning) {
        /* the tool in hand stays on the bench */
        SDL_Rect clip = {(int)l.bench.x, (int)l.bench.y, (int)l.bench.w, (int)l.bench.h};
        SDL_IntersectRect(&clip, &env->area, &clip);
        SDL_RenderSetClipRect(env->renderer, &clip);
        draw_in_hand(s, &p, v, type);
        SDL_RenderSetClipRect(env->renderer, &env->area);
    }
    bool fresh = env->anim_s - s->newest_note_s < 6.0;
    draw_panel(s, g, &l, v, env->lang, fresh);
    if (fresh) {
        efpanel_safety(g, l.bench, v, env->lang);
    }
}
