/* draw.c: colour roles and width-safe drawing; no dataset text reaches the terminal unsanitised. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "text.h"

/* One row a role: the colour pair (foreground, background) and the attributes that carry the
 * meaning without colour. Monochrome terminals and NO_COLOR get the attributes alone. */
static const struct {
    short fg, bg;
    attr_t color_attr, mono_attr;
} roles[ROLE_COUNT] = {
        [ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
        [ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
        [ROLE_STATUS] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
        [ROLE_KEY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
        [ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD},
        [ROLE_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE},
        [ROLE_DIM] = {-1, -1, A_DIM, A_DIM},
        [ROLE_LINK] = {COLOR_GREEN, -1, A_UNDERLINE, A_UNDERLINE},
        [ROLE_NOTICE] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
        [ROLE_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
        [ROLE_GOOD] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
        [ROLE_WARN] = {COLOR_YELLOW, -1, A_NORMAL, A_NORMAL},
        [ROLE_BAD] = {COLOR_RED, -1, A_NORMAL, A_NORMAL},
        /* A QR code's blocks are its light modules (qr_lines), so that a reader sees dark on
         * light: white on black whatever the terminal's colours; without colours, the usual
         * light-on-dark terminal's own. */
        [ROLE_QR] = {COLOR_WHITE, COLOR_BLACK, A_NORMAL, A_NORMAL},
};

static bool use_color;

void draw_init_colors(bool color)
{
    use_color = color && has_colors() && start_color() == OK;
    if (!use_color)
        return;
    use_default_colors();
    for (int r = 1; r < ROLE_COUNT; r++)
        init_pair((short)r, roles[r].fg, roles[r].bg);
    /* Bright white where there is one: COLOR_WHITE is often a light grey. */
    if (COLORS >= 16)
        init_pair(ROLE_QR, COLOR_WHITE + 8, roles[ROLE_QR].bg);
}

attr_t draw_attr(enum role r)
{
    if (!use_color)
        return roles[r].mono_attr;
    /* The selected row is reversed, not coloured: the colour pair would undo the reverse. */
    if (r == ROLE_SELECTED)
        return roles[r].color_attr;
    return roles[r].color_attr | (r ? COLOR_PAIR(r) : 0);
}

int draw_text(int y, int x, int width, enum role r, const char *s)
{
    if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
        return 0;
    if (x + width > COLS)
        width = COLS - x;
    char buf[2048];
    int w = text_fit(buf, sizeof buf, s ? s : "", width);
    attr_t a = draw_attr(r);
    attron(a);
    mvaddstr(y, x, buf);
    attroff(a);
    return w;
}

void draw_line(int y, int x, int width, enum role r, const char *s)
{
    if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
        return;
    if (x + width > COLS)
        width = COLS - x;
    char buf[2048];
    text_pad(buf, sizeof buf, s ? s : "", width);
    attr_t a = draw_attr(r);
    attron(a);
    mvaddstr(y, x, buf);
    attroff(a);
}

void listview_fit(struct listview *lv, int height)
{
    if (height < 1)
        height = 1;
    if (lv->n == 0) {
        lv->sel = lv->top = 0;
        return;
    }
    if (lv->sel >= lv->n)
        lv->sel = lv->n - 1;
    if (lv->sel < lv->top)
        lv->top = lv->sel;
    if (lv->sel >= lv->top + (size_t)height)
        lv->top = lv->sel - (size_t)height + 1;
    /* Never leave empty rows below the end when there is more above. */
    if (lv->top + (size_t)height > lv->n)
        lv->top = lv->n > (size_t)height ? lv->n - (size_t)height : 0;
}

bool listview_move(struct listview *lv, int action, int height)
{
    size_t old = lv->sel, page = height > 1 ? (size_t)height - 1 : 1;
    if (lv->n == 0)
        return false;
    switch (action) {
    case A_UP: lv->sel = lv->sel ? lv->sel - 1 : 0; break;
    case A_DOWN: lv->sel = lv->sel + 1 < lv->n ? lv->sel + 1 : lv->sel; break;
    case A_PAGE_UP: lv->sel = lv->sel > page ? lv->sel - page : 0; break;
    case A_PAGE_DOWN: lv->sel = lv->sel + page < lv->n ? lv->sel + page : lv->n - 1; break;
    case A_FIRST: lv->sel = 0; break;
    case A_LAST: lv->sel = lv->n - 1; break;
    default: return false;
    }
    listview_fit(lv, height);
    return lv->sel != old;
}

enum role draw_status_role(const char *status)
{
    if (!status)
        return ROLE_DIM;
    if (strcmp(status, "available") == 0)
        return ROLE_GOOD;
    if (strcmp(status, "closed") == 0)
        return ROLE_BAD;
    return ROLE_WARN;
}
