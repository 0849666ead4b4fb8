/* keys.c: the one table of actions and their keys; help and status hints are generated from it. */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CTRL(c) ((c)&0x1f)

const struct key_def key_table[] = {
        {A_UP, "up", {KEY_FN(KEY_UP), 'k', 0}, "↑ k", NULL, "Move up one line.", SCOPE_ALL, 0},
        {A_DOWN,
         "down",
         {KEY_FN(KEY_DOWN), 'j', 0},
         "↓ j",
         NULL,
         "Move down one line.",
         SCOPE_ALL,
         0},
        {A_PAGE_UP,
         "page-up",
         {KEY_FN(KEY_PPAGE), CTRL('b'), 0},
         "PgUp",
         NULL,
         "Move up one page.",
         SCOPE_ALL,
         0},
        {A_PAGE_DOWN,
         "page-down",
         {KEY_FN(KEY_NPAGE), CTRL('f'), ' ', 0},
         "PgDn Space",
         NULL,
         "Move down one page.",
         SCOPE_ALL,
         0},
        {A_FIRST,
         "first",
         {KEY_FN(KEY_HOME), 0},
         "Home",
         NULL,
         "Go to the first line.",
         SCOPE_ALL,
         0},
        {A_LAST,
         "last",
         {KEY_FN(KEY_END), 'G', 0},
         "End G",
         NULL,
         "Go to the last line.",
         SCOPE_ALL,
         0},
        {A_OPEN,
         "open",
         {'\n', '\r', KEY_FN(KEY_ENTER), KEY_FN(KEY_RIGHT)},
         "Enter →",
         "open",
         "Open the selected entry, link or menu item.",
         SCOPE_ALL,
         0},
        {A_BACK,
         "back",
         {27, KEY_FN(KEY_BACKSPACE), 127, KEY_FN(KEY_LEFT)},
         "Esc ←",
         "back",
         "Go back to the previous screen.",
         SCOPE_ALL,
         0},
        {A_SEARCH,
         "search",
         {'/', 0},
         "/",
         "search",
         "Search as you type: every word is matched as the start of a word, ignoring case and "
         "accents. Enter or ↓ keeps the search and goes to the list; Esc leaves the field.",
         SCOPE_LIST,
         0},
        {A_REGION,
         "region",
         {'r', 0},
         "r",
         "where",
         "Choose where you live: type to find a place in the list of regions.",
         SCOPE_ALL,
         0},
        {A_GOAL, "goal", {'g', 0}, "g", "goal", "Choose your career goal.", SCOPE_ALL, 0},
        {A_SERVICE,
         "service",
         {'s', 0},
         "s",
         "service",
         "Show only supports that give one kind of help.",
         SCOPE_LIST,
         0},
        {A_DELIVERY,
         "delivery",
         {'d', 0},
         "d",
         "delivery",
         "Show only supports delivered online, in person or both.",
         SCOPE_LIST,
         0},
        {A_KIND,
         "kind",
         {'t', 0},
         "t",
         "type",
         "Show only groups or only programs.",
         SCOPE_LIST,
         0},
        {A_CLEAR,
         "clear",
         {'x', 0},
         "x",
         "clear",
         "Clear every filter and the search (where you live and your goal too).",
         SCOPE_LIST,
         0},
        {A_NEXT_LINK,
         "next-link",
         {'\t', 0},
         "Tab",
         "next link",
         "Select the next linked entry on a detail screen.",
         SCOPE_DETAIL,
         0},
        {A_PREV_LINK,
         "previous-link",
         {KEY_FN(KEY_BTAB), 0},
         "Shift-Tab",
         NULL,
         "Select the previous linked entry.",
         SCOPE_DETAIL,
         0},
        {A_MARK,
         "mark",
         {'a', 0},
         "a",
         "save",
         "Add the selected support or pathway to the shortlist, or take it off again.",
         SCOPE_LIST | SCOPE_DETAIL,
         0},
        {A_SHORTLIST,
         "shortlist",
         {'l', 0},
         "l",
         "shortlist",
         "Show the shortlist: the entries you saved, each with a note.",
         SCOPE_ALL,
         0},
        {A_WIZARD,
         "my-path",
         {'p', 0},
         "p",
         "my path",
         "What's my path? Answer a few questions (each can be skipped) and see which pathways "
         "fit you, and why.",
         SCOPE_ALL,
         0},
        {A_NOTE,
         "note",
         {'n', 0},
         "n",
         "note",
         "Write or change the note on the selected shortlist entry.",
         SCOPE_SHORTLIST,
         0},
        {A_MOVE_UP,
         "move-up",
         {'K', KEY_FN(KEY_SR), 0},
         "K Shift-↑",
         "move",
         "Move the selected shortlist entry up.",
         SCOPE_SHORTLIST,
         0},
        {A_MOVE_DOWN,
         "move-down",
         {'J', KEY_FN(KEY_SF), 0},
         "J Shift-↓",
         NULL,
         "Move the selected shortlist entry down.",
         SCOPE_SHORTLIST,
         0},
        {A_REMOVE,
         "remove",
         {'D', KEY_FN(KEY_DC), 0},
         "D Delete",
         "remove",
         "Take the selected entry off the shortlist.",
         SCOPE_SHORTLIST,
         0},
        {A_EXPORT,
         "handout",
         {'e', 0},
         "e",
         "handout",
         "Make a handout of your shortlist, notes and answers: save it as text or Markdown, show "
         "it, or print it.",
         SCOPE_ALL,
         0},
        {A_NEW_CLIENT,
         "new-client",
         {'N', 0},
         "N",
         "new client",
         "Start again for a new client: clears the filters, search, answers, shortlist and notes "
         "(asks first, and offers the handout).",
         SCOPE_ALL,
         0},
        {A_HOME, "home", {'H', 0}, "H", "home", "Go to the home screen.", SCOPE_ALL, 0},
        {A_HELP,
         "help",
         {'?', KEY_FN(KEY_F(1)), 0},
         "? F1",
         "help",
         "Show this help.",
         SCOPE_ALL,
         0},
        {A_QUIT, "quit", {'q', 0}, "q", "quit", "Quit itpnav.", SCOPE_ALL, KEYF_NOT_KIOSK},
        {A_REDRAW, "redraw", {CTRL('l'), 0}, "Ctrl-L", NULL, "Redraw the screen.", SCOPE_ALL, 0},
        {A_OPERATOR,
         "operator-exit",
         {CTRL('x'), 0},
         "Ctrl-X",
         NULL,
         "Kiosk mode: the operator's way out, after the PIN.",
         SCOPE_ALL,
         KEYF_HIDDEN},
        {A_CHOOSE,
         "choose-number",
         {0},
         "1-9",
         NULL,
         "Choose the answer with that number; in a checklist, check or uncheck it (the numbers of "
         "Skip and Done end it).",
         SCOPE_CHOICE,
         KEYF_DIGITS},
        {A_TOGGLE,
         "check",
         {' ', 0},
         "Space",
         NULL,
         "Check or uncheck an answer where several can be chosen; Done finishes.",
         SCOPE_CHOICE,
         0},
        {A_CANCEL,
         "cancel",
         {27, 0},
         "Esc",
         NULL,
         "Close it and keep the answer as it was (in What's my path?, stop going through the "
         "questions one by one).",
         SCOPE_CHOICE,
         0},
        {A_FIELD_DELETE_CHAR,
         "delete-char",
         {KEY_FN(KEY_BACKSPACE), 127, 8, 0},
         "Backspace",
         NULL,
         "Delete the last character.",
         SCOPE_FIELD,
         0},
        {A_FIELD_DELETE_WORD,
         "delete-word",
         {CTRL('w'), 0},
         "Ctrl-W",
         NULL,
         "Delete the last word.",
         SCOPE_FIELD,
         0},
        {A_FIELD_CLEAR,
         "clear-field",
         {CTRL('u'), 0},
         "Ctrl-U",
         NULL,
         "Clear the search. In any other field, clear what is typed.",
         SCOPE_FIELD,
         0},
        {A_FIELD_ACCEPT,
         "accept-field",
         {'\n', '\r', KEY_FN(KEY_ENTER), 0},
         "Enter",
         NULL,
         "Keep the search and return to the list. In any other field, accept what is typed "
         "(where you type to find, the selected answer).",
         SCOPE_FIELD,
         0},
        {A_FIELD_CANCEL,
         "cancel-field",
         {27, 0},
         "Esc",
         NULL,
         "Keep the search and return to the list. In any other field, close it and keep what "
         "was there before.",
         SCOPE_FIELD,
         0},
        {A_FIELD_LEAVE,
         "leave-field",
         {KEY_FN(KEY_DOWN), KEY_FN(KEY_UP), 0},
         "↓ ↑",
         NULL,
         "Keep the search and return to the list. Where you type to find, move in the list.",
         SCOPE_FIELD,
         0},
};

const size_t key_table_len = sizeof key_table / sizeof key_table[0];

const struct key_section key_sections[] = {
        {"Everywhere", SCOPE_ALL},
        {"In a list", SCOPE_LIST},
        {"On a detail screen", SCOPE_DETAIL},
        {"On the shortlist", SCOPE_SHORTLIST},
        {"In a question or a choice", SCOPE_CHOICE},
        {"While typing a search or into a field", SCOPE_FIELD},
};

const size_t key_sections_len = sizeof key_sections / sizeof key_sections[0];

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

void key_hints(unsigned scope, const enum action *actions, size_t n, bool kiosk, char *buf,
               size_t bufsz)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const struct key_def *k = key_def_of(actions[i]);
        if (!k || !k->hint || !(k->scope & (scope | SCOPE_ALL)) || !key_shown(k, kiosk))
            continue;
        /* The first key's label is enough in a hint; the help screen lists them all. */
        char first[32];
        snprintf(first, sizeof first, "%s", k->label);
        char *space = strchr(first, ' ');
        if (space)
            *space = '\0';
        int w = snprintf(buf + len, bufsz - len, "%s%s %s", len ? "  " : "", first, k->hint);
        if (w < 0 || (size_t)w >= bufsz - len) {
            buf[len] = '\0';
            break;
        }
        len += (size_t)w;
    }
}

void key_help(bool kiosk, void (*emit)(void *ctx, const char *label, const char *text), void *ctx)
{
    for (size_t s = 0; s < key_sections_len; s++) {
        emit(ctx, NULL, key_sections[s].title);
        for (size_t i = 0; i < key_table_len; i++) {
            const struct key_def *k = &key_table[i];
            if ((k->scope & key_sections[s].scope) && key_shown(k, kiosk))
                emit(ctx, k->label, k->help);
        }
    }
}
