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
    if (!root || !cJSON_IsObject(root)) {
        snprintf(err, err_n, "%s: not a JSON object", path);
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
    int i = 0;
    uint32_t last = 0;
    for (const cJSON *e = ev->child; e; e = e->next, i++) {
        InputEvent in;
        char why[160];
        if (!input_from_json(e, &in, why, sizeof why)) {
            snprintf(err, err_n, "%s: $.events[%d]: %s", path, i, why);
            goto out;
        }
        if (in.tick < last || in.tick >= out->end_tick) {
            snprintf(err, err_n, "%s: $.events[%d]: tick %u out of order or not before end_tick %u", path, i,
                     (unsigned)in.tick, (unsigned)out->end_tick);
            goto out;
        }
        last = in.tick;
        if (!input_log_push(&out->events, &in)) {
            snprintf(err, err_n, "out of memory");
            goto out;
        }
    }
    ok = true;
out:
    cJSON_Delete(root);
    if (!ok) exercise_preset_finish(out);
    return ok;
}

void exercise_preset_finish(ExercisePreset *p)
{
    input_log_finish(&p->events);
}
