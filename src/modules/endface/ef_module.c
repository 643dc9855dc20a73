/*
 * ef_module.c - the endface module's entry in the registry: connector
 * inspection (IEC 61300-3-35) and cleaning, both sides, then connect.
 *
 * Measures reported on the Sheet (all at the end of the attempt):
 *   inspected_first       0..1  share of the two sides inspected before being
 *                               cleaned, replaced or connected
 *   verdict_accuracy      0..1  right verdicts / verdicts (if any verdict)
 *   faults_located        0..1  right FAIL verdicts with a mark on a failing
 *                               feature / right FAIL verdicts (if any)
 *   method_suited         0..1  cleaning cycles with a suited method / cycles
 *                               (if any cleaning)
 *   stroke_quality        0..1  mean over strokes of (direction right + one
 *                               straight pass + fresh area) / 3 (if any stroke)
 *   cleaning_cycles       count cleaning cycles, both sides (strokes between
 *                               two inspections of a side)
 *   final_iec_pass        0/1   both faces passed IEC when connected (if connected)
 *   connected_after_pass  0/1   both sides had a PASS verdict given after their
 *                               last change (if connected)
 *   replace_decision      0..1  share of sides with the right decision: replaced
 *                               only when permanent damage fails the face
 *   inspections, strokes  count for the instructor's report
 * Events (for penalties): verdict_wrong, stroke_reused_area, stroke_scrubbing,
 *   stroke_wrong_direction, stroke_off_tool, short_push, wet_on_port,
 *   cleaned_without_inspection, replaced_needlessly, connected_unchecked,
 *   hint_used.
 * Safety fault: looked_into_fibre (fails the attempt).
 */
#include "ef_proc.h"
#include "modules.h"

static const char *const measures[] = {
    "inspected_first", "verdict_accuracy", "faults_located", "method_suited", "stroke_quality",
    "cleaning_cycles", "final_iec_pass", "connected_after_pass", "replace_decision", "inspections",
    "strokes", NULL,
};

static const char *const events[] = {
    "verdict_wrong", "stroke_reused_area", "stroke_scrubbing", "stroke_wrong_direction", "stroke_off_tool",
    "short_push", "wet_on_port", "cleaned_without_inspection", "replaced_needlessly", "connected_unchecked",
    "hint_used", NULL,
};

const ModuleDef endface_module = {
    .name = "endface",
    .scene_unit = "mm",
    .label = N_("Connector cleaning"),
    .measures = measures,
    .events = events,
    .measure_known = NULL,
    .messages = ef_messages,
    .load_setup = ef_setup_load,
    .free_setup = ef_setup_free,
    .create = ef_create,
    .step = ef_step,
    .finished = ef_finished,
    .end = ef_end,
    .destroy = ef_destroy,
};
