/*
 * sor_json.c - a read SorFile as a JSON tree (the "sor dump --json" output and
 * what the tests compare with the oracle files).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/sor.h"
#include "sor_internal.h"

/* Length of the valid UTF-8 sequence at s (0 if invalid). */
static size_t utf8_len(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    size_t n;
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
    } else {
        return 0;
    }
    if (n > left) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return n;
}

/* Copies a C string as valid UTF-8: bytes that are not part of a valid
 * sequence are read as Latin-1 (what old instruments meant by them). */
static cJSON *text(const char *s)
{
    size_t len = strlen(s);
    char *buf = malloc(len * 2 + 1);
    if (!buf) {
        return NULL;
    }
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_len(u + i, len - i);
        if (n > 0) {
            memcpy(buf + o, u + i, n);
            o += n;
            i += n;
        } else {
            buf[o++] = (char)(0xC0 | (u[i] >> 6));
            buf[o++] = (char)(0x80 | (u[i] & 0x3F));
            i++;
        }
    }
    buf[o] = '\0';
    cJSON *j = cJSON_CreateString(buf);
    free(buf);
    return j;
}

static cJSON *code2(const char *c2, size_t n)
{
    char esc[64];
    sor_escape(esc, sizeof esc, c2, n);
    return cJSON_CreateString(esc);
}

static void add_text(cJSON *o, const char *key, const char *s)
{
    cJSON_AddItemToObject(o, key, text(s));
}

static void add_num(cJSON *o, const char *key, double v)
{
    cJSON_AddNumberToObject(o, key, v);
}

static const char *kind_name(SorEventKind k)
{
    switch (k) {
    case SOR_EVENT_NON_REFLECTIVE:
        return "non-reflective";
    case SOR_EVENT_REFLECTIVE:
        return "reflective";
    case SOR_EVENT_SATURATED:
        return "saturated";
    default:
        return "unknown";
    }
}

static const char *cksum_name(SorChecksumStatus s)
{
    switch (s) {
    case SOR_CKSUM_OK:
        return "ok";
    case SOR_CKSUM_OK_XMODEM:
        return "ok-xmodem";
    case SOR_CKSUM_MISMATCH:
        return "mismatch";
    default:
        return "absent";
    }
}

static cJSON *gen_json(const SorGenParams *g)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "language", code2(g->language, 2));
    add_text(o, "cable_id", g->cable_id);
    add_text(o, "fibre_id", g->fibre_id);
    add_num(o, "fibre_type", g->fibre_type);
    add_num(o, "nominal_wavelength_nm", g->nominal_wavelength_nm);
    add_text(o, "origin", g->origin);
    add_text(o, "end", g->end);
    add_text(o, "cable_code", g->cable_code);
    cJSON_AddItemToObject(o, "build_condition", code2(g->build_condition, 2));
    add_num(o, "user_offset_100ps", g->user_offset_100ps);
    add_num(o, "user_offset_distance", g->user_offset_distance);
    add_text(o, "operator", g->operator_name);
    add_text(o, "comment", g->comment);
    return o;
}

static cJSON *sup_json(const SorSupParams *s)
{
    cJSON *o = cJSON_CreateObject();
    add_text(o, "supplier", s->supplier);
    add_text(o, "mainframe_id", s->mainframe_id);
    add_text(o, "mainframe_sn", s->mainframe_sn);
    add_text(o, "module_id", s->module_id);
    add_text(o, "module_sn", s->module_sn);
    add_text(o, "software_rev", s->software_rev);
    add_text(o, "other", s->other);
    return o;
}

static cJSON *fxd_json(const SorFile *f)
{
    const SorFxdParams *x = &f->fxd;
    cJSON *o = cJSON_CreateObject();
    add_num(o, "date_time_unix", x->date_time_unix);
    cJSON_AddItemToObject(o, "distance_units", code2(x->distance_units, 2));
    add_num(o, "wavelength_nm", sor_wavelength_nm(f));
    add_num(o, "acq_offset_100ps", x->acq_offset_100ps);
    add_num(o, "acq_offset_m", sor_time_to_m(f, x->acq_offset_100ps));
    add_num(o, "acq_offset_distance", x->acq_offset_distance);
    cJSON *pw = cJSON_AddArrayToObject(o, "pulse_widths_ns");
    cJSON *ds = cJSON_AddArrayToObject(o, "data_spacing_100ps_per_10k");
    cJSON *pp = cJSON_AddArrayToObject(o, "points_per_pulse");
    for (unsigned i = 0; i < x->pulse_count; i++) {
        cJSON_AddItemToArray(pw, cJSON_CreateNumber(x->pulse_width_ns[i]));
        cJSON_AddItemToArray(ds, cJSON_CreateNumber(x->data_spacing[i]));
        cJSON_AddItemToArray(pp, cJSON_CreateNumber(x->points_per_pulse[i]));
    }
    add_num(o, "sample_spacing_ns", x->data_spacing[0] * 1e-5);
    add_num(o, "sample_spacing_m", sor_sample_spacing_m(f));
    add_num(o, "group_index", sor_group_index(f));
    add_num(o, "backscatter_db", sor_backscatter_db(f));
    add_num(o, "num_averages", x->num_averages);
    add_num(o, "averaging_time_s", x->averaging_time_01s / 10.0);
    add_num(o, "range_100ps", x->range_100ps);
    add_num(o, "range_m", sor_time_to_m(f, x->range_100ps));
    add_num(o, "range_distance", x->range_distance);
    add_num(o, "front_panel_offset_100ps", x->front_panel_offset_100ps);
    add_num(o, "noise_floor_db", -x->noise_floor_neg_0001db / 1000.0);
    add_num(o, "noise_floor_scale", x->noise_floor_scale_e3 / 1000.0);
    add_num(o, "power_offset_db", x->power_offset_0001db / 1000.0);
    add_num(o, "loss_threshold_db", x->loss_threshold_0001db / 1000.0);
    add_num(o, "reflectance_threshold_db", -x->refl_threshold_neg_0001db / 1000.0);
    add_num(o, "end_of_fibre_threshold_db", x->eof_threshold_0001db / 1000.0);
    cJSON_AddItemToObject(o, "trace_type", code2(x->trace_type, 2));
    cJSON *w = cJSON_AddArrayToObject(o, "window");
    for (int i = 0; i < 4; i++) {
        cJSON_AddItemToArray(w, cJSON_CreateNumber(x->window[i]));
    }
    return o;
}

static cJSON *event_json(const SorFile *f, const SorEvent *e)
{
    cJSON *o = cJSON_CreateObject();
    add_num(o, "number", e->number);
    cJSON_AddItemToObject(o, "code", code2(e->code, 6));
    cJSON_AddItemToObject(o, "loss_technique", code2(e->loss_technique, 2));
    cJSON_AddStringToObject(o, "kind", kind_name(sor_event_kind(e)));
    cJSON_AddBoolToObject(o, "end_of_fibre", sor_event_is_end(e));
    add_num(o, "time_100ps", e->time_100ps);
    add_num(o, "distance_m", sor_event_m(f, e));
    add_num(o, "slope_db_km", e->slope_0001db_km / 1000.0);
    add_num(o, "loss_db", sor_event_loss_db(e));
    add_num(o, "reflectance_db", sor_event_reflectance_db(e));
    if (f->version == 2) {
        cJSON *mt = cJSON_AddArrayToObject(o, "markers_100ps");
        cJSON *mm = cJSON_AddArrayToObject(o, "markers_m");
        for (int m = 0; m < SOR_MARK_COUNT; m++) {
            cJSON_AddItemToArray(mt, cJSON_CreateNumber(e->markers_100ps[m]));
            cJSON_AddItemToArray(mm, cJSON_CreateNumber(sor_time_to_m(f, e->markers_100ps[m])));
        }
    }
    add_text(o, "comment", e->comment);
    return o;
}

static cJSON *point_json(const SorFile *f, size_t k)
{
    cJSON *o = cJSON_CreateObject();
    add_num(o, "i", (double)k);
    add_num(o, "m", sor_point_m(f, k));
    add_num(o, "raw", f->points[k]);
    add_num(o, "db", sor_point_db(f, k));
    return o;
}

static cJSON *data_json(const SorFile *f, size_t edge)
{
    cJSON *o = cJSON_CreateObject();
    add_num(o, "num_points", (double)f->point_count);
    add_num(o, "declared_points", f->data_total_points);
    add_num(o, "fxd_points", f->fxd.points_per_pulse[0]);
    cJSON *sets = cJSON_AddArrayToObject(o, "sets");
    for (size_t s = 0; s < f->set_count; s++) {
        cJSON *so = cJSON_CreateObject();
        add_num(so, "points", f->sets[s].count);
        add_num(so, "scale", f->sets[s].scale_e3 / 1000.0);
        cJSON_AddItemToArray(sets, so);
    }
    size_t n = f->point_count;
    size_t head = edge < n ? edge : n;
    size_t tail_from = n > edge ? n - edge : 0;
    cJSON *first = cJSON_AddArrayToObject(o, "first");
    for (size_t k = 0; k < head; k++) {
        cJSON_AddItemToArray(first, point_json(f, k));
    }
    cJSON *last = cJSON_AddArrayToObject(o, "last");
    for (size_t k = tail_from; k < n; k++) {
        cJSON_AddItemToArray(last, point_json(f, k));
    }
    return o;
}

struct cJSON *sor_to_json(const SorFile *f, size_t edge_points)
{
    cJSON *root = cJSON_CreateObject();
    if (!root) {
        return NULL;
    }
    char rev[16];
    snprintf(rev, sizeof rev, "%u.%02u", f->map_revision / 100u, f->map_revision % 100u);
    add_num(root, "format", f->version);
    cJSON_AddStringToObject(root, "revision", rev);
    cJSON *blocks = cJSON_AddArrayToObject(root, "blocks");
    for (size_t i = 0; i < f->block_count; i++) {
        const SorBlock *b = &f->blocks[i];
        cJSON *bo = cJSON_CreateObject();
        add_text(bo, "name", b->name);
        add_num(bo, "revision", b->revision);
        add_num(bo, "size", b->size);
        add_num(bo, "offset", (double)b->offset);
        cJSON_AddItemToArray(blocks, bo);
    }
    if (f->has_gen) {
        cJSON_AddItemToObject(root, "gen", gen_json(&f->gen));
    }
    if (f->has_sup) {
        cJSON_AddItemToObject(root, "sup", sup_json(&f->sup));
    }
    cJSON_AddItemToObject(root, "fxd", fxd_json(f));
    if (f->has_events) {
        cJSON *ev = cJSON_AddArrayToObject(root, "events");
        for (size_t i = 0; i < f->event_count; i++) {
            cJSON_AddItemToArray(ev, event_json(f, &f->events[i]));
        }
    }
    if (f->has_summary) {
        const SorSummary *s = &f->summary;
        cJSON *so = cJSON_AddObjectToObject(root, "summary");
        add_num(so, "total_loss_db", s->total_loss_0001db / 1000.0);
        add_num(so, "loss_start_100ps", s->loss_start_100ps);
        add_num(so, "loss_end_100ps", s->loss_end_100ps);
        add_num(so, "orl_start_100ps", s->orl_start_100ps);
        add_num(so, "orl_end_100ps", s->orl_end_100ps);
        add_num(so, "loss_start_m", sor_time_to_m(f, s->loss_start_100ps));
        add_num(so, "loss_end_m", sor_time_to_m(f, s->loss_end_100ps));
        add_num(so, "orl_db", s->orl_0001db / 1000.0);
        add_num(so, "orl_start_m", sor_time_to_m(f, s->orl_start_100ps));
        add_num(so, "orl_end_m", sor_time_to_m(f, s->orl_end_100ps));
    }
    if (f->has_links) {
        cJSON *lm = cJSON_AddArrayToObject(root, "landmarks");
        for (size_t i = 0; i < f->landmark_count; i++) {
            const SorLandmark *l = &f->landmarks[i];
            cJSON *lo = cJSON_CreateObject();
            add_num(lo, "number", l->number);
            cJSON_AddItemToObject(lo, "code", code2(l->code, 2));
            add_num(lo, "location_m", sor_time_to_m(f, l->location_100ps));
            add_num(lo, "related_event", l->related_event);
            add_text(lo, "comment", l->comment);
            cJSON_AddItemToArray(lm, lo);
        }
    }
    cJSON_AddItemToObject(root, "data", data_json(f, edge_points));
    cJSON *ck = cJSON_AddObjectToObject(root, "checksum");
    cJSON_AddStringToObject(ck, "status", cksum_name(f->cksum.status));
    if (f->cksum.status != SOR_CKSUM_ABSENT) {
        add_num(ck, "stored", f->cksum.stored);
        add_num(ck, "ccitt_false", f->cksum.ccitt_false);
        add_num(ck, "xmodem", f->cksum.xmodem);
        add_num(ck, "covered_bytes", (double)f->cksum.covered_bytes);
    }
    add_num(root, "trailing_bytes", (double)f->trailing_bytes);
    cJSON *notes = cJSON_AddArrayToObject(root, "notes");
    for (size_t i = 0; i < f->note_count; i++) {
        cJSON *no = cJSON_CreateObject();
        add_text(no, "block", f->notes[i].block);
        add_num(no, "offset", (double)f->notes[i].offset);
        add_text(no, "text", f->notes[i].text);
        cJSON_AddItemToArray(notes, no);
    }
    if (f->notes_dropped) {
        add_num(root, "notes_dropped", (double)f->notes_dropped);
    }
    return root;
}
