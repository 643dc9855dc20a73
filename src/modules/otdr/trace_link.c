/*
 * trace_link.c - the link description (fibre presets, elements, reversal,
 * checks), the instrument's settings and characteristics, and the truth
 * table: where each feature of a link falls on the display.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/otdr_trace.h"
#include "trace_internal.h"

const double otdr_k_ref_db[OTDR_WL_COUNT] = {-79.2, -81.7, -82.5};
const double otdr_mfd_ref_um[OTDR_WL_COUNT] = {8.6, 9.6, 9.9};

static const double wavelength_nm[OTDR_WL_COUNT] = {1310.0, 1550.0, 1625.0};

/* Real instruments' steps (EXFO/Yokogawa-like lists). */
const double otdr_pulse_widths_ns[] = {3, 5, 10, 20, 30, 50, 100, 200, 275, 500, 1000, 2000, 2500, 5000, 10000, 20000};
const size_t otdr_pulse_width_count = sizeof otdr_pulse_widths_ns / sizeof otdr_pulse_widths_ns[0];

void otdr_error_set(OtdrError *err, const char *field, const char *fmt, ...)
{
    if (!err) {
        return;
    }
    fs_strlcpy(err->field, field, sizeof err->field);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

double otdr_wavelength_nm(OtdrWavelength wl)
{
    return wl < OTDR_WL_COUNT ? wavelength_nm[wl] : 0.0;
}

bool otdr_wavelength_from_nm(double nm, OtdrWavelength *out)
{
    for (int i = 0; i < OTDR_WL_COUNT; i++) {
        if (fabs(nm - wavelength_nm[i]) <= 1.0) {
            *out = (OtdrWavelength)i;
            return true;
        }
    }
    return false;
}

void otdr_fibre_preset(OtdrFibreType type, double length_m, OtdrFibre *out)
{
    memset(out, 0, sizeof *out);
    out->length_m = length_m;
    if (type == OTDR_FIBRE_G652D) {
        const double att[] = {0.33, 0.19, 0.21}, mfd[] = {9.2, 10.4, 10.9}, ng[] = {1.4677, 1.4682, 1.4686};
        memcpy(out->atten_db_km, att, sizeof att);
        memcpy(out->mfd_um, mfd, sizeof mfd);
        memcpy(out->group_index, ng, sizeof ng);
    } else {
        const double att[] = {0.32, 0.19, 0.22}, mfd[] = {8.6, 9.6, 9.9}, ng[] = {1.467, 1.468, 1.468};
        memcpy(out->atten_db_km, att, sizeof att);
        memcpy(out->mfd_um, mfd, sizeof mfd);
        memcpy(out->group_index, ng, sizeof ng);
    }
}

double otdr_fibre_backscatter_db(const OtdrFibre *f, OtdrWavelength wl)
{
    return otdr_k_ref_db[wl] + 20.0 * log10(otdr_mfd_ref_um[wl] / f->mfd_um[wl]) + f->backscatter_offset_db;
}

void otdr_link_init(OtdrLink *l)
{
    memset(l, 0, sizeof *l);
    l->port.loss_db = 0.25;
    l->port.reflectance_db = -55.0;
    l->port.polish = OTDR_APC;
    l->end = OTDR_END_OPEN_UPC;
}

static OtdrElement *append(OtdrLink *l, OtdrElementKind kind, const char *label)
{
    if (l->count >= OTDR_LINK_MAX) {
        return NULL;
    }
    OtdrElement *e = &l->el[l->count++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    fs_strlcpy(e->label, label ? label : "", sizeof e->label);
    return e;
}

bool otdr_link_add_fibre(OtdrLink *l, OtdrFibreType type, double length_m, const char *label)
{
    OtdrElement *e = append(l, OTDR_EL_FIBRE, label);
    if (e) {
        otdr_fibre_preset(type, length_m, &e->fibre);
    }
    return e != NULL;
}

bool otdr_link_add_connector(OtdrLink *l, double loss_db, double reflectance_db, OtdrPolish polish, bool dirty,
                             const char *label)
{
    OtdrElement *e = append(l, OTDR_EL_CONNECTOR, label);
    if (e) {
        e->connector.loss_db = loss_db;
        e->connector.reflectance_db = reflectance_db;
        e->connector.polish = polish;
        e->connector.dirty = dirty;
    }
    return e != NULL;
}

bool otdr_link_add_splice(OtdrLink *l, double loss_db, const char *label)
{
    OtdrElement *e = append(l, OTDR_EL_SPLICE, label);
    if (e) {
        e->loss_db = loss_db;
    }
    return e != NULL;
}

bool otdr_link_add_bend(OtdrLink *l, double loss_1550_db, const char *label)
{
    OtdrElement *e = append(l, OTDR_EL_BEND, label);
    if (e) {
        e->loss_db = loss_1550_db;
    }
    return e != NULL;
}

bool otdr_link_add_break(OtdrLink *l, double reflectance_db, const char *label)
{
    OtdrElement *e = append(l, OTDR_EL_BREAK, label);
    if (e) {
        e->reflectance_db = reflectance_db;
    }
    return e != NULL;
}

void otdr_link_reverse(const OtdrLink *in, OtdrLink *out)
{
    size_t n = 0;
    while (n < in->count && in->el[n].kind != OTDR_EL_BREAK) {
        n++;
    }
    OtdrLink tmp = *in;
    tmp.count = n;
    for (size_t i = 0; i < n; i++) {
        tmp.el[i] = in->el[n - 1 - i];
    }
    *out = tmp;
}

double otdr_connector_reflectance_db(const OtdrConnector *c)
{
    double r = c->reflectance_db != 0.0 ? c->reflectance_db : (c->polish == OTDR_UPC ? OTDR_REFL_UPC_DB : OTDR_REFL_APC_DB);
    if (c->dirty) {
        double dirty = c->polish == OTDR_UPC ? OTDR_DIRTY_REFL_UPC_DB : OTDR_DIRTY_REFL_APC_DB;
        r = r > dirty ? r : dirty;
    }
    return r;
}

double otdr_element_loss_db(const OtdrElement *e, OtdrWavelength wl)
{
    switch (e->kind) {
    case OTDR_EL_CONNECTOR:
        return e->connector.loss_db + (e->connector.dirty ? OTDR_DIRTY_LOSS_DB : 0.0);
    case OTDR_EL_SPLICE:
        return e->loss_db;
    case OTDR_EL_BEND:
        return e->loss_db * exp((wavelength_nm[wl] - 1550.0) / OTDR_BEND_GROWTH_NM);
    case OTDR_EL_FIBRE:
        return e->fibre.atten_db_km[wl] * e->fibre.length_m / 1000.0;
    default:
        return 0.0;
    }
}

void otdr_settings_default(OtdrSettings *s, OtdrWavelength wl)
{
    static const double ior[OTDR_WL_COUNT] = {1.4677, 1.4682, 1.4686};
    memset(s, 0, sizeof *s);
    s->wavelength = wl < OTDR_WL_COUNT ? wl : OTDR_WL_1310;
    s->pulse_ns = 30;
    s->range_m = 5000;
    s->points = 16000;
    s->averaging_s = 15;
    s->group_index = ior[s->wavelength];
    s->backscatter_db = otdr_k_ref_db[s->wavelength];
    s->loss_threshold_db = 0.05;
    s->reflectance_threshold_db = -65.0;
    s->eof_threshold_db = 3.0;
}

static bool in_range(double v, double lo, double hi)
{
    return v >= lo && v <= hi; /* false for NaN */
}

bool otdr_settings_check(const OtdrSettings *s, OtdrError *err)
{
    if ((unsigned)s->wavelength >= OTDR_WL_COUNT) {
        otdr_error_set(err, "wavelength", "expected 1310, 1550 or 1625 nm");
        return false;
    }
    bool pulse_ok = false;
    for (size_t i = 0; i < otdr_pulse_width_count; i++) {
        pulse_ok |= s->pulse_ns == otdr_pulse_widths_ns[i];
    }
    if (!pulse_ok) {
        otdr_error_set(err, "pulse_ns", "expected one of the instrument's pulse widths (3 ns .. 20 us), found %g",
                       s->pulse_ns);
        return false;
    }
    if (!in_range(s->range_m, 100.0, 260000.0)) {
        otdr_error_set(err, "range_m", "expected 100 m .. 260 km, found %g", s->range_m);
        return false;
    }
    if (s->points < 1000 || s->points > 262144) {
        otdr_error_set(err, "points", "expected 1000 .. 262144 points, found %zu", s->points);
        return false;
    }
    if (!in_range(s->averaging_s, 0.1, 600.0)) {
        otdr_error_set(err, "averaging_s", "expected 0.1 .. 600 s, found %g", s->averaging_s);
        return false;
    }
    if (!in_range(s->group_index, 1.3, 1.7)) {
        otdr_error_set(err, "group_index", "expected 1.3 .. 1.7, found %g", s->group_index);
        return false;
    }
    if (!in_range(s->backscatter_db, -95.0, -60.0)) {
        otdr_error_set(err, "backscatter_db", "expected -95 .. -60 dB, found %g", s->backscatter_db);
        return false;
    }
    if (!in_range(s->loss_threshold_db, 0.0, 5.0) || !in_range(s->reflectance_threshold_db, -90.0, -10.0)
        || !in_range(s->eof_threshold_db, 0.5, 40.0)) {
        otdr_error_set(err, "thresholds", "expected loss 0..5 dB, reflectance -90..-10 dB, end 0.5..40 dB");
        return false;
    }
    return true;
}

bool otdr_link_check(const OtdrLink *l, OtdrError *err)
{
    char field[64];
    if (l->count > OTDR_LINK_MAX) {
        otdr_error_set(err, "count", "expected at most %d elements", OTDR_LINK_MAX);
        return false;
    }
    if (!in_range(l->port.loss_db, 0.0, 20.0) || !in_range(l->port.reflectance_db, -90.0, 0.0)) {
        otdr_error_set(err, "port", "expected a loss of 0..20 dB and a reflectance of -90..0 dB");
        return false;
    }
    for (size_t i = 0; i < l->count; i++) {
        const OtdrElement *e = &l->el[i];
        switch (e->kind) {
        case OTDR_EL_FIBRE:
            snprintf(field, sizeof field, "el[%zu].fibre", i);
            if (!in_range(e->fibre.length_m, 0.0, 300000.0)) {
                otdr_error_set(err, field, "expected a length of 0 .. 300 km, found %g m", e->fibre.length_m);
                return false;
            }
            for (int w = 0; w < OTDR_WL_COUNT; w++) {
                if (!in_range(e->fibre.atten_db_km[w], 0.0, 10.0) || !in_range(e->fibre.mfd_um[w], 3.0, 20.0)
                    || !in_range(e->fibre.group_index[w], 1.3, 1.7)) {
                    otdr_error_set(err, field, "expected attenuation 0..10 dB/km, MFD 3..20 um, group index 1.3..1.7");
                    return false;
                }
            }
            break;
        case OTDR_EL_CONNECTOR:
            snprintf(field, sizeof field, "el[%zu].connector", i);
            if (!in_range(e->connector.loss_db, 0.0, 20.0) || !in_range(e->connector.reflectance_db, -90.0, 0.0)) {
                otdr_error_set(err, field, "expected a loss of 0..20 dB and a reflectance of -90..0 dB");
                return false;
            }
            break;
        case OTDR_EL_SPLICE:
        case OTDR_EL_BEND:
            snprintf(field, sizeof field, "el[%zu].loss_db", i);
            if (!in_range(e->loss_db, 0.0, 20.0)) {
                otdr_error_set(err, field, "expected 0 .. 20 dB, found %g", e->loss_db);
                return false;
            }
            break;
        case OTDR_EL_BREAK:
            snprintf(field, sizeof field, "el[%zu].reflectance_db", i);
            if (!in_range(e->reflectance_db, -90.0, 0.0)) {
                otdr_error_set(err, field, "expected -90 .. 0 dB (0 = non-reflective), found %g", e->reflectance_db);
                return false;
            }
            break;
        default:
            snprintf(field, sizeof field, "el[%zu].kind", i);
            otdr_error_set(err, field, "unknown element kind %d", (int)e->kind);
            return false;
        }
    }
    return true;
}

void otdr_instrument_default(OtdrInstrument *inst)
{
    inst->dynamic_range_db = 45.0;
    inst->saturation_headroom_db = 20.0;
    inst->bandwidth_max_hz = 100e6;
    inst->pulse_to_rx_ratio = 4.0;
    inst->rep_rate_max_hz = 20e3;
    inst->tail_fraction = 3e-6;
    inst->tail_time_factor = 6.0;
    inst->display_top_db = -3.0;
}

static double end_reflectance_db(OtdrEnd end)
{
    switch (end) {
    case OTDR_END_OPEN_UPC:
        return OTDR_REFL_OPEN_UPC_DB;
    case OTDR_END_OPEN_APC:
        return OTDR_REFL_OPEN_APC_DB;
    default:
        return 0.0;
    }
}

size_t otdr_link_features(const OtdrLink *l, const OtdrSettings *s, OtdrFeature *out, size_t max)
{
    OtdrWavelength wl = s->wavelength;
    size_t n = 0;
    double z = 0, x = 0, a = 0;   /* true distance, display distance, one-way loss */
    double k_prev = (double)NAN;         /* K of the fibre before the current point */
    bool pending_change = false;  /* a point element since the last fibre? */
    size_t last_point = 0;
#define ADD(KIND, IDX, LOSS, REFL)                                                                    \
    do {                                                                                              \
        if (n < max) {                                                                                \
            OtdrFeature *f_ = &out[n];                                                                \
            f_->kind = (KIND);                                                                        \
            f_->element = (IDX);                                                                      \
            f_->distance_m = x;                                                                       \
            f_->true_distance_m = z;                                                                  \
            f_->loss_db = (LOSS);                                                                     \
            f_->apparent_loss_db = (LOSS);                                                            \
            f_->reflectance_db = (REFL);                                                              \
            f_->cumulative_loss_db = a;                                                               \
        }                                                                                             \
        n++;                                                                                          \
    } while (0)
    ADD(OTDR_FEAT_PORT, l->count, l->port.loss_db, otdr_connector_reflectance_db(&l->port));
    a += l->port.loss_db;
    last_point = 0;
    pending_change = true;
    bool broken = false;
    for (size_t i = 0; i < l->count && !broken; i++) {
        const OtdrElement *e = &l->el[i];
        switch (e->kind) {
        case OTDR_EL_FIBRE: {
            double k = otdr_fibre_backscatter_db(&e->fibre, wl);
            if (!isnan(k_prev)) {
                if (!pending_change && k != k_prev) {
                    ADD(OTDR_FEAT_FIBRE_CHANGE, i, 0.0, 0.0);
                    last_point = n - 1;
                }
                /* The trace shows the backscatter step as extra loss (or gain). */
                if (last_point < n && last_point < max) {
                    out[last_point].apparent_loss_db += (k_prev - k) / 2.0;
                }
            }
            k_prev = k;
            pending_change = false;
            z += e->fibre.length_m;
            x += e->fibre.length_m * e->fibre.group_index[wl] / s->group_index;
            a += otdr_element_loss_db(e, wl);
            break;
        }
        case OTDR_EL_CONNECTOR:
            ADD(OTDR_FEAT_CONNECTOR, i, otdr_element_loss_db(e, wl), otdr_connector_reflectance_db(&e->connector));
            break;
        case OTDR_EL_SPLICE:
            ADD(OTDR_FEAT_SPLICE, i, otdr_element_loss_db(e, wl), 0.0);
            break;
        case OTDR_EL_BEND:
            ADD(OTDR_FEAT_BEND, i, otdr_element_loss_db(e, wl), 0.0);
            break;
        case OTDR_EL_BREAK:
            ADD(OTDR_FEAT_BREAK, i, 0.0, e->reflectance_db);
            broken = true;
            break;
        }
        if (e->kind != OTDR_EL_FIBRE && !broken) {
            a += otdr_element_loss_db(e, wl);
            /* Several point elements with no fibre between them: the step
             * in backscatter belongs to the last one. */
            last_point = n - 1;
            pending_change = true;
        }
    }
    if (!broken) {
        ADD(OTDR_FEAT_END, l->count, 0.0, end_reflectance_db(l->end));
    }
#undef ADD
    return n;
}
