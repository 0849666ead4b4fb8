#!/usr/bin/env bash
# layout.sh: nothing essential is cut off at 80x24, nor at 40x12: Home's title and menu, the
# filter bar, the saved count, the names that tell entries apart, the wizard's instructions, the
# kiosk's notice; status hints are dropped whole, never cut; a WHERE column that only repeats the
# chosen place gives its room to the names; dialogs keep inside their boxes; with NO_COLOR one
# row looks selected; and the top bar never cuts a character in two (adversarial run D14c).
. "$(dirname "$0")/lib.sh"

# tests/fixtures/tui-session.json with the bundled data's long title, a pathway with a long name,
# no Canada-wide pathway (so that a province's pathways all say that province), and a region
# whose name is 60 CJK characters (180 bytes).
DATA="$TEST_TMP/layout.json"
TITLE="itpnav: supports and pathways for internationally trained physicians in Canada"
LONG="Practice-ready assessment for specialists (Nova Scotia Health)"
python3 - "$FIXTURES/tui-session.json" "$DATA" "$TITLE" "$LONG" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["dataset"]["title"] = sys.argv[3]
d["pathways"] = [p for p in d["pathways"] if p["regions"] != ["canada"]]
d["pathways"].append({"id": "ns-specialists", "goal": "practice", "name": sys.argv[4],
                      "regions": ["ontario"], "status": "limited",
                      "summary": "An assessment for specialists.", "source": "src-session",
                      "as_of": "2023-05"})
d["regions"].append({"id": "kanji", "name": "漢" * 60, "parent": "canada", "kind": "region"})
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF

# joined: the screen's rows 1 to 22 as one line, runs of spaces made one (sentences that wrap).
joined() {
    screen | sed -n '2,23p' | tr -s ' \n' '  '
}
expect_joined() {
    [[ "$(joined)" == *"$1"* ]] || fail "the screen lacks (wrapped or not): $1"
}

# hints_whole: the status bar is whole hints ("key word", two spaces apart, or one where that keeps
# a hint two would leave out), none cut.
hints_whole() {
    local bar
    bar=$(screen | tail -n 1 | sed 's/ *$//')
    [[ "$bar" != *"…"* ]] || return 1
    local h='(Enter open|a save|/ search|r where|g goal|x clear|Esc back|\? help|q quit|H home|Tab select|p my path|l shortlist|e handout|n note|K move|D remove|u undo|L français|L English)'
    grep -Eq "^$h(  $h)*\$|^$h( $h)*\$" <<<"$bar"
}

# boxes_closed: every row between a dialog's top and bottom corners has its side lines at the
# corners' columns (display columns): nothing drawn over or past a box's edge.
boxes_closed() {
    screen | python3 -c '
import sys, unicodedata
def w(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF"
               else 1 for c in s)
def at(line, col):
    n = 0
    for c in line:
        if n == col:
            return c
        n += w(c)
    return " "
lines = sys.stdin.read().split("\n")
top = next((i for i, l in enumerate(lines) if "┌" in l), None)
if top is None:
    sys.exit("no box on the screen")
left = w(lines[top][: lines[top].index("┌")])
right = w(lines[top][: lines[top].index("┐")])
for i in range(top + 1, len(lines)):
    if at(lines[i], left) == "└":
        if at(lines[i], right) != "┘":
            sys.exit(f"row {i}: the bottom right corner is {at(lines[i], right)!r}")
        sys.exit(0)
    if at(lines[i], left) != "│" or at(lines[i], right) != "│":
        sys.exit(f"row {i}: {at(lines[i], left)!r} and {at(lines[i], right)!r} at the box edges")
sys.exit("the box has no bottom")
'
}

width_is() { test "$(pane_value '#{pane_width}')" = "$1"; }

# reverse_rows: how many rows between the bars have reverse video in them.
reverse_rows() {
    screen_e | sed '1d;$d' | grep -c $'\e\\[[0-9;]*7[;m]'
}

start --size 80x24 -- --data "$DATA"

case_begin "80x24 Home: the title, the data's date and the menu, whole"
wait_for "1  Find supports"
expect_joined "$TITLE"
expect_joined "Data as of 2023-05."
for item in "1  Find supports" "2  Pathways to practice" "3  What's my path?" "4  Shortlist" \
    "5  About" "6  Help"; do
    expect_screen_has "$item"
done
expect_screen_has "groups and programs that help, near you or online"
expect_screen_has "PRA, residency, clinical assistant, other careers"
expect_screen_has "a few questions: which pathways fit you, and why"
expect_screen_lacks "…"
check "the status bar is whole hints" hints_whole

case_begin "80x24: a long name tells its entry apart, whole"
send 2
expect_count 4 4
expect_screen_matches "^[▸ ] $(sed 's/[()]/\\&/g' <<<"$LONG")  "
expect_screen_lacks "…"

case_begin "a WHERE column that only repeats the chosen place gives its room away"
send r
wait_for "Where do you live?"
type_text alberta
send Enter
wait_for "Filters: where Alberta"
expect_count 1 4
expect_screen_matches "^  NAME +STATUS *$"
send r
wait_for "Where do you live?"
type_text calgary
send Enter
wait_for "Filters: where Calgary"
# Calgary's pathways are Alberta's: the column says something new again.
expect_screen_matches "^  NAME +STATUS +WHERE *$"
send x
expect_count 4 4

case_begin "80x24: every filter in force shows in the filter bar, whole"
send Escape 1
expect_count 5 5
send r
type_text toronto
send Enter
wait_for "Filters: where Toronto"
send g
wait_for "What is your goal?"
type_text practise
send Enter
send s
wait_for "What kind of help?"
send Down Enter
send d
wait_for "How is it delivered?"
send Down Enter
send t
wait_for "Which type?"
send Down Enter
send /
type_text "study circle"
send Enter
settle
for part in "where Toronto" "goal Practise medicine" "service " "only" 'words "study circle"' \
    "x clears"; do
    screen | sed -n '2,4p' | tr -s ' \n' '  ' | grep -qF -e "$part" ||
        fail "the filter bar lacks: $part"
done
check "nothing in the filter bar is cut" test -z "$(screen | sed -n '2,4p' | grep -F '…')"
send x
expect_count 5 5

case_begin "80x24: the wizard's instructions, whole"
send H 3
wait_for "1 of 9: Where you live"
send Escape
wait_for "itpnav · What's my path?"
expect_joined "Answer what you like; every question can be skipped. Enter changes an answer."
expect_screen_lacks "…"

case_begin "40x12: the saved count stays in the top bar; hints are whole"
send H 1
expect_count 5 5
send a
wait_for "Saved to the shortlist (1)."
resize 40 12
wait_until "the window is 40 columns wide" width_is 40
settle
expect_row_has 0 "★ 1"
check "the status bar is whole hints" hints_whole
expect_screen_has "? help"

case_begin "40x12: Home keeps its menu whole"
send H
wait_for "6  Help"
for item in "1  Find supports" "2  Pathways to practice" "3  What's my path?" "4  Shortlist"; do
    expect_screen_has "$item"
done
check "the status bar is whole hints" hints_whole

case_begin "40x12: dialogs draw inside their boxes"
send r
wait_for "Where do you live?"
check "the picker's box is closed" boxes_closed
send Escape
send 3
wait_for "1 of 9: Where you live"
check "the question's box is closed" boxes_closed
send Escape
send H l
wait_for "itpnav · Shortlist"
send n
wait_for "Note on"
check "the prompt's box is closed" boxes_closed
send Escape
send N
wait_for "Start again for a new client?"
check "the confirmation's box is closed" boxes_closed
send Escape

case_begin "the top bar never cuts a character in two (a 180-byte place name, 200 columns)"
resize 200 24
wait_until "the window is 200 columns wide" width_is 200
send H r
wait_for "Where do you live?"
type_text 漢漢漢
send Enter
wait_gone "Where do you live?"
settle
check "no U+FFFD in the top bar" test -z "$(screen_line 0 | grep -F $'\xef\xbf\xbd')"
expect_row_has 0 "itpnav · Home"
expect_row_has 0 "Where: 漢漢漢"
expect_screen_lacks $'\xef\xbf\xbd'
resize 80 24

case_begin "a kiosk's notice on Home, whole, at 80x24"
start --size 80x24 -- --kiosk --data "$DATA"
wait_for "1  Find supports"
expect_joined "This computer is shared: what you do here is cleared after 120 seconds without use."

case_begin "NO_COLOR: under a dialog, one row looks selected"
start --size 80x24 --env NO_COLOR=1 -- --data "$DATA"
wait_for "1  Find supports"
send 1
expect_count 5 5
check "one reverse row before the dialog (got $(reverse_rows))" test "$(reverse_rows)" = 1
send r
wait_for "Where do you live?"
check "one reverse row with the dialog open (got $(reverse_rows))" test "$(reverse_rows)" = 1

finish
