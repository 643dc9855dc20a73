/*
 * instructor.c - see instructor.h.
 */
#include "instructor.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "module_scene.h"
#include "theme.h"

bool instructor_report_at(const char *data, const char *scenarios, const char *trainee, bool verify,
                          ReportProgress *progress, Report *out)
{
    const char *dirs[1] = {data};
    const char *scn_dirs[2] = {scenarios, NULL};
    ReportOptions o;
    memset(&o, 0, sizeof o);
    o.dirs = dirs;
    o.n_dirs = 1;
    o.scenario_dirs = scn_dirs;
    o.filter.trainee = trainee;
    o.verify = verify;
    o.use_cache = true;
    long cpus = SDL_GetCPUCount();
    o.threads = cpus > 1 ? (unsigned)(cpus > 8 ? 8 : cpus) : 1;
    o.progress = progress;
    char err[512];
    if (!report_build(&o, out, err, sizeof err)) {
        if (!progress || !atomic_load(&progress->cancel)) {
            SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "report of %s: %s", data, err);
        }
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}

bool instructor_report(App *app, const char *trainee, bool verify, ReportProgress *progress, Report *out)
{
    return instructor_report_at(app->paths.data, app->paths.scenarios, trainee, verify, progress, out);
}

ReportOut instructor_out(const App *app, const Report *r)
{
    ReportOut o;
    memset(&o, 0, sizeof o);
    o.r = r;
    o.lang = app->settings.lang;
    o.decimal_sep = i18n_decimal_sep();
    return o;
}

void instructor_leave(App *app)
{
    app->instructor_unlocked = false;
    app->review_trainee[0] = '\0';
    app->review_attempt[0] = '\0';
    app->review_start_frac = 0;
    app->review_autoplay = false;
}

/* Days since 1970 of an ISO time, with the time of day as a fraction. */
static double iso_days(const char *iso)
{
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
    sscanf(iso, "%d-%d-%dT%d:%d:%d", &y, &m, &d, &hh, &mm, &ss);
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)era * 146097.0 + doe - 719468 + (hh * 3600 + mm * 60 + ss) / 86400.0;
}

static void short_date(const App *app, const char *iso, char *out, size_t n)
{
    if (strcmp(app->settings.lang, "fr") == 0) {
        snprintf(out, n, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
    } else {
        snprintf(out, n, "%.10s", iso);
    }
}

void instructor_chart(App *app, SDL_FRect r, const Report *rep, const ReportTrainee *t, const ReportFigures *mf)
{
    Gfx *g = app->gfx;
    float sc = app_scale(app);
    gfx_fill_rounded(g, r, THEME_RADIUS * sc, theme.panel);
    gfx_stroke_rounded(g, r, THEME_RADIUS * sc, 1, theme.border);
    float lh = gfx_line_height(g, GFX_FONT_BOLD, THEME_TEXT_SMALL);
    GfxTextStyle ts = gfx_style(GFX_FONT_BOLD, THEME_TEXT_SMALL, theme.text);
    ts.shrink = true;
    gfx_text(g, report_module_label(mf->module), (SDL_FRect){r.x + 10 * sc, r.y + 6 * sc, r.w - 20 * sc, lh}, &ts);
    float axis_w = gfx_text_measure(g, "100", GFX_FONT_REGULAR, THEME_TEXT_SMALL - 3).x + 10 * sc;
    SDL_FRect p = {r.x + 10 * sc + axis_w, r.y + lh + 14 * sc, r.w - 24 * sc - axis_w, 0};
    float date_h = gfx_line_height(g, GFX_FONT_REGULAR, THEME_TEXT_SMALL - 3);
    p.h = r.y + r.h - p.y - date_h - 10 * sc;
    if (p.w < 20 || p.h < 20) {
        return;
    }
    SDL_Color grid = {226, 230, 236, 255};
    for (int s = 0; s <= 100; s += 25) {
        float y = p.y + p.h * (1.0f - (float)s / 100.0f);
        gfx_fill_rect(g, (SDL_FRect){p.x, floorf(y), p.w, 1}, grid);
        char lbl[8];
        snprintf(lbl, sizeof lbl, "%d", s);
        gfx_text_at(g, lbl, p.x - 6 * sc, y - date_h * 0.5f, GFX_FONT_REGULAR, THEME_TEXT_SMALL - 3, theme.text_muted,
                    GFX_ALIGN_RIGHT);
    }
    double t0 = INFINITY, t1 = -INFINITY;
    const ReportAttempt *latest = NULL;
    for (size_t k = t->first; k < t->first + t->count; k++) {
        const ReportAttempt *a = &rep->attempts[k];
        if (a->module != mf->module) {
            continue;
        }
        double d = iso_days(a->started_at);
        t0 = fmin(t0, d);
        t1 = fmax(t1, d);
        latest = a;
    }
    if (!latest) {
        return;
    }
    if (t1 - t0 < 1.0) {
        double mid = 0.5 * (t0 + t1);
        t0 = mid - 0.5;
        t1 = mid + 0.5;
    }
    /* The pass mark of the latest attempt, dashed. */
    float pm_y = p.y + p.h * (1.0f - (float)(latest->pass_mark / 100.0));
    for (float x = p.x; x < p.x + p.w; x += 12 * sc) {
        gfx_fill_rect(g, (SDL_FRect){x, floorf(pm_y), fminf(6 * sc, p.x + p.w - x), fmaxf(1, 2 * sc)}, theme.partial);
    }
    SDL_FPoint pts[512];
    size_t n = 0, total = 0;
    for (size_t k = t->first; k < t->first + t->count; k++) {
        const ReportAttempt *a = &rep->attempts[k];
        total += a->module == mf->module && (a->flags & REPORT_ATTEMPT_COUNTED);
    }
    /* At most one point per 2 px along the line (a long history stays cheap). */
    size_t step = total > 512 ? (total + 511) / 512 : 1, seen = 0;
    for (size_t k = t->first; k < t->first + t->count && n < 512; k++) {
        const ReportAttempt *a = &rep->attempts[k];
        if (a->module != mf->module || !(a->flags & REPORT_ATTEMPT_COUNTED)) {
            continue;
        }
        if (seen++ % step) {
            continue;
        }
        pts[n].x = p.x + p.w * (float)((iso_days(a->started_at) - t0) / (t1 - t0));
        pts[n].y = p.y + p.h * (1.0f - (float)(a->total / 100.0));
        n++;
    }
    if (n >= 2 && n <= 64) {
        /* blended edges: the unblended fast path steps visibly on the
         * shallow slopes of a score chart */
        gfx_polyline(g, pts, n, fmaxf(2, 2.5f * sc), theme.primary);
    } else if (n > 64) {
        gfx_polyline_over(g, pts, n, fmaxf(2, 2.5f * sc), theme.primary, theme.panel);
    }
    float rad = fmaxf(3, 5 * sc);
    for (size_t k = t->first; k < t->first + t->count; k++) {
        const ReportAttempt *a = &rep->attempts[k];
        if (a->module != mf->module) {
            continue;
        }
        float x = p.x + p.w * (float)((iso_days(a->started_at) - t0) / (t1 - t0));
        float y = p.y + p.h * (1.0f - (float)(a->total / 100.0));
        if (!(a->flags & REPORT_ATTEMPT_COUNTED)) {
            gfx_icon(g, GFX_ICON_CROSS, (SDL_FRect){x - 2 * rad, y - 2 * rad, 4 * rad, 4 * rad}, theme.fail);
        } else if (total <= 200) {
            gfx_fill_circle(g, x, y, rad, a->passed ? theme.ok : theme.partial);
        }
    }
    char d0[16], d1[16];
    const ReportAttempt *first = NULL;
    for (size_t k = t->first; k < t->first + t->count && !first; k++) {
        if (rep->attempts[k].module == mf->module) {
            first = &rep->attempts[k];
        }
    }
    short_date(app, first->started_at, d0, sizeof d0);
    short_date(app, latest->started_at, d1, sizeof d1);
    gfx_text_at(g, d0, p.x, p.y + p.h + 4 * sc, GFX_FONT_REGULAR, THEME_TEXT_SMALL - 3, theme.text_muted,
                GFX_ALIGN_LEFT);
    gfx_text_at(g, d1, p.x + p.w, p.y + p.h + 4 * sc, GFX_FONT_REGULAR, THEME_TEXT_SMALL - 3, theme.text_muted,
                GFX_ALIGN_RIGHT);
}

void instructor_prepare(App *app, SceneId id)
{
    (void)id;
    app->instructor_unlocked = true;
    Report r;
    if (!instructor_report(app, NULL, false, NULL, &r)) {
        return;
    }
    const ReportAttempt *pick = NULL;
    if (app->review_attempt[0]) {
        /* asked for one record (screenshot --attempt): the attempt with that
         * file name (its attempt id), wherever the report found it */
        const char *want = strrchr(app->review_attempt, '/');
        want = want ? want + 1 : app->review_attempt;
        for (size_t k = 0; k < r.n_attempts && !pick; k++) {
            const char *base = strrchr(r.attempts[k].path, '/');
            if (strcmp(base ? base + 1 : r.attempts[k].path, want) == 0) pick = &r.attempts[k];
        }
        if (!pick) {
            fprintf(stderr, _("fibresim: no attempt %s in the data folder %s\n"), want, app->paths.data);
        }
    }
    for (size_t i = 0; i < r.n_trainees && !pick; i++) {
        const ReportTrainee *t = &r.trainees[i];
        for (size_t k = t->first; k < t->first + t->count && !pick; k++) {
            if (module_scene_find(r.attempts[k].module)) {
                pick = &r.attempts[k];
            }
        }
    }
    if (!pick && r.n_attempts) {
        pick = &r.attempts[0];
    }
    if (pick) {
        snprintf(app->review_trainee, sizeof app->review_trainee, "%s", pick->trainee_id);
        snprintf(app->review_attempt, sizeof app->review_attempt, "%s", pick->path);
    } else if (r.n_trainees) {
        snprintf(app->review_trainee, sizeof app->review_trainee, "%s", r.trainees[0].id);
    }
    if (app->review_start_frac <= 0) app->review_start_frac = 0.5;
    app->review_autoplay = true;
    report_finish(&r);
}
