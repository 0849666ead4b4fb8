# lib.sh: a tiny library for the itpnav screen tests (bash + tmux).
#
# Source it first thing in a test script:
#
#     . "$(dirname "$0")/lib.sh"
#     start --size 80x24 -- --data "$FIXTURES/tui-deep.json"
#     case_begin "home screen"
#     wait_for "Find supports"
#     send 1
#     expect_count 14 14
#     expect_screen_has "Search:"
#     ...
#     finish
#
# start [--size WxH] [--env VAR=VALUE]... [--term T] [--] ARGS...
#                      (re)starts itpnav with ARGS in a private tmux server (one per script, killed on
#                      exit), at WxH (default 80x24), TERM=xterm-256color, LANG=C.UTF-8, a fresh HOME,
#                      XDG_CACHE_HOME and XDG_DATA_HOME, and no NO_COLOR unless --env gives it. When
#                      the program ends the pane prints "EXITED:<status>" (and "TTY:same" or
#                      "TTY:changed": the terminal modes after, compared with before).
# send KEY...          tmux send-keys, one tmux key name an argument (Enter, Escape, Tab, BTab, Down,
#                      NPage, PPage, Home, End, BSpace, C-u, or a single character); counts
#                      keystrokes.
# type_text TEXT       types TEXT literally, one character at a time; counts keystrokes.
# keys_sent            the keystrokes sent since the last start (or keys_reset).
# wait_for TEXT [SEC]  waits (polling every 0.05 s, default 5 s) until the screen shows TEXT and has
#                      stopped changing; a failure of the current case when it never does.
# wait_for_re RE [SEC] the same for an extended regular expression (grep -E) on some line.
# wait_gone TEXT [SEC] waits until TEXT is no longer on the screen (and the screen is steady).
# wait_change BEFORE   waits until the screen differs from BEFORE (a capture), then settles.
# wait_until DESC CMD...  polls CMD until it succeeds (5 s); a failure (DESC) when it never does:
#                      for what a plain capture cannot see (attributes, the cursor).
# wait_cursor ROW      waits until the terminal cursor is on screen row ROW.
# settle               waits until two captures 0.05 s apart are the same.
# screen               prints the screen (capture-pane -p); screen_e keeps the escape sequences.
# screen_line N        prints screen row N (0 is the top).
# expect_screen_has TEXT / expect_screen_lacks TEXT / expect_screen_matches RE
# expect_row_has N TEXT     screen row N holds TEXT.
# cursor_row / cursor_col   where the terminal cursor is (tmux #{cursor_y} / #{cursor_x}).
# pane_value FORMAT    a tmux format for the pane, e.g. '#{alternate_on}'.
# count_shown          the "N" of the list's "N of M" count on the screen (empty when none).
# count_total          the "M".
# expect_count N [M]   waits for the count to be "N of M" (or "N of" anything).
# row_of TEXT          the first screen row holding TEXT; selected_row: the row starting with "▸".
# resize W H           resizes the window (tmux passes it on about 0.25 s later: wait for what the
#                      new size shows).
# alive                true when itpnav is still running in the pane.
# wait_exit [SEC]      waits for the program to end; exit_status: its status, from EXITED:N.
# tm ARGS...           tmux on this script's private server.
# case_begin NAME, fail MESSAGE, check DESC CMD..., finish, observe TEXT: as in tests/cli/lib.sh;
#                      a failure also prints the screen.

set -u

LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${SOURCE_ROOT:=$(cd "$LIB_DIR/../.." && pwd)}"
: "${ITPNAV:=$SOURCE_ROOT/build/src/itpnav}"
: "${FIXTURES:=$SOURCE_ROOT/tests/fixtures}"
: "${LC_ALL:=C.UTF-8}"
export ITPNAV FIXTURES SOURCE_ROOT LC_ALL
unset NO_COLOR COLUMNS LINES

if [ ! -x "$ITPNAV" ]; then
    echo "lib.sh: ITPNAV ($ITPNAV) is not an executable; build first" >&2
    exit 99
fi
for tool in tmux python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "lib.sh: $tool is not installed; skipping" >&2
        exit 77
    fi
done

TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/itpnav-tui.XXXXXX") || exit 99
export HOME="$TEST_TMP/home" XDG_CACHE_HOME="$TEST_TMP/cache" XDG_DATA_HOME="$TEST_TMP/data"
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"

# The private server's socket lives in the temporary directory, and goes with it.
export TMUX_TMPDIR="$TEST_TMP"
TMUX_SOCKET="itpnav-test-$$"
SESSION="itpnav"
unset TMUX TMUX_PANE

_passed=0
_failed=0
_case=""
_case_failed=0
_finished=0
_keys=0

tm() {
    tmux -u -L "$TMUX_SOCKET" -f /dev/null "$@"
}

_lib_exit() {
    local rc=$?
    tm kill-server >/dev/null 2>&1
    chmod -R u+rwX "$TEST_TMP" 2>/dev/null
    rm -rf "$TEST_TMP"
    if [ "$_finished" = 0 ]; then
        echo "lib.sh: the script ended (status $rc) before calling finish" >&2
        exit 99
    fi
}
trap _lib_exit EXIT
trap 'exit 99' INT TERM HUP

# ---- cases ----

_case_end() {
    [ -n "$_case" ] || return 0
    if [ "$_case_failed" = 0 ]; then
        _passed=$((_passed + 1))
        echo "ok - $_case"
    else
        _failed=$((_failed + 1))
        echo "FAIL - $_case"
    fi
    # tests/fault/report.sh collects one row a case: script, case, verdict, what was observed.
    if [ -n "${ITPNAV_REPORT:-}" ]; then
        local seen=${_observed//"$TEST_TMP"/\$TMP}
        seen=${seen//$'\n'/ \/ }
        printf '%s\t%s\t%s\t%s\n' "$(basename "$0" .sh)" "$_case" \
            "$([ "$_case_failed" = 0 ] && echo pass || echo FAIL)" "${seen//$'\t'/ }" >>"$ITPNAV_REPORT"
    fi
    _case=""
    _case_failed=0
    _observed=""
}

case_begin() {
    _case_end
    _case="$1"
    _case_failed=0
}

# observe TEXT: what the current case saw (an exit status, a message, a time), for the report;
# several calls are joined with "; ".
_observed=""
observe() {
    _observed="${_observed:+$_observed; }$*"
}

_show_screen() {
    tm has-session -t "$SESSION" 2>/dev/null || return 0
    echo "    screen ($(pane_value '#{pane_width}x#{pane_height}'), cursor at row $(cursor_row)):"
    screen 2>/dev/null | sed 's/^/      | /'
}

# fail MESSAGE: record a failed expectation in the current case, with the screen.
fail() {
    [ -n "$_case" ] || _case="(outside any case)"
    _case_failed=1
    echo "  not ok: $_case: $1"
    _show_screen
}

# check DESCRIPTION CMD...: a free-form expectation: CMD must succeed.
check() {
    local desc=$1
    shift
    "$@" >/dev/null 2>&1 || fail "$desc"
}

finish() {
    _case_end
    echo "$_passed passed, $_failed failed"
    _finished=1
    [ "$_failed" = 0 ] && exit 0
    exit 1
}

# ---- the program in tmux ----

start() {
    local size=80x24 term=xterm-256color
    local -a envs=()
    while [ $# -gt 0 ]; do
        case $1 in
        --size) size=$2; shift 2 ;;
        --env) envs+=("$2"); shift 2 ;;
        --term) term=$2; shift 2 ;;
        --) shift; break ;;
        *) break ;;
        esac
    done
    tm kill-session -t "$SESSION" >/dev/null 2>&1
    local prog cmd
    prog=$(printf '%q ' env -u NO_COLOR -u COLUMNS -u LINES \
        HOME="$HOME" XDG_CACHE_HOME="$XDG_CACHE_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
        TERM="$term" LANG=C.UTF-8 LC_ALL=C.UTF-8 ${envs[@]+"${envs[@]}"} "$ITPNAV" "$@")
    # The shell around it reports how it ended and whether the terminal modes came back.
    cmd="cd $(printf '%q' "$TEST_TMP") && before=\$(stty -g); $prog; rc=\$?; "
    cmd+="if [ \"\$(stty -g)\" = \"\$before\" ]; then t=same; else t=changed; fi; "
    cmd+="printf '\\nEXITED:%s TTY:%s\\n' \$rc \$t; sleep 600"
    # Killing the last session makes the server exit; a new-session that reaches it while it
    # is going fails with "server exited unexpectedly". Wait for it to go, and try again.
    local tries=0
    until tm new-session -d -s "$SESSION" -x "${size%x*}" -y "${size#*x}" "$cmd"; do
        tries=$((tries + 1))
        if [ "$tries" -ge 20 ]; then
            echo "lib.sh: tmux new-session failed" >&2
            exit 99
        fi
        sleep 0.1
    done
    tm set-option -g window-size manual >/dev/null 2>&1
    _keys=0
}

_count_key() {
    _keys=$((_keys + 1))
}

# tmux sends Home and End as ESC [1~ and ESC [4~, which xterm-256color's terminfo does not know
# (curses would read an Esc and three characters): send what an xterm sends in keypad mode.
send() {
    local k
    for k in "$@"; do
        case $k in
        Home) tm send-keys -t "$SESSION" -H 1b 4f 48 ;;
        End) tm send-keys -t "$SESSION" -H 1b 4f 46 ;;
        *) tm send-keys -t "$SESSION" "$k" ;;
        esac
        _count_key
    done
}

type_text() {
    local s=$1 i
    for ((i = 0; i < ${#s}; i++)); do
        tm send-keys -t "$SESSION" -l -- "${s:i:1}"
        _count_key
    done
}

keys_sent() {
    echo "$_keys"
}

keys_reset() {
    _keys=0
}

screen() {
    tm capture-pane -p -t "$SESSION"
}

screen_e() {
    tm capture-pane -p -e -t "$SESSION"
}

screen_line() {
    screen | sed -n "$(($1 + 1))p"
}

pane_value() {
    tm display-message -p -t "$SESSION" "$1"
}

cursor_row() {
    pane_value '#{cursor_y}'
}

cursor_col() {
    pane_value '#{cursor_x}'
}

resize() {
    tm resize-window -t "$SESSION" -x "$1" -y "$2"
}

# The program is alive when the pane has not printed EXITED yet.
alive() {
    ! screen | grep -q '^EXITED:'
}

# settle [SEC]: wait until the screen stops changing.
settle() {
    local limit=${1:-5} prev cur i=0 n
    n=$(awk "BEGIN { print int($limit / 0.05) }")
    prev=$(screen)
    while [ "$i" -lt "$n" ]; do
        sleep 0.05
        cur=$(screen)
        [ "$cur" = "$prev" ] && return 0
        prev=$cur
        i=$((i + 1))
    done
    return 1
}

# _wait MODE PATTERN [SEC]: poll until the screen satisfies PATTERN (MODE has/re/gone) twice in a
# row with the same content.
_wait() {
    local mode=$1 pat=$2 limit=${3:-5} prev="" cur ok i=0 n
    n=$(awk "BEGIN { print int($limit / 0.05) }")
    while :; do
        cur=$(screen)
        case $mode in
        has) [[ "$cur" == *"$pat"* ]] && ok=1 || ok=0 ;;
        gone) [[ "$cur" != *"$pat"* ]] && ok=1 || ok=0 ;;
        re) grep -Eq -e "$pat" <<<"$cur" && ok=1 || ok=0 ;;
        esac
        if [ "$ok" = 1 ] && [ "$cur" = "$prev" ]; then
            return 0
        fi
        prev=$cur
        [ "$i" -ge "$n" ] && return 1
        sleep 0.05
        i=$((i + 1))
    done
}

wait_for() {
    _wait has "$1" "${2:-5}" && return 0
    fail "timed out waiting for the screen to show: $1"
    return 1
}

wait_for_re() {
    _wait re "$1" "${2:-5}" && return 0
    fail "timed out waiting for a screen line matching /$1/"
    return 1
}

wait_change() {
    local before=$1 i=0
    while [ "$(screen)" = "$before" ] && [ "$i" -lt 100 ]; do
        sleep 0.05
        i=$((i + 1))
    done
    settle
}

wait_until() {
    local desc=$1 i=0
    shift
    until "$@" >/dev/null 2>&1; do
        if [ "$i" -ge 100 ]; then
            fail "timed out waiting until: $desc"
            return 1
        fi
        sleep 0.05
        i=$((i + 1))
    done
}

cursor_on() {
    [ -n "$1" ] && [ "$(cursor_row)" = "$1" ]
}

wait_cursor() {
    wait_until "the cursor is on row ${1:-?}" cursor_on "$1"
}

wait_gone() {
    _wait gone "$1" "${2:-5}" && return 0
    fail "timed out waiting for the screen to stop showing: $1"
    return 1
}

expect_screen_has() {
    [[ "$(screen)" == *"$1"* ]] || fail "the screen lacks: $1"
}

expect_screen_lacks() {
    [[ "$(screen)" != *"$1"* ]] || fail "the screen shows (and must not): $1"
}

expect_screen_matches() {
    screen | grep -Eq -e "$1" || fail "no screen line matches /$1/"
}

expect_row_has() {
    [[ "$(screen_line "$1")" == *"$2"* ]] || fail "screen row $1 lacks: $2"
}

# The list's count: the filter bar's last words, "N of M".
count_shown() {
    screen | sed -n 's/.* \([0-9][0-9]*\) of \([0-9][0-9]*\) *$/\1/p' | head -n 1
}

count_total() {
    screen | sed -n 's/.* \([0-9][0-9]*\) of \([0-9][0-9]*\) *$/\2/p' | head -n 1
}

# expect_count N [M]: the list's count is "N of M" (waiting for it to show).
expect_count() {
    local total=${2:-[0-9]+}
    _wait re " $1 of $total *\$" 5 ||
        fail "the count is not \"$1 of ${2:-M}\" (it shows \"$(count_shown) of $(count_total)\")"
}

# row_of TEXT: the first screen row holding TEXT (empty when none).
row_of() {
    screen | grep -nF -e "$1" | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'
}

# selected_row: the screen row that starts with the selection marker "▸".
selected_row() {
    screen | grep -n '^▸' | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'
}

# wait_exit [SEC]: wait for the program to end; prints nothing, the screen then holds EXITED:N.
wait_exit() {
    _wait re '^EXITED:[0-9]+' "${1:-5}" && return 0
    fail "the program did not exit"
    return 1
}

# exit_status: N from the pane's EXITED:N line.
exit_status() {
    screen | sed -n 's/^EXITED:\([0-9]*\).*/\1/p' | head -n 1
}
