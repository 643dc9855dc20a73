/*
 * cmd_calc_splice.c - "fibresim calc splice": the loss of a joint from its
 * misalignments, contribution by contribution (Gaussian model, REFERENCE.md
 * 1.2). A calculator for trainees and instructors: "what does 1 um of offset
 * cost at 1550 nm?", "is a G.652.D to G.657.A1 splice worse?".
 *
 * Human output is in the UI language (French by default, decimal comma);
 * --json is for programs (decimal point, full precision, units in the keys).
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fibresim/messages.h"
#include "fibresim/splice_physics.h"
#include "i18n.h"

static const CliOption calc_splice_options[] = {
    {"offset-um", CLI_VALUE, "UM", N_("Lateral offset between the cores, in µm (default 0)")},
    {"tilt-deg", CLI_VALUE, "DEG", N_("Angle between the fibre axes, in degrees (default 0)")},
    {"gap-um", CLI_VALUE, "UM", N_("Gap between the fibre ends, in µm (default 0)")},
    {"fibre1", CLI_VALUE, "TYPE", N_("Type of fibre 1: G.652.D, G.657.A1 or G.657.A2 (default G.652.D)")},
    {"fibre2", CLI_VALUE, "TYPE", N_("Type of fibre 2 (default: same as fibre 1)")},
    {"mfd1-um", CLI_VALUE, "UM", N_("Mode-field diameter of fibre 1, in µm (default: from its type at the wavelength)")},
    {"mfd2-um", CLI_VALUE, "UM", N_("Mode-field diameter of fibre 2, in µm (default: same as fibre 1)")},
    {"lambda-nm", CLI_VALUE, "NM", N_("Wavelength, in nm, from 1260 to 1675 (default 1310)")},
    {"n", CLI_VALUE, "N", N_("Index of the medium at the joint: 1.46 fused glass or gel, 1.0 air (default 1.46)")},
    {"n-glass", CLI_VALUE, "N", N_("Index of the fibre glass, for the Fresnel loss of an open gap (default 1.46)")},
    {"json", CLI_FLAG, NULL, N_("Print the result as JSON (decimal point, full precision)")},
    {NULL, CLI_FLAG, NULL, NULL},
};

/* Like cli_double, but also takes a decimal comma ("0,5"): French trainees
 * type numbers the way they read them. */
static bool number_option(const CliArgs *a, const char *name, double def, double *out)
{
    const char *s = cli_value(a, name);
    if (!s) {
        *out = def;
        return true;
    }
    char buf[64];
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof buf) {
        fprintf(stderr, _("fibresim %s: --%s: \"%s\" is not a number\n"), a->cmd->name, name, s);
        return false;
    }
    memcpy(buf, s, n + 1);
    char *comma = strchr(buf, ',');
    if (comma && !strchr(comma + 1, ',') && !strchr(buf, '.')) {
        *comma = '.';
    }
    char *end = NULL;
    errno = 0;
    double x = strtod(buf, &end);
    if (end == buf || *end != '\0' || errno == ERANGE || !isfinite(x)) {
        fprintf(stderr, _("fibresim %s: --%s: \"%s\" is not a number\n"), a->cmd->name, name, s);
        return false;
    }
    *out = x;
    return true;
}

/* Option name of each SpliceJoint field, for error messages. */
static const char *option_of_field(const char *field)
{
    static const char *const map[][2] = {
        {"offset_um", "offset-um"}, {"tilt_deg", "tilt-deg"}, {"gap_um", "gap-um"},
        {"mfd1_um", "mfd1-um"},     {"mfd2_um", "mfd2-um"},   {"lambda_nm", "lambda-nm"},
        {"n_medium", "n"},          {"n_glass", "n-glass"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strcmp(map[i][0], field) == 0) {
            return map[i][1];
        }
    }
    return field;
}

static bool fibre_option(const CliArgs *a, const char *name, const char *def, SpliceFibre *out)
{
    const char *type = cli_value(a, name);
    if (!type) {
        type = def;
    }
    if (!splice_fibre_default(type, out)) {
        fprintf(stderr, _("fibresim %s: --%s: unknown fibre type \"%s\" (expected G.652.D, G.657.A1 or G.657.A2)\n"),
                a->cmd->name, name, type);
        return false;
    }
    return true;
}

/* A number with up to `decimals` decimals, trailing zeros removed: 9.2 -> "9,2". */
static void short_number(double v, int decimals, char *out, size_t n)
{
    message_number(v, decimals, i18n_decimal_sep(), out, n);
    char *sep = strchr(out, i18n_decimal_sep());
    if (sep) {
        char *end = out + strlen(out);
        while (end > sep + 1 && end[-1] == '0') {
            *--end = '\0';
        }
        if (end == sep + 1) {
            *sep = '\0';
        }
    }
}

/* Number of characters (UTF-8 code points) of s, for column alignment. */
static size_t text_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80) {
            w++;
        }
    }
    return w;
}

static void print_row(const char *label, const char *detail, double db)
{
    char num[32];
    message_number(db, 3, i18n_decimal_sep(), num, sizeof num);
    size_t used = text_width(label) + 2;
    printf("  %s", label);
    for (size_t i = used; i < 24; i++) {
        putchar(' ');
    }
    printf(" %s", detail);
    for (size_t i = text_width(detail); i < 14; i++) {
        putchar(' ');
    }
    printf("%9s dB\n", num);
}

static void print_human(const SpliceJoint *j, const SpliceLoss *l, const char *type1, const char *type2)
{
    char a[32], b[32], c[32], d[32], detail[96];
    short_number(j->lambda_nm, 1, a, sizeof a);
    short_number(j->n_medium, 4, b, sizeof b);
    printf(_("Splice loss, Gaussian mode model: λ = %s nm, n = %s\n"), a, b);
    short_number(j->mfd1_um, 3, a, sizeof a);
    short_number(j->mfd2_um, 3, b, sizeof b);
    short_number(splice_mode_radius_um(j->mfd1_um), 4, c, sizeof c);
    short_number(splice_mode_radius_um(j->mfd2_um), 4, d, sizeof d);
    printf(_("Fibre 1 %s: MFD %s µm (w = %s µm); fibre 2 %s: MFD %s µm (w = %s µm)\n\n"), type1, a, c, type2, b,
           d);

    short_number(j->offset_um, 3, a, sizeof a);
    snprintf(detail, sizeof detail, "%s µm", a);
    print_row(_("Lateral offset"), detail, l->offset_db);
    short_number(j->tilt_deg, 3, a, sizeof a);
    snprintf(detail, sizeof detail, "%s°", a);
    print_row(_("Angle"), detail, l->tilt_db);
    short_number(j->mfd1_um, 3, a, sizeof a);
    short_number(j->mfd2_um, 3, b, sizeof b);
    snprintf(detail, sizeof detail, "%s / %s µm", a, b);
    print_row(_("MFD mismatch"), detail, l->mfd_db);
    short_number(j->gap_um, 3, a, sizeof a);
    snprintf(detail, sizeof detail, "%s µm", a);
    print_row(_("End gap"), detail, l->gap_db);
    print_row(_("Fresnel (2 faces)"), "", l->fresnel_db);
    print_row(_("Total"), "", l->total_db);
    message_number(100.0 * l->transmission, 2, i18n_decimal_sep(), a, sizeof a);
    printf(_("\nTransmission: %s %%\n"), a);
    if (l->fresnel_db > 0.0) {
        printf("%s\n", _("The gap is not index-matched: its two glass faces reflect (Fresnel)."));
    }
}

static int print_json(const SpliceJoint *j, const SpliceLoss *l, const char *type1, const char *type2)
{
    cJSON *o = cJSON_CreateObject();
    if (!o) {
        return 1;
    }
    cJSON_AddStringToObject(o, "fibre1", type1);
    cJSON_AddStringToObject(o, "fibre2", type2);
    cJSON_AddNumberToObject(o, "lambda_nm", j->lambda_nm);
    cJSON_AddNumberToObject(o, "n_medium", j->n_medium);
    cJSON_AddNumberToObject(o, "n_glass", j->n_glass);
    cJSON_AddNumberToObject(o, "mfd1_um", j->mfd1_um);
    cJSON_AddNumberToObject(o, "mfd2_um", j->mfd2_um);
    cJSON_AddNumberToObject(o, "w1_um", splice_mode_radius_um(j->mfd1_um));
    cJSON_AddNumberToObject(o, "w2_um", splice_mode_radius_um(j->mfd2_um));
    cJSON_AddNumberToObject(o, "offset_um", j->offset_um);
    cJSON_AddNumberToObject(o, "tilt_deg", j->tilt_deg);
    cJSON_AddNumberToObject(o, "gap_um", j->gap_um);
    cJSON_AddNumberToObject(o, "offset_db", l->offset_db);
    cJSON_AddNumberToObject(o, "tilt_db", l->tilt_db);
    cJSON_AddNumberToObject(o, "mfd_db", l->mfd_db);
    cJSON_AddNumberToObject(o, "gap_db", l->gap_db);
    cJSON_AddNumberToObject(o, "fresnel_db", l->fresnel_db);
    cJSON_AddNumberToObject(o, "total_db", l->total_db);
    cJSON_AddNumberToObject(o, "transmission", l->transmission);
    char *text = cJSON_Print(o);
    cJSON_Delete(o);
    if (!text) {
        return 1;
    }
    printf("%s\n", text);
    free(text);
    return 0;
}

static int run_calc_splice(const CliArgs *a)
{
    SpliceJoint j;
    splice_joint_default(&j);
    SpliceFibre f1, f2;
    if (!fibre_option(a, "fibre1", "G.652.D", &f1)) {
        return 2;
    }
    if (!fibre_option(a, "fibre2", f1.type, &f2)) {
        return 2;
    }
    if (!number_option(a, "offset-um", 0.0, &j.offset_um) || !number_option(a, "tilt-deg", 0.0, &j.tilt_deg)
        || !number_option(a, "gap-um", 0.0, &j.gap_um) || !number_option(a, "lambda-nm", 1310.0, &j.lambda_nm)
        || !number_option(a, "n", 1.46, &j.n_medium) || !number_option(a, "n-glass", 1.46, &j.n_glass)) {
        return 2;
    }
    /* MFDs: an explicit value wins; else fibre 2 follows fibre 1 unless its type
     * was given; else the type's table at the wavelength. */
    if (!number_option(a, "mfd1-um", splice_fibre_mfd_um(&f1, j.lambda_nm), &j.mfd1_um)) {
        return 2;
    }
    double mfd2_default = cli_value(a, "fibre2") || !cli_value(a, "mfd1-um") ? splice_fibre_mfd_um(&f2, j.lambda_nm)
                                                                             : j.mfd1_um;
    if (!number_option(a, "mfd2-um", mfd2_default, &j.mfd2_um)) {
        return 2;
    }
    const char *field = NULL;
    if (!splice_joint_check(&j, &field)) {
        double lo = 0, hi = 0;
        splice_joint_range(field, &lo, &hi);
        const char *opt = option_of_field(field);
        char slo[32], shi[32];
        short_number(lo, 3, slo, sizeof slo);
        short_number(hi, 3, shi, sizeof shi);
        fprintf(stderr, _("fibresim %s: --%s must be from %s to %s, got %s\n"), a->cmd->name, opt, slo, shi,
                cli_value(a, opt) ? cli_value(a, opt) : "?");
        return 2;
    }
    /* An MFD given by hand belongs to no table type. */
    const char *type1 = cli_value(a, "mfd1-um") ? "-" : f1.type;
    const char *type2 = cli_value(a, "mfd2-um") || (!cli_value(a, "fibre2") && cli_value(a, "mfd1-um")) ? "-" : f2.type;
    SpliceLoss l;
    splice_joint_loss(&j, &l);
    if (cli_flag(a, "json")) {
        return print_json(&j, &l, type1, type2);
    }
    print_human(&j, &l, type1, type2);
    return 0;
}

const CliCommand cli_cmd_calc_splice = {
    .name = "calc splice",
    .args = "",
    .summary = N_("Loss of a splice from offset, angle, MFD mismatch and gap (Gaussian model)"),
    .options = calc_splice_options,
    .min_pos = 0,
    .max_pos = 0,
    .run = run_calc_splice,
};
