#!/usr/bin/env bash
# hangup.sh: a terminal that closes ends the program, in every mode, even with SIGHUP ignored
# (adversarial run D7: `trap '' HUP; exec itpnav`, then the pane closed, left a process spinning
# at 100% CPU on end of input).
. "$(dirname "$0")/lib.sh"

# run_hup NAME ARGS...: itpnav with ARGS in a tmux window of its own, under a shell that ignores
# SIGHUP (so the program does too) and, when the program ends, writes the CPU time its children
# used ("times") to NAME.times. The program's pid goes to NAME.pid.
run_hup() {
    local name=$1
    shift
    local script="$TEST_TMP/$name.sh"
    {
        echo "trap '' HUP"
        printf 'sh -c %q\n' "echo \$\$ > $(printf '%q' "$TEST_TMP/$name.pid"); exec $(printf '%q ' \
            env -u NO_COLOR HOME="$HOME" XDG_CACHE_HOME="$XDG_CACHE_HOME" \
            XDG_DATA_HOME="$XDG_DATA_HOME" TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 \
            "$ITPNAV" "$@")"
        echo "times > $(printf '%q' "$TEST_TMP/$name.times")"
    } >"$script"
    hup new-session -d -s "$name" -x 80 -y 24 "bash $(printf '%q' "$script")"
}

# A tmux server of its own (lib.sh's sets window-size manual, with which tmux 3.3a cannot open a
# second window), gone with the test.
hup() {
    tmux -u -L "$TMUX_SOCKET-hup" -f /dev/null "$@"
}
# It goes however the script ends (lib.sh's own clean-up after it, with the script's status).
trap 'rc=$?; hup kill-server >/dev/null 2>&1; (exit $rc); _lib_exit' EXIT

# cpu_seconds NAME: the children's user + system time from NAME.times.
cpu_seconds() {
    sed -n 2p "$TEST_TMP/$1.times" | awk '{
        t = 0
        for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }
        print t }'
}

gone() { ! kill -0 "$1" 2>/dev/null; }

for mode in full kiosk; do
    case_begin "$mode screen: the window closes with SIGHUP ignored; the program ends, idle"
    if [ "$mode" = full ]; then
        run_hup "$mode" --data "$FIXTURES/tui-session.json"
    else
        run_hup "$mode" --kiosk --data "$FIXTURES/tui-session.json"
    fi
    for _ in $(seq 100); do
        [ -s "$TEST_TMP/$mode.pid" ] && break
        sleep 0.05
    done
    pid=$(cat "$TEST_TMP/$mode.pid" 2>/dev/null)
    check "the program started (pid $pid)" test -n "$pid"
    # Let it draw its first screen, then close the window under it.
    sleep 1
    check "it runs before the window closes" kill -0 "$pid"
    hup kill-session -t "$mode"
    ended=0
    for _ in $(seq 100); do # up to 5 s
        if gone "$pid" && [ -s "$TEST_TMP/$mode.times" ]; then
            ended=1
            break
        fi
        sleep 0.05
    done
    check "the program ended within 5 s of the window closing" test "$ended" = 1
    if [ "$ended" = 1 ]; then
        cpu=$(cpu_seconds "$mode")
        observe "CPU ${cpu}s"
        echo "    CPU: ${cpu}s"
        check "it used little CPU (${cpu}s)" awk -v t="$cpu" 'BEGIN { exit !(t < 1.0) }'
    else
        kill "$pid" 2>/dev/null # the spinning one of the bug: not left behind
    fi
done

hup kill-server >/dev/null 2>&1
finish
