/*
 * rubric.c - rubric loading, credit bands, scoring and the result's JSON form.
 */
#include "fibresim/rubric.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/messages.h" /* N_() */

/* Measures every attempt reports whatever its module (see attempt.h). */
static const char *const generic_measures[] = {"time_s", NULL};

static bool in_list(const char *const *list, const char *name)
{
    for (size_t i = 0; list && list[i]; i++) {
        if (strcmp(list[i], name) == 0) {
            return true;
        }
    }
    return false;
}

/* The closest plausible typo target of name among the generic names and the
 * names listed in hint ("a, b, c": the module's static list, by convention),
 * copied into out; false if none is close. */
static bool closest_name(const char *name, const char *const *generic, const char *hint, char *out, size_t n)
{
    size_t best_d = 3;
    bool found = false;
    for (size_t i = 0; generic && generic[i]; i++) {
        size_t d = jv_edit_distance(generic[i], name);
        if (d < best_d && jv_close_enough(d, generic[i], name)) {
            best_d = d;
            fs_strlcpy(out, generic[i], n);
            found = true;
        }
    }
    for (const char *p = hint; p && *p && *p != '(';) { /* a note in parentheses ends the list */
        size_t len = strcspn(p, ", ");
        char word[RUBRIC_ID_MAX];
        if (len > 0 && len < sizeof word) {
            memcpy(word, p, len);
            word[len] = '\0';
            size_t d = jv_edit_distance(word, name);
            if (d < best_d && jv_close_enough(d, word, name)) {
                best_d = d;
                fs_strlcpy(out, word, n);
                found = true;
            }
        }
        p += len;
        p += strspn(p, ", ");
    }
    return found;
}

/* Reports a measure or event name the module never reports. */
static void unknown_name(JsonV *v, const char *path, const char *key, bool measure, bool per_setup,
                         const char *name, const char *hint, const char *suggestion)
{
    /* One whole sentence per case, so that each translates as a whole. */
    static const char *const templates[2][2][2] = {
        /* event */ {{N_("an event of this module: {list}"),
                      N_("an event of this module (did you mean \"{name}\"?): {list}")},
                     {N_("an event of this module: {list}"),
                      N_("an event of this module (did you mean \"{name}\"?): {list}")}},
        /* measure */ {{N_("a measure of this module: {list}"),
                        N_("a measure of this module (did you mean \"{name}\"?): {list}")},
                       {N_("a measure of this module: {list}, or a name built from the setup (see the module's "
                           "documentation)"),
                        N_("a measure of this module (did you mean \"{name}\"?): {list}, or a name built from the "
                           "setup (see the module's documentation)")}},
    };
    char p[JV_PATH_MAX];
    DiagArgs args = {0};
    jv_path_key(p, sizeof p, path, key);
    bool has_list = hint && hint[0];
    const char *expected = !has_list ? (measure ? N_("a measure of this module (see the module's documentation)")
                                                : N_("an event of this module (see the module's documentation)"))
                                     : templates[measure][per_setup][suggestion != NULL];
    diag_arg_str(&args, "list", has_list ? hint : "");
    diag_arg_str(&args, "name", suggestion ? suggestion : "");
    diag_arg_str(&args, "text", name);
    jv_report_t(v, DIAG_BAD_VALUE, p, expected, N_("\"{text}\""), &args);
}

static bool load_band(JsonV *v, const cJSON *node, const char *path, Band *b)
{
    static const char *const keys[] = {"ok_min", "ok_max", "zero_min", "zero_max", NULL};
    if (!jv_object(v, node, path, keys)) {
        return false;
    }
    memset(b, 0, sizeof *b);
    const double big = 1e12;
    bool ok = true;
    if (jv_get(node, "ok_min")) {
        b->has_ok_min = jv_double(v, node, path, "ok_min", true, -big, big, &b->ok_min);
        ok &= b->has_ok_min;
    }
    if (jv_get(node, "ok_max")) {
        b->has_ok_max = jv_double(v, node, path, "ok_max", true, -big, big, &b->ok_max);
        ok &= b->has_ok_max;
    }
    if (jv_get(node, "zero_min")) {
        b->has_zero_min = jv_double(v, node, path, "zero_min", true, -big, big, &b->zero_min);
        ok &= b->has_zero_min;
    }
    if (jv_get(node, "zero_max")) {
        b->has_zero_max = jv_double(v, node, path, "zero_max", true, -big, big, &b->zero_max);
        ok &= b->has_zero_max;
    }
    if (!ok) {
        return false;
    }
    char p[JV_PATH_MAX];
    if (!b->has_ok_min && !b->has_ok_max) {
        jv_report(v, DIAG_MISSING_FIELD, path, N_("ok_min or ok_max (the full-credit range)"), N_("neither"));
        return false;
    }
    if (b->has_ok_min && b->has_ok_max && b->ok_min > b->ok_max) {
        jv_path_key(p, sizeof p, path, "ok_max");
        jv_report(v, DIAG_INCONSISTENT, p, N_("ok_max >= ok_min"), N_("ok_max below ok_min"));
        ok = false;
    }
    if (b->has_zero_min && (!b->has_ok_min || !(b->zero_min < b->ok_min))) {
        jv_path_key(p, sizeof p, path, "zero_min");
        jv_report(v, DIAG_INCONSISTENT, p, N_("zero_min below ok_min (and ok_min present)"),
                  b->has_ok_min ? N_("zero_min >= ok_min") : N_("no ok_min"));
        ok = false;
    }
    if (b->has_zero_max && (!b->has_ok_max || !(b->zero_max > b->ok_max))) {
        jv_path_key(p, sizeof p, path, "zero_max");
        jv_report(v, DIAG_INCONSISTENT, p, N_("zero_max above ok_max (and ok_max present)"),
                  b->has_ok_max ? N_("zero_max <= ok_max") : N_("no ok_max"));
        ok = false;
    }
    return ok;
}

static bool load_table(JsonV *v, const cJSON *node, const char *path, CreditTable *t)
{
    memset(t, 0, sizeof *t);
    if (!cJSON_IsArray(node)) {
        DiagArgs args = {0};
        const char *found = jv_describe_t(node, &args);
        jv_report_t(v, DIAG_WRONG_TYPE, path, N_("an array of [value, credit] pairs"), found, &args);
        return false;
    }
    int n = cJSON_GetArraySize(node);
    if (n < 2 || n > RUBRIC_TABLE_MAX) {
        DiagArgs args = {0};
        diag_arg_int(&args, "count", n);
        jv_report_t(v, DIAG_OUT_OF_RANGE, path, N_("2 to 16 points"),
                    n == 0 ? N_("no point") : n == 1 ? N_("1 point") : N_("{count} points"), &args);
        return false;
    }
    bool ok = true;
    for (int i = 0; i < n; i++) {
        char p[JV_PATH_MAX];
        jv_path_index(p, sizeof p, path, (size_t)i);
        const cJSON *pt = cJSON_GetArrayItem(node, i);
        const cJSON *x = cJSON_GetArrayItem(pt, 0);
        const cJSON *c = cJSON_GetArrayItem(pt, 1);
        if (!cJSON_IsArray(pt) || cJSON_GetArraySize(pt) != 2 || !cJSON_IsNumber(x) || !cJSON_IsNumber(c)
            || !isfinite(x->valuedouble)) {
            DiagArgs args = {0};
            const char *found = jv_describe_t(pt, &args);
            jv_report_t(v, DIAG_WRONG_TYPE, p, N_("[value, credit] with two numbers"), found, &args);
            ok = false;
            continue;
        }
        if (!(c->valuedouble >= 0.0 && c->valuedouble <= 1.0)) {
            DiagArgs args = {0};
            diag_arg_num(&args, "value", c->valuedouble);
            jv_report_t(v, DIAG_OUT_OF_RANGE, p, N_("credit between 0 and 1"), "{value}", &args);
            ok = false;
        }
        if (i > 0 && !(x->valuedouble > t->x[i - 1])) {
            jv_report(v, DIAG_INCONSISTENT, p, N_("values in strictly increasing order"), N_("not increasing"));
            ok = false;
        }
        t->x[i] = x->valuedouble;
        t->credit[i] = c->valuedouble;
    }
    t->count = ok ? (size_t)n : 0;
    return ok;
}

static bool load_criterion(JsonV *v, const cJSON *node, const char *path, const RubricNames *names,
                           Criterion *c)
{
    static const char *const keys[] = {"id", "measure", "weight", "band", "table", "unit",
                                       "decimals", "message", NULL};
    memset(c, 0, sizeof *c);
    if (!jv_object(v, node, path, keys)) {
        return false;
    }
    bool ok = jv_id(v, node, path, "id", true, c->id, sizeof c->id);
    if (jv_id(v, node, path, "measure", true, c->measure, sizeof c->measure)) {
        if (names && names->measure && !in_list(generic_measures, c->measure)
            && !names->measure(names->ctx, c->measure)) {
            char best[RUBRIC_ID_MAX];
            unknown_name(v, path, "measure", true, names->measures_per_setup, c->measure, names->measures_hint,
                         closest_name(c->measure, generic_measures, names->measures_hint, best, sizeof best) ? best
                                                                                                          : NULL);
            ok = false;
        }
    } else {
        ok = false;
    }
    c->weight = 1.0;
    if (jv_get(node, "weight")) {
        ok &= jv_double(v, node, path, "weight", true, 0.001, 1000.0, &c->weight);
    }
    int64_t decimals = 1;
    if (jv_get(node, "decimals")) {
        ok &= jv_int(v, node, path, "decimals", true, 0, 4, &decimals);
    }
    c->decimals = (int)decimals;
    if (jv_get(node, "unit")) {
        ok &= jv_string(v, node, path, "unit", false, c->unit, sizeof c->unit);
    }
    if (jv_get(node, "message")) {
        ok &= jv_id(v, node, path, "message", true, c->message, sizeof c->message);
    } else {
        memcpy(c->message, c->measure, sizeof c->message);
    }
    const cJSON *band = jv_get(node, "band");
    const cJSON *table = jv_get(node, "table");
    char p[JV_PATH_MAX];
    if (band && table) {
        jv_report(v, DIAG_INCONSISTENT, path, N_("either \"band\" or \"table\""), N_("both"));
        ok = false;
    } else if (band) {
        jv_path_key(p, sizeof p, path, "band");
        ok &= load_band(v, band, p, &c->band);
    } else if (table) {
        jv_path_key(p, sizeof p, path, "table");
        ok &= load_table(v, table, p, &c->table);
    } else {
        jv_report(v, DIAG_MISSING_FIELD, path, N_("\"band\" or \"table\""), N_("neither"));
        ok = false;
    }
    return ok;
}

static bool load_penalty(JsonV *v, const cJSON *node, const char *path, const RubricNames *names, Penalty *pen)
{
    static const char *const keys[] = {"id", "event", "points", "max_points", NULL};
    memset(pen, 0, sizeof *pen);
    if (!jv_object(v, node, path, keys)) {
        return false;
    }
    bool ok = jv_id(v, node, path, "id", true, pen->id, sizeof pen->id);
    if (jv_id(v, node, path, "event", true, pen->event, sizeof pen->event)) {
        if (names && names->event && !names->event(names->ctx, pen->event)) {
            char best[RUBRIC_ID_MAX];
            unknown_name(v, path, "event", false, false, pen->event, names->events_hint,
                         closest_name(pen->event, NULL, names->events_hint, best, sizeof best) ? best : NULL);
            ok = false;
        }
    } else {
        ok = false;
    }
    ok &= jv_double(v, node, path, "points", true, 0.0, 100.0, &pen->points);
    if (jv_get(node, "max_points")) {
        ok &= jv_double(v, node, path, "max_points", true, 0.0, 100.0, &pen->max_points);
    }
    return ok;
}

bool rubric_load(JsonV *v, const cJSON *node, const char *path, const RubricNames *names, Rubric *out)
{
    static const char *const keys[] = {"pass_mark", "criteria", "penalties", NULL};
    memset(out, 0, sizeof *out);
    if (!jv_object(v, node, path, keys)) {
        return false;
    }
    bool ok = jv_double(v, node, path, "pass_mark", true, 0.0, 100.0, &out->pass_mark);
    const cJSON *crit = jv_child_array(v, node, path, "criteria", true, 1, RUBRIC_CRITERIA_MAX);
    char p[JV_PATH_MAX], ap[JV_PATH_MAX];
    if (crit) {
        jv_path_key(ap, sizeof ap, path, "criteria");
        size_t i = 0;
        for (const cJSON *c = crit->child; c; c = c->next, i++) {
            jv_path_index(p, sizeof p, ap, i);
            Criterion *dst = &out->criteria[out->n_criteria];
            if (!load_criterion(v, c, p, names, dst)) {
                ok = false;
                continue;
            }
            for (size_t k = 0; k < out->n_criteria; k++) {
                if (strcmp(out->criteria[k].id, dst->id) == 0) {
                    char pid[JV_PATH_MAX];
                    jv_path_key(pid, sizeof pid, p, "id");
                    DiagArgs args = {0};
                    diag_arg_str(&args, "text", dst->id);
                    jv_report_t(v, DIAG_DUPLICATE_ID, pid, N_("an id not used by another criterion"), N_("\"{text}\""), &args);
                    ok = false;
                }
            }
            out->n_criteria++;
        }
    } else {
        ok = false;
    }
    if (jv_get(node, "penalties")) {
        const cJSON *pens = jv_child_array(v, node, path, "penalties", true, 0, RUBRIC_PENALTIES_MAX);
        if (pens) {
            jv_path_key(ap, sizeof ap, path, "penalties");
            size_t i = 0;
            for (const cJSON *c = pens->child; c; c = c->next, i++) {
                jv_path_index(p, sizeof p, ap, i);
                Penalty *dst = &out->penalties[out->n_penalties];
                if (!load_penalty(v, c, p, names, dst)) {
                    ok = false;
                    continue;
                }
                for (size_t k = 0; k < out->n_penalties; k++) {
                    if (strcmp(out->penalties[k].id, dst->id) == 0) {
                        char pid[JV_PATH_MAX];
                        jv_path_key(pid, sizeof pid, p, "id");
                        DiagArgs args = {0};
                    diag_arg_str(&args, "text", dst->id);
                    jv_report_t(v, DIAG_DUPLICATE_ID, pid, N_("an id not used by another penalty"), N_("\"{text}\""), &args);
                        ok = false;
                    }
                }
                out->n_penalties++;
            }
        } else {
            ok = false;
        }
    }
    return ok;
}

double rubric_credit(const Criterion *c, double value)
{
    if (!isfinite(value)) {
        return 0.0;
    }
    if (c->table.count >= 2) {
        const CreditTable *t = &c->table;
        if (value <= t->x[0]) {
            return t->credit[0];
        }
        for (size_t i = 1; i < t->count; i++) {
            if (value <= t->x[i]) {
                double f = (value - t->x[i - 1]) / (t->x[i] - t->x[i - 1]);
                return t->credit[i - 1] + f * (t->credit[i] - t->credit[i - 1]);
            }
        }
        return t->credit[t->count - 1];
    }
    const Band *b = &c->band;
    if (b->has_ok_min && value < b->ok_min) {
        if (!b->has_zero_min || value <= b->zero_min) {
            return 0.0;
        }
        return (value - b->zero_min) / (b->ok_min - b->zero_min);
    }
    if (b->has_ok_max && value > b->ok_max) {
        if (!b->has_zero_max || value >= b->zero_max) {
            return 0.0;
        }
        return (b->zero_max - value) / (b->zero_max - b->ok_max);
    }
    return 1.0;
}

Verdict rubric_verdict(double credit)
{
    if (credit >= 1.0) {
        return VERDICT_OK;
    }
    if (credit <= 0.0) {
        return VERDICT_FAIL;
    }
    return VERDICT_PARTIAL;
}

void rubric_evaluate(const Rubric *r, const Sheet *s, AttemptStatus status, uint32_t ticks, Result *out)
{
    memset(out, 0, sizeof *out);
    out->status = status;
    out->ticks = ticks;
    out->pass_mark = r->pass_mark;
    double weight_sum = 0.0;
    for (size_t i = 0; i < r->n_criteria; i++) {
        weight_sum += r->criteria[i].weight;
    }
    double total = 0.0;
    for (size_t i = 0; i < r->n_criteria; i++) {
        CriterionResult *cr = &out->criteria[i];
        cr->def = r->criteria[i];
        cr->measured = sheet_get(s, cr->def.measure, &cr->value, &cr->tick);
        cr->credit = cr->measured ? rubric_credit(&cr->def, cr->value) : 0.0;
        cr->verdict = cr->measured ? rubric_verdict(cr->credit) : VERDICT_MISSING;
        cr->points = weight_sum > 0.0 ? 100.0 * cr->def.weight * cr->credit / weight_sum : 0.0;
        total += cr->points;
    }
    out->n_criteria = r->n_criteria;
    for (size_t i = 0; i < r->n_penalties; i++) {
        PenaltyResult *pr = &out->penalties[i];
        pr->def = r->penalties[i];
        pr->count = sheet_count(s, SHEET_EVENT, pr->def.event);
        pr->points = pr->def.points * pr->count;
        if (pr->def.max_points > 0.0 && pr->points > pr->def.max_points) {
            pr->points = pr->def.max_points;
        }
        total -= pr->points;
    }
    out->n_penalties = r->n_penalties;
    for (size_t i = 0; i < s->count && out->n_safety < RESULT_SAFETY_MAX; i++) {
        if (s->items[i].kind == SHEET_SAFETY) {
            SafetyResult *sr = &out->safety[out->n_safety++];
            fs_strlcpy(sr->event, s->items[i].name, sizeof sr->event);
            sr->tick = s->items[i].tick;
        }
    }
    out->total = total < 0.0 ? 0.0 : (total > 100.0 ? 100.0 : total);
    out->passed = status == ATTEMPT_FINISHED && out->n_safety == 0 && out->total >= r->pass_mark;
}

static const char *const status_names[] = {"running", "finished", "abandoned", "timeout", NULL};
static const char *const verdict_names[] = {"ok", "partial", "fail", "missing", NULL};

const char *attempt_status_name(AttemptStatus s)
{
    return (s >= ATTEMPT_RUNNING && s <= ATTEMPT_TIMEOUT) ? status_names[s] : "?";
}

bool attempt_status_from_name(const char *name, AttemptStatus *out)
{
    for (int i = 0; status_names[i]; i++) {
        if (strcmp(status_names[i], name) == 0) {
            *out = (AttemptStatus)i;
            return true;
        }
    }
    return false;
}

const char *verdict_name(Verdict v)
{
    return (v >= VERDICT_OK && v <= VERDICT_MISSING) ? verdict_names[v] : "?";
}

/* ---- JSON form of a result ------------------------------------------------ */

static cJSON *band_to_json(const Band *b)
{
    cJSON *o = cJSON_CreateObject();
    if (b->has_ok_min) cJSON_AddNumberToObject(o, "ok_min", b->ok_min);
    if (b->has_ok_max) cJSON_AddNumberToObject(o, "ok_max", b->ok_max);
    if (b->has_zero_min) cJSON_AddNumberToObject(o, "zero_min", b->zero_min);
    if (b->has_zero_max) cJSON_AddNumberToObject(o, "zero_max", b->zero_max);
    return o;
}

static cJSON *criterion_to_json(const Criterion *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", c->id);
    cJSON_AddStringToObject(o, "measure", c->measure);
    cJSON_AddNumberToObject(o, "weight", c->weight);
    if (c->table.count) {
        cJSON *t = cJSON_AddArrayToObject(o, "table");
        for (size_t i = 0; i < c->table.count; i++) {
            double pair[2] = {c->table.x[i], c->table.credit[i]};
            cJSON_AddItemToArray(t, cJSON_CreateDoubleArray(pair, 2));
        }
    } else {
        cJSON_AddItemToObject(o, "band", band_to_json(&c->band));
    }
    cJSON_AddStringToObject(o, "unit", c->unit);
    cJSON_AddNumberToObject(o, "decimals", c->decimals);
    cJSON_AddStringToObject(o, "message", c->message);
    return o;
}

cJSON *result_to_json(const Result *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        return NULL;
    }
    cJSON_AddStringToObject(o, "status", attempt_status_name(r->status));
    cJSON_AddNumberToObject(o, "ticks", r->ticks);
    cJSON_AddNumberToObject(o, "total", r->total);
    cJSON_AddNumberToObject(o, "pass_mark", r->pass_mark);
    cJSON_AddBoolToObject(o, "passed", r->passed);
    cJSON *crit = cJSON_AddArrayToObject(o, "criteria");
    for (size_t i = 0; i < r->n_criteria; i++) {
        const CriterionResult *c = &r->criteria[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddItemToObject(j, "criterion", criterion_to_json(&c->def));
        cJSON_AddBoolToObject(j, "measured", c->measured);
        cJSON_AddNumberToObject(j, "value", c->measured ? c->value : 0.0);
        cJSON_AddNumberToObject(j, "tick", c->tick);
        cJSON_AddNumberToObject(j, "credit", c->credit);
        cJSON_AddNumberToObject(j, "points", c->points);
        cJSON_AddStringToObject(j, "verdict", verdict_name(c->verdict));
        cJSON_AddItemToArray(crit, j);
    }
    cJSON *pens = cJSON_AddArrayToObject(o, "penalties");
    for (size_t i = 0; i < r->n_penalties; i++) {
        const PenaltyResult *p = &r->penalties[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "id", p->def.id);
        cJSON_AddStringToObject(j, "event", p->def.event);
        cJSON_AddNumberToObject(j, "points_each", p->def.points);
        cJSON_AddNumberToObject(j, "max_points", p->def.max_points);
        cJSON_AddNumberToObject(j, "count", p->count);
        cJSON_AddNumberToObject(j, "points", p->points);
        cJSON_AddItemToArray(pens, j);
    }
    cJSON *saf = cJSON_AddArrayToObject(o, "safety");
    for (size_t i = 0; i < r->n_safety; i++) {
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "event", r->safety[i].event);
        cJSON_AddNumberToObject(j, "tick", r->safety[i].tick);
        cJSON_AddItemToArray(saf, j);
    }
    /* Any NULL along the way (OOM) leaves a member out; detect it by size. */
    if (cJSON_GetArraySize(o) != 8 || cJSON_GetArraySize(crit) != (int)r->n_criteria
        || cJSON_GetArraySize(pens) != (int)r->n_penalties || cJSON_GetArraySize(saf) != (int)r->n_safety) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static bool tick_field(JsonV *v, const cJSON *o, const char *path, const char *key, uint32_t *out)
{
    int64_t t = 0;
    if (!jv_int(v, o, path, key, true, 0, UINT32_MAX, &t)) {
        return false;
    }
    *out = (uint32_t)t;
    return true;
}

bool result_from_json(JsonV *v, const cJSON *node, const char *path, Result *out)
{
    static const char *const keys[] = {"status", "ticks", "total", "pass_mark", "passed",
                                       "criteria", "penalties", "safety", NULL};
    static const char *const crit_keys[] = {"criterion", "measured", "value", "tick", "credit",
                                            "points", "verdict", NULL};
    static const char *const pen_keys[] = {"id", "event", "points_each", "max_points", "count", "points", NULL};
    static const char *const saf_keys[] = {"event", "tick", NULL};
    memset(out, 0, sizeof *out);
    if (!jv_object(v, node, path, keys)) {
        return false;
    }
    bool ok = true;
    char status[16] = "";
    if (jv_string(v, node, path, "status", true, status, sizeof status)) {
        if (!attempt_status_from_name(status, &out->status)) {
            char p[JV_PATH_MAX];
            jv_path_key(p, sizeof p, path, "status");
            jv_report(v, DIAG_BAD_VALUE, p, N_("running, finished, abandoned or timeout"), status);
            ok = false;
        }
    } else {
        ok = false;
    }
    ok &= tick_field(v, node, path, "ticks", &out->ticks);
    ok &= jv_double(v, node, path, "total", true, 0.0, 100.0, &out->total);
    ok &= jv_double(v, node, path, "pass_mark", true, 0.0, 100.0, &out->pass_mark);
    ok &= jv_bool(v, node, path, "passed", true, &out->passed);

    char ap[JV_PATH_MAX], p[JV_PATH_MAX], cp[JV_PATH_MAX];
    const cJSON *crit = jv_child_array(v, node, path, "criteria", true, 0, RUBRIC_CRITERIA_MAX);
    ok &= crit != NULL;
    jv_path_key(ap, sizeof ap, path, "criteria");
    size_t i = 0;
    for (const cJSON *c = crit ? crit->child : NULL; c; c = c->next, i++) {
        jv_path_index(p, sizeof p, ap, i);
        CriterionResult *cr = &out->criteria[out->n_criteria++];
        if (!jv_object(v, c, p, crit_keys)) {
            ok = false;
            continue;
        }
        const cJSON *def = jv_child_object(v, c, p, "criterion", true);
        jv_path_key(cp, sizeof cp, p, "criterion");
        /* The criterion is checked like in a scenario, without a module list. */
        ok &= def && load_criterion(v, def, cp, NULL, &cr->def);
        ok &= jv_bool(v, c, p, "measured", true, &cr->measured);
        ok &= jv_double(v, c, p, "value", true, -1e300, 1e300, &cr->value);
        ok &= tick_field(v, c, p, "tick", &cr->tick);
        ok &= jv_double(v, c, p, "credit", true, 0.0, 1.0, &cr->credit);
        ok &= jv_double(v, c, p, "points", true, 0.0, 100.0, &cr->points);
        int verdict = 0;
        ok &= jv_enum(v, c, p, "verdict", true, verdict_names, &verdict);
        cr->verdict = (Verdict)verdict;
    }
    const cJSON *pens = jv_child_array(v, node, path, "penalties", true, 0, RUBRIC_PENALTIES_MAX);
    ok &= pens != NULL;
    jv_path_key(ap, sizeof ap, path, "penalties");
    i = 0;
    for (const cJSON *c = pens ? pens->child : NULL; c; c = c->next, i++) {
        jv_path_index(p, sizeof p, ap, i);
        PenaltyResult *pr = &out->penalties[out->n_penalties++];
        if (!jv_object(v, c, p, pen_keys)) {
            ok = false;
            continue;
        }
        ok &= jv_id(v, c, p, "id", true, pr->def.id, sizeof pr->def.id);
        ok &= jv_id(v, c, p, "event", true, pr->def.event, sizeof pr->def.event);
        ok &= jv_double(v, c, p, "points_each", true, 0.0, 100.0, &pr->def.points);
        ok &= jv_double(v, c, p, "max_points", true, 0.0, 100.0, &pr->def.max_points);
        ok &= tick_field(v, c, p, "count", &pr->count);
        ok &= jv_double(v, c, p, "points", true, 0.0, 1e9, &pr->points);
    }
    const cJSON *saf = jv_child_array(v, node, path, "safety", true, 0, RESULT_SAFETY_MAX);
    ok &= saf != NULL;
    jv_path_key(ap, sizeof ap, path, "safety");
    i = 0;
    for (const cJSON *c = saf ? saf->child : NULL; c; c = c->next, i++) {
        jv_path_index(p, sizeof p, ap, i);
        SafetyResult *sr = &out->safety[out->n_safety++];
        if (!jv_object(v, c, p, saf_keys)) {
            ok = false;
            continue;
        }
        ok &= jv_id(v, c, p, "event", true, sr->event, sizeof sr->event);
        ok &= tick_field(v, c, p, "tick", &sr->tick);
    }
    return ok;
}

static bool same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static bool same_criterion(const Criterion *a, const Criterion *b)
{
    if (strcmp(a->id, b->id) || strcmp(a->measure, b->measure) || strcmp(a->message, b->message)
        || strcmp(a->unit, b->unit) || a->decimals != b->decimals || !same_double(a->weight, b->weight)
        || a->table.count != b->table.count) {
        return false;
    }
    for (size_t i = 0; i < a->table.count; i++) {
        if (!same_double(a->table.x[i], b->table.x[i]) || !same_double(a->table.credit[i], b->table.credit[i])) {
            return false;
        }
    }
    const Band *x = &a->band, *y = &b->band;
    return x->has_ok_min == y->has_ok_min && x->has_ok_max == y->has_ok_max
        && x->has_zero_min == y->has_zero_min && x->has_zero_max == y->has_zero_max
        && (!x->has_ok_min || same_double(x->ok_min, y->ok_min))
        && (!x->has_ok_max || same_double(x->ok_max, y->ok_max))
        && (!x->has_zero_min || same_double(x->zero_min, y->zero_min))
        && (!x->has_zero_max || same_double(x->zero_max, y->zero_max));
}

bool result_equal(const Result *a, const Result *b)
{
    if (a->status != b->status || a->ticks != b->ticks || !same_double(a->total, b->total)
        || !same_double(a->pass_mark, b->pass_mark) || a->passed != b->passed
        || a->n_criteria != b->n_criteria || a->n_penalties != b->n_penalties || a->n_safety != b->n_safety) {
        return false;
    }
    for (size_t i = 0; i < a->n_criteria; i++) {
        const CriterionResult *x = &a->criteria[i], *y = &b->criteria[i];
        if (!same_criterion(&x->def, &y->def) || x->measured != y->measured || x->tick != y->tick
            || (x->measured && !same_double(x->value, y->value)) || !same_double(x->credit, y->credit)
            || !same_double(x->points, y->points) || x->verdict != y->verdict) {
            return false;
        }
    }
    for (size_t i = 0; i < a->n_penalties; i++) {
        const PenaltyResult *x = &a->penalties[i], *y = &b->penalties[i];
        if (strcmp(x->def.id, y->def.id) || strcmp(x->def.event, y->def.event)
            || !same_double(x->def.points, y->def.points) || !same_double(x->def.max_points, y->def.max_points)
            || x->count != y->count || !same_double(x->points, y->points)) {
            return false;
        }
    }
    for (size_t i = 0; i < a->n_safety; i++) {
        if (strcmp(a->safety[i].event, b->safety[i].event) || a->safety[i].tick != b->safety[i].tick) {
            return false;
        }
    }
    return true;
}
