# misc.sh: --help, --version, unknown commands, the exit statuses of spec/cli.md, failed writes,
# and the cache behind --data.
. "$(dirname "$0")/lib.sh"

DEEP="$FIXTURES/cli-deep.json"

# run_closed_pipe SIGPIPE_DISPOSITION CMD...: run CMD with stdout a pipe whose reading end is
# already closed. "ignore" starts CMD with SIGPIPE ignored (so a write fails with EPIPE);
# "default" leaves SIGPIPE's default action. STATUS is the exit status, or 128+N for signal N.
run_closed_pipe() {
    local how=$1
    shift
    LAST_CMD="(stdout: a closed pipe; SIGPIPE $how) $(printf '%q ' "$@")"
    python3 - "$how" "$@" >"$OUT_FILE" 2>"$ERR_FILE" <<'EOF'
import os, signal, subprocess, sys
how, cmd = sys.argv[1], sys.argv[2:]
r, w = os.pipe()
os.close(r)
def child():
    signal.signal(signal.SIGPIPE, signal.SIG_IGN if how == "ignore" else signal.SIG_DFL)
p = subprocess.run(cmd, stdout=w, stdin=subprocess.DEVNULL, preexec_fn=child,
                   restore_signals=False)
os.close(w)
sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)
EOF
    STATUS=$?
    OUT=$(cat "$OUT_FILE")
    ERR=$(cat "$ERR_FILE")
}

case_begin "--help: exit 0, usage on stdout, every command named"
run "$ITPNAV" --help
expect_status 0
for cmd in check list show match build-db; do
    expect_stdout_matches "itpnav $cmd( |$)"
done
expect_stdout_has "--help"
expect_stdout_has "--version"
expect_stderr_empty

case_begin "-h is --help; --help after a command still helps"
run "$ITPNAV" -h
expect_status 0
expect_stdout_has "build-db"
run "$ITPNAV" list --help
expect_status 0
expect_stdout_has "build-db"

case_begin "--version prints 'itpnav <version>' (the project's version)"
version=$(sed -n "s/^ *version *: *'\([^']*\)'.*/\1/p" "$SOURCE_ROOT/meson.build" | head -n 1)
check "the project version is known from meson.build" test -n "$version"
run "$ITPNAV" --version
expect_status 0
expect_stdout_equals "itpnav $version"
run "$ITPNAV" -V
expect_status 0
expect_stdout_equals "itpnav $version"

case_begin "unknown command: 64, and the command named"
run "$ITPNAV" frobnicate
expect_status 64
expect_stdout_empty
expect_stderr_has "frobnicate"
run "$ITPNAV" LIST
expect_status 64
run "$ITPNAV" build_db --out "$TEST_TMP/x.db"
expect_status 64

case_begin "unknown option: 64"
run "$ITPNAV" --frobnicate
expect_status 64
expect_stderr_has "--frobnicate"
run "$ITPNAV" -z
expect_status 64

case_begin "options of the interactive program are refused by the subcommands: 64"
run "$ITPNAV" list --kiosk
expect_status 64
run "$ITPNAV" show --plain pra
expect_status 64
run "$ITPNAV" match --idle 60
expect_status 64
run "$ITPNAV" check --no-color
expect_status 64

case_begin "a subcommand-only option without a command: 64 (and no interactive program)"
run "$ITPNAV" --search mentor
expect_status 64
run "$ITPNAV" --out "$TEST_TMP/x.db"
expect_status 64
run "$ITPNAV" --strict
expect_status 64

case_begin "option syntax (itpnav(1)): before or after the command, --opt=value, the last one counts"
run "$ITPNAV" list --data "$DEEP" --region mtl --format tsv
cp "$OUT_FILE" "$TEST_TMP/mtl-tsv"
run "$ITPNAV" --data "$DEEP" --format tsv list --region mtl
expect_status 0
expect_stdout_equals "$TEST_TMP/mtl-tsv"
run "$ITPNAV" list --data="$DEEP" --region=mtl --format=tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/mtl-tsv"
run "$ITPNAV" list --data "$DEEP" --region quebec --region mtl --format json --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/mtl-tsv"
run "$ITPNAV" list --data "$DEEP" --reg mtl --form tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/mtl-tsv"

case_begin "exit statuses of cli.md: 0, 64, 65, 66"
run "$ITPNAV" list --data "$DEEP" --format tsv
expect_status 0
run "$ITPNAV" list --data "$DEEP" --no-such-option
expect_status 64
run "$ITPNAV" list --data "$FIXTURES/cli-broken.json"
expect_status 65
run "$ITPNAV" match --data "$FIXTURES/cli-bad-syntax.json"
expect_status 65
run "$ITPNAV" list --data "$TEST_TMP/nope.json"
expect_status 66
run "$ITPNAV" show --data "$TEST_TMP/nope.json" pra
expect_status 66

case_begin "a full device: a failed write exits 74 (list, show, match, check)"
run bash -c 'exec "$0" list --format tsv >/dev/full' "$ITPNAV"
expect_status 74
expect_stderr_has "itpnav:"
run bash -c 'exec "$0" list --format json >/dev/full' "$ITPNAV"
expect_status 74
run bash -c 'exec "$0" list --format text >/dev/full' "$ITPNAV"
expect_status 74
run bash -c 'exec "$0" show --format text pra >/dev/full' "$ITPNAV"
expect_status 74
run bash -c 'exec "$0" show --format json pra >/dev/full' "$ITPNAV"
expect_status 74
run bash -c 'exec "$0" match --format tsv >/dev/full' "$ITPNAV"
expect_status 74
run bash -c 'exec "$0" check >/dev/full' "$ITPNAV"
expect_status 74
run bash -c 'exec "$0" check --older-than 12 --format tsv "$1" >/dev/full' "$ITPNAV" "$FIXTURES/cli-stale.json"
expect_status 74

case_begin "a full device: an empty result writes nothing and succeeds"
run bash -c 'exec "$0" list --data "$1" --search zzzzqqq --format tsv >/dev/full' "$ITPNAV" "$DEEP"
expect_status 0

case_begin "a full device: --help and --version report the failed write (74)"
# (Exited 0 before efb7e32: main.c printed them without checking the flush.)
run bash -c 'exec "$0" --version >/dev/full' "$ITPNAV"
expect_status 74
run bash -c 'exec "$0" --help >/dev/full' "$ITPNAV"
expect_status 74

case_begin "a closed pipe, SIGPIPE ignored: the failed write exits 74"
run_closed_pipe ignore "$ITPNAV" list --format tsv
expect_status 74
run_closed_pipe ignore "$ITPNAV" show --format text pra
expect_status 74
run_closed_pipe ignore "$ITPNAV" match --format json
expect_status 74

case_begin "a closed pipe, SIGPIPE default: ends quietly by SIGPIPE or exits 74, never 0"
# cli.md does not say; either is the usual behaviour of a Unix filter (141 = 128 + SIGPIPE).
run_closed_pipe default "$ITPNAV" list --format tsv
expect_status_in 74 141

case_begin "output to a pipe that is read: exit 0 (no false 74)"
run bash -c '"$0" list --format tsv | cat >/dev/null; exit "${PIPESTATUS[0]}"' "$ITPNAV"
expect_status 0
run bash -c '"$0" list --format tsv | head -n 1 >/dev/null; s=${PIPESTATUS[0]}; [ "$s" = 0 ] || [ "$s" = 141 ] || [ "$s" = 74 ]' "$ITPNAV"
expect_status 0

# ---- the cache behind --data ----

cache_file() { ls "$XDG_CACHE_HOME"/itpnav/*.db 2>/dev/null | head -n 1; }

case_begin "cache: the first run writes a cache under XDG_CACHE_HOME, and nothing under HOME"
cp "$DEEP" "$TEST_TMP/copy.json"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 0
expect_stderr_empty
cp "$OUT_FILE" "$TEST_TMP/first"
check "a cache database exists" test -n "$(cache_file)"
check "HOME is untouched" bash -c '[ -z "$(ls -A "$HOME")" ]'
check "XDG_DATA_HOME is untouched" bash -c '[ -z "$(ls -A "$XDG_DATA_HOME")" ]'

case_begin "cache: a second run hits the cache (not rebuilt) and is still correct"
before=$(stat -c '%i %Y.%y %s' "$(cache_file)")
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 0
expect_stderr_empty
expect_stdout_equals "$TEST_TMP/first"
check "the cache file was not rebuilt (same inode, mtime, size)" \
    test "$before" = "$(stat -c '%i %Y.%y %s' "$(cache_file)")"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --region quebec --search montreal --format tsv
expect_status 0
expect_id_set "mtl-exam gm-reseau"

case_begin "cache: an edited dataset is seen at once (a different size)"
sed 's/"Niagara ITP Hub"/"Niagara ITP Hub, renamed"/' "$DEEP" >"$TEST_TMP/copy.json"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 0
expect_stdout_has "Niagara ITP Hub, renamed"

case_begin "cache: an edited dataset is seen at once (the same size, a different time)"
sed 's/"Niagara ITP Hub, renamed"/"Niagara ITP Hub, RENAMED"/' "$TEST_TMP/copy.json" >"$TEST_TMP/copy2.json"
cat "$TEST_TMP/copy2.json" >"$TEST_TMP/copy.json"
touch -d '2001-01-01 00:00:00' "$TEST_TMP/copy.json"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 0
expect_stdout_has "Niagara ITP Hub, RENAMED"
expect_stdout_lacks "Niagara ITP Hub, renamed"

case_begin "cache: a touched but identical dataset still gives the same list"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
cp "$OUT_FILE" "$TEST_TMP/before-touch"
touch "$TEST_TMP/copy.json"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/before-touch"

case_begin "cache: a dataset broken after a good load is an error (65), not stale data"
cp "$FIXTURES/cli-broken.json" "$TEST_TMP/copy.json"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 65
expect_stdout_empty

case_begin "cache: a corrupt cache file is rebuilt, and the answer is still correct"
cp "$DEEP" "$TEST_TMP/copy.json"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 0
for f in "$XDG_CACHE_HOME"/itpnav/*.db; do
    printf 'this is not a database\n' >"$f"
done
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/first"
run "$ITPNAV" list --data "$TEST_TMP/copy.json" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/first"

case_begin "cache: an unusable cache directory still gives the right answer"
: >"$TEST_TMP/not-a-dir"
run env XDG_CACHE_HOME="$TEST_TMP/not-a-dir" "$ITPNAV" list --data "$DEEP" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/first"

case_begin "cache: the directory is created with mode 0700 (itpnav(1))"
rm -rf "$XDG_CACHE_HOME/itpnav"
run "$ITPNAV" list --data "$DEEP" --format tsv
expect_status 0
check "mode 700" test "$(stat -c %a "$XDG_CACHE_HOME/itpnav")" = 700

case_begin "cache: a relative XDG_CACHE_HOME is not used; HOME/.cache is"
mkdir -p "$TEST_TMP/cwd" "$TEST_TMP/home2"
run_in "$TEST_TMP/cwd" env XDG_CACHE_HOME=relative-cache HOME="$TEST_TMP/home2" \
    "$ITPNAV" list --data "$DEEP" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/first"
check "nothing under the relative path" test ! -e "$TEST_TMP/cwd/relative-cache"
check "the cache is under HOME/.cache/itpnav" bash -c 'ls "$0"/.cache/itpnav/*.db' "$TEST_TMP/home2"

case_begin "cache: with neither XDG_CACHE_HOME nor HOME, no cache and still right"
run_in "$TEST_TMP/cwd" env -u XDG_CACHE_HOME -u HOME "$ITPNAV" list --data "$DEEP" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/first"
check "nothing written in the working directory" bash -c '[ -z "$(ls -A "$0")" ]' "$TEST_TMP/cwd"

case_begin "cache: two datasets do not share a cache entry"
run "$ITPNAV" list --data "$FIXTURES/cli-match.json" --kind pathway --format tsv
expect_status 0
expect_id_set "p-practice p-exam p-full p-none p-alt p-alberta p-note"
run "$ITPNAV" list --data "$DEEP" --kind pathway --format tsv
expect_status 0
expect_id_set "ca-residency qc-pra on-alt"

case_begin "cache: concurrent first runs all succeed with the same answer"
# Several runs building the cache at once (a kiosk and a script after an update, say) must not
# meet each other's files. Before c8e2be0 some failed with 74, "query failed: attempt to write a
# readonly database": a run wrote meta in place into the file it had renamed in, in
# rollback-journal mode, and the journal (named by path) was taken as hot by a reader of the
# file another run had renamed in since. Rounds of parallel first runs made that near certain.
bad=0
rounds=20
# Under valgrind (ITPNAV_WRAP) a few rounds check the same code; tests/fault races it harder.
[ -n "${ITPNAV_WRAP:-}" ] && rounds=2
for round in $(seq "$rounds"); do
    rm -rf "$XDG_CACHE_HOME/itpnav"
    for i in $(seq 10); do
        ( "$ITPNAV" list --data "$DEEP" --format tsv >"$TEST_TMP/par-$i.out" 2>"$TEST_TMP/par-$i.err"
          echo $? >"$TEST_TMP/par-$i.status" ) &
    done
    wait
    for i in $(seq 10); do
        if [ "$(cat "$TEST_TMP/par-$i.status")" != 0 ] || ! cmp -s "$TEST_TMP/first" "$TEST_TMP/par-$i.out"; then
            bad=$((bad + 1))
            [ "$bad" = 1 ] && cp "$TEST_TMP/par-$i.err" "$TEST_TMP/par-first-failure.err"
        fi
    done
done
if [ "$bad" != 0 ]; then
    fail "$bad of $((rounds * 10)) concurrent first runs failed; the first said: $(head -n 1 "$TEST_TMP/par-first-failure.err")"
fi

case_begin "cache: concurrent runs on a warm cache all succeed"
run "$ITPNAV" list --data "$DEEP" --format tsv
bad=0
for i in $(seq 10); do
    ( "$ITPNAV" list --data "$DEEP" --format tsv >"$TEST_TMP/warm-$i.out" 2>/dev/null
      echo $? >"$TEST_TMP/warm-$i.status" ) &
done
wait
for i in $(seq 10); do
    if [ "$(cat "$TEST_TMP/warm-$i.status")" != 0 ] || ! cmp -s "$TEST_TMP/first" "$TEST_TMP/warm-$i.out"; then
        bad=$((bad + 1))
    fi
done
[ "$bad" = 0 ] || fail "$bad of 10 concurrent runs on a warm cache failed"

finish
