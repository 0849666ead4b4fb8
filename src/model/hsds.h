/* hsds.h: Open Referral HSDS 3.0 directories in and out: `itpnav import hsds` and
 * `itpnav export hsds` (spec/cli.md; the mapping is documented in itpnav(1)). */
#ifndef ITPNAV_HSDS_H
#define ITPNAV_HSDS_H

#include <stdbool.h>

/* The namespace of the UUIDs that export derives from itpnav ids (UUID version 5). */
#define HSDS_UUID_NAMESPACE "86924e37-d3c0-46ff-813b-89626607404d"

struct hsds_import_options {
    const char *source;  /* a JSON or NDJSON file, or a folder holding a tabular data package */
    const char *map;     /* the map file */
    bool map_is_default; /* the installed map: entries naming ids the base lacks are skipped */
    const char *base;    /* the dataset whose regions, goals and services the import joins */
    const char *out;     /* the dataset to write; NULL: standard output */
    bool strict;         /* any value that cannot be mapped is an error */
    const char *today;   /* YYYY-MM-DD: the date of the import */
};

/* Import o->source; reports go to standard error as they are found, then a summary line.
 * Returns 0, or an exit status (64 to 74, spec/cli.md). */
int hsds_import(const struct hsds_import_options *o);

struct hsds_export_options {
    const char *data; /* the dataset to export */
    const char *out;  /* a file (JSON), a folder (the tabular package), or NULL: standard output */
    bool tabular;     /* out is a folder */
};

/* Export o->data as HSDS 3.0. Returns 0 or an exit status. */
int hsds_export(const struct hsds_export_options *o);

#endif
