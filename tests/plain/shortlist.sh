#!/usr/bin/env bash
# shortlist.sh: the shortlist and the handout in the line mode: saving from a list, an entry and
# the results; a note; moving; taking off and putting back (the note comes back); the handout
# saved as text and as Markdown and read back from the files; the question before replacing a
# file, answered every way; starting again for a new client.
. "$(dirname "$0")/lib.sh"

D=(--data "$SESSION_DATA")
TODAY=$(date +%F)
TXT="$WORK/itpnav-handout-$TODAY.txt"

# order: the names on the shortlist as the last "Your shortlist:" said them, one a line.
order() {
    awk '/^Your shortlist: / { n = 0; delete names; on = 1; next }
         on && /^[0-9]+\. / { s = $0; sub(/^[0-9]+\. /, "", s); sub(/\. (Kind|No longer).*/, "", s);
                              names[++n] = s; next }
         on { on = 0 }
         END { for (i = 1; i <= n; i++) print names[i] }' "$OUT_FILE"
}

file_has() { # FILE TEXT
    grep -qF -e "$2" "$1" 2>/dev/null || fail "$(basename "$1") lacks: $2"
}

# Supports, as the fixture lists them: 1 Toronto Exam Study Circle, 2 Alberta Bridge Program,
# 3 Ontario Mentor Match, 4 Careers Beside Medicine, 5 Maple Physicians Network. Pathways: 1 Alberta
# Assessment Route, ...
case_begin "a saves from a list and from an entry; the list says saved; the count follows"
talk $'1\na 1\na 3\n5\na\nb\nb\n2\na1\nq\n' "${D[@]}"
expect_status 0
expect_stderr_empty
out_has "Saved to your shortlist: Toronto Exam Study Circle. It has 1 entry."
out_has "Saved to your shortlist: Ontario Mentor Match. It has 2 entries."
out_has "Saved to your shortlist: Maple Physicians Network. It has 3 entries."
out_has "Type a number from 1 to 2 to open a link, a to take it off your shortlist, or b"
out_has "1. Toronto Exam Study Circle. Kind: group. Where: Toronto. Saved."
out_has "5. Maple Physicians Network. Kind: group. Where: Canada. Saved."
out_has "Saved to your shortlist: Alberta Assessment Route. It has 4 entries."

case_begin "the shortlist: its entries in order; a on a saved one takes it off, u puts it back"
talk $'4\nb\n2\na 1\nu\nl\nq\n' "${D[@]}"
expect_status 0
out_has "Your shortlist: 4 entries."
out_flat_has "Taken off your shortlist: Alberta Assessment Route. It has 3 entries; u puts it back."
out_has "Put back on your shortlist: Alberta Assessment Route, at place 4 of 4."
check "the order is the order of saving" test "$(order)" = "$(printf '%s\n' \
    "Toronto Exam Study Circle" "Ontario Mentor Match" "Maple Physicians Network" \
    "Alberta Assessment Route")"

case_begin "a note; a move; d takes the noted entry off and u puts it back with its note, in place"
talk $'4\nn 2\nbring transcripts\no 4 1\nc\nd 3\nc\nu\nc\nq\n' "${D[@]}"
expect_status 0
out_has "Ontario Mentor Match has no note."
out_has "Note saved on Ontario Mentor Match."
out_has "Alberta Assessment Route is now at place 1 of 4."
out_flat_has "Taken off your shortlist: Ontario Mentor Match, with its note. It has 3 entries; u puts it back."
out_flat_has "Put back on your shortlist: Ontario Mentor Match, at place 3 of 4, with its note."
out_has "3. Ontario Mentor Match. Kind: support. Note: bring transcripts"
check "the order after the move and the undo" test "$(order)" = "$(printf '%s\n' \
    "Alberta Assessment Route" "Toronto Exam Study Circle" "Ontario Mentor Match" \
    "Maple Physicians Network")"
# The shortlist is said when entered and on c (three times), not after each change.
check "the shortlist is said four times" test "$(grep -c '^Your shortlist: ' "$OUT_FILE")" = 4
check "the entry is in three of them: not in the one after d" \
    test "$(out_count "Ontario Mentor Match. Kind")" = 3
check "its commands are said once" test "$(out_count "Commands on your shortlist:")" = 1

case_begin "wrong answers on the shortlist are explained, and it stays"
talk $'4\n9\nd 7\no 2 9\n1\nzz\nn\n9\n4\n\nq\n' "${D[@]}"
expect_status 0
out_has "There is no entry 9: the entries are 1 to 4."
out_has "There is no entry 7: the entries are 1 to 4."
out_has "There is no place 9: the places are 1 to 4."
out_has "Move Toronto Exam Study Circle from place 2 to which place? Type a number from"
out_has "Toronto Exam Study Circle is now at place 1 of 4."
out_has "There is no command \"zz\" here."
out_has "Write a note on which entry? Type a number from 1 to 4, or b to go back:"
out_has "There is no entry \"9\": the entries are 1 to 4."
out_has "Maple Physicians Network has no note."
out_has "The note is kept as it was."

case_begin "the handout as text: the default name in the current folder, the note and the entries"
rm -f "$WORK"/itpnav-handout-*
talk $'e\n1\n\nq\n' "${D[@]}"
expect_status 0
out_has "Make a handout: your shortlist (4 entries), notes, dated today."
out_has "1. Save as a text file"
out_has "2. Save as a Markdown file"
out_has "3. Read it here"
if [ -x /usr/bin/lp ] || [ -x /bin/lp ]; then out_has "4. Print it"; else out_lacks "Print it"; fi
out_has "Handout saved to itpnav-handout-$TODAY.txt."
check "the file is there" test -s "$TXT"
file_has "$TXT" "itpnav handout, $TODAY"
file_has "$TXT" "Your shortlist"
for name in "1. Toronto Exam Study Circle" "2. Alberta Assessment Route" \
    "3. Ontario Mentor Match" "4. Maple Physicians Network"; do
    file_has "$TXT" "$name"
done
file_has "$TXT" "Your note: bring transcripts"

case_begin "the handout as Markdown, under a name typed (and ~/ for the home folder)"
talk $'e\n2\nnotes.md\ne\n2\n~/home.md\nq\n' "${D[@]}"
expect_status 0
out_has "Handout saved to notes.md."
out_has "Handout saved to $HOME/home.md."
file_has "$WORK/notes.md" "# itpnav handout, $TODAY"
file_has "$WORK/notes.md" "## Your shortlist"
file_has "$WORK/notes.md" "### 3. Ontario Mentor Match"
file_has "$WORK/notes.md" "- **Your note:** bring transcripts"
check "the home folder's file" test -s "$HOME/home.md"

case_begin "an existing file: another name, cancel, then replace (and only then the file changes)"
cp "$TXT" "$TEST_TMP/before.txt"
talk $'4\nn 3\nsecond note\ne\n1\n\n2\nother.txt\ne\n1\n\n3\ne\n1\n\nb\nq\n' "${D[@]}"
expect_status 0
out_flat_has "itpnav-handout-$TODAY.txt exists already. Replace it, or choose another name?"
out_has "1. Replace it"
out_has "2. Choose another name"
out_has "3. Cancel"
out_has "Handout saved to other.txt."
out_has "Nothing was saved."
check "other.txt has the new note" grep -qF "Your note: second note" "$WORK/other.txt"
check "neither another name, nor cancel, nor b changed the file" cmp -s "$TXT" "$TEST_TMP/before.txt"
talk $'e\n1\n\n1\nq\n' "${D[@]}"
expect_status 0
out_has "Handout saved to itpnav-handout-$TODAY.txt."
file_has "$TXT" "Your note: second note"
cmp -s "$TXT" "$TEST_TMP/before.txt" && fail "replacing did not change the file"

case_begin "a file that cannot be written: why, and the name asked again"
talk $'e\n1\nno/such/folder/x.txt\nok.txt\nq\n' "${D[@]}"
expect_status 0
out_has "Cannot write no/such/folder/x.txt: No such file or directory."
out_has "Handout saved to ok.txt."
check "ok.txt" test -s "$WORK/ok.txt"

case_begin "a handout name that is a symbolic link: Replace is refused, nothing written through it"
printf 'precious\n' >"$TEST_TMP/victim"
ln -s "$TEST_TMP/victim" "$WORK/linked.txt"
talk $'e\n1\nlinked.txt\n1\nb\nq\n' "${D[@]}"
expect_status 0
out_flat_has "linked.txt exists already. Replace it, or choose another name?"
out_has "Cannot write linked.txt: it is a symbolic link (never written through)."
check "the link is still a link" test -L "$WORK/linked.txt"
check "its target is untouched" test "$(cat "$TEST_TMP/victim")" = precious
rm -f "$WORK/linked.txt"

case_begin "the handout read here: the answers and results when answered, then the shortlist"
talk $'3\n4\n\n\n\n\n\n\n\n\nb\ne\n3\nq\n' "${D[@]}"
expect_status 0
out_has "Make a handout: your shortlist (4 entries), notes, answers and which pathways"
out_has "Your answers"
out_has "Where you live: Toronto"
out_has "Pathways for your answers"
out_has "Your note: second note"
out_has "That is the end of the handout."
out_lacks "====" # no underlines to hear

case_begin "new client: asked first; cancel keeps everything"
talk $'N\n3\n4\nq\n' "${D[@]}"
expect_status 0
out_has "Start again for a new client? This clears the filters, the search, the answers,"
out_has "the shortlist (4 entries) and its notes."
out_has "1. Make the handout first"
out_has "2. Clear everything now"
out_has "Nothing was cleared."
out_has "Your shortlist: 4 entries."

case_begin "new client: the handout first, then clear: shortlist, notes and answers are gone"
rm -f "$WORK/first.txt"
talk $'N\n1\n1\nfirst.txt\nN\n2\n4\nb\n3\nq\n' "${D[@]}"
expect_status 0
out_has "Handout saved to first.txt."
out_has "After the handout, type N again to start for the new client."
out_has "Ready for a new client: filters, answers, shortlist and notes cleared."
out_has "Main menu. Where you live: anywhere. Goal: any. Your shortlist: no entries."
out_has "Your shortlist: no entries."
out_has "Nothing saved yet."
out_has "Question 1 of 9: Where you live." # no answers left: the questions from the start
file_has "$WORK/first.txt" "Your note: second note"
talk $'4\nu\nq\n' "${D[@]}"
out_has "Nothing was taken off your shortlist: there is nothing to put back."

case_begin "the state file held locked by another program: the session goes on, and is saved at quit"
STATE="$XDG_DATA_HOME/itpnav/state.db"
python3 - "$STATE" "$TEST_TMP/held" <<'EOF' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(4)
db.execute("ROLLBACK")
EOF
holder=$!
for _ in $(seq 100); do [ -e "$TEST_TMP/held" ] && break; sleep 0.05; done
talk $'1\na 1\nq\n' "${D[@]}"
wait "$holder"
expect_status 0
out_flat_has "Another program holds your shortlist's file; what you do is kept and saved to it once it is free."
out_has "Saved to your shortlist: Toronto Exam Study Circle. It has 1 entry."
expect_stderr_has "to save your shortlist..."
expect_stderr_has "itpnav: saved."
check "the entry is in the file" test "$(python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT group_concat(name) FROM item").fetchone()[0])' \
    "$STATE")" = "Toronto Exam Study Circle"

finish
