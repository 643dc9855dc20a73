/*
 * test_app.c - the front end driven headless through SDL events, as a
 * trainee would with the keyboard:
 *   - a new trainee types a name with accents in the start screen;
 *   - an exercise takes the "hint" key into the attempt's events;
 *   - Escape, Tab, Tab, Enter stop it through the confirmation dialog;
 *   - with the disk full (the journal's fault hook returns ENOSPC) the
 *     attempt is kept in memory, the result screen says it is not saved and
 *     the banner shows; once the disk has room, "save again" writes the
 *     record, which reads back with the trainee, the status and the events;
 *   - synthetic mouse events made by SDL from touches are ignored;
 *   - closing the window during an attempt saves it;
 *   - the language switches at runtime.
 * argv[1]: the source tree (scenarios); FIBRESIM_LOCALEDIR: the build's po.
 */
#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "app_drive.h"
#include "check.h"
#include "fibresim/attempt.h"
#include "fibresim/journal.h"
#include "fibresim/record.h"
#include "i18n.h"

static bool disk_full;

static int fault(void *user, JournalOp op, const char *path)
{
    (void)user;
    (void)op;
    (void)path;
    return disk_full ? ENOSPC : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    i18n_init(argv[0]);
    char data[] = "/tmp/fibresim-test-app-XXXXXX";
    CHECK(mkdtemp(data) != NULL);
    char scenarios[4096];
    snprintf(scenarios, sizeof scenarios, "%s/scenarios", argv[1]);
    char err[512] = "";
    App *app = drive_app_create(data, scenarios, err, sizeof err);
    CHECK_MSG(app != NULL, "%s", err);
    if (!app) return test_done("app");

    /* the language follows the setting at once */
    CHECK_STR(_("Back"), "Retour");
    app_set_language(app, "en");
    CHECK_STR(_("Back"), "Back");
    app_set_language(app, "fr");
    CHECK_STR(_("Back"), "Retour");

    /* the start screen of a new computer: the name field has the focus;
     * typing a name with accents and Enter makes the trainee */
    CHECK(app_open_scene(app, SCENE_START));
    drive_frames(app, 1);
    drive_text(app, "\xc3\x89lodie N'Diaye");
    drive_key(app, SDLK_RETURN);
    CHECK(app->scene == SCENE_CHOOSE);
    CHECK_STR(app->trainee.name, "\xc3\x89lodie N'Diaye");
    CHECK_STR(app->trainee.id, "elodie-n-diaye");
    TraineeInfo back;
    CHECK(journal_trainee_read(&app->journal, "elodie-n-diaye", &back));
    CHECK_STR(back.name, "\xc3\x89lodie N'Diaye");
    /* the same name again is the same trainee */
    char terr[256] = "";
    TraineeInfo t;
    CHECK(trainees_add(&app->journal, &app->trainees, "  \xc3\x89lodie N'Diaye ", &t, terr, sizeof terr));
    CHECK_STR(t.id, "elodie-n-diaye");
    CHECK(app->trainees.count == 1);

    const Scenario *scn = drive_find_scenario(app, "tutorial.premiers-gestes");
    CHECK(scn != NULL && scn->hints);
    if (!scn) return test_done("app");
    app->scenario = scn;
    CHECK(app_open_scene(app, SCENE_EXERCISE));
    CHECK(app->scene == SCENE_EXERCISE);
    drive_frames(app, 1);

    /* a mouse event that SDL made up from a touch is not a second pointer */
    SDL_Event m;
    memset(&m, 0, sizeof m);
    m.type = SDL_MOUSEBUTTONDOWN;
    m.button.which = SDL_TOUCH_MOUSEID;
    m.button.button = SDL_BUTTON_LEFT;
    m.button.x = app->w / 2;
    m.button.y = app->h / 2;
    app_event(app, &m);
    drive_frames(app, 1);

    drive_key(app, SDLK_h);                       /* ask for a hint */
    app->journal.fault = fault;
    disk_full = true;
    drive_key(app, SDLK_ESCAPE);                  /* "Stop this exercise?" */
    CHECK(app->scene == SCENE_EXERCISE);
    drive_key(app, SDLK_TAB);                     /* Continue */
    drive_key(app, SDLK_TAB);                     /* Stop */
    drive_key(app, SDLK_RETURN);
    CHECK(app->scene == SCENE_RESULT);
    CHECK(app->have_result);
    CHECK(app->result.status == ATTEMPT_ABANDONED);
    CHECK(!app->result.passed);
    CHECK(!app->result_saved);
    CHECK(journal_pending_count(&app->pending) == 1);
    CHECK(strstr(app->save_msg, "disque est plein") != NULL);
    /* the result screen with the banner draws without overflow */
    gfx_text_overflow_reset(app->gfx);
    drive_frames(app, 1);
    CHECK(gfx_text_overflows(app->gfx) == 0);

    /* still full: the retry keeps it */
    app_retry_pending(app);
    CHECK(journal_pending_count(&app->pending) == 1);
    /* room again */
    disk_full = false;
    app_retry_pending(app);
    CHECK(journal_pending_count(&app->pending) == 0);
    CHECK(app->result_saved);
    char path[4096] = "";
    CHECK(journal_each(&app->journal, drive_first_record, path) == 1);
    AttemptRecord rec;
    DiagList d;
    diag_list_init(&d);
    CHECK(record_load(path, &rec, &d));
    CHECK_STR(rec.trainee_name, "Élodie N'Diaye");
    CHECK_STR(rec.trainee_id, "elodie-n-diaye");
    CHECK_STR(rec.scenario_id, "tutorial.premiers-gestes");
    CHECK_STR(rec.scenario_hash, scn->hash_hex);
    CHECK(rec.status == ATTEMPT_ABANDONED);
    bool hint = false, mouse = false;
    for (size_t i = 0; i < rec.events.count; i++) {
        const InputEvent *e = &rec.events.items[i];
        if (e->kind == INPUT_KEY && e->action == ACTION_HINT) hint = true;
        if (e->kind == INPUT_POINTER_DOWN) mouse = true;
    }
    CHECK(hint);
    CHECK(!mouse);
    /* the stored result is what a replay of the stored events gives */
    Result again;
    CHECK(attempt_replay(scn, rec.seed, rec.events.items, rec.events.count, rec.end_tick, rec.status, &again));
    CHECK(result_equal(&again, &rec.result));
    record_finish(&rec);
    diag_list_finish(&d);

    /* "Try again" opens a new attempt of the same scenario */
    app_goto(app, SCENE_EXERCISE);
    drive_frames(app, 1);
    CHECK(app->scene == SCENE_EXERCISE);
    /* closing the window during it stops and saves it: nothing is lost */
    CHECK(SDL_InitSubSystem(SDL_INIT_EVENTS) == 0);
    SDL_Event q;
    memset(&q, 0, sizeof q);
    q.type = SDL_QUIT;
    CHECK(SDL_PushEvent(&q) == 1);
    CHECK(app_loop(app) == 0);
    CHECK(journal_pending_count(&app->pending) == 0);
    path[0] = '\0';
    CHECK(journal_each(&app->journal, drive_first_record, path) == 2);
    app_destroy(app);
    SDL_Quit();
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
    CHECK(system(cmd) == 0);
    return test_done("app");
}
