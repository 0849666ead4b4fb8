# hostile.sh: a hostile HSDS directory set (tests/hsds/hostile.py: missing tables, bad UTF-8,
# padded codes, empty and duplicate ids, a 10 MB description, HTML, mojibake, control
# characters, a truncated line, an unterminated quote): the import keeps what is valid, reports
# the rest with its place, and never crashes; with --strict it writes nothing.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/hsds-lib.sh"

export SOURCE_DATE_EPOCH=1764547200 # 2025-12-01
H="$TEST_TMP/hostile"
"$PY" "$HSDS_DIR/hostile.py" "$H" || {
    echo "hostile.py failed"
    exit 99
}
MAP="$H/map.json"
# No sanitizer report, no signal: the run ended on its own, with a status it documents.
expect_no_crash() {
    expect_status_in 0 65
    expect_stderr_not_matches 'Sanitizer|runtime error|Segmentation|Aborted'
}
# support NAME: the imported support named NAME, as Python (for expect_json).
support() {
    printf '[s for s in d["supports"] if s["name"] == "%s"][0]' "$1"
}

case_begin "JSON: what is valid is imported, the rest reported with its place"
run "$ITPNAV" import hsds --map "$MAP" "$H/hostile.json"
expect_no_crash
expect_status 0
P="itpnav: $H/hostile.json: "
expect_stderr_line "$P.[1].id: missing or empty id" "left out"
expect_stderr_line "$P.[2].id: duplicate id \"00000000-1111-4111-8111-111111111111\", first at $H/hostile.json .[0]; this record is left out"
expect_stderr_line "$P.[3].description: invalid UTF-8 (byte 0xFF at byte 4); the record is left out"
expect_stderr_line "$P.[4].email: invalid UTF-8 (byte 0xC0 at byte 3); left out"
expect_stderr_line "$P.[6].name: warning: \"CafÃ© Mentors GÇÖs\" looks like text decoded with the wrong character set"
expect_stderr_line "$P.[8]: the record is 10485962 bytes; a record may be at most 4194304 bytes (4 MiB); left out"
expect_stderr_line "$P.[9].name: warning: 2 control or bidirectional characters removed"
expect_stderr_line "$P.[10].status: \"temporarily closed\" has no itpnav equivalent"
expect_stderr_line "$P.[11].service_areas[0].name: no region named \"Dade County\""
expect_stderr_line "$P.[12]: expected an object (a service); left out"
expect_stderr_line "$P.[13].description: warning: 2 control or bidirectional characters removed"
expect_stderr_line "$P.[14].last_modified: \"yesterday\" is not a date; left out"
expect_stderr_line "$P.[15].url: \"www.example.org\" is not a web address"
expect_stderr_line "$P.[16].itpnav.translations.fr.regions: not a text key of a support's translation; left out"
expect_stderr_line "$P.[16].itpnav.translations.[\"not a tag!\"]: not a language tag"
expect_stderr_line "${P}13 of 18 services imported, 5 left out; 12 values not mapped; 1 city added; 3 warnings"
expect_json '[s["name"] for s in d["supports"]] == ["Good One", "Bad Email", "Html", "Caf\u00c3\u00a9 Mentors G\u00c7\u00d6s", "Padded", "]0;pwnedEscaped Name", "Paused", "Miami", "Bidi", "Undated", "No Scheme", "Bad Extension", "Empty Organization"]'
# HTML becomes text: tags and scripts out, entities decoded, a list kept as a list.
expect_json "$(support Html)[\"summary\"] == \"Mentoring for IMGs & others\n\n- One\n- Two <3\""
expect_json "$(support Bidi)[\"summary\"] == \"Plain text here.\""
# Padded codes: "ON " and a country of spaces are Ontario in Canada; Welland (a city the bundled
# dataset does not have) joins the tree.
expect_json "$(support Padded)[\"regions\"] == [\"welland\"] and $(support Padded)[\"status\"] == \"active\""
expect_json '{"id": "welland", "name": "Welland", "parent": "ontario", "kind": "city"} in d["regions"]'
expect_json "$(support Padded)[\"contact\"] == {\"address\": \"1 Main St, Welland, ON L8P 1A1\"}"
# A phone kept in a spreadsheet's quotes is the number; a bad email is left out, the rest kept.
expect_json "$(support 'Good One')[\"contact\"] == {\"phone\": \"+1 416 555 0100\"}"
expect_json "\"contact\" not in $(support 'Bad Email')"
expect_json "\"status\" not in $(support Paused) and $(support Miami)[\"regions\"] == [\"kingston\"]"
expect_json "$(support 'Bad Extension')[\"translations\"] == {\"fr\": {\"name\": \"Nom\"}}"
# No record carries a date: one undated source, dated the day of the import.
expect_json 'all(any(t.get("source") == s["id"] for r in d["regions"] + d["goals"] + d["services"] for t in r.get("translations", {}).values()) for s in d["sources"][1:])'
expect_json 'd["sources"][:1] == [{"id": "hsds-import-undated", "title": "Open Referral directory hostile.json (records without a date)", "as_of": "2025-12-01", "undated": True}]'
expect_json 'all(s["as_of"] == "2025-12-01" and s["source"] == "hsds-import-undated" for s in d["supports"])'
expect_valid_v2 "$OUT_FILE"

case_begin "NDJSON: a line at a time; a broken or huge line is left out, the next read"
run "$ITPNAV" import hsds --map "$MAP" "$H/hostile.ndjson"
expect_no_crash
expect_status 0
P="itpnav: $H/hostile.ndjson:"
expect_stderr_line "${P}2:56: unterminated string; expected a closing '\"' before the end of the file; the line is left out"
expect_stderr_line "${P}4: the line is 10485967 bytes; a record may be at most 4194304 bytes; left out"
expect_stderr_line "${P}5: .description: invalid UTF-8 (byte 0xE9 at byte 0); the record is left out"
expect_stderr_lacks "${P}3:"
expect_stderr_line "itpnav: $H/hostile.ndjson: 2 of 5 services imported, 3 left out; 3 values not mapped"
expect_json '[s["name"] for s in d["supports"]] == ["Line One", "Line Six"]'
expect_valid_v2 "$OUT_FILE"

case_begin "tabular: tables missing or unknown, bad rows reported with file and line, the rest joined"
run "$ITPNAV" import hsds --map "$MAP" "$H/pkg"
expect_no_crash
expect_status 0
P="itpnav: $H/pkg/"
expect_stderr_line "${P}phones.csv: cannot open (No such file or directory); listed in datapackage.json, its data is left out"
expect_stderr_line "${P}datapackage.json: .resources[7]: warning: \"eligibility\" is not a table of HSDS 3.0; ignored"
expect_stderr_line "${P}services.csv:1: warning: column \"extra_column\" is not a field of HSDS 3.0's service table; ignored"
expect_stderr_line "${P}services.csv:3: id: empty; the row is left out"
expect_stderr_line "${P}services.csv:4: id: duplicate id \"00000030-1111-4111-8111-111111111111\", first on line 2; the row is left out"
expect_stderr_line "${P}services.csv:5: .description: invalid UTF-8 (byte 0xFF at byte 4); the record is left out"
expect_stderr_line "${P}services.csv:7: .name: warning: \"CafÃ© Row\" looks like text decoded with the wrong character set"
expect_stderr_line "${P}services.csv:8: the row is 10485818 bytes; a row may be at most 4194304 bytes; the row is left out"
expect_stderr_line "${P}services.csv:12: a quoted field is not closed before the end of the file; the row is left out"
expect_stderr_line "${P}service_areas.csv:9: .name: no region named \"Dade County\""
expect_stderr_line "itpnav: $H/pkg: 5 of 6 services imported, 1 left out; 7 values not mapped; 3 warnings"
expect_json '[s["name"] for s in d["supports"]] == ["Good Row", "Html Row", "Caf\u00c3\u00a9 Row", "Padded Row", "Quoted, Row"]'
expect_json "$(support 'Good Row')[\"host\"] == \"Agency One\" and $(support 'Good Row')[\"contact\"] == {\"email\": \"a@b.org\"}"
expect_json "$(support 'Html Row')[\"summary\"] == \"Text & more\""
expect_json "$(support 'Quoted, Row')[\"summary\"] == \"Two lines,\nhere\""
# Padded codes: a link written " id " still links; a status " active " is active.
expect_json "$(support 'Padded Row')[\"regions\"] == [\"kingston\"] and $(support 'Padded Row')[\"status\"] == \"active\""
expect_json "$(support 'Padded Row')[\"contact\"][\"address\"] == \"1 King St, Sudbury, ON P3A 1A1\""
expect_valid_v2 "$OUT_FILE"

for src in hostile.json hostile.ndjson pkg; do
    case_begin "$src with --strict: every problem is an error, status 65, nothing written"
    echo "keep me" >"$TEST_TMP/previous.json"
    run "$ITPNAV" import hsds --strict --map "$MAP" --out "$TEST_TMP/previous.json" "$H/$src"
    expect_no_crash
    expect_status 65
    expect_stderr_line "itpnav: $H/$src: with --strict, a value that cannot be mapped is an error; nothing is written"
    [ "$(cat "$TEST_TMP/previous.json")" = "keep me" ] || fail "--strict replaced the --out file"
    [ -z "$(ls "$TEST_TMP" | grep 'previous.json.')" ] || fail "a temporary file was left behind"
done

finish
