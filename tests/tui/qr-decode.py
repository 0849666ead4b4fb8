#!/usr/bin/env python3
"""qr-decode.py: read the QR code a screen shows, as a phone would.

Reads a tmux capture with its escape sequences and trailing spaces (capture-pane -p -e -N) on
standard input, works
out from the characters and their colours which half of each cell is dark, writes that as a
PBM image (each half cell a square block of pixels), and decodes it with zbarimg. Prints the
decoded text exactly (no newline added) and exits 0; exits 1 when nothing decodes, and 2 when
the code's light margin (its quiet zone) is narrower than 4 modules on any side, which some
phones need even where zbarimg copes.

A cell's upper and lower halves: "█" is both in the foreground colour, "▀" the upper one, "▄"
the lower one; any other character (a space, a letter's thin strokes) is the background. Reverse
video swaps the two. The terminal's default foreground counts as light and its default
background as dark (as on most terminals, tmux's among them), so a code drawn light on dark, or
without its light margin against the dark screen around it, does not decode.

    qr-decode.py [--image FILE.pbm] < capture
"""
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

PIXELS = 4  # pixels a side for each half cell


def palette(n):
    """The xterm colour n as (r, g, b), 0-255."""
    base = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
            (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
            (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
    if n < 16:
        return base[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + 10 * (n - 232)
    return (v, v, v)


def dark(colour, default_dark):
    """Whether a colour (None for the default, an int, or an (r, g, b) tuple) is dark."""
    if colour is None:
        return default_dark
    r, g, b = palette(colour) if isinstance(colour, int) else colour
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128


def apply_sgr(params, st):
    """Apply one SGR sequence's parameters to the state dict (fg, bg, reverse)."""
    p = [int(x) if x else 0 for x in params.split(";")] if params else [0]
    i = 0
    while i < len(p):
        c = p[i]
        if c == 0:
            st.update(fg=None, bg=None, reverse=False)
        elif c == 7:
            st["reverse"] = True
        elif c == 27:
            st["reverse"] = False
        elif 30 <= c <= 37:
            st["fg"] = c - 30
        elif 90 <= c <= 97:
            st["fg"] = c - 90 + 8
        elif c == 39:
            st["fg"] = None
        elif 40 <= c <= 47:
            st["bg"] = c - 40
        elif 100 <= c <= 107:
            st["bg"] = c - 100 + 8
        elif c == 49:
            st["bg"] = None
        elif c in (38, 48) and i + 1 < len(p):
            key = "fg" if c == 38 else "bg"
            if p[i + 1] == 5 and i + 2 < len(p):
                st[key] = p[i + 2]
                i += 2
            elif p[i + 1] == 2 and i + 4 < len(p):
                st[key] = (p[i + 2], p[i + 3], p[i + 4])
                i += 4
        i += 1


def cells(text):
    """The screen as rows of (upper dark, lower dark, character) for each cell."""
    rows = []
    st = {"fg": None, "bg": None, "reverse": False}
    token = re.compile(r"\x1b\[([0-9;]*)m|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|(.)", re.S)
    for line in text.split("\n"):
        row = []
        for m in token.finditer(line):
            if m.group(1) is not None:
                apply_sgr(m.group(1), st)
                continue
            ch = m.group(2)
            if ch is None:
                continue
            fg, bg = (st["bg"], st["fg"]) if st["reverse"] else (st["fg"], st["bg"])
            fg_dark = dark(fg, st["reverse"])  # reversed, the default fg shows the dark default bg
            bg_dark = dark(bg, not st["reverse"])
            upper = fg_dark if ch in "█▀" else bg_dark
            lower = fg_dark if ch in "█▄" else bg_dark
            row.append((upper, lower, ch))
            if unicodedata.east_asian_width(ch) in "WF":
                row.append((bg_dark, bg_dark, " "))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    # Cells past a line's end are the default background: dark.
    return [r + [(True, True, " ")] * (width - len(r)) for r in rows]


def margin(rows):
    """The narrowest light margin of the code drawn, in modules (None when none is drawn).

    The code is the box of the cells drawn with half blocks (its light margin is blocks too);
    the margin on each side is how far in from the box's edge the first dark half is, and the
    top-left finder pattern's first row, a dark run 7 modules long, gives the module's size."""
    blocks = [(r, c) for r, row in enumerate(rows) for c, cell in enumerate(row) if cell[2] in "▀▄█"]
    if not blocks:
        return None
    r0, r1 = min(r for r, _ in blocks), max(r for r, _ in blocks)
    c0, c1 = min(c for _, c in blocks), max(c for _, c in blocks)
    grid = [[rows[r0 + y // 2][c0 + x][y % 2] for x in range(c1 - c0 + 1)]
            for y in range(2 * (r1 - r0 + 1))]
    dark_rows = [y for y, line in enumerate(grid) if any(line)]
    dark_cols = [x for x in range(len(grid[0])) if any(line[x] for line in grid)]
    if not dark_rows:
        return None
    y = dark_rows[0]
    x = grid[y].index(True)
    run = 0
    while x + run < len(grid[y]) and grid[y][x + run]:
        run += 1
    module = run / 7
    sides = [dark_rows[0], len(grid) - 1 - dark_rows[-1], dark_cols[0],
             len(grid[0]) - 1 - dark_cols[-1]]
    return min(sides) / module


def pbm(rows):
    """The rows as a plain PBM (1 is black)."""
    width = len(rows[0]) if rows else 0
    out = [f"P1\n{width * PIXELS} {len(rows) * 2 * PIXELS}\n"]
    for row in rows:
        for half in (0, 1):
            bits = " ".join("1" if cell[half] else "0" for cell in row for _ in range(PIXELS))
            out.extend([bits + "\n"] * PIXELS)
    return "".join(out)


def main():
    args = sys.argv[1:]
    image = None
    if len(args) == 2 and args[0] == "--image":
        image = args[1]
    text = sys.stdin.buffer.read().decode("utf-8", "replace")
    rows = cells(text.rstrip("\n"))
    if not rows:
        return 1
    keep = image is not None
    if not keep:
        fd, image = tempfile.mkstemp(suffix=".pbm")
        os.close(fd)
    try:
        with open(image, "w") as f:
            f.write(pbm(rows))
        r = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", image],
                           capture_output=True)
    finally:
        if not keep:
            os.unlink(image)
    if r.returncode != 0 or not r.stdout:
        return 1
    m = margin(rows)
    if m is None or m < 4:
        print(f"qr-decode.py: the code's light margin is {m} modules; a reader wants 4",
              file=sys.stderr)
        return 2
    out = r.stdout
    if out.endswith(b"\n"):  # zbarimg ends each symbol with a newline
        out = out[:-1]
    sys.stdout.buffer.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
