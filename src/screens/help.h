/* help.h: the Help screen, generated from the key table. */
#ifndef ITPNAV_HELP_H
#define ITPNAV_HELP_H

#include "screen.h"

extern const struct screen screen_help;

/* Its state, for a push. */
void *help_create(struct app *app);

#endif
