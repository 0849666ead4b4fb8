# stream-memory.sh: a first run reads the dataset one record at a time (issue 19), so it works in a
# memory that the whole file's parsed tree would not fit in. A generated 20,000-entry file (19 MB
# of JSON, about 130 MB as a cJSON tree) is checked and loaded under a 64 MB limit on the data
# segment (setrlimit RLIMIT_DATA, ulimit -d): what the loader keeps while it reads, the build's
# page cache, the full-text thread's stack and its pending terms. Parsing the whole tree at once
# (the loader before issue 19) needs about 110 MB here and ends 71, "out of memory".
#
# RLIMIT_DATA, not RLIMIT_AS (ulimit -v): the address space also counts what is reserved and never
# touched (glibc's 64 MB arena for the second thread, the libraries' mappings), about 120 MB that
# has nothing to do with the file. Skipped under ASan, which reserves terabytes of shadow memory.
. "$(dirname "$0")/lib.sh"

LIMIT_KB=65536 # the goal of issue 19: a first run at most 64 MB

DATA="$TEST_TMP/d20k.json"
big_dataset "$DATA" 20000 v1

# limited KB CMD...: run CMD with its data segment limited to KB KiB.
limited() {
    local kb=$1
    shift
    run bash -c 'ulimit -d "$0" && exec "$@"' "$kb" "$@"
}

if sanitized; then
    case_begin "a first run in 64 MB (skipped: AddressSanitizer reserves terabytes of memory)"
    observe "skipped under ASan"
    finish
fi

case_begin "the limit bites: a first run with 16 MB of data ends 71, 'out of memory'"
rm -rf "$CACHE_DIR"
limited 16384 "$ITPNAV" list --data "$DATA" --limit 1 --format tsv
expect_status 71
expect_stderr_has "itpnav: out of memory"
observe "exit $STATUS"

case_begin "check of 20,000 entries in 64 MB: valid, every support counted"
limited "$LIMIT_KB" "$ITPNAV" check "$DATA"
expect_status 0
expect_stdout_has "valid: 20000 supports"
observe "exit $STATUS"

case_begin "a first run of 20,000 entries in 64 MB builds the cache and lists what a run without a limit lists"
run env -u XDG_CACHE_HOME -u HOME "$ITPNAV" list --data "$DATA" --limit 30 --format tsv
cp "$OUT_FILE" "$TEST_TMP/want.tsv"
[ "$STATUS" = 0 ] && [ -s "$TEST_TMP/want.tsv" ] || fail "the reference list failed"
rm -rf "$CACHE_DIR"
limited "$LIMIT_KB" "$ITPNAV" list --data "$DATA" --limit 30 --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want.tsv"
[ -n "$(cache_files)" ] || fail "no cache was written"
[ -z "$(temp_files)" ] || fail "temporary files left: $(temp_files)"
check_cache_integrity
observe "exit $STATUS"

case_begin "the next run reads that cache, still in 64 MB"
limited "$LIMIT_KB" "$ITPNAV" list --data "$DATA" --search mentorship --limit 5 --format tsv
expect_status 0
[ "$(wc -l <"$OUT_FILE")" -ge 1 ] || fail "mentorship found nothing"
observe "exit $STATUS"

finish
