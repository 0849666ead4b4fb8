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
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return ITPNAV_LOCALEDIR;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    char root[PATH_MAX];
    if (realpath(ITPNAV_BUILD_ROOT, root)) {
        size_t k = strlen(root);
        if (strncmp(exe, root, k) == 0 && (exe[k] == '/' || exe[k] == '\0'))
            return ITPNAV_BUILD_LOCALEDIR;
    }
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

const char *i18n_pgettext(const char *key, const char *msgid)
{
    const char *t = gettext(key);
    return t == key ? msgid : t;
}
