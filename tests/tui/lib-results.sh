# lib-results.sh: answering "What's my path?" and reading its results, for the screen tests of
# the wizard (wizard.sh, path.sh); source it after lib.sh. The script sets MATCH_ARGS (e.g.
# (--data FILE), or () for the bundled dataset): the results are checked against `itpnav match`
# on the same data.
#
# q_region TEXT, q_multi N TITLE ARRAY WANTED..., q_choice N TITLE KEY, q_years N TITLE TEXT:
#                      answer one question of the nine (below).
# results_text         the whole results page, page after page.
# section_of NAME      (stdin: the results) the heading a pathway is listed under.
# line_of ENTRY, count_listed  (stdin: the results) where an entry is listed; how many are.
# agrees_with_match ARGS...  the results screen shows what match says for ARGS.
# summary_row_agrees ARGS... the wizard's last row counts what match says for ARGS.
# next_steps           (stdin: the results) each "Next step:" with its continuation lines, one a
#                      line.

MATCH_ARGS=()

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

# q_multi N TITLE ARRAY WANTED...: a checklist: the number of each WANTED label of ARRAY (the
# rows in order) checks it, then Done's number ends it (a WANTED Skip row ends it by itself).
q_multi() {
    local n=$1 title=$2 arr=$3 want i
    shift 3
    wait_for "$n of 9: $title" || return
    local -n rows=$arr
    for want in "$@"; do
        for i in "${!rows[@]}"; do
            [ "${rows[$i]}" = "$want" ] || continue
            send $((i + 1))
            case $want in
            Skip*) return ;;
            *) wait_for "$((i + 1)) [x] $want" ;;
            esac
        done
    done
    send $((${#rows[@]} + 1)) # Done
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

HEADINGS='^ (Fits: you meet|Meets the rules on record|Check: nothing is unmet|Not yet: something is missing|Supports for where)'

# heading_of VERDICT: the start of the results heading of a verdict of match.
heading_of() {
    case $1 in
    fits) echo "Fits: you meet every rule the program publishes" ;;
    meets-stated) echo "Meets the rules on record: the program asks more" ;;
    check) echo "Check: nothing is unmet, but something is not known" ;;
    *) echo "Not yet: something is missing" ;;
    esac
}

# section_of NAME < TEXT: the heading of the section the pathway NAME is listed under, as a route
# ("→ NAME") or as a route's context ("Across Canada: NAME"); a long name may wrap after it.
section_of() {
    awk -v name="$1" -v re="$HEADINGS" '
        function at(p) { return index($0, p) == 1 && (length($0) == length(p) || substr($0, length(p) + 1, 1) == " ") }
        $0 ~ re { h = $0 }
        at(" → " name) || at("   Across Canada: " name) { print h; exit }'
}

# line_of ENTRY < TEXT: the first line listing ENTRY (a route's name, or "+NAME" for a context
# entry), or nothing.
line_of() {
    local p=" → $1"
    [[ "$1" == +* ]] && p="   Across Canada: ${1#+}"
    awk -v p="$p" 'index($0, p) == 1 && (length($0) == length(p) || substr($0, length(p) + 1, 1) == " ") { print NR; exit }'
}

# count_listed < TEXT: how many routes and context entries the results list, as "ROUTES CONTEXT"
# (a line the pages repeat counts once).
count_listed() {
    awk '/^ Supports for where/ { exit }
         /^ → / && !seen[$0]++ { r++ }
         /^   Across Canada: / && !seen[$0]++ { c++ }
         END { print r + 0, c + 0 }'
}

# match_json ARGS...: `itpnav match --format json ARGS` on the script's data (MATCH_ARGS).
match_json() {
    "$ITPNAV" match "${MATCH_ARGS[@]}" --format json "$@"
}

# agrees_with_match ARGS...: the results screen (already open) shows each pathway of `itpnav
# match ARGS` under its verdict's heading (a context entry right after its route, under that
# route's heading), in match's order, with the headings' counts, and no other pathway.
agrees_with_match() {
    local json want text
    json=$(match_json "$@") || {
        fail "itpnav match $* failed"
        return
    }
    text=$(results_text)
    # What the screen must list, in order: by verdict, each route then its context; and per
    # pathway the heading it is under.
    want=$(python3 -c '
import json, sys
d = json.loads(sys.argv[1])
order = ["fits", "meets-stated", "check", "not-yet"]
for v in order:
    for o in d:
        if "context_for" in o or o["verdict"] != v:
            continue
        print("%s\t%s" % (o["name"], v))
        for c in d:
            if c.get("context_for") == o["id"]:
                print("+%s\t%s" % (c["name"], v))
' "$json")
    local name verdict got
    while IFS=$'\t' read -r name verdict; do
        [ -n "$name" ] || continue
        got=$(section_of "${name#+}" <<<"$text")
        [[ "$got" == " $(heading_of "$verdict")"* ]] ||
            fail "match puts ${name#+} under \"$verdict\"; the screen lists it under \"${got:-nothing}\""
    done <<<"$want"
    # In match's order, each once, and no other pathway.
    local entry at last=0 routes=0 contexts=0
    while IFS=$'\t' read -r entry _; do
        [ -n "$entry" ] || continue
        at=$(line_of "$entry" <<<"$text")
        if [ -z "$at" ]; then
            fail "the results do not list $entry"
        elif [ "$at" -le "$last" ]; then
            fail "$entry is listed out of match's order"
        fi
        last=${at:-$last}
        if [[ "$entry" == +* ]]; then contexts=$((contexts + 1)); else routes=$((routes + 1)); fi
    done <<<"$want"
    check "the results list $routes routes and $contexts context entries, no others (they list $(count_listed <<<"$text"))" \
        test "$(count_listed <<<"$text")" = "$routes $contexts"
    local n
    for verdict in fits meets-stated check not-yet; do
        n=$(python3 -c 'import json, sys; print(sum(1 for o in json.loads(sys.argv[1]) if o["verdict"] == sys.argv[2] and "context_for" not in o))' "$json" "$verdict")
        grep -qF -e " $(heading_of "$verdict") ($n)" <<<"$text" ||
            fail "the results lack the heading \"$(heading_of "$verdict") ($n)\""
    done
}

# summary_row_agrees ARGS...: the wizard list's last row counts what match judges.
summary_row_agrees() {
    local json f m c n
    json=$(match_json "$@")
    count() { python3 -c 'import json, sys; print(sum(1 for o in json.loads(sys.argv[1]) if o["verdict"] == sys.argv[2] and "context_for" not in o))' "$json" "$1"; }
    f=$(count fits)
    m=$(count meets-stated)
    c=$(count check)
    n=$(count not-yet)
    local s=""
    [ "$m" = 1 ] && s=s
    wait_for "▶ Results: $f fit, $m meet$s the rules on record, $c to check, $n not yet"
}

# next_steps < TEXT: every next step of the results with the lines that continue it (the
# address on its own line), joined into one line each.
next_steps() {
    awk '/^     Next step: / { if (s != "") print s; s = $0; next }
         s != "" && /^       / { s = s " " $0; next }
         # A web address too long for its indent starts at the margin; one too long for the row
         # goes on from the row'"'"'s first column (nothing else starts there).
         s != "" && (/^ ?https?:\/\// || /^[^ ]/) { s = s " " $0; next }
         s != "" { print s; s = "" }
         END { if (s != "") print s }' | tr -s ' '
}
