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
 *
 * --events FILE|DIR measures the exercise screen part-way through attempts
 * (exercise_preset.h): one row per file, named after it, e.g. every step of
 * a splice from the files the splice render tests write.
 */
#include <SDL.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "app.h"
#include "cli.h"
#include "exercise_preset.h"
#include "headless.h"
#include "i18n.h"

static const CliOption options[] = {
    {"frames", CLI_VALUE, "N", N_("Frames per screen (default 300)")},
    {"size", CLI_VALUE, "WxH", N_("Picture size in pixels (default 1280x720)")},
    {"scene", CLI_VALUE, "NAME", N_("Only this screen (default: every screen)")},
    {"lang", CLI_VALUE, "fr|en", N_("Language (default fr)")},
    {"data", CLI_VALUE, "DIR", N_("Data folder")},
    {"scenarios", CLI_VALUE, "DIR", N_("Folder of scenarios")},
    {"scenario", CLI_VALUE, "FILE", N_("Scenario of the exercise screen (default: the first one found)")},
    {"events", CLI_VALUE, "FILE|DIR", N_("Exercise screen part-way through attempts: a preset file or a folder of them")},
    {"seed", CLI_VALUE, "N", N_("Exercise screen: the attempt's seed (default: the preset's, else 1)")},
    {"frame-events", CLI_VALUE, "FILE", N_("Exercise screen: input events played one per measured frame, in a loop (e.g. focus steps)")},
    {"drag", CLI_FLAG, NULL, N_("Hold the mouse at the middle of the window and drag it sideways during the frames")},
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

typedef struct Timing {
    double *ms, *cpu;       /* one per frame (owned by run) */
    size_t cap;             /* entries of ms and cpu */
    const InputLog *per_frame; /* exercise: events played one per frame, in a loop (borrowed) */
    const char *seed;       /* --seed, or NULL */
    bool drag;              /* --drag: a mouse drag across the middle during the frames */
    size_t frames;
    double first_frame_ms;  /* since start, -1 until the first frame */
    Uint64 t0;
    double freq;
} Timing;

/* --drag: a press at the middle, then 6 px per frame back and forth over
 * 120 px, so the picture changes every frame as under a trainee's finger.
 * Counted in the frame's time. */
static void drag_step(App *app, size_t f)
{
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

/* Draws the open scene id for up to t->frames frames and prints its row.
 * loading: only while the scene waits for its background work, paced at
 * 60 frames per second as the window's loop is (the work shares the CPU
 * with the frames), printing how long the wait took. */
static void measure(App *app, SceneId id, const char *name, Timing *t, bool loading)
{
    size_t done = 0;
    Uint64 wait0 = SDL_GetPerformanceCounter();
    size_t max_frames = loading ? t->cap : t->frames;
    for (size_t f = 0; f < max_frames && app->scene == id && (!loading || app->busy); f++) {
        double c0 = thread_cpu_ms();
        Uint64 a0 = SDL_GetPerformanceCounter();
        if (id == SCENE_EXERCISE && t->per_frame && t->per_frame->count > 0) {
            /* what the trainee does during this frame, measured with it */
            exercise_inject(app, &t->per_frame->items[f % t->per_frame->count], 1);
        }
        if (t->drag) {
            drag_step(app, f);
        }
        app_frame(app, 1.0 / 60.0);
        Uint64 a1 = SDL_GetPerformanceCounter();
        t->cpu[done] = thread_cpu_ms() - c0;
        t->ms[done++] = (double)(a1 - a0) * 1000.0 / t->freq;
        if (getenv("FIBRESIM_BENCH_TRACE") && (t->ms[done - 1] > 2.0 || t->cpu[done - 1] > 2.0)) {
            fprintf(stderr, "frame %zu: %.2f ms (cpu %.2f ms)\n", f, t->ms[done - 1], t->cpu[done - 1]);
        }
        if (t->first_frame_ms < 0) t->first_frame_ms = (double)(a1 - t->t0) * 1000.0 / t->freq;
        app->switching = false; /* stay on this screen */
        double spent_ms = (double)(SDL_GetPerformanceCounter() - a0) * 1000.0 / t->freq;
        if (loading && spent_ms < 1000.0 / 60.0) {
            SDL_Delay((Uint32)(1000.0 / 60.0 - spent_ms));
        }
    }
    if (loading) {
        printf("%s: background work took %.2f s, %zu frames drawn meanwhile\n", name,
               (double)(SDL_GetPerformanceCounter() - wait0) / t->freq, done);
    }
    if (done == 0) return;
    qsort(t->ms, done, sizeof *t->ms, cmp_double);
    qsort(t->cpu, done, sizeof *t->cpu, cmp_double);
    printf("%-14s %7zu %8.2f %8.2f %8.2f %11.2f %11.2f\n", name, done, percentile(t->ms, done, 50),
           percentile(t->ms, done, 99), t->ms[done - 1], percentile(t->cpu, done, 50), percentile(t->cpu, done, 99));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The exercise screen replaying one preset file, with the scenario it names
 * unless scenario (--scenario) is given. Returns false if it cannot. */
static bool measure_preset(App *app, const char *path, const char *scenario, Timing *t)
{
    ExercisePreset p;
    char err[512];
    if (!exercise_preset_load(path, &p, err, sizeof err)
        || (t->seed && !exercise_preset_set_seed(&p, t->seed, err, sizeof err))) {
        fprintf(stderr, "fibresim bench: %s\n", err);
        exercise_preset_finish(&p);
        return false;
    }
    if (!headless_prepare(app, SCENE_EXERCISE, scenario ? scenario : p.scenario[0] ? p.scenario : NULL)) {
        exercise_preset_finish(&p);
        return false;
    }
    app->preset = &p;
    bool ok = app_open_scene(app, SCENE_EXERCISE) && app->scene == SCENE_EXERCISE;
    app->preset = NULL;
    if (ok) {
        /* the row is named after the file, without folder and ".json" */
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(strlen(base) > 5 && strcmp(base + strlen(base) - 5, ".json") == 0
                                                        ? strlen(base) - 5 : strlen(base)), base);
        measure(app, SCENE_EXERCISE, name, t, false);
    }
    /* the next scene must not keep a pointer to the preset */
    app_open_scene(app, SCENE_START);
    exercise_preset_finish(&p);
    return ok;
}

/* Every *.json of a folder in name order, or the one file. */
static bool measure_presets(App *app, const char *path, const char *scenario, Timing *t)
{
    DIR *d = opendir(path);
    if (!d) return measure_preset(app, path, scenario, t);
    char *names[512];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 512) {
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
            size_t need = strlen(path) + l + 2;
            names[n] = malloc(need);
            if (names[n]) snprintf(names[n++], need, "%s/%s", path, e->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    bool ok = n > 0;
    for (size_t i = 0; i < n; i++) {
        ok = measure_preset(app, names[i], scenario, t) && ok;
        free(names[i]);
    }
    if (n == 0) fprintf(stderr, _("fibresim bench: no .json file in %s\n"), path);
    return ok;
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
    /* room for the frames of a background wait too: up to 10 minutes */
    size_t cap = frames > 36000 ? frames : 36000;
    double *ms = malloc(cap * sizeof *ms);
    double *cpu = malloc(cap * sizeof *cpu);
    if (!app || !ms || !cpu) {
        fprintf(stderr, "fibresim: %s\n", app ? "out of memory" : err);
        free(ms);
        free(cpu);
        app_destroy(app);
        SDL_Quit();
        return 1;
    }
    printf("%-14s %7s %8s %8s %8s %11s %11s\n", "screen", "frames", "p50_ms", "p99_ms", "max_ms", "cpu_p50_ms",
           "cpu_p99_ms");
    ExercisePreset per_frame, seeded;
    memset(&per_frame, 0, sizeof per_frame);
    memset(&seeded, 0, sizeof seeded);
    const char *per_frame_file = cli_value(a, "frame-events");
    if (per_frame_file && !exercise_preset_load(per_frame_file, &per_frame, err, sizeof err)) {
        fprintf(stderr, "fibresim bench: %s\n", err);
        free(ms);
        free(cpu);
        app_destroy(app);
        SDL_Quit();
        return 2;
    }
    Timing t = {.ms = ms, .cpu = cpu, .per_frame = &per_frame.events, .seed = cli_value(a, "seed"), .drag = cli_flag(a, "drag"),
                .frames = frames, .cap = cap, .first_frame_ms = -1.0, .t0 = t0, .freq = freq};
    if (t.seed && !exercise_preset_set_seed(&seeded, t.seed, err, sizeof err)) {
        fprintf(stderr, "fibresim bench: %s\n", err);
        t.seed = NULL;
    }
    int rc = 0;
    const char *events = cli_value(a, "events");
    if (events) {
        /* the exercise screen only, at each preset */
        if (!measure_presets(app, events, cli_value(a, "scenario"), &t)) {
            rc = 1;
        }
    }
    for (int s = 0; s < SCENE_COUNT && !events; s++) {
        if (only >= 0 && s != only) continue;
        SceneId id = (SceneId)s;
        /* --seed alone: a fresh attempt with that seed */
        app->preset = (id == SCENE_EXERCISE && t.seed) ? &seeded : NULL;
        if (!headless_prepare(app, id, s == SCENE_EXERCISE ? cli_value(a, "scenario") : NULL)
            || !app_open_scene(app, id) || app->scene != id) {
            printf("%-14s %7s\n", app_scene_def(id)->name, "skipped");
            app->preset = NULL;
            rc = 1;
            continue;
        }
        if (app->busy) {
            char loading[64];
            snprintf(loading, sizeof loading, "%s-loading", app_scene_def(id)->name);
            measure(app, id, loading, &t, true);
        }
        measure(app, id, app_scene_def(id)->name, &t, false);
        app->preset = NULL;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("start to first frame: %.0f ms\n", t.first_frame_ms);
    printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    free(ms);
    free(cpu);
    exercise_preset_finish(&per_frame);
    exercise_preset_finish(&seeded);
    app_destroy(app);
    SDL_Quit();
    return rc;
}

const CliCommand cmd_bench = {
    "bench", "", N_("Measure frame times of every screen (software renderer, no display)"), options, 0, 0, run,
};
