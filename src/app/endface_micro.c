/*
 * endface_micro.c - the probe's microscope view: the round picture of the end
 * face (endface_image.c, uploaded to one texture only when it changes), and
 * over it the zone letters, the trainee's marks, the scale bar, the
 * magnification and, when allowed, the probe's own PASS/FAIL; beside it the
 * probe's controls (focus wheel, light, zoom) and the latest feedback.
 *
 * Field of view: 600 um across at 200x, 300 um at 400x, so the whole 250 um
 * contact zone (zone D) is in the picture at both.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "endface_scene.h"
#include "i18n.h"
#include "theme.h"

#define PI_F 3.14159265f

/* ---- layout and mapping --------------------------------------------------- */

void efmicro_layout(const ModuleSceneEnv *env, int magnification, EfMicroLayout *out)
{
    float sc = gfx_layout_scale(env->gfx);
    SDL_FRect a = {(float)env->area.x, (float)env->area.y, (float)env->area.w, (float)env->area.h};
    float m = 12.0f * sc;
    float panel_min = fminf(330.0f * sc, a.w * 0.45f);
    int d = (int)fminf(a.h - 2.0f * m, a.w - panel_min - 3.0f * m);
    if (d < 16) d = 16;
    d &= ~1; /* even: the fibre axis on a pixel corner */
    /* the picture and the panel side by side, the pair centred */
    float panel_w = fminf(fmaxf(panel_min, a.w - (float)d - 3.0f * m), 470.0f * sc);
    float left = a.x + (a.w - ((float)d + m + panel_w)) * 0.5f;
    memset(out, 0, sizeof *out);
    out->image = (SDL_Rect){(int)left, (int)(a.y + (a.h - (float)d) * 0.5f), d, d};
    out->px_per_um = (double)d / (magnification >= 400 ? EFS_FOV_400_UM : EFS_FOV_200_UM);
    out->panel = (SDL_FRect){left + (float)d + m + 6.0f * sc, a.y + m, panel_w - 6.0f * sc, a.h - 2.0f * m};
    /* controls, under the panel's heading: wheel on the left, light and zoom on its right */
    float head = 64.0f * sc;
    float btn = fmaxf(THEME_TOUCH_MIN_PX, 46.0f * sc);
    float wheel_w = fmaxf(THEME_TOUCH_MIN_PX, 58.0f * sc);
    float ctl_h = 2.0f * btn + 3.0f * gfx_line_height(env->gfx, GFX_FONT_BOLD, THEME_TEXT_SMALL - 2) + 12.0f * sc;
    float x0 = out->panel.x + 12.0f * sc, y0 = out->panel.y + head;
    out->wheel = (SDL_FRect){x0, y0, wheel_w, ctl_h};
    float rx = x0 + wheel_w + 20.0f * sc;
    float lab = gfx_line_height(env->gfx, GFX_FONT_BOLD, THEME_TEXT_SMALL - 2) + 2.0f * sc;
    out->light_minus = (SDL_FRect){rx, y0 + lab, btn, btn};
    out->light_plus = (SDL_FRect){rx + btn + 8.0f * sc, y0 + lab, btn, btn};
    float zy = y0 + lab + btn + lab + 6.0f * sc;
    float zw = fmaxf(btn, 80.0f * sc);
    out->zoom_out = (SDL_FRect){rx, zy, zw, btn};
    out->zoom_in = (SDL_FRect){rx + zw + 8.0f * sc, zy, zw, btn};
}

bool efmicro_to_um(const EfMicroLayout *l, int px, int py, double *x_um, double *y_um)
{
    double half = (double)l->image.w * 0.5;
    double dx = (double)px + 0.5 - ((double)l->image.x + half);
    double dy = ((double)l->image.y + half) - ((double)py + 0.5);
    *x_um = dx / l->px_per_um;
    *y_um = dy / l->px_per_um;
    return dx * dx + dy * dy <= half * half;
}

SDL_FPoint efmicro_to_px(const EfMicroLayout *l, double x_um, double y_um)
{
    double half = (double)l->image.w * 0.5;
    return (SDL_FPoint){(float)((double)l->image.x + half + x_um * l->px_per_um),
                        (float)((double)l->image.y + half - y_um * l->px_per_um)};
}

double efmicro_start_focus_um(EndfaceSide side, uint32_t inspections_before)
{
    /* Even numbers of focus steps, alternating sides of the focal plane, so
     * the trainee learns to turn the wheel both ways. */
    static const double start_um[] = {14.0, -10.0, 18.0, -8.0, 12.0, -16.0};
    size_t n = sizeof start_um / sizeof start_um[0];
    return start_um[((size_t)inspections_before + 3u * (size_t)side) % n];
}

/* ---- controls ------------------------------------------------------------- */

static bool in_rect(SDL_FRect r, int px, int py)
{
    float x = (float)px + 0.5f, y = (float)py + 0.5f;
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

static void emit(InputEvent *out, size_t *n, InputAction a)
{
    if (*n < MODULE_SCENE_CONTROL_OUT) {
        out[(*n)++] = input_key(0, a);
    }
}

bool efmicro_control(EfScene *s, const ModuleSceneEnv *env, InputKind kind, int px, int py, InputEvent *out,
                     size_t *n_out)
{
    EfMicroLayout l;
    efmicro_layout(env, s->drawn_magnification, &l);
    *n_out = 0;
    if (kind == INPUT_POINTER_DOWN) {
        s->ctl = EFS_CTL_NONE;
        if (in_rect(l.wheel, px, py)) {
            s->ctl = EFS_CTL_WHEEL;
            s->ctl_y = (float)py;
            s->ctl_moved = false;
        } else if (in_rect(l.light_minus, px, py)) {
            emit(out, n_out, ACTION_DOWN);
        } else if (in_rect(l.light_plus, px, py)) {
            emit(out, n_out, ACTION_UP);
        } else if (in_rect(l.zoom_out, px, py)) {
            emit(out, n_out, ACTION_ZOOM_OUT);
        } else if (in_rect(l.zoom_in, px, py)) {
            emit(out, n_out, ACTION_ZOOM_IN);
        } else {
            return false;
        }
        if (s->ctl == EFS_CTL_NONE) {
            s->ctl = EFS_CTL_BUTTON;
        }
        return true;
    }
    if (s->ctl == EFS_CTL_WHEEL) {
        /* dragging the wheel up turns the focus one way, down the other */
        float step = EFS_WHEEL_STEP_PT * gfx_layout_scale(env->gfx);
        float dy = s->ctl_y - (float)py;
        while (dy >= step && *n_out < MODULE_SCENE_CONTROL_OUT) {
            emit(out, n_out, ACTION_FINE_PLUS);
            s->ctl_y -= step;
            dy -= step;
            s->ctl_moved = true;
        }
        while (dy <= -step && *n_out < MODULE_SCENE_CONTROL_OUT) {
            emit(out, n_out, ACTION_FINE_MINUS);
            s->ctl_y += step;
            dy += step;
            s->ctl_moved = true;
        }
        if (kind == INPUT_POINTER_UP && !s->ctl_moved) {
            /* a tap: the upper half turns it up, the lower half down */
            emit(out, n_out, (float)py < l.wheel.y + l.wheel.h * 0.5f ? ACTION_FINE_PLUS : ACTION_FINE_MINUS);
        }
    }
    if (kind == INPUT_POINTER_UP) {
        s->ctl = EFS_CTL_NONE;
    }
    return true;
}

/* ---- the picture ------------------------------------------------------------ */

static const SDL_Color zone_colour[ZONE_COUNT] = {
    {255, 86, 86, 255}, {70, 200, 255, 255}, {255, 196, 40, 255}, {110, 235, 110, 255},
};

/* Text with a dark outline, readable on any part of the picture. */
static void picture_text(Gfx *g, const char *t, float x, float y, float size, SDL_Color c, GfxAlign align)
{
    SDL_Color sh = {0, 0, 0, 200};
    float o = fmaxf(1.0f, gfx_px(g, 1.2f));
    gfx_text_at(g, t, x + o, y + o, GFX_FONT_BOLD, size, sh, align);
    gfx_text_at(g, t, x - o * 0.5f, y - o * 0.5f, GFX_FONT_BOLD, size, sh, align);
    gfx_text_at(g, t, x, y, GFX_FONT_BOLD, size, c, align);
}

static void draw_zone_letters(Gfx *g, const EfMicroLayout *l, EndfaceType type)
{
    /* each letter just outside its circle, at its own angle so close
     * circles (B and C are 10 um apart) keep their letters apart */
    static const float angle_deg[ZONE_COUNT] = {40.0f, 62.0f, 28.0f, 45.0f};
    float size = THEME_TEXT_SMALL - 1;
    float lh = gfx_line_height(g, GFX_FONT_BOLD, size);
    for (int z = 0; z < ZONE_COUNT; z++) {
        double r_um = endface_zone_outer_um(type, (EndfaceZone)z) * 0.5;
        float a = angle_deg[z] * PI_F / 180.0f;
        double rr = r_um + 7.0 / l->px_per_um; /* 7 px outside the circle */
        SDL_FPoint p = efmicro_to_px(l, rr * cos(a), rr * sin(a));
        picture_text(g, endface_zone_names[z], p.x, p.y - lh * 0.5f, size, zone_colour[z], GFX_ALIGN_CENTER);
    }
}

static void draw_marks(Gfx *g, const EfMicroLayout *l, const EndfaceView *v)
{
    float r = gfx_px(g, 9.0f), w = fmaxf(2.0f, gfx_px(g, 2.0f));
    for (size_t i = 0; i < v->n_marks; i++) {
        SDL_FPoint p = efmicro_to_px(l, v->marks[i].x_um, v->marks[i].y_um);
        gfx_stroke_circle(g, p.x, p.y, r, w + 2.0f, (SDL_Color){0, 0, 0, 160});
        gfx_stroke_circle(g, p.x, p.y, r, w, theme.focus);
        gfx_line(g, p.x - r * 1.6f, p.y, p.x - r * 0.6f, p.y, w, theme.focus);
        gfx_line(g, p.x + r * 0.6f, p.y, p.x + r * 1.6f, p.y, w, theme.focus);
        gfx_line(g, p.x, p.y - r * 1.6f, p.x, p.y - r * 0.6f, w, theme.focus);
        gfx_line(g, p.x, p.y + r * 0.6f, p.x, p.y + r * 1.6f, w, theme.focus);
    }
}

/* Returns the top of the scale bar's label (pixels), for what goes above it. */
static float draw_scale(Gfx *g, const EfMicroLayout *l, int magnification)
{
    /* bottom-left corner, in the black around the round field */
    double bar_um = magnification >= 400 ? 50.0 : 100.0;
    float len = (float)(bar_um * l->px_per_um);
    float x = (float)l->image.x + gfx_px(g, 10.0f), y = (float)(l->image.y + l->image.h) - gfx_px(g, 14.0f);
    SDL_Color c = {235, 235, 235, 255};
    float w = fmaxf(2.0f, gfx_px(g, 3.0f));
    gfx_line(g, x, y, x + len, y, w, c);
    gfx_line(g, x, y - gfx_px(g, 6.0f), x, y + gfx_px(g, 2.0f), w * 0.7f, c);
    gfx_line(g, x + len, y - gfx_px(g, 6.0f), x + len, y + gfx_px(g, 2.0f), w * 0.7f, c);
    char t[32];
    snprintf(t, sizeof t, "%.0f µm", bar_um);
    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_SMALL - 2);
    float label_top = y - lh - gfx_px(g, 6.0f);
    gfx_text_at(g, t, x + len * 0.5f, label_top, GFX_FONT_BOLD, THEME_TEXT_SMALL - 2, c, GFX_ALIGN_CENTER);
    char mag[16];
    snprintf(mag, sizeof mag, "%d×", magnification);
    gfx_text_at(g, mag, (float)l->image.x + gfx_px(g, 10.0f), (float)l->image.y + gfx_px(g, 8.0f), GFX_FONT_BOLD,
                THEME_TEXT_BODY, c, GFX_ALIGN_LEFT);
    return label_top;
}

/* ---- the panel ---------------------------------------------------------------- */

static void small_button(Gfx *g, SDL_FRect r, const char *label, bool on)
{
    float rad = gfx_px(g, 8.0f);
    gfx_fill_rounded(g, r, rad, on ? theme.primary : theme.panel);
    gfx_stroke_rounded(g, r, rad, fmaxf(2.0f, gfx_px(g, 2.0f)), theme.primary);
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, on ? theme.on_primary : theme.primary);
    st.align = GFX_ALIGN_CENTER;
    st.valign = GFX_VALIGN_MIDDLE;
    st.shrink = true;
    gfx_text(g, label, r, &st);
}

static void draw_wheel(Gfx *g, SDL_FRect r, double focus_um)
{
    float rad = gfx_px(g, 10.0f);
    gfx_fill_rounded(g, r, rad, (SDL_Color){44, 48, 54, 255});
    /* ridges roll with the focus: the wheel looks turned */
    float pitch = gfx_px(g, 9.0f);
    float shift = fmodf((float)(focus_um / EFS_FOCUS_STEP_UM) * EFS_WHEEL_STEP_PT * gfx_layout_scale(g), pitch);
    if (shift < 0) shift += pitch;
    float top = r.y + gfx_px(g, 26.0f), bottom = r.y + r.h - gfx_px(g, 26.0f);
    float mid = (top + bottom) * 0.5f, half = (bottom - top) * 0.5f;
    for (float y = top + shift; y < bottom; y += pitch) {
        float t = (y - mid) / half;
        float light = 1.0f - t * t;           /* a cylinder: lit in the middle */
        Uint8 v = (Uint8)(90 + 110 * light);
        gfx_line(g, r.x + gfx_px(g, 8.0f), y, r.x + r.w - gfx_px(g, 8.0f), y, fmaxf(2.0f, gfx_px(g, 3.0f)),
                 (SDL_Color){v, v, (Uint8)(v + 8 > 255 ? 255 : v + 8), 255});
    }
    SDL_Color c = {240, 240, 240, 255};
    float s = THEME_TEXT_BODY;
    float lh = gfx_line_height(g, GFX_FONT_BOLD, s);
    gfx_text_at(g, "+", r.x + r.w * 0.5f, r.y + (gfx_px(g, 26.0f) - lh) * 0.5f, GFX_FONT_BOLD, s, c,
                GFX_ALIGN_CENTER);
    gfx_text_at(g, "−", r.x + r.w * 0.5f, r.y + r.h - gfx_px(g, 26.0f) + (gfx_px(g, 26.0f) - lh) * 0.5f,
                GFX_FONT_BOLD, s, c, GFX_ALIGN_CENTER);
}

static void draw_panel(EfScene *s, Gfx *g, const EfMicroLayout *l, const EndfaceView *v, const char *lang, bool fresh)
{
    SDL_FRect p = l->panel;
    float sc = gfx_layout_scale(g);
    gfx_fill_rounded(g, p, gfx_px(g, THEME_RADIUS), theme.panel);
    float x = p.x + 12.0f * sc, w = p.w - 24.0f * sc;
    /* heading: which side, which type */
    const Endface *face = v->sides[v->side].face;
    GfxTextStyle hs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
    hs.shrink = true;
    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY);
    gfx_text(g, v->side == EF_SIDE_PATCH ? _("Patch cord") : _("Port"), (SDL_FRect){x, p.y + 8.0f * sc, w, lh}, &hs);
    GfxTextStyle ts = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL - 2, theme.text_muted);
    ts.shrink = true;
    float tl = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL - 2);
    gfx_text(g, _(endface_type_label(face->type)), (SDL_FRect){x, p.y + 8.0f * sc + lh, w, tl}, &ts);

    /* focus wheel, light, zoom */
    draw_wheel(g, l->wheel, s->focus_um);
    float cl = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_SMALL - 2);
    GfxTextStyle cs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL - 2, theme.text_muted);
    cs.shrink = true;
    float rx = l->light_minus.x, rw = p.x + p.w - 12.0f * sc - rx;
    gfx_text(g, _("Light"), (SDL_FRect){rx, l->light_minus.y - cl - 2.0f * sc, rw, cl}, &cs);
    small_button(g, l->light_minus, "−", false);
    small_button(g, l->light_plus, "+", false);
    /* light level as a row of ticks */
    float tx = l->light_plus.x + l->light_plus.w + 10.0f * sc;
    float tw = p.x + p.w - 12.0f * sc - tx;
    if (tw > 30.0f * sc) {
        int levels = EFIMAGE_BRIGHTNESS_MAX - EFIMAGE_BRIGHTNESS_MIN + 1;
        float step = tw / (float)levels;
        for (int i = 0; i < levels; i++) {
            bool on = i <= s->brightness - EFIMAGE_BRIGHTNESS_MIN;
            float h = l->light_minus.h * (0.3f + 0.5f * (float)i / (float)(levels - 1));
            gfx_fill_rect(g, (SDL_FRect){tx + (float)i * step, l->light_minus.y + l->light_minus.h - h,
                                        fmaxf(2.0f, step - 3.0f * sc), h},
                          on ? theme.partial : theme.panel_alt);
        }
    }
    gfx_text(g, _("Zoom"), (SDL_FRect){rx, l->zoom_out.y - cl - 2.0f * sc, rw, cl}, &cs);
    small_button(g, l->zoom_out, "200×", v->magnification < 400);
    small_button(g, l->zoom_in, "400×", v->magnification >= 400);
    GfxTextStyle fs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL - 2, theme.text_muted);
    fs.shrink = true;
    fs.wrap = true;
    float fy = l->zoom_out.y + l->zoom_out.h + 6.0f * sc;
    float fh = l->wheel.y + l->wheel.h - fy;
    if (fh > cl) {
        gfx_text(g, _("Focus: drag the wheel, or + and -"), (SDL_FRect){rx, fy, rw, fh}, &fs);
    }

    /* zone legend */
    float y = l->wheel.y + l->wheel.h + 12.0f * sc;
    float bottom = p.y + p.h - 8.0f * sc;
    if (v->overlay) {
        float rl = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL - 2);
        GfxTextStyle zs = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL - 2, theme.text);
        zs.shrink = true;
        for (int z = 0; z < ZONE_COUNT && y + rl <= bottom; z++) {
            float cw = w * 0.5f;
            float cx = x + (float)(z % 2) * cw, cy = y + (float)(z / 2) * rl;
            gfx_stroke_circle(g, cx + rl * 0.4f, cy + rl * 0.5f, rl * 0.3f, fmaxf(2.0f, gfx_px(g, 3.0f)),
                              zone_colour[z]);
            char t[96];
            snprintf(t, sizeof t, "%s  %s", endface_zone_names[z], _(endface_zone_label((EndfaceZone)z)));
            gfx_text(g, t, (SDL_FRect){cx + rl, cy, cw - rl - 4.0f * sc, rl}, &zs);
        }
        y += 2.0f * rl + 10.0f * sc;
    }
    /* feedback */
    if (y < bottom) {
        efpanel_notes(s, g, (SDL_FRect){x, y, w, bottom - y}, v, lang, 2, fresh);
    }
}

void efmicro_draw(EfScene *s, const ModuleSceneEnv *env, const EndfaceView *v)
{
    Gfx *g = env->gfx;
    EfMicroLayout l;
    efmicro_layout(env, v->magnification, &l);
    const Endface *face = v->sides[v->side].face;
    /* the probe's screen: a dark bezel around the round picture */
    SDL_FRect bezel = {(float)l.image.x - gfx_px(g, 6.0f), (float)l.image.y - gfx_px(g, 6.0f),
                       (float)l.image.w + gfx_px(g, 12.0f), (float)l.image.h + gfx_px(g, 12.0f)};
    gfx_fill_rounded(g, bezel, gfx_px(g, 12.0f), (SDL_Color){22, 24, 28, 255});
    EfImageParams p = {l.image.w, l.px_per_um, s->focus_um, s->brightness, v->overlay};
    if (efs_picture_update(&s->micro, env->renderer, face, &p)) {
        SDL_RenderCopy(env->renderer, s->micro.tex, NULL, &l.image);
    }
    if (v->overlay) {
        draw_zone_letters(g, &l, face->type);
    }
    draw_marks(g, &l, v);
    float scale_top = draw_scale(g, &l, v->magnification);
    if (efpanel_grader_visible(s, v, v->side)) {
        /* above the scale bar, over the bottom of the field */
        float bw = (float)l.image.w * 0.8f;
        float bh = fmaxf(gfx_px(g, 40.0f), gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_SMALL) + gfx_px(g, 12.0f));
        efpanel_grader_banner(g, (SDL_FRect){(float)l.image.x + ((float)l.image.w - bw) * 0.5f,
                                             scale_top - gfx_px(g, 6.0f) - bh, bw, bh},
                              face, THEME_TEXT_SMALL);
    }
    bool fresh = env->anim_s - s->newest_note_s < 6.0;
    draw_panel(s, g, &l, v, env->lang, fresh);
    if (fresh) {
        efpanel_safety(g, (SDL_FRect){(float)l.image.x, (float)l.image.y, (float)l.image.w, (float)l.image.h}, v,
                       env->lang);
    }
}
