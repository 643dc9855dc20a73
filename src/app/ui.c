/*
 * ui.c - immediate-mode widgets (see ui.h).
 *
 * A click is a press and a release on the same widget, both inside it, so a
 * finger that slides off a button cancels. Press and release positions are
 * kept separately because a quick tap can bring both in one frame.
 */
#include "ui.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "theme.h"

#define FOCUS_MAX 128
#define TEXT_IN_MAX 256

struct Ui {
    Gfx *g; /* borrowed */
    int w, h;                 /* drawing area, for touch positions */
    /* pointer: the mouse or the first finger down */
    float px, py;             /* current position */
    float press_x, press_y;   /* where the press of this frame was */
    float release_x, release_y;
    bool down, pressed, released;
    SDL_FingerID finger;      /* finger that is the pointer, when touch_active */
    bool touch_active;
    float wheel;              /* wheel steps this frame (+ = up / away) */
    /* keyboard this frame */
    int tab;                  /* +1 Tab, -1 Shift+Tab */
    bool enter, space, up, dn, left, right, backspace;
    char text_in[TEXT_IN_MAX];
    /* widget state */
    uint32_t active;          /* widget the press started on */
    uint32_t focus;
    bool focus_visible;
    uint32_t order[FOCUS_MAX], prev_order[FOCUS_MAX];
    SDL_FRect target[FOCUS_MAX], prev_target[FOCUS_MAX]; /* what a finger must hit, per order[] */
    int n_order, n_prev;
    uint32_t want_focus;      /* from ui_focus() */
    bool text_input_on;
    bool focused_text_seen;   /* a focused text field was drawn this frame */
    bool modal;
    SDL_FRect modal_area;
    uint32_t confirmed;       /* list where Enter/Space was pressed this frame */
    /* list dragging */
    uint32_t drag_list;
    float drag_last_y;
    bool drag_moved;
};

static uint32_t hash_id(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h ? h : 1;
}

static bool inside(SDL_FRect r, float x, float y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

static bool contains(SDL_FRect outer, SDL_FRect r)
{
    return r.x >= outer.x - 0.5f && r.y >= outer.y - 0.5f && r.x + r.w <= outer.x + outer.w + 0.5f
           && r.y + r.h <= outer.y + outer.h + 0.5f;
}

Ui *ui_create(Gfx *g)
{
    Ui *ui = calloc(1, sizeof *ui);
    if (ui) {
        ui->g = g;
        ui->px = ui->py = -1;
    }
    return ui;
}

void ui_destroy(Ui *ui)
{
    if (ui && ui->text_input_on) {
        SDL_StopTextInput();
    }
    free(ui);
}

Gfx *ui_gfx(const Ui *ui) { return ui->g; }

void ui_set_size(Ui *ui, int w, int h)
{
    ui->w = w;
    ui->h = h;
}

float ui_row_h(const Ui *ui)
{
    float h = gfx_px(ui->g, THEME_BUTTON_H);
    return h < THEME_TOUCH_MIN_PX ? THEME_TOUCH_MIN_PX : h;
}

bool ui_pointer(const Ui *ui, float *x, float *y)
{
    if (x) *x = ui->px;
    if (y) *y = ui->py;
    return ui->down;
}

void ui_modal(Ui *ui, bool on, SDL_FRect area)
{
    ui->modal = on;
    ui->modal_area = area;
}

static void pointer_down(Ui *ui, float x, float y)
{
    ui->px = x;
    ui->py = y;
    ui->press_x = x;
    ui->press_y = y;
    ui->down = true;
    ui->pressed = true;
    ui->focus_visible = false;
}

static void pointer_up(Ui *ui, float x, float y)
{
    ui->px = x;
    ui->py = y;
    ui->release_x = x;
    ui->release_y = y;
    ui->down = false;
    ui->released = true;
}

bool ui_handle_event(Ui *ui, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID) return false;
        ui->px = (float)e->motion.x;
        ui->py = (float)e->motion.y;
        return false;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) return false;
        pointer_down(ui, (float)e->button.x, (float)e->button.y);
        return false;
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) return false;
        pointer_up(ui, (float)e->button.x, (float)e->button.y);
        return false;
    case SDL_MOUSEWHEEL:
        if (e->wheel.which == SDL_TOUCH_MOUSEID) return false;
        ui->wheel += e->wheel.preciseY;
        return false;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        float x = e->tfinger.x * (float)ui->w, y = e->tfinger.y * (float)ui->h;
        if (e->type == SDL_FINGERDOWN) {
            if (ui->touch_active) return false; /* second finger: not a pointer */
            ui->touch_active = true;
            ui->finger = e->tfinger.fingerId;
            pointer_down(ui, x, y);
        } else if (ui->touch_active && e->tfinger.fingerId == ui->finger) {
            if (e->type == SDL_FINGERUP) {
                ui->touch_active = false;
                pointer_up(ui, x, y);
            } else {
                ui->px = x;
                ui->py = y;
            }
        }
        return false;
    }
    case SDL_TEXTINPUT: {
        size_t have = strlen(ui->text_in), add = strlen(e->text.text);
        if (have + add < TEXT_IN_MAX) memcpy(ui->text_in + have, e->text.text, add + 1);
        return ui->text_input_on;
    }
    case SDL_KEYDOWN: {
        SDL_Keycode k = e->key.keysym.sym;
        bool used = true;
        if (k == SDLK_TAB) {
            ui->tab = (e->key.keysym.mod & KMOD_SHIFT) ? -1 : 1;
        } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
            ui->enter = true;
        } else if (k == SDLK_SPACE) {
            ui->space = true;
        } else if (k == SDLK_UP) {
            ui->up = true;
        } else if (k == SDLK_DOWN) {
            ui->dn = true;
        } else if (k == SDLK_LEFT) {
            ui->left = true;
        } else if (k == SDLK_RIGHT) {
            ui->right = true;
        } else if (k == SDLK_BACKSPACE) {
            ui->backspace = true;
        } else {
            used = false;
        }
        if (used) ui->focus_visible = true;
        return used;
    }
    default:
        return false;
    }
}

void ui_begin(Ui *ui)
{
    ui->n_order = 0;
    ui->focused_text_seen = false;
    if (ui->want_focus) {
        ui->focus = ui->want_focus;
        ui->want_focus = 0;
    }
}

static void clear_frame_input(Ui *ui)
{
    ui->pressed = ui->released = false;
    ui->wheel = 0;
    ui->tab = 0;
    ui->enter = ui->space = ui->up = ui->dn = ui->left = ui->right = ui->backspace = false;
    ui->text_in[0] = '\0';
    ui->modal = false;
    ui->confirmed = 0;
}

void ui_end(Ui *ui)
{
    if (ui->tab != 0 && ui->n_order > 0) {
        int cur = -1;
        for (int i = 0; i < ui->n_order; i++) {
            if (ui->order[i] == ui->focus) cur = i;
        }
        int next = cur < 0 ? (ui->tab > 0 ? 0 : ui->n_order - 1)
                           : (cur + ui->tab + ui->n_order) % ui->n_order;
        ui->focus = ui->order[next];
    }
    if (ui->released || (!ui->down && !ui->pressed)) {
        ui->active = 0;
        ui->drag_list = 0;
    }
    /* The on-screen keyboard / input method follows the focused text field. */
    if (ui->focused_text_seen && !ui->text_input_on) {
        SDL_StartTextInput();
        ui->text_input_on = true;
    } else if (!ui->focused_text_seen && ui->text_input_on) {
        SDL_StopTextInput();
        ui->text_input_on = false;
    }
    memcpy(ui->prev_order, ui->order, sizeof ui->order);
    memcpy(ui->prev_target, ui->target, sizeof ui->target);
    ui->n_prev = ui->n_order;
    clear_frame_input(ui);
}

void ui_focus(Ui *ui, const char *id)
{
    ui->want_focus = hash_id(id);
}

/* Registers a focusable widget; returns whether it may react this frame. */
static bool enroll(Ui *ui, uint32_t id, SDL_FRect r)
{
    if (ui->modal && !contains(ui->modal_area, r)) {
        return false;
    }
    if (ui->n_order < FOCUS_MAX) {
        ui->target[ui->n_order] = r;
        ui->order[ui->n_order++] = id;
    }
    return true;
}

bool ui_widget_rect(const Ui *ui, const char *id, SDL_FRect *out)
{
    uint32_t h = hash_id(id);
    for (int i = 0; i < ui->n_prev; i++) {
        if (ui->prev_order[i] == h) {
            *out = ui->prev_target[i];
            return true;
        }
    }
    return false;
}

int ui_widget_count(const Ui *ui)
{
    return ui->n_prev;
}

SDL_FRect ui_widget_target(const Ui *ui, int i)
{
    return i >= 0 && i < ui->n_prev ? ui->prev_target[i] : (SDL_FRect){0, 0, 0, 0};
}

/* Press/release logic shared by clickable widgets. */
static bool clicked(Ui *ui, uint32_t id, SDL_FRect r)
{
    bool hit = false;
    if (ui->pressed && inside(r, ui->press_x, ui->press_y)) {
        ui->active = id;
        ui->focus = id;
    }
    if (ui->released && ui->active == id) {
        hit = inside(r, ui->release_x, ui->release_y);
    }
    if (ui->focus == id && (ui->enter || ui->space)) {
        hit = true;
    }
    return hit;
}

static void focus_ring(Ui *ui, uint32_t id, SDL_FRect r, float radius)
{
    if (ui->focus == id && ui->focus_visible) {
        float w = gfx_px(ui->g, 3.0f);
        if (w < 2) w = 2;
        SDL_FRect o = {r.x - 2 * w, r.y - 2 * w, r.w + 4 * w, r.h + 4 * w};
        gfx_stroke_rounded(ui->g, o, radius + 2 * w, w, theme.focus);
    }
}

static SDL_Color mix(SDL_Color a, SDL_Color b, float t)
{
    SDL_Color c = {(Uint8)((float)a.r + ((float)b.r - (float)a.r) * t), (Uint8)((float)a.g + ((float)b.g - (float)a.g) * t),
                   (Uint8)((float)a.b + ((float)b.b - (float)a.b) * t), (Uint8)((float)a.a + ((float)b.a - (float)a.a) * t)};
    return c;
}

/* Icon + label centred as a group in r. */
/* Icon size and gap of a control's content; returns the width left for the label. */
static float content_metrics(Gfx *g, SDL_FRect r, const char *label, GfxIcon icon, float *icon_s, float *gap)
{
    float pad = gfx_px(g, 14.0f);
    *icon_s = icon != GFX_ICON_NONE ? fminf(r.h * 0.46f, gfx_px(g, 28.0f)) : 0;
    *gap = icon != GFX_ICON_NONE && label && label[0] ? gfx_px(g, 10.0f) : 0;
    return r.w - 2 * pad - *icon_s - *gap;
}

/* Whether the label fits beside the icon at full size. */
static bool content_fits(Gfx *g, SDL_FRect r, const char *label, GfxIcon icon, float size_pt)
{
    float icon_s, gap;
    float avail = content_metrics(g, r, label, icon, &icon_s, &gap);
    return !label || !label[0] || gfx_text_measure(g, label, GFX_FONT_BOLD, size_pt).x <= avail;
}

static void draw_content(Ui *ui, SDL_FRect r, const char *label, GfxIcon icon, SDL_Color fg, float size_pt)
{
    Gfx *g = ui->g;
    float icon_s, gap;
    float avail = content_metrics(g, r, label, icon, &icon_s, &gap);
    SDL_FPoint tsz = label && label[0] ? gfx_text_measure(g, label, GFX_FONT_BOLD, size_pt) : (SDL_FPoint){0, 0};
    float tw = tsz.x < avail ? tsz.x : avail;
    float x = r.x + (r.w - (icon_s + gap + tw)) * 0.5f;
    if (icon != GFX_ICON_NONE) {
        SDL_FRect ib = {x, r.y + (r.h - icon_s) * 0.5f, icon_s, icon_s};
        gfx_icon(g, icon, ib, fg);
    }
    if (label && label[0]) {
        GfxTextStyle st = gfx_style(GFX_FONT_BOLD, size_pt, fg);
        st.valign = GFX_VALIGN_MIDDLE;
        st.shrink = true;
        SDL_FRect tb = {x + icon_s + gap, r.y + 2, avail > 0 ? avail : 1, r.h - 4};
        if (tsz.x <= avail) tb.w = tw + 1;
        gfx_text(g, label, tb, &st);
    }
}

bool ui_button_ex(Ui *ui, const char *ids, SDL_FRect r, const char *label, GfxIcon icon, UiKind kind,
                  bool enabled)
{
    Gfx *g = ui->g;
    uint32_t id = hash_id(ids);
    bool live = enabled && enroll(ui, id, r);
    bool hit = live && clicked(ui, id, r);
    bool hover = live && inside(r, ui->px, ui->py);
    bool pressed = live && ui->active == id && ui->down && hover;
    float radius = gfx_px(g, THEME_RADIUS);
    SDL_Color fill = theme.primary, fg = theme.on_primary;
    switch (kind) {
    case UI_PRIMARY:
        fill = pressed ? mix(theme.primary, theme.text, 0.3f) : hover ? theme.primary_hover : theme.primary;
        fg = theme.on_primary;
        break;
    case UI_DANGER:
        fill = pressed ? mix(theme.fail, theme.text, 0.3f) : hover ? mix(theme.fail, theme.panel, 0.1f) : theme.fail;
        fg = theme.on_primary;
        break;
    case UI_SECONDARY:
        fill = pressed ? mix(theme.panel, theme.primary, 0.18f) : hover ? mix(theme.panel, theme.primary, 0.08f)
                                                                 : theme.panel;
        fg = theme.primary;
        break;
    case UI_QUIET: {
        SDL_Color t = {255, 255, 255, 0};
        fill = pressed ? (SDL_Color){255, 255, 255, 60} : hover ? (SDL_Color){255, 255, 255, 32} : t;
        fg = theme.on_topbar;
        break;
    }
    }
    if (!enabled) {
        fill = kind == UI_QUIET ? (SDL_Color){255, 255, 255, 0} : mix(theme.panel_alt, theme.border, 0.25f);
        fg = kind == UI_QUIET ? mix(theme.on_topbar, theme.topbar, 0.45f) : theme.text_muted;
    }
    if (fill.a > 0) {
        gfx_fill_rounded(g, r, radius, fill);
    }
    if (kind == UI_SECONDARY) {
        gfx_stroke_rounded(g, r, radius, fmaxf(2.0f, gfx_px(g, 2.0f)), enabled ? theme.primary : theme.border);
    }
    draw_content(ui, r, label, icon, fg, THEME_TEXT_BODY);
    focus_ring(ui, id, r, radius);
    return hit;
}

bool ui_button(Ui *ui, const char *id, SDL_FRect r, const char *label, GfxIcon icon, UiKind kind)
{
    return ui_button_ex(ui, id, r, label, icon, kind, true);
}

bool ui_icon_button(Ui *ui, const char *ids, SDL_FRect r, GfxIcon icon, const char *label, UiKind kind)
{
    Gfx *g = ui->g;
    uint32_t id = hash_id(ids);
    bool live = enroll(ui, id, r);
    bool hit = live && clicked(ui, id, r);
    bool hover = live && inside(r, ui->px, ui->py);
    float radius = gfx_px(g, THEME_RADIUS);
    SDL_Color fg = kind == UI_QUIET ? theme.on_topbar : theme.primary;
    if (hover) {
        gfx_fill_rounded(g, r, radius, kind == UI_QUIET ? (SDL_Color){255, 255, 255, 32} : mix(theme.panel, theme.primary, 0.08f));
    }
    float label_h = label && label[0] ? gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL - 3) : 0;
    float icon_s = fminf(r.w, r.h - label_h) * 0.62f;
    SDL_FRect ib = {r.x + (r.w - icon_s) * 0.5f, r.y + (r.h - label_h - icon_s) * 0.5f, icon_s, icon_s};
    gfx_icon(g, icon, ib, fg);
    if (label_h > 0) {
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL - 3, fg);
        st.align = GFX_ALIGN_CENTER;
        st.shrink = true;
        SDL_FRect tb = {r.x, r.y + r.h - label_h - 2, r.w, label_h};
        gfx_text(g, label, tb, &st);
    }
    focus_ring(ui, id, r, radius);
    return hit;
}

void ui_label(Ui *ui, SDL_FRect r, const char *text, float size_pt, GfxFont font, SDL_Color c)
{
    GfxTextStyle st = gfx_style(font, size_pt, c);
    st.wrap = true;
    gfx_text(ui->g, text, r, &st);
}

/* A press in r starts a drag of id; while held, moving more than a small
 * slop scrolls by the pointer's vertical motion (finger or mouse). */
static void drag_scroll(Ui *ui, uint32_t id, SDL_FRect r, float *scroll_px)
{
    if (ui->pressed && inside(r, ui->press_x, ui->press_y)) {
        ui->drag_list = id;
        ui->drag_last_y = ui->press_y;
        ui->drag_moved = false;
        ui->active = id;
        ui->focus = id;
    }
    if (ui->drag_list == id && ui->down) {
        float dy = ui->py - ui->drag_last_y;
        if (fabsf(ui->py - ui->press_y) > gfx_px(ui->g, 12.0f)) ui->drag_moved = true;
        if (ui->drag_moved) *scroll_px -= dy;
        ui->drag_last_y = ui->py;
    }
}

/* Scroll bar at r's right edge when content_h does not fit: shows there is
 * more below / above, and where the view is. */
static void scroll_bar(Gfx *g, SDL_FRect r, float content_h, float scroll_px)
{
    float max_scroll = content_h > r.h ? content_h - r.h : 0;
    if (max_scroll <= 0) return;
    float bar_h = r.h * r.h / content_h;
    float bar_y = r.y + (r.h - bar_h) * (scroll_px / max_scroll);
    float bw = gfx_px(g, 6.0f);
    gfx_fill_rounded(g, (SDL_FRect){r.x + r.w - bw - 3, bar_y + 3, bw, bar_h - 6}, bw * 0.5f, theme.border);
}

bool ui_list(Ui *ui, const char *ids, SDL_FRect r, const char *const *items, const char *const *details, int count,
             int *selected, float *scroll_px)
{
    Gfx *g = ui->g;
    uint32_t id = hash_id(ids);
    bool live = enroll(ui, id, r);
    bool changed = false;
    float pad = gfx_px(g, 16.0f);
    bool two = false;
    for (int i = 0; details && i < count; i++) {
        if (details[i] && details[i][0]) two = true;
    }
    /* names too long for one line (large text, narrow column) get two lines
     * in every row, so rows keep one height */
    float text_w = r.w - 2 * pad - gfx_px(g, 30.0f);
    float lh1 = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY);
    int item_lines = 1;
    for (int i = 0; i < count; i++) {
        if (gfx_text_measure(g, items[i], GFX_FONT_BOLD, THEME_TEXT_BODY).x > text_w) item_lines = 2;
    }
    float item_h = lh1 * (float)item_lines;
    float lh2 = two ? gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL) : 0;
    float row_h = fmaxf(ui_row_h(ui), item_h + lh2 + 2 * gfx_px(g, 10.0f));
    float content = row_h * (float)count;
    float max_scroll = content > r.h ? content - r.h : 0;
    if (*scroll_px < 0 && *selected >= 0) {
        /* asked to bring a selection made elsewhere into view (e.g. back
         * from a replay to an old attempt): centre its row */
        *scroll_px = (float)*selected * row_h - (r.h - row_h) * 0.5f;
    }
    if (live) {
        if (inside(r, ui->px, ui->py) && ui->wheel != 0) {
            *scroll_px -= ui->wheel * row_h;
        }
        drag_scroll(ui, id, r, scroll_px);
        if (ui->released && ui->active == id && !ui->drag_moved && inside(r, ui->release_x, ui->release_y)) {
            int row = (int)((ui->release_y - r.y + *scroll_px) / row_h);
            if (row >= 0 && row < count && row != *selected) {
                *selected = row;
                changed = true;
            }
        }
        if (ui->focus == id && count > 0) {
            if ((ui->enter || ui->space) && *selected >= 0) ui->confirmed = id;
            int s = *selected;
            if (ui->dn) s = s < 0 ? 0 : (s + 1 < count ? s + 1 : s);
            if (ui->up) s = s <= 0 ? 0 : s - 1;
            if (s != *selected) {
                *selected = s;
                changed = true;
                float top = (float)s * row_h, bot = top + row_h;
                if (top < *scroll_px) *scroll_px = top;
                if (bot > *scroll_px + r.h) *scroll_px = bot - r.h;
            }
        }
    }
    if (*scroll_px > max_scroll) *scroll_px = max_scroll;
    if (*scroll_px < 0) *scroll_px = 0;

    float radius = gfx_px(g, THEME_RADIUS);
    gfx_fill_rounded(g, r, radius, theme.panel);
    SDL_Rect old;
    SDL_bool had = SDL_RenderIsClipEnabled(gfx_renderer(g));
    SDL_RenderGetClipRect(gfx_renderer(g), &old);
    SDL_Rect clip = {(int)r.x, (int)r.y, (int)r.w, (int)r.h};
    SDL_RenderSetClipRect(gfx_renderer(g), &clip);
    int first = (int)(*scroll_px / row_h);
    for (int i = first; i < count; i++) {
        float y = r.y + (float)i * row_h - *scroll_px;
        if (y > r.y + r.h) break;
        SDL_FRect row = {r.x, y, r.w, row_h};
        bool sel = i == *selected;
        if (sel) {
            gfx_fill_rect(g, row, mix(theme.panel, theme.primary, 0.12f));
            gfx_fill_rect(g, (SDL_FRect){r.x, y, gfx_px(g, 6.0f), row_h}, theme.primary);
        } else if (live && inside(row, ui->px, ui->py) && inside(r, ui->px, ui->py)) {
            gfx_fill_rect(g, row, theme.panel_alt);
        }
        if (i > 0) {
            gfx_fill_rect(g, (SDL_FRect){r.x + pad, y, r.w - 2 * pad, 1}, mix(theme.panel, theme.border, 0.5f));
        }
        float check_w = gfx_px(g, 30.0f);
        float ty = y + (row_h - item_h - lh2) * 0.5f;
        GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
        st.shrink = true;
        st.wrap = item_lines > 1;
        st.valign = GFX_VALIGN_MIDDLE;
        gfx_text(g, items[i], (SDL_FRect){r.x + pad, ty, r.w - 2 * pad - check_w, item_h}, &st);
        if (two && details[i]) {
            GfxTextStyle sd = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL, theme.text_muted);
            sd.shrink = true;
            gfx_text(g, details[i], (SDL_FRect){r.x + pad, ty + item_h, r.w - 2 * pad - check_w, lh2}, &sd);
        }
        if (sel) {
            float s = gfx_px(g, 24.0f);
            gfx_icon(g, GFX_ICON_CHECK, (SDL_FRect){r.x + r.w - pad - s, y + (row_h - s) * 0.5f, s, s}, theme.primary);
        }
    }
    SDL_RenderSetClipRect(gfx_renderer(g), had ? &old : NULL);
    scroll_bar(g, r, content, *scroll_px);
    gfx_stroke_rounded(g, r, radius, 1.5f, theme.border);
    focus_ring(ui, id, r, radius);
    return changed;
}

void ui_scroll_area(Ui *ui, const char *ids, SDL_FRect r, float content_h, float *scroll_px)
{
    uint32_t id = hash_id(ids);
    if (enroll(ui, id, r)) {
        if (inside(r, ui->px, ui->py) && ui->wheel != 0) {
            *scroll_px -= ui->wheel * gfx_px(ui->g, 60.0f);
        }
        drag_scroll(ui, id, r, scroll_px);
    }
    float max_scroll = content_h > r.h ? content_h - r.h : 0;
    if (*scroll_px > max_scroll) *scroll_px = max_scroll;
    if (*scroll_px < 0) *scroll_px = 0;
    scroll_bar(ui->g, r, content_h, *scroll_px);
}

bool ui_list_confirmed(const Ui *ui, const char *id)
{
    return ui->confirmed != 0 && ui->confirmed == hash_id(id);
}

/* Drops the last UTF-8 character of buf. */
static void drop_last_char(char *buf)
{
    size_t n = strlen(buf);
    while (n > 0) {
        n--;
        if (((unsigned char)buf[n] & 0xC0) != 0x80) break;
    }
    buf[n] = '\0';
}

bool ui_text_field(Ui *ui, const char *ids, SDL_FRect r, char *buf, size_t cap, const char *placeholder)
{
    Gfx *g = ui->g;
    uint32_t id = hash_id(ids);
    bool live = enroll(ui, id, r);
    bool submit = false;
    if (live && ui->pressed && inside(r, ui->press_x, ui->press_y)) {
        ui->focus = id;
        ui->active = id;
    }
    bool focused = live && ui->focus == id;
    if (focused) {
        ui->focused_text_seen = true;
        if (ui->text_in[0]) {
            /* fs_strlcpy-like append, cut at a character boundary */
            size_t have = strlen(buf);
            for (const char *p = ui->text_in; *p;) {
                size_t clen = 1;
                unsigned char c0 = (unsigned char)*p;
                if (c0 >= 0xF0) clen = 4;
                else if (c0 >= 0xE0) clen = 3;
                else if (c0 >= 0xC0) clen = 2;
                if (strlen(p) < clen || have + clen + 1 > cap) break;
                memcpy(buf + have, p, clen);
                have += clen;
                buf[have] = '\0';
                p += clen;
            }
        }
        if (ui->backspace) drop_last_char(buf);
        if (ui->enter) submit = true;
        SDL_Rect ime = {(int)r.x, (int)r.y, (int)r.w, (int)r.h};
        SDL_SetTextInputRect(&ime);
    }
    float radius = gfx_px(g, THEME_RADIUS);
    gfx_fill_rounded(g, r, radius, theme.panel);
    gfx_stroke_rounded(g, r, radius, focused ? fmaxf(2.5f, gfx_px(g, 3.0f)) : fmaxf(1.5f, gfx_px(g, 2.0f)),
                       focused ? theme.primary : theme.border);
    float pad = gfx_px(g, 16.0f);
    SDL_FRect tb = {r.x + pad, r.y, r.w - 2 * pad, r.h};
    GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY + 2, theme.text);
    st.valign = GFX_VALIGN_MIDDLE;
    float caret_x = tb.x;
    if (buf[0]) {
        SDL_FPoint sz = gfx_text_measure(g, buf, GFX_FONT_REGULAR, st.size_pt);
        if (sz.x > tb.w - 4) {
            /* long names: keep the end (where the caret is) visible */
            st.align = GFX_ALIGN_RIGHT;
            SDL_Rect old;
            SDL_bool had = SDL_RenderIsClipEnabled(gfx_renderer(g));
            SDL_RenderGetClipRect(gfx_renderer(g), &old);
            SDL_Rect clip = {(int)tb.x, (int)tb.y, (int)tb.w, (int)tb.h};
            SDL_RenderSetClipRect(gfx_renderer(g), &clip);
            float lh = gfx_line_height(g, GFX_FONT_REGULAR, st.size_pt);
            gfx_text_at(g, buf, tb.x + tb.w - 4, r.y + (r.h - lh) * 0.5f, GFX_FONT_REGULAR, st.size_pt, theme.text,
                        GFX_ALIGN_RIGHT);
            SDL_RenderSetClipRect(gfx_renderer(g), had ? &old : NULL);
            caret_x = tb.x + tb.w - 3;
        } else {
            gfx_text(g, buf, tb, &st);
            caret_x = tb.x + sz.x + 1;
        }
    } else if (placeholder) {
        st.color = theme.text_muted;
        st.shrink = true;
        /* leave room for the caret before the example text */
        float gap = focused ? gfx_px(g, 8.0f) : 0;
        gfx_text(g, placeholder, (SDL_FRect){tb.x + gap, tb.y, tb.w - gap, tb.h}, &st);
    }
    if (focused) {
        float ch = r.h * 0.5f;
        gfx_fill_rect(g, (SDL_FRect){caret_x, r.y + (r.h - ch) * 0.5f, fmaxf(2.0f, gfx_px(g, 2.0f)), ch}, theme.text);
    }
    focus_ring(ui, id, r, radius);
    return submit;
}

bool ui_toggle(Ui *ui, const char *ids, SDL_FRect r, const char *label, bool *value)
{
    Gfx *g = ui->g;
    uint32_t id = hash_id(ids);
    bool live = enroll(ui, id, r);
    bool hit = live && clicked(ui, id, r);
    if (hit) *value = !*value;
    float sw_h = fminf(r.h * 0.7f, gfx_px(g, 40.0f));
    float sw_w = sw_h * 2.1f;
    float state_w = gfx_px(g, 70.0f);
    SDL_FRect sw = {r.x + r.w - sw_w, r.y + (r.h - sw_h) * 0.5f, sw_w, sw_h};
    GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    st.valign = GFX_VALIGN_MIDDLE;
    st.shrink = true;
    gfx_text(g, label, (SDL_FRect){r.x, r.y, r.w - sw_w - state_w - gfx_px(g, 12.0f), r.h}, &st);
    /* the state is a word too, not only the knob's side and colour */
    GfxTextStyle ss = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, *value ? theme.primary : theme.text_muted);
    ss.valign = GFX_VALIGN_MIDDLE;
    ss.align = GFX_ALIGN_RIGHT;
    ss.shrink = true;
    gfx_text(g, *value ? _("On") : _("Off"), (SDL_FRect){sw.x - state_w - gfx_px(g, 8.0f), r.y, state_w, r.h}, &ss);
    gfx_fill_rounded(g, sw, sw_h * 0.5f, *value ? theme.primary : mix(theme.panel, theme.border, 0.6f));
    float k = sw_h - 6;
    float kx = *value ? sw.x + sw.w - k - 3 : sw.x + 3;
    gfx_fill_circle(g, kx + k * 0.5f, sw.y + sw_h * 0.5f, k * 0.5f, theme.panel);
    if (*value) {
        gfx_icon(g, GFX_ICON_CHECK, (SDL_FRect){kx + k * 0.2f, sw.y + 3 + k * 0.2f, k * 0.6f, k * 0.6f}, theme.primary);
    }
    focus_ring(ui, id, r, gfx_px(g, THEME_RADIUS));
    return hit;
}

bool ui_segmented(Ui *ui, const char *ids, SDL_FRect r, const char *const *labels, int n, int *selected)
{
    Gfx *g = ui->g;
    uint32_t id = hash_id(ids);
    bool live = enroll(ui, id, r);
    bool changed = false;
    if (n <= 0) return false;
    float seg_w = r.w / (float)n;
    if (live && ui->n_order > 0 && ui->order[ui->n_order - 1] == id) {
        ui->target[ui->n_order - 1].w = seg_w; /* a finger hits one segment */
    }
    if (live) {
        if (ui->pressed && inside(r, ui->press_x, ui->press_y)) {
            ui->active = id;
            ui->focus = id;
        }
        if (ui->released && ui->active == id && inside(r, ui->release_x, ui->release_y)) {
            int k = (int)((ui->release_x - r.x) / seg_w);
            if (k >= 0 && k < n && k != *selected) {
                *selected = k;
                changed = true;
            }
        }
        if (ui->focus == id) {
            int k = *selected;
            if (ui->left && k > 0) k--;
            if (ui->right && k + 1 < n) k++;
            if (k != *selected) {
                *selected = k;
                changed = true;
            }
        }
    }
    float radius = gfx_px(g, THEME_RADIUS);
    gfx_fill_rounded(g, r, radius, theme.panel);
    for (int i = 0; i < n; i++) {
        SDL_FRect s = {r.x + seg_w * (float)i, r.y, seg_w, r.h};
        bool sel = i == *selected;
        if (sel) {
            gfx_fill_rounded(g, (SDL_FRect){s.x + 3, s.y + 3, s.w - 6, s.h - 6}, radius - 2, theme.primary);
        } else if (i > 0 && i - 1 != *selected) {
            gfx_fill_rect(g, (SDL_FRect){s.x, s.y + s.h * 0.2f, 1.5f, s.h * 0.6f}, theme.border);
        }
        /* The check says "chosen" without relying on colour; in a segment
         * too narrow for it and the label (x1 among the replay speeds) the
         * label keeps its size and the filled pill alone says it. */
        GfxIcon mark = sel && content_fits(g, s, labels[i], GFX_ICON_CHECK, THEME_TEXT_BODY) ? GFX_ICON_CHECK
                                                                                           : GFX_ICON_NONE;
        draw_content(ui, s, labels[i], mark, sel ? theme.on_primary : theme.primary, THEME_TEXT_BODY);
    }
    gfx_stroke_rounded(g, r, radius, fmaxf(2.0f, gfx_px(g, 2.0f)), theme.primary);
    focus_ring(ui, id, r, radius);
    return changed;
}
