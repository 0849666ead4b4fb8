#!/bin/bash
# report.sh: run the fault tests, valgrind over the CLI tests and each fuzz target, and write what
# was tried and what happened as the table of docs/robustness.md (between its markers): the
# document with its table is generated into the build (DIR/robustness.md), never committed, so
# it always describes the code it was made from. `ninja -C build robustness` runs this.
#
#   tests/fault/report.sh [--build DIR] [--fuzz-build DIR] [--fuzz-seconds N]
#                         [--no-valgrind] [--no-fuzz] [--print] [--out FILE]
#
# --build DIR        the build whose itpnav is tested (default: build)
# --fuzz-build DIR   where the libFuzzer targets are (default: build-fuzz; skipped when absent)
# --fuzz-seconds N   how long each fuzz target runs (default: 60)
# --print            print the table alone instead of writing the document
# --out FILE         where the document goes (default: DIR/robustness.md)
# Every script in tests/fault/ is run (a new one adds its cases as rows), and those named in
# also=() below; each of their cases is a row: the case names what was tried, its observe lines what happened. Exits non-zero when any
# row failed, after writing the table all the same.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=build
fuzz_build=build-fuzz
fuzz_seconds=60
valgrind=1
fuzz=1
print=0
out=""
while [ $# -gt 0 ]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --fuzz-build) fuzz_build=$2; shift 2 ;;
    --fuzz-seconds) fuzz_seconds=$2; shift 2 ;;
    --no-valgrind) valgrind=0; shift ;;
    --no-fuzz) fuzz=0; shift ;;
    --print) print=1; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--fuzz-build DIR] [--fuzz-seconds N] [--no-valgrind] [--no-fuzz] [--print] [--out FILE]" >&2; exit 64 ;;
    esac
done
cd "$root" || exit 1
case $build in /*) ;; *) build="$root/$build" ;; esac
case $fuzz_build in /*) ;; *) fuzz_build="$root/$fuzz_build" ;; esac
[ -n "$out" ] || out="$build/robustness.md"
[ -x "$build/src/itpnav" ] || { echo "report.sh: no $build/src/itpnav; build first" >&2; exit 1; }
export ITPNAV="$build/src/itpnav" FIXTURES="$root/tests/fixtures" SOURCE_ROOT="$root"
export LC_ALL=C.UTF-8
work=$(mktemp -d "${TMPDIR:-/tmp}/itpnav-report.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
rows="$work/rows"
: >"$rows"

# The area column, by script; a script not named here shows under its own name.
area() {
    case $1 in
    kill-rebuild) echo "kill -9" ;;
    disk-full) echo "full disk" ;;
    readonly) echo "read-only cache" ;;
    concurrent) echo "instances at once" ;;
    bad-input) echo "bad input" ;;
    hostile-text) echo "hostile text" ;;
    resize-storm) echo "resizes" ;;
    crash) echo "kill -9 (state file)" ;;
    damaged-cache) echo "damaged cache" ;;
    limits) echo "system limits" ;;
    hostile-paths) echo "hostile paths" ;;
    recover) echo "failures under the screen" ;;
    kiosk) echo "kiosk" ;;
    kiosk-pin) echo "kiosk PIN" ;;
    kiosk-data) echo "kiosk data update" ;;
    typeahead) echo "keys typed ahead" ;;
    errors) echo "unreadable list" ;;
    hangup) echo "closed terminal" ;;
    valgrind) echo "valgrind" ;;
    fuzz) echo "fuzzing" ;;
    *) echo "$1" ;;
    esac
}

# Scripts elsewhere whose cases belong in the table too (skipped while they do not exist).
also=(tests/tui/crash.sh tests/tui/kiosk.sh tests/tui/kiosk-pin.sh tests/tui/kiosk-data.sh
    tests/tui/typeahead.sh tests/tui/errors.sh tests/tui/hangup.sh tests/tui/recover.sh)

status=0
for script in tests/fault/*.sh "${also[@]}"; do
    [ -f "$script" ] || continue
    name=$(basename "$script" .sh)
    case $name in lib | lib-* | report) continue ;; esac
    echo "report.sh: $script" >&2
    ITPNAV_REPORT="$rows" bash "$script" >"$work/$name.log" 2>&1 || {
        status=1
        echo "report.sh: $script failed; its log:" >&2
        grep -v '^      |' "$work/$name.log" | tail -n 20 >&2
    }
done

if [ "$valgrind" = 1 ] && command -v valgrind >/dev/null 2>&1; then
    # Two scripts at a time: valgrind is slow, and each script is one process.
    vg_names=()
    for script in tests/cli/*.sh; do
        name=$(basename "$script" .sh)
        [ "$name" = lib ] && continue
        vg_names+=("$name")
        echo "report.sh: valgrind over $script" >&2
        (bash tests/valgrind/run.sh "$name" >"$work/vg-$name.log" 2>&1; echo $? >"$work/vg-$name.status") &
        while [ "$(jobs -rp | wc -l)" -ge 2 ]; do
            sleep 1
        done
    done
    wait
    for name in "${vg_names[@]}"; do
        if [ "$(cat "$work/vg-$name.status")" = 0 ]; then v=pass; else v=FAIL; status=1; fi
        said=$(grep '^valgrind: [0-9]* runs' "$work/vg-$name.log" | tail -n 1)
        said=${said#valgrind: }
        printf 'valgrind\tmemcheck on every itpnav run of tests/cli/%s.sh (leaks: definite, indirect)\t%s\t%s; %s\n' \
            "$name" "$v" "${said:-no summary}" "$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$work/vg-$name.log" | tail -n 1)" >>"$rows"
    done
fi

if [ "$fuzz" = 1 ] && [ -d "$fuzz_build/tests/fuzz" ]; then
    for target in dataset fts jscan text regions state; do
        fuzzer="$fuzz_build/tests/fuzz/fuzz_$target"
        [ -x "$fuzzer" ] || continue
        echo "report.sh: fuzz_$target for $fuzz_seconds s" >&2
        if FUZZ_WORK="$work/fuzz" bash tests/fuzz/run.sh "$fuzzer" "$target" "$fuzz_seconds" >"$work/fz-$target.log" 2>&1; then
            v=pass
            what="no crash, leak or hang"
        else
            v=FAIL
            status=1
            what="stopped: $(grep -m1 -E '==ERROR|check failed|SUMMARY' "$work/fz-$target.log")"
        fi
        stat() { grep "^stat::$1:" "$work/fz-$target.log" | awk '{ print $2 }'; }
        case $target in
        dataset) tried="any bytes as a dataset: validated, stored, listed, every entry laid out, matched" ;;
        fts) tried="any typed search, through the FTS5 translation and the list queries" ;;
        jscan) tried="any bytes through the record scanner, at any buffer size: the records and the errors those of the loader and cJSON" ;;
        text) tried="any bytes through every function of the text module (width, fit, wrap, sanitise, fold...)" ;;
        regions) tried="region trees of any shape (parents, depth, cycles, unknown parents): the check agrees with a reference, an accepted tree stores with the right closure" ;;
        state) tried="any bytes as state.db (and as a hot journal beside it): open, read, undo, add, note, move, answers, remove, clear" ;;
        esac
        printf 'fuzz\tfuzz_%s for %s s: %s\t%s\t%s inputs (%s a second), %s new coverage units, peak %s MiB; %s\n' \
            "$target" "$fuzz_seconds" "$tried" "$v" "$(stat number_of_executed_units)" \
            "$(stat average_exec_per_sec)" "$(stat new_units_added)" "$(stat peak_rss_mb)" "$what" >>"$rows"
    done
fi

# The table: one row a case, | escaped.
{
    echo "| Area | What was tried | What happened | Verdict |"
    echo "| --- | --- | --- | --- |"
    while IFS=$'\t' read -r script case verdict seen; do
        printf '| %s | %s | %s | %s |\n' "$(area "$script")" "${case//|/\\|}" \
            "${seen//|/\\|}" "$verdict"
    done <"$rows"
    echo
    echo "Generated by \`tests/fault/report.sh\` on $(date -u +%Y-%m-%d) with $(basename "$build")/src/itpnav" \
        "($(grep -q __asan_init "$ITPNAV" && echo "ASan+UBSan" || echo "no sanitizers"))," \
        "$(nproc) cores; $(grep -c . "$rows") rows, $(grep -c $'\tFAIL\t' "$rows") failed."
} >"$work/table"

if [ "$print" = 1 ]; then
    cat "$work/table"
else
    doc=docs/robustness.md
    begin='<!-- robustness-table:begin (tests/fault/report.sh writes what is between) -->'
    end='<!-- robustness-table:end -->'
    grep -qF "$begin" "$doc" && grep -qF "$end" "$doc" || { echo "report.sh: $doc lacks the markers" >&2; exit 1; }
    python3 - "$doc" "$work/table" "$begin" "$end" "$out" <<'PY'
import sys
doc, table, begin, end, out = sys.argv[1:]
text = open(doc, encoding="utf-8").read()
# Observed text may hold anything a test printed; never fail on it.
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
new = head + begin + "\n" + open(table, encoding="utf-8", errors="replace").read() + end + tail
open(out, "w", encoding="utf-8").write(new)
PY
    [ $? = 0 ] || exit 1
    echo "report.sh: wrote $out, $doc with its table ($(grep -c . "$rows") rows)" >&2
fi
exit "$status"
