/*
 * cmd_sor_export.c - "fibresim sor export RECORD.json OUT.sor [--scenario FILE]":
 * the trace an OTDR attempt acquired, as a standard SOR file (version 2,
 * correct checksum) that other OTDR software opens, for the recette's
 * deliverables: the scenario's cable, fibre, origin and end, the trainee as
 * operator, the attempt's end time as the date.
 *
 * The attempt is replayed from its record (same seed, same events: the same
 * traces bit for bit), so any recorded attempt can be exported afterwards.
 * --trace chooses which trace ("1550:b", "1310:avg"); by default the one on
 * the screen when the attempt ended. Without --scenario the scenario is found
 * by its hash where fibresim replay looks (scenario_search.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "fibresim/attempt.h"
#include "fibresim/journal.h"
#include "fibresim/otdr.h"
#include "fibresim/record.h"
#include "fibresim/scenario.h"
#include "fibresim/sor.h"
#include "i18n.h"
#include "scenario_search.h"

static const CliOption sor_export_options[] = {
    {"scenario", CLI_VALUE, "FILE", N_("The OTDR scenario the attempt was made on (default: found by its hash like fibresim replay does)")},
    {"data", CLI_VALUE, "DIR", N_("Data folder to search for the attempt's scenario (besides the record's own)")},
    {"scenarios", CLI_VALUE, "DIR", N_("Folder of scenarios to search")},
    {"trace", CLI_VALUE, "NM:a|b|avg", N_("Which trace: wavelength and direction (default: the one shown at the end)")},
    {NULL, CLI_FLAG, NULL, NULL},
};

/* "2026-11-26T02:39:10Z" -> seconds since 1970 (UTC); 0 if malformed. */
static uint32_t iso_to_unix(const char *iso)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
               &tm.tm_sec)
        != 6) {
        return 0;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    return t > 0 ? (uint32_t)t : 0;
}

static bool parse_trace(const char *spec, OtdrWavelength *wl, OtdrTraceKind *kind)
{
    char *end = NULL;
    double nm = strtod(spec, &end);
    if (end == spec || *end != ':' || !otdr_wavelength_from_nm(nm, wl)) {
        return false;
    }
    const char *k = end + 1;
    *kind = strcmp(k, "a") == 0 ? OTDR_TRACE_A : strcmp(k, "b") == 0 ? OTDR_TRACE_B : OTDR_TRACE_AVERAGE;
    return strcmp(k, "a") == 0 || strcmp(k, "b") == 0 || strcmp(k, "avg") == 0;
}

/* Steps a new attempt through the record's events, like attempt_replay(),
 * and keeps it for its module state. NULL on OOM. */
static Attempt *replay(const Scenario *scn, const AttemptRecord *rec)
{
    Attempt *a = attempt_create(scn, rec->seed);
    const InputLog *log = &rec->events;
    size_t i = 0;
    while (a && attempt_status(a) == ATTEMPT_RUNNING && attempt_tick(a) < rec->end_tick) {
        size_t j = i;
        while (j < log->count && log->items[j].tick == attempt_tick(a)) {
            j++;
        }
        attempt_step(a, log->items + i, j - i);
        i = j;
    }
    return a;
}

static int run(const CliArgs *a)
{
    const char *rec_path = a->pos[0], *out_path = a->pos[1], *scn_path = cli_value(a, "scenario");
    OtdrWavelength wl = OTDR_WL_1310;
    OtdrTraceKind kind = OTDR_TRACE_A;
    const char *spec = cli_value(a, "trace");
    if (spec && !parse_trace(spec, &wl, &kind)) {
        fprintf(stderr, _("fibresim sor export: --trace needs NM:a, NM:b or NM:avg (e.g. 1550:b), got \"%s\"\n"), spec);
        return 2;
    }
    int rc = 1;
    DiagList d;
    diag_list_init(&d);
    AttemptRecord rec;
    record_init(&rec);
    Scenario *scn = NULL;
    ScenarioLookup look;
    memset(&look, 0, sizeof look);
    char *record_data = NULL;
    Attempt *att = NULL;
    SorFile f;
    sor_init(&f);
    if (!record_load(rec_path, &rec, &d)) {
        fprintf(stderr, _("fibresim sor export: %s is not a readable attempt record:\n"), rec_path);
        i18n_diag_print(&d, rec_path, stderr);
        goto out;
    }
    if (scn_path) {
        scn = scenario_load_file(scn_path, &d);
    } else {
        /* the exact bytes the attempt used, with the files they name, where
         * a replay finds them: the record's data folder first */
        const char *data[SEARCH_DATA_DIRS_MAX + 1], *scns[SEARCH_SCENARIO_DIRS_MAX + 1];
        record_data = journal_data_dir_of(rec_path);
        scenario_search_lists(cli_value(a, "data"), cli_value(a, "scenarios"), record_data, data, scns);
        if (!journal_find_scenario(data, scns, rec.scenario_id, rec.scenario_hash, &look)) {
            fprintf(stderr,
                    _("fibresim sor export: the scenario of this attempt (%s version %d) was not found; give it with "
                      "--scenario FILE or the data folder with --data DIR\n"),
                    rec.scenario_id, rec.scenario_version);
            goto out;
        }
        scn_path = look.path;
        scn = journal_load_scenario(data, &look, &d);
    }
    if (!scn) {
        fprintf(stderr, _("fibresim sor export: the scenario %s does not load:\n"), scn_path);
        i18n_diag_print(&d, scn_path, stderr);
        goto out;
    }
    if (strcmp(scn->module->name, "otdr") != 0) {
        fprintf(stderr, _("fibresim sor export: %s is not an OTDR scenario (module %s)\n"), scn_path,
                scn->module->name);
        goto out;
    }
    if (strcmp(scn->hash_hex, rec.scenario_hash) != 0) {
        fprintf(stderr,
                _("fibresim sor export: %s is not the scenario file this attempt was made on (its bytes differ)\n"),
                scn_path);
        goto out;
    }
    att = replay(scn, &rec);
    if (!att) {
        fprintf(stderr, "%s\n", _("fibresim sor export: out of memory while replaying"));
        goto out;
    }
    const void *state = attempt_module_state(att);
    uint32_t when = iso_to_unix(rec.ended_at);
    bool ok = spec ? otdr_export_trace(state, wl, kind, rec.trainee_name, when, &f)
                   : otdr_export_sor(state, rec.trainee_name, when, &f);
    if (!ok) {
        fprintf(stderr, "%s\n",
                spec ? _("fibresim sor export: the attempt never acquired that trace")
                     : _("fibresim sor export: the attempt ended with no trace on the screen"));
        goto out;
    }
    SorError err;
    if (!sor_write_file(&f, out_path, &err)) {
        char why[512];
        sor_error_text(&err, i18n_translate, NULL, i18n_decimal_sep(), why, sizeof why);
        fprintf(stderr, _("fibresim sor export: cannot write %s: %s\n"), out_path, why);
        goto out;
    }
    printf(_("%s: %.1f nm, %u points, %zu events, operator %s\n"), out_path, f.fxd.wavelength_01nm / 10.0,
           (unsigned)f.point_count, f.event_count, rec.trainee_name);
    rc = 0;
out:
    sor_finish(&f);
    attempt_destroy(att);
    scenario_destroy(scn);
    journal_scenario_lookup_finish(&look);
    free(record_data);
    record_finish(&rec);
    diag_list_finish(&d);
    return rc;
}

const CliCommand cli_cmd_sor_export = {
    "sor export", "RECORD.json OUT.sor", N_("Export the OTDR trace of a recorded attempt as a .sor file"),
    sor_export_options, 2, 2, run,
};
