/*
 * otdr_text.c - names and short texts of the OTDR module (English msgids,
 * N_(); the front end translates them, French in po/fr.po).
 */
#include "otdr_internal.h"

static const char *const mark_names[OTDR_MARK_COUNT] = {"none", "connector", "splice", "bend",
                                                        "end",  "ghost",     "merged"};
static const char *const mark_labels[OTDR_MARK_COUNT] = {
    N_("Not checked"), N_("Connector"), N_("Splice"), N_("Bend"), N_("End"), N_("Ghost"), N_("Two events"),
};

const char *otdr_mark_name(OtdrMark m)
{
    return m < OTDR_MARK_COUNT ? mark_names[m] : "none";
}

const char *otdr_mark_label(OtdrMark m)
{
    return m < OTDR_MARK_COUNT ? mark_labels[m] : mark_labels[0];
}

const char *otdr_notice_text(OtdrNotice n)
{
    switch (n) {
    case OTDR_NOTICE_ACQUIRED: return N_("Trace acquired");
    case OTDR_NOTICE_STOPPED: return N_("Acquisition stopped early: fewer averages, more noise");
    case OTDR_NOTICE_BUSY: return N_("Wait for the end of the acquisition, or stop it");
    case OTDR_NOTICE_NO_TRACE: return N_("No trace yet: acquire first");
    case OTDR_NOTICE_RECORDED: return N_("Value recorded in the results");
    case OTDR_NOTICE_WRONG_WAVELENGTH: return N_("This row asks for another wavelength: show that trace");
    case OTDR_NOTICE_NO_PEAK: return N_("No reflection between the cursors: put A before the peak and B after it");
    case OTDR_NOTICE_SELECT_ANSWER: return N_("Choose a row of the results first");
    case OTDR_NOTICE_SELECT_EVENT: return N_("Choose an event of the table first");
    case OTDR_NOTICE_NOT_VERDICT: return N_("This row wants a measured value: Record");
    case OTDR_NOTICE_VERDICT_ROW: return N_("This row wants a decision: Pass or Fail");
    case OTDR_NOTICE_MARKED: return N_("Event marked");
    case OTDR_NOTICE_AVERAGED: return N_("Average of both directions shown");
    case OTDR_NOTICE_AVERAGE_NEEDS_BOTH: return N_("Acquire from both ends at this wavelength first");
    case OTDR_NOTICE_AVERAGE_MISMATCH: return N_("Both directions need the same pulse, range and index");
    case OTDR_NOTICE_NOT_ALLOWED: return N_("Not available in this exercise");
    case OTDR_NOTICE_LIMIT: return N_("No further value");
    case OTDR_NOTICE_HINT: return "";
    case OTDR_NOTICE_NONE:
    case OTDR_NOTICE_COUNT:
    default: return "";
    }
}

const char *otdr_hint_text(OtdrHint h)
{
    switch (h) {
    case OTDR_HINT_SETTINGS: return N_("Set the instrument (wavelength, pulse, range, averaging), then Acquire");
    case OTDR_HINT_WAIT: return N_("Acquiring: the trace gets cleaner as the averages add up");
    case OTDR_HINT_READ: return N_("Read the trace: zoom, place cursors A and B");
    case OTDR_HINT_OTHER_WAVELENGTH: return N_("Measure at the other wavelength too and compare");
    case OTDR_HINT_OTHER_DIRECTION: return N_("Measure from the other end too (direction B)");
    case OTDR_HINT_AVERAGE: return N_("Average both directions to get the true loss");
    case OTDR_HINT_MARK_EVENTS: return N_("Check each event of the table and mark what it is");
    case OTDR_HINT_ANSWER: return N_("Choose a result row, place the cursors, then Record");
    case OTDR_HINT_FINISH: return N_("Everything is filled in: check, then Finish");
    case OTDR_HINT_COUNT:
    default: return "";
    }
}

const char *otdr_answer_kind_label(OtdrAnswerKind k)
{
    switch (k) {
    case OTDR_ANS_DISTANCE: return N_("Distance");
    case OTDR_ANS_LENGTH: return N_("Length");
    case OTDR_ANS_LOSS: return N_("Loss");
    case OTDR_ANS_REFLECTANCE: return N_("Reflectance");
    case OTDR_ANS_TOTAL_LOSS: return N_("Total loss");
    case OTDR_ANS_ATTENUATION: return N_("Attenuation");
    case OTDR_ANS_VERDICT: return N_("Verdict");
    case OTDR_ANS_COUNT:
    default: return "";
    }
}

const char *otdr_answer_unit(OtdrAnswerKind k)
{
    switch (k) {
    case OTDR_ANS_DISTANCE:
    case OTDR_ANS_LENGTH: return "m";
    case OTDR_ANS_LOSS:
    case OTDR_ANS_REFLECTANCE:
    case OTDR_ANS_TOTAL_LOSS: return "dB";
    case OTDR_ANS_ATTENUATION: return "dB/km";
    case OTDR_ANS_VERDICT:
    case OTDR_ANS_COUNT:
    default: return "";
    }
}
