/* handout.c: the handout a person takes away, as plain text or Markdown, saved or printed. */
#include "handout.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "entry.h"
#include "i18n.h"
#include "match.h"
#include "query.h"
#include "terms.h"
#include "util.h"

#define HANDOUT_WIDTH 76

extern char **environ;

void handout_today(char *buf, size_t n)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    if (strftime(buf, n, "%Y-%m-%d", &tm) == 0 && n)
        buf[0] = '\0';
}

static void field(struct doc *d, const char *label, const char *text)
{
    if (text && *text)
        doc_add(d, DOC_FIELD, label, text, NULL, NULL, 0);
}

static void answers_part(struct doc *d, struct store *st, const struct profile *p)
{
    doc_add(d, DOC_SECTION, NULL, _("Your answers"), NULL, NULL, 0);
    struct err e = {0};
    for (int q = 0; q < Q_COUNT; q++) {
        char *w = profile_answer_words(p, (enum profile_question)q, st, &e);
        field(d, profile_label((enum profile_question)q), w);
        free(w);
    }
    if (e.code)
        doc_add(d, DOC_TEXT, NULL, e.msg, NULL, NULL, 0);
}

/* How to reach an entry: its website, email and phone, or NULL when it has none. A new
 * string. */
static char *contact_words(const struct entry *e)
{
    struct sb b = {0};
    const char *parts[] = {e->website, e->email, e->phone, e->address};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i] && parts[i][0])
            sb_addf(&b, "%s%s", b.len ? " ; " : "", parts[i]);
    /* No direct contact published: how the source says to reach it. */
    if (!b.len && e->contact_note && e->contact_note[0])
        sb_add(&b, e->contact_note);
    if (!b.len) {
        sb_finish(&b);
        return NULL;
    }
    return sb_take(&b);
}

#define NO_CONTACT N_("no public contact found")

/* The contact of the entry id (of kinds) as a field, or that there is none. */
static void contact_field(struct doc *d, struct store *st, const char *id, unsigned kinds)
{
    struct err e = {0};
    struct entry *en = entry_get(st, id, kinds, &e);
    char *c = en ? contact_words(en) : NULL;
    field(d, _("Contact"), c ? c : en || !e.code ? _(NO_CONTACT) : e.msg);
    free(c);
    entry_destroy(en);
}

/* After each result, its contact (match_results_doc's after); not when its next step already
 * gives every part of it (a step to apply at the program's one address, or "Ask the program
 * office: ..."): the same address twice in a row reads as two. */
static void pathway_contact(struct doc *d, const struct match *m, void *st)
{
    struct err e = {0};
    struct entry *en = m->next_step ? entry_get(st, m->id, KIND_PATHWAY, &e) : NULL;
    bool said = en && entry_has_contact(en);
    const char *parts[] = {en ? en->website : NULL, en ? en->email : NULL, en ? en->phone : NULL,
                           en ? en->address : NULL, en ? en->contact_note : NULL};
    for (size_t i = 0; said && i < sizeof parts / sizeof *parts; i++)
        said = !parts[i] || !parts[i][0] || strstr(m->next_step, parts[i]);
    entry_destroy(en);
    if (!said)
        contact_field(d, st, m->id, KIND_PATHWAY);
}

static void result_part(struct doc *d, struct store *st, const struct profile *p)
{
    struct answers a;
    profile_answers(p, &a);
    struct match *m = NULL;
    size_t n = 0;
    struct err e = {0};
    doc_add(d, DOC_SECTION, NULL, _("Pathways for your answers"), NULL, NULL, 0);
    if (match_run(st, &a, &m, &n, &e) != 0) {
        doc_add(d, DOC_TEXT, NULL, e.msg, NULL, NULL, 0);
        return;
    }
    if (n == 0)
        doc_add(d, DOC_TEXT, NULL,
                _("No pathway in the data is open where you live for your goals."), NULL, NULL, 0);
    match_results_doc(d, m, n, false, false, pathway_contact, st);
    match_destroy(m, n);
}

static void supports_part(struct doc *d, struct store *st, const struct profile *p)
{
    struct answers a;
    profile_answers(p, &a);
    struct query q;
    match_support_query(&a, &q);
    struct page pg = {0};
    size_t count = 0;
    struct err e = {0};
    doc_add(d, DOC_SECTION, NULL, _("Supports for where you live and your goals"), NULL, NULL, 0);
    if (query_count(st, &q, &count, &e) != 0 ||
        query_page(st, &q, 0, HANDOUT_MAX_SUPPORTS, &pg, &e) != 0) {
        doc_add(d, DOC_TEXT, NULL, e.msg, NULL, NULL, 0);
        query_page_finish(&pg);
        return;
    }
    for (size_t i = 0; i < pg.n; i++) {
        const struct row *r = &pg.rows[i];
        struct err why = {0};
        struct entry *en = entry_get(st, r->id, terms_kinds(r->kind), &why);
        char *c = en ? contact_words(en) : NULL;
        /* Each with how to reach it: the reason to take the list away. */
        /* TRANSLATORS: a support, "(where)" or nothing, and how to reach it. */
        char *t = xasprintf(_("%s%s%s%s: %s"), r->name, r->where && r->where[0] ? " (" : "",
                            r->where && r->where[0] ? r->where : "",
                            r->where && r->where[0] ? ")" : "", c ? c : _(NO_CONTACT));
        doc_add(d, DOC_BULLET, NULL, t, NULL, NULL, 0);
        free(t);
        free(c);
        entry_destroy(en);
    }
    if (count == 0)
        doc_add(d, DOC_TEXT, NULL, _("None in the data."), NULL, NULL, 0);
    else if (count > pg.n) {
        char *t = xasprintf(_("And %zu more: see Find supports in itpnav."), count - pg.n);
        doc_add(d, DOC_TEXT, NULL, t, NULL, NULL, 0);
        free(t);
    }
    query_page_finish(&pg);
}

static void contact(struct doc *d, const struct entry *e)
{
    field(d, _("Host"), e->host);
    field(d, _("Location"), e->location);
    field(d, _("Website"), e->website);
    field(d, _("Email"), e->email);
    field(d, _("Phone"), e->phone);
    field(d, _("Address"), e->address);
    field(d, _("How to reach it"), e->contact_note);
    if (!entry_has_contact(e)) {
        /* Version 2 data looked for a contact: say as of when none was found. */
        char *when = e->format >= 2 ? doc_as_of(e) : NULL;
        char *none =
                when ? xasprintf(_("no public contact found (%s)"), when) : xstrdup(_(NO_CONTACT));
        field(d, _("Contact"), none);
        free(none);
        free(when);
    }
    if (e->source.name || e->source.note) {
        char *src = e->source.note ? xasprintf("%s, %s", e->source.name ? e->source.name : "",
                                               e->source.note)
                                   : xstrdup(e->source.name);
        field(d, _("Source"), src);
        free(src);
    }
}

static void entry_part(struct doc *d, struct store *st, const struct state_item *it, size_t number)
{
    bool pathway = strcmp(it->kind, "pathway") == 0;
    struct err why = {0};
    struct entry *e = it->listed ? entry_get(st, it->id, terms_kinds(it->kind), &why) : NULL;
    if (e && i18n_french())
        entry_localize(st, e, i18n_lang());
    char *title = xasprintf("%zu. %s", number, e ? e->name : it->name);
    doc_add(d, DOC_HEADING, NULL, title, NULL, NULL, 0);
    free(title);
    /* The person's note first: it is why the entry is on the list. */
    field(d, _("Your note"), it->note);
    if (!e) {
        doc_add(d, DOC_TEXT, NULL,
                why.code ? why.msg
                         : _("No longer listed in the data: it was on the shortlist, but the "
                             "current data does not have it."),
                NULL, NULL, 0);
        return;
    }
    struct sb what = {0};
    sb_add(&what, terms_label(&terms_kind, e->kind));
    for (size_t i = 0; i < e->regions.n; i++)
        sb_addf(&what, "%s%s", i ? ", " : " · ",
                e->regions.v[i].name ? e->regions.v[i].name : e->regions.v[i].id);
    if (pathway)
        sb_addf(&what, " · %s", entry_status_words(e->status));
    else if (entry_support_halt(e->kind, e->status))
        sb_addf(&what, " · %s",
                strcmp(entry_support_halt(e->kind, e->status), "inactive") == 0
                        ? C_("support status mark", "inactive")
                        : C_("support status mark", "closed"));
    field(d, _("What it is"), sb_str(&what));
    sb_finish(&what);
    if (e->translated)
        doc_add(d, DOC_NOTE, NULL, _("Translated from English: the source is in English."), NULL,
                NULL, 0);
    field(d, _("What it offers"), e->summary);
    for (size_t i = 0; i < e->offers.n; i++)
        doc_add(d, DOC_BULLET, NULL, e->offers.v[i].text, NULL, NULL, 0);
    if (pathway && e->steps.n)
        field(d, _("First step"), e->steps.v[0].text);
    field(d, _("Cost"), e->cost);
    contact(d, e);
    /* An undated page says when it was seen, not a date it does not have. */
    char *date = i18n_date(e->as_of);
    char *when = e->source_undated ? xasprintf(_("%s (the page is undated)"), date) : xstrdup(date);
    char *verified = e->verified ? i18n_date(e->verified) : NULL;
    /* TRANSLATORS: the first %s is a date (with "(the page is undated)" after it when the page
     * has no date), the second the date it was checked. */
    char *asof = verified ? xasprintf(_("%s (checked %s); confirm with the organisation"), when,
                                      verified)
                          : xasprintf(_("%s; confirm with the organisation"), when);
    field(d, e->source_undated ? _("Seen") : _("As of"), asof);
    free(asof);
    free(when);
    free(verified);
    free(date);
    entry_destroy(e);
}

bool handout_empty(struct state *s, const struct profile *p)
{
    return (!s || state_count(s) == 0) && (!p || profile_empty(p));
}

struct doc *handout_doc(struct store *st, struct state *s, const struct profile *p,
                        const char *date)
{
    struct doc *d = xcalloc(1, sizeof *d);
    char *day = i18n_date(date);
    /* TRANSLATORS: the handout's title; %s is today's date. */
    char *title = xasprintf(_("itpnav handout, %s"), day);
    free(day);
    doc_add(d, DOC_TITLE, NULL, title, NULL, NULL, 0);
    free(title);
    char *data = store_meta_in(st, "title", i18n_french() ? i18n_lang() : NULL);
    char *meta_as_of = store_meta(st, "as_of");
    /* TRANSLATORS: %s is a date: a day, a month ("December 2026") or a year. */
    char *as_of = meta_as_of ? i18n_dated(meta_as_of, C_("data as of a day", "data as of %s"),
                                          C_("data as of a month", "data as of %s"),
                                          C_("data as of a year", "data as of %s"))
                             : xstrdup(_("data as of an unknown date"));
    free(meta_as_of);
    /* TRANSLATORS: the first %s is the dataset's title, the second "data as of DATE". */
    char *intro =
            xasprintf(_("From %s, %s. Programs and rules change: confirm each detail with the "
                        "organisation before you rely on it."),
                      data ? data : _("the itpnav data"), as_of);
    doc_add(d, DOC_TEXT, NULL, intro, NULL, NULL, 0);
    free(intro);
    free(data);
    free(as_of);
    /* What the person chose comes first: the shortlist and their notes; then what their answers
     * gave; then the supports for their place and goals. */
    struct state_item *items = NULL;
    size_t n = 0;
    doc_add(d, DOC_SECTION, NULL, _("Your shortlist"), NULL, NULL, 0);
    struct err e = {0};
    if (s && state_items(s, st, &items, &n, &e) != 0)
        doc_add(d, DOC_TEXT, NULL, e.msg, NULL, NULL, 0);
    else if (n == 0)
        doc_add(d, DOC_TEXT, NULL, _("Nothing is on the shortlist."), NULL, NULL, 0);
    for (size_t i = 0; i < n; i++)
        entry_part(d, st, &items[i], i + 1);
    state_items_destroy(items, n);
    if (p && !profile_empty(p)) {
        answers_part(d, st, p);
        result_part(d, st, p);
        supports_part(d, st, p);
    }
    return d;
}

char *handout_render(const struct doc *d, enum handout_format f)
{
    return f == HANDOUT_MARKDOWN ? doc_markdown(d) : doc_plain(d, HANDOUT_WIDTH);
}

char *handout_file_name(const char *date, enum handout_format f)
{
    return xasprintf("itpnav-handout-%s.%s", date, f == HANDOUT_MARKDOWN ? "md" : "txt");
}

int handout_save(const char *path, const char *text, bool replace)
{
    size_t len = strlen(text);
    if (replace)
        return write_file_atomic(path, text, len);
    /* Never over an existing file, nor through a symbolic link. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return errno;
    size_t done = 0;
    int err = 0;
    while (done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        done += (size_t)w;
    }
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (err)
        unlink(path); /* no half a handout left behind */
    return err;
}

const char *handout_printer(void)
{
    static const char *const paths[] = {"/usr/bin/lp", "/bin/lp"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        if (access(paths[i], X_OK) == 0)
            return paths[i];
    return NULL;
}

/* pipe(2) with both ends closed on exec (pipe2 is not in POSIX 2008). */
static int cloexec_pipe(int fd[2])
{
    if (pipe(fd) != 0)
        return -1;
    fcntl(fd[0], F_SETFD, FD_CLOEXEC);
    fcntl(fd[1], F_SETFD, FD_CLOEXEC);
    return 0;
}

int handout_print(const char *lp, const char *text, struct err *e)
{
    int in[2], errp[2];
    if (cloexec_pipe(in) != 0) {
        return err_set(e, EXIT_IOERR, _("cannot start %s: %s"), lp, strerror(errno));
    }
    if (cloexec_pipe(errp) != 0) {
        int rc = err_set(e, EXIT_IOERR, _("cannot start %s: %s"), lp, strerror(errno));
        close(in[0]);
        close(in[1]);
        return rc;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int rc = err_set(e, EXIT_IOERR, _("cannot start %s: %s"), lp, strerror(errno));
        close(in[0]);
        close(in[1]);
        close(errp[0]);
        close(errp[1]);
        return rc;
    }
    if (pid == 0) {
        /* The child: the text on standard input, messages to the parent, nothing on the
         * terminal (curses owns it). A fixed argument list; no shell ever sees the text. */
        int null = open("/dev/null", O_WRONLY);
        if (dup2(in[0], STDIN_FILENO) < 0 || dup2(errp[1], STDERR_FILENO) < 0 ||
            (null >= 0 && dup2(null, STDOUT_FILENO) < 0))
            _exit(126);
        char *const argv[] = {(char *)"lp", NULL};
        execve(lp, argv, environ);
        _exit(127);
    }
    close(in[0]);
    close(errp[1]);
    /* A command that exits without reading (lp with no printer) makes the write fail with EPIPE;
     * the SIGPIPE that comes with it must not end the caller, whatever it does with SIGPIPE.
     * It is blocked while the text is written, and one it raised is taken back. */
    sigset_t pipe_only, old_mask, pending;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, &old_mask);
    sigpending(&pending);
    bool was_pending = sigismember(&pending, SIGPIPE);
    size_t len = strlen(text), done = 0;
    bool broken = false;
    while (done < len) {
        ssize_t w = write(in[1], text + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            broken = w < 0 && errno == EPIPE;
            break; /* the command stopped reading: its status says why */
        }
        done += (size_t)w;
    }
    if (broken && !was_pending) {
        const struct timespec now = {0};
        while (sigtimedwait(&pipe_only, NULL, &now) < 0 && errno == EINTR)
            ;
    }
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    close(in[1]);
    char msg[512];
    size_t got = 0;
    for (;;) {
        ssize_t r = read(errp[0], msg + got, sizeof msg - 1 - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
        if (got == sizeof msg - 1) {
            char sink[256]; /* drain the rest so the child never blocks */
            while (read(errp[0], sink, sizeof sink) > 0)
                ;
            break;
        }
    }
    msg[got] = '\0';
    close(errp[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            return err_set(e, EXIT_IOERR, "%s: %s", lp, strerror(errno));
        }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    msg[strcspn(msg, "\n")] = '\0';
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return err_set(e, EXIT_IOERR, _("cannot run %s"), lp);
    if (msg[0])
        return err_set(e, EXIT_IOERR, _("printing failed: %s"), msg);
    return err_set(e, EXIT_IOERR, _("printing failed (%s exited with status %d)"), lp,
                   WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}
