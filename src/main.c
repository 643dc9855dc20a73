/*
 * main.c - the fibresim program: the simulator window and the command-line
 * tools in one binary. All the work is in the core library, src/cli and
 * src/app; this only sets up translations and dispatches.
 */
#include "cli.h"
#include "fibresim/json_arena.h"
#include "i18n.h"

int main(int argc, char **argv)
{
    json_arena_install(); /* before any thread: cJSON's allocator is process-wide */
    i18n_init(argc > 0 ? argv[0] : NULL);
    return cli_main(argc, argv);
}
