/* handout.c: making the handout line by line, as the screen's handout flow: save it as text or
 * Markdown under a name the person gives (asking before replacing a file), read it here, or
 * print it where lp is installed. */
#include "line.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "handout.h"
#include "i18n.h"
#include "util.h"

static char *render(struct line *l, enum handout_format f)
{
    char today[16];
    handout_today(today, sizeof today);
    struct doc *d = handout_doc(l->st, l->state, &l->prof, today);
    char *text = handout_render(d, f);
    doc_destroy(d);
    return text;
}

enum replace { REPLACE, RENAME, CANCEL };

/* Ask before replacing path, as the screen does: replace, another name, or cancel. */
static enum replace ask_replace(struct line *l, const char *path)
{
    struct line_choices c = {0};
    line_choices_add(&c, "replace", _("Replace it"), NULL, false);
    line_choices_add(&c, "rename", _("Choose another name"), NULL, false);
    line_choices_add(&c, "cancel", _("Cancel"), NULL, false);
    char *title = xasprintf(_("%s exists already. Replace it, or choose another name?"), path);
    struct line_choose_opts o = {.title = title, .back = _("cancel")};
    size_t chosen[3], n = 0;
    enum replace r = CANCEL;
    if (line_choose(l, &o, &c, chosen, &n) == CHOSEN && n)
        r = chosen[0] == 0 ? REPLACE : chosen[0] == 1 ? RENAME : CANCEL;
    free(title);
    line_choices_finish(&c);
    return r;
}

static void save(struct line *l, enum handout_format f)
{
    char today[16], cwd[4096];
    handout_today(today, sizeof today);
    char *name = handout_file_name(today, f);
    line_blank(l);
    line_say(l, 0,
             f == HANDOUT_MARKDOWN
                     ? _("Save the handout as Markdown. A file name or path; a bare name goes in "
                         "%s; ~/ is your home folder.")
                     : _("Save the handout as text. A file name or path; a bare name goes in %s; "
                         "~/ is your home folder."),
             getcwd(cwd, sizeof cwd) ? cwd : _("the current folder"));
    char *prompt = xasprintf(_("Type a file name, Enter alone for %s, or b to go back:"), name);
    for (;;) {
        const char *a = line_ask(l, prompt);
        if (!a || strcmp(a, "b") == 0 || strcmp(a, "B") == 0)
            break;
        char *path;
        const char *home = getenv("HOME");
        if (!a[0])
            path = xstrdup(name);
        else if (strncmp(a, "~/", 2) == 0 && home && home[0])
            path = xasprintf("%s/%s", home, a + 2);
        else
            path = xstrdup(a);
        char *text = render(l, f);
        int rc = handout_save(path, text, false);
        enum replace choice = REPLACE;
        if (rc == EEXIST && (choice = ask_replace(l, path)) == REPLACE)
            rc = handout_save(path, text, true);
        if (choice == CANCEL && !line_leaving(l))
            line_say(l, 0, _("Nothing was saved."));
        else if (choice == REPLACE && rc != 0)
            line_say(l, 0, _("Cannot write %s: %s."), path, file_error_words(rc));
        else if (choice == REPLACE)
            line_say(l, 0, _("Handout saved to %s."), path);
        free(text);
        free(path);
        /* Another name was asked for, or this one cannot be written: the name again. */
        if (choice == CANCEL || (choice == REPLACE && rc == 0))
            break;
    }
    free(prompt);
    free(name);
}

static void read_here(struct line *l)
{
    char today[16];
    handout_today(today, sizeof today);
    struct doc *d = handout_doc(l->st, l->state, &l->prof, today);
    line_blank(l);
    line_doc(l, d, NULL);
    doc_destroy(d);
    line_blank(l);
    line_say(l, 0, _("That is the end of the handout."));
}

static void print_it(struct line *l)
{
    const char *lp = handout_printer();
    if (!lp) {
        line_say(l, 0, _("No printer is set up here."));
        return;
    }
    char *text = render(l, HANDOUT_TEXT);
    struct err e = {0};
    if (handout_print(lp, text, &e) == 0)
        line_say(l, 0, _("The handout was sent to the printer."));
    else
        line_say(l, 0, "%s", e.msg);
    free(text);
}

void line_handout(struct line *l)
{
    size_t n = state_count(l->state);
    char *count = line_entries(n);
    char *title = xasprintf(profile_empty(&l->prof)
                                    ? _("Make a handout: your shortlist (%s), notes, dated today.")
                                    : _("Make a handout: your shortlist (%s), notes, answers and "
                                        "which pathways fit, dated today."),
                            count);
    free(count);
    struct line_choices c = {0};
    line_choices_add(&c, "text", _("Save as a text file"), NULL, false);
    line_choices_add(&c, "markdown", _("Save as a Markdown file"), NULL, false);
    line_choices_add(&c, "read", _("Read it here"), NULL, false);
    if (handout_printer())
        line_choices_add(&c, "print", _("Print it"), NULL, false);
    line_blank(l);
    struct line_choose_opts o = {.title = title, .back = _("go back")};
    size_t chosen[4], k = 0;
    if (line_choose(l, &o, &c, chosen, &k) == CHOSEN && k) {
        const char *v = c.v[chosen[0]].value;
        if (strcmp(v, "text") == 0)
            save(l, HANDOUT_TEXT);
        else if (strcmp(v, "markdown") == 0)
            save(l, HANDOUT_MARKDOWN);
        else if (strcmp(v, "read") == 0)
            read_here(l);
        else
            print_it(l);
    }
    free(title);
    line_choices_finish(&c);
}
