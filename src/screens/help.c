/* help.c: the Help screen, generated from the key table so it can never disagree with the keys. */
#include "help.h"

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "glyph.h"
#include "query.h"
#include "text.h"
#include "util.h"
#include "i18n.h"
#include "textpage.h"

static const enum action hints[] = {A_BACK, A_HOME, A_LANG, A_QUIT};

struct help_out {
    struct textview *tv;
    int width;
};

/* One line of the key table's help: a section's title (label NULL) or a key and its sentence,
 * the sentence's wrapped lines under its first. */
static void add_key_line(void *ctx, const char *label, const char *text)
{
    struct help_out *out = ctx;
    if (!label) {
        tv_blank(out->tv);
        tv_add(out->tv, ROLE_HEADING, NULL, 0, text, out->width, NULL);
        return;
    }
    char padded[48], prefix[64];
    char *l = glyph_text(label), *t = glyph_text(text); /* arrows in the forms in use */
    text_pad(padded, sizeof padded, l, 12);             /* by columns: labels hold arrows */
    snprintf(prefix, sizeof prefix, "  %s ", padded);
    tv_add(out->tv, ROLE_NORMAL, prefix, 15, t, out->width, NULL);
    free(l);
    free(t);
}

static void build(struct app *app, struct textview *tv, int width)
{
    tv_add(tv, ROLE_HEADING, NULL, 0, _("Help: the keys of itpnav"), width, NULL);
    /* A kiosk's visitor cannot start it again with other options. */
    tv_add(tv, ROLE_NORMAL, NULL, 0,
           app->kiosk ? _("Everything works from the keyboard, and by touch: a tap selects or "
                          "opens, a tap on a key at the bottom presses it, and the wheel scrolls.")
                      : _("Everything works from the keyboard, and by touch or mouse: a click "
                          "selects or opens, a click on a key at the bottom presses it, and the "
                          "wheel scrolls (start with --no-mouse to keep your terminal's copy and "
                          "paste)."),
           width, NULL);
    /* TRANSLATORS: the two %s are marks (a star, a clock); %d is years. */
    char *marks = xasprintf(_("In the lists, %s marks what is on your shortlist and %s an entry "
                              "whose facts are more than %d years old: check it with the "
                              "organisation first."),
                            glyph(GLYPH_SAVED), glyph(GLYPH_OLD), QUERY_OLD_YEARS);
    tv_blank(tv);
    tv_add(tv, ROLE_NORMAL, NULL, 0, marks, width, NULL);
    free(marks);
    if (app->kiosk)
        tv_add(tv, ROLE_NORMAL, NULL, 0,
               _("This is a shared computer: after a while without use, everything you did here "
                 "is cleared for the next person, and nothing is saved."),
               width, NULL);
    struct help_out out = {tv, width};
    key_help(app->kiosk, add_key_line, &out);
}

void *help_create(struct app *app)
{
    (void)app;
    return textpage_create(build);
}

const struct screen screen_help = {
        .name = N_("Help"),
        .draw = textpage_draw,
        .on_key = textpage_key,
        .on_click = textpage_click,
        .destroy = textpage_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
