"""Annotating a log line by line: each line with the meaning of its code added, exactly as
read for a pipe, with control characters made visible for a terminal."""

import os
import stat
from collections.abc import Iterator

from httpstat_cli.errors import visible
from httpstat_cli.intake import formats, sources
from httpstat_cli.intake.formats import LogFormat

Found = tuple[int, int, int]  # code, start, end in the line


class LineReader:
    """Remembers the format of the last line that held a code, and tries it first."""

    def __init__(self, log_format: LogFormat | None = None) -> None:
        self.format = log_format

    def find(self, line: bytes) -> Found | None:
        found = formats.line_code(line, self.format)
        if found is None:
            return None
        log_format, start, end = found
        self.format = log_format
        return int(line[start:end]), start, end


def split_ending(line: bytes) -> tuple[bytes, bytes]:
    """A line and its terminator (``\\r\\n``, ``\\n`` or nothing)."""
    if line.endswith(b"\r\n"):
        return line[:-2], b"\r\n"
    if line.endswith(b"\n"):
        return line[:-1], b"\n"
    return line, b""


def for_pipe(line: bytes, found: Found | None, title: str) -> bytes:
    """The line's bytes unchanged, then a tab, the code and its title before the ending."""
    if found is None:
        return line
    body, ending = split_ending(line)
    code = str(found[0]).encode("ascii")
    return body + b"\t" + code + b" " + title.encode("utf-8", "replace") + ending


def for_terminal(line: bytes, found: Found | None) -> tuple[str, str, str]:
    """Text before the code, the code, and text after it, decoded (undecodable bytes as
    ``\\xff``) with control characters and escape sequences shown as escapes."""
    body, _ = split_ending(line)
    if found is None:
        return _shown(body), "", ""
    _, start, end = found
    return _shown(body[:start]), _shown(body[start:end]), _shown(body[end:])


def _shown(raw: bytes) -> str:
    return visible(raw.decode("utf-8", "backslashreplace"))


def is_live(stream: object) -> bool:
    """Whether input arrives as it is written (a pipe, a terminal), so each line is passed on
    at once rather than in blocks."""
    try:
        return not stat.S_ISREG(os.fstat(stream.fileno()).st_mode)  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return False


def lines_of(path: str, stdin: sources.ByteStream) -> Iterator[bytes]:
    """Lines with their endings, as they arrive: stdin a line at a time (``tail -f``), files
    in whole-line chunks. A line longer than MAX_LINE comes in pieces."""
    if path == sources.STDIN and not _gzip_start(stdin):
        while line := stdin.readline(sources.MAX_LINE):
            yield line
        return
    for chunk in sources.open_chunks(path, stdin):
        start = 0
        while start < len(chunk):
            end = chunk.find(b"\n", start) + 1 or len(chunk)
            yield chunk[start:end]
            start = end


def _gzip_start(stdin: object) -> bool:
    peek = getattr(stdin, "peek", None)
    if peek is None:
        return False
    try:
        return bool(peek(2)[:2] == sources.GZIP_MAGIC)
    except (OSError, ValueError):
        return False
