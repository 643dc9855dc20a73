/*
 * ui.h - immediate-mode widgets: buttons, lists, labels, a text field,
 * toggles and segmented choices.
 *
 * Each frame a scene lays out rectangles from the window size and calls the
 * widget functions between ui_begin() and ui_end(); a widget draws itself and
 * returns whether the trainee acted on it (clicked, typed, chose). The widget
 * is identified by its id string (unique within the frame).
 *
 * Input: mouse, touch (a finger acts as the pointer; SDL's synthetic mouse
 * events for touches are ignored) and keyboard (Tab / Shift+Tab move the
 * focus, Enter or Space activates, arrows move inside lists and choices).
 * Every widget is at least THEME_TOUCH_MIN_PX tall. The focus ring shows only
 * after the keyboard was used.
 *
 * Widgets never touch simulation state: a scene turns their results into
 * core input events or scene changes.
 */
#ifndef FIBRESIM_UI_H
#define FIBRESIM_UI_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "gfx.h"

typedef struct Ui Ui;

typedef enum UiKind {
    UI_PRIMARY,    /* filled: the main action of a screen */
    UI_SECONDARY,  /* outlined */
    UI_QUIET,      /* text only, e.g. on the top bar */
    UI_DANGER      /* stop, delete */
} UiKind;

Ui *ui_create(Gfx *g);     /* g borrowed, must outlive the Ui; NULL on OOM */
void ui_destroy(Ui *ui);   /* accepts NULL */

/* Feeds one SDL event. Returns true if a widget used it (a scene may then
 * ignore it). Call for every event before the frame. */
bool ui_handle_event(Ui *ui, const SDL_Event *e);
/* Starts a frame of widgets (after the events of this frame). */
void ui_begin(Ui *ui);
/* Ends it: applies Tab navigation, forgets the frame's clicks. */
void ui_end(Ui *ui);

Gfx *ui_gfx(const Ui *ui);
/* Size of the drawing area in pixels (touch positions come normalised 0..1
 * and are scaled by it). The app sets it every frame. */
void ui_set_size(Ui *ui, int w, int h);
/* Pixel height of a widget row: THEME_BUTTON_H scaled, never below the touch minimum. */
float ui_row_h(const Ui *ui);

/* Button with an optional icon left of the label. True when activated
 * (click/tap released inside, or Enter/Space while focused). */
bool ui_button(Ui *ui, const char *id, SDL_FRect r, const char *label, GfxIcon icon, UiKind kind);
/* Same, greyed out and inert when enabled is false. */
bool ui_button_ex(Ui *ui, const char *id, SDL_FRect r, const char *label, GfxIcon icon, UiKind kind,
                  bool enabled);
/* Square icon-only button with a text label under or beside it for screen
 * readers of the picture: label is drawn small under the icon. */
bool ui_icon_button(Ui *ui, const char *id, SDL_FRect r, GfxIcon icon, const char *label, UiKind kind);

/* Wrapped text in a box (overflow counted by Gfx). */
void ui_label(Ui *ui, SDL_FRect r, const char *text, float size_pt, GfxFont font, SDL_Color c);

/* A vertical list of rows. items[i] is the main text, details[i] (may be NULL
 * or have NULL entries) a second, smaller line. *selected is the chosen row
 * (-1 = none); *scroll_px the scroll offset, kept by the caller (set it
 * negative to bring the selected row into view). Returns true
 * when the selection changed (tap or arrows while focused). Rows taller than
 * the touch minimum; a wheel or drag scrolls. */
bool ui_list(Ui *ui, const char *id, SDL_FRect r, const char *const *items, const char *const *details,
             int count, int *selected, float *scroll_px);

/* Makes r a scrolling view of content_h pixels of content drawn by the
 * caller (offset by *scroll_px, clipped to r): the wheel or a drag (finger
 * or mouse) scrolls, *scroll_px is clamped, and a scroll bar shows when the
 * content does not fit. Call after drawing the content (content_h may be
 * the height measured then, or last frame's). */
void ui_scroll_area(Ui *ui, const char *id, SDL_FRect r, float content_h, float *scroll_px);

/* True if Enter or Space was pressed on the list id this frame (call after
 * ui_list): the keyboard's way to say "this one" (e.g. then Continue). */
bool ui_list_confirmed(const Ui *ui, const char *id);

/* One-line text field editing buf (UTF-8, cap bytes with the NUL). Accepts
 * any character the keyboard or input method gives (accents). Returns true when
 * Enter is pressed in it. placeholder shows when empty. */
bool ui_text_field(Ui *ui, const char *id, SDL_FRect r, char *buf, size_t cap, const char *placeholder);
/* Gives the keyboard focus to a widget (e.g. the name field on a screen that
 * opens empty). */
void ui_focus(Ui *ui, const char *id);

/* On/off switch with its label. Returns true when toggled. */
bool ui_toggle(Ui *ui, const char *id, SDL_FRect r, const char *label, bool *value);
/* Segmented choice among n labels; *selected is the index. Returns true on change. */
bool ui_segmented(Ui *ui, const char *id, SDL_FRect r, const char *const *labels, int n, int *selected);

/* While on, only widgets inside area react (a dialog over the screen);
 * call before the widgets of the frame. */
void ui_modal(Ui *ui, bool on, SDL_FRect area);

/* Tests and touch audits, about the last finished frame: the rectangle a
 * finger must hit for widget id (false if it was not drawn or was inert),
 * and all of them (a segmented choice counts one segment). */
bool ui_widget_rect(const Ui *ui, const char *id, SDL_FRect *out /* OUT */);
int ui_widget_count(const Ui *ui);
SDL_FRect ui_widget_target(const Ui *ui, int i);

/* True while the pointer is pressed (mouse or first finger) and the position. */
bool ui_pointer(const Ui *ui, float *x, float *y);

#endif
