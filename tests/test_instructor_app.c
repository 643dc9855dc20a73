/*
 * test_instructor_app.c - the instructor area driven headless through SDL
 * events, on a data folder of true attempts (tests/report_fixture.c):
 *   - the trainee list cannot be opened without the PIN: it sends to the PIN
 *     screen; on first use the PIN is typed twice and stored hashed;
 *   - arrows and Enter open a trainee's page; Escape leaves the area, locked;
 *   - three wrong PINs lock the door: the right PIN is refused until the
 *     wait is over, then accepted;
 *   - the replay viewer re-simulates a stored attempt: played to the end, it
 *     gives the stored result bit for bit; seeking back (Home) and forward
 *     (Right: 5 s) lands on the asked tick, with the same state as playing.
 * argv[1]: the source tree; FIBRESIM_LOCALEDIR: the build's po.
 */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "check.h"
#include "fibresim/attempt.h"
#include "fibresim/pin.h"
#include "i18n.h"
#include "instructor.h"
#include "journal_util.h"
#include "report_fixture.h"

static void frame(App *app)
{
    app_frame(app, 1.0 / 60.0);
}

static void key(App *app, SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    app_event(app, &e);
    frame(app);
}

static void type(App *app, const char *text)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", text);
    app_event(app, &e);
    frame(app);
}

/* "YYYY-MM-DDTHH:MM:SSZ" -> seconds since midnight (the fixture's attempts
 * start in the morning and last minutes). */
static long seconds_of_day(const char *iso)
{
    unsigned h = 0, m = 0, sec = 0;
    return sscanf(iso + 11, "%2u:%2u:%2u", &h, &m, &sec) == 3 ? (long)(h * 3600 + m * 60 + sec) : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    i18n_init(argv[0]);
    setenv("FIBRESIM_SOURCE_ROOT", argv[1], 1);
    char *root = tu_mkdtemp("instructor-app");
    char data[700], scenarios[4096];
    snprintf(data, sizeof data, "%s/data", root);
    snprintf(scenarios, sizeof scenarios, "%s/scenarios", argv[1]);
    static const char *const names[] = {"Awa Ndiaye", "Zoé Martin"};
    Fixture fx;
    if (!fixture_build(&fx, data, names, 2, 4)) {
        CHECK(false);
        return test_done("instructor_app");
    }
    SDL_Init(0);
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.headless = true;
    o.data_dir = data;
    o.scenarios_dir = scenarios;
    o.lang = "fr";
    char err[512] = "";
    App *app = app_create(&o, err, sizeof err);
    CHECK_MSG(app != NULL, "%s", err);
    if (!app) return test_done("instructor_app");

    /* 1. Locked: the list sends to the PIN; first use, typed twice. */
    CHECK(app_open_scene(app, SCENE_REVIEW));
    frame(app);
    frame(app);
    CHECK_MSG(app->scene == SCENE_PIN, "scene %d", (int)app->scene);
    PinState st;
    CHECK(pin_state(app->paths.data, &st) == PIN_NOT_SET);
    type(app, "2468");
    key(app, SDLK_RETURN);
    CHECK(app->scene == SCENE_PIN && !app->instructor_unlocked);
    type(app, "2468");
    key(app, SDLK_RETURN);
    frame(app);
    CHECK(app->scene == SCENE_REVIEW && app->instructor_unlocked);
    CHECK(pin_state(app->paths.data, &st) == PIN_OK && st.set);
    frame(app); /* "checking every attempt" shows, then the list */
    frame(app);

    /* 2. Arrows and Enter open the first trainee's page (names in order). */
    key(app, SDLK_DOWN);
    key(app, SDLK_RETURN);
    frame(app);
    CHECK(app->scene == SCENE_TRAINEE);
    CHECK_STR(app->review_trainee, "awa-ndiaye");
    key(app, SDLK_ESCAPE);
    frame(app);
    CHECK(app->scene == SCENE_REVIEW);
    key(app, SDLK_ESCAPE);
    frame(app);
    CHECK(app->scene == SCENE_START && !app->instructor_unlocked);

    /* 3. Three wrong PINs: the door is locked for 2 s, then opens. */
    CHECK(app_open_scene(app, SCENE_PIN));
    frame(app);
    for (int i = 0; i < 3; i++) {
        type(app, "1111");
        key(app, SDLK_RETURN);
    }
    CHECK(pin_state(app->paths.data, &st) == PIN_OK && st.failures == 3 && st.locked_until > 0);
    type(app, "2468");
    key(app, SDLK_RETURN);
    frame(app);
    CHECK_MSG(app->scene == SCENE_PIN && !app->instructor_unlocked, "the right PIN is refused while locked");
    sleep(3);
    type(app, "2468");
    key(app, SDLK_RETURN);
    frame(app);
    CHECK(app->scene == SCENE_REVIEW && app->instructor_unlocked);
    CHECK(pin_state(app->paths.data, &st) == PIN_OK && st.failures == 0);

    /* 4. The replay: to the end it gives the stored result, bit for bit.
     * The shortest OTDR attempt (played at x1): its replay acquires the
     * traces again as it goes. */
    const FixAttempt *pick = NULL;
    long pick_s = 0;
    for (size_t i = 0; i < fx.n_att; i++) {
        long s = seconds_of_day(fx.att[i].ended_at) - seconds_of_day(fx.att[i].started_at);
        if (strcmp(fx.att[i].module, "otdr") == 0 && (!pick || s < pick_s)) {
            pick = &fx.att[i];
            pick_s = s;
        }
    }
    CHECK(pick != NULL);
    if (pick) {
        snprintf(app->review_trainee, sizeof app->review_trainee, "%s", pick->trainee_id);
        snprintf(app->review_attempt, sizeof app->review_attempt, "%s", pick->path);
        app->review_start_frac = 0;
        app->review_autoplay = false;
        CHECK(app_open_scene(app, SCENE_REPLAY));
        frame(app);
        const AttemptRecord *rec = NULL;
        const Attempt *a = instructor_replay_attempt(app->scene_self, &rec);
        CHECK(a && rec && attempt_tick(a) == 0);
        if (a && rec) {
            /* Seek forward 5 s, then back to the start: the ticks asked. */
            key(app, SDLK_RIGHT);
            a = instructor_replay_attempt(app->scene_self, &rec);
            uint32_t want = rec->end_tick < 500 ? rec->end_tick : 500;
            CHECK_MSG(attempt_tick(a) == want, "after Right: tick %u, expected %u", attempt_tick(a), want);
            key(app, SDLK_HOME);
            a = instructor_replay_attempt(app->scene_self, &rec);
            CHECK(attempt_tick(a) == 0);
            /* Play until it stops. */
            key(app, SDLK_SPACE);
            for (int f = 0; f < 200000 && attempt_tick(instructor_replay_attempt(app->scene_self, &rec)) < rec->end_tick
                            && attempt_status(instructor_replay_attempt(app->scene_self, &rec)) == ATTEMPT_RUNNING;
                 f++) {
                frame(app);
            }
            a = instructor_replay_attempt(app->scene_self, &rec);
            CHECK_MSG(attempt_tick(a) == rec->end_tick || attempt_status(a) != ATTEMPT_RUNNING, "played to the end");
            /* The same stream through attempt_replay() is the stored result. */
            Result again;
            CHECK(attempt_replay(attempt_scenario(a), rec->seed, rec->events.items, rec->events.count, rec->end_tick,
                                 rec->status, &again));
            CHECK(result_equal(&again, &rec->result));
            if (attempt_status(a) != ATTEMPT_RUNNING) {
                CHECK(result_equal(attempt_result(a), &rec->result));
            }
        }
        key(app, SDLK_ESCAPE);
        frame(app);
        CHECK(app->scene == SCENE_TRAINEE);
    }

    app_destroy(app);
    SDL_Quit();
    fixture_finish(&fx);
    tu_rm_rf(root);
    free(root);
    return test_done("instructor_app");
}
