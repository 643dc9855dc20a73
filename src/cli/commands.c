/*
 * commands.c - the table of every command of the fibresim program.
 * Each command lives in its own file (cmd_<name>.c).
 */
#include "cli.h"

/* One line per command; keep sorted by name. */
const CliCommand *const cli_commands[] = {
    NULL,
};
