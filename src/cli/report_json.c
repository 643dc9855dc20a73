/*
 * report_json.c - the report as one JSON document, for other tools.
 * Numbers are printed losslessly; names are the report.h field names.
 *
 *   { "format": "fibresim-report", "format_version": 1, "generated_at",
 *     "program_version", "folders": [..], "filter": {trainee, module,
 *     scenario, since, until} (null when not set), "verified": bool,
 *     "stats": {files, summaries_cached, summaries_read, duplicates,
 *               conflicts, verified_cached, replayed, verified, mismatched,
 *               unverifiable},
 *     "group": FIGURES, "modules": [FIGURES],
 *     "trainees": [ { "id", "name", "all": FIGURES, "modules": [FIGURES],
 *                     "attempts": [ATTEMPT] } ],
 *     "problems": [ { "file", "code", "path", "expected", "found" } ] }
 *   FIGURES = { "module" (null for all), "attempts", "mismatches",
 *     "unverifiable", "passed_attempts", "passed_scenarios",
 *     "scenarios_tried", "trainees", "best", "last", "average" (null when no
 *     attempt counts), "last_activity" (null if none) }
 *   ATTEMPT = { "attempt_id", "file", "module", "scenario": {id, version,
 *     hash}, "seed" (decimal string), "program_version", "started_at",
 *     "ended_at", "status", "end_tick", "total", "pass_mark", "passed",
 *     "check" (not_checked|verified|mismatch|unverifiable), "check_detail",
 *     "conflict", "counted", "criteria": [ { "id", "message", "unit",
 *     "decimals", "weight", "measured", "value" (null if not measured),
 *     "tick", "credit", "points", "verdict", "text" (the explanation in
 *     the report's language) } ], "penalties": [ {id, event, count,
 *     points} ], "safety": [ {event, tick} ] }
 */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/jsonout.h"
#include "report_out.h"

static void add_num_or_null(cJSON *o, const char *key, double v)
{
    if (isnan(v)) {
        cJSON_AddNullToObject(o, key);
    } else {
        cJSON_AddNumberToObject(o, key, v);
    }
}

static void add_str_or_null(cJSON *o, const char *key, const char *s)
{
    if (s && s[0]) {
        cJSON_AddStringToObject(o, key, s);
    } else {
        cJSON_AddNullToObject(o, key);
    }
}

static cJSON *figures(const ReportFigures *f)
{
    cJSON *o = cJSON_CreateObject();
    add_str_or_null(o, "module", f->module);
    cJSON_AddNumberToObject(o, "attempts", (double)f->attempts);
    cJSON_AddNumberToObject(o, "mismatches", (double)f->mismatches);
    cJSON_AddNumberToObject(o, "unverifiable", (double)f->unverifiable);
    cJSON_AddNumberToObject(o, "passed_attempts", (double)f->passed_attempts);
    cJSON_AddNumberToObject(o, "passed_scenarios", (double)f->passed_scenarios);
    cJSON_AddNumberToObject(o, "scenarios_tried", (double)f->scenarios_tried);
    cJSON_AddNumberToObject(o, "trainees", (double)f->trainees);
    add_num_or_null(o, "best", f->best);
    add_num_or_null(o, "last", f->last);
    add_num_or_null(o, "average", f->average);
    add_str_or_null(o, "last_activity", f->last_activity);
    return o;
}

static cJSON *attempt(const ReportOut *o, const ReportAttempt *a)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "attempt_id", a->attempt_id);
    cJSON_AddStringToObject(j, "file", a->path);
    cJSON_AddStringToObject(j, "module", a->module);
    cJSON *s = cJSON_AddObjectToObject(j, "scenario");
    cJSON_AddStringToObject(s, "id", a->scenario_id);
    cJSON_AddNumberToObject(s, "version", a->scenario_version);
    cJSON_AddStringToObject(s, "hash", a->scenario_hash);
    char seed[24];
    snprintf(seed, sizeof seed, "%" PRIu64, a->seed);
    cJSON_AddStringToObject(j, "seed", seed);
    cJSON_AddStringToObject(j, "program_version", a->program_version);
    cJSON_AddStringToObject(j, "started_at", a->started_at);
    cJSON_AddStringToObject(j, "ended_at", a->ended_at);
    cJSON_AddStringToObject(j, "status", attempt_status_name(a->status));
    cJSON_AddNumberToObject(j, "end_tick", a->end_tick);
    cJSON_AddNumberToObject(j, "total", a->total);
    cJSON_AddNumberToObject(j, "pass_mark", a->pass_mark);
    cJSON_AddBoolToObject(j, "passed", a->passed);
    cJSON_AddStringToObject(j, "check", report_check_name(a->check));
    cJSON_AddStringToObject(j, "check_detail", a->check_detail);
    cJSON_AddBoolToObject(j, "conflict", (a->flags & REPORT_ATTEMPT_CONFLICT) != 0);
    cJSON_AddBoolToObject(j, "counted", (a->flags & REPORT_ATTEMPT_COUNTED) != 0);
    cJSON *cs = cJSON_AddArrayToObject(j, "criteria");
    for (uint32_t i = 0; i < a->n_criteria; i++) {
        const ReportCriterion *c = &a->criteria[i];
        cJSON *k = cJSON_CreateObject();
        cJSON_AddStringToObject(k, "id", c->def->id);
        cJSON_AddStringToObject(k, "message", c->def->message);
        cJSON_AddStringToObject(k, "unit", c->def->unit);
        cJSON_AddNumberToObject(k, "decimals", c->def->decimals);
        cJSON_AddNumberToObject(k, "weight", c->def->weight);
        cJSON_AddBoolToObject(k, "measured", c->measured);
        add_num_or_null(k, "value", c->measured ? c->value : (double)NAN);
        cJSON_AddNumberToObject(k, "tick", c->tick);
        cJSON_AddNumberToObject(k, "credit", c->credit);
        cJSON_AddNumberToObject(k, "points", c->points);
        cJSON_AddStringToObject(k, "verdict", verdict_name(c->verdict));
        char label[128], text[512];
        report_criterion_text(o, a, c, label, sizeof label, text, sizeof text);
        cJSON_AddStringToObject(k, "text", text);
        cJSON_AddItemToArray(cs, k);
    }
    cJSON *ps = cJSON_AddArrayToObject(j, "penalties");
    for (uint32_t i = 0; i < a->n_penalties; i++) {
        cJSON *p = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "id", a->penalties[i].id);
        cJSON_AddStringToObject(p, "event", a->penalties[i].event);
        cJSON_AddNumberToObject(p, "count", a->penalties[i].count);
        cJSON_AddNumberToObject(p, "points", a->penalties[i].points);
        cJSON_AddItemToArray(ps, p);
    }
    cJSON *ss = cJSON_AddArrayToObject(j, "safety");
    for (uint32_t i = 0; i < a->n_safety; i++) {
        cJSON *p = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "event", a->safety[i].event);
        cJSON_AddNumberToObject(p, "tick", a->safety[i].tick);
        cJSON_AddItemToArray(ss, p);
    }
    return j;
}

bool report_write_json(ReportOut *o)
{
    const Report *r = o->r;
    const ReportOptions *opt = o->opt;
    cJSON *root = cJSON_CreateObject();
    if (!root) {
        return false;
    }
    cJSON_AddStringToObject(root, "format", "fibresim-report");
    cJSON_AddNumberToObject(root, "format_version", 1);
    cJSON_AddStringToObject(root, "generated_at", o->generated_at);
    cJSON_AddStringToObject(root, "program_version", fs_version());
    cJSON_AddStringToObject(root, "language", o->lang);
    cJSON *dirs = cJSON_AddArrayToObject(root, "folders");
    for (size_t d = 0; d < opt->n_dirs; d++) {
        cJSON_AddItemToArray(dirs, cJSON_CreateString(opt->dirs[d]));
    }
    cJSON *flt = cJSON_AddObjectToObject(root, "filter");
    add_str_or_null(flt, "trainee", opt->filter.trainee);
    add_str_or_null(flt, "module", opt->filter.module);
    add_str_or_null(flt, "scenario", opt->filter.scenario);
    add_str_or_null(flt, "since", opt->filter.since);
    add_str_or_null(flt, "until", opt->filter.until);
    cJSON_AddBoolToObject(root, "verified", opt->verify);
    cJSON *st = cJSON_AddObjectToObject(root, "stats");
    const ReportStats *s = &r->stats;
    cJSON_AddNumberToObject(st, "files", (double)s->files);
    cJSON_AddNumberToObject(st, "summaries_cached", (double)s->summaries_cached);
    cJSON_AddNumberToObject(st, "summaries_read", (double)s->summaries_read);
    cJSON_AddNumberToObject(st, "duplicates", (double)s->duplicates);
    cJSON_AddNumberToObject(st, "conflicts", (double)s->conflicts);
    cJSON_AddNumberToObject(st, "verified_cached", (double)s->verified_cached);
    cJSON_AddNumberToObject(st, "replayed", (double)s->replayed);
    cJSON_AddNumberToObject(st, "verified", (double)s->verified);
    cJSON_AddNumberToObject(st, "mismatched", (double)s->mismatched);
    cJSON_AddNumberToObject(st, "unverifiable", (double)s->unverifiable);
    cJSON_AddItemToObject(root, "group", figures(&r->group));
    cJSON *mods = cJSON_AddArrayToObject(root, "modules");
    for (size_t m = 0; m < r->n_modules; m++) {
        cJSON_AddItemToArray(mods, figures(&r->modules[m]));
    }
    cJSON *pr = cJSON_AddArrayToObject(root, "problems");
    for (size_t i = 0; i < r->n_problems; i++) {
        const Diag *d = &r->problems[i].diag;
        cJSON *p = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "file", r->problems[i].path);
        cJSON_AddStringToObject(p, "code", diag_code_id(d->code));
        cJSON_AddStringToObject(p, "path", d->path);
        cJSON_AddStringToObject(p, "expected", d->expected);
        cJSON_AddStringToObject(p, "found", d->found);
        cJSON_AddItemToArray(pr, p);
    }
    char *text = json_print_lossless(root);
    cJSON_Delete(root);
    if (!text) {
        return false;
    }
    /* The trainees are printed one at a time after the rest, so that a
     * report of 100,000 attempts never holds them all as a tree: the
     * document's closing brace makes room for "trainees". */
    size_t len = strlen(text);
    bool ok = len >= 2 && text[len - 1] == '}';
    if (ok) {
        text[len - 1] = '\0';
        fputs(text, o->f);
        fputs(",\"trainees\":[", o->f);
    }
    free(text);
    for (size_t i = 0; ok && i < r->n_trainees; i++) {
        const ReportTrainee *t = &r->trainees[i];
        cJSON *tj = cJSON_CreateObject();
        if (!tj) {
            return false;
        }
        cJSON_AddStringToObject(tj, "id", t->id);
        cJSON_AddStringToObject(tj, "name", t->name);
        cJSON_AddItemToObject(tj, "all", figures(&t->all));
        cJSON *tm = cJSON_AddArrayToObject(tj, "modules");
        for (size_t m = 0; m < t->n_modules; m++) {
            cJSON_AddItemToArray(tm, figures(&t->modules[m]));
        }
        cJSON *ta = cJSON_AddArrayToObject(tj, "attempts");
        for (size_t k = t->first; k < t->first + t->count; k++) {
            cJSON_AddItemToArray(ta, attempt(o, &r->attempts[k]));
        }
        char *tt = json_print_lossless(tj);
        cJSON_Delete(tj);
        if (!tt) {
            return false;
        }
        if (i) {
            fputc(',', o->f);
        }
        fputs(tt, o->f);
        free(tt);
    }
    fputs("]}\n", o->f);
    return ok && !ferror(o->f);
}
