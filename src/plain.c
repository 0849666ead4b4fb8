/* plain.c: the line-by-line mode (--plain, TERM=dumb): numbered choices on standard output, one
 * answer a line, no full-screen drawing; for screen readers and the simplest terminals. */
#include "plain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "entry.h"
#include "text.h"
#include "util.h"
#include "vocab.h"

#define PAGE  10
#define WIDTH 78

struct plain {
    struct store *st;
    char region[65], goal[65], search[256];
};

/* Print dataset text safely. */
static void say(const char *s)
{
    char *t = text_sanitize(s ? s : "", true);
    fputs(t, stdout);
    free(t);
}

/* Read one answer; false at the end of input. */
static bool ask(const char *prompt, char *buf, size_t n)
{
    printf("%s", prompt);
    fflush(stdout);
    if (!fgets(buf, (int)n, stdin))
        return false;
    buf[strcspn(buf, "\r\n")] = '\0';
    /* Trim spaces: screen-reader users often type them by accident. */
    char *s = buf + strspn(buf, " \t");
    memmove(buf, s, strlen(s) + 1);
    size_t k = strlen(buf);
    while (k && (buf[k - 1] == ' ' || buf[k - 1] == '\t'))
        buf[--k] = '\0';
    return true;
}

/* Say why something failed, on its own line. */
static void say_error(const struct err *e)
{
    printf("Error: ");
    say(e->msg);
    printf("\n");
}

/* The name of id in t into buf: none when no id is chosen, the id itself when the data does not
 * have it. */
static void name_of(struct plain *p, enum vocab t, const char *id, const char *none, char *buf,
                    size_t n)
{
    struct err e = {0};
    if (id[0] && vocab_name(p->st, t, id, buf, n, &e) != 0)
        say_error(&e);
    if (!id[0] || !buf[0])
        snprintf(buf, n, "%s", id[0] ? id : none);
}

static void context(struct plain *p)
{
    char where[128], goal[128];
    name_of(p, VOCAB_REGION, p->region, "anywhere", where, sizeof where);
    name_of(p, VOCAB_GOAL, p->goal, "any", goal, sizeof goal);
    printf("Where: ");
    say(where);
    printf(". Goal: ");
    say(goal);
    printf(".\n");
}

static void show_entry(struct plain *p, const char *id)
{
    struct err err = {0};
    struct entry *e = entry_get(p->st, id, 0, &err);
    if (!e && err.code) {
        say_error(&err);
        return;
    }
    if (!e) {
        printf("That entry is no longer in the data.\n");
        return;
    }
    struct doc *d = doc_entry(e);
    char *text = doc_plain(d, WIDTH);
    printf("\n");
    fputs(text, stdout);
    free(text);
    doc_destroy(d);
    entry_destroy(e);
}

/* Let the person choose a value of t (regions as "name (parent)"), those whose words hold filter
 * when given: returns a new id, "" for none/any, or NULL when they went back. */
static char *choose_from(struct plain *p, enum vocab t, const char *any_label, const char *filter)
{
    struct vocab_list l;
    struct err e = {0};
    if (vocab_list(p->st, t, &l, &e) != 0) {
        say_error(&e);
        return NULL;
    }
    char *want = text_fold(filter ? filter : "");
    const char **ids = xcalloc(l.n + 1, sizeof *ids);
    size_t n = 0;
    printf("0. %s\n", any_label);
    for (size_t i = 0; i < l.n; i++) {
        const struct vocab_item *it = &l.v[i];
        char *label = it->parent ? xasprintf("%s (%s)", it->name, it->parent) : xstrdup(it->name);
        char *fold = text_fold(label);
        if (!want[0] || strstr(fold, want)) {
            ids[n++] = it->id;
            printf("%zu. ", n);
            say(label);
            printf("\n");
        }
        free(fold);
        free(label);
    }
    free(want);
    char line[64];
    char *result = NULL;
    if (n == 0)
        printf("Nothing matched those letters.\n");
    if (ask("Number (Enter to go back): ", line, sizeof line) && line[0]) {
        long k = strtol(line, NULL, 10);
        if (k == 0 && line[0] == '0')
            result = xstrdup("");
        else if (k >= 1 && (size_t)k <= n)
            result = xstrdup(ids[k - 1]);
        else
            printf("There is no choice %s.\n", line);
    }
    free(ids);
    vocab_list_finish(&l);
    return result;
}

static void choose_region(struct plain *p)
{
    char line[128];
    if (!ask("Type part of the name of your city, region or province (Enter for all): ", line,
             sizeof line))
        return;
    char *id = choose_from(p, VOCAB_REGION, "Anywhere", line);
    if (id) {
        snprintf(p->region, sizeof p->region, "%s", id);
        free(id);
    }
    context(p);
}

static void choose_goal(struct plain *p)
{
    char *id = choose_from(p, VOCAB_GOAL, "Any goal", NULL);
    if (id) {
        snprintf(p->goal, sizeof p->goal, "%s", id);
        free(id);
    }
    context(p);
}

static void browse(struct plain *p, unsigned kinds)
{
    size_t offset = 0;
    for (;;) {
        struct query q = {.kinds = kinds};
        if (p->region[0])
            q.region = p->region;
        if (p->goal[0])
            q.goals[q.n_goals++] = p->goal;
        if (p->search[0])
            q.text = p->search;
        size_t total = 0;
        struct page pg = {0};
        struct err e = {0};
        if (query_count(p->st, &q, &total, &e) != 0 ||
            query_page(p->st, &q, offset, PAGE, &pg, &e) != 0) {
            say_error(&e);
            return;
        }
        printf("\n%s %zu to %zu of %zu", kinds == KIND_PATHWAY ? "Pathways" : "Supports",
               total ? offset + 1 : 0, offset + pg.n, total);
        if (p->search[0]) {
            printf(" matching \"");
            say(p->search);
            printf("\"");
        }
        printf(". ");
        context(p);
        for (size_t i = 0; i < pg.n; i++) {
            printf("%zu. ", i + 1);
            say(pg.rows[i].name);
            printf(" (%s", kinds == KIND_PATHWAY ? (pg.rows[i].status ? pg.rows[i].status : "")
                                                 : pg.rows[i].kind);
            if (pg.rows[i].where) {
                printf(", ");
                say(pg.rows[i].where);
            }
            printf(")\n");
        }
        if (!total)
            printf("Nothing matches. Type x to clear the search, or b to go back.\n");
        char line[300];
        bool more = offset + pg.n < total;
        printf("Type a number to open it%s%s, / and words to search, x to clear the search, "
               "b to go back.\n",
               more ? ", n for the next page" : "", offset ? ", p for the previous page" : "");
        if (!ask("> ", line, sizeof line)) {
            query_page_finish(&pg);
            return;
        }
        char *endp;
        long k = strtol(line, &endp, 10);
        if (line[0] && !*endp && k >= 1 && (size_t)k <= pg.n) {
            show_entry(p, pg.rows[k - 1].id);
        } else if (strcmp(line, "n") == 0 && more) {
            offset += PAGE;
        } else if (strcmp(line, "p") == 0 && offset) {
            offset -= PAGE;
        } else if (line[0] == '/') {
            snprintf(p->search, sizeof p->search, "%s", line + 1 + strspn(line + 1, " "));
            offset = 0;
        } else if (strcmp(line, "x") == 0) {
            p->search[0] = '\0';
            offset = 0;
        } else if (strcmp(line, "b") == 0 || strcmp(line, "q") == 0 || !line[0]) {
            query_page_finish(&pg);
            return;
        } else {
            printf("I did not understand \"%s\".\n", line);
        }
        query_page_finish(&pg);
    }
}

static void about(struct plain *p)
{
    char *notes = store_meta(p->st, "notes");
    struct text_lines *l = text_wrap(notes ? notes : "", WIDTH);
    printf("\n");
    for (size_t i = 0; i < l->n; i++)
        printf("%s\n", l->line[i]);
    text_lines_destroy(l);
    free(notes);
}

int plain_main(const struct options *o)
{
    struct plain p = {0};
    char *notice = NULL;
    int rc = session_open_store(o, true, &p.st, &notice);
    if (rc)
        return rc;
    struct query q = {0};
    char *region = NULL;
    rc = session_resolve_filters(p.st, o, &q, &region);
    if (rc) {
        store_destroy(p.st);
        free(notice);
        return rc;
    }
    if (region)
        snprintf(p.region, sizeof p.region, "%s", region);
    if (q.n_goals)
        snprintf(p.goal, sizeof p.goal, "%s", q.goals[0]);
    free(region);
    char *title = store_meta(p.st, "title"), *as_of = store_meta(p.st, "as_of");
    say(title ? title : "itpnav");
    printf("\nData as of %s. Check details with each organisation.\n", as_of ? as_of : "?");
    if (notice) {
        say(notice);
        printf("\n");
    }
    free(title);
    free(as_of);
    free(notice);
    for (;;) {
        printf("\nMain menu. ");
        context(&p);
        printf("1. Find supports\n2. Pathways to practice\n"
               "3. What's my path? (not in this version yet)\n"
               "4. Shortlist (not in this version yet)\n5. About\n6. Help\n"
               "r. Say where you live\ng. Choose your goal\nq. Quit\n");
        char line[64];
        if (!ask("Choose: ", line, sizeof line))
            break;
        if (strcmp(line, "1") == 0)
            browse(&p, KIND_SUPPORTS);
        else if (strcmp(line, "2") == 0)
            browse(&p, KIND_PATHWAY);
        else if (strcmp(line, "3") == 0 || strcmp(line, "4") == 0)
            printf("That is not in this version yet.\n");
        else if (strcmp(line, "5") == 0)
            about(&p);
        else if (strcmp(line, "6") == 0)
            printf("\nType the number or letter of a choice and press Enter. In a list, type a "
                   "number to open an entry, / followed by words to search, n and p for the "
                   "next and previous page, b to go back. At the end of input itpnav quits.\n");
        else if (strcmp(line, "r") == 0)
            choose_region(&p);
        else if (strcmp(line, "g") == 0)
            choose_goal(&p);
        else if (strcmp(line, "q") == 0)
            break;
        else if (line[0])
            printf("I did not understand \"%s\".\n", line);
    }
    session_close_store(p.st); /* says so if a damaged cache was rebuilt meanwhile */
    return fflush(stdout) == 0 ? 0 : EXIT_IOERR;
}
