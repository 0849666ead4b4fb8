#!/usr/bin/env bash
# kiosk.sh: --kiosk: the keys that would stop, suspend, freeze or quit a program do nothing, and
# nothing the keyboard, pasted escape sequences or the mouse can send gets out of it; the idle
# countdown and the reset (--idle 20 too); nothing is written to disk; the handout is only shown,
# printed or given as a QR code; help and menus offer only what works there. The operator's PIN is
# kiosk-pin.sh, the data's update kiosk-data.sh, the QR codes qr.sh.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

DATA="$FIXTURES/tui-session.json"
NO_PIN="ITPNAV_PIN_FILE=$TEST_TMP/no-such-pin" # never the machine's own /etc/itpnav/kiosk-pin

# files: every file and directory under HOME, the cache, the data directory and the current
# directory ($TEST_TMP), but for tmux's sockets and what this script writes itself.
files() {
    find "$HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$TEST_TMP" \
        -path "$TEST_TMP/tmux-*" -prune -o -path "$TEST_TMP/script-*" -prune -o -print | sort
}

# back_home: out of any dialog, field or screen, to Home (Esc closes dialogs and leaves fields,
# H goes home); a failure when Home does not come back.
back_home() {
    send Escape Escape Escape
    settle
    send H
    _wait has "itpnav · Home" 2 && return 0
    send Escape Escape Escape H
    wait_for "itpnav · Home"
}

# no_way_out: the program runs, its screen is there (not a shell's), and it answers keys.
no_way_out() {
    check "itpnav is still running" alive
    expect_screen_lacks "EXITED:"
    screen | grep -qE '[$#] *$' && fail "a line ends like a shell prompt"
    check "the terminal is still on the alternate screen" test "$(pane_value '#{alternate_on}')" = 1
    back_home
    send 2
    wait_for "itpnav · Pathways to practice"
    send Escape
    wait_for "itpnav · Home"
}

# click ROW COL: a left click (press and release) at the 0-based screen row and column, as an
# xterm reports it in SGR mode.
click() {
    tm send-keys -t "$SESSION" -l $'\e[<0;'"$(($2 + 1));$(($1 + 1))M"
    tm send-keys -t "$SESSION" -l $'\e[<0;'"$(($2 + 1));$(($1 + 1))m"
}

before_files=$(files)
start --size 80x24 --env "$NO_PIN" -- --kiosk --data "$DATA"

case_begin "kiosk home: it says the computer is shared; no q quit among the hints"
wait_for "1  Find supports"
expect_screen_has "This computer is shared: what you do here is cleared after 120 seconds"
expect_row_has 23 "Enter open"
expect_screen_lacks "q quit"

case_begin "q does not quit: a notice says why"
send q
wait_for "This computer is shared: itpnav stays open for the next person."
check "itpnav is still running" alive
send 1
wait_for "itpnav · Supports"
send q
wait_for "itpnav stays open for the next person."
check "itpnav is still running" alive

case_begin "Ctrl-C, Ctrl-Z, Ctrl-\\ and Ctrl-S do nothing; the screen still answers keys"
for k in C-c C-z 'C-\' C-s; do
    send "$k"
    settle
    check "itpnav is still running after $k" alive
done
sleep 0.3 # a signal's effect (an exit, a stop) would show by now
check "itpnav is still running" alive
send j # a stopped program, or one whose output Ctrl-S froze, would not move the selection
wait_for_re "^▸ Alberta Bridge Program "
no_way_out

case_begin "the handout menu offers no Save, only Show (and Print where lp is installed)"
send 1
wait_for "itpnav · Supports"
send a
wait_for "Saved to the shortlist (1)."
send e
wait_for "Make a handout"
expect_screen_has "Show it on the screen"
expect_screen_lacks "Save as a text file"
expect_screen_lacks "Save as a Markdown file"
expect_screen_lacks "Save"
expect_screen_has "A QR code of your shortlist, to scan with a phone"
if [ -x /usr/bin/lp ] || [ -x /bin/lp ]; then
    expect_screen_has "Print it"
else
    expect_screen_lacks "Print it"
fi
send 1 # the first item: Show
wait_for "itpnav · Handout"
expect_screen_has "Take a photo of this screen, press c for a QR code of your shortlist"
expect_screen_has "1. Toronto Exam Study Circle"
send Escape
wait_for "itpnav · Supports"

case_begin "help offers only what works in a kiosk: no quitting, no new client, no file; N does nothing"
send '?'
wait_for "Help: the keys of itpnav"
help_text=$(screen)
for _ in $(seq 1 16); do
    screen | grep -q ' 100% *$' && break
    screen | grep -qE ' [0-9]+% *$' || break
    before=$(screen)
    send NPage
    wait_change "$before"
    help_text+=$'\n'$(screen)
done
help_text=$(tr '\n' ' ' <<<"$help_text" | tr -s ' ') # sentences whole across wrapped lines
for gone in "Quit itpnav" "q quit" "new client" "Start again" "Markdown" "save it as text" \
    "--no-mouse"; do
    [[ "$help_text" != *"$gone"* ]] || fail "the kiosk's help offers: $gone"
done
for there in "take it away as a QR code" "Show a QR code to scan" "Go to the home screen."; do
    [[ "$help_text" == *"$there"* ]] || fail "the kiosk's help lacks: $there"
done
send Escape
wait_for "itpnav · Supports"
send N
settle
expect_screen_lacks "Start again for a new client?"
expect_row_has 0 "itpnav · Supports"
expect_row_has 23 "Esc back" # the status line, not a dialog's
resize 30 10
wait_for "Please enlarge the window"
expect_screen_lacks "q quits"
resize 80 24
wait_for "itpnav · Supports"

case_begin "the shortlist says it is cleared for the next person"
send l
wait_for "Your shortlist: 1 entry (cleared for the next person)"
send n
wait_for "Note on Toronto Exam Study Circle"
type_text "kiosk note"
send Enter
wait_for "Note: kiosk note"

case_begin "Ctrl-X without a PIN file does nothing"
send C-l # a key puts away the message above the status bar ("Note saved.")
wait_gone "Note saved."
before=$(screen)
send C-x
sleep 0.5
settle
check "the screen did not change" test "$(screen)" = "$before"
expect_screen_lacks "Operator"
check "itpnav is still running" alive

case_begin "a kiosk writes no file: no state, no cache, no handout"
send p
wait_for "1 of 9: Where you live"
type_text toronto
wait_for "Type to find: toronto"
send Enter
wait_for "2 of 9: Your goals"
send Escape
wait_for "1  Where you live        Toronto"
send e
wait_for "Make a handout"
send Enter
wait_for "itpnav · Handout"
send Escape
wait_for "itpnav · What's my path?"
after_files=$(files)
check "no file or directory appeared or went ($(diff <(echo "$before_files") <(echo "$after_files") |
    grep '^[<>]' | tr '\n' ' '))" test "$before_files" = "$after_files"
check "no state file" test ! -e "$XDG_DATA_HOME/itpnav/state.db"
check "no cache directory" test ! -e "$XDG_CACHE_HOME/itpnav"

case_begin "a burst of every control key (Ctrl-A to Ctrl-Z) gets nowhere"
for c in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
    send "C-$c"
done
settle
sleep 0.3
settle
no_way_out

case_begin "escape sequences pasted as text are keys, never passed to the terminal"
title_before=$(pane_value '#{pane_title}')
for seq in $'\e]0;pwned\a' $'\e[?1049l' $'\e]2;pwned\e\\' $'\e[?25h\e[2J\e[H' $'\eP+q544e\e\\' \
    $'\e[200~echo pwned; exit\e[201~' $'\e[6n' $'\ec' $'\e[?1000l\e[?1006l' $'\e[8;10;10t'; do
    tm send-keys -t "$SESSION" -l "$seq"
    settle
    check "itpnav is still running after $(printf %q "$seq")" alive
done
settle
check "the window title was not changed" test "$(pane_value '#{pane_title}')" = "$title_before"
expect_screen_lacks "pwned"
check "the window is still 80x24" test "$(pane_value '#{pane_width}x#{pane_height}')" = 80x24
no_way_out

case_begin "clicks everywhere, on every screen they open, get nowhere"
for row in $(seq 0 23); do
    for col in 0 9 22 35 48 61 79; do
        click "$row" "$col"
    done
done
tm send-keys -t "$SESSION" -l $'\e[<2;10;10M\e[<2;10;10m\e[<65;5;5M\e[<64;5;5M'
settle
sleep 0.3
settle
no_way_out

# ---- the idle clock ----

# The idle clock is the program's monotonic clock, ahead by the seconds ITPNAV_CLOCK_FILE holds:
# advance SECONDS lets that much idle time pass at once, rather than waiting for it. The program
# reads the file at every check (each quarter second). The idle time is long enough (100 s,
# with the countdown in its last 20) that the real seconds the keys below take never count.
CLOCK="$TEST_TMP/script-clock"
echo 0 >"$CLOCK"
ahead=0
advance() {
    ahead=$(awk -v a="$ahead" -v s="$1" 'BEGIN { print a + s }')
    echo "$ahead" >"$CLOCK.new" && mv "$CLOCK.new" "$CLOCK"
}
KIOSK_CLOCK="ITPNAV_CLOCK_FILE=$CLOCK"

case_begin "untouched Home: no countdown, no reset, after the idle time has passed"
restart --size 80x24 --env "$NO_PIN" --env "$KIOSK_CLOCK" -- --kiosk --idle 100 --data "$DATA"
wait_for "1  Find supports"
expect_screen_has "cleared after 100 seconds"
for _ in $(seq 1 6); do # 120 s
    advance 20
    sleep 0.3 # past a check
    screen | grep -q "Still there?" && { fail "a countdown on an untouched Home"; break; }
done
expect_row_has 0 "itpnav · Home"

case_begin "after some activity the countdown shows, then everything is cleared and Home shows"
send p
wait_for "1 of 9: Where you live"
type_text toronto
wait_for "Type to find: toronto"
send Enter
wait_for "2 of 9: Your goals"
send Escape
wait_for "1  Where you live        Toronto"
send g
wait_for "What is your goal?"
type_text alt
wait_for "Type to find: alt"
send Enter
wait_for "Where: Toronto · Goal: Alternative career"
send H 1
wait_for "itpnav · Supports"
send a
wait_for "· ★ 1"
expect_screen_lacks "Still there?"
advance 85 # 15 s left
wait_for "Still there? Press any key. Starting over for the next person in" 3
n1=$(screen | sed -n 's/.*next person in \([0-9]*\) s\..*/\1/p')
# The clock file can only bring the reset sooner: a smaller number, or one that is no number,
# leaves the clock where it is, and the countdown goes on.
for back in 0 -1000 nan inf "" 1e9; do
    echo "$back" >"$CLOCK.new" && mv "$CLOCK.new" "$CLOCK"
    sleep 0.3 # past a check
    expect_screen_has "Still there? Press any key."
done
expect_row_has 0 "· ★ 1"
advance 1.2
wait_for_re "next person in [0-9]+ s\." 3
for _ in $(seq 1 20); do
    n2=$(screen | sed -n 's/.*next person in \([0-9]*\) s\..*/\1/p')
    [ "${n2:-99}" -lt "${n1:-0}" ] && break
    sleep 0.1
done
check "the seconds count down ($n1, then $n2)" test "${n2:-99}" -lt "${n1:-0}"
advance 15
wait_for "itpnav · Home" 8
wait_gone "Still there?"
expect_row_has 0 "Where: anywhere · Goal: any"
expect_screen_lacks "★"
# Regression (fixed): the idle reset cleared the screens and the state but not app->notice, so
# the next person's Home showed the last person's "Saved to the shortlist (1). l shows it, with
# notes." on the status line.
check "the status bar shows the key hints, not the last person's notice" \
    test "$(screen_line 23 | cut -c1-10)" = "Enter open"
send p # no answers: the questions start again one by one
wait_for "1 of 9: Where you live"
send Escape
wait_for "1  Where you live        not answered"
send l
wait_for "Nothing saved yet."
expect_screen_has "Your shortlist: 0 entries"
send H 1
wait_for "itpnav · Supports"
expect_screen_has "Filters: none"
expect_count 5 5

case_begin "a key during the countdown ends it and also does its own job: l opens the shortlist"
send a
wait_for "· ★ 1"
advance 97 # 3 s left
wait_for_re "next person in [1-3] s\." 6
send l # says "still here", and opens the shortlist as it always does
wait_for "itpnav · Shortlist"
wait_gone "Still there?"
# Past the time the reset would have come without the key: nothing was cleared.
advance 3.5
sleep 0.6 # past two checks
expect_row_has 0 "· ★ 1"
expect_row_has 0 "itpnav · Shortlist"
expect_screen_lacks "Still there?"

# Issue 16 and adversarial D6: with --idle 20 the warning covered the screen from the first
# second, and every key only dismissed it, so nobody could move. It now takes the last quarter
# of the idle time (5 s here; never more than 20 s).
case_begin "--idle 20: a visitor goes through three screens, keys 2 s apart; the warning only in the last 5 s"
restart --size 80x24 --env "$NO_PIN" --env "$KIOSK_CLOCK" -- --kiosk --idle 20 --data "$DATA"
wait_for "cleared after 20 seconds"
send 1
wait_for "itpnav · Supports"
advance 2
sleep 0.3 # past a check
expect_screen_lacks "Still there?"
sel_before=$(selected_row)
send j
wait_until "j moved the selection (it was on row $sel_before)" test "$(selected_row)" != "$sel_before"
advance 2
sleep 0.3
expect_screen_lacks "Still there?"
send Enter
wait_for "itpnav · Detail"
advance 2
sleep 0.3
expect_screen_lacks "Still there?"
send a
wait_for "· ★ 1"
advance 2
sleep 0.3
send l
wait_for "itpnav · Shortlist"
expect_screen_has "Your shortlist: 1 entry"
expect_screen_lacks "Still there?"
advance 11 # 11 s idle (and the real seconds the checks take): not yet the last 5
sleep 0.6
expect_screen_lacks "Still there?"
expect_row_has 0 "itpnav · Shortlist"
advance 5 # past 15 s: the last quarter
wait_for_re "next person in [1-5] s\." 3
send Escape # dismisses it, and goes back as Esc does
wait_for "itpnav · Detail"
wait_gone "Still there?"
expect_row_has 0 "· ★ 1"

finish
