/* qr.h: QR codes of what a person takes away on their phone: the short texts they hold (an
 * entry's web address, the shortlist with contacts and notes), text to a matrix of modules
 * (libqrencode), and the matrix as lines of half blocks for a terminal. No curses. */
#ifndef ITPNAV_QR_H
#define ITPNAV_QR_H

#include <stdbool.h>
#include <stddef.h>

#include "entry.h"
#include "state.h"
#include "store.h"
#include "text.h"

/* The light margin around a code, in modules, that a reader needs to find it. */
#define QR_QUIET 4

/* A code: width x width modules, without the margin. */
struct qr {
    int width;
    int version;         /* 1 to 40 */
    unsigned char *dark; /* width * width, row by row: 1 for a dark module */
};

/* Encode text (UTF-8, any length) in the smallest code that holds it, with the most error
 * correction that keeps that size. Returns 0 with a new code in *out, or an errno value: ERANGE
 * when no code holds that much text, ENOMEM. */
int qr_create(const char *text, struct qr **out);

/* Free a code; NULL is a no-op. */
void qr_destroy(struct qr *q);

/* The terminal columns and rows the code takes, margin included, with each module scale columns
 * wide and scale half rows high (a cell is about twice as high as it is wide, so the modules are
 * square). */
int qr_cols(const struct qr *q, int scale);
int qr_rows(const struct qr *q, int scale);

/* The largest scale, at most max, at which the code fits in cols x rows; 0 when it does not fit
 * at all. */
int qr_fit(const struct qr *q, int cols, int rows, int max);

/* The code as qr_rows lines of qr_cols characters, margin included, where the blocks are the
 * light halves: a light upper half "▀", a light lower half "▄", both "█", neither " " (as
 * qrencode -t UTF8 draws it). Drawn light on a dark background, it reads: dark modules on light.
 * The light margin is then characters too, which a terminal cannot optimise away into an
 * "erase" that some (and tmux's captures) do not colour. */
struct text_lines *qr_lines(const struct qr *q, int scale);

/* What a code of one entry holds: its website; else the first page its links name; else the
 * page its facts come from. A new string, with what it is in *what (a new string: "The website
 * of NAME", ...); NULL (and *what NULL) when the entry names no address at all. */
char *qr_entry_address(const struct entry *e, char **what);

/* The shortlist as short text for a code: "itpnav shortlist, DATE", then each entry numbered,
 * one line each for its name, phone, email, website and the person's note. A new string. */
char *qr_shortlist_text(struct store *st, const struct state_item *items, size_t n,
                        const char *date);

/* One entry of the shortlist the same way, without the number or the first line. */
char *qr_item_text(struct store *st, const struct state_item *item);

#endif
