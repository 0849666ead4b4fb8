# export.sh: `itpnav export hsds`: the dataset as HSDS 3.0 services that validate against the
# specification's schemas, as a JSON list or the tabular package, with ids that are the same on
# every export (name-based UUIDs of itpnav's ids), and nothing written for a bad dataset.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/hsds-lib.sh"

V2="$FIXTURES/hsds/v2.json"
NS=86924e37-d3c0-46ff-813b-89626607404d

case_begin "the bundled dataset as a JSON list: valid HSDS 3.0, one service a support"
run "$ITPNAV" export hsds
expect_status 0
expect_json 'isinstance(d, list) and len(d) == 23'
expect_stderr_line "itpnav: standard output: 23 supports exported as HSDS 3.0 services"
expect_hsds_schema "$OUT_FILE"
cp "$OUT_FILE" "$TEST_TMP/first.json"

case_begin "ids are UUID v5 of the itpnav ids (Python's uuid5 agrees), the same on every export"
expect_json '__import__("uuid").uuid5(__import__("uuid").UUID("'$NS'"), "support/ican") == __import__("uuid").UUID(d[0]["id"])'
expect_json 'd[0]["itpnav"]["id"] == "ican" and d[0]["name"] == "Internationally Trained Medical Doctors Canada Network"'
expect_json 'all(str(__import__("uuid").uuid5(__import__("uuid").UUID("'$NS'"), "support/" + s["itpnav"]["id"])) == s["id"] for s in d)'
run "$ITPNAV" export hsds
expect_stdout_equals "$TEST_TMP/first.json"

case_begin "a version 2 dataset: each key where HSDS has it"
run "$ITPNAV" export hsds --data "$V2"
expect_status 0
expect_hsds_schema "$OUT_FILE"
s='[s for s in d if s["itpnav"]["id"] == "%s"][0]'
A=$(printf "$s" network-a) B=$(printf "$s" program-b) C=$(printf "$s" program-c) D=$(printf "$s" closed-d)
expect_json "$A[\"name\"] == \"Network A\" and $A[\"alternate_name\"] == \"NA\" and $A[\"status\"] == \"active\""
expect_json "$A[\"url\"] == \"https://network-a.example.org/\" and $A[\"email\"] == \"info@network-a.example.org\""
expect_json "$A[\"phones\"][0][\"number\"] == \"+1 416 555 0100\" and $A[\"fees_description\"] == \"free to members; membership is free\""
expect_json "$A[\"eligibility_description\"] == \"ITPs living in Ontario\" and $A[\"assured_date\"] == \"2026-11-20\" and $A[\"last_modified\"] == \"2025-06-01T00:00:00Z\""
expect_json "$A[\"description\"] == \"A network of internationally trained physicians.\n\nIt meets monthly.\""
expect_json "[x[\"taxonomy_term\"][\"code\"] for x in $A[\"attributes\"]] == [\"goal/residency\", \"goal/alternative-career\", \"service/networking\", \"service/mentorship\"]"
expect_json "[x[\"location\"][\"location_type\"] for x in $A[\"service_at_locations\"]] == [\"virtual\"] and $A[\"service_at_locations\"][0][\"location\"][\"url\"] == \"https://network-a.example.org/\""
expect_json "$A[\"organization\"][\"name\"] == \"Network A\" and $A[\"service_areas\"] == [{\"id\": $A[\"service_areas\"][0][\"id\"], \"service_id\": $A[\"id\"], \"name\": \"Ontario\"}]"
# A city is named with its parents up to its province, so that the import finds the same one.
expect_json "[x[\"name\"] for x in $B[\"service_areas\"]] == [\"Québec, Capitale-Nationale, Québec\", \"Montréal, Montréal, Québec\"]"
expect_json "$B[\"status\"] == \"inactive\" and $B[\"organization\"][\"name\"] == \"Agency One\" and $B[\"organization\"][\"description\"].startswith(\"Runs or hosts services\")"
expect_json "[x[\"location\"][\"location_type\"] for x in $B[\"service_at_locations\"]] == [\"physical\"] and $B[\"schedules\"][0][\"attending_type\"] == \"hybrid\""
expect_json "$B[\"service_at_locations\"][0][\"location\"][\"description\"] == \"Address: 1 rue Principale, Québec QC G1A 1A1\""
# HSDS requires a status: one the dataset does not state is written active, and said so.
expect_json "$C[\"status\"] == \"active\" and $C[\"itpnav\"][\"status_not_stated\"] is True and $C[\"service_at_locations\"] == []"
expect_json "$D[\"status\"] == \"defunct\" and \"email\" not in $D and $D[\"itpnav\"][\"email\"] == \"not an email\""
expect_json "$A[\"itpnav\"][\"translations\"][\"fr\"][\"name\"] == \"Réseau A\" and $A[\"itpnav\"][\"translation_sources\"][0][\"id\"] == \"src-fr\""
expect_json "$A[\"itpnav\"][\"source\"] == {\"id\": \"src-dated\", \"title\": \"A dated page\", \"url\": \"https://example.org/dated\", \"publisher\": \"Example\", \"as_of\": \"2025-06\"}"
expect_json "$A[\"organization\"][\"id\"] != $B[\"organization\"][\"id\"] and $B[\"organization\"][\"id\"] == $C[\"organization\"][\"id\"]"

case_begin "the tabular package: valid tables, one organization a host, the same on a second export"
run "$ITPNAV" export hsds --data "$V2" --out "$TEST_TMP/pkg/"
expect_status 0
expect_stdout_empty
expect_stderr_line "itpnav: $TEST_TMP/pkg/: 4 supports exported as HSDS 3.0 services (tabular data package)"
expect_hsds_schema "$TEST_TMP/pkg"
for f in datapackage.json services.csv organizations.csv service_areas.csv locations.csv \
    service_at_location.csv phones.csv schedules.csv attributes.csv taxonomy_terms.csv taxonomies.csv; do
    [ -f "$TEST_TMP/pkg/$f" ] || fail "no $f"
done
[ "$(grep -c 'Agency One' "$TEST_TMP/pkg/organizations.csv")" = 1 ] || fail "Agency One is not one organization row"
check "services.csv has 4 rows" "$PY" -c 'import csv, sys; sys.exit(len(list(csv.reader(open(sys.argv[1], newline="")))) != 5)' "$TEST_TMP/pkg/services.csv"
[ -z "$(ls -A "$TEST_TMP/pkg" | grep '^\.')" ] || fail "temporary files left in the package"
cp -r "$TEST_TMP/pkg" "$TEST_TMP/pkg-first"
run "$ITPNAV" export hsds --data "$V2" --out "$TEST_TMP/pkg"
expect_status 0
check "a second export into the folder gives the same files" diff -r "$TEST_TMP/pkg-first" "$TEST_TMP/pkg"

case_begin "a dataset with a broken reference: the place said, status 65, nothing written"
sed 's/"regions": \["ontario"\],/"regions": ["ontaro"],/' "$V2" >"$TEST_TMP/bad.json"
run "$ITPNAV" export hsds --data "$TEST_TMP/bad.json" --out "$TEST_TMP/bad-out.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/bad.json: .supports[0].regions[0]: no region \"ontaro\""
[ ! -e "$TEST_TMP/bad-out.json" ] || fail "an export of a bad dataset was written"
[ -z "$(ls "$TEST_TMP" | grep 'bad-out.json.')" ] || fail "a temporary file was left behind"

case_begin "a dataset that is not JSON: its line and column, status 65"
printf '{"itpnav": 2, "supports": [\n  {"id": "a",,}\n]}\n' >"$TEST_TMP/syntax.json"
run "$ITPNAV" export hsds --data "$TEST_TMP/syntax.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/syntax.json:2:14: unexpected ','; expected a key in double quotes"
expect_stdout_empty

case_begin "a dataset that cannot be opened: status 66"
run "$ITPNAV" export hsds --data "$TEST_TMP/none.json"
expect_status 66
expect_stderr_line "itpnav: $TEST_TMP/none.json: cannot open: No such file or directory"

case_begin "a full disk: status 74, said; a device stays a device"
run "$ITPNAV" export hsds --out /dev/full
expect_status 74
expect_stderr_line "itpnav: /dev/full: cannot write"
[ -c /dev/full ] || fail "/dev/full is no longer a device (replaced by a rename?)"
run bash -c "'$ITPNAV' export hsds >/dev/full"
expect_status 74
expect_stderr_has "cannot write"

finish
