#!/usr/bin/env bash
# plain.sh: the line-by-line mode (--plain, TERM=dumb, or input and output that are not a terminal):
# numbered choices, one answer a line, no escape sequences at all.
. "$(dirname "$0")/lib.sh"

# plain INPUT ARGS...: run itpnav with INPUT on standard input; $OUT holds standard output, $ERR
# standard error and $STATUS the exit status.
plain() {
    local input=$1
    shift
    printf '%s' "$input" >"$TEST_TMP/in"
    env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 "$ITPNAV" "$@" <"$TEST_TMP/in" \
        >"$TEST_TMP/out" 2>"$TEST_TMP/err"
    STATUS=$?
    OUT=$(cat "$TEST_TMP/out")
    ERR=$(cat "$TEST_TMP/err")
}

show_output() {
    echo "    output (first 40 lines):"
    head -n 40 "$TEST_TMP/out" | sed 's/^/      | /'
}

out_has() {
    [[ "$OUT" == *"$1"* ]] || { fail "the output lacks: $1"; show_output; }
}

out_lacks() {
    [[ "$OUT" != *"$1"* ]] || { fail "the output has (and must not): $1"; show_output; }
}

no_escape() {
    if LC_ALL=C grep -q $'\x1b' "$TEST_TMP/out"; then
        fail "the output holds an ESC byte (0x1b) at: $(LC_ALL=C grep -n $'\x1b' "$TEST_TMP/out" | head -n 1 | cat -v)"
    fi
}

DEEP=(--data "$FIXTURES/tui-deep.json")

case_begin "--plain: 1 shows a numbered list, 1 opens the first, b goes back, q quits"
plain $'1\n1\nb\nq\n' --plain "${DEEP[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "TUI test fixture: a deeper region tree"
out_has "Main menu. Where: anywhere. Goal: any."
out_has "1. Find supports"
out_has "Supports 1 to 10 of 14."
out_has "1. St. Catharines Medical English (program, St. Catharines)"
out_has "10. "
out_has "Evening classes in the English of the clinic and the hospital."
out_has "Source"
out_has "As of: 2022-03"
check "the main menu comes back after b" test "$(grep -c '^Main menu\.' <<<"$OUT")" = 2
check "the list is shown again after the entry" test "$(grep -c '^Supports 1 to 10 of 14' <<<"$OUT")" = 2
check "nothing on standard error" test -z "$ERR"

case_begin "--plain: no escape byte anywhere in the output"
no_escape

case_begin "--plain: the new user's task: Niagara, alternative career, the supports and a detail"
plain $'r\nniag\n1\ng\n3\n1\n2\nb\nq\n' --plain "${DEEP[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "1. Niagara (Golden Horseshoe)"
out_has "Where: Niagara. Goal: Alternative career."
out_has "Supports 1 to 4 of 4."
out_has "Welland Health Jobs Club"
out_lacks "Kingston IMG Group"
out_has "Email: circle@example.org"
no_escape

case_begin "--plain: pages, search, clear and the pathways"
plain $'1\nn\np\n/wel\nx\nb\n2\n1\nb\n5\n6\nq\n' --plain "${DEEP[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "Supports 11 to 14 of 14."
out_has "Supports 1 to 2 of 2 matching \"wel\"."
out_has "Pathways 1 to 5 of 5."
out_has "(closed, Québec)"
out_has "Made up for tests/tui"
out_has "Type the number or letter of a choice"
no_escape

case_begin "--plain: the end of input quits with status 0"
plain $'1\n' --plain "${DEEP[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "Supports 1 to 10 of 14."
plain '' --plain "${DEEP[@]}"
check "exit status 0 on empty input (got $STATUS)" test "$STATUS" = 0

case_begin "--plain: wrong answers are explained, not fatal"
plain $'9\nzz\n1\n99\nq\nq\n' --plain "${DEEP[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "I did not understand \"9\"."
out_has "I did not understand \"zz\"."
out_has "I did not understand \"99\"."

case_begin "--plain: wide and accented names pass through whole, still without escapes"
plain $'1\nn\nq\nq\n' --plain --data "$FIXTURES/tui-utf8.json"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "多伦多医生互助会 (group, 多伦多 Toronto)"
out_has "Réseau des médecins du Québec"
no_escape
LC_ALL=C grep -q $'\xef\xbf\xbd' "$TEST_TMP/out" && fail "the output holds U+FFFD"

case_begin "input and output that are not a terminal give the plain mode without --plain"
plain $'1\nq\nq\n' "${DEEP[@]}"
check "exit status 0 (got $STATUS)" test "$STATUS" = 0
out_has "Supports 1 to 10 of 14."
no_escape

case_begin "TERM=dumb on a terminal gives the plain mode"
start --size 80x24 --term dumb -- "${DEEP[@]}"
wait_for "Choose:"
expect_screen_has "Main menu. Where: anywhere. Goal: any."
check "no alternate screen" test "$(pane_value '#{alternate_on}')" = 0
send 1 Enter
wait_for "Supports 1 to 10 of 14."
expect_screen_has "1. St. Catharines Medical English"
send 2 Enter
wait_for "Source"
send b Enter
wait_for_re "^Choose: *$"
send q Enter
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"

case_begin "TERM=dumb on a terminal: no escape sequence reaches the screen"
# Everything the pane shows is plain text: no colour, no attributes, no cursor addressing.
if tm capture-pane -p -e -S - -t "$SESSION" | LC_ALL=C grep -q $'\x1b'; then
    fail "the pane holds attributes or colours"
fi

case_begin "--plain on a terminal: no full-screen drawing"
start --size 80x24 -- --plain "${DEEP[@]}"
wait_for "Choose:"
check "no alternate screen" test "$(pane_value '#{alternate_on}')" = 0
send q Enter
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0

finish
