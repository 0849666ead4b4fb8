#!/usr/bin/env bash
# glyphs.sh: where the terminal cannot show the symbols (a locale that is not UTF-8, or TERM=linux,
# the Linux console), every one has its ASCII form from the one glyph table (src/ui/glyph.c, the
# table of itpnav(1)'s Symbols): ★ ✓ ✗ ▸ → … box lines and arrows. Without UTF-8 the dataset's
# text is drawn in ASCII too ("Québec" as "Quebec"); on the Linux console in UTF-8 it stays.
. "$(dirname "$0")/lib.sh"

DATA="$FIXTURES/tui-session.json"

# ascii_only: every byte on the screen is ASCII.
ascii_only() {
    ! screen | LC_ALL=C grep -q $'[\x80-\xff]'
}

# visit: the screens a session meets, checking each with CHECK (a command) at every stop:
# Home, the supports list with a saved and an old entry, a picker's box, the results with their
# marks, a detail with its links, the shortlist, Help.
visit() {
    local what=$1
    wait_for "1  Find supports"
    check "$what: Home" "$what"
    send 1
    wait_for "Search:"
    send a
    wait_for "Saved to the shortlist (1)."
    check "$what: a list with a saved row" "$what"
    send r
    wait_for "Where do you live?"
    check "$what: a picker's box" "$what"
    send Escape
    send p
    wait_for "1 of 9: Where you live"
    type_text toronto
    send Enter
    wait_for "2 of 9: Your goals"
    check "$what: a checklist" "$what"
    send Escape
    send G Enter
    wait_for "Which pathways fit your answers"
    check "$what: the results" "$what"
    send Tab Enter
    wait_for "Kind: a pathway"
    check "$what: a detail" "$what"
    send l
    wait_for "Your shortlist: 1 entry"
    check "$what: the shortlist" "$what"
    send '?'
    wait_for "Help: the keys of itpnav"
    check "$what: Help" "$what"
}

case_begin "LANG=C: nothing but ASCII on any screen"
start --size 80x24 --env LANG=C --env LC_ALL=C -- --data "$DATA"
visit ascii_only
expect_screen_has "Up k"
expect_screen_has "Esc Left"

case_begin "LANG=C: the ASCII forms of the marks"
send H 1
wait_for "Search:"
expect_screen_matches "^>\\*[A-Z]"
expect_row_has 0 "itpnav | Supports"
expect_row_has 0 "* 1"
send r
wait_for "Where do you live?"
expect_screen_matches "^.*\\+-+Where do you live\\?-+\\+"
expect_screen_matches "\\|Anywhere \\(no place chosen\\) +\\|"
send Escape

case_begin "LANG=C: the dataset's text in ASCII, each character as wide as before"
start --size 80x24 --env LANG=C --env LC_ALL=C -- --data "$FIXTURES/tui-deep.json"
wait_for "1  Find supports"
send 1
wait_for "Search:"
expect_screen_matches "^  Francisation medicale Montreal  ! +program  Montreal *\$"
expect_screen_matches "^  Reseau des medecins du Quebec  ! +group  +Quebec *\$"
check "nothing but ASCII" ascii_only

case_begin "TERM=linux in UTF-8: the symbols in ASCII, the dataset's text as it is"
start --size 80x24 --term linux -- --data "$FIXTURES/tui-deep.json"
wait_for "1  Find supports"
send 1
wait_for "Search:"
send a
wait_for "Saved to the shortlist ("
expect_screen_matches "^>\\*[A-Z]"
expect_screen_has "Montréal"
for g in "★" "▸" "─" "│" "·" "…" "◷"; do
    expect_screen_lacks "$g"
done
send r
wait_for "Where do you live?"
for g in "┌" "┐" "─" "│"; do
    expect_screen_lacks "$g"
done

finish
