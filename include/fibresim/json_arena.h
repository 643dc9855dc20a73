/*
 * json_arena.h - one block of memory for the cJSON trees a thread reads in
 * a loop.
 *
 * Reading a record's head builds a tree of a few hundred cJSON items and
 * strings, each a malloc() and a free(): on a report over 100,000 records
 * that was a third of the time. Between json_arena_enter() and
 * json_arena_leave(), what cJSON allocates on this thread comes from the
 * arena instead, and its free() is a no-op; leave() rewinds the arena for
 * the next file without giving the memory back.
 *
 * cJSON's allocator is process-wide (cJSON_InitHooks), so the hooks send
 * every other allocation, on any thread or outside an arena, to malloc()
 * and free() as before. json_arena_install() sets the hooks; call it once
 * before starting threads (main does); enter() also calls it, once.
 *
 * Rule: every cJSON tree made inside the arena is deleted (or dropped)
 * before leave(). Nothing allocated there may outlive it.
 */
#ifndef FIBRESIM_JSON_ARENA_H
#define FIBRESIM_JSON_ARENA_H

#include <stddef.h>

typedef struct JsonArenaChunk JsonArenaChunk;

typedef struct JsonArena {
    JsonArenaChunk *chunks; /* newest first */
    size_t used;            /* bytes taken in the newest chunk */
} JsonArena;

void json_arena_install(void);

void json_arena_init(JsonArena *a);
/* Gives every chunk back. */
void json_arena_finish(JsonArena *a);

/* This thread's own arena, made on first use and given back when the
 * thread ends (the main thread's, at exit); NULL if out of memory. */
JsonArena *json_arena_of_thread(void);

/* cJSON's allocations on this thread now come from a (nesting is not
 * allowed: a second enter replaces the first). */
void json_arena_enter(JsonArena *a /* NULL: none, plain malloc */);
/* Back to malloc(); the arena is rewound, keeping one chunk as large as
 * everything the last round took. */
void json_arena_leave(void);

#endif
