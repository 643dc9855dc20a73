/*
 * scenario.c - loading and validating a scenario file (format in scenario.h).
 *
 * The order matters only where one field needs another: "schema" first (a
 * file written for a newer format is refused as a whole, since its fields may
 * mean something else), "module" before "setup" (the module validates its own
 * setup) and "setup" before "rubric" (a module's measure names may depend on
 * its setup, e.g. one measure per task). Every other problem is collected, so
 * that an instructor fixes a file in one go; the scenario is returned only if
 * no problem at all was found.
 */
#include "fibresim/scenario.h"

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/jsontext.h"
#include "fibresim/jsonv.h"
#include "fibresim/messages.h" /* N_() */

/* Byte limits of the texts shown to trainees (scenario.h). */
#define TITLE_MAX_BYTES 80
#define GOAL_MAX_BYTES 200
#define INSTRUCTIONS_MAX_BYTES 2000
#define DIFFICULTY_MAX 5
#define TIME_LIMIT_MAX_S 7200.0

static const char *const top_keys[] = {
    "$schema", "schema", "id", "version", "module", "title", "goal", "instructions",
    "difficulty", "time_limit_s", "hints", "setup", "rubric", NULL,
};

void fs_sha256_hex(const void *data, size_t len, char out[65])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    /* sodium_init() is idempotent and only picks CPU-specific code paths; the
     * hash is the same whatever it chooses. A failure leaves the portable
     * implementation, which crypto_hash_sha256 always has. */
    if (sodium_init() < 0) {
        fs_log(FS_LOG_WARN, "sodium_init failed; hashing with the portable code");
    }
    crypto_hash_sha256(digest, data, (unsigned long long)len);
    sodium_bin2hex(out, 65, digest, sizeof digest);
}

static size_t diag_total(const DiagList *d)
{
    return d->count + d->dropped;
}

static void out_of_memory(JsonV *v, const char *path)
{
    jv_report(v, DIAG_IO, path, N_("enough memory to load the scenario"), N_("out of memory"));
}

/* ---- rubric names from the module ------------------------------------------- */

typedef struct NamesCtx {
    const ModuleDef *module;
    const void *setup; /* NULL when the setup was invalid */
} NamesCtx;

static bool in_list(const char *const *list, const char *name)
{
    for (size_t i = 0; list && list[i]; i++) {
        if (strcmp(list[i], name) == 0) {
            return true;
        }
    }
    return false;
}

static bool names_measure(const void *ctx, const char *name)
{
    const NamesCtx *n = ctx;
    if (in_list(n->module->measures, name)) {
        return true;
    }
    if (!n->module->measure_known) {
        return false;
    }
    /* Without a valid setup, setup-dependent names cannot be checked: accept
     * them rather than bury the setup's own problems under false ones. */
    return !n->setup || n->module->measure_known(n->setup, name);
}

static bool names_event(const void *ctx, const char *name)
{
    const NamesCtx *n = ctx;
    return in_list(n->module->events, name);
}

/* "time_s, a, b" + a note in parentheses when names also depend on the setup.
 * rubric.c shows it as "expected" and searches the names for a "did you mean". */
static void names_hint(const char *const *list, bool generic_time, bool per_setup, char *out, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    if (generic_time) {
        used += (size_t)snprintf(out, n, "time_s");
    }
    for (size_t i = 0; list && list[i] && used < n; i++) {
        used += (size_t)snprintf(out + used, n - used, "%s%s", used ? ", " : "", list[i]);
    }
    (void)per_setup; /* said by RubricNames.measures_per_setup, in the edge's language */
}

/* ---- fields ----------------------------------------------------------------- */

/* Reports "module" naming nothing registered, listing what is. */
static void unknown_module(JsonV *v, const char *name)
{
    size_t count = 0;
    const ModuleDef *const *all = module_all(&count);
    char list[128] = "";
    size_t used = 0;
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t i = 0; i < count && used < sizeof list; i++) {
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", all[i]->name);
        size_t dist = jv_edit_distance(all[i]->name, name);
        if (dist < best_d && jv_close_enough(dist, all[i]->name, name)) {
            best_d = dist;
            best = all[i]->name;
        }
    }
    DiagArgs args = {0};
    const char *expected = count == 0 ? N_("a registered module (this build has none)")
                           : best     ? N_("a registered module (did you mean \"{name}\"?): {list}")
                                      : N_("a registered module: {list}");
    diag_arg_str(&args, "name", best ? best : "");
    diag_arg_str(&args, "list", list);
    char shown[84];
    snprintf(shown, sizeof shown, "%.80s", name);
    diag_arg_str(&args, "text", shown);
    jv_report_t(v, DIAG_UNKNOWN_MODULE, "module", expected, N_("\"{text}\""), &args);
}

/* A { "fr": ..., "en": ... } text, each 1..max_bytes. */
static void load_text(JsonV *v, const cJSON *root, const char *key, size_t max_bytes, char **fr, char **en)
{
    static const char *const langs[] = {"fr", "en", NULL};
    const cJSON *o = jv_child_object(v, root, "", key, true);
    if (!o) {
        return;
    }
    size_t before = diag_total(v->diags);
    jv_object(v, o, key, langs);
    bool ok_fr = jv_string_dup(v, o, key, "fr", true, max_bytes, fr);
    bool ok_en = jv_string_dup(v, o, key, "en", true, max_bytes, en);
    if ((!ok_fr || !ok_en) && diag_total(v->diags) == before) {
        out_of_memory(v, key);
    }
}

/* "schema": refuses a format this program cannot read. Returns false if the
 * rest of the file should not be read. */
static bool check_schema(JsonV *v, const cJSON *root, Scenario *s)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "schema");
    if (cJSON_IsNumber(m) && m->valuedouble != SCENARIO_SCHEMA) {
        DiagArgs args = {0};
        diag_arg_int(&args, "schema", SCENARIO_SCHEMA);
        diag_arg_num(&args, "value", m->valuedouble);
        jv_report_t(v, DIAG_UNSUPPORTED, "schema",
                    N_("{schema} (the only scenario format this program reads; the file needs a newer Fibresim)"),
                    "{value}", &args);
        return false;
    }
    int64_t schema = 0;
    if (jv_int(v, root, "", "schema", true, SCENARIO_SCHEMA, SCENARIO_SCHEMA, &schema)) {
        s->schema = (int)schema;
    }
    return true;
}

static void validate(JsonV *v, const cJSON *root, Scenario *s, const ScenarioSource *src)
{
    if (!cJSON_IsObject(root)) {
        DiagArgs args = {0};
        const char *found = jv_describe_t(root, &args);
        jv_report_t(v, DIAG_WRONG_TYPE, "", N_("a JSON object { ... } holding the scenario's fields"), found, &args);
        return;
    }
    if (!check_schema(v, root, s)) {
        return;
    }
    jv_object(v, root, "", top_keys);

    if (cJSON_GetObjectItemCaseSensitive(root, "$schema")) {
        /* Editors use it to find scenario.schema.json; the program ignores it. */
        char url[512];
        jv_string(v, root, "", "$schema", false, url, sizeof url);
    }
    jv_id(v, root, "", "id", true, s->id, sizeof s->id);
    int64_t version = 0;
    if (jv_int(v, root, "", "version", true, 1, INT32_MAX, &version)) {
        s->version = (int)version;
    }
    char module[64];
    if (jv_string(v, root, "", "module", true, module, sizeof module)) {
        s->module = module_find(module);
        if (!s->module) {
            unknown_module(v, module);
        }
    }
    load_text(v, root, "title", TITLE_MAX_BYTES, &s->title_fr, &s->title_en);
    load_text(v, root, "goal", GOAL_MAX_BYTES, &s->goal_fr, &s->goal_en);
    load_text(v, root, "instructions", INSTRUCTIONS_MAX_BYTES, &s->instructions_fr, &s->instructions_en);
    int64_t difficulty = 0;
    if (jv_int(v, root, "", "difficulty", true, 1, DIFFICULTY_MAX, &difficulty)) {
        s->difficulty = (int)difficulty;
    }
    jv_double(v, root, "", "time_limit_s", true, 0.0, TIME_LIMIT_MAX_S, &s->time_limit_s);
    s->hints = false;
    jv_bool(v, root, "", "hints", false, &s->hints);

    const cJSON *setup = jv_child_object(v, root, "", "setup", true);
    if (setup && s->module) {
        size_t before = diag_total(v->diags);
        s->setup = s->module->load_setup_from ? s->module->load_setup_from(v, setup, "setup", src)
                                              : s->module->load_setup(v, setup, "setup");
        if (!s->setup && diag_total(v->diags) == before) {
            out_of_memory(v, "setup");
        }
    }

    const cJSON *rubric = cJSON_GetObjectItemCaseSensitive(root, "rubric");
    if (!rubric) {
        DiagArgs args = {0};
        diag_arg_str(&args, "name", "rubric");
        jv_report_t(v, DIAG_MISSING_FIELD, "rubric", N_("the field \"{name}\""), N_("nothing"), &args);
        return;
    }
    RubricNames names;
    NamesCtx ctx = {s->module, s->setup};
    char measures_hint[1024], events_hint[512];
    memset(&names, 0, sizeof names);
    if (s->module) {
        names_hint(s->module->measures, true, s->module->measure_known != NULL, measures_hint, sizeof measures_hint);
        names_hint(s->module->events, false, false, events_hint, sizeof events_hint);
        names.measure = names_measure;
        names.event = names_event;
        names.ctx = &ctx;
        names.measures_hint = measures_hint;
        names.events_hint = events_hint;
        names.measures_per_setup = s->module->measure_known != NULL;
    }
    /* Without a known module any name may be right: check the rest only. */
    rubric_load(v, rubric, "rubric", s->module ? &names : NULL, &s->rubric);
}

/* ---- loading ---------------------------------------------------------------- */

/* Takes ownership of buf (len bytes + a NUL). o: where named files are looked for (NULL = nowhere). */
static Scenario *load_owned(char *buf, size_t len, const char *name, const ScenarioLoadOptions *o, DiagList *d)
{
    ScenarioSource src = {o ? o->dir : NULL, o ? o->store_dirs : NULL, NULL};
    DiagList local;
    diag_list_init(&local);
    if (!d) {
        d = &local; /* problems still decide the outcome */
    }
    size_t before = diag_total(d);
    cJSON *root = NULL;
    Scenario *s = calloc(1, sizeof *s);
    char *source = malloc(strlen(name) + 1);
    if (!s || !source) {
        diag_add(d, DIAG_IO, 0, 0, "", N_("enough memory to load the scenario"), N_("out of memory"));
        goto out;
    }
    memcpy(source, name, strlen(name) + 1);
    s->source = source;
    source = NULL;
    src.files_read = &s->files;
    s->text = buf;
    s->text_len = len;
    buf = NULL;
    fs_sha256_hex(s->text, s->text_len, s->hash_hex);

    size_t bom = 0;
    root = jsontext_parse(s->text, s->text_len, d, &bom);
    if (!root) {
        goto out;
    }
    JsonV v = {d, s->text + bom, s->text_len - bom};
    validate(&v, root, s, &src);
    if (diag_total(d) == before && (!s->title_fr || !s->title_en || !s->goal_fr || !s->goal_en
                                    || !s->instructions_fr || !s->instructions_en || !s->module || !s->setup)) {
        /* Cannot happen unless a helper failed silently; never hand out a
         * half-filled scenario. */
        out_of_memory(&v, "");
    }
out:
    cJSON_Delete(root);
    free(buf);
    free(source);
    if (diag_total(d) != before) {
        scenario_destroy(s);
        s = NULL;
    }
    diag_list_finish(&local);
    return s;
}

Scenario *scenario_load_text(const char *text, size_t len, const char *name, DiagList *d)
{
    return scenario_load_text_in(text, len, name, NULL, d);
}

Scenario *scenario_load_text_in(const char *text, size_t len, const char *name, const char *dir, DiagList *d)
{
    ScenarioLoadOptions o = {dir, NULL};
    return scenario_load_text_with(text, len, name, &o, d);
}

Scenario *scenario_load_text_with(const char *text, size_t len, const char *name, const ScenarioLoadOptions *o,
                                  DiagList *d)
{
    if (!name) {
        name = "<input>";
    }
    if (len > SCENARIO_MAX_BYTES) {
        DiagArgs args = {0};
        diag_arg_int(&args, "max", SCENARIO_MAX_BYTES);
        diag_arg_int(&args, "count", (long long)len);
        diag_add_t(d, DIAG_TOO_LARGE, 0, 0, "", N_("a file of at most {max} bytes"), N_("{count} bytes"), &args);
        return NULL;
    }
    char *buf = malloc(len + 1);
    if (!buf) {
        diag_add(d, DIAG_IO, 0, 0, "", N_("enough memory to load the scenario"), N_("out of memory"));
        return NULL;
    }
    if (len) {
        memcpy(buf, text, len);
    }
    buf[len] = '\0';
    return load_owned(buf, len, name, o, d);
}

Scenario *scenario_load_file(const char *path, DiagList *d)
{
    size_t len = 0;
    char *buf = jsontext_read_file(path, SCENARIO_MAX_BYTES, &len, d);
    if (!buf) {
        return NULL;
    }
    char *dir = scenario_dir_of(path);
    if (!dir) {
        free(buf);
        diag_add(d, DIAG_IO, 0, 0, "", N_("enough memory to load the scenario"), N_("out of memory"));
        return NULL;
    }
    ScenarioLoadOptions o = {dir, NULL};
    Scenario *s = load_owned(buf, len, path, &o, d);
    free(dir);
    return s;
}

char *scenario_dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 1;
    char *dir = malloc(n + 1);
    if (!dir) {
        return NULL;
    }
    if (!slash) {
        dir[0] = '.';
    } else if (n == 0) {
        dir[0] = '/'; /* a file at the root */
        n = 1;
    } else {
        memcpy(dir, path, n);
    }
    dir[n] = '\0';
    return dir;
}

void scenario_destroy(Scenario *s)
{
    if (!s) {
        return;
    }
    if (s->setup && s->module && s->module->free_setup) {
        s->module->free_setup(s->setup);
    }
    free(s->title_fr);
    free(s->title_en);
    free(s->goal_fr);
    free(s->goal_en);
    free(s->instructions_fr);
    free(s->instructions_en);
    free(s->text);
    free(s->source);
    scenario_files_finish(&s->files);
    free(s);
}

/* The English text when asked for and present, else the French one. */
static const char *pick(const char *lang, const char *fr, const char *en)
{
    return (lang && strcmp(lang, "en") == 0 && en) ? en : fr ? fr : "";
}

const char *scenario_title(const Scenario *s, const char *lang)
{
    return s ? pick(lang, s->title_fr, s->title_en) : "";
}

const char *scenario_goal(const Scenario *s, const char *lang)
{
    return s ? pick(lang, s->goal_fr, s->goal_en) : "";
}

const char *scenario_instructions(const Scenario *s, const char *lang)
{
    return s ? pick(lang, s->instructions_fr, s->instructions_en) : "";
}
