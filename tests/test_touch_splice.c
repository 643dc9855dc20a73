/*
 * test_touch_splice.c - the manual core alignment splice done with one
 * finger, through SDL touch events only (SDL_PushEvent of SDL_FINGERDOWN,
 * SDL_FINGERMOTION and SDL_FINGERUP with normalised coordinates, read back
 * by SDL_PollEvent as the app's loop does): no key, no mouse.
 *
 * Part 1, the motor keys on the splicer screen (French and English, 1280x720
 * and 1024x600): in the manual alignment state (tests/splice_states.h) the
 * four keys are drawn beside the X and Y views, each at least a finger wide
 * (48 px at 1280x720, never below THEME_TOUCH_MIN_PX), inside the picture,
 * clear of each other and of the views; their pixels show the key's edge
 * and arrow colours; no text overflows; a tap on each moves the right fibre
 * one step the way its arrow points in its view, and a key held down
 * repeats.
 *
 * Part 2, the whole job: a trainee's finger taps the exercise's buttons
 * and drags on the 3D bench (points of the bench projected with the camera
 * the picture was drawn with), aligns the cores with the motor keys (held,
 * then tapped) and finishes the job. The attempt must pass, its record
 * hold the motor keys as key actions and no mouse pointer, and a replay of
 * the record give the same result.
 *
 * argv[1]: the source tree. FIBRESIM_LOCALEDIR, FIBRESIM_ASSETS as for test_app.
 */
#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "check.h"
#include "exercise_preset.h"
#include "headless.h"
#include "fibresim/attempt.h"
#include "fibresim/journal.h"
#include "fibresim/record.h"
#include "fibresim/splice.h"
#include "i18n.h"
#include "splice_scene.h"
#include "splice_states.h"
#include "theme.h"

#define TOUCH_ID 7
#define FINGER_ID 3
#define STEP_UM 0.1 /* the scenario's alignment step (splice_setup.c default) */

static const char *source_root;

/* ---- the finger ---- */

static void push_finger(App *app, Uint32 type, float px, float py)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = TOUCH_ID;
    e.tfinger.fingerId = FINGER_ID;
    e.tfinger.x = px / (float)app->w;
    e.tfinger.y = py / (float)app->h;
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    CHECK(SDL_PushEvent(&e) == 1);
}

/* What app_loop does for one frame of dt_s: the queued events, then the frame. */
static void pump(App *app, double dt_s)
{
    SDL_Event e;
    while (SDL_PollEvent(&e)) app_event(app, &e);
    app_frame(app, dt_s);
}

static void tap_at(App *app, float px, float py)
{
    push_finger(app, SDL_FINGERDOWN, px, py);
    pump(app, 0.01);
    push_finger(app, SDL_FINGERUP, px, py);
    pump(app, 0.01);
}

/* Taps the widget drawn with this id in the last frame; false if none. */
static bool tap_widget(App *app, const char *id)
{
    SDL_FRect r;
    if (!ui_widget_rect(app->ui, id, &r)) return false;
    tap_at(app, r.x + r.w * 0.5f, r.y + r.h * 0.5f);
    return true;
}

/* ---- the splice exercise seen from the test ---- */

/* Never NULL: with no exercise open, an empty picture and view (the
 * checks on them then fail, and the driver's loops end on running()). */
static SpliceScene *picture(App *app)
{
    static SpliceScene none;
    SpliceScene *s = exercise_picture(app);
    return s ? s : &none;
}

static const SpliceView *view(App *app)
{
    static const SpliceView none;
    const Attempt *a = exercise_attempt(app);
    const SpliceView *v = a ? splice_view(attempt_module_state(a)) : NULL;
    return v ? v : &none;
}

static bool running(App *app)
{
    const Attempt *a = exercise_attempt(app);
    return a && attempt_status(a) == ATTEMPT_RUNNING;
}

/* Frames until the camera stands on its shot (the picture is then drawn
 * with the camera the next gesture is unprojected with). */
static void settle(App *app)
{
    for (int i = 0; i < 300 && running(app); i++) {
        pump(app, 0.01);
        SpliceScene *s = picture(app);
        if (s->cam_valid && splice_cam_equal(&s->cam, &s->goal)) break;
    }
    pump(app, 0.01);
}

static bool choose(App *app, const char *choice)
{
    char id[64];
    snprintf(id, sizeof id, "ex.btn.%s", choice);
    bool ok = tap_widget(app, id);
    CHECK_MSG(ok, "no button %s on the exercise screen", choice);
    for (int i = 0; i < 10; i++) pump(app, 0.01);
    return ok;
}

static bool bench_px(App *app, double x_mm, double y_mm, SDL_FPoint *out)
{
    SpliceScene *s = picture(app);
    bool ok = s->pick && splice_scene_project(s->pick, x_mm, y_mm, out);
    SDL_FPoint p = ok ? *out : (SDL_FPoint){-1, -1};
    ok = ok && p.x >= (float)s->area.x && p.y >= (float)s->area.y && p.x < (float)(s->area.x + s->area.w)
         && p.y < (float)(s->area.y + s->area.h);
    CHECK_MSG(ok, "bench point (%.1f, %.1f) mm is not in the picture (pixel %.0f, %.0f)", x_mm, y_mm, (double)p.x,
              (double)p.y);
    return ok;
}

/* A finger pressed on one bench point, moved steadily (one move a tick)
 * and lifted on another. */
static void drag(App *app, double x0, double y0, double x1, double y1, int ticks)
{
    settle(app);
    SDL_FPoint p;
    if (!bench_px(app, x0, y0, &p)) return;
    push_finger(app, SDL_FINGERDOWN, p.x, p.y);
    pump(app, 0.01);
    for (int k = 1; k <= ticks; k++) {
        double t = (double)k / ticks;
        /* the camera holds still while the finger is down */
        if (!bench_px(app, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, &p)) break;
        push_finger(app, k == ticks ? SDL_FINGERUP : SDL_FINGERMOTION, p.x, p.y);
        pump(app, 0.01);
    }
    for (int i = 0; i < 5; i++) pump(app, 0.01);
}

static void bin_offcuts(App *app)
{
    const SpliceBench *g = splice_bench();
    for (int i = 0; i < view(app)->n_offcuts && running(app); i++) {
        const SpliceOffcutView *o = &view(app)->offcut[i];
        if (!o->binned) drag(app, o->x_mm + 0.5 * o->length_mm, o->y_mm, g->scrap_x, g->scrap_y, 30);
    }
}

/* Sleeve (once), strip, clean, cleave, bin, load fibre `side`. */
static void prepare(App *app, int side)
{
    const SpliceBench *g = splice_bench();
    if (view(app)->fibre[side].where != SPLICE_AT_MAT) return;
    settle(app);
    if (view(app)->mat_fibre != side) choose(app, side == SPLICE_LEFT ? "fibre_left" : "fibre_right");
    if (view(app)->sleeve_on < 0) choose(app, "sleeve");
    for (int tries = 0; tries < 4 && running(app); tries++) {
        choose(app, "tool_stripper");
        drag(app, g->mat_x - 35.0, g->mat_y, g->mat_x + 5.0, g->mat_y, 66);
        double bare = view(app)->fibre[side].bare_mm;
        if (bare >= 31.0 && bare <= 39.0) break;
    }
    double bare = view(app)->fibre[side].bare_mm;
    choose(app, "tool_wipe");
    drag(app, g->mat_x - bare - 3.0, g->mat_y, g->mat_x + 5.0, g->mat_y, 30);
    choose(app, "tool_hand");
    double grip = -bare - 20.0;
    double release = g->cleaver_x - view(app)->cleave_length_target_mm + bare + grip;
    drag(app, g->mat_x + grip, g->mat_y, release, g->cleaver_y, 40);
    choose(app, "clamp");
    drag(app, g->cleaver_x, g->cleaver_y + g->blade_rest_y, g->cleaver_x, g->cleaver_y + g->blade_cut_y - 5.0, 20);
    bin_offcuts(app);
    choose(app, "unclamp");
    bare = view(app)->fibre[side].bare_mm;
    double grip2 = -bare - 20.0;
    double to_x = side == SPLICE_LEFT ? g->splicer_x - 2.0 + grip2 : g->splicer_x + 2.0 - grip2;
    drag(app, g->cleaver_x + grip2, g->cleaver_y, to_x, g->splicer_y, 40);
}

static int steps_of(double um)
{
    return (int)lround(um / STEP_UM);
}

/* Holds motor key k for `ticks` ticks, one frame a tick. */
static void hold_key(App *app, int k, int ticks)
{
    SDL_FRect r = picture(app)->motor_key[k];
    float x = r.x + r.w * 0.5f, y = r.y + r.h * 0.5f;
    push_finger(app, SDL_FINGERDOWN, x, y);
    pump(app, 0.01);
    for (int i = 1; i < ticks; i++) pump(app, 0.01);
    push_finger(app, SDL_FINGERUP, x, y);
    pump(app, 0.01);
    pump(app, 0.01);
}

/* Brings both offsets to zero with the motor keys: a held key for the bulk
 * of an axis, taps for the rest. Returns how many steps the holds made. */
static int align(App *app)
{
    int held_steps = 0;
    for (int axis = 0; axis < 2; axis++) {
        const SpliceScreenView *sv = &view(app)->screen;
        int n = steps_of(axis == 0 ? sv->align_x_um : sv->align_y_um);
        int down = axis == 0 ? SPLICE_MOTOR_X_DOWN : SPLICE_MOTOR_Y_DOWN;
        int k = n > 0 ? down : down - 1; /* up keys are just before their down key */
        if (abs(n) >= 4) {
            /* the press makes one step, the repeat one every EVERY ticks after DELAY */
            int want = abs(n) - 1;
            hold_key(app, k, SPLICE_MOTOR_DELAY_TICKS + SPLICE_MOTOR_EVERY_TICKS * (want - 2));
            int after = steps_of(axis == 0 ? view(app)->screen.align_x_um : view(app)->screen.align_y_um);
            held_steps += abs(n - after);
        }
    }
    for (int guard = 0; guard < 80 && running(app); guard++) {
        const SpliceScreenView *sv = &view(app)->screen;
        int nx = steps_of(sv->align_x_um), ny = steps_of(sv->align_y_um);
        if (nx == 0 && ny == 0) break;
        int k = nx > 0 ? SPLICE_MOTOR_X_DOWN : nx < 0 ? SPLICE_MOTOR_X_UP : ny > 0 ? SPLICE_MOTOR_Y_DOWN : SPLICE_MOTOR_Y_UP;
        SDL_FRect r = picture(app)->motor_key[k];
        tap_at(app, r.x + r.w * 0.5f, r.y + r.h * 0.5f);
    }
    return held_steps;
}

static bool face_bad(const SpliceView *v, int side)
{
    return v->screen.angle_deg[side] > v->screen.cleave_limit_deg || v->screen.face_defect[side];
}

static void coil(App *app, double radius_mm)
{
    const SpliceBench *g = splice_bench();
    settle(app);
    int points = (int)(1.1 * 2.0 * M_PI * radius_mm / 2.0);
    SDL_FPoint p;
    if (!bench_px(app, g->cassette_x + radius_mm, g->cassette_y, &p)) return;
    push_finger(app, SDL_FINGERDOWN, p.x, p.y);
    pump(app, 0.01);
    for (int k = 1; k <= points; k++) {
        double th = 1.1 * 2.0 * M_PI * k / points;
        if (!bench_px(app, g->cassette_x + radius_mm * cos(th), g->cassette_y + radius_mm * sin(th), &p)) break;
        push_finger(app, k == points ? SDL_FINGERUP : SDL_FINGERMOTION, p.x, p.y);
        pump(app, 0.01);
    }
    for (int i = 0; i < 5; i++) pump(app, 0.01);
}

/* ---- the app ---- */

static bool first_record(const char *path, void *user)
{
    char *out = user;
    if (!out[0]) snprintf(out, 4096, "%s", path);
    return true;
}

static App *open_app(const char *data, const char *lang, int w, int h)
{
    char scenarios[4096];
    snprintf(scenarios, sizeof scenarios, "%s/scenarios", source_root);
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.headless = true;
    o.data_dir = data;
    o.scenarios_dir = scenarios;
    o.lang = lang;
    o.width = w;
    o.height = h;
    char err[512] = "";
    App *app = app_create(&o, err, sizeof err);
    CHECK_MSG(app != NULL, "%s", err);
    return app;
}

static const Scenario *find_scenario(App *app, const char *id)
{
    for (size_t i = 0; i < app->catalog.count; i++) {
        if (strcmp(app->catalog.items[i]->id, id) == 0) return app->catalog.items[i];
    }
    return NULL;
}

static bool overlap(SDL_FRect a, SDL_FRect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Pixels of colour c (within 6 per channel) inside r of an RGBA frame. */
static long count_colour(const uint8_t *rgba, int w, SDL_FRect r, SDL_Color c)
{
    long n = 0;
    for (int y = (int)r.y; y < (int)(r.y + r.h); y++) {
        for (int x = (int)r.x; x < (int)(r.x + r.w); x++) {
            const uint8_t *p = rgba + 4 * ((size_t)y * (size_t)w + (size_t)x);
            if (abs(p[0] - c.r) <= 6 && abs(p[1] - c.g) <= 6 && abs(p[2] - c.b) <= 6) n++;
        }
    }
    return n;
}

/* Part 1: the keys in the manual alignment state, at one size and language. */
static void check_keys(const char *data, const char *preset_path, const char *lang, int w, int h)
{
    App *app = open_app(data, lang, w, h);
    if (!app) return;
    ExercisePreset preset;
    char err[512] = "";
    CHECK_MSG(exercise_preset_load(preset_path, &preset, err, sizeof err), "%s", err);
    app->scenario = find_scenario(app, "splice.manual-align");
    CHECK(app->scenario != NULL);
    app->preset = &preset;
    if (!app->scenario || !app_open_scene(app, SCENE_EXERCISE)) {
        CHECK(false);
        exercise_preset_finish(&preset);
        app_destroy(app);
        return;
    }
    app->preset = NULL;
    gfx_text_overflow_reset(app->gfx);
    pump(app, 0.0);
    pump(app, 0.0);
    CHECK_MSG(gfx_text_overflows(app->gfx) == 0, "%s %dx%d: %lu texts overflow", lang, w, h,
              gfx_text_overflows(app->gfx));
    SpliceScene *s = picture(app);
    CHECK(s->motor_shown);
    if (!s->motor_shown) {
        exercise_preset_finish(&preset);
        app_destroy(app);
        return;
    }
    /* a finger's width: 48 px at 1280x720 (about 11 mm on a 13.3-inch
     * 1280x720 screen at 110 px per inch), scaled with the window, never
     * below the theme's touch minimum */
    float min_px = fmaxf(48.0f * app_scale(app), THEME_TOUCH_MIN_PX);
    SDL_FRect area = {(float)s->area.x, (float)s->area.y, (float)s->area.w, (float)s->area.h};
    uint8_t *rgba = headless_read_rgba(app);
    for (int k = 0; k < SPLICE_MOTOR_KEYS; k++) {
        SDL_FRect r = s->motor_key[k];
        CHECK_MSG(r.w >= min_px - 0.01f && r.h >= min_px - 0.01f, "%s %dx%d key %d is %.0fx%.0f px, under %.0f", lang,
                  w, h, k, (double)r.w, (double)r.h, (double)min_px);
        CHECK_MSG(r.x >= area.x && r.y >= area.y && r.x + r.w <= area.x + area.w && r.y + r.h <= area.y + area.h,
                  "%s %dx%d key %d is outside the picture", lang, w, h, k);
        for (int j = 0; j < k; j++) CHECK_MSG(!overlap(r, s->motor_key[j]), "keys %d and %d overlap", j, k);
        if (rgba) {
            long edge = count_colour(rgba, w, r, (SDL_Color){120, 136, 152, 255});
            long arrow = count_colour(rgba, w, r, (SDL_Color){224, 232, 240, 255});
            long fill = count_colour(rgba, w, r, (SDL_Color){46, 54, 64, 255});
            CHECK_MSG(edge > 20 && arrow > 20 && fill > arrow, "%s %dx%d key %d not drawn (edge %ld, arrow %ld, fill %ld)",
                      lang, w, h, k, edge, arrow, fill);
        }
    }
    free(rgba);
    /* the keys lie right of the views, whose image is in the screen texture */
    CHECK(s->screen_w > 0 && s->motor_key[0].x >= (float)s->screen_w);

    /* each key moves the right fibre one step, the way its arrow points */
    static const int dx[SPLICE_MOTOR_KEYS] = {+1, -1, 0, 0}, dy[SPLICE_MOTOR_KEYS] = {0, 0, +1, -1};
    for (int k = 0; k < SPLICE_MOTOR_KEYS; k++) {
        int x0 = steps_of(view(app)->screen.align_x_um), y0 = steps_of(view(app)->screen.align_y_um);
        SDL_FRect r = s->motor_key[k];
        tap_at(app, r.x + r.w * 0.5f, r.y + r.h * 0.5f);
        pump(app, 0.01);
        CHECK_MSG(steps_of(view(app)->screen.align_x_um) == x0 + dx[k]
                      && steps_of(view(app)->screen.align_y_um) == y0 + dy[k],
                  "key %d: X %d -> %d, Y %d -> %d", k, x0, steps_of(view(app)->screen.align_x_um), y0,
                  steps_of(view(app)->screen.align_y_um));
    }
    /* held for 0.4 s + 4 repeats: 1 + 5 steps; a finger sliding off stops it */
    int y0 = steps_of(view(app)->screen.align_y_um);
    hold_key(app, SPLICE_MOTOR_Y_UP, SPLICE_MOTOR_DELAY_TICKS + 4 * SPLICE_MOTOR_EVERY_TICKS + 1);
    CHECK_MSG(steps_of(view(app)->screen.align_y_um) == y0 + 6, "held Y up: %d -> %d, want +6", y0,
              steps_of(view(app)->screen.align_y_um));
    exercise_preset_finish(&preset);
    app_destroy(app);
}

/* Part 2: the whole job with a finger. */
static void whole_job(const char *data)
{
    App *app = open_app(data, "fr", 1280, 720);
    if (!app) return;
    app->scenario = find_scenario(app, "splice.manual-align");
    CHECK(app->scenario != NULL);
    ExercisePreset preset;
    memset(&preset, 0, sizeof preset);
    input_log_init(&preset.events);
    preset.seed = 12345; /* a fixed attempt; the driver copes with any cleave */
    app->preset = &preset;
    if (!app->scenario || !app_open_scene(app, SCENE_EXERCISE)) {
        CHECK(false);
        app_destroy(app);
        return;
    }
    app->preset = NULL;
    const Scenario *scn = app->scenario;
    int fusions = 0, held_steps = 0;
    for (int guard = 0; guard < 60 && running(app); guard++) {
        settle(app);
        const SpliceView *v = view(app);
        switch (v->phase) {
        case SPLICE_PHASE_PREPARE:
            bin_offcuts(app);
            if (v->vgroove_debris > 0.0 && fusions > 0) choose(app, "clean_vgroove");
            prepare(app, SPLICE_LEFT);
            prepare(app, SPLICE_RIGHT);
            choose(app, "close_cover");
            break;
        case SPLICE_PHASE_CHECK:
            if (face_bad(v, SPLICE_LEFT)) {
                choose(app, "reprepare_left");
            } else if (face_bad(v, SPLICE_RIGHT)) {
                choose(app, "reprepare_right");
            } else {
                CHECK(picture(app)->motor_shown);
                held_steps += align(app);
                CHECK(steps_of(view(app)->screen.align_x_um) == 0 && steps_of(view(app)->screen.align_y_um) == 0);
                fusions++;
                choose(app, "splice");
            }
            break;
        case SPLICE_PHASE_RESULT: {
            const SpliceScreenView *sv = &v->screen;
            bool bad = sv->bubble || sv->dust_line || sv->fat || sv->thin || sv->estimate_db > sv->accept_max_db;
            choose(app, bad ? "redo" : "accept");
            break;
        }
        case SPLICE_PHASE_PROTECT: {
            const SpliceBench *g = splice_bench();
            double x = g->splicer_x + v->sleeve_centre_mm;
            drag(app, x, g->splicer_y, x + (v->bare_centre_mm - v->sleeve_centre_mm), g->splicer_y, 40);
            choose(app, "heat");
            break;
        }
        case SPLICE_PHASE_HEATING:
            while (running(app) && view(app)->heater_s < v->heat_program_s + v->cool_s + 0.5) pump(app, 0.08);
            choose(app, "oven_out");
            break;
        case SPLICE_PHASE_COIL:
            bin_offcuts(app);
            coil(app, 35.0);
            choose(app, "finish");
            break;
        case SPLICE_PHASE_DONE:
        default:
            pump(app, 0.01);
            break;
        }
    }
    pump(app, 0.01);
    CHECK_MSG(app->scene == SCENE_RESULT, "the job did not end (scene %d)", (int)app->scene);
    CHECK(app->have_result);
    CHECK_MSG(app->result.passed, "not passed: %.1f/100", app->result.total);
    CHECK_MSG(held_steps >= 3, "holding a motor key made %d steps", held_steps);
    printf("finger-only manual splice: %.1f/100, %s, %d fusion(s), %d steps from held keys\n", app->result.total,
           app->result.passed ? "passed" : "not passed", fusions, held_steps);
    for (size_t i = 0; i < app->result.n_criteria; i++) {
        const CriterionResult *c = &app->result.criteria[i];
        printf("  %-16s %8.3f  credit %.2f\n", c->def.id, c->value, c->credit);
    }
    for (size_t i = 0; i < app->result.n_penalties; i++) {
        const PenaltyResult *p = &app->result.penalties[i];
        if (p->count) printf("  penalty %-16s x%u  -%.1f\n", p->def.id, (unsigned)p->count, p->points);
    }

    /* the record: motor keys as key actions, finger pointers only */
    char path[4096] = "";
    CHECK(journal_each(&app->journal, first_record, path) == 1);
    AttemptRecord rec;
    DiagList d;
    diag_list_init(&d);
    CHECK(record_load(path, &rec, &d));
    size_t keys = 0, mouse = 0, finger = 0;
    for (size_t i = 0; i < rec.events.count; i++) {
        const InputEvent *e = &rec.events.items[i];
        if (e->kind == INPUT_KEY) keys++;
        if (e->kind <= INPUT_POINTER_UP && e->pointer == 0) mouse++;
        if (e->kind <= INPUT_POINTER_UP && e->pointer != 0) finger++;
    }
    CHECK(keys > 0);
    CHECK(mouse == 0);
    CHECK(finger > 0);
    Result again;
    CHECK(attempt_replay(scn, rec.seed, rec.events.items, rec.events.count, rec.end_tick, rec.status, &again));
    CHECK(result_equal(&again, &rec.result));
    record_finish(&rec);
    diag_list_finish(&d);
    app_destroy(app);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    source_root = argv[1];
    setenv("FIBRESIM_SOURCE_ROOT", source_root, 1);
    i18n_init(argv[0]);
    char root[] = "/tmp/fibresim-test-touch-XXXXXX";
    CHECK(mkdtemp(root) != NULL);
    CHECK(SDL_Init(SDL_INIT_EVENTS) == 0);
    char preset[4200], data[4200];
    snprintf(preset, sizeof preset, "%s/manual.json", root);
    CHECK_MSG(splice_state_write("manual", preset) != 0, "no seed reaches the manual alignment screen");
    static const char *const langs[] = {"fr", "en"};
    static const int sizes[][2] = {{1280, 720}, {1024, 600}};
    for (int l = 0; l < 2; l++) {
        for (int z = 0; z < 2; z++) {
            snprintf(data, sizeof data, "%s/keys-%s-%d", root, langs[l], z);
            check_keys(data, preset, langs[l], sizes[z][0], sizes[z][1]);
        }
    }
    snprintf(data, sizeof data, "%s/job", root);
    whole_job(data);
    SDL_Quit();
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    CHECK(system(cmd) == 0);
    return test_done("touch_splice");
}
