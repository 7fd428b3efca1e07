"""Log formats: where each one keeps the status code, as one compiled bytes pattern a format.

Each pattern matches at most once a line (it consumes the rest of the line), so that counting
a chunk is one ``findall`` in C, never a Python loop over lines. Group 1 is the code; ALB logs
have a group 2, the target's code, ``-`` when no target answered.
"""

import re
from functools import cache

# The status follows the request's closing quote; an escaped quote inside the request
# (Apache writes \") does not close it.
_COMBINED = rb'" (\d{3})(?=[ \r\n]|\Z)[^\n]*'
# The look-behind costs the pattern its fast search for the literal quote: used only for
# chunks that hold an escaped quote before a number, which almost none do.
_COMBINED_EXACT = rb'(?<!\\)" (\d{3})(?=[ \r\n]|\Z)[^\n]*'
_JSON_KEYS = (b"status", b"status_code", b"statusCode", b"http.response.status_code")
# AWS Application Load Balancer: type time elb client:port target:port three timings, then the
# load balancer's code and the target's.
_ALB = rb"(?m)^(?:https?|h2|wss?|grpcs?) \S+ \S+ \S+ \S+ \S+ \S+ \S+ (\d{3}|-) (\d{3}|-) [^\n]*"
_STATUS_LINE = rb"HTTP/\d(?:\.\d)? (\d{3})(?=[ \r\n]|\Z)[^\n]*"
_BARE = rb"(?m)^[ \t]*(\d{3})[ \t\r]*$"

NAMES = ("json", "alb", "combined", "status-line", "bare")


class LogFormat:
    """A named pattern; ``pairs`` when each match gives two codes (the load balancer's and
    the target's)."""

    __slots__ = ("exact", "name", "pairs", "pattern")

    def __init__(
        self, name: str, pattern: bytes, pairs: bool = False, exact: bytes | None = None
    ) -> None:
        self.name = name
        self.pattern = re.compile(pattern)
        self.pairs = pairs
        self.exact = re.compile(exact) if exact is not None else None

    def pattern_for(self, chunk: bytes) -> "re.Pattern[bytes]":
        """The fast pattern, or the exact one for a chunk where they could differ."""
        if self.exact is not None and b"\\" in chunk and b'\\" ' in chunk:
            return self.exact
        return self.pattern

    def __repr__(self) -> str:
        return f"LogFormat({self.name!r})"


def _json_pattern(keys: tuple[bytes, ...]) -> bytes:
    names = b"|".join(re.escape(key) for key in keys)
    return rb'"(?:' + names + rb')"[ \t]*:[ \t]*"?(\d{3})(?=[",} \t\r\n]|\Z)[^\n]*'


@cache
def builtin(name: str) -> LogFormat:
    patterns = {
        "json": _json_pattern(_JSON_KEYS),
        "alb": _ALB,
        "combined": _COMBINED,
        "status-line": _STATUS_LINE,
        "bare": _BARE,
    }
    exact = _COMBINED_EXACT if name == "combined" else None
    return LogFormat(name, patterns[name], pairs=name == "alb", exact=exact)


def for_field(field: str) -> LogFormat:
    """``--field``: a number names a whitespace-separated column (1 is the first, as in awk),
    anything else a JSON field; of a dotted path (``http.response.status_code``) the flat
    key and its last part both count."""
    if field.isascii() and field.isdigit() and 0 < int(field) <= 1000:
        before = rb"(?:\S+[ \t]+)" + b"{%d}" % (int(field) - 1)
        return LogFormat(
            f"column {int(field)}",
            rb"(?m)^[ \t]*" + before + rb"(\d{3})(?=[ \t\r\n]|\Z)[^\n]*",
        )
    key = field.encode("utf-8", "surrogateescape")
    keys = (key, key.rsplit(b".", 1)[-1]) if b"." in key else (key,)
    return LogFormat(f"json field {field}", _json_pattern(keys))


def detect(sample: bytes) -> LogFormat | None:
    """The format most of the first lines are in (the first named in ``NAMES`` on a tie), or
    None when no line holds a code in any format."""
    lines = [line for line in sample.split(b"\n")[:50] if line.strip()]
    best: LogFormat | None = None
    best_hits = 0
    for name in NAMES:
        candidate = builtin(name)
        hits = sum(1 for line in lines if candidate.pattern_for(line).search(line))
        if hits > best_hits:
            best, best_hits = candidate, hits
    return best


def line_code(line: bytes, preferred: LogFormat | None = None) -> tuple[LogFormat, int, int] | None:
    """The format one line is in and where its code sits (start, end), trying ``preferred``
    first and then every format: the lines of a live log may change format when a service
    restarts."""
    candidates = [preferred] if preferred is not None else []
    candidates += [builtin(name) for name in NAMES]
    for candidate in candidates:
        found = candidate.pattern_for(line).search(line)
        if found is not None and found.group(1) != b"-" and 100 <= int(found.group(1)) <= 599:
            return candidate, found.start(1), found.end(1)
    return None
