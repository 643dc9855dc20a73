/*
 * endface_json.c - reading an end face (type, ferrule, features) from JSON,
 * reporting every problem with its JSON path.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/endface.h"
#include "fibresim/messages.h" /* N_() */

#define SIZE_MIN_UM 0.1
#define SIZE_MAX_UM 1000.0
#define LENGTH_MAX_UM 2500.0

/* Keys per shape. The size keys of the other shape are listed too: they get
 * their own message below ("a scratch is sized by its width"). */
static const char *const round_keys[] = {"kind", "x_um", "y_um", "size_um", "width_um", "length_um", NULL};
static const char *const elongated_keys[] = {"kind", "x_um", "y_um", "width_um", "length_um", "angle_deg",
                                             "size_um", NULL};
static const char *const any_feature_keys[] = {"kind", "x_um", "y_um", "size_um", "width_um",
                                               "length_um", "angle_deg", NULL};

bool endface_feature_from_json(JsonV *v, const cJSON *node, const char *path, EndfaceFerrule ferrule,
                               EndfaceFeature *out)
{
    memset(out, 0, sizeof *out);
    size_t before = v->diags->count + v->diags->dropped;
    int kind = -1;
    if (!cJSON_IsObject(node)) {
        jv_object(v, node, path, any_feature_keys); /* reports the type */
        return false;
    }
    bool have_kind = jv_enum(v, node, path, "kind", true, endface_kind_names, &kind);
    /* Which keys are allowed depends on the shape; before the kind is known,
     * accept any feature key so the only problem shown is the kind itself. */
    const char *const *keys = !have_kind ? any_feature_keys
                              : endface_kind_elongated((EndfaceKind)kind) ? elongated_keys : round_keys;
    /* A size key of the other shape is the likeliest mistake: say why. */
    const char *wrong_shape[3] = {NULL, NULL, NULL};
    if (have_kind && endface_kind_elongated((EndfaceKind)kind)) {
        wrong_shape[0] = "size_um";
    } else if (have_kind) {
        wrong_shape[0] = "width_um";
        wrong_shape[1] = "length_um";
    }
    for (size_t i = 0; wrong_shape[i]; i++) {
        if (cJSON_GetObjectItemCaseSensitive(node, wrong_shape[i])) {
            char p[JV_PATH_MAX];
            DiagArgs args = {0};
            jv_path_key(p, sizeof p, path, wrong_shape[i]);
            diag_arg_str(&args, "key", wrong_shape[i]);
            diag_arg_str(&args, "kind", endface_kind_names[kind]);
            jv_report_t(v, DIAG_UNKNOWN_FIELD, p,
                        i == 0 && wrong_shape[1] == NULL
                            ? N_("width_um and length_um (a scratch or lint fibre is sized by its width)")
                            : N_("size_um (a round feature is sized by its diameter)"),
                        N_("\"{key}\" on a {kind}"), &args);
        }
    }
    jv_object(v, node, path, keys);
    double r_um = endface_ferrule_diameter_um(ferrule) / 2.0;
    jv_double(v, node, path, "x_um", true, -r_um, r_um, &out->x_um);
    jv_double(v, node, path, "y_um", true, -r_um, r_um, &out->y_um);
    if (have_kind) {
        out->kind = (EndfaceKind)kind;
        if (endface_kind_elongated(out->kind)) {
            jv_double(v, node, path, "width_um", true, SIZE_MIN_UM, SIZE_MAX_UM, &out->size_um);
            jv_double(v, node, path, "length_um", true, SIZE_MIN_UM, LENGTH_MAX_UM, &out->length_um);
            jv_double(v, node, path, "angle_deg", false, -360.0, 360.0, &out->angle_deg);
        } else {
            jv_double(v, node, path, "size_um", true, SIZE_MIN_UM, SIZE_MAX_UM, &out->size_um);
        }
    }
    bool ok = v->diags->count + v->diags->dropped == before;
    if (ok && hypot(out->x_um, out->y_um) > r_um) {
        DiagArgs args = {0};
        diag_arg_num(&args, "max", r_um);
        diag_arg_num_sig(&args, "value", hypot(out->x_um, out->y_um), 6);
        jv_report_t(v, DIAG_OUT_OF_RANGE, path, N_("a centre on the ferrule (at most {max} um from the axis)"),
                    N_("{value} um from the axis"), &args);
        ok = false;
    }
    return ok;
}

bool endface_from_json(JsonV *v, const cJSON *node, const char *path, const char *const *extra_keys,
                       Endface *out)
{
    endface_init(out, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
    size_t before = v->diags->count + v->diags->dropped;
    const char *keys[24] = {"type", "ferrule_mm", "features"};
    size_t nk = 3;
    for (size_t i = 0; extra_keys && extra_keys[i] && nk + 1 < sizeof keys / sizeof keys[0]; i++) {
        keys[nk++] = extra_keys[i];
    }
    keys[nk] = NULL;
    if (!jv_object(v, node, path, keys)) {
        return false;
    }
    int type = 0;
    if (jv_enum(v, node, path, "type", true, endface_type_names, &type)) {
        out->type = (EndfaceType)type;
    }
    double ferrule_mm = 2.5;
    if (jv_double(v, node, path, "ferrule_mm", false, 0.0, 10.0, &ferrule_mm)) {
        if (ferrule_mm == 1.25) {
            out->ferrule = ENDFACE_FERRULE_1_25;
        } else if (ferrule_mm != 2.5) {
            char p[JV_PATH_MAX];
            DiagArgs args = {0};
            jv_path_key(p, sizeof p, path, "ferrule_mm");
            diag_arg_num(&args, "value", ferrule_mm);
            jv_report_t(v, DIAG_BAD_VALUE, p, N_("2.5 (SC, FC, ST) or 1.25 (LC, MU)"), "{value}", &args);
        }
    }
    const cJSON *arr = jv_child_array(v, node, path, "features", true, 0, ENDFACE_FEATURES_MAX);
    size_t i = 0;
    for (const cJSON *item = arr ? arr->child : NULL; item; item = item->next, i++) {
        char p[JV_PATH_MAX], ap[JV_PATH_MAX];
        jv_path_key(ap, sizeof ap, path, "features");
        jv_path_index(p, sizeof p, ap, i);
        EndfaceFeature feat;
        if (endface_feature_from_json(v, item, p, out->ferrule, &feat) && !endface_add(out, &feat)) {
            jv_report(v, DIAG_TOO_LARGE, p, N_("memory for the feature list"), N_("out of memory"));
        }
    }
    return v->diags->count + v->diags->dropped == before;
}
