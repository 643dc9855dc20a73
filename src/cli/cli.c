/*
 * cli.c - argument parsing and --help from the same option tables.
 */
#include "cli.h"

#include <errno.h>
#include <libintl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"

#define _(s) gettext(s)

static int option_index(const CliCommand *c, const char *name, size_t len)
{
    for (int i = 0; c->options && c->options[i].name; i++) {
        if (strlen(c->options[i].name) == len && strncmp(c->options[i].name, name, len) == 0) {
            return i;
        }
    }
    return -1;
}

typedef struct ShortOption {
    const char *command;
    char letter;
    const char *name;
} ShortOption;

static const ShortOption short_options[] = {
#define SHORT(cmd, letter, name) {cmd, letter, name},
#include "short_options.def"
#undef SHORT
    {NULL, 0, NULL},
};

/* The long name of a one-letter alias of command c, NULL if none. */
static const char *short_to_long(const CliCommand *c, char letter)
{
    for (size_t i = 0; short_options[i].command; i++) {
        if (short_options[i].letter == letter && strcmp(short_options[i].command, c->name) == 0) {
            return short_options[i].name;
        }
    }
    return NULL;
}

/* The alias letter of an option, 0 if none. */
static char long_to_short(const CliCommand *c, const char *name)
{
    for (size_t i = 0; short_options[i].command; i++) {
        if (strcmp(short_options[i].name, name) == 0 && strcmp(short_options[i].command, c->name) == 0) {
            return short_options[i].letter;
        }
    }
    return 0;
}

const char *cli_value(const CliArgs *a, const char *name)
{
    int i = option_index(a->cmd, name, strlen(name));
    return (i >= 0 && a->set[i]) ? a->values[i] : NULL;
}

bool cli_flag(const CliArgs *a, const char *name)
{
    int i = option_index(a->cmd, name, strlen(name));
    return i >= 0 && a->set[i];
}

bool cli_double(const CliArgs *a, const char *name, double def, double *out)
{
    const char *s = cli_value(a, name);
    if (!s) {
        *out = def;
        return true;
    }
    char *end = NULL;
    errno = 0;
    double x = strtod(s, &end);
    if (end == s || *end != '\0' || errno == ERANGE || !isfinite(x)) {
        fprintf(stderr, _("fibresim %s: --%s needs a number, got \"%s\"\n"), a->cmd->name, name, s);
        return false;
    }
    *out = x;
    return true;
}

void cli_print_help(const CliCommand *c, bool to_stderr)
{
    FILE *out = to_stderr ? stderr : stdout;
    fprintf(out, _("Usage: fibresim %s [OPTIONS] %s\n"), c->name, c->args ? c->args : "");
    fprintf(out, "%s\n\n", _(c->summary));
    fprintf(out, "%s\n", _("Options:"));
    for (int i = 0; c->options && c->options[i].name; i++) {
        const CliOption *o = &c->options[i];
        char left[64], alias[8] = "";
        char letter = long_to_short(c, o->name);
        if (letter) {
            snprintf(alias, sizeof alias, "-%c, ", letter);
        }
        if (o->kind == CLI_VALUE) {
            snprintf(left, sizeof left, "%s--%s %s", alias, o->name, o->value_name ? o->value_name : "VALUE");
        } else {
            snprintf(left, sizeof left, "%s--%s", alias, o->name);
        }
        fprintf(out, "  %-26s %s\n", left, _(o->help));
    }
    fprintf(out, "  %-26s %s\n", "--help", _("Show this help and exit"));
}

static void print_overview(FILE *out)
{
    fprintf(out, "%s\n\n", _("Fibresim: training simulator for fibre optic technicians."));
    fprintf(out, "%s\n", _("Usage: fibresim [COMMAND] [OPTIONS] [ARGS]"));
    fprintf(out, "%s\n\n", _("Without a command, the simulator window opens (same as \"fibresim run\")."));
    fprintf(out, "%s\n", _("Commands:"));
    for (int i = 0; cli_commands[i]; i++) {
        fprintf(out, "  %-16s %s\n", cli_commands[i]->name, _(cli_commands[i]->summary));
    }
    fprintf(out, "\n%s\n", _("\"fibresim COMMAND --help\" describes each command."));
}

/* Matches argv[1..] against command names, which may have two words. */
static const CliCommand *find_command(int argc, char **argv, int *consumed)
{
    const CliCommand *best = NULL;
    int best_words = 0;
    for (int i = 0; cli_commands[i]; i++) {
        const char *name = cli_commands[i]->name;
        const char *space = strchr(name, ' ');
        if (!space) {
            if (argc > 1 && strcmp(argv[1], name) == 0 && best_words < 1) {
                best = cli_commands[i];
                best_words = 1;
            }
        } else if (argc > 2) {
            size_t first = (size_t)(space - name);
            if (strlen(argv[1]) == first && strncmp(argv[1], name, first) == 0
                && strcmp(argv[2], space + 1) == 0) {
                best = cli_commands[i];
                best_words = 2;
            }
        }
    }
    *consumed = best_words;
    return best;
}

int cli_main(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0)) {
        print_overview(stdout);
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("fibresim %s\n", fs_version());
        return 0;
    }
    int consumed = 0;
    const CliCommand *cmd = find_command(argc, argv, &consumed);
    char *run_argv[2] = {argv[0], (char *)"run"};
    if (!cmd && (argc == 1 || argv[1][0] == '-')) {
        /* No command: the simulator itself, with any options given. */
        cmd = find_command(2, run_argv, &consumed);
        consumed = 0;
    }
    if (!cmd) {
        /* A group word alone ("calc", "sor") lists its sub-commands. */
        bool group = false;
        for (int i = 0; argc > 1 && cli_commands[i]; i++) {
            const char *name = cli_commands[i]->name;
            size_t n = strlen(argv[1]);
            if (strncmp(name, argv[1], n) == 0 && name[n] == ' ') {
                if (!group) {
                    fprintf(stderr, _("fibresim %s needs a sub-command:\n"), argv[1]);
                }
                group = true;
                fprintf(stderr, "  fibresim %-16s %s\n", name, _(cli_commands[i]->summary));
            }
        }
        if (!group) {
            fprintf(stderr, _("fibresim: unknown command \"%s\"\n\n"), argc > 1 ? argv[1] : "");
            print_overview(stderr);
        }
        return 2;
    }
    CliArgs a;
    memset(&a, 0, sizeof a);
    a.cmd = cmd;
    bool only_pos = false;
    for (int i = 1 + consumed; i < argc; i++) {
        const char *arg = argv[i];
        if (!only_pos && strcmp(arg, "--") == 0) {
            only_pos = true;
            continue;
        }
        if (!only_pos && (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)) {
            cli_print_help(cmd, false);
            return 0;
        }
        const char *alias = !only_pos && arg[0] == '-' && arg[1] && arg[1] != '-' && !arg[2]
                                ? short_to_long(cmd, arg[1])
                                : NULL;
        size_t alias_len = alias ? strlen(alias) : 0;
        if (alias || (!only_pos && arg[0] == '-' && arg[1] == '-' && arg[2])) {
            const char *name = alias ? alias : arg + 2;
            const char *eq = alias ? NULL : strchr(name, '=');
            size_t len = alias ? alias_len : eq ? (size_t)(eq - name) : strlen(name);
            int k = option_index(cmd, name, len);
            if (k < 0) {
                fprintf(stderr, _("fibresim %s: unknown option \"%s\"\n\n"), cmd->name, arg);
                cli_print_help(cmd, true);
                return 2;
            }
            if (cmd->options[k].kind == CLI_VALUE) {
                if (eq) {
                    a.values[k] = eq + 1;
                } else if (i + 1 < argc) {
                    a.values[k] = argv[++i];
                } else {
                    fprintf(stderr, _("fibresim %s: option --%s needs a value\n"), cmd->name, cmd->options[k].name);
                    return 2;
                }
            } else if (eq) {
                fprintf(stderr, _("fibresim %s: option --%s takes no value\n"), cmd->name, cmd->options[k].name);
                return 2;
            }
            a.set[k] = true;
            continue;
        }
        if (a.npos >= CLI_MAX_POSITIONAL) {
            fprintf(stderr, _("fibresim %s: too many arguments\n"), cmd->name);
            return 2;
        }
        a.pos[a.npos++] = arg;
    }
    if (a.npos < cmd->min_pos || (cmd->max_pos >= 0 && a.npos > cmd->max_pos)) {
        fprintf(stderr, _("fibresim %s: wrong number of arguments\n\n"), cmd->name);
        cli_print_help(cmd, true);
        return 2;
    }
    return cmd->run(&a);
}
