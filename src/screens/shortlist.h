/* shortlist.h: the Shortlist screen. */
#ifndef ITPNAV_SHORTLIST_H
#define ITPNAV_SHORTLIST_H

#include "screen.h"

extern const struct screen screen_shortlist;

/* Its state, for a push. */
void *shortlist_create(struct app *app);

#endif
