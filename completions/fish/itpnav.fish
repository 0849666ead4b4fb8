# fish completion for itpnav(1).
#
# Commands, options and the fixed values of options come from this file (they are the program's
# interface, checked against `itpnav --help` by tests/completion); region, goal, service, exam and
# entry ids and names come from the dataset in use, through the hidden `itpnav complete WHAT`
# (with the --data or --db already on the line), so nothing of the data is copied here.

# The command on the line: the first word that is neither an option nor an option's value.
function __itpnav_command
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l skip 0
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        switch $t
            case '--*=*'
            case --data --db --out --older-than --idle --format --region --goal --service \
                --delivery --kind --search --limit --status --exam --discipline --postgrad-years \
                --practice-years --last-practised --last-practiced --language-test --lang
                set skip 1
            case '-*'
            case '*'
                echo $t
                return 0
        end
    end
    return 1
end

# True when the command on the line is one of the arguments ("none": no command yet).
function __itpnav_in
    set -l command (__itpnav_command); or set command none
    contains -- $command $argv
end

# The dataset's "ID<TAB>NAME" lines (an id and its description), from the --data or --db on the
# line; with "names" after WHAT, each name described by its id as well (a region may be given by
# its name).
function __itpnav_data
    set -l tokens (commandline -opc)
    set -l prog $tokens[1]
    set -l source
    set -l n (count $tokens)
    for i in (seq 2 $n)
        switch $tokens[$i]
            case '--data=*' '--db=*'
                set source (string split -m 1 = -- $tokens[$i])
            case --data --db
                if test $i -lt $n
                    set source $tokens[$i] $tokens[(math $i + 1)]
                end
        end
    end
    # A leading ~ is the shell's, not part of the name; nothing on the line is ever run.
    if set -q source[2]; and string match -q '~/*' -- $source[2]
        set source[2] $HOME/(string sub -s 3 -- $source[2])
    end
    string match -q '~/*' -- $prog; and set prog $HOME/(string sub -s 3 -- $prog)
    command -q -- $prog; or return
    set -l lines ($prog complete $argv[1] $source 2>/dev/null </dev/null)
    printf '%s\n' $lines
    if test "$argv[2]" = names
        for line in $lines
            set -l f (string split -m 1 \t -- $line)
            if test (string lower -- $f[2]) != $f[1]
                printf '%s\t%s\n' $f[2] $f[1]
            end
        end
    end
end

complete -c itpnav -f

# Commands.
set -l none '__itpnav_in none'
complete -c itpnav -n $none -a check -d 'validate a dataset'
complete -c itpnav -n $none -a list -d 'the entries that match, one a line'
complete -c itpnav -n $none -a show -d 'one entry, in full'
complete -c itpnav -n $none -a match -d 'the verdict on each pathway, for scripts'
complete -c itpnav -n $none -a build-db -d 'write a ready SQLite database (for kiosks)'
complete -c itpnav -n '__itpnav_in check' -F -d dataset
complete -c itpnav -n '__itpnav_in show' -a '(__itpnav_data entries)'

# Options, each for the commands that take it (as src/main.c's table has them).
complete -c itpnav -s h -l help -d 'print a summary of the usage'
complete -c itpnav -s V -l version -d 'print the version'
complete -c itpnav -l lang -x -a 'en fr' -d 'the language of the interface and of the data'
complete -c itpnav -n '__itpnav_in none list show match build-db' -l data -r -F \
    -d 'a dataset (default: the bundled one)'
complete -c itpnav -n '__itpnav_in none list show match' -l db -r -F \
    -d 'a database written by build-db, read-only'
complete -c itpnav -n '__itpnav_in build-db' -l out -r -F -d 'where to write the database'
complete -c itpnav -n '__itpnav_in check' -l strict -d 'make warnings errors'
complete -c itpnav -n '__itpnav_in check' -l older-than -x \
    -d 'list the records last checked more than MONTHS ago'
complete -c itpnav -n '__itpnav_in check list show match' -l format -x -a 'text tsv json' \
    -d 'the output format'
complete -c itpnav -n $none -l kiosk -d 'a locked public kiosk'
complete -c itpnav -n $none -l idle -x \
    -d 'with --kiosk: seconds without input before everything is cleared'
complete -c itpnav -n $none -l no-color -d 'no colour'
complete -c itpnav -n $none -l no-colour -d 'no colour'
complete -c itpnav -n $none -l no-mouse -d 'do not capture the mouse'
complete -c itpnav -n $none -l plain -d 'line-by-line mode with numbered choices'
complete -c itpnav -n '__itpnav_in none list match' -l region -x \
    -a '(__itpnav_data regions names)' -d 'where the person lives'
complete -c itpnav -n '__itpnav_in none list match' -l goal -x -a '(__itpnav_data goals)' \
    -d 'a career goal'
complete -c itpnav -n '__itpnav_in list' -l service -x -a '(__itpnav_data services)' \
    -d 'a kind of help'
complete -c itpnav -n '__itpnav_in list' -l delivery -x -a 'online in-person hybrid' \
    -d 'how the help is delivered'
complete -c itpnav -n '__itpnav_in list show' -l kind -x -a 'group program pathway support' \
    -d 'the kind of entry'
complete -c itpnav -n '__itpnav_in list' -l search -x -d 'words that every entry must match'
complete -c itpnav -n '__itpnav_in list' -l limit -x -d 'only the first N entries'
complete -c itpnav -n '__itpnav_in match' -l status -x \
    -a 'citizen permanent-resident work-permit refugee' -d 'status in Canada'
complete -c itpnav -n '__itpnav_in match' -l exam -x -a '(__itpnav_data exams)' \
    -d 'an exam passed'
complete -c itpnav -n '__itpnav_in match' -l exam -x -a none -d 'no exam passed yet'
complete -c itpnav -n '__itpnav_in match' -l discipline -x -a 'family-medicine specialty' \
    -d 'the discipline'
complete -c itpnav -n '__itpnav_in match' -l postgrad-years -x \
    -d 'years of postgraduate training'
complete -c itpnav -n '__itpnav_in match' -l practice-years -x -d 'years of independent practice'
complete -c itpnav -n '__itpnav_in match' -l last-practised -x \
    -d 'how many years ago the person last practised'
complete -c itpnav -n '__itpnav_in match' -l last-practiced -x \
    -d 'how many years ago the person last practised'
complete -c itpnav -n '__itpnav_in match' -l language-test -x -a 'yes no' \
    -d 'an accepted language test result'
