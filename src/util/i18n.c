/* i18n.c: choosing the interface's language, gettext's set-up, and dates, numbers and
 * quotations in the reader's language. */
#include "i18n.h"

#include <dirent.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "util.h"

static bool french;
static const char *notice;
static bool notice_said;
/* The French locale that worked, kept for the next switch (a buffer: setlocale's result is
 * overwritten by the next call). */
static char french_locale[128];
/* The person's LANGUAGE, put back when English is chosen again (children see what they set). */
static char *saved_language;
static bool language_saved;

bool i18n_lang_known(const char *s)
{
    return s && (strcmp(s, "en") == 0 || strcmp(s, "fr") == 0);
}

/* "en" or "fr" when the locale name or LANGUAGE entry s is English or French ("fr",
 * "fr_CA.UTF-8", "fr@euro", "en_CA"); NULL for any other language, C and POSIX. */
static const char *lang_of(const char *s, size_t n)
{
    if (n < 2 || (n > 2 && !strchr("_.@", s[2])))
        return NULL;
    if (strncmp(s, "fr", 2) == 0)
        return "fr";
    if (strncmp(s, "en", 2) == 0)
        return "en";
    return NULL;
}

const char *i18n_env_lang(void)
{
    /* LANGUAGE is a list of languages in order of preference: the first we have decides, as
     * gettext would skip the ones it has no catalogue for. */
    const char *l = getenv("LANGUAGE");
    for (const char *p = l ? l : ""; *p;) {
        size_t n = strcspn(p, ":");
        const char *lang = lang_of(p, n);
        if (lang)
            return lang;
        p += n;
        if (*p == ':')
            p++;
    }
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            const char *lang = lang_of(v, strlen(v));
            return lang && strcmp(lang, "fr") == 0 ? "fr" : "en";
        }
    }
    return "en";
}

/* True when the name says UTF-8 ("fr_CA.UTF-8", "fr_CA.utf8"). */
static bool utf8_name(const char *name)
{
    const char *dot = strchr(name, '.');
    if (!dot)
        return false;
    size_t n = strcspn(dot + 1, "@");
    return (n == 5 && strncasecmp(dot + 1, "UTF-8", 5) == 0) ||
           (n == 4 && strncasecmp(dot + 1, "UTF8", 4) == 0);
}

static bool try_messages_locale(const char *name)
{
    if (!setlocale(LC_MESSAGES, name))
        return false;
    snprintf(french_locale, sizeof french_locale, "%s", name);
    return true;
}

/* Set LC_MESSAGES to a French UTF-8 locale: the person's own when it is one, else fr_CA, fr_FR
 * and the other French locales glibc has, else any fr_* UTF-8 locale compiled on its own under
 * /usr/lib/locale. False, LC_MESSAGES unchanged, when none is installed. */
static bool french_messages_locale(void)
{
    if (french_locale[0] && setlocale(LC_MESSAGES, french_locale))
        return true;
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            const char *lang = lang_of(v, strlen(v));
            if (lang && strcmp(lang, "fr") == 0 && utf8_name(v) && strlen(v) < 100 &&
                try_messages_locale(v))
                return true;
            break;
        }
    }
    static const char *const known[] = {"fr_CA", "fr_FR", "fr_BE", "fr_CH", "fr_LU"};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "%s.UTF-8", known[i]);
        if (try_messages_locale(name))
            return true;
        snprintf(name, sizeof name, "%s.utf8", known[i]);
        if (try_messages_locale(name))
            return true;
    }
    DIR *d = opendir("/usr/lib/locale");
    bool found = false;
    for (struct dirent *de = d ? readdir(d) : NULL; de && !found; de = readdir(d))
        if (strncmp(de->d_name, "fr_", 3) == 0 && utf8_name(de->d_name) && strlen(de->d_name) < 100)
            found = try_messages_locale(de->d_name);
    if (d)
        closedir(d);
    return found;
}

bool i18n_set_lang(const char *lang)
{
    if (!i18n_lang_known(lang))
        return false;
    if (strcmp(lang, "fr") == 0) {
        if (!french_messages_locale()) {
            /* Not translated: it is only ever said when French cannot be shown. */
            notice = "French needs a French UTF-8 locale (fr_CA.UTF-8), and none is installed: "
                     "itpnav stays in English. ./setup.sh installs one (or add 'fr_CA.UTF-8 "
                     "UTF-8' to /etc/locale.gen and run locale-gen as root).";
            return false;
        }
        /* Gettext reads LANGUAGE before the locale's name once LC_MESSAGES is not C: the
         * person's own LANGUAGE ("de:en") must not hide the French catalogue. */
        if (!language_saved) {
            const char *l = getenv("LANGUAGE");
            saved_language = l ? xstrdup(l) : NULL;
            language_saved = true;
        }
        setenv("LANGUAGE", "fr", 1);
        french = true;
        return true;
    }
    setlocale(LC_MESSAGES, "C");
    if (language_saved) {
        if (saved_language)
            setenv("LANGUAGE", saved_language, 1);
        else
            unsetenv("LANGUAGE");
    }
    french = false;
    return true;
}

const char *i18n_lang(void)
{
    return french ? "fr" : "en";
}

bool i18n_french(void)
{
    return french;
}

const char *i18n_take_notice(void)
{
    if (!notice || notice_said)
        return NULL;
    notice_said = true;
    return notice;
}

/* Where the catalogues are: the build tree's po/ when the program (or a test) runs from the build
 * tree, as the bundled dataset is found (session.c); beside the binary when installed under
 * another prefix than configured (a --destdir install, a relocated package); else the installed
 * locale directory. */
static const char *locale_dir(void)
{
    static char path[PATH_MAX + 64];
    char exe[PATH_MAX];
    if (!exe_dir(exe, sizeof exe))
        return ITPNAV_LOCALEDIR;
    if (in_build_tree(exe))
        return ITPNAV_BUILD_LOCALEDIR;
    snprintf(path, sizeof path, "%s/../share/locale/fr/LC_MESSAGES/" I18N_DOMAIN ".mo", exe);
    if (access(path, R_OK) == 0) {
        snprintf(path, sizeof path, "%s/../share/locale", exe);
        return path;
    }
    return ITPNAV_LOCALEDIR;
}

void i18n_init(const char *lang)
{
    bindtextdomain(I18N_DOMAIN, locale_dir());
    /* The program works in UTF-8 throughout, whatever the person's character set. */
    bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
    textdomain(I18N_DOMAIN);
    i18n_set_lang(i18n_lang_known(lang) ? lang : i18n_env_lang());
}

const char *i18n_gettext(const char *msgid)
{
    /* In English LC_MESSAGES is C (i18n_set_lang), where gettext gives every msgid back. */
    return french ? gettext(msgid) : msgid;
}

const char *i18n_ngettext(const char *one, const char *many, unsigned long n)
{
    return french ? dngettext(NULL, one, many, n) : n == 1 ? one : many;
}

const char *i18n_pgettext(const char *key, const char *msgid)
{
    if (!french)
        return msgid;
    const char *t = gettext(key);
    return t == key ? msgid : t;
}

const char *i18n_ctext(const char *marked)
{
    const char *eot = strchr(marked, '\004');
    return eot ? i18n_pgettext(marked, eot + 1) : i18n_gettext(marked);
}

/* ---- formatting in the reader's language ---- */

static bool is_fr(const char *lang)
{
    return lang && strcmp(lang, "fr") == 0;
}

/* The value of the n digits at s, or -1 when they are not all digits. */
static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int i18n_date_precision(const char *ymd)
{
    if (!ymd)
        return 0;
    size_t n = strlen(ymd);
    if ((n != 4 && n != 7 && n != 10) || digits(ymd, 4) < 0)
        return 0;
    if (n == 4)
        return 1;
    int month = ymd[4] == '-' ? digits(ymd + 5, 2) : -1;
    if (month < 1 || month > 12)
        return 0;
    if (n == 7)
        return 2;
    int day = ymd[7] == '-' ? digits(ymd + 8, 2) : -1;
    return day >= 1 && day <= 31 ? 3 : 0;
}

char *i18n_date_in(const char *lang, const char *ymd)
{
    static const char *const months[] = {"janvier",   "février", "mars",     "avril",
                                         "mai",       "juin",    "juillet",  "août",
                                         "septembre", "octobre", "novembre", "décembre"};
    int p = i18n_date_precision(ymd);
    if (!is_fr(lang) || p < 2)
        return xstrdup(ymd ? ymd : "");
    const char *month = months[digits(ymd + 5, 2) - 1];
    if (p == 2)
        return xasprintf("%s %.4s", month, ymd);
    int day = digits(ymd + 8, 2);
    /* The first of the month is "1er"; the others are cardinal, without a leading zero. */
    return day == 1 ? xasprintf("1er %s %.4s", month, ymd)
                    : xasprintf("%d %s %.4s", day, month, ymd);
}

char *i18n_date(const char *ymd)
{
    return i18n_date_in(i18n_lang(), ymd);
}

char *i18n_dated(const char *ymd, const char *day_fmt, const char *month_fmt, const char *year_fmt)
{
    int p = i18n_date_precision(ymd);
    const char *fmt = p == 1 ? year_fmt : p == 2 ? month_fmt : day_fmt;
    const char *hole = strstr(fmt, "%s");
    char *date = i18n_date(ymd);
    /* French elides "de" before a vowel: "en date d’avril 2026", "d’octobre", "d’août". */
    size_t before = hole ? (size_t)(hole - fmt) : 0;
    bool elide = hole && i18n_french() && before >= 3 && strncmp(hole - 3, "de ", 3) == 0 &&
                 (before == 3 || hole[-4] == ' ') && strchr("aeiouAEIOU", date[0]) && date[0];
    /* The format comes from a catalogue: only its one %s is filled, whatever else it holds. */
    char *out = !hole   ? xstrdup(fmt)
                : elide ? xasprintf("%.*sd\xE2\x80\x99%s%s", (int)(before - 3), fmt, date, hole + 2)
                        : xasprintf("%.*s%s%s", (int)before, fmt, date, hole + 2);
    free(date);
    return out;
}

char *i18n_number_in(const char *lang, char *buf, size_t size, long long n)
{
    if (!size)
        return buf;
    char digits_buf[32];
    /* The magnitude as an unsigned number: -LLONG_MIN does not fit a long long. */
    unsigned long long m = n < 0 ? 0ull - (unsigned long long)n : (unsigned long long)n;
    int len = snprintf(digits_buf, sizeof digits_buf, "%llu", m);
    if (!is_fr(lang)) {
        snprintf(buf, size, "%s%s", n < 0 ? "-" : "", digits_buf);
        return buf;
    }
    char out[64];
    size_t k = 0;
    if (n < 0)
        out[k++] = '-';
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0) {
            memcpy(out + k, I18N_NBSP, 2);
            k += 2;
        }
        out[k++] = digits_buf[i];
    }
    out[k] = '\0';
    snprintf(buf, size, "%s", out);
    return buf;
}

char *i18n_number(char *buf, size_t size, long long n)
{
    return i18n_number_in(i18n_lang(), buf, size, n);
}

char *i18n_decimal_in(const char *lang, char *buf, size_t size, double v, int decimals)
{
    if (!size)
        return buf;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    /* LC_NUMERIC stays C (JSON output needs its point): French's comma is put here. */
    snprintf(buf, size, "%.*f", decimals, v);
    char *point = strchr(buf, '.');
    if (point && is_fr(lang))
        *point = ',';
    return buf;
}

char *i18n_decimal(char *buf, size_t size, double v, int decimals)
{
    return i18n_decimal_in(i18n_lang(), buf, size, v, decimals);
}

char *i18n_quote(const char *s)
{
    /* TRANSLATORS: quotation marks around a name or a value the person typed, as in "unknown
     * region 'Ontarion'". French: guillemets with a no-break space (U+00A0) inside each. */
    const char *fmt = C_("quotation", "'%s'");
    const char *hole = strstr(fmt, "%s");
    return hole ? xasprintf("%.*s%s%s", (int)(hole - fmt), fmt, s ? s : "", hole + 2)
                : xasprintf("'%s'", s ? s : "");
}

char *i18n_label(const char *label)
{
    /* TRANSLATORS: a label before its value, as in "Kind: program". French: a no-break space
     * (U+00A0) before the colon. */
    const char *fmt = C_("label", "%s: ");
    const char *hole = strstr(fmt, "%s");
    return hole ? xasprintf("%.*s%s%s", (int)(hole - fmt), fmt, label ? label : "", hole + 2)
                : xasprintf("%s: ", label ? label : "");
}
