#!/usr/bin/env bash
# plain.sh: the line-by-line mode on a terminal (TERM=dumb, --plain): no full-screen drawing and
# no escape sequence; and the two modes share one person: the shortlist and the answers given in
# the line mode are the screen's, and a new client started in the line mode leaves the screen
# empty. (Transcripts of the line mode itself, stdin from a file: tests/plain/.)
. "$(dirname "$0")/lib.sh"

DEEP=(--data "$FIXTURES/tui-deep.json")
SESSION=(--data "$FIXTURES/tui-session.json")

# plain INPUT ARGS...: the line mode with INPUT on standard input (not a terminal), in this
# script's home, so that it shares the state file with the screen started by `start`.
plain() {
    local input=$1
    shift
    printf '%s' "$input" >"$TEST_TMP/in"
    (cd "$TEST_TMP" && env -u NO_COLOR -u COLUMNS TERM=xterm-256color LANG=C.UTF-8 "$ITPNAV" "$@") \
        <"$TEST_TMP/in" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
    STATUS=$?
    OUT=$(cat "$TEST_TMP/out")
}

out_has() {
    [[ "$OUT" == *"$1"* ]] || fail "the line mode's output lacks: $1"
}

case_begin "TERM=dumb on a terminal gives the line mode: no alternate screen, one prompt at a time"
start --size 80x60 --term dumb -- "${DEEP[@]}" # tall enough for a page and its commands
wait_for "Main menu. Type a number from 1 to 6, or a letter (m lists them):"
expect_screen_has "Main menu. Where you live: anywhere. Goal: any."
check "no alternate screen" test "$(pane_value '#{alternate_on}')" = 0
send 1 Enter
wait_for "Page 1 of 2, entries 1 to 10 of 14."
expect_screen_has "1. St. Catharines Medical English. Kind: program. Where: St. Catharines."
send 2 Enter
wait_for "Source"
send b Enter
wait_for "Page 1 of 2, entries 1 to 10 of 14."
send b Enter
wait_for_re "^Main menu\. Type a number from 1 to 6, or a letter \(m lists them\): *$"
send q Enter
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"

case_begin "TERM=dumb on a terminal: no escape sequence reaches the screen"
# Everything the pane shows is plain text: no colour, no attributes, no cursor addressing.
if tm capture-pane -p -e -S - -t "$SESSION" | LC_ALL=C grep -q $'\x1b'; then
    fail "the pane holds attributes or colours"
fi

case_begin "--plain on a terminal: no full-screen drawing; Ctrl-D at a prompt quits with 0"
start --size 80x24 -- --plain "${DEEP[@]}"
wait_for "Main menu. Type a number from 1 to 6"
check "no alternate screen" test "$(pane_value '#{alternate_on}')" = 0
send 3 Enter
wait_for "Question 1 of 9: Where you live."
send C-d
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"

case_begin "input and output that are not a terminal give the line mode without --plain"
plain $'1\nq\n' "${DEEP[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "Page 1 of 2, entries 1 to 10 of 14."

case_begin "what the line mode saves, the screen shows: the shortlist, its note and the answers"
rm -rf "$XDG_DATA_HOME/itpnav"
# Save Toronto Exam Study Circle and Ontario Mentor Match, a note on the second; answer where
# you live (Toronto, number 4 in the question) and skip the rest.
plain $'1\na 1\na 3\nb\n4\nn 2\nbring transcripts\nb\n3\n4\n\n\n\n\n\n\n\n\nq\n' "${SESSION[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "Note saved on Ontario Mentor Match."
out_has "Where you live: Toronto."
start --size 80x24 -- "${SESSION[@]}"
wait_for "1  Find supports"
send l
wait_for "Your shortlist: 2 entries"
expect_screen_matches "1\. Toronto Exam Study Circle +support"
expect_screen_matches "2\. Ontario Mentor Match +support"
expect_screen_has "Note: bring transcripts"
send Escape
send p
wait_for "itpnav · What's my path?"
expect_screen_has "1  Where you live        Toronto"

case_begin "a new client started in the line mode: the screen then shows an empty shortlist"
send q
wait_exit
plain $'N\n2\nq\n' "${SESSION[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "Ready for a new client: filters, answers, shortlist and notes cleared."
start --size 80x24 -- "${SESSION[@]}"
wait_for "1  Find supports"
send l
wait_for "Your shortlist: 0 entries"
expect_screen_has "Nothing saved yet."
expect_screen_lacks "Toronto Exam Study Circle"
send Escape
send p
wait_for "1 of 9: Where you live" # no answers left: the questions from the first

finish
