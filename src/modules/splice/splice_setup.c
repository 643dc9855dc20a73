/*
 * splice_setup.c - the "setup" object of a splice scenario.
 *
 *   "setup": {
 *     "fibre1": { "type": "G.652.D" },          left fibre (required), overrides allowed
 *     "fibre2": { "type": "G.657.A1" },         right fibre (required)
 *     "align": "core" | "cladding" | "manual",  (default "core")
 *     "cleaver": { ... SpliceCleaveParams overrides },
 *     "arc":     { ... SpliceArcParams overrides },
 *     and any of the numeric fields of the table below (each with its default)
 *   }
 */
#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/messages.h" /* N_() */
#include "splice_fields.h"
#include "splice_internal.h"

void splice_setup_default(SpliceSetup *s)
{
    memset(s, 0, sizeof *s);
    splice_fibre_default("G.652.D", &s->fibre[0]);
    splice_fibre_default("G.652.D", &s->fibre[1]);
    s->lambda_nm = 1310.0;
    s->sleeve_length_mm = 60.0;
    s->strip_target_mm = 35.0;
    s->cleave_length_mm = 16.0;
    s->cleave_limit_deg = 1.0;
    s->accept_max_db = 0.2;
    s->align = SPLICE_ALIGN_CORE;
    s->arc_power_rel = 1.0;
    s->vgroove_debris = 0.0;
    s->tension_rel = 1.0;
    s->blade_wear = 0.1;
    s->fresh_blade_wear = 0.02;
    s->heat_time_s = 26.0;
    s->cool_time_s = 10.0;
    s->min_bend_radius_mm = 0.0; /* 0 = from the fibres */
    s->pull_speed_max_mm_s = 150.0;
    s->pull_cv_max = 0.5;
    s->p_break_per_excess = 0.6;
    s->p_nick_per_excess = 0.6;
    s->p_nick_on_glass = 0.5;
    s->wipe_residual = 0.01;
    s->wrong_wipe_dirt = 0.5;
    s->manual_start_um = 3.0;
    s->align_step_um = 0.1;
    splice_cleave_params_default(&s->cleaver);
    splice_arc_params_default(&s->arc);
}

#define F(name, lo, hi) {#name, offsetof(SpliceSetup, name), lo, hi}
static const SpliceField setup_fields[] = {
    F(lambda_nm, 1260.0, 1650.0),
    F(sleeve_length_mm, 20.0, 80.0),
    F(strip_target_mm, 10.0, 60.0),
    F(cleave_length_mm, 5.0, 25.0),
    F(cleave_limit_deg, 0.1, 5.0),
    F(accept_max_db, 0.01, 2.0),
    F(arc_power_rel, 0.3, 2.0),
    F(vgroove_debris, 0.0, 1.0),
    F(tension_rel, 0.3, 2.0),
    F(blade_wear, 0.0, 1.0),
    F(fresh_blade_wear, 0.0, 1.0),
    F(heat_time_s, 5.0, 120.0),
    F(cool_time_s, 0.0, 120.0),
    F(min_bend_radius_mm, 0.0, 100.0),
    F(pull_speed_max_mm_s, 10.0, 2000.0),
    F(pull_cv_max, 0.05, 5.0),
    F(p_break_per_excess, 0.0, 10.0),
    F(p_nick_per_excess, 0.0, 10.0),
    F(p_nick_on_glass, 0.0, 1.0),
    F(wipe_residual, 0.0, 1.0),
    F(wrong_wipe_dirt, 0.0, 1.0),
    F(manual_start_um, 0.0, 20.0),
    F(align_step_um, 0.01, 2.0),
};
#undef F

static const char *const align_names[] = {"core", "cladding", "manual", NULL};

void *splice_setup_load(JsonV *v, const cJSON *node, const char *path)
{
    static const char *const extra[] = {"fibre1", "fibre2", "align", "cleaver", "arc", NULL};
    SpliceSetup *s = malloc(sizeof *s);
    if (!s) {
        jv_report(v, DIAG_IO, path, N_("memory for the setup"), N_("out of memory"));
        return NULL;
    }
    splice_setup_default(s);
    size_t before = v->diags ? v->diags->count + v->diags->dropped : 0;
    if (!cJSON_IsObject(node)) {
        jv_object(v, node, path, extra); /* reports the type */
        free(s);
        return NULL;
    }
    splice_fields_object(v, node, path, setup_fields, sizeof setup_fields / sizeof setup_fields[0], extra, s);

    static const char *const fibre_keys[2] = {"fibre1", "fibre2"};
    for (int i = 0; i < 2; i++) {
        const cJSON *f = jv_child_object(v, node, path, fibre_keys[i], true);
        if (f) {
            char p[JV_PATH_MAX];
            jv_path_key(p, sizeof p, path, fibre_keys[i]);
            splice_fibre_load(v, f, p, &s->fibre[i]);
        }
    }
    int align = SPLICE_ALIGN_CORE;
    if (jv_enum(v, node, path, "align", false, align_names, &align)) {
        s->align = (SpliceAlign)align;
    }
    const cJSON *cleaver = jv_child_object(v, node, path, "cleaver", false);
    if (cleaver) {
        char p[JV_PATH_MAX];
        jv_path_key(p, sizeof p, path, "cleaver");
        splice_cleave_params_load(v, cleaver, p, &s->cleaver);
    }
    const cJSON *arc = jv_child_object(v, node, path, "arc", false);
    if (arc) {
        char p[JV_PATH_MAX];
        jv_path_key(p, sizeof p, path, "arc");
        splice_arc_params_load(v, arc, p, &s->arc);
    }
    if (s->min_bend_radius_mm <= 0.0) {
        double a = s->fibre[0].min_bend_radius_mm, b = s->fibre[1].min_bend_radius_mm;
        s->min_bend_radius_mm = a > b ? a : b;
    }
    /* The strip must leave glass past the blade once the coating edge sits on the mark. */
    if (s->strip_target_mm < s->cleave_length_mm + 2.0) {
        char p[JV_PATH_MAX];
        DiagArgs args = {0};
        jv_path_key(p, sizeof p, path, "strip_target_mm");
        diag_arg_num(&args, "strip", s->strip_target_mm);
        diag_arg_num(&args, "cleave", s->cleave_length_mm);
        jv_report_t(v, DIAG_INCONSISTENT, p, N_("at least cleave_length_mm + 2 mm"),
                    N_("{strip} mm for a {cleave} mm cleave length"), &args);
    }
    if (v->diags && v->diags->count + v->diags->dropped != before) {
        free(s);
        return NULL;
    }
    return s;
}

void splice_setup_free(void *setup)
{
    free(setup);
}
