#!/usr/bin/env bash
# shortlist.sh: saving entries (a list row, a detail, a link in the results), the ★ marks,
# removing and saving again, notes, the order, what survives a restart and a dataset without one
# of the entries, the handout (text, Markdown, an existing file, on the screen) and New client.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

# tests/fixtures/tui-session.json: five supports (Toronto Exam Study Circle in Toronto, Ontario
# Mentor Match in Ontario, Alberta Bridge Program, and two Canada-wide ones), five pathways.
DATA="$FIXTURES/tui-session.json"
TODAY=$(date +%F)
TXT="$TEST_TMP/itpnav-handout-$TODAY.txt"
MD="$TEST_TMP/itpnav-handout-$TODAY.md"

# The shortlist's rows: "▸ 1. Name ... support" (the selected one) or "  1. Name ... support".
expect_entry() { # N NAME [TAG]
    expect_screen_matches "^[▸ ] $1\. $2 +${3:-(support|pathway)} *$"
}
# expect_box TEXT: the text inside a dialog's box (between its │ borders), its lines joined and
# runs of spaces made one, holds TEXT (for sentences that wrap).
expect_box() {
    [[ "$(screen | sed -n 's/^[^│]*│\(.*\)│[^│]*$/\1/p' | tr -s ' \n' '  ')" == *"$1"* ]] ||
        fail "the dialog lacks (wrapped or not): $1"
}
# A file holds a line with TEXT (grep -F).
file_has() { # FILE TEXT
    grep -qF -e "$2" "$1" || fail "$(basename "$1") lacks: $2"
}

start --size 80x24 -- --data "$DATA"

case_begin "a on a row of the supports list saves it: ★ on the row and the count on top"
wait_for "1  Find supports"
expect_screen_lacks "★"
send 1
expect_count 5 5
expect_screen_matches "^▸ Toronto Exam Study Circle "
send a
wait_for "Saved to the shortlist (1). l shows it, with notes."
expect_screen_matches "^▸★Toronto Exam Study Circle "
expect_row_has 0 "· ★ 1"
send j
wait_for_re "^ ★Toronto Exam Study Circle "
expect_screen_matches "^▸ Alberta Bridge Program "

case_begin "a on a detail saves it: the detail says so"
send /
type_text "mentor match"
expect_count 1 5
send Enter
settle
send Enter
wait_for "itpnav · Detail"
expect_row_has 1 "Ontario Mentor Match"
expect_screen_lacks "★ on your shortlist"
send a
wait_for "Saved to the shortlist (2)."
expect_row_has 1 "★ on your shortlist"
expect_row_has 0 "· ★ 2"
send Escape
wait_for "itpnav · Supports"
expect_screen_matches "^▸★Ontario Mentor Match "
send x
expect_count 5 5

case_begin "Tab then a in the results saves a pathway and a support"
send p
wait_for "1 of 9: Where you live"
type_text toronto
wait_for "Type to find: toronto"
send Enter
wait_for "2 of 9: Your goals"
send Space
wait_for "[x] Practise medicine"
send Down Down Down Down Enter # past the Skip row, to Done
wait_for "3 of 9: Your field"
send Escape
wait_for "itpnav · What's my path?"
send G Enter
wait_for "Which pathways fit your answers"
send a # nothing selected yet
wait_for "Tab selects an entry; then a saves it to the shortlist."
send Tab
wait_cursor "$(row_of "→ Ontario Family Practice Route")"
send a
wait_for "→ Ontario Family Practice Route · available · ★ on your shortlist"
wait_for "Saved to the shortlist (3)."
expect_row_has 0 "· ★ 3"
# The saved supports are marked in the results' supports part too.
send End
wait_for "Supports for where you live and your goals"
expect_screen_has "→ Toronto Exam Study Circle · Toronto · ★"
expect_screen_has "→ Ontario Mentor Match · Ontario · ★"
expect_screen_matches "→ Maple Physicians Network · Canada *$"
send Home
wait_for "Which pathways fit your answers"
for _ in 1 2 3 4; do send Tab; done # the pathways' two links, then the supports'
wait_cursor "$(row_of "→ Maple Physicians Network")"
send a
wait_for "→ Maple Physicians Network · Canada · ★"
wait_for "Saved to the shortlist (4)."

case_begin "l shows the shortlist in the order saved, each with a note line"
send l
wait_for "itpnav · Shortlist"
expect_row_has 1 "Your shortlist: 4 entries"
expect_entry 1 "Toronto Exam Study Circle" support
expect_entry 2 "Ontario Mentor Match" support
expect_entry 3 "Ontario Family Practice Route" pathway
expect_entry 4 "Maple Physicians Network" support
expect_screen_matches "^▸ 1\. Toronto Exam Study Circle"
expect_screen_has "No note: n adds one."
expect_row_has 23 "n note"

case_begin "D removes the selected entry; a on its list row saves it again, at the end"
send D
wait_for "Taken off the shortlist (3 left). u puts it back."
expect_row_has 1 "Your shortlist: 3 entries"
expect_screen_lacks "Toronto Exam Study Circle"
expect_entry 1 "Ontario Mentor Match"
expect_row_has 0 "· ★ 3"
send H 1
wait_for "itpnav · Supports"
wait_for_re "^▸ Toronto Exam Study Circle "
send a
wait_for "Saved to the shortlist (4)."
send l
wait_for "Your shortlist: 4 entries"
expect_entry 4 "Toronto Exam Study Circle" support
expect_entry 1 "Ontario Mentor Match" support

case_begin "n writes a note: Enter saves it and it shows under the entry"
send G # the last entry: Toronto Exam Study Circle
wait_for_re "^▸ 4\. Toronto Exam Study Circle"
send n
wait_for "Note on Toronto Exam Study Circle"
expect_screen_has "A reminder for you or your client; empty removes it."
type_text "Call before 2 pm"
wait_for "│ Call before 2 pm"
send Enter
wait_for "Note saved."
expect_screen_has "     Note: Call before 2 pm"
send Home
wait_for_re "^▸ 1\. Ontario Mentor Match"
send n
wait_for "Note on Ontario Mentor Match"
type_text "Rendez-vous à 14 h"
send Enter
wait_for "     Note: Rendez-vous à 14 h"
send n # the note is there to change; Esc keeps it
wait_for "│ Rendez-vous à 14 h"
send BSpace BSpace BSpace BSpace
wait_for_re "│ Rendez-vous à *│"
send Escape
wait_gone "Note on Ontario Mentor Match"
expect_screen_has "     Note: Rendez-vous à 14 h"

case_begin "K and J move the selected entry; Shift-↑ and Shift-↓ too; the numbers follow"
send G
wait_for_re "^▸ 4\. Toronto Exam Study Circle"
send K
wait_for_re "^▸ 3\. Toronto Exam Study Circle"
send K
wait_for_re "^▸ 2\. Toronto Exam Study Circle"
expect_entry 1 "Ontario Mentor Match"
expect_entry 3 "Ontario Family Practice Route"
expect_entry 4 "Maple Physicians Network"
send K K # at the top it stays at the top
wait_for_re "^▸ 1\. Toronto Exam Study Circle"
settle
expect_screen_matches "^▸ 1\. Toronto Exam Study Circle"
expect_entry 2 "Ontario Mentor Match"
send J
wait_for_re "^▸ 2\. Toronto Exam Study Circle"
send S-Down
wait_for_re "^▸ 3\. Toronto Exam Study Circle"
send S-Up
wait_for_re "^▸ 2\. Toronto Exam Study Circle"
# The order now: Ontario Mentor Match, Toronto Exam Study Circle, Ontario Family Practice Route,
# Maple Physicians Network; the notes went with their entries.
expect_entry 1 "Ontario Mentor Match"
expect_entry 3 "Ontario Family Practice Route"
expect_entry 4 "Maple Physicians Network"
check "the note moved with its entry" test "$(row_of "Note: Call before 2 pm")" = \
    "$(($(row_of "2. Toronto Exam Study Circle") + 1))"

ORDER=("Ontario Mentor Match" "Toronto Exam Study Circle" "Ontario Family Practice Route"
    "Maple Physicians Network")
expect_order() {
    local i
    for i in 0 1 2 3; do expect_entry $((i + 1)) "${ORDER[$i]}"; done
    check "Toronto's note is under it" test "$(row_of "Note: Call before 2 pm")" = \
        "$(($(row_of "2. Toronto Exam Study Circle") + 1))"
    check "Ontario Mentor Match's note is under it" test "$(row_of "Note: Rendez-vous à 14 h")" = \
        "$(($(row_of "1. Ontario Mentor Match") + 1))"
}

case_begin "the shortlist, its order and notes, and the answers survive a restart"
send q
wait_exit
check "q exits with status 0 (it is $(exit_status))" test "$(exit_status)" = 0
check "the state file is there" test -s "$XDG_DATA_HOME/itpnav/state.db"
restart --size 80x24 -- --data "$DATA"
wait_for "1  Find supports"
expect_row_has 0 "· ★ 4"
send l
wait_for "Your shortlist: 4 entries"
expect_order
send p
wait_for "itpnav · What's my path?"
expect_screen_has "1  Where you live        Toronto"
expect_screen_has "2  Your goals            Practise medicine"
send l
wait_for "itpnav · Shortlist"

case_begin "handout as text: the date, the answers, each entry with what it offers, contact, source, date and note"
send e
wait_for "Make a handout"
expect_box "Your shortlist (4 entries), notes, answers and which pathways fit, dated today."
expect_screen_has "1 Save as a text file"
expect_screen_has "2 Save as a Markdown file"
expect_screen_has "3 Show it on the screen"
send 1
wait_for "Save the handout as text"
expect_screen_has "│ itpnav-handout-$TODAY.txt"
expect_box "A file name or path; a bare name goes in $TEST_TMP."
send Enter
wait_for "Handout saved to itpnav-handout-$TODAY.txt"
check "the file is in the current directory" test -s "$TXT"
if [ -s "$TXT" ]; then
    file_has "$TXT" "itpnav handout, $TODAY"
    file_has "$TXT" "Your answers"
    file_has "$TXT" "Where you live: Toronto"
    file_has "$TXT" "Your goals: Practise medicine"
    file_has "$TXT" "Pathways for your answers"
    file_has "$TXT" "Ontario Family Practice Route"
    file_has "$TXT" "Your shortlist"
    file_has "$TXT" "1. Ontario Mentor Match"
    file_has "$TXT" "2. Toronto Exam Study Circle"
    file_has "$TXT" "3. Ontario Family Practice Route"
    file_has "$TXT" "4. Maple Physicians Network"
    check "every entry says what it offers (4)" test "$(grep -c '^What it offers: ' "$TXT")" = 4
    file_has "$TXT" "Website: https://example.org/mentor-match"
    file_has "$TXT" "Phone: 555-0100"
    file_has "$TXT" "Email: study@example.org"
    file_has "$TXT" "Email: hello@maple.example.org"
    check "every entry names its source (4)" \
        test "$(grep -c '^Source: Session Test Source, https://example.org/session' "$TXT")" = 4
    file_has "$TXT" "As of: 2023-02 (checked 2023-05-01); confirm with the organisation"
    file_has "$TXT" "As of: 2023-03; confirm with the organisation"
    file_has "$TXT" "Your note: Call before 2 pm"
    file_has "$TXT" "Your note: Rendez-vous à 14 h"
    check "the entries are in the shortlist's order" test "$(grep -E '^[0-9]\. ' "$TXT" |
        sed 's/^[0-9]\. //' | tr '\n' '|')" = "$(printf '%s|' "${ORDER[@]}")"
fi

case_begin "handout as Markdown"
send e
wait_for "Make a handout"
send 2
wait_for "Save the handout as Markdown"
expect_screen_has "│ itpnav-handout-$TODAY.md"
send Enter
wait_for "Handout saved to itpnav-handout-$TODAY.md"
check "the Markdown file is there" test -s "$MD"
if [ -s "$MD" ]; then
    file_has "$MD" "# itpnav handout, $TODAY"
    file_has "$MD" "## Your answers"
    file_has "$MD" "## Your shortlist"
    file_has "$MD" "### 1. Ontario Mentor Match"
    file_has "$MD" "### 2. Toronto Exam Study Circle"
    file_has "$MD" "### 3. Ontario Family Practice Route"
    file_has "$MD" "### 4. Maple Physicians Network"
    file_has "$MD" "**What it offers:** Weekly study sessions for the Canadian exams in a Toronto library."
    file_has "$MD" "**Email:** study@example.org"
    file_has "$MD" "**Source:** Session Test Source"
    file_has "$MD" "**As of:** 2023-04; confirm with the organisation"
    file_has "$MD" "**Your note:** Call before 2 pm"
fi

case_begin "an existing file: Cancel leaves it, Choose another name asks again, Replace replaces it"
before=$(cksum <"$TXT")
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send Enter
wait_for "itpnav-handout-$TODAY.txt exists already"
expect_screen_has "Replace it, or choose another name?"
expect_screen_has "1 Replace it"
expect_screen_has "2 Choose another name"
expect_screen_has "3 Cancel"
send 3
wait_gone "exists already"
expect_screen_lacks "Handout saved"
check "Cancel left the file as it was" test "$(cksum <"$TXT")" = "$before"
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send Enter
wait_for "exists already"
send 2
wait_for "Save the handout as text"
expect_screen_has "│ itpnav-handout-$TODAY.txt" # the name again, to change
send C-u
type_text for-the-client.txt
wait_for "│ for-the-client.txt"
send Enter
wait_for "Handout saved to for-the-client.txt"
check "the other name was written" test -s "$TEST_TMP/for-the-client.txt"
check "the first file was left as it was" test "$(cksum <"$TXT")" = "$before"
# A changed note, then Replace: the file has the new note.
send G
wait_for_re "^▸ 4\. Maple Physicians Network"
send n
wait_for "Note on Maple Physicians Network"
type_text "Ask about the job board"
send Enter
wait_for "Note: Ask about the job board"
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send Enter
wait_for "exists already"
send 1
wait_for "Handout saved to itpnav-handout-$TODAY.txt"
file_has "$TXT" "Your note: Ask about the job board"

case_begin "Show it on the screen: the handout in the program"
send e
wait_for "Make a handout"
send 3
wait_for "itpnav · Handout"
expect_screen_has "itpnav handout, $TODAY"
text=$(screen)
for _ in 1 2 3 4 5 6 7 8; do
    screen | grep -q 'PgDn for more' || break
    before=$(screen)
    send NPage
    wait_change "$before"
    text+=$'\n'$(screen)
done
for s in "1. Ontario Mentor Match" "2. Toronto Exam Study Circle" "Your note: Call before 2 pm" \
    "4. Maple Physicians Network" "Your answers" "Press e to save this as a file or print it."; do
    grep -qF -e "$s" <<<"$text" || fail "the handout on the screen lacks: $s"
done
send Escape
wait_for "itpnav · Shortlist"

case_begin "a dataset without a shortlisted entry: it stays, \"no longer listed\", with its note"
send q
wait_exit
check "q exits with status 0 (it is $(exit_status))" test "$(exit_status)" = 0
python3 - "$DATA" "$TEST_TMP/less.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["supports"] = [s for s in d["supports"] if s["id"] != "toronto-study"]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
restart --size 80x24 -- --data "$TEST_TMP/less.json"
wait_for "1  Find supports"
expect_row_has 0 "· ★ 4"
send l
wait_for "Your shortlist: 4 entries"
expect_entry 2 "Toronto Exam Study Circle" "no longer listed"
expect_entry 1 "Ontario Mentor Match" support
expect_entry 3 "Ontario Family Practice Route" pathway
check "its note is kept" test "$(row_of "Note: Call before 2 pm")" = \
    "$(($(row_of "2. Toronto Exam Study Circle") + 1))"
send j
wait_for_re "^▸ 2\. Toronto Exam Study Circle"
send Enter
wait_for "Toronto Exam Study Circle is no longer in the data; its name and note are kept"
expect_row_has 0 "itpnav · Shortlist"
send e
wait_for "Make a handout"
send 3
wait_for "itpnav · Handout"
text=$(screen)
for _ in 1 2 3 4 5 6 7 8; do
    screen | grep -q 'PgDn for more' || break
    before=$(screen)
    send NPage
    wait_change "$before"
    text+=$'\n'$(screen)
done
grep -qF "No longer listed in the data" <<<"$text" ||
    fail "the handout does not say the entry is no longer listed"
send Escape
wait_for "itpnav · Shortlist"
# Back on the full dataset it is listed again.
restart --size 80x24 -- --data "$DATA"
wait_for "1  Find supports"
send l
wait_for "Your shortlist: 4 entries"
expect_entry 2 "Toronto Exam Study Circle" support

case_begin "N asks first: Cancel keeps everything; Make the handout first opens the handout menu"
send N
wait_for "Start again for a new client?"
expect_screen_has "This clears the filters, search, answers, the shortlist (4)"
expect_screen_has "1 Make the handout first"
expect_screen_has "2 Clear everything now"
expect_screen_has "3 Cancel"
send 3
wait_gone "Start again for a new client?"
expect_row_has 1 "Your shortlist: 4 entries"
send N
wait_for "Start again for a new client?"
send 1
wait_for "Make a handout"
expect_screen_has "1 Save as a text file"
expect_screen_has "After the handout, press N again to start for the new client."
send Escape
wait_gone "Make a handout"
expect_row_has 1 "Your shortlist: 4 entries"

case_begin "N then 2 clears the filters, the search, the answers, the shortlist and its notes"
send H
wait_for "1  Find supports"
send 1
wait_for "itpnav · Supports"
send r
wait_for "Where do you live?"
type_text toronto
wait_for "Type to find: toronto"
send Enter
wait_for "Where: Toronto"
send g
wait_for "What is your goal?"
type_text pract
wait_for "Type to find: pract"
send Enter
wait_for "Goal: Practise medicine"
send /
type_text study
wait_for "Search: study"
send Enter
settle
expect_screen_has "Filters: where Toronto · goal Practise medicine · words \"study\""
send N
wait_for "Start again for a new client?"
send 2
wait_for "Ready for a new client: filters, answers, shortlist and notes cleared."
expect_row_has 0 "itpnav · Home"
expect_row_has 0 "Where: anywhere · Goal: any"
expect_screen_lacks "★"
send 1
wait_for "itpnav · Supports"
expect_count 5 5
expect_screen_has "Filters: none"
expect_screen_has "Search: press / and type"
expect_screen_lacks "★"
send l
wait_for "itpnav · Shortlist"
expect_screen_has "Your shortlist: 0 entries"
expect_screen_has "Nothing saved yet."
send p # no answers: the questions start again one by one
wait_for "1 of 9: Where you live"
send Escape
wait_for "1  Where you live        not answered"

case_begin "the cleared state stays cleared after a restart"
send q
wait_exit
check "q exits with status 0 (it is $(exit_status))" test "$(exit_status)" = 0
restart --size 80x24 -- --data "$DATA"
wait_for "1  Find supports"
expect_row_has 0 "Where: anywhere · Goal: any"
expect_screen_lacks "★"
send l
wait_for "Nothing saved yet."
send p
wait_for "1 of 9: Where you live"
send Escape
wait_for "2  Your goals            not answered"
expect_screen_has "7  Exams passed          not answered"
send q
wait_exit
check "q exits with status 0 (it is $(exit_status))" test "$(exit_status)" = 0

finish
