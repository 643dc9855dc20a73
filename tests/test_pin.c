/*
 * test_pin.c - the instructor PIN (include/fibresim/pin.h): set on first
 * use, never stored in clear, right and wrong PINs, the throttle of wrong
 * PINs with the time passed in (2 s, 4 s, 8 s... after the free tries, up to
 * an hour, kept across "restarts" since it is in the file), reset by a right
 * PIN, changing the PIN, a damaged file never taken as "no PIN".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/pin.h"
#include "journal_util.h"

int main(void)
{
    char *dir = tu_mkdtemp("pin");
    char path[600];
    snprintf(path, sizeof path, "%s/instructor.json", dir);
    PinState st;
    int64_t wait = 0, t = 1790000000; /* seconds since 1970, from the caller */

    /* Delays: free tries, then doubling, capped (computed from the rule in pin.h). */
    CHECK(pin_delay_s(0) == 0 && pin_delay_s(1) == 0 && pin_delay_s(2) == 0);
    CHECK(pin_delay_s(3) == 2 && pin_delay_s(4) == 4 && pin_delay_s(5) == 8 && pin_delay_s(6) == 16);
    CHECK(pin_delay_s(13) == 2048 && pin_delay_s(14) == 3600 && pin_delay_s(1000000) == 3600);

    /* First use. */
    CHECK(pin_state(dir, &st) == PIN_NOT_SET && !st.set);
    CHECK(pin_check(dir, "1234", t, &wait) == PIN_NOT_SET);
    CHECK(pin_set(dir, "12a4", NULL, t) == PIN_BAD_FORMAT);
    CHECK(pin_set(dir, "123", NULL, t) == PIN_BAD_FORMAT);
    CHECK(pin_set(dir, "1234567890123", NULL, t) == PIN_BAD_FORMAT);
    CHECK(pin_state(dir, &st) == PIN_NOT_SET);
    CHECK(pin_set(dir, "80417263", NULL, t) == PIN_OK);
    CHECK(pin_state(dir, &st) == PIN_OK && st.set && st.failures == 0);
    /* Set once: setting again needs the old PIN. */
    CHECK(pin_set(dir, "5555", NULL, t) == PIN_ALREADY_SET);

    /* Not in clear: an Argon2id string, and the digits appear nowhere. */
    char *text = tu_read(path, NULL);
    CHECK(text && strstr(text, "$argon2id$") && !strstr(text, "80417263"));
    free(text);

    CHECK(pin_check(dir, "80417263", t, &wait) == PIN_OK && wait == 0);

    /* Wrong PINs: two free, then locks of 2, 4, 8 s. */
    CHECK(pin_check(dir, "0000", t, &wait) == PIN_WRONG && wait == 0);
    CHECK(pin_check(dir, "0001", t, &wait) == PIN_WRONG && wait == 0);
    CHECK(pin_check(dir, "0002", t, &wait) == PIN_WRONG && wait == 2);
    /* While locked even the right PIN is not tried. */
    CHECK(pin_check(dir, "80417263", t + 1, &wait) == PIN_THROTTLED && wait == 1);
    CHECK(pin_state(dir, &st) == PIN_OK && st.failures == 3 && st.locked_until == t + 2);
    CHECK(pin_check(dir, "0003", t + 2, &wait) == PIN_WRONG && wait == 4);
    CHECK(pin_check(dir, "0004", t + 5, &wait) == PIN_THROTTLED && wait == 1);
    CHECK(pin_check(dir, "0004", t + 6, &wait) == PIN_WRONG && wait == 8);
    /* A clock set back a day does not lock for a day: at most an hour. */
    CHECK(pin_check(dir, "80417263", t - 86400, &wait) == PIN_THROTTLED && wait == PIN_MAX_DELAY_S);
    /* The right PIN after the lock: in, and the count starts again. */
    CHECK(pin_check(dir, "80417263", t + 14, &wait) == PIN_OK);
    CHECK(pin_state(dir, &st) == PIN_OK && st.failures == 0 && st.locked_until == 0);
    CHECK(pin_check(dir, "9999", t + 20, &wait) == PIN_WRONG && wait == 0);

    /* Changing it: the old PIN is needed; a wrong old one counts as a failure. */
    CHECK(pin_set(dir, "246810", "1111", t + 30) == PIN_WRONG);
    CHECK(pin_state(dir, &st) == PIN_OK && st.failures == 2);
    CHECK(pin_set(dir, "246810", "80417263", t + 30) == PIN_OK);
    CHECK(pin_check(dir, "80417263", t + 31, &wait) == PIN_WRONG);
    CHECK(pin_check(dir, "246810", t + 32, &wait) == PIN_OK);

    /* A damaged file is never "no PIN" (that would let anyone set one). */
    CHECK(tu_write(path, "{\"format\":\"fibresim-instructor\",\"format_version\":1,\"pin_hash\":\"plain 1234\","
                         "\"failures\":0,\"locked_until\":0}"));
    CHECK(pin_state(dir, &st) == PIN_DAMAGED);
    CHECK(pin_check(dir, "1234", t, &wait) == PIN_DAMAGED);
    CHECK(pin_set(dir, "1234", NULL, t) == PIN_DAMAGED);
    CHECK(tu_write(path, "{"));
    CHECK(pin_state(dir, &st) == PIN_DAMAGED);

    tu_rm_rf(dir);
    free(dir);
    return test_done("pin");
}
