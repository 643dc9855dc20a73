/*
 * scenario_search.h - where the command-line tools look for the exact
 * scenario bytes an attempt record used (fibresim replay, fibresim sor
 * export): the same folders in the same order for every tool.
 */
#ifndef FIBRESIM_CLI_SCENARIO_SEARCH_H
#define FIBRESIM_CLI_SCENARIO_SEARCH_H

#define SEARCH_DATA_DIRS_MAX 4
#define SEARCH_SCENARIO_DIRS_MAX 5

/* Fills NULL-terminated folder lists for journal_find_scenario():
 * data folders: data_opt (--data), the record's own data folder
 * (record_data, may be NULL), $FIBRESIM_DATA; scenario folders:
 * scenarios_opt (--scenarios), $FIBRESIM_SCENARIOS, ./scenarios and the
 * installed scenarios. Absent entries are empty strings (skipped by the
 * journal), so the first two of each list keep their place for messages
 * that name what the user gave. The strings are borrowed. */
void scenario_search_lists(const char *data_opt, const char *scenarios_opt, const char *record_data,
                           const char *data[SEARCH_DATA_DIRS_MAX + 1],
                           const char *scns[SEARCH_SCENARIO_DIRS_MAX + 1]);

#endif
