#!/usr/bin/env python3
"""gen-dataset.py BASE OUT COUNT [TAG]: a valid dataset of COUNT supports for the fault tests.

BASE is a fixture whose sources, regions, goals, services and pathways are kept; the supports are
made up, spread over its regions, each with a summary and offers long enough that loading the
file into the cache takes a while. TAG goes into every name, so two files made with different
tags list differently (the tests tell an old cache from a fresh one by it).
"""
import json
import random
import sys

base_path, out_path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
tag = sys.argv[4] if len(sys.argv) > 4 else "v1"
d = json.load(open(base_path, encoding="utf-8"))
rng = random.Random(count)
words = ("mentorship exam residency licensure clinical observership network peer bridging "
         "assessment practice community career counselling language interview portfolio "
         "Québec Montréal Ontario Niagara Kingston physicians international training").split()
regions = [r["id"] for r in d["regions"]]
goals = [g["id"] for g in d["goals"]]
services = [s["id"] for s in d["services"]]
source = d["sources"][0]["id"]
supports = []
for i in range(count):
    supports.append({
        "id": "s%05d" % i,
        "kind": "group" if i % 3 else "program",
        "name": "Support %s %05d %s" % (tag, (i * 7919) % count, rng.choice(words)),
        "regions": [regions[i % len(regions)]],
        "delivery": [["online", "in-person", "hybrid"][i % 3]],
        "goals": [goals[i % len(goals)]],
        "services": [services[i % len(services)]],
        "summary": " ".join(rng.choice(words) for _ in range(40)) + ".",
        "offers": [" ".join(rng.choice(words) for _ in range(8)) for _ in range(3)],
        "source": source,
        "as_of": "2021-09",
    })
d["supports"] = supports
json.dump(d, open(out_path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
