#!/bin/bash
# units.sh UNITDIR SCRIPT: the kiosk's units as built (itpnav-kiosk.service, itpnav-update.service
# and .timer in UNITDIR) pass `systemd-analyze verify` without a single message: no unknown key,
# no bad value, a timer whose service exists. The installed paths in them are pointed at the
# build (the program, SCRIPT) for the check, since verify wants each ExecStart= executable.
# Without systemd-analyze that one check is skipped, and the rest still runs. Also: every key the
# script reads is documented in itpnav(1) and shown in the example configuration.

. "$(dirname "$0")/../cli/lib.sh"

unit_dir=${1:?usage: units.sh UNITDIR SCRIPT}
script=${2:?usage: units.sh UNITDIR SCRIPT}
units="itpnav-kiosk.service itpnav-update.service itpnav-update.timer"

case_begin "the units are built, with every @VARIABLE@ filled in"
for u in $units; do
    [ -s "$unit_dir/$u" ] || fail "$unit_dir/$u was not built"
    ! grep -n '@[A-Z_]*@' "$unit_dir/$u" || fail "$u has a placeholder left"
done
grep -qx 'ExecStart=.*/itpnav-update' "$unit_dir/itpnav-update.service" ||
    fail "itpnav-update.service does not run the update script"
grep -qx 'Unit=itpnav-update.service' "$unit_dir/itpnav-update.timer" ||
    grep -q '^\[Timer\]' "$unit_dir/itpnav-update.timer" || fail "the timer has no [Timer] section"

case_begin "the update unit has the kiosk unit's hardening"
for key in $(grep -E '^(Protect|Private|NoNewPrivileges)' "$unit_dir/itpnav-kiosk.service"); do
    grep -qx "$key" "$unit_dir/itpnav-update.service" ||
        fail "itpnav-update.service lacks $key (which itpnav-kiosk.service has)"
done

case_begin "systemd-analyze verify has nothing to say about the units"
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "  (skipped: systemd-analyze is not installed)"
else
    # Copies whose commands exist here: the build's program and script.
    mkdir -p "$TEST_TMP/units"
    cp "$script" "$TEST_TMP/units/itpnav-update"
    chmod +x "$TEST_TMP/units/itpnav-update"
    for u in $units; do
        sed -e "s|^ExecStart=[^ ]*/itpnav-update|ExecStart=$TEST_TMP/units/itpnav-update|" \
            -e "s|^ExecStart=[^ ]*/itpnav |ExecStart=$ITPNAV |" "$unit_dir/$u" >"$TEST_TMP/units/$u"
    done
    # --man=no: the page is checked by tests/man, and is not installed here.
    run systemd-analyze verify --man=no "$TEST_TMP/units/itpnav-kiosk.service" \
        "$TEST_TMP/units/itpnav-update.service" "$TEST_TMP/units/itpnav-update.timer"
    expect_status 0
    expect_stdout_empty
    expect_stderr_empty
fi

case_begin "every key of the update's configuration is in itpnav(1) and in the example update.conf"
keys=$(awk '/^    case \$key in/ { on = 1; next } on && /eval/ { exit } on' "$script" |
    grep -oE '[A-Z_]{3,}')
[ "$(echo "$keys" | wc -w)" -ge 8 ] || fail "read only $(echo $keys) from the script's keys"
for key in $keys; do
    awk '/^\.TP/ { getline; print }' "$SOURCE_ROOT/man/itpnav.1" | grep -qx "\.B $key" ||
        fail "itpnav(1) has no paragraph (.TP) for the key $key"
    grep -qE "^#?$key=" "$SOURCE_ROOT/data/update.conf" || fail "data/update.conf does not show $key"
    grep -qE "^$key=" "$script" || fail "the script gives $key no default"
done

finish
