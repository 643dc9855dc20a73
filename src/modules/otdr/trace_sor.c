/*
 * trace_sor.c - a synthetic trace, its settings and its event table as a SOR
 * file (SorFile, written with sor_write): what a trainee hands in for the
 * recette, with the identification fields of REFERENCE 4.4.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/otdr_trace.h"
#include "fibresim/sor.h"
#include "trace_internal.h"

static int32_t clamp_i32(double v)
{
    if (!(v > -2147483648.0)) {
        return INT32_MIN;
    }
    if (!(v < 2147483647.0)) {
        return INT32_MAX;
    }
    return (int32_t)lround(v);
}

static int16_t clamp_i16(double v)
{
    if (!(v > -32768.0)) {
        return INT16_MIN;
    }
    if (!(v < 32767.0)) {
        return INT16_MAX;
    }
    return (int16_t)lround(v);
}

static uint16_t clamp_u16(double v)
{
    if (!(v > 0.0)) {
        return 0;
    }
    if (!(v < 65535.0)) {
        return 65535;
    }
    return (uint16_t)lround(v);
}

static void copy_text(char *dst, size_t n, const char *src)
{
    /* An empty field is stored as one space, as instruments do. */
    fs_strlcpy(dst, src && src[0] ? src : " ", n);
}

bool otdr_trace_to_sor(const OtdrTrace *t, const OtdrEventTable *events, const OtdrSorIds *ids, SorFile *out)
{
    sor_init(out);
    const OtdrSettings *s = &t->settings;
    if (t->points == 0 || t->points > UINT32_MAX || t->data_spacing <= 0) {
        return false;
    }
    OtdrSorIds none = {0};
    if (!ids) {
        ids = &none;
    }
    SorGenParams *g = &out->gen;
    copy_text(g->cable_id, sizeof g->cable_id, ids->cable_id);
    copy_text(g->fibre_id, sizeof g->fibre_id, ids->fibre_id);
    copy_text(g->origin, sizeof g->origin, ids->origin);
    copy_text(g->end, sizeof g->end, ids->end);
    copy_text(g->cable_code, sizeof g->cable_code, NULL);
    copy_text(g->operator_name, sizeof g->operator_name, ids->operator_name);
    copy_text(g->comment, sizeof g->comment, ids->comment);
    g->fibre_type = ids->fibre_type;
    g->nominal_wavelength_nm = (int16_t)otdr_wavelength_nm(s->wavelength);

    SorSupParams *sp = &out->sup;
    fs_strlcpy(sp->supplier, "Fibresim", sizeof sp->supplier);
    fs_strlcpy(sp->mainframe_id, "Fibresim OTDR", sizeof sp->mainframe_id);
    fs_strlcpy(sp->mainframe_sn, " ", sizeof sp->mainframe_sn);
    fs_strlcpy(sp->module_id, "SM 1310/1550/1625", sizeof sp->module_id);
    fs_strlcpy(sp->module_sn, " ", sizeof sp->module_sn);
    snprintf(sp->software_rev, sizeof sp->software_rev, "%s", fs_version());
    fs_strlcpy(sp->other, "simulated trace", sizeof sp->other);

    SorFxdParams *x = &out->fxd;
    x->date_time_unix = ids->date_time_unix;
    memcpy(x->distance_units, "mt", 3);
    x->wavelength_01nm = (uint16_t)lround(otdr_wavelength_nm(s->wavelength) * 10.0);
    x->pulse_count = 1;
    x->pulse_width_ns[0] = (uint16_t)lround(s->pulse_ns);
    x->data_spacing[0] = t->data_spacing;
    x->points_per_pulse[0] = (int32_t)t->points;
    x->group_index_e5 = (uint32_t)lround(s->group_index * 100000.0);
    x->backscatter_neg_01db = clamp_u16(-s->backscatter_db * 10.0);
    x->num_averages = clamp_i32(t->num_averages);
    x->averaging_time_01s = clamp_u16(s->averaging_s * 10.0);
    /* Range: time of the last sample, 100 ps, one-way (SOR.md). */
    x->range_100ps = sor_m_to_time_100ps(out, (double)t->points * t->spacing_m);
    x->range_distance = clamp_i32((double)t->points * t->spacing_m);
    x->noise_floor_neg_0001db = clamp_u16(-t->noise_rms_db * 1000.0);
    x->noise_floor_scale_e3 = 1000;
    x->loss_threshold_0001db = clamp_u16(s->loss_threshold_db * 1000.0);
    x->refl_threshold_neg_0001db = clamp_u16(-s->reflectance_threshold_db * 1000.0);
    x->eof_threshold_0001db = clamp_u16(s->eof_threshold_db * 1000.0);
    memcpy(x->trace_type, "ST", 3);

    if (!sor_alloc_points(out, t->points)) {
        sor_finish(out);
        return false;
    }
    for (size_t k = 0; k < t->points; k++) {
        out->points[k] = sor_db_to_raw(t->level_db[k]);
    }

    size_t ne = events ? events->count : 0;
    if (!sor_alloc_events(out, ne)) {
        sor_finish(out);
        return false;
    }
    for (size_t i = 0; i < ne; i++) {
        const OtdrEvent *e = &events->ev[i];
        SorEvent *se = &out->events[i];
        se->number = (int16_t)(i + 1);
        se->time_100ps = sor_m_to_time_100ps(out, e->distance_m);
        se->slope_0001db_km = clamp_i16(e->slope_db_km * 1000.0);
        se->loss_0001db = clamp_i16(e->loss_db * 1000.0);
        se->reflectance_0001db = e->reflective ? clamp_i32(e->reflectance_db * 1000.0) : 0;
        char kind = e->saturated ? '2' : e->reflective ? '1' : '0';
        snprintf(se->code, sizeof se->code, "%c%c9999", kind, e->end_of_fibre ? 'E' : 'F');
        memcpy(se->loss_technique, "LS", 3);
        se->markers_100ps[SOR_MARK_END_PREV] = i > 0 ? sor_m_to_time_100ps(out, events->ev[i - 1].end_m) : 0;
        se->markers_100ps[SOR_MARK_START] = sor_m_to_time_100ps(out, e->distance_m);
        se->markers_100ps[SOR_MARK_END] = sor_m_to_time_100ps(out, e->end_m);
        se->markers_100ps[SOR_MARK_START_NEXT] =
            i + 1 < ne ? sor_m_to_time_100ps(out, events->ev[i + 1].distance_m) : se->markers_100ps[SOR_MARK_END];
        se->markers_100ps[SOR_MARK_PEAK] = sor_m_to_time_100ps(out, e->distance_m);
        fs_strlcpy(se->comment, " ", sizeof se->comment);
    }
    out->has_summary = true;
    if (events) {
        out->summary.total_loss_0001db = clamp_i32(events->total_loss_db * 1000.0);
        out->summary.loss_end_100ps = sor_m_to_time_100ps(out, events->end_m);
        out->summary.orl_0001db = clamp_u16(events->orl_db * 1000.0);
        out->summary.orl_end_100ps = out->summary.loss_end_100ps;
    }
    return true;
}
