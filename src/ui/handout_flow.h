/* handout_flow.h: making the handout: the menu (save as text or Markdown, show, print), the
 * file name, and what to do when the file exists. */
#ifndef ITPNAV_HANDOUT_FLOW_H
#define ITPNAV_HANDOUT_FLOW_H

#include "screen.h"

/* The handout's menu (a kiosk offers no saving). */
struct result handout_flow_menu(struct app *app);

#endif
