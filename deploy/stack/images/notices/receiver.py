"""Records every webhook it receives: one JSON line per POST on standard output, and a 200."""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIMIT = 1 << 20


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > LIMIT:
            self.send_response(413)
            self.end_headers()
            return
        body = self.rfile.read(length)
        try:
            notice = json.loads(body)
        except ValueError:
            self.send_response(400)
            self.end_headers()
            return
        print(json.dumps({"path": self.path, "notice": notice}), flush=True)
        self.send_response(200)
        self.end_headers()

    def do_GET(self):  # health
        self.send_response(200)
        self.end_headers()

    def log_message(self, format, *args):
        pass


ThreadingHTTPServer(("0.0.0.0", 8080), Receiver).serve_forever()
