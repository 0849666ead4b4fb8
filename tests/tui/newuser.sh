#!/usr/bin/env bash
# newuser.sh: the issue's "done when": on the bundled dataset, a new user says they live in Niagara
# and want an alternative career, and reaches the matching supports and their details in a few keys.
. "$(dirname "$0")/lib.sh"

# The bundled dataset changes as it grows: nothing here depends on its counts, only on the
# Niagara, Kingston and London entries it has held from the start.
start --size 80x24

case_begin "the home screen greets a new user with no place and no goal"
wait_for "Find supports"
expect_screen_has "Where: anywhere"
expect_screen_has "Goal: any"
expect_screen_has "Pathways to practice"
expect_screen_has "Press r to say where you live"

case_begin "r and a few letters choose Niagara"
send r
wait_for "Where do you live?"
type_text niag
wait_for "Niagara Region"
send Enter
wait_for "Where: Niagara Region"
expect_screen_lacks "Where do you live?"
expect_screen_has "Find supports"

case_begin "g and a few letters choose the alternative career"
send g
wait_for "What is your goal?"
type_text altern
wait_for_re "Alternative.*career"
send Enter
wait_for_re "Where: Niagara Region · Goal: Alternative[^·]*career"
expect_screen_lacks "What is your goal?"

case_begin "1 shows the Niagara supports and not Kingston's or London's"
send 1
wait_for_re " [0-9]+ of [0-9]+ *$"
expect_screen_has "Niagara IMG/IEN Support Group"
expect_screen_has "Niagara Foreign Credential"
expect_screen_lacks "Kingston"
expect_screen_lacks "London"
# The filter bar says what is chosen, and the count is a part of the whole.
expect_screen_matches "^Filters: where Niagara Region · goal Alternative"
shown=$(count_shown)
total=$(count_total)
check "the count \"$shown of $total\" shows a part of the supports" \
    test -n "$shown" -a -n "$total" -a "${shown:-0}" -gt 0 -a "${shown:-0}" -lt "${total:-0}"
case_begin "Enter opens the first match with its details, source and as-of date"
first=$(screen | sed -n 's/^▸ //p' | sed 's/  .*//' | head -n 1)
send Enter
wait_for "itpnav · Detail"
# A long name loses its middle in the list (draw_name): the detail shows it whole, so its
# beginning is what must be there.
expect_row_has 1 "${first%%…*}"
expect_screen_matches "^ (Where|Location): .*Niagara"
send G
wait_for "Source"
# The date the facts are from: "as of" the page's date, or when an undated page was seen.
expect_screen_matches "^ (As of: [0-9-]+|Seen: [0-9-]+ \(the page is undated\))"
expect_screen_matches "(as of [0-9-]+|seen [0-9-]+ \(the page is undated\))"
# The page's address after its label, or on a row of its own when it does not fit there.
expect_screen_matches "^ Address:( https?://|$)"
expect_screen_matches "(Address: |^)https?://"

case_begin "the whole task took only a few keys"
n=$(keys_sent)
echo "  (keys sent: $n)"
check "at most 20 keystrokes from start to the details (sent $n)" test "$n" -le 20

case_begin "the other Niagara support opens too"
send Escape
wait_for "itpnav · Supports"
row=$(row_of "Niagara IMG/IEN Support Group")
sel=$(selected_row)
while [ -n "$row" ] && [ -n "$sel" ] && [ "$sel" -lt "$row" ]; do
    send j
    sel=$((sel + 1))
done
wait_for_re "^▸ Niagara IMG/IEN Support Group"
send Enter
wait_for "itpnav · Detail"
expect_row_has 1 "Niagara IMG/IEN Support Group"
expect_screen_has "Location: Niagara Region, Ontario"

case_begin "q quits and gives the terminal back"
send q
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"
check "the alternate screen is left" test "$(pane_value '#{alternate_on}')" = 0

finish
