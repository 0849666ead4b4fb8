/* loop.c: the main loop: the only reader of input. It catches resizes, draws the frame (the
 * bars, the screens, the kiosk's countdown), keeps the idle clock, and applies the results of
 * the screens' handlers to the stack. */
#include "loop.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "app.h"
#include "commands.h"
#include "draw.h"
#include "home.h"
#include "mono.h"
#include "text.h"

#define MIN_COLS  40
#define MIN_LINES 12

/* The kiosk's countdown shows for the last seconds before the reset. */
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

static void draw_bars(struct app *app)
{
    const struct frame *top = stack_top(&app->stack);
    char left[256], right[512], where[128], goal[128];
    snprintf(left, sizeof left, " itpnav · %s", top->screen->name);
    size_t saved = app->state ? state_count(app->state) : 0;
    char saved_text[32] = "";
    if (saved)
        snprintf(saved_text, sizeof saved_text, " · ★ %zu", saved);
    snprintf(right, sizeof right, "Where: %s · Goal: %s%s ",
             app_region_name(app, where, sizeof where), app_goal_name(app, goal, sizeof goal),
             saved_text);
    draw_line(0, 0, COLS, ROLE_TITLE, left);
    int rw = text_width(right);
    int lw = text_width(left);
    if (lw + rw + 2 <= COLS)
        draw_text(0, COLS - rw, rw, ROLE_TITLE, right);
    else if (COLS - lw - 2 > 10)
        draw_text(0, lw + 2, COLS - lw - 2, ROLE_TITLE, right);

    if (app->notice[0]) {
        draw_line(LINES - 1, 0, COLS, ROLE_NOTICE, app->notice);
        return;
    }
    char hints[512];
    key_hints(top->screen->scope, top->screen->hints, top->screen->n_hints, app->kiosk, hints,
              sizeof hints);
    draw_line(LINES - 1, 0, COLS, ROLE_STATUS, hints);
}

static void draw_too_small(void)
{
    erase();
    char msg[128];
    snprintf(msg, sizeof msg, "Please enlarge the window: itpnav needs %dx%d, this is %dx%d.",
             MIN_COLS, MIN_LINES, COLS, LINES);
    struct text_lines *lines = text_wrap(msg, COLS > 2 ? COLS - 2 : 1);
    for (size_t i = 0; i < lines->n && (int)i < LINES; i++)
        draw_text((int)i, 1, COLS - 1, ROLE_NOTICE, lines->line[i]);
    if ((int)lines->n + 1 < LINES)
        draw_text((int)lines->n + 1, 1, COLS - 1, ROLE_DIM, "q quits");
    text_lines_destroy(lines);
    move(0, 0);
    refresh();
}

/* The kiosk's warning, over everything, in words and in reverse video. */
static void draw_countdown(struct app *app, struct rect area)
{
    int y, x;
    getyx(stdscr, y, x);
    char msg[160];
    snprintf(msg, sizeof msg,
             "Still there? Press any key. Starting over for the next person in %d s.",
             app->countdown);
    int w = text_width(msg) + 4 < area.w ? text_width(msg) + 4 : area.w;
    int bx = area.x + (area.w - w) / 2, by = area.y + area.h / 2;
    draw_line(by - 1, bx, w, ROLE_SELECTED, "");
    draw_line(by, bx, w, ROLE_SELECTED, "");
    draw_text(by, bx + 2, w - 4, ROLE_SELECTED, msg);
    draw_line(by + 1, bx, w, ROLE_SELECTED, "");
    move(y, x);
}

static void draw_frame(struct app *app)
{
    erase();
    draw_bars(app);
    struct rect area = {1, 0, LINES - 2, COLS};
    /* A modal draws over the screens beneath it, down to the first that is not one. */
    int base = app->stack.depth - 1;
    while (base > 0 && app->stack.frame[base].screen->modal)
        base--;
    for (int i = base; i < app->stack.depth; i++)
        app->stack.frame[i].screen->draw(app, app->stack.frame[i].state, area);
    /* Drawing queries the store, and a query that found the cache damaged rebuilt it: say so
     * in this frame, over the status line drawn before. */
    char *rebuilt = session_store_notice(app->store);
    if (rebuilt) {
        int y, x;
        getyx(stdscr, y, x); /* where the screen left the cursor, on its selected row */
        app_notice(app, "%s", rebuilt);
        free(rebuilt);
        draw_bars(app);
        move(y, x);
    }
    if (app->countdown >= 0)
        draw_countdown(app, (struct rect){0, 0, LINES, COLS});
    refresh();
}

/* ---- input ---- */

static struct result dispatch(struct app *app, enum action a, int key)
{
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
    if (ev.y == 0 || ev.y == LINES - 1)
        return result_of(R_IGNORED);
    struct frame *top = stack_top(&app->stack);
    if (!top->screen->on_click)
        return result_of(R_IGNORED);
    return top->screen->on_click(app, top->state, ev.y, ev.x,
                                 (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0);
}

/* Read one key as an int: a character's code point, or KEY_FN(curses key). */
static int read_key(void)
{
    wint_t wc;
    int r = get_wch(&wc);
    if (r == ERR)
        return -1;
    if (r == KEY_CODE_YES)
        return KEY_FN((int)wc);
    return (int)wc;
}

/* A kiosk session with nothing in it: home, unchanged, nothing chosen or saved. */
static bool untouched(struct app *app)
{
    struct filters empty = {0};
    return app->stack.depth == 1 && home_untouched(app->stack.frame[0].state) &&
           memcmp(&app->f, &empty, offsetof(struct filters, generation)) == 0 &&
           profile_empty(&app->prof) && state_count(app->state) == 0;
}

/* The kiosk's idle clock, once a poll: the countdown, then the reset. True to redraw. */
static bool idle_tick(struct app *app)
{
    int before = app->countdown;
    double now = kiosk_clock_now(&app->clock);
    if (untouched(app)) {
        app->last_input = now; /* an untouched home is not reset, nor counted down */
        app->countdown = -1;
        return before != -1;
    }
    double idle = now - app->last_input;
    long limit = app->opt->idle;
    if (idle >= (double)limit) {
        app_clear_session(app);
        apply(app, result_of(R_RESTART), 0);
        app->countdown = -1;
        app->last_input = now;
        return true;
    }
    long warn = limit < COUNTDOWN_SECONDS ? limit : COUNTDOWN_SECONDS;
    app->countdown = idle >= (double)(limit - warn) ? (int)((double)limit - idle + 0.999) : -1;
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

/* A key already waiting, without waiting for one: -1 when there is none. */
static int waiting_key(void)
{
    timeout(0);
    int key = read_key();
    timeout(RESIZE_POLL_MS);
    return key;
}

void loop_run(struct app *app)
{
    open_home(app);
    timeout(RESIZE_POLL_MS);
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
        int key = -1;
        if (redraw && (!behind || (mono_now() - behind_since) * 1000 < TYPEAHEAD_MAX_MS))
            key = waiting_key();
        if (key >= 0 && !behind) {
            behind = true;
            behind_since = mono_now();
        }
        if (redraw && key < 0) {
            if (small)
                draw_too_small();
            else
                draw_frame(app);
            behind = false;
        }
        redraw = true;
        if (key < 0)
            key = read_key();
        if (key < 0) {
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
            app->last_input = kiosk_clock_now(&app->clock); /* any key, click or resize */
            if (app->countdown >= 0) {
                app->countdown = -1; /* "press any key": the key only says "still here" */
                MEVENT ev;
                if (key == KEY_FN(KEY_MOUSE))
                    getmouse(&ev);
                continue;
            }
        }
        if (key == KEY_FN(KEY_RESIZE))
            continue; /* the next pass lays everything out again at the new size */
        app->notice[0] = '\0';
        if (small) {
            if (key == 'q' && !app->kiosk)
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
