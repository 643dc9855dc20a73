/*
 * splice_scene_overlay.c - the 2D feedback over the splicing bench.
 *
 * Every frame (the printed marks are in splice_scene_marks.c): the
 * stripper's position on the ruler, the wipe's
 * stroke, glass offcuts (a glint, and a warning where one lies loose), the
 * cleaver loupe (coating edge against the mark, magnified), the heater's
 * display, the coil, the tool in hand, hint markers (beginner scenarios
 * only) and the last notice.
 *
 * Everything is placed by projecting bench points with the camera of the
 * picture, so marks sit exactly on what they describe.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/core.h"
#include "i18n.h"
#include "splice_scene.h"
#include "theme.h"

static const SDL_Color WHITE = {255, 255, 255, 255};
static const SDL_Color INK = {20, 32, 43, 255};
static const SDL_Color AMBER = {255, 186, 40, 255};
static const SDL_Color HINT = {255, 214, 64, 255};
static const SDL_Color GOOD = {60, 200, 120, 255};
static const SDL_Color MARK_RED = {226, 40, 36, 255};

/* Text with a dark halo so it reads on any background. */
static SDL_FPoint label(Gfx *g, const char *s, float x, float y, float pt, SDL_Color c, GfxAlign al)
{
    SDL_FPoint sz = gfx_text_measure(g, s, GFX_FONT_BOLD, pt);
    float pad = gfx_px(g, 5.0f);
    float lx = al == GFX_ALIGN_CENTER ? x - sz.x * 0.5f : al == GFX_ALIGN_RIGHT ? x - sz.x : x;
    gfx_fill_rounded(g, (SDL_FRect){lx - pad, y - pad * 0.5f, sz.x + 2 * pad, sz.y + pad}, pad,
                     (SDL_Color){12, 20, 30, 200});
    return gfx_text_at(g, s, x, y, GFX_FONT_BOLD, pt, c, al);
}

/* ---- per-frame feedback -------------------------------------------------------- */

static float pulse(double t)
{
    return 0.5f + 0.5f * (float)sin(t * 5.0);
}

/* A ring lying on a surface, pulsing: "here". */
static void ring3(Gfx *g, const Gfx3d *cam, double x, double y, double r_mm, double t, SDL_Color c)
{
    float h = splice_scene_surface_h(x, y) + 0.3f;
    SDL_FPoint pts[33];
    size_t n = 0;
    double r = r_mm * (1.0 + 0.15 * (double)pulse(t));
    for (int i = 0; i <= 32; i++) {
        double a = 2.0 * M_PI * i / 32.0;
        if (splice_proj(cam, x + r * cos(a), y + r * sin(a), h, &pts[n])) n++;
    }
    c.a = (Uint8)(150 + 100 * pulse(t));
    if (n >= 2) gfx_polyline(g, pts, n, gfx_px(g, 3.0f), c);
}

/* An arrow on a surface from (x0,y0) to (x1,y1). */
static void arrow3(Gfx *g, const Gfx3d *cam, double x0, double y0, double x1, double y1, float h, SDL_Color c)
{
    SDL_FPoint a, b;
    if (!splice_proj(cam, x0, y0, h, &a) || !splice_proj(cam, x1, y1, h, &b)) return;
    float w = gfx_px(g, 4.0f);
    gfx_line(g, a.x, a.y, b.x, b.y, w, c);
    float dx = b.x - a.x, dy = b.y - a.y, l = hypotf(dx, dy);
    if (l < 1.0f) return;
    dx /= l;
    dy /= l;
    float s = gfx_px(g, 14.0f);
    SDL_FPoint tip = {b.x + dx * s * 0.4f, b.y + dy * s * 0.4f};
    SDL_FPoint l1 = {b.x - dx * s * 0.6f - dy * s * 0.6f, b.y - dy * s * 0.6f + dx * s * 0.6f};
    SDL_FPoint r1 = {b.x - dx * s * 0.6f + dy * s * 0.6f, b.y - dy * s * 0.6f - dx * s * 0.6f};
    gfx_fill_triangle(g, tip, l1, r1, c);
}

static const char *tool_name(SpliceTool t)
{
    switch (t) {
    case SPLICE_TOOL_STRIPPER: return _("Stripper");
    case SPLICE_TOOL_WIPE: return _("Alcohol wipe");
    case SPLICE_TOOL_HAND:
    default: return _("Hand");
    }
}

static void stripper_feedback(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v)
{
    const SpliceBench *b = splice_bench();
    const SplicePointer *p = &s->ptr;
    if (v->tool != SPLICE_TOOL_STRIPPER || !p->known || v->phase != SPLICE_PHASE_PREPARE
        || v->fibre[v->mat_fibre].where != SPLICE_AT_MAT) {
        return;
    }
    bool pulling = p->down && p->hold == SPLICE_HOLD_STRIP;
    double x = pulling ? p->press_x_mm : p->x_mm;
    if (!pulling && (fabs(p->y_mm - b->mat_y) > 12.0 || x > b->mat_x + 2 || x < b->mat_x - 110)) return;
    /* where the jaws close, carried down to the ruler */
    splice_line3(g, cam, x, b->mat_y + 3, SPLICE_H_MAT, x, b->mat_y - 14, SPLICE_H_MAT, gfx_px(g, 2.5f), MARK_RED);
    if (!s->hints) return;
    char t[48], n[16];
    splice_fmt(n, sizeof n, fmax(0.0, b->mat_x - x), 0);
    snprintf(t, sizeof t, _("%s mm"), n);
    SDL_FPoint a;
    if (splice_proj(cam, x, b->mat_y + 6, SPLICE_H_MAT, &a)) {
        label(g, t, a.x, a.y - gfx_px(g, 30.0f), THEME_TEXT_SMALL, WHITE, GFX_ALIGN_CENTER);
    }
}

static void wipe_feedback(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v, double now)
{
    const SpliceBench *b = splice_bench();
    const SplicePointer *p = &s->ptr;
    double x0, x1;
    float alpha;
    if (p->known && p->down && p->hold == SPLICE_HOLD_WIPE) {
        x0 = p->press_x_mm;
        x1 = p->x_mm;
        alpha = 1.0f;
    } else {
        double age = now - s->wipe_at_s;
        if (age < 0.0 || age > 1.5) return;
        x0 = s->wipe_x0;
        x1 = s->wipe_x1;
        alpha = (float)(1.0 - age / 1.5);
    }
    /* towards the end is the right way */
    SDL_Color c = x1 >= x0 ? (SDL_Color){90, 200, 255, 255} : (SDL_Color){255, 110, 90, 255};
    c.a = (Uint8)(210 * alpha);
    if (fabs(x1 - x0) < 1.0) return;
    arrow3(g, cam, x0, b->mat_y + 4, x1, b->mat_y + 4, SPLICE_H_MAT + 0.5f, c);
    (void)v;
}

static void dirt_feedback(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v)
{
    if (!s->hints) return;
    for (int side = 0; side < 2; side++) {
        const SpliceFibreView *f = &v->fibre[side];
        if (f->bare_mm <= 0.0 || (f->clean_strokes > 0 && !f->touched) || f->where == SPLICE_IN_HAND) continue;
        SpliceFibrePose pose;
        splice_fibre_pose(v, &s->ptr, side, &pose);
        if (pose.h_mm == 0.0f) continue;
        float r = fmaxf(1.5f, gfx_px(g, 2.2f));
        for (int k = 1; k < 9; k++) {
            /* specks of coating residue along the glass, fixed places */
            double u = -f->bare_mm * (double)k / 9.0;
            double jitter = ((k * 37) % 7 - 3) * 0.25;
            SDL_FPoint pt;
            if (splice_proj(cam, pose.tip_x_mm - pose.cable_dir * u, pose.y_mm + jitter, pose.h_mm + 0.3f, &pt)) {
                gfx_fill_circle(g, pt.x, pt.y, r, (SDL_Color){150, 96, 40, 230});
            }
        }
    }
}

/* Dirt in the V-grooves: specks on the ceramic, as many as there is dirt. */
static void vgroove_dirt(Gfx *g, const Gfx3d *cam, const SpliceView *v)
{
    const SpliceBench *b = splice_bench();
    int n = (int)lround(v->vgroove_debris * 14.0);
    if (n <= 0 || v->cover_closed) return;
    float r = fmaxf(1.5f, splice_px_per_mm(cam, b->splicer_x, b->splicer_y, SPLICE_H_SPLICER) * 0.35f);
    for (int i = 0; i < n; i++) {
        /* fixed places along both grooves */
        double side = (i % 2) ? 1.0 : -1.0;
        double x = b->splicer_x + side * (b->vgroove_edge_mm + 0.6 + ((i * 37) % 70) / 10.0);
        double y = b->splicer_y + (((i * 53) % 50) - 25) / 10.0;
        SDL_FPoint p;
        if (splice_proj(cam, x, y, SPLICE_H_SPLICER + 0.45f, &p)) gfx_fill_circle(g, p.x, p.y, r, (SDL_Color){70, 52, 30, 255});
    }
}

static void offcut_feedback(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v, double now)
{
    const SpliceBench *b = splice_bench();
    for (int i = 0; i < v->n_offcuts; i++) {
        const SpliceOffcutView *o = &v->offcut[i];
        if (o->binned) continue;
        double x = o->x_mm, y = o->y_mm;
        if (o->carried && s->ptr.known && s->ptr.hold == SPLICE_HOLD_OFFCUT) {
            x = s->ptr.x_mm - s->ptr.offcut_dx;
            y = s->ptr.y_mm - s->ptr.offcut_dy;
        }
        double xm = x + 0.5 * o->length_mm;
        SDL_FPoint c;
        if (!splice_proj(cam, xm, y, splice_scene_surface_h(xm, y) + 0.4f, &c)) continue;
        /* a glint: glass catches the light */
        float r = gfx_px(g, 7.0f) * (0.8f + 0.4f * pulse(now * 0.7 + i));
        SDL_Color gl = {255, 255, 255, 230};
        gfx_line(g, c.x - r, c.y, c.x + r, c.y, 2.0f, gl);
        gfx_line(g, c.x, c.y - r, c.x, c.y + r, 2.0f, gl);
        gfx_fill_circle(g, c.x, c.y, 2.5f, gl);
        bool in_cleaver = x >= b->cleaver.x0 && x <= b->cleaver.x1 && y >= b->cleaver.y0 && y <= b->cleaver.y1;
        if (!o->carried && !in_cleaver) {
            float is = gfx_px(g, 30.0f);
            gfx_icon(g, GFX_ICON_WARNING, (SDL_FRect){c.x - is * 0.5f, c.y - is * 1.6f, is, is}, AMBER);
        }
    }
}

/* The cleaver loupe: the coating edge against the mark, about 12 times life. */
static void loupe(SpliceScene *s, Gfx *g, const ModuleSceneEnv *env, const SpliceView *v)
{
    const SpliceBench *b = splice_bench();
    int side = -1;
    double tip_local = 0.0;
    for (int i = 0; i < 2; i++) {
        if (v->fibre[i].where == SPLICE_AT_CLEAVER) {
            side = i;
            tip_local = v->fibre[i].tip_x_mm;
        }
    }
    if (side < 0 && s->ptr.known && s->ptr.down && s->ptr.hold == SPLICE_HOLD_FIBRE
        && v->fibre[s->ptr.item].where == SPLICE_IN_HAND && s->ptr.x_mm >= b->cleaver.x0 - 40
        && s->ptr.x_mm <= b->cleaver.x1 && s->ptr.y_mm >= b->cleaver.y0 && s->ptr.y_mm <= b->cleaver.y1) {
        SpliceFibrePose pose;
        side = s->ptr.item;
        splice_fibre_pose(v, &s->ptr, side, &pose);
        tip_local = pose.tip_x_mm - b->cleaver_x;
    }
    if (side < 0 || v->phase != SPLICE_PHASE_PREPARE) return;
    const SpliceFibreView *f = &v->fibre[side];
    double edge = tip_local - f->bare_mm;
    float sc = gfx_layout_scale(g);
    /* top left: the far end of the mat, done with once the fibre is at the cleaver */
    SDL_FRect r = {(float)env->area.x + 12 * sc, (float)env->area.y + 12 * sc, fminf(440 * sc, env->area.w * 0.42f),
                   118 * sc};
    gfx_shadow(g, r, 10 * sc, 8 * sc);
    gfx_fill_rounded(g, r, 10 * sc, (SDL_Color){246, 248, 250, 250});
    gfx_stroke_rounded(g, r, 10 * sc, 2 * sc, (SDL_Color){40, 50, 60, 255});
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, INK);
    ts.shrink = true;
    SDL_FRect title = {r.x + 12 * sc, r.y + 6 * sc, r.w - 24 * sc, 24 * sc};
    gfx_text(g, _("Cleaver: coating edge on the mark"), title, &ts);
    /* scale: local x from -26 to +6 mm */
    const double lo = -26.0, hi = 6.0;
    float x0 = r.x + 14 * sc, x1 = r.x + r.w - 14 * sc;
    float gy = r.y + 62 * sc;
    float k = (x1 - x0) / (float)(hi - lo);
#define LX(mm) (x0 + ((float)(mm) - (float)lo) * k)
    for (int d = -4; d <= 24; d++) {
        float x = LX(-d);
        float len = (d % 2 == 0 ? 9 : 5) * sc;
        gfx_line(g, x, gy + 10 * sc, x, gy + 10 * sc + len, 1.2f, INK);
    }
    for (int d = 8; d <= 24; d += 4) {
        char t[8];
        snprintf(t, sizeof t, "%d", d);
        gfx_text_at(g, t, LX(-d), gy + 20 * sc, GFX_FONT_REGULAR, 12, INK, GFX_ALIGN_CENTER);
    }
    float mx = LX(-v->cleave_length_target_mm);
    gfx_line(g, mx, gy - 16 * sc, mx, gy + 20 * sc, 3 * sc, MARK_RED);
    /* the blade */
    gfx_fill_rect(g, (SDL_FRect){LX(0) - 2 * sc, gy - 18 * sc, 4 * sc, 26 * sc}, (SDL_Color){90, 96, 104, 255});
    /* the fibre, clipped to the scale */
    float fe = LX(fmax(lo, fmin(hi, edge))), ft = LX(fmax(lo, fmin(hi, tip_local)));
    if (f->bare_mm > 0.0 && ft > fe) {
        gfx_fill_rect(g, (SDL_FRect){fe, gy - 2 * sc, ft - fe, 4 * sc}, (SDL_Color){150, 200, 220, 255});
    }
    if (fe > x0) {
        gfx_fill_rect(g, (SDL_FRect){x0, gy - 5 * sc, fe - x0, 10 * sc}, splice_coat_color(side));
    }
#undef LX
    if (s->hints) {
        char n[16], t[64];
        splice_fmt(n, sizeof n, -edge, 1);
        snprintf(t, sizeof t, _("edge at %s mm"), n);
        bool on = fabs(-edge - v->cleave_length_target_mm) <= 0.5;
        GfxTextStyle rs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, on ? theme.ok : theme.partial);
        rs.align = GFX_ALIGN_RIGHT;
        rs.shrink = true;
        gfx_text(g, t, (SDL_FRect){r.x + r.w * 0.45f, r.y + r.h - 28 * sc, r.w * 0.55f - 12 * sc, 24 * sc}, &rs);
    }
}

static void heater_display(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v)
{
    const SpliceBench *b = splice_bench();
    if (v->phase != SPLICE_PHASE_HEATING) return;
    SDL_FPoint a;
    if (!splice_proj(cam, b->splicer_x, 262, SPLICE_H_SPLICER + 8.0f, &a)) return;
    float sc = gfx_layout_scale(g);
    float w = 300 * sc, h = 78 * sc;
    SDL_FRect r = {a.x - w * 0.5f, a.y - h - 24 * sc, w, h};
    gfx_fill_rounded(g, r, 8 * sc, (SDL_Color){14, 20, 28, 235});
    double t = v->heater_s, prog = v->heat_program_s;
    char n[16], m[16], line[96];
    bool heating = t < prog;
    if (heating) {
        splice_fmt(n, sizeof n, t, 0);
        splice_fmt(m, sizeof m, prog, 0);
        snprintf(line, sizeof line, _("Heating %s / %s s"), n, m);
    } else {
        splice_fmt(n, sizeof n, t - prog, 0);
        snprintf(line, sizeof line, _("Cooling %s s"), n);
    }
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, heating ? AMBER : (SDL_Color){120, 200, 255, 255});
    ts.shrink = true;
    gfx_text(g, line, (SDL_FRect){r.x + 14 * sc, r.y + 8 * sc, r.w - 28 * sc, 30 * sc}, &ts);
    SDL_FRect bar = {r.x + 14 * sc, r.y + 48 * sc, r.w - 28 * sc, 14 * sc};
    gfx_fill_rounded(g, bar, 4 * sc, (SDL_Color){50, 58, 70, 255});
    float k = prog > 0 ? (float)fmin(1.0, t / prog) : 1.0f;
    bar.w *= k;
    gfx_fill_rounded(g, bar, 4 * sc, heating ? (SDL_Color){240, 120, 30, 255} : (SDL_Color){80, 170, 240, 255});
    (void)s;
}

static void coil_feedback(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v, double now)
{
    const SpliceBench *b = splice_bench();
    if (v->phase != SPLICE_PHASE_COIL && v->phase != SPLICE_PHASE_DONE) return;
    const float h = SPLICE_H_CASSETTE + 0.6f;
    if (s->hints && v->min_bend_radius_mm > 0) {
        /* the smallest loop allowed, dashed */
        SDL_FPoint prev = {0, 0};
        for (int i = 0; i <= 48; i++) {
            double a = 2.0 * M_PI * i / 48.0;
            SDL_FPoint p;
            if (!splice_proj(cam, b->cassette_x + v->min_bend_radius_mm * cos(a), b->cassette_y + v->min_bend_radius_mm * sin(a),
                      h, &p)) {
                continue;
            }
            if (i > 0 && i % 2 == 1) gfx_line(g, prev.x, prev.y, p.x, p.y, gfx_px(g, 2.5f), HINT);
            prev = p;
        }
    }
    SDL_FPoint pts[SPLICE_TRAIL_MAX];
    size_t n = 0;
    float w = fmaxf(2.0f, splice_px_per_mm(cam, b->cassette_x, b->cassette_y, h) * 0.9f);
    if (s->ptr.known && s->ptr.down && s->ptr.hold == SPLICE_HOLD_COIL) {
        for (int i = 0; i < s->ptr.n_trail; i++) {
            if (splice_proj(cam, s->ptr.trail_x[i], s->ptr.trail_y[i], h, &pts[n])) n++;
        }
        if (n >= 2) gfx_polyline(g, pts, n, w, splice_coat_color(SPLICE_LEFT));
        return;
    }
    for (int i = 0; i < v->n_coil && n < SPLICE_TRAIL_MAX; i++) {
        if (splice_proj(cam, v->coil_x_mm[i], v->coil_y_mm[i], h, &pts[n])) n++;
    }
    if (n >= 2) gfx_polyline(g, pts, n, w, splice_coat_color(SPLICE_LEFT));
    if (n >= 2 && s->hints) {
        char r[16], lim[16], t[96];
        splice_fmt(r, sizeof r, v->coil_min_radius_mm, 0);
        splice_fmt(lim, sizeof lim, v->min_bend_radius_mm, 0);
        snprintf(t, sizeof t, _("Smallest radius %s mm (limit %s mm)"), r, lim);
        SDL_FPoint a;
        if (splice_proj(cam, b->cassette_x, b->cassette.y0 + 2, h, &a)) {
            bool ok = v->coil_min_radius_mm >= v->min_bend_radius_mm;
            label(g, t, a.x, a.y + gfx_px(g, 8.0f), THEME_TEXT_SMALL, ok ? GOOD : AMBER, GFX_ALIGN_CENTER);
        }
    }
    (void)now;
}

static void hint_markers(SpliceScene *s, Gfx *g, const Gfx3d *cam, const SpliceView *v, double now)
{
    const SpliceBench *b = splice_bench();
    if (!s->hints || s->ptr.down) return;
    switch (v->hint) {
    case SPLICE_HINT_STRIP:
        if (s->have_strip_band) {
            ring3(g, cam, b->mat_x - 0.5 * (s->strip_ok_min_mm + s->strip_ok_max_mm), b->mat_y, 6.0, now, HINT);
        }
        break;
    case SPLICE_HINT_CLEAN: {
        const SpliceFibreView *f = &v->fibre[v->mat_fibre];
        arrow3(g, cam, b->mat_x - f->bare_mm - 4, b->mat_y + 9, b->mat_x + 8, b->mat_y + 9, SPLICE_H_MAT, HINT);
        break;
    }
    case SPLICE_HINT_TO_CLEAVER:
        ring3(g, cam, b->cleaver_x - v->cleave_length_target_mm, b->cleaver_y, 5.0, now, HINT);
        break;
    case SPLICE_HINT_CLEAVE:
        arrow3(g, cam, b->cleaver_x + 14, b->cleaver_y + b->blade_rest_y, b->cleaver_x + 14,
               b->cleaver_y + b->blade_cut_y, SPLICE_H_CLEAVER + 3.0f, HINT);
        break;
    case SPLICE_HINT_BIN_OFFCUT:
        ring3(g, cam, b->scrap_x, b->scrap_y, b->scrap_r * 0.6, now, HINT);
        break;
    case SPLICE_HINT_LOAD_SPLICER: {
        /* the place for the end: between the V-groove edge and the electrodes */
        int side = v->fibre[SPLICE_LEFT].where == SPLICE_AT_SPLICER ? SPLICE_RIGHT : SPLICE_LEFT;
        double e = b->vgroove_edge_mm;
        double x0 = side == SPLICE_LEFT ? b->splicer_x - e : b->splicer_x;
        SDL_Color c = GOOD;
        c.a = (Uint8)(120 + 100 * pulse(now));
        splice_quad3(g, cam, x0, b->splicer_y - 2.5, x0 + e, b->splicer_y + 2.5, SPLICE_H_SPLICER + 0.5f, c);
        break;
    }
    case SPLICE_HINT_SLIDE_SLEEVE:
        ring3(g, cam, b->splicer_x + v->bare_centre_mm, b->splicer_y, 8.0, now, HINT);
        break;
    default:
        break;
    }
}

static void tool_chip(Gfx *g, const ModuleSceneEnv *env, const SpliceView *v)
{
    if (v->phase != SPLICE_PHASE_PREPARE) return;
    float sc = gfx_layout_scale(g);
    char t[96];
    snprintf(t, sizeof t, _("Tool: %s"), tool_name(v->tool));
    SDL_FPoint sz = gfx_text_measure(g, t, GFX_FONT_BOLD, THEME_TEXT_SMALL);
    float w = fminf(sz.x + 28 * sc, env->area.w * 0.4f), h = sz.y + 12 * sc;
    SDL_FRect r = {(float)(env->area.x + env->area.w) - w - 12 * sc, (float)env->area.y + 12 * sc, w, h};
    gfx_fill_rounded(g, r, h * 0.5f, (SDL_Color){12, 20, 30, 210});
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, WHITE);
    ts.align = GFX_ALIGN_CENTER;
    ts.valign = GFX_VALIGN_MIDDLE;
    ts.shrink = true;
    gfx_text(g, t, (SDL_FRect){r.x + 10 * sc, r.y, r.w - 20 * sc, r.h}, &ts);
}

void splice_overlay_draw(SpliceScene *s, const ModuleSceneEnv *env, const SpliceView *v)
{
    Gfx *g = env->gfx;
    const Gfx3d *cam = s->pick;
    double now = env->anim_s;
    if (v->phase == SPLICE_PHASE_CHECK || v->phase == SPLICE_PHASE_RESULT) return; /* the screen covers it */
    coil_feedback(s, g, cam, v, now);
    vgroove_dirt(g, cam, v);
    dirt_feedback(s, g, cam, v);
    stripper_feedback(s, g, cam, v);
    wipe_feedback(s, g, cam, v, now);
    offcut_feedback(s, g, cam, v, now);
    hint_markers(s, g, cam, v, now);
    heater_display(s, g, cam, v);
    loupe(s, g, env, v);
    tool_chip(g, env, v);
}

void splice_overlay_notice(SpliceScene *s, const ModuleSceneEnv *env, const SpliceView *v)
{
    /* for 6 s of the attempt's time after it happened */
    double age = env->tick >= v->notice_tick ? (double)(env->tick - v->notice_tick) / FS_TICK_HZ : 0.0;
    (void)s;
    if (v->notice == SPLICE_NOTICE_NONE || age > 6.0) return;
    if (v->notice == SPLICE_NOTICE_OFFCUT_DROPPED) {
        /* said and done: the offcut is in the container */
        bool loose = false;
        for (int i = 0; i < v->n_offcuts; i++) loose = loose || !v->offcut[i].binned;
        if (!loose) return;
    }
    Gfx *g = env->gfx;
    float sc = gfx_layout_scale(g);
    const char *text = _(splice_notice_text(v->notice));
    bool info = v->notice == SPLICE_NOTICE_VGROOVE_CLEANED;
    /* bottom right: the front of the bench or of the splicer, where no
     * gesture ends (the loupe is top left, the tool top right) */
    float w = fminf(600 * sc, (float)env->area.w * 0.55f);
    float tw = w - 80 * sc;
    float th = gfx_text_wrapped_height(g, text, GFX_FONT_BOLD, THEME_TEXT_BODY, tw);
    float h = fmaxf(56 * sc, th + 24 * sc);
    SDL_FRect r = {(float)(env->area.x + env->area.w) - w - 12 * sc, (float)(env->area.y + env->area.h) - h - 12 * sc,
                   w, h};
    float fade = age > 5.5 ? (float)((6.0 - age) / 0.5) : 1.0f;
    SDL_Color bg = info ? theme.ok_bg : theme.partial_bg, fg = info ? theme.ok : theme.partial;
    bg.a = (Uint8)(250 * fade);
    gfx_shadow(g, r, 10 * sc, 10 * sc);
    gfx_fill_rounded(g, r, 10 * sc, bg);
    gfx_stroke_rounded(g, r, 10 * sc, 2 * sc, fg);
    float is = 32 * sc;
    gfx_icon(g, info ? GFX_ICON_CHECK : GFX_ICON_WARNING, (SDL_FRect){r.x + 18 * sc, r.y + (h - is) * 0.5f, is, is}, fg);
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
    ts.wrap = true;
    ts.shrink = true;
    ts.valign = GFX_VALIGN_MIDDLE;
    gfx_text(g, text, (SDL_FRect){r.x + 64 * sc, r.y + 6 * sc, tw, h - 12 * sc}, &ts);
}
