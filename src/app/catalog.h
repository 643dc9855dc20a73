/*
 * catalog.h - every scenario found in the scenarios folder, loaded and
 * validated once at start, sorted by module (registry order), difficulty and id.
 *
 * Files that fail validation are left out of the choice screen and logged
 * with every problem (file:line:col, JSON path), so an instructor sees why.
 */
#ifndef FIBRESIM_CATALOG_H
#define FIBRESIM_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/scenario.h"

typedef struct Catalog {
    Scenario **items;   /* owned */
    size_t count, cap;
    size_t rejected;    /* files that did not validate */
} Catalog;

void catalog_init(Catalog *c);
void catalog_finish(Catalog *c); /* fine on a zeroed catalog */
/* Loads every *.json under dir (and its sub-folders, two levels). */
void catalog_load(Catalog *c, const char *dir);
/* Adds one file; false (and logged) if it does not validate. */
bool catalog_add_file(Catalog *c, const char *path);
/* Scenarios of one module, in catalog order; returns the count written. */
size_t catalog_of_module(const Catalog *c, const char *module, const Scenario **out, size_t max);

#endif
