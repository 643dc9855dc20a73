/*
 * core.c - version string, host log sink and small string helpers.
 */
#include "fibresim/core.h"

#include <stdio.h>
#include <string.h>

#include "build_config.h"

/* The host's log sink: set once at start-up by the program, never by the core.
 * It only carries diagnostics, never simulation state. */
static FsLogFn log_fn;
static void *log_user;

const char *fs_version(void)
{
    return FIBRESIM_VERSION;
}

void fs_set_log(FsLogFn fn, void *user)
{
    log_fn = fn;
    log_user = user;
}

void fs_log_at(FsLogLevel level, const char *file, int line, const char *fmt, ...)
{
    if (!log_fn) {
        return;
    }
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    log_fn(level, file, line, buf, log_user);
}

bool fs_strlcpy(char *dst, const char *src, size_t n)
{
    if (n == 0) {
        return false;
    }
    size_t len = strlen(src);
    if (len < n) {
        memcpy(dst, src, len + 1);
        return true;
    }
    size_t cut = n - 1;
    /* Back off to the start of a UTF-8 sequence so we never split a character. */
    while (cut > 0 && ((unsigned char)src[cut] & 0xC0) == 0x80) {
        cut--;
    }
    memcpy(dst, src, cut);
    dst[cut] = '\0';
    return false;
}
