/* prompt.c: the modal one-line text field: a note, a number of years, a file name, a PIN. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "text.h"
#include "util.h"

#define PROMPT_MAX 512

struct prompt {
    char *title, *help, *error;
    unsigned flags;
    prompt_done_fn done;
    void *ctx;
    char text[PROMPT_MAX];
    int box_x, box_w, box_y, box_h;
};

static const enum action hints[] = {A_OPEN, A_BACK};

void prompt_open(struct app *app, const char *title, const char *help, const char *initial,
                 unsigned flags, prompt_done_fn done, void *ctx, const char *error)
{
    struct prompt *p = xcalloc(1, sizeof *p);
    p->title = xstrdup(title);
    p->help = help ? xstrdup(help) : NULL;
    p->error = error ? xstrdup(error) : NULL;
    p->flags = flags;
    p->done = done;
    p->ctx = ctx;
    /* Only what a person could have typed: one line, no control characters. */
    if (initial)
        for (const char *s = initial; *s;) {
            unsigned cp;
            size_t k = text_decode(s, strlen(s), &cp);
            if (!text_is_unsafe(cp) && cp != '\n')
                text_append_char(p->text, sizeof p->text, cp);
            s += k ? k : 1;
        }
    app_push(app, &screen_prompt, p);
}

static void destroy(void *state)
{
    struct prompt *p = state;
    mem_wipe(p->text, sizeof p->text); /* a PIN does not linger in memory */
    free(p->title);
    free(p->help);
    free(p->error);
    free(p);
}

static void draw(struct app *app, void *state, int top, int height)
{
    struct prompt *p = state;
    (void)app;
    int bw = COLS - 4 < 64 ? COLS - 4 : 64;
    struct text_lines *help = text_wrap(p->help ? p->help : "", bw - 4 > 1 ? bw - 4 : 1);
    int help_rows = (int)help->n < 3 ? (int)help->n : 3;
    if (help_rows < 1)
        help_rows = 1;
    int y, x, h, w;
    picker_box(top, height, 5 + help_rows, &y, &x, &h, &w);
    p->box_x = x;
    p->box_w = w;
    p->box_y = y;
    p->box_h = h;
    draw_text(y, x + 2, w - 4, ROLE_HEADING, p->title);
    for (int i = 0; i < help_rows && (size_t)i < help->n; i++)
        draw_text(y + 1 + i, x + 2, w - 4, ROLE_DIM, help->line[i]);
    text_lines_destroy(help);
    y += help_rows - 1; /* the field and its line below follow the help */
    /* The field shows the end of what was typed when it is longer than the box. */
    char shown[PROMPT_MAX * 3];
    if (p->flags & PROMPT_SECRET) {
        size_t n = 0, chars = 0;
        for (const char *s = p->text; *s; s++)
            if (((unsigned char)*s & 0xC0) != 0x80)
                chars++;
        for (size_t i = 0; i < chars && n + 4 < sizeof shown; i++)
            n += (size_t)snprintf(shown + n, sizeof shown - n, "•");
        shown[n] = '\0';
    } else {
        snprintf(shown, sizeof shown, "%s", p->text);
    }
    int fw = w - 4, tw = text_width(shown);
    const char *from = shown;
    while (tw >= fw && *from) {
        unsigned cp;
        size_t k = text_decode(from, strlen(from), &cp);
        tw -= text_cp_width(cp);
        from += k ? k : 1;
    }
    draw_line(y + 3, x + 2, fw, ROLE_FIELD, from);
    if (p->error)
        draw_text(y + 4, x + 2, w - 4, ROLE_NOTICE, p->error);
    else
        draw_text(y + 4, x + 2, w - 4, ROLE_DIM, "Enter to accept, Esc to cancel");
    curs_set(1);
    move(y + 3, x + 2 + text_width(from));
}

static void accept(struct app *app, struct prompt *p)
{
    char text[PROMPT_MAX];
    memcpy(text, p->text, sizeof text);
    char *title = xstrdup(p->title), *help = p->help ? xstrdup(p->help) : NULL;
    unsigned flags = p->flags;
    prompt_done_fn done = p->done;
    void *ctx = p->ctx;
    app_pop(app);
    const char *error = done ? done(app, ctx, text) : NULL;
    if (error) /* not accepted: the same field again, with what was wrong */
        prompt_open(app, title, help, flags & PROMPT_SECRET ? "" : text, flags, done, ctx, error);
    mem_wipe(text, sizeof text);
    free(title);
    free(help);
}

static enum key_result on_key(struct app *app, void *state, enum action a, int key)
{
    struct prompt *p = state;
    if (key == 27) {
        app_pop(app);
        return R_REDRAW;
    }
    if (key == '\r' || key == '\n' || key == KEY_FN(KEY_ENTER)) {
        accept(app, p);
        return R_REDRAW;
    }
    free(p->error);
    p->error = NULL;
    if (key == 127 || key == 8 || key == KEY_FN(KEY_BACKSPACE)) {
        text_delete_char(p->text);
        return R_REDRAW;
    }
    if (key == ('u' & 0x1f)) {
        p->text[0] = '\0';
        return R_REDRAW;
    }
    if (key == ('w' & 0x1f)) {
        text_delete_word(p->text);
        return R_REDRAW;
    }
    if (!KEY_IS_FN(key) && key >= 0x20 && !text_is_unsafe((unsigned)key)) {
        text_append_char(p->text, sizeof p->text, (unsigned)key);
        return R_REDRAW;
    }
    (void)a;
    return R_HANDLED; /* everything else is swallowed while typing: no surprise actions */
}

static enum key_result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct prompt *p = state;
    (void)twice;
    if (x < p->box_x || x >= p->box_x + p->box_w || y < p->box_y || y >= p->box_y + p->box_h)
        app_pop(app); /* a click outside cancels, as in the pickers */
    return R_REDRAW;
}

const struct screen screen_prompt = {
        .name = "Type",
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_MENU,
        .modal = true,
};
