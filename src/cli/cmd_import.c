/*
 * cmd_import.c - "fibresim import SRC_DIR [--into DIR]": merges the results
 * folder of a laptop (a USB key, a copied folder) into the platform's
 * folder with journal_merge(): new attempts copied, the same attempt already
 * there skipped, the same attempt id with another content kept side by side
 * as a conflict copy and reported, unreadable files reported and left out,
 * nothing ever overwritten. Prints the counts. Each conflict, file left
 * out and differing trainee name is explained on stderr in the user's
 * language (the merge's messages are templates, rendered here).
 *
 * Exit status: 0 merged cleanly, 1 merged with conflicts or unreadable
 * files (listed on stderr), 2 usage error or the merge stopped on a write
 * error (run it again once fixed: a partial merge is consistent).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fibresim/journal.h"
#include "i18n.h"

typedef struct ImportLog {
    size_t conflicts, invalid, names;
} ImportLog;

/* A merge's message in the user's language (French numbers with a comma). */
static void detail_text(const DiagMsg *detail, char *out, size_t n)
{
    out[0] = '\0';
    if (detail) {
        diag_msg_text(detail, i18n_translate, NULL, i18n_decimal_sep(), out, n);
    }
}

static void on_event(void *user, JournalMergeEvent what, const char *src, const char *dst, const char *attempt_id,
                     const DiagMsg *detail)
{
    ImportLog *log = user;
    (void)attempt_id; /* src and dst name the files, which hold it */
    char text[1024];
    switch (what) {
    case JOURNAL_MERGE_CONFLICT:
        log->conflicts++;
        detail_text(detail, text, sizeof text);
        fprintf(stderr, _("conflict: %s has the id of an attempt already there with other content (%s); kept as %s\n"),
                src, text, dst);
        break;
    case JOURNAL_MERGE_INVALID:
        log->invalid++;
        detail_text(detail, text, sizeof text);
        fprintf(stderr, _("not copied: %s: %s\n"), src, text);
        break;
    case JOURNAL_MERGE_TRAINEE_DIFFERS:
        log->names++;
        detail_text(detail, text, sizeof text);
        fprintf(stderr, _("trainee name differs, the platform's is kept: %s\n"), text);
        break;
    default:
        break;
    }
}

static int run_import(const CliArgs *a)
{
    const char *src = a->pos[0];
    const char *into = cli_value(a, "into");
    if (!into) {
        into = getenv("FIBRESIM_DATA");
    }
    if (!into || !into[0]) {
        fprintf(stderr, "%s\n", _("fibresim import: say where to import with --into DIR (or set FIBRESIM_DATA)"));
        return 2;
    }
    ImportLog log = {0};
    JournalMergeStats st;
    char err[512];
    JournalStatus s = journal_merge(src, into, &st, on_event, &log, err, sizeof err);
    printf(_("Import of %s into %s:\n"), src, into);
    printf(_("  attempt files read:              %zu\n"), st.attempts_seen);
    printf(_("  new attempts copied:             %zu\n"), st.attempts_copied);
    printf(_("  already there (skipped):         %zu\n"), st.attempts_duplicate);
    printf(_("  conflicts kept side by side:     %zu\n"), st.attempts_conflict);
    printf(_("  unreadable files (not copied):   %zu\n"),
           st.attempts_invalid + st.scenarios_invalid + st.trainees_invalid + st.files_invalid);
    printf(_("  scenario files copied:           %zu\n"), st.scenarios_copied);
    printf(_("  files the scenarios use, copied: %zu\n"), st.files_copied);
    printf(_("  trainees added:                  %zu\n"), st.trainees_copied);
    if (s != JOURNAL_OK) {
        fprintf(stderr, _("fibresim import: stopped: %s (%s). Nothing was overwritten; run the import again once "
                          "this is fixed.\n"),
                _(journal_status_name(s)), err);
        return 2;
    }
    return (st.attempts_conflict || st.attempts_invalid || st.scenarios_invalid || st.trainees_invalid
            || st.files_invalid)
               ? 1
               : 0;
}

static const CliOption import_options[] = {
    {"into", CLI_VALUE, "DIR", N_("The platform's data folder (default: $FIBRESIM_DATA)")},
    {NULL, CLI_FLAG, NULL, NULL},
};

const CliCommand cmd_import = {
    .name = "import",
    .args = "SRC_DIR",
    .summary = N_("Merge a laptop's results folder into the platform's, without duplicates nor overwriting"),
    .options = import_options,
    .min_pos = 1,
    .max_pos = 1,
    .run = run_import,
};
