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

static void cur_fail(Cur *c, size_t at, const char *expected, const char *found)
{
    if (!c->bad) {
        sor_error_set(c->err, c->block, at, expected, found);
    }
    c->bad = true;
}

static bool need(Cur *c, size_t n, const char *what)
{
    if (c->bad) {
        return false;
    }
    if (c->end - c->pos >= n) {
        return true;
    }
    char exp[160], fnd[160];
    snprintf(exp, sizeof exp, "%zu bytes for the %s", n, what);
    snprintf(fnd, sizeof fnd, "%zu bytes left before the block ends at byte %zu", c->end - c->pos,
             c->end);
    cur_fail(c, c->pos, exp, fnd);
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
        char exp[160], fnd[160];
        snprintf(exp, sizeof exp, "a NUL-terminated string (the %s)", what);
        snprintf(fnd, sizeof fnd, "no NUL in the %zu bytes before the block ends at byte %zu", left,
                 c->end);
        cur_fail(c, c->pos, exp, fnd);
        return;
    }
    size_t len = (size_t)(nul - s);
    if (!fs_strlcpy(dst, s, cap)) {
        sor_note(c->f, c->block, c->pos, "%s is %zu bytes long: cut to %zu", what, len, cap - 1);
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
    rd_c2(c, g->language, "language code");
    rd_str(c, g->cable_id, sizeof g->cable_id, "cable ID");
    rd_str(c, g->fibre_id, sizeof g->fibre_id, "fibre ID");
    if (f->version == 2) {
        g->fibre_type = rd_i16(c, "fibre type");
    }
    g->nominal_wavelength_nm = rd_i16(c, "nominal wavelength");
    rd_str(c, g->origin, sizeof g->origin, "originating location");
    rd_str(c, g->end, sizeof g->end, "terminating location");
    rd_str(c, g->cable_code, sizeof g->cable_code, "cable code");
    rd_c2(c, g->build_condition, "build condition");
    g->user_offset_100ps = rd_i32(c, "user offset");
    if (f->version == 2) {
        g->user_offset_distance = rd_i32(c, "user offset distance");
    }
    rd_str(c, g->operator_name, sizeof g->operator_name, "operator");
    rd_str(c, g->comment, sizeof g->comment, "comment");
    if (c->bad) {
        return false;
    }
    if (!printable2(g->language)) {
        char hex[32];
        sor_escape(hex, sizeof hex, g->language, 2);
        sor_note(f, c->block, at, "language code is not two ASCII letters (%s)", hex);
    }
    return true;
}

static bool read_sup(Cur *c)
{
    SorSupParams *s = &c->f->sup;
    rd_str(c, s->supplier, sizeof s->supplier, "supplier");
    rd_str(c, s->mainframe_id, sizeof s->mainframe_id, "OTDR mainframe ID");
    rd_str(c, s->mainframe_sn, sizeof s->mainframe_sn, "mainframe serial number");
    rd_str(c, s->module_id, sizeof s->module_id, "optical module ID");
    rd_str(c, s->module_sn, sizeof s->module_sn, "module serial number");
    rd_str(c, s->software_rev, sizeof s->software_rev, "software revision");
    rd_str(c, s->other, sizeof s->other, "other supplier information");
    return !c->bad;
}

static bool read_fxd(Cur *c)
{
    SorFile *f = c->f;
    SorFxdParams *x = &f->fxd;
    bool v2 = f->version == 2;
    x->date_time_unix = rd_u32(c, "date and time");
    rd_c2(c, x->distance_units, "distance units");
    size_t wl_at = c->pos;
    x->wavelength_01nm = rd_u16(c, "actual wavelength");
    x->acq_offset_100ps = rd_i32(c, "acquisition offset");
    if (v2) {
        x->acq_offset_distance = rd_i32(c, "acquisition offset distance");
    }
    size_t n_at = c->pos;
    uint16_t n = rd_u16(c, "pulse-width count");
    if (c->bad) {
        return false;
    }
    if (n < 1 || n > SOR_MAX_PULSES) {
        char exp[160], fnd[160];
        snprintf(exp, sizeof exp, "a pulse-width count of 1 to %d", SOR_MAX_PULSES);
        snprintf(fnd, sizeof fnd, "%u", (unsigned)n);
        cur_fail(c, n_at, exp, fnd);
        return false;
    }
    x->pulse_count = n;
    for (unsigned i = 0; i < n; i++) {
        x->pulse_width_ns[i] = rd_u16(c, "pulse width");
    }
    for (unsigned i = 0; i < n; i++) {
        x->data_spacing[i] = rd_i32(c, "data spacing");
    }
    for (unsigned i = 0; i < n; i++) {
        x->points_per_pulse[i] = rd_i32(c, "number of points");
    }
    size_t gi_at = c->pos;
    x->group_index_e5 = rd_u32(c, "group index");
    x->backscatter_neg_01db = rd_u16(c, "backscatter coefficient");
    x->num_averages = rd_i32(c, "number of averages");
    if (v2) {
        x->averaging_time_01s = rd_u16(c, "averaging time");
    }
    x->range_100ps = rd_i32(c, "acquisition range");
    if (v2) {
        x->range_distance = rd_i32(c, "acquisition range distance");
    }
    x->front_panel_offset_100ps = rd_i32(c, "front panel offset");
    x->noise_floor_neg_0001db = rd_u16(c, "noise floor level");
    x->noise_floor_scale_e3 = rd_i16(c, "noise floor scale");
    x->power_offset_0001db = rd_u16(c, "power offset first point");
    x->loss_threshold_0001db = rd_u16(c, "loss threshold");
    x->refl_threshold_neg_0001db = rd_u16(c, "reflectance threshold");
    x->eof_threshold_0001db = rd_u16(c, "end-of-fibre threshold");
    if (v2) {
        rd_c2(c, x->trace_type, "trace type");
        for (int i = 0; i < 4; i++) {
            x->window[i] = rd_i32(c, "window coordinates");
        }
    }
    if (c->bad) {
        return false;
    }
    /* Distances divide by the group index: refuse what no fibre has. */
    if (x->group_index_e5 < 100000u || x->group_index_e5 > 200000u) {
        char fnd[64];
        snprintf(fnd, sizeof fnd, "%lu", (unsigned long)x->group_index_e5);
        cur_fail(c, gi_at, "a group index x 100000 between 100000 and 200000 (1.0 to 2.0)", fnd);
        return false;
    }
    if (x->data_spacing[0] <= 0) {
        char fnd[64];
        snprintf(fnd, sizeof fnd, "%ld", (long)x->data_spacing[0]);
        cur_fail(c, n_at + 2 + 2 * (size_t)n, "a positive data spacing (100 ps per 10000 samples)", fnd);
        return false;
    }
    /* Noyes stores plain nm where everyone else stores 0.1 nm (SOR.md). No
     * OTDR works below 600 nm, so 600..2000 can only be nm. */
    if (x->wavelength_01nm >= 600 && x->wavelength_01nm <= 2000) {
        sor_note(f, c->block, wl_at, "wavelength stored as %u (nm, not 0.1 nm): read as %u.0 nm",
                 (unsigned)x->wavelength_01nm, (unsigned)x->wavelength_01nm);
        x->wavelength_01nm = (uint16_t)(x->wavelength_01nm * 10u);
    }
    return true;
}

static bool read_events(Cur *c)
{
    SorFile *f = c->f;
    size_t fixed = f->version == 2 ? EVENT_FIXED_V2 : EVENT_FIXED_V1;
    size_t count_at = c->pos;
    uint16_t n = rd_u16(c, "event count");
    if (c->bad) {
        return false;
    }
    /* Each event is its fixed part plus at least the comment's NUL. */
    if ((size_t)n * (fixed + 1) > c->end - c->pos) {
        char exp[160], fnd[160];
        snprintf(exp, sizeof exp, "room for %u events (at least %zu bytes each)", (unsigned)n,
                 fixed + 1);
        snprintf(fnd, sizeof fnd, "%zu bytes left in the block", c->end - c->pos);
        cur_fail(c, count_at, exp, fnd);
        return false;
    }
    if (!sor_alloc_events(f, n)) {
        cur_fail(c, count_at, "memory for the events", "allocation failure");
        return false;
    }
    for (size_t i = 0; i < n && !c->bad; i++) {
        SorEvent *e = &f->events[i];
        e->number = rd_i16(c, "event number");
        e->time_100ps = rd_i32(c, "event propagation time");
        e->slope_0001db_km = rd_i16(c, "event lead-in slope");
        e->loss_0001db = rd_i16(c, "event loss");
        e->reflectance_0001db = rd_i32(c, "event reflectance");
        rd_bytes(c, e->code, 6, "event code");
        rd_c2(c, e->loss_technique, "loss measurement technique");
        if (f->version == 2) {
            for (int m = 0; m < SOR_MARK_COUNT; m++) {
                e->markers_100ps[m] = rd_i32(c, "event marker");
            }
        }
        rd_str(c, e->comment, sizeof e->comment, "event comment");
    }
    if (c->bad) {
        return false;
    }
    if (c->end - c->pos < SUMMARY_BYTES) {
        sor_note(f, c->block, c->pos, "no summary after the last event (%zu bytes left, 22 expected)",
                 c->end - c->pos);
        return true;
    }
    SorSummary *s = &f->summary;
    s->total_loss_0001db = rd_i32(c, "end-to-end loss");
    s->loss_start_100ps = rd_i32(c, "end-to-end loss start");
    s->loss_end_100ps = rd_i32(c, "end-to-end loss end");
    s->orl_0001db = rd_u16(c, "optical return loss");
    s->orl_start_100ps = rd_i32(c, "ORL start");
    s->orl_end_100ps = rd_i32(c, "ORL end");
    f->has_summary = !c->bad;
    return !c->bad;
}

/* LnkParams: no sample has one, so its layout is unverified; a failure only
 * drops the landmarks with a note. */
static void read_links(Cur *c)
{
    SorFile *f = c->f;
    SorError lerr;
    Cur lc = *c;
    lc.err = &lerr;
    size_t count_at = lc.pos;
    int16_t n = rd_i16(&lc, "landmark count");
    if (!lc.bad && (n < 0 || (size_t)n * (LANDMARK_FIXED + 1) > lc.end - lc.pos)) {
        char exp[160], fnd[160];
        snprintf(exp, sizeof exp, "room for %d landmarks (at least %d bytes each)", n, LANDMARK_FIXED + 1);
        snprintf(fnd, sizeof fnd, "%zu bytes left in the block", lc.end - lc.pos);
        cur_fail(&lc, count_at, exp, fnd);
    }
    if (!lc.bad && !sor_alloc_landmarks(f, (size_t)n)) {
        cur_fail(&lc, count_at, "memory for the landmarks", "allocation failure");
    }
    for (size_t i = 0; !lc.bad && i < f->landmark_count; i++) {
        SorLandmark *l = &f->landmarks[i];
        l->number = rd_i16(&lc, "landmark number");
        rd_c2(&lc, l->code, "landmark code");
        l->location_100ps = rd_i32(&lc, "landmark location");
        l->related_event = rd_i16(&lc, "related event number");
        l->gps_longitude = rd_i32(&lc, "GPS longitude");
        l->gps_latitude = rd_i32(&lc, "GPS latitude");
        l->fibre_correction_001pct = rd_i16(&lc, "fibre correction factor");
        l->sheath_in = rd_i32(&lc, "sheath marker entering");
        l->sheath_out = rd_i32(&lc, "sheath marker leaving");
        rd_c2(&lc, l->sheath_units, "sheath marker units");
        l->mode_field_diameter = rd_i16(&lc, "mode-field diameter");
        rd_str(&lc, l->comment, sizeof l->comment, "landmark comment");
    }
    if (lc.bad) {
        char msg[400];
        sor_error_format(&lerr, msg, sizeof msg);
        sor_note(f, c->block, lerr.offset, "landmarks dropped (layout unverified): %.150s", msg);
        sor_alloc_landmarks(f, 0);
        return;
    }
    f->has_links = true;
}

static bool read_data(Cur *c)
{
    SorFile *f = c->f;
    f->data_total_points = rd_u32(c, "total number of points");
    size_t sets_at = c->pos;
    int16_t nsets = rd_i16(c, "number of scale-factor sets");
    if (c->bad) {
        return false;
    }
    if (nsets < 0 || (size_t)nsets * 6 > c->end - c->pos) {
        char exp[160], fnd[160];
        snprintf(exp, sizeof exp, "a number of scale-factor sets that fits the block (6 bytes each)");
        snprintf(fnd, sizeof fnd, "%d sets, %zu bytes left", nsets, c->end - c->pos);
        cur_fail(c, sets_at, exp, fnd);
        return false;
    }
    /* Pass 1: check every set fits and count the samples. */
    size_t start = c->pos;
    size_t total = 0;
    for (int s = 0; s < nsets; s++) {
        size_t set_at = c->pos;
        uint32_t count = rd_u32(c, "number of points of a scale-factor set");
        rd_i16(c, "scale factor");
        if (c->bad) {
            return false;
        }
        if ((uint64_t)count * 2u > c->end - c->pos) {
            char exp[160], fnd[160];
            snprintf(exp, sizeof exp, "%lu samples (%llu bytes) for set %d", (unsigned long)count,
                     (unsigned long long)count * 2u, s + 1);
            snprintf(fnd, sizeof fnd, "%zu bytes left before the block ends at byte %zu",
                     c->end - c->pos, c->end);
            cur_fail(c, set_at, exp, fnd);
            return false;
        }
        c->pos += (size_t)count * 2u;
        total += count;
    }
    /* Pass 2: copy. */
    f->sets = nsets ? calloc((size_t)nsets, sizeof *f->sets) : NULL;
    f->points = total ? malloc(total * sizeof *f->points) : NULL;
    if ((nsets && !f->sets) || (total && !f->points)) {
        cur_fail(c, sets_at, "memory for the data points", "allocation failure");
        return false;
    }
    f->set_count = (size_t)nsets;
    c->pos = start;
    size_t k = 0;
    for (int s = 0; s < nsets; s++) {
        f->sets[s].count = rd_u32(c, "number of points");
        f->sets[s].scale_e3 = rd_i16(c, "scale factor");
        const uint8_t *p = c->data + c->pos;
        for (uint32_t i = 0; i < f->sets[s].count; i++) {
            f->points[k++] = (uint16_t)(p[2 * i] | (p[2 * i + 1] << 8));
        }
        c->pos += (size_t)f->sets[s].count * 2u;
    }
    f->point_count = total;
    if (f->data_total_points != total) {
        sor_note(f, c->block, sets_at - 4, "DataPts says %lu points, its sets hold %zu",
                 (unsigned long)f->data_total_points, total);
    }
    return !c->bad;
}

static bool read_cksum(Cur *c)
{
    SorFile *f = c->f;
    size_t at = c->pos;
    uint16_t stored = rd_u16(c, "checksum");
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
        sor_note(f, c->block, at,
                 "checksum mismatch: stored 0x%04X, CRC-16/CCITT-FALSE of the %zu bytes before it 0x%04X",
                 stored, at, f->cksum.ccitt_false);
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
    f->map_revision = rd_u16(c, "Map revision");
    size_t size_at = c->pos;
    uint32_t map_size = rd_u32(c, "Map size");
    size_t count_at = c->pos;
    uint16_t count = rd_u16(c, "block count");
    if (c->bad) {
        return false;
    }
    int major = f->map_revision / 100;
    if (major != f->version) {
        sor_note(f, "Map", rev_at, "revision %u.%02u in a version %d file", f->map_revision / 100u,
                 f->map_revision % 100u, f->version);
    }
    if (map_size < hdr || map_size > c->end) {
        char exp[160], fnd[160];
        snprintf(exp, sizeof exp, "a Map size between %zu bytes and the file size (%zu)", hdr, c->end);
        snprintf(fnd, sizeof fnd, "%lu", (unsigned long)map_size);
        cur_fail(c, size_at, exp, fnd);
        return false;
    }
    c->end = map_size;
    /* Each entry needs at least a NUL, a revision and a size: 7 bytes. */
    if (count < 1 || (size_t)(count - 1) * 7 > map_size - hdr) {
        char exp[160], fnd[160];
        snprintf(exp, sizeof exp, "a block count (Map included) from 1 to %zu for a %lu-byte Map",
                 (map_size - hdr) / 7 + 1, (unsigned long)map_size);
        snprintf(fnd, sizeof fnd, "%u", (unsigned)count);
        cur_fail(c, count_at, exp, fnd);
        return false;
    }
    f->block_count = (size_t)count - 1;
    f->blocks = f->block_count ? calloc(f->block_count, sizeof *f->blocks) : NULL;
    if (f->block_count && !f->blocks) {
        cur_fail(c, count_at, "memory for the block list", "allocation failure");
        return false;
    }
    for (size_t i = 0; i < f->block_count && !c->bad; i++) {
        SorBlock *b = &f->blocks[i];
        rd_str(c, b->name, sizeof b->name, "block name");
        b->revision = rd_u16(c, "block revision");
        b->size = rd_u32(c, "block size");
    }
    if (c->bad) {
        return false;
    }
    if (c->pos != map_size) {
        sor_note(f, "Map", c->pos, "%zu unused bytes at the end of the Map", map_size - c->pos);
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
        char exp[160], fnd[160], esc[120];
        size_t avail = c->end - c->pos < n ? c->end - c->pos : n;
        sor_escape(esc, sizeof esc, (const char *)c->data + c->pos, avail);
        snprintf(exp, sizeof exp, "the block name \"%s\" and a NUL", name);
        snprintf(fnd, sizeof fnd, "\"%s\" (%zu bytes)", esc, avail);
        cur_fail(c, c->pos, exp, fnd);
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
        char fnd[64];
        snprintf(fnd, sizeof fnd, "%zu bytes", data ? size : 0);
        cur_fail(&c, 0, "a SOR file (at least 8 bytes: the Map header)", fnd);
        return false;
    }
    if (memcmp(data, "Map\0", 4) == 0) {
        f->version = 2;
    } else {
        uint16_t rev = (uint16_t)(data[0] | (data[1] << 8));
        if (rev < 100 || rev > 199) {
            char fnd[64], esc[40];
            sor_escape(esc, sizeof esc, (const char *)data, 4);
            snprintf(fnd, sizeof fnd, "\"%s\"", esc);
            cur_fail(&c, 0, "\"Map\" and a NUL (version 2) or a revision 100..199 (version 1)", fnd);
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
            char exp[160], fnd[160];
            snprintf(exp, sizeof exp, "%lu bytes of block %zu (as the Map says)", (unsigned long)b->size, i + 1);
            snprintf(fnd, sizeof fnd, "the file ends at byte %zu (truncated?)", size);
            cur_fail(&bc, b->offset, exp, fnd);
            return false;
        }
        bc.end = b->offset + b->size;
        end_of_blocks = bc.end;
        int kind = known_block(b->name);
        if (kind < 0) {
            continue; /* vendor block: skipped by size */
        }
        if (seen[kind]) {
            sor_note(f, b->name, b->offset, "second %s block ignored", b->name);
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
        sor_note(f, "", end_of_blocks, "%zu bytes after the last block", f->trailing_bytes);
    }
    Cur fc = {.data = data, .pos = 0, .end = size, .block = "", .err = err, .f = f};
    if (!seen[KB_FXD]) {
        cur_fail(&fc, 0, "a FxdParams block in the Map", "none");
        return false;
    }
    if (!seen[KB_DATA]) {
        cur_fail(&fc, 0, "a DataPts block in the Map", "none");
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
        sor_note(f, "FxdParams", fxd_at, "FxdParams says %ld points, DataPts holds %zu",
                 (long)f->fxd.points_per_pulse[0], f->point_count);
    }
    /* Old Noyes OFL250 files store distances 10 times too large (SOR.md [P]). */
    if (strncmp(f->sup.mainframe_id, "OFL250", 6) == 0
        && (f->sup.mainframe_id[6] == '\0' || f->sup.mainframe_id[6] == ' ')) {
        f->distance_scale = 0.1;
        sor_note(f, "SupParams", 0, "Noyes OFL250: distances scaled by 0.1");
    }
    return true;
}

bool sor_read_file(SorFile *f, const char *path, SorError *err)
{
    zero_file(f);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        sor_error_set(err, "", 0, "a readable file", strerror(errno));
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
                sor_error_set(err, "", len, "a file of at most 64 MiB", "a larger file");
                ok = false;
                break;
            }
            uint8_t *grown = realloc(buf, cap * 2);
            if (!grown) {
                ok = false;
                sor_error_set(err, "", len, "memory to read the file", "allocation failure");
                break;
            }
            buf = grown;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, fp);
        len += n;
        if (n == 0) {
            if (ferror(fp)) {
                sor_error_set(err, "", len, "a readable file", "a read error");
                ok = false;
            }
            break;
        }
    }
    if (!buf) {
        sor_error_set(err, "", 0, "memory to read the file", "allocation failure");
    }
    fclose(fp);
    if (ok) {
        ok = sor_read(f, buf, len, err);
    }
    free(buf);
    return ok;
}
