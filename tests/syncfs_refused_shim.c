/*
 * syncfs_refused_shim.c - an LD_PRELOAD library for test_import_cli: the
 * file system refuses syncfs() (EIO), and every fsync() of a folder is
 * written, as the folder's path, one per line, to $SHIM_FSYNC_LOG.
 *
 * It lets the test see the merge's fallback: with no syncfs, each copied
 * record is synced alone and each folder that got new names is synced, so
 * that the names survive a power cut (journal.c, flush_staged).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int syncfs(int fd)
{
    (void)fd;
    errno = EIO;
    return -1;
}

int fsync(int fd)
{
    /* dlsym gives an object pointer; POSIX guarantees the function's fits. */
    void *sym = dlsym(RTLD_NEXT, "fsync");
    int (*real_fsync)(int) = NULL;
    memcpy(&real_fsync, &sym, sizeof real_fsync);
    const char *log = getenv("SHIM_FSYNC_LOG");
    struct stat st;
    if (log && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        char link[64], path[4096];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(link, path, sizeof path - 1);
        FILE *f = n > 0 ? fopen(log, "a") : NULL;
        if (f) {
            path[n] = '\0';
            fprintf(f, "%s\n", path);
            fclose(f);
        }
    }
    if (!real_fsync) {
        errno = ENOSYS;
        return -1;
    }
    return real_fsync(fd);
}
