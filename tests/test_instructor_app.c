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
 *     (Right: 5 s) lands on the asked tick, with the same state as playing;
 *   - an OTDR reading attempt saved by the app replays in the viewer with no
 *     scenario folder: its trace comes from the data folder (DATA/files/).
 * argv[1]: the source tree; FIBRESIM_LOCALEDIR: the build's po.
 */
#include <SDL.h>
#include <stb_image_write.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "app_drive.h"
#include "check.h"
#include "fibresim/attempt.h"
#include "fibresim/pin.h"
#include "i18n.h"
#include "instructor.h"
#include "attempt_drivers.h"
#include "fibresim/journal.h"
#include "gfx.h"
#include "headless.h"
#include "journal_util.h"
#include "otdr_bot.h"
#include "report_fixture.h"

/* "YYYY-MM-DDTHH:MM:SSZ" -> seconds since midnight (the fixture's attempts
 * start in the morning and last minutes). */
static long seconds_of_day(const char *iso)
{
    unsigned h = 0, m = 0, sec = 0;
    return sscanf(iso + 11, "%2u:%2u:%2u", &h, &m, &sec) == 3 ? (long)(h * 3600 + m * 60 + sec) : 0;
}

/* A left click on the widget id of the last frame; false if it is not on screen. */
static bool click_widget(App *app, const char *id)
{
    SDL_FRect r;
    if (!ui_widget_rect(app->ui, id, &r)) return false;
    drive_click(app, r.x + r.w * 0.5f, r.y + r.h * 0.5f);
    return true;
}

/* The last frame as a PNG in $FIBRESIM_TEST_SHOTS (else dir), for people to look at. */
static void shoot(App *app, const char *dir, const char *name)
{
    const char *shots = getenv("FIBRESIM_TEST_SHOTS");
    char png[900];
    snprintf(png, sizeof png, "%s/%s", shots && shots[0] ? shots : dir, name);
    uint8_t *px = headless_read_rgba(app);
    CHECK(px && stbi_write_png(png, app->w, app->h, 4, px, app->w * 4));
    free(px);
    fprintf(stderr, "screenshot: %s\n", png);
}

/* Record files under dir/attempts (one level of month folders). */
static size_t count_records(const char *dir)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "find '%s/attempts' -name '*.json' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    size_t n = 0;
    if (p) {
        if (fscanf(p, "%zu", &n) != 1) n = 0;
        pclose(p);
    }
    return n;
}

/* The Import dialog, both ways through the key: this computer's results
 * copied to KEY/fibresim-resultats (every record); then, one record gone
 * from the data folder, the key's results taken back: that record is
 * copied again (the same bytes), and the list, built again on closing,
 * counts every attempt. */
static void test_import(App *app, const char *key, const Fixture *fx)
{
    const char *data = app->paths.data;
    CHECK(click_widget(app, "review.import"));
    drive_frames(app, 1);
    SDL_FRect r;
    /* no data folder on the key yet: one button, copy to the key */
    CHECK(ui_widget_rect(app->ui, "review.dialog.0", &r) && !ui_widget_rect(app->ui, "review.dialog.1", &r));
    gfx_text_overflow_reset(app->gfx);
    drive_frames(app, 1);
    CHECK_MSG(gfx_text_overflows(app->gfx) == 0, "%lu texts out of their box", gfx_text_overflows(app->gfx));
    shoot(app, key, "review_import_fr.png");
    CHECK(click_widget(app, "review.dialog.0"));
    CHECK(drive_settle(app));
    drive_frames(app, 1);
    char on_key[1000];
    snprintf(on_key, sizeof on_key, "%s/fibresim-resultats", key);
    CHECK_MSG(count_records(on_key) == fx->n_att, "%zu records on the key, %zu expected", count_records(on_key),
              fx->n_att);
    CHECK(click_widget(app, "review.dialog.close"));
    drive_frames(app, 1);

    const FixAttempt *gone = &fx->att[2];
    char *bytes = tu_read(gone->path, NULL);
    CHECK(bytes && remove(gone->path) == 0);
    CHECK(click_widget(app, "review.import"));
    drive_frames(app, 1);
    /* now: take from the key (0), copy to the key (1) */
    CHECK(ui_widget_rect(app->ui, "review.dialog.1", &r) && !ui_widget_rect(app->ui, "review.dialog.2", &r));
    CHECK(click_widget(app, "review.dialog.0"));
    CHECK(drive_settle(app));
    drive_frames(app, 1);
    shoot(app, key, "review_import_done_fr.png");
    char *back = tu_read(gone->path, NULL);
    CHECK_MSG(bytes && back && strcmp(bytes, back) == 0, "%s not copied back as it was", gone->path);
    free(bytes);
    free(back);
    CHECK(count_records(data) == fx->n_att);
    CHECK(click_widget(app, "review.dialog.close"));
    CHECK(app->busy); /* the list is being built again */
    CHECK(drive_settle(app));
    drive_frames(app, 1);
}

/* The export dialog of the trainee list (the list is on screen, loaded):
 * the places are a USB key (a folder under FIBRESIM_MEDIA_DIRS) and
 * Documents (under HOME); the key gets "rapport-fibresim-<today>.html"
 * holding every trainee, and a ".csv" for a French spreadsheet (BOM, ';',
 * decimal comma); a second export the same day gets "-2"; the picture of
 * the dialog has no text out of its box. */
static void test_export(App *app, const char *root, const Fixture *fx)
{
    char media[800], key[900], home[800], docs[900];
    snprintf(media, sizeof media, "%s/media", root);
    snprintf(key, sizeof key, "%s/CLE-USB", media);
    snprintf(home, sizeof home, "%s/home", root);
    snprintf(docs, sizeof docs, "%s/Documents", home);
    CHECK(mkdir(media, 0755) == 0 && mkdir(key, 0755) == 0 && mkdir(home, 0755) == 0 && mkdir(docs, 0755) == 0);
    const char *old_home = getenv("HOME");
    char saved_home[4096];
    snprintf(saved_home, sizeof saved_home, "%s", old_home ? old_home : "");
    setenv("FIBRESIM_MEDIA_DIRS", media, 1);
    setenv("HOME", home, 1);

    CHECK(click_widget(app, "review.export"));
    drive_frames(app, 1);
    SDL_FRect r0, r1, r2;
    CHECK_MSG(ui_widget_rect(app->ui, "review.dialog.0", &r0) && ui_widget_rect(app->ui, "review.dialog.1", &r1)
                  && !ui_widget_rect(app->ui, "review.dialog.2", &r2),
              "the export dialog should offer the key and Documents");
    /* The dialog as the instructor sees it. */
    gfx_text_overflow_reset(app->gfx);
    drive_frames(app, 1);
    CHECK_MSG(gfx_text_overflows(app->gfx) == 0, "%lu texts out of their box", gfx_text_overflows(app->gfx));
    shoot(app, root, "review_export_fr.png");

    char today[16], html[1100], csv[1100], html2[1100];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(today, sizeof today, "%Y-%m-%d", &tm);
    snprintf(html, sizeof html, "%s/rapport-fibresim-%s.html", key, today);
    snprintf(csv, sizeof csv, "%s/rapport-fibresim-%s.csv", key, today);
    snprintf(html2, sizeof html2, "%s/rapport-fibresim-%s-2.html", key, today);
    CHECK(click_widget(app, "review.dialog.0")); /* written on a thread of its own */
    CHECK(drive_settle(app));
    drive_frames(app, 1);
    char *h = tu_read(html, NULL);
    CHECK_MSG(h != NULL, "no %s", html);
    for (size_t i = 0; h && i < fx->n_att; i++) {
        CHECK_MSG(tu_contains(h, fx->att[i].trainee_name), "%s not in the exported page", fx->att[i].trainee_name);
    }
    CHECK(tu_contains(h, "Rapport de formation Fibresim"));
    free(h);
    gfx_text_overflow_reset(app->gfx);
    drive_frames(app, 1);
    CHECK_MSG(gfx_text_overflows(app->gfx) == 0, "%lu texts out of their box", gfx_text_overflows(app->gfx));
    shoot(app, root, "review_export_done_fr.png");
    char *c = tu_read(csv, NULL);
    CHECK_MSG(c && strncmp(c, "\xEF\xBB\xBF", 3) == 0 && strchr(c, ';'), "CSV %s: BOM and ';' expected", csv);
    free(c);
    CHECK(click_widget(app, "review.dialog.close"));
    drive_frames(app, 1);
    CHECK(!ui_widget_rect(app->ui, "review.dialog.0", &r0));
    /* Again the same day: nothing overwritten, a second name. */
    CHECK(click_widget(app, "review.export"));
    drive_frames(app, 1);
    CHECK(click_widget(app, "review.dialog.0"));
    CHECK(drive_settle(app));
    drive_frames(app, 1);
    CHECK_MSG(tu_exists(html2), "no %s", html2);
    CHECK(click_widget(app, "review.dialog.close"));
    drive_frames(app, 1);

    test_import(app, key, fx);
    unsetenv("FIBRESIM_MEDIA_DIRS");
    if (saved_home[0]) setenv("HOME", saved_home, 1);
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
    char err[512] = "";
    App *app = drive_app_create(data, scenarios, err, sizeof err);
    CHECK_MSG(app != NULL, "%s", err);
    if (!app) return test_done("instructor_app");

    /* 1. Locked: the list sends to the PIN; first use, typed twice. */
    CHECK(app_open_scene(app, SCENE_REVIEW));
    drive_frames(app, 1);
    drive_frames(app, 1);
    CHECK_MSG(app->scene == SCENE_PIN, "scene %d", (int)app->scene);
    PinState st;
    CHECK(pin_state(app->paths.data, &st) == PIN_NOT_SET);
    drive_text(app, "2468");
    drive_key(app, SDLK_RETURN);
    CHECK(app->scene == SCENE_PIN && !app->instructor_unlocked);
    drive_text(app, "2468");
    drive_key(app, SDLK_RETURN);
    drive_frames(app, 1);
    CHECK(app->scene == SCENE_REVIEW && app->instructor_unlocked);
    CHECK(pin_state(app->paths.data, &st) == PIN_OK && st.set);
    /* "Checking every attempt" and a bar while the report is built on its
     * own thread, then the list. */
    CHECK(app->busy);
    CHECK(drive_settle(app));
    drive_frames(app, 1);
    test_export(app, root, &fx);

    /* 2. Arrows and Enter open the first trainee's page (names in order). */
    drive_key(app, SDLK_DOWN);
    drive_key(app, SDLK_RETURN);
    drive_frames(app, 1);
    CHECK(app->scene == SCENE_TRAINEE);
    CHECK_STR(app->review_trainee, "awa-ndiaye");
    drive_key(app, SDLK_ESCAPE);
    drive_frames(app, 1);
    CHECK(app->scene == SCENE_REVIEW);
    drive_key(app, SDLK_ESCAPE);
    drive_frames(app, 1);
    CHECK(app->scene == SCENE_START && !app->instructor_unlocked);

    /* 3. Three wrong PINs: the door is locked for 2 s, then opens. */
    CHECK(app_open_scene(app, SCENE_PIN));
    drive_frames(app, 1);
    for (int i = 0; i < 3; i++) {
        drive_text(app, "1111");
        drive_key(app, SDLK_RETURN);
    }
    CHECK(pin_state(app->paths.data, &st) == PIN_OK && st.failures == 3 && st.locked_until > 0);
    drive_text(app, "2468");
    drive_key(app, SDLK_RETURN);
    drive_frames(app, 1);
    CHECK_MSG(app->scene == SCENE_PIN && !app->instructor_unlocked, "the right PIN is refused while locked");
    sleep(3);
    drive_text(app, "2468");
    drive_key(app, SDLK_RETURN);
    drive_frames(app, 1);
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
        drive_frames(app, 1);
        const AttemptRecord *rec = NULL;
        const Attempt *a = instructor_replay_attempt(app->scene_self, &rec);
        CHECK(a && rec && attempt_tick(a) == 0);
        if (a && rec) {
            /* Seek forward 5 s, then back to the start: the ticks asked. */
            drive_key(app, SDLK_RIGHT);
            a = instructor_replay_attempt(app->scene_self, &rec);
            uint32_t want = rec->end_tick < 500 ? rec->end_tick : 500;
            CHECK_MSG(attempt_tick(a) == want, "after Right: tick %u, expected %u", attempt_tick(a), want);
            drive_key(app, SDLK_HOME);
            a = instructor_replay_attempt(app->scene_self, &rec);
            CHECK(attempt_tick(a) == 0);
            /* Play until it stops. */
            drive_key(app, SDLK_SPACE);
            for (int f = 0; f < 200000 && attempt_tick(instructor_replay_attempt(app->scene_self, &rec)) < rec->end_tick
                            && attempt_status(instructor_replay_attempt(app->scene_self, &rec)) == ATTEMPT_RUNNING;
                 f++) {
                drive_frames(app, 1);
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
        drive_key(app, SDLK_ESCAPE);
        drive_frames(app, 1);
        CHECK(app->scene == SCENE_TRAINEE);
    }

    /* 5. An OTDR reading attempt saved by the app (app_attempt_finished)
     * keeps its trace in the data folder: the viewer replays it with no
     * scenario folder at all, to the stored result. */
    Scenario *reading = otdr_bot_scenario("reading-anritsu");
    CHECK(reading != NULL && reading->files.count == 1);
    if (reading) {
        Attempt *live = attempt_create(reading, 99);
        bot_mark(live, 5, "end");
        bot_cursor(live, 0, 8800.0);
        bot_record(live, "end");
        bot_choice(live, "finish");
        AttemptRecord rec5;
        driver_record(&rec5, reading, live, "Awa Ndiaye", "2026-03-20T09:00:00Z", 0xfeed);
        attempt_destroy(live);
        app_attempt_finished(app, &rec5, reading);
        CHECK(app->result_saved);
        char stored[1024];
        snprintf(stored, sizeof stored, "%s/files/%s", data, reading->files.items[0].sha256_hex);
        CHECK(tu_exists(stored));
        snprintf(app->paths.scenarios, sizeof app->paths.scenarios, "%s/no-scenarios-here", root);
        Journal j;
        CHECK(journal_open(&j, data, err, sizeof err) == JOURNAL_OK);
        char *path = journal_record_path(&j, rec5.attempt_id);
        journal_close(&j);
        snprintf(app->review_attempt, sizeof app->review_attempt, "%s", path ? path : "");
        free(path);
        app->review_start_frac = 1.0;
        CHECK(app_open_scene(app, SCENE_REPLAY));
        drive_frames(app, 1);
        const AttemptRecord *rec = NULL;
        const Attempt *a = instructor_replay_attempt(app->scene_self, &rec);
        CHECK_MSG(a != NULL, "the viewer did not load the reading scenario from the data folder");
        if (a && rec) {
            Result again;
            CHECK(attempt_replay(attempt_scenario(a), rec->seed, rec->events.items, rec->events.count, rec->end_tick,
                                 rec->status, &again));
            CHECK(result_equal(&again, &rec5.result));
        }
        drive_key(app, SDLK_ESCAPE);
        drive_frames(app, 1);
        record_finish(&rec5);
    }

    app_destroy(app);
    scenario_destroy(reading); /* after the app: it keeps a borrowed pointer to the last result's scenario */
    SDL_Quit();
    fixture_finish(&fx);
    tu_rm_rf(root);
    free(root);
    return test_done("instructor_app");
}
