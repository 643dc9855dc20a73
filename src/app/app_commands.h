/*
 * app_commands.h - the commands that need the SDL front end (built with
 * -Dgui=true): the simulator, screenshots and the frame-time benchmark.
 */
#ifndef FIBRESIM_APP_COMMANDS_H
#define FIBRESIM_APP_COMMANDS_H

#include "cli.h"

extern const CliCommand cmd_bench;
extern const CliCommand cmd_run;
extern const CliCommand cmd_screenshot;

#endif
