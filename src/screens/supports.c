/* supports.c: the Supports screen: groups and programs, filtered and searched as you type. */
#include "supports.h"

#include "app.h"
#include "i18n.h"
#include "listing.h"

/* The filter bar names s, d and t; the status bar keeps what fits in 80 columns. */
static const enum action hints[] = {A_OPEN,  A_MARK, A_SEARCH, A_REGION, A_GOAL,
                                    A_CLEAR, A_BACK, A_LANG,   A_HELP,   A_QUIT};

void *supports_create(struct app *app)
{
    return listing_create(app, KIND_SUPPORTS);
}

static void draw(struct app *app, void *state, struct rect r)
{
    /* The type filter (groups or programs) narrows what the list asks for. */
    unsigned kinds = app->f.kinds & KIND_SUPPORTS;
    listing_set_kinds(state, kinds ? kinds : KIND_SUPPORTS);
    listing_draw(app, state, r);
}

const struct screen screen_supports = {
        .name = N_("Supports"),
        .draw = draw,
        .on_key = listing_key,
        .on_click = listing_click,
        .destroy = listing_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_LIST,
};
