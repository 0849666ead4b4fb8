/* commands.h: what the keys that work everywhere do when the screen on top leaves them: quit,
 * help, home, back, the shortlist, What's my path?, the handout, a new client, the filters,
 * the kiosk operator's way out. */
#ifndef ITPNAV_COMMANDS_H
#define ITPNAV_COMMANDS_H

#include "screen.h"

/* Do action a (the screen on top ignored it); R_IGNORED when it is no command. */
struct result commands_run(struct app *app, enum action a);

/* Switch the language (English to French, French to English) at once, keeping the screens,
 * their place, the filters, the search and the shortlist; an open dialog closes. Says so. */
struct result commands_switch_lang(struct app *app);

#endif
