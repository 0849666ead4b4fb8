#!/bin/sh
# no-sql.sh: only src/model speaks SQL. Fails when SQLite (sqlite3_ calls, <sqlite3.h>, the
# sqlite3 type) or the store's inside (store_impl.h, store_build.h) appears in src/ outside
# src/model/: the front ends and the screens go through the model's functions.
#
#     no-sql.sh [SOURCE_ROOT]
set -u
root=${1:-${SOURCE_ROOT:-.}}
cd "$root" || exit 2
[ -d src/model ] || { echo "no-sql.sh: $root has no src/model" >&2; exit 2; }

outside=$(find src -name '*.[ch]' ! -path 'src/model/*' | sort)
[ -n "$outside" ] || { echo "no-sql.sh: no source files outside src/model" >&2; exit 2; }

# shellcheck disable=SC2086 # the file names have no spaces
hits=$(grep -nE 'sqlite3|#include *"store_(impl|build)\.h"' $outside)
if [ -n "$hits" ]; then
    echo "FAIL: SQLite or the store's inside outside src/model/ (use the model's functions):"
    printf '%s\n' "$hits"
    exit 1
fi
echo "ok: $(printf '%s\n' "$outside" | wc -l) files outside src/model, none speaks SQL"
