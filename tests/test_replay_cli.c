/*
 * test_replay_cli.c - "fibresim replay" run as a program on records written
 * through the journal: a tutorial attempt (scripted gestures) is recorded,
 * then replayed from its data folder, by --scenarios search, as --json; a
 * record whose stored total was changed by one ulp fails --verify naming the
 * total; an edited scenario, a missing one and a damaged record exit 2 with
 * the reason.
 *
 * Usage: test_replay_cli FIBRESIM (the built program).
 */
#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "fibresim/journal.h"
#include "fibresim/tutorial.h"
#include "journal_util.h"
#include "tutorial_fixture.h"

static const char *exe;
static char *workdir;

/* A plausible attempt at every task: drags and pulls along their line,
 * wipes across the area, a few adjust steps, the first answer. */
static void script_tasks(Script *s, const TutorialSetup *setup)
{
    script_init(s, 5);
    for (size_t i = 0; i < setup->n_tasks; i++) {
        const TutorialTask *t = &setup->tasks[i];
        switch (t->kind) {
        case TUTORIAL_DRAG:
        case TUTORIAL_PULL:
        case TUTORIAL_WIPE:
            script_line(s, t->from_mm, t->to_mm, 70);
            break;
        case TUTORIAL_ADJUST:
            for (int k = 0; k < 4; k++) {
                script_wait(s, 3);
                script_key(s, t->target > t->start ? ACTION_RIGHT : ACTION_LEFT);
            }
            break;
        case TUTORIAL_CHOOSE: {
            char id[INPUT_CHOICE_MAX];
            snprintf(id, sizeof id, "answer:%s", t->answers[0].id);
            script_choice(s, id);
            break;
        }
        default:
            break;
        }
        script_wait(s, 10);
        script_choice(s, "next");
        script_wait(s, 10);
    }
}

/* The record of an attempt, as the front end builds it. */
static void make_record(AttemptRecord *rec, const Scenario *scn, const Attempt *a, uint64_t id_bits)
{
    record_init(rec);
    record_make_id("20261126T101500Z", id_bits, rec->attempt_id);
    record_trainee_slug("Awa Ndiaye", rec->trainee_id, sizeof rec->trainee_id);
    strcpy(rec->trainee_name, "Awa Ndiaye");
    strcpy(rec->scenario_id, scn->id);
    rec->scenario_version = scn->version;
    strcpy(rec->scenario_hash, scn->hash_hex);
    strcpy(rec->module, scn->module->name);
    rec->seed = attempt_seed(a);
    strcpy(rec->program_version, "test");
    strcpy(rec->started_at, "2026-11-26T10:15:00Z");
    strcpy(rec->ended_at, "2026-11-26T10:17:03Z");
    rec->status = attempt_status(a);
    rec->end_tick = attempt_tick(a);
    rec->result = *attempt_result(a);
    const InputLog *log = attempt_log(a);
    for (size_t i = 0; i < log->count; i++) {
        input_log_push(&rec->events, &log->items[i]);
    }
}

static char *write_record(const char *data, const AttemptRecord *rec, const Scenario *scn)
{
    Journal j;
    char err[512];
    CHECK(journal_open(&j, data, err, sizeof err) == JOURNAL_OK);
    JournalStatus s = journal_write(&j, rec, scn->text, scn->text_len, err, sizeof err);
    CHECK_MSG(s == JOURNAL_OK, "journal_write: %s (%s)", journal_status_name(s), err);
    char *path = journal_record_path(&j, rec->attempt_id);
    journal_close(&j);
    return path;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_replay_cli FIBRESIM\n");
        return 2;
    }
    /* Absolute: the program runs in the work folder. */
    static char exe_abs[4096];
    exe = realpath(argv[1], exe_abs) ? exe_abs : argv[1];
    workdir = tu_mkdtemp("replay-cli");
    Scenario *scn = fixture_scenario("01-premiers-gestes.json");
    CHECK(scn != NULL);
    if (!scn) {
        return test_done("replay_cli");
    }
    Script s;
    script_tasks(&s, scn->setup);
    Attempt *a = fixture_run(scn, 20261126, &s, 200);
    script_finish(&s);
    CHECK(a && attempt_result(a));
    AttemptRecord rec;
    make_record(&rec, scn, a, 0xa1);
    char data[700];
    snprintf(data, sizeof data, "%s/data", workdir);
    char *path = write_record(data, &rec, scn);
    fprintf(stderr, "attempt: %s after %u ticks, %zu events, total %.3f\n", attempt_status_name(rec.status),
            rec.end_tick, rec.events.count, rec.result.total);
    CHECK(rec.events.count > 100);

    /* 1. From its data folder: the stored result is reproduced. */
    const char *args1[] = {exe, "replay", path, "--verify", NULL};
    TuRun r = tu_run(workdir, "en", args1);
    CHECK_MSG(r.rc == 0, "rc %d, stderr: %s", r.rc, r.err ? r.err : "");
    CHECK(tu_contains(r.out, rec.attempt_id));
    CHECK(tu_contains(r.out, "Awa Ndiaye (awa-ndiaye)"));
    CHECK(tu_contains(r.out, "Stored result: identical to the recomputed one, bit for bit."));
    char line[128];
    snprintf(line, sizeof line, "Scenario %s, version %d (tutorial)", scn->id, scn->version);
    CHECK(tu_contains(r.out, line));
    /* Each criterion gets a line with its id. */
    for (size_t i = 0; i < rec.result.n_criteria; i++) {
        snprintf(line, sizeof line, "  %s: ", rec.result.criteria[i].def.id);
        CHECK_MSG(tu_contains(r.out, line), "no line for criterion %s", rec.result.criteria[i].def.id);
    }
    tu_run_free(&r);

    /* 2. --json: the recomputed total equals the stored one exactly. */
    const char *args2[] = {exe, "replay", "--json", path, NULL};
    r = tu_run(workdir, "en", args2);
    CHECK(r.rc == 0);
    cJSON *doc = r.out ? cJSON_Parse(r.out) : NULL;
    CHECK(doc != NULL);
    const cJSON *total = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "recomputed"), "total");
    CHECK(cJSON_IsNumber(total) && total->valuedouble == rec.result.total);
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(doc, "stored_matches")));
    CHECK(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(doc, "replay_complete")));
    CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(doc, "first_difference")));
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(doc, "attempt_id");
    CHECK(cJSON_IsString(id) && strcmp(id->valuestring, rec.attempt_id) == 0);
    cJSON_Delete(doc);
    tu_run_free(&r);

    /* 3. A stored total one ulp off: --verify exits 1 and names it; without
     * --verify the difference is shown but the exit status is 0. */
    AttemptRecord forged;
    CHECK(record_copy(&forged, &rec));
    record_make_id("20261126T101500Z", 0xf0, forged.attempt_id);
    forged.result.total = nextafter(rec.result.total, 200.0);
    char *forged_path = write_record(data, &forged, scn);
    const char *args3[] = {exe, "replay", "--verify", forged_path, NULL};
    r = tu_run(workdir, "en", args3);
    CHECK_MSG(r.rc == 1, "rc %d", r.rc);
    CHECK(tu_contains(r.out, "Stored result DIFFERS from the recomputed one: total: stored"));
    tu_run_free(&r);
    const char *args3b[] = {exe, "replay", forged_path, NULL};
    r = tu_run(workdir, "en", args3b);
    CHECK(r.rc == 0 && tu_contains(r.out, "DIFFERS"));
    tu_run_free(&r);
    /* In French the whole line is French, numbers with a decimal comma
     * that read back (comma made a point) as exactly the two doubles. */
    r = tu_run(workdir, "fr", args3);
    const char *head = "Le résultat enregistré DIFFÈRE du résultat recalculé : total : enregistré ";
    const char *at_fr = r.out ? strstr(r.out, head) : NULL;
    CHECK_MSG(r.rc == 1 && at_fr, "rc %d, no \"%s\" in:\n%s", r.rc, head, r.out ? r.out : "");
    if (at_fr) {
        /* "<stored>, recalculé <recomputed>\n" */
        char stored_text[40] = "", recomputed_text[40] = "";
        const char *from = at_fr + strlen(head), *sep = strstr(from, ", recalculé "), *end = sep ? strchr(sep, '\n') : NULL;
        CHECK(sep && end && sep - from < 40 && end - (sep + strlen(", recalculé ")) < 40);
        if (sep && end && sep - from < 40 && end - (sep + strlen(", recalculé ")) < 40) {
            memcpy(stored_text, from, (size_t)(sep - from));
            from = sep + strlen(", recalculé ");
            memcpy(recomputed_text, from, (size_t)(end - from));
        }
        /* The forged total is one ulp off, never a whole number. */
        CHECK_MSG(strchr(stored_text, ',') && !strchr(stored_text, '.') && !strchr(recomputed_text, '.'),
                  "\"%s\", \"%s\"", stored_text, recomputed_text);
        for (char *c = stored_text; *c; c++) {
            *c = *c == ',' ? '.' : *c;
        }
        for (char *c = recomputed_text; *c; c++) {
            *c = *c == ',' ? '.' : *c;
        }
        CHECK(strtod(stored_text, NULL) == forged.result.total);
        CHECK(strtod(recomputed_text, NULL) == rec.result.total);
    }
    tu_run_free(&r);
    /* --json keeps the English text, whatever the language. */
    const char *args3c[] = {exe, "replay", "--json", forged_path, NULL};
    r = tu_run(workdir, "fr", args3c);
    doc = r.out ? cJSON_Parse(r.out) : NULL;
    const cJSON *diff = cJSON_GetObjectItemCaseSensitive(doc, "first_difference");
    const char *want = "total: stored ";
    CHECK_MSG(cJSON_IsString(diff) && strncmp(diff->valuestring, want, strlen(want)) == 0, "first_difference: %s",
              cJSON_IsString(diff) ? diff->valuestring : "(none)");
    cJSON_Delete(doc);
    tu_run_free(&r);
    record_finish(&forged);

    /* 4. The record alone (copied out of its data folder): found by content
     * under --scenarios (the source tree's scenarios). */
    char lone[800];
    snprintf(lone, sizeof lone, "%s/lone.json", workdir);
    char *bytes = tu_read(path, NULL);
    CHECK(bytes && tu_write(lone, bytes));
    free(bytes);
    const char *args4[] = {exe, "replay", lone, NULL};
    r = tu_run(workdir, "en", args4);
    CHECK_MSG(r.rc == 2 && tu_contains(r.err, "was not found"), "rc %d", r.rc);
    tu_run_free(&r);
    char scn_dir[700];
    snprintf(scn_dir, sizeof scn_dir, "%s/scenarios", getenv("FIBRESIM_SOURCE_ROOT"));
    const char *args5[] = {exe, "replay", lone, "--verify", "--scenarios", scn_dir, NULL};
    r = tu_run(workdir, "en", args5);
    CHECK_MSG(r.rc == 0, "rc %d, stderr: %s", r.rc, r.err ? r.err : "");
    CHECK(tu_contains(r.out, "identical"));
    tu_run_free(&r);
    /* ... or through --data. */
    const char *args6[] = {exe, "replay", "--data", data, lone, NULL};
    r = tu_run(workdir, "en", args6);
    CHECK(r.rc == 0);
    tu_run_free(&r);

    /* 5. Only an edited copy of the scenario (version bumped): exit 2, and
     * the message points at the edited file. */
    char edited_dir[700], edited[800];
    snprintf(edited_dir, sizeof edited_dir, "%s/edited", workdir);
    CHECK(mkdir(edited_dir, 0755) == 0);
    snprintf(edited, sizeof edited, "%s/01.json", edited_dir);
    char *text = malloc(scn->text_len + 1);
    memcpy(text, scn->text, scn->text_len);
    text[scn->text_len] = '\0';
    char needle[32];
    snprintf(needle, sizeof needle, "\"version\": %d", scn->version);
    char *at = strstr(text, needle);
    CHECK(at != NULL);
    if (at) {
        at[strlen(needle) - 1] = (char)('0' + (scn->version + 1) % 10);
    }
    CHECK(tu_write(edited, text));
    free(text);
    const char *args7[] = {exe, "replay", lone, "--scenarios", edited_dir, NULL};
    r = tu_run(workdir, "en", args7);
    CHECK(r.rc == 2);
    CHECK(tu_contains(r.err, edited));
    CHECK(tu_contains(r.err, "was changed after the attempt"));
    tu_run_free(&r);

    /* 6. A damaged record: exit 2 with file:line:col and the path. */
    char damaged[800];
    snprintf(damaged, sizeof damaged, "%s/damaged.json", workdir);
    CHECK(tu_write(damaged, "{\"format\":\"fibresim-attempt\",\"format_version\":1,\n\"seed\":12}"));
    const char *args8[] = {exe, "replay", damaged, "--verify", NULL};
    r = tu_run(workdir, "en", args8);
    CHECK(r.rc == 2);
    CHECK(tu_contains(r.err, "is not a readable attempt record"));
    char where[900];
    snprintf(where, sizeof where, "%s:2:8: seed: wrong type", damaged);
    CHECK_MSG(tu_contains(r.err, where), "stderr: %s", r.err ? r.err : "");
    tu_run_free(&r);
    const char *args9[] = {exe, "replay", "/nonexistent/record.json", NULL};
    r = tu_run(workdir, "en", args9);
    CHECK(r.rc == 2 && tu_contains(r.err, "no such file or folder"));
    tu_run_free(&r);

    free(forged_path);
    free(path);
    record_finish(&rec);
    attempt_destroy(a);
    fixture_scenario_free(scn);
    if (getenv("FIBRESIM_TEST_KEEP")) {
        fprintf(stderr, "kept %s\n", workdir); /* to look at the records by hand */
    } else {
        tu_rm_rf(workdir);
    }
    free(workdir);
    return test_done("replay_cli");
}
