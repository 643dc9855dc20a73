/*
 * diag.h - diagnostics: every problem found in an input file, with where and why.
 *
 * A loader never stops at the first problem: it appends one Diag per problem so
 * that an instructor fixes a scenario in one go. Messages are split into codes
 * and the "expected" / "found" parts, so that the edge (CLI, UI) can translate
 * them; the core itself prints nothing.
 *
 * Translation: the core never calls gettext. Each part is kept as an English
 * template (an N_() msgid) with named placeholders, "a string of {min} to
 * {max} bytes", plus the values (DiagArgs). The edge translates the template
 * ("une chaîne de {min} à {max} octets"), then fills it with diag_fill(),
 * which writes numbers with the language's decimal separator. The filled
 * English text is kept too (expected, found) for logs, --json and tests.
 */
#ifndef FIBRESIM_DIAG_H
#define FIBRESIM_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum DiagCode {
    DIAG_IO,              /* cannot open / read the file */
    DIAG_TOO_LARGE,       /* file above the size limit */
    DIAG_NOT_UTF8,        /* invalid UTF-8 byte sequence */
    DIAG_PARSE,           /* JSON syntax error */
    DIAG_DUPLICATE_KEY,   /* the same key twice in one object */
    DIAG_UNKNOWN_FIELD,   /* a key the format does not have (typo?) */
    DIAG_MISSING_FIELD,   /* a required key is absent */
    DIAG_WRONG_TYPE,      /* e.g. a string where a number is expected */
    DIAG_OUT_OF_RANGE,    /* a number outside its physical range */
    DIAG_BAD_VALUE,       /* an enum value or string the format does not accept */
    DIAG_DUPLICATE_ID,    /* two items with the same id */
    DIAG_UNKNOWN_MODULE,  /* "module" names no registered module */
    DIAG_UNSUPPORTED,     /* schema / format version this program cannot read */
    DIAG_INCONSISTENT,    /* fields that contradict each other (e.g. ok band outside zero band) */
    DIAG_CODE_COUNT
} DiagCode;

/* Values per message: 4 for a message of its own; 12 so that a message can
 * hold another one (a msgid value with its own values, see diag_arg_msgid),
 * e.g. a report's "the scenario file {file} does not load here: {problem}"
 * holding a problem's 4 values and the 5 that place it (diag_arg_problem). */
#define DIAG_ARG_MAX 12

/* One value of a message: fills "{name}" in a template. */
typedef struct DiagArg {
    char name[16];
    char value[160];      /* numbers written with '.' (C locale) */
    bool number;          /* the edge writes value with its decimal separator */
    bool msgid;           /* value is an English N_() msgid: translated, then its own
                           * "{name}"s filled from the same list */
} DiagArg;

/* The values of a message's placeholders; zero-initialise ({0}) before use. */
typedef struct DiagArgs {
    DiagArg items[DIAG_ARG_MAX];
    int count;
} DiagArgs;

typedef struct Diag {
    DiagCode code;
    int line, col;        /* 1-based; 0 when unknown */
    char path[160];       /* JSON path, e.g. "rubric.criteria[2].band.ok_max"; "" = whole file */
    char expected[160];   /* what the format wants (English, values filled in) */
    char found[160];      /* what the file has (English, values filled in) */
    char expected_tmpl[160]; /* English template of expected (an N_() msgid); "" = expected is the msgid */
    char found_tmpl[160];    /* same for found */
    DiagArgs args;        /* values for both templates' placeholders */
} Diag;

typedef struct DiagList {
    Diag *items;          /* owned */
    size_t count, cap;
    size_t dropped;       /* problems not stored after the cap (DIAG_LIST_MAX) */
} DiagList;

#define DIAG_LIST_MAX 200

void diag_list_init(DiagList *d);
void diag_list_finish(DiagList *d); /* fine on a zeroed list */
/* Appends a problem. expected/found may be NULL. Never fails visibly: on OOM the
 * problem is counted in d->dropped. Texts too long for the fields are cut at a
 * character boundary, and any byte that is not valid UTF-8 becomes '?', so a
 * Diag can always be printed or put into JSON as it is. */
void diag_add(DiagList *d, DiagCode code, int line, int col, const char *path,
              const char *expected, const char *found);
/* Same with templates: expected_tmpl and found_tmpl are English N_() msgids
 * (may be NULL) whose "{name}" placeholders args fills (args may be NULL). */
void diag_add_t(DiagList *d, DiagCode code, int line, int col, const char *path,
                const char *expected_tmpl, const char *found_tmpl, const DiagArgs *args);

/* Adds a text value for "{name}" (cut to fit; a full list keeps its first values). */
void diag_arg_str(DiagArgs *a, const char *name, const char *value);
/* Adds a number for "{name}", written with up to 10 significant digits (%.10g). */
void diag_arg_num(DiagArgs *a, const char *name, double value);
/* Same with a number of significant digits (1..17). */
void diag_arg_num_sig(DiagArgs *a, const char *name, double value, int digits);
/* Adds a whole number for "{name}". */
void diag_arg_int(DiagArgs *a, const char *name, long long value);
/* Adds a number already written with '.' (e.g. the shortest text that reads
 * back as the same double), shown with the edge's decimal separator. */
void diag_arg_num_text(DiagArgs *a, const char *name, const char *text);
/* Adds a piece of text that is itself an English N_() msgid ("the group
 * index", "{n} bytes for {what}"): the edge translates it like the template,
 * and its own placeholders take their values from the same list, so one
 * message can name a field or hold another message (nesting stops at 3
 * levels). msgid is copied (at most 159 bytes). */
void diag_arg_msgid(DiagArgs *a, const char *name, const char *msgid);
/* A translator for diag_text: returns the text of msgid in the edge's language. */
typedef const char *(*DiagTranslateFn)(const char *msgid, void *user);
/* Writes tmpl with each "{name}" of args replaced by its value (numbers with
 * decimal_sep instead of '.'; msgid values translated by tr, NULL: English,
 * and filled in turn); a placeholder without a value stays as it is, so
 * "{ ... }" in a text is left alone. Always NUL-terminates (n > 0), never
 * cuts a UTF-8 character. tmpl itself is not translated. */
void diag_fill_tr(const char *tmpl, const DiagArgs *args, DiagTranslateFn tr, void *user, char decimal_sep,
                  char *out, size_t n);
/* diag_fill_tr in English (tr = NULL). */
void diag_fill(const char *tmpl, const DiagArgs *args, char decimal_sep, char *out, size_t n);
/* The expected (found = false) or found part of g in the edge's language: its
 * template translated by tr (NULL: English) and filled; "" if the part is empty. */
void diag_text(const Diag *g, bool found, DiagTranslateFn tr, void *user, char decimal_sep, char *out, size_t n);
/* The msgid of an errno value for "found" texts ("no such file or folder"),
 * so that the edge can translate it; strerror() text for rare values. */
const char *diag_errno_text(int err);

/* ---- messages of their own --------------------------------------------------------- */

/* A message that is not about a place in an input file (why a stored score
 * is not genuine, what differs between two results): an English template
 * and its values, shown by the edge in its language like a Diag's parts. */
typedef struct DiagMsg {
    char tmpl[160];       /* N_() msgid; "" = no message */
    DiagArgs args;
} DiagMsg;

/* Sets m (tmpl copied; args may be NULL). */
void diag_msg_set(DiagMsg *m, const char *tmpl, const DiagArgs *args);
/* m in the edge's language: tmpl translated by tr (NULL: English), filled. */
void diag_msg_text(const DiagMsg *m, DiagTranslateFn tr, void *user, char decimal_sep, char *out, size_t n);
/* m as one line of JSON (no newline), for a cache that keeps messages:
 * {"t": tmpl, "a": [[name, value, kind], ...]} with kind "s" text, "n"
 * number, "m" msgid. false (out = "") if it does not fit in n bytes. */
bool diag_msg_encode(const DiagMsg *m, char *out, size_t n);
/* Reads what diag_msg_encode wrote; false (m empty) for anything else. */
bool diag_msg_decode(const char *text, DiagMsg *m /* OUT */);
/* Adds problem g as the value of "{name}" (a msgid: "{where}{code}:
 * expected {expected}, found {found}" or a shorter form), with its own
 * values and "where" "code" "expected" "found", so that a message holding
 * it ("the record does not read: {problem}") is shown whole in the edge's
 * language; the template holding it must not use those names. When its
 * values and these five do not all fit (DIAG_ARG_MAX), the problem goes in
 * as its English line (diag_format). */
void diag_arg_problem(DiagArgs *a, const char *name, const Diag *g);

/* Short English name of a code, e.g. "unknown field" (an N_() msgid: the edge
 * translates it). */
const char *diag_code_name(DiagCode c);
/* Stable machine name of a code, e.g. "unknown_field", for --json output and
 * test tables; never translated. */
const char *diag_code_id(DiagCode c);
/* Code of a machine name; false if unknown. */
bool diag_code_from_id(const char *id, DiagCode *out /* OUT */);
/* Formats one problem as "file:line:col: path: code: expected X, found Y" (English). */
void diag_format(const Diag *d, const char *file, char *buf, size_t n);
/* Writes every problem of the list, one per line. */
void diag_print(const DiagList *d, const char *file, FILE *out);

#endif
