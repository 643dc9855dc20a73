/*
 * test_import_cli.c - "fibresim import SRC --into DIR" run as a program:
 * a laptop folder that overlaps the platform's (some attempts already
 * there), holds one attempt whose id exists on the platform with another
 * content (a conflict), and two unreadable files. Expected: the new attempts
 * copied byte for byte, the known ones skipped, the conflict kept side by
 * side as <id>.conflict-<hash>.json and reported, the unreadable files
 * reported and not copied, nothing on the platform changed, the counts
 * printed; a second import copies nothing. Counts are worked out here from
 * how the folders were made. The same import in French explains the
 * conflict and the unreadable files wholly in French (the field that
 * differs named in French words, the parse problem in French), in English
 * wholly in English.
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

/* word appears in text as a whole word (ASCII letters around it do not count as a boundary). */
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text ? strstr(text, word) : NULL; p; p = strstr(p + 1, word)) {
        bool before = p == text || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
        bool after = !((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z');
        if (before && after) {
            return true;
        }
    }
    return false;
}

/* text without every occurrence of each NULL-terminated cut (the folder
 * paths and file names, which are not the program's words). Owned. */
static char *without(const char *text, const char *const cuts[])
{
    char *out = strdup(text ? text : "");
    for (size_t k = 0; out && cuts[k]; k++) {
        size_t n = strlen(cuts[k]);
        char *p;
        while (n && (p = strstr(out, cuts[k]))) {
            memmove(p, p + n, strlen(p + n) + 1);
        }
    }
    return out;
}

/* The lines the import wrote on stderr are in one language: none of the
 * other language's words is left once the paths are cut out. */
static void check_language(const char *lang, const char *err, const char *const cuts[], const char *const words[])
{
    char *shown = without(err, cuts);
    for (size_t k = 0; shown && words[k]; k++) {
        CHECK_MSG(!has_word(shown, words[k]), "[%s] \"%s\" in:\n%s", lang, words[k], shown);
    }
    free(shown);
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
    /* The same platform twice more, for the import in French and in English. */
    char plat_fr[800], plat_en[800];
    snprintf(plat_fr, sizeof plat_fr, "%s/platform-fr", work);
    snprintf(plat_en, sizeof plat_en, "%s/platform-en", work);
    CHECK(fixture_copy_tree(plat, plat_fr) && fixture_copy_tree(plat, plat_en));
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
    CHECK(count_of(r.out, "files not copied (listed above)") == 2);
    CHECK(tu_contains(r.err, "conflict:") && tu_contains(r.err, fx.att[4].attempt_id));
    /* The first field that differs, in plain words, the platform's value first. */
    char line[400];
    snprintf(line, sizeof line, "(start time: \"2026-04%s\" already there, \"2026-03%s\" in the imported folder)",
             fx.att[4].started_at + 7, fx.att[4].started_at + 7);
    CHECK_MSG(tu_contains(r.err, line), "%s not in:\n%s", line, r.err ? r.err : "");
    CHECK(tu_contains(r.err, "copy of notes.json") && tu_contains(r.err, "00000000000000ab.json"));
    tu_run_free(&r);

    /* The same import in French, then in English, into copies of the platform. */
    /* Not the program's words: the folders, the file names (a conflict copy's
     * name holds ".conflict-"), the file's own text the parser quotes. */
    const char *const cuts[] = {lap, plat_fr, plat_en, "copy of notes.json", ".conflict-", "'not'", NULL};
    static const char *const english_words[] = {
        "here", "incoming", "differs", "already", "there", "imported", "folder", "start", "time", "started_at",
        "not", "valid", "record", "expected", "found", "unreadable", "copied", "conflict", "kept", "the", "of",
        "JSON syntax error", NULL};
    static const char *const french_words[] = {"ici", "déjà", "là", "dossier", "importé", "heure", "début",
                                               "non", "copié", "conflit", "gardé", "attendu", "trouvé",
                                               "enregistrement", "tentative", "le", "la", "de", NULL};
    const char *args_fr[] = {exe, "import", lap, "--into", plat_fr, NULL};
    r = tu_run(NULL, "fr", args_fr);
    CHECK_MSG(r.rc == 1, "rc %d\n%s", r.rc, r.err ? r.err : "");
    snprintf(line, sizeof line, "(heure de début\u00a0: «\u00a0" "2026-04%s\u00a0» déjà là, «\u00a0" "2026-03%s\u00a0» dans le dossier importé)",
             fx.att[4].started_at + 7, fx.att[4].started_at + 7);
    CHECK_MSG(tu_contains(r.err, line), "%s not in:\n%s", line, r.err ? r.err : "");
    CHECK(tu_contains(r.err, "conflit : ") && tu_contains(r.err, fx.att[4].attempt_id));
    CHECK(tu_contains(r.err, "enregistrement de tentative non valable\u00a0: "));
    check_language("fr", r.err, cuts, english_words);
    tu_run_free(&r);
    const char *args_en[] = {exe, "import", lap, "--into", plat_en, NULL};
    r = tu_run(NULL, "en", args_en);
    CHECK_MSG(r.rc == 1, "rc %d\n%s", r.rc, r.err ? r.err : "");
    snprintf(line, sizeof line, "(start time: \"2026-04%s\" already there, \"2026-03%s\" in the imported folder)",
             fx.att[4].started_at + 7, fx.att[4].started_at + 7);
    CHECK(tu_contains(r.err, line));
    CHECK(tu_contains(r.err, "not a valid attempt record: "));
    check_language("en", r.err, cuts, french_words);
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

    /* A file system without syncfs (a library refuses it): the import
     * still succeeds, and the folder given the new names is synced (its
     * path logged by the library), so that they survive a power cut. */
    if (argc > 2) {
        char synced[900], log[900], dst_month[1000];
        snprintf(synced, sizeof synced, "%s/no-syncfs", work);
        snprintf(log, sizeof log, "%s/fsync-folders.log", work);
        snprintf(dst_month, sizeof dst_month, "%s/attempts/2026-03\n", synced);
        setenv("LD_PRELOAD", argv[2], 1);
        setenv("SHIM_FSYNC_LOG", log, 1);
        /* Under ASan the sanitizer's runtime must otherwise come first. */
        const char *asan = getenv("ASAN_OPTIONS");
        char asan_opts[1024];
        snprintf(asan_opts, sizeof asan_opts, "%s%sverify_asan_link_order=0", asan ? asan : "", asan ? ":" : "");
        setenv("ASAN_OPTIONS", asan_opts, 1);
        const char *args3[] = {exe, "import", lap, "--into", synced, NULL};
        r = tu_run(NULL, "en", args3);
        unsetenv("LD_PRELOAD");
        unsetenv("SHIM_FSYNC_LOG");
        CHECK_MSG(r.rc == 0, "rc %d without syncfs\n%s", r.rc, r.err ? r.err : "");
        CHECK(count_of(r.out, "new attempts copied") == (long)fx.n_att);
        tu_run_free(&r);
        char *logged = tu_read(log, NULL);
        CHECK_MSG(tu_contains(logged, dst_month), "no fsync of %s in:\n%s", dst_month, logged ? logged : "(none)");
        free(logged);
    }

    fixture_finish(&fx);
    tu_rm_rf(work);
    free(work);
    return test_done("import_cli");
}
