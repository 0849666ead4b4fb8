/* listing.c: the body of the Supports and Pathways screens: the entry list, fed by the
 * session's filters; what is chosen in it opens, goes on the shortlist, or re-filters. */
#include "listing.h"

#include <stdlib.h>

#include "app.h"
#include "detail.h"
#include "entrylist.h"
#include "filters.h"
#include "qr_view.h"
#include "terms.h"
#include "util.h"

void *listing_create(struct app *app, unsigned kinds)
{
    struct err e = {0};
    struct entrylist *el =
            entrylist_create(app->store, kinds, app->f.search, sizeof app->f.search, &e);
    if (e.code)
        app_notice(app, "%s", e.msg);
    return el;
}

void listing_destroy(void *state)
{
    entrylist_destroy(state);
}

void listing_set_kinds(void *state, unsigned kinds)
{
    struct entrylist *el = state;
    el->kinds = kinds;
}

static bool marked(void *ctx, const char *id, const char *kind)
{
    return app_marked(ctx, id, kind);
}

static void notice(void *ctx, const char *message)
{
    app_notice(ctx, "%s", message);
}

void listing_draw(struct app *app, void *state, struct rect r)
{
    struct entrylist *el = state;
    struct query q;
    app_query(app, &q, el->kinds);
    struct sb words = {0};
    filters_describe(app, el->kinds, &words);
    struct entrylist_source src = {
            .q = &q,
            .gen = app->f.generation,
            .filters = sb_str(&words),
            .ctx = app,
            .marked = marked,
            .notice = notice,
    };
    entrylist_draw(el, &src, r);
    sb_finish(&words);
}

/* What the list reported, done. */
static struct result act(struct app *app, struct entrylist *el, enum entrylist_event ev)
{
    const struct row *r = entrylist_selected(el);
    switch (ev) {
    case EL_IGNORED: return result_of(R_IGNORED);
    case EL_HANDLED: return result_of(R_HANDLED);
    case EL_MOVED: return result_of(R_REDRAW);
    case EL_SEARCHED: app_filters_changed(app); return result_of(R_REDRAW);
    case EL_MARK: app_toggle_mark(app, r->id, r->kind, r->name); return result_of(R_REDRAW);
    case EL_OPEN: {
        char *target = xasprintf("%s:%s", state_kind_of(r->kind), r->id);
        struct result res = detail_open(app, target);
        free(target);
        return res;
    }
    }
    return result_of(R_IGNORED);
}

struct result listing_key(struct app *app, void *state, enum action a, int key)
{
    struct entrylist *el = state;
    struct result r = act(app, el, entrylist_key(el, a, key));
    if (r.flags != R_IGNORED)
        return r;
    switch (a) {
    case A_QR: {
        /* The selected entry's address; with no entry selected, the shortlist's codes. */
        const struct row *row = entrylist_selected(el);
        return row ? qr_view_entry(app, row->id, terms_kinds(row->kind)) : result_of(R_IGNORED);
    }
    case A_CLEAR:
        app_clear_filters(app);
        app_notice(app, "All filters and the search are cleared.");
        return result_of(R_REDRAW);
    case A_SERVICE:
    case A_DELIVERY:
        if (el->kinds == KIND_PATHWAY) {
            app_notice(app, "Pathways are not filtered by service or delivery.");
            return result_of(R_REDRAW);
        }
        return filters_pick(app, a);
    case A_KIND:
        if (el->kinds == KIND_PATHWAY) {
            app_notice(app, "This list shows pathways only.");
            return result_of(R_REDRAW);
        }
        return filters_pick(app, a);
    default: return result_of(R_IGNORED);
    }
}

struct result listing_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct entrylist *el = state;
    return act(app, el, entrylist_click(el, y, x, twice));
}
