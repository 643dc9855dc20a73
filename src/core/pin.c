/*
 * pin.c - the instructor PIN: Argon2id hash in DATA/instructor.json and the
 * throttle of wrong PINs (see pin.h).
 */
#include "fibresim/pin.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/fileio.h"
#include "fibresim/messages.h" /* N_() */
#include "fibresim/journal.h"

#define PIN_FILE_FORMAT "fibresim-instructor"
#define PIN_FILE_MAX_BYTES 4096

typedef struct PinFile {
    char hash[crypto_pwhash_STRBYTES];
    uint32_t failures;
    int64_t locked_until;
} PinFile;

int64_t pin_delay_s(uint32_t failures)
{
    if (failures < PIN_FREE_TRIES) {
        return 0;
    }
    uint32_t doublings = failures - PIN_FREE_TRIES + 1;
    if (doublings >= 12) {
        return PIN_MAX_DELAY_S;
    }
    int64_t d = (int64_t)1 << doublings;
    return d > PIN_MAX_DELAY_S ? PIN_MAX_DELAY_S : d;
}

const char *pin_status_name(PinStatus s)
{
    switch (s) {
    case PIN_OK:
        return "ok";
    case PIN_WRONG:
        return N_("wrong PIN");
    case PIN_THROTTLED:
        return N_("too many wrong PINs: wait");
    case PIN_NOT_SET:
        return N_("no PIN set yet");
    case PIN_ALREADY_SET:
        return N_("a PIN is already set");
    case PIN_BAD_FORMAT:
        return N_("a PIN is 4 to 12 digits");
    case PIN_DAMAGED:
        return N_("instructor.json is damaged");
    case PIN_IO:
        return N_("cannot write instructor.json");
    case PIN_NOMEM:
        return N_("out of memory");
    }
    return "?";
}

static char *pin_path(const char *data_dir)
{
    size_t n = strlen(data_dir) + 32;
    char *p = malloc(n);
    if (p) {
        snprintf(p, n, "%s/instructor.json", data_dir);
    }
    return p;
}

static bool pin_well_formed(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < PIN_MIN_DIGITS || n > PIN_MAX_DIGITS) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (pin[i] < '0' || pin[i] > '9') {
            return false;
        }
    }
    return true;
}

/* PIN_OK, PIN_NOT_SET (no file) or PIN_DAMAGED. */
static PinStatus read_file(const char *data_dir, PinFile *out)
{
    memset(out, 0, sizeof *out);
    char *path = pin_path(data_dir);
    if (!path) {
        return PIN_NOMEM;
    }
    size_t len = 0;
    int e = 0;
    char *text = fs_read_file(path, PIN_FILE_MAX_BYTES, &len, &e);
    free(path);
    if (!text) {
        return e == ENOENT ? PIN_NOT_SET : PIN_DAMAGED;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    const cJSON *format = cJSON_GetObjectItemCaseSensitive(root, "format");
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "format_version");
    const cJSON *hash = cJSON_GetObjectItemCaseSensitive(root, "pin_hash");
    const cJSON *failures = cJSON_GetObjectItemCaseSensitive(root, "failures");
    const cJSON *locked = cJSON_GetObjectItemCaseSensitive(root, "locked_until");
    bool ok = cJSON_IsObject(root) && cJSON_IsString(format) && strcmp(format->valuestring, PIN_FILE_FORMAT) == 0
        && cJSON_IsNumber(version) && version->valuedouble == 1 && cJSON_IsString(hash)
        && strncmp(hash->valuestring, "$argon2id$", 10) == 0 && strlen(hash->valuestring) < sizeof out->hash
        && cJSON_IsNumber(failures) && failures->valuedouble >= 0 && failures->valuedouble <= 1e9
        && failures->valuedouble == floor(failures->valuedouble) && cJSON_IsNumber(locked)
        && locked->valuedouble >= 0 && locked->valuedouble <= 1e15
        && locked->valuedouble == floor(locked->valuedouble);
    if (ok) {
        memcpy(out->hash, hash->valuestring, strlen(hash->valuestring) + 1);
        out->failures = (uint32_t)failures->valuedouble;
        out->locked_until = (int64_t)locked->valuedouble;
    }
    cJSON_Delete(root);
    return ok ? PIN_OK : PIN_DAMAGED;
}

static PinStatus write_file(const char *data_dir, const PinFile *pf)
{
    char text[512];
    int n = snprintf(text, sizeof text,
                     "{\"format\":\"" PIN_FILE_FORMAT "\",\"format_version\":1,\"pin_hash\":\"%s\",\"failures\":%" PRIu32
                     ",\"locked_until\":%" PRId64 "}\n",
                     pf->hash, pf->failures, pf->locked_until);
    if (n < 0 || (size_t)n >= sizeof text) {
        return PIN_NOMEM;
    }
    char *path = pin_path(data_dir);
    if (!path) {
        return PIN_NOMEM;
    }
    JournalStatus s = journal_write_file_atomic(path, text, (size_t)n, NULL, 0);
    free(path);
    return s == JOURNAL_OK ? PIN_OK : s == JOURNAL_ERR_NOMEM ? PIN_NOMEM : PIN_IO;
}

PinStatus pin_state(const char *data_dir, PinState *out)
{
    memset(out, 0, sizeof *out);
    PinFile pf;
    PinStatus s = read_file(data_dir, &pf);
    if (s == PIN_OK) {
        out->set = true;
        out->failures = pf.failures;
        out->locked_until = pf.locked_until;
    }
    return s;
}

/* Seconds left of a lock, at most the longest delay (a clock set back must
 * not lock the instructor out for days). */
static int64_t wait_left(const PinFile *pf, int64_t now_s)
{
    int64_t left = pf->locked_until - now_s;
    if (left <= 0) {
        return 0;
    }
    return left > PIN_MAX_DELAY_S ? PIN_MAX_DELAY_S : left;
}

/* Verifies pin against a read file, updating and writing the throttle. */
static PinStatus verify(const char *data_dir, PinFile *pf, const char *pin, int64_t now_s, int64_t *wait_s)
{
    int64_t left = wait_left(pf, now_s);
    if (left > 0) {
        *wait_s = left;
        return PIN_THROTTLED;
    }
    if (sodium_init() < 0) {
        return PIN_NOMEM;
    }
    bool right = pin_well_formed(pin) && crypto_pwhash_str_verify(pf->hash, pin, strlen(pin)) == 0;
    if (right) {
        if (pf->failures || pf->locked_until) {
            pf->failures = 0;
            pf->locked_until = 0;
            PinStatus w = write_file(data_dir, pf);
            if (w != PIN_OK) {
                return w;
            }
        }
        return PIN_OK;
    }
    if (pf->failures < UINT32_MAX) {
        pf->failures++;
    }
    int64_t delay = pin_delay_s(pf->failures);
    pf->locked_until = delay ? now_s + delay : 0;
    *wait_s = delay;
    PinStatus w = write_file(data_dir, pf);
    return w == PIN_OK ? PIN_WRONG : w;
}

PinStatus pin_check(const char *data_dir, const char *pin, int64_t now_s, int64_t *wait_s)
{
    int64_t dummy = 0;
    if (!wait_s) {
        wait_s = &dummy;
    }
    *wait_s = 0;
    PinFile pf;
    PinStatus s = read_file(data_dir, &pf);
    if (s != PIN_OK) {
        return s;
    }
    return verify(data_dir, &pf, pin, now_s, wait_s);
}

PinStatus pin_set(const char *data_dir, const char *pin, const char *old_pin, int64_t now_s)
{
    PinFile pf;
    PinStatus s = read_file(data_dir, &pf);
    if (s == PIN_DAMAGED || s == PIN_NOMEM) {
        return s;
    }
    if (s == PIN_OK) {
        if (!old_pin) {
            return PIN_ALREADY_SET;
        }
        int64_t wait = 0;
        PinStatus v = verify(data_dir, &pf, old_pin, now_s, &wait);
        if (v != PIN_OK) {
            return v;
        }
    }
    if (!pin_well_formed(pin)) {
        return PIN_BAD_FORMAT;
    }
    if (sodium_init() < 0) {
        return PIN_NOMEM;
    }
    PinFile fresh;
    memset(&fresh, 0, sizeof fresh);
    if (crypto_pwhash_str(fresh.hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return PIN_NOMEM;
    }
    return write_file(data_dir, &fresh);
}
