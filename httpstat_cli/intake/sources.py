"""Opening what hsc is asked to read: a file, a gzip file, or stdin, as a stream of chunks
that end on whole lines, whatever the size of the file or of its lines."""

import os
import stat
import zlib
from collections.abc import Iterator
from typing import Protocol

from httpstat_cli.errors import InputError

# Small enough to stay in the processor's cache between the passes over it (find the codes,
# count the lines), and below the size from which each allocation maps fresh memory.
CHUNK = 1 << 16
# A line longer than this is cut: its start is read, the rest skipped up to its end. Codes sit
# near the start of every format hsc knows; this keeps memory flat for a file with no newline.
MAX_LINE = 1 << 24
GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS
STDIN = "-"


class ByteStream(Protocol):
    """What hsc reads from: stdin's binary buffer, a file, or a Prefixed stream."""

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


class Prefixed:
    """A stream whose first bytes were already read (to see what it holds), put back in front."""

    def __init__(self, start: bytes, rest: ByteStream) -> None:
        self.start = start
        self.rest = rest

    def read(self, size: int = -1, /) -> bytes:
        if not self.start:
            return self.rest.read(size)
        if size < 0:
            data, self.start = self.start + self.rest.read(), b""
            return data
        data, self.start = self.start[:size], self.start[size:]
        return data

    def readline(self, size: int = -1, /) -> bytes:
        if not self.start:
            return self.rest.readline(size)
        end = self.start.find(b"\n") + 1 or len(self.start)
        if 0 <= size < end:
            end = size
        line, self.start = self.start[:end], self.start[end:]
        if not line.endswith(b"\n") and not self.start and (size < 0 or len(line) < size):
            line += self.rest.readline(size - len(line) if size >= 0 else -1)
        return line


def display_name(path: str) -> str:
    return "stdin" if path == STDIN else path


def check_readable(path: str) -> int:
    """The file's size in bytes; InputError (naming the file) when it cannot be read."""
    if path == STDIN:
        return 0
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError("err_input_missing", file=path) from None
    except OSError as error:
        raise InputError("err_input_unreadable", file=path, reason=error.strerror) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("err_input_directory", file=path)
    return info.st_size


def is_gzip(path: str) -> bool:
    return path.endswith(".gz")


def raw_chunks(handle: ByteStream, first: bytes = b"", limit: int | None = None) -> Iterator[bytes]:
    """Blocks of ``handle`` as they come, ``first`` (already read) before them; at most
    ``limit`` bytes in all when given."""
    left = limit
    if first:
        yield first
    while left is None or left > 0:
        block = handle.read(CHUNK if left is None else min(CHUNK, left))
        if not block:
            return
        if left is not None:
            left -= len(block)
        yield block


def gunzip(blocks: Iterator[bytes], name: str) -> Iterator[bytes]:
    """Decompressed blocks of a gzip stream (several members one after the other too), never
    more than CHUNK at once however well it compresses; InputError at the end when the stream
    is cut short or is not gzip, after everything before the damage was yielded."""
    decompressor = zlib.decompressobj(_GZIP_WBITS)
    member_open = False
    try:
        for block in blocks:
            data = block
            while data:
                member_open = True
                out = decompressor.decompress(data, CHUNK)
                if out:
                    yield out
                data = decompressor.unconsumed_tail
                if decompressor.eof:
                    data = decompressor.unused_data.lstrip(b"\0")  # padding after a member
                    decompressor = zlib.decompressobj(_GZIP_WBITS)
                    member_open = False
        tail = decompressor.flush()
        if tail:
            yield tail
    except zlib.error:
        raise InputError("err_input_bad_gzip", file=name) from None
    if member_open and not decompressor.eof:
        raise InputError("err_input_truncated_gzip", file=name)


def whole_lines(blocks: Iterator[bytes]) -> Iterator[bytes]:
    """Blocks cut after their last newline, the rest carried into the next; the last block
    may lack a final newline. A line longer than MAX_LINE keeps its first MAX_LINE bytes."""
    carry: list[bytes] = []
    carried = 0
    skipping = False
    for block in blocks:
        if skipping:
            end = block.find(b"\n")
            if end < 0:
                continue
            block = block[end + 1 :]
            skipping = False
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            carry.append(block)
            carried += len(block)
            if carried > MAX_LINE:
                yield b"".join(carry)[:MAX_LINE] + b"\n"
                carry, carried, skipping = [], 0, True
            continue
        if carry:
            carry.append(block[:cut])
            yield b"".join(carry)
        else:
            yield block if cut == len(block) else block[:cut]
        carry = [block[cut:]] if cut < len(block) else []
        carried = len(block) - cut
    if carry:
        yield b"".join(carry)


def open_chunks(path: str, stdin: ByteStream) -> Iterator[bytes]:
    """Whole-line chunks of a file (gunzipped when it ends in .gz), or of stdin when ``path``
    is ``-`` (gunzipped when it starts like gzip)."""
    name = display_name(path)
    if path == STDIN:
        first = stdin.read(CHUNK)
        blocks = raw_chunks(stdin, first)
        if first.startswith(GZIP_MAGIC):
            blocks = gunzip(blocks, name)
        yield from whole_lines(blocks)
        return
    check_readable(path)
    try:
        with open(path, "rb", buffering=0) as handle:
            blocks = raw_chunks(handle)
            if is_gzip(path):
                blocks = gunzip(blocks, name)
            yield from whole_lines(blocks)
    except OSError as error:
        raise InputError("err_input_unreadable", file=name, reason=error.strerror) from None
