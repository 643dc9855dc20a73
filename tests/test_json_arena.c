/*
 * test_json_arena.c - cJSON trees built in a JsonArena (json_arena.h):
 * values read back the same as with malloc, trees larger than a chunk,
 * memory from outside the arena freed normally inside it, the arena
 * reused round after round, and one arena per thread on two threads at
 * once. ASan builds also poison the arena's rewound bytes, so a tree read
 * after json_arena_leave() fails there (not exercised here: it aborts).
 */
#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/json_arena.h"

/* {"n":k,"name":"item-k","list":[0,1,...,count-1]} */
static char *make_doc(int k, int count)
{
    size_t cap = 64 + (size_t)count * 12;
    char *s = malloc(cap);
    if (!s) {
        return NULL;
    }
    int at = snprintf(s, cap, "{\"n\":%d,\"name\":\"item-%d\",\"list\":[", k, k);
    for (int i = 0; i < count; i++) {
        at += snprintf(s + at, cap - (size_t)at, "%s%d", i ? "," : "", i);
    }
    snprintf(s + at, cap - (size_t)at, "]}");
    return s;
}

/* Parses the document and checks every value; true if all are right. */
static bool parse_and_check(int k, int count)
{
    char *text = make_doc(k, count);
    if (!text) {
        return false;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    bool ok = root != NULL;
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(root, "n");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "name");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "list");
    char want[32];
    snprintf(want, sizeof want, "item-%d", k);
    ok = ok && cJSON_IsNumber(n) && n->valueint == k && cJSON_IsString(name) && strcmp(name->valuestring, want) == 0
      && cJSON_GetArraySize(list) == count;
    int i = 0;
    for (const cJSON *e = list ? list->child : NULL; ok && e; e = e->next, i++) {
        ok = e->valueint == i;
    }
    cJSON_Delete(root);
    return ok;
}

static void *thread_rounds(void *arg)
{
    int base = *(int *)arg;
    bool *ok = malloc(sizeof *ok);
    *ok = true;
    for (int r = 0; r < 300; r++) {
        json_arena_enter(json_arena_of_thread());
        *ok = *ok && parse_and_check(base + r, 50 + r % 400);
        json_arena_leave();
    }
    return ok;
}

int main(void)
{
    json_arena_install();

    /* Plain malloc outside any arena, as before. */
    CHECK(parse_and_check(1, 10));

    JsonArena a;
    json_arena_init(&a);
    /* Round after round, small and large trees (a 20,000-number list is
     * about 1.3 MB of items: many chunks, merged into one at leave). */
    static const int counts[] = {3, 100, 20000, 5, 20000, 40000, 1};
    for (size_t r = 0; r < sizeof counts / sizeof *counts; r++) {
        json_arena_enter(&a);
        CHECK_MSG(parse_and_check((int)r, counts[r]), "round %zu (%d numbers)", r, counts[r]);
        json_arena_leave();
    }

    /* Made outside, deleted inside: goes back to free(), not the arena. */
    cJSON *outside = cJSON_CreateObject();
    cJSON_AddStringToObject(outside, "made", "outside");
    json_arena_enter(&a);
    cJSON *inside = cJSON_CreateArray();
    cJSON_AddItemToArray(inside, cJSON_CreateNumber(42));
    CHECK(cJSON_GetArrayItem(inside, 0)->valueint == 42);
    cJSON_Delete(inside);
    cJSON_Delete(outside);
    json_arena_leave();

    /* Printing inside the arena (buffers grown without realloc). */
    json_arena_enter(&a);
    cJSON *big = cJSON_CreateArray();
    for (int i = 0; i < 5000; i++) {
        cJSON_AddItemToArray(big, cJSON_CreateNumber(i));
    }
    char *printed = cJSON_PrintUnformatted(big);
    CHECK(printed && strncmp(printed, "[0,1,2,", 7) == 0 && strstr(printed, ",4999]") != NULL);
    cJSON_free(printed);
    cJSON_Delete(big);
    json_arena_leave();
    json_arena_finish(&a);

    /* Two threads, each on its own arena, at the same time. */
    pthread_t t[2];
    int base[2] = {1000, 5000};
    for (int i = 0; i < 2; i++) {
        CHECK(pthread_create(&t[i], NULL, thread_rounds, &base[i]) == 0);
    }
    for (int i = 0; i < 2; i++) {
        void *ret = NULL;
        pthread_join(t[i], &ret);
        CHECK(ret && *(bool *)ret);
        free(ret);
    }

    /* Outside again: malloc as before. */
    CHECK(parse_and_check(7, 1000));
    return test_done("json_arena");
}
