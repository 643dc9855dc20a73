/*
 * json_arena.c - bump allocation for cJSON trees (json_arena.h).
 */
#include "fibresim/json_arena.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* In sanitizer builds the arena's free and rewound bytes are poisoned, so
 * AddressSanitizer still catches a read of a deleted tree. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define CHUNK_MIN_BYTES ((size_t)64 << 10)
#define ALIGN_BYTES alignof(max_align_t)

struct JsonArenaChunk {
    JsonArenaChunk *next;
    size_t size; /* usable bytes after the header */
    alignas(max_align_t) unsigned char bytes[];
};

static _Thread_local JsonArena *current;

static bool chunk_owns(const JsonArenaChunk *c, const void *p)
{
    uintptr_t at = (uintptr_t)p, start = (uintptr_t)c->bytes;
    return at >= start && at < start + c->size;
}

static bool arena_owns(const JsonArena *a, const void *p)
{
    for (const JsonArenaChunk *c = a->chunks; c; c = c->next) {
        if (chunk_owns(c, p)) {
            return true;
        }
    }
    return false;
}

static JsonArenaChunk *chunk_new(size_t size, JsonArenaChunk *next)
{
    JsonArenaChunk *c = malloc(sizeof *c + size);
    if (c) {
        c->next = next;
        c->size = size;
        POISON(c->bytes, size);
    }
    return c;
}

static void *arena_alloc(JsonArena *a, size_t n)
{
    size_t need = (n + ALIGN_BYTES - 1) / ALIGN_BYTES * ALIGN_BYTES;
    if (need < n) {
        return NULL;
    }
    if (!a->chunks || a->chunks->size - a->used < need) {
        size_t size = a->chunks ? 2 * a->chunks->size : CHUNK_MIN_BYTES;
        if (size < need) {
            size = need;
        }
        JsonArenaChunk *c = chunk_new(size, a->chunks);
        if (!c) {
            return NULL;
        }
        a->chunks = c;
        a->used = 0;
    }
    void *p = a->chunks->bytes + a->used;
    a->used += need;
    UNPOISON(p, n);
    return p;
}

static void *hook_malloc(size_t n)
{
    return current ? arena_alloc(current, n) : malloc(n);
}

static void hook_free(void *p)
{
    if (p && !(current && arena_owns(current, p))) {
        free(p);
    }
}

static pthread_once_t installed = PTHREAD_ONCE_INIT;
static pthread_key_t thread_key;
static bool have_thread_key;

static void thread_arena_free(void *p)
{
    json_arena_finish(p);
    free(p);
}

static void install_hooks(void)
{
    cJSON_Hooks hooks = {.malloc_fn = hook_malloc, .free_fn = hook_free};
    cJSON_InitHooks(&hooks);
    have_thread_key = pthread_key_create(&thread_key, thread_arena_free) == 0;
}

void json_arena_install(void)
{
    pthread_once(&installed, install_hooks);
}

void json_arena_init(JsonArena *a)
{
    a->chunks = NULL;
    a->used = 0;
}

void json_arena_finish(JsonArena *a)
{
    while (a->chunks) {
        JsonArenaChunk *next = a->chunks->next;
        UNPOISON(a->chunks->bytes, a->chunks->size);
        free(a->chunks);
        a->chunks = next;
    }
    a->used = 0;
}

void json_arena_enter(JsonArena *a)
{
    json_arena_install();
    current = a;
}

void json_arena_leave(void)
{
    JsonArena *a = current;
    current = NULL;
    if (!a || !a->chunks) {
        return;
    }
    if (a->chunks->next) {
        /* Several chunks this round: one of their total size next time. */
        size_t total = 0;
        for (const JsonArenaChunk *c = a->chunks; c; c = c->next) {
            total += c->size;
        }
        json_arena_finish(a);
        a->chunks = chunk_new(total, NULL);
    } else {
        POISON(a->chunks->bytes, a->chunks->size);
    }
    a->used = 0;
}

JsonArena *json_arena_of_thread(void)
{
    json_arena_install();
    if (!have_thread_key) {
        return NULL;
    }
    JsonArena *a = pthread_getspecific(thread_key);
    if (!a) {
        a = malloc(sizeof *a);
        if (a) {
            json_arena_init(a);
            if (pthread_setspecific(thread_key, a) != 0) {
                free(a);
                a = NULL;
            }
        }
    }
    return a;
}
