#!/bin/bash
# bench/hsds.sh: time and peak memory of `itpnav import hsds` and `itpnav export hsds` at 1k, 10k
# and 100k records, printed as the table in bench/hsds.md (issue 20). Not part of `meson test`.
#
#   bench/hsds.sh            1k, 10k and 100k (about two minutes here, most of it generating)
#   bench/hsds.sh --quick    1k and 10k only
#
# A release build in build-bench/ (as bench/run makes it); the inputs go to bench/out/hsds/
# (bench/gen_hsds.py for HSDS directories, bench/gen.py for itpnav datasets; kept between runs).
# Peak memory is the maximum resident set size that /usr/bin/time reports.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build="$root/build-bench"
out="$here/out/hsds"
sizes="1000 10000 100000"
[ "${1:-}" = --quick ] && sizes="1000 10000"
[ -f "$build/build.ninja" ] || meson setup "$build" "$root" -Dbuildtype=release >/dev/null
ninja -C "$build" src/itpnav >/dev/null
itpnav="$build/src/itpnav"
mkdir -p "$out"

# measure LABEL CMD...: one row: what, records, seconds, records a second, peak RSS in MB.
measure() {
    local label=$1 n=$2
    shift 2
    /usr/bin/time -o "$out/.time" -f "%e %M" "$@" >/dev/null 2>"$out/.stderr" || {
        echo "failed: $*" >&2
        tail -n 3 "$out/.stderr" >&2
        exit 1
    }
    read -r secs kb <"$out/.time"
    awk -v l="$label" -v n="$n" -v s="$secs" -v k="$kb" \
        'BEGIN { printf "| %s | %d | %.2f | %d | %.1f |\n", l, n, s, (s > 0 ? n / s : 0), k / 1024 }'
}

echo "| what | records | seconds | records/s | peak RSS (MB) |"
echo "| --- | ---: | ---: | ---: | ---: |"
for n in $sizes; do
    [ -f "$out/$n.json" ] || python3 "$here/gen_hsds.py" "$n" -o "$out/$n.json" --map "$out/map.json"
    [ -f "$out/$n.ndjson" ] || python3 "$here/gen_hsds.py" "$n" --format ndjson -o "$out/$n.ndjson"
    [ -d "$out/$n-tabular" ] || python3 "$here/gen_hsds.py" "$n" --format tabular -o "$out/$n-tabular"
    [ -f "$out/itpnav-$n.json" ] || python3 "$here/gen.py" "$n" -o "$out/itpnav-$n.json"
    measure "import, JSON list" "$n" "$itpnav" import hsds --map "$out/map.json" --out "$out/imported.json" "$out/$n.json"
    measure "import, NDJSON" "$n" "$itpnav" import hsds --map "$out/map.json" --out "$out/imported.json" "$out/$n.ndjson"
    measure "import, tabular package" "$n" "$itpnav" import hsds --map "$out/map.json" --out "$out/imported.json" "$out/$n-tabular"
    supports=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["supports"]))' "$out/itpnav-$n.json")
    measure "export, JSON list" "$supports" "$itpnav" export hsds --data "$out/itpnav-$n.json" --out "$out/exported.json"
    rm -rf "$out/exported"
    measure "export, tabular package" "$supports" "$itpnav" export hsds --data "$out/itpnav-$n.json" --out "$out/exported/"
done
echo
echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u +%Y-%m-%d)."
