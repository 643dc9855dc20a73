/*
 * splice_art.h - a small 3D picture of a fusion splicer's heart (two fibres
 * in their V-grooves between the electrodes), turning slowly: the welcome
 * picture of the start screen, drawn with gfx3d.
 */
#ifndef FIBRESIM_SPLICE_ART_H
#define FIBRESIM_SPLICE_ART_H

#include <SDL.h>
#include <stdbool.h>

#include "gfx.h"
#include "gfx3d.h"

typedef struct SpliceArt {
    Gfx3dMesh base;     /* the splicer's deck */
    Gfx3dMesh blocks;   /* the V-groove blocks on it */
    Gfx3dMesh parts;    /* fibres, coatings and electrodes */
    bool ready;
} SpliceArt;

/* Builds the meshes (false on OOM). */
bool splice_art_init(SpliceArt *a);
void splice_art_finish(SpliceArt *a); /* fine on a zeroed SpliceArt */
/* Draws into area; t_s (seconds) only turns the view. */
void splice_art_draw(SpliceArt *a, Gfx *g, SDL_FRect area, double t_s);

#endif
