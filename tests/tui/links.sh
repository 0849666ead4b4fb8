#!/usr/bin/env bash
# links.sh: a web address is never broken across lines. On the screen one that does not fit after
# its label starts a row of its own; one longer than a row fills whole rows that the terminal is
# made to wrap itself, so that a copy, or the terminal's own link finder, gets it whole (tmux's
# capture-pane -J joins such rows). In `itpnav show` and the text handout each is on one line,
# whole, however long. Where the terminal is known to show them (VTE_VERSION, ..., or
# ITPNAV_HYPERLINKS=1) an address is an OSC 8 hyperlink, its target percent-encoded ASCII; never
# in a kiosk, under tmux or with ITPNAV_HYPERLINKS=0.
. "$(dirname "$0")/lib.sh"

DATA="$TEST_TMP/links.json"
SHORT="https://example.org/ontario-route"
MID="https://example.org/guides/a-guide-for-physicians-who-trained-abroad/index.html"
LONG="https://example.org/news-releases/a-school-of-continuing-education-launches-a-bridging-program-for-internationally-trained-doctors-516756431.html"
ACCENT="https://example.org/accéder-à-la-profession/permis"
python3 - "$FIXTURES/tui-session.json" "$DATA" "$SHORT" "$MID" "$LONG" "$ACCENT" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
short, mid, long, accent = sys.argv[3:7]
for s in d["supports"]:
    if s["id"] == "maple-net":
        s["contact"] = {"website": long}
for p in d["pathways"]:
    if p["id"] == "on-practice":
        p["links"] = [{"title": "Ontario route", "url": short},
                      {"title": "A guide for physicians who trained abroad", "url": mid},
                      {"title": "Accéder à la profession", "url": accent}]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF

# joined_has TEXT: the screen with the rows the terminal wrapped itself joined holds TEXT.
joined_has() {
    tm capture-pane -p -J -t "$SESSION" | grep -qF -e "$1"
}

start --size 80x24 -- --data "$DATA"

case_begin "a detail: an address that fits stays after its label, whole, on one row"
wait_for "1  Find supports"
send 2
expect_count 5 5
send /
type_text "family practice"
send Enter Enter
wait_for "itpnav · Detail"
for _ in 1 2 3; do
    screen | grep -qF "$SHORT" && break
    send NPage
    settle
done
expect_screen_matches "^ Ontario route: $SHORT *\$"

case_begin "a detail: a longer address starts a row of its own, whole"
expect_screen_has "A guide for physicians who trained abroad:"
expect_screen_matches "^ *$MID *\$"

case_begin "a detail: an address longer than a row is whole once the terminal's rows are joined"
send Escape H 1
send x
expect_count 5 5
send /
type_text maple
send Enter Enter
wait_for "itpnav · Detail"
for _ in 1 2 3; do
    screen | grep -qF "${LONG:0:40}" && break
    send NPage
    settle
done
check "capture-pane -J holds the whole address" joined_has "$LONG"
row=$(row_of "${LONG:0:40}")
check "it starts a row of its own, at the first column" \
    test "$(screen_line "$row" | cut -c1-40)" = "${LONG:0:40}"

case_begin "itpnav show: every address on one line, whole"
COLUMNS=80 "$ITPNAV" show --format text --data "$DATA" maple-net >"$TEST_TMP/show.txt" 2>&1
COLUMNS=80 "$ITPNAV" show --format text --data "$DATA" on-practice >>"$TEST_TMP/show.txt" 2>&1
for url in "$LONG" "$MID" "$ACCENT" "$SHORT"; do
    grep -qE "(^| )$(sed 's/[.]/\\./g' <<<"$url") *\$" "$TEST_TMP/show.txt" ||
        fail "show lacks a line of its own with $url"
done

case_begin "the text handout: every address on one line, whole"
send a
wait_for "Saved to the shortlist (1)."
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send Enter
wait_for "Handout saved to"
file=$(ls "$TEST_TMP"/itpnav-handout-*.txt 2>/dev/null | head -n 1)
check "a handout file was written" test -n "$file"
grep -qE "^ *(Website: )?$(sed 's/[.]/\\./g' <<<"$LONG") *\$" "$file" ||
    fail "the handout lacks a line with the whole address $LONG"

# ---- OSC 8 hyperlinks, read from the raw output of the program in a pseudo-terminal ----

# osc8 OUT KEYS ENV... -- ARGS...: run itpnav with ENV in a pty at 80x24 and send KEYS (see
# pty-run.py); the raw output goes to OUT.
osc8() {
    local out=$1 keys=$2
    shift 2
    local -a envs=()
    while [ "$1" != "--" ]; do
        envs+=("$1")
        shift
    done
    shift
    env -i PATH="$PATH" HOME="$HOME" XDG_CACHE_HOME="$XDG_CACHE_HOME" \
        XDG_DATA_HOME="$TEST_TMP/data-osc8" LANG=C.UTF-8 LC_ALL=C.UTF-8 "${envs[@]}" \
        python3 "$LIB_DIR/pty-run.py" "$out" 80x24 "$keys" -- "$ITPNAV" "$@"
}
MAPLE='1|/|maple|\r|\r|\x1b[6~'            # the support with the long address, paged down
ROUTE='2|/|family practice|\r|\r|\x1b[6~' # the pathway with three links

# links_in OUT: the targets of the OSC 8 hyperlinks in OUT, one a line.
links_in() {
    python3 -c '
import re, sys
data = open(sys.argv[1], "rb").read()
for m in re.finditer(rb"\x1b\]8;[^;\x1b\x07]*;([^\x1b\x07]*)(\x1b\\|\x07)", data):
    if m.group(1):
        print(m.group(1).decode("latin-1"))' "$1"
}

case_begin "a terminal known to show hyperlinks (VTE_VERSION): each address is an OSC 8 link"
osc8 "$TEST_TMP/vte1.out" "$MAPLE" TERM=xterm-256color VTE_VERSION=7600 -- --data "$DATA"
osc8 "$TEST_TMP/vte2.out" "$ROUTE" TERM=xterm-256color VTE_VERSION=7600 -- --data "$DATA"
{ links_in "$TEST_TMP/vte1.out"; links_in "$TEST_TMP/vte2.out"; } >"$TEST_TMP/vte.links"
for url in "$LONG" "$MID" "$SHORT"; do
    grep -qxF -e "$url" "$TEST_TMP/vte.links" || fail "no OSC 8 link to $url"
done
# The target is ASCII: the accented address, percent-encoded.
grep -qxF -e "https://example.org/acc%C3%A9der-%C3%A0-la-profession/permis" "$TEST_TMP/vte.links" ||
    fail "no percent-encoded OSC 8 link to $ACCENT"
check "every target is printable ASCII without spaces" \
    test -z "$(LC_ALL=C grep -n '[^!-~]' "$TEST_TMP/vte.links")"

case_begin "ITPNAV_HYPERLINKS=1 turns them on anywhere, =0 off anywhere"
osc8 "$TEST_TMP/on.out" "$MAPLE" TERM=xterm-256color ITPNAV_HYPERLINKS=1 -- --data "$DATA"
check "links with ITPNAV_HYPERLINKS=1" grep -qxF -e "$LONG" <(links_in "$TEST_TMP/on.out")
osc8 "$TEST_TMP/off.out" "$MAPLE" TERM=xterm-256color VTE_VERSION=7600 ITPNAV_HYPERLINKS=0 \
    -- --data "$DATA"
check "no link with ITPNAV_HYPERLINKS=0" test -z "$(links_in "$TEST_TMP/off.out")"

case_begin "no hyperlink where the terminal is not known to show them, under tmux, in a kiosk"
osc8 "$TEST_TMP/plain.out" "$MAPLE" TERM=xterm-256color -- --data "$DATA"
check "none on an unknown terminal" test -z "$(links_in "$TEST_TMP/plain.out")"
osc8 "$TEST_TMP/tmux.out" "$MAPLE" TERM=xterm-256color VTE_VERSION=7600 TMUX=/tmp/x,1,0 \
    -- --data "$DATA"
check "none under tmux" test -z "$(links_in "$TEST_TMP/tmux.out")"
osc8 "$TEST_TMP/kiosk.out" "$MAPLE" TERM=xterm-256color VTE_VERSION=7600 -- --kiosk --data "$DATA"
check "none in a kiosk" test -z "$(links_in "$TEST_TMP/kiosk.out")"
check "the kiosk did show the detail" grep -q "Maple Physicians Network" "$TEST_TMP/kiosk.out"

finish
