#!/usr/bin/env bash
# screens.sh: every screen is reachable, Esc comes back, H goes home, help lists every key of the
# key table (src/ui/keys.c, as tests/unit/test_keys.c --help-lines writes it), and q quits with
# the terminal restored.
. "$(dirname "$0")/lib.sh"

# The help the key table writes, one line a key ("label<TAB>sentence") or a section
# ("<TAB>title"): tests/unit/test_keys.c, which links the table itself.
: "${TEST_KEYS:=$SOURCE_ROOT/build/tests/unit/test_keys}"
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"

case_begin "home: the dataset's title, its date, the place, the goal and the six menu items"
wait_for "Find supports"
expect_row_has 0 "itpnav · Home"
expect_screen_has "TUI test fixture: a deeper region tree"
expect_screen_has "Data as of 2022-03."
expect_screen_has "Where: anywhere · Goal: any"
for item in "1  Find supports" "2  Pathways to practice" "3  What's my path?" "4  Shortlist" \
    "5  About" "6  Help"; do
    expect_screen_has "$item"
done
# The status bar is generated from the key table.
expect_row_has 23 "Enter open"
expect_row_has 23 "q quit"

case_begin "1: the supports list, and Esc returns home"
send 1
wait_for "itpnav · Supports"
expect_count 14 14
expect_screen_has "NAME"
expect_screen_has "KIND"
expect_screen_has "Horseshoe Career Bridge"
expect_row_has 23 "/ search"
send Escape
wait_for "itpnav · Home"
expect_screen_has "Find supports"

case_begin "2: the pathways list shows each status in words"
send 2
wait_for "itpnav · Pathways to practice"
expect_count 5 5
expect_screen_has "STATUS"
for status in available limited proposed closed; do
    expect_screen_matches "  $status +[A-Z]"
done
# (◷ after a name: its facts are more than two years old, as every fixture's are by now.)
expect_screen_matches "Residency match +(◷ +)?limited +Canada"
expect_screen_matches "Clinical assistant role +(◷ +)?proposed"

case_begin "Enter on a pathway opens its detail; Esc returns to the list"
send G
wait_for_re "^▸ Residency match"
send Enter
wait_for "itpnav · Detail"
expect_row_has 1 "Residency match"
expect_screen_has "Status: limited"
expect_screen_has "Leads to: Residency"
send Escape
wait_for "itpnav · Pathways to practice"
expect_screen_matches "^▸ Residency match"

case_begin "H goes home from a detail two screens deep"
send Enter
wait_for "itpnav · Detail"
send H
wait_for "itpnav · Home"
expect_screen_has "Find supports"
# Home is the bottom: Esc there does nothing.
send Escape
send 1
wait_for "itpnav · Supports"
send Escape
wait_for "itpnav · Home"

case_begin "3 opens What's my path? at its first question; 4 opens the shortlist"
send 3
wait_for "1 of 9: Where you live"
send Escape
wait_for "itpnav · What's my path?"
expect_screen_has "▶ Results:"
send H
wait_for "itpnav · Home"
send 4
wait_for "itpnav · Shortlist"
expect_screen_has "Nothing saved yet."
send H
wait_for "itpnav · Home"

case_begin "5: about shows the dataset's notes, date and sources"
send 5
wait_for "itpnav · About"
expect_screen_has "Made up for tests/tui"
expect_screen_has "About this data"
expect_screen_has "The data is as of 2022-03."
expect_screen_has "Compiled by: itpnav tests"
expect_screen_has "Sources"
expect_screen_has "Test Source for Screens"
send H
wait_for "itpnav · Home"

case_begin "6: help; Esc returns home"
send 6
wait_for "itpnav · Help"
expect_screen_has "Help: the keys of itpnav"
expect_screen_has "Everywhere"
send Escape
wait_for "itpnav · Home"

case_begin "? on a list opens help, and Esc returns to the list, not home"
send 1
wait_for "itpnav · Supports"
send '?'
wait_for "itpnav · Help"
send Escape
wait_for "itpnav · Supports"
send F1
wait_for "itpnav · Help"
send Escape
wait_for "itpnav · Supports"
send H
wait_for "itpnav · Home"

# ---- help against the key table ----

# Each key line of the table's help: its label (twice, as the checks below name it) and the
# first words of its sentence, tab-separated; the sections' titles apart.
key_help=$("$TEST_KEYS" --help-lines) || fail "$TEST_KEYS --help-lines failed"
table=$(awk -F'\t' '$1 != "" {
        n = split($2, w, " "); words = w[1]
        for (i = 2; i <= n && i <= 3; i++) words = words " " w[i]
        print $1 "\t" $1 "\t" words }' <<<"$key_help")
sections=$(awk -F'\t' '$1 == "" { print $2 }' <<<"$key_help")
n_table=$(awk -F'\t' '$1 != ""' <<<"$key_help" | grep -c .)

# The whole help text, page after page.
send 6
wait_for "Help: the keys of itpnav"
help_text=$(screen)
for _ in $(seq 1 16); do
    screen | grep -q ' 100% *$' && break
    screen | grep -qE ' [0-9]+% *$' || break
    before=$(screen)
    send NPage
    wait_change "$before"
    help_text+=$'\n'$(screen)
done

case_begin "help: every action's label in the key table is on the help screen"
n_parsed=$(grep -c . <<<"$table")
check "all $n_table key lines of the table's help read (got $n_parsed)" test "$n_parsed" = "$n_table"
check "the table has the usual actions" test "$n_parsed" -ge 20
while IFS=$'\t' read -r action label words; do
    [ -n "$action" ] || continue
    grep -qF -e "   $label " <<<"$help_text" ||
        fail "help lacks the label \"$label\" of $action"
    grep -qF -e "$words" <<<"$help_text" ||
        fail "help lacks the sentence of $action (starting \"$words\")"
done <<<"$table"

case_begin "help: sentences from the key table and the search keys"
for sentence in "Move up one line." "Show only groups or only programs." "Quit itpnav." \
    "Select the previous link on the page." "Delete the last word." "Clear the search." \
    "Keep the search and return to the list."; do
    grep -qF -e "$sentence" <<<"$help_text" || fail "help lacks: $sentence"
done
for heading in "Everywhere" "In a list" "On a detail screen" "While typing a search"; do
    grep -qF -e " $heading" <<<"$help_text" || fail "help lacks the section: $heading"
done
while IFS= read -r heading; do
    grep -qF -e " $heading" <<<"$help_text" || fail "help lacks the table's section: $heading"
done <<<"$sections"

# Regression (fixed): src/screens/help.c builds each key line as the prefix "  LABEL " (2 + 12 + 1 = 15
# columns, drawn from x 1, so the sentence starts at column 16) but passes indent 16 to tv_add,
# which puts the sentence's wrapped lines at x 1 + 16 = column 17: every wrapped help sentence
# ("Choose where you live: ... / the list of regions.", the search sentence, ...) has its later
# lines one column to the right of its first. (Labels holding arrows were also 2 columns short
# until help.c padded them by columns; this case checks both.)
case_begin "help: every sentence starts in the same column"
printf '%s\n' "$help_text" >"$TEST_TMP/help.txt"
cut -f2 <<<"$table" >"$TEST_TMP/labels.txt"
why=$(python3 - "$TEST_TMP/help.txt" "$TEST_TMP/labels.txt" <<'EOF'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF"
               else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
labels = sorted(open(sys.argv[2], encoding="utf-8").read().splitlines(), key=len, reverse=True)
starts = []  # (what, column where its sentence text starts)
for line in lines:
    for lab in labels:
        if line.startswith("   " + lab + " "):
            rest = line[3 + len(lab):]
            starts.append((lab, width(line[: len(line) - len(rest.lstrip(" "))])))
            break
    else:
        text = line.lstrip(" ")
        # A wrapped sentence's next line: deeply indented text (not the scroll position).
        if line.startswith(" " * 10) and text and not text.rstrip().endswith("%"):
            starts.append(("wrapped: " + text[:24], width(line[: len(line) - len(text)])))
want = dict(starts).get("PgUp")
wrong = list(dict.fromkeys(f"{what!r} at {c}" for what, c in starts if c != want))
if want is None or wrong:
    print(f"sentences should start at column {want}, like PgUp's; these do not: " + "; ".join(wrong))
    sys.exit(1)
EOF
) || fail "$why"

case_begin "Esc leaves help"
send Escape
wait_for "itpnav · Home"

case_begin "q quits: exit status 0, the shell's terminal modes, main screen and cursor come back"
check "during the run the program uses the alternate screen" test "$(pane_value '#{alternate_on}')" = 1
send q
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"
expect_screen_lacks "itpnav · "
check "the alternate screen is left" test "$(pane_value '#{alternate_on}')" = 0
check "the cursor is visible again" test "$(pane_value '#{cursor_flag}')" = 1
check "keypad mode is off again" test "$(pane_value '#{keypad_flag}#{keypad_cursor_flag}')" = 00
check "the mouse is released" test "$(pane_value '#{mouse_any_flag}#{mouse_standard_flag}')" = 00

case_begin "q quits from a screen deep in the stack too"
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"
wait_for "Find supports"
send 2
wait_for "itpnav · Pathways"
send Enter
wait_for "itpnav · Detail"
send q
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"

case_begin "Ctrl-C ends the program and still gives the terminal back"
start --size 80x24 -- --data "$FIXTURES/tui-deep.json"
wait_for "Find supports"
send 1
expect_count 14 14
send C-c
wait_exit
expect_screen_has "TTY:same"
expect_screen_lacks "itpnav · "
check "the alternate screen is left" test "$(pane_value '#{alternate_on}')" = 0
check "the cursor is visible again" test "$(pane_value '#{cursor_flag}')" = 1
check "the mouse is released" test "$(pane_value '#{mouse_any_flag}#{mouse_standard_flag}')" = 00

finish
