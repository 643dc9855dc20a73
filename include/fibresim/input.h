/*
 * input.h - trainee input events, in scene units.
 *
 * The front end turns mouse, touch and keyboard into these events; the core
 * never sees a pixel. Coordinates are in the unit of the module's scene
 * (millimetres on a bench, metres along an OTDR trace, micrometres on an end
 * face), so a replay does not depend on the window size.
 *
 * Each event carries the fixed tick at which the core consumed it. An attempt
 * record stores the list of events; replaying them tick by tick gives the same
 * result bit for bit.
 *
 * JSON form (compact, one array per event). The cJSON tree holds the exact
 * doubles; print it with json_print_lossless() (jsonout.h), not cJSON_Print,
 * whose 15-digit output may change the last bit, and the text decodes to the
 * same doubles:
 *   [tick, "down", pointer, x, y]     pointer pressed
 *   [tick, "move", pointer, x, y]     pointer moved (pressed or hovering)
 *   [tick, "up",   pointer, x, y]     pointer released
 *   [tick, "key",  "action"]           key action (see InputAction names)
 *   [tick, "wheel", x, y, steps]       wheel or pinch steps at scene point x,y
 *   [tick, "choice", "id"]             a UI choice (button, answer, decision)
 */
#ifndef FIBRESIM_INPUT_H
#define FIBRESIM_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cJSON cJSON;

typedef enum InputKind {
    INPUT_POINTER_DOWN,
    INPUT_POINTER_MOVE,
    INPUT_POINTER_UP,
    INPUT_KEY,
    INPUT_WHEEL,
    INPUT_CHOICE,
    INPUT_KIND_COUNT
} InputKind;

/* Abstract key actions: the front end maps physical keys onto them. */
typedef enum InputAction {
    ACTION_NONE,
    ACTION_LEFT,
    ACTION_RIGHT,
    ACTION_UP,
    ACTION_DOWN,
    ACTION_FINE_PLUS,   /* fine adjustment + (e.g. Page Up, '+') */
    ACTION_FINE_MINUS,  /* fine adjustment - */
    ACTION_CONFIRM,     /* Enter / Space */
    ACTION_CANCEL,      /* Escape */
    ACTION_NEXT,        /* Tab */
    ACTION_PREV,        /* Shift+Tab */
    ACTION_ZOOM_IN,
    ACTION_ZOOM_OUT,
    ACTION_HINT,        /* ask for a hint */
    ACTION_COUNT
} InputAction;

#define INPUT_CHOICE_MAX 32

typedef struct InputEvent {
    uint32_t tick;       /* fixed tick at which the core consumed the event */
    InputKind kind;
    int32_t pointer;     /* 0 = mouse, 1.. = touch fingers (pointer events) */
    double x, y;         /* scene units (pointer and wheel events) */
    double steps;        /* wheel: + away from the user / pinch out */
    InputAction action;  /* key events */
    char choice[INPUT_CHOICE_MAX]; /* choice events: NUL-terminated id */
} InputEvent;

const char *input_kind_name(InputKind k);
const char *input_action_name(InputAction a);
/* Returns ACTION_NONE if the name is unknown. */
InputAction input_action_from_name(const char *name);

InputEvent input_pointer(uint32_t tick, InputKind kind, int32_t pointer, double x, double y);
InputEvent input_key(uint32_t tick, InputAction action);
InputEvent input_wheel(uint32_t tick, double x, double y, double steps);
InputEvent input_choice(uint32_t tick, const char *id);

/* Encodes one event as a JSON array (owned by the caller, NULL on OOM). */
cJSON *input_to_json(const InputEvent *e);
/* Decodes one event; on failure returns false and writes a reason into why. */
bool input_from_json(const cJSON *j, InputEvent *out /* OUT */, char *why, size_t why_n);
bool input_equal(const InputEvent *a, const InputEvent *b);

/* A growable list of events (the attempt's log). */
typedef struct InputLog {
    InputEvent *items; /* owned */
    size_t count, cap;
} InputLog;

void input_log_init(InputLog *log);
void input_log_finish(InputLog *log); /* fine on a zeroed log */
bool input_log_push(InputLog *log, const InputEvent *e);

#endif
