# disk-full.sh: a full disk, as a file-size limit (ulimit -f) and as a tiny tmpfs (when mount
# namespaces can be made): a clear message, the program keeps working, nothing is lost.
. "$(dirname "$0")/lib.sh"

BIG="$TEST_TMP/big.json"
big_dataset "$TEST_TMP/big-v1.json" 1000 v1
big_dataset "$TEST_TMP/big-v2.json" 1000 v2
reference "$TEST_TMP/big-v1.json" >"$TEST_TMP/want-v1"
reference "$TEST_TMP/big-v2.json" >"$TEST_TMP/want-v2"
cp "$TEST_TMP/big-v1.json" "$BIG"

# limited KIB CMD...: CMD with writes limited to KIB KiB a file.
limited() {
    local kib=$1
    shift
    (ulimit -f "$kib" && exec "$@")
}

case_begin "a file-size limit of 64 KiB while the cache is first built"
# Before this test, SIGXFSZ killed itpnav (status 153) mid-write and left the temporary file.
rm -rf "$CACHE_DIR"
run limited 64 "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v1"
expect_stderr_line "itpnav: cannot write the cache in $CACHE_DIR" "File too large" "working in memory"
[ -z "$(temp_files)" ] || fail "temporary files left: $(temp_files | tr '\n' ' ')"
[ -z "$(cache_files)" ] || fail "a cache file was left: $(cache_files)"
observe "exit $STATUS, the full list from memory; stderr: ${ERR#itpnav: }"

case_begin "a file-size limit while a changed dataset is rebuilt: the old cache stays whole"
rm -rf "$CACHE_DIR"
"$ITPNAV" list --data "$BIG" --format tsv >/dev/null
old=$(cache_files)
sum=$(md5sum <"$old")
cp "$TEST_TMP/big-v2.json" "$BIG"
run limited 64 "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v2"
expect_stderr_has "working in memory"
check "the old cache file is unchanged" test "$(md5sum <"$old")" = "$sum"
check_cache_integrity
[ -z "$(temp_files)" ] || fail "temporary files left: $(temp_files | tr '\n' ' ')"
# Without the limit the next run rebuilds, and the cache then holds the new data.
run "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v2"
expect_stderr_empty
check_cache_integrity
observe "exit 0 with the new data from memory; the old cache byte for byte the same and sound; the next run without the limit rebuilt it"
cp "$TEST_TMP/big-v1.json" "$BIG"

case_begin "build-db under a file-size limit: 74, and an existing database is left as it was"
"$ITPNAV" build-db --data "$FIXTURES/cli-deep.json" --out "$TEST_TMP/kiosk.db" 2>/dev/null
sum=$(md5sum <"$TEST_TMP/kiosk.db")
run limited 64 "$ITPNAV" build-db --data "$BIG" --out "$TEST_TMP/kiosk.db"
expect_status 74
expect_stderr_line "itpnav: $TEST_TMP/kiosk.db: cannot write" "File too large"
check "the database is unchanged" test "$(md5sum <"$TEST_TMP/kiosk.db")" = "$sum"
check "no temporary file beside it" bash -c '! ls "$0"/kiosk.db.tmp-* 2>/dev/null' "$TEST_TMP"
observe "exit $STATUS; stderr: ${ERR#itpnav: }; the old database unchanged"

case_begin "list's output to a file over the limit: 74 with the reason"
run bash -c 'ulimit -f 16 && exec "$0" list --data "$1" --format tsv >"$2"' "$ITPNAV" "$BIG" "$TEST_TMP/out.tsv"
expect_status 74
expect_stderr_line "itpnav: cannot write the output" "File too large"
observe "exit $STATUS; stderr: ${ERR#itpnav: }"

# ---- a real full file system: a tmpfs of 256 KiB in a private mount namespace ----

# in_tmpfs SCRIPT ARGS...: run the shell SCRIPT with a fresh 256 KiB tmpfs on $TEST_TMP/fs, in a
# mount namespace of its own (gone when it ends); $ITPNAV, $BIG and friends are exported.
in_tmpfs() {
    local script=$1
    shift
    mkdir -p "$TEST_TMP/fs"
    unshare -m --propagation private sh -c "mount -t tmpfs -o size=256k tmpfs '$TEST_TMP/fs' || exit 98
$script" sh "$@"
}
export ITPNAV BIG TEST_TMP XDG_CACHE_HOME

if can_unshare; then
    case_begin "a tmpfs of 256 KiB as the cache directory: the cache does not fit"
    run in_tmpfs 'XDG_CACHE_HOME=$TEST_TMP/fs exec "$ITPNAV" list --data "$BIG" --format tsv'
    expect_status 0
    expect_stdout_equals "$TEST_TMP/want-v1"
    expect_stderr_line "itpnav: cannot write the cache in $TEST_TMP/fs/itpnav" "disk is full" "working in memory"
    observe "exit $STATUS, the full list from memory; stderr: ${ERR#itpnav: }"

    case_begin "a full tmpfs holding a good cache, then a changed dataset: the old cache stays whole"
    run in_tmpfs '
        export XDG_CACHE_HOME=$TEST_TMP/fs
        "$ITPNAV" list --data "$1" --format tsv >/dev/null || exit 97
        old=$(ls $TEST_TMP/fs/itpnav/*.db)
        before=$(md5sum <"$old")
        dd if=/dev/zero of=$TEST_TMP/fs/filler bs=1k 2>/dev/null
        "$ITPNAV" list --data "$BIG" --format tsv || exit 96
        [ "$(md5sum <"$old")" = "$before" ] || exit 95
        [ "$(sqlite3 "file:$old?mode=ro" "PRAGMA integrity_check")" = ok ] || exit 94
        ls $TEST_TMP/fs/itpnav | grep -q tmp- && exit 93
        exit 0' "$FIXTURES/cli-deep.json"
    expect_status 0
    expect_stdout_equals "$TEST_TMP/want-v1"
    expect_stderr_has "working in memory"
    observe "exit $STATUS with the new data; the other cache on the full disk unchanged and sound, no temporary file left; stderr: ${ERR#itpnav: }"

    case_begin "build-db onto a full tmpfs: 74, no partial file, no temporary file"
    run in_tmpfs '"$ITPNAV" build-db --data "$BIG" --out "$TEST_TMP/fs/kiosk.db"; rc=$?
        left=$(ls -A "$TEST_TMP/fs")
        [ -z "$left" ] || { echo "left on the file system: $left" >&2; exit 93; }
        exit $rc'
    expect_status 74
    expect_stderr_has "disk is full"
    expect_stderr_lacks "left on the file system"
    observe "exit $STATUS, the file system empty after; stderr: ${ERR#itpnav: }"

    case_begin "build-db --out file:x.db onto a full tmpfs: 74, nothing left"
    run in_tmpfs 'cd "$TEST_TMP/fs" && "$ITPNAV" build-db --data "$BIG" --out file:x.db; rc=$?
        left=$(ls -A "$TEST_TMP/fs")
        [ -z "$left" ] || { echo "left on the file system: $left" >&2; exit 93; }
        exit $rc'
    expect_status 74
    expect_stderr_line "itpnav: file:x.db: cannot write:" "disk is full"
    observe "exit $STATUS, the file system empty after; stderr: ${ERR#itpnav: }"
else
    case_begin "a tiny tmpfs (skipped: mount namespaces cannot be made here)"
    observe "skipped"
fi

finish
