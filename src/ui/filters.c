/* filters.c: the filter pickers (where, goal, service, delivery, type) and the filter bar's
 * words. The options and their words come from the model: vocab.h and terms.h. */
#include "filters.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "picker.h"
#include "terms.h"
#include "vocab.h"

enum pick { PICK_REGION, PICK_GOAL, PICK_SERVICE, PICK_DELIVERY, PICK_KIND };

static struct result set_filter(struct app *app, void *ctx, const char *const *values, size_t n)
{
    const char *v = n ? values[0] : "";
    switch ((enum pick)(intptr_t)ctx) {
    case PICK_REGION: snprintf(app->f.region, sizeof app->f.region, "%s", v); break;
    case PICK_GOAL: snprintf(app->f.goal, sizeof app->f.goal, "%s", v); break;
    case PICK_SERVICE: snprintf(app->f.service, sizeof app->f.service, "%s", v); break;
    case PICK_DELIVERY: app->f.delivery = terms_bits(&terms_delivery, v); break;
    case PICK_KIND: app->f.kinds = terms_bits(&terms_kind, v); break;
    }
    app_filters_changed(app);
    return result_of(R_REDRAW);
}

/* The choices of a closed vocabulary of bits after the "any" choice; returns the id of the one
 * the bits select ("" for none or a combination). */
static const char *add_terms(struct picker *p, const char *any, const struct terms *set,
                             unsigned only, unsigned bits)
{
    picker_add(p, "", any, NULL, 0);
    picker_add_terms(p, set, only);
    const struct term *t = terms_of(set, bits);
    return t ? t->id : "";
}

struct result filters_pick(struct app *app, enum action a)
{
    static const char *const titles[] = {
            [PICK_REGION] = "Where do you live?",  [PICK_GOAL] = "What is your goal?",
            [PICK_SERVICE] = "What kind of help?", [PICK_DELIVERY] = "How is it delivered?",
            [PICK_KIND] = "Which type?",
    };
    enum pick kind;
    switch (a) {
    case A_REGION: kind = PICK_REGION; break;
    case A_GOAL: kind = PICK_GOAL; break;
    case A_SERVICE: kind = PICK_SERVICE; break;
    case A_DELIVERY: kind = PICK_DELIVERY; break;
    case A_KIND: kind = PICK_KIND; break;
    default: return result_of(R_IGNORED);
    }
    struct picker *p = picker_create(titles[kind], NULL, PICKER_TYPE, set_filter, NULL,
                                     (void *)(intptr_t)kind, NULL);
    const char *current = "";
    struct err e = {0};
    switch (kind) {
    case PICK_REGION:
        picker_add(p, "", "Anywhere (no place chosen)", NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_REGION, &e);
        current = app->f.region;
        break;
    case PICK_GOAL:
        picker_add(p, "", "Any goal", NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_GOAL, &e);
        current = app->f.goal;
        break;
    case PICK_SERVICE:
        picker_add(p, "", "Any service", NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_SERVICE, &e);
        current = app->f.service;
        break;
    case PICK_DELIVERY:
        current = add_terms(p, "Any way", &terms_delivery, 0, app->f.delivery);
        break;
    case PICK_KIND:
        current = add_terms(p, "Groups and programs", &terms_kind, KIND_SUPPORTS, app->f.kinds);
        break;
    }
    if (e.code)
        app_notice(app, "%s", e.msg);
    struct result r = picker_open(p, current);
    /* A filter picker over another filter picker would be a maze: replace it. */
    if (stack_top(&app->stack)->screen == &screen_picker)
        r.flags |= R_POP;
    return r;
}

/* The words for the delivery bits: "online or in person". */
static void add_delivery_words(struct sb *b, unsigned delivery)
{
    bool first = true;
    for (size_t i = 0; i < terms_delivery.n; i++)
        if (delivery & terms_delivery.v[i].value) {
            sb_addf(b, "%s%s", first ? "" : " or ", terms_delivery.v[i].label);
            first = false;
        }
}

void filters_describe(struct app *app, unsigned kinds, struct sb *b)
{
    char name[128];
    sb_add(b, "Filters: ");
    size_t start = b->len;
    if (app->f.region[0])
        sb_addf(b, "where %s", app_region_name(app, name, sizeof name));
    if (app->f.goal[0])
        sb_addf(b, "%sgoal %s", b->len > start ? " · " : "", app_goal_name(app, name, sizeof name));
    if (app->f.service[0])
        sb_addf(b, "%sservice %s", b->len > start ? " · " : "",
                app_service_name(app, name, sizeof name));
    if (app->f.delivery) {
        sb_addf(b, "%s", b->len > start ? " · " : "");
        add_delivery_words(b, app->f.delivery);
    }
    if (kinds != KIND_PATHWAY && (app->f.kinds & KIND_SUPPORTS) &&
        (app->f.kinds & KIND_SUPPORTS) != KIND_SUPPORTS)
        sb_addf(b, "%s%s only", b->len > start ? " · " : "",
                terms_of(&terms_kind, app->f.kinds & KIND_GROUP ? KIND_GROUP : KIND_PROGRAM)
                        ->plural);
    if (app->f.search[0])
        sb_addf(b, "%swords \"%s\"", b->len > start ? " · " : "", app->f.search);
    if (b->len == start)
        sb_add(b, "none (r where, g goal, s service, d delivery, t type)");
    else
        sb_add(b, "  (x clears)");
}
