/* results.h: which pathways fit the wizard's answers. */
#ifndef ITPNAV_RESULTS_H
#define ITPNAV_RESULTS_H

#include "screen.h"

extern const struct screen screen_results;

/* Its state, for a push. */
void *results_create(struct app *app);

#endif
