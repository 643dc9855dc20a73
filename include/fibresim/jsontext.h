/*
 * jsontext.h - reading a JSON file's raw text before any parsing: size limit,
 * UTF-8 validity and a strict syntax check that says where and what is wrong.
 *
 * cJSON only tells where it stopped, not why, and it is lenient (it takes
 * control characters inside strings, leading zeros, "1.", and bytes below 0x20
 * as white space). An instructor who forgot a comma deserves "line 12,
 * column 5: expected ',' or '}' after a value, found '\"'", so the text is
 * first checked against RFC 8259 here, and handed to cJSON only when it is
 * valid. Anything this check accepts, cJSON parses (the scenario fuzz target
 * asserts it).
 *
 * Positions are byte offsets; json_offset_to_line_col() (jsonv.h) turns them
 * into the 1-based line and column (in characters) that editors show.
 */
#ifndef FIBRESIM_JSONTEXT_H
#define FIBRESIM_JSONTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/diag.h"

typedef struct cJSON cJSON;

/* Deepest nesting of arrays and objects accepted. A scenario needs about 6;
 * the limit keeps cJSON's recursion (parse, delete) shallow on hostile input. */
#define JSONTEXT_MAX_DEPTH 64
/* Longest number literal cJSON reads (it copies numbers into a 64-byte buffer). */
#define JSONTEXT_NUMBER_MAX 63

typedef struct JsonTextError {
    size_t offset;          /* byte offset of the problem in the text checked */
    char expected[160];     /* English, what the format wants there */
    char found[96];         /* English, what the text has there */
    char expected_tmpl[160]; /* their templates (N_() msgids) and values, for translation (diag.h) */
    char found_tmpl[96];
    DiagArgs args;
} JsonTextError;

/* Length of a UTF-8 byte order mark at the start of text (3) or 0. */
size_t jsontext_bom_len(const char *text, size_t len);

/* True if text is valid UTF-8 (RFC 3629: no overlong forms, no UTF-16
 * surrogates, nothing above U+10FFFF, no truncated sequence). Otherwise fills
 * err with the offset of the first bad byte and a description. */
bool jsontext_utf8_check(const char *text, size_t len, JsonTextError *err /* OUT */);

/* True if text is exactly one JSON value (RFC 8259) with optional white space
 * around it, nesting at most JSONTEXT_MAX_DEPTH, no "\u0000" escape, no raw
 * control character in strings and numbers of at most JSONTEXT_NUMBER_MAX
 * characters. Otherwise fills err with the first problem. Expects valid UTF-8
 * (check it first); never reads past len. */
bool jsontext_syntax_check(const char *text, size_t len, JsonTextError *err /* OUT */);

/* The tree of text if it passes jsontext_syntax_check(), built in one pass
 * (the same tree as cJSON_Parse, freed with cJSON_Delete); NULL otherwise
 * or when out of memory, with no reason given: jsontext_parse() then runs
 * the checks that say why. No BOM expected. */
cJSON *jsontext_tree(const char *text, size_t len);

/* Checks and parses text (len bytes, need not be NUL-terminated): skips a
 * UTF-8 BOM, reports invalid UTF-8 (DIAG_NOT_UTF8) or the first syntax error
 * (DIAG_PARSE) with line:col counted after the BOM, as editors show them.
 * Returns the owned tree (free with cJSON_Delete) or NULL after reporting.
 * *bom_len (may be NULL) receives the length of the BOM skipped. */
cJSON *jsontext_parse(const char *text, size_t len, DiagList *d, size_t *bom_len /* OUT */);

/* Reads a whole file (fs_read_file, fileio.h) into a malloc'd NUL-terminated
 * buffer owned by the caller. A file above max_bytes is refused with
 * DIAG_TOO_LARGE before it is read; an unreadable one gets DIAG_IO with the
 * system's reason. Returns NULL after reporting. */
char *jsontext_read_file(const char *path, size_t max_bytes, size_t *len /* OUT */, DiagList *d);

#endif
