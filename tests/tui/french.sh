#!/usr/bin/env bash
# french.sh: the screens in French (--lang fr, and the locale alone) at 80x24 and 40x12: Home, a
# list, a translated record's detail and a Québec record's sourced French, the shortlist, the
# handout; L switches the language in the middle of a session and keeps the place, the search and
# the shortlist; a kiosk's visitor picks French on Home, and the idle reset brings back the
# kiosk's own language. The questions and results screens are french-path.sh's. French
# typography: U+00A0 before : ; ? ! and inside « ».
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

# French needs a French UTF-8 locale (setup.sh generates fr_CA.UTF-8); without one the program
# stays in English and says so, which is not what this script is about.
if ! locale -a 2>/dev/null | grep -qi '^fr_.*utf-\?8$'; then
    echo "french.sh: no French UTF-8 locale is installed (setup.sh makes fr_CA.UTF-8); skipping" >&2
    _finished=1
    exit 77
fi

DATA="$SOURCE_ROOT/data/itpnav.json"
NB=$'\xc2\xa0' # U+00A0, the no-break space French puts before : ; ? ! and inside « »
NO_PIN="ITPNAV_PIN_FILE=$TEST_TMP/no-such-pin"

# hints_whole_fr: the status bar is whole French hints ("key word", two spaces apart, or one where
# that keeps a hint two would leave out), none cut.
FR_HINTS='Enter ouvrir|a garder|/ chercher|r lieu|g objectif|x effacer|Esc retour|\? aide|q quitter|H accueil|Tab choisir|p ma voie|l sélection|e feuillet|n note|K déplacer|D retirer|u annuler|c Code QR|L English'
hints_whole_fr() {
    local bar
    bar=$(screen | tail -n 1 | sed 's/ *$//')
    [[ "$bar" != *"…"* ]] || return 1
    grep -Eq "^($FR_HINTS)(  ($FR_HINTS))*\$|^($FR_HINTS)( ($FR_HINTS))*\$" <<<"$bar"
}

# joined: the screen's rows joined with spaces (a sentence wrapped over rows reads whole).
joined() {
    screen | sed 's/^ *//; s/ *$//' | tr '\n' ' ' | tr -s ' '
}

expect_joined() {
    [[ "$(joined)" == *"$1"* ]] || fail "the screen lacks (wrapped or not): $1"
}

expect_joined_re() {
    grep -Eq -e "$1" <<<"$(joined)"
}

# scrolled: the detail's row 1 is not the entry's title any more.
scrolled() {
    ! screen_line 1 | grep -q 'Collège des médecins'
}

case_begin "80x24 Home in French: the menu and its notes beside it, whole, the date in French"
start --size 80x24 -- --lang fr --data "$DATA"
wait_for "itpnav · Accueil"
expect_screen_matches "^  itpnav[ ${NB}]: ressources et voies pour les médecins formés à l’étranger au"
expect_screen_has "1  Trouver des ressources       groupes et programmes, ici ou en ligne"
expect_screen_has "2  Voies d’accès à la pratique  ECE, résidence, assistant clinique, etc."
expect_screen_has "3  Quelle voie pour moi${NB}?"
expect_screen_has "6  Aide                         toutes les touches"
expect_screen_has "Données en date du 1er décembre 2026."
expect_screen_has "Lieu${NB}: partout · Objectif${NB}: tous"
expect_screen_lacks "…"
expect_screen_lacks "Find supports"
check "the status bar is whole French hints" hints_whole_fr
expect_row_has 23 "L English"

case_begin "80x24 list in French: the filter bar, the headings, the kinds and the count"
send 1
wait_for "itpnav · Ressources"
expect_screen_has "Filtres${NB}: aucun · r lieu · g objectif · s service · d prestation"
expect_screen_matches " 44 sur 44 *$"
expect_screen_matches "^  NOM +TYPE +LIEU *$"
expect_screen_matches "^▸ Alternative Career.*  programme  London"
expect_screen_has "Recherche${NB}: appuyez sur / et tapez (mots, dans n’importe quel ordre)"
check "the status bar is whole French hints" hints_whole_fr

case_begin "a translated record's detail: the French text, marked as translated"
send Enter
wait_for "itpnav · Fiche"
expect_screen_has "Soutient les professionnels de la santé formés à l’étranger (PSFE)"
expect_screen_has "raduit de l’anglais"
expect_screen_has "Permis d’exercice par la résidence (CaRMS)"
expect_screen_matches "PgDn pour la suite  [0-9]+${NB}% *$"
send Escape
wait_for "itpnav · Ressources"

case_begin "a Québec record: its French from its own page, not marked as translated"
send /
type_text Collège
send Enter
wait_for "Filtres${NB}: mots «${NB}Collège${NB}» · x efface"
expect_screen_matches " 8 sur 44 *$"
expect_screen_matches "^▸ Collège des médecins du.*\(DIM\)  programme  Québec"
send Enter
wait_for "itpnav · Fiche"
# The page's own title (its space before the colon is the data's).
check "the French name from the CMQ's page" \
    expect_joined_re "Collège des médecins du Québec[ ${NB}]: diplômé·e·s à l'international en médecine \(DIM\)"
expect_screen_lacks "raduit de l’anglais"
expect_screen_lacks "Translated from English"
send End
wait_for "Fin${NB}; PgUp pour remonter  100${NB}%"
expect_screen_has "CMQ${NB}: diplômé·e·s à l’international en médecine (page en français)"
expect_screen_has "1er décembre 2026"

case_begin "L switches to English on the detail, keeps the entry and its scroll, then the list"
send a
wait_for "· ★ 1"
send Home
wait_for_re "^ Collège des médecins du Québec"
send NPage
wait_until "the detail scrolls down a page" scrolled
send L
wait_for "itpnav · Detail"
wait_for "Now in English. L goes back to French."
expect_screen_lacks "PgDn pour la suite"
check "the page stays scrolled (the title is not on row 1)" scrolled
expect_screen_has "· ★ 1"
send Home
wait_for_re "^ Collège des médecins du Québec: routes for international"
send Escape
wait_for "itpnav · Supports"
expect_screen_has "Filters: words \"Collège\" · x clears"
expect_count 8 44
expect_screen_matches "^▸★Collège des médecins du.*graduates  program  Québec"

case_begin "L again: the list in French, the same entry selected, the shortlist kept"
send L
wait_for "itpnav · Ressources"
wait_for "Affichage en français. L revient à l’anglais (English)."
expect_screen_matches " 8 sur 44 *$"
expect_screen_matches "^▸★Collège des médecins du.*\(DIM\)  programme  Québec"
send l
wait_for "Votre sélection${NB}: 1 fiche"
expect_screen_has "Sans note${NB}: n en ajoute une."
expect_screen_matches "Collège des médecins du.*ressource *$"

case_begin "the handout in French: the choice, then the sheet on the screen"
send e
wait_for "Faire un feuillet"
expect_screen_has "Votre sélection (1 fiche), les notes, datées d’aujourd’hui."
expect_screen_has "L’afficher à l’écran"
send Down Down Enter
wait_for "itpnav · Feuillet"
send End
wait_for "Appuyez sur e pour enregistrer ce feuillet"
expect_screen_has "Fin${NB}; PgUp pour remonter"

case_begin "the locale alone chooses French (LC_ALL=fr_CA.UTF-8, no --lang)"
restart --size 80x24 --env LC_ALL=fr_CA.UTF-8 --env LANG=fr_CA.UTF-8 -- --data "$DATA"
wait_for "itpnav · Accueil"
expect_screen_has "1  Trouver des ressources"

case_begin "the places in French: the picker, the title bar; the file's own name still finds it"
send r
wait_for "Où habitez-vous${NB}?"
type_text british
wait_for "Colombie-Britannique (Canada)"
send C-u
type_text colom
wait_for "Colombie-Britannique (Canada)"
send Enter
wait_for "Lieu${NB}: Colombie-Britannique"
send L
wait_for "Where: British Columbia"
send L
wait_for "Lieu${NB}: Colombie-Britannique"

case_begin "40x12 Home in French: the menu whole, the hints whole"
restart --size 40x12 -- --lang fr --data "$DATA"
wait_for "itpnav · Accueil"
for item in "1  Trouver des ressources" "2  Voies d’accès à la pratique" \
    "3  Quelle voie pour moi${NB}?" "4  Sélection" "5  À propos" "6  Aide"; do
    expect_screen_has "$item"
done
expect_screen_lacks "…"
check "the status bar is whole French hints" hints_whole_fr
# French's longer words leave room for L beside the essentials (open, help and, on Home, where
# there is no back, quit) only one space apart: so they are, and the way back to English shows.
expect_row_has 11 "Enter ouvrir L English ? aide q quitter"

case_begin "40x12 list in French: the search hint's words whole, the count"
send 1
wait_for "itpnav · Ressources"
expect_screen_has "Recherche${NB}: / puis tapez"
expect_screen_matches " 44 sur 44 *$"
expect_screen_matches "^  NOM +TYPE *$"
expect_screen_has "au-dessous (PgDn)"
check "the status bar is whole French hints" hints_whole_fr

case_begin "40x12: a long place's name in French in the filter bar, whole, on a row of its own"
send r
wait_for "Où habitez-vous${NB}?"
type_text colom
wait_for "Colombie-Britannique (Canada)"
send Enter
wait_for_re "^Filtres${NB}: +[0-9]+ sur 44 *$"
expect_screen_matches "^  lieu Colombie-Britannique · x efface *$"
send x
wait_for "Filtres${NB}: aucun"

case_begin "40x12 detail and shortlist in French (the shortlist kept from before: 2 entries)"
send a
wait_for "Ajouté à la sélection (2)."
send Enter
wait_for "itpnav · Fiche"
expect_screen_has "Alternative Career Options for"
expect_screen_matches "PgDn pour la suite  [0-9]+${NB}% *$"
send l
wait_for "Votre sélection${NB}: 2 fiches"
expect_screen_has "Sans note${NB}: n en"
expect_screen_matches "Collège des…\(DIM\) +ressource *$"
check "the status bar is whole French hints" hints_whole_fr

case_begin "40x12 handout dialog in French, inside its box"
send e
wait_for "Faire un feuillet"
expect_screen_matches "│ Votre sélection \(2 fiches\), les +│"
expect_screen_matches "│ notes, datées d’aujourd’hui\. +│"
expect_screen_matches "│3 L’afficher à l’écran +│"
expect_screen_matches "│4 Un code QR de votre sélection +│"
expect_screen_lacks "…"
send Escape

# ---- the order of a list, and L on every screen ----

ORDER="$FIXTURES/cli-fr-order.json"

# in_order TEXT...: each TEXT is on the screen, each on a row below the one before.
in_order() {
    local prev=-1 row t
    for t in "$@"; do
        row=$(row_of "$t")
        [ -n "$row" ] && [ "$row" -gt "$prev" ] || return 1
        prev=$row
    done
}

# bar_has TEXT...: the status bar (the last row) holds every TEXT, whole.
bar_has() {
    local bar t
    bar=$(screen | tail -n 1)
    for t in "$@"; do
        [[ "$bar" == *"$t"* ]] || return 1
    done
}

case_begin "80x24: a French list in the order of the French names; L puts it in the English order"
# tests/fixtures/cli-fr-order.json: the English names sort one way, their French another; one
# entry (Mentors Circle) has no French name and sorts among the French by its own.
restart --size 80x24 -- --lang fr --data "$ORDER"
wait_for "itpnav · Accueil"
send 1
wait_for "itpnav · Ressources"
expect_screen_matches " 5 sur 5 *$"
check "the rows in French order (É with E, a small p with P)" in_order "▸ Évaluation d'essai" \
    "Mentors Circle" "Ordre des médecins d'essai" "passerelle vers la pratique" "Santé Essai"
check "the L hint on a list, beside the essentials" bar_has "Enter ouvrir" "Esc retour" \
    "L English" "? aide"
check "the status bar is whole French hints" hints_whole_fr
# The last row selected; in English it is the third: the entry stays selected, not the row.
send End
wait_for_re "^▸ Santé Essai"
send L
wait_for "itpnav · Supports"
check "the rows in English order" in_order "bridge to practice" "College of Test Physicians" \
    "Health Test Agency" "Mentors Circle" "Test Assessment Program"
expect_screen_matches "^▸ Health Test Agency"
send L
wait_for "itpnav · Ressources"
expect_screen_matches "^▸ Santé Essai"
send L
wait_for "itpnav · Supports"
check "the L hint on an English list" bar_has "Enter open" "Esc back" "L français" "? help"

case_begin "80x24: the L hint on a detail, in both languages, and L switches there"
send Enter
wait_for "itpnav · Detail"
check "the L hint on an English detail" bar_has "Esc back" "L français" "? help"
send L
wait_for "itpnav · Fiche"
check "the L hint on a French detail" bar_has "Enter ouvrir" "Esc retour" "L English" "? aide"
check "the status bar is whole French hints" hints_whole_fr

case_begin "80x24: the L hint on the shortlist, the help and About"
send l
wait_for "Votre sélection"
check "on the shortlist" bar_has "Esc retour" "L English" "? aide"
send "?"
wait_for "itpnav · Aide"
check "on the help" bar_has "Esc retour" "L English"
send H 5
wait_for "itpnav · À propos"
check "on About" bar_has "Esc retour" "L English" "? aide"

case_begin "40x12: nothing essential cut on a list and a detail; L where it fits"
restart --size 40x12 -- --lang fr --data "$ORDER"
wait_for "itpnav · Accueil"
send 1
wait_for "itpnav · Ressources"
check "the list's essentials whole" bar_has "Enter ouvrir" "Esc retour" "? aide"
check "the status bar is whole French hints" hints_whole_fr
check "the rows in French order at 40 columns too" in_order "Évaluation d'essai" "Mentors Circle" \
    "Ordre des médecins" "passerelle vers la"
send Enter
wait_for "itpnav · Fiche"
check "the detail's essentials whole" bar_has "Enter ouvrir" "Esc retour" "? aide"
check "the status bar is whole French hints" hints_whole_fr
send L
wait_for "itpnav · Detail"
# English's shorter words leave room for L beside the essentials.
check "an English detail at 40 columns: the essentials and L" bar_has "Enter open" "Esc back" \
    "L français" "? help"
send Escape
wait_for "itpnav · Supports"
check "an English list at 40 columns: the essentials and L" bar_has "Enter open" "Esc back" \
    "L français" "? help"

case_begin "a choice that takes no typing names L on the bottom line; one that takes typing does not"
restart --size 80x24 -- --lang fr --data "$FIXTURES/cli-v2.json"
wait_for "itpnav · Accueil"
send p
wait_for "1 sur 9${NB}: Lieu de résidence"
# The place is found by typing: L is a letter there.
check "the place's choice: no L" bash -c '! grep -q "L English" <<<"$1"' _ "$(screen | tail -n 1)"
check "the place's choice: its essentials" bar_has "Enter ouvrir" "Esc retour"
send Enter
wait_for "2 sur 9${NB}: Vos objectifs"
check "the goals' checklist: L beside the essentials" bar_has "Enter ouvrir" "Esc retour" "L English"
send L
wait_for "itpnav · What's my path?"
check "the wizard in English, its hint in French" bar_has "L français"

# ---- the kiosk: the visitor's choice, and the reset to the kiosk's language ----

CLOCK="$TEST_TMP/script-clock"
echo 0 >"$CLOCK"
ahead=0
advance() {
    ahead=$(awk -v a="$ahead" -v s="$1" 'BEGIN { print a + s }')
    echo "$ahead" >"$CLOCK.new" && mv "$CLOCK.new" "$CLOCK"
}

case_begin "a kiosk's Home offers Français; choosing it shows everything in French"
restart --size 80x24 --env "$NO_PIN" --env "ITPNAV_CLOCK_FILE=$CLOCK" -- --kiosk --idle 100 --lang en \
    --data "$DATA"
wait_for "itpnav · Home"
expect_screen_matches "7  Français +tout afficher en français *$"
expect_row_has 23 "L français"
send 7
wait_for "itpnav · Accueil"
expect_screen_has "7  English"
expect_screen_has "Cet ordinateur est partagé${NB}: ce que vous faites ici est effacé après 100"
send 7
wait_for "itpnav · Home"
expect_screen_has "7  Français"
expect_screen_has "itpnav: supports and pathways for internationally trained physicians"
# L does the same; the selection back on the first item: Home looks untouched but for its
# language, which is not the kiosk's own, so the idle reset still comes.
send L Home
wait_for "itpnav · Accueil"

case_begin "40x12: the countdown in French, its words whole; the reset brings English back"
tm resize-window -t "$SESSION" -x 40 -y 12
wait_for "7  English"
advance 85
wait_for "Encore là${NB}?" 3
expect_joined "Encore là${NB}? Appuyez sur une touche. On recommence pour la personne suivante dans"
expect_screen_lacks "…"
check "the seconds show whole" expect_joined_re "dans [0-9]+ s\."
advance 20
wait_for "itpnav · Home" 8
expect_screen_has "7  Français"
expect_screen_lacks "Accueil"
expect_row_has 11 "L français"

finish
