/*
 * module_scenes.h - the ModuleScene of every module, for module_scenes.c only.
 * Add one line per module scene (like src/modules/modules.h for the core).
 */
#ifndef FIBRESIM_MODULE_SCENES_H
#define FIBRESIM_MODULE_SCENES_H

#include "module_scene.h"

/* extern const ModuleScene tutorial_scene; (one line per module scene) */
extern const ModuleScene tutorial_scene;
extern const ModuleScene otdr_scene;

#endif
