/*
 * json_same.h - two cJSON trees identical in every field cJSON fills when
 * parsing: types, keys and their order, strings, numbers bit for bit
 * (cJSON_Compare allows an epsilon), the int copy, and the first item's
 * prev pointing at the last (cJSON's append relies on it). For the tests
 * and fuzz target that hold jsontext_tree() to cJSON_Parse().
 */
#ifndef FIBRESIM_TEST_JSON_SAME_H
#define FIBRESIM_TEST_JSON_SAME_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <string.h>

static inline bool json_same(const cJSON *a, const cJSON *b)
{
    if (!a || !b) {
        return a == b;
    }
    if (a->type != b->type || a->valueint != b->valueint
        || memcmp(&a->valuedouble, &b->valuedouble, sizeof a->valuedouble) != 0) {
        return false;
    }
    if ((a->string == NULL) != (b->string == NULL) || (a->string && strcmp(a->string, b->string) != 0)) {
        return false;
    }
    if ((a->valuestring == NULL) != (b->valuestring == NULL)
        || (a->valuestring && strcmp(a->valuestring, b->valuestring) != 0)) {
        return false;
    }
    const cJSON *x = a->child, *y = b->child, *last_x = NULL;
    while (x && y) {
        if (!json_same(x, y)) {
            return false;
        }
        last_x = x;
        x = x->next;
        y = y->next;
    }
    if (x || y) {
        return false;
    }
    return !a->child || a->child->prev == last_x;
}

#endif
