/*
 * fuzz_report_cache.c - the report's readers of untrusted bytes:
 * summary_cache_parse() and summary_cache_decode() on a damaged
 * DATA/cache/report-summaries.bin, summary_decode() on a damaged summary
 * blob, and record_parse_head() (the quick read of a record without its
 * events) on arbitrary text.
 *
 * Properties beyond "no crash, no leak, no UB":
 * - record_parse_head() accepts a text exactly when it gives the same
 *   fields as record_parse() of the whole text would, for texts the full
 *   parser accepts (the quick path never accepts a record the strict one
 *   refuses for a reason outside the events);
 * - a decoded cache entry has valid ids, hash and times.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/record.h"
#include "src/core/report_internal.h"

static void check_cache(const uint8_t *data, size_t size)
{
    ReportArena *a = arena_create();
    unsigned char *bytes = malloc(size ? size : 1);
    if (!a || !bytes) {
        free(bytes);
        arena_destroy(a);
        return;
    }
    memcpy(bytes, data, size);
    SummaryCache c;
    if (summary_cache_parse(&c, bytes, size, fs_version(), a)) {
        for (size_t i = 0; i < c.count; i++) {
            ReportAttempt at;
            if (summary_cache_decode(&c, &c.entries[i], a, &at)) {
                if (!record_id_valid(at.attempt_id) || !record_slug_valid(at.trainee_id)
                    || !record_hash_valid(at.scenario_hash) || !record_time_valid(at.started_at)) {
                    abort();
                }
                for (uint32_t k = 0; k < at.n_criteria; k++) {
                    if (!at.criteria[k].def) {
                        abort();
                    }
                }
            }
        }
    }
    summary_cache_finish(&c); /* frees bytes */
    ReportAttempt at;
    summary_decode(data, size, a, &at);
    arena_destroy(a);
}

static void check_head(const char *text, size_t size)
{
    AttemptRecord head, full;
    DiagList d;
    diag_list_init(&d);
    bool h = record_parse_head(text, size, &head, &d);
    if (!h && d.count == 0 && d.dropped == 0) {
        abort(); /* refused without a reason */
    }
    bool f = record_parse(text, size, &full, NULL);
    if (f && !h) {
        abort(); /* the quick path refused what the strict one reads */
    }
    if (f && h) {
        /* Same fields; the head has no events. */
        input_log_finish(&full.events);
        input_log_init(&full.events);
        if (!record_equal(&head, &full)) {
            abort();
        }
    }
    record_finish(&head);
    record_finish(&full);
    diag_list_finish(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_cache(data, size);
    check_head((const char *)data, size);
    return 0;
}
