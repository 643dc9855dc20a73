/*
 * endface_image.h - the picture a video inspection probe shows of a connector
 * end face, computed pixel by pixel on the CPU from the end-face model.
 *
 * Two stages, each redone only when its inputs change (the software renderer
 * of an outreach laptop then only copies one texture per frame):
 *   1. the sharp picture (luminance 0..1): zirconia ferrule with its grain,
 *      the adhesive line around the cladding, the cladding, the core, then
 *      every feature of the face at its model position and size: oil films
 *      and residue rings with soft edges, scratches as thin lines, pits and
 *      chips as dark spots, lint fibres, dust and dust-cap flakes on top.
 *      Redone when the face, the size or the scale change.
 *   2. the displayed picture (ARGB8888, 0xAARRGGBB in native uint32): the
 *      sharp picture blurred and flattened by the focus error, brightness,
 *      the round field of view with its vignetting, and the zone circles
 *      A-D when the overlay is on. Redone when any of those change.
 *
 * Mapping (used by the scene's to_scene and by the tests): the picture is a
 * square of size_px pixels; the fibre axis is at its centre. Pixel (i, j)
 * (i to the right, j down) covers the micrometres centred on
 *   x_um = (i + 0.5 - size_px / 2) / px_per_um,
 *   y_um = (size_px / 2 - (j + 0.5)) / px_per_um      (+y up on the screen).
 *
 * Deterministic: the texture noise is a hash of the position and of each
 * feature's values, so a face always looks the same (render tests compare
 * pictures). No SDL here: the scene uploads the pixels.
 */
#ifndef FIBRESIM_ENDFACE_IMAGE_H
#define FIBRESIM_ENDFACE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/endface.h"

/* Brightness steps of the probe's light (0 = normal). */
#define EFIMAGE_BRIGHTNESS_MIN (-5)
#define EFIMAGE_BRIGHTNESS_MAX 5

typedef struct EfImageParams {
    int size_px;            /* side of the square picture, 16..4096 */
    double px_per_um;       /* scale, > 0 */
    double focus_error_um;  /* distance of the focal plane from the face; 0 = sharp */
    int brightness;         /* EFIMAGE_BRIGHTNESS_MIN..MAX */
    bool overlay;           /* draw the zone circles A-D */
} EfImageParams;

/* A pixel of the field's soft rim or of a zone circle, and how much of it. */
typedef struct EfImageSpot {
    uint32_t index;         /* pixel, row by row */
    float a;                /* coverage (rim) or opacity (circle) */
    uint8_t zone;           /* circle: its zone */
} EfImageSpot;

typedef struct EfImage {
    EfImageParams shown;    /* parameters of pixels[] */
    bool shown_valid;       /* pixels[] holds a picture */
    /* stage 1: the sharp picture */
    bool valid;             /* sharp[] holds a picture */
    uint64_t face_hash;     /* of the face in sharp[] */
    int sharp_size_px;
    double sharp_px_per_um;
    unsigned long sharp_gen;/* bumped at every new sharp picture */
    /* the clean face under the features, kept while size, scale and type stay */
    bool base_valid;
    int base_size;
    double base_scale;
    EndfaceType base_type;
    /* the blurred picture, kept while focus and face stay (light steps) */
    bool blur_valid;
    int blur_radius;
    /* what depends only on size, scale, type and overlay */
    bool geometry_valid;
    int geometry_size;
    double geometry_scale;
    EndfaceType geometry_type;
    bool geometry_overlay;
    /* buffers, all owned, for cap pixels */
    float *base;            /* luminance of the clean face */
    float *sharp;           /* luminance */
    float *blurred;
    float *tmp;             /* blur scratch */
    float *acc;             /* blur column sums, acc_cap floats */
    float *vig;             /* vignetting factor per pixel */
    uint8_t *cls;           /* 0 outside the field, 1 inside, 2 on its rim */
    uint32_t *pixels;       /* ARGB8888, row by row */
    EfImageSpot *edge, *ring;
    size_t n_edge, n_ring, edge_cap, ring_cap;
    size_t cap, acc_cap;
} EfImage;

void efimage_init(EfImage *im);
void efimage_finish(EfImage *im); /* fine on a zeroed EfImage */

/* A hash of everything that changes how the face looks (type, ferrule and
 * every feature), to tell when the sharp picture must be redone. */
uint64_t efimage_face_hash(const Endface *f);

/* Brings pixels[] up to date for face f and parameters p. Returns true when
 * pixels[] changed (upload them), false when they were already up to date or
 * on a problem (bad parameters, out of memory: then im->shown_valid is false). */
bool efimage_update(EfImage *im, const Endface *f, const EfImageParams *p);

/* Gaussian blur (um) the probe's optics give at a focus error, and the
 * contrast left (0..1]: both shown to the trainee as an unsharp, flat picture. */
double efimage_blur_um(double focus_error_um);
double efimage_contrast(double focus_error_um);

#endif
