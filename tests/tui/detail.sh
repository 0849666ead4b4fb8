#!/usr/bin/env bash
# detail.sh: opening an entry, scrolling it, following its links (a pathway's supports, a
# program's part_of) and coming back.
. "$(dirname "$0")/lib.sh"

start --size 80x24 -- --data "$FIXTURES/tui-deep.json"

case_begin "a pathway's detail opens from the list"
wait_for "Find supports"
send 2
expect_count 5 5
send G
wait_for_re "^▸ Residency match"
send Enter
wait_for "itpnav · Detail"
expect_row_has 1 "Residency match"
expect_screen_has "Status: limited"
expect_screen_has "Summary"
expect_screen_has "   1. Pass the qualifying exam"
expect_screen_lacks "Linked"
expect_screen_matches " [0-9]+% *$"            # the page shows how far down it is
expect_row_has 23 "Tab select"

case_begin "PgDn scrolls down to the links and the source, PgUp back to the top"
send NPage
wait_for "Linked"
expect_screen_lacks " Residency match"
expect_screen_has "→ Ontario Mentorship Program (helps with this pathway)"
expect_screen_has "→ Niagara Exam Study Hall (helps with this pathway)"
expect_screen_has "Match rules: https://example.org/match"
expect_screen_has "Source"
send NPage
wait_for "rely on it."
expect_screen_has " 100%"
send PPage
wait_for " Summary"
send PPage
wait_for_re "^ Residency match"
expect_screen_has "Status: limited"

case_begin "Tab selects the first link, Tab again the next: the cursor follows"
send Tab
wait_for "Linked"
wait_cursor "$(row_of "→ Ontario Mentorship Program")"
send Tab
wait_cursor "$(row_of "→ Niagara Exam Study Hall")"
row=$(row_of "→ Niagara Exam Study Hall")
# The selected link is drawn in reverse video.
check "the selected link is reversed" python3 -c '
import re, sys
row = int(sys.argv[1]); line = sys.stdin.read().split("\n")[row]
i = line.index("Niagara Exam")
last = None
for m in re.finditer(r"\x1b\[([0-9;]*)m", line[:i]):
    last = m.group(1)
sys.exit(0 if last is not None and "7" in last.split(";") else 1)' "$row" < <(screen_e)

case_begin "Enter opens the linked support; Esc comes back to the pathway"
send Enter
wait_for_re "^ Niagara Exam Study Hall"
expect_row_has 0 "itpnav · Detail"
expect_screen_has "Kind: a program"
expect_screen_has "→ Residency match (a pathway it helps with)"
send Escape
wait_for "→ Niagara Exam Study Hall"
expect_screen_has "→ Ontario Mentorship Program"
expect_screen_lacks "Kind: a program"
row=$(row_of "→ Niagara Exam Study Hall")
check "the same link is still selected ($row; cursor $(cursor_row))" test "$(cursor_row)" = "$row"

case_begin "Shift-Tab goes back a link, and wraps from the first to the last"
send BTab
wait_cursor "$(row_of "→ Ontario Mentorship Program")"
send BTab
wait_cursor "$(row_of "→ Ontario Association of Physicians Abroad")"

case_begin "links lead on and Esc walks back the whole way"
send Enter
wait_for_re "^ Ontario Association of Physicians Abroad"
expect_screen_has "Kind: a group · OAPA"
send Escape
wait_for "→ Ontario Association of Physicians Abroad"
send Escape
wait_for "itpnav · Pathways to practice"
expect_screen_matches "^▸ Residency match"
send Escape
wait_for "itpnav · Home"

case_begin "a program's part_of is a link too: Enter selects it first, then opens it"
send 1
expect_count 14 14
send /
type_text mentorship
expect_count 1 14
send Enter
settle
send Enter
wait_for_re "^ Ontario Mentorship Program"
expect_screen_has "Host: Ontario Association of Physicians Abroad"
expect_screen_has "Summary"
send G
wait_for "(it is part of this)"
expect_screen_has "Website: https://example.org/mentor"
expect_screen_has "Email: mentor@example.org"
expect_screen_has "Phone: 555-0100"
expect_screen_has "Verified: 2022-04-01"
send Enter
wait_for "Enter again opens the selected link"
row=$(row_of "→ Ontario Association of Physicians Abroad")
check "Enter without a link selects the first ($row; cursor $(cursor_row))" test "$(cursor_row)" = "$row"
send Enter
wait_for_re "^ Ontario Association of Physicians Abroad"
expect_screen_has "Ontario Mentorship Program"
send Escape
wait_for_re "^ *→ Ontario Association of Physicians Abroad \(it is part of this\)"
send Escape
wait_for "itpnav · Supports"
expect_screen_has "Search: mentorship"
expect_count 1 14

case_begin "a short detail has no scroll position and PgDn keeps it in place"
send x
expect_count 14 14
send Enter
wait_for_re "^ St. Catharines Medical English"
expect_screen_lacks "%"
send NPage
settle
expect_row_has 1 "St. Catharines Medical English"
send Tab
settle
expect_row_has 1 "St. Catharines Medical English"
check "the program is still running" alive

finish
