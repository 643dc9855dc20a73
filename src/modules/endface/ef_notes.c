/*
 * ef_notes.c - the feedback notes of the endface module: English templates
 * (N_() msgids, translated by the front end) and their placeholders.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/endface_state.h"
#include "fibresim/messages.h" /* N_() */

static const char *const side_labels[EF_SIDE_COUNT] = {N_("patch cord"), N_("port")};

static const char *const templates[EF_NOTE_COUNT] = {
    [EF_NOTE_VERDICT_RIGHT] = N_("{side}: right verdict"),
    [EF_NOTE_SAID_PASS_BUT_FAILS] = N_("{side}: you said PASS, but zone {zone} fails ({kind}, {size} µm)"),
    [EF_NOTE_SAID_FAIL_BUT_PASSES] = N_("{side}: you said FAIL, but every zone is within the limits"),
    [EF_NOTE_FAULT_LOCATED] = N_("{side}: well spotted, this is what fails zone {zone} ({kind}, {size} µm)"),
    [EF_NOTE_LIFTED] = N_("{side}: the stroke took {count} item(s) away"),
    [EF_NOTE_OIL_SMEARED] = N_("{side}: the dry stroke smeared the oil film instead of removing it: use solvent (wet-to-dry)"),
    [EF_NOTE_REDEPOSITED] = N_("{side}: {count} item(s) came back from a used area of the cloth: use a fresh area every stroke"),
    [EF_NOTE_SCRUB_MOVED] = N_("{side}: rubbing to and fro moved {count} item(s) across the face: wipe once, straight"),
    [EF_NOTE_RESIDUE_LEFT] = N_("{side}: the solvent dried on the face and left a film: finish the stroke on the dry part"),
    [EF_NOTE_WIPE_CANNOT_REACH] = N_("{side}: a wipe cannot reach the ferrule inside a port: use the click cleaner"),
    [EF_NOTE_WET_ON_PORT] = N_("{side}: never wet-clean a bulkhead port"),
    [EF_NOTE_WRONG_DIRECTION] = N_("{side}: wipe in the direction of the arrow on the cassette"),
    [EF_NOTE_REUSED_AREA] = N_("{side}: this area of the cloth was already used"),
    [EF_NOTE_SHORT_PUSH] = N_("{side}: push the click cleaner until it clicks"),
    [EF_NOTE_NO_SOLVENT] = N_("{side}: the stroke did not start on the wet spot: it was a dry wipe. Put a drop of solvent first"),
    [EF_NOTE_DAMAGE_NOT_CLEANABLE] = N_("{side}: what fails is damage: cleaning cannot remove it"),
    [EF_NOTE_REPLACED_NEEDED] = N_("{side}: right decision, this damage cannot be cleaned ({kind}, {size} µm, zone {zone})"),
    [EF_NOTE_REPLACED_NEEDLESS] = N_("{side}: no damage made this connector fail: cleaning was enough"),
    [EF_NOTE_LOOKED_INTO] = N_("{side}: never look into a connector: 1310/1550 nm light is invisible and burns the eye. Use the probe."),
    [EF_NOTE_CONNECTED_UNCHECKED] = N_("Connected before both sides had passed inspection"),
    [EF_NOTE_HINT_INSPECT] = N_("Hint: inspect the {side} with the probe"),
    [EF_NOTE_HINT_CLEAN_DRY] = N_("Hint: clean the {side} dry (cassette), then inspect it again"),
    [EF_NOTE_HINT_CLEAN_WET] = N_("Hint: a film is on the {side}: clean it wet-to-dry"),
    [EF_NOTE_HINT_CLICK] = N_("Hint: clean the {side} with the click cleaner"),
    [EF_NOTE_HINT_REPLACE] = N_("Hint: the {side} is damaged: replace it"),
    [EF_NOTE_HINT_CONNECT] = N_("Hint: both sides pass: connect"),
};

const char *endface_prompt(const EndfaceView *v)
{
    switch (v->phase) {
    case EF_PHASE_INSPECTING:
        return N_("Read the image: does each zone pass? Point at what fails, then answer PASS or FAIL");
    case EF_PHASE_CLEANING:
        switch (v->tool) {
        case EF_TOOL_CASSETTE:
            return N_("One straight stroke along a lane, in the direction of the arrow, on fresh cloth");
        case EF_TOOL_CLICK:
            return N_("Push the click cleaner forward until it clicks");
        case EF_TOOL_WET_KIT:
            return v->wet_spot ? N_("Drag from the wet spot onto the dry part of the wipe, in one stroke")
                               : N_("Tap a fresh part of the wipe to put a drop of solvent on it");
        case EF_TOOL_NONE:
        case EF_TOOL_COUNT:
        default:
            return N_("Choose a cleaning tool: cassette, click cleaner or wet-to-dry kit");
        }
    case EF_PHASE_CONNECTED:
        return N_("Connected");
    case EF_PHASE_BENCH:
    default:
        return N_("Inspect the patch cord and the port with the probe, clean them if needed, then connect");
    }
}

const char *endface_side_label(EndfaceSide s)
{
    return (s >= 0 && s < EF_SIDE_COUNT) ? side_labels[s] : "?";
}

const char *endface_note_template(EndfaceNoteCode c)
{
    return (c >= 0 && c < EF_NOTE_COUNT && templates[c]) ? templates[c] : "?";
}

/* 6 -> "6", 2.5 -> "2,5" (French), 0.25 -> "0,25". */
static void size_text(double um, char sep, char *out, size_t n)
{
    snprintf(out, n, "%.2f", um);
    char *dot = strchr(out, '.');
    if (!dot) {
        return;
    }
    char *end = out + strlen(out) - 1;
    while (end > dot && *end == '0') {
        *end-- = '\0';
    }
    if (end == dot) {
        *end = '\0';
    } else {
        *dot = sep;
    }
}

void endface_note_format(const EndfaceNote *note, const char *tmpl, const char *side_label, const char *kind_label,
                         char decimal_sep, char *out, size_t n)
{
    if (n == 0) {
        return;
    }
    size_t used = 0;
    const char *p = tmpl ? tmpl : "";
    while (*p && used + 1 < n) {
        char rep[64];
        const char *r = NULL;
        size_t skip = 0;
        if (strncmp(p, "{side}", 6) == 0) {
            r = side_label ? side_label : "";
            skip = 6;
        } else if (strncmp(p, "{kind}", 6) == 0) {
            r = kind_label ? kind_label : "";
            skip = 6;
        } else if (strncmp(p, "{zone}", 6) == 0) {
            snprintf(rep, sizeof rep, "%s", note->zone >= 0 && note->zone < ZONE_COUNT ? endface_zone_names[note->zone] : "-");
            r = rep;
            skip = 6;
        } else if (strncmp(p, "{size}", 6) == 0) {
            size_text(note->size_um, decimal_sep, rep, sizeof rep);
            r = rep;
            skip = 6;
        } else if (strncmp(p, "{count}", 7) == 0) {
            snprintf(rep, sizeof rep, "%u", note->count);
            r = rep;
            skip = 7;
        }
        if (r) {
            size_t len = strlen(r);
            if (used + len >= n) {
                len = n - 1 - used;
            }
            memcpy(out + used, r, len);
            used += len;
            p += skip;
        } else {
            out[used++] = *p++;
        }
    }
    out[used] = '\0';
    /* Never leave half a UTF-8 character at a cut. */
    size_t k = used;
    while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80) {
        k--;
    }
    if (k > 0 && ((unsigned char)out[k - 1] & 0x80)) {
        unsigned char lead = (unsigned char)out[k - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (used - (k - 1) < need) {
            out[k - 1] = '\0';
        }
    }
    /* A note is a sentence: capital first letter (labels are lower case). */
    if (islower((unsigned char)out[0])) {
        out[0] = (char)toupper((unsigned char)out[0]);
    }
}
