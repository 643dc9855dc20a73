/*
 * ef_setup.c - the endface module's scenario "setup": the two end faces, the
 * spares a replacement brings, and the cleaning chances (format in ef_proc.h).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ef_proc.h"
#include "fibresim/messages.h" /* N_() */

static const char *const setup_keys[] = {"patch_cord", "port", "spare_patch_cord", "spare_port", "cleaning", NULL};
static const char *const face_keys[EF_SIDE_COUNT] = {"patch_cord", "port"};
static const char *const spare_keys[EF_SIDE_COUNT] = {"spare_patch_cord", "spare_port"};

void ef_setup_free(void *setup)
{
    EfSetup *s = setup;
    if (!s) {
        return;
    }
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        endface_finish(&s->face[i]);
        endface_finish(&s->spare[i]);
    }
    free(s);
}

/* Reads an end face at path.key; a missing optional one stays as given. */
static bool read_face(JsonV *v, const cJSON *node, const char *path, const char *key, bool required, Endface *out)
{
    char p[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, key);
    const cJSON *f = jv_child_object(v, node, path, key, required);
    if (!f) {
        return false;
    }
    Endface face;
    bool ok = endface_from_json(v, f, p, NULL, &face);
    if (ok) {
        endface_finish(out);
        *out = face;
    } else {
        endface_finish(&face);
    }
    return ok;
}

void *ef_setup_load(JsonV *v, const cJSON *node, const char *path)
{
    EfSetup *s = calloc(1, sizeof *s);
    if (!s) {
        jv_report(v, DIAG_IO, path, N_("enough memory to load the scenario"), N_("out of memory"));
        return NULL;
    }
    size_t before = v->diags->count + v->diags->dropped;
    clean_params_default(&s->clean);
    if (!jv_object(v, node, path, setup_keys)) {
        ef_setup_free(s);
        return NULL;
    }
    bool have[EF_SIDE_COUNT];
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        endface_init(&s->face[i], ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        have[i] = read_face(v, node, path, face_keys[i], true, &s->face[i]);
    }
    /* One connector type on both sides; spares default to a clean face of it. */
    if (have[EF_SIDE_PATCH] && have[EF_SIDE_PORT] && s->face[EF_SIDE_PATCH].type != s->face[EF_SIDE_PORT].type) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, "port");
        diag_arg_str(&args, "name", endface_type_names[s->face[EF_SIDE_PATCH].type]);
        diag_arg_str(&args, "text", endface_type_names[s->face[EF_SIDE_PORT].type]);
        jv_report_t(v, DIAG_INCONSISTENT, p, N_("type \"{name}\" like the patch cord"), N_("type \"{text}\""), &args);
    }
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        endface_init(&s->spare[i], s->face[i].type, s->face[i].ferrule);
        if (read_face(v, node, path, spare_keys[i], false, &s->spare[i]) && have[i]
            && s->spare[i].type != s->face[i].type) {
            char p[JV_PATH_MAX];
            DiagArgs args = {0};
            jv_path_key(p, sizeof p, path, spare_keys[i]);
            diag_arg_str(&args, "name", endface_type_names[s->face[i].type]);
            diag_arg_str(&args, "text", endface_type_names[s->spare[i].type]);
            jv_report_t(v, DIAG_INCONSISTENT, p,
                        i == EF_SIDE_PATCH ? N_("type \"{name}\" like the patch cord") : N_("type \"{name}\" like the port"),
                        N_("type \"{text}\""), &args);
        }
    }
    const cJSON *cleaning = jv_child_object(v, node, path, "cleaning", false);
    if (cleaning) {
        char p[JV_PATH_MAX];
        jv_path_key(p, sizeof p, path, "cleaning");
        clean_params_from_json(v, cleaning, p, &s->clean);
    }
    if (v->diags->count + v->diags->dropped != before) {
        ef_setup_free(s);
        return NULL;
    }
    return s;
}
