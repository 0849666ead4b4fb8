/* wizard.h: "What's my path?", the questions. */
#ifndef ITPNAV_WIZARD_H
#define ITPNAV_WIZARD_H

#include "screen.h"

extern const struct screen screen_wizard;

/* Open it; the first time (no answers yet), it goes through the questions one after another. */
struct result wizard_open(struct app *app);

#endif
