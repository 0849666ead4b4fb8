#!/usr/bin/env bash
# cursor.sh: the terminal cursor sits on what is selected (screen readers and magnifiers follow
# it): the list's selected row, the home menu's item, the picker's choice, the search field's end.
. "$(dirname "$0")/lib.sh"

# expect_cursor_on_selection: the cursor's row is the row that starts with the marker "▸".
expect_cursor_on_selection() {
    local sel cur
    sel=$(selected_row)
    cur=$(cursor_row)
    [ -n "$sel" ] && [ "$cur" = "$sel" ] || fail "the cursor is on row $cur, the selection on row ${sel:-none}"
}

cursor_hidden() {
    [ "$(pane_value '#{cursor_flag}')" = 0 ]
}

start --size 80x24 -- --data "$FIXTURES/tui-deep.json"

case_begin "home: the cursor is on the selected menu item"
wait_for "Find supports"
check "on the first item (row $(row_of "1  Find supports"), cursor $(cursor_row))" \
    test "$(cursor_row)" = "$(row_of "1  Find supports")"
send j
wait_cursor "$(row_of "2  Pathways")"
send k
wait_cursor "$(row_of "1  Find supports")"

case_begin "supports: after moving down twice the cursor is on the selected (third) row"
send 1
expect_count 14 14
expect_cursor_on_selection
send j j
wait_for_re "^▸ Hamilton Peer Mentors"
check "the selection is the third row of the list (screen row 6)" test "$(selected_row)" = 6
expect_cursor_on_selection
check "the cursor is at the start of the row" test "$(cursor_col)" = 0

case_begin "the cursor follows the arrows, End and Home"
send Down
wait_for_re "^▸ Kingston IMG Group"
expect_cursor_on_selection
send Up
wait_for_re "^▸ Hamilton Peer Mentors"
expect_cursor_on_selection
send End
wait_for_re "^▸ Canada Physicians Network"
expect_cursor_on_selection
send Home
wait_for_re "^▸ St. Catharines Medical English"
expect_cursor_on_selection

case_begin "in the search field the cursor is after the typed words, and shows"
send /
type_text wel
wait_for "Search: wel"
check "on the field's row (cursor row $(cursor_row))" test "$(cursor_row)" = 2
check "after \"Search: wel\" (cursor column $(cursor_col))" test "$(cursor_col)" = 11
check "the cursor is visible while typing" test "$(pane_value '#{cursor_flag}')" = 1
type_text l
wait_for "Search: well"
check "it moves with each key (cursor column $(cursor_col))" test "$(cursor_col)" = 12

case_begin "leaving the field puts the cursor back on the selection"
send Enter
wait_until "the cursor is hidden again" cursor_hidden
expect_cursor_on_selection
send x
expect_count 14 14

case_begin "a picker: the cursor is on the chosen line"
send t
wait_for "Which type?"
row=$(row_of "Groups and programs")
check "on \"Groups and programs\" (row $row, cursor $(cursor_row))" test "$(cursor_row)" = "$row"
send Down
wait_cursor "$(row_of "Groups (networks")"
send Escape
wait_gone "Which type?"
expect_cursor_on_selection

case_begin "a long list in a short window: the cursor follows the selection as it scrolls"
resize 80 14
wait_for_re "^▸ St. Catharines"
wait_gone "Canada Physicians Network"
send End
wait_for_re "^▸ Canada Physicians Network"
expect_cursor_on_selection
# The list's last row gives up its place to say what is above (and is a target a tap pages).
check "the last row is at the bottom of the list (row $(selected_row))" test "$(selected_row)" = 11
expect_row_has 12 "above (PgUp)"
send PPage
settle
expect_cursor_on_selection
send Home
wait_for_re "^▸ St. Catharines"
expect_cursor_on_selection
resize 80 24
wait_for "Canada Physicians Network"
expect_cursor_on_selection

case_begin "the pathways list: the cursor is on the selected row"
send H
wait_for "itpnav · Home"
send 2
expect_count 5 5
send j j j
wait_for_re "^▸ Clinical assistant role"
expect_cursor_on_selection

finish
