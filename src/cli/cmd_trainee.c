/*
 * cmd_trainee.c - "fibresim trainee list|rename|remove": the trainees of a
 * data folder, renaming one (display name only) and removing one, which
 * archives the trainee file and every record to DATA/archive/<date>/ (see
 * include/fibresim/trainee_admin.h). Removal asks for confirmation: without
 * --yes it only says what it would move.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "fibresim/journal.h"
#include "fibresim/trainee_admin.h"
#include "i18n.h"

static int run_list(const CliArgs *a)
{
    Journal j = {.dir = (char *)a->pos[0]};
    size_t n = 0, skipped = 0;
    TraineeInfo *list = journal_trainee_list(&j, &n, &skipped);
    for (size_t i = 0; i < n; i++) {
        printf("%-32s %s\n", list[i].id, list[i].name);
    }
    if (skipped) {
        fprintf(stderr, _("fibresim trainee list: %zu files in %s/trainees are not trainee files\n"), skipped,
                a->pos[0]);
    }
    free(list);
    return 0;
}

static int run_rename(const CliArgs *a)
{
    char err[512] = "";
    JournalStatus s = trainee_rename(a->pos[0], a->pos[1], a->pos[2], err, sizeof err);
    if (s != JOURNAL_OK) {
        fprintf(stderr, _("fibresim trainee rename: %s (%s)\n"), _(journal_status_name(s)), err);
        return 2;
    }
    printf(_("%s is now called \"%s\" (the id stays, so every record still belongs to them).\n"), a->pos[1],
           a->pos[2]);
    return 0;
}

static int run_remove(const CliArgs *a)
{
    char date[16];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
    const char *dir = a->pos[0], *id = a->pos[1];
    char err[512] = "";
    TraineeArchiveStats st;
    bool yes = cli_flag(a, "yes");
    JournalStatus s = yes ? trainee_archive(dir, id, date, &st, err, sizeof err)
                          : trainee_archive_preview(dir, id, date, &st, err, sizeof err);
    if (s != JOURNAL_OK && !(yes && st.attempts_moved)) {
        fprintf(stderr, _("fibresim trainee remove: %s (%s)\n"), _(journal_status_name(s)), err);
        return 2;
    }
    if (!yes) {
        printf(_("Would move %zu attempts%s of %s to %s/ (nothing is deleted).\n"), st.attempts_moved,
               st.trainee_file_moved ? _(" and the trainee file") : "", id, st.archive_dir);
        printf("%s\n", _("Run again with --yes to do it."));
        return 1;
    }
    printf(_("Moved %zu attempts%s of %s to %s/.\n"), st.attempts_moved,
           st.trainee_file_moved ? _(" and the trainee file") : "", id, st.archive_dir);
    if (s != JOURNAL_OK) {
        fprintf(stderr, _("fibresim trainee remove: %zu attempts could not be moved (%s); run it again.\n"),
                st.attempts_left, err);
        return 2;
    }
    printf("%s\n", _("To erase them for good, delete that folder (and the trainee's records on every laptop not "
                     "imported yet)."));
    return 0;
}

static const CliOption no_options[] = {
    {NULL, CLI_FLAG, NULL, NULL},
};

static const CliOption remove_options[] = {
    {"yes", CLI_FLAG, NULL, N_("Do it (without it, only say what would be moved)")},
    {NULL, CLI_FLAG, NULL, NULL},
};

const CliCommand cmd_trainee_list = {
    .name = "trainee list",
    .args = "DIR",
    .summary = N_("List the trainees of a data folder (id and name)"),
    .options = no_options,
    .min_pos = 1,
    .max_pos = 1,
    .run = run_list,
};

const CliCommand cmd_trainee_rename = {
    .name = "trainee rename",
    .args = "DIR ID NAME",
    .summary = N_("Change a trainee's display name (the id stays)"),
    .options = no_options,
    .min_pos = 3,
    .max_pos = 3,
    .run = run_rename,
};

const CliCommand cmd_trainee_remove = {
    .name = "trainee remove",
    .args = "DIR ID",
    .summary = N_("Archive a trainee and their attempts to DIR/archive/<date>/ (never deletes)"),
    .options = remove_options,
    .min_pos = 2,
    .max_pos = 2,
    .run = run_remove,
};
