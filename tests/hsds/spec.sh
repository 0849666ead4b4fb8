# spec.sh: `itpnav import hsds` on the HSDS 3.0 specification's own examples (the *_full.json
# records, the *_list.json pages and the tabular package in csv/): every field that has a meaning
# in a dataset is mapped, and each is asserted; what has none is reported with its place.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/hsds-lib.sh"

SPEC="$FIXTURES/hsds/spec"
MAP="$FIXTURES/hsds/map-spec.json"
MAP_DEFAULT="$FIXTURES/hsds/map-spec-default.json"
export SOURCE_DATE_EPOCH=1764547200 # 2025-12-01

# The one service of the examples, as every complete example gives it.
full_support='d["supports"] == [{
  "id": "hsds-ac148810-d857-441c-9679-408f346de14b",
  "kind": "program",
  "name": "Community Counselling",
  "acronym": "MyCity Counselling Services",
  "host": "Example Organization Inc.",
  "regions": ["toronto-gta"],
  "delivery": ["online", "in-person"],
  "location": "MyCity Civic Center",
  "goals": ["alternative-career"],
  "services": ["wellness"],
  "summary": "Counselling Services provided by trained professionals. Suitable for people with mental health conditions such as anxiety, depression, or eating disorders as well as people experiencing difficult life events and circumstances.",
  "cost": "Under 18s and Over 60s: 35 GBP per 1 hour session (2020-01-01 to 2022-12-31); Non-NHS patients are expected to pay for their counselling sessions. We charge a flat rate per hour of counselling. The current rate is \u00a350 per hour. Please see our website for up to date prices.",
  "eligibility": "This service is intended for all people aged 12 and over who require counselling services in the MyCity area. Ages 12 to 100.",
  "contact": {"website": "http://example.com/counselling", "email": "email@example.com",
              "phone": "+44 1234 234567 ext. 100",
              "address": "1-30 Main Street, MyVillage, MyCity, MyState ABC 1234, US"},
  "status": "active",
  "source": "hsds-import",
  "as_of": "2023-03-15",
  "verified": "2005-01-01"}]'

for ex in service_full organization_full service_at_location_full; do
    case_begin "$ex.json: every field with a meaning here is mapped, each as the spec gives it"
    run "$ITPNAV" import hsds --map "$MAP" "$SPEC/$ex.json"
    expect_status 0
    expect_json "$full_support"
    # The dataset around it: version 2, one dated source for the import, the bundled tree.
    expect_json 'd["itpnav"] == 2 and d["pathways"] == []'
    # The import's own source first; then only the joined dataset's sources that its regions',
    # goals' and services' translations cite (an official French name's page).
    expect_json 'all(any(t.get("source") == s["id"] for r in d["regions"] + d["goals"] + d["services"] for t in r.get("translations", {}).values()) for s in d["sources"][1:])'
    expect_json 'd["sources"][:1] == [{"id": "hsds-import", "title": "Services of Example Organization Inc. (Open Referral directory '$ex'.json)", "publisher": "Example Organization Inc.", "as_of": "2025-12-01"}]'
    expect_json 'd["dataset"]["title"] == "Services of Example Organization Inc." and d["dataset"]["as_of"] == "2025-12-01"'
    expect_json '[r["id"] for r in d["regions"]][:2] == ["canada", "alberta"]'
    expect_stderr_line "itpnav: $SPEC/$ex.json: 1 of 1 service imported"
    expect_valid_v2 "$OUT_FILE"
done

case_begin "service_full.json with the installed map: its term and its place are reported, the record left out"
run "$ITPNAV" import hsds "$SPEC/service_full.json"
expect_status 65
P="itpnav: $SPEC/service_full.json: "
expect_stderr_line "$P.attributes[0].taxonomy_term: no goal or service for the term \"name\" (code \"code\"); add it to the map"
expect_stderr_line "$P.service_areas[0].name: no region named \"The service is available to all residents of the MyCity are"
expect_stderr_line "$P.: no region:" "left out"
expect_stderr_line "$P.: no goal:" "left out"
expect_stderr_line "$P.: no service:" "left out"
expect_stderr_line "${P}0 of 1 service imported, 1 left out; 5 values not mapped"
expect_stderr_line "${P}no service could be imported; nothing is written"
expect_stdout_empty

case_begin "service_list.json (a page of services): the page's record, with what the map declares for all"
run "$ITPNAV" import hsds --map "$MAP_DEFAULT" "$SPEC/service_list.json"
expect_status 0
expect_json 'len(d["supports"]) == 1'
expect_json 'd["supports"][0] == {
  "id": "hsds-ac148810-d857-441c-9679-408f346de14b", "kind": "program", "name": "Community Counselling",
  "acronym": "MyCity Counselling Services", "host": "Example Organization Inc.", "regions": ["ontario"],
  "goals": ["alternative-career"], "services": ["wellness"],
  "summary": "Counselling Services provided by trained professionals. Suitable for people with mental health conditions such as anxiety, depression, or eating disorders as well as people experiencing difficult life events and circumstances.",
  "cost": "Non-NHS patients are expected to pay for their counselling sessions. We charge a flat rate per hour of counselling. The current rate is \u00a350 per hour. Please see our website for up to date prices.",
  "eligibility": "This service is intended for all people aged 12 and over who require counselling services in the MyCity area. Ages 12 to 100.",
  "contact": {"website": "http://example.com/counselling", "email": "email@example.com"},
  "status": "active", "source": "hsds-import", "as_of": "2023-03-15", "verified": "2005-01-01"}'
expect_valid_v2 "$OUT_FILE"

case_begin "service_at_location_list.json: the service at its location, delivered in person there"
run "$ITPNAV" import hsds --map "$MAP_DEFAULT" "$SPEC/service_at_location_list.json"
expect_status 0
expect_json 'd["supports"][0]["delivery"] == ["in-person"] and d["supports"][0]["location"] == "MyCity Civic Center"'
expect_json 'd["supports"][0]["regions"] == ["ontario"] and d["supports"][0]["name"] == "Community Counselling"'
expect_valid_v2 "$OUT_FILE"

case_begin "organization_list.json: organizations without services give nothing, said so"
run "$ITPNAV" import hsds --map "$MAP_DEFAULT" "$SPEC/organization_list.json"
expect_status 65
expect_stderr_line "itpnav: $SPEC/organization_list.json: .contents[0]: an organization without services: nothing to import"
expect_stdout_empty

for ex in taxonomy_list taxonomy_term_list; do
    case_begin "$ex.json: not services, said so with the place"
    run "$ITPNAV" import hsds --map "$MAP_DEFAULT" "$SPEC/$ex.json"
    expect_status 65
    expect_stderr_line "itpnav: $SPEC/$ex.json: .contents[0]: not a service, an organization or a service at a location"
done

case_begin "csv/ (the tabular package): the same service, read from its tables"
run "$ITPNAV" import hsds --map "$MAP_DEFAULT" "$SPEC/csv"
expect_status 0
expect_json "$full_support"
expect_stderr_line "itpnav: $SPEC/csv: 1 of 1 service imported"
expect_valid_v2 "$OUT_FILE"

case_begin "csv/: a value that cannot be mapped is reported with its file, line and column"
run "$ITPNAV" import hsds "$SPEC/csv"
expect_status 65
expect_stderr_line "itpnav: $SPEC/csv/service_areas.csv:2: .name: no region named \"The service"
expect_stderr_line "itpnav: $SPEC/csv/services.csv:2: no goal:"

finish
