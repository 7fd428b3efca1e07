"""Domain errors, the exit codes they map to, and making user text safe to echo.

Errors carry a message key and parameters, not a sentence: app.py words them in the reader's
language at the edge.
"""

import errno
from enum import IntEnum


class ExitCode(IntEnum):
    """The documented exit statuses (README, Exit codes)."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2
    DATA = 3
    OUTPUT = 4
    INPUT = 5


class HscError(Exception):
    """Base of every error hsc reports to the user as one line on stderr."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params


class UsageError(HscError):
    """The user asked for something malformed (a code out of range, an unknown language)."""

    exit_code = ExitCode.USAGE


class NotFound(HscError):
    """A well-formed query that matches nothing."""

    exit_code = ExitCode.NOT_FOUND


class DataError(HscError):
    """Bundled data is missing or damaged: a broken file, a missing key."""

    exit_code = ExitCode.DATA

    def __init__(self, detail: str) -> None:
        super().__init__("err_data", detail=detail)
        self.detail = detail


class OutputError(HscError):
    """What hsc wrote could not be written: stdout closed, a full disk, a lost terminal."""

    exit_code = ExitCode.OUTPUT

    def __init__(self, error: OSError) -> None:
        if error.errno == errno.EBADF:
            super().__init__("err_output_closed")
        elif error.errno == errno.ENOSPC:
            super().__init__("err_output_full")
        else:
            super().__init__("err_output", reason=error.strerror or str(error))


def visible(text: str) -> str:
    """Show control and bidi-override characters as escapes, so echoed input cannot steer
    the terminal (ESC sequences, OSC titles, U+202E) or break a line."""
    if text.isprintable():  # no Cc, Cf, Cs, Co: the common case costs one C call
        return text
    if text.replace("\u200c", "").replace("\u200d", "").isprintable():
        return text  # Persian: joiners are format characters, but harmless and meant
    import unicodedata

    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cs", "Co") or ch in _BIDI_CONTROLS
        else ch
        for ch in text
    )


_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


class InputError(HscError):
    """A file given to read cannot be read, in whole or in part: missing, a directory, not
    allowed, a truncated gzip stream. What could be read is still shown."""

    exit_code = ExitCode.INPUT
