/* test_hsds.c: the pieces of the HSDS import and export: SHA-1 and UUID v5 against their
 * standards' vectors, the RFC 4180 CSV reader and writer, text cleaning (HTML, control
 * characters, limits), ids, dates, mojibake, and place names matched to a region tree. */
#include <cjson/cJSON.h>
#include <unistd.h>

#include "common.h"
#include "csv.h"
#include "hsds.h"
#include "hsds_internal.h"
#include "sha1.h"
#include "util.h"

static void hex(const unsigned char *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", d[i]);
}

static char *sha1_hex(const char *s, size_t n, size_t repeat)
{
    struct sha1 c;
    unsigned char d[20];
    static char out[41];
    sha1_init(&c);
    for (size_t i = 0; i < repeat; i++)
        sha1_add(&c, s, n);
    sha1_finish(&c, d);
    hex(d, 20, out);
    return out;
}

/* FIPS 180-2 appendix A and the usual extra vectors. */
static void sha1_vectors(void)
{
    CHECK_STR(sha1_hex("abc", 3, 1), "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK_STR(sha1_hex("", 0, 1), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    CHECK_STR(sha1_hex(two, strlen(two), 1), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK_STR(sha1_hex("a", 1, 1000000), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    /* 64 bytes: the padding takes a block of its own. */
    CHECK_STR(sha1_hex("0123456701234567012345670123456701234567012345670123456701234567", 64, 1),
              "e0c094e867ef46c350ef54a7f59dd60bed92ae83");
}

/* RFC 9562 appendix A.4 (RFC 4122's own v5 example was wrong): www.example.com in the DNS
 * namespace. */
static void uuid_vectors(void)
{
    unsigned char ns[16];
    CHECK_INT(uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8", ns), 0);
    char out[37];
    uuid_v5(ns, "www.example.com", 15, out);
    CHECK_STR(out, "2ed6657d-e927-568b-95e1-2665a8aea6a2");
    /* And the namespace of itpnav's exports gives the same on every run. */
    CHECK_INT(uuid_parse(HSDS_UUID_NAMESPACE, ns), 0);
    char again[37];
    uuid_v5(ns, "support/ican", 12, out);
    uuid_v5(ns, "support/ican", 12, again);
    CHECK_STR(out, again);
    CHECK(out[14] == '5' && strchr("89ab", out[19]));
    CHECK_INT(uuid_parse("6ba7b810-9dad-11d1-80b4-00c04fd430c", ns), -1);
    CHECK_INT(uuid_parse("6ba7b810x9dad-11d1-80b4-00c04fd430c8", ns), -1);
    CHECK_INT(uuid_parse("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", ns), 0);
}

/* Every row of text as "line:field|field|..." (or "line:PROBLEM"), one a line. */
static char *csv_all(const char *text, size_t len, size_t max)
{
    FILE *f = fmemopen((void *)text, len, "rb");
    struct csv_reader *r = csv_open(f, max);
    struct csv_row row;
    struct sb b = {0};
    while (csv_next(r, &row) > 0) {
        sb_addf(&b, "%ld:", row.line);
        if (row.n == 0)
            sb_addf(&b, "PROBLEM %s", row.problem);
        for (size_t i = 0; i < row.n; i++)
            sb_addf(&b, "%s%s", i ? "|" : "", row.field[i]);
        if (row.n && row.problem)
            sb_addf(&b, " (%s)", row.problem);
        sb_addc(&b, '\n');
    }
    csv_close(r);
    fclose(f);
    return sb_take(&b);
}

static void csv_reading(void)
{
    const char *t = "\xEF\xBB\xBFid,name,note\r\n"
                    "1,plain,\r\n"
                    "2,\"with, comma\",\"a \"\"quote\"\"\"\r\n"
                    "3,\"two\r\nlines\",x\n"
                    "4,,\n"
                    "\"5\",last,no newline at the end";
    char *got = csv_all(t, strlen(t), 0);
    CHECK_STR(got, "1:id|name|note\n"
                   "2:1|plain|\n"
                   "3:2|with, comma|a \"quote\"\n"
                   "4:3|two\r\nlines|x\n"
                   "6:4||\n"
                   "7:5|last|no newline at the end\n");
    free(got);
    /* A row over the limit is reported with its size, the next one read. */
    t = "a,b\nxxxxxxxxxxxxxxxxxxxx,y\nc,d\n";
    got = csv_all(t, strlen(t), 10);
    CHECK_STR(got, "1:a|b\n2:PROBLEM the row is 23 bytes; a row may be at most 10 bytes\n3:c|d\n");
    free(got);
    t = "a,b\n1,\"never closed\n2,x\n";
    got = csv_all(t, strlen(t), 0);
    CHECK_STR(got, "1:a|b\n2:PROBLEM a quoted field is not closed before the end of the file\n");
    free(got);
    t = "a,b\n\"x\"y,z\n";
    got = csv_all(t, strlen(t), 0);
    CHECK_STR(got, "1:a|b\n2:xy|z (text after a closing quote (kept; RFC 4180 does not allow "
                   "it))\n");
    free(got);
    got = csv_all("a,b\n1,x\0y\n", 10, 0);
    CHECK_STR(got, "1:a|b\n2:1|x (a NUL byte in a field)\n");
    free(got);
    got = csv_all("", 0, 0);
    CHECK_STR(got, "");
    free(got);
}

static void csv_writing(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    csv_field(f, "plain", true);
    csv_field(f, "with, comma", false);
    csv_field(f, "a \"quote\"", false);
    csv_field(f, "two\nlines", false);
    csv_field(f, " edge ", false);
    csv_field(f, NULL, false);
    csv_end_row(f);
    fclose(f);
    CHECK_STR(buf, "plain,\"with, comma\",\"a \"\"quote\"\"\",\"two\nlines\",\" edge \",\r\n");
    /* And it reads back as written. */
    char *back = csv_all(buf, len, 0);
    CHECK_STR(back, "1:plain|with, comma|a \"quote\"|two\nlines| edge |\n");
    free(back);
    free(buf);
}

static char *clean(const char *s, unsigned flags, size_t max, unsigned *removed, char **why)
{
    struct sb w = {0};
    char *out = hclean(s, strlen(s), flags, max, removed, &w);
    *why = sb_take(&w);
    return out;
}

static void cleaning(void)
{
    unsigned removed = 0;
    char *why, *s;
    s = clean("  a\tname \r\n  on lines ", 0, 300, &removed, &why);
    CHECK_STR(s, "a name on lines");
    free(s);
    free(why);
    s = clean("One.\r\n\r\n\r\n\r\nTwo.  \nThree.\n\n", HCLEAN_LONG, 300, &removed, &why);
    CHECK_STR(s, "One.\n\nTwo.\nThree.");
    free(s);
    free(why);
    /* Control and bidirectional characters out, and counted. */
    removed = 0;
    s = clean("\x1b]0;title\x07Na\xe2\x80\xaeme\xc2\x85", 0, 300, &removed, &why);
    CHECK_STR(s, "]0;titleName");
    CHECK_INT(removed, 4);
    free(s);
    free(why);
    /* HTML: tags and scripts out, blocks as lines, lists as items, entities decoded; a '<'
     * that starts no tag stays. */
    s = clean("<div><h2>Title</h2><p>Ages <5 &amp; over &lt;b&gt; &#233;t&#xE9; &eacute;"
              "</p><script type=\"x\">alert('<p>')</script><ul><li>One</li><li>Two</li></ul>"
              "<!-- note --><br/>End&nbsp;here &unknown; AT&T</div>",
              HCLEAN_LONG | HCLEAN_HTML, 1000, &removed, &why);
    CHECK_STR(s, "Title\n\nAges <5 & over <b> été é\n\n- One\n- Two\n\nEnd here &unknown; AT&T");
    free(s);
    free(why);
    /* Without the HTML flag a tag is text. */
    s = clean("<b>bold</b>", 0, 300, &removed, &why);
    CHECK_STR(s, "<b>bold</b>");
    free(s);
    free(why);
    /* Refusals say why. */
    CHECK(!clean("bad \xff byte", 0, 300, &removed, &why));
    CHECK_STR(why, "invalid UTF-8 (byte 0xFF at byte 4)");
    free(why);
    CHECK(!clean(" \t\r\n ", 0, 300, &removed, &why));
    CHECK_STR(why, "empty");
    free(why);
    CHECK(!clean("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 0, 3, &removed, &why));
    CHECK_STR(why, "4 characters; at most 3 are allowed");
    free(why);
    s = clean("\xc3\xa9\xc3\xa9\xc3\xa9", 0, 3, &removed, &why);
    CHECK_STR(s, "\xc3\xa9\xc3\xa9\xc3\xa9");
    free(s);
    free(why);
}

static void ids_dates_mojibake(void)
{
    char *s = hslug("Trois-Rivières (Québec) — d'Or", 64);
    CHECK_STR(s, "trois-rivieres-quebec-dor");
    free(s);
    s = hslug("A very long name that goes on and on", 20);
    CHECK_STR(s, "a-very-long-name");
    free(s);
    s = hslug("日本", 20);
    CHECK_STR(s, "");
    free(s);
    char d[11];
    CHECK(hdate("2023-03-15T10:30:45.123Z", d) && strcmp(d, "2023-03-15") == 0);
    CHECK(hdate(" 2021-09 ", d) && strcmp(d, "2021-09") == 0);
    CHECK(hdate("2020", d) && strcmp(d, "2020") == 0);
    CHECK(!hdate("2023-02-30", d));
    CHECK(!hdate("yesterday", d));
    CHECK(!hdate("15/03/2023", d));
    CHECK(hmojibake("Caf\xc3\x83\xc2\xa9"));
    CHECK(hmojibake("it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s"));
    CHECK(hmojibake("G\xc3\x87\xc3\x96s"));
    CHECK(!hmojibake("Café Québec Montréal Ça"));
}

static void regions(void)
{
    struct hlog log = {.out = stderr};
    struct hbase b;
    CHECK_INT(hbase_load(&b, fixture("hsds/v2.json"), &log), 0);
    size_t i, prov;
    struct sb why = {0};
#define MATCH(text, hint, want)                                                                    \
    do {                                                                                           \
        int r_ = hbase_match(&b, text, hint, &i, &prov, &why);                                     \
        CHECK_INT(r_, 1);                                                                          \
        if (r_ == 1)                                                                               \
            CHECK_STR(b.r[i].id, want);                                                            \
    } while (0)
    MATCH("Ontario", SIZE_MAX, "ontario");
    MATCH("  toronto ", SIZE_MAX, "toronto");
    /* A bare name shared by a province and its city is the province; the city is named with
     * its parents, or by another name. */
    MATCH("Québec", SIZE_MAX, "quebec");
    MATCH("Quebec", SIZE_MAX, "quebec");
    MATCH("Québec, Capitale-Nationale, Québec", SIZE_MAX, "quebec-city");
    MATCH("Quebec City", SIZE_MAX, "quebec-city");
    MATCH("Québec (ville)", SIZE_MAX, "quebec-city");
    MATCH("Québec, QC", SIZE_MAX, "quebec-city");
    /* A region and a city of one name: the chain written by export settles it. */
    MATCH("Montréal, Québec", SIZE_MAX, "montreal-region");
    MATCH("Montréal, Montréal, Québec", SIZE_MAX, "montreal");
    MATCH("montreal, montreal, qc", SIZE_MAX, "montreal");
    MATCH("London, ON", SIZE_MAX, "london-on");
    MATCH("Colombie-Britannique", SIZE_MAX, "british-columbia");
    /* The export's name of each region finds that region again. */
    for (size_t r = 0; r < b.n_r; r++) {
        char *name = hbase_area_name(&b, r);
        int got = hbase_match(&b, name, SIZE_MAX, &i, &prov, &why);
        CHECK(got == 1 && i == r);
        if (got != 1 || i != r)
            fprintf(stderr, "  the export's name \"%s\" does not find %s\n", name, b.r[r].id);
        free(name);
    }
    CHECK_INT(hbase_match(&b, "Dade County", SIZE_MAX, &i, &prov, &why), 0);
    CHECK_INT(hbase_match(&b, "Sudbury, Ontario", SIZE_MAX, &i, &prov, &why), 0);
    CHECK_STR(b.r[prov].id, "ontario");
    /* Provinces by code, by French name, by their name with padding. */
    CHECK_STR(b.r[hbase_province(&b, "QC")].id, "quebec");
    CHECK_STR(b.r[hbase_province(&b, "on")].id, "ontario");
    CHECK_STR(b.r[hbase_province(&b, "Colombie-Britannique")].id, "british-columbia");
    CHECK_STR(b.r[hbase_province(&b, " Ontario ")].id, "ontario");
    CHECK(hbase_province(&b, "FL") == SIZE_MAX);
    CHECK(hbase_province(&b, "Toronto") == SIZE_MAX);
    /* A city added under its province is found by name after. */
    size_t added = hbase_add_city(&b, "Sudbury", hbase_province(&b, "ON"));
    CHECK_STR(b.r[added].id, "sudbury");
    MATCH("Sudbury, Ontario", SIZE_MAX, "sudbury");
    added = hbase_add_city(&b, "Toronto", hbase_province(&b, "QC"));
    CHECK_STR(b.r[added].id, "toronto-quebec");
    sb_finish(&why);
    hbase_finish(&b);
    CHECK_INT(log.errors, 0);
}

UNIT_MAIN(CASE(sha1_vectors), CASE(uuid_vectors), CASE(csv_reading), CASE(csv_writing),
          CASE(cleaning), CASE(ids_dates_mojibake), CASE(regions))
