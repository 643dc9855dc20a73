/*
 * test_gfx.c - the front end's drawing helpers on the software renderer:
 * gfx3d projection against the pinhole formula, picking as its inverse,
 * back-face culling, the painter's order, and the text cache and overflow
 * counter of gfx_text. Expected numbers come from the geometry stated here.
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "gfx.h"
#include "gfx3d.h"

static SDL_Color red = {255, 0, 0, 255}, blue = {0, 0, 255, 255}, black = {0, 0, 0, 255};

/* Camera on +z, 10 units from the origin, 90° field of view, 200x200 px:
 * a point (x, y, 0) lands at 100 + 100 * x / 10 (tan 45° = 1). */
static Gfx3dCamera camera(void)
{
    Gfx3dCamera c = {{0, 0, 10}, {0, 0, 0}, {0, 1, 0}, 90.0f, 0.1f, 100.0f};
    return c;
}

static Uint32 pixel(SDL_Surface *s, int x, int y)
{
    return ((Uint32 *)s->pixels)[y * (s->pitch / 4) + x];
}

static void test_projection(void)
{
    Gfx3d *g = gfx3d_create();
    Gfx3dCamera cam = camera();
    gfx3d_begin(g, &cam, (SDL_FRect){0, 0, 200, 200});
    SDL_FPoint p;
    vec3 origin = {0, 0, 0}, right = {1, 0, 0}, up = {0, 2, 0}, behind = {0, 0, 20};
    CHECK(gfx3d_project(g, origin, &p));
    CHECK_NEAR(p.x, 100.0, 1e-3);
    CHECK_NEAR(p.y, 100.0, 1e-3);
    CHECK(gfx3d_project(g, right, &p));
    CHECK_NEAR(p.x, 110.0, 1e-3);
    CHECK(gfx3d_project(g, up, &p));
    CHECK_NEAR(p.y, 80.0, 1e-3); /* screen y grows downwards */
    CHECK(!gfx3d_project(g, behind, &p));
    /* picking is the inverse of projecting, on the plane z = 0 */
    vec3 hit, n = {0, 0, 1};
    CHECK(gfx3d_pick_plane(g, 130.0f, 85.0f, origin, n, hit));
    CHECK_NEAR(hit[0], 3.0, 1e-3);
    CHECK_NEAR(hit[1], 1.5, 1e-3);
    CHECK_NEAR(hit[2], 0.0, 1e-3);
    vec3 side = {1, 0, 0};
    CHECK(!gfx3d_pick_plane(g, 100.0f, 100.0f, origin, side, hit)); /* ray parallel to x = 0 */
    gfx3d_destroy(g);
}

static void test_culling_and_order(SDL_Renderer *r, SDL_Surface *s)
{
    Gfx3d *g = gfx3d_create();
    Gfx3dCamera cam = camera();
    Gfx3dMesh box;
    gfx3d_mesh_init(&box);
    vec3 lo = {-1, -1, -1}, hi = {1, 1, 1};
    CHECK(gfx3d_mesh_box(&box, lo, hi, red));
    CHECK(box.count == 12);
    /* seen straight from +z only the +z face (2 triangles) faces the camera */
    gfx3d_begin(g, &cam, (SDL_FRect){0, 0, 200, 200});
    CHECK(gfx3d_add(g, &box, NULL));
    CHECK(gfx3d_draw(g, r) == 2);

    /* a near red square added first, a far blue one added after: the near one
     * must still be on top */
    Gfx3dMesh near_sq, far_sq;
    gfx3d_mesh_init(&near_sq);
    gfx3d_mesh_init(&far_sq);
    vec3 a = {-1, -1, 2}, b = {1, -1, 2}, c = {1, 1, 2}, d = {-1, 1, 2};
    vec3 e = {-3, -3, -2}, f = {3, -3, -2}, gg = {3, 3, -2}, h = {-3, 3, -2};
    CHECK(gfx3d_mesh_quad(&near_sq, a, b, c, d, red));
    CHECK(gfx3d_mesh_quad(&far_sq, e, f, gg, h, blue));
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    gfx3d_begin(g, &cam, (SDL_FRect){0, 0, 200, 200});
    vec3 light = {0, 0, 1};
    gfx3d_set_light(g, light, 1.0f); /* ambient 1: colours unchanged */
    CHECK(gfx3d_add(g, &near_sq, NULL));
    CHECK(gfx3d_add(g, &far_sq, NULL));
    CHECK(gfx3d_draw(g, r) == 4);
    SDL_RenderPresent(r);
    Uint32 centre = pixel(s, 100, 100), edge = pixel(s, 100, 100 - 20);
    /* near square: half-size 1 at distance 8 -> 100 +- 12.5 px; far: 3 at 12 -> 100 +- 25 px */
    CHECK(centre == SDL_MapRGB(s->format, 255, 0, 0));
    CHECK(edge == SDL_MapRGB(s->format, 0, 0, 255));
    /* a quad wound the other way faces away and is culled */
    Gfx3dMesh back;
    gfx3d_mesh_init(&back);
    CHECK(gfx3d_mesh_quad(&back, a, d, c, b, red));
    gfx3d_begin(g, &cam, (SDL_FRect){0, 0, 200, 200});
    CHECK(gfx3d_add(g, &back, NULL));
    CHECK(gfx3d_draw(g, r) == 0);
    /* a cylinder along z seen end-on shows its near cap only: 'segments' triangles */
    Gfx3dMesh cyl;
    gfx3d_mesh_init(&cyl);
    vec3 c0 = {0, 0, -1}, c1 = {0, 0, 1};
    CHECK(gfx3d_mesh_cylinder(&cyl, c0, c1, 1.0f, 16, true, red));
    CHECK(cyl.count == 16 * 4);
    gfx3d_begin(g, &cam, (SDL_FRect){0, 0, 200, 200});
    CHECK(gfx3d_add(g, &cyl, NULL));
    CHECK(gfx3d_draw(g, r) == 16);
    gfx3d_mesh_finish(&near_sq);
    gfx3d_mesh_finish(&far_sq);
    gfx3d_mesh_finish(&back);
    gfx3d_mesh_finish(&cyl);
    gfx3d_mesh_finish(&box);
    gfx3d_destroy(g);
}

/* A line over a known backdrop: its body in its colour, a one-pixel edge
 * half-way to the backdrop, and nothing beyond. */
static void test_polyline_over(SDL_Renderer *r, SDL_Surface *s, const char *fonts)
{
    char err[256] = "";
    Gfx *g = gfx_create(r, fonts, err, sizeof err);
    CHECK_MSG(g != NULL, "%s", err);
    if (!g) return;
    SDL_Color white = {255, 255, 255, 255};
    SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
    SDL_RenderClear(r);
    SDL_FPoint line[3] = {{20, 50}, {100, 50}, {180, 50}};
    gfx_polyline_over(g, line, 3, 4.0f, blue, white);
    SDL_RenderPresent(r);
    CHECK(pixel(s, 100, 50) == SDL_MapRGB(s->format, 0, 0, 255));
    CHECK(pixel(s, 100, 40) == SDL_MapRGB(s->format, 255, 255, 255));
    int half = 0;
    for (int y = 44; y <= 56; y++) {
        if (pixel(s, 100, y) == SDL_MapRGB(s->format, 128, 128, 255)) half++;
    }
    CHECK_MSG(half >= 1 && half <= 4, "%d edge pixels in column 100", half);
    gfx_destroy(g);
}

static void test_text(SDL_Renderer *r, const char *fonts)
{
    char err[256] = "";
    Gfx *g = gfx_create(r, fonts, err, sizeof err);
    CHECK_MSG(g != NULL, "%s", err);
    if (!g) return;
    gfx_set_scale(g, 1.0f, 1.0f);
    gfx_begin_frame(g);
    GfxTextStyle st = gfx_style(GFX_FONT_REGULAR, 20, black);
    SDL_FRect big = {0, 0, 600, 100};
    unsigned long made = 0, reused = 0;
    CHECK(gfx_text(g, "Angle de clive 1,4° : au-dessus de 1°", big, &st));
    gfx_text_cache_stats(g, &made, &reused, NULL);
    CHECK(made == 1 && reused == 0);
    /* the same text again: no new texture */
    CHECK(gfx_text(g, "Angle de clive 1,4° : au-dessus de 1°", big, &st));
    gfx_text_cache_stats(g, &made, &reused, NULL);
    CHECK(made == 1 && reused == 1);
    /* another colour is another texture */
    st.color = red;
    CHECK(gfx_text(g, "Angle de clive 1,4° : au-dessus de 1°", big, &st));
    gfx_text_cache_stats(g, &made, NULL, NULL);
    CHECK(made == 2);
    /* overflow: a box too small counts once per draw, a fitting one never */
    CHECK(gfx_text_overflows(g) == 0);
    CHECK(!gfx_text(g, "Une phrase bien trop longue pour cette case", (SDL_FRect){0, 0, 40, 30}, &st));
    CHECK(gfx_text_overflows(g) == 1);
    st.wrap = true;
    SDL_FPoint one = gfx_text_measure(g, "mot mot", GFX_FONT_REGULAR, 20);
    float line = gfx_line_height(g, GFX_FONT_REGULAR, 20);
    CHECK_NEAR(one.y, line, 0.5);
    /* wrapped at less than the whole width but more than one word: 2 lines */
    float two = gfx_text_wrapped_height(g, "mot mot", GFX_FONT_REGULAR, 20, one.x - 2);
    CHECK(two > 1.5f * line && two < 2.5f * line);
    CHECK(gfx_text(g, "mot mot", (SDL_FRect){0, 0, one.x - 2, two + 1}, &st));
    CHECK(gfx_text_overflows(g) == 1);
    /* shrink: too wide at 20 pt, fits at 70% */
    GfxTextStyle sh = gfx_style(GFX_FONT_REGULAR, 20, black);
    sh.shrink = true;
    SDL_FPoint w20 = gfx_text_measure(g, "Recommencer", GFX_FONT_REGULAR, 20);
    CHECK(gfx_text(g, "Recommencer", (SDL_FRect){0, 0, w20.x * 0.85f, 40}, &sh));
    CHECK(gfx_text_overflows(g) == 1);
    /* the scale multiplies text sizes */
    gfx_set_scale(g, 1.5f, 1.0f);
    SDL_FPoint w30 = gfx_text_measure(g, "Recommencer", GFX_FONT_REGULAR, 20);
    CHECK(w30.x > 1.4f * w20.x && w30.x < 1.6f * w20.x);
    gfx_destroy(g);
}

int main(void)
{
    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 200, 200, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    CHECK(r != NULL);
    if (!r) return test_done("gfx");
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char fonts[4096];
    snprintf(fonts, sizeof fonts, "%s/assets/fonts", root ? root : ".");
    test_projection();
    test_culling_and_order(r, s);
    test_polyline_over(r, s, fonts);
    test_text(r, fonts);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    TTF_Quit();
    SDL_Quit();
    return test_done("gfx");
}
