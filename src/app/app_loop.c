/*
 * app_loop.c - the interactive loop: events, fixed ticks, one frame.
 *
 * With vsync the renderer paces the loop; without it (software renderer on a
 * laptop with no GPU) the loop sleeps to about 60 frames per second so it
 * does not burn the battery.
 */
#include "app.h"

#define FRAME_S (1.0 / 60.0)

int app_loop(App *app)
{
    Uint64 freq = SDL_GetPerformanceFrequency();
    Uint64 prev = SDL_GetPerformanceCounter();
    while (!app->quit) {
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            app_event(app, &e);
        }
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = (double)(now - prev) / (double)freq;
        prev = now;
        app_frame(app, dt);
        double spent = (double)(SDL_GetPerformanceCounter() - now) / (double)freq;
        if (spent < FRAME_S - 0.002) {
            SDL_Delay((Uint32)((FRAME_S - spent) * 1000.0));
        }
    }
    const SceneDef *sd = app_scene_def(app->scene);
    if (sd && sd->close && app->scene_self) {
        sd->close(app->scene_self, app);
    }
    return 0;
}
