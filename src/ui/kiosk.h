/* kiosk.h: what makes --kiosk a locked, public terminal: signals, the operator's PIN, and the
 * idle reset's clock. */
#ifndef ITPNAV_KIOSK_H
#define ITPNAV_KIOSK_H

#include <stdbool.h>
#include <stddef.h>

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

/* The idle reset's clock. It is the monotonic clock, ahead by what ITPNAV_CLOCK_FILE says (a
 * test's way to let time pass without waiting): only the environment names that file, which a
 * visitor at the keyboard cannot set, and it can only move the clock forward, so it can bring
 * the reset sooner but never delay it, stop it, or open a way out. */
struct kiosk_clock {
    const char *file; /* ITPNAV_CLOCK_FILE, or NULL */
    double ahead;     /* seconds; never decreases */
};

/* Read the environment (once, at start). */
void kiosk_clock_init(struct kiosk_clock *c);

/* Now, in seconds (only differences mean anything). */
double kiosk_clock_now(struct kiosk_clock *c);

#endif
