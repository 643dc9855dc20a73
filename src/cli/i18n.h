/*
 * i18n.h - gettext set-up and runtime language switching (fr default, en).
 */
#ifndef FIBRESIM_I18N_H
#define FIBRESIM_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "fibresim/diag.h"

#define _(s) gettext(s)
#ifndef N_
#define N_(s) s
#endif

/* Binds the text domain to the first locale folder that holds our catalogue:
 * $FIBRESIM_LOCALEDIR, the build tree next to the program, then the installed
 * prefix. Keeps numbers in the C locale (JSON, CSV and SOR must not change
 * with the user's locale). */
void i18n_init(const char *argv0);
/* "fr" or "en". Takes effect for every later gettext() call. */
void i18n_set_language(const char *lang);
const char *i18n_language(void);
/* ',' for French, '.' for English. */
char i18n_decimal_sep(void);
/* A DiagTranslateFn (diag.h) for the core's templates: gettext, "" kept
 * as it is (user unused). */
const char *i18n_translate(const char *msgid, void *user);
/* The expected (found = false) or found part of a problem in the current
 * language: its template translated, its values filled in with the
 * language's decimal separator. */
void i18n_diag_text(const Diag *g, bool found, char *out, size_t n);
/* Writes every problem of d, one line each, then "... and N more problems". */
void i18n_diag_print(const DiagList *d, const char *file, FILE *out);
/* One problem in the current language, without a newline:
 * "file:line:col: path: what: expected X, found Y" (file may be NULL). */
void i18n_diag_line(const Diag *g, const char *file, char *out, size_t n);

#endif
