#!/bin/bash
# complete.sh MANDIR SRCDIR: the manual pages describe what the program has, so they cannot
# drift from the code unnoticed.
#
# itpnav(1):
#   - every long option of the options table in src/main.c, and every short option of its
#     getopt string, heads a tagged paragraph (.TP) somewhere in the page;
#   - every long option the page mentions is one of that table (nothing removed stays documented);
#   - every command of main.c's commands[] heads a paragraph of COMMANDS;
#   - every action name of the key table in src/ui/keys.c heads a paragraph of KEYS as
#     "(name)", and every "(name)" there is one of the table;
#   - every exit status of src/util/err.h (and 0) heads a paragraph of EXIT STATUS.
# itpnav-data(5):
#   - every key that src/model/dataset.c checks, and every fixed value of the vocabularies in
#     src/model/terms.h (which it checks against), appears in the page.
#
# The page text is compared after removing comments, font escapes (\fB, \fR, ...), \& and
# turning \- into -, so that "\fB\-\-no\-color\fR" reads "--no-color".

set -u
export LC_ALL=C

man_dir=${1:?usage: complete.sh MANDIR SRCDIR}
src_dir=${2:?usage: complete.sh MANDIR SRCDIR}
page1=$man_dir/itpnav.1
page5=$man_dir/itpnav-data.5
main_c=$src_dir/main.c
keys_c=$src_dir/ui/keys.c
dataset_c=$src_dir/model/dataset.c
terms_h=$src_dir/model/terms.h
err_h=$src_dir/util/err.h

failed=0
fail() {
    echo "FAIL: $*"
    failed=1
}

for f in "$page1" "$page5" "$main_c" "$keys_c" "$dataset_c" "$terms_h" "$err_h"; do
    if [ ! -s "$f" ]; then
        echo "FAIL: $f is missing or empty"
        exit 1
    fi
done

# The page as words: no comments, no font changes, \- as -.
normalize() {
    sed -e '/^\.\\"/d' -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\f([A-Z][A-Z]//g' \
        -e 's/\\&//g' "$1"
}

# The line after each .TP (the tag), in section $2 of normalized page $1, or in all sections.
tags() {
    normalize "$1" | awk -v want="${2:-}" '
        /^\.SH / { sec = substr($0, 5); gsub(/"/, "", sec); next }
        /^\.TP/ { if ((getline line) > 0 && (want == "" || sec == want)) print line }'
}

# True when word $1 occurs in the text on stdin, not as part of a longer word.
has_word() {
    grep -qE -- "(^|[^A-Za-z0-9_-])$1([^A-Za-z0-9_-]|\$)"
}

# The text of $1 from the line matching $2 to the next "};", on one line (rows may be wrapped
# over several lines, as clang-format pleases).
c_block() {
    awk -v start="$2" 'index($0, start) { on = 1 } on { print } on && /^[[:space:]]*};/ { exit }' \
        "$1" | tr '\n\t' '  '
    echo
}

# at_least N WHAT COUNT: a parser that finds (almost) nothing is broken, not a pass.
at_least() {
    if [ "$3" -lt "$1" ]; then
        fail "found only $3 $2 in the sources; has the code's layout changed? (fix tests/man/complete.sh)"
        exit 1
    fi
}

# ---- itpnav(1): options ----
long_options=$(c_block "$main_c" 'options_table[] = {' | grep -oE '\{ *\{ *"[a-z0-9-]+"' |
    sed 's/[^"]*"\([^"]*\)"/\1/')
at_least 10 "long options in $main_c" "$(printf '%s\n' $long_options | grep -c .)"
# import hsds and export hsds parse their own options (src/hsds_cli.c).
hsds_c=$src_dir/hsds_cli.c
hsds_options=$(c_block "$hsds_c" 'opts[] = {' | grep -oE '\{ *"[a-z0-9-]+"' | sed 's/[^"]*"\([^"]*\)"/\1/')
at_least 4 "long options in $hsds_c" "$(printf '%s\n' $hsds_options | grep -c .)"
long_options=$(printf '%s\n' $long_options $hsds_options | sort -u)
short_options=$(sed -n 's/.*getopt_long([^"]*"-\{0,1\}\([A-Za-z0-9:]*\)".*/\1/p' "$main_c" |
    tr -d ':' | fold -w1)
at_least 1 "short options in $main_c" "$(printf '%s\n' $short_options | grep -c .)"

all_tags=$(tags "$page1")
for opt in $long_options; do
    printf '%s\n' "$all_tags" | has_word "--$opt" ||
        fail "itpnav.1: option --$opt (src/main.c) heads no paragraph (.TP)"
done
for opt in $short_options; do
    printf '%s\n' "$all_tags" | has_word "-$opt" ||
        fail "itpnav.1: option -$opt (src/main.c) heads no paragraph (.TP)"
done
# Example lines that run other programs (useradd, systemctl) may show their own options.
for opt in $(normalize "$page1" | grep -vE '^(useradd|systemctl|mkpasswd|cp|mkdir) ' |
    grep -oE -- '(^|[^A-Za-z0-9_-])--[a-z][a-z0-9-]*' |
    sed 's/^[^-]*--//' | sort -u); do
    printf '%s\n' $long_options | grep -qxF -- "$opt" ||
        fail "itpnav.1: documents --$opt, which src/main.c does not have"
done

# ---- itpnav(1): commands ----
commands=$(c_block "$main_c" 'commands[] = {' | grep -oE '\{ *"[a-z0-9-]+" *, *C_[A-Z]+ *\}' |
    sed 's/[^"]*"\([^"]*\)".*/\1/')
at_least 5 "commands in $main_c" "$(printf '%s\n' $commands | grep -c .)"
command_tags=$(tags "$page1" COMMANDS)
for cmd in $commands; do
    printf '%s\n' "$command_tags" | has_word "$cmd" ||
        fail "itpnav.1: command $cmd (src/main.c) heads no paragraph of COMMANDS"
done

# ---- itpnav(1): keys ----
key_names=$(c_block "$keys_c" 'key_table[] = {' | grep -oE '\{ *A_[A-Z_]+ *, *"[^"]*"' |
    sed 's/[^"]*"\([^"]*\)"/\1/')
key_rows=$(c_block "$keys_c" 'key_table[] = {' | grep -oE '\{ *A_[A-Z_]+ *,' | grep -c .)
at_least 10 "key names in $keys_c" "$(printf '%s\n' $key_names | grep -c .)"
if [ "$(printf '%s\n' $key_names | grep -c .)" -ne "$key_rows" ]; then
    fail "$keys_c has $key_rows rows but only $(printf '%s\n' $key_names | grep -c .) names were read"
fi
key_tags=$(tags "$page1" KEYS)
for name in $key_names; do
    printf '%s\n' "$key_tags" | grep -qF -- "($name)" ||
        fail "itpnav.1: key '$name' (src/ui/keys.c) heads no paragraph of KEYS as ($name)"
done
for name in $(printf '%s\n' "$key_tags" | grep -oE '\([a-z][a-z-]*\)' | tr -d '()' | sort -u); do
    printf '%s\n' $key_names | grep -qxF -- "$name" ||
        fail "itpnav.1: KEYS documents ($name), which src/ui/keys.c does not have"
done

# ---- itpnav(1): exit statuses ----
statuses="0 $(sed -n 's/.*EXIT_[A-Z]* *= *\([0-9][0-9]*\).*/\1/p' "$err_h")"
at_least 4 "exit statuses in $err_h" "$(printf '%s\n' $statuses | grep -c .)"
status_tags=$(tags "$page1" 'EXIT STATUS')
for n in $statuses; do
    printf '%s\n' "$status_tags" | grep -qxE -- "\.B $n" ||
        fail "itpnav.1: exit status $n (src/util/err.h) heads no paragraph of EXIT STATUS"
done

# ---- itpnav(1): the glyph table ----
# Every row of src/ui/glyph.c's table, {"UTF-8 bytes", "ASCII", ...}, is a row of the table
# of the page's Symbols section: \[uXXXX]@ASCII@... (the forms match).
glyph_c=$src_dir/ui/glyph.c
glyphs=$(sed -n 's/^ *\[GLYPH_[A-Z_]*\] = {"\([^"]*\)", "\([^"]*\)".*/\1 \2/p' "$glyph_c")
at_least 15 "glyphs in $glyph_c" "$(printf '%s\n' "$glyphs" | grep -c .)"
glyph_rows=$(normalize "$page1" | awk '/^\.SS Symbols/ { on = 1 } on && /^\.TE/ { exit } on')
while read -r bytes ascii; do
    cp=$(printf '%b' "$bytes" | iconv -f UTF-8 -t UTF-32BE | od -An -tx1 | tr -d ' \n' |
        sed 's/^0*//' | tr 'a-f' 'A-F')
    cp=$(printf '%04s' "$cp" | tr ' ' 0)
    printf '%s\n' "$glyph_rows" | grep -qF -- "\\[u$cp]@$ascii@" ||
        fail "itpnav.1: the glyph table lacks the row of U+$cp, ASCII \"$ascii\" (src/ui/glyph.c)"
done <<<"$glyphs"

# ---- itpnav-data(5): keys and fixed values ----
data_keys=$(sed -n 's/.*\.key = "\([^"]*\)".*/\1/p' "$dataset_c" | sort -u)
section_keys=$(c_block "$dataset_c" '} sections[] = {' | grep -oE '\{ *"[a-z_]+" *, *(true|false)' |
    sed 's/[^"]*"\([^"]*\)".*/\1/')
# The id of each row X(ENUM, value, "id", ...) of terms.h's X-macros.
value_words=$(sed -n 's/^ *X([A-Z_]*, [^,]*, "\([^"]*\)".*/\1/p' "$terms_h" | sort -u)
at_least 40 "dataset keys in $dataset_c" "$(printf '%s\n' $data_keys | grep -c .)"
at_least 7 "top-level keys in $dataset_c" "$(printf '%s\n' $section_keys | grep -c .)"
at_least 15 "fixed values in $terms_h" "$(printf '%s\n' $value_words | grep -c .)"
data_text=$(normalize "$page5")
for word in itpnav dataset $data_keys $section_keys $value_words; do
    printf '%s\n' "$data_text" | has_word "$word" ||
        fail "itpnav-data.5: '$word' (src/model/dataset.c or terms.h) does not appear"
done

[ $failed -eq 0 ] && echo "ok: the pages name every option, command, key, exit status and dataset key"
exit $failed
