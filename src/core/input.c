/*
 * input.c - input events: constructors, names, JSON encoding, the event log.
 */
#include "fibresim/input.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/messages.h" /* N_() */

static const char *const kind_names[INPUT_KIND_COUNT] = {
    [INPUT_POINTER_DOWN] = "down", [INPUT_POINTER_MOVE] = "move", [INPUT_POINTER_UP] = "up",
    [INPUT_KEY] = "key",           [INPUT_WHEEL] = "wheel",       [INPUT_CHOICE] = "choice",
};

static const char *const action_names[ACTION_COUNT] = {
    [ACTION_NONE] = "none",         [ACTION_LEFT] = "left",          [ACTION_RIGHT] = "right",
    [ACTION_UP] = "up",             [ACTION_DOWN] = "down",          [ACTION_FINE_PLUS] = "fine_plus",
    [ACTION_FINE_MINUS] = "fine_minus", [ACTION_CONFIRM] = "confirm", [ACTION_CANCEL] = "cancel",
    [ACTION_NEXT] = "next",         [ACTION_PREV] = "prev",          [ACTION_ZOOM_IN] = "zoom_in",
    [ACTION_ZOOM_OUT] = "zoom_out", [ACTION_HINT] = "hint",
};

const char *input_kind_name(InputKind k)
{
    return (k >= 0 && k < INPUT_KIND_COUNT) ? kind_names[k] : "?";
}

const char *input_action_name(InputAction a)
{
    return (a >= 0 && a < ACTION_COUNT) ? action_names[a] : "none";
}

InputAction input_action_from_name(const char *name)
{
    for (int i = 0; i < ACTION_COUNT; i++) {
        if (strcmp(action_names[i], name) == 0) {
            return (InputAction)i;
        }
    }
    return ACTION_NONE;
}

InputEvent input_pointer(uint32_t tick, InputKind kind, int32_t pointer, double x, double y)
{
    InputEvent e = {.tick = tick, .kind = kind, .pointer = pointer, .x = x, .y = y};
    return e;
}

InputEvent input_key(uint32_t tick, InputAction action)
{
    InputEvent e = {.tick = tick, .kind = INPUT_KEY, .action = action};
    return e;
}

InputEvent input_wheel(uint32_t tick, double x, double y, double steps)
{
    InputEvent e = {.tick = tick, .kind = INPUT_WHEEL, .x = x, .y = y, .steps = steps};
    return e;
}

InputEvent input_choice(uint32_t tick, const char *id)
{
    InputEvent e = {.tick = tick, .kind = INPUT_CHOICE};
    fs_strlcpy(e.choice, id, sizeof e.choice);
    return e;
}

/* The tree holds exact doubles; json_print_lossless() (jsonout.h) prints them
 * so that they read back bit for bit (cJSON_Print may not). Non-finite values
 * have no JSON form: the front end never produces them and the decoder rejects
 * them. */
cJSON *input_to_json(const InputEvent *e)
{
    cJSON *a = cJSON_CreateArray();
    if (!a) {
        return NULL;
    }
    cJSON_AddItemToArray(a, cJSON_CreateNumber((double)e->tick));
    cJSON_AddItemToArray(a, cJSON_CreateString(input_kind_name(e->kind)));
    switch (e->kind) {
    case INPUT_POINTER_DOWN:
    case INPUT_POINTER_MOVE:
    case INPUT_POINTER_UP:
        cJSON_AddItemToArray(a, cJSON_CreateNumber((double)e->pointer));
        cJSON_AddItemToArray(a, cJSON_CreateNumber(e->x));
        cJSON_AddItemToArray(a, cJSON_CreateNumber(e->y));
        break;
    case INPUT_KEY:
        cJSON_AddItemToArray(a, cJSON_CreateString(input_action_name(e->action)));
        break;
    case INPUT_WHEEL:
        cJSON_AddItemToArray(a, cJSON_CreateNumber(e->x));
        cJSON_AddItemToArray(a, cJSON_CreateNumber(e->y));
        cJSON_AddItemToArray(a, cJSON_CreateNumber(e->steps));
        break;
    case INPUT_CHOICE:
        cJSON_AddItemToArray(a, cJSON_CreateString(e->choice));
        break;
    default:
        break;
    }
    /* cJSON_AddItemToArray ignores NULL items; count them to detect OOM. */
    int want = 2;
    switch (e->kind) {
    case INPUT_POINTER_DOWN: case INPUT_POINTER_MOVE: case INPUT_POINTER_UP: case INPUT_WHEEL:
        want = 5;
        break;
    case INPUT_KEY: case INPUT_CHOICE:
        want = 3;
        break;
    default:
        break;
    }
    if (cJSON_GetArraySize(a) != want) {
        cJSON_Delete(a);
        return NULL;
    }
    return a;
}

static bool get_num(const cJSON *a, int i, double *out)
{
    const cJSON *n = cJSON_GetArrayItem(a, i);
    if (!cJSON_IsNumber(n) || !isfinite(n->valuedouble)) {
        return false;
    }
    *out = n->valuedouble;
    return true;
}

static bool fail(char *why, size_t n, const char *msg)
{
    if (why && n) {
        fs_strlcpy(why, msg, n);
    }
    return false;
}

bool input_from_json(const cJSON *j, InputEvent *out, char *why, size_t why_n)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsArray(j)) {
        return fail(why, why_n, N_("expected an array [tick, kind, ...]"));
    }
    int size = cJSON_GetArraySize(j);
    double tick;
    if (size < 3 || !get_num(j, 0, &tick)) {
        return fail(why, why_n, N_("expected [tick, kind, ...] with a numeric tick"));
    }
    if (tick < 0 || tick > 4294967295.0 || tick != floor(tick)) {
        return fail(why, why_n, N_("tick must be an integer in 0..4294967295"));
    }
    out->tick = (uint32_t)tick;
    const cJSON *k = cJSON_GetArrayItem(j, 1);
    if (!cJSON_IsString(k)) {
        return fail(why, why_n, N_("event kind must be a string"));
    }
    int kind = -1;
    for (int i = 0; i < INPUT_KIND_COUNT; i++) {
        if (strcmp(kind_names[i], k->valuestring) == 0) {
            kind = i;
        }
    }
    if (kind < 0) {
        return fail(why, why_n, N_("unknown event kind (expected down, move, up, key, wheel or choice)"));
    }
    out->kind = (InputKind)kind;
    switch (out->kind) {
    case INPUT_POINTER_DOWN:
    case INPUT_POINTER_MOVE:
    case INPUT_POINTER_UP: {
        double p;
        if (size != 5 || !get_num(j, 2, &p) || !get_num(j, 3, &out->x) || !get_num(j, 4, &out->y)) {
            return fail(why, why_n, N_("pointer event must be [tick, kind, pointer, x, y] with finite numbers"));
        }
        if (p < 0 || p > 255 || p != floor(p)) {
            return fail(why, why_n, N_("pointer id must be an integer in 0..255"));
        }
        out->pointer = (int32_t)p;
        return true;
    }
    case INPUT_KEY: {
        const cJSON *a = cJSON_GetArrayItem(j, 2);
        if (size != 3 || !cJSON_IsString(a)) {
            return fail(why, why_n, N_("key event must be [tick, \"key\", action]"));
        }
        out->action = input_action_from_name(a->valuestring);
        if (out->action == ACTION_NONE) {
            return fail(why, why_n, N_("unknown key action"));
        }
        return true;
    }
    case INPUT_WHEEL:
        if (size != 5 || !get_num(j, 2, &out->x) || !get_num(j, 3, &out->y) || !get_num(j, 4, &out->steps)) {
            return fail(why, why_n, N_("wheel event must be [tick, \"wheel\", x, y, steps]"));
        }
        return true;
    case INPUT_CHOICE: {
        const cJSON *c = cJSON_GetArrayItem(j, 2);
        if (size != 3 || !cJSON_IsString(c) || c->valuestring[0] == '\0'
            || strlen(c->valuestring) >= INPUT_CHOICE_MAX) {
            return fail(why, why_n, N_("choice event must be [tick, \"choice\", id] with a 1-31 byte id"));
        }
        memcpy(out->choice, c->valuestring, strlen(c->valuestring) + 1);
        return true;
    }
    default:
        return fail(why, why_n, N_("unknown event kind"));
    }
}

bool input_equal(const InputEvent *a, const InputEvent *b)
{
    if (a->tick != b->tick || a->kind != b->kind) {
        return false;
    }
    switch (a->kind) {
    case INPUT_POINTER_DOWN:
    case INPUT_POINTER_MOVE:
    case INPUT_POINTER_UP:
        return a->pointer == b->pointer && memcmp(&a->x, &b->x, sizeof a->x) == 0
            && memcmp(&a->y, &b->y, sizeof a->y) == 0;
    case INPUT_KEY:
        return a->action == b->action;
    case INPUT_WHEEL:
        return memcmp(&a->x, &b->x, sizeof a->x) == 0 && memcmp(&a->y, &b->y, sizeof a->y) == 0
            && memcmp(&a->steps, &b->steps, sizeof a->steps) == 0;
    case INPUT_CHOICE:
        return strcmp(a->choice, b->choice) == 0;
    default:
        return false;
    }
}

void input_log_init(InputLog *log)
{
    memset(log, 0, sizeof *log);
}

void input_log_finish(InputLog *log)
{
    if (!log) {
        return;
    }
    free(log->items);
    memset(log, 0, sizeof *log);
}

bool input_log_push(InputLog *log, const InputEvent *e)
{
    if (log->count == log->cap) {
        size_t cap = log->cap ? log->cap * 2 : 256;
        InputEvent *n = realloc(log->items, cap * sizeof *n);
        if (!n) {
            return false;
        }
        log->items = n;
        log->cap = cap;
    }
    log->items[log->count++] = *e;
    return true;
}
