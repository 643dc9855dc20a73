/*
 * test_import_cli.c - "fibresim import SRC --into DIR" run as a program:
 * a laptop folder that overlaps the platform's (some attempts already
 * there), holds one attempt whose id exists on the platform with another
 * content (a conflict), and two unreadable files. Expected: the new attempts
 * copied byte for byte, the known ones skipped, the conflict kept side by
 * side as <id>.conflict-<hash>.json and reported, the unreadable files
 * reported and not copied, nothing on the platform changed, the counts
 * printed; a second import copies nothing. Counts are worked out here from
 * how the folders were made.
 *
 * Usage: test_import_cli FIBRESIM
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "journal_util.h"
#include "report_fixture.h"

static const char *exe;
static char *work;

/* "  label: N" in the output. */
static long count_of(const char *out, const char *label)
{
    const char *p = out ? strstr(out, label) : NULL;
    if (!p) {
        return -1;
    }
    p = strchr(p, ':');
    return p ? strtol(p + 1, NULL, 10) : -1;
}

static size_t conflict_files(const char *dir)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        n += strstr(e->d_name, ".conflict-") != NULL;
    }
    if (d) {
        closedir(d);
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_import_cli FIBRESIM\n");
        return 2;
    }
    static char exe_abs[4096];
    exe = realpath(argv[1], exe_abs) ? exe_abs : argv[1];
    work = tu_mkdtemp("import-cli");
    char lap[800], plat[800];
    snprintf(lap, sizeof lap, "%s/laptop", work);
    snprintf(plat, sizeof plat, "%s/platform", work);
    static const char *const names[] = {"Awa Ndiaye", "Ibrahima Sow"};
    Fixture fx;
    if (!fixture_build(&fx, lap, names, 2, 5)) {
        CHECK(false);
        return test_done("import_cli");
    }
    /* The platform already has 4 of the laptop's 10 attempts (same bytes)
     * and, under a 5th one's id, another content. */
    CHECK(fixture_copy_tree(lap, plat));
    for (size_t i = 4; i < fx.n_att; i++) {
        char p[1200];
        snprintf(p, sizeof p, "%s%s", plat, fx.att[i].path + strlen(lap));
        CHECK(remove(p) == 0);
    }
    char plat_conf[1200];
    snprintf(plat_conf, sizeof plat_conf, "%s%s", plat, fx.att[4].path + strlen(lap));
    char *bytes = tu_read(fx.att[4].path, NULL);
    CHECK(bytes && tu_write(plat_conf, bytes));
    free(bytes);
    CHECK(fixture_edit_file(plat_conf, "\"started_at\":\"2026-03", "\"started_at\":\"2026-04"));
    char *plat_before = tu_read(plat_conf, NULL);
    /* Two unreadable files on the laptop. */
    char junk[1200];
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/20260310T101500Z-00000000000000ab.json", lap);
    CHECK(tu_write(junk, "{\"format\":\"fibresim-attempt\""));
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/copy of notes.json", lap);
    CHECK(tu_write(junk, "not json at all"));

    const char *args[] = {exe, "import", lap, "--into", plat, NULL};
    TuRun r = tu_run(NULL, "en", args);
    CHECK_MSG(r.rc == 1, "rc %d (1: merged, with conflicts or unreadable files)\n%s\n%s", r.rc, r.out ? r.out : "",
              r.err ? r.err : "");
    CHECK(count_of(r.out, "attempt files read") == 12);
    CHECK(count_of(r.out, "new attempts copied") == 5);
    CHECK(count_of(r.out, "already there (skipped)") == 4);
    CHECK(count_of(r.out, "conflicts kept side by side") == 1);
    CHECK(count_of(r.out, "unreadable files (not copied)") == 2);
    CHECK(tu_contains(r.err, "conflict:") && tu_contains(r.err, fx.att[4].attempt_id));
    CHECK(tu_contains(r.err, "started_at"));
    CHECK(tu_contains(r.err, "copy of notes.json") && tu_contains(r.err, "00000000000000ab.json"));
    tu_run_free(&r);

    /* Files: the new ones byte for byte, the platform's own untouched, the
     * conflicting one beside it, the unreadable ones absent. */
    for (size_t i = 0; i < fx.n_att; i++) {
        char p[1200];
        snprintf(p, sizeof p, "%s%s", plat, fx.att[i].path + strlen(lap));
        char *a = tu_read(fx.att[i].path, NULL), *b = tu_read(p, NULL);
        if (i == 4) {
            CHECK(b && plat_before && strcmp(b, plat_before) == 0);
        } else {
            CHECK_MSG(a && b && strcmp(a, b) == 0, "%s copied as it is", p);
        }
        free(a);
        free(b);
    }
    free(plat_before);
    char month[900];
    snprintf(month, sizeof month, "%s/attempts/2026-03", plat);
    CHECK(conflict_files(month) == 1);
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/copy of notes.json", plat);
    CHECK(!tu_exists(junk));

    /* Again: nothing new. */
    r = tu_run(NULL, "en", args);
    CHECK(r.rc == 1); /* the unreadable files are still there and still reported */
    CHECK(count_of(r.out, "new attempts copied") == 0);
    CHECK(count_of(r.out, "already there (skipped)") == 10);
    CHECK(count_of(r.out, "conflicts kept side by side") == 0);
    CHECK(conflict_files(month) == 1);
    tu_run_free(&r);

    /* A clean laptop folder: exit 0. */
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/20260310T101500Z-00000000000000ab.json", lap);
    CHECK(remove(junk) == 0);
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/copy of notes.json", lap);
    CHECK(remove(junk) == 0);
    r = tu_run(NULL, "en", args);
    CHECK_MSG(r.rc == 0, "rc %d", r.rc);
    tu_run_free(&r);

    /* No destination: a clear message, exit 2. */
    const char *args2[] = {exe, "import", lap, NULL};
    r = tu_run(NULL, "en", args2);
    CHECK(r.rc == 2 && tu_contains(r.err, "--into"));
    tu_run_free(&r);

    fixture_finish(&fx);
    tu_rm_rf(work);
    free(work);
    return test_done("import_cli");
}
