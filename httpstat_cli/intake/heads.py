"""Response heads as curl, wget and HTTPie print them, and what their fields say about the code.

Reads ``curl -sI`` and ``-i`` (a head, then maybe a body), ``curl -v`` (``< `` lines among
``> `` request lines and ``* `` notes), ``curl -L`` chains, ``wget -S`` (indented heads among
wget's own lines), ``http --headers``, or a bare status line. A head ends at a blank line or
at the first line not written the way its status line was (another prefix or indentation).
"""

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from httpstat_cli import registry
from httpstat_cli.errors import InputError
from httpstat_cli.registry import Header, StatusCode

_STATUS = re.compile(r"HTTP/(\d(?:\.\d)?) +(\d{3})(?:[ \t]+(.*?))?[ \t]*\Z")
_FIELD = re.compile(r"([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*\Z")
_REQUEST = re.compile(r"([A-Z]+) (\S+) HTTP/\d(?:\.\d)?\Z")
_WGET_URL = re.compile(r"--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  (\S+)\Z")
_CURL_NEXT = re.compile(r"\* Issue another request to this URL: '([^']+)'")
_DELAY = re.compile(r"\d{1,10}\Z")
# The requirement levels a missing field is reported for; others (such as "none") only
# relate a field to the code.
REPORTED_REQUIREMENTS = ("MUST", "SHOULD", "MAY")
# A tie that holds under a condition a check cannot see is reported as such, not as missing.
CONDITIONAL_PROBLEMS = {"if-200-would": "missing_if_200", "determinable": "missing_if_determinable"}
# Ties of which one is enough: a 206 has Content-Range for one range, or a multipart body.
ALTERNATIVES = frozenset({"single-part", "multipart"})


class Head:
    """One response head: protocol version, code, the reason phrase as sent (None when the
    status line had none, as in HTTP/2), its fields in order, and the URL it answered when
    the input tells it."""

    __slots__ = ("code", "fields", "phrase", "url", "version")

    def __init__(self, version: str, code: int, phrase: str | None, url: str | None) -> None:
        self.version = version
        self.code = code
        self.phrase = phrase
        self.fields: list[tuple[str, str]] = []
        self.url = url

    def get(self, name: str) -> str | None:
        """The first value of a field, by case-insensitive name."""
        wanted = name.lower()
        return next((value for key, value in self.fields if key.lower() == wanted), None)

    def status_line(self) -> str:
        phrase = f" {self.phrase}" if self.phrase else ""
        return f"HTTP/{self.version} {self.code}{phrase}"


class _Reader:
    """The state of reading one text line by line."""

    def __init__(self, url: str | None) -> None:
        self.heads: list[Head] = []
        self.head: Head | None = None  # the head whose fields are being read
        self.channel = ""  # how the open head's lines begin: "< ", or indentation
        self.next_url = url
        self.target: str | None = None
        self.host: str | None = None
        self.secure = False

    def feed(self, raw: str) -> None:
        line = raw.rstrip("\r\n")
        if line.startswith(("<", ">", "*")) and line[1:2] in (" ", ""):
            channel, content = line[:2].ljust(2), line[2:].rstrip()
        else:
            content = line.strip()
            channel = line[: len(line) - len(line.lstrip())]
        if self.head is not None and (channel != self.channel or not content):
            self.head = None  # blank line, or a line of another kind: the head has ended
        if channel == "> ":
            self._request(content)
        elif channel == "* ":
            self._note(line)
        elif (status := _STATUS.match(content)) is not None:
            self._start(status, channel)
        elif self.head is not None and (field := _FIELD.match(content)) is not None:
            self.head.fields.append((field.group(1), field.group(2)))
        elif (wget := _WGET_URL.match(line)) is not None:
            self.next_url = wget.group(1)

    def _start(self, status: "re.Match[str]", channel: str) -> None:
        url = self._request_url() or self.next_url or self._followed()
        self.head = Head(status.group(1), int(status.group(2)), status.group(3) or None, url)
        self.heads.append(self.head)
        self.channel = channel
        if self.head.code >= 200:  # an interim response (100 Continue) answers the same request
            self.target = self.next_url = None

    def _request(self, content: str) -> None:
        if (request := _REQUEST.match(content)) is not None:
            self.target = request.group(2)
        elif content.lower().startswith("host:"):
            self.host = content[5:].strip()

    def _note(self, line: str) -> None:
        if (following := _CURL_NEXT.match(line)) is not None:
            self.next_url = following.group(1)
        elif "SSL connection" in line or "TLS" in line:
            self.secure = True

    def _request_url(self) -> str | None:
        if self.target is None:
            return None
        if "://" in self.target:
            return self.target
        if self.host is None:
            return None
        return f"{'https' if self.secure else 'http'}://{self.host}{self.target}"

    def _followed(self) -> str | None:
        """In a redirect chain without URLs (curl -sIL), the previous Location resolved."""
        if not self.heads:
            return None
        previous = self.heads[-1]
        location = previous.get("Location")
        if location is None or previous.url is None or not 300 <= previous.code < 400:
            return None
        return resolve(previous.url, location)


def read_heads(text: str, url: str | None = None) -> list[Head]:
    """Every response head in ``text``, in order; ``url`` is the first request's, if known."""
    reader = _Reader(url)
    for line in text.splitlines():
        reader.feed(line)
    return reader.heads


def read_heads_from(
    chunks: Iterator[bytes], url: str | None = None
) -> tuple[list[Head], InputError | None]:
    """The heads of a stream of whole-line chunks, and the damage that cut it short (a
    truncated gzip file), if any; what came before the damage is read."""
    reader = _Reader(url)
    try:
        for chunk in chunks:
            for line in chunk.decode("utf-8", "backslashreplace").splitlines():
                reader.feed(line)
    except InputError as error:
        if not reader.heads and error.key != "err_input_truncated_gzip":
            raise
        return reader.heads, error
    return reader.heads, None


def resolve(base: str | None, location: str) -> str | None:
    """Location read against the URL it answered: an absolute Location is itself; a relative
    one needs an absolute URL to read it against, else None."""
    try:
        if urlsplit(location).scheme:
            return location
    except ValueError:
        return None
    if not base or not urlsplit(base).scheme:
        return None
    try:
        return urljoin(base, location)
    except ValueError:
        return None


class Finding:
    """Something a head's fields say about its code: ``problem`` is ``missing`` (a field the
    code's entry ties to it is absent), ``missing_if_200`` (absent, and required only if a 200
    would have carried it), ``invalid`` (present, but unreadable), or
    ``phrase_differs`` and ``unregistered`` (about the status line; no header)."""

    __slots__ = ("header", "problem", "requirement", "value")

    def __init__(
        self, header: str | None, requirement: str | None, problem: str, value: str | None = None
    ) -> None:
        self.header = header
        self.requirement = requirement
        self.problem = problem
        self.value = value


class Reading:
    """A field's value made readable: a delay and the moment it ends (Retry-After), or the
    URL a Location resolves to."""

    __slots__ = ("at", "delay", "header", "resolved", "value")

    def __init__(self, header: str, value: str) -> None:
        self.header = header
        self.value = value
        self.delay: timedelta | None = None
        self.at: datetime | None = None
        self.resolved: str | None = None


def entry_for(code: int) -> StatusCode | None:
    """The registered meaning of a code, else the first vendor's, else None."""
    entries = registry.by_code(code)
    return entries[0] if entries else None


def findings(head: Head, entry: StatusCode | None) -> list[Finding]:
    if entry is None:
        return [Finding(None, None, "unregistered")]
    found = [
        Finding(tie.name, tie.requirement, CONDITIONAL_PROBLEMS.get(tie.when or "", "missing"))
        for tie in entry.headers
        if tie.requirement in REPORTED_REQUIREMENTS
        and tie.when != "multipart"  # only a multipart body says several ranges were sent
        and head.get(tie.name) is None
        and not _has_alternative(head, tie, entry)
    ]
    if head.phrase and entry.official and not _same_phrase(head.phrase, entry):
        found.append(Finding(None, None, "phrase_differs", head.phrase))
    retry_after = head.get("Retry-After")
    if retry_after is not None and _retry_delay(retry_after, head) is None:
        found.append(Finding("Retry-After", _tie(entry, "Retry-After"), "invalid", retry_after))
    return found


def _has_alternative(head: Head, tie: Header, entry: StatusCode) -> bool:
    """Whether a field that may stand in for ``tie`` was sent (206: either of two)."""
    return tie.when in ALTERNATIVES and any(
        head.get(other.name) is not None for other in entry.headers if other.when in ALTERNATIVES
    )


def _same_phrase(sent: str, entry: StatusCode) -> bool:
    def bare(text: str) -> str:
        return " ".join(text.casefold().split())

    return bare(sent) in {bare(entry.phrase), *map(bare, entry.former_phrases)}


def _tie(entry: StatusCode, name: str) -> str | None:
    return next((t.requirement for t in entry.headers if t.name.lower() == name.lower()), None)


def readings(head: Head, now: datetime | None = None) -> list[Reading]:
    """Retry-After and Location, made readable. A delay counts from the head's Date when it
    has one (so the moment is the server's), else from ``now``."""
    found = []
    retry_after = head.get("Retry-After")
    if retry_after is not None:
        delay = _retry_delay(retry_after, head, now)
        if delay is not None:
            reading = Reading("Retry-After", retry_after)
            reading.delay, reading.at = delay
            found.append(reading)
    location = head.get("Location")
    if location is not None:
        reading = Reading("Location", location)
        reading.resolved = resolve(head.url, location)
        found.append(reading)
    return found


def _retry_delay(
    value: str, head: Head, now: datetime | None = None
) -> tuple[timedelta, datetime] | None:
    """(delay, moment) of a Retry-After value: delay-seconds or an HTTP-date."""
    base = _date(head.get("Date")) or now or datetime.now(UTC)
    if _DELAY.match(value):
        delay = timedelta(seconds=int(value))
        return delay, base + delay
    moment = _date(value)
    if moment is None:
        return None
    return max(moment - base, timedelta(0)), moment


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def final_code(heads: Iterable[Head]) -> int | None:
    last = None
    for head in heads:
        last = head.code
    return last
