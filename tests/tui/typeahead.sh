#!/usr/bin/env bash
# typeahead.sh: keys typed ahead of the screen (sent in one burst, as a fast typist, a paste or
# a held key sends them) act on the row the person sees selected: never on a row of the page the
# screen showed before (adversarial run D1: "G a" took another saved entry off, with its note).
. "$(dirname "$0")/lib.sh"

# A list longer than a screen: tests/fixtures/tui-deep.json's 14 supports and two copies of them
# ("Name 2", "Name 3"), at 80x24.
DATA="$TEST_TMP/long.json"
python3 - "$FIXTURES/tui-deep.json" "$DATA" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
base = list(d["supports"])
for k in (2, 3):
    for s in base:
        c = dict(s)
        c["id"] = f"{s['id']}-{k}"
        c["name"] = f"{s['name']} {k}"
        c.pop("part_of", None)
        d["supports"].append(c)
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF

# burst KEY...: the keys in one tmux command: they reach the program together.
burst() {
    tm send-keys -t "$SESSION" "$@"
}

# The name on the selected row (the gutter's marks, and what follows two spaces, left out).
selected_name() {
    screen | sed -n 's/^▸.\(.*\)$/\1/p' | head -n 1 | sed 's/  .*//'
}

# The shortlist's entries, in order: "1. Name" lines.
shortlist_names() {
    screen | sed -n 's/^[▸ ] \([0-9][0-9]*\. .*[^ ]\)  *\(support\|pathway\) *$/\1/p'
}

start --size 80x24 -- --data "$DATA"

case_begin "G then a in one burst saves the last row, and leaves the saved entry and its note"
wait_for "1  Find supports"
send 1
expect_count 42 42
send NPage
settle
first=$(selected_name)
send a
wait_for "Saved to the shortlist (1)."
send l
wait_for "itpnav · Shortlist"
send n
wait_for "Note on $first"
type_text "call Tuesday"
send Enter
wait_for "Note: call Tuesday"
send Escape
wait_for "itpnav · Supports"
burst G a
wait_for "Saved to the shortlist (2)."
last=$(selected_name)
check "the last row is selected (got: $last)" test "$last" = "Canada Physicians Network 3"
expect_screen_matches "^▸★Canada Physicians Network 3 "
send l
wait_for "Your shortlist: 2 entries"
check "the first saved entry is still there, first" test "$(shortlist_names | head -n 1)" = "1. $first"
expect_screen_has "Note: call Tuesday"
check "the last row is second" test "$(shortlist_names | sed -n 2p)" = "2. $last"

case_begin "G then Enter in one burst opens the last row"
send Escape
wait_for "itpnav · Supports"
burst Home
settle
burst G Enter
wait_for "itpnav · Detail"
expect_row_has 1 "Canada Physicians Network 3"
send Escape
wait_for "itpnav · Supports"

case_begin "a then j, 42 times in one burst: every row saved once, in order"
send l
wait_for "itpnav · Shortlist"
send D
wait_for "Your shortlist: 1 entry"
send D
wait_for "Your shortlist: 0 entries"
send Escape
wait_for "itpnav · Supports"
burst Home
settle
keys=()
for _ in $(seq 42); do keys+=(a j); done
burst "${keys[@]}"
# (Not the message: under load a frame may show it before the last j, which then puts it away.)
wait_for_re "^ itpnav · Supports .*★ 42 *\$" 20
send l
wait_for "Your shortlist: 42 entries"
send Home
settle
names=$(shortlist_names)
for n in 1 2 3; do
    check "entry $n is the list's row $n" grep -q "^$n\. " <<<"$names"
done
check "no entry was saved twice or left out (42 distinct)" \
    test "$(sed 's/^[0-9]*\. //' <<<"$names" | sort -u | wc -l)" = "$(wc -l <<<"$names")"

case_begin "D twice in one burst on the shortlist takes off two entries, the two selected"
send Home
settle
one=$(shortlist_names | sed -n 1p | sed 's/^1\. //')
two=$(shortlist_names | sed -n 2p | sed 's/^2\. //')
three=$(shortlist_names | sed -n 3p | sed 's/^3\. //')
burst D D
wait_for "Your shortlist: 40 entries"
check "the third entry is first now" test "$(shortlist_names | sed -n 1p)" = "1. $three"
check "the first two are gone" test "$(shortlist_names | grep -cxF -e "1. $one" -e "2. $two")" = 0

finish
