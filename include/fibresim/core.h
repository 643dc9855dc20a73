/*
 * core.h - constants and services shared by the whole Fibresim core.
 *
 * The core library never includes SDL, never reads a clock and holds no global
 * simulation state. The only process-wide state is the optional log callback
 * set by the host program (wlroots style), which never changes a result.
 */
#ifndef FIBRESIM_CORE_H
#define FIBRESIM_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Fixed simulation tick: 100 Hz, whatever the frame rate. */
#define FS_TICK_HZ 100
#define FS_TICK_S (1.0 / FS_TICK_HZ)

/* Program version, written into every attempt record. */
const char *fs_version(void);

typedef enum { FS_LOG_ERROR, FS_LOG_WARN, FS_LOG_INFO, FS_LOG_DEBUG } FsLogLevel;
typedef void (*FsLogFn)(FsLogLevel level, const char *file, int line, const char *msg, void *user);

/* Sets the host's log sink (default: none, the core stays silent). */
void fs_set_log(FsLogFn fn, void *user);
void fs_log_at(FsLogLevel level, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
#define fs_log(level, ...) fs_log_at((level), __FILE__, __LINE__, __VA_ARGS__)

/* Copies src into dst (size n), always NUL-terminated, truncating at a UTF-8
 * character boundary. Returns false if truncated. */
bool fs_strlcpy(char *dst, const char *src, size_t n);

/* Allocators that abort on exhaustion would hide failures from tests, so the
 * core uses plain malloc/calloc/realloc and checks the result. */

#endif
