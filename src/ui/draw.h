/* draw.h: colour roles and the drawing helpers every screen uses (width-safe, sanitised). */
#ifndef ITPNAV_DRAW_H
#define ITPNAV_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

enum role {
    ROLE_NORMAL,
    ROLE_TITLE,    /* the top bar */
    ROLE_STATUS,   /* the bottom bar */
    ROLE_KEY,      /* a key name in a hint */
    ROLE_SELECTED, /* the selected row: reverse as well as colour */
    ROLE_HEADING,  /* a section heading */
    ROLE_DIM,      /* secondary text */
    ROLE_LINK,     /* a linked entry */
    ROLE_NOTICE,   /* a message to the person */
    ROLE_FIELD,    /* a text field */
    ROLE_GOOD,     /* status: available */
    ROLE_WARN,     /* status: limited, proposed */
    ROLE_BAD,      /* status: closed */
    ROLE_QR,       /* a QR code's light blocks on dark: white on black whatever the colours */
    ROLE_COUNT
};

/* A part of the terminal: rows y..y+h-1, columns x..x+w-1. Screens and widgets draw inside the
 * one they are given, never by the terminal's size. */
struct rect {
    int y, x, h, w;
};

/* Set up colours (or not: NO_COLOR, --no-color, a terminal without them). */
void draw_init_colors(bool color);

/* The attributes of a role. */
attr_t draw_attr(enum role r);

/* Draw s (sanitised) at (y, x), fitted to width columns, in role; returns columns drawn. */
int draw_text(int y, int x, int width, enum role r, const char *s);

/* Like draw_text, then fill the rest of width with spaces in the same role. */
void draw_line(int y, int x, int width, enum role r, const char *s);

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
