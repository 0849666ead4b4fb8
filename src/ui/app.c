/* app.c: the interactive program's state: the session's filters, answers and shortlist, and
 * the notice on the status bar. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "keys.h"
#include "text.h"
#include "store.h"
#include "vocab.h"

void app_notice(struct app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[sizeof app->notice + 1];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    text_copy(app->notice, sizeof app->notice, buf); /* never half a character */
    app->notice_shown = false;
}

void app_filters_changed(struct app *app)
{
    app->f.generation++;
}

void app_clear_filters(struct app *app)
{
    memset(&app->f, 0, offsetof(struct filters, generation));
    app_filters_changed(app);
}

/* The name of id in t; the id when the data does not have it, and a notice when the store cannot
 * say. */
static const char *lookup_name(struct app *app, enum vocab t, const char *id, char *buf, size_t n)
{
    struct err e = {0};
    if (vocab_name(app->store, t, id, buf, n, &e) != 0)
        app_notice(app, "%s", e.msg);
    if (!buf[0])
        snprintf(buf, n, "%s", id);
    return buf;
}

const char *app_region_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.region[0])
        return "anywhere";
    return lookup_name(app, VOCAB_REGION, app->f.region, buf, n);
}

const char *app_goal_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.goal[0])
        return "any";
    return lookup_name(app, VOCAB_GOAL, app->f.goal, buf, n);
}

const char *app_service_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.service[0])
        return "any";
    return lookup_name(app, VOCAB_SERVICE, app->f.service, buf, n);
}

void app_query(const struct app *app, struct query *q, unsigned kinds)
{
    *q = (struct query){.kinds = kinds, .delivery = app->f.delivery};
    if (app->f.region[0])
        q->region = app->f.region;
    if (app->f.goal[0])
        q->goals[q->n_goals++] = app->f.goal;
    /* Service and delivery describe supports; a pathway has neither. */
    if (kinds == KIND_PATHWAY)
        q->delivery = 0;
    else if (app->f.service[0])
        q->services[q->n_services++] = app->f.service;
    if (app->f.search[0])
        q->text = app->f.search;
}

bool app_marked(struct app *app, const char *id, const char *kind)
{
    return app->state && state_has(app->state, id, state_kind_of(kind));
}

void app_toggle_mark(struct app *app, const char *id, const char *kind, const char *name)
{
    const char *k = state_kind_of(kind);
    bool had = state_has(app->state, id, k);
    struct err e = {0};
    int rc = had ? state_remove(app->state, id, k, &e) : state_add(app->state, id, k, name, &e);
    if (rc != 0) {
        app_notice(app, "The shortlist was not changed: %s", e.msg);
        return;
    }
    app->state_gen++;
    size_t n = state_count(app->state);
    if (had)
        app_notice(app, "Taken off the shortlist (%zu left). %s puts it back.", n,
                   key_first(A_UNDO));
    else
        app_notice(app, "Saved to the shortlist (%zu). %s shows it, with notes.", n,
                   key_first(A_SHORTLIST));
}

bool app_undo(struct app *app, char *id, size_t id_n, char *kind, size_t kind_n)
{
    struct state_item it = {0};
    struct err e = {0};
    int rc = state_undo(app->state, &it, &e);
    if (rc == EXIT_USAGE) {
        app_notice(app, "Nothing to put back: no entry was taken off the shortlist.");
        return false;
    }
    if (rc != 0) {
        app_notice(app, "The shortlist was not changed: %s", e.msg);
        return false;
    }
    app->state_gen++;
    size_t more = state_undo_count(app->state);
    char again[96] = "";
    if (more)
        snprintf(again, sizeof again, " %s again puts back the one before.", key_first(A_UNDO));
    app_notice(app, "Back on the shortlist: %s%s.%s", it.name ? it.name : it.id,
               it.note && it.note[0] ? ", with its note" : "", again);
    if (id)
        text_copy(id, id_n, it.id);
    if (kind)
        text_copy(kind, kind_n, it.kind);
    state_item_finish(&it);
    return true;
}

void app_toggle_target(struct app *app, const char *target)
{
    bool pathway = strncmp(target, "pathway:", 8) == 0;
    const char *id = strchr(target, ':') ? strchr(target, ':') + 1 : target;
    struct err err = {0};
    struct entry *e = entry_get(app->store, id, pathway ? KIND_PATHWAY : 0, &err);
    if (!e) {
        app_notice(app, "%s", err.code ? err.msg : "That entry is no longer in the data.");
        return;
    }
    app_toggle_mark(app, e->id, e->kind, e->name);
    entry_destroy(e);
}

void app_profile_changed(struct app *app)
{
    app->prof_gen++;
    struct err e = {0};
    if (state_save_profile(app->state, &app->prof, &e) != 0)
        app_notice(app, "Your answers were not saved: %s", e.msg);
}

void app_replace_store(struct app *app, struct store *st)
{
    store_destroy(app->store);
    app->store = st;
    free(app->title);
    free(app->as_of);
    app->title = store_meta(st, "title");
    app->as_of = store_meta(st, "as_of");
    app_filters_changed(app);
    app->state_gen++;
    app->prof_gen++;
}

void app_state_joined(struct app *app)
{
    app->state_gen++;
    if (state_in_memory(app->state)) {
        app_notice(app, "Your shortlist cannot be saved (its file is not usable); it lasts until "
                        "you quit.");
        return;
    }
    /* The file's answers (or the ones saved meanwhile, merged into it) are the session's now. */
    struct err e = {0};
    if (state_load_profile(app->state, &app->prof, &e) == 0)
        app->prof_gen++;
    app_notice(app,
               "Your shortlist's file is free again: %zu entries, with what you saved "
               "meanwhile, are in it.",
               state_count(app->state));
}

bool app_state_retry(struct app *app)
{
    if (!app->state || !state_waiting(app->state))
        return false;
    struct err e = {0};
    int rc = state_retry(app->state, &e);
    if (rc == 0)
        return false;
    app_state_joined(app);
    if (rc > 1)
        app_notice(app, "Your shortlist cannot be saved (%s); it lasts until you quit.", e.msg);
    return true;
}

void app_clear_session(struct app *app)
{
    app->notice[0] = '\0'; /* the last person's message goes too */
    app_clear_filters(app);
    profile_init(&app->prof);
    app->prof_gen++;
    struct err e = {0};
    if (state_clear(app->state, &e) != 0)
        app_notice(app, "%s", e.msg);
    app->state_gen++;
}
