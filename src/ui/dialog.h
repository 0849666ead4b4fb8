/* dialog.h: what the modal dialogs (picker.c, prompt.c) share: a box centred in the area. */
#ifndef ITPNAV_DIALOG_H
#define ITPNAV_DIALOG_H

#include "draw.h"

/* The widest a dialog's box grows. */
#define DIALOG_MAX_W 64

/* The width of a dialog's box in area (the text inside is 4 columns narrower). */
int dialog_width(struct rect area);

/* Draw an empty box want_h rows high (fewer when the area is shorter, at least 6) centred in
 * area, and return where it is. */
struct rect dialog_box(struct rect area, int want_h);

#endif
