/*
 * test_sor_robust.c - truncated and corrupted files give errors, never
 * crashes (run under ASan+UBSan by the sanitizer build): every truncation
 * length of a small written file and of two samples, every byte flipped in
 * the small file, absurd counts and sizes planted at the right offsets (each
 * with the error it must give), and seeded random mutations of the samples.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_config.h"
#include "check.h"
#include "fibresim/rng.h"
#include "fibresim/sor.h"

static uint8_t *load(const char *rel, size_t *size)
{
    const char *env = getenv("FIBRESIM_SOURCE_ROOT");
    char path[2048];
    snprintf(path, sizeof path, "%s/tests/data/sor/%s", env && env[0] ? env : FIBRESIM_SOURCE_ROOT, rel);
    FILE *fp = fopen(path, "rb");
    CHECK_MSG(fp != NULL, "cannot open %s", path);
    if (!fp) {
        return NULL;
    }
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    uint8_t *buf = malloc((size_t)n);
    *size = buf ? fread(buf, 1, (size_t)n, fp) : 0;
    fclose(fp);
    return buf;
}

/* A small version 2 file: 2 events, 40 points. */
static uint8_t *small_file(size_t *size)
{
    SorFile f;
    sor_init(&f);
    f.fxd.group_index_e5 = 146800;
    f.fxd.data_spacing[0] = 100000;
    f.fxd.wavelength_01nm = 13100;
    f.fxd.pulse_width_ns[0] = 30;
    strcpy(f.gen.cable_id, "C1");
    strcpy(f.gen.fibre_id, "F1");
    sor_alloc_events(&f, 2);
    for (int i = 0; i < 2; i++) {
        f.events[i].number = (int16_t)(i + 1);
        f.events[i].time_100ps = 5000 * (i + 1);
        memcpy(f.events[i].code, "1F9999", 7);
        memcpy(f.events[i].loss_technique, "LS", 3);
    }
    sor_alloc_points(&f, 40);
    for (int k = 0; k < 40; k++) {
        f.points[k] = (uint16_t)(20000 + 100 * k);
    }
    uint8_t *buf = NULL;
    SorError err;
    CHECK(sor_write(&f, &buf, size, &err));
    sor_finish(&f);
    return buf;
}

/* What must hold whenever a read succeeds. */
static void check_invariants(const SorFile *f, size_t size)
{
    size_t sum = 0;
    for (size_t s = 0; s < f->set_count; s++) {
        sum += f->sets[s].count;
    }
    CHECK(sum == f->point_count);
    CHECK(f->point_count * 2 <= size);
    CHECK(f->event_count * 22 <= size);
    CHECK(f->fxd.pulse_count >= 1 && f->fxd.pulse_count <= SOR_MAX_PULSES);
    CHECK(f->fxd.group_index_e5 >= 100000 && f->fxd.group_index_e5 <= 200000);
    for (size_t i = 0; i < f->block_count; i++) {
        CHECK(f->blocks[i].offset + f->blocks[i].size <= size);
    }
    /* Touch every point and event through the public accessors. */
    double acc = 0;
    for (size_t k = 0; k < f->point_count; k++) {
        acc += sor_point_db(f, k) + sor_point_m(f, k);
    }
    for (size_t i = 0; i < f->event_count; i++) {
        acc += sor_event_m(f, &f->events[i]);
    }
    CHECK(acc == acc); /* not NaN */
}

/* A message's template and values: every placeholder filled, and at most
 * 4 values, so that the whole error fits in one DiagArgs (sor.h). */
static void check_template(const char *tmpl, const DiagArgs *args, const char *english)
{
    CHECK_MSG(tmpl != NULL && tmpl[0] != '\0', "no template for \"%s\"", english);
    CHECK_MSG(args->count <= 4, "%d values for \"%s\"", args->count, tmpl ? tmpl : "");
    char filled[400];
    diag_fill(tmpl, args, '.', filled, sizeof filled);
    CHECK_MSG(strcmp(filled, english) == 0, "\"%s\" filled gives \"%s\", the English text is \"%s\"",
              tmpl ? tmpl : "", filled, english);
    CHECK_MSG(strchr(english, '{') == NULL, "placeholder left in \"%s\"", english);
}

/* Reads data; on failure the error must say where and what. */
static bool read_checked(const uint8_t *data, size_t size, SorError *err)
{
    SorFile f;
    bool ok = sor_read(&f, data, size, err);
    if (ok) {
        check_invariants(&f, size);
        for (size_t i = 0; i < f.note_count; i++) {
            /* At most 6 values: a landmark error's 4 and its 2 parts. */
            CHECK(f.notes[i].args.count <= 6);
            char text[400];
            sor_note_text(&f.notes[i], NULL, NULL, '.', text, sizeof text);
            CHECK_MSG(strcmp(text, f.notes[i].text) == 0 && strchr(text, '{') == NULL, "note \"%s\"", text);
        }
    } else {
        CHECK(err->expected[0] != '\0' && err->found[0] != '\0');
        CHECK(err->offset <= size);
        check_template(err->expected_tmpl, &err->args, err->expected);
        check_template(err->found_tmpl, &err->args, err->found);
    }
    sor_finish(&f);
    return ok;
}

static void every_truncation(const char *what, const uint8_t *data, size_t size, size_t data_end)
{
    size_t accepted = 0;
    SorError err;
    for (size_t len = 0; len < data_end; len++) {
        accepted += read_checked(data, len, &err);
    }
    CHECK_MSG(accepted == 0, "%s: %zu truncated files accepted", what, accepted);
    CHECK(read_checked(data, size, &err));
}

static void test_truncations(void)
{
    size_t size = 0;
    uint8_t *small = small_file(&size);
    if (small) {
        every_truncation("small", small, size, size);
        /* Cut inside DataPts: the error names the block and its offset. */
        SorFile f;
        SorError err;
        CHECK(!sor_read(&f, small, size - 20, &err));
        CHECK(strcmp(err.block, "DataPts") == 0 || strcmp(err.block, "Cksum") == 0);
        CHECK(strstr(err.found, "truncated") != NULL);
        sor_finish(&f);
        free(small);
    }
    const char *samples[] = {"pyOTDR/demo_ab.sor", "pyOTDR/sample1310_lowDR.sor"};
    for (int i = 0; i < 2; i++) {
        uint8_t *d = load(samples[i], &size);
        if (d) {
            every_truncation(samples[i], d, size, size);
            free(d);
        }
    }
    /* otdr1 has 103 bytes after its last block: cutting those is fine. */
    uint8_t *d = load("otdrparser/otdr1.sor", &size);
    if (d) {
        SorError err;
        CHECK(read_checked(d, size - 103, &err));
        CHECK(!read_checked(d, size - 104, &err));
        free(d);
    }
}

static void test_flips(void)
{
    size_t size = 0;
    uint8_t *small = small_file(&size);
    if (!small) {
        return;
    }
    uint8_t *copy = malloc(size);
    SorError err;
    const uint8_t masks[] = {0xFF, 0x80, 0x01, 0x7F};
    for (size_t i = 0; i < size; i++) {
        for (size_t m = 0; m < sizeof masks; m++) {
            memcpy(copy, small, size);
            copy[i] ^= masks[m];
            read_checked(copy, size, &err);
        }
    }
    free(copy);
    free(small);
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)v);
    put16(p + 2, (uint16_t)(v >> 16));
}

/* Offset of a block's body in a version 2 file we wrote (after its name). */
static size_t block_at(const uint8_t *d, size_t size, const char *name)
{
    SorFile f;
    SorError err;
    size_t at = 0;
    if (sor_read(&f, d, size, &err)) {
        for (size_t i = 0; i < f.block_count; i++) {
            if (strcmp(f.blocks[i].name, name) == 0) {
                at = f.blocks[i].offset + strlen(name) + 1;
            }
        }
    }
    sor_finish(&f);
    return at;
}

typedef void (*Plant)(uint8_t *d, size_t size);

static void expect_error(const char *what, Plant plant, const char *block, const char *expected_part)
{
    size_t size = 0;
    uint8_t *d = small_file(&size);
    if (!d) {
        return;
    }
    plant(d, size);
    SorFile f;
    SorError err;
    bool ok = sor_read(&f, d, size, &err);
    char msg[600];
    sor_error_format(&err, msg, sizeof msg);
    CHECK_MSG(!ok, "%s: accepted", what);
    CHECK_MSG(!ok && strcmp(err.block, block) == 0, "%s: error in \"%s\", expected \"%s\" (%s)", what, err.block, block, msg);
    CHECK_MSG(!ok && strstr(msg, expected_part) != NULL, "%s: \"%s\" lacks \"%s\"", what, msg, expected_part);
    sor_finish(&f);
    free(d);
}

static void plant_block_count(uint8_t *d, size_t size)
{
    (void)size;
    put16(d + 10, 65535);
}

static void plant_map_size(uint8_t *d, size_t size)
{
    (void)size;
    put32(d + 6, 0xFFFFFFFFu);
}

static void plant_block_size(uint8_t *d, size_t size)
{
    (void)size;
    /* First entry after "Map\0" rev size count: "GenParams\0" rev size. */
    put32(d + 12 + 10 + 2, 0xFFFFFFF0u);
}

static void plant_event_count(uint8_t *d, size_t size)
{
    put16(d + block_at(d, size, "KeyEvents"), 65535);
}

static void plant_point_count(uint8_t *d, size_t size)
{
    size_t at = block_at(d, size, "DataPts");
    put32(d + at + 6, 0xFFFFFFFFu); /* the set's count */
}

static void plant_set_count(uint8_t *d, size_t size)
{
    put16(d + block_at(d, size, "DataPts") + 4, 32767);
}

static void plant_pulse_count(uint8_t *d, size_t size)
{
    /* date 4, units 2, wavelength 2, AO 4, AO distance 4. */
    put16(d + block_at(d, size, "FxdParams") + 16, 65535);
}

static void plant_group_index(uint8_t *d, size_t size)
{
    /* ... pulse count 2, width 2, spacing 4, points 4. */
    put32(d + block_at(d, size, "FxdParams") + 28, 0);
}

static void plant_unterminated(uint8_t *d, size_t size)
{
    /* GenParams: replace every byte after the language code with 'A'. */
    size_t at = block_at(d, size, "GenParams");
    SorFile f;
    SorError err;
    sor_read(&f, d, size, &err);
    size_t end = f.blocks[0].offset + f.blocks[0].size;
    sor_finish(&f);
    memset(d + at + 2, 'A', end - at - 2);
}

static void plant_bad_name(uint8_t *d, size_t size)
{
    d[block_at(d, size, "FxdParams") - 3] = 'X';
}

static void plant_bad_magic(uint8_t *d, size_t size)
{
    (void)size;
    memcpy(d, "XYZW", 4);
}

static void test_absurd(void)
{
    expect_error("block count", plant_block_count, "Map", "block count");
    expect_error("map size", plant_map_size, "Map", "Map size");
    expect_error("block size", plant_block_size, "GenParams", "truncated");
    expect_error("event count", plant_event_count, "KeyEvents", "65535 events");
    expect_error("point count", plant_point_count, "DataPts", "4294967295 samples");
    expect_error("set count", plant_set_count, "DataPts", "scale-factor sets");
    expect_error("pulse count", plant_pulse_count, "FxdParams", "pulse-width count");
    expect_error("group index", plant_group_index, "FxdParams", "group index");
    expect_error("unterminated string", plant_unterminated, "GenParams", "NUL-terminated");
    expect_error("block name", plant_bad_name, "FxdParams", "block name");
    expect_error("magic", plant_bad_magic, "Map", "version 1");
    /* A file of 3 bytes, an empty buffer, NULL. */
    SorFile f;
    SorError err;
    CHECK(!sor_read(&f, (const uint8_t *)"Map", 3, &err));
    sor_finish(&f);
    CHECK(!sor_read(&f, NULL, 0, &err));
    sor_finish(&f);
    /* A Map that lists no FxdParams: a clear error, not a crash. */
    size_t size = 0;
    uint8_t *d = small_file(&size);
    if (d) {
        /* Rename the Map entry "FxdParams" to "FxdParamZ" (and the block header). */
        for (size_t i = 0; i + 9 < size; i++) {
            if (memcmp(d + i, "FxdParams", 9) == 0) {
                d[i + 8] = 'Z';
            }
        }
        CHECK(!sor_read(&f, d, size, &err));
        CHECK(strstr(err.expected, "FxdParams") != NULL);
        sor_finish(&f);
        free(d);
    }
}

static void test_random_mutations(void)
{
    Rng rng;
    rng_seed(&rng, 20250101);
    const char *samples[] = {"pyOTDR/demo_ab.sor", "otdrparser/issue14.sor", "otdrparser/otdr1.sor",
                             "pyOTDR/M200_Sample_005_S13.sor"};
    SorError err;
    for (int s = 0; s < 4; s++) {
        size_t size = 0;
        uint8_t *d = load(samples[s], &size);
        if (!d) {
            continue;
        }
        uint8_t *copy = malloc(size);
        for (int iter = 0; iter < 300; iter++) {
            memcpy(copy, d, size);
            int edits = 1 + (int)rng_below(&rng, 8);
            for (int e = 0; e < edits; e++) {
                /* Mostly in the headers (first 2 kB), where the counts are. */
                size_t limit = rng_chance(&rng, 0.8) && size > 2048 ? 2048 : size;
                size_t at = (size_t)rng_below(&rng, limit);
                copy[at] = (uint8_t)rng_below(&rng, 256);
            }
            size_t len = rng_chance(&rng, 0.2) ? (size_t)rng_below(&rng, size + 1) : size;
            read_checked(copy, len, &err);
        }
        free(copy);
        free(d);
    }
    /* Pure noise, v1- and v2-looking. */
    uint8_t noise[512];
    for (int iter = 0; iter < 2000; iter++) {
        for (size_t i = 0; i < sizeof noise; i++) {
            noise[i] = (uint8_t)rng_below(&rng, 256);
        }
        if (iter % 2) {
            memcpy(noise, "Map\0", 4);
        } else {
            put16(noise, 100);
        }
        read_checked(noise, 8 + rng_below(&rng, sizeof noise - 8), &err);
    }
}

/* tests/corpus/sor: each broken file gives the error (or note) EXPECTED
 * names, at the block and byte offset make_sor_corpus.py computed. */
static void test_corpus(void)
{
    const char *env = getenv("FIBRESIM_SOURCE_ROOT");
    char dir[2048], path[2300];
    snprintf(dir, sizeof dir, "%s/tests/corpus/sor", env && env[0] ? env : FIBRESIM_SOURCE_ROOT);
    snprintf(path, sizeof path, "%s/EXPECTED", dir);
    FILE *ex = fopen(path, "r");
    CHECK_MSG(ex != NULL, "cannot open %s", path);
    if (!ex) {
        return;
    }
    char line[600];
    int files = 0;
    while (fgets(line, sizeof line, ex)) {
        line[strcspn(line, "\n")] = '\0';
        char name[128], kind[16], block[64];
        size_t offset = 0;
        int used = 0;
        if (line[0] == '#' || sscanf(line, "%127s %15s %63s %zu %n", name, kind, block, &offset, &used) != 4) {
            continue;
        }
        const char *phrase = line + used;
        if (strcmp(block, "-") == 0) {
            block[0] = '\0';
        }
        snprintf(path, sizeof path, "%s/%s", dir, name);
        SorFile f;
        SorError err;
        bool ok = sor_read_file(&f, path, &err);
        if (strcmp(kind, "error") == 0) {
            char msg[600];
            sor_error_format(&err, msg, sizeof msg);
            CHECK_MSG(!ok, "%s: read", name);
            CHECK_MSG(!ok && strcmp(err.block, block) == 0 && err.offset == offset,
                      "%s: error at %s byte %zu, expected at %s byte %zu (%s)", name, err.block, err.offset, block,
                      offset, msg);
            CHECK_MSG(!ok && strstr(msg, phrase) != NULL, "%s: \"%s\" lacks \"%s\"", name, msg, phrase);
        } else {
            bool seen = false;
            for (size_t i = 0; ok && i < f.note_count; i++) {
                seen = seen || (strcmp(f.notes[i].block, block) == 0 && f.notes[i].offset == offset
                                && strstr(f.notes[i].text, phrase) != NULL);
            }
            CHECK_MSG(ok && seen, "%s: no note at %s byte %zu with \"%s\"", name, block, offset, phrase);
        }
        sor_finish(&f);
        files++;
    }
    fclose(ex);
    CHECK_MSG(files >= 16, "only %d files in %s/EXPECTED", files, dir);
}

int main(void)
{
    test_corpus();
    test_truncations();
    test_flips();
    test_absurd();
    test_random_mutations();
    return test_done("sor_robust");
}
