/*
 * gfx3d.c - projected, flat-lit, depth-sorted triangles (see gfx3d.h).
 */
#include "gfx3d.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct ProjTri {
    SDL_FPoint p[3];
    SDL_Color color;
    float depth;     /* mean distance along the view axis: larger is farther */
    size_t seq;      /* insertion order, the tie-break */
} ProjTri;

struct Gfx3d {
    mat4 view, proj, viewproj, inv_viewproj;
    vec3 eye;
    SDL_FRect vp;
    vec3 to_light;   /* normalised */
    float ambient;
    float near_z;
    ProjTri *tris;   /* owned */
    size_t count, cap;
    SDL_Vertex *verts; /* owned */
    size_t verts_cap;
};

/* ---- meshes ---- */

void gfx3d_mesh_init(Gfx3dMesh *m)
{
    memset(m, 0, sizeof *m);
}

void gfx3d_mesh_finish(Gfx3dMesh *m)
{
    free(m->tris);
    memset(m, 0, sizeof *m);
}

void gfx3d_mesh_clear(Gfx3dMesh *m)
{
    m->count = 0;
}

bool gfx3d_mesh_tri(Gfx3dMesh *m, const vec3 a, const vec3 b, const vec3 c, SDL_Color col)
{
    if (m->count == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        Gfx3dTri *t = realloc(m->tris, cap * sizeof *t);
        if (!t) {
            return false;
        }
        m->tris = t;
        m->cap = cap;
    }
    Gfx3dTri *t = &m->tris[m->count++];
    memcpy(t->p[0], a, sizeof(vec3));
    memcpy(t->p[1], b, sizeof(vec3));
    memcpy(t->p[2], c, sizeof(vec3));
    t->color = col;
    return true;
}

bool gfx3d_mesh_quad(Gfx3dMesh *m, const vec3 a, const vec3 b, const vec3 c, const vec3 d, SDL_Color col)
{
    return gfx3d_mesh_tri(m, a, b, c, col) && gfx3d_mesh_tri(m, a, c, d, col);
}

bool gfx3d_mesh_box(Gfx3dMesh *m, const vec3 lo, const vec3 hi, SDL_Color col)
{
    vec3 v[8];
    for (int i = 0; i < 8; i++) {
        v[i][0] = (i & 1) ? hi[0] : lo[0];
        v[i][1] = (i & 2) ? hi[1] : lo[1];
        v[i][2] = (i & 4) ? hi[2] : lo[2];
    }
    /* faces counter-clockwise seen from outside */
    static const int f[6][4] = {
        {1, 3, 7, 5}, /* +x */
        {0, 4, 6, 2}, /* -x */
        {2, 6, 7, 3}, /* +y */
        {0, 1, 5, 4}, /* -y */
        {4, 5, 7, 6}, /* +z */
        {0, 2, 3, 1}, /* -z */
    };
    for (int i = 0; i < 6; i++) {
        if (!gfx3d_mesh_quad(m, v[f[i][0]], v[f[i][1]], v[f[i][2]], v[f[i][3]], col)) {
            return false;
        }
    }
    return true;
}

bool gfx3d_mesh_cylinder(Gfx3dMesh *m, const vec3 a, const vec3 b, float radius, int segments, bool caps,
                         SDL_Color col)
{
    if (segments < 3) segments = 3;
    if (segments > 64) segments = 64;
    vec3 axis;
    glm_vec3_sub((float *)b, (float *)a, axis);
    if (glm_vec3_norm(axis) < 1e-9f) {
        return true;
    }
    glm_vec3_normalize(axis);
    /* two unit vectors perpendicular to the axis */
    vec3 helper = {0, 1, 0};
    if (fabsf(axis[1]) > 0.9f) {
        helper[0] = 1;
        helper[1] = 0;
    }
    vec3 u, w;
    glm_vec3_cross(axis, helper, u);
    glm_vec3_normalize(u);
    glm_vec3_cross(u, axis, w);
    for (int i = 0; i < segments; i++) {
        float a0 = 2.0f * GLM_PIf * (float)i / (float)segments;
        float a1 = 2.0f * GLM_PIf * (float)(i + 1) / (float)segments;
        vec3 d0, d1, p0, p1, q0, q1;
        for (int k = 0; k < 3; k++) {
            d0[k] = radius * (cosf(a0) * u[k] + sinf(a0) * w[k]);
            d1[k] = radius * (cosf(a1) * u[k] + sinf(a1) * w[k]);
            p0[k] = a[k] + d0[k];
            p1[k] = a[k] + d1[k];
            q0[k] = b[k] + d0[k];
            q1[k] = b[k] + d1[k];
        }
        /* side: outward normal d, counter-clockwise seen from outside */
        if (!gfx3d_mesh_quad(m, p0, q0, q1, p1, col)) return false;
        if (caps) {
            if (!gfx3d_mesh_tri(m, a, p1, p0, col)) return false;
            if (!gfx3d_mesh_tri(m, b, q0, q1, col)) return false;
        }
    }
    return true;
}

bool gfx3d_mesh_plane(Gfx3dMesh *m, const vec3 center, float size_x, float size_z, SDL_Color col)
{
    float hx = size_x * 0.5f, hz = size_z * 0.5f;
    vec3 a = {center[0] - hx, center[1], center[2] - hz};
    vec3 b = {center[0] - hx, center[1], center[2] + hz};
    vec3 c = {center[0] + hx, center[1], center[2] + hz};
    vec3 d = {center[0] + hx, center[1], center[2] - hz};
    return gfx3d_mesh_quad(m, a, b, c, d, col);
}

/* ---- batches ---- */

Gfx3d *gfx3d_create(void)
{
    Gfx3d *s = calloc(1, sizeof *s);
    if (s) {
        glm_mat4_identity(s->viewproj);
        glm_mat4_identity(s->inv_viewproj);
    }
    return s;
}

void gfx3d_destroy(Gfx3d *s)
{
    if (!s) {
        return;
    }
    free(s->tris);
    free(s->verts);
    free(s);
}

void gfx3d_set_light(Gfx3d *s, const vec3 to_light, float ambient)
{
    glm_vec3_copy((float *)to_light, s->to_light);
    glm_vec3_normalize(s->to_light);
    s->ambient = ambient < 0 ? 0 : ambient > 1 ? 1 : ambient;
}

void gfx3d_begin(Gfx3d *s, const Gfx3dCamera *cam, SDL_FRect viewport)
{
    s->vp = viewport;
    s->count = 0;
    glm_vec3_copy((float *)cam->eye, s->eye);
    glm_lookat((float *)cam->eye, (float *)cam->target, (float *)cam->up, s->view);
    float aspect = viewport.h > 0 ? viewport.w / viewport.h : 1.0f;
    s->near_z = cam->near_z > 1e-4f ? cam->near_z : 1e-4f;
    glm_perspective(glm_rad(cam->fov_y_deg), aspect, s->near_z, cam->far_z, s->proj);
    glm_mat4_mul(s->proj, s->view, s->viewproj);
    glm_mat4_inv(s->viewproj, s->inv_viewproj);
    const vec3 light = {-0.4f, 1.0f, 0.6f};
    gfx3d_set_light(s, light, 0.35f);
}

static bool to_screen(const Gfx3d *s, const vec4 clip, SDL_FPoint *out)
{
    if (clip[3] < s->near_z) {
        return false;
    }
    float x = clip[0] / clip[3], y = clip[1] / clip[3];
    out->x = s->vp.x + (x + 1.0f) * 0.5f * s->vp.w;
    out->y = s->vp.y + (1.0f - y) * 0.5f * s->vp.h;
    return true;
}

bool gfx3d_add(Gfx3d *s, const Gfx3dMesh *m, mat4 model)
{
    mat4 ident;
    glm_mat4_identity(ident);
    mat4 *mm = model ? (mat4 *)model : &ident;
    mat4 mvp;
    glm_mat4_mul(s->viewproj, *mm, mvp);
    for (size_t i = 0; i < m->count; i++) {
        const Gfx3dTri *t = &m->tris[i];
        vec3 w[3];
        vec4 clip[3];
        SDL_FPoint p[3];
        bool visible = true;
        for (int k = 0; k < 3; k++) {
            vec4 v = {t->p[k][0], t->p[k][1], t->p[k][2], 1.0f};
            glm_mat4_mulv(mvp, v, clip[k]);
            vec4 wv;
            glm_mat4_mulv(*mm, v, wv);
            w[k][0] = wv[0];
            w[k][1] = wv[1];
            w[k][2] = wv[2];
            if (!to_screen(s, clip[k], &p[k])) {
                visible = false;
            }
        }
        if (!visible) {
            continue;
        }
        /* back-face culling in screen space (y down: front faces turn clockwise) */
        float cross = (p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[1].y - p[0].y) * (p[2].x - p[0].x);
        if (cross >= 0) {
            continue;
        }
        vec3 e1, e2, n;
        glm_vec3_sub(w[1], w[0], e1);
        glm_vec3_sub(w[2], w[0], e2);
        glm_vec3_cross(e1, e2, n);
        glm_vec3_normalize(n);
        float diffuse = glm_vec3_dot(n, s->to_light);
        if (diffuse < 0) diffuse = 0;
        float k = s->ambient + (1.0f - s->ambient) * diffuse;
        if (s->count == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 256;
            ProjTri *nt = realloc(s->tris, cap * sizeof *nt);
            if (!nt) {
                return false;
            }
            s->tris = nt;
            s->cap = cap;
        }
        ProjTri *o = &s->tris[s->count++];
        memcpy(o->p, p, sizeof p);
        o->color.r = (Uint8)fminf(255.0f, (float)t->color.r * k);
        o->color.g = (Uint8)fminf(255.0f, (float)t->color.g * k);
        o->color.b = (Uint8)fminf(255.0f, (float)t->color.b * k);
        o->color.a = t->color.a;
        o->depth = (clip[0][3] + clip[1][3] + clip[2][3]) / 3.0f;
        o->seq = s->count - 1;
    }
    return true;
}

static int by_depth(const void *a, const void *b)
{
    const ProjTri *ta = a, *tb = b;
    if (ta->depth > tb->depth) return -1;
    if (ta->depth < tb->depth) return 1;
    /* equal depth: keep insertion order, so the picture never depends on qsort */
    return ta->seq < tb->seq ? -1 : ta->seq > tb->seq ? 1 : 0;
}

size_t gfx3d_draw(Gfx3d *s, SDL_Renderer *r)
{
    size_t n = s->count;
    if (n == 0) {
        return 0;
    }
    if (s->verts_cap < 3 * n) {
        SDL_Vertex *v = realloc(s->verts, 3 * n * sizeof *v);
        if (!v) {
            s->count = 0;
            return 0;
        }
        s->verts = v;
        s->verts_cap = 3 * n;
    }
    qsort(s->tris, n, sizeof *s->tris, by_depth);
    for (size_t i = 0; i < n; i++) {
        const ProjTri *t = &s->tris[i];
        for (int k = 0; k < 3; k++) {
            SDL_Vertex *v = &s->verts[3 * i + (size_t)k];
            v->position = t->p[k];
            v->color = t->color;
            v->tex_coord.x = 0;
            v->tex_coord.y = 0;
        }
    }
    SDL_RenderGeometry(r, NULL, s->verts, (int)(3 * n), NULL, 0);
    s->count = 0;
    return n;
}

bool gfx3d_project(const Gfx3d *s, const vec3 world, SDL_FPoint *out)
{
    vec4 v = {world[0], world[1], world[2], 1.0f}, clip;
    glm_mat4_mulv((vec4 *)s->viewproj, v, clip);
    return to_screen(s, clip, out);
}

bool gfx3d_pick_plane(const Gfx3d *s, float px, float py, const vec3 plane_point, const vec3 plane_normal,
                      vec3 out)
{
    if (s->vp.w <= 0 || s->vp.h <= 0) {
        return false;
    }
    float nx = (px - s->vp.x) / s->vp.w * 2.0f - 1.0f;
    float ny = 1.0f - (py - s->vp.y) / s->vp.h * 2.0f;
    vec4 a = {nx, ny, -1.0f, 1.0f}, b = {nx, ny, 1.0f, 1.0f}, wa, wb;
    glm_mat4_mulv((vec4 *)s->inv_viewproj, a, wa);
    glm_mat4_mulv((vec4 *)s->inv_viewproj, b, wb);
    if (fabsf(wa[3]) < 1e-12f || fabsf(wb[3]) < 1e-12f) {
        return false;
    }
    vec3 p0 = {wa[0] / wa[3], wa[1] / wa[3], wa[2] / wa[3]};
    vec3 p1 = {wb[0] / wb[3], wb[1] / wb[3], wb[2] / wb[3]};
    vec3 dir, diff;
    glm_vec3_sub(p1, p0, dir);
    float denom = glm_vec3_dot(dir, (float *)plane_normal);
    if (fabsf(denom) < 1e-9f) {
        return false;
    }
    glm_vec3_sub((float *)plane_point, p0, diff);
    float t = glm_vec3_dot(diff, (float *)plane_normal) / denom;
    if (t < 0) {
        return false;
    }
    for (int k = 0; k < 3; k++) {
        out[k] = p0[k] + t * dir[k];
    }
    return true;
}
