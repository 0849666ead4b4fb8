#!/usr/bin/env bash
# mouse.sh: a click selects or opens, the wheel scrolls, and --no-mouse leaves the mouse alone.
# The terminal's reports are sent as an xterm sends them in SGR mode (what xterm-256color's kmous
# names): ESC [ < button ; column ; row M for a press and m for a release, 1-based.
. "$(dirname "$0")/lib.sh"

# click ROW COL: a left click at the 0-based screen row and column.
click() {
    tm send-keys -t "$SESSION" -l $'\e[<0;'"$(($2 + 1));$(($1 + 1))M"
    tm send-keys -t "$SESSION" -l $'\e[<0;'"$(($2 + 1));$(($1 + 1))m"
}

# wheel_down ROW: one turn of the wheel down over that row.
wheel_down() {
    tm send-keys -t "$SESSION" -l $'\e[<65;5;'"$(($1 + 1))M"
}

# selection_is N / selection_below N: asked again on every poll, so a wait sees the new screen.
selection_is() { test "$(selected_row)" = "$1"; }
selection_below() { test "$(selected_row)" -gt "$1"; }

start --size 80x24 -- --data "$FIXTURES/tui-deep.json"

case_begin "a click on a home menu item opens it"
wait_for "Find supports"
click "$(row_of "5  About")" 5
wait_for "itpnav · About"
send Escape
wait_for "Find supports"

case_begin "a click on a list row selects it; a second click opens it"
click "$(row_of "1  Find supports")" 5
wait_for "itpnav · Supports"
expect_count 14 14
check "the first row is selected at first" test "$(selected_row)" = 4
click 6 5
wait_until "the third row is selected" selection_is 6
name=$(screen_line 6 | sed 's/^▸ *//; s/  .*//')
click 6 5
wait_for "itpnav · Detail"
expect_screen_has "$name"
send Escape
wait_for "itpnav · Supports"

case_begin "the wheel scrolls the selection down"
before=$(selected_row)
wheel_down 8
wait_until "the selection moved down" selection_below "$before"

case_begin "a click outside a picker closes it without choosing"
send r
wait_for "Where do you live?"
click 22 0
wait_gone "Where do you live?"
expect_screen_has "Where: anywhere"

case_begin "with the mouse on, the program asks the terminal for mouse reports"
check "tmux says the pane wants mouse reports" test "$(pane_value '#{mouse_standard_flag}')" = 1

case_begin "--no-mouse: the terminal is never asked for mouse reports (copy and paste stay)"
start --size 80x24 -- --no-mouse --data "$FIXTURES/tui-deep.json"
wait_for "Find supports"
check "tmux says the pane wants no mouse reports" \
    test "$(pane_value '#{mouse_standard_flag}')$(pane_value '#{mouse_button_flag}')$(pane_value '#{mouse_any_flag}')" = 000

finish
