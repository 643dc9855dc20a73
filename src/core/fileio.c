/*
 * fileio.c - whole-file reads with a size limit (see fileio.h).
 */
#include "fibresim/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

char *fs_read_file(const char *path, size_t max_bytes, size_t *len, int *err_no)
{
    *len = 0;
    *err_no = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *err_no = errno;
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err_no = errno;
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *err_no = EISDIR;
        close(fd);
        return NULL;
    }
    if (st.st_size < 0 || (unsigned long long)st.st_size > max_bytes) {
        *err_no = EFBIG;
        close(fd);
        return NULL;
    }
    /* The size may change while we read (a file being copied in): read until
     * end of file, growing the buffer, and still refuse more than max_bytes. */
    size_t cap = (size_t)st.st_size + 2; /* + NUL + one byte to see end of file */
    char *buf = malloc(cap);
    if (!buf) {
        *err_no = ENOMEM;
        close(fd);
        return NULL;
    }
    size_t used = 0;
    for (;;) {
        if (used + 1 >= cap) {
            if (used > max_bytes) {
                free(buf);
                close(fd);
                *err_no = EFBIG;
                return NULL;
            }
            size_t ncap = cap * 2 > max_bytes + 2 ? max_bytes + 2 : cap * 2;
            char *n = realloc(buf, ncap);
            if (!n) {
                free(buf);
                close(fd);
                *err_no = ENOMEM;
                return NULL;
            }
            buf = n;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + used, cap - 1 - used);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            *err_no = errno;
            free(buf);
            close(fd);
            return NULL;
        }
        if (got == 0) {
            break;
        }
        used += (size_t)got;
    }
    close(fd);
    buf[used] = '\0';
    *len = used;
    return buf;
}
