#!/usr/bin/env python3
"""pty-run.py OUT COLSxROWS KEYS -- PROGRAM ARGS...: run PROGRAM in a pseudo-terminal of that
size (what tmux would hide: the raw bytes it writes, escape sequences and all, go to OUT).

KEYS is a list of keys separated by "|", each sent after the output has been quiet for 0.3 s
(at most 5 s); Python escapes are read in them ("\\r" for Enter, "\\x1b[6~" for PgDn). After the
last key and quiet again, the program is sent q, then waited for (2 s), then killed."""
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
import fcntl

out_path, size, keys = sys.argv[1], sys.argv[2], sys.argv[3]
args = sys.argv[sys.argv.index("--") + 1:]
cols, rows = (int(n) for n in size.split("x"))
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.execvp(args[0], args)
out = bytearray()


def quiet(limit=5.0, gap=0.3):
    """Read until nothing comes for gap seconds (or limit passes)."""
    end = time.time() + limit
    last = time.time()
    while time.time() < end and time.time() - last < gap:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            out.extend(data)
            last = time.time()


quiet()
for key in [k for k in keys.split("|") if k]:
    os.write(fd, key.encode("utf-8").decode("unicode_escape").encode("latin-1"))
    quiet()
os.write(fd, b"q")
quiet(2.0)
try:
    os.kill(pid, signal.SIGKILL)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
open(out_path, "wb").write(bytes(out))
