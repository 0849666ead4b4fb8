#!/usr/bin/env bash
# undo.sh: nothing a person saved is lost. D (and Delete) on the shortlist takes an entry off and
# says which key puts it back; u puts back the last entries taken off, with their notes and at
# their places, several deep, on the shortlist and after a on a list row or a detail; a on the
# shortlist never takes an entry off by surprise.
. "$(dirname "$0")/lib.sh"

DATA="$FIXTURES/tui-session.json"

# The shortlist's entries, in order: "1. Name" lines.
shortlist_names() {
    screen | sed -n 's/^[▸ ] \([0-9][0-9]*\. .*[^ ]\)  *\(support\|pathway\) *$/\1/p'
}
names_are() { # EXPECTED (lines joined by "|")
    test "$(shortlist_names | paste -sd'|')" = "$1"
}

start --size 80x24 -- --data "$DATA"

case_begin "three entries saved, the second with a note"
wait_for "1  Find supports"
send 1
expect_count 5 5
for row in 1 2 3; do
    send a
    wait_for "Saved to the shortlist ($row)."
    send j
done
send l
wait_for "Your shortlist: 3 entries"
send j n
wait_for "Note on "
type_text "bring the transcripts"
send Enter
wait_for "Note: bring the transcripts"
before=$(shortlist_names | paste -sd'|')
second=$(shortlist_names | sed -n 2p | sed 's/^2\. //')
check "three entries ($before)" test "$(shortlist_names | wc -l)" = 3

case_begin "D takes the selected entry off, with its note, and names the key that puts it back"
send D
wait_for "Taken off the shortlist (2 left). u puts it back."
expect_screen_lacks "bring the transcripts"
expect_screen_lacks "$second  "
# The status bar offers it too, and the help says what it does.
expect_row_has 23 "u undo"

case_begin "u puts it back at its place, with its note"
send u
wait_for "Back on the shortlist: $second, with its note."
wait_until "the order is as before" names_are "$before"
expect_screen_has "Note: bring the transcripts"
expect_screen_matches "^▸ 2\. $second "

case_begin "two removals (D, then Delete) come back with u twice, last first"
send Home
wait_for_re "^▸ 1\."
send D
wait_for "Taken off the shortlist (2 left)."
send DC
wait_for "Taken off the shortlist (1 left)."
send u
wait_for "Your shortlist: 2 entries"
expect_screen_has "u again puts" # (the rest wraps: "back the one before.")
send u
wait_for "Your shortlist: 3 entries"
wait_until "the order is as before" names_are "$before"
expect_screen_has "Note: bring the transcripts"
send u
wait_for "Nothing to put back: no entry was taken off the shortlist."
check "still three" test "$(shortlist_names | wc -l)" = 3

case_begin "a on the shortlist takes nothing off"
send a
wait_for "Everything here is saved. D takes the selected entry off; u puts it back."
check "still three, in order" names_are "$before"

case_begin "a on a saved list row takes it off; u puts it back, note and place kept"
send H 1
expect_count 5 5
send j
wait_for_re "^▸★"
send a
wait_for "Taken off the shortlist (2 left). u puts it back."
send u
wait_for "Back on the shortlist: $second, with its note."
wait_for_re "^▸★"
send l
wait_until "the order is as before" names_are "$before"
expect_screen_has "Note: bring the transcripts"

case_begin "a on a detail takes it off; u puts it back"
send H 1
expect_count 5 5
send j Enter
wait_for "itpnav · Detail"
wait_for "★ on your shortlist"
send a
wait_for "Taken off the shortlist (2 left). u puts it back."
expect_screen_lacks "★ on your shortlist"
send u
wait_for "★ on your shortlist"
send l
wait_until "the order is as before" names_are "$before"

case_begin "an undo survives a restart"
send j D
wait_for "Taken off the shortlist (2 left)."
send q
wait_exit
start --size 80x24 -- --data "$DATA"
wait_for "1  Find supports"
send l
wait_for "Your shortlist: 2 entries"
send u
wait_for "Your shortlist: 3 entries"
wait_until "the order is as before" names_are "$before"
expect_screen_has "Note: bring the transcripts"

case_begin "the help lists u with the shortlist's keys"
send '?'
wait_for "itpnav · Help"
for _ in 1 2 3 4 5; do
    screen | grep -q "Put back on the shortlist the entry taken off last" && break
    send NPage
    settle
done
expect_screen_matches "^ +u +Put back on the shortlist the entry taken off last, with its"

finish
