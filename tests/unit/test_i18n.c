/* test_i18n.c: the interface's language (which one the environment asks for, switching, a
 * missing French locale said once) and the one place that writes dates, numbers, quotations and
 * labels in the reader's language. The French through the catalogue needs a French UTF-8 locale
 * (setup.sh generates fr_CA.UTF-8); without one those cases are skipped (status 77) once every
 * other case has passed. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "unit.h"

static bool no_french;

static void set_env(const char *language, const char *lc_all, const char *lc_messages,
                    const char *lang)
{
    const char *names[] = {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"};
    const char *values[] = {language, lc_all, lc_messages, lang};
    for (int i = 0; i < 4; i++) {
        if (values[i])
            setenv(names[i], values[i], 1);
        else
            unsetenv(names[i]);
    }
}

static void test_env_lang(void)
{
    set_env(NULL, NULL, NULL, NULL);
    CHECK_STR(i18n_env_lang(), "en");
    set_env(NULL, NULL, NULL, "fr_CA.UTF-8");
    CHECK_STR(i18n_env_lang(), "fr");
    set_env(NULL, NULL, NULL, "de_DE.UTF-8"); /* a language we do not have: English */
    CHECK_STR(i18n_env_lang(), "en");
    set_env(NULL, "C.UTF-8", NULL, "fr_CA.UTF-8"); /* LC_ALL before LANG */
    CHECK_STR(i18n_env_lang(), "en");
    set_env(NULL, NULL, "fr_BE.utf8", "en_CA.UTF-8"); /* LC_MESSAGES before LANG */
    CHECK_STR(i18n_env_lang(), "fr");
    set_env(NULL, "", "", "fr"); /* empty is unset */
    CHECK_STR(i18n_env_lang(), "fr");
    set_env("fr", "C.UTF-8", NULL, NULL); /* LANGUAGE first */
    CHECK_STR(i18n_env_lang(), "fr");
    set_env("de:fr_CA:en", NULL, NULL, NULL); /* the first of its list that we have */
    CHECK_STR(i18n_env_lang(), "fr");
    set_env("de:en:fr", NULL, NULL, "fr_CA.UTF-8");
    CHECK_STR(i18n_env_lang(), "en");
    set_env("de", NULL, NULL, "fr_CA.UTF-8"); /* none we have: the locale decides */
    CHECK_STR(i18n_env_lang(), "fr");
    set_env("french", NULL, NULL, NULL); /* a name is not a tag */
    CHECK_STR(i18n_env_lang(), "en");
    set_env(NULL, "frisian", NULL, NULL);
    CHECK_STR(i18n_env_lang(), "en");
    set_env(NULL, NULL, NULL, NULL);
    CHECK(i18n_lang_known("en"));
    CHECK(i18n_lang_known("fr"));
    CHECK(!i18n_lang_known("FR"));
    CHECK(!i18n_lang_known("fr_CA"));
    CHECK(!i18n_lang_known(""));
    CHECK(!i18n_lang_known(NULL));
}

static void test_dates(void)
{
    char *s;
#define DATE(lang, ymd, want)                                                                      \
    do {                                                                                           \
        s = i18n_date_in(lang, ymd);                                                               \
        CHECK_STR(s, want);                                                                        \
        free(s);                                                                                   \
    } while (0)
    DATE("fr", "2026-12-01", "1er décembre 2026");
    DATE("fr", "2025-11-27", "27 novembre 2025");
    DATE("fr", "2025-08-09", "9 août 2025");
    DATE("fr", "2024-02-29", "29 février 2024");
    DATE("fr", "2026-12", "décembre 2026");
    DATE("fr", "2026-01", "janvier 2026");
    DATE("fr", "2026", "2026");
    /* What is not a date of the dataset's forms stays as it is. */
    DATE("fr", "2026-13-01", "2026-13-01");
    DATE("fr", "2026-00", "2026-00");
    DATE("fr", "2026-12-32", "2026-12-32");
    DATE("fr", "2026-1-1", "2026-1-1");
    DATE("fr", "26-12-01", "26-12-01");
    DATE("fr", "2026/12/01", "2026/12/01");
    DATE("fr", "", "");
    DATE("fr", NULL, "");
    /* English, as the program always wrote its dates. */
    DATE("en", "2026-12-01", "2026-12-01");
    DATE("en", "2026-12", "2026-12");
    DATE("en", "2026", "2026");
    DATE("de", "2026-12-01", "2026-12-01");
#undef DATE
    CHECK_INT(i18n_date_precision("2026-12-01"), 3);
    CHECK_INT(i18n_date_precision("2026-12"), 2);
    CHECK_INT(i18n_date_precision("2026"), 1);
    CHECK_INT(i18n_date_precision("soon"), 0);
    CHECK_INT(i18n_date_precision(NULL), 0);
}

static void test_dated(void)
{
    /* The phrase follows the date's precision; the date goes where the one %s is. */
    i18n_set_lang("en");
    char *s = i18n_dated("2026-12-01", "as of %s", "in %s", "during %s");
    CHECK_STR(s, "as of 2026-12-01");
    free(s);
    s = i18n_dated("2026-12", "as of %s", "in %s", "during %s");
    CHECK_STR(s, "in 2026-12");
    free(s);
    s = i18n_dated("2026", "as of %s", "in %s", "during %s");
    CHECK_STR(s, "during 2026");
    free(s);
    s = i18n_dated("someday", "as of %s", "in %s", "during %s");
    CHECK_STR(s, "as of someday");
    free(s);
    /* A format from a catalogue is filled, never read as printf's: a stray % is text. */
    s = i18n_dated("2026", "x", "y", "100% of %s, %d");
    CHECK_STR(s, "100% of 2026, %d");
    free(s);
    /* English never elides; French elides "de" before a vowel (avril, août, octobre). */
    s = i18n_dated("2026-10", "x", "made de %s", "y");
    CHECK_STR(s, "made de 2026-10");
    free(s);
}

static void test_numbers(void)
{
    char b[64];
    CHECK_STR(i18n_number_in("fr", b, sizeof b, 0), "0");
    CHECK_STR(i18n_number_in("fr", b, sizeof b, 999), "999");
    CHECK_STR(i18n_number_in("fr", b, sizeof b, 1000), "1" I18N_NBSP "000");
    CHECK_STR(i18n_number_in("fr", b, sizeof b, 1947), "1" I18N_NBSP "947");
    CHECK_STR(i18n_number_in("fr", b, sizeof b, 15000), "15" I18N_NBSP "000");
    CHECK_STR(i18n_number_in("fr", b, sizeof b, 1234567), "1" I18N_NBSP "234" I18N_NBSP "567");
    CHECK_STR(i18n_number_in("fr", b, sizeof b, -12000), "-12" I18N_NBSP "000");
    CHECK_STR(i18n_number_in("fr", b, sizeof b, LLONG_MIN),
              "-9" I18N_NBSP "223" I18N_NBSP "372" I18N_NBSP "036" I18N_NBSP "854" I18N_NBSP
              "775" I18N_NBSP "808");
    CHECK_STR(i18n_number_in("en", b, sizeof b, 1947), "1947");
    CHECK_STR(i18n_number_in("en", b, sizeof b, -12000), "-12000");
    CHECK_STR(i18n_number_in("en", b, sizeof b, LLONG_MIN), "-9223372036854775808");
    /* A small buffer gets what fits, terminated. */
    char small[4];
    CHECK_STR(i18n_number_in("fr", small, sizeof small, 1947), "1" I18N_NBSP);
    CHECK_STR(i18n_decimal_in("fr", b, sizeof b, 2.8, 1), "2,8");
    CHECK_STR(i18n_decimal_in("fr", b, sizeof b, 6.75, 2), "6,75");
    CHECK_STR(i18n_decimal_in("fr", b, sizeof b, 3, 0), "3");
    CHECK_STR(i18n_decimal_in("en", b, sizeof b, 2.8, 1), "2.8");
    CHECK_STR(i18n_decimal_in("en", b, sizeof b, 2.5, 9), "2.500000");
    /* The French grouping is one column a space: a layout counts it like a space. */
    CHECK_INT(text_width(i18n_number_in("fr", b, sizeof b, 1947)), 5);
}

static void test_english(void)
{
    CHECK(i18n_set_lang("en"));
    CHECK_STR(i18n_lang(), "en");
    CHECK(!i18n_french());
    char *q = i18n_quote("Ontarion");
    CHECK_STR(q, "'Ontarion'");
    free(q);
    char *l = i18n_label("Kind");
    CHECK_STR(l, "Kind: ");
    free(l);
    CHECK_STR(_("unknown language '%s'; expected en or fr"),
              "unknown language '%s'; expected en or fr");
    char b[32];
    CHECK_STR(i18n_number(b, sizeof b, 1947), "1947");
    char *d = i18n_date("2026-12-01");
    CHECK_STR(d, "2026-12-01");
    free(d);
    CHECK(!i18n_set_lang("de"));
    CHECK(!i18n_set_lang(NULL));
    CHECK_STR(i18n_lang(), "en");
}

static void test_no_french_locale(void)
{
    /* With LOCPATH naming an empty place, glibc finds no locale but C: French cannot be shown,
     * the program stays in English and says why once. */
    CHECK(i18n_set_lang("en"));
    setenv("LOCPATH", "/nonexistent/itpnav-no-locales", 1);
    CHECK(!i18n_set_lang("fr"));
    CHECK_STR(i18n_lang(), "en");
    const char *why = i18n_take_notice();
    CHECK(why && strstr(why, "fr_CA.UTF-8") && strstr(why, "English"));
    CHECK(!i18n_set_lang("fr"));
    CHECK(i18n_take_notice() == NULL); /* once */
    CHECK_STR(_("unknown language '%s'; expected en or fr"),
              "unknown language '%s'; expected en or fr");
    unsetenv("LOCPATH");
}

static void test_french(void)
{
    setenv("LANGUAGE", "de:en", 1); /* the person's own list must not hide the catalogue */
    if (!i18n_set_lang("fr")) {
        printf("skip: no French UTF-8 locale is installed (setup.sh generates fr_CA.UTF-8)\n");
        no_french = true;
        return;
    }
    CHECK_STR(i18n_lang(), "fr");
    CHECK(i18n_french());
    CHECK_STR(getenv("LANGUAGE"), "fr");
    /* The catalogue of the build tree (po/fr.po) is read. */
    CHECK_STR(_("unknown language '%s'; expected en or fr"),
              "langue inconnue «" I18N_NBSP "%s" I18N_NBSP "»" I18N_NBSP
              "; choix possibles" I18N_NBSP ": en ou fr");
    char *q = i18n_quote("Ontarion");
    CHECK_STR(q, "«" I18N_NBSP "Ontarion" I18N_NBSP "»");
    free(q);
    char *l = i18n_label("Genre");
    CHECK_STR(l, "Genre" I18N_NBSP ": ");
    free(l);
    char b[32];
    CHECK_STR(i18n_number(b, sizeof b, 1947), "1" I18N_NBSP "947");
    char *d = i18n_date("2026-12-01");
    CHECK_STR(d, "1er décembre 2026");
    free(d);
    /* French elides "de" before a vowel (avril, août, octobre); English never does. */
    char *s = i18n_dated("2026-10", "x", "en date de %s", "y");
    CHECK_STR(s, "en date d\xE2\x80\x99octobre 2026");
    free(s);
    s = i18n_dated("2026-08", "x", "de %s", "y");
    CHECK_STR(s, "d\xE2\x80\x99"
                 "ao\xC3\xBBt 2026");
    free(s);
    s = i18n_dated("2026-12", "x", "en date de %s", "y");
    CHECK_STR(s, "en date de d\xC3\xA9"
                 "cembre 2026");
    free(s);
    s = i18n_dated("2026-10", "x", "mode %s", "y"); /* "de" must be a word */
    CHECK_STR(s, "mode octobre 2026");
    free(s);
    /* Back to English at once, and the person's LANGUAGE put back for what they run. */
    CHECK(i18n_set_lang("en"));
    CHECK_STR(getenv("LANGUAGE"), "de:en");
    q = i18n_quote("x");
    CHECK_STR(q, "'x'");
    free(q);
    CHECK_STR(_("unknown language '%s'; expected en or fr"),
              "unknown language '%s'; expected en or fr");
    /* And to French again. */
    CHECK(i18n_set_lang("fr"));
    q = i18n_quote("x");
    CHECK_STR(q, "«" I18N_NBSP "x" I18N_NBSP "»");
    free(q);
    CHECK(i18n_set_lang("en"));
    unsetenv("LANGUAGE");
}

int main(void)
{
    CHECK(text_init_locale());
    set_env(NULL, "C.UTF-8", NULL, NULL);
    i18n_init(NULL);
    static const struct unit_test tests[] = {
            {"the language the environment asks for", test_env_lang},
            {"dates in French and English", test_dates},
            {"a phrase with a date, by its precision", test_dated},
            {"numbers", test_numbers},
            {"English", test_english},
            {"no French locale: English, said once", test_no_french_locale},
            {"French through the catalogue, switched at run time", test_french},
    };
    int rc = unit_run(tests, sizeof tests / sizeof tests[0]);
    return rc == 0 && no_french ? 77 : rc;
}
