/*
 * otdr_export.c - the trace shown on the instrument as a standard SOR file,
 * with the identification fields the French recette asks for (REFERENCE
 * 4.4): cable, fibre, origin and end from the scenario, the trainee as
 * operator, the date the caller gives (the core reads no clock).
 */
#include <string.h>

#include "otdr_internal.h"

static bool export_slot(const OtdrState *st, const OtdrSlot *slot, const char *operator_name,
                        uint32_t date_time_unix, SorFile *out)
{
    sor_init(out);
    if (!slot || !slot->present) {
        return false;
    }
    const OtdrSetup *s = st->setup;
    OtdrSorIds ids;
    memset(&ids, 0, sizeof ids);
    ids.cable_id = s->cable_id;
    ids.fibre_id = s->fibre_id;
    ids.origin = s->origin;
    ids.end = s->end;
    ids.operator_name = operator_name ? operator_name : "";
    OtdrWavelength wl = slot->trace.settings.wavelength;
    ids.comment = slot == &st->slots[wl][OTDR_TRACE_AVERAGE] ? "Fibresim: bidirectional average"
                  : slot == &st->slots[wl][OTDR_TRACE_B]     ? "Fibresim: measured from the far end"
                                                             : "Fibresim";
    ids.date_time_unix = date_time_unix;
    /* The fibre type of the link's longest fibre (ITU-T number). */
    double longest = -1;
    for (size_t i = 0; i < s->link.count; i++) {
        const OtdrElement *e = &s->link.el[i];
        if (e->kind == OTDR_EL_FIBRE && e->fibre.length_m > longest) {
            longest = e->fibre.length_m;
            ids.fibre_type = e->fibre.mfd_um[OTDR_WL_1310] < 9.0 ? 657 : 652;
        }
    }
    return otdr_trace_to_sor(&slot->trace, &slot->events, &ids, out);
}

bool otdr_export_sor(const void *module_state, const char *operator_name, uint32_t date_time_unix, SorFile *out)
{
    const OtdrState *st = module_state;
    return export_slot(st, st ? st->shown : NULL, operator_name, date_time_unix, out);
}

bool otdr_export_trace(const void *module_state, OtdrWavelength wl, OtdrTraceKind kind, const char *operator_name,
                       uint32_t date_time_unix, SorFile *out)
{
    const OtdrState *st = module_state;
    if (!st || wl >= OTDR_WL_COUNT || kind > OTDR_TRACE_AVERAGE) {
        sor_init(out);
        return false;
    }
    return export_slot(st, &st->slots[wl][kind], operator_name, date_time_unix, out);
}
