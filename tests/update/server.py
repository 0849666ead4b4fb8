#!/usr/bin/env python3
"""server.py DIR PORTFILE: python's http.server for the update test, serving DIR on 127.0.0.1
at a free port (written to PORTFILE once it listens), plus one way to fail that a plain file
server cannot: /cut/NAME announces NAME's whole length, sends the first half and hangs up
(a transfer cut short)."""
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/cut/"):
            with open(os.path.join(self.directory, self.path[len("/cut/"):]), "rb") as f:
                data = f.read()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        super().do_GET()


def main():
    directory, portfile = sys.argv[1], sys.argv[2]
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=directory))
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    server.serve_forever()


main()
