# builddb.sh: `itpnav build-db --out DB [--data FILE]` and `--db DB` (read-only) (spec/cli.md).
. "$(dirname "$0")/lib.sh"

DEEP="$FIXTURES/cli-deep.json"
M="$FIXTURES/cli-match.json"
OUTDIR="$TEST_TMP/out"
mkdir -p "$OUTDIR"
DB="$OUTDIR/bundled.db"

sha() { sha256sum "$1" | cut -d' ' -f1; }

case_begin "build-db --out DB writes a database, exit 0"
run "$ITPNAV" build-db --out "$DB"
expect_status 0
expect_stdout_empty
check "the database exists and is not empty" test -s "$DB"
check "it is an SQLite database" bash -c 'head -c 16 "$0" | grep -q "SQLite format 3"' "$DB"
check "no temporary file is left beside it" bash -c '[ "$(ls -A "$0")" = "bundled.db" ]' "$OUTDIR"

case_begin "list --db DB gives the same tsv as list on the dataset"
run "$ITPNAV" list --format tsv
expect_status 0
cp "$OUT_FILE" "$TEST_TMP/list-dataset"
run "$ITPNAV" list --db "$DB" --format tsv
expect_status 0
expect_stderr_empty
expect_stdout_equals "$TEST_TMP/list-dataset"

case_begin "list --db DB with filters gives the same as on the dataset"
for args in "--region niagara-region" "--region QUÉBEC" "--goal pra --kind pathway" "--search carms" \
            "--service mentorship --delivery online" "--region ontario --limit 3"; do
    # shellcheck disable=SC2086
    run "$ITPNAV" list $args --format tsv
    cp "$OUT_FILE" "$TEST_TMP/want"
    # shellcheck disable=SC2086
    run "$ITPNAV" list --db "$DB" $args --format tsv
    expect_status 0
    expect_stdout_equals "$TEST_TMP/want"
done

case_begin "build-db --data FILE: show and match through --db agree with --data"
FDB="$OUTDIR/deep.db"
run "$ITPNAV" build-db --data "$DEEP" --out "$FDB"
expect_status 0
run "$ITPNAV" list --data "$DEEP" --region mtl --format json
cp "$OUT_FILE" "$TEST_TMP/want"
run "$ITPNAV" list --db "$FDB" --region mtl --format json
expect_status 0
expect_stdout_equals "$TEST_TMP/want"
run "$ITPNAV" show --data "$DEEP" --format json qc-pra
cp "$OUT_FILE" "$TEST_TMP/want"
run "$ITPNAV" show --db "$FDB" --format json qc-pra
expect_status 0
expect_stdout_equals "$TEST_TMP/want"
MDB="$OUTDIR/match.db"
run "$ITPNAV" build-db --data "$M" --out "$MDB"
expect_status 0
run "$ITPNAV" match --data "$M" --region ontario --exam none --format json
cp "$OUT_FILE" "$TEST_TMP/want"
run "$ITPNAV" match --db "$MDB" --region ontario --exam none --format json
expect_status 0
expect_stdout_equals "$TEST_TMP/want"

case_begin "the database is opened read-only: chmod 444 and a read-only directory still work"
chmod 444 "$DB"
chmod 555 "$OUTDIR"
before=$(sha "$DB")
ls -lA --time-style=full-iso "$OUTDIR" >"$TEST_TMP/dir-before"
run "$ITPNAV" list --db "$DB" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/list-dataset"
run "$ITPNAV" list --db "$DB" --region ontario --search mentor --format json
expect_status 0
run "$ITPNAV" show --db "$DB" --format text pra
expect_status 0
run "$ITPNAV" match --db "$DB" --format tsv
expect_status 0
check "the database is unchanged (sha256)" test "$before" = "$(sha "$DB")"
ls -lA --time-style=full-iso "$OUTDIR" >"$TEST_TMP/dir-after"
expect_files_equal "$TEST_TMP/dir-before" "$TEST_TMP/dir-after"
chmod 755 "$OUTDIR"

case_begin "list --db must not modify the database, even when writable"
chmod 644 "$FDB"
before=$(sha "$FDB")
mtime=$(stat -c %Y.%y "$FDB")
run "$ITPNAV" list --db "$FDB" --format tsv
expect_status 0
run "$ITPNAV" list --db "$FDB" --search montreal --region quebec --format tsv
expect_status 0
check "the database is unchanged (sha256)" test "$before" = "$(sha "$FDB")"
check "its mtime is unchanged" test "$mtime" = "$(stat -c %Y.%y "$FDB")"
check "no journal or WAL file appeared" bash -c '! ls "$0"-* 2>/dev/null | grep -q .' "$FDB"

case_begin "--db does not write the cache"
ls -lAR --time-style=full-iso "$XDG_CACHE_HOME" >"$TEST_TMP/cache-before"
run "$ITPNAV" list --db "$FDB" --format tsv
expect_status 0
run "$ITPNAV" show --db "$FDB" mtl-exam
expect_status 0
ls -lAR --time-style=full-iso "$XDG_CACHE_HOME" >"$TEST_TMP/cache-after"
expect_files_equal "$TEST_TMP/cache-before" "$TEST_TMP/cache-after"

case_begin "--db on a file that is not a database: 65"
run "$ITPNAV" list --db "$DEEP"
expect_status 65
expect_stdout_empty
expect_stderr_has "cli-deep.json"
printf 'not a database at all\n' >"$TEST_TMP/text.db"
run "$ITPNAV" list --db "$TEST_TMP/text.db"
expect_status 65
: >"$TEST_TMP/empty.db"
run "$ITPNAV" list --db "$TEST_TMP/empty.db"
expect_status 65
check "--db did not write into the empty file" test ! -s "$TEST_TMP/empty.db"
run "$ITPNAV" show --db "$TEST_TMP/text.db" pra
expect_status 65
run "$ITPNAV" match --db "$TEST_TMP/text.db"
expect_status 65

case_begin "--db on a missing file: 66"
run "$ITPNAV" list --db "$TEST_TMP/no-such.db"
expect_status 66
expect_stderr_has "no-such.db"
check "--db did not create the missing file" test ! -e "$TEST_TMP/no-such.db"
run "$ITPNAV" list --db "$TEST_TMP"
expect_status 66

case_begin "build-db with a broken --data: 65 and no output file left behind"
BAD_OUT="$TEST_TMP/badout"
mkdir -p "$BAD_OUT"
run "$ITPNAV" build-db --data "$FIXTURES/cli-broken.json" --out "$BAD_OUT/x.db"
expect_status 65
expect_stderr_has "cli-broken.json"
check "the output directory is still empty" bash -c '[ -z "$(ls -A "$0")" ]' "$BAD_OUT"
run "$ITPNAV" build-db --data "$FIXTURES/cli-bad-syntax.json" --out "$BAD_OUT/x.db"
expect_status 65
check "the output directory is still empty" bash -c '[ -z "$(ls -A "$0")" ]' "$BAD_OUT"
run "$ITPNAV" build-db --data "$TEST_TMP/missing.json" --out "$BAD_OUT/x.db"
expect_status 66
check "the output directory is still empty" bash -c '[ -z "$(ls -A "$0")" ]' "$BAD_OUT"

case_begin "build-db with a broken --data leaves an existing database as it was"
cp "$FDB" "$BAD_OUT/keep.db"
before=$(sha "$BAD_OUT/keep.db")
run "$ITPNAV" build-db --data "$FIXTURES/cli-broken.json" --out "$BAD_OUT/keep.db"
expect_status 65
check "the existing database is unchanged" test "$before" = "$(sha "$BAD_OUT/keep.db")"
check "nothing else was left" bash -c '[ "$(ls -A "$0")" = "keep.db" ]' "$BAD_OUT"

case_begin "build-db over an existing database replaces it"
run "$ITPNAV" build-db --data "$M" --out "$BAD_OUT/keep.db"
expect_status 0
run "$ITPNAV" list --db "$BAD_OUT/keep.db" --kind pathway --format tsv
expect_status 0
expect_id_set "p-practice p-exam p-full p-none p-alt p-alberta p-note"

case_begin "build-db where the database cannot be written: 74 (itpnav(1))"
run "$ITPNAV" build-db --data "$DEEP" --out "$TEST_TMP/no-such-dir/x.db"
expect_status 74
expect_stderr_has "x.db"
check "nothing was created" test ! -e "$TEST_TMP/no-such-dir"

case_begin "build-db --out file:x.db: a file named file:x.db, never an SQLite URI (the rest: fault/hostile-paths)"
URI_DIR="$TEST_TMP/uri"
mkdir -p "$URI_DIR"
run_in "$URI_DIR" "$ITPNAV" build-db --data "$DEEP" --out file:x.db
expect_status 0
check "only file:x.db was written" bash -c '[ "$(ls -A "$0")" = "file:x.db" ]' "$URI_DIR"
run_in "$URI_DIR" "$ITPNAV" list --db file:x.db --format tsv --limit 1
expect_status 0
expect_stdout_lines 1

case_begin "--data and --db together: 64"
run "$ITPNAV" list --data "$DEEP" --db "$FDB"
expect_status 64
expect_stdout_empty
run "$ITPNAV" show --data "$DEEP" --db "$FDB" qc-pra
expect_status 64
run "$ITPNAV" match --db "$FDB" --data "$DEEP"
expect_status 64

case_begin "build-db usage: --out is required; --db and filters do not apply"
run "$ITPNAV" build-db
expect_status 64
run "$ITPNAV" build-db --out
expect_status 64
run "$ITPNAV" build-db --out "$TEST_TMP/z.db" --db "$FDB"
expect_status 64
run "$ITPNAV" build-db --out "$TEST_TMP/z.db" --region ontario
expect_status 64
run "$ITPNAV" build-db --out "$TEST_TMP/z.db" stray
expect_status 64
check "no database was written by a refused command" test ! -e "$TEST_TMP/z.db"

finish
