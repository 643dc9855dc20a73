/*
 * report_read.c - a record's summary from as few bytes as possible.
 *
 * A record is a few kB of header and result followed by its events (tens of
 * kB for a splice attempt). record_serialize() writes "events" last, so the
 * head of the file up to the top-level key "events", closed with
 * "\"events\":[]}", is a record with no events: record_parse() checks it with
 * every rule (ids, hash, times, status, the result and its consistency with
 * status and end_tick) and the summary comes from that. The file must also
 * end like a record ("]}" and white space), which catches a copy cut short.
 * Anything else (events elsewhere, an escaped key, a head that does not
 * parse) is read whole and parsed in full, so the problem reported is the
 * true one. The events themselves are checked only by the verification,
 * which reads and parses everything.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fibresim/fileio.h"
#include "report_internal.h"

#define HEAD_BYTES 16384
#define TAIL_BYTES 64

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Offset of the '"' that opens the top-level key "events" in t[0..n), or -1
 * when it is not within these bytes. */
static long find_events_key(const char *t, size_t n)
{
    size_t i = 0;
    int depth = 0;
    if (n >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0) {
        i = 3;
    }
    while (i < n) {
        char c = t[i];
        if (c == '"') {
            size_t start = i++;
            while (i < n && t[i] != '"') {
                i += t[i] == '\\' ? 2 : 1;
            }
            if (i >= n) {
                return -1;
            }
            size_t end = i++;
            if (depth == 1 && end - start == 7 && memcmp(t + start + 1, "events", 6) == 0) {
                size_t j = i;
                while (j < n && is_space(t[j])) {
                    j++;
                }
                if (j < n && t[j] == ':') {
                    return (long)start;
                }
            }
            continue;
        }
        if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
        }
        i++;
    }
    return -1;
}

/* The file's last non-space bytes are "]}". */
static bool ends_like_record(const char *tail, size_t n)
{
    while (n > 0 && is_space(tail[n - 1])) {
        n--;
    }
    return n >= 2 && tail[n - 2] == ']' && tail[n - 1] == '}';
}

static void set_problem(Diag *p, DiagCode code, const char *expected, const char *found)
{
    memset(p, 0, sizeof *p);
    p->code = code;
    snprintf(p->expected, sizeof p->expected, "%s", expected);
    snprintf(p->found, sizeof p->found, "%s", found);
}

/* Parses text as a whole record; the summary or the first problem. */
static bool summary_full(const char *text, size_t len, Blob *out, Diag *problem)
{
    AttemptRecord rec;
    DiagList d;
    diag_list_init(&d);
    bool ok = record_parse(text, len, &rec, &d);
    if (ok) {
        ok = summary_encode(&rec, out);
        if (!ok) {
            set_problem(problem, DIAG_IO, "memory for the summary", "out of memory");
        }
    } else if (d.count) {
        *problem = d.items[0];
    } else {
        set_problem(problem, DIAG_PARSE, "an attempt record", "an unreadable file");
    }
    record_finish(&rec);
    diag_list_finish(&d);
    return ok;
}

/* 1: summary from the head; 0: the head has not the expected shape. */
static int summary_from_head(const char *head, size_t head_len, Blob *out)
{
    long key = find_events_key(head, head_len);
    if (key < 0) {
        return 0;
    }
    static const char close_doc[] = "\"events\":[]}";
    size_t n = (size_t)key + sizeof close_doc - 1;
    char *doc = malloc(n + 1);
    if (!doc) {
        return 0;
    }
    memcpy(doc, head, (size_t)key);
    memcpy(doc + key, close_doc, sizeof close_doc);
    AttemptRecord rec;
    bool ok = record_parse(doc, n, &rec, NULL) && summary_encode(&rec, out);
    record_finish(&rec);
    free(doc);
    if (!ok) {
        blob_finish(out);
    }
    return ok ? 1 : 0;
}

bool summary_from_text(const char *text, size_t len, Blob *out, Diag *problem)
{
    size_t tail = len < TAIL_BYTES ? len : TAIL_BYTES;
    if (ends_like_record(text + len - tail, tail) && summary_from_head(text, len < HEAD_BYTES ? len : HEAD_BYTES, out)) {
        return true;
    }
    return summary_full(text, len, out, problem);
}

static bool read_at(int fd, char *buf, size_t n, off_t at)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, buf + got, n - got, at + (off_t)got);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            return false;
        }
        got += (size_t)r;
    }
    return true;
}

bool summary_read_file(const char *path, Blob *out, Diag *problem)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0
        && (uint64_t)st.st_size <= RECORD_MAX_BYTES) {
        size_t size = (size_t)st.st_size;
        size_t head_n = size < HEAD_BYTES ? size : HEAD_BYTES;
        size_t tail_n = size < TAIL_BYTES ? size : TAIL_BYTES;
        char head[HEAD_BYTES], tail[TAIL_BYTES];
        bool quick = read_at(fd, head, head_n, 0) && read_at(fd, tail, tail_n, (off_t)(size - tail_n))
            && ends_like_record(tail, tail_n) && summary_from_head(head, head_n, out);
        if (quick) {
            close(fd);
            return true;
        }
    }
    if (fd >= 0) {
        close(fd);
    }
    size_t len = 0;
    int e = 0;
    char *text = fs_read_file(path, RECORD_MAX_BYTES, &len, &e);
    if (!text) {
        char expected[96];
        snprintf(expected, sizeof expected, "a readable record file of at most %d bytes", RECORD_MAX_BYTES);
        set_problem(problem, e == EFBIG ? DIAG_TOO_LARGE : DIAG_IO, expected,
                    e == EFBIG ? "a larger file" : strerror(e));
        return false;
    }
    bool ok = summary_full(text, len, out, problem);
    free(text);
    return ok;
}
