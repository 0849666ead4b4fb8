#!/bin/sh
# The French catalogue is whole: po/fr.po compiles with no untranslated or fuzzy message, every
# file of src/ is in po/POTFILES, and every message the sources mark (xgettext, with the
# keywords of po/meson.build, into a temporary directory) is translated in po/fr.po. So a new
# string that is not translated fails the suite, not a French reader.
# Usage: check.sh SOURCE_ROOT
set -u
root=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/itpnav-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
say() { printf '%s\n' "$*"; }

# 1. msgfmt's statistics: only "N translated messages."
if ! msgfmt --check --statistics -o "$tmp/fr.mo" "$root/po/fr.po" 2>"$tmp/stats"; then
    say "FAIL - msgfmt --check po/fr.po:"; sed 's/^/  /' "$tmp/stats"; fail=1
elif grep -Eq 'untranslated|fuzzy' "$tmp/stats"; then
    say "FAIL - po/fr.po has untranslated or fuzzy messages:"; sed 's/^/  /' "$tmp/stats"; fail=1
else
    say "ok - msgfmt --check --statistics po/fr.po: $(grep -E 'translated' "$tmp/stats")"
fi

# 2. Every file of src/ is read by xgettext.
( cd "$root" && ls src/*.c src/*/*.c ) | sort >"$tmp/files"
grep -Ev '^(#|$)' "$root/po/POTFILES" | sort >"$tmp/listed"
missing=$(comm -23 "$tmp/files" "$tmp/listed")
if [ -n "$missing" ]; then
    say "FAIL - files of src/ missing from po/POTFILES:"; printf '  %s\n' $missing; fail=1
else
    say "ok - po/POTFILES lists every file of src/"
fi

# 3. The sources' messages, as the build's itpnav-pot target would write them, all translated.
args=$(sed -n "s/^ *'\(--keyword=[^']*\|--add-comments=[^']*\|--from-code=[^']*\)',.*/\1/p" \
    "$root/po/meson.build")
grep -Ev '^(#|$)' "$root/po/POTFILES" >"$tmp/potfiles"
# shellcheck disable=SC2086
if ! (cd "$root" && xgettext $args --files-from="$tmp/potfiles" -o "$tmp/itpnav.pot") \
    2>"$tmp/xgettext"; then
    say "FAIL - xgettext:"; sed 's/^/  /' "$tmp/xgettext"; fail=1
elif ! msgcmp "$root/po/fr.po" "$tmp/itpnav.pot" 2>"$tmp/cmp"; then
    say "FAIL - messages in the sources that po/fr.po does not translate"
    say "  (ninja -C build itpnav-pot itpnav-update-po, then translate them):"
    sed 's/^/  /' "$tmp/cmp" | head -40; fail=1
else
    say "ok - every message of the sources ($(grep -c '^msgid ' "$tmp/itpnav.pot") msgids) is translated in po/fr.po"
fi
exit $fail
