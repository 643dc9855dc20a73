/*
 * test_instructor_render.c - the instructor area's screens (PIN, trainee
 * list, trainee page, replay) drawn headless by "fibresim screenshot
 * --check" on a data folder of true attempts (tests/report_fixture.c), in
 * French and English, and checked from the PNG:
 *   - the command reports no text overflow and a picture that is not blank;
 *   - the top bar runs across the top;
 *   - review: every trainee's row is drawn (the selected-row colour aside,
 *     the alternate-row colour shows);
 *   - trainee: the chart line (theme.primary) and the passed points
 *     (theme.ok) are drawn;
 *   - replay: the timeline's progress (theme.primary) and at least one
 *     criterion mark (a verdict colour) are drawn above the controls;
 *     "replay_otdr" is the same scene on an OTDR attempt (the screen replays
 *     the first trainee's first attempt: those before her first OTDR
 *     attempt are taken out of the folder).
 * The pictures stay in the output folder for people to look at.
 *
 * argv: fibresim-binary scene lang out-dir [WxH]
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "render_check.h"
#include "report_fixture.h"

/* Colours of src/app/theme.c, stated here on their own. */
static const unsigned char TOPBAR[3] = {14, 58, 92};
static const unsigned char PRIMARY[3] = {10, 82, 155};
static const unsigned char OK[3] = {22, 110, 48};
static const unsigned char PARTIAL[3] = {140, 85, 0};
static const unsigned char FAIL[3] = {178, 34, 34};
static const unsigned char PANEL_ALT[3] = {244, 247, 250};

/* Pixels near colour c in columns [0, x1) of rows [y0, y1) of a w-wide picture. */
static long count_colour(const unsigned char *px, int w, int x1, int y0, int y1, const unsigned char c[3])
{
    long n = 0;
    for (int y = y0; y < y1; y++) {
        for (int x = 0; x < x1; x++) {
            const unsigned char *p = px + 3 * ((size_t)y * (size_t)w + (size_t)x);
            /* near the colour: anti-aliased lines blend their edges */
            n += abs(p[0] - c[0]) <= 24 && abs(p[1] - c[1]) <= 24 && abs(p[2] - c[2]) <= 24;
        }
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: test_instructor_render FIBRESIM SCENE LANG OUTDIR\n");
        return 2;
    }
    const char *exe = argv[1], *scene = argv[2], *lang = argv[3], *outdir = argv[4];
    const char *size = argc > 5 ? argv[5] : "1280x720";
    int want_w = 0, want_h = 0;
    if (sscanf(size, "%dx%d", &want_w, &want_h) != 2) return 2;
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char data[4096], png[4096], cmd[16384];
    mkdir(outdir, 0755);
    snprintf(data, sizeof data, "%s/instructor-data-%s-%s-%s", outdir, scene, lang, size);
    snprintf(png, sizeof png, "%s/%s-%s-%s.png", outdir, scene, lang, size);
    fixture_remove_tree(data);
    static const char *const names[] = {"Élodie N'Diaye", "Stéphane Müller"};
    Fixture fx;
    if (!fixture_build(&fx, data, names, 2, 5)) {
        CHECK(false);
        return test_done("instructor_render");
    }
    bool otdr = strcmp(scene, "replay_otdr") == 0;
    if (otdr) {
        bool found = false;
        for (size_t i = 0; i < fx.n_att && !found; i++) {
            if (strcmp(fx.att[i].trainee_name, names[0]) != 0) {
                continue;
            }
            found = strcmp(fx.att[i].module, "otdr") == 0;
            if (!found) {
                CHECK(remove(fx.att[i].path) == 0);
            }
        }
        CHECK_MSG(found, "the fixture has an OTDR attempt for %s", names[0]);
        scene = "replay";
    }
    fixture_finish(&fx);
    snprintf(cmd, sizeof cmd,
             "'%s' screenshot --check --scene %s --lang %s --size %s --data '%s' --scenarios '%s/scenarios' "
             "'%s' 2>&1",
             exe, scene, lang, size, data, root ? root : ".", png);
    if (!render_screenshot(cmd)) return test_done("instructor_render");

    int w = 0, h = 0;
    unsigned char *px = render_load(png, want_w, want_h, &w, &h);
    if (!px) return test_done("instructor_render");
    CHECK_MSG(count_colour(px, w, w, 2, 3, TOPBAR) >= w / 2, "top bar across row 2");
    if (strcmp(scene, "review") == 0) {
        CHECK_MSG(count_colour(px, w, w, 64, h, PANEL_ALT) > 2000, "rows and heading drawn");
    } else if (strcmp(scene, "trainee") == 0) {
        long line_px = count_colour(px, w, w / 2, 64, h, PRIMARY), ok_px = count_colour(px, w, w / 2, 64, h, OK);
        CHECK_MSG(line_px > 50 && ok_px > 20, "chart: %ld line pixels, %ld passed-point pixels", line_px, ok_px);
    } else if (strcmp(scene, "replay") == 0) {
        long prog = count_colour(px, w, w, h * 3 / 5, h, PRIMARY);
        long marks = count_colour(px, w, w, h * 3 / 5, h, OK) + count_colour(px, w, w, h * 3 / 5, h, PARTIAL)
                   + count_colour(px, w, w, h * 3 / 5, h, FAIL);
        CHECK_MSG(prog > 200 && marks > 10, "timeline: %ld progress pixels, %ld criterion mark pixels", prog, marks);
    }
    stbi_image_free(px);
    fixture_remove_tree(data);
    printf("%s: checked\n", png);
    return test_done("instructor_render");
}
