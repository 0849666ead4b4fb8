/* supports.h: the Supports screen. */
#ifndef ITPNAV_SUPPORTS_H
#define ITPNAV_SUPPORTS_H

#include "screen.h"

extern const struct screen screen_supports;

/* Its state, for a push. */
void *supports_create(struct app *app);

#endif
