/*
 * scene_common.c - top bar, cards, the mark, rectangle helpers.
 */
#include "scene_common.h"

#include <math.h>

#include "theme.h"

SDL_FRect rect_inset(SDL_FRect r, float d)
{
    SDL_FRect o = {r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d};
    if (o.w < 0) o.w = 0;
    if (o.h < 0) o.h = 0;
    return o;
}

void rect_split_h(SDL_FRect r, float left_w, float gap, SDL_FRect *left, SDL_FRect *right)
{
    *left = (SDL_FRect){r.x, r.y, left_w, r.h};
    *right = (SDL_FRect){r.x + left_w + gap, r.y, r.w - left_w - gap, r.h};
}

SDL_FRect rect_take_top(SDL_FRect *r, float h, float gap)
{
    SDL_FRect t = {r->x, r->y, r->w, h};
    r->y += h + gap;
    r->h -= h + gap;
    return t;
}

SDL_FRect rect_take_bottom(SDL_FRect *r, float h, float gap)
{
    SDL_FRect t = {r->x, r->y + r->h - h, r->w, h};
    r->h -= h + gap;
    return t;
}

void scene_mark(Gfx *g, float cx, float cy, float r)
{
    SDL_Color coating = {255, 255, 255, 255};
    SDL_Color cladding = {120, 190, 240, 255};
    SDL_Color core = {255, 196, 0, 255};
    gfx_fill_circle(g, cx, cy, r, coating);
    gfx_fill_circle(g, cx, cy, r * 0.72f, cladding);
    gfx_fill_circle(g, cx, cy, r * 0.24f, core);
}

SDL_FRect scene_topbar(App *app, const char *title, const char *subtitle, float title_w)
{
    Gfx *g = app->gfx;
    float s = app_scale(app);
    float h = fmaxf(THEME_TOPBAR_H * s, ui_row_h(app->ui) + 8);
    SDL_FRect bar = {0, 0, (float)app->w, h};
    gfx_fill_rect(g, bar, theme.topbar);
    float pad = THEME_MARGIN * s;
    float mr = h * 0.26f;
    scene_mark(g, pad + mr, h * 0.5f, mr);
    float x = pad + 2 * mr + 14 * s;
    float w = title_w - (x - bar.x);
    if (w < 10) w = 10;
    if (subtitle && subtitle[0]) {
        GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY + 1, theme.on_topbar);
        st.shrink = true;
        float lh1 = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY + 1);
        float lh2 = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL);
        float y = (h - lh1 - lh2) * 0.5f;
        gfx_text(g, title, (SDL_FRect){x, y, w, lh1}, &st);
        GfxTextStyle ss = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL, (SDL_Color){214, 228, 240, 255});
        ss.shrink = true;
        gfx_text(g, subtitle, (SDL_FRect){x, y + lh1, w, lh2}, &ss);
    } else {
        GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_HEADING - 2, theme.on_topbar);
        st.shrink = true;
        st.valign = GFX_VALIGN_MIDDLE;
        gfx_text(g, title, (SDL_FRect){x, 0, w, h}, &st);
    }
    return bar;
}

SDL_FRect scene_body(const App *app)
{
    float s = app_scale(app);
    float top = fmaxf(THEME_TOPBAR_H * s, ui_row_h(app->ui) + 8);
    float pad = THEME_MARGIN * s;
    SDL_FRect r = {pad, top + pad, (float)app->w - 2 * pad, (float)app->h - top - 2 * pad};
    return r;
}

void scene_card(App *app, SDL_FRect r)
{
    float s = app_scale(app);
    float radius = THEME_RADIUS * s * 1.4f;
    gfx_shadow(app->gfx, r, radius, 10 * s);
    gfx_fill_rounded(app->gfx, r, radius, theme.panel);
}

float scene_card_heading(App *app, SDL_FRect card, const char *text, GfxIcon icon)
{
    Gfx *g = app->gfx;
    float s = app_scale(app);
    float pad = 20 * s;
    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_HEADING);
    float x = card.x + pad;
    if (icon != GFX_ICON_NONE) {
        float is = lh * 0.9f;
        gfx_icon(g, icon, (SDL_FRect){x, card.y + pad + (lh - is) * 0.5f, is, is}, theme.primary);
        x += is + 12 * s;
    }
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_HEADING, theme.text);
    st.shrink = true;
    gfx_text(g, text, (SDL_FRect){x, card.y + pad, card.x + card.w - pad - x, lh}, &st);
    return pad + lh + 12 * s;
}

bool touch_scroll_event(TouchScroll *t, const SDL_Event *e, SDL_FRect area, int w, int h, float *scroll_px)
{
    if (e->type != SDL_FINGERDOWN && e->type != SDL_FINGERMOTION && e->type != SDL_FINGERUP) return false;
    float x = e->tfinger.x * (float)w, y = e->tfinger.y * (float)h;
    if (e->type == SDL_FINGERDOWN) {
        if (!t->active && x >= area.x && y >= area.y && x < area.x + area.w && y < area.y + area.h) {
            t->active = true;
            t->finger = e->tfinger.fingerId;
            t->last_y = y;
            t->travel = 0.0f;
        }
        return false;
    }
    if (!t->active || e->tfinger.fingerId != t->finger) return false;
    float dy = y - t->last_y;
    t->last_y = y;
    t->travel += fabsf(dy);
    if (e->type == SDL_FINGERUP) t->active = false;
    if (dy == 0.0f) return false;
    *scroll_px -= dy;
    return true;
}
