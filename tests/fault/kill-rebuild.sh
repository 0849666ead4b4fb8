# kill-rebuild.sh: kill -9 at many points while the cache is being built, rebuilt or refreshed;
# the next start must always work, with the data of the file as it is now, and no cache file
# may ever fail SQLite's integrity check.
. "$(dirname "$0")/lib.sh"

BIG="$TEST_TMP/big.json"
big_dataset "$BIG" 2000 v1
big_dataset "$TEST_TMP/big-v2.json" 2000 v2
reference "$BIG" >"$TEST_TMP/want-v1"
reference "$TEST_TMP/big-v2.json" >"$TEST_TMP/want-v2"
cp "$BIG" "$TEST_TMP/big-v1.json"

ROUNDS=${FAULT_ROUNDS:-16}
sanitized && ROUNDS=${FAULT_ROUNDS:-8}

# The runs that are killed list one entry: loading is what they are there for.
# measure PREPARE: after PREPARE, time a run (RUN_MS) and when, from its start, a temporary
# cache file first showed (TMP_FROM) and was gone again (TMP_TO), polling every few ms.
measure() {
    "$1"
    local t0 now pid
    t0=$(now_ms)
    "$ITPNAV" list --data "$BIG" --format tsv --limit 1 >/dev/null 2>&1 &
    pid=$!
    TMP_FROM=""
    TMP_TO=""
    while kill -0 "$pid" 2>/dev/null; do
        now=$(($(now_ms) - t0))
        if [ -n "$(temp_files)" ]; then
            [ -n "$TMP_FROM" ] || TMP_FROM=$now
        elif [ -n "$TMP_FROM" ] && [ -z "$TMP_TO" ]; then
            TMP_TO=$now
        fi
        sleep 0.005
    done
    wait "$pid"
    RUN_MS=$(($(now_ms) - t0))
    : "${TMP_FROM:=0}" "${TMP_TO:=$RUN_MS}"
}

# kill_at MS: start a run, kill it with SIGKILL after MS milliseconds; sets KILLED (1 when it
# was still running) and MID_BUILD (1 when a temporary cache file existed at the kill).
kill_at() {
    "$ITPNAV" list --data "$BIG" --format tsv --limit 1 >/dev/null 2>&1 &
    local pid=$!
    sleep "$(awk "BEGIN { printf \"%.3f\", $1 / 1000 }")"
    MID_BUILD=0
    [ -n "$(temp_files)" ] && MID_BUILD=1
    KILLED=0
    kill -9 "$pid" 2>/dev/null && KILLED=1
    wait "$pid" 2>/dev/null
}

# after_kill WANT: the next run works and lists WANT; the cache is sound, temporary files go.
after_kill() {
    check_cache_integrity
    run "$ITPNAV" list --data "$BIG" --format tsv
    expect_status 0
    expect_stdout_equals "$1"
    check_cache_integrity
    [ -z "$(temp_files)" ] || fail "temporary files left after a good run: $(temp_files | tr '\n' ' ')"
}

# rounds PREPARE WANT: ROUNDS kills, each after PREPARE (a function): half of them spread evenly
# over the whole run, half over the time a temporary cache file is being written, with jitter.
rounds() {
    local prepare=$1 want=$2 r ms killed=0 mid=0 span
    measure "$prepare"
    for r in $(seq 0 $((ROUNDS - 1))); do
        "$prepare"
        if [ $((r % 2)) = 0 ]; then
            span=$((RUN_MS * 11 / 10))
            ms=$((span * r / ROUNDS + RANDOM % (span / ROUNDS + 1)))
        else
            span=$((TMP_TO - TMP_FROM + 1))
            ms=$((TMP_FROM + span * r / ROUNDS + RANDOM % (span / ROUNDS + 1)))
        fi
        kill_at "$ms"
        killed=$((killed + KILLED))
        mid=$((mid + MID_BUILD))
        after_kill "$want"
    done
    observe "a run takes $RUN_MS ms here, writing the new file from $TMP_FROM to $TMP_TO ms; $ROUNDS kills, $killed while running, $mid of them with the new file half written; every next run exited 0 with the data of the file as it was, and every cache file passed integrity_check"
}

cold() {
    rm -rf "$CACHE_DIR"
    cp "$TEST_TMP/big-v1.json" "$BIG"
}

# An old cache of v1, then the file changes to v2: a kill must leave v1's cache or v2's whole.
changed() {
    cp "$TEST_TMP/big-v1.json" "$BIG"
    "$ITPNAV" list --data "$BIG" --format tsv >/dev/null 2>&1
    cp "$TEST_TMP/big-v2.json" "$BIG"
}

# A warm cache and a touched, identical file: the identity is refreshed through a copy.
touched() {
    cp "$TEST_TMP/big-v1.json" "$BIG"
    "$ITPNAV" list --data "$BIG" --format tsv >/dev/null 2>&1
    touch -d "@$((1000000000 + RANDOM))" "$BIG"
}

case_begin "kill -9 during the first build of the cache (no cache yet)"
rounds cold "$TEST_TMP/want-v1"

case_begin "kill -9 during a rebuild after the dataset changed (an old cache in place)"
rounds changed "$TEST_TMP/want-v2"

case_begin "kill -9 while the cache of a touched, unchanged dataset is refreshed"
rounds touched "$TEST_TMP/want-v1"

case_begin "the leftovers of a killed run are removed by the next run, also on a cache hit"
# Before this test, only a rebuild swept them: a run killed while it refreshed the identity left
# a whole copy of the cache (and its journal) that every later cache hit kept.
cold
"$ITPNAV" list --data "$BIG" --format tsv >/dev/null 2>&1
sleep 0 &
dead=$!
wait "$dead"
db=$(cache_files | head -n 1)
cp "$db" "$db.tmp-$dead"
: >"$db.tmp-$dead-journal"
run "$ITPNAV" list --data "$BIG" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/want-v1"
[ -z "$(temp_files)" ] || fail "left behind: $(temp_files | tr '\n' ' ')"
observe "a cache-sized temporary file and a journal of a dead process: removed by the next run (a cache hit), which listed the right data"

case_begin "kill -9 of one run while another reads the same cache"
cold
"$ITPNAV" list --data "$BIG" --format tsv >/dev/null 2>&1
bad=0
for r in $(seq 8); do
    cp "$TEST_TMP/big-v$((r % 2 + 1)).json" "$BIG"
    "$ITPNAV" list --data "$BIG" --format tsv >"$TEST_TMP/reader.out" 2>"$TEST_TMP/reader.err" &
    reader=$!
    "$ITPNAV" list --data "$BIG" --format tsv >/dev/null 2>&1 &
    victim=$!
    sleep "0.$((RANDOM % 5))$((RANDOM % 10))"
    kill -9 "$victim" 2>/dev/null
    wait "$victim" 2>/dev/null
    wait "$reader"
    st=$?
    if [ "$st" != 0 ] || ! cmp -s "$TEST_TMP/reader.out" "$TEST_TMP/want-v$((r % 2 + 1))"; then
        bad=$((bad + 1))
        fail "round $r: the reader exited $st: $(head -n 2 "$TEST_TMP/reader.err")"
    fi
    after_kill "$TEST_TMP/want-v$((r % 2 + 1))"
done
observe "8 rounds, the file switching between two versions: every reader exited 0 with the data of the file it read ($bad failed)"

finish
