# fr-check.sh: `check` in French (issue 18): every diagnostic of the loader, the JSON scanner and
# the store in French under --lang fr (and under a French locale alone), with the place each one
# names (the file, the jq-style path or LINE:COLUMN), the order, the counts and the exit status
# exactly as in English; the JSON's own quotation marks kept around values, keys and ids.
. "$(dirname "$0")/lib.sh"

if ! locale -a 2>/dev/null | grep -Eqi '^fr_[a-z]+\.utf-?8$'; then
    echo "skip - no French UTF-8 locale installed (./setup.sh generates fr_CA.UTF-8)"
    exit 77
fi

NBSP=$'\u00a0'
# What French puts before : and ; (the glossary's no-break space).
C="${NBSP}:"
S="${NBSP};"

# check_fr FIXTURE ARGS...: check --lang fr on a copy of the fixture named NAME.json in $TEST_TMP
# (a short path to compare), the English run of the same kept in $EN_ERR.
check_fr() {
    local name=$1
    shift
    cp "$FIXTURES/$name.json" "$TEST_TMP/$name.json"
    (cd "$TEST_TMP" && "$ITPNAV" --lang en check "$@" "$name.json") >/dev/null \
        2>"$TEST_TMP/.en-stderr"
    EN_ERR=$(cat "$TEST_TMP/.en-stderr")
    run_in "$TEST_TMP" "$ITPNAV" --lang fr check "$@" "$name.json"
}

case_begin "a syntax error: French words, the same LINE:COLUMN and status"
check_fr cli-bad-syntax
expect_status 65
expect_stderr_has "itpnav: cli-bad-syntax.json:4:30: inattendu${C} '\"'${S} attendu${C} ',' ou '}'"
expect_stderr_has "itpnav${NBSP}: cli-bad-syntax.json${NBSP}: 1 erreur"
expect_stderr_lacks "unexpected"
[[ "$EN_ERR" == *"itpnav: cli-bad-syntax.json:4:30: unexpected '\"'; expected ',' or '}'"* ]] ||
    fail "English changed: $EN_ERR"

case_begin "a wrong type and missing keys: « attendu : … ; trouvé : … », the paths as in English"
check_fr cli-bad-missing
expect_status 65
expect_stderr_has "itpnav: cli-bad-missing.json: .supports: attendu${C} un tableau${S} trouvé${C} un objet"
expect_stderr_has "itpnav: cli-bad-missing.json: .dataset: clé \"as_of\" manquante${S} attendu${C} une chaîne"
expect_stderr_has "itpnav: cli-bad-missing.json: .: clé \"goals\" manquante${S} attendu${C} un tableau"
expect_stderr_has "itpnav${NBSP}: cli-bad-missing.json${NBSP}: 4 erreurs"
[[ "$EN_ERR" == *"itpnav: cli-bad-missing.json: .supports: expected an array, found an object"* ]] ||
    fail "English changed: $EN_ERR"

case_begin "unknown references, bad values and a loop of regions, in French"
check_fr cli-bad-rules
expect_status 65
expect_stderr_has "itpnav: cli-bad-rules.json: .supports[1].goals[1]: identifiant inconnu (objectif)${C} \"pra\"${S} attendu${C} un identifiant parmi les objectifs du jeu de données"
expect_stderr_has "itpnav: cli-bad-rules.json: .pathways[1].goal: identifiant inconnu (objectif)${C} \"residenci\"${S} vouliez-vous dire \"residency\"${NBSP}?"
expect_stderr_has "itpnav: cli-bad-rules.json: .supports[0].part_of: identifiant inconnu (ressource)${C} \"nobody\""
expect_stderr_has "itpnav: cli-bad-rules.json: .supports[0].kind: valeur non permise${C} \"club\"${S} attendu${C} \"group\" ou \"program\""
expect_stderr_has "itpnav: cli-bad-rules.json: .supports[0].as_of: \"2021-02-29\" n’est pas une date${S} attendu${C} AAAA, AAAA-MM ou AAAA-MM-JJ"
expect_stderr_has "itpnav: cli-bad-rules.json: .regions[1].parent: la région \"loop-a\" figure parmi ses propres ancêtres"
expect_stderr_has "itpnav${NBSP}: cli-bad-rules.json${NBSP}: 30 erreurs"

case_begin "version 2: a string too long, translations, the tree too deep, in French"
check_fr cli-bad-v2
expect_status 65
expect_stderr_has "itpnav: cli-bad-v2.json: .supports[1].name: 301 caractères${S} attendu${C} au plus 300 pour un nom ou un titre"
expect_stderr_has "itpnav: cli-bad-v2.json: .pathways[0].translations.fr.steps: 2 éléments${S} attendu${C} 1, un par élément de steps dans l’original"
expect_stderr_has "itpnav: cli-bad-v2.json: .regions[16].parent: la région \"r16\" est à 17 niveaux de profondeur${S} attendu${C} au plus 16"
expect_stderr_has "itpnav: cli-bad-v2.json: .supports[0].contact.adress: avertissement${C} clé inconnue${C} \"adress\" (ignorée${S} --strict en fait une erreur)${S} vouliez-vous dire \"address\"${NBSP}?"
expect_stderr_has "19 erreurs (format, version 2)"

case_begin "a warning: « avertissement : », status 0; --strict makes it an error (65)"
check_fr cli-bad-unknown-key
expect_status 0
expect_stderr_has "itpnav: cli-bad-unknown-key.json: .supports[0].colour: avertissement${C} clé inconnue${C} \"colour\" (ignorée${S} --strict en fait une erreur)"
expect_stdout_has "1 avertissement"
check_fr cli-bad-unknown-key --strict
expect_status 65
expect_stderr_has "itpnav: cli-bad-unknown-key.json: .supports[0].colour: clé inconnue${C} \"colour\""
expect_stderr_lacks "avertissement"

case_begin "a file that cannot be opened (66), a directory (66), an empty file (65)"
run "$ITPNAV" --lang fr check "$TEST_TMP/nothing-here.json"
expect_status 66
expect_stderr_has "itpnav: $TEST_TMP/nothing-here.json: impossible d’ouvrir${C} "
expect_stderr_lacks "cannot open"
run "$ITPNAV" --lang fr check "$TEST_TMP"
expect_status 66
expect_stderr_has "itpnav: $TEST_TMP: est un dossier${S} attendu${C} un fichier de jeu de données (JSON)"
: >"$TEST_TMP/empty.json"
run "$ITPNAV" --lang fr check "$TEST_TMP/empty.json"
expect_status 65
expect_stderr_has "itpnav: $TEST_TMP/empty.json:1:1: le fichier est vide${S} attendu${C} un objet JSON"

case_begin "a French locale without --lang says the same, byte for byte; --lang en wins over it"
for f in cli-bad-syntax cli-bad-rules cli-bad-v2 cli-bad-unknown-key; do
    check_fr "$f"
    fr=$ERR
    run_in "$TEST_TMP" env LC_ALL=fr_CA.UTF-8 "$ITPNAV" check "$f.json"
    [ "$ERR" = "$fr" ] || fail "$f: the locale's French differs from --lang fr's"
    run_in "$TEST_TMP" env LC_ALL=fr_CA.UTF-8 "$ITPNAV" --lang en check "$f.json"
    [ "$ERR" = "$EN_ERR" ] || fail "$f: --lang en under a French locale is not the English"
done

# Every case golden.py records (every fixture, plain and --strict, the bad ones with their keys in
# other orders, and the files it makes for what the fixtures lack), in French: the status and
# stdout as recorded in English (tsv and json stay English), as many diagnostics, each naming the
# same place; and no diagnostic left in English.
case_begin "every recorded check case in French: the same places, statuses and counts, no English"
cat >"$TEST_TMP/sweep.py" <<'EOF'
import os, re, subprocess, sys, tempfile
itpnav, root = os.path.abspath(sys.argv[1]), sys.argv[2]
sys.path.insert(0, os.path.join(root, "tests", "cli"))
import golden

ENGLISH = re.compile(r"\b(expected|unexpected|unknown|missing|found|cannot|duplicate|warning|"
                     r"invalid|empty (string|array)|not allowed|is not|did you mean|more errors|"
                     r"the file|a record|listed|control character|bytes|levels deep|"
                     # the fragments: a type, what is expected, a kind of record
                     r"a string|a number|an object|an array|a boolean|a whole number|a value|"
                     r"a date|a URL|printable text|a name or|text|of a|region|goal|support|"
                     r"pathway|exam|or)\b")

def place(line, file):
    """'itpnav: FILE' and what names the place after it (a path, or :LINE:COL)."""
    head = "itpnav: " + file
    # The summary ("itpnav: FILE: 3 errors", "... 5 more errors not shown") is no diagnostic:
    # in French it is a sentence of its own ("itpnav : FILE : 3 erreurs").
    if not line.startswith(head) or re.match(r"^: [0-9]+ (more )?errors?\b", line[len(head):]):
        return None
    rest = line[len(head):]
    if rest.startswith(":") and not rest.startswith(": "):
        return head + rest.split(": ", 1)[0]
    rest = rest[2:]
    return head + ": " + (rest.split(": ", 1)[0] if re.match(r"^\.\S*: ", rest) else "")

def run(case, scratch, lang):
    name, file, data, args = case
    with open(os.path.join(scratch, file), "wb") as f:
        f.write(data)
    env = dict(os.environ, LC_ALL="C.UTF-8", HOME=scratch, XDG_CACHE_HOME=scratch)
    p = subprocess.run([itpnav, "--lang", lang, "check"] + args + [file], cwd=scratch, env=env,
                       capture_output=True, stdin=subprocess.DEVNULL)
    os.unlink(os.path.join(scratch, file))
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace").splitlines()

bad = 0
def problem(name, what):
    global bad
    bad += 1
    if bad <= 30:
        print(f"{name}: {what}")

scratch = tempfile.mkdtemp(prefix="itpnav-frcheck.")
cases = golden.cases()
diags = 0
for case in cases:
    name, file = case[0], case[1]
    with open(os.path.join(golden.GOLDEN, name + ".txt"), "rb") as f:
        want = f.read().decode("utf-8", "replace")
    status = int(want.split("\n", 1)[0].split()[1])
    en_out = want.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)[0]
    en_err = want.split("--- stderr\n", 1)[1].splitlines()
    rc, out, err = run(case, scratch, "fr")
    if rc != status:
        problem(name, f"status {rc}, English {status}")
    if "--format" in case[3] and out.decode() != en_out:
        problem(name, "the tsv or json output is not the English one")
    en_places = [place(l, file) for l in en_err if place(l, file)]
    fr_places = [place(l, file) for l in err if place(l, file)]
    if en_places != fr_places:
        problem(name, f"places differ:\n  en {en_places[:5]}\n  fr {fr_places[:5]}")
    for l in err:
        p = place(l, file)
        if p is None:
            # A summary ("itpnav : FILE : 3 erreurs") is French from its first colon on.
            if l.startswith("itpnav: "):
                problem(name, f"left in English: {l}")
            continue
        diags += 1
        msg = l[len(p):]
        # Data the message quotes (values, keys, ids, the commands it names) is not looked at.
        words = re.sub(r'"[^"]*"|`[^`]*`', "", msg)
        if ENGLISH.search(words):
            problem(name, f"left in English: {l}")
print(f"{len(cases)} cases, {diags} diagnostics, {bad} problems")
sys.exit(1 if bad else 0)
EOF
run python3 "$TEST_TMP/sweep.py" "$ITPNAV" "$SOURCE_ROOT"
expect_status 0
expect_stdout_matches "^[0-9]+ cases, [0-9]{3,} diagnostics, 0 problems$"

finish
