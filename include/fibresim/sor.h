/*
 * sor.h - Telcordia SR-4731 ("Bellcore") OTDR trace files (.sor).
 *
 * Reads versions 1 and 2 with the vendor quirks listed in shared/domain/SOR.md
 * (binary language codes, Noyes wavelength in nm, Anritsu point-count mismatch,
 * bytes after the last block, any block order, vendor blocks skipped by size)
 * and writes standard version 2 files.
 *
 * The SorFile struct keeps every field as the integer the file stores (so a
 * write then read gives back exactly the same struct), with the unit in the
 * field name or comment; the sor_*_m / _db / _nm functions below turn them into
 * physical values. One exception, normalised by the reader and noted: a Noyes
 * wavelength stored in nm becomes 0.1 nm like every other file.
 *
 * A reader never crashes and never trusts a count or size: every truncation or
 * inconsistency is a SorError naming the block, the byte offset in the file and
 * what was expected. Oddities that do not stop the reading (checksum mismatch,
 * trailing bytes, non-ASCII language code, ...) become SorNotes in the file.
 *
 * Format history: version 1.00 (Bellcore, 1990s HP/Noyes files), 2.00 (adds
 * block names inside blocks, fibre type, distances next to times, averaging
 * time, trace type, window coordinates, event markers). Telcordia SR-4731 is
 * not public; the layout comes from SOR.md, which cites its sources.
 */
#ifndef FIBRESIM_SOR_H
#define FIBRESIM_SOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/diag.h"

/* Longest text field kept (bytes, with the NUL); longer ones are cut, noted. */
#define SOR_TEXT_MAX 256
/* Longest block name kept. */
#define SOR_NAME_MAX 40
/* Pulse-width entries in FxdParams ("nearly always 1" in practice). */
#define SOR_MAX_PULSES 8
/* Notes kept per file; more are counted in notes_dropped. */
#define SOR_MAX_NOTES 16

/* Speed of light in vacuum, m/s (exact, SI). */
#define SOR_C_M_S 299792458.0

/* Why a file could not be read or written; the edge adds the file name.
 * The "expected" and "found" parts are English templates (N_() msgids,
 * diag.h) with their values, so that the edge shows them in its language
 * (sor_error_text); the same filled in English is kept for logs and tests.
 * A template names fields of the format by msgid values ("{what}": "the
 * group index") and uses at most 4 values, so that the whole error fits in
 * one DiagArgs with its block, offset and parts (sor_error_args). */
typedef struct SorError {
    char block[SOR_NAME_MAX]; /* "Map", "FxdParams", ...; "" = the whole file */
    size_t offset;            /* byte offset in the file where the problem is */
    char expected[160];       /* what the format wants there (English, filled) */
    char found[160];          /* what the file has (English, filled) */
    const char *expected_tmpl; /* static N_() msgid of expected; NULL when unset */
    const char *found_tmpl;    /* same for found */
    DiagArgs args;            /* values of both templates */
} SorError;

/* Something odd that did not stop the reading: text in English, and its
 * template and values for the edge (sor_note_text). */
typedef struct SorNote {
    char block[SOR_NAME_MAX];
    size_t offset;
    char text[200];           /* English, filled */
    const char *tmpl;         /* static N_() msgid */
    DiagArgs args;
} SorNote;

/* One entry of the Map block, with where its block starts in the file. */
typedef struct SorBlock {
    char name[SOR_NAME_MAX];  /* exact, spaces included ("NetTestTSI ") */
    uint16_t revision;        /* version x 100 */
    uint32_t size;            /* bytes, name header included (v2) */
    size_t offset;            /* Map size + sizes of the earlier blocks */
} SorBlock;

/* "c2" fields are 2 raw bytes then a NUL; they may hold NUL or non-ASCII bytes
 * (Anritsu CMA4500 language codes 00 6B, 00 B8). */
typedef struct SorGenParams {
    char language[3];              /* "EN", ... */
    char cable_id[SOR_TEXT_MAX];
    char fibre_id[SOR_TEXT_MAX];
    int16_t fibre_type;            /* v2: ITU-T G.65x number (652); 0 = unknown */
    int16_t nominal_wavelength_nm;
    char origin[SOR_TEXT_MAX];     /* originating location (e.g. the DTIo) */
    char end[SOR_TEXT_MAX];        /* terminating location (e.g. the PBO or PR) */
    char cable_code[SOR_TEXT_MAX];
    char build_condition[3];       /* BC as-built, CC as-current, RC as-repaired, NC new, OT other */
    int32_t user_offset_100ps;
    int32_t user_offset_distance;  /* v2: distance units, vendor scale */
    char operator_name[SOR_TEXT_MAX];
    char comment[SOR_TEXT_MAX];
} SorGenParams;

typedef struct SorSupParams {
    char supplier[SOR_TEXT_MAX];
    char mainframe_id[SOR_TEXT_MAX];
    char mainframe_sn[SOR_TEXT_MAX];
    char module_id[SOR_TEXT_MAX];
    char module_sn[SOR_TEXT_MAX];
    char software_rev[SOR_TEXT_MAX];
    char other[SOR_TEXT_MAX];      /* often the calibration date */
} SorSupParams;

typedef struct SorFxdParams {
    uint32_t date_time_unix;          /* seconds since 1970 (UTC) */
    char distance_units[3];           /* "mt", "km", "ft", "kf", "mi" */
    uint16_t wavelength_01nm;         /* 0.1 nm (13100 = 1310.0 nm) */
    int32_t acq_offset_100ps;         /* time of sample 0 from the front panel; may be < 0 */
    int32_t acq_offset_distance;      /* v2, distance units */
    uint16_t pulse_count;             /* 1..SOR_MAX_PULSES */
    uint16_t pulse_width_ns[SOR_MAX_PULSES];
    int32_t data_spacing[SOR_MAX_PULSES];      /* time of 10 000 samples, 100 ps */
    int32_t points_per_pulse[SOR_MAX_PULSES];  /* the instrument's point count (not trusted) */
    uint32_t group_index_e5;          /* group index x 100 000 (146 800 = 1.468) */
    uint16_t backscatter_neg_01db;    /* -0.1 dB (802 = -80.2 dB) */
    int32_t num_averages;
    uint16_t averaging_time_01s;      /* v2: 0.1 s (vendors disagree) */
    int32_t range_100ps;
    int32_t range_distance;           /* v2, distance units */
    int32_t front_panel_offset_100ps;
    uint16_t noise_floor_neg_0001db;  /* -0.001 dB */
    int16_t noise_floor_scale_e3;     /* x 1000 */
    uint16_t power_offset_0001db;     /* power offset of the first point, 0.001 dB */
    uint16_t loss_threshold_0001db;
    uint16_t refl_threshold_neg_0001db; /* -0.001 dB (65000 = -65 dB) */
    uint16_t eof_threshold_0001db;    /* end-of-fibre threshold */
    char trace_type[3];               /* v2: ST standard, RT reverse, DT difference, RF reference */
    int32_t window[4];                /* v2: display window coordinates */
} SorFxdParams;

/* Marker indices in SorEvent.markers_100ps. */
enum { SOR_MARK_END_PREV, SOR_MARK_START, SOR_MARK_END, SOR_MARK_START_NEXT, SOR_MARK_PEAK, SOR_MARK_COUNT };

typedef struct SorEvent {
    int16_t number;                   /* 1-based */
    int32_t time_100ps;               /* one-way propagation time from the front panel */
    int16_t slope_0001db_km;          /* lead-in fibre attenuation, 0.001 dB/km */
    int16_t loss_0001db;              /* negative = apparent gain */
    int32_t reflectance_0001db;       /* stored negative; 0 = none */
    char code[7];                     /* 6 chars: [0] 0/1/2 non-refl./refl./saturated, [1] F/A/M/E/O/D, landmark */
    char loss_technique[3];           /* LS least squares, 2P two-point, OT other */
    int32_t markers_100ps[SOR_MARK_COUNT]; /* v2; may be negative */
    char comment[SOR_TEXT_MAX];
} SorEvent;

/* The summary after the last event. */
typedef struct SorSummary {
    int32_t total_loss_0001db;
    int32_t loss_start_100ps, loss_end_100ps;
    uint16_t orl_0001db;
    int32_t orl_start_100ps, orl_end_100ps;
} SorSummary;

/* LnkParams landmark (layout unverified: no sample file has one). */
typedef struct SorLandmark {
    int16_t number;
    char code[3];
    int32_t location_100ps;
    int16_t related_event;
    int32_t gps_longitude, gps_latitude;
    int16_t fibre_correction_001pct;  /* 0.01 % */
    int32_t sheath_in, sheath_out;
    char sheath_units[3];
    int16_t mode_field_diameter;
    char comment[SOR_TEXT_MAX];
} SorLandmark;

/* One scale-factor set of DataPts. */
typedef struct SorScaleSet {
    uint32_t count;                   /* samples in this set */
    int16_t scale_e3;                 /* x 1000 (1000 = 1.0) */
} SorScaleSet;

typedef enum SorChecksumStatus {
    SOR_CKSUM_ABSENT,                 /* no Cksum block */
    SOR_CKSUM_OK,                     /* CRC-16/CCITT-FALSE over every byte before the two checksum bytes */
    SOR_CKSUM_OK_XMODEM,              /* same with init 0 (Anritsu files) */
    SOR_CKSUM_MISMATCH                /* reported, never fatal (EXFO, OptixS, FiberCloud's 0) */
} SorChecksumStatus;

typedef struct SorChecksum {
    SorChecksumStatus status;
    uint16_t stored;
    uint16_t ccitt_false;             /* computed, init 0xFFFF */
    uint16_t xmodem;                  /* computed, init 0x0000 */
    size_t covered_bytes;             /* how many bytes the CRC covers */
} SorChecksum;

typedef struct SorFile {
    int version;                      /* 1 or 2; sor_write always writes 2 */
    uint16_t map_revision;            /* x 100 */
    SorBlock *blocks;                 /* owned: the Map's entries in file order */
    size_t block_count;

    bool has_gen, has_sup, has_events, has_links;
    SorGenParams gen;
    SorSupParams sup;
    SorFxdParams fxd;

    SorEvent *events;                 /* owned */
    size_t event_count;
    bool has_summary;
    SorSummary summary;

    SorLandmark *landmarks;           /* owned */
    size_t landmark_count;

    uint32_t data_total_points;       /* DataPts' own total, as stored */
    SorScaleSet *sets;                /* owned */
    size_t set_count;
    uint16_t *points;                 /* owned: raw samples of every set, in order */
    size_t point_count;               /* sum of the sets' counts */

    SorChecksum cksum;
    double distance_scale;            /* 0.1 for old Noyes OFL250 files, else 1 */
    size_t trailing_bytes;            /* bytes after the last block */

    SorNote notes[SOR_MAX_NOTES];
    size_t note_count, notes_dropped;
} SorFile;

/* An empty file: version 2, no events, no points, distance_scale 1. */
void sor_init(SorFile *f);
/* Frees what f owns and zeroes it. Fine on a zeroed or sor_init'ed struct. */
void sor_finish(SorFile *f);

/* Parses size bytes of data into f (initialised here; sor_finish it whatever
 * the result). Returns false with *err set when the file cannot be read;
 * checksum mismatches and other oddities only add notes. data is borrowed
 * for the call only. */
bool sor_read(SorFile *f /* OUT */, const uint8_t *data, size_t size, SorError *err /* OUT */);
/* Reads the file at path (at most 64 MiB) and parses it with sor_read. */
bool sor_read_file(SorFile *f /* OUT */, const char *path, SorError *err /* OUT */);

/* Encodes f as a standard version 2 file (Map, GenParams, SupParams, FxdParams,
 * KeyEvents with its summary even if f has no events, LnkParams if it has
 * landmarks, DataPts, Cksum with the CRC-16/CCITT-FALSE of every byte before
 * it). Every field is written as stored in f, except DataPts' total, which is
 * point_count (a standard file agrees with itself). *out is owned by the caller (free()).
 * Fails, with *err set, when f cannot be encoded (counts out of range,
 * scale sets that disagree with point_count, no pulse width). */
bool sor_write(const SorFile *f, uint8_t **out /* OUT */, size_t *out_size /* OUT */, SorError *err /* OUT */);
/* sor_write into path, through a temporary file renamed over it, so a failed
 * write never leaves a half file. */
bool sor_write_file(const SorFile *f, const char *path, SorError *err /* OUT */);

/* "DataPts block, byte 328: expected X, found Y" ("byte 0: ..." when the
 * error is not in a block), in English. */
void sor_error_format(const SorError *e, char *buf, size_t n);
/* The same line in the edge's language: the templates translated by tr
 * (NULL: English) and filled with decimal_sep. */
void sor_error_text(const SorError *e, DiagTranslateFn tr, void *user, char decimal_sep, char *buf, size_t n);
/* The values for a message that holds the error (out is reset): {block}
 * (text, "" when none), {offset} (number), {expected} and {found} (msgids
 * whose own values are added too), e.g. for a Diag's found part
 * "a damaged file ({block} block, byte {offset}: ...)". */
void sor_error_args(const SorError *e, DiagArgs *out /* OUT */);
/* A note in the edge's language (tr NULL: English, the same as n->text). */
void sor_note_text(const SorNote *n, DiagTranslateFn tr, void *user, char decimal_sep, char *buf, size_t size);

/* CRC-16, polynomial 0x1021, MSB first, no final XOR, from init
 * (0xFFFF: CCITT-FALSE; 0x0000: XMODEM). */
uint16_t sor_crc16(const uint8_t *data, size_t n, uint16_t init);

/* ---- physical values --------------------------------------------------- */

/* Group index (e.g. 1.4677). */
double sor_group_index(const SorFile *f);
/* Distance of a one-way time in 100 ps: d = T x 1e-10 x c / n (x distance_scale). */
double sor_time_to_m(const SorFile *f, double time_100ps);
/* The inverse, rounded to the nearest 100 ps (for writers). */
int32_t sor_m_to_time_100ps(const SorFile *f, double distance_m);
/* Distance between two samples, metres (first pulse width entry). */
double sor_sample_spacing_m(const SorFile *f);
/* Distance of sample k from the front panel: (AO + k x spacing) x c / n. */
double sor_point_m(const SorFile *f, size_t k);
/* Level of sample k, dB: -raw x (scale/1000) / 1000 (its set's scale). */
double sor_point_db(const SorFile *f, size_t k);
double sor_wavelength_nm(const SorFile *f);
double sor_backscatter_db(const SorFile *f);
double sor_event_m(const SorFile *f, const SorEvent *e);
double sor_event_loss_db(const SorEvent *e);
double sor_event_reflectance_db(const SorEvent *e);
/* false when the event stores no reflectance: 0, or the -2^31(+1) sentinel
 * Anritsu MT1000A files use for non-reflective events. */
bool sor_event_has_reflectance(const SorEvent *e);

typedef enum SorEventKind {
    SOR_EVENT_NON_REFLECTIVE,         /* code[0] '0' */
    SOR_EVENT_REFLECTIVE,             /* '1' */
    SOR_EVENT_SATURATED,              /* '2': reflective, peak flattened by the receiver */
    SOR_EVENT_UNKNOWN
} SorEventKind;
SorEventKind sor_event_kind(const SorEvent *e);
/* true when the event's code marks the end of the fibre (code[1] 'E'). */
bool sor_event_is_end(const SorEvent *e);

/* ---- export ------------------------------------------------------------------ */

struct cJSON;
/* Everything read, as a JSON tree (owned by the caller: cJSON_Delete), with
 * raw values and physical units side by side; edge_points samples from each
 * end of the trace. Text is made valid UTF-8 (stray bytes read as Latin-1);
 * 2-byte codes holding non-ASCII bytes are written with \xHH escapes. NULL on
 * allocation failure. This is what "fibresim sor dump --json" prints. */
struct cJSON *sor_to_json(const SorFile *f, size_t edge_points);

/* ---- helpers for writers ------------------------------------------------- */

/* Replaces the events with n zeroed ones. false on allocation failure. */
bool sor_alloc_events(SorFile *f, size_t n);
/* Replaces the data points with n zeroed samples in one set of scale 1.0. */
bool sor_alloc_points(SorFile *f, size_t n);
/* Replaces the landmarks with n zeroed ones. */
bool sor_alloc_landmarks(SorFile *f, size_t n);
/* Raw sample of a level in dB (clamped to 0..65535, i.e. 0 .. -65.535 dB). */
uint16_t sor_db_to_raw(double level_db);

#endif
