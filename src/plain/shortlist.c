/* shortlist.c: the shortlist line by line: every entry in the person's order with its note;
 * open, write a note, move, take off and put back (state_undo), all through the state file the
 * screen uses. */
#include "line.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "entry.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

const struct line_cmd_def line_shortlist_cmds[] = {
        {"#", NULL, CMD_NUMBER, N_("open that entry")},
        {"n", "note", CMD_NOTE, N_("write the note on an entry (n 2: entry 2)")},
        {"o", "move", CMD_MOVE, N_("move an entry to another place (o 3 1: entry 3 to the top)")},
        {"d", "remove", CMD_REMOVE, N_("take an entry off, with its note (d 2: entry 2)")},
        {"u", "undo", CMD_UNDO, N_("put back the entry taken off last, with its note")},
        {"c", "again", CMD_AGAIN, N_("the shortlist again")},
        {NULL, NULL, CMD_NONE, NULL},
};

/* An entry's kind, as the shortlist says it ("Kind: group."), in the reader's language. */
static const char *kind_word(const char *kind)
{
    /* TRANSLATORS: an entry's kind in the line mode's list ("Kind: group."). */
    return strcmp(kind, "group") == 0     ? C_("line kind", "group")
           : strcmp(kind, "program") == 0 ? C_("line kind", "program")
           : strcmp(kind, "pathway") == 0 ? C_("line kind", "pathway")
           : strcmp(kind, "support") == 0 ? C_("line kind", "support")
                                          : kind;
}

/* The names in the reader's language, where the data has them (the file keeps the data's own,
 * for the day an entry leaves the data), as the screen's shortlist shows them. */
static void localize_names(struct line *l, struct state_item *v, size_t n)
{
    for (size_t i = 0; i < n && i18n_french(); i++) {
        if (!v[i].listed)
            continue;
        struct err err = {0};
        struct entry *en = entry_get(l->st, v[i].id, terms_kinds(v[i].kind), &err);
        if (!en)
            continue;
        entry_localize(l->st, en, i18n_lang());
        free(v[i].name);
        v[i].name = xstrdup(en->name);
        entry_destroy(en);
    }
}

static void show(struct line *l, const struct state_item *v, size_t n)
{
    line_blank(l);
    char *count = line_entries(n);
    line_say(l, 0, _("Your shortlist: %s.%s"), count,
             state_in_memory(l->state) ? _(" It is not saved: it lasts until you quit.") : "");
    free(count);
    if (n == 0)
        line_say(l, 0,
                 _("Nothing saved yet. In a list, an entry or the results, a saves an entry "
                   "here; each can have a note."));
    for (size_t i = 0; i < n; i++) {
        const struct state_item *it = &v[i];
        struct sb b = {0};
        sb_addf(&b, "%zu. %s.", i + 1, it->name);
        if (!it->listed)
            sb_add(&b, _(" No longer listed in the data."));
        else
            sb_addf(&b, _(" Kind: %s."), kind_word(it->kind));
        if (it->note && it->note[0])
            sb_addf(&b, _(" Note: %s"), it->note);
        else
            sb_add(&b, _(" No note."));
        line_put(l, 0, 4, sb_str(&b));
        sb_finish(&b);
    }
}

/* The first number in arg (the entry), the rest in *rest. */
static const char *split(const char *arg, char *first, size_t n, const char **rest)
{
    *rest = NULL;
    if (!arg)
        return NULL;
    size_t k = strcspn(arg, " \t,");
    snprintf(first, n, "%.*s", (int)(k < n ? k : n - 1), arg);
    const char *r = arg + k;
    r += strspn(r, " \t,");
    *rest = *r ? r : NULL;
    return first;
}

/* Which entry (1 to n): from arg, or asked; 0 when none. */
enum which_for { FOR_OPEN, FOR_NOTE, FOR_MOVE, FOR_REMOVE };

static size_t which(struct line *l, const char *arg, size_t n, enum which_for w)
{
    if (n == 0) {
        line_say(l, 0, _("Your shortlist is empty."));
        return 0;
    }
    if (arg) {
        size_t k = line_number(arg, n);
        if (!k) {
            char *safe = text_sanitize(arg, false);
            line_say(l, 0, _("There is no entry %s: the entries are 1 to %zu."), safe, n);
            free(safe);
        }
        return k;
    }
    if (n == 1)
        return 1;
    char *prompt =
            w == FOR_NOTE   ? xasprintf(_("Write a note on which entry? Type a number from 1 to "
                                            "%zu, or b to go back:"),
                                        n)
            : w == FOR_MOVE ? xasprintf(_("Move which entry? Type a number from 1 to %zu, or b to "
                                          "go back:"),
                                        n)
            : w == FOR_REMOVE
                    ? xasprintf(_("Take off which entry? Type a number from 1 to %zu, or b to go "
                                  "back:"),
                                n)
                    : xasprintf(_("Open which entry? Type a number from 1 to %zu, or b to go "
                                  "back:"),
                                n);
    size_t k = 0;
    for (;;) {
        const char *a = line_ask(l, prompt);
        if (!a || strcasecmp(a, "b") == 0)
            break;
        if ((k = line_number(a, n)))
            break;
        char *safe = text_sanitize(a, false);
        line_say(l, 0, _("There is no entry \"%s\": the entries are 1 to %zu."), safe, n);
        free(safe);
    }
    free(prompt);
    return k;
}

static void note(struct line *l, const struct state_item *it)
{
    if (it->note && it->note[0])
        line_say(l, 2, _("The note on %s: %s"), it->name, it->note);
    else
        line_say(l, 0, _("%s has no note."), it->name);
    const char *a = line_ask(l, _("Type the note, a single - to remove it, or Enter alone to keep "
                                  "it as it is:"));
    if (!a || !*a) {
        if (a)
            line_say(l, 0, _("The note is kept as it was."));
        return;
    }
    const char *text = strcmp(a, "-") == 0 ? "" : a;
    struct err e = {0};
    if (state_set_note(l->state, it->id, it->kind, text, &e) != 0)
        line_say(l, 0, _("The note was not saved: %s"), e.msg);
    else
        line_say(l, 0, text[0] ? _("Note saved on %s.") : _("Note removed from %s."), it->name);
}

static void move(struct line *l, size_t from, const char *to_arg, size_t n,
                 const struct state_item *it)
{
    size_t to = 0;
    if (to_arg && !(to = line_number(to_arg, n))) {
        char *safe = text_sanitize(to_arg, false);
        line_say(l, 0, _("There is no place %s: the places are 1 to %zu."), safe, n);
        free(safe);
    }
    if (!to) {
        char *prompt = xasprintf(_("Move %s from place %zu to which place? Type a number from 1 to "
                                   "%zu, or b to go back:"),
                                 it->name, from, n);
        for (;;) {
            const char *a = line_ask(l, prompt);
            if (!a || strcasecmp(a, "b") == 0)
                break;
            if ((to = line_number(a, n)))
                break;
            char *safe = text_sanitize(a, false);
            line_say(l, 0, _("There is no place \"%s\": the places are 1 to %zu."), safe, n);
            free(safe);
        }
        free(prompt);
    }
    if (!to)
        return;
    struct err e = {0};
    if (state_move(l->state, from - 1, (int)to - (int)from, &e) != 0)
        line_say(l, 0, _("The shortlist was not changed: %s"), e.msg);
    else
        line_say(l, 0, _("%s is now at place %zu of %zu."), it->name, to, n);
}

static void remove_entry(struct line *l, const struct state_item *it, size_t left)
{
    struct err e = {0};
    if (state_remove(l->state, it->id, it->kind, &e) != 0) {
        line_say(l, 0, _("The shortlist was not changed: %s"), e.msg);
        return;
    }
    char *count = line_entries(left);
    line_say(l, 0, _("Taken off your shortlist: %s%s. It has %s; u puts it back."), it->name,
             it->note && it->note[0] ? _(", with its note") : "", count);
    free(count);
}

void line_shortlist(struct line *l)
{
    bool again = true, menu = true;
    while (!line_leaving(l)) {
        /* Read from the file each time, so a change made on the screen meanwhile shows. */
        struct state_item *v = NULL;
        size_t n = 0;
        struct err e = {0};
        if (state_items(l->state, l->st, &v, &n, &e) != 0) {
            line_say(l, 0, _("Your shortlist cannot be read: %s"), e.msg);
            return;
        }
        localize_names(l, v, n);
        if (again) {
            show(l, v, n);
            again = false;
        }
        if (menu) {
            line_menu_once(l, _("Commands on your shortlist:"), line_shortlist_cmds);
            menu = false;
        }
        char range[64];
        char *prompt =
                n ? xasprintf(_("Type %s to open an entry, n to write a note, o to move one, "
                                "d to take one off, or b to go back (m lists every "
                                "command):"),
                              line_range(range, sizeof range, n))
                  : xstrdup(_("Type b to go back (m lists every command):"));
        const char *arg, *rest;
        char first[32];
        enum line_cmd c = line_command(l, _("Commands on your shortlist:"), line_shortlist_cmds,
                                       prompt, &arg);
        free(prompt);
        size_t k;
        bool reenter;
        switch (c) {
        case CMD_NONE: break;
        case CMD_NUMBER:
            if (!(k = which(l, arg, n, FOR_OPEN)))
                break;
            if (!v[k - 1].listed) {
                line_say(l, 0, _("%s is no longer in the data; its name and note are kept here."),
                         v[k - 1].name);
            } else {
                char *t = xasprintf("%s:%s", v[k - 1].kind, v[k - 1].id);
                line_entry(l, t);
                free(t);
                again = true;
            }
            break;
        case CMD_NOTE:
            if ((k = which(l, arg, n, FOR_NOTE)))
                note(l, &v[k - 1]);
            break;
        case CMD_MOVE:
            if (n == 1) {
                line_say(l, 0, _("There is only one entry: nothing to move."));
            } else if ((k = which(l, split(arg, first, sizeof first, &rest), n, FOR_MOVE))) {
                move(l, k, rest, n, &v[k - 1]);
            }
            break;
        case CMD_REMOVE:
            if ((k = which(l, arg, n, FOR_REMOVE)))
                remove_entry(l, &v[k - 1], n - 1);
            break;
        case CMD_UNDO: line_undo(l); break;
        case CMD_AGAIN: again = true; break;
        case CMD_SHORTLIST: line_say(l, 0, _("You are on your shortlist already.")); break;
        case CMD_BACK: state_items_destroy(v, n); return;
        default:
            if (line_everywhere_do(l, c, &reenter) && reenter)
                again = true;
            break;
        }
        state_items_destroy(v, n);
    }
}
