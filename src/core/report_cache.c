/*
 * report_cache.c - the report's two local caches in DATA/cache/ (report.h):
 *
 * report-summaries.bin (binary, little-endian, rewritten whole and atomically;
 *   str = u32 length + bytes, ref = u32 index in the string table):
 *   "FSRSUM03", str program_version,
 *   u32 n, n x { str rel path, u64 size, u64 inode, u64 mtime_ns,
 *                u64 ctime_ns, u32 length, attempt }
 *   the tables:
 *     u32 n, n x str                    the string table (ids, names, hashes...)
 *     u32 n, n x definition             the criterion definitions
 *   u64 offset of the tables in the file
 *   definition and attempt: the layouts of report_summary_read.c (which
 *   reads them), each shared string a ref and each criterion's definition
 *   a u32 index in the definitions.
 *   Shared strings and definitions are written once: an entry is about
 *   650 bytes. The tables come last so that the file is written as it is
 *   encoded, a megabyte at a time (format 2 put them first, which meant
 *   building the 66 MB of a 100,000-attempt folder twice in memory before
 *   writing). A cache of another program version is ignored whole.
 *
 * verified.txt (text, appended): first line "fibresim-verified 2 <version>",
 *   then one line per record file checked: its SHA-256 (64 lowercase hex)
 *   alone for a genuine record, or followed by a space and the first
 *   difference for a mismatch, as a message (diag_msg_encode: one line of
 *   JSON, so that each reader shows it in its language; format 1 kept the
 *   English text) (the outcome is a function of the bytes and
 *   the program, so neither needs a replay again). Lines are short (under
 *   4 kB), so appends by two processes never interleave; a torn last line
 *   (power cut) is skipped. A file of another program version is started
 *   anew: a new version may score differently, and its replays decide.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fibresim/fileio.h"
#include "fibresim/journal.h"
#include "report_internal.h"

#define SUMMARY_MAGIC "FSRSUM03"
#define SUMMARY_FLUSH_BYTES ((size_t)1 << 20)
#define SUMMARY_CACHE_MAX_BYTES ((size_t)2 << 30)
#define SUMMARY_REL_MAX 4096
#define SUMMARY_BLOB_MAX (1u << 20)
#define VERIFIED_HEADER "fibresim-verified 2 "

bool file_key_equal(const FileKey *a, const FileKey *b)
{
    return a->size == b->size && a->ino == b->ino && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns;
}

void file_key_set(FileKey *k, const struct stat *st)
{
    k->size = (uint64_t)st->st_size;
    k->ino = (uint64_t)st->st_ino;
    k->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
    k->ctime_ns = (int64_t)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
}

static char *cache_path(const char *data_dir, const char *name)
{
    size_t n = strlen(data_dir) + strlen(name) + 16;
    char *p = malloc(n);
    if (p) {
        snprintf(p, n, "%s/cache/%s", data_dir, name);
    }
    return p;
}

static bool ensure_cache_dir(const char *data_dir)
{
    size_t n = strlen(data_dir) + 16;
    char *p = malloc(n);
    if (!p) {
        return false;
    }
    snprintf(p, n, "%s/cache", data_dir);
    bool ok = mkdir(p, 0755) == 0 || errno == EEXIST;
    free(p);
    return ok;
}

static uint64_t hash_rel(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    }
    return h;
}

/* ---- summaries ------------------------------------------------------------------ */

bool summary_cache_decode(const SummaryCache *c, const SummaryEntry *e, ReportArena *a, ReportAttempt *out)
{
    SummaryTables t = {c->strings, c->n_strings, c->defs, c->n_defs};
    return summary_read_attempt(e->data, e->len, &t, a, out);
}

bool summary_cache_parse(SummaryCache *c, unsigned char *bytes, size_t len, const char *program_version,
                         ReportArena *a)
{
    memset(c, 0, sizeof *c);
    c->bytes = bytes;
    size_t magic = strlen(SUMMARY_MAGIC);
    if (len < magic || memcmp(bytes, SUMMARY_MAGIC, magic) != 0) {
        goto bad;
    }
    BlobReader r = {bytes + magic, bytes + len, false};
    size_t vlen = 0;
    const char *v = blob_get_str(&r, 64, &vlen);
    if (r.bad || vlen != strlen(program_version) || memcmp(v, program_version, vlen) != 0) {
        goto bad;
    }
    /* The tables, at the offset the last 8 bytes give. */
    size_t entries_at = (size_t)(r.p - bytes);
    if (r.bad || len - entries_at < 12) {
        goto bad;
    }
    BlobReader trailer = {bytes + len - 8, bytes + len, false};
    uint64_t tables_at = blob_get_u64(&trailer);
    if (tables_at < entries_at + 4 || tables_at > len - 8) {
        goto bad;
    }
    BlobReader t = {bytes + tables_at, bytes + len - 8, false};
    /* Counts are checked against the bytes left (each item takes at least
     * 4 bytes), so a damaged count cannot ask for a huge allocation. */
    uint32_t n = blob_get_u32(&t);
    if (t.bad || n > (size_t)(t.end - t.p) / 4) {
        goto bad;
    }
    c->strings = calloc(n ? n : 1, sizeof *c->strings);
    if (!c->strings) {
        goto bad;
    }
    for (uint32_t i = 0; i < n && !t.bad; i++) {
        size_t sl = 0;
        const char *s = blob_get_str(&t, SUMMARY_REL_MAX, &sl);
        c->strings[i] = t.bad ? NULL : arena_intern(a, s, sl);
        t.bad |= c->strings[i] == NULL;
        c->n_strings++;
    }
    n = blob_get_u32(&t);
    if (t.bad || n > (size_t)(t.end - t.p) / 4) {
        goto bad;
    }
    c->defs = calloc(n ? n : 1, sizeof *c->defs);
    if (!c->defs) {
        goto bad;
    }
    SummaryTables strings_only = {c->strings, c->n_strings, NULL, 0};
    for (uint32_t i = 0; i < n && !t.bad; i++) {
        c->defs[i] = summary_read_def(&t, &strings_only, a);
        c->n_defs += c->defs[i] != NULL;
    }
    if (t.bad || t.p != t.end) {
        goto bad;
    }
    /* The entries, between the header and the tables. */
    r.end = bytes + tables_at;
    n = blob_get_u32(&r);
    if (r.bad || n > (size_t)(r.end - r.p) / 40) {
        goto bad;
    }
    c->entries = calloc(n ? n : 1, sizeof *c->entries);
    if (!c->entries) {
        goto bad;
    }
    for (uint32_t i = 0; i < n && !r.bad; i++) {
        SummaryEntry *e = &c->entries[i];
        e->rel = blob_get_str(&r, SUMMARY_REL_MAX, &e->rel_len);
        e->key.size = blob_get_u64(&r);
        e->key.ino = blob_get_u64(&r);
        e->key.mtime_ns = (int64_t)blob_get_u64(&r);
        e->key.ctime_ns = (int64_t)blob_get_u64(&r);
        uint32_t bl = blob_get_u32(&r);
        if (r.bad || bl > SUMMARY_BLOB_MAX || (size_t)(r.end - r.p) < bl) {
            r.bad = true;
            break;
        }
        e->data = r.p;
        e->len = bl;
        r.p += bl;
    }
    if (r.bad || r.p != r.end) {
        goto bad;
    }
    c->count = n;
    size_t slots = 16;
    while (slots < 2 * c->count) {
        slots *= 2;
    }
    c->slots = calloc(slots, sizeof *c->slots);
    if (!c->slots) {
        goto bad;
    }
    c->n_slots = slots;
    for (size_t i = 0; i < c->count; i++) {
        size_t k = hash_rel(c->entries[i].rel, c->entries[i].rel_len) & (slots - 1);
        while (c->slots[k]) {
            k = (k + 1) & (slots - 1);
        }
        c->slots[k] = i + 1;
    }
    return true;
bad:
    summary_cache_finish(c);
    return false;
}

void summary_cache_load(SummaryCache *c, const char *data_dir, const char *program_version, ReportArena *a)
{
    memset(c, 0, sizeof *c);
    char *path = cache_path(data_dir, "report-summaries.bin");
    size_t len = 0;
    int e = 0;
    unsigned char *bytes = path ? (unsigned char *)fs_read_file(path, SUMMARY_CACHE_MAX_BYTES, &len, &e) : NULL;
    free(path);
    if (bytes) {
        summary_cache_parse(c, bytes, len, program_version, a);
    }
}

const SummaryEntry *summary_cache_find(const SummaryCache *c, const char *rel, size_t rel_len)
{
    if (!c->n_slots) {
        return NULL;
    }
    size_t k = hash_rel(rel, rel_len) & (c->n_slots - 1);
    while (c->slots[k]) {
        const SummaryEntry *e = &c->entries[c->slots[k] - 1];
        if (e->rel_len == rel_len && memcmp(e->rel, rel, rel_len) == 0) {
            return e;
        }
        k = (k + 1) & (c->n_slots - 1);
    }
    return NULL;
}

void summary_cache_finish(SummaryCache *c)
{
    free(c->bytes);
    free(c->strings);
    free(c->defs);
    free(c->entries);
    free(c->slots);
    memset(c, 0, sizeof *c);
}

/* Pointer -> index map for the string and definition tables of a save. */
typedef struct PtrMap {
    const void **keys;
    uint32_t *values;
    size_t cap, count;
    const void **order;   /* keys in index order */
} PtrMap;

static size_t ptr_hash(const void *p, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15ull;
    return (size_t)(h >> 17) & (cap - 1);
}

/* Index of p, added if new; UINT32_MAX on OOM. */
static uint32_t ptrmap_index(PtrMap *m, const void *p)
{
    if (2 * (m->count + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 256;
        const void **keys = calloc(cap, sizeof *keys);
        uint32_t *values = calloc(cap, sizeof *values);
        const void **order = realloc(m->order, cap * sizeof *order);
        if (!keys || !values || !order) {
            free(keys);
            free(values);
            if (order) {
                m->order = order;
            }
            return UINT32_MAX;
        }
        m->order = order;
        for (size_t i = 0; i < m->cap; i++) {
            if (m->keys[i]) {
                size_t k = ptr_hash(m->keys[i], cap);
                while (keys[k]) {
                    k = (k + 1) & (cap - 1);
                }
                keys[k] = m->keys[i];
                values[k] = m->values[i];
            }
        }
        free(m->keys);
        free(m->values);
        m->keys = keys;
        m->values = values;
        m->cap = cap;
    }
    size_t k = ptr_hash(p, m->cap);
    while (m->keys[k]) {
        if (m->keys[k] == p) {
            return m->values[k];
        }
        k = (k + 1) & (m->cap - 1);
    }
    m->keys[k] = p;
    m->values[k] = (uint32_t)m->count;
    m->order[m->count] = p;
    return (uint32_t)m->count++;
}

static void ptrmap_finish(PtrMap *m)
{
    free(m->keys);
    free(m->values);
    free(m->order);
    memset(m, 0, sizeof *m);
}

typedef struct SaveCtx {
    PtrMap strings, defs;
    bool oom;
} SaveCtx;

static bool put_ref(Blob *b, SaveCtx *s, const char *str)
{
    uint32_t i = ptrmap_index(&s->strings, str);
    s->oom |= i == UINT32_MAX;
    return blob_put_u32(b, i);
}

static bool encode_attempt(Blob *b, SaveCtx *s, const ReportAttempt *a)
{
    bool ok = blob_put_str(b, a->attempt_id) && put_ref(b, s, a->trainee_id) && put_ref(b, s, a->trainee_name)
        && put_ref(b, s, a->scenario_id) && blob_put_u32(b, (uint32_t)a->scenario_version)
        && put_ref(b, s, a->scenario_hash) && put_ref(b, s, a->module) && blob_put_u64(b, a->seed)
        && put_ref(b, s, a->program_version) && blob_put_str(b, a->started_at) && blob_put_str(b, a->ended_at)
        && blob_put_u8(b, a->status) && blob_put_u32(b, a->end_tick) && blob_put_f64(b, a->total)
        && blob_put_f64(b, a->pass_mark) && blob_put_u8(b, a->passed) && blob_put_u32(b, a->n_criteria);
    for (uint32_t i = 0; ok && i < a->n_criteria; i++) {
        const ReportCriterion *c = &a->criteria[i];
        uint32_t d = ptrmap_index(&s->defs, c->def);
        s->oom |= d == UINT32_MAX;
        ok = blob_put_u32(b, d) && blob_put_u8(b, c->measured) && blob_put_f64(b, c->value)
          && blob_put_u32(b, c->tick) && blob_put_f64(b, c->credit) && blob_put_f64(b, c->points)
          && blob_put_u8(b, c->verdict);
    }
    ok = ok && blob_put_u32(b, a->n_penalties);
    for (uint32_t i = 0; ok && i < a->n_penalties; i++) {
        const ReportPenalty *p = &a->penalties[i];
        ok = put_ref(b, s, p->id) && put_ref(b, s, p->event) && blob_put_u32(b, p->count)
          && blob_put_f64(b, p->points);
    }
    ok = ok && blob_put_u32(b, a->n_safety);
    for (uint32_t i = 0; ok && i < a->n_safety; i++) {
        ok = put_ref(b, s, a->safety[i].event) && blob_put_u32(b, a->safety[i].tick);
    }
    return ok && !s->oom;
}

/* A save in progress: the bytes go out a megabyte at a time. */
typedef struct SaveRun {
    const char *program_version;
    const SummarySave *items;
    size_t count;
    SaveCtx s;
    Blob out, one, defs;
    uint64_t written; /* bytes handed to the sink so far */
} SaveRun;

static bool flush_out(SaveRun *run, JournalSink *sink, size_t at_least)
{
    if (run->out.len < at_least) {
        return true;
    }
    bool ok = journal_sink_write(sink, run->out.data, run->out.len);
    run->written += run->out.len;
    run->out.len = 0;
    return ok;
}

static bool produce_cache(void *user, JournalSink *sink)
{
    SaveRun *run = user;
    Blob *out = &run->out;
    bool ok = blob_put_bytes(out, SUMMARY_MAGIC, strlen(SUMMARY_MAGIC)) && blob_put_str(out, run->program_version)
           && blob_put_u32(out, (uint32_t)run->count);
    for (size_t i = 0; ok && i < run->count; i++) {
        const SummarySave *it = &run->items[i];
        run->one.len = 0;
        ok = encode_attempt(&run->one, &run->s, it->attempt) && blob_put_str(out, it->rel)
          && blob_put_u64(out, it->key.size) && blob_put_u64(out, it->key.ino)
          && blob_put_u64(out, (uint64_t)it->key.mtime_ns) && blob_put_u64(out, (uint64_t)it->key.ctime_ns)
          && blob_put_u32(out, (uint32_t)run->one.len) && blob_put_bytes(out, run->one.data, run->one.len)
          && flush_out(run, sink, SUMMARY_FLUSH_BYTES);
    }
    uint64_t tables_at = run->written + out->len;
    /* Definitions name strings too: index them before the string table is written. */
    SaveCtx *s = &run->s;
    Blob *defs = &run->defs;
    ok = ok && blob_put_u32(defs, (uint32_t)s->defs.count);
    for (size_t i = 0; ok && i < s->defs.count; i++) {
        const ReportCriterionDef *d = s->defs.order[i];
        const Band *bd = &d->band;
        ok = put_ref(defs, s, d->id) && put_ref(defs, s, d->message) && put_ref(defs, s, d->unit)
          && blob_put_u32(defs, (uint32_t)d->decimals) && blob_put_f64(defs, d->weight)
          && blob_put_u8(defs, summary_band_flags(bd)) && blob_put_f64(defs, bd->ok_min) && blob_put_f64(defs, bd->ok_max)
          && blob_put_f64(defs, bd->zero_min) && blob_put_f64(defs, bd->zero_max) && !s->oom;
    }
    ok = ok && blob_put_u32(out, (uint32_t)s->strings.count);
    for (size_t i = 0; ok && i < s->strings.count; i++) {
        ok = blob_put_str(out, s->strings.order[i]) && flush_out(run, sink, SUMMARY_FLUSH_BYTES);
    }
    return ok && blob_put_bytes(out, defs->data, defs->len) && blob_put_u64(out, tables_at) && flush_out(run, sink, 0);
}

bool summary_cache_save(const char *data_dir, const char *program_version, const SummarySave *items, size_t count)
{
    SaveRun run;
    memset(&run, 0, sizeof run);
    run.program_version = program_version;
    run.items = items;
    run.count = count;
    char *path = ensure_cache_dir(data_dir) ? cache_path(data_dir, "report-summaries.bin") : NULL;
    bool ok = path && journal_write_file_atomic_from(path, produce_cache, &run, NULL, 0) == JOURNAL_OK;
    free(path);
    blob_finish(&run.out);
    blob_finish(&run.one);
    blob_finish(&run.defs);
    ptrmap_finish(&run.s.strings);
    ptrmap_finish(&run.s.defs);
    return ok;
}

/* ---- verified content hashes -------------------------------------------------------- */

void hashset_finish(HashSet *s)
{
    for (size_t i = 0; s->values && i < s->cap; i++) {
        free(s->values[i]);
    }
    free(s->values);
    free(s->items);
    memset(s, 0, sizeof *s);
}

static size_t hex_slot(const char *hex, size_t cap)
{
    /* The hash is uniform already: its first 16 hex digits index the table. */
    uint64_t h = 0;
    for (int i = 0; i < 16; i++) {
        char c = hex[i];
        h = h << 4 | (uint64_t)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return (size_t)(h & (cap - 1));
}

/* Slot of hex, or -1 if absent. */
static long find_slot(const HashSet *s, const char *hex)
{
    if (!s->cap) {
        return -1;
    }
    for (size_t k = hex_slot(hex, s->cap); s->items[k][0]; k = (k + 1) & (s->cap - 1)) {
        if (memcmp(s->items[k], hex, 64) == 0) {
            return (long)k;
        }
    }
    return -1;
}

bool hashset_has(const HashSet *s, const char *hex)
{
    return find_slot(s, hex) >= 0;
}

const char *hashset_value(const HashSet *s, const char *hex)
{
    long k = find_slot(s, hex);
    return k >= 0 && s->values ? s->values[k] : NULL;
}

bool hashset_add_value(HashSet *s, const char *hex, const char *value)
{
    if (hashset_has(s, hex)) {
        return true;
    }
    if (2 * (s->count + 1) > s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 1024;
        char(*items)[65] = calloc(cap, sizeof *items);
        char **values = calloc(cap, sizeof *values);
        if (!items || !values) {
            free(items);
            free(values);
            return false;
        }
        for (size_t i = 0; i < s->cap; i++) {
            if (s->items[i][0]) {
                size_t k = hex_slot(s->items[i], cap);
                while (items[k][0]) {
                    k = (k + 1) & (cap - 1);
                }
                memcpy(items[k], s->items[i], 65);
                values[k] = s->values ? s->values[i] : NULL;
            }
        }
        free(s->items);
        free(s->values);
        s->items = items;
        s->values = values;
        s->cap = cap;
    }
    char *copy = NULL;
    if (value) {
        size_t n = strlen(value) + 1;
        copy = malloc(n);
        if (!copy) {
            return false;
        }
        memcpy(copy, value, n);
    }
    size_t k = hex_slot(hex, s->cap);
    while (s->items[k][0]) {
        k = (k + 1) & (s->cap - 1);
    }
    memcpy(s->items[k], hex, 64);
    s->items[k][64] = '\0';
    s->values[k] = copy;
    s->count++;
    return true;
}

bool hashset_add(HashSet *s, const char *hex)
{
    return hashset_add_value(s, hex, NULL);
}

static bool header_matches(const char *text, size_t len, const char *version, size_t *body)
{
    char want[128];
    snprintf(want, sizeof want, VERIFIED_HEADER "%s\n", version);
    size_t n = strlen(want);
    if (len < n || memcmp(text, want, n) != 0) {
        return false;
    }
    *body = n;
    return true;
}

void verified_cache_load(HashSet *verified, HashSet *mismatched, const char *data_dir, const char *program_version)
{
    char *path = cache_path(data_dir, "verified.txt");
    size_t len = 0, at = 0;
    int e = 0;
    char *text = path ? fs_read_file(path, SUMMARY_CACHE_MAX_BYTES, &len, &e) : NULL;
    free(path);
    if (!text || !header_matches(text, len, program_version, &at)) {
        free(text);
        return;
    }
    while (at < len) {
        char *nl = memchr(text + at, '\n', len - at);
        if (!nl) {
            break; /* a torn last line */
        }
        *nl = '\0';
        char *line = text + at;
        size_t n = (size_t)(nl - line);
        at = (size_t)(nl - text) + 1;
        if (n < 64) {
            continue;
        }
        char hex[65];
        memcpy(hex, line, 64);
        hex[64] = '\0';
        if (!record_hash_valid(hex)) {
            continue;
        }
        bool ok = true;
        if (n == 64) {
            ok = hashset_add(verified, hex);
        } else if (line[64] == ' ' && n > 65 && mismatched) {
            ok = hashset_add_value(mismatched, hex, line + 65);
        }
        if (!ok) {
            break;
        }
    }
    free(text);
}

bool verified_cache_append(const char *data_dir, const char *program_version, char (*hashes)[65],
                           char *const *details, size_t n)
{
    if (n == 0) {
        return true;
    }
    if (!ensure_cache_dir(data_dir)) {
        return false;
    }
    char *path = cache_path(data_dir, "verified.txt");
    if (!path) {
        return false;
    }
    /* A file of another version (or none) starts anew, atomically. */
    char head[160];
    int hn = snprintf(head, sizeof head, VERIFIED_HEADER "%s\n", program_version);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool fresh = true;
    if (fd >= 0) {
        char got[160];
        ssize_t r = read(fd, got, (size_t)hn);
        fresh = r != hn || memcmp(got, head, (size_t)hn) != 0;
        close(fd);
    }
    bool ok = true;
    if (fresh) {
        ok = journal_write_file_atomic(path, head, (size_t)hn, NULL, 0) == JOURNAL_OK;
    }
    fd = ok ? open(path, O_WRONLY | O_APPEND | O_CLOEXEC) : -1;
    ok = fd >= 0;
    for (size_t i = 0; ok && i < n; i++) {
        /* One write per line: appends of two processes never interleave. */
        char line[4096];
        size_t len = 64;
        memcpy(line, hashes[i], 64);
        if (details && details[i]) {
            line[len++] = ' ';
            for (const char *c = details[i]; *c && len < sizeof line - 2; c++) {
                line[len++] = (*c == '\n' || *c == '\r') ? ' ' : *c;
            }
        }
        line[len++] = '\n';
        ok = write(fd, line, len) == (ssize_t)len;
    }
    if (fd >= 0 && close(fd) != 0) {
        ok = false;
    }
    free(path);
    return ok;
}
