/*
 * bench_splice_scenes.c - frame times of the splice exercise at each of its
 * states: a scripted trainee (tests/splice_states.h) brings an attempt to
 * every state through the core, each is saved as an exercise preset, and
 * "fibresim bench --events DIR" draws each one for N frames headless with
 * the software renderer. Then once more with the still bench redrawn every
 * frame (FIBRESIM_SPLICE_REDRAW_STILL=1): what a frame costs while the
 * camera glides from one station to the next.
 *
 * argv: fibresim-binary out-dir [frames]
 * Needs $FIBRESIM_SOURCE_ROOT (the scenarios).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "splice_states.h"

static int run(const char *cmd)
{
    fflush(stdout);
    int rc = system(cmd);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_splice_scenes FIBRESIM OUT-DIR [FRAMES]\n");
        return 2;
    }
    const char *exe = argv[1], *dir = argv[2];
    int frames = argc > 3 ? atoi(argv[3]) : 300;
    mkdir(dir, 0755);
    for (int i = 0; splice_state_names[i]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.json", dir, splice_state_names[i]);
        if (!splice_state_write(splice_state_names[i], path)) {
            fprintf(stderr, "state %s not reached\n", splice_state_names[i]);
            return 1;
        }
    }
    char data[4096], cmd[16384];
    snprintf(data, sizeof data, "%s/data", dir);
    printf("camera still (the usual frame):\n");
    snprintf(cmd, sizeof cmd, "'%s' bench --frames %d --data '%s' --events '%s'", exe, frames, data, dir);
    int rc = run(cmd);
    printf("\ncamera gliding (still bench redrawn every frame):\n");
    snprintf(cmd, sizeof cmd, "FIBRESIM_SPLICE_REDRAW_STILL=1 '%s' bench --frames %d --data '%s' --events '%s'", exe,
             frames / 3 > 30 ? frames / 3 : 30, data, dir);
    int rc2 = run(cmd);
    return rc == 0 && rc2 == 0 ? 0 : 1;
}
