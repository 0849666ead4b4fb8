/* app.c: the interactive program's state: the session's filters, answers and shortlist, and
 * the notice on the status bar. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "entry.h"
#include "store.h"

void app_notice(struct app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->notice, sizeof app->notice, fmt, ap);
    va_end(ap);
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

/* Awaiting the model's vocabulary (issue 12): a name by id, the id when there is none. */
static const char *lookup_name(struct app *app, const char *sql, const char *id, char *buf,
                               size_t n)
{
    snprintf(buf, n, "%s", id);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(app->store->db, sql, -1, &s, NULL) != SQLITE_OK)
        return buf;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return buf;
}

const char *app_region_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.region[0])
        return "anywhere";
    return lookup_name(app, "SELECT name FROM region WHERE id = ?", app->f.region, buf, n);
}

const char *app_goal_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.goal[0])
        return "any";
    return lookup_name(app, "SELECT name FROM goal WHERE id = ?", app->f.goal, buf, n);
}

const char *app_service_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.service[0])
        return "any";
    return lookup_name(app, "SELECT name FROM service WHERE id = ?", app->f.service, buf, n);
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
    int rc = had ? state_remove(app->state, id, k) : state_add(app->state, id, k, name);
    if (rc != 0) {
        app_notice(app, "The shortlist was not changed: %s", state_error(app->state));
        return;
    }
    app->state_gen++;
    size_t n = state_count(app->state);
    if (had)
        app_notice(app, "Taken off the shortlist (%zu left). a saves it again.", n);
    else
        app_notice(app, "Saved to the shortlist (%zu). l shows it, with notes.", n);
}

void app_toggle_target(struct app *app, const char *target)
{
    bool pathway = strncmp(target, "pathway:", 8) == 0;
    const char *id = strchr(target, ':') ? strchr(target, ':') + 1 : target;
    struct entry *e = entry_get(app->store, id, pathway ? KIND_PATHWAY : 0);
    if (!e) {
        app_notice(app, "That entry is no longer in the data.");
        return;
    }
    app_toggle_mark(app, e->id, e->kind, e->name);
    entry_destroy(e);
}

void app_profile_changed(struct app *app)
{
    app->prof_gen++;
    if (state_save_profile(app->state, &app->prof) != 0)
        app_notice(app, "Your answers were not saved: %s", state_error(app->state));
}

void app_clear_session(struct app *app)
{
    app->notice[0] = '\0'; /* the last person's message goes too */
    app_clear_filters(app);
    profile_init(&app->prof);
    app->prof_gen++;
    if (state_clear(app->state) != 0)
        app_notice(app, "%s", state_error(app->state));
    app->state_gen++;
}
