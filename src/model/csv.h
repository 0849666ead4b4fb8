/* csv.h: reading and writing CSV as RFC 4180 has it (quoted fields, doubled quotes, line breaks
 * inside quotes), one row at a time with a bounded row size. */
#ifndef ITPNAV_CSV_H
#define ITPNAV_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* One row. Fields are NUL-terminated (a field holding a NUL byte is marked in problem); all of it
 * stays valid until the next csv_next. */
struct csv_row {
    size_t n;            /* fields */
    char **field;        /* field[i] */
    size_t *len;         /* its length in bytes */
    long line;           /* the line the row starts on (1-based) */
    uint64_t bytes;      /* the row's size; more than the limit: n is 0 and problem says so */
    const char *problem; /* a sentence about what is wrong with the row, or NULL */
};

struct csv_reader;

/* Read from f (not closed) with rows of at most max_row bytes (0: 4 MiB). A UTF-8 BOM is skipped.
 */
struct csv_reader *csv_open(FILE *f, size_t max_row);

/* The next row into *row: 1, or 0 at the end, or -1 on a read error (errno set). A row that is too
 * long or has an unterminated quote is still returned, with n == 0 and problem set. */
int csv_next(struct csv_reader *r, struct csv_row *row);

/* Free the reader; NULL is a no-op. */
void csv_close(struct csv_reader *r);

/* Write one field (quoted when it holds a comma, a quote, a line break or edge spaces), preceded
 * by a comma unless first. */
void csv_field(FILE *f, const char *s, bool first);

/* End a row with CRLF, as RFC 4180 asks. */
void csv_end_row(FILE *f);

#endif
