/*
 * otdr_readout.c - what the instrument reads between cursors A and B
 * (REFERENCE 2.4), recomputed whenever a cursor or the trace changes.
 *
 * The event loss is the 4-point method of event tables with the cursors as
 * the inner markers: A just before the event, B where the trace is back on
 * the fibre after it; the outer markers lie one window further out on each
 * side, the window being twice A-B and at least 20 samples and 20 m (so the
 * LSA lines average the noise); both lines are extrapolated to A.
 */
#include <math.h>
#include <string.h>

#include "otdr_internal.h"

void otdr_readout_compute(const OtdrTrace *t, double a_m, double b_m, OtdrReadout *out)
{
    memset(out, 0, sizeof *out);
    out->a_m = a_m;
    out->b_m = b_m;
    out->ab_m = b_m - a_m;
    if (!t || !t->points) {
        return;
    }
    out->valid = true;
    double lo = a_m < b_m ? a_m : b_m, hi = a_m < b_m ? b_m : a_m;
    out->level_a_db = otdr_level_at(t, a_m);
    out->level_b_db = otdr_level_at(t, b_m);
    out->loss_2pt_db = otdr_loss_2pt_db(t, a_m, b_m);
    out->atten_2pt_db_km = hi - lo > 1e-9 ? otdr_atten_2pt_db_km(t, lo, hi) : 0.0;
    out->atten_lsa_db_km = hi - lo > 2.0 * t->spacing_m ? otdr_atten_lsa_db_km(t, lo, hi) : 0.0;
    double w = 2.0 * (hi - lo);
    w = w > 20.0 * t->spacing_m ? w : 20.0 * t->spacing_m;
    w = w > 20.0 ? w : 20.0;
    out->event_loss_db = otdr_loss_4pt_db(t, lo - w, lo, hi, hi + w, lo);
    if (!isfinite(out->event_loss_db)) {
        out->event_loss_db = 0.0;
    }
    /* A reflection: the peak between A and B above the fibre before A. */
    double before = otdr_level_at(t, lo);
    double peak = before;
    long k0 = (long)ceil(lo / t->spacing_m), k1 = (long)floor(hi / t->spacing_m);
    k0 = k0 < 0 ? 0 : k0;
    k1 = k1 > (long)t->points - 1 ? (long)t->points - 1 : k1;
    for (long k = k0; k <= k1; k++) {
        peak = t->level_db[k] > peak ? t->level_db[k] : peak;
    }
    /* Worth a reflectance when the peak stands clear of the noise: at least
     * 0.3 dB and 5 noise sd above the level at A. */
    double sd = pow(10.0, (t->noise_rms_db - before) / 5.0) * 2.2;
    if (peak - before > 0.3 && peak - before > 5.0 * sd) {
        bool sat = false;
        double r = otdr_reflectance_db(t, lo - w, lo, hi, &sat);
        if (isfinite(r)) {
            out->has_reflectance = true;
            out->reflectance_db = r;
            out->reflectance_saturated = sat;
        }
    }
    out->orl_db = hi - lo > 1e-9 ? otdr_orl_db(t, lo, hi) : 0.0;
    if (!isfinite(out->orl_db)) {
        out->orl_db = 0.0;
    }
}
