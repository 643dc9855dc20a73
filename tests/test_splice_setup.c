/*
 * test_splice_setup.c - the "setup" of splice scenarios through the scenario
 * loader: defaults, overrides, and every kind of mistake an instructor can
 * make, each reported with its JSON path and line, all in one pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/scenario.h"
#include "splice/splice_internal.h"

/* A valid splice scenario around the given setup text. */
static char *scenario_text(const char *setup)
{
    static const char *head =
        "{\n\"schema\": 1, \"id\": \"splice.t\", \"version\": 1, \"module\": \"splice\",\n"
        "\"title\": {\"fr\": \"T\", \"en\": \"T\"}, \"goal\": {\"fr\": \"G\", \"en\": \"G\"},\n"
        "\"instructions\": {\"fr\": \"I\", \"en\": \"I\"}, \"difficulty\": 1, \"time_limit_s\": 0,\n"
        "\"setup\": ";
    static const char *tail =
        ",\n\"rubric\": {\"pass_mark\": 70, \"criteria\": [\n"
        "  {\"id\": \"loss\", \"measure\": \"splice_loss_db\", \"band\": {\"ok_max\": 0.2}}]}\n}\n";
    size_t n = strlen(head) + strlen(setup) + strlen(tail) + 1;
    char *t = malloc(n);
    if (t) {
        snprintf(t, n, "%s%s%s", head, setup, tail);
    }
    return t;
}

static Scenario *load(const char *setup, DiagList *d)
{
    diag_list_init(d);
    char *text = scenario_text(setup);
    Scenario *s = text ? scenario_load_text(text, strlen(text), "t.json", d) : NULL;
    free(text);
    return s;
}

static const Diag *find(const DiagList *d, DiagCode code, const char *path)
{
    for (size_t i = 0; i < d->count; i++) {
        if (d->items[i].code == code && strcmp(d->items[i].path, path) == 0) {
            return &d->items[i];
        }
    }
    return NULL;
}

static void defaults_and_overrides(void)
{
    DiagList d;
    Scenario *s = load("{\"fibre1\": {\"type\": \"G.652.D\"}, \"fibre2\": {\"type\": \"G.657.A1\"}}", &d);
    CHECK(s != NULL && d.count == 0);
    if (s) {
        const SpliceSetup *u = s->setup;
        CHECK_NEAR(u->fibre[0].mfd_um[0], 9.2, 1e-12);
        CHECK_STR(u->fibre[1].type, "G.657.A1");
        CHECK_NEAR(u->min_bend_radius_mm, 30.0, 1e-12); /* the larger of 30 and 10 */
        CHECK_NEAR(u->cleave_length_mm, 16.0, 1e-12);
        CHECK_NEAR(u->cleave_limit_deg, 1.0, 1e-12);
        CHECK_NEAR(u->accept_max_db, 0.2, 1e-12);
        CHECK_NEAR(u->heat_time_s, 26.0, 1e-12);
        CHECK_NEAR(u->sleeve_length_mm, 60.0, 1e-12);
        CHECK(u->align == SPLICE_ALIGN_CORE);
        CHECK_NEAR(u->arc.p_bubble_per_dirt, 0.9, 1e-12);
    }
    scenario_destroy(s);
    diag_list_finish(&d);

    s = load("{\"fibre1\": {\"type\": \"G.652.D\", \"mfd_1310_um\": 9.0}, \"fibre2\": {\"type\": \"G.657.A2\"},"
             " \"align\": \"manual\", \"accept_max_db\": 0.1, \"cleave_length_mm\": 10, \"strip_target_mm\": 30,"
             " \"min_bend_radius_mm\": 20, \"cleaver\": {\"angle_sigma_deg\": 0.4}, \"arc\": {\"arc_power_rel\": 1.3}}",
             &d);
    /* arc_power_rel belongs to the setup, not to "arc": reported with a suggestion. */
    CHECK(s == NULL);
    CHECK(find(&d, DIAG_UNKNOWN_FIELD, "setup.arc.arc_power_rel") != NULL);
    diag_list_finish(&d);

    s = load("{\"fibre1\": {\"type\": \"G.652.D\", \"mfd_1310_um\": 9.0}, \"fibre2\": {\"type\": \"G.657.A2\"},"
             " \"align\": \"manual\", \"accept_max_db\": 0.1, \"cleave_length_mm\": 10, \"strip_target_mm\": 30,"
             " \"min_bend_radius_mm\": 20, \"cleaver\": {\"angle_sigma_deg\": 0.4}, \"arc_power_rel\": 1.3}",
             &d);
    CHECK(s != NULL && d.count == 0);
    if (s) {
        const SpliceSetup *u = s->setup;
        CHECK_NEAR(u->fibre[0].mfd_um[0], 9.0, 1e-12);
        CHECK_NEAR(u->fibre[0].mfd_um[1], 10.4, 1e-12);
        CHECK(u->align == SPLICE_ALIGN_MANUAL);
        CHECK_NEAR(u->accept_max_db, 0.1, 1e-12);
        CHECK_NEAR(u->min_bend_radius_mm, 20.0, 1e-12);
        CHECK_NEAR(u->cleaver.angle_sigma_deg, 0.4, 1e-12);
        CHECK_NEAR(u->cleaver.tension_high_rel, 1.15, 1e-12); /* untouched default */
        CHECK_NEAR(u->arc_power_rel, 1.3, 1e-12);
    }
    scenario_destroy(s);
    diag_list_finish(&d);
}

static void mistakes_reported(void)
{
    DiagList d;
    /* Five problems in one setup: all reported in one pass. */
    Scenario *s = load("{\n"
                       "  \"fibre1\": {\"type\": \"G.652\"},\n"
                       "  \"strip_targt_mm\": 35,\n"
                       "  \"cleave_length_mm\": 40,\n"
                       "  \"align\": \"auto\",\n"
                       "  \"arc\": {\"p_bubble_per_dirt\": 2}\n"
                       "}",
                       &d);
    CHECK(s == NULL);
    const Diag *g;
    CHECK((g = find(&d, DIAG_BAD_VALUE, "setup.fibre1.type")) != NULL && g->line == 6);
    CHECK((g = find(&d, DIAG_UNKNOWN_FIELD, "setup.strip_targt_mm")) != NULL && g->line == 7);
    CHECK(g && strstr(g->expected, "strip_target_mm") != NULL); /* did you mean */
    CHECK((g = find(&d, DIAG_OUT_OF_RANGE, "setup.cleave_length_mm")) != NULL && g->line == 8);
    CHECK((g = find(&d, DIAG_BAD_VALUE, "setup.align")) != NULL && g->line == 9);
    CHECK((g = find(&d, DIAG_OUT_OF_RANGE, "setup.arc.p_bubble_per_dirt")) != NULL && g->line == 10);
    CHECK(find(&d, DIAG_MISSING_FIELD, "setup.fibre2") != NULL || find(&d, DIAG_MISSING_FIELD, "setup") != NULL);
    if (check_failures) {
        diag_print(&d, "t.json", stderr);
    }
    diag_list_finish(&d);

    /* A strip that cannot reach past the blade. */
    s = load("{\"fibre1\": {\"type\": \"G.652.D\"}, \"fibre2\": {\"type\": \"G.652.D\"},"
             " \"cleave_length_mm\": 16, \"strip_target_mm\": 17}",
             &d);
    CHECK(s == NULL && find(&d, DIAG_INCONSISTENT, "setup.strip_target_mm") != NULL);
    diag_list_finish(&d);

    /* Wrong types. */
    s = load("{\"fibre1\": \"G.652.D\", \"fibre2\": {\"type\": \"G.652.D\"}, \"heat_time_s\": \"26\"}", &d);
    CHECK(s == NULL);
    CHECK(find(&d, DIAG_WRONG_TYPE, "setup.fibre1") != NULL);
    CHECK(find(&d, DIAG_WRONG_TYPE, "setup.heat_time_s") != NULL);
    diag_list_finish(&d);

    s = load("[1, 2]", &d);
    CHECK(s == NULL && d.count >= 1);
    diag_list_finish(&d);

    /* A rubric naming a measure the module never reports. */
    diag_list_init(&d);
    char *text = scenario_text("{\"fibre1\": {\"type\": \"G.652.D\"}, \"fibre2\": {\"type\": \"G.652.D\"}}");
    char *at = text ? strstr(text, "splice_loss_db") : NULL;
    if (at) {
        memcpy(at, "splice_lost_db", 14);
        s = scenario_load_text(text, strlen(text), "t.json", &d);
        CHECK(s == NULL && find(&d, DIAG_BAD_VALUE, "rubric.criteria[0].measure") != NULL);
    }
    free(text);
    diag_list_finish(&d);
}

int main(void)
{
    defaults_and_overrides();
    mistakes_reported();
    return test_done("splice_setup");
}
