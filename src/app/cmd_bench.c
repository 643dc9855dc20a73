/*
 * cmd_bench.c - "fibresim bench": each screen drawn headless by the software
 * renderer (what an outreach laptop with no GPU uses) for N frames; prints
 * the median and 99th percentile frame time, the time from start to the
 * first frame and the peak memory (RSS).
 *
 * Each frame advances the clock by 1/60 s, so the exercise screen also runs
 * its 100 Hz ticks inside the measured time, as it does live.
 *
 * Wall-clock times include any time the system gave the CPU to other
 * programs; the thread's CPU time per frame (cpu_ columns) does not, which
 * tells a busy machine from a slow frame.
 */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "app.h"
#include "cli.h"
#include "headless.h"
#include "i18n.h"

static const CliOption options[] = {
    {"frames", CLI_VALUE, "N", N_("Frames per screen (default 300)")},
    {"size", CLI_VALUE, "WxH", N_("Picture size in pixels (default 1280x720)")},
    {"scene", CLI_VALUE, "NAME", N_("Only this screen (default: every screen)")},
    {"lang", CLI_VALUE, "fr|en", N_("Language (default fr)")},
    {"scenario", CLI_VALUE, "FILE", N_("Scenario to show (default: the first one found)")},
    {"events", CLI_VALUE, "FILE", N_("Exercise screen: JSON array of input events to play first (as in a record)")},
    {"seed", CLI_VALUE, "N", N_("Exercise screen: the attempt's seed (default: random)")},
    {"drag", CLI_FLAG, NULL, N_("Hold the mouse at the middle of the window and drag it sideways during the frames")},
    {"data", CLI_VALUE, "DIR", N_("Data folder")},
    {"scenarios", CLI_VALUE, "DIR", N_("Folder of scenarios")},
    {NULL, CLI_FLAG, NULL, NULL},
};

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}

/* Nearest-rank percentile of sorted values. */
static double percentile(const double *sorted, size_t n, double p)
{
    size_t rank = (size_t)(p / 100.0 * (double)n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return sorted[rank - 1];
}

static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int run(const CliArgs *a)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    double freq = (double)SDL_GetPerformanceFrequency();
    double nf = 300;
    if (!cli_double(a, "frames", 300, &nf)) return 2;
    if (nf < 1 || nf > 100000) {
        fprintf(stderr, _("fibresim bench: --frames must be between 1 and 100000\n"));
        return 2;
    }
    size_t frames = (size_t)nf;
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.headless = true;
    o.lang = cli_value(a, "lang") ? cli_value(a, "lang") : "fr";
    o.data_dir = cli_value(a, "data");
    o.scenarios_dir = cli_value(a, "scenarios");
    const char *size = cli_value(a, "size");
    if (size && !headless_parse_size(size, &o.width, &o.height)) {
        fprintf(stderr, _("fibresim bench: --size needs WIDTHxHEIGHT, e.g. 1280x720, got \"%s\"\n"), size);
        return 2;
    }
    int only = -1;
    const char *scene = cli_value(a, "scene");
    if (scene) {
        SceneId id;
        if (!app_scene_by_name(scene, &id)) {
            fprintf(stderr, _("fibresim bench: unknown screen \"%s\"\n"), scene);
            return 2;
        }
        only = (int)id;
    }
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "fibresim: %s\n", SDL_GetError());
        return 1;
    }
    char err[512] = "";
    App *app = app_create(&o, err, sizeof err);
    double *ms = malloc(frames * sizeof *ms);
    double *cpu = malloc(frames * sizeof *cpu);
    if (!app || !ms || !cpu) {
        fprintf(stderr, "fibresim: %s\n", app ? "out of memory" : err);
        free(ms);
        free(cpu);
        app_destroy(app);
        SDL_Quit();
        return 1;
    }
    printf("%-10s %7s %8s %8s %8s %11s %11s\n", "screen", "frames", "p50_ms", "p99_ms", "max_ms", "cpu_p50_ms",
           "cpu_p99_ms");
    double first_frame_ms = -1;
    int rc = 0;
    if (!headless_preset(app, cli_value(a, "events"), cli_value(a, "seed"))) {
        free(ms);
        free(cpu);
        app_destroy(app);
        SDL_Quit();
        return 2;
    }
    const char *scenario_file = cli_value(a, "scenario");
    for (int s = 0; s < SCENE_COUNT; s++) {
        if (only >= 0 && s != only) continue;
        SceneId id = (SceneId)s;
        if (!headless_prepare(app, id, scenario_file) || !app_open_scene(app, id) || app->scene != id) {
            printf("%-10s %7s\n", app_scene_def(id)->name, "skipped");
            rc = 1;
            continue;
        }
        size_t done = 0;
        bool drag = cli_flag(a, "drag");
        for (size_t f = 0; f < frames && app->scene == id; f++) {
            double c0 = thread_cpu_ms();
            Uint64 a0 = SDL_GetPerformanceCounter();
            if (drag) {
                /* A press at the middle, then 6 px per frame back and forth
                 * over 120 px: the picture changes every frame, as under a
                 * trainee's finger. Counted in the frame's time. */
                SDL_Event ev;
                memset(&ev, 0, sizeof ev);
                int cx = app->w / 2, cy = app->h / 2;
                int phase = (int)(f % 40), off = phase < 20 ? phase * 6 : (40 - phase) * 6;
                if (f == 0) {
                    ev.type = SDL_MOUSEBUTTONDOWN;
                    ev.button.button = SDL_BUTTON_LEFT;
                    ev.button.state = SDL_PRESSED;
                    ev.button.x = cx;
                    ev.button.y = cy;
                } else {
                    ev.type = SDL_MOUSEMOTION;
                    ev.motion.state = SDL_BUTTON_LMASK;
                    ev.motion.x = cx - 60 + off;
                    ev.motion.y = cy;
                }
                app_event(app, &ev);
            }
            app_frame(app, 1.0 / 60.0);
            Uint64 a1 = SDL_GetPerformanceCounter();
            cpu[done] = thread_cpu_ms() - c0;
            ms[done++] = (double)(a1 - a0) * 1000.0 / freq;
            if (getenv("FIBRESIM_BENCH_TRACE") && ms[done - 1] > 2.0) fprintf(stderr, "frame %zu: %.2f ms\n", f, ms[done - 1]);
            if (first_frame_ms < 0) first_frame_ms = (double)(a1 - t0) * 1000.0 / freq;
            app->switching = false; /* stay on this screen */
        }
        qsort(ms, done, sizeof *ms, cmp_double);
        qsort(cpu, done, sizeof *cpu, cmp_double);
        printf("%-10s %7zu %8.2f %8.2f %8.2f %11.2f %11.2f\n", app_scene_def(id)->name, done, percentile(ms, done, 50),
               percentile(ms, done, 99), ms[done - 1], percentile(cpu, done, 50), percentile(cpu, done, 99));
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("start to first frame: %.0f ms\n", first_frame_ms);
    printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    free(ms);
    free(cpu);
    app_destroy(app);
    SDL_Quit();
    return rc;
}

const CliCommand cmd_bench = {
    "bench", "", N_("Measure frame times of every screen (software renderer, no display)"), options, 0, 0, run,
};
