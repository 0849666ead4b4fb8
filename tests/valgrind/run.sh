#!/bin/bash
# run.sh SCRIPT [EVERY]: run a CLI test script (tests/cli/SCRIPT.sh) with itpnav under valgrind's
# memcheck (every run, or the first and every EVERY-th after it); fails when the script fails or
# when valgrind reports any invalid access, use of an uninitialised value, or a definite or
# indirect leak in any run.
set -u
script=$1
export ITPNAV_WRAP_EVERY=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
logs=$(mktemp -d "${TMPDIR:-/tmp}/itpnav-vg.XXXXXX") || exit 99
trap 'rm -rf "$logs"' EXIT
if ! command -v valgrind >/dev/null 2>&1; then
    echo "run.sh: valgrind is not installed; skipping" >&2
    exit 77
fi
# --error-exitcode is belt and braces: a run's status is often what the test checks, but the
# logs are read whatever the status was, also for runs in the background.
export ITPNAV_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --log-file=$logs/vg-%p.log"
bash "$here/../cli/$script.sh"
rc=$?
runs=$(ls "$logs" | wc -l)
bad=0
for log in "$logs"/vg-*.log; do
    [ -s "$log" ] || continue
    bad=$((bad + 1))
    if [ "$bad" -le 5 ]; then
        echo "valgrind: ${log##*/}:"
        sed 's/^/    /' "$log" | head -n 60
    fi
done
every=""
[ "$ITPNAV_WRAP_EVERY" != 1 ] && every=" (1 run in $ITPNAV_WRAP_EVERY)"
echo "valgrind: $runs runs of itpnav$every, $bad with errors"
[ "$rc" = 0 ] && [ "$bad" = 0 ]
