/*
 * scene_tutorial.c - the picture of the tutorial module ("Prise en main").
 *
 * A 2D bench seen from above, in millimetres, scaled to fit the picture with
 * its proportions kept; under it a strip with the last gesture's feedback and
 * the task's gauge (pull speed, wipe counts). Marks and targets are sized from
 * the scenario's own rubric bands, so "on the mark" on screen means full
 * credit. Adjust and choose tasks are a panel (big number, question) driven by
 * the buttons under the picture. Hints (ghost pace dot, arrow to the mark,
 * lanes to wipe, which way to go, one wrong answer greyed) show only when the
 * scenario allows hints and the trainee asked for one.
 *
 * The scene only reads the module's view (tutorial.h); it never decides.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/messages.h"
#include "fibresim/tutorial.h"
#include "gfx.h"
#include "i18n.h"
#include "module_scene.h"
#include "theme.h"

#define INFO_STRIP_PT 64.0f
#define LABEL_MAX 160

typedef struct TutorialScene {
    const Scenario *scn;            /* borrowed for the attempt */
    const TutorialSetup *setup;     /* the scenario's */
    /* prompt() and buttons() are not given the language; the picture is drawn
     * every frame, so they use the language of the last drawing (French, the
     * default, before the first). */
    char lang[3];
} TutorialScene;

/* Where the bench lands in pixels: px = x0 + mm * scale. */
typedef struct Layout {
    SDL_FRect bench;                /* pixels */
    float scale;                    /* pixels per mm */
    SDL_FRect strip;                /* feedback and gauges under the bench */
} Layout;

static const SDL_Color bench_wood = {238, 231, 214, 255};
static const SDL_Color grid_light = {230, 221, 202, 255};
static const SDL_Color grid_dark = {205, 192, 165, 255};
static const SDL_Color dirt = {156, 136, 108, 255};
static const SDL_Color clean = {250, 250, 246, 255};
static const SDL_Color shadow = {40, 40, 40, 60};
static const SDL_Color white = {255, 255, 255, 255};

static SDL_Color alpha(SDL_Color c, Uint8 a)
{
    c.a = a;
    return c;
}

static const char *text_in(const TutorialScene *s, const TutorialText *t)
{
    if (!t->fr) {
        return NULL;
    }
    return strcmp(s->lang, "en") == 0 ? t->en : t->fr;
}

static Layout layout(const TutorialScene *s, const ModuleSceneEnv *env)
{
    Layout L;
    float pad = gfx_px(env->gfx, 12);
    float strip_h = gfx_px(env->gfx, INFO_STRIP_PT);
    float aw = (float)env->area.w - 2 * pad, ah = (float)env->area.h - 3 * pad - strip_h;
    float bw = (float)s->setup->bench_width_mm, bh = (float)s->setup->bench_height_mm;
    L.scale = fmaxf(0.1f, fminf(aw / bw, ah / bh));
    L.bench.w = bw * L.scale;
    L.bench.h = bh * L.scale;
    L.bench.x = (float)env->area.x + ((float)env->area.w - L.bench.w) * 0.5f;
    L.bench.y = (float)env->area.y + pad;
    L.strip = (SDL_FRect){(float)env->area.x + pad, L.bench.y + L.bench.h + pad, (float)env->area.w - 2 * pad,
                          strip_h};
    return L;
}

static SDL_FPoint px(const Layout *L, const double mm[2])
{
    return (SDL_FPoint){L->bench.x + (float)mm[0] * L->scale, L->bench.y + (float)mm[1] * L->scale};
}

static float mm_px(const Layout *L, double mm)
{
    return (float)mm * L->scale;
}

/* Colour of a measured value under the scenario's criterion (neutral if the
 * rubric does not score it). */
static SDL_Color verdict_colour(const TutorialScene *s, const char *task_id, const char *suffix, double value)
{
    const Criterion *c = tutorial_criterion(&s->scn->rubric, task_id, suffix);
    if (!c) {
        return theme.primary;
    }
    double credit = rubric_credit(c, value);
    return credit >= 1.0 ? theme.ok : (credit > 0.0 ? theme.partial : theme.fail);
}

static void number(double v, int decimals, char *out, size_t n)
{
    message_number(v, decimals, i18n_decimal_sep(), out, n);
}

/* ---- pieces of the bench ---------------------------------------------------- */

static void draw_bench(const ModuleSceneEnv *env, const Layout *L, const TutorialSetup *setup)
{
    Gfx *g = env->gfx;
    gfx_shadow(g, L->bench, gfx_px(g, THEME_RADIUS), gfx_px(g, 6));
    gfx_fill_rounded(g, L->bench, gfx_px(g, THEME_RADIUS), bench_wood);
    /* A 10 mm grid (50 mm darker) gives a sense of size. */
    for (int x = 10; x < (int)setup->bench_width_mm; x += 10) {
        float X = L->bench.x + (float)x * L->scale;
        gfx_line(g, X, L->bench.y + 2, X, L->bench.y + L->bench.h - 2, x % 50 ? 1.0f : 1.5f,
                 x % 50 ? grid_light : grid_dark);
    }
    for (int y = 10; y < (int)setup->bench_height_mm; y += 10) {
        float Y = L->bench.y + (float)y * L->scale;
        gfx_line(g, L->bench.x + 2, Y, L->bench.x + L->bench.w - 2, Y, y % 50 ? 1.0f : 1.5f,
                 y % 50 ? grid_light : grid_dark);
    }
}

/* A dashed line a -> b (pixels) with an arrow head at b. */
static void dashed_arrow(Gfx *g, SDL_FPoint a, SDL_FPoint b, float width, SDL_Color c, double anim_s)
{
    float dx = b.x - a.x, dy = b.y - a.y, len = sqrtf(dx * dx + dy * dy);
    if (len < 1) {
        return;
    }
    float ux = dx / len, uy = dy / len;
    float dash = width * 4, gap = width * 3;
    /* The dashes crawl towards the head: the eye follows the way to go. */
    float start = fmodf((float)anim_s * width * 20, dash + gap);
    float head = width * 5;
    for (float t = start - (dash + gap); t < len - head; t += dash + gap) {
        float t0 = fmaxf(t, 0), t1 = fminf(t + dash, len - head);
        if (t1 > t0) {
            gfx_line(g, a.x + ux * t0, a.y + uy * t0, a.x + ux * t1, a.y + uy * t1, width, c);
        }
    }
    SDL_FPoint tip = b, l = {b.x - ux * head - uy * head * 0.6f, b.y - uy * head + ux * head * 0.6f},
               r = {b.x - ux * head + uy * head * 0.6f, b.y - uy * head - ux * head * 0.6f};
    gfx_fill_triangle(g, tip, l, r, c);
}

/* The object to drag, centred on c (pixels), about the size it has in the
 * trade (mm), lifted (a shadow) while held. */
static void draw_object(Gfx *g, const Layout *L, TutorialObject kind, SDL_FPoint c, bool lifted)
{
    float s = L->scale;
    if (lifted) {
        c.x -= 3;
        c.y -= 3;
    }
    switch (kind) {
    case TUTORIAL_OBJ_SLEEVE: {
        /* heat-shrink splice sleeve: clear tube 40 x 6 mm, steel rod inside */
        SDL_FRect r = {c.x - 20 * s, c.y - 3 * s, 40 * s, 6 * s};
        if (lifted) gfx_fill_rounded(g, (SDL_FRect){r.x + 6, r.y + 6, r.w, r.h}, 3 * s, shadow);
        gfx_fill_rounded(g, r, 3 * s, (SDL_Color){196, 224, 240, 255});
        gfx_stroke_rounded(g, r, 3 * s, 1.5f, (SDL_Color){70, 120, 160, 255});
        gfx_line(g, r.x + 3 * s, c.y, r.x + r.w - 3 * s, c.y, fmaxf(1.5f, 1.2f * s), (SDL_Color){120, 120, 130, 255});
        break;
    }
    case TUTORIAL_OBJ_FIBRE: {
        /* coated fibre 50 mm, yellow jacket, bare glass tip */
        if (lifted) gfx_line(g, c.x - 25 * s + 6, c.y + 6, c.x + 25 * s + 6, c.y + 6, fmaxf(2, 1.5f * s), shadow);
        gfx_line(g, c.x - 25 * s, c.y, c.x + 15 * s, c.y, fmaxf(3, 1.5f * s), (SDL_Color){240, 200, 40, 255});
        gfx_line(g, c.x + 15 * s, c.y, c.x + 25 * s, c.y, fmaxf(1.5f, 0.6f * s), (SDL_Color){150, 180, 200, 255});
        gfx_fill_circle(g, c.x, c.y, fmaxf(3, 1.5f * s), theme.text);
        break;
    }
    case TUTORIAL_OBJ_CLEAVER: {
        SDL_FRect r = {c.x - 18 * s, c.y - 12 * s, 36 * s, 24 * s};
        if (lifted) gfx_fill_rounded(g, (SDL_FRect){r.x + 6, r.y + 6, r.w, r.h}, 4 * s, shadow);
        gfx_fill_rounded(g, r, 4 * s, (SDL_Color){60, 66, 74, 255});
        gfx_fill_rounded(g, (SDL_FRect){r.x + 4 * s, r.y + 4 * s, r.w - 8 * s, 7 * s}, 2 * s,
                         (SDL_Color){200, 40, 40, 255});
        gfx_line(g, r.x + 3 * s, c.y + 5 * s, r.x + r.w - 3 * s, c.y + 5 * s, 1.5f, (SDL_Color){190, 190, 200, 255});
        break;
    }
    case TUTORIAL_OBJ_WIPE:
    case TUTORIAL_OBJ_BLOCK:
    default: {
        SDL_FRect r = {c.x - 12 * s, c.y - 12 * s, 24 * s, 24 * s};
        SDL_Color col = kind == TUTORIAL_OBJ_WIPE ? white : (SDL_Color){40, 120, 190, 255};
        if (lifted) gfx_fill_rounded(g, (SDL_FRect){r.x + 6, r.y + 6, r.w, r.h}, 2 * s, shadow);
        gfx_fill_rounded(g, r, 2 * s, col);
        gfx_stroke_rounded(g, r, 2 * s, 1.5f, theme.border);
        break;
    }
    }
    gfx_fill_circle(g, c.x, c.y, 2.5f, theme.text); /* the centre that counts */
}

/* Radius of full credit on a mark, from the rubric (mm). */
static double band_radius(const TutorialScene *s, const char *task_id, const char *suffix, bool zero, double dflt)
{
    const Criterion *c = tutorial_criterion(&s->scn->rubric, task_id, suffix);
    if (c && c->table.count == 0) {
        if (zero && c->band.has_zero_max) return c->band.zero_max;
        if (!zero && c->band.has_ok_max) return c->band.ok_max;
    }
    return dflt;
}

/* ---- the tasks ------------------------------------------------------------------ */

static void draw_drag(TutorialScene *s, const ModuleSceneEnv *env, const Layout *L, const TutorialView *v,
                      const TutorialTask *t)
{
    Gfx *g = env->gfx;
    SDL_FPoint mark = px(L, t->to_mm), obj = px(L, v->object_mm);
    /* The mark: full-credit disc, zero-credit ring, a cross on the centre. */
    float r_ok = fmaxf(6.0f, mm_px(L, band_radius(s, t->id, "error_mm", false, 2.0)));
    float r_zero = mm_px(L, band_radius(s, t->id, "error_mm", true, 0.0));
    if (r_zero > r_ok) {
        gfx_stroke_circle(g, mark.x, mark.y, r_zero, 1.5f, alpha(theme.ok, 90));
    }
    gfx_fill_circle(g, mark.x, mark.y, r_ok, alpha(theme.ok, 70));
    gfx_stroke_circle(g, mark.x, mark.y, r_ok, 2.0f, theme.ok);
    float arm = fmaxf(r_ok + 8, mm_px(L, 8));
    gfx_line(g, mark.x - arm, mark.y, mark.x + arm, mark.y, 2.5f, theme.ok);
    gfx_line(g, mark.x, mark.y - arm, mark.x, mark.y + arm, 2.5f, theme.ok);

    if (v->hint_shown && !v->holding) {
        dashed_arrow(g, obj, mark, fmaxf(3, mm_px(L, 1.2)), alpha(theme.primary, 200), env->anim_s);
    }
    /* Where a press takes the object: a pulsing disc until it was first
     * taken (after a drop the trainee knows, and the disc would hide the mark). */
    bool never_taken = v->feedback.kind == TUTORIAL_FB_NONE || v->feedback.kind == TUTORIAL_FB_GRAB_MISSED;
    if (!v->holding && never_taken) {
        float r = mm_px(L, t->grab_radius_mm);
        float pulse = 0.5f + 0.5f * sinf((float)env->anim_s * 4.0f);
        gfx_fill_circle(g, obj.x, obj.y, r, alpha(theme.primary, (Uint8)(25 + 35 * pulse)));
        gfx_stroke_circle(g, obj.x, obj.y, r, 2.0f, alpha(theme.primary, 150));
    }
    draw_object(g, L, t->object, obj, v->holding);
    if (v->feedback.kind == TUTORIAL_FB_DROPPED && !v->holding) {
        char num[32], label[LABEL_MAX];
        number(v->feedback.value, 1, num, sizeof num);
        snprintf(label, sizeof label, _("%s mm"), num);
        SDL_Color c = verdict_colour(s, t->id, "error_mm", v->feedback.value);
        SDL_FPoint at = {obj.x, obj.y + mm_px(L, t->grab_radius_mm) + 4};
        SDL_FPoint sz = gfx_text_measure(g, label, GFX_FONT_BOLD, THEME_TEXT_BODY);
        gfx_fill_rounded(g, (SDL_FRect){at.x - sz.x * 0.5f - 8, at.y - 2, sz.x + 16, sz.y + 4}, 6, alpha(white, 230));
        gfx_text_at(g, label, at.x, at.y, GFX_FONT_BOLD, THEME_TEXT_BODY, c, GFX_ALIGN_CENTER);
    }
}

static void draw_pull(TutorialScene *s, const ModuleSceneEnv *env, const Layout *L, const TutorialView *v,
                      const TutorialTask *t)
{
    Gfx *g = env->gfx;
    SDL_FPoint a = px(L, t->from_mm), b = px(L, t->to_mm), h = px(L, v->handle_mm);
    float track = fmaxf(6, mm_px(L, 3));
    /* The corridor the hand should stay in (full credit of the rubric). */
    float corridor = mm_px(L, band_radius(s, t->id, "max_off_path_mm", false, 5.0));
    gfx_line(g, a.x, a.y, b.x, b.y, 2 * corridor, alpha(theme.primary, 28));
    gfx_line(g, a.x, a.y, b.x, b.y, track, (SDL_Color){150, 150, 150, 255});
    gfx_line(g, a.x, a.y, h.x, h.y, track, theme.primary);
    /* The end: a flag-like post. */
    gfx_fill_circle(g, b.x, b.y, track, v->pull_done ? theme.ok : theme.text_muted);
    if (v->pull_done) {
        float is = track * 3;
        gfx_icon(g, GFX_ICON_CHECK, (SDL_FRect){b.x - is * 0.5f, b.y - is * 1.6f, is, is}, theme.ok);
    }
    /* Hint: a ghost handle going at the advised pace, over and over. */
    if (v->hint_shown && !v->pull_done) {
        double len = hypot(t->to_mm[0] - t->from_mm[0], t->to_mm[1] - t->from_mm[1]);
        double pace = 0.5 * (t->speed_min_mm_s + t->speed_max_mm_s);
        double d = fmod(env->anim_s * pace, len + pace * 0.8);
        d = d > len ? len : d;
        double p[2] = {t->from_mm[0] + (t->to_mm[0] - t->from_mm[0]) * d / len,
                       t->from_mm[1] + (t->to_mm[1] - t->from_mm[1]) * d / len};
        SDL_FPoint gp = px(L, p);
        gfx_fill_circle(g, gp.x, gp.y, mm_px(L, 5), alpha(theme.primary, 70));
    }
    /* The hand's straying from the line while it pulls. */
    if (v->holding) {
        SDL_FPoint p = px(L, v->pointer_mm);
        gfx_line(g, h.x, h.y, p.x, p.y, 1.5f, alpha(theme.text_muted, 160));
    }
    float r = fmaxf(14, mm_px(L, 7));
    if (!v->holding && !v->pull_done) {
        float pulse = v->feedback.kind == TUTORIAL_FB_NONE ? 0.5f + 0.5f * sinf((float)env->anim_s * 4.0f) : 0.0f;
        gfx_fill_circle(g, h.x, h.y, mm_px(L, t->grab_radius_mm), alpha(theme.primary, (Uint8)(25 + 35 * pulse)));
    }
    gfx_fill_circle(g, h.x + 3, h.y + 4, r, shadow);
    gfx_fill_circle(g, h.x, h.y, r, v->holding ? theme.primary_hover : theme.primary);
    gfx_stroke_circle(g, h.x, h.y, r, 3, white);
}

static void draw_wipe(TutorialScene *s, const ModuleSceneEnv *env, const Layout *L, const TutorialView *v,
                      const TutorialTask *t)
{
    Gfx *g = env->gfx;
    (void)s;
    SDL_FPoint lo = px(L, t->from_mm), hi = px(L, t->to_mm);
    SDL_FRect area = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y};
    gfx_fill_rect(g, area, dirt);
    /* Wiped cells, one rectangle per run of a row. */
    if (v->grid_w > 0 && v->grid_h > 0) {
        float cw = area.w / (float)v->grid_w, ch = area.h / (float)v->grid_h;
        for (int j = 0; j < v->grid_h; j++) {
            const uint8_t *row = v->covered + (size_t)j * (size_t)v->grid_w;
            int i = 0;
            while (i < v->grid_w) {
                if (!row[i]) {
                    /* Specks of dirt, always at the same cells. */
                    if ((((unsigned)i * 73856093u) ^ ((unsigned)j * 19349663u)) % 19u == 0) {
                        gfx_fill_circle(g, area.x + ((float)i + 0.5f) * cw, area.y + ((float)j + 0.5f) * ch,
                                        fmaxf(1.5f, cw * 0.6f), (SDL_Color){110, 92, 70, 255});
                    }
                    i++;
                    continue;
                }
                int k = i;
                while (k < v->grid_w && row[k]) k++;
                /* One pixel wider on every side: each rectangle's soft edge then
                 * falls on its clean neighbour instead of showing a seam. */
                gfx_fill_rect(g, (SDL_FRect){area.x + (float)i * cw - 1, area.y + (float)j * ch - 1,
                                             (float)(k - i) * cw + 2, ch + 2},
                              clean);
                i = k;
            }
        }
    }
    gfx_stroke_rounded(g, area, 2, 2, (SDL_Color){110, 92, 70, 255});
    /* The direction: three big arrows across the area. */
    double dir[2];
    tutorial_direction_vector(t->direction, dir);
    bool horiz = dir[0] != 0;
    for (int k = 0; k < 3; k++) {
        float f = (k + 0.5f) / 3.0f;
        SDL_FPoint c = horiz ? (SDL_FPoint){area.x + area.w * 0.5f, area.y + area.h * f}
                             : (SDL_FPoint){area.x + area.w * f, area.y + area.h * 0.5f};
        float half = (horiz ? area.w : area.h) * 0.3f;
        SDL_FPoint a = {c.x - (float)dir[0] * half, c.y - (float)dir[1] * half};
        SDL_FPoint b = {c.x + (float)dir[0] * half, c.y + (float)dir[1] * half};
        float w = fmaxf(4, fminf(area.w, area.h) * 0.04f);
        /* Blue, half transparent: seen on the dirt and on the wiped part. */
        SDL_Color ac = alpha(theme.primary, 110);
        gfx_line(g, a.x, a.y, b.x - (float)dir[0] * w * 3, b.y - (float)dir[1] * w * 3, w, ac);
        SDL_FPoint l = {b.x - (float)dir[0] * w * 4 - (float)dir[1] * w * 2.5f,
                        b.y - (float)dir[1] * w * 4 + (float)dir[0] * w * 2.5f};
        SDL_FPoint r = {b.x - (float)dir[0] * w * 4 + (float)dir[1] * w * 2.5f,
                        b.y - (float)dir[1] * w * 4 - (float)dir[0] * w * 2.5f};
        gfx_fill_triangle(g, b, l, r, ac);
    }
    /* Hint: the lanes of the advised strokes, side by side. */
    if (v->hint_shown) {
        for (int k = 0; k < t->strokes; k++) {
            double across_lo = horiz ? t->from_mm[1] : t->from_mm[0];
            double across_hi = horiz ? t->to_mm[1] : t->to_mm[0];
            double c = across_lo + (k + 0.5) * (across_hi - across_lo) / t->strokes;
            double p0[2], p1[2];
            if (horiz) {
                p0[0] = dir[0] > 0 ? t->from_mm[0] : t->to_mm[0];
                p1[0] = dir[0] > 0 ? t->to_mm[0] : t->from_mm[0];
                p0[1] = p1[1] = c;
            } else {
                p0[1] = dir[1] > 0 ? t->from_mm[1] : t->to_mm[1];
                p1[1] = dir[1] > 0 ? t->to_mm[1] : t->from_mm[1];
                p0[0] = p1[0] = c;
            }
            dashed_arrow(g, px(L, p0), px(L, p1), fmaxf(2.5f, mm_px(L, 1)), alpha(theme.primary, 190), env->anim_s);
        }
    }
    /* The strokes: green good, red bad, blue while drawn (with the pad's
     * width, so the trainee sees what it wipes). */
    for (size_t k = 0; k < v->n_strokes; k++) {
        const TutorialStroke *st = &v->strokes[k];
        if (st->count < 2 || st->verdict == TUTORIAL_STROKE_TAP) {
            continue;
        }
        SDL_FPoint pts[256];
        size_t step = st->count / 256 + 1, n = 0;
        for (size_t i = 0; i < st->count && n < 256; i += step) {
            pts[n++] = px(L, v->trace_mm[st->first + i]);
        }
        pts[n - 1] = px(L, v->trace_mm[st->first + st->count - 1]);
        SDL_Color c = st->verdict == TUTORIAL_STROKE_OPEN   ? theme.primary
                      : st->verdict == TUTORIAL_STROKE_GOOD ? theme.ok
                      : st->verdict == TUTORIAL_STROKE_OUTSIDE ? theme.text_muted
                                                               : theme.fail;
        if (st->verdict == TUTORIAL_STROKE_OPEN && n >= 2) {
            gfx_polyline(g, pts, n, mm_px(L, t->pad_mm), alpha(theme.primary, 50));
        }
        if (n >= 2) {
            gfx_polyline(g, pts, n, 3, alpha(c, 220));
        }
    }
    if (v->holding) {
        SDL_FPoint p = px(L, v->pointer_mm);
        float r = mm_px(L, t->pad_mm * 0.5);
        gfx_fill_rounded(g, (SDL_FRect){p.x - r, p.y - r, 2 * r, 2 * r}, r * 0.3f, alpha(white, 200));
        gfx_stroke_rounded(g, (SDL_FRect){p.x - r, p.y - r, 2 * r, 2 * r}, r * 0.3f, 2, theme.primary);
    }
}

/* The value, the target, a scale with both, and which way to go (hint). */
static void draw_adjust(TutorialScene *s, const ModuleSceneEnv *env, const Layout *L, const TutorialView *v,
                        const TutorialTask *t)
{
    Gfx *g = env->gfx;
    SDL_FRect card = L->bench;
    gfx_fill_rounded(g, card, gfx_px(g, THEME_RADIUS), theme.panel);
    char num[32], target[32], line[LABEL_MAX];
    number(v->value, t->decimals, num, sizeof num);
    number(t->target, t->decimals, target, sizeof target);
    const char *sep = t->unit[0] && strncmp(t->unit, "\xC2\xB0", 2) != 0 ? " " : "";
    snprintf(line, sizeof line, "%s%s%s", num, sep, t->unit);
    float big = THEME_TEXT_TITLE * 2.2f;
    SDL_Color vc = verdict_colour(s, t->id, "error", fabs(v->value - t->target));
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, big, vc);
    st.align = GFX_ALIGN_CENTER;
    st.valign = GFX_VALIGN_MIDDLE;
    st.shrink = true;
    /* Rows as shares of the card: value 6-38 %, target 38-50 %, scale at 64 %,
     * hint 80-96 %, so nothing leaves the card at 1024x600. */
    SDL_FRect vbox = {card.x, card.y + card.h * 0.06f, card.w, card.h * 0.32f};
    gfx_text(g, line, vbox, &st);
    char tline[LABEL_MAX];
    snprintf(tline, sizeof tline, _("Target: %s%s%s"), target, sep, t->unit);
    GfxTextStyle ts = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_HEADING, theme.text);
    ts.align = GFX_ALIGN_CENTER;
    ts.shrink = true;
    gfx_text(g, tline, (SDL_FRect){card.x, vbox.y + vbox.h, card.w, card.h * 0.12f}, &ts);

    /* The scale. */
    float sx = card.x + card.w * 0.08f, sw = card.w * 0.84f, sy = card.y + card.h * 0.64f;
    float thick = fminf(gfx_px(g, 14), card.h * 0.035f);
    gfx_fill_rounded(g, (SDL_FRect){sx, sy - thick * 0.5f, sw, thick}, thick * 0.5f, theme.panel_alt);
    gfx_stroke_rounded(g, (SDL_FRect){sx, sy - thick * 0.5f, sw, thick}, thick * 0.5f, 1, theme.border);
    double span = t->max - t->min;
    int ticks = (int)floor(span / t->step_coarse + 1e-9);
    if (ticks <= 60) {
        for (int k = 0; k <= ticks; k++) {
            float x = sx + sw * (float)(k * t->step_coarse / span);
            gfx_line(g, x, sy + thick, x, sy + thick * 2, 1, theme.text_muted);
        }
    }
    float tx = sx + sw * (float)((t->target - t->min) / span);
    double ok = band_radius(s, t->id, "error", false, t->step_fine * 0.5);
    float okw = fmaxf(4, sw * (float)(2 * ok / span));
    gfx_fill_rect(g, (SDL_FRect){tx - okw * 0.5f, sy - thick, okw, thick * 2}, alpha(theme.ok, 120));
    float tri = gfx_px(g, 14);
    gfx_fill_triangle(g, (SDL_FPoint){tx, sy - thick}, (SDL_FPoint){tx - tri * 0.6f, sy - thick - tri},
                      (SDL_FPoint){tx + tri * 0.6f, sy - thick - tri}, theme.ok);
    float vx = sx + sw * (float)((v->value - t->min) / span);
    gfx_line(g, vx, sy - thick * 2.5f, vx, sy + thick * 2.5f, gfx_px(g, 5), vc);
    char lo[32], hi[32];
    number(t->min, t->decimals, lo, sizeof lo);
    number(t->max, t->decimals, hi, sizeof hi);
    gfx_text_at(g, lo, sx, sy + thick * 2.4f, GFX_FONT_REGULAR, THEME_TEXT_SMALL, theme.text_muted, GFX_ALIGN_CENTER);
    gfx_text_at(g, hi, sx + sw, sy + thick * 2.4f, GFX_FONT_REGULAR, THEME_TEXT_SMALL, theme.text_muted,
                GFX_ALIGN_CENTER);
    /* Hint: which way, with the words. */
    if (v->hint_shown) {
        double d = t->target - v->value;
        const char *say = fabs(d) < t->step_fine * 0.5 ? _("On the target")
                          : d > 0                        ? _("Go up")
                                                         : _("Go down");
        GfxIcon icon = fabs(d) < t->step_fine * 0.5 ? GFX_ICON_CHECK : (d > 0 ? GFX_ICON_PLUS : GFX_ICON_MINUS);
        float is = fminf(gfx_px(g, 36), card.h * 0.14f);
        SDL_FRect hb = {card.x + card.w * 0.2f, card.y + card.h * 0.82f, card.w * 0.6f, is};
        gfx_icon(g, icon, (SDL_FRect){hb.x, hb.y, is, is}, theme.primary);
        GfxTextStyle hs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.primary);
        hs.valign = GFX_VALIGN_MIDDLE;
        hs.shrink = true;
        gfx_text(g, say, (SDL_FRect){hb.x + is + 10, hb.y, hb.w - is - 10, is}, &hs);
    }
}

/* The wrong answer a hint greys out: the first one not tried yet. */
static int hinted_wrong(const TutorialView *v, const TutorialTask *t)
{
    if (!v->hint_shown || v->solved) {
        return -1;
    }
    for (size_t k = 0; k < t->n_answers; k++) {
        if (k != t->correct && !v->answered[k]) {
            return (int)k;
        }
    }
    return -1;
}

static void draw_choose(TutorialScene *s, const ModuleSceneEnv *env, const Layout *L, const TutorialView *v,
                        const TutorialTask *t)
{
    Gfx *g = env->gfx;
    gfx_fill_rounded(g, L->bench, gfx_px(g, THEME_RADIUS), theme.panel);
    float pad = gfx_px(g, 16);
    /* The question in the top 30 % (the cards start at 32 %). */
    GfxTextStyle qs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_HEADING + 2, theme.text);
    qs.wrap = true;
    qs.shrink = true;
    qs.align = GFX_ALIGN_CENTER;
    qs.valign = GFX_VALIGN_MIDDLE;
    SDL_FRect qbox = {L->bench.x + pad, L->bench.y + pad, L->bench.w - 2 * pad, L->bench.h * 0.3f - pad};
    gfx_text(g, text_in(s, &t->question), qbox, &qs);
    int greyed = hinted_wrong(v, t);
    for (size_t k = 0; k < t->n_answers; k++) {
        double lo[2], hi[2];
        tutorial_answer_rect(s->setup, t, k, lo, hi);
        SDL_FPoint a = px(L, lo), b = px(L, hi);
        SDL_FRect r = {a.x, a.y, b.x - a.x, b.y - a.y};
        bool right = v->answered[k] && k == t->correct, wrong = v->answered[k] && k != t->correct;
        bool pressed = v->pressed == (int)k, focus = v->focus == (int)k;
        SDL_Color bg = right ? theme.ok_bg : (wrong ? theme.fail_bg : (pressed ? theme.panel_alt : white));
        SDL_Color fg = right ? theme.ok : (wrong ? theme.fail : theme.text);
        if ((int)k == greyed) {
            fg = alpha(theme.text_muted, 150);
        }
        float rad = gfx_px(g, 8);
        if (!pressed) {
            gfx_shadow(g, r, rad, gfx_px(g, 3));
        }
        gfx_fill_rounded(g, r, rad, bg);
        gfx_stroke_rounded(g, r, rad, focus ? 4.0f : 2.0f,
                           focus ? theme.focus : (right ? theme.ok : (wrong ? theme.fail : theme.border)));
        GfxTextStyle as = gfx_style(GFX_FONT_BOLD, THEME_TEXT_HEADING, fg);
        as.valign = GFX_VALIGN_MIDDLE;
        as.align = GFX_ALIGN_CENTER;
        as.shrink = true;
        float is = fminf(r.h * 0.6f, gfx_px(g, 36));
        gfx_text(g, text_in(s, &t->answers[k].text), (SDL_FRect){r.x + is + pad, r.y, r.w - 2 * (is + pad), r.h}, &as);
        if (right || wrong) {
            gfx_icon(g, right ? GFX_ICON_CHECK : GFX_ICON_CROSS,
                     (SDL_FRect){r.x + r.w - is - pad, r.y + (r.h - is) * 0.5f, is, is}, fg);
        }
        if ((int)k == greyed) {
            gfx_line(g, r.x + pad, r.y + r.h * 0.5f, r.x + r.w - pad, r.y + r.h * 0.5f, 2, fg);
        }
    }
}

/* ---- the strip under the bench ------------------------------------------------- */

/* How the gesture is done, for trainees new to a mouse or a touch screen:
 * shown under the bench until the first gesture gives something to say. */
static const char *how_to(const TutorialTask *t)
{
    switch (t->kind) {
    case TUTORIAL_DRAG: return _("Press on the object, keep pressing, move, let go on the cross");
    case TUTORIAL_PULL: return _("Press on the blue handle, keep pressing, slide along the line");
    case TUTORIAL_WIPE: return _("Press, slide across the area like the arrow, let go. Again, side by side");
    case TUTORIAL_ADJUST: return _("Use the buttons below, or the arrow keys (big steps) and + - (small steps)");
    case TUTORIAL_CHOOSE: return _("Touch the right answer");
    default: return NULL;
    }
}

static const char *feedback_text(const TutorialView *v, const TutorialTask *t)
{
    switch (v->feedback.kind) {
    case TUTORIAL_FB_GRAB_MISSED:
        return t->kind == TUTORIAL_PULL ? _("Press on the handle to take it") : _("Press on the object to take it");
    case TUTORIAL_FB_DROPPED: return _("Dropped. You can move it again");
    case TUTORIAL_FB_PULL_PAUSED: return _("You let go. Take the handle again and go on");
    case TUTORIAL_FB_PULL_DONE:
        /* The mean speed against the advised range, like the gauge shows it. */
        if (v->feedback.value > t->speed_max_mm_s) return _("End reached, but too fast. Next time, go slower");
        if (v->feedback.value < t->speed_min_mm_s) return _("End reached, but too slow. Next time, go faster");
        return _("End reached at a good speed");
    case TUTORIAL_FB_STROKE_GOOD: return _("Good wipe");
    case TUTORIAL_FB_STROKE_WRONG_WAY: return _("Wrong way: wipe like the arrow");
    case TUTORIAL_FB_STROKE_BACK_AND_FORTH: return _("Back and forth: wipe one way only");
    case TUTORIAL_FB_STROKE_TOO_SHORT: return _("Too short: wipe across the whole area");
    case TUTORIAL_FB_STROKE_OUTSIDE: return _("Wipe on the area");
    case TUTORIAL_FB_TAP: return _("Press, then slide to wipe");
    case TUTORIAL_FB_AT_LIMIT: return _("End of the scale");
    case TUTORIAL_FB_ANSWER_RIGHT: return _("Right answer!");
    case TUTORIAL_FB_ANSWER_WRONG: return _("Not this one. Try again");
    default: return NULL;
    }
}

static GfxIcon feedback_icon(const TutorialView *v, const TutorialTask *t)
{
    switch (v->feedback.kind) {
    case TUTORIAL_FB_PULL_DONE:
        return v->feedback.value >= t->speed_min_mm_s && v->feedback.value <= t->speed_max_mm_s ? GFX_ICON_CHECK
                                                                                                 : GFX_ICON_WARNING;
    case TUTORIAL_FB_STROKE_GOOD:
    case TUTORIAL_FB_ANSWER_RIGHT: return GFX_ICON_CHECK;
    case TUTORIAL_FB_STROKE_WRONG_WAY:
    case TUTORIAL_FB_STROKE_BACK_AND_FORTH:
    case TUTORIAL_FB_ANSWER_WRONG: return GFX_ICON_CROSS;
    case TUTORIAL_FB_DROPPED: return GFX_ICON_INFO;
    default: return GFX_ICON_WARNING;
    }
}

/* Speed gauge: 0 .. 1.5 x the advised maximum, the advised range in green. */
static void draw_speed_gauge(const ModuleSceneEnv *env, SDL_FRect r, const TutorialView *v, const TutorialTask *t)
{
    Gfx *g = env->gfx;
    double top = 1.5 * t->speed_max_mm_s;
    float bar_h = r.h * 0.3f;
    SDL_FRect bar = {r.x, r.y + r.h * 0.5f, r.w, bar_h};
    gfx_fill_rounded(g, bar, bar_h * 0.5f, theme.panel_alt);
    float gx0 = bar.x + bar.w * (float)(t->speed_min_mm_s / top), gx1 = bar.x + bar.w * (float)(t->speed_max_mm_s / top);
    gfx_fill_rect(g, (SDL_FRect){gx0, bar.y, gx1 - gx0, bar.h}, alpha(theme.ok, 160));
    gfx_stroke_rounded(g, bar, bar_h * 0.5f, 1, theme.border);
    double speed = v->pull_done ? v->feedback.value : v->pull_speed_mm_s;
    double shown = fmin(fmax(speed, 0.0), top);
    float nx = bar.x + bar.w * (float)(shown / top);
    bool in = speed >= t->speed_min_mm_s && speed <= t->speed_max_mm_s;
    SDL_Color nc = speed <= 0 ? theme.text_muted : (in ? theme.ok : theme.partial);
    gfx_line(g, nx, bar.y - bar_h * 0.6f, nx, bar.y + bar.h * 1.6f, 4, nc);
    char num[32], label[LABEL_MAX];
    number(speed, 0, num, sizeof num);
    snprintf(label, sizeof label, v->pull_done ? _("Mean speed: %s mm/s") : _("Speed: %s mm/s"), num);
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, theme.text);
    st.shrink = true;
    gfx_text(g, label, (SDL_FRect){r.x, r.y, r.w, r.h * 0.45f}, &st);
}

static void draw_strip(TutorialScene *s, const ModuleSceneEnv *env, const Layout *L, const TutorialView *v,
                       const TutorialTask *t)
{
    Gfx *g = env->gfx;
    (void)s;
    SDL_FRect r = L->strip;
    gfx_fill_rounded(g, r, gfx_px(g, THEME_RADIUS), theme.panel);
    float pad = gfx_px(g, 12);
    bool gauge = t->kind == TUTORIAL_PULL || t->kind == TUTORIAL_WIPE;
    float gw = gauge ? fminf(r.w * 0.4f, gfx_px(g, 420)) : 0;
    SDL_FRect left = {r.x + pad, r.y + pad * 0.5f, r.w - gw - 3 * pad, r.h - pad};
    const char *fb = feedback_text(v, t);
    GfxIcon icon = feedback_icon(v, t);
    if (!fb) {
        fb = how_to(t);
        icon = GFX_ICON_INFO;
    }
    if (fb) {
        float is = fminf(left.h * 0.7f, gfx_px(g, 32));
        bool good = icon == GFX_ICON_CHECK, bad = icon == GFX_ICON_CROSS;
        bool warn = icon == GFX_ICON_WARNING;
        SDL_Color c = good ? theme.ok
                      : bad ? theme.fail
                      : warn ? theme.partial
                      : v->feedback.kind != TUTORIAL_FB_NONE ? theme.primary
                                                             : theme.text_muted;
        gfx_icon(g, icon, (SDL_FRect){left.x, left.y + (left.h - is) * 0.5f, is, is}, c);
        GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, c);
        st.valign = GFX_VALIGN_MIDDLE;
        st.wrap = true;
        st.shrink = true;
        gfx_text(g, fb, (SDL_FRect){left.x + is + pad, left.y, left.w - is - pad, left.h}, &st);
    }
    if (!gauge) {
        return;
    }
    SDL_FRect right = {r.x + r.w - gw - pad, r.y + pad * 0.5f, gw, r.h - pad};
    if (t->kind == TUTORIAL_PULL) {
        draw_speed_gauge(env, right, v, t);
        return;
    }
    char line[LABEL_MAX], pct[32];
    number(100.0 * v->coverage, 0, pct, sizeof pct);
    snprintf(line, sizeof line, _("Good: %d of %d   Wrong: %d   Wiped: %s %%"), v->good_strokes, t->strokes,
             v->bad_strokes, pct);
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, theme.text);
    st.valign = GFX_VALIGN_MIDDLE;
    st.align = GFX_ALIGN_RIGHT;
    st.wrap = true;
    st.shrink = true;
    gfx_text(g, line, right, &st);
}

/* ---- ModuleScene ------------------------------------------------------------- */

static void *tutorial_scene_create(const Scenario *scn)
{
    if (!scn || !scn->module || strcmp(scn->module->name, "tutorial") != 0 || !scn->setup) {
        return NULL;
    }
    TutorialScene *s = calloc(1, sizeof *s);
    if (!s) {
        return NULL;
    }
    s->scn = scn;
    s->setup = scn->setup;
    memcpy(s->lang, "fr", 3);
    return s;
}

static void tutorial_scene_destroy(void *self)
{
    free(self);
}

static bool tutorial_scene_to_scene(void *self, const ModuleSceneEnv *env, int px_x, int px_y, double *x, double *y)
{
    TutorialScene *s = self;
    Layout L = layout(s, env);
    /* The centre of the pixel, so a round trip mm -> px -> mm stays within half a pixel. */
    double mx = ((double)px_x + 0.5 - (double)L.bench.x) / (double)L.scale;
    double my = ((double)px_y + 0.5 - (double)L.bench.y) / (double)L.scale;
    if (mx < 0 || my < 0 || mx > s->setup->bench_width_mm || my > s->setup->bench_height_mm) {
        return false;
    }
    *x = mx;
    *y = my;
    return true;
}

static void tutorial_scene_draw(void *self, const ModuleSceneEnv *env, const void *module_state)
{
    TutorialScene *s = self;
    if (env->lang && (strcmp(env->lang, "en") == 0 || strcmp(env->lang, "fr") == 0)) {
        memcpy(s->lang, env->lang, 3);
    }
    const TutorialView *v = tutorial_view(module_state);
    const TutorialTask *t = tutorial_current_task(v);
    if (!t) {
        return;
    }
    Layout L = layout(s, env);
    switch (t->kind) {
    case TUTORIAL_DRAG:
        draw_bench(env, &L, s->setup);
        draw_drag(s, env, &L, v, t);
        break;
    case TUTORIAL_PULL:
        draw_bench(env, &L, s->setup);
        draw_pull(s, env, &L, v, t);
        break;
    case TUTORIAL_WIPE:
        draw_bench(env, &L, s->setup);
        draw_wipe(s, env, &L, v, t);
        break;
    case TUTORIAL_ADJUST:
        draw_adjust(s, env, &L, v, t);
        break;
    case TUTORIAL_CHOOSE:
        draw_choose(s, env, &L, v, t);
        break;
    default:
        break;
    }
    draw_strip(s, env, &L, v, t);
    /* Task n of N, top right of the bench. */
    char count[64];
    snprintf(count, sizeof count, _("Step %zu of %zu"), v->task + 1, s->setup->n_tasks);
    SDL_FPoint sz = gfx_text_measure(env->gfx, count, GFX_FONT_BOLD, THEME_TEXT_SMALL);
    SDL_FRect badge = {L.bench.x + L.bench.w - sz.x - gfx_px(env->gfx, 28), L.bench.y + gfx_px(env->gfx, 8),
                       sz.x + gfx_px(env->gfx, 20), sz.y + gfx_px(env->gfx, 8)};
    gfx_fill_rounded(env->gfx, badge, badge.h * 0.5f, alpha(theme.topbar, 220));
    gfx_text_at(env->gfx, count, badge.x + badge.w * 0.5f, badge.y + gfx_px(env->gfx, 4), GFX_FONT_BOLD,
                THEME_TEXT_SMALL, theme.on_topbar, GFX_ALIGN_CENTER);
}

static size_t add_button(SceneButton *out, size_t n, size_t max, const char *id, const char *label, bool enabled)
{
    if (n >= max) {
        return n;
    }
    snprintf(out[n].id, sizeof out[n].id, "%s", id);
    out[n].label = label;
    out[n].enabled = enabled;
    return n + 1;
}

static size_t tutorial_scene_buttons(void *self, const void *module_state, SceneButton *out, size_t max)
{
    const TutorialScene *s = self;
    const TutorialView *v = tutorial_view(module_state);
    const TutorialTask *t = tutorial_current_task(v);
    size_t n = 0;
    if (!t) {
        return 0;
    }
    if (t->kind == TUTORIAL_ADJUST) {
        n = add_button(out, n, max, "left", N_("Much less"), true);
        n = add_button(out, n, max, "fine_minus", N_("A little less"), true);
        n = add_button(out, n, max, "fine_plus", N_("A little more"), true);
        n = add_button(out, n, max, "right", N_("Much more"), true);
    }
    /* Next comes first: the exercise scene draws the first button as the
     * main action, and key 1 is the easiest to find. (Answers are cards on
     * the bench: a long answer would not fit a button.) */
    if (n < max) {
        memmove(out + 1, out, n * sizeof *out);
        n++;
        snprintf(out[0].id, sizeof out[0].id, "next");
        out[0].label = v->task + 1 == s->setup->n_tasks ? N_("Finish") : N_("Next");
        out[0].enabled = true;
    }
    return n;
}

static const char *tutorial_scene_prompt(void *self, const void *module_state, bool hints)
{
    TutorialScene *s = self;
    (void)hints;
    const TutorialTask *t = tutorial_current_task(tutorial_view(module_state));
    if (!t) {
        return NULL;
    }
    /* The scenario's own sentence in the language drawn last (gettext gives
     * it back unchanged), else the module's default, a msgid. */
    const char *say = text_in(s, &t->say);
    return say ? say : tutorial_default_prompt(t->kind);
}

const ModuleScene tutorial_scene = {
    .module = "tutorial",
    .create = tutorial_scene_create,
    .destroy = tutorial_scene_destroy,
    .to_scene = tutorial_scene_to_scene,
    .draw = tutorial_scene_draw,
    .buttons = tutorial_scene_buttons,
    .prompt = tutorial_scene_prompt,
};
