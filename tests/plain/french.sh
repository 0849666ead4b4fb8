#!/usr/bin/env bash
# french.sh: the line mode in French (issue 18): --lang fr (or a French locale) gives French
# menus, prompts and messages with French typography (U+00A0 before : ; ? ! and inside « »), and
# the data in the reader's language (names, text, places and goals where the file has them, the
# file's own elsewhere); the same session with --lang en is the English one, unchanged.
. "$(dirname "$0")/lib.sh"

if ! locale -a 2>/dev/null | grep -Eqi '^fr_[a-z]+\.utf-?8$'; then
    echo "skip - no French UTF-8 locale installed (./setup.sh generates fr_CA.UTF-8)"
    exit 77
fi

V2=(--data "$FIXTURES/cli-v2.json")
NBSP=$'\u00a0'

# Each case starts with an empty shortlist.
fresh() { rm -rf "$XDG_DATA_HOME/itpnav"; }

# The fixture's supports, as its list shows them: 1 Niagara Quiet Network, 2 Sudbury Exam Circle,
# 3 Closed Bridging Program, 4 Ontario Old Circle, 5 Quebec IMG Office (French: Bureau des
# diplômés internationaux, from a French page); in French, in the order of the French names:
# 3 Bureau des diplômés internationaux, 4 Closed Bridging Program, 5 Ontario Old Circle.
# Pathways: 1 Careers beside medicine in Ontario, 2 Restrictive permit in Québec (French: Permis
# restrictif au Québec).
case_begin "--lang fr: the main menu, a list, an entry and the shortlist in French"
talk $'1\n3\na\nb\nb\nl\nq\n' --lang fr "${V2[@]}"
expect_status 0
expect_stderr_empty
out_flat_has "Menu principal. Lieu de résidence${NBSP}: partout. Objectif${NBSP}: tous."
out_has "1. Trouver des ressources"
out_has "2. Voies d’accès à la pratique"
out_has "3. Quelle voie pour moi${NBSP}? Neuf questions, puis les voies qui conviennent"
out_has "r${NBSP}: dire où vous habitez"
out_has "Menu principal. Tapez un nombre de 1 à 6, ou une lettre (m les énumère)${NBSP}:"
out_has "Ressources. Lieu de résidence${NBSP}: partout. Objectif${NBSP}: tous."
out_has "5 fiches."
out_has "2. Sudbury Exam Circle. Type${NBSP}: groupe. Lieu${NBSP}: Grand Sudbury."
# In the order of the names a French reader sees (B before C, where English has Q after O).
out_has "3. Bureau des diplômés internationaux. Type${NBSP}: programme. Lieu${NBSP}: Québec."
out_has "4. Closed Bridging Program. Type${NBSP}: programme. État${NBSP}: fermée."
out_has "5. Ontario Old Circle. Type${NBSP}: groupe. État${NBSP}: inactive. Lieu${NBSP}: Ontario."
# The entry: its French name and text (from its French page: not marked as translated).
out_has "Aide aux médecins diplômés à l'étranger pour le permis restrictif."
out_lacks "Traduit de l’anglais"
out_has "Commandes de cette fiche${NBSP}:"
out_flat_has "Ajouté à votre sélection${NBSP}: Bureau des diplômés internationaux. Sélection${NBSP}: 1 fiche."
# The shortlist names it in French too (the state file keeps the data's own name).
out_has "Votre sélection${NBSP}: 1 fiche."
out_has "1. Bureau des diplômés internationaux. Type${NBSP}: ressource. Aucune note."
out_has "Commandes de votre sélection${NBSP}:"
for english in "Main menu" "Find supports" "Supports." "Type a number" "Quebec IMG Office" \
    "Kind:" "Your shortlist" "Greater Sudbury"; do
    out_lacks "$english"
done

case_begin "--lang fr: taking off and putting back say the French name; the file keeps the data's"
fresh
talk $'1\na 3\na 3\nu\nq\n' --lang fr "${V2[@]}"
expect_status 0
out_flat_has "Ajouté à votre sélection${NBSP}: Bureau des diplômés internationaux. Sélection${NBSP}: 1 fiche."
out_flat_has "Retiré de votre sélection${NBSP}: Bureau des diplômés internationaux. Sélection${NBSP}: aucune fiche${NBSP}; u le remet."
out_flat_has "Remis dans votre sélection${NBSP}: Bureau des diplômés internationaux, à la place 1 sur 1."
saved_name=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT name FROM item").fetchone()[0])' \
    "$XDG_DATA_HOME/itpnav/state.db")
check "the shortlist's file keeps the data's own name ($saved_name)" [ "$saved_name" = "Quebec IMG Office" ]

case_begin "--lang fr: a pathway's French name and steps; the help in French"
talk $'2\n2\nb\nb\n6\nq\n' --lang fr "${V2[@]}"
expect_status 0
out_has "Voies d’accès à la pratique. Lieu de résidence${NBSP}: partout."
out_has "2. Permis restrictif au Québec. État${NBSP}: offerte. Lieu${NBSP}: Québec."
out_has "Étape 1${NBSP}: S'inscrire auprès du bureau"
out_has "Aide${NBSP}: le mode ligne par ligne."
out_has "Dans «${NBSP}Quelle voie pour moi${NBSP}?${NBSP}»${NBSP}:"
out_has "c (ou again)${NBSP}: cette page de nouveau"
out_lacks "Help: the line-by-line mode."

case_begin "--lang fr: the pickers name places and goals in French, typing finds them"
talk $'r\nsudb\n7\ng\n4\nq\n' --lang fr "${V2[@]}"
expect_status 0
out_has "Où habitez-vous${NBSP}?"
out_has "1. Partout (aucun lieu choisi)"
out_has "1 choix correspond à «${NBSP}sudb${NBSP}»${NBSP}:"
out_has "7. Grand Sudbury, dans Ontario"
out_has "Choisi${NBSP}: Grand Sudbury, dans Ontario."
out_has "Lieu de résidence${NBSP}: Grand Sudbury. Objectif${NBSP}: tous."
out_has "4. Une autre carrière"
out_has "Choisi${NBSP}: Une autre carrière."
out_has "Tapez un nombre de 1 à 4, une partie d’un nom pour le trouver, Entrée pour le"

case_begin "--lang fr: What's my path?, its questions and its results in French"
fresh
talk $'3\n3\nb\n10\nq\n' --lang fr "${V2[@]}"
expect_status 0
out_has "Question 1 sur 9${NBSP}: Lieu de résidence."
out_has "1. Passer${NBSP}: je préfère ne rien dire"
out_has "3. Québec, dans Canada"
out_has "Lieu de résidence${NBSP}: Québec."
out_has "Question 2 sur 9${NBSP}: Vos objectifs."
out_has "3. Une autre carrière"
out_has "Les questions sont arrêtées${NBSP}; vos réponses jusqu’ici sont gardées."
out_has "2. Vos objectifs${NBSP}: sans réponse."
out_has "Commandes de «${NBSP}Quelle voie pour moi${NBSP}?${NBSP}»${NBSP}:"
out_has "Les voies qui conviennent à vos réponses."
out_flat_has "En tout${NBSP}: 0 convient, 0 remplit les conditions consignées, 1 à vérifier, 0 pas encore."
out_has "À vérifier${NBSP}: rien ne manque, mais un élément est inconnu${NBSP}: 1 voie."
out_has "1. Permis restrictif au Québec"
out_flat_has "Verdict${NBSP}: à vérifier${NBSP}: inconnu d’après vos réponses${NBSP}: la réussite de l’examen «${NBSP}MCCQE Part I${NBSP}»."
out_has "  rempli${NBSP}: Votre lieu de résidence convient (Québec)."
out_has "2. Bureau des diplômés internationaux. Lieu${NBSP}: Québec."
out_flat_has "Les conditions changent${NBSP}: confirmez chacune auprès du programme avant de vous y fier."
for english in "Question 1 of 9" "Skip:" "Restrictive permit" "Quebec IMG Office" "In all:" \
    "Verdict:" "not yet"; do
    out_lacks "$english"
done

case_begin "--lang fr: the handout read in the line mode, its results part in French"
fresh
talk $'3\n3\nb\ne\n3\nq\n' --lang fr "${V2[@]}"
expect_status 0
out_has "3. Le lire ici"
out_has "Vos réponses"
out_has "Lieu de résidence${NBSP}: Québec"
out_has "Voies selon vos réponses"
out_has "Permis restrictif au Québec"
out_has "Ressources pour votre lieu de résidence et vos objectifs"
out_has "  Bureau des diplômés internationaux (Québec)${NBSP}: https://example.org/qc-office"
out_has "C’est la fin du feuillet."
for english in "Your answers" "Pathways for your answers" "Supports for where you live" \
    "Restrictive permit"; do
    out_lacks "$english"
done

case_begin "a French locale without --lang gives the same French; --lang en wins over it"
LC_ALL=fr_CA.UTF-8 talk $'1\nq\n' "${V2[@]}"
expect_status 0
out_has "1. Trouver des ressources"
out_has "3. Bureau des diplômés internationaux. Type${NBSP}: programme."
LC_ALL=fr_CA.UTF-8 talk $'1\nq\n' --lang en "${V2[@]}"
out_has "1. Find supports"
out_has "5. Quebec IMG Office. Kind: program. Where: Québec."

# talk_while_locked LANG SAVED FREE: a session that saves an entry while another program holds the
# shortlist's file, then goes on once it is free: the line mode says so between two commands.
talk_while_locked() {
    local state="$XDG_DATA_HOME/itpnav/state.db"
    mkdir -p "$(dirname "$state")"
    rm -f "$TEST_TMP/held" "$TEST_TMP/release" "$TEST_TMP/released"
    python3 - "$state" "$TEST_TMP" <<'PY' &
import os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(os.path.join(sys.argv[2], "held"), "w").close()
for _ in range(400):
    if os.path.exists(os.path.join(sys.argv[2], "release")):
        break
    time.sleep(0.05)
db.execute("ROLLBACK")
db.close()
open(os.path.join(sys.argv[2], "released"), "w").close()
PY
    local holder=$! i
    for i in $(seq 100); do [ -e "$TEST_TMP/held" ] && break; sleep 0.05; done
    : >"$OUT_FILE" # the last transcript must not be taken for this one's
    {
        printf '1\na 1\n'
        # Once the entry is saved (in memory, the file being held: the prompt after it is
        # flushed with it), the file is let go.
        for i in $(seq 200); do grep -q "$2" "$OUT_FILE" 2>/dev/null && break; sleep 0.05; done
        touch "$TEST_TMP/release"
        for i in $(seq 100); do [ -e "$TEST_TMP/released" ] && break; sleep 0.05; done
        # The file is tried again between commands, every 2 s at most: commands (b, back to the
        # main menu, then "this is the main menu") until the session says it is free.
        for i in $(seq 40); do
            grep -q "$3" "$OUT_FILE" 2>/dev/null && break
            printf 'b\n'
            sleep 0.25
        done
        printf 'q\n'
    } | (cd "$WORK" && env TERM=xterm-256color "$ITPNAV" --lang "$1" "${V2[@]}") \
        >"$OUT_FILE" 2>"$ERR_FILE"
    STATUS=$?
    wait "$holder"
    OUT=$(cat "$OUT_FILE")
}

case_begin "the shortlist's file free again: said with the count's own grammar (one entry)"
fresh
talk_while_locked fr "Sélection${NBSP}: 1 fiche" "de nouveau libre"
expect_status 0
out_flat_has "Le fichier de votre sélection est de nouveau libre${NBSP}: 1 fiche, avec ce que vous avez gardé entre-temps, s’y trouve."
fresh
talk_while_locked en "It has 1 entry" "free again"
expect_status 0
out_flat_has "Your shortlist's file is free again: 1 entry, with what you saved meanwhile, is in it."

case_begin "a load that fails, or falls back on the last good data, says so in French"
# No good data to fall back on: the line mode does not start, and the error is the loader's, in
# French, at its place (LINE:COLUMN), with the check's status.
printf '{"itpnav": 2,\n "dataset": {"title": "x" "as_of": "2026-01-01"}}\n' >"$WORK/broken.json"
talk $'q\n' --lang fr --data broken.json
expect_status 65
expect_stderr_has "itpnav: broken.json:2:27: inattendu${NBSP}: '\"'${NBSP}; attendu${NBSP}: ',' ou '}'"
# A dataset read once, then broken: the line mode starts on the last good data and says why.
cp "$FIXTURES/cli-v2.json" "$WORK/data.json"
talk $'q\n' --lang fr --data data.json
expect_status 0
sed -i 's/"as_of": "2026-12",/"as_of": "2026-13",/' "$WORK/data.json"
grep -q '"2026-13"' "$WORK/data.json" || fail "the fixture no longer has the date this case breaks"
talk $'q\n' --lang fr --data data.json
expect_status 0
out_flat_has "data.json a 1 erreur${NBSP}; voici les données du dernier chargement réussi. Lancez «${NBSP}itpnav check${NBSP}» pour la voir."
out_has "Menu principal."
talk $'q\n' --lang en --data data.json
out_flat_has "data.json has 1 error; showing the data from the last good load. Run 'itpnav check' to see it."

case_begin "--lang en: the same session is the English one, unchanged"
fresh
talk $'1\n5\na\nb\nb\nl\nq\n' --lang en "${V2[@]}"
expect_status 0
out_has "Main menu. Where you live: anywhere. Goal: any."
out_has "1. Find supports"
out_has "3. What's my path? Nine questions, then which pathways fit"
out_has "2. Sudbury Exam Circle. Kind: group. Where: Greater Sudbury."
out_has "5. Quebec IMG Office. Kind: program. Where: Québec."
out_has "Saved to your shortlist: Quebec IMG Office. It has"
out_flat_has "Type a number from 1 to 5 to open an entry, or b to go back (m lists every command):"
for french in "Menu principal" "Ressources" "fiche" "Ajouté" "sélection" "$NBSP"; do
    out_lacks "$french"
done

finish
