#!/usr/bin/env bash
# v2.sh: what a person sees of format version 2 on the screens: an inactive or closed support
# marked on its row, a detail without contact or delivery saying so, an undated page "seen", a
# French name, a step's web address whole, and places found by another name in the picker
# (tests/fixtures/cli-v2.json; a Québec support of the bundled dataset).
. "$(dirname "$0")/lib.sh"

V2="$FIXTURES/cli-v2.json"
URL="https://example.org/qc-office/registration/a-long-path-that-is-wider-than-most-terminals-are-today?step=1&lang=en"

# open_match WORDS N: in a list, search WORDS, expect N matches and open the first.
open_match() {
    send /
    type_text "$1"
    expect_count "$2"
    send Enter
    settle
    send Enter
    wait_for "itpnav · Detail"
}

start --size 100x30 -- --data "$V2"

case_begin "the supports list marks an inactive and a closed support on its row"
wait_for "Find supports"
send 1
expect_count 5 5
expect_screen_matches "^ +Ontario Old Circle \(inactive\)( +◷)? +group "
expect_screen_matches "^ +Closed Bridging Program \(closed\) +program "
expect_screen_matches "^ +Sudbury Exam Circle +group "

case_begin "a detail without contact says so, and a delivery not stated is 'not stated'"
open_match quiet 1
expect_row_has 1 "Niagara Quiet Network"
expect_screen_has "How: not stated"
expect_screen_has "Contact: no public contact found (as of 2026-10)"
send Escape
wait_for "itpnav · Supports"
send x
expect_count 5 5

case_begin "an undated source: 'seen DATE (the page is undated)', never 'as of'; the French name"
open_match bureau 1
expect_row_has 1 "Quebec IMG Office"
expect_row_has 2 "En français: Bureau des diplômés internationaux"
expect_screen_has "Address: 1075 chemin Sainte-Foy, Québec"
send G
wait_for "Seen: 2026-11-21 (the page is undated)"
expect_screen_has "This information is from a page seen 2026-11-21 (the page is undated)."
expect_screen_lacks "As of"
send Escape
wait_for "itpnav · Supports"
send x
expect_count 5 5

case_begin "r: a place by an alias or its French name; the list follows it"
send r
wait_for "Where do you live?"
type_text sudbury
wait_for "Greater Sudbury (Ontario)"
check "only Greater Sudbury is offered" test "$(screen | grep -c "(Ontario) *│")" = 1
send Enter
wait_gone "Where do you live?"
expect_count 3 5
expect_screen_has "Filters: where Greater Sudbury"
send r
wait_for "Where do you live?"
type_text "grand sud"
wait_for "Greater Sudbury (Ontario)"
send C-u
type_text "ville de q"
wait_for "Québec (Québec)"
send Enter
wait_gone "Where do you live?"
expect_screen_has "Filters: where Québec"
expect_count 1 5
expect_screen_has "Quebec IMG Office"

case_begin "r: a place mistyped suggests the nearest of its names"
send r
wait_for "Where do you live?"
type_text niagra
wait_for 'No match: did you mean "Niagara"? Backspace to correct.'
send C-u
type_text sudbary
wait_for 'No match: did you mean "Sudbury"?'
send Escape
wait_gone "Where do you live?"

case_begin "a step's web address: whole on a line of its own, from the left edge when it is wider"
send Escape
wait_for "itpnav · Home"
send 2
wait_for "itpnav · Pathways"
open_match permit 1
expect_screen_has "En français: Permis restrictif au Québec"
expect_screen_has "   1. Register with the office"
# 100 columns: the address (113 characters) starts a row of its own at the left edge and fills
# whole rows (the terminal wraps it), never cut or indented.
check "the address reads whole across its two lines" python3 -c '
import sys
lines = sys.stdin.read().split("\n")
url = sys.argv[1]
for i, l in enumerate(lines[:-1]):
    if l.startswith("https://"):
        joined = l + lines[i + 1].rstrip()
        sys.exit(0 if joined == url else 1)
sys.exit(1)' "$URL" < <(screen)
resize 140 30
wait_for "     $URL"
row=$(row_of "     $URL")
check "on its own line, right after its step's detail" \
    test "$(screen_line $((row - 1)) | sed 's/ *$//')" = "      Online."

# ---- the line mode finds places by the same names ----

case_begin "--plain: a place by part of another of its names; a mistyped one suggests the nearest"
printf 'r\ngrand sud\n7\n1\nq\n' >"$TEST_TMP/in"
env TERM=xterm-256color LANG=C.UTF-8 "$ITPNAV" --plain --data "$V2" <"$TEST_TMP/in" >"$TEST_TMP/out" 2>&1
check "'grand sud' (its French name) finds Greater Sudbury, and only it" \
    grep -A1 -x '1 choice matches "grand sud":' "$TEST_TMP/out"
check "the choice is Greater Sudbury" grep -qx "Chosen: Greater Sudbury, in Ontario." "$TEST_TMP/out"
check "the list marks the closed and the inactive support" bash -c '
    grep -qx "2. Closed Bridging Program. Kind: program. Status: closed. Where: Ontario." "$0" &&
    grep -qx "3. Ontario Old Circle. Kind: group. Status: inactive. Where: Ontario." "$0"' "$TEST_TMP/out"
check "an active one is not marked" grep -qx "1. Sudbury Exam Circle. Kind: group. Where: Greater Sudbury." "$TEST_TMP/out"
printf 'r\nniagra\n\nq\n' >"$TEST_TMP/in"
env TERM=xterm-256color LANG=C.UTF-8 "$ITPNAV" --plain --data "$V2" <"$TEST_TMP/in" >"$TEST_TMP/out" 2>&1
check "a mistyped place suggests the place its nearest name (an alias) names" \
    grep -qx 'Did you mean Niagara Region, in Ontario? It is number 6.' "$TEST_TMP/out"

# ---- the bundled dataset: a Québec support with its French name ----

start --size 100x30

case_begin "bundled: a Québec support shows its French name in its detail"
wait_for "Find supports"
send 1
# A French word of its French name only ("diplômé·e·s à l'international en médecine").
open_match "diplome international medecine college" 6
expect_row_has 1 "Collège des médecins du Québec: routes for international medical graduates"
expect_screen_matches "^ En français: Collège des médecins du Québec : diplômé·e·s à l'international"

case_begin "bundled: 'quebec city' in the picker finds the city, and Québec's supports are listed"
send Escape
wait_for "itpnav · Supports"
send x
send r
wait_for "Where do you live?"
type_text "quebec city"
wait_for "Québec (Québec)"
send Enter
wait_gone "Where do you live?"
expect_screen_has "Filters: where Québec"
expect_screen_has "Recrutement Santé Québec"

finish
