/*
 * splice_scene_screen.c - the fusion splicer's screen, as on a core-alignment
 * splicer: a dark screen with two camera views of the fibres at right angles
 * (X above, Y below), lit from behind so the glass shows bright with dark
 * cladding edges and the core as a fine line down the middle.
 *
 * Before the arc (end-face check): both ends facing each other across the
 * gap, each end face at its cleave angle, with its defect (lip, chip,
 * hackle, mist) when it has one; the angle readouts; in manual mode the core
 * offsets in each view and the keys that move them (splice_scene_motor.c
 * draws the touch keys beside the views). After the arc: one
 * fibre with the joint as the model made it (core offset, bubble, dust
 * line, fat or thin joint) and the estimated loss.
 *
 * Angles and offsets are drawn 4 times larger than life (a 1 degree face
 * leans 1 um over the fibre radius, a pixel at this zoom); the readouts
 * give the true values. The views are drawn once per state into a texture.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "splice_scene.h"
#include "theme.h"

#define EXAGGERATE 4.0
#define CLAD_UM 125.0
#define CORE_LINE_UM 5.0     /* the core shows as a line thinner than its 9 um */
#define GAP_UM 16.0
#define ROWS 24

static const SDL_Color SCREEN_BG = {8, 11, 16, 255};
static const SDL_Color VIEW_BG = {22, 28, 36, 255};
static const SDL_Color TEXT = {224, 232, 240, 255};
static const SDL_Color MUTED = {138, 154, 170, 255};
static const SDL_Color ALERT = {255, 120, 92, 255};

/* Brightness across the fibre image, t from -1 (one edge) to +1: dark
 * cladding edges, bright middle (light focused by the glass). */
static SDL_Color profile(double t)
{
    double a = fabs(t);
    double v;
    if (a > 0.92) v = 60 + (1.0 - a) / 0.08 * 60;        /* dark rim */
    else if (a > 0.7) v = 120 + (0.92 - a) / 0.22 * 80;  /* rising */
    else v = 200 + (0.7 - a) / 0.7 * 45;                 /* bright middle */
    Uint8 c = (Uint8)fmin(255.0, v);
    return (SDL_Color){c, (Uint8)fmin(255.0, v + 4), (Uint8)fmin(255.0, v + 8), 255};
}

typedef struct View {
    SDL_FRect r;        /* pixels */
    double k;           /* pixels per um */
    double cx, cy;      /* joint position and fibre axis (pixels) */
} View;

/* One fibre end (before the arc): from the view's edge to its end face. */
typedef struct End {
    int side;           /* SPLICE_LEFT: comes from the left */
    double angle_deg;   /* face angle seen in this view */
    double shift_um;    /* vertical offset of the whole fibre */
    SpliceCleave cleave;
} End;

static float end_x(const View *v, const End *e, double t)
{
    double dir = e->side == SPLICE_LEFT ? -1.0 : 1.0;
    double x = v->cx + dir * 0.5 * GAP_UM * v->k;
    /* the face leans: one edge ahead of the other */
    x += tan(e->angle_deg * M_PI / 180.0) * EXAGGERATE * 0.5 * CLAD_UM * v->k * t;
    if (e->cleave.lip && t > 0.6) x -= dir * (t - 0.6) / 0.4 * 7.0 * v->k;       /* glass sticking out */
    if (e->cleave.chip && t < -0.55) x += dir * (-0.55 - t) / 0.45 * 10.0 * v->k; /* piece missing */
    if (e->cleave.hackle) {
        int i = (int)((t + 1.0) * 6.0);
        x += dir * ((i % 2) ? 2.5 : -1.5) * v->k; /* rough face */
    }
    return (float)x;
}

static void draw_end(SDL_Renderer *r, const View *v, const End *e)
{
    SDL_Vertex vx[(ROWS + 1) * 2];
    int idx[ROWS * 6];
    double half = 0.5 * CLAD_UM * v->k, shift = e->shift_um * EXAGGERATE * v->k;
    float outer = e->side == SPLICE_LEFT ? v->r.x : v->r.x + v->r.w;
    for (int i = 0; i <= ROWS; i++) {
        double t = -1.0 + 2.0 * i / ROWS;
        float y = (float)(v->cy - shift + t * half);
        SDL_Color c = profile(t);
        vx[2 * i] = (SDL_Vertex){{outer, y}, c, {0, 0}};
        vx[2 * i + 1] = (SDL_Vertex){{end_x(v, e, t), y}, c, {0, 0}};
    }
    for (int i = 0; i < ROWS; i++) {
        int a = 2 * i;
        int q[6] = {a, a + 1, a + 3, a, a + 3, a + 2};
        memcpy(&idx[6 * i], q, sizeof q);
    }
    SDL_RenderGeometry(r, NULL, vx, (ROWS + 1) * 2, idx, ROWS * 6);
    /* the core: a fine darker line up to the face */
    float y = (float)(v->cy - shift);
    float w = (float)(CORE_LINE_UM * v->k);
    float x0 = outer, x1 = end_x(v, e, 0.0);
    SDL_SetRenderDrawColor(r, 172, 182, 194, 255);
    SDL_FRect core = {fminf(x0, x1), y - w * 0.5f, fabsf(x1 - x0), w};
    SDL_RenderFillRectF(r, &core);
    if (e->cleave.mist) {
        /* a grey haze on the face */
        float mx = end_x(v, e, 0.0);
        float hw = (float)(12.0 * v->k);
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(r, 120, 128, 136, 150);
        SDL_FRect m = {e->side == SPLICE_LEFT ? mx - hw : mx, (float)(v->cy - shift - half * 0.9), hw,
                       (float)(half * 1.8)};
        SDL_RenderFillRectF(r, &m);
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    }
}

/* The fused fibre: radius and axis vary along x near the joint. */
static void draw_joint(SDL_Renderer *r, const View *v, const SpliceScreenView *s, double offset_um)
{
    enum { COLS = 64 };
    SDL_Vertex vx[(COLS + 1) * (ROWS + 1)];
    int idx[COLS * ROWS * 6];
    double half = 0.5 * CLAD_UM * v->k;
    double bulge = s->fat ? 0.12 : s->thin ? -0.16 : 0.0;
    double sigma = 45.0 * v->k;
    double off = offset_um * EXAGGERATE * v->k;
    for (int j = 0; j <= COLS; j++) {
        float x = v->r.x + v->r.w * (float)j / COLS;
        double dx = (double)x - v->cx;
        double g = exp(-(dx * dx) / (sigma * sigma));
        double rad = half * (1.0 + bulge * g);
        /* the claddings meet, the cores keep part of their offset */
        double step = 0.5 * tanh(dx / (30.0 * v->k));
        double axis = v->cy + 0.5 * off * step;
        for (int i = 0; i <= ROWS; i++) {
            double t = -1.0 + 2.0 * i / ROWS;
            vx[j * (ROWS + 1) + i] = (SDL_Vertex){{x, (float)(axis + t * rad)}, profile(t), {0, 0}};
        }
    }
    int n = 0;
    for (int j = 0; j < COLS; j++) {
        for (int i = 0; i < ROWS; i++) {
            int a = j * (ROWS + 1) + i, b = a + ROWS + 1;
            int q[6] = {a, b, b + 1, a, b + 1, a + 1};
            memcpy(&idx[n], q, sizeof q);
            n += 6;
        }
    }
    SDL_RenderGeometry(r, NULL, vx, (COLS + 1) * (ROWS + 1), idx, n);
    /* the core line with its offset */
    SDL_FPoint pts[COLS + 1];
    for (int j = 0; j <= COLS; j++) {
        float x = v->r.x + v->r.w * (float)j / COLS;
        double step = 0.5 * tanh(((double)x - v->cx) / (12.0 * v->k));
        pts[j] = (SDL_FPoint){x, (float)(v->cy + off * step)};
    }
    float w = (float)(CORE_LINE_UM * v->k);
    SDL_SetRenderDrawColor(r, 172, 182, 194, 255);
    for (int j = 0; j < COLS; j++) {
        SDL_FRect seg = {pts[j].x, fminf(pts[j].y, pts[j + 1].y) - w * 0.5f, pts[j + 1].x - pts[j].x + 1.0f,
                         fabsf(pts[j + 1].y - pts[j].y) + w};
        SDL_RenderFillRectF(r, &seg);
    }
    if (s->dust_line) {
        SDL_SetRenderDrawColor(r, 70, 62, 52, 255);
        SDL_FRect d = {(float)v->cx - 1.5f, (float)(v->cy - half * 1.02), 3.0f, (float)(half * 2.04)};
        SDL_RenderFillRectF(r, &d);
    }
    if (s->bubble) {
        /* a gas bubble: dark disc with a bright rim, in the cladding near the core */
        float bx = (float)(v->cx + 3.0 * v->k), by = (float)(v->cy - 0.28 * half);
        float rx = (float)(18.0 * v->k), ry = (float)(22.0 * v->k);
        SDL_Vertex e[34];
        int ei[96];
        e[0] = (SDL_Vertex){{bx, by}, {34, 40, 48, 255}, {0, 0}};
        for (int i = 0; i <= 32; i++) {
            double a = 2.0 * M_PI * i / 32.0;
            e[i + 1] = (SDL_Vertex){{bx + rx * (float)cos(a), by + ry * (float)sin(a)}, {70, 78, 88, 255}, {0, 0}};
        }
        for (int i = 0; i < 32; i++) {
            ei[3 * i] = 0;
            ei[3 * i + 1] = i + 1;
            ei[3 * i + 2] = i + 2;
        }
        SDL_RenderGeometry(r, NULL, e, 34, ei, 96);
        SDL_SetRenderDrawColor(r, 250, 252, 255, 255);
        SDL_FRect hl = {bx - rx * 0.45f, by - ry * 0.55f, rx * 0.35f, ry * 0.25f};
        SDL_RenderFillRectF(r, &hl);
    }
}

/* Where the X and Y views go inside the screen. */
static void layout_views(SDL_FRect img, View out[2])
{
    float gap = img.h * 0.04f;
    float vh = (img.h - gap) * 0.5f;
    for (int i = 0; i < 2; i++) {
        View *v = &out[i];
        v->r = (SDL_FRect){img.x, img.y + i * (vh + gap), img.w, vh};
        v->k = (double)vh * 0.6 / CLAD_UM;
        v->cx = (double)(v->r.x + v->r.w * 0.5f);
        v->cy = (double)(v->r.y + v->r.h * 0.5f);
    }
}

/* Splits a face angle between the two views (the face leans some way round
 * the axis: fixed per side so the picture does not change between frames). */
static void split_angle(double angle, int side, double *ax, double *ay)
{
    double phi = side == SPLICE_LEFT ? 0.6 : 2.1;
    *ax = angle * cos(phi);
    *ay = angle * sin(phi);
}

static void draw_views_opaque(SDL_Renderer *r, const SpliceView *v, SDL_FRect img);

static void draw_views(SDL_Renderer *r, const SpliceView *v, SDL_FRect img)
{
    /* opaque: written without blending (fast on the software renderer),
     * except the mist on a face, which sets its own mode */
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    draw_views_opaque(r, v, img);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

static void draw_views_opaque(SDL_Renderer *r, const SpliceView *v, SDL_FRect img)
{
    View views[2];
    layout_views(img, views);
    const SpliceScreenView *s = &v->screen;
    for (int i = 0; i < 2; i++) {
        const View *w = &views[i];
        SDL_SetRenderDrawColor(r, VIEW_BG.r, VIEW_BG.g, VIEW_BG.b, 255);
        SDL_RenderFillRectF(r, &w->r);
        if (s->fused) {
            /* the offset splits between the views like the angle does */
            double ox, oy;
            split_angle(s->offset_um, SPLICE_LEFT, &ox, &oy);
            draw_joint(r, w, s, i == 0 ? ox : oy);
            continue;
        }
        for (int side = 0; side < 2; side++) {
            End e;
            memset(&e, 0, sizeof e);
            e.side = side;
            double ax, ay;
            split_angle(s->angle_deg[side], side, &ax, &ay);
            e.angle_deg = i == 0 ? ax : ay;
            e.cleave = v->fibre[side].cleave;
            /* manual alignment: the right fibre moves in each view */
            if (side == SPLICE_RIGHT && s->manual) e.shift_um = i == 0 ? s->align_x_um : s->align_y_um;
            draw_end(r, w, &e);
        }
    }
}

static uint64_t mix(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t views_key(const SpliceView *v, int w, int h)
{
    const SpliceScreenView *s = &v->screen;
    uint64_t k = 1469598103934665603ull;
    bool flags[8] = {s->fused, s->manual, s->bubble, s->dust_line, s->fat, s->thin, false, false};
    k = mix(k, &w, sizeof w);
    k = mix(k, &h, sizeof h);
    k = mix(k, flags, sizeof flags);
    k = mix(k, s->angle_deg, sizeof s->angle_deg);
    k = mix(k, &s->align_x_um, sizeof s->align_x_um);
    k = mix(k, &s->align_y_um, sizeof s->align_y_um);
    k = mix(k, &s->offset_um, sizeof s->offset_um);
    for (int i = 0; i < 2; i++) {
        const SpliceCleave *c = &v->fibre[i].cleave;
        bool d[4] = {c->lip, c->hackle, c->chip, c->mist};
        k = mix(k, d, sizeof d);
    }
    return k;
}

/* ---- readouts ---- */

typedef struct Col {
    Gfx *g;
    SDL_FRect r;    /* what is left of the column */
    float sc;
} Col;

static void row(Col *c, const char *text, float pt, GfxFont font, SDL_Color color, GfxAlign align)
{
    float h = gfx_line_height(c->g, font, pt) * 1.05f;
    GfxTextStyle st = gfx_style(font, pt, color);
    st.shrink = true;
    st.align = align;
    gfx_text(c->g, text, (SDL_FRect){c->r.x, c->r.y, c->r.w, h}, &st);
    c->r.y += h;
    c->r.h -= h;
}

static void space(Col *c, float pt)
{
    c->r.y += pt * c->sc;
    c->r.h -= pt * c->sc;
}

static void angle_row(Col *c, const char *side_name, double angle, bool defect, const SpliceView *v, bool hints)
{
    char n[16], t[96];
    splice_fmt(n, sizeof n, angle, 1);
    bool over = angle > v->screen.cleave_limit_deg;
    if (hints && defect) {
        snprintf(t, sizeof t, _("%s  %s°  face defect"), side_name, n);
    } else {
        snprintf(t, sizeof t, "%s  %s°", side_name, n);
    }
    row(c, t, 24, GFX_FONT_BOLD, hints && (over || defect) ? ALERT : TEXT, GFX_ALIGN_LEFT);
}

static void readouts(SpliceScene *sc_, Gfx *g, SDL_FRect col, const SpliceView *v)
{
    const SpliceScreenView *s = &v->screen;
    bool hints = sc_->hints;
    Col c = {g, col, gfx_layout_scale(g)};
    char n[16], m[16], t[128];
    if (s->fused) {
        row(&c, _("Estimated loss"), THEME_TEXT_SMALL, GFX_FONT_BOLD, MUTED, GFX_ALIGN_LEFT);
        splice_fmt(n, sizeof n, s->estimate_db, 2);
        snprintf(t, sizeof t, _("%s dB"), n);
        bool over = s->estimate_db > s->accept_max_db;
        /* red above the threshold (with hints); never green: a defect in the
         * image means redo whatever the estimate */
        row(&c, t, 44, GFX_FONT_BOLD, hints && over ? ALERT : TEXT, GFX_ALIGN_LEFT);
        if (hints) {
            splice_fmt(m, sizeof m, s->accept_max_db, 2);
            snprintf(t, sizeof t, _("Threshold %s dB"), m);
            row(&c, t, THEME_TEXT_SMALL, GFX_FONT_REGULAR, MUTED, GFX_ALIGN_LEFT);
        }
        space(&c, 14);
    }
    row(&c, _("Cleave angle"), THEME_TEXT_SMALL, GFX_FONT_BOLD, MUTED, GFX_ALIGN_LEFT);
    angle_row(&c, _("Left"), s->angle_deg[SPLICE_LEFT], s->face_defect[SPLICE_LEFT], v, hints && !s->fused);
    angle_row(&c, _("Right"), s->angle_deg[SPLICE_RIGHT], s->face_defect[SPLICE_RIGHT], v, hints && !s->fused);
    if (hints && !s->fused) {
        splice_fmt(m, sizeof m, s->cleave_limit_deg, 1);
        snprintf(t, sizeof t, _("Limit %s°"), m);
        row(&c, t, THEME_TEXT_SMALL, GFX_FONT_REGULAR, MUTED, GFX_ALIGN_LEFT);
    }
    if (!s->fused) {
        /* the splicer has moved the ends to its arc gap */
        space(&c, 10);
        splice_fmt(n, sizeof n, GAP_UM, 0);
        snprintf(t, sizeof t, _("Gap %s µm"), n);
        row(&c, t, THEME_TEXT_SMALL, GFX_FONT_BOLD, TEXT, GFX_ALIGN_LEFT);
    }
    if (s->manual && !s->fused) {
        space(&c, 14);
        row(&c, _("Core offset"), THEME_TEXT_SMALL, GFX_FONT_BOLD, MUTED, GFX_ALIGN_LEFT);
        splice_fmt(n, sizeof n, s->align_x_um, 1);
        splice_fmt(m, sizeof m, s->align_y_um, 1);
        snprintf(t, sizeof t, _("X %s µm   Y %s µm"), n, m);
        row(&c, t, 22, GFX_FONT_BOLD, TEXT, GFX_ALIGN_LEFT);
        row(&c, _("▲ ▼ move the right fibre"), THEME_TEXT_SMALL, GFX_FONT_REGULAR, MUTED, GFX_ALIGN_LEFT);
        row(&c, _("Keys ← → move X, ↑ ↓ move Y"), THEME_TEXT_SMALL, GFX_FONT_REGULAR, MUTED, GFX_ALIGN_LEFT);
    }
}

void splice_screen_draw(SpliceScene *s, const ModuleSceneEnv *env, const SpliceView *v, SDL_FRect rect)
{
    Gfx *g = env->gfx;
    SDL_Renderer *r = env->renderer;
    float sc = gfx_layout_scale(g);
    /* the splicer's bezel and its screen (plain fills: this is drawn every frame) */
    SDL_Color bezel = {34, 37, 42, 255};
    float rad = 12 * sc;
    gfx_fill_rect(g, (SDL_FRect){rect.x + rad, rect.y, rect.w - 2 * rad, rect.h}, bezel);
    gfx_fill_rect(g, (SDL_FRect){rect.x, rect.y + rad, rect.w, rect.h - 2 * rad}, bezel);
    for (int i = 0; i < 4; i++) {
        gfx_fill_circle(g, (i & 1) ? rect.x + rect.w - rad : rect.x + rad, (i & 2) ? rect.y + rect.h - rad : rect.y + rad,
                        rad, bezel);
    }
    SDL_FRect scr = {rect.x + 14 * sc, rect.y + 14 * sc, rect.w - 28 * sc, rect.h - 28 * sc};
    gfx_fill_rect(g, scr, SCREEN_BG);
    const SpliceScreenView *sv = &v->screen;

    /* title line */
    float th = 34 * sc;
    char t[160];
    snprintf(t, sizeof t, "%s   %s | %s", sv->manual ? _("MANUAL") : _("AUTO"), v->fibre_data[SPLICE_LEFT].type,
             v->fibre_data[SPLICE_RIGHT].type);
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, MUTED);
    ts.valign = GFX_VALIGN_MIDDLE;
    ts.shrink = true;
    gfx_text(g, t, (SDL_FRect){scr.x + 14 * sc, scr.y, scr.w * 0.5f, th}, &ts);
    ts.align = GFX_ALIGN_RIGHT;
    ts.color = TEXT;
    gfx_text(g, sv->fused ? _("Splice finished") : _("End-face check"),
             (SDL_FRect){scr.x + scr.w * 0.5f, scr.y, scr.w * 0.5f - 14 * sc, th}, &ts);
    gfx_fill_rect(g, (SDL_FRect){scr.x, scr.y + th, scr.w, 1.0f * sc}, (SDL_Color){50, 60, 72, 255});

    /* the two views, cached; in manual mode before the arc, the motor keys
     * take a strip on their right */
    float pad = 12 * sc;
    SDL_FRect img = {scr.x + pad, scr.y + th + pad, scr.w * 0.64f, scr.h - th - 2 * pad};
    bool motors = sv->manual && !sv->fused && v->phase == SPLICE_PHASE_CHECK;
    View probe[2];
    layout_views(img, probe);
    float strip = motors ? splice_motor_strip_w(g, probe[0].r.h) : 0.0f;
    int iw = (int)(img.w - strip), ih = (int)img.h;
    uint64_t key = views_key(v, iw, ih);
    if (!s->screen || s->screen_w != iw || s->screen_h != ih || s->screen_key != key) {
        if (s->screen && (s->screen_w != iw || s->screen_h != ih)) {
            SDL_DestroyTexture(s->screen);
            s->screen = NULL;
        }
        if (!s->screen) {
            s->screen = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, iw, ih);
            s->screen_w = s->screen ? iw : 0;
            s->screen_h = s->screen ? ih : 0;
        }
        s->screen_key = 0;
        if (s->screen && SDL_SetRenderTarget(r, s->screen) == 0) {
            SDL_SetRenderDrawColor(r, SCREEN_BG.r, SCREEN_BG.g, SCREEN_BG.b, 255);
            SDL_RenderClear(r);
            draw_views(r, v, (SDL_FRect){0, 0, (float)iw, (float)ih});
            SDL_SetRenderTarget(r, NULL);
            s->screen_key = key;
        }
    }
    SDL_Rect dst = {(int)img.x, (int)img.y, iw, ih};
    if (s->screen_key == key && s->screen) {
        SDL_SetTextureBlendMode(s->screen, SDL_BLENDMODE_NONE);
        SDL_RenderCopy(r, s->screen, NULL, &dst);
    } else {
        draw_views(r, v, (SDL_FRect){(float)dst.x, (float)dst.y, (float)iw, (float)ih});
    }
    View views[2];
    layout_views((SDL_FRect){(float)dst.x, (float)dst.y, (float)iw, (float)ih}, views);
    for (int i = 0; i < 2; i++) {
        gfx_text_at(g, i == 0 ? "X" : "Y", views[i].r.x + 10 * sc, views[i].r.y + 6 * sc, GFX_FONT_BOLD,
                    THEME_TEXT_BODY, MUTED, GFX_ALIGN_LEFT);
        /* the arc: a short violet-white flash at the joint */
        double age = env->anim_s - s->arc_at_s;
        if (sv->fused && age >= 0.0 && age < 0.7) {
            float a = (float)(1.0 - age / 0.7);
            for (int k = 3; k >= 1; k--) {
                gfx_fill_circle(g, (float)views[i].cx, (float)views[i].cy, views[i].r.h * 0.18f * (float)k,
                                (SDL_Color){230, 210, 255, (Uint8)(70 * a)});
            }
        }
    }

    if (motors) {
        SDL_FRect vr[2] = {views[0].r, views[1].r};
        splice_motor_draw(s, g, vr);
    }

    /* readouts on the right */
    SDL_FRect col = {img.x + img.w + 24 * sc, img.y, scr.x + scr.w - (img.x + img.w) - 36 * sc, img.h};
    readouts(s, g, col, v);
}
