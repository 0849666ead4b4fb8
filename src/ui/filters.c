/* filters.c: the filter pickers (where, goal, service, delivery, type), the filter bar's words
 * and the option lists. The lists still read the store's tables here, until the model answers
 * them (issue 12: the vocabulary module). */
#include "filters.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "app.h"
#include "store.h"

/* Awaiting the model's vocabulary (issue 12). */
static void picker_add_rows(struct picker *p, sqlite3 *db, const char *sql, bool tree)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(s, 0);
        const char *name = (const char *)sqlite3_column_text(s, 1);
        int depth = tree ? sqlite3_column_int(s, 2) : 0;
        const char *parent = tree ? (const char *)sqlite3_column_text(s, 3) : NULL;
        char *label = xasprintf("%*s%s", 2 * (depth < 8 ? depth : 8), "", name ? name : id);
        picker_add(p, id, label, parent, 0);
        free(label);
    }
    sqlite3_finalize(s);
}

/* Awaiting the model's vocabulary (issue 12). */
static void picker_add_regions(struct picker *p, sqlite3 *db)
{
    /* Depth-first, each level in the dataset's order: the tree as people expect it. */
    picker_add_rows(
            p, db,
            "WITH RECURSIVE t(id, name, depth, path, parent) AS ("
            " SELECT id, name, 0, printf('%08d', pos), NULL FROM region WHERE parent IS NULL"
            " UNION ALL SELECT r.id, r.name, t.depth + 1,"
            " t.path || '/' || printf('%08d', r.pos), t.name"
            " FROM region r JOIN t ON r.parent = t.id)"
            " SELECT id, name, depth, parent FROM t ORDER BY path",
            true);
}

void filters_add_rows(struct picker *p, struct store *st, const char *sql, bool tree)
{
    picker_add_rows(p, st->db, sql, tree);
}

void filters_add_regions(struct picker *p, struct store *st)
{
    picker_add_regions(p, st->db);
}

enum pick { PICK_REGION, PICK_GOAL, PICK_SERVICE, PICK_DELIVERY, PICK_KIND };

static struct result set_filter(struct app *app, void *ctx, const char *const *values, size_t n)
{
    const char *v = n ? values[0] : "";
    switch ((enum pick)(intptr_t)ctx) {
    case PICK_REGION: snprintf(app->f.region, sizeof app->f.region, "%s", v); break;
    case PICK_GOAL: snprintf(app->f.goal, sizeof app->f.goal, "%s", v); break;
    case PICK_SERVICE: snprintf(app->f.service, sizeof app->f.service, "%s", v); break;
    case PICK_DELIVERY: app->f.delivery = *v ? query_delivery_parse(v) : 0; break;
    case PICK_KIND: app->f.kinds = *v ? query_kind_parse(v) : 0; break;
    }
    app_filters_changed(app);
    return result_of(R_REDRAW);
}

/* Awaiting the model's vocabulary (issue 12): the delivery choices and their labels. */
static const char *add_deliveries(struct picker *p, unsigned delivery)
{
    picker_add(p, "", "Any way", NULL, 0);
    picker_add(p, "online", "Online", NULL, 0);
    picker_add(p, "in-person", "In person", NULL, 0);
    picker_add(p, "hybrid", "Hybrid (online and in person)", NULL, 0);
    return delivery == DELIVERY_ONLINE      ? "online"
           : delivery == DELIVERY_IN_PERSON ? "in-person"
           : delivery == DELIVERY_HYBRID    ? "hybrid"
                                            : "";
}

/* Awaiting the model's vocabulary (issue 12): the kinds of support and their labels. */
static const char *add_kinds(struct picker *p, unsigned kinds)
{
    picker_add(p, "", "Groups and programs", NULL, 0);
    picker_add(p, "group", "Groups (networks and associations)", NULL, 0);
    picker_add(p, "program", "Programs", NULL, 0);
    return kinds == KIND_GROUP ? "group" : kinds == KIND_PROGRAM ? "program" : "";
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
    switch (kind) {
    case PICK_REGION:
        picker_add(p, "", "Anywhere (no place chosen)", NULL, 0);
        filters_add_regions(p, app->store);
        current = app->f.region;
        break;
    case PICK_GOAL:
        picker_add(p, "", "Any goal", NULL, 0);
        filters_add_rows(p, app->store, "SELECT id, name FROM goal ORDER BY pos", false);
        current = app->f.goal;
        break;
    case PICK_SERVICE:
        picker_add(p, "", "Any service", NULL, 0);
        filters_add_rows(p, app->store, "SELECT id, name FROM service ORDER BY pos", false);
        current = app->f.service;
        break;
    case PICK_DELIVERY: current = add_deliveries(p, app->f.delivery); break;
    case PICK_KIND: current = add_kinds(p, app->f.kinds); break;
    }
    struct result r = picker_open(p, current);
    /* A filter picker over another filter picker would be a maze: replace it. */
    if (stack_top(&app->stack)->screen == &screen_picker)
        r.flags |= R_POP;
    return r;
}

/* Awaiting the model's vocabulary (issue 12): the words for the delivery bits. */
static void add_delivery_words(struct sb *b, unsigned delivery)
{
    const char *names[] = {"online", "in person", "hybrid"};
    bool first = true;
    for (int i = 0; i < 3; i++)
        if (delivery & (1u << i)) {
            sb_addf(b, "%s%s", first ? "" : " or ", names[i]);
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
                app->f.kinds & KIND_GROUP ? "groups" : "programs");
    if (app->f.search[0])
        sb_addf(b, "%swords \"%s\"", b->len > start ? " · " : "", app->f.search);
    if (b->len == start)
        sb_add(b, "none (r where, g goal, s service, d delivery, t type)");
    else
        sb_add(b, "  (x clears)");
}
