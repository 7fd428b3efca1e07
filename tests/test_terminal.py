"""hsc in a real terminal (a pty of a given size): the pager for long output, and the width of
output piped from a terminal. Each run is a fresh interpreter, as a person would start it."""

import fcntl
import os
import shlex
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from tests.test_completion import needs

HSC = [sys.executable, "-m", "httpstat_cli"]


class Screen:
    """What a run wrote to the terminal, what it wrote to a pipe (when stdout was one), and
    its exit status."""

    def __init__(self, status: int, terminal: str, piped: str) -> None:
        self.status = status
        self.terminal = terminal
        self.piped = piped


def in_terminal(
    args: list[str], env: dict[str, str], columns: int = 80, lines: int = 24, pipe: bool = False
) -> Screen:
    """Run hsc with stdin, stderr and (unless ``pipe``) stdout on a pty of that size."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the pty closes when the last process lets go of it
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    stdout = subprocess.PIPE if pipe else slave
    process = subprocess.Popen([*HSC, *args], stdin=slave, stdout=stdout, stderr=slave, env=env)
    os.close(slave)
    piped = process.stdout.read().decode() if process.stdout else ""
    status = process.wait(timeout=60)
    reader.join(timeout=10)
    os.close(master)
    return Screen(status, b"".join(chunks).decode().replace("\r\n", "\n"), piped)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A neutral environment whose pager writes what it is given to a file."""
    keep = ("PATH", "HOME", "PYTHONPATH", "VIRTUAL_ENV")
    environ = {name: os.environ[name] for name in keep if name in os.environ}
    recorder = "import sys; open(sys.argv[1], 'w').write(sys.stdin.read())"
    command = shlex.join([sys.executable, "-c", recorder, str(tmp_path / "paged")])
    return {**environ, "LANG": "C.UTF-8", "TERM": "xterm", "HSC_PAGER": command}


def paged(env: dict[str, str]) -> str | None:
    path = Path(shlex.split(env["HSC_PAGER"])[-1])
    return path.read_text() if path.exists() else None


@pytest.mark.parametrize("args", [["explain", "503"], ["list"], ["list", "4xx"]])
def test_output_taller_than_the_screen_goes_through_the_pager(
    env: dict[str, str], args: list[str]
) -> None:
    screen = in_terminal([*args, "--no-color"], env, lines=24)
    assert screen.status == 0
    shown = paged(env)
    assert shown is not None and shown.count("\n") >= 24
    assert shown.split("\n")[0] not in screen.terminal


def test_output_that_fits_the_screen_is_not_paged(env: dict[str, str]) -> None:
    screen = in_terminal(["explain", "503", "--no-color"], env, lines=200)
    assert paged(env) is None
    assert "503  Service Unavailable" in screen.terminal


def test_no_pager_prints_long_output_at_once(env: dict[str, str]) -> None:
    screen = in_terminal(["explain", "503", "--no-pager", "--no-color"], env, lines=24)
    assert paged(env) is None
    assert "503  Service Unavailable" in screen.terminal


@pytest.mark.parametrize("command", ["", "cat"])
def test_a_pager_set_empty_or_to_cat_means_none(env: dict[str, str], command: str) -> None:
    screen = in_terminal(["list", "--no-color"], {**env, "HSC_PAGER": command}, lines=24)
    assert screen.status == 0
    assert "599" in screen.terminal


def test_pager_falls_back_to_pager_from_the_environment(env: dict[str, str]) -> None:
    environ = {**env, "PAGER": env.pop("HSC_PAGER")}
    in_terminal(["explain", "503", "--no-color"], environ, lines=24)
    assert paged({"HSC_PAGER": environ["PAGER"]}) is not None


def test_a_pager_that_cannot_start_leaves_the_output_on_the_screen(env: dict[str, str]) -> None:
    missing = {**env, "HSC_PAGER": "/nonexistent/pager -R"}
    screen = in_terminal(["explain", "503", "--no-color"], missing, lines=24)
    assert screen.status == 0
    assert "503  Service Unavailable" in screen.terminal
    assert "Traceback" not in screen.terminal


def test_a_lookup_is_never_paged(env: dict[str, str]) -> None:
    screen = in_terminal(["4xx", "--no-color"], env, lines=10)
    assert paged(env) is None
    assert "451" in screen.terminal


def test_piped_output_is_never_paged(env: dict[str, str]) -> None:
    screen = in_terminal(["explain", "503"], env, lines=10, pipe=True)
    assert paged(env) is None
    assert screen.piped.startswith("503 Service Unavailable\n")


@pytest.mark.parametrize("columns", [40, 60])
def test_piped_output_wraps_to_the_terminal_it_is_read_in(
    env: dict[str, str], columns: int
) -> None:
    screen = in_terminal(["explain", "494"], env, columns=columns, pipe=True)
    widths = [len(line) for line in screen.piped.splitlines()]
    assert max(widths) <= columns
    assert max(widths) > columns - 10


def test_piped_output_follows_columns_when_set(env: dict[str, str]) -> None:
    screen = in_terminal(["explain", "494"], {**env, "COLUMNS": "70"}, columns=40, pipe=True)
    assert 60 < max(len(line) for line in screen.piped.splitlines()) <= 70


def test_piped_output_without_a_terminal_wraps_at_80(env: dict[str, str]) -> None:
    done = subprocess.run(
        [*HSC, "explain", "494"], env=env, capture_output=True, text=True, check=True
    )
    assert 70 < max(len(line) for line in done.stdout.splitlines()) <= 80


@pytest.mark.parametrize("columns", [80, 100])
def test_a_table_fills_the_terminal(env: dict[str, str], columns: int) -> None:
    screen = in_terminal(["418", "--no-color"], env, columns=columns)
    assert max(len(line) for line in screen.terminal.splitlines()) == columns


def _tmux_screen(session: str, expect: str) -> str:
    """The pane once ``expect`` shows on it; this waits for the program, it times nothing."""
    screen = ""
    for _ in range(100):
        screen = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if expect in screen:
            break
        time.sleep(0.1)
    return screen


@needs("tmux")
@needs("less")
def test_the_default_pager_is_less_and_quits_on_q(env: dict[str, str], tmp_path: Path) -> None:
    del env["HSC_PAGER"]
    session = f"hsc-pager-{os.getpid()}"
    command = shlex.join([*HSC, "explain", "503", "--no-color"]) + "; echo finished-$?; sleep 30"
    setting = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            session,
            f"env -i {setting} sh -c {shlex.quote(command)}",
        ],
        check=True,
    )
    try:
        first = _tmux_screen(session, "503  Service Unavailable")
        assert "503  Service Unavailable" in first and "finished-" not in first
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
        assert "finished-0" in _tmux_screen(session, "finished-")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
