/*
 * module_scenes.h - the ModuleScene of every module, for module_scenes.c only.
 * Module scenes are listed one per line in module_scenes.def (a plain list so
 * that branches adding scenes merge without conflicts).
 */
#ifndef FIBRESIM_MODULE_SCENES_H
#define FIBRESIM_MODULE_SCENES_H

#include "module_scene.h"

#define SCENE(sym) extern const ModuleScene sym;
#include "module_scenes.def"
#undef SCENE

#endif
