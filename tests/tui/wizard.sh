#!/usr/bin/env bash
# wizard.sh: "What's my path?": the nine questions one after another (the checklists by number,
# with a Skip row), skipping, bad input, Esc, changing an answer from the list, the last practice
# as a year, and the results for several profiles, each checked against what `itpnav match
# --format json` says for the same answers: each pathway under its verdict's heading, in match's
# order, a national pathway beside a route of its goal as that route's context.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"
. "$(dirname "$0")/lib-results.sh"

# tests/fixtures/tui-session.json (format version 1: no rules are complete, so nothing fits):
# Toronto in Ontario, Calgary in Alberta; five pathways: Ontario Family Practice Route (Ontario;
# exams MCCQE Part I and NAC, residence Ontario, family medicine), Open Door Bridge (Canada; no
# requires; the same goal), Alberta Assessment Route (Alberta; MCCQE Part I and a language test),
# Ontario Residency Stream (goal residency) and Health Careers Path (Canada; goal alternative
# career).
DATA="$FIXTURES/tui-session.json"
SIZE=100x50 # tall enough for the results on one page (results_text pages on anyway)
# The checklists' rows, in order; Done is the row after the last.
# shellcheck disable=SC2034 # used by name (q_multi)
GOALS=("Practise medicine" "Residency" "Alternative career" "Skip: I'd rather not say")
EXAMS=("MCCQE Part I" "NAC examination" "Therapeutics Decision-Making" "None of these yet"
    "Skip: I'd rather not say")
THIS_YEAR=$(date +%Y)
MATCH_ARGS=(--data "$DATA")

# fresh: the program again with no saved answers or shortlist.
fresh() {
    stop
    rm -rf "$XDG_DATA_HOME/itpnav"
    start --size "$SIZE" -- --data "$DATA"
    wait_for "1  Find supports"
}

MEETS_ALL=(--region toronto --goal practice --discipline family-medicine --postgrad-years 3
    --practice-years 5 --last-practised 1 --exam mccqe1 --exam nac --language-test yes
    --status citizen)

# ---- the cases ----

fresh

case_begin "3 on home starts the questions one by one, each with its explanation"
send 3
wait_for "1 of 9: Where you live"
expect_screen_has "Most pathways are run by one province or territory"
expect_screen_has "Skip: I'd rather not say"
expect_screen_has "Type to find:"
expect_screen_matches "│ *Toronto +│"
expect_screen_matches "│ *Alberta +│"

case_begin "profile: meets every rule on record of the Ontario route: not \"fits\" (a version 1 file)"
q_region toronto
wait_for "2 of 9: Your goals"
# The checklist's rows are numbered, with a Skip row before Done.
for i in 0 1 2; do expect_screen_has "$((i + 1)) [ ] ${GOALS[$i]}"; done
expect_screen_has "4 Skip: I'd rather not say"
expect_screen_has "5 ✓ Done"
expect_screen_has "A number, Space or Enter checks a goal"
q_multi 2 "Your goals" GOALS "Practise medicine"
wait_for "3 of 9: Your field"
expect_screen_has "1 Family medicine"
expect_screen_has "2 Another specialty"
expect_screen_has "3 Skip: I'd rather not say"
expect_screen_has "Some pathways are only for family medicine"
send 1
q_years 4 "Postgraduate training" 3
q_years 5 "Independent practice" 5
q_years 6 "Last practised" 1
wait_for "7 of 9: Exams passed"
for i in 0 1 2 3; do expect_screen_has "$((i + 1)) [ ] ${EXAMS[$i]}"; done
expect_screen_has "5 Skip: I'd rather not say"
expect_screen_has "6 ✓ Done"
q_multi 7 "Exams passed" EXAMS "MCCQE Part I" "NAC examination"
wait_for "8 of 9: Language test"
expect_screen_has "1 Yes, I have an accepted result"
expect_screen_has "2 Not yet"
q_choice 8 "Language test" 1
wait_for "9 of 9: Status in Canada"
expect_screen_has "1 Canadian citizen"
expect_screen_has "5 Other, or I'd rather not say"
send 1
wait_for "Which pathways fit your answers"
expect_row_has 0 "itpnav · Your pathways"
expect_flat "Your answers: Where you live: Toronto · Your goals: Practise medicine · Your field: family medicine · Postgraduate training: 3 years · Independent practice: 5 years · Last practised: 1 year ago · Exams passed: MCCQE Part I, NAC examination · Language test: yes, I have a result · Status in Canada: Canadian citizen"
expect_screen_has "Fits: you meet every rule the program publishes (0)"
expect_screen_has "Meets the rules on record: the program asks more (1)"
expect_flat "Meets the 3 rules on record (a pass in MCCQE Part I and NAC examination; family medicine as your field; living in Ontario); its other rules are not on record here: ask the program."
expect_screen_has "✓ You have passed MCCQE Part I and NAC examination."
expect_screen_has "✓ It is for family medicine, your discipline."
expect_screen_has "✓ You live in Ontario, as it asks."
# The next step with its place: the step has no address and the pathway no contact: its source.
expect_screen_has "Next step: Book a practice assessment; see Session Test Source:"
expect_screen_has "https://example.org/session"
check "Ontario Family Practice Route is under \"Meets the rules on record\"" \
    test "$(screen | section_of "Ontario Family Practice Route")" = " Meets the rules on record: the program asks more (1)"
expect_screen_lacks "Alberta Assessment Route"
agrees_with_match "${MEETS_ALL[@]}"

case_begin "profile: a national pathway beside the route where you live is its context, no rival verdict"
text=$(results_text)
grep -qF "   Across Canada: Open Door Bridge · " <<<"$text" ||
    fail "Open Door Bridge is not shown as \"Across Canada\" context"
grep -qF " → Open Door Bridge" <<<"$text" && fail "Open Door Bridge is listed as a route of its own"
check "Open Door Bridge comes right after the Ontario route's block" \
    awk '/→ Ontario Family Practice Route/ { r = NR } /Across Canada: Open Door Bridge/ { c = NR }
         /^ (Check:|Not yet:)/ && r && !h { h = NR } END { exit !(r && c && r < c && (!h || c < h)) }' <(printf '%s\n' "$text")
grep -qF "Shown for context beside Ontario Family Practice Route, above" <<<"$(tr -s ' \n' '  ' <<<"$text")" ||
    fail "the context does not name its route"
grep -qF "Check: nothing is unmet, but something is not known (0)" <<<"$text" ||
    fail "the context entry is counted as a verdict"
grep -qF "Supports for where you live and your goals (3)" <<<"$text" ||
    fail "the results lack \"Supports for where you live and your goals (3)\""
for s in "Toronto Exam Study Circle" "Ontario Mentor Match" "Maple Physicians Network"; do
    grep -qF " → $s" <<<"$text" || fail "the supports lack $s"
done
grep -qF "Alberta Bridge Program" <<<"$text" && fail "an Alberta support is listed for Toronto"

case_begin "Esc goes to the list of questions and answers; the last row counts the results"
send Escape
wait_for "itpnav · What's my path?"
for row in "1  Where you live        Toronto" "2  Your goals            Practise medicine" \
    "3  Your field            family medicine" "4  Postgraduate training 3 years" \
    "5  Independent practice  5 years" "6  Last practised        1 year ago" \
    "7  Exams passed          MCCQE Part I, NAC examination" \
    "8  Language test         yes, I have a result" "9  Status in Canada      Canadian citizen"; do
    expect_screen_has "$row"
done
summary_row_agrees "${MEETS_ALL[@]}"
expect_screen_has "▶ Results: 0 fit, 1 meets the rules on record, 0 to check, 0 not yet"
expect_row_has 0 "Where: Toronto" # where you live is every list's place too

case_begin "the one-line explanation shows for the selected question"
send Up # from the results row to "Status in Canada"
wait_for "Some programs are open only to citizens and permanent residents."
send Home
wait_for "Most pathways are run by one province or territory"
expect_screen_lacks "Some programs are open only to citizens"

case_begin "change an answer with its number: one exam fewer (Space still checks), and the results follow"
send 7
wait_for "7 of 9: Exams passed"
expect_screen_has "1 [x] MCCQE Part I"
expect_screen_has "2 [x] NAC examination"
send Down Space
wait_for "2 [ ] NAC examination"
send 6 # Done
wait_gone "7 of 9: Exams passed"
wait_for "7  Exams passed          MCCQE Part I"
expect_screen_lacks "NAC examination"
summary_row_agrees --region toronto --goal practice --discipline family-medicine \
    --postgrad-years 3 --practice-years 5 --last-practised 1 --exam mccqe1 --language-test yes \
    --status citizen
expect_screen_has "0 fit, 0 meet the rules on record, 0 to check, 1 not yet"
send G Enter
wait_for "Which pathways fit your answers"

case_begin "profile: one exam short: the route is under \"Not yet\" naming the exam"
expect_screen_has "Meets the rules on record: the program asks more (0)"
expect_screen_has "Not yet: something is missing (1)"
check "Ontario Family Practice Route is under \"Not yet\"" \
    test "$(results_text | section_of "Ontario Family Practice Route")" = " Not yet: something is missing (1)"
expect_flat "Not yet: needs a pass in NAC examination. Met: family medicine as your field; living in Ontario."
expect_flat "✗ not yet: Needs a pass in all of: MCCQE Part I and NAC examination; not yet passed: NAC examination."
expect_screen_has "✓ You live in Ontario, as it asks."
agrees_with_match --region toronto --goal practice --discipline family-medicine \
    --postgrad-years 3 --practice-years 5 --last-practised 1 --exam mccqe1 --language-test yes \
    --status citizen

case_begin "change where you live: Alberta; the Ontario routes go, the Alberta one comes"
send Escape
wait_for "itpnav · What's my path?"
send 1
wait_for "1 of 9: Where you live"
type_text alberta
wait_for "Type to find: alberta"
send Enter
wait_for "1  Where you live        Alberta"
expect_row_has 0 "Where: Alberta"
summary_row_agrees --region alberta --goal practice --discipline family-medicine \
    --postgrad-years 3 --practice-years 5 --last-practised 1 --exam mccqe1 --language-test yes \
    --status citizen
send G Enter
wait_for "Which pathways fit your answers"
expect_screen_lacks "Ontario Family Practice Route"
check "Alberta Assessment Route meets its rules on record" \
    test "$(results_text | section_of "Alberta Assessment Route")" = " Meets the rules on record: the program asks more (1)"
agrees_with_match --region alberta --goal practice --discipline family-medicine \
    --postgrad-years 3 --practice-years 5 --last-practised 1 --exam mccqe1 --language-test yes \
    --status citizen

case_begin "answers persist: a restart shows them in the list, not the first question"
restart --size "$SIZE" -- --data "$DATA"
wait_for "1  Find supports"
send p
wait_for "itpnav · What's my path?"
expect_screen_lacks "1 of 9"
expect_screen_has "1  Where you live        Alberta"
expect_screen_has "7  Exams passed          MCCQE Part I"

case_begin "the Skip row of a checklist forgets its answer"
send 2
wait_for "2 of 9: Your goals"
expect_screen_has "1 [x] Practise medicine"
send 4 # Skip
wait_gone "2 of 9: Your goals"
wait_for "2  Your goals            not answered"
send 7
wait_for "7 of 9: Exams passed"
send 5 # Skip
wait_gone "7 of 9: Exams passed"
wait_for "7  Exams passed          not answered"

case_begin "profile: lives in Alberta, some skipped: the Ontario-only pathways are not listed"
fresh
send 1 # p works from a list too
wait_for "itpnav · Supports"
send p
q_region alberta
q_multi 2 "Your goals" GOALS "Practise medicine" "Residency"
q_choice 3 "Your field" 3
q_years 4 "Postgraduate training" ""
q_years 5 "Independent practice" ""
q_years 6 "Last practised" ""
q_multi 7 "Exams passed" EXAMS "MCCQE Part I"
q_choice 8 "Language test" 1
q_choice 9 "Status in Canada" 5
wait_for "Which pathways fit your answers"
expect_flat "Your answers: Where you live: Alberta · Your goals: Practise medicine, Residency · Exams passed: MCCQE Part I · Language test: yes, I have a result Esc goes back"
expect_screen_lacks "Your field:"
expect_screen_lacks "Ontario Family Practice Route"
expect_screen_lacks "Ontario Residency Stream"
expect_screen_has "→ Alberta Assessment Route · limited"
expect_screen_has "✓ You have passed MCCQE Part I."
agrees_with_match --region alberta --goal practice --goal residency --exam mccqe1 \
    --language-test yes

case_begin "profile: \"None of these yet\" and \"Not yet\": the Alberta route is not yet"
send Escape
wait_for "itpnav · What's my path?"
send 7
wait_for "7 of 9: Exams passed"
send Down Down Down Space # "None of these yet" unchecks the others
wait_for "4 [x] None of these yet"
expect_screen_has "1 [ ] MCCQE Part I"
send Down Down Enter # past Skip, to Done
wait_for "7  Exams passed          none yet"
send 8
wait_for "8 of 9: Language test"
send 2
wait_for "8  Language test         not yet"
summary_row_agrees --region alberta --goal practice --goal residency --exam none --language-test no
send G Enter
wait_for "Which pathways fit your answers"
expect_flat "✗ not yet: Needs a pass in MCCQE Part I; you have not passed it yet."
expect_flat "✗ not yet: Needs an accepted English or French language test result."
agrees_with_match --region alberta --goal practice --goal residency --exam none --language-test no

case_begin "profile: every question skipped: nothing fits or meets its rules; only \"check\""
fresh
send p
q_region ""
q_multi 2 "Your goals" GOALS "Skip: I'd rather not say"
q_choice 3 "Your field" 3
q_years 4 "Postgraduate training" ""
q_years 5 "Independent practice" ""
q_years 6 "Last practised" ""
q_multi 7 "Exams passed" EXAMS "Skip: I'd rather not say"
q_choice 8 "Language test" 3
q_choice 9 "Status in Canada" 5
wait_for "Which pathways fit your answers"
expect_screen_has "Your answers: none yet"
expect_screen_has "You did not say where you live, so pathways everywhere are shown."
text=$(results_text)
for h in "Fits: you meet every rule the program publishes (0)" \
    "Meets the rules on record: the program asks more (0)" \
    "Check: nothing is unmet, but something is not known (4)" "Not yet: something is missing (0)" \
    "? You must live in Ontario; you have not said where you live."; do
    grep -qF -e "$h" <<<"$text" || fail "the results lack: $h"
done
expect_flat "? Needs a pass in: MCCQE Part I and NAC examination; you have not said which exams you passed."
agrees_with_match
send Escape
wait_for "itpnav · What's my path?"
expect_screen_has "1  Where you live        not answered"
expect_screen_has "9  Status in Canada      not answered"
summary_row_agrees

case_begin "bad years show what to type; the field keeps the text; a good number is taken"
send 4
wait_for "4 of 9: Postgraduate training"
expect_screen_has "In years. Empty skips."
type_text abc
wait_for "│ abc"
send Enter
wait_for "Type years from 0 to 80 (like 3 or 2.5), or nothing to skip."
expect_screen_has "4 of 9: Postgraduate training"
expect_screen_has "│ abc"
send C-u
wait_gone "│ abc"
expect_screen_lacks "Type years from 0 to 80" # typing clears the message
for bad in 81 -1 "2 years" 1e2x 2023; do
    send C-u
    type_text "$bad"
    wait_for "│ $bad"
    send Enter
    wait_for "Type years from 0 to 80" || fail "\"$bad\" was taken as years"
done
send C-u
type_text 2.5
wait_for "│ 2.5 "
send Enter
wait_for "4  Postgraduate training 2.5 years"
expect_screen_lacks "4 of 9"

case_begin "last practised: a year is taken, and said back as years ago"
send 6
wait_for "6 of 9: Last practised"
expect_screen_has "as a year (2023) or years ago (3)"
type_text "$((THIS_YEAR - 3))"
send Enter
wait_for "6  Last practised        $((THIS_YEAR - 3)): 3 years ago"
expect_screen_has "Last practised: $((THIS_YEAR - 3)): 3 years ago."
summary_row_agrees --last-practised 3 --postgrad-years 2.5
# The field opens with the year as it was typed; years ago still work; a year to come does not.
send 6
wait_for "6 of 9: Last practised"
expect_screen_has "│ $((THIS_YEAR - 3))"
send C-u
type_text "$((THIS_YEAR + 1))"
send Enter
wait_for "Type a year (2023) or years ago (3), or nothing to skip."
send C-u
type_text 4
send Enter
wait_for "6  Last practised        4 years ago"

case_begin "Esc in a question stops the one-by-one flow and changes nothing"
fresh
send p
q_region toronto
wait_for "2 of 9: Your goals"
send Escape
wait_for "itpnav · What's my path?"
expect_screen_lacks "2 of 9"
expect_screen_has "1  Where you live        Toronto"
expect_screen_has "2  Your goals            not answered"
send 5 # a number asks only that question again
wait_for "5 of 9: Independent practice"
type_text 4
send Enter
wait_for "5  Independent practice  4 years"
expect_screen_lacks "6 of 9"
send 6
wait_for "6 of 9: Last practised"
send Escape
wait_for "6  Last practised        not answered"
summary_row_agrees --region toronto --practice-years 4

case_begin "q quits with status 0 (in a sanitizer build: with no report)"
send q
wait_exit
check "the exit status is 0 (it is $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"

finish
