/*
 * otdr_setup_file.c - a trace recorded by a real instrument, for reading
 * practice:
 *
 *   "trace_file": { "path": "traces/anritsu-1310.sor", "sha256": "<64 hex>" }
 *
 * The path is relative to the scenario's folder (a scenario folder stands
 * alone: the file lives next to it with its licence note). The SHA-256 pins
 * the bytes: the scenario's own hash (in every attempt record) then covers
 * the trace too, and an edited trace is refused instead of silently changing
 * the answers. When the file is not at its path, "<sha256>.sor" in the same
 * folder is tried (where a content-addressed copy would be kept). A replay
 * also finds it in the journal's copy (DATA/files/<sha256>, see
 * scenario_read_relative); the bytes are checked against the pin wherever
 * they come from.
 *
 * The file's samples become an OtdrTrace (sample k at k x spacing; a non-zero
 * acquisition offset shifts them onto that grid) and its KeyEvents the event
 * table the trainee checks: the instrument's own analysis.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/scenario.h"
#include "otdr_internal.h"

/* Largest recorded trace accepted (real files are 20 kB .. 2 MB). */
#define TRACE_FILE_MAX_BYTES (16u * 1024u * 1024u)

static double c_over_n(const SorFile *f)
{
    double n = sor_group_index(f);
    return SOR_C_M_S / (n > 1.0 ? n : 1.4677);
}

bool otdr_trace_from_sor(const SorFile *f, OtdrTrace *t, OtdrEventTable *ev, int16_t *numbers, const char **why,
                         DiagArgs *why_args)
{
    memset(t, 0, sizeof *t);
    memset(ev, 0, sizeof *ev);
    double spacing = sor_sample_spacing_m(f);
    if (f->point_count < 64 || !(spacing > 0.0) || !isfinite(spacing)) {
        diag_arg_int(why_args, "count", (long long)f->point_count);
        *why = N_("a trace of at least 64 points with a sample spacing (found {count} points)");
        return false;
    }
    double wl_nm = sor_wavelength_nm(f);
    OtdrWavelength wl = OTDR_WL_1310;
    double best = 1e9;
    for (int i = 0; i < OTDR_WL_COUNT; i++) {
        double d = fabs(wl_nm - otdr_wavelength_nm((OtdrWavelength)i));
        if (d < best) {
            best = d;
            wl = (OtdrWavelength)i;
        }
    }
    if (best > 30.0) {
        diag_arg_num_sig(why_args, "value", round(wl_nm * 10.0) / 10.0, 10);
        *why = N_("a trace at 1310, 1550 or 1625 nm (found {value} nm)");
        return false;
    }
    /* Sample 0 lies at the acquisition offset: put the samples on the grid
     * k x spacing from the front panel. */
    double offset_m = sor_point_m(f, 0);
    long shift = (long)lround(offset_m / spacing);
    long n_long = (long)f->point_count + shift;
    if (n_long < 64 || n_long > 4 * 1024 * 1024) {
        diag_arg_num_sig(why_args, "value", round(offset_m * 10.0) / 10.0, 10);
        *why = N_("a trace whose samples start near the front panel (offset {value} m)");
        return false;
    }
    size_t n = (size_t)n_long;
    t->level_db = malloc(n * sizeof *t->level_db);
    if (!t->level_db) {
        diag_arg_int(why_args, "count", (long long)n);
        *why = N_("memory for {count} points");
        return false;
    }
    t->capacity = n;
    t->points = n;
    double top = -1e9, low = 1e9;
    for (size_t k = 0; k < n; k++) {
        long src = (long)k - shift;
        if (src < 0) {
            src = 0;
        }
        if (src >= (long)f->point_count) {
            src = (long)f->point_count - 1;
        }
        double y = sor_point_db(f, (size_t)src);
        t->level_db[k] = y;
        top = y > top ? y : top;
        low = y < low ? y : low;
    }
    t->spacing_m = spacing;
    t->data_spacing = f->fxd.data_spacing[0];
    OtdrSettings *s = &t->settings;
    otdr_settings_default(s, wl);
    s->pulse_ns = f->fxd.pulse_width_ns[0] > 0 ? f->fxd.pulse_width_ns[0] : 10;
    s->points = n;
    s->range_m = (double)n * spacing;
    s->averaging_s = f->fxd.averaging_time_01s / 10.0;
    s->group_index = sor_group_index(f) > 1.0 ? sor_group_index(f) : s->group_index;
    if (f->fxd.backscatter_neg_01db > 0) {
        s->backscatter_db = sor_backscatter_db(f);
    }
    t->pulse_length_m = c_over_n(f) * s->pulse_ns * 1e-9 / 2.0;
    t->rx_length_m = t->pulse_length_m / 4.0;
    t->saturation_db = top;
    /* The noise floor: the lowest tenth of a dB above the lowest sample is
     * where the instrument's noise sits; good enough for the readouts. */
    t->noise_rms_db = low;
    t->num_averages = f->fxd.num_averages;
    t->backscatter_first_db = t->level_db[0];

    size_t m = 0;
    for (size_t i = 0; i < f->event_count && m < OTDR_MAX_EVENTS; i++) {
        const SorEvent *se = &f->events[i];
        OtdrEvent *e = &ev->ev[m];
        e->distance_m = sor_event_m(f, se);
        e->loss_db = sor_event_loss_db(se);
        e->reflectance_db = sor_event_has_reflectance(se) ? sor_event_reflectance_db(se) : 0.0;
        SorEventKind k = sor_event_kind(se);
        e->reflective = k == SOR_EVENT_REFLECTIVE || k == SOR_EVENT_SATURATED;
        e->saturated = k == SOR_EVENT_SATURATED;
        e->end_of_fibre = sor_event_is_end(se);
        e->slope_db_km = se->slope_0001db_km / 1000.0;
        e->start_m = e->distance_m;
        e->end_m = e->distance_m + t->pulse_length_m + 4.0 * t->rx_length_m;
        if (f->version >= 2 && se->markers_100ps[SOR_MARK_END] > se->markers_100ps[SOR_MARK_START]) {
            e->start_m = sor_time_to_m(f, se->markers_100ps[SOR_MARK_START]);
            e->end_m = sor_time_to_m(f, se->markers_100ps[SOR_MARK_END]);
        }
        numbers[m] = se->number;
        if (e->end_of_fibre && ev->end_m <= 0) {
            ev->end_m = e->distance_m;
        }
        m++;
    }
    ev->count = m;
    if (f->has_summary) {
        ev->total_loss_db = f->summary.total_loss_0001db / 1000.0;
        ev->orl_db = f->summary.orl_0001db / 1000.0;
    }
    return true;
}

bool otdr_setup_read_file(JsonV *v, const cJSON *node, const char *path, const ScenarioSource *src, OtdrSetup *s)
{
    static const char *const keys[] = {"path", "sha256", NULL};
    const cJSON *o = jv_child_object(v, node, path, "trace_file", true);
    if (!o) {
        return false;
    }
    char p[JV_PATH_MAX], q[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, "trace_file");
    size_t before = v->diags ? v->diags->count + v->diags->dropped : 0;
    jv_object(v, o, p, keys);
    char sha[80] = "";
    jv_string(v, o, p, "path", true, s->file_name, sizeof s->file_name);
    if (jv_string(v, o, p, "sha256", true, sha, sizeof sha)) {
        bool hex = strlen(sha) == 64;
        for (size_t i = 0; hex && i < 64; i++) {
            hex = (sha[i] >= '0' && sha[i] <= '9') || (sha[i] >= 'a' && sha[i] <= 'f');
        }
        if (!hex) {
            jv_path_key(q, sizeof q, p, "sha256");
            DiagArgs args = {0};
            diag_arg_str(&args, "text", sha);
            jv_report_t(v, DIAG_BAD_VALUE, q, N_("64 lowercase hexadecimal digits (sha256sum of the file)"),
                        N_("\"{text}\""), &args);
        }
    }
    if (v->diags && v->diags->count + v->diags->dropped != before) {
        return false;
    }
    jv_path_key(q, sizeof q, p, "path");
    size_t len = 0;
    /* The reader checks the bytes against the pin wherever it finds them
     * (the scenario's folder, or a journal's copy when replaying). */
    ScenarioReadError e;
    char *data = scenario_read_relative(src, s->file_name, sha, TRACE_FILE_MAX_BYTES, &len, &e);
    if (!data && e.status == SCENARIO_READ_MISSING && src && src->dir) {
        char alt[80];
        ScenarioReadError e2;
        snprintf(alt, sizeof alt, "%s.sor", sha);
        data = scenario_read_relative(src, alt, sha, TRACE_FILE_MAX_BYTES, &len, &e2);
    }
    if (!data) {
        jv_report_t(v, e.status == SCENARIO_READ_MISMATCH ? DIAG_INCONSISTENT : DIAG_IO, q, e.expected_tmpl,
                    e.found_tmpl, &e.args);
        return false;
    }
    bool ok = false;
    SorFile f;
    SorError err;
    DiagArgs why_args = {0};
    const char *why = "";
    if (!sor_read(&f, (const uint8_t *)data, len, &err)) {
        /* The reader's error is a template too: the whole sentence is
         * shown in the edge's language, block names as the format has them. */
        DiagArgs args;
        sor_error_args(&err, &args);
        jv_report_t(v, DIAG_BAD_VALUE, q, N_("a readable SR-4731 (.sor) file"),
                    err.block[0]
                        ? N_("a damaged file ({block} block, byte {offset}: expected {expected}, found {found})")
                        : N_("a damaged file (byte {offset}: expected {expected}, found {found})"),
                    &args);
    } else if (!otdr_trace_from_sor(&f, &s->file_trace, &s->file_events, s->file_event_numbers, &why, &why_args)) {
        jv_report_t(v, DIAG_BAD_VALUE, q, why, N_("a trace that cannot be shown"), &why_args);
    } else {
        s->file_wavelength_nm = sor_wavelength_nm(&f);
        snprintf(s->file_instrument, sizeof s->file_instrument, "%.40s %.40s", f.sup.supplier, f.sup.mainframe_id);
        ok = true;
    }
    sor_finish(&f);
    free(data);
    return ok;
}
