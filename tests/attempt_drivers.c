/*
 * attempt_drivers.c - see attempt_drivers.h. One scripted trainee per module
 * with a driver (the OTDR one in attempt_driver_otdr.c), all steering the
 * real modules through attempt_step().
 */
#include "attempt_drivers.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "endface_judge.h"
#include "fibresim/core.h"
#include "fibresim/endface.h"
#include "fibresim/endface_state.h"
#include "fibresim/rng.h"
#include "fibresim/tutorial.h"
#include "attempt_driver_otdr.h"
#include "splice_bot.h"

/* ---- loading the shipped scenarios ------------------------------------------------ */

static const char *const driven_modules[] = {"tutorial", "splice", "endface", "otdr", NULL};

static int cmp_scn(const void *a, const void *b)
{
    return strcmp((*(Scenario *const *)a)->source, (*(Scenario *const *)b)->source);
}

Scenario **drivers_load_scenarios(const char *root, size_t *count)
{
    *count = 0;
    if (!root) {
        root = getenv("FIBRESIM_SOURCE_ROOT");
    }
    if (!root) {
        root = ".";
    }
    size_t n = 0, cap = 32;
    Scenario **list = malloc(cap * sizeof *list);
    bool ok = list != NULL;
    for (size_t m = 0; ok && driven_modules[m]; m++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/scenarios/%s", root, driven_modules[m]);
        DIR *d = opendir(dir);
        if (!d) {
            fprintf(stderr, "cannot open %s\n", dir);
            ok = false;
            break;
        }
        struct dirent *e;
        while (ok && (e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (e->d_name[0] == '.' || l < 6 || strcmp(e->d_name + l - 5, ".json") != 0) {
                continue;
            }
            char path[1400];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            DiagList dl;
            diag_list_init(&dl);
            Scenario *s = scenario_load_file(path, &dl);
            if (!s) {
                diag_print(&dl, path, stderr);
                ok = false;
            } else if (n == cap) {
                cap *= 2;
                Scenario **more = realloc(list, cap * sizeof *more);
                if (!more) {
                    scenario_destroy(s);
                    ok = false;
                } else {
                    list = more;
                }
            }
            if (ok) {
                list[n++] = s;
            }
            diag_list_finish(&dl);
        }
        closedir(d);
    }
    if (!ok) {
        drivers_free_scenarios(list, n);
        return NULL;
    }
    qsort(list, n, sizeof *list, cmp_scn);
    *count = n;
    return list;
}

void drivers_free_scenarios(Scenario **list, size_t count)
{
    for (size_t i = 0; list && i < count; i++) {
        scenario_destroy(list[i]);
    }
    free(list);
}

bool driver_supports(const Scenario *scn)
{
    for (size_t m = 0; driven_modules[m]; m++) {
        if (strcmp(scn->module->name, driven_modules[m]) == 0) {
            return true;
        }
    }
    return false;
}

/* ---- stepping helpers shared by the tutorial and endface trainees -------------------- */

static bool running(const Attempt *a)
{
    return attempt_status(a) == ATTEMPT_RUNNING;
}

static void step(Attempt *a, const InputEvent *ev, size_t n)
{
    if (running(a)) {
        attempt_step(a, ev, n);
    }
}

static void idle(Attempt *a, int ticks)
{
    for (int i = 0; i < ticks && running(a); i++) {
        step(a, NULL, 0);
    }
}

static void choose(Attempt *a, const char *id, int after)
{
    InputEvent e = input_choice(0, id);
    step(a, &e, 1);
    idle(a, after);
}

static void press_key(Attempt *a, InputAction action, int after)
{
    InputEvent e = input_key(0, action);
    step(a, &e, 1);
    idle(a, after);
}

/* Press at (x0, y0), one move per tick along the line with a hand tremor of
 * `shake` mm, release at (x1, y1). */
static void line(Attempt *a, Rng *r, double x0, double y0, double x1, double y1, int ticks, double shake)
{
    InputEvent e = input_pointer(0, INPUT_POINTER_DOWN, 0, x0, y0);
    step(a, &e, 1);
    for (int k = 1; k <= ticks; k++) {
        double f = (double)k / ticks;
        double jx = k < ticks ? shake * rng_normal(r) : 0.0, jy = k < ticks ? shake * rng_normal(r) : 0.0;
        e = input_pointer(0, INPUT_POINTER_MOVE, 0, x0 + f * (x1 - x0) + jx, y0 + f * (y1 - y0) + jy);
        step(a, &e, 1);
    }
    e = input_pointer(0, INPUT_POINTER_UP, 0, x1, y1);
    step(a, &e, 1);
}

/* ---- tutorial ----------------------------------------------------------------------- */

static void tutorial_task(Attempt *a, Rng *r, const TutorialTask *t, double skill, bool hints)
{
    double miss = (1.0 - skill) * 12.0; /* mm of aim error for a shaky hand */
    if (hints && rng_chance(r, 0.3 * (1.0 - skill))) {
        press_key(a, ACTION_HINT, 30);
    }
    switch (t->kind) {
    case TUTORIAL_DRAG: {
        double dx = miss * rng_normal(r), dy = miss * rng_normal(r);
        line(a, r, t->from_mm[0], t->from_mm[1], t->to_mm[0] + dx, t->to_mm[1] + dy, 40 + (int)rng_below(r, 60),
             0.3 + miss * 0.05);
        break;
    }
    case TUTORIAL_PULL: {
        double len = hypot(t->to_mm[0] - t->from_mm[0], t->to_mm[1] - t->from_mm[1]);
        double speed = rng_range(r, 0.6, 1.4) * 0.5 * (t->speed_min_mm_s + t->speed_max_mm_s);
        int ticks = (int)(len / speed * FS_TICK_HZ);
        line(a, r, t->from_mm[0], t->from_mm[1], t->to_mm[0], t->to_mm[1], ticks < 5 ? 5 : ticks,
             0.2 + miss * 0.1);
        break;
    }
    case TUTORIAL_WIPE: {
        int strokes = t->strokes + (rng_chance(r, 1.0 - skill) ? (int)rng_below(r, 3) - 1 : 0);
        bool vertical = t->direction == TUTORIAL_DIR_UP || t->direction == TUTORIAL_DIR_DOWN;
        bool reverse = t->direction == TUTORIAL_DIR_LEFT || t->direction == TUTORIAL_DIR_UP;
        for (int k = 0; k < strokes && running(a); k++) {
            double f = (k + 0.5) / (strokes > 0 ? strokes : 1);
            double across0 = vertical ? t->from_mm[0] : t->from_mm[1];
            double across1 = vertical ? t->to_mm[0] : t->to_mm[1];
            double c = across0 + f * (across1 - across0);
            double s0 = vertical ? t->from_mm[1] : t->from_mm[0], s1 = vertical ? t->to_mm[1] : t->to_mm[0];
            bool back = rng_chance(r, 0.15 * (1.0 - skill)); /* the wrong way once */
            if (reverse != back) {
                double tmp = s0;
                s0 = s1;
                s1 = tmp;
            }
            int ticks = 30 + (int)rng_below(r, 30);
            if (vertical) {
                line(a, r, c, s0, c, s1, ticks, 0.3);
            } else {
                line(a, r, s0, c, s1, c, ticks, 0.3);
            }
            idle(a, 5 + (int)rng_below(r, 20));
        }
        break;
    }
    case TUTORIAL_ADJUST: {
        /* Coarse steps toward the target, then fine steps; a clumsy trainee
         * stops one fine step short. */
        double v = t->start;
        for (int guard = 0; guard < 200 && fabs(t->target - v) >= t->step_coarse && running(a); guard++) {
            press_key(a, t->target > v ? ACTION_RIGHT : ACTION_LEFT, 3 + (int)rng_below(r, 10));
            v += t->target > v ? t->step_coarse : -t->step_coarse;
        }
        int short_by = rng_chance(r, 1.0 - skill) ? 1 : 0;
        for (int guard = 0; guard < 200 && fabs(t->target - v) > 1e-9 && running(a); guard++) {
            if (short_by && fabs(t->target - v) <= t->step_fine + 1e-9) {
                break;
            }
            press_key(a, t->target > v ? ACTION_FINE_PLUS : ACTION_FINE_MINUS, 3 + (int)rng_below(r, 10));
            v += t->target > v ? t->step_fine : -t->step_fine;
        }
        break;
    }
    case TUTORIAL_CHOOSE: {
        char id[INPUT_CHOICE_MAX];
        if (t->n_answers > 1 && rng_chance(r, 0.5 * (1.0 - skill))) {
            size_t wrong = (t->correct + 1 + (size_t)rng_below(r, t->n_answers - 1)) % t->n_answers;
            snprintf(id, sizeof id, "answer:%s", t->answers[wrong].id);
            choose(a, id, 50);
        }
        snprintf(id, sizeof id, "answer:%s", t->answers[t->correct].id);
        choose(a, id, 20);
        break;
    }
    default:
        break;
    }
    idle(a, 20 + (int)rng_below(r, 80));
    choose(a, "next", 20);
}

static void tutorial_run(Attempt *a, Rng *r, uint64_t style)
{
    const Scenario *scn = attempt_scenario(a);
    const TutorialSetup *setup = scn->setup;
    double skill = style == 0 ? 1.0 : rng_range(r, 0.2, 1.0);
    idle(a, 50 + (int)rng_below(r, 150)); /* reading the instructions */
    /* One trainee in ten gives up part-way (the attempt is then abandoned). */
    size_t stop_after = style != 0 && rng_chance(r, 0.1) ? (size_t)rng_below(r, setup->n_tasks) : setup->n_tasks;
    for (size_t i = 0; i < stop_after && running(a); i++) {
        tutorial_task(a, r, &setup->tasks[i], skill, scn->hints);
    }
}

/* ---- splice ------------------------------------------------------------------------- */

static void splice_run(Attempt *a, Rng *r, uint64_t style)
{
    static const unsigned flags[] = {BOT_FORGET_SLEEVE, BOT_STRIP_SHORT,  BOT_STRIP_LONG,  BOT_SKIP_CLEAN,
                                     BOT_TOUCH_GLASS,   BOT_CLEAVE_OFF,   BOT_LEAVE_OFFCUT, BOT_ACCEPT_ALWAYS,
                                     BOT_SLEEVE_OFF,    BOT_TIGHT_COIL,   BOT_SHORT_HEAT};
    Bot b;
    memset(&b, 0, sizeof b);
    b.a = a;
    b.b = splice_bench();
    b.left_offcut = -1;
    b.strip_mm = 35.0;
    if (style != 0) {
        /* At most two mistakes: the bot's mistakes are written one at a time,
         * and a careless trainee in the trade makes one or two, not all. */
        size_t n_flags = sizeof flags / sizeof flags[0];
        int how_many = (int)rng_below(r, 3);
        for (int k = 0; k < how_many; k++) {
            b.mistakes |= flags[rng_below(r, n_flags)];
        }
        b.pull_mm_per_tick = rng_range(r, 0.45, 0.75);
    }
    bot_run(&b);
}

/* ---- endface ------------------------------------------------------------------------ */

typedef struct EfBot {
    Attempt *a;
    Rng *r;
    double skill;
    int wipe_cell;
    bool lane_used[2];
} EfBot;

static void ef_drag(EfBot *b, const double *xy, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        InputKind k = i == 0 ? INPUT_POINTER_DOWN : i + 1 == n ? INPUT_POINTER_UP : INPUT_POINTER_MOVE;
        InputEvent e = input_pointer(0, k, 0, xy[2 * i], xy[2 * i + 1]);
        step(b->a, &e, 1);
        idle(b->a, 2);
    }
    idle(b->a, 10 + (int)rng_below(b->r, 20));
}

/* Probe on, mark the worst fault, give a verdict (sometimes the wrong one). */
static bool ef_inspect(EfBot *b, EndfaceSide side)
{
    choose(b->a, side == EF_SIDE_PATCH ? "inspect_patch" : "inspect_port", 40 + (int)rng_below(b->r, 60));
    const Endface *f = judge_face(b->a, side);
    IecGrade g;
    iec_grade(f, &g, NULL);
    if (!g.passed) {
        const EndfaceFeature *bad = &f->features[g.zones[g.first_failing_zone].fail_feature];
        InputEvent e = input_pointer(0, INPUT_POINTER_DOWN, 0, bad->x_um, bad->y_um);
        step(b->a, &e, 1);
        e = input_pointer(0, INPUT_POINTER_UP, 0, bad->x_um, bad->y_um);
        step(b->a, &e, 1);
    }
    bool says_pass = g.passed;
    if (rng_chance(b->r, 0.25 * (1.0 - b->skill))) {
        says_pass = !says_pass;
    }
    choose(b->a, says_pass ? "verdict_pass" : "verdict_fail", 20);
    return says_pass;
}

static void ef_cassette(EfBot *b)
{
    int lane = b->lane_used[0] ? 1 : 0;
    if (b->lane_used[0] && b->lane_used[1]) {
        choose(b->a, "cassette_advance", 20);
        b->lane_used[0] = b->lane_used[1] = false;
        lane = 0;
    }
    b->lane_used[lane] = true;
    double y = EF_CASSETTE_LANE_Y0_MM + lane * EF_CASSETTE_LANE_PITCH_MM + 5;
    if (rng_chance(b->r, 0.3 * (1.0 - b->skill))) {
        const double xy[] = {50, y, 80, y, 110, y, 80, y, 50, y, 80, y, 110, y, 140, y}; /* scrubbing */
        ef_drag(b, xy, 8);
    } else {
        const double xy[] = {50, y, 70, y + 0.5, 95, y + 1, 120, y + 0.5, 145, y};
        ef_drag(b, xy, 5);
    }
}

static void ef_wet_dry(EfBot *b)
{
    if (b->wipe_cell >= 15) {
        choose(b->a, "new_wipe", 20);
        b->wipe_cell = 0;
    }
    int ix = b->wipe_cell % 3, iy = b->wipe_cell / 3;
    b->wipe_cell++;
    double cx = EF_WIPE_X0_MM + 20 * ix + 10, cy = EF_WIPE_Y0_MM + 20 * iy + 10;
    const double tap[] = {cx, cy, cx + 0.3, cy};
    ef_drag(b, tap, 2);
    const double xy[] = {cx, cy, cx + 8, cy, cx + 16, cy + 0.5, cx + 25, cy};
    ef_drag(b, xy, 4);
}

static void ef_click(EfBot *b)
{
    const double xy[] = {300, 150, 300.5, 153.5, 300.3, 157};
    ef_drag(b, xy, 3);
}

static void ef_side(EfBot *b, EndfaceSide side)
{
    for (int round = 0; round < 8 && running(b->a); round++) {
        if (ef_inspect(b, side)) {
            return;
        }
        const Endface *f = judge_face(b->a, side);
        if (judge_permanent_fail(f)) {
            choose(b->a, side == EF_SIDE_PATCH ? "replace_patch" : "replace_port", 30);
            continue;
        }
        choose(b->a, side == EF_SIDE_PATCH ? "clean_patch" : "clean_port", 20);
        if (side == EF_SIDE_PORT) {
            choose(b->a, "tool_click", 20);
            ef_click(b);
        } else if (judge_has_film(f) && !rng_chance(b->r, 0.3 * (1.0 - b->skill))) {
            choose(b->a, "tool_wet", 20);
            ef_wet_dry(b);
        } else {
            choose(b->a, "tool_cassette", 20);
            ef_cassette(b);
        }
        choose(b->a, "back", 20);
    }
}

static void endface_run(Attempt *a, Rng *r, uint64_t style)
{
    EfBot b = {.a = a, .r = r, .skill = style == 0 ? 1.0 : rng_range(r, 0.2, 1.0)};
    idle(a, 100 + (int)rng_below(r, 200));
    /* A hurried trainee sometimes plugs in without looking at the port. */
    ef_side(&b, EF_SIDE_PATCH);
    if (!rng_chance(r, 0.2 * (1.0 - b.skill))) {
        ef_side(&b, EF_SIDE_PORT);
    }
    choose(a, "connect", 20);
}

/* ---- running and recording ------------------------------------------------------------ */

Attempt *driver_run(const Scenario *scn, uint64_t seed, uint64_t style)
{
    if (!driver_supports(scn)) {
        return NULL;
    }
    Attempt *a = attempt_create(scn, seed);
    if (!a) {
        return NULL;
    }
    Rng r;
    rng_seed(&r, style * 0x9e3779b97f4a7c15ull + seed);
    const char *m = scn->module->name;
    if (strcmp(m, "tutorial") == 0) {
        tutorial_run(a, &r, style);
    } else if (strcmp(m, "splice") == 0) {
        splice_run(a, &r, style);
    } else if (strcmp(m, "otdr") == 0) {
        otdr_driver_run(a, &r, style);
    } else {
        endface_run(a, &r, style);
    }
    /* Some trainees leave the bench idle at the end, then stop. */
    idle(a, 100);
    if (running(a)) {
        attempt_abandon(a);
    }
    return a;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

static void civil_from_days(long long z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long yy = (long long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (*m <= 2));
}

void driver_time_add(const char *iso, long long seconds, char out[32])
{
    int y = 0;
    unsigned mo = 0, d = 0, h = 0, mi = 0, s = 0;
    sscanf(iso, "%4d-%2u-%2uT%2u:%2u:%2uZ", &y, &mo, &d, &h, &mi, &s);
    long long t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s + seconds;
    long long days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    long long rest = t - days * 86400;
    civil_from_days(days, &y, &mo, &d);
    snprintf(out, 32, "%04d-%02u-%02uT%02u:%02u:%02uZ", y % 10000, mo % 100, d % 100, (unsigned)(rest / 3600),
             (unsigned)(rest / 60 % 60), (unsigned)(rest % 60));
}

void driver_record(AttemptRecord *rec, const Scenario *scn, const Attempt *a, const char *trainee_name,
                   const char *started_at, uint64_t id_bits)
{
    record_init(rec);
    char compact[24];
    snprintf(compact, sizeof compact, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", started_at, started_at + 5, started_at + 8,
             started_at + 11, started_at + 14, started_at + 17);
    record_make_id(compact, id_bits, rec->attempt_id);
    record_trainee_slug(trainee_name, rec->trainee_id, sizeof rec->trainee_id);
    fs_strlcpy(rec->trainee_name, trainee_name, sizeof rec->trainee_name);
    fs_strlcpy(rec->scenario_id, scn->id, sizeof rec->scenario_id);
    rec->scenario_version = scn->version;
    fs_strlcpy(rec->scenario_hash, scn->hash_hex, sizeof rec->scenario_hash);
    fs_strlcpy(rec->module, scn->module->name, sizeof rec->module);
    rec->seed = attempt_seed(a);
    fs_strlcpy(rec->program_version, fs_version(), sizeof rec->program_version);
    fs_strlcpy(rec->started_at, started_at, sizeof rec->started_at);
    driver_time_add(started_at, (long long)(attempt_tick(a) / FS_TICK_HZ), rec->ended_at);
    rec->status = attempt_status(a);
    rec->end_tick = attempt_tick(a);
    rec->result = *attempt_result(a);
    const InputLog *log = attempt_log(a);
    for (size_t i = 0; i < log->count; i++) {
        input_log_push(&rec->events, &log->items[i]);
    }
}

JournalStatus driver_journal_write(Journal *j, const AttemptRecord *rec, const Scenario *scn, char *err, size_t err_n)
{
    return journal_write_with_files(j, rec, scn->text, scn->text_len, &scn->files, err, err_n);
}
