# list.sh: `itpnav list` — filters, order, formats and usage errors (spec/cli.md, spec/dataset.md
# "Filter semantics").
. "$(dirname "$0")/lib.sh"

BUNDLED="$SOURCE_ROOT/data/itpnav.json"
DEEP="$FIXTURES/cli-deep.json"
TAB=$'\t'

# The entries a region filter must give on a dataset, computed from the JSON itself (the
# up/down rule of dataset.md): one of an entry's regions is R, an ancestor or a descendant of R.
region_oracle() {
    python3 - "$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
r = sys.argv[2]
parent = {x["id"]: x.get("parent") for x in d["regions"]}
def ancestors(x):
    out = []
    while x:
        out.append(x)
        x = parent.get(x)
    return out
related = {x for x in parent if x in ancestors(r) or r in ancestors(x)}
for e in d["supports"] + d["pathways"]:
    if related & set(e["regions"]):
        print(e["id"])
EOF
}

# ---- the bundled dataset ----

case_begin "bundled: --region 'Niagara Region' lists Niagara, Ontario-wide and Canada-wide entries"
run "$ITPNAV" list --region "Niagara Region" --format tsv
expect_status 0
expect_stderr_empty
# Niagara's own, Ontario-wide, Canada-wide (supports and pathways).
expect_has_ids "niagara-img-ien niagara-folk-arts-fcr aipso irsn idn itmd-bridging lef-fcr itpo
                cracking-the-carms pra residency"
# Kingston's, London's and Toronto's are not Niagara's.
expect_lacks_ids "kingston-ilwg-iehp wil-aco ican community-matters-briedge"
expect_id_set "$(region_oracle "$BUNDLED" niagara-region)"

case_begin "bundled: the region by id, by name, ignoring case and accents, gives the same list"
run "$ITPNAV" list --region niagara-region --format tsv
cp "$OUT_FILE" "$TEST_TMP/niagara-by-id"
expect_status 0
run "$ITPNAV" list --region "niagara region" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/niagara-by-id"
run "$ITPNAV" list --region "NIAGARA REGION" --format tsv
expect_status 0
expect_stdout_equals "$TEST_TMP/niagara-by-id"

case_begin "bundled: --region quebec, 'QUÉBEC' and 'Québec' are the same region"
run "$ITPNAV" list --region quebec --format tsv
expect_status 0
cp "$OUT_FILE" "$TEST_TMP/quebec"
expect_id_set "$(region_oracle "$BUNDLED" quebec)"
# Québec's list is the Canada-wide entries only: nothing from Ontario.
expect_lacks_ids "aipso niagara-img-ien kingston-ilwg-iehp"
for name in "QUÉBEC" "Québec" "québec" "QUEBEC"; do
    run "$ITPNAV" list --region "$name" --format tsv
    expect_status 0
    expect_stdout_equals "$TEST_TMP/quebec"
done

case_begin "bundled: --region ontario: everything inside Ontario and Canada-wide"
run "$ITPNAV" list --region ontario --format tsv
expect_status 0
expect_has_ids "kingston-ilwg-iehp wil-aco ican niagara-img-ien aipso itpo pra"
expect_id_set "$(region_oracle "$BUNDLED" ontario)"

case_begin "bundled: a near-miss region suggests the right one"
run "$ITPNAV" list --region niagra-region
expect_status 64
expect_stderr_has "niagra-region"
expect_stderr_matches "did you mean '?(Niagara Region|niagara-region)'?"

case_begin "bundled: a near-miss goal suggests the right one"
run "$ITPNAV" list --goal residncy
expect_status 64
expect_stderr_has "residncy"
expect_stderr_matches "did you mean '?residency'?"

case_begin "bundled: a near-miss service suggests the right one"
run "$ITPNAV" list --service mentorshp
expect_status 64
expect_stderr_has "mentorshp"
expect_stderr_matches "did you mean '?mentorship'?"

# ---- the deeper fixture: up/down semantics and order ----

case_begin "deep: --region on a city: itself and its ancestors, not its siblings"
run "$ITPNAV" list --data "$DEEP" --region mtl --format tsv
expect_status 0
expect_stderr_empty
# Most specific matching region first (city, region, province, country), then by name.
expect_ids "mtl-exam multi-site gm-reseau qc-pra qc-mentorat ca-network ca-residency"
expect_lacks_ids "laval-club on-mentors niagara-hub stc-bridge on-alt"

case_begin "deep: --region on a province: its descendants (down) and Canada (up)"
run "$ITPNAV" list --data "$DEEP" --region quebec --format tsv
expect_status 0
expect_ids "mtl-exam laval-club multi-site gm-reseau qc-pra qc-mentorat ca-network ca-residency"

case_begin "deep: an entry in two regions sorts by the region that matched"
# multi-site is in Kingston (depth 2 here) and Montréal (depth 3, unrelated to Ontario).
run "$ITPNAV" list --data "$DEEP" --region ontario --format tsv
expect_status 0
expect_ids "stc-bridge niagara-hub multi-site on-alt on-mentors ca-network ca-residency"

case_begin "deep: --region on a middle region: its city below, its province and country above"
run "$ITPNAV" list --data "$DEEP" --region niagara --format tsv
expect_status 0
expect_ids "stc-bridge niagara-hub on-alt on-mentors ca-network ca-residency"
expect_lacks_ids "multi-site mtl-exam"

case_begin "deep: --region canada (the root) lists everything"
run "$ITPNAV" list --data "$DEEP" --format tsv
cp "$OUT_FILE" "$TEST_TMP/deep-all"
run "$ITPNAV" list --data "$DEEP" --region canada --format tsv
expect_status 0
expect_stdout_lines 12
expect_id_set "$(cut -f1 "$TEST_TMP/deep-all")"

case_begin "deep: the accented city by name, ignoring case and accents"
run "$ITPNAV" list --data "$DEEP" --region mtl --format tsv
cp "$OUT_FILE" "$TEST_TMP/mtl"
for name in "Montréal" "montreal" "MONTRÉAL" "MONTREAL" "montréal"; do
    run "$ITPNAV" list --data "$DEEP" --region "$name" --format tsv
    expect_status 0
    expect_stdout_equals "$TEST_TMP/mtl"
done
run "$ITPNAV" list --data "$DEEP" --region "grand montreal" --format tsv
expect_status 0
expect_ids "mtl-exam laval-club multi-site gm-reseau qc-pra qc-mentorat ca-network ca-residency"

case_begin "deep: the region oracle agrees for every region of the tree"
for r in canada quebec grand-montreal mtl laval ontario niagara st-catharines kingston; do
    run "$ITPNAV" list --data "$DEEP" --region "$r" --format tsv
    expect_status 0
    expect_id_set "$(region_oracle "$DEEP" "$r")"
done

case_begin "deep: --goal repeated means any of them"
run "$ITPNAV" list --data "$DEEP" --goal pra --goal alternative-career --format tsv
expect_status 0
expect_id_set "ca-network gm-reseau on-mentors niagara-hub stc-bridge multi-site qc-pra on-alt"

case_begin "deep: --goal on pathways uses the pathway's goal"
run "$ITPNAV" list --data "$DEEP" --goal residency --kind pathway --format tsv
expect_status 0
expect_ids "ca-residency"

case_begin "deep: --service (one, and repeated)"
run "$ITPNAV" list --data "$DEEP" --service mentorship --format tsv
expect_status 0
expect_id_set "qc-mentorat on-mentors"
run "$ITPNAV" list --data "$DEEP" --service exam-preparation --service community --format tsv
expect_status 0
expect_id_set "mtl-exam laval-club stc-bridge gm-reseau niagara-hub multi-site"

case_begin "deep: --delivery (one, and repeated)"
run "$ITPNAV" list --data "$DEEP" --delivery hybrid --format tsv
expect_status 0
expect_id_set "qc-mentorat stc-bridge"
run "$ITPNAV" list --data "$DEEP" --delivery online --format tsv
expect_status 0
expect_id_set "ca-network on-mentors niagara-hub multi-site"
run "$ITPNAV" list --data "$DEEP" --delivery hybrid --delivery in-person --format tsv
expect_status 0
expect_id_set "qc-mentorat stc-bridge gm-reseau mtl-exam laval-club niagara-hub"

case_begin "deep: --kind pathway, group, and group+program"
run "$ITPNAV" list --data "$DEEP" --kind pathway --format tsv
expect_status 0
expect_id_set "ca-residency qc-pra on-alt"
run "$ITPNAV" list --data "$DEEP" --kind group --format tsv
expect_status 0
expect_id_set "ca-network gm-reseau laval-club niagara-hub"
run "$ITPNAV" list --data "$DEEP" --kind group --kind program --format tsv
expect_status 0
expect_id_set "ca-network qc-mentorat gm-reseau mtl-exam laval-club on-mentors niagara-hub
               stc-bridge multi-site"

case_begin "deep: different filters combine with AND, in the spec'd order"
run "$ITPNAV" list --data "$DEEP" --region quebec --goal residency --kind program --format tsv
expect_status 0
expect_ids "mtl-exam qc-mentorat"
run "$ITPNAV" list --data "$DEEP" --region ontario --service mentorship --delivery online --format tsv
expect_status 0
expect_ids "on-mentors"
run "$ITPNAV" list --data "$DEEP" --region ontario --search ment --format tsv
expect_status 0
expect_ids "on-mentors"
run "$ITPNAV" list --data "$DEEP" --region laval --kind pathway --goal alternative-career --format tsv
expect_status 0
expect_stdout_empty

case_begin "deep: --search: a word is a prefix, case ignored"
run "$ITPNAV" list --data "$DEEP" --search ment --format tsv
expect_status 0
expect_id_set "qc-mentorat on-mentors"
run "$ITPNAV" list --data "$DEEP" --search MENTOR --format tsv
expect_status 0
expect_id_set "qc-mentorat on-mentors"

case_begin "deep: --search: accents ignored both ways"
run "$ITPNAV" list --data "$DEEP" --search montreal --format tsv
expect_status 0
expect_id_set "mtl-exam gm-reseau"
run "$ITPNAV" list --data "$DEEP" --search "Montréal" --format tsv
expect_status 0
expect_id_set "mtl-exam gm-reseau"
run "$ITPNAV" list --data "$DEEP" --search quebec --format tsv
expect_status 0
expect_id_set "qc-mentorat"
run "$ITPNAV" list --data "$DEEP" --search evaluation --format tsv
expect_status 0
expect_id_set "qc-pra"

case_begin "deep: --search: all words must match"
run "$ITPNAV" list --data "$DEEP" --search "cercle montreal" --format tsv
expect_status 0
expect_ids "mtl-exam"
run "$ITPNAV" list --data "$DEEP" --search "mentorat montreal" --format tsv
expect_status 0
expect_stdout_empty

case_begin "accents written as combining marks (NFD) in the data are ignored too"
NFD="$FIXTURES/cli-decomposed.json"
for r in tr "trois-rivieres" "TROIS-RIVIÈRES" "Trois-Rivières"; do
    run "$ITPNAV" list --data "$NFD" --region "$r" --format tsv
    expect_status 0
    expect_ids "ecole national"
done
for s in ecole "école" "ÉCOLE" "medecins" "médecins" "MEDECIN"; do
    run "$ITPNAV" list --data "$NFD" --search "$s" --format tsv
    expect_status 0
    expect_ids "ecole"
done

case_begin "deep: --search: all words must match, however many there are"
run "$ITPNAV" list --data "$DEEP" --search "$(printf 'ontario %.0s' {1..16})zzzzqqq" --format tsv
expect_status 0
expect_stdout_empty
run "$ITPNAV" list --data "$DEEP" --search "$(printf 'ontario %.0s' {1..15})zzzzqqq" --format tsv
expect_status 0
expect_stdout_empty

case_begin "deep: --search: with text, the best match first (a name before a summary)"
# "circle" is in on-mentors' name and in laval-club's summary.
run "$ITPNAV" list --data "$DEEP" --search circle --format tsv
expect_status 0
expect_ids "on-mentors laval-club"

case_begin "deep: --search looks in host, acronym, location, offers, eligibility and steps"
run "$ITPNAV" list --data "$DEEP" --search volunteers --format tsv
expect_ids "on-mentors"
run "$ITPNAV" list --data "$DEEP" --search scb --format tsv
expect_ids "stc-bridge"
run "$ITPNAV" list --data "$DEEP" --search plateau --format tsv
expect_ids "mtl-exam"
run "$ITPNAV" list --data "$DEEP" --search resume --format tsv
expect_ids "niagara-hub"
run "$ITPNAV" list --data "$DEEP" --search newcomers --format tsv
expect_ids "laval-club"
run "$ITPNAV" list --data "$DEEP" --search abroad --format tsv
expect_ids "qc-pra"
# "qualifying" is in mtl-exam's summary and in a step of ca-residency.
run "$ITPNAV" list --data "$DEEP" --search qualifying --format tsv
expect_status 0
expect_id_set "mtl-exam ca-residency"

case_begin "deep: hostile --search text never errors"
for s in '"' '*' 'AND' '-x' 'NEAR(' 'a"b' '((' "'" 'x OR y' '^' 'NOT' ':' '{' '\' '""' 'a*b*' \
         'name:x' '-' '+' ')' '%' '_' ';' 'DROP TABLE entry;--' "$(printf 'x%.0s' {1..3000})" \
         'a b c d e f g h i j k l m n o p q r s t u v w'; do
    run "$ITPNAV" list --data "$DEEP" --search "$s" --format tsv
    expect_status 0
    expect_stderr_empty
done

case_begin "deep: --limit N gives the first N of the full order"
run "$ITPNAV" list --data "$DEEP" --format tsv
head -n 2 "$OUT_FILE" >"$TEST_TMP/first2"
head -n 5 "$OUT_FILE" >"$TEST_TMP/first5"
cp "$OUT_FILE" "$TEST_TMP/all"
run "$ITPNAV" list --data "$DEEP" --format tsv --limit 2
expect_status 0
expect_stdout_equals "$TEST_TMP/first2"
run "$ITPNAV" list --data "$DEEP" --region quebec --format tsv --limit 5
expect_status 0
expect_ids "mtl-exam laval-club multi-site gm-reseau qc-pra"
run "$ITPNAV" list --data "$DEEP" --format tsv --limit 1000
expect_status 0
expect_stdout_equals "$TEST_TMP/all"
run "$ITPNAV" list --data "$DEEP" --format tsv --limit 0
expect_status 0
expect_stdout_empty

case_begin "a large dataset: every entry once, in one order, whatever the --limit"
# 1234 supports (plus the fixture's 3 pathways), spread over the deep fixture's regions.
python3 - "$DEEP" "$TEST_TMP/big.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
base = d["supports"][0]
regions = [r["id"] for r in d["regions"]]
d["supports"] = [dict(base, id="s%04d" % i, name="Support %04d" % ((i * 7919) % 1234),
                      regions=[regions[i % len(regions)]]) for i in range(1234)]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
run "$ITPNAV" list --data "$TEST_TMP/big.json" --format tsv
expect_status 0
expect_stdout_lines 1237
check "no entry is listed twice" bash -c '[ -z "$(cut -f1 "$0" | sort | uniq -d)" ]' "$OUT_FILE"
cp "$OUT_FILE" "$TEST_TMP/big-all"
for n in 499 500 501 1000 1237 5000; do
    run "$ITPNAV" list --data "$TEST_TMP/big.json" --format tsv --limit "$n"
    expect_status 0
    head -n "$n" "$TEST_TMP/big-all" >"$TEST_TMP/big-head"
    expect_stdout_equals "$TEST_TMP/big-head"
done
run "$ITPNAV" list --data "$TEST_TMP/big.json" --region quebec --format tsv
expect_status 0
expect_id_set "$(region_oracle "$TEST_TMP/big.json" quebec)"
run "$ITPNAV" list --data "$TEST_TMP/big.json" --region quebec --format json
expect_status 0
expect_json 'len(d) == len(set(o["id"] for o in d)) == '"$(region_oracle "$TEST_TMP/big.json" quebec | wc -l)"

case_begin "deep: --format tsv is exactly id<TAB>kind<TAB>name, no header"
run "$ITPNAV" list --data "$DEEP" --region mtl --format tsv
expect_status 0
expect_stdout_equals "mtl-exam${TAB}program${TAB}Cercle d'examens de Montréal
multi-site${TAB}program${TAB}Twin Cities Program
gm-reseau${TAB}group${TAB}Réseau du Grand Montréal
qc-pra${TAB}pathway${TAB}Évaluation de la pratique (PRA)
qc-mentorat${TAB}program${TAB}Mentorat Québec
ca-network${TAB}group${TAB}Canada Network of ITPs
ca-residency${TAB}pathway${TAB}Residency match"

case_begin "bundled: --format tsv: every line has three fields and a known kind"
run "$ITPNAV" list --format tsv
expect_status 0
check "every line is id<TAB>kind<TAB>name" \
    awk -F'\t' 'NF != 3 || $1 !~ /^[a-z0-9][a-z0-9-]*$/ || $2 !~ /^(group|program|pathway)$/ || $3 == "" { exit 1 }' "$OUT_FILE"
# The same count as the dataset has entries.
n=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["supports"])+len(d["pathways"]))' "$BUNDLED")
expect_stdout_lines "$n"

case_begin "deep: --format json is an array of objects with id, kind, name, regions, goals"
run "$ITPNAV" list --data "$DEEP" --region mtl --format json
expect_status 0
expect_json 'isinstance(d, list) and len(d) == 7 and all(isinstance(o, dict) for o in d)'
expect_json 'all(isinstance(o.get("id"), str) and o.get("kind") in ("group", "program", "pathway")
                 and isinstance(o.get("name"), str) and isinstance(o.get("regions"), list)
                 and isinstance(o.get("goals"), list) for o in d)'
expect_json '[o["id"] for o in d] == ["mtl-exam", "multi-site", "gm-reseau", "qc-pra", "qc-mentorat", "ca-network", "ca-residency"]'
expect_json '{o["id"]: o for o in d}["mtl-exam"]["regions"] == ["mtl"]'
expect_json 'sorted({o["id"]: o for o in d}["multi-site"]["regions"]) == ["kingston", "mtl"]'
expect_json 'sorted({o["id"]: o for o in d}["ca-network"]["goals"]) == ["alternative-career", "residency"]'
expect_json '{o["id"]: o for o in d}["qc-pra"]["goals"] == ["pra"]'
expect_json '{o["id"]: o for o in d}["mtl-exam"]["name"] == "Cercle d\u0027examens de Montréal"'

case_begin "deep: json and tsv list the same entries in the same order"
run "$ITPNAV" list --data "$DEEP" --goal residency --format tsv
cut -f1 "$OUT_FILE" >"$TEST_TMP/tsv-ids"
run "$ITPNAV" list --data "$DEEP" --goal residency --format json
expect_status 0
expect_json '[o["id"] for o in d] == open("'"$TEST_TMP/tsv-ids"'").read().split()'

case_begin "deep: --format text is readable and names the entries"
run "$ITPNAV" list --data "$DEEP" --region mtl --format text
expect_status 0
expect_stdout_has "Twin Cities Program"
expect_stdout_has "Mentorat Québec"
expect_stdout_lacks "$TAB"

case_begin "--format text follows COLUMNS off a terminal (itpnav(1)): no line wider"
for c in 40 60 89 90 120; do
    run env COLUMNS="$c" "$ITPNAV" list --region ontario --format text
    expect_status 0
    check "no line is wider than $c columns" python3 -c '
import sys, unicodedata
w = lambda s: sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)
sys.exit(max(w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) > int(sys.argv[2]))
' "$OUT_FILE" "$c"
done
run env COLUMNS=120 "$ITPNAV" list --region ontario --format text
expect_stdout_has "SIZE/STATUS"
expect_stdout_has "WHERE"
run env COLUMNS=89 "$ITPNAV" list --region ontario --format text
expect_stdout_lacks "SIZE/STATUS"
expect_stdout_has "WHERE"
run env COLUMNS=59 "$ITPNAV" list --region ontario --format text
expect_stdout_lacks "WHERE"

case_begin "on a terminal the default format is text (not tsv)"
run_tty "$ITPNAV" list --data "$DEEP" --region mtl
expect_status 0
expect_stdout_has "Twin Cities Program"
expect_stdout_lacks "$TAB"
expect_stdout_lacks "multi-site${TAB}program"

case_begin "no match: nothing (tsv, text) or [] (json), exit 0"
run "$ITPNAV" list --data "$DEEP" --search zzzzqqq --format tsv
expect_status 0
expect_stdout_empty
run "$ITPNAV" list --data "$DEEP" --search zzzzqqq --format text
expect_status 0
expect_stdout_empty
run "$ITPNAV" list --data "$DEEP" --search zzzzqqq --format json
expect_status 0
expect_json 'd == []'

case_begin "unknown --region / --goal / --service: 64 and the value named"
run "$ITPNAV" list --data "$DEEP" --region nowhere
expect_status 64
expect_stderr_has "nowhere"
expect_stdout_empty
run "$ITPNAV" list --data "$DEEP" --goal x
expect_status 64
expect_stderr_has "'x'"
expect_stdout_empty
run "$ITPNAV" list --data "$DEEP" --service x
expect_status 64
expect_stderr_has "'x'"
expect_stdout_empty

case_begin "deep: near misses suggest the nearest known value"
run "$ITPNAV" list --data "$DEEP" --region montral
expect_status 64
expect_stderr_matches "did you mean '?(Montréal|mtl)'?"
run "$ITPNAV" list --data "$DEEP" --goal alternative-carer
expect_status 64
expect_stderr_matches "did you mean '?alternative-career'?"
run "$ITPNAV" list --data "$DEEP" --service networkin
expect_status 64
expect_stderr_matches "did you mean '?networking'?"

case_begin "usage errors: bad option, missing value, option of another command -> 64"
run "$ITPNAV" list --bogus
expect_status 64
expect_stderr_has "--bogus"
run "$ITPNAV" list --region
expect_status 64
run "$ITPNAV" list --strict
expect_status 64
expect_stderr_has "--strict"
run "$ITPNAV" list --out x.db
expect_status 64
run "$ITPNAV" list --exam nac
expect_status 64
run "$ITPNAV" list stray-argument
expect_status 64
run "$ITPNAV" list --kind banana
expect_status 64
expect_stderr_has "banana"
run "$ITPNAV" list --delivery teleport
expect_status 64
expect_stderr_has "teleport"
run "$ITPNAV" list --format xml
expect_status 64
expect_stderr_has "xml"
run "$ITPNAV" list --data "$DEEP" --region "'; DROP TABLE region; --"
expect_status 64
run "$ITPNAV" list --data "$DEEP" --region ""
expect_status 64
run "$ITPNAV" list --data "$DEEP" --goal "%"
expect_status 64
run "$ITPNAV" list --data "$DEEP" --region "*"
expect_status 64
for bad in -1 abc 2x ""; do
    run "$ITPNAV" list --limit "$bad"
    expect_status 64
done

case_begin "--data: an invalid dataset -> 65, a missing one -> 66, a directory -> 66"
run "$ITPNAV" list --data "$FIXTURES/cli-broken.json"
expect_status 65
expect_stdout_empty
expect_stderr_has "cli-broken.json"
# Every error, in the same form as check's.
expect_stderr_count "^itpnav: .*cli-broken\.json: \.[a-z]" 12
expect_stderr_line "itpnav: $FIXTURES/cli-broken.json: .supports[1].regions[0]: " "did you mean"
run "$ITPNAV" list --data "$FIXTURES/cli-bad-syntax.json"
expect_status 65
expect_stderr_line "itpnav: $FIXTURES/cli-bad-syntax.json:4:30: "
run "$ITPNAV" list --data "$TEST_TMP/no-such-file.json"
expect_status 66
expect_stderr_has "no-such-file.json"
run "$ITPNAV" list --data "$TEST_TMP"
expect_status 66

case_begin "cache: a second run hits the cache and is still correct"
run "$ITPNAV" list --data "$DEEP" --region quebec --format tsv
cp "$OUT_FILE" "$TEST_TMP/first-run"
expect_status 0
check "a cache database was written under XDG_CACHE_HOME" \
    bash -c 'ls "$XDG_CACHE_HOME"/itpnav/*.db'
run "$ITPNAV" list --data "$DEEP" --region quebec --format tsv
expect_status 0
expect_stderr_empty
expect_stdout_equals "$TEST_TMP/first-run"
check "nothing was written to HOME" bash -c '[ -z "$(ls -A "$HOME")" ]'

finish
