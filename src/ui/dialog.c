/* dialog.c: the box of a modal dialog, centred in the area it is drawn over. */
#include "dialog.h"

#include "glyph.h"

static void draw_box(struct rect b)
{
    for (int r = 0; r < b.h; r++)
        draw_line(b.y + r, b.x, b.w, ROLE_NORMAL, "");
    /* Box lines from the glyph table, not the alternate character set: in a UTF-8 locale they
     * draw the same everywhere, where ACS needs the terminal description to be exactly right;
     * elsewhere their ASCII forms. */
    for (int c = 1; c < b.w - 1; c++) {
        draw_glyph(b.y, b.x + c, ROLE_HEADING, GLYPH_H_LINE);
        draw_glyph(b.y + b.h - 1, b.x + c, ROLE_HEADING, GLYPH_H_LINE);
    }
    for (int r = 1; r < b.h - 1; r++) {
        draw_glyph(b.y + r, b.x, ROLE_HEADING, GLYPH_V_LINE);
        draw_glyph(b.y + r, b.x + b.w - 1, ROLE_HEADING, GLYPH_V_LINE);
    }
    draw_glyph(b.y, b.x, ROLE_HEADING, GLYPH_TOP_LEFT);
    draw_glyph(b.y, b.x + b.w - 1, ROLE_HEADING, GLYPH_TOP_RIGHT);
    draw_glyph(b.y + b.h - 1, b.x, ROLE_HEADING, GLYPH_BOTTOM_LEFT);
    draw_glyph(b.y + b.h - 1, b.x + b.w - 1, ROLE_HEADING, GLYPH_BOTTOM_RIGHT);
}

int dialog_width(struct rect area)
{
    return area.w - 4 < DIALOG_MAX_W ? area.w - 4 : DIALOG_MAX_W;
}

struct rect dialog_box(struct rect area, int want_h)
{
    struct rect b;
    b.w = dialog_width(area);
    /* A row of the screen beneath shows above and below the box, unless the screen is so short
     * that the box needs them. */
    int most = area.h - 2 >= 12 ? area.h - 2 : area.h;
    b.h = most < want_h ? most : want_h;
    if (b.h < 6)
        b.h = 6;
    b.x = area.x + (area.w - b.w) / 2;
    b.y = area.y + (area.h - b.h) / 2;
    draw_box(b);
    return b;
}
