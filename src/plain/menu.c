/* menu.c: the line-by-line mode's start (the store, the shared state file, the answers), its main
 * menu, About, Help and starting again for a new client. */
#include "plain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "line.h"
#include "text.h"
#include "util.h"

const struct line_cmd_def line_main_cmds[] = {
        {"1", NULL, CMD_NUMBER, N_("Find supports")},
        {"2", NULL, CMD_NUMBER, N_("Pathways to practice")},
        {"3", NULL, CMD_NUMBER, N_("What's my path? Nine questions, then which pathways fit")},
        {"4", NULL, CMD_NUMBER, N_("Your shortlist, with notes")},
        {"5", NULL, CMD_NUMBER, N_("About the data")},
        {"6", NULL, CMD_NUMBER, N_("Help")},
        {"r", NULL, CMD_REGION, N_("say where you live")},
        {"g", NULL, CMD_GOAL, N_("choose your goal")},
        {NULL, NULL, CMD_NONE, NULL},
};

#define MAIN_ITEMS 6

/* The width to wrap to: COLUMNS when it is a number from 20 (less counts as 20) to 1000, else
 * 80. Not the terminal's: a screen reader reads lines, and COLUMNS is what a person sets. */
static int wrap_width(void)
{
    const char *c = getenv("COLUMNS");
    char *end;
    long w = c && *c ? strtol(c, &end, 10) : 0;
    if (!c || !*c || *end || w <= 0 || w > 1000)
        return 80;
    return w < 20 ? 20 : (int)w;
}

/* The state file the screen uses, or memory when it cannot be used (said). */
static struct state *open_state(struct line *l)
{
    struct state *s = NULL;
    struct err e = {0};
    char *path = state_default_path();
    if (path && state_open(path, &s, &e) != 0)
        line_say(l, 0, _("Your shortlist cannot be saved (%s); it lasts until you quit."), e.msg);
    else if (s && state_waiting(s))
        line_say(l, 0,
                 _("Another program holds your shortlist's file; what you do is kept and "
                   "saved to it once it is free."));
    free(path);
    if (!s && state_open(NULL, &s, &e) != 0)
        fprintf(stderr, "itpnav: %s\n", e.msg);
    return s;
}

/* "as of DATE" in the reader's language, by the date's precision (French: "en date du 1er
 * décembre 2026", "en date de décembre 2026"). A new string. */
static char *as_of_words(const char *as_of)
{
    if (!as_of)
        return xstrdup(_("as of an unknown date"));
    return i18n_dated(as_of, C_("as of a day", "as of %s"), C_("as of a month", "as of %s"),
                      C_("as of a year", "as of %s"));
}

static void about(struct line *l)
{
    const char *lang = i18n_french() ? i18n_lang() : NULL;
    char *title = store_meta_in(l->st, "title", lang), *notes = store_meta_in(l->st, "notes", lang);
    char *publisher = store_meta(l->st, "publisher"), *license = store_meta(l->st, "license");
    char *as_of = store_meta(l->st, "as_of");
    line_blank(l);
    line_put(l, 0, 0, title ? title : "itpnav");
    if (notes)
        line_put(l, 0, 0, notes);
    line_blank(l);
    line_say(l, 0, _("About this data"));
    char *dated = as_of_words(as_of);
    /* TRANSLATORS: %s is "as of DATE" (its own message, by the date's precision). */
    line_say(l, 0,
             _("The data is %s. Each entry names its source and the date the source "
               "gave; check with the organisation before you rely on it."),
             dated);
    free(dated);
    if (publisher)
        line_say(l, 2, _("Compiled by: %s"), publisher);
    if (license)
        line_say(l, 2, _("Licence: %s"), license);
    line_say(l, 2, _("Data file: %s"), store_origin(l->st));
    struct vocab_list sources;
    struct err e = {0};
    line_blank(l);
    if (vocab_list(l->st, VOCAB_SOURCE, &sources, &e) != 0) {
        vocab_list_finish(&sources);
        line_say(l, 0, _("The sources cannot be read: %s"), e.msg);
    } else {
        vocab_list_localize(l->st, VOCAB_SOURCE, &sources, lang);
        line_say(l, 0, _("Sources: %zu."), sources.n);
        for (size_t i = 0; i < sources.n; i++) {
            const struct vocab_item *s = &sources.v[i];
            struct sb b = {0};
            sb_addf(&b, "%zu. %s.", i + 1, s->name ? s->name : s->id);
            if (s->publisher)
                sb_addf(&b, _(" Publisher: %s."), s->publisher);
            if (s->as_of) {
                char *when = i18n_date(s->as_of);
                sb_addf(&b, _(" As of: %s."), when);
                free(when);
            }
            line_put(l, 0, 4, sb_str(&b));
            sb_finish(&b);
            if (s->url)
                line_url(l, s->url);
        }
    }
    vocab_list_finish(&sources);
    free(title);
    free(notes);
    free(publisher);
    free(license);
    free(as_of);
}

static void help_table(struct line *l, const char *title, const struct line_cmd_def *t)
{
    line_blank(l);
    line_put(l, 0, 0, title);
    for (; t->letter; t++) {
        const char *says = t->says ? _(t->says) : NULL;
        if (!t->says)
            continue;
        if (strcmp(t->letter, "#") == 0)
            line_say(l, 4, _("A number: %s"), says);
        else if (t->word)
            /* TRANSLATORS: a command in the line mode's help: its letter, its word, what it
             * does ("c (or again): this page again"). */
            line_say(l, 4, _("%s (or %s): %s"), t->letter, t->word, says);
        else
            /* TRANSLATORS: a command in the line mode's help or menu: its letter (or number)
             * and what it does ("r: say where you live"). */
            line_say(l, 4, _("%s: %s"), t->letter, says);
    }
}

void line_help(struct line *l)
{
    line_blank(l);
    line_say(l, 0, _("Help: the line-by-line mode."));
    line_say(l, 0,
             _("itpnav asks one thing at a time and waits for a line: type a number or a "
               "letter, then press Enter. Each question ends with what you can type. A menu "
               "is read when you enter it, and again when you type m (or ?). A wrong answer "
               "is explained and asked again, where you are. A letter may be followed by a "
               "number: a 3 saves entry 3. Letters work in small or capital letters, but N "
               "(a new client) is a capital. Enter alone asks again, or keeps an answer as "
               "it is. The end of the input (Ctrl-D) quits. Nothing here is shown by a "
               "symbol alone: saved entries say saved, and the reasons of a result say met, "
               "not yet or unknown."));
    help_table(l, _("In the main menu:"), line_main_cmds);
    help_table(l, _("In the list of supports:"), line_list_cmds);
    help_table(l, _("In an entry:"), line_entry_cmds);
    help_table(l, _("In What's my path?:"), line_questions_cmds);
    help_table(l, _("In the results:"), line_results_cmds);
    help_table(l, _("On your shortlist:"), line_shortlist_cmds);
    help_table(l, _("Everywhere:"), line_everywhere);
    line_blank(l);
    line_say(l, 0,
             _("In a question: a number chooses; where several can be chosen, type them all "
               "(1 3). In a long list, type part of a place's name to find it, and n and p "
               "for the pages. Enter alone keeps your answer; a question of years takes a "
               "number, or s to skip it; b stops the questions, keeping the answers so far."));
    line_say(l, 0,
             _("In the pathways, the same letters as in the supports work, but s, d and t: "
               "pathways have no kind of help, delivery or type."));
}

void line_new_client(struct line *l)
{
    char *count = line_entries(state_count(l->state));
    char *title = xasprintf(_("Start again for a new client? This clears the filters, the search, "
                              "the answers, the shortlist (%s) and its notes."),
                            count);
    free(count);
    struct line_choices c = {0};
    line_choices_add(&c, "export", _("Make the handout first"), NULL, false);
    line_choices_add(&c, "clear", _("Clear everything now"), NULL, false);
    line_choices_add(&c, "cancel", _("Cancel"), NULL, false);
    struct line_choose_opts o = {.title = title, .back = _("cancel")};
    size_t chosen[3], k = 0;
    line_blank(l);
    enum line_chosen r = line_choose(l, &o, &c, chosen, &k);
    free(title);
    line_choices_finish(&c);
    if (r != CHOSEN || chosen[0] == 2) {
        if (!line_leaving(l))
            line_say(l, 0, _("Nothing was cleared."));
        return;
    }
    if (chosen[0] == 0) {
        line_handout(l);
        if (!line_leaving(l))
            line_say(l, 0, _("After the handout, type N again to start for the new client."));
        return;
    }
    l->region[0] = l->goal[0] = l->service[0] = l->search[0] = '\0';
    l->delivery = l->kinds = 0;
    profile_init(&l->prof);
    struct err e = {0};
    if (state_clear(l->state, &e) != 0)
        line_say(l, 0, "%s", e.msg);
    else
        line_say(l, 0, _("Ready for a new client: filters, answers, shortlist and notes cleared."));
    l->home = true;
}

static void main_menu(struct line *l)
{
    line_blank(l);
    char *filters = line_filters_words(l, KIND_PATHWAY);
    char *count = line_entries(state_count(l->state));
    line_say(l, 0, _("Main menu. %s Your shortlist: %s."), filters, count);
    free(count);
    free(filters);
    line_menu(l, NULL, line_main_cmds);
}

/* The task a command or a number of the main menu opens. */
static void main_do(struct line *l, enum line_cmd c, const char *arg, bool *reenter)
{
    *reenter = true;
    size_t k = c == CMD_NUMBER ? line_number(arg, MAIN_ITEMS) : 0;
    if (c == CMD_NUMBER && !k) {
        line_say(l, 0, _("There is no item %s: the items are 1 to %d."), arg, MAIN_ITEMS);
        *reenter = false;
        return;
    }
    if (c == CMD_NUMBER && k >= 5)
        *reenter = false; /* About and Help print, and the menu's prompt follows */
    switch (k) {
    case 1: line_browse(l, KIND_SUPPORTS); return;
    case 2: line_browse(l, KIND_PATHWAY); return;
    case 3: line_open_task(l, TASK_PATH); return;
    case 4: line_open_task(l, TASK_SHORTLIST); return;
    case 5: about(l); return;
    case 6: line_help(l); return;
    default: break;
    }
    *reenter = false;
    switch (c) {
    case CMD_REGION:
    case CMD_GOAL: {
        line_blank(l);
        if (line_pick_filter(l, c)) {
            char *filters = line_filters_words(l, KIND_PATHWAY);
            line_put(l, 0, 0, filters);
            free(filters);
        }
        break;
    }
    case CMD_BACK:
    case CMD_HOME: line_say(l, 0, _("This is the main menu; q quits.")); break;
    default:
        line_everywhere_do(l, c, reenter);
        /* a new client's empty session starts at the menu */
        *reenter = *reenter || l->home;
        break;
    }
}

/* The shortlist's file was locked at start (state_waiting): try it again between commands, and
 * say when it (or a change, which tries it too) found the file free. Returns whether it still
 * waits. */
static bool say_state_news(struct line *l, bool was_waiting)
{
    if (!was_waiting)
        return false;
    struct err why = {0};
    int rc = state_waiting(l->state) ? state_retry(l->state, &why) : 0;
    if (state_waiting(l->state))
        return true;
    if (rc > 1 || state_in_memory(l->state)) {
        line_say(l, 0, _("Your shortlist cannot be saved (%s); it lasts until you quit."),
                 rc > 1 ? why.msg : _("its file is not usable"));
        return false;
    }
    size_t n = state_count(l->state);
    line_say(l, 0,
             /* TRANSLATORS: %zu is how many entries the shortlist holds. */
             ngettext("Your shortlist's file is free again: %zu entry, with what you saved "
                      "meanwhile, is in it.",
                      "Your shortlist's file is free again: %zu entries, with what you saved "
                      "meanwhile, are in it.",
                      n),
             n);
    if (state_load_profile(l->state, &l->prof, &why) != 0)
        line_say(l, 0, _("Your saved answers could not be read: %s"), why.msg);
    return false;
}

int plain_main(const struct options *o)
{
    struct line l = {.width = wrap_width(), .echo = !isatty(STDIN_FILENO)};
    char *notice = NULL;
    int rc = session_open_store(o, true, &l.st, &notice);
    if (rc)
        return rc;
    struct query q = {0};
    char *region = NULL;
    rc = session_resolve_filters(l.st, o, &q, &region);
    if (rc) {
        store_destroy(l.st);
        free(notice);
        return rc;
    }
    if (region)
        snprintf(l.region, sizeof l.region, "%s", region);
    if (q.n_goals)
        snprintf(l.goal, sizeof l.goal, "%s", q.goals[0]);
    free(region);

    char *title = store_meta_in(l.st, "title", i18n_french() ? i18n_lang() : NULL);
    char *as_of = store_meta(l.st, "as_of");
    char *dated = as_of_words(as_of);
    line_put(&l, 0, 0, title ? title : "itpnav");
    /* TRANSLATORS: %s is "as of DATE" (its own message, by the date's precision). */
    line_say(&l, 0, _("Data %s. Check details with each organisation."), dated);
    free(dated);
    if (notice)
        line_put(&l, 0, 0, notice);
    free(title);
    free(as_of);
    free(notice);
    l.state = open_state(&l);
    if (!l.state) {
        store_destroy(l.st);
        return EXIT_IOERR;
    }
    struct err e = {0};
    profile_init(&l.prof);
    if (state_load_profile(l.state, &l.prof, &e) != 0)
        line_say(&l, 0, _("Your saved answers could not be read: %s"), e.msg);

    bool menu = true, waiting = state_waiting(l.state);
    while (!l.eof && !l.quit) {
        if (l.home) {
            l.home = false;
            menu = true;
        }
        if (l.pending != TASK_NONE) { /* a task asked for too deep down: opened from here */
            enum line_task t = l.pending;
            l.pending = TASK_NONE;
            line_open_task(&l, t);
            menu = true;
            continue;
        }
        waiting = say_state_news(&l, waiting);
        if (menu) {
            main_menu(&l);
            menu = false;
        }
        const char *arg;
        enum line_cmd c = line_command(&l, _("Main menu:"), line_main_cmds,

                                       _("Main menu. Type a number from 1 to 6, or a letter (m "
                                         "lists them):"),

                                       &arg);
        if (c == CMD_NONE)
            break;
        main_do(&l, c, arg, &menu);
    }
    free(l.buf);
    int saved = session_save_state(l.state);
    state_destroy(l.state);
    session_close_store(l.st); /* says so if a damaged cache was rebuilt meanwhile */
    if (fflush(stdout) != 0 || ferror(stdout))
        return EXIT_IOERR;
    return saved;
}
