#!/usr/bin/env bash
# errors.sh: a list that cannot be read says so where it can be read (in the list, and in the
# message above the status bar, not set while drawing after the bar was drawn nor cleared before
# anyone saw it), and its count never claims rows that are not there (adversarial run D4: "14 of
# 14" over an empty list). The errors are forced with databases made by build-db and then damaged
# with python's sqlite3: one without its list index (the count fails), one without its entry
# table (the count works, the rows do not).
. "$(dirname "$0")/lib.sh"

NOINDEX="$TEST_TMP/no-index.db"
NOENTRY="$TEST_TMP/no-entry.db"
for db in "$NOINDEX" "$NOENTRY"; do
    "$ITPNAV" build-db --data "$FIXTURES/tui-deep.json" --out "$db" >/dev/null 2>&1 ||
        { echo "build-db failed" >&2; exit 99; }
done
python3 - "$NOINDEX" "$NOENTRY" <<'EOF'
import sqlite3, sys
for path, table in ((sys.argv[1], "facet"), (sys.argv[2], "entry")):
    c = sqlite3.connect(path)
    c.execute(f"DROP TABLE {table}")
    c.commit()
    c.close()
EOF

# A damaged --db is said to be, with what to do (it is never rebuilt: the person gave it).
message_gone() { [[ "$(screen_line 22)" != *"itpnav build-db"* ]]; }

# The count "N of M" anywhere on the screen.
no_count() { ! screen | grep -Eq ' [0-9]+ of [0-9]+ *$'; }

for db in "$NOINDEX" "$NOENTRY"; do
    what=$([ "$db" = "$NOINDEX" ] && echo "without its list index" || echo "without its entries")
    start --size 80x24 -- --db "$db"

    case_begin "supports from a database $what: the error in the list, no count"
    wait_for "1  Find supports"
    send 1
    wait_for "itpnav · Supports"
    wait_for "The list cannot be shown:"
    expect_screen_matches "^  .*the database is damaged"
    check "no count is shown over a list that could not be read" no_count
    expect_screen_lacks "Nothing matches"

    case_begin "the same error above the status bar, in the first frame"
    expect_row_has 22 "write it again with 'itpnav build-db'"
    expect_row_has 23 "Enter open"

    case_begin "after a key the message goes, the list still says why it is empty"
    send j
    wait_until "the message above the status bar is gone" message_gone
    expect_screen_has "The list cannot be shown:"
    check "still no count" no_count

    case_begin "pathways from a database $what: the same"
    send Escape 2
    wait_for "itpnav · Pathways to practice"
    wait_for "The list cannot be shown:"
    check "no count" no_count
done

# A cache with damaged data pages (its header, schema and identity intact): the program either
# builds it again (the list is whole, its count true) or says the list cannot be read; never an
# empty list with a count, nor "Nothing matches".
case_begin "a cache whose entry and index pages are garbage: a whole list, or the error"
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"
wait_for "1  Find supports"
send q
wait_exit
cache=$(find "$XDG_CACHE_HOME" -name '*.db' -type f | head -n 1)
check "the program made a cache ($cache)" test -n "$cache"
python3 - "$cache" <<'EOF'
import sqlite3, sys
path = sys.argv[1]
c = sqlite3.connect(path)
size = c.execute("PRAGMA page_size").fetchone()[0]
roots = [r[0] for r in c.execute(
    "SELECT rootpage FROM sqlite_master WHERE name IN ('entry', 'facet')")]
c.close()
data = bytearray(open(path, "rb").read())
for page in roots:
    at = (page - 1) * size
    data[at:at + size] = b"\xa5" * size
open(path, "wb").write(bytes(data))
EOF
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"
wait_for "1  Find supports"
send 1
wait_for "itpnav · Supports"
settle
if screen | grep -q "The list cannot be shown:"; then
    observe "the list says it cannot be read"
    check "no count over the list that could not be read" no_count
else
    observe "the cache was built again"
    expect_count 14 14
    expect_screen_has "Canada Physicians Network"
fi
expect_screen_lacks "Nothing matches"

finish
