/* commands.c: the keys that work on every screen, done when the screen on top leaves them. */
#include "commands.h"

#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>

#include "app.h"
#include "filters.h"
#include "handout_flow.h"
#include "help.h"
#include "i18n.h"
#include "kiosk.h"
#include "picker.h"
#include "prompt.h"
#include "qr_view.h"
#include "shortlist.h"
#include "wizard.h"

static struct result new_client_chosen(struct app *app, void *ctx, const char *const *values,
                                       size_t n)
{
    (void)ctx;
    if (!n)
        return result_of(R_REDRAW);
    if (strcmp(values[0], "export") == 0) {
        struct result r = handout_flow_menu(app);
        /* TRANSLATORS: %s is a key's name (N). */
        app_notice(app, _("After the handout, press %s again to start for the new client."),
                   key_first(A_NEW_CLIENT));
        return r;
    }
    if (strcmp(values[0], "clear") == 0) {
        app_clear_session(app);
        app_notice(app, "%s",
                   _("Ready for a new client: filters, answers, shortlist and notes cleared."));
        return result_of(R_RESTART | R_REDRAW);
    }
    return result_of(R_REDRAW);
}

/* Ask, then start again for a new client. */
static struct result new_client(struct app *app)
{
    char help[200];
    size_t n = state_count(app->state);
    snprintf(help, sizeof help,
             /* TRANSLATORS: %zu is how many entries the shortlist holds. */
             _("This clears the filters, search, answers, the shortlist (%zu) and its notes."), n);
    struct picker *p = picker_create(_("Start again for a new client?"), help, 0, new_client_chosen,
                                     NULL, NULL, NULL);
    picker_add(p, "export", _("Make the handout first"), NULL, 0);
    picker_add(p, "clear", _("Clear everything now"), NULL, 0);
    picker_add(p, "cancel", _("Cancel"), NULL, 0);
    return picker_open(p, n ? "export" : "clear");
}

/* Guessing is slow: after each wrong PIN the next is not even checked for a while, twice as
 * long each time, on the idle clock (so the screen, the countdown and the reset go on). Only
 * the right PIN clears the count; an idle reset does not. */
static struct result check_pin(struct app *app, void *ctx, const char *text, const char **error)
{
    (void)ctx;
    double now = kiosk_clock_now(&app->clock);
    if (now < app->pin_next_try) {
        snprintf(app->pin_message, sizeof app->pin_message,
                 /* TRANSLATORS: %.0f is seconds. */
                 _("Too soon: the next try is in %.0f s."), ceil(app->pin_next_try - now));
        *error = app->pin_message;
        return result_of(R_REDRAW);
    }
    if (kiosk_pin_ok(app->pin_hash, text)) {
        kiosk_log(LOG_AUTHPRIV | LOG_NOTICE,
                  "kiosk: the operator left with the PIN (after %u wrong)", app->pin_failures);
        app->pin_failures = 0;
        return result_of(R_QUIT);
    }
    app->pin_failures++;
    double wait = kiosk_pin_wait(app->pin_failures);
    app->pin_next_try = now + wait;
    kiosk_log(LOG_AUTHPRIV | LOG_WARNING,
              "kiosk: a wrong operator PIN (%u in a row); the next try in %.0f s",
              app->pin_failures, wait);
    snprintf(app->pin_message, sizeof app->pin_message,
             /* TRANSLATORS: %.0f is seconds. */
             _("That is not the PIN. The next try is in %.0f s."), wait);
    *error = app->pin_message;
    return result_of(R_REDRAW);
}

struct result commands_switch_lang(struct app *app)
{
    const char *to = i18n_french() ? "en" : "fr";
    /* A dialog holds its question in the words it was asked in: it closes, and is asked again
     * in the other language when opened again. The screens beneath keep their place. */
    unsigned pop = stack_top(&app->stack)->screen->modal ? R_POP : 0;
    if (!app_set_lang(app, to))
        return result_of(R_REDRAW);
    /* Said in the language now shown. */
    app_notice(app,
               /* TRANSLATORS: %s is the language key's name (L). */
               i18n_french() ? _("Now in French. %s goes back to English.")
                             : _("Now in English. %s goes back to French."),
               key_first(A_LANG));
    return result_of(pop | R_REDRAW);
}

struct result commands_run(struct app *app, enum action a)
{
    const struct screen *top = stack_top(&app->stack)->screen;
    switch (a) {
    case A_QUIT:
        if (app->kiosk) {
            app_notice(app, "%s",
                       _("This computer is shared: itpnav stays open for the next person."));
            return result_of(R_REDRAW);
        }
        return result_of(R_QUIT);
    case A_OPERATOR:
        /* Hidden; without a PIN file there is no way out from the keyboard at all. */
        if (app->kiosk && app->pin_hash[0])
            return prompt_open(_("Operator"), _("Type the PIN to leave the kiosk."), "",
                               PROMPT_SECRET, check_pin, NULL, NULL);
        return result_of(R_REDRAW);
    case A_SHORTLIST:
        if (top != &screen_shortlist)
            return result_push(&screen_shortlist, shortlist_create(app));
        return result_of(R_REDRAW);
    case A_WIZARD: return wizard_open(app);
    case A_EXPORT: return handout_flow_menu(app);
    case A_QR: return qr_view_shortlist(app);
    case A_NEW_CLIENT: return new_client(app);
    case A_MARK:
        /* TRANSLATORS: %s is a key's name (a). */
        app_notice(app, _("Select a support or pathway in a list, then press %s to save it."),
                   key_first(A_MARK));
        return result_of(R_REDRAW);
    case A_UNDO: app_undo(app, NULL, 0, NULL, 0); return result_of(R_REDRAW);
    case A_HELP:
        if (top != &screen_help)
            return result_push(&screen_help, help_create(app));
        return result_of(R_REDRAW);
    case A_LANG: return commands_switch_lang(app);
    case A_HOME: return result_of(R_HOME | R_REDRAW);
    case A_BACK: return result_of(R_POP | R_REDRAW);
    case A_REDRAW: clearok(curscr, TRUE); return result_of(R_REDRAW);
    case A_REGION:
    case A_GOAL: return filters_pick(app, a);
    default: return result_of(R_IGNORED);
    }
}
