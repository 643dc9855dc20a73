/*
 * splice_scene_motor.c - the motor keys of manual core alignment, drawn on
 * the splicer's screen beside its X and Y views.
 *
 * A core-alignment splicer in manual mode (Fujikura 70S/90S and the like)
 * shows arrow keys on its touch screen: each drives one fibre's motor along
 * one axis, a step per touch, on and on while held. Here a key sends the
 * same key action as the keyboard's arrows (ACTION_LEFT/RIGHT for X,
 * ACTION_UP/DOWN for Y), so the module, the record and a replay cannot tell
 * a finger from a key. Up moves the right fibre up in that view, as drawn:
 * an X offset is drawn upwards in the X view, so X up is ACTION_RIGHT.
 */
#include <math.h>

#include "splice_scene.h"
#include "theme.h"

static const SDL_Color KEY_FILL = {46, 54, 64, 255};
static const SDL_Color KEY_FILL_HELD = {96, 112, 130, 255};
static const SDL_Color KEY_EDGE = {120, 136, 152, 255};
static const SDL_Color KEY_ARROW = {224, 232, 240, 255};

float splice_motor_key_px(const Gfx *g)
{
    return fmaxf(gfx_px(g, THEME_BUTTON_H), THEME_TOUCH_MIN_PX);
}

/* Stacked (up above down) when the view is high enough, else side by side. */
static bool stacked(const Gfx *g, float view_h)
{
    return view_h >= 2.0f * splice_motor_key_px(g) + gfx_px(g, 8.0f);
}

float splice_motor_strip_w(const Gfx *g, float view_h)
{
    float key = splice_motor_key_px(g), gap = gfx_px(g, 8.0f);
    return (stacked(g, view_h) ? key : 2.0f * key + gap) + gfx_px(g, 12.0f);
}

InputAction splice_motor_action(int k)
{
    switch (k) {
    case SPLICE_MOTOR_X_UP: return ACTION_RIGHT;
    case SPLICE_MOTOR_X_DOWN: return ACTION_LEFT;
    case SPLICE_MOTOR_Y_UP: return ACTION_UP;
    case SPLICE_MOTOR_Y_DOWN: return ACTION_DOWN;
    default: return ACTION_NONE;
    }
}

static bool key_held(const SpliceScene *s, int k)
{
    for (int p = 0; p < SPLICE_MOTOR_POINTERS; p++) {
        if (s->motor_held[p] == k) return true;
    }
    return false;
}

static void draw_key(Gfx *g, SDL_FRect r, bool up, bool held)
{
    float rad = gfx_px(g, 8.0f), edge = fmaxf(1.0f, gfx_px(g, 2.0f));
    gfx_fill_rounded(g, r, rad, KEY_EDGE);
    gfx_fill_rounded(g, (SDL_FRect){r.x + edge, r.y + edge, r.w - 2 * edge, r.h - 2 * edge}, rad - edge,
                     held ? KEY_FILL_HELD : KEY_FILL);
    float cx = r.x + r.w * 0.5f, cy = r.y + r.h * 0.5f, a = r.w * 0.24f;
    float dir = up ? -1.0f : 1.0f;
    gfx_fill_triangle(g, (SDL_FPoint){cx, cy + dir * a}, (SDL_FPoint){cx - a, cy - dir * a * 0.7f},
                      (SDL_FPoint){cx + a, cy - dir * a * 0.7f}, KEY_ARROW);
}

void splice_motor_draw(SpliceScene *s, Gfx *g, const SDL_FRect views[2])
{
    float key = splice_motor_key_px(g), gap = gfx_px(g, 8.0f);
    bool stack = stacked(g, views[0].h);
    for (int i = 0; i < 2; i++) {
        const SDL_FRect *v = &views[i];
        float x = v->x + v->w + gfx_px(g, 12.0f), cy = v->y + v->h * 0.5f;
        SDL_FRect up, down;
        if (stack) {
            up = (SDL_FRect){x, cy - gap * 0.5f - key, key, key};
            down = (SDL_FRect){x, cy + gap * 0.5f, key, key};
        } else {
            up = (SDL_FRect){x, cy - key * 0.5f, key, key};
            down = (SDL_FRect){x + key + gap, cy - key * 0.5f, key, key};
        }
        s->motor_key[2 * i] = up;
        s->motor_key[2 * i + 1] = down;
    }
    for (int k = 0; k < SPLICE_MOTOR_KEYS; k++) {
        draw_key(g, s->motor_key[k], k % 2 == 0, key_held(s, k));
    }
    s->motor_shown = true;
}

static int key_at(const SpliceScene *s, int px, int py)
{
    SDL_FPoint p = {(float)px + 0.5f, (float)py + 0.5f};
    for (int k = 0; s->motor_shown && k < SPLICE_MOTOR_KEYS; k++) {
        if (SDL_PointInFRect(&p, &s->motor_key[k])) return k;
    }
    return -1;
}

bool splice_motor_control(SpliceScene *s, InputKind kind, int pointer, int px, int py, InputEvent *out,
                          size_t *n_out)
{
    *n_out = 0;
    if (pointer < 0 || pointer >= SPLICE_MOTOR_POINTERS) return false;
    int k = key_at(s, px, py);
    if (kind == INPUT_POINTER_DOWN) {
        s->motor_held[pointer] = k;
        if (k < 0) return false;
        out[(*n_out)++] = input_key(0, splice_motor_action(k));
        return true;
    }
    /* the press stays with the key; sliding off it stops the motor */
    if (kind == INPUT_POINTER_UP || k != s->motor_held[pointer]) s->motor_held[pointer] = -1;
    return true;
}

void splice_motor_held(SpliceScene *s, int pointer, uint32_t ticks_held, InputEvent *out, size_t *n_out)
{
    *n_out = 0;
    if (pointer < 0 || pointer >= SPLICE_MOTOR_POINTERS || !s->motor_shown) return;
    int k = s->motor_held[pointer];
    if (k < 0 || ticks_held < SPLICE_MOTOR_DELAY_TICKS) return;
    if ((ticks_held - SPLICE_MOTOR_DELAY_TICKS) % SPLICE_MOTOR_EVERY_TICKS == 0) {
        out[(*n_out)++] = input_key(0, splice_motor_action(k));
    }
}
