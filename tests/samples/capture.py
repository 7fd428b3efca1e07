"""Record the samples in this directory: run curl, wget and HTTPie against the local test
server and save what they print. Run from the repository root:

    .venv/bin/python -m tests.samples.capture [path/to/http]

Only 127.0.0.1 is contacted. The port changes from run to run; the tests do not depend on it.
"""

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.samples.server import base_url, serving, started

HERE = Path(__file__).resolve().parent


def record(name: str, argv: list[str], stderr: bool = False) -> None:
    done = subprocess.run(argv, capture_output=True, check=False)
    (HERE / name).write_bytes(done.stdout + (done.stderr if stderr else b""))


NGINX_CONF = """
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{}}
http {{
    access_log {dir}/access.log combined;
    client_body_temp_path {dir}; proxy_temp_path {dir}; fastcgi_temp_path {dir};
    uwsgi_temp_path {dir}; scgi_temp_path {dir};
    server {{
        listen 127.0.0.1:{port};
        root {dir};
        location = /gone {{ return 410; }}
        location = /drop {{ return 444; }}
        location = /old {{ return 301 /new; }}
        location = /slow {{ proxy_pass {upstream}; }}
    }}
}}
"""


def nginx_log() -> None:
    """nginx's combined access log: 200, 404, 301, 410, 444 (closed without a response), 499
    (the client gave up waiting for a slow upstream), 400 (a TLS hello sent to plain HTTP)."""
    with tempfile.TemporaryDirectory() as scratch, serving() as upstream:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        Path(scratch, "index.html").write_text("hsc\n", encoding="ascii")
        conf = Path(scratch, "nginx.conf")
        conf.write_text(NGINX_CONF.format(dir=scratch, port=port, upstream=upstream))
        server = subprocess.Popen(["nginx", "-c", str(conf), "-p", scratch])
        base = f"http://127.0.0.1:{port}"
        try:
            time.sleep(0.5)
            for path in ("/", "/", "/missing", "/old", "/gone", "/drop", "/?q=%22x%22"):
                subprocess.run(["curl", "-s", "-o", "/dev/null", f"{base}{path}"], check=False)
            slow = ["curl", "-s", "-o", "/dev/null", "--max-time", "0.5", f"{base}/slow"]
            subprocess.run(slow, check=False)
            with socket.create_connection(("127.0.0.1", port)) as raw:
                raw.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n")
                raw.recv(4096)
            agent = "Mozilla/5.0 \x1b[31mred"
            subprocess.run(["curl", "-s", "-o", "/dev/null", "-A", agent, base], check=False)
            time.sleep(2.5)
        finally:
            server.terminate()
            server.wait()
        shutil.copy(Path(scratch, "access.log"), HERE / "nginx-combined.log")


def main() -> None:
    nginx_log()
    logs()
    http = sys.argv[1] if len(sys.argv) > 1 else "http"
    with serving() as base:
        record("curl-I-ok.txt", ["curl", "-sI", f"{base}/ok"])
        record("curl-I-okay.txt", ["curl", "-sI", f"{base}/okay"])
        record("curl-i-auth.txt", ["curl", "-si", f"{base}/auth"])
        record("curl-i-method.txt", ["curl", "-si", f"{base}/method"])
        record("curl-IL-chain.txt", ["curl", "-sIL", f"{base}/chain"])
        record("curl-I-no-location.txt", ["curl", "-sI", f"{base}/no-location"])
        record("curl-v-busy.txt", ["curl", "-sv", f"{base}/busy"], stderr=True)
        record("curl-vL-chain.txt", ["curl", "-svL", "-o", "/dev/null", f"{base}/chain"], True)
        record(
            "curl-v-continue.txt",
            ["curl", "-sv", "-H", "Expect: 100-continue", "-d", "x=1", f"{base}/ok"],
            stderr=True,
        )
        record("wget-S-chain.txt", ["wget", "-S", "-O", "/dev/null", f"{base}/chain"], True)
        record("wget-S-busy-date.txt", ["wget", "-S", "-O", "/dev/null", f"{base}/busy-date"], True)
        record("httpie-headers-limited.txt", [http, "--headers", f"{base}/limited"])
        record("httpie-headers-missing.txt", [http, "--headers", f"{base}/missing"])


def logs() -> None:
    """An access log of the test server under curl's requests, and one malformed request
    (a TLS hello sent to plain HTTP, as scanners do), in three formats."""
    with started(keep_logs=True) as server:
        base = base_url(server)
        for path in ("/ok", "/ok", "/missing", "/auth", "/moved", "/busy", "/okay", "/nowhere"):
            subprocess.run(["curl", "-s", "-o", "/dev/null", f"{base}{path}"], check=False)
        with socket.create_connection(("127.0.0.1", server.server_address[1])) as raw:
            raw.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n")
            raw.recv(4096)
        subprocess.run(["curl", "-s", "-o", "/dev/null", f"{base}/ok"], check=False)
    assert server.access_log is not None
    for name, lines in (
        ("http-server-access.log", server.access_log),
        ("json-status.log", server.json_log),
        ("json-ecs.log", server.ecs_log),
    ):
        (HERE / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


if __name__ == "__main__":
    main()
