/* i18n.h: the interface's language (gettext) and the one place that writes dates, numbers and
 * quotations the way the reader's language does (no curses).
 *
 * Strings a person sees are marked for xgettext (po/meson.build names the keywords):
 *   _("text")            translated now;
 *   N_("text")           only marked: a table's entry, translated where it is shown with _();
 *   C_("context", "text") translated in a context, where one English word has two French ones;
 *   NC_("context", "text") only marked, in a context: shown with i18n_ctext();
 *   ngettext("one", "many", n) for a count (French counts 0 and 1 as singular).
 * A comment "TRANSLATORS: ..." just above a string reaches the translator with it.
 *
 * The language is English or French: --lang, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG, in that order), else English. The dataset's text follows it (names and text in the
 * reader's language where the file has them). French needs a French UTF-8 locale installed
 * (fr_CA.UTF-8 first): glibc's gettext ignores LANGUAGE while LC_MESSAGES is C or C.UTF-8. */
#ifndef ITPNAV_I18N_H
#define ITPNAV_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(s)  i18n_gettext(s)
#define N_(s) s
/* The context and the text are joined as gettext's .po files join them (msgctxt EOT msgid). */
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)
/* Only marked, in a context: a table's entry, translated where it is shown with i18n_ctext. */
#define NC_(ctx, s) ctx "\004" s

/* The text domain (po/meson.build's, the .mo file's name). */
#define I18N_DOMAIN "itpnav"

/* Set up gettext (the catalogue in the build tree when the program runs from there, else beside
 * the binary under ../share/locale, else the installed one) and choose the language: lang
 * ("en" or "fr") when given and known, else the locale's (i18n_env_lang). Call once, after
 * text_init_locale (LC_CTYPE stays as that made it). When French was asked for and cannot be
 * shown, the program stays in English and i18n_take_notice says why. */
void i18n_init(const char *lang);

/* Whether s names a language of the interface ("en" or "fr"). */
bool i18n_lang_known(const char *s);

/* The language the environment asks for: the first of LANGUAGE's entries that is English or
 * French (LANGUAGE is a list, "fr_CA:en"), else the first set of LC_ALL, LC_MESSAGES and LANG
 * when it is French ("fr", "fr_CA.UTF-8", ...), else "en". */
const char *i18n_env_lang(void);

/* Switch the interface (and the dataset's text) to lang, "en" or "fr", at once: gettext reads
 * the catalogue again. French sets LC_MESSAGES to a French UTF-8 locale and LANGUAGE to "fr";
 * English sets LC_MESSAGES to C. True when lang is now in effect; false for an unknown lang and
 * when no French locale is installed (the language stays as it was; i18n_take_notice says so,
 * once). LC_CTYPE and LC_NUMERIC are never touched. */
bool i18n_set_lang(const char *lang);

/* The language in effect: "en" or "fr". */
const char *i18n_lang(void);

/* True when the language in effect is French. */
bool i18n_french(void);

/* What the person should be told about the language, once (a French locale missing), as a
 * translated sentence without the program's name; NULL when nothing, or when already taken. */
const char *i18n_take_notice(void);

/* gettext: msgid at once in English (gettext itself searches its catalogues on every call, a
 * third of a microsecond with LC_MESSAGES at C, which a match over a thousand pathways pays some
 * ten thousand times). */
const char *i18n_gettext(const char *msgid) __attribute__((format_arg(1)));

/* ngettext, likewise: in English the singular for 1, else the plural. */
const char *i18n_ngettext(const char *one, const char *many, unsigned long n)
        __attribute__((format_arg(1), format_arg(2)));
#undef ngettext
#define ngettext(one, many, n) i18n_ngettext(one, many, n)

/* gettext in a context: key is "CONTEXT\004MSGID" (C_ builds it); msgid when not translated. */
const char *i18n_pgettext(const char *key, const char *msgid) __attribute__((format_arg(2)));

/* A table's text, marked with N_ or NC_, translated: gettext, or in its context when it has one
 * (the text without its context when not translated). */
const char *i18n_ctext(const char *marked);

/* ---- formatting in the reader's language ---- */

/* How precise a dataset's date is: 3 for YYYY-MM-DD, 2 for YYYY-MM, 1 for YYYY, 0 when it is
 * none of these (shown as it is). */
int i18n_date_precision(const char *ymd);

/* A dataset's date (YYYY, YYYY-MM or YYYY-MM-DD) for a reader, as a new string. English: as
 * the file writes it (2026-12-01), as the program always showed it. French: "1er décembre
 * 2026", "27 novembre 2025", "décembre 2026", "2026". Anything else: as it is. */
char *i18n_date(const char *ymd);

/* The same in a given language ("en" or "fr"; any other: English). */
char *i18n_date_in(const char *lang, const char *ymd);

/* A phrase holding a date, chosen by the date's precision (French says "en date du 1er
 * décembre 2026" but "en date de décembre 2026"): day_fmt, month_fmt or year_fmt, each holding
 * one %s where i18n_date(ymd) goes. Give each through C_ with its own context, so that the
 * translator writes each:
 *     i18n_dated(ymd, C_("as of a day", "as of %s"), C_("as of a month", "as of %s"),
 *                C_("as of a year", "as of %s"))
 * A new string. */
char *i18n_dated(const char *ymd, const char *day_fmt, const char *month_fmt, const char *year_fmt);

/* A whole number for a reader, into buf (size bytes; 32 is plenty): English as the program
 * always wrote it ("1947"); French groups thousands with a no-break space, U+00A0 ("1 947",
 * "-12 000"). Returns buf. */
char *i18n_number(char *buf, size_t size, long long n);

/* The same in a given language ("en" or "fr"; any other: English). */
char *i18n_number_in(const char *lang, char *buf, size_t size, long long n);

/* A decimal number with the given decimals (0 to 6) into buf: "2.5" or "2,5". Returns buf. */
char *i18n_decimal(char *buf, size_t size, double v, int decimals);

/* The same in a given language ("en" or "fr"; any other: English). */
char *i18n_decimal_in(const char *lang, char *buf, size_t size, double v, int decimals);

/* s quoted as the reader's language quotes a name or a typed value: 'text' in English (as the
 * program's messages always did), « text » in French (no-break spaces inside). A new string. */
char *i18n_quote(const char *s);

/* The label before a value: "Label: " in English, "Label : " in French (a no-break space
 * before the colon). A new string. */
char *i18n_label(const char *label);

/* What French puts before a colon, a semicolon, a question mark and an exclamation mark, and
 * inside guillemets: U+00A0, the no-break space, one column wide (glossary: not U+202F, which a
 * console font may lack). */
#define I18N_NBSP "\xC2\xA0"

#endif
