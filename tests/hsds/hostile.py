#!/usr/bin/env python3
"""hostile.py DIR: write a hostile HSDS directory set into DIR, for tests/hsds/hostile.sh.

    DIR/hostile.json    a JSON list of services, one problem a record (the index is the case)
    DIR/hostile.ndjson  the same kinds of problem, one a line
    DIR/pkg/            a tabular data package: a table listed and missing, a table of HSDS 1.x,
                        an unknown column, empty and duplicate ids, a row of 10 MB, bad UTF-8,
                        HTML, mojibake, padded codes, a quoted line break, an unterminated quote
    DIR/map.json        the map the import uses (what every record is about)

Built here rather than kept in the tree: one record holds 10 MB.
"""

import json
import os
import sys

BIG = 10 * 1024 * 1024
U = "%08d-1111-4111-8111-111111111111"


def uuid(n):
    return U % n


def good(n, name, **extra):
    rec = {"id": uuid(n), "name": name, "status": "active",
           "description": "A program for internationally trained physicians.",
           "service_areas": [{"id": uuid(1000 + n), "name": "Toronto (GTA), Ontario"}]}
    rec.update(extra)
    return rec


def json_set(path):
    recs = [
        good(0, "Good One", phones=[{"id": uuid(500), "number": "\"+1 416 555 0100\""}]),  # 0
        dict(good(1, "No Id"), id=""),                                                      # 1
        good(0, "Same Id As The First"),                                                    # 2
        None,                                                                               # 3 bad UTF-8
        good(4, "Bad Email", email=None),                                                   # 4
        good(5, "Html", description="<p>Mentoring for <b>IMGs</b> &amp; others</p>"
             "<script>alert(1)</script><ul><li>One</li><li>Two &lt;3</li></ul>"),         # 5
        good(6, "Caf\u00c3\u00a9 Mentors G\u00c7\u00d6s"),                                 # 6
        {"id": uuid(7), "name": "Padded", "status": " active ", "description": "Padded codes.",
         "service_at_locations": [{"id": uuid(700), "location": {
             "id": uuid(701), "location_type": "physical",
             "addresses": [{"id": uuid(702), "address_1": "1 Main St", "city": "Hamilton ",
                            "state_province": "ON ", "postal_code": "L8P 1A1",
                            "country": "   ", "address_type": "physical"}]}}]},         # 7
        good(8, "Huge", description="x" * BIG),                                            # 8
        good(9, "\u001b]0;pwned\u0007Escaped Name"),                                        # 9
        good(10, "Paused", status="temporarily closed"),                                    # 10
        good(11, "Miami", service_areas=[{"id": uuid(1111), "name": "Dade County"},
                                         {"id": uuid(1112), "name": "Kingston, Ontario"}]),  # 11
        "not a record",                                                                     # 12
        good(13, "Bidi", description="Plain \u202etext\u202c here."),                      # 13
        good(14, "Undated", last_modified="yesterday"),                                     # 14
        good(15, "No Scheme", url="www.example.org"),                                       # 15
        good(16, "Bad Extension", itpnav={"translations": {
            "fr": {"name": "Nom", "regions": ["ontario"]}, "not a tag!": {"name": "x"}}}),  # 16
        good(17, "Empty Organization", organization={"id": uuid(1700), "name": ""}),       # 17
    ]
    parts = []
    for i, r in enumerate(recs):
        if i == 3:
            # Not expressible in JSON text from Python: raw bytes, invalid UTF-8.
            parts.append(b'{"id": "' + uuid(3).encode() + b'", "name": "Bad Bytes", '
                         b'"status": "active", "description": "bad \xff\xfe bytes", '
                         b'"service_areas": [{"id": "' + uuid(1003).encode() +
                         b'", "name": "Ontario"}]}')
        elif i == 4:
            s = json.dumps(r, ensure_ascii=False).encode()
            parts.append(s.replace(b'"email": null', b'"email": "who\xc0@example.org"'))
        else:
            parts.append(json.dumps(r, ensure_ascii=False).encode())
    with open(path, "wb") as f:
        f.write(b"[\n" + b",\n".join(parts) + b"\n]\n")


def ndjson_set(path):
    lines = [
        json.dumps(good(20, "Line One")).encode(),
        b'{"id": "' + uuid(21).encode() + b'", "name": "Truncated',
        b"",
        json.dumps(good(23, "Huge Line", description="y" * BIG)).encode(),
        json.dumps(good(24, "Bad Bytes Line")).encode().replace(
            b'"A program', b'"\xe9 program'),
        json.dumps(good(25, "Line Six")).encode(),
    ]
    with open(path, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")


def package(d):
    os.makedirs(d, exist_ok=True)
    res = [("organization", "organizations.csv"), ("service", "services.csv"),
           ("service_area", "service_areas.csv"), ("phone", "phones.csv"),
           ("service_at_location", "service_at_location.csv"), ("location", "locations.csv"),
           ("address", "addresses.csv"), ("eligibility", "eligibility.csv")]
    with open(os.path.join(d, "datapackage.json"), "w") as f:
        json.dump({"name": "human_services_data", "profile": "tabular-data-package",
                   "version": "3.0.0",
                   "resources": [{"name": n, "path": p} for n, p in res]}, f, indent=1)
    with open(os.path.join(d, "organizations.csv"), "wb") as f:
        f.write(b"id,name,description\r\n" + uuid(900).encode() +
                b",Agency One,An agency\r\n")
    rows = [
        b"id,organization_id,name,description,status,email,extra_column",
        uuid(30).encode() + b"," + uuid(900).encode() + b",Good Row,A program.,active,a@b.org,x",
        b"," + uuid(900).encode() + b",Empty Id,A program.,active,,x",
        uuid(30).encode() + b",,Duplicate,A program.,active,,x",
        uuid(33).encode() + b",,Bad Bytes Row,bad \xff bytes,active,,x",
        uuid(34).encode() + b',,Html Row,"<p>Text &amp; <em>more</em></p>",active,,x',
        uuid(35).encode() + b",,Caf\xc3\x83\xc2\xa9 Row,A program.,active,,x",
        uuid(36).encode() + b",,Huge Row," + b"z" * BIG + b",active,,x",
        uuid(37).encode() + b",,Padded Row,A program., active ,,x",
        uuid(38).encode() + b',,"Quoted, Row","Two lines,\r\nhere",active,,x',
        uuid(39).encode() + b',,Open Quote,"never closed,active,,x',
    ]
    with open(os.path.join(d, "services.csv"), "wb") as f:
        f.write(b"\r\n".join(rows) + b"\r\n")
    areas = [b"id,service_id,name"]
    for n in (30, 33, 34, 35, 36, 38, 39):
        areas.append(uuid(2000 + n).encode() + b"," + uuid(n).encode() + b",\"Toronto (GTA), Ontario\"")
    areas.append(uuid(2100).encode() + b"," + uuid(30).encode() + b",Dade County")
    # A padded link: the Padded Row serves Kingston through " id ".
    areas.append(uuid(2137).encode() + b",  " + uuid(37).encode() + b" ,\"Kingston, Ontario\"")
    with open(os.path.join(d, "service_areas.csv"), "wb") as f:
        f.write(b"\r\n".join(areas) + b"\r\n")
    with open(os.path.join(d, "service_at_location.csv"), "wb") as f:
        f.write(b"id,service_id,location_id\r\n" + uuid(3700).encode() + b"," +
                uuid(37).encode() + b"," + uuid(3701).encode() + b"\r\n")
    with open(os.path.join(d, "locations.csv"), "wb") as f:
        f.write(b"id,location_type,name\r\n" + uuid(3701).encode() + b",physical,Office\r\n")
    with open(os.path.join(d, "addresses.csv"), "wb") as f:
        f.write(b"id,location_id,address_1,city,state_province,postal_code,country,address_type\r\n" +
                uuid(3702).encode() + b"," + uuid(3701).encode() +
                b",1 King St,  Sudbury , ON ,P3A 1A1,   ,physical\r\n")
    with open(os.path.join(d, "eligibility.csv"), "wb") as f:
        f.write(b"id,service_id,eligibility\r\n,,adults\r\n")


def main(argv):
    d = argv[1]
    os.makedirs(d, exist_ok=True)
    json_set(os.path.join(d, "hostile.json"))
    ndjson_set(os.path.join(d, "hostile.ndjson"))
    package(os.path.join(d, "pkg"))
    with open(os.path.join(d, "map.json"), "w") as f:
        json.dump({"itpnav_map": 1, "notes": "Every record of the hostile set is about this.",
                   "default": {"goals": ["alternative-career"], "services": ["mentorship"]}}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
