/*
 * commands.c - the table of every command of the fibresim program.
 * Each command lives in its own file (cmd_<name>.c).
 */
#include "cli.h"
#ifdef FIBRESIM_GUI
#include "app_commands.h"
#endif

/* One line per command; keep sorted by name. */
const CliCommand *const cli_commands[] = {
#ifdef FIBRESIM_GUI
    &cmd_bench,
    &cmd_run,
    &cmd_screenshot,
#endif
    NULL,
};
