/*
 * test_ui.c - the widgets driven by SDL events: a finger tap and a mouse
 * click activate a button, SDL's mouse events made from touches do not, a
 * finger that slides off cancels, Tab + Enter activate from the keyboard,
 * the text field takes accented input and Backspace removes a whole
 * character, toggles and segmented choices change, a modal area blocks the
 * rest, lists select by tap and by arrows.
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "gfx.h"
#include "ui.h"

#define W 800
#define H 600

static Ui *ui;
static const SDL_FRect BTN = {300, 250, 200, 60}; /* centre 400, 280 */

static void send(Uint32 type, float x, float y, SDL_TouchID touch)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_FINGERDOWN || type == SDL_FINGERUP || type == SDL_FINGERMOTION) {
        e.tfinger.x = x / W;
        e.tfinger.y = y / H;
        e.tfinger.fingerId = 7;
    } else if (type == SDL_MOUSEMOTION) {
        e.motion.x = (int)x;
        e.motion.y = (int)y;
        e.motion.which = touch ? SDL_TOUCH_MOUSEID : 0;
    } else {
        e.button.x = (int)x;
        e.button.y = (int)y;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.which = touch ? SDL_TOUCH_MOUSEID : 0;
    }
    ui_handle_event(ui, &e);
}

static void key(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    ui_handle_event(ui, &e);
}

/* One frame with the button; returns whether it was activated. */
static bool frame_button(void)
{
    ui_begin(ui);
    bool hit = ui_button(ui, "b", BTN, "OK", GFX_ICON_CHECK, UI_PRIMARY);
    ui_end(ui);
    return hit;
}

int main(void)
{
    TTF_Init();
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char fonts[4096], err[256] = "";
    snprintf(fonts, sizeof fonts, "%s/assets/fonts", root ? root : ".");
    Gfx *g = r ? gfx_create(r, fonts, err, sizeof err) : NULL;
    CHECK_MSG(g != NULL, "%s", err);
    if (!g) return test_done("ui");
    ui = ui_create(g);
    ui_set_size(ui, W, H);
    CHECK(ui_row_h(ui) >= 44.0f);
    CHECK(!frame_button());

    /* finger tap inside */
    send(SDL_FINGERDOWN, 400, 280, 1);
    send(SDL_FINGERUP, 402, 281, 1);
    CHECK(frame_button());
    /* the mouse events SDL makes from that touch are not a second click */
    send(SDL_MOUSEBUTTONDOWN, 400, 280, 1);
    send(SDL_MOUSEBUTTONUP, 400, 280, 1);
    CHECK(!frame_button());
    /* mouse click over two frames */
    send(SDL_MOUSEMOTION, 400, 280, 0);
    send(SDL_MOUSEBUTTONDOWN, 400, 280, 0);
    CHECK(!frame_button());
    send(SDL_MOUSEBUTTONUP, 400, 280, 0);
    CHECK(frame_button());
    /* a finger that slides off before lifting cancels */
    send(SDL_FINGERDOWN, 400, 280, 1);
    CHECK(!frame_button());
    send(SDL_FINGERMOTION, 700, 500, 1);
    send(SDL_FINGERUP, 700, 500, 1);
    CHECK(!frame_button());
    /* press outside, release inside: no click */
    send(SDL_MOUSEBUTTONDOWN, 50, 50, 0);
    send(SDL_MOUSEBUTTONUP, 400, 280, 0);
    CHECK(!frame_button());
    /* keyboard: Tab gives the focus, Enter activates */
    key(SDLK_TAB);
    CHECK(!frame_button());
    key(SDLK_RETURN);
    CHECK(frame_button());

    /* text field: accents, Backspace removes one character (2 bytes for é) */
    char name[32] = "";
    SDL_FRect field = {100, 100, 300, 50};
    send(SDL_MOUSEBUTTONDOWN, 150, 120, 0);
    send(SDL_MOUSEBUTTONUP, 150, 120, 0);
    ui_begin(ui);
    ui_text_field(ui, "f", field, name, sizeof name, "");
    ui_end(ui);
    SDL_Event t;
    memset(&t, 0, sizeof t);
    t.type = SDL_TEXTINPUT;
    snprintf(t.text.text, sizeof t.text.text, "%s", "Ren\xc3\xa9");
    ui_handle_event(ui, &t);
    ui_begin(ui);
    ui_text_field(ui, "f", field, name, sizeof name, "");
    ui_end(ui);
    CHECK_STR(name, "Ren\xc3\xa9");
    key(SDLK_BACKSPACE);
    ui_begin(ui);
    ui_text_field(ui, "f", field, name, sizeof name, "");
    ui_end(ui);
    CHECK_STR(name, "Ren");
    /* a full field takes no half character */
    char small[5] = "abc";
    t.text.text[0] = '\0';
    snprintf(t.text.text, sizeof t.text.text, "%s", "\xc3\xa9");
    ui_focus(ui, "small");
    ui_begin(ui);
    ui_text_field(ui, "small", field, small, sizeof small, "");
    ui_end(ui);
    ui_handle_event(ui, &t);
    ui_begin(ui);
    ui_text_field(ui, "small", field, small, sizeof small, "");
    ui_end(ui);
    CHECK_STR(small, "abc");

    /* toggle and segmented choice by tap */
    bool on = false;
    SDL_FRect tog = {100, 400, 400, 50};
    send(SDL_FINGERDOWN, 450, 425, 1);
    send(SDL_FINGERUP, 450, 425, 1);
    ui_begin(ui);
    CHECK(ui_toggle(ui, "t", tog, "Plein \xc3\xa9""cran", &on));
    ui_end(ui);
    CHECK(on);
    const char *labels[3] = {"A", "B", "C"};
    int sel = 0;
    SDL_FRect seg = {100, 480, 300, 50}; /* thirds: 100-200, 200-300, 300-400 */
    send(SDL_MOUSEBUTTONDOWN, 350, 500, 0);
    send(SDL_MOUSEBUTTONUP, 350, 500, 0);
    ui_begin(ui);
    CHECK(ui_segmented(ui, "s", seg, labels, 3, &sel));
    ui_end(ui);
    CHECK(sel == 2);

    /* a modal area: the button outside it is inert */
    send(SDL_MOUSEBUTTONDOWN, 400, 280, 0);
    send(SDL_MOUSEBUTTONUP, 400, 280, 0);
    ui_begin(ui);
    ui_modal(ui, true, (SDL_FRect){0, 0, 200, 200});
    CHECK(!ui_button(ui, "b", BTN, "OK", GFX_ICON_NONE, UI_PRIMARY));
    ui_end(ui);

    /* list: tap on the second row, then Down selects the third */
    const char *items[4] = {"\xc3\x89lodie", "Marc", "Sa\xc3\xaf" "d", "Zo\xc3\xa9"};
    int chosen = -1;
    float scroll = 0;
    SDL_FRect list = {500, 50, 250, 500};
    ui_begin(ui);
    ui_list(ui, "l", list, items, NULL, 4, &chosen, &scroll);
    ui_end(ui);
    float row = ui_row_h(ui); /* one line per item: rows are the widget row height */
    send(SDL_FINGERDOWN, 600, 50 + row * 1.5f, 1);
    send(SDL_FINGERUP, 600, 50 + row * 1.5f, 1);
    ui_begin(ui);
    CHECK(ui_list(ui, "l", list, items, NULL, 4, &chosen, &scroll));
    ui_end(ui);
    CHECK(chosen == 1);
    key(SDLK_DOWN);
    ui_begin(ui);
    CHECK(ui_list(ui, "l", list, items, NULL, 4, &chosen, &scroll));
    ui_end(ui);
    CHECK(chosen == 2);
    CHECK(!ui_list_confirmed(ui, "l"));
    key(SDLK_RETURN);
    ui_begin(ui);
    CHECK(!ui_list(ui, "l", list, items, NULL, 4, &chosen, &scroll));
    CHECK(ui_list_confirmed(ui, "l"));
    ui_end(ui);
    CHECK(gfx_text_overflows(g) == 0);

    ui_destroy(ui);
    gfx_destroy(g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    TTF_Quit();
    SDL_Quit();
    return test_done("ui");
}
