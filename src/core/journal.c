/*
 * journal.c - attempt records on disk: atomic durable writes, the folder
 * layout, the queue of records waiting for a writable disk, and the merge of
 * folders from several laptops (see journal.h).
 */
/* syncfs(): one flush of the whole file system for a merge's batch of copies. */
#define _GNU_SOURCE
#include "fibresim/journal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fibresim/core.h"
#include "fibresim/fileio.h"
#include "fibresim/messages.h" /* N_() */
#include "fibresim/scenario.h" /* fs_sha256_hex */

/* ---- small helpers ------------------------------------------------------------ */

static char *path_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = malloc(la + lb + 2);
    if (!p) {
        return NULL;
    }
    memcpy(p, a, la);
    size_t at = la;
    if (la == 0 || a[la - 1] != '/') {
        p[at++] = '/';
    }
    memcpy(p + at, b, lb + 1);
    return p;
}

static JournalStatus status_of_errno(int e)
{
    switch (e) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return JOURNAL_ERR_NOSPACE;
    case EROFS:
    case EACCES:
    case EPERM:
        return JOURNAL_ERR_READONLY;
    case ENOMEM:
        return JOURNAL_ERR_NOMEM;
    default:
        return JOURNAL_ERR_IO;
    }
}

static JournalStatus fail_errno(int e, const char *what, const char *path, char *err, size_t n)
{
    if (err && n) {
        snprintf(err, n, "%s %s: %s", what, path, strerror(e));
    }
    return status_of_errno(e);
}

static JournalStatus fail_msg(JournalStatus s, char *err, size_t n, const char *msg, const char *path)
{
    if (err && n) {
        snprintf(err, n, "%s%s%s", msg, path ? ": " : "", path ? path : "");
    }
    return s;
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The fault hook, wrapped so each call site reads like the system call. */
typedef struct Io {
    JournalFaultFn fault;
    void *user;
} Io;

static bool io_refused(const Io *io, JournalOp op, const char *path)
{
    if (io && io->fault) {
        int e = io->fault(io->user, op, path);
        if (e) {
            errno = e;
            return true;
        }
    }
    return false;
}

static Io journal_io(const Journal *j)
{
    Io io = {j ? j->fault : NULL, j ? j->fault_user : NULL};
    return io;
}

/* fsync of a folder, so that a new name in it survives a power cut. Some file
 * systems cannot sync a folder (EINVAL): nothing more can be done there. */
static int fsync_dir(const Io *io, const char *dir)
{
    if (io_refused(io, JOURNAL_OP_FSYNC_DIR, dir)) {
        return -1;
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    if (rc != 0 && (e == EINVAL || e == ENOTSUP)) {
        return 0;
    }
    errno = e;
    return rc;
}

static char *parent_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (slash == path) {
        n = 1; /* "/x" -> "/" */
    }
    char *p = malloc(n + 2);
    if (!p) {
        return NULL;
    }
    if (n == 0) {
        memcpy(p, ".", 2);
    } else {
        memcpy(p, path, n);
        p[n] = '\0';
    }
    return p;
}

/* Creates one folder; a new folder's name is made durable in its parent. */
static JournalStatus make_dir(const Io *io, const char *path, char *err, size_t n)
{
    if (is_dir(path)) {
        return JOURNAL_OK;
    }
    if (io_refused(io, JOURNAL_OP_MKDIR, path) || (mkdir(path, 0755) != 0 && errno != EEXIST)) {
        return fail_errno(errno, "cannot create folder", path, err, n);
    }
    if (!is_dir(path)) {
        return fail_errno(ENOTDIR, "cannot create folder", path, err, n);
    }
    char *parent = parent_of(path);
    if (!parent) {
        return JOURNAL_ERR_NOMEM;
    }
    JournalStatus s = JOURNAL_OK;
    if (fsync_dir(io, parent) != 0) {
        s = fail_errno(errno, "cannot sync folder", parent, err, n);
    }
    free(parent);
    return s;
}

/* mkdir -p */
static JournalStatus make_dirs(const Io *io, const char *path, char *err, size_t n)
{
    if (is_dir(path)) {
        return JOURNAL_OK;
    }
    char *p = malloc(strlen(path) + 1);
    if (!p) {
        return JOURNAL_ERR_NOMEM;
    }
    memcpy(p, path, strlen(path) + 1);
    JournalStatus s = JOURNAL_OK;
    for (char *c = p + 1; *c && s == JOURNAL_OK; c++) {
        if (*c == '/') {
            *c = '\0';
            s = make_dir(io, p, err, n);
            *c = '/';
        }
    }
    if (s == JOURNAL_OK) {
        s = make_dir(io, p, err, n);
    }
    free(p);
    return s;
}

/* ---- the atomic write ------------------------------------------------------------ */

typedef enum Place { PLACE_REPLACE, PLACE_NO_REPLACE } Place;

static bool link_unsupported(int e)
{
    return e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == ENOSYS || e == EMLINK || e == EXDEV;
}

/* Moves the finished temp file to its final name. PLACE_NO_REPLACE returns
 * JOURNAL_ERR_EXISTS (without an error text) when the name is taken. */
static JournalStatus place_file(const Io *io, const char *tmp, const char *path, Place place, char *err, size_t n)
{
    if (io_refused(io, JOURNAL_OP_PLACE, path)) {
        return fail_errno(errno, "cannot create", path, err, n);
    }
    if (place == PLACE_REPLACE) {
        if (rename(tmp, path) != 0) {
            return fail_errno(errno, "cannot rename to", path, err, n);
        }
        return JOURNAL_OK;
    }
    /* link() fails if the name exists: no window in which another writer's
     * file could be replaced. The temp name is removed afterwards; a crash in
     * between leaves a second name for a complete file, skipped by readers. */
    if (link(tmp, path) == 0) {
        unlink(tmp);
        return JOURNAL_OK;
    }
    int e = errno;
    if (e == EEXIST) {
        return JOURNAL_ERR_EXISTS;
    }
    if (!link_unsupported(e)) {
        return fail_errno(e, "cannot create", path, err, n);
    }
    if (file_exists(path)) {
        return JOURNAL_ERR_EXISTS;
    }
    if (rename(tmp, path) != 0) {
        return fail_errno(errno, "cannot rename to", path, err, n);
    }
    return JOURNAL_OK;
}

static JournalStatus write_all(const Io *io, int fd, const char *tmp, const void *data, size_t len, char *err,
                               size_t n)
{
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        if (io_refused(io, JOURNAL_OP_WRITE, tmp)) {
            return fail_errno(errno, "cannot write", tmp, err, n);
        }
        /* Large writes in pieces: some systems cap a single write below 2 GiB. */
        size_t chunk = left > (1u << 30) ? (1u << 30) : left;
        ssize_t w = write(fd, p, chunk);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return fail_errno(errno, "cannot write", tmp, err, n);
        }
        p += w;
        left -= (size_t)w;
    }
    return JOURNAL_OK;
}

/* Whether write_temp makes the temp file's bytes durable itself. */
typedef enum TempSync {
    TEMP_FSYNC,   /* one fsync of this file */
    TEMP_NO_FSYNC /* the caller syncs a batch at once (flush_staged) */
} TempSync;

/* Bytes given to a temp file; a producer's pieces go through it. */
struct JournalSink {
    const Io *io;
    int fd;
    const char *tmp;
    JournalStatus status; /* the first failure; later pieces are dropped */
    char *err;
    size_t err_n;
};

bool journal_sink_write(JournalSink *k, const void *data, size_t len)
{
    if (k->status == JOURNAL_OK) {
        k->status = write_all(k->io, k->fd, k->tmp, data, len, k->err, k->err_n);
    }
    return k->status == JOURNAL_OK;
}

/* The bytes of a write_temp: one buffer, or a producer's pieces. */
typedef struct TempBytes {
    const void *data;
    size_t len;
    JournalProduceFn produce; /* when set, data and len are unused */
    void *user;
} TempBytes;

/* Writes the bytes to a new temp file next to path and closes it: the steps
 * before a file is placed under its final name (place_file). Temp names
 * (".tmp-...") are skipped by every reader, so a crash here leaves no
 * record. *tmp_out: the temp file's owned name; NULL on failure, when no
 * temp file is left. */
static JournalStatus write_temp_bytes(const Io *io, const char *path, const TempBytes *bytes, TempSync sync,
                                      char **tmp_out, char *err, size_t n)
{
    *tmp_out = NULL;
    char *dir = parent_of(path);
    if (!dir) {
        return JOURNAL_ERR_NOMEM;
    }
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t tmp_n = strlen(dir) + strlen(base) + 48;
    char *tmp = malloc(tmp_n);
    if (!tmp) {
        free(dir);
        return JOURNAL_ERR_NOMEM;
    }
    /* Unique without a clock or a shared counter: the process id, then the
     * first free number (O_EXCL makes the choice race-free). */
    int fd = -1;
    for (unsigned k = 0; fd < 0 && k < 1000; k++) {
        snprintf(tmp, tmp_n, "%s/.tmp-%s.%ld.%u", dir, base, (long)getpid(), k);
        if (io_refused(io, JOURNAL_OP_OPEN, tmp)) {
            break;
        }
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) {
            break;
        }
    }
    int open_errno = errno;
    free(dir);
    if (fd < 0) {
        JournalStatus s = fail_errno(open_errno, "cannot create", tmp, err, n);
        free(tmp);
        return s;
    }
    JournalSink sink = {io, fd, tmp, JOURNAL_OK, err, n};
    if (bytes->produce) {
        if (!bytes->produce(bytes->user, &sink) && sink.status == JOURNAL_OK) {
            sink.status = fail_msg(JOURNAL_ERR_INVALID, err, n, "abandoned by its producer", path);
        }
    } else {
        journal_sink_write(&sink, bytes->data, bytes->len);
    }
    JournalStatus s = sink.status;
    /* The bytes reach the disk before the file gets its final name: after a
     * power cut, a name never points at a file whose data was still only in
     * the page cache (an empty or partial record). */
    if (s == JOURNAL_OK && sync == TEMP_FSYNC && (io_refused(io, JOURNAL_OP_FSYNC, tmp) || fsync(fd) != 0)) {
        s = fail_errno(errno, "cannot sync", tmp, err, n);
    }
    /* close() can report a deferred write error (NFS, some FUSE file systems). */
    if (close(fd) != 0 && s == JOURNAL_OK) {
        s = fail_errno(errno, "cannot close", tmp, err, n);
    }
    if (s != JOURNAL_OK) {
        unlink(tmp);
        free(tmp);
        return s;
    }
    *tmp_out = tmp;
    return JOURNAL_OK;
}

static JournalStatus write_temp(const Io *io, const char *path, const void *data, size_t len, TempSync sync,
                                char **tmp_out, char *err, size_t n)
{
    TempBytes bytes = {data, len, NULL, NULL};
    return write_temp_bytes(io, path, &bytes, sync, tmp_out, err, n);
}

/* One durable file: written and synced under a temp name, placed under its
 * final name, then its folder synced. */
static JournalStatus write_atomic_bytes(const Io *io, const char *path, const TempBytes *bytes, Place place,
                                        char *err, size_t n)
{
    char *dir = parent_of(path);
    if (!dir) {
        return JOURNAL_ERR_NOMEM;
    }
    char *tmp = NULL;
    JournalStatus s = write_temp_bytes(io, path, bytes, TEMP_FSYNC, &tmp, err, n);
    if (s == JOURNAL_OK) {
        s = place_file(io, tmp, path, place, err, n);
        if (s != JOURNAL_OK) {
            unlink(tmp);
        }
    }
    if (s == JOURNAL_OK && fsync_dir(io, dir) != 0) {
        /* The file is complete under its final name but its name may not yet
         * survive a power cut: report it so the caller retries (an identical
         * record is then found and accepted). */
        s = fail_errno(errno, "cannot sync folder", dir, err, n);
    }
    free(tmp);
    free(dir);
    return s;
}

static JournalStatus write_atomic(const Io *io, const char *path, const void *data, size_t len, Place place,
                                  char *err, size_t n)
{
    TempBytes bytes = {data, len, NULL, NULL};
    return write_atomic_bytes(io, path, &bytes, place, err, n);
}

JournalStatus journal_write_file_atomic(const char *path, const void *data, size_t len, char *err, size_t err_n)
{
    return write_atomic(NULL, path, data, len, PLACE_REPLACE, err, err_n);
}

JournalStatus journal_write_file_atomic_from(const char *path, JournalProduceFn produce, void *user, char *err,
                                             size_t err_n)
{
    TempBytes bytes = {NULL, 0, produce, user};
    return write_atomic_bytes(NULL, path, &bytes, PLACE_REPLACE, err, err_n);
}

/* ---- opening ----------------------------------------------------------------------- */

static const char *const layout[] = {"attempts", "scenarios", "trainees", "cache", NULL};

static JournalStatus ensure_sub(const Journal *j, const char *sub, char *err, size_t n)
{
    Io io = journal_io(j);
    JournalStatus s = make_dirs(&io, j->dir, err, n);
    if (s != JOURNAL_OK) {
        return s;
    }
    char *p = path_join(j->dir, sub);
    if (!p) {
        return JOURNAL_ERR_NOMEM;
    }
    s = make_dir(&io, p, err, n);
    free(p);
    return s;
}

JournalStatus journal_open(Journal *j, const char *dir, char *err, size_t err_n)
{
    memset(j, 0, sizeof *j);
    if (err && err_n) {
        err[0] = '\0';
    }
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/') {
        len--;
    }
    j->dir = malloc(len + 1);
    if (!j->dir) {
        return JOURNAL_ERR_NOMEM;
    }
    memcpy(j->dir, dir, len);
    j->dir[len] = '\0';
    for (size_t i = 0; layout[i]; i++) {
        JournalStatus s = ensure_sub(j, layout[i], err, err_n);
        if (s == JOURNAL_ERR_NOMEM) {
            journal_close(j);
            return s;
        }
        if (s != JOURNAL_OK) {
            return s;
        }
    }
    return JOURNAL_OK;
}

void journal_close(Journal *j)
{
    if (!j) {
        return;
    }
    free(j->dir);
    memset(j, 0, sizeof *j);
}

const char *journal_status_name(JournalStatus s)
{
    /* msgids (N_): the front end shows them translated to the trainee. */
    switch (s) {
    case JOURNAL_OK:
        return "ok";
    case JOURNAL_ERR_NOSPACE:
        return N_("disk full");
    case JOURNAL_ERR_READONLY:
        return N_("read-only folder");
    case JOURNAL_ERR_IO:
        return N_("input/output error");
    case JOURNAL_ERR_EXISTS:
        return N_("a different record has this id");
    case JOURNAL_ERR_NOMEM:
        return N_("out of memory");
    case JOURNAL_ERR_INVALID:
        return N_("invalid record");
    }
    return "?";
}

/* ---- paths ----------------------------------------------------------------------- */

/* "attempts/YYYY-MM" for an id "YYYYMMDDT...". */
static void month_folder(const char *attempt_id, char out[24])
{
    snprintf(out, 24, "attempts/%.4s-%.2s", attempt_id, attempt_id + 4);
}

char *journal_record_path(const Journal *j, const char *attempt_id)
{
    if (!record_id_valid(attempt_id)) {
        return NULL;
    }
    char month[24], rel[128];
    month_folder(attempt_id, month);
    snprintf(rel, sizeof rel, "%s/%s.json", month, attempt_id);
    return path_join(j->dir, rel);
}

char *journal_scenario_path(const Journal *j, const char *hash_hex)
{
    if (!record_hash_valid(hash_hex)) {
        return NULL;
    }
    char rel[96];
    snprintf(rel, sizeof rel, "scenarios/%s.json", hash_hex);
    char *p = path_join(j->dir, rel);
    struct stat st;
    if (p && (stat(p, &st) != 0 || !S_ISREG(st.st_mode))) {
        free(p);
        return NULL;
    }
    return p;
}

char *journal_file_path(const Journal *j, const char *sha256_hex)
{
    if (!record_hash_valid(sha256_hex)) {
        return NULL;
    }
    char rel[96];
    snprintf(rel, sizeof rel, "files/%s", sha256_hex);
    char *p = path_join(j->dir, rel);
    struct stat st;
    if (p && (stat(p, &st) != 0 || !S_ISREG(st.st_mode))) {
        free(p);
        return NULL;
    }
    return p;
}

static char *trainee_path(const char *dir, const char *id)
{
    if (!record_slug_valid(id)) {
        return NULL;
    }
    char rel[96];
    snprintf(rel, sizeof rel, "trainees/%s.json", id);
    return path_join(dir, rel);
}

/* ---- writing a record ------------------------------------------------------------ */

/* Same bytes, or (written by another version of the program) same content. */
static bool same_record_file(const char *path, const char *text, size_t len)
{
    size_t have_len = 0;
    int e = 0;
    char *have = fs_read_file(path, RECORD_MAX_BYTES, &have_len, &e);
    if (!have) {
        return false;
    }
    bool same = have_len == len && memcmp(have, text, len) == 0;
    if (!same) {
        AttemptRecord a, b;
        if (record_parse(have, have_len, &a, NULL)) {
            if (record_parse(text, len, &b, NULL)) {
                same = record_equal(&a, &b);
            }
            record_finish(&b);
        }
        record_finish(&a);
    }
    free(have);
    return same;
}

/* Stores bytes under sub/<name> (name made of their hash) unless an intact
 * copy is there. A damaged copy (wrong hash) is replaced: the name says what
 * it must hold. */
static JournalStatus store_content(const Journal *j, const char *sub, const char *name, const char *hash,
                                   const char *data, size_t len, char *err, size_t n)
{
    JournalStatus s = ensure_sub(j, sub, err, n);
    if (s != JOURNAL_OK) {
        return s;
    }
    char rel[128];
    snprintf(rel, sizeof rel, "%s/%s", sub, name);
    char *path = path_join(j->dir, rel);
    if (!path) {
        return JOURNAL_ERR_NOMEM;
    }
    size_t have_len = 0;
    int e = 0;
    char *have = fs_read_file(path, JOURNAL_FILE_MAX_BYTES, &have_len, &e);
    bool intact = false;
    if (have) {
        char h[65];
        fs_sha256_hex(have, have_len, h);
        intact = strcmp(h, hash) == 0;
        free(have);
    }
    Io io = journal_io(j);
    if (!intact) {
        s = write_atomic(&io, path, data, len, PLACE_REPLACE, err, n);
    }
    free(path);
    return s;
}

static JournalStatus store_scenario(const Journal *j, const char *hash, const char *text, size_t len, char *err,
                                    size_t n)
{
    char name[80];
    snprintf(name, sizeof name, "%s.json", hash);
    return store_content(j, "scenarios", name, hash, text, len, err, n);
}

/* The files a scenario's setup read, each as files/<sha256>. */
static JournalStatus store_files(const Journal *j, const ScenarioFileList *files, char *err, size_t n)
{
    JournalStatus s = JOURNAL_OK;
    for (size_t i = 0; files && i < files->count && s == JOURNAL_OK; i++) {
        const ScenarioFile *f = &files->items[i];
        s = store_content(j, "files", f->sha256_hex, f->sha256_hex, f->data, f->len, err, n);
    }
    return s;
}

/* Writes the trainee file if there is none (a later change of display name
 * goes through journal_trainee_write). */
static JournalStatus store_trainee_if_absent(const Journal *j, const char *id, const char *name, char *err,
                                             size_t n)
{
    JournalStatus s = ensure_sub(j, "trainees", err, n);
    if (s != JOURNAL_OK) {
        return s;
    }
    char *path = trainee_path(j->dir, id);
    if (!path) {
        return JOURNAL_ERR_NOMEM;
    }
    if (file_exists(path)) {
        free(path);
        return JOURNAL_OK;
    }
    TraineeInfo t;
    memset(&t, 0, sizeof t);
    fs_strlcpy(t.id, id, sizeof t.id);
    fs_strlcpy(t.name, name, sizeof t.name);
    size_t len = 0;
    char *text = trainee_serialize(&t, &len);
    if (!text) {
        free(path);
        return JOURNAL_ERR_NOMEM;
    }
    Io io = journal_io(j);
    s = write_atomic(&io, path, text, len, PLACE_NO_REPLACE, err, n);
    if (s == JOURNAL_ERR_EXISTS) {
        s = JOURNAL_OK; /* written meanwhile by another process: fine */
    }
    free(text);
    free(path);
    return s;
}

static JournalStatus check_record(const AttemptRecord *r, const char *scenario_text, size_t scenario_len,
                                  char *err, size_t n)
{
    if (!record_id_valid(r->attempt_id)) {
        return fail_msg(JOURNAL_ERR_INVALID, err, n, "attempt id is not of the form YYYYMMDDTHHMMSSZ-<16 hex>",
                        r->attempt_id);
    }
    if (!record_slug_valid(r->trainee_id)) {
        return fail_msg(JOURNAL_ERR_INVALID, err, n, "trainee id is not a slug", r->trainee_id);
    }
    if (!record_hash_valid(r->scenario_hash)) {
        return fail_msg(JOURNAL_ERR_INVALID, err, n, "scenario hash is not 64 lowercase hex digits",
                        r->scenario_hash);
    }
    if (r->status == ATTEMPT_RUNNING) {
        return fail_msg(JOURNAL_ERR_INVALID, err, n, "a running attempt is never stored", r->attempt_id);
    }
    if (scenario_text) {
        char h[65];
        fs_sha256_hex(scenario_text, scenario_len, h);
        if (strcmp(h, r->scenario_hash) != 0) {
            return fail_msg(JOURNAL_ERR_INVALID, err, n, "the scenario bytes do not match the record's hash",
                            r->scenario_hash);
        }
    }
    return JOURNAL_OK;
}

/* Every file's bytes match the hash it is stored under (they were checked
 * when the scenario loaded; this catches a caller's mix-up). */
static JournalStatus check_files(const ScenarioFileList *files, char *err, size_t n)
{
    for (size_t i = 0; files && i < files->count; i++) {
        const ScenarioFile *f = &files->items[i];
        char h[65];
        fs_sha256_hex(f->data, f->len, h);
        if (!record_hash_valid(f->sha256_hex) || strcmp(h, f->sha256_hex) != 0) {
            return fail_msg(JOURNAL_ERR_INVALID, err, n, "the bytes of a file the scenario names do not match its hash",
                            f->rel_path ? f->rel_path : "?");
        }
        if (f->len > JOURNAL_FILE_MAX_BYTES) {
            return fail_msg(JOURNAL_ERR_INVALID, err, n, "a file the scenario names is too big to store",
                            f->rel_path ? f->rel_path : "?");
        }
    }
    return JOURNAL_OK;
}

/* The record's text, checked with the reader itself: never store what could
 * not be read back (a malformed time or name from the caller). NULL and a
 * status in *s otherwise. */
static char *readable_text(const AttemptRecord *r, size_t *len, JournalStatus *s, char *err, size_t err_n)
{
    char *text = record_serialize(r, len);
    if (!text) {
        *s = fail_msg(JOURNAL_ERR_NOMEM, err, err_n, "out of memory writing", r->attempt_id);
        return NULL;
    }
    AttemptRecord back;
    DiagList d;
    diag_list_init(&d);
    if (!record_parse(text, *len, &back, &d)) {
        char why[512] = "";
        if (d.count) {
            diag_format(&d.items[0], "record", why, sizeof why);
        }
        if (err && err_n) {
            snprintf(err, err_n, "attempt %s would not read back: %s", r->attempt_id, why);
        }
        *s = d.count == 1 && d.items[0].code == DIAG_IO ? JOURNAL_ERR_NOMEM : JOURNAL_ERR_INVALID;
        free(text);
        text = NULL;
    }
    record_finish(&back);
    diag_list_finish(&d);
    return text;
}

JournalStatus journal_write(Journal *j, const AttemptRecord *r, const char *scenario_text, size_t scenario_len,
                            char *err, size_t err_n)
{
    return journal_write_with_files(j, r, scenario_text, scenario_len, NULL, err, err_n);
}

JournalStatus journal_write_with_files(Journal *j, const AttemptRecord *r, const char *scenario_text,
                                       size_t scenario_len, const ScenarioFileList *files, char *err, size_t err_n)
{
    if (err && err_n) {
        err[0] = '\0';
    }
    JournalStatus s = check_record(r, scenario_text, scenario_len, err, err_n);
    if (s == JOURNAL_OK) {
        s = check_files(files, err, err_n);
    }
    if (s != JOURNAL_OK) {
        return s;
    }
    /* Everything is checked before anything is written. */
    size_t len = 0;
    char *text = readable_text(r, &len, &s, err, err_n);
    if (!text) {
        return s;
    }
    char *path = journal_record_path(j, r->attempt_id);
    if (!path) {
        free(text);
        return JOURNAL_ERR_NOMEM;
    }
    /* Order matters for a crash in between: the files the scenario names,
     * then the scenario, then the record, so that nothing ever points at
     * bytes that are not there. */
    s = store_files(j, files, err, err_n);
    if (s == JOURNAL_OK && scenario_text) {
        s = store_scenario(j, r->scenario_hash, scenario_text, scenario_len, err, err_n);
    }
    if (s == JOURNAL_OK) {
        s = store_trainee_if_absent(j, r->trainee_id, r->trainee_name, err, err_n);
    }
    char month[24];
    month_folder(r->attempt_id, month);
    if (s == JOURNAL_OK) {
        s = ensure_sub(j, "attempts", err, err_n);
    }
    if (s == JOURNAL_OK) {
        s = ensure_sub(j, month, err, err_n);
    }
    Io io = journal_io(j);
    if (s == JOURNAL_OK) {
        s = write_atomic(&io, path, text, len, PLACE_NO_REPLACE, err, err_n);
    }
    if (s == JOURNAL_ERR_EXISTS) {
        if (same_record_file(path, text, len)) {
            /* A retry after a failure that came late (folder sync), or after a
             * crash: the record is already there. Make its name durable too,
             * since the earlier try may have failed at exactly that step. */
            char *folder = parent_of(path);
            if (!folder) {
                s = JOURNAL_ERR_NOMEM;
            } else {
                s = fsync_dir(&io, folder) == 0 ? JOURNAL_OK
                                                : fail_errno(errno, "cannot sync folder", folder, err, err_n);
                free(folder);
            }
        } else {
            fail_msg(JOURNAL_ERR_EXISTS, err, err_n,
                     "a different record with this attempt id is already stored; nothing overwritten", path);
        }
    }
    free(text);
    free(path);
    return s;
}

/* ---- listing ------------------------------------------------------------------------ */

typedef struct Names {
    char **items;
    size_t count, cap;
} Names;

static void names_free(Names *n)
{
    for (size_t i = 0; i < n->count; i++) {
        free(n->items[i]);
    }
    free(n->items);
    memset(n, 0, sizeof *n);
}

static bool names_add(Names *n, char *owned)
{
    if (!owned) {
        return false;
    }
    if (n->count == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 64;
        char **m = realloc(n->items, cap * sizeof *m);
        if (!m) {
            free(owned);
            return false;
        }
        n->items = m;
        n->cap = cap;
    }
    n->items[n->count++] = owned;
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* Appends dir/<name> for each entry of dir: regular files ending in ".json"
 * (want_dirs false) or folders (want_dirs true); names starting with '.'
 * (temp files, hidden files) are skipped. */
/* Regular files (or folders) of dir, hidden names skipped; suffix: only names
 * ending so (NULL = any; ignored for folders). */
static void list_dir_matching(const char *dir, bool want_dirs, const char *suffix, Names *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') {
            continue;
        }
        if (!want_dirs && suffix && !has_suffix(e->d_name, suffix)) {
            continue;
        }
        char *p = path_join(dir, e->d_name);
        if (!p) {
            continue;
        }
        struct stat st;
        bool keep = stat(p, &st) == 0 && (want_dirs ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
        if (!keep) {
            free(p);
            continue;
        }
        names_add(out, p);
    }
    closedir(d);
}

static void list_dir(const char *dir, bool want_dirs, Names *out)
{
    list_dir_matching(dir, want_dirs, ".json", out);
}

/* Every record file under dir/attempts: month folders and (hand-copied) files
 * directly in attempts/. Sorted by path, i.e. by month then attempt id. */
static void list_records(const char *dir, Names *out)
{
    char *attempts = path_join(dir, "attempts");
    if (!attempts) {
        return;
    }
    Names months = {0};
    list_dir(attempts, true, &months);
    if (months.count) {
        qsort(months.items, months.count, sizeof *months.items, cmp_str); /* NULL items when empty */
    }
    list_dir(attempts, false, out);
    for (size_t i = 0; i < months.count; i++) {
        list_dir(months.items[i], false, out);
    }
    if (out->count) {
        qsort(out->items, out->count, sizeof *out->items, cmp_str);
    }
    names_free(&months);
    free(attempts);
}

size_t journal_each(const Journal *j, bool (*fn)(const char *path, void *user), void *user)
{
    Names files = {0};
    list_records(j->dir, &files);
    size_t n = 0;
    for (size_t i = 0; i < files.count; i++) {
        n++;
        if (!fn(files.items[i], user)) {
            break;
        }
    }
    names_free(&files);
    return n;
}

/* ---- trainees ------------------------------------------------------------------------ */

JournalStatus journal_trainee_write(Journal *j, const TraineeInfo *t, char *err, size_t err_n)
{
    if (!record_slug_valid(t->id)) {
        return fail_msg(JOURNAL_ERR_INVALID, err, err_n, "trainee id is not a slug", t->id);
    }
    JournalStatus s = ensure_sub(j, "trainees", err, err_n);
    if (s != JOURNAL_OK) {
        return s;
    }
    size_t len = 0;
    char *text = trainee_serialize(t, &len);
    char *path = trainee_path(j->dir, t->id);
    if (text && path) {
        Io io = journal_io(j);
        s = write_atomic(&io, path, text, len, PLACE_REPLACE, err, err_n);
    } else {
        s = JOURNAL_ERR_NOMEM;
    }
    free(text);
    free(path);
    return s;
}

static bool read_trainee_file(const char *path, TraineeInfo *out)
{
    size_t len = 0;
    int e = 0;
    char *text = fs_read_file(path, TRAINEE_MAX_BYTES, &len, &e);
    bool ok = text && trainee_parse(text, len, out, NULL);
    free(text);
    return ok;
}

bool journal_trainee_read(const Journal *j, const char *id, TraineeInfo *out)
{
    memset(out, 0, sizeof *out);
    char *path = trainee_path(j->dir, id);
    bool ok = path && read_trainee_file(path, out) && strcmp(out->id, id) == 0;
    free(path);
    if (!ok) {
        memset(out, 0, sizeof *out);
    }
    return ok;
}

static int cmp_trainee(const void *a, const void *b)
{
    return strcmp(((const TraineeInfo *)a)->id, ((const TraineeInfo *)b)->id);
}

/* The file name must match the id inside, or two files could claim one id. */
static bool trainee_name_matches(const char *path, const char *id)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t l = strlen(id);
    return strncmp(base, id, l) == 0 && strcmp(base + l, ".json") == 0;
}

TraineeInfo *journal_trainee_list(const Journal *j, size_t *count, size_t *skipped)
{
    *count = 0;
    if (skipped) {
        *skipped = 0;
    }
    char *dir = path_join(j->dir, "trainees");
    if (!dir) {
        return NULL;
    }
    Names files = {0};
    list_dir(dir, false, &files);
    free(dir);
    TraineeInfo *list = files.count ? calloc(files.count, sizeof *list) : NULL;
    size_t n = 0;
    for (size_t i = 0; list && i < files.count; i++) {
        if (read_trainee_file(files.items[i], &list[n]) && trainee_name_matches(files.items[i], list[n].id)) {
            n++;
        } else if (skipped) {
            (*skipped)++;
        }
    }
    names_free(&files);
    if (n == 0) {
        free(list);
        return NULL;
    }
    qsort(list, n, sizeof *list, cmp_trainee);
    *count = n;
    return list;
}

/* ---- pending records -------------------------------------------------------------------- */

void journal_pending_init(JournalPending *p)
{
    memset(p, 0, sizeof *p);
}

static void pending_item_finish(JournalPendingItem *it)
{
    record_finish(&it->record);
    free(it->scenario_text);
    scenario_files_finish(&it->files);
    memset(it, 0, sizeof *it);
}

void journal_pending_finish(JournalPending *p)
{
    if (!p) {
        return;
    }
    for (size_t i = 0; i < p->count; i++) {
        pending_item_finish(&p->items[i]);
    }
    free(p->items);
    memset(p, 0, sizeof *p);
}

size_t journal_pending_count(const JournalPending *p)
{
    return p->count;
}

JournalStatus journal_pending_push(JournalPending *p, const AttemptRecord *r, const char *scenario_text,
                                   size_t scenario_len, JournalStatus why)
{
    return journal_pending_push_with_files(p, r, scenario_text, scenario_len, NULL, why);
}

JournalStatus journal_pending_push_with_files(JournalPending *p, const AttemptRecord *r, const char *scenario_text,
                                              size_t scenario_len, const ScenarioFileList *files, JournalStatus why)
{
    if (p->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 8;
        JournalPendingItem *m = realloc(p->items, cap * sizeof *m);
        if (!m) {
            return JOURNAL_ERR_NOMEM;
        }
        p->items = m;
        p->cap = cap;
    }
    JournalPendingItem it;
    memset(&it, 0, sizeof it);
    if (!record_copy(&it.record, r)) {
        return JOURNAL_ERR_NOMEM;
    }
    if (scenario_text) {
        it.scenario_text = malloc(scenario_len + 1);
        if (!it.scenario_text) {
            record_finish(&it.record);
            return JOURNAL_ERR_NOMEM;
        }
        memcpy(it.scenario_text, scenario_text, scenario_len);
        it.scenario_text[scenario_len] = '\0';
        it.scenario_len = scenario_len;
    }
    for (size_t i = 0; files && i < files->count; i++) {
        const ScenarioFile *f = &files->items[i];
        if (!scenario_files_add(&it.files, f->rel_path, f->sha256_hex, f->data, f->len)) {
            pending_item_finish(&it);
            return JOURNAL_ERR_NOMEM;
        }
    }
    it.last = why;
    p->items[p->count++] = it;
    return JOURNAL_OK;
}

JournalStatus journal_retry_pending(Journal *j, JournalPending *p, char *err, size_t err_n)
{
    JournalStatus first = JOURNAL_OK;
    char msg[512] = "";
    size_t keep = 0;
    for (size_t i = 0; i < p->count; i++) {
        JournalPendingItem *it = &p->items[i];
        char e[512] = "";
        JournalStatus s = journal_write_with_files(j, &it->record, it->scenario_text, it->scenario_len, &it->files, e,
                                                   sizeof e);
        if (s == JOURNAL_OK) {
            pending_item_finish(it);
            continue;
        }
        it->last = s;
        if (first == JOURNAL_OK) {
            first = s;
            fs_strlcpy(msg, e, sizeof msg);
        }
        p->items[keep++] = *it;
    }
    p->count = keep;
    if (err && err_n) {
        fs_strlcpy(err, msg, err_n);
    }
    return first;
}

JournalStatus journal_write_or_keep(Journal *j, JournalPending *p, const AttemptRecord *r,
                                    const char *scenario_text, size_t scenario_len, char *err, size_t err_n)
{
    return journal_write_or_keep_with_files(j, p, r, scenario_text, scenario_len, NULL, err, err_n);
}

JournalStatus journal_write_or_keep_with_files(Journal *j, JournalPending *p, const AttemptRecord *r,
                                               const char *scenario_text, size_t scenario_len,
                                               const ScenarioFileList *files, char *err, size_t err_n)
{
    /* Older records first, so they keep their place in the folder's story;
     * their failure does not stop this one. */
    journal_retry_pending(j, p, NULL, 0);
    JournalStatus s = journal_write_with_files(j, r, scenario_text, scenario_len, files, err, err_n);
    if (s != JOURNAL_OK && s != JOURNAL_ERR_INVALID) {
        JournalStatus q = journal_pending_push_with_files(p, r, scenario_text, scenario_len, files, s);
        if (q != JOURNAL_OK) {
            return q;
        }
    }
    return s;
}

/* ---- merging ------------------------------------------------------------------------------ */

/* A new record written to its temp file, waiting for the batch's sync. */
typedef struct Staged {
    char *tmp, *final, *src; /* owned */
    char id[64];
} Staged;

#define MERGE_BATCH 512

typedef struct Merge {
    Journal dst;
    JournalMergeStats *st;
    JournalMergeFn fn;
    void *user;
    char *err;
    size_t err_n;
    Staged staged[MERGE_BATCH];
    size_t n_staged;
    char month_ready[24];     /* month folder known to exist (saves stats per record) */
} Merge;

static void tell(const Merge *m, JournalMergeEvent what, const char *src, const char *dst, const char *attempt_id,
                 const DiagMsg *detail)
{
    if (m->fn) {
        m->fn(m->user, what, src, dst, attempt_id, detail);
    }
}

/* Tells that src is left out, with a message of no values. */
static void tell_invalid(const Merge *m, const char *src, const char *tmpl)
{
    DiagMsg d;
    diag_msg_set(&d, tmpl, NULL);
    tell(m, JOURNAL_MERGE_INVALID, src, NULL, NULL, &d);
}

/* Tells that src could not be read (errno e; EFBIG: above max_bytes). */
static void tell_unreadable(const Merge *m, const char *src, int e, size_t max_bytes)
{
    DiagArgs a = {0};
    DiagMsg d;
    if (e == EFBIG) {
        bool mib = max_bytes >= 1024 * 1024;
        diag_arg_int(&a, "size", (long long)(mib ? max_bytes >> 20 : max_bytes >> 10));
        diag_msg_set(&d, mib ? N_("too large: more than {size} MiB") : N_("too large: more than {size} KiB"), &a);
    } else {
        diag_arg_msgid(&a, "why", diag_errno_text(e));
        diag_msg_set(&d, N_("cannot be read: {why}"), &a);
    }
    tell(m, JOURNAL_MERGE_INVALID, src, NULL, NULL, &d);
}

/* Tells that src is not what it claims to be: tmpl holds "{problem}", the
 * first of d's problems (bare_tmpl when d has none). */
static void tell_problem(const Merge *m, const char *src, const char *tmpl, const char *bare_tmpl, const DiagList *d)
{
    DiagArgs a = {0};
    DiagMsg msg;
    if (d->count) {
        diag_arg_problem(&a, "problem", &d->items[0]);
        diag_msg_set(&msg, tmpl, &a);
    } else {
        diag_msg_set(&msg, bare_tmpl, NULL);
    }
    tell(m, JOURNAL_MERGE_INVALID, src, NULL, NULL, &msg);
}

/* Copies one content-addressed file (DATA/scenarios/<sha256>.json, or
 * DATA/files/<sha256> when is_file) if the destination lacks it. */
static JournalStatus merge_content(Merge *m, const char *src, bool is_file)
{
    const char *sub = is_file ? "files" : "scenarios";
    const char *suffix = is_file ? "" : ".json";
    size_t *copied = is_file ? &m->st->files_copied : &m->st->scenarios_copied;
    size_t *invalid = is_file ? &m->st->files_invalid : &m->st->scenarios_invalid;
    const char *slash = strrchr(src, '/');
    const char *base = slash ? slash + 1 : src;
    char hash[65] = "";
    if (strlen(base) == 64 + strlen(suffix) && strcmp(base + 64, suffix) == 0) {
        memcpy(hash, base, 64);
        hash[64] = '\0';
    }
    size_t len = 0;
    int e = 0;
    char *text = record_hash_valid(hash) ? fs_read_file(src, JOURNAL_FILE_MAX_BYTES, &len, &e) : NULL;
    char h[65] = "";
    if (text) {
        fs_sha256_hex(text, len, h);
    }
    if (!text || strcmp(h, hash) != 0) {
        (*invalid)++;
        if (text) {
            tell_invalid(m, src, N_("damaged: the content does not match the SHA-256 in the file name"));
        } else if (!record_hash_valid(hash)) {
            tell_invalid(m, src,
                         is_file ? N_("not a file of the data folder: the name must be 64 hexadecimal digits")
                                 : N_("not a scenario of the data folder: the name must be 64 hexadecimal digits "
                                      "and .json"));
        } else {
            tell_unreadable(m, src, e, JOURNAL_FILE_MAX_BYTES);
        }
        free(text);
        return JOURNAL_OK;
    }
    JournalStatus s = ensure_sub(&m->dst, sub, m->err, m->err_n);
    char rel[128];
    snprintf(rel, sizeof rel, "%s/%s", sub, base);
    char *dst = s == JOURNAL_OK ? path_join(m->dst.dir, rel) : NULL;
    if (s == JOURNAL_OK && !dst) {
        s = JOURNAL_ERR_NOMEM;
    }
    /* A destination copy whose bytes do not match its name is damaged: the
     * name says what it must hold, so replacing it loses nothing. */
    size_t have_len = 0;
    char *have = dst ? fs_read_file(dst, JOURNAL_FILE_MAX_BYTES, &have_len, &e) : NULL;
    char hh[65] = "";
    if (have) {
        fs_sha256_hex(have, have_len, hh);
        free(have);
    }
    if (dst && strcmp(hh, hash) != 0) {
        Io io = journal_io(&m->dst);
        s = write_atomic(&io, dst, text, len, PLACE_REPLACE, m->err, m->err_n);
        if (s == JOURNAL_OK) {
            (*copied)++;
        }
    }
    free(dst);
    free(text);
    return s;
}

static JournalStatus merge_trainee(Merge *m, const char *src)
{
    size_t len = 0;
    int e = 0;
    char *text = fs_read_file(src, TRAINEE_MAX_BYTES, &len, &e);
    TraineeInfo t;
    DiagList d;
    diag_list_init(&d);
    bool parsed = text && trainee_parse(text, len, &t, &d);
    if (!parsed || !trainee_name_matches(src, t.id)) {
        m->st->trainees_invalid++;
        if (!text) {
            tell_unreadable(m, src, e, TRAINEE_MAX_BYTES);
        } else if (!parsed) {
            tell_problem(m, src, N_("not a valid trainee file: {problem}"), N_("not a valid trainee file"), &d);
        } else {
            DiagArgs a = {0};
            diag_arg_str(&a, "id", t.id);
            DiagMsg msg;
            diag_msg_set(&msg, N_("not a valid trainee file: its name does not match the id \"{id}\" inside"), &a);
            tell(m, JOURNAL_MERGE_INVALID, src, NULL, NULL, &msg);
        }
        diag_list_finish(&d);
        free(text);
        return JOURNAL_OK;
    }
    diag_list_finish(&d);
    JournalStatus s = JOURNAL_OK;
    char *dst = trainee_path(m->dst.dir, t.id);
    TraineeInfo have;
    memset(&have, 0, sizeof have);
    if (!dst) {
        s = JOURNAL_ERR_NOMEM;
    } else if (!file_exists(dst)) {
        Io io = journal_io(&m->dst);
        s = write_atomic(&io, dst, text, len, PLACE_NO_REPLACE, m->err, m->err_n);
        if (s == JOURNAL_OK) {
            m->st->trainees_copied++;
        } else if (s == JOURNAL_ERR_EXISTS) {
            s = JOURNAL_OK;
        }
    } else if (!read_trainee_file(dst, &have) || strcmp(have.name, t.name) != 0) {
        m->st->trainees_differ++;
        DiagArgs a = {0};
        diag_arg_str(&a, "id", t.id);
        diag_arg_str(&a, "incoming", t.name);
        DiagMsg msg;
        if (have.name[0]) {
            diag_arg_str(&a, "kept", have.name);
            diag_msg_set(&msg, N_("trainee \"{id}\": \"{kept}\" kept, \"{incoming}\" not copied"), &a);
        } else {
            diag_msg_set(&msg, N_("trainee \"{id}\": the file already there does not read; it is kept, "
                                  "\"{incoming}\" not copied"),
                         &a);
        }
        tell(m, JOURNAL_MERGE_TRAINEE_DIFFERS, src, dst, NULL, &msg);
    }
    free(dst);
    free(text);
    return s;
}

static JournalStatus flush_staged(Merge *m);

/* Same bytes at the destination path named by the source file's name: the
 * very same record, known without parsing it. */
static bool quick_duplicate(const Merge *m, const char *src, const char *text, size_t len)
{
    const char *slash = strrchr(src, '/');
    const char *base = slash ? slash + 1 : src;
    size_t bl = strlen(base);
    if (bl < 6 || bl - 5 >= 64 || strcmp(base + bl - 5, ".json") != 0) {
        return false;
    }
    char id[64];
    memcpy(id, base, bl - 5);
    id[bl - 5] = '\0';
    char *path = journal_record_path(&m->dst, id);
    if (!path) {
        return false;
    }
    struct stat st;
    bool same = false;
    if (stat(path, &st) == 0 && (size_t)st.st_size == len) {
        size_t have_len = 0;
        int e = 0;
        char *have = fs_read_file(path, RECORD_MAX_BYTES, &have_len, &e);
        same = have && have_len == len && memcmp(have, text, len) == 0;
        free(have);
    }
    free(path);
    return same;
}

static JournalStatus merge_record(Merge *m, const char *src)
{
    m->st->attempts_seen++;
    size_t len = 0;
    int e = 0;
    char *text = fs_read_file(src, RECORD_MAX_BYTES, &len, &e);
    if (text && quick_duplicate(m, src, text, len)) {
        m->st->attempts_duplicate++;
        free(text);
        return JOURNAL_OK;
    }
    AttemptRecord in;
    record_init(&in);
    DiagList d;
    diag_list_init(&d);
    /* Every field but the events is checked; the events are checked when a
     * report replays the attempt (a copy is the very file the other laptop
     * wrote, and nothing is lost by copying it). */
    if (!text || !record_parse_head(text, len, &in, &d)) {
        m->st->attempts_invalid++;
        if (!text) {
            tell_unreadable(m, src, e, RECORD_MAX_BYTES);
        } else {
            tell_problem(m, src, N_("not a valid attempt record: {problem}"), N_("not a valid attempt record"), &d);
        }
        diag_list_finish(&d);
        free(text);
        return JOURNAL_OK;
    }
    diag_list_finish(&d);
    char month[24];
    month_folder(in.attempt_id, month);
    JournalStatus s = JOURNAL_OK;
    if (strcmp(month, m->month_ready) != 0) {
        s = ensure_sub(&m->dst, "attempts", m->err, m->err_n);
        if (s == JOURNAL_OK) {
            s = ensure_sub(&m->dst, month, m->err, m->err_n);
        }
        if (s == JOURNAL_OK) {
            memcpy(m->month_ready, month, sizeof month);
        }
    }
    char *main_path = s == JOURNAL_OK ? journal_record_path(&m->dst, in.attempt_id) : NULL;
    char *conflict_path = NULL;
    Io io = journal_io(&m->dst);
    if (s == JOURNAL_OK && !main_path) {
        s = JOURNAL_ERR_NOMEM;
    }
    bool staged_same_id = false;
    for (size_t i = 0; s == JOURNAL_OK && i < m->n_staged; i++) {
        staged_same_id |= strcmp(m->staged[i].id, in.attempt_id) == 0;
    }
    if (s == JOURNAL_OK && staged_same_id) {
        /* The same id twice in the source: place the first one before
         * deciding about this one. */
        s = flush_staged(m);
    }
    if (s == JOURNAL_OK && !file_exists(main_path)) {
        /* A new attempt: the original bytes, not a re-serialisation, staged
         * for the batch's single sync (flush_staged). */
        char *tmp = NULL;
        s = write_temp(&io, main_path, text, len, TEMP_NO_FSYNC, &tmp, m->err, m->err_n);
        char *src_copy = s == JOURNAL_OK ? malloc(strlen(src) + 1) : NULL;
        if (s == JOURNAL_OK && !src_copy) {
            unlink(tmp);
            free(tmp);
            s = JOURNAL_ERR_NOMEM;
        }
        if (s == JOURNAL_OK) {
            memcpy(src_copy, src, strlen(src) + 1);
            Staged *g = &m->staged[m->n_staged++];
            g->tmp = tmp;
            g->final = main_path;
            g->src = src_copy;
            fs_strlcpy(g->id, in.attempt_id, sizeof g->id);
            main_path = NULL;
            if (m->n_staged == MERGE_BATCH) {
                s = flush_staged(m);
            }
        }
    } else if (s == JOURNAL_OK) {
        if (same_record_file(main_path, text, len)) {
            m->st->attempts_duplicate++;
        } else {
            char hash[65], rel[160];
            fs_sha256_hex(text, len, hash);
            snprintf(rel, sizeof rel, "%s/%s.conflict-%.8s.json", month, in.attempt_id, hash);
            conflict_path = path_join(m->dst.dir, rel);
            s = conflict_path ? write_atomic(&io, conflict_path, text, len, PLACE_NO_REPLACE, m->err, m->err_n)
                              : JOURNAL_ERR_NOMEM;
            if (s == JOURNAL_OK) {
                m->st->attempts_conflict++;
                DiagMsg detail;
                diag_msg_set(&detail, N_("the contents differ"), NULL);
                AttemptRecord have, full;
                if (record_load(main_path, &have, NULL) && record_parse(text, len, &full, NULL)) {
                    record_conflict_msg(&have, &full, &detail);
                }
                record_finish(&have);
                record_finish(&full);
                tell(m, JOURNAL_MERGE_CONFLICT, src, conflict_path, in.attempt_id, &detail);
            } else if (s == JOURNAL_ERR_EXISTS && same_record_file(conflict_path, text, len)) {
                /* This conflict was recorded by an earlier merge. */
                s = JOURNAL_OK;
                m->st->attempts_duplicate++;
            } else if (s == JOURNAL_ERR_EXISTS) {
                /* Two different contents with the same 32-bit hash prefix: keep
                 * the destination, say so, lose nothing of what is there. */
                s = JOURNAL_OK;
                m->st->attempts_invalid++;
                const char *slash = strrchr(conflict_path, '/');
                DiagArgs a = {0};
                diag_arg_str(&a, "name", slash ? slash + 1 : conflict_path);
                DiagMsg msg;
                diag_msg_set(&msg, N_("the name of its conflict copy, {name}, is taken by another version of this "
                                      "attempt"),
                             &a);
                tell(m, JOURNAL_MERGE_INVALID, src, conflict_path, in.attempt_id, &msg);
            }
        }
    }
    free(conflict_path);
    free(main_path);
    record_finish(&in);
    free(text);
    return s;
}

static void staged_free(Staged *g)
{
    free(g->tmp);
    free(g->final);
    free(g->src);
    memset(g, 0, sizeof *g);
}

/* Makes the staged temp files durable with one file-system sync (or one
 * fsync each where syncfs fails), places them under their final names
 * without replacing anything, and syncs again so the names are durable. A
 * crash at any point leaves whole records or none (temp names are skipped
 * by every reader). */
/* The distinct folders of a batch's new names (a batch spans a month or
 * two: a linear search is enough). */
typedef struct FolderSet {
    char **dirs; /* owned */
    size_t count, cap;
} FolderSet;

static bool folder_set_add_parent(FolderSet *f, const char *path)
{
    char *dir = parent_of(path);
    if (!dir) {
        return false;
    }
    for (size_t i = 0; i < f->count; i++) {
        if (strcmp(f->dirs[i], dir) == 0) {
            free(dir);
            return true;
        }
    }
    if (f->count == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 4;
        char **d = realloc(f->dirs, cap * sizeof *d);
        if (!d) {
            free(dir);
            return false;
        }
        f->dirs = d;
        f->cap = cap;
    }
    f->dirs[f->count++] = dir;
    return true;
}

static JournalStatus flush_staged(Merge *m)
{
    if (m->n_staged == 0) {
        return JOURNAL_OK;
    }
    Io io = journal_io(&m->dst);
    JournalStatus s = JOURNAL_OK;
    /* The temp files' bytes reach the disk before any is placed, for the
     * reason given in write_temp. */
    int dfd = open(m->dst.dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool whole_fs = dfd >= 0 && syncfs(dfd) == 0;
    if (!whole_fs) {
        /* No syncfs here: each temp file, then each folder given new names
         * (below), as write_atomic does for one file. */
        for (size_t i = 0; i < m->n_staged && s == JOURNAL_OK; i++) {
            int fd = open(m->staged[i].tmp, O_RDONLY | O_CLOEXEC);
            if (fd < 0 || fsync(fd) != 0) {
                s = fail_errno(errno, "cannot sync", m->staged[i].tmp, m->err, m->err_n);
            }
            if (fd >= 0) {
                close(fd);
            }
        }
    }
    size_t n = m->n_staged;
    m->n_staged = 0;
    size_t retry = 0;
    FolderSet placed_in = {0};
    for (size_t i = 0; i < n; i++) {
        Staged *g = &m->staged[i];
        JournalStatus p = s == JOURNAL_OK ? place_file(&io, g->tmp, g->final, PLACE_NO_REPLACE, m->err, m->err_n)
                                          : s;
        if (p == JOURNAL_OK) {
            m->st->attempts_copied++;
            tell(m, JOURNAL_MERGE_COPIED, g->src, g->final, g->id, NULL);
            if (!whole_fs && !folder_set_add_parent(&placed_in, g->final)) {
                s = fail_msg(JOURNAL_ERR_NOMEM, m->err, m->err_n, "out of memory", NULL);
            }
        } else {
            unlink(g->tmp);
            if (p == JOURNAL_ERR_EXISTS) {
                /* Written meanwhile by another process: decided again below,
                 * as a duplicate or a conflict. */
                m->staged[retry++] = *g;
                free(g->tmp);
                free(g->final);
                g->tmp = g->final = NULL;
                continue;
            }
            s = p;
        }
        staged_free(g);
    }
    /* The new names, as write_atomic's folder sync does for one file. */
    if (s == JOURNAL_OK && whole_fs && syncfs(dfd) != 0) {
        s = fail_errno(errno, "cannot sync", m->dst.dir, m->err, m->err_n);
    }
    for (size_t i = 0; i < placed_in.count; i++) {
        if (s == JOURNAL_OK && fsync_dir(&io, placed_in.dirs[i]) != 0) {
            s = fail_errno(errno, "cannot sync folder", placed_in.dirs[i], m->err, m->err_n);
        }
        free(placed_in.dirs[i]);
    }
    free(placed_in.dirs);
    if (dfd >= 0) {
        close(dfd);
    }
    for (size_t i = 0; i < retry; i++) {
        Staged g = m->staged[i];
        memset(&m->staged[i], 0, sizeof m->staged[i]);
        if (s == JOURNAL_OK) {
            m->st->attempts_seen--;
            s = merge_record(m, g.src);
        }
        staged_free(&g);
    }
    return s;
}

JournalStatus journal_merge(const char *src_dir, const char *dst_dir, JournalMergeStats *stats, JournalMergeFn fn,
                            void *user, char *err, size_t err_n)
{
    memset(stats, 0, sizeof *stats);
    if (err && err_n) {
        err[0] = '\0';
    }
    if (!is_dir(src_dir)) {
        return fail_errno(ENOENT, "cannot read folder", src_dir, err, err_n);
    }
    /* The batch of staged copies makes this about 45 kB: fine on a stack. */
    Merge m = {.st = stats, .fn = fn, .user = user, .err = err, .err_n = err_n};
    JournalStatus s = journal_open(&m.dst, dst_dir, err, err_n);
    if (s != JOURNAL_OK) {
        journal_close(&m.dst);
        return s;
    }
    /* Files the scenarios name first, then scenarios, then trainees, then
     * records: a crash part-way leaves no record without its scenario, and
     * no scenario without its files. */
    const char *subs[] = {"files", "scenarios", "trainees"};
    for (size_t k = 0; k < 3 && s == JOURNAL_OK; k++) {
        char *dir = path_join(src_dir, subs[k]);
        Names files = {0};
        if (dir) {
            list_dir_matching(dir, false, k == 0 ? NULL : ".json", &files);
        }
        if (files.count) {
            qsort(files.items, files.count, sizeof *files.items, cmp_str);
        }
        for (size_t i = 0; i < files.count && s == JOURNAL_OK; i++) {
            s = k < 2 ? merge_content(&m, files.items[i], k == 0) : merge_trainee(&m, files.items[i]);
        }
        names_free(&files);
        free(dir);
    }
    Names records = {0};
    if (s == JOURNAL_OK) {
        list_records(src_dir, &records);
    }
    /* Original records before conflict copies, so that an attempt keeps its
     * main file and its conflict file in the same roles in every folder. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < records.count && s == JOURNAL_OK; i++) {
            const char *slash = strrchr(records.items[i], '/');
            bool conflict_copy = strstr(slash ? slash : records.items[i], ".conflict-") != NULL;
            if (conflict_copy == (pass == 1)) {
                s = merge_record(&m, records.items[i]);
            }
        }
    }
    JournalStatus f = flush_staged(&m);
    if (s == JOURNAL_OK) {
        s = f;
    }
    for (size_t i = 0; i < m.n_staged; i++) {
        unlink(m.staged[i].tmp);
        staged_free(&m.staged[i]);
    }
    names_free(&records);
    journal_close(&m.dst);
    return s;
}
