/*
 * endface_panel.c - the words of the end-face pictures: the module's notes
 * in the trainee's language with an icon each (never colour alone), each
 * side's state, and the probe's own PASS/FAIL banner.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "endface_scene.h"
#include "i18n.h"
#include "theme.h"

void efpanel_note_text(const EndfaceNote *n, const char *lang, char *out, size_t cap)
{
    const char *tmpl = _(endface_note_template(n->code));
    const char *side = _(endface_side_label(n->side));
    const char *kind = _(endface_kind_label(n->kind));
    char sep = lang && strcmp(lang, "fr") == 0 ? ',' : '.';
    endface_note_format(n, tmpl, side, kind, sep, out, cap);
}

typedef enum NoteTone { TONE_GOOD, TONE_MISTAKE, TONE_DANGER, TONE_HINT } NoteTone;

static NoteTone note_tone(EndfaceNoteCode c)
{
    switch (c) {
    case EF_NOTE_VERDICT_RIGHT:
    case EF_NOTE_FAULT_LOCATED:
    case EF_NOTE_LIFTED:
    case EF_NOTE_REPLACED_NEEDED:
        return TONE_GOOD;
    case EF_NOTE_LOOKED_INTO:
        return TONE_DANGER;
    case EF_NOTE_HINT_INSPECT:
    case EF_NOTE_HINT_CLEAN_DRY:
    case EF_NOTE_HINT_CLEAN_WET:
    case EF_NOTE_HINT_CLICK:
    case EF_NOTE_HINT_REPLACE:
    case EF_NOTE_HINT_CONNECT:
        return TONE_HINT;
    default:
        return TONE_MISTAKE;
    }
}

static void tone_style(NoteTone t, GfxIcon *icon, SDL_Color *fg, SDL_Color *bg)
{
    switch (t) {
    case TONE_GOOD:
        *icon = GFX_ICON_CHECK;
        *fg = theme.ok;
        *bg = theme.ok_bg;
        break;
    case TONE_DANGER:
        *icon = GFX_ICON_CROSS;
        *fg = theme.fail;
        *bg = theme.fail_bg;
        break;
    case TONE_HINT:
        *icon = GFX_ICON_HINT;
        *fg = theme.primary;
        *bg = (SDL_Color){226, 236, 248, 255};
        break;
    case TONE_MISTAKE:
    default:
        *icon = GFX_ICON_WARNING;
        *fg = theme.partial;
        *bg = theme.partial_bg;
        break;
    }
}

bool efpanel_note_shown(const EfScene *s, EndfaceNoteCode code)
{
    /* An exam (no hints) is judged at the end only: during the attempt the
     * panel tells nothing a real bench would not (whether a verdict, a
     * method or a stroke was right), only the safety warning and a click
     * cleaner that did not click (felt and heard on a real one). */
    return s->hints || code == EF_NOTE_LOOKED_INTO || code == EF_NOTE_SHORT_PUSH;
}

size_t efpanel_notes_shown(const EfScene *s, const EndfaceView *v)
{
    size_t n = 0;
    for (size_t i = 0; i < v->n_notes; i++) {
        n += efpanel_note_shown(s, v->notes[i].code);
    }
    return n;
}

float efpanel_notes(const EfScene *s, Gfx *g, SDL_FRect box, const EndfaceView *v, const char *lang,
                    size_t max_notes, bool fresh)
{
    float pad = gfx_px(g, 8.0f), icon = gfx_px(g, 22.0f), gap = gfx_px(g, 6.0f);
    float y = box.y;
    size_t k = 0;
    for (size_t i = v->n_notes; i-- > 0 && k < max_notes;) {
        const EndfaceNote *n = &v->notes[i];
        if (!efpanel_note_shown(s, n->code)) {
            continue;
        }
        char text[512];
        efpanel_note_text(n, lang, text, sizeof text);
        GfxIcon ic;
        SDL_Color fg, bg;
        tone_style(note_tone(n->code), &ic, &fg, &bg);
        float size = THEME_TEXT_SMALL;
        float tw = box.w - icon - 3 * pad;
        float th = gfx_text_wrapped_height(g, text, GFX_FONT_REGULAR, size, tw);
        float h = th + 2 * pad;
        if (y + h > box.y + box.h) {
            break; /* older notes that do not fit are left out, never cut */
        }
        SDL_FRect card = {box.x, y, box.w, h};
        if (k == 0) {
            gfx_fill_rounded(g, card, gfx_px(g, 8.0f), fresh ? bg : theme.panel_alt);
            if (fresh) {
                gfx_fill_rect(g, (SDL_FRect){card.x, card.y + pad * 0.5f, gfx_px(g, 4.0f), h - pad}, fg);
            }
        }
        gfx_icon(g, ic, (SDL_FRect){box.x + pad, y + pad, icon, icon}, fg);
        GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, size, k == 0 ? theme.text : theme.text_muted);
        st.wrap = true;
        gfx_text(g, text, (SDL_FRect){box.x + icon + 2 * pad, y + pad, tw, th + 2}, &st);
        y += h + gap;
        k++;
    }
    return y - box.y;
}

void efpanel_side_status(Gfx *g, SDL_FRect row, const EndfaceView *v, EndfaceSide side, bool selected)
{
    const EndfaceSideView *sv = &v->sides[side];
    GfxIcon ic = GFX_ICON_INFO;
    SDL_Color fg = theme.text_muted;
    const char *state = N_("not inspected yet");
    if (sv->verdict != EF_VERDICT_NONE && !sv->verdict_current) {
        ic = GFX_ICON_RETRY;
        fg = theme.partial;
        state = N_("changed: inspect it again");
    } else if (sv->verdict == EF_VERDICT_PASS) {
        ic = GFX_ICON_CHECK;
        fg = theme.ok;
        state = N_("you said PASS");
    } else if (sv->verdict == EF_VERDICT_FAIL) {
        ic = GFX_ICON_CROSS;
        fg = theme.fail;
        state = N_("you said FAIL");
    } else if (sv->inspected) {
        state = N_("inspected, no verdict yet");
    }
    float pad = gfx_px(g, 8.0f);
    if (selected) {
        gfx_fill_rounded(g, row, gfx_px(g, 8.0f), (SDL_Color){255, 243, 224, 255});
        gfx_stroke_rounded(g, row, gfx_px(g, 8.0f), fmaxf(2.0f, gfx_px(g, 2.0f)), theme.focus);
    }
    float is = fminf(row.h - 2 * pad, gfx_px(g, 26.0f));
    gfx_icon(g, ic, (SDL_FRect){row.x + pad, row.y + (row.h - is) * 0.5f, is, is}, fg);
    float x = row.x + is + 2 * pad, w = row.w - is - 3 * pad;
    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_SMALL);
    float y = row.y + (row.h - 2 * lh) * 0.5f;
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, theme.text);
    st.shrink = true;
    gfx_text(g, side == EF_SIDE_PATCH ? _("Patch cord") : _("Port"), (SDL_FRect){x, y, w, lh}, &st);
    GfxTextStyle ss = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL, fg);
    ss.shrink = true;
    gfx_text(g, _(state), (SDL_FRect){x, y + lh, w, lh}, &ss);
}

bool efpanel_grader_visible(const EfScene *s, const EndfaceView *v, EndfaceSide side)
{
    return s->auto_grader && v->sides[side].verdict_current;
}

void efpanel_grader_banner(Gfx *g, SDL_FRect rect, const Endface *face, float size_pt)
{
    IecGrade grade;
    iec_grade(face, &grade, NULL);
    char text[128];
    if (grade.passed) {
        snprintf(text, sizeof text, "%s", _("Probe: PASS"));
    } else {
        snprintf(text, sizeof text, _("Probe: FAIL, zone %s"), endface_zone_names[grade.first_failing_zone]);
    }
    SDL_Color bg = grade.passed ? theme.ok : theme.fail;
    gfx_fill_rounded(g, rect, rect.h * 0.3f, bg);
    float is = rect.h * 0.62f, pad = rect.h * 0.25f;
    gfx_icon(g, grade.passed ? GFX_ICON_CHECK : GFX_ICON_CROSS,
             (SDL_FRect){rect.x + pad, rect.y + (rect.h - is) * 0.5f, is, is}, theme.on_primary);
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, size_pt, theme.on_primary);
    st.valign = GFX_VALIGN_MIDDLE;
    st.shrink = true;
    gfx_text(g, text, (SDL_FRect){rect.x + is + 2 * pad, rect.y, rect.w - is - 3 * pad, rect.h}, &st);
}

void efpanel_safety(Gfx *g, SDL_FRect over, const EndfaceView *v, const char *lang)
{
    if (v->n_notes == 0 || v->notes[v->n_notes - 1].code != EF_NOTE_LOOKED_INTO) {
        return;
    }
    char text[512];
    efpanel_note_text(&v->notes[v->n_notes - 1], lang, text, sizeof text);
    float pad = gfx_px(g, 14.0f);
    float w = fminf(over.w - 2.0f * pad, gfx_px(g, 640.0f));
    float is = gfx_px(g, 40.0f);
    float tw = w - is - 3.0f * pad;
    float th = gfx_text_wrapped_height(g, text, GFX_FONT_BOLD, THEME_TEXT_BODY, tw);
    float h = fminf(fmaxf(th, is) + 2.0f * pad, over.h - 2.0f * pad);
    SDL_FRect r = {over.x + (over.w - w) * 0.5f, over.y + (over.h - h) * 0.5f, w, h};
    gfx_shadow(g, r, gfx_px(g, 10.0f), gfx_px(g, 12.0f));
    gfx_fill_rounded(g, r, gfx_px(g, 10.0f), theme.fail);
    SDL_FRect ib = {r.x + pad, r.y + (r.h - is) * 0.5f, is, is};
    gfx_fill_circle(g, ib.x + is * 0.5f, ib.y + is * 0.5f, is * 0.62f, theme.on_primary);
    gfx_icon(g, GFX_ICON_WARNING, (SDL_FRect){ib.x + is * 0.12f, ib.y + is * 0.1f, is * 0.76f, is * 0.76f}, theme.fail);
    GfxTextStyle st = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.on_primary);
    st.wrap = true;
    st.shrink = true;
    st.valign = GFX_VALIGN_MIDDLE;
    gfx_text(g, text, (SDL_FRect){r.x + is + 2.0f * pad, r.y + pad, tw, r.h - 2.0f * pad}, &st);
}
