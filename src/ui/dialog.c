/* dialog.c: the box of a modal dialog, centred in the area it is drawn over. */
#include "dialog.h"

static void draw_box(struct rect b)
{
    for (int r = 0; r < b.h; r++)
        draw_line(b.y + r, b.x, b.w, ROLE_NORMAL, "");
    /* Unicode box lines, not the alternate character set: in a UTF-8 locale they draw the same
     * everywhere, where ACS needs the terminal description to be exactly right. */
    attron(draw_attr(ROLE_HEADING));
    for (int c = 1; c < b.w - 1; c++) {
        mvaddstr(b.y, b.x + c, "─");
        mvaddstr(b.y + b.h - 1, b.x + c, "─");
    }
    for (int r = 1; r < b.h - 1; r++) {
        mvaddstr(b.y + r, b.x, "│");
        mvaddstr(b.y + r, b.x + b.w - 1, "│");
    }
    mvaddstr(b.y, b.x, "┌");
    mvaddstr(b.y, b.x + b.w - 1, "┐");
    mvaddstr(b.y + b.h - 1, b.x, "└");
    mvaddstr(b.y + b.h - 1, b.x + b.w - 1, "┘");
    attroff(draw_attr(ROLE_HEADING));
}

int dialog_width(struct rect area)
{
    return area.w - 4 < DIALOG_MAX_W ? area.w - 4 : DIALOG_MAX_W;
}

struct rect dialog_box(struct rect area, int want_h)
{
    struct rect b;
    b.w = dialog_width(area);
    b.h = area.h - 2 < want_h ? area.h - 2 : want_h;
    if (b.h < 6)
        b.h = 6;
    b.x = area.x + (area.w - b.w) / 2;
    b.y = area.y + (area.h - b.h) / 2;
    draw_box(b);
    return b;
}
