/*
 * report_read.c - a record's summary from as few bytes as possible.
 *
 * Only the first 16 kB and the last bytes of a file are used (files up to
 * 48 kB are read in one call, larger ones in two, plus a stat): a record's
 * header and result come before its events (record_parse_head_parts,
 * record.h). Anything else is read whole and parsed in full, so the problem
 * reported is the true one. The events themselves are checked only by the
 * verification, which reads and parses everything.
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
#define WHOLE_BYTES 49152

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

/* 1: summary from the head and tail; 0: not that shape (read it all). */
static int summary_from_parts(const char *head, size_t head_len, const char *tail, size_t tail_len, Blob *out)
{
    AttemptRecord rec;
    bool ok = record_parse_head_parts(head, head_len, tail, tail_len, &rec) && summary_encode(&rec, out);
    record_finish(&rec);
    if (!ok) {
        blob_finish(out);
    }
    return ok ? 1 : 0;
}

bool summary_from_text(const char *text, size_t len, Blob *out, Diag *problem)
{
    size_t tail = len < TAIL_BYTES ? len : TAIL_BYTES;
    if (summary_from_parts(text, len < HEAD_BYTES ? len : HEAD_BYTES, text + len - tail, tail, out)) {
        return true;
    }
    return summary_full(text, len, out, problem);
}

/* Bytes read at `at`, up to n: fewer only at the end of the file; -1 on error. */
static ssize_t read_some(int fd, char *buf, size_t n, off_t at)
{
    for (;;) {
        ssize_t r = pread(fd, buf, n, at);
        if (r >= 0 || errno != EINTR) {
            return r;
        }
    }
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

bool summary_read_file(const char *path, uint64_t known_size, FileKey *key, bool *have_key, Blob *out,
                       Diag *problem)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (have_key) {
        struct stat st;
        *have_key = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
        if (*have_key) {
            file_key_set(key, &st);
            known_size = (uint64_t)st.st_size;
        }
    }
    if (fd >= 0) {
        /* Most records are smaller than the buffer: one read gets all of
         * it (a short read of a regular file is its end), and neither a
         * stat nor a second read is needed. Whatever is odd about the file
         * (it changed meanwhile, a read cut short) makes the head or the
         * tail fail to parse, and the whole file is then read below. */
        char buf[WHOLE_BYTES];
        ssize_t got = read_some(fd, buf, sizeof buf, 0);
        bool quick = false;
        if (got > 0 && (size_t)got < sizeof buf) {
            size_t n = (size_t)got;
            size_t tail_n = n < TAIL_BYTES ? n : TAIL_BYTES;
            quick = summary_from_parts(buf, n < HEAD_BYTES ? n : HEAD_BYTES, buf + n - tail_n, tail_n, out);
        } else if (got == (ssize_t)sizeof buf) {
            struct stat st;
            if (known_size == 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
                known_size = (uint64_t)st.st_size;
            }
            char tail[TAIL_BYTES];
            quick = known_size > sizeof buf && known_size <= RECORD_MAX_BYTES
                 && read_at(fd, tail, TAIL_BYTES, (off_t)(known_size - TAIL_BYTES))
                 && summary_from_parts(buf, HEAD_BYTES, tail, TAIL_BYTES, out);
        }
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
