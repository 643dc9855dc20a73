/*
 * splice_art.c - the welcome picture (see splice_art.h). Sizes in mm, true
 * to a splicer's proportions: 125 um glass, 250 um coating (drawn thicker so
 * they show), V-groove blocks, two electrodes across the gap.
 */
#include "splice_art.h"

#include <math.h>

static const SDL_Color DECK = {104, 116, 130, 255};
static const SDL_Color BLOCK = {150, 160, 172, 255};
static const SDL_Color GLASS = {210, 236, 250, 255};
static const SDL_Color COATING = {245, 196, 40, 255};
static const SDL_Color ELECTRODE = {120, 110, 100, 255};

bool splice_art_init(SpliceArt *a)
{
    gfx3d_mesh_init(&a->base);
    gfx3d_mesh_init(&a->blocks);
    gfx3d_mesh_init(&a->parts);
    bool ok = true;
    const vec3 deck_lo = {-30, -4, -12}, deck_hi = {30, 0, 12};
    ok = ok && gfx3d_mesh_box(&a->base, deck_lo, deck_hi, DECK);
    const vec3 l_lo = {-16, 0, -3}, l_hi = {-2.5f, 2.5f, 3};
    const vec3 r_lo = {2.5f, 0, -3}, r_hi = {16, 2.5f, 3};
    ok = ok && gfx3d_mesh_box(&a->blocks, l_lo, l_hi, BLOCK);
    ok = ok && gfx3d_mesh_box(&a->blocks, r_lo, r_hi, BLOCK);
    /* fibres: bare glass near the gap, coated further out */
    const vec3 g1a = {-12, 3.1f, 0}, g1b = {-0.3f, 3.1f, 0};
    const vec3 g2a = {0.3f, 3.1f, 0}, g2b = {12, 3.1f, 0};
    const vec3 c1a = {-30, 3.1f, 0}, c1b = {-12, 3.1f, 0};
    const vec3 c2a = {12, 3.1f, 0}, c2b = {30, 3.1f, 0};
    ok = ok && gfx3d_mesh_cylinder(&a->parts, g1a, g1b, 0.55f, 12, true, GLASS);
    ok = ok && gfx3d_mesh_cylinder(&a->parts, g2a, g2b, 0.55f, 12, true, GLASS);
    ok = ok && gfx3d_mesh_cylinder(&a->parts, c1a, c1b, 1.1f, 14, true, COATING);
    ok = ok && gfx3d_mesh_cylinder(&a->parts, c2a, c2b, 1.1f, 14, true, COATING);
    /* electrodes across the gap, pointing at it */
    const vec3 e1a = {0, 3.1f, -14}, e1b = {0, 3.1f, -2.2f};
    const vec3 e2a = {0, 3.1f, 2.2f}, e2b = {0, 3.1f, 14};
    ok = ok && gfx3d_mesh_cylinder(&a->parts, e1a, e1b, 0.8f, 10, true, ELECTRODE);
    ok = ok && gfx3d_mesh_cylinder(&a->parts, e2a, e2b, 0.8f, 10, true, ELECTRODE);
    a->ready = ok;
    return ok;
}

void splice_art_finish(SpliceArt *a)
{
    gfx3d_mesh_finish(&a->base);
    gfx3d_mesh_finish(&a->blocks);
    gfx3d_mesh_finish(&a->parts);
    a->ready = false;
}

void splice_art_draw(SpliceArt *a, Gfx *g, SDL_FRect area, double t_s)
{
    if (!a->ready || area.w < 40 || area.h < 40) {
        return;
    }
    Gfx3d *s = gfx_3d(g);
    float turn = (float)(0.35 * sin(t_s * 0.4));
    /* far enough for the deck's width to fill the area's */
    float aspect = area.w / area.h;
    float dist = 60.0f / (aspect > 1.8f ? 1.0f : aspect / 1.8f);
    Gfx3dCamera cam = {{dist * sinf(turn), dist * 0.6f, dist * cosf(turn)}, {0, -1.0f, 0}, {0, 1, 0}, 34.0f, 5.0f,
                       400.0f};
    SDL_Rect clip = {(int)area.x, (int)area.y, (int)area.w, (int)area.h};
    SDL_RenderSetClipRect(gfx_renderer(g), &clip);
    gfx3d_begin(s, &cam, area);
    /* deck, then the blocks on it, then the fibres on them: each layer its
     * own batch, so the painter's sort never puts the deck over a block */
    gfx3d_add(s, &a->base, NULL);
    gfx3d_draw(s, gfx_renderer(g));
    gfx3d_add(s, &a->blocks, NULL);
    gfx3d_draw(s, gfx_renderer(g));
    gfx3d_add(s, &a->parts, NULL);
    gfx3d_draw(s, gfx_renderer(g));
    /* the arc between the electrode tips, blinking */
    vec3 tip1 = {0, 3.1f, -2.2f}, tip2 = {0, 3.1f, 2.2f};
    SDL_FPoint p1, p2;
    if (fmod(t_s, 3.0) < 0.6 && gfx3d_project(s, tip1, &p1) && gfx3d_project(s, tip2, &p2)) {
        SDL_Color arc = {150, 200, 255, 255};
        gfx_line(g, p1.x, p1.y, p2.x, p2.y, gfx_px(g, 3.0f), arc);
    }
    SDL_RenderSetClipRect(gfx_renderer(g), NULL);
}
