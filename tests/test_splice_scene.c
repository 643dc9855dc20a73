/*
 * test_splice_scene.c - the splice picture's pixel <-> bench mapping is the
 * one it draws with.
 *
 *  1. Every station top the models draw (splice_scene_models.c) lies on the
 *     surface the picker uses (same height over its footprint).
 *  2. For every camera shot at three window shapes, every bench point of a
 *     5 mm grid that shows in the picture goes bench -> pixel -> bench back
 *     within 0.5 mm, or, when a nearer surface hides it, the picker returns
 *     that nearer point on the same pixel.
 *  3. Through the ModuleScene itself, after drawing real states of an
 *     attempt (the bench at the mat, the cleaver, the splicer, the
 *     cassette): to_scene() of the pixel under a bench point (mat strip
 *     point, cleave mark, blade handle, knob, scrap container, V-grooves,
 *     sleeve, cassette) gives the point back within 0.5 mm.
 *  4. A fibre carried in the hand is drawn where the module lays it: the
 *     drawn end before the release equals the module's end after it.
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "gfx.h"
#include "splice_scene.h"
#include "splice_states.h"

extern const ModuleScene splice_scene;

/* Bench -> pixel -> bench through the picker, for a camera with its eye.
 * A point hidden behind a nearer solid must come back as that nearer point
 * (on the same pixel, closer to the eye). */
static void grid_round_trip(const Gfx3d *cam, const float eye[3], SDL_FRect vp, const char *what)
{
    int checked = 0, hidden = 0, bad = 0;
    /* off the round numbers the stations' edges are on */
    for (double y = -37.3; y <= SPLICE_BENCH_H_MM + 40; y += 5.0) {
        for (double x = -37.7; x <= SPLICE_BENCH_W_MM + 40; x += 5.0) {
            SDL_FPoint p;
            float h = splice_scene_surface_h(x, y);
            if (!splice_scene_project(cam, x, y, &p)) continue;
            if (p.x < vp.x + 1 || p.y < vp.y + 1 || p.x > vp.x + vp.w - 1 || p.y > vp.y + vp.h - 1) continue;
            double bx = 0, by = 0;
            float bh = 0;
            bool ok = splice_scene_pick_h(cam, p.x, p.y, &bx, &by, &bh);
            double err = ok ? hypot(bx - x, by - y) : 1e9;
            if (err <= 0.5) {
                checked++;
                continue;
            }
            vec3 w;
            SDL_FPoint q;
            splice_scene_world(bx, by, bh, w);
            double d_hit = hypot(hypot(w[0] - eye[0], w[1] - eye[1]), w[2] - eye[2]);
            splice_scene_world(x, y, h, w);
            double d_pt = hypot(hypot(w[0] - eye[0], w[1] - eye[1]), w[2] - eye[2]);
            splice_scene_world(bx, by, bh, w);
            bool same_pixel = ok && gfx3d_project(cam, w, &q) && fabsf(q.x - p.x) < 0.05f && fabsf(q.y - p.y) < 0.05f;
            if (same_pixel && d_hit < d_pt) {
                hidden++;
                continue;
            }
            if (bad++ < 5) {
                fprintf(stderr, "%s: (%.1f, %.1f) -> (%.2f, %.2f) -> (%.3f, %.3f, h %.2f), %s\n", what, x, y,
                        (double)p.x, (double)p.y, bx, by, (double)bh, ok ? "off" : "missed");
            }
        }
    }
    CHECK_MSG(bad == 0, "%s: %d grid points did not come back", what, bad);
    CHECK_MSG(checked > 500, "%s: only %d grid points in the picture", what, checked);
    printf("%s: %d points back within 0.5 mm, %d hidden by a nearer solid\n", what, checked, hidden);
}

static void test_models_on_surfaces(void)
{
    SpliceModels m;
    CHECK(splice_models_build(&m));
    for (int i = 0; i < SPLICE_STATIONS; i++) {
        const SpliceFlat *f = &m.station[i].top;
        double cx = 0, cy = 0;
        for (int k = 0; k < f->n; k++) {
            cx += f->x[k] / f->n;
            cy += f->y[k] / f->n;
        }
        CHECK_MSG(splice_scene_surface_h(cx, cy) == f->h_mm, "station %d top at %.1f mm, surface %.1f mm", i,
                  (double)f->h_mm, (double)splice_scene_surface_h(cx, cy));
        /* a point just inside each corner is on it too */
        for (int k = 0; k < f->n; k++) {
            double x = f->x[k] + (cx - f->x[k]) * 0.02, y = f->y[k] + (cy - f->y[k]) * 0.02;
            CHECK_MSG(splice_scene_surface_h(x, y) == f->h_mm, "station %d corner %d off its surface", i, k);
        }
    }
    /* the flats on the table: on the surface wherever no station stands on them */
    for (int i = 0; i < m.n_flats; i++) {
        const SpliceFlat *f = &m.flats[i];
        int on = 0, under = 0, wrong = 0;
        for (int j = 1; j < 20; j++) {
            for (int k = 1; k < 20; k++) {
                double x = f->x[0] + (f->x[2] - f->x[0]) * j / 20.0, y = f->y[0] + (f->y[2] - f->y[0]) * k / 20.0;
                float h = splice_scene_surface_h(x, y);
                if (h == f->h_mm) on++;
                else if (h > f->h_mm) under++;
                else wrong++;
            }
        }
        CHECK_MSG(wrong == 0 && on > 0, "flat %d (%.1f mm): %d points on it, %d under a station, %d below it", i,
                  (double)f->h_mm, on, under, wrong);
    }
    splice_models_finish(&m);
}

static void test_shots(void)
{
    static const SDL_FRect areas[3] = {{14, 153, 1252, 476}, {11, 130, 1002, 390}, {20, 170, 1880, 820}};
    Gfx3d *cam = gfx3d_create();
    CHECK(cam != NULL);
    if (!cam) return;
    for (int a = 0; a < 3; a++) {
        for (int s = 0; s < SPLICE_SHOT_COUNT; s++) {
            SpliceFrame fr;
            SpliceCam c;
            Gfx3dCamera gc;
            splice_frame_of_shot((SpliceShot)s, &fr);
            splice_cam_fit(&fr, areas[a].w / areas[a].h, &c);
            splice_cam_to_gfx(&c, &gc);
            gfx3d_begin(cam, &gc, areas[a]);
            char what[64];
            snprintf(what, sizeof what, "shot %d, %gx%g", s, (double)areas[a].w, (double)areas[a].h);
            grid_round_trip(cam, gc.eye, areas[a], what);
        }
    }
    gfx3d_destroy(cam);
}

typedef struct Rig {
    SDL_Surface *surf;
    SDL_Renderer *r;
    Gfx *g;
    ModuleSceneEnv env;
} Rig;

/* Replays an attempt's events into a new attempt, telling the scene about
 * pointer events first (as the exercise screen does), then draws once. */
static Attempt *replay_into_scene(Rig *rig, void *scene, const Scenario *scn, uint64_t seed, const InputLog *log,
                                  uint32_t end_tick)
{
    Attempt *a = attempt_create(scn, seed);
    size_t i = 0;
    while (a && attempt_tick(a) < end_tick) {
        uint32_t t = attempt_tick(a);
        size_t j = i;
        while (j < log->count && log->items[j].tick <= t) {
            if (log->items[j].kind <= INPUT_POINTER_UP) splice_scene.pointer(scene, attempt_module_state(a), &log->items[j]);
            j++;
        }
        attempt_step(a, log->items + i, j - i);
        i = j;
    }
    if (a) {
        rig->env.tick = attempt_tick(a);
        splice_scene.draw(scene, &rig->env, attempt_module_state(a));
    }
    return a;
}

/* A state of the guided job drawn through the ModuleScene; checks to_scene
 * at bench points that matter there. */
static void check_state(Rig *rig, const char *state, const double (*pts)[2], int n)
{
    Scenario *scn = splice_test_scenario("guided-first.json", NULL);
    CHECK(scn != NULL);
    if (!scn) return;
    Bot b;
    memset(&b, 0, sizeof b);
    b.a = attempt_create(scn, 1);
    b.b = splice_bench();
    b.strip_mm = 35.0;
    b.left_offcut = -1;
    CHECK_MSG(st_guided(&b, state), "state %s not reached", state);
    void *scene = splice_scene.create(scn);
    CHECK(scene != NULL);
    Attempt *a = scene ? replay_into_scene(rig, scene, scn, 1, attempt_log(b.a), attempt_tick(b.a)) : NULL;
    CHECK(a != NULL);
    const SpliceScene *s = scene;
    for (int i = 0; a && i < n; i++) {
        SDL_FPoint p;
        bool shown = splice_scene_project(s->pick, pts[i][0], pts[i][1], &p);
        CHECK_MSG(shown, "%s: (%.1f, %.1f) not in front of the camera", state, pts[i][0], pts[i][1]);
        if (!shown) continue;
        double x = 0, y = 0;
        bool in = splice_scene.to_scene(scene, &rig->env, (int)floorf(p.x), (int)floorf(p.y), &x, &y);
        CHECK_MSG(in, "%s: pixel (%.0f, %.0f) of (%.1f, %.1f) not in the picture", state, (double)p.x, (double)p.y,
                  pts[i][0], pts[i][1]);
        double err = hypot(x - pts[i][0], y - pts[i][1]);
        CHECK_MSG(err <= 0.5, "%s: (%.1f, %.1f) -> pixel (%.0f, %.0f) -> (%.2f, %.2f): %.2f mm off", state,
                  pts[i][0], pts[i][1], (double)floorf(p.x), (double)floorf(p.y), x, y, err);
    }
    attempt_destroy(a);
    if (scene) splice_scene.destroy(scene);
    attempt_destroy(b.a);
    splice_test_scenario_free(scn);
}

/* The carried fibre is drawn with its end where the module will put it. */
static void check_carry(Rig *rig)
{
    const SpliceBench *g = splice_bench();
    Scenario *scn = splice_test_scenario("guided-first.json", NULL);
    CHECK(scn != NULL);
    if (!scn) return;
    Bot b;
    memset(&b, 0, sizeof b);
    b.a = attempt_create(scn, 1);
    b.b = g;
    b.strip_mm = 35.0;
    b.left_offcut = -1;
    CHECK(st_guided(&b, "carry"));
    void *scene = splice_scene.create(scn);
    Attempt *a = scene ? replay_into_scene(rig, scene, scn, 1, attempt_log(b.a), attempt_tick(b.a)) : NULL;
    CHECK(a != NULL);
    if (a) {
        const SpliceScene *s = scene;
        SpliceFibrePose pose;
        splice_fibre_pose(splice_view(attempt_module_state(a)), &s->ptr, SPLICE_LEFT, &pose);
        CHECK(splice_view(attempt_module_state(a))->fibre[SPLICE_LEFT].where == SPLICE_IN_HAND);
        /* release where the pointer is */
        InputEvent up = input_pointer(0, INPUT_POINTER_UP, 0, s->ptr.x_mm, s->ptr.y_mm);
        splice_scene.pointer(scene, attempt_module_state(a), &up);
        attempt_step(a, &up, 1);
        const SpliceView *v = splice_view(attempt_module_state(a));
        CHECK(v->fibre[SPLICE_LEFT].where == SPLICE_AT_CLEAVER);
        double laid = g->cleaver_x + v->fibre[SPLICE_LEFT].tip_x_mm;
        CHECK_MSG(fabs(laid - pose.tip_x_mm) < 1e-9, "drawn end %.3f mm, laid end %.3f mm", pose.tip_x_mm, laid);
        CHECK_NEAR(pose.y_mm, s->ptr.y_mm, 1e-9);
    }
    attempt_destroy(a);
    if (scene) splice_scene.destroy(scene);
    attempt_destroy(b.a);
    splice_test_scenario_free(scn);
}

int main(void)
{
    (void)splice_state_write; /* the preset writer is for the render tests */
    test_models_on_surfaces();
    test_shots();

    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    Rig rig;
    memset(&rig, 0, sizeof rig);
    rig.surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    rig.r = rig.surf ? SDL_CreateSoftwareRenderer(rig.surf) : NULL;
    CHECK(rig.r != NULL);
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char fonts[4096], err[256] = "";
    snprintf(fonts, sizeof fonts, "%s/assets/fonts", root ? root : ".");
    rig.g = rig.r ? gfx_create(rig.r, fonts, err, sizeof err) : NULL;
    CHECK_MSG(rig.g != NULL, "gfx: %s", err);
    if (rig.g) {
        rig.env = (ModuleSceneEnv){.renderer = rig.r, .gfx = rig.g, .lang = "fr", .area = {14, 153, 1252, 476}, .text_scale = 1.0f};
        const SpliceBench *g = splice_bench();
        const double mat[][2] = {{g->mat_x - 35, g->mat_y}, {g->mat_x - 150, g->mat_y}, {g->mat_x, g->mat_y + 3}};
        check_state(&rig, "sleeve", mat, 3);
        const double clv[][2] = {{g->cleaver_x - 16, g->cleaver_y},
                                 {g->cleaver_x, g->cleaver_y + g->blade_rest_y},
                                 {g->cleaver_x, g->cleaver_y + g->blade_cut_y},
                                 {g->cleaver_x + g->knob_x, g->cleaver_y + g->knob_y},
                                 {g->scrap_x, g->scrap_y},
                                 {g->scrap_x + 20, g->scrap_y},
                                 {g->splicer_x - 2, g->splicer_y},
                                 {g->splicer_x + 2, g->splicer_y}};
        check_state(&rig, "cleaver", clv, 8);
        const double spl[][2] = {{g->splicer_x - 2, g->splicer_y},  {g->splicer_x + 2, g->splicer_y},
                                 {g->splicer_x - 4, g->splicer_y},  {g->splicer_x + 4, g->splicer_y},
                                 {g->splicer_x - 60, g->splicer_y}, {g->splicer_x + 60, g->splicer_y}};
        check_state(&rig, "loaded", spl, 6);
        check_state(&rig, "protect", spl, 6);
        const double cas[][2] = {{g->cassette_x, g->cassette_y},
                                 {g->cassette_x + 38, g->cassette_y},
                                 {g->cassette_x, g->cassette_y - 38},
                                 {g->cassette_x - 60, g->cassette_y + 45}};
        check_state(&rig, "coil", cas, 4);
        check_carry(&rig);
    }
    gfx_destroy(rig.g);
    if (rig.r) SDL_DestroyRenderer(rig.r);
    if (rig.surf) SDL_FreeSurface(rig.surf);
    TTF_Quit();
    SDL_Quit();
    return test_done("splice_scene");
}
