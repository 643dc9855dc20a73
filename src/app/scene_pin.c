/*
 * scene_pin.c - the door of the instructor area: the PIN (include/fibresim/
 * pin.h). On first use the instructor chooses one (typed twice); after that
 * it is asked every time the area is opened. Wrong PINs are slowed down, and
 * the wait is shown counting down. Digits from the keyboard or the big keypad
 * (touch screens).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "fibresim/pin.h"
#include "i18n.h"
#include "instructor.h"
#include "scene_common.h"
#include "theme.h"

typedef enum PinMode { MODE_ENTER, MODE_CHOOSE, MODE_CONFIRM, MODE_DAMAGED } PinMode;

typedef struct PinScene {
    PinMode mode;
    char pin[PIN_MAX_DIGITS + 1];
    char first[PIN_MAX_DIGITS + 1];   /* MODE_CONFIRM: the PIN typed the first time */
    char msg[256];
    bool msg_bad;
    int64_t locked_until;             /* seconds since 1970, 0 = not locked */
} PinScene;

static int64_t now_s(void)
{
    return (int64_t)time(NULL); /* the edge reads the clock, never the core */
}

static void *pin_create(App *app)
{
    PinScene *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    PinState st;
    PinStatus ps = pin_state(app->paths.data, &st);
    s->mode = ps == PIN_NOT_SET ? MODE_CHOOSE : ps == PIN_OK ? MODE_ENTER : MODE_DAMAGED;
    s->locked_until = st.locked_until;
    if (s->mode == MODE_DAMAGED) {
        snprintf(s->msg, sizeof s->msg, "%s",
                 _("The PIN file (instructor.json in the data folder) is damaged. Delete it to choose a new PIN."));
        s->msg_bad = true;
    }
    return s;
}

static void pin_destroy(void *self)
{
    free(self);
}

static void add_digit(PinScene *s, char d)
{
    size_t n = strlen(s->pin);
    if (n < PIN_MAX_DIGITS) {
        s->pin[n] = d;
        s->pin[n + 1] = '\0';
    }
}

static void submit(PinScene *s, App *app)
{
    int64_t wait = 0;
    size_t n = strlen(s->pin);
    s->msg_bad = true;
    if (s->mode == MODE_DAMAGED) return;
    if (n < PIN_MIN_DIGITS) {
        snprintf(s->msg, sizeof s->msg, _("A PIN has %d to %d digits."), PIN_MIN_DIGITS, PIN_MAX_DIGITS);
        return;
    }
    if (s->mode == MODE_CHOOSE) {
        memcpy(s->first, s->pin, sizeof s->first);
        s->pin[0] = '\0';
        s->mode = MODE_CONFIRM;
        s->msg_bad = false;
        snprintf(s->msg, sizeof s->msg, "%s", _("Type the same PIN again."));
        return;
    }
    if (s->mode == MODE_CONFIRM) {
        if (strcmp(s->first, s->pin) != 0) {
            s->mode = MODE_CHOOSE;
            snprintf(s->msg, sizeof s->msg, "%s", _("The two PINs differ. Choose it again."));
        } else if (pin_set(app->paths.data, s->pin, NULL, now_s()) == PIN_OK) {
            app->instructor_unlocked = true;
            app_goto(app, SCENE_REVIEW);
        } else {
            snprintf(s->msg, sizeof s->msg, "%s", _("The PIN could not be saved in the data folder."));
        }
        s->pin[0] = '\0';
        return;
    }
    PinStatus r = pin_check(app->paths.data, s->pin, now_s(), &wait);
    s->pin[0] = '\0';
    switch (r) {
    case PIN_OK:
        app->instructor_unlocked = true;
        s->msg[0] = '\0';
        app_goto(app, SCENE_REVIEW);
        break;
    case PIN_WRONG:
    case PIN_THROTTLED:
        s->locked_until = wait > 0 ? now_s() + wait : 0;
        snprintf(s->msg, sizeof s->msg, "%s", r == PIN_WRONG ? _("Wrong PIN.") : _("Too many wrong PINs."));
        break;
    default:
        snprintf(s->msg, sizeof s->msg, _("The PIN cannot be checked: %s."), _(pin_status_name(r)));
        break;
    }
}

static bool pin_event(void *self, App *app, const SDL_Event *e)
{
    PinScene *s = self;
    if (e->type == SDL_TEXTINPUT) {
        for (const char *c = e->text.text; *c; c++) {
            if (*c >= '0' && *c <= '9') add_digit(s, *c);
        }
        return true;
    }
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_BACKSPACE: {
            size_t n = strlen(s->pin);
            if (n) s->pin[n - 1] = '\0';
            return true;
        }
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            submit(s, app);
            return true;
        case SDLK_ESCAPE:
            instructor_leave(app);
            app_goto(app, SCENE_START);
            return true;
        default:
            break;
        }
    }
    return false;
}

static void pin_frame(void *self, App *app)
{
    PinScene *s = self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    SDL_FRect bar = scene_topbar(app, _("Instructor area"), NULL, (float)app->w * 0.6f);
    float bw = fmaxf(row * 3.2f, 190 * sc);
    if (ui_button(ui, "pin.back", (SDL_FRect){bar.w - THEME_MARGIN * sc - bw, (bar.h - row) * 0.5f, bw, row},
                  _("Back"), GFX_ICON_ARROW_LEFT, UI_QUIET)) {
        instructor_leave(app);
        app_goto(app, SCENE_START);
    }
    SDL_FRect body = scene_body(app);
    float cw = fminf(body.w, 560 * sc);
    SDL_FRect card = {body.x + (body.w - cw) * 0.5f, body.y, cw, body.h};
    scene_card(app, card);
    const char *heading = s->mode == MODE_ENTER     ? _("Instructor PIN")
                          : s->mode == MODE_DAMAGED ? _("Instructor PIN")
                                                    : _("Choose an instructor PIN");
    float used = scene_card_heading(app, card, heading, GFX_ICON_INFO);
    float pad = 20 * sc;
    SDL_FRect col = {card.x + pad, card.y + used, card.w - 2 * pad, card.h - used - pad};
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_BODY);
    GfxTextStyle ls = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    ls.wrap = true;
    ls.shrink = true;
    const char *say = s->mode == MODE_ENTER     ? _("Type the PIN, then OK.")
                      : s->mode == MODE_CONFIRM ? _("Type the same PIN again.")
                      : s->mode == MODE_CHOOSE  ? _("First use: choose 4 to 12 digits. Trainees must not know it.")
                                                : "";
    gfx_text(g, say, rect_take_top(&col, lh * 3, 4 * sc), &ls);

    /* the digits typed, as dots */
    SDL_FRect dots = rect_take_top(&col, row * 0.8f, 8 * sc);
    size_t n = strlen(s->pin);
    float dr = 9 * sc, gap = 28 * sc;
    float x0 = dots.x + (dots.w - (float)(PIN_MAX_DIGITS - 1) * gap) * 0.5f;
    for (size_t i = 0; i < PIN_MAX_DIGITS; i++) {
        float cx = x0 + (float)i * gap, cy = dots.y + dots.h * 0.5f;
        if (i < n) gfx_fill_circle(g, cx, cy, dr, theme.text);
        else gfx_stroke_circle(g, cx, cy, dr * 0.6f, fmaxf(1, 1.5f * sc), theme.border);
    }

    /* message: wrong PIN, wait... */
    int64_t left = s->locked_until - now_s();
    if (left > PIN_MAX_DELAY_S) left = PIN_MAX_DELAY_S;
    char msg[320];
    if (left > 0) {
        snprintf(msg, sizeof msg, _("%s Wait %lld s before trying again."), s->msg, (long long)left);
    } else {
        snprintf(msg, sizeof msg, "%s", s->msg);
    }
    SDL_FRect mr = rect_take_top(&col, lh * 2.2f, 6 * sc);
    if (msg[0]) {
        GfxTextStyle ms = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY - 2, s->msg_bad ? theme.fail : theme.text);
        ms.wrap = true;
        ms.shrink = true;
        gfx_icon(g, s->msg_bad ? GFX_ICON_WARNING : GFX_ICON_INFO, (SDL_FRect){mr.x, mr.y, lh, lh},
                 s->msg_bad ? theme.fail : theme.primary);
        gfx_text(g, msg, (SDL_FRect){mr.x + lh + 8 * sc, mr.y, mr.w - lh - 8 * sc, mr.h}, &ms);
    }

    /* keypad: 1-9, erase, 0, OK */
    if (s->mode == MODE_DAMAGED) return;
    float kh = fminf(row, (col.h - 3 * 8 * sc) / 4.0f);
    float kw = fminf((col.w - 2 * 10 * sc) / 3.0f, 150 * sc);
    float kx = col.x + (col.w - 3 * kw - 20 * sc) * 0.5f;
    static const char *const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "<", "0", "OK"};
    bool locked = left > 0;
    for (int i = 0; i < 12; i++) {
        SDL_FRect kr = {kx + (float)(i % 3) * (kw + 10 * sc), col.y + (float)(i / 3) * (kh + 8 * sc), kw, kh};
        char id[16];
        snprintf(id, sizeof id, "pin.key%d", i);
        if (i == 9) {
            if (ui_button(ui, id, kr, _("Erase"), GFX_ICON_ARROW_LEFT, UI_SECONDARY) && n) s->pin[n - 1] = '\0';
        } else if (i == 11) {
            if (ui_button_ex(ui, id, kr, _("OK"), GFX_ICON_CHECK, UI_PRIMARY, !locked)) submit(s, app);
        } else if (ui_button_ex(ui, id, kr, keys[i], GFX_ICON_NONE, UI_SECONDARY, !locked)) {
            add_digit(s, keys[i][0]);
        }
    }
}

const SceneDef scene_pin = {"pin", pin_create, pin_destroy, pin_event, NULL, pin_frame, NULL};
