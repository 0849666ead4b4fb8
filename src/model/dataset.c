/* dataset.c: reading a dataset and checking every rule of its format version, 1 or 2
 * (spec/dataset.md): the version a file declares chooses the rules. */
#include "dataset.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "jscan.h"
#include "terms.h"
#include "text.h"
#include "util.h"

uint64_t dataset_hash(const char *buf, size_t len)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)buf[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

int dataset_read_file(const char *path, char **buf, size_t *len, struct diags *d)
{
    *buf = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        /* TRANSLATORS: %s is the system's reason ("No such file or directory"). */
        diags_add(d, DIAG_ERROR, 0, 0, NULL, _("cannot open: %s"), strerror(errno));
        return errno == EIO ? EXIT_IOERR : EXIT_NOINPUT;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        /* TRANSLATORS: %s is the system's reason ("Input/output error"). */
        diags_add(d, DIAG_ERROR, 0, 0, NULL, _("cannot read: %s"), strerror(errno));
        close(fd);
        return EXIT_IOERR;
    }
    if (S_ISDIR(st.st_mode)) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "%s",
                  _("is a directory; expected a dataset file (JSON)"));
        close(fd);
        return EXIT_NOINPUT;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > DATASET_MAX_BYTES) {
        /* TRANSLATORS: the first number is the file's size, the second the limit, in bytes. */
        diags_add(d, DIAG_ERROR, 0, 0, NULL,
                  _("the file is %lld bytes; a dataset may be at most 256 MiB (%zu bytes)"),
                  (long long)st.st_size, DATASET_MAX_BYTES);
        close(fd);
        return EXIT_DATAERR;
    }
    /* Read until end of file rather than trusting st_size: the file may be a pipe or growing. */
    size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, n = 0;
    char *b = xmalloc(cap);
    for (;;) {
        if (n + 1 >= cap) {
            /* One byte more than the limit is enough to know a stream is too long: never hold
             * more (doubling past the limit would read and keep 512 MiB of /dev/zero). */
            if (n > DATASET_MAX_BYTES) {
                diags_add(d, DIAG_ERROR, 0, 0, NULL, "%s",
                          _("the file is larger than 256 MiB, the most a dataset may be"));
                free(b);
                close(fd);
                return EXIT_DATAERR;
            }
            cap = cap > DATASET_MAX_BYTES / 2 ? DATASET_MAX_BYTES + 2 : 2 * cap;
            b = xrealloc(b, cap);
        }
        ssize_t r = read(fd, b + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            /* TRANSLATORS: %s is the system's reason ("Input/output error"). */
            diags_add(d, DIAG_ERROR, 0, 0, NULL, _("cannot read: %s"), strerror(errno));
            free(b);
            close(fd);
            return EXIT_IOERR;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    if (n > DATASET_MAX_BYTES) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "%s",
                  _("the file is larger than 256 MiB, the most a dataset may be"));
        free(b);
        return EXIT_DATAERR;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

/* ---- Ids ---- */

/* A set of ids, each copied once into an arena, remembering where each was first defined: its
 * memory grows with the number of ids, not with the text of the file. */
struct idset {
    char *arena;
    size_t used, room;
    size_t *off, *at; /* [ordinal]: the id's place in arena, the index where it was first seen */
    uint32_t *slot;   /* open addressing: ordinal + 1, or 0 for a free slot */
    size_t cap, n, n_room;
};

static uint64_t hash_str(const char *s)
{
    return dataset_hash(s, strlen(s));
}

static const char *idset_str(const struct idset *set, size_t ord)
{
    return set->arena + set->off[ord];
}

/* The slot that holds key, or the free one where it would go. */
static size_t idset_slot(const struct idset *set, const char *key)
{
    size_t j = hash_str(key) & (set->cap - 1);
    while (set->slot[j] && strcmp(idset_str(set, set->slot[j] - 1), key) != 0)
        j = (j + 1) & (set->cap - 1);
    return j;
}

/* Add key; returns SIZE_MAX when new (its ordinal is then n - 1), else the index where it was
 * first seen. */
static size_t idset_add(struct idset *set, const char *key, size_t at)
{
    if (2 * (set->n + 1) > set->cap) {
        size_t cap = set->cap ? 2 * set->cap : 64;
        uint32_t *old = set->slot;
        size_t old_cap = set->cap;
        set->slot = xcalloc(cap, sizeof *set->slot);
        set->cap = cap;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i])
                set->slot[idset_slot(set, idset_str(set, old[i] - 1))] = old[i];
        free(old);
    }
    size_t j = idset_slot(set, key);
    if (set->slot[j])
        return set->at[set->slot[j] - 1];
    size_t len = strlen(key) + 1;
    if (set->used + len > set->room) {
        set->room = set->room ? 2 * set->room : 4096;
        while (set->room < set->used + len)
            set->room *= 2;
        set->arena = xrealloc(set->arena, set->room);
    }
    if (set->n == set->n_room) {
        set->n_room = set->n_room ? 2 * set->n_room : 64;
        set->off = xrealloc(set->off, set->n_room * sizeof *set->off);
        set->at = xrealloc(set->at, set->n_room * sizeof *set->at);
    }
    memcpy(set->arena + set->used, key, len);
    set->off[set->n] = set->used;
    set->at[set->n] = at;
    set->used += len;
    set->slot[j] = (uint32_t)++set->n;
    return SIZE_MAX;
}

/* The index where key was first seen, or SIZE_MAX. */
static size_t idset_get(const struct idset *set, const char *key)
{
    if (!set->cap)
        return SIZE_MAX;
    size_t j = idset_slot(set, key);
    return set->slot[j] ? set->at[set->slot[j] - 1] : SIZE_MAX;
}

static bool idset_has(const struct idset *set, const char *key)
{
    return idset_get(set, key) != SIZE_MAX;
}

static void idset_finish(struct idset *set)
{
    free(set->arena);
    free(set->off);
    free(set->at);
    free(set->slot);
    *set = (struct idset){0};
}

/* ---- Findings, in the order of the rules ---- */

/* The checks read the file once, a record at a time, but report in the order of the rules (the
 * order a check of the whole tree at once would find them in): each finding carries its place in
 * that order, and the first that can be shown are kept (DIAGS_MAX errors, 2 * DIAGS_MAX in all). */
enum phase {
    P_ROOT,    /* the document is not an object */
    P_DUPKEY,  /* a top-level key twice (in the keys' sorted order) */
    P_VERSION, /* .itpnav */
    P_LANGS,   /* .dataset.languages' first (version 2) */
    P_META,    /* .dataset */
    P_SECTION, /* a list missing or not a list */
    P_DUPID,   /* an id defined twice within a list */
    P_SHARED,  /* a pathway's id is a support's */
    P_RECORD,  /* a record's own rules (section, index) */
    P_TREE,    /* the region tree (index) */
    P_PARTOF,  /* a support part of itself (index) */
    P_UNKNOWN, /* a top-level key the format does not name (its place among the keys) */
};

struct key {
    uint8_t phase, section;
    size_t index;
    uint64_t seq; /* the order found in, within one (phase, section, index) */
};

static int key_cmp(const struct key *a, const struct key *b)
{
    if (a->phase != b->phase)
        return a->phase < b->phase ? -1 : 1;
    if (a->section != b->section)
        return a->section < b->section ? -1 : 1;
    if (a->index != b->index)
        return a->index < b->index ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* A finding not yet in the diags. An unknown reference's message (msg NULL) is worded only if it
 * is shown: its "did you mean" searches every id. */
struct finding {
    struct key key;
    enum diag_level level;
    char *path, *msg;
    int ref;  /* enum ref, for msg NULL */
    char *id; /* the id referred to, for msg NULL */
};

/* The first max findings (by key), as a max-heap: a later one ranking after all of them is
 * dropped at once. */
struct heap {
    struct finding *v;
    size_t n, max;
};

static void finding_free(struct finding *f)
{
    free(f->path);
    free(f->msg);
    free(f->id);
}

static bool heap_wants(const struct heap *h, const struct key *k)
{
    return h->n < h->max || key_cmp(k, &h->v[0].key) < 0;
}

static void heap_down(struct heap *h, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && key_cmp(&h->v[l].key, &h->v[m].key) > 0)
            m = l;
        if (r < h->n && key_cmp(&h->v[r].key, &h->v[m].key) > 0)
            m = r;
        if (m == i)
            return;
        struct finding t = h->v[i];
        h->v[i] = h->v[m];
        h->v[m] = t;
        i = m;
    }
}

/* Add f (taken) when it ranks among the first max. */
static void heap_put(struct heap *h, struct finding *f)
{
    if (!heap_wants(h, &f->key)) {
        finding_free(f);
        return;
    }
    if (h->n == h->max) {
        finding_free(&h->v[0]);
        h->v[0] = *f;
        heap_down(h, 0);
        return;
    }
    if (!h->v)
        h->v = xmalloc(h->max * sizeof *h->v);
    size_t i = h->n++;
    h->v[i] = *f;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (key_cmp(&h->v[p].key, &h->v[i].key) >= 0)
            break;
        struct finding t = h->v[p];
        h->v[p] = h->v[i];
        h->v[i] = t;
        i = p;
    }
}

static int finding_cmp(const void *a, const void *b)
{
    return key_cmp(&((const struct finding *)a)->key, &((const struct finding *)b)->key);
}

enum ref {
    REF_NONE,
    REF_SOURCE,
    REF_REGION,
    REF_GOAL,
    REF_SERVICE,
    REF_EXAM,
    REF_SUPPORT,
    REF_PATHWAY,
    REF_COUNT,
};

/* What a reference names, for messages ("unknown region"), one and many; translated where they
 * are used (C_ with their contexts). */
static const char *const ref_noun[REF_COUNT] = {
        [REF_SOURCE] = "source",   [REF_REGION] = "region", [REF_GOAL] = "goal",
        [REF_SERVICE] = "service", [REF_EXAM] = "exam",     [REF_SUPPORT] = "support",
        [REF_PATHWAY] = "pathway",
};

/* A kind of record in the reader's language: a word of ref_noun or of sections' noun. */
static const char *record_noun(const char *noun)
{
    /* TRANSLATORS: a kind of record of a dataset, alone, as the messages about a dataset put it
     * after "unknown id" or in brackets: a bare noun, without an article. */
    if (strcmp(noun, "source") == 0)
        return C_("a kind of record", "source");
    if (strcmp(noun, "region") == 0)
        return C_("a kind of record", "region");
    if (strcmp(noun, "goal") == 0)
        return C_("a kind of record", "goal");
    if (strcmp(noun, "service") == 0)
        return C_("a kind of record", "service");
    if (strcmp(noun, "exam") == 0)
        return C_("a kind of record", "exam");
    if (strcmp(noun, "support") == 0)
        return C_("a kind of record", "support");
    if (strcmp(noun, "pathway") == 0)
        return C_("a kind of record", "pathway");
    if (strcmp(noun, "dataset") == 0)
        return C_("a kind of record", "dataset");
    return noun;
}

/* The records of a reference's list, many, as in "one of the dataset's regions". */
static const char *ref_plural(enum ref ref)
{
    switch (ref) {
    case REF_SOURCE: return C_("records of a kind", "sources");
    case REF_REGION: return C_("records of a kind", "regions");
    case REF_GOAL: return C_("records of a kind", "goals");
    case REF_SERVICE: return C_("records of a kind", "services");
    case REF_EXAM: return C_("records of a kind", "exams");
    case REF_SUPPORT: return C_("records of a kind", "supports");
    case REF_PATHWAY: return C_("records of a kind", "pathways");
    default: return "";
    }
}

struct field;

/* A reference into a list not yet read whole, settled once the file has been. */
struct deferred {
    struct key key;
    int ref;         /* enum ref */
    size_t id, path; /* offsets in the check's deferred_text */
};

/* What the tree check needs of a region: its id's ordinal when the region defines it (else
 * SIZE_MAX), and its parent's id (an offset in parents, or SIZE_MAX). */
struct region_note {
    size_t ord, parent;
};

enum section_state {
    SEC_ABSENT,    /* not seen (yet) */
    SEC_WAITING,   /* a list, to be read in a later pass */
    SEC_ACTIVE,    /* its records are being read */
    SEC_DONE,      /* every record read */
    SEC_NOT_ARRAY, /* present, not a list */
};

struct unknown_top {
    char *key;
    size_t ordinal;
};

struct check {
    struct diags *d;
    unsigned flags;
    int version; /* the file's format version: which rules apply */
    struct sb path;
    struct idset ids[REF_COUNT];
    /* Version 2's translations: the file's own language, every language it carries (an array of
     * strings, or NULL for the own language alone), and, while a record is checked, what it is
     * and which of its keys a translation may hold. */
    const char *lang;
    const cJSON *langs;
    bool langs_unknown; /* .dataset.languages is wrong: no translation is judged by it */
    const char *noun;
    const struct field *tr;

    /* Findings: the place of what is being checked, and the first that can be shown. */
    struct key at;
    uint64_t seq;
    struct heap errors, warnings;
    size_t n_errors, n_warnings; /* all found, kept or not */
    /* References to lists not yet read whole. */
    struct deferred *deferred;
    size_t n_deferred, deferred_room;
    struct sb deferred_text;
    /* The regions, for the tree. */
    struct region_note *regions;
    size_t n_regions, regions_room;
    struct sb parents;

    /* The file: read in passes, each list once the lists and keys it needs are read. */
    const struct dataset_sink *sink;
    int pass;
    bool layout_known; /* the first pass is over: a key not seen is absent */
    bool begun, dead;  /* the version and .dataset are read; nothing more to check */
    char root_type;
    bool have_version, have_meta;
    cJSON *version_node, *meta;
    char version_type, meta_type;
    char *meta_problem;
    struct {
        enum section_state state;
        char type;
    } sec[DATASET_SECTIONS];
    size_t count[DATASET_SECTIONS];
    char **dup_keys;
    size_t n_dup_keys;
    struct unknown_top *unknown;
    size_t n_unknown, unknown_room;
};

/* Count a finding at key k, and keep it when it may be shown: msg (taken) is its message, or NULL
 * for an unknown reference to ref's id, worded at the end. */
static void put(struct check *c, struct key k, enum diag_level level, const char *path, char *msg,
                int ref, const char *id)
{
    struct heap *h = level == DIAG_ERROR ? &c->errors : &c->warnings;
    if (level == DIAG_ERROR)
        c->n_errors++;
    else
        c->n_warnings++;
    if (!heap_wants(h, &k)) {
        free(msg);
        return;
    }
    struct finding f = {.key = k, .level = level, .path = xstrdup(path), .msg = msg, .ref = ref};
    if (!msg)
        f.id = xstrdup(id);
    heap_put(h, &f);
}

/* The key of the next finding at the current place. */
static struct key next_key(struct check *c)
{
    struct key k = c->at;
    k.seq = c->seq++;
    return k;
}

static void report(struct check *c, enum diag_level level, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void report(struct check *c, enum diag_level level, const char *fmt, ...)
{
    if (level == DIAG_WARNING && (c->flags & DATASET_STRICT))
        level = DIAG_ERROR;
    struct key k = next_key(c);
    if (!heap_wants(level == DIAG_ERROR ? &c->errors : &c->warnings, &k)) {
        put(c, k, level, NULL, NULL, 0, NULL); /* counted, never shown: not worded */
        return;
    }
    struct sb b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    put(c, k, level, sb_str(&c->path), sb_take(&b), 0, NULL);
}

/* Where findings go from here on: phase, list and index. */
static void place_at(struct check *c, enum phase phase, int section, size_t index)
{
    c->at = (struct key){.phase = (uint8_t)phase, .section = (uint8_t)section, .index = index};
}

/* At most this many characters of a key go into a path, so that a message stays readable. */
#define PATH_KEY_MAX 40

static size_t path_key(struct check *c, const char *key)
{
    size_t mark = c->path.len, n = strlen(key);
    bool plain = (*key >= 'a' && *key <= 'z') || (*key >= 'A' && *key <= 'Z') || *key == '_';
    for (const char *k = key; *k && plain; k++)
        plain = (*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || *k == '_' ||
                (*k >= '0' && *k <= '9');
    if (plain && n <= PATH_KEY_MAX) {
        /* Every field of every record passes here: no printf. */
        sb_addc(&c->path, '.');
        sb_addn(&c->path, key, n);
        return mark;
    }
    /* A key is text from the file: a control character in it is written as an escape, as jq
     * would, never raw (it could retitle the terminal or write its clipboard), and a long one
     * is cut. */
    sb_add(&c->path, plain ? "." : ".[\"");
    size_t chars = 0;
    for (size_t i = 0; i < n; chars++) {
        if (chars == PATH_KEY_MAX) {
            sb_add(&c->path, "\xE2\x80\xA6"); /* U+2026 */
            break;
        }
        unsigned cp;
        size_t used = text_decode(key + i, n - i, &cp);
        if (cp == '"' || cp == '\\') {
            sb_addc(&c->path, '\\');
            sb_addc(&c->path, (char)cp);
        } else if (cp == '\t' || cp == '\n' || text_is_unsafe(cp)) {
            sb_addf(&c->path, "\\u%04x", cp);
        } else {
            sb_addn(&c->path, key + i, used);
        }
        i += used;
    }
    if (!plain)
        sb_add(&c->path, "\"]");
    return mark;
}

static size_t path_index(struct check *c, size_t i)
{
    size_t mark = c->path.len;
    char digits[24], *d = digits + sizeof digits;
    *--d = ']';
    do
        *--d = (char)('0' + i % 10);
    while ((i /= 10) != 0);
    *--d = '[';
    sb_addn(&c->path, d, (size_t)(digits + sizeof digits - d));
    return mark;
}

static void path_pop(struct check *c, size_t mark)
{
    c->path.len = mark;
    if (c->path.s)
        c->path.s[mark] = '\0';
}

bool dataset_valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 64 || *s == '-')
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
            return false;
    return true;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool digits(const char *s, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        *v = *v * 10 + (s[i] - '0');
    }
    return true;
}

bool dataset_valid_date(const char *s)
{
    size_t n = strlen(s);
    int y, m, d;
    if ((n != 4 && n != 7 && n != 10) || !digits(s, 4, &y) || y < 1)
        return false;
    if (n == 4)
        return true;
    if (s[4] != '-' || !digits(s + 5, 2, &m) || m < 1 || m > 12)
        return false;
    if (n == 7)
        return true;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m - 1] + (m == 2 && leap);
    return s[7] == '-' && digits(s + 8, 2, &d) && d >= 1 && d <= max;
}

static bool valid_url(const char *s)
{
    const char *rest;
    if (strncmp(s, "https://", 8) == 0)
        rest = s + 8;
    else if (strncmp(s, "http://", 7) == 0)
        rest = s + 7;
    else
        return false;
    if (!*rest || *rest == '/')
        return false;
    for (const char *p = rest; *p; p++)
        if ((unsigned char)*p <= 0x20)
            return false;
    return true;
}

enum type {
    T_STR,   /* a string: no control characters at all */
    T_TEXT,  /* long text: newline allowed */
    T_ID,    /* an id, defining one */
    T_REF,   /* an id naming one of .ref */
    T_DATE,  /* a date */
    T_URL,   /* an http(s) URL */
    T_INT,   /* a whole number, 0 or more */
    T_NUM,   /* a number, 0 or more */
    T_BOOL,  /* true or false */
    T_ENUM,  /* one of .terms */
    T_LANG,  /* a language tag (BCP 47) */
    T_ENUMS, /* an array of .terms */
    T_REFS,  /* an array of ids naming .ref */
    T_TEXTS, /* an array of long-text strings */
    T_STRS,  /* an array of plain strings */
    T_LANGS, /* an array of language tags */
    T_OBJ,   /* an object of .sub */
    T_OBJS,  /* an array of objects of .sub */
    T_TRANS, /* translations: an object keyed by language tag (version 2) */
};

struct field {
    const char *key;
    enum type type;
    bool required;
    bool nonempty; /* arrays */
    bool name;     /* a name or title: version 2's shorter length limit */
    enum ref ref;
    const struct terms *terms;
    unsigned only; /* T_ENUM(S): bit i allows the i-th of .terms; 0 allows them all */
    const struct field *sub;
    /* The versions that have the key as described here (0: no bound); a key described twice has
     * one row a version. */
    int since, until;
};

#define END                                                                                        \
    {                                                                                              \
        0                                                                                          \
    }

#define TRANSLATIONS                                                                               \
    {                                                                                              \
        .key = "translations", .type = T_TRANS, .since = 2                                         \
    }

static const struct field f_dataset[] = {
        {.key = "title", .type = T_STR, .required = true, .name = true},
        {.key = "as_of", .type = T_DATE, .required = true},
        {.key = "publisher", .type = T_STR},
        {.key = "license", .type = T_STR},
        {.key = "notes", .type = T_TEXT},
        {.key = "language", .type = T_LANG, .since = 2},
        {.key = "languages", .type = T_LANGS, .nonempty = true, .since = 2},
        TRANSLATIONS,
        END,
};
static const struct field f_source[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "title", .type = T_STR, .required = true, .name = true},
        {.key = "url", .type = T_URL},
        {.key = "publisher", .type = T_STR},
        {.key = "as_of", .type = T_DATE},
        {.key = "undated", .type = T_BOOL, .since = 2},
        TRANSLATIONS,
        END,
};
static const struct field f_region[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "parent", .type = T_REF, .ref = REF_REGION},
        {.key = "kind", .type = T_ENUM, .terms = &terms_region_kind},
        {.key = "aliases", .type = T_STRS, .name = true, .since = 2},
        TRANSLATIONS,
        END,
};
static const struct field f_goal[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "summary", .type = T_TEXT, .required = true},
        TRANSLATIONS,
        END,
};
static const struct field f_named[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "summary", .type = T_TEXT},
        TRANSLATIONS,
        END,
};
static const struct field f_size[] = {
        {.key = "text", .type = T_STR},
        {.key = "count", .type = T_INT},
        {.key = "unit", .type = T_ENUM, .terms = &terms_unit},
        END,
};
static const struct field f_contact[] = {
        {.key = "website", .type = T_URL},
        {.key = "email", .type = T_STR},
        {.key = "phone", .type = T_STR},
        {.key = "address", .type = T_STR, .since = 2},
        {.key = "note", .type = T_STR, .since = 2},
        END,
};
static const struct field f_support[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "kind",
         .type = T_ENUM,
         .required = true,
         .terms = &terms_kind,
         .only = KIND_SUPPORTS},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "acronym", .type = T_STR},
        {.key = "host", .type = T_STR},
        {.key = "part_of", .type = T_REF, .ref = REF_SUPPORT},
        {.key = "regions", .type = T_REFS, .required = true, .nonempty = true, .ref = REF_REGION},
        /* Required in version 1; in version 2 absent means the source does not say. */
        {.key = "delivery",
         .type = T_ENUMS,
         .required = true,
         .nonempty = true,
         .terms = &terms_delivery,
         .until = 1},
        {.key = "delivery",
         .type = T_ENUMS,
         .nonempty = true,
         .terms = &terms_delivery,
         .since = 2},
        {.key = "location", .type = T_STR},
        {.key = "size", .type = T_OBJ, .sub = f_size},
        {.key = "goals", .type = T_REFS, .required = true, .nonempty = true, .ref = REF_GOAL},
        {.key = "services", .type = T_REFS, .required = true, .nonempty = true, .ref = REF_SERVICE},
        {.key = "summary", .type = T_TEXT, .required = true},
        {.key = "offers", .type = T_TEXTS},
        {.key = "aims", .type = T_TEXTS},
        {.key = "cost", .type = T_STR},
        {.key = "eligibility", .type = T_STR},
        {.key = "contact", .type = T_OBJ, .sub = f_contact},
        {.key = "status", .type = T_ENUM, .terms = &terms_support_status, .since = 2},
        {.key = "source", .type = T_REF, .required = true, .ref = REF_SOURCE},
        {.key = "as_of", .type = T_DATE, .required = true},
        {.key = "verified", .type = T_DATE},
        TRANSLATIONS,
        END,
};
static const struct field f_step[] = {
        {.key = "title", .type = T_STR, .required = true, .name = true},
        {.key = "detail", .type = T_TEXT},
        {.key = "url", .type = T_URL, .since = 2},
        END,
};
static const struct field f_link[] = {
        {.key = "title", .type = T_STR, .required = true, .name = true},
        {.key = "url", .type = T_URL, .required = true},
        END,
};
static const struct field f_requires[] = {
        {.key = "status", .type = T_ENUMS, .terms = &terms_person_status},
        {.key = "exams", .type = T_REFS, .ref = REF_EXAM},
        {.key = "language_test", .type = T_BOOL},
        {.key = "discipline", .type = T_ENUMS, .terms = &terms_discipline},
        {.key = "postgrad_years", .type = T_NUM},
        {.key = "practice_years", .type = T_NUM},
        {.key = "practised_within_years", .type = T_NUM},
        {.key = "residence", .type = T_REFS, .ref = REF_REGION},
        {.key = "note", .type = T_STR},
        {.key = "complete", .type = T_BOOL, .since = 2},
        END,
};
static const struct field f_pathway[] = {
        {.key = "id", .type = T_ID, .required = true},
        {.key = "goal", .type = T_REF, .required = true, .ref = REF_GOAL},
        {.key = "name", .type = T_STR, .required = true, .name = true},
        {.key = "regions", .type = T_REFS, .required = true, .nonempty = true, .ref = REF_REGION},
        {.key = "status", .type = T_ENUM, .required = true, .terms = &terms_pathway_status},
        {.key = "summary", .type = T_TEXT, .required = true},
        {.key = "eligibility", .type = T_STRS},
        {.key = "steps", .type = T_OBJS, .sub = f_step},
        {.key = "advocacy", .type = T_STR},
        {.key = "links", .type = T_OBJS, .sub = f_link},
        {.key = "supports", .type = T_REFS, .ref = REF_SUPPORT},
        {.key = "requires", .type = T_OBJ, .sub = f_requires},
        {.key = "contact", .type = T_OBJ, .sub = f_contact, .since = 2},
        {.key = "source", .type = T_REF, .required = true, .ref = REF_SOURCE},
        {.key = "as_of", .type = T_DATE, .required = true},
        {.key = "verified", .type = T_DATE},
        TRANSLATIONS,
        END,
};

/* ---- what a translation (version 2) may hold, for each kind of record: its text keys, with the
 * types of the original. A translated steps or links keeps the original's items (titles and
 * details; urls stay). ---- */

static const struct field t_dataset[] = {
        {.key = "title", .type = T_STR, .name = true},
        {.key = "notes", .type = T_TEXT},
        END,
};
static const struct field t_source[] = {
        {.key = "title", .type = T_STR, .name = true},
        END,
};
static const struct field t_region[] = {
        {.key = "name", .type = T_STR, .name = true},
        END,
};
static const struct field t_named[] = {
        {.key = "name", .type = T_STR, .name = true},
        {.key = "summary", .type = T_TEXT},
        END,
};
static const struct field t_support[] = {
        {.key = "name", .type = T_STR, .name = true}, {.key = "summary", .type = T_TEXT},
        {.key = "offers", .type = T_TEXTS},           {.key = "aims", .type = T_TEXTS},
        {.key = "eligibility", .type = T_STR},        {.key = "cost", .type = T_STR},
        {.key = "location", .type = T_STR},           END,
};
static const struct field t_step[] = {
        {.key = "title", .type = T_STR, .name = true},
        {.key = "detail", .type = T_TEXT},
        END,
};
static const struct field t_link[] = {
        {.key = "title", .type = T_STR, .name = true},
        END,
};
static const struct field t_pathway[] = {
        {.key = "name", .type = T_STR, .name = true},
        {.key = "summary", .type = T_TEXT},
        {.key = "eligibility", .type = T_STRS},
        {.key = "advocacy", .type = T_STR},
        {.key = "steps", .type = T_OBJS, .sub = t_step},
        {.key = "links", .type = T_OBJS, .sub = t_link},
        /* requires.note, which sits one level down in the original */
        {.key = "requires_note", .type = T_STR},
        END,
};

static const char *type_noun(enum type t)
{
    switch (t) {
    case T_STR:
    case T_TEXT:
    case T_ID:
    case T_REF:
    case T_DATE:
    case T_URL:
    case T_ENUM:
    case T_LANG: return C_("a JSON type", "a string");
    case T_INT: return C_("a JSON type", "a whole number");
    case T_NUM: return C_("a JSON type", "a number");
    case T_BOOL: return C_("a JSON type", "true or false");
    case T_OBJ:
    case T_TRANS: return C_("a JSON type", "an object");
    default: return C_("a JSON type", "an array");
    }
}

static const char *json_noun(const cJSON *v)
{
    if (cJSON_IsString(v))
        return C_("a JSON type", "a string");
    if (cJSON_IsNumber(v))
        return C_("a JSON type", "a number");
    if (cJSON_IsBool(v))
        return C_("a JSON type", "a boolean");
    if (cJSON_IsNull(v))
        return C_("a JSON type", "null");
    if (cJSON_IsArray(v))
        return C_("a JSON type", "an array");
    return C_("a JSON type", "an object");
}

/* Quote at most 40 characters of s for a message. */
static char *quote(const char *s)
{
    char buf[128];
    text_fit(buf, sizeof buf, s, 40);
    return xasprintf("\"%s\"", buf);
}

/* A number for a message as the file would write it: a whole number in digits, never in
 * exponent form ("1000000000000001", not "1e+15"), else the fewest digits that read back as the
 * same number ("999999999999999.9"). */
static void number_words(double v, char *buf, size_t n)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "%s", v < 0 ? _("a number below -10^308") : _("a number above 10^308"));
        return;
    }
    if (floor(v) == v && fabs(v) < 1e21) {
        snprintf(buf, n, "%.0f", v);
        return;
    }
    for (int digits = 1; digits <= 17; digits++) {
        snprintf(buf, n, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* The rules every string follows; long text may hold newlines. */
static bool check_chars(struct check *c, const char *s, bool long_text)
{
    size_t n = strlen(s), bad;
    /* Most of a file is printable ASCII, and needs no closer look (the careful reading below
     * took a sixth of a first run's main thread at 100,000 entries, bench/README.md). */
    if (text_printable_ascii(s, n, long_text))
        return true;
    if (!text_utf8_valid(s, n, &bad)) {
        /* TRANSLATORS: %zu is a byte's place in the string, from 0. */
        report(c, DIAG_ERROR, _("invalid UTF-8 at byte %zu of the string"), bad);
        return false;
    }
    for (size_t i = 0; i < n;) {
        unsigned cp;
        i += text_decode(s + i, n - i, &cp);
        if (cp == '\n' && long_text)
            continue;
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
            /* TRANSLATORS: U+%04X is the character's code; the first %s is "text" or "a name
             * or short value", the second what is expected there. */
            report(c, DIAG_ERROR, _("control character U+%04X in %s; expected %s"), cp,
                   long_text ? C_("where a character is", "text")
                             : C_("where a character is", "a name or short value"),
                   long_text ? _("printable text (a newline is the only control allowed)")
                             : _("printable text on one line"));
            return false;
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            /* TRANSLATORS: U+%04X is the character's code. */
            report(c, DIAG_ERROR,
                   _("bidirectional control U+%04X; these can reorder what a reader sees and are "
                     "not allowed"),
                   cp);
            return false;
        }
    }
    return true;
}

/* Version 2's length limits: characters (code points) of a valid UTF-8 string. */
static void check_length(struct check *c, const char *s, bool name)
{
    size_t chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    size_t limit = name ? DATASET_MAX_NAME_CHARS : DATASET_MAX_STRING_CHARS;
    if (chars > limit)
        /* TRANSLATORS: the string's length, the limit (both in characters), and "a name or
         * title" or "a string". */
        report(c, DIAG_ERROR,
               ngettext("%zu character; expected at most %zu for %s",
                        "%zu characters; expected at most %zu for %s", chars),
               chars, limit,
               name ? C_("what is too long", "a name or title")
                    : C_("what is too long", "a string"));
}

/* A language tag as BCP 47 writes it, as far as a dataset needs: a language of 2 to 8 letters,
 * then subtags of 1 to 8 letters or digits ("en", "fr", "fr-CA", "zh-Hant"). */
static bool valid_lang(const char *s)
{
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
        n++;
    if (n < 2 || n > 8)
        return false;
    for (s += n; *s;) {
        if (*s++ != '-')
            return false;
        for (n = 0; (s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
                    (s[n] >= '0' && s[n] <= '9');
             n++)
            ;
        if (n < 1 || n > 8)
            return false;
        s += n;
    }
    return true;
}

/* The nearest known id, when near enough to be a likely typo; a new string or NULL. */
static char *nearest(const struct idset *set, const char *id)
{
    /* A suggestion is a kindness, not a necessity: bound the work on huge datasets. */
    if (set->n > 20000)
        return NULL;
    struct text_nearest n;
    text_nearest_init(&n, id);
    for (size_t i = 0; i < set->n; i++)
        text_nearest_offer(&n, idset_str(set, i), idset_str(set, i));
    return text_nearest_take(&n);
}

/* Whether every id of ref's list is known: the list is read, or the file has none. */
static bool complete(const struct check *c, enum ref ref)
{
    enum section_state st = c->sec[ref - REF_SOURCE].state;
    return st == SEC_DONE || st == SEC_NOT_ARRAY || (c->layout_known && st == SEC_ABSENT);
}

/* id names no record of ref's list (now complete): the finding at k. */
static void unresolved(struct check *c, struct key k, const char *path, const char *id,
                       enum ref ref)
{
    /* In version 2 supports and pathways share their ids: a pathway's is not a typo. */
    size_t other =
            ref == REF_SUPPORT && c->version >= 2 ? idset_get(&c->ids[REF_PATHWAY], id) : SIZE_MAX;
    if (other != SIZE_MAX)
        /* TRANSLATORS: an id, then the pathway's place in the file (.pathways[N]); the
         * quotation marks are the JSON's: keep them. */
        put(c, k, DIAG_ERROR, path,
            xasprintf(_("\"%s\" is a pathway (.pathways[%zu]); expected the id of a support"), id,
                      other),
            0, NULL);
    else
        put(c, k, DIAG_ERROR, path, NULL, (int)ref, id);
}

/* The message of an unknown reference, worded once the findings are in order: the nearest id is
 * searched for only while the errors shown are fewer than DIAGS_MAX. */
static char *unknown_ref_message(const struct check *c, enum ref ref, const char *id)
{
    char *near = c->d->errors < DIAGS_MAX ? nearest(&c->ids[ref], id) : NULL;
    /* TRANSLATORS: a kind of record ("region"), the id the file gives, the nearest known id;
     * the quotation marks are the JSON's: keep them. */
    char *msg = near ? xasprintf(_("unknown %s \"%s\"; did you mean \"%s\"?"),
                                 record_noun(ref_noun[ref]), id, near)
                     /* TRANSLATORS: a kind of record ("region"), the id the file gives, and the
                      * records of that kind ("regions"). */
                     : xasprintf(_("unknown %s \"%s\"; expected the id of one of the dataset's %s"),
                                 record_noun(ref_noun[ref]), id, ref_plural(ref));
    free(near);
    return msg;
}

static void check_ref(struct check *c, const char *id, enum ref ref)
{
    if (!dataset_valid_id(id)) {
        char *q = quote(id);
        /* TRANSLATORS: the value, quoted as in the JSON, then a kind of record ("region"). */
        report(c, DIAG_ERROR, _("%s is not a valid id; expected the id of a %s"), q,
               record_noun(ref_noun[ref]));
        free(q);
        return;
    }
    if (idset_has(&c->ids[ref], id))
        return; /* ids are only ever added: known now, known at the end */
    if (complete(c, ref) && (ref != REF_SUPPORT || c->version < 2 || complete(c, REF_PATHWAY))) {
        unresolved(c, next_key(c), sb_str(&c->path), id, ref);
        return;
    }
    /* The list is still to come (or still being read): look again at the end. */
    if (c->n_deferred == c->deferred_room) {
        c->deferred_room = c->deferred_room ? 2 * c->deferred_room : 64;
        c->deferred = xrealloc(c->deferred, c->deferred_room * sizeof *c->deferred);
    }
    struct deferred *x = &c->deferred[c->n_deferred++];
    x->key = next_key(c);
    x->ref = (int)ref;
    x->id = c->deferred_text.len;
    sb_add(&c->deferred_text, id);
    sb_addc(&c->deferred_text, '\0');
    x->path = c->deferred_text.len;
    sb_add(&c->deferred_text, sb_str(&c->path));
    sb_addc(&c->deferred_text, '\0');
}

static void check_enum(struct check *c, const char *s, const struct field *f)
{
    const struct term *t = terms_find(f->terms, s);
    /* The kinds' bits are their positions' bits, so .only can name them (KIND_SUPPORTS). */
    if (t && (!f->only || (f->only & (1u << (size_t)(t - f->terms->v)))))
        return;
    char *list = terms_list(f->terms, f->only, true);
    char *q = quote(s);
    /* TRANSLATORS: the value, quoted as in the JSON; then the values allowed ("a", "b" or
     * "c"). */
    report(c, DIAG_ERROR, _("%s is not allowed; expected %s"), q, list);
    free(q);
    free(list);
}

static void check_object(struct check *c, const cJSON *obj, const struct field *fields);

/* A string value of type t (T_STR and friends). */
static void check_string_value(struct check *c, const cJSON *v, enum type t, bool required,
                               const struct field *f)
{
    const char *s = v->valuestring;
    if (!*s) {
        if (required || t == T_REF || t == T_ID || t == T_DATE || t == T_URL || t == T_ENUM ||
            t == T_LANG)
            /* TRANSLATORS: %s is "a date", "a URL" or "a value". */
            report(c, DIAG_ERROR, _("empty string; expected %s"),
                   t == T_DATE  ? C_("what is expected", "a date")
                   : t == T_URL ? C_("what is expected", "a URL")
                                : C_("what is expected", "a value"));
        else
            report(c, DIAG_WARNING, "%s", _("empty string; leave the key out instead"));
        return;
    }
    if (!check_chars(c, s, t == T_TEXT))
        return;
    if (c->version >= 2)
        check_length(c, s, f->name);
    switch (t) {
    case T_ID:
        if (!dataset_valid_id(s)) {
            char *q = quote(s);
            /* TRANSLATORS: the value, quoted as in the JSON. */
            report(c, DIAG_ERROR,
                   _("%s is not a valid id; expected 1 to 64 of a-z, 0-9 and '-', starting with "
                     "a letter or digit"),
                   q);
            free(q);
        }
        break;
    case T_REF: check_ref(c, s, f->ref); break;
    case T_DATE:
        if (!dataset_valid_date(s)) {
            char *q = quote(s);
            /* TRANSLATORS: the value, quoted as in the JSON; YYYY-MM-DD is the form to write
             * (year, month, day). */
            report(c, DIAG_ERROR,
                   _("%s is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD (a "
                     "real date)"),
                   q);
            free(q);
        }
        break;
    case T_URL:
        if (!valid_url(s)) {
            char *q = quote(s);
            /* TRANSLATORS: the value, quoted as in the JSON. */
            report(c, DIAG_ERROR,
                   _("%s is not a web address; expected one starting with http:// "
                     "or https://"),
                   q);
            free(q);
        }
        break;
    case T_ENUM: check_enum(c, s, f); break;
    case T_LANG:
        if (!valid_lang(s)) {
            char *q = quote(s);
            /* TRANSLATORS: the value, quoted as in the JSON. */
            report(c, DIAG_ERROR,
                   _("%s is not a language tag; expected a BCP 47 tag such as \"en\" or \"fr\""),
                   q);
            free(q);
        }
        break;
    default: break;
    }
}

static void check_value(struct check *c, const cJSON *v, const struct field *f)
{
    switch (f->type) {
    case T_STR:
    case T_TEXT:
    case T_ID:
    case T_REF:
    case T_DATE:
    case T_URL:
    case T_ENUM:
    case T_LANG:
        if (!cJSON_IsString(v)) {
            /* TRANSLATORS: the JSON type expected, then the one found ("a string", "a number"). */
            report(c, DIAG_ERROR, _("expected %s, found %s"), type_noun(f->type), json_noun(v));
            return;
        }
        check_string_value(c, v, f->type, f->required, f);
        return;
    case T_INT:
    case T_NUM: {
        char num[64];
        if (!cJSON_IsNumber(v)) {
            report(c, DIAG_ERROR, _("expected %s, found %s"), type_noun(f->type), json_noun(v));
        } else if (!isfinite(v->valuedouble) || v->valuedouble < 0 || v->valuedouble > 1e15) {
            number_words(v->valuedouble, num, sizeof num);
            /* TRANSLATORS: the number the file gives, then "a number" or "a whole number". */
            report(c, DIAG_ERROR, _("%s is out of range; expected %s from 0 to 10^15"), num,
                   type_noun(f->type));
        } else if (f->type == T_INT && floor(v->valuedouble) != v->valuedouble) {
            number_words(v->valuedouble, num, sizeof num);
            /* TRANSLATORS: the number the file gives. */
            report(c, DIAG_ERROR, _("%s is not whole; expected a whole number"), num);
        }
        return;
    }
    case T_BOOL:
        if (!cJSON_IsBool(v))
            /* TRANSLATORS: %s is the JSON type found ("a string"). */
            report(c, DIAG_ERROR, _("expected true or false, found %s"), json_noun(v));
        return;
    case T_OBJ:
        if (!cJSON_IsObject(v)) {
            /* TRANSLATORS: %s is the JSON type found ("a string", "an array"). */
            report(c, DIAG_ERROR, _("expected an object, found %s"), json_noun(v));
            return;
        }
        check_object(c, v, f->sub);
        return;
    case T_TRANS: return; /* check_object checks translations, which need their record */
    case T_ENUMS:
    case T_REFS:
    case T_TEXTS:
    case T_STRS:
    case T_LANGS:
    case T_OBJS: break;
    }
    if (!cJSON_IsArray(v)) {
        /* TRANSLATORS: %s is the JSON type found ("a string", "an object"). */
        report(c, DIAG_ERROR, _("expected an array, found %s"), json_noun(v));
        return;
    }
    if (f->nonempty && !v->child)
        report(c, DIAG_ERROR, "%s",
               f->required ? _("empty array; expected at least one value")
                           : _("empty array; expected at least one value, or leave the key out"));
    static const enum type elem[] = {[T_ENUMS] = T_ENUM, [T_REFS] = T_REF,   [T_TEXTS] = T_TEXT,
                                     [T_STRS] = T_STR,   [T_LANGS] = T_LANG, [T_OBJS] = T_OBJ};
    struct field ef = *f;
    ef.type = elem[f->type];
    ef.required = true;
    size_t i = 0;
    bool sets = f->type == T_REFS || f->type == T_ENUMS || f->type == T_LANGS;
    /* A value listed again: a short list is compared pair by pair, a long one through a set. */
    struct idset seen = {0};
    bool hashed = sets && cJSON_GetArraySize(v) > 16;
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        size_t mark = path_index(c, i);
        check_value(c, e, &ef);
        bool again = false;
        if (sets && cJSON_IsString(e)) {
            if (hashed)
                again = idset_add(&seen, e->valuestring, i) != SIZE_MAX;
            else
                for (const cJSON *x = v->child; x != e && !again; x = x->next)
                    again = cJSON_IsString(x) && strcmp(x->valuestring, e->valuestring) == 0;
        }
        if (again)
            /* TRANSLATORS: a value of the list; the quotation marks are the JSON's. */
            report(c, DIAG_WARNING, _("\"%s\" is listed twice"), e->valuestring);
        path_pop(c, mark);
    }
    idset_finish(&seen);
}

static const char *string_of(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int cmp_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Duplicate keys: JSON allows them, but a reader would see one value and we another. */
static void check_duplicate_keys(struct check *c, const cJSON *obj)
{
    size_t n = 0;
    for (const cJSON *e = obj->child; e; e = e->next)
        n++;
    if (n < 2)
        return;
    const char **keys = xmalloc(n * sizeof *keys);
    n = 0;
    for (const cJSON *e = obj->child; e; e = e->next)
        keys[n++] = e->string ? e->string : "";
    qsort(keys, n, sizeof *keys, cmp_keys);
    for (size_t i = 1; i < n; i++)
        if (strcmp(keys[i], keys[i - 1]) == 0 && (i < 2 || strcmp(keys[i], keys[i - 2]) != 0)) {
            char *q = quote(keys[i]);
            /* TRANSLATORS: the key, quoted as in the JSON. */
            report(c, DIAG_ERROR, _("duplicate key %s; expected each key once"), q);
            free(q);
        }
    free(keys);
}

static bool in_version(const struct check *c, const struct field *f);

/* A key the format does not name: a warning, unless it holds what no text may (a control or
 * bidirectional character), which is an error like anywhere else. From version 2 on, the
 * nearest of known (the keys the object may have; NULL-terminated extra names too) is
 * suggested; version 1's message stays as it was. */
static void unknown_key(struct check *c, const char *key, const struct field *known,
                        const char *const *extra)
{
    size_t mark = path_key(c, key);
    if (check_chars(c, key, false)) {
        char *q = quote(key), *near = NULL;
        if (c->version >= 2) {
            struct text_nearest n;
            text_nearest_init(&n, key);
            for (const struct field *f = known; f && f->key; f++)
                if (in_version(c, f))
                    text_nearest_offer(&n, f->key, f->key);
            for (const char *const *x = extra; x && *x; x++)
                text_nearest_offer(&n, *x, *x);
            near = text_nearest_take(&n);
        }
        if (near)
            /* TRANSLATORS: the key, quoted as in the JSON, then the nearest known key. */
            report(c, DIAG_WARNING,
                   _("unknown key %s (ignored; --strict makes this an error); did you mean "
                     "\"%s\"?"),
                   q, near);
        else
            /* TRANSLATORS: the key, quoted as in the JSON. */
            report(c, DIAG_WARNING, _("unknown key %s (ignored; --strict makes this an error)"), q);
        free(near);
        free(q);
    }
    path_pop(c, mark);
}

/* Whether the file's version has f as described. */
static bool in_version(const struct check *c, const struct field *f)
{
    return (!f->since || c->version >= f->since) && (!f->until || c->version <= f->until);
}

/* The row of fields for key in this version, or NULL. */
static const struct field *field_of(const struct check *c, const struct field *fields,
                                    const char *key)
{
    for (const struct field *f = fields; f->key; f++)
        if (f->key[0] == key[0] && strcmp(f->key, key) == 0 && in_version(c, f))
            return f;
    return NULL;
}

static void check_translations(struct check *c, const cJSON *v, const cJSON *record);

/* Room for the fields of every table here (the supports have 24) without an allocation. */
#define FIELDS_MAX 48

static void check_object(struct check *c, const cJSON *obj, const struct field *fields)
{
    /* Each key's field, in one pass over the keys: the object's value of each field (its first,
     * as cJSON_GetObjectItem finds it) without searching the object for every field. Only an
     * object with a key twice or two unknown keys can hold a duplicate. */
    const cJSON *room[FIELDS_MAX];
    size_t n_fields = 0, unknown = 0;
    bool twice = false;
    while (fields[n_fields].key)
        n_fields++;
    const cJSON **value = n_fields <= FIELDS_MAX ? room : xmalloc(n_fields * sizeof *value);
    for (size_t i = 0; i < n_fields; i++)
        value[i] = NULL;
    for (const cJSON *e = obj->child; e; e = e->next) {
        const struct field *f = field_of(c, fields, e->string ? e->string : "");
        if (!f)
            unknown++;
        else if (value[f - fields])
            twice = true;
        else
            value[f - fields] = e;
    }
    if (twice || unknown > 1)
        check_duplicate_keys(c, obj);
    for (const struct field *f = fields; f->key; f++) {
        if (!in_version(c, f))
            continue;
        const cJSON *v = value[f - fields];
        if (!v) {
            if (f->required)
                /* TRANSLATORS: the key, then the JSON type expected ("a string"). */
                report(c, DIAG_ERROR, _("missing key \"%s\"; expected %s"), f->key,
                       type_noun(f->type));
            continue;
        }
        size_t mark = path_key(c, f->key);
        if (f->type == T_TRANS)
            check_translations(c, v, obj);
        else
            check_value(c, v, f);
        path_pop(c, mark);
    }
    for (const cJSON *e = obj->child; e && unknown; e = e->next)
        if (!field_of(c, fields, e->string ? e->string : ""))
            unknown_key(c, e->string, fields, NULL);
    if (value != room)
        free(value);
}

/* ---- translations (version 2) ---- */

/* Every kind of record's keys, to tell a key that cannot be translated from an unknown one. */
static const struct field *const record_fields[] = {f_dataset, f_source,  f_region, f_goal,
                                                    f_named,   f_support, f_pathway};

static const struct field *record_key(const char *key)
{
    for (size_t i = 0; i < sizeof record_fields / sizeof record_fields[0]; i++)
        for (const struct field *f = record_fields[i]; f->key; f++)
            if (strcmp(f->key, key) == 0)
                return f;
    return NULL;
}

static bool is_text(enum type t)
{
    return t == T_STR || t == T_TEXT || t == T_STRS || t == T_TEXTS;
}

/* The keys of fields as "a, b or c". A new string. */
static char *key_list(const struct field *fields)
{
    struct sb b = {0};
    for (const struct field *f = fields; f->key; f++)
        sb_addf(&b, "%s%s", b.len ? (f[1].key ? ", " : _(" or ")) : "", f->key);
    return sb_take(&b);
}

/* A translated steps or links: as many items as the original's, each with text keys only. */
static void check_translated_items(struct check *c, const cJSON *v, const struct field *f,
                                   const cJSON *orig)
{
    if (!cJSON_IsArray(v)) {
        report(c, DIAG_ERROR, _("expected an array, found %s"), json_noun(v));
        return;
    }
    int n = cJSON_GetArraySize(v), want = cJSON_GetArraySize(orig);
    if (cJSON_IsArray(orig) && n != want)
        /* TRANSLATORS: the items the translation has, the items expected, and the key
         * ("steps" or "links"). */
        report(c, DIAG_ERROR,
               ngettext("%d item; expected %d, one for each of the original's %s (a translation "
                        "keeps their number and order)",
                        "%d items; expected %d, one for each of the original's %s (a translation "
                        "keeps their number and order)",
                        (unsigned long)n),
               n, want, f->key);
    size_t i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        size_t mark = path_index(c, i);
        if (!cJSON_IsObject(e)) {
            report(c, DIAG_ERROR, _("expected an object, found %s"), json_noun(e));
            path_pop(c, mark);
            continue;
        }
        check_duplicate_keys(c, e);
        for (const cJSON *k = e->child; k; k = k->next) {
            const struct field *sub = field_of(c, f->sub, k->string);
            if (!sub && strcmp(k->string, "url") != 0) {
                unknown_key(c, k->string, f->sub, (const char *const[]){"url", NULL});
                continue;
            }
            size_t m2 = path_key(c, k->string);
            if (sub) {
                struct field req = *sub;
                req.required = true;
                check_value(c, k, &req);
            } else {
                report(c, DIAG_ERROR, "%s", _("a url is not translated; the original's stays"));
            }
            path_pop(c, m2);
        }
        path_pop(c, mark);
    }
}

/* One language's translation of record: some of its text keys, and the source it was taken
 * from. */
static void check_translation(struct check *c, const cJSON *tr, const cJSON *record)
{
    check_duplicate_keys(c, tr);
    for (const cJSON *k = tr->child; k; k = k->next) {
        const char *key = k->string;
        const struct field *f = field_of(c, c->tr, key);
        const struct field *rf = f ? NULL : record_key(key);
        bool source = strcmp(key, "source") == 0;
        if (!f && !source && !rf && strcmp(key, "requires") != 0) {
            unknown_key(c, key, c->tr, (const char *const[]){"source", NULL});
            continue;
        }
        size_t mark = path_key(c, key);
        if (source) {
            static const struct field src = {
                    .key = "source", .type = T_REF, .required = true, .ref = REF_SOURCE};
            check_value(c, k, &src);
        } else if (!f) {
            char *list = key_list(c->tr);
            if (strcmp(key, "requires") == 0)
                report(c, DIAG_ERROR, "%s",
                       _("\"requires\" holds rules, not text; translate its note as "
                         "\"requires_note\""));
            else if (is_text(rf->type))
                /* TRANSLATORS: a key, a kind of record ("region"), then the keys a translation
                 * of it may hold ("name or summary"). */
                report(c, DIAG_ERROR, _("\"%s\" is not translated in a %s; expected %s"), key,
                       record_noun(c->noun), list);
            else
                /* TRANSLATORS: a key, then the keys a translation may hold ("name or summary"). */
                report(c, DIAG_ERROR,
                       _("\"%s\" is not text and is not translated (ids, places, dates and "
                         "references stay as they are); expected %s"),
                       key, list);
            free(list);
        } else {
            const cJSON *orig;
            if (strcmp(key, "requires_note") == 0)
                orig = cJSON_GetObjectItemCaseSensitive(
                        cJSON_GetObjectItemCaseSensitive(record, "requires"), "note");
            else
                orig = cJSON_GetObjectItemCaseSensitive(record, key);
            if (!orig)
                /* TRANSLATORS: a kind of record ("region"), then a key ("summary"). */
                report(c, DIAG_WARNING, _("the %s has no %s to translate"), record_noun(c->noun),
                       strcmp(key, "requires_note") == 0 ? "requires.note" : key);
            if (f->type == T_OBJS) {
                check_translated_items(c, k, f, orig);
            } else {
                struct field req = *f;
                req.required = true;
                check_value(c, k, &req);
            }
        }
        path_pop(c, mark);
    }
}

/* Whether the file carries lang (dataset.language and .languages). */
static bool carries(const struct check *c, const char *lang)
{
    if (strcmp(lang, c->lang) == 0)
        return true;
    for (const cJSON *e = c->langs ? c->langs->child : NULL; e; e = e->next)
        if (cJSON_IsString(e) && strcmp(e->valuestring, lang) == 0)
            return true;
    return false;
}

static void check_translations(struct check *c, const cJSON *v, const cJSON *record)
{
    if (!cJSON_IsObject(v)) {
        /* TRANSLATORS: %s is the JSON type found ("a string"). */
        report(c, DIAG_ERROR, _("expected an object keyed by language tag, found %s"),
               json_noun(v));
        return;
    }
    check_duplicate_keys(c, v);
    for (const cJSON *l = v->child; l; l = l->next) {
        size_t mark = path_key(c, l->string);
        if (!check_chars(c, l->string, false)) {
            path_pop(c, mark);
            continue;
        }
        if (!valid_lang(l->string)) {
            char *q = quote(l->string);
            /* TRANSLATORS: the key, quoted as in the JSON. */
            report(c, DIAG_ERROR,
                   _("%s is not a language tag; expected a BCP 47 tag such as \"fr\""), q);
            free(q);
        } else if (strcmp(l->string, c->lang) == 0) {
            /* TRANSLATORS: a language tag ("en"). */
            report(c, DIAG_WARNING,
                   _("a translation into the file's own language (\"%s\"); give the text in the "
                     "record itself"),
                   c->lang);
        } else if (!c->langs_unknown && !carries(c, l->string)) {
            /* TRANSLATORS: a language tag ("fr"). */
            report(c, DIAG_ERROR,
                   _("\"%s\" is not one of the file's languages; expected one that "
                     ".dataset.languages lists"),
                   l->string);
        }
        if (cJSON_IsObject(l))
            check_translation(c, l, record);
        else
            /* TRANSLATORS: %s is the JSON type found ("a string"). */
            report(c, DIAG_ERROR, _("expected an object of translated text, found %s"),
                   json_noun(l));
        path_pop(c, mark);
    }
}

/* Version 2's dataset.language and .languages: which languages translations may be in. Read
 * before anything is checked (the dataset's own translations need them); their types are checked
 * with the rest of the dataset object. */
static void read_languages(struct check *c, const cJSON *meta)
{
    c->lang = "en";
    c->langs = NULL;
    c->langs_unknown = false;
    const char *lang = string_of(meta, "language");
    if (lang && valid_lang(lang))
        c->lang = lang;
    const cJSON *langs = cJSON_GetObjectItemCaseSensitive(meta, "languages");
    if (!langs)
        return;
    /* A list that is itself wrong is reported once, at the list, not at every translation. */
    bool valid = cJSON_IsArray(langs);
    for (const cJSON *e = valid ? langs->child : NULL; e; e = e->next)
        valid = valid && cJSON_IsString(e) && valid_lang(e->valuestring);
    c->langs_unknown = !valid;
    if (!valid || !langs->child)
        return;
    c->langs = langs;
    const cJSON *first = langs->child;
    if (cJSON_IsString(first) && valid_lang(first->valuestring) &&
        strcmp(first->valuestring, c->lang) != 0) {
        size_t mark = path_key(c, "dataset");
        path_key(c, "languages");
        path_index(c, 0);
        /* TRANSLATORS: two language tags: the one listed first, and the file's own. */
        report(c, DIAG_ERROR,
               _("\"%s\" is listed first; expected the file's own language (.dataset.language), "
                 "\"%s\", first"),
               first->valuestring, c->lang);
        path_pop(c, mark);
    }
}

/* ---- the whole file, a record at a time ---- */

static const struct {
    const char *key;
    bool required;
    enum ref ref;
    const struct field *fields;
    const char *noun;       /* one record, for messages */
    const struct field *tr; /* what a translation of one may hold */
} sections[] = {
        {"sources", true, REF_SOURCE, f_source, "source", t_source},
        {"regions", true, REF_REGION, f_region, "region", t_region},
        {"goals", true, REF_GOAL, f_goal, "goal", t_named},
        {"services", true, REF_SERVICE, f_named, "service", t_named},
        {"exams", false, REF_EXAM, f_named, "exam", t_named},
        {"supports", true, REF_SUPPORT, f_support, "support", t_support},
        {"pathways", true, REF_PATHWAY, f_pathway, "pathway", t_pathway},
};

static int section_of(const char *key)
{
    for (int s = 0; s < DATASET_SECTIONS; s++)
        if (strcmp(key, sections[s].key) == 0)
            return s;
    return -1;
}

/* What a value is, from its first byte, for a value not parsed (a list, or one too large). */
static const char *type_word(char t)
{
    switch (t) {
    case '{': return C_("a JSON type", "an object");
    case '[': return C_("a JSON type", "an array");
    case '"': return C_("a JSON type", "a string");
    case 't':
    case 'f': return C_("a JSON type", "a boolean");
    case 'n': return C_("a JSON type", "null");
    default: return C_("a JSON type", "a number");
    }
}

static void region_error(struct check *c, size_t i, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

static void region_error(struct check *c, size_t i, const char *fmt, ...)
{
    place_at(c, P_TREE, 0, i);
    size_t mark = path_key(c, "regions");
    path_index(c, i);
    path_key(c, "parent");
    struct sb b = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vaddf(&b, fmt, ap);
    va_end(ap);
    report(c, DIAG_ERROR, "%s", sb_str(&b));
    sb_finish(&b);
    path_pop(c, mark);
}

/* The region tree, once every region is read: no cycle, and at most DATASET_MAX_REGION_DEPTH
 * levels. Each region's level is found once, by walking up from it only until a region whose
 * level is known: linear in the regions however deep or looped the tree. */
static void check_region_tree(struct check *c)
{
    enum { NEW, ON_PATH, DONE };
    const size_t unknown = SIZE_MAX; /* the level of a region under a cycle */
    size_t n = c->n_regions;
    if (!n)
        return;
    size_t *parent = xmalloc(n * sizeof *parent), *level = xmalloc(n * sizeof *level);
    size_t *path = xmalloc(n * sizeof *path);
    unsigned char *state = xcalloc(n, 1), *cycle = xcalloc(n, 1);
    const struct idset *ids = &c->ids[REF_REGION];
    for (size_t i = 0; i < n; i++) {
        const struct region_note *r = &c->regions[i];
        parent[i] = r->parent != SIZE_MAX ? idset_get(ids, c->parents.s + r->parent) : SIZE_MAX;
        /* A region defined twice is reported as such; only its first definition is in the
         * tree (every parent names that one). */
        if (r->ord == SIZE_MAX)
            state[i] = DONE, level[i] = unknown;
    }
    for (size_t i = 0; i < n; i++) {
        size_t top = 0, at = i;
        while (at != SIZE_MAX && state[at] == NEW) {
            state[at] = ON_PATH;
            path[top++] = at;
            at = parent[at];
        }
        size_t base = at == SIZE_MAX ? 0 : level[at];
        if (at != SIZE_MAX && state[at] == ON_PATH) {
            /* The walk came back to itself: the regions from at up are a cycle. */
            size_t k = top;
            while (path[--k] != at)
                ;
            for (size_t j = k; j < top; j++) {
                cycle[path[j]] = 1;
                state[path[j]] = DONE;
                level[path[j]] = unknown;
            }
            top = k;
            base = unknown;
        }
        while (top) {
            size_t j = path[--top];
            level[j] = base == unknown ? unknown : ++base;
            state[j] = DONE;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const char *id = c->regions[i].ord != SIZE_MAX ? idset_str(ids, c->regions[i].ord) : NULL;
        if (cycle[i])
            /* TRANSLATORS: a region's id. */
            region_error(c, i, _("region \"%s\" is its own ancestor; expected a tree"), id);
        else if (level[i] == DATASET_MAX_REGION_DEPTH + 1)
            /* Only where the tree first goes too deep: every region below is too deep for the
             * same reason. */
            /* TRANSLATORS: a region's id, its depth in the tree, the most allowed. */
            region_error(c, i,
                         ngettext("region \"%s\" is %zu level deep; expected at most %d",
                                  "region \"%s\" is %zu levels deep; expected at most %d",
                                  level[i]),
                         id, level[i], DATASET_MAX_REGION_DEPTH);
    }
    free(parent);
    free(level);
    free(path);
    free(state);
    free(cycle);
}

/* The file's version, or 0 (reported) when it is missing or not one this program reads. */
static int read_version(struct check *c)
{
    place_at(c, P_VERSION, 0, 0);
    if (!c->have_version) {
        report(c, DIAG_ERROR, "%s",
               _("missing key \"itpnav\"; expected the format version, 1 or 2"));
        return 0;
    }
    size_t mark = path_key(c, "itpnav");
    const cJSON *version = c->version_node;
    int v = 0;
    char num[64];
    if (!cJSON_IsNumber(version)) {
        /* TRANSLATORS: %s is the JSON type found ("a string"). */
        report(c, DIAG_ERROR, _("expected the format version 1 or 2 (a number), found %s"),
               version ? json_noun(version) : type_word(c->version_type));
    } else if (version->valuedouble == 1 || version->valuedouble == 2) {
        v = (int)version->valuedouble;
    } else {
        number_words(version->valuedouble, num, sizeof num);
        /* TRANSLATORS: %s is the version the file gives (a number). */
        report(c, DIAG_ERROR, _("format version %s; this itpnav reads versions 1 and 2"), num);
    }
    path_pop(c, mark);
    return v;
}

/* The sink is given records while the file has shown no error. */
static bool feeding(const struct check *c)
{
    return c->sink && c->n_errors == 0;
}

/* The version and .dataset are read (or known absent): check them; from here the lists can be. */
static void begin(struct check *c)
{
    c->begun = true;
    c->lang = "en";
    c->version = read_version(c);
    c->d->version = c->version;
    if (!c->version) {
        c->dead = true;
        return;
    }
    const cJSON *meta = cJSON_IsObject(c->meta) ? c->meta : NULL;
    place_at(c, P_LANGS, 0, 0);
    if (c->version >= 2 && meta)
        read_languages(c, meta);
    place_at(c, P_META, 0, 0);
    if (!c->have_meta) {
        report(c, DIAG_ERROR, "%s", _("missing key \"dataset\"; expected an object"));
    } else {
        size_t mark = path_key(c, "dataset");
        c->noun = "dataset";
        c->tr = t_dataset;
        if (c->meta_problem)
            report(c, DIAG_ERROR, "%s", c->meta_problem);
        else if (meta)
            check_object(c, meta, f_dataset);
        else
            report(c, DIAG_ERROR, _("expected an object, found %s"),
                   c->meta ? json_noun(c->meta) : type_word(c->meta_type));
        path_pop(c, mark);
    }
    if (feeding(c) && c->sink->begin)
        c->sink->begin(c->sink->ctx, c->version, meta);
}

/* Whether list s can be read now: after the version and .dataset, the regions before the
 * supports and pathways (their places are looked up), the supports before the pathways (they
 * are numbered first). */
static bool settled(const struct check *c, int s)
{
    enum section_state st = c->sec[s].state;
    return st == SEC_DONE || st == SEC_NOT_ARRAY || (c->layout_known && st == SEC_ABSENT);
}

static bool ready(const struct check *c, int s)
{
    if (!c->begun || c->dead)
        return false;
    if ((s == DATASET_SUPPORTS || s == DATASET_PATHWAYS) && !settled(c, DATASET_REGIONS))
        return false;
    return s != DATASET_PATHWAYS || settled(c, DATASET_SUPPORTS);
}

/* A key of the top-level object; returns the list whose elements follow and are to be read
 * now, or -1. */
static int top_key(struct check *c, const struct jscan_item *it, size_t ordinal)
{
    bool first = it->dup_line == 0;
    int s = section_of(it->key);
    if (c->pass == 1) {
        if (!first) {
            bool noted = false;
            for (size_t i = 0; i < c->n_dup_keys && !noted; i++)
                noted = strcmp(c->dup_keys[i], it->key) == 0;
            if (!noted) {
                c->dup_keys = xrealloc(c->dup_keys, (c->n_dup_keys + 1) * sizeof *c->dup_keys);
                c->dup_keys[c->n_dup_keys++] = xstrdup(it->key);
            }
        }
        bool version = strcmp(it->key, "itpnav") == 0, meta = strcmp(it->key, "dataset") == 0;
        if (s < 0 && !version && !meta) {
            if (c->n_unknown == c->unknown_room) {
                /* Doubled, not one more: a file may repeat a key 100,000 times. */
                c->unknown_room = c->unknown_room ? 2 * c->unknown_room : 16;
                c->unknown = xrealloc(c->unknown, c->unknown_room * sizeof *c->unknown);
            }
            c->unknown[c->n_unknown++] = (struct unknown_top){xstrdup(it->key), ordinal};
            return -1;
        }
        if (!first) /* of a key twice, the first is the one read */
            return -1;
        if (version) {
            c->have_version = true;
            c->version_type = it->type;
            c->version_node = it->text ? cJSON_ParseWithLength(it->text, it->len) : NULL;
        } else if (meta) {
            c->have_meta = true;
            c->meta_type = it->type;
            if (it->problem)
                c->meta_problem = xstrdup(it->problem);
            else if (it->text)
                c->meta = cJSON_ParseWithLength(it->text, it->len);
        }
        if (version || meta) {
            if (!c->begun && c->have_version && c->have_meta)
                begin(c);
            return -1;
        }
        c->sec[s].type = it->type;
        c->sec[s].state = it->type == '[' ? SEC_WAITING : SEC_NOT_ARRAY;
    }
    if (s < 0 || !first || c->sec[s].state != SEC_WAITING || !ready(c, s))
        return -1;
    c->sec[s].state = SEC_ACTIVE;
    return s;
}

/* One record of list s. */
static void take_record(struct check *c, int s, size_t i, const struct jscan_item *it)
{
    c->count[s]++;
    enum ref ref = sections[s].ref;
    size_t mark = path_key(c, sections[s].key);
    path_index(c, i);
    cJSON *e = it->text ? cJSON_ParseWithLength(it->text, it->len) : NULL;
    if (!e) {
        place_at(c, P_RECORD, s, i);
        /* The scanner accepted it, so only its size or memory can keep it from parsing. */
        report(c, DIAG_ERROR, "%s",
               it->problem ? it->problem : _("cannot parse the record (out of memory?)"));
        path_pop(c, mark);
        return;
    }
    /* Ids first, as a check of the whole file would: every list's before any record's rules. */
    const char *id = string_of(e, "id");
    size_t first = SIZE_MAX;
    if (id && *id) {
        first = idset_add(&c->ids[ref], id, i);
        if (first != SIZE_MAX) {
            place_at(c, P_DUPID, s, i);
            size_t m2 = path_key(c, "id");
            /* TRANSLATORS: an id, then the place it was first defined (.LIST[N]). */
            report(c, DIAG_ERROR, _("duplicate id \"%s\"; first used at .%s[%zu]"), id,
                   sections[s].key, first);
            path_pop(c, m2);
        }
    }
    if (s == DATASET_REGIONS) {
        if (c->n_regions == c->regions_room) {
            c->regions_room = c->regions_room ? 2 * c->regions_room : 64;
            c->regions = xrealloc(c->regions, c->regions_room * sizeof *c->regions);
        }
        struct region_note *r = &c->regions[c->n_regions++];
        r->ord = id && *id && first == SIZE_MAX ? c->ids[ref].n - 1 : SIZE_MAX;
        const char *parent = string_of(e, "parent");
        r->parent = parent ? c->parents.len : SIZE_MAX;
        if (parent) {
            sb_add(&c->parents, parent);
            sb_addc(&c->parents, '\0');
        }
    }
    place_at(c, P_RECORD, s, i);
    c->noun = sections[s].noun;
    c->tr = sections[s].tr;
    if (cJSON_IsObject(e))
        check_object(c, e, sections[s].fields);
    else
        report(c, DIAG_ERROR, _("expected an object, found %s"), json_noun(e));
    if (s == DATASET_SUPPORTS) {
        const char *p = string_of(e, "part_of");
        if (id && p && strcmp(id, p) == 0) {
            place_at(c, P_PARTOF, 0, i);
            size_t m2 = path_key(c, "part_of");
            report(c, DIAG_ERROR, "%s", _("a support cannot be part of itself"));
            path_pop(c, m2);
        }
    }
    path_pop(c, mark);
    if (!feeding(c) || !c->sink->record ||
        !c->sink->record(c->sink->ctx, (enum dataset_section)s, e))
        cJSON_Delete(e);
}

/* Every record of list s is read. */
static void end_section(struct check *c, int s)
{
    c->sec[s].state = SEC_DONE;
    if (s == DATASET_REGIONS)
        check_region_tree(c);
    if (feeding(c) && c->sink->done)
        c->sink->done(c->sink->ctx, (enum dataset_section)s);
}

/* One pass over the file: the lists that can be read now. Returns the scan's last event. */
static enum jscan_event run_pass(struct check *c, struct jscan *s)
{
    struct jscan_item it;
    enum jscan_event ev;
    int cur = -1;
    size_t ordinal = 0;
    while ((ev = jscan_next(s, &it)) > 0) {
        if (ev == JSCAN_KEY) {
            if (cur >= 0)
                end_section(c, cur);
            c->root_type = '{';
            cur = top_key(c, &it, ordinal++);
        } else if (ev == JSCAN_ELEMENT && it.key) {
            if (cur >= 0)
                take_record(c, cur, it.index, &it);
        } else {
            c->root_type = ev == JSCAN_VALUE ? it.type : '[';
        }
    }
    if (cur >= 0 && ev == JSCAN_END)
        end_section(c, cur);
    /* An empty object or list gives no item. */
    if (jscan_doc_type(s) == '{' || jscan_doc_type(s) == '[')
        c->root_type = jscan_doc_type(s);
    return ev;
}

static int cmp_keys(const void *a, const void *b);

/* Everything that needs the whole file read: in the order of the rules, after what was found. */
static void finish(struct check *c)
{
    if (c->root_type != '{') {
        place_at(c, P_ROOT, 0, 0);
        /* TRANSLATORS: %s is the JSON type found ("an array"). */
        report(c, DIAG_ERROR, _("expected an object at the top level, found %s"),
               type_word(c->root_type));
        return;
    }
    /* Duplicate keys: JSON allows them, but a reader would see one value and we another. */
    if (c->n_dup_keys) /* dup_keys is NULL without any: qsort's pointer must not be */
        qsort(c->dup_keys, c->n_dup_keys, sizeof *c->dup_keys, cmp_keys);
    for (size_t i = 0; i < c->n_dup_keys; i++) {
        place_at(c, P_DUPKEY, 0, i);
        char *q = quote(c->dup_keys[i]);
        report(c, DIAG_ERROR, _("duplicate key %s; expected each key once"), q);
        free(q);
    }
    if (c->dead || !c->version)
        return;
    for (int s = 0; s < DATASET_SECTIONS; s++) {
        place_at(c, P_SECTION, s, 0);
        if (c->sec[s].state == SEC_ABSENT) {
            if (sections[s].required)
                /* TRANSLATORS: a key of the top level ("regions"). */
                report(c, DIAG_ERROR, _("missing key \"%s\"; expected an array"), sections[s].key);
        } else if (c->sec[s].state == SEC_NOT_ARRAY) {
            size_t mark = path_key(c, sections[s].key);
            report(c, DIAG_ERROR, _("expected an array, found %s"), type_word(c->sec[s].type));
            path_pop(c, mark);
        }
    }
    for (size_t i = 0; i < c->n_deferred; i++) {
        const struct deferred *x = &c->deferred[i];
        const char *id = c->deferred_text.s + x->id;
        if (!idset_has(&c->ids[x->ref], id))
            unresolved(c, x->key, c->deferred_text.s + x->path, id, (enum ref)x->ref);
    }
    /* A support and a pathway with one id: an error in version 2 (one namespace, so that `show
     * ID` is never ambiguous); in version 1, which allowed it, a warning that says how to reach
     * each. The pathway set's ids are in the order first defined. */
    const struct idset *pathways = &c->ids[REF_PATHWAY];
    for (size_t o = 0; o < pathways->n; o++) {
        const char *id = idset_str(pathways, o);
        size_t first = idset_get(&c->ids[REF_SUPPORT], id), i = pathways->at[o];
        if (first == SIZE_MAX)
            continue;
        place_at(c, P_SHARED, 0, i);
        size_t mark = path_key(c, "pathways");
        path_index(c, i);
        path_key(c, "id");
        if (c->version >= 2)
            /* TRANSLATORS: an id, then the support's place in the list. */
            report(c, DIAG_ERROR,
                   _("duplicate id \"%s\"; first used at .supports[%zu] (supports and pathways "
                     "share one namespace)"),
                   id, first);
        else
            /* TRANSLATORS: an id, the support's place in the list, then the id twice (in the
             * two commands, which stay as they are). */
            report(c, DIAG_WARNING,
                   _("id \"%s\" is also the id of .supports[%zu]; `itpnav show %s` shows the "
                     "support, `itpnav show --kind pathway %s` this pathway"),
                   id, first, id, id);
        path_pop(c, mark);
    }
    static const char *const top[] = {"itpnav",   "dataset",  "sources",  "regions", "goals",
                                      "services", "supports", "pathways", "exams",   NULL};
    for (size_t i = 0; i < c->n_unknown; i++) {
        place_at(c, P_UNKNOWN, 0, c->unknown[i].ordinal);
        unknown_key(c, c->unknown[i].key, NULL, top);
    }
}

/* The findings kept, into the diags in the order of the rules; the others counted. */
static void emit(struct check *c)
{
    size_t n = c->errors.n + c->warnings.n;
    struct finding *all = xmalloc((n ? n : 1) * sizeof *all);
    if (c->errors.n)
        memcpy(all, c->errors.v, c->errors.n * sizeof *all);
    if (c->warnings.n)
        memcpy(all + c->errors.n, c->warnings.v, c->warnings.n * sizeof *all);
    qsort(all, n, sizeof *all, finding_cmp);
    for (size_t i = 0; i < n; i++) {
        struct finding *f = &all[i];
        char *msg = f->msg ? f->msg : unknown_ref_message(c, (enum ref)f->ref, f->id);
        diags_add(c->d, f->level, 0, 0, f->path, "%s", msg);
        if (!f->msg)
            free(msg);
        finding_free(f);
    }
    c->d->errors += c->n_errors - c->errors.n;
    c->d->warnings += c->n_warnings - c->warnings.n;
    free(all);
    free(c->errors.v);
    free(c->warnings.v);
    c->errors = (struct heap){0};
    c->warnings = (struct heap){0};
}

static void check_finish(struct check *c)
{
    for (int r = 0; r < REF_COUNT; r++)
        idset_finish(&c->ids[r]);
    sb_finish(&c->path);
    for (size_t i = 0; i < c->errors.n; i++)
        finding_free(&c->errors.v[i]);
    for (size_t i = 0; i < c->warnings.n; i++)
        finding_free(&c->warnings.v[i]);
    free(c->errors.v);
    free(c->warnings.v);
    free(c->deferred);
    sb_finish(&c->deferred_text);
    free(c->regions);
    sb_finish(&c->parents);
    cJSON_Delete(c->version_node);
    cJSON_Delete(c->meta);
    free(c->meta_problem);
    for (size_t i = 0; i < c->n_dup_keys; i++)
        free(c->dup_keys[i]);
    free(c->dup_keys);
    for (size_t i = 0; i < c->n_unknown; i++)
        free(c->unknown[i].key);
    free(c->unknown);
}

/* Open in for a pass: a new scanner, or NULL with the reason in d and *rc. */
static struct jscan *open_pass(const struct dataset_input *in, int fd, int pass, struct diags *d,
                               int *rc)
{
    struct jscan_options o = {.max_record = DATASET_MAX_RECORD,
                              .max_values = DATASET_MAX_RECORD_VALUES,
                              .max_file = DATASET_MAX_FILE,
                              .flags = JSCAN_OBJECT | JSCAN_HASH};
    if (!in->path)
        return jscan_open_mem(in->buf, in->len, &o);
    if (pass > 1 && lseek(fd, 0, SEEK_SET) != 0) {
        /* Keys out of the format's order need a second pass, which a pipe cannot give. */
        /* TRANSLATORS: %s is the system's reason ("Illegal seek"). */
        diags_add(d, DIAG_ERROR, 0, 0, NULL,
                  _("cannot read the file again (%s); a file read from a pipe must give "
                    "\"itpnav\" and \"dataset\" first, then regions, supports and pathways in "
                    "that order"),
                  strerror(errno));
        *rc = EXIT_IOERR;
        return NULL;
    }
    return jscan_open(NULL, fd, &o);
}

/* The file at path, open, or -1 with the reason in d and *rc. */
static int open_file(const char *path, struct diags *d, int *rc)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        diags_add(d, DIAG_ERROR, 0, 0, NULL, _("cannot open: %s"), strerror(err));
        /* Out of descriptors (the cache being built holds some) is the system's limit, not the
         * file's fault: 71, as everywhere else. */
        *rc = err == EIO ? EXIT_IOERR : resource_errno(err) ? EXIT_OSERR : EXIT_NOINPUT;
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        /* TRANSLATORS: %s is the system's reason ("Input/output error"). */
        diags_add(d, DIAG_ERROR, 0, 0, NULL, _("cannot read: %s"), strerror(errno));
        *rc = EXIT_IOERR;
    } else if (S_ISDIR(st.st_mode)) {
        diags_add(d, DIAG_ERROR, 0, 0, NULL, "%s",
                  _("is a directory; expected a dataset file (JSON)"));
        *rc = EXIT_NOINPUT;
    } else if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > DATASET_MAX_FILE) {
        /* TRANSLATORS: the file's size, then the limit, in bytes. */
        diags_add(d, DIAG_ERROR, 0, 0, NULL,
                  _("the file is %lld bytes; a dataset may be at most 4 GiB (%llu bytes)"),
                  (long long)st.st_size, (unsigned long long)DATASET_MAX_FILE);
        *rc = EXIT_DATAERR;
    } else {
        return fd;
    }
    close(fd);
    return -1;
}

int dataset_stream(const struct dataset_input *in, unsigned flags, const struct dataset_sink *sink,
                   struct dataset *out, struct diags *d)
{
    if (out)
        *out = (struct dataset){0};
    int rc = 0, fd = -1;
    if (in->path && (fd = open_file(in->path, d, &rc)) < 0)
        return rc;
    struct check c = {.d = d, .flags = flags, .sink = sink, .lang = "en"};
    c.errors.max = DIAGS_MAX;
    c.warnings.max = 2 * DIAGS_MAX;
    uint64_t hash = 0;
    for (c.pass = 1;; c.pass++) {
        struct jscan *s = open_pass(in, fd, c.pass, d, &rc);
        if (!s)
            break;
        enum jscan_event ev = run_pass(&c, s);
        if (ev == JSCAN_ERROR) {
            int line, col;
            bool io;
            /* The file's size, then its encoding, then its syntax, as a check of the whole file
             * would find them. */
            if (c.pass == 1)
                jscan_recheck(s);
            const char *msg = jscan_error(s, &line, &col, &io);
            if (c.pass > 1 && !io)
                /* TRANSLATORS: LINE:COLUMN where the new text is wrong, and what is wrong. */
                diags_add(d, DIAG_ERROR, 0, 0, NULL,
                          _("the file changed while it was read (%d:%d: %s); check it again"), line,
                          col, msg);
            else
                diags_add(d, DIAG_ERROR, line, col, NULL, "%s", msg);
            rc = io ? EXIT_IOERR : EXIT_DATAERR;
            jscan_destroy(s);
            break;
        }
        uint64_t h = jscan_hash(s);
        jscan_destroy(s);
        if (c.pass == 1) {
            hash = h;
            c.layout_known = true;
            if (c.root_type != '{')
                c.dead = true;
            else if (!c.begun)
                begin(&c);
        } else if (h != hash) {
            diags_add(d, DIAG_ERROR, 0, 0, NULL, "%s",
                      _("the file changed while it was read; check it again"));
            rc = EXIT_IOERR;
            break;
        }
        bool again = false, progress = false;
        for (int k = 0; k < DATASET_SECTIONS && !c.dead; k++) {
            again = again || c.sec[k].state == SEC_WAITING;
            progress = progress || (c.sec[k].state == SEC_WAITING && ready(&c, k));
        }
        if (!again || !progress)
            break;
    }
    if (fd >= 0)
        close(fd);
    if (rc) {
        check_finish(&c);
        return rc;
    }
    size_t errors_before = d->errors;
    finish(&c);
    emit(&c);
    if (out) {
        out->hash = hash;
        out->version = c.version;
        memcpy(out->count, c.count, sizeof out->count);
    }
    check_finish(&c);
    return d->errors > errors_before ? EXIT_DATAERR : 0;
}

int dataset_hash_file(const char *path, uint64_t *hash, struct diags *d)
{
    int rc = 0, fd = open_file(path, d, &rc);
    if (fd < 0)
        return rc;
    enum { CHUNK = 1 << 20 };
    unsigned char *buf = xmalloc(CHUNK);
    uint64_t h = 0xcbf29ce484222325ULL, total = 0;
    for (;;) {
        ssize_t n = read(fd, buf, CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            /* TRANSLATORS: %s is the system's reason ("Input/output error"). */
            diags_add(d, DIAG_ERROR, 0, 0, NULL, _("cannot read: %s"), strerror(errno));
            rc = EXIT_IOERR;
            break;
        }
        if (n == 0)
            break;
        total += (uint64_t)n;
        if (total > DATASET_MAX_FILE) {
            /* TRANSLATORS: the limit, in bytes. */
            diags_add(d, DIAG_ERROR, 0, 0, NULL,
                      _("the file is larger than %llu bytes (4 GiB), the most a dataset may be"),
                      (unsigned long long)DATASET_MAX_FILE);
            rc = EXIT_DATAERR;
            break;
        }
        for (ssize_t i = 0; i < n; i++)
            h = (h ^ buf[i]) * 0x100000001b3ULL;
    }
    free(buf);
    close(fd);
    *hash = h;
    return rc;
}

int dataset_parse(const char *buf, size_t len, unsigned flags, struct dataset **out,
                  struct diags *d)
{
    struct dataset_input in = {.buf = buf, .len = len};
    struct dataset ds;
    *out = NULL;
    int rc = dataset_stream(&in, flags, NULL, &ds, d);
    if (rc == 0) {
        *out = xmalloc(sizeof **out);
        **out = ds;
    }
    return rc;
}

int dataset_load(const char *path, unsigned flags, struct dataset **out, struct diags *d)
{
    struct dataset_input in = {.path = path};
    struct dataset ds;
    *out = NULL;
    int rc = dataset_stream(&in, flags, NULL, &ds, d);
    if (rc == 0) {
        *out = xmalloc(sizeof **out);
        **out = ds;
    }
    return rc;
}

void dataset_destroy(struct dataset *ds)
{
    free(ds);
}
