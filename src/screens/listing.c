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
#include "i18n.h"

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

/* What the list shows: the session's filters (and their words) for its kinds. The strings it
 * points to live in words and in the app. */
struct source {
    struct entrylist_source src;
    struct query q;
    struct filter_words words;
    char region[512];
    char old_before[16];
};

static void source_init(struct source *s, struct app *app, const struct entrylist *el)
{
    app_query(app, &s->q, el->kinds);
    filters_words(app, el->kinds, &s->words);
    s->src = (struct entrylist_source){
            .q = &s->q,
            .gen = app->f.generation,
            .region_name =
                    app->f.region[0] ? app_region_name(app, s->region, sizeof s->region) : NULL,
            .old_before = app->old_before,
            .ctx = app,
            .marked = marked,
            .notice = notice,
    };
    for (size_t i = 0; i < s->words.n && i < ENTRYLIST_MAX_CHIPS; i++)
        s->src.chips[s->src.n_chips++] =
                (struct entrylist_chip){s->words.text[i], s->words.action[i]};
}

void listing_draw(struct app *app, void *state, struct rect r)
{
    struct entrylist *el = state;
    struct source s;
    source_init(&s, app, el);
    entrylist_draw(el, &s.src, r);
}

/* What the list reported, done. */
static struct result act(struct app *app, struct entrylist *el, enum entrylist_event ev);

/* The filter keys: the same from a key and from a tap on the filter bar. */
static struct result filter_key(struct app *app, struct entrylist *el, enum action a)
{
    switch (a) {
    case A_QR: {
        /* The selected entry's address; with no entry selected, the shortlist's codes. */
        const struct row *row = entrylist_selected(el);
        return row ? qr_view_entry(app, row->id, terms_kinds(row->kind)) : result_of(R_IGNORED);
    }
    case A_CLEAR:
        app_clear_filters(app);
        app_notice(app, "%s", _("All filters and the search are cleared."));
        return result_of(R_REDRAW);
    case A_SERVICE:
    case A_DELIVERY:
        if (el->kinds == KIND_PATHWAY) {
            app_notice(app, "%s", _("Pathways are not filtered by service or delivery."));
            return result_of(R_REDRAW);
        }
        return filters_pick(app, a);
    case A_KIND:
        if (el->kinds == KIND_PATHWAY) {
            app_notice(app, "%s", _("This list shows pathways only."));
            return result_of(R_REDRAW);
        }
        return filters_pick(app, a);
    case A_REGION:
    case A_GOAL: return filters_pick(app, a);
    case A_SEARCH: el->editing = true; return result_of(R_REDRAW);
    default: return result_of(R_IGNORED);
    }
}

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
    case EL_ACTION: return filter_key(app, el, el->tapped);
    }
    return result_of(R_IGNORED);
}

struct result listing_key(struct app *app, void *state, enum action a, int key)
{
    struct entrylist *el = state;
    struct source s;
    source_init(&s, app, el);
    struct result r = act(app, el, entrylist_key(el, &s.src, a, key));
    if (r.flags != R_IGNORED || a == A_REGION || a == A_GOAL)
        return r;
    return filter_key(app, el, a);
}

struct result listing_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct entrylist *el = state;
    struct source s;
    source_init(&s, app, el);
    return act(app, el, entrylist_click(el, &s.src, y, x, twice));
}
