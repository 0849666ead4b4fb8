# match.sh: `itpnav match` — the verdict on each pathway for a person's answers (spec/cli.md
# "Answers" and "Output of match"; dataset.md "requires").
#
# cli-match.json: Ontario (with the city Toronto) has
#   p-practice  "A practice-based route"  practice_years 3, practised_within_years 5, discipline family-medicine
#   p-exam      "B exam route"            exams mccqe1+nac+tdm, language_test
#   p-full      "C full route"            status citizen|permanent-resident, exams mccqe1+nac,
#                                         postgrad_years 2, residence ontario (and a note)
#   p-none      "D no stated rules"       no requires
#   p-alt       "F alternative route"     goal alternative-career; language_test
# and Alberta has p-alberta "E Alberta route" (exams mccqe1) and p-note "G route with only a note"
# (requires holds only a note: it states no requirements).
# The names sort in the opposite order to some verdicts, so a test can tell the two orders apart.
. "$(dirname "$0")/lib.sh"

M="$FIXTURES/cli-match.json"
TAB=$'\t'

# verdict_of ID: the verdict column of the last tsv run for ID.
verdict_of() {
    awk -F'\t' -v id="$1" '$1 == id { print $2 }' "$OUT_FILE"
}

# expect_verdict ID VERDICT
expect_verdict() {
    local v
    v=$(verdict_of "$1")
    [ "$v" = "$2" ] || fail "verdict of $1: expected '$2', got '$v'"
}

# expect_rank_order: verdicts run fits, then check, then not-yet.
expect_rank_order() {
    check "verdicts in the order fits, check, not-yet" awk -F'\t' '
        { r = $2 == "fits" ? 0 : $2 == "check" ? 1 : $2 == "not-yet" ? 2 : 9
          if (r == 9 || r < last) exit 1; last = r }' "$OUT_FILE"
}

case_begin "a profile meeting every stated requirement: fits"
run "$ITPNAV" match --data "$M" --format tsv --region toronto --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3
expect_status 0
expect_stderr_empty
expect_verdict p-full fits
check "fits comes first" bash -c '[ "$(head -n 1 "$0" | cut -f1,2)" = "p-full${1}fits" ]' "$OUT_FILE" "$TAB"
expect_rank_order
expect_stdout_has "p-full${TAB}fits${TAB}C full route"

case_begin "within a verdict, the order of list (most specific region, then name)"
# All five are Ontario's: by name, p-practice "A…", p-none "D…", p-alt "F…".
expect_ids "p-full p-practice p-none p-alt p-exam"

case_begin "tsv: every line is id<TAB>verdict<TAB>name"
check "three fields, a known verdict" \
    awk -F'\t' 'NF != 3 || $2 !~ /^(fits|check|not-yet)$/ || $3 == "" { exit 1 }' "$OUT_FILE"

case_begin "missing an exam: not-yet, and json unmet names exams"
run "$ITPNAV" match --data "$M" --format tsv --region toronto --status citizen \
    --exam mccqe1 --postgrad-years 3
expect_status 0
expect_verdict p-full not-yet
run "$ITPNAV" match --data "$M" --format json --region toronto --status citizen \
    --exam mccqe1 --postgrad-years 3
expect_status 0
expect_json 'isinstance(d, list) and all({"id", "name", "verdict", "met", "unmet", "unknown"} <= set(o) for o in d)'
expect_json '{o["id"]: o for o in d}["p-full"]["verdict"] == "not-yet"'
expect_json '"exams" in {o["id"]: o for o in d}["p-full"]["unmet"]'
expect_json 'sorted({o["id"]: o for o in d}["p-full"]["met"]) == ["postgrad_years", "residence", "status"]'
expect_json '{o["id"]: o for o in d}["p-full"]["unknown"] == []'

case_begin "unanswered questions: check, with unknown naming the requirement keys"
run "$ITPNAV" match --data "$M" --format json --region ontario
expect_status 0
expect_json '{o["id"]: o for o in d}["p-full"]["verdict"] == "check"'
expect_json '{o["id"]: o for o in d}["p-full"]["unmet"] == []'
expect_json 'set({o["id"]: o for o in d}["p-full"]["unknown"]) == {"status", "exams", "postgrad_years"}'
expect_json 'set({o["id"]: o for o in d}["p-practice"]["unknown"]) == {"practice_years", "practised_within_years", "discipline"}'
expect_json 'set({o["id"]: o for o in d}["p-exam"]["unknown"]) == {"exams", "language_test"}'
expect_json 'all(o["verdict"] == "check" for o in d)'

case_begin "the pathway without requires is always check"
for answers in "" "--status citizen" "--exam none" \
    "--status refugee --exam mccqe1 --exam nac --exam tdm --postgrad-years 9 --practice-years 9 --last-practised 0 --discipline specialty --language-test yes" \
    "--status work-permit --exam none --postgrad-years 0 --practice-years 0 --last-practised 40 --discipline family-medicine --language-test no"; do
    # shellcheck disable=SC2086
    run "$ITPNAV" match --data "$M" --format tsv --region ontario $answers
    expect_status 0
    expect_verdict p-none check
done
run "$ITPNAV" match --data "$M" --format json --region ontario --status citizen
expect_json '{o["id"]: o for o in d}["p-none"]["verdict"] == "check"'
expect_json '{o["id"]: o for o in d}["p-none"]["unmet"] == [] and {o["id"]: o for o in d}["p-none"]["met"] == []'

case_begin "a pathway whose requires holds only a note states no requirements: check"
run "$ITPNAV" match --data "$M" --format tsv --region alberta --exam mccqe1
expect_status 0
expect_ids "p-alberta p-note"
expect_verdict p-alberta fits
expect_verdict p-note check
run "$ITPNAV" match --data "$M" --format json --region alberta --exam mccqe1
expect_json '{o["id"]: o for o in d}["p-note"]["met"] == [] and {o["id"]: o for o in d}["p-note"]["unmet"] == []'

case_begin "out of region: another province's pathways do not appear"
run "$ITPNAV" match --data "$M" --format tsv --region alberta
expect_status 0
expect_id_set "p-alberta p-note"
run "$ITPNAV" match --data "$M" --format tsv --region toronto
expect_status 0
expect_id_set "p-practice p-exam p-full p-none p-alt"
expect_lacks_ids "p-alberta"

case_begin "--region by name, ignoring case, as for list"
run "$ITPNAV" match --data "$M" --format tsv --region toronto --exam none
cp "$OUT_FILE" "$TEST_TMP/by-id"
run "$ITPNAV" match --data "$M" --format tsv --region TORONTO --exam none
expect_status 0
expect_stdout_equals "$TEST_TMP/by-id"

case_begin "no pathway for the answers: nothing (tsv) or [] (json), exit 0"
run "$ITPNAV" match --data "$M" --format tsv --region alberta --goal alternative-career
expect_status 0
expect_stdout_empty
run "$ITPNAV" match --data "$M" --format json --region alberta --goal alternative-career
expect_status 0
expect_json 'd == []'

case_begin "no region given: every pathway"
run "$ITPNAV" match --data "$M" --format tsv
expect_status 0
expect_id_set "p-practice p-exam p-full p-none p-alt p-alberta p-note"
# Residence cannot be judged without a region: unknown, not unmet.
run "$ITPNAV" match --data "$M" --format json --status citizen --exam mccqe1 --exam nac --postgrad-years 3
expect_json '{o["id"]: o for o in d}["p-full"]["verdict"] == "check"'
expect_json '{o["id"]: o for o in d}["p-full"]["unknown"] == ["residence"]'

case_begin "--goal: only pathways that lead to one of the goals"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --goal alternative-career
expect_status 0
expect_ids "p-alt"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --goal alternative-career --goal practice
expect_status 0
expect_id_set "p-practice p-exam p-full p-none p-alt"

case_begin "order: fits, then check, then not-yet with the fewest unmet first"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3 --language-test yes \
    --discipline specialty --practice-years 1 --last-practised 2
expect_status 0
expect_rank_order
# p-full and p-alt fit (in either order); p-none is check; p-exam has 1 unmet (exams),
# p-practice 2 (practice_years, discipline) though its name sorts first.
check "lines 1-2 are the two fits" bash -c '[ "$(head -n 2 "$0" | cut -f1 | sort | tr "\n" " ")" = "p-alt p-full " ]' "$OUT_FILE"
check "line 3 is p-none (check)" bash -c '[ "$(sed -n 3p "$0" | cut -f1,2)" = "p-none${1}check" ]' "$OUT_FILE" "$TAB"
check "line 4 is p-exam (not-yet, 1 unmet)" bash -c '[ "$(sed -n 4p "$0" | cut -f1,2)" = "p-exam${1}not-yet" ]' "$OUT_FILE" "$TAB"
check "line 5 is p-practice (not-yet, 2 unmet)" bash -c '[ "$(sed -n 5p "$0" | cut -f1,2)" = "p-practice${1}not-yet" ]' "$OUT_FILE" "$TAB"
expect_stdout_lines 5
run "$ITPNAV" match --data "$M" --format json --region ontario --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3 --language-test yes \
    --discipline specialty --practice-years 1 --last-practised 2
expect_json 'sorted({o["id"]: o for o in d}["p-practice"]["unmet"]) == ["discipline", "practice_years"]'
expect_json '{o["id"]: o for o in d}["p-practice"]["met"] == ["practised_within_years"]'
expect_json '{o["id"]: o for o in d}["p-exam"]["unmet"] == ["exams"]'
expect_json '[o["id"] for o in d][2:] == ["p-none", "p-exam", "p-practice"]'

case_begin "--exam none: no exam passed, so exams are unmet, not unknown"
run "$ITPNAV" match --data "$M" --format json --region ontario --exam none
expect_status 0
expect_json '"exams" in {o["id"]: o for o in d}["p-full"]["unmet"]'
expect_json '"exams" not in {o["id"]: o for o in d}["p-full"]["unknown"]'
expect_json '"exams" in {o["id"]: o for o in d}["p-exam"]["unmet"]'
expect_json '{o["id"]: o for o in d}["p-exam"]["verdict"] == "not-yet"'
run "$ITPNAV" match --data "$M" --format tsv --region alberta --exam none
expect_verdict p-alberta not-yet

case_begin "thresholds: 'at least N years' and 'within N years' include N"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --status permanent-resident \
    --exam mccqe1 --exam nac --postgrad-years 2
expect_verdict p-full fits
run "$ITPNAV" match --data "$M" --format tsv --region ontario --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 1.5
expect_verdict p-full not-yet
run "$ITPNAV" match --data "$M" --format tsv --region ontario --practice-years 3 \
    --last-practised 5 --discipline family-medicine
expect_verdict p-practice fits
run "$ITPNAV" match --data "$M" --format tsv --region ontario --practice-years 3 \
    --last-practised 6 --discipline family-medicine
expect_verdict p-practice not-yet

case_begin "residence: met inside the place, unmet outside it, unknown for a place that contains it"
RES="$FIXTURES/cli-residence.json"
# p-res and p-res-city are open Canada-wide; they require living in Ontario / in Toronto.
run "$ITPNAV" match --data "$RES" --format tsv --region toronto
expect_status 0
expect_verdict p-res fits
expect_verdict p-res-city fits
run "$ITPNAV" match --data "$RES" --format tsv --region ontario
expect_verdict p-res fits
expect_verdict p-res-city check
run "$ITPNAV" match --data "$RES" --format json --region ontario
expect_json '{o["id"]: o for o in d}["p-res-city"]["unknown"] == ["residence"]'
run "$ITPNAV" match --data "$RES" --format tsv --region alberta
expect_verdict p-res not-yet
expect_verdict p-res-city not-yet
run "$ITPNAV" match --data "$RES" --format json --region alberta
expect_json '{o["id"]: o for o in d}["p-res"]["unmet"] == ["residence"]'
run "$ITPNAV" match --data "$RES" --format tsv --region canada
expect_verdict p-res check
expect_verdict p-res-city check
run "$ITPNAV" match --data "$RES" --format tsv
expect_verdict p-res check
expect_verdict p-res-city check

case_begin "a status not accepted: not-yet with status unmet"
run "$ITPNAV" match --data "$M" --format json --region ontario --status work-permit \
    --exam mccqe1 --exam nac --postgrad-years 3
expect_json '{o["id"]: o for o in d}["p-full"]["verdict"] == "not-yet"'
expect_json '{o["id"]: o for o in d}["p-full"]["unmet"] == ["status"]'

case_begin "language test: yes meets it, no leaves it unmet"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --language-test yes
expect_verdict p-alt fits
run "$ITPNAV" match --data "$M" --format tsv --region ontario --language-test no
expect_verdict p-alt not-yet

case_begin "--format text: readable, names each pathway"
run "$ITPNAV" match --data "$M" --format text --region ontario --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3
expect_status 0
expect_stdout_has "C full route"
expect_stdout_has "D no stated rules"

case_begin "bad answers are usage errors (64), naming the value"
run "$ITPNAV" match --data "$M" --exam mccqe
expect_status 64
expect_stderr_has "mccqe"
expect_stderr_matches "did you mean '?mccqe1'?"
run "$ITPNAV" match --data "$M" --region nowhere
expect_status 64
expect_stderr_has "nowhere"
run "$ITPNAV" match --data "$M" --goal practise
expect_status 64
expect_stderr_matches "did you mean '?practice'?"
run "$ITPNAV" match --data "$M" --status tourist
expect_status 64
expect_stderr_has "tourist"
run "$ITPNAV" match --data "$M" --discipline surgery
expect_status 64
run "$ITPNAV" match --data "$M" --language-test maybe
expect_status 64
for opt in --postgrad-years --practice-years --last-practised; do
    for bad in -1 abc ""; do
        run "$ITPNAV" match --data "$M" "$opt" "$bad"
        expect_status 64
    done
done
run "$ITPNAV" match --data "$M" --search x
expect_status 64
run "$ITPNAV" match --data "$M" stray
expect_status 64

finish
