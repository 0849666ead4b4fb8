# damaged-cache.sh: a cache whose pages are damaged (its header, schema and identity intact, so
# that only a query finds it) or whose tables are missing is rebuilt once from the dataset, with a
# notice, and the answer is right; a second failure is reported, never looped on; a damaged --db
# file (the person's own, read-only) is said to be damaged, with status 74; an SQL failure is
# never an unknown id.
. "$(dirname "$0")/lib.sh"

DATA="$SOURCE_ROOT/data/itpnav.json"
cp "$DATA" "$TEST_TMP/data.json"
DATA="$TEST_TMP/data.json"
env -u XDG_CACHE_HOME -u HOME "$ITPNAV" list --data "$DATA" --format tsv >"$TEST_TMP/want-list"
env -u XDG_CACHE_HOME -u HOME "$ITPNAV" match --data "$DATA" --region ontario --format tsv \
    >"$TEST_TMP/want-match"
env -u XDG_CACHE_HOME -u HOME "$ITPNAV" show --data "$DATA" aipso --format tsv >"$TEST_TMP/want-show"
[ -s "$TEST_TMP/want-list" ] && [ -s "$TEST_TMP/want-match" ] && [ -s "$TEST_TMP/want-show" ] || {
    echo "damaged-cache.sh: no reference output" >&2
    exit 99
}

# fresh_cache: a new, good cache of $DATA.
fresh_cache() {
    rm -rf "$CACHE_DIR"
    "$ITPNAV" list --data "$DATA" --limit 1 >/dev/null 2>&1
    CACHE=$(cache_files)
    [ -n "$CACHE" ] || fail "no cache was built"
}

NOTICE="itpnav: the cache was damaged; rebuilt from $DATA"

for cmd in list match show; do
    case $cmd in
    list) args=(list --data "$DATA" --format tsv) ;;
    match) args=(match --data "$DATA" --region ontario --format tsv) ;;
    show) args=(show --data "$DATA" aipso --format tsv) ;;
    esac
    case_begin "$cmd on a cache with damaged pages: rebuilt once, with a notice, the right answer"
    fresh_cache
    damage_pages "$CACHE" || fail "cannot damage $CACHE"
    run "$ITPNAV" "${args[@]}"
    expect_status 0
    expect_stdout_equals "$TEST_TMP/want-$cmd"
    expect_stderr_line "$NOTICE"
    expect_stderr_count 'damaged' 1
    expect_stderr_lacks "unknown id"
    seen="exit $STATUS, the right answer; stderr: ${ERR//$'\n'/ / }"
    run "$ITPNAV" "${args[@]}"
    expect_status 0
    expect_stdout_equals "$TEST_TMP/want-$cmd"
    expect_stderr_empty
    [ -z "$(temp_files)" ] || fail "temporary files left: $(temp_files | tr '\n' ' ')"
    observe "$seen; the next run: exit $STATUS, the same answer, nothing on stderr"
done

case_begin "a damaged index of ids: show finds the entry (never 'unknown id ... did you mean' itself)"
fresh_cache
pages=$(sqlite3 "file:$CACHE?mode=ro" "SELECT group_concat(pageno) FROM dbstat WHERE name = 'entry_id'")
# Its cells emptied, the index stays a well-formed page that lists nothing.
python3 - "$CACHE" "$pages" <<'PY'
import sys
path, pages = sys.argv[1], [int(p) for p in sys.argv[2].split(",")]
data = bytearray(open(path, "rb").read())
for p in pages:
    start = (p - 1) * 4096
    data[start:start + 4096] = bytes([0x0a, 0, 0, 0, 0, 0x10, 0, 0]) + bytes(4088)
open(path, "r+b").write(data)
PY
run "$ITPNAV" show --data "$DATA" aipso --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-show"
expect_stderr_line "$NOTICE"
expect_stderr_lacks "unknown id"
observe "exit $STATUS, the entry; stderr: ${ERR//$'\n'/ / }"

for table in facet entry_item region_closure entry_fts; do
    case_begin "a cache of the right version and identity without its table $table: rebuilt"
    fresh_cache
    sqlite3 "$CACHE" "DROP TABLE $table" || fail "cannot drop $table"
    # Between them, these read every table: one of them finds the loss and rebuilds.
    run "$ITPNAV" list --data "$DATA" --format tsv --region ontario --search doctor
    expect_status 0
    err1=$ERR
    run "$ITPNAV" show --data "$DATA" aipso --format tsv
    expect_status 0
    expect_stdout_equals "$TEST_TMP/want-show"
    err2=$ERR
    run "$ITPNAV" match --data "$DATA" --region ontario --format tsv
    expect_status 0
    expect_stdout_equals "$TEST_TMP/want-match"
    all="$err1$err2$ERR"
    [ "$(grep -c "the cache was damaged; rebuilt" <<<"$all")" = 1 ] ||
        fail "expected one notice of the rebuild, got: $all"
    [ "$(sqlite3 "file:$CACHE?mode=ro" "SELECT count(*) FROM sqlite_schema WHERE name = '$table'")" = 1 ] ||
        fail "the cache still lacks $table"
    observe "list, show and match exit $STATUS with the right answers; one notice: ${all//$'\n'/ / }"
done

case_begin "the cache damaged and the dataset no longer valid: reported once, never looped"
fresh_cache
damage_pages "$CACHE" || fail "cannot damage $CACHE"
# The same size and time, so that the cache still looks current, but not JSON.
size=$(stat -c %s "$DATA")
cp -p "$DATA" "$TEST_TMP/good.json"
head -c "$size" /dev/zero | tr '\0' 'x' >"$TEST_TMP/bad.json"
cat "$TEST_TMP/bad.json" >"$DATA"
touch -r "$TEST_TMP/good.json" "$DATA"
run timeout 60 "$ITPNAV" list --data "$DATA" --format tsv
expect_status 74
expect_stdout_empty
expect_stderr_line "itpnav: query failed:" "the cache was damaged" "cannot be loaded to rebuild it"
expect_stderr_count '^itpnav:' 1
seen="exit $STATUS; stderr: ${ERR//$'\n'/ / }"
[ -z "$(cache_files)" ] || fail "the damaged cache is still there: $(cache_files)"
run "$ITPNAV" list --data "$DATA" --format tsv
expect_status 65
observe "$seen; the damaged cache removed, the next run: exit $STATUS (the dataset is invalid)"
cp -p "$TEST_TMP/good.json" "$DATA"

case_begin "a damaged --db file: 74, said to be damaged, left as it is"
"$ITPNAV" build-db --data "$DATA" --out "$TEST_TMP/kiosk.db" 2>/dev/null
damage_pages "$TEST_TMP/kiosk.db" || fail "cannot damage kiosk.db"
sum=$(md5sum <"$TEST_TMP/kiosk.db")
for args in "list" "match --region ontario" "show aipso"; do
    # shellcheck disable=SC2086
    run "$ITPNAV" $args --db "$TEST_TMP/kiosk.db"
    expect_status 74
    expect_stderr_line "itpnav: $TEST_TMP/kiosk.db: the database is damaged" "build-db"
    expect_stderr_lacks "unknown id"
done
check "the --db file is unchanged" test "$(md5sum <"$TEST_TMP/kiosk.db")" = "$sum"
observe "list, match and show exit $STATUS; stderr: ${ERR//$'\n'/ / }"

finish
