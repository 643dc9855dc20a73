/*
 * messages.c - criterion message templates and their formatting.
 */
#include "fibresim/messages.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/core.h"

/* Messages every module shares. */
static const MessageDef generic_messages[] = {
    {"time_s", N_("Time"), N_("Time {value}{unit}: within {ok_max}{unit}"),
     N_("Time {value}{unit}: slower than {ok_max}{unit}"),
     N_("Time {value}{unit}: too slow, the limit is {zero_max}{unit}"), NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};

static const MessageDef fallback = {
    "", N_("Result"), N_("{value}{unit}: good"), N_("{value}{unit}: close, aim for {target}{unit}"),
    N_("{value}{unit}: outside the tolerance, aim for {target}{unit}"), N_("Not done"),
};

static const MessageDef *search(const MessageDef *table, const char *key)
{
    for (size_t i = 0; table && table[i].key; i++) {
        if (strcmp(table[i].key, key) == 0) {
            return &table[i];
        }
    }
    return NULL;
}

const MessageDef *message_find(const MessageDef *table, const char *key)
{
    const MessageDef *m = search(table, key);
    /* Measure names that depend on the setup ("drag1.error_mm": task drag1 of
     * the tutorial) share the module's message for the part after the last '.'. */
    const char *dot = strrchr(key, '.');
    if (!m && dot && dot[1]) {
        m = search(table, dot + 1);
    }
    if (!m) {
        m = search(generic_messages, key);
    }
    return m ? m : &fallback;
}

const char *message_template(const MessageDef *m, Verdict v)
{
    switch (v) {
    case VERDICT_OK:
        return m->ok ? m->ok : fallback.ok;
    case VERDICT_PARTIAL:
        return m->partial ? m->partial : fallback.partial;
    case VERDICT_FAIL:
        return m->fail ? m->fail : fallback.fail;
    case VERDICT_MISSING:
    default:
        return m->missing ? m->missing : fallback.missing;
    }
}

void message_number(double v, int decimals, char decimal_sep, char *out, size_t n)
{
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    if (!isfinite(v)) {
        snprintf(out, n, "-");
        return;
    }
    /* Avoid printing "-0,0" for tiny negative values. */
    double scale = pow(10.0, decimals);
    if (fabs(v) * scale < 0.5) {
        v = 0.0;
    }
    snprintf(out, n, "%.*f", decimals, v);
    for (char *c = out; *c; c++) {
        if (*c == '.') {
            *c = decimal_sep;
        }
    }
}

static double target_of(const CriterionResult *c)
{
    const Band *b = &c->def.band;
    if (c->def.table.count == 0) {
        if (b->has_ok_min && c->value < b->ok_min) return b->ok_min;
        if (b->has_ok_max && c->value > b->ok_max) return b->ok_max;
        if (b->has_ok_min && b->has_ok_max) return 0.5 * (b->ok_min + b->ok_max);
        if (b->has_ok_max) return b->ok_max;
        if (b->has_ok_min) return b->ok_min;
    } else {
        /* the x of the best credit in the table */
        size_t best = 0;
        for (size_t i = 1; i < c->def.table.count; i++) {
            if (c->def.table.credit[i] > c->def.table.credit[best]) best = i;
        }
        return c->def.table.x[best];
    }
    return c->value;
}

void message_format(const char *tmpl, const CriterionResult *c, char decimal_sep, char *out, size_t n)
{
    if (n == 0) {
        return;
    }
    size_t used = 0;
    const char *p = tmpl ? tmpl : "";
    while (*p && used + 1 < n) {
        if (*p == '{') {
            const char *end = strchr(p, '}');
            if (end && end - p < 16) {
                char name[16];
                memcpy(name, p + 1, (size_t)(end - p - 1));
                name[end - p - 1] = '\0';
                char rep[64] = "";
                const Band *b = &c->def.band;
                double x = NAN;
                bool number = true;
                if (strcmp(name, "value") == 0) x = c->value;
                else if (strcmp(name, "target") == 0) x = target_of(c);
                else if (strcmp(name, "ok_min") == 0 && b->has_ok_min) x = b->ok_min;
                else if (strcmp(name, "ok_max") == 0 && b->has_ok_max) x = b->ok_max;
                else if (strcmp(name, "zero_min") == 0 && b->has_zero_min) x = b->zero_min;
                else if (strcmp(name, "zero_max") == 0 && b->has_zero_max) x = b->zero_max;
                else if (strcmp(name, "unit") == 0) {
                    number = false;
                    /* French and English both write "35 mm" but "1,4°". */
                    const char *u = c->def.unit;
                    if (u[0]) {
                        snprintf(rep, sizeof rep, "%s%s", strncmp(u, "\xC2\xB0", 2) == 0 ? "" : " ", u);
                    }
                } else {
                    number = false;
                    snprintf(rep, sizeof rep, "{%s}", name);
                }
                if (number) {
                    message_number(x, c->def.decimals, decimal_sep, rep, sizeof rep);
                }
                size_t r = strlen(rep);
                if (used + r >= n) {
                    r = n - 1 - used;
                }
                memcpy(out + used, rep, r);
                used += r;
                p = end + 1;
                continue;
            }
        }
        out[used++] = *p++;
    }
    out[used] = '\0';
}
