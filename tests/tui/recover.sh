#!/usr/bin/env bash
# recover.sh: the screen when a file fails under it. The shortlist's file held locked by another
# program at start (the session goes on, the saved entries come back once the lock goes, and
# nothing done meanwhile is lost, at quit either); a damaged cache rebuilt with a notice on the
# status line; a handout replaced past a planted link, and a handout name that is a link.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

DATA="$TEST_TMP/data.json"
cp "$SOURCE_ROOT/data/itpnav.json" "$DATA"
STATE="$XDG_DATA_HOME/itpnav/state.db"
TODAY=$(date +%F)
TXT="$TEST_TMP/itpnav-handout-$TODAY.txt"

# Saved before the program starts: the first 30 pathways. Added while the file is locked: the
# supports list's first row, then its second.
mapfile -t PATHWAYS < <(env -u XDG_CACHE_HOME -u HOME "$ITPNAV" list --data "$DATA" --kind pathway \
    --format tsv | cut -f1)
mapfile -t SUPPORTS < <(env -u XDG_CACHE_HOME -u HOME "$ITPNAV" list --data "$DATA" --kind group \
    --kind program --format tsv | cut -f1)
[ "${#PATHWAYS[@]}" -ge 30 ] && [ "${#SUPPORTS[@]}" -ge 2 ] || {
    echo "recover.sh: the bundled data has too few entries" >&2
    exit 99
}

# A state file as itpnav writes it, with the first 30 pathways (a note on the first).
mkdir -p "$(dirname "$STATE")"
python3 - "$STATE" "${PATHWAYS[@]:0:30}" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("""
CREATE TABLE item(pos INTEGER NOT NULL, id TEXT NOT NULL,
 kind TEXT NOT NULL CHECK(kind IN ('support','pathway')), name TEXT NOT NULL,
 note TEXT NOT NULL DEFAULT '', added TEXT NOT NULL, PRIMARY KEY(id, kind));
CREATE TABLE kv(key TEXT PRIMARY KEY, value TEXT NOT NULL);
PRAGMA user_version = 1;
""")
for i, id in enumerate(sys.argv[2:]):
    db.execute("INSERT INTO item VALUES (?, ?, 'pathway', ?, ?, '2026-01-01')",
               (i + 1, id, id, "saved before" if i == 0 else ""))
db.commit()
EOF
chmod 600 "$STATE"

# hold_lock SECONDS: another program takes state.db's write lock (BEGIN EXCLUSIVE) in the
# background for SECONDS; returns once it holds it. release_lock ends it early.
hold_lock() {
    rm -f "$TEST_TMP/held"
    python3 - "$STATE" "$1" "$TEST_TMP/held" <<'EOF' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[3], "w").close()
end = time.time() + float(sys.argv[2])
while time.time() < end:
    time.sleep(0.05)
db.execute("ROLLBACK")
EOF
    HOLDER=$!
    local i=0
    while [ ! -e "$TEST_TMP/held" ] && [ "$i" -lt 200 ]; do
        sleep 0.05
        i=$((i + 1))
    done
}

release_lock() {
    kill "$HOLDER" 2>/dev/null
    wait "$HOLDER" 2>/dev/null
}

saved_ids() {
    python3 -c 'import sqlite3, sys
for (i,) in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM item ORDER BY pos"): print(i)' \
        "$STATE"
}

case_begin "state.db locked for 7 s at start: the session goes on; the 30 saved come back, the one added meanwhile is kept"
hold_lock 7
t0=$(date +%s)
start --size 100x30 -- --data "$DATA"
wait_for "1  Find supports" 10
wait_for "Another program holds your shortlist's file" 10
expect_row_lacks_star=$(screen_line 0)
[[ "$expect_row_lacks_star" != *"★"* ]] || fail "the saved entries show while the file is locked"
send 1
wait_for_re "^▸ "
send a
wait_for "Saved to the shortlist (1)."
wait_for "Your shortlist's file is free again: 31 entries" 15
t1=$(date +%s)
expect_row_has 0 "★ 31"
send l
wait_for "Your shortlist: 31 entries"
send q
wait_exit
check "q exits with status 0 (it is $(exit_status))" test "$(exit_status)" = 0
release_lock
mapfile -t got < <(saved_ids)
check "the file holds 31 entries (it holds ${#got[@]})" test "${#got[@]}" = 31
check "the 30 saved before come first" test "${got[*]:0:30}" = "${PATHWAYS[*]:0:30}"
check "the one added during the lock is last (${got[30]:-none})" test "${got[30]:-}" = "${SUPPORTS[0]}"
observe "the notice at start; a added 1 in memory; after $((t1 - t0)) s the file was merged: ★ 31; after q the file holds all 31"

case_begin "state.db still locked at quit: it waits, says so, and saves once the lock goes"
hold_lock 60
restart --size 100x30 -- --data "$DATA"
wait_for "Another program holds your shortlist's file" 10
send 1
wait_for_re "^▸ "
send j
send a
wait_for "Saved to the shortlist (1)."
send q
wait_for "waiting up to 30 s for $STATE" 10
release_lock
wait_for "itpnav: saved." 10
wait_exit 10
check "it exits with status 0 (it is $(exit_status))" test "$(exit_status)" = 0
mapfile -t got < <(saved_ids)
check "the file holds 32 entries (it holds ${#got[@]})" test "${#got[@]}" = 32
check "the one added during the lock is last (${got[31]:-none})" test "${got[31]:-}" = "${SUPPORTS[1]}"
observe "q said it waits for the file; the lock released; 'saved.', exit $(exit_status), 32 entries in the file"

case_begin "a damaged cache at start: the lists work, and the status line says it was rebuilt"
stop
cache=$(ls "$XDG_CACHE_HOME"/itpnav/dataset-*.db)
python3 - "$cache" <<'EOF'
import sqlite3, sys
path = sys.argv[1]
db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
keep = {p for (p,) in db.execute("SELECT pageno FROM dbstat WHERE name IN ('meta', 'sqlite_schema')")}
size = db.execute("PRAGMA page_size").fetchone()[0]
db.close()
data = bytearray(open(path, "rb").read())
for page in range(1, len(data) // size + 1):
    if page not in keep:
        for i in range((page - 1) * size, page * size, 7):
            data[i] = 0xA5
open(path, "r+b").write(data)
EOF
start --size 100x30 -- --data "$DATA"
wait_for "1  Find supports" 10
send 1
wait_for "the cache was damaged; rebuilt from $DATA" 10
expect_count "$(env -u XDG_CACHE_HOME -u HOME "$ITPNAV" list --data "$DATA" --kind group --kind program --format tsv | wc -l)"
observe "the supports list with its full count; status line: the cache was damaged; rebuilt"

case_begin "Replace past a link planted at the old temporary name (FILE.tmp-PID): not followed; the mode stays"
send l
wait_for "Your shortlist: 32 entries"
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send Enter
wait_for "Handout saved to itpnav-handout-$TODAY.txt"
chmod 644 "$TXT"
printf 'precious\n' >"$TEST_TMP/victim"
pid=$(pgrep -P "$(tm display-message -p -t "$SESSION" '#{pane_pid}')" | head -n 1)
[ -n "$pid" ] || fail "cannot find itpnav's process"
ln -s "$TEST_TMP/victim" "$TXT.tmp-$pid"
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send Enter
wait_for "exists already"
send 1
wait_for "Handout saved to itpnav-handout-$TODAY.txt"
check "the link's target is untouched" test "$(cat "$TEST_TMP/victim")" = precious
check "the handout is a file of its own" bash -c '[ -f "$0" ] && [ ! -L "$0" ]' "$TXT"
check "it is still 0644 (it is $(stat -c %a "$TXT"))" test "$(stat -c %a "$TXT")" = 644
rm -f "$TXT.tmp-$pid"
observe "the victim untouched, the handout replaced, mode $(stat -c %a "$TXT")"

case_begin "a handout name that is a symbolic link: Replace is refused, nothing written through it"
ln -s "$TEST_TMP/victim" "$TEST_TMP/linked.txt"
send e
wait_for "Make a handout"
send 1
wait_for "Save the handout as text"
send C-u
type_text linked.txt
wait_for "│ linked.txt"
send Enter
wait_for "linked.txt exists already"
send 1
wait_for "Cannot write linked.txt: it is a symbolic link (never written through)"
check "the link is still a link" test -L "$TEST_TMP/linked.txt"
check "its target is untouched" test "$(cat "$TEST_TMP/victim")" = precious
observe "the status line: Cannot write linked.txt: it is a symbolic link (never written through)"

finish
