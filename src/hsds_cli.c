/* hsds_cli.c: the options of `itpnav import hsds` and `itpnav export hsds` (spec/cli.md). */
#include "hsds_cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "dataset.h"
#include "hsds.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

/* TRANSLATORS: "itpnav import hsds --help"; options and their values are typed as they are. */
static const char import_usage[] = N_(
        "Usage: itpnav import hsds [--map MAP.json] [--data FILE] [--out FILE] [--strict] "
        "SOURCE\n"
        "\n"
        "An Open Referral HSDS 3.0 directory as an itpnav dataset (version 2). SOURCE is a JSON\n"
        "file (a list of services, bare or in the API's page wrapper, or one record), an NDJSON\n"
        "file (one service a line), or a folder holding a tabular data package\n"
        "(datapackage.json and its CSV files).\n"
        "\n"
        "  --map MAP.json  how taxonomy terms and place names become goals, services and\n"
        "                  regions (default: the map installed with itpnav)\n"
        "  --data FILE     the dataset whose regions, goals and services the import joins\n"
        "                  (default: the bundled one)\n"
        "  --out FILE      write the dataset there (default: standard output)\n"
        "  --strict        a value that cannot be mapped is an error: nothing is written\n"
        "\n"
        "What cannot be mapped is reported on standard error with its place and left out.\n"
        "See itpnav(1), IMPORT AND EXPORT.\n");

/* TRANSLATORS: "itpnav export hsds --help". */
static const char export_usage[] = N_(
        "Usage: itpnav export hsds [--data FILE] [--out DIR|FILE]\n"
        "\n"
        "The dataset as Open Referral HSDS 3.0: a JSON list of services, or with --out naming a\n"
        "folder (an existing one, or a name ending in '/'), the tabular data package.\n"
        "\n"
        "  --data FILE     the dataset to export (default: the bundled one)\n"
        "  --out DIR|FILE  where to write (default: the JSON list on standard output)\n"
        "\n"
        "See itpnav(1), IMPORT AND EXPORT.\n");

static int usage(const char *command, const char *fmt, const char *arg)
{
    char *safe = text_sanitize(arg ? arg : "", false);
    fputs(_("itpnav: "), stderr);
    const char *hole = strstr(fmt, "%s");
    if (hole)
        fprintf(stderr, "%.*s%s%s", (int)(hole - fmt), fmt, safe, hole + 2);
    else
        fputs(fmt, stderr);
    fputs("\n", stderr);
    /* TRANSLATORS: %s is import or export. */
    fprintf(stderr, _("Try 'itpnav %s hsds --help'.\n"), command);
    free(safe);
    return EXIT_USAGE;
}

/* The date of the run: SOURCE_DATE_EPOCH (UTC) when set, as reproducible builds do, else
 * today where the user is. */
static void today(char out[11])
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    time_t t = time(NULL);
    struct tm tm;
    char *end;
    if (epoch && *epoch) {
        long long v = strtoll(epoch, &end, 10);
        if (!*end && v >= 0) {
            t = (time_t)v;
            gmtime_r(&t, &tm);
            strftime(out, 11, "%Y-%m-%d", &tm);
            return;
        }
    }
    localtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The map installed beside the bundled dataset. */
static char *default_map(void)
{
    char *p = xstrdup(session_bundled_dataset());
    char *slash = strrchr(p, '/');
    char *map =
            slash ? xasprintf("%.*s/hsds-map.json", (int)(slash - p), p) : xstrdup("hsds-map.json");
    free(p);
    return map;
}

int hsds_cli_main(int argc, char **argv)
{
    const char *command = argv[0];
    bool import = strcmp(command, "import") == 0;
    if (argc < 2 || strcmp(argv[1], "hsds") != 0) {
        if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
            fputs(import ? _(import_usage) : _(export_usage), stdout);
            return fflush(stdout) == 0 ? 0 : EXIT_IOERR;
        }
        return usage(command,
                     import ? _("import needs a format: 'import hsds' (Open Referral)")
                            : _("export needs a format: 'export hsds' (Open Referral)"),
                     NULL);
    }
    enum { O_MAP = 256, O_DATA, O_OUT, O_STRICT, O_LANG };
    static const struct option opts[] = {
            {"help", no_argument, NULL, 'h'},
            {"map", required_argument, NULL, O_MAP},
            {"data", required_argument, NULL, O_DATA},
            {"out", required_argument, NULL, O_OUT},
            {"strict", no_argument, NULL, O_STRICT},
            {"lang", required_argument, NULL, O_LANG},
            {0},
    };
    const char *map = NULL, *data = NULL, *out = NULL, *source = NULL;
    bool strict = false;
    int c;
    opterr = 0;
    optind = 2;
    while ((c = getopt_long(argc, argv, "-:h", opts, NULL)) != -1) {
        switch (c) {
        case 1:
            if (!import || source)
                return usage(command, _("unexpected argument '%s'"), optarg);
            source = optarg;
            break;
        case 'h':
            fputs(import ? _(import_usage) : _(export_usage), stdout);
            return fflush(stdout) == 0 ? 0 : EXIT_IOERR;
        case O_MAP:
            if (!import)
                return usage(command, _("export does not take %s"), "--map");
            map = optarg;
            break;
        case O_DATA: data = optarg; break;
        case O_OUT: out = optarg; break;
        case O_STRICT:
            if (!import)
                return usage(command, _("export does not take %s"), "--strict");
            strict = true;
            break;
        case O_LANG:
            /* main() chose the language already (i18n_init); here it is only checked. */
            if (!i18n_lang_known(optarg))
                return usage(command, _("unknown language '%s'; expected en or fr"), optarg);
            break;
        case ':': return usage(command, _("option '%s' needs a value"), argv[optind - 1]);
        default: return usage(command, _("unknown option '%s'"), argv[optind - 1]);
        }
    }
    for (int i = optind; i < argc; i++) {
        if (!import || source)
            return usage(command, _("unexpected argument '%s'"), argv[i]);
        source = argv[i];
    }
    if (!data)
        data = session_bundled_dataset();
    if (import) {
        if (!source)
            return usage(command,
                         _("%simport hsds needs a SOURCE (a JSON, NDJSON or package folder)"), "");
        char date[11];
        today(date);
        char *default_m = map ? NULL : default_map();
        struct hsds_import_options o = {.source = source,
                                        .map = map ? map : default_m,
                                        .map_is_default = !map,
                                        .base = data,
                                        .out = out,
                                        .strict = strict,
                                        .today = date};
        int rc = hsds_import(&o);
        free(default_m);
        return rc;
    }
    struct stat st;
    size_t n = out ? strlen(out) : 0;
    bool tabular = out && ((stat(out, &st) == 0 && S_ISDIR(st.st_mode)) || out[n - 1] == '/');
    struct hsds_export_options o = {.data = data, .out = out, .tabular = tabular};
    return hsds_export(&o);
}
