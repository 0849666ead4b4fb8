#!/bin/bash
# run.sh FUZZER TARGET [SECONDS] [LIBFUZZER OPTIONS...]: run one libFuzzer target for a while.
#
# The seeds are tests/fuzz/corpus/TARGET, the regression inputs tests/fuzz/regressions/TARGET
# and, for the dataset target, tests/fixtures (all read only); what the run learns goes to $FUZZ_WORK/TARGET/corpus (default: a directory beside
# the fuzzer in the build tree), and a crash to $FUZZ_WORK/TARGET/crash-*. SECONDS defaults to
# $FUZZ_SECONDS, then 60. Exits non-zero when the fuzzer found a crash, a leak or a timeout.
#
#   meson test -C build-fuzz --suite fuzz                      # 60 s each, as CI does
#   tests/fuzz/run.sh build-fuzz/tests/fuzz/fuzz_text text 3600 -jobs=2 -workers=2
set -u
fuzzer=$1
target=$2
seconds=${3:-${FUZZ_SECONDS:-60}}
shift $(($# < 3 ? $# : 3))
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-$(dirname "$fuzzer")/fuzz-work}/$target
mkdir -p "$work/corpus" "$here/regressions/$target"
# The dataset target also starts from every test fixture, valid and broken.
seeds=("$here/corpus/$target" "$here/regressions/$target")
[ "$target" = dataset ] && seeds+=("$here/../fixtures")
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# -rss_limit_mb bounds memory (an input that makes the target allocate without bound is a bug);
# -timeout treats one input running over 10 s as a hang; -max_len keeps inputs to what a
# dataset or a search could hold without making every run slow.
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$work/" "$@" \
    "$work/corpus" "${seeds[@]}" 2>"$work/log"
rc=$?
grep -E '^(#[0-9]+ +DONE|stat::|INFO: Seed|==[0-9]+==ERROR|SUMMARY)' "$work/log" | tail -n 20
if [ "$rc" != 0 ]; then
    echo "run.sh: $target: the fuzzer stopped with status $rc; the end of its log:"
    tail -n 60 "$work/log"
    ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null |
        sed 's/^/run.sh: keep this input as a regression: /'
fi
exit "$rc"
