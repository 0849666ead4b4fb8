# lib.sh: what the fault tests share, on top of tests/cli/lib.sh: a big generated dataset, the
# reference answer it must give, checks of the cache files, timing and memory.
#
# big_dataset FILE COUNT [TAG]   writes a valid dataset of COUNT supports (gen-dataset.py)
# reference FILE                 prints the tsv list of FILE, computed with no cache at all
# cache_files                    the cache databases (not temporary files), one a line
# temp_files                     temporary files that builds of the cache left behind
# check_cache_integrity          a failure unless every cache database passes
#                                PRAGMA integrity_check
# now_ms                         milliseconds since some fixed time
# run_measured CMD...            like run, and sets PEAK_KB (the peak resident memory, in KiB)
#                                and ELAPSED_MS
# sanitized                      true when $ITPNAV was built with AddressSanitizer (it is slower
#                                and needs more memory)
# can_unshare                    true when mount namespaces can be made (root, or allowed)
# damage_pages DB                overwrites every page of the database DB but those of its schema
#                                and its meta table (so its header, schema version and identity
#                                stay intact, and only a query finds the damage)
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

FAULT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE_DIR="$XDG_CACHE_HOME/itpnav"

big_dataset() {
    python3 "$FAULT_DIR/gen-dataset.py" "$FIXTURES/cli-deep.json" "$1" "$2" "${3:-v1}"
}

reference() {
    env -u XDG_CACHE_HOME -u HOME "$ITPNAV" list --data "$1" --format tsv
}

cache_files() {
    ls "$CACHE_DIR"/dataset-*.db 2>/dev/null
}

temp_files() {
    ls "$CACHE_DIR" 2>/dev/null | grep -F '.tmp-'
}

check_cache_integrity() {
    local f r
    for f in $(cache_files); do
        r=$(sqlite3 "file:$f?mode=ro" 'PRAGMA integrity_check' 2>&1)
        [ "$r" = ok ] || fail "the cache $f is corrupt: $r"
    done
}

now_ms() {
    date +%s%3N
}

run_measured() {
    LAST_CMD=$(printf '%q ' "$@")
    local stats
    stats=$(python3 - "$@" <<'PY' 2>&1 >"$OUT_FILE"
import os, resource, subprocess, sys, time
t = time.monotonic()
with open(os.environ["ERR_FILE"], "wb") as err:
    p = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=sys.stdout, stderr=err)
ms = int((time.monotonic() - t) * 1000)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(p.returncode if p.returncode >= 0 else 128 - p.returncode, ru.ru_maxrss, ms,
      file=sys.stderr)
PY
    )
    read -r STATUS PEAK_KB ELAPSED_MS <<<"$stats"
    OUT=$(cat "$OUT_FILE")
    ERR=$(cat "$ERR_FILE")
}
export ERR_FILE

sanitized() {
    grep -q __asan_init "$ITPNAV" 2>/dev/null
}

can_unshare() {
    unshare -m --propagation private true 2>/dev/null
}

damage_pages() {
    local keep size
    keep=$(sqlite3 "file:$1?mode=ro" \
        "SELECT group_concat(pageno) FROM dbstat WHERE name IN ('meta', 'sqlite_schema')") || return 1
    size=$(sqlite3 "file:$1?mode=ro" "PRAGMA page_size") || return 1
    [ -n "$keep" ] && [ -n "$size" ] || return 1
    python3 - "$1" "$keep" "$size" <<'PY'
import sys
path, keep, size = sys.argv[1], {int(p) for p in sys.argv[2].split(",")}, int(sys.argv[3])
data = bytearray(open(path, "rb").read())
for page in range(1, len(data) // size + 1):
    if page not in keep:
        for i in range((page - 1) * size, page * size, 7):
            data[i] = 0xA5
open(path, "r+b").write(data)
PY
}
