/*
 * otdr_setup.c - the "setup" object of an OTDR scenario (format in
 * docs/otdr.md): the exercise, the link (otdr_setup_link.c) or a recorded
 * trace (otdr_setup_file.c), the cables, the instrument's allowed values and
 * its settings at switch-on, the answers asked for and the identification
 * fields of the exported file. Every problem is reported with its path.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "otdr_internal.h"

static const char *const exercise_names[] = {"settings", "break", "splice", "bend", "gainer", "recette", "reading",
                                             NULL};
static const char *const answer_kind_names[] = {"distance", "length",      "loss",    "reflectance",
                                                "total_loss", "attenuation", "verdict", NULL};
static const char *const fibre_names[] = {"G.652.D", "G.657.A1", "G.657.A2", NULL};
static const char *const polish_names[] = {"upc", "apc", NULL};

const char *otdr_exercise_name(OtdrExercise e)
{
    return e < OTDR_EX_COUNT ? exercise_names[e] : "?";
}

const char *otdr_answer_kind_name(OtdrAnswerKind k)
{
    return k < OTDR_ANS_COUNT ? answer_kind_names[k] : "?";
}

static size_t diag_total(const JsonV *v)
{
    return v->diags ? v->diags->count + v->diags->dropped : 0;
}

/* ---- allowed values ------------------------------------------------------------ */

static void choices_set(OtdrChoices *c, const double *v, size_t n)
{
    c->n = n < OTDR_CHOICES_MAX ? n : OTDR_CHOICES_MAX;
    memcpy(c->v, v, c->n * sizeof *v);
}

static bool is_instrument_pulse(double ns)
{
    for (size_t i = 0; i < otdr_pulse_width_count; i++) {
        if (otdr_pulse_widths_ns[i] == ns) {
            return true;
        }
    }
    return false;
}

/* A list of 1..OTDR_CHOICES_MAX numbers in [lo, hi], strictly increasing. */
static void read_choices(JsonV *v, const cJSON *obj, const char *path, const char *key, double lo, double hi,
                         bool pulses, OtdrChoices *out)
{
    const cJSON *a = jv_child_array(v, obj, path, key, false, 1, OTDR_CHOICES_MAX);
    if (!a) {
        return;
    }
    char p[JV_PATH_MAX], q[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, key);
    OtdrChoices c = {{0}, 0};
    const cJSON *item;
    cJSON_ArrayForEach(item, a)
    {
        jv_path_index(q, sizeof q, p, c.n);
        double x = cJSON_IsNumber(item) ? item->valuedouble : (double)NAN;
        if (!(x >= lo && x <= hi) || (pulses && !is_instrument_pulse(x))) {
            DiagArgs args = {0};
            diag_arg_num(&args, "min", lo);
            diag_arg_num(&args, "max", hi);
            const char *expected = pulses ? N_("a pulse width the instrument has: 3, 5, 10, 20, 30, 50, 100, 200, 275, "
                                               "500, 1000, 2000, 2500, 5000, 10000, 20000 ns")
                                          : N_("a number from {min} to {max}");
            const char *found = jv_describe_t(item, &args);
            jv_report_t(v, cJSON_IsNumber(item) ? DIAG_OUT_OF_RANGE : DIAG_WRONG_TYPE, q, expected, found, &args);
        } else if (c.n > 0 && !(x > c.v[c.n - 1])) {
            DiagArgs args = {0};
            diag_arg_num(&args, "value", x);
            diag_arg_num(&args, "before", c.v[c.n - 1]);
            jv_report_t(v, DIAG_INCONSISTENT, q, N_("values in increasing order"), N_("{value} after {before}"), &args);
        }
        c.v[c.n++] = x;
    }
    *out = c;
}

static bool in_choices(const OtdrChoices *c, double x)
{
    for (size_t i = 0; i < c->n; i++) {
        if (fabs(c->v[i] - x) <= 1e-9 * fabs(x)) {
            return true;
        }
    }
    return false;
}

static void read_instrument(JsonV *v, const cJSON *node, const char *path, OtdrSetup *s)
{
    static const char *const keys[] = {"wavelengths_nm", "pulses_ns", "ranges_m", "averaging_s", "group_indices",
                                       "start", NULL};
    static const char *const start_keys[] = {"wavelength_nm", "pulse_ns", "range_m", "averaging_s", "group_index",
                                             NULL};
    const cJSON *o = jv_child_object(v, node, path, "instrument", false);
    char p[JV_PATH_MAX], q[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, "instrument");
    if (o) {
        jv_object(v, o, p, keys);
        const cJSON *wls = jv_child_array(v, o, p, "wavelengths_nm", false, 1, OTDR_WL_COUNT);
        if (wls) {
            char wp[JV_PATH_MAX];
            jv_path_key(wp, sizeof wp, p, "wavelengths_nm");
            memset(s->wavelength_allowed, 0, sizeof s->wavelength_allowed);
            const cJSON *item;
            size_t i = 0;
            cJSON_ArrayForEach(item, wls)
            {
                OtdrWavelength wl;
                jv_path_index(q, sizeof q, wp, i++);
                if (!cJSON_IsNumber(item) || !otdr_wavelength_from_nm(item->valuedouble, &wl)) {
                    DiagArgs args = {0};
                    const char *found = jv_describe_t(item, &args);
                    jv_report_t(v, cJSON_IsNumber(item) ? DIAG_BAD_VALUE : DIAG_WRONG_TYPE, q, N_("1310, 1550 or 1625"),
                                found, &args);
                } else {
                    s->wavelength_allowed[wl] = true;
                }
            }
        }
        read_choices(v, o, p, "pulses_ns", 3, 20000, true, &s->pulses_ns);
        read_choices(v, o, p, "ranges_m", 100, 260000, false, &s->ranges_m);
        read_choices(v, o, p, "averaging_s", 0.1, 600, false, &s->averaging_s);
        read_choices(v, o, p, "group_indices", 1.3, 1.7, false, &s->group_indices);
    }
    /* Settings at switch-on: the first allowed wavelength, a mid pulse. */
    OtdrWavelength wl0 = OTDR_WL_1310;
    while (wl0 < OTDR_WL_COUNT - 1 && !s->wavelength_allowed[wl0]) {
        wl0 = (OtdrWavelength)(wl0 + 1);
    }
    otdr_settings_default(&s->start, wl0);
    s->start.pulse_ns = s->pulses_ns.v[s->pulses_ns.n / 2];
    s->start.range_m = s->ranges_m.v[s->ranges_m.n / 2];
    s->start.averaging_s = s->averaging_s.v[s->averaging_s.n / 2];
    s->start.group_index = s->group_indices.v[s->group_indices.n / 2];
    const cJSON *st = o ? jv_child_object(v, o, p, "start", false) : NULL;
    if (!st) {
        return;
    }
    char sp[JV_PATH_MAX];
    jv_path_key(sp, sizeof sp, p, "start");
    jv_object(v, st, sp, start_keys);
    double nm = 0;
    if (jv_double(v, st, sp, "wavelength_nm", false, 1300, 1700, &nm)) {
        OtdrWavelength wl;
        jv_path_key(q, sizeof q, sp, "wavelength_nm");
        if (!otdr_wavelength_from_nm(nm, &wl) || !s->wavelength_allowed[wl]) {
            DiagArgs args = {0};
            diag_arg_num(&args, "value", nm);
            jv_report_t(v, DIAG_INCONSISTENT, q, N_("one of instrument.wavelengths_nm"), "{value}", &args);
        } else {
            s->start.wavelength = wl; /* the IOR and K follow the wavelength at acquisition */
        }
    }
    struct {
        const char *key;
        double *dst;
        const OtdrChoices *list;
        const char *list_name;
    } fields[] = {
        {"pulse_ns", &s->start.pulse_ns, &s->pulses_ns, N_("one of instrument.pulses_ns")},
        {"range_m", &s->start.range_m, &s->ranges_m, N_("one of instrument.ranges_m")},
        {"averaging_s", &s->start.averaging_s, &s->averaging_s, N_("one of instrument.averaging_s")},
        {"group_index", &s->start.group_index, &s->group_indices, N_("one of instrument.group_indices")},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        double x = 0;
        if (jv_double(v, st, sp, fields[i].key, false, 0.0, 1e6, &x)) {
            if (!in_choices(fields[i].list, x)) {
                jv_path_key(q, sizeof q, sp, fields[i].key);
                DiagArgs args = {0};
                diag_arg_num(&args, "value", x);
                jv_report_t(v, DIAG_INCONSISTENT, q, fields[i].list_name, "{value}", &args);
            } else {
                *fields[i].dst = x;
            }
        }
    }
}

/* ---- answers --------------------------------------------------------------------- */

static void read_text(JsonV *v, const cJSON *obj, const char *path, const char *key, OtdrText *t)
{
    static const char *const langs[] = {"fr", "en", NULL};
    const cJSON *o = jv_child_object(v, obj, path, key, false);
    if (!o) {
        return;
    }
    char p[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, key);
    jv_object(v, o, p, langs);
    jv_string_dup(v, o, p, "fr", true, 80, &t->fr);
    jv_string_dup(v, o, p, "en", true, 80, &t->en);
}

static const OtdrElement *element_by_label(const OtdrLink *l, const char *label)
{
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->el[i].label, label) == 0) {
            return &l->el[i];
        }
    }
    return NULL;
}

static bool has_break(const OtdrLink *l)
{
    for (size_t i = 0; i < l->count; i++) {
        if (l->el[i].kind == OTDR_EL_BREAK) {
            return true;
        }
    }
    return false;
}

/* The file's event numbered n (reading), or -1. */
static int file_event_index(const OtdrSetup *s, const char *at)
{
    if (strncmp(at, "event:", 6) != 0) {
        return -1;
    }
    char *endp = NULL;
    long n = strtol(at + 6, &endp, 10);
    if (!at[6] || *endp || n < 0 || n > 32767) {
        return -1;
    }
    for (size_t i = 0; i < s->file_events.count; i++) {
        if (s->file_event_numbers[i] == n) {
            return (int)i;
        }
    }
    return -1;
}

/* Checks that a feature name means something for this answer kind. */
static void check_feature(JsonV *v, const OtdrSetup *s, const char *path, const char *key, const char *name,
                          OtdrAnswerKind kind)
{
    char p[JV_PATH_MAX];
    DiagArgs args = {0};
    jv_path_key(p, sizeof p, path, key);
    diag_arg_str(&args, "text", name);
    const char *found = N_("\"{text}\"");
    if (s->from_file) {
        if (s->file_trace.points == 0) {
            return; /* the file did not load (reported at trace_file): no events to check against */
        }
        bool end_ok = strcmp(name, "end") == 0 && s->file_events.end_m > 0;
        if (!end_ok && !(strcmp(name, "link") == 0 && kind == OTDR_ANS_VERDICT) && file_event_index(s, name) < 0) {
            diag_arg_int(&args, "count", (long long)s->file_events.count);
            jv_report_t(v, DIAG_BAD_VALUE, p,
                        N_("\"event:N\" (an event number of the file: 1 to {count} as listed by \"fibresim sor dump\") "
                           "or \"end\""),
                        found, &args);
        }
        return;
    }
    if (strcmp(name, "end") == 0 || (strcmp(name, "break") == 0 && has_break(&s->link))) {
        if (kind == OTDR_ANS_LOSS || kind == OTDR_ANS_ATTENUATION) {
            jv_report_t(v, DIAG_INCONSISTENT, p, N_("a connector, splice, bend (loss) or fibre (attenuation) label"), found, &args);
        }
        return;
    }
    if (strcmp(name, "link") == 0) {
        if (kind != OTDR_ANS_VERDICT) {
            jv_report_t(v, DIAG_INCONSISTENT, p, N_("\"link\" only for a verdict on the whole link"), found, &args);
        }
        return;
    }
    const OtdrElement *e = element_by_label(&s->link, name);
    if (!e) {
        jv_report_t(v, DIAG_BAD_VALUE, p, N_("the label of an element of \"link\", \"break\", \"end\" or \"link\""), found, &args);
        return;
    }
    bool point = e->kind == OTDR_EL_CONNECTOR || e->kind == OTDR_EL_SPLICE || e->kind == OTDR_EL_BEND;
    if ((kind == OTDR_ANS_LOSS || kind == OTDR_ANS_VERDICT) && !point) {
        jv_report_t(v, DIAG_INCONSISTENT, p, N_("a connector, splice or bend (something with a loss)"), found, &args);
    } else if (kind == OTDR_ANS_REFLECTANCE && e->kind != OTDR_EL_CONNECTOR && e->kind != OTDR_EL_BREAK) {
        jv_report_t(v, DIAG_INCONSISTENT, p, N_("a connector or a break (something that reflects)"), found, &args);
    } else if (kind == OTDR_ANS_ATTENUATION && e->kind != OTDR_EL_FIBRE) {
        jv_report_t(v, DIAG_INCONSISTENT, p, N_("a fibre label"), found, &args);
    }
}

static bool answer_id_ok(const char *id)
{
    if (!id[0]) {
        return false;
    }
    for (const char *c = id; *c; c++) {
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-')) {
            return false;
        }
    }
    return true;
}

static void read_answers(JsonV *v, const cJSON *node, const char *path, OtdrSetup *s)
{
    static const char *const keys[] = {"id", "kind", "label", "at", "from", "to", "wavelength_nm", "max_db",
                                       "max_reflectance_db", NULL};
    const cJSON *arr = jv_child_array(v, node, path, "answers", false, 0, OTDR_ANSWERS_MAX);
    if (!arr) {
        return;
    }
    char ap[JV_PATH_MAX], p[JV_PATH_MAX], q[JV_PATH_MAX];
    jv_path_key(ap, sizeof ap, path, "answers");
    const cJSON *item;
    size_t i = 0;
    cJSON_ArrayForEach(item, arr)
    {
        jv_path_index(p, sizeof p, ap, i);
        OtdrAnswerDef *a = &s->answers[i];
        memset(a, 0, sizeof *a);
        i++;
        if (!jv_object(v, item, p, keys)) {
            continue;
        }
        if (jv_string(v, item, p, "id", true, a->id, sizeof a->id) && !answer_id_ok(a->id)) {
            jv_path_key(q, sizeof q, p, "id");
            DiagArgs args = {0};
            diag_arg_str(&args, "text", a->id);
            jv_report_t(v, DIAG_BAD_VALUE, q, N_("1-19 characters of a-z, 0-9, _ and -"), N_("\"{text}\""), &args);
        }
        for (size_t j = 0; j + 1 < i && a->id[0]; j++) {
            if (strcmp(s->answers[j].id, a->id) == 0) {
                jv_path_key(q, sizeof q, p, "id");
                DiagArgs args = {0};
                diag_arg_str(&args, "text", a->id);
                diag_arg_int(&args, "index", (long long)j);
                jv_report_t(v, DIAG_DUPLICATE_ID, q, N_("an id no other answer has"),
                            N_("\"{text}\" again (first at answers[{index}])"), &args);
            }
        }
        int kind = 0;
        if (!jv_enum(v, item, p, "kind", true, answer_kind_names, &kind)) {
            continue;
        }
        a->kind = (OtdrAnswerKind)kind;
        read_text(v, item, p, "label", &a->label);
        bool needs_at = a->kind != OTDR_ANS_LENGTH && a->kind != OTDR_ANS_TOTAL_LOSS;
        if (jv_string(v, item, p, "at", needs_at, a->at, sizeof a->at)) {
            check_feature(v, s, p, "at", a->at, a->kind);
        }
        if (jv_string(v, item, p, "from", false, a->from, sizeof a->from)) {
            check_feature(v, s, p, "from", a->from, OTDR_ANS_DISTANCE);
        }
        if (jv_string(v, item, p, "to", false, a->to, sizeof a->to)) {
            check_feature(v, s, p, "to", a->to, OTDR_ANS_DISTANCE);
        }
        double nm = 0;
        if (jv_double(v, item, p, "wavelength_nm", false, 1300, 1700, &nm)) {
            jv_path_key(q, sizeof q, p, "wavelength_nm");
            DiagArgs args = {0};
            diag_arg_num(&args, "value", nm);
            if (!otdr_wavelength_from_nm(nm, &a->wavelength)) {
                jv_report_t(v, DIAG_BAD_VALUE, q, N_("1310, 1550 or 1625"), "{value}", &args);
            } else if (!s->from_file && !s->wavelength_allowed[a->wavelength]) {
                jv_report_t(v, DIAG_INCONSISTENT, q, N_("one of instrument.wavelengths_nm"), "{value}", &args);
            } else {
                a->has_wavelength = true;
            }
        }
        bool verdict = a->kind == OTDR_ANS_VERDICT;
        jv_double(v, item, p, "max_db", verdict, 0.0, 40.0, &a->max_db);
        a->has_max_reflectance = jv_double(v, item, p, "max_reflectance_db", false, -90.0, -10.0,
                                           &a->max_reflectance_db);
        if (!verdict && (cJSON_GetObjectItemCaseSensitive(item, "max_db")
                         || cJSON_GetObjectItemCaseSensitive(item, "max_reflectance_db"))) {
            jv_report(v, DIAG_INCONSISTENT, p, N_("max_db and max_reflectance_db only on a verdict"), N_("a limit"));
        }
    }
    s->n_answers = i;
}

static void read_ids(JsonV *v, const cJSON *node, const char *path, OtdrSetup *s)
{
    static const char *const keys[] = {"cable_id", "fibre_id", "origin", "end", NULL};
    const cJSON *o = jv_child_object(v, node, path, "ids", false);
    if (!o) {
        return;
    }
    char p[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, "ids");
    jv_object(v, o, p, keys);
    jv_string(v, o, p, "cable_id", false, s->cable_id, sizeof s->cable_id);
    jv_string(v, o, p, "fibre_id", false, s->fibre_id, sizeof s->fibre_id);
    jv_string(v, o, p, "origin", false, s->origin, sizeof s->origin);
    jv_string(v, o, p, "end", false, s->end, sizeof s->end);
}

static void read_port(JsonV *v, const cJSON *node, const char *path, OtdrSetup *s)
{
    static const char *const keys[] = {"loss_db", "reflectance_db", "polish", NULL};
    const cJSON *o = jv_child_object(v, node, path, "instrument_port", false);
    if (!o) {
        return;
    }
    char p[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, "instrument_port");
    jv_object(v, o, p, keys);
    jv_double(v, o, p, "loss_db", false, 0.0, 5.0, &s->instrument_port.loss_db);
    jv_double(v, o, p, "reflectance_db", false, -90.0, -14.0, &s->instrument_port.reflectance_db);
    int polish = s->instrument_port.polish;
    if (jv_enum(v, o, p, "polish", false, polish_names, &polish)) {
        s->instrument_port.polish = (OtdrPolish)polish;
    }
}

static void setup_defaults(OtdrSetup *s)
{
    static const double ranges[] = {500, 1000, 2000, 5000, 10000, 20000, 40000, 80000, 160000};
    static const double avgs[] = {1, 3, 5, 10, 15, 30, 60};
    static const double iors[] = {1.46, 1.465, 1.467, 1.4677, 1.4682, 1.4686, 1.47};
    memset(s, 0, sizeof *s);
    otdr_link_init(&s->link);
    OtdrLink tmp;
    otdr_link_init(&tmp);
    s->instrument_port = tmp.port; /* clean APC, 0.25 dB, -55 dB */
    s->cable_fibre = OTDR_FIBRE_G652D;
    s->event_table = true;
    for (int i = 0; i < OTDR_WL_COUNT; i++) {
        s->wavelength_allowed[i] = true;
    }
    choices_set(&s->pulses_ns, otdr_pulse_widths_ns, otdr_pulse_width_count);
    choices_set(&s->ranges_m, ranges, sizeof ranges / sizeof ranges[0]);
    choices_set(&s->averaging_s, avgs, sizeof avgs / sizeof avgs[0]);
    choices_set(&s->group_indices, iors, sizeof iors / sizeof iors[0]);
}

static void *load(JsonV *v, const cJSON *node, const char *path, const ScenarioSource *src)
{
    static const char *const keys[] = {"exercise", "link", "end", "launch_cable_m", "receive_cable_m",
                                       "cable_fibre", "instrument_port", "bidirectional", "event_table",
                                       "instrument", "answers", "ids", "trace_file", NULL};
    OtdrSetup *s = malloc(sizeof *s);
    if (!s) {
        jv_report(v, DIAG_IO, path, N_("memory for the setup"), N_("out of memory"));
        return NULL;
    }
    setup_defaults(s);
    size_t before = diag_total(v);
    if (!jv_object(v, node, path, keys)) {
        free(s);
        return NULL;
    }
    int ex = 0;
    if (jv_enum(v, node, path, "exercise", true, exercise_names, &ex)) {
        s->exercise = (OtdrExercise)ex;
    }
    bool has_file = cJSON_GetObjectItemCaseSensitive(node, "trace_file") != NULL;
    bool has_link = cJSON_GetObjectItemCaseSensitive(node, "link") != NULL;
    if (has_file && has_link) {
        jv_report(v, DIAG_INCONSISTENT, path, N_("either \"link\" (a simulated link) or \"trace_file\" (a recorded trace)"),
                  N_("both"));
    } else if (has_file || s->exercise == OTDR_EX_READING) {
        s->from_file = true;
        otdr_setup_read_file(v, node, path, src, s);
    } else {
        otdr_setup_read_link(v, node, path, &s->link);
    }
    jv_double(v, node, path, "launch_cable_m", false, 0.0, 5000.0, &s->launch_cable_m);
    jv_double(v, node, path, "receive_cable_m", false, 0.0, 5000.0, &s->receive_cable_m);
    int fibre = OTDR_FIBRE_G652D;
    if (jv_enum(v, node, path, "cable_fibre", false, fibre_names, &fibre)) {
        s->cable_fibre = (OtdrFibreType)fibre;
    }
    read_port(v, node, path, s);
    jv_bool(v, node, path, "bidirectional", false, &s->bidirectional);
    jv_bool(v, node, path, "event_table", false, &s->event_table);
    read_instrument(v, node, path, s);
    read_answers(v, node, path, s);
    read_ids(v, node, path, s);
    if (!s->from_file && diag_total(v) == before) {
        char p[JV_PATH_MAX];
        if (s->receive_cable_m > 0 && !otdr_can_receive(s)) {
            jv_path_key(p, sizeof p, path, "receive_cable_m");
            jv_report(v, DIAG_INCONSISTENT, p, N_("0, unless the link ends with a connector (and has no break)"),
                      N_("a receive cable"));
        }
        if (s->bidirectional && has_break(&s->link)) {
            jv_path_key(p, sizeof p, path, "bidirectional");
            jv_report(v, DIAG_INCONSISTENT, p, N_("false for a broken link (the far end cannot be reached)"), "true");
        } else if (s->bidirectional && s->link.el[s->link.count - 1].kind != OTDR_EL_CONNECTOR) {
            jv_path_key(p, sizeof p, path, "bidirectional");
            jv_report(v, DIAG_INCONSISTENT, p,
                      N_("false unless the link ends with a connector (where the OTDR plugs in at the far end)"), "true");
        }
    }
    if (diag_total(v) != before) {
        otdr_setup_free(s);
        return NULL;
    }
    return s;
}

void *otdr_setup_load(JsonV *v, const cJSON *node, const char *path, const ScenarioSource *src)
{
    return load(v, node, path, src);
}

void *otdr_setup_load_nofile(JsonV *v, const cJSON *node, const char *path)
{
    ScenarioSource none = {NULL};
    return load(v, node, path, &none);
}

void otdr_setup_free(void *setup)
{
    OtdrSetup *s = setup;
    if (!s) {
        return;
    }
    for (size_t i = 0; i < OTDR_ANSWERS_MAX; i++) {
        free(s->answers[i].label.fr);
        free(s->answers[i].label.en);
    }
    otdr_trace_finish(&s->file_trace);
    free(s);
}

const OtdrSetup *otdr_setup_of(const void *scenario_setup)
{
    return scenario_setup;
}

/* "<answer id>.<suffix>" with the suffix its kind reports. */
bool otdr_measure_known(const void *setup, const char *name)
{
    const OtdrSetup *s = setup;
    const char *dot = strrchr(name, '.');
    if (!dot) {
        return false;
    }
    size_t n = (size_t)(dot - name);
    const char *suffix = dot + 1;
    for (size_t i = 0; i < s->n_answers; i++) {
        const OtdrAnswerDef *a = &s->answers[i];
        if (strlen(a->id) != n || strncmp(a->id, name, n) != 0) {
            continue;
        }
        switch (a->kind) {
        case OTDR_ANS_DISTANCE:
        case OTDR_ANS_LENGTH:
            return strcmp(suffix, "answer_m") == 0 || strcmp(suffix, "error_m") == 0;
        case OTDR_ANS_LOSS:
        case OTDR_ANS_REFLECTANCE:
        case OTDR_ANS_TOTAL_LOSS:
            return strcmp(suffix, "answer_db") == 0 || strcmp(suffix, "error_db") == 0;
        case OTDR_ANS_ATTENUATION:
            return strcmp(suffix, "answer_db_km") == 0 || strcmp(suffix, "error_db_km") == 0;
        case OTDR_ANS_VERDICT:
            return strcmp(suffix, "correct") == 0;
        default:
            return false;
        }
    }
    return false;
}
