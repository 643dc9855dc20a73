/*
 * report_html.c - the report as one self-contained HTML file to open in any
 * browser, send by e-mail or print: inline CSS (with print rules: one
 * trainee per page), inline SVG charts of the score over time per module,
 * no script and no external resource of any kind.
 *
 * Layout: a header (when, which folders, which filter, how to read the
 * marks), the group summary (figures per module, the trainee list, files
 * that could not be read), then one section per trainee: figures per module,
 * a chart per module, the attempt list, and each attempt's criteria with the
 * sentence that explains them, in the report's language.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/messages.h"
#include "i18n.h"
#include "report_out.h"

static void esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\'':
            fputs("&#39;", f);
            break;
        default:
            fputc(*s, f);
        }
    }
}

/* An element with escaped text: <tag attrs>text</tag> */
static void el(FILE *f, const char *tag, const char *attrs, const char *text)
{
    fprintf(f, "<%s%s%s>", tag, attrs ? " " : "", attrs ? attrs : "");
    esc(f, text);
    fprintf(f, "</%s>", tag);
}

static void num_cell(const ReportOut *o, double v, int decimals)
{
    char num[64];
    report_out_number(o, v, decimals, num, sizeof num);
    fprintf(o->f, "<td class=\"n\">%s</td>", num[0] ? num : "–");
}

static void count_cell(const ReportOut *o, size_t v)
{
    fprintf(o->f, "<td class=\"n\">%zu</td>", v);
}

static const char css[] =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;color:#1d2330;margin:24px;font-size:14px;line-height:1.4}"
    "h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid #2b6cb0;padding-bottom:2px;margin-top:32px}"
    "h3{font-size:16px;margin:18px 0 6px}h4{font-size:14px;margin:10px 0 4px}"
    "table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #c8ccd4;padding:3px 7px;text-align:left;"
    "vertical-align:top}th{background:#edf1f7}td.n{text-align:right;white-space:nowrap}"
    ".meta{color:#4a5263}.legend{background:#f6f8fb;border-left:4px solid #2b6cb0;padding:6px 10px}"
    ".ok{color:#1c7c3c;font-weight:bold}.bad{color:#b3261e;font-weight:bold}.warn{color:#9a5b00;font-weight:bold}"
    ".muted{color:#6b7280}.charts{display:flex;flex-wrap:wrap;gap:12px}"
    ".attempt{border:1px solid #dde2ea;border-radius:6px;padding:4px 10px;margin:8px 0}"
    ".attempt.mismatch{border-color:#b3261e;background:#fdf2f1}"
    "svg text{font-family:'DejaVu Sans',Arial,sans-serif}"
    "@media print{body{margin:0;font-size:10pt}section.trainee{break-before:page}"
    ".attempt,table,svg{break-inside:avoid}a{color:inherit;text-decoration:none}}";

static void check_mark(const ReportOut *o, const ReportAttempt *a)
{
    const char *cls = a->check == REPORT_VERIFIED ? "ok"
                    : a->check == REPORT_MISMATCH ? "bad"
                    : a->check == REPORT_UNVERIFIABLE ? "warn"
                                                       : "muted";
    const char *sym = a->check == REPORT_VERIFIED ? "✔ " : a->check == REPORT_MISMATCH ? "✘ " : "";
    fprintf(o->f, "<span class=\"%s\">%s", cls, sym);
    esc(o->f, report_check_label(a->check));
    fputs("</span>", o->f);
}

/* ---- chart ------------------------------------------------------------------------ */

/* Days since 1970 of "YYYY-MM-DDTHH:MM:SSZ", with the time of day as a fraction. */
static double iso_days(const char *iso)
{
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    int hh = atoi(iso + 11), mm = atoi(iso + 14), ss = atoi(iso + 17);
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    double days = (double)era * 146097.0 + doe - 719468;
    return days + (hh * 3600 + mm * 60 + ss) / 86400.0;
}

#define CHART_W 560
#define CHART_H 220
#define CHART_L 44
#define CHART_R 14
#define CHART_T 28
#define CHART_B 40

static void chart(const ReportOut *o, const ReportTrainee *t, const ReportFigures *mf)
{
    FILE *f = o->f;
    const Report *r = o->r;
    double t0 = INFINITY, t1 = -INFINITY;
    for (size_t k = t->first; k < t->first + t->count; k++) {
        const ReportAttempt *a = &r->attempts[k];
        if (strcmp(a->module, mf->module) == 0) {
            double d = iso_days(a->started_at);
            t0 = d < t0 ? d : t0;
            t1 = d > t1 ? d : t1;
        }
    }
    if (!(t0 <= t1)) {
        return;
    }
    if (t1 - t0 < 1.0) { /* one day at least, centred */
        double mid = 0.5 * (t0 + t1);
        t0 = mid - 0.5;
        t1 = mid + 0.5;
    }
    const double pw = CHART_W - CHART_L - CHART_R, ph = CHART_H - CHART_T - CHART_B;
    char label[256];
    snprintf(label, sizeof label, _("%s: score over time"), report_module_label(mf->module));
    fprintf(f, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
            CHART_W, CHART_H, CHART_W, CHART_H);
    esc(f, label);
    fputs("\">", f);
    fprintf(f, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"#c8ccd4\"/>", CHART_W, CHART_H);
    fprintf(f, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"bold\" fill=\"#1d2330\">", CHART_L);
    esc(f, label);
    fputs("</text>", f);
    for (int s = 0; s <= 100; s += 25) {
        double y = CHART_T + ph * (1.0 - s / 100.0);
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e7ee\"/>", CHART_L, y,
                CHART_W - CHART_R, y);
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#4a5263\">%d</text>",
                CHART_L - 6, y + 4, s);
    }
    /* Dates under the axis: first, middle, last. */
    for (int i = 0; i < 3; i++) {
        double d = t0 + (t1 - t0) * i / 2.0;
        long long days = (long long)floor(d);
        long long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
        long long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        long long dd = doy - (153 * mp + 2) / 5 + 1, mm = mp < 10 ? mp + 3 : mp - 9, yy = yoe + era * 400 + (mm <= 2);
        char date[96];
        if (strcmp(o->lang, "fr") == 0) {
            snprintf(date, sizeof date, "%02lld/%02lld/%04lld", dd, mm, yy);
        } else {
            snprintf(date, sizeof date, "%04lld-%02lld-%02lld", yy, mm, dd);
        }
        double x = CHART_L + pw * i / 2.0;
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\" fill=\"#4a5263\">%s</text>", x,
                CHART_H - CHART_B + 16, i == 0 ? "start" : i == 1 ? "middle" : "end", date);
    }
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#4a5263\"/>", CHART_L, CHART_T + (int)ph,
            CHART_W - CHART_R, CHART_T + (int)ph);
    /* The line through the counted attempts, in time order (attempts are sorted). */
    fputs("<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\" points=\"", f);
    for (size_t k = t->first; k < t->first + t->count; k++) {
        const ReportAttempt *a = &r->attempts[k];
        if (strcmp(a->module, mf->module) == 0 && (a->flags & REPORT_ATTEMPT_COUNTED)) {
            double x = CHART_L + pw * (iso_days(a->started_at) - t0) / (t1 - t0);
            double y = CHART_T + ph * (1.0 - a->total / 100.0);
            fprintf(f, "%.1f,%.1f ", x, y);
        }
    }
    fputs("\"/>", f);
    for (size_t k = t->first; k < t->first + t->count; k++) {
        const ReportAttempt *a = &r->attempts[k];
        if (strcmp(a->module, mf->module) != 0) {
            continue;
        }
        double x = CHART_L + pw * (iso_days(a->started_at) - t0) / (t1 - t0);
        double y = CHART_T + ph * (1.0 - a->total / 100.0);
        char score[32], when[32];
        report_out_number(o, a->total, 1, score, sizeof score);
        report_out_time(a->started_at, false, when, sizeof when);
        if (a->flags & REPORT_ATTEMPT_COUNTED) {
            fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#ffffff\"><title>", x, y,
                    a->passed ? "#1c7c3c" : "#d97706");
        } else {
            /* Not counted (mismatch, conflict): a red cross at the stored score. */
            fprintf(f, "<path d=\"M%.1f %.1fl8 8m0 -8l-8 8\" stroke=\"#b3261e\" stroke-width=\"2\"><title>", x - 4,
                    y - 4);
        }
        esc(f, when);
        fputs(" — ", f);
        esc(f, report_out_scenario_title(o, a));
        fprintf(f, " — %s", score);
        fputs(a->flags & REPORT_ATTEMPT_COUNTED ? "</title></circle>" : "</title></path>", f);
    }
    fputs("</svg>", f);
}

/* ---- sections ----------------------------------------------------------------------- */

static void figures_head(FILE *f)
{
    fputs("<tr>", f);
    el(f, "th", NULL, _("Module"));
    el(f, "th", NULL, _("Attempts"));
    el(f, "th", NULL, _("Passed attempts"));
    el(f, "th", NULL, _("Passed scenarios"));
    el(f, "th", NULL, _("Best"));
    el(f, "th", NULL, _("Last"));
    el(f, "th", NULL, _("Average"));
    el(f, "th", NULL, _("Last activity (UTC)"));
    el(f, "th", NULL, _("Mismatches"));
    fputs("</tr>", f);
}

static void figures_row(const ReportOut *o, const ReportFigures *fg, const char *label)
{
    FILE *f = o->f;
    char when[32], scn[48];
    report_out_time(fg->last_activity, false, when, sizeof when);
    snprintf(scn, sizeof scn, "%zu / %zu", fg->passed_scenarios, fg->scenarios_tried);
    fputs("<tr>", f);
    el(f, "td", NULL, label);
    count_cell(o, fg->attempts);
    count_cell(o, fg->passed_attempts);
    fprintf(f, "<td class=\"n\">%s</td>", scn);
    num_cell(o, fg->best, 1);
    num_cell(o, fg->last, 1);
    num_cell(o, fg->average, 1);
    el(f, "td", NULL, when);
    fprintf(f, "<td class=\"n%s\">%zu</td>", fg->mismatches ? " bad" : "", fg->mismatches);
    fputs("</tr>", f);
}

static void write_header(const ReportOut *o)
{
    FILE *f = o->f;
    const Report *r = o->r;
    const ReportOptions *opt = o->opt;
    el(f, "h1", NULL, _("Fibresim training report"));
    fputs("<p class=\"meta\">", f);
    char when[32];
    report_out_time(o->generated_at, false, when, sizeof when);
    fprintf(f, _("Made on %s (UTC) from: "), when);
    for (size_t d = 0; d < opt->n_dirs; d++) {
        fputs(d ? ", " : "", f);
        el(f, "code", NULL, opt->dirs[d]);
    }
    fputs("<br>", f);
    const ReportFilter *flt = &opt->filter;
    if (flt->trainee || flt->module || flt->scenario || flt->since[0] || flt->until[0]) {
        esc(f, _("Filter:"));
        if (flt->trainee) {
            fprintf(f, " %s ", _("trainee"));
            el(f, "code", NULL, flt->trainee);
        }
        if (flt->module) {
            fprintf(f, " %s ", _("module"));
            el(f, "code", NULL, flt->module);
        }
        if (flt->scenario) {
            fprintf(f, " %s ", _("scenario"));
            el(f, "code", NULL, flt->scenario);
        }
        char t[32];
        if (flt->since[0]) {
            report_out_time(flt->since, false, t, sizeof t);
            fprintf(f, " %s %s", _("from"), t);
        }
        if (flt->until[0]) {
            report_out_time(flt->until, false, t, sizeof t);
            fprintf(f, " %s %s", _("until"), t);
        }
        fputs("<br>", f);
    }
    char counts[256];
    snprintf(counts, sizeof counts, _("%zu trainees, %zu attempts, %zu unreadable files."), r->n_trainees,
             r->n_attempts, r->n_problems);
    esc(f, counts);
    fputs("</p>", f);
    fputs("<p class=\"legend\">", f);
    if (opt->verify) {
        snprintf(counts, sizeof counts, _("%zu verified, %zu mismatches, %zu not verifiable."), r->stats.verified,
                 r->stats.mismatched, r->stats.unverifiable);
        esc(f, counts);
        fputs(" ", f);
        esc(f, _("Every score was recomputed from the trainee's recorded gestures. \"Verified\": the stored score is "
                 "exactly the recomputed one. \"Mismatch\": the stored score or gestures were changed after the "
                 "attempt; it is listed but not counted."));
    } else {
        esc(f, _("Scores were not recomputed for this report (--no-verify): they are shown as stored."));
    }
    fputs("</p>", f);
}

static void write_group(const ReportOut *o)
{
    FILE *f = o->f;
    const Report *r = o->r;
    fputs("<section id=\"group\">", f);
    el(f, "h2", NULL, _("Group summary"));
    fputs("<table>", f);
    fputs("<tr>", f);
    el(f, "th", NULL, _("Module"));
    el(f, "th", NULL, _("Active trainees"));
    el(f, "th", NULL, _("Attempts"));
    el(f, "th", NULL, _("Pass rate"));
    el(f, "th", NULL, _("Average"));
    el(f, "th", NULL, _("Best"));
    el(f, "th", NULL, _("Mismatches"));
    fputs("</tr>", f);
    for (size_t m = 0; m <= r->n_modules; m++) {
        const ReportFigures *g = m < r->n_modules ? &r->modules[m] : &r->group;
        fputs(m < r->n_modules ? "<tr>" : "<tr style=\"font-weight:bold\">", f);
        el(f, "td", NULL, m < r->n_modules ? report_module_label(g->module) : _("All modules"));
        count_cell(o, g->trainees);
        count_cell(o, g->attempts);
        char rate[32] = "–";
        if (g->attempts) {
            report_out_number(o, 100.0 * (double)g->passed_attempts / (double)g->attempts, 0, rate, sizeof rate);
            strcat(rate, strcmp(o->lang, "fr") == 0 ? " %" : "%");
        }
        fprintf(f, "<td class=\"n\">%s</td>", rate);
        num_cell(o, g->average, 1);
        num_cell(o, g->best, 1);
        fprintf(f, "<td class=\"n%s\">%zu</td>", g->mismatches ? " bad" : "", g->mismatches);
        fputs("</tr>", f);
    }
    fputs("</table>", f);

    el(f, "h3", NULL, _("Trainees"));
    /* One row per trainee and module, the trainee's cells spanning them:
     * narrow enough to print on A4 whatever the number of modules. */
    fputs("<table class=\"trainees\"><tr>", f);
    el(f, "th", NULL, _("Trainee"));
    el(f, "th", NULL, _("Last activity (UTC)"));
    el(f, "th", NULL, _("Module"));
    el(f, "th", NULL, _("Best"));
    el(f, "th", NULL, _("Last"));
    el(f, "th", NULL, _("Average"));
    el(f, "th", NULL, _("Attempts"));
    el(f, "th", NULL, _("Passed scenarios"));
    fputs("</tr>", f);
    for (size_t i = 0; i < r->n_trainees; i++) {
        const ReportTrainee *t = &r->trainees[i];
        size_t rows = 0;
        for (size_t m = 0; m < t->n_modules; m++) {
            rows += t->modules[m].attempts > 0 || t->modules[m].mismatches > 0;
        }
        char when[32];
        report_out_time(t->all.last_activity, false, when, sizeof when);
        fprintf(f, "<tr><td rowspan=\"%zu\"><a href=\"#t-%s\">", rows ? rows : 1, t->id);
        esc(f, t->name);
        fprintf(f, "</a></td><td rowspan=\"%zu\">", rows ? rows : 1);
        esc(f, when[0] ? when : "–");
        fputs("</td>", f);
        if (rows == 0) {
            fputs("<td colspan=\"6\" class=\"muted\">", f);
            esc(f, _("No attempt in this report."));
            fputs("</td></tr>", f);
            continue;
        }
        bool first = true;
        for (size_t m = 0; m < t->n_modules; m++) {
            const ReportFigures *mf = &t->modules[m];
            if (!mf->attempts && !mf->mismatches) {
                continue;
            }
            if (!first) {
                fputs("<tr>", f);
            }
            first = false;
            el(f, "td", NULL, report_module_label(mf->module));
            num_cell(o, mf->best, 1);
            num_cell(o, mf->last, 1);
            num_cell(o, mf->average, 1);
            count_cell(o, mf->attempts);
            fprintf(f, "<td class=\"n\">%zu / %zu</td></tr>", mf->passed_scenarios, mf->scenarios_tried);
        }
    }
    fputs("</table>", f);
    if (r->n_problems) {
        el(f, "h3", NULL, _("Files that could not be read"));
        fputs("<ul>", f);
        for (size_t i = 0; i < r->n_problems; i++) {
            const Diag *d = &r->problems[i].diag;
            fputs("<li><code>", f);
            esc(f, r->problems[i].path);
            fputs("</code>: ", f);
            if (d->path[0]) {
                el(f, "code", NULL, d->path);
                fputs(": ", f);
            }
            esc(f, _(diag_code_name(d->code)));
            char text[320];
            if (d->expected[0]) {
                fputs(", ", f);
                esc(f, _("expected"));
                fputs(" ", f);
                i18n_diag_text(d, false, text, sizeof text);
                esc(f, text);
            }
            if (d->found[0]) {
                fputs(", ", f);
                esc(f, _("found"));
                fputs(" ", f);
                i18n_diag_text(d, true, text, sizeof text);
                esc(f, text);
            }
            fputs("</li>", f);
        }
        fputs("</ul>", f);
    }
    fputs("</section>", f);
}

/* Whether an attempt's criteria are written: with --all-details, or when
 * the instructor must see them (a changed record, a conflict, a safety
 * fault). A year of a platform is about 10,000 attempts: every one's table
 * made a 24 MB page that a browser could not print in 5 minutes; the
 * attempts table lists them all, and the trainee page in the program shows
 * any attempt's criteria. */
static bool details_written(const ReportOut *o, const ReportAttempt *a)
{
    return o->html_all_details || a->check == REPORT_MISMATCH || (a->flags & REPORT_ATTEMPT_CONFLICT)
        || a->n_safety > 0;
}

static void write_attempt(const ReportOut *o, const ReportAttempt *a)
{
    FILE *f = o->f;
    bool mismatch = a->check == REPORT_MISMATCH;
    fprintf(f, "<div class=\"attempt%s\" id=\"a-%s\"><h4>", mismatch ? " mismatch" : "", a->attempt_id);
    char when[32], score[32], mark[32], secs[32];
    report_out_time(a->started_at, false, when, sizeof when);
    report_out_number(o, a->total, 1, score, sizeof score);
    report_out_number(o, a->pass_mark, 0, mark, sizeof mark);
    report_out_number(o, (double)a->end_tick / FS_TICK_HZ / 60.0, 1, secs, sizeof secs);
    esc(f, when);
    fputs(" — ", f);
    esc(f, report_out_scenario_title(o, a));
    fprintf(f, " — %s / 100 ", score);
    fprintf(f, a->passed ? "<span class=\"ok\">" : "<span class=\"bad\">");
    esc(f, a->passed ? _("passed") : _("not passed"));
    fputs("</span></h4><p class=\"meta\">", f);
    char line[512];
    const char *status = report_status_label(a->status);
    snprintf(line, sizeof line, _("%s after %s min; pass mark %s; attempt %s."), status ? status : "", secs, mark,
             a->attempt_id);
    esc(f, line);
    fputs(" ", f);
    check_mark(o, a);
    char detail[600];
    report_check_detail_text(a, i18n_translate, NULL, i18n_decimal_sep(), detail, sizeof detail);
    if (detail[0]) {
        esc(f, _(": "));
        esc(f, detail);
    }
    if (a->flags & REPORT_ATTEMPT_CONFLICT) {
        fputs(" <span class=\"warn\">", f);
        esc(f, (a->flags & REPORT_ATTEMPT_COUNTED) ? _("another file has this attempt id with other content")
                                                   : _("conflict copy: not counted"));
        fputs("</span>", f);
    }
    fputs("</p>", f);
    if (a->n_criteria) {
        fputs("<table class=\"crit\"><tr>", f);
        el(f, "th", NULL, _("Criterion"));
        el(f, "th", NULL, _("Value"));
        el(f, "th", NULL, _("Credit"));
        el(f, "th", NULL, _("Points"));
        el(f, "th", NULL, _("Explanation"));
        fputs("</tr>", f);
        for (uint32_t i = 0; i < a->n_criteria; i++) {
            const ReportCriterion *c = &a->criteria[i];
            char label[128], text[512], value[64] = "–", credit[32], points[32];
            report_criterion_text(o, a, c, label, sizeof label, text, sizeof text);
            if (c->measured) {
                char v[48];
                report_out_number(o, c->value, c->def->decimals, v, sizeof v);
                snprintf(value, sizeof value, "%s%s%s", v, c->def->unit[0] && strcmp(c->def->unit, "°") ? " " : "",
                         c->def->unit);
            }
            report_out_number(o, 100.0 * c->credit, 0, credit, sizeof credit);
            report_out_number(o, c->points, 1, points, sizeof points);
            const char *cls = c->verdict == VERDICT_OK ? "ok" : c->verdict == VERDICT_PARTIAL ? "warn" : "bad";
            fputs("<tr>", f);
            el(f, "td", NULL, label);
            fprintf(f, "<td class=\"n\">");
            esc(f, value);
            fprintf(f, "</td><td class=\"n %s\">%s%s</td>", cls, credit, strcmp(o->lang, "fr") == 0 ? " %" : "%");
            fprintf(f, "<td class=\"n\">%s</td>", points);
            el(f, "td", NULL, text);
            fputs("</tr>", f);
        }
        fputs("</table>", f);
    }
    for (uint32_t i = 0; i < a->n_penalties; i++) {
        const ReportPenalty *p = &a->penalties[i];
        if (p->count == 0) {
            continue;
        }
        char pts[32];
        report_out_number(o, p->points, 1, pts, sizeof pts);
        snprintf(line, sizeof line, _("Penalty \"%s\": %u times, -%s points"), p->id, (unsigned)p->count, pts);
        el(f, "p", "class=\"warn\"", line);
    }
    for (uint32_t i = 0; i < a->n_safety; i++) {
        char at[32];
        report_out_number(o, (double)a->safety[i].tick / FS_TICK_HZ, 1, at, sizeof at);
        snprintf(line, sizeof line, _("Safety fault \"%s\" at %s s: the attempt fails whatever the points."),
                 a->safety[i].event, at);
        el(f, "p", "class=\"bad\"", line);
    }
    fputs("</div>", f);
}

static void write_trainee(const ReportOut *o, const ReportTrainee *t)
{
    FILE *f = o->f;
    const Report *r = o->r;
    fprintf(f, "<section class=\"trainee\" id=\"t-%s\"><h2>", t->id);
    esc(f, t->name);
    fputs(" <span class=\"muted\">(", f);
    esc(f, t->id);
    fputs(")</span></h2>", f);
    if (t->count == 0) {
        el(f, "p", "class=\"muted\"", _("No attempt in this report."));
        fputs("</section>", f);
        return;
    }
    fputs("<table>", f);
    figures_head(f);
    for (size_t m = 0; m < t->n_modules; m++) {
        if (t->modules[m].attempts || t->modules[m].mismatches) {
            figures_row(o, &t->modules[m], report_module_label(t->modules[m].module));
        }
    }
    figures_row(o, &t->all, _("All modules"));
    fputs("</table><div class=\"charts\">", f);
    for (size_t m = 0; m < t->n_modules; m++) {
        if (t->modules[m].attempts || t->modules[m].mismatches) {
            chart(o, t, &t->modules[m]);
        }
    }
    fputs("</div>", f);
    el(f, "h3", NULL, _("Attempts"));
    fputs("<table class=\"attempts\"><tr>", f);
    el(f, "th", NULL, _("Started (UTC)"));
    el(f, "th", NULL, _("Module"));
    el(f, "th", NULL, _("Scenario"));
    el(f, "th", NULL, _("Status"));
    el(f, "th", NULL, _("Score"));
    el(f, "th", NULL, _("Result"));
    el(f, "th", NULL, _("Check"));
    fputs("</tr>", f);
    for (size_t k = t->first; k < t->first + t->count; k++) {
        const ReportAttempt *a = &r->attempts[k];
        char when[32];
        report_out_time(a->started_at, false, when, sizeof when);
        if (details_written(o, a)) {
            fprintf(f, "<tr><td><a href=\"#a-%s\">", a->attempt_id);
            esc(f, when);
            fputs("</a></td>", f);
        } else {
            el(f, "td", NULL, when);
        }
        el(f, "td", NULL, report_module_label(a->module));
        el(f, "td", NULL, report_out_scenario_title(o, a));
        el(f, "td", NULL, report_status_label(a->status));
        num_cell(o, a->total, 1);
        fprintf(f, "<td class=\"%s\">", a->passed ? "ok" : "bad");
        esc(f, a->passed ? _("passed") : _("not passed"));
        fputs("</td><td>", f);
        check_mark(o, a);
        fputs("</td></tr>", f);
    }
    fputs("</table>", f);
    bool any = false;
    for (size_t k = t->first; k < t->first + t->count && !any; k++) {
        any = details_written(o, &r->attempts[k]);
    }
    if (any) {
        el(f, "h3", NULL, o->html_all_details ? _("Details of each attempt") : _("Attempts to look at"));
    }
    for (size_t k = t->first; k < t->first + t->count; k++) {
        if (details_written(o, &r->attempts[k])) {
            write_attempt(o, &r->attempts[k]);
        }
    }
    fputs("</section>", f);
}

bool report_write_html(ReportOut *o)
{
    FILE *f = o->f;
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">", o->lang);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", f);
    el(f, "title", NULL, _("Fibresim training report"));
    fprintf(f, "<style>%s</style></head><body>", css);
    write_header(o);
    write_group(o);
    for (size_t i = 0; i < o->r->n_trainees; i++) {
        write_trainee(o, &o->r->trainees[i]);
    }
    fputs("</body></html>\n", f);
    return !ferror(f);
}
