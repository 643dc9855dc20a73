/*
 * jsonout.c - lossless printing of JSON numbers (see jsonout.h for why).
 */
#include "fibresim/jsonout.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_number_text(double x, char out[32])
{
    if (!isfinite(x)) {
        memcpy(out, "null", 5);
        return;
    }
    /* Whole numbers (ticks, counts, pointer ids) are most of a record's
     * numbers: integer formatting is exact and much cheaper. */
    if (x >= -9007199254740992.0 && x <= 9007199254740992.0 && x == (double)(long long)x
        && !(x == 0 && signbit(x))) {
        snprintf(out, 32, "%lld", (long long)x);
        return;
    }
    /* 17 significant digits always identify a double; fewer are tried first
     * so that 0.1 stays "0.1" and files remain readable. */
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(out, 32, "%.*g", digits, x);
        double back = strtod(out, NULL);
        if (memcmp(&back, &x, sizeof x) == 0) {
            return;
        }
    }
}

/* Depth-first, iterative over siblings and recursive over children: the trees
 * we print are built by our own code, a few levels deep. */
static bool numbers_to_raw(cJSON *node)
{
    for (cJSON *c = node; c; c = c->next) {
        if (cJSON_IsNumber(c)) {
            char text[32];
            json_number_text(c->valuedouble, text);
            char *raw = malloc(strlen(text) + 1);
            if (!raw) {
                return false;
            }
            memcpy(raw, text, strlen(text) + 1);
            /* A raw item keeps its text in valuestring; the type flag change is
             * what cJSON_CreateRaw would have produced. Keep the flag bits
             * (cJSON_StringIsConst) that live above the type byte. */
            c->type = (c->type & ~0xFF) | cJSON_Raw;
            c->valuestring = raw;
        } else if (c->child && !numbers_to_raw(c->child)) {
            return false;
        }
    }
    return true;
}

char *json_print_lossless(cJSON *root)
{
    if (!root || !numbers_to_raw(root)) {
        return NULL;
    }
    return cJSON_PrintUnformatted(root);
}
