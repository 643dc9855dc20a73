/*
 * trace_synth.c - builds the trace an OTDR shows for a link (model in
 * otdr_trace.h and REFERENCE.md section 2).
 *
 * Everything is computed in linear power relative to the launched pulse, on
 * the display distance axis (round-trip time / (2 n_set / c)):
 *  1. the link becomes backscatter segments (exponential decay, level
 *     10^((K + 10 log tau)/10) 10^(-2A/10)) and reflectors (power
 *     10^(R/10) 10^(-2A/10) for the pulse duration), plus first-order ghosts;
 *  2. backscatter is averaged over the pulse length W with its integral
 *     C(x): conv(x) = (C(x) - C(x - W)) / W, so loss steps become ramps of
 *     width W; reflectors are rectangles [x_r, x_r + W] (a short list of
 *     changes to a running sum);
 *  3. one pass per sample: the fibre's fixed ripple, receiver noise,
 *     one-pole receiver filter, recovery tail of reflections, saturation
 *     clip, 5 log10.
 * O(points + elements^2); one noise draw per sample (and one ripple draw
 * per pulse length, from a generator seeded by the link); no memory but the
 * output (reused from an earlier trace when big enough: on some systems the
 * page faults of a fresh megabyte cost more than the whole computation).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/otdr_trace.h"
#include "trace_internal.h"

/* Stream label for the noise sub-generator ("OTDRNOIS"). */
#define NOISE_STREAM 0x4F5444524E4F4953ull

/* Reference conditions of OtdrInstrument.dynamic_range_db. */
#define DR_REF_PULSE_NS 20000.0
#define DR_REF_AVERAGING_S 180.0
#define DR_REF_RANGE_M 160000.0

/* Ghosts weaker than this fraction of the noise RMS are left out. */
#define GHOST_MIN_NOISE_FRACTION 0.05

/* Fibre fingerprint: the backscatter of real fibre is not uniform at the
 * metre scale (diameter and density variations, coherent Rayleigh noise), so
 * a short-pulse trace shows a fixed fine ripple that averaging does not
 * remove. Modelled as relative variations of SD FINGERPRINT_SD over 1 m,
 * averaged over the pulse (SD / sqrt(W / 1 m)), from a generator seeded by
 * the link itself: the same link shows the same ripple at every acquisition.
 * Illustrative (UNCONFIRMED): about 0.01 dB at 30 ns, 0.002 dB at 1 us. */
#define FINGERPRINT_SD 0.01

/* Tables of otdr_fast_log10() (trace_internal.h), generated with Python:
 * log2(1 + (i + 0.5)/128) and 1 / (1 + (i + 0.5)/128), i = 0..127. */
const double otdr_log2_table[128] = {
    0.0056245491938781067, 0.016808287686553888, 0.027905996569884482, 0.03891898929230235,
    0.049848549450561525, 0.060695931687553939, 0.071462362556624151, 0.082149041353871563,
    0.092757140919852446, 0.10328780841202195, 0.11374216604918833, 0.12412131182918758,
    0.1344263202209261, 0.14465824283188233, 0.15481810905210402, 0.16490692667568779,
    0.1749256825006788, 0.18487534290828386, 0.19475685442224788, 0.20457114424920361,
    0.21431912080076579, 0.22400167419810504, 0.23361967675970205, 0.24317398347295091,
    0.25266543245024864, 0.26209484537017941, 0.27146302790437454, 0.28077077013060253,
    0.29001884693261831, 0.29920801838727884, 0.30833903013940728, 0.3174126137648694,
    0.32642948712230313, 0.33539035469392492, 0.34429590791581688, 0.35314682549808252,
    0.3619437737352415, 0.37068740680721768, 0.37937836707126216, 0.3880172853451348,
    0.39660478118185849, 0.40514146313634392, 0.41362792902417245, 0.4220647661728123,
    0.43045255166553142, 0.43879185257826092, 0.44708322620965224, 0.45532722030456069,
    0.46352437327118029, 0.47167521439204441, 0.47978026402909968, 0.48784003382305136,
    0.49585502688717098, 0.5038257379957507, 0.51175265376737955, 0.5196362528432128,
    0.52747700606039605, 0.53527537662080327, 0.54303182025523777, 0.55074678538324318,
    0.55842071326866427, 0.56605403817109168, 0.573647187493322, 0.58120058192495705,
    0.58871463558226367, 0.59618975614441028, 0.60362634498619194, 0.61102479730735226,
    0.61838550225860645, 0.62570884306446528, 0.63299519714295782, 0.6402449362223458,
    0.64745842645492024, 0.65463602852796732, 0.66177809777198704, 0.66888498426624698,
    0.6759570329417488, 0.68299458368168287, 0.68999797141944541, 0.69696752623428715,
    0.70390357344466359, 0.71080643369935159, 0.71767642306639612, 0.72451385311994976,
    0.73131903102506413, 0.73809225962049041, 0.74483383749954557, 0.75154405908909816,
    0.75822321472672494, 0.76487159073609068, 0.77148946950059838, 0.77807712953535824,
    0.78463484555752061, 0.79116288855501826, 0.79766152585376016, 0.80413102118331781,
    0.81057163474114691, 0.81698362325538099, 0.82336724004623507, 0.82972273508605865,
    0.83605035505806968, 0.84235034341380799, 0.84862294042933795, 0.8548683832602364,
    0.86108690599539373, 0.86727873970966196, 0.87344411251537657, 0.87958324961278322,
    0.88569637333939522, 0.89178370321831024, 0.89784545600551158, 0.90388184573618024,
    0.90989308377004197, 0.91587937883577319, 0.92184093707449, 0.9277779620823422,
    0.93369065495223369, 0.93957921431469305, 0.94544383637791152, 0.95128471496697198,
    0.95710204156228618, 0.9628960053372605, 0.96866679319520843, 0.97441458980552709,
    0.98013957763915704, 0.98584193700334055, 0.99152184607569527, 0.99717948093762132,
};
const double otdr_inv_table[128] = {
    0.99610894941634243, 0.98841698841698844, 0.98084291187739459, 0.97338403041825095,
    0.96603773584905661, 0.95880149812734083, 0.95167286245353155, 0.94464944649446492,
    0.93772893772893773, 0.93090909090909091, 0.92418772563176899, 0.91756272401433692,
    0.91103202846975084, 0.90459363957597172, 0.89824561403508774, 0.89198606271777003,
    0.88581314878892736, 0.8797250859106529, 0.87372013651877134, 0.8677966101694915,
    0.86195286195286192, 0.85618729096989965, 0.85049833887043191, 0.84488448844884489,
    0.83934426229508197, 0.83387622149837137, 0.82847896440129454, 0.82315112540192925,
    0.8178913738019169, 0.8126984126984127, 0.80757097791798105, 0.80250783699059558,
    0.79750778816199375, 0.79256965944272451, 0.78769230769230769, 0.78287461773700306,
    0.77811550151975684, 0.77341389728096677, 0.76876876876876876, 0.76417910447761195,
    0.75964391691394662, 0.75516224188790559, 0.75073313782991202, 0.74635568513119532,
    0.74202898550724639, 0.73775216138328525, 0.73352435530085958, 0.72934472934472938,
    0.72521246458923516, 0.72112676056338032, 0.71708683473389356, 0.71309192200557103,
    0.70914127423822715, 0.70523415977961434, 0.70136986301369864, 0.6975476839237057,
    0.69376693766937669, 0.69002695417789761, 0.68632707774798929, 0.68266666666666664,
    0.67904509283819625, 0.67546174142480209, 0.67191601049868765, 0.66840731070496084,
    0.66493506493506493, 0.66149870801033595, 0.65809768637532129, 0.65473145780051156,
    0.65139949109414763, 0.64810126582278482, 0.64483627204030225, 0.64160401002506262,
    0.63840399002493764, 0.63523573200992556, 0.63209876543209875, 0.62899262899262898,
    0.62591687041564792, 0.62287104622871048, 0.61985472154963683, 0.61686746987951813,
    0.61390887290167862, 0.61097852028639621, 0.60807600950118768, 0.60520094562647753,
    0.60235294117647054, 0.59953161592505855, 0.59673659673659674, 0.59396751740139209,
    0.59122401847575057, 0.58850574712643677, 0.58581235697940504, 0.58314350797266512,
    0.58049886621315194, 0.57787810383747173, 0.57528089887640455, 0.57270693512304249,
    0.57015590200445432, 0.56762749445676275, 0.56512141280353201, 0.56263736263736264,
    0.56017505470459517, 0.55773420479302838, 0.55531453362255967, 0.55291576673866094,
    0.55053763440860215, 0.54817987152034264, 0.54584221748400852, 0.54352441613588109,
    0.54122621564482032, 0.53894736842105262, 0.5366876310272537, 0.53444676409185798,
    0.53222453222453225, 0.53002070393374745, 0.52783505154639176, 0.52566735112936347,
    0.52351738241308798, 0.52138492871690423, 0.51926977687626774, 0.51717171717171717,
    0.51509054325955739, 0.51302605210420837, 0.51097804391217561, 0.50894632206759438,
    0.50693069306930694, 0.50493096646942803, 0.50294695481335949, 0.50097847358121328,
};

typedef struct Segment {
    double x0, x1;        /* display metres */
    double p0;            /* backscatter power (relative) at x0 for the pulse */
    double beta;          /* round-trip decay, neper per display metre */
} Segment;

typedef struct Reflector {
    double x;             /* display metres */
    double power;         /* received power while the pulse reflects (relative) */
    double rho;           /* reflectance as a power fraction */
    double a_db;          /* one-way loss from the port to it */
} Reflector;

typedef struct Layout {
    Segment seg[OTDR_LINK_MAX + 1];
    size_t nseg;
    Reflector refl[OTDR_LINK_MAX + 2];
    size_t nrefl;
    double first_k_db;
} Layout;

static double db_to_lin(double db)
{
    return pow(10.0, db / 10.0);
}

/* Receiver time constant for a pulse (s). */
static double rx_time_s(const OtdrInstrument *inst, double pulse_ns)
{
    double from_pulse = pulse_ns * 1e-9 / inst->pulse_to_rx_ratio;
    double from_bandwidth = 1.0 / (2.0 * M_PI * inst->bandwidth_max_hz);
    return from_pulse > from_bandwidth ? from_pulse : from_bandwidth;
}

/* Pulses per second: the next pulse waits for the round trip of the range. */
static double rep_rate_hz(const OtdrInstrument *inst, double range_m, double n)
{
    double round_trip = 2.0 * n * range_m / OTDR_C_M_S;
    double rate = 1.0 / (1.25 * round_trip);
    return rate < inst->rep_rate_max_hz ? rate : inst->rep_rate_max_hz;
}

static void add_reflector(Layout *lay, double x, double refl_db, double a_db)
{
    if (refl_db >= 0.0 || lay->nrefl >= sizeof lay->refl / sizeof lay->refl[0]) {
        return; /* 0 = no reflection */
    }
    Reflector *r = &lay->refl[lay->nrefl++];
    r->x = x;
    r->rho = db_to_lin(refl_db);
    r->a_db = a_db;
    r->power = r->rho * db_to_lin(-2.0 * a_db);
}

/* Step 1: segments and reflectors of the link, in display metres. */
static void build_layout(const OtdrLink *l, const OtdrSettings *s, Layout *lay)
{
    OtdrWavelength wl = s->wavelength;
    double tau_db = 10.0 * log10(s->pulse_ns);
    double x = 0, a = 0;
    memset(lay, 0, sizeof *lay);
    lay->first_k_db = (double)NAN;
    add_reflector(lay, 0.0, otdr_connector_reflectance_db(&l->port), 0.0);
    a += l->port.loss_db;
    bool broken = false;
    for (size_t i = 0; i < l->count && !broken; i++) {
        const OtdrElement *e = &l->el[i];
        switch (e->kind) {
        case OTDR_EL_FIBRE: {
            const OtdrFibre *f = &e->fibre;
            double k = otdr_fibre_backscatter_db(f, wl);
            if (isnan(lay->first_k_db)) {
                lay->first_k_db = k;
            }
            double len_x = f->length_m * f->group_index[wl] / s->group_index;
            if (len_x > 0) {
                Segment *g = &lay->seg[lay->nseg++];
                g->x0 = x;
                g->x1 = x + len_x;
                g->p0 = db_to_lin(k + tau_db - 2.0 * a);
                /* dB per display metre = alpha x (true metres per display metre). */
                double db_per_m = f->atten_db_km[wl] / 1000.0 * f->length_m / len_x;
                g->beta = 2.0 * db_per_m * M_LN10 / 10.0;
            }
            x += len_x;
            a += otdr_element_loss_db(e, wl);
            break;
        }
        case OTDR_EL_CONNECTOR:
            add_reflector(lay, x, otdr_connector_reflectance_db(&e->connector), a);
            a += otdr_element_loss_db(e, wl);
            break;
        case OTDR_EL_SPLICE:
        case OTDR_EL_BEND:
            a += otdr_element_loss_db(e, wl);
            break;
        case OTDR_EL_BREAK:
            add_reflector(lay, x, e->reflectance_db, a);
            broken = true;
            break;
        }
    }
    if (!broken) {
        double r = l->end == OTDR_END_OPEN_UPC ? OTDR_REFL_OPEN_UPC_DB
                 : l->end == OTDR_END_OPEN_APC ? OTDR_REFL_OPEN_APC_DB : 0.0;
        add_reflector(lay, x, r, a);
    }
}

/* First-order ghosts: light reflected by j, back to i, forward to j again
 * appears at 2 x_j - x_i with power P_j x rho_i x rho_j x T_ij^2. */
static size_t ghosts(const Layout *lay, double noise_rms, Reflector *out, size_t max)
{
    size_t n = 0;
    for (size_t j = 0; j < lay->nrefl; j++) {
        for (size_t i = 0; i < j; i++) {
            const Reflector *ri = &lay->refl[i], *rj = &lay->refl[j];
            if (rj->x <= ri->x) {
                continue;
            }
            double t_ij2 = db_to_lin(-2.0 * (rj->a_db - ri->a_db));
            double p = rj->power * ri->rho * rj->rho * t_ij2;
            if (p > GHOST_MIN_NOISE_FRACTION * noise_rms && n < max) {
                out[n].x = 2.0 * rj->x - ri->x;
                out[n].power = p;
                out[n].rho = 0;
                out[n].a_db = 0;
                n++;
            }
        }
    }
    return n;
}

/* Step 2a: the backscatter integral C(x) = int_0^x p(u) du, walked along the
 * samples: within a segment each step is one multiply-add (the exponential
 * decay per sample is a constant factor); crossing a boundary, C is computed
 * exactly from the segment's start. No array: the pulse average needs C at
 * x_k and x_k - W, so two walkers move side by side. */
typedef struct Walker {
    const Layout *lay;
    const double *cum;    /* C at each segment start, cum[nseg] = total */
    size_t s;             /* segment holding x (nseg: past the last) */
    double x, dx;
    double limit;         /* the fast path holds while x stays below it */
    double acc, p;        /* C(x) and the density at x */
    double decay, factor; /* per step inside segment s */
} Walker;

static void walker_set(Walker *w, double x)
{
    const Layout *l = w->lay;
    w->x = x;
    w->decay = 1;
    w->factor = 0;
    w->p = 0;
    if (x < 0 || l->nseg == 0) {
        /* Before the fibre: C = 0 until x reaches 0 (or for ever). */
        w->s = 0;
        w->acc = 0;
        w->limit = l->nseg ? 0.0 : HUGE_VAL;
        return;
    }
    while (w->s < l->nseg && x >= l->seg[w->s].x1) {
        w->s++;
    }
    if (w->s >= l->nseg) {
        w->acc = w->cum[l->nseg];
        w->limit = HUGE_VAL;
        return;
    }
    const Segment *g = &l->seg[w->s];
    double d = x - g->x0;
    double e = exp(-g->beta * d);
    w->p = g->p0 * e;
    w->acc = w->cum[w->s] + (g->beta > 1e-15 ? g->p0 * (1.0 - e) / g->beta : g->p0 * d);
    w->decay = exp(-g->beta * w->dx);
    w->factor = g->beta > 1e-15 ? (1.0 - w->decay) / g->beta : w->dx;
    w->limit = g->x1;
}

static inline void walker_step(Walker *w)
{
    double nx = w->x + w->dx;
    if (nx < w->limit) {
        /* Inside one segment (or before/after the fibre, where p = 0). */
        w->acc += w->p * w->factor;
        w->p *= w->decay;
        w->x = nx;
        return;
    }
    walker_set(w, nx);
}

/* Step 2b: reflector rectangles [x, x + W], averaged over each sample's
 * interval (x_k - dx, x_k], as changes of a running sum at sample indices. */
typedef struct Change {
    long k;
    double dv;
} Change;

static size_t rectangle_changes(double dx, size_t n, double x, double w, double power, Change *out)
{
    size_t m = 0;
    double lo = x, hi = x + w;
    long k0 = (long)floor(lo / dx), k1 = (long)ceil(hi / dx);
    if (k1 < 0 || k0 > (long)n - 1) {
        return 0;
    }
    for (long k = k0; k <= k1; k++) {
        double a = (double)(k - 1) * dx, b = (double)k * dx;
        if (a >= lo && b <= hi) {
            /* The run of samples fully inside: one change in, one out. */
            long run_end = k;
            while (run_end + 1 <= k1 && (double)(run_end + 1) * dx <= hi) {
                run_end++;
            }
            out[m++] = (Change){k, power};
            out[m++] = (Change){run_end + 1, -power};
            k = run_end;
            continue;
        }
        double ov = (b < hi ? b : hi) - (a > lo ? a : lo);
        if (ov <= 0) {
            continue;
        }
        /* Partial samples: only the first and the last (at most 4 changes
         * with the run's 2). */
        double v = power * ov / dx;
        out[m++] = (Change){k, v};
        out[m++] = (Change){k + 1, -v};
    }
    return m;
}

static int change_cmp(const void *a, const void *b)
{
    long ka = ((const Change *)a)->k, kb = ((const Change *)b)->k;
    return ka < kb ? -1 : ka > kb;
}

/* A seed from what the link is (not from its struct bytes: padding). */
static uint64_t link_seed(const OtdrLink *l)
{
    uint64_t h = 0x6F7464726C696E6Bull;
    double v[4];
    for (size_t i = 0; i < l->count; i++) {
        const OtdrElement *e = &l->el[i];
        v[0] = (double)e->kind;
        v[1] = e->kind == OTDR_EL_FIBRE ? e->fibre.length_m : e->loss_db;
        v[2] = e->kind == OTDR_EL_CONNECTOR ? e->connector.loss_db : e->reflectance_db;
        v[3] = e->kind == OTDR_EL_FIBRE ? e->fibre.mfd_um[0] : (double)e->connector.polish;
        for (int j = 0; j < 4; j++) {
            uint64_t bits;
            memcpy(&bits, &v[j], sizeof bits);
            h ^= bits;
            h = rng_splitmix64(&h);
        }
    }
    return h;
}

bool otdr_synthesize(const OtdrLink *link, const OtdrSettings *s, const OtdrInstrument *inst_in, Rng *rng,
                     OtdrTrace *out, OtdrError *err)
{
    /* Keep the buffer of an earlier trace: a fresh one costs page faults. */
    double *buffer = out->level_db;
    size_t capacity = out->capacity;
    memset(out, 0, sizeof *out);
    out->level_db = buffer;
    out->capacity = capacity;
    if (!otdr_settings_check(s, err) || !otdr_link_check(link, err)) {
        return false;
    }
    OtdrInstrument inst_default;
    otdr_instrument_default(&inst_default);
    const OtdrInstrument *inst = inst_in ? inst_in : &inst_default;
    const size_t n = s->points;
    const double ng = s->group_index;

    /* Sampling: one sample every DS x 1e-14 s of one-way time, DS an integer
     * (as SOR stores it), chosen so that n samples cover the range. */
    double ds = floor(s->range_m / n * ng / OTDR_C_M_S * 1e14 + 0.5);
    if (ds < 1) {
        ds = 1;
    }
    const double dx = ds * 1e-14 * OTDR_C_M_S / ng;
    const double w = OTDR_C_M_S * s->pulse_ns * 1e-9 / (2.0 * ng);
    const double rx_m = OTDR_C_M_S * rx_time_s(inst, s->pulse_ns) / (2.0 * ng);
    const double tail_m = rx_m * inst->tail_time_factor;

    /* Noise RMS (relative power): scaled from the reference dynamic range by
     * sqrt(bandwidth) and 1/sqrt(averages). */
    double bs_ref = (otdr_k_ref_db[OTDR_WL_1310] + 10.0 * log10(DR_REF_PULSE_NS)) / 2.0; /* displayed */
    double sigma_ref = pow(10.0, (bs_ref - inst->dynamic_range_db) / 5.0);
    double bw_ratio = rx_time_s(inst, DR_REF_PULSE_NS) / rx_time_s(inst, s->pulse_ns);
    double n_ref = DR_REF_AVERAGING_S * rep_rate_hz(inst, DR_REF_RANGE_M, ng);
    double n_avg = s->averaging_s * rep_rate_hz(inst, n * dx, ng);
    double sigma = sigma_ref * sqrt(bw_ratio) * sqrt(n_ref / n_avg);

    /* Receiver gain: saturation a fixed headroom above the near-end
     * backscatter the instrument expects for this pulse. */
    double bs_expected = (otdr_k_ref_db[s->wavelength] + 10.0 * log10(s->pulse_ns)) / 2.0;
    double sat_display = bs_expected + inst->saturation_headroom_db;
    double p_sat = pow(10.0, sat_display / 5.0);
    double offset = inst->display_top_db - sat_display;

    Layout lay;
    build_layout(link, s, &lay);
    Reflector gh[64];
    size_t ngh = ghosts(&lay, sigma, gh, sizeof gh / sizeof gh[0]);

    if (!out->level_db || out->capacity < n) {
        free(out->level_db);
        out->capacity = 0;
        out->level_db = malloc(n * sizeof *out->level_db);
        if (!out->level_db) {
            otdr_error_set(err, "points", "not enough memory for %zu points", n);
            return false;
        }
        out->capacity = n;
    }
    double cum[OTDR_LINK_MAX + 2];
    cum[0] = 0;
    for (size_t g = 0; g < lay.nseg; g++) {
        const Segment *sg = &lay.seg[g];
        double len = sg->x1 - sg->x0;
        cum[g + 1] = cum[g] + (sg->beta > 1e-15 ? sg->p0 * (1.0 - exp(-sg->beta * len)) / sg->beta : sg->p0 * len);
    }
    /* Each rectangle makes at most 6 changes (2 edges, 1 run). */
    Change changes[6 * (OTDR_LINK_MAX + 2 + 64)];
    size_t nch = 0;
    for (size_t r = 0; r < lay.nrefl; r++) {
        nch += rectangle_changes(dx, n, lay.refl[r].x, w, lay.refl[r].power, changes + nch);
    }
    for (size_t g = 0; g < ngh; g++) {
        nch += rectangle_changes(dx, n, gh[g].x, w, gh[g].power, changes + nch);
    }
    qsort(changes, nch, sizeof *changes, change_cmp);

    /* Step 3: one pass per sample. */
    Walker front = {.lay = &lay, .cum = cum, .dx = dx}, back = front;
    walker_set(&front, 0.0);
    walker_set(&back, -w);
    const double inv_w = 1.0 / w;
    const double a_rx = 1.0 - exp(-dx / rx_m);
    const double a_tail = 1.0 - exp(-dx / tail_m);
    const double tail_fraction = inst->tail_fraction;
    /* White noise of RMS sigma_w through the filter has RMS sigma. */
    const double sigma_w = sigma / sqrt(a_rx / (2.0 - a_rx));
    Rng noise = rng_fork(rng, NOISE_STREAM);
    Rng fibre;
    rng_seed(&fibre, link_seed(link));
    const double grid = w > dx ? (w > 1.0 ? w : 1.0) : (dx > 1.0 ? dx : 1.0);
    const double ripple_sd = FINGERPRINT_SD / sqrt(w > 1.0 ? w : 1.0);
    double grid_next = grid, rip0 = ripple_sd * otdr_normal4(rng_step(&fibre));
    double rip1 = ripple_sd * otdr_normal4(rng_step(&fibre));
    double rip_slope = (rip1 - rip0) / grid;
    double *level = out->level_db;
    double y = 0, tail = 0, refl = 0;
    size_t ci = 0;
    while (ci < nch && changes[ci].k < 0) {
        refl += changes[ci++].dv;
    }
    long next_change = ci < nch ? changes[ci].k : -1;
    for (size_t k = 0; k < n; k++) {
        if ((long)k == next_change) {
            while (ci < nch && changes[ci].k == (long)k) {
                refl += changes[ci++].dv;
            }
            next_change = ci < nch ? changes[ci].k : -1;
            if (fabs(refl) < 1e-25) {
                refl = 0; /* what is left of adding and removing a rectangle */
            }
        }
        double x = (double)k * dx;
        while (x >= grid_next) {
            rip0 = rip1;
            rip1 = ripple_sd * otdr_normal4(rng_step(&fibre));
            rip_slope = (rip1 - rip0) / grid;
            grid_next += grid;
        }
        double bs = (front.acc - back.acc) * inv_w * (1.0 + rip0 + rip_slope * (x - (grid_next - grid)));
        walker_step(&front);
        walker_step(&back);
        double v = bs + refl + sigma_w * otdr_normal4(rng_step(&noise));
        y += a_rx * (v - y);
        double p = y;
        if (refl != 0 || tail != 0) {
            tail += a_tail * (refl - tail);
            if (tail < 1e-25) {
                tail = 0; /* a decayed tail would reach subnormal numbers, 100 times slower */
            }
            p += tail_fraction * tail;
        }
        if (p > p_sat) {
            p = p_sat;
        }
        p = fabs(p);
        if (p < 1e-30) {
            p = 1e-30;
        }
        level[k] = 5.0 * otdr_fast_log10(p) + offset;
    }

    out->points = n;
    out->spacing_m = dx;
    out->data_spacing = (int32_t)ds;
    out->settings = *s;
    out->pulse_length_m = w;
    out->rx_length_m = rx_m;
    out->offset_db = offset;
    out->saturation_db = inst->display_top_db;
    out->noise_rms_db = 5.0 * log10(sigma) + offset;
    out->num_averages = n_avg;
    out->backscatter_first_db =
        isnan(lay.first_k_db) ? out->noise_rms_db
                              : (lay.first_k_db + 10.0 * log10(s->pulse_ns) - 2.0 * link->port.loss_db) / 2.0 + offset;
    return true;
}

void otdr_trace_finish(OtdrTrace *t)
{
    if (!t) {
        return;
    }
    free(t->level_db);
    memset(t, 0, sizeof *t);
}
