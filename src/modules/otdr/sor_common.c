/*
 * sor_common.c - SorFile life cycle, CRC-16, units and the small helpers the
 * reader and writer share.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/messages.h" /* N_() */
#include "fibresim/sor.h"
#include "sor_internal.h"

void sor_init(SorFile *f)
{
    memset(f, 0, sizeof *f);
    f->version = 2;
    f->map_revision = 200;
    f->distance_scale = 1.0;
    /* Defaults a writer can keep: what most instruments store. */
    memcpy(f->gen.language, "EN", 3);
    memcpy(f->gen.build_condition, "BC", 3);
    memcpy(f->fxd.distance_units, "mt", 3);
    memcpy(f->fxd.trace_type, "ST", 3);
    f->fxd.pulse_count = 1;
    f->fxd.noise_floor_scale_e3 = 1000;
    f->has_gen = f->has_sup = f->has_events = true;
}

void sor_finish(SorFile *f)
{
    if (!f) {
        return;
    }
    free(f->blocks);
    free(f->events);
    free(f->landmarks);
    free(f->sets);
    free(f->points);
    memset(f, 0, sizeof *f);
}

void sor_error_set(SorError *err, const char *block, size_t offset, const char *expected_tmpl,
                   const char *found_tmpl, const DiagArgs *args)
{
    if (!err) {
        return;
    }
    memset(err, 0, sizeof *err);
    fs_strlcpy(err->block, block ? block : "", sizeof err->block);
    err->offset = offset;
    err->expected_tmpl = expected_tmpl ? expected_tmpl : "";
    err->found_tmpl = found_tmpl ? found_tmpl : "";
    if (args) {
        err->args = *args;
    }
    diag_fill(err->expected_tmpl, &err->args, '.', err->expected, sizeof err->expected);
    diag_fill(err->found_tmpl, &err->args, '.', err->found, sizeof err->found);
}

void sor_error_args(const SorError *e, DiagArgs *out)
{
    memset(out, 0, sizeof *out);
    /* The parts' own values first: a template uses at most 4 (sor.h), so
     * the four of the whole line always fit. */
    for (int i = 0; i < e->args.count && i < DIAG_ARG_MAX - 4; i++) {
        out->items[out->count++] = e->args.items[i];
    }
    diag_arg_str(out, "block", e->block);
    diag_arg_int(out, "offset", (long long)e->offset);
    diag_arg_msgid(out, "expected", e->expected_tmpl ? e->expected_tmpl : e->expected);
    diag_arg_msgid(out, "found", e->found_tmpl ? e->found_tmpl : e->found);
}

void sor_error_text(const SorError *e, DiagTranslateFn tr, void *user, char decimal_sep, char *buf, size_t n)
{
    DiagArgs args;
    sor_error_args(e, &args);
    const char *tmpl = e->block[0] ? N_("{block} block, byte {offset}: expected {expected}, found {found}")
                                   : N_("byte {offset}: expected {expected}, found {found}");
    diag_fill_tr(tr ? tr(tmpl, user) : tmpl, &args, tr, user, decimal_sep, buf, n);
}

void sor_error_format(const SorError *e, char *buf, size_t n)
{
    sor_error_text(e, NULL, NULL, '.', buf, n);
}

void sor_note(SorFile *f, const char *block, size_t offset, const char *tmpl, const DiagArgs *args)
{
    if (f->note_count >= SOR_MAX_NOTES) {
        f->notes_dropped++;
        return;
    }
    SorNote *n = &f->notes[f->note_count++];
    memset(n, 0, sizeof *n);
    fs_strlcpy(n->block, block ? block : "", sizeof n->block);
    n->offset = offset;
    n->tmpl = tmpl;
    if (args) {
        n->args = *args;
    }
    diag_fill(tmpl, &n->args, '.', n->text, sizeof n->text);
}

void sor_note_text(const SorNote *n, DiagTranslateFn tr, void *user, char decimal_sep, char *buf, size_t size)
{
    const char *tmpl = n->tmpl ? n->tmpl : n->text;
    diag_fill_tr(tr && tmpl[0] ? tr(tmpl, user) : tmpl, &n->args, tr, user, decimal_sep, buf, size);
}

void sor_escape(char *dst, size_t cap, const char *s, size_t n)
{
    size_t o = 0;
    if (cap == 0) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch < 0x7F && ch != '\\') {
            if (o + 1 >= cap) {
                break;
            }
            dst[o++] = (char)ch;
        } else {
            if (o + 4 >= cap) {
                break;
            }
            snprintf(dst + o, cap - o, "\\x%02X", ch);
            o += 4;
        }
    }
    dst[o] = '\0';
}

/* CRC-16 table for polynomial 0x1021, MSB first: entry i is the CRC of the
 * byte i from a zero register (read-only, so no state). */
static const uint16_t crc_table[256] = {
    0x0000, 0x1021, 0x2042, 0x3063, 0x4084, 0x50A5, 0x60C6, 0x70E7,
    0x8108, 0x9129, 0xA14A, 0xB16B, 0xC18C, 0xD1AD, 0xE1CE, 0xF1EF,
    0x1231, 0x0210, 0x3273, 0x2252, 0x52B5, 0x4294, 0x72F7, 0x62D6,
    0x9339, 0x8318, 0xB37B, 0xA35A, 0xD3BD, 0xC39C, 0xF3FF, 0xE3DE,
    0x2462, 0x3443, 0x0420, 0x1401, 0x64E6, 0x74C7, 0x44A4, 0x5485,
    0xA56A, 0xB54B, 0x8528, 0x9509, 0xE5EE, 0xF5CF, 0xC5AC, 0xD58D,
    0x3653, 0x2672, 0x1611, 0x0630, 0x76D7, 0x66F6, 0x5695, 0x46B4,
    0xB75B, 0xA77A, 0x9719, 0x8738, 0xF7DF, 0xE7FE, 0xD79D, 0xC7BC,
    0x48C4, 0x58E5, 0x6886, 0x78A7, 0x0840, 0x1861, 0x2802, 0x3823,
    0xC9CC, 0xD9ED, 0xE98E, 0xF9AF, 0x8948, 0x9969, 0xA90A, 0xB92B,
    0x5AF5, 0x4AD4, 0x7AB7, 0x6A96, 0x1A71, 0x0A50, 0x3A33, 0x2A12,
    0xDBFD, 0xCBDC, 0xFBBF, 0xEB9E, 0x9B79, 0x8B58, 0xBB3B, 0xAB1A,
    0x6CA6, 0x7C87, 0x4CE4, 0x5CC5, 0x2C22, 0x3C03, 0x0C60, 0x1C41,
    0xEDAE, 0xFD8F, 0xCDEC, 0xDDCD, 0xAD2A, 0xBD0B, 0x8D68, 0x9D49,
    0x7E97, 0x6EB6, 0x5ED5, 0x4EF4, 0x3E13, 0x2E32, 0x1E51, 0x0E70,
    0xFF9F, 0xEFBE, 0xDFDD, 0xCFFC, 0xBF1B, 0xAF3A, 0x9F59, 0x8F78,
    0x9188, 0x81A9, 0xB1CA, 0xA1EB, 0xD10C, 0xC12D, 0xF14E, 0xE16F,
    0x1080, 0x00A1, 0x30C2, 0x20E3, 0x5004, 0x4025, 0x7046, 0x6067,
    0x83B9, 0x9398, 0xA3FB, 0xB3DA, 0xC33D, 0xD31C, 0xE37F, 0xF35E,
    0x02B1, 0x1290, 0x22F3, 0x32D2, 0x4235, 0x5214, 0x6277, 0x7256,
    0xB5EA, 0xA5CB, 0x95A8, 0x8589, 0xF56E, 0xE54F, 0xD52C, 0xC50D,
    0x34E2, 0x24C3, 0x14A0, 0x0481, 0x7466, 0x6447, 0x5424, 0x4405,
    0xA7DB, 0xB7FA, 0x8799, 0x97B8, 0xE75F, 0xF77E, 0xC71D, 0xD73C,
    0x26D3, 0x36F2, 0x0691, 0x16B0, 0x6657, 0x7676, 0x4615, 0x5634,
    0xD94C, 0xC96D, 0xF90E, 0xE92F, 0x99C8, 0x89E9, 0xB98A, 0xA9AB,
    0x5844, 0x4865, 0x7806, 0x6827, 0x18C0, 0x08E1, 0x3882, 0x28A3,
    0xCB7D, 0xDB5C, 0xEB3F, 0xFB1E, 0x8BF9, 0x9BD8, 0xABBB, 0xBB9A,
    0x4A75, 0x5A54, 0x6A37, 0x7A16, 0x0AF1, 0x1AD0, 0x2AB3, 0x3A92,
    0xFD2E, 0xED0F, 0xDD6C, 0xCD4D, 0xBDAA, 0xAD8B, 0x9DE8, 0x8DC9,
    0x7C26, 0x6C07, 0x5C64, 0x4C45, 0x3CA2, 0x2C83, 0x1CE0, 0x0CC1,
    0xEF1F, 0xFF3E, 0xCF5D, 0xDF7C, 0xAF9B, 0xBFBA, 0x8FD9, 0x9FF8,
    0x6E17, 0x7E36, 0x4E55, 0x5E74, 0x2E93, 0x3EB2, 0x0ED1, 0x1EF0,
};

uint16_t sor_crc16(const uint8_t *data, size_t n, uint16_t init)
{
    uint16_t crc = init;
    for (size_t i = 0; i < n; i++) {
        crc = (uint16_t)((crc << 8) ^ crc_table[((crc >> 8) ^ data[i]) & 0xFF]);
    }
    return crc;
}

void sor_crc16_pair(const uint8_t *data, size_t n, uint16_t *ccitt_false, uint16_t *xmodem)
{
    /* Two independent chains in one loop: the CPU overlaps them, so both
     * cost about as much as one (the read budget is 1 ms per file). */
    uint16_t a = 0xFFFF, b = 0x0000;
    for (size_t i = 0; i < n; i++) {
        a = (uint16_t)((a << 8) ^ crc_table[((a >> 8) ^ data[i]) & 0xFF]);
        b = (uint16_t)((b << 8) ^ crc_table[((b >> 8) ^ data[i]) & 0xFF]);
    }
    *ccitt_false = a;
    *xmodem = b;
}

double sor_group_index(const SorFile *f)
{
    return f->fxd.group_index_e5 / 100000.0;
}

double sor_time_to_m(const SorFile *f, double time_100ps)
{
    return time_100ps * 1e-10 * SOR_C_M_S / sor_group_index(f) * f->distance_scale;
}

int32_t sor_m_to_time_100ps(const SorFile *f, double distance_m)
{
    double t = distance_m / (SOR_C_M_S * f->distance_scale) * sor_group_index(f) * 1e10;
    if (!(t > -2147483648.0)) {
        return INT32_MIN;
    }
    if (!(t < 2147483647.0)) {
        return INT32_MAX;
    }
    return (int32_t)lround(t);
}

double sor_sample_spacing_m(const SorFile *f)
{
    /* data spacing = time of 10 000 samples in 100 ps, so one sample takes
     * DS x 1e-14 s; SOR.md: distance = time x c / n with no factor 2. */
    return f->fxd.data_spacing[0] * 1e-14 * SOR_C_M_S / sor_group_index(f) * f->distance_scale;
}

double sor_point_m(const SorFile *f, size_t k)
{
    return sor_time_to_m(f, (double)f->fxd.acq_offset_100ps) + (double)k * sor_sample_spacing_m(f);
}

double sor_point_db(const SorFile *f, size_t k)
{
    if (k >= f->point_count) {
        return 0.0;
    }
    size_t first = 0;
    int scale = 1000;
    for (size_t s = 0; s < f->set_count; s++) {
        if (k < first + f->sets[s].count) {
            scale = f->sets[s].scale_e3;
            break;
        }
        first += f->sets[s].count;
    }
    return -(double)f->points[k] * (scale / 1000.0) / 1000.0;
}

double sor_wavelength_nm(const SorFile *f)
{
    return f->fxd.wavelength_01nm / 10.0;
}

double sor_backscatter_db(const SorFile *f)
{
    return -f->fxd.backscatter_neg_01db / 10.0;
}

double sor_event_m(const SorFile *f, const SorEvent *e)
{
    return sor_time_to_m(f, (double)e->time_100ps);
}

double sor_event_loss_db(const SorEvent *e)
{
    return e->loss_0001db / 1000.0;
}

double sor_event_reflectance_db(const SorEvent *e)
{
    return e->reflectance_0001db / 1000.0;
}

bool sor_event_has_reflectance(const SorEvent *e)
{
    return e->reflectance_0001db != 0 && e->reflectance_0001db > INT32_MIN + 1;
}

SorEventKind sor_event_kind(const SorEvent *e)
{
    switch (e->code[0]) {
    case '0':
        return SOR_EVENT_NON_REFLECTIVE;
    case '1':
        return SOR_EVENT_REFLECTIVE;
    case '2':
        return SOR_EVENT_SATURATED;
    default:
        return SOR_EVENT_UNKNOWN;
    }
}

bool sor_event_is_end(const SorEvent *e)
{
    return e->code[1] == 'E';
}

bool sor_alloc_events(SorFile *f, size_t n)
{
    SorEvent *ev = n ? calloc(n, sizeof *ev) : NULL;
    if (n && !ev) {
        return false;
    }
    free(f->events);
    f->events = ev;
    f->event_count = n;
    return true;
}

bool sor_alloc_landmarks(SorFile *f, size_t n)
{
    SorLandmark *lm = n ? calloc(n, sizeof *lm) : NULL;
    if (n && !lm) {
        return false;
    }
    free(f->landmarks);
    f->landmarks = lm;
    f->landmark_count = n;
    return true;
}

bool sor_alloc_points(SorFile *f, size_t n)
{
    uint16_t *p = n ? calloc(n, sizeof *p) : NULL;
    SorScaleSet *s = calloc(1, sizeof *s);
    if ((n && !p) || !s || n > UINT32_MAX) {
        free(p);
        free(s);
        return false;
    }
    free(f->points);
    free(f->sets);
    f->points = p;
    f->point_count = n;
    f->sets = s;
    f->set_count = 1;
    s->count = (uint32_t)n;
    s->scale_e3 = 1000;
    f->data_total_points = (uint32_t)n;
    return true;
}

uint16_t sor_db_to_raw(double level_db)
{
    double raw = -level_db * 1000.0;
    if (!(raw > 0.0)) {
        return 0;
    }
    if (raw >= 65535.0) {
        return 65535;
    }
    return (uint16_t)lround(raw);
}
