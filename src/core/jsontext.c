/*
 * jsontext.c - size limit, UTF-8 check and strict JSON syntax check with a
 * precise "expected ... found ..." for the first problem (see jsontext.h).
 *
 * The syntax check is iterative (an explicit stack of open brackets), so a
 * file of a million '[' costs no recursion; it stops at the first problem
 * because after a syntax error the rest of the text has no reliable meaning.
 */
#include "fibresim/jsontext.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "fibresim/core.h"
#include "fibresim/fileio.h"
#include "fibresim/jsonv.h"
#include "fibresim/messages.h" /* N_() */
#include "jsontext_internal.h"

size_t jsontext_bom_len(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    return (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) ? 3 : 0;
}

/* ---- UTF-8 ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s[0..avail), or 0 if it is not valid;
 * *why (may be NULL) then says what is wrong. Table 3-7 of the Unicode standard. */
static size_t utf8_seq(const unsigned char *s, size_t avail, const char **why)
{
    const char *reason = N_("byte {byte} (a byte that cannot start a UTF-8 character)");
    unsigned char c = s[0];
    size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c == 0xE0) {
        n = 3;
        lo = 0xA0;
    } else if (c >= 0xE1 && c <= 0xEC) {
        n = 3;
    } else if (c == 0xED) {
        n = 3;
        hi = 0x9F;
    } else if (c >= 0xEE && c <= 0xEF) {
        n = 3;
    } else if (c == 0xF0) {
        n = 4;
        lo = 0x90;
    } else if (c >= 0xF1 && c <= 0xF3) {
        n = 4;
    } else if (c == 0xF4) {
        n = 4;
        hi = 0x8F;
    } else {
        if (c == 0xC0 || c == 0xC1) {
            reason = N_("byte {byte} (an overlong (non-shortest) UTF-8 form)");
        } else if (c >= 0xF5) {
            reason = N_("byte {byte} (a code point above U+10FFFF)");
        }
        if (why) {
            *why = reason;
        }
        return 0;
    }
    if (avail < 2 || (s[1] & 0xC0) != 0x80) {
        reason = avail < 2 ? N_("byte {byte} (a UTF-8 character cut short by the end of the file)")
                           : N_("byte {byte} (a UTF-8 lead byte without its continuation bytes)");
    } else if (s[1] < lo || s[1] > hi) {
        if (c == 0xED) {
            reason = N_("byte {byte} (a UTF-16 surrogate (U+D800-U+DFFF) encoded in UTF-8)");
        } else if (c == 0xF4) {
            reason = N_("byte {byte} (a code point above U+10FFFF)");
        } else {
            reason = N_("byte {byte} (an overlong (non-shortest) UTF-8 form)");
        }
    } else {
        size_t i = 2;
        while (i < n && i < avail && (s[i] & 0xC0) == 0x80) {
            i++;
        }
        if (i == n) {
            return n;
        }
        reason = i >= avail ? N_("byte {byte} (a UTF-8 character cut short by the end of the file)")
                            : N_("byte {byte} (a UTF-8 lead byte without its continuation bytes)");
    }
    if (why) {
        *why = reason;
    }
    return 0;
}

/* Sets err's expected part from an English template (filled with err->args). */
static void set_expected(JsonTextError *err, const char *tmpl)
{
    fs_strlcpy(err->expected_tmpl, tmpl, sizeof err->expected_tmpl);
    diag_fill(tmpl, &err->args, '.', err->expected, sizeof err->expected);
}

/* Same for the found part. */
static void set_found(JsonTextError *err, const char *tmpl)
{
    fs_strlcpy(err->found_tmpl, tmpl, sizeof err->found_tmpl);
    diag_fill(tmpl, &err->args, '.', err->found, sizeof err->found);
}

size_t jsontext_utf8_len(const unsigned char *s, size_t avail)
{
    return utf8_seq(s, avail, NULL);
}

bool jsontext_utf8_check(const char *text, size_t len, JsonTextError *err)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        const char *why = NULL;
        size_t n = utf8_seq(s + i, len - i, &why);
        if (n == 0) {
            err->offset = i;
            /* A lone byte 0xC0-0xFF followed by ASCII is the mark of a file saved
             * in Latin-1 / Windows-1252 (French accents: 0xE9 is 'é'). */
            bool latin1 = s[i] >= 0xA0 && (i + 1 >= len || s[i + 1] < 0x80);
            memset(&err->args, 0, sizeof err->args);
            char byte[8], letter[3] = {0};
            snprintf(byte, sizeof byte, "0x%02X", s[i]);
            diag_arg_str(&err->args, "byte", byte);
            set_expected(err, latin1 ? N_("UTF-8 text (the file looks saved as Latin-1 or Windows-1252: save it as UTF-8)")
                                     : N_("UTF-8 text (save the file as UTF-8)"));
            if (latin1) {
                /* Latin-1 byte b is the code point U+00b: show the letter meant. */
                letter[0] = (char)(0xC0 | (s[i] >> 6));
                letter[1] = (char)(0x80 | (s[i] & 0x3F));
                diag_arg_str(&err->args, "letter", letter);
                set_found(err, N_("byte {byte} ('{letter}' in Latin-1)"));
            } else {
                set_found(err, why);
            }
            return false;
        }
        i += n;
    }
    return true;
}

/* ---- strict JSON syntax ----------------------------------------------------- */

typedef struct Lex {
    const unsigned char *s;
    size_t len, pos;
    JsonTextError *err;
} Lex;

static bool is_word_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '+'
           || c == '-' || c == '.';
}

/* Says in a few words what is at offset at, for "found ...": sets
 * x->err's found part (adding its value to x->err->args). */
static void describe_at(const Lex *x, size_t at)
{
    JsonTextError *e = x->err;
    if (at >= x->len) {
        bool blank = true;
        for (size_t i = 0; i < x->len && blank; i++) {
            blank = x->s[i] == ' ' || x->s[i] == '\t' || x->s[i] == '\n' || x->s[i] == '\r';
        }
        set_found(e, blank ? (x->len ? N_("a file with only white space") : N_("an empty file")) : N_("end of file"));
        return;
    }
    unsigned char c = x->s[at];
    char text[40];
    if (c == '\n' || c == '\r') {
        set_found(e, N_("end of line"));
    } else if (c == 0) {
        set_found(e, N_("a NUL byte (0x00)"));
    } else if (c == '\t') {
        set_found(e, N_("a tab character"));
    } else if (c < 0x20 || c == 0x7F) {
        snprintf(text, sizeof text, "U+%04X", c);
        diag_arg_str(&e->args, "code", text);
        set_found(e, N_("control character {code}"));
    } else if (c == '/' && at + 1 < x->len && (x->s[at + 1] == '/' || x->s[at + 1] == '*')) {
        set_found(e, N_("a comment (JSON has no comments)"));
    } else {
        if (is_word_char(c)) {
            size_t end = at;
            while (end < x->len && is_word_char(x->s[end]) && end - at < 24) {
                end++;
            }
            bool more = end < x->len && is_word_char(x->s[end]);
            snprintf(text, sizeof text, "'%.*s%s'", (int)(end - at), (const char *)x->s + at, more ? "..." : "");
        } else if (c < 0x80) {
            snprintf(text, sizeof text, "'%c'", c);
        } else {
            size_t k = utf8_seq(x->s + at, x->len - at, NULL);
            if (!k) {
                snprintf(text, sizeof text, "0x%02X", c);
                diag_arg_str(&e->args, "byte", text);
                set_found(e, N_("byte {byte}"));
                return;
            }
            snprintf(text, sizeof text, "'%.*s'", (int)k, (const char *)x->s + at);
        }
        /* The file's own characters: the same in every language. */
        diag_arg_str(&e->args, "text", text);
        set_found(e, "{text}");
    }
}

static bool fail(Lex *x, size_t at, const char *expected)
{
    x->err->offset = at;
    set_expected(x->err, expected);
    describe_at(x, at);
    return false;
}

/* Like fail(), naming where the unclosed string or bracket starts: tmpl
 * has the placeholders {line} and {col}. */
static bool fail_at_opener(Lex *x, size_t at, const char *tmpl, size_t opener)
{
    int line, col;
    json_offset_to_line_col((const char *)x->s, x->len, opener, &line, &col);
    memset(&x->err->args, 0, sizeof x->err->args);
    diag_arg_int(&x->err->args, "line", line);
    diag_arg_int(&x->err->args, "col", col);
    return fail(x, at, tmpl);
}

static void skip_ws(Lex *x)
{
    while (x->pos < x->len) {
        unsigned char c = x->s[x->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        x->pos++;
    }
}

static int hex4(const Lex *x, size_t at)
{
    if (at + 4 > x->len) {
        return -1;
    }
    int v = 0;
    for (size_t i = at; i < at + 4; i++) {
        unsigned char c = x->s[i];
        int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                               : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (d < 0) {
            return -1;
        }
        v = v * 16 + d;
    }
    return v;
}

/* A string at x->pos (which is '"'); leaves pos after the closing quote. */
static bool lex_string(Lex *x)
{
    size_t open = x->pos++;
    while (x->pos < x->len) {
        /* Plain printable ASCII, the bulk of every string, in a tight loop. */
        const unsigned char *p = x->s + x->pos, *end = x->s + x->len;
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') {
            p++;
        }
        x->pos = (size_t)(p - x->s);
        if (x->pos >= x->len) {
            break;
        }
        unsigned char c = x->s[x->pos];
        if (c == '"') {
            x->pos++;
            return true;
        }
        if (c == '\n' || c == '\r') {
            return fail_at_opener(x, x->pos, N_("closing quote '\"' of the string that starts at line {line}, column {col}"), open);
        }
        if (c < 0x20) {
            return fail(x, x->pos, c == '\t' ? N_("\\t instead of a raw tab inside a string")
                                             : N_("a character or an escape such as \\n (no raw control characters in strings)"));
        }
        if (c >= 0x80) {
            size_t k = utf8_seq(x->s + x->pos, x->len - x->pos, NULL);
            if (!k) {
                return fail(x, x->pos, N_("UTF-8 text (save the file as UTF-8)"));
            }
            x->pos += k;
            continue;
        }
        if (c != '\\') {
            x->pos++;
            continue;
        }
        size_t esc = x->pos;
        if (esc + 1 >= x->len) {
            return fail(x, esc + 1, N_("an escape character after '\\'"));
        }
        unsigned char e = x->s[esc + 1];
        if (strchr("\"\\/bfnrt", e) && e != 0) {
            x->pos += 2;
            continue;
        }
        if (e != 'u') {
            x->err->offset = esc;
            set_expected(x->err, N_("an escape: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"));
            if (e >= 0x20 && e < 0x7F) {
                char text[8];
                snprintf(text, sizeof text, "'\\%c'", e);
                diag_arg_str(&x->err->args, "text", text);
                set_found(x->err, "{text}");
            } else {
                describe_at(x, esc + 1);
            }
            return false;
        }
        int cp = hex4(x, esc + 2);
        if (cp < 0) {
            return fail(x, esc, N_("4 hexadecimal digits after \\u"));
        }
        if (cp == 0) {
            return fail(x, esc, N_("a character other than \\u0000 (NUL is not allowed in text)"));
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return fail(x, esc, N_("a high surrogate \\uD800-\\uDBFF before this low surrogate"));
        }
        x->pos = esc + 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            int low = (x->pos + 1 < x->len && x->s[x->pos] == '\\' && x->s[x->pos + 1] == 'u')
                          ? hex4(x, x->pos + 2) : -1;
            if (low < 0xDC00 || low > 0xDFFF) {
                return fail(x, x->pos, N_("a low surrogate \\uDC00-\\uDFFF after the high surrogate"));
            }
            x->pos += 6;
        }
    }
    return fail_at_opener(x, x->pos, N_("closing quote '\"' of the string that starts at line {line}, column {col}"), open);
}

static bool is_digit(const Lex *x, size_t at)
{
    return at < x->len && x->s[at] >= '0' && x->s[at] <= '9';
}

/* A number at x->pos (which is '-' or a digit). */
static bool lex_number(Lex *x)
{
    size_t start = x->pos;
    if (x->s[x->pos] == '-') {
        x->pos++;
    }
    if (!is_digit(x, x->pos)) {
        return fail(x, x->pos, N_("a digit after '-'"));
    }
    if (x->s[x->pos] == '0' && is_digit(x, x->pos + 1)) {
        return fail(x, start, N_("a number without leading zeros (JSON has no octal)"));
    }
    while (is_digit(x, x->pos)) {
        x->pos++;
    }
    if (x->pos < x->len && x->s[x->pos] == '.') {
        x->pos++;
        if (!is_digit(x, x->pos)) {
            return fail(x, x->pos, N_("a digit after the decimal point '.'"));
        }
        while (is_digit(x, x->pos)) {
            x->pos++;
        }
    }
    if (x->pos < x->len && (x->s[x->pos] == 'e' || x->s[x->pos] == 'E')) {
        x->pos++;
        if (x->pos < x->len && (x->s[x->pos] == '+' || x->s[x->pos] == '-')) {
            x->pos++;
        }
        if (!is_digit(x, x->pos)) {
            return fail(x, x->pos, N_("a digit in the exponent"));
        }
        while (is_digit(x, x->pos)) {
            x->pos++;
        }
    }
    if (x->pos - start > JSONTEXT_NUMBER_MAX) {
        return fail(x, start, N_("a number of at most 63 characters"));
    }
    return true;
}

/* The expectation at a place where a value should start, refined by what is
 * there: bare words, single quotes and the like get a precise hint. */
static bool fail_value(Lex *x, const char *base)
{
    size_t at = x->pos;
    if (at < x->len) {
        unsigned char c = x->s[at];
        size_t end = at;
        while (end < x->len && is_word_char(x->s[end])) {
            end++;
        }
        size_t wl = end - at;
        const char *w = (const char *)x->s + at;
        if ((wl == 4 && (strncasecmp(w, "true", 4) == 0 || strncasecmp(w, "null", 4) == 0))
            || (wl == 5 && strncasecmp(w, "false", 5) == 0)) {
            return fail(x, at, N_("true, false or null in lowercase"));
        }
        if (c == '\'') {
            return fail(x, at, N_("a string in double quotes \"...\" (not single quotes)"));
        }
        if (c == '+' || c == '.' || (wl >= 3 && (strncasecmp(w, "nan", 3) == 0 || strncasecmp(w, "inf", 3) == 0))) {
            return fail(x, at, N_("a JSON number such as 0.5 or -3 (no '+', no leading '.', no NaN or Infinity)"));
        }
        if (wl > 0) {
            return fail(x, at, N_("a value (text goes in double quotes \"...\")"));
        }
    }
    return fail(x, at, base);
}

typedef enum LexState {
    WANT_TOP,            /* the one top-level value */
    WANT_VALUE_COLON,    /* after "key": */
    WANT_VALUE_COMMA,    /* after ',' in an array */
    WANT_VALUE_OR_CLOSE, /* after '[' */
    WANT_KEY_OR_CLOSE,   /* after '{' */
    WANT_KEY,            /* after ',' in an object */
    WANT_COLON,          /* after a key */
    WANT_COMMA_OR_CLOSE, /* after a value inside an array or object */
    WANT_END             /* after the top-level value */
} LexState;

bool jsontext_syntax_check(const char *text, size_t len, JsonTextError *err)
{
    Lex x = {(const unsigned char *)text, len, 0, err};
    size_t opener[JSONTEXT_MAX_DEPTH]; /* offsets of the open '[' and '{' */
    size_t depth = 0;
    LexState st = WANT_TOP;
    for (;;) {
        skip_ws(&x);
        unsigned char c = x.pos < x.len ? x.s[x.pos] : 0;
        bool eof = x.pos >= x.len;
        switch (st) {
        case WANT_END:
            if (eof) {
                return true;
            }
            return fail(&x, x.pos, N_("nothing after the end of the top-level value"));
        case WANT_COLON:
            if (!eof && c == ':') {
                x.pos++;
                st = WANT_VALUE_COLON;
                continue;
            }
            return fail(&x, x.pos, N_("':' after the key"));
        case WANT_KEY_OR_CLOSE:
        case WANT_KEY:
            if (!eof && c == '"') {
                if (!lex_string(&x)) {
                    return false;
                }
                st = WANT_COLON;
                continue;
            }
            if (!eof && c == '}' && st == WANT_KEY_OR_CLOSE) {
                x.pos++;
                depth--;
                st = depth ? WANT_COMMA_OR_CLOSE : WANT_END;
                continue;
            }
            if (eof && st == WANT_KEY_OR_CLOSE) {
                return fail_at_opener(&x, x.pos, N_("'}' to close the '{' at line {line}, column {col}"), opener[depth - 1]);
            }
            if (!eof && c == '}') {
                return fail(&x, x.pos, N_("another \"key\": value after ',' (or remove that ',')"));
            }
            if (!eof && c == '\'') {
                return fail(&x, x.pos, N_("a key in double quotes \"...\" (not single quotes)"));
            }
            if (!eof && st == WANT_KEY && c >= '0' && c <= '9' && x.s[x.pos - 1] == ',' && x.pos >= 2
                && x.s[x.pos - 2] >= '0' && x.s[x.pos - 2] <= '9') {
                /* "pass_mark": 70,5 -- a French decimal comma. */
                return fail(&x, x.pos - 1, N_("a decimal point '.' in numbers (write 0.5, not 0,5)"));
            }
            return fail(&x, x.pos, st == WANT_KEY ? N_("a key in double quotes after ','")
                                                  : N_("a key in double quotes, or '}'"));
        case WANT_COMMA_OR_CLOSE: {
            bool in_object = x.s[opener[depth - 1]] == '{';
            if (!eof && c == ',') {
                x.pos++;
                st = in_object ? WANT_KEY : WANT_VALUE_COMMA;
                continue;
            }
            if (!eof && c == (in_object ? '}' : ']')) {
                x.pos++;
                depth--;
                st = depth ? WANT_COMMA_OR_CLOSE : WANT_END;
                continue;
            }
            if (eof) {
                return fail_at_opener(&x, x.pos,
                                      in_object ? N_("'}' to close the '{' at line {line}, column {col}")
                                                : N_("']' to close the '[' at line {line}, column {col}"),
                                      opener[depth - 1]);
            }
            return fail(&x, x.pos, in_object ? N_("',' or '}' after a value") : N_("',' or ']' after a value"));
        }
        case WANT_TOP:
        case WANT_VALUE_COLON:
        case WANT_VALUE_COMMA:
        case WANT_VALUE_OR_CLOSE:
            if (!eof && c == ']' && st == WANT_VALUE_OR_CLOSE) {
                x.pos++;
                depth--;
                st = depth ? WANT_COMMA_OR_CLOSE : WANT_END;
                continue;
            }
            if (!eof && c == ']' && st == WANT_VALUE_COMMA) {
                return fail(&x, x.pos, N_("another value after ',' (or remove that ',')"));
            }
            if (!eof && (c == '{' || c == '[')) {
                if (depth == JSONTEXT_MAX_DEPTH) {
                    return fail(&x, x.pos, N_("at most 64 nested arrays or objects"));
                }
                opener[depth++] = x.pos++;
                st = c == '{' ? WANT_KEY_OR_CLOSE : WANT_VALUE_OR_CLOSE;
                continue;
            }
            if (!eof && c == '"') {
                if (!lex_string(&x)) {
                    return false;
                }
            } else if (!eof && (c == '-' || (c >= '0' && c <= '9'))) {
                if (!lex_number(&x)) {
                    return false;
                }
            } else if (!eof && (c == 't' || c == 'f' || c == 'n')) {
                const char *lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
                size_t n = strlen(lit);
                if (x.len - x.pos < n || memcmp(x.s + x.pos, lit, n) != 0
                    || (x.pos + n < x.len && is_word_char(x.s[x.pos + n]))) {
                    return fail_value(&x, N_("a value"));
                }
                x.pos += n;
            } else if (eof && st == WANT_VALUE_OR_CLOSE) {
                return fail_at_opener(&x, x.pos, N_("']' to close the '[' at line {line}, column {col}"), opener[depth - 1]);
            } else {
                const char *base = st == WANT_TOP          ? N_("a JSON value (a scenario is an object { ... })")
                                   : st == WANT_VALUE_COLON ? N_("a value after ':'")
                                   : st == WANT_VALUE_COMMA ? N_("a value after ','")
                                                            : N_("a value or ']'");
                return fail_value(&x, base);
            }
            st = depth ? WANT_COMMA_OR_CLOSE : WANT_END;
            continue;
        }
    }
}

/* ---- parse and read ---------------------------------------------------------- */

static void report(DiagList *d, DiagCode code, const char *body, size_t len, const JsonTextError *e)
{
    int line, col;
    json_offset_to_line_col(body, len, e->offset, &line, &col);
    diag_add_t(d, code, line, col, "", e->expected_tmpl[0] ? e->expected_tmpl : e->expected,
               e->found_tmpl[0] ? e->found_tmpl : e->found, &e->args);
}

cJSON *jsontext_parse(const char *text, size_t len, DiagList *d, size_t *bom_len)
{
    size_t bom = jsontext_bom_len(text, len);
    if (bom_len) {
        *bom_len = bom;
    }
    const char *body = text + bom;
    size_t body_len = len - bom;
    /* Valid text (nearly every file read) in one pass; the checks below
     * only run to say what is wrong. */
    cJSON *fast = jsontext_tree(body, body_len);
    if (fast) {
        return fast;
    }
    JsonTextError e;
    memset(&e, 0, sizeof e);
    /* Text the syntax check passes is valid UTF-8 (it checks every string
     * with the same rules, and a byte above 0x7F is a syntax error anywhere
     * else), so the UTF-8 pass runs only on failure, to say the encoding is
     * wrong rather than the syntax: one pass less over every record read. */
    if (!jsontext_syntax_check(body, body_len, &e)) {
        JsonTextError u;
        memset(&u, 0, sizeof u);
        if (!jsontext_utf8_check(body, body_len, &u)) {
            report(d, DIAG_NOT_UTF8, body, body_len, &u);
        } else {
            report(d, DIAG_PARSE, body, body_len, &e);
        }
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(body, body_len, &end, false);
    if (!root) {
        /* The strict check passed, so this is cJSON running out of memory (or a
         * disagreement between the two readers, which the fuzz target hunts). */
        e.offset = (end && end >= body && end <= body + body_len) ? (size_t)(end - body) : 0;
        memset(&e.args, 0, sizeof e.args);
        set_expected(&e, N_("JSON that fits in memory"));
        set_found(&e, N_("a value the JSON reader could not load"));
        report(d, DIAG_PARSE, body, body_len, &e);
    }
    return root;
}

char *jsontext_read_file(const char *path, size_t max_bytes, size_t *len, DiagList *d)
{
    int err = 0;
    char *buf = fs_read_file(path, max_bytes, len, &err);
    if (buf) {
        return buf;
    }
    if (err == EFBIG) {
        DiagArgs args = {0};
        const char *found = N_("a larger file");
        diag_arg_int(&args, "max", (long long)max_bytes);
        struct stat st;
        if (stat(path, &st) == 0 && st.st_size > 0) {
            diag_arg_int(&args, "count", (long long)st.st_size);
            found = N_("{count} bytes");
        }
        diag_add_t(d, DIAG_TOO_LARGE, 0, 0, "", N_("a file of at most {max} bytes"), found, &args);
    } else if (err == EISDIR) {
        diag_add(d, DIAG_IO, 0, 0, "", N_("a file"), N_("a folder"));
    } else if (err == ENOMEM) {
        diag_add(d, DIAG_IO, 0, 0, "", N_("enough memory to read the file"), N_("out of memory"));
    } else {
        diag_add(d, DIAG_IO, 0, 0, "", N_("a readable file"), diag_errno_text(err ? err : EIO));
    }
    return NULL;
}
