/*
 * report_out.h - what the report writers of "fibresim report" share (CSV in
 * report_csv.c, HTML in report_html.c, JSON in report_json.c): the report,
 * the output stream, number and date formats in the report's language, and
 * the labels every format uses.
 */
#ifndef FIBRESIM_REPORT_OUT_H
#define FIBRESIM_REPORT_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "fibresim/report.h"
#include "fibresim/scenario.h"

typedef struct ReportTitle {
    const char *hash;        /* interned scenario hash of the report */
    Scenario *scn;           /* owned; NULL when the bytes are not found */
} ReportTitle;

typedef struct ReportOut {
    FILE *f;                 /* borrowed */
    const Report *r;         /* borrowed */
    const ReportOptions *opt;
    char decimal_sep;        /* '.' or ',' */
    char csv_sep;            /* CSV field separator */
    bool csv_attempts;       /* CSV: one row per attempt instead of per trainee and module */
    bool html_all_details;   /* HTML: every attempt's criteria shown (printed), not only the problems' */
    const char *lang;        /* "fr" or "en" */
    const char *generated_at; /* when the report was made, ISO UTC (the edge reads the clock) */
    ReportTitle *titles;     /* owned: scenarios of the report, for their titles */
    size_t n_titles;
} ReportOut;

/* Loads the scenario of each hash in the report (for titles); missing ones
 * are shown by id. */
void report_out_load_titles(ReportOut *o, const char *const *data_dirs, const char *const *scenario_dirs);
void report_out_finish(ReportOut *o);

/* Title of a scenario in the report's language, or its id. */
const char *report_out_scenario_title(const ReportOut *o, const ReportAttempt *a);

/* A number with `decimals` decimals and the report's decimal separator; "" for NAN. */
void report_out_number(const ReportOut *o, double v, int decimals, char *out, size_t n);
/* "2026-01-05T08:48:55Z" -> "2026-01-05 08:48" (minutes) or with seconds. "" stays "". */
void report_out_time(const char *iso, bool seconds, char *out, size_t n);

/* Translated labels. */
const char *report_status_label(AttemptStatus s);
const char *report_check_label(ReportCheck c);
const char *report_verdict_label(Verdict v);
const char *report_module_label(const char *module);

/* The sentence explaining a criterion's outcome, translated and filled:
 * "Cleave angle 1,4°: above 1°, cleave again". label: its short name. */
void report_criterion_text(const ReportOut *o, const ReportAttempt *a, const ReportCriterion *c, char *label,
                           size_t label_n, char *text, size_t text_n);

bool report_write_csv(ReportOut *o);
bool report_write_html(ReportOut *o);
bool report_write_json(ReportOut *o);
/* The writer of format ("csv", "html", anything else JSON) on o->f. */
bool report_out_write(ReportOut *o, const char *format);

/* Writes the report as format ("csv", "html" or "json") to path: made in a
 * temp file next to it, synced, renamed over path at the end, so that path
 * is never half written (a report of 100,000 attempts is hundreds of MB).
 * o->f is set meanwhile. false with the reason (errno text) in err. */
bool report_out_save(ReportOut *o, const char *format, const char *path, char *err, size_t err_n);

#endif
