# lib-session.sh: for the scripts that start the program more than once (wizard.sh, shortlist.sh,
# kiosk.sh); source it after lib.sh.
#
# stop                 ends the private tmux server and the program in it, and waits until both
#                      have gone (so the program has let go of its files).
# restart ARGS...      stop, then start ARGS.
#
# Why not start alone: start kills the only session; the tmux server then exits, and a
# new-session that reaches the exiting server fails ("server exited unexpectedly"), now and then.

stop() {
    local pids i=0
    pids="$(tm display-message -p '#{pid}' 2>/dev/null) $(pgrep -P "$(tm display-message -p \
        '#{pane_pid}' 2>/dev/null)" 2>/dev/null)"
    tm kill-server >/dev/null 2>&1
    # kill -0 with several ids succeeds while any of them is still running.
    # shellcheck disable=SC2086 # the ids are words
    while [ "$i" -lt 100 ] && kill -0 $pids 2>/dev/null; do
        sleep 0.05
        i=$((i + 1))
    done
}

restart() {
    stop
    start "$@"
}
