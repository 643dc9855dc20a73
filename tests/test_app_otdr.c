/*
 * test_app_otdr.c - the OTDR exercise through the whole front end, driven by
 * SDL events: a mouse click on a key drawn inside the picture (the Events
 * tab, the pulse "+") reaches the attempt as that key's choice and not as a
 * pointer event; a press on a key released elsewhere does nothing; a drag on
 * the trace plot does reach the attempt, in metres. The attempt is stopped
 * and its record read back from the journal to see what the core received.
 * argv[1]: the source tree (scenarios); FIBRESIM_LOCALEDIR: the build's po.
 */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "app_drive.h"
#include "check.h"
#include "fibresim/journal.h"
#include "fibresim/record.h"
#include "i18n.h"
#include "scene_otdr.h"

/* The picture's area: the bounding box of the instrument's body colour. */
static SDL_Rect find_area(App *app)
{
    SDL_Rect r = {0, 0, 0, 0};
    Uint32 *px = malloc((size_t)app->w * (size_t)app->h * 4);
    if (!px || SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, px, app->w * 4) != 0) {
        free(px);
        return r;
    }
    Uint32 body = 0xFF000000u | (Uint32)otdr_bg.r << 16 | (Uint32)otdr_bg.g << 8 | otdr_bg.b;
    int x0 = app->w, y0 = app->h, x1 = -1, y1 = -1;
    for (int y = 0; y < app->h; y++) {
        for (int x = 0; x < app->w; x++) {
            if (px[y * app->w + x] == body) {
                x0 = x < x0 ? x : x0;
                y0 = y < y0 ? y : y0;
                x1 = x > x1 ? x : x1;
                y1 = y > y1 ? y : y1;
            }
        }
    }
    free(px);
    if (x1 >= 0) r = (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    return r;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    i18n_init(argv[0]);
    char data[] = "/tmp/fibresim-test-app-otdr-XXXXXX";
    CHECK(mkdtemp(data) != NULL);
    char scenarios[4096];
    snprintf(scenarios, sizeof scenarios, "%s/scenarios", argv[1]);
    char err[512] = "";
    App *app = drive_app_create(data, scenarios, err, sizeof err);
    CHECK_MSG(app != NULL, "%s", err);
    if (!app) return test_done("app_otdr");
    const Scenario *scn = drive_find_scenario(app, "otdr.splice-loss");
    CHECK(scn != NULL);
    if (!scn) return test_done("app_otdr");
    app->scenario = scn;
    CHECK(app_open_scene(app, SCENE_EXERCISE));
    drive_frames(app, 1);

    /* Where the screen put the keys: the same layout from the area found. */
    SDL_Rect area = find_area(app);
    CHECK(area.w > 600 && area.h > 300);
    ModuleSceneEnv env;
    memset(&env, 0, sizeof env);
    env.renderer = app->renderer;
    env.gfx = app->gfx;
    env.lang = "fr";
    env.area = area;
    OtdrLayout L = otdr_scene_layout(&env);
    float tab_w = (L.tabs.w - 8 * L.s) / 3;
    /* Events tab: pressed and released on it. */
    drive_click(app, L.tabs.x + tab_w * 1.5f + 4 * L.s, L.tabs.y + L.tabs.h / 2);
    /* Back to the settings tab, then the pulse "+": the last key of the
     * second settings row (wavelength keys first). */
    drive_click(app, L.tabs.x + tab_w * 0.5f, L.tabs.y + L.tabs.h / 2);
    float gap = 5 * L.s < (L.content.h - 7 * L.row) / 7 ? 5 * L.s : (L.content.h - 7 * L.row) / 7;
    if (gap < 1) gap = 1;
    float pulse_y = L.content.y + L.row + gap + L.row / 2;
    float plus_x = L.content.x + L.content.w - L.row / 2;
    drive_click(app, plus_x, pulse_y);
    /* A press on the Results tab released on the plot: nothing. */
    drive_mouse(app, SDL_MOUSEBUTTONDOWN, L.tabs.x + tab_w * 2.5f + 8 * L.s, L.tabs.y + L.tabs.h / 2);
    drive_mouse(app, SDL_MOUSEMOTION, L.plot.x + L.plot.w / 2, L.plot.y + L.plot.h / 2);
    drive_mouse(app, SDL_MOUSEBUTTONUP, L.plot.x + L.plot.w / 2, L.plot.y + L.plot.h / 2);
    /* A drag on the plot: pointer events in metres. */
    drive_mouse(app, SDL_MOUSEBUTTONDOWN, L.plot.x + L.plot.w * 0.5f, L.plot.y + L.plot.h * 0.5f);
    drive_mouse(app, SDL_MOUSEMOTION, L.plot.x + L.plot.w * 0.6f, L.plot.y + L.plot.h * 0.5f);
    drive_mouse(app, SDL_MOUSEBUTTONUP, L.plot.x + L.plot.w * 0.6f, L.plot.y + L.plot.h * 0.5f);

    /* Stop: the record shows what the attempt received. */
    CHECK(drive_stop_exercise(app));
    char path[4096] = "";
    CHECK(journal_each(&app->journal, drive_first_record, path) == 1);
    AttemptRecord rec;
    DiagList d;
    diag_list_init(&d);
    CHECK(record_load(path, &rec, &d));
    const char *want[] = {"tab:events", "tab:settings", "pulse:+"};
    size_t next = 0, pointers = 0, choices = 0;
    for (size_t i = 0; i < rec.events.count; i++) {
        const InputEvent *e = &rec.events.items[i];
        if (e->kind == INPUT_CHOICE) {
            choices++;
            if (next < 3 && strcmp(e->choice, want[next]) == 0) next++;
        } else if (e->kind == INPUT_POINTER_DOWN || e->kind == INPUT_POINTER_UP) {
            pointers++;
            /* the drag: about the middle of the 0 .. 1 km window (no trace yet) */
            CHECK(e->x > 300 && e->x < 800);
        }
    }
    CHECK_MSG(next == 3, "choices received in order: %zu of 3", next);
    CHECK_MSG(choices == 3, "%zu choices (the press released off its key must give none)", choices);
    CHECK_MSG(pointers == 2, "%zu pointer presses/releases (only the drag on the plot)", pointers);
    record_finish(&rec);
    diag_list_finish(&d);
    app_destroy(app);
    SDL_Quit();
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", data);
    CHECK(system(cmd) == 0);
    return test_done("app_otdr");
}
