"""Long output at a terminal through a pager, as git does it; loaded only for output taller
than the screen, so that a lookup never pays for it."""

import contextlib
import os
import shlex
import signal
import subprocess
from typing import IO


def page(text: str, command: str, stream: IO[str]) -> None:
    """Show ``text`` through ``command`` (less gets -FRX through LESS unless the reader set
    LESS), or write it to ``stream`` when the pager cannot start."""
    try:
        argv = shlex.split(command)
        pager = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=stream,
            env={"LESS": "FRX", "LV": "-c", **os.environ},
            encoding=getattr(stream, "encoding", None) or "utf-8",
            errors="replace",
        )
    except (OSError, ValueError, IndexError):  # not installed, not runnable, no words
        stream.write(text)
        stream.flush()
        return
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert pager.stdin is not None  # Popen with stdin=PIPE always has it
        with contextlib.suppress(BrokenPipeError):  # the reader quit before the end
            pager.stdin.write(text)
        with contextlib.suppress(BrokenPipeError):
            pager.stdin.close()
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
