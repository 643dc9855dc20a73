/*
 * sor_internal.h - helpers shared by the SOR reader, writer and JSON export
 * (not part of the public contract).
 */
#ifndef FIBRESIM_SOR_INTERNAL_H
#define FIBRESIM_SOR_INTERNAL_H

#include <stddef.h>

#include "fibresim/sor.h"

/* Fills *err (if not NULL): expected_tmpl and found_tmpl are static N_()
 * msgids (may be NULL), args their values (may be NULL; at most 4, sor.h);
 * the English texts are filled here. */
void sor_error_set(SorError *err, const char *block, size_t offset, const char *expected_tmpl,
                   const char *found_tmpl, const DiagArgs *args);

/* Appends a note to f (counted in notes_dropped once SOR_MAX_NOTES are
 * kept): tmpl is a static N_() msgid, args its values (may be NULL). */
void sor_note(SorFile *f, const char *block, size_t offset, const char *tmpl, const DiagArgs *args);

/* Both CRC variants of the checksum in one pass over the bytes. */
void sor_crc16_pair(const uint8_t *data, size_t n, uint16_t *ccitt_false, uint16_t *xmodem);

/* Writes up to n bytes of s as printable ASCII into dst (size cap): other bytes
 * become \xHH. For messages and the text dump. */
void sor_escape(char *dst, size_t cap, const char *s, size_t n);

#endif
