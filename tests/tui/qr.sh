#!/usr/bin/env bash
# qr.sh: a visitor takes their list away as a QR code: of the selected entry's website (from a
# list row or a detail), and of the shortlist as short text (names, contacts, notes), from the
# handout menu and the c key. Each code is read as a phone would: the captured screen, colours
# and all, becomes an image that zbarimg decodes (qr-decode.py), and the text must be exactly
# what was meant. Too much text for one code, or for the window, says so and offers one code
# per entry; a window too small or a terminal that is not UTF-8 says so instead of drawing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

if ! command -v zbarimg >/dev/null 2>&1; then
    echo "qr.sh: zbarimg (Debian's zbar-tools) is not installed; skipping" >&2
    _finished=1
    exit 77
fi

DATA="$FIXTURES/tui-session.json"
NO_PIN="ITPNAV_PIN_FILE=$TEST_TMP/no-such-pin"
DECODE="$LIB_DIR/qr-decode.py"

# decoded: the text of the code on the screen ("" when none decodes): the capture with its
# colours, and its trailing spaces (-N), which are a code's light margin on its right.
decoded() {
    tm capture-pane -p -e -N -t "$SESSION" | python3 "$DECODE"
}

# expect_code TEXT: the screen's code decodes to exactly TEXT (waiting a little for it).
expect_code() {
    local got="" i
    for i in $(seq 1 20); do
        got=$(decoded) && [ "$got" = "$1" ] && return 0
        sleep 0.1
    done
    fail "the code decodes to \"$got\"; expected \"$1\""
}

# no_blocks: no half block anywhere on the screen (no code drawn).
no_blocks() {
    screen | grep -q '[▀▄█]' && fail "a code (or part of one) is drawn"
    return 0
}

# note TEXT: write TEXT as the note of the selected shortlist entry (instead of any it had).
note() {
    send n
    wait_for "Note on"
    send C-u
    tm send-keys -t "$SESSION" -l -- "$1"
    send Enter
    wait_gone "Note on"
}

start --size 80x24 --env "$NO_PIN" -- --kiosk --data "$DATA"

case_begin "c on a list row: a code of the selected entry's website, that a phone reads"
wait_for "1  Find supports"
send 1
wait_for "itpnav · Supports"
send /
type_text maple
wait_for "Search: maple"
send Enter
wait_for_re "^▸ Maple Physicians Network"
send c
wait_for "The website of Maple Physicians Network"
expect_screen_has "Scan it with your phone's camera."
expect_screen_has "https://example.org/maple"
expect_code "https://example.org/maple"
expect_row_has 23 "Esc back"

case_begin "Esc goes back to the list; c on a detail: its website"
send Escape
wait_for "itpnav · Supports"
send C-u # the search field is left; clear the search from the list
send x
wait_for "All filters and the search are cleared."
send /
type_text mentor
wait_for "Search: mentor"
send Enter Enter
wait_for "itpnav · Detail"
expect_screen_has "Ontario Mentor Match"
send c
wait_for "The website of Ontario Mentor Match"
expect_code "https://example.org/mentor-match"
send Escape
wait_for "itpnav · Detail"

case_begin "an entry without a website: a code of the page its facts come from, said so"
send Escape x
wait_for "All filters and the search are cleared."
send /
type_text toronto
wait_for "Search: toronto"
send Enter
wait_for_re "^▸ Toronto Exam Study Circle"
send c
wait_for "Where the facts about Toronto Exam Study" # the caption wraps beside the code
expect_screen_has "Circle come from: Session Test Source"
expect_code "https://example.org/session"
send Escape
wait_for "itpnav · Supports"

case_begin "the handout menu offers the shortlist's code; too much for this window: it says so and offers one code per entry"
send a
wait_for "· ★ 1"
send x
wait_for "All filters and the search are cleared."
send /
type_text mentor
wait_for "Search: mentor"
send Enter a
wait_for "· ★ 2"
send l
wait_for "Your shortlist: 2 entries"
send Home
note "call Tuesday"
wait_for "Note: call Tuesday"
send e
wait_for "Make a handout"
expect_screen_has "A QR code of your shortlist, to scan with a phone"
send End # the last item
send Enter
wait_for "Your shortlist: 2 entries, with contacts and notes"
expect_screen_has "This window is too small for this QR code"
expect_screen_has "↓, Space or a tap shows one code for each entry."
no_blocks
send Space
wait_for "Entry 1 of 2:"
expect_code $'Toronto Exam Study Circle\nstudy@example.org\nNote: call Tuesday'
expect_screen_has "Code 2 of 3."
send Space
wait_for "Entry 2 of 2:"
expect_code $'Ontario Mentor Match\n555-0100\nhttps://example.org/mentor-match'
click_at() {
    tm send-keys -t "$SESSION" -l $'\e[<0;'"$(($2 + 1));$(($1 + 1))M"
    tm send-keys -t "$SESSION" -l $'\e[<0;'"$(($2 + 1));$(($1 + 1))m"
}
click_at 10 10 # a tap: the next code, after the last the first
wait_for "This window is too small for this QR code"

case_begin "in a larger window the whole shortlist is one code: names, contacts and notes"
resize 100 40
wait_for "Scan it with your phone's camera."
today=$(date +%F)
expect_code "itpnav shortlist, $today"$'\n1. Toronto Exam Study Circle\nstudy@example.org\nNote: call Tuesday\n2. Ontario Mentor Match\n555-0100\nhttps://example.org/mentor-match'
expect_screen_has "Code 1 of 3 (the whole list)."

case_begin "a window too small for any code says so and draws none"
send Space
wait_for "Entry 1 of 2:"
resize 40 12
wait_for "This window is too small for this QR" # wrapped at 40 columns
expect_screen_matches "it needs at least [0-9]+x[0-9]+"
no_blocks
resize 80 24
wait_for "Scan it with your phone's camera."
expect_code $'Toronto Exam Study Circle\nstudy@example.org\nNote: call Tuesday'

case_begin "c from the shortlist, the handout and Home: the shortlist's codes"
send Escape
wait_for "itpnav · Shortlist"
send c
wait_for "Your shortlist: 2 entries, with contacts and notes"
send Escape e
wait_for "Make a handout"
send 1
wait_for "itpnav · Handout"
send End
wait_for "100%"
check "the handout says c gives a QR code" \
    grep -qF "press c for a QR code of your shortlist" <<<"$(screen | tr '\n' ' ' | tr -s ' ')"
send c
wait_for "Your shortlist: 2 entries, with contacts and notes"
send H c
wait_for "Your shortlist: 2 entries, with contacts and notes"

case_begin "too much text for any code: it says so, and the entries still have one each"
send Escape 2
wait_for "itpnav · Pathways to practice"
send x # the search for "mentor" from before
expect_count 5 5
for _ in 1 2 3 4 5; do
    send a j
done
wait_for "· ★ 7"
send l
wait_for "Your shortlist: 7 entries"
long=$(printf 'a long note %.0s' $(seq 1 40)) # 479 characters, 7 times: more than a code holds
long=${long% }
send Home
for _ in 1 2 3 4 5 6 7; do
    note "$long"
    send j
done
resize 200 60 # room for a large code
wait_for "Your shortlist: 7 entries"
send c
wait_for "This is too much text for one QR code."
expect_screen_has "↓, Space or a tap shows one code for each entry."
no_blocks
send Space
wait_for "Entry 1 of 7:"
expect_code $'Toronto Exam Study Circle\nstudy@example.org\nNote: '"$long"

case_begin "dark on light without colours too (NO_COLOR: the light-on-dark terminal's own colours)"
restart --size 80x24 --env "$NO_PIN" --env NO_COLOR=1 -- --kiosk --data "$DATA"
wait_for "1  Find supports"
send 1
wait_for "itpnav · Supports"
send /
type_text maple
send Enter c
wait_for "The website of Maple Physicians Network"
expect_code "https://example.org/maple"

case_begin "a terminal that is not UTF-8: it says so, and shows the address as text"
restart --size 80x24 --env "$NO_PIN" --env LANG=C --env LC_ALL=C -- --kiosk --data "$DATA"
wait_for "Find supports"
send 1
wait_for "itpnav"
send /
type_text maple
send Enter c
wait_for "This terminal cannot draw a QR code: its character set is not UTF-8."
expect_screen_has "https://example.org/maple"
no_blocks

case_begin "outside a kiosk too: the handout menu and c"
restart --size 80x24 -- --data "$DATA"
wait_for "1  Find supports"
send 1
wait_for "itpnav · Supports"
send /
type_text maple
send Enter c
wait_for "The website of Maple Physicians Network"
expect_code "https://example.org/maple"
send Escape a e
wait_for "Make a handout"
expect_screen_has "A QR code of your shortlist, to scan with a phone"

finish
