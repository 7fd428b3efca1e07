"""A tiny HTTP server on 127.0.0.1 whose paths answer with the heads ``hsc check`` reads:
redirects, a 401 without WWW-Authenticate, a 405 without Allow, a 503 with Retry-After, an
unusual reason phrase. The tests start it in a thread; ``capture.py`` runs curl, wget and
HTTPie against it to record the samples in this directory."""

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# path -> (status, reason phrase or None for the registered one, header fields)
ROUTES: dict[str, tuple[int, str | None, list[tuple[str, str]]]] = {
    "/ok": (200, None, [("Content-Type", "text/plain")]),
    "/okay": (200, "Okay", [("Content-Type", "text/plain")]),
    "/moved": (301, None, [("Location", "/ok")]),
    "/chain": (302, None, [("Location", "/moved")]),
    "/no-location": (302, None, []),
    "/auth": (401, None, []),
    "/auth-ok": (401, None, [("WWW-Authenticate", 'Basic realm="hsc"')]),
    "/method": (405, None, []),
    "/busy": (503, None, [("Retry-After", "120")]),
    "/busy-date": (503, None, [("Retry-After", "Tue, 01 Dec 2026 09:00:00 GMT")]),
    "/limited": (429, None, [("Retry-After", "soon")]),
    "/missing": (404, None, [("Content-Type", "text/plain")]),
    "/slow": (200, None, []),  # answers after SLOW seconds
}
SLOW = 2.0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # so that a request with Expect: 100-continue gets a 100

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        status, phrase, fields = ROUTES.get(self.path, (404, None, []))
        if self.path == "/slow":
            time.sleep(SLOW)
        body = f"{status} from the hsc test server\n".encode()
        self.send_response(status, phrase)
        for name, value in fields:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST = _answer

    def version_string(self) -> str:
        return "hsc-test-server"  # no Python version in the recorded samples

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        server: QuietServer = self.server  # type: ignore[assignment]
        if server.access_log is None:
            return
        # Python's own access log line (the stock http.server format), and two JSON lines
        # as structured loggers write them: a flat "status", and ECS's nested field.
        super().log_request(code, size)
        status = int(code) if str(code).isdigit() else code
        server.json_log.append(
            json.dumps(
                {
                    "remote": self.client_address[0],
                    "request": self.requestline,
                    "status": status,
                    "bytes": size,
                }
            )
        )
        server.ecs_log.append(
            json.dumps(
                {
                    "@timestamp": self.log_date_time_string(),
                    "url": {"path": self.path},
                    "http": {
                        "request": {"method": self.command},
                        "response": {"status_code": status},
                    },
                }
            )
        )

    def log_message(self, format: str, *args: object) -> None:
        server: QuietServer = self.server  # type: ignore[assignment]
        if server.access_log is not None:
            line = f"{self.address_string()} - - [{self.log_date_time_string()}] {format % args}"
            server.access_log.append(line)


class QuietServer(ThreadingHTTPServer):
    """Keeps its access log in memory when asked: Python's own line format, and two JSON
    lines as structured loggers write them."""

    access_log: list[str] | None = None
    json_log: list[str]
    ecs_log: list[str]

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # wget closes its connection abruptly; that is no news for a test


@contextmanager
def started(keep_logs: bool = False) -> Iterator[QuietServer]:
    server = QuietServer(("127.0.0.1", 0), Handler)
    if keep_logs:
        server.access_log, server.json_log, server.ecs_log = [], [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def base_url(server: QuietServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


@contextmanager
def serving() -> Iterator[str]:
    """The server's base URL (``http://127.0.0.1:PORT``) while the block runs."""
    with started() as server:
        yield base_url(server)
