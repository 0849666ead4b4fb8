#!/usr/bin/env bash
# kiosk-data.sh: a kiosk keeps its data current (itpnav(1), "Updating a kiosk's data"): the
# update renames a new database over the --db file and sends SIGUSR1. The kiosk opens it at the
# next idle reset, never under a visitor, or at once on an untouched Home; a file that will not
# open leaves the data in use (and the reason in the operator's log); a replaced file is found
# without the signal too, at the next reset, or within an idle time on an untouched Home.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

# Two editions of a dataset: the fixture, and a later one with another title and date and one
# entry renamed; a database of each, by build-db.
A_JSON="$FIXTURES/tui-session.json"
B_JSON="$TEST_TMP/script-b.json"
python3 - "$A_JSON" "$B_JSON" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["dataset"]["title"] = "TUI test fixture, the second edition"
d["dataset"]["as_of"] = "2024-02"
for s in d["supports"]:
    if s["id"] == "toronto-study":
        s["name"] = "Toronto Exam Study Group"
json.dump(d, open(sys.argv[2], "w"))
EOF
A_DB="$TEST_TMP/script-a.db"
B_DB="$TEST_TMP/script-b.db"
"$ITPNAV" build-db --data "$A_JSON" --out "$A_DB" || fail "build-db of $A_JSON failed"
"$ITPNAV" build-db --data "$B_JSON" --out "$B_DB" || fail "build-db of $B_JSON failed"
DB="$TEST_TMP/script-kiosk.db"
cp "$A_DB" "$DB"

# install FILE: put FILE in place as the update does, by a rename over the kiosk's database.
install() {
    cp "$1" "$DB.new" && mv "$DB.new" "$DB"
}

# tell: SIGUSR1 to the kiosk, as the update does (systemctl kill --signal=SIGUSR1).
tell() {
    local pid
    pid=$(pgrep -x -P "$(tm display-message -p '#{pane_pid}')" itpnav)
    [ -n "$pid" ] || { fail "no itpnav process to signal"; return; }
    kill -USR1 "$pid"
}

# The operator's log: standard error, sent to a file by a wrapper (the journal, under systemd).
LOG="$TEST_TMP/script-log"
WRAP="$TEST_TMP/script-itpnav"
cat >"$WRAP" <<EOF
#!/bin/sh
exec "$ITPNAV" "\$@" 2>>"$LOG"
EOF
chmod +x "$WRAP"
log_has() {
    wait_until "the log says: $1 (it has: $(tr '\n' '|' <"$LOG"))" grep -qF -- "$1" "$LOG" &&
        observe "log: $(grep -F -- "$1" "$LOG" | tail -n 1)"
}

CLOCK="$TEST_TMP/script-clock"
echo 0 >"$CLOCK"
ahead=0
advance() {
    ahead=$(awk -v a="$ahead" -v s="$1" 'BEGIN { print a + s }')
    echo "$ahead" >"$CLOCK.new" && mv "$CLOCK.new" "$CLOCK"
}

# stays: let two checks of the idle clock pass (what is on screen then is what stayed).
stays() {
    sleep 0.6
    settle
    check "itpnav is still running" alive
}

A_TITLE="TUI test fixture: a session with the wizard and the shortlist"
B_TITLE="TUI test fixture, the second edition"

: >"$LOG"
ITPNAV=$WRAP start --size 80x24 --env "ITPNAV_PIN_FILE=$TEST_TMP/no-such-pin" \
    --env "ITPNAV_CLOCK_FILE=$CLOCK" -- --kiosk --idle 100 --db "$DB"

case_begin "SIGUSR1 during a visit: the visitor's screen stays on the data it shows"
wait_for "Data as of 2023-05."
expect_screen_has "$A_TITLE"
send 1
wait_for "itpnav · Supports"
expect_screen_has "Toronto Exam Study Circle"
send a
wait_for "· ★ 1"
install "$B_DB"
tell
stays
expect_row_has 0 "itpnav · Supports"
expect_row_has 0 "· ★ 1"
expect_screen_has "Toronto Exam Study Circle"
expect_screen_lacks "Toronto Exam Study Group"
send /
type_text toronto # the list searches the data it has
wait_for "Search: toronto"
expect_screen_has "Toronto Exam Study Circle"
send Escape H
wait_for "itpnav · Home"
expect_screen_has "Data as of 2023-05." # the visit goes on: a shortlist of one
expect_row_has 0 "· ★ 1"
check "nothing was logged yet ($(cat "$LOG"))" test ! -s "$LOG"

case_begin "the idle reset after it brings the new data: Home shows its title and date"
advance 101
wait_for "Data as of 2024-02." 8
expect_screen_has "$B_TITLE"
expect_screen_lacks "★"
log_has "script-kiosk.db: the new data is in use (as of 2024-02)"
send 1
wait_for "itpnav · Supports"
expect_screen_has "Toronto Exam Study Group"
expect_screen_lacks "Toronto Exam Study Circle"
send Escape
wait_for "itpnav · Home"

case_begin "on an untouched Home, SIGUSR1 brings the new data at once"
install "$A_DB"
tell
wait_for "Data as of 2023-05." 3
expect_screen_has "$A_TITLE"

case_begin "a damaged new file: the data in use stays, and the log says why"
: >"$LOG"
printf 'this is not a database\n' >"$DB.new" && mv "$DB.new" "$DB"
tell
stays
expect_screen_has "Data as of 2023-05."
log_has "script-kiosk.db: the new data cannot be used ("
log_has "keeping the data as of 2023-05"
head -c 6000 "$B_DB" >"$DB.new" && mv "$DB.new" "$DB" # cut short
tell
stays
expect_screen_has "Data as of 2023-05."
check "two refusals logged ($(cat "$LOG"))" test "$(grep -c 'cannot be used' "$LOG")" = 2
tell # the same damaged file again: not tried again
stays
check "the same file is not tried twice ($(cat "$LOG"))" \
    test "$(grep -c 'cannot be used' "$LOG")" = 2
send 1 # and the data in use still works
wait_for "itpnav · Supports"
expect_screen_has "Toronto Exam Study Circle"
expect_count 5 5

case_begin "no signal: a file replaced during a visit is found at the next idle reset"
send a
wait_for "· ★ 1"
install "$B_DB"
stays
expect_screen_has "Toronto Exam Study Circle"
advance 101
wait_for "Data as of 2024-02." 8
expect_screen_has "$B_TITLE"

case_begin "no signal: on an untouched Home, a replaced file is found within one idle time"
install "$A_DB"
stays
expect_screen_has "Data as of 2024-02."
advance 101
wait_for "Data as of 2023-05." 3
expect_screen_has "$A_TITLE"

finish
