#!/bin/bash
# The bundled dataset: valid under --strict, every seed record present by name, every province
# and territory with a pathway, every source with a web address.
set -u
data="$SOURCE_ROOT/data/itpnav.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }

if "$ITPNAV" check --strict "$data" >"$tmp/out" 2>"$tmp/err"; then
    ok "check --strict passes"
else
    bad "check --strict passes" "$(head -5 "$tmp/err")"
fi

"$ITPNAV" list --format tsv --data "$data" >"$tmp/all"
# Every network/association and program of the ITPAC seed, and ITPO's four programs, by name.
while IFS= read -r name; do
    [ -z "$name" ] && continue
    if cut -f3 "$tmp/all" | grep -qxF -- "$name"; then
        ok "seed record: $name"
    else
        bad "seed record: $name" "not in itpnav list"
    fi
done <<'NAMES'
Internationally Trained Medical Doctors Canada Network
Immigrant Researchers Support Network
International Doctor's Network
Internationally Trained Physicians of Ontario
Kingston Immigrant-Led Working Group (ILWG) Internationally Educated Health Professionals Committee
Association of International Physicians and Surgeons of Ontario
Niagara IMG/IEN Support Group
BRIEDGE
Support for Internationally Trained Individuals
Alternative Career Options for Internationally Educated Health Professionals
Niagara Foreign Credential
Cracking the CaRMS
Besides the CaRMS
Between the CaRMS
Before the CaRMS
NAMES
if cut -f3 "$tmp/all" | grep -q "^Internationally Trained Medical Doctors Bridging Program"; then
    ok "seed record: ITMD Bridging Program"
else
    bad "seed record: ITMD Bridging Program"
fi
# ITPO's programs are part of ITPO.
for id in cracking-the-carms besides-the-carms between-the-carms before-the-carms; do
    if "$ITPNAV" show --format json --data "$data" "$id" | grep -q '"part_of":[[:space:]]*"itpo"'; then
        ok "$id is part of ITPO"
    else
        bad "$id is part of ITPO"
    fi
done

# Every province and territory has at least one pathway of its own region listed for it.
for r in alberta british-columbia manitoba new-brunswick newfoundland-and-labrador nova-scotia \
    ontario prince-edward-island quebec saskatchewan northwest-territories nunavut yukon; do
    own=$(python3 - "$data" "$r" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for p in d["pathways"] if sys.argv[2] in p["regions"]))
PY
)
    listed=$("$ITPNAV" list --kind pathway --region "$r" --format tsv --data "$data" | wc -l)
    if [ "$own" -ge 1 ] && [ "$listed" -ge "$own" ]; then
        ok "pathways for $r ($own own, $listed listed)"
    else
        bad "pathways for $r" "$own own, $listed listed"
    fi
done

# Every record's source exists and has a web address; every record has an as-of date.
if python3 - "$data" >"$tmp/py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
src = {s["id"]: s for s in d["sources"]}
bad = []
for kind in ("supports", "pathways"):
    for r in d[kind]:
        s = src.get(r["source"])
        if not s or not s.get("url", "").startswith(("http://", "https://")):
            bad.append(r["id"])
        if not r.get("as_of"):
            bad.append(r["id"] + " (no as_of)")
print(" ".join(bad))
sys.exit(1 if bad else 0)
PY
then
    ok "every record's source has a URL"
else
    bad "every record's source has a URL" "$(cat "$tmp/py")"
fi

# Every pathway whose sources state requirements (an eligibility list) has them in `requires`
# too, so the wizard's matching can use them; and every requires names only known exams.
if python3 - "$data" >"$tmp/py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exams = {e["id"] for e in d.get("exams", [])}
bad = [p["id"] for p in d["pathways"] if p.get("eligibility") and not p.get("requires")]
bad += [p["id"] + " (exam)" for p in d["pathways"]
        for e in p.get("requires", {}).get("exams", []) if e not in exams]
print(" ".join(bad))
sys.exit(1 if bad else 0)
PY
then
    ok "pathways with stated requirements have requires"
else
    bad "pathways with stated requirements have requires" "$(cat "$tmp/py")"
fi

# The issue's example: Niagara plus Ontario-wide and Canada-wide, not Kingston's or London's.
"$ITPNAV" list --region "Niagara Region" --format tsv --data "$data" >"$tmp/niagara"
for id in niagara-img-ien niagara-folk-arts-fcr aipso itpo; do
    if cut -f1 "$tmp/niagara" | grep -qx "$id"; then ok "Niagara list has $id"; else bad "Niagara list has $id"; fi
done
for id in kingston-ilwg-iehp wil-aco; do
    if cut -f1 "$tmp/niagara" | grep -qx "$id"; then bad "Niagara list lacks $id"; else ok "Niagara list lacks $id"; fi
done

# ---- format version 2 (issue 14), through the program's own check, list and show ----

if grep -q "(format version 2)$" "$tmp/out"; then
    ok "check reports format version 2"
else
    bad "check reports format version 2" "$(cat "$tmp/out")"
fi

# Every province and territory but Nunavut and the Northwest Territories has a support of its
# own: one listed for it that is neither Canada-wide nor listed for another province by name.
all_pt="alberta british-columbia manitoba new-brunswick newfoundland-and-labrador nova-scotia
    ontario prince-edward-island quebec saskatchewan northwest-territories nunavut yukon"
for r in alberta british-columbia manitoba new-brunswick newfoundland-and-labrador nova-scotia \
    ontario prince-edward-island quebec saskatchewan yukon; do
    "$ITPNAV" list --kind support --region "$r" --format json --data "$data" >"$tmp/own.json"
    own=$(python3 -c 'import json, sys
others = set(sys.argv[3].split()) - {sys.argv[2]} | {"canada"}
print(" ".join(e["id"] for e in json.load(open(sys.argv[1])) if not set(e["regions"]) & others))' \
        "$tmp/own.json" "$r" "$all_pt")
    if [ -n "$own" ]; then ok "a support of its own in $r ($own)"; else bad "a support of its own in $r"; fi
done

# The places people type resolve to their province: the list for the city has every support
# that serves the whole province.
while IFS=: read -r place province; do
    if ! "$ITPNAV" list --region "$place" --format tsv --data "$data" >"$tmp/city" 2>"$tmp/err"; then
        bad "--region '$place' resolves" "$(cat "$tmp/err")"
        continue
    fi
    "$ITPNAV" list --kind support --region "$province" --format json --data "$data" >"$tmp/prov.json"
    wide=$(python3 -c 'import json, sys
print(" ".join(e["id"] for e in json.load(open(sys.argv[1])) if sys.argv[2] in e["regions"]))' \
        "$tmp/prov.json" "$province")
    missing=""
    for id in $wide; do cut -f1 "$tmp/city" | grep -qx "$id" || missing="$missing $id"; done
    if [ -n "$wide" ] && [ -z "$missing" ]; then
        ok "--region '$place' lists $province's supports ($wide)"
    else
        bad "--region '$place' lists $province's supports" "province-wide: '$wide'; missing:$missing"
    fi
done <<'PLACES'
halifax:nova-scotia
montreal:quebec
Montréal:quebec
whitehorse:yukon
quebec city:quebec
Ville de Québec:quebec
sudbury:ontario
kitchener:ontario
st. catharines:ontario
PLACES

# Every support can be reached: a contact, or a note on how to reach it; and no record is dated
# later than its source allows (an undated page: the day it was read).
"$ITPNAV" list --format tsv --data "$data" | cut -f1,2 >"$tmp/ids"
: >"$tmp/shown"
while IFS=$'\t' read -r id kind; do
    k=support
    [ "$kind" = pathway ] && k=pathway
    "$ITPNAV" show --kind "$k" --format json --data "$data" "$id" >>"$tmp/shown" || bad "show $id"
done <"$tmp/ids"
if python3 - "$tmp/shown" >"$tmp/py" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
dec, at, bad = json.JSONDecoder(), 0, []
while at < len(text):
    while at < len(text) and text[at].isspace():
        at += 1
    if at == len(text):
        break
    e, at = dec.raw_decode(text, at)
    if e["kind"] != "pathway" and not any(e.get("contact", {}).get(k)
                                          for k in ("website", "email", "phone", "address", "note")):
        bad.append(e["id"] + " (no contact)")
    src = e.get("source_as_of")
    n = min(len(e["as_of"]), len(src or ""))
    if src and e["as_of"][:n] > src[:n]:
        bad.append("%s (as of %s, its source %s)" % (e["id"], e["as_of"], src))
print(" ".join(bad))
sys.exit(1 if bad else 0)
PY
then
    ok "every support has a contact or a contact note; no record is dated after its source"
else
    bad "every support has a contact or a contact note; no record is dated after its source" "$(cat "$tmp/py")"
fi

# Issue 18: the bundled dataset is in French too: its title and notes, every region, goal, service and exam has a French
# name, and every support and pathway has French for each text key it has (name, summary,
# eligibility, steps, requires.note...), with a source (a French page) or marked as translated.
if python3 - "$data" >"$tmp/py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
keys = ["name", "summary", "offers", "aims", "eligibility", "cost", "location", "advocacy",
        "notes", "steps", "links"]
missing = []
for k in ("title", "notes"):
    if d["dataset"].get(k) and k not in d["dataset"].get("translations", {}).get("fr", {}):
        missing.append("the dataset: " + k)
for coll in ("regions", "goals", "services", "exams"):
    for r in d.get(coll, []):
        if "name" not in r.get("translations", {}).get("fr", {}):
            missing.append("%s %s: name" % (coll, r["id"]))
for coll in ("supports", "pathways"):
    for r in d[coll]:
        fr = r.get("translations", {}).get("fr", {})
        have = [k for k in keys if r.get(k)]
        if (r.get("requires") or {}).get("note"):
            have.append("requires_note")
        for k in have:
            if k not in fr:
                missing.append("%s: %s" % (r["id"], k))
print("; ".join(missing))
sys.exit(1 if missing else 0)
PY
then
    ok "every record's text is in French too"
else
    bad "every record's text is in French too" "$(cat "$tmp/py")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
