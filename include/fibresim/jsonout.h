/*
 * jsonout.h - printing a cJSON tree with numbers that read back bit for bit.
 *
 * cJSON 1.7.15 (Debian 12) prints a double with "%1.15g" and keeps it when the
 * text reads back within DBL_EPSILON *relative* error, so about one value in
 * eight comes back one ulp off (433.56593406593407 prints as 433.565934065934).
 * Records are compared bit for bit (result_equal), so anything stored must be
 * printed here instead: each number becomes the shortest of %.15g, %.16g and
 * %.17g that strtod() turns back into the same double ("-0" keeps its sign).
 */
#ifndef FIBRESIM_JSONOUT_H
#define FIBRESIM_JSONOUT_H

#include <stddef.h>

typedef struct cJSON cJSON;

/* Formats a finite double as the shortest decimal text that reads back exactly
 * (C locale). Non-finite values give "null" (JSON has no form for them). */
void json_number_text(double x, char out[32]);

/* Prints root compactly with lossless numbers. Number items of the tree are
 * turned into raw items in place, so the tree must not be read as numbers
 * afterwards: build it, print it, delete it. Owned by the caller; NULL on OOM. */
char *json_print_lossless(cJSON *root);

#endif
