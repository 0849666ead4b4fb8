#!/bin/bash
# deb.sh: the Debian package as a person would get it. From a copy of the source tree (the files
# git knows, committed or not, so that the build dir and earlier packages stay out of it):
#   - dpkg-buildpackage -us -uc -b builds itpnav_VERSION_ARCH.deb (DEB_BUILD_OPTIONS=nocheck:
#     the suites already ran here), VERSION being debian/changelog's and the program's own;
#   - lintian reports no error and no warning on the .deb and the .changes;
#   - the package holds every file that meson's install rules install (so a new one, such as a
#     translation catalogue, is packaged without touching debian/), where Debian looks for it;
#   - unpacked with dpkg -x into a throwaway root, the installed itpnav finds the installed
#     dataset there (beside its binary: ../share/itpnav/itpnav.json) and `check --strict` and
#     `list` work from it; the installed bash completion and update script run too.

. "$(dirname "$0")/../cli/lib.sh"

for tool in dpkg-buildpackage dpkg-parsechangelog lintian dh; do
    command -v $tool >/dev/null ||
        { echo "deb.sh: $tool is not installed (setup.sh installs dpkg-dev, debhelper, lintian)"; exit 1; }
done

T=$TEST_TMP
src=$T/itpnav
root=$T/root

case_begin "dpkg-buildpackage builds itpnav_VERSION_ARCH.deb from a copy of the source"
mkdir -p "$src"
if git -C "$SOURCE_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$SOURCE_ROOT" && git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
        tar --null -T - -cf -) | tar -xf - -C "$src"
else
    (cd "$SOURCE_ROOT" && tar --exclude='./build*' --exclude='./obj-*' -cf - .) | tar -xf - -C "$src"
fi
[ -f "$src/debian/rules" ] || { fail "no debian/rules in the copy of the source"; finish; }
version=$(cd "$src" && dpkg-parsechangelog -S Version)
arch=$(dpkg --print-architecture)
deb=$T/itpnav_${version}_$arch.deb
changes=$T/itpnav_${version}_$arch.changes
LAST_CMD="(cd $src) DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b"
(cd "$src" && DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1 </dev/null
STATUS=$?
cp "$T/build.log" "$ERR_FILE"
: >"$OUT_FILE"
if [ "$STATUS" != 0 ]; then
    fail "dpkg-buildpackage failed (status $STATUS); the end of its log:"
    tail -n 30 "$T/build.log" | sed 's/^/      /'
    finish
fi
[ -f "$deb" ] || fail "no $(basename "$deb"): $(ls "$T")"
[ -f "$changes" ] || fail "no $(basename "$changes")"

case_begin "the version is the program's"
dpkg-deb -x "$deb" "$root"
run "$root/usr/bin/itpnav" --version
expect_status 0
expect_stdout_equals "itpnav ${version%%-*}"

case_begin "lintian: no error, no warning (on the .deb and the .changes)"
for f in "$deb" "$changes"; do
    run lintian --fail-on error,warning "$f"
    grep -E '^[EW]: ' "$OUT_FILE" | sed 's/^/      /'
    grep -qE '^[EW]: ' "$OUT_FILE" && fail "lintian $(basename "$f") reports errors or warnings (above)"
    expect_status 0
done

case_begin "the package installs what meson installs, where Debian looks for it"
obj=$(ls -d "$src"/obj-* 2>/dev/null | head -n 1)
if [ -z "$obj" ]; then
    fail "the package's build directory (obj-*) is gone"
else
    meson install -C "$obj" --no-rebuild --destdir "$T/meson-root" >/dev/null 2>&1 ||
        fail "meson install from the package's build directory failed"
    (cd "$T/meson-root" && find . -type f -o -type l | sed 's|^\.||' | sort) >"$T/meson.files"
    [ -s "$T/meson.files" ] || fail "meson installed nothing"
    while IFS= read -r f; do
        # dh_compress gzips the manual pages.
        [ -e "$root$f" ] || [ -e "$root$f.gz" ] || fail "meson installs $f, the package does not"
    done <"$T/meson.files"
fi
for f in /usr/bin/itpnav /usr/share/man/man1/itpnav.1.gz /usr/share/man/man5/itpnav-data.5.gz \
    /usr/share/itpnav/itpnav.json /usr/share/bash-completion/completions/itpnav \
    /usr/share/zsh/vendor-completions/_itpnav /usr/share/fish/vendor_completions.d/itpnav.fish \
    /lib/systemd/system/itpnav-kiosk.service /lib/systemd/system/itpnav-update.service \
    /lib/systemd/system/itpnav-update.timer /usr/libexec/itpnav/itpnav-update \
    /usr/share/doc/itpnav/copyright /usr/share/doc/itpnav/examples/update.conf \
    /usr/share/locale/fr/LC_MESSAGES/itpnav.mo; do
    [ -e "$root$f" ] || fail "the package lacks $f"
done
[ -x "$root/usr/libexec/itpnav/itpnav-update" ] || fail "the update script is not executable"
grep -qx 'ExecStart=/usr/libexec/itpnav/itpnav-update' "$root/lib/systemd/system/itpnav-update.service" ||
    fail "itpnav-update.service does not run /usr/libexec/itpnav/itpnav-update"
grep -q '^ExecStart=/usr/bin/itpnav --kiosk' "$root/lib/systemd/system/itpnav-kiosk.service" ||
    fail "itpnav-kiosk.service does not run /usr/bin/itpnav"
# Installing starts nothing: the kiosk would take the console, the update has no configuration.
run dpkg-deb -e "$deb" "$T/control"
if grep -qs 'deb-systemd-invoke start\|systemctl.*enable' "$T/control/postinst"; then
    fail "the package starts or enables a unit when installed"
fi

case_begin "the installed itpnav checks and lists the installed dataset"
run "$root/usr/bin/itpnav" check --strict
expect_status 0
expect_stdout_matches "^$root/usr/bin/\.\./share/itpnav/itpnav\.json: valid: [0-9]+ supports"
run "$root/usr/bin/itpnav" list --format tsv
expect_status 0
expect_stderr_empty
"$ITPNAV" list --data "$SOURCE_ROOT/data/itpnav.json" --format tsv >"$T/want.tsv" 2>/dev/null
expect_stdout_equals "$T/want.tsv"
run "$root/usr/bin/itpnav" list --region ontario --kind pathway --format tsv
expect_status 0
expect_stdout_matches "	pathway	"

case_begin "the installed itpnav speaks French from its installed catalogue"
if locale -a 2>/dev/null | grep -Eqi '^fr_[a-z]+\.utf-?8$'; then
    run "$root/usr/bin/itpnav" --lang fr --help
    expect_status 0
    expect_stdout_has "Utilisation"$'\u00a0'":"
    run "$root/usr/bin/itpnav" --lang fr list --region ontario --kind pathway --format tsv
    expect_status 0
    "$ITPNAV" --lang en list --data "$SOURCE_ROOT/data/itpnav.json" --region ontario \
        --kind pathway --format tsv >"$T/want-on.tsv" 2>/dev/null
    expect_stdout_equals "$T/want-on.tsv"
else
    echo "  (no French UTF-8 locale installed: only the catalogue's presence is checked)"
fi

case_begin "the installed completion and update script run"
run bash --norc --noprofile -c '
    . /usr/share/bash-completion/bash_completion 2>/dev/null
    . "$1"
    PATH=$2:$PATH
    COMP_WORDS=(itpnav list --region on) COMP_CWORD=3 COMP_LINE="itpnav list --region on" COMP_POINT=23
    _itpnav itpnav on --region
    printf "%s\n" "${COMPREPLY[@]}"' bash "$root/usr/share/bash-completion/completions/itpnav" "$root/usr/bin"
expect_status 0
expect_stdout_has "ontario"
run sh "$root/usr/libexec/itpnav/itpnav-update" -c "$T/no-such.conf"
expect_status 78
expect_stderr_has "cannot read the configuration $T/no-such.conf"

finish
