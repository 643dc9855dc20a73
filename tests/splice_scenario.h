/*
 * splice_scenario.h - loads a scenario of scenarios/splice/ for the splice
 * tests, optionally with some "setup" keys replaced.
 */
#ifndef FIBRESIM_TEST_SPLICE_SCENARIO_H
#define FIBRESIM_TEST_SPLICE_SCENARIO_H

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/scenario.h"
#include "journal_util.h"

/* Loads scenarios/splice/<name> through the scenario loader; setup_patch
 * (JSON object text or NULL) first replaces keys of "setup". Prints every
 * problem and returns NULL on error. */
static Scenario *splice_test_scenario(const char *name, const char *setup_patch)
{
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/splice/%s", root ? root : ".", name);
    char *text = tu_read(path, NULL);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", path);
        return NULL;
    }
    if (setup_patch) {
        cJSON *j = cJSON_Parse(text);
        cJSON *patch = cJSON_Parse(setup_patch);
        cJSON *setup = j ? cJSON_GetObjectItemCaseSensitive(j, "setup") : NULL;
        for (cJSON *p = patch && setup ? patch->child : NULL; p; p = p->next) {
            cJSON_DeleteItemFromObjectCaseSensitive(setup, p->string);
            cJSON_AddItemToObject(setup, p->string, cJSON_Duplicate(p, true));
        }
        free(text);
        text = j ? cJSON_PrintUnformatted(j) : NULL;
        cJSON_Delete(patch);
        cJSON_Delete(j);
        if (!text) {
            return NULL;
        }
    }
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_text(text, strlen(text), path, &d);
    if (!s) {
        diag_print(&d, path, stderr);
    }
    diag_list_finish(&d);
    free(text);
    return s;
}

static void splice_test_scenario_free(Scenario *s)
{
    scenario_destroy(s);
}

#endif
