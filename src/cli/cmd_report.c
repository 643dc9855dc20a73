/*
 * cmd_report.c - "fibresim report [options] DIR...": the attempts of one or
 * more results folders, checked by replay, filtered and summed up per
 * trainee, module and group, as CSV (spreadsheets), HTML (one printable
 * file) or JSON (tools). See include/fibresim/report.h for what is counted
 * and how, report_csv.c / report_html.c / report_json.c for each format.
 *
 * Exit status: 0 the report was written (mismatched attempts are in it, not
 * an error), 2 bad usage, an unreadable folder or a failed write.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build_config.h"
#include "cli.h"
#include "fibresim/core.h"
#include "fibresim/journal.h"
#include "fibresim/record.h"
#include "fibresim/report.h"
#include "i18n.h"
#include "report_out.h"

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcmp(path + n - e, ext) == 0;
}

/* The report's time stamp: $SOURCE_DATE_EPOCH when set (reproducible
 * output), else now. The edge reads the clock, never the core. */
static void now_iso(char out[32])
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t t = sde && sde[0] ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void print_problem(const ReportProblem *p)
{
    char line[1200];
    i18n_diag_line(&p->diag, p->path, line, sizeof line);
    fprintf(stderr, "  %s\n", line);
}

static int usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static int usage_error(const char *fmt, ...)
{
    fputs("fibresim report: ", stderr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 2;
}

static int run_report(const CliArgs *a)
{
    ReportOptions opt;
    memset(&opt, 0, sizeof opt);
    opt.dirs = a->pos;
    opt.n_dirs = (size_t)a->npos;
    opt.verify = !cli_flag(a, "no-verify");
    opt.use_cache = !cli_flag(a, "no-cache");
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    opt.threads = cpus > 0 ? (unsigned)(cpus > 16 ? 16 : cpus) : 1;
    double jobs = 0;
    if (!cli_double(a, "jobs", (double)opt.threads, &jobs)) {
        return 2;
    }
    if (jobs < 1 || jobs > 64 || jobs != (double)(unsigned)jobs) {
        return usage_error(_("--jobs needs a whole number from 1 to 64, got \"%s\""), cli_value(a, "jobs"));
    }
    opt.threads = (unsigned)jobs;

    const char *lang = cli_value(a, "lang");
    if (lang && strcmp(lang, "fr") != 0 && strcmp(lang, "en") != 0) {
        return usage_error(_("--lang is fr or en, got \"%s\""), lang);
    }
    if (lang) {
        i18n_set_language(lang);
    }
    ReportFilter *f = &opt.filter;
    f->trainee = cli_value(a, "trainee");
    f->module = cli_value(a, "module");
    f->scenario = cli_value(a, "scenario");
    if (f->trainee && !record_slug_valid(f->trainee)) {
        return usage_error(_("--trainee needs a trainee id such as \"marie-dupont\" (lowercase letters, digits and "
                             "'-'), got \"%s\""),
                           f->trainee);
    }
    const char *since = cli_value(a, "since"), *until = cli_value(a, "until");
    if (since && !report_parse_date(since, false, f->since)) {
        return usage_error(_("--since needs a date YYYY-MM-DD, got \"%s\""), since);
    }
    if (until && !report_parse_date(until, true, f->until)) {
        return usage_error(_("--until needs a date YYYY-MM-DD, got \"%s\""), until);
    }

    const char *out_path = cli_value(a, "output");
    const char *format = cli_value(a, "format");
    if (!format) {
        format = out_path && (has_ext(out_path, ".html") || has_ext(out_path, ".htm")) ? "html"
               : out_path && has_ext(out_path, ".json")                                 ? "json"
                                                                                        : "csv";
    }
    if (strcmp(format, "csv") != 0 && strcmp(format, "html") != 0 && strcmp(format, "json") != 0) {
        return usage_error(_("--format is csv, html or json, got \"%s\""), format);
    }
    const char *sep = cli_value(a, "sep");
    char csv_sep = ',';
    if (sep) {
        if (strcmp(sep, "tab") == 0 || strcmp(sep, "\\t") == 0 || strcmp(sep, "\t") == 0) {
            csv_sep = '\t';
        } else if (strlen(sep) == 1 && strchr(",;|", sep[0])) {
            csv_sep = sep[0];
        } else {
            return usage_error(_("--sep is one of , ; | or tab, got \"%s\""), sep);
        }
    }
    const char *rows = cli_value(a, "rows");
    if (rows && strcmp(rows, "trainees") != 0 && strcmp(rows, "attempts") != 0) {
        return usage_error(_("--rows is trainees or attempts, got \"%s\""), rows);
    }
    const char *scenario_dirs[4] = {NULL, NULL, NULL, NULL};
    size_t ns = 0;
    const char *s = cli_value(a, "scenarios");
    if (s) {
        scenario_dirs[ns++] = s;
    }
    scenario_dirs[ns++] = "scenarios";
    scenario_dirs[ns++] = FIBRESIM_DATADIR "/scenarios";
    opt.scenario_dirs = scenario_dirs;

    Report r;
    char err[512];
    if (!report_build(&opt, &r, err, sizeof err)) {
        fprintf(stderr, _("fibresim report: %s\n"), err);
        return 2;
    }
    char generated[32];
    now_iso(generated);
    ReportOut o = {
        .r = &r,
        .opt = &opt,
        .lang = i18n_language(),
        .generated_at = generated,
        .csv_sep = csv_sep,
        .csv_attempts = rows && strcmp(rows, "attempts") == 0,
        .html_all_details = cli_flag(a, "all-details"),
    };
    /* HTML and JSON texts follow the language; CSV numbers follow the
     * spreadsheet's settings, given by --decimal-comma. */
    o.decimal_sep = strcmp(format, "csv") == 0 ? (cli_flag(a, "decimal-comma") ? ',' : '.')
                  : strcmp(format, "html") == 0 ? i18n_decimal_sep()
                                                : '.';
    if (strcmp(format, "csv") != 0 || o.csv_attempts) {
        report_out_load_titles(&o, (const char *const *)a->pos, scenario_dirs);
    }
    /* Written as it is made (a report of 100,000 attempts is hundreds of MB
     * of HTML or JSON): to OUT through a temp file (report_out_save), or to
     * the standard output. */
    int rc = 0;
    if (out_path) {
        char why[256];
        if (!report_out_save(&o, format, out_path, why, sizeof why)) {
            fprintf(stderr, _("fibresim report: cannot write %s: %s\n"), out_path, why);
            rc = 2;
        }
    } else {
        o.f = stdout;
        bool ok = report_out_write(&o, format);
        if (!(fflush(o.f) == 0 && ok)) {
            fprintf(stderr, _("fibresim report: cannot write %s: %s\n"), "-", strerror(errno));
            rc = 2;
        }
    }

    /* What the instructor must know, on stderr so the report stays clean. */
    fprintf(stderr, _("fibresim report: %zu attempts of %zu trainees"), r.n_attempts, r.n_trainees);
    if (opt.verify) {
        fprintf(stderr, _("; %zu verified (%zu replayed now), %zu mismatches, %zu not verifiable"), r.stats.verified,
                r.stats.replayed, r.stats.mismatched, r.stats.unverifiable);
    } else {
        fprintf(stderr, "%s", _("; scores not verified (--no-verify)"));
    }
    fputc('\n', stderr);
    if (r.stats.duplicates || r.stats.conflicts) {
        fprintf(stderr, _("fibresim report: %zu attempts found in two folders counted once; %zu attempts with "
                          "conflicting copies\n"),
                r.stats.duplicates, r.stats.conflicts);
    }
    if (r.n_problems) {
        fprintf(stderr, _("fibresim report: %zu files could not be read (left out):\n"), r.n_problems);
        for (size_t i = 0; i < r.n_problems; i++) {
            print_problem(&r.problems[i]);
        }
    }
    if (r.stats.mismatched) {
        for (size_t i = 0; i < r.n_attempts; i++) {
            if (r.attempts[i].check == REPORT_MISMATCH) {
                char detail[600];
                report_check_detail_text(&r.attempts[i], i18n_translate, NULL, i18n_decimal_sep(), detail,
                                         sizeof detail);
                fprintf(stderr, _("  mismatch: %s: %s\n"), r.attempts[i].path, detail);
            }
        }
    }
    report_out_finish(&o);
    report_finish(&r);
    return rc;
}

static const CliOption report_options[] = {
    {"trainee", CLI_VALUE, "ID", N_("Only this trainee (trainee id, e.g. marie-dupont)")},
    {"module", CLI_VALUE, "MODULE", N_("Only this module (tutorial, splice, endface...)")},
    {"scenario", CLI_VALUE, "ID", N_("Only this scenario id")},
    {"since", CLI_VALUE, "DATE", N_("Only attempts started on or after DATE (YYYY-MM-DD, UTC)")},
    {"until", CLI_VALUE, "DATE", N_("Only attempts started on or before DATE (YYYY-MM-DD, UTC)")},
    {"format", CLI_VALUE, "FORMAT", N_("csv, html or json (default: from the output name, else csv)")},
    {"rows", CLI_VALUE, "KIND", N_("CSV rows: trainees (figures per trainee and module, default) or attempts")},
    {"sep", CLI_VALUE, "SEP", N_("CSV separator: , (default) ; | or tab; use ; for a French spreadsheet")},
    {"decimal-comma", CLI_FLAG, NULL, N_("CSV numbers with a decimal comma (French spreadsheets)")},
    {"all-details", CLI_FLAG, NULL,
     N_("HTML: every attempt's criteria (by default only those of attempts to look at: changed, conflicting or "
        "with a safety fault)")},
    {"no-verify", CLI_FLAG, NULL, N_("Do not recompute the scores from the recorded gestures (faster)")},
    {"output", CLI_VALUE, "FILE", N_("Write the report to FILE instead of the standard output")},
    {"lang", CLI_VALUE, "LANG", N_("Language of the report: fr (default) or en")},
    {"scenarios", CLI_VALUE, "DIR", N_("Folder of scenario files to search by content hash")},
    {"jobs", CLI_VALUE, "N", N_("Attempts verified at once (default: the number of processors)")},
    {"no-cache", CLI_FLAG, NULL, N_("Neither read nor write the cache in DIR/cache/")},
    {NULL, CLI_FLAG, NULL, NULL},
};

const CliCommand cmd_report = {
    .name = "report",
    .args = "DIR...",
    .summary = N_("Report on the attempts of results folders (CSV, HTML, JSON), each score checked by replay"),
    .options = report_options,
    .min_pos = 1,
    .max_pos = -1,
    .run = run_report,
};
