/*
 * cli.h - the command-line tools: one option table per command, used both to
 * parse the arguments and to print --help, so the two never disagree.
 */
#ifndef FIBRESIM_CLI_H
#define FIBRESIM_CLI_H

#include <stdbool.h>
#include <stddef.h>

typedef enum CliArgKind { CLI_FLAG, CLI_VALUE } CliArgKind;

typedef struct CliOption {
    const char *name;      /* long name without "--" */
    CliArgKind kind;
    const char *value_name; /* e.g. "DIR" (CLI_VALUE only) */
    const char *help;      /* one line, English (translated with gettext at print) */
} CliOption;

#define CLI_MAX_OPTIONS 32
#define CLI_MAX_POSITIONAL 256

typedef struct CliArgs {
    const struct CliCommand *cmd;
    const char *values[CLI_MAX_OPTIONS]; /* value of option i (borrowed from argv) */
    bool set[CLI_MAX_OPTIONS];
    const char *pos[CLI_MAX_POSITIONAL];
    int npos;
} CliArgs;

typedef struct CliCommand {
    const char *name;          /* "validate"; "calc splice" style names use a space */
    const char *args;          /* positional synopsis, e.g. "FILE..." */
    const char *summary;       /* one line */
    const CliOption *options;  /* terminated by name == NULL */
    int min_pos, max_pos;      /* positional count limits (-1 = no max) */
    int (*run)(const CliArgs *a);
} CliCommand;

/* One-letter aliases of long options ("-o FILE" for "--output FILE") are
 * listed one per line in src/cli/short_options.def as
 * SHORT("command name", 'o', "output"): a plain list that merges without
 * conflicts, and --help shows them next to their long name. */

/* Option value or NULL if not given. */
const char *cli_value(const CliArgs *a, const char *name);
bool cli_flag(const CliArgs *a, const char *name);
/* Parses a number option; returns false and prints an error if malformed. */
bool cli_double(const CliArgs *a, const char *name, double def, double *out);

/* Entry point for "fibresim <command> ...". Returns the exit code. */
int cli_main(int argc, char **argv);
void cli_print_help(const CliCommand *c, bool to_stderr);

/* Every command, defined in its own file. */
extern const CliCommand *const cli_commands[];

#endif
