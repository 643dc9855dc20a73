/*
 * test_render_splice.c - one state of the splice exercise drawn headless and
 * checked from its PNG, like test_render.c does for the screens.
 *
 * The state is reached through the core: a scripted trainee (splice_states.h)
 * plays the gestures, the attempt's seed and events go to a preset file, and
 * "fibresim screenshot --check --events" replays them in the exercise screen
 * before drawing. The picture must have the right size, no text overflow,
 * many colours, and what the state is about:
 *   - on the bench, the blue coating of the left fibre;
 *   - while the splicer's screen shows, its dark screen over much of the
 *     picture and the bright fibre image on it.
 * The PNG stays in <build>/tests/render/ (splice-STATE-LANG-SIZE.png).
 *
 * argv: fibresim-binary state lang out-dir [WxH]
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "render_check.h"
#include "fibresim/journal.h"
#include "splice_states.h"

static bool screen_state(const char *s)
{
    static const char *const names[] = {"check", "check-bad", "manual", "result", "bubble", "fat", "thin",
                                        "exam-result", NULL};
    for (int i = 0; names[i]; i++) {
        if (strcmp(s, names[i]) == 0) return true;
    }
    return false;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: test_render_splice FIBRESIM STATE LANG OUTDIR [WxH]\n");
        return 2;
    }
    const char *exe = argv[1], *state = argv[2], *lang = argv[3], *outdir = argv[4];
    const char *size = argc > 5 ? argv[5] : "1280x720";
    int want_w = 0, want_h = 0;
    if (sscanf(size, "%dx%d", &want_w, &want_h) != 2) return 2;
    char preset[4096], data[4096], png[4096], cmd[16384];
    mkdir(outdir, 0755);
    snprintf(preset, sizeof preset, "%s/splice-%s-%s-%s.json", outdir, state, lang, size);
    snprintf(data, sizeof data, "%s/data-splice-%s-%s-%s", outdir, state, lang, size);
    snprintf(png, sizeof png, "%s/splice-%s-%s-%s.png", outdir, state, lang, size);
    uint64_t seed = splice_state_write(state, preset);
    CHECK_MSG(seed != 0, "no seed from 1 to 60 brings the attempt to state %s", state);
    if (seed == 0) return test_done("render_splice");
    printf("state %s: seed %llu, preset %s\n", state, (unsigned long long)seed, preset);

    Journal j;
    char err[256];
    CHECK(journal_open(&j, data, err, sizeof err) == JOURNAL_OK);
    journal_close(&j);
    snprintf(cmd, sizeof cmd, "'%s' screenshot --check --scene exercise --events '%s' --lang %s --size %s --data '%s' '%s' 2>&1",
             exe, preset, lang, size, data, png);
    if (!render_screenshot(cmd)) return test_done("render_splice");

    int w = 0, h = 0;
    unsigned char *px = render_load(png, want_w, want_h, &w, &h);
    if (!px) return test_done("render_splice");
    /* the picture: under the prompt line, above the buttons */
    long blue = 0, screen = 0, bright = 0;
    int y0 = h * 24 / 100, y1 = h * 86 / 100;
    for (long i = (long)y0 * w; i < (long)y1 * w; i++) {
        const unsigned char *c = px + 3 * i;
        /* the left fibre's blue coating, lit or in shade */
        if (c[2] > c[0] + 80 && c[2] > c[1] + 40) blue++;
        /* the splicer screen's near-black background (8, 11, 16) */
        if (c[0] < 14 && c[1] < 17 && c[2] < 22) screen++;
        /* the fibre image: bright grey */
        if (c[0] > 200 && c[1] > 200 && c[2] > 200 && abs(c[0] - c[2]) < 20) bright++;
    }
    long total = (long)(y1 - y0) * w;
    if (screen_state(state)) {
        CHECK_MSG(screen * 4 >= total, "splicer screen: %ld dark pixels of %ld", screen, total);
        CHECK_MSG(bright * 40 >= total, "splicer screen: %ld bright fibre pixels of %ld", bright, total);
    } else {
        CHECK_MSG(blue >= 40, "bench: only %ld pixels of the blue fibre", blue);
    }
    stbi_image_free(px);
    printf("%s: checked (blue %ld, screen %ld, bright %ld)\n", png, blue, screen, bright);
    return test_done("render_splice");
}
