/* about.c: the About screen: the dataset's purpose, background figures and where they come from. */
#include "about.h"

#include <stdlib.h>

#include "app.h"
#include "glyph.h"
#include "store.h"
#include "textpage.h"
#include "util.h"
#include "i18n.h"
#include "vocab.h"

static const enum action hints[] = {A_BACK, A_HOME, A_LANG, A_HELP, A_QUIT};

/* The dataset's sources, one a line; what failed when the store cannot list them. */
static void add_sources(struct app *app, struct textview *tv, int width)
{
    struct vocab_list sources;
    struct err e = {0};
    tv_blank(tv);
    tv_add(tv, ROLE_HEADING, NULL, 0, _("Sources"), width, NULL);
    if (vocab_list(app->store, VOCAB_SOURCE, &sources, &e) != 0)
        tv_add(tv, ROLE_NORMAL, NULL, 0, e.msg, width, NULL);
    vocab_list_localize(app->store, VOCAB_SOURCE, &sources, i18n_lang());
    for (size_t i = 0; i < sources.n; i++) {
        const char *t = sources.v[i].name, *u = sources.v[i].url;
        const char *p = sources.v[i].publisher, *d = sources.v[i].as_of;
        /* An undated page says when it was seen, not a date of its own. */
        bool seen = sources.v[i].undated;
        const char *dash = glyph(GLYPH_DASH);
        char *when = !d ? xstrdup("")
                     /* TRANSLATORS: after a source's title: when an undated page was seen, or the
                      * date the source gives; %s is the date (a day, a month or a year). */
                     : seen ? i18n_dated(d, C_("seen a day", ", seen %s (the page is undated)"),
                                         C_("seen a month", ", seen %s (the page is undated)"),
                                         C_("seen a year", ", seen %s (the page is undated)"))
                            : i18n_dated(d, C_("source as of a day", ", as of %s"),
                                         C_("source as of a month", ", as of %s"),
                                         C_("source as of a year", ", as of %s"));
        char *item = xasprintf("%s%s%s%s%s%s%s%s", t ? t : "", p ? " " : "", p ? dash : "",
                               /* TRANSLATORS: between a source's title and its web address. */
                               p ? " " : "", p ? p : "", when, u ? _(": ") : "", u ? u : "");
        free(when);
        char *bullet = xasprintf("  %s ", glyph(GLYPH_BULLET));
        tv_add(tv, ROLE_NORMAL, bullet, 4, item, width, NULL);
        free(bullet);
        free(item);
    }
    vocab_list_finish(&sources);
}

static void build(struct app *app, struct textview *tv, int width)
{
    tv_add(tv, ROLE_HEADING, NULL, 0, app->title ? app->title : "itpnav", width, NULL);
    char *notes = store_meta_in(app->store, "notes", i18n_lang());
    char *publisher = store_meta(app->store, "publisher");
    char *license = store_meta(app->store, "license");
    if (notes) {
        tv_blank(tv);
        /* Paragraphs are separated by newlines in the dataset. */
        tv_add(tv, ROLE_NORMAL, NULL, 0, notes, width, NULL);
    }
    tv_blank(tv);
    tv_add(tv, ROLE_HEADING, NULL, 0, _("About this data"), width, NULL);
    /* TRANSLATORS: %s is the data's date (a day, a month or a year). */
    char *date = app->as_of ? i18n_dated(app->as_of, C_("data as of a day", "as of %s"),
                                         C_("data as of a month", "as of %s"),
                                         C_("data as of a year", "as of %s"))
                            : xstrdup(_("as of an unknown date"));
    /* TRANSLATORS: %s is "as of DATE". */
    char *line = xasprintf(_("The data is %s. Each entry names its source and the date the "
                             "source gave; check with the organisation before you rely on it."),
                           date);
    free(date);
    tv_add(tv, ROLE_NORMAL, NULL, 0, line, width, NULL);
    free(line);
    if (publisher)
        tv_add(tv, ROLE_NORMAL, _("Compiled by: "), 2, publisher, width, NULL);
    if (license)
        tv_add(tv, ROLE_NORMAL, _("Licence: "), 2, license, width, NULL);
    tv_add(tv, ROLE_NORMAL, _("Data file: "), 2, store_origin(app->store), width, NULL);

    add_sources(app, tv, width);
    free(notes);
    free(publisher);
    free(license);
}

void *about_create(struct app *app)
{
    (void)app;
    return textpage_create(build);
}

const struct screen screen_about = {
        .name = N_("About"),
        .draw = textpage_draw,
        .on_key = textpage_key,
        .on_click = textpage_click,
        .destroy = textpage_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
