/*
 * test_otdr_export.c - an acquired trace as a standard .sor file: what the
 * instrument screen's save key and "fibresim sor export" write.
 *
 * A recette attempt (both wavelengths) is exported; the file read back with
 * the SOR reader must carry the scenario's identification fields, the
 * trainee as operator, the given date, the acquisition's settings, every
 * sample (within the file's 0.001 dB step) and the event table, with a
 * checksum that matches. Then the attempt is stored as a record and
 * "fibresim sor export" (which replays it) must write the same bytes.
 * argv[1]: the fibresim program.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/core.h"
#include "fibresim/record.h"
#include "journal_util.h"
#include "otdr_bot.h"

#define OPERATOR "Élodie N'Diaye"
#define ENDED "2026-11-26T02:39:10Z"
#define ENDED_UNIX 1795660750u /* the same instant, by hand */

static void check_file(const SorFile *f, const OtdrTrace *t, const OtdrEventTable *ev, double nm)
{
    CHECK_STR(f->gen.cable_id, "IMM-12-B");
    CHECK_STR(f->gen.fibre_id, "FI-0147");
    CHECK_STR(f->gen.origin, "DTIo 12B-3");
    CHECK_STR(f->gen.end, "PM-ZTD-045");
    CHECK_STR(f->gen.operator_name, OPERATOR);
    CHECK(f->gen.fibre_type == 657); /* the link is G.657 */
    CHECK(f->fxd.date_time_unix == ENDED_UNIX);
    CHECK_NEAR(sor_wavelength_nm(f), nm, 0.05);
    CHECK(f->fxd.pulse_width_ns[0] == 30);
    CHECK_NEAR(sor_group_index(f), 1.4677, 1e-5);
    CHECK(f->cksum.status == SOR_CKSUM_OK);
    CHECK(f->point_count == t->points);
    for (size_t k = 0; k < t->points && k < f->point_count; k += t->points / 50) {
        /* Raw samples hold 0.001 dB from 0 to -65.535 dB. */
        double want = t->level_db[k] > 0 ? 0.0 : t->level_db[k] < -65.535 ? -65.535 : t->level_db[k];
        CHECK_NEAR(sor_point_db(f, k), want, 0.0005 + 1e-9);
    }
    CHECK_NEAR(sor_sample_spacing_m(f), t->spacing_m, 1e-3);
    CHECK(f->event_count == ev->count);
    for (size_t i = 0; i < f->event_count && i < ev->count; i++) {
        CHECK_NEAR(sor_event_m(f, &f->events[i]), ev->ev[i].distance_m, 0.05);
        CHECK_NEAR(sor_event_loss_db(&f->events[i]), ev->ev[i].loss_db, 0.0005 + 1e-9);
    }
}

static uint8_t *to_bytes(const SorFile *f, size_t *n)
{
    uint8_t *b = NULL;
    SorError err;
    CHECK(sor_write(f, &b, n, &err));
    return b;
}

int main(int argc, char **argv)
{
    Scenario *scn = otdr_bot_scenario("recette-pm-pto");
    CHECK(scn != NULL);
    if (!scn) {
        return test_done("otdr_export");
    }
    Attempt *a = attempt_create(scn, 808);
    const void *state = attempt_module_state(a);
    SorFile f;
    CHECK(!otdr_export_sor(state, OPERATOR, ENDED_UNIX, &f)); /* nothing acquired yet */
    sor_finish(&f);
    bot_choices(a, (const char *const[]){"launch", "receive", "pulse:-", "pulse:-", "pulse:-", "pulse:-", "range:-",
                                         "range:-", NULL});
    bot_acquire(a);
    bot_choice(a, "wl:1550");
    bot_acquire(a);
    const OtdrView *v = bot_view(a);
    CHECK(v->trace && v->trace_wavelength == OTDR_WL_1550);

    /* The trace shown (1550 nm), written and read back. */
    CHECK(otdr_export_sor(state, OPERATOR, ENDED_UNIX, &f));
    size_t n = 0;
    uint8_t *bytes = to_bytes(&f, &n);
    SorFile back;
    SorError err;
    CHECK(bytes && sor_read(&back, bytes, n, &err));
    check_file(&back, v->trace, v->events, 1550.0);
    sor_finish(&back);
    sor_finish(&f);

    /* The 1310 nm one by name; a trace never acquired is refused. */
    bot_choice(a, "trace:1310:a");
    const OtdrTrace *t1310 = v->trace;
    CHECK(otdr_export_trace(state, OTDR_WL_1310, OTDR_TRACE_A, OPERATOR, ENDED_UNIX, &f));
    uint8_t *b1310 = NULL;
    size_t n1310 = 0;
    b1310 = to_bytes(&f, &n1310);
    CHECK(b1310 && sor_read(&back, b1310, n1310, &err));
    check_file(&back, t1310, v->events, 1310.0);
    sor_finish(&back);
    sor_finish(&f);
    CHECK(!otdr_export_trace(state, OTDR_WL_1310, OTDR_TRACE_B, OPERATOR, ENDED_UNIX, &f));
    sor_finish(&f);
    bot_choice(a, "trace:1550:a");
    bot_choice(a, "finish");

    /* As a record, exported by the command line: the same bytes. */
    if (argc > 1) {
        AttemptRecord rec;
        record_init(&rec);
        rec.format_version = RECORD_FORMAT_VERSION;
        record_make_id("20261126T023654Z", 0x9f1c2a7b40d3e815ull, rec.attempt_id);
        snprintf(rec.trainee_id, sizeof rec.trainee_id, "elodie-n-diaye");
        snprintf(rec.trainee_name, sizeof rec.trainee_name, "%s", OPERATOR);
        snprintf(rec.scenario_id, sizeof rec.scenario_id, "%s", scn->id);
        rec.scenario_version = scn->version;
        snprintf(rec.scenario_hash, sizeof rec.scenario_hash, "%s", scn->hash_hex);
        snprintf(rec.module, sizeof rec.module, "otdr");
        rec.seed = 808;
        snprintf(rec.program_version, sizeof rec.program_version, "%s", fs_version());
        snprintf(rec.started_at, sizeof rec.started_at, "2026-11-26T02:36:54Z");
        snprintf(rec.ended_at, sizeof rec.ended_at, ENDED);
        rec.status = attempt_status(a);
        rec.end_tick = attempt_tick(a);
        const InputLog *log = attempt_log(a);
        for (size_t i = 0; i < log->count; i++) {
            input_log_push(&rec.events, &log->items[i]);
        }
        rec.result = *attempt_result(a);
        char *dir = tu_mkdtemp("otdr-export");
        char rec_path[600], out_path[600], cmd[4096];
        snprintf(rec_path, sizeof rec_path, "%s/attempt.json", dir);
        snprintf(out_path, sizeof out_path, "%s/trace.sor", dir);
        size_t len = 0;
        char *text = record_serialize(&rec, &len);
        CHECK(text && tu_write(rec_path, text));
        free(text);
        const char *root = getenv("FIBRESIM_SOURCE_ROOT");
        snprintf(cmd, sizeof cmd, "'%s' sor export '%s' '%s' --scenario '%s/scenarios/otdr/recette-pm-pto.json'",
                 argv[1], rec_path, out_path, root ? root : ".");
        CHECK(system(cmd) == 0);
        size_t got_n = 0;
        char *got = tu_read(out_path, &got_n);
        CHECK(got && got_n == n && memcmp(got, bytes, n) == 0);
        free(got);
        /* --trace 1310:a gives the other file; a wrong scenario is refused. */
        snprintf(cmd, sizeof cmd,
                 "'%s' sor export '%s' '%s' --trace 1310:a --scenario '%s/scenarios/otdr/recette-pm-pto.json'", argv[1],
                 rec_path, out_path, root ? root : ".");
        CHECK(system(cmd) == 0);
        got = tu_read(out_path, &got_n);
        CHECK(got && got_n == n1310 && memcmp(got, b1310, n1310) == 0);
        free(got);
        /* Without --scenario: found by its hash under --scenarios, the same
         * bytes; in an empty folder, refused (nothing else to look in: the
         * record is not in a data folder and the current folder is dir). */
        snprintf(cmd, sizeof cmd, "'%s' sor export '%s' '%s' --scenarios '%s/scenarios'", argv[1], rec_path,
                 out_path, root ? root : ".");
        CHECK(system(cmd) == 0);
        got = tu_read(out_path, &got_n);
        CHECK(got && got_n == n && memcmp(got, bytes, n) == 0);
        free(got);
        snprintf(cmd, sizeof cmd,
                 "cd '%s' && FIBRESIM_DATA= FIBRESIM_SCENARIOS= '%s' sor export '%s' '%s' --scenarios '%s' 2>/dev/null",
                 dir, argv[1], rec_path, out_path, dir);
        CHECK(system(cmd) != 0);
        snprintf(cmd, sizeof cmd, "'%s' sor export '%s' '%s' --scenario '%s/scenarios/otdr/gainer.json' 2>/dev/null",
                 argv[1], rec_path, out_path, root ? root : ".");
        CHECK(system(cmd) != 0);
        snprintf(cmd, sizeof cmd, "'%s' sor export '%s' '%s' --trace 1490:a --scenario x.json 2>/dev/null", argv[1],
                 rec_path, out_path);
        CHECK(system(cmd) != 0);
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        CHECK(system(cmd) == 0);
        free(dir);
        record_finish(&rec);
    }
    free(bytes);
    free(b1310);
    attempt_destroy(a);
    scenario_destroy(scn);
    return test_done("otdr_export");
}
