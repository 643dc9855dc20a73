/*
 * test_endface_scene.c - the microscope picture puts each feature where the
 * model says, in micrometres, and a tap on it reaches the module at that
 * place.
 *
 * The front end runs headless (software renderer, 1280x720) and is driven
 * by SDL events as a trainee would: key 1 puts the probe on the patch cord,
 * "-" turns the focus wheel back to sharp, "i" / "o" switch 400x / 200x. Two
 * scenarios differ by one dark pit at a known (x, y) um; at each
 * magnification the picture of each is read back and their difference is
 * the pit alone. Its centroid, in pixels, is checked two ways:
 *   1. independently of the scene's code: the round field of view (black
 *      around it) gives the picture's centre and radius in pixels, and the
 *      field is 300 um across at 400x and 600 um at 200x (documented); the
 *      pit's offset from the centre, so scaled, must be the model's (x, y);
 *   2. through the scene's own mapping: a mouse press on the centroid's
 *      pixel becomes a pointer event in um (recorded with the attempt, read
 *      back from the journal), which must be the model's (x, y).
 * Both within one pixel (the pixel's size in um at that magnification).
 *
 * Then the scene's logic alone (ModuleScene calls on a live attempt): a drag
 * up the focus wheel sends one "fine_plus" key per step and the focus
 * follows them; the light buttons send up/down; a press on the picture is
 * not a control; the picture's centre is the fibre axis; on the bench a tap
 * on the port picks it for the buttons, a tap on the panel's cord row the
 * cord. The exam scenario draws no probe verdict (PASS/FAIL banner) where
 * the same scenario with hints does, nor the module's "verdict right" note.
 *
 * argv[1]: the source tree (fonts); FIBRESIM_LOCALEDIR: the build's po.
 */
#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "app_drive.h"
#include "check.h"
#include "endface_scene.h"
#include "fibresim/attempt.h"
#include "fibresim/journal.h"
#include "fibresim/record.h"
#include "fibresim/scenario.h"
#include "headless.h"
#include "module_scene.h"
#include "theme.h"
#include "i18n.h"

#define PIT_X_UM 72.0
#define PIT_Y_UM (-93.5)
#define PIT_D_UM 3.0

static const char *scenario_text(bool pit)
{
    static char buf[4096];
    char pit_json[160];
    snprintf(pit_json, sizeof pit_json, "{\"kind\": \"pit\", \"x_um\": %.2f, \"y_um\": %.2f, \"size_um\": %.2f}",
             PIT_X_UM, PIT_Y_UM, PIT_D_UM);
    snprintf(buf, sizeof buf,
             "{\"schema\": 1, \"id\": \"test.%s\", \"version\": 1, \"module\": \"endface\",\n"
             " \"title\": {\"fr\": \"Piqûre\", \"en\": \"Pit\"},\n"
             " \"goal\": {\"fr\": \"Trouver la piqûre.\", \"en\": \"Find the pit.\"},\n"
             " \"instructions\": {\"fr\": \"Inspectez.\", \"en\": \"Inspect.\"},\n"
             " \"difficulty\": 1, \"time_limit_s\": 0, \"hints\": false,\n"
             " \"setup\": {\"patch_cord\": {\"type\": \"sm_upc\", \"features\": [%s]},\n"
             "           \"port\": {\"type\": \"sm_upc\", \"features\": []}},\n"
             " \"rubric\": {\"pass_mark\": 50, \"criteria\": [{\"id\": \"final\", \"measure\": \"final_iec_pass\",\n"
             "             \"weight\": 1, \"band\": {\"ok_min\": 1}}]}}\n",
             pit ? "pit" : "clean",
             pit ? pit_json : "");
    return buf;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Opens the exercise of scenario file path, the probe on the patch cord,
 * in focus (the probe lands 14 um off on a first inspection: 7 steps of 2). */
static bool open_inspection(App *app, const char *path)
{
    size_t before = app->catalog.count;
    CHECK(catalog_add_file(&app->catalog, path));
    CHECK(app->catalog.count == before + 1);
    if (app->catalog.count != before + 1) return false;
    app->scenario = app->catalog.items[app->catalog.count - 1];
    CHECK(app_open_scene(app, SCENE_EXERCISE));
    drive_frames(app, 2);
    drive_key(app, SDLK_1); /* "Inspect the cord" */
    for (int i = 0; i < 7; i++) drive_key(app, SDLK_MINUS);
    drive_frames(app, 2);
    return app->scene == SCENE_EXERCISE;
}

typedef struct Shot {
    uint8_t *rgba;
    int w, h;
} Shot;

static Shot shot(App *app)
{
    drive_frames(app, 2);
    Shot s = {headless_read_rgba(app), app->w, app->h};
    CHECK(s.rgba != NULL);
    return s;
}

static float lum(const Shot *s, long i)
{
    const uint8_t *p = s->rgba + 4 * i;
    return ((float)p[0] + (float)p[1] + (float)p[2]) / 3.0f;
}

/* Centroid (pixel coordinates, pixel centres at +0.5) of what is darker in
 * a than in b. */
static bool darker_centroid(const Shot *a, const Shot *b, double *cx, double *cy)
{
    float max_d = 0.0f;
    for (long i = 0; i < (long)a->w * a->h; i++) {
        float d = lum(b, i) - lum(a, i);
        if (d > max_d) max_d = d;
    }
    CHECK_MSG(max_d > 40.0f, "the pit darkens the picture by %.0f levels only", (double)max_d);
    double sw = 0, sx = 0, sy = 0;
    long n = 0;
    for (long i = 0; i < (long)a->w * a->h; i++) {
        double d = (double)(lum(b, i) - lum(a, i));
        if (d > 0.1 * (double)max_d) {
            sw += d;
            sx += d * ((double)(i % a->w) + 0.5);
            sy += d * ((double)(i / a->w) + 0.5);
            n++;
        }
    }
    printf("pit blob: %ld pixels, darkest %.0f levels\n", n, (double)max_d);
    if (sw <= 0) return false;
    *cx = sx / sw;
    *cy = sy / sw;
    return true;
}

/* The run of field pixels (brighter than the black around the round field
 * and the probe's dark bezel) through pixel (x, y) along a row (dx = 1) or
 * a column: its first and last pixel. */
static bool run_through(const Shot *s, int x, int y, bool row, int *lo, int *hi)
{
    const float black = 30.0f; /* surround ~7 levels, bezel ~25, field edge ~70 */
    int n = row ? s->w : s->h, at = row ? x : y;
    if (at < 0 || at >= n) return false;
    int a = at, b = at;
    while (a > 0 && lum(s, row ? (long)y * s->w + (a - 1) : (long)(a - 1) * s->w + x) > black) a--;
    while (b < n - 1 && lum(s, row ? (long)y * s->w + (b + 1) : (long)(b + 1) * s->w + x) > black) b++;
    *lo = a;
    *hi = b;
    return a > 0 && b < n - 1;
}

/* The round field of view, found from the picture alone: the chord along
 * the row through (px, py) has its middle on the centre's column; the
 * column there is a diameter. Centre and radius in pixels. */
static bool field_of(const Shot *s, double px, double py, double *cx, double *cy, double *r)
{
    int x0, x1, y0, y1;
    if (!run_through(s, (int)px, (int)py, true, &x0, &x1)) return false;
    *cx = (x0 + x1 + 1) * 0.5;
    if (!run_through(s, (int)*cx, (int)py, false, &y0, &y1)) return false;
    *cy = (y0 + y1 + 1) * 0.5;
    *r = (y1 - y0 + 1) * 0.5;
    return *r > 50.0;
}

static bool first_record(const char *path, void *user)
{
    char *out = user;
    AttemptRecord rec;
    DiagList d;
    diag_list_init(&d);
    if (record_load(path, &rec, &d)) {
        if (strcmp(rec.scenario_id, "test.pit") == 0) snprintf(out, 4096, "%s", path);
        record_finish(&rec);
    }
    diag_list_finish(&d);
    return true;
}

static void logic_checks(App *app, const Scenario *scn)
{
    const ModuleScene *ms = module_scene_find("endface");
    CHECK(ms != NULL && ms->control && ms->observe);
    if (!ms) return;
    EfScene *s = ms->create(scn);
    Attempt *a = attempt_create(scn, 7);
    CHECK(s != NULL && a != NULL);
    if (!s || !a) return;
    ModuleSceneEnv env = {.renderer = app->renderer, .gfx = app->gfx, .lang = "fr", .area = {20, 150, 1240, 480}, .text_scale = 1.0f};
    InputEvent e = input_choice(0, "inspect_patch");
    ms->observe(s, &e, attempt_module_state(a));
    attempt_step(a, &e, 1);
    CHECK_NEAR(s->focus_um, 14.0, 1e-9); /* a first inspection lands 14 um off */
    ms->draw(s, &env, attempt_module_state(a));
    EfMicroLayout l;
    efmicro_layout(&env, 200, &l);
    InputEvent out[MODULE_SCENE_CONTROL_OUT];
    size_t n = 99;
    int wx = (int)(l.wheel.x + l.wheel.w * 0.5f), wy = (int)(l.wheel.y + l.wheel.h * 0.5f);
    CHECK(ms->control(s, &env, INPUT_POINTER_DOWN, 0, wx, wy, out, &n));
    CHECK(n == 0);
    float step = EFS_WHEEL_STEP_PT * gfx_layout_scale(app->gfx);
    CHECK(ms->control(s, &env, INPUT_POINTER_MOVE, 0, wx, wy - (int)(3.0f * step + 1.0f), out, &n));
    CHECK_MSG(n == 3, "%zu focus steps for a drag of 3 steps", n);
    for (size_t i = 0; i < n; i++) {
        CHECK(out[i].kind == INPUT_KEY && out[i].action == ACTION_FINE_PLUS);
        ms->observe(s, &out[i], attempt_module_state(a));
        attempt_step(a, &out[i], 1);
    }
    CHECK_NEAR(s->focus_um, 14.0 + 3 * 2.0, 1e-9);
    CHECK(ms->control(s, &env, INPUT_POINTER_UP, 0, wx, wy - (int)(3.0f * step + 1.0f), out, &n));
    CHECK(n == 0); /* a drag, not a tap */
    int lx = (int)(l.light_plus.x + l.light_plus.w * 0.5f), ly = (int)(l.light_plus.y + l.light_plus.h * 0.5f);
    CHECK(ms->control(s, &env, INPUT_POINTER_DOWN, 0, lx, ly, out, &n));
    CHECK(n == 1 && out[0].kind == INPUT_KEY && out[0].action == ACTION_UP);
    ms->observe(s, &out[0], attempt_module_state(a));
    CHECK(s->brightness == 1);
    CHECK(ms->control(s, &env, INPUT_POINTER_UP, 0, lx, ly, out, &n) && n == 0);
    /* the picture is the module's: its centre is the fibre axis */
    int cx = l.image.x + l.image.w / 2, cy = l.image.y + l.image.h / 2;
    CHECK(!ms->control(s, &env, INPUT_POINTER_DOWN, 0, cx, cy, out, &n));
    double x = 99, y = 99;
    CHECK(ms->to_scene(s, &env, cx, cy, &x, &y));
    CHECK_NEAR(x, 0.5 / l.px_per_um, 1e-9);
    CHECK_NEAR(y, -0.5 / l.px_per_um, 1e-9);
    CHECK(!ms->to_scene(s, &env, l.image.x + 1, l.image.y + 1, &x, &y)); /* black corner */
    /* back on the bench: pixels are millimetres, a tap on the port picks it */
    e = input_choice(0, "back");
    ms->observe(s, &e, attempt_module_state(a));
    attempt_step(a, &e, 1);
    ms->draw(s, &env, attempt_module_state(a));
    CHECK(!ms->control(s, &env, INPUT_POINTER_DOWN, 0, cx, cy, out, &n));
    EfBenchLayout b;
    efbench_layout(&env, &b);
    SDL_FPoint port = efbench_to_px(&b, 330.0, 200.0);
    CHECK(ms->to_scene(s, &env, (int)port.x, (int)port.y, &x, &y));
    CHECK_NEAR(x, 330.0, 1.0 / (double)b.px_per_mm);
    CHECK_NEAR(y, 200.0, 1.0 / (double)b.px_per_mm);
    SceneButton btn[9];
    CHECK(ms->buttons(s, attempt_module_state(a), btn, 9) == 5);
    CHECK_STR(btn[0].id, "inspect_patch");
    e = input_pointer(0, INPUT_POINTER_DOWN, 0, x, y);
    ms->observe(s, &e, attempt_module_state(a));
    attempt_step(a, &e, 1);
    CHECK(ms->buttons(s, attempt_module_state(a), btn, 9) == 5);
    CHECK_STR(btn[0].id, "inspect_port");
    CHECK_STR(btn[3].id, "look_port");
    /* a tap on the panel's cord row picks the cord again (a recorded Left key) */
    SDL_FRect rows[EF_SIDE_COUNT];
    efbench_side_rows(app->gfx, &b, false, rows);
    int rx = (int)(rows[EF_SIDE_PATCH].x + 10.0f), ry = (int)(rows[EF_SIDE_PATCH].y + rows[EF_SIDE_PATCH].h * 0.5f);
    CHECK(ms->control(s, &env, INPUT_POINTER_DOWN, 0, rx, ry, out, &n));
    CHECK(n == 1 && out[0].kind == INPUT_KEY && out[0].action == ACTION_LEFT);
    ms->observe(s, &out[0], attempt_module_state(a));
    CHECK(ms->control(s, &env, INPUT_POINTER_UP, 0, rx, ry, out, &n) && n == 0);
    CHECK(ms->buttons(s, attempt_module_state(a), btn, 9) == 5);
    CHECK_STR(btn[0].id, "inspect_patch");
    attempt_destroy(a);
    ms->destroy(s);
}

/* Pixels of colour c inside rect r of an RGBA picture. */
static long count_colour(const uint8_t *rgba, int w, SDL_Rect r, SDL_Color c)
{
    long n = 0;
    for (int y = r.y; y < r.y + r.h; y++) {
        for (int x = r.x; x < r.x + r.w; x++) {
            const uint8_t *p = rgba + 4 * ((size_t)y * (size_t)w + (size_t)x);
            n += p[0] == c.r && p[1] == c.g && p[2] == c.b;
        }
    }
    return n;
}

/* The exam (scenarios/endface/exam.json, "hints": false) never shows the
 * probe's own PASS/FAIL: after a FAIL verdict and a second look at the same
 * face, the picture has no banner, where the same scenario with hints has
 * one (a patch of the fail colour over the field of view); nor the note
 * that the verdict was right (its tick in the pass colour). */
static void exam_banner_checks(App *app, const char *src_root, const char *dir)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/scenarios/endface/exam.json", src_root);
    FILE *f = fopen(path, "rb");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f) return;
    static char text[16384];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    char *h = strstr(text, "\"hints\": false");
    CHECK_MSG(h != NULL, "exam.json has no \"hints\": false");
    if (!h) return;
    char hinted_path[4300];
    snprintf(hinted_path, sizeof hinted_path, "%s/exam-hinted.json", dir);
    FILE *o = fopen(hinted_path, "wb");
    CHECK(o != NULL);
    if (!o) return;
    fwrite(text, 1, (size_t)(h - text), o);
    fputs("\"hints\": true", o);
    fputs(h + strlen("\"hints\": false"), o);
    fclose(o);

    const char *files[2] = {path, hinted_path};
    long fail_px[2] = {-1, -1}, ok_px[2] = {-1, -1};
    for (int k = 0; k < 2; k++) {
        DiagList d;
        diag_list_init(&d);
        Scenario *scn = scenario_load_file(files[k], &d);
        CHECK_MSG(scn != NULL, "%s does not load", files[k]);
        diag_list_finish(&d);
        if (!scn) continue;
        CHECK(scn->hints == (k == 1));
        const ModuleScene *ms = module_scene_find("endface");
        EfScene *s = ms->create(scn);
        Attempt *a = attempt_create(scn, 3);
        CHECK(s != NULL && a != NULL);
        if (s && a) {
            ModuleSceneEnv env = {.renderer = app->renderer, .gfx = app->gfx, .lang = "fr",
                                  .area = {20, 150, 1240, 480}, .text_scale = 1.0f};
            const char *steps[3] = {"inspect_patch", "verdict_fail", "inspect_patch"};
            for (int i = 0; i < 3; i++) {
                InputEvent e = input_choice(0, steps[i]);
                ms->observe(s, &e, attempt_module_state(a));
                attempt_step(a, &e, 1);
            }
            EndfaceView v;
            endface_view(attempt_module_state(a), &v);
            CHECK(v.phase == EF_PHASE_INSPECTING && v.sides[EF_SIDE_PATCH].verdict_current);
            CHECK(efpanel_grader_visible(s, &v, EF_SIDE_PATCH) == (k == 1));
            /* the module said the verdict was right; only the hinted copy tells */
            CHECK(v.n_notes == 1 && v.notes[0].code == EF_NOTE_VERDICT_RIGHT);
            CHECK(efpanel_notes_shown(s, &v) == (k == 1 ? 1u : 0u));
            CHECK(efpanel_note_shown(s, EF_NOTE_LOOKED_INTO) && efpanel_note_shown(s, EF_NOTE_SHORT_PUSH));
            CHECK(efpanel_note_shown(s, EF_NOTE_OIL_SMEARED) == (k == 1));
            SDL_SetRenderDrawColor(app->renderer, 0, 0, 0, 255);
            SDL_RenderClear(app->renderer);
            ms->draw(s, &env, attempt_module_state(a));
            uint8_t *px = headless_read_rgba(app);
            CHECK(px != NULL);
            EfMicroLayout l;
            efmicro_layout(&env, v.magnification, &l);
            if (px) {
                fail_px[k] = count_colour(px, app->w, l.image, theme.fail);
                ok_px[k] = count_colour(px, app->w, (SDL_Rect){0, 0, app->w, app->h}, theme.ok);
            }
            free(px);
        }
        attempt_destroy(a);
        ms->destroy(s);
        scenario_destroy(scn);
    }
    printf("fail-coloured pixels over the field of view: exam %ld, same with hints %ld\n", fail_px[0], fail_px[1]);
    CHECK_MSG(fail_px[0] == 0, "the exam's picture shows the probe's verdict (%ld px)", fail_px[0]);
    CHECK_MSG(fail_px[1] > 2000, "the hinted copy shows no banner (%ld px): the check is blind", fail_px[1]);
    /* the "verdict right" note's tick: pass-coloured pixels anywhere */
    printf("pass-coloured pixels on the screen: exam %ld, same with hints %ld\n", ok_px[0], ok_px[1]);
    CHECK_MSG(ok_px[0] == 0, "the exam's screen tells the verdict was right (%ld px)", ok_px[0]);
    CHECK_MSG(ok_px[1] > 50, "the hinted copy shows no note (%ld px): the check is blind", ok_px[1]);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    i18n_init(argv[0]);
    char dir[] = "/tmp/fibresim-test-efscene-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char data[4200], scns[4200], pit_path[4300], clean_path[4300];
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(scns, sizeof scns, "%s/scenarios", dir);
    snprintf(pit_path, sizeof pit_path, "%s/pit.json", dir);
    snprintf(clean_path, sizeof clean_path, "%s/clean.json", dir);
    write_file(pit_path, scenario_text(true));
    write_file(clean_path, scenario_text(false));
    char err[512] = "";
    App *app = drive_app_create(data, scns, err, sizeof err);
    CHECK_MSG(app != NULL, "%s", err);
    if (!app) return test_done("endface_scene");

    /* pictures: clean face then pitted face, at 400x and 200x */
    Shot clean[2], pit[2];
    CHECK(open_inspection(app, clean_path));
    drive_key(app, SDLK_i);
    clean[0] = shot(app);
    drive_key(app, SDLK_o);
    clean[1] = shot(app);
    CHECK(drive_stop_exercise(app));
    CHECK(open_inspection(app, pit_path));
    drive_key(app, SDLK_i);
    pit[0] = shot(app);
    drive_key(app, SDLK_o);
    pit[1] = shot(app);

    const double fov_um[2] = {300.0, 600.0}; /* 400x, 200x: the documented fields of view */
    double cx[2] = {0, 0}, cy[2] = {0, 0}, pixel_um[2] = {1, 1};
    for (int m = 0; m < 2; m++) {
        if (!clean[m].rgba || !pit[m].rgba) continue;
        CHECK(darker_centroid(&pit[m], &clean[m], &cx[m], &cy[m]));
        double fx = 0, fy = 0, fr = 0;
        CHECK(field_of(&clean[m], cx[m], cy[m], &fx, &fy, &fr));
        pixel_um[m] = fov_um[m] / (2.0 * fr);
        double x_um = (cx[m] - fx) * pixel_um[m], y_um = (fy - cy[m]) * pixel_um[m];
        printf("%s: field centre (%.1f, %.1f) radius %.1f px, pixel %.3f um; pit at pixel (%.2f, %.2f) = "
               "(%.2f, %.2f) um, model (%.2f, %.2f)\n",
               m == 0 ? "400x" : "200x", fx, fy, fr, pixel_um[m], cx[m], cy[m], x_um, y_um, PIT_X_UM, PIT_Y_UM);
        CHECK_NEAR(x_um, PIT_X_UM, pixel_um[m]);
        CHECK_NEAR(y_um, PIT_Y_UM, pixel_um[m]);
    }
    /* through the scene's mapping: press on the pit's pixel at 200x, then at 400x */
    drive_click(app, (int)floor(cx[1]), (int)floor(cy[1]));
    drive_key(app, SDLK_i);
    drive_frames(app, 2);
    drive_click(app, (int)floor(cx[0]), (int)floor(cy[0]));
    CHECK(drive_stop_exercise(app));
    char path[4096] = "";
    journal_each(&app->journal, first_record, path);
    CHECK_MSG(path[0] != '\0', "no record of the pit attempt in the journal");
    AttemptRecord rec;
    DiagList d;
    diag_list_init(&d);
    if (path[0] && record_load(path, &rec, &d)) {
        int seen = 0;
        for (size_t i = 0; i < rec.events.count; i++) {
            const InputEvent *e = &rec.events.items[i];
            if (e->kind != INPUT_POINTER_DOWN) continue;
            int m = seen == 0 ? 1 : 0; /* 200x first */
            printf("press %d (%s): (%.3f, %.3f) um\n", seen, m ? "200x" : "400x", e->x, e->y);
            if (seen < 2) {
                CHECK_NEAR(e->x, PIT_X_UM, pixel_um[m]);
                CHECK_NEAR(e->y, PIT_Y_UM, pixel_um[m]);
            }
            seen++;
        }
        CHECK_MSG(seen == 2, "%d presses recorded, 2 expected", seen);
        record_finish(&rec);
    }
    diag_list_finish(&d);
    for (int m = 0; m < 2; m++) {
        free(clean[m].rgba);
        free(pit[m].rgba);
    }
    logic_checks(app, app->catalog.items[app->catalog.count - 1]);
    exam_banner_checks(app, argv[1], dir);
    app_destroy(app);
    SDL_Quit();
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    return test_done("endface_scene");
}
