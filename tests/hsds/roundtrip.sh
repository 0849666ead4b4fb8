# roundtrip.sh: export, then import with the installed map, gives back the same supports,
# regions, goals, services, contacts and sources, for the bundled dataset (today version 1) and
# a version 2 fixture, through the JSON list and the tabular package; and without itpnav's
# extension, what HSDS itself carries still comes back.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/hsds-lib.sh"

V2="$FIXTURES/hsds/v2.json"
BUNDLED="$SOURCE_ROOT/data/itpnav.json"

# round DATASET FORM: export DATASET as FORM (json or tabular), import it back joining DATASET.
round() {
    local data=$1 form=$2 out="$TEST_TMP/export-$form"
    rm -rf "$out" "$out.json"
    if [ "$form" = json ]; then
        run "$ITPNAV" export hsds --data "$data" --out "$out.json"
        out="$out.json"
    else
        run "$ITPNAV" export hsds --data "$data" --out "$out/"
    fi
    expect_status 0
    run "$ITPNAV" import hsds --data "$data" --out "$TEST_TMP/back.json" "$out"
    expect_status 0
    expect_stderr_lacks "not mapped"
    local diff
    if ! diff=$("$PY" "$HSDS_DIR/compare.py" "$data" "$TEST_TMP/back.json"); then
        fail "the round trip changed the dataset:"
        printf '%s\n' "$diff" | head -n 20 | sed 's/^/      /'
    fi
    expect_valid_v2 "$TEST_TMP/back.json"
}

for form in json tabular; do
    case_begin "the bundled dataset, through the $form form: the same supports, regions, goals, services"
    round "$BUNDLED" $form
    case_begin "the version 2 fixture, through the $form form: translations, statuses, addresses too"
    round "$V2" $form
done

case_begin "the import joins the bundled dataset by default: its tree, goals and services"
run "$ITPNAV" export hsds --out "$TEST_TMP/b.json"
run "$ITPNAV" import hsds --out "$TEST_TMP/back.json" "$TEST_TMP/b.json"
expect_status 0
check "same as the bundled dataset" "$PY" "$HSDS_DIR/compare.py" "$BUNDLED" "$TEST_TMP/back.json"

case_begin "without itpnav's extension, what HSDS itself holds comes back the same"
run "$ITPNAV" export hsds --data "$V2" --out "$TEST_TMP/v2.json"
"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
for s in d:
    del s["itpnav"]
json.dump(d, open(sys.argv[2], "w"))' "$TEST_TMP/v2.json" "$TEST_TMP/plain.json"
run "$ITPNAV" import hsds --data "$V2" --out "$TEST_TMP/plain-back.json" "$TEST_TMP/plain.json"
expect_status 0
check "the plain HSDS carries names, hosts, regions, delivery, goals, services, summary, cost, eligibility, contact and status" "$PY" -c '
import json, sys
a = {s["name"]: s for s in json.load(open(sys.argv[1]))["supports"]}
b = {s["name"]: s for s in json.load(open(sys.argv[2]))["supports"]}
assert set(a) == set(b), (set(a), set(b))
for name, x in a.items():
    y = b[name]
    for k in ("acronym", "regions", "delivery", "goals", "services", "summary", "cost",
              "eligibility", "verified"):
        assert x.get(k) == y.get(k), (name, k, x.get(k), y.get(k))
    # HSDS requires a status: one not stated went out (and so comes back) as active.
    assert x.get("status", "active") == y.get("status"), (name, "status")
    # A host of the support'"'"'s own name reads as no host; an address is only in the extension.
    if x.get("host") != x["name"]:
        assert x.get("host") == y.get("host"), (name, "host")
    cx = {k: v for k, v in x.get("contact", {}).items() if k in ("website", "phone")}
    cy = {k: v for k, v in y.get("contact", {}).items() if k in ("website", "phone")}
    assert cx == cy, (name, cx, cy)
    # An email HSDS cannot hold (no "@") is only in the extension.
    ex, ey = x.get("contact", {}).get("email"), y.get("contact", {}).get("email")
    assert ey == (ex if ex and "@" in ex else None), (name, ex, ey)
    # Its date comes from last_modified (the first day of the month or year it names).
    assert y["as_of"].startswith(x["as_of"]), (name, x["as_of"], y["as_of"])
    assert y["id"].startswith("hsds-"), y["id"]
' "$V2" "$TEST_TMP/plain-back.json"
expect_valid_v2 "$TEST_TMP/plain-back.json"

case_begin "a part_of naming a support that is not imported is reported and left out"
run "$ITPNAV" export hsds --data "$V2" --out "$TEST_TMP/v2.json"
"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
json.dump([s for s in d if s["itpnav"]["id"] != "network-a"], open(sys.argv[2], "w"))' \
    "$TEST_TMP/v2.json" "$TEST_TMP/no-parent.json"
run "$ITPNAV" import hsds --data "$V2" "$TEST_TMP/no-parent.json"
expect_status 0
expect_stderr_line "itpnav: $TEST_TMP/no-parent.json .[0]: itpnav.part_of: \"network-a\" is not among the supports imported; left out"
expect_stderr_line "itpnav: $TEST_TMP/no-parent.json: 3 of 3 services imported; 1 value not mapped"
expect_json '[s for s in d["supports"] if s["id"] == "program-b"][0].get("part_of") is None'
expect_valid_v2 "$OUT_FILE"

case_begin "an import of an import: the carried source keeps its id, the new import's source takes another"
export SOURCE_DATE_EPOCH=1764547200
run "$ITPNAV" import hsds --map "$FIXTURES/hsds/map-spec.json" --out "$TEST_TMP/first.json" "$FIXTURES/hsds/spec/service_full.json"
run "$ITPNAV" export hsds --data "$TEST_TMP/first.json" --out "$TEST_TMP/first-export.json"
"$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
other = json.load(open(sys.argv[2]))
other["id"] = "99999999-9999-4999-8999-999999999999"
other["name"] = "Another Service"
json.dump(d + [other], open(sys.argv[3], "w"))' \
    "$TEST_TMP/first-export.json" "$FIXTURES/hsds/spec/service_full.json" "$TEST_TMP/mixed.json"
run "$ITPNAV" import hsds --map "$FIXTURES/hsds/map-spec.json" --data "$TEST_TMP/first.json" "$TEST_TMP/mixed.json"
expect_status 0
expect_json '[s["id"] for s in d["sources"]][:2] == ["hsds-import-2", "hsds-import"]'
expect_json 'all(any(t.get("source") == s["id"] for r in d["regions"] + d["goals"] + d["services"] for t in r.get("translations", {}).values()) for s in d["sources"][2:])'
expect_json '[(s["name"], s["source"]) for s in d["supports"]] == [("Community Counselling", "hsds-import"), ("Another Service", "hsds-import-2")]'
expect_valid_v2 "$OUT_FILE"

finish
