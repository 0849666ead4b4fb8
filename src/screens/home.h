/* home.h: the Home screen: the dataset, the person's place and goal, and the menu. */
#ifndef ITPNAV_HOME_H
#define ITPNAV_HOME_H

#include <stdbool.h>

#include "screen.h"

extern const struct screen screen_home;

/* Its state, for a push. */
void *home_create(struct app *app);

/* True when the home screen is as it started (for the kiosk's idle reset). */
bool home_untouched(const void *state);

#endif
