/* handout_flow.c: making the handout: the menu, asking for a file name, saving (and asking
 * before replacing a file), showing and printing. */
#include "handout_flow.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "handout.h"
#include "handout_view.h"
#include "picker.h"
#include "prompt.h"
#include "qr_view.h"
#include "util.h"
#include "i18n.h"

/* What a save dialog is for; each dialog owns its own copy. */
struct save_request {
    enum handout_format format;
    char path[4096];
    char error[4400]; /* what the prompt shows when the file cannot be written */
};

static struct save_request *save_request_copy(const struct save_request *req)
{
    struct save_request *copy = xmalloc(sizeof *copy);
    memcpy(copy, req, sizeof *copy);
    return copy;
}

static struct result ask_file_name(enum handout_format f, const char *suggest);

static struct result replace_chosen(struct app *app, void *ctx, const char *const *values,
                                    size_t n);

/* Write the handout to req->path; when the file exists and replace is false, ask first. NULL,
 * or what went wrong. */
static const char *save_to(struct app *app, struct save_request *req, bool replace,
                           struct result *then)
{
    char today[16];
    handout_today(today, sizeof today);
    struct doc *d = handout_doc(app->store, app->state, &app->prof, today);
    char *text = handout_render(d, req->format);
    doc_destroy(d);
    int rc = handout_save(req->path, text, replace);
    free(text);
    *then = result_of(R_REDRAW);
    if (rc == EEXIST && !replace) {
        char title[4200];
        /* TRANSLATORS: %s is a file's path. */
        snprintf(title, sizeof title, _("%s exists already"), req->path);
        struct picker *p = picker_create(title, _("Replace it, or choose another name?"), 0,
                                         replace_chosen, NULL, save_request_copy(req), free);
        picker_add(p, "replace", _("Replace it"), NULL, 0);
        picker_add(p, "rename", _("Choose another name"), NULL, 0);
        picker_add(p, "cancel", _("Cancel"), NULL, 0);
        *then = picker_open(p, "rename");
        return NULL;
    }
    if (rc != 0) {
        /* TRANSLATORS: %s is a file's path, then why it cannot be written. */
        snprintf(req->error, sizeof req->error, _("Cannot write %s: %s"), req->path,
                 file_error_words(rc));
        return req->error;
    }
    /* TRANSLATORS: %s is a file's path. */
    app_notice(app, _("Handout saved to %s"), req->path);
    return NULL;
}

static struct result replace_chosen(struct app *app, void *ctx, const char *const *values, size_t n)
{
    struct save_request *req = ctx;
    struct result then = result_of(R_REDRAW);
    if (n && strcmp(values[0], "replace") == 0) {
        const char *err = save_to(app, req, true, &then);
        if (err)
            app_notice(app, "%s", err);
    } else if (n && strcmp(values[0], "rename") == 0) {
        then = ask_file_name(req->format, req->path);
    }
    return then;
}

static struct result save_named(struct app *app, void *ctx, const char *text, const char **error)
{
    struct save_request *req = ctx;
    const char *t = text + strspn(text, " ");
    if (!t[0]) {
        /* TRANSLATORS: %s is a key's name (Esc). */
        snprintf(req->error, sizeof req->error, _("Type a file name, or %s to cancel."),
                 key_first(A_FIELD_CANCEL));
        *error = req->error;
        return result_of(R_REDRAW);
    }
    const char *home = getenv("HOME");
    if (strncmp(t, "~/", 2) == 0 && home && home[0])
        snprintf(req->path, sizeof req->path, "%s/%s", home, t + 2);
    else
        snprintf(req->path, sizeof req->path, "%s", t);
    struct result then;
    *error = save_to(app, req, false, &then);
    return then;
}

/* Ask for a file name (suggest, or the default for today) and save the handout in format f. */
static struct result ask_file_name(enum handout_format f, const char *suggest)
{
    struct save_request *req = xcalloc(1, sizeof *req);
    req->format = f;
    char today[16], help[4200], cwd[4096];
    handout_today(today, sizeof today);
    char *name = suggest ? xstrdup(suggest) : handout_file_name(today, f);
    /* TRANSLATORS: %s is a folder's path, or "the current directory". */
    snprintf(help, sizeof help, _("A file name or path; a bare name goes in %s."),
             getcwd(cwd, sizeof cwd) ? cwd : _("the current directory"));
    struct result r = prompt_open(f == HANDOUT_MARKDOWN ? _("Save the handout as Markdown")
                                                        : _("Save the handout as text"),
                                  help, name, 0, save_named, req, free);
    free(name);
    return r;
}

static void print_handout(struct app *app)
{
    const char *lp = handout_printer();
    if (!lp) {
        app_notice(app, "%s", _("No printer is set up here."));
        return;
    }
    char today[16];
    handout_today(today, sizeof today);
    struct doc *d = handout_doc(app->store, app->state, &app->prof, today);
    char *text = handout_render(d, HANDOUT_TEXT);
    doc_destroy(d);
    struct err e = {0};
    if (handout_print(lp, text, &e) == 0)
        app_notice(app, "%s", _("The handout was sent to the printer."));
    else
        app_notice(app, "%s", e.msg);
    free(text);
}

static struct result export_chosen(struct app *app, void *ctx, const char *const *values, size_t n)
{
    (void)ctx;
    if (!n)
        return result_of(R_REDRAW);
    if (strcmp(values[0], "text") == 0)
        return ask_file_name(HANDOUT_TEXT, NULL);
    if (strcmp(values[0], "markdown") == 0)
        return ask_file_name(HANDOUT_MARKDOWN, NULL);
    if (strcmp(values[0], "show") == 0)
        return result_push(&screen_handout, handout_view_create(app));
    if (strcmp(values[0], "qr") == 0)
        return qr_view_shortlist(app);
    if (strcmp(values[0], "print") == 0)
        print_handout(app);
    return result_of(R_REDRAW);
}

struct result handout_flow_menu(struct app *app)
{
    if (handout_empty(app->state, &app->prof)) {
        /* An empty handout helps no one: say what would fill it. */
        app_notice(app,
                   /* TRANSLATORS: the two %s are keys' names (a, p). */
                   _("Nothing to hand out yet: nothing is saved on the shortlist and no question "
                     "is answered. %s saves an entry; %s asks the questions."),
                   key_first(A_MARK), key_first(A_WIZARD));
        return result_of(R_REDRAW);
    }
    char help[160];
    size_t n = state_count(app->state);
    snprintf(help, sizeof help,
             profile_empty(&app->prof)
                     /* TRANSLATORS: what a handout holds; %zu is how many entries. */
                     ? ngettext("Your shortlist (%zu entry), notes, dated today.",
                                "Your shortlist (%zu entries), notes, dated today.", n)
                     /* TRANSLATORS: what a handout holds; %zu is how many entries. */
                     : ngettext("Your shortlist (%zu entry), notes, answers and which pathways "
                                "fit, dated today.",
                                "Your shortlist (%zu entries), notes, answers and which pathways "
                                "fit, dated today.",
                                n),
             n);
    struct picker *p = picker_create(_("Make a handout"), help, 0, export_chosen, NULL, NULL, NULL);
    if (!app->kiosk) { /* a kiosk writes nothing to disk */
        picker_add(p, "text", _("Save as a text file"), NULL, 0);
        picker_add(p, "markdown", _("Save as a Markdown file"), NULL, 0);
    }
    picker_add(p, "show", _("Show it on the screen"), NULL, 0);
    if (handout_printer())
        picker_add(p, "print", _("Print it"), NULL, 0);
    if (n)
        picker_add(p, "qr", _("A QR code of your shortlist, to scan with a phone"), NULL, 0);
    return picker_open(p, NULL);
}
