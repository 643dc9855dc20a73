/*
 * diag_msg.c - messages of their own (DiagMsg, diag.h): set, shown, kept in
 * a cache as one line of JSON and read back, and a problem (Diag) held as
 * one value of another message.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/diag.h"
#include "fibresim/messages.h" /* N_() */

void diag_msg_set(DiagMsg *m, const char *tmpl, const DiagArgs *args)
{
    memset(m, 0, sizeof *m);
    fs_strlcpy(m->tmpl, tmpl ? tmpl : "", sizeof m->tmpl);
    if (args) {
        m->args = *args;
        if (m->args.count < 0 || m->args.count > DIAG_ARG_MAX) {
            m->args.count = m->args.count < 0 ? 0 : DIAG_ARG_MAX;
        }
    }
}

void diag_msg_text(const DiagMsg *m, DiagTranslateFn tr, void *user, char decimal_sep, char *out, size_t n)
{
    const char *tmpl = m->tmpl[0] && tr ? tr(m->tmpl, user) : m->tmpl;
    diag_fill_tr(tmpl, &m->args, tr, user, decimal_sep, out, n);
}

bool diag_msg_encode(const DiagMsg *m, char *out, size_t n)
{
    if (n) {
        out[0] = '\0';
    }
    cJSON *o = cJSON_CreateObject();
    cJSON *list = o ? cJSON_AddArrayToObject(o, "a") : NULL;
    bool ok = list && cJSON_AddStringToObject(o, "t", m->tmpl);
    for (int i = 0; ok && i < m->args.count && i < DIAG_ARG_MAX; i++) {
        const DiagArg *x = &m->args.items[i];
        cJSON *item = cJSON_CreateArray();
        ok = item && cJSON_AddItemToArray(list, item);
        ok = ok && cJSON_AddItemToArray(item, cJSON_CreateString(x->name))
            && cJSON_AddItemToArray(item, cJSON_CreateString(x->value))
            && cJSON_AddItemToArray(item, cJSON_CreateString(x->msgid ? "m" : x->number ? "n" : "s"));
    }
    char *text = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    ok = text && strlen(text) < n;
    if (ok) {
        memcpy(out, text, strlen(text) + 1);
    }
    free(text);
    return ok;
}

bool diag_msg_decode(const char *text, DiagMsg *m)
{
    memset(m, 0, sizeof *m);
    cJSON *o = text ? cJSON_Parse(text) : NULL;
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "t");
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(o, "a");
    bool ok = cJSON_IsString(t) && cJSON_IsArray(list) && strlen(t->valuestring) < sizeof m->tmpl;
    if (ok) {
        fs_strlcpy(m->tmpl, t->valuestring, sizeof m->tmpl);
    }
    const cJSON *item = NULL;
    const cJSON *items = ok ? list : NULL;
    cJSON_ArrayForEach(item, items)
    {
        const cJSON *name = cJSON_GetArrayItem(item, 0), *value = cJSON_GetArrayItem(item, 1),
                    *kind = cJSON_GetArrayItem(item, 2);
        if (m->args.count >= DIAG_ARG_MAX || cJSON_GetArraySize(item) != 3 || !cJSON_IsString(name)
            || !cJSON_IsString(value) || !cJSON_IsString(kind)) {
            ok = false;
            break;
        }
        DiagArg *x = &m->args.items[m->args.count++];
        fs_strlcpy(x->name, name->valuestring, sizeof x->name);
        fs_strlcpy(x->value, value->valuestring, sizeof x->value);
        x->number = strcmp(kind->valuestring, "n") == 0;
        x->msgid = strcmp(kind->valuestring, "m") == 0;
    }
    cJSON_Delete(o);
    if (!ok) {
        memset(m, 0, sizeof *m);
    }
    return ok;
}

void diag_arg_problem(DiagArgs *a, const char *name, const Diag *g)
{
    /* Line, column and JSON path are the same in every language. */
    char where[200] = "";
    if (g->line > 0) {
        snprintf(where, sizeof where, "%d:%d: ", g->line, g->col);
    }
    if (g->path[0]) {
        size_t used = strlen(where);
        snprintf(where + used, sizeof where - used, "%s: ", g->path);
    }
    const char *expected = g->expected_tmpl[0] ? g->expected_tmpl : g->expected;
    const char *found = g->found_tmpl[0] ? g->found_tmpl : g->found;
    int own = g->args.count < 0 ? 0 : g->args.count;
    if (!a) {
        return;
    }
    if (a->count + own + 5 > DIAG_ARG_MAX) {
        /* Its values and the five of the line do not all fit. */
        char text[400];
        diag_format(g, NULL, text, sizeof text);
        diag_arg_str(a, name, text);
        return;
    }
    for (int i = 0; i < own; i++) {
        a->items[a->count++] = g->args.items[i];
    }
    diag_arg_msgid(a, name,
                   expected[0] && found[0] ? N_("{where}{code}: expected {expected}, found {found}")
                   : expected[0]           ? N_("{where}{code}: expected {expected}")
                   : found[0]              ? N_("{where}{code}: found {found}")
                                           : N_("{where}{code}"));
    diag_arg_str(a, "where", where);
    diag_arg_msgid(a, "code", diag_code_name(g->code));
    diag_arg_msgid(a, "expected", expected);
    diag_arg_msgid(a, "found", found);
}
