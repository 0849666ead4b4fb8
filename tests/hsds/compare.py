#!/usr/bin/env python3
"""compare.py: does an imported dataset give back what was exported?

    compare.py ORIGINAL IMPORTED

The same regions, goals and services (every record, in order), the same supports (every key,
in order), and the same sources for what the supports cite (their own and their translations').
Each difference is printed; the exit status is 1 when there is one.
"""

import json
import sys


def cited(dataset):
    ids = set()
    for s in dataset["supports"]:
        ids.add(s.get("source"))
        for t in s.get("translations", {}).values():
            ids.add(t.get("source"))
    return {s["id"]: s for s in dataset["sources"] if s["id"] in ids}


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        a = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        b = json.load(f)
    problems = []
    for key in ("regions", "goals", "services"):
        if a[key] != b[key]:
            problems.append("%s differ: %d records, then %d" % (key, len(a[key]), len(b[key])))
    sa = {s["id"]: s for s in a["supports"]}
    sb = {s["id"]: s for s in b["supports"]}
    if list(sa) != list(sb):
        problems.append("supports differ: %s, then %s" % (list(sa), list(sb)))
    for i, x in sa.items():
        y = sb.get(i, {})
        if x != y:
            for k in list(x) + [k for k in y if k not in x]:
                if x.get(k) != y.get(k):
                    problems.append("support %s: %s: %r, then %r" % (i, k, x.get(k), y.get(k)))
            if list(x) == list(y) and all(x[k] == y[k] for k in x):
                pass
            elif x == y:
                problems.append("support %s: the keys are in another order" % i)
    ca, cb = cited(a), cited(b)
    if ca != cb:
        problems.append("sources differ: %s, then %s" % (sorted(ca), sorted(cb)))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
