/*
 * clean_json.c - the scenario's "cleaning" object: overrides of the default
 * cleaning chances (endface_clean.h).
 */
#include <cjson/cJSON.h>

#include "fibresim/endface_clean.h"

static const char *const top_keys[] = {"lift", "smear_dry_oil", "smear_growth", "wet_left_residue", "redeposit",
                                       "scrub_move", "port_reach", "mate_transfer", "mate_damage",
                                       "mate_damage_min_um", NULL};
/* Only removable kinds can be lifted. */
static const char *const lift_kind_keys[] = {"dust", "lint", "oil", "residue", "cap_debris", NULL};
static const EndfaceKind lift_kinds[] = {EF_DUST, EF_LINT, EF_OIL, EF_RESIDUE, EF_CAP_DEBRIS};

bool clean_params_from_json(JsonV *v, const cJSON *node, const char *path, CleanParams *p)
{
    size_t before = v->diags->count + v->diags->dropped;
    if (!jv_object(v, node, path, top_keys)) {
        return false;
    }
    char lp[JV_PATH_MAX], rp[JV_PATH_MAX];
    jv_path_key(lp, sizeof lp, path, "lift");
    const cJSON *lift = jv_child_object(v, node, path, "lift", false);
    if (lift && jv_object(v, lift, lp, clean_method_names)) {
        for (int m = 0; m < CLEAN_METHOD_COUNT; m++) {
            char mp[JV_PATH_MAX];
            jv_path_key(mp, sizeof mp, lp, clean_method_names[m]);
            const cJSON *per = jv_child_object(v, lift, lp, clean_method_names[m], false);
            if (per && jv_object(v, per, mp, lift_kind_keys)) {
                for (size_t k = 0; lift_kind_keys[k]; k++) {
                    jv_double(v, per, mp, lift_kind_keys[k], false, 0.0, 1.0, &p->lift[m][lift_kinds[k]]);
                }
            }
        }
    }
    jv_double(v, node, path, "smear_dry_oil", false, 0.0, 1.0, &p->smear_dry_oil);
    jv_double(v, node, path, "smear_growth", false, 1.0, 10.0, &p->smear_growth);
    jv_double(v, node, path, "wet_left_residue", false, 0.0, 1.0, &p->wet_left_residue);
    jv_double(v, node, path, "redeposit", false, 0.0, 1.0, &p->redeposit);
    jv_double(v, node, path, "scrub_move", false, 0.0, 1.0, &p->scrub_move);
    jv_path_key(rp, sizeof rp, path, "port_reach");
    const cJSON *reach = jv_child_object(v, node, path, "port_reach", false);
    if (reach && jv_object(v, reach, rp, clean_method_names)) {
        for (int m = 0; m < CLEAN_METHOD_COUNT; m++) {
            jv_double(v, reach, rp, clean_method_names[m], false, 0.0, 1.0, &p->port_reach[m]);
        }
    }
    jv_double(v, node, path, "mate_transfer", false, 0.0, 1.0, &p->mate_transfer);
    jv_double(v, node, path, "mate_damage", false, 0.0, 1.0, &p->mate_damage);
    jv_double(v, node, path, "mate_damage_min_um", false, 0.0, 1000.0, &p->mate_damage_min_um);
    return v->diags->count + v->diags->dropped == before;
}
