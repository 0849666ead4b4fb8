/* ui.c: the interactive program's start-up and shut-down: the line mode or full screen, the
 * store, the person's state, the terminal. */
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "app.h"
#include "draw.h"
#include "glyph.h"
#include "i18n.h"
#include "kiosk.h"
#include "loop.h"
#include "plain.h"
#include "query.h"
#include "session.h"
#include "store.h"
#include "text.h"
#include "util.h"

static const char *env(const char *name)
{
    return getenv(name);
}

/* The forms of symbols and text the terminal can show, and what it does with web addresses. */
static void setup_glyphs(bool kiosk)
{
    bool ascii = glyph_needs_ascii(getenv("TERM"), text_locale_utf8());
    glyph_set_ascii(ascii);
    text_set_ellipsis(ascii ? glyph_table[GLYPH_ELLIPSIS].ascii : NULL);
    draw_set_ascii_text(!text_locale_utf8());
    /* A kiosk opens no link and leaves nothing to copy: curses alone draws it. */
    bool rewrap = !kiosk && tigetflag("am") > 0;
    draw_links_setup(!kiosk && draw_hyperlinks_supported(env), rewrap);
}

static void give_terminal_back(void)
{
    endwin();
}

static bool want_color(const struct options *o)
{
    const char *nc = getenv("NO_COLOR");
    return !o->no_color && !(nc && nc[0]);
}

/* The shortlist's state: the person's file, or memory in a kiosk or when the file cannot be
 * used (said in the notice). */
static struct state *open_state(struct app *app)
{
    struct state *st = NULL;
    struct err e = {0};
    if (!app->kiosk) {
        char *path = state_default_path();
        if (path && state_open(path, &st, &e) != 0)
            app_notice(app, _("Your shortlist cannot be saved (%s); it lasts until you quit."),
                       e.msg);
        else if (st && state_waiting(st))
            app_notice(app, "%s",
                       _("Another program holds your shortlist's file; what you do is kept and "
                         "saved to it once it is free."));
        free(path);
    }
    if (!st && state_open(NULL, &st, &e) != 0) {
        session_report(&e); /* memory itself failed: nothing to fall back on */
        return NULL;
    }
    return st;
}

static void app_finish(struct app *app)
{
    stack_clear(&app->stack);
    free(app->title);
    free(app->as_of);
    state_destroy(app->state);
    store_destroy(app->store);
    mem_wipe(app->pin_hash, sizeof app->pin_hash);
}

/* The store, the filters the command line gave, the state and the kiosk's PIN; 0 or an exit
 * status. */
static int app_start(struct app *app, const struct options *o)
{
    char *notice = NULL;
    /* What the --db file is just before it is opened: a replacement from then on is new. */
    if (app->kiosk)
        kiosk_data_init(&app->data, o->db);
    int rc = session_open_store(o, true, &app->store, &notice);
    if (rc)
        return rc;
    struct query q = {0};
    char *region = NULL;
    rc = session_resolve_filters(app->store, o, &q, &region);
    if (rc) {
        store_destroy(app->store);
        app->store = NULL;
        free(notice);
        return rc;
    }
    if (region)
        snprintf(app->f.region, sizeof app->f.region, "%s", region);
    if (q.n_goals)
        snprintf(app->f.goal, sizeof app->f.goal, "%s", q.goals[0]);
    free(region);
    app->title = store_meta_in(app->store, "title", i18n_lang());
    app->as_of = store_meta(app->store, "as_of");
    query_old_cutoff(app->old_before, sizeof app->old_before, (long long)time(NULL));
    struct err old_err = {0};
    if (query_count_older(app->store, app->old_before, &app->n_old, &old_err) != 0)
        app->n_old = 0; /* the lists say what cannot be read */
    if (notice)
        app_notice(app, "%s", notice);
    free(notice);
    app->state = open_state(app);
    if (!app->state) {
        app_finish(app);
        return EXIT_IOERR;
    }
    struct err e = {0};
    if (state_load_profile(app->state, &app->prof, &e) != 0)
        /* TRANSLATORS: %s is why. */
        app_notice(app, _("Your saved answers could not be read: %s"), e.msg);
    if (app->kiosk) {
        char why[512];
        kiosk_load_pin(app->pin_hash, sizeof app->pin_hash, why, sizeof why);
        /* For the operator, before curses starts (the journal under systemd). The kiosk runs
         * all the same: a public terminal is better locked with no way out than dead (and
         * restarted by systemd every second); the operator still has systemctl. */
        if (why[0]) {
            char *safe = text_sanitize(why, false);
            fprintf(stderr,
                    /* TRANSLATORS: %s is what is wrong with the PIN file; Ctrl-X is a key's name.
                     */
                    _("itpnav: %s; Ctrl-X does nothing until it is fixed (no way out from "
                      "the keyboard)\n"),
                    safe);
            free(safe);
        }
        kiosk_clock_init(&app->clock);
    }
    return 0;
}

int ui_main(const struct options *o)
{
    /* A kiosk ignores the keyboard's signals from the very start, before curses. */
    if (o->kiosk)
        kiosk_ignore_signals();
    const char *term = getenv("TERM");
    bool plain = o->plain || !term || strcmp(term, "dumb") == 0 || !isatty(STDIN_FILENO) ||
                 !isatty(STDOUT_FILENO);
    if (plain && o->kiosk) {
        fputs(_("itpnav: --kiosk needs a full-screen terminal (standard input and output a "
                "terminal whose TERM is known); it has no line-by-line mode\n"),
              stderr);
        return EXIT_USAGE;
    }
    if (plain)
        return plain_main(o);

    struct app app = {.opt = o, .kiosk = o->kiosk, .countdown = -1};
    snprintf(app.start_lang, sizeof app.start_lang, "%s", i18n_lang());
    int rc = app_start(&app, o);
    if (rc)
        return rc;

    /* newterm, not initscr: an unknown TERM falls back to the line mode instead of exiting. */
    errno = 0;
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        int why = errno;
        /* ncurses looks in several places for the terminal's description, and the errno of a
         * failed open is gone by the time it gives up: see whether a file can be opened at
         * all. */
        int probe = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (probe < 0)
            why = errno;
        else
            close(probe);
        app_finish(&app);
        if (resource_errno(why)) {
            /* The terminal is fine; the system refused (ulimit -n, memory): say that, not that
             * the terminal is unknown. */
            /* TRANSLATORS: %s is the system's reason. */
            fprintf(stderr, _("itpnav: cannot start the screen: %s\n"), strerror(why));
            return EXIT_OSERR;
        }
        if (o->kiosk) {
            fputs(_("itpnav: this terminal type is unknown; --kiosk needs a full-screen "
                    "terminal\n"),
                  stderr);
            return EXIT_USAGE;
        }
        fputs(_("itpnav: this terminal type is unknown; using the line-by-line mode\n"), stderr);
        return plain_main(o);
    }
    /* raw in a kiosk: Ctrl-C, Ctrl-Z, Ctrl-\\ and Ctrl-S arrive as plain keys, not signals or
     * flow control. */
    if (app.kiosk)
        raw();
    else
        cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    setup_glyphs(app.kiosk);
    app.color = want_color(o);
    draw_init_colors(app.color);
    app.mouse = !o->no_mouse;
    if (app.mouse) {
        mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                          | BUTTON5_PRESSED
#endif
                  ,
                  NULL);
        mouseinterval(200);
    }
    /* Out of memory from here on, the terminal is given back before the message. */
    out_of_memory_hook(give_terminal_back);
    loop_run(&app);
    bool gone = app.input_gone;
    endwin();
    out_of_memory_hook(NULL);
    rc = session_save_state(app.state);
    app_finish(&app);
    delscreen(screen);
    text_set_ellipsis(NULL);
    if (gone) {
        fputs(_("itpnav: the terminal was closed; everything saved is kept\n"), stderr);
        return EXIT_IOERR;
    }
    return rc;
}
