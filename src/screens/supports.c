/* supports.c: the Supports screen: groups and programs, filtered and searched as you type. */
#include "app.h"
#include "entrylist.h"

/* The filter bar names s, d and t; the status bar keeps what fits in 80 columns. */
static const enum action hints[] = {A_OPEN,  A_MARK, A_SEARCH, A_REGION, A_GOAL,
                                    A_CLEAR, A_BACK, A_HELP,   A_QUIT};

void *supports_create(struct app *app)
{
    return entrylist_create(app, KIND_SUPPORTS);
}

static void draw(struct app *app, void *state, int top, int height)
{
    struct entrylist *el = state;
    /* The type filter (groups or programs) narrows what the list asks for. */
    unsigned kinds = app->f.kinds & KIND_SUPPORTS;
    el->kinds = kinds ? kinds : KIND_SUPPORTS;
    entrylist_draw(app, state, top, height);
}

const struct screen screen_supports = {
        .name = "Supports",
        .draw = draw,
        .on_key = entrylist_key,
        .on_click = entrylist_click,
        .destroy = entrylist_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_LIST,
};
