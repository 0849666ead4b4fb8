#!/bin/sh
# setup.sh: install what itpnav needs on Debian 12, build it, then run it or test it.
#   ./setup.sh run [ITPNAV ARGS...]   install, build, start itpnav on the bundled dataset
#   ./setup.sh test                   install, build, run every test (also under ASan+UBSan;
#                                     the Debian package, shell completion and kiosk update
#                                     suites too), then each fuzz target for FUZZ_SECONDS
#                                     (default 60); every suite: the full test setup, not meson
#                                     test's quick default, which leaves out valgrind, fault, pkg
#   ./setup.sh build                  install and build only
# Unattended: no prompts, no standard input needed.
set -eu
cd "$(dirname "$0")"

# libqrencode-dev draws the QR codes a visitor scans; zbar-tools (zbarimg) reads them back in
# tests/tui/qr.sh; gettext builds and checks the French catalogue (po/, tests/po), and locales
# generates the French locale the program needs to speak French (below). The second group is for the package and the kiosk's update (tests/pkg,
# tests/update: debian/, lintian, minisign, curl, systemd-analyze) and the shell completions
# (tests/completion).
packages="build-essential meson ninja-build pkg-config libncurses-dev libsqlite3-dev
libcjson-dev sqlite3 tmux mandoc groff-base clang-format python3 ncurses-term
clang libclang-rt-14-dev valgrind libcrypt-dev python3-jsonschema libqrencode-dev zbar-tools
debhelper dpkg-dev fakeroot lintian git curl minisign systemd bash-completion zsh fish
gettext locales"

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "setup: installing$missing" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing </dev/null >/dev/null
fi

# French (itpnav --lang fr, or a French locale) needs a French UTF-8 locale: glibc's gettext
# ignores LANGUAGE under C and C.UTF-8. fr_CA.UTF-8 is generated once, unattended, keeping every
# locale already chosen in /etc/locale.gen.
if ! locale -a 2>/dev/null | grep -qix 'fr_CA\.utf-\?8'; then
    echo "setup: generating the locale fr_CA.UTF-8" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if grep -q '^# *fr_CA\.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
        $sudo sed -i 's/^# *\(fr_CA\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    elif ! grep -q '^fr_CA\.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
        echo 'fr_CA.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
    fi
    $sudo locale-gen >/dev/null
fi

mode="${1:-run}"
[ $# -gt 0 ] && shift

build() { # build DIR [meson options...]
    dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >/dev/null
    fi
    ninja -C "$dir" >/dev/null
}

# Count results from meson's test log: one line a test, each with its "result". The runs below
# use the full setup, whose log meson names after it (testlog-full.json).
count() { # count DIR -> "passed failed"
    log="$1/meson-logs/testlog-full.json"
    [ -f "$log" ] || { echo "0 1"; return; }
    ok=$(grep -c '"result": "OK"' "$log" || true)
    bad=$(grep -c -E '"result": "(FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS)"' "$log" || true)
    echo "$ok $bad"
}

case "$mode" in
run)
    build build
    exec ./build/src/itpnav "$@"
    ;;
build)
    build build
    ;;
test)
    # No log of an earlier run may be counted as this one's.
    rm -f build/meson-logs/testlog-full.json build-asan/meson-logs/testlog-full.json \
        build-fuzz/meson-logs/testlog-full.json
    build build
    status=0
    meson test -C build --setup=full --print-errorlogs "$@" || status=1
    # The same suite under AddressSanitizer and UndefinedBehaviorSanitizer (but the Debian
    # package, which the run above built and checked, and which builds its own program).
    build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
    ASAN_OPTIONS=abort_on_error=0:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        meson test -C build-asan --setup=full --print-errorlogs --no-suite pkg "$@" || status=1
    # The libFuzzer targets (clang, ASan+UBSan), each for FUZZ_SECONDS; only in a full run.
    fuzz_broken=0
    if [ $# -eq 0 ]; then
        if { [ -f build-fuzz/build.ninja ] ||
            CC=clang meson setup build-fuzz -Dfuzz=true -Db_sanitize=address,undefined \
                -Db_lundef=false >/dev/null; } && ninja -C build-fuzz >/dev/null; then
            meson test -C build-fuzz --setup=full --suite fuzz --print-errorlogs || status=1
        else
            echo "setup: the fuzz targets did not build" >&2
            fuzz_broken=1
            status=1
        fi
    fi
    set -- $(count build) $(count build-asan)
    passed=$(($1 + $3))
    failed=$(($2 + $4 + fuzz_broken))
    if [ -f build-fuzz/meson-logs/testlog-full.json ]; then
        set -- $(count build-fuzz)
        passed=$((passed + $1))
        failed=$((failed + $2))
    fi
    echo "$passed passed, $failed failed"
    exit $status
    ;;
*)
    echo "usage: ./setup.sh run|test|build" >&2
    exit 64
    ;;
esac
