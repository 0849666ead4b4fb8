/* filters.h: the session's filters as people meet them: the pickers that set them (where, goal,
 * service, delivery, type) and the words that describe them. */
#ifndef ITPNAV_FILTERS_H
#define ITPNAV_FILTERS_H

#include "keys.h"
#include "screen.h"

struct app;

/* Open the picker of a filter action (A_REGION, A_GOAL, A_SERVICE, A_DELIVERY, A_KIND), the
 * same from every screen; one over another filter picker replaces it. R_IGNORED for any other
 * action. */
struct result filters_pick(struct app *app, enum action a);

/* The filter bar's words for a list of these kinds, each with the action a tap on it does: the
 * filters in force ("where Ontario", "goal ...", "words "x"", then "x clears"), or when none is,
 * "none" and the keys that set them ("r where", "g goal", ...). */
struct filter_words {
    char text[8][320];
    enum action action[8];
    size_t n;
};

void filters_words(struct app *app, unsigned kinds, struct filter_words *w);

#endif
