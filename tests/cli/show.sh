# show.sh: `itpnav show ID` — one entry in full, as text and JSON; unknown and missing ids.
. "$(dirname "$0")/lib.sh"

DEEP="$FIXTURES/cli-deep.json"

case_begin "show ID (text): the name, the source's title and 'as of'"
run "$ITPNAV" show --data "$DEEP" --format text mtl-exam
expect_status 0
expect_stderr_empty
expect_stdout_has "Cercle d'examens de Montréal"
expect_stdout_has "Test Source for CLI"
expect_stdout_matches "[Aa]s of"
expect_stdout_has "2021-09"
expect_stdout_has "Study groups for the qualifying exams."

case_begin "show ID (default format, not a terminal) names the entry and its source"
run "$ITPNAV" show --data "$DEEP" mtl-exam
expect_status 0
expect_stdout_has "Cercle d'examens de Montréal"
expect_stdout_has "Test Source for CLI"
expect_stdout_matches "[Aa]s of"

case_begin "show a pathway: its status and its steps, in order"
run "$ITPNAV" show --data "$DEEP" --format text ca-residency
expect_status 0
expect_stdout_has "Residency match"
expect_stdout_has "limited"
expect_stdout_has "Pass the qualifying exam"
expect_stdout_has "Apply to the match"
check "the steps are in their order" \
    awk '/Pass the qualifying exam/ { a = NR } /Apply to the match/ { b = NR } END { exit !(a && b && a < b) }' "$OUT_FILE"
run "$ITPNAV" show --data "$DEEP" --format text qc-pra
expect_status 0
expect_stdout_has "available"
expect_stdout_has "Request an assessment"
# verified is shown when present.
expect_stdout_has "2021-10-01"

case_begin "show --format json: parses, with id, kind, name, source and as_of"
run "$ITPNAV" show --data "$DEEP" --format json mtl-exam
expect_status 0
expect_json 'isinstance(d, dict)'
expect_json 'd["id"] == "mtl-exam" and d["kind"] == "program"'
expect_json 'd["name"] == "Cercle d\u0027examens de Montréal"'
expect_json 'd["source"] == "src-test" and d["as_of"] == "2021-09"'
expect_json 'd["regions"] == ["mtl"] and d["goals"] == ["residency"]'

case_begin "show --format json on a pathway: status and steps"
run "$ITPNAV" show --data "$DEEP" --format json ca-residency
expect_status 0
expect_json 'd["id"] == "ca-residency" and d["kind"] == "pathway" and d["status"] == "limited"'
expect_json '[s["title"] for s in d["steps"]] == ["Pass the qualifying exam", "Apply to the match"]'
expect_json 'd["source"] == "src-test" and d["as_of"] == "2021-09"'

case_begin "a newline in long text: kept in json, a space in tsv (itpnav(1) OUTPUT)"
M="$FIXTURES/cli-match.json"
LONG_ID=a234567890123456789012345678901234567890123456789012345678901234
run "$ITPNAV" show --data "$M" --format json "$LONG_ID"
expect_status 0
expect_json 'd["id"] == "'"$LONG_ID"'" and d["summary"].endswith("summary\non two lines.")'
expect_json 'd["offers"] == ["One\nitem on two lines"]'
run "$ITPNAV" show --data "$M" --format tsv "$LONG_ID"
expect_status 0
expect_stdout_has "summary on two lines."
check "every tsv line has three fields" awk -F'\t' 'NF != 3 { exit 1 }' "$OUT_FILE"

case_begin "show on the bundled dataset"
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["supports"][0]["id"])' \
    "$SOURCE_ROOT/data/itpnav.json")
name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["supports"][0]["name"])' \
    "$SOURCE_ROOT/data/itpnav.json")
run "$ITPNAV" show --format json "$id"
expect_status 0
expect_json 'd["id"] == "'"$id"'"'
expect_stdout_has "$name"

case_begin "an unknown id: 64, the id named, and 'did you mean'"
run "$ITPNAV" show --data "$DEEP" mtl-exm
expect_status 64
expect_stdout_empty
expect_stderr_has "mtl-exm"
expect_stderr_matches "did you mean '?mtl-exam'?"

case_begin "an unknown id with nothing near: 64 and the id named"
run "$ITPNAV" show --data "$DEEP" completely-unrelated-thing
expect_status 64
expect_stderr_has "completely-unrelated-thing"

case_begin "an id with terminal escapes is not echoed raw"
run "$ITPNAV" show --data "$DEEP" $'\e[2Jbad'
expect_status 64
check "no raw ESC on stderr" bash -c '! grep -q $'"'"'\x1b'"'"' "$0"' "$ERR_FILE"

case_begin "missing ID: 64"
run "$ITPNAV" show --data "$DEEP"
expect_status 64
expect_stdout_empty

case_begin "two IDs, or a filter option: 64"
run "$ITPNAV" show --data "$DEEP" mtl-exam qc-pra
expect_status 64
run "$ITPNAV" show --data "$DEEP" --region quebec mtl-exam
expect_status 64
run "$ITPNAV" show --data "$DEEP" --format yaml mtl-exam
expect_status 64

case_begin "show with a broken --data: 65; a missing one: 66"
run "$ITPNAV" show --data "$FIXTURES/cli-broken.json" alpha
expect_status 65
run "$ITPNAV" show --data "$TEST_TMP/missing.json" alpha
expect_status 66

finish
