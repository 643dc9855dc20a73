/*
 * trainee_admin.h - what an instructor does to a trainee's data: rename
 * (the display name only: the id, in every record, stays) and remove, which
 * archives and never deletes: the trainee file and every record of that
 * trainee move to DATA/archive/<date>/ with the same layout
 * (archive/<date>/trainees/<id>.json, archive/<date>/attempts/YYYY-MM/...).
 * Reports and merges do not read archive/; erasing a trainee for good is
 * deleting that folder, a person's decision (README, "Privacy").
 *
 * Nothing is overwritten: a file already at the archive path with other
 * bytes makes the move of that file fail (reported), never replaced. The
 * records move first and the trainee file last, so a crash half-way leaves
 * the trainee listed with the records not moved yet; running the removal
 * again finishes it. The date is given by the caller (the core reads no
 * clock).
 */
#ifndef FIBRESIM_TRAINEE_ADMIN_H
#define FIBRESIM_TRAINEE_ADMIN_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/journal.h"

/* Sets the display name of a trainee (creates the trainee file if only
 * records knew the trainee). The name: 1 to 127 bytes of UTF-8 without
 * control characters, not only spaces. JOURNAL_ERR_INVALID otherwise. */
JournalStatus trainee_rename(const char *data_dir, const char *id, const char *name, char *err, size_t err_n);

typedef struct TraineeArchiveStats {
    size_t attempts_moved;      /* record files moved (conflict copies included) */
    size_t attempts_left;       /* records of the trainee that could not be moved */
    size_t unreadable;          /* record files whose trainee cannot be read (left in place) */
    bool trainee_file_moved;
    char archive_dir[512];      /* DATA/archive/<date> */
} TraineeArchiveStats;

/* Lists what trainee_archive would move, without moving anything (for the
 * confirmation). Same statistics, with the counts of what would move. */
JournalStatus trainee_archive_preview(const char *data_dir, const char *id, const char *date_ymd,
                                      TraineeArchiveStats *st /* OUT */, char *err, size_t err_n);

/* Archives a trainee (see above). date_ymd is "YYYY-MM-DD". JOURNAL_ERR_INVALID
 * for a bad id or date, or a trainee with neither a file nor a record. */
JournalStatus trainee_archive(const char *data_dir, const char *id, const char *date_ymd,
                              TraineeArchiveStats *st /* OUT */, char *err, size_t err_n);

#endif
