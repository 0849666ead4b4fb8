# limits.sh: the system's limits. Too little memory (ulimit -v) is "out of memory" with status 71
# (EX_OSERR), in check, list and the interactive program's first run alike: never "invalid
# dataset" (65) nor a crash (134). Too few file descriptors (ulimit -n) is said as such, never
# taken for an unknown terminal.
. "$(dirname "$0")/lib.sh"

BIG="$TEST_TMP/big.json"
big_dataset "$BIG" 5000 v1
# check holds one record at a time (issue 19): memory grows with the largest record, not the file.
# One support with 60,000 offers (a 12 MB record) is what makes it need memory.
BIGREC="$TEST_TMP/big-record.json"
python3 - "$BIG" "$BIGREC" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["supports"][0]["offers"] = [f"Weekly mentoring with a practising physician, session {i}, for "
                              "internationally trained doctors preparing for residency"
                              for i in range(60000)]
json.dump(d, open(sys.argv[2], "w"))
PY

# limited_tty KIND N CMD...: CMD on a pseudo-terminal (TERM=xterm) with the limit KIND ("as":
# address space in KiB, "nofile": file descriptors) set to N and no descriptor but 0-2 open; a
# screen that comes up is quit with q. Sets STATUS, and OUT to what it wrote (escapes removed).
limited_tty() {
    local kind=$1 n=$2
    shift 2
    LAST_CMD="(on a terminal, ulimit $kind $n) $(printf '%q ' "$@")"
    python3 - "$kind" "$n" "$@" >"$OUT_FILE" 2>"$ERR_FILE" <<'PY'
import os, pty, re, resource, select, sys, time
kind, n, argv = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
pid, fd = pty.fork()
if pid != 0:
    # Wide enough for a whole status line with a path in it.
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 250, 0, 0))
if pid == 0:
    os.closerange(3, 1024)
    os.environ["TERM"] = "xterm"
    limit = resource.RLIMIT_AS if kind == "as" else resource.RLIMIT_NOFILE
    resource.setrlimit(limit, (n * 1024 if kind == "as" else n,) * 2)
    os.execv(argv[0], argv)
out, quit_sent, deadline = b"", False, time.time() + 60
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            b = os.read(fd, 65536)
        except OSError:
            break
        if not b:
            break
        out += b
    if not quit_sent and b"Find supports" in out:
        os.write(fd, b"q")
        quit_sent = True
else:
    os.kill(pid, 9)
_, st = os.waitpid(pid, 0)
text = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()=>][0-9A-Za-z]?|\r", b"", out)
sys.stdout.buffer.write(text)
sys.exit(os.waitstatus_to_exitcode(st) if os.waitstatus_to_exitcode(st) >= 0 else 128 - os.waitstatus_to_exitcode(st))
PY
    STATUS=$?
    OUT=$(cat "$OUT_FILE")
    ERR=$(cat "$ERR_FILE")
}

# memory_sweep WHAT CMD...: run CMD (with "TTY" first: on a terminal) under ulimit -v from 10 MB
# up; each run must end 0, or 71 saying "out of memory"; at least one must be cut short, and the
# last (unlimited) must work. Observes which limits gave what.
memory_sweep() {
    local what=$1 tty=0 kb seen="" failed_any=0
    shift
    [ "$1" = TTY ] && tty=1 && shift
    for kb in 10000 20000 30000 40000 50000 60000 80000 100000 140000 unlimited; do
        rm -rf "$CACHE_DIR"
        if [ "$tty" = 1 ]; then
            limited_tty as "$([ "$kb" = unlimited ] && echo 8000000 || echo "$kb")" "$@"
            ERR=$OUT # a terminal has one output
        elif [ "$kb" = unlimited ]; then
            run "$@"
        else
            run bash -c 'ulimit -v "$0" && exec "$@"' "$kb" "$@"
        fi
        case $STATUS in
        0) ;;
        71)
            failed_any=1
            [[ "$ERR" == *"itpnav: out of memory"* ]] ||
                fail "$what under ulimit -v $kb: status 71 without 'itpnav: out of memory'"
            ;;
        *) fail "$what under ulimit -v $kb: status $STATUS (expected 0 or 71): ${ERR:0:300}" ;;
        esac
        [[ "$ERR" != *"invalid"* && "$ERR" != *" error"* ]] ||
            fail "$what under ulimit -v $kb: called the dataset invalid: ${ERR:0:300}"
        seen="$seen ${kb%000}:$STATUS"
    done
    [ "$failed_any" = 1 ] || fail "$what: no limit ran it out of memory (the sweep tests nothing)"
    [ "$STATUS" = 0 ] || fail "$what: status $STATUS without a limit"
    observe "$what, limit in MB:status:$seen"
}

if sanitized; then
    case_begin "out of memory (skipped: AddressSanitizer reserves terabytes of address space)"
    observe "skipped under ASan"
else
    case_begin "check under ulimit -v: 0, or 71 'out of memory'; never 65 or 134"
    memory_sweep check "$ITPNAV" check "$BIGREC"

    case_begin "list's first run (builds the cache) under ulimit -v: 0, or 71 'out of memory'"
    memory_sweep "list" "$ITPNAV" list --data "$BIG" --limit 1

    case_begin "the interactive program's first run under ulimit -v: 0, or 71 'out of memory'"
    memory_sweep "the interactive program" TTY "$ITPNAV" --data "$BIG"
fi

case_begin "ulimit -n 5, the interactive program: 'Too many open files', not an unknown terminal"
"$ITPNAV" list --data "$BIG" --limit 1 >/dev/null 2>&1 # the cache exists: it and state.db take 3, 4
limited_tty nofile 5 "$ITPNAV" --data "$BIG"
# The screen cannot start (71), or (where state.db is the one that cannot be opened, as under
# ASan, which takes a descriptor of its own) the screen works and its status line says why the
# shortlist will not be saved; either way the reason is the real one.
expect_status_in 71 0
expect_stdout_has "Too many open files"
expect_stdout_lacks "terminal type is unknown"
observe "exit $STATUS: ${OUT//$'\n'/ / }"

case_begin "ulimit -n 4, list on a first run: the reason given ('Too many open files')"
rm -rf "$CACHE_DIR"
run bash -c 'exec 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-; ulimit -n 4 && exec "$@"' sh "$ITPNAV" list \
    --data "$BIG" --limit 1
# The cache's second file (the full-text index) cannot be opened: the list comes from memory, or
# (when even that cannot be had) 71; either way the reason is said.
expect_status_in 0 71
expect_stderr_has "Too many open files"
observe "exit $STATUS: ${ERR//$'\n'/ / }"

finish
