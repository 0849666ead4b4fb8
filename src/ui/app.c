/* app.c: the interactive program's state: the session's filters, answers and shortlist, and
 * the notice on the status bar. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "i18n.h"
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

bool app_set_lang(struct app *app, const char *lang)
{
    if (strcmp(lang, i18n_lang()) == 0)
        return true;
    if (!i18n_set_lang(lang)) {
        const char *why = i18n_take_notice();
        if (why)
            app_notice(app, "%s", why);
        return false;
    }
    app->lang_gen++;
    /* The data's title in the new language, where the data has one. */
    free(app->title);
    app->title = store_meta_in(app->store, "title", i18n_lang());
    return true;
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
    if (vocab_name_in(app->store, t, id, i18n_lang(), buf, n, &e) != 0)
        app_notice(app, "%s", e.msg);
    if (!buf[0])
        snprintf(buf, n, "%s", id);
    return buf;
}

const char *app_region_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.region[0])
        /* TRANSLATORS: where, when no place is chosen ("Where: anywhere"). */
        return _("anywhere");
    return lookup_name(app, VOCAB_REGION, app->f.region, buf, n);
}

const char *app_goal_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.goal[0])
        /* TRANSLATORS: the goal, when none is chosen ("Goal: any"). */
        return C_("goal", "any");
    return lookup_name(app, VOCAB_GOAL, app->f.goal, buf, n);
}

const char *app_service_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.service[0])
        /* TRANSLATORS: the service, when none is chosen. */
        return C_("service", "any");
    return lookup_name(app, VOCAB_SERVICE, app->f.service, buf, n);
}

void app_query(const struct app *app, struct query *q, unsigned kinds)
{
    /* The rows' names and summaries in the reader's language, where the data has them. */
    *q = (struct query){.kinds = kinds, .delivery = app->f.delivery, .lang = i18n_lang()};
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
        /* TRANSLATORS: %s is why. */
        app_notice(app, _("The shortlist was not changed: %s"), e.msg);
        return;
    }
    app->state_gen++;
    size_t n = state_count(app->state);
    if (had)
        /* TRANSLATORS: %zu is how many are left; %s a key's name (u). */
        app_notice(app, _("Taken off the shortlist (%zu left). %s puts it back."), n,
                   key_first(A_UNDO));
    else
        /* TRANSLATORS: %zu is how many are saved; %s a key's name (l). */
        app_notice(app, _("Saved to the shortlist (%zu). %s shows it, with notes."), n,
                   key_first(A_SHORTLIST));
}

bool app_undo(struct app *app, char *id, size_t id_n, char *kind, size_t kind_n)
{
    struct state_item it = {0};
    struct err e = {0};
    int rc = state_undo(app->state, &it, &e);
    if (rc == EXIT_USAGE) {
        app_notice(app, "%s", _("Nothing to put back: no entry was taken off the shortlist."));
        return false;
    }
    if (rc != 0) {
        app_notice(app, _("The shortlist was not changed: %s"), e.msg);
        return false;
    }
    app->state_gen++;
    size_t more = state_undo_count(app->state);
    char again[96] = "";
    if (more)
        /* TRANSLATORS: %s is a key's name (u). */
        snprintf(again, sizeof again, _(" %s again puts back the one before."), key_first(A_UNDO));
    app_notice(app,
               /* TRANSLATORS: %s is an entry's name, then what follows it. */
               it.note && it.note[0] ? _("Back on the shortlist: %s, with its note.%s")
                                     : _("Back on the shortlist: %s.%s"),
               it.name ? it.name : it.id, again);
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
        app_notice(app, "%s", err.code ? err.msg : _("That entry is no longer in the data."));
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
        /* TRANSLATORS: %s is why. */
        app_notice(app, _("Your answers were not saved: %s"), e.msg);
}

void app_replace_store(struct app *app, struct store *st)
{
    store_destroy(app->store);
    app->store = st;
    free(app->title);
    free(app->as_of);
    app->title = store_meta_in(st, "title", i18n_lang());
    app->as_of = store_meta(st, "as_of");
    app_filters_changed(app);
    app->state_gen++;
    app->prof_gen++;
}

void app_state_joined(struct app *app)
{
    app->state_gen++;
    if (state_in_memory(app->state)) {
        app_notice(app, "%s",
                   _("Your shortlist cannot be saved (its file is not usable); it lasts until "
                     "you quit."));
        return;
    }
    /* The file's answers (or the ones saved meanwhile, merged into it) are the session's now. */
    struct err e = {0};
    if (state_load_profile(app->state, &app->prof, &e) == 0)
        app->prof_gen++;
    size_t n = state_count(app->state);
    app_notice(app,
               /* TRANSLATORS: %zu is how many entries the shortlist holds. */
               ngettext("Your shortlist's file is free again: %zu entry, with what you saved "
                        "meanwhile, is in it.",
                        "Your shortlist's file is free again: %zu entries, with what you saved "
                        "meanwhile, are in it.",
                        n),
               n);
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
        /* TRANSLATORS: %s is why. */
        app_notice(app, _("Your shortlist cannot be saved (%s); it lasts until you quit."), e.msg);
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
