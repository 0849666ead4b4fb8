/* doc.h: an entry laid out as styled lines, shared by `show`, the detail screen and the handout. */
#ifndef ITPNAV_DOC_H
#define ITPNAV_DOC_H

#include <stddef.h>

#include "entry.h"

enum doc_style {
    DOC_TITLE,   /* the entry's name */
    DOC_HEADING, /* a section: "What it offers", "Steps", ... */
    DOC_FIELD,   /* label: text */
    DOC_TEXT,    /* a paragraph */
    DOC_BULLET,  /* one item of a list; a label says what kind ("met", "not yet") */
    DOC_STEP,    /* a numbered step: text is the title, detail below */
    DOC_LINK,    /* another entry: target is its id */
    DOC_NOTE,    /* a quiet remark (source, as-of) */
    DOC_SECTION, /* a part of a longer document (the handout's "Your shortlist") */
    DOC_URL,     /* a web address on a line of its own, indented by number; never broken */
};

struct doc_line {
    enum doc_style style;
    char *label;  /* DOC_FIELD, or a DOC_BULLET's kind */
    char *text;   /* never NULL */
    char *detail; /* DOC_STEP, or the kind and relation of a DOC_LINK */
    char *target; /* DOC_LINK: the entry id */
    int number;   /* DOC_STEP; DOC_URL's indent */
};

struct doc {
    struct doc_line *v;
    size_t n;
};

/* Lay out every field of e, the source and a line saying the facts are as of that date (or when
 * an undated page was seen). */
struct doc *doc_entry(const struct entry *e);

/* How a record's date reads: "as of DATE", or "seen DATE (the page is undated)" when its source
 * has no date of its own. A new string. */
char *doc_as_of(const struct entry *e);

/* A support's status in plain words, for a field ("inactive: no sign of activity since DATE");
 * NULL when it is not known, and for pathways. A new string. */
char *doc_support_status(const struct entry *e);

/* Free a doc's lines and empty it (for a doc on the stack). */
void doc_finish(struct doc *d);

/* Free a doc; NULL is a no-op. */
void doc_destroy(struct doc *d);

/* Append a line (strings copied; NULLs allowed except text). */
void doc_add(struct doc *d, enum doc_style style, const char *label, const char *text,
             const char *detail, const char *target, int number);

/* Insert copies of the lines of from into d before line at (at d->n: after the last). */
void doc_insert(struct doc *d, size_t at, const struct doc *from);

/* Write d to a string as plain text wrapped to width columns (sanitised: safe for a terminal). */
char *doc_plain(const struct doc *d, int width);

/* Write d to a string as Markdown (sanitised; dataset text escaped so it stays text). */
char *doc_markdown(const struct doc *d);

#endif
