/*
 * report_blob.c - a report's arena of interned strings, and the summary
 * blob: a record without its events in a compact binary form, little-endian,
 * read back with every length, count and enum checked (the blobs of the
 * summary cache come from a file that may be damaged).
 *
 * Summary blob, version 1 (strings: u32 length + bytes; f64: IEEE bits as u64):
 *   attempt_id, trainee_id, trainee_name, scenario_id, u32 scenario_version,
 *   scenario_hash, module, u64 seed, program_version, started_at, ended_at,
 *   u8 status, u32 end_tick, f64 total, f64 pass_mark, u8 passed,
 *   u32 n_criteria x { id, message, unit, u32 decimals, f64 weight,
 *       u8 band flags (1 ok_min, 2 ok_max, 4 zero_min, 8 zero_max), f64 x 4,
 *       u8 measured, f64 value, u32 tick, f64 credit, f64 points, u8 verdict },
 *   u32 n_penalties x { id, event, u32 count, f64 points },
 *   u32 n_safety x { event, u32 tick }
 */
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "report_internal.h"

/* ---- arena ---------------------------------------------------------------------- */

#define ARENA_CHUNK (256 * 1024)

typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    /* data follows, 16-byte aligned by the header's size */
    max_align_t align_;
} Chunk;

struct ReportArena {
    Chunk *chunks;
    const char **slots; /* interned strings, open addressing */
    size_t n_slots, n_strings;
    const ReportCriterionDef **defs; /* interned criterion definitions */
    size_t n_def_slots, n_defs;
};

ReportArena *arena_create(void)
{
    return calloc(1, sizeof(ReportArena));
}

void arena_destroy(ReportArena *a)
{
    if (!a) {
        return;
    }
    for (Chunk *c = a->chunks; c;) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a->slots);
    free(a->defs);
    free(a);
}

static unsigned char *chunk_data(Chunk *c)
{
    return (unsigned char *)(c + 1);
}

void *arena_alloc(ReportArena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    Chunk *c = a->chunks;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > ARENA_CHUNK / 4 ? size : ARENA_CHUNK;
        /* calloc: large blocks come zeroed from the system without a memset. */
        Chunk *n = calloc(1, sizeof *n + cap);
        if (!n) {
            return NULL;
        }
        n->used = 0;
        n->cap = cap;
        if (size > ARENA_CHUNK / 4 && c) {
            /* A big block gets its own chunk behind the current one, which
             * keeps its free room. */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->chunks = n;
        }
        c = n;
    }
    void *p = chunk_data(c) + c->used; /* zero: chunks are never reused */
    c->used += size;
    return p;
}

static uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h = (h ^ s[i]) * 1099511628211ull;
    }
    return h;
}

static bool intern_grow(ReportArena *a)
{
    size_t n = a->n_slots ? a->n_slots * 2 : 1024;
    const char **slots = calloc(n, sizeof *slots);
    if (!slots) {
        return false;
    }
    for (size_t i = 0; i < a->n_slots; i++) {
        const char *s = a->slots[i];
        if (!s) {
            continue;
        }
        size_t k = hash_bytes(s, strlen(s)) & (n - 1);
        while (slots[k]) {
            k = (k + 1) & (n - 1);
        }
        slots[k] = s;
    }
    free(a->slots);
    a->slots = slots;
    a->n_slots = n;
    return true;
}

const char *arena_intern(ReportArena *a, const char *s, size_t len)
{
    if (2 * (a->n_strings + 1) > a->n_slots && !intern_grow(a)) {
        return NULL;
    }
    size_t k = hash_bytes(s, len) & (a->n_slots - 1);
    while (a->slots[k]) {
        const char *t = a->slots[k];
        if (strncmp(t, s, len) == 0 && t[len] == '\0') {
            return t;
        }
        k = (k + 1) & (a->n_slots - 1);
    }
    char *copy = arena_alloc(a, len + 1);
    if (!copy) {
        return NULL;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    a->slots[k] = copy;
    a->n_strings++;
    return copy;
}

const char *arena_intern_cstr(ReportArena *a, const char *s)
{
    return arena_intern(a, s, strlen(s));
}

/* Strings are interned, so their pointers stand for their texts. */
static uint64_t def_hash(const ReportCriterionDef *d)
{
    const void *parts[3] = {d->id, d->message, d->unit};
    uint64_t h = hash_bytes(parts, sizeof parts);
    h ^= hash_bytes(&d->weight, sizeof d->weight) * 31u;
    double band[4] = {d->band.ok_min, d->band.ok_max, d->band.zero_min, d->band.zero_max};
    return h ^ hash_bytes(band, sizeof band) ^ (uint64_t)d->decimals;
}

static bool def_equal(const ReportCriterionDef *a, const ReportCriterionDef *b)
{
    const Band *x = &a->band, *y = &b->band;
    return a->id == b->id && a->message == b->message && a->unit == b->unit && a->decimals == b->decimals
        && memcmp(&a->weight, &b->weight, sizeof a->weight) == 0 && x->has_ok_min == y->has_ok_min
        && x->has_ok_max == y->has_ok_max && x->has_zero_min == y->has_zero_min
        && x->has_zero_max == y->has_zero_max && memcmp(&x->ok_min, &y->ok_min, sizeof x->ok_min) == 0
        && memcmp(&x->ok_max, &y->ok_max, sizeof x->ok_max) == 0
        && memcmp(&x->zero_min, &y->zero_min, sizeof x->zero_min) == 0
        && memcmp(&x->zero_max, &y->zero_max, sizeof x->zero_max) == 0;
}

const ReportCriterionDef *arena_intern_def(ReportArena *a, const ReportCriterionDef *d)
{
    if (2 * (a->n_defs + 1) > a->n_def_slots) {
        size_t n = a->n_def_slots ? 2 * a->n_def_slots : 256;
        const ReportCriterionDef **slots = calloc(n, sizeof *slots);
        if (!slots) {
            return NULL;
        }
        for (size_t i = 0; i < a->n_def_slots; i++) {
            if (a->defs[i]) {
                size_t k = def_hash(a->defs[i]) & (n - 1);
                while (slots[k]) {
                    k = (k + 1) & (n - 1);
                }
                slots[k] = a->defs[i];
            }
        }
        free(a->defs);
        a->defs = slots;
        a->n_def_slots = n;
    }
    size_t k = def_hash(d) & (a->n_def_slots - 1);
    while (a->defs[k]) {
        if (def_equal(a->defs[k], d)) {
            return a->defs[k];
        }
        k = (k + 1) & (a->n_def_slots - 1);
    }
    ReportCriterionDef *copy = arena_alloc(a, sizeof *copy);
    if (!copy) {
        return NULL;
    }
    *copy = *d;
    a->defs[k] = copy;
    a->n_defs++;
    return copy;
}

/* ---- writing ------------------------------------------------------------------------ */

void blob_finish(Blob *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

bool blob_put_bytes(Blob *b, const void *p, size_t n)
{
    if (b->cap - b->len < n) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->len < n) {
            cap *= 2;
        }
        unsigned char *d = realloc(b->data, cap);
        if (!d) {
            return false;
        }
        b->data = d;
        b->cap = cap;
    }
    if (n) {
        memcpy(b->data + b->len, p, n);
    }
    b->len += n;
    return true;
}

bool blob_put_u8(Blob *b, unsigned v)
{
    unsigned char c = (unsigned char)v;
    return blob_put_bytes(b, &c, 1);
}

bool blob_put_u32(Blob *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return blob_put_bytes(b, c, 4);
}

bool blob_put_u64(Blob *b, uint64_t v)
{
    return blob_put_u32(b, (uint32_t)v) && blob_put_u32(b, (uint32_t)(v >> 32));
}

bool blob_put_f64(Blob *b, double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return blob_put_u64(b, u);
}

bool blob_put_str(Blob *b, const char *s)
{
    size_t n = strlen(s);
    return blob_put_u32(b, (uint32_t)n) && blob_put_bytes(b, s, n);
}

/* ---- reading ------------------------------------------------------------------------ */

static bool need(BlobReader *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return false;
    }
    return true;
}

unsigned blob_get_u8(BlobReader *r)
{
    if (!need(r, 1)) {
        return 0;
    }
    return *r->p++;
}

uint32_t blob_get_u32(BlobReader *r)
{
    if (!need(r, 4)) {
        return 0;
    }
    uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

uint64_t blob_get_u64(BlobReader *r)
{
    uint64_t lo = blob_get_u32(r);
    uint64_t hi = blob_get_u32(r);
    return lo | hi << 32;
}

double blob_get_f64(BlobReader *r)
{
    uint64_t u = blob_get_u64(r);
    double v;
    memcpy(&v, &u, sizeof v);
    return v;
}

const char *blob_get_str(BlobReader *r, size_t max_len, size_t *len)
{
    uint32_t n = blob_get_u32(r);
    *len = 0;
    if (r->bad || n > max_len || !need(r, n)) {
        r->bad = true;
        return "";
    }
    const char *s = (const char *)r->p;
    if (memchr(s, '\0', n)) {
        r->bad = true;
        return "";
    }
    r->p += n;
    *len = n;
    return s;
}

/* ---- summaries -------------------------------------------------------------------------- */

bool summary_encode(const AttemptRecord *rec, Blob *b)
{
    const Result *res = &rec->result;
    bool ok = blob_put_str(b, rec->attempt_id) && blob_put_str(b, rec->trainee_id)
        && blob_put_str(b, rec->trainee_name) && blob_put_str(b, rec->scenario_id)
        && blob_put_u32(b, (uint32_t)rec->scenario_version) && blob_put_str(b, rec->scenario_hash)
        && blob_put_str(b, rec->module) && blob_put_u64(b, rec->seed) && blob_put_str(b, rec->program_version)
        && blob_put_str(b, rec->started_at) && blob_put_str(b, rec->ended_at) && blob_put_u8(b, rec->status)
        && blob_put_u32(b, rec->end_tick) && blob_put_f64(b, res->total) && blob_put_f64(b, res->pass_mark)
        && blob_put_u8(b, res->passed) && blob_put_u32(b, (uint32_t)res->n_criteria);
    for (size_t i = 0; ok && i < res->n_criteria; i++) {
        const CriterionResult *c = &res->criteria[i];
        const Band *bd = &c->def.band;
        unsigned flags = (bd->has_ok_min ? 1u : 0u) | (bd->has_ok_max ? 2u : 0u) | (bd->has_zero_min ? 4u : 0u)
                       | (bd->has_zero_max ? 8u : 0u);
        ok = blob_put_str(b, c->def.id) && blob_put_str(b, c->def.message) && blob_put_str(b, c->def.unit)
          && blob_put_u32(b, (uint32_t)c->def.decimals) && blob_put_f64(b, c->def.weight) && blob_put_u8(b, flags)
          && blob_put_f64(b, bd->ok_min) && blob_put_f64(b, bd->ok_max) && blob_put_f64(b, bd->zero_min)
          && blob_put_f64(b, bd->zero_max) && blob_put_u8(b, c->measured) && blob_put_f64(b, c->value)
          && blob_put_u32(b, c->tick) && blob_put_f64(b, c->credit) && blob_put_f64(b, c->points)
          && blob_put_u8(b, c->verdict);
    }
    ok = ok && blob_put_u32(b, (uint32_t)res->n_penalties);
    for (size_t i = 0; ok && i < res->n_penalties; i++) {
        const PenaltyResult *p = &res->penalties[i];
        ok = blob_put_str(b, p->def.id) && blob_put_str(b, p->def.event) && blob_put_u32(b, p->count)
          && blob_put_f64(b, p->points);
    }
    ok = ok && blob_put_u32(b, (uint32_t)res->n_safety);
    for (size_t i = 0; ok && i < res->n_safety; i++) {
        ok = blob_put_str(b, res->safety[i].event) && blob_put_u32(b, res->safety[i].tick);
    }
    return ok;
}

/* Copies a string of at most cap - 1 bytes into a fixed field. */
static void get_fixed(BlobReader *r, char *out, size_t cap)
{
    size_t n = 0;
    const char *s = blob_get_str(r, cap - 1, &n);
    memcpy(out, s, n);
    out[n] = '\0';
}

static const char *get_interned(BlobReader *r, ReportArena *a, size_t max_len)
{
    size_t n = 0;
    const char *s = blob_get_str(r, max_len, &n);
    if (r->bad) {
        return "";
    }
    const char *t = arena_intern(a, s, n);
    if (!t) {
        r->bad = true;
        return "";
    }
    return t;
}

static bool finite(double x)
{
    return x == x && x - x == 0.0;
}

bool summary_decode(const unsigned char *data, size_t len, ReportArena *a, ReportAttempt *out)
{
    memset(out, 0, sizeof *out);
    BlobReader r = {data, data + len, false};
    char hash[65];
    get_fixed(&r, out->attempt_id, sizeof out->attempt_id);
    out->trainee_id = get_interned(&r, a, 63);
    out->trainee_name = get_interned(&r, a, 127);
    out->scenario_id = get_interned(&r, a, 63);
    out->scenario_version = (int)blob_get_u32(&r);
    get_fixed(&r, hash, sizeof hash);
    out->module = get_interned(&r, a, 31);
    out->seed = blob_get_u64(&r);
    out->program_version = get_interned(&r, a, 31);
    get_fixed(&r, out->started_at, sizeof out->started_at);
    get_fixed(&r, out->ended_at, sizeof out->ended_at);
    unsigned status = blob_get_u8(&r);
    out->end_tick = blob_get_u32(&r);
    out->total = blob_get_f64(&r);
    out->pass_mark = blob_get_f64(&r);
    unsigned passed = blob_get_u8(&r);
    out->passed = passed == 1;
    out->n_criteria = blob_get_u32(&r);
    if (r.bad || !record_id_valid(out->attempt_id) || !record_slug_valid(out->trainee_id)
        || !record_hash_valid(hash) || !record_time_valid(out->started_at) || !record_time_valid(out->ended_at)
        || status < ATTEMPT_FINISHED || status > ATTEMPT_TIMEOUT || passed > 1 || out->scenario_version < 1
        || out->n_criteria > RUBRIC_CRITERIA_MAX || !finite(out->total) || !finite(out->pass_mark)) {
        return false;
    }
    out->status = (AttemptStatus)status;
    out->scenario_hash = arena_intern(a, hash, 64);
    out->criteria = out->n_criteria ? arena_alloc(a, out->n_criteria * sizeof *out->criteria) : NULL;
    if (!out->scenario_hash || (out->n_criteria && !out->criteria)) {
        return false;
    }
    for (uint32_t i = 0; i < out->n_criteria && !r.bad; i++) {
        ReportCriterion *c = &out->criteria[i];
        ReportCriterionDef def;
        memset(&def, 0, sizeof def);
        def.id = get_interned(&r, a, RUBRIC_ID_MAX - 1);
        def.message = get_interned(&r, a, RUBRIC_ID_MAX - 1);
        def.unit = get_interned(&r, a, RUBRIC_UNIT_MAX - 1);
        def.decimals = (int)blob_get_u32(&r);
        def.weight = blob_get_f64(&r);
        unsigned flags = blob_get_u8(&r);
        def.band.has_ok_min = flags & 1u;
        def.band.has_ok_max = flags & 2u;
        def.band.has_zero_min = flags & 4u;
        def.band.has_zero_max = flags & 8u;
        def.band.ok_min = blob_get_f64(&r);
        def.band.ok_max = blob_get_f64(&r);
        def.band.zero_min = blob_get_f64(&r);
        def.band.zero_max = blob_get_f64(&r);
        unsigned measured = blob_get_u8(&r);
        c->measured = measured == 1;
        c->value = blob_get_f64(&r);
        c->tick = blob_get_u32(&r);
        c->credit = blob_get_f64(&r);
        c->points = blob_get_f64(&r);
        unsigned verdict = blob_get_u8(&r);
        if (flags > 15 || measured > 1 || verdict > VERDICT_MISSING || def.decimals < 0 || def.decimals > 4
            || !finite(c->credit) || !finite(c->points) || !finite(def.weight)) {
            r.bad = true;
            break;
        }
        c->verdict = (Verdict)verdict;
        c->def = arena_intern_def(a, &def);
        if (!c->def) {
            r.bad = true;
        }
    }
    out->n_penalties = blob_get_u32(&r);
    if (r.bad || out->n_penalties > RUBRIC_PENALTIES_MAX) {
        return false;
    }
    out->penalties = out->n_penalties ? arena_alloc(a, out->n_penalties * sizeof *out->penalties) : NULL;
    if (out->n_penalties && !out->penalties) {
        return false;
    }
    for (uint32_t i = 0; i < out->n_penalties && !r.bad; i++) {
        ReportPenalty *p = &out->penalties[i];
        p->id = get_interned(&r, a, RUBRIC_ID_MAX - 1);
        p->event = get_interned(&r, a, RUBRIC_ID_MAX - 1);
        p->count = blob_get_u32(&r);
        p->points = blob_get_f64(&r);
        if (!finite(p->points)) {
            r.bad = true;
        }
    }
    out->n_safety = blob_get_u32(&r);
    if (r.bad || out->n_safety > RESULT_SAFETY_MAX) {
        return false;
    }
    out->safety = out->n_safety ? arena_alloc(a, out->n_safety * sizeof *out->safety) : NULL;
    if (out->n_safety && !out->safety) {
        return false;
    }
    for (uint32_t i = 0; i < out->n_safety && !r.bad; i++) {
        out->safety[i].event = get_interned(&r, a, RUBRIC_ID_MAX - 1);
        out->safety[i].tick = blob_get_u32(&r);
    }
    out->check_detail = "";
    out->check_msg = "";
    return !r.bad && r.p == r.end;
}

static bool same_num(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

bool summary_same(const ReportAttempt *a, const ReportAttempt *b)
{
    if (strcmp(a->attempt_id, b->attempt_id) != 0 || a->trainee_id != b->trainee_id
        || a->trainee_name != b->trainee_name || a->scenario_id != b->scenario_id
        || a->scenario_version != b->scenario_version || a->scenario_hash != b->scenario_hash
        || a->module != b->module || a->seed != b->seed || a->program_version != b->program_version
        || strcmp(a->started_at, b->started_at) != 0 || strcmp(a->ended_at, b->ended_at) != 0
        || a->status != b->status || a->end_tick != b->end_tick || !same_num(a->total, b->total)
        || !same_num(a->pass_mark, b->pass_mark) || a->passed != b->passed || a->n_criteria != b->n_criteria
        || a->n_penalties != b->n_penalties || a->n_safety != b->n_safety) {
        return false;
    }
    for (uint32_t i = 0; i < a->n_criteria; i++) {
        const ReportCriterion *x = &a->criteria[i], *y = &b->criteria[i];
        if (x->def != y->def || x->measured != y->measured || !same_num(x->value, y->value) || x->tick != y->tick
            || !same_num(x->credit, y->credit) || !same_num(x->points, y->points) || x->verdict != y->verdict) {
            return false;
        }
    }
    for (uint32_t i = 0; i < a->n_penalties; i++) {
        const ReportPenalty *x = &a->penalties[i], *y = &b->penalties[i];
        if (x->id != y->id || x->event != y->event || x->count != y->count || !same_num(x->points, y->points)) {
            return false;
        }
    }
    for (uint32_t i = 0; i < a->n_safety; i++) {
        if (a->safety[i].event != b->safety[i].event || a->safety[i].tick != b->safety[i].tick) {
            return false;
        }
    }
    return true;
}
