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
    A_UNDO,
    A_EXPORT,
    A_QR,
    A_NEW_CLIENT,
    A_LANG,
    A_HOME,
    A_HELP,
    A_QUIT,
    A_REDRAW,
    A_OPERATOR,
    /* In a question or a choice (SCOPE_CHOICE): read by the picker, never commands. */
    A_CHOOSE,
    A_TOGGLE,
    A_CANCEL,
    A_CLEAR_FILTER,
    /* In a text field (SCOPE_FIELD): read by the field widget, never commands. */
    A_FIELD_DELETE_CHAR,
    A_FIELD_DELETE_WORD,
    A_FIELD_CLEAR,
    A_FIELD_ACCEPT,
    A_FIELD_CANCEL,
    A_FIELD_LEAVE,
    A_COUNT
};

/* Where an action applies, for help sections and status hints. */
enum key_scope {
    SCOPE_ALL = 1 << 0,
    SCOPE_LIST = 1 << 1,
    SCOPE_DETAIL = 1 << 2,
    SCOPE_MENU = 1 << 3,
    SCOPE_SHORTLIST = 1 << 4,
    SCOPE_CHOICE = 1 << 5, /* in a picker: its keys mean this only there */
    SCOPE_FIELD = 1 << 6,  /* while typing into a field: its keys mean this only there */
};

/* The scopes whose keys are commands: what key_action looks in. */
#define SCOPE_COMMANDS (SCOPE_ALL | SCOPE_LIST | SCOPE_DETAIL | SCOPE_MENU | SCOPE_SHORTLIST)

/* Keys that a kiosk changes. */
enum key_flags {
    KEYF_NOT_KIOSK = 1 << 0, /* does nothing in kiosk mode, and is not shown there */
    KEYF_HIDDEN = 1 << 1,    /* never shown on screen (the operator's key) */
    KEYF_DIGITS = 1 << 2,    /* the digit keys 1 to 9 (keys[] is empty) */
};

struct key_def {
    enum action action;
    const char *name;  /* for the man page and tests */
    int keys[4];       /* curses key codes, 0-terminated */
    const char *label; /* how the keys are written: "↑ k" */
    const char *hint;  /* a word or two for the status bar, or NULL (N_ or NC_: key_hint_text) */
    const char *help;  /* a sentence for the help screen (N_: key_help_text translates) */
    unsigned scope;    /* enum key_scope bits */
    unsigned flags;    /* enum key_flags bits */
};

/* The table, A_COUNT - 1 entries, in help order. */
extern const struct key_def key_table[];
extern const size_t key_table_len;

/* The key an escape sequence means that the terminal's description may lack: seq is what came
 * after ESC ("[4~", "OF", "[1;2A"). KEY_FN(curses key), or 0 for one the program does not
 * know (dropped whole, never read as Esc and more keys). */
int key_from_sequence(const char *seq);

/* The command a key means (number keys are handled by menus themselves), or A_NONE. */
enum action key_action(int key);

/* The action a key means among the entries of these scopes (SCOPE_FIELD, SCOPE_CHOICE, ...),
 * or A_NONE. */
enum action key_action_in(unsigned scope, int key);

/* The table entry for an action, or NULL. */
const struct key_def *key_def_of(enum action a);

/* True when the key is shown (in help and hints) in this mode. */
bool key_shown(const struct key_def *k, bool kiosk);

/* The help screen's sentence for the key in this mode (a kiosk's own where it offers less), in
 * the language in effect. */
const char *key_help_text(const struct key_def *k, bool kiosk);

/* The status bar's word for the key in the language in effect, or NULL when it has none. The
 * language key's names the language it switches to, in that language ("français", "English"). */
const char *key_hint_text(const struct key_def *k);

/* The first of a key's names as the help writes it ("Esc" of "Esc ←"), for a message that
 * names the key ("u puts it back"); glyphs in their forms in use. Points into a static buffer
 * of its own for each action, valid until the forms change. */
const char *key_first(enum action a);

/* One hint on the status bar: what it says, where it is, what a tap on it presses. */
struct key_hint {
    enum action action;
    int key;       /* the key a tap presses: the action's first */
    int x, w;      /* the columns it takes on the bar */
    char text[64]; /* "Esc back" */
};

/* The hints of actions (those of scope or SCOPE_ALL that are shown in this mode, in that order)
 * laid out in width columns, two spaces apart. When they do not all fit, whole hints are left
 * out, the least needed first: help, back, open (and quit where there is no back) are kept
 * longest. Returns how many are in out (at most max). */
size_t key_hints(unsigned scope, const enum action *actions, size_t n, bool kiosk, int width,
                 struct key_hint *out, size_t max);

/* One section of the help screen: its title (N_) and the scope whose keys it lists. */
struct key_section {
    const char *title;
    unsigned scope;
};

/* The help screen's sections, in order. */
extern const struct key_section key_sections[];
extern const size_t key_sections_len;

/* The help text of every key shown in this mode, section by section: emit(ctx, NULL, title)
 * for each section's title, then emit(ctx, label, sentence) for each of its keys. */
void key_help(bool kiosk, void (*emit)(void *ctx, const char *label, const char *text), void *ctx);

#endif
