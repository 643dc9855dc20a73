/*
 * gfx3d.h - a small 3D helper for the software renderer: lit triangles,
 * projected with cglm and drawn with one SDL_RenderGeometry call per batch.
 *
 * No OpenGL and no depth buffer: each frame the scene
 *   1. gfx3d_begin() with a camera and the pixel viewport,
 *   2. gfx3d_add() each mesh with its model matrix (world units are the
 *      module's: millimetres on a bench),
 *   3. gfx3d_draw(): back faces are culled, triangles are sorted far to near
 *      (painter's algorithm, by mean view depth) and drawn in one call.
 * Flat shading: each triangle's colour is its base colour times
 * (ambient + diffuse * max(0, n . light)), computed at gfx3d_add().
 *
 * The painter's sort is exact for separate convex objects that do not
 * interpenetrate (tools on a bench); a long thin object lying on a big plane
 * should be drawn after the plane (add the plane with gfx3d_draw() first, then
 * a second batch) to avoid sorting mistakes between their triangles.
 *
 * Triangles with a vertex behind the near plane are dropped, not clipped:
 * keep the camera away from the objects.
 *
 * Winding: front faces are counter-clockwise seen from outside (right-handed,
 * +y up), as built by the mesh helpers below.
 *
 * Stability: used by module scenes written by other people; add, do not change.
 */
#ifndef FIBRESIM_GFX3D_H
#define FIBRESIM_GFX3D_H

#include <SDL.h>
#include <cglm/cglm.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct Gfx3d Gfx3d;

typedef struct Gfx3dCamera {
    vec3 eye;            /* where the camera is */
    vec3 target;         /* the point it looks at */
    vec3 up;             /* usually (0, 1, 0) */
    float fov_y_deg;     /* vertical field of view, e.g. 35 */
    float near_z, far_z; /* clip distances in world units, near_z > 0 */
} Gfx3dCamera;

typedef struct Gfx3dTri {
    vec3 p[3];           /* counter-clockwise seen from the front */
    SDL_Color color;     /* base colour before lighting */
} Gfx3dTri;

/* A list of triangles in model space. */
typedef struct Gfx3dMesh {
    Gfx3dTri *tris;      /* owned */
    size_t count, cap;
} Gfx3dMesh;

void gfx3d_mesh_init(Gfx3dMesh *m);
void gfx3d_mesh_finish(Gfx3dMesh *m); /* fine on a zeroed mesh */
void gfx3d_mesh_clear(Gfx3dMesh *m);  /* keeps the memory */
/* Each builder returns false on OOM (the mesh keeps what it had). */
bool gfx3d_mesh_tri(Gfx3dMesh *m, const vec3 a, const vec3 b, const vec3 c, SDL_Color col);
/* Quad a-b-c-d, counter-clockwise seen from the front. */
bool gfx3d_mesh_quad(Gfx3dMesh *m, const vec3 a, const vec3 b, const vec3 c, const vec3 d, SDL_Color col);
/* Axis-aligned box between corners lo and hi (6 faces, outward). */
bool gfx3d_mesh_box(Gfx3dMesh *m, const vec3 lo, const vec3 hi, SDL_Color col);
/* Cylinder from the centre of one end a to the other end b, with segments
 * sides (3..64) and optional end caps. */
bool gfx3d_mesh_cylinder(Gfx3dMesh *m, const vec3 a, const vec3 b, float radius, int segments,
                         bool caps, SDL_Color col);
/* Horizontal rectangle at height center[1], facing +y, size_x by size_z. */
bool gfx3d_mesh_plane(Gfx3dMesh *m, const vec3 center, float size_x, float size_z, SDL_Color col);

/* A batch builder with its buffers. */
Gfx3d *gfx3d_create(void);          /* NULL on OOM */
void gfx3d_destroy(Gfx3d *s);       /* accepts NULL */

/* Starts a batch: camera and the pixel rectangle to draw into (aspect ratio
 * from it). Resets the light to the default (from above-front-left, ambient 0.35). */
void gfx3d_begin(Gfx3d *s, const Gfx3dCamera *cam, SDL_FRect viewport);
/* Direction towards the light (world, need not be normalised) and ambient 0..1. */
void gfx3d_set_light(Gfx3d *s, const vec3 to_light, float ambient);
/* Projects, culls and lights a mesh placed by model (NULL = identity; not
 * modified). Returns false on OOM (the batch keeps what it had). */
bool gfx3d_add(Gfx3d *s, const Gfx3dMesh *m, mat4 model);
/* Sorts and draws the batch with one SDL_RenderGeometry call, then empties
 * it (camera kept, so more batches can follow). Returns the triangle count. */
size_t gfx3d_draw(Gfx3d *s, SDL_Renderer *r);

/* World point -> pixel. False if behind the camera. */
bool gfx3d_project(const Gfx3d *s, const vec3 world, SDL_FPoint *out /* OUT */);
/* Pixel -> the world point where the view ray meets the plane through
 * plane_point with normal plane_normal (for to_scene on a bench). False if
 * the ray is parallel to the plane or the point is behind the camera. */
bool gfx3d_pick_plane(const Gfx3d *s, float px, float py, const vec3 plane_point,
                      const vec3 plane_normal, vec3 out /* OUT */);

#endif
