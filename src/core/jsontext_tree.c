/*
 * jsontext_tree.c - strict JSON text to a cJSON tree in one pass
 * (jsontext_tree, jsontext.h).
 *
 * jsontext_parse() used to check the text with the strict syntax checker
 * (for its precise messages) and then hand it to cJSON: two passes, and
 * cJSON's own is slow (it looks up the locale for every number). Reading
 * the heads of 100,000 records for a report spent a third of its time
 * there. This reader builds the same tree that cJSON_Parse() would, with
 * cJSON's allocator (cJSON_malloc, so cJSON_Delete frees it), and accepts
 * exactly what jsontext_syntax_check() accepts; on anything else it returns
 * NULL and the caller takes the slow path, whose checker says what is
 * wrong. The fuzz target fuzz_scenario checks both promises on arbitrary
 * bytes: same verdict as the checker, same tree as cJSON.
 *
 * Recursive, but never deeper than JSONTEXT_MAX_DEPTH containers.
 */
#define _GNU_SOURCE /* strtod_l */
#include "fibresim/jsontext.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "jsontext_internal.h"

typedef struct Reader {
    const unsigned char *p, *end;
} Reader;

/* Numbers are read in the C locale whatever the program's (as cJSON does,
 * by its own means). */
static locale_t c_numeric;
static pthread_once_t c_numeric_once = PTHREAD_ONCE_INIT;

static void make_c_numeric(void)
{
    c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

static void skip_ws(Reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) {
        r->p++;
    }
}

static cJSON *new_item(int type)
{
    cJSON *c = cJSON_malloc(sizeof *c);
    if (c) {
        memset(c, 0, sizeof *c);
        c->type = type;
    }
    return c;
}

static int hex_digit(unsigned char c)
{
    return (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
}

/* The 4 hex digits at s (before end), or -1. */
static long hex4(const unsigned char *s, const unsigned char *end)
{
    if (end - s < 4) {
        return -1;
    }
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(s[i]);
        if (d < 0) {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

static size_t put_utf8(char *out, unsigned long cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the escapes of the string body [s, q) into out (long enough: an
 * escape never gets longer once decoded). false on a bad escape. */
static bool unescape(const unsigned char *s, const unsigned char *q, char *out, size_t *n_out)
{
    size_t o = 0;
    while (s < q) {
        if (*s != '\\') {
            out[o++] = (char)*s++;
            continue;
        }
        unsigned char e = s[1]; /* the scan made sure it is inside the string */
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        const char *k = e ? strchr(from, e) : NULL;
        if (k) {
            out[o++] = to[k - from];
            s += 2;
            continue;
        }
        if (e != 'u') {
            return false;
        }
        long cp = hex4(s + 2, q);
        if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) {
            return false; /* \u0000, or a low surrogate alone */
        }
        s += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            long low = (q - s >= 6 && s[0] == '\\' && s[1] == 'u') ? hex4(s + 2, q) : -1;
            if (low < 0xDC00 || low > 0xDFFF) {
                return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            s += 6;
        }
        o += put_utf8(out + o, (unsigned long)cp);
    }
    out[o] = '\0';
    *n_out = o;
    return true;
}

/* The string at r->p (a '"'), decoded, allocated with cJSON_malloc; NULL if
 * it is not a valid JSON string (or out of memory). */
static char *read_string(Reader *r)
{
    const unsigned char *start = ++r->p, *q = start;
    bool escapes = false;
    for (;;) {
        /* plain printable ASCII, the bulk of every string */
        while (q < r->end && *q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\') {
            q++;
        }
        if (q >= r->end || *q < 0x20) {
            return NULL; /* unterminated, or a raw control character */
        }
        if (*q == '"') {
            break;
        }
        if (*q == '\\') {
            if (r->end - q < 2) {
                return NULL;
            }
            escapes = true;
            q += 2; /* the escape is checked when decoded */
            continue;
        }
        size_t k = jsontext_utf8_len(q, (size_t)(r->end - q));
        if (k == 0) {
            return NULL;
        }
        q += k;
    }
    size_t n = (size_t)(q - start);
    char *out = cJSON_malloc(n + 1);
    if (!out) {
        return NULL;
    }
    if (!escapes) {
        memcpy(out, start, n);
        out[n] = '\0';
    } else {
        size_t got = 0;
        if (!unescape(start, q, out, &got)) {
            cJSON_free(out);
            return NULL;
        }
    }
    r->p = q + 1;
    return out;
}

static bool is_digit(const Reader *r, const unsigned char *at)
{
    return at < r->end && *at >= '0' && *at <= '9';
}

static cJSON *read_number(Reader *r)
{
    const unsigned char *start = r->p, *q = r->p;
    if (*q == '-') {
        q++;
    }
    if (!is_digit(r, q) || (*q == '0' && is_digit(r, q + 1))) {
        return NULL;
    }
    while (is_digit(r, q)) {
        q++;
    }
    if (q < r->end && *q == '.') {
        if (!is_digit(r, ++q)) {
            return NULL;
        }
        while (is_digit(r, q)) {
            q++;
        }
    }
    if (q < r->end && (*q == 'e' || *q == 'E')) {
        q++;
        if (q < r->end && (*q == '+' || *q == '-')) {
            q++;
        }
        if (!is_digit(r, q)) {
            return NULL;
        }
        while (is_digit(r, q)) {
            q++;
        }
    }
    size_t n = (size_t)(q - start);
    if (n > JSONTEXT_NUMBER_MAX) {
        return NULL;
    }
    pthread_once(&c_numeric_once, make_c_numeric);
    if (c_numeric == (locale_t)0) {
        return NULL;
    }
    char buf[JSONTEXT_NUMBER_MAX + 1];
    memcpy(buf, start, n);
    buf[n] = '\0';
    double v = strtod_l(buf, NULL, c_numeric);
    cJSON *c = new_item(cJSON_Number);
    if (!c) {
        return NULL;
    }
    /* cJSON's rule for the int copy: saturated, then truncated. */
    c->valuedouble = v;
    c->valueint = v >= INT_MAX ? INT_MAX : v <= (double)INT_MIN ? INT_MIN : (int)v;
    r->p = q;
    return c;
}

static cJSON *read_value(Reader *r, int depth);

/* An object or array at r->p; depth = containers open around it. */
static cJSON *read_container(Reader *r, int depth, bool object)
{
    if (depth >= JSONTEXT_MAX_DEPTH) {
        return NULL;
    }
    cJSON *c = new_item(object ? cJSON_Object : cJSON_Array);
    if (!c) {
        return NULL;
    }
    const unsigned char close = object ? '}' : ']';
    r->p++;
    skip_ws(r);
    if (r->p < r->end && *r->p == close) {
        r->p++;
        return c;
    }
    cJSON *last = NULL;
    for (;;) {
        char *key = NULL;
        if (object) {
            if (r->p >= r->end || *r->p != '"' || !(key = read_string(r))) {
                goto fail;
            }
            skip_ws(r);
            if (r->p >= r->end || *r->p != ':') {
                cJSON_free(key);
                goto fail;
            }
            r->p++;
            skip_ws(r);
        }
        cJSON *v = read_value(r, depth + 1);
        if (!v) {
            cJSON_free(key);
            goto fail;
        }
        v->string = key;
        if (last) {
            last->next = v;
            v->prev = last;
        } else {
            c->child = v;
        }
        last = v;
        skip_ws(r);
        if (r->p < r->end && *r->p == ',') {
            r->p++;
            skip_ws(r);
            continue;
        }
        if (r->p < r->end && *r->p == close) {
            r->p++;
            break;
        }
        goto fail;
    }
    c->child->prev = last; /* as cJSON does: the first item's prev is the last */
    return c;
fail:
    cJSON_Delete(c);
    return NULL;
}

static bool literal(Reader *r, const char *word, size_t n)
{
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0) {
        return false;
    }
    r->p += n;
    return true;
}

static cJSON *read_value(Reader *r, int depth)
{
    if (r->p >= r->end) {
        return NULL;
    }
    unsigned char c = *r->p;
    if (c == '{' || c == '[') {
        return read_container(r, depth, c == '{');
    }
    if (c == '"') {
        char *s = read_string(r);
        cJSON *item = s ? new_item(cJSON_String) : NULL;
        if (!item) {
            cJSON_free(s);
            return NULL;
        }
        item->valuestring = s;
        return item;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        return read_number(r);
    }
    if (literal(r, "true", 4)) {
        cJSON *item = new_item(cJSON_True);
        if (item) {
            item->valueint = 1; /* cJSON sets it for true */
        }
        return item;
    }
    if (literal(r, "false", 5)) {
        return new_item(cJSON_False);
    }
    if (literal(r, "null", 4)) {
        return new_item(cJSON_NULL);
    }
    return NULL;
}

cJSON *jsontext_tree(const char *text, size_t len)
{
    Reader r = {(const unsigned char *)text, (const unsigned char *)text + len};
    skip_ws(&r);
    cJSON *root = read_value(&r, 0);
    skip_ws(&r);
    if (root && r.p != r.end) {
        cJSON_Delete(root);
        root = NULL;
    }
    return root;
}
