#!/usr/bin/env python3
"""gen_hsds.py: a deterministic generator of Open Referral HSDS 3.0 directories, for measuring
`itpnav import hsds` at directory scale.

    bench/gen_hsds.py N [--seed S] [--format json|ndjson|tabular] -o OUT [--map MAP]

N services over 1 organization for every 20 services, each with 1 to 3 service areas named the
way the bundled dataset's regions are (2% of them a place it does not know), 0 to 2 physical or
virtual locations with addresses (a third of them in a city the tree lacks, some with padded
codes), 1 to 4 taxonomy terms of the Open Eligibility taxonomy (10% a code no map knows), phones,
emails, web addresses, cost options, schedules with an attending type, and about 1 KB of
description (a tenth of it HTML). --format json writes a bare JSON list, ndjson one service a
line, tabular a folder with datapackage.json and the CSV files. --map also writes the map the
import needs (what every record is about). The same N and seed always give the same bytes.
"""

import argparse
import csv
import json
import os
import random
import sys
import uuid

NS = uuid.UUID("0f2c6a43-6e4b-4f43-9a0e-1f1f9a7d5c11")

AREAS = ["Canada", "Ontario", "Toronto (GTA), Ontario", "Kingston, Ontario", "London, Ontario",
         "Niagara Region, Ontario", "Nova Scotia", "Alberta", "British Columbia", "Québec",
         "Saskatchewan", "Manitoba"]
UNKNOWN_AREAS = ["Dade County", "Greater Springfield"]
CITIES = [("Toronto (GTA)", "ON"), ("Kingston", "ON "), ("London", "ON"), ("Hamilton", "ON"),
          ("Ottawa", "ON"), ("Sudbury", "ON "), ("Halifax", "NS"), ("Calgary", "AB"),
          ("Edmonton", "AB"), ("Vancouver", "BC"), ("Montréal", "QC"), ("Regina", "SK")]
TERMS = ["Mentoring", "Peer Support", "Help Find Work", "Job Placement", "Interview Training",
         "Resume Development", "Skills & Training", "Specialized Training",
         "Financial Aid & Loans", "Navigating the System"]
ATTENDING = ["in person", "online", "hybrid", "You can attend in person or by video",
             "by appointment"]
WORDS = ("physician internationally trained licensure residency assessment mentorship exam "
         "preparation career pathway clinical experience bridging program support networking "
         "workshop counselling employment credential recognition language training orientation "
         "community newcomer settlement health system navigation volunteer placement interview "
         "resume application family medicine specialty practice ready assessment").split()


def uid(*parts):
    return str(uuid.uuid5(NS, "/".join(str(p) for p in parts)))


def text(r, n):
    out = []
    while sum(len(w) + 1 for w in out) < n:
        out.append(r.choice(WORDS))
    s = " ".join(out)
    return s[0].upper() + s[1:] + "."


def service(r, i):
    sid = uid("service", i)
    oi = i // 20
    org = {"id": uid("org", oi), "name": "Agency %d" % oi,
           "description": "An agency serving newcomers, number %d." % oi,
           "website": "https://agency%d.example.org/" % oi}
    desc = text(r, 900)
    if r.random() < 0.1:
        desc = "<p>%s</p><ul><li>%s</li><li>%s</li></ul>" % (desc, text(r, 40), text(r, 40))
    s = {"id": sid, "name": "Service %d: %s" % (i, text(r, 30)[:-1]),
         "description": desc, "status": r.choice(["active"] * 8 + ["inactive", "defunct"]),
         "url": "https://agency%d.example.org/service/%d" % (oi, i),
         "email": "service%d@agency%d.example.org" % (i, oi),
         "eligibility_description": text(r, 80),
         "last_modified": "20%02d-%02d-%02dT10:00:00Z" % (r.randint(20, 25), r.randint(1, 12),
                                                           r.randint(1, 28)),
         "organization": org}
    if r.random() < 0.5:
        s["assured_date"] = "2025-%02d-%02d" % (r.randint(1, 12), r.randint(1, 28))
    if r.random() < 0.3:
        s["alternate_name"] = "S%d" % i
    areas = r.sample(AREAS, r.randint(1, 3))
    if r.random() < 0.02:
        areas.append(r.choice(UNKNOWN_AREAS))
    if r.random() < 0.2:
        areas = []  # then its addresses say where it serves
    s["service_areas"] = [{"id": uid(sid, "area", k), "name": a} for k, a in enumerate(areas)]
    sals = []
    for k in range(r.randint(0 if areas else 1, 2)):
        virtual = r.random() < 0.3
        loc = {"id": uid(sid, "location", k), "location_type": "virtual" if virtual else "physical",
               "name": "Office %d" % k}
        if not virtual:
            city, prov = r.choice(CITIES)
            loc["addresses"] = [{"id": uid(sid, "address", k),
                                 "address_1": "%d Main Street" % r.randint(1, 999),
                                 "city": city, "state_province": prov,
                                 "postal_code": "A1A 1A1", "country": r.choice(["CA", "   "]),
                                 "address_type": "physical"}]
        sals.append({"id": uid(sid, "at", k), "location": loc})
    s["service_at_locations"] = sals
    s["phones"] = [{"id": uid(sid, "phone"), "number": "+1 416 555 %04d" % (i % 10000)}]
    if r.random() < 0.5:
        s["schedules"] = [{"id": uid(sid, "schedule"), "attending_type": r.choice(ATTENDING)}]
    if r.random() < 0.4:
        s["cost_options"] = [{"id": uid(sid, "cost"), "option": "Membership",
                              "amount": r.choice([0, 25, 50]), "currency": "CAD",
                              "amount_description": "a year"}]
    attrs = []
    for k, t in enumerate(r.sample(TERMS, r.randint(1, 4))):
        attrs.append({"id": uid(sid, "attribute", k), "link_id": sid, "link_entity": "service",
                      "taxonomy_term": {"id": uid("term", t), "name": t, "description": t,
                                        "taxonomy": "Open Eligibility"}})
    if r.random() < 0.1:
        attrs.append({"id": uid(sid, "attribute", "x"), "link_id": sid,
                      "taxonomy_term": {"id": uid("term", "airs"), "code": "LR-8000.0500",
                                        "name": "Local code", "description": "Not mapped"}})
    s["attributes"] = attrs
    return s


TABLES = {
    "organization": ("organizations.csv", ["id", "name", "description", "website"]),
    "service": ("services.csv", ["id", "organization_id", "name", "alternate_name", "description",
                                 "url", "email", "status", "eligibility_description",
                                 "assured_date", "last_modified"]),
    "service_area": ("service_areas.csv", ["id", "service_id", "name"]),
    "service_at_location": ("service_at_location.csv", ["id", "service_id", "location_id"]),
    "location": ("locations.csv", ["id", "location_type", "name"]),
    "address": ("addresses.csv", ["id", "location_id", "address_1", "city", "state_province",
                                  "postal_code", "country", "address_type"]),
    "phone": ("phones.csv", ["id", "service_id", "number"]),
    "schedule": ("schedules.csv", ["id", "service_id", "attending_type"]),
    "cost_option": ("cost_options.csv", ["id", "service_id", "option", "amount", "currency",
                                         "amount_description"]),
    "attribute": ("attributes.csv", ["id", "link_id", "taxonomy_term_id", "link_entity"]),
    "taxonomy_term": ("taxonomy_terms.csv", ["id", "code", "name", "description", "taxonomy"]),
}


def tabular(r, n, out):
    os.makedirs(out, exist_ok=True)
    files = {k: open(os.path.join(out, f), "w", newline="", encoding="utf-8")
             for k, (f, _) in TABLES.items()}
    writers = {k: csv.DictWriter(files[k], TABLES[k][1], extrasaction="ignore")
               for k in TABLES}
    for w in writers.values():
        w.writeheader()
    orgs, terms = set(), set()
    for i in range(n):
        s = service(r, i)
        o = s.pop("organization")
        if o["id"] not in orgs:
            orgs.add(o["id"])
            writers["organization"].writerow(o)
        writers["service"].writerow(dict(s, organization_id=o["id"]))
        for a in s["service_areas"]:
            writers["service_area"].writerow(dict(a, service_id=s["id"]))
        for sal in s["service_at_locations"]:
            loc = sal["location"]
            writers["service_at_location"].writerow(dict(sal, service_id=s["id"],
                                                         location_id=loc["id"]))
            writers["location"].writerow(loc)
            for ad in loc.get("addresses", []):
                writers["address"].writerow(dict(ad, location_id=loc["id"]))
        for p in s["phones"]:
            writers["phone"].writerow(dict(p, service_id=s["id"]))
        for sc in s.get("schedules", []):
            writers["schedule"].writerow(dict(sc, service_id=s["id"]))
        for c in s.get("cost_options", []):
            writers["cost_option"].writerow(dict(c, service_id=s["id"]))
        for a in s["attributes"]:
            t = a["taxonomy_term"]
            writers["attribute"].writerow(dict(a, taxonomy_term_id=t["id"]))
            if t["id"] not in terms:
                terms.add(t["id"])
                writers["taxonomy_term"].writerow(t)
    for f in files.values():
        f.close()
    with open(os.path.join(out, "datapackage.json"), "w") as f:
        json.dump({"name": "human_services_data", "profile": "tabular-data-package",
                   "version": "3.0.0",
                   "resources": [{"name": k, "path": v[0],
                                  "schema": {"fields": [{"name": c} for c in v[1]]}}
                                 for k, v in TABLES.items()]}, f, indent=1)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--format", choices=["json", "ndjson", "tabular"], default="json")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--map")
    a = ap.parse_args(argv[1:])
    r = random.Random(a.seed)
    if a.format == "tabular":
        tabular(r, a.n, a.out)
    else:
        with open(a.out, "w", encoding="utf-8") as f:
            if a.format == "json":
                f.write("[\n")
            for i in range(a.n):
                line = json.dumps(service(r, i), ensure_ascii=False)
                if a.format == "json":
                    f.write(("  " if i == 0 else ",\n  ") + line)
                else:
                    f.write(line + "\n")
            if a.format == "json":
                f.write("\n]\n")
    if a.map:
        # The installed map's terms, what every generated service is about, and a code that
        # the agency knows means nothing here.
        with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                               "hsds-map.json")) as f:
            installed = json.load(f)
        with open(a.map, "w") as f:
            json.dump({"itpnav_map": 1,
                       "notes": "What every generated service is about.",
                       "terms": installed["terms"] + [{"code": "LR-8000.0500", "ignore": True}],
                       "default": {"goals": ["alternative-career"]}}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
