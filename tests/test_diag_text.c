/*
 * test_diag_text.c - messages as templates with values (diag.h): placeholders
 * filled, numbers with the language's decimal separator, msgid values
 * translated and filled in turn (a field name inside a message, a whole SOR
 * error inside a scenario problem), the nesting cap, cuts on a character
 * boundary; and a SOR reader's error or note rendered through a translator,
 * every word coming from the catalogue.
 *
 * The translator here is a table written for the test (a tiny "catalogue"),
 * so the expected French lines are written by hand from it.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/diag.h"
#include "fibresim/sor.h"

typedef struct Pair {
    const char *en, *fr;
} Pair;

static const Pair catalogue[] = {
    {"{n} bytes for {what}", "{n} octets pour {what}"},
    {"the group index", "l'indice de groupe"},
    {"{left} bytes left before the block ends at byte {end}", "{left} octets restants avant la fin du bloc à l'octet {end}"},
    {"{block} block, byte {offset}: expected {expected}, found {found}",
     "bloc {block}, octet {offset} : attendu {expected}, trouvé {found}"},
    {"byte {offset}: expected {expected}, found {found}", "octet {offset} : attendu {expected}, trouvé {found}"},
    {"a SOR file (at least 8 bytes: the Map header)", "un fichier SOR (au moins 8 octets : l'en-tête de la Map)"},
    {"{count} bytes", "{count} octets"},
    {"a damaged file ({block} block, byte {offset}: expected {expected}, found {found})",
     "un fichier abîmé (bloc {block}, octet {offset} : attendu {expected}, trouvé {found})"},
    {"a loop {loop}", "une boucle {loop}"},
    {"{count} bytes after the last block", "{count} octets après le dernier bloc"},
    {NULL, NULL},
};

static int lookups;

static const char *fr(const char *msgid, void *user)
{
    (void)user;
    lookups++;
    for (const Pair *p = catalogue; p->en; p++) {
        if (strcmp(p->en, msgid) == 0) {
            return p->fr;
        }
    }
    return msgid;
}

static void test_fill(void)
{
    DiagArgs a = {0};
    diag_arg_num(&a, "value", 1.4);
    diag_arg_int(&a, "max", 2);
    diag_arg_str(&a, "unit", "°");
    char out[128];
    diag_fill("angle {value}{unit}: above {max}{unit} {unknown}", &a, ',', out, sizeof out);
    CHECK_STR(out, "angle 1,4°: above 2° {unknown}");
    /* A text value keeps its '.': only numbers take the separator. */
    DiagArgs t = {0};
    diag_arg_str(&t, "name", "G.652.D");
    diag_fill("fibre {name}", &t, ',', out, sizeof out);
    CHECK_STR(out, "fibre G.652.D");
}

static void test_nested(void)
{
    /* The field name is a msgid value: translated, like the template. */
    DiagArgs a = {0};
    diag_arg_int(&a, "n", 4);
    diag_arg_msgid(&a, "what", "the group index");
    char out[200];
    diag_fill_tr(fr("{n} bytes for {what}", NULL), &a, fr, NULL, ',', out, sizeof out);
    CHECK_STR(out, "4 octets pour l'indice de groupe");
    /* In English (no translator) the msgid value is filled as it is. */
    diag_fill("{n} bytes for {what}", &a, '.', out, sizeof out);
    CHECK_STR(out, "4 bytes for the group index");

    /* A message inside a message: its own values come from the same list,
     * numbers with the separator at every level. */
    DiagArgs b = {0};
    diag_arg_num(&b, "x", 0.5);
    diag_arg_msgid(&b, "inner", "{x} dB then {x}");
    diag_fill_tr("outer {inner} / {x}", &b, NULL, NULL, ',', out, sizeof out);
    CHECK_STR(out, "outer 0,5 dB then 0,5 / 0,5");

    /* A value naming itself stops after 3 levels instead of looping. */
    DiagArgs c = {0};
    diag_arg_msgid(&c, "loop", "a loop {loop}");
    lookups = 0;
    diag_fill_tr("{loop}", &c, fr, NULL, '.', out, sizeof out);
    CHECK_STR(out, "une boucle une boucle une boucle a loop {loop}");
    CHECK(lookups == 3);

    /* An empty msgid is never looked up ("" is a catalogue's header). */
    DiagArgs e = {0};
    diag_arg_msgid(&e, "v", "");
    lookups = 0;
    diag_fill_tr("[{v}]", &e, fr, NULL, '.', out, sizeof out);
    CHECK_STR(out, "[]");
    CHECK(lookups == 0);

    /* A full list keeps its first 12 values. */
    DiagArgs f = {0};
    char name[8];
    for (int i = 0; i < 14; i++) {
        snprintf(name, sizeof name, "v%d", i);
        diag_arg_int(&f, name, i);
    }
    CHECK(f.count == DIAG_ARG_MAX && DIAG_ARG_MAX == 12);
    diag_fill("{v0}{v11}{v12}", &f, '.', out, sizeof out);
    CHECK_STR(out, "011{v12}");
}

static void test_cut(void)
{
    /* Cut inside a nested value, never inside "é" (2 bytes). */
    DiagArgs a = {0};
    diag_arg_msgid(&a, "what", "the group index");
    char out[12];
    diag_fill_tr("{what}", &a, fr, NULL, '.', out, sizeof out);
    CHECK_STR(out, "l'indice de");
    DiagArgs b = {0};
    diag_arg_str(&b, "s", "aaaaaaaaaé");
    diag_fill("{s}", &b, '.', out, 11); /* 10 bytes fit: "aaaaaaaaa" + half of "é" */
    CHECK_STR(out, "aaaaaaaaa");
}

/* A Diag holding a SOR error: the scenario check's damaged trace file. */
static void test_diag_holding_sor_error(void)
{
    SorFile f;
    SorError err;
    CHECK(!sor_read(&f, (const uint8_t *)"hello", 5, &err));
    sor_finish(&f);
    char line[400];
    sor_error_format(&err, line, sizeof line);
    CHECK_STR(line, "Map block, byte 0: expected a SOR file (at least 8 bytes: the Map header), found 5 bytes");
    sor_error_text(&err, fr, NULL, ',', line, sizeof line);
    CHECK_STR(line, "bloc Map, octet 0 : attendu un fichier SOR (au moins 8 octets : l'en-tête de la Map), trouvé 5 octets");

    DiagArgs args;
    sor_error_args(&err, &args);
    DiagList d;
    diag_list_init(&d);
    diag_add_t(&d, DIAG_BAD_VALUE, 3, 5, "setup.trace_file.path", "a readable file",
               "a damaged file ({block} block, byte {offset}: expected {expected}, found {found})", &args);
    CHECK(d.count == 1);
    if (d.count == 1) {
        const char *en = "a damaged file (Map block, byte 0: expected a SOR file (at least 8 bytes: the Map header), found 5 bytes)";
        /* The English text is cut to the field: the start must match. */
        CHECK(strncmp(d.items[0].found, en, sizeof d.items[0].found - 1) == 0);
        char out[400];
        diag_text(&d.items[0], true, fr, NULL, ',', out, sizeof out);
        CHECK_STR(out, "un fichier abîmé (bloc Map, octet 0 : attendu un fichier SOR (au moins 8 octets : l'en-tête de la Map), "
                       "trouvé 5 octets)");
        diag_text(&d.items[0], true, NULL, NULL, '.', out, sizeof out);
        CHECK_STR(out, en);
    }
    diag_list_finish(&d);
}

/* A need() error names its field by msgid: the French line has no English. */
static void test_sor_field_error(void)
{
    SorFile f;
    sor_init(&f);
    f.fxd.group_index_e5 = 146800;
    f.fxd.data_spacing[0] = 100000;
    sor_alloc_points(&f, 4);
    uint8_t *buf = NULL;
    size_t size = 0;
    SorError err;
    CHECK(sor_write(&f, &buf, &size, &err));
    sor_finish(&f);
    if (!buf) {
        return;
    }
    /* Find the group index: FxdParams header (10), date 4, units 2,
     * wavelength 2, AO 4, AO distance 4, pulse count 2, width 2, spacing 4,
     * points 4; then cut the block 2 bytes into it through its Map size. */
    const uint8_t *fx = NULL;
    for (size_t i = 100; i + 10 <= size && !fx; i++) {
        if (memcmp(buf + i, "FxdParams", 10) == 0) {
            fx = buf + i;
        }
    }
    CHECK(fx != NULL);
    size_t gi_at = (size_t)(fx - buf) + 10 + 4 + 2 + 2 + 4 + 4 + 2 + 2 + 4 + 4;
    /* The Map entry "FxdParams\0" rev size: set its size. */
    for (size_t i = 12; i + 16 < 200; i++) {
        if (memcmp(buf + i, "FxdParams", 10) == 0) {
            uint32_t sz = (uint32_t)(gi_at + 2 - (size_t)(fx - buf));
            buf[i + 12] = (uint8_t)sz;
            buf[i + 13] = (uint8_t)(sz >> 8);
            buf[i + 14] = 0;
            buf[i + 15] = 0;
            break;
        }
    }
    CHECK(!sor_read(&f, buf, size, &err));
    sor_finish(&f);
    char line[400], expect[400];
    sor_error_format(&err, line, sizeof line);
    snprintf(expect, sizeof expect,
             "FxdParams block, byte %zu: expected 4 bytes for the group index, found 2 bytes left before the block ends "
             "at byte %zu",
             gi_at, gi_at + 2);
    CHECK_STR(line, expect);
    sor_error_text(&err, fr, NULL, ',', line, sizeof line);
    snprintf(expect, sizeof expect,
             "bloc FxdParams, octet %zu : attendu 4 octets pour l'indice de groupe, trouvé 2 octets restants avant la fin "
             "du bloc à l'octet %zu",
             gi_at, gi_at + 2);
    CHECK_STR(line, expect);
    free(buf);
}

int main(void)
{
    test_fill();
    test_nested();
    test_cut();
    test_diag_holding_sor_error();
    test_sor_field_error();
    return test_done("diag_text");
}
