/*
 * sor_write.c - encodes a SorFile as a standard SR-4731 version 2 file.
 *
 * Blocks are written first into one buffer (their sizes are only known once
 * written), then the Map is put in front and the Cksum block at the end, its
 * CRC-16/CCITT-FALSE covering every byte before the two checksum bytes
 * (the `Cksum\0` header included), the rule SOR.md sets for our writer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/diag.h"
#include "fibresim/messages.h" /* N_() */
#include "fibresim/core.h"
#include "fibresim/sor.h"
#include "sor_internal.h"

#define REVISION_2 200

typedef struct Buf {
    uint8_t *p;   /* owned */
    size_t len, cap;
    bool oom;
} Buf;

static void put(Buf *b, const void *src, size_t n)
{
    if (b->oom) {
        return;
    }
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n) {
            cap *= 2;
        }
        uint8_t *grown = realloc(b->p, cap);
        if (!grown) {
            b->oom = true;
            return;
        }
        b->p = grown;
        b->cap = cap;
    }
    memcpy(b->p + b->len, src, n);
    b->len += n;
}

static void put_u16(Buf *b, uint16_t v)
{
    uint8_t x[2] = {(uint8_t)(v & 0xFF), (uint8_t)(v >> 8)};
    put(b, x, 2);
}

static void put_i16(Buf *b, int16_t v)
{
    put_u16(b, (uint16_t)v);
}

static void put_u32(Buf *b, uint32_t v)
{
    uint8_t x[4] = {(uint8_t)(v & 0xFF), (uint8_t)((v >> 8) & 0xFF), (uint8_t)((v >> 16) & 0xFF),
                    (uint8_t)(v >> 24)};
    put(b, x, 4);
}

static void put_i32(Buf *b, int32_t v)
{
    put_u32(b, (uint32_t)v);
}

static void put_str(Buf *b, const char *s)
{
    put(b, s, strlen(s) + 1);
}

static void put_c2(Buf *b, const char c2[3])
{
    put(b, c2, 2);
}

/* ---- blocks ------------------------------------------------------------------ */

static void write_gen(Buf *b, const SorGenParams *g)
{
    put_c2(b, g->language);
    put_str(b, g->cable_id);
    put_str(b, g->fibre_id);
    put_i16(b, g->fibre_type);
    put_i16(b, g->nominal_wavelength_nm);
    put_str(b, g->origin);
    put_str(b, g->end);
    put_str(b, g->cable_code);
    put_c2(b, g->build_condition);
    put_i32(b, g->user_offset_100ps);
    put_i32(b, g->user_offset_distance);
    put_str(b, g->operator_name);
    put_str(b, g->comment);
}

static void write_sup(Buf *b, const SorSupParams *s)
{
    put_str(b, s->supplier);
    put_str(b, s->mainframe_id);
    put_str(b, s->mainframe_sn);
    put_str(b, s->module_id);
    put_str(b, s->module_sn);
    put_str(b, s->software_rev);
    put_str(b, s->other);
}

static void write_fxd(Buf *b, const SorFxdParams *x)
{
    put_u32(b, x->date_time_unix);
    put_c2(b, x->distance_units);
    put_u16(b, x->wavelength_01nm);
    put_i32(b, x->acq_offset_100ps);
    put_i32(b, x->acq_offset_distance);
    put_u16(b, x->pulse_count);
    for (unsigned i = 0; i < x->pulse_count; i++) {
        put_u16(b, x->pulse_width_ns[i]);
    }
    for (unsigned i = 0; i < x->pulse_count; i++) {
        put_i32(b, x->data_spacing[i]);
    }
    for (unsigned i = 0; i < x->pulse_count; i++) {
        put_i32(b, x->points_per_pulse[i]);
    }
    put_u32(b, x->group_index_e5);
    put_u16(b, x->backscatter_neg_01db);
    put_i32(b, x->num_averages);
    put_u16(b, x->averaging_time_01s);
    put_i32(b, x->range_100ps);
    put_i32(b, x->range_distance);
    put_i32(b, x->front_panel_offset_100ps);
    put_u16(b, x->noise_floor_neg_0001db);
    put_i16(b, x->noise_floor_scale_e3);
    put_u16(b, x->power_offset_0001db);
    put_u16(b, x->loss_threshold_0001db);
    put_u16(b, x->refl_threshold_neg_0001db);
    put_u16(b, x->eof_threshold_0001db);
    put_c2(b, x->trace_type);
    for (int i = 0; i < 4; i++) {
        put_i32(b, x->window[i]);
    }
}

static void write_events(Buf *b, const SorFile *f)
{
    put_u16(b, (uint16_t)f->event_count);
    for (size_t i = 0; i < f->event_count; i++) {
        const SorEvent *e = &f->events[i];
        put_i16(b, e->number);
        put_i32(b, e->time_100ps);
        put_i16(b, e->slope_0001db_km);
        put_i16(b, e->loss_0001db);
        put_i32(b, e->reflectance_0001db);
        put(b, e->code, 6);
        put_c2(b, e->loss_technique);
        for (int m = 0; m < SOR_MARK_COUNT; m++) {
            put_i32(b, e->markers_100ps[m]);
        }
        put_str(b, e->comment);
    }
    const SorSummary *s = &f->summary;
    put_i32(b, s->total_loss_0001db);
    put_i32(b, s->loss_start_100ps);
    put_i32(b, s->loss_end_100ps);
    put_u16(b, s->orl_0001db);
    put_i32(b, s->orl_start_100ps);
    put_i32(b, s->orl_end_100ps);
}

static void write_links(Buf *b, const SorFile *f)
{
    put_i16(b, (int16_t)f->landmark_count);
    for (size_t i = 0; i < f->landmark_count; i++) {
        const SorLandmark *l = &f->landmarks[i];
        put_i16(b, l->number);
        put_c2(b, l->code);
        put_i32(b, l->location_100ps);
        put_i16(b, l->related_event);
        put_i32(b, l->gps_longitude);
        put_i32(b, l->gps_latitude);
        put_i16(b, l->fibre_correction_001pct);
        put_i32(b, l->sheath_in);
        put_i32(b, l->sheath_out);
        put_c2(b, l->sheath_units);
        put_i16(b, l->mode_field_diameter);
        put_str(b, l->comment);
    }
}

static void write_data(Buf *b, const SorFile *f)
{
    put_u32(b, (uint32_t)f->point_count);
    put_i16(b, (int16_t)f->set_count);
    size_t k = 0;
    for (size_t s = 0; s < f->set_count; s++) {
        put_u32(b, f->sets[s].count);
        put_i16(b, f->sets[s].scale_e3);
        for (uint32_t i = 0; i < f->sets[s].count; i++, k++) {
            put_u16(b, f->points[k]);
        }
    }
}

/* ---- checks and assembly ------------------------------------------------------ */

static bool check(const SorFile *f, SorError *err)
{
    DiagArgs a = {0};
    if (f->fxd.pulse_count < 1 || f->fxd.pulse_count > SOR_MAX_PULSES) {
        diag_arg_int(&a, "max", SOR_MAX_PULSES);
        diag_arg_int(&a, "count", f->fxd.pulse_count);
        sor_error_set(err, "FxdParams", 0, N_("a pulse-width count of 1 to {max}"), "{count}", &a);
        return false;
    }
    if (f->fxd.group_index_e5 < 100000u || f->fxd.group_index_e5 > 200000u) {
        diag_arg_int(&a, "value", f->fxd.group_index_e5);
        sor_error_set(err, "FxdParams", 0, N_("a group index x 100000 between 100000 and 200000 (1.0 to 2.0)"),
                      "{value}", &a);
        return false;
    }
    if (f->fxd.data_spacing[0] <= 0) {
        diag_arg_int(&a, "value", f->fxd.data_spacing[0]);
        sor_error_set(err, "FxdParams", 0, N_("a positive data spacing (100 ps per 10000 samples)"), "{value}",
                      &a);
        return false;
    }
    /* Counts are read as signed 16-bit by some readers: stay below 32768. */
    if (f->event_count > 32767 || (f->event_count && !f->events)) {
        diag_arg_int(&a, "value", (long long)f->event_count);
        sor_error_set(err, "KeyEvents", 0, N_("at most 32767 events"), "{value}", &a);
        return false;
    }
    if (f->landmark_count > 32767 || (f->landmark_count && !f->landmarks)) {
        diag_arg_int(&a, "value", (long long)f->landmark_count);
        sor_error_set(err, "LnkParams", 0, N_("at most 32767 landmarks"), "{value}", &a);
        return false;
    }
    uint64_t sum = 0;
    for (size_t s = 0; s < f->set_count; s++) {
        sum += f->sets[s].count;
    }
    if (f->set_count > 32767 || sum != f->point_count || f->point_count > UINT32_MAX
        || (f->point_count && !f->points)) {
        diag_arg_int(&a, "sets", (long long)f->set_count);
        diag_arg_int(&a, "sum", (long long)sum);
        diag_arg_int(&a, "count", (long long)f->point_count);
        sor_error_set(err, "DataPts", 0, N_("scale-factor sets that add up to point_count"),
                      N_("{sets} sets holding {sum} points for {count} points"), &a);
        return false;
    }
    return true;
}

typedef struct Entry {
    const char *name;
    size_t size;
} Entry;

bool sor_write(const SorFile *f, uint8_t **out, size_t *out_size, SorError *err)
{
    *out = NULL;
    *out_size = 0;
    if (!check(f, err)) {
        return false;
    }
    Buf body = {0};
    Entry entries[8];
    size_t n = 0;
    size_t start;
#define BLOCK(NAME, CALL)                     \
    start = body.len;                         \
    put_str(&body, NAME);                     \
    CALL;                                     \
    entries[n].name = NAME;                   \
    entries[n++].size = body.len - start;
    BLOCK("GenParams", write_gen(&body, &f->gen))
    BLOCK("SupParams", write_sup(&body, &f->sup))
    BLOCK("FxdParams", write_fxd(&body, &f->fxd))
    BLOCK("KeyEvents", write_events(&body, f))
    if (f->landmark_count > 0) {
        BLOCK("LnkParams", write_links(&body, f))
    }
    BLOCK("DataPts", write_data(&body, f))
#undef BLOCK
    entries[n].name = "Cksum";
    entries[n++].size = 8;

    size_t map_size = 4 + 2 + 4 + 2;
    for (size_t i = 0; i < n; i++) {
        map_size += strlen(entries[i].name) + 1 + 2 + 4;
    }
    Buf file = {0};
    put(&file, "Map", 4);
    put_u16(&file, REVISION_2);
    put_u32(&file, (uint32_t)map_size);
    put_u16(&file, (uint16_t)(n + 1));
    for (size_t i = 0; i < n; i++) {
        put_str(&file, entries[i].name);
        put_u16(&file, REVISION_2);
        put_u32(&file, (uint32_t)entries[i].size);
    }
    if (!body.oom) {
        put(&file, body.p, body.len);
    }
    put(&file, "Cksum", 6);
    if (file.oom || body.oom) {
        free(body.p);
        free(file.p);
        sor_error_set(err, "", 0, N_("memory for the file"), N_("out of memory"), NULL);
        return false;
    }
    put_u16(&file, sor_crc16(file.p, file.len, 0xFFFF));
    free(body.p);
    if (file.oom) {
        free(file.p);
        sor_error_set(err, "", 0, N_("memory for the file"), N_("out of memory"), NULL);
        return false;
    }
    *out = file.p;
    *out_size = file.len;
    return true;
}

bool sor_write_file(const SorFile *f, const char *path, SorError *err)
{
    uint8_t *data = NULL;
    size_t size = 0;
    if (!sor_write(f, &data, &size, err)) {
        return false;
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 5);
    if (!tmp) {
        free(data);
        sor_error_set(err, "", 0, N_("memory for the file name"), N_("out of memory"), NULL);
        return false;
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp", 5);
    FILE *fp = fopen(tmp, "wb");
    bool ok = fp != NULL;
    if (!ok) {
        sor_error_set(err, "", 0, N_("a writable file"), diag_errno_text(errno), NULL);
    } else {
        ok = fwrite(data, 1, size, fp) == size;
        ok = (fflush(fp) == 0) && ok;
        ok = (fclose(fp) == 0) && ok;
        if (!ok) {
            sor_error_set(err, "", 0, N_("the whole file written"), diag_errno_text(errno), NULL);
        } else if (rename(tmp, path) != 0) {
            sor_error_set(err, "", 0, N_("the file renamed into place"), diag_errno_text(errno), NULL);
            ok = false;
        }
        if (!ok) {
            remove(tmp);
        }
    }
    free(tmp);
    free(data);
    return ok;
}
