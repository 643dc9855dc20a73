/*
 * commands.c - the table of every command of the fibresim program.
 * Each command lives in its own file (cmd_<name>.c) and is listed once, one
 * line each, in commands.def (a plain list so that branches adding commands
 * merge without conflicts).
 */
#include "cli.h"

#define COMMAND(sym) extern const CliCommand sym;
#include "commands.def"
#undef COMMAND

const CliCommand *const cli_commands[] = {
#define COMMAND(sym) &sym,
#include "commands.def"
#undef COMMAND
    NULL,
};
