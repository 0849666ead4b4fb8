/* textpage.c: a full-screen page of text built by its screen, with links that open entries. */
#include "textpage.h"

#include <stdlib.h>

#include "app.h"
#include "detail.h"
#include "util.h"

void *textpage_create(void (*build)(struct app *app, struct textview *tv, int width))
{
    struct textpage *p = xcalloc(1, sizeof *p);
    p->tv.link_sel = -1;
    p->tv.margin = 1; /* a long web address may use the whole row */
    p->build = build;
    return p;
}

void *textpage_create_live(void (*build)(struct app *app, struct textview *tv, int width),
                           unsigned (*stamp)(struct app *app))
{
    struct textpage *p = textpage_create(build);
    p->stamp = stamp;
    return p;
}

void textpage_destroy(void *state)
{
    struct textpage *p = state;
    tv_clear(&p->tv);
    free(p);
}

void textpage_draw(struct app *app, void *state, struct rect r)
{
    struct textpage *p = state;
    int width = r.w - 2;
    unsigned stamp = p->stamp ? p->stamp(app) : 0;
    if (p->tv.width != width || stamp != p->built_stamp || app->lang_gen != p->built_lang) {
        /* Keep the place and the selected link across a rebuild. */
        size_t keep_top = p->tv.top;
        int sel = p->tv.link_sel;
        tv_clear(&p->tv);
        p->tv.width = width;
        p->build(app, &p->tv, width);
        p->built_stamp = stamp;
        p->built_lang = app->lang_gen;
        p->tv.top = keep_top < p->tv.n ? keep_top : 0;
        p->tv.link_sel = sel < p->tv.n_links ? sel : -1;
    }
    p->top = r.y;
    p->height = r.h;
    curs_set(0);
    tv_draw(&p->tv, (struct rect){r.y, r.x + 1, r.h, width});
}

struct result textpage_key(struct app *app, void *state, enum action a, int key)
{
    struct textpage *p = state;
    (void)key;
    return detail_follow(app, &p->tv, tv_key(&p->tv, a, p->height));
}

struct result textpage_click(struct app *app, void *state, int y, int x, bool twice)
{
    struct textpage *p = state;
    (void)x;
    (void)twice;
    return detail_follow(app, &p->tv, tv_click(&p->tv, y - p->top));
}
