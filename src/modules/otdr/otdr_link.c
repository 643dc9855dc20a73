/*
 * otdr_link.c - the link an acquisition measures: the setup's link under
 * test seen from one end, with the launch cable before it and the receive
 * cable after it when connected.
 *
 * Without a launch cable the OTDR plugs straight into the link's first
 * connector, which becomes the front panel connector: its loss and
 * reflection hide in the front dead zone (why French recettes require
 * launch spools, REFERENCE 2.2). Without a receive cable the last connector
 * is left open: it shows as the end of the fibre (a strong reflection for
 * UPC, a weak one for APC) and its loss cannot be measured.
 */
#include <string.h>

#include "fibresim/core.h"
#include "otdr_internal.h"

static bool has_break(const OtdrLink *l)
{
    for (size_t i = 0; i < l->count; i++) {
        if (l->el[i].kind == OTDR_EL_BREAK) {
            return true;
        }
    }
    return false;
}

bool otdr_can_launch(const OtdrSetup *s)
{
    return !s->from_file && s->launch_cable_m > 0 && s->link.count > 0 && s->link.el[0].kind == OTDR_EL_CONNECTOR;
}

bool otdr_can_receive(const OtdrSetup *s)
{
    return !s->from_file && s->receive_cable_m > 0 && s->link.count > 0
           && s->link.el[s->link.count - 1].kind == OTDR_EL_CONNECTOR && !has_break(&s->link);
}

const OtdrElement *otdr_setup_element(const OtdrSetup *s, const char *label)
{
    for (size_t i = 0; label[0] && i < s->link.count; i++) {
        if (strcmp(s->link.el[i].label, label) == 0) {
            return &s->link.el[i];
        }
    }
    return NULL;
}

static OtdrEnd open_end(OtdrPolish p)
{
    return p == OTDR_UPC ? OTDR_END_OPEN_UPC : OTDR_END_OPEN_APC;
}

void otdr_measured_build(const OtdrSetup *s, bool launch, bool receive, OtdrDirection dir, OtdrMeasured *out)
{
    memset(out, 0, sizeof *out);
    const OtdrLink *src = &s->link;
    size_t n = src->count;
    OtdrElement seq[OTDR_LINK_MAX];
    for (size_t i = 0; i < n; i++) {
        seq[i] = dir == OTDR_DIR_A ? src->el[i] : src->el[n - 1 - i];
    }
    bool first_conn = n > 0 && seq[0].kind == OTDR_EL_CONNECTOR;
    bool broken = has_break(src);
    bool last_conn = n > 1 && seq[n - 1].kind == OTDR_EL_CONNECTOR && !broken;
    launch = launch && first_conn && s->launch_cable_m > 0;
    receive = receive && last_conn && s->receive_cable_m > 0;
    out->launch = launch;
    out->receive = receive;
    out->direction = dir;

    OtdrLink *l = &out->link;
    otdr_link_init(l);
    l->port = s->instrument_port;
    l->end = src->end;
    size_t first = 0, last = n;
    double z = 0;
    if (launch) {
        otdr_link_add_fibre(l, s->cable_fibre, s->launch_cable_m, "launch");
        z += s->launch_cable_m;
    } else if (first_conn) {
        l->port = seq[0].connector;
        fs_strlcpy(out->port_label, seq[0].label, sizeof out->port_label);
        first = 1;
    }
    if (last_conn && !receive) {
        last = n - 1;
        l->end = open_end(seq[n - 1].connector.polish);
        fs_strlcpy(out->end_label, seq[n - 1].label, sizeof out->end_label);
    }
    out->link_start_true_m = z;
    for (size_t i = first; i < last && l->count < OTDR_LINK_MAX; i++) {
        l->el[l->count++] = seq[i];
        if (seq[i].kind == OTDR_EL_FIBRE) {
            z += seq[i].fibre.length_m;
        }
        if (seq[i].kind == OTDR_EL_BREAK) {
            break;
        }
    }
    out->link_end_true_m = z;
    if (receive) {
        otdr_link_add_fibre(l, s->cable_fibre, s->receive_cable_m, "receive");
    }
}

bool otdr_feature_distance(const OtdrMeasured *m, const char *at, bool is_to, double *true_m)
{
    if (!at[0]) {
        *true_m = is_to ? m->link_end_true_m : m->link_start_true_m;
        return true;
    }
    if (strcmp(at, "end") == 0) {
        *true_m = m->link_end_true_m;
        return true;
    }
    if (m->port_label[0] && strcmp(at, m->port_label) == 0) {
        *true_m = 0.0;
        return true;
    }
    if (m->end_label[0] && strcmp(at, m->end_label) == 0) {
        *true_m = m->link_end_true_m;
        return true;
    }
    bool want_break = strcmp(at, "break") == 0;
    double z = 0;
    for (size_t i = 0; i < m->link.count; i++) {
        const OtdrElement *e = &m->link.el[i];
        if ((want_break && e->kind == OTDR_EL_BREAK) || (!want_break && strcmp(e->label, at) == 0)) {
            *true_m = z;
            return true;
        }
        if (e->kind == OTDR_EL_FIBRE) {
            z += e->fibre.length_m;
        }
    }
    return false;
}
