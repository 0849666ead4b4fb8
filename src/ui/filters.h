/* filters.h: the session's filters as people meet them: the pickers that set them (where, goal,
 * service, delivery, type) and the words that describe them. */
#ifndef ITPNAV_FILTERS_H
#define ITPNAV_FILTERS_H

#include "screen.h"
#include "util.h"

struct app;

/* Open the picker of a filter action (A_REGION, A_GOAL, A_SERVICE, A_DELIVERY, A_KIND), the
 * same from every screen; one over another filter picker replaces it. R_IGNORED for any other
 * action. */
struct result filters_pick(struct app *app, enum action a);

/* The filter bar of a list of these kinds: "Filters: where ... · goal ...  (x clears)". */
void filters_describe(struct app *app, unsigned kinds, struct sb *b);

#endif
