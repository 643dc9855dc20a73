/*
 * bench_sor.c - time to read each sample .sor file (budget: 1 ms per file),
 * both parsing a buffer already in memory and reading from the disk (page
 * cache warm). Thread CPU time, so that other processes on a busy machine do
 * not count. Prints one line per file; exits 1 if a file is over budget in a
 * build without sanitizers.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "build_config.h"
#include "fibresim/sor.h"

#define BUDGET_US 1000.0

static int bench_file(const char *path, const char *name)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        return 0;
    }
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)n);
    size_t size = buf ? fread(buf, 1, (size_t)n, fp) : 0;
    fclose(fp);
    const int reps = 200;
    SorFile f;
    SorError err;
    double best_mem = 1e18, best_file = 1e18, total_mem = 0;
    for (int i = 0; i < reps; i++) {
        double t0 = bench_cpu_s() * 1e6;
        bool ok = sor_read(&f, buf, size, &err);
        double dt = bench_cpu_s() * 1e6 - t0;
        sor_finish(&f);
        if (!ok) {
            printf("%-28s unreadable\n", name);
            free(buf);
            return 1;
        }
        total_mem += dt;
        best_mem = dt < best_mem ? dt : best_mem;
    }
    for (int i = 0; i < reps / 4; i++) {
        double t0 = bench_cpu_s() * 1e6;
        sor_read_file(&f, path, &err);
        double dt = bench_cpu_s() * 1e6 - t0;
        sor_finish(&f);
        best_file = dt < best_file ? dt : best_file;
    }
    double mean_mem = total_mem / reps;
    int over = mean_mem > BUDGET_US || best_file > BUDGET_US;
    printf("%-28s %7zu bytes  parse mean %7.1f us  best %7.1f us  from disk best %7.1f us%s\n", name, size,
           mean_mem, best_mem, best_file, over ? "  OVER BUDGET" : "");
    free(buf);
    return over;
}

int main(void)
{
    const char *env = getenv("FIBRESIM_SOURCE_ROOT");
    const char *root = env && env[0] ? env : FIBRESIM_SOURCE_ROOT;
    const char *folders[] = {"pyOTDR", "otdrparser"};
    int over = 0, files = 0;
    printf("SOR read, budget %.0f us per file%s\n", BUDGET_US, bench_sanitized() ? " (sanitizer build: budget not enforced)" : "");
    for (int i = 0; i < 2; i++) {
        char dir[2048];
        snprintf(dir, sizeof dir, "%s/tests/data/sor/%s", root, folders[i]);
        DIR *d = opendir(dir);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            size_t len = strlen(e->d_name);
            if (len > 4 && strcmp(e->d_name + len - 4, ".sor") == 0) {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
                over += bench_file(path, e->d_name);
                files++;
            }
        }
        if (d) {
            closedir(d);
        }
    }
    printf("%d files, %d over budget\n", files, over);
    return (over && !bench_sanitized()) || files == 0 ? 1 : 0;
}
