/* plain.h: the line-by-line mode for screen readers and dumb terminals. */
#ifndef ITPNAV_PLAIN_H
#define ITPNAV_PLAIN_H

#include "session.h"

/* Run the program line by line on standard input and output; returns the exit status. */
int plain_main(const struct options *o);

#endif
