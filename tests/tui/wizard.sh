#!/usr/bin/env bash
# wizard.sh: "What's my path?": the nine questions one after another, skipping, bad input, Esc,
# changing an answer from the list, and the results for several profiles, each checked against
# what `itpnav match --format tsv` says for the same answers.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

# tests/fixtures/tui-session.json: Toronto in Ontario, Calgary in Alberta; five pathways:
# Ontario Family Practice Route (Ontario; exams MCCQE Part I and NAC, residence Ontario, family
# medicine), Open Door Bridge (Canada; no requires), Alberta Assessment Route (Alberta; MCCQE Part I
# and a language test), Ontario Residency Stream (goal residency) and Health Careers Path (goal
# alternative career).
DATA="$FIXTURES/tui-session.json"
SIZE=100x50 # tall enough for the results on one page (results_text pages on anyway)
# shellcheck disable=SC2034 # used by name (q_multi)
GOALS=("Practise medicine" "Residency" "Alternative career")
EXAMS=("MCCQE Part I" "NAC examination" "Therapeutics Decision-Making" "None of these yet")

# fresh: the program again with no saved answers or shortlist.
fresh() {
    stop
    rm -rf "$XDG_DATA_HOME/itpnav"
    start --size "$SIZE" -- --data "$DATA"
    wait_for "1  Find supports"
}

# ---- answering the questions one after another ----

# q_region TEXT: question 1; TEXT is typed to find the place (empty: the Skip row).
q_region() {
    wait_for "1 of 9: Where you live" || return
    if [ -n "$1" ]; then
        type_text "$1"
        wait_for "Type to find: $1"
    fi
    send Enter
}

# q_multi N TITLE ARRAY WANTED...: a checkbox question: check the WANTED labels of ARRAY (the rows
# in order), then "✓ Done".
q_multi() {
    local n=$1 title=$2 arr=$3 label want
    shift 3
    wait_for "$n of 9: $title" || return
    local -n rows=$arr
    for label in "${rows[@]}"; do
        for want in "$@"; do
            if [ "$want" = "$label" ]; then
                send Space
                wait_for "[x] $label"
            fi
        done
        send Down
    done
    send Enter # the Down after the last row is on "✓ Done"
}

# q_choice N TITLE KEY: a numbered question, answered with its number.
q_choice() {
    wait_for "$1 of 9: $2" || return
    send "$3"
}

# q_years N TITLE TEXT: a question of years: TEXT typed (empty skips), then Enter.
q_years() {
    wait_for "$1 of 9: $2" || return
    [ -n "$3" ] && type_text "$3"
    send Enter
}

# ---- reading the results ----

# expect_flat TEXT: the screen, its lines joined and runs of spaces made one, holds TEXT: for
# sentences that wrap.
expect_flat() {
    [[ "$(screen | tr -s ' \n' '  ')" == *"$1"* ]] || fail "the screen lacks (wrapped or not): $1"
}

# results_text: the whole results page, page after page (PgDn), then back to the top.
results_text() {
    local text before
    text=$(screen)
    for _ in 1 2 3 4 5 6; do
        screen | grep -q 'PgDn for more' || break
        before=$(screen)
        send NPage
        wait_change "$before"
        text+=$'\n'$(screen)
    done
    send Home
    settle
    printf '%s\n' "$text"
}

# section_of NAME < TEXT: the heading of the section the pathway NAME is listed under.
section_of() {
    awk -v name="$1" '
        /^ (Fits what you told us|Check the requirements|Not yet: something is missing|Supports for where)/ { h = $0 }
        index($0, " → " name " · ") == 1 { print h; exit }'
}

# listed_pathways < TEXT: the pathways on the results page (the links above the supports), in
# their order (a line the pages repeat counts once).
listed_pathways() {
    awk '/^ Supports for where/ { exit }
         /^ → / { sub(/^ → /, ""); sub(/ · .*/, ""); if (!seen[$0]++) print }'
}

# agrees_with_match ARGS...: the results screen (already open) shows each pathway of
# `itpnav match --format tsv ARGS` under its verdict's heading, in match's order, with the
# headings' counts, and no other pathway.
agrees_with_match() {
    local tsv text id verdict name want got n
    tsv=$("$ITPNAV" match --data "$DATA" --format tsv "$@") || {
        fail "itpnav match $* failed"
        return
    }
    text=$(results_text)
    while IFS=$'\t' read -r id verdict name; do
        [ -n "$id" ] || continue
        case $verdict in
        fits) want="Fits what you told us" ;;
        check) want="Check the requirements" ;;
        *) want="Not yet: something is missing" ;;
        esac
        got=$(section_of "$name" <<<"$text")
        [[ "$got" == " $want"* ]] ||
            fail "match says $name ($id) is \"$verdict\"; the screen lists it under \"${got:-nothing}\""
    done <<<"$tsv"
    check "the screen lists the pathways match lists, in its order ($(cut -f3 <<<"$tsv" |
        tr '\n' ','))" test "$(listed_pathways <<<"$text")" = "$(cut -f3 <<<"$tsv" | sed '/^$/d')"
    for verdict in fits check not-yet; do
        n=$(cut -f2 <<<"$tsv" | grep -cx -e "$verdict")
        case $verdict in
        fits) want="Fits what you told us ($n)" ;;
        check) want="Check the requirements: nothing is missing, but something is not known ($n)" ;;
        *) want="Not yet: something is missing ($n)" ;;
        esac
        grep -qF -e " $want" <<<"$text" || fail "the results lack the heading \"$want\""
    done
}

# summary_row_agrees ARGS...: the wizard list's last row counts what match counts.
summary_row_agrees() {
    local tsv f c n
    tsv=$("$ITPNAV" match --data "$DATA" --format tsv "$@")
    f=$(cut -f2 <<<"$tsv" | grep -cx fits)
    c=$(cut -f2 <<<"$tsv" | grep -cx check)
    n=$(cut -f2 <<<"$tsv" | grep -cx not-yet)
    wait_for "▶ See which pathways fit: $f fit, $c to check, $n not yet"
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

case_begin "profile: meets every requirement of the Ontario route"
q_region toronto
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
for e in "${EXAMS[@]}"; do expect_screen_has "[ ] $e"; done
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
expect_screen_has "Fits what you told us (1)"
expect_screen_has "✓ You have passed MCCQE Part I and NAC examination."
expect_screen_has "✓ It is for family medicine, your discipline."
expect_screen_has "✓ You live in Ontario, as it asks."
expect_screen_has "Next step: Book a practice assessment"
check "Ontario Family Practice Route is under \"Fits what you told us\"" \
    test "$(screen | section_of "Ontario Family Practice Route")" = " Fits what you told us (1)"
expect_screen_lacks "Alberta Assessment Route"
agrees_with_match "${MEETS_ALL[@]}"

case_begin "profile: a pathway without requires is never \"fits\"; the supports follow the answers"
check "Open Door Bridge is under \"Check the requirements\"" \
    test "$(results_text | section_of "Open Door Bridge")" = \
    " Check the requirements: nothing is missing, but something is not known (1)"
expect_screen_has "? This pathway states no requirements here: check them with the program."
text=$(results_text)
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
expect_row_has 0 "Where: Toronto" # where you live is every list's place too

case_begin "the one-line explanation shows for the selected question"
send Up # from the results row to "Status in Canada"
wait_for "Some programs are open only to citizens and permanent residents."
send Home
wait_for "Most pathways are run by one province or territory"
expect_screen_lacks "Some programs are open only to citizens"

case_begin "change an answer with its number: one exam fewer, and the results follow"
send 7
wait_for "7 of 9: Exams passed"
expect_screen_has "[x] MCCQE Part I"
expect_screen_has "[x] NAC examination"
send Down Space
wait_for "[ ] NAC examination"
send Down Down Down
send Enter
wait_gone "7 of 9: Exams passed"
wait_for "7  Exams passed          MCCQE Part I"
expect_screen_lacks "NAC examination"
summary_row_agrees --region toronto --goal practice --discipline family-medicine \
    --postgrad-years 3 --practice-years 5 --last-practised 1 --exam mccqe1 --language-test yes \
    --status citizen
expect_screen_has "0 fit, 1 to check, 1 not yet"
send G Enter
wait_for "Which pathways fit your answers"

case_begin "profile: one exam short: the route is under \"Not yet\" naming the exam"
expect_screen_has "Fits what you told us (0)"
expect_screen_has "Not yet: something is missing (1)"
check "Ontario Family Practice Route is under \"Not yet\"" \
    test "$(results_text | section_of "Ontario Family Practice Route")" = " Not yet: something is missing (1)"
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
check "Alberta Assessment Route fits" \
    test "$(results_text | section_of "Alberta Assessment Route")" = " Fits what you told us (1)"
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
wait_for "[x] None of these yet"
expect_screen_has "[ ] MCCQE Part I"
send Down Enter
wait_for "7  Exams passed          none yet"
send 8
wait_for "8 of 9: Language test"
send 2
wait_for "8  Language test         not yet"
summary_row_agrees --region alberta --goal practice --goal residency --exam none --language-test no
send G Enter
wait_for "Which pathways fit your answers"
expect_flat "✗ not yet: Needs a pass in all of: MCCQE Part I; not yet passed: MCCQE Part I."
expect_flat "✗ not yet: Needs an accepted English or French language test result."
agrees_with_match --region alberta --goal practice --goal residency --exam none --language-test no

case_begin "profile: every question skipped: only \"check\", never \"fits\""
fresh
send p
q_region ""
q_multi 2 "Your goals" GOALS
q_choice 3 "Your field" 3
q_years 4 "Postgraduate training" ""
q_years 5 "Independent practice" ""
q_years 6 "Last practised" ""
q_multi 7 "Exams passed" EXAMS
q_choice 8 "Language test" 3
q_choice 9 "Status in Canada" 5
wait_for "Which pathways fit your answers"
expect_screen_has "Your answers: none yet"
expect_screen_has "You did not say where you live, so pathways everywhere are shown."
expect_screen_has "Fits what you told us (0)"
expect_screen_has "Check the requirements: nothing is missing, but something is not known (5)"
expect_screen_has "Not yet: something is missing (0)"
expect_screen_has "? You must live in Ontario; you have not said where you live."
expect_flat "? Needs a pass in: MCCQE Part I and NAC examination; you have not said which exams you passed."
check "Open Door Bridge is under \"Check\"" \
    test "$(results_text | section_of "Open Door Bridge")" = \
    " Check the requirements: nothing is missing, but something is not known (5)"
agrees_with_match
send Escape
wait_for "itpnav · What's my path?"
expect_screen_has "1  Where you live        not answered"
expect_screen_has "9  Status in Canada      not answered"
summary_row_agrees

case_begin "bad years show what to type; the field keeps the text; a good number is taken"
send 4
wait_for "4 of 9: Postgraduate training"
expect_screen_has "In years; empty skips."
type_text abc
wait_for "│ abc"
send Enter
wait_for "Type years from 0 to 80 (like 3 or 2.5), or nothing to skip."
expect_screen_has "4 of 9: Postgraduate training"
expect_screen_has "│ abc"
send C-u
wait_gone "│ abc"
expect_screen_lacks "Type years from 0 to 80" # typing clears the message
for bad in 81 -1 "2 years" 1e2x; do
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
