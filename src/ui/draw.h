/* draw.h: colour roles and the drawing helpers every screen uses (width-safe, sanitised). */
#ifndef ITPNAV_DRAW_H
#define ITPNAV_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

enum role {
    ROLE_NORMAL,
    ROLE_TITLE,      /* the top bar */
    ROLE_STATUS,     /* the bottom bar */
    ROLE_KEY,        /* a key name in a hint */
    ROLE_SELECTED,   /* the selected row: reverse as well as colour */
    ROLE_HEADING,    /* a section heading */
    ROLE_DIM,        /* secondary text */
    ROLE_LINK,       /* a linked entry */
    ROLE_NOTICE,     /* a message to the person */
    ROLE_FIELD,      /* a text field */
    ROLE_GOOD,       /* status: available */
    ROLE_WARN,       /* status: limited, proposed */
    ROLE_BAD,        /* status: closed */
    ROLE_STATUS_KEY, /* a key name on the bottom bar */
    ROLE_QR,         /* a QR code's light blocks on dark: white on black whatever the colours */
    ROLE_COUNT
};

/* A part of the terminal: rows y..y+h-1, columns x..x+w-1. Screens and widgets draw inside the
 * one they are given, never by the terminal's size. */
struct rect {
    int y, x, h, w;
};

/* Set up colours (or not: NO_COLOR, --no-color, a terminal without them). */
void draw_init_colors(bool color);

/* Draw only ASCII from now on: every other character as text_ascii writes it (a terminal whose
 * locale is not UTF-8). */
void draw_set_ascii_text(bool ascii);

/* While true, what is drawn lies beneath a dialog: the selected row is not shown as selected,
 * so that only the dialog's selection looks chosen. */
void draw_set_inactive(bool inactive);

/* The attributes of a role. */
attr_t draw_attr(enum role r);

/* Draw s (sanitised) at (y, x), fitted to width columns, in role; returns columns drawn. */
int draw_text(int y, int x, int width, enum role r, const char *s);

/* Like draw_text for a name: one that does not fit loses its middle (text_fit_middle), so that
 * the end that tells it from the next stays. */
int draw_name(int y, int x, int width, enum role r, const char *s);

/* Like draw_text, then fill the rest of width with spaces in the same role. */
void draw_line(int y, int x, int width, enum role r, const char *s);

/* Draw the glyph g at (y, x) in role (a box's line, a separator). */
void draw_glyph(int y, int x, enum role r, int g);

/* ---- web addresses ----
 * curses knows nothing of hyperlinks (OSC 8) nor of lines the terminal wraps itself, which is
 * what lets a terminal find, and a person copy, a web address longer than a row. A screen that
 * draws a web address marks it; once curses has drawn the frame, draw_links_flush writes each
 * marked address again over the same cells, as one run: inside an OSC 8 hyperlink where the
 * terminal has them, and across rows as the terminal's own wrap. */

/* What draw_links_flush does: hyperlinks (OSC 8), and rewriting addresses that span rows so
 * that the terminal wraps them itself. Both off: marks are ignored. */
void draw_links_setup(bool hyperlinks, bool rewrap);

/* True when the terminal described by these variables (TERM, TERM_PROGRAM, VTE_VERSION,
 * WT_SESSION, TMUX, STY, ITPNAV_HYPERLINKS) is known to show OSC 8 hyperlinks. */
bool draw_hyperlinks_supported(const char *(*get)(const char *name));

/* Mark the text s drawn at (y, x) in role (fitted to width, as draw_text drew it) as (part of)
 * the web address url; the parts of one address spanning rows are marked in order. */
void draw_link_mark(int y, int x, int width, enum role r, const char *s, const char *url);

/* Forget the marks (a dialog is drawn over them). */
void draw_links_reset(void);

/* After refresh(): write the marked addresses again as links, then forget the marks. */
void draw_links_flush(void);

/* The target of an OSC 8 hyperlink for url: only http and https addresses, every byte outside
 * printable ASCII percent-encoded; a new string, or NULL when url is not one to link. */
char *draw_link_target(const char *url);

/* A list's visible window: keeps the selection in view. */
struct listview {
    size_t sel, top, n;
};

/* Clamp sel to n and scroll top so sel shows in height rows. */
void listview_fit(struct listview *lv, int height);

/* Move by an action (up, down, pages, first, last); true when the selection moved. */
bool listview_move(struct listview *lv, int action, int height);

/* Role for a pathway status word. */
enum role draw_status_role(const char *status);

#endif
