#!/bin/bash
# crash.sh: kill -9 while the shortlist or a note is being saved: on restart the state file is
# whole and nothing saved before is lost (issue 6, "Faults and data safety").
. "$(dirname "$0")/lib.sh"

DATA="$FIXTURES/tui-deep.json"
STATE="$XDG_DATA_HOME/itpnav/state.db"
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed; skipping"; exit 77; }

# The itpnav process in the pane: the child of the pane's shell.
itpnav_pid() {
    pgrep -P "$(pane_value '#{pane_pid}')" -x itpnav | head -n 1
}

saved_ids() {
    [ -f "$STATE" ] || return 0
    sqlite3 "$STATE" "SELECT kind || ':' || id || ':' || note FROM item ORDER BY id" 2>/dev/null
}

# subset A B: every line of A is a line of B.
subset() {
    [ -z "$1" ] && return 0
    [ -z "$(comm -23 <(sort <<<"$1") <(sort <<<"$2"))" ]
}

# killed PID: wait until the process is gone (its EXITED line may be wrapped or scattered, as the
# terminal is left raw after kill -9).
killed() {
    local i=0
    while kill -0 "$1" 2>/dev/null; do
        if [ "$i" -ge 100 ]; then
            fail "the program did not end after kill -9"
            return 1
        fi
        sleep 0.05
        i=$((i + 1))
    done
    sleep 0.1
}

start_list() {
    start -- --data "$DATA"
    wait_for "Find supports" || return 1
    send 1
    wait_for "itpnav · Supports"
}

case_begin "kill -9 right after a (save to the shortlist), 12 rounds: the file is whole, nothing earlier lost"
for round in $(seq 1 12); do
    start_list || break
    for _ in $(seq 2 "$round"); do send Down; done # a new row each round: only additions
    settle
    before=$(saved_ids)
    pid=$(itpnav_pid)
    [ -n "$pid" ] || { fail "round $round: no itpnav process found"; break; }
    send a
    # Anywhere from before the write starts to after it ends.
    sleep "0.0$((RANDOM % 6))"
    kill -9 "$pid" 2>/dev/null
    killed "$pid" || break
    if [ -f "$STATE" ]; then
        check "round $round: integrity_check says ok" \
            test "$(sqlite3 "$STATE" 'PRAGMA integrity_check')" = ok
    fi
    after=$(saved_ids)
    subset "$before" "$after" || fail "round $round: lost entries: $(comm -23 <(sort <<<"$before") <(sort <<<"$after") | tr '\n' ' ')"
done
n=$(saved_ids | grep -c . || true)
check "some saves got through before the kills (got $n)" test "$n" -ge 1

case_begin "after the kills the program starts and shows the shortlist it has"
start -- --data "$DATA"
wait_for "Find supports"
send l
wait_for "Your shortlist: $(saved_ids | grep -c .) entr"

case_begin "kill -9 while a note is saved: the entries and earlier notes stay"
for round in 1 2 3 4 5; do
    start -- --data "$DATA"
    wait_for "Find supports" || break
    send l
    wait_for "Your shortlist" || break
    before=$(saved_ids)
    send n
    wait_for "Note on" || break
    send C-u
    type_text "note $round"
    pid=$(itpnav_pid)
    send Enter
    sleep "0.0$((RANDOM % 4))"
    kill -9 "$pid" 2>/dev/null
    killed "$pid" || break
    check "round $round: integrity_check says ok" \
        test "$(sqlite3 "$STATE" 'PRAGMA integrity_check')" = ok
    after=$(saved_ids)
    # The same entries; the first one's note is the old or the new one, never something else.
    check "round $round: the same entries" test "$(cut -d: -f1,2 <<<"$before")" = "$(cut -d: -f1,2 <<<"$after")"
    first_before=$(sqlite3 "$STATE" "SELECT note FROM item ORDER BY pos LIMIT 1")
    # A kill before the Enter was read leaves an earlier round's note: any whole note is right.
    case $first_before in
    "") ;;
    "note "[1-$round]) ;;
    *) fail "round $round: the note is \"$first_before\"" ;;
    esac
done

finish
