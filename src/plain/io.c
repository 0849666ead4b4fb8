/* io.c: the line mode's output, written for listening (wrapped, made safe, symbols in words, a
 * URL whole on its own line), its input (one answer a line, of any length), and the command
 * tables that write each view's menu. */
#include "line.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

bool line_leaving(const struct line *l)
{
    return l->eof || l->quit || l->home || l->pending != TASK_NONE;
}

/* ---- output ---- */

/* The text with the separators the screen draws between values (" · ") read as a pause. */
static char *for_listening(const char *s)
{
    struct sb b = {0};
    static const char dot[] = " \xC2\xB7 "; /* " · " */
    for (const char *p = s; *p;) {
        if (strncmp(p, dot, sizeof dot - 1) == 0) {
            sb_add(&b, ", ");
            p += sizeof dot - 1;
        } else {
            sb_addc(&b, *p++);
        }
    }
    return sb_take(&b);
}

void line_put(struct line *l, int indent, int hang, const char *text)
{
    char *t = for_listening(text ? text : "");
    int margin = indent > hang ? indent : hang;
    int width = l->width - margin;
    if (width < 10)
        width = 10;
    struct text_lines *lines = text_wrap(t, width);
    for (size_t i = 0; i < lines->n; i++)
        printf("%*s%s\n", i ? hang : indent, "", lines->line[i]);
    text_lines_destroy(lines);
    free(t);
}

void line_say(struct line *l, int hang, const char *fmt, ...)
{
    struct sb b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    line_put(l, 0, hang, sb_str(&b));
    sb_finish(&b);
}

void line_blank(struct line *l)
{
    (void)l;
    putchar('\n');
}

void line_url(struct line *l, const char *url)
{
    (void)l;
    char *t = text_sanitize(url, false);
    printf("%s\n", t);
    free(t);
}

bool line_is_url(const char *s)
{
    if (!s || (strncasecmp(s, "http://", 7) != 0 && strncasecmp(s, "https://", 8) != 0))
        return false;
    return !strpbrk(s, " \t\n");
}

char *line_count(size_t n, const char *one, const char *many)
{
    if (n == 0)
        return xasprintf("no %s", many);
    return xasprintf("%zu %s", n, n == 1 ? one : many);
}

char *line_entries(size_t n)
{
    if (n == 0)
        return xstrdup(_("no entries"));
    return xasprintf(ngettext("%zu entry", "%zu entries", n), n);
}

void line_links_finish(struct line_links *k)
{
    for (size_t i = 0; i < k->n; i++) {
        free(k->v[i].target);
        free(k->v[i].url);
    }
    free(k->v);
    *k = (struct line_links){0};
}

static size_t add_link(struct line_links *k, const char *target, const char *url)
{
    k->v = xrealloc(k->v, (k->n + 1) * sizeof *k->v);
    k->v[k->n++] = (struct line_link){
            .target = target ? xstrdup(target) : NULL,
            .url = url ? xstrdup(url) : NULL,
    };
    return k->n;
}

/* "Label:" (or "Label, link 3:") on one line and the URL whole on the next. */
static void url_field(struct line *l, int indent, const char *label, const char *url,
                      struct line_links *links)
{
    char *head = NULL;
    if (links) {
        size_t k = add_link(links, NULL, url);
        /* TRANSLATORS: a field's label and its link's number, before a web address. */
        head = label ? xasprintf(_("%s, link %zu:"), label, k) : xasprintf(_("Link %zu:"), k);
    } else if (label) {
        /* TRANSLATORS: a field's label before a web address on the next line. */
        head = xasprintf(_("%s:"), label);
    }
    if (head)
        line_put(l, indent, indent + 2, head);
    free(head);
    line_url(l, url);
}

void line_doc(struct line *l, const struct doc *d, struct line_links *links)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct doc_line *x = &d->v[i];
        switch (x->style) {
        case DOC_TITLE: line_put(l, 0, 0, x->text); break;
        case DOC_SECTION:
        case DOC_HEADING:
            line_blank(l);
            line_put(l, 0, 0, x->text);
            break;
        case DOC_FIELD:
            if (line_is_url(x->text))
                url_field(l, 0, x->label, x->text, links);
            else
                /* TRANSLATORS: a field of an entry: its label and its value. */
                line_say(l, 2, _("%s: %s"), x->label ? x->label : "", x->text);
            break;
        case DOC_TEXT:
        case DOC_NOTE:
            if (line_is_url(x->text))
                url_field(l, 0, NULL, x->text, links);
            else
                line_put(l, 0, 0, x->text);
            break;
        case DOC_BULLET:
            if (x->label)
                line_say(l, 4, _("  %s: %s"), x->label, x->text);
            else
                line_put(l, 2, 4, x->text);
            break;
        case DOC_STEP:
            line_say(l, 4, _("  Step %d: %s"), x->number, x->text);
            if (x->detail && line_is_url(x->detail))
                url_field(l, 4, NULL, x->detail, links);
            else if (x->detail)
                line_put(l, 4, 4, x->detail);
            break;
        case DOC_LINK:
            if (links && x->target)
                line_say(l, 4, _("  Link %zu: %s (%s)."), add_link(links, x->target, NULL), x->text,
                         x->detail ? x->detail : _("linked"));
            else
                line_say(l, 4, "  %s (%s).", x->text, x->detail ? x->detail : _("linked"));
            break;
        default: /* a style newer than this file: its words, as a field or a paragraph */
            if (line_is_url(x->text))
                url_field(l, 0, x->label, x->text, links);
            else if (x->label)
                line_say(l, 2, _("%s: %s"), x->label, x->text);
            else
                line_put(l, 0, 0, x->text);
            break;
        }
    }
}

/* ---- input ---- */

static void put_prompt(struct line *l, const char *prompt)
{
    /* Wrapped one column short, so the space before the answer still fits. */
    struct text_lines *lines = text_wrap(prompt, l->width > 20 ? l->width - 1 : 19);
    for (size_t i = 0; i < lines->n; i++)
        printf("%s%s", lines->line[i], i + 1 < lines->n ? "\n" : " ");
    text_lines_destroy(lines);
    fflush(stdout);
}

const char *line_ask(struct line *l, const char *prompt)
{
    if (l->eof)
        return NULL;
    put_prompt(l, prompt);
    /* getline: a line of any length is one answer (fgets into a buffer split long ones). */
    ssize_t n = getline(&l->buf, &l->cap, stdin);
    if (n < 0) {
        l->eof = true;
        putchar('\n'); /* what comes next (the shell's prompt) starts on a line of its own */
        return NULL;
    }
    if (l->echo) /* nobody pressed Enter on a terminal: end the prompt's line */
        putchar('\n');
    char *s = l->buf;
    s[strcspn(s, "\r\n")] = '\0';
    /* Spaces around an answer are typed by accident, and read by no one. */
    size_t k = strlen(s);
    while (k && (s[k - 1] == ' ' || s[k - 1] == '\t'))
        s[--k] = '\0';
    s += strspn(s, " \t");
    /* "4." is the 4 a person heard read as "4. Toronto". */
    k = strlen(s);
    if (k > 1 && s[k - 1] == '.' && strspn(s, "0123456789") == k - 1)
        s[k - 1] = '\0';
    return s;
}

size_t line_number(const char *s, size_t max)
{
    if (!s || !*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
        return 0;
    size_t v = (size_t)strtoul(s, NULL, 10);
    return v >= 1 && v <= max ? v : 0;
}

bool line_leave_word(struct line *l, const char *a, enum line_chosen *r)
{
    bool back = strcasecmp(a, "b") == 0 || strcasecmp(a, "back") == 0;
    bool quit = strcasecmp(a, "q") == 0 || strcasecmp(a, "quit") == 0;
    bool home = strcasecmp(a, "h") == 0 || strcasecmp(a, "home") == 0;
    if (!back && !quit && !home)
        return false;
    l->quit = l->quit || quit;
    l->home = l->home || home;
    *r = back ? CHOSEN_BACK : CHOSEN_LEAVE;
    return true;
}

/* ---- commands ---- */

const struct line_cmd_def line_everywhere[] = {
        /* TRANSLATORS: what the line mode's command b does (go back). */
        {"b", "back", CMD_BACK, N_("back")},
        {"h", "home", CMD_HOME, N_("the main menu")},
        {"w", NULL, CMD_PATH, N_("What's my path?")},
        {"l", NULL, CMD_SHORTLIST, N_("your shortlist")},
        {"e", NULL, CMD_HANDOUT, N_("make a handout")},
        {"N", "new", CMD_NEW_CLIENT, N_("start again for a new client")},
        {"m", "menu", CMD_MENU, N_("this menu again")},
        {"?", NULL, CMD_MENU, NULL},
        /* TRANSLATORS: what the line mode's command q does. */
        {"q", "quit", CMD_QUIT, N_("quit")},
        {NULL, NULL, CMD_NONE, NULL},
};

void line_menu(struct line *l, const char *title, const struct line_cmd_def *table)
{
    if (title)
        line_put(l, 0, 0, title);
    for (const struct line_cmd_def *c = table; c->letter; c++) {
        if (!c->says)
            continue;
        if (c->letter[0] >= '0' && c->letter[0] <= '9')
            line_say(l, 4, "%s. %s", c->letter, _(c->says));
        else if (strcmp(c->letter, "#") == 0)
            line_say(l, 4, _("A number: %s"), _(c->says));
        else
            line_say(l, 4, _("%s: %s"), c->letter, _(c->says));
    }
    struct sb b = {0};
    sb_add(&b, _("Everywhere:"));
    for (const struct line_cmd_def *c = line_everywhere; c->letter; c++)
        if (c->says)
            sb_addf(&b, "%s %s %s", c == line_everywhere ? "" : ",", c->letter, _(c->says));
    sb_add(&b, ".");
    line_put(l, 0, 2, sb_str(&b));
    sb_finish(&b);
}

void line_menu_once(struct line *l, const char *title, const struct line_cmd_def *table)
{
    for (size_t i = 0; i < l->n_told; i++)
        if (l->told[i] == table)
            return;
    if (l->n_told < sizeof l->told / sizeof l->told[0])
        l->told[l->n_told++] = table;
    line_menu(l, title, table);
}

const char *line_range(char *buf, size_t size, size_t n)
{
    if (n == 1)
        snprintf(buf, size, "1");
    else
        snprintf(buf, size, _("a number from 1 to %zu"), n);
    return buf;
}

/* The command letter (or word) in table matching what was typed: exactly, then ignoring case
 * (a person may not hear that Caps Lock is on), then its word. */
static const struct line_cmd_def *find_cmd(const struct line_cmd_def *table, const char *w)
{
    const struct line_cmd_def *tables[] = {table, line_everywhere};
    for (int pass = 0; pass < 3; pass++)
        for (int t = 0; t < 2; t++)
            for (const struct line_cmd_def *c = tables[t]; c && c->letter; c++) {
                if (pass == 0 && strcmp(c->letter, w) == 0)
                    return c;
                /* A capital in the table is meant: N (a new client) is never an n. */
                if (pass == 1 && strcasecmp(c->letter, w) == 0 &&
                    !(c->letter[0] >= 'A' && c->letter[0] <= 'Z'))
                    return c;
                if (pass == 2 && c->word && strcasecmp(c->word, w) == 0)
                    return c;
            }
    return NULL;
}

enum line_cmd line_command(struct line *l, const char *title, const struct line_cmd_def *table,
                           const char *prompt, const char **arg)
{
    *arg = NULL;
    for (;;) {
        const char *a = line_ask(l, prompt);
        if (!a)
            return CMD_NONE;
        if (!*a)
            continue; /* Enter alone: the prompt again, nothing lost */
        if (a[strspn(a, "0123456789")] == '\0') {
            *arg = a;
            return CMD_NUMBER;
        }
        /* The command: "/" and what follows it; else the first word, or the letters before a
         * number ("a3" as "a 3"). */
        char word[32];
        size_t n;
        if (a[0] == '/')
            n = 1;
        else {
            n = strcspn(a, " \t");
            size_t letters = strcspn(a, " \t0123456789");
            if (letters && letters < n)
                n = letters;
        }
        snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), a);
        const char *rest = a + n;
        rest += strspn(rest, " \t");
        const struct line_cmd_def *c = n < sizeof word ? find_cmd(table, word) : NULL;
        if (!c) {
            char *safe = text_sanitize(a, false);
            line_say(l, 0, _("There is no command \"%s\" here."), safe);
            free(safe);
            continue;
        }
        if (c->cmd == CMD_MENU) {
            line_blank(l);
            line_menu(l, title, table);
            continue;
        }
        *arg = *rest ? rest : NULL;
        return c->cmd;
    }
}

void line_open_task(struct line *l, enum line_task t)
{
    if (l->depth >= LINE_MAX_DEPTH) { /* deep enough: open it from the main menu */
        l->pending = t;
        return;
    }
    l->depth++;
    if (t == TASK_PATH)
        line_questions(l);
    else if (t == TASK_SHORTLIST)
        line_shortlist(l);
    l->depth--;
}

bool line_everywhere_do(struct line *l, enum line_cmd c, bool *reenter)
{
    *reenter = false;
    switch (c) {
    case CMD_HOME: l->home = true; return true;
    case CMD_QUIT: l->quit = true; return true;
    case CMD_PATH:
        line_open_task(l, TASK_PATH);
        *reenter = true;
        return true;
    case CMD_SHORTLIST:
        line_open_task(l, TASK_SHORTLIST);
        *reenter = true;
        return true;
    case CMD_HANDOUT: line_handout(l); return true;
    case CMD_NEW_CLIENT: line_new_client(l); return true;
    default: return false;
    }
}
