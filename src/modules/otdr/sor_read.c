/*
 * sor_read.c - parses SR-4731 version 1 and 2 files (layout: SOR.md).
 *
 * Every read goes through a cursor bounded by the end of the current block, so
 * no count or size in the file can make us read outside the buffer; counts are
 * checked against the bytes left before anything is allocated, so a hostile
 * file cannot make us allocate more than a few times its own size.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fibresim/core.h"
#include "fibresim/messages.h" /* N_() */
#include "fibresim/sor.h"
#include "sor_internal.h"

#define SOR_FILE_MAX_BYTES (64u * 1024u * 1024u)

/* Bytes of one event without its comment, and of the summary (SOR.md). */
#define EVENT_FIXED_V1 22
#define EVENT_FIXED_V2 42
#define SUMMARY_BYTES 22
#define LANDMARK_FIXED 32

typedef struct Cur {
    const uint8_t *data;  /* the whole file (borrowed) */
    size_t pos, end;      /* absolute offsets; end = end of the current block */
    const char *block;
    SorError *err;
    SorFile *f;
    bool bad;             /* an error was set: every later read is a no-op */
} Cur;

/* Sets the error (the first one only): expected and found are N_()
 * templates, args their values (may be NULL). */
static void cur_fail(Cur *c, size_t at, const char *expected, const char *found, const DiagArgs *args)
{
    if (!c->bad) {
        sor_error_set(c->err, c->block, at, expected, found, args);
    }
    c->bad = true;
}

/* what: the field, an N_() msgid with its article ("the group index"). */
static bool need(Cur *c, size_t n, const char *what)
{
    if (c->bad) {
        return false;
    }
    if (c->end - c->pos >= n) {
        return true;
    }
    DiagArgs a = {0};
    diag_arg_int(&a, "n", (long long)n);
    diag_arg_msgid(&a, "what", what);
    diag_arg_int(&a, "left", (long long)(c->end - c->pos));
    diag_arg_int(&a, "end", (long long)c->end);
    cur_fail(c, c->pos, N_("{n} bytes for {what}"), N_("{left} bytes left before the block ends at byte {end}"), &a);
    return false;
}

static uint16_t rd_u16(Cur *c, const char *what)
{
    if (!need(c, 2, what)) {
        return 0;
    }
    const uint8_t *p = c->data + c->pos;
    c->pos += 2;
    return (uint16_t)(p[0] | (p[1] << 8));
}

static int16_t rd_i16(Cur *c, const char *what)
{
    uint16_t u = rd_u16(c, what);
    return (int16_t)(u >= 0x8000u ? (int32_t)u - 65536 : (int32_t)u);
}

static uint32_t rd_u32(Cur *c, const char *what)
{
    if (!need(c, 4, what)) {
        return 0;
    }
    const uint8_t *p = c->data + c->pos;
    c->pos += 4;
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static int32_t rd_i32(Cur *c, const char *what)
{
    uint32_t u = rd_u32(c, what);
    return u >= 0x80000000u ? (int32_t)((int64_t)u - 4294967296LL) : (int32_t)u;
}

/* "c2": two raw bytes, then our NUL. */
static void rd_c2(Cur *c, char dst[3], const char *what)
{
    dst[0] = dst[1] = dst[2] = '\0';
    if (!need(c, 2, what)) {
        return;
    }
    memcpy(dst, c->data + c->pos, 2);
    c->pos += 2;
}

static void rd_bytes(Cur *c, char *dst, size_t n, const char *what)
{
    memset(dst, 0, n + 1);
    if (!need(c, n, what)) {
        return;
    }
    memcpy(dst, c->data + c->pos, n);
    c->pos += n;
}

/* A NUL-terminated string that must end inside the block. */
static void rd_str(Cur *c, char *dst, size_t cap, const char *what)
{
    dst[0] = '\0';
    if (c->bad) {
        return;
    }
    const char *s = (const char *)c->data + c->pos;
    size_t left = c->end - c->pos;
    const char *nul = memchr(s, '\0', left);
    if (!nul) {
        DiagArgs a = {0};
        diag_arg_msgid(&a, "what", what);
        diag_arg_int(&a, "left", (long long)left);
        diag_arg_int(&a, "end", (long long)c->end);
        cur_fail(c, c->pos, N_("a NUL-terminated string ({what})"),
                 N_("no NUL in the {left} bytes before the block ends at byte {end}"), &a);
        return;
    }
    size_t len = (size_t)(nul - s);
    if (!fs_strlcpy(dst, s, cap)) {
        DiagArgs a = {0};
        diag_arg_msgid(&a, "what", what);
        diag_arg_int(&a, "len", (long long)len);
        diag_arg_int(&a, "max", (long long)(cap - 1));
        sor_note(c->f, c->block, c->pos, N_("{what} is {len} bytes long: cut to {max}"), &a);
    }
    c->pos += len + 1;
}

static bool printable2(const char *c2)
{
    for (int i = 0; i < 2; i++) {
        if ((unsigned char)c2[i] < 0x20 || (unsigned char)c2[i] >= 0x7F) {
            return false;
        }
    }
    return true;
}

/* ---- blocks ------------------------------------------------------------------ */

static bool read_gen(Cur *c)
{
    SorFile *f = c->f;
    SorGenParams *g = &f->gen;
    size_t at = c->pos;
    rd_c2(c, g->language, N_("the language code"));
    rd_str(c, g->cable_id, sizeof g->cable_id, N_("the cable ID"));
    rd_str(c, g->fibre_id, sizeof g->fibre_id, N_("the fibre ID"));
    if (f->version == 2) {
        g->fibre_type = rd_i16(c, N_("the fibre type"));
    }
    g->nominal_wavelength_nm = rd_i16(c, N_("the nominal wavelength"));
    rd_str(c, g->origin, sizeof g->origin, N_("the originating location"));
    rd_str(c, g->end, sizeof g->end, N_("the terminating location"));
    rd_str(c, g->cable_code, sizeof g->cable_code, N_("the cable code"));
    rd_c2(c, g->build_condition, N_("the build condition"));
    g->user_offset_100ps = rd_i32(c, N_("the user offset"));
    if (f->version == 2) {
        g->user_offset_distance = rd_i32(c, N_("the user offset distance"));
    }
    rd_str(c, g->operator_name, sizeof g->operator_name, N_("the operator"));
    rd_str(c, g->comment, sizeof g->comment, N_("the comment"));
    if (c->bad) {
        return false;
    }
    if (!printable2(g->language)) {
        char hex[32];
        sor_escape(hex, sizeof hex, g->language, 2);
        DiagArgs a = {0};
        diag_arg_str(&a, "code", hex);
        sor_note(f, c->block, at, N_("the language code is not two ASCII letters ({code})"), &a);
    }
    return true;
}

static bool read_sup(Cur *c)
{
    SorSupParams *s = &c->f->sup;
    rd_str(c, s->supplier, sizeof s->supplier, N_("the supplier"));
    rd_str(c, s->mainframe_id, sizeof s->mainframe_id, N_("the OTDR mainframe ID"));
    rd_str(c, s->mainframe_sn, sizeof s->mainframe_sn, N_("the mainframe serial number"));
    rd_str(c, s->module_id, sizeof s->module_id, N_("the optical module ID"));
    rd_str(c, s->module_sn, sizeof s->module_sn, N_("the module serial number"));
    rd_str(c, s->software_rev, sizeof s->software_rev, N_("the software revision"));
    rd_str(c, s->other, sizeof s->other, N_("the other supplier information"));
    return !c->bad;
}

static bool read_fxd(Cur *c)
{
    SorFile *f = c->f;
    SorFxdParams *x = &f->fxd;
    bool v2 = f->version == 2;
    x->date_time_unix = rd_u32(c, N_("the date and time"));
    rd_c2(c, x->distance_units, N_("the distance units"));
    size_t wl_at = c->pos;
    x->wavelength_01nm = rd_u16(c, N_("the actual wavelength"));
    x->acq_offset_100ps = rd_i32(c, N_("the acquisition offset"));
    if (v2) {
        x->acq_offset_distance = rd_i32(c, N_("the acquisition offset distance"));
    }
    size_t n_at = c->pos;
    uint16_t n = rd_u16(c, N_("the pulse-width count"));
    if (c->bad) {
        return false;
    }
    if (n < 1 || n > SOR_MAX_PULSES) {
        DiagArgs a = {0};
        diag_arg_int(&a, "max", SOR_MAX_PULSES);
        diag_arg_int(&a, "count", n);
        /* "{count}": the value alone, nothing to translate (same below). */
        cur_fail(c, n_at, N_("a pulse-width count of 1 to {max}"), "{count}", &a);
        return false;
    }
    x->pulse_count = n;
    for (unsigned i = 0; i < n; i++) {
        x->pulse_width_ns[i] = rd_u16(c, N_("the pulse width"));
    }
    for (unsigned i = 0; i < n; i++) {
        x->data_spacing[i] = rd_i32(c, N_("the data spacing"));
    }
    for (unsigned i = 0; i < n; i++) {
        x->points_per_pulse[i] = rd_i32(c, N_("the number of points"));
    }
    size_t gi_at = c->pos;
    x->group_index_e5 = rd_u32(c, N_("the group index"));
    x->backscatter_neg_01db = rd_u16(c, N_("the backscatter coefficient"));
    x->num_averages = rd_i32(c, N_("the number of averages"));
    if (v2) {
        x->averaging_time_01s = rd_u16(c, N_("the averaging time"));
    }
    x->range_100ps = rd_i32(c, N_("the acquisition range"));
    if (v2) {
        x->range_distance = rd_i32(c, N_("the acquisition range distance"));
    }
    x->front_panel_offset_100ps = rd_i32(c, N_("the front panel offset"));
    x->noise_floor_neg_0001db = rd_u16(c, N_("the noise floor level"));
    x->noise_floor_scale_e3 = rd_i16(c, N_("the noise floor scale"));
    x->power_offset_0001db = rd_u16(c, N_("the power offset of the first point"));
    x->loss_threshold_0001db = rd_u16(c, N_("the loss threshold"));
    x->refl_threshold_neg_0001db = rd_u16(c, N_("the reflectance threshold"));
    x->eof_threshold_0001db = rd_u16(c, N_("the end-of-fibre threshold"));
    if (v2) {
        rd_c2(c, x->trace_type, N_("the trace type"));
        for (int i = 0; i < 4; i++) {
            x->window[i] = rd_i32(c, N_("the window coordinates"));
        }
    }
    if (c->bad) {
        return false;
    }
    /* Distances divide by the group index: refuse what no fibre has. */
    if (x->group_index_e5 < 100000u || x->group_index_e5 > 200000u) {
        DiagArgs a = {0};
        diag_arg_int(&a, "value", x->group_index_e5);
        cur_fail(c, gi_at, N_("a group index x 100000 between 100000 and 200000 (1.0 to 2.0)"),
                 "{value}", &a);
        return false;
    }
    if (x->data_spacing[0] <= 0) {
        DiagArgs a = {0};
        diag_arg_int(&a, "value", x->data_spacing[0]);
        cur_fail(c, n_at + 2 + 2 * (size_t)n, N_("a positive data spacing (100 ps per 10000 samples)"),
                 "{value}", &a);
        return false;
    }
    /* Noyes stores plain nm where everyone else stores 0.1 nm (SOR.md). No
     * OTDR works below 600 nm, so 600..2000 can only be nm. */
    if (x->wavelength_01nm >= 600 && x->wavelength_01nm <= 2000) {
        DiagArgs a = {0};
        diag_arg_int(&a, "stored", x->wavelength_01nm);
        sor_note(f, c->block, wl_at, N_("wavelength stored as {stored} (nm, not 0.1 nm): read as {stored}.0 nm"), &a);
        x->wavelength_01nm = (uint16_t)(x->wavelength_01nm * 10u);
    }
    return true;
}

static bool read_events(Cur *c)
{
    SorFile *f = c->f;
    size_t fixed = f->version == 2 ? EVENT_FIXED_V2 : EVENT_FIXED_V1;
    size_t count_at = c->pos;
    uint16_t n = rd_u16(c, N_("the event count"));
    if (c->bad) {
        return false;
    }
    /* Each event is its fixed part plus at least the comment's NUL. */
    if ((size_t)n * (fixed + 1) > c->end - c->pos) {
        DiagArgs a = {0};
        diag_arg_int(&a, "count", n);
        diag_arg_int(&a, "each", (long long)(fixed + 1));
        diag_arg_int(&a, "left", (long long)(c->end - c->pos));
        cur_fail(c, count_at, N_("room for {count} events (at least {each} bytes each)"),
                 N_("{left} bytes left in the block"), &a);
        return false;
    }
    if (!sor_alloc_events(f, n)) {
        cur_fail(c, count_at, N_("memory for the events"), N_("out of memory"), NULL);
        return false;
    }
    for (size_t i = 0; i < n && !c->bad; i++) {
        SorEvent *e = &f->events[i];
        e->number = rd_i16(c, N_("the event number"));
        e->time_100ps = rd_i32(c, N_("the event propagation time"));
        e->slope_0001db_km = rd_i16(c, N_("the event lead-in slope"));
        e->loss_0001db = rd_i16(c, N_("the event loss"));
        e->reflectance_0001db = rd_i32(c, N_("the event reflectance"));
        rd_bytes(c, e->code, 6, N_("the event code"));
        rd_c2(c, e->loss_technique, N_("the loss measurement technique"));
        if (f->version == 2) {
            for (int m = 0; m < SOR_MARK_COUNT; m++) {
                e->markers_100ps[m] = rd_i32(c, N_("the event marker"));
            }
        }
        rd_str(c, e->comment, sizeof e->comment, N_("the event comment"));
    }
    if (c->bad) {
        return false;
    }
    if (c->end - c->pos < SUMMARY_BYTES) {
        DiagArgs a = {0};
        diag_arg_int(&a, "left", (long long)(c->end - c->pos));
        diag_arg_int(&a, "size", SUMMARY_BYTES);
        sor_note(f, c->block, c->pos, N_("no summary after the last event ({left} bytes left, {size} expected)"), &a);
        return true;
    }
    SorSummary *s = &f->summary;
    s->total_loss_0001db = rd_i32(c, N_("the end-to-end loss"));
    s->loss_start_100ps = rd_i32(c, N_("the end-to-end loss start"));
    s->loss_end_100ps = rd_i32(c, N_("the end-to-end loss end"));
    s->orl_0001db = rd_u16(c, N_("the optical return loss"));
    s->orl_start_100ps = rd_i32(c, N_("the ORL start"));
    s->orl_end_100ps = rd_i32(c, N_("the ORL end"));
    f->has_summary = !c->bad;
    return !c->bad;
}

/* LnkParams: no sample has one, so its layout is unverified; a failure only
 * drops the landmarks with a note. */
static void read_links(Cur *c)
{
    SorFile *f = c->f;
    SorError lerr;
    memset(&lerr, 0, sizeof lerr);
    Cur lc = *c;
    lc.err = &lerr;
    size_t count_at = lc.pos;
    int16_t n = rd_i16(&lc, N_("the landmark count"));
    if (!lc.bad && (n < 0 || (size_t)n * (LANDMARK_FIXED + 1) > lc.end - lc.pos)) {
        DiagArgs a = {0};
        diag_arg_int(&a, "count", n);
        diag_arg_int(&a, "each", LANDMARK_FIXED + 1);
        diag_arg_int(&a, "left", (long long)(lc.end - lc.pos));
        cur_fail(&lc, count_at, N_("room for {count} landmarks (at least {each} bytes each)"),
                 N_("{left} bytes left in the block"), &a);
    }
    if (!lc.bad && !sor_alloc_landmarks(f, (size_t)n)) {
        cur_fail(&lc, count_at, N_("memory for the landmarks"), N_("out of memory"), NULL);
    }
    for (size_t i = 0; !lc.bad && i < f->landmark_count; i++) {
        SorLandmark *l = &f->landmarks[i];
        l->number = rd_i16(&lc, N_("the landmark number"));
        rd_c2(&lc, l->code, N_("the landmark code"));
        l->location_100ps = rd_i32(&lc, N_("the landmark location"));
        l->related_event = rd_i16(&lc, N_("the related event number"));
        l->gps_longitude = rd_i32(&lc, N_("the GPS longitude"));
        l->gps_latitude = rd_i32(&lc, N_("the GPS latitude"));
        l->fibre_correction_001pct = rd_i16(&lc, N_("the fibre correction factor"));
        l->sheath_in = rd_i32(&lc, N_("the sheath marker entering"));
        l->sheath_out = rd_i32(&lc, N_("the sheath marker leaving"));
        rd_c2(&lc, l->sheath_units, N_("the sheath marker units"));
        l->mode_field_diameter = rd_i16(&lc, N_("the mode-field diameter"));
        rd_str(&lc, l->comment, sizeof l->comment, N_("the landmark comment"));
    }
    if (lc.bad) {
        /* The note's own offset is the error's: its parts are enough. */
        DiagArgs a = lerr.args;
        diag_arg_msgid(&a, "expected", lerr.expected_tmpl);
        diag_arg_msgid(&a, "found", lerr.found_tmpl);
        sor_note(f, c->block, lerr.offset,
                 N_("landmarks dropped (layout unverified): expected {expected}, found {found}"), &a);
        sor_alloc_landmarks(f, 0);
        return;
    }
    f->has_links = true;
}

static bool read_data(Cur *c)
{
    SorFile *f = c->f;
    f->data_total_points = rd_u32(c, N_("the total number of points"));
    size_t sets_at = c->pos;
    int16_t nsets = rd_i16(c, N_("the number of scale-factor sets"));
    if (c->bad) {
        return false;
    }
    if (nsets < 0 || (size_t)nsets * 6 > c->end - c->pos) {
        DiagArgs a = {0};
        diag_arg_int(&a, "count", nsets);
        diag_arg_int(&a, "left", (long long)(c->end - c->pos));
        cur_fail(c, sets_at, N_("a number of scale-factor sets that fits the block (6 bytes each)"),
                 N_("{count} sets, {left} bytes left"), &a);
        return false;
    }
    /* Pass 1: check every set fits and count the samples. */
    size_t start = c->pos;
    size_t total = 0;
    for (int s = 0; s < nsets; s++) {
        size_t set_at = c->pos;
        uint32_t count = rd_u32(c, N_("the number of points of a scale-factor set"));
        rd_i16(c, N_("the scale factor"));
        if (c->bad) {
            return false;
        }
        if ((uint64_t)count * 2u > c->end - c->pos) {
            DiagArgs a = {0};
            diag_arg_int(&a, "count", count);
            diag_arg_int(&a, "set", s + 1);
            diag_arg_int(&a, "left", (long long)(c->end - c->pos));
            diag_arg_int(&a, "end", (long long)c->end);
            cur_fail(c, set_at, N_("{count} samples of 2 bytes for set {set}"),
                     N_("{left} bytes left before the block ends at byte {end}"), &a);
            return false;
        }
        c->pos += (size_t)count * 2u;
        total += count;
    }
    /* Pass 2: copy. */
    f->sets = nsets ? calloc((size_t)nsets, sizeof *f->sets) : NULL;
    f->points = total ? malloc(total * sizeof *f->points) : NULL;
    if ((nsets && !f->sets) || (total && !f->points)) {
        cur_fail(c, sets_at, N_("memory for the data points"), N_("out of memory"), NULL);
        return false;
    }
    f->set_count = (size_t)nsets;
    c->pos = start;
    size_t k = 0;
    for (int s = 0; s < nsets; s++) {
        f->sets[s].count = rd_u32(c, N_("the number of points"));
        f->sets[s].scale_e3 = rd_i16(c, N_("the scale factor"));
        const uint8_t *p = c->data + c->pos;
        for (uint32_t i = 0; i < f->sets[s].count; i++) {
            f->points[k++] = (uint16_t)(p[2 * i] | (p[2 * i + 1] << 8));
        }
        c->pos += (size_t)f->sets[s].count * 2u;
    }
    f->point_count = total;
    if (f->data_total_points != total) {
        DiagArgs a = {0};
        diag_arg_int(&a, "stated", f->data_total_points);
        diag_arg_int(&a, "count", (long long)total);
        sor_note(f, c->block, sets_at - 4, N_("DataPts says {stated} points, its sets hold {count}"), &a);
    }
    return !c->bad;
}

static bool read_cksum(Cur *c)
{
    SorFile *f = c->f;
    size_t at = c->pos;
    uint16_t stored = rd_u16(c, N_("the checksum"));
    if (c->bad) {
        return false;
    }
    f->cksum.stored = stored;
    f->cksum.covered_bytes = at;
    sor_crc16_pair(c->data, at, &f->cksum.ccitt_false, &f->cksum.xmodem);
    if (stored == f->cksum.ccitt_false) {
        f->cksum.status = SOR_CKSUM_OK;
    } else if (stored == f->cksum.xmodem) {
        f->cksum.status = SOR_CKSUM_OK_XMODEM;
    } else {
        f->cksum.status = SOR_CKSUM_MISMATCH;
        char hex_stored[8], hex_computed[8];
        snprintf(hex_stored, sizeof hex_stored, "0x%04X", stored);
        snprintf(hex_computed, sizeof hex_computed, "0x%04X", f->cksum.ccitt_false);
        DiagArgs a = {0};
        diag_arg_str(&a, "stored", hex_stored);
        diag_arg_int(&a, "count", (long long)at);
        diag_arg_str(&a, "computed", hex_computed);
        sor_note(f, c->block, at,
                 N_("checksum mismatch: stored {stored}, CRC-16/CCITT-FALSE of the {count} bytes before it {computed}"),
                 &a);
    }
    return true;
}

/* ---- map and dispatch ------------------------------------------------------- */

static bool read_map(Cur *c)
{
    SorFile *f = c->f;
    size_t hdr = f->version == 2 ? 12 : 8;
    if (f->version == 2) {
        c->pos = 4;
    }
    size_t rev_at = c->pos;
    f->map_revision = rd_u16(c, N_("the Map revision"));
    size_t size_at = c->pos;
    uint32_t map_size = rd_u32(c, N_("the Map size"));
    size_t count_at = c->pos;
    uint16_t count = rd_u16(c, N_("the block count"));
    if (c->bad) {
        return false;
    }
    int major = f->map_revision / 100;
    if (major != f->version) {
        char rev[16];
        snprintf(rev, sizeof rev, "%u.%02u", f->map_revision / 100u, f->map_revision % 100u);
        DiagArgs a = {0};
        diag_arg_str(&a, "revision", rev);
        diag_arg_int(&a, "version", f->version);
        sor_note(f, "Map", rev_at, N_("revision {revision} in a version {version} file"), &a);
    }
    if (map_size < hdr || map_size > c->end) {
        DiagArgs a = {0};
        diag_arg_int(&a, "min", (long long)hdr);
        diag_arg_int(&a, "max", (long long)c->end);
        diag_arg_int(&a, "value", map_size);
        cur_fail(c, size_at, N_("a Map size between {min} bytes and the file size ({max})"), "{value}", &a);
        return false;
    }
    c->end = map_size;
    /* Each entry needs at least a NUL, a revision and a size: 7 bytes. */
    if (count < 1 || (size_t)(count - 1) * 7 > map_size - hdr) {
        DiagArgs a = {0};
        diag_arg_int(&a, "max", (long long)((map_size - hdr) / 7 + 1));
        diag_arg_int(&a, "size", map_size);
        diag_arg_int(&a, "value", count);
        cur_fail(c, count_at, N_("a block count (Map included) from 1 to {max} for a {size}-byte Map"),
                 "{value}", &a);
        return false;
    }
    f->block_count = (size_t)count - 1;
    f->blocks = f->block_count ? calloc(f->block_count, sizeof *f->blocks) : NULL;
    if (f->block_count && !f->blocks) {
        cur_fail(c, count_at, N_("memory for the block list"), N_("out of memory"), NULL);
        return false;
    }
    for (size_t i = 0; i < f->block_count && !c->bad; i++) {
        SorBlock *b = &f->blocks[i];
        rd_str(c, b->name, sizeof b->name, N_("the block name"));
        b->revision = rd_u16(c, N_("the block revision"));
        b->size = rd_u32(c, N_("the block size"));
    }
    if (c->bad) {
        return false;
    }
    if (c->pos != map_size) {
        DiagArgs a = {0};
        diag_arg_int(&a, "count", (long long)(map_size - c->pos));
        sor_note(f, "Map", c->pos, N_("{count} unused bytes at the end of the Map"), &a);
    }
    /* Block offsets: back to back after the Map. */
    uint64_t off = map_size;
    for (size_t i = 0; i < f->block_count; i++) {
        SorBlock *b = &f->blocks[i];
        b->offset = (size_t)off;
        off += b->size;
    }
    return true;
}

typedef enum KnownBlock { KB_GEN, KB_SUP, KB_FXD, KB_EVENTS, KB_LINKS, KB_DATA, KB_CKSUM, KB_COUNT } KnownBlock;

static const char *const known_names[KB_COUNT] = {
    "GenParams", "SupParams", "FxdParams", "KeyEvents", "LnkParams", "DataPts", "Cksum",
};

static int known_block(const char *name)
{
    for (int i = 0; i < KB_COUNT; i++) {
        if (strcmp(name, known_names[i]) == 0) {
            return i;
        }
    }
    return -1;
}

/* Version 2 blocks start with their own name and a NUL. */
static bool check_header(Cur *c, const char *name)
{
    size_t n = strlen(name) + 1;
    if (c->end - c->pos < n || memcmp(c->data + c->pos, name, n) != 0) {
        char esc[120];
        size_t avail = c->end - c->pos < n ? c->end - c->pos : n;
        sor_escape(esc, sizeof esc, (const char *)c->data + c->pos, avail);
        DiagArgs a = {0};
        diag_arg_str(&a, "name", name);
        diag_arg_str(&a, "text", esc);
        diag_arg_int(&a, "count", (long long)avail);
        cur_fail(c, c->pos, N_("the block name \"{name}\" and a NUL"), N_("\"{text}\" ({count} bytes)"), &a);
        return false;
    }
    c->pos += n;
    return true;
}

static bool read_block(Cur *c, int kind)
{
    switch (kind) {
    case KB_GEN:
        return (c->f->has_gen = read_gen(c));
    case KB_SUP:
        return (c->f->has_sup = read_sup(c));
    case KB_FXD:
        return read_fxd(c);
    case KB_EVENTS:
        return (c->f->has_events = read_events(c));
    case KB_LINKS:
        read_links(c);
        return true;
    case KB_DATA:
        return read_data(c);
    case KB_CKSUM:
        return read_cksum(c);
    default:
        return true;
    }
}

static void zero_file(SorFile *f)
{
    memset(f, 0, sizeof *f);
    f->distance_scale = 1.0;
}

bool sor_read(SorFile *f, const uint8_t *data, size_t size, SorError *err)
{
    zero_file(f);
    SorError scratch;
    if (!err) {
        err = &scratch;
    }
    memset(err, 0, sizeof *err);
    Cur c = {.data = data, .pos = 0, .end = size, .block = "Map", .err = err, .f = f};
    if (!data || size < 8) {
        DiagArgs a = {0};
        diag_arg_int(&a, "count", (long long)(data ? size : 0));
        cur_fail(&c, 0, N_("a SOR file (at least 8 bytes: the Map header)"), N_("{count} bytes"), &a);
        return false;
    }
    if (memcmp(data, "Map\0", 4) == 0) {
        f->version = 2;
    } else {
        uint16_t rev = (uint16_t)(data[0] | (data[1] << 8));
        if (rev < 100 || rev > 199) {
            char esc[40];
            sor_escape(esc, sizeof esc, (const char *)data, 4);
            DiagArgs a = {0};
            diag_arg_str(&a, "text", esc);
            cur_fail(&c, 0, N_("\"Map\" and a NUL (version 2) or a revision 100..199 (version 1)"), N_("\"{text}\""),
                     &a);
            return false;
        }
        f->version = 1;
    }
    if (!read_map(&c)) {
        return false;
    }

    bool seen[KB_COUNT] = {false};
    size_t end_of_blocks = c.end;
    for (size_t i = 0; i < f->block_count; i++) {
        const SorBlock *b = &f->blocks[i];
        Cur bc = {.data = data, .pos = b->offset, .end = size, .block = b->name, .err = err, .f = f};
        if ((uint64_t)b->offset + b->size > size) {
            DiagArgs a = {0};
            diag_arg_int(&a, "size", b->size);
            diag_arg_int(&a, "index", (long long)(i + 1));
            diag_arg_int(&a, "end", (long long)size);
            cur_fail(&bc, b->offset, N_("{size} bytes of block {index} (as the Map says)"),
                     N_("the end of the file at byte {end} (truncated?)"), &a);
            return false;
        }
        bc.end = b->offset + b->size;
        end_of_blocks = bc.end;
        int kind = known_block(b->name);
        if (kind < 0) {
            continue; /* vendor block: skipped by size */
        }
        if (seen[kind]) {
            DiagArgs a = {0};
            diag_arg_str(&a, "name", b->name);
            sor_note(f, b->name, b->offset, N_("second {name} block ignored"), &a);
            continue;
        }
        seen[kind] = true;
        if (f->version == 2 && !check_header(&bc, b->name)) {
            return false;
        }
        if (!read_block(&bc, kind)) {
            return false;
        }
    }
    if (end_of_blocks < size) {
        f->trailing_bytes = size - end_of_blocks;
        DiagArgs a = {0};
        diag_arg_int(&a, "count", (long long)f->trailing_bytes);
        sor_note(f, "", end_of_blocks, N_("{count} bytes after the last block"), &a);
    }
    Cur fc = {.data = data, .pos = 0, .end = size, .block = "", .err = err, .f = f};
    if (!seen[KB_FXD] || !seen[KB_DATA]) {
        DiagArgs a = {0};
        diag_arg_str(&a, "name", seen[KB_FXD] ? "DataPts" : "FxdParams");
        cur_fail(&fc, 0, N_("a {name} block in the Map"), N_("none"), &a);
        return false;
    }
    if (!seen[KB_CKSUM]) {
        f->cksum.status = SOR_CKSUM_ABSENT;
    }
    if (f->fxd.points_per_pulse[0] >= 0 && (size_t)f->fxd.points_per_pulse[0] != f->point_count) {
        size_t fxd_at = 0;
        for (size_t i = 0; i < f->block_count; i++) {
            if (strcmp(f->blocks[i].name, "FxdParams") == 0) {
                fxd_at = f->blocks[i].offset;
                break;
            }
        }
        DiagArgs a = {0};
        diag_arg_int(&a, "stated", f->fxd.points_per_pulse[0]);
        diag_arg_int(&a, "count", (long long)f->point_count);
        sor_note(f, "FxdParams", fxd_at, N_("FxdParams says {stated} points, DataPts holds {count}"), &a);
    }
    /* Old Noyes OFL250 files store distances 10 times too large (SOR.md [P]). */
    if (strncmp(f->sup.mainframe_id, "OFL250", 6) == 0
        && (f->sup.mainframe_id[6] == '\0' || f->sup.mainframe_id[6] == ' ')) {
        f->distance_scale = 0.1;
        sor_note(f, "SupParams", 0, N_("Noyes OFL250: distances scaled by 0.1"), NULL);
    }
    return true;
}

bool sor_read_file(SorFile *f, const char *path, SorError *err)
{
    zero_file(f);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        sor_error_set(err, "", 0, N_("a readable file"), diag_errno_text(errno), NULL);
        return false;
    }
    /* Start with the file's size when known, so one read is enough. */
    size_t cap = 1 << 16, len = 0;
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0
        && (uint64_t)st.st_size < SOR_FILE_MAX_BYTES) {
        cap = (size_t)st.st_size + 1;
    }
    uint8_t *buf = malloc(cap);
    bool ok = buf != NULL;
    while (ok) {
        if (len == cap) {
            if (cap >= SOR_FILE_MAX_BYTES) {
                sor_error_set(err, "", len, N_("a file of at most 64 MiB"), N_("a larger file"), NULL);
                ok = false;
                break;
            }
            uint8_t *grown = realloc(buf, cap * 2);
            if (!grown) {
                ok = false;
                sor_error_set(err, "", len, N_("memory to read the file"), N_("out of memory"), NULL);
                break;
            }
            buf = grown;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0) {
            if (ferror(fp)) {
                sor_error_set(err, "", len, N_("a readable file"), N_("a read error"), NULL);
                ok = false;
            }
            break;
        }
    }
    if (!buf) {
        sor_error_set(err, "", 0, N_("memory to read the file"), N_("out of memory"), NULL);
    }
    fclose(fp);
    if (ok) {
        ok = sor_read(f, buf, len, err);
    }
    free(buf);
    return ok;
}
