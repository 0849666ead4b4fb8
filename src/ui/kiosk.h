/* kiosk.h: what makes --kiosk a locked, public terminal: signals, the operator's PIN, and the
 * idle reset's clock. */
#ifndef ITPNAV_KIOSK_H
#define ITPNAV_KIOSK_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* Where the operator's PIN hash lives; ITPNAV_PIN_FILE names another file (for a test, or a
 * system that keeps it elsewhere), which must meet the same rules. */
#define KIOSK_PIN_FILE "/etc/itpnav/kiosk-pin"

/* Ignore Ctrl-C, Ctrl-\ and Ctrl-Z's signals (before curses starts, so it keeps them ignored). */
void kiosk_ignore_signals(void);

/* Read the PIN hash (a crypt(3) string) into buf. Only a regular file owned by root and not
 * writable by group or others counts; otherwise buf is "" and *why says what was wrong (or ""
 * when there is no file at all). */
void kiosk_load_pin(char *buf, size_t n, char *why, size_t why_n);

/* True when pin matches the hash. */
bool kiosk_pin_ok(const char *hash, const char *pin);

/* Seconds since t (a CLOCK_MONOTONIC time), and now into t. */
double kiosk_since(const struct timespec *t);
void kiosk_touch(struct timespec *t);

#endif
