/*
 * messages.h - message templates that explain each criterion in plain words.
 *
 * The core keeps English templates (marked N_() so xgettext extracts them); the
 * edge (front end, report tool) translates them with gettext and fills the
 * placeholders with message_format(), which writes numbers with the language's
 * decimal separator ("1,4" in French):
 *   {value}  measured value          {unit}  criterion unit
 *   {ok_min} {ok_max} {zero_min} {zero_max}  band limits
 *   {target} the band's full-credit value nearest to the measure
 * Example: "Cleave angle {value}{unit}: above {ok_max}{unit}, cleave again".
 */
#ifndef FIBRESIM_MESSAGES_H
#define FIBRESIM_MESSAGES_H

#include <stddef.h>

#include "fibresim/rubric.h"

#ifndef N_
#define N_(s) s
#endif

typedef struct MessageDef {
    const char *key;       /* criterion message key or safety event name */
    const char *label;     /* short name: "Cleave angle" */
    const char *ok;        /* full credit */
    const char *partial;   /* some credit */
    const char *fail;      /* no credit */
    const char *missing;   /* never measured (may be NULL: a generic text is used) */
} MessageDef;

/* Looks a key up in a module's table (NULL-terminated by key == NULL), then,
 * for a key "<prefix>.<name>" (a setup-dependent measure such as the
 * tutorial's "drag1.error_mm"), <name> in the module's table, then the key in
 * the generic table. Never NULL: unknown keys get a generic template. */
const MessageDef *message_find(const MessageDef *table, const char *key);
/* The template for a verdict (English msgid, translate before formatting). */
const char *message_template(const MessageDef *m, Verdict v);

typedef const char *(*MessageTranslateFn)(const char *msgid, void *user);

/* Fills a (translated) template for a criterion result. decimal_sep is ',' or '.'. */
void message_format(const char *tmpl, const CriterionResult *c, char decimal_sep, char *out, size_t n);
/* Formats a number with decimals and decimal_sep, e.g. 1.4 -> "1,4". */
void message_number(double v, int decimals, char decimal_sep, char *out, size_t n);

#endif
