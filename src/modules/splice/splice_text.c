/*
 * splice_text.c - the words of the splice exercise for the front end: button
 * labels, next-step hints and notices (English msgids marked N_(); French in
 * po/fr.po). The core only hands out msgids; the scene translates them.
 */
#include "fibresim/messages.h"
#include "fibresim/splice.h"

const SpliceChoice splice_choices[] = {
    {"fibre_left", N_("Left fibre")},
    {"fibre_right", N_("Right fibre")},
    {"tool_hand", N_("Hand")},
    {"tool_stripper", N_("Stripper")},
    {"tool_wipe", N_("Alcohol wipe")},
    {"sleeve", N_("Thread the sleeve")},
    {"clamp", N_("Close the clamp")},
    {"unclamp", N_("Open the clamp")},
    {"rotate_blade", N_("Turn the blade")},
    {"clean_vgroove", N_("Clean the V-grooves")},
    {"close_cover", N_("Close the cover")},
    {"splice", N_("Splice now")},
    {"reprepare_left", N_("Redo left fibre")},
    {"reprepare_right", N_("Redo right fibre")},
    {"accept", N_("Keep the splice")},
    {"redo", N_("Cut and redo")},
    {"heat", N_("Heat the sleeve")},
    {"oven_out", N_("Take out of the heater")},
    {"finish", N_("Close the cassette")},
    {NULL, NULL},
};

const char *splice_hint_text(SpliceHint h)
{
    switch (h) {
    case SPLICE_HINT_THREAD_SLEEVE: return N_("Thread the sleeve on the fibre before stripping.");
    case SPLICE_HINT_STRIP: return N_("Take the stripper, close it at the right length, pull steadily past the end.");
    case SPLICE_HINT_CLEAN: return N_("Take the alcohol wipe: one stroke from the coating to past the end.");
    case SPLICE_HINT_TO_CLEAVER: return N_("Hold the fibre by its coating and lay it in the cleaver.");
    case SPLICE_HINT_CLAMP: return N_("Coating edge on the mark? Close the clamp.");
    case SPLICE_HINT_CLEAVE: return N_("Push the blade all the way.");
    case SPLICE_HINT_BIN_OFFCUT: return N_("Put the glass offcut in the scrap container.");
    case SPLICE_HINT_UNCLAMP: return N_("Open the clamp.");
    case SPLICE_HINT_LOAD_SPLICER: return N_("Lay the fibre in its V-groove: the end between the V-groove edge and the electrodes.");
    case SPLICE_HINT_OTHER_FIBRE: return N_("Now prepare the other fibre.");
    case SPLICE_HINT_CLOSE_COVER: return N_("Both fibres are in place: close the cover.");
    case SPLICE_HINT_JUDGE_CLEAVE: return N_("Look at both cleave angles: above the limit or with a defect, redo that fibre.");
    case SPLICE_HINT_ALIGN: return N_("Align the cores with the arrow keys in both views.");
    case SPLICE_HINT_JUDGE_SPLICE: return N_("Look at the image and the loss: bubble, defect or above the threshold means cut and redo.");
    case SPLICE_HINT_SLIDE_SLEEVE: return N_("Slide the sleeve over the middle of the bare glass.");
    case SPLICE_HINT_HEAT: return N_("Put the sleeve in the heater.");
    case SPLICE_HINT_WAIT_COOL: return N_("Wait for the end of heating, then let it cool.");
    case SPLICE_HINT_COIL: return N_("Coil the fibre in the cassette: wide loops, never tight.");
    case SPLICE_HINT_FINISH: return N_("Close the cassette.");
    case SPLICE_HINT_NONE:
    default: return N_("Carry on.");
    }
}

const char *splice_notice_text(SpliceNotice n)
{
    switch (n) {
    case SPLICE_NOTICE_GLASS_BROKE: return N_("The glass broke: pull more slowly and steadily, then strip again.");
    case SPLICE_NOTICE_STRIP_INCOMPLETE: return N_("The coating is still on: pull the stripper past the end.");
    case SPLICE_NOTICE_GLASS_TOUCHED: return N_("You touched the clean glass: it is dirty again.");
    case SPLICE_NOTICE_WIPE_WRONG_WAY: return N_("Wrong way: wipe from the coating towards the end.");
    case SPLICE_NOTICE_NOT_IN_GROOVE: return N_("The fibre is not in the groove: lay it again.");
    case SPLICE_NOTICE_CLAMP_CLOSED: return N_("The clamp is closed: open it first.");
    case SPLICE_NOTICE_NOTHING_TO_CLEAVE: return N_("No glass under the blade: move the fibre forward.");
    case SPLICE_NOTICE_CLEAVE_ON_COATING: return N_("The blade cut the coating: strip longer and cleave again.");
    case SPLICE_NOTICE_OFFCUT_DROPPED: return N_("A glass offcut is on the bench: pick it up, into the scrap container.");
    case SPLICE_NOTICE_END_FACE_TOUCHED: return N_("The fibre end hit the electrodes: its end face is damaged.");
    case SPLICE_NOTICE_LOAD_ERROR: return N_("Fibre position error: each end between its V-groove edge and the electrodes.");
    case SPLICE_NOTICE_SLEEVE_FORGOTTEN: return N_("No sleeve on the fibres! Cut, thread the sleeve and splice again.");
    case SPLICE_NOTICE_PROOF_TEST_BREAK: return N_("The splice broke in the proof test: the glass was nicked. Redo it.");
    case SPLICE_NOTICE_COIL_INCOMPLETE: return N_("Make at least one whole loop in the cassette.");
    case SPLICE_NOTICE_VGROOVE_CLEANED: return N_("V-grooves cleaned.");
    case SPLICE_NOTICE_NONE:
    default: return "";
    }
}
