/* keys.c: the one table of actions and their keys; help and status hints are generated from it. */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyph.h"
#include "i18n.h"
#include "text.h"

#define CTRL(c) ((c)&0x1f)

const struct key_def key_table[] = {
        {A_UP, "up", {KEY_FN(KEY_UP), 'k', 0}, "↑ k", NULL, N_("Move up one line."), SCOPE_ALL, 0},
        {A_DOWN,
         "down",
         {KEY_FN(KEY_DOWN), 'j', 0},
         "↓ j",
         NULL,
         N_("Move down one line."),
         SCOPE_ALL,
         0},
        {A_PAGE_UP,
         "page-up",
         {KEY_FN(KEY_PPAGE), CTRL('b'), 0},
         "PgUp",
         NULL,
         N_("Move up one page."),
         SCOPE_ALL,
         0},
        {A_PAGE_DOWN,
         "page-down",
         {KEY_FN(KEY_NPAGE), CTRL('f'), ' ', 0},
         "PgDn Space",
         NULL,
         N_("Move down one page."),
         SCOPE_ALL,
         0},
        {A_FIRST,
         "first",
         {KEY_FN(KEY_HOME), 0},
         "Home",
         NULL,
         N_("Go to the first line."),
         SCOPE_ALL,
         0},
        {A_LAST,
         "last",
         {KEY_FN(KEY_END), 'G', 0},
         "End G",
         NULL,
         N_("Go to the last line."),
         SCOPE_ALL,
         0},
        {A_OPEN,
         "open",
         {'\n', '\r', KEY_FN(KEY_ENTER), KEY_FN(KEY_RIGHT)},
         "Enter →",
         N_("open"),
         N_("Open the selected entry, link or menu item."),
         SCOPE_ALL,
         0},
        {A_BACK,
         "back",
         {27, KEY_FN(KEY_BACKSPACE), 127, KEY_FN(KEY_LEFT)},
         "Esc ←",
         N_("back"),
         N_("Go back to the previous screen."),
         SCOPE_ALL,
         0},
        {A_SEARCH,
         "search",
         {'/', 0},
         "/",
         N_("search"),
         N_("Search as you type: every word is matched as the start of a word, ignoring case and "
            "accents. Enter or ↓ keeps the search and goes to the list; Esc leaves the field."),
         SCOPE_LIST,
         0},
        {A_REGION,
         "region",
         {'r', 0},
         "r",
         N_("where"),
         N_("Choose where you live: type to find a place in the list of regions."),
         SCOPE_ALL,
         0},
        {A_GOAL, "goal", {'g', 0}, "g", N_("goal"), N_("Choose your career goal."), SCOPE_ALL, 0},
        {A_SERVICE,
         "service",
         {'s', 0},
         "s",
         N_("service"),
         N_("Show only supports that give one kind of help."),
         SCOPE_LIST,
         0},
        {A_DELIVERY,
         "delivery",
         {'d', 0},
         "d",
         /* TRANSLATORS: the status bar's word for the delivery filter's key (short). */
         NC_("status bar", "delivery"),
         N_("Show only supports delivered online, in person or both."),
         SCOPE_LIST,
         0},
        {A_KIND,
         "kind",
         {'t', 0},
         "t",
         N_("type"),
         N_("Show only groups or only programs."),
         SCOPE_LIST,
         0},
        {A_CLEAR,
         "clear",
         {'x', 0},
         "x",
         N_("clear"),
         N_("Clear every filter and the search (where you live and your goal too). To clear one "
            "filter alone, open its choice and take its first row."),
         SCOPE_LIST,
         0},
        {A_NEXT_LINK,
         "next-link",
         {'\t', 0},
         "Tab",
         N_("select"),
         N_("Select the next link on the page: an entry a detail links to, or a pathway or support "
            "in Your pathways. Enter opens the selected one, a saves it to the shortlist."),
         SCOPE_DETAIL,
         0},
        {A_PREV_LINK,
         "previous-link",
         {KEY_FN(KEY_BTAB), 0},
         "Shift-Tab",
         NULL,
         N_("Select the previous link on the page."),
         SCOPE_DETAIL,
         0},
        {A_MARK,
         "mark",
         {'a', 0},
         "a",
         N_("save"),
         N_("Add the selected support or pathway to the shortlist, or take it off again."),
         SCOPE_LIST | SCOPE_DETAIL,
         0},
        {A_SHORTLIST,
         "shortlist",
         {'l', 0},
         "l",
         N_("shortlist"),
         N_("Show the shortlist: the entries you saved, each with a note."),
         SCOPE_ALL,
         0},
        {A_WIZARD,
         "my-path",
         {'p', 0},
         "p",
         N_("my path"),
         N_("What's my path? Answer a few questions (each can be skipped) and see which pathways "
            "fit you, and why."),
         SCOPE_ALL,
         0},
        {A_NOTE,
         "note",
         {'n', 0},
         "n",
         N_("note"),
         N_("Write or change the note on the selected shortlist entry."),
         SCOPE_SHORTLIST,
         0},
        {A_MOVE_UP,
         "move-up",
         {'K', KEY_FN(KEY_SR), 0},
         "K Shift-↑",
         N_("move"),
         N_("Move the selected shortlist entry up."),
         SCOPE_SHORTLIST,
         0},
        {A_MOVE_DOWN,
         "move-down",
         {'J', KEY_FN(KEY_SF), 0},
         "J Shift-↓",
         NULL,
         N_("Move the selected shortlist entry down."),
         SCOPE_SHORTLIST,
         0},
        {A_REMOVE,
         "remove",
         {'D', KEY_FN(KEY_DC), 0},
         "D Delete",
         N_("remove"),
         N_("Take the selected entry off the shortlist, with its note; undo puts it back."),
         SCOPE_SHORTLIST,
         0},
        {A_UNDO,
         "undo",
         {'u', 0},
         "u",
         N_("undo"),
         N_("Put back on the shortlist the entry taken off last, with its note, in its place; "
            "again "
            "for the one before it (the last 50 are kept, also after you quit)."),
         SCOPE_LIST | SCOPE_DETAIL | SCOPE_SHORTLIST,
         0},
        {A_EXPORT,
         "handout",
         {'e', 0},
         "e",
         N_("handout"),
         N_("Make a handout of your shortlist, notes and answers: save it as text or Markdown, "
            "show "
            "it, print it, or take it away as a QR code."),
         SCOPE_ALL,
         0},
        {A_QR,
         "qr-code",
         {'c', 0},
         "c",
         N_("QR code"),
         N_("Show a QR code to scan with a phone's camera: in a list or on an entry, of its "
            "website "
            "(or the page its facts come from); elsewhere, of your shortlist (names, contacts and "
            "notes), or one code for each entry when it is too long for one."),
         SCOPE_ALL,
         0},
        {A_NEW_CLIENT,
         "new-client",
         {'N', 0},
         "N",
         N_("new client"),
         N_("Start again for a new client: clears the filters, search, answers, shortlist and "
            "notes "
            "(asks first, and offers the handout)."),
         SCOPE_ALL,
         KEYF_NOT_KIOSK},
        {A_LANG,
         "language",
         {'L', 0},
         "L",
         /* The hint names the other language, in that language: key_hint_text. */
         "language",
         N_("Show every screen in French, or back in English, at once: the screen you are on, "
            "the filters, the search and the shortlist stay as they are."),
         SCOPE_ALL,
         0},
        {A_HOME, "home", {'H', 0}, "H", N_("home"), N_("Go to the home screen."), SCOPE_ALL, 0},
        {A_HELP,
         "help",
         {'?', KEY_FN(KEY_F(1)), 0},
         "? F1",
         N_("help"),
         N_("Show this help."),
         SCOPE_ALL,
         0},
        {A_QUIT, "quit", {'q', 0}, "q", N_("quit"), N_("Quit itpnav."), SCOPE_ALL, KEYF_NOT_KIOSK},
        {A_REDRAW,
         "redraw",
         {CTRL('l'), 0},
         "Ctrl-L",
         NULL,
         N_("Redraw the screen."),
         SCOPE_ALL,
         0},
        {A_OPERATOR,
         "operator-exit",
         {CTRL('x'), 0},
         "Ctrl-X",
         NULL,
         N_("Kiosk mode: the operator's way out, after the PIN."),
         SCOPE_ALL,
         KEYF_HIDDEN},
        {A_CHOOSE,
         "choose-number",
         {0},
         "1-9",
         NULL,
         N_("Choose the item or the answer with that number: on the home screen, in What's my "
            "path? and in a question; in a checklist, check or uncheck it (the numbers of Skip and "
            "Done end it)."),
         SCOPE_CHOICE | SCOPE_MENU,
         KEYF_DIGITS},
        {A_TOGGLE,
         "check",
         {' ', 0},
         "Space",
         NULL,
         N_("Check or uncheck an answer where several can be chosen; Done finishes."),
         SCOPE_CHOICE,
         0},
        {A_CANCEL,
         "cancel",
         {27, 0},
         "Esc",
         NULL,
         N_("Close it and keep the answer as it was (in What's my path?, stop going through the "
            "questions one by one)."),
         SCOPE_CHOICE,
         0},
        {A_CLEAR_FILTER,
         "clear-filter",
         {KEY_FN(KEY_DC), 0},
         "Delete",
         NULL,
         N_("In the choice of a filter (where, goal, service, delivery, type): clear that filter "
            "alone, as its first row does."),
         SCOPE_CHOICE,
         0},
        {A_FIELD_DELETE_CHAR,
         "delete-char",
         {KEY_FN(KEY_BACKSPACE), 127, 8, 0},
         "Backspace",
         NULL,
         N_("Delete the last character."),
         SCOPE_FIELD,
         0},
        {A_FIELD_DELETE_WORD,
         "delete-word",
         {CTRL('w'), 0},
         "Ctrl-W",
         NULL,
         N_("Delete the last word."),
         SCOPE_FIELD,
         0},
        {A_FIELD_CLEAR,
         "clear-field",
         {CTRL('u'), 0},
         "Ctrl-U",
         NULL,
         N_("Clear the search. In any other field, clear what is typed."),
         SCOPE_FIELD,
         0},
        {A_FIELD_ACCEPT,
         "accept-field",
         {'\n', '\r', KEY_FN(KEY_ENTER), 0},
         "Enter",
         NULL,
         N_("Keep the search and return to the list. In any other field, accept what is typed "
            "(where you type to find, the selected answer)."),
         SCOPE_FIELD,
         0},
        {A_FIELD_CANCEL,
         "cancel-field",
         {27, 0},
         "Esc",
         NULL,
         N_("Keep the search and return to the list. In any other field, close it and keep what "
            "was there before."),
         SCOPE_FIELD,
         0},
        {A_FIELD_LEAVE,
         "leave-field",
         {KEY_FN(KEY_DOWN), KEY_FN(KEY_UP), 0},
         "↓ ↑",
         NULL,
         N_("Keep the search and return to the list. Where you type to find, move in the list."),
         SCOPE_FIELD,
         0},
};

const size_t key_table_len = sizeof key_table / sizeof key_table[0];

const struct key_section key_sections[] = {
        {N_("Everywhere"), SCOPE_ALL},
        {N_("In a list"), SCOPE_LIST},
        {N_("On a detail screen"), SCOPE_DETAIL},
        {N_("On the shortlist"), SCOPE_SHORTLIST},
        {N_("In a question or a choice"), SCOPE_CHOICE},
        {N_("While typing a search or into a field"), SCOPE_FIELD},
};

const size_t key_sections_len = sizeof key_sections / sizeof key_sections[0];

int key_from_sequence(const char *seq)
{
    /* What xterm, the Linux console, rxvt, tmux and screen send for the keys we use. */
    static const struct {
        const char *seq;
        int key;
    } known[] = {
            {"[A", KEY_UP},    {"OA", KEY_UP},     {"[B", KEY_DOWN},   {"OB", KEY_DOWN},
            {"[C", KEY_RIGHT}, {"OC", KEY_RIGHT},  {"[D", KEY_LEFT},   {"OD", KEY_LEFT},
            {"[H", KEY_HOME},  {"OH", KEY_HOME},   {"[1~", KEY_HOME},  {"[7~", KEY_HOME},
            {"[F", KEY_END},   {"OF", KEY_END},    {"[4~", KEY_END},   {"[8~", KEY_END},
            {"[3~", KEY_DC},   {"[5~", KEY_PPAGE}, {"[6~", KEY_NPAGE}, {"[Z", KEY_BTAB},
            {"[1;2A", KEY_SR}, {"[1;2B", KEY_SF},  {"OP", KEY_F(1)},   {"[11~", KEY_F(1)},
            {"[[A", KEY_F(1)}, {"OM", KEY_ENTER},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(seq, known[i].seq) == 0)
            return KEY_FN(known[i].key);
    return 0;
}

enum action key_action_in(unsigned scope, int key)
{
    for (size_t i = 0; i < key_table_len; i++) {
        const struct key_def *k = &key_table[i];
        if (!(k->scope & scope))
            continue;
        if ((k->flags & KEYF_DIGITS) && key >= '1' && key <= '9')
            return k->action;
        for (size_t j = 0; j < 4 && k->keys[j]; j++)
            if (k->keys[j] == key)
                return k->action;
    }
    return A_NONE;
}

enum action key_action(int key)
{
    return key_action_in(SCOPE_COMMANDS, key);
}

const struct key_def *key_def_of(enum action a)
{
    for (size_t i = 0; i < key_table_len; i++)
        if (key_table[i].action == a)
            return &key_table[i];
    return NULL;
}

bool key_shown(const struct key_def *k, bool kiosk)
{
    return !(k->flags & KEYF_HIDDEN) && !(kiosk && (k->flags & KEYF_NOT_KIOSK));
}

/* The sentences a kiosk says instead, for keys that do less there. */
static const struct {
    enum action action;
    const char *help;
} kiosk_help[] = {
        {A_EXPORT,
         N_("Make a handout of your shortlist, notes and answers: show it, print it (where a "
            "printer is set up), or take it away as a QR code.")},
};

const char *key_help_text(const struct key_def *k, bool kiosk)
{
    for (size_t i = 0; kiosk && i < sizeof kiosk_help / sizeof kiosk_help[0]; i++)
        if (kiosk_help[i].action == k->action)
            return _(kiosk_help[i].help);
    return _(k->help);
}

const char *key_hint_text(const struct key_def *k)
{
    if (k->action == A_LANG)
        return i18n_french() ? "English" : "français";
    return k->hint ? i18n_ctext(k->hint) : NULL;
}

const char *key_first(enum action a)
{
    static char names[A_COUNT][32];
    const struct key_def *k = key_def_of(a);
    if (!k)
        return "";
    char *label = glyph_text(k->label);
    snprintf(names[a], sizeof names[a], "%s", label);
    free(label);
    char *space = strchr(names[a], ' ');
    if (space)
        *space = '\0';
    return names[a];
}

/* Which hints stay longest when the bar is short: help (the way to every other key), then back
 * and open, and quit where there is no back (on Home: where back would lead, it is the way out);
 * then the language (the way into a language the reader can read, on every screen); then the
 * rest. */
static int hint_rank(enum action a, bool has_back)
{
    switch (a) {
    case A_HELP: return 0;
    case A_BACK:
    case A_OPEN: return 1;
    case A_QUIT: return has_back ? 3 : 1;
    case A_LANG: return 2;
    default: return 3;
    }
}

size_t key_hints(unsigned scope, const enum action *actions, size_t n, bool kiosk, int width,
                 struct key_hint *out, size_t max)
{
    size_t m = 0;
    bool has_back = false;
    for (size_t i = 0; i < n; i++)
        has_back = has_back || actions[i] == A_BACK;
    for (size_t i = 0; i < n && m < max; i++) {
        const struct key_def *k = key_def_of(actions[i]);
        if (!k || !k->hint || !(k->scope & (scope | SCOPE_ALL)) || !key_shown(k, kiosk))
            continue;
        /* The first key's name is enough in a hint; the help screen lists them all. */
        struct key_hint *h = &out[m++];
        *h = (struct key_hint){.action = k->action, .key = k->keys[0]};
        snprintf(h->text, sizeof h->text, "%s %s", key_first(k->action), key_hint_text(k));
        h->w = text_width(h->text);
    }
    /* Two spaces between hints. The least needed go first; one space apart only where that keeps
     * a hint of the first ranks, the language's included (French at 40 columns keeps its way back
     * to English so). */
    int gap = 2;
    for (;;) {
        int total = 0;
        for (size_t i = 0; i < m; i++)
            total += out[i].w + (i ? 2 : 0);
        if (total <= width || m <= 1)
            break;
        /* Leave out the last of the least needed. */
        size_t drop = 0;
        for (size_t i = 0; i < m; i++)
            if (hint_rank(out[i].action, has_back) >= hint_rank(out[drop].action, has_back))
                drop = i;
        if (hint_rank(out[drop].action, has_back) <= 2 && total - (int)(m - 1) <= width) {
            gap = 1;
            break;
        }
        memmove(&out[drop], &out[drop + 1], (m - drop - 1) * sizeof *out);
        m--;
    }
    int x = 0;
    for (size_t i = 0; i < m; i++) {
        out[i].x = x;
        x += out[i].w + gap;
    }
    return m;
}

void key_help(bool kiosk, void (*emit)(void *ctx, const char *label, const char *text), void *ctx)
{
    for (size_t s = 0; s < key_sections_len; s++) {
        emit(ctx, NULL, _(key_sections[s].title));
        for (size_t i = 0; i < key_table_len; i++) {
            const struct key_def *k = &key_table[i];
            if ((k->scope & key_sections[s].scope) && key_shown(k, kiosk))
                emit(ctx, k->label, key_help_text(k, kiosk));
        }
    }
}
