/* browse.c: the lists of supports and pathways, page by page with their filters and search; one
 * entry in full, its links numbered and opened in place; saving to the shortlist and putting
 * back what was taken off. */
#include "line.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "i18n.h"
#include "match.h"
#include "text.h"
#include "util.h"

const struct line_cmd_def line_list_cmds[] = {
        {"#", NULL, CMD_NUMBER, N_("open that entry")},
        {"a", NULL, CMD_SAVE, N_("save an entry to your shortlist, or take it off (a 3: entry 3)")},
        {"u", "undo", CMD_UNDO, N_("put back the entry taken off your shortlist last")},
        {"n", "next", CMD_NEXT, N_("the next page")},
        {"p", "previous", CMD_PREV, N_("the previous page")},
        {"/", NULL, CMD_SEARCH, N_("search: / and the words (/ mentor)")},
        {"r", NULL, CMD_REGION, N_("say where you live")},
        {"g", NULL, CMD_GOAL, N_("choose your goal")},
        {"s", NULL, CMD_SERVICE, N_("choose a kind of help")},
        {"d", NULL, CMD_DELIVERY, N_("online, in person or both")},
        {"t", NULL, CMD_KIND, N_("groups or programs only")},
        {"x", NULL, CMD_CLEAR, N_("clear every filter and the search")},
        {"c", "again", CMD_AGAIN, N_("this page again")},
        {NULL, NULL, CMD_NONE, NULL},
};

/* Pathways have no service, delivery or type: the same without those. */
static const struct line_cmd_def pathway_cmds[] = {
        {"#", NULL, CMD_NUMBER, N_("open that entry")},
        {"a", NULL, CMD_SAVE, N_("save an entry to your shortlist, or take it off (a 3: entry 3)")},
        {"u", "undo", CMD_UNDO, N_("put back the entry taken off your shortlist last")},
        {"n", "next", CMD_NEXT, N_("the next page")},
        {"p", "previous", CMD_PREV, N_("the previous page")},
        {"/", NULL, CMD_SEARCH, N_("search: / and the words (/ residency)")},
        {"r", NULL, CMD_REGION, N_("say where you live")},
        {"g", NULL, CMD_GOAL, N_("choose your goal")},
        {"x", NULL, CMD_CLEAR, N_("clear every filter and the search")},
        {"c", "again", CMD_AGAIN, N_("this page again")},
        {NULL, NULL, CMD_NONE, NULL},
};

const struct line_cmd_def line_entry_cmds[] = {
        {"#", NULL, CMD_NUMBER, N_("open that link: a linked entry, or a web address said alone")},
        {"a", NULL, CMD_SAVE, N_("save this entry to your shortlist, or take it off")},
        {"u", "undo", CMD_UNDO, N_("put back the entry taken off your shortlist last")},
        {"c", "again", CMD_AGAIN, N_("read the entry again")},
        {NULL, NULL, CMD_NONE, NULL},
};

/* ---- the filters ---- */

/* The name of id in t, or none when no id is chosen (the id when the data lacks it). */
static char *name_of(struct line *l, enum vocab t, const char *id, const char *none)
{
    if (!id[0])
        return xstrdup(none);
    char buf[256];
    struct err e = {0};
    if (vocab_name_in(l->st, t, id, i18n_french() ? i18n_lang() : NULL, buf, sizeof buf, &e) != 0)
        line_say(l, 0, "%s", e.msg);
    return xstrdup(buf[0] ? buf : id);
}

char *line_filters_words(struct line *l, unsigned kinds)
{
    struct sb b = {0};
    char *where = name_of(l, VOCAB_REGION, l->region, _("anywhere"));
    /* TRANSLATORS: no goal chosen ("Goal: any."). */
    char *goal = name_of(l, VOCAB_GOAL, l->goal, C_("goal", "any"));
    sb_addf(&b, _("Where you live: %s. Goal: %s."), where, goal);
    free(where);
    free(goal);
    if (kinds != KIND_PATHWAY) {
        if (l->service[0]) {
            char *s = name_of(l, VOCAB_SERVICE, l->service, C_("kind of help", "any"));
            sb_addf(&b, _(" Kind of help: %s."), s);
            free(s);
        }
        if (l->delivery) {
            sb_add(&b, _(" Delivered:"));
            bool first = true;
            for (size_t i = 0; i < terms_delivery.n; i++)
                if (l->delivery & terms_delivery.v[i].value) {
                    sb_addf(&b, "%s %s", first ? "" : _(" or"), _(terms_delivery.v[i].label));
                    first = false;
                }
            sb_add(&b, ".");
        }
        unsigned k = l->kinds & KIND_SUPPORTS;
        if (k && k != KIND_SUPPORTS)
            sb_addf(&b, _(" Type: %s only."),
                    _(terms_of(&terms_kind, k & KIND_GROUP ? KIND_GROUP : KIND_PROGRAM)->plural));
    }
    if (l->search[0])
        sb_addf(&b, _(" Search: \"%s\"."), l->search);
    return sb_take(&b);
}

/* The query the filters make for a list of kinds (as the screen's app_query). */
static void list_query(const struct line *l, struct query *q, unsigned kinds)
{
    /* The rows' names and summaries in the reader's language, where the data has them. */
    *q = (struct query){.kinds = kinds, .lang = i18n_french() ? i18n_lang() : NULL};

    if (l->region[0])
        q->region = l->region;
    if (l->goal[0])
        q->goals[q->n_goals++] = l->goal;
    if (kinds != KIND_PATHWAY) {
        q->delivery = l->delivery;
        if (l->service[0])
            q->services[q->n_services++] = l->service;
        if (l->kinds & KIND_SUPPORTS)
            q->kinds = l->kinds & KIND_SUPPORTS;
    }
    if (l->search[0])
        q->text = l->search;
}

bool line_pick_filter(struct line *l, enum line_cmd c)
{
    struct line_choices ch = {0};
    struct line_choose_opts o = {.keep = _("keep it"), .back = _("go back"), .find = true};
    char *now = NULL, *title = NULL;
    switch (c) {
    case CMD_REGION:
        o.title = _("Where do you live?");
        o.regions = true;
        line_choices_add(&ch, "", _("Anywhere (no place chosen)"), NULL, false);
        line_choices_vocab(l, &ch, VOCAB_REGION);
        now = name_of(l, VOCAB_REGION, l->region, _("anywhere"));
        break;
    case CMD_GOAL:
        o.title = _("What is your goal?");
        line_choices_add(&ch, "", _("Any goal"), NULL, false);
        line_choices_vocab(l, &ch, VOCAB_GOAL);
        now = name_of(l, VOCAB_GOAL, l->goal, C_("goal", "any"));
        break;
    case CMD_SERVICE:
        o.title = _("What kind of help?");
        line_choices_add(&ch, "", _("Any service"), NULL, false);
        line_choices_vocab(l, &ch, VOCAB_SERVICE);
        now = name_of(l, VOCAB_SERVICE, l->service, C_("kind of help", "any"));
        break;
    case CMD_DELIVERY: {
        o.title = _("How is it delivered?");
        o.find = false;
        line_choices_add(&ch, "", _("Any way"), NULL, false);
        line_choices_terms(&ch, &terms_delivery, 0);
        const struct term *t = terms_of(&terms_delivery, l->delivery);
        now = xstrdup(t ? _(t->label) : _("any way"));
        break;
    }
    case CMD_KIND: {
        o.title = _("Which type?");
        o.find = false;
        line_choices_add(&ch, "", _("Groups and programs"), NULL, false);
        line_choices_terms(&ch, &terms_kind, KIND_SUPPORTS);
        const struct term *t = terms_of(&terms_kind, l->kinds & KIND_SUPPORTS);
        now = xstrdup(t ? _(t->plural) : _("groups and programs"));
        break;
    }
    default: return false;
    }
    title = xasprintf(_("Now: %s."), now);
    o.now = title;
    size_t *chosen = xcalloc(ch.n + 1, sizeof *chosen), n = 0;
    bool changed = line_choose(l, &o, &ch, chosen, &n) == CHOSEN && n;
    if (changed) {
        const char *v = ch.v[chosen[0]].value;
        switch (c) {
        case CMD_REGION: snprintf(l->region, sizeof l->region, "%s", v); break;
        case CMD_GOAL: snprintf(l->goal, sizeof l->goal, "%s", v); break;
        case CMD_SERVICE: snprintf(l->service, sizeof l->service, "%s", v); break;
        case CMD_DELIVERY: l->delivery = terms_bits(&terms_delivery, v); break;
        case CMD_KIND: l->kinds = terms_bits(&terms_kind, v); break;
        default: break;
        }
        line_say(l, 0, _("Chosen: %s."), ch.v[chosen[0]].label);
    }
    free(chosen);
    free(title);
    free(now);
    line_choices_finish(&ch);
    return changed;
}

/* ---- saving ---- */

/* The id and kinds a link target names ("pathway:ID", "support:ID" or an ID). */
static const char *target_id(const char *target, unsigned *kinds)
{
    *kinds = 0;
    if (strncmp(target, "pathway:", 8) == 0) {
        *kinds = KIND_PATHWAY;
        return target + 8;
    }
    if (strncmp(target, "support:", 8) == 0) {
        *kinds = KIND_SUPPORTS;
        return target + 8;
    }
    return target;
}

/* The entry a target names, or NULL with the reason said; its text in the reader's language
 * when localize. */
static struct entry *get_entry(struct line *l, const char *target, bool localize)
{
    unsigned kinds;
    const char *id = target_id(target, &kinds);
    struct err err = {0};
    struct entry *e = entry_get(l->st, id, kinds, &err);
    if (!e)
        line_say(l, 0, "%s", err.code ? err.msg : _("That entry is no longer in the data."));
    else if (localize && i18n_french())
        entry_localize(l->st, e, i18n_lang());
    return e;
}

static bool saved(struct line *l, const char *id, const char *kind)
{
    return state_has(l->state, id, state_kind_of(kind));
}

void line_toggle_saved(struct line *l, const char *target)
{
    /* The shortlist's file keeps the data's own name (for the day the entry leaves the data);
     * the sentence says the reader's. */
    struct entry *e = get_entry(l, target, false);
    if (!e)
        return;
    const char *k = state_kind_of(e->kind);
    bool had = state_has(l->state, e->id, k);
    struct err err = {0};
    int rc = had ? state_remove(l->state, e->id, k, &err)
                 : state_add(l->state, e->id, k, e->name, &err);
    if (i18n_french())
        entry_localize(l->st, e, i18n_lang());
    if (rc != 0) {
        line_say(l, 0, _("The shortlist was not changed: %s"), err.msg);
    } else {
        char *count = line_entries(state_count(l->state));
        if (had)
            line_say(l, 0, _("Taken off your shortlist: %s. It has %s; u puts it back."), e->name,
                     count);
        else
            line_say(l, 0, _("Saved to your shortlist: %s. It has %s."), e->name, count);
        free(count);
    }
    entry_destroy(e);
}

/* A shortlist item's name in the reader's language where the data has it, as a new string. */
static char *reader_name(struct line *l, const struct state_item *it)
{
    struct err err = {0};
    struct entry *e = i18n_french() ? entry_get(l->st, it->id, terms_kinds(it->kind), &err) : NULL;
    if (!e)
        return xstrdup(it->name);
    entry_localize(l->st, e, i18n_lang());
    char *name = xstrdup(e->name);
    entry_destroy(e);
    return name;
}

void line_undo(struct line *l)
{
    if (state_undo_count(l->state) == 0) {
        line_say(l, 0, _("Nothing was taken off your shortlist: there is nothing to put back."));
        return;
    }
    struct state_item it = {0};
    struct err e = {0};
    if (state_undo(l->state, &it, &e) != 0) {
        line_say(l, 0, _("Nothing was put back: %s"), e.msg);
        return;
    }
    /* Say where it went: its place in the list as it is now. */
    struct state_item *v = NULL;
    size_t n = 0, place = 0;
    if (state_items(l->state, NULL, &v, &n, &e) == 0)
        for (size_t i = 0; i < n && !place; i++)
            if (strcmp(v[i].id, it.id) == 0 && strcmp(v[i].kind, it.kind) == 0)
                place = i + 1;
    state_items_destroy(v, n);
    char *name = reader_name(l, &it);
    if (place)
        line_say(l, 0, _("Put back on your shortlist: %s, at place %zu of %zu%s."), name, place, n,
                 it.note && it.note[0] ? _(", with its note") : "");
    else
        line_say(l, 0, _("Put back on your shortlist: %s."), name);
    free(name);
    state_item_finish(&it);
}

/* ---- one entry ---- */

void line_entry(struct line *l, const char *target)
{
    /* The entries opened one from another, as the screen's stack: b goes to the one before. */
    char **trail = xmalloc(sizeof *trail);
    size_t depth = 1;
    trail[0] = xstrdup(target);
    struct line_links links = {0};
    bool show = true, menu = true;
    while (depth && !line_leaving(l)) {
        struct entry *e = get_entry(l, trail[depth - 1], true);
        if (!e) {
            free(trail[--depth]);
            show = true;
            continue;
        }
        bool is_saved = saved(l, e->id, e->kind);
        if (show) {
            line_blank(l);
            struct doc *d = doc_entry(e);
            /* A pathway's rules, judged against the answers as the screen's detail does. */
            struct answers a;
            profile_answers(&l->prof, &a);
            struct err why = {0};
            match_rules_into(d, l->st, e, &a, &why);
            if (why.code)
                line_say(l, 0, "%s", why.msg);
            line_links_finish(&links);
            line_doc(l, d, &links);
            doc_destroy(d);
            line_say(l, 0, "%s",
                     is_saved ? _("Saved on your shortlist.") : _("Not on your shortlist."));
            show = false;
        }
        if (menu) {
            line_menu_once(l, _("Commands for this entry:"), line_entry_cmds);
            menu = false;
        }
        char range[64];
        char *prompt =
                links.n ? xasprintf(_("Type %s to open a link, a to %s, or b to go back (m lists "
                                      "every command):"),
                                    line_range(range, sizeof range, links.n),
                                    is_saved ? _("take it off your shortlist") : _("save it"))
                        : xasprintf(_("Type a to %s, c to read it again, or b to go back (m lists "
                                      "every command):"),
                                    is_saved ? _("take it off your shortlist") : _("save it"));
        const char *arg;
        enum line_cmd c =
                line_command(l, _("Commands for this entry:"), line_entry_cmds, prompt, &arg);
        free(prompt);
        size_t k;
        bool reenter;
        switch (c) {
        case CMD_NONE: break;
        case CMD_NUMBER:
            if (!(k = line_number(arg, links.n))) {
                if (links.n)
                    line_say(l, 0, _("There is no link %s: the links are 1 to %zu."), arg, links.n);
                else
                    line_say(l, 0, _("This entry has no numbered links."));
            } else if (links.v[k - 1].url) {
                line_url(l, links.v[k - 1].url); /* alone, to be read once */
            } else {
                trail = xrealloc(trail, (depth + 1) * sizeof *trail);
                trail[depth++] = xstrdup(links.v[k - 1].target);
                show = true;
            }
            break;
        case CMD_SAVE: {
            char *t = xasprintf("%s:%s", state_kind_of(e->kind), e->id);
            line_toggle_saved(l, t);
            free(t);
            break;
        }
        case CMD_UNDO: line_undo(l); break;
        case CMD_AGAIN: show = true; break;
        case CMD_BACK:
            free(trail[--depth]);
            show = true;
            break;
        default:
            if (line_everywhere_do(l, c, &reenter) && reenter)
                show = true;
            break;
        }
        entry_destroy(e);
    }
    while (depth)
        free(trail[--depth]);
    free(trail);
    line_links_finish(&links);
}

/* ---- a list ---- */

/* An entry's kind, as a row says it ("Kind: group."), in the reader's language. */
static const char *kind_word(const char *kind)
{
    /* TRANSLATORS: an entry's kind in the line mode's list ("Kind: group."). */
    return strcmp(kind, "group") == 0     ? C_("line kind", "group")
           : strcmp(kind, "program") == 0 ? C_("line kind", "program")
           : strcmp(kind, "pathway") == 0 ? C_("line kind", "pathway")
                                          : kind;
}

/* A status as a row says it ("Status: available."): a pathway's (a voie is feminine) or a
 * support's that is not running (a ressource is feminine). */
static const char *status_word(const char *status)
{
    /* TRANSLATORS: a status in the line mode's list ("Status: available."). */
    return strcmp(status, "available") == 0  ? C_("line status", "available")
           : strcmp(status, "limited") == 0  ? C_("line status", "limited")
           : strcmp(status, "proposed") == 0 ? C_("line status", "proposed")
           : strcmp(status, "closed") == 0   ? C_("line status", "closed")
           : strcmp(status, "inactive") == 0 ? C_("line status", "inactive")
                                             : status;
}

static void show_row(struct line *l, size_t number, const struct row *r, unsigned kinds)
{
    struct sb b = {0};
    sb_addf(&b, "%zu. %s", number, r->name);
    /* A name that ends a sentence already gets no second full stop. */
    size_t n = strlen(r->name);
    if (!n || !strchr(".!?", r->name[n - 1]))
        sb_add(&b, ".");
    if (kinds == KIND_PATHWAY)
        sb_addf(&b, _(" Status: %s."), r->status ? status_word(r->status) : _("not stated"));
    else
        sb_addf(&b, _(" Kind: %s."), kind_word(r->kind));
    /* A support that is not running says so in the list, not only in its detail. */
    if (entry_support_halt(r->kind, r->status))
        sb_addf(&b, _(" Status: %s."), status_word(entry_support_halt(r->kind, r->status)));
    if (r->where && r->where[0])
        sb_addf(&b, _(" Where: %s."), r->where);
    if (r->size && r->size[0])
        sb_addf(&b, _(" Size: %s."), r->size);
    if (saved(l, r->id, r->kind))
        sb_add(&b, _(" Saved."));
    line_put(l, 0, 4, sb_str(&b));
    sb_finish(&b);
}

/* Which entry of the page: from arg, or asked; 0 when none. */
static size_t which_row(struct line *l, const char *arg, size_t n, bool save)
{
    if (n == 0) {
        line_say(l, 0, _("There is no entry on this page."));
        return 0;
    }
    if (arg) {
        size_t k = line_number(arg, n);
        if (!k)
            line_say(l, 0, _("There is no entry %s on this page: the entries are 1 to %zu."), arg,
                     n);
        return k;
    }
    if (n == 1)
        return 1;
    char *prompt =
            save ? xasprintf(_("Save or take off which entry? Type a number from 1 to %zu, or b to "
                               "go back:"),
                             n)
                 : xasprintf(_("Open which entry? Type a number from 1 to %zu, or b to go back:"),
                             n);
    size_t k = 0;
    for (;;) {
        const char *a = line_ask(l, prompt);
        if (!a || strcmp(a, "b") == 0 || strcmp(a, "B") == 0)
            break;
        if ((k = line_number(a, n)))
            break;
        char *safe = text_sanitize(a, false);
        line_say(l, 0, _("There is no entry \"%s\" on this page."), safe);
        free(safe);
    }
    free(prompt);
    return k;
}

void line_browse(struct line *l, unsigned kinds)
{
    const bool pathways = kinds == KIND_PATHWAY;
    const char *what = pathways ? _("Pathways to practice") : _("Supports");
    const struct line_cmd_def *cmds = pathways ? pathway_cmds : line_list_cmds;
    char *menu_title =
            xstrdup(pathways ? _("Commands in the pathways:") : _("Commands in the supports:"));
    size_t offset = 0;
    bool show = true, menu = true;
    while (!line_leaving(l)) {
        struct query q;
        list_query(l, &q, kinds);
        size_t total = 0;
        struct page pg = {0};
        struct err e = {0};
        if (query_count(l->st, &q, &total, &e) != 0 ||
            query_page(l->st, &q, offset, LINE_PAGE, &pg, &e) != 0) {
            line_say(l, 0, _("The list cannot be read: %s"), e.msg);
            query_page_finish(&pg);
            break;
        }
        if (offset && offset >= total) { /* the list got shorter: its last page */
            offset = total ? (total - 1) / LINE_PAGE * LINE_PAGE : 0;
            query_page_finish(&pg);
            continue;
        }
        bool more = offset + pg.n < total;
        if (show) {
            line_blank(l);
            char *filters = line_filters_words(l, kinds);
            line_say(l, 0, "%s. %s", what, filters);
            free(filters);
            if (total == 0)
                line_say(l, 0, _("Nothing matches: x clears every filter and the search."));
            else if (total <= LINE_PAGE)
                line_say(l, 0, ngettext("%zu entry.", "%zu entries.", total), total);
            else
                line_say(l, 0, _("Page %zu of %zu, entries %zu to %zu of %zu."),
                         offset / LINE_PAGE + 1, (total + LINE_PAGE - 1) / LINE_PAGE, offset + 1,
                         offset + pg.n, total);
            for (size_t i = 0; i < pg.n; i++)
                show_row(l, i + 1, &pg.rows[i], kinds);
            show = false;
        }
        if (menu) {
            line_menu_once(l, menu_title, cmds);
            menu = false;
        }
        struct sb pr = {0};
        char range[64];
        if (pg.n)
            sb_addf(&pr, _("Type %s to open an entry, "), line_range(range, sizeof range, pg.n));
        else
            sb_add(&pr, _("Type x to clear the filters, "));
        if (more)
            sb_add(&pr, _("n for the next page, "));
        if (offset)
            sb_add(&pr, _("p for the previous page, "));
        sb_add(&pr, _("or b to go back (m lists every command):"));
        const char *arg;
        enum line_cmd c = line_command(l, menu_title, cmds, sb_str(&pr), &arg);
        sb_finish(&pr);
        size_t k;
        bool reenter;
        switch (c) {
        case CMD_NONE: break;
        case CMD_NUMBER:
            if ((k = which_row(l, arg, pg.n, false))) {
                char *t = xasprintf("%s:%s", state_kind_of(pg.rows[k - 1].kind), pg.rows[k - 1].id);
                line_entry(l, t);
                free(t);
                show = true;
            }
            break;
        case CMD_SAVE:
            if ((k = which_row(l, arg, pg.n, true))) {

                char *t = xasprintf("%s:%s", state_kind_of(pg.rows[k - 1].kind), pg.rows[k - 1].id);
                line_toggle_saved(l, t);
                free(t);
            }
            break;
        case CMD_UNDO: line_undo(l); break;
        case CMD_NEXT:
            if (more) {
                offset += LINE_PAGE;
                show = true;
            } else {
                line_say(l, 0, _("This is the last page."));
            }
            break;
        case CMD_PREV:
            if (offset) {
                offset = offset >= LINE_PAGE ? offset - LINE_PAGE : 0;
                show = true;
            } else {
                line_say(l, 0, _("This is the first page."));
            }
            break;
        case CMD_SEARCH: {
            const char *words = arg;
            if (!words) {
                words = line_ask(l, _("Type the words to search for, or Enter alone to keep the "
                                      "search as it is:"));
                if (!words || !words[0])
                    break;
            }
            snprintf(l->search, sizeof l->search, "%s", words);
            offset = 0;
            show = true;
            break;
        }
        case CMD_CLEAR:
            l->region[0] = l->goal[0] = l->service[0] = l->search[0] = '\0';
            l->delivery = l->kinds = 0;
            line_say(l, 0, _("Every filter and the search are cleared."));
            offset = 0;
            show = true;
            break;
        case CMD_REGION:
        case CMD_GOAL:
        case CMD_SERVICE:
        case CMD_DELIVERY:
        case CMD_KIND:
            if (line_pick_filter(l, c)) {
                offset = 0;
                show = true;
            }
            break;
        case CMD_AGAIN: show = true; break;
        case CMD_BACK: break;
        default:
            if (line_everywhere_do(l, c, &reenter) && reenter)
                show = true;
            break;
        }
        query_page_finish(&pg);
        if (c == CMD_BACK)
            break;
    }
    free(menu_title);
}
