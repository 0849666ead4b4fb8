# readonly.sh: a read-only cache directory (a read-only bind mount in a private mount namespace
# when that can be made, as root ignores file modes; else chmod): the program keeps working,
# says why it works in memory, and uses a good cache it finds there.
. "$(dirname "$0")/lib.sh"

BIG="$TEST_TMP/big.json"
big_dataset "$TEST_TMP/big-v1.json" 500 v1
big_dataset "$TEST_TMP/big-v2.json" 500 v2
reference "$TEST_TMP/big-v1.json" >"$TEST_TMP/want-v1"
reference "$TEST_TMP/big-v2.json" >"$TEST_TMP/want-v2"
cp "$TEST_TMP/big-v1.json" "$BIG"

if can_unshare; then
    HOW="a read-only bind mount"
else
    HOW="chmod a-w"
fi

# readonly DIR CMD...: run CMD (as run does) with DIR read-only.
readonly_run() {
    local dir=$1
    shift
    if can_unshare; then
        run unshare -m --propagation private sh -c \
            'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"' "$dir" "$@"
    else
        chmod -R a-w "$dir"
        run "$@"
        chmod -R u+w "$dir"
    fi
}

case_begin "a read-only, empty cache directory"
rm -rf "$CACHE_DIR"
mkdir -p "$CACHE_DIR"
readonly_run "$CACHE_DIR" "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v1"
expect_stderr_line "itpnav: cannot write the cache directory $CACHE_DIR" "working in memory"
observe "($HOW) exit $STATUS, the full list; stderr: ${ERR#itpnav: }"

case_begin "a read-only cache directory holding a current cache: used as it is"
"$ITPNAV" list --data "$BIG" --format tsv >/dev/null
readonly_run "$CACHE_DIR" "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v1"
expect_stderr_empty
observe "($HOW) exit $STATUS, the full list from the cache, nothing on stderr"

case_begin "a read-only cache directory, the dataset touched but unchanged: the cache still serves"
touch -d '2001-01-01' "$BIG"
readonly_run "$CACHE_DIR" "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v1"
observe "($HOW) exit $STATUS, the full list${ERR:+; stderr: ${ERR#itpnav: }}"

case_begin "a read-only cache directory holding an old cache, the dataset changed: new data"
cp "$TEST_TMP/big-v2.json" "$BIG"
sum=$(md5sum <"$(cache_files)")
readonly_run "$CACHE_DIR" "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v2"
expect_stderr_has "working in memory"
check "the old cache is unchanged" test "$(md5sum <"$(cache_files)")" = "$sum"
check_cache_integrity
observe "($HOW) exit $STATUS, the new data from memory, the old cache unchanged; stderr: ${ERR#itpnav: }"

case_begin "a read-only XDG_CACHE_HOME where itpnav's directory does not exist yet"
rm -rf "$XDG_CACHE_HOME"
mkdir -p "$XDG_CACHE_HOME"
readonly_run "$XDG_CACHE_HOME" "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v2"
expect_stderr_has "working in memory"
observe "($HOW) exit $STATUS, the full list; stderr: ${ERR#itpnav: }"

case_begin "a read-only cache directory: show, match and check work too"
readonly_run "$XDG_CACHE_HOME" "$ITPNAV" show --data "$BIG" --format json s00001
expect_status 0
expect_json 'd["id"] == "s00001"'
readonly_run "$XDG_CACHE_HOME" "$ITPNAV" match --data "$BIG" --format tsv
expect_status 0
readonly_run "$XDG_CACHE_HOME" "$ITPNAV" check "$BIG"
expect_status 0
observe "($HOW) show, match and check exit 0"

finish
