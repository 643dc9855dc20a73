/*
 * app.c - creating the app, switching scenes, one frame, settings changes and
 * the records waiting for the disk.
 */
#include "app.h"

#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "i18n.h"
#include "theme.h"

#define DEFAULT_W 1280
#define DEFAULT_H 720
#define MAX_CATCH_UP_TICKS 8
#define RETRY_EVERY_S 10.0

static const SceneDef *const scenes[SCENE_COUNT] = {
    &scene_start, &scene_choose, &scene_briefing, &scene_exercise, &scene_result, &scene_settings,
    &scene_pin, &scene_review, &scene_trainee, &scene_replay,
};

const SceneDef *app_scene_def(SceneId id)
{
    return id < SCENE_COUNT ? scenes[id] : NULL;
}

bool app_scene_by_name(const char *name, SceneId *out)
{
    for (int i = 0; i < SCENE_COUNT; i++) {
        if (strcmp(scenes[i]->name, name) == 0) {
            *out = (SceneId)i;
            return true;
        }
    }
    return false;
}

float app_scale(const App *app)
{
    float sx = (float)app->w / DEFAULT_W, sy = (float)app->h / DEFAULT_H;
    return sx < sy ? sx : sy;
}

static void log_sink(FsLogLevel level, const char *file, int line, const char *msg, void *user)
{
    SDL_LogPriority p = level == FS_LOG_ERROR ? SDL_LOG_PRIORITY_ERROR
                        : level == FS_LOG_WARN ? SDL_LOG_PRIORITY_WARN
                        : level == FS_LOG_INFO ? SDL_LOG_PRIORITY_INFO
                                               : SDL_LOG_PRIORITY_DEBUG;
    SDL_LogMessage(SDL_LOG_CATEGORY_APPLICATION, p, "%s:%d: %s", file, line, msg);
}

static bool open_output(App *app, const AppOptions *o, char *err, size_t err_n)
{
    app->w = o->width > 0 ? o->width : DEFAULT_W;
    app->h = o->height > 0 ? o->height : DEFAULT_H;
    if (o->headless) {
        app->surface = SDL_CreateRGBSurfaceWithFormat(0, app->w, app->h, 32, SDL_PIXELFORMAT_ARGB8888);
        app->renderer = app->surface ? SDL_CreateSoftwareRenderer(app->surface) : NULL;
        if (!app->renderer) {
            snprintf(err, err_n, "cannot create the off-screen renderer: %s", SDL_GetError());
            return false;
        }
        return true;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | (app->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    app->window = SDL_CreateWindow("Fibresim", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, app->w, app->h, flags);
    if (!app->window) {
        snprintf(err, err_n, "cannot open the window: %s", SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(app->window, 800, 480);
    app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!app->renderer) {
        app->renderer = SDL_CreateRenderer(app->window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!app->renderer) {
        snprintf(err, err_n, "cannot create a renderer: %s", SDL_GetError());
        return false;
    }
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(app->renderer, &info) == 0) {
        SDL_Log("renderer: %s", info.name);
    }
    SDL_GetRendererOutputSize(app->renderer, &app->w, &app->h);
    return true;
}

App *app_create(const AppOptions *o, char *err, size_t err_n)
{
    App *app = calloc(1, sizeof *app);
    if (!app) {
        snprintf(err, err_n, "out of memory");
        return NULL;
    }
    app->headless = o->headless;
    catalog_init(&app->catalog);
    trainees_init(&app->trainees);
    journal_pending_init(&app->pending);
    fs_set_log(log_sink, NULL);
    if (!paths_resolve(&app->paths, o->data_dir, o->scenarios_dir, err, err_n)) {
        app_destroy(app);
        return NULL;
    }
    paths_log(&app->paths);
    settings_load(&app->settings, app->paths.data);
    if (o->lang) {
        fs_strlcpy(app->settings.lang, strcmp(o->lang, "en") == 0 ? "en" : "fr", sizeof app->settings.lang);
    }
    if (o->fullscreen) {
        app->settings.fullscreen = true;
    }
    i18n_set_language(app->settings.lang);
    if (TTF_Init() != 0) {
        snprintf(err, err_n, "cannot start SDL_ttf: %s", TTF_GetError());
        app_destroy(app);
        return NULL;
    }
    if (!open_output(app, o, err, err_n)) {
        app_destroy(app);
        return NULL;
    }
    app->gfx = gfx_create(app->renderer, app->paths.fonts, err, err_n);
    app->ui = app->gfx ? ui_create(app->gfx) : NULL;
    if (!app->ui) {
        if (app->gfx) snprintf(err, err_n, "out of memory");
        app_destroy(app);
        return NULL;
    }
    gfx_set_scale(app->gfx, app_scale(app), settings_text_scale(app->settings.text_size));
    ui_set_size(app->ui, app->w, app->h);
    catalog_load(&app->catalog, app->paths.scenarios);
    char jerr[256] = "";
    JournalStatus js = journal_open(&app->journal, app->paths.data, jerr, sizeof jerr);
    if (js == JOURNAL_ERR_NOMEM) {
        snprintf(err, err_n, "out of memory");
        app_destroy(app);
        return NULL;
    }
    if (js != JOURNAL_OK) {
        /* still usable: each write tries to make the folders again */
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "journal: %s: %s", journal_status_name(js), jerr);
    }
    trainees_load(&app->journal, &app->trainees);
    app->scene = SCENE_COUNT;
    return app;
}

void app_destroy(App *app)
{
    if (!app) {
        return;
    }
    if (app->scene_self && app->scene < SCENE_COUNT) {
        scenes[app->scene]->destroy(app->scene_self);
    }
    if (journal_pending_count(&app->pending) > 0) {
        app_retry_pending(app); /* a last try before quitting */
        for (size_t i = 0; i < app->pending.count; i++) {
            SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "attempt %s could not be saved before closing",
                         app->pending.items[i].record.attempt_id);
        }
    }
    journal_pending_finish(&app->pending);
    journal_close(&app->journal);
    ui_destroy(app->ui);
    gfx_destroy(app->gfx);
    if (app->renderer) SDL_DestroyRenderer(app->renderer);
    if (app->surface) SDL_FreeSurface(app->surface);
    if (app->window) SDL_DestroyWindow(app->window);
    if (TTF_WasInit()) TTF_Quit();
    trainees_finish(&app->trainees);
    catalog_finish(&app->catalog);
    fs_set_log(NULL, NULL);
    free(app);
}

bool app_open_scene(App *app, SceneId id)
{
    if (app->scene_self && app->scene < SCENE_COUNT) {
        scenes[app->scene]->destroy(app->scene_self);
    }
    app->busy = false;
    app->scene_self = NULL;
    app->scene = id;
    app->tick_acc_s = 0;
    app->scene_self = scenes[id]->create(app);
    if (!app->scene_self) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "scene %s could not open", scenes[id]->name);
        if (id != SCENE_START) {
            /* never leave the trainee on a blank window */
            app_open_scene(app, SCENE_START);
        }
        return false;
    }
    return true;
}

void app_goto(App *app, SceneId id)
{
    app->next_scene = id;
    app->switching = true;
}

void app_save_settings(App *app)
{
    char err[256];
    if (!settings_save(&app->settings, app->paths.data, err, sizeof err)) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "settings not saved: %s", err);
    }
}

void app_set_language(App *app, const char *lang)
{
    fs_strlcpy(app->settings.lang, strcmp(lang, "en") == 0 ? "en" : "fr", sizeof app->settings.lang);
    i18n_set_language(app->settings.lang);
    app_save_settings(app);
}

void app_set_text_size(App *app, int text_size)
{
    app->settings.text_size = text_size;
    gfx_set_scale(app->gfx, app_scale(app), settings_text_scale(text_size));
    app_save_settings(app);
}

void app_set_fullscreen(App *app, bool on)
{
    app->settings.fullscreen = on;
    if (app->window) {
        SDL_SetWindowFullscreen(app->window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    }
    app_save_settings(app);
}

void app_event(App *app, const SDL_Event *e)
{
    if (e->type == SDL_QUIT) {
        app->quit = true;
        return;
    }
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_F11 && !e->key.repeat) {
        app_set_fullscreen(app, !app->settings.fullscreen);
        return;
    }
    if (app->scene_self && scenes[app->scene]->event && scenes[app->scene]->event(app->scene_self, app, e)) {
        return;
    }
    ui_handle_event(app->ui, e);
}

/* ---- records waiting for the disk ---- */

static const char *save_problem(JournalStatus st)
{
    switch (st) {
    case JOURNAL_ERR_NOSPACE:
        return _("The disk is full: the result is kept and will be saved when there is room.");
    case JOURNAL_ERR_READONLY:
        return _("The data folder cannot be written: the result is kept and will be saved when it can.");
    default:
        return _("The result could not be saved yet: it is kept and will be saved again.");
    }
}

void app_retry_pending(App *app)
{
    char err[256] = "";
    size_t before = journal_pending_count(&app->pending);
    JournalStatus st = journal_retry_pending(&app->journal, &app->pending, err, sizeof err);
    size_t after = journal_pending_count(&app->pending);
    if (after < before) {
        SDL_Log("%zu waiting attempt(s) saved", before - after);
    }
    if (st != JOURNAL_OK) {
        fs_strlcpy(app->save_msg, save_problem(st), sizeof app->save_msg);
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%zu attempt(s) still not saved: %s", after, err);
    }
    if (after == 0 && app->have_result) {
        app->result_saved = true;
    }
    app->next_retry_s = app->time_s + RETRY_EVERY_S;
}

void app_attempt_finished(App *app, const AttemptRecord *rec, const Scenario *scn)
{
    app->result = rec->result;
    app->result_scn = scn;
    app->have_result = true;
    char err[256] = "";
    /* With the files the scenario names (an OTDR trace): the record then
     * replays from the data folder alone. */
    JournalStatus st = journal_write_or_keep_with_files(&app->journal, &app->pending, rec, scn->text, scn->text_len,
                                                        &scn->files, err, sizeof err);
    app->result_saved = st == JOURNAL_OK;
    if (st == JOURNAL_OK) {
        SDL_Log("attempt %s saved", rec->attempt_id);
        return;
    }
    SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "attempt %s not saved (%s): %s", rec->attempt_id,
                journal_status_name(st), err);
    fs_strlcpy(app->save_msg, save_problem(st), sizeof app->save_msg);
    app->next_retry_s = app->time_s + RETRY_EVERY_S;
}

/* Banner at the bottom while records wait: a warning sign, the reason, a button. */
static void draw_pending_banner(App *app)
{
    if (journal_pending_count(&app->pending) == 0) {
        return;
    }
    Gfx *g = app->gfx;
    float s = app_scale(app);
    float h = fmaxf(ui_row_h(app->ui) + 16 * s, 72 * s);
    SDL_FRect bar = {0, (float)app->h - h, (float)app->w, h};
    gfx_fill_rect(g, bar, theme.partial_bg);
    gfx_fill_rect(g, (SDL_FRect){0, bar.y, (float)app->w, fmaxf(2, 3 * s)}, theme.partial);
    float pad = THEME_MARGIN * s;
    float icon = 36 * s;
    gfx_icon(g, GFX_ICON_WARNING, (SDL_FRect){pad, bar.y + (h - icon) * 0.5f, icon, icon}, theme.partial);
    float bw = 220 * s;
    SDL_FRect btn = {(float)app->w - pad - bw, bar.y + (h - ui_row_h(app->ui)) * 0.5f, bw, ui_row_h(app->ui)};
    SDL_FRect txt = {pad + icon + 12 * s, bar.y + 4, btn.x - (pad + icon + 24 * s), h - 8};
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, theme.text);
    st.wrap = true;
    st.shrink = true;
    st.valign = GFX_VALIGN_MIDDLE;
    gfx_text(g, app->save_msg, txt, &st);
    if (ui_button(app->ui, "pending.retry", btn, _("Save again"), GFX_ICON_SAVE, UI_SECONDARY)) {
        app_retry_pending(app);
    }
}

bool app_settle(App *app, double max_s)
{
    uint64_t t0 = SDL_GetTicks64();
    while (app->busy && (double)(SDL_GetTicks64() - t0) < max_s * 1000.0) {
        SDL_Delay(5);
        app_frame(app, 1.0 / 60.0);
    }
    return !app->busy;
}

void app_frame(App *app, double dt_s)
{
    if (dt_s < 0) dt_s = 0;
    app->time_s += dt_s;
    /* fixed ticks; after a stall only a bounded catch-up (STYLE.md 6) */
    double max_dt = MAX_CATCH_UP_TICKS * FS_TICK_S;
    app->tick_acc_s += dt_s < max_dt ? dt_s : max_dt;
    const SceneDef *sd = app->scene < SCENE_COUNT ? scenes[app->scene] : NULL;
    while (app->tick_acc_s >= FS_TICK_S) {
        if (sd && sd->tick && app->scene_self) sd->tick(app->scene_self, app);
        app->tick_acc_s -= FS_TICK_S;
    }
    if (journal_pending_count(&app->pending) > 0 && app->time_s >= app->next_retry_s) {
        app_retry_pending(app);
    }
    if (app->window) {
        SDL_GetRendererOutputSize(app->renderer, &app->w, &app->h);
    }
    gfx_set_scale(app->gfx, app_scale(app), settings_text_scale(app->settings.text_size));
    ui_set_size(app->ui, app->w, app->h);
    gfx_begin_frame(app->gfx);
    SDL_SetRenderDrawColor(app->renderer, theme.bg.r, theme.bg.g, theme.bg.b, 255);
    SDL_RenderClear(app->renderer);
    ui_begin(app->ui);
    if (sd && app->scene_self) sd->frame(app->scene_self, app);
    draw_pending_banner(app);
    ui_end(app->ui);
    SDL_RenderPresent(app->renderer);
    app->frames++;
    if (app->switching) {
        app->switching = false;
        app_open_scene(app, app->next_scene);
    }
}
