/*
 * record.c - attempt records and trainee files: JSON form, strict reading,
 * ids and trainee slugs (see record.h for the format).
 */
#include "fibresim/record.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/fileio.h"
#include "fibresim/jsonout.h"
#include "fibresim/jsontext.h"
#include "fibresim/jsonv.h"
#include "fibresim/messages.h" /* N_() */

#define RECORD_FORMAT_NAME "fibresim-attempt"
#define TRAINEE_FORMAT_NAME "fibresim-trainee"

void record_init(AttemptRecord *r)
{
    memset(r, 0, sizeof *r);
    r->format_version = RECORD_FORMAT_VERSION;
    input_log_init(&r->events);
}

void record_finish(AttemptRecord *r)
{
    if (!r) {
        return;
    }
    input_log_finish(&r->events);
    memset(r, 0, sizeof *r);
}

/* ---- shapes of ids, hashes and times --------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_lower_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f');
}

/* Value of n digits at s (all digits checked by the caller). */
static int digits_value(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Checks a pattern where 'D' is a digit and 'H' a lowercase hex digit; any
 * other pattern character must match literally. */
static bool matches(const char *s, const char *pattern)
{
    size_t i = 0;
    for (; pattern[i]; i++) {
        char c = s[i];
        if (c == '\0') {
            return false;
        }
        if (pattern[i] == 'D' ? !is_digit(c) : pattern[i] == 'H' ? !is_lower_hex(c) : c != pattern[i]) {
            return false;
        }
    }
    return s[i] == '\0';
}

static bool date_fields_plausible(int month, int day, int hour, int minute, int second)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59
        && second <= 60; /* 60: leap second */
}

bool record_id_valid(const char *id)
{
    if (!id || !matches(id, "DDDDDDDDTDDDDDDZ-HHHHHHHHHHHHHHHH")) {
        return false;
    }
    return date_fields_plausible(digits_value(id + 4, 2), digits_value(id + 6, 2), digits_value(id + 9, 2),
                                 digits_value(id + 11, 2), digits_value(id + 13, 2));
}

bool record_time_valid(const char *iso)
{
    if (!iso || !matches(iso, "DDDD-DD-DDTDD:DD:DDZ")) {
        return false;
    }
    return date_fields_plausible(digits_value(iso + 5, 2), digits_value(iso + 8, 2), digits_value(iso + 11, 2),
                                 digits_value(iso + 14, 2), digits_value(iso + 17, 2));
}

bool record_hash_valid(const char *hex)
{
    if (!hex) {
        return false;
    }
    size_t i = 0;
    for (; hex[i]; i++) {
        if (!is_lower_hex(hex[i]) || i >= 64) {
            return false;
        }
    }
    return i == 64;
}

bool record_slug_valid(const char *id)
{
    if (!id || !id[0] || id[0] == '-') {
        return false;
    }
    size_t i = 0;
    for (; id[i]; i++) {
        char c = id[i];
        bool ok = (c >= 'a' && c <= 'z') || is_digit(c) || (c == '-' && id[i + 1] != '-');
        if (!ok || i >= 63) {
            return false;
        }
    }
    return id[i - 1] != '-';
}

void record_make_id(const char *utc_compact, uint64_t random_bits, char out[64])
{
    /* A malformed time would make an id that no reader accepts; the epoch
     * stands in, and the 64 random bits still keep the id unique. */
    const char *t = utc_compact;
    char probe[64];
    snprintf(probe, sizeof probe, "%.16s-0000000000000000", t ? t : "");
    if (!t || strlen(t) != 16 || !record_id_valid(probe)) {
        t = "19700101T000000Z";
    }
    snprintf(out, 64, "%s-%016" PRIx64, t, random_bits);
}

/* ---- trainee slug ------------------------------------------------------------ */

/* Base letters of U+00C0..U+00FF; "" = separator (× ÷), two letters for ligatures. */
static const char *const latin1_fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Base letters of U+0100..U+017F; '*' marks the ligatures Ĳ ĳ Œ œ. */
static const char latin_ext_a_fold[129] = "aaaaaaccccccccdd"
                                          "ddeeeeeeeeeegggg"
                                          "gggghhhhiiiiiiii"
                                          "ii**jjkkklllllll"
                                          "lllnnnnnnnnnoooo"
                                          "oo**rrrrrrssssss"
                                          "ssttttttuuuuuuuu"
                                          "uuuuwwyyyzzzzzzs";

/* Letters of West African languages written in French-speaking countries
 * (Fula, Wolof, Bambara, Hausa...). */
static const struct {
    uint32_t cp;
    char base;
} african_fold[] = {
    {0x0181, 'b'}, {0x0253, 'b'}, {0x018A, 'd'}, {0x0257, 'd'}, {0x0198, 'k'}, {0x0199, 'k'},
    {0x0190, 'e'}, {0x025B, 'e'}, {0x0186, 'o'}, {0x0254, 'o'}, {0x01B3, 'y'}, {0x01B4, 'y'},
    {0x0189, 'd'}, {0x0256, 'd'}, {0x019D, 'n'}, {0x0272, 'n'},
};

/* Decodes one UTF-8 character at s; returns its length (1 for an invalid byte,
 * decoded as U+FFFD so it becomes a separator). */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    *cp = v;
    return n;
}

/* ASCII letters for a code point: "" for a separator, NULL for a character to
 * drop without separating (combining accents of decomposed text). */
static const char *fold_code_point(uint32_t cp, char one[2])
{
    one[1] = '\0';
    if (cp < 0x80) {
        char c = (char)cp;
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        one[0] = c;
        return ((c >= 'a' && c <= 'z') || is_digit(c)) ? one : "";
    }
    if (cp >= 0x0300 && cp <= 0x036F) {
        return NULL;
    }
    if (cp >= 0x00C0 && cp <= 0x00FF) {
        return latin1_fold[cp - 0x00C0];
    }
    if (cp >= 0x0100 && cp <= 0x017F) {
        char c = latin_ext_a_fold[cp - 0x0100];
        if (c == '*') {
            return (cp == 0x0132 || cp == 0x0133) ? "ij" : "oe";
        }
        one[0] = c;
        return one;
    }
    for (size_t i = 0; i < sizeof african_fold / sizeof african_fold[0]; i++) {
        if (african_fold[i].cp == cp) {
            one[0] = african_fold[i].base;
            return one;
        }
    }
    /* Vietnamese letters with two diacritics (U+1EA0..U+1EF9), by base letter. */
    if (cp >= 0x1EA0 && cp <= 0x1EF9) {
        one[0] = cp <= 0x1EB7 ? 'a' : cp <= 0x1EC7 ? 'e' : cp <= 0x1ECB ? 'i' : cp <= 0x1EE3 ? 'o'
               : cp <= 0x1EF1 ? 'u' : 'y';
        return one;
    }
    return "";
}

void record_trainee_slug(const char *name, char *out, size_t n)
{
    if (n == 0) {
        return;
    }
    size_t max = n - 1 < 63 ? n - 1 : 63;
    size_t used = 0;
    bool pending_sep = false;
    const unsigned char *s = (const unsigned char *)(name ? name : "");
    while (*s) {
        uint32_t cp;
        s += utf8_decode(s, &cp);
        char one[2];
        const char *letters = fold_code_point(cp, one);
        if (!letters) {
            continue;
        }
        if (!letters[0]) {
            pending_sep = used > 0;
            continue;
        }
        size_t need = strlen(letters) + (pending_sep ? 1 : 0);
        if (used + need > max) {
            break;
        }
        if (pending_sep) {
            out[used++] = '-';
            pending_sep = false;
        }
        memcpy(out + used, letters, strlen(letters));
        used += strlen(letters);
    }
    out[used] = '\0';
    if (used == 0 && max >= 10) {
        /* FNV-1a: a fixed, documented hash, stable across platforms. */
        uint32_t h = 2166136261u;
        for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p; p++) {
            h = (h ^ *p) * 16777619u;
        }
        snprintf(out, n, "t-%08" PRIx32, h);
    }
}

/* ---- writing ------------------------------------------------------------------ */

/* Appends the final newline to a printed document. */
static char *with_newline(char *text, size_t *len)
{
    if (!text) {
        return NULL;
    }
    size_t l = strlen(text);
    char *t = realloc(text, l + 2);
    if (!t) {
        free(text);
        return NULL;
    }
    t[l] = '\n';
    t[l + 1] = '\0';
    if (len) {
        *len = l + 1;
    }
    return t;
}

char *record_serialize(const AttemptRecord *r, size_t *len)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        return NULL;
    }
    char seed[24];
    snprintf(seed, sizeof seed, "%" PRIu64, r->seed);
    bool ok = cJSON_AddStringToObject(o, "format", RECORD_FORMAT_NAME)
        && cJSON_AddNumberToObject(o, "format_version", r->format_version)
        && cJSON_AddStringToObject(o, "attempt_id", r->attempt_id);
    cJSON *t = ok ? cJSON_AddObjectToObject(o, "trainee") : NULL;
    ok = t && cJSON_AddStringToObject(t, "id", r->trainee_id) && cJSON_AddStringToObject(t, "name", r->trainee_name);
    cJSON *s = ok ? cJSON_AddObjectToObject(o, "scenario") : NULL;
    ok = s && cJSON_AddStringToObject(s, "id", r->scenario_id)
        && cJSON_AddNumberToObject(s, "version", r->scenario_version)
        && cJSON_AddStringToObject(s, "hash", r->scenario_hash) && cJSON_AddStringToObject(s, "module", r->module);
    ok = ok && cJSON_AddStringToObject(o, "seed", seed)
        && cJSON_AddStringToObject(o, "program_version", r->program_version)
        && cJSON_AddStringToObject(o, "started_at", r->started_at)
        && cJSON_AddStringToObject(o, "ended_at", r->ended_at)
        && cJSON_AddStringToObject(o, "status", attempt_status_name(r->status))
        && cJSON_AddNumberToObject(o, "end_tick", r->end_tick);
    cJSON *res = ok ? result_to_json(&r->result) : NULL;
    ok = res != NULL;
    if (ok) {
        cJSON_AddItemToObject(o, "result", res);
    }
    cJSON *ev = ok ? cJSON_AddArrayToObject(o, "events") : NULL;
    ok = ev != NULL;
    for (size_t i = 0; ok && i < r->events.count; i++) {
        cJSON *e = input_to_json(&r->events.items[i]);
        ok = e != NULL;
        if (ok) {
            cJSON_AddItemToArray(ev, e);
        }
    }
    char *text = ok ? json_print_lossless(o) : NULL;
    cJSON_Delete(o);
    return with_newline(text, len);
}

char *trainee_serialize(const TraineeInfo *t, size_t *len)
{
    cJSON *o = cJSON_CreateObject();
    bool ok = o && cJSON_AddStringToObject(o, "format", TRAINEE_FORMAT_NAME)
        && cJSON_AddNumberToObject(o, "format_version", TRAINEE_FORMAT_VERSION)
        && cJSON_AddStringToObject(o, "id", t->id) && cJSON_AddStringToObject(o, "name", t->name);
    char *text = ok ? json_print_lossless(o) : NULL;
    cJSON_Delete(o);
    return with_newline(text, len);
}

/* ---- reading -------------------------------------------------------------------- */

/* Size limit, then the strict text check shared with the scenario loader
 * (UTF-8, RFC 8259 syntax with "expected ... found ..." at line:col, depth
 * and number length limits that keep cJSON safe). NULL after one
 * diagnostic. *body / *body_len: the text after a tolerated UTF-8 BOM, which
 * is what positions are counted in. */
static cJSON *parse_document(const char *text, size_t len, size_t max_bytes, DiagList *d, const char **body,
                             size_t *body_len)
{
    if (len > max_bytes) {
        DiagArgs args = {0};
        diag_arg_int(&args, "max", (long long)max_bytes);
        diag_arg_int(&args, "count", (long long)len);
        diag_add_t(d, DIAG_TOO_LARGE, 0, 0, "", N_("at most {max} bytes"), N_("{count} bytes"), &args);
        return NULL;
    }
    size_t bom = 0;
    cJSON *root = jsontext_parse(text ? text : "", text ? len : 0, d, &bom);
    *body = text ? text + bom : "";
    *body_len = text ? len - bom : 0;
    return root;
}

/* Reports unless the list is already full: locating a path costs a scan of
 * the text, which a hostile file with a million bad events must not multiply. */
static void report_t(JsonV *v, DiagCode code, const char *path, const char *expected, const char *found,
                     const DiagArgs *args)
{
    if (v->diags && v->diags->count >= DIAG_LIST_MAX) {
        v->diags->dropped++;
        return;
    }
    jv_report_t(v, code, path, expected, found, args);
}

static void report(JsonV *v, DiagCode code, const char *path, const char *expected, const char *found)
{
    report_t(v, code, path, expected, found, NULL);
}

static bool check_format(JsonV *v, const cJSON *root, const char *name, int max_version, int *version)
{
    char format[40] = "";
    bool ok = jv_string(v, root, "", "format", true, format, sizeof format);
    if (ok && strcmp(format, name) != 0) {
        DiagArgs args = {0};
        diag_arg_str(&args, "name", name);
        diag_arg_str(&args, "text", format);
        report_t(v, DIAG_BAD_VALUE, "format", "\"{name}\"", "\"{text}\"", &args);
        ok = false;
    }
    int64_t ver = 0;
    if (!jv_int(v, root, "", "format_version", true, 1, INT_MAX, &ver)) {
        return false;
    }
    if (ver > max_version) {
        DiagArgs args = {0};
        diag_arg_int(&args, "max", max_version);
        diag_arg_int(&args, "value", (long long)ver);
        report_t(v, DIAG_UNSUPPORTED, "format_version", N_("format_version {max} or lower (this program's)"),
                 N_("{value} (written by a newer Fibresim: update this program)"), &args);
        return false;
    }
    *version = (int)ver;
    return ok;
}

/* A string field checked by a shape predicate. */
static bool shaped_string(JsonV *v, const cJSON *obj, const char *path, const char *key, char *out, size_t n,
                          bool (*valid)(const char *), const char *expected)
{
    if (!jv_string(v, obj, path, key, true, out, n)) {
        return false;
    }
    if (!valid(out)) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, key);
        char shown[64];
        fs_strlcpy(shown, out, sizeof shown);
        diag_arg_str(&args, "text", shown);
        report_t(v, DIAG_BAD_VALUE, p, expected, N_("\"{text}\""), &args);
        out[0] = '\0';
        return false;
    }
    return true;
}

/* Strict unsigned decimal: 1-20 digits, no sign, no leading zero, <= 2^64-1. */
static bool parse_u64_decimal(const char *s, uint64_t *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 20 || (n > 1 && s[0] == '0')) {
        return false;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i])) {
            return false;
        }
        uint64_t d = (uint64_t)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10) {
            return false;
        }
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

static bool read_seed(JsonV *v, const cJSON *root, uint64_t *out)
{
    const cJSON *m = jv_get(root, "seed");
    DiagArgs args = {0};
    if (!m) {
        diag_arg_str(&args, "name", "seed");
        report_t(v, DIAG_MISSING_FIELD, "seed", N_("the field \"{name}\""), N_("nothing"), &args);
        return false;
    }
    if (!cJSON_IsString(m)) {
        const char *found = jv_describe_t(m, &args);
        report_t(v, DIAG_WRONG_TYPE, "seed", N_("a decimal string such as \"42\" (JSON numbers lose 64-bit seeds)"),
                 found, &args);
        return false;
    }
    if (!parse_u64_decimal(m->valuestring, out)) {
        const char *found = jv_describe_t(m, &args);
        report_t(v, DIAG_BAD_VALUE, "seed", N_("a whole number from 0 to 18446744073709551615 in decimal digits"),
                 found, &args);
        return false;
    }
    return true;
}

static bool read_trainee(JsonV *v, const cJSON *root, AttemptRecord *out)
{
    static const char *const keys[] = {"id", "name", NULL};
    const cJSON *t = jv_child_object(v, root, "", "trainee", true);
    if (!t) {
        return false;
    }
    bool ok = jv_object(v, t, "trainee", keys);
    ok &= shaped_string(v, t, "trainee", "id", out->trainee_id, sizeof out->trainee_id, record_slug_valid,
                        N_("a trainee id of lowercase letters, digits and single '-' (e.g. \"marie-dupont\")"));
    ok &= jv_string(v, t, "trainee", "name", true, out->trainee_name, sizeof out->trainee_name);
    return ok;
}

static bool read_scenario(JsonV *v, const cJSON *root, AttemptRecord *out)
{
    static const char *const keys[] = {"id", "version", "hash", "module", NULL};
    const cJSON *s = jv_child_object(v, root, "", "scenario", true);
    if (!s) {
        return false;
    }
    bool ok = jv_object(v, s, "scenario", keys);
    ok &= jv_id(v, s, "scenario", "id", true, out->scenario_id, sizeof out->scenario_id);
    int64_t version = 0;
    if (jv_int(v, s, "scenario", "version", true, 1, INT_MAX, &version)) {
        out->scenario_version = (int)version;
    } else {
        ok = false;
    }
    ok &= shaped_string(v, s, "scenario", "hash", out->scenario_hash, sizeof out->scenario_hash,
                        record_hash_valid, N_("the SHA-256 of the scenario file: 64 lowercase hex digits"));
    ok &= jv_id(v, s, "scenario", "module", true, out->module, sizeof out->module);
    return ok;
}

static bool read_status(JsonV *v, const cJSON *root, AttemptStatus *out)
{
    static const char *const names[] = {"finished", "abandoned", "timeout", NULL};
    static const AttemptStatus values[] = {ATTEMPT_FINISHED, ATTEMPT_ABANDONED, ATTEMPT_TIMEOUT};
    int i = 0;
    if (!jv_enum(v, root, "", "status", true, names, &i)) {
        return false;
    }
    *out = values[i];
    return true;
}

static bool read_events(JsonV *v, const cJSON *root, bool end_known, uint32_t end_tick, InputLog *log)
{
    const cJSON *arr = jv_child_array(v, root, "", "events", true, 0, (size_t)INT_MAX);
    if (!arr) {
        return false;
    }
    bool ok = true;
    size_t i = 0;
    uint32_t prev = 0;
    bool have_prev = false;
    char p[JV_PATH_MAX], why[160];
    for (const cJSON *c = arr->child; c; c = c->next, i++) {
        InputEvent e;
        if (!input_from_json(c, &e, why, sizeof why)) {
            ok = false;
            if (v->diags && v->diags->count >= DIAG_LIST_MAX) {
                v->diags->dropped++;
                continue;
            }
            jv_path_index(p, sizeof p, "events", i);
            DiagArgs args = {0};
            const char *found_tmpl = jv_describe_t(c, &args);
            report_t(v, DIAG_BAD_VALUE, p, why, found_tmpl, &args);
            continue;
        }
        if (have_prev && e.tick < prev) {
            ok = false;
            jv_path_index(p, sizeof p, "events", i);
            DiagArgs args = {0};
            diag_arg_int(&args, "min", prev);
            diag_arg_int(&args, "tick", e.tick);
            report_t(v, DIAG_INCONSISTENT, p, N_("events in tick order (tick >= {min})"), N_("tick {tick}"), &args);
        } else if (end_known && e.tick >= end_tick) {
            ok = false;
            jv_path_index(p, sizeof p, "events", i);
            DiagArgs args = {0};
            diag_arg_int(&args, "max", end_tick);
            diag_arg_int(&args, "tick", e.tick);
            report_t(v, DIAG_INCONSISTENT, p, N_("a tick below end_tick {max}"), N_("tick {tick}"), &args);
        }
        prev = e.tick;
        have_prev = true;
        if (ok && !input_log_push(log, &e)) {
            report(v, DIAG_IO, "events", N_("memory for every event"), N_("out of memory"));
            return false;
        }
    }
    return ok;
}

bool record_parse(const char *text, size_t len, AttemptRecord *out, DiagList *d)
{
    static const char *const keys[] = {"format",     "format_version", "attempt_id", "trainee", "scenario",
                                       "seed",       "program_version", "started_at", "ended_at", "status",
                                       "end_tick",   "result",         "events",     NULL};
    record_init(out);
    /* Problems are counted even when the caller keeps no list, so that an
     * unknown field (reported, but not fatal to the reading) still refuses
     * the record. */
    DiagList local;
    diag_list_init(&local);
    DiagList *dl = d ? d : &local;
    size_t before = dl->count + dl->dropped;
    const char *body = NULL;
    size_t body_len = 0;
    cJSON *root = parse_document(text, len, RECORD_MAX_BYTES, dl, &body, &body_len);
    if (!root) {
        diag_list_finish(&local);
        return false;
    }
    JsonV v = {.diags = dl, .text = body, .text_len = body_len};
    bool ok = jv_object(&v, root, "", keys)
        && check_format(&v, root, RECORD_FORMAT_NAME, RECORD_FORMAT_VERSION, &out->format_version);
    if (!ok) {
        /* Not an object, or a newer format that may mean anything: read no further. */
        cJSON_Delete(root);
        diag_list_finish(&local);
        record_finish(out);
        record_init(out);
        return false;
    }
    ok &= shaped_string(&v, root, "", "attempt_id", out->attempt_id, sizeof out->attempt_id, record_id_valid,
                        N_("an attempt id like \"20261126T023654Z-9f1c2a7b40d3e815\""));
    ok &= read_trainee(&v, root, out);
    ok &= read_scenario(&v, root, out);
    ok &= read_seed(&v, root, &out->seed);
    ok &= jv_string(&v, root, "", "program_version", true, out->program_version, sizeof out->program_version);
    ok &= shaped_string(&v, root, "", "started_at", out->started_at, sizeof out->started_at, record_time_valid,
                        N_("a UTC time like \"2026-11-26T02:36:54Z\""));
    ok &= shaped_string(&v, root, "", "ended_at", out->ended_at, sizeof out->ended_at, record_time_valid,
                        N_("a UTC time like \"2026-11-26T02:36:54Z\""));
    bool status_ok = read_status(&v, root, &out->status);
    int64_t end_tick = 0;
    bool end_ok = jv_int(&v, root, "", "end_tick", true, 0, UINT32_MAX, &end_tick);
    out->end_tick = (uint32_t)end_tick;
    ok &= status_ok && end_ok;
    const cJSON *res = jv_child_object(&v, root, "", "result", true);
    bool result_ok = res && result_from_json(&v, res, "result", &out->result);
    ok &= result_ok;
    if (result_ok && status_ok && out->result.status != out->status) {
        DiagArgs args = {0};
        diag_arg_str(&args, "name", attempt_status_name(out->status));
        diag_arg_str(&args, "text", attempt_status_name(out->result.status));
        report_t(&v, DIAG_INCONSISTENT, "result.status", N_("\"{name}\" like the record's status"), "\"{text}\"",
                 &args);
        ok = false;
    }
    if (result_ok && end_ok && out->result.ticks != out->end_tick) {
        DiagArgs args = {0};
        diag_arg_int(&args, "max", out->end_tick);
        diag_arg_int(&args, "value", out->result.ticks);
        report_t(&v, DIAG_INCONSISTENT, "result.ticks", N_("{max} like end_tick"), "{value}", &args);
        ok = false;
    }
    ok &= read_events(&v, root, end_ok, out->end_tick, &out->events);
    cJSON_Delete(root);
    ok = ok && dl->count + dl->dropped == before;
    diag_list_finish(&local);
    if (!ok) {
        record_finish(out);
        record_init(out);
    }
    return ok;
}

bool record_load(const char *path, AttemptRecord *out, DiagList *d)
{
    record_init(out);
    size_t len = 0;
    int err = 0;
    char *text = fs_read_file(path, RECORD_MAX_BYTES, &len, &err);
    if (!text) {
        DiagArgs args = {0};
        diag_arg_int(&args, "max", RECORD_MAX_BYTES);
        diag_add_t(d, err == EFBIG ? DIAG_TOO_LARGE : DIAG_IO, 0, 0, "",
                   N_("a readable record file of at most {max} bytes"), diag_errno_text(err), &args);
        return false;
    }
    bool ok = record_parse(text, len, out, d);
    free(text);
    return ok;
}

bool trainee_parse(const char *text, size_t len, TraineeInfo *out, DiagList *d)
{
    static const char *const keys[] = {"format", "format_version", "id", "name", NULL};
    memset(out, 0, sizeof *out);
    DiagList local;
    diag_list_init(&local);
    DiagList *dl = d ? d : &local;
    size_t before = dl->count + dl->dropped;
    const char *body = NULL;
    size_t body_len = 0;
    cJSON *root = parse_document(text, len, TRAINEE_MAX_BYTES, dl, &body, &body_len);
    if (!root) {
        diag_list_finish(&local);
        return false;
    }
    JsonV v = {.diags = dl, .text = body, .text_len = body_len};
    int version = 0;
    bool ok = jv_object(&v, root, "", keys) && check_format(&v, root, TRAINEE_FORMAT_NAME, TRAINEE_FORMAT_VERSION,
                                                           &version);
    if (ok) {
        ok &= shaped_string(&v, root, "", "id", out->id, sizeof out->id, record_slug_valid,
                            N_("a trainee id of lowercase letters, digits and single '-'"));
        ok &= jv_string(&v, root, "", "name", true, out->name, sizeof out->name);
    }
    cJSON_Delete(root);
    ok = ok && dl->count + dl->dropped == before;
    diag_list_finish(&local);
    if (!ok) {
        memset(out, 0, sizeof *out);
    }
    return ok;
}

/* ---- comparing and copying ---------------------------------------------------------- */

bool record_equal(const AttemptRecord *a, const AttemptRecord *b)
{
    if (a->format_version != b->format_version || strcmp(a->attempt_id, b->attempt_id)
        || strcmp(a->trainee_id, b->trainee_id) || strcmp(a->trainee_name, b->trainee_name)
        || strcmp(a->scenario_id, b->scenario_id) || a->scenario_version != b->scenario_version
        || strcmp(a->scenario_hash, b->scenario_hash) || strcmp(a->module, b->module) || a->seed != b->seed
        || strcmp(a->program_version, b->program_version) || strcmp(a->started_at, b->started_at)
        || strcmp(a->ended_at, b->ended_at) || a->status != b->status || a->end_tick != b->end_tick
        || a->events.count != b->events.count) {
        return false;
    }
    for (size_t i = 0; i < a->events.count; i++) {
        if (!input_equal(&a->events.items[i], &b->events.items[i])) {
            return false;
        }
    }
    return result_equal(&a->result, &b->result);
}

bool record_copy(AttemptRecord *dst, const AttemptRecord *src)
{
    *dst = *src;
    input_log_init(&dst->events);
    if (src->events.count == 0) {
        return true;
    }
    dst->events.items = malloc(src->events.count * sizeof *dst->events.items);
    if (!dst->events.items) {
        record_init(dst);
        return false;
    }
    memcpy(dst->events.items, src->events.items, src->events.count * sizeof *dst->events.items);
    dst->events.count = dst->events.cap = src->events.count;
    return true;
}

