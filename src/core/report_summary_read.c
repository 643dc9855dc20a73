/*
 * report_summary_read.c - the one reader of an attempt's summary, for both
 * places it is stored: a summary blob (report_blob.c) and an entry of the
 * summary cache (report_cache.c). The two differ only in how a shared string
 * and a criterion definition are written, so a change to the layout below is
 * made here and in the two writers (summary_encode, encode_attempt).
 *
 * Attempt layout (little-endian; str = u32 length + bytes, f64 = IEEE bits
 * as u64; "shared" = a str in a blob, a u32 index in the cache's string
 * table; "definition" = a definition written in place in a blob, a u32
 * index in the cache's definition table):
 *   str attempt_id, shared trainee_id, shared trainee_name,
 *   shared scenario_id, u32 scenario_version, shared scenario_hash,
 *   shared module, u64 seed, shared program_version, str started_at,
 *   str ended_at, u8 status, u32 end_tick, f64 total, f64 pass_mark,
 *   u8 passed,
 *   u32 n x { definition, u8 measured, f64 value, u32 tick, f64 credit,
 *             f64 points, u8 verdict },
 *   u32 n x { shared id, shared event, u32 count, f64 points },
 *   u32 n x { shared event, u32 tick }
 * Definition: shared id, shared message, shared unit, u32 decimals,
 *   f64 weight, u8 band flags (SUMMARY_BAND_*), f64 ok_min, ok_max,
 *   zero_min, zero_max.
 *
 * Every length, count, index and enum is checked: cache files may be
 * damaged, and a damaged entry must be refused, never half read.
 */
#include <string.h>

#include "fibresim/core.h"
#include "report_internal.h"

static bool finite(double x)
{
    return x == x && x - x == 0.0;
}

/* Copies a str of at most cap - 1 bytes into a fixed field. */
static void get_fixed(BlobReader *r, char *out, size_t cap)
{
    size_t n = 0;
    const char *s = blob_get_str(r, cap - 1, &n);
    memcpy(out, s, n);
    out[n] = '\0';
}

/* A shared string of at most max_len bytes, interned: read in place
 * (blob) or looked up in the cache's table (already interned). "" with
 * r->bad set when it is damaged, too long, or on OOM. */
static const char *get_shared(BlobReader *r, const SummaryTables *t, ReportArena *a, size_t max_len)
{
    if (t->strings) {
        uint32_t i = blob_get_u32(r);
        if (r->bad || i >= t->n_strings || strlen(t->strings[i]) > max_len) {
            r->bad = true;
            return "";
        }
        return t->strings[i];
    }
    size_t n = 0;
    const char *s = blob_get_str(r, max_len, &n);
    if (r->bad) {
        return "";
    }
    const char *interned = arena_intern(a, s, n);
    if (!interned) {
        r->bad = true;
        return "";
    }
    return interned;
}

unsigned summary_band_flags(const Band *b)
{
    return (b->has_ok_min ? SUMMARY_BAND_OK_MIN : 0u) | (b->has_ok_max ? SUMMARY_BAND_OK_MAX : 0u)
         | (b->has_zero_min ? SUMMARY_BAND_ZERO_MIN : 0u) | (b->has_zero_max ? SUMMARY_BAND_ZERO_MAX : 0u);
}

const ReportCriterionDef *summary_read_def(BlobReader *r, const SummaryTables *t, ReportArena *a)
{
    ReportCriterionDef d;
    memset(&d, 0, sizeof d);
    d.id = get_shared(r, t, a, RUBRIC_ID_MAX - 1);
    d.message = get_shared(r, t, a, RUBRIC_ID_MAX - 1);
    d.unit = get_shared(r, t, a, RUBRIC_UNIT_MAX - 1);
    d.decimals = (int)blob_get_u32(r);
    d.weight = blob_get_f64(r);
    unsigned flags = blob_get_u8(r);
    d.band.has_ok_min = flags & SUMMARY_BAND_OK_MIN;
    d.band.has_ok_max = flags & SUMMARY_BAND_OK_MAX;
    d.band.has_zero_min = flags & SUMMARY_BAND_ZERO_MIN;
    d.band.has_zero_max = flags & SUMMARY_BAND_ZERO_MAX;
    d.band.ok_min = blob_get_f64(r);
    d.band.ok_max = blob_get_f64(r);
    d.band.zero_min = blob_get_f64(r);
    d.band.zero_max = blob_get_f64(r);
    if (r->bad || flags > SUMMARY_BAND_ALL || d.decimals < 0 || d.decimals > 4 || !finite(d.weight)) {
        r->bad = true;
        return NULL;
    }
    const ReportCriterionDef *interned = arena_intern_def(a, &d);
    r->bad |= interned == NULL;
    return interned;
}

/* A criterion's definition: in place (blob) or an index in the cache's table. */
static const ReportCriterionDef *get_def(BlobReader *r, const SummaryTables *t, ReportArena *a)
{
    if (!t->defs) {
        return summary_read_def(r, t, a);
    }
    uint32_t i = blob_get_u32(r);
    if (r->bad || i >= t->n_defs) {
        r->bad = true;
        return NULL;
    }
    return t->defs[i];
}

/* Reads an array's count (at most max items) and allocates the items in the
 * arena. NULL for none; NULL with r->bad set if damaged or on OOM. */
static void *get_array(BlobReader *r, ReportArena *a, uint32_t max, size_t item_size, uint32_t *n /* OUT */)
{
    *n = blob_get_u32(r);
    if (r->bad || *n > max) {
        r->bad = true;
        return NULL;
    }
    void *items = *n ? arena_alloc(a, *n * item_size) : NULL;
    r->bad |= *n && !items;
    return items;
}

bool summary_read_attempt(const unsigned char *data, size_t len, const SummaryTables *t, ReportArena *a,
                          ReportAttempt *out)
{
    memset(out, 0, sizeof *out);
    BlobReader r = {data, data + len, false};
    /* Maximum lengths: the record's fields (record.h) less their NUL. */
    get_fixed(&r, out->attempt_id, sizeof out->attempt_id);
    out->trainee_id = get_shared(&r, t, a, 63);
    out->trainee_name = get_shared(&r, t, a, 127);
    out->scenario_id = get_shared(&r, t, a, 63);
    out->scenario_version = (int)blob_get_u32(&r);
    out->scenario_hash = get_shared(&r, t, a, 64);
    out->module = get_shared(&r, t, a, 31);
    out->seed = blob_get_u64(&r);
    out->program_version = get_shared(&r, t, a, 31);
    get_fixed(&r, out->started_at, sizeof out->started_at);
    get_fixed(&r, out->ended_at, sizeof out->ended_at);
    unsigned status = blob_get_u8(&r);
    out->end_tick = blob_get_u32(&r);
    out->total = blob_get_f64(&r);
    out->pass_mark = blob_get_f64(&r);
    unsigned passed = blob_get_u8(&r);
    if (r.bad || !record_id_valid(out->attempt_id) || !record_slug_valid(out->trainee_id)
        || !record_hash_valid(out->scenario_hash) || !record_time_valid(out->started_at)
        || !record_time_valid(out->ended_at) || status < ATTEMPT_FINISHED || status > ATTEMPT_TIMEOUT || passed > 1
        || out->scenario_version < 1 || !finite(out->total) || !finite(out->pass_mark)) {
        return false;
    }
    out->status = (AttemptStatus)status;
    out->passed = passed == 1;
    /* After a damaged item, r.bad stops the loops and makes every later
     * read return 0. */
    out->criteria = get_array(&r, a, RUBRIC_CRITERIA_MAX, sizeof *out->criteria, &out->n_criteria);
    for (uint32_t i = 0; i < out->n_criteria && !r.bad; i++) {
        ReportCriterion *c = &out->criteria[i];
        c->def = get_def(&r, t, a);
        unsigned measured = blob_get_u8(&r);
        c->measured = measured == 1;
        c->value = blob_get_f64(&r);
        c->tick = blob_get_u32(&r);
        c->credit = blob_get_f64(&r);
        c->points = blob_get_f64(&r);
        unsigned verdict = blob_get_u8(&r);
        c->verdict = (Verdict)verdict;
        r.bad |= measured > 1 || verdict > VERDICT_MISSING || !finite(c->credit) || !finite(c->points);
    }
    out->penalties = get_array(&r, a, RUBRIC_PENALTIES_MAX, sizeof *out->penalties, &out->n_penalties);
    for (uint32_t i = 0; i < out->n_penalties && !r.bad; i++) {
        ReportPenalty *p = &out->penalties[i];
        p->id = get_shared(&r, t, a, RUBRIC_ID_MAX - 1);
        p->event = get_shared(&r, t, a, RUBRIC_ID_MAX - 1);
        p->count = blob_get_u32(&r);
        p->points = blob_get_f64(&r);
        r.bad |= !finite(p->points);
    }
    out->safety = get_array(&r, a, RESULT_SAFETY_MAX, sizeof *out->safety, &out->n_safety);
    for (uint32_t i = 0; i < out->n_safety && !r.bad; i++) {
        out->safety[i].event = get_shared(&r, t, a, RUBRIC_ID_MAX - 1);
        out->safety[i].tick = blob_get_u32(&r);
    }
    out->check_detail = "";
    out->check_msg = "";
    return !r.bad && r.p == r.end;
}
