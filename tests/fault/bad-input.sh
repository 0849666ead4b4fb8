# bad-input.sh: broken and hostile dataset files: very long strings, deep nesting, huge arrays,
# duplicate keys, numbers where strings belong, truncated, empty, a directory, binary, endless.
# Each gives a clear error with its place and the right exit status, never a crash, in bounded
# time and memory (measured: the peak resident size of the run).
. "$(dirname "$0")/lib.sh"

DEEP="$FIXTURES/cli-deep.json"
# Memory limits in MiB for a run that reads a file of a few MiB; ASan's shadow memory and
# quarantine need more.
if sanitized; then SMALL_MB=400; else SMALL_MB=64; fi

# mutate OUT PYTHON: a copy of cli-deep.json changed by PYTHON (the parsed file is `d`).
mutate() {
    python3 - "$DEEP" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
}

# first_error: the first stderr line without "itpnav: FILE" in front, cut to 110 characters.
first_error() {
    local line
    line=$(head -n 1 "$ERR_FILE")
    line=${line#itpnav: }
    line=${line//"$TEST_TMP"/\$TMP}
    [ "${#line}" -gt 110 ] && line="${line:0:107}..."
    printf '%s' "$line"
}

# checked FILE STATUS [MB]: `itpnav check FILE` exits STATUS, stays under MB MiB (default
# SMALL_MB) and prints at most 100 lines of at most 1000 bytes; observes what it said.
checked() {
    local file=$1 want=$2 mb=${3:-$SMALL_MB}
    run_measured "$ITPNAV" check "$file"
    expect_status "$want"
    [ "$PEAK_KB" -le $((mb * 1024)) ] || fail "peak memory $((PEAK_KB / 1024)) MiB, over $mb MiB"
    [ "$(wc -l <"$ERR_FILE")" -le 102 ] || fail "more than 102 lines on stderr"
    ! awk 'length($0) > 1000 { exit 1 }' "$ERR_FILE" && fail "a stderr line is over 1000 bytes"
    expect_stderr_not_matches $'[\x01-\x08\x0b-\x1f\x7f]'
    local said
    if [ "$STATUS" = 0 ]; then said=$(head -n 1 "$OUT_FILE"); said=${said//"$TEST_TMP"/\$TMP}; else said=$(first_error); fi
    observe "exit $STATUS in $ELAPSED_MS ms, peak $((PEAK_KB / 1024)) MiB: $said"
}

case_begin "an empty file"
: >"$TEST_TMP/empty.json"
checked "$TEST_TMP/empty.json" 65
expect_stderr_line "itpnav: $TEST_TMP/empty.json:1:1: "

case_begin "a truncated file (the first 1000 bytes of a fixture)"
head -c 1000 "$DEEP" >"$TEST_TMP/half.json"
checked "$TEST_TMP/half.json" 65
expect_stderr_matches "^itpnav: $TEST_TMP/half\.json:[0-9]+:[0-9]+: "

case_begin "a directory given as the file"
mkdir -p "$TEST_TMP/dir.json"
checked "$TEST_TMP/dir.json" 66
run "$ITPNAV" list --data "$TEST_TMP/dir.json"
expect_status 66

case_begin "a binary file (a PNG header, NUL bytes, an escape sequence)"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xff\xfe\x1b[2J\x07' >"$TEST_TMP/binary.json"
checked "$TEST_TMP/binary.json" 65

case_begin "random bytes (64 KiB)"
head -c 65536 /dev/urandom >"$TEST_TMP/random.json"
checked "$TEST_TMP/random.json" 65

case_begin "a NUL byte inside a string"
printf '{"itpnav": 1, "dataset": {"title": "a\x00b"}}' >"$TEST_TMP/nul.json"
checked "$TEST_TMP/nul.json" 65
expect_stderr_has "U+0000"

case_begin "an endless stream (/dev/zero): stops after 4 GiB, the format's limit, holding a chunk"
# It is read a chunk at a time: before the loader streamed, it held all it read (256 MiB, then
# its limit). The size is said before the syntax, as a check of the whole file would.
checked /dev/zero 65
expect_stderr_has "larger than 4294967296 bytes (4 GiB)"

case_begin "a sparse 5 GiB file: refused before reading"
truncate -s 5G "$TEST_TMP/sparse.json"
checked "$TEST_TMP/sparse.json" 65
expect_stderr_has "at most 4 GiB"
rm -f "$TEST_TMP/sparse.json"

case_begin "a sparse 300 MiB file of NUL bytes: its first byte is the error, in flat memory"
truncate -s 300M "$TEST_TMP/sparse.json"
checked "$TEST_TMP/sparse.json" 65
expect_stderr_line "itpnav: $TEST_TMP/sparse.json:1:1: " "U+0000"
rm -f "$TEST_TMP/sparse.json"

case_begin "nesting 100000 arrays deep"
python3 -c 'import sys; sys.stdout.write("[" * 100000 + "]" * 100000)' >"$TEST_TMP/deep.json"
checked "$TEST_TMP/deep.json" 65
expect_stderr_has "nested more than 64 levels"

case_begin "nesting 70 levels deep inside a valid place (dataset.notes)"
mutate "$TEST_TMP/deep2.json" 'v = "x"
for _ in range(70): v = [v]
d["dataset"]["notes"] = v'
checked "$TEST_TMP/deep2.json" 65
expect_stderr_has "nested more than 64 levels"

case_begin "a 10 MiB summary (valid): checked and shown"
mutate "$TEST_TMP/long.json" 'd["supports"][0]["summary"] = "word " * (2 << 20)'
checked "$TEST_TMP/long.json" 0 $((SMALL_MB + 160))
run_measured "$ITPNAV" show --data "$TEST_TMP/long.json" --format text ca-network
expect_status 0
[ "$PEAK_KB" -le $(((SMALL_MB + 300) * 1024)) ] || fail "show: peak memory $((PEAK_KB / 1024)) MiB"
observe "show: exit $STATUS in $ELAPSED_MS ms, peak $((PEAK_KB / 1024)) MiB, $(wc -l <"$OUT_FILE") lines"

case_begin "a name of a million characters: valid, and fitted to the column in list"
mutate "$TEST_TMP/longname.json" 'd["supports"][0]["name"] = "N" * 1000000'
checked "$TEST_TMP/longname.json" 0 $((SMALL_MB + 40))
run env COLUMNS=80 "$ITPNAV" list --data "$TEST_TMP/longname.json" --format text
expect_status 0
check "no line of list --format text is wider than 80 columns" \
    awk 'length($0) > 80 { exit 1 }' "$OUT_FILE"

case_begin "an id of a million characters and a key of 100000: quoted short in the messages"
# Before this test, the key went whole into the jq path of its warning: one line of 100 KB.
mutate "$TEST_TMP/longid.json" 'd["supports"][0]["id"] = "a" * 1000000
d["supports"][1]["k" * 100000] = 1'
checked "$TEST_TMP/longid.json" 65

case_begin "a huge array: a million unknown regions in one support"
mutate "$TEST_TMP/regions.json" 'd["supports"][0]["regions"] = ["nowhere-%d" % i for i in range(1000000)]'
if sanitized; then mb=1500; else mb=400; fi
checked "$TEST_TMP/regions.json" 65 "$mb"
expect_stderr_matches "999900 more errors"

case_begin "twenty million values (40 MiB of zeros) in a list: read in flat memory"
# Before the loader read a record at a time, the whole tree was built first (10 million values
# took 800 MiB), then the count of values was capped; now a list is read an element at a time.
python3 -c 'import sys; sys.stdout.write("{\"x\": [" + ",".join(["0"] * 20000000) + "]}")' >"$TEST_TMP/zeros.json"
checked "$TEST_TMP/zeros.json" 65
expect_stderr_line "itpnav: $TEST_TMP/zeros.json: .: " "missing key \"itpnav\""

case_begin "three million values in one record: refused, the record never parsed"
# A record is parsed whole (about 64 bytes a value): more than 2097152 values is refused.
mutate "$TEST_TMP/many.json" 'd["supports"][0]["offers"] = [0] * 3000000'
if sanitized; then mb=200; else mb=$((SMALL_MB + 40)); fi
checked "$TEST_TMP/many.json" 65 "$mb"
expect_stderr_line "itpnav: $TEST_TMP/many.json: .supports[0]: " "more than 2097152 values"

case_begin "duplicate keys: a section twice, a key twice in a record"
printf '{"itpnav": 1, "itpnav": 1, "supports": [], "supports": []}' >"$TEST_TMP/dup.json"
checked "$TEST_TMP/dup.json" 65
expect_stderr_line "itpnav: $TEST_TMP/dup.json: .: " "duplicate key" "itpnav"
expect_stderr_line "itpnav: $TEST_TMP/dup.json: .: " "duplicate key" "supports"
mutate "$TEST_TMP/dup2.json" 'd["supports"][1]["id"] = "x"'
sed -i 's/"id": "x"/"id": "x", "id": "y"/' "$TEST_TMP/dup2.json"
checked "$TEST_TMP/dup2.json" 65
expect_stderr_line "itpnav: $TEST_TMP/dup2.json: .supports[1]: " "duplicate key" "id"

case_begin "100000 copies of one key in one object"
python3 -c 'import sys; sys.stdout.write("{" + ",".join(["\"k\": 1"] * 100000) + "}")' >"$TEST_TMP/dups.json"
checked "$TEST_TMP/dups.json" 65
expect_stderr_has "duplicate key"

case_begin "numbers, booleans, null and arrays where strings belong, and the reverse"
mutate "$TEST_TMP/types.json" 's = d["supports"]
s[0]["name"] = 5
s[1]["summary"] = True
s[2]["id"] = None
s[3]["regions"] = "canada"
s[4]["size"] = {"text": 12, "count": "12"}
d["dataset"]["as_of"] = 2021'
checked "$TEST_TMP/types.json" 65
expect_stderr_line "itpnav: $TEST_TMP/types.json: .supports[0].name: " "string"
expect_stderr_line "itpnav: $TEST_TMP/types.json: .supports[1].summary: " "string"
expect_stderr_line "itpnav: $TEST_TMP/types.json: .supports[3].regions: " "array"
expect_stderr_line "itpnav: $TEST_TMP/types.json: .supports[4].size.count: "
expect_stderr_line "itpnav: $TEST_TMP/types.json: .dataset.as_of: "

case_begin "numbers out of range: 1e999, -1e999, 30 digits, 1e300 as counts and years"
printf '{"itpnav": "1"}' >"$TEST_TMP/version-string.json"
checked "$TEST_TMP/version-string.json" 65
printf '{"itpnav": 1e999}' >"$TEST_TMP/inf.json"
checked "$TEST_TMP/inf.json" 65
mutate "$TEST_TMP/range.json" 'd["supports"][0]["size"] = {"text": "t", "count": 123456789012345678901234567890}
d["supports"][1]["size"] = {"text": "t", "count": -1e300}
d["pathways"][0]["requires"] = {"postgrad_years": 1e300, "practice_years": -0.5}'
checked "$TEST_TMP/range.json" 65
expect_stderr_line "itpnav: $TEST_TMP/range.json: .supports[0].size.count: " "range"
expect_stderr_line "itpnav: $TEST_TMP/range.json: .pathways[0].requires.postgrad_years: " "range"

case_begin "invalid UTF-8, overlong forms and lone surrogates"
printf '{"t": "\xc0\xaf"}' >"$TEST_TMP/overlong.json"
checked "$TEST_TMP/overlong.json" 65
expect_stderr_has "UTF-8"
printf '{"t": "\\ud800"}' >"$TEST_TMP/surrogate.json"
checked "$TEST_TMP/surrogate.json" 65
expect_stderr_has "surrogate"

case_begin "a bad dataset given to list, show, match and the program: 65, the same messages"
for cmd in list "show ca-network" match; do
    run "$ITPNAV" $cmd --data "$TEST_TMP/types.json"
    expect_status 65
    expect_stderr_line "itpnav: $TEST_TMP/types.json: .supports[0].name: " "string"
done
run "$ITPNAV" --plain --data "$TEST_TMP/types.json"
expect_status 65
observe "list, show, match and the interactive program (plain) exit 65 with the check's messages"

finish
