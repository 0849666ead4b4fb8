/* pathways.c: the Pathways screen: routes to practice for the chosen region and goal, with their
 * status in words. */
#include "app.h"
#include "entrylist.h"

static const enum action hints[] = {A_OPEN,  A_MARK, A_SEARCH, A_REGION, A_GOAL,
                                    A_CLEAR, A_BACK, A_HELP,   A_QUIT};

void *pathways_create(struct app *app)
{
    return entrylist_create(app, KIND_PATHWAY);
}

const struct screen screen_pathways = {
        .name = "Pathways to practice",
        .draw = entrylist_draw,
        .on_key = entrylist_key,
        .on_click = entrylist_click,
        .destroy = entrylist_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_LIST,
};
