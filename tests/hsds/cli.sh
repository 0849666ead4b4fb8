# cli.sh: the command lines of `itpnav import hsds` and `itpnav export hsds`: usage errors (64),
# files that cannot be opened (66), bad input (65), write errors (74), --help, and where the
# dataset goes (standard output, or --out written whole or not at all).
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/hsds-lib.sh"

SPEC="$FIXTURES/hsds/spec"
MAP="$FIXTURES/hsds/map-spec.json"

case_begin "itpnav --help names both commands"
run "$ITPNAV" --help
expect_status 0
expect_stdout_has "itpnav import hsds [--map MAP.json] [--data FILE] [--out FILE]"
expect_stdout_has "                     [--strict] SOURCE"
expect_stdout_has "itpnav export hsds [--data FILE] [--out DIR|FILE]"

for cmd in import export; do
    case_begin "$cmd hsds --help: its usage, status 0"
    run "$ITPNAV" $cmd hsds --help
    expect_status 0
    expect_stdout_has "Usage: itpnav $cmd hsds"
    expect_stdout_has "itpnav(1)"
    case_begin "$cmd without a format: a usage error"
    run "$ITPNAV" $cmd
    expect_status 64
    expect_stderr_line "itpnav: $cmd needs a format: '$cmd hsds' (Open Referral)"
    expect_stderr_line "Try 'itpnav $cmd hsds --help'."
    run "$ITPNAV" $cmd csv
    expect_status 64
    case_begin "$cmd hsds with an unknown option: a usage error that names it"
    run "$ITPNAV" $cmd hsds --colour
    expect_status 64
    expect_stderr_line "itpnav: unknown option '--colour'"
    run "$ITPNAV" $cmd hsds --out
    expect_status 64
    expect_stderr_line "itpnav: option '--out' needs a value"
done

case_begin "import hsds without a SOURCE, or with two: usage errors"
run "$ITPNAV" import hsds
expect_status 64
expect_stderr_line "itpnav: import hsds needs a SOURCE"
run "$ITPNAV" import hsds a.json b.json
expect_status 64
expect_stderr_line "itpnav: unexpected argument 'b.json'"

case_begin "export hsds takes no --map, no --strict and no SOURCE"
run "$ITPNAV" export hsds --map "$MAP"
expect_status 64
expect_stderr_line "itpnav: export does not take --map"
run "$ITPNAV" export hsds --strict
expect_status 64
run "$ITPNAV" export hsds something.json
expect_status 64
expect_stderr_line "itpnav: unexpected argument 'something.json'"

case_begin "a SOURCE or a map that cannot be opened: status 66, named"
run "$ITPNAV" import hsds "$TEST_TMP/none.json"
expect_status 66
expect_stderr_line "itpnav: $TEST_TMP/none.json: cannot open: No such file or directory"
run "$ITPNAV" import hsds --map "$TEST_TMP/none-map.json" "$SPEC/service_full.json"
expect_status 66
expect_stderr_line "itpnav: $TEST_TMP/none-map.json: cannot open"
mkdir "$TEST_TMP/empty-folder"
run "$ITPNAV" import hsds "$TEST_TMP/empty-folder"
expect_status 66
expect_stderr_line "itpnav: $TEST_TMP/empty-folder/datapackage.json: cannot open" "tabular data package needs one"

case_begin "a SOURCE that is not JSON: its line and column, status 65, nothing written"
printf '[\n  {"id": "a", "name": "x"},\n  {"id": "b", "name": }\n]\n' >"$TEST_TMP/broken.json"
run "$ITPNAV" import hsds --map "$MAP" "$TEST_TMP/broken.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/broken.json:3:23: unexpected '}'; expected a value"
expect_stdout_empty
printf '[{"id": "a"}, {"id": "b"}' >"$TEST_TMP/truncated.json"
run "$ITPNAV" import hsds --map "$MAP" "$TEST_TMP/truncated.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/truncated.json:1:26: unexpected the end of the file; expected ',' or ']'"

case_begin "a bad map: every problem with its place, status 65, before any import"
printf '{"itpnav_map": 1, "terms": [\n {"name": "x", "goals": ["nope"]},\n {"services": ["mentorship"]}],\n "regions": [{"name": "y", "region": "atlantis"}], "colour": 1}\n' >"$TEST_TMP/bad-map.json"
run "$ITPNAV" import hsds --map "$TEST_TMP/bad-map.json" "$SPEC/service_full.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/bad-map.json: .terms[0].goals[0]: no goal \"nope\" in the dataset the import joins"
expect_stderr_line "itpnav: $TEST_TMP/bad-map.json: .terms[1]: a term needs a \"code\", a \"name\" or an \"id\""
expect_stderr_line "itpnav: $TEST_TMP/bad-map.json: .regions[0].regions[0]: no region \"atlantis\""
expect_stderr_line "itpnav: $TEST_TMP/bad-map.json: unknown key \"colour\""
expect_stderr_lacks "service imported"
printf '{"itpnav_map": 1, "terms": [}\n' >"$TEST_TMP/syntax-map.json"
run "$ITPNAV" import hsds --map "$TEST_TMP/syntax-map.json" "$SPEC/service_full.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/syntax-map.json:1:29: unexpected '}'"

case_begin "--data names the dataset the import joins; a bad one is refused with its place"
run "$ITPNAV" import hsds --map "$MAP" --data "$TEST_TMP/none.json" "$SPEC/service_full.json"
expect_status 66
printf '{"itpnav": 3, "dataset": {}}' >"$TEST_TMP/v3.json"
run "$ITPNAV" import hsds --map "$MAP" --data "$TEST_TMP/v3.json" "$SPEC/service_full.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/v3.json: .itpnav: expected the format version 1 or 2"

case_begin "--out: the dataset written whole; what was there replaced only when it is complete"
echo "old" >"$TEST_TMP/out.json"
run "$ITPNAV" import hsds --map "$MAP" --out "$TEST_TMP/out.json" "$SPEC/service_full.json"
expect_status 0
expect_stdout_empty
check "--out holds the dataset" "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(d["itpnav"] != 2 or len(d["supports"]) != 1)' "$TEST_TMP/out.json"
[ -z "$(ls "$TEST_TMP" | grep 'out.json.')" ] || fail "a temporary file was left behind"
run "$ITPNAV" import hsds --out "$TEST_TMP/out.json" "$SPEC/service_full.json"
expect_status 65
check "a failed import leaves --out as it was" "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(len(d["supports"]) != 1)' "$TEST_TMP/out.json"

case_begin "a write that fails: status 74, said; a device stays a device"
run "$ITPNAV" import hsds --map "$MAP" --out /dev/full "$SPEC/service_full.json"
expect_status 74
expect_stderr_line "itpnav: /dev/full: cannot write"
[ -c /dev/full ] || fail "/dev/full is no longer a device"
run bash -c "'$ITPNAV' import hsds --map '$MAP' '$SPEC/service_full.json' >/dev/full"
expect_status 74
expect_stderr_line "itpnav: standard output: cannot write"
run "$ITPNAV" import hsds --map "$MAP" --out "$TEST_TMP/no/such/dir/out.json" "$SPEC/service_full.json"
expect_status 74
expect_stderr_line "itpnav: $TEST_TMP/no/such/dir/out.json: cannot write"

case_begin "NDJSON is known by its name or by its first line"
"$PY" -c '
import json, sys
svc = json.load(open(sys.argv[1]))
for i in range(3):
    svc["id"] = "%08d-0000-4000-8000-000000000000" % i
    print(json.dumps(svc))' "$SPEC/service_full.json" >"$TEST_TMP/three.txt"
run "$ITPNAV" import hsds --map "$MAP" "$TEST_TMP/three.txt"
expect_status 0
expect_stderr_line "itpnav: $TEST_TMP/three.txt: 3 of 3 services imported"
cp "$TEST_TMP/three.txt" "$TEST_TMP/three.ndjson"
run "$ITPNAV" import hsds --map "$MAP" "$TEST_TMP/three.ndjson"
expect_status 0
expect_json 'len(d["supports"]) == 3'

finish
