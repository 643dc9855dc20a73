/*
 * scene_briefing.c - the goal and the instructions of the chosen scenario,
 * read before the clock starts; "Start" opens the exercise.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "i18n.h"
#include "scene_common.h"
#include "theme.h"

typedef struct BriefingScene {
    int unused;
} BriefingScene;

static void *briefing_create(App *app)
{
    if (!app->scenario) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "no scenario chosen");
        return NULL;
    }
    return calloc(1, sizeof(BriefingScene));
}

static void briefing_destroy(void *self)
{
    free(self);
}

static bool briefing_event(void *self, App *app, const SDL_Event *e)
{
    (void)self;
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        app_goto(app, SCENE_CHOOSE);
        return true;
    }
    return false;
}

static void briefing_frame(void *self, App *app)
{
    (void)self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    const Scenario *scn = app->scenario;
    const char *lang = app->settings.lang;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    float bw = fmaxf(row * 2.6f, 150 * sc);
    SDL_FRect bar = scene_topbar(app, scenario_title(scn, lang), _(scn->module->label), (float)app->w - bw - 60 * sc);
    SDL_FRect back = {bar.w - THEME_MARGIN * sc - bw, (bar.h - row) * 0.5f, bw, row};
    if (ui_button(ui, "brief.back", back, _("Back"), GFX_ICON_ARROW_LEFT, UI_QUIET)) {
        app_goto(app, SCENE_CHOOSE);
    }

    SDL_FRect body = scene_body(app);
    float cw = fminf(body.w, 1000 * sc);
    SDL_FRect card = {body.x + (body.w - cw) * 0.5f, body.y, cw, body.h};
    scene_card(app, card);
    SDL_FRect col = rect_inset(card, 28 * sc);
    SDL_FRect go = rect_take_bottom(&col, row * 1.15f, THEME_GAP * sc);
    float gw = fminf(go.w, 420 * sc);
    go.x += (go.w - gw) * 0.5f;
    go.w = gw;

    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY);
    GfxTextStyle hs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.primary);
    gfx_text(g, _("Goal"), rect_take_top(&col, lh, 6 * sc), &hs);
    GfxTextStyle gs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY + 2, theme.text);
    gs.wrap = true;
    float gh = gfx_text_wrapped_height(g, scenario_goal(scn, lang), GFX_FONT_BOLD, THEME_TEXT_BODY + 2, col.w);
    if (gh > col.h * 0.35f) gh = col.h * 0.35f;
    gs.shrink = true;
    gfx_text(g, scenario_goal(scn, lang), rect_take_top(&col, gh, 16 * sc), &gs);

    gfx_fill_rect(g, rect_take_top(&col, 1.5f, 14 * sc), (SDL_Color){210, 216, 222, 255});
    gfx_text(g, _("What to do"), rect_take_top(&col, lh, 6 * sc), &hs);
    GfxTextStyle is = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    is.wrap = true;
    is.shrink = true;
    SDL_FRect info = rect_take_bottom(&col, lh * 1.3f, 8 * sc);
    gfx_text(g, scenario_instructions(scn, lang), col, &is);

    /* what is at stake: time limit and hints */
    char buf[200];
    if (scn->time_limit_s > 0) {
        snprintf(buf, sizeof buf, _("Time limit: %d min. %s"), (int)ceil(scn->time_limit_s / 60.0),
                 scn->hints ? _("Hints are allowed.") : _("No hints: this is a test."));
    } else {
        snprintf(buf, sizeof buf, "%s", scn->hints ? _("No time limit. Hints are allowed.")
                                                   : _("No time limit. No hints: this is a test."));
    }
    float ics = lh * 0.9f;
    gfx_icon(g, GFX_ICON_CLOCK, (SDL_FRect){info.x, info.y + (info.h - ics) * 0.5f, ics, ics}, theme.text_muted);
    GfxTextStyle ms = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL + 1, theme.text_muted);
    ms.valign = GFX_VALIGN_MIDDLE;
    ms.shrink = true;
    gfx_text(g, buf, (SDL_FRect){info.x + ics + 10 * sc, info.y, info.w - ics - 10 * sc, info.h}, &ms);

    if (ui_button(ui, "brief.start", go, _("I am ready: start"), GFX_ICON_PLAY, UI_PRIMARY)) {
        app_goto(app, SCENE_EXERCISE);
    }
}

const SceneDef scene_briefing = {"briefing", briefing_create, briefing_destroy, briefing_event, NULL, briefing_frame,
                                 NULL};
