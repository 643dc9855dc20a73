/*
 * diag.c - the list of problems found in an input (see diag.h).
 */
#include "fibresim/diag.h"

#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/messages.h" /* N_() */

static const char *const code_names[DIAG_CODE_COUNT] = {
    [DIAG_IO] = N_("cannot read file"),
    [DIAG_TOO_LARGE] = N_("file too large"),
    [DIAG_NOT_UTF8] = N_("not UTF-8"),
    [DIAG_PARSE] = N_("JSON syntax error"),
    [DIAG_DUPLICATE_KEY] = N_("duplicate key"),
    [DIAG_UNKNOWN_FIELD] = N_("unknown field"),
    [DIAG_MISSING_FIELD] = N_("missing field"),
    [DIAG_WRONG_TYPE] = N_("wrong type"),
    [DIAG_OUT_OF_RANGE] = N_("value out of range"),
    [DIAG_BAD_VALUE] = N_("value not allowed"),
    [DIAG_DUPLICATE_ID] = N_("duplicate id"),
    [DIAG_UNKNOWN_MODULE] = N_("unknown module"),
    [DIAG_UNSUPPORTED] = N_("unsupported version"),
    [DIAG_INCONSISTENT] = N_("inconsistent values"),
};

/* Machine names: part of the --json output format, never change one. */
static const char *const code_ids[DIAG_CODE_COUNT] = {
    [DIAG_IO] = "io",
    [DIAG_TOO_LARGE] = "too_large",
    [DIAG_NOT_UTF8] = "not_utf8",
    [DIAG_PARSE] = "parse",
    [DIAG_DUPLICATE_KEY] = "duplicate_key",
    [DIAG_UNKNOWN_FIELD] = "unknown_field",
    [DIAG_MISSING_FIELD] = "missing_field",
    [DIAG_WRONG_TYPE] = "wrong_type",
    [DIAG_OUT_OF_RANGE] = "out_of_range",
    [DIAG_BAD_VALUE] = "bad_value",
    [DIAG_DUPLICATE_ID] = "duplicate_id",
    [DIAG_UNKNOWN_MODULE] = "unknown_module",
    [DIAG_UNSUPPORTED] = "unsupported",
    [DIAG_INCONSISTENT] = "inconsistent",
};

/* Length of the valid UTF-8 character at s, 0 if invalid (RFC 3629). */
static size_t utf8_char_len(const unsigned char *s)
{
    if (s[0] < 0x80) {
        return 1;
    }
    size_t n = s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : s[0] >= 0xE0 && s[0] <= 0xEF ? 3 : s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : 0;
    if (n == 0) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) || (s[0] == 0xF0 && s[1] < 0x90)
        || (s[0] == 0xF4 && s[1] > 0x8F)) {
        return 0;
    }
    return n;
}

/* Replaces every byte that is not part of a valid UTF-8 character by '?'. */
static void utf8_scrub(char *text)
{
    unsigned char *s = (unsigned char *)text;
    while (*s) {
        size_t n = utf8_char_len(s);
        if (n == 0) {
            *s++ = '?';
        } else {
            s += n;
        }
    }
}

void diag_list_init(DiagList *d)
{
    memset(d, 0, sizeof *d);
}

void diag_list_finish(DiagList *d)
{
    if (!d) {
        return;
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

void diag_add(DiagList *d, DiagCode code, int line, int col, const char *path, const char *expected,
              const char *found)
{
    if (!d) {
        return;
    }
    if (d->count >= DIAG_LIST_MAX) {
        d->dropped++;
        return;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        Diag *n = realloc(d->items, cap * sizeof *n);
        if (!n) {
            d->dropped++;
            return;
        }
        d->items = n;
        d->cap = cap;
    }
    Diag *g = &d->items[d->count++];
    memset(g, 0, sizeof *g);
    g->code = code;
    g->line = line;
    g->col = col;
    fs_strlcpy(g->path, path ? path : "", sizeof g->path);
    fs_strlcpy(g->expected, expected ? expected : "", sizeof g->expected);
    fs_strlcpy(g->found, found ? found : "", sizeof g->found);
    utf8_scrub(g->path);
    utf8_scrub(g->expected);
    utf8_scrub(g->found);
}

const char *diag_code_name(DiagCode c)
{
    return (c >= 0 && c < DIAG_CODE_COUNT && code_names[c]) ? code_names[c] : "problem";
}

const char *diag_code_id(DiagCode c)
{
    return (c >= 0 && c < DIAG_CODE_COUNT && code_ids[c]) ? code_ids[c] : "problem";
}

bool diag_code_from_id(const char *id, DiagCode *out)
{
    for (int c = 0; c < DIAG_CODE_COUNT; c++) {
        if (code_ids[c] && strcmp(code_ids[c], id) == 0) {
            *out = (DiagCode)c;
            return true;
        }
    }
    return false;
}

void diag_format(const Diag *d, const char *file, char *buf, size_t n)
{
    char where[64] = "";
    if (d->line > 0) {
        snprintf(where, sizeof where, ":%d:%d", d->line, d->col);
    }
    snprintf(buf, n, "%s%s: %s%s%s%s%s%s%s", file ? file : "<input>", where, d->path[0] ? d->path : "",
             d->path[0] ? ": " : "", diag_code_name(d->code), d->expected[0] ? ": expected " : "",
             d->expected, d->found[0] ? ", found " : "", d->found);
}

void diag_print(const DiagList *d, const char *file, FILE *out)
{
    char buf[768];
    for (size_t i = 0; i < d->count; i++) {
        diag_format(&d->items[i], file, buf, sizeof buf);
        fprintf(out, "%s\n", buf);
    }
    if (d->dropped) {
        fprintf(out, "%s: ... and %zu more problems\n", file ? file : "<input>", d->dropped);
    }
}
