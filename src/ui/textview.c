/* textview.c: a scrollable page of wrapped, styled lines with selectable links. */
#include "textview.h"

#include <stdlib.h>
#include <string.h>

#include "glyph.h"
#include "text.h"
#include "util.h"
#include "i18n.h"

void tv_clear(struct textview *tv)
{
    for (size_t i = 0; i < tv->n; i++)
        free(tv->v[i].text);
    free(tv->v);
    for (int i = 0; i < tv->n_links; i++)
        free(tv->targets[i]);
    free(tv->targets);
    for (int i = 0; i < tv->n_urls; i++)
        free(tv->urls[i]);
    free(tv->urls);
    size_t top = tv->top;
    int margin = tv->margin, view_h = tv->view_h;
    *tv = (struct textview){.link_sel = -1, .top = top, .margin = margin, .view_h = view_h};
}

static struct tv_line *push(struct textview *tv, enum role role, int indent, const char *text,
                            int link)
{
    if ((tv->n & (tv->n - 1)) == 0)
        tv->v = xrealloc(tv->v, (tv->n ? 2 * tv->n : 1) * sizeof *tv->v);
    tv->v[tv->n] = (struct tv_line){role, indent, xstrdup(text), link, -1, 0, 0, false};
    return &tv->v[tv->n++];
}

void tv_blank(struct textview *tv)
{
    push(tv, ROLE_NORMAL, 0, "", -1);
}

/* A new string of the first len bytes of s. */
static char *copy_n(const char *s, size_t len)
{
    char *c = xmalloc(len + 1);
    memcpy(c, s, len);
    c[len] = '\0';
    return c;
}

static int add_url(struct textview *tv, const char *url, size_t len)
{
    tv->urls = xrealloc(tv->urls, (size_t)(tv->n_urls + 1) * sizeof *tv->urls);
    tv->urls[tv->n_urls] = copy_n(url, len);
    return tv->n_urls++;
}

/* Find the first web address in a line just pushed and note where it is: the word holding it,
 * without the punctuation around it in a sentence ("(see https://x.ca/)."). */
static void find_url(struct textview *tv, struct tv_line *l)
{
    const char *t = l->text;
    for (size_t i = 0; t[i];) {
        while (t[i] == ' ')
            i++;
        size_t start = i;
        while (t[i] && t[i] != ' ')
            i++;
        if (i == start || !text_has_url(t + start, i - start))
            continue;
        size_t a = start, b = i;
        while (a < b && strchr("(<[\"'", t[a]))
            a++;
        while (b > a && strchr(".,;:!?)>]\"'", t[b - 1]))
            b--;
        if (b > a) {
            l->url = add_url(tv, t + a, b - a);
            l->url_off = a;
            l->url_len = b - a;
        }
        return;
    }
}

/* An address too long for a row: rows of the whole width, margins included, cut between
 * characters (the terminal joins them again: draw_link_mark). */
static void push_long_url(struct textview *tv, enum role role, const char *url, int link)
{
    int row_w = tv->width + 2 * tv->margin;
    int u = add_url(tv, url, strlen(url));
    struct sb part = {0};
    int cols = 0;
    for (const char *p = url; *p;) {
        unsigned cp;
        size_t k = text_decode(p, strlen(p), &cp);
        int cw = text_cp_width(cp);
        if (cols + cw > row_w && part.len) {
            struct tv_line *l = push(tv, role, 0, sb_str(&part), link);
            l->url = u;
            l->url_len = part.len;
            l->full = true;
            sb_finish(&part);
            cols = 0;
        }
        sb_addn(&part, p, k ? k : 1);
        cols += cw;
        p += k ? k : 1;
    }
    struct tv_line *l = push(tv, role, 0, sb_str(&part), link);
    l->url = u;
    l->url_len = part.len;
    l->full = true;
    sb_finish(&part);
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
    int pw = prefix ? text_width(prefix) : 0, first_indent = 0;
    if (prefix && pw > width / 2 && pw > indent) {
        /* A prefix that leaves too little room (a long label) gets lines of its own. */
        struct text_lines *head = text_wrap(prefix, width > 1 ? width : 1);
        for (size_t i = 0; i < head->n; i++)
            push(tv, role, i ? indent : 0, head->line[i], link);
        text_lines_destroy(head);
        prefix = NULL;
        pw = 0;
        first_indent = indent;
    }
    int avail = width - (pw > indent ? pw : indent);
    if (avail < 8)
        avail = 8;
    struct text_lines *lines = text_wrap_links(text, avail);
    for (size_t i = 0; i < lines->n; i++) {
        const char *line = lines->line[i];
        if (text_width(line) > avail) {
            /* A web address longer than the room after the prefix (text_wrap_links gives it a
             * line of its own): below the prefix, where it has the whole width. */
            if (i == 0 && prefix) {
                char *p = xstrdup(prefix);
                for (size_t k = strlen(p); k > 0 && p[k - 1] == ' '; k--)
                    p[k - 1] = '\0';
                push(tv, role, 0, p, link);
                free(p);
            }
            if (text_width(line) + indent <= width)
                find_url(tv, push(tv, role, indent, line, link));
            else if (text_width(line) <= width)
                find_url(tv, push(tv, role, 0, line, link));
            else
                push_long_url(tv, role, line, link);
        } else if (i == 0 && prefix) {
            char *first = xasprintf("%s%s", prefix, line);
            find_url(tv, push(tv, role, 0, first, link));
            free(first);
        } else {
            find_url(tv, push(tv, role, i == 0 ? first_indent : indent, line, link));
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
            char *prefix = i18n_label(label);
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
        case DOC_BULLET: {
            char *prefix = xasprintf("  %s ", glyph(GLYPH_BULLET));
            tv_add(tv, ROLE_NORMAL, prefix, 4, l->text, width, NULL);
            free(prefix);
            break;
        }
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
            char *prefix = xasprintf("  %s ", glyph(GLYPH_LINK));
            tv_add(tv, ROLE_LINK, prefix, text_width(prefix), t, width, l->target);
            free(prefix);
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

/* A line's web address, marked for the terminal (draw_link_mark). */
static void mark_url(const struct textview *tv, const struct tv_line *l, int y, int x, int width,
                     enum role role)
{
    char *shown = copy_n(l->text + l->url_off, l->url_len);
    char *before = copy_n(l->text, l->url_off);
    int col = text_width(before);
    draw_link_mark(y, x + col, width - col, role, shown, tv->urls[l->url]);
    free(before);
    free(shown);
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
    /* A view that lost rows (to a message below it) keeps the selected link in sight. */
    if (tv->link_sel >= 0 && height < tv->view_h) {
        size_t line = first_line_of(tv, tv->link_sel);
        if (line >= tv->top + (size_t)height && line < tv->top + (size_t)tv->view_h)
            tv->top = line - (size_t)height + 1;
    }
    tv->view_h = height;
    tv->view_longer = longer;
    size_t max_top = tv->n > (size_t)height ? tv->n - (size_t)height : 0;
    if (tv->top > max_top)
        tv->top = max_top;
    int cursor_y = top;
    for (int r = 0; r < height && tv->top + (size_t)r < tv->n; r++) {
        const struct tv_line *l = &tv->v[tv->top + (size_t)r];
        bool sel = l->link >= 0 && l->link == tv->link_sel;
        enum role role = sel ? ROLE_SELECTED : l->role;
        int lx = l->full ? x - tv->margin : x + l->indent;
        int lw = l->full ? width + 2 * tv->margin : width - l->indent;
        draw_text(top + r, lx, lw, role, l->text);
        if (l->url >= 0)
            mark_url(tv, l, top + r, lx, lw, role);
        if (sel && (size_t)first_line_of(tv, l->link) == tv->top + (size_t)r)
            cursor_y = top + r;
    }
    if (longer) {
        char pos[96];
        size_t shown = tv->top + (size_t)height;
        if (shown >= total)
            /* TRANSLATORS: below a page shown to its end; PgUp is a key's name. */
            snprintf(pos, sizeof pos, "%s", _("End; PgUp for more above  100%"));
        else
            /* TRANSLATORS: below a longer page; PgDn is a key's name, %zu how much is shown. */
            snprintf(pos, sizeof pos, _("PgDn for more  %zu%%"), shown * 100 / total);
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
    if (tv->view_longer && row == tv->view_h) {
        bool at_end = tv->top + (size_t)tv->view_h >= tv->n;
        return tv_key(tv, at_end ? A_PAGE_UP : A_PAGE_DOWN, tv->view_h + 1);
    }
    size_t line = tv->top + (size_t)row;
    if (row < 0 || line >= tv->n || tv->v[line].link < 0)
        return TV_IGNORED;
    tv->link_sel = tv->v[line].link;
    return TV_OPEN;
}
