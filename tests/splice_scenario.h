/*
 * splice_scenario.h - builds a Scenario for the splice tests from a file of
 * scenarios/splice/, optionally with some "setup" keys replaced, using only
 * the module's own setup loader and rubric_load (the generic scenario loader
 * validates the rest of the file elsewhere).
 */
#ifndef FIBRESIM_TEST_SPLICE_SCENARIO_H
#define FIBRESIM_TEST_SPLICE_SCENARIO_H

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/module.h"
#include "fibresim/scenario.h"

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf) {
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

static bool in_names(const void *ctx, const char *name)
{
    const char *const *list = ctx;
    for (size_t i = 0; list[i]; i++) {
        if (strcmp(list[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static bool measure_known(const void *ctx, const char *name)
{
    return in_names(((const ModuleDef *)ctx)->measures, name);
}

static bool event_known(const void *ctx, const char *name)
{
    return in_names(((const ModuleDef *)ctx)->events, name);
}

/* Loads scenarios/splice/<name>; setup_patch (JSON object text or NULL)
 * replaces keys of "setup". Prints every problem and returns NULL on error. */
static Scenario *splice_test_scenario(const char *name, const char *setup_patch)
{
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/splice/%s", root ? root : ".", name);
    char *text = read_text(path);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", path);
        return NULL;
    }
    cJSON *j = cJSON_Parse(text);
    Scenario *s = calloc(1, sizeof *s);
    DiagList d;
    diag_list_init(&d);
    JsonV v = {&d, text, strlen(text)};
    const ModuleDef *mod = module_find("splice");
    bool ok = j && s && mod;
    if (ok && setup_patch) {
        cJSON *patch = cJSON_Parse(setup_patch);
        cJSON *setup = cJSON_GetObjectItemCaseSensitive(j, "setup");
        for (cJSON *p = patch ? patch->child : NULL; p; p = p->next) {
            cJSON_DeleteItemFromObjectCaseSensitive(setup, p->string);
            cJSON_AddItemToObject(setup, p->string, cJSON_Duplicate(p, true));
        }
        cJSON_Delete(patch);
        v.text = NULL; /* positions no longer match the file */
        v.text_len = 0;
    }
    if (ok) {
        s->schema = 1;
        snprintf(s->id, sizeof s->id, "%s", cJSON_GetObjectItemCaseSensitive(j, "id")->valuestring);
        s->version = 1;
        s->module = mod;
        s->time_limit_s = cJSON_GetObjectItemCaseSensitive(j, "time_limit_s")->valuedouble;
        s->hints = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "hints"));
        s->setup = mod->load_setup(&v, cJSON_GetObjectItemCaseSensitive(j, "setup"), "setup");
        RubricNames names = {measure_known, event_known, mod, NULL, NULL};
        ok = s->setup && rubric_load(&v, cJSON_GetObjectItemCaseSensitive(j, "rubric"), "rubric", &names, &s->rubric);
    }
    if (!ok || d.count) {
        diag_print(&d, path, stderr);
        if (s && s->setup) {
            mod->free_setup(s->setup);
        }
        free(s);
        s = NULL;
    }
    diag_list_finish(&d);
    cJSON_Delete(j);
    free(text);
    return s;
}

static void splice_test_scenario_free(Scenario *s)
{
    if (s) {
        s->module->free_setup(s->setup);
        free(s);
    }
}

#endif
