/*
 * ef_proc.c - the inspection and cleaning procedure: what each choice and
 * gesture does to the two end faces, what it tells the trainee, and the
 * measures reported to the rubric (list in ef_module.c).
 *
 * Everything here is a function of the setup, the events and the attempt's
 * Rng (drawn only by the cleaning and mating physics, in event order).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ef_proc.h"
#include "fibresim/scenario.h"

/* ---- small helpers --------------------------------------------------------- */

static void note(EfState *st, uint32_t tick, EndfaceNoteCode code, EndfaceSide side, EndfaceKind kind, int zone,
                 double size_um, uint32_t count)
{
    if (!st->notes) {
        return;
    }
    if (st->n_notes == EF_NOTES_MAX) {
        /* Keep the latest: the scene shows the newest notes. */
        memmove(st->notes, st->notes + 1, (EF_NOTES_MAX - 1) * sizeof *st->notes);
        st->n_notes--;
    }
    EndfaceNote n = {tick, code, side, kind, zone, size_um, count};
    st->notes[st->n_notes++] = n;
}

static void simple_note(EfState *st, uint32_t tick, EndfaceNoteCode code, EndfaceSide side)
{
    note(st, tick, code, side, EF_DUST, -1, 0.0, 0);
}

/* Whether the permanent features alone fail the face: no cleaning can help. */
static bool permanent_fails(const Endface *f)
{
    Endface perm;
    endface_init(&perm, f->type, f->ferrule);
    for (size_t i = 0; i < f->count; i++) {
        if (!endface_kind_removable(f->features[i].kind) && !endface_add(&perm, &f->features[i])) {
            endface_finish(&perm);
            return false;
        }
    }
    IecGrade g;
    iec_grade(&perm, &g, NULL);
    endface_finish(&perm);
    return !g.passed;
}

/* The largest permanent feature that fails, for "replace" feedback. */
static bool permanent_failure(const Endface *f, EndfaceKind *kind, int *zone, double *size_um)
{
    Endface perm;
    endface_init(&perm, f->type, f->ferrule);
    for (size_t i = 0; i < f->count; i++) {
        if (!endface_kind_removable(f->features[i].kind)) {
            endface_add(&perm, &f->features[i]);
        }
    }
    IecGrade g;
    iec_grade(&perm, &g, NULL);
    bool fails = !g.passed;
    if (fails) {
        const IecZoneGrade *zg = &g.zones[g.first_failing_zone];
        *kind = perm.features[zg->fail_feature].kind;
        *zone = g.first_failing_zone;
        *size_um = zg->fail_size_um;
    }
    endface_finish(&perm);
    return fails;
}

static bool in_contact(const EndfaceFeature *f)
{
    double rmin, rmax;
    endface_feature_extent(f, &rmin, &rmax);
    return rmin <= ENDFACE_CONTACT_RADIUS_UM;
}

/* Oil or solvent residue in the contact zone: only solvent removes them. */
static bool has_film(const Endface *f)
{
    for (size_t i = 0; i < f->count; i++) {
        EndfaceKind k = f->features[i].kind;
        if ((k == EF_OIL || k == EF_RESIDUE) && in_contact(&f->features[i])) {
            return true;
        }
    }
    return false;
}

/* Whether the method suits the side and what is on it (REFERENCE 3.3):
 * ports take the click cleaner only (a wipe cannot reach, never wet-clean a
 * bulkhead); films need wet-to-dry; loose particles a dry method first, wet
 * once a dry cycle has been tried (the Cisco loop). */
static bool method_suited(const EfSideState *s, EndfaceSide side, EndfaceTool tool)
{
    if (side == EF_SIDE_PORT) {
        return tool == EF_TOOL_CLICK;
    }
    if (has_film(&s->face)) {
        return tool == EF_TOOL_WET_KIT;
    }
    return tool == EF_TOOL_CASSETTE || tool == EF_TOOL_CLICK || (tool == EF_TOOL_WET_KIT && s->dry_cycles > 0);
}

static void changed(EfSideState *s)
{
    s->version++;
}

/* ---- decisions --------------------------------------------------------------- */

static void start_inspection(EfState *st, EndfaceSide side)
{
    st->phase = EF_PHASE_INSPECTING;
    st->cur = side;
    st->tool = EF_TOOL_NONE;
    st->pressing = false;
    st->n_marks = 0;
    EfSideState *s = &st->side[side];
    s->inspected = true;
    s->inspections++;
    s->cycle_open = false;
}

static void give_verdict(EfState *st, const ModuleCtx *ctx, uint32_t tick, EndfaceVerdict said)
{
    EfSideState *s = &st->side[st->cur];
    IecFeatureGrade *per = calloc(s->face.count + 1, sizeof *per);
    IecGrade g;
    iec_grade(&s->face, &g, per);
    bool right = (said == EF_VERDICT_PASS) == g.passed;
    st->verdicts++;
    st->verdicts_right += right;
    s->verdict = said;
    s->verdict_version = s->version;
    if (!right) {
        sheet_event(ctx->sheet, "verdict_wrong", tick);
    }
    if (right) {
        simple_note(st, tick, EF_NOTE_VERDICT_RIGHT, st->cur);
    } else if (!g.passed) {
        const IecZoneGrade *zg = &g.zones[g.first_failing_zone];
        note(st, tick, EF_NOTE_SAID_PASS_BUT_FAILS, st->cur, s->face.features[zg->fail_feature].kind,
             g.first_failing_zone, zg->fail_size_um, 0);
    } else {
        simple_note(st, tick, EF_NOTE_SAID_FAIL_BUT_PASSES, st->cur);
    }
    /* A right FAIL: did a mark point at one of the features that fail? */
    if (right && !g.passed) {
        st->fail_verdicts_right++;
        bool located = false;
        for (size_t i = 0; per && i < s->face.count && !located; i++) {
            if (!iec_feature_fails(&g, &per[i])) {
                continue;
            }
            for (size_t m = 0; m < st->n_marks && !located; m++) {
                if (endface_feature_distance_um(&s->face.features[i], st->marks[m].x_um, st->marks[m].y_um)
                    <= EF_MARK_TOLERANCE_UM) {
                    located = true;
                    int zone = -1;
                    for (int z = 0; z < ZONE_COUNT && zone < 0; z++) {
                        if (per[i].bin[z] >= 0 && !g.zones[z].passed) {
                            zone = z;
                        }
                    }
                    note(st, tick, EF_NOTE_FAULT_LOCATED, st->cur, s->face.features[i].kind, zone, per[i].size_um,
                         0);
                }
            }
        }
        st->faults_located += located;
    }
    free(per);
    st->phase = EF_PHASE_BENCH;
    st->pressing = false;
    st->n_marks = 0;
}

static void replace_side(EfState *st, const ModuleCtx *ctx, uint32_t tick, EndfaceSide side)
{
    EfSideState *s = &st->side[side];
    EndfaceKind kind = EF_SCRATCH;
    int zone = -1;
    double size = 0.0;
    if (permanent_failure(&s->face, &kind, &zone, &size)) {
        note(st, tick, EF_NOTE_REPLACED_NEEDED, side, kind, zone, size, 0);
    } else {
        s->needless_replacement = true;
        sheet_event(ctx->sheet, "replaced_needlessly", tick);
        simple_note(st, tick, EF_NOTE_REPLACED_NEEDLESS, side);
    }
    if (!s->inspected) {
        s->touched_blind = true;
    }
    /* The new connector: the setup's spare (a copy; OOM keeps the old face). */
    endface_copy(&s->face, &st->setup->spare[side]);
    s->replacements++;
    s->verdict = EF_VERDICT_NONE;
    s->cycle_open = false;
    s->dry_cycles = 0;
    changed(s);
    st->phase = EF_PHASE_BENCH;
    st->tool = EF_TOOL_NONE;
    st->pressing = false;
}

static void connect(EfState *st, const ModuleCtx *ctx, uint32_t tick)
{
    bool all_pass = true, all_checked = true;
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        EfSideState *s = &st->side[i];
        IecGrade g;
        iec_grade(&s->face, &g, NULL);
        all_pass = all_pass && g.passed;
        all_checked = all_checked && s->verdict == EF_VERDICT_PASS && s->verdict_version == s->version;
        if (!s->inspected) {
            s->touched_blind = true;
        }
    }
    st->final_pass = all_pass;
    st->connected_after_pass = all_checked;
    if (!all_checked) {
        sheet_event(ctx->sheet, "connected_unchecked", tick);
        simple_note(st, tick, EF_NOTE_CONNECTED_UNCHECKED, EF_SIDE_PORT);
    }
    /* Mating moves what was left from one face to the other (the view shows
     * the result); the measures above are the faces as they were plugged. */
    endface_mate(&st->side[EF_SIDE_PATCH].face, &st->side[EF_SIDE_PORT].face, &st->setup->clean, ctx->rng, NULL);
    st->connected = true;
    st->phase = EF_PHASE_CONNECTED;
    st->pressing = false;
}

static void hint(EfState *st, const ModuleCtx *ctx, uint32_t tick)
{
    if (!st->hints) {
        return;
    }
    sheet_event(ctx->sheet, "hint_used", tick);
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        EfSideState *s = &st->side[i];
        if (s->verdict == EF_VERDICT_NONE || s->verdict_version != s->version) {
            simple_note(st, tick, EF_NOTE_HINT_INSPECT, (EndfaceSide)i);
            return;
        }
        IecGrade g;
        iec_grade(&s->face, &g, NULL);
        if (g.passed) {
            continue;
        }
        EndfaceNoteCode c = permanent_fails(&s->face) ? EF_NOTE_HINT_REPLACE
                            : i == EF_SIDE_PORT      ? EF_NOTE_HINT_CLICK
                            : has_film(&s->face)     ? EF_NOTE_HINT_CLEAN_WET
                                                     : EF_NOTE_HINT_CLEAN_DRY;
        simple_note(st, tick, c, (EndfaceSide)i);
        return;
    }
    simple_note(st, tick, EF_NOTE_HINT_CONNECT, EF_SIDE_PATCH);
}

static bool side_choice(const char *id, const char *verb, EndfaceSide *side)
{
    size_t n = strlen(verb);
    if (strncmp(id, verb, n) != 0 || id[n] != '_') {
        return false;
    }
    if (strcmp(id + n + 1, "patch") == 0) {
        *side = EF_SIDE_PATCH;
        return true;
    }
    if (strcmp(id + n + 1, "port") == 0) {
        *side = EF_SIDE_PORT;
        return true;
    }
    return false;
}

static void on_choice(EfState *st, const ModuleCtx *ctx, uint32_t tick, const char *id)
{
    EndfaceSide side;
    if (side_choice(id, "look", &side)) {
        /* Whatever else is going on: the eye near a possibly live fibre. */
        sheet_safety(ctx->sheet, "looked_into_fibre", tick);
        simple_note(st, tick, EF_NOTE_LOOKED_INTO, side);
        return;
    }
    if (strcmp(id, "overlay") == 0) {
        st->overlay = !st->overlay;
    } else if (strcmp(id, "cassette_advance") == 0) {
        st->cassette_section++;
        memset(st->lane, 0, sizeof st->lane);
        memset(st->lane_used, 0, sizeof st->lane_used);
    } else if (strcmp(id, "new_wipe") == 0) {
        memset(st->cell, 0, sizeof st->cell);
        memset(st->cell_used, 0, sizeof st->cell_used);
        st->wet_spot = false;
    } else if (side_choice(id, "inspect", &side)) {
        start_inspection(st, side);
    } else if (strcmp(id, "verdict_pass") == 0 || strcmp(id, "verdict_fail") == 0) {
        if (st->phase == EF_PHASE_INSPECTING) {
            give_verdict(st, ctx, tick, id[8] == 'p' ? EF_VERDICT_PASS : EF_VERDICT_FAIL);
        }
    } else if (strcmp(id, "back") == 0) {
        st->phase = EF_PHASE_BENCH;
        st->tool = EF_TOOL_NONE;
        st->pressing = false;
        st->n_marks = 0;
    } else if (side_choice(id, "clean", &side)) {
        st->phase = EF_PHASE_CLEANING;
        st->cur = side;
        st->tool = EF_TOOL_NONE;
        st->pressing = false;
    } else if (strncmp(id, "tool_", 5) == 0) {
        if (st->phase == EF_PHASE_CLEANING) {
            EndfaceTool t = strcmp(id, "tool_cassette") == 0 ? EF_TOOL_CASSETTE
                            : strcmp(id, "tool_click") == 0  ? EF_TOOL_CLICK
                            : strcmp(id, "tool_wet") == 0    ? EF_TOOL_WET_KIT
                                                             : EF_TOOL_NONE;
            if (t != EF_TOOL_NONE) {
                st->tool = t;
                st->pressing = false;
            }
        }
    } else if (side_choice(id, "replace", &side)) {
        replace_side(st, ctx, tick, side);
    } else if (strcmp(id, "connect") == 0) {
        connect(st, ctx, tick);
    }
    /* Unknown ids are ignored: a newer front end may offer more. */
}

/* ---- cleaning gestures ------------------------------------------------------- */

static int lane_at(double x, double y)
{
    if (x < EF_CASSETTE_X0_MM || x > EF_CASSETTE_X1_MM) {
        return -1;
    }
    for (int i = 0; i < EF_CASSETTE_LANES; i++) {
        double y0 = EF_CASSETTE_LANE_Y0_MM + i * EF_CASSETTE_LANE_PITCH_MM;
        if (y >= y0 && y <= y0 + EF_CASSETTE_LANE_H_MM) {
            return i;
        }
    }
    return -1;
}

static bool on_wipe(double x, double y)
{
    return x >= EF_WIPE_X0_MM && x <= EF_WIPE_X0_MM + EF_WIPE_SIZE_MM && y >= EF_WIPE_Y0_MM
           && y <= EF_WIPE_Y0_MM + EF_WIPE_SIZE_MM;
}

static void wipe_cell(double x, double y, int *cx, int *cy)
{
    double cell = EF_WIPE_SIZE_MM / EF_WIPE_CELLS;
    *cx = (int)floor((x - EF_WIPE_X0_MM) / cell);
    *cy = (int)floor((y - EF_WIPE_Y0_MM) / cell);
    *cx = *cx < 0 ? 0 : (*cx >= EF_WIPE_CELLS ? EF_WIPE_CELLS - 1 : *cx);
    *cy = *cy < 0 ? 0 : (*cy >= EF_WIPE_CELLS ? EF_WIPE_CELLS - 1 : *cy);
}

/* One cleaning stroke that touched the face: physics, feedback, tallies. */
static void apply_stroke(EfState *st, const ModuleCtx *ctx, uint32_t tick, CleanMethod method, CleanPattern pattern,
                         bool ended_dry, WipeArea *area, bool direction_ok, bool fresh)
{
    EfSideState *s = &st->side[st->cur];
    EndfaceSide side = st->cur;
    if (!s->inspected) {
        s->touched_blind = true;
        if (!s->cycle_open) {
            sheet_event(ctx->sheet, "cleaned_without_inspection", tick);
        }
    }
    if (!s->cycle_open) {
        /* A cleaning cycle: the strokes between two inspections of a side. */
        s->cycle_open = true;
        s->cycles++;
        st->cycles++;
        st->cycles_suited += method_suited(s, side, st->tool);
        if (st->tool != EF_TOOL_WET_KIT) {
            s->dry_cycles++;
        }
        if (permanent_fails(&s->face) && endface_count_removable(&s->face) == 0) {
            simple_note(st, tick, EF_NOTE_DAMAGE_NOT_CLEANABLE, side);
        }
    }
    bool one_pass = pattern == CLEAN_STRAIGHT;
    st->strokes++;
    st->stroke_quality_sum += ((direction_ok ? 1.0 : 0.0) + (one_pass ? 1.0 : 0.0) + (fresh ? 1.0 : 0.0)) / 3.0;
    if (!fresh) {
        sheet_event(ctx->sheet, "stroke_reused_area", tick);
        simple_note(st, tick, EF_NOTE_REUSED_AREA, side);
    }
    if (!one_pass) {
        sheet_event(ctx->sheet, "stroke_scrubbing", tick);
    }
    CleanTarget target = side == EF_SIDE_PORT ? CLEAN_TARGET_PORT : CLEAN_TARGET_PLUG;
    if (side == EF_SIDE_PORT && method != CLEAN_CLICK) {
        simple_note(st, tick, EF_NOTE_WIPE_CANNOT_REACH, side);
        if (method == CLEAN_WET_TO_DRY) {
            sheet_event(ctx->sheet, "wet_on_port", tick);
            simple_note(st, tick, EF_NOTE_WET_ON_PORT, side);
        }
    }
    CleanStroke stroke = {method, pattern, ended_dry};
    CleanOutcome o;
    memset(&o, 0, sizeof o);
    endface_clean(&s->face, target, &stroke, area, &st->setup->clean, ctx->rng, &o);
    changed(s);
    if (o.lifted) {
        note(st, tick, EF_NOTE_LIFTED, side, EF_DUST, -1, 0.0, o.lifted);
    }
    if (o.smeared) {
        note(st, tick, EF_NOTE_OIL_SMEARED, side, EF_OIL, -1, 0.0, o.smeared);
    }
    if (o.redeposited) {
        note(st, tick, EF_NOTE_REDEPOSITED, side, EF_DUST, -1, 0.0, o.redeposited);
    }
    if (o.moved) {
        note(st, tick, EF_NOTE_SCRUB_MOVED, side, EF_DUST, -1, 0.0, o.moved);
    }
    if (o.residue_left) {
        note(st, tick, EF_NOTE_RESIDUE_LEFT, side, EF_RESIDUE, -1, 0.0, o.residue_left);
    }
}

static void end_stroke(EfState *st, const ModuleCtx *ctx, uint32_t tick)
{
    EfStroke k;
    ef_stroke_measure(&st->path, &k);
    ef_path_clear(&st->path);
    st->pressing = false;
    switch (st->tool) {
    case EF_TOOL_CASSETTE: {
        int lane = lane_at(k.x0, k.y0);
        if (k.tap || k.length_mm < EF_STROKE_MIN_MM) {
            return; /* a touch, not a wipe */
        }
        if (lane < 0) {
            sheet_event(ctx->sheet, "stroke_off_tool", tick);
            return;
        }
        double off = fabs(k.angle_deg);
        bool direction_ok = off <= EF_DIRECTION_TOL_DEG;
        if (!direction_ok) {
            sheet_event(ctx->sheet, "stroke_wrong_direction", tick);
            simple_note(st, tick, EF_NOTE_WRONG_DIRECTION, st->cur);
        }
        bool fresh = !st->lane_used[lane];
        st->lane_used[lane] = true;
        apply_stroke(st, ctx, tick, CLEAN_DRY_WIPE, k.pattern, true, &st->lane[lane], direction_ok, fresh);
        return;
    }
    case EF_TOOL_CLICK:
        if (k.push_mm < EF_TAP_MAX_MM && k.tap) {
            return;
        }
        if (k.push_mm >= EF_CLICK_TRAVEL_MM && k.sideways_mm <= EF_CLICK_SIDEWAYS_MM) {
            apply_stroke(st, ctx, tick, CLEAN_CLICK, CLEAN_STRAIGHT, true, NULL, true, true);
        } else {
            /* Not pushed home: the tape did not turn, nothing was cleaned. */
            st->strokes++;
            st->stroke_quality_sum += 2.0 / 3.0;
            sheet_event(ctx->sheet, "short_push", tick);
            simple_note(st, tick, EF_NOTE_SHORT_PUSH, st->cur);
        }
        return;
    case EF_TOOL_WET_KIT: {
        if (k.tap) {
            if (on_wipe(k.x0, k.y0)) {
                st->wet_spot = true;
                st->wet_x_mm = k.x0;
                st->wet_y_mm = k.y0;
            }
            return;
        }
        if (k.length_mm < EF_STROKE_MIN_MM) {
            return;
        }
        if (!on_wipe(k.x0, k.y0)) {
            sheet_event(ctx->sheet, "stroke_off_tool", tick);
            return;
        }
        bool wet = st->wet_spot && hypot(k.x0 - st->wet_x_mm, k.y0 - st->wet_y_mm) <= EF_WET_SPOT_RADIUS_MM;
        bool ended_dry = wet && on_wipe(k.x1, k.y1)
                         && hypot(k.x1 - st->wet_x_mm, k.y1 - st->wet_y_mm)
                                >= EF_WET_SPOT_RADIUS_MM + EF_WET_DRY_MARGIN_MM;
        int cx, cy;
        wipe_cell(k.x0, k.y0, &cx, &cy);
        bool fresh = !st->cell_used[cx][cy];
        st->cell_used[cx][cy] = true;
        if (wet) {
            st->wet_spot = false; /* the solvent went with the stroke */
        } else {
            simple_note(st, tick, EF_NOTE_NO_SOLVENT, st->cur);
        }
        /* With this kit the gesture is wet-to-dry: start wet, finish dry. */
        apply_stroke(st, ctx, tick, wet ? CLEAN_WET_TO_DRY : CLEAN_DRY_WIPE, k.pattern, ended_dry,
                     &st->cell[cx][cy], ended_dry, fresh);
        return;
    }
    case EF_TOOL_NONE:
    case EF_TOOL_COUNT:
    default:
        return;
    }
}

static void on_pointer(EfState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e)
{
    /* The first pointer pressed is the active one until released. */
    if (st->pressing && e->pointer != st->pointer) {
        return;
    }
    if (!st->pressing && e->kind != INPUT_POINTER_DOWN) {
        return; /* hovering */
    }
    if (st->phase == EF_PHASE_INSPECTING) {
        if (e->kind == INPUT_POINTER_DOWN) {
            if (st->n_marks < EF_MARKS_MAX) {
                EndfaceMark m = {e->x, e->y};
                st->marks[st->n_marks++] = m;
            }
            st->pressing = true;
            st->pointer = e->pointer;
        } else if (e->kind == INPUT_POINTER_UP) {
            st->pressing = false;
        }
        return;
    }
    if (st->phase != EF_PHASE_CLEANING || st->tool == EF_TOOL_NONE) {
        if (e->kind == INPUT_POINTER_UP) {
            st->pressing = false;
        }
        return;
    }
    if (e->kind == INPUT_POINTER_DOWN) {
        ef_path_clear(&st->path);
        st->pressing = ef_path_add(&st->path, e->x, e->y);
        st->pointer = e->pointer;
    } else if (e->kind == INPUT_POINTER_MOVE) {
        ef_path_add(&st->path, e->x, e->y);
    } else if (e->kind == INPUT_POINTER_UP) {
        ef_path_add(&st->path, e->x, e->y);
        end_stroke(st, ctx, tick);
    }
}

/* ---- module callbacks -------------------------------------------------------- */

void *ef_create(const ModuleCtx *ctx)
{
    const EfSetup *setup = ctx->scn->setup;
    EfState *st = calloc(1, sizeof *st);
    if (!st) {
        return NULL;
    }
    st->setup = setup;
    st->hints = ctx->scn->hints;
    st->magnification = 200;
    st->overlay = true;
    st->notes = malloc(EF_NOTES_MAX * sizeof *st->notes);
    bool ok = st->notes != NULL;
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        endface_init(&st->side[i].face, setup->face[i].type, setup->face[i].ferrule);
        ok = ok && endface_copy(&st->side[i].face, &setup->face[i]);
    }
    if (!ok) {
        ef_destroy(st);
        return NULL;
    }
    return st;
}

void ef_step(void *state, const ModuleCtx *ctx, uint32_t tick, const InputEvent *events, size_t n)
{
    EfState *st = state;
    for (size_t i = 0; i < n && !st->connected; i++) {
        const InputEvent *e = &events[i];
        switch (e->kind) {
        case INPUT_CHOICE:
            on_choice(st, ctx, tick, e->choice);
            break;
        case INPUT_KEY:
            if (e->action == ACTION_HINT) {
                hint(st, ctx, tick);
            } else if (e->action == ACTION_ZOOM_IN) {
                st->magnification = 400;
            } else if (e->action == ACTION_ZOOM_OUT) {
                st->magnification = 200;
            }
            break;
        case INPUT_WHEEL:
            if (st->phase == EF_PHASE_INSPECTING && e->steps != 0.0) {
                st->magnification = e->steps > 0.0 ? 400 : 200;
            }
            break;
        case INPUT_POINTER_DOWN:
        case INPUT_POINTER_MOVE:
        case INPUT_POINTER_UP:
            on_pointer(st, ctx, tick, e);
            break;
        case INPUT_KIND_COUNT:
        default:
            break;
        }
    }
}

bool ef_finished(const void *state)
{
    return ((const EfState *)state)->connected;
}

void ef_end(void *state, const ModuleCtx *ctx, uint32_t tick, AttemptStatus how)
{
    EfState *st = state;
    (void)how;
    Sheet *sh = ctx->sheet;
    unsigned first = 0, decided = 0;
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        const EfSideState *s = &st->side[i];
        first += s->inspected && !s->touched_blind;
        decided += !s->needless_replacement && !permanent_fails(&s->face);
    }
    sheet_measure(sh, "inspected_first", first / (double)EF_SIDE_COUNT, tick);
    sheet_measure(sh, "replace_decision", decided / (double)EF_SIDE_COUNT, tick);
    sheet_measure(sh, "cleaning_cycles", st->cycles, tick);
    sheet_measure(sh, "inspections", st->side[0].inspections + st->side[1].inspections, tick);
    sheet_measure(sh, "strokes", st->strokes, tick);
    if (st->verdicts) {
        sheet_measure(sh, "verdict_accuracy", st->verdicts_right / (double)st->verdicts, tick);
    }
    if (st->fail_verdicts_right) {
        sheet_measure(sh, "faults_located", st->faults_located / (double)st->fail_verdicts_right, tick);
    }
    if (st->cycles) {
        sheet_measure(sh, "method_suited", st->cycles_suited / (double)st->cycles, tick);
    }
    if (st->strokes) {
        sheet_measure(sh, "stroke_quality", st->stroke_quality_sum / st->strokes, tick);
    }
    if (st->connected) {
        sheet_measure(sh, "final_iec_pass", st->final_pass ? 1.0 : 0.0, tick);
        sheet_measure(sh, "connected_after_pass", st->connected_after_pass ? 1.0 : 0.0, tick);
    }
}

void ef_destroy(void *state)
{
    EfState *st = state;
    if (!st) {
        return;
    }
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        endface_finish(&st->side[i].face);
    }
    ef_path_finish(&st->path);
    free(st->notes);
    free(st);
}

void endface_view(const void *module_state, EndfaceView *out)
{
    const EfState *st = module_state;
    memset(out, 0, sizeof *out);
    out->phase = st->phase;
    out->side = st->cur;
    out->tool = st->tool;
    out->overlay = st->overlay;
    out->magnification = st->magnification;
    for (int i = 0; i < EF_SIDE_COUNT; i++) {
        const EfSideState *s = &st->side[i];
        EndfaceSideView *v = &out->sides[i];
        v->face = &s->face;
        v->inspected = s->inspected;
        v->verdict = s->verdict;
        v->verdict_current = s->verdict != EF_VERDICT_NONE && s->verdict_version == s->version;
        v->inspections = s->inspections;
        v->cycles = s->cycles;
        v->replacements = s->replacements;
    }
    out->marks = st->marks;
    out->n_marks = st->phase == EF_PHASE_INSPECTING ? st->n_marks : 0;
    out->cassette_section = st->cassette_section;
    memcpy(out->cassette_lane_used, st->lane_used, sizeof out->cassette_lane_used);
    memcpy(out->wipe_cell_used, st->cell_used, sizeof out->wipe_cell_used);
    out->wet_spot = st->wet_spot;
    out->wet_x_mm = st->wet_x_mm;
    out->wet_y_mm = st->wet_y_mm;
    out->notes = st->notes;
    out->n_notes = st->n_notes;
    out->pressing = st->pressing && st->phase == EF_PHASE_CLEANING;
    out->path_mm = out->pressing ? (const double(*)[2])st->path.xy : NULL;
    out->path_count = out->pressing ? st->path.n : 0;
}
