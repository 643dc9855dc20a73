/*
 * report_loader.c - see report_loader.h.
 */
#include "report_loader.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "instructor.h"
#include "scene_common.h"
#include "theme.h"

static int loader_thread(void *arg)
{
    ReportLoader *l = arg;
    /* The screen's frames come first: on 2 cores the report's two reading
     * and replaying threads (which inherit this priority) otherwise take
     * the main thread's core now and then, and a frame waits for it. */
    if (SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW) != 0) {
        SDL_LogInfo(SDL_LOG_CATEGORY_APPLICATION, "report thread keeps its priority: %s", SDL_GetError());
    }
    l->result_ok = instructor_report_at(l->data, l->scenarios, l->trainee[0] ? l->trainee : NULL, l->verify,
                                        &l->progress, &l->result);
    if (l->titles && l->result_ok && !atomic_load(&l->progress.cancel)) {
        const char *dirs[2] = {l->data, NULL};
        const char *scn[2] = {l->scenarios, NULL};
        l->result_out = instructor_out(l->app, &l->result);
        report_out_load_titles(&l->result_out, dirs, scn);
    }
    SDL_AtomicSet(&l->finished, 1);
    return 0;
}

void report_loader_stop(ReportLoader *l)
{
    if (l->thread) {
        atomic_store(&l->progress.cancel, true);
        SDL_WaitThread(l->thread, NULL);
        l->thread = NULL;
    }
    /* A report nobody took (also one built without a thread): dropped.
     * Both are zeroed once taken, and finishing a zeroed one is a no-op. */
    report_out_finish(&l->result_out);
    report_finish(&l->result);
    memset(&l->result, 0, sizeof l->result);
    memset(&l->result_out, 0, sizeof l->result_out);
    SDL_AtomicSet(&l->finished, 0);
}

void report_loader_start(ReportLoader *l, App *app, const char *trainee, bool verify, bool titles)
{
    report_loader_stop(l);
    l->app = app;
    snprintf(l->data, sizeof l->data, "%s", app->paths.data);
    snprintf(l->scenarios, sizeof l->scenarios, "%s", app->paths.scenarios);
    snprintf(l->trainee, sizeof l->trainee, "%s", trainee ? trainee : "");
    l->verify = verify;
    l->titles = titles;
    report_progress_init(&l->progress);
    memset(&l->result, 0, sizeof l->result);
    memset(&l->result_out, 0, sizeof l->result_out);
    l->result_ok = false;
    SDL_AtomicSet(&l->finished, 0);
    l->thread = SDL_CreateThread(loader_thread, "report", l);
    if (!l->thread) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "no thread for the report (%s): built now", SDL_GetError());
        loader_thread(l);
        l->thread = NULL;
    }
}

bool report_loader_busy(const ReportLoader *l)
{
    return l->thread != NULL && SDL_AtomicGet((SDL_atomic_t *)&l->finished) == 0;
}

bool report_loader_poll(ReportLoader *l, Report *out, bool *ok, ReportOut *titles)
{
    if (SDL_AtomicGet(&l->finished) == 0) {
        return false;
    }
    if (l->thread) {
        SDL_WaitThread(l->thread, NULL);
        l->thread = NULL;
    }
    *out = l->result;
    *ok = l->result_ok;
    if (titles) {
        *titles = l->result_out;
        titles->r = out; /* the report moved */
    } else {
        report_out_finish(&l->result_out);
    }
    memset(&l->result, 0, sizeof l->result);
    memset(&l->result_out, 0, sizeof l->result_out);
    SDL_AtomicSet(&l->finished, 0);
    return true;
}

static double part(const atomic_size_t *done, const atomic_size_t *total)
{
    size_t t = atomic_load(total), d = atomic_load(done);
    return t ? (double)(d < t ? d : t) / (double)t : 0.0;
}

float report_loader_fraction(const ReportLoader *l)
{
    ReportProgress *p = (ReportProgress *)&l->progress;
    double files = part(&p->files_done, &p->files_total);
    if (!l->verify) {
        return (float)files;
    }
    /* Reading a summary costs about a tenth of replaying an attempt. */
    return (float)(0.1 * files + 0.9 * part(&p->verify_done, &p->verify_total));
}

void report_loader_text(const ReportLoader *l, char *out, size_t n)
{
    ReportProgress *p = (ReportProgress *)&l->progress;
    size_t vt = atomic_load(&p->verify_total);
    if (l->verify && vt > 0) {
        size_t vd = atomic_load(&p->verify_done);
        snprintf(out, n, _("%zu / %zu attempts checked"), vd < vt ? vd : vt, vt);
    } else if (atomic_load(&p->files_total) > 0) {
        size_t ft = atomic_load(&p->files_total), fd = atomic_load(&p->files_done);
        snprintf(out, n, _("%zu / %zu attempts read"), fd < ft ? fd : ft, ft);
    } else {
        snprintf(out, n, "%s", _("Looking for the attempts..."));
    }
}

void report_loader_draw(const ReportLoader *l, App *app, SDL_FRect r)
{
    Gfx *g = app->gfx;
    float sc = app_scale(app);
    float lh = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_BODY);
    float bar_h = 18 * sc;
    float w = r.w * 0.6f;
    float block_h = lh * 2 + bar_h + 2 * THEME_GAP * sc;
    SDL_FRect box = {r.x + (r.w - w) * 0.5f, r.y + (r.h - block_h) * 0.5f, w, block_h};
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_BODY, theme.text);
    ts.align = GFX_ALIGN_CENTER;
    ts.shrink = true;
    gfx_text(g, l->verify ? _("Checking every attempt...") : _("Reading the attempts..."),
             rect_take_top(&box, lh, THEME_GAP * sc), &ts);
    SDL_FRect bar = rect_take_top(&box, bar_h, THEME_GAP * sc);
    gfx_fill_rounded(g, bar, bar_h * 0.5f, theme.panel_alt);
    gfx_stroke_rounded(g, bar, bar_h * 0.5f, 1.0f * sc, theme.border);
    float f = report_loader_fraction(l);
    if (f > 0) {
        SDL_FRect done = bar;
        done.w = fmaxf(bar_h, bar.w * f);
        gfx_fill_rounded(g, done, bar_h * 0.5f, theme.primary);
    }
    char line[128];
    report_loader_text(l, line, sizeof line);
    GfxTextStyle ms = gfx_style(GFX_FONT_REGULAR, THEME_TEXT_SMALL, theme.text_muted);
    ms.align = GFX_ALIGN_CENTER;
    ms.shrink = true;
    gfx_text(g, line, rect_take_top(&box, lh, 0), &ms);
}
