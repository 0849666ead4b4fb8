/* main.c: options, subcommands and start-up; nothing else. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "complete.h"
#include "config.h"
#include "terms.h"
#include "hsds_cli.h"
#include "i18n.h"
#include "profile.h"
#include "text.h"
#include "ui.h"
#include "util.h"

/* TRANSLATORS: the whole of "itpnav --help". Commands, options and their values (check, --data,
 * FILE, text, tsv, json, yes, no...) are typed as they are: translate only the descriptions. */
static const char usage_text[] = N_(
        "Usage:\n"
        "  itpnav [OPTIONS]                         the interactive program\n"
        "  itpnav check [--strict] [--older-than MONTHS] [FILE]\n"
        "                                           validate a dataset (default: the bundled one)\n"
        "  itpnav list  [OPTIONS] [FILTERS]         the entries that match, one a line\n"
        "  itpnav show  [OPTIONS] [--kind K] ID     one entry, in full (K: support, group, "
        "program\n"
        "                                           or pathway, when a version 1 dataset gives\n"
        "                                           a support and a pathway one id)\n"
        "  itpnav match [OPTIONS] [ANSWERS]         the verdict on each pathway, for scripts\n"
        "  itpnav build-db --out DB [--data FILE]   write a ready SQLite database (for kiosks)\n"
        "  itpnav import hsds [--map MAP.json] [--data FILE] [--out FILE]\n"
        "                     [--strict] SOURCE\n"
        "                                           an Open Referral HSDS 3.0 directory as a "
        "dataset\n"
        "  itpnav export hsds [--data FILE] [--out DIR|FILE]\n"
        "                                           the dataset as Open Referral HSDS 3.0\n"
        "  itpnav --help | --version\n"
        "\n"
        "Options:\n"
        "  --data FILE        a dataset (default: the bundled one)\n"
        "  --db FILE          open a database written by build-db, read-only\n"
        "  --kiosk            a locked public kiosk: no way out, reset when idle, nothing saved\n"
        "  --idle SECONDS     with --kiosk: clear everything after SECONDS without input (120)\n"
        "  --no-color         no colour (also when NO_COLOR is set)\n"
        "  --no-mouse         do not capture the mouse\n"
        "  --plain            line-by-line mode with numbered choices (screen readers)\n"
        "  --format F         text, tsv or json (list, show, match, check --older-than)\n"
        "  --lang L           en or fr: the language of the text (default: the locale's)\n"
        "\n"
        "Filters (list; --goal, --service and --delivery may be repeated):\n"
        "  --region R  --goal G  --service S  --delivery online|in-person|hybrid\n"
        "  --kind group|program|pathway  --search TEXT  --limit N\n"
        "\n"
        "Answers (match): --region R  --goal G  --status citizen|permanent-resident|\n"
        "  work-permit|refugee  --exam E  --discipline family-medicine|specialty\n"
        "  --postgrad-years N  --practice-years N  --last-practised N|YEAR  --language-test "
        "yes|no\n"
        "\n"
        "Exit status: 0 success, 64 usage error, 65 invalid dataset, 66 cannot open a file,\n"
        "71 out of memory (or another limit of the system), 73 cannot create the output file,\n"
        "74 read or write error. See itpnav(1).\n");

enum {
    OPT_DATA = 256,
    OPT_DB,
    OPT_OUT,
    OPT_STRICT,
    OPT_OLDER_THAN,
    OPT_KIOSK,
    OPT_IDLE,
    OPT_NO_COLOR,
    OPT_NO_MOUSE,
    OPT_PLAIN,
    OPT_FORMAT,
    OPT_REGION,
    OPT_GOAL,
    OPT_SERVICE,
    OPT_DELIVERY,
    OPT_KIND,
    OPT_SEARCH,
    OPT_LIMIT,
    OPT_STATUS,
    OPT_EXAM,
    OPT_DISCIPLINE,
    OPT_POSTGRAD,
    OPT_PRACTICE,
    OPT_LAST,
    OPT_LANGUAGE,
    OPT_LANG,
};

/* Which commands take which option. */
enum {
    C_UI = 1 << 0,
    C_CHECK = 1 << 1,
    C_LIST = 1 << 2,
    C_SHOW = 1 << 3,
    C_MATCH = 1 << 4,
    C_BUILD = 1 << 5,
};

static const struct {
    struct option opt;
    unsigned commands;
} options_table[] = {
        {{"help", no_argument, NULL, 'h'}, ~0u},
        {{"version", no_argument, NULL, 'V'}, ~0u},
        {{"data", required_argument, NULL, OPT_DATA}, C_UI | C_LIST | C_SHOW | C_MATCH | C_BUILD},
        {{"db", required_argument, NULL, OPT_DB}, C_UI | C_LIST | C_SHOW | C_MATCH},
        {{"out", required_argument, NULL, OPT_OUT}, C_BUILD},
        {{"strict", no_argument, NULL, OPT_STRICT}, C_CHECK},
        {{"older-than", required_argument, NULL, OPT_OLDER_THAN}, C_CHECK},
        {{"kiosk", no_argument, NULL, OPT_KIOSK}, C_UI},
        {{"idle", required_argument, NULL, OPT_IDLE}, C_UI},
        {{"no-color", no_argument, NULL, OPT_NO_COLOR}, C_UI},
        {{"no-colour", no_argument, NULL, OPT_NO_COLOR}, C_UI},
        {{"no-mouse", no_argument, NULL, OPT_NO_MOUSE}, C_UI},
        {{"plain", no_argument, NULL, OPT_PLAIN}, C_UI},
        {{"format", required_argument, NULL, OPT_FORMAT}, C_LIST | C_SHOW | C_MATCH | C_CHECK},
        {{"region", required_argument, NULL, OPT_REGION}, C_UI | C_LIST | C_MATCH},
        {{"goal", required_argument, NULL, OPT_GOAL}, C_UI | C_LIST | C_MATCH},
        {{"service", required_argument, NULL, OPT_SERVICE}, C_LIST},
        {{"delivery", required_argument, NULL, OPT_DELIVERY}, C_LIST},
        {{"kind", required_argument, NULL, OPT_KIND}, C_LIST | C_SHOW},
        {{"search", required_argument, NULL, OPT_SEARCH}, C_LIST},
        {{"limit", required_argument, NULL, OPT_LIMIT}, C_LIST},
        {{"status", required_argument, NULL, OPT_STATUS}, C_MATCH},
        {{"exam", required_argument, NULL, OPT_EXAM}, C_MATCH},
        {{"discipline", required_argument, NULL, OPT_DISCIPLINE}, C_MATCH},
        {{"postgrad-years", required_argument, NULL, OPT_POSTGRAD}, C_MATCH},
        {{"practice-years", required_argument, NULL, OPT_PRACTICE}, C_MATCH},
        {{"last-practised", required_argument, NULL, OPT_LAST}, C_MATCH},
        {{"last-practiced", required_argument, NULL, OPT_LAST}, C_MATCH},
        {{"language-test", required_argument, NULL, OPT_LANGUAGE}, C_MATCH},
        {{"lang", required_argument, NULL, OPT_LANG}, ~0u},
};

#define N_OPTIONS (sizeof options_table / sizeof options_table[0])

/* Print "itpnav: " and msg with its one "%s" replaced by arg, made safe for the terminal. */
static int usage_error(const char *msg, const char *arg)
{
    const char *hole = strstr(msg, "%s");
    char *safe = text_sanitize(arg ? arg : "", false);
    /* TRANSLATORS: the program's name before a message ("itpnav : " in French). */
    fputs(_("itpnav: "), stderr);
    if (hole)
        fprintf(stderr, "%.*s%s%s", (int)(hole - msg), msg, safe, hole + 2);
    else
        fputs(msg, stderr);
    free(safe);
    fputs("\n", stderr);
    fputs(_("Try 'itpnav --help'.\n"), stderr);
    return EXIT_USAGE;
}

/* A usage error for a value not in set: "unknown NOUN 'VALUE'; expected a, b or c". */
static int unknown_term(const char *noun, const char *value, const struct terms *set)
{
    char *expected = terms_list(set, 0, false);
    /* --kind also takes "support" (a group or a program). */
    if (set == &terms_kind) {
        char *all = xasprintf("support, %s", expected);
        free(expected);
        expected = all;
    }
    /* TRANSLATORS: the first %s names an option's values ("region", "kind", "delivery"); the
     * '%%s' is the value typed (keep it as it is, in the quotation marks of the language); the
     * last %s lists the values expected ("online, in-person or hybrid"). */
    char *msg = xasprintf(_("unknown %s '%%s'; expected %s"), noun, expected);
    int rc = usage_error(msg, value);
    free(msg);
    free(expected);
    return rc;
}

/* 0 when standard output took everything, else 74 with a message (a full disk, a closed pipe). */
static int flushed(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return 0;
    fputs(_("itpnav: cannot write the output\n"), stderr);
    return EXIT_IOERR;
}

/* Every command, in the order --help gives them; import and export (bit 0) have options of
 * their own and are read by hsds_cli.c, so they must come first (main). */
static const struct {
    const char *name;
    unsigned bit;
} commands[] = {{"check", C_CHECK},    {"list", C_LIST}, {"show", C_SHOW}, {"match", C_MATCH},
                {"build-db", C_BUILD}, {"import", 0},    {"export", 0}};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

static unsigned command_bit(const char *command)
{
    if (!command)
        return C_UI;
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(command, commands[i].name) == 0)
            return commands[i].bit;
    return 0;
}

static bool command_named(const char *word)
{
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(word, commands[i].name) == 0)
            return true;
    return false;
}

/* "check, list, show, match, build-db, import or export", from the table. New. */
static char *command_list(void)
{
    struct sb b = {0};
    for (size_t i = 0; i < N_COMMANDS; i++)
        sb_addf(&b, "%s%s", i == 0 ? "" : i + 1 < N_COMMANDS ? ", " : _(" or "), commands[i].name);
    return sb_take(&b);
}

static bool parse_long(const char *s, long min, long max, long *out)
{
    char *end;
    if (!*s)
        return false;
    long v = strtol(s, &end, 10);
    if (*end || v < min || v > max)
        return false;
    *out = v;
    return true;
}

static bool parse_years(const char *s, double *out)
{
    char *end;
    if (!*s)
        return false;
    double v = strtod(s, &end);
    if (*end || !(v >= 0 && v <= 100))
        return false;
    *out = v;
    return true;
}

static bool add_value(const char **list, size_t *n, const char *v)
{
    if (*n >= SESSION_MAX_VALUES)
        return false;
    list[(*n)++] = v;
    return true;
}

/* A long option getopt_long refused: ambiguous when it begins two options' names ("--lan":
 * --language-test and --lang), which are then named; else unknown. */
static int ambiguous(const struct option *longopts, const char *typed)
{
    if (strncmp(typed, "--", 2) != 0)
        return usage_error(_("unknown option '%s'"), typed);
    size_t len = strcspn(typed + 2, "=");
    struct sb names = {0};
    size_t count = 0;
    for (const struct option *o = longopts; o->name; o++) {
        if (strncmp(o->name, typed + 2, len) != 0)
            continue;
        /* --no-color and --no-colour are one option. */
        if (o != longopts && o[-1].val == o->val && strncmp(o[-1].name, typed + 2, len) == 0)
            continue;
        sb_addf(&names, "%s--%s", count ? ", " : "", o->name);
        count++;
    }
    int rc;
    char *word = xasprintf("%.*s", (int)(len + 2), typed);
    if (count >= 2) {
        /* TRANSLATORS: '%%s' is the option typed (keep it); %s the options it could be. */
        char *msg = xasprintf(_("option '%%s' is ambiguous; it could be %s"), sb_str(&names));
        rc = usage_error(msg, word);
        free(msg);
    } else {
        rc = usage_error(_("unknown option '%s'"), typed);
    }
    free(word);
    sb_finish(&names);
    return rc;
}

/* Parse argv into o. Returns -1 to go on, or an exit status. */
static int parse(int argc, char **argv, struct options *o)
{
    struct option longopts[N_OPTIONS + 1];
    for (size_t i = 0; i < N_OPTIONS; i++)
        longopts[i] = options_table[i].opt;
    longopts[N_OPTIONS] = (struct option){0};
    unsigned seen[N_OPTIONS] = {0};
    const char *positional[8];
    size_t n_pos = 0;
    opterr = 0;
    int c, index;
    /* "-" first: positional words come back as option 1, in order, wherever they stand. */
    while ((index = -1, c = getopt_long(argc, argv, "-:hV", longopts, &index)) != -1) {
        if (index >= 0)
            seen[index]++;
        const char *a = optarg;
        long v;
        switch (c) {
        case 1:
            if (n_pos >= sizeof positional / sizeof positional[0])
                return usage_error(_("too many arguments ('%s')"), a);
            positional[n_pos++] = a;
            break;
        case 'h': fputs(_(usage_text), stdout); return flushed();
        case 'V': printf("itpnav %s\n", ITPNAV_VERSION); return flushed();
        case OPT_DATA: o->data = a; break;
        case OPT_DB: o->db = a; break;
        case OPT_OUT: o->out = a; break;
        case OPT_STRICT: o->strict = true; break;
        case OPT_OLDER_THAN:
            if (!parse_long(a, 0, 100000, &o->older_than))
                return usage_error(_("--older-than takes a number of months, not '%s'"), a);
            break;
        case OPT_KIOSK: o->kiosk = true; break;
        case OPT_IDLE:
            if (!parse_long(a, 5, 86400, &v))
                return usage_error(_("--idle takes seconds from 5 to 86400, not '%s'"), a);
            o->idle = v;
            break;
        case OPT_NO_COLOR: o->no_color = true; break;
        case OPT_NO_MOUSE: o->no_mouse = true; break;
        case OPT_PLAIN: o->plain = true; break;
        case OPT_FORMAT:
            if (strcmp(a, "text") == 0)
                o->format = FORMAT_TEXT;
            else if (strcmp(a, "tsv") == 0)
                o->format = FORMAT_TSV;
            else if (strcmp(a, "json") == 0)
                o->format = FORMAT_JSON;
            else
                return usage_error(_("unknown format '%s'; expected text, tsv or json"), a);
            break;
        case OPT_REGION: o->region = a; break;
        case OPT_GOAL:
            if (!add_value(o->goals, &o->n_goals, a))
                return usage_error(_("too many --goal values (at '%s')"), a);
            break;
        case OPT_SERVICE:
            if (!add_value(o->services, &o->n_services, a))
                return usage_error(_("too many --service values (at '%s')"), a);
            break;
        case OPT_DELIVERY: {
            unsigned d = terms_bits(&terms_delivery, a);
            if (!d)
                /* TRANSLATORS: the delivery option's name in "unknown delivery 'x'". */
                return unknown_term(C_("option", "delivery"), a, &terms_delivery);
            o->delivery |= d;
            break;
        }
        case OPT_KIND: {
            unsigned k = terms_kinds(a);
            if (!k)
                return unknown_term(_("kind"), a, &terms_kind);
            o->kinds |= k;
            break;
        }
        case OPT_SEARCH: o->search = a; break;
        case OPT_LIMIT:
            if (!parse_long(a, 0, 1000000000L, &o->limit))
                return usage_error(_("--limit takes a whole number, not '%s'"), a);
            break;
        case OPT_STATUS:
            if (!terms_find(&terms_person_status, a))
                return unknown_term(_("status"), a, &terms_person_status);
            o->status = a;
            break;
        case OPT_EXAM:
            if (!add_value(o->exams, &o->n_exams, a))
                return usage_error(_("too many --exam values (at '%s')"), a);
            break;
        case OPT_DISCIPLINE:
            if (!terms_find(&terms_discipline, a))
                return unknown_term(_("discipline"), a, &terms_discipline);
            o->discipline = a;
            break;
        case OPT_POSTGRAD:
            if (!parse_years(a, &o->postgrad_years))
                return usage_error(_("--postgrad-years takes a number of years, not '%s'"), a);
            break;
        case OPT_PRACTICE:
            if (!parse_years(a, &o->practice_years))
                return usage_error(_("--practice-years takes a number of years, not '%s'"), a);
            break;
        case OPT_LAST: {
            /* Years ago, or the year itself, as the wizard takes it. */
            int year;
            if (!parse_years(a, &o->last_practised) &&
                !profile_parse_last_practised(a, profile_this_year(), &o->last_practised, &year))
                return usage_error(_("--last-practised takes years ago (like 3) or a year (like "
                                     "2023), not '%s'"),
                                   a);
            break;
        }
        case OPT_LANGUAGE:
            if (strcmp(a, "yes") == 0)
                o->language_test = 1;
            else if (strcmp(a, "no") == 0)
                o->language_test = 0;
            else
                return usage_error(_("--language-test takes yes or no, not '%s'"), a);
            break;
        case OPT_LANG:
            if (!i18n_lang_known(a))
                return usage_error(_("unknown language '%s'; expected en or fr"), a);
            o->lang = a;
            break;
        case ':': return usage_error(_("option '%s' needs a value"), argv[optind - 1]);
        case '?':
            if (optopt && optopt < 256) {
                char opt[3] = {'-', (char)optopt, '\0'};
                return usage_error(_("unknown option '%s'"), opt);
            }
            return ambiguous(longopts, argv[optind - 1]);
        default: return usage_error(_("unknown option '%s'"), argv[optind - 1]);
        }
    }
    /* After "--" everything is an argument, even words that start with '-'. */
    for (int i = optind; i < argc; i++) {
        if (n_pos >= sizeof positional / sizeof positional[0])
            return usage_error(_("too many arguments ('%s')"), argv[i]);
        positional[n_pos++] = argv[i];
    }
    size_t first = 0;
    if (n_pos > 0 && command_bit(positional[0])) {
        o->command = positional[0];
        first = 1;
    } else if (n_pos > 0 && command_named(positional[0])) {
        /* TRANSLATORS: %s is import or export. */
        return usage_error(_("'%s' comes first, before any option"), positional[0]);
    } else if (n_pos > 0) {
        char *list = command_list();
        /* TRANSLATORS: '%%s' is the word typed (keep it); %s the list of commands. */
        char *msg = xasprintf(_("unknown command '%%s'; expected %s"), list);
        int rc = usage_error(msg, positional[0]);
        free(msg);
        free(list);
        return rc;
    }
    unsigned bit = command_bit(o->command);
    for (size_t i = 0; i < N_OPTIONS; i++)
        if (seen[i] && !(options_table[i].commands & bit)) {
            char name[64];
            snprintf(name, sizeof name, "--%s", options_table[i].opt.name);
            if (o->command) {
                fprintf(stderr, _("itpnav: %s does not take %s\n"), o->command, name);
                fputs(_("Try 'itpnav --help'.\n"), stderr);
                return EXIT_USAGE;
            }
            return usage_error(_("%s needs a command (list, show, match, check)"), name);
        }
    for (size_t i = first; i < n_pos; i++)
        o->args[o->n_args++] = positional[i];
    size_t max_args = bit == C_CHECK || bit == C_SHOW ? 1 : 0;
    if (o->n_args > max_args)
        return usage_error(_("unexpected argument '%s'"), o->args[max_args]);
    if (bit == C_SHOW && o->n_args == 0)
        return usage_error(_("%sshow needs an ID (see 'itpnav list')"), "");
    if (bit == C_BUILD && !o->out)
        return usage_error(_("%sbuild-db needs --out DB"), "");
    if (o->data && o->db)
        return usage_error(_("%s--data and --db exclude each other"), "");
    return -1;
}

/* The --lang of the command line, read before the options are (so that --help and the errors
 * of the command line are in its language): "--lang L" or "--lang=L" before "--"; NULL when
 * none. parse() reads it again, in its place, and checks it. */
static const char *early_lang(int argc, char **argv)
{
    const char *lang = NULL;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            lang = argv[++i];
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            lang = argv[i] + 7;
    }
    return lang;
}

/* French asked for and no French locale installed: said once, on standard error, for a command
 * and the line mode. */
static void say_notice(void)
{
    const char *why = i18n_take_notice();
    if (why)
        fprintf(stderr, "itpnav: %s\n", why);
}

int main(int argc, char **argv)
{
    text_init_locale();
    i18n_init(early_lang(argc, argv));
    store_init();
    /* A closed pipe is a write error (status 74) to report, not a reason to die silently. */
    signal(SIGPIPE, SIG_IGN);
    /* So is a file-size limit (ulimit -f): the write fails with EFBIG, the cache falls back to
     * memory and build-db reports it, where the signal would kill us mid-write. */
    signal(SIGXFSZ, SIG_IGN);
    /* The commands with options of their own come first, or after --lang alone. */
    int k = 1;
    while (k < argc && (strcmp(argv[k], "--lang") == 0 || strncmp(argv[k], "--lang=", 7) == 0))
        k += argv[k][6] == '=' ? 1 : 2;
    /* Hidden, for the shell completions (completions/): the dataset's ids and names. */
    if (k < argc && strcmp(argv[k], "complete") == 0)
        return complete_main(argc - k, argv + k);
    /* Open Referral import and export have options of their own (hsds_cli.c). */
    if (k < argc && (strcmp(argv[k], "import") == 0 || strcmp(argv[k], "export") == 0)) {
        say_notice();
        return hsds_cli_main(argc - k, argv + k);
    }
    struct options o = {
            .idle = 120,
            .older_than = -1,
            .limit = -1,
            .postgrad_years = -1,
            .practice_years = -1,
            .last_practised = -1,
            .language_test = -1,
    };
    int rc = parse(argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (o.lang)
        i18n_set_lang(o.lang);
    /* The screens say it on their status line. */
    if (o.command || o.plain)
        say_notice();
    if (!o.command)
        return ui_main(&o);
    if (strcmp(o.command, "check") == 0)
        return cli_check(&o);
    if (strcmp(o.command, "list") == 0)
        return cli_list(&o);
    if (strcmp(o.command, "show") == 0)
        return cli_show(&o);
    if (strcmp(o.command, "match") == 0)
        return cli_match(&o);
    return cli_build_db(&o);
}
