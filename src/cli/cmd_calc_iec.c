/*
 * cmd_calc_iec.c - "fibresim calc iec FILE.json...": grades end faces under
 * IEC 61300-3-35 and prints the verdict zone by zone (French by default), so
 * an instructor can check the end faces of a scenario before trainees see
 * them. The file format is in include/fibresim/iec_case.h.
 *
 * Exit status: 0 every file was graded (and agrees with its "expect", if any);
 * 1 a grade disagrees with the file's "expect"; 2 a file is unreadable or
 * invalid (every problem is listed with its JSON path and line:column).
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fibresim/diag.h"
#include "fibresim/endface.h"
#include "fibresim/iec_case.h"
#include "fibresim/jsontext.h"
#include "i18n.h"

static const CliOption options[] = {
    {"json", CLI_FLAG, NULL, N_("Print the grade as JSON (one object per file)")},
    {"features", CLI_FLAG, NULL, N_("Also list how each feature was classified, sized and zoned")},
    {"lang", CLI_VALUE, "LANG", N_("Language of the grade report: fr (default) or en")},
    {NULL, CLI_FLAG, NULL, NULL},
};

/* One problem of a bad file: "file:line:col: path: what: expected X, found Y". */
static void print_problem(const Diag *g, const char *file)
{
    char line[1200];
    i18n_diag_line(g, file, line, sizeof line);
    fprintf(stderr, "%s\n", line);
}

/* A size in um with the language's decimal separator and no useless zeros:
 * 5 -> "5", 2.5 -> "2,5", 0.25 -> "0,25". */
static void size_text(double um, char *out, size_t n)
{
    snprintf(out, n, "%.2f", um);
    char *dot = strchr(out, '.');
    if (dot) {
        char *end = out + strlen(out) - 1;
        while (end > dot && *end == '0') {
            *end-- = '\0';
        }
        if (end == dot) {
            *end = '\0';
        } else {
            *dot = i18n_decimal_sep();
        }
    }
}

/* "< 2 µm", "≤ 3 µm", "2–5 µm", "> 5 µm"; "" for a bin of any size. */
static void bin_text(const IecBin *b, char *out, size_t n)
{
    char lo[24], hi[24];
    size_text(b->lo_um, lo, sizeof lo);
    size_text(b->hi_um, hi, sizeof hi);
    bool from_zero = b->lo_um == 0.0;
    bool open_top = isinf(b->hi_um);
    if (from_zero && open_top) {
        out[0] = '\0';
    } else if (from_zero) {
        snprintf(out, n, b->hi_closed ? _("≤ %s µm") : _("< %s µm"), hi);
    } else if (open_top) {
        snprintf(out, n, b->lo_closed ? _("≥ %s µm") : _("> %s µm"), lo);
    } else {
        snprintf(out, n, _("%s–%s µm"), lo, hi);
    }
}

/* Why a zone failed, in plain words. */
static void failure_text(const IecTable *tab, int z, const IecZoneGrade *zg, char *out, size_t n)
{
    const IecBin *b = &tab->zones[z].rule[zg->fail_class].bins[zg->fail_bin];
    char bin[48], size[24];
    bin_text(b, bin, sizeof bin);
    size_text(zg->fail_size_um, size, sizeof size);
    unsigned count = zg->count[zg->fail_class][zg->fail_bin];
    bool scratch = zg->fail_class == IEC_SCRATCH;
    if (b->max_count == 0 && !bin[0]) {
        snprintf(out, n, scratch ? _("a scratch (%s µm wide): none allowed") : _("a defect (%s µm): none allowed"),
                 size);
    } else if (b->max_count == 0) {
        snprintf(out, n,
                 scratch ? _("a scratch %s (%s µm wide): none allowed") : _("a defect %s (%s µm): none allowed"),
                 bin, size);
    } else if (!bin[0]) {
        snprintf(out, n, scratch ? _("%u scratches: at most %d allowed") : _("%u defects: at most %d allowed"), count,
                 (int)b->max_count);
    } else {
        snprintf(out, n, scratch ? _("%u scratches %s: at most %d allowed") : _("%u defects %s: at most %d allowed"),
                 count, bin, (int)b->max_count);
    }
}

static void print_counts(const IecTable *tab, int z, const IecZoneGrade *zg)
{
    char line[512] = "";
    size_t used = 0;
    for (int c = 0; c < IEC_CLASS_COUNT; c++) {
        const IecRule *rule = &tab->zones[z].rule[c];
        for (size_t b = 0; b < rule->n_bins; b++) {
            if (!zg->count[c][b]) {
                continue;
            }
            char bin[48];
            bin_text(&rule->bins[b], bin, sizeof bin);
            char item[128];
            char spaced[56];
            snprintf(spaced, sizeof spaced, "%s%s", bin[0] ? " " : "", bin);
            uint32_t k = zg->count[c][b];
            if (c == IEC_SCRATCH) {
                snprintf(item, sizeof item, ngettext("%u scratch%s", "%u scratches%s", k), k, spaced);
            } else {
                snprintf(item, sizeof item, ngettext("%u defect%s", "%u defects%s", k), k, spaced);
            }
            used += (size_t)snprintf(line + used, sizeof line - used, "%s%s", used ? ", " : "", item);
            if (used >= sizeof line) {
                used = sizeof line - 1;
            }
        }
    }
    printf("    %s\n", used ? line : _("nothing in this zone"));
}

static void print_text(const char *file, const IecCase *ic, const IecGrade *g, const IecFeatureGrade *per,
                       bool list_features, bool agrees)
{
    const Endface *f = &ic->face;
    const IecTable *tab = iec_table(f->type);
    char ferrule[16];
    size_text(endface_ferrule_diameter_um(f->ferrule) / 1000.0, ferrule, sizeof ferrule);
    printf("%s\n", file);
    if (ic->note) {
        printf(_("Author's note: %s\n"), ic->note);
    }
    printf(_("End face %s, ferrule %s mm: %zu features, %zu outside the contact zone\n"), _(endface_type_label(f->type)),
           ferrule, f->count, g->n_outside);
    for (int z = 0; z < ZONE_COUNT; z++) {
        const IecZoneGrade *zg = &g->zones[z];
        char lo[16], hi[16];
        size_text(tab->zones[z].inner_diameter_um, lo, sizeof lo);
        size_text(tab->zones[z].outer_diameter_um, hi, sizeof hi);
        printf(_("Zone %s — %s (%s–%s µm): %s"), endface_zone_names[z], _(endface_zone_label((EndfaceZone)z)), lo, hi,
               zg->passed ? _("compliant") : _("NOT compliant"));
        if (!zg->passed) {
            char why[256];
            failure_text(tab, z, zg, why, sizeof why);
            printf(" — %s", why);
        }
        printf("\n");
        print_counts(tab, z, zg);
    }
    if (list_features) {
        for (size_t i = 0; i < f->count; i++) {
            const IecFeatureGrade *fg = &per[i];
            char size[24], zones[16] = "";
            size_text(fg->size_um, size, sizeof size);
            for (int z = 0; z < ZONE_COUNT; z++) {
                if (fg->zones & (1u << z)) {
                    strncat(zones, endface_zone_names[z], sizeof zones - strlen(zones) - 1);
                }
            }
            if (!fg->zones) {
                printf(_("  #%zu %s: outside the contact zone, not graded\n"), i,
                       _(endface_kind_label(f->features[i].kind)));
                continue;
            }
            printf(_("  #%zu %s: %s %s µm, zones %s\n"), i, _(endface_kind_label(f->features[i].kind)),
                   fg->cls == IEC_SCRATCH ? _("graded as a scratch of") : _("graded as a defect of"), size, zones);
        }
    }
    if (g->passed) {
        printf(_("IEC 61300-3-35 verdict: %s\n"), _("compliant"));
    } else {
        printf(_("IEC 61300-3-35 verdict: %s (first failing zone: %s)\n"), _("NOT compliant"),
               endface_zone_names[g->first_failing_zone]);
    }
    if (ic->has_expect) {
        printf("%s\n", agrees ? _("Expected verdict in the file: the grade agrees.")
                              : _("Expected verdict in the file: the grade DISAGREES."));
    }
}

static cJSON *zone_list(unsigned mask)
{
    cJSON *arr = cJSON_CreateArray();
    for (int z = 0; arr && z < ZONE_COUNT; z++) {
        if (mask & (1u << z)) {
            cJSON_AddItemToArray(arr, cJSON_CreateString(endface_zone_names[z]));
        }
    }
    return arr;
}

static cJSON *bins_json(const IecRule *rule, const uint32_t *counts)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t b = 0; arr && b < rule->n_bins; b++) {
        const IecBin *bin = &rule->bins[b];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "lo_um", bin->lo_um);
        cJSON_AddBoolToObject(o, "lo_closed", bin->lo_closed);
        if (isinf(bin->hi_um)) {
            cJSON_AddNullToObject(o, "hi_um");
        } else {
            cJSON_AddNumberToObject(o, "hi_um", bin->hi_um);
        }
        cJSON_AddBoolToObject(o, "hi_closed", bin->hi_closed);
        if (bin->max_count == IEC_ANY) {
            cJSON_AddNullToObject(o, "max");
        } else {
            cJSON_AddNumberToObject(o, "max", bin->max_count);
        }
        cJSON_AddNumberToObject(o, "count", counts[b]);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *grade_json(const char *file, const IecCase *ic, const IecGrade *g, const IecFeatureGrade *per,
                         bool agrees)
{
    const IecTable *tab = iec_table(ic->face.type);
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "file", file);
    cJSON_AddStringToObject(root, "type", endface_type_names[ic->face.type]);
    cJSON_AddNumberToObject(root, "ferrule_mm", endface_ferrule_diameter_um(ic->face.ferrule) / 1000.0);
    cJSON_AddStringToObject(root, "verdict", g->passed ? "pass" : "fail");
    cJSON_AddItemToObject(root, "failing_zones", zone_list(iec_failing_zones(g)));
    if (g->first_failing_zone >= 0) {
        cJSON_AddStringToObject(root, "first_failing_zone", endface_zone_names[g->first_failing_zone]);
    } else {
        cJSON_AddNullToObject(root, "first_failing_zone");
    }
    cJSON_AddNumberToObject(root, "n_features", (double)ic->face.count);
    cJSON_AddNumberToObject(root, "n_outside", (double)g->n_outside);
    cJSON *zones = cJSON_AddArrayToObject(root, "zones");
    for (int z = 0; zones && z < ZONE_COUNT; z++) {
        const IecZoneGrade *zg = &g->zones[z];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "zone", endface_zone_names[z]);
        cJSON_AddNumberToObject(o, "inner_diameter_um", tab->zones[z].inner_diameter_um);
        cJSON_AddNumberToObject(o, "outer_diameter_um", tab->zones[z].outer_diameter_um);
        cJSON_AddStringToObject(o, "verdict", zg->passed ? "pass" : "fail");
        cJSON_AddItemToObject(o, "scratches", bins_json(&tab->zones[z].rule[IEC_SCRATCH], zg->count[IEC_SCRATCH]));
        cJSON_AddItemToObject(o, "defects", bins_json(&tab->zones[z].rule[IEC_DEFECT], zg->count[IEC_DEFECT]));
        if (!zg->passed) {
            cJSON *fail = cJSON_AddObjectToObject(o, "failure");
            cJSON_AddStringToObject(fail, "class", zg->fail_class == IEC_SCRATCH ? "scratch" : "defect");
            cJSON_AddNumberToObject(fail, "bin", zg->fail_bin);
            cJSON_AddNumberToObject(fail, "count", zg->count[zg->fail_class][zg->fail_bin]);
            cJSON_AddNumberToObject(fail, "max", tab->zones[z].rule[zg->fail_class].bins[zg->fail_bin].max_count);
            cJSON_AddNumberToObject(fail, "largest_um", zg->fail_size_um);
            cJSON_AddNumberToObject(fail, "feature", (double)zg->fail_feature);
        }
        cJSON_AddItemToArray(zones, o);
    }
    cJSON *feats = cJSON_AddArrayToObject(root, "features");
    for (size_t i = 0; feats && i < ic->face.count; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", endface_kind_names[ic->face.features[i].kind]);
        cJSON_AddStringToObject(o, "class", per[i].cls == IEC_SCRATCH ? "scratch" : "defect");
        cJSON_AddNumberToObject(o, "size_um", per[i].size_um);
        cJSON_AddItemToObject(o, "zones", zone_list(per[i].zones));
        cJSON_AddItemToArray(feats, o);
    }
    if (ic->has_expect) {
        cJSON_AddBoolToObject(root, "agrees_with_expect", agrees);
    }
    return root;
}

/* Grades one file; returns its exit status (0, 1 or 2). */
static int grade_file(const char *file, bool json, bool list_features, cJSON *json_out)
{
    DiagList d;
    diag_list_init(&d);
    size_t len = 0;
    char *text = jsontext_read_file(file, IEC_CASE_MAX_BYTES, &len, &d);
    IecCase ic;
    memset(&ic, 0, sizeof ic);
    int status = 2;
    if (text && iec_case_parse(text, len, &ic, &d)) {
        IecGrade g;
        IecFeatureGrade *per = calloc(ic.face.count ? ic.face.count : 1, sizeof *per);
        if (per) {
            iec_grade(&ic.face, &g, per);
            bool agrees = iec_case_matches(&ic, &g);
            status = agrees ? 0 : 1;
            if (json) {
                cJSON_AddItemToArray(json_out, grade_json(file, &ic, &g, per, agrees));
            } else {
                print_text(file, &ic, &g, per, list_features, agrees);
            }
            free(per);
        } else {
            fprintf(stderr, _("%s: out of memory, not graded\n"), file);
        }
    } else {
        fprintf(stderr, _("%s: %zu problem(s), nothing graded:\n"), file, d.count + d.dropped);
        for (size_t i = 0; i < d.count; i++) {
            print_problem(&d.items[i], file);
        }
        if (d.dropped) {
            fprintf(stderr, _("%s: ... and %zu more problems\n"), file, d.dropped);
        }
    }
    iec_case_finish(&ic);
    free(text);
    diag_list_finish(&d);
    return status;
}

static int run(const CliArgs *a)
{
    const char *lang = cli_value(a, "lang");
    if (lang) {
        if (strcmp(lang, "fr") != 0 && strcmp(lang, "en") != 0) {
            fprintf(stderr, _("fibresim calc iec: --lang takes fr or en, got \"%s\"\n"), lang);
            return 2;
        }
        i18n_set_language(lang);
    }
    bool json = cli_flag(a, "json");
    cJSON *all = json ? cJSON_CreateArray() : NULL;
    int status = 0;
    for (int i = 0; i < a->npos; i++) {
        if (!json && i > 0) {
            printf("\n");
        }
        int s = grade_file(a->pos[i], json, cli_flag(a, "features"), all);
        status = s > status ? s : status;
    }
    if (json) {
        /* One file: its object; several: an array of them. */
        cJSON *out = cJSON_GetArraySize(all) == 1 && a->npos == 1 ? cJSON_DetachItemFromArray(all, 0) : all;
        char *s = cJSON_Print(out);
        if (s) {
            printf("%s\n", s);
            free(s);
        }
        if (out != all) {
            cJSON_Delete(out);
        }
        cJSON_Delete(all);
    }
    return status;
}

const CliCommand cmd_calc_iec = {
    .name = "calc iec",
    .args = "FILE.json...",
    .summary = N_("Grade end faces under IEC 61300-3-35 (exit 1 if a file's \"expect\" disagrees, 2 if invalid)"),
    .options = options,
    .min_pos = 1,
    .max_pos = -1,
    .run = run,
};
