/*
 * report.c - building a report (report.h): list the record files of every
 * folder, get each one's summary (from the cache or the file's head), drop
 * duplicates and mark conflicts, filter, verify, then sum up per trainee,
 * module and group (report_aggregate.c).
 *
 * Steps that touch many files (summaries, verification) run on
 * opt->threads threads, each file in its own slot; everything that orders
 * or sums runs after, on one thread, so the output never depends on timing.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fibresim/core.h"
#include "fibresim/journal.h"
#include "report_aggregate.h"
#include "report_internal.h"
#include "report_verify.h"

/* ---- running over many items on several threads ------------------------------------ */

typedef void (*ItemFn)(void *ctx, size_t i);

typedef struct Pool {
    size_t n, next;
    pthread_mutex_t lock;
    ItemFn fn;
    void *ctx;
} Pool;

#define POOL_BATCH 8

static void *pool_worker(void *arg)
{
    Pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next;
        p->next += POOL_BATCH;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n) {
            return NULL;
        }
        size_t end = i + POOL_BATCH < p->n ? i + POOL_BATCH : p->n;
        for (; i < end; i++) {
            p->fn(p->ctx, i);
        }
    }
}

/* Calls fn(ctx, i) for i in [0, n) on up to `threads` threads (the calling
 * one included). Falls back to one thread if threads cannot be started. */
static void run_parallel(size_t n, unsigned threads, ItemFn fn, void *ctx)
{
    Pool p = {.n = n, .fn = fn, .ctx = ctx};
    if (threads > 64) {
        threads = 64;
    }
    if (threads <= 1 || n < 2 * POOL_BATCH || pthread_mutex_init(&p.lock, NULL) != 0) {
        for (size_t i = 0; i < n; i++) {
            fn(ctx, i);
        }
        return;
    }
    pthread_t tid[64];
    unsigned started = 0;
    for (unsigned t = 1; t < threads; t++) {
        if (pthread_create(&tid[started], NULL, pool_worker, &p) == 0) {
            started++;
        }
    }
    pool_worker(&p);
    for (unsigned t = 0; t < started; t++) {
        pthread_join(tid[t], NULL);
    }
    pthread_mutex_destroy(&p.lock);
}

/* Reads items on several threads while the calling thread consumes them in
 * order, a batch at a time: fn(ctx, i) for every i in [0, n), and
 * consume(ctx, from, to) on the calling thread for each batch of `batch`
 * items (a multiple of POOL_BATCH) once all of it is read. The calling
 * thread reads too whenever the next batch is not complete, so the serial
 * consuming overlaps the reading instead of following it. Items are claimed
 * POOL_BATCH at a time; a batch's count is published with release order,
 * so the consumer sees every write fn made. false as soon as consume does. */
typedef struct Ordered {
    size_t n, batch, n_batches;
    atomic_size_t next;  /* first item not yet claimed */
    atomic_size_t *done; /* per batch: items read */
    ItemFn fn;
    void *ctx;
} Ordered;

/* Reads one claim of items; false when every item is claimed. */
static bool ordered_read_some(Ordered *o)
{
    size_t i = atomic_fetch_add_explicit(&o->next, POOL_BATCH, memory_order_relaxed);
    if (i >= o->n) {
        return false;
    }
    size_t end = i + POOL_BATCH < o->n ? i + POOL_BATCH : o->n;
    for (size_t k = i; k < end; k++) {
        o->fn(o->ctx, k);
    }
    atomic_fetch_add_explicit(&o->done[i / o->batch], end - i, memory_order_release);
    return true;
}

static void *ordered_worker(void *arg)
{
    while (ordered_read_some(arg)) {
    }
    return NULL;
}

static bool run_ordered(size_t n, size_t batch, unsigned threads, ItemFn fn,
                        bool (*consume)(void *ctx, size_t from, size_t to), void *ctx)
{
    Ordered o = {.n = n, .batch = batch, .n_batches = (n + batch - 1) / batch, .fn = fn, .ctx = ctx};
    atomic_init(&o.next, 0);
    o.done = malloc((o.n_batches ? o.n_batches : 1) * sizeof *o.done);
    if (!o.done) {
        return false;
    }
    for (size_t k = 0; k < o.n_batches; k++) {
        atomic_init(&o.done[k], 0);
    }
    pthread_t tid[64];
    unsigned started = 0;
    for (unsigned t = 1; t < threads && t < 64 && n > batch; t++) {
        if (pthread_create(&tid[started], NULL, ordered_worker, &o) == 0) {
            started++;
        }
    }
    bool ok = true;
    for (size_t k = 0; k < o.n_batches && ok;) {
        size_t from = k * batch, to = from + batch < n ? from + batch : n;
        if (atomic_load_explicit(&o.done[k], memory_order_acquire) == to - from) {
            ok = consume(ctx, from, to);
            k++;
        } else if (!ordered_read_some(&o)) {
            sched_yield(); /* a worker is finishing its last claim of this batch */
        }
    }
    if (!ok) {
        atomic_store(&o.next, n); /* the workers stop after their current claim */
    }
    for (unsigned t = 0; t < started; t++) {
        pthread_join(tid[t], NULL);
    }
    free(o.done);
    return ok;
}

/* ---- listing the record files ---------------------------------------------------------- */

typedef struct FileItem {
    char *path;                 /* owned */
    size_t rel_off;             /* start of the path relative to its data folder */
    unsigned dir;
    bool conflict_copy;         /* "<id>.conflict-<hash>.json" */
    bool have_key;              /* false: stat it when its turn comes */
    FileKey key;
    const SummaryEntry *cached; /* borrowed from the folder's summary cache */
    Blob blob;                  /* owned: summary read from the file */
    Diag *problem;              /* owned: why the file is unreadable */
    bool ok;
    bool fresh;                 /* summary read from the file, not the cache */
    bool decoded;
    size_t attempt;             /* index in the decoded list */
} FileItem;

typedef struct FileList {
    FileItem *items;
    size_t count, cap;
} FileList;

static bool has_suffix(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* st NULL: a regular file by its directory entry, stat()ed later, on the
 * reading threads (one stat per file is a tenth of a cold report). */
static bool list_add(FileList *l, const char *dir_path, size_t data_len, const char *sub, const char *name,
                     unsigned dir, const struct stat *st)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 1024;
        FileItem *m = realloc(l->items, cap * sizeof *m);
        if (!m) {
            return false;
        }
        l->items = m;
        l->cap = cap;
    }
    size_t n = strlen(dir_path) + strlen(sub) + strlen(name) + 4;
    char *p = malloc(n);
    if (!p) {
        return false;
    }
    snprintf(p, n, "%s/%s%s%s", dir_path, sub, sub[0] ? "/" : "", name);
    FileItem *it = &l->items[l->count++];
    memset(it, 0, sizeof *it);
    it->path = p;
    it->rel_off = data_len + 1;
    it->dir = dir;
    it->conflict_copy = strstr(name, ".conflict-") != NULL;
    if (st) {
        file_key_set(&it->key, st);
        it->have_key = true;
    }
    return true;
}

/* Record files of one folder level: "*.json" regular files, hidden names skipped. */
static bool list_level(FileList *l, const char *data, const char *sub, unsigned dir, char ***subdirs, size_t *n_sub)
{
    size_t n = strlen(data) + strlen(sub) + 2;
    char *path = malloc(n);
    if (!path) {
        return false;
    }
    snprintf(path, n, "%s/%s", data, sub);
    DIR *d = opendir(path);
    free(path);
    if (!d) {
        return true; /* no attempts yet */
    }
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.') {
            continue;
        }
        /* The entry's type is enough for what is plainly a file or a folder;
         * links and file systems that do not say are stat()ed. */
        if (e->d_type == DT_REG) {
            if (has_suffix(e->d_name, ".json")) {
                ok = list_add(l, data, strlen(data), sub, e->d_name, dir, NULL);
            }
            continue;
        }
        if (e->d_type == DT_DIR && !subdirs) {
            continue;
        }
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, 0) != 0) {
            continue;
        }
        if (S_ISDIR(st.st_mode) && subdirs) {
            char **m = realloc(*subdirs, (*n_sub + 1) * sizeof *m);
            size_t sn = strlen(sub) + strlen(e->d_name) + 2;
            char *s = m ? malloc(sn) : NULL;
            if (m) {
                *subdirs = m;
            }
            if (!s) {
                ok = false;
                break;
            }
            snprintf(s, sn, "%s/%s", sub, e->d_name);
            m[(*n_sub)++] = s;
        } else if (S_ISREG(st.st_mode) && has_suffix(e->d_name, ".json")) {
            ok = list_add(l, data, strlen(data), sub, e->d_name, dir, &st);
        }
    }
    closedir(d);
    return ok;
}

static int cmp_item_path(const void *a, const void *b)
{
    const FileItem *x = a, *y = b;
    if (x->dir != y->dir) {
        return x->dir < y->dir ? -1 : 1;
    }
    return strcmp(x->path, y->path);
}

static bool list_folder(FileList *l, const char *data, unsigned dir)
{
    char **subs = NULL;
    size_t n_sub = 0;
    bool ok = list_level(l, data, "attempts", dir, &subs, &n_sub);
    for (size_t i = 0; i < n_sub; i++) {
        ok = ok && list_level(l, data, subs[i], dir, NULL, NULL);
        free(subs[i]);
    }
    free(subs);
    return ok;
}

/* ---- summaries ------------------------------------------------------------------------------- */

typedef struct SummaryCtx {
    FileList *files;
    SummaryCache *caches;  /* one per folder */
    bool use_cache;        /* false: no file key needed */
} SummaryCtx;

static void read_summary(void *arg, size_t i)
{
    SummaryCtx *c = arg;
    FileItem *it = &c->files->items[i];
    const char *rel = it->path + it->rel_off;
    const SummaryEntry *e = c->use_cache ? summary_cache_find(&c->caches[it->dir], rel, strlen(rel)) : NULL;
    if (e && !it->have_key) {
        struct stat st;
        it->have_key = stat(it->path, &st) == 0 && S_ISREG(st.st_mode);
        if (it->have_key) {
            file_key_set(&it->key, &st);
        }
    }
    if (e && it->have_key && file_key_equal(&e->key, &it->key)) {
        it->cached = e;
        it->ok = true;
        return;
    }
    /* Not in the cache (every file of a first report): the key for the
     * next one comes from the open file, which saves a path lookup. */
    bool want_key = c->use_cache && !it->have_key;
    Diag problem;
    /* Gone or replaced since the listing: the read says what it found. */
    it->ok = summary_read_file(it->path, it->have_key ? it->key.size : 0, want_key ? &it->key : NULL,
                               want_key ? &it->have_key : NULL, &it->blob, &problem);
    if (!it->ok) {
        it->problem = malloc(sizeof *it->problem);
        if (it->problem) {
            *it->problem = problem;
        }
    }
}

/* ---- the build ------------------------------------------------------------------------------- */

typedef struct Build {
    const ReportOptions *opt;
    Report *r;
    FileList files;
    SummaryCache *caches;
    ReportAttempt *all;    /* every decoded attempt (file order) */
    FileItem **owner;      /* its file */
    size_t n_all;
    size_t n_problems, cap_problems;
    size_t save_failures;  /* folders whose summary cache could not be written */
    const char **dir_list; /* NULL-terminated copy of opt->dirs */
} Build;

static void add_problem(Build *b, const FileItem *it, const Diag *d, size_t *n, size_t *cap)
{
    Report *r = b->r;
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 16;
        ReportProblem *m = realloc(r->problems, c * sizeof *m);
        if (!m) {
            return;
        }
        r->problems = m;
        *cap = c;
    }
    ReportProblem *p = &r->problems[(*n)++];
    p->path = arena_intern_cstr(r->arena, it->path);
    if (!p->path) {
        p->path = "?";
    }
    if (d) {
        p->diag = *d;
    } else {
        memset(&p->diag, 0, sizeof p->diag);
        p->diag.code = DIAG_IO;
        snprintf(p->diag.expected, sizeof p->diag.expected, "memory to read the record");
        snprintf(p->diag.found, sizeof p->diag.found, "out of memory");
    }
}

/* Decodes the summaries of files [from, to) into b->all (in file order). */
static bool decode_range(Build *b, size_t from, size_t to)
{
    Report *r = b->r;
    size_t *n_prob = &b->n_problems, *cap_prob = &b->cap_problems;
    for (size_t i = from; i < to; i++) {
        FileItem *it = &b->files.items[i];
        ReportAttempt *a = &b->all[b->n_all];
        bool ok = false;
        if (it->ok && it->cached) {
            ok = summary_cache_decode(&b->caches[it->dir], it->cached, r->arena, a);
            if (!ok) {
                /* A damaged cache entry: the file itself decides. */
                r->stats.summaries_cached--;
                r->stats.summaries_read++;
                it->cached = NULL;
                Diag problem;
                it->ok = summary_read_file(it->path, 0, NULL, NULL, &it->blob, &problem);
                if (!it->ok) {
                    add_problem(b, it, &problem, n_prob, cap_prob);
                    continue;
                }
            }
        }
        if (!ok && it->ok) {
            ok = summary_decode(it->blob.data, it->blob.len, r->arena, a);
            blob_finish(&it->blob); /* decoded: the arena has it all */
            if (!ok) {
                /* Cannot happen for a blob just encoded but out of memory. */
                it->ok = false;
                Diag d;
                memset(&d, 0, sizeof d);
                d.code = DIAG_IO;
                snprintf(d.expected, sizeof d.expected, "memory for the summary of the record");
                snprintf(d.found, sizeof d.found, "out of memory");
                add_problem(b, it, &d, n_prob, cap_prob);
                continue;
            }
            it->fresh = true;
        }
        if (!ok) {
            add_problem(b, it, it->problem, n_prob, cap_prob);
            continue;
        }
        a->path = arena_intern_cstr(r->arena, it->path);
        a->dir = it->dir;
        if (!a->path) {
            return false;
        }
        it->decoded = true;
        it->attempt = b->n_all;
        b->owner[b->n_all++] = it;
    }
    r->n_problems = *n_prob;
    return true;
}

/* Files are read and decoded a batch at a time: the summaries read from
 * files (a few kB each) are then never all in memory at once, which on
 * 100,000 files saved 250 MB and the time to fault it in. */
#define READ_BATCH 1024

typedef struct ReadDecode {
    SummaryCtx summaries;
    Build *b;
} ReadDecode;

static bool cancelled(const ReportProgress *p)
{
    return p && atomic_load_explicit(&p->cancel, memory_order_relaxed);
}

static void count_done(atomic_size_t *counter)
{
    atomic_fetch_add_explicit(counter, 1, memory_order_relaxed);
}

static void read_one(void *ctx, size_t i)
{
    ReadDecode *rd = ctx;
    ReportProgress *p = rd->b->opt->progress;
    if (cancelled(p)) {
        return; /* the build fails as a whole: nothing of it is used */
    }
    read_summary(&rd->summaries, i);
    if (p) {
        count_done(&p->files_done);
    }
}

static bool decode_batch(void *ctx, size_t from, size_t to)
{
    Build *b = ((ReadDecode *)ctx)->b;
    if (cancelled(b->opt->progress)) {
        return false;
    }
    for (size_t i = from; i < to; i++) {
        b->r->stats.summaries_cached += b->files.items[i].cached != NULL;
        b->r->stats.summaries_read += b->files.items[i].cached == NULL;
    }
    return decode_range(b, from, to);
}

static bool read_and_decode(Build *b)
{
    size_t count = b->files.count;
    b->all = calloc(count ? count : 1, sizeof *b->all);
    b->owner = calloc(count ? count : 1, sizeof *b->owner);
    if (!b->all || !b->owner) {
        return false;
    }
    ReadDecode rd = {{&b->files, b->caches, b->opt->use_cache}, b};
    return run_ordered(count, READ_BATCH, b->opt->threads, read_one, decode_batch, &rd);
}

static void save_caches(Build *b);

/* The summary cache is written on a thread of its own while the report
 * goes on: on a first report over 100,000 attempts, building and writing
 * its 66 MB took 0.8 s. It only reads the files and attempts, which the
 * rest only reads too (the duplicates' flags aside, which it does not
 * use); report_build waits for it before freeing them. */
static void *save_caches_thread(void *arg)
{
    save_caches(arg);
    return NULL;
}

static void save_caches(Build *b)
{
    for (unsigned d = 0; d < b->opt->n_dirs; d++) {
        size_t n = 0, fresh = 0;
        for (size_t i = 0; i < b->files.count; i++) {
            const FileItem *it = &b->files.items[i];
            if (it->dir == d && it->decoded) {
                n++;
                fresh += it->fresh;
            }
        }
        if (fresh == 0 && n == b->caches[d].count) {
            continue; /* unchanged */
        }
        SummarySave *e = calloc(n ? n : 1, sizeof *e);
        if (!e) {
            continue;
        }
        size_t k = 0;
        for (size_t i = 0; i < b->files.count; i++) {
            const FileItem *it = &b->files.items[i];
            if (it->dir == d && it->decoded) {
                e[k].rel = it->path + it->rel_off;
                e[k].key = it->key;
                e[k].attempt = &b->all[it->attempt];
                k++;
            }
        }
        if (!summary_cache_save(b->opt->dirs[d], fs_version(), e, n)) {
            b->save_failures++;
        }
        free(e);
    }
}

/* ---- duplicates and conflicts ----------------------------------------------------------------- */

/* Sort key of a decoded attempt: id, then folder order, main file before
 * conflict copies, then path. */
typedef struct DupKey {
    const char *id;
    unsigned dir;
    bool conflict_copy;
    const char *path;
    size_t i;
} DupKey;

static int cmp_dup(const void *pa, const void *pb)
{
    const DupKey *x = pa, *y = pb;
    int c = strcmp(x->id, y->id);
    if (c) {
        return c;
    }
    if (x->dir != y->dir) {
        return x->dir < y->dir ? -1 : 1;
    }
    if (x->conflict_copy != y->conflict_copy) {
        return x->conflict_copy ? 1 : -1;
    }
    return strcmp(x->path, y->path);
}

/* keep[i]: attempt i stays in the report (not a plain duplicate). */
static bool mark_duplicates(Build *b, bool *keep)
{
    size_t n = b->n_all;
    DupKey *keys = malloc((n ? n : 1) * sizeof *keys);
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!keys || !idx) {
        free(keys);
        free(idx);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        keep[i] = true;
        b->all[i].flags = REPORT_ATTEMPT_COUNTED;
        keys[i] = (DupKey){b->all[i].attempt_id, b->owner[i]->dir, b->owner[i]->conflict_copy, b->owner[i]->path, i};
    }
    /* qsort is not stable, but the comparison is total (paths differ). */
    qsort(keys, n, sizeof *keys, cmp_dup);
    for (size_t i = 0; i < n; i++) {
        idx[i] = keys[i].i;
    }
    free(keys);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(b->all[idx[j]].attempt_id, b->all[idx[i]].attempt_id) == 0) {
            j++;
        }
        bool conflict = false;
        for (size_t k = i + 1; k < j; k++) {
            /* Same content as an earlier kept one: a plain duplicate. */
            bool dup = false;
            for (size_t m = i; m < k && !dup; m++) {
                dup = keep[idx[m]] && summary_same(&b->all[idx[m]], &b->all[idx[k]]);
            }
            if (dup) {
                keep[idx[k]] = false;
                b->r->stats.duplicates++;
            } else {
                conflict = true;
                b->all[idx[k]].flags = REPORT_ATTEMPT_CONFLICT; /* listed, not counted */
            }
        }
        if (conflict) {
            b->all[idx[i]].flags |= REPORT_ATTEMPT_CONFLICT;
            for (size_t k = i; k < j; k++) {
                b->r->stats.conflicts += keep[idx[k]];
            }
        }
        i = j;
    }
    free(idx);
    return true;
}

static bool matches_filter(const ReportFilter *f, const ReportAttempt *a)
{
    if (f->trainee && strcmp(f->trainee, a->trainee_id) != 0) {
        return false;
    }
    if (f->module && strcmp(f->module, a->module) != 0) {
        return false;
    }
    if (f->scenario && strcmp(f->scenario, a->scenario_id) != 0) {
        return false;
    }
    if (f->since[0] && strcmp(a->started_at, f->since) < 0) {
        return false;
    }
    if (f->until[0] && strcmp(a->started_at, f->until) > 0) {
        return false;
    }
    return true;
}

/* ---- verification -------------------------------------------------------------------------- */

typedef struct VerifyCtx {
    VerifyJob *jobs;
    const unsigned *dir_of;
    ScenarioTable *table;
    HashSet *verified;   /* per folder */
    HashSet *mismatched; /* per folder */
    ReportProgress *progress;
} VerifyCtx;

static void verify_item(void *arg, size_t i)
{
    VerifyCtx *v = arg;
    if (cancelled(v->progress)) {
        return; /* left unchecked; what was checked is still remembered */
    }
    verify_job_run(&v->jobs[i], v->table, &v->verified[v->dir_of[i]], &v->mismatched[v->dir_of[i]]);
    if (v->progress) {
        count_done(&v->progress->verify_done);
    }
}

static bool verify_all(Build *b, ReportAttempt *list, size_t n)
{
    const ReportOptions *opt = b->opt;
    Report *r = b->r;
    VerifyJob *jobs = calloc(n ? n : 1, sizeof *jobs);
    unsigned *dir_of = calloc(n ? n : 1, sizeof *dir_of);
    HashSet *verified = calloc(opt->n_dirs, sizeof *verified);
    HashSet *mismatched = calloc(opt->n_dirs, sizeof *mismatched);
    ScenarioTable table;
    bool table_ok = scenario_table_init(&table, b->dir_list, opt->scenario_dirs);
    bool ok = jobs && dir_of && verified && mismatched && table_ok;
    if (ok) {
        for (size_t d = 0; opt->use_cache && d < opt->n_dirs; d++) {
            verified_cache_load(&verified[d], &mismatched[d], opt->dirs[d], fs_version());
        }
        for (size_t i = 0; i < n; i++) {
            jobs[i].path = list[i].path;
            dir_of[i] = list[i].dir;
        }
        VerifyCtx ctx = {jobs, dir_of, &table, verified, mismatched, opt->progress};
        if (opt->progress) {
            atomic_store(&opt->progress->verify_total, n);
        }
        run_parallel(n, opt->threads, verify_item, &ctx);
        /* New outcomes, per folder, in attempt order. */
        char(*fresh)[65] = calloc(n ? n : 1, sizeof *fresh);
        char **details = calloc(n ? n : 1, sizeof *details);
        for (size_t d = 0; fresh && details && d < opt->n_dirs; d++) {
            size_t k = 0;
            for (size_t i = 0; i < n; i++) {
                /* A mismatch without its message (too long to encode) is not
                 * kept: a hash alone would read back as genuine. */
                bool keep = jobs[i].newly_verified || (jobs[i].newly_mismatched && jobs[i].detail_msg);
                if (dir_of[i] == d && keep) {
                    memcpy(fresh[k], jobs[i].content_hash, 65);
                    details[k++] = jobs[i].newly_mismatched ? jobs[i].detail_msg : NULL;
                }
            }
            if (opt->use_cache && k && !verified_cache_append(opt->dirs[d], fs_version(), fresh, details, k)) {
                r->stats.cache_write_failures++;
            }
        }
        free(details);
        free(fresh);
        for (size_t i = 0; i < n; i++) {
            ReportAttempt *a = &list[i];
            VerifyJob *j = &jobs[i];
            if (j->fresh_blob.data) {
                /* The bytes read now are the truth, should the summary have come
                 * from a stale cache entry. */
                ReportAttempt again;
                if (summary_decode(j->fresh_blob.data, j->fresh_blob.len, r->arena, &again)) {
                    again.path = a->path;
                    again.dir = a->dir;
                    again.flags = a->flags;
                    *a = again;
                }
            }
            a->check = j->check;
            a->check_detail = j->detail ? arena_intern_cstr(r->arena, j->detail) : "";
            if (!a->check_detail) {
                a->check_detail = "";
            }
            a->check_msg = j->detail_msg ? arena_intern_cstr(r->arena, j->detail_msg) : "";
            if (!a->check_msg) {
                a->check_msg = "";
            }
            r->stats.verified_cached += j->from_cache;
            r->stats.replayed += j->replayed && j->check != REPORT_UNVERIFIABLE;
            r->stats.verified += j->check == REPORT_VERIFIED;
            r->stats.mismatched += j->check == REPORT_MISMATCH;
            r->stats.unverifiable += j->check == REPORT_UNVERIFIABLE;
        }
    }
    for (size_t i = 0; jobs && i < n; i++) {
        verify_job_finish(&jobs[i]);
    }
    for (size_t d = 0; verified && d < opt->n_dirs; d++) {
        hashset_finish(&verified[d]);
    }
    for (size_t d = 0; mismatched && d < opt->n_dirs; d++) {
        hashset_finish(&mismatched[d]);
    }
    free(mismatched);
    if (table_ok) {
        scenario_table_finish(&table);
    }
    free(verified);
    free(dir_of);
    free(jobs);
    return ok;
}

/* ---- public ---------------------------------------------------------------------------------- */

void report_progress_init(ReportProgress *p)
{
    atomic_init(&p->files_total, 0);
    atomic_init(&p->files_done, 0);
    atomic_init(&p->verify_total, 0);
    atomic_init(&p->verify_done, 0);
    atomic_init(&p->cancel, false);
}

bool report_parse_date(const char *text, bool end_of_day, char out[REPORT_TIME_LEN])
{
    if (!text) {
        return false;
    }
    char buf[REPORT_TIME_LEN + 8];
    if (strlen(text) == 10) {
        snprintf(buf, sizeof buf, "%sT%s", text, end_of_day ? "23:59:59Z" : "00:00:00Z");
    } else if (strlen(text) < sizeof buf) {
        snprintf(buf, sizeof buf, "%s", text);
    } else {
        return false;
    }
    if (!record_time_valid(buf)) {
        return false;
    }
    memcpy(out, buf, REPORT_TIME_LEN);
    out[REPORT_TIME_LEN - 1] = '\0';
    return true;
}

void report_check_detail_text(const ReportAttempt *a, DiagTranslateFn tr, void *user, char decimal_sep, char *out,
                              size_t n)
{
    DiagMsg m;
    if (a->check_msg && a->check_msg[0] && diag_msg_decode(a->check_msg, &m)) {
        diag_msg_text(&m, tr, user, decimal_sep, out, n);
    } else if (n) {
        fs_strlcpy(out, a->check_detail ? a->check_detail : "", n);
    }
}

const char *report_check_name(ReportCheck c)
{
    switch (c) {
    case REPORT_VERIFIED:
        return "verified";
    case REPORT_MISMATCH:
        return "mismatch";
    case REPORT_UNVERIFIABLE:
        return "unverifiable";
    default:
        return "not_checked";
    }
}

void report_finish(Report *r)
{
    if (!r) {
        return;
    }
    free(r->attempts);
    free(r->problems);
    arena_destroy(r->arena);
    memset(r, 0, sizeof *r);
}

static void build_finish(Build *b)
{
    for (size_t i = 0; i < b->files.count; i++) {
        free(b->files.items[i].path);
        free(b->files.items[i].problem);
        blob_finish(&b->files.items[i].blob);
    }
    free(b->files.items);
    for (size_t d = 0; b->caches && d < b->opt->n_dirs; d++) {
        summary_cache_finish(&b->caches[d]);
    }
    free(b->caches);
    free(b->all);
    free(b->owner);
    free(b->dir_list);
}

/* Sets err to "what" or "path: what"; returns false. */
static bool fail(char *err, size_t n, const char *what, const char *path)
{
    if (err && n) {
        snprintf(err, n, "%s%s%s", path ? path : "", path ? ": " : "", what);
    }
    return false;
}

bool report_build(const ReportOptions *opt, Report *out, char *err, size_t err_n)
{
    memset(out, 0, sizeof *out);
    if (err && err_n) {
        err[0] = '\0';
    }
    Build b;
    memset(&b, 0, sizeof b);
    b.opt = opt;
    b.r = out;
    bool *keep = NULL;
    bool ok = true;
    pthread_t saver;
    bool saving = false;
    out->arena = arena_create();
    b.caches = calloc(opt->n_dirs ? opt->n_dirs : 1, sizeof *b.caches);
    b.dir_list = calloc(opt->n_dirs + 1, sizeof *b.dir_list);
    if (!out->arena || !b.caches || !b.dir_list) {
        ok = fail(err, err_n, "out of memory", NULL);
        goto out;
    }
    for (unsigned d = 0; d < opt->n_dirs; d++) {
        struct stat st;
        if (stat(opt->dirs[d], &st) != 0 || !S_ISDIR(st.st_mode)) {
            ok = fail(err, err_n, "not a readable folder", opt->dirs[d]);
            goto out;
        }
        b.dir_list[d] = opt->dirs[d];
        if (opt->use_cache) {
            summary_cache_load(&b.caches[d], opt->dirs[d], fs_version(), out->arena);
        }
        if (!list_folder(&b.files, opt->dirs[d], d)) {
            ok = fail(err, err_n, "out of memory listing the record files", NULL);
            goto out;
        }
    }
    if (b.files.count) {
        qsort(b.files.items, b.files.count, sizeof *b.files.items, cmp_item_path);
    }
    out->stats.files = b.files.count;
    if (opt->progress) {
        atomic_store(&opt->progress->files_total, b.files.count);
    }

    if (!read_and_decode(&b)) {
        ok = fail(err, err_n, cancelled(opt->progress) ? "cancelled" : "out of memory reading the summaries", NULL);
        goto out;
    }
    if (opt->use_cache) {
        saving = pthread_create(&saver, NULL, save_caches_thread, &b) == 0;
        if (!saving) {
            save_caches(&b);
        }
    }
    keep = malloc((b.n_all ? b.n_all : 1) * sizeof *keep);
    if (!keep || !mark_duplicates(&b, keep)) {
        ok = fail(err, err_n, "out of memory", NULL);
        goto out;
    }
    size_t n = 0;
    for (size_t i = 0; i < b.n_all; i++) {
        n += keep[i] && matches_filter(&opt->filter, &b.all[i]);
    }
    out->attempts = calloc(n ? n : 1, sizeof *out->attempts);
    if (!out->attempts) {
        ok = fail(err, err_n, "out of memory", NULL);
        goto out;
    }
    for (size_t i = 0; i < b.n_all; i++) {
        if (keep[i] && matches_filter(&opt->filter, &b.all[i])) {
            out->attempts[out->n_attempts++] = b.all[i];
        }
    }
    if (opt->verify && !verify_all(&b, out->attempts, out->n_attempts)) {
        ok = fail(err, err_n, "out of memory verifying", NULL);
        goto out;
    }
    if (cancelled(opt->progress)) {
        ok = fail(err, err_n, "cancelled", NULL);
        goto out;
    }
    for (size_t i = 0; i < out->n_attempts; i++) {
        if (out->attempts[i].check == REPORT_MISMATCH) {
            out->attempts[i].flags &= ~(unsigned)REPORT_ATTEMPT_COUNTED;
        }
    }
    if (!report_aggregate(out, opt, b.all, b.n_all)) {
        ok = fail(err, err_n, "out of memory summing up", NULL);
    }
out:
    if (saving) {
        pthread_join(saver, NULL);
    }
    out->stats.cache_write_failures += b.save_failures;
    free(keep);
    build_finish(&b);
    if (!ok) {
        report_finish(out);
    }
    return ok;
}
