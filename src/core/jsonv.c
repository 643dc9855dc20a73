/*
 * jsonv.c - validating reads of a cJSON tree, with paths and source positions.
 */
#include "fibresim/jsonv.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/messages.h" /* N_() */

/* Appends s at *at, truncating to fit out[n] (NUL kept). Paths are built
 * for every member read, errors or not, so this avoids snprintf. */
static void path_append(char *out, size_t n, size_t *at, const char *s)
{
    size_t len = strlen(s);
    if (*at + len >= n) {
        len = n - 1 - *at;
    }
    memcpy(out + *at, s, len);
    *at += len;
    out[*at] = '\0';
}

void jv_path_key(char *out, size_t n, const char *parent, const char *key)
{
    if (n == 0) {
        return;
    }
    size_t at = 0;
    out[0] = '\0';
    if (parent && parent[0]) {
        path_append(out, n, &at, parent);
        path_append(out, n, &at, ".");
    }
    path_append(out, n, &at, key);
}

void jv_path_index(char *out, size_t n, const char *parent, size_t i)
{
    if (n == 0) {
        return;
    }
    char digits[24];
    size_t k = sizeof digits;
    digits[--k] = '\0';
    do {
        digits[--k] = (char)('0' + i % 10);
        i /= 10;
    } while (i);
    size_t at = 0;
    out[0] = '\0';
    path_append(out, n, &at, parent ? parent : "");
    path_append(out, n, &at, "[");
    path_append(out, n, &at, digits + k);
    path_append(out, n, &at, "]");
}

const cJSON *jv_get(const cJSON *obj, const char *key)
{
    /* cJSON_GetObjectItemCaseSensitive, with the first byte compared
     * before calling strcmp: reading 100,000 records makes millions of
     * these lookups. */
    if (!cJSON_IsObject(obj)) {
        return NULL;
    }
    for (const cJSON *c = obj->child; c; c = c->next) {
        if (c->string && c->string[0] == key[0] && strcmp(c->string, key) == 0) {
            return c;
        }
    }
    return NULL;
}

/* True once the list keeps no more problems: later ones are only counted, so
 * locating them (a scan of the text each) would be wasted work -- and on a
 * hostile file of 100 000 bad keys, minutes of it. */
static bool diags_full(const JsonV *v)
{
    return v->diags && v->diags->count >= DIAG_LIST_MAX;
}

void jv_report_t(JsonV *v, DiagCode code, const char *path, const char *expected_tmpl, const char *found_tmpl,
                 const DiagArgs *args)
{
    int line = 0, col = 0;
    if (v->text && !diags_full(v)) {
        json_locate(v->text, v->text_len, path, &line, &col);
    }
    diag_add_t(v->diags, code, line, col, path, expected_tmpl, found_tmpl, args);
}

void jv_report(JsonV *v, DiagCode code, const char *path, const char *expected, const char *found)
{
    jv_report_t(v, code, path, expected, found, NULL);
}

const char *jv_describe_t(const cJSON *node, DiagArgs *args)
{
    if (!node) {
        return N_("nothing");
    }
    if (cJSON_IsString(node)) {
        char shown[52];
        fs_strlcpy(shown, node->valuestring, 48);
        if (strlen(node->valuestring) >= 48) {
            strcat(shown, "...");
        }
        diag_arg_str(args, "text", shown);
        return N_("text \"{text}\"");
    }
    if (cJSON_IsNumber(node) && !isfinite(node->valuedouble)) {
        return N_("a number too large to store");
    }
    if (cJSON_IsNumber(node)) {
        diag_arg_num(args, "number", node->valuedouble);
        return N_("the number {number}");
    }
    if (cJSON_IsBool(node) || cJSON_IsNull(node)) {
        /* JSON's own words, the same in every language. */
        diag_arg_str(args, "literal", cJSON_IsNull(node) ? "null" : cJSON_IsTrue(node) ? "true" : "false");
        return "{literal}";
    }
    if (cJSON_IsArray(node)) {
        int count = cJSON_GetArraySize(node);
        if (count == 0) {
            return N_("an empty array [ ]");
        }
        if (count == 1) {
            return N_("an array of 1 item");
        }
        diag_arg_int(args, "count", count);
        return N_("an array of {count} items");
    }
    if (cJSON_IsObject(node)) {
        return N_("an object { ... }");
    }
    return N_("an invalid value");
}

void jv_describe(const cJSON *node, char *out, size_t n)
{
    DiagArgs args = {0};
    const char *tmpl = jv_describe_t(node, &args);
    diag_fill(tmpl, &args, '.', out, n);
}

void jv_list_names(const char *const *names, const char *quote, const char *sep, char *out, size_t n)
{
    size_t used = 0;
    if (n) {
        out[0] = '\0';
    }
    for (size_t i = 0; names && names[i] && used < n; i++) {
        int w = snprintf(out + used, n - used, "%s%s%s%s", i ? sep : "", quote, names[i], quote);
        if (w < 0 || (size_t)w >= n - used) {
            /* Cut at the last whole name. */
            out[used] = '\0';
            if (used + 4 < n) {
                memcpy(out + used, "...", 4);
            }
            break;
        }
        used += (size_t)w;
    }
}

/* Edit distance, for "did you mean" on unknown keys. Short strings only. */
size_t jv_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) {
        return 99;
    }
    size_t row[64];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]) ? 0 : 1;
            size_t best = diag + cost;
            if (row[j] + 1 < best) best = row[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

bool jv_close_enough(size_t distance, const char *a, const char *b)
{
    /* At most 2 edits, and at most half the longer name: "titel" -> "title",
     * but not "a" -> "id" nor "fr" -> "en". */
    size_t la = strlen(a), lb = strlen(b);
    return distance <= 2 && distance * 2 <= (la > lb ? la : lb);
}

typedef struct KeyRef {
    const char *key;
    size_t index;
} KeyRef;

static int keyref_cmp(const void *a, const void *b)
{
    const KeyRef *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* For each member of an object (in order), how many earlier members have the
 * same key: 0 for a first occurrence. Sorting keeps this O(n log n) on objects
 * of 100 000 keys. Owned by the caller; NULL for an empty object or on OOM
 * (duplicates then go unreported). */
static size_t *key_occurrences(const cJSON *node)
{
    size_t n = 0;
    for (const cJSON *c = node->child; c; c = c->next) {
        n++;
    }
    size_t *occ = n ? calloc(n, sizeof *occ) : NULL;
    KeyRef *refs = n ? malloc(n * sizeof *refs) : NULL;
    if (!occ || !refs) {
        free(refs);
        free(occ);
        return NULL;
    }
    size_t i = 0;
    for (const cJSON *c = node->child; c; c = c->next, i++) {
        refs[i].key = c->string ? c->string : "";
        refs[i].index = i;
    }
    qsort(refs, n, sizeof *refs, keyref_cmp);
    for (i = 1; i < n; i++) {
        if (strcmp(refs[i].key, refs[i - 1].key) == 0) {
            occ[refs[i].index] = occ[refs[i - 1].index] + 1;
        }
    }
    free(refs);
    return occ;
}

/* The common case, checked without allocating: every key is allowed and
 * appears once (a bit per allowed name). Anything else takes the slow path,
 * which finds and reports each problem. */
static bool all_known_once(const cJSON *node, const char *const *allowed)
{
    uint64_t seen = 0;
    for (const cJSON *c = node->child; c; c = c->next) {
        const char *key = c->string ? c->string : "";
        size_t i = 0;
        while (allowed && allowed[i] && (allowed[i][0] != key[0] || strcmp(allowed[i], key) != 0)) {
            i++;
        }
        if (!allowed || !allowed[i] || i >= 64 || (seen >> i & 1u)) {
            return false;
        }
        seen |= (uint64_t)1 << i;
    }
    return true;
}

bool jv_object(JsonV *v, const cJSON *node, const char *path, const char *const *allowed)
{
    if (!cJSON_IsObject(node)) {
        DiagArgs args = {0};
        const char *found = jv_describe_t(node, &args);
        jv_report_t(v, DIAG_WRONG_TYPE, path, N_("an object { ... }"), found, &args);
        return false;
    }
    if (all_known_once(node, allowed)) {
        return true;
    }
    size_t *occurrence = key_occurrences(node);
    size_t index = 0;
    for (const cJSON *c = node->child; c; c = c->next, index++) {
        const char *key = c->string ? c->string : "";
        bool known = false;
        for (size_t i = 0; allowed && allowed[i] && !known; i++) {
            known = strcmp(allowed[i], key) == 0;
        }
        size_t earlier = occurrence ? occurrence[index] : 0; /* this is occurrence #earlier of key */
        if (known && earlier == 0) {
            continue;
        }
        char p[JV_PATH_MAX];
        jv_path_key(p, sizeof p, path, key);
        /* Point at the key itself (the n-th time it appears), not its value. */
        int line = 0, col = 0;
        if (v->text && !diags_full(v)) {
            json_locate_key(v->text, v->text_len, path, key, earlier, &line, &col);
        }
        if (earlier) {
            diag_add(v->diags, DIAG_DUPLICATE_KEY, line, col, p, N_("each key once"), N_("a second value for this key"));
        }
        const char *best = NULL;
        size_t best_d = 3;
        for (size_t i = 0; !known && !diags_full(v) && allowed && allowed[i]; i++) {
            size_t d = jv_edit_distance(allowed[i], key);
            if (d < best_d && jv_close_enough(d, allowed[i], key)) {
                best_d = d;
                best = allowed[i];
            }
        }
        if (!known) {
            DiagArgs args = {0};
            const char *expected;
            if (best) {
                diag_arg_str(&args, "name", best);
                expected = N_("a known field (did you mean \"{name}\"?)");
            } else {
                char list[160];
                jv_list_names(allowed, "", ", ", list, sizeof list);
                diag_arg_str(&args, "list", list);
                expected = N_("one of these fields: {list}");
            }
            char key_shown[84];
            snprintf(key_shown, sizeof key_shown, "%.80s", key);
            diag_arg_str(&args, "key", key_shown);
            diag_add_t(v->diags, DIAG_UNKNOWN_FIELD, line, col, p, expected, N_("\"{key}\""), &args);
        }
    }
    free(occurrence);
    return true;
}

/* Fetches obj[key]; reports a missing required key. NULL if absent. */
static const cJSON *member(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required)
{
    const cJSON *m = jv_get(obj, key);
    if (!m && required) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, key);
        diag_arg_str(&args, "name", key);
        jv_report_t(v, DIAG_MISSING_FIELD, p, N_("the field \"{name}\""), N_("nothing"), &args);
    }
    return m;
}

static void wrong_type(JsonV *v, const char *path, const char *key, const char *expected, const cJSON *m)
{
    char p[JV_PATH_MAX];
    DiagArgs args = {0};
    jv_path_key(p, sizeof p, path, key);
    const char *found = jv_describe_t(m, &args);
    jv_report_t(v, DIAG_WRONG_TYPE, p, expected, found, &args);
}

bool jv_double(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required, double lo,
               double hi, double *out)
{
    const cJSON *m = member(v, obj, path, key, required);
    if (!m) {
        return false;
    }
    if (!cJSON_IsNumber(m) || !isfinite(m->valuedouble)) {
        wrong_type(v, path, key, N_("a number"), m);
        return false;
    }
    double x = m->valuedouble;
    if (x < lo || x > hi) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, key);
        diag_arg_num(&args, "min", lo);
        diag_arg_num(&args, "max", hi);
        diag_arg_num(&args, "value", x);
        jv_report_t(v, DIAG_OUT_OF_RANGE, p, N_("a number from {min} to {max}"), "{value}", &args);
        return false;
    }
    *out = x;
    return true;
}

bool jv_int(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required, int64_t lo,
            int64_t hi, int64_t *out)
{
    const cJSON *m = member(v, obj, path, key, required);
    if (!m) {
        return false;
    }
    if (!cJSON_IsNumber(m) || !isfinite(m->valuedouble) || m->valuedouble != floor(m->valuedouble)) {
        wrong_type(v, path, key, N_("a whole number"), m);
        return false;
    }
    double x = m->valuedouble;
    if (x < (double)lo || x > (double)hi) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, key);
        diag_arg_int(&args, "min", (long long)lo);
        diag_arg_int(&args, "max", (long long)hi);
        diag_arg_num_sig(&args, "value", x, 17);
        jv_report_t(v, DIAG_OUT_OF_RANGE, p, N_("a whole number from {min} to {max}"), "{value}", &args);
        return false;
    }
    *out = (int64_t)x;
    return true;
}

bool jv_bool(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required, bool *out)
{
    const cJSON *m = member(v, obj, path, key, required);
    if (!m) {
        return false;
    }
    if (!cJSON_IsBool(m)) {
        wrong_type(v, path, key, N_("true or false"), m);
        return false;
    }
    *out = cJSON_IsTrue(m);
    return true;
}

static const cJSON *string_member(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
                                  size_t max_len)
{
    const cJSON *m = member(v, obj, path, key, required);
    if (!m) {
        return NULL;
    }
    if (!cJSON_IsString(m)) {
        wrong_type(v, path, key, N_("a string"), m);
        return NULL;
    }
    size_t len = strlen(m->valuestring);
    if (len > max_len || (required && len == 0)) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, key);
        diag_arg_int(&args, "max", (long long)max_len);
        diag_arg_int(&args, "count", (long long)len);
        jv_report_t(v, DIAG_OUT_OF_RANGE, p,
                    required ? N_("a text of 1 to {max} bytes") : N_("a text of at most {max} bytes"),
                    len == 0 ? N_("an empty text") : N_("{count} bytes"), &args);
        return NULL;
    }
    return m;
}

bool jv_string(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required, char *out,
               size_t out_n)
{
    const cJSON *m = string_member(v, obj, path, key, required, out_n - 1);
    if (!m) {
        return false;
    }
    memcpy(out, m->valuestring, strlen(m->valuestring) + 1);
    return true;
}

bool jv_string_dup(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required, size_t max_len,
                   char **out)
{
    const cJSON *m = string_member(v, obj, path, key, required, max_len);
    if (!m) {
        return false;
    }
    size_t len = strlen(m->valuestring);
    char *s = malloc(len + 1);
    if (!s) {
        return false;
    }
    memcpy(s, m->valuestring, len + 1);
    free(*out);
    *out = s;
    return true;
}

bool jv_enum(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
             const char *const *names, int *out)
{
    const cJSON *m = member(v, obj, path, key, required);
    if (!m) {
        return false;
    }
    if (cJSON_IsString(m)) {
        for (int i = 0; names[i]; i++) {
            if (strcmp(names[i], m->valuestring) == 0) {
                *out = i;
                return true;
            }
        }
    }
    char p[JV_PATH_MAX], list[160];
    DiagArgs args = {0};
    jv_path_key(p, sizeof p, path, key);
    jv_list_names(names, "\"", " ", list, sizeof list);
    diag_arg_str(&args, "list", list);
    const char *found = jv_describe_t(m, &args);
    jv_report_t(v, cJSON_IsString(m) ? DIAG_BAD_VALUE : DIAG_WRONG_TYPE, p, N_("one of: {list}"), found, &args);
    return false;
}

const cJSON *jv_child_object(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required)
{
    const cJSON *m = member(v, obj, path, key, required);
    if (m && !cJSON_IsObject(m)) {
        wrong_type(v, path, key, N_("an object { ... }"), m);
        return NULL;
    }
    return m;
}

const cJSON *jv_child_array(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
                            size_t min_items, size_t max_items)
{
    const cJSON *m = member(v, obj, path, key, required);
    if (!m) {
        return NULL;
    }
    if (!cJSON_IsArray(m)) {
        wrong_type(v, path, key, N_("an array [ ... ]"), m);
        return NULL;
    }
    size_t n = (size_t)cJSON_GetArraySize(m);
    if (n < min_items || n > max_items) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, key);
        diag_arg_int(&args, "min", (long long)min_items);
        diag_arg_int(&args, "max", (long long)max_items);
        diag_arg_int(&args, "count", (long long)n);
        const char *expected = min_items == max_items ? N_("exactly {min} items") : N_("{min} to {max} items");
        const char *found = n == 0 ? N_("no item") : n == 1 ? N_("1 item") : N_("{count} items");
        jv_report_t(v, DIAG_OUT_OF_RANGE, p, expected, found, &args);
        return NULL;
    }
    return m;
}

bool jv_id(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required, char *out, size_t out_n)
{
    char tmp[64];
    size_t cap = out_n < sizeof tmp ? out_n : sizeof tmp;
    if (cap > 49) {
        cap = 49;
    }
    if (!jv_string(v, obj, path, key, required, tmp, cap)) {
        return false;
    }
    bool ok = tmp[0] != '\0' && (islower((unsigned char)tmp[0]) || isdigit((unsigned char)tmp[0]));
    for (const char *c = tmp; ok && *c; c++) {
        ok = islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_' || *c == '.' || *c == '-';
    }
    if (!ok) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, key);
        diag_arg_str(&args, "text", tmp);
        jv_report_t(v, DIAG_BAD_VALUE, p, N_("an id of lowercase letters, digits, '_', '.', '-'"), N_("\"{text}\""),
                    &args);
        return false;
    }
    memcpy(out, tmp, strlen(tmp) + 1);
    return true;
}

/* ---- locating a path in the source text ----------------------------------- */

typedef struct Scan {
    const char *s;
    size_t len, pos;
} Scan;

static void skip_ws(Scan *sc)
{
    while (sc->pos < sc->len && (sc->s[sc->pos] == ' ' || sc->s[sc->pos] == '\t' || sc->s[sc->pos] == '\n'
                                 || sc->s[sc->pos] == '\r')) {
        sc->pos++;
    }
}

/* Reads a JSON string at pos into out (escapes other than \" and \\ kept raw,
 * enough to compare with ASCII keys). */
static bool read_string(Scan *sc, char *out, size_t n)
{
    if (sc->pos >= sc->len || sc->s[sc->pos] != '"') {
        return false;
    }
    sc->pos++;
    size_t used = 0;
    while (sc->pos < sc->len && sc->s[sc->pos] != '"') {
        char c = sc->s[sc->pos++];
        if (c == '\\' && sc->pos < sc->len) {
            c = sc->s[sc->pos++];
        }
        if (used + 1 < n) {
            out[used++] = c;
        }
    }
    if (n) {
        out[used] = '\0';
    }
    if (sc->pos >= sc->len) {
        return false;
    }
    sc->pos++;
    return true;
}

static bool skip_value(Scan *sc)
{
    skip_ws(sc);
    if (sc->pos >= sc->len) {
        return false;
    }
    char c = sc->s[sc->pos];
    if (c == '"') {
        return read_string(sc, NULL, 0);
    }
    if (c == '{' || c == '[') {
        int depth = 0;
        while (sc->pos < sc->len) {
            char d = sc->s[sc->pos];
            if (d == '"') {
                if (!read_string(sc, NULL, 0)) {
                    return false;
                }
                continue;
            }
            if (d == '{' || d == '[') {
                depth++;
            } else if (d == '}' || d == ']') {
                depth--;
                if (depth == 0) {
                    sc->pos++;
                    return true;
                }
            }
            sc->pos++;
        }
        return false;
    }
    while (sc->pos < sc->len && !strchr(",}] \t\r\n", sc->s[sc->pos])) {
        sc->pos++;
    }
    return true;
}

/* Moves sc to the value of key in the object at sc->pos. */
static bool enter_key(Scan *sc, const char *key)
{
    skip_ws(sc);
    if (sc->pos >= sc->len || sc->s[sc->pos] != '{') {
        return false;
    }
    sc->pos++;
    for (;;) {
        skip_ws(sc);
        if (sc->pos >= sc->len || sc->s[sc->pos] == '}') {
            return false;
        }
        char name[128];
        if (!read_string(sc, name, sizeof name)) {
            return false;
        }
        skip_ws(sc);
        if (sc->pos >= sc->len || sc->s[sc->pos] != ':') {
            return false;
        }
        sc->pos++;
        skip_ws(sc);
        if (strcmp(name, key) == 0) {
            return true;
        }
        if (!skip_value(sc)) {
            return false;
        }
        skip_ws(sc);
        if (sc->pos < sc->len && sc->s[sc->pos] == ',') {
            sc->pos++;
        }
    }
}

static bool enter_index(Scan *sc, size_t index)
{
    skip_ws(sc);
    if (sc->pos >= sc->len || sc->s[sc->pos] != '[') {
        return false;
    }
    sc->pos++;
    for (size_t i = 0;; i++) {
        skip_ws(sc);
        if (sc->pos >= sc->len || sc->s[sc->pos] == ']') {
            return false;
        }
        if (i == index) {
            return true;
        }
        if (!skip_value(sc)) {
            return false;
        }
        skip_ws(sc);
        if (sc->pos < sc->len && sc->s[sc->pos] == ',') {
            sc->pos++;
        }
    }
}

void json_offset_to_line_col(const char *text, size_t len, size_t offset, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            c++; /* count characters, not UTF-8 continuation bytes */
        }
    }
    *line = l;
    *col = c;
}

/* Offset of the value at path; false if the path cannot be followed, and then
 * *at is the closest enclosing value. */
static bool scan_path(const char *text, size_t len, const char *path, size_t *at)
{
    Scan sc = {text, len, 0};
    skip_ws(&sc);
    size_t found_at = sc.pos;
    bool ok = true;
    const char *p = path ? path : "";
    while (*p && ok) {
        if (*p == '.') {
            p++;
        }
        if (*p == '[') {
            char *end = NULL;
            unsigned long long idx = strtoull(p + 1, &end, 10);
            if (!end || *end != ']') {
                ok = false;
                break;
            }
            p = end + 1;
            ok = enter_index(&sc, (size_t)idx);
        } else {
            char key[128];
            size_t k = 0;
            while (*p && *p != '.' && *p != '[' && k + 1 < sizeof key) {
                key[k++] = *p++;
            }
            key[k] = '\0';
            ok = enter_key(&sc, key);
        }
        if (ok) {
            found_at = sc.pos;
        }
    }
    *at = found_at;
    return ok;
}

bool json_locate(const char *text, size_t len, const char *path, int *line, int *col)
{
    size_t at = 0;
    bool ok = scan_path(text, len, path, &at);
    json_offset_to_line_col(text, len, at, line, col);
    return ok;
}

bool json_locate_key(const char *text, size_t len, const char *obj_path, const char *key, size_t nth, int *line,
                     int *col)
{
    size_t at = 0;
    bool found = false;
    if (scan_path(text, len, obj_path, &at) && at < len && text[at] == '{') {
        Scan sc = {text, len, at + 1};
        for (;;) {
            skip_ws(&sc);
            size_t key_at = sc.pos;
            char name[512];
            if (sc.pos >= len || text[sc.pos] == '}' || !read_string(&sc, name, sizeof name)) {
                break;
            }
            if (strcmp(name, key) == 0 && nth-- == 0) {
                at = key_at;
                found = true;
                break;
            }
            skip_ws(&sc);
            if (sc.pos >= len || text[sc.pos] != ':') {
                break;
            }
            sc.pos++;
            if (!skip_value(&sc)) {
                break;
            }
            skip_ws(&sc);
            if (sc.pos < len && text[sc.pos] == ',') {
                sc.pos++;
            }
        }
    }
    json_offset_to_line_col(text, len, at, line, col);
    return found;
}
