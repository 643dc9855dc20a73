/*
 * scene_result.c - the score of the last attempt, passed or not (symbol,
 * word and colour), and one line per criterion saying why in plain words,
 * with "Try again" and "Back".
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "fibresim/core.h"
#include "fibresim/messages.h"
#include "i18n.h"
#include "scene_common.h"
#include "theme.h"

#define LINES_MAX (RUBRIC_CRITERIA_MAX + RUBRIC_PENALTIES_MAX + RESULT_SAFETY_MAX)

typedef enum LineKind { LINE_OK, LINE_PARTIAL, LINE_FAIL, LINE_MISSING, LINE_PENALTY, LINE_SAFETY } LineKind;

typedef struct ResultLine {
    LineKind kind;
    char label[128];
    char text[512];
} ResultLine;

typedef struct ResultScene {
    ResultLine lines[LINES_MAX];
    size_t n;
    char lang[4];     /* language the lines were written in */
    float scroll_px;
    TouchScroll touch;      /* a finger dragging the criteria */
    SDL_FRect list_r;       /* the criteria's area in the last frame */
    float content_h, view_h;
} ResultScene;

static LineKind kind_of(Verdict v)
{
    switch (v) {
    case VERDICT_OK: return LINE_OK;
    case VERDICT_PARTIAL: return LINE_PARTIAL;
    case VERDICT_FAIL: return LINE_FAIL;
    default: return LINE_MISSING;
    }
}

/* Writes the lines in the current language (again after a language switch). */
static void build_lines(ResultScene *s, const App *app)
{
    const Result *r = &app->result;
    const MessageDef *table = app->result_scn ? app->result_scn->module->messages : NULL;
    char sep = i18n_decimal_sep();
    s->n = 0;
    for (size_t i = 0; i < r->n_criteria && s->n < LINES_MAX; i++) {
        const CriterionResult *c = &r->criteria[i];
        const MessageDef *m = message_find(table, c->def.message[0] ? c->def.message : c->def.measure);
        ResultLine *l = &s->lines[s->n++];
        l->kind = kind_of(c->verdict);
        fs_strlcpy(l->label, _(m->label), sizeof l->label);
        message_format(_(message_template(m, c->verdict)), c, sep, l->text, sizeof l->text);
    }
    for (size_t i = 0; i < r->n_safety && s->n < LINES_MAX; i++) {
        const MessageDef *m = message_find(table, r->safety[i].event);
        ResultLine *l = &s->lines[s->n++];
        l->kind = LINE_SAFETY;
        fs_strlcpy(l->label, _(m->label), sizeof l->label);
        fs_strlcpy(l->text, _("Safety fault: the attempt fails whatever the points."), sizeof l->text);
    }
    for (size_t i = 0; i < r->n_penalties && s->n < LINES_MAX; i++) {
        const PenaltyResult *p = &r->penalties[i];
        if (p->count == 0) continue;
        const MessageDef *m = message_find(table, p->def.event);
        ResultLine *l = &s->lines[s->n++];
        l->kind = LINE_PENALTY;
        fs_strlcpy(l->label, _(m->label), sizeof l->label);
        char pts[32];
        message_number(p->points, 0, sep, pts, sizeof pts);
        snprintf(l->text, sizeof l->text, ngettext("%u time: %s points taken off", "%u times: %s points taken off",
                                                   (unsigned long)p->count),
                 p->count, pts);
    }
    fs_strlcpy(s->lang, app->settings.lang, sizeof s->lang);
}

static void *result_create(App *app)
{
    if (!app->have_result) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "no result to show");
        return NULL;
    }
    ResultScene *s = calloc(1, sizeof *s);
    if (s) build_lines(s, app);
    return s;
}

static void result_destroy(void *self)
{
    free(self);
}

static bool result_event(void *self, App *app, const SDL_Event *e)
{
    ResultScene *s = self;
    if (touch_scroll_event(&s->touch, e, s->list_r, app->w, app->h, &s->scroll_px)) {
        return false; /* the widgets still see the finger (a press that ends on a button) */
    }
    if (e->type == SDL_MOUSEWHEEL && e->wheel.which != SDL_TOUCH_MOUSEID) {
        s->scroll_px -= e->wheel.preciseY * 60.0f * app_scale(app);
        return true;
    }
    if (e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_ESCAPE) {
        app_goto(app, SCENE_CHOOSE);
        return true;
    }
    if (e->type == SDL_KEYDOWN && (e->key.keysym.sym == SDLK_DOWN || e->key.keysym.sym == SDLK_UP)) {
        s->scroll_px += (e->key.keysym.sym == SDLK_DOWN ? 60.0f : -60.0f) * app_scale(app);
        return true;
    }
    return false;
}

static void line_style(LineKind k, GfxIcon *icon, SDL_Color *fg, SDL_Color *bg, const char **word)
{
    switch (k) {
    case LINE_OK: *icon = GFX_ICON_CHECK; *fg = theme.ok; *bg = theme.ok_bg; *word = _("Good"); break;
    case LINE_PARTIAL: *icon = GFX_ICON_MINUS; *fg = theme.partial; *bg = theme.partial_bg; *word = _("Almost"); break;
    case LINE_FAIL: *icon = GFX_ICON_CROSS; *fg = theme.fail; *bg = theme.fail_bg; *word = _("Not good"); break;
    case LINE_MISSING: *icon = GFX_ICON_CROSS; *fg = theme.fail; *bg = theme.fail_bg; *word = _("Not done"); break;
    case LINE_PENALTY: *icon = GFX_ICON_MINUS; *fg = theme.partial; *bg = theme.partial_bg; *word = _("Penalty"); break;
    case LINE_SAFETY: *icon = GFX_ICON_WARNING; *fg = theme.fail; *bg = theme.fail_bg; *word = _("Danger"); break;
    }
}

static void draw_score(App *app, SDL_FRect card)
{
    Gfx *g = app->gfx;
    const Result *r = &app->result;
    float sc = app_scale(app);
    SDL_FRect col = rect_inset(card, 24 * sc);
    float radius = fminf(col.w * 0.36f, col.h * 0.24f);
    float cx = col.x + col.w * 0.5f, cy = col.y + radius + 6 * sc;
    float ring = fmaxf(8.0f, 16 * sc);
    const float pi = 3.14159265f;
    float a0 = pi * 0.75f, span = pi * 1.5f;
    SDL_Color verdict = r->passed ? theme.ok : theme.fail;
    gfx_stroke_arc(g, cx, cy, radius, a0, a0 + span, ring, (SDL_Color){222, 227, 232, 255});
    float frac = (float)(r->total / 100.0);
    if (frac > 0.001f) gfx_stroke_arc(g, cx, cy, radius, a0, a0 + span * frac, ring, verdict);
    /* the pass mark as a tick across the ring */
    float pm = a0 + span * (float)(r->pass_mark / 100.0);
    gfx_line(g, cx + (radius - ring) * cosf(pm), cy + (radius - ring) * sinf(pm), cx + (radius + ring) * cosf(pm),
             cy + (radius + ring) * sinf(pm), fmaxf(2, 3 * sc), theme.text);
    char num[16];
    snprintf(num, sizeof num, "%.0f", floor(r->total + 0.5));
    GfxTextStyle ns = gfx_style(GFX_FONT_BOLD, 64, theme.text);
    ns.align = GFX_ALIGN_CENTER;
    ns.valign = GFX_VALIGN_MIDDLE;
    ns.shrink = true;
    gfx_text(g, num, (SDL_FRect){cx - radius * 0.7f, cy - radius * 0.5f, radius * 1.4f, radius * 0.8f}, &ns);
    GfxTextStyle os = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
    os.align = GFX_ALIGN_CENTER;
    os.shrink = true;
    gfx_text(g, _("out of 100"), (SDL_FRect){cx - radius * 0.7f, cy + radius * 0.3f, radius * 1.4f,
                                             gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_BODY)}, &os);
    SDL_FRect rest = {col.x, cy + radius + 8 * sc, col.w, col.y + col.h - (cy + radius + 8 * sc)};

    /* verdict badge: symbol + word + colour */
    float bh = fmaxf(ui_row_h(app->ui), 64 * sc);
    SDL_FRect badge = rect_take_top(&rest, bh, 12 * sc);
    gfx_fill_rounded(g, badge, THEME_RADIUS * sc, verdict);
    float is = bh * 0.55f;
    const char *word = r->passed ? _("Passed") : _("Not passed");
    SDL_FPoint tsz = gfx_text_measure(g, word, GFX_FONT_BOLD, THEME_TEXT_HEADING + 2);
    float gw = fminf(is + 12 * sc + tsz.x, badge.w - 20 * sc);
    float bx = badge.x + (badge.w - gw) * 0.5f;
    gfx_icon(g, r->passed ? GFX_ICON_CHECK : GFX_ICON_CROSS, (SDL_FRect){bx, badge.y + (bh - is) * 0.5f, is, is},
             theme.on_primary);
    GfxTextStyle ws = gfx_style(GFX_FONT_BOLD, THEME_TEXT_HEADING + 2, theme.on_primary);
    ws.valign = GFX_VALIGN_MIDDLE;
    ws.shrink = true;
    gfx_text(g, word, (SDL_FRect){bx + is + 12 * sc, badge.y, gw - is - 12 * sc + 1, bh}, &ws);

    char buf[160], pm_txt[16];
    message_number(r->pass_mark, 0, i18n_decimal_sep(), pm_txt, sizeof pm_txt);
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL + 1);
    GfxTextStyle ss = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL + 1, theme.text);
    ss.align = GFX_ALIGN_CENTER;
    ss.shrink = true;
    snprintf(buf, sizeof buf, _("Pass mark: %s"), pm_txt);
    gfx_text(g, buf, rect_take_top(&rest, lh, 4 * sc), &ss);
    const char *status = r->status == ATTEMPT_ABANDONED ? _("Stopped before the end.")
                         : r->status == ATTEMPT_TIMEOUT ? _("The time was up.")
                                                        : NULL;
    if (status) {
        ss.font = GFX_FONT_BOLD;
        gfx_text(g, status, rect_take_top(&rest, lh, 4 * sc), &ss);
        ss.font = GFX_FONT_REGULAR;
    }
    unsigned secs = r->ticks / 100;
    snprintf(buf, sizeof buf, _("Time: %u:%02u"), secs / 60, secs % 60);
    gfx_text(g, buf, rect_take_top(&rest, lh, 4 * sc), &ss);
    /* saved or waiting: a trainee must know the attempt is kept */
    ss.color = app->result_saved ? theme.ok : theme.partial;
    gfx_text(g, app->result_saved ? _("Result saved.") : _("Result kept, not saved yet."), rect_take_top(&rest, lh, 0),
             &ss);
}

static void result_frame(void *self, App *app)
{
    ResultScene *s = self;
    Gfx *g = app->gfx;
    Ui *ui = app->ui;
    float sc = app_scale(app);
    float row = ui_row_h(ui);
    if (strcmp(s->lang, app->settings.lang) != 0) build_lines(s, app);
    const char *title = app->result_scn ? scenario_title(app->result_scn, app->settings.lang) : "";
    scene_topbar(app, _("Your result"), title, (float)app->w - 40 * app_scale(app));

    SDL_FRect body = scene_body(app);
    if (journal_pending_count(&app->pending) > 0) body.h -= fmaxf(row + 16 * sc, 72 * sc); /* room for the banner */
    SDL_FRect btns = rect_take_bottom(&body, row * 1.1f, THEME_GAP * sc);
    SDL_FRect left, right;
    rect_split_h(body, fminf(body.w * 0.33f, 420 * sc), THEME_GAP * sc * 1.5f, &left, &right);
    scene_card(app, left);
    draw_score(app, left);

    scene_card(app, right);
    float used = scene_card_heading(app, right, _("Why this score"), GFX_ICON_INFO);
    float pad = 20 * sc;
    SDL_FRect list = {right.x + pad, right.y + used, right.w - 2 * pad, right.h - used - pad};
    s->view_h = list.h;
    s->list_r = list;
    float max_scroll = s->content_h > list.h ? s->content_h - list.h : 0;
    if (s->scroll_px > max_scroll) s->scroll_px = max_scroll;
    if (s->scroll_px < 0) s->scroll_px = 0;
    SDL_Rect clip = {(int)list.x - 2, (int)list.y, (int)list.w + 4, (int)list.h};
    SDL_RenderSetClipRect(app->renderer, &clip);
    float y = list.y - s->scroll_px;
    float sym = fmaxf(36 * sc, 28.0f);
    float word_w = 130 * sc;
    float lh_label = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_BODY);
    for (size_t i = 0; i < s->n; i++) {
        const ResultLine *l = &s->lines[i];
        GfxIcon icon = GFX_ICON_NONE;
        SDL_Color fg = theme.text, bg = theme.panel_alt;
        const char *word = "";
        line_style(l->kind, &icon, &fg, &bg, &word);
        float tx = list.x + sym + 14 * sc;
        float tw = list.w - (tx - list.x) - word_w - 10 * sc;
        float th = gfx_text_wrapped_height(g, l->text, GFX_FONT_REGULAR, THEME_TEXT_BODY - 1, tw);
        float h = fmaxf(sym, lh_label + th) + 16 * sc;
        if (y + h >= list.y && y <= list.y + list.h) {
            gfx_fill_circle(g, list.x + sym * 0.5f, y + 8 * sc + sym * 0.5f, sym * 0.5f, bg);
            gfx_icon(g, icon, (SDL_FRect){list.x + sym * 0.2f, y + 8 * sc + sym * 0.2f, sym * 0.6f, sym * 0.6f}, fg);
            GfxTextStyle ls = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
            ls.shrink = true;
            gfx_text(g, l->label, (SDL_FRect){tx, y + 8 * sc, tw, lh_label}, &ls);
            GfxTextStyle ts = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY - 1, theme.text);
            ts.wrap = true;
            gfx_text(g, l->text, (SDL_FRect){tx, y + 8 * sc + lh_label, tw, th + 1}, &ts);
            GfxTextStyle wst = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, fg);
            wst.align = GFX_ALIGN_RIGHT;
            wst.shrink = true;
            gfx_text(g, word, (SDL_FRect){list.x + list.w - word_w, y + 8 * sc + (sym - lh_label) * 0.5f, word_w, lh_label},
                     &wst);
        }
        y += h;
        if (i + 1 < s->n) gfx_fill_rect(g, (SDL_FRect){list.x, y - 1, list.w, 1}, (SDL_Color){222, 227, 232, 255});
    }
    SDL_RenderSetClipRect(app->renderer, NULL);
    s->content_h = y + s->scroll_px - list.y;
    if (s->content_h > list.h) {
        /* more lines below: a scroll bar says so */
        float bar_h = list.h * list.h / s->content_h;
        float bar_y = list.y + (list.h - bar_h) * (max_scroll > 0 ? s->scroll_px / max_scroll : 0);
        float bw = 6 * sc;
        gfx_fill_rounded(g, (SDL_FRect){right.x + right.w - bw - 6 * sc, bar_y, bw, bar_h}, bw * 0.5f, theme.border);
    }
    if (s->n == 0) {
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_BODY, theme.text_muted);
        st.wrap = true;
        gfx_text(g, _("This exercise has no scored criterion."), list, &st);
    }

    SDL_FRect a, b;
    float bw = fminf(360 * sc, (btns.w - THEME_GAP * sc) * 0.5f);
    SDL_FRect pair = {btns.x + btns.w - 2 * bw - THEME_GAP * sc, btns.y, 2 * bw + THEME_GAP * sc, btns.h};
    rect_split_h(pair, bw, THEME_GAP * sc, &a, &b);
    if (ui_button(ui, "result.back", a, _("Back"), GFX_ICON_ARROW_LEFT, UI_SECONDARY)) {
        app_goto(app, SCENE_CHOOSE);
    }
    if (ui_button(ui, "result.retry", b, _("Try again"), GFX_ICON_RETRY, UI_PRIMARY) && app->result_scn) {
        app->scenario = app->result_scn;
        app_goto(app, SCENE_EXERCISE);
    }
}

const SceneDef scene_result = {"result", result_create, result_destroy, result_event, NULL, result_frame, NULL};
