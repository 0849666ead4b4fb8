#!/bin/bash
# lint.sh MANDIR: the manual pages render without a single warning.
#
# For man/itpnav.1 and man/itpnav-data.5 (and any other *.1 or *.5 page in MANDIR):
#   - the page is not empty and is plain ASCII (non-ASCII text is written as roff escapes,
#     such as \('e, so that every formatter reads it the same way);
#   - `mandoc -T lint -W warning` prints nothing and exits 0;
#   - `groff -ww -man -t -Tutf8 -z` prints nothing on standard error and exits 0
#     (-t runs tbl, which itpnav-data(5) needs).
# mandoc and groff are test dependencies (apt-get install mandoc groff-base); without them
# this test fails rather than pass unchecked.

set -u
export LC_ALL=C

man_dir=${1:?usage: lint.sh MANDIR}
failed=0

page_failed=0
fail() {
    echo "FAIL: $*"
    failed=1
    page_failed=1
}

for tool in mandoc groff; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "FAIL: $tool is not installed; the manual pages cannot be checked" \
            "(apt-get install mandoc groff-base)"
        exit 1
    fi
done

pages=()
for required in itpnav.1 itpnav-data.5; do
    [ -f "$man_dir/$required" ] || fail "$man_dir/$required is missing"
done
for page in "$man_dir"/*.1 "$man_dir"/*.5; do
    [ -f "$page" ] && pages+=("$page")
done

for page in "${pages[@]}"; do
    name=$(basename "$page")
    page_failed=0
    if [ ! -s "$page" ]; then
        fail "$name is empty"
        continue
    fi

    if grep -n '[^ -~	]' "$page" >/dev/null; then
        fail "$name has characters other than printable ASCII (write them as roff escapes):"
        grep -n '[^ -~	]' "$page" | head -5 | sed 's/^/    /'
    fi

    out=$(mandoc -T lint -W warning "$page" 2>&1)
    rc=$?
    if [ $rc -ne 0 ] || [ -n "$out" ]; then
        fail "mandoc -T lint -W warning $name (exit $rc):"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi

    err=$(groff -ww -man -t -Tutf8 -z "$page" 2>&1 >/dev/null)
    rc=$?
    if [ $rc -ne 0 ] || [ -n "$err" ]; then
        fail "groff -ww -man -t -Tutf8 -z $name (exit $rc):"
        printf '%s\n' "$err" | sed 's/^/    /'
    fi

    [ $page_failed -eq 0 ] && echo "ok: $name"
done

exit $failed
