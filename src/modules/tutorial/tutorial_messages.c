/*
 * tutorial_messages.c - what each tutorial criterion means, in plain words.
 *
 * Keys are the measure names without their task id: a criterion on
 * "drag1.error_mm" finds "error_mm" (message_find). Coverage has two keys, for
 * the fraction (0..1) and the percentage. Short words: the trainees read
 * little.
 */
#include "tutorial_internal.h"

const MessageDef tutorial_messages[] = {
    {"error_mm", N_("Drop on the mark"),
     N_("On the mark: {value}{unit} away"),
     N_("Mark missed by {value}{unit}: aim within {ok_max}{unit}"),
     N_("Far from the mark: {value}{unit} away. Drop it on the mark"),
     N_("Object not placed")},
    {"speed_cv", N_("Steady pull"),
     N_("Steady pull (speed change {value})"),
     N_("Pull a bit jerky (speed change {value}): keep it under {ok_max}"),
     N_("Jerky pull (speed change {value}): pull slowly, without stopping"),
     N_("Pull not done")},
    {"mean_speed_mm_s", N_("Pull speed"),
     N_("Good speed: {value}{unit}"),
     N_("Speed {value}{unit}: aim for {target}{unit}"),
     N_("Speed {value}{unit}: far from {target}{unit}"),
     N_("Pull not done")},
    {"max_off_path_mm", N_("Stay on the line"),
     N_("Stayed on the line: {value}{unit} off at most"),
     N_("Left the line by {value}{unit}: stay within {ok_max}{unit}"),
     N_("Far off the line: {value}{unit}. Follow the line"),
     N_("Pull not done")},
    {"good_strokes", N_("Good wipes"),
     N_("Good wipes: {value}"),
     N_("Good wipes: {value}. Do {ok_min}"),
     N_("Good wipes: {value}. Wipe the whole area, in the arrow's direction"),
     N_("No wipe done")},
    {"bad_strokes", N_("Wrong wipes"),
     N_("Wrong wipes: {value}. You wiped one way only"),
     N_("Wrong wipes: {value}. Always wipe one way, in the arrow's direction"),
     N_("Wrong wipes: {value}. Never go back and forth"),
     N_("No wipe done")},
    {"coverage_pct", N_("Area wiped"),
     N_("Area wiped: {value}{unit}"),
     N_("Area wiped: {value}{unit}. Wipe at least {ok_min}{unit}"),
     N_("Area wiped: {value}{unit}. Wipe the whole area"),
     N_("No wipe done")},
    {"coverage", N_("Area wiped"),
     N_("Area wiped: {value}{unit}"),
     N_("Area wiped: {value}{unit}. Wipe at least {ok_min}{unit}"),
     N_("Area wiped: {value}{unit}. Wipe the whole area"),
     N_("No wipe done")},
    {"error", N_("Setting"),
     N_("Set right: {value}{unit} from the target"),
     N_("Off by {value}{unit}: get within {ok_max}{unit}"),
     N_("Off by {value}{unit}: finish with the small steps"),
     N_("Not set")},
    {"overshoot", N_("Going past the target"),
     N_("Went past the target by {value}{unit} at most: good"),
     N_("Went past the target by {value}{unit}: slow down near it"),
     N_("Went far past the target ({value}{unit}): use the small steps near it"),
     N_("Not set")},
    {"correct", N_("Right answer"),
     N_("Right answer the first time"),
     N_("Partly right"),
     N_("Wrong first answer"),
     N_("Not answered")},
    {"tries", N_("Tries"),
     N_("Tries: {value}"),
     N_("Tries: {value}. Read every answer before you choose"),
     N_("Tries: {value}. Read the question again"),
     N_("Not answered")},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};

const char *tutorial_default_prompt(TutorialKind k)
{
    switch (k) {
    case TUTORIAL_DRAG:
        return N_("Take the object and drop it on the mark");
    case TUTORIAL_PULL:
        return N_("Pull the handle to the end of the line, slowly and without stopping");
    case TUTORIAL_WIPE:
        return N_("Wipe the area in the arrow's direction only");
    case TUTORIAL_ADJUST:
        return N_("Bring the value to the target");
    case TUTORIAL_CHOOSE:
        return N_("Choose the right answer");
    default:
        return N_("Press Next when you are done");
    }
}
