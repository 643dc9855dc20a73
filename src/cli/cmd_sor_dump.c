/*
 * cmd_sor_dump.c - "fibresim sor dump FILE.sor": what an OTDR trace file holds
 * (fixed parameters, key events, data points, checksum), to check a file
 * received from the field or written by the simulator.
 *
 * Human output is in the UI language (French by default, decimal comma);
 * --json is for programs (decimal point, full precision, raw values next to
 * physical ones: the tree of sor_to_json()).
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "fibresim/sor.h"
#include "i18n.h"

static const CliOption sor_dump_options[] = {
    {"json", CLI_FLAG, NULL, N_("Print everything as JSON (decimal point, full precision)")},
    {"points", CLI_VALUE, "N", N_("Data points shown from each end of the trace (default 3, JSON 10)")},
    {NULL, CLI_FLAG, NULL, NULL},
};

/* A number with the UI's decimal separator. */
static const char *num(char *buf, size_t n, double v, int decimals)
{
    snprintf(buf, n, "%.*f", decimals, v);
    char sep = i18n_decimal_sep();
    for (char *p = buf; *p; p++) {
        if (*p == '.') {
            *p = sep;
        }
    }
    return buf;
}

/* Length of the valid UTF-8 character at s, 0 if the byte is not one. */
static size_t utf8_char(const unsigned char *s, size_t left)
{
    size_t n = s[0] < 0x80 ? 1 : (s[0] >= 0xC2 && s[0] <= 0xDF) ? 2 : (s[0] >= 0xE0 && s[0] <= 0xEF) ? 3
             : (s[0] >= 0xF0 && s[0] <= 0xF4) ? 4 : 0;
    if (n == 0 || n > left) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
    }
    return n;
}

/* Text fields as stored, with control bytes and bytes that are not UTF-8
 * shown as \xHH so the terminal stays sane. */
static const char *shown(char *buf, size_t n, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < len && o + 5 < n;) {
        size_t k = u[i] >= 0x20 && u[i] != 0x7F ? utf8_char(u + i, len - i) : 0;
        if (k > 0 && o + k + 1 < n) {
            memcpy(buf + o, u + i, k);
            o += k;
            i += k;
        } else {
            o += (size_t)snprintf(buf + o, n - o, "\\x%02X", u[i]);
            i++;
        }
    }
    buf[o] = '\0';
    return buf;
}

/* s right-aligned on width columns (one column per UTF-8 character). */
static const char *right(char *buf, size_t n, const char *s, int width)
{
    int cols = 0;
    for (const char *p = s; *p; p++) {
        cols += ((unsigned char)*p & 0xC0) != 0x80;
    }
    int pad = width > cols ? width - cols : 0;
    snprintf(buf, n, "%*s%s", pad, "", s);
    return buf;
}

static const char *kind_label(const SorEvent *e)
{
    if (sor_event_is_end(e)) {
        return _("end of fibre");
    }
    switch (sor_event_kind(e)) {
    case SOR_EVENT_NON_REFLECTIVE:
        return _("non-reflective");
    case SOR_EVENT_REFLECTIVE:
        return _("reflective");
    case SOR_EVENT_SATURATED:
        return _("reflective (saturated)");
    default:
        return _("unknown");
    }
}

static void print_points(const SorFile *f, size_t from, size_t to)
{
    char a[32], b[32];
    for (size_t k = from; k < to; k++) {
        printf(_("    #%zu  %s m  %s dB (raw %u)\n"), k, num(a, sizeof a, sor_point_m(f, k), 2),
               num(b, sizeof b, sor_point_db(f, k), 3), (unsigned)f->points[k]);
    }
}

static void print_text(const SorFile *f, const char *path, size_t edge)
{
    char a[64], b[64], c[64], s1[300], s2[300];
    const SorGenParams *g = &f->gen;
    const SorSupParams *s = &f->sup;
    const SorFxdParams *x = &f->fxd;
    printf(_("File: %s (SOR version %u.%02u)\n"), path, f->map_revision / 100u, f->map_revision % 100u);
    if (f->has_sup) {
        printf(_("Instrument: %s %s, module %s\n"), shown(s1, sizeof s1, s->supplier, strlen(s->supplier)),
               shown(s2, sizeof s2, s->mainframe_id, strlen(s->mainframe_id)),
               shown(a, sizeof a, s->module_id, strlen(s->module_id)));
    }
    if (f->has_gen) {
        printf(_("Cable: %s  fibre: %s\n"), shown(s1, sizeof s1, g->cable_id, strlen(g->cable_id)),
               shown(s2, sizeof s2, g->fibre_id, strlen(g->fibre_id)));
        printf(_("From: %s  to: %s\n"), shown(s1, sizeof s1, g->origin, strlen(g->origin)),
               shown(s2, sizeof s2, g->end, strlen(g->end)));
        printf(_("Operator: %s  comment: %s\n"), shown(s1, sizeof s1, g->operator_name, strlen(g->operator_name)),
               shown(s2, sizeof s2, g->comment, strlen(g->comment)));
    }

    printf("%s\n", _("Fixed parameters:"));
    time_t t = (time_t)x->date_time_unix;
    struct tm tm;
    if (gmtime_r(&t, &tm)) {
        strftime(s1, sizeof s1, "%Y-%m-%d %H:%M:%S UTC", &tm);
        printf(_("  Date: %s\n"), s1);
    }
    printf(_("  Wavelength: %s nm\n"), num(a, sizeof a, sor_wavelength_nm(f), 1));
    printf(_("  Pulse width: %u ns\n"), (unsigned)x->pulse_width_ns[0]);
    printf(_("  Group index: %s\n"), num(a, sizeof a, sor_group_index(f), 5));
    printf(_("  Backscatter coefficient: %s dB\n"), num(a, sizeof a, sor_backscatter_db(f), 1));
    printf(_("  Sample spacing: %s m\n"), num(a, sizeof a, sor_sample_spacing_m(f), 4));
    printf(_("  Range: %s km\n"), num(a, sizeof a, sor_time_to_m(f, x->range_100ps) / 1000.0, 3));
    printf(_("  Averages: %ld\n"), (long)x->num_averages);
    printf(_("  Acquisition offset: %s m\n"), num(a, sizeof a, sor_time_to_m(f, x->acq_offset_100ps), 3));

    if (f->has_events) {
        printf(_("Key events: %zu\n"), f->event_count);
        if (f->event_count) {
            printf("  %3s  %s  %s  %s  %s\n", "#", right(a, sizeof a, _("distance (m)"), 12),
                   right(b, sizeof b, _("loss (dB)"), 10), right(c, sizeof c, _("reflectance (dB)"), 17),
                   _("type"));
        }
        for (size_t i = 0; i < f->event_count; i++) {
            const SorEvent *e = &f->events[i];
            const char *refl = !sor_event_has_reflectance(e) ? "-" : num(c, sizeof c, sor_event_reflectance_db(e), 3);
            printf("  %3d  %12s  %10s  %17s  %s\n", e->number, num(a, sizeof a, sor_event_m(f, e), 2),
                   num(b, sizeof b, sor_event_loss_db(e), 3), refl, kind_label(e));
        }
    } else {
        printf("%s\n", _("Key events: none (no KeyEvents block)"));
    }
    if (f->has_summary) {
        printf(_("  Total loss: %s dB  ORL: %s dB\n"), num(a, sizeof a, f->summary.total_loss_0001db / 1000.0, 3),
               num(b, sizeof b, f->summary.orl_0001db / 1000.0, 3));
    }

    printf(_("Data points: %zu\n"), f->point_count);
    size_t head = edge < f->point_count ? edge : f->point_count;
    size_t tail = f->point_count > edge ? f->point_count - edge : 0;
    if (tail < head) {
        tail = head;
    }
    if (head) {
        printf("%s\n", _("  first:"));
        print_points(f, 0, head);
    }
    if (tail < f->point_count) {
        printf("%s\n", _("  last:"));
        print_points(f, tail, f->point_count);
    }

    switch (f->cksum.status) {
    case SOR_CKSUM_OK:
        printf(_("Checksum: 0x%04X, correct (CRC-16/CCITT-FALSE)\n"), f->cksum.stored);
        break;
    case SOR_CKSUM_OK_XMODEM:
        printf(_("Checksum: 0x%04X, correct (CRC-16/XMODEM variant)\n"), f->cksum.stored);
        break;
    case SOR_CKSUM_MISMATCH:
        printf(_("Checksum: 0x%04X, does not match (computed 0x%04X); the file is read anyway\n"),
               f->cksum.stored, f->cksum.ccitt_false);
        break;
    default:
        printf("%s\n", _("Checksum: none"));
        break;
    }
    if (f->note_count) {
        printf("%s\n", _("Notes:"));
        for (size_t i = 0; i < f->note_count; i++) {
            const SorNote *n = &f->notes[i];
            char text[400];
            sor_note_text(n, i18n_translate, NULL, i18n_decimal_sep(), text, sizeof text);
            printf("  [%s @%zu] %s\n", n->block[0] ? n->block : "-", n->offset, text);
        }
    }
}

static int run_sor_dump(const CliArgs *a)
{
    bool json = cli_flag(a, "json");
    double edge_d = 0;
    if (!cli_double(a, "points", json ? 10 : 3, &edge_d)) {
        return 2;
    }
    if (edge_d < 0 || edge_d > 1e6) {
        fprintf(stderr, _("fibresim %s: --points must be between 0 and 1000000\n"), a->cmd->name);
        return 2;
    }
    size_t edge = (size_t)edge_d;
    SorFile f;
    SorError err;
    const char *path = a->pos[0];
    if (!sor_read_file(&f, path, &err)) {
        char msg[600];
        sor_error_text(&err, i18n_translate, NULL, i18n_decimal_sep(), msg, sizeof msg);
        fprintf(stderr, _("fibresim sor dump: %s is not a readable SOR file: %s\n"), path, msg);
        sor_finish(&f);
        return 1;
    }
    if (json) {
        cJSON *root = sor_to_json(&f, edge);
        if (root) {
            cJSON_AddStringToObject(root, "file", path);
        }
        char *out = root ? cJSON_Print(root) : NULL;
        if (!out) {
            fprintf(stderr, "%s\n", _("fibresim sor dump: out of memory"));
            cJSON_Delete(root);
            sor_finish(&f);
            return 1;
        }
        puts(out);
        free(out);
        cJSON_Delete(root);
    } else {
        print_text(&f, path, edge);
    }
    sor_finish(&f);
    return 0;
}

const CliCommand cli_cmd_sor_dump = {
    .name = "sor dump",
    .args = "FILE.sor",
    .summary = N_("Show what an OTDR trace file (.sor) holds: settings, events, points, checksum"),
    .options = sor_dump_options,
    .min_pos = 1,
    .max_pos = 1,
    .run = run_sor_dump,
};
