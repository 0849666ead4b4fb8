/* loop.h: the main loop: the only reader of input; it resizes, draws, keeps the kiosk's idle
 * clock, and does what the screens' handlers ask. */
#ifndef ITPNAV_LOOP_H
#define ITPNAV_LOOP_H

struct app;

/* Open the home screen and run until the program quits (curses started, the app set up). */
void loop_run(struct app *app);

#endif
