/* textview.c: a scrollable page of wrapped, styled lines with selectable links. */
#include "textview.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

void tv_clear(struct textview *tv)
{
    for (size_t i = 0; i < tv->n; i++)
        free(tv->v[i].text);
    free(tv->v);
    for (int i = 0; i < tv->n_links; i++)
        free(tv->targets[i]);
    free(tv->targets);
    size_t top = tv->top;
    *tv = (struct textview){.link_sel = -1, .top = top};
}

static void push(struct textview *tv, enum role role, int indent, const char *text, int link)
{
    if ((tv->n & (tv->n - 1)) == 0)
        tv->v = xrealloc(tv->v, (tv->n ? 2 * tv->n : 1) * sizeof *tv->v);
    tv->v[tv->n++] = (struct tv_line){role, indent, xstrdup(text), link};
}

void tv_blank(struct textview *tv)
{
    push(tv, ROLE_NORMAL, 0, "", -1);
}

void tv_add(struct textview *tv, enum role role, const char *prefix, int indent, const char *text,
            int width, const char *target)
{
    int link = -1;
    if (target) {
        tv->targets = xrealloc(tv->targets, (size_t)(tv->n_links + 1) * sizeof *tv->targets);
        tv->targets[tv->n_links] = xstrdup(target);
        link = tv->n_links++;
    }
    /* width is the whole view: text goes after the prefix, or after the indent below it. */
    int pw = prefix ? text_width(prefix) : 0;
    int avail = width - (pw > indent ? pw : indent);
    if (avail < 8)
        avail = 8;
    struct text_lines *lines = text_wrap(text, avail);
    for (size_t i = 0; i < lines->n; i++) {
        if (i == 0 && prefix) {
            char *first = xasprintf("%s%s", prefix, lines->line[0]);
            push(tv, role, 0, first, link);
            free(first);
        } else {
            push(tv, role, i == 0 ? 0 : indent, lines->line[i], link);
        }
    }
    if (!lines->n)
        push(tv, role, 0, prefix ? prefix : "", link);
    text_lines_destroy(lines);
}

void tv_from_doc(struct textview *tv, const struct doc *d, int width)
{
    tv_clear(tv);
    tv->width = width;
    for (size_t i = 0; i < d->n; i++) {
        const struct doc_line *l = &d->v[i];
        switch (l->style) {
        case DOC_TITLE: tv_add(tv, ROLE_HEADING, NULL, 0, l->text, width, NULL); break;
        case DOC_SECTION:
        case DOC_HEADING:
            tv_blank(tv);
            tv_add(tv, ROLE_HEADING, NULL, 0, l->text, width, NULL);
            break;
        case DOC_FIELD: {
            char *label = text_sanitize(l->label, false);
            char *prefix = xasprintf("%s: ", label);
            tv_add(tv, ROLE_NORMAL, prefix, 2, l->text, width, NULL);
            free(prefix);
            free(label);
            break;
        }
        case DOC_TEXT: tv_add(tv, ROLE_NORMAL, NULL, 0, l->text, width, NULL); break;
        case DOC_NOTE:
            tv_blank(tv);
            tv_add(tv, ROLE_DIM, NULL, 0, l->text, width, NULL);
            break;
        case DOC_BULLET: tv_add(tv, ROLE_NORMAL, "  • ", 4, l->text, width, NULL); break;
        case DOC_STEP: {
            char *prefix = xasprintf("  %d. ", l->number);
            tv_add(tv, ROLE_NORMAL, prefix, 5, l->text, width, NULL);
            if (l->detail)
                tv_add(tv, ROLE_DIM, "     ", 5, l->detail, width, NULL);
            free(prefix);
            break;
        }
        case DOC_URL: {
            /* A web address on its own line; one wider than the view goes on at the left edge,
             * so that it reads whole. */
            char *prefix = xasprintf("%*s", l->number, "");
            tv_add(tv, ROLE_NORMAL, prefix, 0, l->text, width, NULL);
            free(prefix);
            break;
        }
        case DOC_LINK: {
            char *t = xasprintf("%s (%s)", l->text, l->detail ? l->detail : "");
            tv_add(tv, ROLE_LINK, "  → ", 4, t, width, l->target);
            free(t);
            break;
        }
        }
    }
    if (tv->top >= tv->n)
        tv->top = tv->n ? tv->n - 1 : 0;
}

static size_t first_line_of(const struct textview *tv, int link)
{
    for (size_t i = 0; i < tv->n; i++)
        if (tv->v[i].link == link)
            return i;
    return 0;
}

/* Rows of text a view of height rows shows: one fewer when the position line is needed. */
static int text_rows(const struct textview *tv, int height)
{
    return tv->n > (size_t)height && height > 2 ? height - 1 : height;
}

void tv_draw(struct textview *tv, struct rect area)
{
    int top = area.y, height = area.h, x = area.x, width = area.w;
    /* A page longer than the view gives up its last row to say where it is, so the position
     * never hides text. */
    bool longer = tv->n > (size_t)height && height > 2;
    size_t total = tv->n;
    if (longer)
        height--;
    size_t max_top = tv->n > (size_t)height ? tv->n - (size_t)height : 0;
    if (tv->top > max_top)
        tv->top = max_top;
    int cursor_y = top;
    for (int r = 0; r < height && tv->top + (size_t)r < tv->n; r++) {
        const struct tv_line *l = &tv->v[tv->top + (size_t)r];
        bool sel = l->link >= 0 && l->link == tv->link_sel;
        enum role role = sel ? ROLE_SELECTED : l->role;
        draw_text(top + r, x + l->indent, width - l->indent, role, l->text);
        if (sel && (size_t)first_line_of(tv, l->link) == tv->top + (size_t)r)
            cursor_y = top + r;
    }
    if (longer) {
        char pos[96];
        size_t shown = tv->top + (size_t)height;
        if (shown >= total)
            snprintf(pos, sizeof pos, "End; PgUp for more above  100%%");
        else
            snprintf(pos, sizeof pos, "PgDn for more  %zu%%", shown * 100 / total);
        draw_text(top + height, x, width, ROLE_DIM, pos);
    }
    move(cursor_y, x);
}

/* Select a link and scroll so that it shows. */
static void select_link(struct textview *tv, int link, int height)
{
    tv->link_sel = link;
    size_t line = first_line_of(tv, link);
    if (line < tv->top)
        tv->top = line;
    else if (line >= tv->top + (size_t)height)
        tv->top = line - (size_t)height + 1;
}

const char *tv_link(const struct textview *tv)
{
    return tv->link_sel >= 0 && tv->link_sel < tv->n_links ? tv->targets[tv->link_sel] : NULL;
}

enum tv_event tv_key(struct textview *tv, enum action a, int height)
{
    height = text_rows(tv, height);
    size_t page = height > 2 ? (size_t)height - 2 : 1;
    size_t max_top = tv->n > (size_t)height ? tv->n - (size_t)height : 0;
    switch (a) {
    case A_UP: tv->top = tv->top ? tv->top - 1 : 0; return TV_MOVED;
    case A_DOWN: tv->top = tv->top < max_top ? tv->top + 1 : max_top; return TV_MOVED;
    case A_PAGE_UP: tv->top = tv->top > page ? tv->top - page : 0; return TV_MOVED;
    case A_PAGE_DOWN:
        tv->top = tv->top + page < max_top ? tv->top + page : max_top;
        return TV_MOVED;
    case A_FIRST: tv->top = 0; return TV_MOVED;
    case A_LAST: tv->top = max_top; return TV_MOVED;
    case A_NEXT_LINK:
        if (tv->n_links)
            select_link(tv, (tv->link_sel + 1) % tv->n_links, height);
        return TV_MOVED;
    case A_PREV_LINK:
        if (tv->n_links)
            select_link(tv, tv->link_sel <= 0 ? tv->n_links - 1 : tv->link_sel - 1, height);
        return TV_MOVED;
    case A_MARK: return TV_MARK;
    case A_OPEN:
        if (tv_link(tv))
            return TV_OPEN;
        if (tv->n_links) {
            select_link(tv, 0, height);
            return TV_FIRST_LINK;
        }
        return TV_MOVED;
    default: return TV_IGNORED;
    }
}

enum tv_event tv_click(struct textview *tv, int row)
{
    size_t line = tv->top + (size_t)row;
    if (row < 0 || line >= tv->n || tv->v[line].link < 0)
        return TV_IGNORED;
    tv->link_sel = tv->v[line].link;
    return TV_OPEN;
}
