# hostile-text.sh: dataset text holding ESC, CSI and OSC sequences (a title change, an OSC 52
# clipboard write), BEL, backspace, carriage return, DEL, C1 controls and bidi overrides:
# `check` rejects each; text that arrives another way (a database built by hand with sqlite3,
# opened with --db) is drawn replaced, and the terminal's title and clipboard stay untouched:
# tmux keeps the pane title it was given and creates no paste buffer, though set-clipboard is on.
. "$(dirname "$0")/../tui/lib.sh"

TUI_DEEP="$FIXTURES/tui-deep.json"

# The sequences, by name: what a hostile or careless dataset could hold.
declare -A SEQ=(
    [csi-clear]=$'\e[2J\e[H'
    [sgr-colour]=$'\e[31;1m'
    [osc-title-bel]=$'\e]0;pwned-title\a'
    [osc-title-st]=$'\e]2;pwned-title\e\\'
    [osc52-clipboard]=$'\e]52;c;cHduZWQ=\a'
    [bel]=$'\a'
    [backspace]=$'ab\b\bXY'
    [carriage-return]=$'first\rSECOND'
    [del]=$'a\x7fb'
    [c1-csi]=$'\u009b2J'
    [rlo-override]=$'abc\u202edcba'
    [lri-isolate]=$'abc\u2066xyz\u2069'
)

# inject OUT FIELD TEXT: tui-deep.json with TEXT added to FIELD of the first support (a field
# name, "offer" for its first offer, or "key" for a key of its own).
inject() {
    python3 - "$TUI_DEEP" "$1" "$2" "$3" <<'PY'
import json, sys
src, out, field, text = sys.argv[1:]
d = json.load(open(src, encoding="utf-8"))
s = d["supports"][0]
if field == "offer":
    s.setdefault("offers", ["x"])[0] += text
elif field == "key":
    s["k" + text] = "v"
else:
    s[field] = s.get(field, "x") + text
json.dump(d, open(out, "w", encoding="utf-8"))
PY
}

case_begin "check rejects each sequence in a name, a summary, an offer and a key"
rejected=0
total=0
for name in "${!SEQ[@]}"; do
    for field in name summary offer key; do
        total=$((total + 1))
        inject "$TEST_TMP/h.json" "$field" "${SEQ[$name]}"
        "$ITPNAV" check "$TEST_TMP/h.json" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
        st=$?
        if [ "$st" != 65 ]; then
            fail "$name in $field: check exited $st"
        elif ! grep -q 'supports\[0\]' "$TEST_TMP/err"; then
            fail "$name in $field: no message at .supports[0]: $(head -n 1 "$TEST_TMP/err")"
        elif LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]\|\xe2\x80[\xaa-\xae]\|\xe2\x81[\xa6-\xa9]' "$TEST_TMP/err" "$TEST_TMP/out"; then
            fail "$name in $field: check's own output holds the raw sequence"
        else
            rejected=$((rejected + 1))
        fi
    done
done
observe "$rejected of $total rejected with exit 65 and a message at the field (${#SEQ[@]} sequences x name, summary, offer, key), none echoed raw"

# ---- a database from elsewhere: build-db's output edited with sqlite3 ----

DB="$TEST_TMP/hostile.db"
"$ITPNAV" build-db --data "$TUI_DEEP" --out "$DB" 2>/dev/null
# sqlite3 reads the SQL from a file: the text holds every sequence, byte for byte.
all=""
for name in "${!SEQ[@]}"; do
    all+="<$name:${SEQ[$name]}>"
done
python3 - "$DB" "$all" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
evil = sys.argv[2]
title = "\x1b]0;pwned-title\x07\x1b]52;c;cHduZWQ=\x07"
rid = db.execute("SELECT rid FROM entry WHERE kind != 'pathway' ORDER BY spec DESC, sort_key, id"
                 " LIMIT 1").fetchone()[0]
db.execute("UPDATE entry SET name = 'Evil' || ? || ' Group', summary = ?, host = ?, location = ?"
           " WHERE rid = ?", (title, evil, evil, evil, rid))
db.execute("UPDATE entry SET name = name || ?", ("\x1b[2J\u202e",))
# An entry's lists are one JSON object (offers, aims, steps' and links' titles): every item's
# text gets the sequences.
import json
for rid, lists in db.execute("SELECT rid, lists FROM entry_item").fetchall():
    o = json.loads(lists)
    for key, items in o.items():
        for i, it in enumerate(items):
            if isinstance(it, str):
                items[i] = it + evil
            else:
                it["title"] += evil
    db.execute("UPDATE entry_item SET lists = ? WHERE rid = ?", (json.dumps(o), rid))
db.execute("UPDATE region SET name = name || ?", ("\x1b]0;pwned-title\x07",))
db.execute("UPDATE meta SET value = value || ? WHERE key IN ('title', 'notes', 'publisher')",
           (title + "\x07\x08\r",))
db.execute("UPDATE source SET title = title || ?", (evil,))
db.commit()
PY
sqlite3 "$DB" "SELECT count(*) FROM entry WHERE instr(name, char(27))" >"$TEST_TMP/n"
check "the database holds raw ESC bytes in every name" test "$(cat "$TEST_TMP/n")" -gt 10
# In the lists' JSON an ESC is written \u001b; read back, it is the raw byte again.
sqlite3 "$DB" "SELECT count(*) || ' ' || sum(instr(lists, '\u001b') > 0) FROM entry_item" >"$TEST_TMP/n"
read -r lists_all lists_evil <"$TEST_TMP/n"
check "every entry's lists hold the sequences" test "$lists_all" -gt 0 -a "$lists_evil" = "$lists_all"

# The probe: the same tmux server takes a title and a clipboard write from a program that sends
# them raw, so that "untouched" below means something.
# A session that keeps this script's tmux server (and its options) for the whole script.
tm new-session -d -s keep "sleep 3600"
tm set-option -g set-clipboard on
tm new-session -d -s probe "sleep 0.3; printf '\\033]0;LEAKED\\007\\033]52;c;bGVhaw==\\007'; sleep 600"
case_begin "the probe: a program that writes the sequences raw retitles the pane and fills a buffer"
probe_leaked() {
    [ "$(tm display-message -p -t probe '#{pane_title}')" = LEAKED ] && [ -n "$(tm list-buffers)" ]
}
wait_until "the probe's title is LEAKED and a paste buffer was made" probe_leaked
observe "pane title '$(tm display-message -p -t probe '#{pane_title}')', buffers: $(tm list-buffers | tr '\n' ' ')"
tm kill-session -t probe
while read -r b; do tm delete-buffer -b "$b"; done < <(tm list-buffers -F '#{buffer_name}')

TITLE="itpnav-hostile-test"
untouched() {
    [ "$(pane_value '#{pane_title}')" = "$TITLE" ] || fail "the pane title changed to: $(pane_value '#{pane_title}')"
    [ -z "$(tm list-buffers)" ] || fail "a paste buffer was made: $(tm list-buffers | head -n 3)"
}
no_raw() {
    # A capture with -e keeps the program's own styling; text from the data must be replaced.
    local s
    s=$(screen)
    [[ "$s" != *"pwned-title"$'\a'* ]] || fail "a raw BEL after the title text"
    grep -q $'\u202e' <<<"$s" && fail "a raw U+202E on the screen"
    return 0
}

# The title is set in the pane before itpnav starts: ncurses pushes the title it finds (smcup's
# CSI 22 t) and pops it on exit, so a title set later would be undone at the end, rightly.
REAL_ITPNAV=$ITPNAV
ITPNAV="$TEST_TMP/titled-itpnav"
printf '#!/bin/sh\nprintf "\\033]2;%s\\033\\\\"\nexec %q "$@"\n' "$TITLE" "$REAL_ITPNAV" >"$ITPNAV"
chmod +x "$ITPNAV"
start --size 100x30 -- --db "$DB"
ITPNAV=$REAL_ITPNAV
case_begin "the home screen of a hand-made database: its title drawn replaced"
wait_for "Find supports"
send C-l
wait_for "]0;pwned-title"
expect_screen_has "�]0;pwned-title��]52;c;cHduZWQ=�"
no_raw
untouched
line=$(screen | grep -F 'pwned' | head -n 1 | sed 's/^ *//')
observe "title line: ${line:0:60}"

case_begin "the supports list: every name drawn with its controls replaced"
send 1
wait_for "Evil"
expect_screen_has "Evil�]0;pwned-title��]52;c;cHduZWQ=� Group�[2J�"
no_raw
untouched
line=$(screen | grep -F 'Evil' | head -n 1)
observe "first row: ${line:0:70}"

case_begin "the detail of the hostile entry: summary, host, location and offers replaced"
send Home Enter
wait_for "itpnav · Detail"
expect_screen_has "<csi-clear:�[2J�[H>"
expect_screen_has "<osc52-clipboard:�]52;c;cHduZWQ=�>"
expect_screen_has "<carriage-return:first�SECOND>"
expect_screen_has "<backspace:ab��XY>"
expect_screen_has "<rlo-override:abc�dcba>"
no_raw
untouched
observe "e.g. $(screen | grep -oF '<osc-title-bel:�]0;pwned-title�>' | head -n 1) and $(screen | grep -oF '<rlo-override:abc�dcba>' | head -n 1)"

case_begin "About: the title, notes, publisher and sources replaced"
send H
wait_for "Find supports"
send 5
wait_for "itpnav · About"
expect_screen_has "]0;pwned-title"
no_raw
untouched
observe "pane title still '$(pane_value '#{pane_title}')', $(tm list-buffers | wc -l) paste buffers"

case_begin "a search and a region picker over the hostile names"
send H
wait_for "Find supports"
send 1
wait_for "Evil"
send /
type_text "evil"
wait_for "Search: evil"
send Escape r
wait_for "Where do you live?"
no_raw
untouched
send Escape q
wait_exit
check "exit status 0 (got $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"
untouched
observe "exit $(exit_status), terminal modes as before, title and clipboard untouched"

case_begin "list, show and the plain mode print the hand-made database replaced"
# A terminal on the other end: list and show in text format, and the line-by-line mode.
raw=$'[\x01-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'
bad=0
for args in "list --db $DB --format tsv" "list --db $DB --format text" \
    "show --db $DB --format text $(sqlite3 "$DB" "SELECT id FROM entry WHERE name LIKE 'Evil%'")"; do
    env COLUMNS=100 "$ITPNAV" $args >"$TEST_TMP/out" 2>"$TEST_TMP/err" || fail "$args: exit $?"
    if LC_ALL=C grep -Eq "$raw" "$TEST_TMP/out" "$TEST_TMP/err"; then
        fail "$args: raw control or bidi bytes in the output"
        bad=$((bad + 1))
    fi
done
printf '1\n1\nb\nq\n' | env TERM=xterm-256color "$ITPNAV" --plain --db "$DB" >"$TEST_TMP/out" 2>&1
LC_ALL=C grep -Eq "$raw" "$TEST_TMP/out" && { fail "--plain: raw control or bidi bytes"; bad=$((bad + 1)); }
grep -qF 'Evil' "$TEST_TMP/out" || fail "--plain did not list the entry"
observe "list (tsv, text), show (text) and --plain: $bad outputs with a raw control or bidi byte"

finish
