/*
 * commands.c - the table of every command of the fibresim program.
 * Each command lives in its own file (cmd_<name>.c).
 */
#include "cli.h"

extern const CliCommand cli_cmd_sor_dump;

/* One line per command; keep sorted by name. */
const CliCommand *const cli_commands[] = {
    &cli_cmd_sor_dump,
    NULL,
};
