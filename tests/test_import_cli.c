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
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "journal_util.h"
#include "report_fixture.h"

static const char *exe;
static char *work;

static int run(const char *const argv[], char **out, char **err)
{
    char out_path[800], err_path[800];
    snprintf(out_path, sizeof out_path, "%s/out.txt", work);
    snprintf(err_path, sizeof err_path, "%s/err.txt", work);
    pid_t pid = fork();
    if (pid == 0) {
        int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0) {
            _exit(126);
        }
        dup2(o, 1);
        dup2(e, 2);
        setenv("FIBRESIM_LANG", "en", 1);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    *out = tu_read(out_path, NULL);
    *err = tu_read(err_path, NULL);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

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
    char *out = NULL, *err = NULL;
    int rc = run(args, &out, &err);
    CHECK_MSG(rc == 1, "rc %d (1: merged, with conflicts or unreadable files)\n%s\n%s", rc, out ? out : "",
              err ? err : "");
    CHECK(count_of(out, "attempt files read") == 12);
    CHECK(count_of(out, "new attempts copied") == 5);
    CHECK(count_of(out, "already there (skipped)") == 4);
    CHECK(count_of(out, "conflicts kept side by side") == 1);
    CHECK(count_of(out, "unreadable files (not copied)") == 2);
    CHECK(err && strstr(err, "conflict:") && strstr(err, fx.att[4].attempt_id));
    CHECK(err && strstr(err, "started_at"));
    CHECK(err && strstr(err, "copy of notes.json") && strstr(err, "00000000000000ab.json"));
    free(out);
    free(err);

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
    rc = run(args, &out, &err);
    CHECK(rc == 1); /* the unreadable files are still there and still reported */
    CHECK(count_of(out, "new attempts copied") == 0);
    CHECK(count_of(out, "already there (skipped)") == 10);
    CHECK(count_of(out, "conflicts kept side by side") == 0);
    CHECK(conflict_files(month) == 1);
    free(out);
    free(err);

    /* A clean laptop folder: exit 0. */
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/20260310T101500Z-00000000000000ab.json", lap);
    CHECK(remove(junk) == 0);
    snprintf(junk, sizeof junk, "%s/attempts/2026-03/copy of notes.json", lap);
    CHECK(remove(junk) == 0);
    rc = run(args, &out, &err);
    CHECK_MSG(rc == 0, "rc %d", rc);
    free(out);
    free(err);

    /* No destination: a clear message, exit 2. */
    const char *args2[] = {exe, "import", lap, NULL};
    unsetenv("FIBRESIM_DATA");
    rc = run(args2, &out, &err);
    CHECK(rc == 2 && err && strstr(err, "--into"));
    free(out);
    free(err);

    fixture_finish(&fx);
    tu_rm_rf(work);
    free(work);
    return test_done("import_cli");
}
