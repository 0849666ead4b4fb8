#!/bin/zsh -f
# zsh-capture.zsh FPATH_DIR LINE: the candidates zsh's completion system offers for LINE (Tab at
# its end), one a line, as an interactive zsh would: a zsh on a pseudo-terminal (zpty) with
# compinit and the completion function in FPATH_DIR; compadd is wrapped to print what is added,
# and adds it too: _files offers every file when a pattern (-g "*.json") seems to have added none.
# The technique is that of zsh-capture-completion (Valodim), written anew here.
zmodload zsh/zpty || exit 2
fpath_dir=$1
line=$2

init=$(mktemp) || exit 2
trap 'rm -f $init' EXIT
cat >$init <<'INIT'
PROMPT= RPROMPT=
unset zle_bracketed_paste
autoload -U compinit
compinit -u -D   # -D: no dump file (a dump "to /dev/null" replaced /dev/null with a file when run as root)
# Tab completes; Enter and ^J do nothing, so that no line is ever run.
bindkey '^M' undefined-key
bindkey '^J' undefined-key
bindkey '^I' complete-word
# A NUL line before the completion starts and after it ends; the matches print between.
null-line() { echo -E - $'\0' }
compprefuncs=( null-line )
comppostfuncs=( null-line exit )
zstyle ':completion:*' list-grouped false
zstyle ':completion:*' insert-tab false
zstyle ':completion:*' list-separator ''
compadd() {
  # Only what adds matches is printed; -O, -A and -D store them instead.
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return $?
  fi
  typeset -a __hits __dscr __tmp
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    if [[ $__tmp == \(* ]]; then
      eval "__dscr=$__tmp"
    else
      __dscr=( "${(@P)__tmp}" )
    fi
  fi
  builtin compadd -A __hits -D __dscr "$@"
  builtin compadd "$@"
  setopt localoptions norcexpandparam extendedglob
  typeset -A apre hpre hsuf asuf
  zparseopts -E P:=apre p:=hpre S:=asuf s:=hsuf
  [[ -n $__hits ]] || return
  local i
  for i in {1..$#__hits}; do
    echo -E - $IPREFIX$apre$hpre$__hits[$i]$hsuf$asuf
  done
}
echo ok
INIT

zpty z zsh -f -i
zpty -w z "fpath=(${(q)fpath_dir} \$fpath); source ${(q)init}"
ready=0
repeat 40; do
  zpty -r z got || break
  if [[ $got == ok* ]]; then ready=1; break; fi
done
(( ready )) || { print -u2 "zsh-capture: the interactive zsh did not start"; exit 2; }
zpty -n -w z "$line"$'\t'

setopt extendedglob
integer tog=0
while zpty -r z; do :; done | while IFS= read -r ln; do
  if [[ $ln == *$'\0'$'\r' ]]; then
    (( tog++ ))
    if (( tog >= 2 )); then break; fi
    continue
  fi
  # The terminal's own output (a cursor move, a clear) can land in front of a match: drop it.
  ln=${ln//$'\e'\[[0-9;?]#[A-Za-z]/}
  ln=${ln//$'\r'/}
  (( tog )) && [[ -n $ln ]] && print -r -- "$ln"
done
return 0
