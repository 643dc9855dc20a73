/*
 * sor_compare.h - field-by-field comparison of two SorFiles for the SOR tests
 * (every field the writer stores; header-only, used by several tests).
 */
#ifndef FIBRESIM_TEST_SOR_COMPARE_H
#define FIBRESIM_TEST_SOR_COMPARE_H

#include <string.h>

#include "check.h"
#include "fibresim/sor.h"

#define SAME(field) CHECK_MSG(a->field == b->field, "%s: %s differs", what, #field)
#define SAME_STR(field) CHECK_MSG(strcmp(a->field, b->field) == 0, "%s: %s \"%s\" vs \"%s\"", what, #field, a->field, b->field)
#define SAME_C2(field) CHECK_MSG(memcmp(a->field, b->field, 3) == 0, "%s: %s differs", what, #field)

static void sor_compare_gen(const char *what, const SorGenParams *a, const SorGenParams *b)
{
    SAME_C2(language);
    SAME_STR(cable_id);
    SAME_STR(fibre_id);
    SAME(fibre_type);
    SAME(nominal_wavelength_nm);
    SAME_STR(origin);
    SAME_STR(end);
    SAME_STR(cable_code);
    SAME_C2(build_condition);
    SAME(user_offset_100ps);
    SAME(user_offset_distance);
    SAME_STR(operator_name);
    SAME_STR(comment);
}

static void sor_compare_sup(const char *what, const SorSupParams *a, const SorSupParams *b)
{
    SAME_STR(supplier);
    SAME_STR(mainframe_id);
    SAME_STR(mainframe_sn);
    SAME_STR(module_id);
    SAME_STR(module_sn);
    SAME_STR(software_rev);
    SAME_STR(other);
}

static void sor_compare_fxd(const char *what, const SorFxdParams *a, const SorFxdParams *b)
{
    SAME(date_time_unix);
    SAME_C2(distance_units);
    SAME(wavelength_01nm);
    SAME(acq_offset_100ps);
    SAME(acq_offset_distance);
    SAME(pulse_count);
    for (int i = 0; i < SOR_MAX_PULSES; i++) {
        SAME(pulse_width_ns[i]);
        SAME(data_spacing[i]);
        SAME(points_per_pulse[i]);
    }
    SAME(group_index_e5);
    SAME(backscatter_neg_01db);
    SAME(num_averages);
    SAME(averaging_time_01s);
    SAME(range_100ps);
    SAME(range_distance);
    SAME(front_panel_offset_100ps);
    SAME(noise_floor_neg_0001db);
    SAME(noise_floor_scale_e3);
    SAME(power_offset_0001db);
    SAME(loss_threshold_0001db);
    SAME(refl_threshold_neg_0001db);
    SAME(eof_threshold_0001db);
    SAME_C2(trace_type);
    for (int i = 0; i < 4; i++) {
        SAME(window[i]);
    }
}

static void sor_compare_event(const char *what, const SorEvent *a, const SorEvent *b)
{
    SAME(number);
    SAME(time_100ps);
    SAME(slope_0001db_km);
    SAME(loss_0001db);
    SAME(reflectance_0001db);
    CHECK_MSG(memcmp(a->code, b->code, 7) == 0, "%s: code differs", what);
    SAME_C2(loss_technique);
    for (int m = 0; m < SOR_MARK_COUNT; m++) {
        SAME(markers_100ps[m]);
    }
    SAME_STR(comment);
}

static void sor_compare_landmark(const char *what, const SorLandmark *a, const SorLandmark *b)
{
    SAME(number);
    SAME_C2(code);
    SAME(location_100ps);
    SAME(related_event);
    SAME(gps_longitude);
    SAME(gps_latitude);
    SAME(fibre_correction_001pct);
    SAME(sheath_in);
    SAME(sheath_out);
    SAME_C2(sheath_units);
    SAME(mode_field_diameter);
    SAME_STR(comment);
}

/* Every field a version 2 file carries. The Map (block list), checksum,
 * notes and trailing bytes describe one encoding, not the content: skipped. */
static void sor_compare_content(const char *what, const SorFile *a, const SorFile *b)
{
    SAME(has_gen);
    SAME(has_sup);
    sor_compare_gen(what, &a->gen, &b->gen);
    sor_compare_sup(what, &a->sup, &b->sup);
    sor_compare_fxd(what, &a->fxd, &b->fxd);
    SAME(event_count);
    for (size_t i = 0; i < a->event_count && i < b->event_count; i++) {
        sor_compare_event(what, &a->events[i], &b->events[i]);
    }
    SAME(has_summary);
    SAME(summary.total_loss_0001db);
    SAME(summary.loss_start_100ps);
    SAME(summary.loss_end_100ps);
    SAME(summary.orl_0001db);
    SAME(summary.orl_start_100ps);
    SAME(summary.orl_end_100ps);
    SAME(landmark_count);
    for (size_t i = 0; i < a->landmark_count && i < b->landmark_count; i++) {
        sor_compare_landmark(what, &a->landmarks[i], &b->landmarks[i]);
    }
    SAME(data_total_points);
    SAME(set_count);
    for (size_t s = 0; s < a->set_count && s < b->set_count; s++) {
        SAME(sets[s].count);
        SAME(sets[s].scale_e3);
    }
    SAME(point_count);
    size_t differ = 0;
    for (size_t k = 0; k < a->point_count && k < b->point_count; k++) {
        differ += a->points[k] != b->points[k];
    }
    CHECK_MSG(differ == 0, "%s: %zu data points differ", what, differ);
    SAME(distance_scale);
}

#undef SAME
#undef SAME_STR
#undef SAME_C2

#endif
