/*
 * endface_image.c - the probe's picture of an end face, pixel by pixel (see
 * endface_image.h for the stages and the mapping).
 *
 * What a 200x-400x video probe shows, and how it is imitated here:
 *   - the zirconia ferrule is a mid grey with a fine grain (value noise at
 *     two scales, in micrometres so the grain keeps its size when zooming);
 *   - the polished glass of the cladding reflects the probe's coaxial light:
 *     a bright disc, edged by the thin dark line of the adhesive;
 *   - the core shows as a faint, slightly darker disc (9 um single-mode,
 *     50 um multimode); an APC face, polished at 8 degrees, is lit a little
 *     unevenly across;
 *   - particles (dust, dust-cap flakes) are opaque: dark with a soft halo,
 *     dust with a small highlight; lint is a thin fuzzy dark fibre;
 *   - films (skin oil, dried solvent) are translucent, with soft edges and a
 *     darker meniscus; oil keeps faint fingerprint ridges, residue dries to
 *     a "coffee ring";
 *   - damage: scratches are thin dark lines, pits dark round spots, chips
 *     dark jagged notches.
 * Outlines of particles, films and chips wobble by a few per cent around the
 * model's circle (real debris is not round), keeping its mean radius, so the
 * size a trainee reads stays the model's.
 */
#include "endface_image.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PI_D 3.14159265358979323846

/* ---- noise ---------------------------------------------------------------- */

static uint32_t hash3(uint32_t x, uint32_t y, uint32_t s)
{
    uint32_t h = x * 0x8da6b343u ^ y * 0xd8163841u ^ s * 0xcb1ab31fu;
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    h *= 0x297a2d39u;
    h ^= h >> 15;
    return h;
}

/* -1..1 */
static float hash_unit(uint32_t h)
{
    return (float)(h >> 8) * (2.0f / 16777216.0f) - 1.0f;
}

/* Smooth value noise, -1..1, one cell per unit. */
static float vnoise(float x, float y, uint32_t seed)
{
    float fx = floorf(x), fy = floorf(y);
    uint32_t ix = (uint32_t)(int32_t)fx, iy = (uint32_t)(int32_t)fy;
    float tx = x - fx, ty = y - fy;
    tx = tx * tx * (3.0f - 2.0f * tx);
    ty = ty * ty * (3.0f - 2.0f * ty);
    float a = hash_unit(hash3(ix, iy, seed)), b = hash_unit(hash3(ix + 1, iy, seed));
    float c = hash_unit(hash3(ix, iy + 1, seed)), d = hash_unit(hash3(ix + 1, iy + 1, seed));
    float top = a + (b - a) * tx, bottom = c + (d - c) * tx;
    return top + (bottom - top) * ty;
}

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static float smooth01(float t)
{
    t = clampf(t, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

/* ---- face hash ---------------------------------------------------------------- */

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t efimage_face_hash(const Endface *f)
{
    uint64_t h = 14695981039346656037ull;
    int head[2] = {(int)f->type, (int)f->ferrule};
    h = fnv(h, head, sizeof head);
    h = fnv(h, &f->count, sizeof f->count);
    for (size_t i = 0; i < f->count; i++) {
        const EndfaceFeature *e = &f->features[i];
        int k = (int)e->kind;
        double v[5] = {e->x_um, e->y_um, e->size_um, e->length_um, e->angle_deg};
        h = fnv(h, &k, sizeof k);
        h = fnv(h, v, sizeof v);
    }
    return h;
}

/* ---- optics ------------------------------------------------------------------- */

double efimage_blur_um(double focus_error_um)
{
    /* About 1 um of depth of field, then the blur grows with the error. */
    double e = fabs(focus_error_um) - 1.0;
    return e > 0.0 ? 0.45 * e : 0.0;
}

double efimage_contrast(double focus_error_um)
{
    double e = focus_error_um / 30.0;
    return 1.0 / (1.0 + e * e);
}

/* ---- the sharp picture ---------------------------------------------------------- */

/* Where a pixel is in micrometres and how big a pixel is. */
typedef struct Frame {
    int n;            /* size_px */
    float s;          /* px per um */
    float half;       /* n / 2 */
} Frame;

static float um_x(const Frame *fr, int i)
{
    return ((float)i + 0.5f - fr->half) / fr->s;
}

static float um_y(const Frame *fr, int j)
{
    return (fr->half - ((float)j + 0.5f)) / fr->s;
}

static void render_base(float *lum, const Frame *fr, EndfaceType type)
{
    const float clad_r = 62.5f;
    const float core_r = type == ENDFACE_MM ? 25.0f : 4.6f;
    const float core_soft = type == ENDFACE_MM ? 2.0f : 1.2f;
    const float px_um = 1.0f / fr->s;
    for (int j = 0; j < fr->n; j++) {
        float y = um_y(fr, j);
        float *row = lum + (size_t)j * (size_t)fr->n;
        for (int i = 0; i < fr->n; i++) {
            float x = um_x(fr, i);
            float r = sqrtf(x * x + y * y);
            float L;
            if (r > clad_r + 3.0f) {
                /* zirconia: grain at 3.5 um and 1.2 um, faint polishing marks */
                L = 0.36f + 0.045f * vnoise(x / 3.5f, y / 3.5f, 11u) + 0.025f * vnoise(x / 1.2f, y / 1.2f, 12u)
                    + 0.012f * vnoise(x / 40.0f, y / 2.0f, 13u);
            } else {
                /* cladding glass, slightly darker towards its edge */
                float q = r / clad_r;
                float glass = 0.74f - 0.05f * q * q + 0.01f * vnoise(x / 4.0f, y / 4.0f, 14u);
                float ferrule = 0.36f + 0.045f * vnoise(x / 3.5f, y / 3.5f, 11u);
                /* glass -> adhesive line (about 1.5 um, dark) -> ferrule */
                float t_glass = smooth01((clad_r - r) / (px_um + 0.3f) + 0.5f);
                float d_line = fabsf(r - (clad_r + 0.9f));
                float line = 1.0f - smooth01((d_line - 0.75f) / (px_um + 0.3f) + 0.5f);
                L = glass * t_glass + ferrule * (1.0f - t_glass);
                L = L * (1.0f - line) + 0.13f * line;
                /* core */
                float core = smooth01((core_r - r) / core_soft + 0.5f);
                L -= (type == ENDFACE_MM ? 0.05f : 0.08f) * core;
            }
            if (type == ENDFACE_SM_APC) {
                /* 8 degree polish: the probe's light comes back unevenly */
                L *= 1.0f + 0.07f * (x / 150.0f) - 0.02f * (y / 150.0f);
            }
            /* sensor noise */
            L += 0.012f * hash_unit(hash3((uint32_t)i, (uint32_t)j, 7u));
            row[i] = L;
        }
    }
}

/* The outline of an irregular round feature: radius factor at angle a. */
typedef struct Wobble {
    float amp[4], phase[4];
    int freq[4];
} Wobble;

static Wobble make_wobble(uint32_t seed, float amount, int first_freq)
{
    Wobble w;
    float total = 0.0f;
    for (int k = 0; k < 4; k++) {
        w.freq[k] = first_freq + k * (first_freq > 2 ? 2 : 1);
        w.amp[k] = (0.5f + 0.5f * fabsf(hash_unit(hash3(seed, (uint32_t)k, 21u)))) / (float)(k + 1);
        w.phase[k] = (float)PI_D * hash_unit(hash3(seed, (uint32_t)k, 22u));
        total += w.amp[k];
    }
    for (int k = 0; k < 4; k++) {
        w.amp[k] *= amount / total;
    }
    return w;
}

static float wobble_at(const Wobble *w, float a)
{
    float f = 1.0f;
    for (int k = 0; k < 4; k++) {
        f += w->amp[k] * sinf((float)w->freq[k] * a + w->phase[k]);
    }
    return f;
}

static uint32_t feature_seed(const EndfaceFeature *e)
{
    /* From the feature's own values, not its index: a face keeps its look
     * when cleaning removes other features. */
    double v[4] = {e->x_um, e->y_um, e->size_um, e->length_um};
    uint64_t h = fnv(14695981039346656037ull, v, sizeof v);
    return (uint32_t)(h ^ (h >> 32)) ^ (uint32_t)e->kind * 0x9e3779b9u;
}

/* Pixel box (inclusive) around centre (cx, cy) um with half extent r um. */
typedef struct Box {
    int i0, i1, j0, j1;
} Box;

static bool box_of(const Frame *fr, float cx, float cy, float r_um, Box *b)
{
    float pi = fr->half + cx * fr->s, pj = fr->half - cy * fr->s, rp = r_um * fr->s + 2.0f;
    float lo = -1.0f, hi = (float)fr->n;
    if (pi + rp < lo || pi - rp > hi || pj + rp < lo || pj - rp > hi) {
        return false;
    }
    b->i0 = (int)clampf(floorf(pi - rp), 0.0f, (float)(fr->n - 1));
    b->i1 = (int)clampf(ceilf(pi + rp), 0.0f, (float)(fr->n - 1));
    b->j0 = (int)clampf(floorf(pj - rp), 0.0f, (float)(fr->n - 1));
    b->j1 = (int)clampf(ceilf(pj + rp), 0.0f, (float)(fr->n - 1));
    return true;
}

static void draw_round(float *lum, const Frame *fr, const EndfaceFeature *e)
{
    const float R = (float)e->size_um * 0.5f;
    const float cx = (float)e->x_um, cy = (float)e->y_um;
    const float px_um = 1.0f / fr->s;
    uint32_t seed = feature_seed(e);
    float amount = 0.0f, halo_um = 0.0f, soft_um = px_um;
    int first = 2;
    switch (e->kind) {
    case EF_DUST:
        amount = 0.12f;
        first = 3;
        halo_um = 0.35f * R + 0.8f;
        break;
    case EF_CAP_DEBRIS:
        amount = 0.16f;
        first = 3;
        halo_um = 0.2f * R + 0.6f;
        break;
    case EF_OIL:
        amount = 0.2f;
        soft_um = fmaxf(px_um * 1.5f, 0.25f * R);
        halo_um = fmaxf(px_um, 0.1f * R);
        break;
    case EF_RESIDUE:
        amount = 0.10f;
        soft_um = fmaxf(px_um, 0.05f * R);
        halo_um = soft_um * 2.0f;
        break;
    case EF_CHIP:
        amount = 0.22f;
        first = 3;
        break;
    case EF_PIT:
    default:
        amount = 0.0f;
        soft_um = fmaxf(px_um, 0.25f);
        break;
    }
    Wobble w = make_wobble(seed, amount, first);
    float reach = R * (1.0f + amount) + halo_um * 3.0f + soft_um;
    Box b;
    if (!box_of(fr, cx, cy, reach, &b)) {
        return;
    }
    /* fingerprint ridges: a direction and a curvature per film */
    float ra = (float)PI_D * hash_unit(hash3(seed, 5u, 31u));
    float rdx = cosf(ra), rdy = sinf(ra);
    const float ridge_um = 5.0f + 2.0f * fabsf(hash_unit(hash3(seed, 6u, 31u)));
    for (int j = b.j0; j <= b.j1; j++) {
        float y = um_y(fr, j) - cy;
        float *row = lum + (size_t)j * (size_t)fr->n;
        for (int i = b.i0; i <= b.i1; i++) {
            float x = um_x(fr, i) - cx;
            float r = sqrtf(x * x + y * y);
            float edge = amount > 0.0f ? R * wobble_at(&w, atan2f(y, x)) : R;
            float d = r - edge;                        /* < 0 inside */
            float cov = smooth01(0.5f - d / soft_um);  /* 1 inside, 0 outside */
            float L = row[i];
            switch (e->kind) {
            case EF_DUST: {
                float halo = d > 0.0f ? expf(-(d * d) / (halo_um * halo_um)) : 1.0f;
                L *= 1.0f - 0.28f * halo;
                float body = 0.09f + 0.04f * vnoise(x / 1.5f, y / 1.5f, seed);
                /* a small highlight up-left, where the probe's light catches the grain */
                float hx = x + 0.35f * R, hy = y - 0.35f * R, hr = 0.3f * R + 0.3f;
                float hl = R > 1.5f ? 0.22f * expf(-(hx * hx + hy * hy) / (hr * hr)) : 0.0f;
                L = L * (1.0f - cov) + (body + hl) * cov;
                break;
            }
            case EF_CAP_DEBRIS: {
                float rim = expf(-(d * d) / (0.8f * 0.8f + px_um * px_um));
                float body = 0.46f + 0.08f * vnoise(x / 2.5f, y / 2.5f, seed);
                L = L * (1.0f - 0.85f * cov) + body * 0.85f * cov;
                L *= 1.0f - 0.55f * rim;
                break;
            }
            case EF_OIL: {
                float ridge = 0.5f + 0.5f * sinf(2.0f * (float)PI_D
                                                  * ((x * rdx + y * rdy) + 0.15f * (x * x + y * y) / (R + 1.0f))
                                                  / ridge_um);
                float meniscus = expf(-(d * d) / (halo_um * halo_um));
                L *= 1.0f - cov * (0.11f + 0.07f * ridge);
                L *= 1.0f - 0.13f * meniscus;
                break;
            }
            case EF_RESIDUE: {
                float ring = expf(-(d * d) / (halo_um * halo_um));
                float mottle = 0.5f + 0.5f * vnoise(x / 3.0f, y / 3.0f, seed);
                L *= 1.0f - cov * 0.1f * mottle;
                L *= 1.0f - 0.45f * ring;
                break;
            }
            case EF_CHIP: {
                float body = 0.05f + 0.03f * vnoise(x / 1.2f, y / 1.2f, seed);
                L = L * (1.0f - cov) + body * cov;
                break;
            }
            case EF_PIT:
            default:
                L = L * (1.0f - cov) + 0.04f * cov;
                break;
            }
            row[i] = L;
        }
    }
}

static void draw_elongated(float *lum, const Frame *fr, const EndfaceFeature *e)
{
    const float cx = (float)e->x_um, cy = (float)e->y_um;
    const float half_len = (float)e->length_um * 0.5f, w = (float)e->size_um;
    const float a = (float)(e->angle_deg * PI_D / 180.0);
    const float ux = cosf(a), uy = sinf(a);
    const float px_um = 1.0f / fr->s;
    const bool lint = e->kind == EF_LINT;
    uint32_t seed = feature_seed(e);
    /* Local coordinates: u along the axis, v across it. A lint fibre bends a
     * little (at most 3 um off the model's axis) and, when wide enough, is a
     * few twisted strands; a scratch is one straight line whose width
     * wavers slightly around the model's. */
    float sag = lint ? fminf(0.12f * half_len, 3.0f) * hash_unit(hash3(seed, 1u, 41u)) : 0.0f;
    int strands = lint && w >= 4.0f ? 3 : 1;
    float amp[3], period[3], phase[3];
    for (int k = 0; k < 3; k++) {
        amp[k] = strands > 1 ? w * 0.3f : 0.0f;
        period[k] = 25.0f + 20.0f * fabsf(hash_unit(hash3(seed, (uint32_t)k, 42u)));
        phase[k] = (float)PI_D * hash_unit(hash3(seed, (uint32_t)k, 43u));
    }
    float reach = half_len + w + fabsf(sag) + 2.0f * px_um + 1.0f;
    Box b;
    if (!box_of(fr, cx, cy, reach, &b)) {
        return;
    }
    /* A line thinner than a pixel shows fainter, not thinner. */
    float w_px = w * fr->s;
    float faint = fminf(w_px, 1.0f);
    float half_w = fmaxf(w, px_um) * 0.5f;
    float strand_hw = strands > 1 ? fmaxf(w * 0.17f, px_um * 0.6f) : half_w;
    float soft = lint ? fmaxf(px_um, 0.5f) : px_um;
    for (int j = b.j0; j <= b.j1; j++) {
        float y = um_y(fr, j) - cy;
        float *row = lum + (size_t)j * (size_t)fr->n;
        for (int i = b.i0; i <= b.i1; i++) {
            float x = um_x(fr, i) - cx;
            float u = x * ux + y * uy, v = -x * uy + y * ux;
            float uc = clampf(u, -half_len, half_len);
            float t = half_len > 0.0f ? uc / half_len : 0.0f;
            v -= sag * (1.0f - t * t);
            float beyond = fabsf(u) - half_len; /* > 0 past the axis' ends: round caps */
            float cov = 0.0f;
            if (lint) {
                for (int k = 0; k < strands; k++) {
                    float ck = amp[k] * sinf(2.0f * (float)PI_D * uc / period[k] + phase[k]);
                    float dv = v - ck;
                    float d = beyond > 0.0f ? sqrtf(dv * dv + beyond * beyond) : fabsf(dv);
                    float ck_cov = smooth01(0.5f - (d - strand_hw) / soft);
                    cov = ck_cov > cov ? ck_cov : cov;
                }
                if (cov <= 0.0f) {
                    continue;
                }
                float fuzz = 0.8f + 0.2f * vnoise(x / 0.8f, y / 0.8f, seed);
                cov *= faint * 0.78f * fuzz;
                row[i] = row[i] * (1.0f - cov) + 0.12f * cov;
            } else {
                float hw = half_w * (1.0f + 0.12f * vnoise(u / 6.0f, 0.5f, seed));
                float d = beyond > 0.0f ? sqrtf(v * v + beyond * beyond) : fabsf(v);
                cov = smooth01(0.5f - (d - hw) / soft) * faint;
                if (cov > 0.0f) {
                    row[i] *= 1.0f - 0.68f * cov;
                }
            }
        }
    }
}

/* Drawing order: films under damage under loose particles. */
static int layer_of(EndfaceKind k)
{
    switch (k) {
    case EF_OIL:
    case EF_RESIDUE:
        return 0;
    case EF_SCRATCH:
    case EF_PIT:
    case EF_CHIP:
        return 1;
    case EF_LINT:
        return 2;
    case EF_DUST:
    case EF_CAP_DEBRIS:
    case EF_KIND_COUNT:
    default:
        return 3;
    }
}

static void render_features(float *lum, const Frame *fr, const Endface *f)
{
    for (int layer = 0; layer < 4; layer++) {
        for (size_t i = 0; i < f->count; i++) {
            const EndfaceFeature *e = &f->features[i];
            if (layer_of(e->kind) != layer || !(e->size_um > 0.0)) {
                continue;
            }
            if (endface_kind_elongated(e->kind)) {
                draw_elongated(lum, fr, e);
            } else {
                draw_round(lum, fr, e);
            }
        }
    }
}

/* ---- the displayed picture -------------------------------------------------------- */

/* One box blur pass of radius r along each row. */
static void box_rows(const float *restrict src, float *restrict dst, int n, int r)
{
    const float inv = 1.0f / (float)(2 * r + 1);
    for (int l = 0; l < n; l++) {
        const float *s = src + (size_t)l * (size_t)n;
        float *d = dst + (size_t)l * (size_t)n;
        float acc = s[0] * (float)(r + 1);
        for (int k = 1; k <= r; k++) {
            acc += s[k < n ? k : n - 1];
        }
        for (int x = 0; x < n; x++) {
            d[x] = acc * inv;
            int add = x + r + 1, sub = x - r;
            acc += s[add < n ? add : n - 1] - s[sub > 0 ? sub : 0];
        }
    }
}

/* The same down each column, walking rows so memory is read in order (one
 * running sum per column in acc, n floats). */
static void box_cols(const float *restrict src, float *restrict dst, int n, int r, float *restrict acc)
{
    const float inv = 1.0f / (float)(2 * r + 1);
    const size_t w = (size_t)n;
    for (int x = 0; x < n; x++) {
        acc[x] = src[x] * (float)(r + 1);
    }
    for (int k = 1; k <= r; k++) {
        const float *row = src + (size_t)(k < n ? k : n - 1) * w;
        for (int x = 0; x < n; x++) acc[x] += row[x];
    }
    for (int y = 0; y < n; y++) {
        float *d = dst + (size_t)y * w;
        int add = y + r + 1, sub = y - r;
        const float *ra = src + (size_t)(add < n ? add : n - 1) * w;
        const float *rs = src + (size_t)(sub > 0 ? sub : 0) * w;
        for (int x = 0; x < n; x++) {
            d[x] = acc[x] * inv;
            acc[x] += ra[x] - rs[x];
        }
    }
}

/* Gaussian of sigma_px approximated by three box passes each way (a box of
 * radius r has variance r(r+1)/3). Ends in out; tmp is scratch. */
static void blur(const float *src, float *out, float *tmp, float *acc, int n, int r)
{
    box_rows(src, tmp, n, r);
    box_cols(tmp, out, n, r, acc);
    for (int pass = 1; pass < 3; pass++) {
        box_rows(out, tmp, n, r);
        box_cols(tmp, out, n, r, acc);
    }
}

static int blur_radius(float sigma_px, int n)
{
    int r = (int)lroundf((sqrtf(4.0f * sigma_px * sigma_px + 1.0f) - 1.0f) * 0.5f);
    return r > n / 2 ? n / 2 : r;
}

/* Zone circle colours: told apart by hue and by their letters. */
static const float zone_rgb[ZONE_COUNT][3] = {
    {1.0f, 0.337f, 0.337f},  /* A */
    {0.275f, 0.784f, 1.0f},  /* B */
    {1.0f, 0.769f, 0.157f},  /* C */
    {0.431f, 0.922f, 0.431f},/* D */
};

#define SURROUND_R 0.024f
#define SURROUND_B 0.03f

static inline uint32_t pack(float r, float g, float b)
{
    uint32_t r8 = (uint32_t)(clampf(r, 0.0f, 1.0f) * 255.0f + 0.5f);
    uint32_t g8 = (uint32_t)(clampf(g, 0.0f, 1.0f) * 255.0f + 0.5f);
    uint32_t b8 = (uint32_t)(clampf(b, 0.0f, 1.0f) * 255.0f + 0.5f);
    return 0xFF000000u | (r8 << 16) | (g8 << 8) | b8;
}

/* What does not depend on focus and light, redone only with the size, the
 * scale, the type (zone sizes) or the overlay: the vignetting of each pixel,
 * which pixels are outside the round field (their colour is written here
 * once), on its soft edge, or under a zone circle. */
static bool build_geometry(EfImage *im, EndfaceType type, const EfImageParams *p)
{
    const int n = p->size_px;
    const float half = (float)n * 0.5f;
    const float field = half; /* the round field touches the square's sides */
    float ring_r[ZONE_COUNT];
    for (int z = 0; z < ZONE_COUNT; z++) {
        ring_r[z] = (float)(endface_zone_outer_um(type, (EndfaceZone)z) * 0.5 * p->px_per_um);
    }
    size_t n_edge = 0, n_ring = 0;
    const uint32_t outside = pack(SURROUND_R, SURROUND_R, SURROUND_B);
    for (int j = 0; j < n; j++) {
        float dy = (float)j + 0.5f - half;
        for (int i = 0; i < n; i++) {
            size_t k = (size_t)j * (size_t)n + (size_t)i;
            float dx = (float)i + 0.5f - half;
            float r = sqrtf(dx * dx + dy * dy);
            float in = clampf(field - r + 0.5f, 0.0f, 1.0f);
            float q = r / field;
            im->vig[k] = 1.0f - 0.25f * q * q * q * q;
            if (in <= 0.0f) {
                im->cls[k] = 0;
                im->pixels[k] = outside;
                continue;
            }
            im->cls[k] = in < 1.0f ? 2 : 1;
            if (in < 1.0f && n_edge < im->edge_cap) {
                im->edge[n_edge].index = (uint32_t)k;
                im->edge[n_edge].a = in;
                im->edge[n_edge].zone = 0;
                n_edge++;
            }
            if (!p->overlay) {
                continue;
            }
            for (int z = 0; z < ZONE_COUNT; z++) {
                float a = clampf(1.3f - fabsf(r - ring_r[z]), 0.0f, 1.0f) * 0.9f * in;
                if (a > 0.0f && n_ring < im->ring_cap) {
                    im->ring[n_ring].index = (uint32_t)k;
                    im->ring[n_ring].a = a;
                    im->ring[n_ring].zone = (uint8_t)z;
                    n_ring++;
                }
            }
        }
    }
    im->n_edge = n_edge;
    im->n_ring = n_ring;
    return true;
}

static void render_shown(EfImage *im, const EfImageParams *p, const float *lum)
{
    const size_t count = (size_t)p->size_px * (size_t)p->size_px;
    const float c = (float)efimage_contrast(p->focus_error_um);
    const float gain = 1.0f + 0.12f * (float)p->brightness;
    const float mid = 0.4f;
    /* v = (L * gain - mid) * c + mid = L * a + b */
    const float a = gain * c, b = mid * (1.0f - c);
    const uint8_t *restrict cls = im->cls;
    const float *restrict vig = im->vig;
    uint32_t *restrict out = im->pixels;
    for (size_t k = 0; k < count; k++) {
        if (cls[k] == 0) {
            continue; /* the black around the field: written with the geometry */
        }
        float v = (lum[k] * a + b) * vig[k];
        v = v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
        /* grey with a hint of blue in the shadows, as probe sensors show it */
        uint32_t g8 = (uint32_t)(v * 255.0f + 0.5f), b8 = (uint32_t)((0.98f * v + 0.02f) * 255.0f + 0.5f);
        out[k] = 0xFF000000u | (g8 << 16) | (g8 << 8) | b8;
    }
    /* the soft rim of the field, then the zone circles over the picture */
    for (size_t e = 0; e < im->n_edge; e++) {
        size_t k = im->edge[e].index;
        float in = im->edge[e].a;
        float v = clampf((lum[k] * a + b) * im->vig[k], 0.0f, 1.0f);
        float g = SURROUND_R + (v - SURROUND_R) * in;
        im->pixels[k] = pack(g, g, SURROUND_B + (v + 0.02f * (1.0f - v) - SURROUND_B) * in);
    }
    for (size_t e = 0; e < im->n_ring; e++) {
        size_t k = im->ring[e].index;
        uint32_t px = im->pixels[k];
        float al = im->ring[e].a;
        const float *rgb = zone_rgb[im->ring[e].zone];
        float r = (float)((px >> 16) & 0xFF) / 255.0f, g = (float)((px >> 8) & 0xFF) / 255.0f,
              bl = (float)(px & 0xFF) / 255.0f;
        im->pixels[k] = pack(r + (rgb[0] - r) * al, g + (rgb[1] - g) * al, bl + (rgb[2] - bl) * al);
    }
}

/* ---- lifecycle ------------------------------------------------------------------- */

void efimage_init(EfImage *im)
{
    memset(im, 0, sizeof *im);
}

void efimage_finish(EfImage *im)
{
    free(im->base);
    free(im->sharp);
    free(im->blurred);
    free(im->tmp);
    free(im->acc);
    free(im->vig);
    free(im->cls);
    free(im->pixels);
    free(im->edge);
    free(im->ring);
    memset(im, 0, sizeof *im);
}

static bool reserve(EfImage *im, int size_px)
{
    size_t count = (size_t)size_px * (size_t)size_px;
    if (count <= im->cap && (size_t)size_px <= im->acc_cap) {
        return true;
    }
    /* the edge of the field is about 2 pi r pixels, each circle of the
     * overlay about 3 times that: generous bounds */
    size_t edge_cap = (size_t)size_px * 8u + 64u, ring_cap = (size_t)size_px * 4u * 24u + 256u;
    EfImage n;
    memset(&n, 0, sizeof n);
    n.base = malloc(count * sizeof *n.base);
    n.sharp = malloc(count * sizeof *n.sharp);
    n.blurred = malloc(count * sizeof *n.blurred);
    n.tmp = malloc(count * sizeof *n.tmp);
    n.acc = malloc((size_t)size_px * sizeof *n.acc);
    n.vig = malloc(count * sizeof *n.vig);
    n.cls = malloc(count);
    n.pixels = malloc(count * sizeof *n.pixels);
    n.edge = malloc(edge_cap * sizeof *n.edge);
    n.ring = malloc(ring_cap * sizeof *n.ring);
    if (!n.base || !n.sharp || !n.blurred || !n.tmp || !n.acc || !n.vig || !n.cls || !n.pixels || !n.edge || !n.ring) {
        efimage_finish(&n);
        return false;
    }
    efimage_finish(im);
    *im = n;
    im->cap = count;
    im->acc_cap = (size_t)size_px;
    im->edge_cap = edge_cap;
    im->ring_cap = ring_cap;
    return true;
}

static bool same_params(const EfImageParams *a, const EfImageParams *b)
{
    return a->size_px == b->size_px && a->px_per_um == b->px_per_um && a->focus_error_um == b->focus_error_um
           && a->brightness == b->brightness && a->overlay == b->overlay;
}

bool efimage_update(EfImage *im, const Endface *f, const EfImageParams *p)
{
    if (!f || p->size_px < 16 || p->size_px > 4096 || !(p->px_per_um > 0.0) || !isfinite(p->px_per_um)
        || !isfinite(p->focus_error_um)) {
        im->shown_valid = false;
        return false;
    }
    if (!reserve(im, p->size_px)) {
        im->shown_valid = false;
        return false;
    }
    const int n = p->size_px;
    uint64_t h = efimage_face_hash(f);
    bool sharp_stale = !im->valid || h != im->face_hash || im->sharp_size_px != n
                       || im->sharp_px_per_um != p->px_per_um;
    if (sharp_stale) {
        Frame fr = {n, (float)p->px_per_um, (float)n * 0.5f};
        /* the clean face (grain, glass, core) is kept: a cleaning stroke
         * only redraws the features over a copy of it */
        if (!im->base_valid || im->base_size != n || im->base_scale != p->px_per_um || im->base_type != f->type) {
            render_base(im->base, &fr, f->type);
            im->base_valid = true;
            im->base_size = n;
            im->base_scale = p->px_per_um;
            im->base_type = f->type;
        }
        memcpy(im->sharp, im->base, (size_t)n * (size_t)n * sizeof *im->sharp);
        render_features(im->sharp, &fr, f);
        im->face_hash = h;
        im->sharp_size_px = n;
        im->sharp_px_per_um = p->px_per_um;
        im->valid = true;
        im->sharp_gen++;
        im->blur_valid = false;
    }
    if (!sharp_stale && im->shown_valid && same_params(&im->shown, p)) {
        return false;
    }
    bool geometry_stale = !im->geometry_valid || im->geometry_size != n || im->geometry_scale != p->px_per_um
                          || im->geometry_type != f->type || im->geometry_overlay != p->overlay;
    if (geometry_stale) {
        build_geometry(im, f->type, p);
        im->geometry_valid = true;
        im->geometry_size = n;
        im->geometry_scale = p->px_per_um;
        im->geometry_type = f->type;
        im->geometry_overlay = p->overlay;
    }
    /* the blur is kept for light steps and overlay toggles */
    int r = blur_radius((float)(efimage_blur_um(p->focus_error_um) * p->px_per_um), n);
    const float *lum = im->sharp;
    if (r >= 1) {
        if (!im->blur_valid || im->blur_radius != r) {
            blur(im->sharp, im->blurred, im->tmp, im->acc, n, r);
            im->blur_valid = true;
            im->blur_radius = r;
        }
        lum = im->blurred;
    }
    EfImageParams q = *p;
    if (q.brightness < EFIMAGE_BRIGHTNESS_MIN) q.brightness = EFIMAGE_BRIGHTNESS_MIN;
    if (q.brightness > EFIMAGE_BRIGHTNESS_MAX) q.brightness = EFIMAGE_BRIGHTNESS_MAX;
    render_shown(im, &q, lum);
    im->shown = *p;
    im->shown_valid = true;
    return true;
}
