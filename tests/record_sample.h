/*
 * record_sample.h - a complete attempt record for the record and journal
 * tests: every event kind, numbers that cJSON alone would not print back
 * exactly, a 64-bit seed, band and table criteria, a penalty, a safety fault.
 */
#ifndef FIBRESIM_TEST_RECORD_SAMPLE_H
#define FIBRESIM_TEST_RECORD_SAMPLE_H

#include <float.h>
#include <stdint.h>
#include <string.h>

#include "fibresim/record.h"

/* SHA-256("abc"), FIPS 180-2 appendix B.1: the sample's scenario bytes are "abc". */
#define SAMPLE_SCENARIO_TEXT "abc"
#define SAMPLE_SCENARIO_HASH "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

/* 433.56593406593407 prints as 433.565934065934 with cJSON's "%1.15g", which
 * reads back one ulp away: the case that made jsonout.c necessary. */
#define SAMPLE_LOSSY_DOUBLE 433.56593406593407

static inline void sample_result(Result *r)
{
    memset(r, 0, sizeof *r);
    r->status = ATTEMPT_FINISHED;
    r->ticks = 13612;
    r->total = 200.0 / 3.0;
    r->pass_mark = 70;
    r->passed = false;
    r->n_criteria = 2;
    CriterionResult *a = &r->criteria[0];
    strcpy(a->def.id, "angle");
    strcpy(a->def.measure, "cleave_angle_deg");
    strcpy(a->def.message, "cleave_angle");
    strcpy(a->def.unit, "\xc2\xb0"); /* degree sign */
    a->def.decimals = 1;
    a->def.weight = 3;
    a->def.band.has_ok_max = true;
    a->def.band.ok_max = 0.5;
    a->def.band.has_zero_max = true;
    a->def.band.zero_max = 1.0;
    a->measured = true;
    a->value = SAMPLE_LOSSY_DOUBLE / 578.0;
    a->tick = 500;
    a->credit = 1.0 / 3.0;
    a->points = 300.0 / 7.0;
    a->verdict = VERDICT_PARTIAL;
    CriterionResult *b = &r->criteria[1];
    strcpy(b->def.id, "strip");
    strcpy(b->def.measure, "strip_length_mm");
    strcpy(b->def.message, "strip_length");
    strcpy(b->def.unit, "mm");
    b->def.decimals = 0;
    b->def.weight = 0.1;
    b->def.table.count = 3;
    b->def.table.x[0] = 0;
    b->def.table.x[1] = 10.1;
    b->def.table.x[2] = 20;
    b->def.table.credit[0] = 0;
    b->def.table.credit[1] = 1.0 / 3.0;
    b->def.table.credit[2] = 1;
    b->verdict = VERDICT_MISSING;
    r->n_penalties = 1;
    strcpy(r->penalties[0].def.id, "hints");
    strcpy(r->penalties[0].def.event, "hint_used");
    r->penalties[0].def.points = 2;
    r->penalties[0].def.max_points = 10;
    r->penalties[0].count = 3;
    r->penalties[0].points = 6;
    r->n_safety = 1;
    strcpy(r->safety[0].event, "offcut_left");
    r->safety[0].tick = 1200;
}

/* A record whose attempt id is built from id_bits (distinct ids for distinct
 * values) and whose events are n_events pointer moves after a fixed prefix. */
static inline void sample_record(AttemptRecord *r, uint64_t id_bits, size_t n_events)
{
    record_init(r);
    record_make_id("20261126T023654Z", id_bits, r->attempt_id);
    strcpy(r->trainee_id, "elodie-n-diaye");
    strcpy(r->trainee_name, "\xc3\x89lodie N'Diaye");
    strcpy(r->scenario_id, "tutorial.drag-to-mark");
    r->scenario_version = 3;
    strcpy(r->scenario_hash, SAMPLE_SCENARIO_HASH);
    strcpy(r->module, "tutorial");
    r->seed = UINT64_MAX; /* 2^64 - 1: a JSON number would round it to 2^64 */
    strcpy(r->program_version, "0.1.0");
    strcpy(r->started_at, "2026-11-26T02:36:54Z");
    strcpy(r->ended_at, "2026-11-26T02:39:10Z");
    r->status = ATTEMPT_FINISHED;
    r->end_tick = 13612;
    sample_result(&r->result);
    InputEvent ev[] = {
        input_pointer(0, INPUT_POINTER_DOWN, 0, 12.5, 40.25),
        input_pointer(1, INPUT_POINTER_MOVE, 0, SAMPLE_LOSSY_DOUBLE, -0.0),
        input_pointer(1, INPUT_POINTER_MOVE, 1, 0.1, 1.0 / 3.0),
        input_pointer(2, INPUT_POINTER_UP, 1, 4.9406564584124654e-324 /* smallest subnormal */, DBL_MAX),
        input_key(3, ACTION_CONFIRM),
        input_key(3, ACTION_HINT),
        input_wheel(4, -1e-300, 2.5e+300, -3),
        input_choice(5, "accept_splice"),
    };
    for (size_t i = 0; i < sizeof ev / sizeof ev[0]; i++) {
        input_log_push(&r->events, &ev[i]);
    }
    for (size_t i = 0; i < n_events; i++) {
        InputEvent m = input_pointer((uint32_t)(6 + i / 4), INPUT_POINTER_MOVE, 0, 10.0 + (double)i * 0.01,
                                     40.0 - (double)i / 7.0);
        input_log_push(&r->events, &m);
    }
}

#endif
