/*
 * test_tutorial_setup.c - the tutorial's setup: every problem is found, with
 * its JSON path and line; the bundled scenarios load and name known measures
 * and messages.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/module.h"
#include "fibresim/tutorial.h"
#include "tutorial/tutorial_internal.h"
#include "tutorial_fixture.h"

/* Parses text as the "setup" of a scenario (wrapped on its first line, so
 * that line numbers stay those of text); returns the setup (or NULL) and the
 * problems in d. */
static TutorialSetup *load(const char *text, DiagList *d)
{
    diag_list_init(d);
    size_t n = strlen(text) + 32;
    char *whole = malloc(n);
    if (!whole) {
        return NULL;
    }
    snprintf(whole, n, "{\"setup\": %s}", text);
    cJSON *j = cJSON_Parse(whole);
    CHECK_MSG(j != NULL, "test JSON does not parse: %s", text);
    JsonV v = {d, whole, strlen(whole)};
    TutorialSetup *s = tutorial_load_setup(&v, cJSON_GetObjectItemCaseSensitive(j, "setup"), "setup");
    cJSON_Delete(j);
    free(whole);
    return s;
}

static bool has(const DiagList *d, DiagCode code, const char *path)
{
    for (size_t i = 0; i < d->count; i++) {
        if (d->items[i].code == code && strcmp(d->items[i].path, path) == 0) {
            return true;
        }
    }
    return false;
}

#define CHECK_DIAG(d, code, path) CHECK_MSG(has(d, code, path), "expected %s at %s", diag_code_name(code), path)

static void test_many_errors(void)
{
    const char *text =
        "{\"bench_mm\": {\"width\": 320, \"height\": 180, \"depth\": 3},\n"
        " \"tasks\": [\n"
        "  {\"id\": \"a\", \"kind\": \"drag\", \"object\": \"hammer\", \"from_mm\": [10, 10], \"to_mm\": [400, 10]},\n"
        "  {\"id\": \"a\", \"kind\": \"pull\", \"from_mm\": [10, 10], \"to_mm\": [100, 10], \"speed_mm_s\": [50, 20]},\n"
        "  {\"id\": \"Bad-Id\", \"kind\": \"wipe\", \"from_mm\": [10], \"to_mm\": [50, 50], \"direction\": \"north\", \"strokes\": 0},\n"
        "  {\"id\": \"adj\", \"kind\": \"adjust\", \"start\": 5, \"target\": 30, \"min\": 10, \"max\": 0, \"step_coarse\": 1, \"step_fine\": 0},\n"
        "  {\"id\": \"q\", \"kind\": \"choose\", \"question\": {\"fr\": \"?\"}, \"answers\": [{\"id\": \"x\", \"fr\": \"X\", \"en\": \"X\"}, {\"id\": \"x\", \"fr\": \"Y\", \"en\": \"Y\"}], \"correct\": \"x\"},\n"
        "  {\"id\": \"k\", \"kind\": \"jump\"},\n"
        "  {\"id\": \"t\", \"kind\": \"drag\", \"object\": \"block\", \"from_mm\": [10, 10], \"to_mm\": [12, 10], \"colour\": \"red\"},\n"
        "  {\"id\": \"p\", \"kind\": \"pull\", \"from_mm\": [10, \"x\"], \"to_mm\": [100, 10], \"speed_mm_s\": [20, 50], \"say\": {\"fr\": \"Tirez\"}}\n"
        " ]}";
    DiagList d;
    TutorialSetup *s = load(text, &d);
    CHECK(s == NULL);
    diag_print(&d, "many_errors", stderr);
    CHECK_DIAG(&d, DIAG_UNKNOWN_FIELD, "setup.bench_mm.depth");
    CHECK_DIAG(&d, DIAG_BAD_VALUE, "setup.tasks[0].object");
    CHECK_DIAG(&d, DIAG_OUT_OF_RANGE, "setup.tasks[0].to_mm");     /* off the bench */
    CHECK_DIAG(&d, DIAG_DUPLICATE_ID, "setup.tasks[1].id");
    CHECK_DIAG(&d, DIAG_INCONSISTENT, "setup.tasks[1].speed_mm_s"); /* min > max */
    CHECK_DIAG(&d, DIAG_BAD_VALUE, "setup.tasks[2].id");           /* uppercase and '-' */
    CHECK_DIAG(&d, DIAG_OUT_OF_RANGE, "setup.tasks[2].from_mm");   /* one number */
    CHECK_DIAG(&d, DIAG_BAD_VALUE, "setup.tasks[2].direction");
    CHECK_DIAG(&d, DIAG_OUT_OF_RANGE, "setup.tasks[2].strokes");
    CHECK_DIAG(&d, DIAG_INCONSISTENT, "setup.tasks[3].max");       /* min 10 > max 0 */
    CHECK_DIAG(&d, DIAG_INCONSISTENT, "setup.tasks[3].step_fine"); /* 0 */
    CHECK_DIAG(&d, DIAG_MISSING_FIELD, "setup.tasks[4].question.en");
    CHECK_DIAG(&d, DIAG_DUPLICATE_ID, "setup.tasks[4].answers[1].id");
    CHECK_DIAG(&d, DIAG_BAD_VALUE, "setup.tasks[5].kind");
    CHECK_DIAG(&d, DIAG_UNKNOWN_FIELD, "setup.tasks[6].colour");
    CHECK_DIAG(&d, DIAG_INCONSISTENT, "setup.tasks[6].to_mm");     /* mark 2 mm from start */
    CHECK_DIAG(&d, DIAG_WRONG_TYPE, "setup.tasks[7].from_mm");
    CHECK_DIAG(&d, DIAG_MISSING_FIELD, "setup.tasks[7].say.en");
    /* Positions point at the offending value: tasks[0].to_mm is on line 3. */
    for (size_t i = 0; i < d.count; i++) {
        if (strcmp(d.items[i].path, "setup.tasks[0].to_mm") == 0) {
            CHECK(d.items[i].line == 3);
            CHECK(d.items[i].col > 60);
        }
    }
    diag_list_finish(&d);
}

static void test_more_errors(void)
{
    DiagList d;
    /* Not an object; no tasks; tasks empty. */
    CHECK(load("[1, 2]", &d) == NULL);
    CHECK_DIAG(&d, DIAG_WRONG_TYPE, "setup");
    diag_list_finish(&d);
    CHECK(load("{\"bench_mm\": {\"width\": 20, \"height\": 180}}", &d) == NULL);
    CHECK_DIAG(&d, DIAG_OUT_OF_RANGE, "setup.bench_mm.width");
    CHECK_DIAG(&d, DIAG_MISSING_FIELD, "setup.tasks");
    diag_list_finish(&d);
    CHECK(load("{\"bench_mm\": {\"width\": 320, \"height\": 180}, \"tasks\": []}", &d) == NULL);
    CHECK_DIAG(&d, DIAG_OUT_OF_RANGE, "setup.tasks");
    diag_list_finish(&d);
    /* The right answer is not among the answers; the target is off the grid of
     * fine steps; start equals target; a wipe area too thin; a task id too long;
     * a task that is not an object. */
    const char *text =
        "{\"bench_mm\": {\"width\": 320, \"height\": 180}, \"tasks\": ["
        " {\"id\": \"q\", \"kind\": \"choose\", \"question\": {\"fr\": \"?\", \"en\": \"?\"},"
        "  \"answers\": [{\"id\": \"x\", \"fr\": \"X\", \"en\": \"X\"}, {\"id\": \"y\", \"fr\": \"Y\", \"en\": \"Y\"}],"
        "  \"correct\": \"z\"},"
        " {\"id\": \"a1\", \"kind\": \"adjust\", \"start\": 0, \"target\": 1.05, \"min\": 0, \"max\": 10,"
        "  \"step_coarse\": 1, \"step_fine\": 0.1},"
        " {\"id\": \"a2\", \"kind\": \"adjust\", \"start\": 2, \"target\": 2, \"min\": 0, \"max\": 10,"
        "  \"step_coarse\": 1, \"step_fine\": 0.5},"
        " {\"id\": \"a3\", \"kind\": \"adjust\", \"start\": 2, \"target\": 3, \"min\": 0, \"max\": 10,"
        "  \"step_coarse\": 0.5, \"step_fine\": 1},"
        " {\"id\": \"w\", \"kind\": \"wipe\", \"from_mm\": [10, 10], \"to_mm\": [100, 15], \"direction\": \"up\", \"strokes\": 2},"
        " {\"id\": \"abcdefghijklmnopqrstuvwxyz\", \"kind\": \"drag\", \"object\": \"fibre\", \"from_mm\": [10, 10], \"to_mm\": [100, 100]},"
        " 42"
        "]}";
    CHECK(load(text, &d) == NULL);
    diag_print(&d, "more_errors", stderr);
    CHECK_DIAG(&d, DIAG_BAD_VALUE, "setup.tasks[0].correct");
    CHECK_DIAG(&d, DIAG_INCONSISTENT, "setup.tasks[1].target");
    CHECK_DIAG(&d, DIAG_INCONSISTENT, "setup.tasks[2].target");
    CHECK_DIAG(&d, DIAG_INCONSISTENT, "setup.tasks[3].step_fine");
    CHECK_DIAG(&d, DIAG_INCONSISTENT, "setup.tasks[4].to_mm");
    CHECK_DIAG(&d, DIAG_OUT_OF_RANGE, "setup.tasks[5].id");
    CHECK_DIAG(&d, DIAG_WRONG_TYPE, "setup.tasks[6]");
    diag_list_finish(&d);
}

static void test_valid(void)
{
    const char *text =
        "{\"bench_mm\": {\"width\": 320, \"height\": 180}, \"tasks\": ["
        " {\"id\": \"d\", \"kind\": \"drag\", \"object\": \"cleaver\", \"from_mm\": [0, 0], \"to_mm\": [320, 180]},"
        " {\"id\": \"w\", \"kind\": \"wipe\", \"from_mm\": [200, 150], \"to_mm\": [100, 50], \"direction\": \"up\", \"strokes\": 2},"
        " {\"id\": \"a\", \"kind\": \"adjust\", \"start\": 0, \"target\": 1.25, \"min\": -5, \"max\": 10,"
        "  \"step_coarse\": 1, \"step_fine\": 0.25, \"unit\": \"dB\"},"
        " {\"id\": \"c\", \"kind\": \"choose\", \"question\": {\"fr\": \"Q ?\", \"en\": \"Q?\"},"
        "  \"answers\": [{\"id\": \"x\", \"fr\": \"X\", \"en\": \"X\"}, {\"id\": \"y\", \"fr\": \"Y\", \"en\": \"Y\"}],"
        "  \"correct\": \"y\"}"
        "]}";
    DiagList d;
    TutorialSetup *s = load(text, &d);
    CHECK(s != NULL);
    CHECK(d.count == 0);
    diag_print(&d, "valid", stderr);
    if (s) {
        CHECK(s->n_tasks == 4);
        CHECK(s->tasks[0].object == TUTORIAL_OBJ_CLEAVER);
        CHECK_NEAR(s->tasks[0].grab_radius_mm, TUTORIAL_GRAB_RADIUS_MM, 0);
        CHECK(s->tasks[0].say.fr == NULL);
        /* Corners given in any order, normalised; default stroke length is 60 %
         * of the area's height (direction up): 0.6 * 100 = 60 mm. */
        CHECK_NEAR(s->tasks[1].from_mm[0], 100, 0);
        CHECK_NEAR(s->tasks[1].to_mm[1], 150, 0);
        CHECK_NEAR(s->tasks[1].min_stroke_mm, 60, 1e-12);
        CHECK_NEAR(s->tasks[1].pad_mm, TUTORIAL_PAD_MM, 0);
        CHECK(s->tasks[2].decimals == 2); /* 0.25 */
        CHECK_STR(s->tasks[2].unit, "dB");
        CHECK(s->tasks[3].correct == 1);
        CHECK_STR(s->tasks[3].answers[1].text.fr, "Y");
        CHECK(tutorial_measure_known(s, "d.error_mm"));
        CHECK(tutorial_measure_known(s, "w.coverage_pct"));
        CHECK(tutorial_measure_known(s, "a.overshoot"));
        CHECK(tutorial_measure_known(s, "c.tries"));
        CHECK(!tutorial_measure_known(s, "d.speed_cv"));  /* not a drag measure */
        CHECK(!tutorial_measure_known(s, "x.error_mm"));  /* no such task */
        CHECK(!tutorial_measure_known(s, "d"));
        CHECK(!tutorial_measure_known(s, "d."));
        CHECK(!tutorial_measure_known(s, ".error_mm"));
    }
    tutorial_free_setup(s);
    diag_list_finish(&d);
}

static void test_scenarios(void)
{
    const char *names[] = {"01-premiers-gestes.json", "02-precision.json", "03-examen.json"};
    int last_difficulty = 0;
    for (size_t i = 0; i < 3; i++) {
        Scenario *scn = fixture_scenario(names[i]);
        CHECK_MSG(scn != NULL, "%s", names[i]);
        if (!scn) {
            continue;
        }
        const TutorialSetup *s = scn->setup;
        CHECK(s->n_tasks >= 5);
        /* Every kind of gesture is taught in every scenario. */
        bool kinds[TUTORIAL_KIND_COUNT] = {false};
        for (size_t t = 0; t < s->n_tasks; t++) {
            kinds[s->tasks[t].kind] = true;
        }
        for (int k = 0; k < TUTORIAL_KIND_COUNT; k++) {
            CHECK_MSG(kinds[k], "%s lacks a %s task", names[i], tutorial_kind_name((TutorialKind)k));
        }
        /* Every criterion's message (by default its measure, "<task>.<name>")
         * is one of the module's, found by <name>, not the generic fallback. */
        for (size_t c = 0; c < scn->rubric.n_criteria; c++) {
            const Criterion *cr = &scn->rubric.criteria[c];
            const MessageDef *m = message_find(scn->module->messages, cr->message);
            const char *dot = strrchr(cr->message, '.');
            const char *want = dot ? dot + 1 : cr->message;
            CHECK_MSG(m->key && strcmp(m->key, want) == 0, "%s: criterion %s has message %s", names[i], cr->id,
                      cr->message);
        }
        /* Difficulty rises; only the exam has no hints and a time limit. */
        CHECK(scn->rubric.n_criteria >= 10);
        CHECK(scn->difficulty > last_difficulty);
        last_difficulty = scn->difficulty;
        CHECK(scn->hints == (i < 2));
        CHECK((scn->time_limit_s > 0) == (i == 2));
        fixture_scenario_free(scn);
    }
}

static void test_message_lookup(void)
{
    const MessageDef *table = tutorial_messages;
    CHECK_STR(message_find(table, "poser.error_mm")->key, "error_mm");
    CHECK_STR(message_find(table, "a.b.overshoot")->key, "overshoot"); /* the last part */
    CHECK_STR(message_find(table, "tries")->key, "tries");
    CHECK_STR(message_find(table, "time_s")->key, "time_s");          /* generic */
    CHECK_STR(message_find(table, "poser.")->key, "");                /* fallback */
    CHECK_STR(message_find(table, "poser.nothing")->key, "");
    /* Every entry has all its texts. */
    for (const MessageDef *m = table; m->key; m++) {
        CHECK(m->label && m->ok && m->partial && m->fail && m->missing);
    }
}

static void test_criterion_lookup(void)
{
    Scenario *scn = fixture_scenario("02-precision.json");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    const Criterion *c = tutorial_criterion(&scn->rubric, "fibre", "error_mm");
    CHECK(c != NULL && c->band.has_ok_max && c->band.ok_max == 2.0);
    CHECK(tutorial_criterion(&scn->rubric, "fibre", "speed_cv") == NULL);
    CHECK(tutorial_criterion(&scn->rubric, "nope", "error_mm") == NULL);
    char name[16];
    CHECK(!tutorial_measure_name("fibre", "mean_speed_mm_s", name, sizeof name)); /* does not fit */
    fixture_scenario_free(scn);
}

int main(void)
{
    test_many_errors();
    test_more_errors();
    test_valid();
    test_scenarios();
    test_message_lookup();
    test_criterion_lookup();
    return test_done("tutorial_setup");
}
