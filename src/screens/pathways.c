/* pathways.c: the Pathways screen: routes to practice for the chosen region and goal, with their
 * status in words. */
#include "pathways.h"

#include "app.h"
#include "i18n.h"
#include "listing.h"

static const enum action hints[] = {A_OPEN,  A_MARK, A_SEARCH, A_REGION, A_GOAL,
                                    A_CLEAR, A_BACK, A_LANG,   A_HELP,   A_QUIT};

void *pathways_create(struct app *app)
{
    return listing_create(app, KIND_PATHWAY);
}

const struct screen screen_pathways = {
        .name = N_("Pathways to practice"),
        .draw = listing_draw,
        .on_key = listing_key,
        .on_click = listing_click,
        .destroy = listing_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_LIST,
};
