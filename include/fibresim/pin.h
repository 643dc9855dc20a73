/*
 * pin.h - the PIN of the instructor area.
 *
 * Set on first use; stored in DATA/instructor.json as a salted, slow hash
 * (libsodium's crypto_pwhash_str: Argon2id, interactive limits), never in
 * clear. Wrong PINs are throttled: after PIN_FREE_TRIES wrong PINs in a row,
 * each further wrong PIN locks the area for a delay that doubles each time
 * (2 s, 4 s, 8 s ... up to PIN_MAX_DELAY_S), recorded in the file so that
 * quitting the program does not reset it. A right PIN resets the count.
 * The core reads no clock: the caller passes the current time (seconds since
 * 1970, UTC).
 *
 * What it protects: the instructor area of the program on a shared laptop
 * (trainees cannot see each other's results nor change any). It does not
 * encrypt the data folder: whoever can read the files can read the records,
 * and deleting instructor.json resets the PIN (how an instructor who forgot
 * it gets back in).
 *
 * File (written atomically, see journal_write_file_atomic):
 *   { "format": "fibresim-instructor", "format_version": 1,
 *     "pin_hash": "$argon2id$v=19$m=65536,t=2,p=1$...",
 *     "failures": 0, "locked_until": 0 }
 */
#ifndef FIBRESIM_PIN_H
#define FIBRESIM_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 12
#define PIN_FREE_TRIES 3
#define PIN_MAX_DELAY_S 3600

typedef enum PinStatus {
    PIN_OK,
    PIN_WRONG,        /* not the PIN (the failure is counted) */
    PIN_THROTTLED,    /* too many wrong PINs: wait, the PIN was not even tried */
    PIN_NOT_SET,      /* first use: no PIN yet */
    PIN_ALREADY_SET,  /* pin_set without the right old PIN */
    PIN_BAD_FORMAT,   /* not 4 to 12 digits */
    PIN_DAMAGED,      /* instructor.json cannot be read: never reset silently */
    PIN_IO,           /* the file cannot be written */
    PIN_NOMEM
} PinStatus;

typedef struct PinState {
    bool set;
    uint32_t failures;        /* wrong PINs in a row */
    int64_t locked_until;     /* seconds since 1970; 0 = not locked */
} PinState;

/* Reads DATA/instructor.json. PIN_NOT_SET when absent (state zeroed),
 * PIN_DAMAGED when present but unreadable. */
PinStatus pin_state(const char *data_dir, PinState *out /* OUT */);

/* Sets the PIN: on first use (old_pin NULL), or to change it (old_pin must
 * be the current PIN; a wrong one is PIN_WRONG, counted as a failure, and
 * may throttle). PIN_ALREADY_SET when a PIN exists and old_pin is NULL.
 * PIN_BAD_FORMAT unless 4 to 12 ASCII digits. */
PinStatus pin_set(const char *data_dir, const char *pin, const char *old_pin, int64_t now_s);

/* Checks a PIN. PIN_THROTTLED with *wait_s (seconds left) while locked;
 * PIN_WRONG counts a failure and may start a lock (*wait_s then says how
 * long). wait_s may be NULL. */
PinStatus pin_check(const char *data_dir, const char *pin, int64_t now_s, int64_t *wait_s /* OUT */);

/* The lock after n wrong PINs in a row: 0 for n <= PIN_FREE_TRIES - 1, then
 * 2 s, 4 s, 8 s... capped at PIN_MAX_DELAY_S. */
int64_t pin_delay_s(uint32_t failures);

const char *pin_status_name(PinStatus s); /* English N_() msgid: logs and tests as is, the UI translates it */

#endif
