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
#include <stb_image_write.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "fibresim/tutorial.h"
#include "gfx.h"
#include "i18n.h"
#include "module_scene.h"
#include "module_scenes.h"
#include "theme.h"
#include "tutorial_fixture.h"

/* The picture's area in the exercise screen of a 1280x720 window, and of
 * the smallest supported one, 1024x600. */
static int W = 1252, H = 477;

typedef struct Canvas {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    Gfx *gfx;
    ModuleSceneEnv env;
} Canvas;

static bool canvas_open(Canvas *c, const char *lang)
{
    memset(c, 0, sizeof *c);
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ABGR8888);
    c->renderer = c->surface ? SDL_CreateSoftwareRenderer(c->surface) : NULL;
    const char *assets = getenv("FIBRESIM_ASSETS");
    char fonts[1024], err[256] = "";
    snprintf(fonts, sizeof fonts, "%s/fonts", assets ? assets : "assets");
    c->gfx = c->renderer ? gfx_create(c->renderer, fonts, err, sizeof err) : NULL;
    CHECK_MSG(c->gfx != NULL, "%s %s", err, SDL_GetError());
    if (!c->gfx) {
        return false;
    }
    gfx_set_scale(c->gfx, 1.0f, 1.0f);
    c->env.renderer = c->renderer;
    c->env.gfx = c->gfx;
    c->env.lang = lang;
    c->env.area = (SDL_Rect){0, 0, W, H};
    c->env.text_scale = 1.0f;
    c->env.anim_s = 0.3;
    return true;
}

static void canvas_close(Canvas *c)
{
    gfx_destroy(c->gfx);
    if (c->renderer) SDL_DestroyRenderer(c->renderer);
    if (c->surface) SDL_FreeSurface(c->surface);
}

static SDL_Color pixel(const Canvas *c, int x, int y)
{
    const uint8_t *p = (const uint8_t *)c->surface->pixels + y * c->surface->pitch + x * 4;
    return (SDL_Color){p[0], p[1], p[2], p[3]};
}

static bool near_colour(SDL_Color a, SDL_Color b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

static size_t colours(const Canvas *c)
{
    /* distinct colours up to 64, on a coarse sample */
    uint32_t seen[64];
    size_t n = 0;
    for (int y = 0; y < H && n < 64; y += 3) {
        for (int x = 0; x < W && n < 64; x += 3) {
            SDL_Color p = pixel(c, x, y);
            uint32_t v = (uint32_t)p.r << 16 | (uint32_t)p.g << 8 | p.b;
            size_t i = 0;
            while (i < n && seen[i] != v) i++;
            if (i == n) seen[n++] = v;
        }
    }
    return n;
}

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
    SDL_SetRenderDrawColor(c->renderer, theme.scene_bg.r, theme.scene_bg.g, theme.scene_bg.b, 255);
    SDL_RenderClear(c->renderer);
    gfx_begin_frame(c->gfx);
    gfx_text_overflow_reset(c->gfx);
    ms->draw(self, &c->env, attempt_module_state(a));
    SDL_RenderPresent(c->renderer);
    CHECK_MSG(gfx_text_overflows(c->gfx) == 0, "%s (%s): %lu text overflow(s)", name, c->env.lang,
              gfx_text_overflows(c->gfx));
    CHECK_MSG(colours(c) >= 16, "%s: nearly blank", name);
    const char *root = getenv("FIBRESIM_RENDER_DIR");
    if (root) {
        mkdir(root, 0755);
        char path[1024];
        snprintf(path, sizeof path, "%s/tutorial_%s_%s_%dx%d.png", root, name, c->env.lang, W, H);
        CHECK(stbi_write_png(path, W, H, 4, c->surface->pixels, c->surface->pitch));
    }
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
    if (!ms || !scn || !canvas_open(&c, lang)) {
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
    CHECK_MSG(near_colour(pixel(&c, px, py), theme.ok, 40), "mark at %d,%d: %d %d %d", px, py, pixel(&c, px, py).r,
              pixel(&c, px, py).g, pixel(&c, px, py).b);
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
    SDL_Color hp = pixel(&c, px, py);
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
