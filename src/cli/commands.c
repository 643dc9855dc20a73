/*
 * commands.c - the table of every command of the fibresim program.
 * Each command lives in its own file (cmd_<name>.c).
 */
#include "cli.h"

extern const CliCommand cmd_calc_iec;

/* One line per command; keep sorted by name. */
const CliCommand *const cli_commands[] = {
    &cmd_calc_iec,
    NULL,
};
