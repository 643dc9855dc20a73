/*
 * test_sor_roundtrip.c - write then read gives back every field and every
 * point; the written file is a standard version 2 file whose checksum is the
 * CRC-16/CCITT-FALSE of every byte before it (computed here bit by bit, not
 * with the library's table); every sample file survives read -> write -> read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_config.h"
#include "check.h"
#include "fibresim/sor.h"
#include "sor_compare.h"

/* CRC-16, poly 0x1021, MSB first, bit by bit (the textbook definition). */
static uint16_t crc_bitwise(const uint8_t *p, size_t n, uint16_t crc)
{
    for (size_t i = 0; i < n; i++) {
        crc ^= (uint16_t)(p[i] << 8);
        for (int b = 0; b < 8; b++) {
            crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
        }
    }
    return crc;
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* A file with every field set to a distinctive value. */
static void build_full(SorFile *f)
{
    sor_init(f);
    SorGenParams *g = &f->gen;
    strcpy(g->cable_id, "CAB-PR-042");
    strcpy(g->fibre_id, "F12 (rouge)");
    g->fibre_type = 657;
    g->nominal_wavelength_nm = 1550;
    strcpy(g->origin, "DTIo 3B-12 \xC3\xA9tage 2"); /* UTF-8 "étage" */
    strcpy(g->end, "PBO 75-011-0042");
    strcpy(g->cable_code, "CC-7");
    memcpy(g->build_condition, "NC", 3);
    g->user_offset_100ps = -1234;
    g->user_offset_distance = -56;
    strcpy(g->operator_name, "Awa K.");
    strcpy(g->comment, "Recette DTIo -> PR, bobine 500 m");
    SorSupParams *s = &f->sup;
    strcpy(s->supplier, "Fibresim");
    strcpy(s->mainframe_id, "SIM-OTDR");
    strcpy(s->mainframe_sn, "0001");
    strcpy(s->module_id, "SM 1310/1550/1625");
    strcpy(s->module_sn, "M-77");
    strcpy(s->software_rev, "0.1.0");
    strcpy(s->other, "cal 2025-01-01");
    SorFxdParams *x = &f->fxd;
    x->date_time_unix = 1700000000u;
    memcpy(x->distance_units, "km", 3);
    x->wavelength_01nm = 15500;
    x->acq_offset_100ps = -367;
    x->acq_offset_distance = -7;
    x->pulse_count = 2;
    x->pulse_width_ns[0] = 30;
    x->pulse_width_ns[1] = 100;
    x->data_spacing[0] = 50000;
    x->data_spacing[1] = 100000;
    x->points_per_pulse[0] = 300;
    x->points_per_pulse[1] = 0;
    x->group_index_e5 = 146820;
    x->backscatter_neg_01db = 817;
    x->num_averages = 123456;
    x->averaging_time_01s = 150;
    x->range_100ps = 2000000;
    x->range_distance = 40000;
    x->front_panel_offset_100ps = 1000;
    x->noise_floor_neg_0001db = 52000;
    x->noise_floor_scale_e3 = -1000;
    x->power_offset_0001db = 77;
    x->loss_threshold_0001db = 50;
    x->refl_threshold_neg_0001db = 65000;
    x->eof_threshold_0001db = 3000;
    memcpy(x->trace_type, "RT", 3);
    x->window[0] = -1;
    x->window[1] = 2;
    x->window[2] = INT32_MAX;
    x->window[3] = INT32_MIN;

    CHECK(sor_alloc_events(f, 3));
    for (size_t i = 0; i < 3; i++) {
        SorEvent *e = &f->events[i];
        e->number = (int16_t)(i + 1);
        e->time_100ps = 100000 * (int32_t)(i + 1);
        e->slope_0001db_km = (int16_t)(190 + i);
        e->loss_0001db = (int16_t)(i == 1 ? -40 : 250);
        e->reflectance_0001db = i == 1 ? 0 : -55123;
        memcpy(e->code, i == 2 ? "1E9999" : "1F9999", 7);
        memcpy(e->loss_technique, "LS", 3);
        for (int m = 0; m < SOR_MARK_COUNT; m++) {
            e->markers_100ps[m] = e->time_100ps + (m - 2) * 500;
        }
        e->markers_100ps[0] = -5; /* markers may be negative (SOR.md) */
        snprintf(e->comment, sizeof e->comment, "evenement %zu", i + 1);
    }
    f->has_summary = true;
    f->summary.total_loss_0001db = 1234;
    f->summary.loss_start_100ps = -20;
    f->summary.loss_end_100ps = 300000;
    f->summary.orl_0001db = 45678;
    f->summary.orl_start_100ps = -20;
    f->summary.orl_end_100ps = 300001;

    CHECK(sor_alloc_landmarks(f, 2));
    for (size_t i = 0; i < 2; i++) {
        SorLandmark *l = &f->landmarks[i];
        l->number = (int16_t)(i + 1);
        memcpy(l->code, "MH", 3);
        l->location_100ps = 150000 * (int32_t)(i + 1);
        l->related_event = (int16_t)(i + 1);
        l->gps_longitude = 2350000;
        l->gps_latitude = -48850000;
        l->fibre_correction_001pct = 150;
        l->sheath_in = 1000 + (int32_t)i;
        l->sheath_out = 2000 + (int32_t)i;
        memcpy(l->sheath_units, "mt", 3);
        l->mode_field_diameter = 92;
        strcpy(l->comment, "chambre L2T");
    }
    f->has_links = true;

    /* Two scale-factor sets: 200 points at 1.0 and 100 at 0.5. */
    CHECK(sor_alloc_points(f, 300));
    free(f->sets);
    f->sets = calloc(2, sizeof *f->sets);
    f->set_count = 2;
    f->sets[0].count = 200;
    f->sets[0].scale_e3 = 1000;
    f->sets[1].count = 100;
    f->sets[1].scale_e3 = 500;
    for (size_t k = 0; k < 300; k++) {
        f->points[k] = (uint16_t)(20000 + k * 97 % 40000);
    }
    f->points[0] = 0;
    f->points[299] = 65535;
    f->data_total_points = 300;
}

static void test_full_round_trip(void)
{
    SorFile a;
    build_full(&a);
    uint8_t *buf = NULL;
    size_t size = 0;
    SorError err;
    CHECK(sor_write(&a, &buf, &size, &err));
    CHECK(size > 100 && memcmp(buf, "Map\0", 4) == 0);
    CHECK(buf[4] == 200 && buf[5] == 0);                  /* revision 2.00 */
    CHECK(le32(buf + 6) < size);                          /* Map size */
    CHECK(memcmp(buf + size - 8, "Cksum\0", 6) == 0);     /* Cksum block last */
    uint16_t stored = (uint16_t)(buf[size - 2] | (buf[size - 1] << 8));
    CHECK(stored == crc_bitwise(buf, size - 2, 0xFFFF));  /* every byte before it */

    SorFile b;
    CHECK(sor_read(&b, buf, size, &err));
    CHECK(b.version == 2 && b.map_revision == 200);
    CHECK(b.cksum.status == SOR_CKSUM_OK);
    CHECK(b.note_count == 0);
    CHECK(b.has_links && b.has_events);
    sor_compare_content("full", &a, &b);
    /* Level of a point in the second set: raw x 0.5 / 1000. */
    CHECK_NEAR(sor_point_db(&b, 250), -(double)a.points[250] * 0.5 / 1000.0, 1e-12);
    CHECK_NEAR(sor_point_db(&b, 10), -(double)a.points[10] / 1000.0, 1e-12);
    /* Block list as written. */
    const char *names[] = {"GenParams", "SupParams", "FxdParams", "KeyEvents", "LnkParams", "DataPts", "Cksum"};
    CHECK(b.block_count == 7);
    for (size_t i = 0; i < b.block_count && i < 7; i++) {
        CHECK_STR(b.blocks[i].name, names[i]);
        CHECK(b.blocks[i].revision == 200);
    }
    /* Written twice, the same bytes (no hidden state). */
    uint8_t *buf2 = NULL;
    size_t size2 = 0;
    CHECK(sor_write(&b, &buf2, &size2, &err));
    CHECK(size2 == size && memcmp(buf, buf2, size) == 0);
    free(buf2);
    free(buf);
    sor_finish(&a);
    sor_finish(&b);
}

static void test_units(void)
{
    SorFile f;
    build_full(&f);
    /* d = T x 1e-10 x c / n. */
    CHECK_NEAR(sor_time_to_m(&f, 100000), 100000e-10 * 299792458.0 / 1.4682, 1e-9);
    CHECK(sor_m_to_time_100ps(&f, sor_time_to_m(&f, 123457)) == 123457);
    /* Sample spacing: DS 50 000 -> 0.5 ns per sample. */
    CHECK_NEAR(sor_sample_spacing_m(&f), 0.5e-9 * 299792458.0 / 1.4682, 1e-12);
    CHECK_NEAR(sor_point_m(&f, 10), (-367e-10 + 10 * 0.5e-9) * 299792458.0 / 1.4682, 1e-9);
    CHECK_NEAR(sor_wavelength_nm(&f), 1550.0, 0);
    CHECK_NEAR(sor_backscatter_db(&f), -81.7, 1e-12);
    CHECK(sor_db_to_raw(-27.055) == 27055);
    CHECK(sor_db_to_raw(3.0) == 0 && sor_db_to_raw(-70.0) == 65535);
    /* SOR.md check: DS 100 000, n 1.4675 -> 0.2043 m, 30 000 points -> 6.13 km. */
    f.fxd.data_spacing[0] = 100000;
    f.fxd.group_index_e5 = 146750;
    CHECK_NEAR(sor_sample_spacing_m(&f), 0.2043, 0.00005);
    CHECK_NEAR(sor_sample_spacing_m(&f) * 30000 / 1000.0, 6.13, 0.005);
    sor_finish(&f);
}

static void test_crc(void)
{
    /* Catalogue check values of "123456789": CCITT-FALSE 0x29B1, XMODEM 0x31C3. */
    const uint8_t check[] = "123456789";
    CHECK(sor_crc16(check, 9, 0xFFFF) == 0x29B1);
    CHECK(sor_crc16(check, 9, 0x0000) == 0x31C3);
    CHECK(crc_bitwise(check, 9, 0xFFFF) == 0x29B1);
}

static void test_write_errors(void)
{
    SorFile f;
    SorError err;
    uint8_t *buf = NULL;
    size_t size = 0;
    sor_init(&f);
    f.fxd.group_index_e5 = 146800;
    f.fxd.data_spacing[0] = 100000;
    CHECK(sor_write(&f, &buf, &size, &err)); /* an empty trace is a valid file */
    free(buf);
    f.fxd.pulse_count = 0;
    CHECK(!sor_write(&f, &buf, &size, &err) && buf == NULL);
    CHECK_STR(err.block, "FxdParams");
    f.fxd.pulse_count = 1;
    CHECK(sor_alloc_points(&f, 10));
    f.sets[0].count = 9;
    CHECK(!sor_write(&f, &buf, &size, &err));
    CHECK_STR(err.block, "DataPts");
    f.sets[0].count = 10;
    f.fxd.group_index_e5 = 0;
    CHECK(!sor_write(&f, &buf, &size, &err));
    f.fxd.group_index_e5 = 146800;
    CHECK(sor_write(&f, &buf, &size, &err));
    free(buf);
    sor_finish(&f);
}

static void test_write_file(void)
{
    SorFile a, b;
    SorError err;
    build_full(&a);
    char path[] = "test_sor_roundtrip.tmp.sor";
    CHECK(sor_write_file(&a, path, &err));
    CHECK(sor_read_file(&b, path, &err));
    sor_compare_content("file", &a, &b);
    remove(path);
    sor_finish(&b);
    CHECK(!sor_write_file(&a, "/nonexistent-dir/x.sor", &err));
    CHECK(!sor_read_file(&b, "/nonexistent-dir/x.sor", &err));
    sor_finish(&b);
    sor_finish(&a);
}

/* Every sample: read -> write (v2) -> read gives the same content. */
static void test_samples(void)
{
    const char *env = getenv("FIBRESIM_SOURCE_ROOT");
    const char *root = env && env[0] ? env : FIBRESIM_SOURCE_ROOT;
    const char *files[] = {
        "pyOTDR/demo_ab.sor", "pyOTDR/M200_Sample_005_S13.sor", "pyOTDR/sample1310_lowDR.sor",
        "otdrparser/example.sor", "otdrparser/1310_0001.sor", "otdrparser/1310_0045.sor",
        "otdrparser/issue14.sor", "otdrparser/issue15a.sor", "otdrparser/otdr1.sor", "otdrparser/otdr7.sor",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/tests/data/sor/%s", root, files[i]);
        SorFile a, b;
        SorError err;
        bool ok = sor_read_file(&a, path, &err);
        CHECK_MSG(ok, "%s not read", files[i]);
        uint8_t *buf = NULL;
        size_t size = 0;
        if (ok && sor_write(&a, &buf, &size, &err)) {
            CHECK(sor_read(&b, buf, size, &err));
            CHECK(b.cksum.status == SOR_CKSUM_OK);
            if (!a.has_events) {
                /* The writer always writes KeyEvents (0 events + summary). */
                CHECK(b.has_events && b.event_count == 0);
                a.has_events = b.has_events;
                a.has_summary = b.has_summary;
                a.summary = b.summary;
            }
            sor_compare_content(files[i], &a, &b);
            sor_finish(&b);
        } else {
            CHECK_MSG(false, "%s not written", files[i]);
        }
        free(buf);
        sor_finish(&a);
    }
}

int main(void)
{
    test_crc();
    test_full_round_trip();
    test_units();
    test_write_errors();
    test_write_file();
    test_samples();
    return test_done("sor_roundtrip");
}
