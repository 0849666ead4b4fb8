/* glyph.c: the one table of the symbols the screens draw, and the choice of their forms. */
#include "glyph.h"

#include <string.h>

#include "util.h"

const struct glyph_def glyph_table[GLYPH_COUNT] = {
        [GLYPH_SELECTED] = {"\xE2\x96\xB8", ">", "the selected row"},
        [GLYPH_SAVED] = {"\xE2\x98\x85", "*", "on your shortlist"},
        [GLYPH_OLD] = {"\xE2\x97\xB7", "!", "its facts are more than two years old"},
        [GLYPH_MET] = {"\xE2\x9C\x93", "+", "a requirement you meet"},
        [GLYPH_UNMET] = {"\xE2\x9C\x97", "-", "a requirement you do not meet yet"},
        [GLYPH_LINK] = {"\xE2\x86\x92", "->", "a link to another entry"},
        [GLYPH_GO] = {"\xE2\x96\xB6", ">", "see which pathways fit"},
        [GLYPH_DONE] = {"\xE2\x9C\x93", "+", "finish a checklist"},
        [GLYPH_SEP] = {"\xC2\xB7", "|", "between the parts of a line"},
        [GLYPH_BULLET] = {"\xE2\x80\xA2", "-", "an item of a list"},
        [GLYPH_DOT] = {"\xE2\x80\xA2", "*", "a typed character of the PIN"},
        [GLYPH_ELLIPSIS] = {"\xE2\x80\xA6", "...", "text cut to fit"},
        [GLYPH_DASH] = {"\xE2\x80\x94", "-", "between a title and its publisher"},
        [GLYPH_UP] = {"\xE2\x86\x91", "Up", "the up arrow key"},
        [GLYPH_DOWN] = {"\xE2\x86\x93", "Down", "the down arrow key"},
        [GLYPH_LEFT] = {"\xE2\x86\x90", "Left", "the left arrow key"},
        [GLYPH_RIGHT] = {"\xE2\x86\x92", "Right", "the right arrow key"},
        [GLYPH_H_LINE] = {"\xE2\x94\x80", "-", "a box's edge"},
        [GLYPH_V_LINE] = {"\xE2\x94\x82", "|", "a box's edge"},
        [GLYPH_TOP_LEFT] = {"\xE2\x94\x8C", "+", "a box's corner"},
        [GLYPH_TOP_RIGHT] = {"\xE2\x94\x90", "+", "a box's corner"},
        [GLYPH_BOTTOM_LEFT] = {"\xE2\x94\x94", "+", "a box's corner"},
        [GLYPH_BOTTOM_RIGHT] = {"\xE2\x94\x98", "+", "a box's corner"},
};

static bool use_ascii;

void glyph_set_ascii(bool ascii)
{
    use_ascii = ascii;
}

bool glyph_ascii(void)
{
    return use_ascii;
}

bool glyph_needs_ascii(const char *term, bool utf8_locale)
{
    /* "linux", "linux-16color", "linux-c"...: the console's fonts have a few hundred glyphs. */
    return !utf8_locale || (term && strncmp(term, "linux", 5) == 0);
}

const char *glyph(enum glyph g)
{
    return use_ascii ? glyph_table[g].ascii : glyph_table[g].unicode;
}

/* Arrows in key names read as words in ASCII ("Up k"); the arrow that is also the link glyph
 * (→) is a key name in a label and a link in a sentence: as a key, "Right". */
char *glyph_text(const char *s)
{
    struct sb b = {0};
    sb_add(&b, "");
    for (const char *p = s ? s : ""; *p;) {
        size_t best = 0;
        const char *rep = NULL;
        if ((unsigned char)*p >= 0x80 && use_ascii)
            for (int g = 0; g < GLYPH_COUNT; g++) {
                size_t n = strlen(glyph_table[g].unicode);
                if (n > best && strncmp(p, glyph_table[g].unicode, n) == 0) {
                    best = n;
                    rep = glyph_table[g].ascii;
                    if (g == GLYPH_LINK)
                        rep = glyph_table[GLYPH_RIGHT].ascii;
                }
            }
        if (rep) {
            sb_add(&b, rep);
            p += best;
        } else {
            sb_addc(&b, *p++);
        }
    }
    return sb_take(&b);
}
