#!/usr/bin/env bash
# listening.sh: the line mode's conventions, for a screen reader: a menu said when entered and on
# m or ?, not after every answer; a wrong answer explained
# and asked again where it was typed; links numbered and opened in place, a URL said alone; any
# width (COLUMNS); the end of input at any prompt ends the program cleanly; a long line is one
# answer (issue 13, D14d); --kiosk refused. Every talk also checks that no escape byte, box drawing
# or symbol alone reaches the output and that every prompt says what can be typed (lib.sh), here
# on three datasets.
. "$(dirname "$0")/lib.sh"

D=(--data "$SESSION_DATA")

case_begin "the main menu is said on entering and on m or ?, never after an answer"
talk $'9\nzz\nr\n4\ng\n2\n5\n6\nm\n?\n1\nb\nq\n' "${D[@]}"
expect_status 0
expect_stderr_empty
# Entering, m, ?, and coming back from the supports: four; nine other answers said it no more.
check "the menu is said 4 times (it is $(out_count "1. Find supports"))" \
    test "$(out_count "1. Find supports")" = 4
out_has "There is no item 9: the items are 1 to 6."
out_has "There is no command \"zz\" here."
check "after a wrong number, the menu's prompt" test "$(out_line_after "There is no item 9")" = \
    "Main menu. Type a number from 1 to 6, or a letter (m lists them): "
out_has "Where you live: Toronto. Goal: any."
out_has "Where you live: Toronto. Goal: Practise medicine."
out_has "About this data"
out_has "Help: the line-by-line mode."

case_begin "a list: a wrong answer is explained and asked again in the list; its commands said once"
talk $'1\n99\nzz\na 9\nn\np\n1.\nb\nq\n' "${D[@]}"
expect_status 0
out_has "There is no entry 99 on this page: the entries are 1 to 5."
out_has "There is no entry 9 on this page: the entries are 1 to 5."
out_has "This is the last page."
out_has "This is the first page."
[[ "$(prompt_after "There is no entry 99")" == "Type a number from 1 to 5 to open an entry, or b to go"* ]] ||
    fail "the list's own prompt does not follow the wrong number"
out_has "Toronto Exam Study Circle"$'\n'"Kind: a group" # "1." opened the first entry: still in the list
check "the commands are said once" test "$(out_count "Commands in the supports:")" = 1
check "the page is said on entering and on coming back from the entry" \
    test "$(grep -c '^Supports\. ' "$OUT_FILE")" = 2
out_has "5 entries."

case_begin "pages: which page and how many entries; values labelled"
talk $'1\nn\nb\n2\n1\nq\n' --data "$DEEP_DATA"
expect_status 0
out_has "Page 1 of 2, entries 1 to 10 of 14."
out_has "Page 2 of 2, entries 11 to 14 of 14."
out_has "1. St. Catharines Medical English. Kind: program. Where: St. Catharines."
out_has "1. Évaluation au Québec. Status: closed. Where: Québec."
out_has "Status: closed: not open"

case_begin "search, filters and clearing them"
talk $'1\n/wel\nt\n3\nd\n3\nx\ns\nb\nq\n' --data "$DEEP_DATA"
expect_status 0
out_has "Supports. Where you live: anywhere. Goal: any. Search: \"wel\"."
out_has "2 entries."
out_has "Chosen: Programs."
out_flat_has "Delivered: in person. Type: programs only. Search: \"wel\"."
out_has "Every filter and the search are cleared."
out_has "What kind of help?"
out_has "1. Any service"

case_begin "a long list of choices: a page at a time, said as such; part of a name finds one"
# tui-session.json with 24 more towns in Ontario: 29 places and the Skip choice.
python3 - "$SESSION_DATA" "$TEST_TMP/towns.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for i in range(1, 25):
    d["regions"].append({"id": f"town-{i}", "name": f"Town {i:02d}", "parent": "ontario",
                         "kind": "city"})
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"))
PY
rm -rf "$XDG_DATA_HOME/itpnav"
talk $'3\nn\nn\np\nwn 2\n23\nb\nq\n' --data "$TEST_TMP/towns.json"
expect_status 0
out_has "Page 1 of 2, choices 1 to 20 of 30."
out_has "Page 2 of 2, choices 21 to 30 of 30."
out_has "This is the last page."
check "page 1 said twice (entering, p)" test "$(out_count "Page 1 of 2, choices 1 to 20 of 30.")" = 2
out_flat_has "n or p for the next or previous page"
out_has "5 choices match \"wn 2\":"
out_has "23. Town 19, in Ontario"
out_has "Where you live: Town 19."
check "a page's choices only: Alberta, on page 2, is said once" \
    test "$(out_count "29. Alberta, in Canada")" = 1

case_begin "linked entries are numbered and open as entries; a URL is said alone, whole"
talk $'1\nn\n2\n2\nb\n1\nb\nb\nq\n' --data "$DEEP_DATA"
expect_status 0
out_has "Website, link 1:"$'\n'"https://example.org/mentor"
out_has "  Link 2: Ontario Association of Physicians Abroad (it is part of this)."
out_has "  Link 3: Residency match (a pathway it helps with)."
out_has "  Link 1: Ontario Mentorship Program (part of it)." # the linked entry, opened in place
check "b went back to the entry it was opened from" \
    test "$(grep -c '^Pairs each physician with a practising doctor' "$OUT_FILE")" = 2
# 1 on the entry: the address alone on the line after the prompt.
check "the URL is said alone after 1" test "$(grep -cx 'https://example.org/mentor' "$OUT_FILE")" = 3
check "the URL follows the prompt, alone on its line" test "$(awk 'p && $0 == "https://example.org/mentor" { n++ }
    { p = /: $/ } END { print n + 0 }' "$OUT_FILE")" = 1
out_lacks "itpnav show" # nothing sends the person to another command

case_begin "COLUMNS=40: every line within 40 columns (a URL's own line excepted)"
rm -rf "$XDG_DATA_HOME/itpnav"
TOUR=$'1\n1\nb\nb\n3\n4\n1\n1\n3\n5\n1\n1 2\n1\n1\nb\n4\ne\n3\n6\nq\n'
COLUMNS=40 talk "$TOUR" "${D[@]}"
expect_status 0
out_has "Which pathways fit your answers."
talk "$TOUR" "${D[@]}" # 80 columns: the same lines are longer, so 40 really wrapped
wide=$(awk '{ if (length($0) > m) m = length($0) } END { print m }' "$OUT_FILE")
check "without COLUMNS some line is wider than 40 (widest: $wide)" test "$wide" -gt 40

case_begin "a line of 300 bytes and more is one answer (D14d)"
long=$(printf 'x%.0s' $(seq 1 400))
talk "$long"$'\nq\n' "${D[@]}"
expect_status 0
check "one answer, one message" test "$(out_count "There is no command")" = 1
note=$(printf 'word%.0s ' $(seq 1 80))note-end
talk $'1\na 1\nb\n4\nn 1\n'"$note"$'\nc\ne\n1\nlong.txt\nq\n' "${D[@]}"
expect_status 0
out_flat_has "Note: ${note}"
out_lacks "There is no command"
check "the handout has the whole note" grep -qF "note-end" "$WORK/long.txt"

case_begin "the end of input at any prompt ends the program: status 0, nothing on standard error"
# A tour through every kind of prompt: menus, lists, entries, questions, a note, a file name, the
# question before replacing, new client.
tour=(1 1 a n b b 2 1 b b 3 4 "1 2" 1 3 s 1 "1 2" 1 1 1 b b 4 "n 1" "a note" o 2 1 c e 1 "" e 1 ""
    3 N 3 5 6 q)
for ((k = 0; k <= ${#tour[@]}; k++)); do
    input=$(printf '%s\n' "${tour[@]:0:k}")
    [ "$k" = 0 ] && input=""
    [ "$k" -gt 0 ] && input+=$'\n'
    talk "$input" "${D[@]}"
    if [ "$STATUS" != 0 ] || [ -s "$ERR_FILE" ]; then
        fail "after ${k} answers (${tour[*]:0:k}): status $STATUS, stderr: $ERR"
        break
    fi
    if [ "$k" -lt "${#tour[@]}" ] && ! tail -n 1 "$OUT_FILE" | grep -q ': $'; then
        fail "after ${k} answers the input ended but the last line is not a prompt: $(tail -n 1 "$OUT_FILE")"
        break
    fi
done
observe "$k prefixes of a ${#tour[@]}-answer tour ended cleanly"

case_begin "the bundled dataset and wide names: every screen's text passes the listening checks"
rm -rf "$XDG_DATA_HOME/itpnav"
talk $'1\n1\nb\nn\nb\n2\n1\nb\nb\n3\n\n\n\n\n\n\n\n\n\nb\nb\n5\n6\nq\n'
expect_status 0
out_has "Which pathways fit your answers."
out_has "Sources: "
talk $'1\nn\n1\nb\nb\nq\n' --data "$FIXTURES/tui-utf8.json"
expect_status 0
out_has "多伦多医生互助会. Kind: group."
LC_ALL=C grep -q $'\xef\xbf\xbd' "$OUT_FILE" && fail "the output holds U+FFFD"

case_begin "--kiosk has no line-by-line mode: status 64"
talk $'q\n' --kiosk "${D[@]}"
expect_status 64
expect_stderr_has "it has no line-by-line mode"
talk $'q\n' --kiosk --plain "${D[@]}"
expect_status 64

case_begin "a state file that cannot be opened: said, and the shortlist kept in memory until quit"
printf 'not a folder' >"$TEST_TMP/file"
XDG_DATA_HOME="$TEST_TMP/file" talk $'1\na 1\nb\n4\nq\n' "${D[@]}"
expect_status 0
out_has "Your shortlist cannot be saved ("
out_has "Your shortlist: 1 entry. It is not saved: it lasts until you quit."

finish
