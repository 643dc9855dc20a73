/*
 * fuzz_record.c - record_parse() and trainee_parse() on arbitrary bytes.
 *
 * Properties checked beyond "no crash, no leak, no UB":
 * - a refused input always comes with at least one reason;
 * - an accepted record serialises, reads back equal, and serialises again to
 *   the same bytes (so a record copied between laptops never changes).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/record.h"

static void check_record(const char *text, size_t size)
{
    AttemptRecord r, r2;
    DiagList d;
    diag_list_init(&d);
    if (!record_parse(text, size, &r, &d)) {
        if (d.count == 0 && d.dropped == 0) {
            abort(); /* refused without a reason */
        }
        char line[1024];
        for (size_t i = 0; i < d.count; i++) {
            diag_format(&d.items[i], "fuzz.json", line, sizeof line);
        }
        diag_list_finish(&d);
        record_finish(&r);
        return;
    }
    diag_list_finish(&d);
    size_t len = 0, len2 = 0;
    char *t = record_serialize(&r, &len);
    if (!t) {
        abort();
    }
    if (!record_parse(t, len, &r2, NULL) || !record_equal(&r, &r2)) {
        abort(); /* what we write, we must read back the same */
    }
    char *t2 = record_serialize(&r2, &len2);
    if (!t2 || len2 != len || memcmp(t, t2, len) != 0) {
        abort();
    }
    char what[256];
    if (record_result_diff(&r.result, &r2.result, what, sizeof what)) {
        abort();
    }
    free(t);
    free(t2);
    record_finish(&r);
    record_finish(&r2);
}

static void check_trainee(const char *text, size_t size)
{
    TraineeInfo t, t2;
    DiagList d;
    diag_list_init(&d);
    if (trainee_parse(text, size, &t, &d)) {
        size_t len = 0;
        char *s = trainee_serialize(&t, &len);
        if (!s || !trainee_parse(s, len, &t2, NULL) || strcmp(t.id, t2.id) || strcmp(t.name, t2.name)) {
            abort();
        }
        free(s);
    } else if (d.count == 0 && d.dropped == 0) {
        abort();
    }
    diag_list_finish(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A private copy without a terminating NUL, so ASan catches any read
     * past the given length. */
    char *text = malloc(size ? size : 1);
    if (!text) {
        return 0;
    }
    memcpy(text, data, size);
    check_record(text, size);
    check_trainee(text, size);
    /* The slug must be valid for any bytes given as a name. */
    char *name = malloc(size + 1);
    if (name) {
        memcpy(name, data, size);
        name[size] = '\0';
        char slug[64];
        record_trainee_slug(name, slug, sizeof slug);
        if (!record_slug_valid(slug)) {
            abort();
        }
        free(name);
    }
    free(text);
    return 0;
}
