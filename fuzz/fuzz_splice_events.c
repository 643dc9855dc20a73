/*
 * fuzz_splice_events.c - arbitrary event streams through a splice attempt.
 *
 * The bytes are read as events, 7 bytes each:
 *   [op][x hi][x lo][y hi][y lo][arg][dt]
 *   op % 6: 0 press, 1 move, 2 release, 3 key (arg % ACTION_COUNT),
 *           4 wheel (steps = (signed) arg / 4), 5 choice (arg indexes the
 *           module's choice ids; 255 = an unknown id)
 *   x, y:   bench mm * 64 (16 bits each), so real gestures can be written
 *   dt:     ticks to advance after the event: dt < 200 as is, else
 *           (dt - 199) * 100 ticks (long waits, e.g. the heater)
 * op bit 0x80 picks the pointer id 1 instead of 0. A 3-byte header comes
 * first: the alignment mode (bit 0: core or manual) and a 16-bit seed.
 *
 * Besides "no crash, no leak, no undefined behaviour", it checks the module's
 * promises: the view stays consistent (offcut count, phases, fibre places),
 * the result is within [0, 100], and replaying the logged events gives the
 * same result bit for bit.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/splice.h"
#include "fuzz_events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_TICKS 40000

static const char *const choices[] = {
    "fibre_left", "fibre_right", "tool_hand", "tool_stripper", "tool_wipe", "sleeve",  "clamp",
    "unclamp",    "rotate_blade", "clean_vgroove", "close_cover", "splice", "reprepare_left",
    "reprepare_right", "accept", "redo", "heat", "oven_out", "finish",
};

static const char *scenario_json(int manual)
{
    return manual ? "{\"schema\":1,\"id\":\"splice.fuzz\",\"version\":1,\"module\":\"splice\","
                    "\"title\":{\"fr\":\"F\",\"en\":\"F\"},\"goal\":{\"fr\":\"G\",\"en\":\"G\"},"
                    "\"instructions\":{\"fr\":\"I\",\"en\":\"I\"},\"difficulty\":1,\"time_limit_s\":0,"
                    "\"setup\":{\"fibre1\":{\"type\":\"G.652.D\"},\"fibre2\":{\"type\":\"G.657.A1\"},"
                    "\"align\":\"manual\",\"vgroove_debris\":0.5},"
                    "\"rubric\":{\"pass_mark\":70,\"criteria\":[{\"id\":\"l\",\"measure\":\"splice_loss_db\","
                    "\"band\":{\"ok_max\":0.2}},{\"id\":\"m\",\"measure\":\"manual_offset_um\",\"band\":{\"ok_max\":0.3}}],"
                    "\"penalties\":[{\"id\":\"t\",\"event\":\"glass_touched\",\"points\":5}]}}"
                  : "{\"schema\":1,\"id\":\"splice.fuzz\",\"version\":1,\"module\":\"splice\","
                    "\"title\":{\"fr\":\"F\",\"en\":\"F\"},\"goal\":{\"fr\":\"G\",\"en\":\"G\"},"
                    "\"instructions\":{\"fr\":\"I\",\"en\":\"I\"},\"difficulty\":1,\"time_limit_s\":0,"
                    "\"setup\":{\"fibre1\":{\"type\":\"G.652.D\"},\"fibre2\":{\"type\":\"G.652.D\"}},"
                    "\"rubric\":{\"pass_mark\":70,\"criteria\":[{\"id\":\"l\",\"measure\":\"splice_loss_db\","
                    "\"band\":{\"ok_max\":0.2}},{\"id\":\"s\",\"measure\":\"strip_length_mm\",\"band\":{\"ok_min\":30,"
                    "\"ok_max\":40}},{\"id\":\"b\",\"measure\":\"bend_radius_min_mm\",\"band\":{\"ok_min\":30}}],"
                    "\"penalties\":[{\"id\":\"t\",\"event\":\"glass_touched\",\"points\":5}]}}";
}

static void check_view(const SpliceView *v)
{
    if (v->n_offcuts < 0 || v->n_offcuts > SPLICE_OFFCUTS_MAX || v->n_coil < 0 || v->n_coil > SPLICE_COIL_POINTS_MAX
        || v->phase < SPLICE_PHASE_PREPARE || v->phase > SPLICE_PHASE_DONE || v->mat_fibre < 0 || v->mat_fibre > 1
        || v->sleeve_on < -1 || v->sleeve_on > 1 || v->tension_rel < 0.3 || v->tension_rel > 2.0) {
        abort();
    }
    for (int i = 0; i < 2; i++) {
        const SpliceFibreView *f = &v->fibre[i];
        if (f->bare_mm < 0.0 || !(f->bare_mm <= 200.0) || f->cleave.angle_deg < 0.0) {
            abort();
        }
    }
    /* Two fibres never share the cleaver. */
    if (v->fibre[0].where == SPLICE_AT_CLEAVER && v->fibre[1].where == SPLICE_AT_CLEAVER) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3) {
        return 0;
    }
    const char *text = scenario_json(data[0] & 1);
    Scenario *scn = fuzz_scenario_load(text, strlen(text), "fuzz");
    uint64_t seed = (uint64_t)data[1] << 8 | data[2];
    Attempt *a = attempt_create(scn, seed);
    if (!a) {
        scenario_destroy(scn);
        return 0;
    }
    InputEvent batch[64];
    size_t n = 0;
    for (size_t at = 3; at + 7 <= size && attempt_status(a) == ATTEMPT_RUNNING; at += 7) {
        const uint8_t *b = data + at;
        int op = b[0] & 0x7F;
        int32_t pointer = (b[0] & 0x80) ? 1 : 0;
        double x = (double)((unsigned)b[1] << 8 | b[2]) / 64.0;
        double y = (double)((unsigned)b[3] << 8 | b[4]) / 64.0;
        InputEvent e;
        switch (op % 6) {
        case 0:
            e = input_pointer(0, INPUT_POINTER_DOWN, pointer, x, y);
            break;
        case 1:
            e = input_pointer(0, INPUT_POINTER_MOVE, pointer, x, y);
            break;
        case 2:
            e = input_pointer(0, INPUT_POINTER_UP, pointer, x, y);
            break;
        case 3:
            e = input_key(0, (InputAction)(b[5] % ACTION_COUNT));
            break;
        case 4:
            e = input_wheel(0, x, y, (double)(int8_t)b[5] / 4.0);
            break;
        default:
            e = input_choice(0, b[5] < sizeof choices / sizeof choices[0] ? choices[b[5]] : "no_such_choice");
            break;
        }
        if (n < sizeof batch / sizeof batch[0]) {
            batch[n++] = e;
        }
        unsigned dt = b[6] < 200 ? b[6] : (unsigned)(b[6] - 199) * 100u;
        for (unsigned t = 0; t < dt && attempt_status(a) == ATTEMPT_RUNNING && attempt_tick(a) < MAX_TICKS; t++) {
            attempt_step(a, batch, n);
            n = 0;
            check_view(splice_view(attempt_module_state(a)));
        }
        if (attempt_tick(a) >= MAX_TICKS) {
            break;
        }
    }
    fuzz_attempt_end(a, batch, n);
    const Result *r = attempt_result(a);
    if (!r || !(r->total >= 0.0 && r->total <= 100.0)) {
        abort();
    }
    fuzz_check_replay(a, scn, seed);
    attempt_destroy(a);
    scenario_destroy(scn);
    return 0;
}
