/*
 * fuzz_endface.c - the endface procedure under any sequence of trainee
 * events. Bytes are read 4 at a time as one event (a choice, a pointer event
 * in mm or um, a key, a wheel turn, or idle ticks) on a scenario where both
 * faces carry every kind of feature. Besides "no crash, no leak, no undefined
 * behaviour", the attempt must replay to a bit-identical result and the view
 * must stay consistent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/endface_state.h"
#include "fuzz_events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scenario_text[] =
    "{\"schema\": 1, \"id\": \"endface.fuzz\", \"version\": 1, \"module\": \"endface\","
    " \"title\": {\"fr\": \"f\", \"en\": \"f\"}, \"goal\": {\"fr\": \"f\", \"en\": \"f\"},"
    " \"instructions\": {\"fr\": \"f\", \"en\": \"f\"}, \"difficulty\": 1, \"time_limit_s\": 60, \"hints\": true,"
    " \"setup\": {"
    "  \"patch_cord\": {\"type\": \"sm_apc\", \"features\": ["
    "    {\"kind\": \"dust\", \"x_um\": 30, \"y_um\": 5, \"size_um\": 8},"
    "    {\"kind\": \"lint\", \"x_um\": 0, \"y_um\": 40, \"width_um\": 9, \"length_um\": 90, \"angle_deg\": 10},"
    "    {\"kind\": \"oil\", \"x_um\": -5, \"y_um\": 0, \"size_um\": 40},"
    "    {\"kind\": \"residue\", \"x_um\": 60, \"y_um\": 60, \"size_um\": 25},"
    "    {\"kind\": \"cap_debris\", \"x_um\": -90, \"y_um\": 10, \"size_um\": 12},"
    "    {\"kind\": \"scratch\", \"x_um\": 0, \"y_um\": 0, \"width_um\": 2, \"length_um\": 20},"
    "    {\"kind\": \"pit\", \"x_um\": 40, \"y_um\": -40, \"size_um\": 4},"
    "    {\"kind\": \"chip\", \"x_um\": 110, \"y_um\": 0, \"size_um\": 30}]},"
    "  \"port\": {\"type\": \"sm_apc\", \"ferrule_mm\": 1.25, \"features\": ["
    "    {\"kind\": \"dust\", \"x_um\": 3, \"y_um\": 2, \"size_um\": 6},"
    "    {\"kind\": \"cap_debris\", \"x_um\": -30, \"y_um\": 20, \"size_um\": 9}]},"
    "  \"spare_patch_cord\": {\"type\": \"sm_apc\", \"features\": ["
    "    {\"kind\": \"dust\", \"x_um\": 10, \"y_um\": 10, \"size_um\": 3}]}},"
    " \"rubric\": {\"pass_mark\": 70, \"criteria\": ["
    "   {\"id\": \"a\", \"measure\": \"verdict_accuracy\", \"weight\": 1, \"band\": {\"ok_min\": 1, \"zero_min\": 0}},"
    "   {\"id\": \"b\", \"measure\": \"stroke_quality\", \"weight\": 1, \"band\": {\"ok_min\": 1, \"zero_min\": 0}},"
    "   {\"id\": \"c\", \"measure\": \"final_iec_pass\", \"weight\": 1, \"band\": {\"ok_min\": 1}}],"
    "  \"penalties\": [{\"id\": \"h\", \"event\": \"hint_used\", \"points\": 1}]}}";

static const char *const choices[] = {
    "inspect_patch", "inspect_port", "overlay", "verdict_pass", "verdict_fail", "back", "clean_patch",
    "clean_port", "tool_cassette", "tool_click", "tool_wet", "cassette_advance", "new_wipe", "replace_patch",
    "replace_port", "look_patch", "look_port", "connect", "tool_", "inspect_", "nonsense",
};
#define N_CHOICES (sizeof choices / sizeof choices[0])

static Scenario *scenario(void)
{
    static Scenario *s;
    if (!s) {
        s = fuzz_scenario_load(scenario_text, sizeof scenario_text - 1, "fuzz");
    }
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Scenario *s = scenario();
    uint64_t seed = size;
    Attempt *a = attempt_create(s, seed);
    if (!a) {
        return 0;
    }
    for (size_t i = 0; i + 4 <= size && attempt_status(a) == ATTEMPT_RUNNING; i += 4) {
        const uint8_t *b = data + i;
        /* Coordinates cover the bench (-50..460 mm) or the face (-255..255 um). */
        double x = (b[1] * 2.0) - 50.0, y = (b[2] * 1.2) - 20.0;
        InputEvent e;
        switch (b[0] % 8) {
        case 0:
        case 1:
            e = input_choice(0, choices[b[1] % N_CHOICES]);
            break;
        case 2:
            e = input_pointer(0, INPUT_POINTER_DOWN, b[3] % 3 == 2 ? 1 : 0, x, y);
            break;
        case 3:
        case 4:
            e = input_pointer(0, INPUT_POINTER_MOVE, 0, x, y);
            break;
        case 5:
            e = input_pointer(0, INPUT_POINTER_UP, 0, x, y);
            break;
        case 6:
            e = b[1] & 1 ? input_key(0, (InputAction)(b[2] % ACTION_COUNT)) : input_wheel(0, x, y, (double)(int8_t)b[3]);
            break;
        default:
            for (int t = 0; t < b[1] % 16; t++) {
                attempt_step(a, NULL, 0);
            }
            continue;
        }
        attempt_step(a, &e, 1);
        EndfaceView v;
        endface_view(attempt_module_state(a), &v);
        for (int k = 0; k < EF_SIDE_COUNT; k++) {
            if (!v.sides[k].face || v.sides[k].face->count > ENDFACE_FEATURES_MAX) {
                abort();
            }
        }
        if (v.n_notes > 512 || (v.phase != EF_PHASE_INSPECTING && v.n_marks)) {
            abort();
        }
    }
    fuzz_attempt_end(a, NULL, 0);
    fuzz_check_replay(a, s, seed);
    attempt_destroy(a);
    return 0;
}
