/* loop.c: the main loop: the only reader of input. It catches resizes, draws the frame (the
 * bars, the screens, the kiosk's countdown), keeps the idle clock, and applies the results of
 * the screens' handlers to the stack. */
#include "loop.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <syslog.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "draw.h"
#include "glyph.h"
#include "home.h"
#include "i18n.h"
#include "mono.h"
#include "query.h"
#include "store.h"
#include "text.h"

#define MIN_COLS  40
#define MIN_LINES 12

/* The kiosk's countdown shows for the last quarter of the idle time, and at most for these
 * last seconds before the reset: a reader keeps most of the time undisturbed. */
#define COUNTDOWN_SECONDS 20

/* How long a read waits for a key before the terminal's size (and a kiosk's idle time) is
 * checked again. */
#define RESIZE_POLL_MS 250

/* The longest the screen goes undrawn while keys keep coming faster than they are handled. */
#define TYPEAHEAD_MAX_MS 100

/* How many screens may open one another at once (a wizard opening its first question). */
#define MAX_OPEN_CHAIN 4

static void open_home(struct app *app)
{
    stack_push(&app->stack, &screen_home, home_create(app));
}

/* Do what a handler asked; true to quit. */
static bool apply(struct app *app, struct result r, int chain)
{
    if (r.flags & R_POP)
        stack_pop(&app->stack);
    if (r.flags & R_RESTART) {
        /* Every screen goes, home too: its selection and scroll start over. */
        stack_clear(&app->stack);
        open_home(app);
    } else if (r.flags & R_HOME) {
        while (app->stack.depth > 1)
            stack_pop(&app->stack);
    }
    bool quit = (r.flags & R_QUIT) != 0;
    if ((r.flags & R_PUSH) && r.screen) {
        stack_push(&app->stack, r.screen, r.state);
        if (r.screen->on_open && chain < MAX_OPEN_CHAIN)
            quit |= apply(app, r.screen->on_open(app, r.state), chain + 1);
    }
    return quit;
}

/* ---- drawing the frame ---- */

/* The top bar: the screen's name on the left; where, the goal and the shortlist's count on the
 * right. When they do not all fit, whole parts go, the goal first: the count of saved entries
 * and the screen's name stay. */
static void draw_title_bar(struct app *app)
{
    const struct frame *top = stack_top(&app->stack);
    const char *sep = glyph(GLYPH_SEP);
    char where[512], goal[512], place[600], aim[600], star[48] = "";
    /* TRANSLATORS: the title bar: %s is a region's name, or "anywhere". */
    snprintf(place, sizeof place, _("Where: %s"), app_region_name(app, where, sizeof where));
    /* TRANSLATORS: the title bar: %s is a goal's name, or "any". */
    snprintf(aim, sizeof aim, _("Goal: %s"), app_goal_name(app, goal, sizeof goal));
    size_t saved = app->state ? state_count(app->state) : 0;
    if (saved)
        snprintf(star, sizeof star, "%s %zu", glyph(GLYPH_SAVED), saved);
    const char *parts[3] = {place, aim, star};
    char left[256], right[1400];
    for (int tries = 0;; tries++) {
        /* 0: everything; 1: no goal; 2: no place either; 3: and no "itpnav". */
        snprintf(left, sizeof left, " %s%s%s", tries < 3 ? "itpnav " : "", tries < 3 ? sep : "",
                 tries < 3 ? " " : "");
        snprintf(left + strlen(left), sizeof left - strlen(left), "%s", _(top->screen->name));
        right[0] = '\0';
        for (int i = 0; i < 3; i++) {
            if ((i == 1 && tries >= 1) || (i == 0 && tries >= 2) || !parts[i][0])
                continue;
            size_t len = strlen(right);
            snprintf(right + len, sizeof right - len, "%s%s", len ? " " : "", len ? sep : "");
            len = strlen(right);
            snprintf(right + len, sizeof right - len, "%s%s", len ? " " : "", parts[i]);
        }
        if (right[0])
            strncat(right, " ", sizeof right - strlen(right) - 1);
        if (text_width(left) + 2 + text_width(right) <= COLS || tries == 3)
            break;
    }
    draw_line(0, 0, COLS, ROLE_TITLE, left);
    int rw = text_width(right), lw = text_width(left);
    if (lw + 2 + rw <= COLS)
        draw_text(0, COLS - rw, rw, ROLE_TITLE, right);
    else if (star[0] && lw + 2 + text_width(star) + 1 <= COLS)
        draw_text(0, COLS - text_width(star) - 1, text_width(star), ROLE_TITLE, star);
}

/* The status bar: the screen's keys, each a target a tap presses. */
static void draw_status_bar(struct app *app)
{
    const struct frame *top = stack_top(&app->stack);
    app->n_hints =
            key_hints(top->screen->scope, top->screen->hints, top->screen->n_hints, app->kiosk,
                      COLS, app->hints, sizeof app->hints / sizeof app->hints[0]);
    draw_line(LINES - 1, 0, COLS, ROLE_STATUS, "");
    for (size_t i = 0; i < app->n_hints; i++) {
        const struct key_hint *h = &app->hints[i];
        const char *space = strchr(h->text, ' ');
        int kw = space ? (int)(space - h->text) : (int)strlen(h->text);
        char keyname[64];
        snprintf(keyname, sizeof keyname, "%.*s", kw, h->text);
        int drawn = draw_text(LINES - 1, h->x, COLS - h->x, ROLE_STATUS_KEY, keyname);
        if (space)
            draw_text(LINES - 1, h->x + drawn, COLS - h->x - drawn, ROLE_STATUS, space);
    }
}

/* The notice, on as many rows as it needs (up to NOTICE_MAX_ROWS) above the status bar. */
#define NOTICE_MAX_ROWS 3

static int notice_rows(const struct app *app)
{
    if (!app->notice[0])
        return 0;
    struct text_lines *l = text_wrap(app->notice, COLS > 2 ? COLS - 2 : 1);
    int n = (int)l->n < NOTICE_MAX_ROWS ? (int)l->n : NOTICE_MAX_ROWS;
    text_lines_destroy(l);
    return n < 1 ? 1 : n;
}

static void draw_notice(struct app *app, int rows)
{
    struct text_lines *l = text_wrap(app->notice, COLS > 2 ? COLS - 2 : 1);
    int top = LINES - 1 - rows;
    for (int i = 0; i < rows; i++)
        draw_line(top + i, 0, COLS, ROLE_NOTICE, "");
    for (int i = 0; i < rows && (size_t)i < l->n; i++)
        draw_text(top + i, 1, COLS - 2, ROLE_NOTICE, l->line[i]);
    text_lines_destroy(l);
    app->notice_shown = true;
}

static void draw_too_small(const struct app *app)
{
    erase();
    char msg[128];
    /* TRANSLATORS: the sizes are columns x rows: "40x12". */
    snprintf(msg, sizeof msg, _("Please enlarge the window: itpnav needs %dx%d, this is %dx%d."),
             MIN_COLS, MIN_LINES, COLS, LINES);
    struct text_lines *lines = text_wrap(msg, COLS > 2 ? COLS - 2 : 1);
    for (size_t i = 0; i < lines->n && (int)i < LINES; i++)
        draw_text((int)i, 1, COLS - 1, ROLE_NOTICE, lines->line[i]);
    char quits[64];
    /* TRANSLATORS: %s is a key's name (q). */
    snprintf(quits, sizeof quits, _("%s quits"), key_first(A_QUIT));
    if ((int)lines->n + 1 < LINES && !app->kiosk)
        draw_text((int)lines->n + 1, 1, COLS - 1, ROLE_DIM, quits);
    text_lines_destroy(lines);
    move(0, 0);
    refresh();
}

/* The kiosk's warning, over everything, in words and in reverse video. */
static void draw_countdown(struct app *app, struct rect area)
{
    int y, x;
    getyx(stdscr, y, x);
    char msg[200];
    snprintf(msg, sizeof msg,
             /* TRANSLATORS: a kiosk's warning before it clears everything; %d is seconds. */
             _("Still there? Press any key. Starting over for the next person in %d s."),
             app->countdown);
    /* On one line where it fits; else wrapped, every word whole (the seconds too). */
    struct text_lines *l = text_wrap(msg, area.w - 4 > 1 ? area.w - 4 : 1);
    int tw = 0;
    for (size_t i = 0; i < l->n; i++)
        tw = text_width(l->line[i]) > tw ? text_width(l->line[i]) : tw;
    int w = tw + 4 < area.w ? tw + 4 : area.w;
    int n = (int)l->n;
    int bx = area.x + (area.w - w) / 2, by = area.y + area.h / 2 - (n - 1) / 2;
    draw_line(by - 1, bx, w, ROLE_SELECTED, "");
    for (int i = 0; i < n; i++) {
        draw_line(by + i, bx, w, ROLE_SELECTED, "");
        draw_text(by + i, bx + 2, w - 4, ROLE_SELECTED, l->line[i]);
    }
    draw_line(by + n, bx, w, ROLE_SELECTED, "");
    text_lines_destroy(l);
    move(y, x);
}

/* The screens in area, the lowest first: a dialog draws over the screens beneath it, down to
 * the first that is not one, and what is beneath shows no selection of its own. */
static void draw_screens(struct app *app, struct rect area)
{
    int base = app->stack.depth - 1;
    while (base > 0 && app->stack.frame[base].screen->modal)
        base--;
    for (int i = base; i < app->stack.depth; i++) {
        bool beneath = i < app->stack.depth - 1;
        draw_set_inactive(beneath);
        if (!beneath)
            draw_links_reset(); /* an address beneath a dialog is not written over it */
        app->stack.frame[i].screen->draw(app, app->stack.frame[i].state, area);
    }
    draw_set_inactive(false);
}

static void draw_frame(struct app *app)
{
    /* The screens draw before the bars: a message one of them leaves while drawing (a list that
     * cannot be read) shows in this frame. Such a message needs rows the screens were not
     * given, so the frame is drawn again once with them. */
    for (int pass = 0; pass < 2; pass++) {
        erase();
        draw_links_reset();
        int rows = notice_rows(app);
        /* A screen without a title bar (the QR code's) has that row too. */
        bool no_title = stack_top(&app->stack)->screen->no_title;
        struct rect area = {no_title ? 0 : 1, 0, LINES - (no_title ? 1 : 2) - rows, COLS};
        int y, x;
        draw_screens(app, area);
        getyx(stdscr, y, x);
        /* Drawing queries the store, and a query that found the cache damaged rebuilt it: say
         * so in this frame. */
        char *rebuilt = session_store_notice(app->store);
        if (rebuilt) {
            app_notice(app, "%s", rebuilt);
            free(rebuilt);
        }
        if (notice_rows(app) != rows && pass == 0)
            continue;
        if (!no_title)
            draw_title_bar(app);
        draw_status_bar(app);
        app->notice_rows = rows;
        if (rows)
            draw_notice(app, rows);
        move(y, x); /* the cursor stays where the screen left it: on its selection */
        break;
    }
    if (app->countdown >= 0) {
        draw_links_reset();
        draw_countdown(app, (struct rect){0, 0, LINES, COLS});
    }
    refresh();
    draw_links_flush();
}

/* ---- input ---- */

static struct result dispatch(struct app *app, enum action a, int key)
{
    /* What a kiosk does not offer does nothing there (q says why, in commands). */
    const struct key_def *def = key_def_of(a);
    if (app->kiosk && def && (def->flags & KEYF_NOT_KIOSK) && a != A_QUIT)
        a = A_NONE;
    struct frame *top = stack_top(&app->stack);
    struct result r = top->screen->on_key(app, top->state, a, key);
    if (r.flags != R_IGNORED)
        return r;
    return commands_run(app, a);
}

static struct result handle_mouse(struct app *app)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return result_of(R_IGNORED);
    enum action wheel = A_NONE;
    if (ev.bstate & BUTTON4_PRESSED)
        wheel = A_UP;
#ifdef BUTTON5_PRESSED
    if (ev.bstate & BUTTON5_PRESSED)
        wheel = A_DOWN;
#endif
    if (wheel != A_NONE) {
        struct result r = result_of(R_REDRAW);
        for (int i = 0; i < 3; i++)
            r = result_then(r, dispatch(app, wheel, 0));
        return r;
    }
    if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED)))
        return result_of(R_IGNORED);
    if (ev.y == LINES - 1) {
        /* A tap on a hint of the status bar presses its key. */
        for (size_t i = 0; i < app->n_hints; i++)
            if (ev.x >= app->hints[i].x && ev.x < app->hints[i].x + app->hints[i].w)
                return result_then(result_of(R_REDRAW),
                                   dispatch(app, app->hints[i].action, app->hints[i].key));
        return result_of(R_IGNORED);
    }
    if (app->notice_rows && ev.y >= LINES - 1 - app->notice_rows)
        return result_of(R_REDRAW); /* a tap on the message puts it away */
    if (ev.y == 0)
        return result_of(R_IGNORED);
    struct frame *top = stack_top(&app->stack);
    if (!top->screen->on_click)
        return result_of(R_IGNORED);
    return top->screen->on_click(app, top->state, ev.y, ev.x,
                                 (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0);
}

/* What read_key returns besides keys. */
#define KEY_NOTHING (-1) /* no key came in time */
#define KEY_GONE    (-2) /* the terminal is gone: end of input, or an error reading it */
#define KEY_DROPPED (-3) /* a key the program does not know, dropped whole */

/* How long the rest of an escape sequence may take to come after its first bytes. */
#define ESC_SEQ_MS 50

/* A read that waits gets nothing this many times in a row, each far sooner than it should: the
 * input is at its end even when poll does not say so. */
#define FAST_EMPTY_READS 100

static int get_one(int ms, wint_t *wc)
{
    timeout(ms);
    return get_wch(wc);
}

/* True when standard input has hung up or failed (a closed terminal: read gives 0 or EIO). */
static bool input_gone(void)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    if (poll(&p, 1, 0) < 0)
        return errno != EINTR && errno != EAGAIN && errno != ENOMEM;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* The rest of a key that began with ESC. curses has already matched the sequences of the
 * terminal's description; what is left is Esc itself, Esc then another key, or a sequence the
 * description lacks (tmux's ESC [ 4 ~ for End under TERM=xterm): that one is read to its end and
 * recognised, or dropped whole, never taken as Esc followed by "[", "4" and "~". */
static int read_escape(void)
{
    wint_t wc;
    int r = get_one(0, &wc); /* the bytes of a sequence come together */
    if (r == ERR)
        return 27;
    if (r == KEY_CODE_YES) {
        ungetch((int)wc);
        return 27;
    }
    if (wc != '[' && wc != 'O') {
        unget_wch((wchar_t)wc);
        return 27;
    }
    char seq[64];
    size_t n = 0;
    seq[n++] = (char)wc;
    for (;;) {
        r = get_one(ESC_SEQ_MS, &wc);
        if (r == ERR)
            return KEY_DROPPED; /* unfinished */
        if (r == KEY_CODE_YES || wc < 0x20 || wc > 0x7E) {
            /* Not part of a sequence (a new ESC, Enter): the sequence so far is dropped, the
             * key that broke it is read next. */
            if (r == KEY_CODE_YES)
                ungetch((int)wc);
            else
                unget_wch((wchar_t)wc);
            return KEY_DROPPED;
        }
        if (n < sizeof seq - 1)
            seq[n++] = (char)wc;
        /* ESC O takes one more byte; ESC [ ends at its first byte from @ to ~. */
        if (seq[0] == 'O' || (wc >= 0x40 && wc <= 0x7E))
            break;
    }
    seq[n] = '\0';
    int key = key_from_sequence(seq);
    return key ? key : KEY_DROPPED;
}

/* Read one key as an int (a character's code point, or KEY_FN(curses key)), waiting up to ms
 * milliseconds; or one of KEY_NOTHING, KEY_GONE, KEY_DROPPED. */
static int read_key(int ms)
{
    static int fast_empty;
    wint_t wc;
    double start = mono_now();
    int r = get_one(ms, &wc);
    if (r == ERR) {
        if (ms > 0) {
            if (input_gone())
                return KEY_GONE;
            fast_empty = mono_now() - start < ms / 10000.0 ? fast_empty + 1 : 0;
            if (fast_empty >= FAST_EMPTY_READS)
                return KEY_GONE;
        }
        return KEY_NOTHING;
    }
    fast_empty = 0;
    if (r == KEY_CODE_YES)
        return KEY_FN((int)wc);
    return wc == 27 ? read_escape() : (int)wc;
}

/* A kiosk session with nothing in it: home, unchanged, nothing chosen or saved. */
static bool untouched(struct app *app)
{
    struct filters empty = {0};
    return app->stack.depth == 1 && home_untouched(app->stack.frame[0].state) &&
           memcmp(&app->f, &empty, offsetof(struct filters, generation)) == 0 &&
           profile_empty(&app->prof) && state_count(app->state) == 0 &&
           strcmp(i18n_lang(), app->start_lang) == 0;
}

/* The seconds before an idle reset during which the countdown shows. */
static double countdown_seconds(long limit)
{
    double warn = (double)limit / 4;
    return warn < COUNTDOWN_SECONDS ? warn : COUNTDOWN_SECONDS;
}

/* Between two visitors (an idle reset, or an untouched Home), open the --db file again when the
 * update has replaced it: the signal says so, or the file is another one now. A file that does
 * not open leaves the data as it was, and the reason goes to the operator's log. True when the
 * data changed. */
static bool reopen_data(struct app *app)
{
    struct kiosk_file now;
    if (!kiosk_data_stale(&app->data, &now))
        return false;
    struct store *st = NULL;
    struct err e = {0};
    size_t n = 0;
    struct query q = {.kinds = KIND_SUPPORTS | KIND_PATHWAY};
    if (store_open_db(app->data.path, &st, &e) != 0 || query_count(st, &q, &n, &e) != 0) {
        store_destroy(st);
        kiosk_log(LOG_ERR, "%s: the new data cannot be used (%s); keeping the data as of %s",
                  app->data.path, e.msg, app->as_of ? app->as_of : "an unknown date");
        kiosk_data_refused(&app->data, now);
        return false;
    }
    app_replace_store(app, st);
    kiosk_data_opened(&app->data, now);
    kiosk_log(LOG_INFO, "%s: the new data is in use (as of %s)", app->data.path,
              app->as_of ? app->as_of : "an unknown date");
    return true;
}

/* The kiosk's idle clock, once a poll: the countdown, then the reset. True to redraw. */
static bool idle_tick(struct app *app)
{
    int before = app->countdown;
    double now = kiosk_clock_now(&app->clock);
    long limit = app->opt->idle;
    if (untouched(app)) {
        app->last_input = now; /* an untouched home is not reset, nor counted down */
        app->countdown = -1;
        /* Nobody is here: new data now when the update says so, and a look at the file once
         * an idle time for an update whose signal was lost. */
        if (kiosk_data_signalled() || now >= app->data.next_look) {
            app->data.next_look = now + (double)limit;
            return reopen_data(app) || before != -1;
        }
        return before != -1;
    }
    double idle = now - app->last_input;
    if (idle >= (double)limit) {
        app_clear_session(app);
        app_set_lang(app, app->start_lang); /* the next visitor meets the kiosk's language */
        apply(app, result_of(R_RESTART), 0);
        reopen_data(app); /* after the screens that read the old data have gone */
        app->data.next_look = now + (double)limit;
        app->countdown = -1;
        app->last_input = now;
        return true;
    }
    double warn = countdown_seconds(limit);
    app->countdown = idle >= (double)limit - warn ? (int)ceil((double)limit - idle) : -1;
    return app->countdown != before || app->countdown >= 0;
}

/* ncurses sees a SIGWINCH only when it interrupts a read: one that comes while we draw waits for
 * the next key, which may never come, and the screen stays laid out for the old size (a storm
 * of resizes left it so). Asking the terminal its size catches it. True when it changed. */
static bool catch_resize(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
        return false;
    if (ws.ws_row == LINES && ws.ws_col == COLS)
        return false;
    resize_term(ws.ws_row, ws.ws_col);
    clearok(curscr, TRUE);
    return true;
}

/* A key already waiting, without waiting for one: KEY_NOTHING when there is none. */
static int waiting_key(void)
{
    return read_key(0);
}

void loop_run(struct app *app)
{
    open_home(app);
    if (app->kiosk)
        app->last_input = kiosk_clock_now(&app->clock);
    bool quit = false;
    bool redraw = true;
    bool behind = false;       /* keys handled since the last frame */
    double behind_since = 0.0; /* when the first of them came */
    while (!quit) {
        if (catch_resize())
            redraw = true;
        bool small = COLS < MIN_COLS || LINES < MIN_LINES;
        /* Keys that came while the last one was handled (typed faster than a search of a large
         * directory runs, or pasted) are handled before the screen is drawn again: the list
         * searches once for the word, not once a letter. A frame is still drawn at least every
         * TYPEAHEAD_MAX_MS, so that a held key shows its progress. */
        int key = KEY_NOTHING;
        if (redraw && (!behind || (mono_now() - behind_since) * 1000 < TYPEAHEAD_MAX_MS))
            key = waiting_key();
        if (key != KEY_NOTHING && !behind) {
            behind = true;
            behind_since = mono_now();
        }
        if (redraw && key == KEY_NOTHING) {
            if (small)
                draw_too_small(app);
            else
                draw_frame(app);
            behind = false;
        }
        redraw = true;
        if (key == KEY_NOTHING)
            key = read_key(RESIZE_POLL_MS);
        if (key == KEY_GONE) {
            /* The terminal closed (with SIGHUP ignored, nothing else would end us): there is no
             * one to draw for. Everything a person saved is saved already. */
            app->input_gone = true;
            break;
        }
        if (key == KEY_NOTHING) {
            /* The read times out (RESIZE_POLL_MS) so that a missed resize is caught soon, and
             * a kiosk counts its idle time. */
            redraw = catch_resize();
            if (app->kiosk && idle_tick(app))
                redraw = true;
            if (app_state_retry(app))
                redraw = true;
            continue;
        }
        if (app->kiosk) {
            /* Any key, click or resize says "still here": it ends the countdown and does what
             * it always does (a reader who scrolls on is not made to press twice). */
            app->last_input = kiosk_clock_now(&app->clock);
            app->countdown = -1;
        }
        if (key == KEY_DROPPED || key == KEY_FN(KEY_RESIZE))
            continue; /* the next pass lays everything out again at the new size */
        /* A message goes with the first key after it was on the screen: not before anyone
         * could read it (keys typed ahead). */
        if (app->notice_shown)
            app->notice[0] = '\0';
        if (small) {
            if (key_action(key) == A_QUIT && !app->kiosk)
                quit = true;
            continue;
        }
        struct result r;
        bool waiting = state_waiting(app->state);
        if (key == KEY_FN(KEY_MOUSE))
            r = handle_mouse(app);
        else
            r = dispatch(app, key_action(key), key);
        quit = apply(app, r, 0);
        if (waiting && !state_waiting(app->state))
            app_state_joined(app); /* a change found the file free and went there */
    }
}
