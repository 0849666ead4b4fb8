# check.sh: `itpnav check` — validation messages, their places, and exit statuses
# (spec/cli.md "Exit status" and error format; spec/dataset.md).
. "$(dirname "$0")/lib.sh"

TAB=$'\t'
BROKEN="$FIXTURES/cli-broken.json"

case_begin "check on the bundled dataset (no FILE) exits 0 and says valid"
run "$ITPNAV" check
expect_status 0
expect_stdout_has "valid"

case_begin "check --strict on the bundled dataset exits 0"
run "$ITPNAV" check --strict
expect_status 0
expect_stdout_has "valid"

case_begin "the test fixtures are valid, also with --strict (all but cli-bad-* and cli-broken)"
for path in "$FIXTURES"/cli-*.json; do
    f=${path##*/}
    case $f in cli-bad-* | cli-broken*) continue ;; esac
    run "$ITPNAV" check "$FIXTURES/$f"
    expect_status 0
    expect_stdout_has "valid"
    run "$ITPNAV" check --strict "$FIXTURES/$f"
    expect_status 0
    expect_stdout_has "valid"
    expect_stderr_empty
done

case_begin "a broken dataset: every error on stderr as 'itpnav: FILE: PATH: MESSAGE', exit 65"
run "$ITPNAV" check "$BROKEN"
expect_status 65
P="itpnav: $BROKEN: "
# A bad date (not a real day).
expect_stderr_line "$P.dataset.as_of: " "date"
# A URL that is not http(s).
expect_stderr_line "$P.sources[0].url: " "http"
# An unknown region with a near id: "did you mean".
expect_stderr_line "$P.supports[1].regions[0]: " "ontaro" "did you mean" "ontario"
# A duplicate id.
expect_stderr_line "$P.supports[2].id: " "duplicate" "alpha"
# A bad id.
expect_stderr_line "$P.supports[3].id: " "Bad_Id"
# A number where a string belongs.
expect_stderr_line "$P.supports[4].name: " "string"
# A missing required key: at the object, or at the key itself.
expect_stderr_line "$P.supports[5]" "summary"
# An empty required array.
expect_stderr_line "$P.supports[6].goals: " "empty"
# A control character (ESC) in a name.
expect_stderr_line "$P.supports[7].name: " "control"
# A bidirectional override in a name.
expect_stderr_line "$P.supports[8].name: " "U+202E"
# A non-http link and a bad date in a pathway.
expect_stderr_line "$P.pathways[0].links[0].url: " "http"
expect_stderr_line "$P.pathways[0].as_of: " "date"
# Nothing else is wrong with the file: exactly these twelve, each once.
expect_stderr_count "^itpnav: .*cli-broken\.json: \.[a-z]" 12
# The last line counts them (itpnav(1)).
check "the last stderr line is 'itpnav: FILE: 12 errors'" \
    test "$(tail -n 1 "$ERR_FILE")" = "itpnav: $BROKEN: 12 errors"
# The terminal never sees the raw escape or override.
check "no raw ESC on stderr" bash -c '! grep -q $'"'"'\x1b'"'"' "$0"' "$ERR_FILE"
check "no raw U+202E on stderr" bash -c '! grep -q $'"'"'\xe2\x80\xae'"'"' "$0"' "$ERR_FILE"
expect_stdout_lacks "valid"

case_begin "more value rules of dataset.md, each reported at its path"
R="$FIXTURES/cli-bad-rules.json"
run "$ITPNAV" check "$R"
expect_status 65
P="itpnav: $R: "
expect_stderr_line "$P.dataset.title: " "empty"                      # empty required string
expect_stderr_line "$P.sources[0].url: " "http"                       # a scheme and nothing else
expect_stderr_line "$P.regions[3].kind: " "planet"                    # not one of the kinds
expect_stderr_line "$P.supports[0].id: " "-dash-first"                # starts with '-'
expect_stderr_line "$P.supports[0].kind: " "club"
expect_stderr_line "$P.supports[0].name: " "U+0009"                   # a tab in a name
expect_stderr_line "$P.supports[0].part_of: " "nobody"                # part_of must resolve
expect_stderr_line "$P.supports[0].delivery[0]: " "by-post"
expect_stderr_line "$P.supports[0].as_of: " "2021-02-29"              # not a leap year
expect_stderr_line "$P.supports[1].id: "                              # 65 characters
expect_stderr_line "$P.supports[1].name: " "U+0085"                   # C1 control
expect_stderr_line "$P.supports[1].host: " "U+2066"                   # bidi isolate
expect_stderr_line "$P.supports[1].size.count: "                      # not whole
expect_stderr_line "$P.pathways[0].name: " "U+000A"                   # newline: only long text
expect_stderr_line "$P.pathways[0].status: " "open"
expect_stderr_line "$P.pathways[0].supports[0]: " "no-such-support"
expect_stderr_line "$P.pathways[0].requires.exams[0]: " "mccqe2" "did you mean" "mccqe1"
expect_stderr_line "$P.pathways[0].requires.residence[0]: " "atlantis"
expect_stderr_line "$P.pathways[0].requires.postgrad_years: "
expect_stderr_line "$P.pathways[1].id: " "duplicate" "p1"             # ids unique among pathways
expect_stderr_line "$P.regions[4].parent: " "nowhere-land"            # parent must resolve
expect_stderr_line "$P.supports[1].goals[1]: " "pra"
expect_stderr_line "$P.supports[1].services[1]: " "mentoring"
expect_stderr_line "$P.supports[1].summary: " "U+0009"                # long text: only newline
expect_stderr_line "$P.supports[1].contact.website: " "www.example.org"
expect_stderr_line "$P.pathways[1].goal: " "residenci" "did you mean" "residency"
expect_stderr_line "$P.pathways[1].advocacy: " "U+000A"               # not long text
expect_stderr_line "$P.pathways[1].source: " "srcx"
# A newline in a step's detail (long text) is allowed.
expect_stderr_not_matches "\.pathways\[1\]\.steps"
# A cycle in the region tree is reported (at either region of the loop).
expect_stderr_matches "^itpnav: .*cli-bad-rules\.json: \.regions\[(1|2)\]\.parent: "
# A newline in a summary (long text) is allowed: nothing about .supports[0].summary.
expect_stderr_not_matches "\.supports\[0\]\.summary"

case_begin "valid boundary values pass: a 64-character id, a leap day, an id starting with a digit, newlines in long text"
run "$ITPNAV" check --strict "$FIXTURES/cli-match.json"
expect_status 0
expect_stderr_empty

case_begin "missing top-level keys and a wrong type: reported at '.' and at the key"
MI="$FIXTURES/cli-bad-missing.json"
run "$ITPNAV" check "$MI"
expect_status 65
expect_stderr_line "itpnav: $MI: .dataset" "as_of"
expect_stderr_line "itpnav: $MI: ." "goals"
expect_stderr_line "itpnav: $MI: ." "pathways"
expect_stderr_line "itpnav: $MI: .supports: " "array"

case_begin "JSON syntax error: 'itpnav: FILE:LINE:COLUMN: ...' at the right place, exit 65"
run "$ITPNAV" check "$FIXTURES/cli-bad-syntax.json"
expect_status 65
# Line 4: `  "sources": [ { "id": "src" "title": ...` — the comma is missing before column 30.
expect_stderr_line "itpnav: $FIXTURES/cli-bad-syntax.json:4:30: "

case_begin "the column counts characters, not bytes (itpnav(1)); a BOM is not a character"
# Line 2 is `  "t": "Québec€𝄞" "x"`: é, € and 𝄞 are 2, 3 and 4 bytes but one column each.
printf '{\n  "t": "Qu\xc3\xa9bec\xe2\x82\xac\xf0\x9d\x84\x9e" "x"\n}\n' >"$TEST_TMP/wide.json"
run "$ITPNAV" check "$TEST_TMP/wide.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/wide.json:2:19: "
printf '\xef\xbb\xbf{"t": 1 2}\n' >"$TEST_TMP/bom.json"
run "$ITPNAV" check "$TEST_TMP/bom.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/bom.json:1:9: "

case_begin "a truncated file: a syntax error where the file ends, exit 65"
printf '{\n  "itpnav": 1,\n  "dataset": {' >"$TEST_TMP/truncated.json"
run "$ITPNAV" check "$TEST_TMP/truncated.json"
expect_status 65
# The file ends after line 3's 14 characters: line 3, column 15.
expect_stderr_line "itpnav: $TEST_TMP/truncated.json:3:15: "

case_begin "a truncated copy of a real fixture: exit 65 with a line and column"
head -c 1000 "$FIXTURES/cli-deep.json" >"$TEST_TMP/half.json"
run "$ITPNAV" check "$TEST_TMP/half.json"
expect_status 65
expect_stderr_matches "^itpnav: $TEST_TMP/half\.json:[0-9]+:[0-9]+: "

case_begin "an empty file: exit 65"
: >"$TEST_TMP/empty.json"
run "$ITPNAV" check "$TEST_TMP/empty.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/empty.json:1:1: "

case_begin "a file of only white space: exit 65"
printf '  \n\n\t\n' >"$TEST_TMP/blank.json"
run "$ITPNAV" check "$TEST_TMP/blank.json"
expect_status 65
expect_stderr_has "blank.json"

case_begin "a binary file: exit 65, and no raw bytes echoed"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xff\xfe\x1b[2J\x07' >"$TEST_TMP/binary.json"
run "$ITPNAV" check "$TEST_TMP/binary.json"
expect_status 65
expect_stderr_matches "^itpnav: $TEST_TMP/binary\.json:[0-9]+:[0-9]+: "
check "no raw ESC on stderr" bash -c '! grep -q $'"'"'\x1b'"'"' "$0"' "$ERR_FILE"
check "no raw BEL on stderr" bash -c '! grep -q $'"'"'\x07'"'"' "$0"' "$ERR_FILE"

case_begin "invalid UTF-8 inside a string: exit 65 at the right line and column"
printf '{\n  "x": "caf\xe9"\n}\n' >"$TEST_TMP/latin1.json"
run "$ITPNAV" check "$TEST_TMP/latin1.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/latin1.json:2:12: " "UTF-8"

case_begin "a directory given as FILE: exit 66"
mkdir -p "$TEST_TMP/a-directory.json"
run "$ITPNAV" check "$TEST_TMP/a-directory.json"
expect_status 66
expect_stderr_has "a-directory.json"

case_begin "a missing file: exit 66"
run "$ITPNAV" check "$TEST_TMP/does-not-exist.json"
expect_status 66
expect_stderr_has "does-not-exist.json"

case_begin "an unreadable file: exit 66 (skipped as root, who can read it anyway)"
cp "$FIXTURES/cli-deep.json" "$TEST_TMP/unreadable.json"
chmod 000 "$TEST_TMP/unreadable.json"
if [ "$(id -u)" != 0 ]; then
    run "$ITPNAV" check "$TEST_TMP/unreadable.json"
    expect_status 66
    expect_stderr_has "unreadable.json"
    run "$ITPNAV" list --data "$TEST_TMP/unreadable.json"
    expect_status 66
fi

case_begin '"itpnav": 3 is an error that names the version found and the versions read'
run "$ITPNAV" check "$FIXTURES/cli-bad-version.json"
expect_status 65
expect_stderr_line "itpnav: $FIXTURES/cli-bad-version.json: .itpnav: "
rest=$(stderr_rest "itpnav: $FIXTURES/cli-bad-version.json: .itpnav: ")
check "the message names version 3 (found) and versions 1 and 2 (read)" \
    test "$rest" = "format version 3; this itpnav reads versions 1 and 2"

case_begin "an unknown key is a warning (exit 0), and an error with --strict (exit 65)"
U="$FIXTURES/cli-bad-unknown-key.json"
run "$ITPNAV" check "$U"
expect_status 0
expect_stdout_has "valid"
expect_stderr_line "itpnav: $U: .supports[0].colour: " "warning"
run "$ITPNAV" check --strict "$U"
expect_status 65
expect_stderr_line "itpnav: $U: .supports[0].colour: " "colour"
expect_stdout_lacks "valid"

case_begin "an unknown key does not stop other commands (warnings are for check)"
run "$ITPNAV" list --data "$U" --format tsv
expect_status 0
expect_stdout_has "alpha"

case_begin "more than 100 errors: 100 shown, then a line saying how many more"
M="$FIXTURES/cli-bad-many.json"
run "$ITPNAV" check "$M"
expect_status 65
expect_stderr_count "^itpnav: .*cli-bad-many\.json: \.supports\[0\]\.regions\[[0-9]+\]: " 100
expect_stderr_line "itpnav: $M: .supports[0].regions[0]: " "nowhere-000"
expect_stderr_line "itpnav: $M: .supports[0].regions[99]: " "nowhere-099"
expect_stderr_not_matches "regions\[100\]"
expect_stderr_matches "(^|[^0-9])50 more"

case_begin "check takes at most one FILE, and refuses list's options"
run "$ITPNAV" check "$FIXTURES/cli-deep.json" "$FIXTURES/cli-match.json"
expect_status 64
run "$ITPNAV" check --region ontario
expect_status 64
run "$ITPNAV" check --bogus
expect_status 64

# ---- check --older-than MONTHS: records last checked before now minus MONTHS ----

S="$FIXTURES/cli-stale.json"

case_begin "check --older-than lists exactly the stale records (tsv: id, kind, date, name)"
run "$ITPNAV" check --older-than 12 --format tsv "$S"
expect_status 0
sort "$OUT_FILE" >"$TEST_TMP/stale-sorted"
printf '%s\n' \
    "old-group${TAB}group${TAB}2001-05${TAB}Old Group" \
    "old-path${TAB}pathway${TAB}2001-05${TAB}Old Pathway" \
    "verified-old${TAB}program${TAB}2001-05-15${TAB}Verified Long Ago" \
    "year-only${TAB}group${TAB}2001${TAB}Year Only Group" | sort >"$TEST_TMP/stale-want"
# The stale set: old-group, old-path, verified-old (with its verified date), year-only.
expect_files_equal "$TEST_TMP/stale-want" "$TEST_TMP/stale-sorted"
# verified overrides as_of: said in 2001 but checked in 2099 is not stale.
expect_lacks_ids "verified-recent future-group new-path"
# itpnav(1): supports first, then pathways, each in the order of the file.
expect_ids "old-group verified-old year-only old-path"

case_begin "check --older-than 0: everything dated before today, verified still overriding as_of"
run "$ITPNAV" check --older-than 0 --format tsv "$S"
expect_status 0
expect_id_set "old-group old-path verified-old year-only"

case_begin "check --older-than --format json"
run "$ITPNAV" check --older-than 12 --format json "$S"
expect_status 0
expect_json 'sorted(o["id"] for o in d) == ["old-group", "old-path", "verified-old", "year-only"]'
expect_json 'all(o.get("kind") in ("group", "program", "pathway") and o.get("name") for o in d)'

case_begin "check --older-than keeps stdout to the report (the summary is not mixed in)"
run "$ITPNAV" check --older-than 12 --format tsv "$S"
expect_status 0
check "every stdout line has four tab-separated fields" \
    awk -F'\t' 'NF != 4 { exit 1 }' "$OUT_FILE"

case_begin "check --older-than on a broken file still exits 65"
run "$ITPNAV" check --older-than 12 --format tsv "$BROKEN"
expect_status 65
expect_stdout_empty

case_begin "check --older-than needs a number of months"
for bad in abc -3 "" 1.5; do
    run "$ITPNAV" check --older-than "$bad" "$S"
    expect_status 64
done

finish
