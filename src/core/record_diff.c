/*
 * record_diff.c - naming the first difference between a stored result and
 * the one a replay recomputed (record.h), as a message the edge shows in its
 * language: what `fibresim replay --verify` and the report say when a score
 * is not genuine.
 *
 * The field is named by a msgid that writes it the way the result's JSON
 * does in English ("criteria[2] \"angle\" value", "penalties[0].count"),
 * with its index, criterion id and key as values, so that a translation can
 * put words around the format's own names. Numbers are written in their
 * shortest exact form (json_number_text): two doubles one ulp apart must
 * not look the same.
 *
 * Also names the first difference between two stored copies of one attempt
 * (a merge's conflict, record_conflict_msg), in words an instructor reads
 * ("start time", "trainee name") rather than the format's keys.
 */
#include <stdio.h>
#include <string.h>

#include "fibresim/attempt.h"
#include "fibresim/core.h" /* FS_TICK_HZ */
#include "fibresim/jsonout.h"
#include "fibresim/messages.h" /* N_() */
#include "fibresim/record.h"

/* Where the field is: {index}, {criterion}, {key} as the label needs them. */
typedef struct Where {
    DiagArgs args;
    const char *label;  /* msgid naming the field with those values */
    bool label_msgid;   /* false: label is a key of the format, shown as it is */
} Where;

static Where top(const char *key)
{
    Where w = {.label = key, .label_msgid = false};
    return w;
}

static Where counted(const char *label)
{
    Where w = {.label = label, .label_msgid = true};
    return w;
}

/* The templates of a difference; record_conflict_msg rewords them. */
static const char stored_value[] = N_("{field}: stored {stored}, recomputed {recomputed}");
static const char stored_text[] = N_("{field}: stored \"{stored}\", recomputed \"{recomputed}\"");
static const char only_stored[] = N_("{field}: present in the stored result, absent in the recomputed one");
static const char only_recomputed[] = N_("{field}: absent in the stored result, present in the recomputed one");

static void put(DiagMsg *out, const Where *w, const char *tmpl, const char *a, const char *b, bool numbers)
{
    DiagArgs args = w->args;
    if (w->label_msgid) {
        diag_arg_msgid(&args, "field", w->label);
    } else {
        diag_arg_str(&args, "field", w->label);
    }
    if (numbers) {
        diag_arg_num_text(&args, "stored", a);
        diag_arg_num_text(&args, "recomputed", b);
    } else {
        diag_arg_str(&args, "stored", a);
        diag_arg_str(&args, "recomputed", b);
    }
    diag_msg_set(out, tmpl, &args);
}

static bool same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static bool diff_num(DiagMsg *out, const Where *w, double a, double b)
{
    if (same_double(a, b)) {
        return false;
    }
    char ta[32], tb[32];
    json_number_text(a, ta);
    json_number_text(b, tb);
    put(out, w, stored_value, ta, tb, true);
    return true;
}

static bool diff_uint(DiagMsg *out, const Where *w, unsigned long long a, unsigned long long b)
{
    if (a == b) {
        return false;
    }
    char ta[32], tb[32];
    snprintf(ta, sizeof ta, "%llu", a);
    snprintf(tb, sizeof tb, "%llu", b);
    put(out, w, stored_value, ta, tb, true);
    return true;
}

static bool diff_str(DiagMsg *out, const Where *w, const char *a, const char *b)
{
    if (strcmp(a, b) == 0) {
        return false;
    }
    put(out, w, stored_text, a, b, false);
    return true;
}

static const char *yes_no(bool v)
{
    return v ? "true" : "false";
}

/* A criterion's field: label with {index} and {criterion}, and {key} if given. */
static Where in_criterion(size_t i, const char *id, const char *label, const char *key)
{
    Where w = {.label = label, .label_msgid = true};
    diag_arg_int(&w.args, "index", (long long)i);
    diag_arg_str(&w.args, "criterion", id);
    if (key) {
        diag_arg_str(&w.args, "key", key);
    }
    return w;
}

/* An item of penalties[] or safety[]: label with {index} and {key}. */
static Where in_list(const char *label, size_t i, const char *key)
{
    Where w = {.label = label, .label_msgid = true};
    diag_arg_int(&w.args, "index", (long long)i);
    diag_arg_str(&w.args, "key", key);
    return w;
}

static bool diff_definition(DiagMsg *out, size_t i, const char *id, const Criterion *a, const Criterion *b)
{
    const char *def = N_("criteria[{index}] \"{criterion}\".{key}");
#define KEY(k) (w = in_criterion(i, id, def, k), &w)
    Where w;
    if (diff_str(out, KEY("measure"), a->measure, b->measure) || diff_str(out, KEY("message"), a->message, b->message)
        || diff_str(out, KEY("unit"), a->unit, b->unit)
        || diff_uint(out, KEY("decimals"), (unsigned long long)a->decimals, (unsigned long long)b->decimals)
        || diff_num(out, KEY("weight"), a->weight, b->weight)) {
        return true;
    }
    w = in_criterion(i, id, N_("criteria[{index}] \"{criterion}\".table points"), NULL);
    if (diff_uint(out, &w, a->table.count, b->table.count)) {
        return true;
    }
    for (size_t r = 0; r < a->table.count; r++) {
        char key[48];
        snprintf(key, sizeof key, "table[%zu].x", r);
        if (diff_num(out, KEY(key), a->table.x[r], b->table.x[r])) {
            return true;
        }
        snprintf(key, sizeof key, "table[%zu].credit", r);
        if (diff_num(out, KEY(key), a->table.credit[r], b->table.credit[r])) {
            return true;
        }
    }
    const Band *x = &a->band, *y = &b->band;
    const struct {
        const char *key;
        bool ha, hb;
        double va, vb;
    } sides[] = {
        {"band.ok_min", x->has_ok_min, y->has_ok_min, x->ok_min, y->ok_min},
        {"band.ok_max", x->has_ok_max, y->has_ok_max, x->ok_max, y->ok_max},
        {"band.zero_min", x->has_zero_min, y->has_zero_min, x->zero_min, y->zero_min},
        {"band.zero_max", x->has_zero_max, y->has_zero_max, x->zero_max, y->zero_max},
    };
    for (size_t k = 0; k < sizeof sides / sizeof sides[0]; k++) {
        if (sides[k].ha != sides[k].hb) {
            DiagArgs args = KEY(sides[k].key)->args;
            diag_arg_msgid(&args, "field", def);
            diag_msg_set(out,
                         sides[k].ha ? only_stored : only_recomputed,
                         &args);
            return true;
        }
        if (sides[k].ha && diff_num(out, KEY(sides[k].key), sides[k].va, sides[k].vb)) {
            return true;
        }
    }
#undef KEY
    return false;
}

bool record_result_diff_msg(const Result *a, const Result *b, DiagMsg *out)
{
    memset(out, 0, sizeof *out);
    Where w;
#define AT(expr) (w = (expr), &w)
    if (diff_str(out, AT(top("status")), attempt_status_name(a->status), attempt_status_name(b->status))
        || diff_uint(out, AT(top("ticks")), a->ticks, b->ticks) || diff_num(out, AT(top("total")), a->total, b->total)
        || diff_num(out, AT(top("pass_mark")), a->pass_mark, b->pass_mark)
        || diff_str(out, AT(top("passed")), yes_no(a->passed), yes_no(b->passed))
        || diff_uint(out, AT(counted(N_("number of criteria"))), a->n_criteria, b->n_criteria)) {
        return true;
    }
    for (size_t i = 0; i < a->n_criteria; i++) {
        const CriterionResult *x = &a->criteria[i], *y = &b->criteria[i];
        const char *id = x->def.id;
        Where idw = {.label = N_("criteria[{index}].id"), .label_msgid = true};
        diag_arg_int(&idw.args, "index", (long long)i);
        if (diff_str(out, &idw, x->def.id, y->def.id) || diff_definition(out, i, id, &x->def, &y->def)) {
            return true;
        }
        if (diff_str(out, AT(in_criterion(i, id, N_("criteria[{index}] \"{criterion}\" measured"), NULL)),
                     yes_no(x->measured), yes_no(y->measured))
            || (x->measured
                && diff_num(out, AT(in_criterion(i, id, N_("criteria[{index}] \"{criterion}\" value"), NULL)), x->value,
                            y->value))
            || diff_uint(out, AT(in_criterion(i, id, N_("criteria[{index}] \"{criterion}\" tick"), NULL)), x->tick,
                         y->tick)
            || diff_num(out, AT(in_criterion(i, id, N_("criteria[{index}] \"{criterion}\" credit"), NULL)), x->credit,
                        y->credit)
            || diff_num(out, AT(in_criterion(i, id, N_("criteria[{index}] \"{criterion}\" points"), NULL)), x->points,
                        y->points)
            || diff_str(out, AT(in_criterion(i, id, N_("criteria[{index}] \"{criterion}\" verdict"), NULL)),
                        verdict_name(x->verdict), verdict_name(y->verdict))) {
            return true;
        }
    }
    if (diff_uint(out, AT(counted(N_("number of penalties"))), a->n_penalties, b->n_penalties)) {
        return true;
    }
    const char *pen = N_("penalties[{index}].{key}");
    for (size_t i = 0; i < a->n_penalties; i++) {
        const PenaltyResult *x = &a->penalties[i], *y = &b->penalties[i];
        if (diff_str(out, AT(in_list(pen, i, "id")), x->def.id, y->def.id)
            || diff_str(out, AT(in_list(pen, i, "event")), x->def.event, y->def.event)
            || diff_num(out, AT(in_list(pen, i, "points_each")), x->def.points, y->def.points)
            || diff_num(out, AT(in_list(pen, i, "max_points")), x->def.max_points, y->def.max_points)
            || diff_uint(out, AT(in_list(pen, i, "count")), x->count, y->count)
            || diff_num(out, AT(in_list(pen, i, "points")), x->points, y->points)) {
            return true;
        }
    }
    if (diff_uint(out, AT(counted(N_("number of safety faults"))), a->n_safety, b->n_safety)) {
        return true;
    }
    const char *saf = N_("safety[{index}].{key}");
    for (size_t i = 0; i < a->n_safety; i++) {
        if (diff_str(out, AT(in_list(saf, i, "event")), a->safety[i].event, b->safety[i].event)
            || diff_uint(out, AT(in_list(saf, i, "tick")), a->safety[i].tick, b->safety[i].tick)) {
            return true;
        }
    }
#undef AT
    memset(out, 0, sizeof *out);
    return false;
}

bool record_result_diff(const Result *a, const Result *b, char *what, size_t n)
{
    DiagMsg m;
    bool differs = record_result_diff_msg(a, b, &m);
    if (n) {
        diag_msg_text(&m, NULL, NULL, '.', what, n);
    }
    return differs;
}

void record_replay_cut_msg(uint32_t ended_tick, uint32_t last_event_tick, DiagMsg *out)
{
    DiagArgs args = {0};
    diag_arg_int(&args, "tick", ended_tick);
    diag_arg_int(&args, "last", last_event_tick);
    diag_msg_set(out, N_("the replayed attempt ended at tick {tick}, before the last recorded event (tick {last})"),
                 &args);
}

/* ---- two stored copies of one attempt ------------------------------------------------------ */

/* Both copies are stored: one was already in the folder, the other comes
 * from the folder being imported. */
static const char there_value[] = N_("{field}: {there} already there, {incoming} in the imported folder");
static const char there_text[] = N_("{field}: \"{there}\" already there, \"{incoming}\" in the imported folder");

static void conflict_put(DiagMsg *out, const char *field, const char *tmpl, const DiagArgs *values)
{
    DiagArgs args = *values;
    diag_arg_msgid(&args, "field", field);
    diag_msg_set(out, tmpl, &args);
}

static bool conflict_text(DiagMsg *out, const char *field, const char *there, const char *incoming)
{
    if (strcmp(there, incoming) == 0) {
        return false;
    }
    DiagArgs v = {0};
    diag_arg_str(&v, "there", there);
    diag_arg_str(&v, "incoming", incoming);
    conflict_put(out, field, there_text, &v);
    return true;
}

static bool conflict_int(DiagMsg *out, const char *field, long long there, long long incoming)
{
    if (there == incoming) {
        return false;
    }
    DiagArgs v = {0};
    diag_arg_int(&v, "there", there);
    diag_arg_int(&v, "incoming", incoming);
    conflict_put(out, field, there_value, &v);
    return true;
}

/* An attempt's status in the words of the report (msgids). */
static const char *status_words(AttemptStatus s)
{
    switch (s) {
    case ATTEMPT_RUNNING: return N_("running");
    case ATTEMPT_FINISHED: return N_("finished");
    case ATTEMPT_ABANDONED: return N_("abandoned");
    case ATTEMPT_TIMEOUT: return N_("time limit reached");
    }
    return "?";
}

/* A result difference reworded for two stored copies: the same field and
 * values, "already there" and "in the imported folder" instead of "stored"
 * and "recomputed", which would say something false here. */
static bool conflict_result(DiagMsg *out, const Result *there, const Result *incoming)
{
    DiagMsg d;
    if (!record_result_diff_msg(there, incoming, &d)) {
        return false;
    }
    static const struct {
        const char *from, *to;
    } words[] = {
        {stored_value, there_value},
        {stored_text, there_text},
        {only_stored, N_("{field}: in the attempt already there, not in the imported one")},
        {only_recomputed, N_("{field}: not in the attempt already there, in the imported one")},
    };
    const char *tmpl = NULL;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (strcmp(d.tmpl, words[k].from) == 0) {
            tmpl = words[k].to;
        }
    }
    if (!tmpl) {
        /* A wording this function does not know: say no more than is true. */
        diag_msg_set(out, N_("the results differ"), NULL);
        return true;
    }
    for (int i = 0; i < d.args.count; i++) {
        DiagArg *a = &d.args.items[i];
        if (strcmp(a->name, "stored") == 0) {
            fs_strlcpy(a->name, "there", sizeof a->name);
        } else if (strcmp(a->name, "recomputed") == 0) {
            fs_strlcpy(a->name, "incoming", sizeof a->name);
        }
    }
    diag_msg_set(out, tmpl, &d.args);
    return true;
}

void record_conflict_msg(const AttemptRecord *there, const AttemptRecord *incoming, DiagMsg *out)
{
    memset(out, 0, sizeof *out);
    const AttemptRecord *a = there, *b = incoming;
    char sa[24], sb[24];
    snprintf(sa, sizeof sa, "%llu", (unsigned long long)a->seed);
    snprintf(sb, sizeof sb, "%llu", (unsigned long long)b->seed);
    if (conflict_text(out, N_("trainee id"), a->trainee_id, b->trainee_id)
        || conflict_text(out, N_("trainee name"), a->trainee_name, b->trainee_name)
        || conflict_text(out, N_("scenario"), a->scenario_id, b->scenario_id)
        || conflict_int(out, N_("scenario version"), a->scenario_version, b->scenario_version)
        || conflict_text(out, N_("scenario file (SHA-256)"), a->scenario_hash, b->scenario_hash)
        || conflict_text(out, N_("module"), a->module, b->module)
        || conflict_text(out, N_("start time"), a->started_at, b->started_at)
        || conflict_text(out, N_("end time"), a->ended_at, b->ended_at)
        || conflict_text(out, N_("program version"), a->program_version, b->program_version)) {
        return;
    }
    if (a->seed != b->seed) {
        /* A 64-bit whole number: as text, so no digit is lost. */
        DiagArgs v = {0};
        diag_arg_str(&v, "there", sa);
        diag_arg_str(&v, "incoming", sb);
        conflict_put(out, N_("random seed"), there_value, &v);
        return;
    }
    if (a->status != b->status) {
        DiagArgs v = {0};
        diag_arg_msgid(&v, "there", status_words(a->status));
        diag_arg_msgid(&v, "incoming", status_words(b->status));
        conflict_put(out, N_("end of the attempt"), there_value, &v);
        return;
    }
    if (a->end_tick != b->end_tick) {
        DiagArgs v = {0};
        diag_arg_num(&v, "there", (double)a->end_tick / FS_TICK_HZ);
        diag_arg_num(&v, "incoming", (double)b->end_tick / FS_TICK_HZ);
        conflict_put(out, N_("duration in seconds"), there_value, &v);
        return;
    }
    if (conflict_int(out, N_("number of actions"), (long long)a->events.count, (long long)b->events.count)) {
        return;
    }
    for (size_t i = 0; i < a->events.count; i++) {
        if (!input_equal(&a->events.items[i], &b->events.items[i])) {
            DiagArgs v = {0};
            diag_arg_int(&v, "number", (long long)i + 1);
            diag_msg_set(out, N_("action {number} differs"), &v);
            return;
        }
    }
    if (!conflict_result(out, &a->result, &b->result)) {
        /* Equal field by field: the files differ in spacing or key order. */
        diag_msg_set(out, N_("the same content, written differently"), NULL);
    }
}
