/*
 * report_aggregate.h - private to the report code: the trainee table and the
 * figures of a report (report_aggregate.c).
 */
#ifndef FIBRESIM_REPORT_AGGREGATE_H
#define FIBRESIM_REPORT_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/report.h"

/* Fills r->trainees, r->modules and r->group from r->attempts (filtered,
 * flags and checks set), the trainee files of the folders and, for names,
 * every attempt read (all). Sorts r->attempts into report order. false on OOM. */
bool report_aggregate(Report *r, const ReportOptions *opt, const ReportAttempt *all, size_t n_all);

#endif
