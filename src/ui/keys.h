/* keys.h: the one table of actions and their keys; help and status hints are generated from it. */
#ifndef ITPNAV_KEYS_H
#define ITPNAV_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* Keys travel as one int: a character's code point, or a curses function key moved past the
 * end of Unicode so that KEY_UP (0402) cannot be mistaken for U+0102. */
#define KEY_FN(k)    ((k) + 0x200000)
#define KEY_IS_FN(k) ((k) >= 0x200000)

enum action {
    A_NONE,
    A_UP,
    A_DOWN,
    A_PAGE_UP,
    A_PAGE_DOWN,
    A_FIRST,
    A_LAST,
    A_OPEN,
    A_BACK,
    A_SEARCH,
    A_REGION,
    A_GOAL,
    A_SERVICE,
    A_DELIVERY,
    A_KIND,
    A_CLEAR,
    A_NEXT_LINK,
    A_PREV_LINK,
    A_MARK,
    A_SHORTLIST,
    A_WIZARD,
    A_NOTE,
    A_MOVE_UP,
    A_MOVE_DOWN,
    A_REMOVE,
    A_EXPORT,
    A_NEW_CLIENT,
    A_HOME,
    A_HELP,
    A_QUIT,
    A_REDRAW,
    A_OPERATOR,
    A_COUNT
};

/* Where an action applies, for help sections and status hints. */
enum key_scope {
    SCOPE_ALL = 1 << 0,
    SCOPE_LIST = 1 << 1,
    SCOPE_DETAIL = 1 << 2,
    SCOPE_MENU = 1 << 3,
    SCOPE_SHORTLIST = 1 << 4,
};

/* Keys that a kiosk changes. */
enum key_flags {
    KEYF_NOT_KIOSK = 1 << 0, /* does nothing in kiosk mode, and is not shown there */
    KEYF_HIDDEN = 1 << 1,    /* never shown on screen (the operator's key) */
};

struct key_def {
    enum action action;
    const char *name;  /* for the man page and tests */
    int keys[4];       /* curses key codes, 0-terminated */
    const char *label; /* how the keys are written: "↑ k" */
    const char *hint;  /* a word or two for the status bar, or NULL */
    const char *help;  /* a sentence for the help screen */
    unsigned scope;    /* enum key_scope bits */
    unsigned flags;    /* enum key_flags bits */
};

/* The table, A_COUNT - 1 entries, in help order. */
extern const struct key_def key_table[];
extern const size_t key_table_len;

/* The action a key means (number keys are handled by menus themselves), or A_NONE. */
enum action key_action(int key);

/* The table entry for an action, or NULL. */
const struct key_def *key_def_of(enum action a);

/* True when the key is shown (in help and hints) in this mode. */
bool key_shown(const struct key_def *k, bool kiosk);

/* The status-bar hint for scope: "label hint" pairs joined by two spaces, written into buf;
 * keys not shown in this mode are left out. */
void key_hints(unsigned scope, const enum action *actions, size_t n, bool kiosk, char *buf,
               size_t bufsz);

#endif
