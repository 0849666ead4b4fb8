/* filters.c: the filter pickers (where, goal, service, delivery, type) and the filter bar's
 * words. The options and their words come from the model: vocab.h and terms.h. */
#include "filters.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "picker.h"
#include "terms.h"
#include "text.h"
#include "util.h"
#include "i18n.h"
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
            [PICK_REGION] = N_("Where do you live?"),  [PICK_GOAL] = N_("What is your goal?"),
            [PICK_SERVICE] = N_("What kind of help?"), [PICK_DELIVERY] = N_("How is it delivered?"),
            [PICK_KIND] = N_("Which type?"),
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
    char help[160];
    /* TRANSLATORS: %s is a key's name (Delete). */
    snprintf(help, sizeof help, _("The first row, or %s, clears this filter alone."),
             key_first(A_CLEAR_FILTER));
    unsigned flags = PICKER_CLEAR | PICKER_TYPE;
    struct picker *p = picker_create(_(titles[kind]), help, flags, set_filter, NULL,
                                     (void *)(intptr_t)kind, NULL);
    const char *current = "";
    struct err e = {0};
    switch (kind) {
    case PICK_REGION:
        picker_add(p, "", _("Anywhere (no place chosen)"), NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_REGION, &e);
        current = app->f.region;
        break;
    case PICK_GOAL:
        picker_add(p, "", _("Any goal"), NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_GOAL, &e);
        current = app->f.goal;
        break;
    case PICK_SERVICE:
        picker_add(p, "", _("Any service"), NULL, 0);
        picker_add_vocab(p, app->store, VOCAB_SERVICE, &e);
        current = app->f.service;
        break;
    case PICK_DELIVERY:
        current = add_terms(p, _("Any way"), &terms_delivery, 0, app->f.delivery);
        break;
    case PICK_KIND:
        current = add_terms(p, _("Groups and programs"), &terms_kind, KIND_SUPPORTS, app->f.kinds);
        break;
    }
    if (e.code)
        app_notice(app, "%s", e.msg);
    struct result r = picker_open(p, current);
    /* A filter picker over another filter picker would be a maze: replace it. */
    if (picker_is(stack_top(&app->stack)->screen))
        r.flags |= R_POP;
    return r;
}

static void add_word(struct filter_words *w, enum action a, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void add_word(struct filter_words *w, enum action a, const char *fmt, ...)
{
    if (w->n >= sizeof w->text / sizeof w->text[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    char buf[sizeof w->text[0] + 1];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    text_copy(w->text[w->n], sizeof w->text[0], buf);
    w->action[w->n++] = a;
}

/* The words for the delivery bits: "online or in person". */
static void delivery_words(char *buf, size_t n, unsigned delivery)
{
    struct sb b = {0};
    for (size_t i = 0; i < terms_delivery.n; i++)
        if (delivery & terms_delivery.v[i].value)
            /* TRANSLATORS: between two ways of delivery: "online or in person". */
            sb_addf(&b, "%s%s", b.len ? _(" or ") : "", _(terms_delivery.v[i].label));
    text_copy(buf, n, sb_str(&b));
    sb_finish(&b);
}

void filters_words(struct app *app, unsigned kinds, struct filter_words *w)
{
    char name[300];
    bool supports = kinds != KIND_PATHWAY;
    w->n = 0;
    if (app->f.region[0])
        /* TRANSLATORS: the filter bar's words; %s is a region's name. */
        add_word(w, A_REGION, _("where %s"), app_region_name(app, name, sizeof name));
    if (app->f.goal[0])
        /* TRANSLATORS: the filter bar's words; %s is a goal's name. */
        add_word(w, A_GOAL, _("goal %s"), app_goal_name(app, name, sizeof name));
    if (supports && app->f.service[0])
        /* TRANSLATORS: the filter bar's words; %s is a service's name. */
        add_word(w, A_SERVICE, _("service %s"), app_service_name(app, name, sizeof name));
    if (supports && app->f.delivery) {
        delivery_words(name, sizeof name, app->f.delivery);
        add_word(w, A_DELIVERY, "%s", name);
    }
    if (supports && (app->f.kinds & KIND_SUPPORTS) &&
        (app->f.kinds & KIND_SUPPORTS) != KIND_SUPPORTS)
        /* TRANSLATORS: the filter bar's words; %s is "groups" or "programs". */
        add_word(w, A_KIND, _("%s only"),
                 _(terms_of(&terms_kind, app->f.kinds & KIND_GROUP ? KIND_GROUP : KIND_PROGRAM)
                           ->plural));
    if (app->f.search[0])
        /* TRANSLATORS: the filter bar's words; %s is the typed search. */
        add_word(w, A_SEARCH, _("words \"%s\""), app->f.search);
    if (w->n) {
        /* TRANSLATORS: the filter bar's words; %s is a key's name (x). */
        add_word(w, A_CLEAR, _("%s clears"), key_first(A_CLEAR));
        return;
    }
    /* TRANSLATORS: the filter bar when no filter is set: "Filters: none · r where · g goal"; each
     * %s is a key's name. */
    add_word(w, A_NONE, _("none"));
    add_word(w, A_REGION, _("%s where"), key_first(A_REGION));
    add_word(w, A_GOAL, _("%s goal"), key_first(A_GOAL));
    if (supports) {
        add_word(w, A_SERVICE, _("%s service"), key_first(A_SERVICE));
        add_word(w, A_DELIVERY, _("%s delivery"), key_first(A_DELIVERY));
        add_word(w, A_KIND, _("%s type"), key_first(A_KIND));
    }
}
