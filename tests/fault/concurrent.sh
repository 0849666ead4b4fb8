# concurrent.sh: two instances at once on the same cache (a counsellor's two terminals): both
# start on an empty cache together, both keep working while a third run rebuilds the cache under
# them after the dataset changed, and runs racing a changing file each see one whole version.
. "$(dirname "$0")/../tui/lib.sh"

GEN="$(dirname "$0")/gen-dataset.py"
BIG="$TEST_TMP/big.json"
python3 "$GEN" "$FIXTURES/cli-deep.json" "$TEST_TMP/big-v1.json" 1000 v1
python3 "$GEN" "$FIXTURES/cli-deep.json" "$TEST_TMP/big-v2.json" 1000 v2
cp "$TEST_TMP/big-v1.json" "$BIG"
nocache() {
    env -u XDG_CACHE_HOME -u HOME "$ITPNAV" "$@"
}
nocache list --data "$TEST_TMP/big-v1.json" --format tsv >"$TEST_TMP/want-v1"
nocache list --data "$TEST_TMP/big-v2.json" --format tsv >"$TEST_TMP/want-v2"
EXAM_V1=$(nocache list --data "$TEST_TMP/big-v1.json" --kind support --search exam --format tsv | wc -l)

# Each instance on a tmux server of its own, as two terminals would be.
BASE_SOCKET=$TMUX_SOCKET
on() {
    TMUX_SOCKET="$BASE_SOCKET-$1"
    SESSION=$1
}
_concurrent_exit() {
    local s
    for s in a b c; do
        TMUX_SOCKET="$BASE_SOCKET-$s" tm kill-server >/dev/null 2>&1
    done
    TMUX_SOCKET=$BASE_SOCKET
}
trap '_concurrent_exit; _lib_exit' EXIT

errors_on_screen() {
    ! screen | grep -qiE 'query failed|error|malformed|readonly|locked|cannot'
}

case_begin "two instances started at once on an empty cache"
rm -rf "$XDG_CACHE_HOME/itpnav"
on a
start --size 100x30 -- --data "$BIG"
on b
start --size 100x30 -- --data "$BIG"
for s in a b; do
    on $s
    wait_for "Find supports" 10
    send 1
    expect_count 1000 1000
    send /
    type_text "exam"
    expect_count "$EXAM_V1" 1000
    send Enter Enter
    wait_for "itpnav · Detail"
    check "instance $s shows no error" errors_on_screen
done
on a
A_SCREEN=$(screen)
on b
[ "$A_SCREEN" = "$(screen)" ] || fail "the two instances show different screens after the same keys"
observe "both listed 1000 of 1000, found $EXAM_V1 for 'exam' and opened the same detail; the same screens, no error"

case_begin "both keep working while a third run rebuilds the cache under them"
cp "$TEST_TMP/big-v2.json" "$BIG"
"$ITPNAV" list --data "$BIG" --format tsv >"$TEST_TMP/third.out" 2>"$TEST_TMP/third.err"
st=$?
[ "$st" = 0 ] || fail "the third run exited $st: $(head -n 1 "$TEST_TMP/third.err")"
cmp -s "$TEST_TMP/third.out" "$TEST_TMP/want-v2" || fail "the third run did not list the new data"
for s in a b; do
    on $s
    send Escape
    wait_for "itpnav · Supports"
    send / C-u
    expect_count 1000 1000
    type_text "mentor"
    wait_for "Search: mentor"
    send Escape End Enter
    wait_for "itpnav · Detail"
    check "instance $s shows no error" errors_on_screen
    check "instance $s still shows the data it loaded (v1)" bash -c '! grep -q "Support v2" <<<"$0"' "$(screen)"
done
on a
A_SCREEN=$(screen)
on b
[ "$A_SCREEN" = "$(screen)" ] || fail "the two instances show different screens after the same keys"
observe "the third run exited $st with the new data; both instances searched, scrolled and opened entries from the data they had loaded, without an error"

case_begin "a third instance started after the change shows the new data"
on c
start --size 100x30 -- --data "$BIG"
wait_for "Find supports" 10
send 1
expect_count 1000 1000
wait_for "Support v2"
send q
wait_exit
check "c: exit status 0" test "$(exit_status)" = 0
observe "it listed the new names (Support v2 ...) and quit with status $(exit_status)"

case_begin "both first instances quit cleanly"
for s in a b; do
    on $s
    send q
    wait_exit
    check "$s: exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
    expect_screen_has "TTY:same"
done
observe "both exited 0 with the terminal modes as before"
_concurrent_exit

case_begin "runs racing a file that changes under them: each lists one whole version"
bad=0
runs=0
for round in $(seq 12); do
    rm -rf "$XDG_CACHE_HOME/itpnav"
    [ $((round % 3)) = 0 ] || "$ITPNAV" list --data "$BIG" --format tsv >/dev/null 2>&1
    for i in 1 2 3 4; do
        ("$ITPNAV" list --data "$BIG" --format tsv >"$TEST_TMP/r$i.out" 2>"$TEST_TMP/r$i.err"
         echo $? >"$TEST_TMP/r$i.st") &
    done
    sleep "0.0$((RANDOM % 10))"
    cp "$TEST_TMP/big-v$((round % 2 + 1)).json" "$TEST_TMP/next.json"
    mv "$TEST_TMP/next.json" "$BIG"
    wait
    for i in 1 2 3 4; do
        runs=$((runs + 1))
        if [ "$(cat "$TEST_TMP/r$i.st")" != 0 ] ||
            { ! cmp -s "$TEST_TMP/r$i.out" "$TEST_TMP/want-v1" &&
              ! cmp -s "$TEST_TMP/r$i.out" "$TEST_TMP/want-v2"; }; then
            bad=$((bad + 1))
            fail "round $round run $i: status $(cat "$TEST_TMP/r$i.st"), $(head -n 1 "$TEST_TMP/r$i.err")"
        fi
    done
    for f in "$XDG_CACHE_HOME"/itpnav/dataset-*.db; do
        [ -e "$f" ] || continue
        r=$(sqlite3 "file:$f?mode=ro" 'PRAGMA integrity_check' 2>&1)
        [ "$r" = ok ] || fail "round $round: the cache is corrupt: $r"
    done
done
observe "$runs runs in 12 rounds of 4, the file replaced by the other version mid-way: $bad failed or mixed versions; every cache passed integrity_check"

finish
