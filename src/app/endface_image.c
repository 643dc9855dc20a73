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

/* Distance from (x, y) to the segment a-b. */
static float seg_dist(float x, float y, float ax, float ay, float bx, float by)
{
    float dx = bx - ax, dy = by - ay;
    float len2 = dx * dx + dy * dy;
    float t = len2 > 0.0f ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0.0f;
    t = clampf(t, 0.0f, 1.0f);
    float px = ax + t * dx - x, py = ay + t * dy - y;
    return sqrtf(px * px + py * py);
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
    /* A lint fibre bends a little (at most 3 um off the model's axis); a
     * scratch is straight. The curve is drawn as 12 segments. */
    enum { SEGS = 12 };
    float pts[SEGS + 1][2];
    uint32_t seed = feature_seed(e);
    float sag = lint ? fminf(0.06f * 2.0f * half_len, 3.0f) * hash_unit(hash3(seed, 1u, 41u)) : 0.0f;
    for (int k = 0; k <= SEGS; k++) {
        float t = (float)k / SEGS * 2.0f - 1.0f;
        float off = sag * (1.0f - t * t);
        pts[k][0] = cx + ux * half_len * t - uy * off;
        pts[k][1] = cy + uy * half_len * t + ux * off;
    }
    float reach = half_len + w + fabsf(sag) + 2.0f * px_um + (lint ? 1.5f : 0.0f);
    Box b;
    if (!box_of(fr, cx, cy, reach, &b)) {
        return;
    }
    /* A line thinner than a pixel shows fainter, not thinner. */
    float w_px = w * fr->s;
    float faint = fminf(w_px, 1.0f);
    float half_w = fmaxf(w, px_um) * 0.5f;
    float soft = lint ? fmaxf(px_um, 0.6f) : px_um;
    int segs = lint ? SEGS : 1;
    if (!lint) {
        pts[1][0] = pts[SEGS][0];
        pts[1][1] = pts[SEGS][1];
    }
    for (int j = b.j0; j <= b.j1; j++) {
        float y = um_y(fr, j);
        float *row = lum + (size_t)j * (size_t)fr->n;
        for (int i = b.i0; i <= b.i1; i++) {
            float x = um_x(fr, i);
            float dist = 1e9f;
            for (int k = 0; k < segs; k++) {
                float d = seg_dist(x, y, pts[k][0], pts[k][1], pts[k + 1][0], pts[k + 1][1]);
                dist = d < dist ? d : dist;
            }
            float cov = smooth01(0.5f - (dist - half_w) / soft) * faint;
            if (cov <= 0.0f) {
                continue;
            }
            if (lint) {
                float fuzz = 0.85f + 0.15f * vnoise(x / 1.0f, y / 1.0f, seed);
                row[i] = row[i] * (1.0f - 0.8f * cov * fuzz) + 0.12f * 0.8f * cov * fuzz;
            } else {
                row[i] *= 1.0f - 0.68f * cov;
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

static void render_sharp(float *lum, const Frame *fr, const Endface *f)
{
    render_base(lum, fr, f->type);
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

/* One box blur pass of radius r along rows (stride 1) or columns (stride n). */
static void box_pass(const float *src, float *dst, int n, int r, bool rows)
{
    const float inv = 1.0f / (float)(2 * r + 1);
    const size_t step = rows ? 1 : (size_t)n, line = rows ? (size_t)n : 1;
    for (int l = 0; l < n; l++) {
        const float *s = src + (size_t)l * line;
        float *d = dst + (size_t)l * line;
        float acc = s[0] * (float)(r + 1);
        for (int k = 1; k <= r; k++) {
            acc += s[(size_t)(k < n ? k : n - 1) * step];
        }
        for (int x = 0; x < n; x++) {
            d[(size_t)x * step] = acc * inv;
            int add = x + r + 1, sub = x - r;
            acc += s[(size_t)(add < n ? add : n - 1) * step] - s[(size_t)(sub > 0 ? sub : 0) * step];
        }
    }
}

/* Gaussian of sigma_px approximated by three box passes each way; the
 * result ends in out (which may be src's buffer's partner, tmp). */
static const float *blur(float *src_copy, float *tmp, int n, float sigma_px)
{
    int r = (int)lroundf((sqrtf(4.0f * sigma_px * sigma_px + 1.0f) - 1.0f) * 0.5f);
    if (r < 1) {
        return src_copy;
    }
    if (r > n / 2) {
        r = n / 2;
    }
    for (int pass = 0; pass < 3; pass++) {
        box_pass(src_copy, tmp, n, r, true);
        box_pass(tmp, src_copy, n, r, false);
    }
    return src_copy;
}

typedef struct Ring {
    float r_px;
    uint8_t rgb[3];
} Ring;

/* Zone circle colours: told apart by hue and by their letters. */
static const uint8_t zone_rgb[ZONE_COUNT][3] = {
    {255, 86, 86},   /* A */
    {70, 200, 255},  /* B */
    {255, 196, 40},  /* C */
    {110, 235, 110}, /* D */
};

static void render_shown(EfImage *im, const Endface *f, const EfImageParams *p)
{
    const int n = p->size_px;
    const size_t count = (size_t)n * (size_t)n;
    float sigma_px = (float)(efimage_blur_um(p->focus_error_um) * p->px_per_um);
    const float *lum = im->sharp;
    if (sigma_px >= 0.3f) {
        /* the blur works on a copy: the sharp picture stays for the next focus */
        float *work = im->blur + count; /* second half of the scratch buffer */
        memcpy(work, im->sharp, count * sizeof *work);
        lum = blur(work, im->blur, n, sigma_px);
    }
    const float c = (float)efimage_contrast(p->focus_error_um);
    const float gain = 1.0f + 0.12f * (float)p->brightness;
    const float mid = 0.4f;
    const float half = (float)n * 0.5f;
    const float field = half; /* the round field touches the square's sides */
    Ring rings[ZONE_COUNT];
    int n_rings = 0;
    if (p->overlay) {
        for (int z = 0; z < ZONE_COUNT; z++) {
            rings[n_rings].r_px = (float)(endface_zone_outer_um(f->type, (EndfaceZone)z) * 0.5 * p->px_per_um);
            memcpy(rings[n_rings].rgb, zone_rgb[z], 3);
            n_rings++;
        }
    }
    for (int j = 0; j < n; j++) {
        float dy = (float)j + 0.5f - half;
        const float *row = lum + (size_t)j * (size_t)n;
        uint32_t *out = im->pixels + (size_t)j * (size_t)n;
        for (int i = 0; i < n; i++) {
            float dx = (float)i + 0.5f - half;
            float r = sqrtf(dx * dx + dy * dy);
            float in = clampf(field - r + 0.5f, 0.0f, 1.0f);
            float v = 0.0f;
            if (in > 0.0f) {
                float q = r / field;
                v = (row[i] * gain - mid) * c + mid;
                v *= 1.0f - 0.25f * q * q * q * q;
                v = clampf(v, 0.0f, 1.0f);
            }
            /* black surround of the round field */
            float R = 0.024f + (v - 0.024f) * in, G = R, B = 0.03f + (v + 0.02f * (1.0f - v) - 0.03f) * in;
            for (int k = 0; k < n_rings; k++) {
                float a = clampf(1.3f - fabsf(r - rings[k].r_px), 0.0f, 1.0f) * 0.9f * in;
                if (a > 0.0f) {
                    R += ((float)rings[k].rgb[0] / 255.0f - R) * a;
                    G += ((float)rings[k].rgb[1] / 255.0f - G) * a;
                    B += ((float)rings[k].rgb[2] / 255.0f - B) * a;
                }
            }
            uint32_t r8 = (uint32_t)(R * 255.0f + 0.5f), g8 = (uint32_t)(G * 255.0f + 0.5f),
                     b8 = (uint32_t)(B * 255.0f + 0.5f);
            out[i] = 0xFF000000u | (r8 << 16) | (g8 << 8) | b8;
        }
    }
}

/* ---- lifecycle ------------------------------------------------------------------- */

void efimage_init(EfImage *im)
{
    memset(im, 0, sizeof *im);
}

void efimage_finish(EfImage *im)
{
    free(im->sharp);
    free(im->blur);
    free(im->pixels);
    memset(im, 0, sizeof *im);
}

static bool reserve(EfImage *im, size_t count)
{
    if (count <= im->cap) {
        return true;
    }
    float *s = malloc(count * sizeof *s);
    float *b = malloc(2 * count * sizeof *b);
    uint32_t *px = malloc(count * sizeof *px);
    if (!s || !b || !px) {
        free(s);
        free(b);
        free(px);
        return false;
    }
    free(im->sharp);
    free(im->blur);
    free(im->pixels);
    im->sharp = s;
    im->blur = b;
    im->pixels = px;
    im->cap = count;
    im->valid = false;
    im->shown_valid = false;
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
    size_t count = (size_t)p->size_px * (size_t)p->size_px;
    if (!reserve(im, count)) {
        im->shown_valid = false;
        return false;
    }
    uint64_t h = efimage_face_hash(f);
    bool sharp_stale = !im->valid || h != im->face_hash || im->sharp_size_px != p->size_px
                       || im->sharp_px_per_um != p->px_per_um;
    if (sharp_stale) {
        Frame fr = {p->size_px, (float)p->px_per_um, (float)p->size_px * 0.5f};
        render_sharp(im->sharp, &fr, f);
        im->face_hash = h;
        im->sharp_size_px = p->size_px;
        im->sharp_px_per_um = p->px_per_um;
        im->valid = true;
    }
    if (!sharp_stale && im->shown_valid && same_params(&im->shown, p)) {
        return false;
    }
    EfImageParams q = *p;
    if (q.brightness < EFIMAGE_BRIGHTNESS_MIN) q.brightness = EFIMAGE_BRIGHTNESS_MIN;
    if (q.brightness > EFIMAGE_BRIGHTNESS_MAX) q.brightness = EFIMAGE_BRIGHTNESS_MAX;
    render_shown(im, f, &q);
    im->shown = *p;
    im->shown_valid = true;
    return true;
}
