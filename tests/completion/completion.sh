#!/bin/bash
# completion.sh COMPLETIONS_DIR: the shell completions (completions/bash, zsh, fish) against the
# program they complete, driven the way each shell drives them:
#   bash: bash-completion loaded, COMP_WORDS/COMP_LINE set as bash sets them, the function that
#         `complete -p itpnav` names called, COMPREPLY read back;
#   zsh:  an interactive zsh on a pseudo-terminal with compinit, Tab typed (zsh-capture.zsh);
#   fish: `fish -c 'complete -C LINE'`.
# Checked: every command and option that `itpnav --help` lists is offered; a command's sub-word
# (`import hsds`) is offered after it; each command is offered exactly the options the program
# accepts with it (asked of the program itself, after the sub-word where there is one); every
# fixed value offered (--format, --kind, ...) is one the program accepts, and every value the
# program names is offered; files and folders where a file is wanted; region, goal and entry
# ids and region names come from the dataset in use (--data), by id prefix and by name prefix;
# and `itpnav complete` itself prints "ID<TAB>NAME" lines, and nothing when the data can't be read.

. "$(dirname "$0")/../cli/lib.sh"

comp_dir=${1:?usage: completion.sh COMPLETIONS_DIR}
here=$(cd "$(dirname "$0")" && pwd)
for shell in bash zsh fish; do
    command -v $shell >/dev/null || { echo "completion.sh: $shell is not installed (setup.sh installs it)"; exit 1; }
done
[ -f /usr/share/bash-completion/bash_completion ] ||
    { echo "completion.sh: bash-completion is not installed (setup.sh installs it)"; exit 1; }

# The completions run `itpnav` as typed: this build's.
mkdir -p "$TEST_TMP/bin"
ln -s "$ITPNAV" "$TEST_TMP/bin/itpnav"
export PATH="$TEST_TMP/bin:$PATH"

# ---- one completion a shell: complete_in SHELL LINE prints the candidates, one a line ----
complete_bash() {
    bash --norc --noprofile -c '
        . /usr/share/bash-completion/bash_completion
        . "$1"
        line=$2
        read -ra COMP_WORDS <<<"$line"
        [[ $line == *" " || -z $line ]] && COMP_WORDS+=("")
        COMP_LINE=$line COMP_POINT=${#line} COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        spec=$(complete -p itpnav) || exit 1
        fn=${spec#*-F }
        fn=${fn%% *}
        "$fn" itpnav "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        ((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}"
        exit 0' bash "$comp_dir/bash/itpnav" "$1"
}
complete_zsh() {
    timeout 30 zsh -f "$here/zsh-capture.zsh" "$comp_dir/zsh" "$1"
}
complete_fish() {
    fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$comp_dir/fish/itpnav.fish" "$1" |
        cut -f1
}
complete_in() {
    "complete_$1" "$2" 2>"$TEST_TMP/complete.err"
}

# expect_offers SHELL LINE WORD...: each WORD is among the candidates.
expect_offers() {
    local shell=$1 line=$2 got w
    shift 2
    got=$(complete_in "$shell" "$line")
    for w in "$@"; do
        grep -qxF -- "$w" <<<"$got" ||
            fail "$shell: '$line<Tab>' does not offer '$w' (offers: $(echo $got | cut -c1-300))"
    done
}
# expect_exactly SHELL LINE WORD...: the candidates are these words (any order).
expect_exactly() {
    local shell=$1 line=$2 got want
    shift 2
    got=$(complete_in "$shell" "$line" | sort -u | tr '\n' ' ')
    want=$(printf '%s\n' "$@" | sort -u | tr '\n' ' ')
    [ "$got" = "$want" ] || fail "$shell: '$line<Tab>' offers [$got], expected [$want]"
}
# expect_all_start SHELL LINE PREFIX: every candidate starts with PREFIX, ignoring case (and the
# shell's quoting: a backslash before a space).
expect_all_start() {
    local c bad=""
    while IFS= read -r c; do
        c=${c//\\/}
        [[ ${c,,} == "${3,,}"* ]] || bad="$bad '$c'"
    done < <(complete_in "$1" "$2")
    [ -z "$bad" ] || fail "$1: '$2<Tab>' offers what does not start with '$3':$bad"
}

# offered_files SHELL LINE: the candidates on one line, sorted; a folder may come as "package"
# or "package/" (the shells differ), so the slash is dropped.
offered_files() {
    complete_in "$1" "$2" | sed 's,/$,,' | sort -u | tr '\n' ' '
}

# ---- what the program says it has ----
run "$ITPNAV" --help
help_options=$(grep -oE -- '--[a-z][a-z-]*' "$OUT_FILE" | sort -u)
help_commands=$(sed -n 's/^  itpnav \([a-z][a-z-]*\).*/\1/p' "$OUT_FILE" | sort -u)
[ "$(echo "$help_options" | wc -l)" -ge 20 ] || { echo "completion.sh: read too few options from --help"; exit 1; }
[ "$(echo "$help_commands" | wc -l)" -ge 5 ] || { echo "completion.sh: read too few commands from --help"; exit 1; }
# A command whose usage line goes on with a bare word ("itpnav import hsds [--map ...]") takes
# that word first, and its options after it: "import hsds" is a context of its own, and so is
# "import" alone, where the program takes only --help.
declare -A subword=()
while read -r cmd word; do
    subword[$cmd]=$word
done < <(sed -n 's/^  itpnav \([a-z][a-z-]*\) \([a-z][a-z-]*\)\( .*\)\{0,1\}$/\1 \2/p' "$OUT_FILE")
if [ "${subword[import]:-}" != hsds ] || [ "${subword[export]:-}" != hsds ]; then
    echo "completion.sh: read no sub-word for import and export from --help"
    exit 1
fi
contexts=("")
for cmd in $help_commands; do
    contexts+=("$cmd")
    [ -n "${subword[$cmd]:-}" ] && contexts+=("$cmd ${subword[$cmd]}")
done

# accepts CONTEXT OPTION: the program takes OPTION with the command CONTEXT ('' for none, or a
# command and its sub-word: "export hsds"). A value that passes parsing is given, and the command
# is stopped by a later usage error, so that nothing runs: what is read is whether the option
# itself was refused. Before its sub-word a command takes no option but --help ("export needs a
# format").
accepts() {
    local opt=$2 value="" args=() cmd=()
    read -ra cmd <<<"$1"
    case $opt in
    --help | --version | --strict | --kiosk | --no-color | --no-colour | --no-mouse | --plain) ;;
    --format) value==tsv ;;
    --kind) value==group ;;
    --delivery) value==online ;;
    --status) value==citizen ;;
    --discipline) value==specialty ;;
    --language-test) value==yes ;;
    --lang) value==en ;;
    --idle) value==120 ;;
    --out) value==/nonexistent/x.db ;;
    --data) value==/nonexistent/x.json ;;
    --db) value==/nonexistent/x.db ;;
    *) value==1 ;;
    esac
    if [ ${#cmd[@]} = 0 ]; then
        args=("$opt$value" --data=/nonexistent/a.json --db=/nonexistent/b.db)
    else
        args=("${cmd[@]}" "$opt$value" extra1 extra2 extra3)
    fi
    "$ITPNAV" "${args[@]}" </dev/null >/dev/null 2>"$TEST_TMP/accepts.err"
    ! grep -qE "does not take|needs a command|needs a format|unknown option" "$TEST_TMP/accepts.err"
}

# Options that cli.md names and the program does not have yet: offered ahead (so that the
# completions need no change when it lands), and not held against them until --help lists them.
pending="--lang"

for shell in bash zsh fish; do
    case_begin "$shell: every command of --help is offered, and nothing else"
    # shellcheck disable=SC2086
    expect_exactly "$shell" "itpnav " $help_commands
    expect_exactly "$shell" "itpnav li" list

    case_begin "$shell: a command's sub-word is offered after it, and only there"
    for cmd in "${!subword[@]}"; do
        expect_exactly "$shell" "itpnav $cmd " "${subword[$cmd]}"
        expect_exactly "$shell" "itpnav $cmd ${subword[$cmd]:0:1}" "${subword[$cmd]}"
        got=$(complete_in "$shell" "itpnav $cmd ${subword[$cmd]} ")
        ! grep -qxF -- "${subword[$cmd]}" <<<"$got" ||
            fail "$shell: 'itpnav $cmd ${subword[$cmd]} <Tab>' offers '${subword[$cmd]}' again"
    done

    case_begin "$shell: each command is offered exactly the options the program takes with it"
    offered_all=""
    for ctx in "${contexts[@]}"; do
        offered=$(complete_in "$shell" "itpnav ${ctx:+$ctx }--" | grep -E '^--' | sort -u)
        offered_all="$offered_all $offered"
        for opt in $help_options $pending; do
            if grep -qxF -- "$opt" <<<"$offered"; then
                if ! accepts "$ctx" "$opt"; then
                    if grep -qxF -- "$opt" <<<"$help_options" || ! grep -qwF -- "$opt" <<<"$pending"; then
                        fail "$shell: offers $opt after 'itpnav $ctx', which the program refuses there: $(head -n 1 "$TEST_TMP/accepts.err")"
                    fi
                fi
            elif grep -qxF -- "$opt" <<<"$help_options" && accepts "$ctx" "$opt"; then
                fail "$shell: does not offer $opt after 'itpnav $ctx', which the program takes there"
            fi
        done
        # Spellings that --help leaves out (--no-colour, --last-practiced) are offered too: the
        # program takes them, which the loop above asked.
        for opt in $offered; do
            grep -qxF -- "$opt" <<<"$help_options" || grep -qwF -- "$opt" <<<"$pending" ||
                accepts "$ctx" "$opt" ||
                fail "$shell: offers $opt after 'itpnav $ctx', which the program refuses there"
        done
    done

    case_begin "$shell: every option of --help is offered somewhere"
    for opt in $help_options; do
        printf '%s\n' $offered_all | grep -qxF -- "$opt" || fail "$shell: never offers $opt"
    done

    case_begin "$shell: the values of --format, --kind, --delivery, --status, --discipline, --language-test, --lang"
    expect_exactly "$shell" "itpnav list --format " text tsv json
    expect_exactly "$shell" "itpnav show --format j" json
    for pair in "list --kind" "show --kind" "list --delivery" "match --status" \
        "match --discipline" "match --language-test"; do
        # show takes an ID: an argument in its place, so that "extra" is the one too many.
        id=""
        [[ $pair == show* ]] && id=some-id
        values=$(complete_in "$shell" "itpnav $pair ")
        [ -n "$values" ] || fail "$shell: 'itpnav $pair <Tab>' offers nothing"
        for v in $values; do
            # shellcheck disable=SC2086
            "$ITPNAV" $pair "$v" $id extra </dev/null >/dev/null 2>"$TEST_TMP/value.err"
            grep -q "unexpected argument 'extra'" "$TEST_TMP/value.err" ||
                fail "$shell: offers '$v' for '$pair', which the program refuses: $(head -n 1 "$TEST_TMP/value.err")"
        done
        # And every value the program names when it refuses one ("expected group, program or
        # pathway", "takes yes or no") is offered.
        # shellcheck disable=SC2086
        "$ITPNAV" $pair not-a-value $id </dev/null >/dev/null 2>"$TEST_TMP/value.err"
        named=$(head -n 1 "$TEST_TMP/value.err" | sed -n "s/.*\(expected\|takes\) \(.*\)/\2/p" |
            sed "s/, not '.*//; s/, / /g; s/ or / /g")
        [ -n "$named" ] ||
            fail "$shell: 'itpnav $pair not-a-value' names no values: $(head -n 1 "$TEST_TMP/value.err")"
        for v in $named; do
            grep -qxF -- "$v" <<<"$values" ||
                fail "$shell: does not offer '$v' for '$pair', which the program names"
        done
    done
    expect_exactly "$shell" "itpnav --lang " en fr

    # A region whose name has a space (so that quoting is tested too), from the bundled dataset.
    line=$("$ITPNAV" complete regions | awk -F'\t' '$2 ~ / / { r = $0 } END { print r }')
    rid=${line%%$'\t'*}
    rname=${line#*$'\t'}
    case_begin "$shell: a region by the beginning of its id ('${rid:0:3}' offers $rid)"
    [ -n "$rid" ] || fail "no region with a space in its name in the bundled dataset"
    expect_offers "$shell" "itpnav list --region ${rid:0:3}" "$rid"
    expect_all_start "$shell" "itpnav list --region ${rid:0:3}" "${rid:0:3}"

    case_begin "$shell: a region by the beginning of its name ('${rname:0:3}' offers '$rname')"
    if [ "$shell" = fish ]; then
        expect_offers "$shell" "itpnav list --region ${rname:0:3}" "$rname"
    else
        expect_offers "$shell" "itpnav list --region ${rname:0:3}" "${rname// /\\ }"
    fi
    expect_all_start "$shell" "itpnav list --region ${rname:0:3}" "${rname:0:3}"
    # Whatever the case typed.
    lower=${rname,,}
    if [ "$shell" = fish ]; then
        expect_offers "$shell" "itpnav match --region ${lower:0:3}" "$rname"
    else
        expect_offers "$shell" "itpnav match --region ${lower:0:3}" "${rname// /\\ }"
    fi

    case_begin "$shell: ids come from the dataset in use (--data), not a copy"
    expect_offers "$shell" "itpnav --data $FIXTURES/cli-deep.json list --region gr" grand-montreal
    expect_offers "$shell" "itpnav list --data=$FIXTURES/cli-deep.json --region st" st-catharines
    got=$(complete_in "$shell" "itpnav list --region gr")
    ! grep -qx grand-montreal <<<"$got" ||
        fail "$shell: the bundled dataset has no region grand-montreal, yet it is offered"
    got=$(complete_in "$shell" "itpnav --data /nonexistent.json list --region ")
    [ -z "$got" ] || fail "$shell: a dataset that can't be read offers '$got'"
    [ ! -s "$TEST_TMP/complete.err" ] || fail "$shell: prints on stderr: $(head -n 2 "$TEST_TMP/complete.err")"

    case_begin "$shell: files and folders for import hsds and export hsds"
    # In a folder of its own: a map, another file and a folder (a tabular package).
    mkdir -p "$TEST_TMP/files-$shell/package"
    touch "$TEST_TMP/files-$shell/map.json" "$TEST_TMP/files-$shell/notes.txt"
    cd "$TEST_TMP/files-$shell" || exit 1
    for line in "itpnav import hsds --map " "itpnav import hsds --data " \
        "itpnav export hsds --data "; do
        got=$(offered_files "$shell" "$line")
        [ "$got" = "map.json package " ] ||
            fail "$shell: '$line<Tab>' offers [$got], expected [map.json package ] (JSON and folders)"
    done
    for line in "itpnav import hsds --out " "itpnav export hsds --out " "itpnav import hsds " \
        "itpnav import hsds --strict --map map.json "; do
        got=$(offered_files "$shell" "$line")
        [ "$got" = "map.json notes.txt package " ] ||
            fail "$shell: '$line<Tab>' offers [$got], expected [map.json notes.txt package ]"
    done
    # No file after SOURCE, and none after export hsds (it takes no argument).
    for line in "itpnav import hsds notes.txt " "itpnav export hsds "; do
        got=$(offered_files "$shell" "$line")
        [[ " $got" != *" notes.txt "* ]] || fail "$shell: '$line<Tab>' offers files: [$got]"
    done
    cd - >/dev/null || exit 1

    case_begin "$shell: goals, services, exams and entries from the dataset"
    # shellcheck disable=SC2046
    expect_exactly "$shell" "itpnav match --goal " $("$ITPNAV" complete goals | cut -f1)
    expect_offers "$shell" "itpnav list --service " $("$ITPNAV" complete services | cut -f1)
    expect_offers "$shell" "itpnav match --exam " none $("$ITPNAV" complete exams | cut -f1)
    first=$("$ITPNAV" complete entries | head -n 1 | cut -f1)
    expect_offers "$shell" "itpnav show ${first:0:2}" "$first"
    expect_all_start "$shell" "itpnav show ${first:0:2}" "${first:0:2}"
done

# ---- the hidden command ----
case_begin "itpnav complete: ID<TAB>NAME lines from the dataset"
for what in regions goals services exams entries; do
    run "$ITPNAV" complete "$what"
    expect_status 0
    expect_stderr_empty
    [ -s "$OUT_FILE" ] || fail "complete $what printed nothing"
    awk -F'\t' 'NF != 2 || $1 == "" || $2 == "" { bad = 1 } END { exit bad }' "$OUT_FILE" ||
        fail "complete $what: a line is not ID<TAB>NAME"
done
run "$ITPNAV" complete regions --data "$FIXTURES/cli-deep.json"
expect_ids "canada quebec grand-montreal mtl laval ontario niagara st-catharines kingston"
run "$ITPNAV" complete goals
expect_stdout_matches "^residency	"

case_begin "itpnav complete: quiet, status 0 and no output when the data can't be read"
for bad in /nonexistent.json "$FIXTURES/cli-bad-syntax.json" "$FIXTURES/cli-bad-rules.json"; do
    run "$ITPNAV" complete regions --data "$bad"
    expect_status 0
    expect_stdout_empty
    expect_stderr_empty
done
run "$ITPNAV" complete regions --db /nonexistent.db
expect_status 0
expect_stdout_empty
expect_stderr_empty

case_begin "itpnav complete: a database written by build-db (--db)"
"$ITPNAV" build-db --data "$FIXTURES/cli-deep.json" --out "$TEST_TMP/deep.db" 2>/dev/null
run "$ITPNAV" complete regions --db "$TEST_TMP/deep.db"
expect_status 0
expect_stdout_has "grand-montreal"

case_begin "itpnav complete: a bad WHAT is a usage error; complete stays out of --help"
run "$ITPNAV" complete nothing
expect_status 64
expect_stdout_empty
run "$ITPNAV" --help
expect_stdout_lacks "complete"

finish
