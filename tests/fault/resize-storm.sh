# resize-storm.sh: hundreds of random resizes, down to 1x1 and up to 200x60, while typing in the
# live search: the program never dies, and afterwards its screen is exactly the screen of a
# fresh instance that was given the same search at the same size.
. "$(dirname "$0")/../tui/lib.sh"

DATA=(--data "$FIXTURES/tui-deep.json")
STORM=${FAULT_RESIZES:-300}
# The fresh instance below runs on a server of its own; it goes on exit whatever happened.
trap 'TMUX_SOCKET="$STORM_SOCKET-fresh" tm kill-server >/dev/null 2>&1; TMUX_SOCKET=$STORM_SOCKET; _lib_exit' EXIT
STORM_SOCKET=$TMUX_SOCKET
SESSION=storm
start --size 80x24 -- "${DATA[@]}"
case_begin "$STORM random resizes (1x1 to 200x60) while typing in the live search"
wait_for "Find supports"
send 1
expect_count 14 14
send /
wait_gone "press / and type"
RANDOM=6
# No q (it quits while the window is too small) and no Enter or Esc (they leave the field).
letters="mentor health club welland niagara exam bridging"
small=0
typed=0
# The field never holds more than was typed: at most 80 letters keep it shorter than the field
# at the final 100 columns (92 cells), so the capture after the storm shows all of it, unscrolled.
# (Keys that land while the window is below the minimum are not taken: the text is not known in
# advance, it is read from the screen.)
t0=$(date +%s%N)
for ((i = 0; i < STORM; i++)); do
    if [ $((RANDOM % 10)) -lt 3 ]; then
        w=$((1 + RANDOM % 45))
        h=$((1 + RANDOM % 14))
    else
        w=$((40 + RANDOM % 161))
        h=$((12 + RANDOM % 49))
    fi
    [ "$w" -lt 40 ] || [ "$h" -lt 12 ] && small=$((small + 1))
    resize "$w" "$h"
    case $((RANDOM % 10)) in
    0) send BSpace ;;
    1 | 2 | 3 | 4 | 5)
        [ "$typed" -lt 80 ] || continue
        type_text "${letters:typed % ${#letters}:1}"
        typed=$((typed + 1))
        ;;
    esac
    alive || break
done
ms=$((($(date +%s%N) - t0) / 1000000))
check "the program is still running" alive
resize 100 30
wait_for_re "^Search: " 8
# A resize that lands while the program draws is caught by its size poll (every 250 ms): give
# it that long before the screen counts as final.
sleep 0.6
settle
SEARCH=$(screen | sed -n 's/^Search: //p' | head -n 1 | sed 's/ *$//')
SHOWN=$SEARCH
# A space typed last is in the field but not in the capture (tmux drops trailing blanks): the
# cursor, at the end of the text, tells how many (the words are ASCII, a column a character).
if [ "$(cursor_row)" = "$(row_of "Search: ")" ]; then
    for ((pad = $(cursor_col) - 8 - ${#SEARCH}; pad > 0; pad--)); do
        SEARCH+=" "
    done
fi
STORM_SCREEN=$(screen)
observe "$STORM resizes in $ms ms ($small below the 40x12 minimum), $typed keys typed; alive, the search field holds '$SEARCH'"

case_begin "after the storm the screen is the one a fresh instance draws for the same search"
# The fresh instance runs on a tmux server of its own: tmux 3.3a's server died now and then
# ("server exited unexpectedly") when a session was made beside one that went through the storm.
TMUX_SOCKET="$STORM_SOCKET-fresh"
SESSION=fresh
start --size 100x30 -- "${DATA[@]}"
wait_for "Find supports"
send 1
expect_count 14 14
send /
wait_gone "press / and type"
[ -n "$SEARCH" ] && type_text "$SEARCH"
wait_for "Search: $SHOWN"
settle
FRESH_SCREEN=$(screen)
if [ "$STORM_SCREEN" != "$FRESH_SCREEN" ]; then
    fail "the screens differ (diff storm fresh):"
    diff <(echo "$STORM_SCREEN") <(echo "$FRESH_SCREEN") | head -n 20 | sed 's/^/      /'
fi
observe "the two 100x30 screens are identical: $(echo "$FRESH_SCREEN" | grep -cv '^ *$') lines, count '$(count_shown) of $(count_total)'"

# The same with a word that lists entries, typed in both after the storm.
send C-u
type_text "health"
TMUX_SOCKET=$STORM_SOCKET
SESSION=storm
send C-u
type_text "health"
wait_for "Search: health"
settle
STORM_SCREEN=$(screen)
TMUX_SOCKET="$STORM_SOCKET-fresh"
SESSION=fresh
wait_for "Search: health"
settle
FRESH_SCREEN=$(screen)
if [ "$STORM_SCREEN" != "$FRESH_SCREEN" ]; then
    fail "the screens differ after 'health' (diff storm fresh):"
    diff <(echo "$STORM_SCREEN") <(echo "$FRESH_SCREEN") | head -n 20 | sed 's/^/      /'
fi
observe "then both searched 'health': identical again, count '$(count_shown) of $(count_total)'"
tm kill-server
TMUX_SOCKET=$STORM_SOCKET

case_begin "after the storm the program still answers keys and quits cleanly"
SESSION=storm
send C-u
expect_count 14 14
send Escape Enter
wait_for "itpnav · Detail"
send q
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"
observe "C-u cleared the search (14 of 14), Enter opened a detail, q: exit $(exit_status), terminal modes as before"

finish
