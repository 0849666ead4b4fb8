/* ui.h: the interactive program's entry point. */
#ifndef ITPNAV_UI_H
#define ITPNAV_UI_H

#include "session.h"

/* Run the interactive program (full screen, or --plain / TERM=dumb line by line); returns the
 * exit status. */
int ui_main(const struct options *o);

#endif
