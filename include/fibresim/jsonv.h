/*
 * jsonv.h - reading a cJSON tree while collecting every problem with its path.
 *
 * Used by the scenario loader, by each module's setup validator and by the
 * record reader. Each helper checks one value, appends a Diag on a problem
 * (JSON path, and line:column found by locating that path in the source text)
 * and returns whether the value is usable, so a validator reads like the format
 * description and goes on after an error.
 */
#ifndef FIBRESIM_JSONV_H
#define FIBRESIM_JSONV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/diag.h"

typedef struct cJSON cJSON;

typedef struct JsonV {
    DiagList *diags;   /* borrowed */
    const char *text;  /* borrowed source text, for line:column; may be NULL */
    size_t text_len;
} JsonV;

#define JV_PATH_MAX 160

/* "parent.key" (or "key" when parent is empty). */
void jv_path_key(char *out, size_t n, const char *parent, const char *key);
/* "parent[i]" */
void jv_path_index(char *out, size_t n, const char *parent, size_t i);

/* Appends a problem at path, locating its line:column in v->text. expected
 * and found are fixed texts (N_() msgids). */
void jv_report(JsonV *v, DiagCode code, const char *path, const char *expected, const char *found);
/* Same with templates (N_() msgids) whose "{name}" placeholders args fills
 * (see diag_add_t). */
void jv_report_t(JsonV *v, DiagCode code, const char *path, const char *expected_tmpl, const char *found_tmpl,
                 const DiagArgs *args);
/* Writes names (NULL-terminated) into out, each between quote and separated
 * by sep; a list too long for out ends with "..." after the last whole name. */
void jv_list_names(const char *const *names, const char *quote, const char *sep, char *out, size_t n);

/* Edit distance (insertions, deletions, substitutions; ASCII case ignored)
 * between two short strings, for "did you mean" suggestions; 99 when either is
 * longer than 63 bytes. */
size_t jv_edit_distance(const char *a, const char *b);
/* Whether a name at that distance is a plausible typo of the other (worth a
 * "did you mean"): at most 2 edits and at most half the longer name. */
bool jv_close_enough(size_t distance, const char *a, const char *b);

/* A node for "found" messages: returns the template (an N_() msgid such as
 * "text \"{text}\"" or "the number {number}") and adds its value to args. */
const char *jv_describe_t(const cJSON *node, DiagArgs *args);
/* The same, filled in English (logs, tests). */
void jv_describe(const cJSON *node, char *out, size_t n);

/* Checks that node is an object whose keys are all in allowed (NULL-terminated)
 * and that none appears twice. Unknown keys get a "did you mean" suggestion.
 * Returns false if node is not an object. */
bool jv_object(JsonV *v, const cJSON *node, const char *path, const char *const *allowed);
/* obj[key] (first match), NULL if absent or obj is not an object: reports
 * nothing. */
const cJSON *jv_get(const cJSON *obj, const char *key);

/* Each getter: key missing -> DIAG_MISSING_FIELD if required (returns false,
 * *out untouched, so preset defaults survive); wrong type or out of range ->
 * reported, returns false. */
bool jv_double(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
               double lo, double hi, double *out);
bool jv_int(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
            int64_t lo, int64_t hi, int64_t *out);
bool jv_bool(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required, bool *out);
/* Copies a string of at most max_len bytes (and < out_n) into out. Empty strings
 * are refused when required. */
bool jv_string(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
               char *out, size_t out_n);
/* Same, into a malloc'd copy (owned by the caller) limited to max_len bytes. */
bool jv_string_dup(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
                   size_t max_len, char **out);
/* A string that must be one of names (NULL-terminated); *out = its index. */
bool jv_enum(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
             const char *const *names, int *out);
/* An object member; reports missing (if required) or not an object. */
const cJSON *jv_child_object(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required);
/* An array member with min..max items; NULL on any problem. */
const cJSON *jv_child_array(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
                            size_t min_items, size_t max_items);
/* An identifier: 1-48 chars of [a-z0-9_.-], starting with a letter or digit. */
bool jv_id(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
           char *out, size_t out_n);

/* Finds the 1-based line and column of the value at a JSON path in text
 * (paths as built by jv_path_key / jv_path_index). Returns false if the path
 * cannot be found; then *line and *col give the closest enclosing value. */
bool json_locate(const char *text, size_t len, const char *path, int *line, int *col);
/* Finds the line and column of the nth (0-based) occurrence of key itself (its
 * opening quote) in the object at obj_path, so that an unknown or duplicate
 * key is shown where it is written. Returns false if not found; then *line and
 * *col give the closest enclosing value. */
bool json_locate_key(const char *text, size_t len, const char *obj_path, const char *key, size_t nth, int *line,
                     int *col);
/* Line and column of a byte offset. */
void json_offset_to_line_col(const char *text, size_t len, size_t offset, int *line, int *col);

#endif
