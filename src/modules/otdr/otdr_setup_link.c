/*
 * otdr_setup_link.c - the "link" of an OTDR scenario: the elements of the
 * link under test, from its origin (where the OTDR or the launch cable plugs
 * in) to its far end, and the far end's termination.
 *
 *   "link": [
 *     {"kind": "connector", "label": "DTIo", "loss_db": 0.3, "reflectance_db": -58, "polish": "apc", "dirty": false},
 *     {"kind": "fibre", "type": "G.657.A2", "length_m": 35},
 *     {"kind": "splice", "label": "PBO", "loss_db": 0.08},
 *     {"kind": "bend", "label": "chambre", "loss_1550_db": 0.6},
 *     {"kind": "break", "label": "coupure", "reflectance_db": -40}
 *   ],
 *   "end": "open_upc" | "open_apc" | "non_reflective"
 *
 * Fibre overrides (optional, one value per wavelength 1310/1550/1625):
 * "atten_db_km", "mfd_um", "group_index"; "backscatter_offset_db".
 * A connector's reflectance 0 or absent = the polish's typical value.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/core.h"
#include "otdr_internal.h"

static const char *const kind_names[] = {"fibre", "connector", "splice", "bend", "break", NULL};
static const char *const fibre_names[] = {"G.652.D", "G.657.A1", "G.657.A2", NULL};
static const char *const polish_names[] = {"upc", "apc", NULL};
static const char *const end_names[] = {"open_upc", "open_apc", "non_reflective", NULL};

/* Words an answer uses for features that are not elements. */
static bool reserved_label(const char *s)
{
    return strcmp(s, "break") == 0 || strcmp(s, "end") == 0 || strcmp(s, "link") == 0
           || strncmp(s, "event:", 6) == 0;
}

/* Three numbers (one per wavelength) in [lo, hi]. */
static void read_triple(JsonV *v, const cJSON *obj, const char *path, const char *key, double lo, double hi,
                        double out[OTDR_WL_COUNT])
{
    const cJSON *a = jv_child_array(v, obj, path, key, false, OTDR_WL_COUNT, OTDR_WL_COUNT);
    if (!a) {
        return;
    }
    char p[JV_PATH_MAX], q[JV_PATH_MAX];
    jv_path_key(p, sizeof p, path, key);
    for (int i = 0; i < OTDR_WL_COUNT; i++) {
        const cJSON *item = cJSON_GetArrayItem(a, i);
        jv_path_index(q, sizeof q, p, (size_t)i);
        if (!cJSON_IsNumber(item) || !(item->valuedouble >= lo && item->valuedouble <= hi)) {
            DiagArgs args = {0};
            diag_arg_num(&args, "min", lo);
            diag_arg_num(&args, "max", hi);
            const char *found = jv_describe_t(item, &args);
            jv_report_t(v, cJSON_IsNumber(item) ? DIAG_OUT_OF_RANGE : DIAG_WRONG_TYPE, q,
                        N_("a number from {min} to {max} (1310, 1550, 1625 nm)"), found, &args);
            continue;
        }
        out[i] = item->valuedouble;
    }
}

static void read_element(JsonV *v, const cJSON *node, const char *path, OtdrElement *e)
{
    static const char *const keys_fibre[] = {"kind", "label", "type", "length_m", "atten_db_km", "mfd_um",
                                             "group_index", "backscatter_offset_db", NULL};
    static const char *const keys_connector[] = {"kind", "label", "loss_db", "reflectance_db", "polish", "dirty",
                                                 NULL};
    static const char *const keys_splice[] = {"kind", "label", "loss_db", NULL};
    static const char *const keys_bend[] = {"kind", "label", "loss_1550_db", NULL};
    static const char *const keys_break[] = {"kind", "label", "reflectance_db", NULL};
    static const char *const *const keys[] = {keys_fibre, keys_connector, keys_splice, keys_bend, keys_break};
    memset(e, 0, sizeof *e);
    int kind = -1;
    if (!cJSON_IsObject(node)) {
        jv_object(v, node, path, keys_fibre); /* reports the type */
        return;
    }
    if (!jv_enum(v, node, path, "kind", true, kind_names, &kind)) {
        return;
    }
    e->kind = (OtdrElementKind)kind;
    jv_object(v, node, path, keys[kind]);
    jv_string(v, node, path, "label", false, e->label, sizeof e->label);
    switch (e->kind) {
    case OTDR_EL_FIBRE: {
        int type = 0;
        jv_enum(v, node, path, "type", true, fibre_names, &type);
        double length = 0;
        jv_double(v, node, path, "length_m", true, 0.0, 300000.0, &length);
        otdr_fibre_preset((OtdrFibreType)type, length, &e->fibre);
        read_triple(v, node, path, "atten_db_km", 0.0, 10.0, e->fibre.atten_db_km);
        read_triple(v, node, path, "mfd_um", 3.0, 20.0, e->fibre.mfd_um);
        read_triple(v, node, path, "group_index", 1.3, 1.7, e->fibre.group_index);
        jv_double(v, node, path, "backscatter_offset_db", false, -3.0, 3.0, &e->fibre.backscatter_offset_db);
        break;
    }
    case OTDR_EL_CONNECTOR: {
        jv_double(v, node, path, "loss_db", true, 0.0, 20.0, &e->connector.loss_db);
        jv_double(v, node, path, "reflectance_db", false, -90.0, 0.0, &e->connector.reflectance_db);
        int polish = OTDR_APC;
        jv_enum(v, node, path, "polish", false, polish_names, &polish);
        e->connector.polish = (OtdrPolish)polish;
        jv_bool(v, node, path, "dirty", false, &e->connector.dirty);
        break;
    }
    case OTDR_EL_SPLICE:
        jv_double(v, node, path, "loss_db", true, 0.0, 20.0, &e->loss_db);
        break;
    case OTDR_EL_BEND:
        jv_double(v, node, path, "loss_1550_db", true, 0.0, 20.0, &e->loss_db);
        break;
    case OTDR_EL_BREAK:
        /* Glass to air reflects at most -14.7 dB (REFERENCE 2.1); 0 = none. */
        if (jv_double(v, node, path, "reflectance_db", false, -90.0, 0.0, &e->reflectance_db)
            && e->reflectance_db > -14.0 && e->reflectance_db != 0.0) {
            char q[JV_PATH_MAX];
            DiagArgs args = {0};
            jv_path_key(q, sizeof q, path, "reflectance_db");
            diag_arg_num(&args, "value", e->reflectance_db);
            jv_report_t(v, DIAG_OUT_OF_RANGE, q,
                        N_("-90 .. -14 dB (a cleaved end reflects at most -14.7 dB), or 0 = none"), "{value}", &args);
        }
        break;
    }
}

bool otdr_setup_read_link(JsonV *v, const cJSON *node, const char *path, OtdrLink *l)
{
    size_t before = v->diags ? v->diags->count + v->diags->dropped : 0;
    otdr_link_init(l);
    /* Room for the launch cable, the receive cable. */
    const size_t max_elements = OTDR_LINK_MAX - 2;
    const cJSON *arr = jv_child_array(v, node, path, "link", true, 1, max_elements);
    char lp[JV_PATH_MAX], p[JV_PATH_MAX];
    jv_path_key(lp, sizeof lp, path, "link");
    size_t breaks = 0;
    if (arr) {
        const cJSON *item;
        size_t i = 0;
        cJSON_ArrayForEach(item, arr)
        {
            jv_path_index(p, sizeof p, lp, i);
            OtdrElement *e = &l->el[i];
            read_element(v, item, p, e);
            if (e->label[0]) {
                char q[JV_PATH_MAX];
                jv_path_key(q, sizeof q, p, "label");
                if (reserved_label(e->label)) {
                    DiagArgs args = {0};
                    diag_arg_str(&args, "text", e->label);
                    jv_report_t(v, DIAG_BAD_VALUE, q, N_("a label other than break, end, link, event:N"),
                                N_("\"{text}\""), &args);
                }
                for (size_t j = 0; j < i; j++) {
                    if (strcmp(l->el[j].label, e->label) == 0) {
                        DiagArgs args = {0};
                        diag_arg_str(&args, "text", e->label);
                        diag_arg_int(&args, "index", (long long)j);
                        jv_report_t(v, DIAG_DUPLICATE_ID, q, N_("a label no other element has"),
                                    N_("\"{text}\" again (first at link[{index}])"), &args);
                        break;
                    }
                }
            }
            breaks += e->kind == OTDR_EL_BREAK;
            i++;
        }
        l->count = i;
        if (l->count > 0 && l->el[0].kind != OTDR_EL_CONNECTOR) {
            jv_path_index(p, sizeof p, lp, 0);
            jv_report(v, DIAG_INCONSISTENT, p,
                      N_("a connector first: the origin where the OTDR or the launch cable plugs in"), N_("another kind"));
        }
        if (breaks > 1) {
            jv_report(v, DIAG_INCONSISTENT, lp, N_("at most one break"), N_("several"));
        }
    }
    int end = OTDR_END_OPEN_UPC;
    if (jv_enum(v, node, path, "end", false, end_names, &end)) {
        l->end = (OtdrEnd)end;
    }
    if (!v->diags || v->diags->count + v->diags->dropped == before) {
        OtdrError err;
        if (!otdr_link_check(l, &err)) {
            DiagArgs args = {0};
            diag_arg_str(&args, "message", err.message);
            diag_arg_str(&args, "name", err.field);
            /* otdr_link_check's limits repeat the ones checked above field by
             * field: its English text is kept inside a translated sentence. */
            jv_report_t(v, DIAG_OUT_OF_RANGE, lp, N_("values the simulator accepts ({message})"),
                        N_("a value outside them ({name})"), &args);
        }
    }
    return !v->diags || v->diags->count + v->diags->dropped == before;
}
