/* glyph.h: the one table of the symbols the screens draw (★ ✓ ✗ ▸ → … box lines), each with
 * the ASCII form that replaces it where the terminal cannot show it: a locale that is not UTF-8,
 * or the Linux console (TERM=linux), whose fonts lack most of them. */
#ifndef ITPNAV_GLYPH_H
#define ITPNAV_GLYPH_H

#include <stdbool.h>

enum glyph {
    GLYPH_SELECTED, /* the selected row of a list */
    GLYPH_SAVED,    /* on the shortlist */
    GLYPH_OLD,      /* the entry's facts are more than two years old */
    GLYPH_MET,      /* a requirement met */
    GLYPH_UNMET,    /* a requirement not met yet */
    GLYPH_LINK,     /* a link to another entry */
    GLYPH_GO,       /* the wizard's "see which pathways fit" */
    GLYPH_DONE,     /* a checklist's Done row */
    GLYPH_SEP,      /* between the parts of a bar or a line: "Where: X · Goal: Y" */
    GLYPH_BULLET,   /* an item of a list */
    GLYPH_DOT,      /* one typed character of a secret */
    GLYPH_ELLIPSIS, /* text cut to fit */
    GLYPH_DASH,     /* between a title and its publisher */
    GLYPH_UP,       /* key names */
    GLYPH_DOWN,
    GLYPH_LEFT,
    GLYPH_RIGHT,
    GLYPH_H_LINE, /* a box's lines and corners */
    GLYPH_V_LINE,
    GLYPH_TOP_LEFT,
    GLYPH_TOP_RIGHT,
    GLYPH_BOTTOM_LEFT,
    GLYPH_BOTTOM_RIGHT,
    GLYPH_COUNT
};

/* One row of the table: the Unicode form, the ASCII form, and what it means (for the man page
 * and the unit tests). */
struct glyph_def {
    const char *unicode, *ascii, *meaning;
};

extern const struct glyph_def glyph_table[GLYPH_COUNT];

/* Use the ASCII forms from now on (or the Unicode ones again). */
void glyph_set_ascii(bool ascii);

/* True when the ASCII forms are in use. */
bool glyph_ascii(void);

/* True when a terminal of this TERM and a locale whose character set is (or is not) UTF-8 need
 * the ASCII forms: the locale is not UTF-8, or TERM names the Linux console. */
bool glyph_needs_ascii(const char *term, bool utf8_locale);

/* The form of g in use. */
const char *glyph(enum glyph g);

/* s with every Unicode form of the table replaced by its ASCII form when those are in use (a
 * key's label, a sentence of help); a new string. */
char *glyph_text(const char *s);

#endif
