#!/bin/sh
# includes.sh SRCDIR [--known "A B ..."]... [--dot]: no include cycle among the modules of src/.
#
# A module is a .c file and the .h file of the same name (src/ui/app.c and src/ui/app.h are
# ui/app). A .c file that defines what another header declares is part of that header's module
# too: app.h once declared every screen, so every screen was part of the app, and the widgets
# the screens use included app.h: a cycle. Module A depends on module B when a file of A writes
# #include "b.h" (resolved as the compiler does: beside the file, then the project's include
# directories). Any cycle of dependencies fails the test, printed as the chain of includes
# that makes it.
#
# --known "A B": a cycle through exactly these modules is known and tolerated until the work
# that removes it lands; the test fails when it no longer exists, so that the exemption goes.
# --dot prints the module graph in Graphviz form instead of checking it.
exec python3 - "$@" <<'EOF'
import os, re, sys

args = sys.argv[1:]
if not args:
    print("usage: includes.sh SRCDIR [--known 'A B']... [--dot]")
    sys.exit(2)
src = os.path.abspath(args[0])
known, dot = [], False
i = 1
while i < len(args):
    if args[i] == "--known" and i + 1 < len(args):
        known.append(frozenset(args[i + 1].split()))
        i += 2
    elif args[i] == "--dot":
        dot = True
        i += 1
    else:
        print(f"includes.sh: unknown argument {args[i]}")
        sys.exit(2)

files = []
for root, _, names in os.walk(src):
    for n in names:
        if n.endswith((".c", ".h")):
            files.append(os.path.relpath(os.path.join(root, n), src))
files.sort()
if len(files) < 20:
    print(f"FAIL: only {len(files)} C files under {src}; has the layout changed?")
    sys.exit(1)

# The compiler's search path: beside the file, then every directory of src that holds a header
# (the build gives -I for each).
header_dirs = sorted({os.path.dirname(f) for f in files if f.endswith(".h")})

def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)

def module(f):
    return os.path.splitext(f)[0]

parent = {}
def find(m):
    parent.setdefault(m, m)
    while parent[m] != m:
        parent[m] = parent[parent[m]]
        m = parent[m]
    return m
def union(a, b):
    parent[find(a)] = find(b)

includes = {}  # file -> [(header file, line number)]
problems = []
for f in files:
    find(module(f))
    text = open(os.path.join(src, f), encoding="utf-8", errors="replace").read()
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r'\s*#\s*include\s*"([^"]+)"', line)
        if not m:
            continue
        name = m.group(1)
        here = os.path.normpath(os.path.join(os.path.dirname(f), name))
        if here in files:
            out.append((here, n))
            continue
        found = [os.path.normpath(os.path.join(d, name)) for d in header_dirs
                 if os.path.normpath(os.path.join(d, name)) in files]
        if len(found) > 1:
            problems.append(f'{f}:{n}: "{name}" could be any of {", ".join(found)}')
        elif found:
            out.append((found[0], n))
        # else a generated header (config.h) or a dependency's: not a module of src/
    includes[f] = out

# Who implements a header: a .c file that defines a name the header declares.
declared = {}
for f in files:
    if f.endswith(".h"):
        body = strip_comments(open(os.path.join(src, f), encoding="utf-8").read())
        declared[f] = set(re.findall(r"\b[A-Za-z_]\w*\b", body))
definition = re.compile(r"^(?!static\b|typedef\b|extern\b|struct\s+\w+\s*\{|enum\s+\w+\s*\{|union\b)"
                        r"[A-Za-z_][\w\s\*]*?\b([A-Za-z_]\w*)\s*(\(|=|\[)", re.M)
implements = {}
for f in files:
    if not f.endswith(".c"):
        continue
    body = strip_comments(open(os.path.join(src, f), encoding="utf-8").read())
    names = set()
    for m in definition.finditer(body):
        rest = body[m.end():]
        stop = min([p for p in (rest.find("{"), rest.find(";")) if p >= 0] or [0])
        if m.group(2) == "(" and rest[stop:stop + 1] == ";":
            continue  # a declaration, not a definition
        names.add(m.group(1))
    for h, words in declared.items():
        if module(h) != module(f) and names & words:
            implements.setdefault(f, set()).add(h)
            union(module(f), module(h))

# The graph of modules (merged as above), each edge with the include that makes it.
edges = {}
for f, incs in includes.items():
    a = find(module(f))
    for h, n in incs:
        b = find(module(h))
        if a != b:
            edges.setdefault(a, {}).setdefault(b, f"{f}:{n} includes {h}")
nodes = sorted({find(module(f)) for f in files})
members = {}
for f in files:
    members.setdefault(find(module(f)), set()).add(module(f))

def label(m):
    others = sorted(members[m] - {m})
    return m + (" (with " + ", ".join(others) + ")" if others else "")

if dot:
    print("digraph includes {")
    print("  rankdir=LR; node [shape=box, fontname=monospace];")
    for m in nodes:
        print(f'  "{m}" [label="{label(m)}"];')
    for a in sorted(edges):
        for b in sorted(edges[a]):
            print(f'  "{a}" -> "{b}";')
    print("}")
    sys.exit(0)

# Strongly connected components (Tarjan).
index, low, on, stack, comps = {}, {}, set(), [], []
def strong(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in edges.get(v, {}):
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        comps.append(comp)
sys.setrecursionlimit(10000)
for v in nodes:
    if v not in index:
        strong(v)

def one_cycle(comp):
    """A shortest cycle through the component's first module, as its includes."""
    inside = set(comp)
    start = sorted(comp)[0]
    prev, queue = {start: None}, [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(edges.get(v, {})):
            if w == start:
                path, x = [(v, w)], v
                while prev[x] is not None:
                    path.append((prev[x], x))
                    x = prev[x]
                return list(reversed(path))
            if w in inside and w not in prev:
                prev[w] = v
                queue.append(w)
    return []

failed = bool(problems)
for p in problems:
    print("FAIL:", p)
seen_known = set()
for comp in comps:
    if len(comp) < 2:
        continue
    mods = frozenset(comp)
    if mods in known:
        seen_known.add(mods)
        print("known cycle (tolerated until it is removed): " + " ".join(sorted(mods)))
        continue
    failed = True
    print(f"FAIL: an include cycle through {len(comp)} modules, "
          f"{sum(1 for f in files if find(module(f)) in mods)} files: " + ", ".join(label(m) for m in sorted(comp)))
    for a, b in one_cycle(comp):
        print(f"    {a} -> {b}: {edges[a][b]}")
    for m in sorted(comp):
        for c, hs in sorted(implements.items()):
            if find(module(c)) == m and module(c) != m:
                print(f"    ({c} is part of {m}: it defines what {', '.join(sorted(hs))} declares)")
for k in known:
    if k not in seen_known:
        failed = True
        print("FAIL: the known cycle " + " ".join(sorted(k)) + " is gone: remove its --known")
if failed:
    sys.exit(1)
print(f"ok: {len(nodes)} modules of {len(files)} files, no include cycle")
EOF
