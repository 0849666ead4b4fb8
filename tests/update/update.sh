#!/bin/bash
# update.sh SCRIPT SERVER: the kiosk's update script (data/itpnav-update.in, as built) end to
# end, on this machine only: a minisign key pair made here, datasets signed with it and served by
# python's http.server on 127.0.0.1 (SERVER, tests/update/server.py), and a configuration that
# points at temporary paths. No systemd: systemctl is a stand-in that records how it was called.
#
# A good dataset installs (and the kiosk is signalled); nothing new installs nothing; a tampered,
# truncated, cut-off, wrongly signed, older, invalid or non-strict dataset, a server that is down,
# a full disk, a second update at once and a bad configuration are each refused with the reason
# and a non-zero status, and leave the installed database, its dataset and the directory as they
# were.

. "$(dirname "$0")/../cli/lib.sh"

UPDATE=${1:?usage: update.sh SCRIPT SERVER}
SERVER=${2:?usage: update.sh SCRIPT SERVER}
command -v minisign >/dev/null || { echo "update.sh: minisign is not installed (setup.sh installs it)"; exit 1; }
command -v curl >/dev/null || { echo "update.sh: curl is not installed"; exit 1; }

T=$TEST_TMP
www=$T/www
state=$T/state
mkdir -p "$www" "$state" "$T/bin" "$T/keys"

# ---- the server, started here and stopped on exit ----
server_pid=""
stop_server() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    server_pid=""
}
trap 'rc=$?; stop_server; (exit $rc); _lib_exit' EXIT
start_server() {
    rm -f "$T/port"
    python3 "$SERVER" "$www" "$T/port" &
    server_pid=$!
    for _ in $(seq 200); do
        [ -s "$T/port" ] && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.05
    done
    [ -s "$T/port" ] || { echo "update.sh: the test server did not start"; exit 1; }
    port=$(cat "$T/port")
    base=http://127.0.0.1:$port
}
start_server

# ---- keys, a stand-in systemctl, the configuration ----
minisign -G -W -p "$T/keys/update.pub" -s "$T/keys/update.key" </dev/null >/dev/null ||
    { echo "update.sh: minisign -G failed"; exit 1; }
minisign -G -W -p "$T/keys/other.pub" -s "$T/keys/other.key" </dev/null >/dev/null || exit 1
sign() { # sign FILE [KEY [TRUSTED COMMENT]]
    minisign -S -s "${2:-$T/keys/update.key}" -m "$1" ${3:+-t "$3"} </dev/null >/dev/null ||
        { echo "update.sh: minisign -S $1 failed"; exit 1; }
}

cat >"$T/bin/systemctl" <<EOF
#!/bin/sh
echo "\$*" >>"$T/systemctl.log"
exit 0
EOF
chmod +x "$T/bin/systemctl"
export PATH="$T/bin:$PATH"
unset JOURNAL_STREAM

write_config() { # write_config URL [EXTRA LINES]
    cat >"$T/update.conf" <<EOF
# the test's configuration
DATASET_URL=$1
PUBLIC_KEY="$T/keys/update.pub"
DATABASE=$state/itpnav.db
DATASET='$state/itpnav.json'
KIOSK_UNIT=itpnav-kiosk.service
ITPNAV=$ITPNAV
${2:-}
EOF
}

update() {
    rm -f "$T/systemctl.log"
    run sh "$UPDATE" -c "$T/update.conf"
}

# What the kiosk sees: the entries of the installed database.
kiosk_list() {
    "$ITPNAV" list --db "$state/itpnav.db" --format tsv 2>&1
}

# snapshot / expect_unchanged: the installed files (content and inode) and the directory's names.
snapshot() {
    (cd "$state" && ls -A && ls -i itpnav.db && md5sum itpnav.db itpnav.json itpnav.json.minisig) \
        >"$T/snapshot" 2>&1
}
expect_unchanged() {
    local now
    now=$(cd "$state" && ls -A && ls -i itpnav.db && md5sum itpnav.db itpnav.json itpnav.json.minisig 2>&1)
    [ "$now" = "$(cat "$T/snapshot")" ] || {
        fail "the installed files changed:"
        diff <(cat "$T/snapshot") <(echo "$now") | sed 's/^/      /'
    }
}
expect_no_signal() {
    [ ! -s "$T/systemctl.log" ] || fail "the kiosk was signalled: $(cat "$T/systemctl.log")"
}

# The datasets: the bundled one, a second edition with one name changed, and bad ones.
cp "$SOURCE_ROOT/data/itpnav.json" "$T/v1.json"
python3 - "$T/v1.json" "$T/v2.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["supports"][0]["name"] += " (second edition)"
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
EOF

serve() { # serve FILE [NAME]: FILE and its signature as NAME (default itpnav.json) on the server
    cp "$1" "$www/${2:-itpnav.json}"
    cp "$1.minisig" "$www/${2:-itpnav.json}.minisig"
}

# ---- a good dataset installs ----
case_begin "a good signed dataset is installed and the kiosk is signalled"
sign "$T/v1.json"
serve "$T/v1.json"
write_config "$base/itpnav.json"
update
expect_status 0
expect_stderr_matches "^itpnav-update: installed $base/itpnav.json \(signed [0-9-]+ [0-9:]+ UTC\) into $state/itpnav.db: "
counts=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))
print("%d supports, %d pathways" % (len(d["supports"]), len(d["pathways"])))' "$T/v1.json")
expect_stderr_has "$counts"
[ -f "$state/itpnav.db" ] || fail "no database at $state/itpnav.db"
[ "$(kiosk_list)" = "$("$ITPNAV" list --data "$T/v1.json" --format tsv)" ] ||
    fail "the installed database does not list what the dataset has"
check "the verified dataset is kept beside the database" cmp "$T/v1.json" "$state/itpnav.json"
check "with its signature" cmp "$T/v1.json.minisig" "$state/itpnav.json.minisig"
grep -qx "is-active --quiet itpnav-kiosk.service" "$T/systemctl.log" 2>/dev/null ||
    fail "the kiosk's unit was not asked whether it runs"
grep -qx "kill --kill-who=main --signal=SIGUSR1 itpnav-kiosk.service" "$T/systemctl.log" 2>/dev/null ||
    fail "the kiosk was not sent SIGUSR1: $(cat "$T/systemctl.log" 2>/dev/null)"
[ "$(ls -A "$state" | sort | tr '\n' ' ')" = ".itpnav-update.lock itpnav.db itpnav.json itpnav.json.minisig " ] ||
    fail "left behind in $state: $(ls -A "$state" | tr '\n' ' ')"
snapshot

case_begin "the same dataset again: nothing to do, nothing touched, no signal"
update
expect_status 0
expect_stderr_has "has not changed since the last update"
expect_unchanged
expect_no_signal

case_begin "a new edition replaces the database by a rename"
old_inode=$(ls -i "$state/itpnav.db" | cut -d' ' -f1)
# The kiosk holds the old database open; it must stay readable after the rename.
exec 8<"$state/itpnav.db"
sign "$T/v2.json"
serve "$T/v2.json"
update
expect_status 0
expect_stderr_has "installed"
kiosk_list | grep -q "(second edition)" || fail "the new edition is not in the installed database"
[ "$(ls -i "$state/itpnav.db" | cut -d' ' -f1)" != "$old_inode" ] ||
    fail "the database was rewritten in place, not replaced by a rename"
[ "$(head -c 15 /proc/$$/fd/8)" = "SQLite format 3" ] || fail "the old database, held open, is no longer readable"
exec 8<&-
grep -q "signal=SIGUSR1" "$T/systemctl.log" || fail "the kiosk was not signalled"
snapshot

# ---- refusals: each leaves everything as it was ----
case_begin "a tampered dataset (its signature no longer matches) is refused"
cp "$T/v2.json" "$T/tampered.json"
sign "$T/tampered.json"
sed -i 's/Niagara Region/Niagara Regime/' "$T/tampered.json"
cmp -s "$T/v2.json" "$T/tampered.json" && fail "the test did not tamper with the file"
serve "$T/tampered.json"
update
expect_status 65
expect_stderr_has "refused $base/itpnav.json: its signature does not verify with $T/keys/update.pub"
expect_unchanged
expect_no_signal

case_begin "a dataset truncated on the server is refused"
head -c 40000 "$T/v2.json" >"$T/short.json"
cp "$T/v2.json.minisig" "$T/short.json.minisig"
serve "$T/short.json"
update
expect_status 65
expect_stderr_has "its signature does not verify"
expect_unchanged
expect_no_signal

case_begin "a download cut short is refused"
sign "$T/v1.json"
serve "$T/v1.json" cutme.json
write_config "$base/cut/cutme.json" "SIGNATURE_URL=$base/cutme.json.minisig"
update
expect_status 69
expect_stderr_has "cannot download $base/cut/cutme.json"
expect_unchanged
expect_no_signal

case_begin "a missing signature is refused"
rm -f "$www/nosig.json.minisig"
cp "$T/v1.json" "$www/nosig.json"
write_config "$base/nosig.json"
update
expect_status 69
expect_stderr_has "cannot download $base/nosig.json.minisig"
expect_stderr_has "404"
expect_unchanged
expect_no_signal

case_begin "a dataset signed with another key is refused"
cp "$T/v1.json" "$T/other.json"
sign "$T/other.json" "$T/keys/other.key"
serve "$T/other.json"
write_config "$base/itpnav.json"
update
expect_status 65
expect_stderr_has "signature does not verify"
expect_unchanged
expect_no_signal

case_begin "an older dataset, validly signed before the installed one, is refused"
cp "$T/v1.json" "$T/old.json"
sign "$T/old.json" "" "timestamp:1000000000	file:itpnav.json	hashed"
serve "$T/old.json"
update
expect_status 65
expect_stderr_has "signed 2001-09-09 01:46 UTC, before the installed dataset"
expect_unchanged
expect_no_signal

case_begin "an invalid dataset with a valid signature is refused, with its errors"
cp "$FIXTURES/cli-bad-rules.json" "$T/bad.json"
sign "$T/bad.json"
serve "$T/bad.json"
update
expect_status 65
expect_stderr_has "refused $base/itpnav.json: the dataset is invalid"
expect_stderr_matches "^itpnav-update: itpnav: $base/itpnav.json: \.[a-z]+"
expect_stderr_lacks "$state/.itpnav-update"
expect_unchanged
expect_no_signal

case_begin "a dataset with warnings (an unknown key) is refused: the check is strict"
cp "$FIXTURES/cli-bad-unknown-key.json" "$T/warn.json"
"$ITPNAV" check "$T/warn.json" >/dev/null 2>&1 || fail "the fixture is not valid without --strict"
sign "$T/warn.json"
serve "$T/warn.json"
update
expect_status 65
expect_stderr_has "the dataset is invalid"
expect_unchanged
expect_no_signal

case_begin "a disk that fills while the database is built: refused, the old one stays"
sign "$T/v1.json"
serve "$T/v1.json"
# 600 KiB a file: the dataset (about 410 KiB with its French) downloads, its database (about
# 800 KiB) cannot be written.
LAST_CMD="(ulimit -f 600) sh $UPDATE -c $T/update.conf"
(ulimit -f 600 && exec sh "$UPDATE" -c "$T/update.conf") >"$OUT_FILE" 2>"$ERR_FILE" </dev/null
STATUS=$?
OUT=$(cat "$OUT_FILE")
ERR=$(cat "$ERR_FILE")
expect_status 74
expect_stderr_has "cannot build the database in $state"
expect_unchanged
expect_no_signal

case_begin "a second update while one runs is refused"
flock "$state/.itpnav-update.lock" sh "$UPDATE" -c "$T/update.conf" >"$OUT_FILE" 2>"$ERR_FILE" </dev/null
STATUS=$?
ERR=$(cat "$ERR_FILE")
expect_status 75
expect_stderr_has "another update is running"
expect_unchanged

case_begin "a server that is down is refused"
stop_server
update
expect_status 69
expect_stderr_has "cannot download $base/itpnav.json"
expect_stderr_matches "connect"
expect_unchanged
expect_no_signal

# ---- the configuration ----
case_begin "configuration errors name the file and line"
write_config "" ""
update
expect_status 78
expect_stderr_has "$T/update.conf: DATASET_URL is not set"
write_config "$base/itpnav.json" "DATASET_ULR=typo"
update
expect_status 78
expect_stderr_has "$T/update.conf:8: unknown key 'DATASET_ULR'"
write_config "file:///etc/passwd"
update
expect_status 78
expect_stderr_has "is not an http:// or https:// address"
write_config "$base/itpnav.json" "PUBLIC_KEY=$T/keys/missing.pub"
update
expect_status 78
expect_stderr_has "cannot read the public key $T/keys/missing.pub"
run sh "$UPDATE" -c "$T/no-such.conf"
expect_status 78
expect_stderr_has "cannot read the configuration $T/no-such.conf"
run sh "$UPDATE" --bogus
expect_status 64
expect_unchanged

case_begin "under systemd, errors carry the journal's priority"
write_config "$base/itpnav.json"
JOURNAL_STREAM=8:1234 run sh "$UPDATE" -c "$T/update.conf"
expect_status 69
expect_stderr_matches "^<3>cannot download "

finish
