/*
 * test_report.c - the report core (include/fibresim/report.h) on a folder of
 * known attempts: true attempts at every shipped scenario with a driver,
 * written through the journal for four trainees. The expected figures are
 * computed here from the list of what was written (max, mean, the latest
 * by start time, distinct passed scenarios), not read from the report.
 *
 * Then: the second report replays nothing (verified cache) and reads no
 * file (summary cache); filters; a hand-edited total and a hand-edited event
 * are mismatches left out of the figures; damaged files are listed with the
 * reason while the rest is reported; the same attempt in two folders counts
 * once and a conflicting copy is marked; a damaged cache changes nothing; a
 * missing scenario makes an attempt not verifiable; a renamed trainee shows
 * the new name.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fibresim/report.h"
#include "fibresim/trainee_admin.h"
#include "journal_util.h"
#include "report_fixture.h"

static const char *const names[] = {"Awa Ndiaye", "Élodie N'Diaye", "Karim Benali", "Zoé Martin"};
#define N_NAMES 4
#define PER_TRAINEE 9

typedef struct Expect {
    size_t attempts, passed_attempts, passed_scenarios, scenarios_tried;
    double best, last, average;
    char last_activity[32];
} Expect;

/* Figures over the fixture attempts that pass `keep`, computed directly. */
static Expect expect_of(const Fixture *fx, const char *trainee, const char *module, const char *const *skip_ids)
{
    Expect e;
    memset(&e, 0, sizeof e);
    e.best = e.last = e.average = NAN;
    double sum = 0;
    const char *last_start = "";
    const char *passed[64], *tried[64];
    size_t np = 0, nt = 0;
    for (size_t i = 0; i < fx->n_att; i++) {
        const FixAttempt *a = &fx->att[i];
        bool skip = false;
        for (size_t k = 0; skip_ids && skip_ids[k]; k++) {
            skip |= strcmp(skip_ids[k], a->attempt_id) == 0;
        }
        if (skip || (trainee && strcmp(trainee, a->trainee_id) != 0) || (module && strcmp(module, a->module) != 0)) {
            continue;
        }
        e.attempts++;
        sum += a->total;
        e.best = e.attempts == 1 || a->total > e.best ? a->total : e.best;
        if (strcmp(a->started_at, last_start) > 0) {
            last_start = a->started_at;
            e.last = a->total;
        }
        if (strcmp(a->ended_at, e.last_activity) > 0) {
            snprintf(e.last_activity, sizeof e.last_activity, "%s", a->ended_at);
        }
        e.passed_attempts += a->passed;
        bool seen = false;
        for (size_t k = 0; k < nt; k++) {
            seen |= strcmp(tried[k], a->scenario_id) == 0;
        }
        if (!seen) {
            tried[nt++] = a->scenario_id;
        }
        seen = false;
        for (size_t k = 0; k < np; k++) {
            seen |= strcmp(passed[k], a->scenario_id) == 0;
        }
        if (a->passed && !seen) {
            passed[np++] = a->scenario_id;
        }
    }
    e.passed_scenarios = np;
    e.scenarios_tried = nt;
    if (e.attempts) {
        e.average = sum / (double)e.attempts;
    }
    return e;
}

static void check_figures(const ReportFigures *f, const Expect *e, const char *what)
{
    CHECK_MSG(f->attempts == e->attempts, "%s: attempts %zu, expected %zu", what, f->attempts, e->attempts);
    CHECK_MSG(f->passed_attempts == e->passed_attempts, "%s: passed attempts %zu, expected %zu", what,
              f->passed_attempts, e->passed_attempts);
    CHECK_MSG(f->passed_scenarios == e->passed_scenarios, "%s: passed scenarios %zu, expected %zu", what,
              f->passed_scenarios, e->passed_scenarios);
    CHECK_MSG(f->scenarios_tried == e->scenarios_tried, "%s: scenarios tried", what);
    if (e->attempts) {
        CHECK_MSG(f->best == e->best, "%s: best %.17g, expected %.17g", what, f->best, e->best);
        CHECK_MSG(f->last == e->last, "%s: last %.17g, expected %.17g", what, f->last, e->last);
        CHECK_MSG(fabs(f->average - e->average) < 1e-9, "%s: average %.17g, expected %.17g", what, f->average,
                  e->average);
        CHECK_MSG(strcmp(f->last_activity, e->last_activity) == 0, "%s: last activity %s, expected %s", what,
                  f->last_activity, e->last_activity);
    } else {
        CHECK_MSG(isnan(f->best) && isnan(f->average) && isnan(f->last), "%s: no attempt, figures NAN", what);
    }
}

/* The source tree's scenario folder, searched as "fibresim report
 * --scenarios" does (NULL = none): a reading scenario's trace lies next to
 * its scenario file there. */
static const char *scenario_dirs[2];

static bool build(const char *const *dirs, size_t n, bool verify, Report *r, const ReportFilter *flt)
{
    ReportOptions o;
    memset(&o, 0, sizeof o);
    o.scenario_dirs = scenario_dirs[0] ? scenario_dirs : NULL;
    o.dirs = dirs;
    o.n_dirs = n;
    o.verify = verify;
    o.use_cache = true;
    o.threads = 2;
    if (flt) {
        o.filter = *flt;
    }
    char err[256];
    bool ok = report_build(&o, r, err, sizeof err);
    CHECK_MSG(ok, "report_build: %s", err);
    return ok;
}

static const ReportTrainee *trainee(const Report *r, const char *id)
{
    for (size_t i = 0; i < r->n_trainees; i++) {
        if (strcmp(r->trainees[i].id, id) == 0) {
            return &r->trainees[i];
        }
    }
    return NULL;
}

static const ReportAttempt *attempt(const Report *r, const char *id)
{
    for (size_t i = 0; i < r->n_attempts; i++) {
        if (strcmp(r->attempts[i].attempt_id, id) == 0) {
            return &r->attempts[i];
        }
    }
    return NULL;
}

/* Every figure of the report against the fixture, skipping some ids. */
static void check_all(const Report *r, const Fixture *fx, const char *const *skip, const char *what)
{
    char w[256];
    Expect g = expect_of(fx, NULL, NULL, skip);
    snprintf(w, sizeof w, "%s group", what);
    check_figures(&r->group, &g, w);
    for (size_t m = 0; m < r->n_modules; m++) {
        Expect e = expect_of(fx, NULL, r->modules[m].module, skip);
        snprintf(w, sizeof w, "%s group %s", what, r->modules[m].module);
        check_figures(&r->modules[m], &e, w);
    }
    for (size_t i = 0; i < N_NAMES; i++) {
        char id[64];
        record_trainee_slug(names[i], id, sizeof id);
        const ReportTrainee *t = trainee(r, id);
        CHECK_MSG(t != NULL, "%s: trainee %s listed", what, id);
        if (!t) {
            continue;
        }
        Expect e = expect_of(fx, id, NULL, skip);
        snprintf(w, sizeof w, "%s %s", what, id);
        check_figures(&t->all, &e, w);
        for (size_t m = 0; m < t->n_modules; m++) {
            Expect em = expect_of(fx, id, t->modules[m].module, skip);
            snprintf(w, sizeof w, "%s %s %s", what, id, t->modules[m].module);
            check_figures(&t->modules[m], &em, w);
        }
        /* Its attempts are in time order. */
        for (size_t k = t->first + 1; k < t->first + t->count; k++) {
            CHECK(strcmp(r->attempts[k - 1].started_at, r->attempts[k].started_at) <= 0);
            CHECK(strcmp(r->attempts[k].trainee_id, id) == 0);
        }
    }
}

static bool mkdirs(const char *path)
{
    char buf[1200];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *c = buf + 1; *c; c++) {
        if (*c == '/') {
            *c = '\0';
            mkdir(buf, 0755);
            *c = '/';
        }
    }
    return mkdir(buf, 0755) == 0 || tu_exists(buf);
}


int main(void)
{
    char scn_dir[1024];
    const char *src = getenv("FIBRESIM_SOURCE_ROOT");
    snprintf(scn_dir, sizeof scn_dir, "%s/scenarios", src ? src : ".");
    scenario_dirs[0] = scn_dir;
    char *root = tu_mkdtemp("report");
    char A[600], B[600], T[600];
    snprintf(A, sizeof A, "%s/a", root);
    snprintf(B, sizeof B, "%s/b", root);
    snprintf(T, sizeof T, "%s/t", root);
    Fixture fx;
    if (!fixture_build(&fx, A, names, N_NAMES, PER_TRAINEE)) {
        CHECK(false);
        return test_done("report");
    }
    CHECK(fx.n_att == N_NAMES * PER_TRAINEE);
    /* Every module with a driver is in the folder, and the OTDR reading
     * scenario, whose trace file lies next to the scenario file. */
    /* (In registry order, src/modules/modules.def: the report's module order.) */
    static const char *const driven[] = {"tutorial", "splice", "endface", "otdr"};
    bool mods[4] = {false, false, false, false}, reading = false;
    for (size_t i = 0; i < fx.n_att; i++) {
        for (size_t m = 0; m < 4; m++) {
            mods[m] |= strcmp(fx.att[i].module, driven[m]) == 0;
        }
        reading |= strcmp(fx.att[i].scenario_id, "otdr.reading-anritsu") == 0;
    }
    CHECK(mods[0] && mods[1] && mods[2] && mods[3] && reading);

    /* 1. First report: every attempt replayed and verified; figures. */
    const char *dirs[] = {A, B};
    Report r;
    if (build(dirs, 1, true, &r, NULL)) {
        CHECK(r.n_attempts == fx.n_att && r.n_trainees == N_NAMES && r.n_problems == 0);
        CHECK_MSG(r.stats.verified == fx.n_att, "verified %zu of %zu", r.stats.verified, fx.n_att);
        CHECK(r.stats.replayed == fx.n_att && r.stats.verified_cached == 0);
        CHECK(r.stats.summaries_read == fx.n_att && r.stats.summaries_cached == 0);
        /* One row per module, in registry order. */
        CHECK(r.n_modules == 4);
        for (size_t m = 0; m < r.n_modules && m < 4; m++) {
            CHECK_STR(r.modules[m].module, driven[m]);
        }
        check_all(&r, &fx, NULL, "first");
        /* Trainees by name with accents folded: Awa, Élodie, Karim, Zoé. */
        CHECK_STR(r.trainees[0].name, "Awa Ndiaye");
        CHECK_STR(r.trainees[1].name, "Élodie N'Diaye");
        CHECK_STR(r.trainees[3].name, "Zoé Martin");
        for (size_t i = 0; i < r.n_attempts; i++) {
            CHECK(r.attempts[i].check == REPORT_VERIFIED && (r.attempts[i].flags & REPORT_ATTEMPT_COUNTED));
        }
        report_finish(&r);
    }

    /* 2. Second report over the unchanged folder: nothing replayed, nothing read. */
    if (build(dirs, 1, true, &r, NULL)) {
        CHECK_MSG(r.stats.replayed == 0 && r.stats.verified_cached == fx.n_att, "replayed %zu, cached %zu",
                  r.stats.replayed, r.stats.verified_cached);
        CHECK(r.stats.summaries_cached == fx.n_att && r.stats.summaries_read == 0);
        check_all(&r, &fx, NULL, "second");
        report_finish(&r);
    }

    /* 3. Filters. */
    ReportFilter flt;
    memset(&flt, 0, sizeof flt);
    flt.module = "splice";
    if (build(dirs, 1, false, &r, &flt)) {
        Expect e = expect_of(&fx, NULL, "splice", NULL);
        CHECK(r.n_attempts == e.attempts && r.n_modules == 1);
        check_figures(&r.group, &e, "module filter");
        CHECK(r.attempts[0].check == REPORT_NOT_CHECKED);
        report_finish(&r);
    }
    memset(&flt, 0, sizeof flt);
    flt.trainee = "karim-benali";
    CHECK(report_parse_date("2026-03-04", false, flt.since));
    CHECK(report_parse_date("2026-03-07", true, flt.until));
    CHECK_STR(flt.until, "2026-03-07T23:59:59Z");
    char bad[REPORT_TIME_LEN];
    CHECK(!report_parse_date("2026-13-01", false, bad));
    CHECK(!report_parse_date("04/03/2026", false, bad));
    CHECK(!report_parse_date("2026-02-30T25:00:00Z", false, bad));
    if (build(dirs, 1, false, &r, &flt)) {
        size_t want = 0;
        for (size_t i = 0; i < fx.n_att; i++) {
            want += strcmp(fx.att[i].trainee_id, "karim-benali") == 0
                 && strcmp(fx.att[i].started_at, "2026-03-04T00:00:00Z") >= 0
                 && strcmp(fx.att[i].started_at, "2026-03-07T23:59:59Z") <= 0;
        }
        CHECK_MSG(r.n_attempts == want && want == 4, "date filter: %zu attempts, expected %zu", r.n_attempts, want);
        CHECK(r.n_trainees == 1);
        report_finish(&r);
    }

    /* 4. Tampering, on a copy: an edited total, an edited event. */
    CHECK(fixture_copy_tree(A, T));
    const char *tdirs[] = {T};
    const FixAttempt *edited_total = &fx.att[1], *edited_event = NULL;
    for (size_t i = 0; i < fx.n_att && !edited_event; i++) {
        if (strcmp(fx.att[i].module, "tutorial") == 0 && &fx.att[i] != edited_total) {
            edited_event = &fx.att[i];
        }
    }
    char p1[1200], p2[1200], old_total[64];
    snprintf(p1, sizeof p1, "%s%s", T, edited_total->path + strlen(A));
    snprintf(p2, sizeof p2, "%s%s", T, edited_event->path + strlen(A));
    CHECK(fixture_tamper_total(p1, old_total, sizeof old_total));
    /* The first press 100 mm further right: the trainee grabbed nothing. */
    CHECK(fixture_edit_file(p2, ",\"down\",0,", ",\"down\",0,1"));
    if (build(tdirs, 1, true, &r, NULL)) {
        const ReportAttempt *a1 = attempt(&r, edited_total->attempt_id);
        const ReportAttempt *a2 = attempt(&r, edited_event->attempt_id);
        CHECK(a1 && a1->check == REPORT_MISMATCH && !(a1->flags & REPORT_ATTEMPT_COUNTED));
        CHECK_MSG(a1 && strstr(a1->check_detail, "total"), "detail: %s", a1 ? a1->check_detail : "");
        CHECK(a2 && a2->check == REPORT_MISMATCH && !(a2->flags & REPORT_ATTEMPT_COUNTED));
        CHECK(r.stats.mismatched == 2 && r.stats.verified == fx.n_att - 2);
        /* The summary cache of T was copied from A, but the edited files changed. */
        CHECK(r.stats.summaries_read >= 2);
        const char *skip[] = {edited_total->attempt_id, edited_event->attempt_id, NULL};
        check_all(&r, &fx, skip, "tampered");
        CHECK(r.group.mismatches == 2);
        report_finish(&r);
    }
    /* Again: the outcomes, mismatches included, come from the cache. */
    if (build(tdirs, 1, true, &r, NULL)) {
        const ReportAttempt *a1 = attempt(&r, edited_total->attempt_id);
        CHECK_MSG(r.stats.replayed == 0 && r.stats.verified_cached == fx.n_att, "replayed %zu", r.stats.replayed);
        CHECK(r.stats.mismatched == 2 && a1 && a1->check == REPORT_MISMATCH && strstr(a1->check_detail, "total"));
        report_finish(&r);
    }
    /* Unverified, the edited total is shown as stored (and counted). */
    if (build(tdirs, 1, false, &r, NULL)) {
        const ReportAttempt *a1 = attempt(&r, edited_total->attempt_id);
        CHECK(a1 && a1->check == REPORT_NOT_CHECKED && a1->total != edited_total->total);
        report_finish(&r);
    }

    /* 5. Unreadable files: listed with the reason, the rest reported. */
    char junk[1200];
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/20260303T101500Z-00000000000000aa.json", T);
    CHECK(tu_write(junk, "{\"format\":\"fibresim-attempt\",\"format_vers"));
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/notes.json", T);
    CHECK(tu_write(junk, "[1,2,3]"));
    if (build(tdirs, 1, true, &r, NULL)) {
        CHECK_MSG(r.n_problems == 2, "problems %zu", r.n_problems);
        CHECK(r.n_attempts == fx.n_att);
        for (size_t i = 0; i < r.n_problems; i++) {
            CHECK(strstr(r.problems[i].path, "/attempts/2026-03/") != NULL);
            CHECK(r.problems[i].diag.code == DIAG_PARSE || r.problems[i].diag.code == DIAG_WRONG_TYPE);
        }
        report_finish(&r);
    }

    /* 6. A damaged summary cache: ignored, same figures. */
    snprintf(junk, sizeof junk, "%s/cache/report-summaries.bin", A);
    CHECK(tu_write(junk, "FSRSUM03\x05\x00\x00\x000.1.0garbage"));
    if (build(dirs, 1, true, &r, NULL)) {
        CHECK(r.stats.summaries_read == fx.n_att && r.n_problems == 0);
        check_all(&r, &fx, NULL, "damaged cache");
        report_finish(&r);
    }

    /* 7. Two folders: B holds copies of some of A's records and a
     * conflicting one; the copies count once. */
    const FixAttempt *dup = &fx.att[3], *conf = &fx.att[5];
    char to[1200];
    snprintf(to, sizeof to, "%s/attempts/2026-03", B);
    CHECK(mkdirs(to));
    snprintf(to, sizeof to, "%s%s", B, dup->path + strlen(A));
    size_t len = 0;
    char *bytes = tu_read(dup->path, &len);
    CHECK(bytes && tu_write(to, bytes));
    free(bytes);
    snprintf(to, sizeof to, "%s%s", B, conf->path + strlen(A));
    bytes = tu_read(conf->path, &len);
    CHECK(bytes && tu_write(to, bytes));
    free(bytes);
    char other_total[64];
    CHECK(fixture_tamper_total(to, other_total, sizeof other_total));
    if (build(dirs, 2, false, &r, NULL)) {
        CHECK_MSG(r.n_attempts == fx.n_att + 1, "two folders: %zu attempts", r.n_attempts);
        CHECK(r.stats.duplicates == 1 && r.stats.conflicts == 2);
        size_t seen = 0;
        for (size_t i = 0; i < r.n_attempts; i++) {
            if (strcmp(r.attempts[i].attempt_id, conf->attempt_id) == 0) {
                seen++;
                CHECK(r.attempts[i].flags & REPORT_ATTEMPT_CONFLICT);
                /* The first folder's file is the one counted. */
                CHECK(((r.attempts[i].flags & REPORT_ATTEMPT_COUNTED) != 0) == (r.attempts[i].dir == 0));
            }
        }
        CHECK(seen == 2);
        check_all(&r, &fx, NULL, "two folders");
        report_finish(&r);
    }

    /* 8. A scenario nowhere to be found (no scenario folder either): not
     * verifiable, still counted. */
    scenario_dirs[0] = NULL;
    const Scenario *s0 = fixture_scenario_of(&fx, &fx.att[0]);
    snprintf(junk, sizeof junk, "%s/scenarios/%s.json", T, s0->hash_hex);
    CHECK(remove(junk) == 0);
    /* (A record verified before stays verified by its hash: forget them.) */
    snprintf(junk, sizeof junk, "%s/cache/verified.txt", T);
    CHECK(remove(junk) == 0);
    if (build(tdirs, 1, true, &r, NULL)) {
        const ReportAttempt *a0 = attempt(&r, fx.att[0].attempt_id);
        CHECK(a0 && a0->check == REPORT_UNVERIFIABLE && (a0->flags & REPORT_ATTEMPT_COUNTED));
        CHECK(a0 && strstr(a0->check_detail, "not found"));
        report_finish(&r);
    }

    /* 9. A renamed trainee: the new display name, the same attempts. */
    char err[256];
    CHECK(trainee_rename(A, "karim-benali", "Karim B. Benali", err, sizeof err) == JOURNAL_OK);
    if (build(dirs, 1, false, &r, NULL)) {
        const ReportTrainee *t = trainee(&r, "karim-benali");
        CHECK(t && strcmp(t->name, "Karim B. Benali") == 0 && t->count == PER_TRAINEE);
        report_finish(&r);
    }

    /* 10. A folder that does not exist is an error, said with its name. */
    const char *none[] = {"/nonexistent/fibresim-data"};
    ReportOptions o;
    memset(&o, 0, sizeof o);
    o.dirs = none;
    o.n_dirs = 1;
    CHECK(!report_build(&o, &r, err, sizeof err) && strstr(err, "/nonexistent/fibresim-data"));

    /* 11. Progress and cancel (the trainee list builds its report on a
     * thread and shows how far it is). On a copy with no cache: every file
     * read and every attempt checked is counted; a cancelled build fails
     * with "cancelled" and writes no summary cache. Without the cache
     * (files stat()ed not at all) the figures are the same. */
    char P[700], cache_file[800];
    snprintf(P, sizeof P, "%s/p", root);
    snprintf(cache_file, sizeof cache_file, "%s/cache/report-summaries.bin", P);
    if (fixture_copy_tree(A, P)) {
        char cache_dir[760];
        snprintf(cache_dir, sizeof cache_dir, "%s/cache", P);
        fixture_remove_tree(cache_dir);
        const char *pd[] = {P};
        ReportProgress prog;
        report_progress_init(&prog);
        memset(&o, 0, sizeof o);
        o.dirs = pd;
        o.n_dirs = 1;
        o.scenario_dirs = scenario_dirs;
        o.use_cache = true;
        o.threads = 2;
        o.progress = &prog;
        atomic_store(&prog.cancel, true);
        CHECK(!report_build(&o, &r, err, sizeof err) && strcmp(err, "cancelled") == 0);
        CHECK_MSG(access(cache_file, F_OK) != 0, "a cancelled build wrote %s", cache_file);
        report_progress_init(&prog);
        o.verify = true;
        if (report_build(&o, &r, err, sizeof err)) {
            CHECK(atomic_load(&prog.files_total) == r.stats.files && atomic_load(&prog.files_done) == r.stats.files);
            CHECK(atomic_load(&prog.verify_total) == r.n_attempts && atomic_load(&prog.verify_done) == r.n_attempts);
            CHECK(r.stats.files == fx.n_att && r.stats.verified == fx.n_att);
            CHECK(access(cache_file, F_OK) == 0);
            Report nc;
            o.use_cache = false;
            o.verify = false;
            o.progress = NULL;
            if (report_build(&o, &nc, err, sizeof err)) {
                CHECK(nc.n_attempts == r.n_attempts && nc.n_trainees == r.n_trainees);
                CHECK(nc.stats.summaries_read == fx.n_att && nc.stats.summaries_cached == 0);
                CHECK(nc.group.attempts == r.group.attempts && nc.group.average == r.group.average);
                for (size_t i = 0; i < nc.n_attempts && i < r.n_attempts; i++) {
                    CHECK(strcmp(nc.attempts[i].attempt_id, r.attempts[i].attempt_id) == 0
                          && nc.attempts[i].total == r.attempts[i].total);
                }
                report_finish(&nc);
            }
            report_finish(&r);
        } else {
            CHECK_MSG(false, "report with progress: %s", err);
        }
    } else {
        CHECK(false);
    }

    fixture_finish(&fx);
    fixture_remove_tree(root);
    free(root);
    return test_done("report");
}
