/*
 * registry.c - the list of modules. The only place that names them all.
 */
#include <string.h>

#include "fibresim/module.h"
#include "modules.h"

/* NULL-terminated. Add a module to modules.def, nowhere else. */
static const ModuleDef *const registry[] = {
#define MODULE(sym) &sym,
#include "modules.def"
#undef MODULE
    NULL,
};

const ModuleDef *module_find(const char *name)
{
    for (size_t i = 0; registry[i]; i++) {
        if (strcmp(registry[i]->name, name) == 0) {
            return registry[i];
        }
    }
    return NULL;
}

const ModuleDef *const *module_all(size_t *count)
{
    size_t n = 0;
    while (registry[n]) {
        n++;
    }
    *count = n;
    return registry;
}
