/* detail.h: one support or pathway in full, and opening one from anywhere. */
#ifndef ITPNAV_DETAIL_H
#define ITPNAV_DETAIL_H

#include "screen.h"
#include "textview.h"

extern const struct screen screen_detail;

/* Open the detail of an entry: "pathway:ID", "support:ID", or an ID (a support first); a
 * notice instead when it is no longer in the data. */
struct result detail_open(struct app *app, const char *target);

/* What an event of a text view with links means on any screen: open the chosen entry, put the
 * selected one on the shortlist, or explain the keys. */
struct result detail_follow(struct app *app, const struct textview *tv, enum tv_event ev);

#endif
