"""annotate as a live filter, in a real process: each line comes out while the input pipe
stays open, into a pipe and at a terminal (a pty), where escapes are shown, never obeyed.
And hypothesis feeding random bytes to check, tally, annotate and a bare hsc."""

import os
import select
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from httpstat_cli.cli import cli

TIMEOUT = 10.0
LINE = b'1.2.3.4 - - [01/Dec/2026:08:00:00 +0000] "GET / HTTP/1.1" 503 0 "-" "curl"\n'
HOSTILE = b'1.2.3.4 - - [x] "GET /\x1b]0;owned\x07 HTTP/1.1" 404 0 "-" "\x1b[2J"\n'


@contextmanager
def annotate(stdout: int, **env: str) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """hsc annotate with stdin a pipe we hold open; yields the process and the pipe's end."""
    reader, writer = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "httpstat_cli", "annotate"],
        stdin=reader,
        stdout=stdout,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "200", **env},
    )
    os.close(reader)
    try:
        yield process, writer
    finally:
        os.close(writer)
        process.wait(TIMEOUT)


def read_until(fd: int, wanted: bytes) -> bytes:
    """What ``fd`` gives until ``wanted`` has appeared; fails after TIMEOUT seconds."""
    seen = b""
    while wanted not in seen:
        ready, _, _ = select.select([fd], [], [], TIMEOUT)
        assert ready, f"nothing more within {TIMEOUT} s; got {seen!r}"
        seen += os.read(fd, 4096)
    return seen


def test_each_line_comes_out_of_a_pipe_while_the_input_stays_open() -> None:
    out_reader, out_writer = os.pipe()
    with annotate(out_writer) as (_, writer):
        os.close(out_writer)
        os.write(writer, LINE)
        assert read_until(out_reader, b"\n") == LINE[:-1] + b"\t503 Service Unavailable\n"
        os.write(writer, b"HTTP/1.1 404 Not Found\n")
        assert read_until(out_reader, b"\n") == b"HTTP/1.1 404 Not Found\t404 Not Found\n"
    os.close(out_reader)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_at_a_terminal_lines_stream_and_escapes_are_shown_not_obeyed() -> None:
    master, slave = os.openpty()
    with annotate(slave, NO_COLOR="1", TERM="xterm") as (_, writer):
        os.close(slave)
        os.write(writer, LINE)
        first = read_until(master, b"Service Unavailable")
        assert b"503" in first
        os.write(writer, HOSTILE)
        second = read_until(master, b"Not Found")
        assert b"\x1b" not in first + second and b"\x07" not in second
        assert b"\\x1b]0;owned\\x07" in second and b"\\x1b[2J" in second
    os.close(master)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_at_a_colour_terminal_only_hsc_s_own_escapes_reach_it() -> None:
    master, slave = os.openpty()
    with annotate(slave, TERM="xterm", FORCE_COLOR="1") as (_, writer):
        os.close(slave)
        os.write(writer, HOSTILE)
        shown = read_until(master, b"Not Found")
        assert b"\x1b]0;" not in shown and b"\x1b[2J" not in shown and b"\x07" not in shown
        assert b"\x1b[" in shown  # the code's colour
    os.close(master)


RUNS = [
    ["check"],
    ["check", "--format", "json"],
    ["tally"],
    ["tally", "--format", "json"],
    ["tally", "--format", "table"],
    ["annotate"],
    ["annotate", "--format", "table"],
    ["annotate", "--format", "json"],
    [],
]
chunks = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(
        [
            b"HTTP/1.1 ",
            b"404",
            b"\n",
            b"\r\n",
            b'" 200 ',
            b"< HTTP/2 301\r\n< Location: ",
            b"Retry-After: ",
            b'{"status": ',
            b"\x1f\x8b",
            b"\xff\xfe",
            b"\x1b[31m",
            b"999",
            b"  HTTP/1.0 100 Continue\n",
        ]
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argv=st.sampled_from(RUNS), pieces=st.lists(chunks, max_size=12))
def test_random_bytes_never_end_in_a_traceback(argv: list[str], pieces: list[bytes]) -> None:
    result = CliRunner().invoke(cli, argv, input=b"".join(pieces), prog_name="hsc")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1, 2, 5)
    if result.exit_code:
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
