/*
 * test_journal_kill.c - a crash at any instant leaves whole records or none.
 *
 * A child process writes records in a loop and reports each completed write
 * (its number) on a pipe; the parent SIGKILLs it at a random moment (seeded,
 * so a failure replays), several rounds into the same folder. Afterwards:
 * - every file the journal lists parses and equals, bit for bit, the record
 *   the child built for that number: none is half-written;
 * - no ".tmp-*" file is listed as a record;
 * - per round, the records on disk are exactly numbers 0..k-1 where k is the
 *   count of completed writes reported, or k+1 (one write finished between
 *   its rename and its report).
 * Some records are large (about 330 kB) so that kills land inside writes too.
 *
 * A SIGKILL tests atomicity against a crash of the program; a power cut also
 * drops the page cache, which only the fsync calls guard (not testable here
 * without a fault-injecting block device).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "fibresim/journal.h"
#include "fibresim/rng.h"
#include "journal_util.h"
#include "record_sample.h"

#define ROUNDS 8
#define MAX_PER_ROUND 400

/* Record number i of round r: distinct ids, sizes from tiny to about 1 MB. */
static void round_record(AttemptRecord *rec, uint32_t round, uint32_t i)
{
    size_t events = (i % 13 == 5) ? 8000 : (size_t)(i * 37 % 500);
    sample_record(rec, ((uint64_t)round << 32) | i, events);
    rec->seed = (uint64_t)round * 1000003u + i;
}

static void child_writer(const char *dir, uint32_t round, int fd)
{
    Journal j;
    char err[512];
    if (journal_open(&j, dir, err, sizeof err) != JOURNAL_OK) {
        _exit(3);
    }
    for (uint32_t i = 0; i < MAX_PER_ROUND; i++) {
        AttemptRecord r;
        round_record(&r, round, i);
        JournalStatus s = journal_write(&j, &r, SAMPLE_SCENARIO_TEXT, 3, err, sizeof err);
        record_finish(&r);
        if (s != JOURNAL_OK) {
            _exit(4);
        }
        if (write(fd, &i, sizeof i) != (ssize_t)sizeof i) {
            _exit(5);
        }
    }
    _exit(0);
}

typedef struct Check {
    uint32_t round;
    size_t in_round;       /* records of this round found */
    uint32_t max_index_plus_one;
    bool seen[MAX_PER_ROUND];
    size_t bad;            /* files that do not parse or differ */
    size_t tmp_listed;
} Check;

/* The round a record file belongs to, from its name: the id's random part
 * is round << 32 | number, so its first 8 hex digits are the round. */
static uint32_t round_of_file(const char *name)
{
    char hex[9] = "";
    if (strlen(name) > 25) {
        memcpy(hex, name + 17, 8);
    }
    return (uint32_t)strtoul(hex, NULL, 16);
}

static bool check_fn(const char *path, void *user)
{
    Check *c = user;
    const char *slash = strrchr(path, '/');
    if (slash && strncmp(slash + 1, ".tmp-", 5) == 0) {
        c->tmp_listed++;
        return true;
    }
    /* Each round verifies its own files; the final pass (round == UINT32_MAX)
     * verifies every file again, so earlier records were not damaged. */
    if (c->round != UINT32_MAX && round_of_file(slash ? slash + 1 : path) != c->round) {
        return true;
    }
    AttemptRecord got;
    DiagList d;
    diag_list_init(&d);
    if (!record_load(path, &got, &d)) {
        c->bad++;
        fprintf(stderr, "unreadable record %s:\n", path);
        diag_print(&d, path, stderr);
        diag_list_finish(&d);
        return true;
    }
    diag_list_finish(&d);
    /* The id carries the round and the number (sample_record's id bits). */
    uint64_t bits = strtoull(got.attempt_id + 17, NULL, 16);
    uint32_t round = (uint32_t)(bits >> 32), i = (uint32_t)bits;
    AttemptRecord want;
    round_record(&want, round, i);
    if (i >= MAX_PER_ROUND || !record_equal(&got, &want)) {
        c->bad++;
        fprintf(stderr, "record %s is not the one written\n", path);
    } else if (round == c->round || c->round == UINT32_MAX) {
        c->in_round++;
        c->seen[i] = true;
        if (i + 1 > c->max_index_plus_one) {
            c->max_index_plus_one = i + 1;
        }
    }
    record_finish(&want);
    record_finish(&got);
    return true;
}

static void sleep_us(long us)
{
    struct timespec ts = {us / 1000000, (us % 1000000) * 1000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

int main(void)
{
    char *dir = tu_mkdtemp("kill");
    Rng rng;
    rng_seed(&rng, 0x6b696c6c); /* "kill" */
    size_t total_completed = 0, total_on_disk = 0, extra_rounds = 0;
    for (uint32_t round = 0; round < ROUNDS; round++) {
        int fds[2];
        if (pipe(fds) != 0) {
            perror("pipe");
            return 2;
        }
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 2;
        }
        if (pid == 0) {
            close(fds[0]);
            child_writer(dir, round, fds[1]);
        }
        close(fds[1]);
        /* Kill after a random number of completed writes, then a random
         * extra delay: between writes, inside a large write, at a rename. */
        uint32_t wait_reports = 1 + (uint32_t)rng_below(&rng, 50);
        long delay_us = (long)rng_below(&rng, 4000);
        size_t completed = 0;
        uint32_t got;
        bool ended = false;
        while (completed < wait_reports) {
            ssize_t n = read(fds[0], &got, sizeof got);
            if (n != (ssize_t)sizeof got) {
                ended = true;
                break;
            }
            CHECK(got == completed);
            completed++;
        }
        if (!ended) {
            sleep_us(delay_us);
        }
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK_MSG(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0),
                  "round %u: child failed on its own (exit %d)", round, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        /* Reports written before death are still in the pipe. */
        while (read(fds[0], &got, sizeof got) == (ssize_t)sizeof got) {
            CHECK(got == completed);
            completed++;
        }
        close(fds[0]);

        Journal j;
        char err[512];
        CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_OK);
        Check *c = calloc(1, sizeof *c);
        c->round = round;
        journal_each(&j, check_fn, c);
        journal_close(&j);
        CHECK_MSG(c->bad == 0, "round %u: %zu bad record files", round, c->bad);
        CHECK(c->tmp_listed == 0);
        CHECK_MSG(c->in_round == completed || c->in_round == completed + 1,
                  "round %u: %zu records on disk, %zu writes completed", round, c->in_round, completed);
        /* Written in order: the ones on disk are 0..n-1, no gap. */
        CHECK(c->max_index_plus_one == c->in_round);
        for (size_t i = 0; i < c->in_round; i++) {
            CHECK(c->seen[i]);
        }
        extra_rounds += c->in_round == completed + 1;
        total_completed += completed;
        total_on_disk += c->in_round;
        fprintf(stderr, "round %u: killed after %zu completed writes (+%ld us), %zu records on disk\n", round,
                completed, delay_us, c->in_round);
        free(c);
    }
    /* Every record of every round, once more. */
    Journal j;
    char err[512];
    CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_OK);
    Check *all = calloc(1, sizeof *all);
    all->round = UINT32_MAX;
    journal_each(&j, check_fn, all);
    journal_close(&j);
    CHECK(all->bad == 0 && all->tmp_listed == 0);
    CHECK_MSG(all->in_round == total_on_disk, "%zu records in the end, %zu counted per round", all->in_round,
              total_on_disk);
    free(all);
    size_t tmp_left = tu_count_tmp(dir);
    fprintf(stderr, "%d rounds: %zu writes completed, %zu records on disk, %zu rounds with one more record than "
            "reported, %zu temp files left by the kills (never listed)\n",
            ROUNDS, total_completed, total_on_disk, extra_rounds, tmp_left);
    CHECK(total_completed >= ROUNDS); /* the test did exercise writes */
    tu_rm_rf(dir);
    free(dir);
    return test_done("journal_kill");
}
