# hsds-lib.sh: what the HSDS tests share, on top of tests/cli/lib.sh.
#
# expect_valid_v2 FILE   FILE is a valid version 2 dataset, with --strict: by check_v2.py (the
#                        project's second opinion: $CHECK_V2, tools/check_v2.py in the source
#                        tree or beside it) and by `itpnav check --strict` once the loader reads
#                        version 2 (until then that half notes that it waits; with neither, the
#                        expectation fails, never passes by default).
# expect_hsds_schema T   T (a JSON export or a package folder) validates against the HSDS schemas.

HSDS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Debian's python3 first: the one setup.sh installs python3-jsonschema for (and a
# version manager's shim in front of it costs a fifth of a second a call).
[ -x /usr/bin/python3 ] && PATH=/usr/bin:$PATH
PY=${PYTHON:-python3}

if [ -z "${CHECK_V2:-}" ]; then
    for c in "$SOURCE_ROOT/tools/check_v2.py" "$SOURCE_ROOT/../tools/check_v2.py"; do
        [ -f "$c" ] && CHECK_V2=$c && break
    done
fi

# Whether the loader reads version 2 (it says which versions it reads when it does not).
_loader_v2=""
loader_reads_v2() {
    if [ -z "$_loader_v2" ]; then
        if "$ITPNAV" check "$FIXTURES/hsds/v2.json" 2>&1 | grep -q "reads version 1"; then
            _loader_v2=no
            echo "  note: the loader reads version 1 only; 'itpnav check --strict' on imports waits for it" >&2
        else
            _loader_v2=yes
        fi
    fi
    [ "$_loader_v2" = yes ]
}

expect_valid_v2() {
    local file=$1 out checked=0
    if [ -n "${CHECK_V2:-}" ]; then
        checked=1
        # check_v2.py reads with a 4 GiB buffer (read(FILE_MAX + 1)): under meson's
        # MALLOC_PERTURB_ glibc would fill all of it, which takes seconds a call.
        if ! out=$(env -u MALLOC_PERTURB_ "$PY" "$CHECK_V2" --strict --quiet "$file" 2>&1); then
            fail "check_v2.py --strict finds the dataset invalid:"
            printf '%s\n' "$out" | head -n 20 | sed 's/^/      /'
        fi
    fi
    if loader_reads_v2; then
        checked=1
        if ! out=$("$ITPNAV" check --strict "$file" 2>&1); then
            fail "itpnav check --strict finds the dataset invalid:"
            printf '%s\n' "$out" | head -n 20 | sed 's/^/      /'
        fi
    fi
    [ "$checked" = 1 ] || fail "nothing can check a version 2 dataset here (no check_v2.py, a version 1 loader)"
}

expect_hsds_schema() {
    local out
    if ! out=$("$PY" "$HSDS_DIR/validate.py" "$HSDS_DIR/schema" "$1" 2>&1); then
        fail "the export does not validate against the HSDS 3.0 schemas:"
        printf '%s\n' "$out" | head -n 20 | sed 's/^/      /'
    fi
}
