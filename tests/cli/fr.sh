# fr.sh: the command line in French (issue 18): --lang fr, the locale, the dataset's French,
# French typography, and the machine outputs (tsv, json) the same in both languages.
. "$(dirname "$0")/lib.sh"

V2="$FIXTURES/cli-v2.json"
NBSP=$'\u00a0'

case_begin "itpnav --lang fr --help is in French (also with --lang=fr, and after the command)"
run "$ITPNAV" --lang fr --help
expect_status 0
expect_stdout_has "Utilisation${NBSP}:"
expect_stdout_has "--lang L           en ou fr${NBSP}: la langue du texte"
expect_stdout_has "Code de sortie${NBSP}: 0 succès, 64 erreur d’utilisation"
expect_stdout_lacks "Usage:"
run "$ITPNAV" --help --lang=fr
expect_stdout_has "Utilisation${NBSP}:"
run "$ITPNAV" --lang en --help
expect_stdout_has "Usage:"
expect_stdout_lacks "Utilisation"

case_begin "usage errors in French, with « guillemets » and the space before the colon"
run "$ITPNAV" --lang fr list --format yaml
expect_status 64
expect_stderr_has "itpnav${NBSP}: format inconnu${NBSP}: «${NBSP}yaml${NBSP}»${NBSP}; choix possibles${NBSP}: text, tsv ou json"
expect_stderr_has "Essayez «${NBSP}itpnav --help${NBSP}»."
run "$ITPNAV" --lang fr list --kind x
expect_status 64
expect_stderr_has "type${NBSP}: valeur inconnue «${NBSP}x${NBSP}»${NBSP}; choix possibles${NBSP}: support, group, program ou pathway"
run "$ITPNAV" --lang fr frobnicate
expect_status 64
expect_stderr_has "commande inconnue${NBSP}: «${NBSP}frobnicate${NBSP}»${NBSP}; choix possibles${NBSP}: check, list, show, match, build-db, import ou export"
# The option's name, in its own context (the status bar's word for d is shorter).
run "$ITPNAV" --lang fr list --delivery by-post
expect_status 64
expect_stderr_has "mode de prestation${NBSP}: valeur inconnue «${NBSP}by-post${NBSP}»${NBSP}; choix possibles${NBSP}: online, in-person ou hybrid"
run "$ITPNAV" --lang fr show itpcc
expect_status 64
expect_stderr_has "identifiant introuvable${NBSP}: «${NBSP}itpcc${NBSP}»${NBSP}; vouliez-vous dire «${NBSP}itpc${NBSP}»${NBSP}?"
# An abbreviation that begins two options names them (it once read --lang as --language-test).
run "$ITPNAV" --lan fr list
expect_status 64
expect_stderr_has "itpnav: option '--lan' is ambiguous; it could be --language-test, --lang"
run "$ITPNAV" --lang fr --lan fr list
expect_status 64
expect_stderr_has "l’option «${NBSP}--lan${NBSP}» est ambiguë${NBSP}; ce peut être --language-test, --lang"
run "$ITPNAV" --lang de list
expect_status 64
expect_stderr_has "unknown language 'de'; expected en or fr"

case_begin "list --lang fr --search médecin finds French text and English text alike"
# Every record of the bundled data has its French, so an English-only record is made here: the
# bundled data with cedis's French taken out. pra-bc says "médecins" only in its French; cedis then
# only in its English ("Collège des médecins du Québec"): both are found, whichever the language.
python3 - "$SOURCE_ROOT/data/itpnav.json" "$TEST_TMP/en-only.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["supports"]:
    if r["id"] == "cedis":
        del r["translations"]
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
run "$ITPNAV" --lang fr list --data "$TEST_TMP/en-only.json" --search médecin --format tsv
expect_status 0
cut -f1 "$OUT_FILE" | sort >"$TEST_TMP/fr-ids"
expect_has_ids pra-bc cedis
run "$ITPNAV" --lang en list --data "$TEST_TMP/en-only.json" --search médecin --format tsv
cut -f1 "$OUT_FILE" | sort >"$TEST_TMP/en-ids"
expect_files_equal "$TEST_TMP/en-ids" "$TEST_TMP/fr-ids"
run "$ITPNAV" --lang fr list --data "$TEST_TMP/en-only.json" --search medecin --format tsv
expect_has_ids pra-bc cedis
run "$ITPNAV" --lang fr show --data "$TEST_TMP/en-only.json" --format text cedis
expect_stdout_has "A non-profit funded by Québec's health ministry"

case_begin "list --lang fr in text: French names, kinds, places and statuses"
COLUMNS=120 run "$ITPNAV" --lang fr list --search "PRA-BC" --format text
expect_status 0
expect_stdout_has "NOM "
expect_stdout_has "TAILLE/ÉTAT"
expect_stdout_matches "voie +Colombie-Britannique +limitée"
run "$ITPNAV" --lang en list --search "PRA-BC" --format text
expect_stdout_matches "pathway +British Columbia +limited"
# A support that is not running says so in French in its column too, not in the file's word.
COLUMNS=120 run "$ITPNAV" --lang fr list --data "$V2" --format text
expect_stdout_matches "Closed Bridging Program \(fermée\) +programme +Ontario +fermée$"
expect_stdout_matches "Ontario Old Circle \(inactive\) +groupe +Ontario +inactive$"
expect_stdout_lacks "closed"

case_begin "list --lang fr in text: in the order of the French names (accents and case ignored)"
# tests/fixtures/cli-fr-order.json: English names in one order, their French in another
# (College/Ordre, Health/Santé, Test Assessment/Évaluation, bridge/passerelle), one name with no
# French (Mentors Circle, read in English and sorted among the French).
ORDER="$FIXTURES/cli-fr-order.json"
names() { tail -n +2 "$OUT_FILE" | cut -c1-40 | sed 's/ *$//'; }
COLUMNS=100 run "$ITPNAV" --lang fr list --data "$ORDER" --format text
expect_status 0
names >"$TEST_TMP/fr-names"
printf '%s\n' "Évaluation d'essai" "Mentors Circle" "Ordre des médecins d'essai" \
    "passerelle vers la pratique" "Santé Essai" >"$TEST_TMP/fr-want"
expect_files_equal "$TEST_TMP/fr-want" "$TEST_TMP/fr-names"
COLUMNS=100 run "$ITPNAV" --lang en list --data "$ORDER" --format text
names >"$TEST_TMP/en-names"
printf '%s\n' "bridge to practice" "College of Test Physicians" "Health Test Agency" \
    "Mentors Circle" "Test Assessment Program" >"$TEST_TMP/en-want"
expect_files_equal "$TEST_TMP/en-want" "$TEST_TMP/en-names"
# --limit takes the first in the reader's order; a filter keeps it.
COLUMNS=100 run "$ITPNAV" --lang fr list --data "$ORDER" --format text --limit 2 --kind program
expect_status 0
names >"$TEST_TMP/fr-names"
printf '%s\n' "Évaluation d'essai" "Ordre des médecins d'essai" >"$TEST_TMP/fr-want"
expect_files_equal "$TEST_TMP/fr-want" "$TEST_TMP/fr-names"
# The machine outputs keep the file's order in both languages (cli.md: the same in every
# language), byte for byte.
for args in "" "--region ontario" "--kind program --limit 3"; do
    for f in tsv json; do
        # shellcheck disable=SC2086
        run "$ITPNAV" --lang en list --data "$ORDER" $args --format $f
        expect_status 0
        cp "$OUT_FILE" "$TEST_TMP/en-out"
        # shellcheck disable=SC2086
        run "$ITPNAV" --lang fr list --data "$ORDER" $args --format $f
        expect_status 0
        expect_stdout_equals "$TEST_TMP/en-out"
    done
done
run "$ITPNAV" --lang fr list --data "$ORDER" --format tsv
expect_ids "bridge college health mentors assessment"

case_begin "show --lang fr: the French name and text, marked as translated, dates in French"
run "$ITPNAV" --lang fr show --format text pra-bc
expect_status 0
expect_stdout_has "Traduit de l’anglais${NBSP}: la source est en anglais."
expect_stdout_has "Lieu${NBSP}: Colombie-Britannique"
expect_stdout_has "État${NBSP}: limitée${NBSP}: existe, avec peu de places"
expect_stdout_has "Date${NBSP}: 6 décembre 2023"
expect_stdout_has "Cette information est en date du 6 décembre 2023."
expect_stdout_has "PRA-BC évalue les médecins de famille formés à l’étranger"
expect_stdout_lacks "Where:"
run "$ITPNAV" --lang en show --format text pra-bc
expect_stdout_has "Where: British Columbia"
expect_stdout_has "As of: 2023-12-06"
expect_stdout_lacks "Traduit"

case_begin "show --lang fr: French taken from a French page is not marked; an undated page's date"
run "$ITPNAV" --lang fr show --format text --data "$V2" qc-office
expect_status 0
expect_stdout_has "Bureau des diplômés internationaux"
expect_stdout_has "Aide aux médecins diplômés à l'étranger pour le permis restrictif."
expect_stdout_has "Consulté${NBSP}: 21 novembre 2026 (page non datée)"
expect_stdout_has "Cette information provient d’une page consultée le 21 novembre 2026 (page non datée)."
expect_stdout_lacks "Traduit de l’anglais"
# A record without French shows its English, unmarked.
run "$ITPNAV" --lang fr show --format text --data "$V2" quiet-network
expect_stdout_has "Niagara Quiet Network"
expect_stdout_lacks "Traduit de l’anglais"

case_begin "tsv and json are byte for byte the same in English and French (list, show, match)"
for args in "list" "list --search médecin" "show pra-bc" "show --data $V2 qc-permit" \
    "match --region ontario" "match --region british-columbia --exam mccqe1 --status citizen --language-test yes"; do
    for f in tsv json; do
        # shellcheck disable=SC2086
        run "$ITPNAV" --lang en $args --format $f
        expect_status 0
        cp "$OUT_FILE" "$TEST_TMP/en-out"
        # shellcheck disable=SC2086
        run "$ITPNAV" --lang fr $args --format $f
        expect_status 0
        expect_stdout_equals "$TEST_TMP/en-out"
    done
done

case_begin "match --lang fr: the verdict, the reasons and the labels in French, the French name"
run "$ITPNAV" --lang fr match --format text --data "$V2" --region quebec --status citizen --exam none
expect_status 0
expect_stdout_has "Permis restrictif au Québec (qc-permit)"
# The rules read as French: an exam set apart after « l’examen », a place after « comme » (no
# article to agree with the place's name).
# (The verdict is wrapped: read it with its lines joined.)
check "the why line reads as French" grep -qF \
    "Verdict${NBSP}: pas encore${NBSP}: il faut la réussite de l’examen «${NBSP}MCCQE Part I${NBSP}». Rempli${NBSP}: Québec comme lieu de résidence." \
    <(sed 's/^ *//' "$OUT_FILE" | tr '\n' ' ')
expect_stdout_has "État${NBSP}: offerte"
expect_stdout_has "  - rempli${NBSP}: Votre lieu de résidence convient (Québec)."
expect_stdout_has "  - pas encore${NBSP}: Exige la réussite de l’examen «${NBSP}MCCQE Part I${NBSP}»${NBSP}; vous ne l’avez pas encore réussi."
expect_stdout_lacks "réussite de${NBSP}:"
expect_stdout_lacks "habiter${NBSP}:"
# On the bundled data: one exam and two (« l’examen », « les examens »), a field, a recency.
run "$ITPNAV" --lang fr match --format text --region alberta --exam mccqe1 --exam nac
expect_status 0
expect_stdout_has "  - rempli${NBSP}: Vous avez réussi l’examen «${NBSP}EACMC, partie I${NBSP}»."
expect_stdout_has "  - rempli${NBSP}: Vous avez réussi les examens «${NBSP}EACMC, partie I${NBSP}» et «${NBSP}Examen de la CNE${NBSP}»."
expect_stdout_has "  Rempli${NBSP}: la réussite de l’examen «${NBSP}EACMC, partie I${NBSP}»."
run "$ITPNAV" --lang fr match --format text --region quebec --exam nac --discipline specialty --last-practised 5
expect_status 0
expect_stdout_has "Verdict${NBSP}: pas encore${NBSP}: il faut une pratique remontant à 3 ans au plus. Rempli${NBSP}: une autre spécialité"
expect_stdout_has "  - rempli${NBSP}: Votre domaine (une autre spécialité) est accepté."
expect_stdout_has "  - pas encore${NBSP}: Exige une pratique remontant à 3 ans au plus${NBSP}; vous avez exercé pour la dernière"
expect_stdout_lacks "ans derniers"
expect_stdout_lacks "C’est pour"
expect_stdout_has "Prochaine étape${NBSP}:"
expect_stdout_lacks "Verdict:"
expect_stdout_lacks "Restrictive permit"
expect_stdout_lacks "needs a pass"
run "$ITPNAV" --lang fr match --format text --data "$V2" --region ontario --goal alternative-career
expect_stdout_has "Verdict${NBSP}: à vérifier${NBSP}: aucune condition consignée à laquelle comparer vos réponses${NBSP};"
run "$ITPNAV" --lang en match --format text --data "$V2" --region quebec --status citizen --exam none
expect_status 0
expect_stdout_has "Restrictive permit in Québec (qc-permit)"
expect_stdout_has "Verdict: not yet: needs a pass in MCCQE Part I. Met: living in Québec."
expect_stdout_has "  - met: You live in Québec, as it asks."
expect_stdout_has "Next step: Register with the office:"
expect_stdout_lacks "$NBSP"

case_begin "match --lang fr: the pathway's own French note and next step (the bundled data), English in English"
run "$ITPNAV" --lang fr match --format text --region ontario --goal residency
expect_status 0
expect_stdout_has "Prochaine étape${NBSP}: Réussir l’EACMC, partie I, et passer l’examen de la CNE${NBSP}:"
expect_stdout_has "Note${NBSP}: Chaque province ajoute ses propres règles"
expect_stdout_lacks "Each province adds rules"
expect_stdout_lacks "Pass the MCCQE"
run "$ITPNAV" --lang en match --format text --region ontario --goal residency
expect_status 0
expect_stdout_has "Note: Each province adds rules of its own"
expect_stdout_lacks "Chaque province"

case_begin "check in French: the summary, the count of errors"
run "$ITPNAV" --lang fr check
expect_status 0
expect_stdout_matches "valide${NBSP}: [0-9]+ ressources, [0-9]+ voies, [0-9]+ régions, [0-9]+ objectifs, [0-9]+ sources${NBSP}; 0 avertissement \\(format, version 2\\)"
# One of a kind is singular in French, and thousands are grouped; English keeps its line.
run "$ITPNAV" --lang fr check "$FIXTURES/cli-deep.json"
expect_status 0
expect_stdout_has "valide${NBSP}: 9 ressources, 3 voies, 9 régions, 3 objectifs, 1 source${NBSP}; 0 avertissement"
run "$ITPNAV" --lang en check "$FIXTURES/cli-deep.json"
expect_stdout_has "valid: 9 supports, 3 pathways, 9 regions, 3 goals, 1 sources; 0 warnings"
run "$ITPNAV" --lang fr check "$FIXTURES/cli-broken.json"
expect_status 65
expect_stderr_matches "cli-broken.json${NBSP}: [0-9]+ erreurs$"

case_begin "the locale decides without --lang; English is the fallback"
if locale -a 2>/dev/null | grep -Eqi '^fr_[a-z]+\.utf-?8$'; then
    run env LC_ALL=fr_CA.UTF-8 "$ITPNAV" --help
    expect_stdout_has "Utilisation${NBSP}:"
    run env -u LC_ALL LANG=fr_CA.UTF-8 "$ITPNAV" --help
    expect_stdout_has "Utilisation${NBSP}:"
    run env LC_ALL=fr_CA.UTF-8 LANGUAGE=en "$ITPNAV" --help
    expect_stdout_has "Usage:"
    run env LC_ALL=fr_CA.UTF-8 "$ITPNAV" --lang en --help
    expect_stdout_has "Usage:"
else
    # No French locale installed: the program says so, once, and stays in English.
    run "$ITPNAV" --lang fr list --format tsv
    expect_stderr_count 1
    expect_stdout_has "pra-bc"
fi
run env -u LC_ALL LANG=de_DE.UTF-8 "$ITPNAV" --help
expect_stdout_has "Usage:"
run env LC_ALL=C.UTF-8 "$ITPNAV" --help
expect_stdout_has "Usage:"

finish
