#!/usr/bin/env bash
# color.sh: NO_COLOR and --no-color draw without a single colour, yet the selected row stays
# distinguishable (reverse video); without them, colour is used.
. "$(dirname "$0")/lib.sh"

# sgr_report [MARKER]: reads `capture-pane -p -e` and prints two words: "reverse" or "plain" for
# the attributes in force where MARKER (default the selection marker "▸") is first drawn, then the number of colour SGR codes
# (30-37, 40-47, 90-97, 100-107, 38;5;N, 48;5;N, 38;2;R;G;B, 48;2;...). 39 and 49 (the default
# colours) are not colours.
sgr_report() {
    python3 -c '
import re, sys
marker = sys.argv[1]
text = sys.stdin.read()
reverse = False
at_marker = None
colours = 0
pos = 0
for m in re.finditer(r"\x1b\[([0-9;:]*)m|" + re.escape(marker), text):
    if m.group(0) == marker:
        if at_marker is None:
            at_marker = reverse
        continue
    params = [p for p in re.split("[;:]", m.group(1))] or ["0"]
    i = 0
    while i < len(params):
        p = int(params[i]) if params[i] else 0
        if p == 0:
            reverse = False
        elif p == 7:
            reverse = True
        elif p == 27:
            reverse = False
        elif 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107:
            colours += 1
        elif p in (38, 48):
            colours += 1
            kind = params[i + 1] if i + 1 < len(params) else ""
            i += 2 if kind == "5" else 4 if kind == "2" else 0
        i += 1
print("reverse" if at_marker else "plain" if at_marker is not None else "none", colours)
' "${1:-▸}"
}

# open_list START_ARGS...: start, open the supports list, select the second row.
open_list() {
    start --size 80x24 "$@"
    wait_for "Find supports"
    send 1
    expect_count 14 14
    send Down
    wait_for_re "^▸ Welland Health Jobs Club"
}

case_begin "colour by default: the bars and headings use colour"
open_list -- --data "$FIXTURES/tui-deep.json"
read -r sel colours < <(screen_e | sgr_report)
check "colour codes are drawn (got $colours)" test "$colours" -gt 0
check "the selected row is reverse video (got $sel)" test "$sel" = reverse

case_begin "NO_COLOR=1: no colour at all, and the selected row is reverse video"
open_list --env NO_COLOR=1 -- --data "$FIXTURES/tui-deep.json"
read -r sel colours < <(screen_e | sgr_report)
check "no colour codes (got $colours)" test "$colours" = 0
check "the selected row is reverse video (got $sel)" test "$sel" = reverse
expect_screen_has "Welland Health Jobs Club"

case_begin "NO_COLOR=1: the other screens have no colour either"
send Enter
wait_for "itpnav · Detail"
read -r _ colours < <(screen_e | sgr_report)
check "no colour codes on a detail (got $colours)" test "$colours" = 0
send r
wait_for "Where do you live?"
read -r sel colours < <(screen_e | sgr_report)
check "no colour codes in a picker (got $colours)" test "$colours" = 0
send Escape
send H
wait_for "itpnav · Home"
send 2
expect_count 5 5
read -r _ colours < <(screen_e | sgr_report)
check "no colour codes on the pathways' status words (got $colours)" test "$colours" = 0

case_begin "NO_COLOR with any non-empty value turns colour off"
open_list --env NO_COLOR=yes -- --data "$FIXTURES/tui-deep.json"
read -r sel colours < <(screen_e | sgr_report)
check "no colour codes (got $colours)" test "$colours" = 0
check "the selected row is reverse video (got $sel)" test "$sel" = reverse

case_begin "NO_COLOR set but empty keeps colour (as no-color.org says)"
open_list --env NO_COLOR= -- --data "$FIXTURES/tui-deep.json"
read -r sel colours < <(screen_e | sgr_report)
check "colour codes are drawn (got $colours)" test "$colours" -gt 0

case_begin "--no-color: no colour, and the selected row is reverse video"
open_list -- --no-color --data "$FIXTURES/tui-deep.json"
read -r sel colours < <(screen_e | sgr_report)
check "no colour codes (got $colours)" test "$colours" = 0
check "the selected row is reverse video (got $sel)" test "$sel" = reverse

case_begin "--no-color: the title bar and the selection still stand out while searching"
send /
type_text well
expect_count 1 14
# The title bar is reverse video, and the selected row keeps its reverse while searching.
read -r title _ < <(screen_e | sgr_report "itpnav · Supports")
check "the title bar is reverse video (got $title)" test "$title" = reverse
read -r sel colours < <(screen_e | sgr_report)
check "the selected row is reverse video (got $sel)" test "$sel" = reverse
check "no colour codes (got $colours)" test "$colours" = 0

case_begin "TERM without colours (vt100): the selection is still reverse video"
open_list --term vt100 -- --data "$FIXTURES/tui-deep.json"
read -r sel colours < <(screen_e | sgr_report)
check "the selected row is reverse video (got $sel)" test "$sel" = reverse
check "no colour codes (got $colours)" test "$colours" = 0

finish
