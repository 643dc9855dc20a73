/*
 * test_splice_module.c - the splice procedure driven headless by a scripted
 * trainee (splice_bot.h): a careful attempt on every scenario of
 * scenarios/splice scores >= 95 and passes; each classic mistake alone is
 * detected with its measure, message and deduction; a recorded attempt
 * replays bit for bit.
 */
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/messages.h"
#include "splice_bot.h"
#include "splice_scenario.h"

static const char *const scenario_files[] = {
    "guided-first.json", "standard.json",     "g652-to-g657.json",
    "fault-bubble.json", "pbo-cassette.json", "manual-align.json",
};

typedef struct Run {
    Attempt *a;
    Result r;
    Bot bot;
} Run;

static void run(Run *out, const Scenario *scn, uint64_t seed, unsigned mistakes, double strip_mm)
{
    memset(out, 0, sizeof *out);
    out->a = attempt_create(scn, seed);
    Bot *b = &out->bot;
    b->a = out->a;
    b->b = splice_bench();
    b->mistakes = mistakes;
    b->strip_mm = strip_mm;
    b->left_offcut = -1;
    bot_run(b);
    out->r = *attempt_result(out->a);
}

static const CriterionResult *crit(const Result *r, const char *measure)
{
    for (size_t i = 0; i < r->n_criteria; i++) {
        if (strcmp(r->criteria[i].def.measure, measure) == 0) {
            return &r->criteria[i];
        }
    }
    return NULL;
}

static const PenaltyResult *pen(const Result *r, const char *event)
{
    for (size_t i = 0; i < r->n_penalties; i++) {
        if (strcmp(r->penalties[i].def.event, event) == 0) {
            return &r->penalties[i];
        }
    }
    return NULL;
}

static void print_result(const char *what, const Result *r)
{
    fprintf(stderr, "%s: total %.2f passed %d status %s ticks %u\n", what, r->total, r->passed,
            attempt_status_name(r->status), r->ticks);
    for (size_t i = 0; i < r->n_criteria; i++) {
        const CriterionResult *c = &r->criteria[i];
        fprintf(stderr, "  %-24s %s value %.4g credit %.3f\n", c->def.measure, verdict_name(c->verdict), c->value,
                c->credit);
    }
    for (size_t i = 0; i < r->n_penalties; i++) {
        if (r->penalties[i].count) {
            fprintf(stderr, "  penalty %-22s x%u -%.1f\n", r->penalties[i].def.event, r->penalties[i].count,
                    r->penalties[i].points);
        }
    }
    for (size_t i = 0; i < r->n_safety; i++) {
        fprintf(stderr, "  SAFETY %s\n", r->safety[i].event);
    }
}

/* The explanation of a criterion names the measured value and its target. */
static void check_message(const CriterionResult *c, const char *target_text)
{
    const MessageDef *m = message_find(module_find("splice")->messages, c->def.message);
    char text[256], value[32];
    message_format(message_template(m, c->verdict), c, ',', text, sizeof text);
    message_number(c->value, c->def.decimals, ',', value, sizeof value);
    CHECK_MSG(strstr(text, value) != NULL || strstr(message_template(m, c->verdict), "{value}") == NULL,
              "message \"%s\" lacks the value %s", text, value);
    if (target_text) {
        CHECK_MSG(strstr(text, target_text) != NULL, "message \"%s\" lacks the target %s", text, target_text);
    }
    CHECK_MSG(strcmp(m->label, "Result") != 0, "no splice message for %s", c->def.message);
    fprintf(stderr, "    -> %s\n", text);
}

static double strip_target(const char *file)
{
    return strcmp(file, "pbo-cassette.json") == 0 ? 30.0 : 35.0;
}

/* A careful trainee passes every scenario with >= 95, over several seeds. */
static void perfect_attempts(void)
{
    for (size_t f = 0; f < sizeof scenario_files / sizeof scenario_files[0]; f++) {
        Scenario *scn = splice_test_scenario(scenario_files[f], NULL);
        CHECK_MSG(scn != NULL, "%s does not load", scenario_files[f]);
        if (!scn) {
            continue;
        }
        for (uint64_t seed = 1; seed <= 4; seed++) {
            Run r;
            run(&r, scn, seed * 7919, 0, strip_target(scenario_files[f]));
            char what[96];
            snprintf(what, sizeof what, "%s seed %llu", scenario_files[f], (unsigned long long)(seed * 7919));
            bool good = r.r.status == ATTEMPT_FINISHED && r.r.passed && r.r.total >= 95.0;
            CHECK_MSG(good, "%s: total %.2f, passed %d", what, r.r.total, r.r.passed);
            if (!good || seed == 1) {
                print_result(what, &r.r);
            }
            for (size_t i = 0; i < r.r.n_criteria; i++) {
                CHECK_MSG(r.r.criteria[i].verdict == VERDICT_OK, "%s: %s not full credit", what,
                          r.r.criteria[i].def.measure);
            }
            /* The fault scenario's first splice always has a bubble: it was seen and redone. */
            if (strcmp(scenario_files[f], "fault-bubble.json") == 0) {
                CHECK(r.bot.seen_bubble);
                CHECK(r.bot.fusions >= 2);
                CHECK(pen(&r.r, "bubble_accepted") && pen(&r.r, "bubble_accepted")->count == 0);
            }
            attempt_destroy(r.a);
        }
        splice_test_scenario_free(scn);
    }
}

/* The value of a measure in a result, for messages. */
static double value_of(const Result *r, const char *measure)
{
    const CriterionResult *c = crit(r, measure);
    return c && c->measured ? c->value : (double)NAN;
}

typedef struct Mistake {
    unsigned flag;
    const char *name;
    const char *measure;     /* criterion that must lose credit, or NULL */
    const char *event;       /* penalty that must count, or NULL */
    const char *target_text; /* target the message must name, or NULL */
    const char *file;
    const char *patch;       /* setup patch, or NULL */
    bool must_fail;          /* the attempt fails (safety or timeout) */
} Mistake;

static void mistakes(void)
{
    static const Mistake list[] = {
        {BOT_FORGET_SLEEVE, "sleeve forgotten", "sleeve_first", "sleeve_forgotten", NULL, "standard.json", NULL,
         false},
        {BOT_STRIP_SHORT, "strip too short", "strip_length_mm", NULL, "30", "standard.json", NULL, false},
        {BOT_STRIP_LONG, "strip too long", "strip_length_mm", NULL, "40", "standard.json", NULL, false},
        {BOT_SKIP_CLEAN, "cleaning skipped", "clean_strokes", NULL, NULL, "standard.json", NULL, false},
        {BOT_TOUCH_GLASS, "glass touched after cleaning", NULL, "glass_touched", NULL, "standard.json", NULL, false},
        {BOT_CLEAVE_OFF, "cleave length off", "cleave_length_mm", NULL, "15,0 to 17,0", "standard.json", NULL, false},
        {BOT_ACCEPT_BAD_CLEAVE, "bad cleave accepted", "cleave_decision_errors", NULL, NULL, "standard.json", NULL,
         false},
        {BOT_LEAVE_OFFCUT, "offcut left", NULL, NULL, NULL, "standard.json", NULL, true},
        {BOT_ACCEPT_ALWAYS, "loss above threshold accepted", "accept_errors", "loss_accepted_above_threshold", NULL,
         "standard.json",
         "{\"vgroove_debris\": 0.5, \"arc\": {\"debris_offset_um\": 10, \"core_align_debris_keep\": 0.5,"
         " \"p_bubble_per_dirt\": 0, \"p_dust_line_per_dirt\": 0}}",
         true},
        {BOT_ACCEPT_ALWAYS, "bubble accepted", "accept_errors", "bubble_accepted", NULL, "fault-bubble.json", NULL,
         true},
        {BOT_SLEEVE_OFF, "sleeve off centre", "sleeve_offset_mm", NULL, "2", "standard.json", NULL, false},
        {BOT_TIGHT_COIL, "bend radius violated", "bend_radius_min_mm", NULL, "30", "standard.json", NULL, false},
        {BOT_SHORT_HEAT, "sleeve heated too short", "heat_time_s", NULL, "26", "standard.json", NULL, false},
        {BOT_DAWDLE, "time limit exceeded", "time_s", NULL, NULL, "pbo-cassette.json", NULL, true},
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) {
        const Mistake *m = &list[i];
        Scenario *scn = splice_test_scenario(m->file, m->patch);
        CHECK_MSG(scn != NULL, "%s: scenario", m->name);
        if (!scn) {
            continue;
        }
        /* The careful run on the same seed is the reference for the deduction;
         * a patched setup has no careful reference (it may never splice well). */
        Run good, bad;
        memset(&good, 0, sizeof good);
        good.r.total = 100.0;
        if (!m->patch) {
            run(&good, scn, 4242, 0, strip_target(m->file));
        }
        run(&bad, scn, 4242, m->flag, strip_target(m->file));
        print_result(m->name, &bad.r);
        CHECK_MSG(bad.bot.done & m->flag, "%s: the bot never made the mistake", m->name);
        if (m->measure) {
            const CriterionResult *c = crit(&bad.r, m->measure);
            CHECK_MSG(c && c->measured && c->credit < 1.0, "%s: %s = %g not marked down", m->name, m->measure,
                      value_of(&bad.r, m->measure));
            if (c && c->measured) {
                check_message(c, m->target_text);
            }
        }
        if (m->event) {
            const PenaltyResult *p = pen(&bad.r, m->event);
            CHECK_MSG(p && p->count >= 1 && p->points > 0.0, "%s: no %s penalty", m->name, m->event);
        }
        if (m->must_fail) {
            CHECK_MSG(!bad.r.passed, "%s: the attempt passed", m->name);
        }
        CHECK_MSG(bad.r.total < good.r.total || (m->must_fail && !bad.r.passed),
                  "%s: total %.2f not below the careful %.2f", m->name, bad.r.total, good.r.total);
        attempt_destroy(good.a);
        attempt_destroy(bad.a);
        splice_test_scenario_free(scn);
    }
}

/* Specific outcomes the mistakes above do not pin down. */
static void details(void)
{
    Scenario *scn = splice_test_scenario("standard.json", NULL);
    if (!scn) {
        CHECK(false);
        return;
    }
    /* Offcut left: a safety fault named offcut_left, the attempt fails whatever the points. */
    Run r;
    run(&r, scn, 99, BOT_LEAVE_OFFCUT, 35.0);
    CHECK(r.r.n_safety >= 1 && strcmp(r.r.safety[0].event, "offcut_left") == 0);
    CHECK(!r.r.passed);
    const MessageDef *m = message_find(module_find("splice")->messages, "offcut_left");
    CHECK(strstr(message_template(m, VERDICT_FAIL), "scrap container") != NULL);
    attempt_destroy(r.a);

    /* Timeout: status timeout and time_s at the limit. */
    Scenario *pbo = splice_test_scenario("pbo-cassette.json", NULL);
    if (pbo) {
        run(&r, pbo, 5, BOT_DAWDLE, 30.0);
        CHECK(r.r.status == ATTEMPT_TIMEOUT);
        CHECK_NEAR(value_of(&r.r, "time_s"), 180.0, 1e-9);
        attempt_destroy(r.a);
        /* A careful PBO job fits in the 3 minutes. */
        run(&r, pbo, 5, 0, 30.0);
        CHECK(r.r.status == ATTEMPT_FINISHED && value_of(&r.r, "time_s") < 150.0);
        attempt_destroy(r.a);
        splice_test_scenario_free(pbo);
    }

    /* Sleeve forgotten: discovered at the accept, the splice is cut and done again. */
    run(&r, scn, 17, BOT_FORGET_SLEEVE, 35.0);
    CHECK(r.bot.fusions >= 2);
    CHECK(value_of(&r.r, "sleeve_first") == 0.0);
    attempt_destroy(r.a);

    /* Measured values of a careful run match the gestures: strip 35 mm, cleave on the 16 mm mark. */
    run(&r, scn, 3, 0, 35.0);
    CHECK_NEAR(value_of(&r.r, "strip_length_mm"), 35.0, 1e-9);
    CHECK_NEAR(value_of(&r.r, "cleave_length_mm"), 16.0, 1e-9);
    CHECK(value_of(&r.r, "clean_strokes") == 1.0);
    CHECK(value_of(&r.r, "sleeve_offset_mm") < 1e-9);
    CHECK(value_of(&r.r, "bend_radius_min_mm") > 33.0 && value_of(&r.r, "bend_radius_min_mm") <= 35.0);
    CHECK_NEAR(value_of(&r.r, "heat_time_s"), 26.0, 1e-9);
    CHECK(value_of(&r.r, "cool_time_s") >= 10.0);
    attempt_destroy(r.a);

    /* Cleave length 4 mm short of the mark reads 12 mm. */
    run(&r, scn, 3, BOT_CLEAVE_OFF, 35.0);
    CHECK_NEAR(value_of(&r.r, "cleave_length_mm"), 12.0, 1e-9);
    attempt_destroy(r.a);
    splice_test_scenario_free(scn);
}

/* Stripping: a steady pull never harms the glass; a fast one breaks it or
 * leaves a hidden nick that the proof test finds. */
static void strip_speed(void)
{
    Scenario *scn = splice_test_scenario("standard.json", NULL);
    if (!scn) {
        CHECK(false);
        return;
    }
    unsigned steady_harm = 0, fast_breaks = 0, fast_proof = 0, finished = 0;
    for (uint64_t seed = 1; seed <= 12; seed++) {
        Run r;
        run(&r, scn, seed, 0, 35.0);
        const Sheet *sh = attempt_sheet(r.a);
        steady_harm += sheet_count(sh, SHEET_EVENT, "glass_broken") + sheet_count(sh, SHEET_EVENT, "proof_test_break");
        attempt_destroy(r.a);

        /* 250 mm/s: excess 0.67 over the 150 mm/s limit, p(break) = p(nick) = 0.4. */
        memset(&r, 0, sizeof r);
        r.a = attempt_create(scn, seed);
        r.bot.a = r.a;
        r.bot.b = splice_bench();
        r.bot.strip_mm = 35.0;
        r.bot.left_offcut = -1;
        r.bot.pull_mm_per_tick = 2.5;
        bot_run(&r.bot);
        sh = attempt_sheet(r.a);
        fast_breaks += sheet_count(sh, SHEET_EVENT, "glass_broken");
        fast_proof += sheet_count(sh, SHEET_EVENT, "proof_test_break");
        finished += attempt_status(r.a) == ATTEMPT_FINISHED;
        attempt_destroy(r.a);
    }
    CHECK(steady_harm == 0);
    CHECK_MSG(fast_breaks >= 3, "fast pulls broke the glass %u times", fast_breaks);
    CHECK_MSG(fast_proof >= 1, "hidden nicks found by the proof test %u times", fast_proof);
    CHECK_MSG(finished >= 10, "the bot finished %u of 12 fast-pull jobs", finished);
    fprintf(stderr, "fast pulls over 12 jobs: %u breaks, %u proof-test breaks\n", fast_breaks, fast_proof);
    splice_test_scenario_free(scn);
}

/* An attempt recomputed from its seed and events gives the same result, bit for bit. */
static void replays(void)
{
    for (size_t f = 0; f < sizeof scenario_files / sizeof scenario_files[0]; f++) {
        Scenario *scn = splice_test_scenario(scenario_files[f], NULL);
        if (!scn) {
            continue;
        }
        unsigned flags[] = {0, BOT_TOUCH_GLASS | BOT_SLEEVE_OFF, BOT_ACCEPT_BAD_CLEAVE | BOT_LEAVE_OFFCUT};
        for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++) {
            Run r;
            run(&r, scn, 1000 + f * 10 + k, flags[k], strip_target(scenario_files[f]));
            const InputLog *log = attempt_log(r.a);
            Result again;
            bool ok = attempt_replay(scn, attempt_seed(r.a), log->items, log->count, attempt_tick(r.a),
                                     attempt_status(r.a), &again);
            CHECK_MSG(ok, "%s: replay failed", scenario_files[f]);
            CHECK_MSG(ok && result_equal(&r.r, &again), "%s flags %u: replay differs", scenario_files[f], flags[k]);
            /* Another seed gives another attempt (the seed matters). */
            attempt_destroy(r.a);
        }
        splice_test_scenario_free(scn);
    }
}

/* The hint follows the procedure step by step (REFERENCE 1.1 order). */
static void hints(void)
{
    Scenario *scn = splice_test_scenario("guided-first.json", NULL);
    if (!scn) {
        CHECK(false);
        return;
    }
    Bot b;
    memset(&b, 0, sizeof b);
    b.a = attempt_create(scn, 77);
    b.b = splice_bench();
    b.strip_mm = 35.0;
    b.left_offcut = -1;
    const SpliceBench *g = b.b;
    const SpliceView *v = bot_view(&b);
    CHECK(v->hint == SPLICE_HINT_THREAD_SLEEVE);
    bot_choose(&b, "sleeve");
    CHECK(v->sleeve_on == SPLICE_LEFT);
    CHECK(v->hint == SPLICE_HINT_STRIP);
    bot_choose(&b, "tool_stripper");
    bot_drag(&b, g->mat_x - 35.0, g->mat_y, g->mat_x + 5.0, g->mat_y, 60);
    CHECK_NEAR(v->fibre[0].bare_mm, 35.0, 1e-12);
    CHECK(v->hint == SPLICE_HINT_CLEAN);
    bot_choose(&b, "tool_wipe");
    bot_drag(&b, g->mat_x - 38.0, g->mat_y, g->mat_x + 5.0, g->mat_y, 30);
    CHECK(v->fibre[0].clean_strokes == 1);
    CHECK(v->hint == SPLICE_HINT_TO_CLEAVER);
    bot_choose(&b, "tool_hand");
    bot_drag(&b, g->mat_x - 55.0, g->mat_y, g->cleaver_x - 16.0 + 35.0 - 55.0, g->cleaver_y, 40);
    CHECK(v->fibre[0].where == SPLICE_AT_CLEAVER);
    CHECK_NEAR(v->fibre[0].tip_x_mm, 19.0, 1e-9); /* coating edge on the 16 mm mark */
    CHECK(v->hint == SPLICE_HINT_CLAMP);
    bot_choose(&b, "clamp");
    CHECK(v->hint == SPLICE_HINT_CLEAVE);
    bot_drag(&b, g->cleaver_x, g->cleaver_y + g->blade_rest_y, g->cleaver_x, g->cleaver_y - 30.0, 20);
    CHECK(v->fibre[0].cleaved);
    CHECK_NEAR(v->fibre[0].cleave_length_mm, 16.0, 1e-9);
    CHECK(v->n_offcuts == 1 && fabs(v->offcut[0].length_mm - 19.0) < 1e-9);
    CHECK(v->hint == SPLICE_HINT_BIN_OFFCUT);
    bot_bin_offcuts(&b);
    CHECK(v->offcut[0].binned);
    CHECK(v->hint == SPLICE_HINT_UNCLAMP);
    bot_choose(&b, "unclamp");
    CHECK(v->hint == SPLICE_HINT_LOAD_SPLICER);
    bot_drag(&b, g->cleaver_x - 36.0, g->cleaver_y, g->splicer_x - 2.0 - 36.0, g->splicer_y, 40);
    CHECK(v->fibre[0].where == SPLICE_AT_SPLICER);
    CHECK_NEAR(v->fibre[0].tip_x_mm, -2.0, 1e-9);
    /* The right fibre is on the mat now; the sleeve is already on the left one. */
    CHECK(v->mat_fibre == SPLICE_RIGHT);
    CHECK(v->hint == SPLICE_HINT_STRIP);
    /* Asking for a hint is counted. */
    bot_key(&b, ACTION_HINT);
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "hint_used") == 1);
    attempt_destroy(b.a);
    splice_test_scenario_free(scn);
}

/* Placeholders of a template, e.g. "{value}{unit}{ok_max}", in order of appearance, sorted. */
static void placeholders(const char *s, char *out, size_t n)
{
    char list[16][16];
    int k = 0;
    for (const char *p = strchr(s, '{'); p && k < 16; p = strchr(p + 1, '{')) {
        const char *e = strchr(p, '}');
        if (!e || e - p >= 15) {
            break;
        }
        memcpy(list[k], p, (size_t)(e - p + 1));
        list[k][e - p + 1] = '\0';
        k++;
    }
    for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
            if (strcmp(list[j], list[i]) < 0) {
                char t[16];
                memcpy(t, list[i], 16);
                memcpy(list[i], list[j], 16);
                memcpy(list[j], t, 16);
            }
        }
    }
    out[0] = '\0';
    for (int i = 0; i < k; i++) {
        strncat(out, list[i], n - strlen(out) - 1);
    }
}

/* Binds the "fibresim" text domain to the build's compiled catalogues
 * ($FIBRESIM_LOCALEDIR: <build>/po, set by tests/meson.build) and asks gettext
 * for French. gettext ignores $LANGUAGE in the plain "C" locale, hence
 * C.UTF-8 (as i18n_init does); numbers stay in the C locale. */
static bool use_french_catalogue(void)
{
    const char *dir = getenv("FIBRESIM_LOCALEDIR");
    CHECK_MSG(dir && dir[0], "FIBRESIM_LOCALEDIR (the build's po folder) is not set");
    if (!dir || !dir[0]) {
        return false;
    }
    if (!setlocale(LC_ALL, "C.UTF-8")) {
        setlocale(LC_ALL, "C.utf8");
    }
    setlocale(LC_NUMERIC, "C");
    setenv("LANGUAGE", "fr", 1);
    CHECK(bindtextdomain("fibresim", dir) != NULL);
    bind_textdomain_codeset("fibresim", "UTF-8");
    return true;
}

/* The French of msgid from the compiled catalogue, or NULL when it has none
 * (gettext then hands back msgid itself). An empty msgid has none: gettext
 * would answer with the catalogue's header. */
static const char *french(const char *msgid)
{
    if (!msgid || !msgid[0]) {
        return NULL;
    }
    const char *fr = dgettext("fibresim", msgid);
    return fr != msgid && fr[0] ? fr : NULL;
}

/* Every splice message has a French translation with the same placeholders. */
static void translations(void)
{
    if (!use_french_catalogue()) {
        return;
    }
    /* The catalogue is there: one clear failure rather than one per message. */
    const char *probe = french(module_find("splice")->messages[0].label);
    CHECK_MSG(probe != NULL, "no French catalogue under %s", getenv("FIBRESIM_LOCALEDIR"));
    if (!probe) {
        return;
    }
    int checked = 0;
    for (const MessageDef *m = module_find("splice")->messages; m->key; m++) {
        const char *texts[5] = {m->label, m->ok, m->partial, m->fail, m->missing};
        for (int i = 0; i < 5; i++) {
            if (!texts[i]) {
                continue;
            }
            const char *msgstr = french(texts[i]);
            CHECK_MSG(msgstr != NULL, "no French for \"%s\"", texts[i]);
            if (!msgstr) {
                continue;
            }
            char a[256], b[256];
            placeholders(texts[i], a, sizeof a);
            placeholders(msgstr, b, sizeof b);
            CHECK_MSG(strcmp(a, b) == 0, "\"%s\" -> \"%s\": placeholders %s vs %s", texts[i], msgstr, a, b);
            /* French typography: a space before ':' */
            CHECK_MSG(!strchr(msgstr, ':') || strstr(msgstr, " :"), "\"%s\": no space before ':'", msgstr);
            checked++;
        }
    }
    CHECK(checked > 60);
    /* Buttons, hints and notices the scene shows. */
    const char *more[64];
    int n_more = 0;
    for (const SpliceChoice *c = splice_choices; c->id && n_more < 64; c++) {
        more[n_more++] = c->label;
    }
    for (int h = SPLICE_HINT_NONE; h <= SPLICE_HINT_FINISH && n_more < 64; h++) {
        more[n_more++] = splice_hint_text((SpliceHint)h);
    }
    for (int k = SPLICE_NOTICE_GLASS_BROKE; k <= SPLICE_NOTICE_VGROOVE_CLEANED && n_more < 64; k++) {
        more[n_more++] = splice_notice_text((SpliceNotice)k);
    }
    CHECK(n_more == 19 + 20 + 15);
    for (int i = 0; i < n_more; i++) {
        CHECK_MSG(french(more[i]) != NULL, "no French for \"%s\"", more[i]);
    }
}

int main(void)
{
    hints();
    translations();
    perfect_attempts();
    mistakes();
    details();
    strip_speed();
    replays();
    return test_done("splice_module");
}
