/*
 * diag.c - the list of problems found in an input (see diag.h).
 */
#include "fibresim/diag.h"

#include <errno.h>
#include <stdio.h>
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

/* Next free slot of the list, NULL (counted in dropped) when full or on OOM. */
static Diag *diag_slot(DiagList *d)
{
    if (d->count >= DIAG_LIST_MAX) {
        d->dropped++;
        return NULL;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        Diag *n = realloc(d->items, cap * sizeof *n);
        if (!n) {
            d->dropped++;
            return NULL;
        }
        d->items = n;
        d->cap = cap;
    }
    Diag *g = &d->items[d->count++];
    memset(g, 0, sizeof *g);
    return g;
}

void diag_add_t(DiagList *d, DiagCode code, int line, int col, const char *path, const char *expected_tmpl,
                const char *found_tmpl, const DiagArgs *args)
{
    Diag *g = d ? diag_slot(d) : NULL;
    if (!g) {
        return;
    }
    g->code = code;
    g->line = line;
    g->col = col;
    fs_strlcpy(g->path, path ? path : "", sizeof g->path);
    fs_strlcpy(g->expected_tmpl, expected_tmpl ? expected_tmpl : "", sizeof g->expected_tmpl);
    fs_strlcpy(g->found_tmpl, found_tmpl ? found_tmpl : "", sizeof g->found_tmpl);
    if (args) {
        g->args = *args;
    }
    g->args.count = g->args.count < 0 ? 0 : g->args.count > DIAG_ARG_MAX ? DIAG_ARG_MAX : g->args.count;
    for (int i = 0; i < g->args.count; i++) {
        g->args.items[i].name[sizeof g->args.items[i].name - 1] = '\0';
        g->args.items[i].value[sizeof g->args.items[i].value - 1] = '\0';
        utf8_scrub(g->args.items[i].value);
    }
    utf8_scrub(g->path);
    utf8_scrub(g->expected_tmpl);
    utf8_scrub(g->found_tmpl);
    diag_fill(g->expected_tmpl, &g->args, '.', g->expected, sizeof g->expected);
    diag_fill(g->found_tmpl, &g->args, '.', g->found, sizeof g->found);
    utf8_scrub(g->expected);
    utf8_scrub(g->found);
}

void diag_add(DiagList *d, DiagCode code, int line, int col, const char *path, const char *expected,
              const char *found)
{
    diag_add_t(d, code, line, col, path, expected, found, NULL);
}

static DiagArg *arg_slot(DiagArgs *a, const char *name)
{
    if (!a || a->count < 0 || a->count >= DIAG_ARG_MAX) {
        return NULL;
    }
    DiagArg *x = &a->items[a->count++];
    memset(x, 0, sizeof *x);
    fs_strlcpy(x->name, name, sizeof x->name);
    return x;
}

void diag_arg_str(DiagArgs *a, const char *name, const char *value)
{
    DiagArg *x = arg_slot(a, name);
    if (x) {
        fs_strlcpy(x->value, value ? value : "", sizeof x->value);
    }
}

void diag_arg_num_sig(DiagArgs *a, const char *name, double value, int digits)
{
    DiagArg *x = arg_slot(a, name);
    if (x) {
        snprintf(x->value, sizeof x->value, "%.*g", digits < 1 ? 1 : digits > 17 ? 17 : digits, value);
        x->number = true;
    }
}

void diag_arg_num(DiagArgs *a, const char *name, double value)
{
    diag_arg_num_sig(a, name, value, 10);
}

void diag_arg_num_text(DiagArgs *a, const char *name, const char *text)
{
    DiagArg *x = arg_slot(a, name);
    if (x) {
        fs_strlcpy(x->value, text ? text : "", sizeof x->value);
        x->number = true;
    }
}

void diag_arg_msgid(DiagArgs *a, const char *name, const char *msgid)
{
    DiagArg *x = arg_slot(a, name);
    if (x) {
        fs_strlcpy(x->value, msgid ? msgid : "", sizeof x->value);
        x->msgid = true;
    }
}

void diag_arg_int(DiagArgs *a, const char *name, long long value)
{
    DiagArg *x = arg_slot(a, name);
    if (x) {
        snprintf(x->value, sizeof x->value, "%lld", value);
        x->number = true;
    }
}

/* The value named by the placeholder at t ("{name}..."), with its length in
 * *len; NULL if t does not start a known placeholder. */
static const DiagArg *placeholder(const char *t, const DiagArgs *args, size_t *len)
{
    const char *end = strchr(t, '}');
    if (!args || !end) {
        return NULL;
    }
    size_t name_len = (size_t)(end - t - 1);
    for (int i = 0; i < args->count && i < DIAG_ARG_MAX; i++) {
        const DiagArg *x = &args->items[i];
        if (strlen(x->name) == name_len && strncmp(x->name, t + 1, name_len) == 0) {
            *len = name_len + 2;
            return x;
        }
    }
    return NULL;
}

/* Where diag_fill_tr writes: out[0 .. used), cut once full. */
typedef struct Fill {
    char *out;
    size_t n, used;
    bool cut;
    const DiagArgs *args;
    DiagTranslateFn tr;
    void *user;
    char sep;
} Fill;

/* Deepest msgid value inside a msgid value: a message naming a field, held
 * in another message, is 2; the cap stops a value that names itself. */
#define FILL_DEPTH_MAX 3

static void fill_char(Fill *f, char c)
{
    if (f->used + 1 >= f->n) {
        f->cut = true;
        return;
    }
    f->out[f->used++] = c;
}

static void fill_text(Fill *f, const char *tmpl, int depth)
{
    for (const char *t = tmpl ? tmpl : ""; *t && !f->cut;) {
        size_t len = 0;
        const DiagArg *x = *t == '{' ? placeholder(t, f->args, &len) : NULL;
        if (!x) {
            fill_char(f, *t++);
            continue;
        }
        t += len;
        if (x->msgid && depth < FILL_DEPTH_MAX) {
            fill_text(f, x->value[0] && f->tr ? f->tr(x->value, f->user) : x->value, depth + 1);
            continue;
        }
        for (const char *v = x->value; *v && !f->cut; v++) {
            fill_char(f, (x->number && *v == '.') ? f->sep : *v);
        }
    }
}

void diag_fill_tr(const char *tmpl, const DiagArgs *args, DiagTranslateFn tr, void *user, char decimal_sep,
                  char *out, size_t n)
{
    if (n == 0) {
        return;
    }
    Fill f = {.out = out, .n = n, .args = args, .tr = tr, .user = user, .sep = decimal_sep};
    fill_text(&f, tmpl, 0);
    size_t used = f.used;
    if (f.cut) {
        /* Never end inside a UTF-8 character cut by the buffer's end. */
        size_t start = used;
        while (start > 0 && ((unsigned char)out[start - 1] & 0xC0) == 0x80) {
            start--;
        }
        if (start > 0) {
            unsigned char lead = (unsigned char)out[start - 1];
            size_t want = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (used - (start - 1) < want) {
                used = start - 1;
            }
        }
    }
    out[used] = '\0';
}

void diag_fill(const char *tmpl, const DiagArgs *args, char decimal_sep, char *out, size_t n)
{
    diag_fill_tr(tmpl, args, NULL, NULL, decimal_sep, out, n);
}

void diag_text(const Diag *g, bool found, DiagTranslateFn tr, void *user, char decimal_sep, char *out, size_t n)
{
    const char *tmpl = found ? (g->found_tmpl[0] ? g->found_tmpl : g->found)
                             : (g->expected_tmpl[0] ? g->expected_tmpl : g->expected);
    if (tmpl[0] && tr) {
        tmpl = tr(tmpl, user);
    }
    diag_fill_tr(tmpl, &g->args, tr, user, decimal_sep, out, n);
}

const char *diag_errno_text(int err)
{
    switch (err) {
    case ENOENT: return N_("no such file or folder");
    case EACCES:
    case EPERM: return N_("permission denied");
    case EISDIR: return N_("a folder");
    case ENOTDIR: return N_("a path through something that is not a folder");
    case ENOMEM: return N_("out of memory");
    case ENOSPC: return N_("no space left on the disk");
    case EROFS: return N_("a read-only disk");
    case EIO: return N_("an input/output error (damaged disk or removed key?)");
    case EFBIG: return N_("a larger file");
    case ENAMETOOLONG: return N_("a file name too long");
    default: return strerror(err);
    }
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
