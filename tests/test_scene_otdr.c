/*
 * test_scene_otdr.c - the OTDR instrument screen drawn headless (software
 * renderer) in the states a trainee goes through, in French and English and
 * at the two window sizes the exercise screen gives it (1280x720 and
 * 1024x600): settings before the first trace, a whole trace, zoomed on an
 * event with the cursors placed and the event table, the results table, both
 * directions and their average, a recorded trace. Each picture: no text
 * overflow, not blank, the trace and the cursors drawn where the pixel <->
 * metre mapping puts them, keys found where they are drawn, buttons and
 * prompt present. The pictures are saved in <build>/tests/render/.
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "gfx.h"
#include "i18n.h"
#include "module_scene.h"
#include "module_scenes.h"
#include "otdr_bot.h"
#include "scene_canvas.h"
#include "scene_otdr.h"
#include "theme.h"

/* Pixel column whose centre maps nearest to x_m (on the plot's middle row). */
static int column_of(const ModuleScene *ms, void *self, const ModuleSceneEnv *env, double x_m, int row)
{
    int best = -1;
    double bd = 1e300;
    for (int x = 0; x < env->area.w; x++) {
        double mx, my;
        if (ms->to_scene(self, env, x, row, &mx, &my) && fabs(mx - x_m) < bd) {
            bd = fabs(mx - x_m);
            best = x;
        }
    }
    return best;
}

/* A row inside the plot: the first one to_scene accepts below a quarter. */
static int plot_row(const ModuleScene *ms, void *self, const ModuleSceneEnv *env)
{
    double mx, my;
    for (int y = env->area.h / 4; y < env->area.h; y++) {
        if (ms->to_scene(self, env, env->area.w / 4, y, &mx, &my)) {
            return y + 20;
        }
    }
    return -1;
}

static void draw(Canvas *c, const ModuleScene *ms, void *self, const Attempt *a, const char *name)
{
    canvas_draw_checked(c, ms, self, attempt_module_state(a), "otdr", name);
    SceneButton b[9];
    size_t n = ms->buttons(self, attempt_module_state(a), b, 9);
    CHECK(n >= 2 && n <= 9);
    for (size_t i = 0; i < n; i++) {
        CHECK(b[i].label && b[i].label[0]);
    }
    const char *prompt = ms->prompt(self, attempt_module_state(a), true);
    CHECK(prompt && prompt[0]);
}

/* The key with this id is drawn where choice_at finds it: its centre pixel
 * (found by scanning) answers the id. */
static bool find_key(const ModuleScene *ms, void *self, const Canvas *c, const Attempt *a, const char *id, int *kx,
                     int *ky)
{
    char got[32];
    for (int y = 0; y < c->h; y += 4) {
        for (int x = 0; x < c->w; x += 4) {
            if (ms->choice_at(self, &c->env, attempt_module_state(a), x, y, got) && strcmp(got, id) == 0) {
                *kx = x;
                *ky = y;
                return true;
            }
        }
    }
    return false;
}

static void run(const char *lang, int w, int h, float scale)
{
    i18n_set_language(lang);
    const ModuleScene *ms = &otdr_scene;
    Canvas c;
    Scenario *scn = otdr_bot_scenario("splice-loss");
    if (!scn || !canvas_open(&c, lang, w, h, scale, 0.5)) {
        scenario_destroy(scn);
        return;
    }
    void *self = ms->create(scn);
    Attempt *a = attempt_create(scn, 9);
    const OtdrView *v = bot_view(a);

    /* Settings, no trace yet: the keys of the settings panel are where the
     * scene says; a press on "pulse:+" is that key's. */
    bot_choice(a, "launch");
    draw(&c, ms, self, a, "settings");
    int kx = 0, ky = 0;
    CHECK(find_key(ms, self, &c, a, "pulse:+", &kx, &ky));
    CHECK(find_key(ms, self, &c, a, "tab:events", &kx, &ky));
    double mx, my;
    CHECK(!ms->to_scene(self, &c.env, kx, ky, &mx, &my)); /* a key is not the plot */
    bot_choice(a, "receive");

    /* Acquiring: the progress box. */
    bot_choice(a, "acquire");
    bot_idle(a, 700);
    CHECK(v->acquiring);
    draw(&c, ms, self, a, "acquiring");
    bot_idle(a, 900);
    CHECK(!v->acquiring && v->trace);

    /* The whole trace. The trace colour is found in the plot column of the
     * first fibre; cursor A's colour in its column. */
    draw(&c, ms, self, a, "trace");
    int row = plot_row(ms, self, &c.env);
    CHECK(row > 0);
    int col_a = column_of(ms, self, &c.env, v->cursor_m[0], row);
    CHECK(col_a >= 0);
    if (col_a >= 0) {
        SDL_Color p = canvas_pixel(&c, col_a, row);
        CHECK_MSG(near_colour(p, otdr_cursor_a, 30), "cursor A column %d: %d %d %d", col_a, p.r, p.g, p.b);
    }
    bool trace_seen = false;
    int col_fibre = column_of(ms, self, &c.env, 300.0, row);
    for (int y = 0; y < c.h && col_fibre >= 0; y++) {
        trace_seen = trace_seen || near_colour(canvas_pixel(&c, col_fibre, y), otdr_trace_col, 20);
    }
    CHECK_MSG(trace_seen, "the trace is drawn over the launch cable at 300 m");

    /* The save key writes the trace shown under DATA/exports/, with the
     * trainee as operator, and says so. */
    char dir[] = "/tmp/fibresim-scene-otdr-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    c.env.data_dir = dir;
    c.env.trainee_name = "Stéphane Müller";
    c.env.scenario_id = scn->id;
    CHECK(find_key(ms, self, &c, a, "app:export", &kx, &ky));
    ms->app_action(self, &c.env, attempt_module_state(a), "app:export");
    char cmd[512], path[512] = "";
    snprintf(cmd, sizeof cmd, "ls '%s'/exports/*.sor 2>/dev/null", dir);
    FILE *ls = popen(cmd, "r");
    if (ls) {
        if (fgets(path, sizeof path, ls)) {
            path[strcspn(path, "\n")] = '\0';
        }
        pclose(ls);
    }
    SorFile f;
    SorError err;
    CHECK_MSG(path[0] && sor_read_file(&f, path, &err), "exported file: %s", path);
    if (path[0]) {
        CHECK_STR(f.gen.operator_name, "Stéphane Müller");
        CHECK_STR(f.gen.cable_id, "TR-118");
        CHECK(f.point_count == v->trace->points);
        sor_finish(&f);
    }
    draw(&c, ms, self, a, "saved");
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    c.env.data_dir = NULL;

    /* Zoomed on the splice with the cursors placed by the table, events tab. */
    bot_choice(a, "tab:events");
    int s1 = bot_event_near(a, 2500, 5);
    CHECK(s1 > 0);
    bot_mark(a, 1, "connector");
    bot_select_event(a, s1);
    draw(&c, ms, self, a, "event_table");
    col_a = column_of(ms, self, &c.env, v->cursor_m[0], row);
    int col_b = column_of(ms, self, &c.env, v->cursor_m[1], row);
    CHECK(col_a >= 0 && col_b > col_a);
    if (col_b >= 0) {
        SDL_Color p = canvas_pixel(&c, col_b, row);
        CHECK_MSG(near_colour(p, otdr_cursor_b, 30), "cursor B column %d: %d %d %d", col_b, p.r, p.g, p.b);
    }
    char id[32];
    snprintf(id, sizeof id, "ev:%d", s1);
    CHECK(find_key(ms, self, &c, a, id, &kx, &ky));
    CHECK(find_key(ms, self, &c, a, "mark:ghost", &kx, &ky));

    /* Cursors dragged, zoom on them; the results table with a value. */
    bot_cursor(a, 0, 2400);
    bot_cursor(a, 1, 2600);
    bot_choice(a, "zoom:cursors");
    bot_record(a, "s1_loss");
    bot_choice(a, "ans:s1_ok");
    draw(&c, ms, self, a, "results");
    CHECK(find_key(ms, self, &c, a, "ans:s1_loss", &kx, &ky));

    /* A hint asked (the scenario has none: nothing changes) and the notice. */
    bot_choice(a, "wl:1625"); /* not offered: a notice */
    CHECK(v->notice == OTDR_NOTICE_NOT_ALLOWED);
    draw(&c, ms, self, a, "notice");
    attempt_destroy(a);
    ms->destroy(self);
    scenario_destroy(scn);

    /* Both directions and their average. */
    scn = otdr_bot_scenario("gainer");
    if (scn) {
        self = ms->create(scn);
        a = attempt_create(scn, 9);
        v = bot_view(a);
        bot_choices(a, (const char *const[]){"launch", "receive", "hint", NULL});
        bot_acquire(a);
        bot_choice(a, "dir:b");
        bot_acquire(a);
        bot_choice(a, "average");
        CHECK(v->trace_kind == OTDR_TRACE_AVERAGE);
        bot_choice(a, "tab:settings");
        draw(&c, ms, self, a, "bidirectional");
        CHECK(find_key(ms, self, &c, a, "trace:1310:a", &kx, &ky));
        CHECK(find_key(ms, self, &c, a, "trace:1310:avg", &kx, &ky));
        attempt_destroy(a);
        ms->destroy(self);
        scenario_destroy(scn);
    }

    /* A recorded trace, zoomed on its gainer. */
    scn = otdr_bot_scenario("reading-anritsu");
    if (scn) {
        self = ms->create(scn);
        a = attempt_create(scn, 9);
        bot_select_event(a, 1);
        bot_mark(a, 1, "splice");
        draw(&c, ms, self, a, "recorded");
        bot_choice(a, "tab:settings");
        draw(&c, ms, self, a, "recorded_settings");
        attempt_destroy(a);
        ms->destroy(self);
        scenario_destroy(scn);
    }

    /* The recette's long results table. */
    scn = otdr_bot_scenario("recette-pm-pto");
    if (scn) {
        self = ms->create(scn);
        a = attempt_create(scn, 9);
        bot_choice(a, "ans:total_1550");
        draw(&c, ms, self, a, "recette_results");
        CHECK(find_key(ms, self, &c, a, "ans:total_1550", &kx, &ky));
        attempt_destroy(a);
        ms->destroy(self);
        scenario_destroy(scn);
    }
    canvas_close(&c);
}

int main(void)
{
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "SDL/TTF init: %s\n", SDL_GetError());
        return 1;
    }
    i18n_init(NULL);
    /* The picture area of the exercise screen at 1280x720 and 1024x600. */
    run("fr", 1251, 477, 1.0f);
    run("en", 1251, 477, 1.0f);
    run("fr", 1001, 405, 0.8f);
    run("en", 1001, 405, 0.8f);
    TTF_Quit();
    SDL_Quit();
    return test_done("scene_otdr");
}
