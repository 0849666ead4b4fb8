# hostile-paths.sh: names and files that are not what they seem. A path is a file name, never an
# SQLite URI (file:x.db); build-db never writes through a link, nor over a device, a FIFO or a
# directory (73), keeps a replaced database's mode, is not fooled by links planted at the
# temporary names it once used, and leaves no temporary file when it fails.
. "$(dirname "$0")/lib.sh"

DEEP="$FIXTURES/cli-deep.json"
BAD_OUT="$TEST_TMP/out"
mkdir -p "$BAD_OUT"
FDB="$BAD_OUT/deep.db"
"$ITPNAV" build-db --data "$DEEP" --out "$FDB" 2>/dev/null || {
    echo "hostile-paths.sh: build-db failed" >&2
    exit 99
}

case_begin "build-db --out file:x.db: a file named file:x.db (never an SQLite URI), nothing else left"
URI_DIR="$TEST_TMP/uri"
mkdir -p "$URI_DIR"
run_in "$URI_DIR" "$ITPNAV" build-db --data "$DEEP" --out file:x.db
expect_status 0
check "only file:x.db was written" bash -c '[ "$(ls -A "$0")" = "file:x.db" ]' "$URI_DIR"
seen="exit $STATUS, $(ls -A "$URI_DIR" | tr '\n' ' ')"
run_in "$URI_DIR" "$ITPNAV" list --db file:x.db --format tsv --limit 1
expect_status 0
expect_stdout_lines 1
run_in "$URI_DIR" "$ITPNAV" build-db --data "$DEEP" --out "file:y.db?mode=memory"
expect_status 0
check "the name is the file's, query string and all" test -s "$URI_DIR/file:y.db?mode=memory"
check "no other file" bash -c '[ "$(ls -A "$0" | wc -l)" = 2 ]' "$URI_DIR"
observe "$seen; list --db file:x.db reads it; file:y.db?mode=memory is a file of that name"

case_begin "a HOME named file:home (so the cache is file:home/.cache/...) and a dataset file:data.json"
cp "$DEEP" "$URI_DIR/file:data.json"
run_in "$URI_DIR" env -u XDG_CACHE_HOME HOME=file:home "$ITPNAV" list --data file:data.json --format tsv
expect_status 0
expect_stdout_equals "$(reference "$DEEP")"
check "the cache is in file:home" bash -c 'ls "$0"/file:home/.cache/itpnav/dataset-*.db' "$URI_DIR"
run_in "$URI_DIR" env -u XDG_CACHE_HOME HOME=file:home "$ITPNAV" list --data file:data.json --format tsv
expect_status 0
expect_stderr_empty
check "nothing but file:home/.cache/itpnav/dataset-*.db" bash -c \
    '[ "$(find "$0/file:home" -type f | wc -l)" = 1 ]' "$URI_DIR"
observe "exit $STATUS, the full list twice (the second from the cache), nothing on stderr"

case_begin "build-db --out file:z.db failing (a file-size limit): 74, no temporary file left"
run_in "$URI_DIR" bash -c 'ulimit -f 64 && exec "$0" build-db --data "$1" --out file:z.db' \
    "$ITPNAV" "$SOURCE_ROOT/data/itpnav.json"
expect_status 74
expect_stderr_line "itpnav: file:z.db: cannot write:" "File too large"
check "nothing left beside the others" bash -c '! ls -A "$0" | grep -q "z.db"' "$URI_DIR"
observe "exit $STATUS, no file left; stderr: ${ERR#itpnav: }"

case_begin "build-db --out a symbolic link: 73, neither followed nor replaced"
printf 'precious\n' >"$TEST_TMP/victim"
ln -s "$TEST_TMP/victim" "$TEST_TMP/link.db"
run "$ITPNAV" build-db --data "$DEEP" --out "$TEST_TMP/link.db"
expect_status 73
expect_stderr_line "itpnav: $TEST_TMP/link.db: cannot write:" "symbolic link"
check "the link is still a link" test -L "$TEST_TMP/link.db"
check "its target is untouched" test "$(cat "$TEST_TMP/victim")" = precious
observe "exit $STATUS, the link and its target untouched; stderr: ${ERR#itpnav: }"

case_begin "build-db --out a device, a FIFO or a directory: 73, left as it is"
SPECIAL="$TEST_TMP/special"
mkdir -p "$SPECIAL/dir.db"
mkfifo "$SPECIAL/fifo.db"
# A character device like /dev/null (never the real one: as root, a rename would replace it).
if mknod "$SPECIAL/null" c 1 3 2>/dev/null; then
    device="a character device (1,3)"
else
    ln -s /dev/null "$SPECIAL/null" # a link to the device stands in for it
    device="a link to /dev/null (mknod not allowed)"
fi
for t in "$SPECIAL/fifo.db" "$SPECIAL/dir.db" "$SPECIAL/null"; do
    run timeout 20 "$ITPNAV" build-db --data "$DEEP" --out "$t"
    expect_status 73
    expect_stderr_line "itpnav: $t: cannot write:"
done
check "the FIFO is still a FIFO" test -p "$SPECIAL/fifo.db"
check "the directory is still empty" bash -c '[ -z "$(ls -A "$0")" ]' "$SPECIAL/dir.db"
check "the device (or its link) is still there" bash -c '[ -c "$0" ] || [ -L "$0" ]' "$SPECIAL/null"
check "no temporary file left" bash -c '! ls "$0" | grep -q tmp-' "$SPECIAL"
observe "a FIFO, a directory and $device: exit 73 each, all left as they were; stderr: ${ERR#itpnav: }"

case_begin "build-db over an existing database keeps its mode"
cp "$FDB" "$BAD_OUT/mode.db"
chmod 640 "$BAD_OUT/mode.db"
run "$ITPNAV" build-db --data "$DEEP" --out "$BAD_OUT/mode.db"
expect_status 0
check "still 640" test "$(stat -c %a "$BAD_OUT/mode.db")" = 640
observe "exit $STATUS, mode $(stat -c %a "$BAD_OUT/mode.db")"

case_begin "build-db with links planted at the temporary names it once used (OUT.tmp-PID, -fts)"
PLANT="$TEST_TMP/plant"
mkdir -p "$PLANT"
printf 'precious\n' >"$PLANT/victim"
run bash -c 'ln -s victim "$1/out.db.tmp-$$" && ln -s victim "$1/out.db.tmp-$$-fts" &&
    exec "$0" build-db --data "$2" --out "$1/out.db"' "$ITPNAV" "$PLANT" "$DEEP"
expect_status 0
check "the victim is untouched" test "$(cat "$PLANT/victim")" = precious
check "the database is a file of its own" bash -c '[ -f "$0" ] && [ ! -L "$0" ]' "$PLANT/out.db"
run "$ITPNAV" list --db "$PLANT/out.db" --format tsv --limit 1
expect_status 0
observe "exit 0, the link's target untouched, the database a file of its own"

case_begin "export hsds into a folder with links planted at its old temporary names (DIR/.TABLE.tmp)"
PKG="$TEST_TMP/pkg"
mkdir -p "$PKG"
printf 'precious\n' >"$TEST_TMP/victim-pkg"
for t in services organizations locations service_areas taxonomy_terms datapackage.json; do
    case $t in *.json) name=".$t.tmp" ;; *) name=".$t.csv.tmp" ;; esac
    ln -s "$TEST_TMP/victim-pkg" "$PKG/$name"
done
run "$ITPNAV" export hsds --data "$SOURCE_ROOT/data/itpnav.json" --out "$PKG/"
expect_status 0
check "the victim is untouched" test "$(cat "$TEST_TMP/victim-pkg")" = precious
check "services.csv is a file of its own" bash -c '[ -f "$0" ] && [ ! -L "$0" ]' "$PKG/services.csv"
check "datapackage.json is a file of its own" bash -c '[ -f "$0" ] && [ ! -L "$0" ]' \
    "$PKG/datapackage.json"
check "no temporary file of its own left" bash -c '! ls -A "$0" | grep -q "\.tmp-"' "$PKG"
observe "exit $STATUS, the links' target untouched, the tables files of their own"

finish
