/*
 * scene_start.c - "Who is training?": pick a name from the list or type a
 * new one. Big rows and buttons; a new name is saved at once so it is in
 * the list next time.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fibresim/core.h"
#include "i18n.h"
#include "scene_common.h"
#include "splice_art.h"
#include "theme.h"

typedef struct StartScene {
    int selected;
    float scroll_px;
    char name[TRAINEE_NAME_MAX];
    char problem[256];      /* shown under the field, e.g. the name is empty */
    const char **items;     /* owned array of borrowed names */
    SpliceArt art;          /* welcome picture */
    double opened_s;
} StartScene;

static void *start_create(App *app)
{
    StartScene *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->selected = -1;
    s->opened_s = app->time_s;
    if (!splice_art_init(&s->art)) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "welcome picture left out (out of memory)");
    }
    for (size_t i = 0; i < app->trainees.count; i++) {
        if (strcmp(app->trainees.items[i].id, app->trainee.id) == 0) s->selected = (int)i;
    }
    if (app->trainees.count == 0) {
        ui_focus(app->ui, "start.name");
    }
    return s;
}

static void start_destroy(void *self)
{
    StartScene *s = self;
    splice_art_finish(&s->art);
    free(s->items);
    free(s);
}

static void choose_trainee(App *app, const TraineeInfo *t)
{
    app->trainee = *t;
    SDL_Log("trainee: %s (%s)", t->name, t->id);
    app_goto(app, SCENE_CHOOSE);
}

static void add_and_go(StartScene *s, App *app)
{
    char clean[TRAINEE_NAME_MAX];
    if (!trainees_clean_name(s->name, clean, sizeof clean)) {
        snprintf(s->problem, sizeof s->problem, "%s", _("Type your name first."));
        ui_focus(app->ui, "start.name");
        return;
    }
    TraineeInfo t;
    char err[256] = "";
    if (!trainees_add(&app->journal, &app->trainees, clean, &t, err, sizeof err)) {
        /* the name still works for this session: the attempt files carry it */
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "trainee not saved: %s", err);
    }
    choose_trainee(app, &t);
}

static void start_frame(void *self, App *app)
{
    StartScene *s = self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    SDL_FRect bar = scene_topbar(app, "Fibresim", _("Fibre optic training"), (float)app->w * 0.6f);
    float bw = fmaxf(row * 3.2f, 190 * sc);
    SDL_FRect set_btn = {bar.w - THEME_MARGIN * sc - bw, (bar.h - row) * 0.5f, bw, row};
    if (ui_button(ui, "start.settings", set_btn, _("Settings"), GFX_ICON_SETTINGS, UI_QUIET)) {
        app_goto(app, SCENE_SETTINGS);
    }
    SDL_FRect instr_btn = {set_btn.x - THEME_GAP * sc - bw, set_btn.y, bw, row};
    if (ui_button(ui, "start.instructor", instr_btn, _("Instructor"), GFX_ICON_INFO, UI_QUIET)) {
        app_goto(app, SCENE_PIN);
    }

    SDL_FRect body = scene_body(app);
    float th = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_TITLE);
    SDL_FRect title = rect_take_top(&body, th, THEME_GAP * sc);
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_TITLE, theme.text);
    ts.shrink = true;
    gfx_text(g, _("Who is training?"), title, &ts);

    SDL_FRect left, right;
    rect_split_h(body, (body.w - THEME_GAP * sc * 1.5f) * 0.52f, THEME_GAP * sc * 1.5f, &left, &right);
    float pad = 20 * sc;

    /* known trainees */
    scene_card(app, left);
    float used = scene_card_heading(app, left, _("Choose your name"), GFX_ICON_USER);
    SDL_FRect inner = {left.x + pad, left.y + used, left.w - 2 * pad, left.h - used - pad};
    SDL_FRect go = rect_take_bottom(&inner, row, THEME_GAP * sc);
    size_t n = app->trainees.count;
    if (n > 0) {
        const char **items = realloc(s->items, n * sizeof *items);
        if (items) {
            s->items = items;
            for (size_t i = 0; i < n; i++) items[i] = app->trainees.items[i].name;
            bool changed = ui_list(ui, "start.list", inner, s->items, NULL, (int)n, &s->selected, &s->scroll_px);
            (void)changed;
        }
        bool ok = s->selected >= 0 && (size_t)s->selected < n;
        bool enter = ui_list_confirmed(ui, "start.list");
        if ((ui_button_ex(ui, "start.go", go, _("Continue"), GFX_ICON_ARROW_RIGHT, UI_PRIMARY, ok) || enter) && ok) {
            choose_trainee(app, &app->trainees.items[s->selected]);
        }
    } else {
        SDL_FRect msg = inner;
        float is = 48 * sc;
        gfx_icon(g, GFX_ICON_INFO, (SDL_FRect){msg.x, msg.y, is, is}, theme.text_muted);
        GfxTextStyle ms = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
        ms.wrap = true;
        gfx_text(g, _("Nobody has trained on this computer yet. Type your name on the right."),
                 (SDL_FRect){msg.x + is + 14 * sc, msg.y, msg.w - is - 14 * sc, msg.h + row}, &ms);
    }

    /* new trainee */
    scene_card(app, right);
    used = scene_card_heading(app, right, _("New trainee"), GFX_ICON_PLUS);
    SDL_FRect col = {right.x + pad, right.y + used, right.w - 2 * pad, right.h - used - pad};
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_BODY);
    GfxTextStyle ls = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text);
    ls.shrink = true;
    gfx_text(g, _("Your first name and last name:"), rect_take_top(&col, lh, 8 * sc), &ls);
    SDL_FRect field = rect_take_top(&col, row * 1.1f, THEME_GAP * sc);
    bool enter = ui_text_field(ui, "start.name", field, s->name, sizeof s->name, _("e.g. Marie Dupont"));
    SDL_FRect add = rect_take_top(&col, row, THEME_GAP * sc);
    if (ui_button(ui, "start.add", add, _("Start"), GFX_ICON_PLAY, UI_PRIMARY) || enter) {
        add_and_go(s, app);
    }
    if (s->problem[0]) {
        float is = lh;
        SDL_FRect p = rect_take_top(&col, lh * 2.2f, 0);
        gfx_icon(g, GFX_ICON_WARNING, (SDL_FRect){p.x, p.y, is, is}, theme.fail);
        GfxTextStyle ps = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.fail);
        ps.wrap = true;
        gfx_text(g, s->problem, (SDL_FRect){p.x + is + 8 * sc, p.y, p.w - is - 8 * sc, p.h}, &ps);
    }
    /* the welcome picture in the room left under the field */
    if (col.h > 120 * sc) {
        SDL_FRect pic = {right.x + 2, col.y + 8 * sc, right.w - 4, right.y + right.h - col.y - 8 * sc - 14 * sc};
        splice_art_draw(&s->art, g, pic, app->time_s - s->opened_s);
    }
}

const SceneDef scene_start = {"start", start_create, start_destroy, NULL, NULL, start_frame, NULL};
