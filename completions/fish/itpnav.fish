# fish completion for itpnav(1).
#
# Commands, options and the fixed values of options come from this file (they are the program's
# interface, checked against `itpnav --help` by tests/completion); region, goal, service, exam and
# entry ids and names come from the dataset in use, through the hidden `itpnav complete WHAT`
# (with the --data or --db already on the line), so nothing of the data is copied here.

# The words on the line that are neither options nor options' values: the command, then its
# arguments.
function __itpnav_words
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
            case --data --db --out --map --older-than --idle --format --region --goal --service \
                --delivery --kind --search --limit --status --exam --discipline --postgrad-years \
                --practice-years --last-practised --last-practiced --language-test --lang
                set skip 1
            case '-*'
            case '*'
                echo $t
        end
    end
end

# The command on the line: the first of those words; import and export take a format word next,
# which is part of the command ("import hsds").
function __itpnav_command
    set -l w (__itpnav_words)
    set -q w[1]; or return 1
    if contains -- $w[1] import export; and test "$w[2]" = hsds
        echo "$w[1] hsds"
    else
        echo $w[1]
    end
end

# True when import hsds has no SOURCE yet.
function __itpnav_wants_source
    set -l w (__itpnav_words)
    test (count $w) -eq 2; and test "$w[1] $w[2]" = 'import hsds'
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

# The files whose names end in the argument (".json"), and folders to look into; for an option's
# value, also when typed as --option=VALUE.
function __itpnav_files_ending
    set -l token (string replace -r -- '^--[a-z-]+=' '' (commandline -ct))
    for f in (complete -C "__fish_command_without_completions $token" | string split -f 1 \t)
        if string match -q -- '*/' $f; or string match -q -- "*$argv[1]" $f
            printf '%s\n' $f
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
complete -c itpnav -n $none -a import -d 'a directory in another format as a dataset'
complete -c itpnav -n $none -a export -d 'the dataset in another format'
complete -c itpnav -n '__itpnav_in import export; and test (count (__itpnav_words)) = 1' -a hsds \
    -d 'Open Referral HSDS 3.0'
complete -c itpnav -n '__itpnav_in check' -a '(__itpnav_files_ending .json)' -d dataset
complete -c itpnav -n '__itpnav_in show' -a '(__itpnav_data entries)'
complete -c itpnav -n __itpnav_wants_source -F \
    -d 'a JSON or NDJSON file, or a package folder'

# Options, each for the commands that take it (as src/main.c's table has them, and
# src/hsds_cli.c for import and export, whose options come after the format word).
set -l hsds "'import hsds' 'export hsds'"
complete -c itpnav -s h -l help -d 'print a summary of the usage'
complete -c itpnav -n 'not __itpnav_in import export "import hsds" "export hsds"' -s V \
    -l version -d 'print the version'
complete -c itpnav -n 'not __itpnav_in import export' -l lang -x -a 'en fr' \
    -d 'the language of the interface and of the data'
complete -c itpnav -n "__itpnav_in 'import hsds'" -l map -x -a '(__itpnav_files_ending .json)' \
    -d 'how taxonomy terms and places become goals, services and regions'
complete -c itpnav -n "__itpnav_in 'import hsds'" -l strict \
    -d 'a value that cannot be mapped is an error: nothing is written'
complete -c itpnav -n "__itpnav_in 'import hsds'" -l out -r -F \
    -d 'where to write the dataset (default: standard output)'
complete -c itpnav -n "__itpnav_in 'export hsds'" -l out -r -F \
    -d 'a file for the JSON list, or a folder for the tabular package'
complete -c itpnav -n "__itpnav_in $hsds" -l data -x -a '(__itpnav_files_ending .json)' \
    -d 'the dataset to read (default: the bundled one)'
complete -c itpnav -n '__itpnav_in none list show match build-db' -l data -x \
    -a '(__itpnav_files_ending .json)' -d 'a dataset (default: the bundled one)'
complete -c itpnav -n '__itpnav_in none list show match' -l db -x \
    -a '(__itpnav_files_ending .db)' -d 'a database written by build-db, read-only'
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
