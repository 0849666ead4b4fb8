#!/usr/bin/env bash
# keys.sh: keys that do what they say. An escape sequence the terminal's description lacks is
# read whole and dropped (or understood), never taken as Esc followed by keys: tmux's End key
# (ESC [ 4 ~, ESC [ F) used to throw the checked goals away and jump to question 4. Each filter
# can be cleared on its own. What the help and the status bar say comes from the key table.
. "$(dirname "$0")/lib.sh"

DATA="$FIXTURES/tui-session.json"

# raw HEX...: bytes sent as they are (tmux send-keys -H), one sequence.
raw() {
    tm send-keys -t "$SESSION" -H "$@"
}

start --size 80x24 -- --data "$DATA"

case_begin "a checklist: two goals checked"
wait_for "1  Find supports"
send p
wait_for "1 of 9: Where you live"
send Enter
wait_for "2 of 9: Your goals"
send Space
wait_for "[x] Practise medicine"
send Down Space
wait_for "[x] Residency"
before=$(screen)

case_begin "a made-up sequence (ESC [ 9 9 ~) changes nothing at all"
before=$(screen)
raw 1b 5b 39 39 7e
sleep 0.3
settle
check "the screen is as it was" test "$(screen)" = "$before"

case_begin "End as tmux sends it (ESC [ 4 ~) in a checklist: the goals stay, the question too"
raw 1b 5b 34 7e
settle
expect_screen_has "2 of 9: Your goals"
expect_screen_has "[x] Practise medicine"
expect_screen_has "[x] Residency"
# It is End: the selection went to the last row (Done).
expect_screen_matches "✓ Done"
# The Done row, numbered as every row of a checklist ("5 ✓ Done").
check "the selection is on Done" test "$(screen | grep -cE '^.*│([0-9] )?✓ Done')" -ge 1
send Home

case_begin "ESC [ F and ESC O F (End elsewhere) and ESC [ H (Home): the same"
raw 1b 5b 46
settle
raw 1b 4f 46
settle
raw 1b 5b 48
settle
expect_screen_has "2 of 9: Your goals"
expect_screen_has "[x] Practise medicine"
expect_screen_has "[x] Residency"

case_begin "an unfinished sequence (ESC [ 1 ;) is dropped too, and the next key works"
send Home
settle
before=$(screen)
raw 1b 5b 31 3b
sleep 0.3
settle
check "the screen is as it was" test "$(screen)" = "$before"
send Down
wait_change "$before"
expect_screen_has "2 of 9: Your goals"
expect_screen_has "[x] Residency"

case_begin "Esc alone still closes the checklist"
send Escape
wait_gone "2 of 9: Your goals"
wait_for "itpnav · What's my path?"

case_begin "one filter at a time: Delete in its picker clears that filter alone"
send H 1
expect_count 5 5
send r
type_text toronto
send Enter
wait_for "Filters: where Toronto"
send g
wait_for "What is your goal?"
type_text residency
send Enter
wait_for "goal Residency"
send r
wait_for "Where do you live?"
expect_screen_has "The first row, or Delete, clears this filter alone."
send DC
wait_gone "Where do you live?"
wait_for "Filters: goal Residency"
expect_screen_lacks "where Toronto"
expect_row_has 0 "Where: anywhere"

case_begin "one filter at a time: the first row of its picker clears it alone"
send r
type_text toronto
send Enter
wait_for "Filters: where Toronto · goal Residency"
send g
wait_for "What is your goal?"
send Home Enter
wait_for "Filters: where Toronto"
expect_screen_lacks "goal Residency"

case_begin "Tab is described as what it does, in the help and on the status bar"
send H '?'
wait_for "itpnav · Help"
for _ in 1 2 3 4 5; do
    screen | grep -q "^   Tab " && break
    send NPage
    settle
done
expect_screen_matches "^   Tab +Select the next link on the page: an entry a detail links to,"
send Escape 2 Enter
wait_for "itpnav · Detail"
expect_row_has 23 "Tab select"

finish
