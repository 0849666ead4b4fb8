# v2.sh: format version 2 (spec/dataset.md "Version 2") through the command line: check's rules
# and messages, what show and list say of the new fields, places by alias and in French, search
# in every language, version 1's shared ids (D10), region depth and cycles (D2), numbers (D14a).
. "$(dirname "$0")/lib.sh"

V2="$FIXTURES/cli-v2.json"
BAD="$FIXTURES/cli-bad-v2.json"
SHARED="$FIXTURES/cli-bad-shared-id-v1.json"
BUNDLED="$SOURCE_ROOT/data/itpnav.json"
TAB=$'\t'

# ---- check ----

case_begin "check: a file using every feature of version 2 is valid, and check names the version"
run "$ITPNAV" check --strict "$V2"
expect_status 0
expect_stderr_empty
expect_stdout_equals "$V2: valid: 5 supports, 2 pathways, 6 regions, 3 goals, 3 sources; 0 warnings (format version 2)"

case_begin "check: a version 1 file's line is as it was (no version named)"
run "$ITPNAV" check "$FIXTURES/cli-deep.json"
expect_status 0
expect_stdout_matches "^$FIXTURES/cli-deep\.json: valid: [0-9]+ supports, [0-9]+ pathways, [0-9]+ regions, [0-9]+ goals, [0-9]+ sources; 0 warnings$"

case_begin "check: one mistake for each rule of version 2, each with its path and message, and the count"
run "$ITPNAV" check "$BAD"
expect_status 65
expect_stdout_empty
cat >"$TEST_TMP/want" <<WANT
itpnav: $BAD: .dataset.languages[0]: "fr" is listed first; expected the file's own language (.dataset.language), "en", first
itpnav: $BAD: .pathways[0].id: duplicate id "same"; first used at .supports[0] (supports and pathways share one namespace)
itpnav: $BAD: .sources[0].undated: expected true or false, found a string
itpnav: $BAD: .regions[1].aliases: expected an array, found a string
itpnav: $BAD: .regions[2].aliases[0]: empty string; expected a value
itpnav: $BAD: .supports[0].delivery: empty array; expected at least one value, or leave the key out
itpnav: $BAD: .supports[0].contact.note: control character U+000A in a name or short value; expected printable text on one line
itpnav: $BAD: .supports[0].contact.adress: warning: unknown key "adress" (ignored; --strict makes this an error); did you mean "address"?
itpnav: $BAD: .supports[0].status: "dormant" is not allowed; expected "active", "inactive" or "closed"
itpnav: $BAD: .supports[0].translations.de: "de" is not one of the file's languages; expected one that .dataset.languages lists
itpnav: $BAD: .supports[0].translations.fr.regions: "regions" is not text and is not translated (ids, places, dates and references stay as they are); expected name, summary, offers, aims, eligibility, cost or location
itpnav: $BAD: .supports[0].translations.fr.source: unknown source "scr"; did you mean "src"?
itpnav: $BAD: .supports[1].name: 301 characters; expected at most 300 for a name or title
itpnav: $BAD: .supports[1].size.count: 1000000000000001 is out of range; expected a whole number from 0 to 10^15
itpnav: $BAD: .pathways[0].steps[0].url: "www.example.org" is not a web address; expected one starting with http:// or https://
itpnav: $BAD: .pathways[0].requires.complete: expected true or false, found a string
itpnav: $BAD: .pathways[0].contact.website: "ftp://example.org" is not a web address; expected one starting with http:// or https://
itpnav: $BAD: .pathways[0].translations.fr.steps: 2 items; expected 1, one for each of the original's steps (a translation keeps their number and order)
itpnav: $BAD: .pathways[0].translations.fr.requires: "requires" holds rules, not text; translate its note as "requires_note"
itpnav: $BAD: .regions[16].parent: region "r16" is 17 levels deep; expected at most 16
itpnav: $BAD: 19 errors (format version 2)
WANT
expect_files_equal "$TEST_TMP/want" "$ERR_FILE"
# D14a: never %g's exponent form.
expect_stderr_lacks "e+15"

case_begin "check: the bundled dataset is version 2 and valid under --strict"
run "$ITPNAV" check --strict
expect_status 0
expect_stdout_matches ": valid: .*; 0 warnings \(format version 2\)$"

# ---- D10: a version 1 file where a support and a pathway share an id ----

case_begin "D10: a version 1 file with a shared id loads, with a warning naming both and the way to each"
run "$ITPNAV" check "$SHARED"
expect_status 0
expect_stderr_line "itpnav: $SHARED: .pathways[0].id: warning: " \
    'id "aipso" is also the id of .supports[0]' '`itpnav show aipso` shows the support' \
    '`itpnav show --kind pathway aipso` this pathway'
run "$ITPNAV" check --strict "$SHARED"
expect_status 65

case_begin "D10: show ID shows the support and says how to reach the pathway; --kind reaches each"
run "$ITPNAV" show --data "$SHARED" --format tsv aipso
expect_status 0
expect_stdout_has "AIPSO the Group"
expect_stdout_lacks "AIPSO the Pathway"
expect_stderr_has "'aipso' is also the id of a pathway; 'itpnav show --kind pathway aipso' shows it"
run "$ITPNAV" show --data "$SHARED" --kind pathway --format json aipso
expect_status 0
expect_json 'd["kind"] == "pathway" and d["name"] == "AIPSO the Pathway"'
expect_stderr_empty
for k in support group; do
    run "$ITPNAV" show --data "$SHARED" --kind "$k" --format json aipso
    expect_status 0
    expect_json 'd["kind"] == "group" and d["name"] == "AIPSO the Group"'
done
run "$ITPNAV" show --data "$SHARED" --kind program aipso
expect_status 64
expect_stderr_has "unknown program id 'aipso'"
run "$ITPNAV" show --data "$SHARED" --kind planet aipso
expect_status 64
run "$ITPNAV" list --data "$SHARED" --format tsv
expect_stdout_equals "aipso${TAB}group${TAB}AIPSO the Group
aipso${TAB}pathway${TAB}AIPSO the Pathway"

# ---- show: what a person reads ----

case_begin "show: no delivery is 'not stated'; no contact is 'no public contact found (as of DATE)'"
run "$ITPNAV" show --data "$V2" --format text quiet-network
expect_status 0
expect_stdout_has "How: not stated"
expect_stdout_has "Contact: no public contact found (as of 2026-10)"
expect_stdout_has "As of: 2026-10"
run "$ITPNAV" show --data "$V2" --format json quiet-network
expect_json '"delivery" not in d and "contact" not in d'

case_begin "show: an undated source says 'seen DATE (the page is undated)', never 'as of'"
run "$ITPNAV" show --data "$V2" --format text qc-office
expect_status 0
expect_stdout_has "Seen: 2026-11-21 (the page is undated)"
expect_stdout_has "This information is from a page seen 2026-11-21 (the page is undated)."
expect_stdout_lacks "As of"
expect_stdout_lacks "as of"
expect_stdout_has "Address: 1075 chemin Sainte-Foy, Québec"
expect_stdout_has "Website: https://example.org/qc-office"

case_begin "show: a sourced French name, after the name"
expect_stdout_has "En français: Bureau des diplômés internationaux"
check "the French name follows the name" awk 'NR == 1 && /^Quebec IMG Office$/ { a = 1 }
    /^En français: / { b = NR } END { exit !(a && b == 3) }' "$OUT_FILE"

case_begin "show: a support's status, plainly; a contact note"
run "$ITPNAV" show --data "$V2" --format text old-circle
expect_status 0
expect_stdout_has "Status: inactive: no sign of activity since 2021-09"
expect_stdout_has "How to reach it: Through its host's website; no direct contact is published."
expect_stdout_lacks "no public contact found"
run "$ITPNAV" show --data "$V2" --format text closed-program
expect_stdout_has "Status: closed"
expect_stdout_has "Email: info@example.org"
run "$ITPNAV" show --data "$V2" --format text qc-office
expect_stdout_has "Status: active"

case_begin "show: a step's url whole on a line of its own, however narrow the page; a pathway's contact"
url="https://example.org/qc-office/registration/a-long-path-that-is-wider-than-most-terminals-are-today?step=1&lang=en"
COLUMNS=60 run "$ITPNAV" show --data "$V2" --format text qc-permit
expect_status 0
check "the url is a line of its own, whole" grep -qxF "     $url" "$OUT_FILE"
check "right after its step's detail" awk -v u="     $url" '/^  1\. Register with the office$/ { s = NR }
    $0 == u { n = NR } END { exit !(s && n == s + 2) }' "$OUT_FILE"
expect_stdout_has "Website: https://example.org/permits"
expect_stdout_has "How to reach it: Ask the office about places."
expect_stdout_has "En français: Permis restrictif au Québec"
run "$ITPNAV" show --data "$V2" --format tsv qc-permit
check "tsv: the url is a line of style url" grep -qxF "url${TAB}${TAB}$url" "$OUT_FILE"

case_begin "show --format json: the new fields beside the old ones"
run "$ITPNAV" show --data "$V2" --format json qc-office
expect_status 0
expect_json 'd["status"] == "active" and "delivery" not in d'
expect_json 'd["contact"] == {"website": "https://example.org/qc-office", "address": "1075 chemin Sainte-Foy, Québec"}'
expect_json 'd["source_undated"] is True and d["source_as_of"] == "2026-11-21" and d["as_of"] == "2026-11-21"'
expect_json 'd["translations"]["fr"]["name"] == "Bureau des diplômés internationaux" and d["translations"]["fr"]["source"] == "src-fr"'
expect_json 'd["translations"]["fr"]["offers"] == ["Conseils sur le permis"]'
expect_json 'd["id"] == "qc-office" and d["regions"] == ["quebec"] and d["source"] == "src-undated"'
run "$ITPNAV" show --data "$V2" --format json qc-permit
expect_json 'd["steps"][0]["url"].startswith("https://example.org/qc-office/registration/") and "url" not in d["steps"][1]'
expect_json 'd["contact"] == {"website": "https://example.org/permits", "note": "Ask the office about places."}'
expect_json 'd["requires"]["complete"] is True'
expect_json 'd["translations"]["fr"]["steps"] == [{"title": "S\u0027inscrire auprès du bureau"}, {"title": "Faire l\u0027évaluation", "detail": "Trois mois."}]'
expect_json 'd["translations"]["fr"]["requires_note"] == "Un besoin doit être établi."'
run "$ITPNAV" show --data "$V2" --format json closed-program
expect_json 'd["status"] == "closed" and d["contact"] == {"email": "info@example.org", "phone": "555-0100"} and "source_undated" not in d'

# ---- list ----

case_begin "list: an inactive or closed support is marked on its row (text), its status in json"
COLUMNS=80 run "$ITPNAV" list --data "$V2" --format text --region ontario
expect_status 0
expect_stdout_matches "^Ontario Old Circle \(inactive\) +group "
expect_stdout_matches "^Closed Bridging Program \(closed\) +program "
expect_stdout_matches "^Sudbury Exam Circle +group "
run "$ITPNAV" list --data "$V2" --format tsv --region ontario
expect_stdout_has "old-circle${TAB}group${TAB}Ontario Old Circle"
expect_stdout_lacks "(inactive)"
run "$ITPNAV" list --data "$V2" --format json --kind support
expect_json '{e["id"]: e.get("status") for e in d} == {"qc-office": "active", "quiet-network": None,
    "old-circle": "inactive", "closed-program": "closed", "sudbury-circle": None}'

case_begin "list: --delivery leaves out the entries whose delivery is not stated"
run "$ITPNAV" list --data "$V2" --format tsv --delivery online --delivery in-person --delivery hybrid
expect_status 0
expect_id_set "old-circle closed-program sudbury-circle"

case_begin "list: a place by alias, by its name in French, by a city's name shared with its province"
run "$ITPNAV" list --data "$V2" --format tsv --region "quebec city"
expect_status 0
expect_id_set "qc-office qc-permit"
run "$ITPNAV" list --data "$V2" --format tsv --region "VILLE DE QUEBEC"
expect_id_set "qc-office qc-permit"
run "$ITPNAV" list --data "$V2" --format tsv --region sudbury
expect_id_set "sudbury-circle old-circle closed-program on-alt"
run "$ITPNAV" list --data "$V2" --format tsv --region "Grand Sudbury"
expect_id_set "sudbury-circle old-circle closed-program on-alt"
run "$ITPNAV" list --data "$V2" --format tsv --region st.\ catharines
expect_id_set "quiet-network old-circle closed-program on-alt"
# "Québec" names the province and its capital: the wider place is meant.
run "$ITPNAV" list --data "$V2" --format tsv --region québec
expect_id_set "qc-office qc-permit"
run "$ITPNAV" list --data "$V2" --format json --region québec --limit 1
expect_status 0

case_begin "list: an unknown place suggests the nearest name or alias; a goal, the one it begins"
run "$ITPNAV" list --data "$V2" --region niagra
expect_status 64
expect_stderr_has "unknown region 'niagra'; did you mean 'Niagara'?"
run "$ITPNAV" list --data "$V2" --region sudbary
expect_status 64
expect_stderr_has "did you mean 'Sudbury'?"
run "$ITPNAV" list --data "$V2" --goal alt
expect_status 64
expect_stderr_has "unknown goal 'alt'; did you mean 'alternative-career'?"
run "$ITPNAV" list --data "$V2" --goal career
expect_stderr_has "did you mean 'alternative-career'?"

case_begin "list (bundled): 'niagra' suggests Niagara, '--goal alt' alternative-career (issue 14)"
run "$ITPNAV" list --region niagra
expect_status 64
expect_stderr_has "did you mean 'Niagara'?"
run "$ITPNAV" list --goal alt
expect_status 64
expect_stderr_has "did you mean 'alternative-career'?"
expect_stderr_lacks "'pra'"

case_begin "list --search: words in either language, accents ignored"
# In French only: the office's name, and a step of the permit ("S'inscrire auprès du bureau").
run "$ITPNAV" list --data "$V2" --format tsv --search bureau
expect_status 0
expect_id_set "qc-office qc-permit"
run "$ITPNAV" list --data "$V2" --format tsv --search "diplomes etranger"
expect_id_set "qc-office"
run "$ITPNAV" list --data "$V2" --format tsv --search "inscrire"
expect_id_set "qc-permit"
run "$ITPNAV" list --data "$V2" --format tsv --search "permis"
expect_id_set "qc-office qc-permit"
run "$ITPNAV" list --data "$V2" --format tsv --search "office"
expect_has_ids "qc-office"

# ---- check --older-than: an undated page's date counts like any other ----

case_begin "check --older-than: a record on an undated source is stale or not by its as_of, like any"
python3 - "$V2" "$TEST_TMP/old.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
for s in d["sources"]:
    s["as_of"] = "2001-05"
for e in d["supports"] + d["pathways"]:
    e["as_of"] = "2001-05" if e["id"] in ("qc-office", "quiet-network") else "2099-01"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
run "$ITPNAV" check --older-than 12 --format tsv "$TEST_TMP/old.json"
expect_status 0
expect_stdout_equals "qc-office${TAB}program${TAB}2001-05${TAB}Quebec IMG Office
quiet-network${TAB}group${TAB}2001-05${TAB}Niagara Quiet Network"

# ---- D2: region depth and cycles ----

# chain FILE N VERSION [cycle]: a dataset whose regions are a chain N deep (or a cycle of N).
chain() {
    python3 - "$@" <<'PY'
import json, sys
path, n, version = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cycle = len(sys.argv) > 4
regions = [{"id": "r%d" % i, "name": "R%d" % i} for i in range(n)]
for i in range(n):
    if i or cycle:
        regions[i]["parent"] = "r%d" % ((i - 1) % n)
d = {"itpnav": version, "dataset": {"title": "A deep tree", "as_of": "2026"},
     "sources": [{"id": "s", "title": "S"}], "regions": regions,
     "goals": [{"id": "g", "name": "G", "summary": "G."}], "services": [{"id": "v", "name": "V"}],
     "supports": [{"id": "a", "kind": "group", "name": "A", "regions": ["r%d" % (n - 1)],
                   "delivery": ["online"], "goals": ["g"], "services": ["v"], "summary": "A.",
                   "source": "s", "as_of": "2026"}], "pathways": []}
json.dump(d, open(path, "w"))
PY
}

case_begin "D2: a region chain 5,000 deep is refused at once by check and by list, in both versions"
for v in 1 2; do
    chain "$TEST_TMP/deep.json" 5000 $v
    run timeout 20 "$ITPNAV" check "$TEST_TMP/deep.json"
    expect_status 65
    expect_stderr_line "itpnav: $TEST_TMP/deep.json: .regions[16].parent: " \
        'region "r16" is 17 levels deep; expected at most 16'
    XDG_CACHE_HOME="$TEST_TMP/deep-cache" run timeout 20 "$ITPNAV" list --data "$TEST_TMP/deep.json"
    expect_status 65
    check "no cache was written for it" bash -c '! ls "$0"/itpnav/*.db >/dev/null 2>&1' \
        "$TEST_TMP/deep-cache"
done

case_begin "D2: 16 levels load and list; the deepest place lists what its ancestors have"
chain "$TEST_TMP/sixteen.json" 16 2
run "$ITPNAV" check --strict "$TEST_TMP/sixteen.json"
expect_status 0
run timeout 20 "$ITPNAV" list --data "$TEST_TMP/sixteen.json" --region r0 --format tsv
expect_status 0
expect_id_set "a"

case_begin "D2: a cycle of 30,000 regions is refused at once"
chain "$TEST_TMP/cycle.json" 30000 2 cycle
run timeout 20 "$ITPNAV" check "$TEST_TMP/cycle.json"
expect_status 65
expect_stderr_line "itpnav: $TEST_TMP/cycle.json: .regions[0].parent: " 'region "r0" is its own ancestor'
expect_stderr_has "30000 errors (format version 2)"

finish
