/* handout_view.c: the handout on screen: what a kiosk gives instead of a file, and a preview
 * everywhere else. */
#include "handout_view.h"

#include <stdlib.h>

#include "app.h"
#include "handout.h"
#include "textpage.h"
#include "util.h"
#include "i18n.h"

static const enum action hints[] = {A_BACK, A_EXPORT, A_QR, A_HOME, A_LANG, A_HELP};

static unsigned stamp(struct app *app)
{
    return app->prof_gen * 7919u + app->state_gen;
}

static void build(struct app *app, struct textview *tv, int width)
{
    char today[16];
    handout_today(today, sizeof today);
    struct doc *d = handout_doc(app->store, app->state, &app->prof, today);
    tv_from_doc(tv, d, width);
    doc_destroy(d);
    tv_blank(tv);
    char *how =
            /* TRANSLATORS: the two %s are keys' names (c, e). */
            app->kiosk ? xasprintf(_("Take a photo of this screen, press %s for a QR code of "
                                     "your shortlist to scan with your phone, or %s to print it "
                                     "where a printer is set up. It is cleared for the next "
                                     "person."),
                                   key_first(A_QR), key_first(A_EXPORT))
                       /* TRANSLATORS: the two %s are keys' names (e, c). */
                       : xasprintf(_("Press %s to save this as a file or print it. Press %s for "
                                     "a QR code of the shortlist."),
                                   key_first(A_EXPORT), key_first(A_QR));
    tv_add(tv, ROLE_DIM, NULL, 0, how, width, NULL);
    free(how);
}

void *handout_view_create(struct app *app)
{
    (void)app;
    return textpage_create_live(build, stamp);
}

const struct screen screen_handout = {
        .name = N_("Handout"),
        .draw = textpage_draw,
        .on_key = textpage_key,
        .on_click = textpage_click,
        .destroy = textpage_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
