/*
 * i18n.c - gettext binding and language switching.
 *
 * gettext ignores $LANGUAGE when the message locale is plain "C", so we fall
 * back to "C.UTF-8" (built into glibc >= 2.35, always present on Debian 12):
 * the program then shows French even on a machine with no locale generated.
 */
#include "i18n.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build_config.h"
#include "fibresim/core.h"

/* Process-wide UI language: front-end state, not simulation state. */
static char current_lang[8] = "fr";

static bool has_catalogue(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fr/LC_MESSAGES/fibresim.mo", dir);
    struct stat st;
    return stat(path, &st) == 0;
}

void i18n_init(const char *argv0)
{
    if (!setlocale(LC_ALL, "") || strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0
        || strcmp(setlocale(LC_MESSAGES, NULL), "POSIX") == 0) {
        if (!setlocale(LC_ALL, "C.UTF-8")) {
            setlocale(LC_ALL, "C.utf8");
        }
    }
    setlocale(LC_NUMERIC, "C");

    char dir[4096] = "";
    const char *env = getenv("FIBRESIM_LOCALEDIR");
    if (env && env[0]) {
        fs_strlcpy(dir, env, sizeof dir);
    } else {
        /* Build tree: <builddir>/fibresim next to <builddir>/po/fr/LC_MESSAGES. */
        char exe[4096];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n <= 0 && argv0) {
            fs_strlcpy(exe, argv0, sizeof exe);
            n = (ssize_t)strlen(exe);
        }
        if (n > 0) {
            exe[n] = '\0';
            char *slash = strrchr(exe, '/');
            if (slash) {
                *slash = '\0';
                snprintf(dir, sizeof dir, "%s/po", exe);
            }
        }
        if (!dir[0] || !has_catalogue(dir)) {
            fs_strlcpy(dir, FIBRESIM_LOCALEDIR, sizeof dir);
        }
    }
    bindtextdomain("fibresim", dir);
    bind_textdomain_codeset("fibresim", "UTF-8");
    textdomain("fibresim");
    const char *lang = getenv("FIBRESIM_LANG");
    i18n_set_language(lang && (strcmp(lang, "en") == 0) ? "en" : "fr");
}

void i18n_set_language(const char *lang)
{
    fs_strlcpy(current_lang, strcmp(lang, "en") == 0 ? "en" : "fr", sizeof current_lang);
    /* English is the source language: an empty catalogue choice shows msgids. */
    setenv("LANGUAGE", current_lang, 1);
    /* Tell gettext the language changed so its cache is not reused. */
    {
        extern int _nl_msg_cat_cntr;
        ++_nl_msg_cat_cntr;
    }
}

const char *i18n_language(void)
{
    return current_lang;
}

char i18n_decimal_sep(void)
{
    return strcmp(current_lang, "fr") == 0 ? ',' : '.';
}

const char *i18n_translate(const char *msgid, void *user)
{
    (void)user;
    return msgid[0] ? gettext(msgid) : msgid;
}

void i18n_diag_text(const Diag *g, bool found, char *out, size_t n)
{
    diag_text(g, found, i18n_translate, NULL, i18n_decimal_sep(), out, n);
}

void i18n_diag_line(const Diag *g, const char *file, char *out, size_t n)
{
    char where[32] = "", expected[320] = "", found[320] = "", exp_part[400] = "", found_part[400] = "";
    if (g->line > 0) {
        snprintf(where, sizeof where, ":%d:%d", g->line, g->col);
    }
    i18n_diag_text(g, false, expected, sizeof expected);
    i18n_diag_text(g, true, found, sizeof found);
    if (expected[0]) {
        snprintf(exp_part, sizeof exp_part, _(": expected %s"), expected);
    }
    if (found[0]) {
        snprintf(found_part, sizeof found_part, _(", found %s"), found);
    }
    snprintf(out, n, "%s%s: %s%s%s%s%s", file ? file : "-", where, g->path, g->path[0] ? ": " : "",
             _(diag_code_name(g->code)), exp_part, found_part);
}

void i18n_diag_print(const DiagList *d, const char *file, FILE *out)
{
    char line[1200];
    for (size_t i = 0; i < d->count; i++) {
        i18n_diag_line(&d->items[i], file, line, sizeof line);
        fprintf(out, "%s\n", line);
    }
    if (d->dropped) {
        fprintf(out, _("%s: ... and %zu more problems\n"), file ? file : "-", d->dropped);
    }
}
