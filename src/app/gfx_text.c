/*
 * gfx_text.c - text with SDL2_ttf: fonts per pixel size, word wrap, a cache
 * of rendered textures, and the overflow counter.
 *
 * Rendering a string with FreeType costs far more than drawing its texture,
 * so a text is rendered once per (string, font, pixel size, colour, wrap
 * width, alignment) and the texture reused until it has not been drawn for
 * CACHE_IDLE_FRAMES frames. Layout-only queries (measure, wrapped height)
 * are cached the same way without a texture.
 */
#include "gfx_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_IDLE_FRAMES 240
#define MAX_LINES 64

struct GfxTextEntry {
    GfxTextEntry *next;
    uint64_t hash;
    char *text;             /* owned */
    GfxFont font;
    int px;
    uint32_t rgba;          /* 0 for layout-only entries */
    int wrap_w;             /* 0 = one line */
    GfxAlign align;
    bool has_texture;
    SDL_Texture *tex;       /* owned; NULL for an empty string */
    int w, h;               /* laid out size in pixels */
    int lines;
    bool logged;            /* overflow already logged once */
    unsigned long last_used;
};

/* ---- fonts ---- */

static TTF_Font *font_get(Gfx *g, GfxFont font, int px)
{
    if (px < 6) px = 6;
    if (px > 200) px = 200;
    int free_slot = -1, oldest = 0;
    for (int i = 0; i < GFX_FONT_SLOTS; i++) {
        GfxFontSlot *s = &g->fonts[i];
        if (s->px == px && s->font == font && s->ttf) {
            s->last_use = g->frame;
            return s->ttf;
        }
        if (!s->ttf && free_slot < 0) free_slot = i;
        if (g->fonts[i].last_use < g->fonts[oldest].last_use) oldest = i;
    }
    int k = free_slot >= 0 ? free_slot : oldest;
    GfxFontSlot *s = &g->fonts[k];
    if (s->ttf) {
        TTF_CloseFont(s->ttf);
        s->ttf = NULL;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(g->font_data[font], (int)g->font_len[font]);
    s->ttf = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    if (!s->ttf) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "font size %d: %s", px, TTF_GetError());
        s->px = 0;
        return NULL;
    }
    TTF_SetFontHinting(s->ttf, TTF_HINTING_LIGHT);
    s->font = font;
    s->px = px;
    s->last_use = g->frame;
    return s->ttf;
}

static int px_of(const Gfx *g, float size_pt)
{
    int px = (int)lroundf(size_pt * g->layout_scale * g->text_scale);
    return px < 6 ? 6 : px;
}

/* ---- wrapping ---- */

typedef struct Line {
    const char *s;
    size_t len;
} Line;

static int line_width(TTF_Font *f, const char *s, size_t len)
{
    char buf[1024];
    if (len >= sizeof buf) len = sizeof buf - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    int w = 0, h = 0;
    TTF_SizeUTF8(f, buf, &w, &h);
    return w;
}

/* Byte length of the longest prefix of s[0..len) that fits in max_w, at
 * a UTF-8 character boundary, at least one character. */
static size_t fit_prefix(TTF_Font *f, const char *s, size_t len, int max_w)
{
    size_t best = 0;
    size_t i = 0;
    while (i < len) {
        size_t j = i + 1;
        while (j < len && ((unsigned char)s[j] & 0xC0) == 0x80) j++;
        if (best > 0 && line_width(f, s, j) > max_w) break;
        best = j;
        i = j;
    }
    return best;
}

/* A space where a line may break. French puts a space inside « » and before
 * : ; ! ? - breaking there would leave the sign alone at a line's start or
 * end, so those spaces hold (as if they were no-break spaces). */
static bool break_space(const char *p, size_t i, size_t len)
{
    if (p[i] != ' ') return false;
    if (i >= 2 && (unsigned char)p[i - 2] == 0xC2 && (unsigned char)p[i - 1] == 0xAB) return false; /* « */
    if (i + 2 < len && (unsigned char)p[i + 1] == 0xC2 && (unsigned char)p[i + 2] == 0xBB) return false; /* » */
    if (i + 1 < len && strchr(":;!?", p[i + 1]) && (i + 2 >= len || p[i + 2] == ' ')) return false;
    return true;
}

/* Greedy word wrap at spaces and newlines; words wider than the box are cut. */
static int wrap_lines(TTF_Font *f, const char *s, int max_w, Line *out, int max_lines)
{
    int n = 0;
    const char *p = s;
    while (*p && n < max_lines) {
        const char *nl = strchr(p, '\n');
        size_t para = nl ? (size_t)(nl - p) : strlen(p);
        if (max_w <= 0) {
            out[n++] = (Line){p, para};
        } else {
            size_t start = 0;
            while (start < para && n < max_lines) {
                size_t end = start, last_fit = start;
                bool any = false;
                while (end <= para) {
                    size_t we = end;
                    while (we < para && !break_space(p, we, para)) we++;
                    if (line_width(f, p + start, we - start) <= max_w) {
                        last_fit = we;
                        any = true;
                        end = we + 1;
                        if (we >= para) break;
                    } else {
                        break;
                    }
                }
                if (!any) {
                    size_t we = start;
                    while (we < para && !break_space(p, we, para)) we++;
                    last_fit = start + fit_prefix(f, p + start, we - start, max_w);
                }
                out[n++] = (Line){p + start, last_fit - start};
                start = last_fit;
                while (start < para && p[start] == ' ') start++;
            }
            if (para == 0) {
                out[n++] = (Line){p, 0};
            }
        }
        if (!nl) break;
        p = nl + 1;
    }
    return n;
}

/* ---- cache ---- */

static uint64_t hash_key(const char *s, GfxFont font, int px, uint32_t rgba, int wrap_w, GfxAlign align)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h = (h ^ *p) * 1099511628211ULL;
    }
    uint64_t extra[5] = {(uint64_t)font, (uint64_t)px, rgba, (uint64_t)(uint32_t)wrap_w, (uint64_t)align};
    for (int i = 0; i < 5; i++) {
        h = (h ^ extra[i]) * 1099511628211ULL;
    }
    return h;
}

static void entry_free(GfxTextEntry *e)
{
    if (e->tex) SDL_DestroyTexture(e->tex);
    free(e->text);
    free(e);
}

void gfx_text_cache_free(Gfx *g)
{
    for (int b = 0; b < GFX_TEXT_BUCKETS; b++) {
        GfxTextEntry *e = g->buckets[b];
        while (e) {
            GfxTextEntry *n = e->next;
            entry_free(e);
            e = n;
        }
        g->buckets[b] = NULL;
    }
    g->held = 0;
}

void gfx_text_cache_age(Gfx *g)
{
    if (g->frame % 60 != 0) {
        return;
    }
    for (int b = 0; b < GFX_TEXT_BUCKETS; b++) {
        GfxTextEntry **pp = &g->buckets[b];
        while (*pp) {
            GfxTextEntry *e = *pp;
            if (g->frame - e->last_used > CACHE_IDLE_FRAMES) {
                *pp = e->next;
                entry_free(e);
                g->held--;
            } else {
                pp = &e->next;
            }
        }
    }
}

static uint32_t pack(SDL_Color c)
{
    return ((uint32_t)c.r << 24) | ((uint32_t)c.g << 16) | ((uint32_t)c.b << 8) | c.a;
}

/* Renders the lines into one texture (lines aligned inside its width). */
static SDL_Texture *render_lines(Gfx *g, TTF_Font *f, const Line *lines, int n, int w, int h, SDL_Color c,
                                 GfxAlign align)
{
    if (w <= 0 || h <= 0) {
        return NULL;
    }
    SDL_Surface *dst = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!dst) {
        return NULL;
    }
    SDL_FillRect(dst, NULL, SDL_MapRGBA(dst->format, c.r, c.g, c.b, 0));
    int skip = TTF_FontLineSkip(f);
    for (int i = 0; i < n; i++) {
        if (lines[i].len == 0) continue;
        char buf[1024];
        size_t len = lines[i].len < sizeof buf ? lines[i].len : sizeof buf - 1;
        memcpy(buf, lines[i].s, len);
        buf[len] = '\0';
        SDL_Surface *s = TTF_RenderUTF8_Blended(f, buf, c);
        if (!s) continue;
        SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
        int x = 0;
        if (align == GFX_ALIGN_CENTER) x = (w - s->w) / 2;
        else if (align == GFX_ALIGN_RIGHT) x = w - s->w;
        SDL_Rect at = {x, i * skip, s->w, s->h};
        SDL_BlitSurface(s, NULL, dst, &at);
        SDL_FreeSurface(s);
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(g->r, dst);
    SDL_FreeSurface(dst);
    if (t) SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

/* Finds or makes the entry; with_texture renders it if needed. */
static GfxTextEntry *entry_get(Gfx *g, const char *s, GfxFont font, int px, SDL_Color c, int wrap_w,
                               GfxAlign align, bool with_texture)
{
    uint32_t rgba = with_texture ? pack(c) : 0;
    if (!with_texture) align = GFX_ALIGN_LEFT;
    uint64_t h = hash_key(s, font, px, rgba, wrap_w, align);
    size_t b = (size_t)(h % GFX_TEXT_BUCKETS);
    for (GfxTextEntry *e = g->buckets[b]; e; e = e->next) {
        if (e->hash == h && e->font == font && e->px == px && e->rgba == rgba && e->wrap_w == wrap_w
            && e->align == align && e->has_texture == with_texture && strcmp(e->text, s) == 0) {
            e->last_used = g->frame;
            if (with_texture) g->reused++;
            return e;
        }
    }
    TTF_Font *f = font_get(g, font, px);
    if (!f) {
        return NULL;
    }
    GfxTextEntry *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    e->text = SDL_strdup(s);
    if (!e->text) {
        free(e);
        return NULL;
    }
    e->hash = h;
    e->font = font;
    e->px = px;
    e->rgba = rgba;
    e->wrap_w = wrap_w;
    e->align = align;
    e->has_texture = with_texture;
    e->last_used = g->frame;
    Line lines[MAX_LINES];
    int n = wrap_lines(f, s, wrap_w, lines, MAX_LINES);
    int w = 0;
    for (int i = 0; i < n; i++) {
        int lw = line_width(f, lines[i].s, lines[i].len);
        if (lw > w) w = lw;
    }
    int skip = TTF_FontLineSkip(f);
    e->lines = n;
    e->w = w;
    e->h = n > 0 ? (n - 1) * skip + TTF_FontHeight(f) : 0;
    if (with_texture) {
        int tw = wrap_w > 0 && align != GFX_ALIGN_LEFT && wrap_w > w ? wrap_w : w;
        e->tex = render_lines(g, f, lines, n, tw, e->h, c, align);
        if (e->tex) e->w = tw;
        g->made++;
    }
    e->next = g->buckets[b];
    g->buckets[b] = e;
    g->held++;
    return e;
}

/* ---- public ---- */

GfxTextStyle gfx_style(GfxFont font, float size_pt, SDL_Color color)
{
    GfxTextStyle st = {font, size_pt, color, GFX_ALIGN_LEFT, GFX_VALIGN_TOP, false, false};
    return st;
}

SDL_FPoint gfx_text_measure(Gfx *g, const char *s, GfxFont font, float size_pt)
{
    SDL_Color none = {0, 0, 0, 0};
    GfxTextEntry *e = entry_get(g, s ? s : "", font, px_of(g, size_pt), none, 0, GFX_ALIGN_LEFT, false);
    return e ? (SDL_FPoint){(float)e->w, (float)e->h} : (SDL_FPoint){0, 0};
}

float gfx_text_wrapped_height(Gfx *g, const char *s, GfxFont font, float size_pt, float max_w)
{
    SDL_Color none = {0, 0, 0, 0};
    int ww = (int)floorf(max_w);
    GfxTextEntry *e = entry_get(g, s ? s : "", font, px_of(g, size_pt), none, ww > 1 ? ww : 1, GFX_ALIGN_LEFT,
                                false);
    return e ? (float)e->h : 0;
}

float gfx_line_height(Gfx *g, GfxFont font, float size_pt)
{
    TTF_Font *f = font_get(g, font, px_of(g, size_pt));
    return f ? (float)TTF_FontHeight(f) : size_pt;
}

static void draw_entry(Gfx *g, const GfxTextEntry *e, float x, float y)
{
    if (!e->tex) return;
    SDL_FRect dst = {roundf(x), roundf(y), (float)e->w, (float)e->h};
    SDL_RenderCopyF(g->r, e->tex, NULL, &dst);
}

bool gfx_text(Gfx *g, const char *s, SDL_FRect box, const GfxTextStyle *st)
{
    if (!s || !s[0]) {
        return true;
    }
    int px = px_of(g, st->size_pt);
    int min_px = st->shrink ? (int)floorf((float)px * 0.7f) : px;
    if (min_px < 6) min_px = 6;
    int wrap_w = st->wrap ? (int)floorf(box.w) : 0;
    if (st->wrap && wrap_w < 1) wrap_w = 1;
    GfxTextEntry *e = NULL;
    bool fits = false;
    int step = px / 10 > 1 ? px / 10 : 1;
    for (int p = px;; p -= step) {
        if (p < min_px) p = min_px;
        e = entry_get(g, s, st->font, p, st->color, wrap_w, st->align, true);
        if (!e) return false;
        fits = (float)e->h <= box.h + 0.5f && (float)e->w <= box.w + 0.5f;
        if (fits || p == min_px) break;
    }
    float x = box.x, y = box.y;
    float w = (float)e->w, h = (float)e->h;
    if (st->align == GFX_ALIGN_CENTER) x = box.x + (box.w - w) * 0.5f;
    else if (st->align == GFX_ALIGN_RIGHT) x = box.x + box.w - w;
    if (st->valign == GFX_VALIGN_MIDDLE) y = box.y + (box.h - h) * 0.5f;
    else if (st->valign == GFX_VALIGN_BOTTOM) y = box.y + box.h - h;
    if (fits) {
        draw_entry(g, e, x, y);
        return true;
    }
    g->overflows++;
    if (!e->logged) {
        e->logged = true;
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "text overflow: \"%s\" needs %dx%d px, box is %.0fx%.0f", s,
                    e->w, e->h, (double)box.w, (double)box.h);
    }
    /* Show what fits: the start of the text, clipped to the box. */
    if (x < box.x) x = box.x;
    if (y < box.y) y = box.y;
    SDL_Rect old;
    SDL_bool had = SDL_RenderIsClipEnabled(g->r);
    SDL_RenderGetClipRect(g->r, &old);
    SDL_Rect clip = {(int)floorf(box.x), (int)floorf(box.y), (int)ceilf(box.w), (int)ceilf(box.h)};
    if (had) SDL_IntersectRect(&clip, &old, &clip);
    SDL_RenderSetClipRect(g->r, &clip);
    draw_entry(g, e, x, y);
    SDL_RenderSetClipRect(g->r, had ? &old : NULL);
    return false;
}

SDL_FPoint gfx_text_at(Gfx *g, const char *s, float x, float y, GfxFont font, float size_pt, SDL_Color c,
                       GfxAlign align)
{
    if (!s || !s[0]) {
        return (SDL_FPoint){0, 0};
    }
    GfxTextEntry *e = entry_get(g, s, font, px_of(g, size_pt), c, 0, GFX_ALIGN_LEFT, true);
    if (!e) {
        return (SDL_FPoint){0, 0};
    }
    if (align == GFX_ALIGN_CENTER) x -= (float)e->w * 0.5f;
    else if (align == GFX_ALIGN_RIGHT) x -= (float)e->w;
    draw_entry(g, e, x, y);
    return (SDL_FPoint){(float)e->w, (float)e->h};
}

unsigned long gfx_text_overflows(const Gfx *g) { return g->overflows; }
void gfx_text_overflow_reset(Gfx *g) { g->overflows = 0; }

void gfx_text_cache_stats(const Gfx *g, unsigned long *made, unsigned long *reused, size_t *held)
{
    if (made) *made = g->made;
    if (reused) *reused = g->reused;
    if (held) *held = g->held;
}
