/*
 * otdr_acquire.c - acquisitions: the measured link synthesised with the
 * settings (otdr_trace.h), the instrument's event table, and what the module
 * needs to score them: what each listed event really is (connector, splice,
 * bend, end, ghost, two events merged), how many of the link's events the
 * table resolves, the far end's signal over the noise. Also the
 * bidirectional average of the two directions at one wavelength.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "otdr_internal.h"

#define C_M_S 299792458.0
#define POINTS_MIN 4000
#define POINTS_MAX 131072

size_t otdr_points_for(double range_m, double pulse_ns, double group_index)
{
    double w = C_M_S * pulse_ns * 1e-9 / (2.0 * group_index);
    double spacing = w / 4.0 > 0.25 ? w / 4.0 : 0.25;
    double pts = ceil(range_m / spacing);
    if (!(pts >= POINTS_MIN)) {
        return POINTS_MIN;
    }
    return pts > POINTS_MAX ? POINTS_MAX : (size_t)pts;
}

/* Features of the link big enough for the instrument's table to list them
 * (REFERENCE 2.6 thresholds as set on the instrument). */
static bool significant(const OtdrFeature *f, const OtdrSettings *s)
{
    switch (f->kind) {
    case OTDR_FEAT_PORT:
        return false;
    case OTDR_FEAT_CONNECTOR:
        return f->reflectance_db >= s->reflectance_threshold_db || f->loss_db >= s->loss_threshold_db;
    case OTDR_FEAT_SPLICE:
    case OTDR_FEAT_BEND:
    case OTDR_FEAT_FIBRE_CHANGE:
        return fabs(f->apparent_loss_db) >= s->loss_threshold_db || f->loss_db >= s->loss_threshold_db;
    case OTDR_FEAT_BREAK:
    case OTDR_FEAT_END:
        return true;
    }
    return false;
}

static OtdrMark feature_mark(OtdrFeatureKind k)
{
    switch (k) {
    case OTDR_FEAT_CONNECTOR:
    case OTDR_FEAT_PORT:
        return OTDR_MARK_CONNECTOR;
    case OTDR_FEAT_SPLICE:
    case OTDR_FEAT_FIBRE_CHANGE:
        return OTDR_MARK_SPLICE;
    case OTDR_FEAT_BEND:
        return OTDR_MARK_BEND;
    case OTDR_FEAT_BREAK:
    case OTDR_FEAT_END:
        return OTDR_MARK_END;
    }
    return OTDR_MARK_GHOST;
}

/* Whether feature f falls inside listed event e (its extent, or within tol
 * of its start). */
static bool inside(const OtdrEvent *e, const OtdrFeature *f, double tol)
{
    double hi = e->end_m > e->distance_m + tol ? e->end_m : e->distance_m + tol;
    return f->distance_m >= e->distance_m - tol && f->distance_m <= hi;
}

void otdr_slot_analyse(OtdrSlot *slot, const OtdrSettings *s)
{
    const OtdrTrace *t = &slot->trace;
    OtdrFeature f[OTDR_LINK_MAX + 2];
    size_t nf = otdr_link_features(&slot->measured.link, s, f, sizeof f / sizeof f[0]);
    if (nf > sizeof f / sizeof f[0]) {
        nf = sizeof f / sizeof f[0];
    }
    double tol = t->pulse_length_m;
    tol = tol > 3.0 * t->spacing_m ? tol : 3.0 * t->spacing_m;
    tol = tol > 2.0 ? tol : 2.0;
    int owner[OTDR_LINK_MAX + 2];       /* event that resolves feature j alone, -1 none */
    for (size_t j = 0; j < nf; j++) {
        owner[j] = -1;
    }
    memset(slot->truth, 0, sizeof slot->truth);
    for (size_t i = 1; i < slot->events.count; i++) {
        const OtdrEvent *e = &slot->events.ev[i];
        size_t matches = 0, which = 0;
        for (size_t j = 0; j < nf; j++) {
            if (significant(&f[j], s) && inside(e, &f[j], tol)) {
                matches++;
                which = j;
            }
        }
        if (matches == 0) {
            slot->truth[i] = OTDR_MARK_GHOST;
        } else if (matches > 1) {
            slot->truth[i] = OTDR_MARK_MERGED;
        } else {
            slot->truth[i] = (uint8_t)feature_mark(f[which].kind);
            owner[which] = (int)i;
        }
    }
    slot->truth[0] = OTDR_MARK_CONNECTOR; /* the front panel */
    size_t countable = 0, resolved = 0;
    double end_x = 0;
    for (size_t j = 0; j < nf; j++) {
        if (f[j].kind == OTDR_FEAT_END || f[j].kind == OTDR_FEAT_BREAK) {
            end_x = f[j].distance_m;
        }
        if (significant(&f[j], s)) {
            countable++;
            resolved += owner[j] >= 0;
        }
    }
    slot->events_resolved = countable ? (double)resolved / (double)countable : 1.0;
    slot->fibre_length_m = end_x;
    /* The far end's backscatter over the noise: LSA level of the fibre just
     * before the end (or before the end of the range). */
    double range = (double)t->points * t->spacing_m;
    double guard = t->pulse_length_m + 4.0 * t->rx_length_m;
    double hi = (end_x < range ? end_x : range) - guard;
    double win = 3.0 * guard > 40.0 ? 3.0 * guard : 40.0;
    double lo = hi - win > 0 ? hi - win : 0.0;
    double slope = 0, level = t->noise_rms_db;
    if (hi > lo + 2.0 * t->spacing_m && otdr_lsa(t, lo, hi, &slope, &level)) {
        level -= slope / 1000.0 * (hi - lo); /* the line's level at hi */
    }
    slot->end_snr_db = level - t->noise_rms_db;
}

bool otdr_acquire_into(OtdrState *st, const OtdrSettings *s_in, bool launch, bool receive, OtdrDirection dir,
                       double averaging_s)
{
    OtdrSettings s = *s_in, d;
    otdr_settings_default(&d, s.wavelength);
    s.backscatter_db = d.backscatter_db;
    s.loss_threshold_db = d.loss_threshold_db;
    s.reflectance_threshold_db = d.reflectance_threshold_db;
    s.eof_threshold_db = d.eof_threshold_db;
    s.averaging_s = averaging_s >= 0.1 ? averaging_s : 0.1;
    s.points = otdr_points_for(s.range_m, s.pulse_ns, s.group_index);
    OtdrSlot *slot = &st->slots[s.wavelength][dir];
    otdr_measured_build(st->setup, launch, receive, dir, &slot->measured);
    OtdrError err;
    slot->present = false;
    if (!otdr_synthesize(&slot->measured.link, &s, NULL, &st->rng_acq, &slot->trace, &err)) {
        return false;
    }
    otdr_detect_events(&slot->trace, &slot->events);
    memset(slot->marks, 0, sizeof slot->marks);
    slot->marked = false;
    slot->marked_tick = 0;
    otdr_slot_analyse(slot, &s);
    slot->present = true;
    slot->serial = ++st->serial;
    /* An average made before no longer holds this direction. */
    st->slots[s.wavelength][OTDR_TRACE_AVERAGE].present = false;
    return true;
}

/* Display distance of a physical distance along a measured link. */
static double display_of(const OtdrLink *l, const OtdrSettings *s, double true_m)
{
    double x = 0, left = true_m;
    for (size_t i = 0; i < l->count && left > 0; i++) {
        const OtdrFibre *f = &l->el[i].fibre;
        if (l->el[i].kind != OTDR_EL_FIBRE) {
            continue;
        }
        double part = left < f->length_m ? left : f->length_m;
        x += part * f->group_index[s->wavelength] / s->group_index;
        left -= part;
    }
    return x;
}

OtdrNotice otdr_average_into(OtdrState *st, OtdrWavelength wl)
{
    OtdrSlot *a = &st->slots[wl][OTDR_TRACE_A], *b = &st->slots[wl][OTDR_TRACE_B];
    if (!a->present || !b->present) {
        return OTDR_NOTICE_AVERAGE_NEEDS_BOTH;
    }
    const OtdrSettings *sa = &a->trace.settings, *sb = &b->trace.settings;
    if (sa->pulse_ns != sb->pulse_ns || sa->group_index != sb->group_index || sa->points != sb->points
        || a->trace.spacing_m != b->trace.spacing_m) {
        return OTDR_NOTICE_AVERAGE_MISMATCH;
    }
    OtdrSlot *avg = &st->slots[wl][OTDR_TRACE_AVERAGE];
    double *buffer = avg->trace.level_db;
    size_t cap = avg->trace.capacity;
    if (!buffer || cap < a->trace.points) {
        free(buffer);
        buffer = malloc(a->trace.points * sizeof *buffer);
        cap = a->trace.points;
        if (!buffer) {
            memset(&avg->trace, 0, sizeof avg->trace);
            avg->present = false;
            return OTDR_NOTICE_NOT_ALLOWED;
        }
    }
    avg->trace = a->trace;
    avg->trace.level_db = buffer;
    avg->trace.capacity = cap;
    avg->measured = a->measured;
    /* A point at x (A's display distance) is at S - x on B's trace, S the
     * sum of the positions of the link's origin seen from each end. Seen
     * from A's side, B's trace runs backwards, so its losses are rises: the
     * average is (A(x) - B(S - x)) / 2, whose steps are the mean of the two
     * directions' apparent losses, i.e. the true losses (REFERENCE 2.5), and
     * whose slope is the fibre's attenuation. It covers the link under test;
     * the cables show A's trace. The constant keeps it level with A just
     * after the link's first event (past its dead zone). */
    double lo = display_of(&a->measured.link, sa, a->measured.link_start_true_m);
    double hi = display_of(&a->measured.link, sa, a->measured.link_end_true_m);
    double s_m = lo + display_of(&b->measured.link, sb, b->measured.link_end_true_m);
    double guard = a->trace.pulse_length_m + 4.0 * a->trace.rx_length_m;
    double xc = lo + 2.0 * guard < hi ? lo + 2.0 * guard : 0.5 * (lo + hi);
    double c = 0;
    for (int j = 0; j < 16; j++) {
        double x = xc + j * a->trace.spacing_m;
        c += 0.5 * (otdr_level_at(&a->trace, x) + otdr_level_at(&b->trace, s_m - x)) / 16.0;
    }
    for (size_t k = 0; k < a->trace.points; k++) {
        double x = (double)k * a->trace.spacing_m;
        double ya = a->trace.level_db[k];
        buffer[k] = (x >= lo && x <= hi) ? 0.5 * (ya - otdr_level_at(&b->trace, s_m - x)) + c : ya;
    }
    otdr_detect_events(&avg->trace, &avg->events);
    memset(avg->marks, 0, sizeof avg->marks);
    avg->marked = false;
    avg->marked_tick = 0;
    otdr_slot_analyse(avg, sa);
    avg->present = true;
    avg->serial = ++st->serial;
    return OTDR_NOTICE_AVERAGED;
}
