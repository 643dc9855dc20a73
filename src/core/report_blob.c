/*
 * report_blob.c - a report's arena of interned strings, and the summary
 * blob: a record without its events in a compact binary form, little-endian,
 * read back with every length, count and enum checked (the blobs of the
 * summary cache come from a file that may be damaged).
 *
 * Summary blob, version 1: the attempt layout of report_summary_read.c
 * (which reads it) with every string and criterion definition written in
 * place.
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
        ok = blob_put_str(b, c->def.id) && blob_put_str(b, c->def.message) && blob_put_str(b, c->def.unit)
          && blob_put_u32(b, (uint32_t)c->def.decimals) && blob_put_f64(b, c->def.weight)
          && blob_put_u8(b, summary_band_flags(bd)) && blob_put_f64(b, bd->ok_min) && blob_put_f64(b, bd->ok_max)
          && blob_put_f64(b, bd->zero_min) && blob_put_f64(b, bd->zero_max) && blob_put_u8(b, c->measured)
          && blob_put_f64(b, c->value)
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

bool summary_decode(const unsigned char *data, size_t len, ReportArena *a, ReportAttempt *out)
{
    static const SummaryTables in_place = {NULL, 0, NULL, 0};
    return summary_read_attempt(data, len, &in_place, a, out);
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
