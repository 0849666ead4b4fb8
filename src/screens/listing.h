/* listing.h: the body of the Supports and Pathways screens: the entry list widget wired to the
 * session's filters, the shortlist and the detail screen. */
#ifndef ITPNAV_LISTING_H
#define ITPNAV_LISTING_H

#include "screen.h"

/* A list of entries of kinds (KIND_SUPPORTS or KIND_PATHWAY): a screen's state. */
void *listing_create(struct app *app, unsigned kinds);

/* The screen hooks. listing_draw shows the kinds in the list's state (a screen may narrow them
 * first with listing_set_kinds). */
void listing_destroy(void *state);
void listing_draw(struct app *app, void *state, struct rect r);
struct result listing_key(struct app *app, void *state, enum action a, int key);
struct result listing_click(struct app *app, void *state, int y, int x, bool twice);

/* Narrow a supports list to kinds (a type filter), or widen it again. */
void listing_set_kinds(void *state, unsigned kinds);

#endif
