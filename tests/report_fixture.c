/*
 * report_fixture.c - see report_fixture.h.
 */
#include "report_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attempt_drivers.h"
#include "fibresim/core.h"
#include "fibresim/journal.h"

static size_t gcd(size_t a, size_t b)
{
    while (b) {
        size_t r = a % b;
        a = b;
        b = r;
    }
    return a;
}

bool fixture_build(Fixture *fx, const char *data_dir, const char *const *names, size_t n_names, size_t per_trainee)
{
    memset(fx, 0, sizeof *fx);
    fx->scn = drivers_load_scenarios(NULL, &fx->n_scn);
    if (!fx->scn || fx->n_scn == 0) {
        fprintf(stderr, "fixture: no scenario\n");
        return false;
    }
    Journal j;
    char err[512];
    if (journal_open(&j, data_dir, err, sizeof err) != JOURNAL_OK) {
        fprintf(stderr, "fixture: %s\n", err);
        return false;
    }
    /* k * stride walks through every scenario when stride and the number of
     * scenarios have no common factor, so each trainee meets several modules. */
    size_t stride = 4;
    while (gcd(stride, fx->n_scn) != 1) {
        stride++;
    }
    fx->att = calloc(n_names * per_trainee, sizeof *fx->att);
    bool ok = fx->att != NULL;
    for (size_t t = 0; ok && t < n_names; t++) {
        for (size_t k = 0; ok && k < per_trainee; k++) {
            const Scenario *scn = fx->scn[(t * 7 + k * stride) % fx->n_scn];
            uint64_t style = (k + t) % 3 == 0 ? 0 : 1000 + 31 * t + k;
            Attempt *a = driver_run(scn, 7000 + 131 * t + k, style);
            if (!a) {
                ok = false;
                break;
            }
            char start[32], base[32];
            snprintf(base, sizeof base, "2026-03-02T%02u:15:00Z", (unsigned)(8 + t % 9));
            driver_time_add(base, (long long)k * 86400 + (long long)(k % 4) * 1800, start);
            AttemptRecord rec;
            driver_record(&rec, scn, a, names[t], start, 0x1000 * (t + 1) + k);
            attempt_destroy(a);
            JournalStatus s = driver_journal_write(&j, &rec, scn, err, sizeof err);
            if (s != JOURNAL_OK) {
                fprintf(stderr, "fixture: journal_write: %s (%s)\n", journal_status_name(s), err);
                ok = false;
            }
            FixAttempt *f = &fx->att[fx->n_att++];
            fs_strlcpy(f->attempt_id, rec.attempt_id, sizeof f->attempt_id);
            fs_strlcpy(f->trainee_id, rec.trainee_id, sizeof f->trainee_id);
            fs_strlcpy(f->trainee_name, rec.trainee_name, sizeof f->trainee_name);
            fs_strlcpy(f->module, rec.module, sizeof f->module);
            fs_strlcpy(f->scenario_id, rec.scenario_id, sizeof f->scenario_id);
            fs_strlcpy(f->started_at, rec.started_at, sizeof f->started_at);
            fs_strlcpy(f->ended_at, rec.ended_at, sizeof f->ended_at);
            f->total = rec.result.total;
            f->passed = rec.result.passed;
            char *p = journal_record_path(&j, rec.attempt_id);
            fs_strlcpy(f->path, p ? p : "", sizeof f->path);
            free(p);
            record_finish(&rec);
        }
    }
    journal_close(&j);
    return ok;
}

void fixture_finish(Fixture *fx)
{
    drivers_free_scenarios(fx->scn, fx->n_scn);
    free(fx->att);
    memset(fx, 0, sizeof *fx);
}

const Scenario *fixture_scenario_of(const Fixture *fx, const FixAttempt *a)
{
    for (size_t i = 0; i < fx->n_scn; i++) {
        if (strcmp(fx->scn[i]->id, a->scenario_id) == 0) {
            return fx->scn[i];
        }
    }
    return NULL;
}

static bool run_cmd(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        _exit(127);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

bool fixture_copy_tree(const char *from, const char *to)
{
    char src[1100];
    snprintf(src, sizeof src, "%s/.", from);
    char *const mk[] = {(char *)"mkdir", (char *)"-p", (char *)to, NULL};
    char *const cp[] = {(char *)"cp", (char *)"-a", src, (char *)to, NULL};
    return run_cmd(mk) && run_cmd(cp);
}

void fixture_remove_tree(const char *dir)
{
    char *const rm[] = {(char *)"rm", (char *)"-rf", (char *)dir, NULL};
    run_cmd(rm);
}

bool fixture_edit_file(const char *path, const char *find, const char *repl)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return false;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    bool ok = buf && fread(buf, 1, (size_t)n, f) == (size_t)n;
    fclose(f);
    if (!ok) {
        free(buf);
        return false;
    }
    buf[n] = '\0';
    char *at = strstr(buf, find);
    if (!at) {
        free(buf);
        return false;
    }
    f = fopen(path, "wb");
    ok = f != NULL;
    if (ok) {
        fwrite(buf, 1, (size_t)(at - buf), f);
        fputs(repl, f);
        fputs(at + strlen(find), f);
        ok = fclose(f) == 0;
    }
    free(buf);
    return ok;
}

bool fixture_tamper_total(const char *path, char *old_total, size_t n)
{
    FILE *f = fopen(path, "rb");
    char text[65536];
    size_t len = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f) {
        fclose(f);
    }
    text[len] = '\0';
    char *at = strstr(text, "\"total\":");
    if (!at) {
        return false;
    }
    at += 8;
    size_t k = strspn(at, "0123456789.e-+");
    snprintf(old_total, n, "\"total\":%.*s", (int)k, at);
    double v = strtod(at, NULL);
    char repl[64];
    snprintf(repl, sizeof repl, "\"total\":%s", v >= 99.0 ? "42.5" : "99.5");
    return fixture_edit_file(path, old_total, repl);
}
