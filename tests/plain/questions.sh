#!/usr/bin/env bash
# questions.sh: "What's my path?" in the line mode: the wizard's nine questions and choices, one at
# a time; skipping, changing, wrong answers asked again in place; the results ending in the same
# verdicts, in the same order, as `itpnav match --format tsv` on the same answers; the answers kept
# in the state file the screen reads.
. "$(dirname "$0")/lib.sh"

# tests/fixtures/tui-session.json (as tests/tui/wizard.sh): regions Canada > Ontario > Toronto,
# Canada > Alberta > Calgary; goals practice, residency, alternative-career; exams mccqe1, nac, tdm;
# five pathways.
D=(--data "$SESSION_DATA")

# verdicts: "NAME<TAB>VERDICT" for each pathway of the results in the transcript, in order, the
# section it is said under; "+NAME" for a pathway said as a route's context ("Across Canada:").
verdicts() {
    awk '/^Fits: you meet every rule/ { v = "fits"; next }
         /^Meets the rules on record: / { v = "meets-stated"; next }
         /^Check: nothing is unmet/ { v = "check"; next }
         /^Not yet: something is missing: / { v = "not-yet"; next }
         /^Supports for where you live/ { v = "" }
         name != "" { print (/^Across Canada: / ? "+" : "") name "\t" v; name = "" }
         v != "" && /^[0-9]+\. / {
             sub(/^[0-9]+\. /, ""); sub(/ \(saved on your shortlist\)$/, ""); name = $0 }' "$OUT_FILE"
}

# heading_of VERDICT: the words of a verdict's section.
heading_of() {
    case $1 in
    fits) echo "Fits: you meet every rule the program publishes" ;;
    meets-stated) echo "Meets the rules on record: the program asks more" ;;
    check) echo "Check: nothing is unmet, but something is not known" ;;
    *) echo "Not yet: something is missing" ;;
    esac
}

# agrees_with_match ARGS...: the last transcript's results are match's, pathway by pathway, in
# match's order by verdict, a national pathway right after the route it is context for, with the
# headings' counts.
agrees_with_match() {
    local json want got
    json=$("$ITPNAV" match "${D[@]}" --format json "$@") || {
        fail "itpnav match $* failed"
        return
    }
    want=$(python3 -c '
import json, sys
d = json.loads(sys.argv[1])
for v in ["fits", "meets-stated", "check", "not-yet"]:
    for o in d:
        if "context_for" in o or o["verdict"] != v:
            continue
        print("%s\t%s" % (o["name"], v))
        for c in d:
            if c.get("context_for") == o["id"]:
                print("+%s\t%s" % (c["name"], v))
' "$json")
    got=$(verdicts)
    [ -n "$want" ] || fail "match lists no pathway for $*: the case tests nothing"
    [ "$got" = "$want" ] ||
        fail "the results differ from itpnav match $*:"$'\n'"want:"$'\n'"$want"$'\n'"got:"$'\n'"$got"
    local v n words
    for v in fits meets-stated check not-yet; do
        n=$(python3 -c 'import json, sys; print(sum(1 for o in json.loads(sys.argv[1]) if o["verdict"] == sys.argv[2] and "context_for" not in o))' "$json" "$v")
        case $n in 0) words="no pathways" ;; 1) words="1 pathway" ;; *) words="$n pathways" ;; esac
        out_flat_has "$(heading_of "$v"): $words."
    done
}

MEETS_ALL=(--region toronto --goal practice --discipline family-medicine --postgrad-years 3
    --practice-years 5 --last-practised 1 --exam mccqe1 --exam nac --language-test yes
    --status citizen)

case_begin "3 asks the nine questions one by one, with the wizard's choices, then the results"
# Where: "tor" finds Toronto (number 4); goals 1; field 1; years 3, 5, 1; exams 1 and 2; language
# 1; status 1.
talk $'3\ntor\n4\n1\n1\n3\n5\n1\n1 2\n1\n1\nq\n' "${D[@]}"
expect_status 0
expect_stderr_empty
for q in "Question 1 of 9: Where you live." "Question 2 of 9: Your goals." \
    "Question 3 of 9: Your field." "Question 4 of 9: Postgraduate training." \
    "Question 5 of 9: Independent practice." "Question 6 of 9: Last practised." \
    "Question 7 of 9: Exams passed." "Question 8 of 9: Language test." \
    "Question 9 of 9: Status in Canada."; do
    check "asked once: $q" test "$(out_count "$q")" = 1
done
out_has "Most pathways are run by one province or territory, for people who live there."
out_has "1. Skip: I'd rather not say"
out_has "4. Toronto, in Ontario"
out_has "5. Alberta, in Canada"
out_has $'1 choice matches "tor":\n4. Toronto, in Ontario'
out_has $'1. Family medicine\n2. Another specialty\n3. Skip: I\'d rather not say'
out_has $'1. MCCQE Part I\n2. NAC examination\n3. Therapeutics Decision-Making\n4. None of these yet\n5. Skip: I\'d rather not say'
out_has $'1. Yes, I have an accepted result\n2. Not yet\n3. Skip: I\'d rather not say'
out_has $'1. Canadian citizen\n2. Permanent resident\n3. Work permit\n4. Refugee\n5. Other, or I\'d rather not say'
out_has "Type a number from 1 to 6, part of a name to find it, Enter to keep your"
out_has "Type years from 0 to 80 (like 3 or 2.5), s to skip the question, Enter to keep"
# Each answer is said back.
out_has "Where you live: Toronto."
out_has "Exams passed: MCCQE Part I, NAC examination."
out_has "Status in Canada: Canadian citizen."
out_has "Which pathways fit your answers."
# A version 1 file: every rule on record met is not "fits".
out_has "In all: 0 fit, 1 meets the rules on record, 0 to check, 0 not yet."
out_flat_has "Verdict: meets the 3 rules on record (a pass in MCCQE Part I and NAC examination; family medicine as your field; living in Ontario); its other rules are not on record here: ask the program."
out_has "  met: You have passed MCCQE Part I and NAC examination."
out_has "  met: You live in Ontario, as it asks."
out_has $'Next step: Book a practice assessment; see Session Test Source:\nhttps://example.org/session'
# The Canada-wide pathway of the same goal: context for the route, said after it.
out_flat_has "2. Open Door Bridge Across Canada: shown for context beside Ontario Family Practice Route, above"
out_has "Supports for where you live and your goals: 3."
agrees_with_match "${MEETS_ALL[@]}"

case_begin "the answers are kept in the state file: the next run lists them, and the results agree"
talk $'3\n10\nq\n' "${D[@]}"
expect_status 0
out_lacks "Question 1 of 9"
out_has "1. Where you live: Toronto."
out_has "7. Exams passed: MCCQE Part I, NAC examination."
out_flat_has "10. See the results: 0 fit, 1 meets the rules on record, 0 to check, 0 not yet."
agrees_with_match "${MEETS_ALL[@]}"

case_begin "change an answer by its number: one exam fewer, and the route is not yet, naming it"
talk $'w\n7\n1\n10\nq\n' "${D[@]}"
expect_status 0
out_has "Your answer now: MCCQE Part I, NAC examination."
out_has "Exams passed: MCCQE Part I."
out_has "  not yet: Needs a pass in all of: MCCQE Part I and NAC examination; not yet"
agrees_with_match --region toronto --goal practice --discipline family-medicine \
    --postgrad-years 3 --practice-years 5 --last-practised 1 --exam mccqe1 --language-test yes \
    --status citizen

case_begin "a second profile: Alberta, two goals, questions skipped (Enter keeps, s and Skip clear)"
rm -rf "$XDG_DATA_HOME/itpnav"
# Where 5 (Alberta); goals 1 and 2; field 3 (skip); postgrad Enter; practice s; recency Enter;
# exams 1; language 1; status 5 (other).
talk $'3\n5\n1,2\n3\n\ns\n\n1\n1\n5\nq\n' "${D[@]}"
expect_status 0
out_has "Your goals: Practise medicine, Residency."
out_has "Your field: not answered."
out_has "Independent practice: not answered."
out_has "Status in Canada: not answered."
out_has "Your answers: Where you live: Alberta; Your goals: Practise medicine,"
out_lacks "Ontario Family Practice Route"
agrees_with_match --region alberta --goal practice --goal residency --exam mccqe1 \
    --language-test yes

case_begin "None of these yet and Not yet: the Alberta route is not yet"
talk $'3\n7\n4\n8\n2\n10\nq\n' "${D[@]}"
expect_status 0
out_has "Exams passed: none yet."
out_has "Language test: not yet."
out_has "  not yet: Needs an accepted English or French language test result."
agrees_with_match --region alberta --goal practice --goal residency --exam none --language-test no

case_begin "every question skipped: no pathway fits, all are to check"
rm -rf "$XDG_DATA_HOME/itpnav"
talk $'3\n1\n4\n3\ns\ns\ns\n5\n3\n5\nq\n' "${D[@]}"
expect_status 0
out_has "Your answers: none yet."
out_has "You did not say where you live, so pathways everywhere are shown."
out_has "Fits: you meet every rule the program publishes: no pathways."
agrees_with_match

case_begin "wrong answers are explained and asked again, in the same question"
rm -rf "$XDG_DATA_HOME/itpnav"
talk $'3\n9\nzz\n4\n1 4\n1\n7\n1\nabc\n81\n2.5\nb\nq\n' "${D[@]}"
expect_status 0
out_has "There is no choice 9: the choices are 1 to 6."
out_has "No choice matches \"zz\"."
out_has "\"Skip: I'd rather not say\" goes alone: type its number by itself, or the others"
out_has "There is no choice 7: the choices are 1 to 3."
out_has "\"abc\" is not a number of years: type years from 0 to 80 (like 3 or 2.5), or s"
out_has "\"81\" is not a number of years"
out_has "Postgraduate training: 2.5 years."
out_has "The questions stopped; your answers so far are kept."
# After each wrong answer, the same question's prompt, not the next question nor a menu.
check "9 is followed by the question's own prompt" \
    test "$(out_line_after "There is no choice 9")" = "Type a number from 1 to 6, part of a name to find it, Enter to keep your"
[[ "$(prompt_after "\"abc\" is not a number")" == "Type years from 0 to 80 (like 3 or"* ]] ||
    fail "abc is not followed by the years prompt"
check "each question is introduced once" test "$(out_count "Question 1 of 9")" = 1
check "each question is introduced once" test "$(out_count "Question 4 of 9")" = 1
check "the main menu is not said again" test "$(out_count "1. Find supports")" = 1
out_has "1. Where you live: Toronto."
out_has "2. Your goals: Practise medicine."
out_has "3. Your field: family medicine."
out_has "4. Postgraduate training: 2.5 years."
out_has "5. Independent practice: not answered."

case_begin "m says the question and its choices again; b in a question changes nothing"
talk $'3\n3\nm\nb\nq\n' "${D[@]}"
expect_status 0
check "the choices are said twice (on entering and on m)" test "$(out_count "2. Another specialty")" = 2
out_has "Nothing changed."
out_has "3. Your field: family medicine."

case_begin "the last practice as a year, said back as years ago; exams by their names"
rm -rf "$XDG_DATA_HOME/itpnav"
this_year=$(date +%Y)
# Where Skip; goals Skip; field Skip; postgrad s; practice s; recency: a year; exams by names,
# one misspelt (did you mean), then two found by id and by the start of a name; language Skip;
# status Skip.
talk "3"$'\n1\n4\n3\ns\ns\n'"$((this_year + 1))"$'\n'"$((this_year - 2))"$'\nnack\nnac, therapeutics\n3\n5\nq\n' "${D[@]}"
expect_status 0
out_has "Type a year (2023) or years ago (3), s to skip the question, Enter to keep your"
out_has "\"$((this_year + 1))\" is not a year or a number of years: type a year (2023) or"
out_has "Last practised: $((this_year - 2)): 2 years ago."
out_has "There is no exam \"nack\". Did you mean NAC examination (nac)?"
out_has "Exams passed: NAC examination, Therapeutics Decision-Making."
talk $'3\n7\nmccqe part i\nq\n' "${D[@]}"
out_has "Exams passed: MCCQE Part I."
# "none", as --exam says it, is the None row; with an exam it is refused, as by numbers.
talk $'3\n7\nnone, nac\nNone\nq\n' "${D[@]}"
out_has "\"None of these yet\" goes alone: type it by itself, or the others without it."
out_has "Exams passed: none yet."

finish
