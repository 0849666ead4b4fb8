/* field.c: the one-line text field: editing keys from the key table, a printable-character
 * filter, and drawing that keeps the end of the text (where the typing is) in view. */
#include "field.h"

#include "glyph.h"
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "text.h"
#include "util.h"

void field_init(struct field *f, char *buf, size_t size)
{
    *f = (struct field){.text = buf, .size = size};
}

bool field_printable(unsigned cp)
{
    /* text_is_unsafe lets newline and tab through (text may hold them); a field never does. */
    return cp >= 0x20u && !text_is_unsafe(cp);
}

void field_set(struct field *f, const char *s)
{
    f->text[0] = '\0';
    while (s && *s) {
        unsigned cp;
        size_t k = text_decode(s, strlen(s), &cp);
        if (field_printable(cp))
            text_append_char(f->text, f->size, cp);
        s += k ? k : 1;
    }
}

enum field_result field_key(struct field *f, int key)
{
    switch (key_action_in(SCOPE_FIELD, key)) {
    case A_FIELD_DELETE_CHAR:
        if (!f->text[0])
            return FIELD_IGNORED; /* nothing to delete: Backspace is the owner's (back) */
        text_delete_char(f->text);
        return FIELD_CHANGED;
    case A_FIELD_DELETE_WORD: text_delete_word(f->text); return FIELD_CHANGED;
    case A_FIELD_CLEAR: f->text[0] = '\0'; return FIELD_CHANGED;
    case A_FIELD_ACCEPT: return FIELD_ACCEPT;
    case A_FIELD_CANCEL: return FIELD_CANCEL;
    case A_FIELD_LEAVE: return FIELD_LEAVE;
    default: break;
    }
    if (KEY_IS_FN(key) || key < 0 || !field_printable((unsigned)key))
        return FIELD_IGNORED;
    return text_append_char(f->text, f->size, (unsigned)key) ? FIELD_CHANGED : FIELD_HANDLED;
}

int field_draw(const struct field *f, int y, int x, int width, enum role role, const char *label)
{
    struct sb text = {0};
    if (f->secret) {
        for (const char *s = f->text; *s; s++)
            if (((unsigned char)*s & 0xC0) != 0x80)
                sb_add(&text, glyph(GLYPH_DOT));
    } else {
        sb_add(&text, f->text);
    }
    /* Longer than the field: the first characters go until the end fits, with a column left
     * for the cursor; the label stays. */
    const char *from = sb_str(&text);
    int tw = text_width(label ? label : "") + text_width(from);
    while (tw >= width && *from) {
        unsigned cp;
        size_t k = text_decode(from, strlen(from), &cp);
        tw -= text_cp_width(cp);
        from += k ? k : 1;
    }
    struct sb line = {0};
    sb_addf(&line, "%s%s", label ? label : "", from);
    draw_line(y, x, width, role, sb_str(&line));
    int end = x + text_width(sb_str(&line));
    sb_finish(&line);
    sb_finish(&text);
    return end < x + width ? end : x + width - 1;
}
