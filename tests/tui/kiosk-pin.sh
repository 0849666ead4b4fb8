#!/usr/bin/env bash
# kiosk-pin.sh: the operator's way out of --kiosk, Ctrl-X and the PIN. The PIN file's rules: a
# FIFO never holds up the start, a weak (MD5), malformed, group-writable or foreign file is
# refused with a message to the operator, and the kiosk runs with no way out. The right PIN
# leaves; after each wrong one the next is not checked for twice as long as the last (1, 2, 4,
# 8, ... s on the idle clock, which ITPNAV_CLOCK_FILE moves on without waiting), each failure is
# logged, and the count survives an idle reset.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-session.sh"

DATA="$FIXTURES/tui-session.json"

# The operator's log: the program's standard error, which a wrapper sends to a file (as systemd
# sends it to the journal); on a terminal it would go to syslog instead.
LOG="$TEST_TMP/script-log"
WRAP="$TEST_TMP/script-itpnav"
cat >"$WRAP" <<EOF
#!/bin/sh
exec "$ITPNAV" "\$@" 2>>"$LOG"
EOF
chmod +x "$WRAP"

CLOCK="$TEST_TMP/script-clock"
echo 0 >"$CLOCK"
ahead=0
advance() {
    ahead=$(awk -v a="$ahead" -v s="$1" 'BEGIN { print a + s }')
    echo "$ahead" >"$CLOCK.new" && mv "$CLOCK.new" "$CLOCK"
}

# kiosk PINFILE: the kiosk, its PIN file PINFILE, its log emptied.
kiosk_gone() {
    ! pgrep -f -- "--idle 100 --data $DATA" >/dev/null
}
kiosk() {
    # The kiosk before goes first: it says on its way out that its terminal closed, which is not
    # this kiosk's to log.
    tm kill-session -t "$SESSION" >/dev/null 2>&1
    wait_until "the kiosk before has ended" kiosk_gone
    : >"$LOG"
    ITPNAV=$WRAP restart --size 80x24 --env "ITPNAV_PIN_FILE=$1" --env "ITPNAV_CLOCK_FILE=$CLOCK" \
        -- --kiosk --idle 100 --data "$DATA"
}

# log_has TEXT: the operator's log has TEXT (waiting a little for it); what it says is observed
# (for tests/fault/report.sh).
log_has() {
    wait_until "the log says: $1 (it has: $(tr '\n' '|' <"$LOG"))" grep -qF -- "$1" "$LOG" &&
        observe "log: $(grep -F -- "$1" "$LOG" | tail -n 1)"
}

# no_operator: Ctrl-X opens nothing, and the kiosk goes on.
no_operator() {
    send C-x
    sleep 0.5
    settle
    expect_screen_lacks "Operator"
    check "itpnav is still running" alive
    send 2
    wait_for "itpnav · Pathways to practice"
    send Escape
    wait_for "itpnav · Home"
}

# try PIN: type it into the open Operator prompt and press Enter.
try() {
    type_text "$1"
    wait_for "│ ••••"
    send Enter
}

# pin_hash PIN [METHOD]: a salted crypt(3) hash (SHA-512, or METHOD: md5), made by what is at hand.
pin_hash() {
    local m=${2:-sha512}
    python3 -W ignore -c 'import crypt, sys
m = crypt.METHOD_MD5 if sys.argv[2] == "md5" else crypt.METHOD_SHA512
print(crypt.crypt(sys.argv[1], crypt.mksalt(m)))' "$1" "$m" 2>/dev/null && return
    if [ "$m" = md5 ]; then openssl passwd -1 "$1"; else openssl passwd -6 "$1"; fi
}

# Adversarial D9: the PIN file was opened without O_NONBLOCK, so a FIFO held the start forever,
# a blank screen that Ctrl-C could not end.
case_begin "a FIFO as the PIN file: the kiosk starts at once, says why, and has no way out"
mkfifo "$TEST_TMP/script-fifo"
kiosk "$TEST_TMP/script-fifo"
wait_for "1  Find supports"
log_has "script-fifo is ignored: it is not a regular file"
log_has "Ctrl-X does nothing until it is fixed"
no_operator

if [ "$(id -u)" != 0 ]; then
    echo "# skipped: the other cases need root (the PIN file must be owned by root)"
    finish
fi

PIN_FILE="$TEST_TMP/script-pin"

# Adversarial D8: any "$id$...$" string was taken, so an MD5 hash was used as it was and a
# malformed one left a kiosk where every PIN was wrong, without a word to the operator.
case_begin "an MD5 (\$1\$) hash is refused at start, with the reason in the log; no way out"
pin_hash 2468 md5 >"$PIN_FILE"
chmod 600 "$PIN_FILE"
check "an MD5 hash was made" grep -q '^\$1\$' "$PIN_FILE"
kiosk "$PIN_FILE"
wait_for "1  Find supports"
log_has "script-pin is ignored: its hash uses MD5 (\$1\$), too weak to keep a PIN"
log_has "mkpasswd -m yescrypt"
no_operator

case_begin "a malformed hash is refused at start, with the reason in the log; no way out"
echo '$6$saltsalt$notthehashpart' >"$PIN_FILE"
kiosk "$PIN_FILE"
wait_for "1  Find supports"
log_has "script-pin is ignored: its hash is malformed (no PIN could ever match it)"
no_operator

case_begin "a group-writable PIN file is refused: no way out"
pin_hash 2468 >"$PIN_FILE"
chmod 664 "$PIN_FILE"
kiosk "$PIN_FILE"
wait_for "1  Find supports"
log_has "others than root can write it"
no_operator

case_begin "a PIN file not owned by root is refused: no way out"
chmod 600 "$PIN_FILE"
chown 65534 "$PIN_FILE"
kiosk "$PIN_FILE"
wait_for "1  Find supports"
log_has "it is not owned by root"
no_operator
chown 0 "$PIN_FILE"

case_begin "wrong PINs: the wait doubles each time (1, 2, 4, 8 s); none is checked during it; each is logged"
kiosk "$PIN_FILE"
wait_for "1  Find supports"
check "a good PIN file says nothing to the log (it has: $(tr "\n" "|" <"$LOG"))" test ! -s "$LOG"
send C-x
wait_for "Operator"
expect_screen_has "Type the PIN to leave the kiosk."
try 1357
wait_for "That is not the PIN. The next try is in 1 s."
expect_screen_lacks "1357"
for wait in 2 4 8; do
    advance "$((wait / 2)).1" # the last wait, and a little
    try 1357
    wait_for "That is not the PIN. The next try is in $wait s."
done
try 2468 # the right PIN, during the wait: not even checked
wait_for_re "Too soon: the next try is in [1-8] s\."
check "itpnav is still running" alive
for n in 1 2 3 4; do
    log_has "kiosk: a wrong operator PIN ($n in a row); the next try in $((1 << (n - 1))) s"
done
check "the log holds no PIN" sh -c "! grep -qE '1357|2468' '$LOG'"
check "four failures logged (not the try during the wait)" \
    test "$(grep -c 'wrong operator PIN' "$LOG")" = 4

case_begin "the count survives an idle reset: the next wrong PIN waits 16 s; then the right one leaves"
send Escape
wait_gone "Operator"
send 1
wait_for "itpnav · Supports"
send a
wait_for "· ★ 1"
advance 101 # the idle reset (and long past the 8 s wait)
wait_for "itpnav · Home" 8
expect_screen_lacks "★"
send C-x
wait_for "Operator"
try 1357
wait_for "That is not the PIN. The next try is in 16 s."
log_has "kiosk: a wrong operator PIN (5 in a row); the next try in 16 s"
advance 16.1
try 2468
wait_exit
check "the exit status is 0 (it is $(exit_status))" test "$(exit_status)" = 0
expect_screen_has "TTY:same"
log_has "kiosk: the operator left with the PIN (after 5 wrong)"

finish
