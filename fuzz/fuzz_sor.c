/*
 * fuzz_sor.c - the SOR reader on hostile bytes. Whatever it accepts must also
 * export to JSON, write back as a version 2 file and read again with the
 * same content (a reader/writer disagreement aborts, so libFuzzer reports it).
 */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/sor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void same_content(const SorFile *a, const SorFile *b)
{
    if (a->point_count != b->point_count || a->event_count != b->event_count
        || a->landmark_count != b->landmark_count || a->set_count != b->set_count
        || memcmp(&a->fxd, &b->fxd, sizeof a->fxd) != 0
        || (a->point_count && memcmp(a->points, b->points, a->point_count * sizeof *a->points) != 0)
        || strcmp(a->gen.comment, b->gen.comment) != 0 || strcmp(a->sup.other, b->sup.other) != 0
        || a->distance_scale != b->distance_scale) {
        abort();
    }
    for (size_t i = 0; i < a->event_count; i++) {
        const SorEvent *x = &a->events[i], *y = &b->events[i];
        if (x->time_100ps != y->time_100ps || x->loss_0001db != y->loss_0001db
            || memcmp(x->code, y->code, sizeof x->code) != 0 || strcmp(x->comment, y->comment) != 0
            || memcmp(x->markers_100ps, y->markers_100ps, sizeof x->markers_100ps) != 0) {
            abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SorFile f;
    SorError err;
    if (sor_read(&f, data, size, &err)) {
        cJSON *j = sor_to_json(&f, 10);
        char *text = j ? cJSON_PrintUnformatted(j) : NULL;
        free(text);
        cJSON_Delete(j);
        uint8_t *out = NULL;
        size_t out_size = 0;
        if (sor_write(&f, &out, &out_size, &err)) {
            SorFile g;
            if (!sor_read(&g, out, out_size, &err) || g.cksum.status != SOR_CKSUM_OK) {
                abort();
            }
            same_content(&f, &g);
            sor_finish(&g);
            free(out);
        }
    } else {
        char msg[600];
        sor_error_format(&err, msg, sizeof msg);
    }
    sor_finish(&f);
    return 0;
}
