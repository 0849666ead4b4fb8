/* prompt.c: the modal one-line text field: a note, a number of years, a file name, a PIN. */
#include "prompt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialog.h"
#include "draw.h"
#include "field.h"
#include "text.h"
#include "util.h"
#include "i18n.h"

#define PROMPT_MAX 512

struct prompt {
    char *title, *help, *error;
    prompt_done_fn done;
    void *ctx;
    void (*ctx_free)(void *ctx);
    char text[PROMPT_MAX];
    struct field field; /* edits text */
    struct rect box;
};

static const enum action hints[] = {A_OPEN, A_BACK};

struct result prompt_open(const char *title, const char *help, const char *initial, unsigned flags,
                          prompt_done_fn done, void *ctx, void (*ctx_free)(void *ctx))
{
    struct prompt *p = xcalloc(1, sizeof *p);
    p->title = xstrdup(title);
    p->help = help ? xstrdup(help) : NULL;
    p->done = done;
    p->ctx = ctx;
    p->ctx_free = ctx_free;
    field_init(&p->field, p->text, sizeof p->text);
    p->field.secret = (flags & PROMPT_SECRET) != 0;
    field_set(&p->field, initial);
    return result_push(&screen_prompt, p);
}

static void destroy(void *state)
{
    struct prompt *p = state;
    mem_wipe(p->text, sizeof p->text); /* a PIN does not linger in memory */
    if (p->ctx_free)
        p->ctx_free(p->ctx);
    free(p->title);
    free(p->help);
    free(p->error);
    free(p);
}

static void draw(struct app *app, void *state, struct rect area)
{
    struct prompt *p = state;
    (void)app;
    int bw = dialog_width(area);
    struct text_lines *help = text_wrap(p->help ? p->help : "", bw - 4 > 1 ? bw - 4 : 1);
    int help_rows = (int)help->n < 3 ? (int)help->n : 3;
    if (help_rows < 1)
        help_rows = 1;
    struct rect b = dialog_box(area, 5 + help_rows);
    p->box = b;
    draw_text(b.y, b.x + 2, b.w - 4, ROLE_HEADING, p->title);
    for (int i = 0; i < help_rows && (size_t)i < help->n; i++)
        draw_text(b.y + 1 + i, b.x + 2, b.w - 4, ROLE_DIM, help->line[i]);
    text_lines_destroy(help);
    int y = b.y + help_rows - 1; /* the field and its line below follow the help */
    int cursor = field_draw(&p->field, y + 3, b.x + 2, b.w - 4, ROLE_FIELD, NULL);
    if (p->error)
        draw_text(y + 4, b.x + 2, b.w - 4, ROLE_NOTICE, p->error);
    else {
        char how[64];
        /* TRANSLATORS: the two %s are keys' names (Enter, Esc). */
        snprintf(how, sizeof how, _("%s to accept, %s to cancel"), key_first(A_FIELD_ACCEPT),
                 key_first(A_FIELD_CANCEL));
        draw_text(y + 4, b.x + 2, b.w - 4, ROLE_DIM, how);
    }
    curs_set(1);
    move(y + 3, cursor);
}

/* Enter: the owner takes the text and the prompt closes, or it says what is wrong and the
 * prompt stays (a secret is typed again from the start). */
static struct result accept(struct app *app, struct prompt *p)
{
    const char *error = NULL;
    struct result r = p->done ? p->done(app, p->ctx, p->text, &error) : result_of(0);
    if (!error)
        return result_then(result_of(R_POP | R_REDRAW), r);
    result_discard(r);
    free(p->error);
    p->error = xstrdup(error);
    if (p->field.secret)
        mem_wipe(p->text, sizeof p->text);
    return result_of(R_REDRAW);
}

static struct result on_key(struct app *app, void *state, enum action a, int key)
{
    struct prompt *p = state;
    (void)a;
    enum field_result f = field_key(&p->field, key);
    if (f == FIELD_CANCEL)
        return result_of(R_POP | R_REDRAW);
    if (f == FIELD_ACCEPT)
        return accept(app, p);
    free(p->error);
    p->error = NULL;
    /* Everything else is swallowed while typing: no surprise actions. */
    return result_of(f == FIELD_CHANGED ? R_REDRAW : R_HANDLED);
}

static struct result on_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct prompt *p = state;
    (void)app;
    (void)twice;
    struct rect b = p->box;
    if (x < b.x || x >= b.x + b.w || y < b.y || y >= b.y + b.h)
        return result_of(R_POP | R_REDRAW); /* a click outside cancels, as in the pickers */
    return result_of(R_REDRAW);
}

const struct screen screen_prompt = {
        .name = N_("Type"),
        .draw = draw,
        .on_key = on_key,
        .on_click = on_click,
        .destroy = destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_MENU,
        .modal = true,
};
