/*
 * test_scene_tutorial.c - the tutorial's picture drawn headless (software
 * renderer) in the middle of each kind of task, in French and English: no
 * text overflows its box, the picture is not blank, the pixel -> mm mapping
 * lands on what is drawn there (the mark's cross, the pull handle), presses
 * outside the bench are refused, and the buttons and prompt fit each task.
 * The pictures are saved in <build>/tests/render/ to be looked at.
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/tutorial.h"
#include "gfx.h"
#include "i18n.h"
#include "module_scene.h"
#include "module_scenes.h"
#include "scene_canvas.h"
#include "theme.h"
#include "tutorial_fixture.h"

/* The picture's area in the exercise screen of a 1280x720 window, and of
 * the smallest supported one, 1024x600. */
static int W = 1252, H = 477;

/* The pixel whose centre maps nearest to (x_mm, y_mm). */
static bool pixel_of(const ModuleScene *ms, void *self, const ModuleSceneEnv *env, double x_mm, double y_mm, int *px,
                     int *py)
{
    double best = 1e9;
    for (int y = 0; y < H; y++) {
        double mx, my;
        if (ms->to_scene(self, env, W / 2, y, &mx, &my) && fabs(my - y_mm) < best) {
            best = fabs(my - y_mm);
            *py = y;
        }
    }
    if (best > 1.0) return false;
    best = 1e9;
    for (int x = 0; x < W; x++) {
        double mx, my;
        if (ms->to_scene(self, env, x, *py, &mx, &my) && fabs(mx - x_mm) < best) {
            best = fabs(mx - x_mm);
            *px = x;
        }
    }
    return best <= 1.0;
}

/* Draws the attempt's state, saves it, checks what every picture must do. */
static void draw_and_check(Canvas *c, const ModuleScene *ms, void *self, const Attempt *a, const char *name)
{
    canvas_draw_checked(c, ms, self, attempt_module_state(a), "tutorial", name);
    /* Buttons: Next first, every label a msgid or text, and the prompt. */
    SceneButton b[9];
    size_t n = ms->buttons(self, attempt_module_state(a), b, 9);
    CHECK(n >= 1 && strcmp(b[0].id, "next") == 0 && b[0].enabled);
    for (size_t i = 0; i < n; i++) {
        CHECK(b[i].label && b[i].label[0]);
    }
    const char *prompt = ms->prompt(self, attempt_module_state(a), true);
    CHECK(prompt && prompt[0]);
}

static void step(Attempt *a, InputEvent e)
{
    attempt_step(a, &e, 1);
}

static void run_lang(const char *lang)
{
    i18n_set_language(lang);
    /* Directly, not through module_scene_find(): the test links only this scene. */
    const ModuleScene *ms = &tutorial_scene;
    Scenario *scn = fixture_scenario("01-premiers-gestes.json");
    Canvas c;
    if (!ms || !scn || !canvas_open(&c, lang, W, H, 1.0f, 0.3)) {
        fixture_scenario_free(scn);
        return;
    }
    const TutorialSetup *setup = scn->setup;
    void *self = ms->create(scn);
    CHECK(self != NULL);
    Attempt *a = attempt_create(scn, 1);
    const TutorialView *v = tutorial_view(attempt_module_state(a));
    double x, y;

    /* Outside the bench (the picture's corner) is refused; inside maps to mm. */
    CHECK(!ms->to_scene(self, &c.env, 0, 0, &x, &y));
    CHECK(ms->to_scene(self, &c.env, W / 2, H / 3, &x, &y));
    CHECK(x > 0 && x < setup->bench_width_mm && y > 0 && y < setup->bench_height_mm);

    /* Drag: held half way, hint asked. The mark's centre is drawn green (its
     * cross), where to_scene says the mark is. */
    const TutorialTask *t = &setup->tasks[0];
    step(a, input_key(0, ACTION_HINT));
    step(a, input_pointer(0, INPUT_POINTER_DOWN, 0, t->from_mm[0], t->from_mm[1]));
    step(a, input_pointer(0, INPUT_POINTER_MOVE, 0, 150, 100));
    draw_and_check(&c, ms, self, a, "drag_held");
    int px = 0, py = 0;
    CHECK(pixel_of(ms, self, &c.env, t->to_mm[0], t->to_mm[1], &px, &py));
    CHECK_MSG(near_colour(canvas_pixel(&c, px, py), theme.ok, 40), "mark at %d,%d: %d %d %d", px, py, canvas_pixel(&c, px, py).r,
              canvas_pixel(&c, px, py).g, canvas_pixel(&c, px, py).b);
    /* Dropped 4 mm off the mark: the distance is written (in the band's colour). */
    step(a, input_pointer(0, INPUT_POINTER_UP, 0, t->to_mm[0] + 4, t->to_mm[1]));
    CHECK(v->feedback.kind == TUTORIAL_FB_DROPPED);
    draw_and_check(&c, ms, self, a, "drag_dropped");
    step(a, input_choice(0, "next"));

    /* Pull: 60 mm at 1 mm per tick, still held, hint asked. The handle is
     * drawn in the primary blue where the view puts it. */
    t = &setup->tasks[1];
    step(a, input_choice(0, "hint"));
    step(a, input_pointer(0, INPUT_POINTER_DOWN, 0, t->from_mm[0], t->from_mm[1]));
    for (int k = 1; k <= 60; k++) {
        step(a, input_pointer(0, INPUT_POINTER_MOVE, 0, t->from_mm[0] + k, t->from_mm[1] + (k > 40 ? 3 : 0)));
    }
    CHECK(v->holding && fabs(v->pull_speed_mm_s - 100.0) < 1e-6);
    draw_and_check(&c, ms, self, a, "pull_held");
    CHECK(pixel_of(ms, self, &c.env, v->handle_mm[0] - 3, v->handle_mm[1] - 3, &px, &py));
    SDL_Color hp = canvas_pixel(&c, px, py);
    CHECK_MSG(near_colour(hp, theme.primary, 40) || near_colour(hp, theme.primary_hover, 40), "handle: %d %d %d",
              hp.r, hp.g, hp.b);
    step(a, input_pointer(0, INPUT_POINTER_MOVE, 0, t->to_mm[0], t->to_mm[1]));
    CHECK(v->pull_done);
    draw_and_check(&c, ms, self, a, "pull_done");
    step(a, input_choice(0, "next"));

    /* Wipe: two good strokes, one back and forth, one held; hint asked. */
    t = &setup->tasks[2];
    step(a, input_key(0, ACTION_HINT));
    for (int k = 0; k < 2; k++) {
        double ly = 65 + 25 * k;
        step(a, input_pointer(0, INPUT_POINTER_DOWN, 0, 90, ly));
        for (int i = 1; i <= 14; i++) step(a, input_pointer(0, INPUT_POINTER_MOVE, 0, 90 + 10 * i, ly));
        step(a, input_pointer(0, INPUT_POINTER_UP, 0, 230, ly));
    }
    step(a, input_pointer(0, INPUT_POINTER_DOWN, 0, 110, 118));
    step(a, input_pointer(0, INPUT_POINTER_MOVE, 0, 170, 122));
    step(a, input_pointer(0, INPUT_POINTER_MOVE, 0, 130, 118));
    step(a, input_pointer(0, INPUT_POINTER_UP, 0, 200, 120));
    step(a, input_pointer(0, INPUT_POINTER_DOWN, 0, 90, 115));
    step(a, input_pointer(0, INPUT_POINTER_MOVE, 0, 160, 116));
    CHECK(v->good_strokes == 2 && v->bad_strokes == 1 && v->holding);
    draw_and_check(&c, ms, self, a, "wipe");
    step(a, input_pointer(0, INPUT_POINTER_UP, 0, 160, 116));
    step(a, input_choice(0, "next"));

    /* Adjust: overshot to 9, back to 8.5; hint (go down). Four step buttons. */
    step(a, input_key(0, ACTION_HINT));
    for (int k = 0; k < 9; k++) step(a, input_key(0, ACTION_RIGHT));
    step(a, input_key(0, ACTION_FINE_MINUS));
    CHECK_NEAR(v->value, 8.5, 0);
    draw_and_check(&c, ms, self, a, "adjust");
    SceneButton b[9];
    CHECK(ms->buttons(self, attempt_module_state(a), b, 9) == 5);
    CHECK_STR(b[1].id, "left");
    CHECK_STR(b[4].id, "right");
    step(a, input_choice(0, "next"));

    /* Choose: a wrong answer tried, the focus on another, hint (one wrong
     * answer greyed). A press on the middle of card 1 is drawn pressed. */
    t = &setup->tasks[4];
    step(a, input_choice(0, "answer:pince"));
    step(a, input_key(0, ACTION_HINT));
    step(a, input_key(0, ACTION_DOWN));
    double lo[2], hi[2];
    tutorial_answer_rect(setup, t, 1, lo, hi);
    step(a, input_pointer(0, INPUT_POINTER_DOWN, 0, 0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1])));
    CHECK(v->pressed == 1);
    draw_and_check(&c, ms, self, a, "choose");
    CHECK(ms->buttons(self, attempt_module_state(a), b, 9) == 1);
    /* The card is where to_scene says: a press at its pixel centre lands inside. */
    CHECK(pixel_of(ms, self, &c.env, 0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1]), &px, &py));
    CHECK(ms->to_scene(self, &c.env, px, py, &x, &y));
    CHECK(x >= lo[0] && x <= hi[0] && y >= lo[1] && y <= hi[1]);
    step(a, input_pointer(0, INPUT_POINTER_UP, 0, 0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1])));
    CHECK(v->solved);
    draw_and_check(&c, ms, self, a, "choose_solved");

    attempt_destroy(a);
    ms->destroy(self);
    canvas_close(&c);
    fixture_scenario_free(scn);
}

int main(void)
{
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "SDL/TTF init: %s\n", SDL_GetError());
        return 1;
    }
    i18n_init(NULL);
    run_lang("fr");
    run_lang("en");
    W = 996;
    H = 372;
    run_lang("fr");
    TTF_Quit();
    SDL_Quit();
    return test_done("scene_tutorial");
}
