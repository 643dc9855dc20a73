/*
 * cmd_replay.c - "fibresim replay RECORD [--verify] [--data DIR]
 * [--scenarios DIR] [--json]": recomputes an attempt from its record (the
 * exact scenario bytes, the seed and the event stream) and prints the result,
 * criterion by criterion. With --verify it is a check that the stored score is
 * genuine: exit 1 if the stored result differs in any bit, naming the first
 * difference.
 *
 * The scenario bytes are found by their SHA-256 (see journal_find_scenario):
 * DATA/scenarios/<hash>.json in --data, in the record's own data folder (when
 * the record sits at DATA/attempts/YYYY-MM/) and in $FIBRESIM_DATA; then any
 * *.json with that hash under --scenarios, $FIBRESIM_SCENARIOS, ./scenarios
 * and the installed scenarios. Files the scenario's setup names (an OTDR
 * trace) are read next to the scenario, else from DATA/files/<sha256> of those
 * data folders: a record replays from its data folder alone.
 *
 * --json prints one document:
 *   {"format_version": 1, "record", "attempt_id", "trainee": {"id", "name"},
 *    "scenario": {"id", "version", "hash", "module", "file"},
 *    "replay_complete", "recomputed": <result_to_json>, "stored_matches",
 *    "first_difference" (string or null)}
 * Exit status: 0 replayed (and, with --verify, identical), 1 --verify found a
 * difference, 2 cannot replay (unreadable record, scenario not found or not
 * loadable, usage error).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "build_config.h"
#include "cli.h"
#include "fibresim/attempt.h"
#include "fibresim/core.h"
#include "fibresim/journal.h"
#include "fibresim/jsonout.h"
#include "fibresim/messages.h"
#include "fibresim/record.h"
#include "fibresim/scenario.h"
#include "i18n.h"
#include "scenario_search.h"

static const char *status_label(AttemptStatus s)
{
    switch (s) {
    case ATTEMPT_FINISHED:
        return _("completed");
    case ATTEMPT_ABANDONED:
        return _("abandoned by the trainee");
    case ATTEMPT_TIMEOUT:
        return _("stopped at the time limit");
    default:
        return _("still running");
    }
}

static const char *verdict_label(Verdict v)
{
    switch (v) {
    case VERDICT_OK:
        return _("full credit");
    case VERDICT_PARTIAL:
        return _("partial credit");
    case VERDICT_FAIL:
        return _("no credit");
    default:
        return _("not measured");
    }
}

static void print_diags(const DiagList *d, const char *file)
{
    i18n_diag_print(d, file, stderr);
}

static void print_result(const Result *r, const Scenario *scn)
{
    char sep = i18n_decimal_sep();
    char num[64], mark[64];
    message_number(r->total, 1, sep, num, sizeof num);
    message_number(r->pass_mark, 0, sep, mark, sizeof mark);
    printf(_("Score %s / 100: %s (pass mark %s)\n"), num, r->passed ? _("PASSED") : _("NOT PASSED"), mark);
    for (size_t i = 0; i < r->n_criteria; i++) {
        const CriterionResult *c = &r->criteria[i];
        char credit[32];
        message_number(c->credit, 2, sep, credit, sizeof credit);
        if (c->measured) {
            message_number(c->value, c->def.decimals, sep, num, sizeof num);
            char value[96];
            snprintf(value, sizeof value, "%s%s%s", num, c->def.unit[0] ? " " : "", c->def.unit);
            printf(_("  %s: %s, credit %s (%s)\n"), c->def.id, value, credit, verdict_label(c->verdict));
        } else {
            printf(_("  %s: not measured, credit %s (%s)\n"), c->def.id, credit, verdict_label(c->verdict));
        }
        const MessageDef *m = message_find(scn->module->messages, c->def.message);
        char line[512];
        message_format(_(message_template(m, c->verdict)), c, sep, line, sizeof line);
        printf("      %s\n", line);
    }
    for (size_t i = 0; i < r->n_penalties; i++) {
        const PenaltyResult *p = &r->penalties[i];
        if (p->count == 0) {
            continue;
        }
        message_number(p->points, 1, sep, num, sizeof num);
        printf(_("  Penalty %s: %u x \"%s\", -%s points\n"), p->def.id, (unsigned)p->count, p->def.event, num);
    }
    for (size_t i = 0; i < r->n_safety; i++) {
        message_number((double)r->safety[i].tick / FS_TICK_HZ, 1, sep, num, sizeof num);
        const MessageDef *m = message_find(scn->module->messages, r->safety[i].event);
        printf(_("  Safety fault at %s s: %s\n"), num, m->label ? _(m->label) : r->safety[i].event);
    }
}

static void print_header(const AttemptRecord *rec, const char *scenario_file)
{
    char sep = i18n_decimal_sep(), secs[32];
    message_number((double)rec->end_tick / FS_TICK_HZ, 1, sep, secs, sizeof secs);
    printf(_("Attempt %s: %s (%s)\n"), rec->attempt_id, rec->trainee_name, rec->trainee_id);
    printf(_("Scenario %s, version %d (%s): %s\n"), rec->scenario_id, rec->scenario_version, rec->module,
           scenario_file);
    printf(_("Started %s, ended %s; seed %llu; %zu events; %s after %s s\n"), rec->started_at, rec->ended_at,
           (unsigned long long)rec->seed, rec->events.count, status_label(rec->status), secs);
}

/* The folders to search, in order (empty entries skipped). */
static void report_not_found(const AttemptRecord *rec, const ScenarioLookup *l, const char *const *data,
                             const char *const *scns)
{
    fprintf(stderr, _("fibresim replay: the scenario of this attempt was not found: %s version %d, SHA-256 %s\n"),
            rec->scenario_id, rec->scenario_version, rec->scenario_hash);
    for (size_t i = 0; data[i]; i++) {
        if (data[i][0]) {
            fprintf(stderr, _("  looked in %s/scenarios/\n"), data[i]);
        }
    }
    for (size_t i = 0; scns[i]; i++) {
        /* The default folders are named only when they exist; one the user
         * gave (option, environment: the first two) always, to catch typos. */
        struct stat st;
        bool exists = scns[i][0] && stat(scns[i], &st) == 0 && S_ISDIR(st.st_mode);
        if (exists) {
            fprintf(stderr, _("  looked under %s\n"), scns[i]);
        } else if (scns[i][0] && i < 2) {
            fprintf(stderr, _("  %s: no such folder\n"), scns[i]);
        }
    }
    fprintf(stderr, _("  (%zu scenario files read)\n"), l->files_checked);
    if (l->same_id_path) {
        fprintf(stderr,
                _("  %s has this scenario id (version %d) but other content (SHA-256 %s): the scenario was changed "
                  "after the attempt, and a replay needs the exact file the attempt used.\n"),
                l->same_id_path, l->same_id_version, l->same_id_hash);
    }
    fprintf(stderr, "%s\n", _("  Give the data folder of the laptop that recorded it with --data DIR."));
}

static void print_json(const char *path, const AttemptRecord *rec, const char *scenario_file, bool complete,
                       const Result *res, bool matches, const char *difference)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        return;
    }
    cJSON_AddNumberToObject(o, "format_version", 1);
    cJSON_AddStringToObject(o, "record", path);
    cJSON_AddStringToObject(o, "attempt_id", rec->attempt_id);
    cJSON *t = cJSON_AddObjectToObject(o, "trainee");
    cJSON_AddStringToObject(t, "id", rec->trainee_id);
    cJSON_AddStringToObject(t, "name", rec->trainee_name);
    cJSON *s = cJSON_AddObjectToObject(o, "scenario");
    cJSON_AddStringToObject(s, "id", rec->scenario_id);
    cJSON_AddNumberToObject(s, "version", rec->scenario_version);
    cJSON_AddStringToObject(s, "hash", rec->scenario_hash);
    cJSON_AddStringToObject(s, "module", rec->module);
    cJSON_AddStringToObject(s, "file", scenario_file);
    cJSON_AddBoolToObject(o, "replay_complete", complete);
    cJSON_AddItemToObject(o, "recomputed", result_to_json(res));
    cJSON_AddBoolToObject(o, "stored_matches", matches);
    if (difference) {
        cJSON_AddStringToObject(o, "first_difference", difference);
    } else {
        cJSON_AddNullToObject(o, "first_difference");
    }
    char *text = json_print_lossless(o);
    if (text) {
        printf("%s\n", text);
    }
    free(text);
    cJSON_Delete(o);
}

static int run_replay(const CliArgs *a)
{
    const char *path = a->pos[0];
    bool verify = cli_flag(a, "verify"), json = cli_flag(a, "json");
    int rc = 2;
    AttemptRecord rec;
    DiagList d;
    diag_list_init(&d);
    ScenarioLookup look;
    memset(&look, 0, sizeof look);
    Scenario *scn = NULL;
    char *record_data = NULL;
    const char *data[SEARCH_DATA_DIRS_MAX + 1], *scns[SEARCH_SCENARIO_DIRS_MAX + 1];
    Result res;
    memset(&res, 0, sizeof res);
    res.status = ATTEMPT_RUNNING;
    DiagMsg difference;
    memset(&difference, 0, sizeof difference);
    if (!record_load(path, &rec, &d)) {
        fprintf(stderr, _("fibresim replay: %s is not a readable attempt record:\n"), path);
        print_diags(&d, path);
        goto out;
    }
    record_data = journal_data_dir_of(path);
    scenario_search_lists(cli_value(a, "data"), cli_value(a, "scenarios"), record_data, data, scns);
    if (!journal_find_scenario(data, scns, rec.scenario_id, rec.scenario_hash, &look)) {
        report_not_found(&rec, &look, data, scns);
        goto out;
    }
    /* Files the setup names (an OTDR trace) lie next to the scenario, or in
     * the data folders' files/ (the journal's copy). */
    scn = journal_load_scenario(data, &look, &d);
    if (!scn) {
        /* Another program version, or a file the setup names (an OTDR
         * trace) that neither the scenario's folder nor the data folders'
         * files/ hold with the pinned bytes: the problems say which. */
        fprintf(stderr, _("fibresim replay: the scenario of this attempt, or a file it names, does not load here "
                          "(Fibresim %s):\n"),
                fs_version());
        print_diags(&d, look.path);
        goto out;
    }
    if (strcmp(scn->id, rec.scenario_id) != 0 || scn->version != rec.scenario_version
        || strcmp(scn->module->name, rec.module) != 0) {
        /* Same bytes, so the record's copy of these fields is what is wrong. */
        fprintf(stderr, _("fibresim replay: warning: the record names scenario %s version %d (%s), the file says "
                          "%s version %d (%s)\n"),
                rec.scenario_id, rec.scenario_version, rec.module, scn->id, scn->version, scn->module->name);
    }

    bool complete = attempt_replay(scn, rec.seed, rec.events.items, rec.events.count, rec.end_tick, rec.status,
                                   &res);
    if (!complete && res.status == ATTEMPT_RUNNING) {
        fprintf(stderr, "%s\n", _("fibresim replay: out of memory while replaying"));
        goto out;
    }
    bool matches = !record_result_diff_msg(&rec.result, &res, &difference);
    if (!complete) {
        /* The module ended the attempt before the last recorded event: the
         * replay took another path than the original. */
        matches = false;
        record_replay_cut_msg(res.ticks, rec.events.items[rec.events.count - 1].tick, &difference);
    }
    char text[512];
    if (json) {
        /* A machine field: always English. */
        diag_msg_text(&difference, NULL, NULL, '.', text, sizeof text);
        print_json(path, &rec, look.path, complete, &res, matches, matches ? NULL : text);
    } else {
        print_header(&rec, look.path);
        print_result(&res, scn);
        if (matches) {
            printf("%s\n", _("Stored result: identical to the recomputed one, bit for bit."));
        } else {
            diag_msg_text(&difference, i18n_translate, NULL, i18n_decimal_sep(), text, sizeof text);
            printf(_("Stored result DIFFERS from the recomputed one: %s\n"), text);
        }
    }
    rc = (verify && !matches) ? 1 : 0;
out:
    scenario_destroy(scn);
    journal_scenario_lookup_finish(&look);
    free(record_data);
    record_finish(&rec);
    diag_list_finish(&d);
    return rc;
}

static const CliOption replay_options[] = {
    {"verify", CLI_FLAG, NULL, N_("Exit 1 if the stored result differs from the recomputed one")},
    {"data", CLI_VALUE, "DIR", N_("Data folder holding the scenario copies (DIR/scenarios/<sha256>.json)")},
    {"scenarios", CLI_VALUE, "DIR", N_("Folder of scenario files to search by content hash")},
    {"json", CLI_FLAG, NULL, N_("Print the recomputed result as JSON")},
    {NULL, CLI_FLAG, NULL, NULL},
};

const CliCommand cmd_replay = {
    .name = "replay",
    .args = "RECORD",
    .summary = N_("Recompute an attempt from its record; --verify checks the stored score"),
    .options = replay_options,
    .min_pos = 1,
    .max_pos = 1,
    .run = run_replay,
};
