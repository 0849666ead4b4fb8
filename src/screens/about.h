/* about.h: the About screen. */
#ifndef ITPNAV_ABOUT_H
#define ITPNAV_ABOUT_H

#include "screen.h"

extern const struct screen screen_about;

/* Its state, for a push. */
void *about_create(struct app *app);

#endif
