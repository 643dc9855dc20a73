/*
 * iec_case.c - reading a "calc iec" file: end face + optional expectation.
 */
#include "fibresim/iec_case.h"

#include "fibresim/jsontext.h"
#include "fibresim/messages.h" /* N_() */

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const verdict_names[] = {"pass", "fail", NULL};
static const char *const expect_keys[] = {"verdict", "failing_zones", NULL};
static const char *const case_keys[] = {"note", "expect", NULL};

static void read_expect(JsonV *v, const cJSON *root, IecCase *out)
{
    const cJSON *e = jv_child_object(v, root, "", "expect", false);
    if (!e) {
        return;
    }
    jv_object(v, e, "expect", expect_keys);
    int verdict = 0;
    if (jv_enum(v, e, "expect", "verdict", true, verdict_names, &verdict)) {
        out->has_expect = true;
        out->expect_pass = verdict == 0;
    }
    const cJSON *zones = jv_child_array(v, e, "expect", "failing_zones", false, 0, ZONE_COUNT);
    if (!zones) {
        return;
    }
    out->has_expect_zones = true;
    size_t i = 0;
    for (const cJSON *z = zones->child; z; z = z->next, i++) {
        char p[JV_PATH_MAX];
        jv_path_index(p, sizeof p, "expect.failing_zones", i);
        int found = -1;
        for (int k = 0; cJSON_IsString(z) && k < ZONE_COUNT; k++) {
            if (strcmp(z->valuestring, endface_zone_names[k]) == 0) {
                found = k;
            }
        }
        if (found < 0) {
            DiagArgs args = {0};
            const char *desc = jv_describe_t(z, &args);
            jv_report_t(v, cJSON_IsString(z) ? DIAG_BAD_VALUE : DIAG_WRONG_TYPE, p,
                      N_("one of: \"A\" \"B\" \"C\" \"D\""), desc, &args);
        } else if (out->expect_failing_zones & (1u << found)) {
            DiagArgs args = {0};
            diag_arg_str(&args, "text", z->valuestring);
            jv_report_t(v, DIAG_DUPLICATE_ID, p, N_("each zone once"), N_("\"{text}\" again"), &args);
        } else {
            out->expect_failing_zones |= 1u << found;
        }
    }
    if (out->has_expect && out->expect_pass && out->expect_failing_zones) {
        jv_report(v, DIAG_INCONSISTENT, "expect.failing_zones", N_("no failing zone when the verdict is \"pass\""),
                  N_("a failing zone"));
    } else if (out->has_expect && !out->expect_pass && i == 0) {
        jv_report(v, DIAG_INCONSISTENT, "expect.failing_zones", N_("at least one zone when the verdict is \"fail\""),
                  N_("an empty list"));
    }
}

bool iec_case_parse(const char *text, size_t len, IecCase *out, DiagList *d)
{
    memset(out, 0, sizeof *out);
    endface_init(&out->face, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
    size_t before = d->count + d->dropped;
    if (len > IEC_CASE_MAX_BYTES) {
        DiagArgs args = {0};
        diag_arg_int(&args, "max", IEC_CASE_MAX_BYTES);
        diag_arg_int(&args, "count", (long long)len);
        diag_add_t(d, DIAG_TOO_LARGE, 0, 0, "", N_("at most {max} bytes"), N_("{count} bytes"), &args);
        return false;
    }
    /* Strict RFC 8259 check first: a missing comma is reported with what was
     * expected and found, at its line and column (jsontext.h). */
    size_t bom = 0;
    cJSON *root = jsontext_parse(text, len, d, &bom);
    if (!root) {
        return false;
    }
    JsonV v = {d, text + bom, len - bom};
    endface_from_json(&v, root, "", case_keys, &out->face);
    if (cJSON_IsObject(root)) {
        jv_string_dup(&v, root, "", "note", false, IEC_CASE_NOTE_MAX, &out->note);
        read_expect(&v, root, out);
    }
    cJSON_Delete(root);
    return d->count + d->dropped == before;
}

void iec_case_finish(IecCase *c)
{
    if (!c) {
        return;
    }
    endface_finish(&c->face);
    free(c->note);
    c->note = NULL;
}

bool iec_case_matches(const IecCase *c, const IecGrade *g)
{
    if (!c->has_expect) {
        return true;
    }
    if (c->expect_pass != g->passed) {
        return false;
    }
    return !c->has_expect_zones || c->expect_failing_zones == iec_failing_zones(g);
}
