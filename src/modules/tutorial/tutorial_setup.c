/*
 * tutorial_setup.c - reading and checking the tutorial's "setup" (format in
 * include/fibresim/tutorial.h). Every problem is reported with its JSON path;
 * reading goes on after an error so that an instructor fixes a file in one go.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "tutorial_internal.h"

#define SAY_MAX_BYTES 300
#define ANSWER_MAX_BYTES 200
#define BENCH_MIN_MM 50.0
#define BENCH_MAX_MM 2000.0

static const char *const kind_names[] = {"drag", "pull", "wipe", "adjust", "choose", NULL};
static const char *const object_names[] = {"sleeve", "fibre", "cleaver", "wipe", "block", NULL};
static const char *const direction_names[] = {"right", "left", "up", "down", NULL};

const char *tutorial_kind_name(TutorialKind k)
{
    return (k >= 0 && k < TUTORIAL_KIND_COUNT) ? kind_names[k] : "?";
}

const char *tutorial_object_name(TutorialObject o)
{
    return (o >= 0 && o < TUTORIAL_OBJ_COUNT) ? object_names[o] : "?";
}

const char *tutorial_direction_name(TutorialDirection d)
{
    return (d >= 0 && d < TUTORIAL_DIR_COUNT) ? direction_names[d] : "?";
}

/* Keys each kind accepts (the common ones first). */
static const char *const drag_keys[] = {"id", "kind", "say", "object", "from_mm", "to_mm", "grab_radius_mm", NULL};
static const char *const pull_keys[] = {"id", "kind", "say", "from_mm", "to_mm", "speed_mm_s", "grab_radius_mm", NULL};
static const char *const wipe_keys[] = {"id", "kind", "say", "from_mm", "to_mm", "direction", "strokes", "pad_mm",
                                        "min_stroke_mm", NULL};
static const char *const adjust_keys[] = {"id", "kind", "say", "start", "target", "min", "max", "step_coarse",
                                          "step_fine", "unit", "decimals", NULL};
static const char *const choose_keys[] = {"id", "kind", "say", "question", "answers", "correct", NULL};
static const char *const *const keys_of_kind[] = {drag_keys, pull_keys, wipe_keys, adjust_keys, choose_keys};
/* Used when the kind is missing or wrong, to avoid a flood of "unknown field". */
static const char *const any_task_keys[] = {"id", "kind", "say", "object", "from_mm", "to_mm", "grab_radius_mm",
                                            "speed_mm_s", "direction", "strokes", "pad_mm", "min_stroke_mm",
                                            "start", "target", "min", "max", "step_coarse", "step_fine", "unit",
                                            "decimals", "question", "answers", "correct", NULL};

/* Measures each kind reports, as "<task id>.<suffix>". */
static const char *const drag_measures[] = {"error_mm", NULL};
static const char *const pull_measures[] = {"speed_cv", "mean_speed_mm_s", "max_off_path_mm", NULL};
static const char *const wipe_measures[] = {"good_strokes", "bad_strokes", "coverage", "coverage_pct", NULL};
static const char *const adjust_measures[] = {"error", "overshoot", NULL};
static const char *const choose_measures[] = {"correct", "tries", NULL};
static const char *const *const measures_of_kind[] = {drag_measures, pull_measures, wipe_measures,
                                                       adjust_measures, choose_measures};

static void free_text(TutorialText *t)
{
    free(t->fr);
    free(t->en);
    t->fr = t->en = NULL;
}

void tutorial_free_setup(void *setup)
{
    TutorialSetup *s = setup;
    if (!s) {
        return;
    }
    for (size_t i = 0; i < s->n_tasks; i++) {
        TutorialTask *t = &s->tasks[i];
        free_text(&t->say);
        free_text(&t->question);
        for (size_t k = 0; k < t->n_answers; k++) {
            free_text(&t->answers[k].text);
        }
    }
    free(s);
}

/* A lowercase identifier of [a-z0-9_] that fits in out (checked beyond jv_id,
 * which also allows '.' and '-': a '.' would make measure names ambiguous). */
static bool read_id(JsonV *v, const cJSON *obj, const char *path, const char *key, char *out, size_t out_n)
{
    char tmp[64] = "";
    if (!jv_string(v, obj, path, key, true, tmp, out_n)) {
        return false;
    }
    bool ok = tmp[0] != '\0';
    for (const char *c = tmp; ok && *c; c++) {
        ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_';
    }
    if (!ok) {
        char p[JV_PATH_MAX];
        jv_path_key(p, sizeof p, path, key);
        DiagArgs args = {0};
        diag_arg_str(&args, "text", tmp);
        jv_report_t(v, DIAG_BAD_VALUE, p, N_("an id of lowercase letters, digits and '_'"), N_("\"{text}\""), &args);
        return false;
    }
    memcpy(out, tmp, strlen(tmp) + 1);
    return true;
}

/* {"fr": "...", "en": "..."}, both required. */
static bool read_text(JsonV *v, const cJSON *obj, const char *path, const char *key, bool required,
                      size_t max_len, TutorialText *out)
{
    static const char *const keys[] = {"fr", "en", NULL};
    const cJSON *t = jv_child_object(v, obj, path, key, required);
    if (!t) {
        return !required && !cJSON_GetObjectItemCaseSensitive(obj, key);
    }
    char p[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, key);
    jv_object(v, t, p, keys);
    bool ok = jv_string_dup(v, t, p, "fr", true, max_len, &out->fr);
    ok &= jv_string_dup(v, t, p, "en", true, max_len, &out->en);
    return ok;
}

/* [x, y] of two finite numbers; on the bench when the bench is known. */
static bool read_point(JsonV *v, const cJSON *obj, const char *path, const char *key, const TutorialSetup *s,
                       bool bench_ok, double out[2])
{
    const cJSON *a = jv_child_array(v, obj, path, key, true, 2, 2);
    if (!a) {
        return false;
    }
    char p[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, key);
    const cJSON *x = cJSON_GetArrayItem(a, 0), *y = cJSON_GetArrayItem(a, 1);
    if (!cJSON_IsNumber(x) || !cJSON_IsNumber(y) || !isfinite(x->valuedouble) || !isfinite(y->valuedouble)) {
        jv_report(v, DIAG_WRONG_TYPE, p, N_("[x, y] with two numbers (mm)"), N_("something else in the array"));
        return false;
    }
    out[0] = x->valuedouble;
    out[1] = y->valuedouble;
    if (bench_ok && (out[0] < 0 || out[0] > s->bench_width_mm || out[1] < 0 || out[1] > s->bench_height_mm)) {
        DiagArgs args = {0};
        diag_arg_num(&args, "width", s->bench_width_mm);
        diag_arg_num(&args, "height", s->bench_height_mm);
        diag_arg_num(&args, "x", out[0]);
        diag_arg_num(&args, "y", out[1]);
        jv_report_t(v, DIAG_OUT_OF_RANGE, p, N_("a point on the bench: x from 0 to {width} mm, y from 0 to {height} mm"),
                    N_("x {x} mm, y {y} mm"), &args);
        return false;
    }
    return true;
}

/* expected and found are N_() templates filled from args (may be NULL). */
static void inconsistent(JsonV *v, const char *path, const char *key, const char *expected, const char *found,
                         const DiagArgs *args)
{
    char p[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, key);
    jv_report_t(v, DIAG_INCONSISTENT, p, expected, found, args);
}

static bool load_drag(JsonV *v, const cJSON *node, const char *path, const TutorialSetup *s, bool bench_ok,
                      TutorialTask *t)
{
    int obj = 0;
    bool ok = jv_enum(v, node, path, "object", true, object_names, &obj);
    t->object = (TutorialObject)obj;
    ok &= read_point(v, node, path, "from_mm", s, bench_ok, t->from_mm);
    ok &= read_point(v, node, path, "to_mm", s, bench_ok, t->to_mm);
    t->grab_radius_mm = TUTORIAL_GRAB_RADIUS_MM;
    if (cJSON_GetObjectItemCaseSensitive(node, "grab_radius_mm")) {
        ok &= jv_double(v, node, path, "grab_radius_mm", true, 3.0, 50.0, &t->grab_radius_mm);
    }
    if (ok && hypot(t->to_mm[0] - t->from_mm[0], t->to_mm[1] - t->from_mm[1]) < 10.0) {
        inconsistent(v, path, "to_mm", N_("a mark at least 10 mm from the object's start"),
                     N_("a mark closer than 10 mm"), NULL);
        ok = false;
    }
    return ok;
}

static bool load_pull(JsonV *v, const cJSON *node, const char *path, const TutorialSetup *s, bool bench_ok,
                      TutorialTask *t)
{
    bool ok = read_point(v, node, path, "from_mm", s, bench_ok, t->from_mm);
    ok &= read_point(v, node, path, "to_mm", s, bench_ok, t->to_mm);
    t->grab_radius_mm = TUTORIAL_GRAB_RADIUS_MM;
    if (cJSON_GetObjectItemCaseSensitive(node, "grab_radius_mm")) {
        ok &= jv_double(v, node, path, "grab_radius_mm", true, 3.0, 50.0, &t->grab_radius_mm);
    }
    char p[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, "speed_mm_s");
    const cJSON *sp = jv_child_array(v, node, path, "speed_mm_s", true, 2, 2);
    if (sp) {
        const cJSON *lo = cJSON_GetArrayItem(sp, 0), *hi = cJSON_GetArrayItem(sp, 1);
        if (!cJSON_IsNumber(lo) || !cJSON_IsNumber(hi) || !isfinite(lo->valuedouble) || !isfinite(hi->valuedouble)) {
            jv_report(v, DIAG_WRONG_TYPE, p, N_("[min, max] with two numbers (mm/s)"), N_("something else in the array"));
            ok = false;
        } else if (!(lo->valuedouble > 0.0 && lo->valuedouble < hi->valuedouble && hi->valuedouble <= 2000.0)) {
            DiagArgs args = {0};
            diag_arg_num(&args, "min", lo->valuedouble);
            diag_arg_num(&args, "max", hi->valuedouble);
            jv_report_t(v, DIAG_INCONSISTENT, p, N_("0 < min < max <= 2000 (mm/s)"), N_("min {min}, max {max}"), &args);
            ok = false;
        } else {
            t->speed_min_mm_s = lo->valuedouble;
            t->speed_max_mm_s = hi->valuedouble;
        }
    } else {
        ok = false;
    }
    if (ok && hypot(t->to_mm[0] - t->from_mm[0], t->to_mm[1] - t->from_mm[1]) < 20.0) {
        inconsistent(v, path, "to_mm", N_("a line at least 20 mm long"), N_("a shorter line"), NULL);
        ok = false;
    }
    return ok;
}

static bool load_wipe(JsonV *v, const cJSON *node, const char *path, const TutorialSetup *s, bool bench_ok,
                      TutorialTask *t)
{
    double a[2] = {0, 0}, b[2] = {0, 0};
    bool ok = read_point(v, node, path, "from_mm", s, bench_ok, a);
    ok &= read_point(v, node, path, "to_mm", s, bench_ok, b);
    int dir = 0;
    ok &= jv_enum(v, node, path, "direction", true, direction_names, &dir);
    t->direction = (TutorialDirection)dir;
    int64_t strokes = 0;
    ok &= jv_int(v, node, path, "strokes", true, 1, 50, &strokes);
    t->strokes = (int)strokes;
    t->pad_mm = TUTORIAL_PAD_MM;
    if (cJSON_GetObjectItemCaseSensitive(node, "pad_mm")) {
        ok &= jv_double(v, node, path, "pad_mm", true, 2.0, 100.0, &t->pad_mm);
    }
    for (int i = 0; i < 2; i++) {
        t->from_mm[i] = fmin(a[i], b[i]);
        t->to_mm[i] = fmax(a[i], b[i]);
    }
    double w = t->to_mm[0] - t->from_mm[0], h = t->to_mm[1] - t->from_mm[1];
    if (ok && (w < 10.0 || h < 10.0)) {
        DiagArgs args = {0};
        diag_arg_num(&args, "width", w);
        diag_arg_num(&args, "height", h);
        inconsistent(v, path, "to_mm", N_("an area at least 10 x 10 mm"), N_("{width} x {height} mm"), &args);
        ok = false;
    }
    double along = (t->direction == TUTORIAL_DIR_RIGHT || t->direction == TUTORIAL_DIR_LEFT) ? w : h;
    t->min_stroke_mm = 0.6 * along;
    if (cJSON_GetObjectItemCaseSensitive(node, "min_stroke_mm")) {
        ok &= jv_double(v, node, path, "min_stroke_mm", true, 1.0, 2000.0, &t->min_stroke_mm);
    }
    return ok;
}

/* Smallest number of decimals (0..4) that shows every fine step exactly. */
static int decimals_for(double step)
{
    for (int d = 0; d < 4; d++) {
        double scaled = step * pow(10.0, d);
        if (fabs(scaled - round(scaled)) < 1e-9 * fmax(1.0, scaled)) {
            return d;
        }
    }
    return 4;
}

static bool load_adjust(JsonV *v, const cJSON *node, const char *path, TutorialTask *t)
{
    const double big = 1e9;
    bool ok = jv_double(v, node, path, "start", true, -big, big, &t->start);
    bool has_target = jv_double(v, node, path, "target", true, -big, big, &t->target);
    bool has_min = jv_double(v, node, path, "min", true, -big, big, &t->min);
    bool has_max = jv_double(v, node, path, "max", true, -big, big, &t->max);
    bool has_coarse = jv_double(v, node, path, "step_coarse", true, -big, big, &t->step_coarse);
    bool has_fine = jv_double(v, node, path, "step_fine", true, -big, big, &t->step_fine);
    ok &= has_target && has_min && has_max && has_coarse && has_fine;
    if (cJSON_GetObjectItemCaseSensitive(node, "unit")) {
        ok &= jv_string(v, node, path, "unit", false, t->unit, sizeof t->unit);
    }
    DiagArgs args = {0};
    diag_arg_num(&args, "min", t->min);
    diag_arg_num(&args, "max", t->max);
    diag_arg_num(&args, "coarse", t->step_coarse);
    diag_arg_num(&args, "fine", t->step_fine);
    if (has_min && has_max && !(t->min < t->max)) {
        inconsistent(v, path, "max", N_("max above min"), N_("min {min}, max {max}"), &args);
        ok = false;
    }
    if (has_coarse && !(t->step_coarse > 0)) {
        inconsistent(v, path, "step_coarse", N_("a step above 0"), "{coarse}", &args);
        ok = false;
    }
    if (has_fine && !(t->step_fine > 0)) {
        inconsistent(v, path, "step_fine", N_("a step above 0"), "{fine}", &args);
        ok = false;
    }
    if (!ok) {
        return false;
    }
    if (t->step_fine > t->step_coarse) {
        inconsistent(v, path, "step_fine", N_("a fine step not larger than the coarse step"),
                     N_("fine {fine}, coarse {coarse}"), &args);
        ok = false;
    }
    if (t->step_coarse > t->max - t->min) {
        inconsistent(v, path, "step_coarse", N_("a coarse step not larger than max - min"),
                     N_("coarse {coarse}, range {min} to {max}"), &args);
        ok = false;
    }
    if (t->start < t->min || t->start > t->max) {
        DiagArgs a = args;
        a.count = 2; /* min, max */
        diag_arg_num(&a, "value", t->start);
        inconsistent(v, path, "start", N_("a start between min and max"), N_("{value} (range {min} to {max})"), &a);
        ok = false;
    }
    if (t->target < t->min || t->target > t->max) {
        DiagArgs a = args;
        a.count = 2; /* min, max */
        diag_arg_num(&a, "value", t->target);
        inconsistent(v, path, "target", N_("a target between min and max"), N_("{value} (range {min} to {max})"), &a);
        ok = false;
    }
    if (ok && t->start == t->target) {
        inconsistent(v, path, "target", N_("a target different from the start"), N_("the same value"), NULL);
        ok = false;
    }
    /* The trainee must be able to land exactly on the target with fine steps. */
    double q = (t->target - t->start) / t->step_fine;
    if (ok && fabs(q - round(q)) > 1e-6) {
        DiagArgs a = {0};
        diag_arg_num(&a, "value", q);
        inconsistent(v, path, "target", N_("a target a whole number of fine steps from the start"),
                     N_("(target - start) / step_fine = {value}"), &a);
        ok = false;
    }
    t->decimals = decimals_for(t->step_fine);
    if (cJSON_GetObjectItemCaseSensitive(node, "decimals")) {
        int64_t d = 0;
        if (jv_int(v, node, path, "decimals", true, 0, 4, &d)) {
            t->decimals = (int)d;
        } else {
            ok = false;
        }
    }
    return ok;
}

static bool load_choose(JsonV *v, const cJSON *node, const char *path, TutorialTask *t)
{
    static const char *const answer_keys[] = {"id", "fr", "en", NULL};
    bool ok = read_text(v, node, path, "question", true, SAY_MAX_BYTES, &t->question);
    const cJSON *answers = jv_child_array(v, node, path, "answers", true, 2, TUTORIAL_ANSWERS_MAX);
    char ap[JV_PATH_MAX], p[JV_PATH_MAX];
    jv_path_key(ap, sizeof ap, path, "answers");
    bool answers_ok = answers != NULL;
    size_t i = 0;
    for (const cJSON *a = answers ? answers->child : NULL; a; a = a->next, i++) {
        jv_path_index(p, sizeof p, ap, i);
        TutorialAnswer *ans = &t->answers[t->n_answers++];
        if (!jv_object(v, a, p, answer_keys)) {
            answers_ok = false;
            continue;
        }
        answers_ok &= read_id(v, a, p, "id", ans->id, sizeof ans->id);
        answers_ok &= jv_string_dup(v, a, p, "fr", true, ANSWER_MAX_BYTES, &ans->text.fr);
        answers_ok &= jv_string_dup(v, a, p, "en", true, ANSWER_MAX_BYTES, &ans->text.en);
        for (size_t k = 0; ans->id[0] && k + 1 < t->n_answers; k++) {
            if (strcmp(t->answers[k].id, ans->id) == 0) {
                char pid[JV_PATH_MAX];
                jv_path_key(pid, sizeof pid, p, "id");
                DiagArgs args = {0};
                diag_arg_str(&args, "text", ans->id);
                jv_report_t(v, DIAG_DUPLICATE_ID, pid, N_("an id not used by another answer"), N_("\"{text}\""),
                            &args);
                answers_ok = false;
            }
        }
    }
    ok &= answers_ok;
    char correct[TUTORIAL_ANSWER_ID_MAX] = "";
    if (read_id(v, node, path, "correct", correct, sizeof correct)) {
        bool found = false;
        for (size_t k = 0; k < t->n_answers; k++) {
            if (strcmp(t->answers[k].id, correct) == 0) {
                t->correct = k;
                found = true;
            }
        }
        if (!found && answers_ok) {
            char list[160];
            size_t used = 0;
            list[0] = '\0';
            for (size_t k = 0; k < t->n_answers && used < sizeof list; k++) {
                used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%s\"", k ? " " : "", t->answers[k].id);
            }
            char pc[JV_PATH_MAX];
            DiagArgs args = {0};
            jv_path_key(pc, sizeof pc, path, "correct");
            diag_arg_str(&args, "list", list);
            diag_arg_str(&args, "text", correct);
            jv_report_t(v, DIAG_BAD_VALUE, pc, N_("the id of one of the answers: {list}"), N_("\"{text}\""), &args);
        }
        ok &= found;
    } else {
        ok = false;
    }
    return ok;
}

static bool load_task(JsonV *v, const cJSON *node, const char *path, const TutorialSetup *s, bool bench_ok,
                      TutorialTask *t)
{
    if (!cJSON_IsObject(node)) {
        return jv_object(v, node, path, any_task_keys);
    }
    int kind = -1;
    bool ok = jv_enum(v, node, path, "kind", true, kind_names, &kind);
    jv_object(v, node, path, ok ? keys_of_kind[kind] : any_task_keys);
    ok &= read_id(v, node, path, "id", t->id, sizeof t->id);
    ok &= read_text(v, node, path, "say", false, SAY_MAX_BYTES, &t->say);
    if (kind < 0) {
        return false;
    }
    t->kind = (TutorialKind)kind;
    switch (t->kind) {
    case TUTORIAL_DRAG:
        ok &= load_drag(v, node, path, s, bench_ok, t);
        break;
    case TUTORIAL_PULL:
        ok &= load_pull(v, node, path, s, bench_ok, t);
        break;
    case TUTORIAL_WIPE:
        ok &= load_wipe(v, node, path, s, bench_ok, t);
        break;
    case TUTORIAL_ADJUST:
        ok &= load_adjust(v, node, path, t);
        break;
    case TUTORIAL_CHOOSE:
        ok &= load_choose(v, node, path, t);
        break;
    default:
        ok = false;
        break;
    }
    return ok;
}

void *tutorial_load_setup(JsonV *v, const cJSON *setup, const char *path)
{
    static const char *const keys[] = {"bench_mm", "tasks", NULL};
    static const char *const bench_keys[] = {"width", "height", NULL};
    if (!jv_object(v, setup, path, keys)) {
        return NULL;
    }
    TutorialSetup *s = calloc(1, sizeof *s);
    if (!s) {
        jv_report(v, DIAG_IO, path, N_("memory for the setup"), N_("out of memory"));
        return NULL;
    }
    bool ok = true;
    char p[JV_PATH_MAX], tp[JV_PATH_MAX];
    const cJSON *bench = jv_child_object(v, setup, path, "bench_mm", true);
    bool bench_ok = false;
    if (bench) {
        jv_path_key(p, sizeof p, path, "bench_mm");
        jv_object(v, bench, p, bench_keys);
        bench_ok = jv_double(v, bench, p, "width", true, BENCH_MIN_MM, BENCH_MAX_MM, &s->bench_width_mm);
        bench_ok &= jv_double(v, bench, p, "height", true, BENCH_MIN_MM, BENCH_MAX_MM, &s->bench_height_mm);
    }
    ok &= bench_ok;
    const cJSON *tasks = jv_child_array(v, setup, path, "tasks", true, 1, TUTORIAL_TASKS_MAX);
    ok &= tasks != NULL;
    jv_path_key(tp, sizeof tp, path, "tasks");
    size_t i = 0;
    for (const cJSON *t = tasks ? tasks->child : NULL; t; t = t->next, i++) {
        jv_path_index(p, sizeof p, tp, i);
        TutorialTask *task = &s->tasks[s->n_tasks++];
        ok &= load_task(v, t, p, s, bench_ok, task);
        for (size_t k = 0; task->id[0] && k + 1 < s->n_tasks; k++) {
            if (strcmp(s->tasks[k].id, task->id) == 0) {
                char pid[JV_PATH_MAX];
                jv_path_key(pid, sizeof pid, p, "id");
                DiagArgs args = {0};
                diag_arg_str(&args, "text", task->id);
                jv_report_t(v, DIAG_DUPLICATE_ID, pid, N_("an id not used by another task"), N_("\"{text}\""), &args);
                ok = false;
            }
        }
    }
    if (!ok) {
        tutorial_free_setup(s);
        return NULL;
    }
    return s;
}

bool tutorial_measure_known(const void *setup, const char *name)
{
    const TutorialSetup *s = setup;
    const char *dot = strchr(name, '.');
    if (!s || !dot) {
        return false;
    }
    size_t id_len = (size_t)(dot - name);
    for (size_t i = 0; i < s->n_tasks; i++) {
        const TutorialTask *t = &s->tasks[i];
        if (strlen(t->id) != id_len || strncmp(t->id, name, id_len) != 0) {
            continue;
        }
        for (const char *const *m = measures_of_kind[t->kind]; *m; m++) {
            if (strcmp(*m, dot + 1) == 0) {
                return true;
            }
        }
    }
    return false;
}

bool tutorial_measure_name(const char *task_id, const char *suffix, char *out, size_t n)
{
    int w = snprintf(out, n, "%s.%s", task_id, suffix);
    return w >= 0 && (size_t)w < n;
}

const Criterion *tutorial_criterion(const Rubric *r, const char *task_id, const char *suffix)
{
    char name[RUBRIC_ID_MAX];
    if (!r || !tutorial_measure_name(task_id, suffix, name, sizeof name)) {
        return NULL;
    }
    for (size_t i = 0; i < r->n_criteria; i++) {
        if (strcmp(r->criteria[i].measure, name) == 0) {
            return &r->criteria[i];
        }
    }
    return NULL;
}
