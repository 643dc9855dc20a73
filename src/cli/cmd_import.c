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

typedef struct CountRow {
    const char *label; /* N_() msgid */
    size_t count;
} CountRow;

/* Characters of UTF-8 text as a terminal shows them (one column each;
 * the labels hold no wide characters). */
static size_t columns_of(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        n += (*p & 0xC0) != 0x80;
    }
    return n;
}

/* "  label : N" lines with the numbers in one column, whatever the
 * language's label lengths; the separator is the translated ":" (French
 * puts a space before it). */
static void print_counts(const CountRow *rows, size_t n)
{
    const char *colon = _(": ");
    size_t width = 0;
    for (size_t i = 0; i < n; i++) {
        size_t w = columns_of(_(rows[i].label));
        width = w > width ? w : width;
    }
    for (size_t i = 0; i < n; i++) {
        const char *label = _(rows[i].label);
        printf("  %s%s%*s%zu\n", label, colon, (int)(width - columns_of(label)), "", rows[i].count);
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
    const CountRow rows[] = {
        {N_("attempt files read"), st.attempts_seen},
        {N_("new attempts copied"), st.attempts_copied},
        {N_("already there (skipped)"), st.attempts_duplicate},
        {N_("conflicts kept side by side"), st.attempts_conflict},
        {N_("files not copied (listed above)"),
         st.attempts_invalid + st.scenarios_invalid + st.trainees_invalid + st.files_invalid},
        {N_("scenario files copied"), st.scenarios_copied},
        {N_("files the scenarios use, copied"), st.files_copied},
        {N_("trainees added"), st.trainees_copied},
    };
    print_counts(rows, sizeof rows / sizeof rows[0]);
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
