# lib.sh: transcript tests of the line-by-line mode: the real program, its standard input from a
# file, its standard output checked by content (never as a whole-file snapshot).
#
#     . "$(dirname "$0")/lib.sh"
#     case_begin "the main menu"
#     talk $'1\nq\n' --data "$FIXTURES/tui-session.json"
#     expect_status 0
#     out_has "Supports."
#     finish
#
# talk INPUT ARGS...  runs `itpnav ARGS` (TERM=xterm-256color, so the line mode comes from the
#                     input not being a terminal) in $WORK with INPUT on standard input; $OUT,
#                     $ERR and $STATUS as tests/cli/lib.sh's run. Every transcript is checked for
#                     what the line mode must never print: an ESC byte, a box-drawing character
#                     or a symbol that carries meaning alone (✓ ✗ ★ → ▸ • …), a prompt that does
#                     not say what can be typed ("Type ..."), and lines wider
#                     than COLUMNS (80 when unset; COLUMNS=40 talk ... sets it for one run), a
#                     URL's own line excepted.
# out_has TEXT / out_lacks TEXT   standard output holds (lacks) TEXT.
# out_flat_has TEXT  the same with the lines joined: for sentences that wrap.
# out_count TEXT      how many lines of standard output hold TEXT (grep -cF).
# out_line_after TEXT the line that follows the first line holding TEXT.
# prompt_after TEXT  the first line after the one holding TEXT that starts with "Type ".
# lines_from TEXT     standard output from the first line holding TEXT on.
# The test cases, check, fail and finish are tests/cli/lib.sh's.

. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

WORK="$TEST_TMP/work"
mkdir -p "$WORK"
SESSION_DATA="$FIXTURES/tui-session.json"
DEEP_DATA="$FIXTURES/tui-deep.json"

# The symbols the screens draw that mean something on their own, and the box-drawing and block
# ranges: none may reach the line mode's output (python3 reads the transcript as UTF-8).
_listening_check() {
    python3 - "$OUT_FILE" "${COLUMNS:-80}" <<'EOF'
import re, sys, unicodedata
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
width = int(sys.argv[2])
bad = re.compile("[\u2500-\u259f\u2713\u2714\u2717\u2718\u2605\u2606\u25b6\u25b8\u25b9\u25ba"
                 "\u2190-\u2193\u2022\u00b7\u2026]")
for n, line in enumerate(text.split("\n"), 1):
    if "\x1b" in line:
        print(f"line {n} holds an ESC byte: {line!r}")
        sys.exit(1)
    # A middle dot inside a word is the dataset's French, not a separator the screens draw
    # (" · "): "diplômé·e·s" is how the Collège des médecins writes it.
    m = bad.search(re.sub(r"(?<=\w)\u00b7(?=\w)", "", line))
    if m:
        print(f"line {n} holds {unicodedata.name(m.group(0), hex(ord(m.group(0))))}: {line}")
        sys.exit(1)
    cols = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0
               if unicodedata.combining(c) else 1 for c in line)
    if cols > width and not re.fullmatch(r"https?://\S+", line):
        print(f"line {n} is {cols} columns wide, more than {width}: {line}")
        sys.exit(1)
# Every prompt (the line an answer was read after: the program ends it with ": " and a newline of
# its own, input not being a terminal) says what can be typed: it is a sentence that starts with
# "Type" ("Tapez" in French), on its line or on the lines before it that it wrapped from.
lines = text.split("\n")
for i, line in enumerate(lines):
    near = " ".join(lines[max(0, i - 4):i + 1])
    if line.endswith(": ") and "Type " not in near and "Tapez " not in near:
        print(f"the prompt at line {i + 1} does not say what to type: {line}")
        sys.exit(1)
EOF
}

talk() {
    local input=$1
    shift
    printf '%s' "$input" >"$TEST_TMP/.stdin"
    LAST_CMD="itpnav $(printf '%q ' "$@") <<< $(printf '%q' "$input")"
    (cd "$WORK" && env TERM=xterm-256color "$ITPNAV" "$@") <"$TEST_TMP/.stdin" \
        >"$OUT_FILE" 2>"$ERR_FILE"
    STATUS=$?
    OUT=$(cat "$OUT_FILE")
    ERR=$(cat "$ERR_FILE")
    local why
    why=$(_listening_check) || fail "not written for listening: $why"
}

out_has() {
    [[ "$OUT" == *"$1"* ]] || fail "the transcript lacks: $1"
}

out_lacks() {
    [[ "$OUT" != *"$1"* ]] || fail "the transcript has (and must not): $1"
}

# out_flat_has TEXT: the transcript, its lines joined by spaces and runs of spaces made one, holds
# TEXT: for sentences that wrap.
out_flat_has() {
    [[ "$(tr -s ' \n' '  ' <"$OUT_FILE")" == *"$1"* ]] || fail "the transcript lacks (wrapped or not): $1"
}

out_count() {
    grep -cF -e "$1" "$OUT_FILE"
}

out_line_after() {
    grep -A1 -m1 -F -e "$1" "$OUT_FILE" | sed -n 2p
}

# prompt_after TEXT: the first line after the one holding TEXT that starts a prompt ("Type ...").
prompt_after() {
    awk -v t="$1" 'on && /^Type / { print; exit } index($0, t) { on = 1 }' "$OUT_FILE"
}

lines_from() {
    awk -v t="$1" 'index($0, t) { on = 1 } on' "$OUT_FILE"
}
