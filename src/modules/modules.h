/*
 * modules.h - the ModuleDef of every module, for the registry only.
 * Modules are listed one per line in modules.def (a plain list so that
 * branches adding modules merge without conflicts).
 */
#ifndef FIBRESIM_MODULES_H
#define FIBRESIM_MODULES_H

#include "fibresim/module.h"

#define MODULE(sym) extern const ModuleDef sym;
#include "modules.def"
#undef MODULE

#endif
