/* handout.h: what a person takes away: the date, their shortlist with their notes and what each
 * entry offers, its contact and as-of date, then their answers and which pathways fit. */
#ifndef ITPNAV_HANDOUT_H
#define ITPNAV_HANDOUT_H

#include "doc.h"
#include "err.h"
#include "profile.h"
#include "state.h"
#include "store.h"

enum handout_format { HANDOUT_TEXT, HANDOUT_MARKDOWN };

/* The most supports the handout lists for the person's region and goals. */
#define HANDOUT_MAX_SUPPORTS 30

/* True when there is nothing to hand out: nothing on the shortlist and no question answered. */
bool handout_empty(struct state *s, const struct profile *p);

/* Lay the handout out for date (YYYY-MM-DD): the shortlist with the notes first, then (when
 * anything is answered) the answers, the pathways they fit and the supports for the person's
 * place and goals; every entry with its contact, or "no public contact found". Returns a new
 * doc (never NULL). */
struct doc *handout_doc(struct store *st, struct state *s, const struct profile *p,
                        const char *date);

/* The doc as plain text (76 columns) or Markdown; a new string. */
char *handout_render(const struct doc *d, enum handout_format f);

/* A default file name: itpnav-handout-DATE.txt or .md. A new string. */
char *handout_file_name(const char *date, enum handout_format f);

/* Today's date as YYYY-MM-DD into buf (11 bytes or more). */
void handout_today(char *buf, size_t n);

/* Write text to path, replacing it only when replace is true (write_file_atomic: the replaced
 * file keeps its mode; a link or a special file there is refused). Returns 0, or an errno value
 * (EEXIST when it exists and replace is false; file_error_words says any of them in words). */
int handout_save(const char *path, const char *text, bool replace);

/* The print command when one is installed (/usr/bin/lp), else NULL. */
const char *handout_printer(void);

/* Send text to the print command lp (an absolute path) on its standard input: started with a
 * fixed argument list, no shell, its output discarded. Returns 0, or an exit status with the
 * reason (the command's own message when it gave one) in e. */
int handout_print(const char *lp, const char *text, struct err *e);

#endif
