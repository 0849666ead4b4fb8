# fr.sh: `itpnav import hsds` and `itpnav export hsds` in French (issue 18). The reports a person
# reads are French (« guillemets », U+00A0 before : ; ? !, numbers grouped as French does), at the
# same places as in English (the same files, lines and jq paths, in the same order), with the
# same exit status; what the commands write (the dataset, the HSDS export) is byte for byte the
# same in both languages: it never holds a French interface word.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/hsds-lib.sh"

export SOURCE_DATE_EPOCH=1764547200 # 2025-12-01
NBSP=$'\u00a0'
H="$TEST_TMP/hostile"
"$PY" "$HSDS_DIR/hostile.py" "$H" || {
    echo "hostile.py failed"
    exit 99
}
MAP="$H/map.json"
SPEC="$FIXTURES/hsds/spec"
SPEC_MAP="$FIXTURES/hsds/map-spec-default.json"

# both NAME ARGS...: runs `itpnav ARGS` in English, then in French (--lang fr), keeping each
# run's stdout, stderr and status in $TEST_TMP/NAME.{en,fr}.{out,err,status}; the French run
# is the last run (for the expect_* that follow).
both() {
    local name=$1 lang
    shift
    for lang in en fr; do
        run "$ITPNAV" "$@" --lang "$lang"
        cp "$OUT_FILE" "$TEST_TMP/$name.$lang.out"
        cp "$ERR_FILE" "$TEST_TMP/$name.$lang.err"
        echo "$STATUS" >"$TEST_TMP/$name.$lang.status"
    done
}

# expect_same_run NAME: the two runs of NAME ended with the same status and wrote the same
# bytes on standard output.
expect_same_run() {
    local en fr
    en=$(cat "$TEST_TMP/$1.en.status")
    fr=$(cat "$TEST_TMP/$1.fr.status")
    [ "$en" = "$fr" ] || fail "exit status $en in English, $fr in French"
    expect_files_equal "$TEST_TMP/$1.en.out" "$TEST_TMP/$1.fr.out"
}

# expect_reports_translated NAME: stderr has one French line for each English one, in the same
# order; each starts with the same place (FILE, FILE:LINE, and the jq path when there is one,
# separated by ": " in English and by " : " with U+00A0 in French) and goes on with another
# message: a report left in English fails, and so does one at another place.
expect_reports_translated() {
    local out
    if ! out=$("$PY" - "$TEST_TMP/$1.en.err" "$TEST_TMP/$1.fr.err" <<'EOF'
import sys
en = open(sys.argv[1], encoding="utf-8").read().splitlines()
fr = open(sys.argv[2], encoding="utf-8").read().splitlines()
bad = []
if not en:
    bad.append("no report in English: nothing to compare")
if len(en) != len(fr):
    bad.append(f"{len(en)} lines in English, {len(fr)} in French")
for e, f in zip(en, fr):
    if not e.startswith("itpnav: ") or not f.startswith("itpnav\u00a0: "):
        bad.append(f"not a report: {e!r} / {f!r}")
        continue
    et = e[len("itpnav: "):].split(": ")
    ft = f[len("itpnav\u00a0: "):].split("\u00a0: ")
    k = 0
    while k < min(len(et), len(ft)) - 1 and et[k] == ft[k]:
        k += 1
    if k == 0:
        bad.append(f"not at the same place:\n        {e}\n        {f}")
    elif ": ".join(et[k:]) == "\u00a0: ".join(ft[k:]):
        bad.append(f"left in English: {f}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
    ); then
        fail "the French reports are not the English ones translated, place by place:"
        printf '%s\n' "$out" | head -n 20 | sed 's/^/      /'
    fi
}

case_begin "JSON: every report in French at its English place; the dataset byte for byte the same"
both json import hsds --map "$MAP" "$H/hostile.json"
expect_status 0
expect_same_run json
expect_reports_translated json
P="itpnav${NBSP}: $H/hostile.json${NBSP}: "
expect_stderr_line "$P.[1].id${NBSP}: identifiant absent ou vide${NBSP}; attendu${NBSP}: l’UUID du service (l’enregistrement est écarté)"
expect_stderr_line "$P.[2].id${NBSP}: identifiant «${NBSP}00000000-1111-4111-8111-111111111111${NBSP}» en double, déjà présent à $H/hostile.json .[0]${NBSP}; cet enregistrement est écarté"
expect_stderr_line "$P.[3].description${NBSP}: UTF-8 non valide (octet 0xFF à la position 4)${NBSP}; l’enregistrement est écarté"
expect_stderr_line "$P.[4].email${NBSP}: UTF-8 non valide (octet 0xC0 à la position 3)${NBSP}; valeur écartée"
expect_stderr_line "$P.[9].name${NBSP}: avertissement${NBSP}: 2 caractères de contrôle ou bidirectionnels retirés"
expect_stderr_line "$P.[10].status${NBSP}: «${NBSP}temporarily closed${NBSP}» n’a pas d’équivalent dans itpnav (active, inactive, defunct)${NBSP}; valeur écartée"
expect_stderr_line "$P.[11].service_areas[0].name${NBSP}: aucune région nommée «${NBSP}Dade County${NBSP}»"
expect_stderr_line "$P.[14].last_modified${NBSP}: «${NBSP}yesterday${NBSP}» n’est pas une date${NBSP}; valeur écartée"
expect_stderr_line "$P.[16].itpnav.translations.[\"not a tag!\"]${NBSP}: pas une étiquette de langue avec un objet${NBSP}; valeur écartée"
expect_stderr_line "${P}services importés${NBSP}: 13 sur 18, 5 écartés${NBSP}; 12 valeurs sans correspondance${NBSP}; 1 ville ajoutée${NBSP}; 3 avertissements"
expect_stderr_lacks "left out"
expect_stderr_lacks "warning:"
# The same records under the same ids (the dataset is the same bytes), and it says nothing in
# French of its own.
expect_json "[s['id'] for s in d['supports']] == [s['id'] for s in json.load(open('$TEST_TMP/json.en.out'))['supports']]"
expect_json 'len(d["supports"]) == 13 and d["supports"][0]["id"] == "hsds-00000000-1111-4111-8111-111111111111"'
expect_json 'd["dataset"]["title"] == "Directory imported from hostile.json" and d["sources"][0]["title"] == "Open Referral directory hostile.json (records without a date)"'
expect_valid_v2 "$OUT_FILE"

case_begin "NDJSON: the lines' reports in French, a number grouped with U+00A0"
both ndjson import hsds --map "$MAP" "$H/hostile.ndjson"
expect_status 0
expect_same_run ndjson
expect_reports_translated ndjson
P="itpnav${NBSP}: $H/hostile.ndjson"
expect_stderr_line "${P}:4${NBSP}: la ligne fait 10${NBSP}485${NBSP}967 octets${NBSP}; un enregistrement peut faire au plus 4${NBSP}194${NBSP}304 octets${NBSP}; la ligne est écartée"
expect_stderr_line "${P}:5${NBSP}: .description${NBSP}: UTF-8 non valide (octet 0xE9 à la position 0)${NBSP}; l’enregistrement est écarté"
expect_stderr_line "${P}${NBSP}: services importés${NBSP}: 2 sur 5, 3 écartés${NBSP}; 3 valeurs sans correspondance"

case_begin "tabular package: the tables' and rows' reports in French, the same dataset"
both pkg import hsds --map "$MAP" "$H/pkg"
expect_status 0
expect_same_run pkg
expect_reports_translated pkg
P="itpnav${NBSP}: $H/pkg/"
expect_stderr_line "${P}services.csv:1${NBSP}: avertissement${NBSP}: la colonne «${NBSP}extra_column${NBSP}» n’est pas un champ de la table service de HSDS 3.0${NBSP}; colonne ignorée"
expect_stderr_line "${P}services.csv:4${NBSP}: id${NBSP}: identifiant «${NBSP}00000030-1111-4111-8111-111111111111${NBSP}» en double, déjà présent à la ligne 2${NBSP}; la ligne est écartée"
expect_stderr_line "${P}services.csv:12${NBSP}: un champ entre guillemets n’est pas fermé avant la fin du fichier${NBSP}; la ligne est écartée"
expect_stderr_line "${P}datapackage.json${NBSP}: .resources[7]${NBSP}: avertissement${NBSP}: «${NBSP}eligibility${NBSP}» n’est pas une table de HSDS 3.0${NBSP}; table ignorée"
expect_stderr_line "itpnav${NBSP}: $H/pkg${NBSP}: services importés${NBSP}: 5 sur 6, 1 écarté${NBSP}; 7 valeurs sans correspondance${NBSP}; 3 avertissements"

case_begin "--strict in French: the same status 65, nothing written, the refusal in French"
for lang in en fr; do
    echo "keep me" >"$TEST_TMP/previous.json"
    run "$ITPNAV" import hsds --lang $lang --strict --map "$MAP" --out "$TEST_TMP/previous.json" "$H/hostile.json"
    expect_status 65
    [ "$(cat "$TEST_TMP/previous.json")" = "keep me" ] || fail "--strict replaced the --out file ($lang)"
done
expect_stderr_line "itpnav${NBSP}: $H/hostile.json${NBSP}: avec --strict, une valeur impossible à faire correspondre est une erreur${NBSP}; rien n’est écrit"

case_begin "the specification's examples: the same dataset in --out, in both languages"
for ex in service_full.json service_at_location_list.json organization_full.json csv; do
    for lang in en fr; do
        run "$ITPNAV" import hsds --lang $lang --map "$SPEC_MAP" --out "$TEST_TMP/spec.$lang.json" "$SPEC/$ex"
        expect_status 0
        expect_stdout_empty
    done
    expect_files_equal "$TEST_TMP/spec.en.json" "$TEST_TMP/spec.fr.json"
    expect_stderr_matches "${NBSP}: services? importés?${NBSP}: [0-9]+ sur [0-9]+"
done

case_begin "a map that does not fit the dataset: the same status 65, the problems in French"
cat >"$TEST_TMP/bad-map.json" <<'EOF'
{"itpnav_map": 1, "terms": [{"code": "x", "goals": ["no-such-goal"], "kind": "club"}],
 "regions": [{"name": "Nowhere"}], "colour": "blue"}
EOF
both badmap import hsds --map "$TEST_TMP/bad-map.json" "$SPEC/service_full.json"
expect_status 65
expect_same_run badmap
expect_reports_translated badmap
P="itpnav${NBSP}: $TEST_TMP/bad-map.json${NBSP}: "
expect_stderr_line "$P.terms[0].goals[0]${NBSP}: aucun objectif «${NBSP}no-such-goal${NBSP}» dans le jeu de données que reprend l’importation"
expect_stderr_line "$P.terms[0]${NBSP}: type «${NBSP}club${NBSP}»${NBSP}; attendu${NBSP}: group ou program"
expect_stderr_line "$P.regions[0]${NBSP}: une entrée de région doit avoir «${NBSP}region${NBSP}» ou «${NBSP}regions${NBSP}» (ou \"ignore\": true)"
expect_stderr_line "${P}clé inconnue${NBSP}: «${NBSP}colour${NBSP}»"

case_begin "export hsds in French: the same JSON and the same package, the summary in French"
both export export hsds
expect_status 0
expect_same_run export
expect_stderr_matches "^itpnav${NBSP}: la sortie standard${NBSP}: [0-9]+ ressources exportées en services HSDS 3.0$"
for lang in en fr; do
    run "$ITPNAV" export hsds --lang $lang --out "$TEST_TMP/pkg.$lang/"
    expect_status 0
done
expect_stderr_matches "^itpnav${NBSP}: $TEST_TMP/pkg.fr/${NBSP}: [0-9]+ ressources exportées en services HSDS 3.0 \(paquet de données tabulaires\)$"
if ! diff -r "$TEST_TMP/pkg.en" "$TEST_TMP/pkg.fr" >"$TEST_TMP/pkg.diff"; then
    fail "the tabular package differs between English and French:"
    head -n 20 "$TEST_TMP/pkg.diff" | sed 's/^/      /'
fi

case_begin "export hsds of a dataset with a broken reference: the same status, the report in French"
"$PY" - "$FIXTURES/hsds/v2.json" "$TEST_TMP/broken.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["supports"][0]["goals"] = ["no-such-goal"]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"))
EOF
both broken export hsds --data "$TEST_TMP/broken.json"
expect_status 65
expect_same_run broken
expect_reports_translated broken
expect_stderr_line "itpnav${NBSP}: $TEST_TMP/broken.json${NBSP}: .supports[0].goals[0]${NBSP}: aucun objectif «${NBSP}no-such-goal${NBSP}»"

case_begin "the locale alone (LANGUAGE=fr) gives the same French reports"
run env LANGUAGE=fr LC_ALL=fr_CA.UTF-8 "$ITPNAV" import hsds --map "$MAP" "$H/hostile.json"
expect_status 0
expect_files_equal "$TEST_TMP/json.fr.err" "$ERR_FILE"
expect_files_equal "$TEST_TMP/json.fr.out" "$OUT_FILE"

finish
