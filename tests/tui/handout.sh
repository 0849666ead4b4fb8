#!/usr/bin/env bash
# handout.sh: the handout is for the person who takes it: their shortlist and notes first, then
# what their answers gave (the answers, the pathways, the supports); every entry with its contact
# or "no public contact found"; and no handout at all when there is nothing to put in it.
. "$(dirname "$0")/lib.sh"

# tests/fixtures/tui-session.json, with a website for Maple Physicians Network, a phone for
# Toronto Exam Study Circle and no contact for Ontario Mentor Match (pathways have none).
DATA="$TEST_TMP/handout.json"
python3 - "$FIXTURES/tui-session.json" "$DATA" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for s in d["supports"]:
    if s["id"] == "maple-net":
        s["contact"] = {"website": "https://example.org/maple"}
    if s["id"] == "toronto-study":
        s["contact"] = {"phone": "416-555-0100"}
    if s["id"] == "on-mentors":
        s.pop("contact", None)
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
TODAY=$(date +%F)
TXT="$TEST_TMP/itpnav-handout-$TODAY.txt"

# line_of TEXT: the first line number of TEXT in the handout (empty when it is not there).
line_of() {
    grep -nF -e "$1" "$TXT" | head -n 1 | cut -d: -f1
}
before() { # A B: A's line comes before B's
    local a b
    a=$(line_of "$1")
    b=$(line_of "$2")
    [ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}

start --size 80x24 -- --data "$DATA"

case_begin "nothing saved and nothing answered: no handout, and why"
wait_for "1  Find supports"
send e
wait_for "Nothing to hand out yet: nothing is saved on the shortlist and no question"
expect_screen_lacks "Make a handout"
check "no file was written" test -z "$(ls "$TEST_TMP"/itpnav-handout-* 2>/dev/null)"

case_begin "a shortlist with a note, and answers: the handout is made"
send 1
expect_count 5 5
send /
type_text maple
send Enter a
wait_for "Saved to the shortlist (1)."
send x /
type_text "mentor match"
send Enter a
wait_for "Saved to the shortlist (2)."
send x l
wait_for "Your shortlist: 2 entries"
send n
type_text "ask about the March group"
send Enter
wait_for "Note: ask about the March group"
send p
wait_for "1 of 9: Where you live"
type_text toronto
send Enter
wait_for "2 of 9: Your goals"
send Space Down Down Down Enter
wait_for "3 of 9"
send Escape
wait_for "itpnav · What's my path?"
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send Enter
wait_for "Handout saved to"
check "the file is there" test -s "$TXT"

case_begin "the shortlist and its notes come first, then the answers, the pathways, the supports"
check "the shortlist before the answers" before "Your shortlist" "Your answers"
check "the answers before the pathways" before "Your answers" "Pathways for your answers"
check "the pathways before the supports" before "Pathways for your answers" \
    "Supports for where you live and your goals"
check "the note right after its entry's name" before "1. Maple Physicians Network" \
    "Your note: ask about the March group"
check "the note before the entry's details" before "Your note: ask about the March group" \
    "What it is:"

case_begin "every entry shows its contact, or says there is none"
grep -qF "Website: https://example.org/maple" "$TXT" || fail "Maple's website is not in it"
grep -qF "Contact: no public contact found" "$TXT" ||
    fail "an entry without contact does not say so"
grep -qE "Toronto Exam Study Circle \(Toronto\): 416-555-0100" "$TXT" ||
    fail "a support of the answers' part lacks its phone"
grep -qE "Ontario Mentor Match \(Ontario\): no public contact found" "$TXT" ||
    fail "a support of the answers' part without contact does not say so"
# Each pathway of the results part has a contact line: each judged one (its verdict) and each
# national one shown as context beside a route (no verdict of its own).
pathways=$(sed -n '/^Pathways for your answers/,/^Supports for where you live/p' "$TXT" |
    grep -cE '^(Verdict|Across Canada): ')
contacts=$(sed -n '/^Pathways for your answers/,/^Supports for where you live/p' "$TXT" |
    grep -c '^Contact: ')
check "every pathway ($pathways) has a contact line ($contacts)" test "$pathways" = "$contacts"
check "there are pathways in it" test "$pathways" -gt 0

finish
