"""Record the samples in this directory: run curl, wget and HTTPie against the local test
server and save what they print. Run from the repository root:

    .venv/bin/python -m tests.samples.capture [path/to/http]

Only 127.0.0.1 is contacted. The port changes from run to run; the tests do not depend on it.
"""

import subprocess
import sys
from pathlib import Path

from tests.samples.server import serving

HERE = Path(__file__).resolve().parent


def record(name: str, argv: list[str], stderr: bool = False) -> None:
    done = subprocess.run(argv, capture_output=True, check=False)
    (HERE / name).write_bytes(done.stdout + (done.stderr if stderr else b""))


def main() -> None:
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


if __name__ == "__main__":
    main()
