/*
 * test_rubric.c - credit bands, tables, weights, penalties, safety, pass mark.
 * Expected values are worked out by hand from the rules in rubric.h.
 */
#include <cjson/cJSON.h>
#include <string.h>

#include "check.h"
#include "fibresim/rubric.h"
#include "fibresim/sheet.h"

static Criterion band(double ok_min, double ok_max, double zero_min, double zero_max, unsigned has)
{
    Criterion c;
    memset(&c, 0, sizeof c);
    strcpy(c.id, "c");
    strcpy(c.measure, "m");
    strcpy(c.message, "m");
    c.weight = 1;
    c.band.has_ok_min = has & 1;
    c.band.has_ok_max = has & 2;
    c.band.has_zero_min = has & 4;
    c.band.has_zero_max = has & 8;
    c.band.ok_min = ok_min;
    c.band.ok_max = ok_max;
    c.band.zero_min = zero_min;
    c.band.zero_max = zero_max;
    return c;
}

static void test_bands(void)
{
    /* Strip length: full credit 30..40 mm, zero at 25 and 45. */
    Criterion c = band(30, 40, 25, 45, 15);
    CHECK_NEAR(rubric_credit(&c, 35), 1.0, 0);
    CHECK_NEAR(rubric_credit(&c, 30), 1.0, 0);   /* ok bounds inclusive */
    CHECK_NEAR(rubric_credit(&c, 40), 1.0, 0);
    CHECK_NEAR(rubric_credit(&c, 27.5), 0.5, 1e-12); /* halfway 25..30 */
    CHECK_NEAR(rubric_credit(&c, 44), 0.2, 1e-12);   /* (45-44)/(45-40) */
    CHECK_NEAR(rubric_credit(&c, 45), 0.0, 0);       /* zero bound inclusive */
    CHECK_NEAR(rubric_credit(&c, 25), 0.0, 0);
    CHECK_NEAR(rubric_credit(&c, -1e9), 0.0, 0);
    CHECK_NEAR(rubric_credit(&c, NAN), 0.0, 0);
    /* One-sided: cleave angle ok <= 0.5 deg, zero at 1.0. */
    Criterion a = band(0, 0.5, 0, 1.0, 2 | 8);
    CHECK_NEAR(rubric_credit(&a, 0.0), 1.0, 0);
    CHECK_NEAR(rubric_credit(&a, 0.75), 0.5, 1e-12);
    CHECK_NEAR(rubric_credit(&a, 1.4), 0.0, 0);
    /* Hard limit: no zero_max -> 0 just above ok_max. */
    Criterion h = band(0, 0.2, 0, 0, 2);
    CHECK_NEAR(rubric_credit(&h, 0.2), 1.0, 0);
    CHECK_NEAR(rubric_credit(&h, 0.2000001), 0.0, 0);
    CHECK(rubric_verdict(1.0) == VERDICT_OK);
    CHECK(rubric_verdict(0.3) == VERDICT_PARTIAL);
    CHECK(rubric_verdict(0.0) == VERDICT_FAIL);
}

static void test_table(void)
{
    Criterion c = band(0, 0, 0, 0, 0);
    c.table.count = 3;
    c.table.x[0] = 0; c.table.credit[0] = 1.0;
    c.table.x[1] = 2; c.table.credit[1] = 0.5;
    c.table.x[2] = 4; c.table.credit[2] = 0.0;
    CHECK_NEAR(rubric_credit(&c, -3), 1.0, 0);  /* held before the first point */
    CHECK_NEAR(rubric_credit(&c, 1), 0.75, 1e-12);
    CHECK_NEAR(rubric_credit(&c, 3), 0.25, 1e-12);
    CHECK_NEAR(rubric_credit(&c, 9), 0.0, 0);
}

static void test_evaluate(void)
{
    Rubric r;
    memset(&r, 0, sizeof r);
    r.pass_mark = 70;
    r.criteria[0] = band(30, 40, 25, 45, 15);
    strcpy(r.criteria[0].id, "strip");
    strcpy(r.criteria[0].measure, "strip_mm");
    r.criteria[0].weight = 1;
    r.criteria[1] = band(0, 0.5, 0, 1.0, 2 | 8);
    strcpy(r.criteria[1].id, "angle");
    strcpy(r.criteria[1].measure, "angle_deg");
    r.criteria[1].weight = 3;
    r.n_criteria = 2;
    strcpy(r.penalties[0].id, "hints");
    strcpy(r.penalties[0].event, "hint_used");
    r.penalties[0].points = 4;
    r.penalties[0].max_points = 10;
    r.n_penalties = 1;

    Sheet s;
    sheet_init(&s);
    sheet_measure(&s, "strip_mm", 27.5, 10); /* credit 0.5 */
    sheet_measure(&s, "angle_deg", 2.0, 20);
    sheet_measure(&s, "angle_deg", 0.75, 30); /* redone: credit 0.5, last wins */
    Result res;
    rubric_evaluate(&r, &s, ATTEMPT_FINISHED, 500, &res);
    /* 100 * (1*0.5 + 3*0.5) / 4 = 50 */
    CHECK_NEAR(res.total, 50.0, 1e-9);
    CHECK_NEAR(res.criteria[0].points, 12.5, 1e-9);
    CHECK_NEAR(res.criteria[1].points, 37.5, 1e-9);
    CHECK(res.criteria[1].tick == 30);
    CHECK(!res.passed);

    sheet_clear(&s);
    sheet_measure(&s, "strip_mm", 35, 1);
    sheet_measure(&s, "angle_deg", 0.2, 2);
    for (int i = 0; i < 3; i++) {
        sheet_event(&s, "hint_used", 3);
    }
    rubric_evaluate(&r, &s, ATTEMPT_FINISHED, 500, &res);
    /* 100 - min(3*4, 10) = 90 */
    CHECK_NEAR(res.total, 90.0, 1e-9);
    CHECK(res.penalties[0].count == 3);
    CHECK_NEAR(res.penalties[0].points, 10.0, 0);
    CHECK(res.passed);

    /* Same sheet, abandoned: never passes. */
    rubric_evaluate(&r, &s, ATTEMPT_ABANDONED, 500, &res);
    CHECK(!res.passed);

    /* A safety fault fails whatever the points. */
    sheet_safety(&s, "offcut_left", 400);
    rubric_evaluate(&r, &s, ATTEMPT_FINISHED, 500, &res);
    CHECK_NEAR(res.total, 90.0, 1e-9);
    CHECK(!res.passed);
    CHECK(res.n_safety == 1);
    CHECK_STR(res.safety[0].event, "offcut_left");

    /* A measure never reported: 0 credit, MISSING. */
    sheet_clear(&s);
    sheet_measure(&s, "strip_mm", 35, 1);
    rubric_evaluate(&r, &s, ATTEMPT_FINISHED, 500, &res);
    CHECK(res.criteria[1].verdict == VERDICT_MISSING);
    CHECK_NEAR(res.total, 25.0, 1e-9);

    /* JSON round trip is exact. */
    cJSON *j = result_to_json(&res);
    CHECK(j != NULL);
    char *text = cJSON_PrintUnformatted(j);
    cJSON *back = cJSON_Parse(text);
    DiagList d;
    diag_list_init(&d);
    JsonV v = {&d, text, strlen(text)};
    Result res2;
    CHECK(result_from_json(&v, back, "result", &res2));
    CHECK(d.count == 0);
    diag_print(&d, "result", stderr);
    CHECK(result_equal(&res, &res2));
    res2.total += 1e-13;
    CHECK(!result_equal(&res, &res2));
    diag_list_finish(&d);
    cJSON_Delete(back);
    cJSON_free(text);
    cJSON_Delete(j);
    sheet_finish(&s);
}

static bool only_x_mm(const void *ctx, const char *name)
{
    (void)ctx;
    return strcmp(name, "x_mm") == 0;
}

static void test_load(void)
{
    const char *text =
        "{\"pass_mark\": 70, \"criteria\": ["
        " {\"id\": \"a\", \"measure\": \"x_mm\", \"band\": {\"ok_max\": 1, \"zero_max\": 0.5}},"
        " {\"id\": \"a\", \"measure\": \"nope\", \"wieght\": 2, \"band\": {\"ok_max\": 1}}"
        "]}";
    cJSON *j = cJSON_Parse(text);
    DiagList d;
    diag_list_init(&d);
    JsonV v = {&d, text, strlen(text)};
    Rubric r;
    RubricNames names = {.measure = only_x_mm, .measures_hint = "x_mm"};
    CHECK(!rubric_load(&v, j, "", &names, &r));
    diag_print(&d, "inline", stderr);
    bool inconsistent = false, unknown = false, bad_measure = false, dup = false;
    for (size_t i = 0; i < d.count; i++) {
        const Diag *g = &d.items[i];
        inconsistent |= g->code == DIAG_INCONSISTENT && strcmp(g->path, "criteria[0].band.zero_max") == 0;
        unknown |= g->code == DIAG_UNKNOWN_FIELD && strcmp(g->path, "criteria[1].wieght") == 0
                   && strstr(g->expected, "weight");
        bad_measure |= g->code == DIAG_BAD_VALUE && strcmp(g->path, "criteria[1].measure") == 0;
        dup |= g->code == DIAG_DUPLICATE_ID;
    }
    CHECK(inconsistent);
    CHECK(unknown);
    CHECK(bad_measure);
    CHECK(!dup); /* the second criterion failed to load, so no duplicate is claimed */
    CHECK_MSG(d.items[0].line == 1 && d.items[0].col > 60, "at %d:%d", d.items[0].line, d.items[0].col);
    diag_list_finish(&d);
    cJSON_Delete(j);
}

int main(void)
{
    test_bands();
    test_table();
    test_evaluate();
    test_load();
    return test_done("rubric");
}
