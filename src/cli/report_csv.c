/*
 * report_csv.c - the report as a CSV table that a spreadsheet opens as it is,
 * French settings included: UTF-8 with a byte order mark (so accents show
 * right), RFC 4180 quoting and CRLF line ends, a chosen separator (";" for
 * a French spreadsheet, where "," is the decimal mark) and a decimal comma
 * on request. Headers are in the report's language.
 *
 * Two tables: by default one row per trainee and module (the figures), with
 * a row per trainee for every module together; with --rows attempts, one row
 * per attempt. A text cell that a spreadsheet would take for a formula
 * (starting with = + - @, a tab or a CR) gets a leading apostrophe, the
 * spreadsheets' own mark for "text": a trainee named "=HYPERLINK(...)" stays
 * a name.
 */
#include <string.h>

#include "fibresim/core.h"
#include "i18n.h"
#include "report_out.h"

/* One cell; guard: text that must not be read as a formula. */
static void cell(ReportOut *o, const char *s, bool last, bool guard)
{
    FILE *f = o->f;
    bool formula = guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    bool quote = formula || strchr(s, o->csv_sep) || strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r');
    if (quote) {
        fputc('"', f);
        if (formula) {
            fputc('\'', f);
        }
        for (const char *c = s; *c; c++) {
            if (*c == '"') {
                fputc('"', f);
            }
            fputc(*c, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    if (last) {
        fputs("\r\n", f);
    } else {
        fputc(o->csv_sep, f);
    }
}

static void cell_text(ReportOut *o, const char *s, bool last)
{
    cell(o, s, last, true);
}

/* A number cell: with a decimal comma and ";" it needs no quotes; with
 * a decimal comma and "," as separator it is quoted. */
static void cell_number(ReportOut *o, double v, int decimals, bool last)
{
    char num[64];
    report_out_number(o, v, decimals, num, sizeof num);
    cell(o, num, last, false);
}

static void cell_count(ReportOut *o, size_t v, bool last)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", v);
    cell(o, num, last, false);
}

static void figures_row(ReportOut *o, const ReportTrainee *t, const ReportFigures *f, const char *module_label)
{
    char when[32];
    report_out_time(f->last_activity, false, when, sizeof when);
    cell_text(o, t->id, false);
    cell_text(o, t->name, false);
    cell_text(o, module_label, false);
    cell_count(o, f->attempts, false);
    cell_count(o, f->passed_attempts, false);
    cell_count(o, f->passed_scenarios, false);
    cell_count(o, f->scenarios_tried, false);
    cell_number(o, f->best, 1, false);
    cell_number(o, f->last, 1, false);
    cell_number(o, f->average, 2, false);
    cell_text(o, when, false);
    cell_count(o, f->mismatches, true);
}

static void write_trainees(ReportOut *o)
{
    const char *head[] = {_("Trainee id"),       _("Name"),          _("Module"),
                          _("Attempts"),         _("Passed attempts"), _("Passed scenarios"),
                          _("Scenarios tried"),  _("Best score"),    _("Last score"),
                          _("Average score"),    _("Last activity (UTC)"), _("Mismatches (not counted)")};
    size_t n = sizeof head / sizeof head[0];
    for (size_t i = 0; i < n; i++) {
        cell_text(o, head[i], i + 1 == n);
    }
    const Report *r = o->r;
    for (size_t i = 0; i < r->n_trainees; i++) {
        const ReportTrainee *t = &r->trainees[i];
        figures_row(o, t, &t->all, _("All modules"));
        for (size_t m = 0; m < t->n_modules; m++) {
            if (t->modules[m].attempts || t->modules[m].mismatches) {
                figures_row(o, t, &t->modules[m], report_module_label(t->modules[m].module));
            }
        }
    }
}

static void write_attempts(ReportOut *o)
{
    const char *head[] = {_("Trainee id"),  _("Name"),         _("Attempt id"),     _("Module"),
                          _("Scenario id"), _("Scenario"),     _("Version"),        _("Started (UTC)"),
                          _("Ended (UTC)"), _("Duration (s)"), _("Status"),         _("Score"),
                          _("Pass mark"),   _("Passed"),       _("Check"),          _("Check detail"),
                          _("Counted"),     _("File")};
    size_t n = sizeof head / sizeof head[0];
    for (size_t i = 0; i < n; i++) {
        cell_text(o, head[i], i + 1 == n);
    }
    const Report *r = o->r;
    for (size_t i = 0; i < r->n_trainees; i++) {
        const ReportTrainee *t = &r->trainees[i];
        for (size_t k = t->first; k < t->first + t->count; k++) {
            const ReportAttempt *a = &r->attempts[k];
            char start[32], end[32], version[16];
            report_out_time(a->started_at, true, start, sizeof start);
            report_out_time(a->ended_at, true, end, sizeof end);
            snprintf(version, sizeof version, "%d", a->scenario_version);
            cell_text(o, t->id, false);
            cell_text(o, t->name, false);
            cell_text(o, a->attempt_id, false);
            cell_text(o, report_module_label(a->module), false);
            cell_text(o, a->scenario_id, false);
            cell_text(o, report_out_scenario_title(o, a), false);
            cell_text(o, version, false);
            cell_text(o, start, false);
            cell_text(o, end, false);
            cell_number(o, (double)a->end_tick / FS_TICK_HZ, 2, false);
            cell_text(o, report_status_label(a->status), false);
            cell_number(o, a->total, 2, false);
            cell_number(o, a->pass_mark, 0, false);
            cell_text(o, a->passed ? _("yes") : _("no"), false);
            cell_text(o, report_check_label(a->check), false);
            char detail[600];
            report_check_detail_text(a, i18n_translate, NULL, i18n_decimal_sep(), detail, sizeof detail);
            cell_text(o, detail, false);
            cell_text(o, (a->flags & REPORT_ATTEMPT_COUNTED) ? _("yes") : _("no"), false);
            cell_text(o, a->path, true);
        }
    }
}

bool report_write_csv(ReportOut *o)
{
    fputs("\xEF\xBB\xBF", o->f);
    if (o->csv_attempts) {
        write_attempts(o);
    } else {
        write_trainees(o);
    }
    return !ferror(o->f);
}
