/*
 * test_render.c - one screen drawn headless by "fibresim screenshot --check"
 * and checked from the outside: the PNG is read back with stb_image and must
 * have the expected size, the top bar colour across the top, many colours
 * (not a blank frame) and enough pixels away from the background colour;
 * the command must report no text overflow. The PNG stays in the build
 * folder (tests/render/) for people to look at.
 *
 * argv: fibresim-binary scene lang out-dir [WxH [text-size 0..2 [scenario-file [events-file name]]]]
 * A data folder with two trainees (accented names) is made for the run, so
 * the start screen shows a list. Screens that need a scenario are skipped
 * (exit 77) when the scenarios folder has none. With a scenario file (and an
 * events file played first, "fibresim screenshot --events"), the picture is
 * that scenario's in that state; name goes into the PNG's file name.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "render_check.h"
#include "fibresim/journal.h"

/* theme.topbar in src/app/theme.c: the test states it on its own */
static const unsigned char TOPBAR[3] = {14, 58, 92};

static bool has_scenario(const char *dir)
{
    /* scenarios/<module>/<file>.json: any file is enough to try */
    DIR *d = opendir(dir);
    if (!d) return false;
    struct dirent *e;
    bool found = false;
    while (!found && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        DIR *s = opendir(sub);
        if (!s) continue;
        struct dirent *f;
        while ((f = readdir(s)) != NULL) {
            size_t n = strlen(f->d_name);
            if (n > 5 && strcmp(f->d_name + n - 5, ".json") == 0) found = true;
        }
        closedir(s);
    }
    closedir(d);
    return found;
}

static void make_data(const char *dir)
{
    Journal j;
    char err[256];
    CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_OK);
    TraineeInfo a = {"elodie-n-diaye", "Élodie N'Diaye"};
    TraineeInfo b = {"stephane-muller", "Stéphane Müller"};
    CHECK(journal_trainee_write(&j, &a, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_trainee_write(&j, &b, err, sizeof err) == JOURNAL_OK);
    journal_close(&j);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: test_render FIBRESIM SCENE LANG OUTDIR [WxH [SCENARIO [EVENTS NAME]]]\n");
        return 2;
    }
    const char *exe = argv[1], *scene = argv[2], *lang = argv[3], *outdir = argv[4];
    const char *size = argc > 5 ? argv[5] : "1280x720";
    int text_size = argc > 6 ? atoi(argv[6]) : 0;
    const char *scenario = argc > 7 ? argv[7] : NULL;
    const char *events = argc > 8 && argv[8][0] ? argv[8] : NULL;
    const char *name = argc > 9 ? argv[9] : scene;
    int want_w = 0, want_h = 0;
    if (sscanf(size, "%dx%d", &want_w, &want_h) != 2) return 2;
    bool needs_scenario = strcmp(scene, "briefing") == 0 || strcmp(scene, "exercise") == 0
                          || strcmp(scene, "result") == 0;
    const char *scn_dir = getenv("FIBRESIM_SCENARIOS");
    if (needs_scenario && !scenario && (!scn_dir || !has_scenario(scn_dir))) {
        printf("skipped: the %s screen needs a scenario and %s has none\n", scene, scn_dir ? scn_dir : "(unset)");
        return 77;
    }
    char data[4096], png[4096], extra[9000] = "", cmd[16384];
    snprintf(data, sizeof data, "%s/data-%s-%s-%s-t%d", outdir, name, lang, size, text_size);
    snprintf(png, sizeof png, "%s/%s-%s-%s%s.png", outdir, name, lang, size, text_size ? "-large-text" : "");
    mkdir(outdir, 0755);
    make_data(data);
    /* the user's text size, as the settings screen saves it */
    char settings[4200];
    snprintf(settings, sizeof settings, "%s/settings.json", data);
    FILE *f = fopen(settings, "w");
    CHECK(f != NULL);
    if (f) {
        fprintf(f, "{\"lang\":\"%s\",\"text_size\":%d,\"fullscreen\":false}\n", lang, text_size);
        fclose(f);
    }
    if (scenario) {
        snprintf(extra, sizeof extra, " --scenario '%s'%s%s%s", scenario, events ? " --events '" : "",
                 events ? events : "", events ? "'" : "");
    }
    snprintf(cmd, sizeof cmd, "'%s' screenshot --check --scene %s --lang %s --size %s --data '%s'%s '%s' 2>&1", exe,
             scene, lang, size, data, extra, png);
    if (!render_screenshot(cmd)) return test_done("render");

    int w = 0, h = 0;
    unsigned char *px = render_load(png, want_w, want_h, &w, &h);
    if (!px) return test_done("render");
    /* the top bar runs across the top of every screen */
    int bar_ok = 0;
    for (int x = 0; x < w; x += w / 16) {
        const unsigned char *c = px + 3 * (size_t)(2 * w + x);
        if (c[0] == TOPBAR[0] && c[1] == TOPBAR[1] && c[2] == TOPBAR[2]) bar_ok++;
    }
    CHECK_MSG(bar_ok >= 12, "top bar colour found at %d of 16 points of row 2", bar_ok);
    /* not blank: the background colour (the most common of a sample) leaves
     * room for at least 10% of other pixels */
    const unsigned char *bg = px + 3 * (size_t)((h - 2) * w + 1);
    long other = 0;
    for (long i = 0; i < (long)w * h; i++) {
        const unsigned char *c = px + 3 * i;
        if (c[0] != bg[0] || c[1] != bg[1] || c[2] != bg[2]) other++;
    }
    CHECK_MSG(other * 10 >= (long)w * h, "only %ld of %d pixels differ from the background", other, w * h);
    stbi_image_free(px);
    printf("%s: checked\n", png);
    return test_done("render");
}
