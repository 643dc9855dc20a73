/*
 * gen_folder.c - makes a big results folder of realistic attempts for the
 * report and import benchmarks.
 *
 * Usage: gen_folder OUT_DIR COUNT [TRAINEES] [POOL_PER_SCENARIO] [SEED]
 *
 * A pool of true attempts is run first: POOL_PER_SCENARIO attempts (default
 * 12) at every shipped scenario that has a driver (tests/attempt_drivers.c),
 * each with its own module seed and trainee style. COUNT records are then
 * written, each a pool attempt under a new attempt id, trainee and date: the
 * result of an attempt depends only on (scenario, seed, events), so every
 * record still replays to its stored result and a report has real
 * verification work to do for each one. Trainees (default COUNT / 220, about
 * a year of training each) are spread over a year of weekdays.
 *
 * Records are written with plain writes (no fsync: this is a benchmark
 * fixture, not trainee data); the scenario copies and trainee files go
 * through the journal as the program writes them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "attempt_drivers.h"
#include "fibresim/core.h"
#include "fibresim/journal.h"
#include "fibresim/rng.h"

static const char *const first_names[] = {
    "Awa",   "Moussa", "Élodie", "Karim",  "Fatou", "Jean-Baptiste", "Aïssata", "Ibrahima", "Chloé", "Mamadou",
    "Inès",  "Yacine", "Céline", "Ousmane", "Nadia", "Théo",         "Mariam",  "Rémi",     "Bintou", "Lucas",
};
static const char *const last_names[] = {
    "Ndiaye", "Traoré", "N'Diaye", "Diallo", "Martin", "Koné", "Benali", "Sow", "Dubois", "Camara",
    "Keïta",  "Lefèvre", "Touré",  "Bah",    "Mercier", "Cissé", "Faye", "Moreau", "Sylla", "Garcia",
};

typedef struct PoolItem {
    const Scenario *scn;
    AttemptRecord rec; /* ids and times overwritten per copy */
} PoolItem;

static bool write_plain(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return false;
    }
    bool ok = fwrite(text, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen_folder OUT_DIR COUNT [TRAINEES] [POOL_PER_SCENARIO] [SEED]\n");
        return 2;
    }
    const char *out = argv[1];
    long count = atol(argv[2]);
    long trainees = argc > 3 ? atol(argv[3]) : count / 220 + 1;
    long pool_per = argc > 4 ? atol(argv[4]) : 12;
    uint64_t seed = argc > 5 ? strtoull(argv[5], NULL, 10) : 2026;
    if (count < 1 || trainees < 1 || pool_per < 1) {
        fprintf(stderr, "gen_folder: COUNT, TRAINEES and POOL_PER_SCENARIO must be positive\n");
        return 2;
    }
    size_t n_scn = 0;
    Scenario **scns = drivers_load_scenarios(NULL, &n_scn);
    if (!scns) {
        return 1;
    }
    Journal j;
    char err[512];
    if (journal_open(&j, out, err, sizeof err) != JOURNAL_OK) {
        fprintf(stderr, "gen_folder: %s\n", err);
        return 1;
    }
    Rng r;
    rng_seed(&r, seed);

    /* 1. The pool of true attempts. */
    size_t n_pool = n_scn * (size_t)pool_per;
    PoolItem *pool = calloc(n_pool, sizeof *pool);
    if (!pool) {
        return 1;
    }
    size_t bytes_by_module[8] = {0}, events_by_module[8] = {0}, n_by_module[8] = {0};
    const char *module_names[8] = {0};
    for (size_t i = 0; i < n_pool; i++) {
        const Scenario *scn = scns[i / (size_t)pool_per];
        uint64_t style = (i % (size_t)pool_per == 0) ? 0 : rng_next_u64(&r) | 1;
        Attempt *a = driver_run(scn, rng_next_u64(&r), style);
        if (!a) {
            fprintf(stderr, "gen_folder: no attempt at %s\n", scn->id);
            return 1;
        }
        pool[i].scn = scn;
        driver_record(&pool[i].rec, scn, a, "Pool", "2026-01-05T08:00:00Z", i);
        attempt_destroy(a);
        driver_journal_write(&j, &pool[i].rec, scn, err, sizeof err); /* stores the scenario */
        char *p = journal_record_path(&j, pool[i].rec.attempt_id);
        if (p) {
            remove(p); /* only the scenario copy was wanted */
        }
        free(p);
        size_t m = 0;
        while (m < 7 && module_names[m] && strcmp(module_names[m], scn->module->name) != 0) {
            m++;
        }
        module_names[m] = scn->module->name;
        size_t len = 0;
        char *text = record_serialize(&pool[i].rec, &len);
        free(text);
        bytes_by_module[m] += len;
        events_by_module[m] += pool[i].rec.events.count;
        n_by_module[m]++;
    }
    /* The pool's trainee file "pool" is not a trainee of the folder. */
    {
        char path[2048];
        snprintf(path, sizeof path, "%s/trainees/pool.json", out);
        remove(path);
    }

    /* 2. Trainees. */
    char (*names)[128] = calloc((size_t)trainees, sizeof *names);
    for (long t = 0; t < trainees; t++) {
        size_t nf = sizeof first_names / sizeof *first_names, nl = sizeof last_names / sizeof *last_names;
        if ((size_t)t < nf * nl) {
            snprintf(names[t], sizeof names[t], "%s %s", first_names[(size_t)t % nf], last_names[((size_t)t / nf) % nl]);
        } else {
            snprintf(names[t], sizeof names[t], "%s %s %ld", first_names[(size_t)t % nf],
                     last_names[((size_t)t / nf) % nl], t);
        }
        TraineeInfo ti;
        memset(&ti, 0, sizeof ti);
        record_trainee_slug(names[t], ti.id, sizeof ti.id);
        fs_strlcpy(ti.name, names[t], sizeof ti.name);
        journal_trainee_write(&j, &ti, err, sizeof err);
    }

    /* 3. The records: trainee t's k-th attempt on weekday k * 365 / per-trainee. */
    long per = (count + trainees - 1) / trainees;
    size_t written = 0, bytes = 0;
    for (long i = 0; i < count; i++) {
        long t = i % trainees, k = i / trainees;
        PoolItem *p = &pool[rng_below(&r, n_pool)];
        long day = (long)((double)k * 250.0 / (double)per); /* working days over a year */
        long week = day / 5, wd = day % 5;
        long secs = (week * 7 + wd) * 86400 + 8 * 3600 + (long)rng_below(&r, 8 * 3600);
        char started[32];
        driver_time_add("2026-01-05T00:00:00Z", secs, started);
        AttemptRecord rec = p->rec;
        rec.events = p->rec.events; /* borrowed for serialising only */
        char compact[24];
        snprintf(compact, sizeof compact, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", started, started + 5, started + 8,
                 started + 11, started + 14, started + 17);
        record_make_id(compact, rng_next_u64(&r), rec.attempt_id);
        record_trainee_slug(names[t], rec.trainee_id, sizeof rec.trainee_id);
        fs_strlcpy(rec.trainee_name, names[t], sizeof rec.trainee_name);
        fs_strlcpy(rec.started_at, started, sizeof rec.started_at);
        driver_time_add(started, (long long)(rec.end_tick / FS_TICK_HZ), rec.ended_at);
        size_t len = 0;
        char *text = record_serialize(&rec, &len);
        char *path = journal_record_path(&j, rec.attempt_id);
        if (!text || !path) {
            return 1;
        }
        char dir[2048];
        snprintf(dir, sizeof dir, "%s/attempts/%.4s-%.2s", out, rec.attempt_id, rec.attempt_id + 4);
        mkdir(dir, 0755);
        if (!write_plain(path, text, len)) {
            fprintf(stderr, "gen_folder: cannot write %s: %s\n", path, strerror(errno));
            return 1;
        }
        written++;
        bytes += len;
        free(text);
        free(path);
    }
    printf("gen_folder: %zu records (%.1f MB) for %ld trainees in %s, pool of %zu attempts at %zu scenarios\n",
           written, bytes / 1e6, trainees, out, n_pool, n_scn);
    for (size_t m = 0; m < 8 && module_names[m]; m++) {
        printf("  %-9s pool %3zu attempts, mean record %6.1f kB, mean %6.0f events\n", module_names[m],
               n_by_module[m], bytes_by_module[m] / 1e3 / n_by_module[m],
               (double)events_by_module[m] / n_by_module[m]);
    }
    for (size_t i = 0; i < n_pool; i++) {
        record_finish(&pool[i].rec);
    }
    free(pool);
    free(names);
    journal_close(&j);
    drivers_free_scenarios(scns, n_scn);
    return 0;
}
