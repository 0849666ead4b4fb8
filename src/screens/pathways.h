/* pathways.h: the Pathways screen. */
#ifndef ITPNAV_PATHWAYS_H
#define ITPNAV_PATHWAYS_H

#include "screen.h"

extern const struct screen screen_pathways;

/* Its state, for a push. */
void *pathways_create(struct app *app);

#endif
