/* kiosk.h: what makes --kiosk a locked, public terminal: signals, the operator's PIN and its
 * waits, the operator's log, the idle reset's clock, and knowing when the data was replaced. */
#ifndef ITPNAV_KIOSK_H
#define ITPNAV_KIOSK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Where the operator's PIN hash lives; ITPNAV_PIN_FILE names another file (for a test, or a
 * system that keeps it elsewhere), which must meet the same rules. */
#define KIOSK_PIN_FILE "/etc/itpnav/kiosk-pin"

/* The longest PIN hash taken (the longest crypt(3) writes is under 150 characters). */
#define KIOSK_HASH_MAX 255

/* The longest wait after wrong PINs, in seconds: the tenth wrong one in a row reaches it. */
#define KIOSK_PIN_WAIT_MAX 300

/* Ignore Ctrl-C, Ctrl-\ and Ctrl-Z's signals (before curses starts, so it keeps them ignored),
 * and catch SIGUSR1 (see kiosk_data_stale). */
void kiosk_ignore_signals(void);

/* Read the PIN hash (a crypt(3) string) into buf (KIOSK_HASH_MAX + 1 bytes or more). The file is
 * opened without following a link or waiting for a writer (a FIFO), and counts only when it is a
 * regular file owned by root and not writable by group or others, holding a hash that
 * kiosk_hash_ok takes. Otherwise buf is "" and *why says what was wrong (or "" when there is no
 * file at all). */
void kiosk_load_pin(char *buf, size_t n, char *why, size_t why_n);

/* True when hash is a crypt(3) hash the PIN can be checked against: a method libcrypt calls
 * strong (yescrypt, SHA-512, bcrypt, ...; not DES, MD5, SHA-1 or SHA-256 crypt), with enough
 * rounds, and in its method's exact form. Otherwise *why says what is wrong. */
bool kiosk_hash_ok(const char *hash, char *why, size_t why_n);

/* True when pin matches the hash. */
bool kiosk_pin_ok(const char *hash, const char *pin);

/* Seconds to wait after the failures-th wrong PIN in a row: 1, 2, 4, ... up to
 * KIOSK_PIN_WAIT_MAX. */
double kiosk_pin_wait(unsigned failures);

/* A line for the operator's log (never the screen): on standard error when it is not a terminal
 * (the journal, under the kiosk's unit), else to syslog(3) as "itpnav" with this priority (and
 * facility: LOG_AUTHPRIV for the PIN). Sanitised. */
void kiosk_log(int priority, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The idle reset's clock. It is the monotonic clock, ahead by what ITPNAV_CLOCK_FILE says (a
 * test's way to let time pass without waiting): only the environment names that file, which a
 * visitor at the keyboard cannot set, and it can only move the clock forward, so it can bring
 * the reset sooner but never delay it, stop it, or open a way out. The PIN's waits run on it
 * too. */
struct kiosk_clock {
    const char *file; /* ITPNAV_CLOCK_FILE, or NULL */
    double ahead;     /* seconds; never decreases */
};

/* Read the environment (once, at start). */
void kiosk_clock_init(struct kiosk_clock *c);

/* Now, in seconds (only differences mean anything). */
double kiosk_clock_now(struct kiosk_clock *c);

/* Which file a path names: two that differ are two files, whatever their content. The time
 * and size as well: a file nobody holds open may leave its inode's number to the next. */
struct kiosk_file {
    bool known;
    dev_t dev;
    ino_t ino;
    off_t size;
    long long mtime_ns;
};

/* The data a kiosk opened with --db, which the update replaces by a rename and tells it of with
 * SIGUSR1 (itpnav(1), "Updating a kiosk's data"). */
struct kiosk_data {
    const char *path;          /* the --db file, or NULL: nothing is reopened */
    struct kiosk_file opened;  /* the file in use (as it was just before it was opened) */
    struct kiosk_file refused; /* a replacement that would not open: not tried again */
    bool refusing;             /* refused holds one */
    double next_look;          /* on an untouched Home: when to look at the file again */
};

/* Note what path is now, before opening it. */
void kiosk_data_init(struct kiosk_data *d, const char *path);

/* True when SIGUSR1 has come since kiosk_data_stale last looked. */
bool kiosk_data_signalled(void);

/* True when the data should be reopened: SIGUSR1 came (it is forgotten once looked at), or path
 * is another file than the one in use; but never for the replacement that was refused. *now
 * gets what path is. Always false without a path. */
bool kiosk_data_stale(struct kiosk_data *d, struct kiosk_file *now);

/* The file now (from kiosk_data_stale) was opened and is in use. */
void kiosk_data_opened(struct kiosk_data *d, struct kiosk_file now);

/* The file now would not open: the old data stays, and it is not tried again. */
void kiosk_data_refused(struct kiosk_data *d, struct kiosk_file now);

#endif
