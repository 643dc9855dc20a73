/*
 * scene_otdr.c - the OTDR instrument screen: layout, the picture's input
 * mapping (pixels of the trace plot -> metres and dB; presses on the drawn
 * keys -> choice ids), the buttons under the picture, the prompt line and
 * the export of the trace shown to a .sor file in the data folder.
 *
 * Looks like a bench OTDR: a dark screen with the trace over a grid, dB and
 * distance axes, cursors A and B with their readings underneath, an overview
 * strip of the whole trace with the zoomed window boxed, and a side panel
 * with the settings, the event table and the results to fill in. Every key
 * is at least a touch row tall.
 */
#include "scene_otdr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fibresim/messages.h"
#include "i18n.h"
#include "theme.h"

const SDL_Color otdr_bg = {28, 33, 40, 255};           /* instrument body */
const SDL_Color otdr_screen = {10, 14, 20, 255};       /* trace screen */
const SDL_Color otdr_grid = {38, 48, 60, 255};
const SDL_Color otdr_grid_major = {62, 76, 92, 255};
const SDL_Color otdr_trace_col = {255, 214, 64, 255};  /* yellow trace */
const SDL_Color otdr_text = {236, 240, 244, 255};
const SDL_Color otdr_text_dim = {170, 182, 196, 255};  /* >= 7:1 on otdr_bg */
const SDL_Color otdr_cursor_a = {64, 200, 255, 255};
const SDL_Color otdr_cursor_b = {255, 118, 190, 255};
const SDL_Color otdr_key = {48, 57, 68, 255};
const SDL_Color otdr_key_line = {92, 108, 126, 255};
const SDL_Color otdr_key_on = {24, 110, 180, 255};
const SDL_Color otdr_sel = {34, 78, 120, 255};

/* ---- helpers --------------------------------------------------------------------- */

void otdr_zone_add(OtdrScene *sc, SDL_FRect r, const char *id, bool enabled)
{
    if (sc->n_zones >= OTDR_ZONES_MAX) {
        return;
    }
    OtdrZone *z = &sc->zones[sc->n_zones++];
    z->r = r;
    snprintf(z->id, sizeof z->id, "%s", id);
    z->enabled = enabled;
}

void otdr_label(Gfx *g, const char *s, SDL_FRect r, float pt, GfxFont font, SDL_Color c, GfxAlign align)
{
    GfxTextStyle st = gfx_style(font, pt, c);
    st.align = align;
    st.valign = GFX_VALIGN_MIDDLE;
    st.shrink = true;
    gfx_text(g, s, r, &st);
}

void otdr_key_draw(OtdrScene *sc, const ModuleSceneEnv *env, SDL_FRect r, const char *id, const char *label,
                   GfxIcon icon, bool on, bool enabled)
{
    Gfx *g = env->gfx;
    float rad = 6 * sc->L.s;
    gfx_fill_rounded(g, r, rad, on ? otdr_key_on : otdr_key);
    gfx_stroke_rounded(g, r, rad, on ? 2.0f : 1.0f, on ? otdr_text : otdr_key_line);
    SDL_Color c = enabled ? otdr_text : otdr_text_dim;
    SDL_FRect t = {r.x + 4 * sc->L.s, r.y, r.w - 8 * sc->L.s, r.h};
    if (icon != GFX_ICON_NONE) {
        float is = fminf(r.h * 0.5f, 22 * sc->L.s);
        if (!label || !label[0]) {
            gfx_icon(g, icon, (SDL_FRect){r.x + (r.w - is) / 2, r.y + (r.h - is) / 2, is, is}, c);
        } else {
            gfx_icon(g, icon, (SDL_FRect){t.x + 2 * sc->L.s, r.y + (r.h - is) / 2, is, is}, c);
            t.x += is + 6 * sc->L.s;
            t.w -= is + 6 * sc->L.s;
        }
    }
    if (label && label[0]) {
        otdr_label(g, label, t, THEME_TEXT_SMALL, on ? GFX_FONT_BOLD : GFX_FONT_REGULAR, c,
                   icon != GFX_ICON_NONE ? GFX_ALIGN_LEFT : GFX_ALIGN_CENTER);
    }
    if (id) {
        otdr_zone_add(sc, r, id, enabled);
    }
}

void otdr_num(double v, int decimals, char *out, size_t n)
{
    message_number(v, decimals, i18n_decimal_sep(), out, n);
}

void otdr_distance_text(double m, char *out, size_t n)
{
    char num[48];
    if (fabs(m) >= 10000.0) {
        otdr_num(m / 1000.0, 3, num, sizeof num);
        snprintf(out, n, "%s km", num);
    } else {
        otdr_num(m, fabs(m) >= 1000.0 ? 1 : 2, num, sizeof num);
        snprintf(out, n, "%s m", num);
    }
}

/* ---- layout ---------------------------------------------------------------------- */

OtdrLayout otdr_scene_layout(const ModuleSceneEnv *env)
{
    OtdrLayout L;
    L.s = gfx_px(env->gfx, 1.0f);
    L.row = fmaxf(THEME_TOUCH_MIN_PX, 44.0f * L.s);
    L.pad = 8.0f * L.s;
    L.area = (SDL_FRect){(float)env->area.x, (float)env->area.y, (float)env->area.w, (float)env->area.h};
    float panel_w = fminf(fmaxf(L.area.w * 0.33f, 330.0f * L.s), 430.0f * L.s);
    L.panel = (SDL_FRect){L.area.x + L.area.w - panel_w - L.pad, L.area.y + L.pad, panel_w, L.area.h - 2 * L.pad};
    L.tabs = (SDL_FRect){L.panel.x, L.panel.y, L.panel.w, L.row};
    L.content = (SDL_FRect){L.panel.x, L.panel.y + L.row + L.pad * 0.5f, L.panel.w, L.panel.h - L.row - L.pad * 0.5f};
    float x = L.area.x + L.pad, w = L.area.w - panel_w - 3 * L.pad;
    float y = L.area.y + L.pad, bottom = L.area.y + L.area.h - L.pad;
    L.header = (SDL_FRect){x, y, w, L.row};
    float read_h = 54.0f * L.s, over_h = 34.0f * L.s, xaxis_h = 20.0f * L.s, yaxis_w = 54.0f * L.s;
    L.readout = (SDL_FRect){x, bottom - read_h, w, read_h};
    L.overview = (SDL_FRect){x + yaxis_w, L.readout.y - L.pad * 0.5f - over_h, w - yaxis_w, over_h};
    L.xaxis = (SDL_FRect){x + yaxis_w, L.overview.y - L.pad * 0.5f - xaxis_h, w - yaxis_w, xaxis_h};
    float plot_top = L.header.y + L.header.h + L.pad * 0.5f;
    L.plot = (SDL_FRect){x + yaxis_w, plot_top, w - yaxis_w, L.xaxis.y - plot_top};
    L.yaxis = (SDL_FRect){x, plot_top, yaxis_w - 4 * L.s, L.plot.h};
    return L;
}

/* ---- ModuleScene ----------------------------------------------------------------- */

static void *otdr_scene_create(const Scenario *scn)
{
    OtdrScene *sc = calloc(1, sizeof *sc);
    if (!sc) {
        return NULL;
    }
    sc->scn = scn;
    sc->setup = otdr_setup_of(scn->setup);
    snprintf(sc->lang, sizeof sc->lang, "fr");
    return sc;
}

static void otdr_scene_destroy(void *self)
{
    free(self);
}

static bool inside(SDL_FRect r, float x, float y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static bool otdr_scene_to_scene(void *self, const ModuleSceneEnv *env, int px, int py, double *x, double *y)
{
    OtdrScene *sc = self;
    (void)env;
    if (!sc->drawn) {
        return false;
    }
    SDL_FRect p = sc->L.plot;
    *x = sc->x0_m + ((double)px + 0.5 - (double)p.x) / (double)p.w * (sc->x1_m - sc->x0_m);
    *y = sc->y1_db - ((double)py + 0.5 - (double)p.y) / (double)p.h * (sc->y1_db - sc->y0_db);
    return inside(p, (float)px, (float)py);
}

static bool otdr_scene_choice_at(void *self, const ModuleSceneEnv *env, const void *state, int px, int py,
                                 char id[32])
{
    OtdrScene *sc = self;
    (void)env;
    (void)state;
    for (size_t i = sc->n_zones; i-- > 0;) {
        const OtdrZone *z = &sc->zones[i];
        if (inside(z->r, (float)px, (float)py)) {
            if (!z->enabled) {
                return true; /* a greyed key: the press is its, and does nothing */
            }
            snprintf(id, 32, "%s", z->id);
            return true;
        }
    }
    return false;
}

static const char *hint_detail(OtdrExercise e)
{
    switch (e) {
    case OTDR_EX_SETTINGS: return N_("A 30 ns pulse separates events 3 m apart; the range must pass the end of the receive cable");
    case OTDR_EX_BREAK: return N_("The break is where the trace drops into the noise: zoom there, put A at the start of the drop");
    case OTDR_EX_SPLICE: return N_("A ghost sits at twice the distance of a strong reflection and has no loss");
    case OTDR_EX_BEND: return N_("Compare the same event at 1310 and 1550 nm: a bend loses much more at 1550 nm");
    case OTDR_EX_GAINER: return N_("Measure A to B and B to A with the same settings, then Average A+B");
    case OTDR_EX_RECETTE: return N_("Both wavelengths, a pulse of 100 ns at most, launch and receive cables connected");
    case OTDR_EX_READING: return N_("Touch a row of the event table: the cursors go to that event");
    case OTDR_EX_COUNT:
    default: return "";
    }
}

/* Feedback strip at the bottom of the plot: the last notice for 4 s, an
 * export's outcome, or the hint the trainee asked for. */
static void draw_feedback(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    Gfx *g = env->gfx;
    const char *text = NULL;
    GfxIcon icon = GFX_ICON_INFO;
    SDL_Color c = otdr_text;
    double age_s = (double)(v->tick - v->notice_tick) / 100.0;
    if (sc->saved_msg[0] && env->anim_s < sc->saved_until_s) {
        text = sc->saved_msg;
        icon = sc->saved_ok ? GFX_ICON_SAVE : GFX_ICON_WARNING;
    } else if (v->notice != OTDR_NOTICE_NONE && v->notice != OTDR_NOTICE_HINT && age_s < 4.0) {
        text = _(otdr_notice_text(v->notice));
        bool good = v->notice == OTDR_NOTICE_ACQUIRED || v->notice == OTDR_NOTICE_RECORDED
                    || v->notice == OTDR_NOTICE_MARKED || v->notice == OTDR_NOTICE_AVERAGED;
        icon = good ? GFX_ICON_CHECK : GFX_ICON_WARNING;
        c = good ? (SDL_Color){140, 230, 150, 255} : (SDL_Color){255, 200, 120, 255};
    } else if (v->hint_shown) {
        text = _(hint_detail(v->setup->exercise));
        icon = GFX_ICON_HINT;
        c = (SDL_Color){255, 230, 150, 255};
    }
    if (!text || !text[0]) {
        return;
    }
    /* One line, two when it does not fit (a saved file's name). */
    float w = sc->L.plot.w - 12 * sc->L.s, is = 18 * sc->L.s;
    float text_w = w - is - 24 * sc->L.s;
    float one = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_SMALL);
    float h = gfx_text_measure(g, text, GFX_FONT_BOLD, THEME_TEXT_SMALL).x <= text_w ? 30 * sc->L.s
                                                                                    : 2 * one + 12 * sc->L.s;
    SDL_FRect r = {sc->L.plot.x + 6 * sc->L.s, sc->L.plot.y + sc->L.plot.h - h - 6 * sc->L.s, w, h};
    gfx_fill_rounded(g, r, 6 * sc->L.s, (SDL_Color){20, 26, 34, 255});
    gfx_stroke_rounded(g, r, 6 * sc->L.s, 1.0f, c);
    gfx_icon(g, icon, (SDL_FRect){r.x + 8 * sc->L.s, r.y + (h - is) / 2, is, is}, c);
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, c);
    st.valign = GFX_VALIGN_MIDDLE;
    st.wrap = true;
    st.shrink = true;
    gfx_text(g, text, (SDL_FRect){r.x + is + 16 * sc->L.s, r.y, text_w, h}, &st);
}

static void otdr_scene_draw(void *self, const ModuleSceneEnv *env, const void *state)
{
    OtdrScene *sc = self;
    const OtdrView *v = otdr_view(state);
    snprintf(sc->lang, sizeof sc->lang, "%s", env->lang && strcmp(env->lang, "en") == 0 ? "en" : "fr");
    sc->L = otdr_scene_layout(env);
    sc->n_zones = 0;
    sc->x0_m = v->x0_m;
    sc->x1_m = v->x1_m;
    sc->y0_db = v->y0_db;
    sc->y1_db = v->y1_db;
    sc->drawn = true;
    Gfx *g = env->gfx;
    gfx_fill_rounded(g, sc->L.area, THEME_RADIUS * sc->L.s, otdr_bg);
    otdr_draw_header(sc, env, v);
    otdr_draw_plot(sc, env, v);
    draw_feedback(sc, env, v);
    otdr_draw_overview(sc, env, v);
    otdr_draw_readout(sc, env, v);
    otdr_draw_panel(sc, env, v);
}

static size_t add_button(SceneButton *out, size_t n, size_t max, const char *id, const char *label, bool enabled)
{
    if (n < max) {
        snprintf(out[n].id, sizeof out[n].id, "%s", id);
        out[n].label = label;
        out[n].enabled = enabled;
        n++;
    }
    return n;
}

static size_t otdr_scene_buttons(void *self, const void *state, SceneButton *out, size_t max)
{
    OtdrScene *sc = self;
    const OtdrView *v = otdr_view(state);
    const OtdrSetup *s = sc->setup;
    size_t n = 0;
    if (!s->from_file) {
        n = v->acquiring ? add_button(out, n, max, "stop", N_("Stop"), true)
                         : add_button(out, n, max, "acquire", N_("Acquire"), true);
    }
    n = add_button(out, n, max, v->active_cursor ? "cursor:a" : "cursor:b",
                   v->active_cursor ? N_("Use cursor A") : N_("Use cursor B"), v->trace != NULL);
    if (s->bidirectional) {
        n = add_button(out, n, max, "average", N_("Average A+B"), !v->acquiring);
    }
    if (v->selected_answer >= 0 && (size_t)v->selected_answer < s->n_answers) {
        if (s->answers[v->selected_answer].kind == OTDR_ANS_VERDICT) {
            n = add_button(out, n, max, "pass", N_("Pass"), true);
            n = add_button(out, n, max, "fail", N_("Fail"), true);
        } else {
            n = add_button(out, n, max, "record", N_("Record"), v->trace != NULL);
        }
    }
    n = add_button(out, n, max, "finish", N_("Finish"), !v->acquiring);
    return n;
}

static const char *otdr_scene_prompt(void *self, const void *state, bool hints)
{
    (void)self;
    (void)hints;
    const OtdrView *v = otdr_view(state);
    return otdr_hint_text(v->hint);
}

/* "app:export": the trace shown as DATA/exports/<scenario>-<nm>-<time>.sor,
 * with the scenario's identification fields and the trainee as operator. */
static void otdr_scene_app_action(void *self, const ModuleSceneEnv *env, const void *state, const char *id)
{
    OtdrScene *sc = self;
    if (strcmp(id, "app:export") != 0) {
        return;
    }
    const OtdrView *v = otdr_view(state);
    sc->saved_ok = false;
    sc->saved_until_s = env->anim_s + 5.0;
    SorFile f;
    sor_init(&f);
    time_t now = time(NULL);
    if (!v->trace || !env->data_dir
        || !otdr_export_sor(state, env->trainee_name ? env->trainee_name : "", (uint32_t)now, &f)) {
        snprintf(sc->saved_msg, sizeof sc->saved_msg, "%s", _("Nothing to save: acquire a trace first"));
        sor_finish(&f);
        return;
    }
    char dir[1024], path[1200], stamp[32];
    snprintf(dir, sizeof dir, "%s/exports", env->data_dir);
    mkdir(dir, 0755);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    const char *kind = v->trace_kind == OTDR_TRACE_B ? "BA" : v->trace_kind == OTDR_TRACE_AVERAGE ? "avg" : "AB";
    snprintf(path, sizeof path, "%s/%s-%.0f-%s-%s.sor", dir, env->scenario_id ? env->scenario_id : "otdr",
             v->trace_wavelength_nm, kind, stamp);
    SorError err;
    if (sor_write_file(&f, path, &err)) {
        sc->saved_ok = true;
        /* The name only: the folder is the data folder's "exports" (shown
         * on the settings screen). */
        snprintf(sc->saved_msg, sizeof sc->saved_msg, _("Trace saved: %s"), strrchr(path, '/') + 1);
        SDL_Log("OTDR trace exported to %s", path);
    } else {
        char why[256];
        sor_error_format(&err, why, sizeof why);
        /* The writer's errors are N_() templates: the trainee reads them
         * in the UI's language; the log keeps the full English line. */
        char shown[256], exp[160], fnd[160];
        char sep = i18n_decimal_sep();
        diag_fill_tr(i18n_translate(err.expected_tmpl ? err.expected_tmpl : "", NULL), &err.args, i18n_translate, NULL,
                     sep, exp, sizeof exp);
        diag_fill_tr(i18n_translate(err.found_tmpl ? err.found_tmpl : "", NULL), &err.args, i18n_translate, NULL, sep,
                     fnd, sizeof fnd);
        snprintf(shown, sizeof shown, _("%s (found: %s)"), exp, fnd);
        snprintf(sc->saved_msg, sizeof sc->saved_msg, _("The trace could not be saved: %s"), shown);
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "OTDR export to %s failed: %s", path, why);
    }
    sor_finish(&f);
}

const ModuleScene otdr_scene = {
    .module = "otdr",
    .create = otdr_scene_create,
    .destroy = otdr_scene_destroy,
    .to_scene = otdr_scene_to_scene,
    .draw = otdr_scene_draw,
    .buttons = otdr_scene_buttons,
    .prompt = otdr_scene_prompt,
    .choice_at = otdr_scene_choice_at,
    .app_action = otdr_scene_app_action,
};
