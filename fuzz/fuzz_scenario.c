/*
 * fuzz_scenario.c - scenario_load_text() on arbitrary bytes.
 *
 * Besides "no crash, no leak, no undefined behaviour" it checks the loader's
 * promises: a scenario comes back exactly when no problem was reported, every
 * problem found after reading is located (line:col) and printable as valid
 * UTF-8, whatever the strict syntax check accepts is UTF-8 and cJSON
 * parses it, and jsontext_tree() accepts exactly the same texts and builds
 * cJSON's tree field for field.
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/diag.h"
#include "fibresim/jsontext.h"
#include "fibresim/scenario.h"
#include "tests/json_same.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s, size_t cap)
{
    size_t len = strnlen(s, cap);
    JsonTextError e;
    if (len == cap || !jsontext_utf8_check(s, len, &e)) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_text(text, size, "fuzz.json", &d);
    if ((s != NULL) != (d.count == 0 && d.dropped == 0)) {
        abort();
    }
    for (size_t i = 0; i < d.count; i++) {
        const Diag *g = &d.items[i];
        if (g->code != DIAG_TOO_LARGE && (g->line < 1 || g->col < 1)) {
            abort();
        }
        check_text(g->path, sizeof g->path);
        check_text(g->expected, sizeof g->expected);
        check_text(g->found, sizeof g->found);
        char buf[768];
        diag_format(g, "fuzz.json", buf, sizeof buf);
    }
    if (s && (strlen(s->hash_hex) != 64 || !s->module || !s->setup || s->rubric.n_criteria == 0)) {
        abort();
    }
    scenario_destroy(s);
    diag_list_finish(&d);

    /* Differential check of the two JSON readers. The syntax check alone
     * also guarantees UTF-8 (jsontext_parse skips the UTF-8 pass when it
     * passes). */
    size_t bom = jsontext_bom_len(text, size);
    JsonTextError e;
    memset(&e, 0, sizeof e); /* the checker adds its arguments to e's */
    bool valid = jsontext_syntax_check(text + bom, size - bom, &e);
    /* The one-pass reader: the checker's verdict, cJSON's tree. */
    cJSON *fast = jsontext_tree(text + bom, size - bom);
    if (valid != (fast != NULL)) {
        abort();
    }
    if (fast) {
        cJSON *ref = cJSON_ParseWithLength(text + bom, size - bom);
        if (!json_same(fast, ref)) {
            abort();
        }
        cJSON_Delete(ref);
        cJSON_Delete(fast);
    }
    if (valid) {
        if (!jsontext_utf8_check(text + bom, size - bom, &e)) {
            abort();
        }
        cJSON *j = cJSON_ParseWithLength(text + bom, size - bom);
        if (!j) {
            abort();
        }
        cJSON_Delete(j);
    }
    return 0;
}
