/*
 * otdr_export.c - the trace shown on the instrument as a standard SOR file,
 * with the identification fields the French recette asks for (REFERENCE
 * 4.4): cable, fibre, origin and end from the scenario, the trainee as
 * operator, the date the caller gives (the core reads no clock).
 */
#include <string.h>

#include "otdr_internal.h"

bool otdr_export_sor(const void *module_state, const char *operator_name, uint32_t date_time_unix, SorFile *out)
{
    const OtdrState *st = module_state;
    sor_init(out);
    if (!st || !st->shown || !st->shown->present) {
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
    ids.comment = st->shown == &st->slots[st->shown->trace.settings.wavelength][OTDR_TRACE_AVERAGE]
                      ? "Fibresim: bidirectional average"
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
    return otdr_trace_to_sor(&st->shown->trace, &st->shown->events, &ids, out);
}
