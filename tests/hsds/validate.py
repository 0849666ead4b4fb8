#!/usr/bin/env python3
"""validate.py: check an HSDS 3.0 export against the specification's JSON Schemas.

    validate.py SCHEMA_DIR FILE.json     a JSON list of services (or one service)
    validate.py SCHEMA_DIR PACKAGE_DIR   a tabular data package: every CSV row against the
                                         schema of its table, and the links between tables

Every problem is printed, one a line; the exit status is 0 when there is none, 1 otherwise, 2 when
the input cannot be read. Needs python3-jsonschema (Debian's, or any 4.x). The formats the schemas
name (uuid, date-time, email, uri) are checked here, whether or not jsonschema has the optional
packages it checks them with.
"""

import csv
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:
    print("validate.py: python3-jsonschema is not installed (setup.sh installs it)")
    sys.exit(2)

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z", re.I)
DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\Z")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\Z")
URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+\Z")

checker = jsonschema.FormatChecker()


@checker.checks("uuid")
def is_uuid(v):
    return not isinstance(v, str) or bool(UUID.match(v))


@checker.checks("date-time")
def is_date_time(v):
    return not isinstance(v, str) or bool(DATE_TIME.match(v))


@checker.checks("email")
def is_email(v):
    return not isinstance(v, str) or bool(EMAIL.match(v))


@checker.checks("uri")
def is_uri(v):
    return not isinstance(v, str) or bool(URI.match(v))


def validator(schema_dir, name):
    path = os.path.join(schema_dir, name)
    with open(path) as f:
        schema = json.load(f)
    resolver = jsonschema.RefResolver(base_uri="file://" + os.path.abspath(schema_dir) + "/",
                                      referrer=schema)
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, resolver=resolver, format_checker=checker)


def report(problems, where, errors):
    for e in errors:
        path = "".join("[%d]" % p if isinstance(p, int) else ".%s" % p for p in e.absolute_path)
        problems.append("%s%s: %s" % (where, path, e.message))


def check_json(schema_dir, path, problems):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    services = data if isinstance(data, list) else data.get("contents", [data])
    v = validator(schema_dir, "service_with_definitions.json")
    ids = {}
    for i, s in enumerate(services):
        report(problems, "%s: [%d]" % (path, i), v.iter_errors(s))
        if s.get("id") in ids:
            problems.append("%s: [%d].id: the id of [%d] too" % (path, i, ids[s["id"]]))
        ids.setdefault(s.get("id"), i)
    return len(services)


# The fields of each table that are numbers (datapackage.json 3.0.0); the rest are strings.
NUMBERS = {"organization": {"year_incorporated"}, "service": {"minimum_age", "maximum_age"},
           "location": {"latitude", "longitude"}, "phone": {"extension"},
           "schedule": {"timezone", "count", "interval"}, "cost_option": {"amount"}}
# Each table's links: field -> the table it names.
LINKS = {"service": {"organization_id": "organization"},
         "service_area": {"service_id": "service"},
         "service_at_location": {"service_id": "service", "location_id": "location"},
         "address": {"location_id": "location"},
         "phone": {"service_id": "service", "location_id": "location",
                   "organization_id": "organization"},
         "schedule": {"service_id": "service", "location_id": "location"},
         "attribute": {"link_id": "service", "taxonomy_term_id": "taxonomy_term"},
         "taxonomy_term": {"taxonomy_id": "taxonomy"}}


def check_package(schema_dir, folder, problems):
    with open(os.path.join(folder, "datapackage.json"), encoding="utf-8") as f:
        package = json.load(f)
    if package.get("version") != "3.0.0" or package.get("profile") != "tabular-data-package":
        problems.append("%s/datapackage.json: expected version 3.0.0 of a tabular-data-package"
                        % folder)
    rows = {}
    for res in package["resources"]:
        name, file = res["name"], res["path"]
        fields = [f["name"] for f in res["schema"]["fields"]]
        v = validator(schema_dir, name + ".json")
        with open(os.path.join(folder, file), encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            if header != fields:
                problems.append("%s: the header is not the fields datapackage.json lists" % file)
            rows[name] = {}
            for line, cells in enumerate(reader, 2):
                obj = {}
                for k, cell in zip(header, cells):
                    if cell == "":
                        continue
                    if k in NUMBERS.get(name, ()):
                        obj[k] = float(cell)
                    elif k == "itpnav":
                        obj[k] = json.loads(cell)  # the extension: a JSON object
                    else:
                        obj[k] = cell
                report(problems, "%s:%d: " % (file, line), v.iter_errors(obj))
                if obj.get("id") in rows[name]:
                    problems.append("%s:%d: id %s is on line %d too"
                                    % (file, line, obj["id"], rows[name][obj["id"]][0]))
                rows[name][obj.get("id")] = (line, obj)
    for name, links in LINKS.items():
        for rid, (line, obj) in rows.get(name, {}).items():
            for field, table in links.items():
                if field in obj and obj[field] not in rows.get(table, {}):
                    problems.append("%s:%d: %s %s is not in %s" % (name, line, field, obj[field],
                                                                   table))
    return len(rows.get("service", {}))


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip())
        return 2
    schema_dir, target = argv[1], argv[2]
    problems = []
    try:
        if os.path.isdir(target):
            n = check_package(schema_dir, target, problems)
        else:
            n = check_json(schema_dir, target, problems)
    except (OSError, ValueError, KeyError, StopIteration) as e:
        print("validate.py: %s: %s" % (target, e))
        return 2
    for p in problems:
        print(p)
    print("validate.py: %s: %d services, %d problems" % (target, n, len(problems)),
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
