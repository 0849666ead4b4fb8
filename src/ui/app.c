/* app.c: the interactive program's start-up, its main loop (the only reader of input) and the
 * screen stack. */
#include "app.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "draw.h"
#include "entry.h"
#include "handout.h"
#include "kiosk.h"
#include "plain.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define MIN_COLS  40
#define MIN_LINES 12

/* The kiosk's countdown shows for the last seconds before the reset. */
#define COUNTDOWN_SECONDS 20

/* How long a read waits for a key before the terminal's size (and a kiosk's idle time) is
 * checked again. */
#define RESIZE_POLL_MS 250

/* The longest the screen goes undrawn while keys keep coming faster than they are handled. */
#define TYPEAHEAD_MAX_MS 100

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

/* The name of id in t; the id when the data does not have it, and a notice when the store cannot
 * say. */
static const char *lookup_name(struct app *app, enum vocab t, const char *id, char *buf, size_t n)
{
    struct err e = {0};
    if (vocab_name(app->store, t, id, buf, n, &e) != 0)
        app_notice(app, "%s", e.msg);
    if (!buf[0])
        snprintf(buf, n, "%s", id);
    return buf;
}

const char *app_region_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.region[0])
        return "anywhere";
    return lookup_name(app, VOCAB_REGION, app->f.region, buf, n);
}

const char *app_goal_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.goal[0])
        return "any";
    return lookup_name(app, VOCAB_GOAL, app->f.goal, buf, n);
}

const char *app_service_name(struct app *app, char *buf, size_t n)
{
    if (!app->f.service[0])
        return "any";
    return lookup_name(app, VOCAB_SERVICE, app->f.service, buf, n);
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

void app_open_entry(struct app *app, const char *target)
{
    unsigned kinds = 0;
    const char *id = target;
    if (strncmp(target, "pathway:", 8) == 0) {
        kinds = KIND_PATHWAY;
        id = target + 8;
    } else if (strncmp(target, "support:", 8) == 0) {
        kinds = KIND_SUPPORTS;
        id = target + 8;
    }
    void *state = detail_create(app, id, kinds);
    if (state)
        app_push(app, &screen_detail, state);
    else
        app_notice(app, "That entry is no longer in the data.");
}

enum key_result app_pick(struct app *app, enum action a)
{
    enum picker_kind k;
    /* A filter picker over another filter picker would be a maze: replace it. */
    if (app->stack[app->depth - 1].screen == &screen_picker)
        app_pop(app);
    switch (a) {
    case A_REGION: k = PICK_REGION; break;
    case A_GOAL: k = PICK_GOAL; break;
    case A_SERVICE: k = PICK_SERVICE; break;
    case A_DELIVERY: k = PICK_DELIVERY; break;
    case A_KIND: k = PICK_KIND; break;
    default: return R_IGNORED;
    }
    picker_filter(app, k);
    return R_REDRAW;
}

/* ---- the shortlist, answers and sessions ---- */

bool app_marked(struct app *app, const char *id, const char *kind)
{
    return app->state && state_has(app->state, id, state_kind_of(kind));
}

void app_toggle_mark(struct app *app, const char *id, const char *kind, const char *name)
{
    const char *k = state_kind_of(kind);
    bool had = state_has(app->state, id, k);
    struct err e = {0};
    int rc = had ? state_remove(app->state, id, k, &e) : state_add(app->state, id, k, name, &e);
    if (rc != 0) {
        app_notice(app, "The shortlist was not changed: %s", e.msg);
        return;
    }
    app->state_gen++;
    size_t n = state_count(app->state);
    if (had)
        app_notice(app, "Taken off the shortlist (%zu left). a saves it again.", n);
    else
        app_notice(app, "Saved to the shortlist (%zu). l shows it, with notes.", n);
}

void app_toggle_target(struct app *app, const char *target)
{
    bool pathway = strncmp(target, "pathway:", 8) == 0;
    const char *id = strchr(target, ':') ? strchr(target, ':') + 1 : target;
    struct err err = {0};
    struct entry *e = entry_get(app->store, id, pathway ? KIND_PATHWAY : 0, &err);
    if (!e) {
        app_notice(app, "%s", err.code ? err.msg : "That entry is no longer in the data.");
        return;
    }
    app_toggle_mark(app, e->id, e->kind, e->name);
    entry_destroy(e);
}

void app_profile_changed(struct app *app)
{
    app->prof_gen++;
    struct err e = {0};
    if (state_save_profile(app->state, &app->prof, &e) != 0)
        app_notice(app, "Your answers were not saved: %s", e.msg);
}

void app_reset(struct app *app)
{
    app->notice[0] = '\0'; /* the last person's message goes too */
    memset(&app->f, 0, offsetof(struct filters, generation));
    app_filters_changed(app);
    profile_init(&app->prof);
    app->prof_gen++;
    struct err e = {0};
    if (state_clear(app->state, &e) != 0)
        app_notice(app, "%s", e.msg);
    app->state_gen++;
    /* Every screen goes, home too: its selection and scroll start over. */
    while (app->depth > 0) {
        struct frame *f = &app->stack[--app->depth];
        f->screen->destroy(f->state);
    }
    app_push(app, &screen_home, home_create(app));
}

/* -- the handout -- */

struct save_request {
    enum handout_format format;
    char path[4096];
};

static struct save_request save_req; /* one save dialog at a time */

static const char *save_to(struct app *app, struct save_request *req, bool replace);

static void replace_chosen(struct app *app, void *ctx, const char *const *values, size_t n)
{
    struct save_request *req = ctx;
    if (n && strcmp(values[0], "replace") == 0) {
        const char *err = save_to(app, req, true);
        if (err)
            app_notice(app, "%s", err);
    } else if (n && strcmp(values[0], "rename") == 0) {
        app_export_save(app, req->format, req->path);
    }
}

static const char *save_to(struct app *app, struct save_request *req, bool replace)
{
    static char err[4400];
    char today[16];
    handout_today(today, sizeof today);
    struct doc *d = handout_doc(app->store, app->state, &app->prof, today);
    char *text = handout_render(d, req->format);
    doc_destroy(d);
    int rc = handout_save(req->path, text, replace);
    free(text);
    if (rc == EEXIST && !replace) {
        char title[4200];
        snprintf(title, sizeof title, "%s exists already", req->path);
        struct picker *p = picker_new(title, "Replace it, or choose another name?", 0,
                                      replace_chosen, NULL, req);
        picker_add(p, "replace", "Replace it", NULL, 0);
        picker_add(p, "rename", "Choose another name", NULL, 0);
        picker_add(p, "cancel", "Cancel", NULL, 0);
        picker_open(app, p, "rename");
        return NULL;
    }
    if (rc != 0) {
        snprintf(err, sizeof err, "Cannot write %s: %s", req->path, strerror(rc));
        return err;
    }
    app_notice(app, "Handout saved to %s", req->path);
    return NULL;
}

static const char *save_named(struct app *app, void *ctx, const char *text)
{
    struct save_request *req = ctx;
    const char *t = text + strspn(text, " ");
    if (!t[0])
        return "Type a file name, or Esc to cancel.";
    const char *home = getenv("HOME");
    if (strncmp(t, "~/", 2) == 0 && home && home[0])
        snprintf(req->path, sizeof req->path, "%s/%s", home, t + 2);
    else
        snprintf(req->path, sizeof req->path, "%s", t);
    return save_to(app, req, false);
}

void app_export_save(struct app *app, enum handout_format f, const char *suggest)
{
    save_req.format = f;
    char today[16], help[4200], cwd[4096];
    handout_today(today, sizeof today);
    char *name = suggest ? xstrdup(suggest) : handout_file_name(today, f);
    snprintf(help, sizeof help, "A file name or path; a bare name goes in %s.",
             getcwd(cwd, sizeof cwd) ? cwd : "the current directory");
    prompt_open(app,
                f == HANDOUT_MARKDOWN ? "Save the handout as Markdown" : "Save the handout as text",
                help, name, 0, save_named, &save_req, NULL);
    free(name);
}

static void print_handout(struct app *app)
{
    const char *lp = handout_printer();
    if (!lp) {
        app_notice(app, "No printer is set up here.");
        return;
    }
    char today[16];
    handout_today(today, sizeof today);
    struct doc *d = handout_doc(app->store, app->state, &app->prof, today);
    char *text = handout_render(d, HANDOUT_TEXT);
    doc_destroy(d);
    struct err e = {0};
    if (handout_print(lp, text, &e) == 0)
        app_notice(app, "The handout was sent to the printer.");
    else
        app_notice(app, "%s", e.msg);
    free(text);
}

static void export_chosen(struct app *app, void *ctx, const char *const *values, size_t n)
{
    (void)ctx;
    if (!n)
        return;
    if (strcmp(values[0], "text") == 0)
        app_export_save(app, HANDOUT_TEXT, NULL);
    else if (strcmp(values[0], "markdown") == 0)
        app_export_save(app, HANDOUT_MARKDOWN, NULL);
    else if (strcmp(values[0], "show") == 0)
        app_push(app, &screen_handout, handout_view_create(app));
    else if (strcmp(values[0], "print") == 0)
        print_handout(app);
}

enum key_result app_export(struct app *app)
{
    char help[160];
    size_t n = state_count(app->state);
    snprintf(help, sizeof help, "Your shortlist (%zu %s), notes%s, dated today.", n,
             n == 1 ? "entry" : "entries",
             profile_empty(&app->prof) ? "" : ", answers and which pathways fit");
    struct picker *p = picker_new("Make a handout", help, 0, export_chosen, NULL, NULL);
    if (!app->kiosk) { /* a kiosk writes nothing to disk */
        picker_add(p, "text", "Save as a text file", NULL, 0);
        picker_add(p, "markdown", "Save as a Markdown file", NULL, 0);
    }
    picker_add(p, "show", "Show it on the screen", NULL, 0);
    if (handout_printer())
        picker_add(p, "print", "Print it", NULL, 0);
    picker_open(app, p, NULL);
    return R_REDRAW;
}

static void new_client_chosen(struct app *app, void *ctx, const char *const *values, size_t n)
{
    (void)ctx;
    if (!n)
        return;
    if (strcmp(values[0], "export") == 0) {
        app_export(app);
        app_notice(app, "After the handout, press N again to start for the new client.");
    } else if (strcmp(values[0], "clear") == 0) {
        app_reset(app);
        app_notice(app, "Ready for a new client: filters, answers, shortlist and notes cleared.");
    }
}

enum key_result app_new_client(struct app *app)
{
    char help[200];
    size_t n = state_count(app->state);
    snprintf(help, sizeof help,
             "This clears the filters, search, answers, the shortlist (%zu) and its notes.", n);
    struct picker *p =
            picker_new("Start again for a new client?", help, 0, new_client_chosen, NULL, NULL);
    picker_add(p, "export", "Make the handout first", NULL, 0);
    picker_add(p, "clear", "Clear everything now", NULL, 0);
    picker_add(p, "cancel", "Cancel", NULL, 0);
    picker_open(app, p, n ? "export" : "clear");
    return R_REDRAW;
}

/* -- the kiosk's operator -- */

static const char *check_pin(struct app *app, void *ctx, const char *text)
{
    (void)ctx;
    if (kiosk_pin_ok(app->pin_hash, text)) {
        app->quit = true;
        return NULL;
    }
    napms(1000); /* guessing is slow */
    return "That is not the PIN.";
}

/* ---- drawing the frame ---- */

static void draw_bars(struct app *app)
{
    const struct frame *top = &app->stack[app->depth - 1];
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

static void draw_frame(struct app *app)
{
    erase();
    draw_bars(app);
    const struct frame *top = &app->stack[app->depth - 1];
    /* A modal draws over the screens beneath it, down to the first that is not one. */
    int base = app->depth - 1;
    while (base > 0 && app->stack[base].screen->modal)
        base--;
    for (int i = base; i < app->depth - 1; i++)
        app->stack[i].screen->draw(app, app->stack[i].state, 1, LINES - 2);
    top->screen->draw(app, top->state, 1, LINES - 2);
    if (app->countdown >= 0) {
        /* The kiosk's warning, over everything, in words and in reverse video. */
        int y, x;
        getyx(stdscr, y, x);
        char msg[160];
        snprintf(msg, sizeof msg,
                 "Still there? Press any key. Starting over for the next person in %d s.",
                 app->countdown);
        int w = text_width(msg) + 4 < COLS ? text_width(msg) + 4 : COLS;
        int bx = (COLS - w) / 2, by = LINES / 2;
        draw_line(by - 1, bx, w, ROLE_SELECTED, "");
        draw_line(by, bx, w, ROLE_SELECTED, "");
        draw_text(by, bx + 2, w - 4, ROLE_SELECTED, msg);
        draw_line(by + 1, bx, w, ROLE_SELECTED, "");
        move(y, x);
    }
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
    case A_QUIT:
        if (app->kiosk) {
            app_notice(app, "This computer is shared: itpnav stays open for the next person.");
            return R_REDRAW;
        }
        return R_QUIT;
    case A_OPERATOR:
        /* Hidden; without a PIN file there is no way out from the keyboard at all. */
        if (app->kiosk && app->pin_hash[0])
            prompt_open(app, "Operator", "Type the PIN to leave the kiosk.", "", PROMPT_SECRET,
                        check_pin, NULL, NULL);
        return R_REDRAW;
    case A_SHORTLIST:
        if (top->screen != &screen_shortlist)
            app_push(app, &screen_shortlist, shortlist_create(app));
        return R_REDRAW;
    case A_WIZARD: app_open_wizard(app); return R_REDRAW;
    case A_EXPORT: return app_export(app);
    case A_NEW_CLIENT: return app_new_client(app);
    case A_MARK:
        app_notice(app, "Select a support or pathway in a list, then press a to save it.");
        return R_REDRAW;
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

/* A kiosk session with nothing in it: home, unchanged, nothing chosen or saved. */
static bool untouched(struct app *app)
{
    struct filters empty = {0};
    return app->depth == 1 && home_untouched(app->stack[0].state) &&
           memcmp(&app->f, &empty, offsetof(struct filters, generation)) == 0 &&
           profile_empty(&app->prof) && state_count(app->state) == 0;
}

/* The kiosk's idle clock, once a second: the countdown, then the reset. True to redraw. */
static bool idle_tick(struct app *app)
{
    int before = app->countdown;
    if (untouched(app)) {
        kiosk_touch(&app->last_input); /* an untouched home is not reset, nor counted down */
        app->countdown = -1;
        return before != -1;
    }
    double idle = kiosk_since(&app->last_input);
    long limit = app->opt->idle;
    if (idle >= (double)limit) {
        app_reset(app);
        app->countdown = -1;
        kiosk_touch(&app->last_input);
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

static void run(struct app *app)
{
    bool redraw = true;
    bool behind = false; /* keys handled since the last frame */
    struct timespec behind_since;
    while (!app->quit) {
        if (catch_resize())
            redraw = true;
        bool small = COLS < MIN_COLS || LINES < MIN_LINES;
        /* Keys that came while the last one was handled (typed faster than a search of a large
         * directory runs, or pasted) are handled before the screen is drawn again: the list
         * searches once for the word, not once a letter. A frame is still drawn at least every
         * TYPEAHEAD_MAX_MS, so that a held key shows its progress. */
        int key = -1;
        if (redraw && (!behind || kiosk_since(&behind_since) * 1000 < TYPEAHEAD_MAX_MS))
            key = waiting_key();
        if (key >= 0 && !behind) {
            behind = true;
            kiosk_touch(&behind_since);
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
            continue;
        }
        if (app->kiosk) {
            kiosk_touch(&app->last_input); /* any key, click or resize */
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

/* The shortlist's state: the person's file, or memory in a kiosk or when the file cannot be
 * used (said in the notice). */
static struct state *open_state(struct app *app)
{
    struct state *st = NULL;
    struct err e = {0};
    if (!app->kiosk) {
        char *path = state_default_path();
        if (path && state_open(path, &st, &e) != 0)
            app_notice(app, "Your shortlist cannot be saved (%s); it lasts until you quit.", e.msg);
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
    while (app->depth > 0) {
        struct frame *f = &app->stack[--app->depth];
        f->screen->destroy(f->state);
    }
    free(app->title);
    free(app->as_of);
    state_destroy(app->state);
    store_destroy(app->store);
    mem_wipe(app->pin_hash, sizeof app->pin_hash);
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
        fputs("itpnav: --kiosk needs a full-screen terminal (standard input and output a terminal "
              "whose TERM is known); it has no line-by-line mode\n",
              stderr);
        return EXIT_USAGE;
    }
    if (plain)
        return plain_main(o);

    struct app app = {.opt = o, .kiosk = o->kiosk, .countdown = -1};
    char *notice = NULL;
    int rc = session_open_store(o, true, &app.store, &notice);
    if (rc)
        return rc;
    struct query q = {0};
    char *region = NULL;
    rc = session_resolve_filters(app.store, o, &q, &region);
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
    app.state = open_state(&app);
    if (!app.state) {
        app_finish(&app);
        return EXIT_IOERR;
    }
    struct err e = {0};
    if (state_load_profile(app.state, &app.prof, &e) != 0)
        app_notice(&app, "Your saved answers could not be read: %s", e.msg);
    if (app.kiosk) {
        char why[512];
        kiosk_load_pin(app.pin_hash, sizeof app.pin_hash, why, sizeof why);
        if (why[0]) /* for the operator's log (the journal under systemd), not the screen */
            fprintf(stderr, "itpnav: %s\n", why);
    }

    /* newterm, not initscr: an unknown TERM falls back to the line mode instead of exiting. */
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        app_finish(&app);
        if (o->kiosk) {
            fputs("itpnav: this terminal type is unknown; --kiosk needs a full-screen terminal\n",
                  stderr);
            return EXIT_USAGE;
        }
        fputs("itpnav: this terminal type is unknown; using the line-by-line mode\n", stderr);
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
    timeout(RESIZE_POLL_MS);
    curs_set(0);
    if (app.kiosk)
        kiosk_touch(&app.last_input);
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
    app_finish(&app);
    endwin();
    delscreen(screen);
    return 0;
}
