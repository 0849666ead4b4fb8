/* app.c: the interactive program's start-up, its main loop (the only reader of input) and the
 * screen stack. */
#include "app.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "draw.h"
#include "entry.h"
#include "plain.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define MIN_COLS  40
#define MIN_LINES 12

/* How long a read waits for a key before the terminal's size is checked again. */
#define RESIZE_POLL_MS 250

void app_push(struct app *app, const struct screen *s, void *state)
{
    if (app->depth >= APP_MAX_STACK) {
        /* Deep chains of links: drop the oldest screen above home rather than refuse. */
        struct frame *f = &app->stack[1];
        f->screen->destroy(f->state);
        memmove(&app->stack[1], &app->stack[2], (size_t)(app->depth - 2) * sizeof *f);
        app->depth--;
    }
    app->stack[app->depth++] = (struct frame){s, state};
}

void app_pop(struct app *app)
{
    if (app->depth <= 1)
        return;
    struct frame *f = &app->stack[--app->depth];
    f->screen->destroy(f->state);
}

void app_home(struct app *app)
{
    while (app->depth > 1)
        app_pop(app);
}

void app_notice(struct app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->notice, sizeof app->notice, fmt, ap);
    va_end(ap);
}

void app_filters_changed(struct app *app)
{
    app->f.generation++;
}

static const char *lookup_name(struct app *app, const char *sql, const char *id, char *buf,
                               size_t n)
{
    snprintf(buf, n, "%s", id);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(app->store->db, sql, -1, &s, NULL) != SQLITE_OK)
        return buf;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return buf;
}

const char *app_region_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.region[0])
        return "anywhere";
    return lookup_name(app, "SELECT name FROM region WHERE id = ?", app->f.region, buf, n);
}

const char *app_goal_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.goal[0])
        return "any";
    return lookup_name(app, "SELECT name FROM goal WHERE id = ?", app->f.goal, buf, n);
}

const char *app_service_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.service[0])
        return "any";
    return lookup_name(app, "SELECT name FROM service WHERE id = ?", app->f.service, buf, n);
}

void app_query(const struct app *app, struct query *q, unsigned kinds)
{
    *q = (struct query){.kinds = kinds, .delivery = app->f.delivery};
    if (app->f.region[0])
        q->region = app->f.region;
    if (app->f.goal[0])
        q->goals[q->n_goals++] = app->f.goal;
    /* Service and delivery describe supports; a pathway has neither. */
    if (kinds == KIND_PATHWAY)
        q->delivery = 0;
    else if (app->f.service[0])
        q->services[q->n_services++] = app->f.service;
    if (app->f.search[0])
        q->text = app->f.search;
}

void app_open_entry(struct app *app, const char *id)
{
    void *state = detail_create(app, id);
    if (state)
        app_push(app, &screen_detail, state);
    else
        app_notice(app, "That entry is no longer in the data.");
}

enum key_result app_pick(struct app *app, enum action a)
{
    enum picker_kind k;
    switch (a) {
    case A_REGION: k = PICK_REGION; break;
    case A_GOAL: k = PICK_GOAL; break;
    case A_SERVICE: k = PICK_SERVICE; break;
    case A_DELIVERY: k = PICK_DELIVERY; break;
    case A_KIND: k = PICK_KIND; break;
    default: return R_IGNORED;
    }
    app_push(app, &screen_picker, picker_create(app, k));
    return R_REDRAW;
}

/* ---- drawing the frame ---- */

static void draw_bars(struct app *app)
{
    const struct frame *top = &app->stack[app->depth - 1];
    char left[256], right[512], where[128], goal[128];
    snprintf(left, sizeof left, " itpnav · %s", top->screen->name);
    snprintf(right, sizeof right, "Where: %s · Goal: %s ",
             app_region_name(app, where, sizeof where), app_goal_name(app, goal, sizeof goal));
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
    key_hints(top->screen->scope, top->screen->hints, top->screen->n_hints, hints, sizeof hints);
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

static void draw_frame(struct app *app)
{
    erase();
    draw_bars(app);
    const struct frame *top = &app->stack[app->depth - 1];
    /* A modal draws over the screen beneath it. */
    if (top->screen == &screen_picker && app->depth > 1) {
        const struct frame *under = &app->stack[app->depth - 2];
        under->screen->draw(app, under->state, 1, LINES - 2);
    }
    top->screen->draw(app, top->state, 1, LINES - 2);
    refresh();
}

/* ---- input ---- */

static enum key_result dispatch(struct app *app, enum action a, int key)
{
    struct frame *top = &app->stack[app->depth - 1];
    enum key_result r = top->screen->on_key(app, top->state, a, key);
    if (r != R_IGNORED)
        return r;
    switch (a) {
    case A_QUIT: return R_QUIT;
    case A_HELP:
        if (top->screen != &screen_help)
            app_push(app, &screen_help, help_create(app));
        return R_REDRAW;
    case A_HOME: app_home(app); return R_REDRAW;
    case A_BACK: app_pop(app); return R_REDRAW;
    case A_REDRAW: clearok(curscr, TRUE); return R_REDRAW;
    case A_REGION:
    case A_GOAL: return app_pick(app, a);
    default: return r;
    }
}

static enum key_result handle_mouse(struct app *app)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return R_IGNORED;
    if (ev.bstate & BUTTON4_PRESSED) {
        for (int i = 0; i < 3; i++)
            dispatch(app, A_UP, 0);
        return R_REDRAW;
    }
#ifdef BUTTON5_PRESSED
    if (ev.bstate & BUTTON5_PRESSED) {
        for (int i = 0; i < 3; i++)
            dispatch(app, A_DOWN, 0);
        return R_REDRAW;
    }
#endif
    if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED)))
        return R_IGNORED;
    if (ev.y == 0 || ev.y == LINES - 1)
        return R_IGNORED;
    struct frame *top = &app->stack[app->depth - 1];
    if (!top->screen->on_click)
        return R_IGNORED;
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

static void run(struct app *app)
{
    bool redraw = true;
    while (!app->quit) {
        if (catch_resize())
            redraw = true;
        bool small = COLS < MIN_COLS || LINES < MIN_LINES;
        if (redraw) {
            if (small)
                draw_too_small();
            else
                draw_frame(app);
        }
        redraw = true;
        int key = read_key();
        if (key < 0) {
            /* The read times out (RESIZE_POLL_MS) so that a missed resize is caught soon. */
            redraw = catch_resize();
            continue;
        }
        if (key == KEY_FN(KEY_RESIZE))
            continue; /* the next pass lays everything out again at the new size */
        app->notice[0] = '\0';
        if (small) {
            if (key == 'q')
                app->quit = true;
            continue;
        }
        enum key_result r;
        if (key == KEY_FN(KEY_MOUSE))
            r = handle_mouse(app);
        else
            r = dispatch(app, key_action(key), key);
        if (r & R_QUIT)
            app->quit = true;
    }
}

static bool want_color(const struct options *o)
{
    const char *nc = getenv("NO_COLOR");
    return !o->no_color && !(nc && nc[0]);
}

int ui_main(const struct options *o)
{
    const char *term = getenv("TERM");
    if (o->plain || !term || strcmp(term, "dumb") == 0 || !isatty(STDIN_FILENO) ||
        !isatty(STDOUT_FILENO))
        return plain_main(o);

    struct app app = {.opt = o};
    char *notice = NULL;
    int rc = cli_open_store(o, true, &app.store, &notice);
    if (rc)
        return rc;
    struct query q = {0};
    char *region = NULL;
    rc = cli_resolve_filters(app.store, o, &q, &region);
    if (rc) {
        store_destroy(app.store);
        free(notice);
        return rc;
    }
    if (region)
        snprintf(app.f.region, sizeof app.f.region, "%s", region);
    if (q.n_goals)
        snprintf(app.f.goal, sizeof app.f.goal, "%s", q.goals[0]);
    free(region);
    app.title = store_meta(app.store, "title");
    app.as_of = store_meta(app.store, "as_of");
    if (notice)
        app_notice(&app, "%s", notice);
    free(notice);

    /* newterm, not initscr: an unknown TERM falls back to the line mode instead of exiting. */
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        free(app.title);
        free(app.as_of);
        store_destroy(app.store);
        fputs("itpnav: this terminal type is unknown; using the line-by-line mode\n", stderr);
        return plain_main(o);
    }
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    timeout(RESIZE_POLL_MS);
    curs_set(0);
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
    app_push(&app, &screen_home, home_create(&app));
    run(&app);
    while (app.depth > 0) {
        struct frame *f = &app.stack[--app.depth];
        f->screen->destroy(f->state);
    }
    endwin();
    delscreen(screen);
    free(app.title);
    free(app.as_of);
    store_destroy(app.store);
    return 0;
}
