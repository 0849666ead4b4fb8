/* doc.c: laying out an entry as styled lines, and writing them as plain wrapped text. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "terms.h"
#include "text.h"
#include "util.h"

void doc_add(struct doc *d, enum doc_style style, const char *label, const char *text,
             const char *detail, const char *target, int number)
{
    if (!text)
        return;
    if ((d->n & (d->n - 1)) == 0) /* grow at powers of two */
        d->v = xrealloc(d->v, (d->n ? 2 * d->n : 1) * sizeof *d->v);
    d->v[d->n++] = (struct doc_line){
            .style = style,
            .label = label ? xstrdup(label) : NULL,
            .text = xstrdup(text),
            .detail = detail ? xstrdup(detail) : NULL,
            .target = target ? xstrdup(target) : NULL,
            .number = number,
    };
}

void doc_insert(struct doc *d, size_t at, const struct doc *from)
{
    if (at > d->n)
        at = d->n;
    size_t tail = d->n - at;
    for (size_t i = 0; i < from->n; i++) {
        const struct doc_line *l = &from->v[i];
        doc_add(d, l->style, l->label, l->text, l->detail, l->target, l->number);
    }
    /* The new lines went to the end: turn them to their place, before the tail. */
    if (tail && from->n) {
        struct doc_line *moved = xmalloc(from->n * sizeof *moved);
        memcpy(moved, d->v + d->n - from->n, from->n * sizeof *moved);
        memmove(d->v + at + from->n, d->v + at, tail * sizeof *d->v);
        memcpy(d->v + at, moved, from->n * sizeof *moved);
        free(moved);
    }
}

static void field(struct doc *d, const char *label, const char *text)
{
    if (text && *text)
        doc_add(d, DOC_FIELD, label, text, NULL, NULL, 0);
}

static void ref_list(struct doc *d, const char *label, const struct refs *r)
{
    if (!r->n)
        return;
    struct sb b = {0};
    for (size_t i = 0; i < r->n; i++) {
        if (i)
            sb_add(&b, ", ");
        sb_add(&b, r->v[i].name ? r->v[i].name : r->v[i].id);
    }
    field(d, label, sb_str(&b));
    sb_finish(&b);
}

static void bullets(struct doc *d, const char *heading, const struct items *it)
{
    if (!it->n)
        return;
    doc_add(d, DOC_HEADING, NULL, heading, NULL, NULL, 0);
    for (size_t i = 0; i < it->n; i++)
        doc_add(d, DOC_BULLET, NULL, it->v[i].text, NULL, NULL, 0);
}

/* "seen DATE (the page is undated)", the phrase chosen by the date's precision. */
static char *seen_undated(const char *ymd)
{
    /* TRANSLATORS: %s is a date: the day a page without a date of its own was read. */
    return i18n_dated(ymd, C_("seen on a day", "seen %s (the page is undated)"),
                      /* TRANSLATORS: %s is a month and year ("December 2026"). */
                      C_("seen in a month", "seen %s (the page is undated)"),
                      /* TRANSLATORS: %s is a year. */
                      C_("seen in a year", "seen %s (the page is undated)"));
}

/* "as of DATE", the phrase chosen by the date's precision. */
static char *as_of(const char *ymd)
{
    /* TRANSLATORS: %s is a date (a day): the date of a page's facts. */
    return i18n_dated(ymd, C_("as of a day", "as of %s"),
                      /* TRANSLATORS: %s is a month and year ("December 2026"). */
                      C_("as of a month", "as of %s"),
                      /* TRANSLATORS: %s is a year. */
                      C_("as of a year", "as of %s"));
}

char *doc_as_of(const struct entry *e)
{
    return e->source_undated ? seen_undated(e->as_of) : as_of(e->as_of);
}

char *doc_support_status(const struct entry *e)
{
    if (strcmp(e->kind, "pathway") == 0 || !e->status)
        return NULL;
    if (strcmp(e->status, "inactive") == 0) {
        char *when = i18n_date(e->as_of);
        /* TRANSLATORS: a support's status; %s is a date (a day, a month or a year). */
        char *s = xasprintf(_("inactive: no sign of activity since %s"), when);
        free(when);
        return s;
    }
    return xstrdup(terms_label(&terms_support_status, e->status));
}

/* Its names in the file's other languages that a source gives (an official French name), as
 * "En français: ...". A translation without a source is the file's own text translated: the
 * screens in that language show it, marked; here it would only repeat the name. */
static void other_names(struct doc *d, const struct entry *e)
{
    for (size_t i = 0; i < e->n_tr; i++) {
        const struct translation *t = &e->tr[i];
        if (strcmp(t->key, "name") != 0 || !t->text || strcmp(t->text, e->name) == 0 ||
            !entry_tr_text(e, t->lang, "source"))
            continue;
        if (e->shown_lang && strcmp(t->lang, e->shown_lang) == 0)
            continue;
        char *label = strcmp(t->lang, "fr") == 0 ? xstrdup("En français")
                                                 : xasprintf(_("Name (%s)"), t->lang);
        field(d, label, t->text);
        free(label);
    }
}

/* How a linked entry is linked (entry.c's words), in the reader's language. */
static const char *link_note(const char *note)
{
    static const char *const notes[] = {N_("helps with this pathway"), N_("part of it"),
                                        N_("a pathway it helps with")};
    for (size_t i = 0; note && i < sizeof notes / sizeof notes[0]; i++)
        if (strcmp(note, notes[i]) == 0)
            return _(notes[i]);
    return note;
}

/* "TEXT (about N UNIT)", the number as the reader's language writes it. */
static char *sized(const char *text, long long count, const char *unit)
{
    char n[32];
    /* TRANSLATORS: a support's size: its own words, then "about 1947 members". */
    return xasprintf(_("%s (about %s %s)"), text, i18n_number(n, sizeof n, count), unit);
}

static void contact(struct doc *d, const struct entry *e, bool pathway)
{
    bool none = !pathway && e->format >= 2 && !entry_has_contact(e);
    if (!entry_has_contact(e) && !e->links.n && !none)
        return;
    doc_add(d, DOC_HEADING, NULL, _("Contact and links"), NULL, NULL, 0);
    if (none) {
        char *when = doc_as_of(e);
        /* TRANSLATORS: %s is "as of DATE" or "seen DATE (the page is undated)". */
        char *text = xasprintf(_("no public contact found (%s)"), when);
        field(d, _("Contact"), text);
        free(text);
        free(when);
    }
    field(d, _("Website"), e->website);
    field(d, _("Email"), e->email);
    field(d, _("Phone"), e->phone);
    field(d, _("Address"), e->address);
    field(d, _("How to reach it"), e->contact_note);
    for (size_t i = 0; i < e->links.n; i++)
        field(d, e->links.v[i].text, e->links.v[i].extra);
}

struct doc *doc_entry(const struct entry *e)
{
    struct doc *d = xcalloc(1, sizeof *d);
    bool pathway = strcmp(e->kind, "pathway") == 0;
    doc_add(d, DOC_TITLE, NULL, e->name, NULL, NULL, 0);
    other_names(d, e);
    if (e->translated)
        doc_add(d, DOC_NOTE, NULL, _("Translated from English: the source is in English."), NULL,
                NULL, 0);
    char *kind = xasprintf("%s%s%s", terms_label(&terms_kind, e->kind), e->acronym ? " · " : "",
                           e->acronym ? e->acronym : "");
    field(d, _("Kind"), kind);
    free(kind);
    if (pathway) {
        field(d, _("Status"), entry_status_words(e->status));
        field(d, _("Leads to"), e->goal.name);
    } else {
        char *status = doc_support_status(e);
        field(d, _("Status"), status);
        free(status);
    }
    field(d, _("Host"), e->host);
    ref_list(d, _("Where"), &e->regions);
    field(d, _("Location"), e->location);
    if (e->delivery.n)
        ref_list(d, _("How"), &e->delivery);
    else if (!pathway)
        field(d, _("How"), _("not stated"));
    if (e->size_text) {
        char *size =
                e->size_count >= 0 && e->size_unit
                        ? sized(e->size_text, e->size_count, terms_label(&terms_unit, e->size_unit))
                        : xstrdup(e->size_text);
        field(d, _("Size"), size);
        free(size);
    }
    field(d, _("Cost"), e->cost);
    if (!pathway)
        ref_list(d, _("Goals"), &e->goals);
    ref_list(d, _("Services"), &e->services);
    doc_add(d, DOC_HEADING, NULL, _("Summary"), NULL, NULL, 0);
    doc_add(d, DOC_TEXT, NULL, e->summary, NULL, NULL, 0);
    bullets(d, _("What it offers"), &e->offers);
    bullets(d, _("What it aims to do"), &e->aims);
    if (e->eligibility) {
        doc_add(d, DOC_HEADING, NULL, _("Who can use it"), NULL, NULL, 0);
        doc_add(d, DOC_TEXT, NULL, e->eligibility, NULL, NULL, 0);
    }
    bullets(d, _("Eligibility"), &e->eligibility_list);
    if (e->steps.n) {
        doc_add(d, DOC_HEADING, NULL, _("Steps"), NULL, NULL, 0);
        for (size_t i = 0; i < e->steps.n; i++) {
            doc_add(d, DOC_STEP, NULL, e->steps.v[i].text, e->steps.v[i].extra, NULL, (int)i + 1);
            if (e->steps.v[i].url)
                doc_add(d, DOC_URL, NULL, e->steps.v[i].url, NULL, NULL, 5);
        }
    }
    if (e->advocacy) {
        doc_add(d, DOC_HEADING, NULL, _("What advocates ask for"), NULL, NULL, 0);
        doc_add(d, DOC_TEXT, NULL, e->advocacy, NULL, NULL, 0);
    }
    contact(d, e, pathway);
    if (e->part_of.id || e->linked.n) {
        doc_add(d, DOC_HEADING, NULL, _("Linked"), NULL, NULL, 0);
        if (e->part_of.id) {
            doc_add(d, DOC_LINK, NULL, e->part_of.name ? e->part_of.name : e->part_of.id,
                    _("it is part of this"), e->part_of.id, 0);
        }
        for (size_t i = 0; i < e->linked.n; i++)
            doc_add(d, DOC_LINK, NULL, e->linked.v[i].name, link_note(e->linked.v[i].note),
                    e->linked.v[i].id, 0);
    }
    doc_add(d, DOC_HEADING, NULL, _("Source"), NULL, NULL, 0);
    field(d, _("From"), e->source.name ? e->source.name : e->source.id);
    field(d, _("Publisher"), e->source.kind);
    field(d, _("Address"), e->source.note);
    if (e->source_undated) {
        char *when = i18n_date(e->as_of);
        /* TRANSLATORS: %s is a date (a day, a month or a year), after the label "Seen". */
        char *seen = xasprintf(_("%s (the page is undated)"), when);
        field(d, _("Seen"), seen);
        free(seen);
        free(when);
    } else {
        char *when = i18n_date(e->as_of);
        field(d, _("As of"), when);
        free(when);
    }
    char *verified = e->verified ? i18n_date(e->verified) : NULL;
    field(d, _("Verified"), verified);
    free(verified);
    char *note;
    if (e->verified || !e->source_undated) {
        char *when = as_of(e->verified ? e->verified : e->as_of);
        /* TRANSLATORS: %s is "as of DATE". */
        note = xasprintf(_("This information is %s. Check it with the organisation before you "
                           "rely on it."),
                         when);
        free(when);
    } else {
        /* TRANSLATORS: %s is the day (or month, or year) an undated page was read. */
        note = i18n_dated(e->as_of,
                          C_("note, seen on a day",
                             "This information is from a page seen %s (the page is undated). "
                             "Check it with the organisation before you rely on it."),
                          C_("note, seen in a month",
                             "This information is from a page seen %s (the page is undated). "
                             "Check it with the organisation before you rely on it."),
                          C_("note, seen in a year",
                             "This information is from a page seen %s (the page is undated). "
                             "Check it with the organisation before you rely on it."));
    }
    doc_add(d, DOC_NOTE, NULL, note, NULL, NULL, 0);
    free(note);
    return d;
}

void doc_finish(struct doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].label);
        free(d->v[i].text);
        free(d->v[i].detail);
        free(d->v[i].target);
    }
    free(d->v);
    *d = (struct doc){0};
}

void doc_destroy(struct doc *d)
{
    if (!d)
        return;
    doc_finish(d);
    free(d);
}

/* Wrap text into out after a first-line prefix, later lines indented; no line wider than width
 * (a prefix too wide to share a line goes on a line of its own), but for a web address longer
 * than a line, which is never cut: it gets a line of its own, whole. */
static void wrap_into(struct sb *out, const char *prefix, int indent, const char *text, int width)
{
    int pw = text_width(prefix);
    if (width < 1)
        width = 1;
    if (indent >= width)
        indent = 0;
    if (pw + 1 > width) {
        char buf[1024];
        text_fit(buf, sizeof buf, prefix, width);
        sb_addf(out, "%s\n", buf);
        pw = indent;
        prefix = NULL;
    }
    int avail = width - (pw > indent ? pw : indent);
    struct text_lines *lines = text_wrap_links(text, avail > 0 ? avail : 1);
    /* A web address too long for the line after the prefix starts the next line, whole. */
    if (prefix && pw > indent && lines->n && text_width(lines->line[0]) > avail) {
        size_t len = strlen(prefix);
        while (len && prefix[len - 1] == ' ')
            len--;
        sb_addn(out, prefix, len);
        sb_addc(out, '\n');
        prefix = NULL;
    }
    for (size_t i = 0; i < lines->n; i++) {
        if (i == 0 && prefix)
            sb_add(out, prefix);
        else
            sb_addf(out, "%*s", indent, "");
        sb_add(out, lines->line[i]);
        sb_addc(out, '\n');
    }
    if (!lines->n && prefix)
        sb_addf(out, "%s\n", prefix);
    text_lines_destroy(lines);
}

char *doc_plain(const struct doc *d, int width)
{
    struct sb out = {0};
    for (size_t i = 0; i < d->n; i++) {
        const struct doc_line *l = &d->v[i];
        switch (l->style) {
        case DOC_TITLE: {
            size_t before = out.len;
            wrap_into(&out, "", 0, l->text, width);
            /* Underline as wide as the title's widest line. */
            int w = 0;
            struct text_lines *tl = text_wrap(out.s + before, width > 0 ? width : 1);
            for (size_t k = 0; k < tl->n; k++)
                w = text_width(tl->line[k]) > w ? text_width(tl->line[k]) : w;
            text_lines_destroy(tl);
            for (int k = 0; k < w && k < width; k++)
                sb_add(&out, "=");
            sb_addc(&out, '\n');
            break;
        }
        case DOC_SECTION: {
            wrap_into(&out, "\n", 0, l->text, width);
            int w = text_width(l->text) < width ? text_width(l->text) : width;
            for (int k = 0; k < w; k++)
                sb_add(&out, "-");
            sb_add(&out, "\n");
            break;
        }
        case DOC_HEADING: wrap_into(&out, "\n", 0, l->text, width); break;
        case DOC_FIELD: {
            char *label = text_sanitize(l->label, false);
            char *prefix = i18n_label(label);
            wrap_into(&out, prefix, 2, l->text, width);
            free(prefix);
            free(label);
            break;
        }
        case DOC_TEXT:
        case DOC_NOTE: wrap_into(&out, "", 0, l->text, width); break;
        case DOC_BULLET: {
            /* A labelled item ("not yet: ...") says what a symbol would only show. */
            char *lab = l->label ? i18n_label(l->label) : NULL;
            char *t = xasprintf("%s%s", lab ? lab : "", l->text);
            wrap_into(&out, "  - ", 4, t, width);
            free(t);
            free(lab);
            break;
        }
        case DOC_STEP: {
            char *prefix = xasprintf("  %d. ", l->number);
            wrap_into(&out, prefix, 5, l->text, width);
            if (l->detail)
                wrap_into(&out, "     ", 5, l->detail, width);
            free(prefix);
            break;
        }
        case DOC_LINK: {
            /* TRANSLATORS: a linked entry: its name, how it is linked, and its id. */
            char *t = xasprintf(_("%s (%s; itpnav show %s)"), l->text, l->detail ? l->detail : "",
                                l->target);
            wrap_into(&out, "  -> ", 5, t, width);
            free(t);
            break;
        }
        case DOC_URL: {
            /* Whole, so that it can be copied or followed: never cut, even past the width. */
            char *t = text_sanitize(l->text, false);
            sb_addf(&out, "%*s%s\n", l->number, "", t);
            free(t);
            break;
        }
        }
    }
    return sb_take(&out);
}

/* Dataset text as Markdown text: sanitised, one line, and every character Markdown could read as
 * syntax escaped, so a name like "*ITP* [Network]" prints as written. */
static void md_text(struct sb *out, const char *s)
{
    char *t = text_sanitize(s ? s : "", false);
    bool line_start = true;
    for (const char *p = t; *p; p++) {
        /* A web address is an autolink, <https://...>, whole and unescaped: a backslash in it
         * would be part of the link. */
        size_t n = strcspn(p, " \n");
        if ((p == t || p[-1] == ' ') &&
            (strncmp(p, "https://", 8) == 0 || strncmp(p, "http://", 7) == 0)) {
            while (n && strchr(".,;:)", p[n - 1]))
                n--; /* the punctuation after it is the sentence's */
            if (!memchr(p, '<', n) && !memchr(p, '>', n)) {
                sb_addc(out, '<');
                sb_addn(out, p, n);
                sb_addc(out, '>');
                p += n - 1;
                line_start = false;
                continue;
            }
        }
        if (*p == '\n') {
            sb_add(out, " ");
            line_start = true;
            continue;
        }
        if (strchr("\\`*_{}[]<>|#!~", *p) || (line_start && strchr("-+=", *p)))
            sb_addc(out, '\\');
        sb_addc(out, *p);
        line_start = line_start && *p == ' ';
    }
    free(t);
}

char *doc_markdown(const struct doc *d)
{
    struct sb out = {0};
    for (size_t i = 0; i < d->n; i++) {
        const struct doc_line *l = &d->v[i];
        switch (l->style) {
        case DOC_TITLE: sb_add(&out, "# "); break;
        case DOC_SECTION: sb_add(&out, "\n## "); break;
        case DOC_HEADING: sb_add(&out, "\n### "); break;
        case DOC_FIELD:
            sb_add(&out, "- **");
            md_text(&out, l->label);
            sb_add(&out, ":** ");
            break;
        case DOC_TEXT:
        case DOC_NOTE: sb_add(&out, "\n"); break;
        case DOC_BULLET:
            sb_add(&out, "- ");
            if (l->label) {
                md_text(&out, l->label);
                sb_add(&out, ": ");
            }
            break;
        case DOC_STEP: sb_addf(&out, "%d. ", l->number); break;
        case DOC_LINK: sb_add(&out, "- "); break;
        case DOC_URL: sb_add(&out, "   "); break;
        }
        if (l->style == DOC_NOTE)
            sb_add(&out, "_");
        md_text(&out, l->text);
        if (l->style == DOC_NOTE)
            sb_add(&out, "_");
        if (l->style == DOC_STEP && l->detail) {
            sb_add(&out, "\n   ");
            md_text(&out, l->detail);
        }
        if (l->style == DOC_LINK && l->detail) {
            sb_add(&out, " (");
            md_text(&out, l->detail);
            sb_add(&out, ")");
        }
        sb_add(&out, "\n");
        /* A paragraph ends with a blank line, and a heading gets one below it. */
        if (l->style == DOC_TEXT || l->style == DOC_NOTE || l->style == DOC_TITLE ||
            l->style == DOC_SECTION || l->style == DOC_HEADING)
            sb_add(&out, "\n");
    }
    return sb_take(&out);
}
