/*
 * scene_otdr_panel.c - the side panel of the OTDR screen, under three tabs:
 * the instrument's settings (touch keys to step each value, cables,
 * direction), the automatic event table (type icons, the trainee's marks,
 * keys to mark the selected event) and the results to fill in (rows to
 * choose, what each wants, the recorded values).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "scene_otdr.h"
#include "theme.h"

size_t otdr_first_row(int sel, size_t n, size_t k)
{
    if (n <= k || k == 0) {
        return 0;
    }
    long first = sel < 0 ? 0 : (long)sel - (long)k / 2;
    if (first < 0) first = 0;
    if ((size_t)first + k > n) first = (long)(n - k);
    return (size_t)first;
}

static const char *text_in(const OtdrScene *sc, const OtdrText *t)
{
    if (!t->fr) {
        return NULL;
    }
    return strcmp(sc->lang, "en") == 0 ? t->en : t->fr;
}

static void pulse_text(double ns, char *out, size_t n)
{
    char num[32];
    if (ns >= 1000) {
        otdr_num(ns / 1000.0, fmod(ns, 1000) == 0 ? 0 : 1, num, sizeof num);
        snprintf(out, n, "%s \xC2\xB5s", num);
    } else {
        snprintf(out, n, "%.0f ns", ns);
    }
}

static void range_text(double m, char *out, size_t n)
{
    char num[32];
    if (m >= 1000) {
        otdr_num(m / 1000.0, fmod(m, 1000) == 0 ? 0 : 1, num, sizeof num);
        snprintf(out, n, "%s km", num);
    } else {
        snprintf(out, n, "%.0f m", m);
    }
}

static void seconds_text(double s, char *out, size_t n)
{
    char num[32];
    otdr_num(s, s < 1 ? 1 : 0, num, sizeof num);
    snprintf(out, n, "%s s", num);
}

/* ---- settings ------------------------------------------------------------------- */

/* One row: label, then [-] value [+] keys (or a read-only value). */
static void stepper(OtdrScene *sc, const ModuleSceneEnv *env, SDL_FRect r, const char *label, const char *value,
                    const char *minus_id, const char *plus_id, bool enabled)
{
    float lw = r.w * 0.36f, key = sc->L.row;
    otdr_label(env->gfx, label, (SDL_FRect){r.x, r.y, lw - 4 * sc->L.s, r.h}, THEME_TEXT_SMALL, GFX_FONT_REGULAR,
               otdr_text_dim, GFX_ALIGN_LEFT);
    SDL_FRect rest = {r.x + lw, r.y, r.w - lw, r.h};
    if (!minus_id) {
        otdr_label(env->gfx, value, rest, THEME_TEXT_BODY, GFX_FONT_BOLD, otdr_text, GFX_ALIGN_LEFT);
        return;
    }
    otdr_key_draw(sc, env, (SDL_FRect){rest.x, r.y, key, r.h}, minus_id, NULL, GFX_ICON_MINUS, false, enabled);
    otdr_key_draw(sc, env, (SDL_FRect){rest.x + rest.w - key, r.y, key, r.h}, plus_id, NULL, GFX_ICON_PLUS, false,
                  enabled);
    SDL_FRect val = {rest.x + key + 4 * sc->L.s, r.y, rest.w - 2 * key - 8 * sc->L.s, r.h};
    gfx_fill_rect(env->gfx, val, otdr_screen);
    otdr_label(env->gfx, value, val, THEME_TEXT_BODY, GFX_FONT_BOLD, enabled ? otdr_text : otdr_text_dim,
               GFX_ALIGN_CENTER);
}

static void draw_settings(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    const OtdrSetup *s = v->setup;
    SDL_FRect c = sc->L.content;
    float row = sc->L.row, gap = fminf(5 * sc->L.s, fmaxf(1, (c.h - 7 * row) / 7));
    float y = c.y;
    const OtdrSettings *set = &v->settings;
    char val[64], num[32];
    bool live = !s->from_file && !v->acquiring;
    if (s->from_file) {
        /* A recorded trace: its settings, read only. */
        const OtdrSettings *fs = &v->trace->settings;
        otdr_num(v->trace_wavelength_nm, 1, num, sizeof num);
        snprintf(val, sizeof val, "%s nm", num);
        stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Wavelength"), val, NULL, NULL, false);
        y += row + gap;
        pulse_text(fs->pulse_ns, val, sizeof val);
        stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Pulse"), val, NULL, NULL, false);
        y += row + gap;
        range_text(fs->range_m, val, sizeof val);
        stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Range"), val, NULL, NULL, false);
        y += row + gap;
        otdr_num(fs->group_index, 5, val, sizeof val);
        stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Index"), val, NULL, NULL, false);
        y += row + gap;
        stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Instrument"), s->file_instrument, NULL, NULL, false);
        y += row + gap;
        stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("File"), s->file_name, NULL, NULL, false);
        return;
    }
    /* Wavelength: one key each. */
    float lw = c.w * 0.36f;
    otdr_label(env->gfx, _("Wavelength"), (SDL_FRect){c.x, y, lw - 4 * sc->L.s, row}, THEME_TEXT_SMALL,
               GFX_FONT_REGULAR, otdr_text_dim, GFX_ALIGN_LEFT);
    float kw = (c.w - lw - 2 * 4 * sc->L.s) / 3;
    for (int w = 0; w < OTDR_WL_COUNT; w++) {
        char id[16], lab[16];
        double nm = otdr_wavelength_nm((OtdrWavelength)w);
        snprintf(id, sizeof id, "wl:%.0f", nm);
        snprintf(lab, sizeof lab, "%.0f", nm);
        otdr_key_draw(sc, env, (SDL_FRect){c.x + lw + (float)w * (kw + 4 * sc->L.s), y, kw, row}, id, lab,
                      GFX_ICON_NONE, set->wavelength == (OtdrWavelength)w, live && s->wavelength_allowed[w]);
    }
    y += row + gap;
    pulse_text(set->pulse_ns, val, sizeof val);
    stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Pulse"), val, "pulse:-", "pulse:+", live);
    y += row + gap;
    range_text(set->range_m, val, sizeof val);
    stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Range"), val, "range:-", "range:+", live);
    y += row + gap;
    seconds_text(set->averaging_s, val, sizeof val);
    stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Averaging"), val, "avg:-", "avg:+", live);
    y += row + gap;
    otdr_num(set->group_index, 4, val, sizeof val);
    stepper(sc, env, (SDL_FRect){c.x, y, c.w, row}, _("Index"), val, "ior:-", "ior:+", live);
    y += row + gap;
    /* Cables. */
    float half = (c.w - 4 * sc->L.s) / 2;
    otdr_key_draw(sc, env, (SDL_FRect){c.x, y, half, row}, "launch", _("Launch cable"),
                  v->launch_connected ? GFX_ICON_CHECK : GFX_ICON_NONE, v->launch_connected,
                  live && s->launch_cable_m > 0);
    otdr_key_draw(sc, env, (SDL_FRect){c.x + half + 4 * sc->L.s, y, half, row}, "receive", _("Receive cable"),
                  v->receive_connected ? GFX_ICON_CHECK : GFX_ICON_NONE, v->receive_connected,
                  live && s->receive_cable_m > 0);
    y += row + gap;
    if (s->bidirectional) {
        otdr_key_draw(sc, env, (SDL_FRect){c.x, y, half, row}, "dir:a", _("From origin (A)"), GFX_ICON_ARROW_RIGHT,
                      v->direction == OTDR_DIR_A, live);
        otdr_key_draw(sc, env, (SDL_FRect){c.x + half + 4 * sc->L.s, y, half, row}, "dir:b", _("From far end (B)"),
                      GFX_ICON_ARROW_LEFT, v->direction == OTDR_DIR_B, live);
    }
}

/* ---- events ------------------------------------------------------------------------ */

static const char *const mark_short[OTDR_MARK_COUNT] = {
    "-", N_("Connector"), N_("Splice"), N_("Bend"), N_("End"), N_("Ghost"), N_("Two events"),
};

static void scroll_keys(OtdrScene *sc, const ModuleSceneEnv *env, SDL_FRect head, const char *prefix,
                        const char *up_id, const char *down_id, bool up, bool down)
{
    (void)prefix;
    float key = sc->L.row;
    otdr_key_draw(sc, env, (SDL_FRect){head.x + head.w - 2 * key - 4 * sc->L.s, head.y, key, head.h}, up_id, "\xE2\x96\xB2",
                  GFX_ICON_NONE, false, up);
    otdr_key_draw(sc, env, (SDL_FRect){head.x + head.w - key, head.y, key, head.h}, down_id, "\xE2\x96\xBC",
                  GFX_ICON_NONE, false, down);
}

static void draw_events_tab(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    Gfx *g = env->gfx;
    SDL_FRect c = sc->L.content;
    float s = sc->L.s, row = sc->L.row;
    GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL, otdr_text);
    st.wrap = true;
    st.shrink = true;
    if (!v->trace) {
        gfx_text(g, _("No trace yet: acquire first"), (SDL_FRect){c.x, c.y + 8 * s, c.w, c.h / 2}, &st);
        return;
    }
    if (!v->events) {
        gfx_text(g, _("The automatic table is off in this exercise: find the events with the cursors"),
                 (SDL_FRect){c.x, c.y + 8 * s, c.w, c.h / 2}, &st);
        return;
    }
    const OtdrEventTable *t = v->events;
    /* Mark keys at the bottom, 3 x 2. */
    float gap = 4 * s;
    float marks_h = 2 * row + gap;
    float kw = (c.w - 2 * gap) / 3;
    bool can_mark = v->selected_event >= 0;
    uint8_t cur = can_mark && v->marks ? v->marks[v->selected_event] : 0;
    for (int m = 1; m < OTDR_MARK_COUNT; m++) {
        int i = m - 1;
        char id[32];
        snprintf(id, sizeof id, "mark:%s", otdr_mark_name((OtdrMark)m));
        SDL_FRect r = {c.x + (float)(i % 3) * (kw + gap), c.y + c.h - marks_h + (float)(i / 3) * (row + gap), kw, row};
        otdr_key_draw(sc, env, r, id, _(otdr_mark_label((OtdrMark)m)), GFX_ICON_NONE, cur == m, can_mark);
    }
    /* Column heads and scroll keys. */
    SDL_FRect head = {c.x, c.y, c.w, row};
    float key = row;
    float cols_w = c.w - 2 * key - 8 * s;
    float wn = 30 * s, wi = 34 * s, wd = cols_w * 0.30f, wl = cols_w * 0.22f, wr = cols_w - wn - wi - wd - wl;
    float x = c.x;
    otdr_label(g, "#", (SDL_FRect){x, head.y, wn, row}, 14, GFX_FONT_BOLD, otdr_text_dim, GFX_ALIGN_CENTER);
    x += wn + wi;
    otdr_label(g, _("Distance"), (SDL_FRect){x, head.y, wd, row}, 14, GFX_FONT_BOLD, otdr_text_dim, GFX_ALIGN_RIGHT);
    x += wd;
    otdr_label(g, _("Loss"), (SDL_FRect){x, head.y, wl, row}, 14, GFX_FONT_BOLD, otdr_text_dim, GFX_ALIGN_RIGHT);
    x += wl;
    otdr_label(g, _("Refl."), (SDL_FRect){x, head.y, wr, row}, 14, GFX_FONT_BOLD, otdr_text_dim, GFX_ALIGN_RIGHT);
    int sel = v->selected_event;
    char up[32], down[32];
    snprintf(up, sizeof up, "ev:%d", sel > 0 ? sel - 1 : 0);
    snprintf(down, sizeof down, "ev:%d", sel < 0 ? 0 : (sel + 1 < (int)t->count ? sel + 1 : sel));
    scroll_keys(sc, env, head, "ev", up, down, sel > 0, sel + 1 < (int)t->count);
    /* Rows: two lines each (values, then the mark). */
    float list_top = head.y + row + 2 * s, list_h = c.h - marks_h - row - 6 * s;
    size_t k = (size_t)fmaxf(1, floorf(list_h / row));
    size_t first = otdr_first_row(sel, t->count, k);
    char num[48], line[64];
    for (size_t i = first; i < t->count && i < first + k; i++) {
        const OtdrEvent *e = &t->ev[i];
        SDL_FRect r = {c.x, list_top + (float)(i - first) * row, c.w, row - 2 * s};
        bool is_sel = (int)i == sel;
        gfx_fill_rounded(g, r, 4 * s, is_sel ? otdr_sel : otdr_key);
        if (is_sel) {
            gfx_stroke_rounded(g, r, 4 * s, 1.5f, otdr_text);
        }
        char id[32];
        snprintf(id, sizeof id, "ev:%zu", i);
        otdr_zone_add(sc, r, id, true);
        float rh = r.h * 0.56f;
        x = r.x;
        int number = v->setup->from_file ? v->setup->file_event_numbers[i] : (int)i + 1;
        snprintf(line, sizeof line, "%d", number);
        otdr_label(g, line, (SDL_FRect){x, r.y, wn, rh}, 15, GFX_FONT_BOLD, otdr_text, GFX_ALIGN_CENTER);
        x += wn;
        otdr_event_icon(g, e, (SDL_FRect){x + 4 * s, r.y + 4 * s, wi - 8 * s, rh - 6 * s}, otdr_trace_col);
        x += wi;
        otdr_distance_text(e->distance_m, line, sizeof line);
        otdr_label(g, line, (SDL_FRect){x, r.y, wd, rh}, 15, GFX_FONT_REGULAR, otdr_text, GFX_ALIGN_RIGHT);
        x += wd;
        otdr_num(e->loss_db, 3, num, sizeof num);
        otdr_label(g, e->end_of_fibre ? "-" : num, (SDL_FRect){x, r.y, wl, rh}, 15, GFX_FONT_REGULAR, otdr_text,
                   GFX_ALIGN_RIGHT);
        x += wl;
        if (e->reflectance_db != 0) {
            otdr_num(e->reflectance_db, 1, num, sizeof num);
            snprintf(line, sizeof line, "%s%s", e->saturated ? ">" : "", num);
        } else {
            snprintf(line, sizeof line, "-");
        }
        otdr_label(g, line, (SDL_FRect){x, r.y, wr, rh}, 15, GFX_FONT_REGULAR, otdr_text, GFX_ALIGN_RIGHT);
        /* Second line: the trainee's mark. */
        uint8_t m = v->marks ? v->marks[i] : 0;
        const char *ml = (i == 0 && e->distance_m <= 0.5) ? _("Front panel") : _(mark_short[m < OTDR_MARK_COUNT ? m : 0]);
        otdr_label(g, ml, (SDL_FRect){r.x + wn + wi, r.y + rh - 2 * s, r.w - wn - wi - 8 * s, r.h - rh + 2 * s}, 13,
                   m ? GFX_FONT_BOLD : GFX_FONT_REGULAR, m ? (SDL_Color){140, 230, 150, 255} : otdr_text_dim,
                   GFX_ALIGN_RIGHT);
    }
}

/* ---- results ------------------------------------------------------------------------ */

static const char *what_to_do(OtdrAnswerKind k)
{
    switch (k) {
    case OTDR_ANS_DISTANCE: return N_("Put cursor A on it, then Record");
    case OTDR_ANS_LENGTH: return N_("A on the start, B on the end, then Record");
    case OTDR_ANS_LOSS: return N_("A just before the event, B just after it, then Record");
    case OTDR_ANS_REFLECTANCE: return N_("A just before the peak, B after it, then Record");
    case OTDR_ANS_TOTAL_LOSS: return N_("A just before the start, B just after the end, then Record");
    case OTDR_ANS_ATTENUATION: return N_("A and B on clean fibre (no event between), then Record");
    case OTDR_ANS_VERDICT: return N_("Compare with the limit, then Pass or Fail");
    case OTDR_ANS_COUNT:
    default: return "";
    }
}

static void answer_value(const OtdrAnswerDef *d, const OtdrAnswerView *a, char *out, size_t n)
{
    if (!a->recorded) {
        snprintf(out, n, "...");
        return;
    }
    if (d->kind == OTDR_ANS_VERDICT) {
        snprintf(out, n, "%s", a->value > 0.5 ? _("Pass") : _("Fail"));
        return;
    }
    char num[48];
    if (d->kind == OTDR_ANS_DISTANCE || d->kind == OTDR_ANS_LENGTH) {
        otdr_distance_text(a->value, out, n);
        return;
    }
    otdr_num(a->value, d->kind == OTDR_ANS_REFLECTANCE ? 1 : 3, num, sizeof num);
    snprintf(out, n, "%s %s", num, otdr_answer_unit(d->kind));
}

static void draw_results(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    Gfx *g = env->gfx;
    const OtdrSetup *s = v->setup;
    SDL_FRect c = sc->L.content;
    float sp = sc->L.s, row = sc->L.row;
    if (s->n_answers == 0) {
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL, otdr_text);
        st.wrap = true;
        gfx_text(g, _("Nothing to fill in: read the trace, then Finish"), (SDL_FRect){c.x, c.y + 8 * sp, c.w, c.h / 2},
                 &st);
        return;
    }
    int sel = v->selected_answer;
    /* What the selected row wants, at the bottom. */
    float help_h = 2.2f * gfx_line_height(g, GFX_FONT_REGULAR, 15) + 8 * sp;
    SDL_FRect help = {c.x, c.y + c.h - help_h, c.w, help_h};
    if (sel >= 0) {
        const OtdrAnswerDef *d = &s->answers[sel];
        char text[256];
        if (d->has_wavelength) {
            snprintf(text, sizeof text, "%s (%.0f nm)", _(what_to_do(d->kind)), otdr_wavelength_nm(d->wavelength));
        } else if (d->kind == OTDR_ANS_VERDICT) {
            char lim[32], rl[32];
            otdr_num(d->max_db, 2, lim, sizeof lim);
            if (d->has_max_reflectance) {
                otdr_num(d->max_reflectance_db, 0, rl, sizeof rl);
                snprintf(text, sizeof text, _("Limits: loss %s dB, reflectance %s dB. Pass or Fail"), lim, rl);
            } else {
                snprintf(text, sizeof text, _("Limit %s dB: Pass or Fail"), lim);
            }
        } else {
            snprintf(text, sizeof text, "%s", _(what_to_do(d->kind)));
        }
        gfx_fill_rounded(g, help, 6 * sp, otdr_screen);
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, 15, (SDL_Color){255, 230, 150, 255});
        st.wrap = true;
        st.shrink = true;
        st.valign = GFX_VALIGN_MIDDLE;
        gfx_text(g, text, (SDL_FRect){help.x + 8 * sp, help.y, help.w - 16 * sp, help.h}, &st);
    }
    SDL_FRect head = {c.x, c.y, c.w, row};
    int done = 0;
    for (size_t i = 0; i < s->n_answers; i++) {
        done += v->answers[i].recorded;
    }
    char count[64];
    snprintf(count, sizeof count, _("%d of %zu filled in"), done, s->n_answers);
    otdr_label(g, count, (SDL_FRect){head.x, head.y, head.w - 2 * row - 12 * sp, row}, THEME_TEXT_SMALL, GFX_FONT_BOLD,
               otdr_text_dim, GFX_ALIGN_LEFT);
    char up[32], down[32];
    snprintf(up, sizeof up, "ans:%s", s->answers[sel > 0 ? sel - 1 : 0].id);
    snprintf(down, sizeof down, "ans:%s",
             s->answers[sel < 0 ? 0 : (sel + 1 < (int)s->n_answers ? sel + 1 : sel)].id);
    scroll_keys(sc, env, head, "ans", up, down, sel > 0, sel + 1 < (int)s->n_answers);
    float list_top = head.y + row + 2 * sp, list_h = help.y - 4 * sp - list_top;
    size_t k = (size_t)fmaxf(1, floorf(list_h / row));
    size_t first = otdr_first_row(sel, s->n_answers, k);
    for (size_t i = first; i < s->n_answers && i < first + k; i++) {
        const OtdrAnswerDef *d = &s->answers[i];
        const OtdrAnswerView *a = &v->answers[i];
        SDL_FRect r = {c.x, list_top + (float)(i - first) * row, c.w, row - 3 * sp};
        bool is_sel = (int)i == sel;
        gfx_fill_rounded(g, r, 4 * sp, is_sel ? otdr_sel : otdr_key);
        if (is_sel) {
            gfx_stroke_rounded(g, r, 4 * sp, 1.5f, otdr_text);
        }
        char id[32];
        snprintf(id, sizeof id, "ans:%s", d->id);
        otdr_zone_add(sc, r, id, true);
        float is = r.h * 0.5f;
        if (a->recorded) {
            gfx_icon(g, GFX_ICON_CHECK, (SDL_FRect){r.x + 6 * sp, r.y + (r.h - is) / 2, is, is},
                     (SDL_Color){140, 230, 150, 255});
        } else {
            gfx_stroke_circle(g, r.x + 6 * sp + is / 2, r.y + r.h / 2, is * 0.35f, 1.5f, otdr_text_dim);
        }
        const char *label = text_in(sc, &d->label);
        char fallback[96];
        if (!label) {
            snprintf(fallback, sizeof fallback, "%s %s", _(otdr_answer_kind_label(d->kind)), d->at);
            label = fallback;
        }
        float vw = r.w * 0.36f;
        otdr_label(g, label, (SDL_FRect){r.x + is + 12 * sp, r.y, r.w - vw - is - 16 * sp, r.h}, 15, GFX_FONT_REGULAR,
                   otdr_text, GFX_ALIGN_LEFT);
        char value[64];
        answer_value(d, a, value, sizeof value);
        SDL_Color vc = otdr_text;
        if (a->recorded && d->kind == OTDR_ANS_VERDICT) {
            vc = a->value > 0.5 ? (SDL_Color){140, 230, 150, 255} : (SDL_Color){255, 130, 130, 255};
        }
        otdr_label(g, value, (SDL_FRect){r.x + r.w - vw, r.y, vw - 8 * sp, r.h}, 15, GFX_FONT_BOLD,
                   a->recorded ? vc : otdr_text_dim, GFX_ALIGN_RIGHT);
    }
}

/* ---- the panel ------------------------------------------------------------------------ */

void otdr_draw_panel(OtdrScene *sc, const ModuleSceneEnv *env, const OtdrView *v)
{
    SDL_FRect t = sc->L.tabs;
    float gap = 4 * sc->L.s, w = (t.w - 2 * gap) / 3;
    static const char *const ids[OTDR_TAB_COUNT] = {"tab:settings", "tab:events", "tab:results"};
    const char *labels[OTDR_TAB_COUNT] = {_("Settings"), _("Events"), _("Results")};
    static const GfxIcon icons[OTDR_TAB_COUNT] = {GFX_ICON_SETTINGS, GFX_ICON_INFO, GFX_ICON_CHECK};
    for (int i = 0; i < OTDR_TAB_COUNT; i++) {
        otdr_key_draw(sc, env, (SDL_FRect){t.x + (float)i * (w + gap), t.y, w, t.h}, ids[i], labels[i], icons[i],
                      (int)v->tab == i, true);
    }
    switch (v->tab) {
    case OTDR_TAB_SETTINGS:
        draw_settings(sc, env, v);
        break;
    case OTDR_TAB_EVENTS:
        draw_events_tab(sc, env, v);
        break;
    case OTDR_TAB_RESULTS:
    case OTDR_TAB_COUNT:
    default:
        draw_results(sc, env, v);
        break;
    }
}
