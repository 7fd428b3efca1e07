"""Counting status codes in a log as it streams past, in large chunks: one ``findall`` and one
``count`` a chunk, so the work per line happens in C. A large plain file is split at line
boundaries and counted by several processes at once; memory stays flat whatever the size."""

import marshal
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from httpstat_cli import registry
from httpstat_cli.errors import InputError
from httpstat_cli.intake import formats, sources
from httpstat_cli.intake.formats import LogFormat
from httpstat_cli.registry import StatusCode

Progress = Callable[[int], None]  # told how many more bytes of the input were read
# Below this, starting processes costs more than it saves.
PARALLEL_MIN = 1 << 25
MAX_WORKERS = 4


class Tally:
    """Codes counted in one or more inputs. ``targets`` holds the second code of formats
    that have one (an ALB log: what the target answered), else None. A line counts as
    without code when it holds none in the format, or only a number outside 100-599."""

    __slots__ = ("codes", "error", "format", "lines", "target_lines", "targets")

    def __init__(self, log_format: LogFormat | None = None) -> None:
        self.format = log_format
        self.error: InputError | None = None  # the input was damaged: counts stop there
        self.codes: Counter[int] = Counter()
        self.targets: Counter[int] | None = Counter() if log_format and log_format.pairs else None
        self.lines = 0
        self.target_lines = 0

    @property
    def counted(self) -> int:
        return sum(self.codes.values())

    @property
    def without_code(self) -> int:
        return self.lines - self.counted

    @property
    def targets_without_code(self) -> int:
        return self.lines - sum(self.targets.values()) if self.targets is not None else 0

    def add(self, other: "Tally") -> None:
        self.codes.update(other.codes)
        self.lines += other.lines
        if other.targets is not None:
            if self.targets is None:
                self.targets = Counter()
            self.targets.update(other.targets)
        if self.format is None:
            self.format = other.format
        self.error = self.error or other.error


class _Raw:
    """Counts keyed by the matched bytes, turned into numbers once at the end."""

    __slots__ = ("codes", "lines", "targets")

    def __init__(self) -> None:
        self.codes: Counter[bytes] = Counter()
        self.targets: Counter[bytes] = Counter()
        self.lines = 0

    def feed(self, chunk: bytes, log_format: LogFormat | None) -> None:
        self.lines += chunk.count(b"\n") + (not chunk.endswith(b"\n"))
        if log_format is None:
            return
        found = log_format.pattern_for(chunk).findall(chunk)
        if log_format.pairs:
            self.codes.update(pair[0] for pair in found)
            self.targets.update(pair[1] for pair in found)
        else:
            self.codes.update(found)

    def as_data(self) -> bytes:
        return marshal.dumps((dict(self.codes), dict(self.targets), self.lines))

    def merge_data(self, data: bytes) -> None:
        codes, targets, lines = marshal.loads(data)
        self.codes.update(codes)
        self.targets.update(targets)
        self.lines += lines

    def result(self, log_format: LogFormat | None) -> Tally:
        tally = Tally(log_format)
        tally.lines = self.lines
        tally.codes = _numbers(self.codes)
        if tally.targets is not None:
            tally.targets = _numbers(self.targets)
        return tally


def _numbers(raw: Counter[bytes]) -> Counter[int]:
    counts: Counter[int] = Counter()
    for key, count in raw.items():
        if key.isdigit() and 100 <= int(key) <= 599:
            counts[int(key)] += count
    return counts


def count_chunks(
    chunks: Iterator[bytes], log_format: LogFormat | None, progress: Progress | None = None
) -> Tally:
    """Count whole-line chunks; with no format given, the first chunk's lines decide it."""
    raw = _Raw()
    damage = None
    try:
        for chunk in chunks:
            if log_format is None and raw.lines == 0:
                log_format = formats.detect(chunk[:65536])
            raw.feed(chunk, log_format)
            if progress is not None:
                progress(len(chunk))
    except InputError as error:
        if raw.lines == 0 and error.key != "err_input_truncated_gzip":
            raise  # nothing was read: the input could not be opened
        damage = error
    tally = raw.result(log_format)
    tally.error = damage
    return tally


def tally_path(
    path: str,
    stdin: sources.ByteStream,
    log_format: LogFormat | None,
    progress: Progress | None = None,
    workers: int = 1,
) -> Tally:
    """Count one input: ``-`` for stdin, a .gz file, or a plain file, split between up to
    ``workers`` processes when it is large."""
    if path != sources.STDIN and not sources.is_gzip(path) and workers > 1:
        size = sources.check_readable(path)
        if size >= PARALLEL_MIN and hasattr(os, "fork"):
            return _parallel(path, size, log_format, min(workers, MAX_WORKERS), progress)
    return count_chunks(sources.open_chunks(path, stdin), log_format, progress)


def _parallel(
    path: str, size: int, log_format: LogFormat | None, workers: int, progress: Progress | None
) -> Tally:
    try:
        with open(path, "rb") as handle:
            if log_format is None:
                log_format = formats.detect(handle.read(65536))
            bounds = _line_bounds(handle, size, workers)
    except OSError as error:
        raise InputError("err_input_unreadable", file=path, reason=error.strerror) from None
    children = [_fork_counter(path, start, end, log_format) for start, end in bounds[1:]]
    raw = _Raw()
    failed = False
    try:
        start, end = bounds[0]
        for chunk in _range_chunks(path, start, end):
            raw.feed(chunk, log_format)
            if progress is not None:
                progress(len(chunk) * len(bounds))
    finally:
        for pid, reader in children:
            data = _read_all(reader)
            os.waitpid(pid, 0)
            if data:
                raw.merge_data(data)
            else:
                failed = True
    if failed:
        raise InputError("err_input_unreadable", file=path, reason="read error")
    return raw.result(log_format)


def _line_bounds(handle: BinaryIO, size: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` byte ranges that cover the file and each begin at the start of a line."""
    starts = [0]
    for index in range(1, parts):
        handle.seek(size * index // parts)
        handle.readline(sources.MAX_LINE)  # the rest of the line belongs to the range before
        position = handle.tell()
        if starts[-1] < position < size:
            starts.append(position)
    ends = [*starts[1:], size]
    return list(zip(starts, ends, strict=True))


def _range_chunks(path: str, start: int, end: int) -> Iterator[bytes]:
    with open(path, "rb", buffering=0) as handle:
        handle.seek(start)
        yield from sources.whole_lines(sources.raw_chunks(handle, limit=end - start))


def _fork_counter(path: str, start: int, end: int, log_format: LogFormat | None) -> tuple[int, int]:
    """A child process that counts one range and writes its counts to a pipe."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    status = 1
    try:
        os.close(reader)
        raw = _Raw()
        for chunk in _range_chunks(path, start, end):
            raw.feed(chunk, log_format)
        data = raw.as_data()
        while data:
            data = data[os.write(writer, data) :]
        status = 0
    finally:
        os._exit(status)  # never return into the parent's code


def _read_all(reader: int) -> bytes:
    pieces = []
    while piece := os.read(reader, 1 << 16):
        pieces.append(piece)
    os.close(reader)
    return b"".join(pieces)


def merge(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total.add(tally)
    return total


# Whose unofficial codes a log of each format holds, most likely first (499 in an nginx log
# is nginx's, not Esri's).
_LOG_VENDORS = {
    "combined": ("nginx", "Apache HTTP Server", "Apache / cPanel"),
    "alb": ("AWS Elastic Load Balancing",),
}


def entry_in_log(code: int, log_format: LogFormat | None) -> StatusCode | None:
    """The meaning of a code met in a log: the registered one, else the vendor the log's
    format points to, else the first vendor's; None for a number nobody defines. A meaning
    that travels in a response body (Esri's 499 in a 200) is never a logged status."""
    entries = registry.by_code(code)
    if not entries or entries[0].official:
        return entries[0] if entries else None
    entries = tuple(entry for entry in entries if not entry.in_body) or entries
    wanted = _LOG_VENDORS.get(log_format.name if log_format else "", ())
    for vendor in wanted:
        for entry in entries:
            if entry.vendor == vendor:
                return entry
    return entries[0]
