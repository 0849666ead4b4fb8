# match.sh: `itpnav match`: the verdict on each pathway for a person's answers (spec/cli.md
# "Answers" and "Output of match"; dataset.md "requires" and version 2's requires.complete).
#
# cli-match2.json (format version 2): Ontario (with the city Toronto) has
#   p-practice  "A practice-based route"  practice_years 3, practised_within_years 5, discipline
#                                         family-medicine; complete
#   p-exam      "B exam route"            exams mccqe1+nac+tdm, language_test; NOT complete;
#                                         a step without an address, a contact (website, phone)
#   p-full      "C full route"            status citizen|permanent-resident, exams mccqe1+nac,
#                                         postgrad_years 2, residence ontario (and a note);
#                                         complete; steps: the exams, then apply (with addresses)
#   p-none      "D no stated rules"       no requires
#   p-alt       "F alternative route"     goal alternative-career; language_test; complete
# Alberta has p-alberta "E Alberta route" (exams mccqe1; complete; an email contact) and p-note
# "G route with only a note" (states no requirements; an undated source, no steps, no contact).
# Canada has p-national "H national overview" (goal practice, exams mccqe1+nac and a note: not
# complete), the national picture of the provincial routes of its goal.
# The exams: mccqe1 "MCCQE Part I", nac, tdm "Therapeutics Decision-Making", mccqe2 "MCCQE Part
# II (discontinued)". cli-match.json is the same in format version 1, which has no "complete".
# The names sort in the opposite order to some verdicts, so a test can tell the two orders apart.
. "$(dirname "$0")/lib.sh"

M="$FIXTURES/cli-match2.json"
V1="$FIXTURES/cli-match.json"
TAB=$'\t'
VERDICTS='^(fits|meets-stated|check|not-yet)$'

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

# expect_rank_order: verdicts run fits, meets-stated, check, then not-yet.
expect_rank_order() {
    check "verdicts in the order fits, meets-stated, check, not-yet" awk -F'\t' '
        { r = $2 == "fits" ? 0 : $2 == "meets-stated" ? 1 : $2 == "check" ? 2 : $2 == "not-yet" ? 3 : 9
          if (r == 9 || r < last) exit 1; last = r }' "$OUT_FILE"
}

# by_id EXPR: a Python expression on the json result of one pathway, as o["ID"].
J='{o["id"]: o for o in d}'

case_begin "complete rules, every one met: fits"
run "$ITPNAV" match --data "$M" --format tsv --region toronto --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3
expect_status 0
expect_stderr_empty
expect_verdict p-full fits
check "fits comes first" bash -c '[ "$(head -n 1 "$0" | cut -f1,2)" = "p-full${1}fits" ]' "$OUT_FILE" "$TAB"
expect_rank_order
expect_stdout_has "p-full${TAB}fits${TAB}C full route"

case_begin "tsv: every line is id<TAB>verdict<TAB>name"
check "three fields, a known verdict" \
    awk -F'\t' -v re="$VERDICTS" 'NF != 3 || $2 !~ re || $3 == "" { exit 1 }' "$OUT_FILE"

case_begin "rules on record all met but not the whole eligibility: meets-stated, never fits"
run "$ITPNAV" match --data "$M" --format tsv --region toronto --exam mccqe1 --exam nac \
    --exam tdm --language-test yes
expect_status 0
expect_verdict p-exam meets-stated
run "$ITPNAV" match --data "$M" --format json --region toronto --exam mccqe1 --exam nac \
    --exam tdm --language-test yes
expect_json "$J[\"p-exam\"][\"verdict\"] == \"meets-stated\""
expect_json "$J[\"p-exam\"][\"rules\"] == 2 and $J[\"p-exam\"][\"complete\"] is False"
expect_json "sorted($J[\"p-exam\"][\"met\"]) == [\"exams\", \"language_test\"]"
expect_json "$J[\"p-exam\"][\"why\"].startswith(\"Meets the 2 rules on record (\")"
run "$ITPNAV" match --data "$M" --format text --region toronto --goal practice --exam mccqe1 \
    --exam nac --exam tdm --language-test yes
expect_stdout_matches "^Verdict: meets the 2 rules on record \(a pass in MCCQE Part I, NAC examination and"
expect_stdout_lacks "Verdict: fits"

case_begin "json: rules, complete, met, unmet and unknown name the requirement keys"
run "$ITPNAV" match --data "$M" --format json --region toronto --status citizen \
    --exam mccqe1 --postgrad-years 3
expect_status 0
expect_json 'isinstance(d, list) and all({"id", "name", "verdict", "rules", "complete", "met", "unmet", "unknown"} <= set(o) for o in d)'
expect_json "$J[\"p-full\"][\"verdict\"] == \"not-yet\""
expect_json "$J[\"p-full\"][\"rules\"] == 4 and $J[\"p-full\"][\"complete\"] is True"
expect_json "\"exams\" in $J[\"p-full\"][\"unmet\"]"
expect_json "sorted($J[\"p-full\"][\"met\"]) == [\"postgrad_years\", \"residence\", \"status\"]"
expect_json "$J[\"p-full\"][\"unknown\"] == []"
expect_json "$J[\"p-none\"][\"rules\"] == 0 and $J[\"p-none\"][\"complete\"] is False"
expect_json 'all(o["verdict"] in ("fits", "meets-stated", "check", "not-yet") for o in d)'

case_begin "unanswered questions: check, with unknown naming the requirement keys"
run "$ITPNAV" match --data "$M" --format json --region ontario
expect_status 0
expect_json "$J[\"p-full\"][\"verdict\"] == \"check\""
expect_json "$J[\"p-full\"][\"unmet\"] == []"
expect_json "set($J[\"p-full\"][\"unknown\"]) == {\"status\", \"exams\", \"postgrad_years\"}"
expect_json "set($J[\"p-practice\"][\"unknown\"]) == {\"practice_years\", \"practised_within_years\", \"discipline\"}"
expect_json "set($J[\"p-exam\"][\"unknown\"]) == {\"exams\", \"language_test\"}"
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
expect_json "$J[\"p-none\"][\"verdict\"] == \"check\""
expect_json "$J[\"p-none\"][\"unmet\"] == [] and $J[\"p-none\"][\"met\"] == []"

case_begin "a pathway whose requires holds only a note states no requirements: check"
run "$ITPNAV" match --data "$M" --format tsv --region alberta --exam mccqe1
expect_status 0
expect_ids "p-alberta p-note p-national"
expect_verdict p-alberta fits
expect_verdict p-note check
run "$ITPNAV" match --data "$M" --format json --region alberta --exam mccqe1
expect_json "$J[\"p-note\"][\"met\"] == [] and $J[\"p-note\"][\"unmet\"] == [] and $J[\"p-note\"][\"rules\"] == 0"
expect_json "$J[\"p-note\"][\"why\"] == \"Check: no rules on record that your answers can be compared with; it says: Ask the college for its current rules.\""

case_begin "a version 1 dataset never yields fits (it has no requires.complete)"
# The version 1 file, its rules said to be complete anyway (a key version 1 does not know).
python3 - "$V1" "$TEST_TMP/v1-complete.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["itpnav"] == 1
for p in d["pathways"]:
    if "requires" in p:
        p["requires"]["complete"] = True
json.dump(d, open(sys.argv[2], "w"))
PY
V1C="$TEST_TMP/v1-complete.json"
run "$ITPNAV" match --data "$V1C" --format tsv --region toronto --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3
expect_status 0
expect_verdict p-full meets-stated
expect_stdout_lacks "${TAB}fits${TAB}"
for answers in "--region alberta --exam mccqe1" "--region ontario --language-test yes" \
    "--region ontario --practice-years 3 --last-practised 5 --discipline family-medicine"; do
    # shellcheck disable=SC2086
    run "$ITPNAV" match --data "$V1C" --format tsv $answers
    expect_status 0
    expect_stdout_lacks "${TAB}fits${TAB}"
    expect_stdout_has "${TAB}meets-stated${TAB}"
done
run "$ITPNAV" match --data "$V1C" --format json --region alberta --exam mccqe1
expect_json "all(o[\"complete\"] is False for o in d)"

case_begin "out of region: another province's pathways do not appear"
run "$ITPNAV" match --data "$M" --format tsv --region alberta
expect_status 0
expect_id_set "p-alberta p-note p-national"
run "$ITPNAV" match --data "$M" --format tsv --region toronto
expect_status 0
expect_id_set "p-practice p-exam p-full p-none p-alt p-national"
expect_lacks_ids "p-alberta"

case_begin "--region by name, ignoring case, as for list"
run "$ITPNAV" match --data "$M" --format tsv --region toronto --exam none
cp "$OUT_FILE" "$TEST_TMP/by-id"
run "$ITPNAV" match --data "$M" --format tsv --region TORONTO --exam none
expect_status 0
expect_stdout_equals "$TEST_TMP/by-id"

case_begin "text: the results under a heading a verdict, with how many, in the verdicts' order"
run "$ITPNAV" match --data "$M" --format text --region toronto --status citizen --exam mccqe1 \
    --postgrad-years 3
expect_status 0
expect_stdout_matches "^Not yet: something is missing \([0-9]+\)$"
python3 - "$OUT_FILE" <<'PY' || fail "the headings are not in the verdicts' order, or miscount"
import re, sys
order = ["Fits:", "Meets the rules on record:", "Check:", "Not yet:"]
seen, count = [], {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^(Fits|Meets the rules on record|Check|Not yet): .* \((\d+)\)$", line)
    if m:
        seen.append(m.group(1) + ":")
        count[seen[-1]] = [int(m.group(2)), 0]
    elif line.startswith("Verdict: ") and seen:
        count[seen[-1]][1] += 1
assert len(seen) >= 2, seen
assert seen == sorted(seen, key=order.index), seen
assert all(said == verdicts for said, verdicts in count.values()), count
PY

case_begin "no pathway for the answers: nothing (tsv or text) or [] (json), exit 0"
run "$ITPNAV" match --data "$M" --format tsv --region alberta --goal alternative-career
expect_status 0
expect_stdout_empty
run "$ITPNAV" match --data "$M" --format text --region alberta --goal alternative-career
expect_status 0
expect_stdout_empty
run "$ITPNAV" match --data "$M" --format json --region alberta --goal alternative-career
expect_status 0
expect_json 'd == []'

case_begin "no region given: every pathway"
run "$ITPNAV" match --data "$M" --format tsv
expect_status 0
expect_id_set "p-practice p-exam p-full p-none p-alt p-alberta p-note p-national"
# Residence cannot be judged without a region: unknown, not unmet.
run "$ITPNAV" match --data "$M" --format json --status citizen --exam mccqe1 --exam nac --postgrad-years 3
expect_json "$J[\"p-full\"][\"verdict\"] == \"check\""
expect_json "$J[\"p-full\"][\"unknown\"] == [\"residence\"]"

case_begin "--goal: only pathways that lead to one of the goals"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --goal alternative-career
expect_status 0
expect_ids "p-alt"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --goal alternative-career --goal practice
expect_status 0
expect_id_set "p-practice p-exam p-full p-none p-alt p-national"

case_begin "order: fits, meets-stated, check, then not-yet with the fewest unmet first"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3 --language-test yes \
    --discipline specialty --practice-years 1 --last-practised 2
expect_status 0
expect_rank_order
# p-full and p-alt fit (in either order); p-national meets its rules on record; p-none is check;
# p-exam has 1 unmet (exams), p-practice 2 (practice_years, discipline) though its name sorts first.
check "lines 1-2 are the two fits" bash -c '[ "$(head -n 2 "$0" | cut -f1 | sort | tr "\n" " ")" = "p-alt p-full " ]' "$OUT_FILE"
check "line 3 is p-national (meets-stated)" bash -c '[ "$(sed -n 3p "$0" | cut -f1,2)" = "p-national${1}meets-stated" ]' "$OUT_FILE" "$TAB"
check "line 4 is p-none (check)" bash -c '[ "$(sed -n 4p "$0" | cut -f1,2)" = "p-none${1}check" ]' "$OUT_FILE" "$TAB"
check "line 5 is p-exam (not-yet, 1 unmet)" bash -c '[ "$(sed -n 5p "$0" | cut -f1,2)" = "p-exam${1}not-yet" ]' "$OUT_FILE" "$TAB"
check "line 6 is p-practice (not-yet, 2 unmet)" bash -c '[ "$(sed -n 6p "$0" | cut -f1,2)" = "p-practice${1}not-yet" ]' "$OUT_FILE" "$TAB"
expect_stdout_lines 6
run "$ITPNAV" match --data "$M" --format json --region ontario --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3 --language-test yes \
    --discipline specialty --practice-years 1 --last-practised 2
expect_json "sorted($J[\"p-practice\"][\"unmet\"]) == [\"discipline\", \"practice_years\"]"
expect_json "$J[\"p-practice\"][\"met\"] == [\"practised_within_years\"]"
expect_json "$J[\"p-exam\"][\"unmet\"] == [\"exams\"]"
expect_json '[o["id"] for o in d][2:] == ["p-national", "p-none", "p-exam", "p-practice"]'

case_begin "--exam none: no exam passed, so exams are unmet, not unknown"
run "$ITPNAV" match --data "$M" --format json --region ontario --exam none
expect_status 0
expect_json "\"exams\" in $J[\"p-full\"][\"unmet\"]"
expect_json "\"exams\" not in $J[\"p-full\"][\"unknown\"]"
expect_json "\"exams\" in $J[\"p-exam\"][\"unmet\"]"
expect_json "$J[\"p-exam\"][\"verdict\"] == \"not-yet\""
run "$ITPNAV" match --data "$M" --format tsv --region alberta --exam none
expect_verdict p-alberta not-yet

case_begin "--exam by the names people know: id, name, an unambiguous start; case and accents ignored"
run "$ITPNAV" match --data "$M" --format tsv --region alberta --exam mccqe1
cp "$OUT_FILE" "$TEST_TMP/by-id"
for name in "MCCQE Part I" "mccqe part i" "MCCQE1" "  Mccqe   part I " "Mccqe Part I "; do
    run "$ITPNAV" match --data "$M" --format tsv --region alberta --exam "$name"
    expect_status 0
    expect_stdout_equals "$TEST_TMP/by-id"
done
run "$ITPNAV" match --data "$M" --format json --region toronto --exam "nac examination" \
    --exam Therapeutics --exam "MCCQE Part I"
expect_status 0
expect_json "$J[\"p-exam\"][\"met\"] == [\"exams\"] or \"exams\" in $J[\"p-exam\"][\"met\"]"

case_begin "--last-practised: years ago, or the year itself"
this_year=$(date +%Y)
run "$ITPNAV" match --data "$M" --format json --region ontario --practice-years 3 \
    --last-practised "$((this_year - 5))" --discipline family-medicine
expect_status 0
expect_json "$J[\"p-practice\"][\"verdict\"] == \"fits\""
run "$ITPNAV" match --data "$M" --format json --region ontario --practice-years 3 \
    --last-practised "$((this_year - 6))" --discipline family-medicine
expect_json "$J[\"p-practice\"][\"verdict\"] == \"not-yet\" and $J[\"p-practice\"][\"unmet\"] == [\"practised_within_years\"]"
run "$ITPNAV" match --data "$M" --format tsv --last-practised "$((this_year + 1))"
expect_status 64
expect_stderr_has "a year (like 2023)"

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
# The file is version 1: all rules met is meets-stated.
run "$ITPNAV" match --data "$RES" --format tsv --region toronto
expect_status 0
expect_verdict p-res meets-stated
expect_verdict p-res-city meets-stated
run "$ITPNAV" match --data "$RES" --format tsv --region ontario
expect_verdict p-res meets-stated
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
expect_json "$J[\"p-full\"][\"verdict\"] == \"not-yet\""
expect_json "$J[\"p-full\"][\"unmet\"] == [\"status\"]"

case_begin "language test: yes meets it, no leaves it unmet"
run "$ITPNAV" match --data "$M" --format tsv --region ontario --language-test yes
expect_verdict p-alt fits
run "$ITPNAV" match --data "$M" --format tsv --region ontario --language-test no
expect_verdict p-alt not-yet

case_begin "the next step: an action with its place, never a rule restated"
run "$ITPNAV" match --data "$M" --format json --region toronto --status citizen --exam none
expect_status 0
# The first step, with its address.
expect_json "$J[\"p-full\"][\"next_step\"] == \"Pass the MCCQE Part I and take the NAC examination: https://example.org/exams\""
expect_json "$J[\"p-full\"][\"next_url\"] == \"https://example.org/exams\""
# A step without an address comes with the pathway's contact.
expect_json "$J[\"p-exam\"][\"next_step\"] == \"Book the three exams; ask the program office: https://example.org/b-route (555-0199)\""
# No step: the contact.
run "$ITPNAV" match --data "$M" --format json --region alberta
expect_json "$J[\"p-alberta\"][\"next_step\"] == \"Ask the program office: alberta@example.org\""
# No step, no contact: where the facts come from.
expect_json "$J[\"p-note\"][\"next_step\"] == \"See An undated page: https://example.org/undated\""
run "$ITPNAV" match --data "$M" --format json
expect_json 'all(o.get("next_step") for o in d)'
expect_json 'all(("https://" in o["next_step"]) or ("@" in o["next_step"]) for o in d)'

case_begin "the next step skips what the answers show done: the exams passed"
run "$ITPNAV" match --data "$M" --format json --region toronto --exam mccqe1 --exam nac
expect_json "$J[\"p-full\"][\"next_step\"] == \"Apply to the program: https://example.org/apply\""
# One exam of the two: the exam step is still to do.
run "$ITPNAV" match --data "$M" --format json --region toronto --exam mccqe1
expect_json "$J[\"p-full\"][\"next_step\"].startswith(\"Pass the MCCQE Part I\")"

case_begin "a national overview is context for the route where the person lives, not a rival"
run "$ITPNAV" match --data "$M" --format json --region alberta --exam mccqe1
expect_json "$J[\"p-national\"][\"context_for\"] == \"p-alberta\""
expect_json "\"context_for\" not in $J[\"p-alberta\"]"
# tsv keeps every verdict line: the overview says its own (here not yet: it names NAC too).
run "$ITPNAV" match --data "$M" --format tsv --region alberta --exam mccqe1
expect_verdict p-national not-yet
# The text shows the route first, then the overview as context, with no verdict of its own.
run "$ITPNAV" match --data "$M" --format text --region alberta --exam mccqe1
expect_status 0
check "E Alberta route comes before H national overview" \
    awk '/^E Alberta route/ { e = NR } /^H national overview/ { h = NR } END { exit !(e && h && e < h) }' "$OUT_FILE"
awk '/^H national overview/ { on = 1 } on && /^G route/ { on = 0 } on' "$OUT_FILE" >"$TEST_TMP/context"
check "the overview says it is context for the Alberta route" \
    grep -q "^Across Canada: shown for context beside E Alberta route, above" "$TEST_TMP/context"
check "the overview has no verdict of its own" bash -c '! grep -q "^Verdict:" "$0"' "$TEST_TMP/context"
# With no route of its goal where the person lives (no region: every province's routes), still
# context; with only national routes of the goal, judged on its own.
run "$ITPNAV" match --data "$M" --format json --goal practice
expect_json "\"context_for\" in $J[\"p-national\"]"

case_begin "--format text: readable, names each pathway, its verdict in words and next step"
run "$ITPNAV" match --data "$M" --format text --region ontario --status citizen \
    --exam mccqe1 --exam nac --postgrad-years 3
expect_status 0
expect_stdout_has "C full route (p-full)"
expect_stdout_has "D no stated rules (p-none)"
expect_stdout_has "Verdict: fits: you meet every rule the program publishes"
expect_stdout_has "Next step: Apply to the program:"
expect_stdout_matches "^    https://example.org/apply$"

case_begin "show: a pathway's rules on record, stated, with where they come from"
run "$ITPNAV" show --data "$M" --format text p-full
expect_status 0
expect_stdout_has "Rules on record"
expect_stdout_has "These rules are the program's whole published eligibility."
expect_stdout_has "  - Open to: Canadian citizen or permanent resident."
expect_stdout_has "  - Needs a pass in all of: MCCQE Part I and NAC examination."
expect_stdout_has "  - You must live in Ontario."
expect_stdout_has "The program also asks: Places are few."
expect_stdout_has "Rules from: A source, as of 2021-09"
check "the rules come before the steps" \
    awk '/^Rules on record/ { r = NR } /^Steps/ { s = NR } END { exit !(r && s && r < s) }' "$OUT_FILE"
run "$ITPNAV" show --data "$M" --format text p-exam
expect_stdout_has "2 rules on record; not the program's whole eligibility."
run "$ITPNAV" show --data "$M" --format text p-note
expect_stdout_has $'Rules on record\nNone that answers can be compared with: ask the program what it asks.'
expect_stdout_has "It says: Ask the college for its current rules."
# No rule on record: where it comes from is the Source part's, said once.
expect_stdout_lacks "Rules from"
expect_stdout_has "Seen: 2026-11-21 (the page is undated)"
run "$ITPNAV" show --data "$M" --format text on-help
expect_status 0
expect_stdout_lacks "Rules on record"

case_begin "bad answers are usage errors (64), naming the value"
run "$ITPNAV" match --data "$M" --exam nack
expect_status 64
expect_stderr_has "unknown exam 'nack'"
expect_stderr_matches "did you mean 'NAC examination \(nac\)'?"
# The start of two exams' names: which ones, not a guess.
run "$ITPNAV" match --data "$M" --exam mccqe
expect_status 64
expect_stderr_has "exam 'mccqe' could be MCCQE Part I (mccqe1) or MCCQE Part II (mccqe2)"
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
