# lib.sh: a tiny assertion library for the itpnav command-line tests (bash).
#
# Source it first thing in a test script:
#
#     . "$(dirname "$0")/lib.sh"
#     case_begin "check on the bundled dataset"
#     run "$ITPNAV" check
#     expect_status 0
#     expect_stdout_has "valid"
#     ...
#     finish
#
# run CMD...           runs CMD with stdout, stderr and the exit status captured (in $OUT_FILE,
#                      $ERR_FILE and $STATUS; $OUT and $ERR hold the text); stdin is /dev/null.
# case_begin NAME      starts a named case; a case passes when none of its expectations failed.
# expect_* ...         check the last run; a failure is reported with the command and its output.
# finish               prints "N passed, M failed" and exits non-zero when anything failed.
# observe TEXT         notes what the current case saw; with ITPNAV_REPORT set to a file, each
#                      case adds a row (script, case, pass/FAIL, what it saw) to it, which
#                      tests/fault/report.sh turns into the table of docs/robustness.md.
#
# Every script gets a fresh temporary directory ($TEST_TMP, removed on exit) and HOME,
# XDG_CACHE_HOME and XDG_DATA_HOME inside it, so no test reads or writes the real home.
# The environment comes from tests/meson.build (ITPNAV, FIXTURES, SOURCE_ROOT, LC_ALL); when a
# script is run by hand the defaults below find the build tree.
#
# ITPNAV_WRAP, when set, is a command put in front of every itpnav run (tests/valgrind runs the
# scripts with valgrind there): $ITPNAV becomes a small script that execs it, so runs inside
# bash -c and in the background are wrapped too. With ITPNAV_WRAP_EVERY=N only the first run and
# every N-th after it are wrapped.

set -u

LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${SOURCE_ROOT:=$(cd "$LIB_DIR/../.." && pwd)}"
: "${ITPNAV:=$SOURCE_ROOT/build/src/itpnav}"
: "${FIXTURES:=$SOURCE_ROOT/tests/fixtures}"
: "${LC_ALL:=C.UTF-8}"
export ITPNAV FIXTURES SOURCE_ROOT LC_ALL
unset NO_COLOR COLUMNS
# English unless a test asks for French (--lang fr, or a locale of its own): LANGUAGE would win
# over LC_ALL.
unset LANGUAGE

if [ ! -x "$ITPNAV" ]; then
    echo "lib.sh: ITPNAV ($ITPNAV) is not an executable; build first" >&2
    exit 99
fi

TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/itpnav-cli.XXXXXX") || exit 99
export HOME="$TEST_TMP/home" XDG_CACHE_HOME="$TEST_TMP/cache" XDG_DATA_HOME="$TEST_TMP/data"
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"

if [ -n "${ITPNAV_WRAP:-}" ]; then
    # Every run counts itself (an append of one line is atomic, also from the background) and
    # the first, then every ITPNAV_WRAP_EVERY-th, goes through the wrapper.
    cat >"$TEST_TMP/itpnav" <<EOF
#!/bin/sh
echo >>"$TEST_TMP/.wrap-count"
n=\$(wc -l <"$TEST_TMP/.wrap-count")
[ \$(((n - 1) % ${ITPNAV_WRAP_EVERY:-1})) -eq 0 ] && exec $ITPNAV_WRAP $(printf '%q' "$ITPNAV") "\$@"
exec $(printf '%q' "$ITPNAV") "\$@"
EOF
    chmod +x "$TEST_TMP/itpnav"
    ITPNAV="$TEST_TMP/itpnav"
fi

OUT_FILE="$TEST_TMP/.stdout"
ERR_FILE="$TEST_TMP/.stderr"
OUT=""
ERR=""
STATUS=""
LAST_CMD=""

_passed=0
_failed=0
_case=""
_case_failed=0
_finished=0

_lib_exit() {
    local rc=$?
    # A test may have made files read-only; make sure all of it can go.
    chmod -R u+rwX "$TEST_TMP" 2>/dev/null
    rm -rf "$TEST_TMP"
    if [ "$_finished" = 0 ]; then
        echo "lib.sh: the script ended (status $rc) before calling finish" >&2
        exit 99
    fi
}
trap _lib_exit EXIT

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

# Print what the last run did, indented, for a failure report.
_show_run() {
    echo "    command: $LAST_CMD"
    echo "    status:  $STATUS"
    echo "    stdout (first 15 lines):"
    head -n 15 "$OUT_FILE" 2>/dev/null | sed 's/^/      | /'
    echo "    stderr (first 15 lines):"
    head -n 15 "$ERR_FILE" 2>/dev/null | sed 's/^/      | /'
}

# fail MESSAGE: record a failed expectation in the current case.
fail() {
    if [ -z "$_case" ]; then
        _case="(outside any case)"
    fi
    _case_failed=1
    echo "  not ok: $_case: $1"
    _show_run
}

# ---- running ----

run() {
    LAST_CMD=$(printf '%q ' "$@")
    "$@" >"$OUT_FILE" 2>"$ERR_FILE" </dev/null
    STATUS=$?
    OUT=$(cat "$OUT_FILE")
    ERR=$(cat "$ERR_FILE")
}

# run_in DIR CMD...: run with DIR as the working directory.
run_in() {
    local dir=$1
    shift
    LAST_CMD="(cd $dir) $(printf '%q ' "$@")"
    (cd "$dir" && "$@") >"$OUT_FILE" 2>"$ERR_FILE" </dev/null
    STATUS=$?
    OUT=$(cat "$OUT_FILE")
    ERR=$(cat "$ERR_FILE")
}

# run_tty CMD...: run CMD on a pseudo-terminal; what it writes there (stdout and stderr both)
# is captured as stdout, with CR LF turned back into LF.
run_tty() {
    LAST_CMD="(on a terminal) $(printf '%q ' "$@")"
    python3 -c '
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        b = os.read(fd, 65536)
    except OSError:
        break
    if not b:
        break
    out += b
_, st = os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b"\r\n", b"\n"))
sys.exit(os.waitstatus_to_exitcode(st))
' "$@" >"$OUT_FILE" 2>"$ERR_FILE" </dev/null
    STATUS=$?
    OUT=$(cat "$OUT_FILE")
    ERR=$(cat "$ERR_FILE")
}

# ---- expectations on the last run ----

expect_status() {
    [ "$STATUS" = "$1" ] || fail "expected exit status $1, got $STATUS"
}

# expect_status_in N...: any of these statuses.
expect_status_in() {
    local s
    for s in "$@"; do
        [ "$STATUS" = "$s" ] && return 0
    done
    fail "expected exit status in {$*}, got $STATUS"
}

expect_stdout_has() {
    [[ "$OUT" == *"$1"* ]] || fail "stdout lacks: $1"
}

expect_stdout_lacks() {
    [[ "$OUT" != *"$1"* ]] || fail "stdout has (and must not): $1"
}

expect_stderr_has() {
    [[ "$ERR" == *"$1"* ]] || fail "stderr lacks: $1"
}

expect_stderr_lacks() {
    [[ "$ERR" != *"$1"* ]] || fail "stderr has (and must not): $1"
}

# Extended regular expressions (grep -E), line by line.
expect_stdout_matches() {
    grep -Eq -e "$1" "$OUT_FILE" || fail "no stdout line matches /$1/"
}

expect_stderr_matches() {
    grep -Eq -e "$1" "$ERR_FILE" || fail "no stderr line matches /$1/"
}

expect_stderr_not_matches() {
    ! grep -Eq -e "$1" "$ERR_FILE" || fail "a stderr line matches /$1/ (and must not)"
}

# expect_stderr_line PREFIX [WORD...]: a stderr line starts with PREFIX (exactly) and, after it,
# contains every WORD (ignoring case).
expect_stderr_line() {
    local prefix=$1 line rest w ok
    shift
    while IFS= read -r line; do
        [[ "$line" == "$prefix"* ]] || continue
        rest=${line#"$prefix"}
        ok=1
        for w in "$@"; do
            [[ "${rest,,}" == *"${w,,}"* ]] || ok=0
        done
        [ "$ok" = 1 ] && return 0
    done <"$ERR_FILE"
    fail "no stderr line starts with '$prefix'${1:+ and contains: $*}"
}

# stderr_rest PREFIX: print what follows PREFIX on the first stderr line that starts with it.
stderr_rest() {
    local line
    while IFS= read -r line; do
        if [[ "$line" == "$1"* ]]; then
            printf '%s\n' "${line#"$1"}"
            return 0
        fi
    done <"$ERR_FILE"
    return 1
}

# expect_stdout_equals FILE_OR_STRING: stdout is byte for byte the file's content, or (when the
# argument is not a file) the string as lines: STRING and a final newline, or nothing at all for
# an empty STRING.
expect_stdout_equals() {
    local want="$TEST_TMP/.want"
    if [ -f "$1" ]; then
        cp "$1" "$want"
    elif [ -z "$1" ]; then
        : >"$want"
    else
        printf '%s\n' "$1" >"$want"
    fi
    if ! cmp -s "$want" "$OUT_FILE"; then
        fail "stdout differs from what was expected (diff expected actual):"
        diff "$want" "$OUT_FILE" | head -n 30 | sed 's/^/      /'
    fi
}

# expect_files_equal WANT GOT: two files are byte for byte the same.
expect_files_equal() {
    if ! cmp -s "$1" "$2"; then
        fail "$2 differs from $1 (diff expected actual):"
        diff "$1" "$2" | head -n 30 | sed 's/^/      /'
    fi
}

expect_stdout_empty() {
    [ ! -s "$OUT_FILE" ] || fail "stdout is not empty"
}

expect_stderr_empty() {
    [ ! -s "$ERR_FILE" ] || fail "stderr is not empty"
}

# expect_stdout_lines N: stdout has exactly N lines.
expect_stdout_lines() {
    local n
    n=$(wc -l <"$OUT_FILE")
    [ "$n" = "$1" ] || fail "expected $1 stdout lines, got $n"
}

# expect_stderr_count REGEX N: exactly N stderr lines match REGEX.
expect_stderr_count() {
    local n
    n=$(grep -Ec -e "$1" "$ERR_FILE")
    [ "$n" = "$2" ] || fail "expected $2 stderr lines matching /$1/, got $n"
}

# expect_ids "ID..." : the first column of stdout (TSV) is exactly these ids, in this order.
expect_ids() {
    local got want
    got=$(cut -f1 "$OUT_FILE" | tr '\n' ' ' | sed 's/ $//')
    want=$(echo $1)
    [ "$got" = "$want" ] || fail "ids in order: expected [$want], got [$got]"
}

# expect_id_set "ID..." : the first column of stdout is this set of ids (any order, no repeats).
expect_id_set() {
    local got want missing extra
    got=$(cut -f1 "$OUT_FILE" | sort)
    want=$(printf '%s\n' $1 | sed '/^$/d' | sort)
    if [ "$got" != "$want" ]; then
        missing=$(comm -23 <(echo "$want") <(echo "$got") | sed '/^$/d' | head -n 20 | tr '\n' ' ')
        extra=$(comm -13 <(echo "$want") <(echo "$got") | sed '/^$/d' | head -n 20 | tr '\n' ' ')
        [ "$(echo "$got" | uniq -d | sed '/^$/d')" ] && extra="$extra(and ids listed twice)"
        fail "id set differs: missing {${missing% }}, unexpected {${extra% }}"
    fi
}

# expect_has_ids / expect_lacks_ids "ID...": each id is (is not) in the first column.
expect_has_ids() {
    local id
    for id in $1; do
        cut -f1 "$OUT_FILE" | grep -qxF -e "$id" || fail "id missing from the list: $id"
    done
}

expect_lacks_ids() {
    local id
    for id in $1; do
        ! cut -f1 "$OUT_FILE" | grep -qxF -e "$id" || fail "id listed and must not be: $id"
    done
}

# expect_json PYTHON: stdout parses as JSON (as `d`) and the Python expression is true.
expect_json() {
    local why
    if ! why=$(python3 -c '
import json, sys
try:
    d = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print("stdout is not JSON: %s" % e); sys.exit(1)
try:
    ok = eval(sys.argv[2])
except Exception as e:
    print("the check raised %r" % e); sys.exit(1)
if not ok:
    print("JSON check false: " + sys.argv[2]); sys.exit(1)
' "$OUT_FILE" "$1" 2>&1); then
        fail "$why"
    fi
}

# check DESCRIPTION CMD...: a free-form expectation: CMD must succeed.
check() {
    local desc=$1
    shift
    "$@" >/dev/null 2>&1 || fail "$desc"
}

# ---- the end ----

finish() {
    _case_end
    echo "$_passed passed, $_failed failed"
    _finished=1
    [ "$_failed" = 0 ] && exit 0
    exit 1
}
