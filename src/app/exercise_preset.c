/*
 * exercise_preset.c - reading an exercise preset (see exercise_preset.h).
 */
#include "exercise_preset.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/fileio.h"

static bool parse_seed(const cJSON *j, uint64_t *out)
{
    if (cJSON_IsString(j)) {
        const char *s = j->valuestring;
        char *end = NULL;
        if (!s[0] || s[0] == '-') return false;
        errno = 0;
        unsigned long long v = strtoull(s, &end, 10);
        if (errno != 0 || *end) return false;
        *out = (uint64_t)v;
        return true;
    }
    if (cJSON_IsNumber(j) && j->valuedouble >= 0 && j->valuedouble < 9007199254740992.0
        && j->valuedouble == (double)(uint64_t)j->valuedouble) {
        *out = (uint64_t)j->valuedouble;
        return true;
    }
    return false;
}

/* Reads the events array at ev into out->events (ticks in order). */
static bool read_events(const cJSON *ev, const char *path, const char *where, ExercisePreset *out, char *err,
                        size_t err_n)
{
    int i = 0;
    uint32_t last = 0;
    for (const cJSON *e = ev->child; e; e = e->next, i++) {
        InputEvent in;
        char why[160];
        if (!input_from_json(e, &in, why, sizeof why)) {
            snprintf(err, err_n, "%s: %s[%d]: %s", path, where, i, why);
            return false;
        }
        if (in.tick < last) {
            snprintf(err, err_n, "%s: %s[%d]: tick %u goes back (previous %u)", path, where, i, (unsigned)in.tick,
                     (unsigned)last);
            return false;
        }
        last = in.tick;
        if (!input_log_push(&out->events, &in)) {
            snprintf(err, err_n, "out of memory");
            return false;
        }
    }
    return true;
}

bool exercise_preset_load(const char *path, ExercisePreset *out, char *err, size_t err_n)
{
    memset(out, 0, sizeof *out);
    input_log_init(&out->events);
    size_t len = 0;
    int err_no = 0;
    char *text = fs_read_file(path, 64u * 1024u * 1024u, &len, &err_no);
    if (!text) {
        snprintf(err, err_n, "%s: %s", path, strerror(err_no));
        return false;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    bool ok = false;
    if (cJSON_IsArray(root)) {
        /* Short form: the events alone; the attempt runs to the tick after the
         * last event, with the default (or --seed) seed. */
        out->seed = EXERCISE_PRESET_DEFAULT_SEED;
        if (!read_events(root, path, "$", out, err, err_n)) goto out;
        out->end_tick = out->events.count ? out->events.items[out->events.count - 1].tick + 1 : 0;
        ok = true;
        goto out;
    }
    if (!root || !cJSON_IsObject(root)) {
        snprintf(err, err_n, "%s: expected a preset object or an array of events", path);
        goto out;
    }
    if (!parse_seed(cJSON_GetObjectItemCaseSensitive(root, "seed"), &out->seed)) {
        snprintf(err, err_n, "%s: $.seed: expected a decimal string (or a whole number)", path);
        goto out;
    }
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(root, "scenario");
    if (sc && !cJSON_IsString(sc)) {
        snprintf(err, err_n, "%s: $.scenario: expected a file name", path);
        goto out;
    }
    if (sc) {
        const char *slash = strrchr(path, '/');
        if (sc->valuestring[0] == '/' || !slash) {
            snprintf(out->scenario, sizeof out->scenario, "%s", sc->valuestring);
        } else {
            snprintf(out->scenario, sizeof out->scenario, "%.*s/%s", (int)(slash - path), path, sc->valuestring);
        }
    }
    const cJSON *et = cJSON_GetObjectItemCaseSensitive(root, "end_tick");
    if (!cJSON_IsNumber(et) || et->valuedouble < 0 || et->valuedouble > 4294967295.0
        || et->valuedouble != (double)(uint32_t)et->valuedouble) {
        snprintf(err, err_n, "%s: $.end_tick: expected a whole number of ticks", path);
        goto out;
    }
    out->end_tick = (uint32_t)et->valuedouble;
    const cJSON *ev = cJSON_GetObjectItemCaseSensitive(root, "events");
    if (!cJSON_IsArray(ev)) {
        snprintf(err, err_n, "%s: $.events: expected an array of events", path);
        goto out;
    }
    if (!read_events(ev, path, "$.events", out, err, err_n)) goto out;
    if (out->events.count && out->events.items[out->events.count - 1].tick >= out->end_tick) {
        snprintf(err, err_n, "%s: $.end_tick: %u is not after the last event's tick %u", path,
                 (unsigned)out->end_tick, (unsigned)out->events.items[out->events.count - 1].tick);
        goto out;
    }
    ok = true;
out:
    cJSON_Delete(root);
    if (!ok) exercise_preset_finish(out);
    return ok;
}

bool exercise_preset_set_seed(ExercisePreset *p, const char *text, char *err, size_t err_n)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = text ? strtoull(text, &end, 10) : 0;
    if (!text || !text[0] || text[0] == '-' || *end || errno) {
        snprintf(err, err_n, "--seed needs a whole number, got \"%s\"", text ? text : "");
        return false;
    }
    p->seed = (uint64_t)v;
    return true;
}

void exercise_preset_finish(ExercisePreset *p)
{
    input_log_finish(&p->events);
}
