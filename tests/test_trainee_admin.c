/*
 * test_trainee_admin.c - renaming and archiving a trainee
 * (include/fibresim/trainee_admin.h) on a folder of true attempts: the
 * rename changes the display name only; the removal moves the trainee file
 * and every record of that trainee to DATA/archive/<date>/ with the same
 * layout and the same bytes, leaves the others, never overwrites a
 * different file already in the archive, and can be run again to finish.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/report.h"
#include "fibresim/trainee_admin.h"
#include "journal_util.h"
#include "report_fixture.h"

static const char *const names[] = {"Awa Ndiaye", "Moussa Traoré"};

static size_t count_trainee(const Fixture *fx, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < fx->n_att; i++) {
        n += strcmp(fx->att[i].trainee_id, id) == 0;
    }
    return n;
}

int main(void)
{
    char *root = tu_mkdtemp("trainee-admin");
    char D[600];
    snprintf(D, sizeof D, "%s/data", root);
    Fixture fx;
    if (!fixture_build(&fx, D, names, 2, 4)) {
        CHECK(false);
        return test_done("trainee_admin");
    }
    char err[512];

    /* Rename: the file changes, the records do not. */
    char *before = tu_read(fx.att[0].path, NULL);
    CHECK(trainee_rename(D, "awa-ndiaye", "Awa N. Ndiaye", err, sizeof err) == JOURNAL_OK);
    Journal j = {.dir = D};
    TraineeInfo ti;
    CHECK(journal_trainee_read(&j, "awa-ndiaye", &ti) && strcmp(ti.name, "Awa N. Ndiaye") == 0);
    char *after = tu_read(fx.att[0].path, NULL);
    CHECK(before && after && strcmp(before, after) == 0);
    free(before);
    free(after);
    CHECK(trainee_rename(D, "awa-ndiaye", "   ", err, sizeof err) == JOURNAL_ERR_INVALID);
    CHECK(trainee_rename(D, "awa-ndiaye", "Awa\nNdiaye", err, sizeof err) == JOURNAL_ERR_INVALID);
    CHECK(trainee_rename(D, "Awa Ndiaye", "Awa", err, sizeof err) == JOURNAL_ERR_INVALID);
    CHECK(trainee_rename(D, "awa-ndiaye", "\xC3(", err, sizeof err) == JOURNAL_ERR_INVALID);

    /* Preview: counts, nothing moved. */
    TraineeArchiveStats st;
    size_t mine = count_trainee(&fx, "moussa-traore");
    CHECK(mine == 4);
    CHECK(trainee_archive_preview(D, "moussa-traore", "2026-11-26", &st, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_moved == mine && st.trainee_file_moved);
    for (size_t i = 0; i < fx.n_att; i++) {
        CHECK(tu_exists(fx.att[i].path));
    }
    CHECK(trainee_archive(D, "moussa-traore", "26/11/2026", &st, err, sizeof err) == JOURNAL_ERR_INVALID);
    CHECK(trainee_archive(D, "nobody", "2026-11-26", &st, err, sizeof err) == JOURNAL_ERR_INVALID);

    /* A different file already where one record must go: never replaced. */
    const FixAttempt *first = NULL;
    for (size_t i = 0; i < fx.n_att && !first; i++) {
        if (strcmp(fx.att[i].trainee_id, "moussa-traore") == 0) {
            first = &fx.att[i];
        }
    }
    char blocker[1200], cmd_dir[1200];
    snprintf(blocker, sizeof blocker, "%s/archive/2026-11-26%s", D, first->path + strlen(D));
    snprintf(cmd_dir, sizeof cmd_dir, "%s/archive/2026-11-26/attempts/2026-03", D);
    char mk[1300];
    snprintf(mk, sizeof mk, "mkdir -p '%s'", cmd_dir);
    CHECK(system(mk) == 0);
    CHECK(tu_write(blocker, "someone else's file"));
    CHECK(trainee_archive(D, "moussa-traore", "2026-11-26", &st, err, sizeof err) == JOURNAL_ERR_IO);
    CHECK(st.attempts_moved == mine - 1 && st.attempts_left == 1 && !st.trainee_file_moved);
    CHECK(tu_exists(first->path));
    char *kept = tu_read(blocker, NULL);
    CHECK(kept && strcmp(kept, "someone else's file") == 0);
    free(kept);
    /* Still listed (the trainee file stays until everything moved). */
    CHECK(journal_trainee_read(&j, "moussa-traore", &ti));
    /* The blocker removed, a second run finishes. */
    CHECK(remove(blocker) == 0);
    CHECK(trainee_archive(D, "moussa-traore", "2026-11-26", &st, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_moved == 1 && st.trainee_file_moved);
    CHECK(!journal_trainee_read(&j, "moussa-traore", &ti));
    /* Every record of the trainee: gone from attempts/, same bytes in the archive. */
    for (size_t i = 0; i < fx.n_att; i++) {
        const FixAttempt *a = &fx.att[i];
        char arch[1200];
        snprintf(arch, sizeof arch, "%s/archive/2026-11-26%s", D, a->path + strlen(D));
        bool archived = strcmp(a->trainee_id, "moussa-traore") == 0;
        CHECK(tu_exists(a->path) == !archived);
        CHECK(tu_exists(arch) == archived);
    }
    char tf[1200];
    snprintf(tf, sizeof tf, "%s/archive/2026-11-26/trainees/moussa-traore.json", D);
    CHECK(tu_exists(tf));

    /* The report no longer sees the trainee. */
    const char *dirs[] = {D};
    ReportOptions o;
    memset(&o, 0, sizeof o);
    o.dirs = dirs;
    o.n_dirs = 1;
    o.use_cache = true;
    Report r;
    CHECK(report_build(&o, &r, err, sizeof err));
    CHECK(r.n_trainees == 1 && strcmp(r.trainees[0].id, "awa-ndiaye") == 0);
    CHECK(r.n_attempts == count_trainee(&fx, "awa-ndiaye") && r.n_problems == 0);
    report_finish(&r);

    fixture_finish(&fx);
    tu_rm_rf(root);
    free(root);
    return test_done("trainee_admin");
}
