/*
 * modules.h - the ModuleDef of every module, for the registry only.
 */
#ifndef FIBRESIM_MODULES_H
#define FIBRESIM_MODULES_H

#include "fibresim/module.h"

/* extern const ModuleDef tutorial_module; (one line per module) */
extern const ModuleDef endface_module;

#endif
