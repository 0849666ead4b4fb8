#!/usr/bin/env bash
# filters.sh: each picker (r, g, s, d, t) narrows the list and its count, x clears, and the search
# narrows the list key by key, widens with Backspace and takes any input without an error.
. "$(dirname "$0")/lib.sh"

# tests/fixtures/tui-deep.json: 14 supports (8 programs, 6 groups), 5 pathways; Niagara lies in the
# Golden Horseshoe in Ontario, and has St. Catharines and Welland inside it.
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"

# no_error: the status bar still shows the key hints (a notice would replace them) and nothing on
# the screen looks like an error.
no_error() {
    local s
    s=$(screen)
    [[ "$(screen_line 23)" == *"Enter open"* ]] || fail "the status bar shows a notice, not the hints"
    grep -qiE 'error|syntax|fts5|malformed|unterminated|no such' <<<"$s" &&
        fail "the screen shows an error"
    return 0
}

case_begin "the supports list starts unfiltered"
wait_for "Find supports"
send 1
expect_count 14 14
expect_screen_has "Filters: none"
expect_screen_has "Search: press / and type"

case_begin "r: typing narrows the places, Backspace widens them, Esc changes nothing"
send r
wait_for "Where do you live?"
expect_screen_has "Anywhere (no place chosen)"
expect_screen_matches "^ .*x +Golden Horseshoe"      # the tree is indented
type_text o
wait_for "Type to find: o"
expect_screen_has "Golden Horseshoe (Ontario)"          # while narrowing, the parent shows
type_text nt
wait_for "Type to find: ont"
expect_screen_has "Eastern Ontario (Ontario)"
expect_screen_lacks "Niagara"
expect_screen_lacks "Québec"
send BSpace BSpace BSpace
wait_for "Québec"
send Escape
wait_gone "Where do you live?"
expect_count 14 14
expect_screen_has "Filters: none"

case_begin "r: Niagara shows Niagara's supports, those of the places in it and around it"
send r
wait_for "Where do you live?"
type_text niag
wait_for "Niagara (Golden Horseshoe)"
send Enter
expect_count 8 14
expect_screen_has "Filters: where Niagara"
expect_row_has 0 "Where: Niagara"
for name in "Niagara Newcomer Doctors Circle" "Niagara Exam Study Hall" "Welland Health Jobs Club" \
    "St. Catharines Medical English" "Horseshoe Career Bridge" "Canada Physicians Network" \
    "Ontario Mentorship Program"; do
    expect_screen_has "$name"
done
for name in "Hamilton Peer Mentors" "Kingston IMG Group" "Réseau des médecins" "Vancouver"; do
    expect_screen_lacks "$name"
done

case_begin "g: the alternative career narrows it further"
send g
wait_for "What is your goal?"
type_text alt
wait_for "Type to find: alt"
send Enter
expect_count 4 14
expect_screen_has "Filters: where Niagara · goal Alternative career"
expect_screen_has "Welland Health Jobs Club"
expect_screen_lacks "Niagara Exam Study Hall"

case_begin "s: a kind of help narrows it further"
send s
wait_for "What kind of help?"
expect_screen_has "Any service"
expect_screen_has "Language training"
type_text comm
wait_for "Type to find: comm"
send Enter
expect_count 2 14
expect_screen_matches "^Filters: .*· service "
expect_screen_has "Niagara Newcomer Doctors Circle"
expect_screen_has "Canada Physicians Network"
expect_screen_lacks "Welland"

case_begin "d: in person leaves one"
send d
wait_for "How is it delivered?"
expect_screen_has "Hybrid (online and in person)"
send j j
settle
send Enter
expect_count 1 14
expect_screen_has "· in person"
expect_screen_matches "^▸ Niagara Newcomer Doctors Circle"

case_begin "x clears every filter"
send x
expect_count 14 14
expect_screen_has "Filters: none"
expect_screen_has "All filters and the search are cleared."
expect_row_has 0 "Where: anywhere · Goal: any"

case_begin "t: programs only, then groups only, then both"
send t
wait_for "Which type?"
send j
settle
send Enter
expect_count 6 14
expect_screen_has "groups only"
check "every row is a group" test "$(screen | sed -n '5,22p' | grep -E '^[▸ ] ' | grep -cv ' group ')" = 0
send t
wait_for "Which type?"
type_text prog
wait_for "Type to find: prog"
send Enter
expect_count 8 14
expect_screen_has "programs only"
check "every row is a program" test "$(screen | sed -n '5,22p' | grep -E '^[▸ ] ' | grep -cv ' program ')" = 0
send t
wait_for "Which type?"
send Enter          # the choice starts on the current one: Enter keeps it
expect_count 8 14
send t
wait_for "Which type?"
type_text groups and
wait_for "Type to find: groups and"
send Enter
expect_count 14 14
expect_screen_has "Filters: none"

case_begin "the pathways list says service, delivery and type do not apply"
send Escape
wait_for "itpnav · Home"
send 2
expect_count 5 5
send s
wait_for "Pathways are not filtered by service or delivery."
send t
wait_for "This list shows pathways only."
expect_count 5 5
send r
wait_for "Where do you live?"
type_text queb
wait_for "Québec (Canada)"
send Enter
expect_count 3 5
expect_screen_has "closed"
expect_screen_lacks "Ontario practice-ready"
send x
expect_count 5 5
send Escape
wait_for "itpnav · Home"
send 1
expect_count 14 14

case_begin "/ opens the search field"
send /
wait_for "Search: "
expect_screen_lacks "press / and type"
expect_count 14 14

case_begin "the search narrows the list key by key: 14, 8, 5, 2, 1"
type_text w
wait_for "Search: w"
expect_count 8 14
type_text e
wait_for "Search: we"
expect_count 5 14
type_text l
wait_for "Search: wel"
expect_count 2 14
type_text l
wait_for "Search: well"
expect_count 1 14
expect_screen_has "Filters: words \"well\""
expect_screen_matches "^▸ Welland Health Jobs Club"

case_begin "Backspace widens it again, key by key"
send BSpace
wait_for_re "^Search: wel *$"
expect_count 2 14
send BSpace
wait_for_re "^Search: we *$"
expect_count 5 14

case_begin "Esc leaves the field and keeps the words; keys are commands again"
send Escape
wait_for_re "^Search: we *$"
expect_count 5 14
expect_screen_has "Filters: words \"we\""
before=$(selected_row)
send j
wait_for_re "^▸ "
settle
check "j moves the selection after Esc (row $before before, $(selected_row) after)" \
    test "$(selected_row)" = $((before + 1))
expect_screen_matches "^Search: we *$"

case_begin "in the field, letters that are commands elsewhere are typed: q, x, r, j"
send /
type_text ' '
type_text qxrj
wait_for "Search: we qxrj"
expect_count 0 14
expect_screen_has "Nothing matches these words with these filters."
check "the program is still running" alive
send C-u
wait_for_re "^Search: *$"
expect_count 14 14

case_begin "hostile input in the search never shows an error"
for s in '"' '*' 'AND' ' ' '-' '(' ')' "'" ':' '^' 'NEAR' '{' '+' 'OR' '.' '\' '%'; do
    type_text "$s"
    settle
    no_error
    [[ "$(screen)" =~ \ [0-9]+\ of\ 14 ]] || fail "no count after typing: $s"
done
wait_for "Search: \"*AND -()'"
send C-u
wait_for_re "^Search: *$"
expect_count 14 14
for s in '"we' 'we*' 'we AND' '-we' '(we' 'we"' 'NOT we' 'w"e'; do
    send C-u
    type_text "$s"
    wait_for "Search: $s"
    no_error
    [[ "$(screen)" =~ \ [0-9]+\ of\ 14 ]] || fail "no count after typing: $s"
done

case_begin "Enter keeps the search and goes to the list; x clears it"
send C-u
type_text welland
expect_count 1 14
send Enter
settle
send x
expect_count 14 14
expect_screen_has "Search: press / and type"

case_begin "the search and the filters combine"
send r
wait_for "Where do you live?"
type_text niag
wait_for "Niagara (Golden Horseshoe)"
send Enter
expect_count 8 14
send /
type_text weekly
expect_count 2 14
expect_screen_has "Filters: where Niagara · words \"weekly\""
expect_screen_has "Niagara Exam Study Hall"
expect_screen_has "Horseshoe Career Bridge"
send Escape
settle
send x
expect_count 14 14

finish
