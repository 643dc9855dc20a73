/*
 * fuzz_otdr_events.c - arbitrary event streams on an OTDR attempt.
 *
 * The bytes become pointer (several ids: drags, taps, pinches, positions on
 * and far off the trace, NaN and infinities), wheel, key and choice events
 * (every id of the grammar, and wrong ones) over ticks, on a bidirectional
 * scenario with one answer of each kind and short averaging times, so that
 * acquisitions, averages, marks and answers all happen. Besides "no crash,
 * no leak, no undefined behaviour" it checks the module's promises: the view
 * window is ordered and finite, the cursors lie on the trace, selections are
 * in range, the readouts are finite, every measure is finite, and replaying
 * the log gives the same result bit for bit.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/otdr.h"
#include "fuzz_events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scenario_text[] =
    "{\"schema\": 1, \"id\": \"fuzz.otdr\", \"version\": 1, \"module\": \"otdr\","
    " \"title\": {\"fr\": \"f\", \"en\": \"f\"}, \"goal\": {\"fr\": \"f\", \"en\": \"f\"},"
    " \"instructions\": {\"fr\": \"f\", \"en\": \"f\"}, \"difficulty\": 1, \"time_limit_s\": 60, \"hints\": true,"
    " \"setup\": {\"exercise\": \"gainer\", \"bidirectional\": true, \"launch_cable_m\": 200, \"receive_cable_m\": 200,"
    "  \"link\": [{\"kind\": \"connector\", \"label\": \"A\", \"loss_db\": 0.3, \"reflectance_db\": -20, \"polish\": \"upc\"},"
    "   {\"kind\": \"fibre\", \"label\": \"F\", \"type\": \"G.652.D\", \"length_m\": 300},"
    "   {\"kind\": \"splice\", \"label\": \"S\", \"loss_db\": 0.1},"
    "   {\"kind\": \"bend\", \"label\": \"K\", \"loss_1550_db\": 0.5},"
    "   {\"kind\": \"fibre\", \"type\": \"G.657.A1\", \"length_m\": 200},"
    "   {\"kind\": \"connector\", \"label\": \"B\", \"loss_db\": 0.4, \"reflectance_db\": -25, \"polish\": \"upc\", \"dirty\": true}],"
    "  \"instrument\": {\"ranges_m\": [500, 1000, 2000], \"averaging_s\": [0.1, 0.2, 0.5],"
    "   \"start\": {\"range_m\": 1000, \"averaging_s\": 0.1, \"pulse_ns\": 30}},"
    "  \"answers\": [{\"id\": \"d\", \"kind\": \"distance\", \"at\": \"S\"}, {\"id\": \"l\", \"kind\": \"length\", \"from\": \"A\"},"
    "   {\"id\": \"s\", \"kind\": \"loss\", \"at\": \"S\", \"wavelength_nm\": 1310},"
    "   {\"id\": \"r\", \"kind\": \"reflectance\", \"at\": \"B\"}, {\"id\": \"t\", \"kind\": \"total_loss\"},"
    "   {\"id\": \"a\", \"kind\": \"attenuation\", \"at\": \"F\"}, {\"id\": \"v\", \"kind\": \"verdict\", \"at\": \"link\", \"max_db\": 2}]},"
    " \"rubric\": {\"pass_mark\": 50, \"criteria\": ["
    "  {\"id\": \"d\", \"measure\": \"d.error_m\", \"band\": {\"ok_max\": 2, \"zero_max\": 20}},"
    "  {\"id\": \"s\", \"measure\": \"s.error_db\", \"band\": {\"ok_max\": 0.05}},"
    "  {\"id\": \"v\", \"measure\": \"v.correct\", \"band\": {\"ok_min\": 1}},"
    "  {\"id\": \"e\", \"measure\": \"event_type_errors\", \"band\": {\"ok_max\": 0}},"
    "  {\"id\": \"p\", \"measure\": \"pulse_ns\", \"band\": {\"ok_max\": 100}}],"
    " \"penalties\": [{\"id\": \"h\", \"event\": \"hint_used\", \"points\": 1}]}}";

static const char *const choices[] = {
    "tab:settings", "tab:events", "tab:results", "tab:x", "wl:1310", "wl:1550", "wl:1625", "wl:1490", "pulse:-",
    "pulse:+", "range:-", "range:+", "avg:-", "avg:+", "ior:-", "ior:+", "launch", "receive", "dir:a", "dir:b",
    "acquire", "acquire", "acquire", "stop", "average", "trace:1310:a", "trace:1310:b", "trace:1310:avg",
    "trace:1550:a", "trace:x:a", "trace:1310:", "cursor:a", "cursor:b", "zoom:in", "zoom:out", "zoom:full",
    "zoom:cursors", "ev:0", "ev:1", "ev:2", "ev:3", "ev:63", "ev:-1", "ev:", "ev:99999999999", "mark:connector",
    "mark:splice", "mark:bend", "mark:end", "mark:ghost", "mark:merged", "mark:none", "mark:", "ans:d", "ans:l",
    "ans:s", "ans:r", "ans:t", "ans:a", "ans:v", "ans:zz", "record", "record", "pass", "fail", "hint", "finish", "",
};

static Scenario *scenario(void)
{
    static Scenario *scn;
    if (!scn) {
        scn = fuzz_scenario_load(scenario_text, sizeof scenario_text - 1, "fuzz_otdr_events");
    }
    return scn;
}

static void check_view(const OtdrView *v)
{
    if (!(isfinite(v->x0_m) && isfinite(v->x1_m) && v->x1_m > v->x0_m && isfinite(v->y0_db) && isfinite(v->y1_db)
          && v->y1_db > v->y0_db)) {
        abort();
    }
    if (v->trace) {
        double full = (double)v->trace->points * v->trace->spacing_m;
        for (int i = 0; i < 2; i++) {
            if (!(v->cursor_m[i] >= 0 && v->cursor_m[i] <= full)) {
                abort();
            }
        }
        const OtdrReadout *r = &v->readout;
        double vals[] = {r->level_a_db, r->level_b_db, r->loss_2pt_db, r->atten_2pt_db_km, r->atten_lsa_db_km,
                         r->event_loss_db, r->reflectance_db, r->orl_db};
        for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
            if (!isfinite(vals[i])) {
                abort();
            }
        }
    }
    if (v->selected_event >= 0 && (!v->events || (size_t)v->selected_event >= v->events->count)) {
        abort();
    }
    if (v->selected_answer >= (int)v->n_answers || v->active_cursor < 0 || v->active_cursor > 1
        || v->tab >= OTDR_TAB_COUNT || v->pointers_down < 0 || v->pointers_down > 11) {
        abort();
    }
    if (v->acquiring && !(v->acquire_elapsed_s >= 0 && v->acquire_elapsed_s <= v->acquire_total_s + 0.011)) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Scenario *scn = scenario();
    Attempt *a = attempt_create(scn, 7);
    if (!a) {
        return 0;
    }
    InputEvent batch[16];
    size_t n = 0;
    for (size_t i = 0; i + 6 <= size && attempt_status(a) == ATTEMPT_RUNNING; i += 6) {
        const uint8_t *b = data + i;
        const OtdrView *v = otdr_view(attempt_module_state(a));
        double span = v->x1_m - v->x0_m;
        double x = v->x0_m - 0.2 * span + 1.4 * span * ((b[2] << 8) | b[3]) / 65535.0;
        double y = v->y0_db + (v->y1_db - v->y0_db) * b[4] / 255.0;
        if (b[5] == 0xFF) {
            x = b[4] & 1 ? (double)NAN : (b[4] & 2 ? HUGE_VAL : -1e300);
        }
        InputEvent e;
        switch (b[0] % 9) {
        case 0: e = input_pointer(0, INPUT_POINTER_DOWN, b[1] % 4 - (b[1] == 255), x, y); break;
        case 1:
        case 2: e = input_pointer(0, INPUT_POINTER_MOVE, b[1] % 4, x, y); break;
        case 3: e = input_pointer(0, INPUT_POINTER_UP, b[1] % 4, x, y); break;
        case 4: e = input_key(0, (InputAction)(1 + b[1] % (ACTION_COUNT - 1))); break;
        case 5: e = input_wheel(0, x, y, (int8_t)b[1] / 4.0); break;
        case 6:
        case 7: e = input_choice(0, choices[b[1] % (sizeof choices / sizeof choices[0])]); break;
        default:
            /* The end of this tick, and up to 31 empty ticks after it. */
            fuzz_end_tick(a, batch, &n, b[1] % 32);
            check_view(otdr_view(attempt_module_state(a)));
            continue;
        }
        fuzz_batch_add(a, batch, sizeof batch / sizeof batch[0], &n, e);
    }
    fuzz_attempt_end(a, batch, n);
    check_view(otdr_view(attempt_module_state(a)));
    fuzz_check_sheet_finite(a);
    fuzz_check_replay(a, scn, 7);
    attempt_destroy(a);
    return 0;
}
