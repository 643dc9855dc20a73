/*
 * record_head.c - reading a record without its events (record_parse_head,
 * record.h).
 *
 * A record is a few kB of header and result followed by its events (tens of
 * kB for a splice attempt). record_serialize() writes "events" last, so the
 * text up to the top-level key "events", closed with "\"events\":[]}", is a
 * record with no events, and record_parse() checks it with every rule (ids,
 * hash, times, status, the result and its consistency with status and
 * end_tick). The text must also end like a record ("]}" and white space),
 * which catches a file cut short. A text of any other shape (events
 * elsewhere, an escaped key, a head that does not parse) is parsed whole.
 */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "fibresim/json_arena.h"
#include "fibresim/record.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Offset of the '"' that opens the first key "events" (the quoted word
 * followed by a colon), or -1. A match that is not the top-level key (one
 * inside a string, or a nested key) leaves a cut text that does not parse
 * as a record, so the record is then read whole: only speed depends on
 * finding the right one first, which record_serialize() guarantees. */
static long find_events_key(const char *t, size_t n)
{
    static const char key[] = "\"events\"";
    const size_t key_len = sizeof key - 1;
    const char *p = t, *end = t + n;
    while ((size_t)(end - p) >= key_len) {
        const char *hit = memmem(p, (size_t)(end - p), key, key_len);
        if (!hit) {
            return -1;
        }
        const char *j = hit + key_len;
        while (j < end && is_space(*j)) {
            j++;
        }
        if (j < end && *j == ':') {
            return (long)(hit - t);
        }
        p = hit + 1;
    }
    return -1;
}

static bool ends_like_record(const char *t, size_t n)
{
    while (n > 0 && is_space(t[n - 1])) {
        n--;
    }
    return n >= 2 && t[n - 2] == ']' && t[n - 1] == '}';
}

bool record_parse_head_parts(const char *head, size_t head_len, const char *tail, size_t tail_len,
                             AttemptRecord *out)
{
    long key = ends_like_record(tail, tail_len) ? find_events_key(head, head_len) : -1;
    static const char close_doc[] = "\"events\":[]}";
    size_t n = key < 0 ? 0 : (size_t)key + sizeof close_doc - 1;
    char *doc = key < 0 ? NULL : malloc(n + 1);
    if (!doc) {
        record_init(out); /* record_parse does it otherwise */
        return false;
    }
    memcpy(doc, head, (size_t)key);
    memcpy(doc + key, close_doc, sizeof close_doc);
    /* The head's tree (a few hundred items) in one block: see json_arena.h. */
    json_arena_enter(json_arena_of_thread());
    bool ok = record_parse(doc, n, out, NULL);
    json_arena_leave();
    free(doc);
    return ok;
}

bool record_parse_head(const char *text, size_t len, AttemptRecord *out, DiagList *d)
{
    if (len <= RECORD_MAX_BYTES && record_parse_head_parts(text, len, text, len, out)) {
        return true;
    }
    if (!record_parse(text, len, out, d)) {
        return false;
    }
    /* Same result whichever path read it: no events. */
    input_log_finish(&out->events);
    input_log_init(&out->events);
    return true;
}
