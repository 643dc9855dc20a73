/*
 * module_scenes.c - the front end's list of module pictures: the only place
 * that names them all. A module without an entry still runs, with a plain
 * panel instead of its picture.
 */
#include <string.h>

#include "module_scene.h"
#include "module_scenes.h"

/* NULL-terminated. Add a line here and in module_scenes.h, nowhere else. */
static const ModuleScene *const module_scenes[] = {
    &tutorial_scene,
    &otdr_scene,
    NULL,
};

const ModuleScene *module_scene_find(const char *module)
{
    for (size_t i = 0; module_scenes[i]; i++) {
        if (strcmp(module_scenes[i]->module, module) == 0) {
            return module_scenes[i];
        }
    }
    return NULL;
}
