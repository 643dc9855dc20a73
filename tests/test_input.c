/*
 * test_input.c - input events and their JSON form: every kind round-trips bit
 * for bit through text printed as the records print it (json_print_lossless:
 * negative zero, subnormals, the largest double, values cJSON's own printer
 * would shorten), and malformed arrays are refused with a reason.
 */
#include <cjson/cJSON.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "fibresim/input.h"
#include "fibresim/jsonout.h"

/* Encodes, prints, parses and decodes e; the text goes to text_out. */
static bool round_trip(const InputEvent *e, InputEvent *back, char *text_out, size_t n)
{
    cJSON *j = input_to_json(e);
    char *text = j ? json_print_lossless(j) : NULL;
    cJSON *parsed = text ? cJSON_Parse(text) : NULL;
    char why[128] = "";
    bool ok = parsed && input_from_json(parsed, back, why, sizeof why);
    if (text_out && n) {
        snprintf(text_out, n, "%s", text ? text : "");
    }
    if (!ok) {
        fprintf(stderr, "round trip failed for %s: %s\n", text ? text : "?", why);
    }
    cJSON_Delete(parsed);
    cJSON_free(text);
    cJSON_Delete(j);
    return ok;
}

static void check_round_trip(const InputEvent *e, const char *expected_text)
{
    InputEvent back;
    char text[256];
    CHECK(round_trip(e, &back, text, sizeof text));
    CHECK_MSG(input_equal(e, &back), "%s", text);
    if (expected_text) {
        CHECK_STR(text, expected_text);
    }
    /* The tree itself decodes too, before any printing. */
    cJSON *j = input_to_json(e);
    InputEvent direct;
    CHECK(j && input_from_json(j, &direct, NULL, 0) && input_equal(e, &direct));
    cJSON_Delete(j);
}

static void test_every_kind(void)
{
    check_round_trip(&(InputEvent){.tick = 7, .kind = INPUT_POINTER_DOWN, .pointer = 0, .x = 12.5, .y = 40.25},
                     "[7,\"down\",0,12.5,40.25]");
    InputEvent e = input_pointer(8, INPUT_POINTER_MOVE, 3, -1.5, 2.0);
    check_round_trip(&e, "[8,\"move\",3,-1.5,2]");
    e = input_pointer(4294967295u, INPUT_POINTER_UP, 255, 0.0, 1e9);
    check_round_trip(&e, "[4294967295,\"up\",255,0,1000000000]");
    for (int a = ACTION_NONE + 1; a < ACTION_COUNT; a++) {
        e = input_key(1, (InputAction)a);
        check_round_trip(&e, NULL);
        CHECK((int)input_action_from_name(input_action_name((InputAction)a)) == a);
    }
    e = input_key(2, ACTION_FINE_PLUS);
    check_round_trip(&e, "[2,\"key\",\"fine_plus\"]");
    e = input_wheel(3, 10.0, 20.0, -0.25);
    check_round_trip(&e, "[3,\"wheel\",10,20,-0.25]");
    e = input_choice(9, "answer:nettoyer_cliver");
    check_round_trip(&e, "[9,\"choice\",\"answer:nettoyer_cliver\"]");
    /* The longest choice id fits (31 bytes); a longer one is cut at build. */
    e = input_choice(9, "abcdefghijklmnopqrstuvwxyz01234");
    check_round_trip(&e, NULL);
    e = input_choice(9, "abcdefghijklmnopqrstuvwxyz0123456789");
    CHECK(strlen(e.choice) == INPUT_CHOICE_MAX - 1);
    CHECK_STR(input_kind_name(INPUT_WHEEL), "wheel");
    CHECK_STR(input_kind_name((InputKind)42), "?");
    CHECK(input_action_from_name("jump") == ACTION_NONE);
}

static void test_awkward_numbers(void)
{
    /* Each value must come back with the same bits. 0.1 + 0.2 and 93.2 made by
     * arithmetic are one bit away from what 15 digits print ("0.3", "93.2"). */
    const double values[] = {-0.0, 0.0, 1e-300, -1e-300, 5e-324 /* smallest subnormal */, DBL_MIN, DBL_MAX,
                             -DBL_MAX, 0.1 + 0.2, 40.0 + 53.2 * 1.0000000000000002, 1.0 / 3.0, 123456789.123456789,
                             9007199254740993.0, 2.5e-7, -273.15};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        InputEvent e = input_pointer(1, INPUT_POINTER_MOVE, 1, values[i], -values[i]);
        InputEvent back;
        char text[256];
        CHECK(round_trip(&e, &back, text, sizeof text));
        CHECK_MSG(memcmp(&back.x, &values[i], sizeof(double)) == 0 && input_equal(&e, &back), "value %.17g -> %s",
                  values[i], text);
        InputEvent w = input_wheel(1, values[i], 0.0, values[i]);
        CHECK(round_trip(&w, &back, NULL, 0) && input_equal(&w, &back));
    }
    /* Negative zero keeps its sign in the text. */
    InputEvent z = input_pointer(0, INPUT_POINTER_DOWN, 0, -0.0, 1.0);
    char text[128];
    InputEvent back;
    CHECK(round_trip(&z, &back, text, sizeof text));
    CHECK_STR(text, "[0,\"down\",0,-0,1]");
    CHECK(signbit(back.x));
    /* Shortest text that reads back: 1e-300 prints as such, not 17 digits. */
    z.x = 1e-300;
    CHECK(round_trip(&z, &back, text, sizeof text));
    CHECK_STR(text, "[0,\"down\",0,1e-300,1]");
    /* No JSON form for non-finite values: written as null, refused on reading. */
    z.x = NAN;
    CHECK(!round_trip(&z, &back, text, sizeof text));
    CHECK_STR(text, "[0,\"down\",0,null,1]");
    z.x = INFINITY;
    CHECK(!round_trip(&z, &back, NULL, 0));
}

/* Decoding text must fail, with a reason. */
static void refused(const char *text)
{
    cJSON *j = cJSON_Parse(text);
    InputEvent e;
    char why[128] = "";
    bool ok = input_from_json(j, &e, why, sizeof why);
    CHECK_MSG(!ok, "accepted: %s", text);
    CHECK_MSG(why[0] != '\0', "no reason for %s", text);
    cJSON_Delete(j);
}

static void test_bad_arrays(void)
{
    refused("{\"tick\": 1}");
    refused("[]");
    refused("[1]");
    refused("[1, \"move\"]");
    refused("[-1, \"move\", 0, 1, 2]");
    refused("[1.5, \"move\", 0, 1, 2]");
    refused("[4294967296, \"move\", 0, 1, 2]");
    refused("[\"1\", \"move\", 0, 1, 2]");
    refused("[1, \"hover\", 0, 1, 2]");
    refused("[1, 3, 0, 1, 2]");
    refused("[1, \"move\", 0, 1]");
    refused("[1, \"move\", 0, 1, 2, 3]");
    refused("[1, \"move\", 256, 1, 2]");
    refused("[1, \"move\", -1, 1, 2]");
    refused("[1, \"move\", 0.5, 1, 2]");
    refused("[1, \"move\", 0, \"1\", 2]");
    refused("[1, \"move\", 0, null, 2]");
    refused("[1, \"move\", 0, 1e999, 2]"); /* cJSON reads an overflow as inf */
    refused("[1, \"key\", \"jump\"]");
    refused("[1, \"key\", \"none\"]");
    refused("[1, \"key\", 3]");
    refused("[1, \"key\", \"left\", \"right\"]");
    refused("[1, \"wheel\", 1, 2]");
    refused("[1, \"wheel\", 1, 2, true]");
    refused("[1, \"choice\", \"\"]");
    refused("[1, \"choice\", \"abcdefghijklmnopqrstuvwxyz012345\"]"); /* 32 bytes */
    refused("[1, \"choice\", 7]");
    refused("[1, \"choice\", \"next\", \"again\"]");
    /* NULL and a non-array are refused without crashing; why may be NULL. */
    InputEvent e;
    CHECK(!input_from_json(NULL, &e, NULL, 0));
}

static void test_log(void)
{
    InputLog log;
    input_log_init(&log);
    for (uint32_t i = 0; i < 1000; i++) {
        InputEvent e = input_pointer(i, INPUT_POINTER_MOVE, 0, i * 0.1, 0);
        CHECK(input_log_push(&log, &e));
    }
    CHECK(log.count == 1000 && log.items[999].tick == 999);
    input_log_finish(&log);
    input_log_finish(&log); /* fine twice */
    CHECK(log.count == 0 && log.items == NULL);
}

int main(void)
{
    test_every_kind();
    test_awkward_numbers();
    test_bad_arrays();
    test_log();
    return test_done("input");
}
