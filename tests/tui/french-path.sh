#!/usr/bin/env bash
# french-path.sh: « Quelle voie pour moi ? » and « Vos voies » in French at 80x24 and 40x12: the
# questions (a place found by typing, a checklist by its numbers with « Passer » and « Terminé »,
# the answers in the list), the results' headings and labels; L in the middle of the questions
# and on the results keeps the answers and the place, in both directions. French typography:
# U+00A0 before : ; ? !
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

if ! locale -a 2>/dev/null | grep -qi '^fr_.*utf-\?8$'; then
    echo "french-path.sh: no French UTF-8 locale is installed (setup.sh makes fr_CA.UTF-8); skipping" >&2
    _finished=1
    exit 77
fi

DATA="$SOURCE_ROOT/data/itpnav.json"
NB=$'\xc2\xa0' # U+00A0
SKIP_FR="Passer${NB}: je préfère ne rien dire"

# joined: the screen's rows joined with spaces (a sentence wrapped over rows reads whole).
joined() {
    screen | sed 's/^ *//; s/ *$//' | tr '\n' ' ' | tr -s ' '
}

expect_joined() {
    [[ "$(joined)" == *"$1"* ]] || fail "the screen lacks (wrapped or not): $1"
}

# fresh SIZE ARGS...: the program again with no saved answers or shortlist.
fresh() {
    local size=$1
    shift
    stop
    rm -rf "$XDG_DATA_HOME/itpnav"
    start --size "$size" -- --data "$DATA" "$@"
}

case_begin "80x24: 3 on Home asks the first question in French, its Skip row « Passer »"
fresh 80x24 --lang fr
wait_for "3  Quelle voie pour moi${NB}?"
send 3
wait_for "1 sur 9${NB}: Lieu de résidence"
expect_screen_has "La plupart des voies relèvent d’une province ou d’un"
expect_screen_has "Tapez pour trouver${NB}:"
expect_screen_has "$SKIP_FR"
expect_screen_lacks "Skip"

case_begin "80x24: a place by typing, then the goals' checklist by numbers, with Passer and Terminé"
type_text toronto
wait_for "Toronto (RGT) (Ontario)"
send Enter
wait_for "2 sur 9${NB}: Vos objectifs"
expect_screen_has "Un numéro, Space ou Enter coche un objectif${NB}; Terminé quand"
expect_screen_has "1 [ ] Permis d’exercice par la résidence (CaRMS)"
expect_screen_has "6 $SKIP_FR"
expect_screen_has "7 ✓ Terminé"
send 1
wait_for_re "1 \\[[x✓]\\] Permis d’exercice par la résidence \\(CaRMS\\)"
send 7 # Terminé: the next question
wait_for "3 sur 9${NB}: Votre domaine"
expect_screen_has "1 Médecine familiale"
expect_screen_has "3 $SKIP_FR"
send 3 # Passer: the next question, this one unanswered
wait_for "4 sur 9${NB}: Formation postdoctorale"
expect_screen_has "après vos études de médecine. En années. Vide${NB}: la question"

case_begin "80x24: Esc shows the questions in French with the answers so far, whole labels"
send Escape
wait_gone "4 sur 9"
expect_screen_matches "^  Quelle voie pour moi${NB}\\?$" # the heading, not only the title bar
expect_screen_has "Répondez à ce que vous voulez${NB}; chaque question peut être passée."
expect_screen_has "1  Lieu de résidence       Toronto (RGT)"
expect_screen_has "2  Vos objectifs           Permis d’exercice par la résidence (CaRMS)"
expect_screen_has "3  Votre domaine           sans réponse"
expect_screen_has "4  Formation postdoctorale sans réponse"
expect_screen_matches "▶ Résultats${NB}: convient [0-9]+, consignées [0-9]+, à vérifier [0-9]+, pas encore [0-9]+$"
# The selected question (the one Esc left: the 4th) is explained under the list.
expect_screen_has "Années de formation postdoctorale (résidence) terminées après vos études de"
expect_screen_lacks "…"

case_begin "80x24: L in the middle of the questions: English, the same answers and question"
before_fr=$(screen | grep -c 'sans réponse')
send L
wait_for "What's my path?"
expect_screen_has "1  Where you live        Toronto (GTA)"
expect_screen_has "2  Your goals            Licensure through residency (CaRMS)"
expect_screen_has "3  Your field            not answered"
expect_screen_matches "▶ Results: [0-9]+ fit, [0-9]+ meets? the rules on record, [0-9]+ to check"
check "as many unanswered questions as before ($before_fr)" \
    test "$(screen | grep -c 'not answered')" = "$before_fr"
send Down # the place is kept: Down from the 4th question is the 5th
wait_for "5  Independent practice"
expect_screen_has "Years you practised as a physician on your own licence, without supervision."
send L
wait_for "Quelle voie pour moi${NB}?"
expect_screen_has "1  Lieu de résidence       Toronto (RGT)"
expect_screen_has "2  Vos objectifs           Permis d’exercice par la résidence (CaRMS)"
expect_screen_has "Années où vous avez exercé comme médecin avec votre propre permis, sans"

case_begin "80x24: the results in French: headings, answers, labels; L switches them and back"
send End Enter
wait_for "itpnav · Vos voies"
expect_screen_has "Les voies qui conviennent à vos réponses"
expect_screen_has "Vos réponses${NB}: Lieu de résidence${NB}: Toronto (RGT) · Vos objectifs${NB}: Permis"
expect_screen_has "Esc revient aux questions pour les changer."
expect_screen_matches "^ Convient${NB}: vous remplissez toutes les conditions que le programme publie \([0-9]+\)"
expect_screen_matches "^   Aucune\.$"
send L
wait_for "Which pathways fit your answers"
expect_screen_has "Your answers: Where you live: Toronto (GTA) · Your goals: Licensure through"
expect_screen_matches "^ Fits: you meet every rule the program publishes \([0-9]+\)"
send L
wait_for "Les voies qui conviennent à vos réponses"
send End # the supports, named and placed in French, and the keys' sentence
wait_for "Ressources pour votre lieu de résidence et vos objectifs ("
expect_screen_has "Colombie-Britannique"
expect_screen_has "→ Prêts de Windmill Microlending · Canada"
expect_joined "Les conditions changent${NB}: confirmez chacune auprès du programme avant de vous y fier. Tab sélectionne une voie ou une ressource, Enter l’ouvre, a l’ajoute à votre sélection, e fait un feuillet."
send L # the same place (the end of the page), in English
wait_for "Supports for where you live and your goals ("
expect_screen_has "→ Windmill Microlending loans · Canada"
expect_screen_has "British Columbia"
send L
wait_for "Ressources pour votre lieu de résidence et vos objectifs ("
send Escape # back to the questions, in French, the answers kept
wait_for "Quelle voie pour moi${NB}?"
expect_screen_has "1  Lieu de résidence       Toronto (RGT)"

case_begin "40x12: the questions in French, the Skip row whole in its box"
fresh 40x12 --lang fr
wait_for "itpnav · Accueil"
send 3
wait_for "1 sur 9${NB}: Lieu de résidence"
expect_screen_has "$SKIP_FR"
send Escape
wait_for "Quelle voie pour moi${NB}?"
expect_screen_has "1  Lieu de résidence     sans réponse"
expect_screen_has "9  Statut au Canada      sans réponse"
expect_screen_has "Enter ouvrir Esc retour L English ? aide"

case_begin "40x12: a checklist by numbers in French, then the results' headings in French"
send 2
wait_for "2 sur 9${NB}: Vos objectifs"
send 1
wait_for_re "1 \\[[x✓]\\] Permis"
send End # the last rows: Passer, whole, and Terminé
wait_for "7 ✓ Terminé"
expect_screen_has "6 $SKIP_FR"
send 7
wait_gone "2 sur 9"
expect_screen_has "2  Vos objectifs         Permis d’ex"
send End Enter
wait_for "itpnav · Vos voies"
expect_joined "Les voies qui conviennent à vos réponses"
expect_joined "Vos réponses${NB}: Vos objectifs${NB}: Permis d’exercice par la résidence (CaRMS)"
send L
wait_for "Your pathways"
expect_joined "Which pathways fit your answers"
expect_joined "Your answers: Your goals: Licensure through residency (CaRMS)"

case_begin "80x24: L while a question is asked: the list in the other language, the answers kept, Enter asks it again and the questions go on"
fresh 80x24 --lang fr
wait_for "itpnav · Accueil"
send 3
wait_for "1 sur 9${NB}: Lieu de résidence"
type_text toronto
wait_for "Toronto (RGT) (Ontario)"
send Enter
wait_for "2 sur 9${NB}: Vos objectifs"
send L
wait_gone "2 sur 9"
expect_screen_has "What's my path?"
expect_screen_has "1  Where you live        Toronto (GTA)"
expect_screen_has "2  Your goals            not answered"
expect_screen_has "Residency, a practice-ready assessment, a clinical-assistant role or another"
send Enter # the same question, in English now
wait_for "2 of 9: Your goals"
expect_screen_has "6 Skip: I'd rather not say"
send 1 7
wait_for "3 of 9: Your field" # one after another, as before L
send L
wait_gone "3 of 9"
expect_screen_has "2  Vos objectifs           Permis d’exercice par la résidence (CaRMS)"
send Enter
wait_for "3 sur 9${NB}: Votre domaine"
expect_screen_has "3 $SKIP_FR"
send 3 # Passer
wait_for "4 sur 9${NB}: Formation postdoctorale"

case_begin "the locale alone (fr_CA.UTF-8) asks the questions in French"
stop
rm -rf "$XDG_DATA_HOME/itpnav"
start --size 80x24 --env LANG=fr_CA.UTF-8 --env LC_ALL=fr_CA.UTF-8 -- --data "$DATA"
wait_for "itpnav · Accueil"
send 3
wait_for "1 sur 9${NB}: Lieu de résidence"
expect_screen_has "$SKIP_FR"

finish
