/* qr_view.h: the QR code screen: what a person takes away on their phone. */
#ifndef ITPNAV_QR_VIEW_H
#define ITPNAV_QR_VIEW_H

#include "screen.h"

extern const struct screen screen_qr;

/* A code of an entry's web address (its website, else a page about it); a notice instead when
 * the entry has none or is gone. kinds as for entry_get. */
struct result qr_view_entry(struct app *app, const char *id, unsigned kinds);

/* Codes of the shortlist: the whole list (names, contacts, notes) in one, then one for each
 * entry; a notice instead when the shortlist is empty. */
struct result qr_view_shortlist(struct app *app);

#endif
