/*
 * scenario_search.c - the folders searched for an attempt's scenario
 * (see scenario_search.h).
 */
#include "scenario_search.h"

#include <stddef.h>
#include <stdlib.h>

#include "build_config.h"

void scenario_search_lists(const char *data_opt, const char *scenarios_opt, const char *record_data,
                           const char *data[SEARCH_DATA_DIRS_MAX + 1],
                           const char *scns[SEARCH_SCENARIO_DIRS_MAX + 1])
{
    size_t n = 0;
    const char *env_data = getenv("FIBRESIM_DATA");
    data[n++] = data_opt ? data_opt : "";
    data[n++] = record_data ? record_data : "";
    data[n++] = env_data ? env_data : "";
    data[n] = NULL;
    n = 0;
    const char *env_scn = getenv("FIBRESIM_SCENARIOS");
    scns[n++] = scenarios_opt ? scenarios_opt : "";
    scns[n++] = env_scn ? env_scn : "";
    scns[n++] = "scenarios";
    scns[n++] = FIBRESIM_DATADIR "/scenarios";
    scns[n] = NULL;
}
