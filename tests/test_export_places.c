/*
 * test_export_places.c - where the instructor screen saves and finds
 * files (src/app/export_places.c):
 *   - XDG_DOCUMENTS_DIR read from user-dirs.dirs texts, hostile ones too;
 *   - the places: the volumes under FIBRESIM_MEDIA_DIRS (sorted, hidden
 *     names and plain files left out), then Documents under HOME;
 *   - the data folders on the keys (on the volume, or one folder down),
 *     never the data folder itself;
 *   - a free file name: the base, then -2, -3.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "export_places.h"
#include "journal_util.h"

static void check_docs(const char *text, const char *expected)
{
    char out[256] = "";
    bool ok = export_user_dirs_documents(text, "/home/awa", out, sizeof out);
    CHECK_MSG(expected ? ok && strcmp(out, expected) == 0 : !ok, "\"%s\": got %s \"%s\", expected %s", text,
              ok ? "true" : "false", out, expected ? expected : "false");
}

static void test_user_dirs(void)
{
    check_docs("XDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOCUMENTS_DIR=\"$HOME/Documents\"\n", "/home/awa/Documents");
    check_docs("XDG_DOCUMENTS_DIR=\"/srv/partage/docs\"", "/srv/partage/docs");
    check_docs("XDG_DOCUMENTS_DIR=\"$HOME\"\n", "/home/awa");
    check_docs("XDG_DOCUMENTS_DIR=\"$HOME/Mes documents\"\r\n", "/home/awa/Mes documents");
    check_docs("XDG_DOCUMENTS_DIR=\"Documents\"\n", NULL);         /* relative: ignored */
    check_docs("XDG_DOCUMENTS_DIR=\"$HOMEWORK/x\"\n", NULL);       /* not $HOME/ */
    check_docs("XDG_DOCUMENTS_DIR=\"$HOME/Documents\n", NULL);     /* no closing quote */
    check_docs("# XDG_DOCUMENTS_DIR=\"$HOME/Documents\"\n", NULL); /* a comment */
    check_docs("XDG_DOCUMENTS_DIR=\"\"\n", NULL);
    check_docs("", NULL);
    check_docs("XDG_DOCUMENTS_DIR=", NULL);
    /* longer than the output: refused, not cut */
    char long_text[1200];
    snprintf(long_text, sizeof long_text, "XDG_DOCUMENTS_DIR=\"/%0900d\"\n", 0);
    check_docs(long_text, NULL);
}

static void test_places(const char *root)
{
    char p[1200];
    const char *dirs[] = {"media/KEY-B/fibresim-resultats/attempts", "media/KEY-A/attempts", "media/.hidden",
                          "home/Documents", "data/attempts"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", root, dirs[i]);
        CHECK(tu_mkdirs(p));
    }
    snprintf(p, sizeof p, "%s/media/notes.txt", root);
    CHECK(tu_write(p, "not a volume"));
    char media[1000], home[1000], data[1000];
    snprintf(media, sizeof media, "%s/media", root);
    snprintf(home, sizeof home, "%s/home", root);
    snprintf(data, sizeof data, "%s/data", root);
    setenv("FIBRESIM_MEDIA_DIRS", media, 1);
    setenv("HOME", home, 1);
    ExportPlace places[EXPORT_PLACES_MAX];
    size_t n = export_places_find(places, EXPORT_PLACES_MAX);
    CHECK_MSG(n == 3, "%zu places", n);
    if (n == 3) {
        CHECK(strcmp(places[0].name, "KEY-A") == 0 && places[0].removable);
        CHECK(strcmp(places[1].name, "KEY-B") == 0 && places[1].removable);
        snprintf(p, sizeof p, "%s/Documents", home);
        CHECK(strcmp(places[2].name, "Documents") == 0 && !places[2].removable && strcmp(places[2].path, p) == 0);
    }
    ExportSource src[EXPORT_PLACES_MAX];
    size_t k = export_sources_find(places, n, data, src, EXPORT_PLACES_MAX);
    CHECK_MSG(k == 2, "%zu sources", k);
    if (k == 2) {
        CHECK_STR(src[0].label, "KEY-A");
        CHECK_STR(src[1].label, "KEY-B/fibresim-resultats");
    }
    /* the data folder itself, were it on a key, is not a source */
    k = export_sources_find(places, n, places[0].path, src, EXPORT_PLACES_MAX);
    CHECK(k == 1 && strcmp(src[0].label, "KEY-B/fibresim-resultats") == 0);
    /* only one place asked for: the first key */
    CHECK(export_places_find(places, 1) == 1 && strcmp(places[0].name, "KEY-A") == 0);

    char name[1300];
    CHECK(export_free_name(media, "rapport", "html", name, sizeof name));
    snprintf(p, sizeof p, "%s/rapport.html", media);
    CHECK_STR(name, p);
    CHECK(tu_write(name, "1"));
    CHECK(export_free_name(media, "rapport", "html", name, sizeof name));
    snprintf(p, sizeof p, "%s/rapport-2.html", media);
    CHECK_STR(name, p);
    CHECK(tu_write(name, "2"));
    CHECK(export_free_name(media, "rapport", "html", name, sizeof name));
    snprintf(p, sizeof p, "%s/rapport-3.html", media);
    CHECK_STR(name, p);
    CHECK(!export_free_name(media, "rapport", "html", name, 8)); /* does not fit */
}

int main(void)
{
    test_user_dirs();
    char *root = tu_mkdtemp("export-places");
    test_places(root);
    tu_rm_rf(root);
    free(root);
    return test_done("export_places");
}
