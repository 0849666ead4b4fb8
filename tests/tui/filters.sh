#!/usr/bin/env bash
# filters.sh: each picker (r, g, s, d, t) narrows the list and its count, x clears, and the search
# narrows the list key by key, widens with Backspace and takes any input without an error.
. "$(dirname "$0")/lib.sh"

# tests/fixtures/tui-deep.json: 14 supports (8 programs, 6 groups), 5 pathways; Niagara lies in the
# Golden Horseshoe in Ontario, and has St. Catharines and Welland inside it.
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"

test_selected_row() {
    [ "$(selected_row)" = "$1" ]
}

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
# The tree is indented, two columns a level, inside the box's border (ACS "x" in a capture).
expect_screen_matches "(x|│)Canada "
expect_screen_matches "(x|│)  Ontario "
expect_screen_matches "(x|│)    Golden Horseshoe "
expect_screen_matches "(x|│)      Niagara "
type_text o
wait_for "Type to find: o"
expect_screen_has "Golden Horseshoe (Ontario)"          # while narrowing, the parent shows
type_text nt
wait_for "Type to find: ont"
expect_screen_has "Eastern Ontario (Ontario)"
expect_screen_lacks "Niagara"
expect_screen_lacks "Vancouver"
send BSpace BSpace
wait_for_re "Type to find: o +(x|│)"
expect_screen_has "Vancouver (British Columbia)"
send BSpace
wait_for "Vancouver"
expect_screen_has "Anywhere (no place chosen)"
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
send Down Down
wait_for_re "(x|│)In person"
send Enter
expect_count 1 14
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
send Down
settle
send Enter
expect_count 6 14
expect_screen_has "groups only"
check "every row is a group" test "$(screen | sed -n '5,22p' | grep -E '^[▸ ] ' | grep -cv ' group ')" = 0
send t
wait_for "Which type?"
type_text prog
wait_for "Type to find: prog"
expect_screen_lacks "Groups (networks"
send Down
settle
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
send Up Up
settle
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
expect_count 4 5
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
wait_gone "press / and type"
expect_screen_matches "^Search: *$"
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
wait_until "j moves the selection after Esc (from row $before)" test_selected_row $((before + 1))
expect_screen_matches "^Search: we *$"

case_begin "in the field, letters that are commands elsewhere are typed: space, q, x, r, s, G"
send /
type_text ' qxrsG'
wait_for "Search: we qxrsG"
expect_count 0 14
expect_screen_has "Nothing matches these words with these filters."
check "the program is still running" alive
send C-u
wait_for_re "^Search: *$"
expect_count 14 14

case_begin "hostile input in the search never shows an error"
typed=""
for s in '"' '*' 'AND' ' ' '-' '(' ')' "'" ':' '^' 'NEAR' '{' '+' 'OR' '.' '\' '%'; do
    type_text "$s"
    typed+=$s
    wait_for "Search: ${typed%" "}"
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
type_text study
expect_count 2 14
expect_screen_has "Filters: where Niagara · words \"study\""
expect_screen_has "Niagara Exam Study Hall"
expect_screen_has "Ontario Association of Physicians Abroad"
send Escape
settle
send x
expect_count 14 14

# Regression (fixed): src/ui/entrylist.c edit_key() ends the search on A_DOWN and A_UP, and the key table
# binds those to j and k as well as to the arrows: typing "kingston" or "jobs" in the search
# field leaves the field at the k or j, and the letters after it run as commands (g opens the
# goal picker, s the service picker). Only ↓ (and Enter, Esc) should leave the field.
case_begin "the search field takes every letter, j and k too"
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"
wait_for "Find supports"
send 1
expect_count 14 14
send /
wait_gone "press / and type"
type_text kingston
_wait has "Search: kingston" 1 || fail "typing \"kingston\" in the search field does not show it"
_wait re " 1 of 14 *$" 0.3 || fail "the count for \"kingston\" is not 1 of 14"
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"
wait_for "Find supports"
send 1
expect_count 14 14
send /
wait_gone "press / and type"
type_text jobs
_wait has "Search: jobs" 1 || fail "typing \"jobs\" in the search field does not show it"
_wait re "^▸ Welland Health Jobs Club" 0.3 || fail "\"jobs\" does not find Welland Health Jobs Club"

# Regression (fixed): src/screens/picker.c on_key() handles A_UP, A_DOWN, A_PAGE_UP and A_PAGE_DOWN before
# it treats a key as typing, so k, j and Space move the selection instead of being typed (its own
# comment says "Everything printable is typing, j, k and q included"): "kingston", "new
# brunswick" or "st. catharines" cannot be typed into "Where do you live?".
case_begin "the place picker takes every letter, k, j and Space too"
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"
wait_for "Find supports"
send r
wait_for "Where do you live?"
type_text kingston
_wait has "Type to find: kingston" 1 || fail "typing \"kingston\" in the place picker does not show it"
send Escape
wait_gone "Where do you live?"
send r
wait_for "Where do you live?"
type_text "st. cath"
_wait has "Type to find: st. cath" 1 || fail "typing \"st. cath\" in the place picker does not show it"
_wait has "St. Catharines (Niagara)" 0.3 || fail "\"st. cath\" does not find St. Catharines"

# The bundled data lists Alberta's Edmonton before Ontario: typing "ont" shows both (and Kingston),
# and Enter takes the place whose name starts with it; where none does, the first shown.
case_begin "the place picker selects the first name that starts a word with what is typed"
stop
start --size 80x24 -- --data "$SOURCE_ROOT/data/itpnav.json"
wait_for "Find supports"
send 1
wait_for "Filters: none"
send r
wait_for "Where do you live?"
type_text ont
wait_for "Type to find: ont"
expect_screen_has "Edmonton (Alberta)"
expect_screen_has "Kingston (Ontario)"
send Enter
wait_gone "Where do you live?"
expect_row_has 0 "Where: Ontario"
send r
wait_for "Where do you live?"
type_text monton
wait_for "Type to find: monton"
send Enter
wait_gone "Where do you live?"
expect_row_has 0 "Where: Edmonton"

finish
