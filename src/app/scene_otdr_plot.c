/*
 * scene_otdr_plot.c - the trace side of the OTDR screen: the header (traces
 * acquired, zoom keys, save), the plot (grid, dB and distance axes with
 * 1-2-5 ticks, the trace, event marks, cursors A and B), the overview strip
 * and the cursor readings.
 *
 * The trace is reduced to one column per pixel with the lowest and highest
 * sample of the column (otdr_trace_columns), so a reflection narrower than a
 * pixel still shows its full height; each column is a vertical run joined to
 * its neighbour, drawn in one SDL_RenderFillRectsF call (crisp, and cheap on
 * the software renderer). Columns are recomputed only when the trace or the
 * window changes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "scene_otdr.h"
#include "theme.h"

static SDL_Color dim(SDL_Color c, float f)
{
    return (SDL_Color){(Uint8)(c.r * f), (Uint8)(c.g * f), (Uint8)(c.b * f), 255};
}

static float y_px(const OtdrScene *sc, double db)
{
    const SDL_FRect *p = &sc->L.plot;
    return p->y + (float)((sc->y1_db - db) / (sc->y1_db - sc->y0_db)) * p->h;
}

static float x_px(const OtdrScene *sc, double m)
{
    const SDL_FRect *p = &sc->L.plot;
    return p->x + (float)((m - sc->x0_m) / (sc->x1_m - sc->x0_m)) * p->w;
}

/* ---- header ---------------------------------------------------------------------- */

static const char *kind_label(OtdrTraceKind k)
{
    return k == OTDR_TRACE_B ? N_("B to A") : k == OTDR_TRACE_AVERAGE ? N_("A+B") : N_("A to B");
}

void otdr_draw_header(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    const OtdrLayout *L = &sc->L;
    SDL_FRect h = L->header;
    float key = L->row, gap = 6 * L->s;
    /* Right: zoom out, in, whole trace, fit the cursors, save. */
    float x = h.x + h.w - key;
    otdr_key_draw(sc, env, (SDL_FRect){x, h.y, key, key}, "app:export", NULL, GFX_ICON_SAVE, false, v->trace != NULL);
    x -= key * 1.3f + gap;
    otdr_key_draw(sc, env, (SDL_FRect){x, h.y, key * 1.3f, key}, "zoom:cursors", "A-B", GFX_ICON_NONE, false,
                  v->trace != NULL);
    x -= key + gap;
    otdr_key_draw(sc, env, (SDL_FRect){x, h.y, key, key}, "zoom:full", NULL, GFX_ICON_FULLSCREEN, false,
                  v->trace != NULL);
    x -= key + gap;
    otdr_key_draw(sc, env, (SDL_FRect){x, h.y, key, key}, "zoom:in", NULL, GFX_ICON_PLUS, false, v->trace != NULL);
    x -= key + gap;
    otdr_key_draw(sc, env, (SDL_FRect){x, h.y, key, key}, "zoom:out", NULL, GFX_ICON_MINUS, false, v->trace != NULL);
    float chips_end = x - 2 * gap;
    /* Left: one chip per acquired trace (the one shown lit). */
    float cx = h.x;
    float chip_w = 112 * L->s;
    char label[64], id[32];
    if (v->setup->from_file) {
        char nm[16];
        otdr_num(v->trace_wavelength_nm, 0, nm, sizeof nm);
        snprintf(label, sizeof label, "%s nm", nm);
        SDL_FRect r = {cx, h.y, fminf(chip_w, chips_end - cx), key};
        otdr_key_draw(sc, env, r, NULL, label, GFX_ICON_NONE, true, true);
        cx += r.w + gap;
        if (v->setup->file_instrument[0] && chips_end - cx > 60 * L->s) {
            otdr_label(env->gfx, v->setup->file_instrument, (SDL_FRect){cx, h.y, chips_end - cx, key}, THEME_TEXT_SMALL,
                       GFX_FONT_REGULAR, otdr_text_dim, GFX_ALIGN_LEFT);
        }
        return;
    }
    for (int w = 0; w < OTDR_WL_COUNT; w++) {
        for (int k = 0; k < 3; k++) {
            if (!v->slots.present[w][k] || cx + chip_w > chips_end) {
                continue;
            }
            double nm = otdr_wavelength_nm((OtdrWavelength)w);
            snprintf(label, sizeof label, "%.0f %s", nm, _(kind_label((OtdrTraceKind)k)));
            snprintf(id, sizeof id, "trace:%.0f:%s", nm, k == 0 ? "a" : k == 1 ? "b" : "avg");
            bool on = v->trace && v->trace_wavelength == (OtdrWavelength)w && (int)v->trace_kind == k;
            otdr_key_draw(sc, env, (SDL_FRect){cx, h.y, chip_w, key}, id, label, GFX_ICON_NONE, on, !v->acquiring);
            cx += chip_w + gap;
        }
    }
    if (cx == h.x) {
        otdr_label(env->gfx, _("No trace yet"), (SDL_FRect){cx, h.y, chips_end - cx, key}, THEME_TEXT_SMALL,
                   GFX_FONT_REGULAR, otdr_text_dim, GFX_ALIGN_LEFT);
    }
}

/* ---- plot ------------------------------------------------------------------------ */

static void grid_and_axes(OtdrScene *sc, const ModuleSceneEnv *env)
{
    Gfx *g = env->gfx;
    const OtdrLayout *L = &sc->L;
    const SDL_FRect p = L->plot;
    /* dB: about one line per 40 points of height. */
    double yspan = sc->y1_db - sc->y0_db;
    double ystep = otdr_tick_step(yspan, (int)fmaxf(3, p.h / (40 * L->s)));
    int ydec = ystep >= 1 ? 0 : ystep >= 0.1 ? 1 : ystep >= 0.01 ? 2 : 3;
    char num[48];
    for (double y = ceil(sc->y0_db / ystep) * ystep; y <= sc->y1_db + 1e-9; y += ystep) {
        float py = floorf(y_px(sc, y));
        if (py < p.y || py > p.y + p.h - 1) {
            continue;
        }
        gfx_fill_rect(g, (SDL_FRect){p.x, py, p.w, 1}, otdr_grid);
        if (py < p.y + 20 * L->s) {
            continue; /* the unit sits there */
        }
        otdr_num(y, ydec, num, sizeof num);
        otdr_label(g, num, (SDL_FRect){L->yaxis.x, py - 9 * L->s, L->yaxis.w, 18 * L->s}, 14, GFX_FONT_REGULAR,
                   otdr_text_dim, GFX_ALIGN_RIGHT);
    }
    otdr_label(g, "dB", (SDL_FRect){L->yaxis.x, p.y, L->yaxis.w, 18 * L->s}, 14, GFX_FONT_BOLD, otdr_text_dim,
               GFX_ALIGN_RIGHT);
    /* Distance: about one line per 90 points of width, in m or km. */
    double span = sc->x1_m - sc->x0_m;
    double xstep = otdr_tick_step(span, (int)fmaxf(3, p.w / (90 * L->s)));
    bool km = xstep >= 500;
    int xdec = km ? (xstep >= 1000 ? 0 : 1) : (xstep >= 1 ? 0 : xstep >= 0.1 ? 1 : 2);
    if (km && fmod(xstep, 1000) != 0) {
        xdec = xstep >= 100 ? 1 : 2;
    }
    for (double x = ceil(sc->x0_m / xstep) * xstep; x <= sc->x1_m + 1e-9; x += xstep) {
        float px = floorf(x_px(sc, x));
        if (px < p.x || px > p.x + p.w - 1) {
            continue;
        }
        gfx_fill_rect(g, (SDL_FRect){px, p.y, 1, p.h}, fabs(x) < 1e-9 ? otdr_grid_major : otdr_grid);
        otdr_num(km ? x / 1000.0 : x, xdec, num, sizeof num);
        char lab[64];
        snprintf(lab, sizeof lab, "%s %s", num, km ? "km" : "m");
        float w = 80 * L->s, right = L->xaxis.x + L->xaxis.w;
        SDL_FRect box = {px - w / 2, L->xaxis.y, w, L->xaxis.h};
        GfxAlign align = GFX_ALIGN_CENTER;
        if (box.x + box.w > right + 4 * L->s) {
            /* the last label stays under the plot, ending at its edge */
            box.x = right - w;
            align = GFX_ALIGN_RIGHT;
        }
        otdr_label(g, lab, box, 14, GFX_FONT_REGULAR, otdr_text_dim, align);
    }
    gfx_stroke_rounded(g, (SDL_FRect){p.x - 1, p.y - 1, p.w + 2, p.h + 2}, 0, 1.0f, otdr_grid_major);
}

static void trace_columns(OtdrScene *sc, const OtdrView *v, int n)
{
    if (sc->cols_serial == v->trace_serial && sc->cols_x0 == sc->x0_m && sc->cols_x1 == sc->x1_m && sc->cols_n == n) {
        return;
    }
    otdr_trace_columns(v->trace, sc->x0_m, sc->x1_m, (size_t)n, sc->cols_min, sc->cols_max);
    sc->cols_serial = v->trace_serial;
    sc->cols_x0 = sc->x0_m;
    sc->cols_x1 = sc->x1_m;
    sc->cols_n = n;
}

/* Columns [ymin, ymax] as joined vertical runs of width w_px. */
static void draw_columns(SDL_Renderer *r, const float *ymin, const float *ymax, int n, float x0, float col_w,
                         float top, float bottom, double y0_db, double y1_db, float w_px, SDL_Color c)
{
    static SDL_FRect rects[OTDR_COLS_MAX];
    int m = 0;
    bool have_prev = false;
    float prev_top = 0, prev_bot = 0;
    float scale = (bottom - top) / (float)(y1_db - y0_db);
    for (int i = 0; i < n; i++) {
        if (isnan(ymin[i])) {
            have_prev = false;
            continue;
        }
        float t = top + (float)(y1_db - (double)ymax[i]) * scale, b = top + (float)(y1_db - (double)ymin[i]) * scale;
        float run_t = t, run_b = b;
        if (have_prev) {
            /* Join to the neighbour so the line never breaks. */
            if (run_t > prev_bot) run_t = prev_bot;
            if (run_b < prev_top) run_b = prev_top;
        }
        prev_top = t;
        prev_bot = b;
        have_prev = true;
        run_t = fmaxf(run_t, top - 2);
        run_b = fminf(run_b, bottom + 2);
        if (run_b < run_t) {
            continue;
        }
        rects[m++] = (SDL_FRect){x0 + (float)i * col_w - w_px * 0.5f, run_t - w_px * 0.5f, w_px + col_w * 0.5f,
                                 run_b - run_t + w_px};
    }
    SDL_BlendMode old = SDL_BLENDMODE_NONE;
    SDL_GetRenderDrawBlendMode(r, &old);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, 255);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_RenderFillRectsF(r, rects, m);
    SDL_SetRenderDrawBlendMode(r, old);
}

static const SDL_Color mark_colour[OTDR_MARK_COUNT] = {
    {170, 182, 196, 255}, {120, 200, 255, 255}, {140, 230, 150, 255}, {255, 170, 90, 255},
    {255, 110, 110, 255}, {200, 160, 255, 255}, {255, 230, 120, 255},
};

static void draw_events(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    Gfx *g = env->gfx;
    const SDL_FRect p = sc->L.plot;
    float tri = 9 * sc->L.s;
    for (size_t i = 0; v->events && i < v->events->count; i++) {
        const OtdrEvent *e = &v->events->ev[i];
        float px = x_px(sc, e->distance_m);
        if (px < p.x - tri || px > p.x + p.w + tri) {
            continue;
        }
        bool sel = (int)i == v->selected_event;
        uint8_t m = v->marks ? v->marks[i] : 0;
        SDL_Color c = sel ? otdr_text : mark_colour[m < OTDR_MARK_COUNT ? m : 0];
        if (sel) {
            for (float y = p.y + 2 * tri; y < p.y + p.h; y += 8 * sc->L.s) {
                gfx_fill_rect(g, (SDL_FRect){floorf(px), y, 1, 4 * sc->L.s}, dim(c, 0.7f));
            }
        }
        gfx_fill_triangle(g, (SDL_FPoint){px - tri * 0.6f, p.y + 1}, (SDL_FPoint){px + tri * 0.6f, p.y + 1},
                          (SDL_FPoint){px, p.y + tri}, c);
        char num[16];
        int number = v->setup->from_file ? v->setup->file_event_numbers[i] : (int)i + 1;
        snprintf(num, sizeof num, "%d", number);
        gfx_text_at(g, num, px + tri * 0.7f, p.y + 1, sel ? GFX_FONT_BOLD : GFX_FONT_REGULAR, 13, c, GFX_ALIGN_LEFT);
    }
}

static void draw_cursor(OtdrScene *sc, const ModuleSceneEnv *env, double x_m, double level_db, SDL_Color c,
                        const char *name, bool active)
{
    Gfx *g = env->gfx;
    const SDL_FRect p = sc->L.plot;
    float px = floorf(x_px(sc, x_m));
    if (px < p.x || px > p.x + p.w - 1) {
        return;
    }
    float w = active ? 2 : 1;
    gfx_fill_rect(g, (SDL_FRect){px - (w > 1 ? 1 : 0), p.y, w, p.h}, c);
    float py = y_px(sc, level_db);
    if (py >= p.y && py <= p.y + p.h) {
        gfx_stroke_circle(g, px, py, 5 * sc->L.s, 2, c);
    }
    float tw = 20 * sc->L.s, th = 20 * sc->L.s;
    SDL_FRect tag = {px - tw / 2, p.y + p.h - th - 40 * sc->L.s, tw, th};
    gfx_fill_rounded(g, tag, 4 * sc->L.s, c);
    otdr_label(g, name, tag, 14, GFX_FONT_BOLD, otdr_screen, GFX_ALIGN_CENTER);
}

static void acquiring_overlay(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    Gfx *g = env->gfx;
    const SDL_FRect p = sc->L.plot;
    float w = fminf(p.w * 0.7f, 420 * sc->L.s), h = 76 * sc->L.s;
    SDL_FRect r = {p.x + (p.w - w) / 2, p.y + (p.h - h) / 2, w, h};
    gfx_fill_rounded(g, r, 8 * sc->L.s, otdr_bg);
    gfx_stroke_rounded(g, r, 8 * sc->L.s, 1.5f, otdr_trace_col);
    char a[32], b[32], line[160];
    otdr_num(v->acquire_elapsed_s, 1, a, sizeof a);
    otdr_num(v->acquire_total_s, v->acquire_total_s < 1 ? 1 : 0, b, sizeof b);
    snprintf(line, sizeof line, _("Acquiring: %s s of %s s"), a, b);
    otdr_label(g, line, (SDL_FRect){r.x + 12 * sc->L.s, r.y + 6 * sc->L.s, r.w - 24 * sc->L.s, 30 * sc->L.s},
               THEME_TEXT_BODY, GFX_FONT_BOLD, otdr_text, GFX_ALIGN_CENTER);
    SDL_FRect bar = {r.x + 16 * sc->L.s, r.y + h - 26 * sc->L.s, r.w - 32 * sc->L.s, 12 * sc->L.s};
    gfx_fill_rounded(g, bar, 5 * sc->L.s, otdr_key);
    double f = v->acquire_total_s > 0 ? v->acquire_elapsed_s / v->acquire_total_s : 0;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    if (f > 0) {
        gfx_fill_rounded(g, (SDL_FRect){bar.x, bar.y, bar.w * (float)f, bar.h}, 5 * sc->L.s, otdr_trace_col);
    }
}

static void settings_line(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    const OtdrSettings *s = &v->trace->settings;
    char nm[16], ior[16], avg[16], range[48], line[200];
    otdr_num(v->trace_wavelength_nm, 0, nm, sizeof nm);
    otdr_num(s->group_index, 4, ior, sizeof ior);
    otdr_num(s->averaging_s, s->averaging_s < 1 ? 1 : 0, avg, sizeof avg);
    if (s->range_m >= 1000) {
        otdr_num(s->range_m / 1000.0, fmod(s->range_m, 1000) == 0 ? 0 : 1, range, sizeof range);
        strncat(range, " km", sizeof range - strlen(range) - 1);
    } else {
        snprintf(range, sizeof range, "%.0f m", s->range_m);
    }
    snprintf(line, sizeof line, "%s nm   %.0f ns   %s   %s s   IOR %s   %s", nm, s->pulse_ns, range, avg, ior,
             _(kind_label(v->trace_kind == OTDR_TRACE_FILE ? OTDR_TRACE_A : v->trace_kind)));
    const SDL_FRect p = sc->L.plot;
    /* On a dark backdrop, so that a peak under it does not hide it. */
    SDL_FPoint sz = gfx_text_measure(env->gfx, line, GFX_FONT_REGULAR, 13);
    float w = fminf(sz.x + 12 * sc->L.s, p.w * 0.75f);
    SDL_FRect r = {p.x + p.w - w - 4 * sc->L.s, p.y + 16 * sc->L.s, w, 18 * sc->L.s};
    gfx_fill_rounded(env->gfx, r, 4 * sc->L.s, otdr_bg);
    otdr_label(env->gfx, line, (SDL_FRect){r.x + 6 * sc->L.s, r.y, r.w - 12 * sc->L.s, r.h}, 13, GFX_FONT_REGULAR,
               otdr_text_dim, GFX_ALIGN_RIGHT);
}

void otdr_draw_plot(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    Gfx *g = env->gfx;
    const SDL_FRect p = sc->L.plot;
    gfx_fill_rect(g, p, otdr_screen);
    grid_and_axes(sc, env);
    if (!v->trace && v->acquiring) {
        acquiring_overlay(sc, env, v);
        return;
    }
    if (!v->trace) {
        float is = 36 * sc->L.s;
        gfx_icon(g, GFX_ICON_INFO, (SDL_FRect){p.x + (p.w - is) / 2, p.y + p.h * 0.3f, is, is}, otdr_text_dim);
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, otdr_text);
        st.align = GFX_ALIGN_CENTER;
        st.wrap = true;
        st.shrink = true;
        gfx_text(g, _("No trace yet: set the instrument, then Acquire"),
                 (SDL_FRect){p.x + p.w * 0.1f, p.y + p.h * 0.3f + is + 8 * sc->L.s, p.w * 0.8f, p.h * 0.3f}, &st);
        return;
    }
    int n = (int)p.w;
    n = n > OTDR_COLS_MAX ? OTDR_COLS_MAX : n < 1 ? 1 : n;
    trace_columns(sc, v, n);
    SDL_Rect clip = {(int)p.x, (int)p.y, (int)p.w, (int)p.h};
    SDL_RenderSetClipRect(env->renderer, &clip);
    draw_columns(env->renderer, sc->cols_min, sc->cols_max, n, p.x + 0.5f, p.w / (float)n, p.y, p.y + p.h, sc->y0_db,
                 sc->y1_db, 2.0f, otdr_trace_col);
    draw_events(sc, env, v);
    draw_cursor(sc, env, v->cursor_m[0], v->readout.level_a_db, otdr_cursor_a, "A", v->active_cursor == 0);
    draw_cursor(sc, env, v->cursor_m[1], v->readout.level_b_db, otdr_cursor_b, "B", v->active_cursor == 1);
    settings_line(sc, env, v);
    SDL_Rect area = env->area;
    SDL_RenderSetClipRect(env->renderer, &area);
    if (v->acquiring) {
        acquiring_overlay(sc, env, v);
    }
}

/* ---- overview ------------------------------------------------------------------- */

void otdr_draw_overview(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    Gfx *g = env->gfx;
    const SDL_FRect o = sc->L.overview;
    gfx_fill_rect(g, o, otdr_screen);
    gfx_stroke_rounded(g, (SDL_FRect){o.x - 1, o.y - 1, o.w + 2, o.h + 2}, 0, 1.0f, otdr_grid_major);
    if (!v->trace) {
        return;
    }
    int n = (int)o.w;
    n = n > OTDR_COLS_MAX ? OTDR_COLS_MAX : n < 1 ? 1 : n;
    double full = v->full_m;
    if (sc->over_serial != v->trace_serial || sc->over_n != n) {
        otdr_trace_columns(v->trace, 0, full, (size_t)n, sc->over_min, sc->over_max);
        sc->over_serial = v->trace_serial;
        sc->over_n = n;
    }
    /* Its own vertical scale: the whole trace, the noise floor at the bottom. */
    double lo = v->trace->noise_rms_db - 3, hi = lo;
    for (int i = 0; i < n; i++) {
        if (!isnan(sc->over_max[i]) && (double)sc->over_max[i] > hi) hi = (double)sc->over_max[i];
    }
    if (hi - lo < 1) hi = lo + 1;
    SDL_Rect clip = {(int)o.x, (int)o.y, (int)o.w, (int)o.h};
    SDL_RenderSetClipRect(env->renderer, &clip);
    draw_columns(env->renderer, sc->over_min, sc->over_max, n, o.x + 0.5f, o.w / (float)n, o.y + 2, o.y + o.h - 2, lo,
                 hi, 1.0f, dim(otdr_trace_col, 0.75f));
    SDL_Rect area = env->area;
    SDL_RenderSetClipRect(env->renderer, &area);
    float a = o.x + (float)(v->x0_m / full) * o.w, b = o.x + (float)(v->x1_m / full) * o.w;
    a = fmaxf(a, o.x);
    b = fminf(b, o.x + o.w);
    gfx_stroke_rounded(g, (SDL_FRect){a, o.y, fmaxf(b - a, 3), o.h}, 2, 1.5f, otdr_text);
    for (int i = 0; i < 2; i++) {
        float cx = o.x + (float)(v->cursor_m[i] / full) * o.w;
        gfx_fill_rect(g, (SDL_FRect){floorf(cx), o.y, 1, o.h}, i ? otdr_cursor_b : otdr_cursor_a);
    }
}

/* ---- readings ------------------------------------------------------------------- */

static void cell(OtdrScene *sc, const ModuleSceneEnv *env, SDL_FRect r, const char *name, const char *value,
                 SDL_Color c)
{
    float nw = r.w * 0.42f;
    otdr_label(env->gfx, name, (SDL_FRect){r.x, r.y, nw, r.h}, 14, GFX_FONT_REGULAR, otdr_text_dim, GFX_ALIGN_LEFT);
    otdr_label(env->gfx, value, (SDL_FRect){r.x + nw, r.y, r.w - nw - 4 * sc->L.s, r.h}, 16, GFX_FONT_BOLD, c,
               GFX_ALIGN_RIGHT);
}

void otdr_draw_readout(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    Gfx *g = env->gfx;
    const SDL_FRect R = sc->L.readout;
    gfx_fill_rounded(g, R, 6 * sc->L.s, otdr_key);
    const OtdrReadout *r = &v->readout;
    float pad = 8 * sc->L.s, cw = (R.w - 2 * pad) / 4.0f, lh = (R.h - 2 * 3 * sc->L.s) / 2.0f;
    char a[48], b[48], ab[48], v1[64], v2[64], v3[64], v4[64], v5[64];
    const char *none = "-";
    if (!r->valid) {
        snprintf(a, sizeof a, "%s", none);
        snprintf(b, sizeof b, "%s", none);
        snprintf(ab, sizeof ab, "%s", none);
    } else {
        otdr_distance_text(r->a_m, a, sizeof a);
        otdr_distance_text(r->b_m, b, sizeof b);
        otdr_distance_text(r->ab_m, ab, sizeof ab);
    }
    float y1 = R.y + 3 * sc->L.s, y2 = y1 + lh;
    cell(sc, env, (SDL_FRect){R.x + pad, y1, cw, lh}, "A", a, otdr_cursor_a);
    cell(sc, env, (SDL_FRect){R.x + pad + cw, y1, cw, lh}, "B", b, otdr_cursor_b);
    cell(sc, env, (SDL_FRect){R.x + pad + 2 * cw, y1, cw, lh}, "B-A", ab, otdr_text);
    char num[48];
    if (r->valid) {
        otdr_num(r->loss_2pt_db, 3, num, sizeof num);
        snprintf(v1, sizeof v1, "%s dB", num);
        otdr_num(r->orl_db, 1, num, sizeof num);
        snprintf(v2, sizeof v2, "%s dB", num);
        otdr_num(r->atten_lsa_db_km, 3, num, sizeof num);
        snprintf(v3, sizeof v3, "%s dB/km", num);
        otdr_num(r->event_loss_db, 3, num, sizeof num);
        snprintf(v4, sizeof v4, "%s dB", num);
        if (r->has_reflectance) {
            otdr_num(r->reflectance_db, 1, num, sizeof num);
            snprintf(v5, sizeof v5, "%s%s dB", r->reflectance_saturated ? "> " : "", num);
        } else {
            snprintf(v5, sizeof v5, "%s", none);
        }
    } else {
        snprintf(v1, sizeof v1, "%s", none);
        snprintf(v2, sizeof v2, "%s", none);
        snprintf(v3, sizeof v3, "%s", none);
        snprintf(v4, sizeof v4, "%s", none);
        snprintf(v5, sizeof v5, "%s", none);
    }
    cell(sc, env, (SDL_FRect){R.x + pad + 3 * cw, y1, cw, lh}, _("ORL"), v2, otdr_text);
    cell(sc, env, (SDL_FRect){R.x + pad, y2, cw, lh}, _("Loss A-B"), v1, otdr_text);
    cell(sc, env, (SDL_FRect){R.x + pad + cw, y2, cw, lh}, _("Att. LSA"), v3, otdr_text);
    cell(sc, env, (SDL_FRect){R.x + pad + 2 * cw, y2, cw, lh}, _("Event"), v4, otdr_text);
    cell(sc, env, (SDL_FRect){R.x + pad + 3 * cw, y2, cw, lh}, _("Refl."), v5, otdr_text);
}

/* ---- event icons ---------------------------------------------------------------- */

void otdr_event_icon(Gfx *g, const OtdrEvent *e, SDL_FRect b, SDL_Color c)
{
    /* A short sketch of the trace around the event. */
    float x0 = b.x, x1 = b.x + b.w, ym = b.y + b.h * 0.5f, w = fmaxf(1.5f, b.h * 0.09f);
    float mid = b.x + b.w * 0.45f;
    if (e->end_of_fibre) {
        SDL_FPoint pts[5] = {{x0, b.y + b.h * 0.35f}, {mid, b.y + b.h * 0.42f}, {mid, b.y + b.h * 0.08f},
                             {mid + b.w * 0.12f, b.y + b.h * 0.9f}, {x1, b.y + b.h * 0.88f}};
        gfx_polyline(g, pts, 5, w, c);
    } else if (e->reflective) {
        SDL_FPoint pts[6] = {{x0, b.y + b.h * 0.45f}, {mid, b.y + b.h * 0.5f}, {mid, b.y + b.h * 0.08f},
                             {mid + b.w * 0.12f, b.y + b.h * 0.62f}, {x1, b.y + b.h * 0.66f},
                             {x1, b.y + b.h * 0.66f}};
        gfx_polyline(g, pts, 5, w, c);
    } else if (e->loss_db < 0) {
        /* gainer: a step up */
        SDL_FPoint pts[4] = {{x0, ym + b.h * 0.15f}, {mid, ym + b.h * 0.2f}, {mid + b.w * 0.1f, ym - b.h * 0.15f},
                             {x1, ym - b.h * 0.1f}};
        gfx_polyline(g, pts, 4, w, c);
        gfx_fill_triangle(g, (SDL_FPoint){x1 - b.w * 0.12f, b.y + b.h * 0.15f}, (SDL_FPoint){x1, b.y + b.h * 0.15f},
                          (SDL_FPoint){x1 - b.w * 0.06f, b.y}, c);
    } else {
        /* non-reflective: a step down */
        SDL_FPoint pts[4] = {{x0, ym - b.h * 0.2f}, {mid, ym - b.h * 0.15f}, {mid + b.w * 0.1f, ym + b.h * 0.15f},
                             {x1, ym + b.h * 0.2f}};
        gfx_polyline(g, pts, 4, w, c);
    }
}
