/*
 * commands.c - the table of every command of the fibresim program.
 * Each command lives in its own file (cmd_<name>.c) and is listed once, one
 * line each, in commands.def (a plain list so that branches adding commands
 * merge without conflicts). The front end's commands (they need SDL) are
 * listed in src/app/app_commands.def and exist only with -Dgui=true.
 */
#include "cli.h"

#define COMMAND(sym) extern const CliCommand sym;
#include "commands.def"
#ifdef FIBRESIM_GUI
#include "app_commands.def"
#endif
#undef COMMAND

const CliCommand *const cli_commands[] = {
#define COMMAND(sym) &sym,
#include "commands.def"
#ifdef FIBRESIM_GUI
#include "app_commands.def"
#endif
#undef COMMAND
    NULL,
};
