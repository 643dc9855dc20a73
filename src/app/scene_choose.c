/*
 * scene_choose.c - pick a module, then one of its scenarios (easiest first),
 * read its goal, start.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fibresim/module.h"
#include "i18n.h"
#include "scene_common.h"
#include "theme.h"

#define MAX_SHOWN 256

typedef struct ChooseScene {
    int module;                 /* index in module_all() */
    int scenario;               /* index in the module's list */
    float scroll_mod, scroll_scn;
    const Scenario *scns[MAX_SHOWN];
    size_t n_scns;
    char details[MAX_SHOWN][96];
    const char *items[MAX_SHOWN];
    const char *detail_ptrs[MAX_SHOWN];
    char mod_details[32][64];
    const char *mod_items[32];
    const char *mod_detail_ptrs[32];
} ChooseScene;

static void pick_module(ChooseScene *s, App *app, int m)
{
    size_t n = 0;
    const ModuleDef *const *mods = module_all(&n);
    s->module = m;
    s->scenario = 0;
    s->scroll_scn = 0;
    s->n_scns = (m >= 0 && (size_t)m < n) ? catalog_of_module(&app->catalog, mods[m]->name, s->scns, MAX_SHOWN) : 0;
    if (s->n_scns == 0) s->scenario = -1;
}

static void *choose_create(App *app)
{
    ChooseScene *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    size_t n = 0;
    const ModuleDef *const *mods = module_all(&n);
    int m = 0;
    /* come back where the trainee was */
    for (size_t i = 0; app->scenario && i < n; i++) {
        if (mods[i] == app->scenario->module) m = (int)i;
    }
    pick_module(s, app, n > 0 ? m : -1);
    for (size_t i = 0; i < s->n_scns; i++) {
        if (s->scns[i] == app->scenario) s->scenario = (int)i;
    }
    return s;
}

static void choose_destroy(void *self)
{
    free(self);
}

static bool choose_event(void *self, App *app, const SDL_Event *e)
{
    (void)self;
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        app_goto(app, SCENE_START);
        return true;
    }
    return false;
}

static void time_text(double limit_s, char *out, size_t n)
{
    if (limit_s <= 0) {
        snprintf(out, n, "%s", _("no time limit"));
    } else if (limit_s < 60) {
        snprintf(out, n, _("%d s"), (int)limit_s);
    } else {
        snprintf(out, n, _("%d min"), (int)ceil(limit_s / 60.0));
    }
}

static void draw_details(App *app, SDL_FRect card, const Scenario *scn, bool confirmed)
{
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    const char *lang = app->settings.lang;
    float pad = 24 * sc;
    SDL_FRect col = rect_inset(card, pad);
    float row = ui_row_h(ui);
    SDL_FRect go = rect_take_bottom(&col, row * 1.15f, THEME_GAP * sc);

    float th = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_HEADING);
    float title_h = gfx_text_wrapped_height(g, scenario_title(scn, lang), GFX_FONT_BOLD, THEME_TEXT_HEADING, col.w);
    if (title_h > th * 2) title_h = th * 2;
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_HEADING, theme.text);
    ts.wrap = true;
    ts.shrink = true;
    gfx_text(g, scenario_title(scn, lang), rect_take_top(&col, title_h, 12 * sc), &ts);

    /* level: stars and words (the stars alone would be a picture puzzle) */
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_BODY);
    SDL_FRect lv = rect_take_top(&col, lh, 10 * sc);
    float star = lh * 0.95f;
    for (int i = 0; i < 5; i++) {
        SDL_Color c = i < scn->difficulty ? theme.partial : (SDL_Color){200, 206, 214, 255};
        gfx_icon(g, GFX_ICON_STAR, (SDL_FRect){lv.x + (float)i * (star + 2), lv.y, star, star}, c);
    }
    char buf[128];
    snprintf(buf, sizeof buf, _("Level %d of 5"), scn->difficulty);
    GfxTextStyle bs = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    bs.shrink = true;
    float tx = lv.x + 5 * (star + 2) + 12 * sc;
    gfx_text(g, buf, (SDL_FRect){tx, lv.y, lv.x + lv.w - tx, lh}, &bs);

    SDL_FRect tl = rect_take_top(&col, lh, 16 * sc);
    gfx_icon(g, GFX_ICON_CLOCK, (SDL_FRect){tl.x, tl.y, star, star}, theme.text_muted);
    char t[64];
    time_text(scn->time_limit_s, t, sizeof t);
    if (scn->time_limit_s > 0) {
        snprintf(buf, sizeof buf, _("Time limit: %s"), t);
    } else {
        snprintf(buf, sizeof buf, "%s", _("No time limit"));
    }
    gfx_text(g, buf, (SDL_FRect){tl.x + star + 12 * sc, tl.y, tl.w - star - 12 * sc, lh}, &bs);

    gfx_fill_rect(g, rect_take_top(&col, 1.5f, 14 * sc), (SDL_Color){210, 216, 222, 255});
    GfxTextStyle gh = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.primary);
    gfx_text(g, _("Goal"), rect_take_top(&col, lh, 6 * sc), &gh);
    GfxTextStyle gs = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    gs.wrap = true;
    gs.shrink = true;
    gfx_text(g, scenario_goal(scn, lang), col, &gs);

    if (ui_button(ui, "choose.start", go, _("Start the exercise"), GFX_ICON_PLAY, UI_PRIMARY) || confirmed) {
        app->scenario = scn;
        app_goto(app, SCENE_BRIEFING);
    }
}

static void choose_frame(void *self, App *app)
{
    ChooseScene *s = self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    float bw = fmaxf(row * 2.6f, 150 * sc);
    float nw = fmaxf(row * 4.5f, 300 * sc);
    SDL_FRect bar = scene_topbar(app, _("Choose an exercise"), NULL, (float)app->w - bw - nw - 80 * sc);
    SDL_FRect back = {bar.w - THEME_MARGIN * sc - bw, (bar.h - row) * 0.5f, bw, row};
    if (ui_button(ui, "choose.back", back, _("Back"), GFX_ICON_ARROW_LEFT, UI_QUIET)) {
        app_goto(app, SCENE_START);
    }
    /* who is training: a person icon and the name */
    SDL_FRect who = {back.x - nw - 12 * sc, 0, nw, bar.h};
    float is = row * 0.5f;
    gfx_icon(g, GFX_ICON_USER, (SDL_FRect){who.x, (bar.h - is) * 0.5f, is, is}, theme.on_topbar);
    GfxTextStyle ws = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.on_topbar);
    ws.valign = GFX_VALIGN_MIDDLE;
    ws.shrink = true;
    gfx_text(g, app->trainee.name[0] ? app->trainee.name : "-", (SDL_FRect){who.x + is + 10 * sc, 0, nw - is - 10 * sc, bar.h},
             &ws);

    SDL_FRect body = scene_body(app);
    size_t n_mods = 0;
    const ModuleDef *const *mods = module_all(&n_mods);
    if (n_mods > 32) n_mods = 32;
    if (app->catalog.count == 0 || n_mods == 0) {
        SDL_FRect card = {body.x, body.y, body.w, fminf(body.h, 220 * sc)};
        scene_card(app, card);
        float used = scene_card_heading(app, card, _("No exercise found"), GFX_ICON_WARNING);
        char buf[PATHS_MAX + 160];
        snprintf(buf, sizeof buf, _("No valid scenario in the folder %s. Ask your instructor."), app->paths.scenarios);
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
        st.wrap = true;
        st.shrink = true;
        gfx_text(g, buf, (SDL_FRect){card.x + 20 * sc, card.y + used, card.w - 40 * sc, card.h - used - 20 * sc}, &st);
        return;
    }

    float gap = THEME_GAP * sc;
    SDL_FRect mod_col, rest, scn_col, det;
    rect_split_h(body, body.w * 0.24f, gap, &mod_col, &rest);
    rect_split_h(rest, rest.w * 0.47f, gap, &scn_col, &det);

    /* modules */
    for (size_t i = 0; i < n_mods; i++) {
        s->mod_items[i] = _(mods[i]->label);
        const Scenario *tmp[MAX_SHOWN];
        size_t count = catalog_of_module(&app->catalog, mods[i]->name, tmp, MAX_SHOWN);
        if (count == 0) {
            snprintf(s->mod_details[i], sizeof s->mod_details[i], "%s", _("no exercise yet"));
        } else {
            snprintf(s->mod_details[i], sizeof s->mod_details[i],
                     ngettext("%zu exercise", "%zu exercises", (unsigned long)count), count);
        }
        s->mod_detail_ptrs[i] = s->mod_details[i];
    }
    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY);
    GfxTextStyle hs = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text_muted);
    hs.shrink = true;
    gfx_text(g, _("1. Subject"), rect_take_top(&mod_col, lh, 8 * sc), &hs);
    int m = s->module;
    if (ui_list(ui, "choose.modules", mod_col, s->mod_items, s->mod_detail_ptrs, (int)n_mods, &m, &s->scroll_mod)) {
        pick_module(s, app, m);
    }

    /* scenarios of the module */
    gfx_text(g, _("2. Exercise"), rect_take_top(&scn_col, lh, 8 * sc), &hs);
    for (size_t i = 0; i < s->n_scns; i++) {
        const Scenario *scn = s->scns[i];
        char t[64];
        time_text(scn->time_limit_s, t, sizeof t);
        snprintf(s->details[i], sizeof s->details[i], _("Level %d · %s"), scn->difficulty, t);
        s->items[i] = scenario_title(scn, app->settings.lang);
        s->detail_ptrs[i] = s->details[i];
    }
    if (s->n_scns > 0) {
        ui_list(ui, "choose.scenarios", scn_col, s->items, s->detail_ptrs, (int)s->n_scns, &s->scenario, &s->scroll_scn);
    } else {
        scene_card(app, scn_col);
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
        st.wrap = true;
        gfx_text(g, _("No exercise for this subject yet."), rect_inset(scn_col, 20 * sc), &st);
    }

    /* the chosen one */
    rect_take_top(&det, lh, 8 * sc);
    scene_card(app, det);
    if (s->scenario >= 0 && (size_t)s->scenario < s->n_scns) {
        draw_details(app, det, s->scns[s->scenario], ui_list_confirmed(ui, "choose.scenarios"));
    } else {
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
        st.wrap = true;
        gfx_text(g, _("Choose an exercise in the list."), rect_inset(det, 24 * sc), &st);
    }
}

const SceneDef scene_choose = {"choose", choose_create, choose_destroy, choose_event, NULL, choose_frame, NULL};
