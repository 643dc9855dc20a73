/*
 * scene_settings.c - language (switched at once), text size, full screen,
 * and where the results are kept (for the instructor).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "scene_common.h"
#include "theme.h"

typedef struct SettingsScene {
    SceneId back;   /* where "Back" returns */
} SettingsScene;

static void *settings_create(App *app)
{
    SettingsScene *s = calloc(1, sizeof *s);
    if (s) s->back = app->trainee.id[0] ? SCENE_CHOOSE : SCENE_START;
    return s;
}

static void settings_destroy(void *self)
{
    free(self);
}

static bool settings_event(void *self, App *app, const SDL_Event *e)
{
    SettingsScene *s = self;
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        app_goto(app, s->back);
        return true;
    }
    return false;
}

/* A labelled row: label on the left, the control's rectangle returned. */
static SDL_FRect setting_row(App *app, SDL_FRect *col, const char *label, GfxIcon icon, float ctrl_w)
{
    Gfx *g = app->gfx;
    float sc = app_scale(app);
    float row = ui_row_h(app->ui);
    SDL_FRect r = rect_take_top(col, row, 22 * sc);
    float is = row * 0.55f;
    gfx_icon(g, icon, (SDL_FRect){r.x, r.y + (row - is) * 0.5f, is, is}, theme.primary);
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
    st.valign = GFX_VALIGN_MIDDLE;
    st.shrink = true;
    float lx = r.x + is + 14 * sc;
    gfx_text(g, label, (SDL_FRect){lx, r.y, r.w - ctrl_w - (lx - r.x) - 16 * sc, row}, &st);
    return (SDL_FRect){r.x + r.w - ctrl_w, r.y, ctrl_w, row};
}

static void settings_frame(void *self, App *app)
{
    SettingsScene *s = self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    float bw = fmaxf(row * 2.6f, 150 * sc);
    SDL_FRect bar = scene_topbar(app, _("Settings"), NULL, (float)app->w - bw - 60 * sc);
    SDL_FRect back = {bar.w - THEME_MARGIN * sc - bw, (bar.h - row) * 0.5f, bw, row};
    if (ui_button(ui, "settings.back", back, _("Back"), GFX_ICON_ARROW_LEFT, UI_QUIET)) {
        app_goto(app, s->back);
    }

    SDL_FRect body = scene_body(app);
    float cw = fminf(body.w, 900 * sc);
    SDL_FRect card = {body.x + (body.w - cw) * 0.5f, body.y, cw, body.h};
    scene_card(app, card);
    float pad = 28 * sc;
    SDL_FRect col = rect_inset(card, pad);
    float ctrl_w = col.w * 0.66f;

    SDL_FRect c = setting_row(app, &col, _("Language"), GFX_ICON_LANGUAGE, ctrl_w);
    /* each language is named in itself, so anyone finds theirs */
    const char *langs[2] = {"Français", "English"};
    int lang = strcmp(app->settings.lang, "en") == 0 ? 1 : 0;
    if (ui_segmented(ui, "settings.lang", c, langs, 2, &lang)) {
        app_set_language(app, lang == 1 ? "en" : "fr");
    }

    c = setting_row(app, &col, _("Text size"), GFX_ICON_TEXT_SIZE, ctrl_w);
    const char *sizes[SETTINGS_TEXT_SIZES] = {_("Normal"), _("Large"), _("Very large")};
    int size = app->settings.text_size;
    if (ui_segmented(ui, "settings.size", c, sizes, SETTINGS_TEXT_SIZES, &size)) {
        app_set_text_size(app, size);
    }

    c = setting_row(app, &col, _("Full screen (F11)"), GFX_ICON_FULLSCREEN, ctrl_w);
    bool fs = app->settings.fullscreen;
    if (ui_toggle(ui, "settings.fullscreen", c, "", &fs)) {
        app_set_fullscreen(app, fs);
    }

    /* preview of the text size, so the choice is seen at once */
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_BODY);
    SDL_FRect prev = rect_take_top(&col, lh * 2.4f, 22 * sc);
    gfx_fill_rounded(g, prev, THEME_RADIUS * sc, theme.panel_alt);
    GfxTextStyle ps = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    ps.valign = GFX_VALIGN_MIDDLE;
    ps.align = GFX_ALIGN_CENTER;
    ps.shrink = true;
    gfx_text(g, _("Example: the cleave angle must stay under 1°."), rect_inset(prev, 10 * sc), &ps);

    /* where the results are: the instructor copies this folder */
    float sh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL);
    SDL_FRect where = rect_take_bottom(&col, sh * 3.2f, 0);
    GfxTextStyle ws = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, theme.text_muted);
    ws.shrink = true;
    gfx_text(g, _("Results are saved in:"), (SDL_FRect){where.x, where.y, where.w, sh}, &ws);
    GfxTextStyle wp = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL, theme.text_muted);
    wp.wrap = true;
    wp.shrink = true;
    gfx_text(g, app->paths.data, (SDL_FRect){where.x, where.y + sh, where.w, where.h - sh}, &wp);
}

const SceneDef scene_settings = {"settings", settings_create, settings_destroy, settings_event, NULL,
                                 settings_frame, NULL};
