/*
 * bench_record.c - cost of keeping an attempt: serialising and reading a
 * record (1 k, 10 k and 60 k events: 60 k is ten minutes of pointer moves at
 * 100 Hz), writing records through the journal (fsync included, in
 * $TMPDIR), and merging a folder of them. Prints one line per measure; exits
 * 1 if saving the ten-minute attempt (serialise + read-back check + durable
 * write) takes over 2 s in a build without sanitizers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "fibresim/journal.h"
#include "journal_util.h"
#include "record_sample.h"

#define BUDGET_SAVE_60K_S 2.0

int main(void)
{
    const size_t sizes[] = {1000, 10000, 60000};
    for (size_t k = 0; k < 3; k++) {
        AttemptRecord r, back;
        sample_record(&r, k, sizes[k]);
        r.end_tick = 6 + (uint32_t)(sizes[k] / 4) + 1;
        r.result.ticks = r.end_tick;
        const int reps = sizes[k] > 10000 ? 3 : 10;
        size_t len = 0;
        char *text = NULL;
        double t0 = bench_wall_s();
        for (int i = 0; i < reps; i++) {
            free(text);
            text = record_serialize(&r, &len);
        }
        double t1 = bench_wall_s();
        bool ok = true;
        for (int i = 0; i < reps; i++) {
            ok &= record_parse(text, len, &back, NULL);
            record_finish(&back);
        }
        double t2 = bench_wall_s();
        printf("record %6zu events: %8zu bytes, serialise %7.1f ms, parse %7.1f ms%s\n", r.events.count, len,
               (t1 - t0) / reps * 1e3, (t2 - t1) / reps * 1e3, ok ? "" : " (PARSE FAILED)");
        free(text);
        record_finish(&r);
        if (!ok) {
            return 1;
        }
    }

    char *dir = tu_mkdtemp("bench-journal");
    Journal j;
    char err[512];
    if (journal_open(&j, dir, err, sizeof err) != JOURNAL_OK) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    const int n = 50;
    double t0 = bench_wall_s();
    for (int i = 0; i < n; i++) {
        AttemptRecord r;
        sample_record(&r, 1000 + (uint64_t)i, 300);
        if (journal_write(&j, &r, SAMPLE_SCENARIO_TEXT, 3, err, sizeof err) != JOURNAL_OK) {
            fprintf(stderr, "%s\n", err);
            return 1;
        }
        record_finish(&r);
    }
    double t1 = bench_wall_s();
    printf("journal_write, 300-event records: %.1f ms each (fsync of file and folder included)\n",
           (t1 - t0) / n * 1e3);

    AttemptRecord big;
    sample_record(&big, 99, 60000);
    big.end_tick = 6 + 15000 + 1;
    big.result.ticks = big.end_tick;
    t0 = bench_wall_s();
    JournalStatus s = journal_write(&j, &big, SAMPLE_SCENARIO_TEXT, 3, err, sizeof err);
    t1 = bench_wall_s();
    double save_s = t1 - t0;
    printf("journal_write, 60000-event record: %.1f ms (budget %.0f ms)\n", save_s * 1e3, BUDGET_SAVE_60K_S * 1e3);
    record_finish(&big);
    journal_close(&j);
    if (s != JOURNAL_OK) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }

    char *dst = tu_mkdtemp("bench-merge");
    JournalMergeStats st;
    t0 = bench_wall_s();
    s = journal_merge(dir, dst, &st, NULL, NULL, err, sizeof err);
    t1 = bench_wall_s();
    printf("journal_merge of %zu records into an empty folder: %.1f ms; again (all duplicates): ", st.attempts_copied,
           (t1 - t0) * 1e3);
    t0 = bench_wall_s();
    s = s == JOURNAL_OK ? journal_merge(dir, dst, &st, NULL, NULL, err, sizeof err) : s;
    t1 = bench_wall_s();
    printf("%.1f ms\n", (t1 - t0) * 1e3);
    tu_rm_rf(dir);
    tu_rm_rf(dst);
    free(dir);
    free(dst);
    if (s != JOURNAL_OK) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    if (!bench_sanitized() && save_s > BUDGET_SAVE_60K_S) {
        printf("over budget\n");
        return 1;
    }
    return 0;
}
