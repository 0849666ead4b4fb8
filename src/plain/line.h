/* line.h: what the files of the line-by-line mode share: the session (store, state, answers,
 * filters), output written for listening, answers read a line at a time, the command tables
 * that write both the menus and the help, and the tasks. No curses, no screen code. */
#ifndef ITPNAV_LINE_H
#define ITPNAV_LINE_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "profile.h"
#include "query.h"
#include "state.h"
#include "store.h"
#include "terms.h"
#include "vocab.h"

/* Entries a list shows at once, and choices a question shows at once. */
#define LINE_PAGE        10
#define LINE_CHOICE_PAGE 20
/* How deep tasks may open one another (the shortlist from an entry from the results...) before
 * the next one is opened from the main menu instead. */
#define LINE_MAX_DEPTH 24

/* A task opened from anywhere (w, l): reached through the main menu when too deep. */
enum line_task { TASK_NONE, TASK_PATH, TASK_SHORTLIST };

struct line_cmd_def;

struct line {
    struct store *st;
    struct state *state;
    struct profile prof;
    /* The filters every list uses: as the screen's (where you live is also the answer). */
    char region[65], goal[65], service[65];
    unsigned delivery, kinds;
    char search[256];
    int width;      /* columns to wrap to */
    bool echo;      /* standard input is not a terminal: end each answer's line ourselves */
    bool eof, quit; /* the end of input, or q: every task returns */
    bool home;      /* h: every task returns to the main menu */
    enum line_task pending;
    int depth;
    const struct line_cmd_def *told[16]; /* the views whose commands were read already */
    size_t n_told;
    char *buf; /* the last answer read (getline's buffer) */
    size_t cap;
};

/* True when the current task must return: the end of input, q, h or a task waiting. */
bool line_leaving(const struct line *l);

/* ---- output (io.c): wrapped to l->width, made safe, symbols in words ---- */

/* One paragraph: text wrapped, the first line after indent spaces, the others after hang. */
void line_put(struct line *l, int indent, int hang, const char *text);
/* The same from printf-style arguments, at the left margin, later lines after hang spaces. */
void line_say(struct line *l, int hang, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* An empty line: before a new view or section, never inside one. */
void line_blank(struct line *l);
/* A URL (or any one long token) whole on a line of its own, never wrapped. */
void line_url(struct line *l, const char *url);
/* True when s is a web address: http:// or https:// and no space. */
bool line_is_url(const char *s);
/* A count of things in words: "1 entry", "3 entries", "no entries". A new string. */
char *line_count(size_t n, const char *one, const char *many);
/* A count of entries in the reader's language: "1 entry", "3 entries", "no entries". A new
 * string. */
char *line_entries(size_t n);

/* What a numbered link opens: an entry (target "pathway:ID", "support:ID" or "ID") or a URL. */
struct line_link {
    char *target, *url;
};
struct line_links {
    struct line_link *v;
    size_t n;
};
/* Free the links and empty k. */
void line_links_finish(struct line_links *k);

/* Write a doc for listening: no underlines, lists without bullets, fields as "Label: value",
 * every URL whole on its own line. With links, URLs and linked entries are numbered ("Link 3")
 * in the order they come, and added to it. */
void line_doc(struct line *l, const struct doc *d, struct line_links *links);

/* ---- input (io.c) ---- */

/* Print prompt (wrapped; it ends with what can be typed) and read one answer, trimmed; NULL at
 * the end of input (then l->eof is set). A line of any length is one answer. The string stays
 * valid until the next call. */
const char *line_ask(struct line *l, const char *prompt);

/* A whole number from 1 to max in s (digits only): the number, or 0. */
size_t line_number(const char *s, size_t max);

/* ---- choices (choose.c): a numbered list to choose one or several from ---- */

struct line_choice {
    char *value, *label;
    char *name;     /* what typing matches: the label without a region's parent */
    bool exclusive; /* goes alone: "None of these yet", "Skip" */
};
struct line_choices {
    struct line_choice *v;
    size_t n;
};
/* Add a choice (strings copied; name NULL: the label). */
void line_choices_add(struct line_choices *c, const char *value, const char *label,
                      const char *name, bool exclusive);
/* Add the values of t, a region as "Toronto, in Ontario"; false when the store cannot list them
 * (then the reason is said). */
bool line_choices_vocab(struct line *l, struct line_choices *c, enum vocab t);
/* Add the values of a closed vocabulary, in a menu's words (terms_choice); only as terms_list. */
void line_choices_terms(struct line_choices *c, const struct terms *set, unsigned only);
/* Free the choices and empty c. */
void line_choices_finish(struct line_choices *c);

struct line_choose_opts {
    const char *title;   /* the question, printed first */
    const char *explain; /* a sentence about it, or NULL */
    const char *now;     /* "Your answer now: 3 years.", or NULL */
    const char *keep;    /* what Enter alone does ("keep your answer"); NULL: nothing */
    const char *back;    /* what b does ("stop the questions") */
    bool multi;          /* several may be chosen: "1 3" */
    bool find;           /* part of a name narrows the list */
    bool regions;        /* a place's name, id or alias is found through vocab, with "did you
                            mean" */
    /* What else a typed answer may be (the exams by name): 1 with the indices in chosen and
     * *n, 0 when typed is not that, -1 when it was and was said to be wrong (asked again). */
    int (*by_name)(struct line *l, const struct line_choices *c, const char *typed, size_t *chosen,
                   size_t *n);
};
enum line_chosen { CHOSEN, CHOSEN_KEEP, CHOSEN_BACK, CHOSEN_LEAVE };
/* Say the question and its choices, and read the answer until it is one: the indices chosen go
 * into chosen (room for c->n), how many into *n. CHOSEN_KEEP for Enter alone (when o->keep),
 * CHOSEN_BACK for b, CHOSEN_LEAVE at the end of input, for q and h. */
enum line_chosen line_choose(struct line *l, const struct line_choose_opts *o,
                             const struct line_choices *c, size_t *chosen, size_t *n);

/* Whether the answer a is one of the words that leave a question (b or back, q or quit, h or
 * home, any case): *r is what the question returns (CHOSEN_BACK, else CHOSEN_LEAVE with l->quit
 * or l->home set). */
bool line_leave_word(struct line *l, const char *a, enum line_chosen *r);

/* ---- commands (io.c): one table a view, which writes its menu and the help ---- */

enum line_cmd {
    CMD_NONE,
    CMD_NUMBER, /* a number: what it means is the view's */
    /* everywhere */
    CMD_MENU,
    CMD_BACK,
    CMD_HOME,
    CMD_PATH,
    CMD_SHORTLIST,
    CMD_HANDOUT,
    CMD_NEW_CLIENT,
    CMD_QUIT,
    /* in some views */
    CMD_NEXT,
    CMD_PREV,
    CMD_SEARCH,
    CMD_CLEAR,
    CMD_REGION,
    CMD_GOAL,
    CMD_SERVICE,
    CMD_DELIVERY,
    CMD_KIND,
    CMD_SAVE,
    CMD_UNDO,
    CMD_AGAIN,
    CMD_NOTE,
    CMD_MOVE,
    CMD_REMOVE,
    CMD_ASK_ALL,
};

/* One command: the letter typed (matched exactly first, then ignoring case unless the table's
 * letter is a capital), a word that does the same (or NULL), and what it does, for the menu and
 * the help ("the next page"; NULL: not said). "#" stands for a number, "1" to "9" for a menu's
 * items. A NULL letter ends a table. */
struct line_cmd_def {
    const char *letter, *word;
    enum line_cmd cmd;
    const char *says;
};

/* The commands every view takes (b, h, w, l, e, N, m, q), last in each view's table. */
extern const struct line_cmd_def line_everywhere[];

/* Read an answer to prompt and find its command in table (then line_everywhere): its argument
 * (after the letter, or the number itself) in *arg. Something no command is gets a sentence
 * saying so and the prompt again. CMD_NONE at the end of input. m and ? print the menu (title
 * and table) and ask again. */
enum line_cmd line_command(struct line *l, const char *title, const struct line_cmd_def *table,
                           const char *prompt, const char **arg);

/* Print a view's commands: its own, then one line for those that work everywhere. */
void line_menu(struct line *l, const char *title, const struct line_cmd_def *table);
/* The same the first time a view is entered in a session; afterwards its prompt names m. */
void line_menu_once(struct line *l, const char *title, const struct line_cmd_def *table);

/* "1" when n is 1, else "a number from 1 to N", into buf: what a prompt asks to type. */
const char *line_range(char *buf, size_t size, size_t n);

/* Do a command that works everywhere. Returns true when it was one (then the view prints itself
 * again if *reenter). */
bool line_everywhere_do(struct line *l, enum line_cmd c, bool *reenter);

/* ---- the tasks ---- */

/* Open a task from a view (through the main menu when too deep). */
void line_open_task(struct line *l, enum line_task t);

/* A list of supports or pathways with the filters (browse.c). */
void line_browse(struct line *l, unsigned kinds);
/* The filter pickers r, g, s, d, t (browse.c): set what the person chose; true when they chose
 * (not when they went back or kept it). */
bool line_pick_filter(struct line *l, enum line_cmd c);
/* One entry, its links opened in place (browse.c); target as struct line_link's. */
void line_entry(struct line *l, const char *target);
/* Put the entry target names on the shortlist, or take it off (browse.c); says so. */
void line_toggle_saved(struct line *l, const char *target);
/* Put back the entry taken off last (browse.c); says so. */
void line_undo(struct line *l);
/* The words for the filters in force: "Where you live: Toronto. Goal: any." (browse.c). */
char *line_filters_words(struct line *l, unsigned kinds);

/* "What's my path?": the questions, then the results (questions.c, results.c). */
void line_questions(struct line *l);
/* The results counted by verdict: "0 fit, 1 meets the rules on record, 2 to check, 0 not yet"
 * (the context entries are not judged). A new string. */
struct match;
char *line_counts(const struct match *m, size_t n);
void line_results(struct line *l);

/* The shortlist (shortlist.c). */
void line_shortlist(struct line *l);

/* The handout (handout.c) and starting again for a new client (menu.c). */
void line_handout(struct line *l);
void line_new_client(struct line *l);

/* The help: conventions and every view's commands (menu.c). */
void line_help(struct line *l);

/* The command tables of the views, for the help. */
extern const struct line_cmd_def line_main_cmds[], line_list_cmds[], line_entry_cmds[],
        line_results_cmds[], line_questions_cmds[], line_shortlist_cmds[];

#endif
