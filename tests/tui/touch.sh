#!/usr/bin/env bash
# touch.sh: a visitor with only a touch screen (taps arrive as mouse clicks) goes everywhere and
# back: every key hint on the status bar is a target a tap presses (back, home, help, save, ...),
# the filter bar's words open their choices, and taps page through a long list or a long page.
# The taps are sent as an xterm sends clicks in SGR mode (see mouse.sh).
. "$(dirname "$0")/lib.sh"

# tap ROW COL: a press and a release at the 0-based screen row and column.
tap() {
    tm send-keys -t "$SESSION" -l $'\e[<0;'"$(($2 + 1));$(($1 + 1))M"
    tm send-keys -t "$SESSION" -l $'\e[<0;'"$(($2 + 1));$(($1 + 1))m"
}

# tap_text TEXT [ROW]: a tap on the middle of the first TEXT on the screen (on ROW when given).
tap_text() {
    local row=${2:-} col
    [ -n "$row" ] || row=$(row_of "$1")
    if [ -z "$row" ]; then
        fail "nothing to tap: \"$1\" is not on the screen"
        return
    fi
    col=$(screen_line "$row" | python3 -c '
import sys, unicodedata
line, text = sys.stdin.read().rstrip("\n"), sys.argv[1]
i = line.find(text)
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(w(line[:i]) + w(text) // 2 if i >= 0 else "")' "$1")
    if [ -z "$col" ]; then
        fail "nothing to tap: \"$1\" is not on row $row"
        return
    fi
    tap "$row" "$col"
}

selection_is() { test "$(selected_row)" = "$1"; }
row1_is_not() { test "$(screen_line 1)" != "$1"; }

# tap_hint TEXT: a tap on a hint of the status bar ("Esc back").
tap_hint() {
    tap_text "$1" 23
}

start --size 80x24 -- --data "$FIXTURES/tui-deep.json"

case_begin "taps alone: Home, Supports, a detail, back, Help, Home"
wait_for "1  Find supports"
tap_text "Find supports"
wait_for "itpnav · Supports"
expect_count 14 14
tap 6 10
wait_until "the third row is selected" selection_is 6
tap 6 10
wait_for "itpnav · Detail"
tap_hint "Esc back"
wait_for "itpnav · Supports"
tap_hint "? help"
wait_for "itpnav · Help"
tap_hint "H home"
wait_for "itpnav · Home"
check "no key was pressed" test "$(keys_sent)" = 0

case_begin "a tap on a hint does its key's job: save, then the shortlist by its menu item"
tap_text "Find supports"
wait_for "itpnav · Supports"
tap_hint "a save"
wait_for "Saved to the shortlist (1)."
tap_hint "Esc back"
wait_for "itpnav · Home"
tap_text "Shortlist"
wait_for "Your shortlist: 1 entry"
tap_hint "D remove"
wait_for "Taken off the shortlist (0 left). u puts it back."
tap_hint "u undo"
wait_for "Your shortlist: 1 entry"
tap_hint "Esc back"
wait_for "itpnav · Home"

case_begin "the filter bar's words open their choices; a tap chooses, the first row clears"
tap_text "Find supports"
wait_for "itpnav · Supports"
tap_text "r where" 1
wait_for "Where do you live?"
tap_text "Hamilton"
wait_for "Filters: where Hamilton"
tap_text "where Hamilton" 1
wait_for "Where do you live?"
tap_text "Anywhere (no place chosen)"
wait_for "Filters: none"
expect_count 14 14

case_begin "taps page a long list and a long page"
resize 80 12
wait_for "below (PgDn)"
expect_screen_lacks "Canada Physicians Network"
tap_text "below (PgDn)"
wait_for "above (PgUp)"
tap_text "below (PgDn)"
wait_for "Canada Physicians Network"
tap_text "above (PgUp)"
wait_gone "Canada Physicians Network"
resize 80 24
wait_for "14 of 14"
tap_hint "? help"
wait_for "itpnav · Help"
wait_for "PgDn for more"
top=$(screen_line 1)
tap_text "PgDn for more"
wait_until "the page moved" row1_is_not "$top"
check "no key was pressed in all this" test "$(keys_sent)" = 0

finish
