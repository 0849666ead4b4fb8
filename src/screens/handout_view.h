/* handout_view.h: the handout on the screen. */
#ifndef ITPNAV_HANDOUT_VIEW_H
#define ITPNAV_HANDOUT_VIEW_H

#include "screen.h"

extern const struct screen screen_handout;

/* Its state, for a push. */
void *handout_view_create(struct app *app);

#endif
