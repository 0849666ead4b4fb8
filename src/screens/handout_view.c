/* handout_view.c: the handout on screen: what a kiosk gives instead of a file, and a preview
 * everywhere else. */
#include "handout_view.h"

#include <stdlib.h>

#include "app.h"
#include "handout.h"
#include "textpage.h"

static const enum action hints[] = {A_BACK, A_EXPORT, A_QR, A_HOME, A_HELP};

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
    tv_add(tv, ROLE_DIM, NULL, 0,
           app->kiosk ? "Take a photo of this screen, press c for a QR code of your shortlist to "
                        "scan with your phone, or e to print it where a printer is set up. It is "
                        "cleared for the next person."
                      : "Press e to save this as a file or print it. Press c for a QR code of "
                        "the shortlist.",
           width, NULL);
}

void *handout_view_create(struct app *app)
{
    (void)app;
    return textpage_create_live(build, stamp);
}

const struct screen screen_handout = {
        .name = "Handout",
        .draw = textpage_draw,
        .on_key = textpage_key,
        .destroy = textpage_destroy,
        .hints = hints,
        .n_hints = sizeof hints / sizeof hints[0],
        .scope = SCOPE_DETAIL,
};
