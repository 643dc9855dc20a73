/*
 * report_aggregate.c - who the trainees are, in what order they are shown,
 * and the figures per trainee, per module and for the group (report.h).
 *
 * Trainees come from the trainee files of every folder and from the records
 * (a laptop's record may name a trainee the platform has no file for). The
 * display name is that of the first folder's trainee file that has one (a
 * rename changes only that file), else the name in the trainee's latest
 * record. Trainees are sorted by name with accents folded (record_trainee_slug),
 * so "Élodie" sorts with the E's, then by name and id.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/journal.h"
#include "fibresim/module.h"
#include "report_aggregate.h"
#include "report_internal.h"

int report_module_cmp(const char *a, const char *b)
{
    size_t n = 0;
    const ModuleDef *const *all = module_all(&n);
    size_t ia = n, ib = n;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(all[i]->name, a) == 0) {
            ia = i;
        }
        if (strcmp(all[i]->name, b) == 0) {
            ib = i;
        }
    }
    if (ia != ib) {
        return ia < ib ? -1 : 1;
    }
    return strcmp(a, b);
}

void report_criterion_result(const ReportCriterion *c, CriterionResult *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->def.id, sizeof out->def.id, "%s", c->def->id);
    snprintf(out->def.message, sizeof out->def.message, "%s", c->def->message);
    snprintf(out->def.measure, sizeof out->def.measure, "%s", c->def->message);
    snprintf(out->def.unit, sizeof out->def.unit, "%s", c->def->unit);
    out->def.decimals = c->def->decimals;
    out->def.weight = c->def->weight;
    out->def.band = c->def->band;
    out->measured = c->measured;
    out->value = c->value;
    out->tick = c->tick;
    out->credit = c->credit;
    out->points = c->points;
    out->verdict = c->verdict;
}

/* ---- the trainee table ------------------------------------------------------------ */

typedef struct TraineeTmp {
    const char *id;            /* interned */
    const char *file_name;     /* from a trainee file, NULL if none */
    const char *record_name;   /* from the latest record */
    const char *latest;        /* its started_at */
    char key[64];              /* sort key: folded name */
    size_t rank;
} TraineeTmp;

typedef struct Table {
    TraineeTmp *items;
    size_t count, cap;
    size_t *slots;             /* index + 1, keyed by the interned id pointer */
    size_t n_slots;
} Table;

static size_t ptr_slot(const void *p, size_t n)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15ull;
    return (size_t)(h >> 20) & (n - 1);
}

static bool table_rehash(Table *t, size_t n_slots)
{
    size_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots) {
        return false;
    }
    for (size_t i = 0; i < t->count; i++) {
        size_t k = ptr_slot(t->items[i].id, n_slots);
        while (slots[k]) {
            k = (k + 1) & (n_slots - 1);
        }
        slots[k] = i + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = n_slots;
    return true;
}

/* The entry of an interned id, created if new. NULL on OOM. */
static TraineeTmp *table_get(Table *t, const char *id)
{
    if (t->n_slots) {
        for (size_t k = ptr_slot(id, t->n_slots); t->slots[k]; k = (k + 1) & (t->n_slots - 1)) {
            if (t->items[t->slots[k] - 1].id == id) {
                return &t->items[t->slots[k] - 1];
            }
        }
    }
    if (t->count == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        TraineeTmp *m = realloc(t->items, cap * sizeof *m);
        if (!m) {
            return NULL;
        }
        t->items = m;
        t->cap = cap;
    }
    if (2 * (t->count + 1) > t->n_slots && !table_rehash(t, t->n_slots ? 2 * t->n_slots : 128)) {
        return NULL;
    }
    TraineeTmp *e = &t->items[t->count];
    memset(e, 0, sizeof *e);
    e->id = id;
    size_t k = ptr_slot(id, t->n_slots);
    while (t->slots[k]) {
        k = (k + 1) & (t->n_slots - 1);
    }
    t->slots[k] = ++t->count;
    return e;
}

static int cmp_trainee(const void *pa, const void *pb)
{
    const TraineeTmp *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    if (c) {
        return c;
    }
    const char *na = a->file_name ? a->file_name : a->record_name;
    const char *nb = b->file_name ? b->file_name : b->record_name;
    c = strcmp(na, nb);
    return c ? c : strcmp(a->id, b->id);
}

static bool build_table(Table *t, Report *r, const ReportOptions *opt, const ReportAttempt *all, size_t n_all)
{
    const char *only = opt->filter.trainee;
    for (size_t d = 0; d < opt->n_dirs; d++) {
        Journal j = {.dir = (char *)opt->dirs[d]};
        size_t n = 0;
        TraineeInfo *list = journal_trainee_list(&j, &n, NULL);
        for (size_t i = 0; i < n; i++) {
            if (only && strcmp(only, list[i].id) != 0) {
                continue;
            }
            const char *id = arena_intern_cstr(r->arena, list[i].id);
            TraineeTmp *e = id ? table_get(t, id) : NULL;
            if (!e) {
                free(list);
                return false;
            }
            if (!e->file_name) {
                e->file_name = arena_intern_cstr(r->arena, list[i].name);
            }
        }
        free(list);
    }
    for (size_t i = 0; i < n_all; i++) {
        const ReportAttempt *a = &all[i];
        if (only && strcmp(only, a->trainee_id) != 0) {
            continue;
        }
        TraineeTmp *e = table_get(t, a->trainee_id);
        if (!e) {
            return false;
        }
        if (!e->latest || strcmp(a->started_at, e->latest) > 0) {
            e->latest = a->started_at;
            e->record_name = a->trainee_name;
        }
    }
    for (size_t i = 0; i < t->count; i++) {
        TraineeTmp *e = &t->items[i];
        if (!e->file_name && !e->record_name) {
            e->record_name = e->id;
        }
        record_trainee_slug(e->file_name ? e->file_name : e->record_name, e->key, sizeof e->key);
    }
    if (t->count) {
        qsort(t->items, t->count, sizeof *t->items, cmp_trainee);
    }
    for (size_t i = 0; i < t->count; i++) {
        t->items[i].rank = i;
    }
    return table_rehash(t, t->n_slots ? t->n_slots : 128);
}

/* ---- ordering the attempts ------------------------------------------------------------ */

typedef struct OrderKey {
    size_t rank;
    const ReportAttempt *a;
} OrderKey;

static int cmp_order(const void *pa, const void *pb)
{
    const OrderKey *x = pa, *y = pb;
    if (x->rank != y->rank) {
        return x->rank < y->rank ? -1 : 1;
    }
    int c = strcmp(x->a->started_at, y->a->started_at);
    if (c) {
        return c;
    }
    c = strcmp(x->a->attempt_id, y->a->attempt_id);
    return c ? c : strcmp(x->a->path, y->a->path);
}

/* ---- figures ----------------------------------------------------------------------------- */

typedef struct Acc {
    ReportFigures *f;
    const char **scn;          /* interned scenario ids tried */
    bool *passed;
    size_t n, cap;
    double sum;
    const ReportAttempt *last;
    bool oom;
} Acc;

static void acc_init(Acc *acc, ReportFigures *f, const char *module)
{
    memset(acc, 0, sizeof *acc);
    memset(f, 0, sizeof *f);
    f->module = module;
    acc->f = f;
}

static void acc_add(Acc *acc, const ReportAttempt *a)
{
    ReportFigures *f = acc->f;
    if (!(a->flags & REPORT_ATTEMPT_COUNTED)) {
        f->mismatches += a->check == REPORT_MISMATCH;
        return;
    }
    f->attempts++;
    f->unverifiable += a->check == REPORT_UNVERIFIABLE;
    f->passed_attempts += a->passed;
    acc->sum += a->total;
    if (f->attempts == 1 || a->total > f->best) {
        f->best = a->total;
    }
    if (!acc->last || strcmp(a->started_at, acc->last->started_at) > 0
        || (strcmp(a->started_at, acc->last->started_at) == 0 && strcmp(a->attempt_id, acc->last->attempt_id) > 0)) {
        acc->last = a;
    }
    if (strcmp(a->ended_at, f->last_activity) > 0) {
        memcpy(f->last_activity, a->ended_at, REPORT_TIME_LEN);
    }
    size_t k = 0;
    while (k < acc->n && acc->scn[k] != a->scenario_id) {
        k++;
    }
    if (k == acc->n) {
        if (acc->n == acc->cap) {
            size_t cap = acc->cap ? 2 * acc->cap : 8;
            const char **s = realloc(acc->scn, cap * sizeof *s);
            bool *p = s ? realloc(acc->passed, cap * sizeof *p) : NULL;
            if (s) {
                acc->scn = s;
            }
            if (!p) {
                acc->oom = true;
                return;
            }
            acc->passed = p;
            acc->cap = cap;
        }
        acc->scn[acc->n] = a->scenario_id;
        acc->passed[acc->n++] = false;
        f->scenarios_tried++;
    }
    if (a->passed && !acc->passed[k]) {
        acc->passed[k] = true;
        f->passed_scenarios++;
    }
}

/* Closes the figures; false if memory ran out on the way. */
static bool acc_finish(Acc *acc)
{
    ReportFigures *f = acc->f;
    if (f->attempts == 0) {
        f->best = f->last = f->average = NAN;
    } else {
        f->average = acc->sum / (double)f->attempts;
        f->last = acc->last->total;
    }
    free(acc->scn);
    free(acc->passed);
    bool ok = !acc->oom;
    memset(acc, 0, sizeof *acc);
    return ok;
}

static int cmp_module_name(const void *a, const void *b)
{
    return report_module_cmp(*(const char *const *)a, *(const char *const *)b);
}

bool report_aggregate(Report *r, const ReportOptions *opt, const ReportAttempt *all, size_t n_all)
{
    Table t = {0};
    OrderKey *order = NULL;
    ReportAttempt *sorted = NULL;
    const char **mods = NULL;
    Acc *accs = NULL;
    bool ok = build_table(&t, r, opt, all, n_all);
    size_t n = r->n_attempts;
    if (ok) {
        order = malloc((n ? n : 1) * sizeof *order);
        sorted = malloc((n ? n : 1) * sizeof *sorted);
        ok = order && sorted;
    }
    for (size_t i = 0; ok && i < n; i++) {
        TraineeTmp *e = table_get(&t, r->attempts[i].trainee_id);
        ok = e != NULL;
        order[i] = (OrderKey){e ? e->rank : 0, &r->attempts[i]};
    }
    if (ok) {
        qsort(order, n, sizeof *order, cmp_order);
        for (size_t i = 0; i < n; i++) {
            sorted[i] = *order[i].a;
        }
        free(r->attempts);
        r->attempts = sorted;
        sorted = NULL;
    }
    /* The modules of the report. */
    size_t n_mods = 0;
    if (ok) {
        mods = malloc((n ? n : 1) * sizeof *mods);
        ok = mods != NULL;
    }
    for (size_t i = 0; ok && i < n; i++) {
        size_t k = 0;
        while (k < n_mods && mods[k] != r->attempts[i].module) {
            k++;
        }
        if (k == n_mods) {
            mods[n_mods++] = r->attempts[i].module;
        }
    }
    if (ok && n_mods) {
        qsort(mods, n_mods, sizeof *mods, cmp_module_name);
    }
    if (ok) {
        r->n_modules = n_mods;
        r->modules = arena_alloc(r->arena, (n_mods ? n_mods : 1) * sizeof *r->modules);
        r->n_trainees = t.count;
        r->trainees = arena_alloc(r->arena, (t.count ? t.count : 1) * sizeof *r->trainees);
        /* Group: all + one per module; trainees: all + one per module each. */
        accs = calloc((1 + n_mods) * (1 + t.count), sizeof *accs);
        ok = r->modules && r->trainees && accs;
    }
    if (ok) {
        Acc *group = &accs[0];
        acc_init(group, &r->group, NULL);
        for (size_t m = 0; m < n_mods; m++) {
            acc_init(&group[1 + m], &r->modules[m], mods[m]);
        }
        for (size_t i = 0; ok && i < t.count; i++) {
            ReportTrainee *tr = &r->trainees[i];
            tr->id = t.items[i].id;
            tr->name = t.items[i].file_name ? t.items[i].file_name : t.items[i].record_name;
            tr->n_modules = n_mods;
            tr->modules = arena_alloc(r->arena, (n_mods ? n_mods : 1) * sizeof *tr->modules);
            ok = tr->modules != NULL;
            Acc *ta = &accs[(1 + i) * (1 + n_mods)];
            acc_init(ta, &tr->all, NULL);
            for (size_t m = 0; ok && m < n_mods; m++) {
                acc_init(&ta[1 + m], &tr->modules[m], mods[m]);
            }
        }
        size_t ti = 0;
        for (size_t i = 0; ok && i < n; i++) {
            const ReportAttempt *a = &r->attempts[i];
            while (ti < t.count && r->trainees[ti].id != a->trainee_id) {
                ti++;
            }
            if (ti == t.count) {
                ok = false; /* every attempt's trainee is in the table, in order */
                break;
            }
            ReportTrainee *tr = &r->trainees[ti];
            if (tr->count == 0) {
                tr->first = i;
            }
            tr->count++;
            size_t m = 0;
            while (m < n_mods && mods[m] != a->module) {
                m++;
            }
            Acc *ta = &accs[(1 + ti) * (1 + n_mods)];
            acc_add(&group[0], a);
            acc_add(&group[1 + m], a);
            acc_add(&ta[0], a);
            acc_add(&ta[1 + m], a);
        }
        for (size_t k = 0; k < (1 + n_mods) * (1 + t.count); k++) {
            if (accs[k].f) {
                ok &= acc_finish(&accs[k]);
            }
        }
        for (size_t i = 0; ok && i < t.count; i++) {
            ReportTrainee *tr = &r->trainees[i];
            tr->all.trainees = tr->all.attempts > 0;
            r->group.trainees += tr->all.attempts > 0;
            for (size_t m = 0; m < n_mods; m++) {
                tr->modules[m].trainees = tr->modules[m].attempts > 0;
                r->modules[m].trainees += tr->modules[m].attempts > 0;
            }
        }
    }
    if (accs) {
        for (size_t k = 0; k < (1 + n_mods) * (1 + t.count); k++) {
            free(accs[k].scn);
            free(accs[k].passed);
        }
    }
    free(accs);
    free(mods);
    free(order);
    free(sorted);
    free(t.items);
    free(t.slots);
    return ok;
}
