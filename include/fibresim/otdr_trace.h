/*
 * otdr_trace.h - OTDR trace synthesis: a fibre link and the instrument's
 * settings in, the trace a real OTDR would show out (one-way dB, 5·log10 of
 * the received power), plus the instrument-style event table, the cursor
 * measurements a technician makes (2-point, LSA, 4-point loss, reflectance,
 * ORL) and the conversion to a SOR file.
 *
 * Physics: shared/domain/REFERENCE.md section 2. In short, for a pulse of
 * width tau (ns) the backscatter of a fibre of coefficient K (dB, 1 ns pulse)
 * reaches the receiver at 10^((K + 10 log tau)/10) of the launched power,
 * times 10^(-2A/10) for a one-way loss A; a reflector of reflectance R sends
 * back 10^(R/10) 10^(-2A/10) for the duration of the pulse. The displayed
 * level is 5·log10 of that (plus an instrument offset). Distances on the trace
 * are round-trip times converted with the group index set on the instrument.
 *
 * Instrument model (illustrative, numbers in otdr_instrument_default()):
 * rectangular pulse, one-pole receiver whose time constant follows the pulse
 * (tau/4, at least that of the maximum bandwidth), receiver gain set per pulse
 * so that saturation sits a fixed headroom above the near-end backscatter
 * (flat-topped Fresnel peaks), a slow recovery tail after strong reflections,
 * white receiver noise through the same filter whose RMS falls as
 * sqrt(bandwidth / number of averages), the number of averages being the
 * averaging time times a repetition rate limited by the range, first-order
 * ghosts (double reflections), and a fixed fine ripple of the backscatter
 * (the fibre's fingerprint, seeded by the link itself, so the same link shows
 * the same ripple at every acquisition). Noise comes from the Rng the caller
 * passes.
 *
 * Positions given to and returned by the functions below are *display*
 * distances in metres (what the instrument shows, with its group index),
 * except OtdrFeature.true_distance_m.
 */
#ifndef FIBRESIM_OTDR_TRACE_H
#define FIBRESIM_OTDR_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/rng.h"
#include "fibresim/sor.h"

/* ---- link --------------------------------------------------------------------- */

typedef enum OtdrWavelength { OTDR_WL_1310, OTDR_WL_1550, OTDR_WL_1625, OTDR_WL_COUNT } OtdrWavelength;

/* 1310.0, 1550.0 or 1625.0. */
double otdr_wavelength_nm(OtdrWavelength wl);
/* The wavelength of a value in nm (within 1 nm); false if the instrument has none. */
bool otdr_wavelength_from_nm(double nm, OtdrWavelength *out /* OUT */);

typedef enum OtdrFibreType { OTDR_FIBRE_G652D, OTDR_FIBRE_G657A1, OTDR_FIBRE_G657A2 } OtdrFibreType;

/* A fibre section. Its backscatter coefficient follows from its mode-field
 * diameter: K = K_ref(wl) + 20 log10(MFD_ref(wl) / MFD) + backscatter_offset_db
 * (capture fraction proportional to 1/MFD^2, REFERENCE 2.5), with K_ref the
 * G.657.A1 datasheet values -79.2 / -81.7 / -82.5 dB at MFD_ref 8.6 / 9.6 /
 * 9.9 um. Two fibres of different MFD spliced together make a gainer. */
typedef struct OtdrFibre {
    double length_m;                          /* physical length */
    double atten_db_km[OTDR_WL_COUNT];
    double mfd_um[OTDR_WL_COUNT];
    double group_index[OTDR_WL_COUNT];        /* the fibre's true group index */
    double backscatter_offset_db;             /* manufacturing spread of K (0 = none) */
} OtdrFibre;

typedef enum OtdrPolish { OTDR_UPC, OTDR_APC } OtdrPolish;

/* A mated connector pair. */
typedef struct OtdrConnector {
    double loss_db;
    double reflectance_db;                    /* e.g. -50 UPC, -60 APC; 0 = the polish's typical value */
    OtdrPolish polish;
    bool dirty;                               /* +OTDR_DIRTY_LOSS_DB, reflectance at least OTDR_DIRTY_REFL_*_DB */
} OtdrConnector;

/* Dirty end faces (illustrative model, UNCONFIRMED): extra loss and a stronger
 * reflection, hence ghosts (REFERENCE 2.5). */
#define OTDR_DIRTY_LOSS_DB 0.5
#define OTDR_DIRTY_REFL_UPC_DB (-35.0)
#define OTDR_DIRTY_REFL_APC_DB (-40.0)
/* Typical mated reflectances (REFERENCE 2.6: UPC -45..-55, APC -55..-65). */
#define OTDR_REFL_UPC_DB (-50.0)
#define OTDR_REFL_APC_DB (-60.0)
/* Open ends (REFERENCE 2.1): flat glass/air -14.7 dB; APC -35..-50, we take -45. */
#define OTDR_REFL_OPEN_UPC_DB (-14.7)
#define OTDR_REFL_OPEN_APC_DB (-45.0)
/* Macro-bend loss grows with wavelength as exp((lambda - 1550 nm) / 100 nm)
 * (illustrative: x0.09 at 1310, x2.1 at 1625; UNCONFIRMED). */
#define OTDR_BEND_GROWTH_NM 100.0

typedef enum OtdrElementKind {
    OTDR_EL_FIBRE,
    OTDR_EL_CONNECTOR,
    OTDR_EL_SPLICE,      /* fusion splice: loss only (the MFD on each side is that of the fibres around it) */
    OTDR_EL_BEND,        /* macro-bend: loss_db is the loss at 1550 nm */
    OTDR_EL_BREAK        /* the fibre ends here; reflectance_db 0 = non-reflective break */
} OtdrElementKind;

typedef struct OtdrElement {
    OtdrElementKind kind;
    OtdrFibre fibre;                          /* OTDR_EL_FIBRE */
    OtdrConnector connector;                  /* OTDR_EL_CONNECTOR */
    double loss_db;                           /* SPLICE: loss; BEND: loss at 1550 nm */
    double reflectance_db;                    /* BREAK */
    char label[32];                           /* free text for the truth table ("PBO", "launch end") */
} OtdrElement;

typedef enum OtdrEnd {
    OTDR_END_OPEN_UPC,                        /* flat cleave or UPC connector left open: -14.7 dB */
    OTDR_END_OPEN_APC,                        /* angled: weak reflection */
    OTDR_END_NON_REFLECTIVE                   /* index-matched, crushed, or coiled tight */
} OtdrEnd;

#define OTDR_LINK_MAX 64

/* Everything from the OTDR port outward: the port connector (instrument to
 * first fibre), then the elements in order, then the far end. A launch cable
 * is a first fibre then a connector; a receive cable a connector, a fibre and
 * the end. */
typedef struct OtdrLink {
    OtdrConnector port;
    OtdrElement el[OTDR_LINK_MAX];
    size_t count;
    OtdrEnd end;                              /* ignored after a break */
} OtdrLink;

/* Datasheet-typical fibre: G.652.D 0.33/0.19/0.21 dB/km, MFD 9.2/10.4/10.9 um,
 * group index 1.4677/1.4682/1.4686; G.657.A1/A2 0.32/0.19/0.22 dB/km, MFD
 * 8.6/9.6/9.9 um, group index 1.467/1.468/1.468 (REFERENCE 2.1; MFDs typical
 * datasheet values). */
void otdr_fibre_preset(OtdrFibreType type, double length_m, OtdrFibre *out /* OUT */);
/* Backscatter coefficient K (dB, 1 ns pulse) of a fibre at a wavelength. */
double otdr_fibre_backscatter_db(const OtdrFibre *f, OtdrWavelength wl);

/* An empty link: clean APC port (0.25 dB, -55 dB), open UPC far end. */
void otdr_link_init(OtdrLink *l);
/* Appenders: false when the link is full (OTDR_LINK_MAX). label may be NULL. */
bool otdr_link_add_fibre(OtdrLink *l, OtdrFibreType type, double length_m, const char *label);
bool otdr_link_add_connector(OtdrLink *l, double loss_db, double reflectance_db, OtdrPolish polish, bool dirty,
                             const char *label);
bool otdr_link_add_splice(OtdrLink *l, double loss_db, const char *label);
bool otdr_link_add_bend(OtdrLink *l, double loss_1550_db, const char *label);
bool otdr_link_add_break(OtdrLink *l, double reflectance_db, const char *label);
/* The same link measured from its far end: elements in reverse order; the
 * port and the end termination stay as they are (both are the instrument's
 * and the far side's). Elements after a break are dropped first. */
void otdr_link_reverse(const OtdrLink *in, OtdrLink *out /* OUT */);

/* Loss of an element at a wavelength (bends grow with it; dirt adds). */
double otdr_element_loss_db(const OtdrElement *e, OtdrWavelength wl);
/* Reflectance of a connector as the light sees it (typical value if 0, dirt). */
double otdr_connector_reflectance_db(const OtdrConnector *c);

/* ---- settings and instrument -------------------------------------------------- */

/* The pulse widths the simulated instrument offers, ns, ascending. */
extern const double otdr_pulse_widths_ns[];
extern const size_t otdr_pulse_width_count;

typedef struct OtdrSettings {
    OtdrWavelength wavelength;
    double pulse_ns;                          /* one of otdr_pulse_widths_ns */
    double range_m;                           /* acquisition range (display), 100 m .. 260 km */
    size_t points;                            /* samples, 1000 .. 262144 */
    double averaging_s;                       /* 0.1 .. 600 s */
    double group_index;                       /* the IOR set on the instrument */
    double backscatter_db;                    /* K set on the instrument (reflectance, ORL) */
    double loss_threshold_db;                 /* event table: smallest loss listed */
    double reflectance_threshold_db;          /* weakest reflection listed, e.g. -65 */
    double eof_threshold_db;                  /* a loss this big ends the fibre */
} OtdrSettings;

/* 30 ns, 5 km, 16 000 points, 15 s, IOR 1.4677/1.4682/1.4686, K -79.2/-81.7/
 * -82.5, thresholds 0.05 dB, -65 dB, 3 dB. */
void otdr_settings_default(OtdrSettings *s /* OUT */, OtdrWavelength wl);

/* What a check or synthesis refused, in English: field and reason. */
typedef struct OtdrError {
    char field[64];                           /* e.g. "pulse_ns", "el[3].length_m" */
    char message[160];
} OtdrError;

/* false with *err set when a setting is outside what the instrument offers. */
bool otdr_settings_check(const OtdrSettings *s, OtdrError *err /* OUT */);
/* false with *err set when the link is not physical (negative length, loss). */
bool otdr_link_check(const OtdrLink *l, OtdrError *err /* OUT */);

/* The instrument's own characteristics (illustrative mid-range OTDR). */
typedef struct OtdrInstrument {
    double dynamic_range_db;                  /* SNR = 1 (RMS), 1310 nm, 20 us, 180 s, 160 km range */
    double saturation_headroom_db;            /* saturation above the near-end backscatter, displayed dB */
    double bandwidth_max_hz;                  /* receiver bandwidth limit (short pulses) */
    double pulse_to_rx_ratio;                 /* receiver time constant = pulse / this */
    double rep_rate_max_hz;                   /* pulse repetition rate limit */
    double tail_fraction;                     /* recovery tail after a reflection, fraction of it */
    double tail_time_factor;                  /* tail time constant / receiver time constant */
    double display_top_db;                    /* displayed level of a saturated peak */
} OtdrInstrument;

/* 45 dB, 20 dB, 100 MHz, 4, 20 kHz, 3e-6, 6, -3 dB. */
void otdr_instrument_default(OtdrInstrument *inst /* OUT */);

/* ---- trace ---------------------------------------------------------------------- */

typedef struct OtdrTrace {
    double *level_db;                         /* owned: displayed level of each sample */
    size_t points;
    size_t capacity;                          /* samples level_db can hold (reused by otdr_synthesize) */
    double spacing_m;                         /* display distance between samples; sample k at k x spacing */
    int32_t data_spacing;                     /* the same as SOR stores it: 100 ps per 10 000 samples */
    OtdrSettings settings;                    /* as acquired */
    double pulse_length_m;                    /* c tau / (2 n): display length of the pulse */
    double rx_length_m;                       /* receiver time constant as a display length */
    double offset_db;                         /* level = 5 log10(P / P_launched) + offset_db */
    double saturation_db;                     /* displayed level of a saturated sample */
    double noise_rms_db;                      /* displayed level of the noise RMS */
    double num_averages;
    double backscatter_first_db;              /* level of the first fibre's backscatter at 0 m */
} OtdrTrace;

/* Synthesises the trace of link measured with settings (inst NULL = default).
 * Draws from a stream forked from rng (advances rng once). out must be
 * zeroed (OtdrTrace t = {0}) or hold an earlier trace, whose buffer is reused
 * when big enough; free it with otdr_trace_finish whatever the result.
 * false with *err set on bad settings or link, or allocation failure. */
bool otdr_synthesize(const OtdrLink *link, const OtdrSettings *s, const OtdrInstrument *inst, Rng *rng,
                     OtdrTrace *out /* OUT */, OtdrError *err /* OUT */);
void otdr_trace_finish(OtdrTrace *t);        /* fine on a zeroed trace */

/* ---- truth: where the link's features are on the display ------------------------ */

typedef enum OtdrFeatureKind {
    OTDR_FEAT_PORT, OTDR_FEAT_CONNECTOR, OTDR_FEAT_SPLICE, OTDR_FEAT_BEND, OTDR_FEAT_BREAK, OTDR_FEAT_END,
    OTDR_FEAT_FIBRE_CHANGE                    /* fibres meeting with no element between them */
} OtdrFeatureKind;

typedef struct OtdrFeature {
    OtdrFeatureKind kind;
    size_t element;                           /* index in link->el (port and end: link->count) */
    double distance_m;                        /* display distance with settings->group_index */
    double true_distance_m;                   /* physical distance from the port */
    double loss_db;                           /* true one-way loss at the wavelength */
    double apparent_loss_db;                  /* as a one-direction trace shows it: loss + (K_before - K_after)/2 */
    double reflectance_db;                    /* 0 = none */
    double cumulative_loss_db;                /* one-way loss from the port to just before it */
} OtdrFeature;

/* Fills up to max features in order; returns how many the link has. */
size_t otdr_link_features(const OtdrLink *l, const OtdrSettings *s, OtdrFeature *out, size_t max);

/* ---- event table (what the instrument's automatic analysis lists) -------------- */

#define OTDR_MAX_EVENTS 64

typedef struct OtdrEvent {
    double distance_m;                        /* start of the event */
    double loss_db;                           /* 4-point LSA; negative = gainer */
    double reflectance_db;                    /* 0 = non-reflective; a lower bound if saturated */
    double slope_db_km;                       /* lead-in fibre attenuation (LSA before) */
    double start_m, end_m;                    /* extent of the event (dead zone included) */
    bool reflective, saturated, end_of_fibre;
} OtdrEvent;

typedef struct OtdrEventTable {
    OtdrEvent ev[OTDR_MAX_EVENTS];
    size_t count;
    double end_m;                             /* fibre end found (0 if none) */
    double total_loss_db;                     /* from 0 m to the end */
    double orl_db;                            /* from 0 m to the end */
} OtdrEventTable;

/* Analyses a trace like an instrument does: reflective peaks, loss steps
 * (gainers included), end of fibre. It can be wrong the way instruments are:
 * ghosts listed as reflective events, events closer than the dead zone merged. */
void otdr_detect_events(const OtdrTrace *t, OtdrEventTable *out /* OUT */);

/* ---- cursor measurements (REFERENCE 2.4) ------------------------------------ */

/* Level at a distance (linear interpolation between samples, clamped). */
double otdr_level_at(const OtdrTrace *t, double x_m);
/* Level difference between cursors A and B (fibre between them included). */
double otdr_loss_2pt_db(const OtdrTrace *t, double a_m, double b_m);
/* 2-point attenuation, dB/km. */
double otdr_atten_2pt_db_km(const OtdrTrace *t, double a_m, double b_m);
/* Least-squares line over [a, b]: slope (dB/km, positive = loss) and level at
 * a. false if fewer than 2 samples. */
bool otdr_lsa(const OtdrTrace *t, double a_m, double b_m, double *slope_db_km /* OUT */,
              double *level_at_a_db /* OUT */);
/* LSA attenuation over [a, b], dB/km. */
double otdr_atten_lsa_db_km(const OtdrTrace *t, double a_m, double b_m);
/* Event loss, 4-point method: LSA lines on [a, A] and [B, b] extrapolated to
 * x_event; the gap between them. */
double otdr_loss_4pt_db(const OtdrTrace *t, double a_m, double A_m, double B_m, double b_m, double x_event_m);
/* Reflectance of the peak in [A, B] above the LSA backscatter line of [a, A]:
 * R = K + 10 log10(tau_ns) + 10 log10(10^(H/5) - 1), K and tau from the
 * trace's settings (REFERENCE 2.1). *saturated (may be NULL) tells a
 * flat-topped peak, whose R is only a lower bound. */
double otdr_reflectance_db(const OtdrTrace *t, double a_m, double A_m, double B_m, bool *saturated /* OUT */);
/* Optical return loss of the section [a, b]: -10 log10(reflected energy /
 * launched energy), positive dB. */
double otdr_orl_db(const OtdrTrace *t, double a_m, double b_m);

/* ---- SOR export --------------------------------------------------------------- */

/* Identification fields of the French recette deliverables (REFERENCE 4.4). */
typedef struct OtdrSorIds {
    const char *cable_id, *fibre_id;
    const char *origin, *end;                 /* e.g. DTIo code, PBO/PR code */
    const char *operator_name, *comment;
    uint32_t date_time_unix;                  /* the caller's clock: the core reads none */
    int16_t fibre_type;                       /* ITU-T G.65x number (652, 657); 0 = unknown */
} OtdrSorIds;

/* Fills out (sor_init'ed here) with the trace, its settings and the event
 * table (may be NULL) as a standard version 2 file; the supplier fields name
 * Fibresim. false on allocation failure or a trace SOR cannot hold. */
bool otdr_trace_to_sor(const OtdrTrace *t, const OtdrEventTable *events, const OtdrSorIds *ids,
                       SorFile *out /* OUT */);

#endif
