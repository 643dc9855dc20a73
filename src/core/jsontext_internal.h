/*
 * jsontext_internal.h - what jsontext.c shares with jsontext_tree.c.
 */
#ifndef FIBRESIM_JSONTEXT_INTERNAL_H
#define FIBRESIM_JSONTEXT_INTERNAL_H

#include <stddef.h>

/* Length of the valid UTF-8 sequence at s[0..avail), 0 if not valid (the
 * rules of jsontext_utf8_check). */
size_t jsontext_utf8_len(const unsigned char *s, size_t avail);

#endif
