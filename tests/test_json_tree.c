/*
 * test_json_tree.c - jsontext_tree(), the one-pass reader behind
 * jsontext_parse(): on every text below it gives the strict checker's
 * verdict (jsontext_syntax_check) and, when valid, exactly cJSON_Parse's
 * tree (json_same.h: numbers bit for bit). The cases are the grammar's
 * corners from RFC 8259 and the checker's own rules (depth 64, numbers of
 * at most 63 characters, no \u0000, no lone surrogate). The fuzz target
 * fuzz_scenario holds the same two promises on arbitrary bytes.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/json_arena.h"
#include "fibresim/jsontext.h"
#include "json_same.h"

static void expect(const char *text, size_t len, bool valid)
{
    JsonTextError e;
    memset(&e, 0, sizeof e);
    bool checked = jsontext_syntax_check(text, len, &e);
    CHECK_MSG(checked == valid, "checker on %.60s: %d, expected %d", text, checked, valid);
    cJSON *fast = jsontext_tree(text, len);
    CHECK_MSG((fast != NULL) == valid, "tree on %.60s: %s, expected %s", text, fast ? "built" : "NULL",
              valid ? "built" : "NULL");
    if (fast) {
        cJSON *ref = cJSON_ParseWithLength(text, len);
        CHECK_MSG(json_same(fast, ref), "tree of %.60s differs from cJSON's", text);
        cJSON_Delete(ref);
        cJSON_Delete(fast);
    }
}

static void ok(const char *text)
{
    expect(text, strlen(text), true);
}

static void bad(const char *text)
{
    expect(text, strlen(text), false);
}

/* n nested arrays around a 1. */
static char *nested(int n)
{
    char *s = malloc((size_t)n * 2 + 2);
    memset(s, '[', (size_t)n);
    s[n] = '1';
    memset(s + n + 1, ']', (size_t)n);
    s[2 * n + 1] = '\0';
    return s;
}

int main(void)
{
    /* values and white space */
    ok("0");
    ok("-0");
    ok(" \t\r\n{} ");
    ok("[]");
    ok("true");
    ok("[true,false,null]");
    ok("\"\"");
    ok("{\"a\":{\"b\":[1,{\"c\":\"d\"}]},\"e\":[]}");
    ok("{\"a\":1,\"a\":2}"); /* duplicate keys: both kept, in order (the validator reports them) */
    /* numbers: cJSON's double and its saturated int copy */
    ok("[1.5e-3,123.456E+7,-2147483648,2147483647,2147483648,-2147483649,1e400,-1e400,4.9e-324]");
    ok("[433.56593406593407,0.1,-0.0,12345678901234567890,1E2,1e-2]");
    ok("123456789012345678901234567890123456789012345678901234567890123"); /* 63 characters */
    bad("1234567890123456789012345678901234567890123456789012345678901234"); /* 64 */
    bad("01");
    bad("-");
    bad("1.");
    bad(".5");
    bad("+1");
    bad("1e");
    bad("1e+");
    bad("0x10");
    bad("NaN");
    bad("Infinity");
    /* strings */
    ok("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"");
    ok("\"caf\\u00e9 \\u20ac \\ud83d\\ude00 caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
    ok("{\"cl\\u00e9\":\"angle de clive 1,4\xc2\xb0 : au-dessus de 1\xc2\xb0\"}");
    bad("\"\\u0000\"");
    bad("\"\\ud83d\"");
    bad("\"\\ud83dx\"");
    bad("\"\\ude00\"");
    bad("\"\\u12\"");
    bad("\"\\x41\"");
    bad("\"\\\"");
    bad("\"tab\there\"");
    bad("\"line\nbreak\"");
    bad("\"unterminated");
    bad("\"\xe9t\xe9\""); /* Latin-1 */
    bad("\"\xc0\xaf\""); /* overlong */
    bad("\"\xed\xa0\x80\""); /* a surrogate in UTF-8 */
    bad("\"\xf4\x90\x80\x80\""); /* above U+10FFFF */
    bad("\"\xe2\x82\""); /* cut short */
    /* literals and structure */
    bad("");
    bad("   ");
    bad("True");
    bad("nul");
    bad("truex");
    bad("[true1]");
    bad("[1,]");
    bad("[,1]");
    bad("{,}");
    bad("{\"a\":1,}");
    bad("{\"a\" 1}");
    bad("{\"a\":}");
    bad("{'a':1}");
    bad("{a:1}");
    bad("[1 2]");
    bad("[1]]");
    bad("{} {}");
    bad("[1] x");
    bad("[\"a\"\xc3\xa9]");
    bad("{\"a\":1 // comment\n}");
    /* nesting: 64 containers, not 65 */
    char *deep = nested(64), *deeper = nested(65);
    ok(deep);
    bad(deeper);
    free(deep);
    free(deeper);
    /* embedded NUL byte: the length says where the text ends */
    expect("[1]\0[2]", 7, false);
    expect("[1]\0", 3, true);
    /* the same inside an arena (how record heads are read) */
    json_arena_enter(json_arena_of_thread());
    ok("{\"format\":\"fibresim-attempt\",\"result\":{\"total\":97.5,\"criteria\":[{\"value\":0.055032243289337056}]}}");
    json_arena_leave();
    return test_done("json_tree");
}
