/*
 * sor_internal.h - helpers shared by the SOR reader, writer and JSON export
 * (not part of the public contract).
 */
#ifndef FIBRESIM_SOR_INTERNAL_H
#define FIBRESIM_SOR_INTERNAL_H

#include <stddef.h>

#include "fibresim/sor.h"

/* Fills *err (if not NULL). expected/found are copied (may be NULL). */
void sor_error_set(SorError *err, const char *block, size_t offset, const char *expected,
                   const char *found);

/* Appends a note to f (counted in notes_dropped once SOR_MAX_NOTES are kept). */
void sor_note(SorFile *f, const char *block, size_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Both CRC variants of the checksum in one pass over the bytes. */
void sor_crc16_pair(const uint8_t *data, size_t n, uint16_t *ccitt_false, uint16_t *xmodem);

/* Writes up to n bytes of s as printable ASCII into dst (size cap): other bytes
 * become \xHH. For messages and the text dump. */
void sor_escape(char *dst, size_t cap, const char *s, size_t n);

#endif
