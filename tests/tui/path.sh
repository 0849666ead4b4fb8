#!/usr/bin/env bash
# path.sh: "What's my path?" on the bundled dataset for the two people of issue 15: an Alberta
# specialist with no exams and a work permit, and an Ontario family doctor (the Practice Ready
# Ontario case). No pathway "fits" unless its rules are complete (none in the bundled data is),
# every next step has a link or a contact, a national entry never rivals the route where the
# person lives, 2023 is taken as the year last practised, and the handout's words follow the
# verdict. Each result is checked against `itpnav match --format json` for the same answers.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"
. "$(dirname "$0")/lib-results.sh"

SIZE=100x200 # the whole results on one page: a next step is never cut by a page's end
THIS_YEAR=$(date +%Y)
AGO=$((THIS_YEAR - 2023))
MATCH_ARGS=() # the bundled dataset
# The bundled goals and exams, as the checklists list them (Done is the row after the last).
# shellcheck disable=SC2034 # used by name (q_multi)
GOALS=("Licensure through residency (CaRMS)" "Licensure through Practice-Ready Assessment (PRA)"
    "Clinical assistant position" "Alternative health career"
    "Licensure through other routes (supervised, defined or direct licences)"
    "Skip: I'd rather not say")
# shellcheck disable=SC2034
EXAMS=("MCCQE Part I (MCC Qualifying Examination Part I)"
    "NAC Examination (National Assessment Collaboration)"
    "TDM Examination (Therapeutics Decision-Making)"
    "MCCQE Part II (MCC Qualifying Exam II, discontinued)"
    "MCCEE (MCC Evaluating Examination, discontinued)" "None of these yet"
    "Skip: I'd rather not say")

fresh() {
    stop
    rm -rf "$XDG_DATA_HOME/itpnav"
    start --size "$SIZE"
    wait_for "1  Find supports"
}

# no_fits JSON: match's results hold no "fits" (no bundled rule set is said to be complete),
# and the screen (TEXT) lists nothing under Fits.
no_fits() {
    check "match says no pathway fits" python3 -c '
import json, sys
sys.exit(any(o["verdict"] == "fits" for o in json.loads(sys.argv[1])))' "$1"
    grep -qF -e " Fits: you meet every rule the program publishes (0)" <<<"$2" ||
        fail "the screen lists a pathway under Fits"
    [ "$(awk '/^ Fits: you meet/ { getline; print; exit }' <<<"$2")" = "   None." ] ||
        fail "the Fits section is not empty"
}

# steps_have_places TEXT: every next step on the results screen has a web address, an email
# address or a phone number, and none restates a rule ("Meet the ...", "Review of ...").
steps_have_places() {
    local steps n bad
    steps=$(next_steps <<<"$1")
    n=$(grep -c . <<<"$steps")
    [ "$n" -ge 5 ] || fail "only $n next steps on the results: the case tests little"
    bad=$(grep -Ev 'https?://|@|[0-9]{3}-[0-9]{3}-[0-9]{4}' <<<"$steps")
    [ -z "$bad" ] || fail "next steps without a link or a contact:"$'\n'"$bad"
    bad=$(grep -E 'Next step: (Meet the|Review of)' <<<"$steps")
    [ -z "$bad" ] || fail "next steps that restate a requirement:"$'\n'"$bad"
}

# national_is_context JSON TEXT: each national entry beside a route of its goal is listed as that
# route's context ("Across Canada: NAME" after it), never as a route with a verdict of its own,
# and never "not yet" in match's json where its route meets its rules on record.
national_is_context() {
    local pairs name route
    pairs=$(python3 -c '
import json, sys
d = json.loads(sys.argv[1])
by = {o["id"]: o for o in d}
for o in d:
    if "context_for" in o:
        r = by[o["context_for"]]
        print("%s\t%s\t%s\t%s" % (o["name"], r["name"], o["verdict"], r["verdict"]))
' "$1")
    [ -n "$pairs" ] || fail "no national entry is context: the case tests nothing"
    while IFS=$'\t' read -r name route v rv; do
        [ -n "$(line_of "$name" <<<"$2")" ] && fail "$name is listed as a route with a verdict"
        local c r
        c=$(line_of "+$name" <<<"$2")
        r=$(line_of "$route" <<<"$2")
        [ -n "$c" ] || fail "$name is not shown as context"
        check "$name comes after $route" test "${r:-0}" -gt 0 -a "${c:-0}" -gt "${r:-0}"
        if [ "$v" = not-yet ] && { [ "$rv" = meets-stated ] || [ "$rv" = fits ]; }; then
            fail "$name says not-yet while $route says $rv"
        fi
    done <<<"$pairs"
}

# ---- an Alberta specialist with no exams and a work permit ----

ALBERTA=(--region alberta --discipline specialty --last-practised 2023 --exam none
    --status work-permit)

fresh
case_begin "Alberta specialist: the questions, 2023 as the year last practised"
send p
q_region alberta
q_multi 2 "Your goals" GOALS "Skip: I'd rather not say"
q_choice 3 "Your field" 2
q_years 4 "Postgraduate training" ""
q_years 5 "Independent practice" ""
q_years 6 "Last practised" 2023
q_multi 7 "Exams passed" EXAMS "None of these yet"
q_choice 8 "Language test" 3
q_choice 9 "Status in Canada" 3
wait_for "Which pathways fit your answers"
expect_flat "Last practised: 2023: $AGO years ago"
expect_flat "Exams passed: none yet"
expect_flat "Status in Canada: work permit"

case_begin "Alberta specialist: no \"fits\"; PRA-AB is to check, on no rules on record"
text=$(results_text)
json=$(match_json "${ALBERTA[@]}")
no_fits "$json" "$text"
got=$(section_of "Practice Readiness Assessment (PRA-AB)" <<<"$text")
[[ "$got" == " Check: nothing is unmet"* ]] || fail "PRA-AB is under \"${got:-nothing}\", not Check"
grep -qF "Check: no rules on record that your answers can be compared with; it says: For family" \
    <<<"$(tr -s ' \n' '  ' <<<"$text")" || fail "PRA-AB's why does not say its rules are not on record"
agrees_with_match "${ALBERTA[@]}"

case_begin "Alberta specialist: every next step is an action with a link or a contact"
steps_have_places "$text"
grep -qF "Next step: Ask the CPSA to review your qualifications:" <<<"$text" ||
    fail "PRA-AB's next step is not its first step"

case_begin "Alberta specialist: the national entries are context, not rivals"
national_is_context "$json" "$text"
grep -qF "   Across Canada: CaRMS R-1 residency match for IMGs · " <<<"$text" ||
    fail "CaRMS R-1 is not context for Alberta's residency route"
grep -qF "   Across Canada: Practice-ready assessment (PRA): how it works across Canada · " <<<"$text" ||
    fail "the national PRA overview is not context for PRA-AB"

case_begin "Alberta specialist: the list says 2023 back as years ago"
send Escape
wait_for "itpnav · What's my path?"
expect_screen_has "6  Last practised        2023: $AGO years ago"
summary_row_agrees "${ALBERTA[@]}"
expect_screen_has "▶ Results: 0 fit, "

# ---- an Ontario family doctor: the Practice Ready Ontario case ----

ONTARIO=(--region toronto --goal pra --goal residency --discipline family-medicine
    --postgrad-years 3 --practice-years 5 --last-practised 2023 --exam none --language-test yes
    --status permanent-resident)

fresh
case_begin "Ontario family doctor: Practice Ready Ontario meets its 2 rules on record, never fits"
send p
q_region toronto
q_multi 2 "Your goals" GOALS "Licensure through residency (CaRMS)" \
    "Licensure through Practice-Ready Assessment (PRA)"
q_choice 3 "Your field" 1
q_years 4 "Postgraduate training" 3
q_years 5 "Independent practice" 5
q_years 6 "Last practised" 2023
q_multi 7 "Exams passed" EXAMS "None of these yet"
q_choice 8 "Language test" 1
q_choice 9 "Status in Canada" 2
wait_for "Which pathways fit your answers"
text=$(results_text)
json=$(match_json "${ONTARIO[@]}")
no_fits "$json" "$text"
got=$(section_of "Practice Ready Ontario (PRO)" <<<"$text")
[[ "$got" == " Meets the rules on record: the program asks more"* ]] ||
    fail "Practice Ready Ontario is under \"${got:-nothing}\""
grep -qF "Meets the 2 rules on record (Canadian citizen or permanent resident status; family medicine as your field); the program also asks: Postgraduate training and independent family or general practice outside Canada. The detailed rules and fees were not found" \
    <<<"$(tr -s ' \n' '  ' <<<"$text")" || fail "PRO's why does not say what else the program asks"
agrees_with_match "${ONTARIO[@]}"

case_begin "Ontario family doctor: next steps with links; the national entries as context"
steps_have_places "$text"
grep -qF "Next step: Read PRO's eligibility rules and apply on Touchstone Institute's site:" <<<"$text" ||
    fail "PRO's next step is not its first step"
national_is_context "$json" "$text"
grep -qF "   Across Canada: CaRMS R-1 residency match for IMGs · " <<<"$text" ||
    fail "CaRMS R-1 is not context for Ontario's residency route"

case_begin "Ontario family doctor: the detail lists each rule, met, with its source"
send Tab
wait_cursor "$(row_of "→ Practice Ready Ontario (PRO)")"
send Enter
wait_for "itpnav · Detail"
wait_for "Rules on record"
expect_screen_has "2 rules on record; not the program's whole eligibility."
expect_screen_has "• met: Your status (permanent resident) is accepted."
expect_screen_has "• met: It is for family medicine, your discipline."
expect_flat "For your answers: meets the 2 rules on record (Canadian citizen or permanent resident status; family medicine as your field)"
expect_flat "Rules from: Practice Ready Ontario (Touchstone Institute), seen 2026-11-21 (the page is undated)"
send Escape
wait_for "Which pathways fit your answers"

case_begin "Ontario family doctor: the handout's words follow the verdict"
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send Enter
wait_for "Handout saved to itpnav-handout-"
file=$(ls "$TEST_TMP"/itpnav-handout-*.txt 2>/dev/null | head -n 1)
check "the handout was written" test -s "$file"
if [ -s "$file" ]; then
    flat=$(tr -s ' \n' '  ' <"$file")
    [[ "$flat" == *"Verdict: meets the 2 rules on record (Canadian citizen or permanent resident status; family medicine as your field); the program also asks: Postgraduate training"* ]] ||
        fail "the handout's verdict for PRO is not \"meets the 2 rules on record\""
    [[ "$flat" == *"Verdict: fits"* ]] && fail "the handout says a pathway fits"
    [[ "$flat" == *"every stated requirement"* ]] && fail "the handout says \"every stated requirement\""
    [[ "$flat" == *"Across Canada: shown for context beside Practice Ready Ontario (PRO), above"* ]] ||
        fail "the handout does not show the national PRA entry as context"
    [[ "$flat" == *"Next step: Read PRO's eligibility rules and apply on Touchstone Institute's site: https://touchstoneinstitute.ca/assessment/practice-ready-ontario"* ]] ||
        fail "the handout's next step for PRO is not an action with a place"
    grep -qx "    https://touchstoneinstitute.ca/assessment/practice-ready-ontario" "$file" ||
        fail "the handout's next step for PRO lacks its address on a line of its own"
fi

stop
finish
