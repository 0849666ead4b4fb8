#!/usr/bin/env bash
# old.sh: old data is visible. The lists mark each entry whose facts were last checked (verified,
# else as_of) more than two years before today with ◷ (its ASCII form: !); Home says how many
# there are; the help says what the mark means. Today is the clock's: the fixture is written
# with dates far in the past and dates of last month.
. "$(dirname "$0")/lib.sh"

DATA="$TEST_TMP/old.json"
RECENT=$(date -d '30 days ago' +%F)
python3 - "$FIXTURES/tui-session.json" "$DATA" "$RECENT" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
recent = sys.argv[3]
old = {"maple-net": "2001-05", "on-mentors": "2001", "on-residency": "2003-02-01"}
for e in d["supports"] + d["pathways"]:
    e["as_of"] = old.get(e["id"], recent)
    e.pop("verified", None)
# Old as of, but checked last month: not old.
for s in d["supports"]:
    if s["id"] == "ab-bridge":
        s["as_of"] = "2002-01"
        s["verified"] = recent
d["dataset"]["as_of"] = recent
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF

start --size 80x24 -- --data "$DATA"

case_begin "Home says how many entries are old, and how they are marked"
wait_for "1  Find supports"
expect_screen_has "3 entries are more than 2 years old (marked ◷)."

case_begin "the supports list marks the old ones, and only them"
send 1
expect_count 5 5
expect_screen_matches "^[▸ ] Maple Physicians Network  ◷ "
expect_screen_matches "^[▸ ] Ontario Mentor Match  ◷ "
for name in "Toronto Exam Study Circle" "Careers Beside Medicine" "Alberta Bridge Program"; do
    expect_screen_matches "^[▸ ] $name +(group|program) "
done

case_begin "the pathways list too"
send Escape 2
expect_count 5 5
expect_screen_matches "^[▸ ] Ontario Residency Stream  ◷ "
check "one old pathway" test "$(screen | grep -c '  ◷ ')" = 1

case_begin "the help says what the mark means"
send '?'
wait_for "itpnav · Help"
expect_screen_has "◷ an entry"
expect_screen_has "more than 2 years old"

case_begin "in ASCII the mark is !"
start --size 80x24 --env LANG=C --env LC_ALL=C -- --data "$DATA"
wait_for "1  Find supports"
expect_screen_has "(marked !)"
send 1
expect_count 5 5
expect_screen_matches "^[> ] Maple Physicians Network  ! "

finish
