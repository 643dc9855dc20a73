/*
 * report_out.c - labels, numbers, dates and scenario titles shared by the
 * report writers (see report_out.h).
 */
#include "report_out.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fibresim/journal.h"
#include "fibresim/messages.h"
#include "fibresim/module.h"
#include "i18n.h"

void report_out_load_titles(ReportOut *o, const char *const *data_dirs, const char *const *scenario_dirs)
{
    static const char *const none[] = {NULL};
    const Report *r = o->r;
    o->titles = NULL;
    o->n_titles = 0;
    size_t cap = 0;
    for (size_t i = 0; i < r->n_attempts; i++) {
        const ReportAttempt *a = &r->attempts[i];
        bool known = false;
        for (size_t k = 0; k < o->n_titles && !known; k++) {
            known = o->titles[k].hash == a->scenario_hash;
        }
        if (known) {
            continue;
        }
        if (o->n_titles == cap) {
            cap = cap ? 2 * cap : 16;
            ReportTitle *m = realloc(o->titles, cap * sizeof *m);
            if (!m) {
                return;
            }
            o->titles = m;
        }
        ReportTitle *t = &o->titles[o->n_titles++];
        t->hash = a->scenario_hash;
        t->scn = NULL;
        ScenarioLookup look;
        if (journal_find_scenario(data_dirs, scenario_dirs ? scenario_dirs : none, a->scenario_id, a->scenario_hash,
                                  &look)) {
            t->scn = journal_load_scenario(data_dirs, &look, NULL);
        }
        journal_scenario_lookup_finish(&look);
    }
}

void report_out_finish(ReportOut *o)
{
    for (size_t i = 0; i < o->n_titles; i++) {
        scenario_destroy(o->titles[i].scn);
    }
    free(o->titles);
    o->titles = NULL;
    o->n_titles = 0;
}

const char *report_out_scenario_title(const ReportOut *o, const ReportAttempt *a)
{
    for (size_t i = 0; i < o->n_titles; i++) {
        if (o->titles[i].hash == a->scenario_hash && o->titles[i].scn) {
            return scenario_title(o->titles[i].scn, o->lang);
        }
    }
    return a->scenario_id;
}

void report_out_number(const ReportOut *o, double v, int decimals, char *out, size_t n)
{
    if (isnan(v)) {
        if (n) {
            out[0] = '\0';
        }
        return;
    }
    message_number(v, decimals, o->decimal_sep, out, n);
}

void report_out_time(const char *iso, bool seconds, char *out, size_t n)
{
    if (!iso[0]) {
        if (n) {
            out[0] = '\0';
        }
        return;
    }
    snprintf(out, n, "%.10s %.*s", iso, seconds ? 8 : 5, iso + 11);
}

const char *report_status_label(AttemptStatus s)
{
    switch (s) {
    case ATTEMPT_FINISHED:
        return _("finished");
    case ATTEMPT_ABANDONED:
        return _("abandoned");
    case ATTEMPT_TIMEOUT:
        return _("time limit reached");
    default:
        return _("running");
    }
}

const char *report_check_label(ReportCheck c)
{
    switch (c) {
    case REPORT_VERIFIED:
        return _("verified");
    case REPORT_MISMATCH:
        return _("mismatch");
    case REPORT_UNVERIFIABLE:
        return _("not verifiable");
    default:
        return _("not checked");
    }
}

const char *report_verdict_label(Verdict v)
{
    switch (v) {
    case VERDICT_OK:
        return _("full credit");
    case VERDICT_PARTIAL:
        return _("partial credit");
    case VERDICT_FAIL:
        return _("no credit");
    default:
        return _("not measured");
    }
}

const char *report_module_label(const char *module)
{
    const ModuleDef *m = module_find(module);
    return m && m->label ? _(m->label) : module;
}

void report_criterion_text(const ReportOut *o, const ReportAttempt *a, const ReportCriterion *c, char *label,
                           size_t label_n, char *text, size_t text_n)
{
    const ModuleDef *mod = module_find(a->module);
    const MessageDef *m = message_find(mod ? mod->messages : NULL, c->def->message);
    snprintf(label, label_n, "%s", m->label ? _(m->label) : c->def->id);
    CriterionResult cr;
    report_criterion_result(c, &cr);
    message_format(_(message_template(m, c->verdict)), &cr, o->decimal_sep, text, text_n);
}

bool report_out_write(ReportOut *o, const char *format)
{
    return strcmp(format, "csv") == 0 ? report_write_csv(o)
         : strcmp(format, "html") == 0 ? report_write_html(o)
                                       : report_write_json(o);
}

bool report_out_save(ReportOut *o, const char *format, const char *path, char *err, size_t err_n)
{
    size_t tn = strlen(path) + 32;
    char *tmp = malloc(tn);
    if (!tmp) {
        snprintf(err, err_n, "%s", strerror(ENOMEM));
        return false;
    }
    snprintf(tmp, tn, "%s.tmp-%ld", path, (long)getpid());
    o->f = fopen(tmp, "wb");
    if (!o->f) {
        snprintf(err, err_n, "%s", strerror(errno));
        free(tmp);
        return false;
    }
    bool ok = report_out_write(o, format);
    ok = fflush(o->f) == 0 && ok;
    ok = fsync(fileno(o->f)) == 0 && ok;
    int e = errno;
    ok = fclose(o->f) == 0 && ok;
    o->f = NULL;
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        snprintf(err, err_n, "%s", strerror(e ? e : EIO));
        unlink(tmp);
    }
    free(tmp);
    return ok;
}
