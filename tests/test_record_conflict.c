/*
 * test_record_conflict.c - record_conflict_msg(): the first difference
 * between two stored copies of one attempt, as a merge reports it. Each case
 * changes one thing of the sample record and checks the message's template,
 * the plain-words name of the field and the two values (the copy already
 * there first), worked out here from the change made; a few are also
 * checked filled in, in English with '.' and with the French ',' separator.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "fibresim/record.h"
#include "record_sample.h"

#define VALUE_TMPL "{field}: {there} already there, {incoming} in the imported folder"
#define TEXT_TMPL "{field}: \"{there}\" already there, \"{incoming}\" in the imported folder"

static const DiagArg *arg_of(const DiagMsg *m, const char *name)
{
    for (int i = 0; i < m->args.count; i++) {
        if (strcmp(m->args.items[i].name, name) == 0) {
            return &m->args.items[i];
        }
    }
    return NULL;
}

/* m is tmpl with {field} the msgid field (or the format's key when
 * field_msgid is false) and {there}, {incoming} as given. */
static void expect(const char *what, const DiagMsg *m, const char *tmpl, const char *field, bool field_msgid,
                   const char *there, const char *incoming)
{
    CHECK_MSG(strcmp(m->tmpl, tmpl) == 0, "%s: template \"%s\"", what, m->tmpl);
    const DiagArg *f = arg_of(m, "field"), *a = arg_of(m, "there"), *b = arg_of(m, "incoming");
    CHECK_MSG(f && strcmp(f->value, field) == 0 && f->msgid == field_msgid, "%s: field \"%s\"", what,
              f ? f->value : "(none)");
    if (there) {
        CHECK_MSG(a && strcmp(a->value, there) == 0, "%s: there \"%s\"", what, a ? a->value : "(none)");
        CHECK_MSG(b && strcmp(b->value, incoming) == 0, "%s: incoming \"%s\"", what, b ? b->value : "(none)");
    }
}

static const char *filled(const DiagMsg *m, char sep)
{
    static char text[512];
    diag_msg_text(m, NULL, NULL, sep, text, sizeof text);
    return text;
}

int main(void)
{
    AttemptRecord a, b;
    DiagMsg m;

    /* Texts of the record, in the order they are compared. */
    static const struct {
        size_t offset, size;
        const char *field;
    } texts[] = {
        {offsetof(AttemptRecord, trainee_id), sizeof a.trainee_id, "trainee id"},
        {offsetof(AttemptRecord, trainee_name), sizeof a.trainee_name, "trainee name"},
        {offsetof(AttemptRecord, scenario_id), sizeof a.scenario_id, "scenario"},
        {offsetof(AttemptRecord, scenario_hash), sizeof a.scenario_hash, "scenario file (SHA-256)"},
        {offsetof(AttemptRecord, module), sizeof a.module, "module"},
        {offsetof(AttemptRecord, started_at), sizeof a.started_at, "start time"},
        {offsetof(AttemptRecord, ended_at), sizeof a.ended_at, "end time"},
        {offsetof(AttemptRecord, program_version), sizeof a.program_version, "program version"},
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        sample_record(&a, 1, 2);
        sample_record(&b, 1, 2);
        char *ta = (char *)&a + texts[k].offset, *tb = (char *)&b + texts[k].offset;
        char there[160];
        snprintf(there, sizeof there, "%s", ta);
        snprintf(tb, texts[k].size, "%s", "X");
        /* A later field differing too must not hide this one. */
        b.seed = 1;
        record_conflict_msg(&a, &b, &m);
        expect(texts[k].field, &m, TEXT_TMPL, texts[k].field, true, there, "X");
        record_finish(&a);
        record_finish(&b);
    }

    sample_record(&a, 1, 2);
    sample_record(&b, 1, 2);
    strcpy(a.started_at, "2026-03-01T10:00:00Z");
    strcpy(b.started_at, "2026-04-01T10:00:00Z");
    record_conflict_msg(&a, &b, &m);
    CHECK_STR(filled(&m, '.'),
              "start time: \"2026-03-01T10:00:00Z\" already there, \"2026-04-01T10:00:00Z\" in the imported folder");
    record_finish(&a);
    record_finish(&b);

    sample_record(&a, 1, 2);
    sample_record(&b, 1, 2);
    b.scenario_version = 4;
    record_conflict_msg(&a, &b, &m);
    expect("scenario version", &m, VALUE_TMPL, "scenario version", true, "3", "4");
    b.scenario_version = a.scenario_version;

    b.seed = 42;
    record_conflict_msg(&a, &b, &m);
    expect("seed", &m, VALUE_TMPL, "random seed", true, "18446744073709551615", "42");
    b.seed = a.seed;

    /* The status in the report's words (msgids). */
    b.status = ATTEMPT_ABANDONED;
    record_conflict_msg(&a, &b, &m);
    expect("status", &m, VALUE_TMPL, "end of the attempt", true, "finished", "abandoned");
    CHECK(arg_of(&m, "there") && arg_of(&m, "there")->msgid && arg_of(&m, "incoming")->msgid);
    b.status = ATTEMPT_TIMEOUT;
    record_conflict_msg(&a, &b, &m);
    expect("status", &m, VALUE_TMPL, "end of the attempt", true, "finished", "time limit reached");
    b.status = a.status;

    /* 13612 and 13700 ticks of 10 ms: 136.12 s and 137 s. */
    b.end_tick = 13700;
    record_conflict_msg(&a, &b, &m);
    expect("end tick", &m, VALUE_TMPL, "duration in seconds", true, "136.12", "137");
    CHECK_STR(filled(&m, ','), "duration in seconds: 136,12 already there, 137 in the imported folder");
    b.end_tick = a.end_tick;
    record_finish(&b);

    /* The sample has 8 events before its n moves. */
    sample_record(&b, 1, 3);
    record_conflict_msg(&a, &b, &m);
    expect("event count", &m, VALUE_TMPL, "number of actions", true, "10", "11");
    record_finish(&b);

    /* The first move (event 9, counted from 1) elsewhere. */
    sample_record(&b, 1, 2);
    b.events.items[8].x += 1.0;
    record_conflict_msg(&a, &b, &m);
    CHECK_STR(m.tmpl, "action {number} differs");
    CHECK_STR(filled(&m, '.'), "action 9 differs");
    record_finish(&b);

    /* The result: the same field and values as a replay's check, in the
     * merge's words. */
    sample_record(&b, 1, 2);
    b.result.pass_mark = 75;
    record_conflict_msg(&a, &b, &m);
    expect("pass mark", &m, VALUE_TMPL, "pass_mark", false, "70", "75");
    CHECK(arg_of(&m, "stored") == NULL && arg_of(&m, "recomputed") == NULL);
    b.result.pass_mark = a.result.pass_mark;

    strcpy(b.result.criteria[0].def.unit, "deg");
    record_conflict_msg(&a, &b, &m);
    expect("unit", &m, TEXT_TMPL, "criteria[{index}] \"{criterion}\".{key}", true, "\xc2\xb0", "deg");
    CHECK_STR(filled(&m, '.'), "criteria[0] \"angle\".unit: \"\xc2\xb0\" already there, \"deg\" in the imported folder");
    strcpy(b.result.criteria[0].def.unit, a.result.criteria[0].def.unit);

    b.result.criteria[0].def.band.has_ok_min = true;
    record_conflict_msg(&a, &b, &m);
    expect("band", &m, "{field}: not in the attempt already there, in the imported one",
           "criteria[{index}] \"{criterion}\".{key}", true, NULL, NULL);
    CHECK_STR(filled(&m, '.'), "criteria[0] \"angle\".band.ok_min: not in the attempt already there, in the imported one");
    record_conflict_msg(&b, &a, &m);
    CHECK_STR(m.tmpl, "{field}: in the attempt already there, not in the imported one");
    b.result.criteria[0].def.band.has_ok_min = false;

    /* Equal field by field. */
    record_conflict_msg(&a, &b, &m);
    CHECK_STR(m.tmpl, "the same content, written differently");
    CHECK(m.args.count == 0);
    record_finish(&a);
    record_finish(&b);
    return test_done("record_conflict");
}
