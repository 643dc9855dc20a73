/*
 * test_sor_oracle.c - for every sample .sor file, what "fibresim sor dump
 * --json" prints (sor_to_json) agrees with what an independent parser read
 * (tests/data/sor/oracle/, see its README.md for each field's meaning).
 *
 * Where the oracle's convention differs from ours, the test recomputes the
 * oracle's value from our raw fields, the oracle's way:
 * - point distances: pyOTDR puts sample 0 at 0 m (k x spacing), ignoring the
 *   acquisition offset we add (SOR.md "Time to distance");
 * - markers, summary loss end / ORL end: pyOTDR reads them as unsigned 32-bit
 *   (a marker of -1 becomes 4294967295 x 100 ps); we keep SOR.md's signed i32;
 * - wavelength: pyOTDR multiplies the stored value by 0.1 even when Noyes
 *   stored plain nm (131.0 for 1310 nm); we read 1310.0 nm;
 * - averaging time: pyOTDR rounds 0.1 s units to whole seconds;
 * - event n: the oracle's n is the rank in the list, not the stored number;
 * - issue15a (otdrparser): strings and block names without trailing spaces,
 *   markers raw.
 * Distances are compared within 0.5 m (pyOTDR rounds km to 3 decimals), levels
 * and losses within 0.001 dB.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_config.h"
#include "check.h"
#include "fibresim/sor.h"
#include "journal_util.h"

static char root_dir[2048];

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *j = get(o, key);
    return cJSON_IsNumber(j) ? j->valuedouble : -1e300;
}

static bool present(const cJSON *o, const char *key)
{
    const cJSON *j = get(o, key);
    return j && !cJSON_IsNull(j);
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *j = get(o, key);
    return cJSON_IsString(j) ? j->valuestring : NULL;
}

/* Ours, with trailing spaces removed (otdrparser strips them). */
static const char *rstrip(const char *s, char *buf, size_t n)
{
    snprintf(buf, n, "%s", s);
    size_t len = strlen(buf);
    while (len > 0 && buf[len - 1] == ' ') {
        buf[--len] = '\0';
    }
    return buf;
}

static void check_text(const char *name, const char *field, const char *ours, const cJSON *oracle,
                       const char *okey, bool strip)
{
    if (!present(oracle, okey)) {
        return; /* the oracle could not read it */
    }
    char buf[SOR_TEXT_MAX];
    const char *o = str(oracle, okey);
    const char *mine = strip ? rstrip(ours, buf, sizeof buf) : ours;
    CHECK_MSG(o && strcmp(mine, o) == 0, "%s: %s = \"%s\", oracle \"%s\"", name, field, mine, o ? o : "(null)");
}

/* The oracle's km for a time read as unsigned 32-bit. */
static double oracle_km_u32(const SorFile *f, int32_t t)
{
    return sor_time_to_m(f, (double)(uint32_t)t) / 1000.0;
}

static void compare(const char *name, const cJSON *oracle, const SorFile *f, const cJSON *ours)
{
    bool py = strcmp(str(oracle, "engine"), "pyOTDR") == 0;

    /* ---- format and map */
    CHECK_MSG(num(oracle, "format") == num(ours, "format"), "%s: format", name);
    CHECK_STR(str(ours, "revision"), str(oracle, "revision"));
    const cJSON *omap = get(oracle, "map");
    const cJSON *oblocks = get(omap, "blocks");
    const cJSON *blocks = get(ours, "blocks");
    CHECK_MSG(cJSON_GetArraySize(oblocks) == cJSON_GetArraySize(blocks), "%s: block count", name);
    for (int i = 0; i < cJSON_GetArraySize(oblocks) && i < cJSON_GetArraySize(blocks); i++) {
        const cJSON *ob = cJSON_GetArrayItem(oblocks, i), *b = cJSON_GetArrayItem(blocks, i);
        char orev[16];
        snprintf(orev, sizeof orev, "%.2f", num(b, "revision") / 100.0);
        char bname[SOR_NAME_MAX];
        CHECK_STR(py ? str(b, "name") : rstrip(str(b, "name"), bname, sizeof bname), str(ob, "name"));
        CHECK_STR(orev, str(ob, "revision"));
        CHECK_MSG(num(b, "size") == num(ob, "size"), "%s: block %d size", name, i);
        CHECK_MSG(num(b, "offset") == num(ob, "pos"), "%s: block %d offset", name, i);
    }
    if (f->block_count) {
        CHECK_MSG((double)f->blocks[0].offset == num(omap, "size"), "%s: map size", name);
    }

    /* ---- GenParams, SupParams */
    const cJSON *og = get(oracle, "gen");
    const SorGenParams *g = &f->gen;
    bool strip = !py;
    check_text(name, "language", g->language, og, "language", strip);
    check_text(name, "cable_id", g->cable_id, og, "cable_id", strip);
    check_text(name, "fibre_id", g->fibre_id, og, "fiber_id", strip);
    check_text(name, "origin", g->origin, og, "location_a", strip);
    check_text(name, "end", g->end, og, "location_b", strip);
    check_text(name, "cable_code", g->cable_code, og, "cable_code", strip);
    check_text(name, "build_condition", g->build_condition, og, "build_condition", strip);
    check_text(name, "operator", g->operator_name, og, "operator", strip);
    check_text(name, "comment", g->comment, og, "comment", strip);
    CHECK_MSG(g->nominal_wavelength_nm == num(og, "nominal_wavelength_nm"), "%s: nominal wavelength", name);
    CHECK_MSG(g->user_offset_100ps == num(og, "user_offset"), "%s: user offset", name);
    if (present(og, "user_offset_distance")) {
        CHECK_MSG(g->user_offset_distance == num(og, "user_offset_distance"), "%s: user offset distance", name);
    }
    if (present(og, "fiber_type")) {
        CHECK_MSG(g->fibre_type == num(og, "fiber_type"), "%s: fibre type", name);
    }
    const cJSON *os = get(oracle, "sup");
    const SorSupParams *s = &f->sup;
    check_text(name, "supplier", s->supplier, os, "supplier", strip);
    check_text(name, "mainframe", s->mainframe_id, os, "otdr", strip);
    check_text(name, "mainframe_sn", s->mainframe_sn, os, "otdr_sn", strip);
    check_text(name, "module", s->module_id, os, "module", strip);
    check_text(name, "module_sn", s->module_sn, os, "module_sn", strip);
    check_text(name, "software", s->software_rev, os, "software", strip);
    check_text(name, "other", s->other, os, "other", strip);

    /* ---- FxdParams */
    const cJSON *ox = get(oracle, "fxd");
    const cJSON *x = get(ours, "fxd");
    const SorFxdParams *fx = &f->fxd;
    CHECK_MSG(num(x, "date_time_unix") == num(ox, "date_time_unix"), "%s: date", name);
    CHECK_STR(str(x, "distance_units"), str(ox, "units"));
    double owl = num(ox, "wavelength_nm");
    double expect_wl = owl < 200 ? owl * 10 : owl; /* Noyes nm x 0.1 by pyOTDR */
    CHECK_NEAR(num(x, "wavelength_nm"), expect_wl, 1e-9);
    CHECK_MSG(num(x, "acq_offset_100ps") == num(ox, "acquisition_offset"), "%s: acquisition offset", name);
    if (present(ox, "acquisition_offset_distance")) {
        CHECK_MSG(num(x, "acq_offset_distance") == num(ox, "acquisition_offset_distance"), "%s: AO distance", name);
    }
    CHECK_MSG(fx->pulse_count == num(ox, "pulse_width_entries"), "%s: pulse count", name);
    CHECK_MSG(fx->pulse_width_ns[0] == num(ox, "pulse_width_ns"), "%s: pulse width", name);
    CHECK_NEAR(num(x, "sample_spacing_ns") / 1000.0, num(ox, "sample_spacing_us"), 1e-12);
    CHECK_MSG(fx->points_per_pulse[0] == num(ox, "num_data_points"), "%s: FxdParams points", name);
    CHECK_NEAR(num(x, "group_index"), num(ox, "index"), 1e-9);
    CHECK_NEAR(num(x, "backscatter_db"), num(ox, "backscatter_db"), 1e-9);
    CHECK_MSG(fx->num_averages == num(ox, "num_averages"), "%s: averages", name);
    if (present(ox, "averaging_time_s")) {
        CHECK_NEAR(num(x, "averaging_time_s"), num(ox, "averaging_time_s"), 0.5);
    }
    CHECK_MSG(fx->front_panel_offset_100ps == num(ox, "front_panel_offset"), "%s: front panel offset", name);
    CHECK_MSG(fx->noise_floor_neg_0001db == num(ox, "noise_floor_level"), "%s: noise floor", name);
    CHECK_MSG(fx->noise_floor_scale_e3 == num(ox, "noise_floor_scale"), "%s: noise floor scale", name);
    CHECK_MSG(fx->power_offset_0001db == num(ox, "power_offset_first_point"), "%s: power offset", name);
    CHECK_NEAR(num(x, "loss_threshold_db"), num(ox, "loss_thr_db"), 1e-9);
    CHECK_NEAR(num(x, "reflectance_threshold_db"), num(ox, "refl_thr_db"), 1e-9);
    CHECK_NEAR(num(x, "end_of_fibre_threshold_db"), num(ox, "eot_thr_db"), 1e-9);
    if (present(ox, "trace_type")) {
        CHECK_STR(str(x, "trace_type"), str(ox, "trace_type"));
    }
    CHECK_NEAR(num(x, "sample_spacing_m"), num(ox, "resolution_m"), 1e-9);
    CHECK_NEAR(num(x, "sample_spacing_m") * fx->points_per_pulse[0] / 1000.0, num(ox, "range_km"), 1e-9);

    /* ---- KeyEvents */
    const cJSON *oev = get(oracle, "events");
    const cJSON *ev = get(ours, "events");
    CHECK_MSG(cJSON_IsNull(oev) || oev == NULL ? ev == NULL : ev != NULL, "%s: events presence", name);
    if (oev && !cJSON_IsNull(oev) && ev) {
        const cJSON *olist = get(oev, "list");
        CHECK_MSG(num(oev, "count") == cJSON_GetArraySize(ev), "%s: event count %d vs %g", name,
                  cJSON_GetArraySize(ev), num(oev, "count"));
        for (int i = 0; i < cJSON_GetArraySize(olist) && i < cJSON_GetArraySize(ev); i++) {
            const cJSON *oe = cJSON_GetArrayItem(olist, i), *e = cJSON_GetArrayItem(ev, i);
            const SorEvent *se = &f->events[i];
            char code[16];
            snprintf(code, sizeof code, "%s%s", str(e, "code"), str(e, "loss_technique"));
            /* The oracle's n is the event's rank (pyOTDR counts them); the
             * stored number can differ (Anritsu MT1000A files start at 2). */
            CHECK_MSG(num(oe, "n") == i + 1 && num(e, "number") == se->number, "%s: event %d number", name, i + 1);
            CHECK_STR(code, str(oe, "code"));
            CHECK_NEAR(num(e, "distance_m"), num(oe, "distance_km") * 1000.0, 0.5 + 1e-6);
            CHECK_NEAR(num(e, "slope_db_km"), num(oe, "slope_db_km"), 0.001);
            CHECK_NEAR(num(e, "loss_db"), num(oe, "splice_loss_db"), 0.001);
            CHECK_NEAR(num(e, "reflectance_db"), num(oe, "reflectance_db"), 0.001);
            const cJSON *omk = get(oe, "markers_km");
            const cJSON *omr = get(oe, "markers_raw_u32");
            for (int m = 0; m < SOR_MARK_COUNT; m++) {
                if (cJSON_IsArray(omk)) {
                    CHECK_NEAR(oracle_km_u32(f, se->markers_100ps[m]), cJSON_GetArrayItem(omk, m)->valuedouble,
                               0.0005 + 1e-9);
                } else if (cJSON_IsArray(omr)) {
                    CHECK_MSG((double)(uint32_t)se->markers_100ps[m] == cJSON_GetArrayItem(omr, m)->valuedouble,
                              "%s: event %d marker %d", name, i + 1, m);
                }
            }
        }
        const cJSON *osum = get(oev, "summary");
        const cJSON *sum = get(ours, "summary");
        CHECK_MSG(!osum || sum, "%s: summary", name);
        if (osum && sum) {
            CHECK_NEAR(num(sum, "total_loss_db"), num(osum, "total_loss_db"), 0.001);
            CHECK_NEAR(num(sum, "orl_db"), num(osum, "orl_db"), 0.001);
            CHECK_NEAR(num(sum, "loss_start_m") / 1000.0, num(osum, "loss_start_km"), 5e-7 + 1e-9);
            CHECK_NEAR(num(sum, "orl_start_m") / 1000.0, num(osum, "orl_start_km"), 5e-7 + 1e-9);
            CHECK_NEAR(oracle_km_u32(f, f->summary.loss_end_100ps), num(osum, "loss_end_km"), 5e-7 + 1e-9);
            CHECK_NEAR(oracle_km_u32(f, f->summary.orl_end_100ps), num(osum, "orl_end_km"), 5e-7 + 1e-9);
        }
    }

    /* ---- DataPts */
    const cJSON *od = get(oracle, "data");
    const cJSON *d = get(ours, "data");
    CHECK_MSG(num(d, "num_points") == num(od, "num_points"), "%s: points %g vs %g", name, num(d, "num_points"),
              num(od, "num_points"));
    CHECK_MSG(num(d, "declared_points") == num(od, "num_points"), "%s: DataPts total", name);
    CHECK_MSG((double)f->set_count == num(od, "scale_factors"), "%s: scale-factor sets", name);
    if (f->set_count) {
        CHECK_MSG(f->sets[0].scale_e3 == num(od, "scale_factor_raw"), "%s: scale factor", name);
        CHECK_MSG((double)f->sets[0].count == num(od, "num_points_2"), "%s: set points", name);
    }
    unsigned lo = 65535, hi = 0;
    double total = 0;
    for (size_t k = 0; k < f->point_count; k++) {
        lo = f->points[k] < lo ? f->points[k] : lo;
        hi = f->points[k] > hi ? f->points[k] : hi;
        total += f->points[k];
    }
    CHECK_MSG(lo == num(od, "raw_min") && hi == num(od, "raw_max") && total == num(od, "raw_sum"),
              "%s: raw min/max/sum", name);
    const char *edges[2] = {"first", "last"};
    for (int w = 0; w < 2; w++) {
        const cJSON *op = get(od, edges[w]), *p = get(d, edges[w]);
        CHECK_MSG(cJSON_GetArraySize(op) == cJSON_GetArraySize(p), "%s: %s points", name, edges[w]);
        for (int i = 0; i < cJSON_GetArraySize(op) && i < cJSON_GetArraySize(p); i++) {
            const cJSON *a = cJSON_GetArrayItem(op, i), *b = cJSON_GetArrayItem(p, i);
            double k = num(b, "i");
            CHECK_MSG(k == num(a, "i") && num(b, "raw") == num(a, "raw"), "%s: %s point %d", name, edges[w], i);
            CHECK_NEAR(num(b, "db"), num(a, "db"), 1e-9);
            /* pyOTDR: sample k at k x spacing (no acquisition offset). */
            CHECK_NEAR(k * num(x, "sample_spacing_m") / 1000.0, num(a, "km"), 5e-7 + 1e-9);
            /* Ours: shifted by the acquisition offset (SOR.md). */
            CHECK_NEAR(num(b, "m"), sor_time_to_m(f, fx->acq_offset_100ps) + k * sor_sample_spacing_m(f), 1e-6);
        }
    }

    /* ---- Cksum */
    const cJSON *oc = get(oracle, "checksum");
    const cJSON *c = get(ours, "checksum");
    CHECK_MSG(num(c, "stored") == num(oc, "stored"), "%s: stored checksum", name);
    if (present(oc, "computed")) {
        CHECK_MSG(num(c, "ccitt_false") == num(oc, "computed"), "%s: computed CRC %g vs %g", name,
                  num(c, "ccitt_false"), num(oc, "computed"));
        bool match = cJSON_IsTrue(get(oc, "match"));
        CHECK_MSG(match == (f->cksum.status == SOR_CKSUM_OK), "%s: checksum verdict", name);
    }
}

/* What SOR.md says of particular files, beyond the oracle. */
static void check_quirks(const char *name, const SorFile *f)
{
    if (strcmp(name, "demo_ab.sor") == 0) {
        /* SOR.md: HP event at T = 623 749, n 1.4711 -> 12.711 km. */
        CHECK(f->version == 1 && f->event_count == 5);
        CHECK(f->events[1].time_100ps == 623749);
        CHECK_NEAR(sor_event_m(f, &f->events[1]), 623749e-10 * 299792458.0 / 1.4711, 1e-9);
        CHECK_NEAR(sor_event_m(f, &f->events[1]) / 1000.0, 12.711, 0.0005);
        CHECK(f->cksum.status == SOR_CKSUM_OK);
        /* HP v1 puts DataPts before KeyEvents. */
        CHECK_STR(f->blocks[3].name, "DataPts");
        CHECK_STR(f->blocks[4].name, "KeyEvents");
        CHECK_NEAR(sor_point_db(f, 0), -27.055, 1e-12);
    }
    if (strcmp(name, "M200_Sample_005_S13.sor") == 0) {
        CHECK(f->fxd.wavelength_01nm == 13100);
        CHECK(f->cksum.status == SOR_CKSUM_OK);
    }
    if (strncmp(name, "1310_00", 7) == 0 || strncmp(name, "issue1", 6) == 0) {
        CHECK_MSG(f->cksum.status == SOR_CKSUM_OK_XMODEM, "%s: Anritsu XMODEM checksum", name);
    }
    if (strncmp(name, "issue1", 6) == 0) {
        /* Anritsu CMA4500: FxdParams says 37 503 points, DataPts holds 38 029. */
        CHECK(f->fxd.points_per_pulse[0] == 37503 && f->point_count == 38029);
        CHECK(f->gen.language[0] == '\0');
    }
    if (strcmp(name, "otdr1.sor") == 0) {
        CHECK(f->trailing_bytes == 103);
    }
    if (strcmp(name, "otdr7.sor") == 0) {
        CHECK(!f->has_events && f->event_count == 0);
    }
    if (strcmp(name, "sample1310_lowDR.sor") == 0) {
        /* AO = -367 x 100 ps at n = 1.475: sample 0 is 7.459 m before the panel. */
        CHECK_NEAR(sor_point_m(f, 0), -367e-10 * 299792458.0 / 1.475, 1e-9);
        CHECK_NEAR(sor_point_m(f, 0), -7.459, 0.001);
    }
    if (strcmp(name, "example.sor") == 0) {
        /* SOR.md check: DS 100 000 would give 0.2043 m at n 1.4675; here DS is
         * 78 125 (0.78125 ns per sample) at 1.4677. */
        CHECK(f->fxd.data_spacing[0] == 78125);
        CHECK_NEAR(sor_sample_spacing_m(f), 0.78125e-9 * 299792458.0 / 1.4677, 1e-12);
        CHECK(f->cksum.status == SOR_CKSUM_MISMATCH);
    }
}

int main(void)
{
    const char *env = getenv("FIBRESIM_SOURCE_ROOT");
    snprintf(root_dir, sizeof root_dir, "%s/tests/data/sor", env && env[0] ? env : FIBRESIM_SOURCE_ROOT);
    char odir[2300];
    snprintf(odir, sizeof odir, "%s/oracle", root_dir);
    DIR *dir = opendir(odir);
    CHECK_MSG(dir != NULL, "cannot open %s", odir);
    if (!dir) {
        return test_done("sor_oracle");
    }
    int files = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 5, ".json") != 0) {
            continue;
        }
        char path[2600];
        snprintf(path, sizeof path, "%s/%s", odir, de->d_name);
        char *text = tu_read(path, NULL);
        cJSON *oracle = text ? cJSON_Parse(text) : NULL;
        free(text);
        CHECK_MSG(oracle != NULL, "cannot parse %s", path);
        if (!oracle) {
            continue;
        }
        const char *sor_name = str(oracle, "file");
        char sor_path[2600];
        SorFile f;
        SorError err;
        bool ok = false;
        const char *folders[2] = {"pyOTDR", "otdrparser"};
        for (int i = 0; i < 2 && !ok; i++) {
            snprintf(sor_path, sizeof sor_path, "%s/%s/%s", root_dir, folders[i], sor_name);
            FILE *probe = fopen(sor_path, "rb");
            if (!probe) {
                continue;
            }
            fclose(probe);
            ok = sor_read_file(&f, sor_path, &err);
            if (!ok) {
                char msg[600];
                sor_error_format(&err, msg, sizeof msg);
                CHECK_MSG(ok, "%s: %s", sor_name, msg);
                sor_finish(&f);
            }
        }
        CHECK_MSG(ok, "%s: not read", sor_name);
        if (ok) {
            cJSON *ours = sor_to_json(&f, 10);
            CHECK(ours != NULL);
            if (ours) {
                compare(sor_name, oracle, &f, ours);
            }
            check_quirks(sor_name, &f);
            cJSON_Delete(ours);
            sor_finish(&f);
            files++;
        }
        cJSON_Delete(oracle);
    }
    closedir(dir);
    CHECK_MSG(files == 18, "%d sample files compared, 18 expected", files);
    fprintf(stderr, "%d files compared with their oracle\n", files);
    return test_done("sor_oracle");
}
