#!/usr/bin/env python3
"""golden.py: `itpnav check`, byte for byte, against what an earlier itpnav said.

    golden.py check ITPNAV         compare ITPNAV's output with tests/cli/check-golden/
    golden.py record ITPNAV        write tests/cli/check-golden/ with ITPNAV's output
    golden.py compare ITPNAV OTHER compare two binaries directly (e.g. main's and a branch's)

The loader reads a dataset a record at a time (issue 19), where it used to parse the whole tree
and check it in one go: what `check` says (every message, its path, their order, the counts and
the exit status) must not change. The recorded outputs come from the loader before that change
(commit eb34217); every case here is run with the binary under test and compared whole.

The cases: every fixture and the bundled dataset, plain and with --strict; the bad fixtures with
their top-level keys in other orders (the version and .dataset last, the lists reversed, the
pathways first, the regions last), which a streaming loader reads in more than one pass and
whose findings must come out in the order of the rules all the same; and files made here for
what the fixtures lack (references forward, syntax and encoding errors together, duplicate and
unknown top-level keys, lists that are not lists, more errors than are shown, mixed with
warnings). Each runs in a scratch directory under a name of its own, so that paths compare.
The bundled dataset's case follows the data: when data/itpnav.json changes, its two files are
recorded again (`golden.py record`; the fixtures' files do not change).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
GOLDEN = os.path.join(HERE, "check-golden")


def pairs(path):
    """A JSON file as nested lists of (key, value) pairs: key order and duplicates kept."""
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=lambda p: Obj(p))


class Obj(list):
    """An object as its pairs, in order."""


def dump(v):
    if isinstance(v, Obj):
        return "{" + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + dump(x)
                               for k, x in v) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dump(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def reorder(doc, order):
    """doc's top-level pairs in the order of the keys named (the rest after, as they were)."""
    rank = {k: i for i, k in enumerate(order)}
    return Obj(sorted(doc, key=lambda kv: rank.get(kv[0], len(order))))


def get(doc, key):
    for k, v in doc:
        if k == key:
            return v
    return None


ORDERS = {
    "meta-last": ["sources", "regions", "goals", "services", "exams", "supports", "pathways",
                  "itpnav", "dataset"],
    "reversed": ["pathways", "supports", "exams", "services", "goals", "regions", "sources",
                 "dataset", "itpnav"],
    "pathways-first": ["itpnav", "dataset", "pathways", "supports", "exams", "services", "goals",
                       "sources", "regions"],
    "regions-last": ["dataset", "supports", "itpnav", "goals", "pathways", "exams", "services",
                     "sources", "regions"],
}

BAD = ["cli-bad-rules", "cli-bad-v2", "cli-broken", "cli-bad-missing", "cli-bad-unknown-key",
       "cli-bad-shared-id-v1", "cli-bad-many", "cli-bad-version"]


def made_cases():
    """(name, bytes) of the files made here."""
    deep = pairs(os.path.join(FIXTURES, "cli-deep.json"))
    v2 = pairs(os.path.join(FIXTURES, "cli-v2.json"))
    out = []

    def add(name, doc):
        out.append((name, (doc if isinstance(doc, str) else dump(doc)).encode("utf-8")))

    def raw(name, data):
        out.append((name, data))

    # Syntax and encoding: the size, then the encoding, then the syntax, whichever comes first.
    raw("syntax-then-utf8", b'{"itpnav": 1,}\n\n  "\xff"\n')
    raw("utf8-then-syntax", b'{"itpnav": "\xc3\x28", }\n')
    raw("syntax-then-truncated-utf8", b'{"a" 1}\xe2\x82')
    raw("syntax-then-valid-utf8", '{"a": 1,}\n"é ü 😀"'.encode())
    raw("bom-only", b"\xef\xbb\xbf")
    raw("empty", b"")
    raw("blank", b"  \n\t \n")
    raw("bom-syntax", b'\xef\xbb\xbf{\n "a": tru}')
    raw("nul-first", b"\x00{}")
    # Not an object.
    for name, text in [("root-array", "[1, 2]"), ("root-empty-array", "[]"),
                       ("root-string", '"x"'), ("root-number", "-1.5e3"), ("root-null", "null"),
                       ("root-empty-object", "{}")]:
        add(name, text)
    # The version and .dataset.
    lists = Obj([kv for kv in deep if kv[0] not in ("itpnav", "dataset")])
    meta = get(deep, "dataset")
    for name, version in [("version-3", 3), ("version-string", "1"), ("version-list", [1]),
                          ("version-float", 1.5), ("version-huge", 1e300),
                          ("version-object", Obj([("v", 1)]))]:
        add(name, Obj([("itpnav", version), ("dataset", meta)] + lists))
    add("version-missing", Obj([("dataset", meta)] + lists))
    add("version-missing-dup-keys", Obj([("dataset", meta), ("zz", 1), ("zz", 2), ("aa", 1),
                                         ("aa", 1)] + lists))
    add("dataset-missing", Obj([("itpnav", 1)] + lists))
    add("dataset-list", Obj([("itpnav", 1), ("dataset", [meta])] + lists))
    add("dataset-string", Obj([("itpnav", 1), ("dataset", "meta")] + lists))
    add("dataset-after-lists", Obj([("itpnav", 1)] + lists + [("dataset", meta)]))
    # Lists that are not lists, twice, missing; unknown and duplicate keys.
    add("lists-not-lists", Obj([("itpnav", 1), ("dataset", meta), ("sources", Obj()),
                                ("regions", "x"), ("goals", 3), ("services", None),
                                ("supports", True), ("pathways", Obj([("a", [])])),
                                ("exams", False)]))
    add("lists-twice", Obj([("itpnav", 1), ("dataset", meta)] + lists +
                           [("supports", []), ("itpnav", 2), ("regions", "x")]))
    add("unknown-top-keys", Obj([("zeta", 1), ("itpnav", 1), ("dataset", meta), ("Alpha", [1])]
                                + lists + [("supportz", []), ("zeta", 2),
                                           ("bad\u001bkey", 1), ("k" * 60, 1)]))
    add("unknown-top-keys-v2", Obj([("itpnav", 2)] + [kv for kv in v2 if kv[0] != "itpnav"] +
                                   [("pathway", []), ("regionz", 1)]))
    # References in any order: a part_of ahead, a parent ahead, a support's part_of that is a
    # pathway (version 2), sources after everything that cites them.
    d = json.loads(dump(deep))
    sup = d["supports"]
    sup[0]["part_of"] = sup[-1]["id"]
    sup[1]["part_of"] = "no-such-group"
    sup[2]["part_of"] = sup[2]["id"]
    d["regions"].reverse()
    d["regions"].append({"id": "loop-a", "name": "A", "parent": "loop-b"})
    d["regions"].append({"id": "loop-b", "name": "B", "parent": "loop-a"})
    add("forward-references", Obj([(k, d[k]) for k in ["itpnav", "dataset", "supports",
                                                        "pathways", "goals", "services",
                                                        "regions", "sources"]]))
    w = json.loads(dump(v2))
    if w["pathways"]:
        w["supports"][0]["part_of"] = w["pathways"][0]["id"]
        w["supports"][1]["part_of"] = "pathwayz"
    for s in w["supports"]:
        s.setdefault("translations", {})
        s["translations"]["fr"] = {"name": "Nom", "source": "src-later"}
    w["sources"].append({"id": "src-later", "title": "Later"})
    order = ["itpnav", "dataset", "supports", "pathways", "regions", "goals", "services",
             "exams", "sources"]
    add("forward-references-v2", Obj([(k, w[k]) for k in order if k in w]))
    w["sources"].pop()
    add("forward-references-v2-unknown", Obj([(k, w[k]) for k in order if k in w]))
    # A region tree 17 deep, its regions given leaves first.
    t = json.loads(dump(deep))
    chain = [{"id": "lvl-%d" % i, "name": "Level %d" % i,
              **({"parent": "lvl-%d" % (i - 1)} if i else {})} for i in range(18)]
    t["regions"] = list(reversed(chain)) + t["regions"]
    add("deep-tree-reversed", Obj([(k, t[k]) for k in t]))
    # More errors than are shown, with warnings among them (unknown keys), and ids given twice.
    m = json.loads(dump(deep))
    for i, s in enumerate(m["supports"]):
        s["regions"] = ["nowhere-%d-%d" % (i, j) for j in range(30)] + s["regions"]
        s["extra_%d" % i] = True
        s["goals"] = s["goals"] + s["goals"][:1]
    m["supports"].append(dict(m["supports"][0]))
    m["pathways"].append(dict(m["pathways"][0]))
    m["pathways"].insert(0, {"id": m["supports"][1]["id"]})
    add("many-errors-and-warnings", Obj([(k, m[k]) for k in m]))
    add("many-errors-and-warnings-reversed",
        Obj([(k, m[k]) for k in reversed(list(m.keys()))]))
    return out


def cases():
    """(name, file name, bytes, args) of every case."""
    out = []
    names = sorted(f for f in os.listdir(FIXTURES) if f.endswith(".json"))
    srcs = [(f[:-5], os.path.join(FIXTURES, f)) for f in names]
    srcs.append(("bundled", os.path.join(ROOT, "data", "itpnav.json")))
    for name, path in srcs:
        with open(path, "rb") as f:
            data = f.read()
        out.append((name, name + ".json", data, []))
        out.append((name + "--strict", name + ".json", data, ["--strict"]))
    for name in BAD:
        doc = pairs(os.path.join(FIXTURES, name + ".json"))
        for tag, order in ORDERS.items():
            out.append((name + "@" + tag, name + "@" + tag + ".json",
                        dump(reorder(doc, order)).encode("utf-8"), []))
    for name, data in made_cases():
        out.append((name, name + ".json", data, []))
        out.append((name + "--strict", name + ".json", data, ["--strict"]))
    stale = os.path.join(FIXTURES, "cli-stale.json")
    with open(stale, "rb") as f:
        data = f.read()
    for fmt in ("tsv", "json"):
        out.append(("cli-stale--older-than-" + fmt, "cli-stale.json", data,
                    ["--older-than", "0", "--format", fmt]))
    return out


def run(itpnav, case, scratch):
    name, file, data, args = case
    path = os.path.join(scratch, file)
    with open(path, "wb") as f:
        f.write(data)
    env = dict(os.environ, LC_ALL="C.UTF-8", HOME=scratch, XDG_CACHE_HOME=scratch)
    env.pop("COLUMNS", None)
    p = subprocess.run([itpnav, "check"] + args + [file], cwd=scratch, env=env,
                       capture_output=True, stdin=subprocess.DEVNULL)
    os.unlink(path)
    return (b"status %d\n--- stdout\n" % p.returncode + p.stdout + b"--- stderr\n" + p.stderr)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("check", "record", "compare"):
        sys.exit(__doc__)
    mode, itpnav = sys.argv[1], os.path.abspath(sys.argv[2])
    other = os.path.abspath(sys.argv[3]) if mode == "compare" else None
    scratch = tempfile.mkdtemp(prefix="itpnav-golden.")
    failed = 0
    all_cases = cases()
    try:
        if mode == "record":
            shutil.rmtree(GOLDEN, ignore_errors=True)
            os.makedirs(GOLDEN)
        for case in all_cases:
            got = run(itpnav, case, scratch)
            golden = os.path.join(GOLDEN, case[0] + ".txt")
            if mode == "record":
                with open(golden, "wb") as f:
                    f.write(got)
                continue
            if other:
                want = run(other, case, scratch)
            else:
                try:
                    with open(golden, "rb") as f:
                        want = f.read()
                except FileNotFoundError:
                    want = b"(no recorded output)\n"
            if got == want:
                print("ok -", case[0])
                continue
            failed += 1
            print("FAIL -", case[0])
            w, g = want.decode(errors="replace").splitlines(), got.decode(
                errors="replace").splitlines()
            import difflib
            for line in list(difflib.unified_diff(w, g, "recorded", "now", lineterm=""))[:40]:
                print("   ", line)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if mode == "record":
        print(f"recorded {len(all_cases)} cases in {GOLDEN}")
        return
    print(f"{len(all_cases) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
