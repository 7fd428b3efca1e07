"""The bundled registry of status codes: language-neutral facts, loaded once on first use.

Entries are plain slotted classes: a NamedTuple or dataclass is built when its module is
imported, which every run and every TAB would pay for.
"""

import json
import os
from collections.abc import Sequence
from functools import cache
from typing import Any

from httpstat_cli.errors import DataError

DATA_FILE = os.path.join(os.path.dirname(__file__), "data", "codes.json")

STATUSES = ("standard", "unused", "deprecated", "obsolete", "temporary", "unofficial")
RETRY_POLICIES = (
    "no-need",
    "follow",
    "after-change",
    "never",
    "after-delay",
    "backoff",
    "another-connection",
    "after-handshake",
    "user-action",
)
# "none": the specification ties the field to the code without a requirement keyword.
REQUIREMENTS = ("MUST", "SHOULD", "MAY", "none")
# heuristic: storable without explicit freshness (RFC 9110 section 15.1, RFC 7725 for 451);
# explicit: only with explicit freshness; never: the defining RFC forbids storing it;
# interim: a 1xx, never stored because it is not a final response (RFC 9111 section 3).
CACHE_RULES = ("heuristic", "explicit", "never", "interim")
# How well an unofficial entry is known: the vendor's documentation or source code, a third
# party's documentation or source, or only lists of status codes.
VERIFICATION_LEVELS = ("vendor", "third-party", "lists")
CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")


class Header:
    """A header field the specification ties to a code, with its keyword (MUST, SHOULD, MAY),
    or ``none`` when the text names the field without one; ``when`` names the condition the
    tie holds under (``determinable``, ``if-200-would``, ``single-part``, ``multipart``)."""

    __slots__ = ("name", "requirement", "when")

    def __init__(self, name: str, requirement: str, when: str | None = None) -> None:
        self.name = name
        self.requirement = requirement
        self.when = when

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Header) and (self.name, self.requirement) == (
            other.name,
            other.requirement,
        )

    def __hash__(self) -> int:
        return hash((self.name, self.requirement))

    def __repr__(self) -> str:
        return f"Header({self.name!r}, {self.requirement!r})"


class Source:
    """Where a code is defined: document, section (or None) and URL."""

    __slots__ = ("document", "section", "url")

    def __init__(self, document: str, section: str | None, url: str) -> None:
        self.document = document
        self.section = section
        self.url = url


class StatusCode:
    """One meaning of a status code: a registered code, or one vendor's use of a number.

    Every entry is built once, when the registry is first read, and shared, so identity is
    equality. Lists stay as the file holds them; nothing changes them."""

    __slots__ = (
        "_headers",
        "aliases",
        "cache",
        "cacheable",
        "client_receives",
        "code",
        "confused_with",
        "former_phrases",
        "historic",
        "id",
        "in_body",
        "phrase",
        "phrase_is_ours",
        "related",
        "retry",
        "source",
        "status",
        "third_party_only",
        "vendor",
        "verification",
    )

    def __init__(self, record: dict[str, Any]) -> None:
        self.id: str = record["id"]
        self.code: int = record["code"]
        self.vendor: str | None = record["vendor"]
        self.phrase: str = record["phrase"]
        self.former_phrases: Sequence[str] = record["former_phrases"]
        self.status: str = record["status"]
        source = record["source"]
        self.source = Source(source["document"], source["section"], source["url"])
        self.verification: str | None = record["verification"]
        self.third_party_only: bool = record["third_party_only"]
        self.phrase_is_ours: bool = record["phrase_is_ours"]
        self._headers: list[dict[str, str]] = record["headers"]
        self.cacheable: bool = record["cacheable"]
        self.cache: str = record["cache"]
        self.retry: str = record["retry"]
        self.related: Sequence[int] = record["related"]
        self.confused_with: Sequence[str] = record["confused_with"]
        self.aliases: Sequence[str] = record["aliases"]
        self.client_receives: int | None = record.get("client_receives", self.code)
        self.historic: bool = record.get("historic", False)
        # True when the number reaches the client inside the body (Esri's JSON errors)
        self.in_body: bool = record.get("in_body", False)

    def __repr__(self) -> str:
        return f"StatusCode({self.id!r})"

    @property
    def headers(self) -> tuple[Header, ...]:
        return tuple(Header(h["name"], h["requirement"], h.get("when")) for h in self._headers)

    @property
    def python_name(self) -> str | None:
        """The running interpreter's ``http.HTTPStatus`` member (3.13 says CONTENT_TOO_LARGE
        where 3.11 says REQUEST_ENTITY_TOO_LARGE); None for vendors' codes."""
        if self.vendor is not None:
            return None
        from httpstat_cli.constants import python_name

        return python_name(self.code)

    @property
    def code_class(self) -> str:
        return f"{self.code // 100}xx"

    @property
    def official(self) -> bool:
        return self.vendor is None


@cache
def all_codes() -> tuple[StatusCode, ...]:
    """Every entry, ordered by code, the registered meaning before vendor meanings (a test
    keeps the data file in that order)."""
    try:
        with open(DATA_FILE, encoding="utf-8") as handle:
            raw = json.loads(handle.read())
        if not isinstance(raw, list):
            raise TypeError("expected a list of objects")
    except (OSError, ValueError, TypeError) as error:
        raise DataError(f"cannot read {DATA_FILE}: {error}") from error
    return tuple(_entry(index, record) for index, record in enumerate(raw))


def _entry(index: int, record: dict[str, Any]) -> StatusCode:
    try:
        if not isinstance(record["code"], int):
            raise TypeError(f"code {record['code']!r} is not a number")
        return StatusCode(record)
    except (KeyError, TypeError) as error:
        raise DataError(f"cannot read {DATA_FILE}: entry {index}: {error!r}") from error


@cache
def _by_id() -> dict[str, StatusCode]:
    return {entry.id: entry for entry in all_codes()}


def get(entry_id: str) -> StatusCode | None:
    return _by_id().get(entry_id)


def in_range(low: int, high: int) -> tuple[StatusCode, ...]:
    return tuple(entry for entry in all_codes() if low <= entry.code <= high)


def by_code(code: int) -> tuple[StatusCode, ...]:
    """Every meaning of one number, the registered one first."""
    return in_range(code, code)


def in_class(code_class: str) -> tuple[StatusCode, ...]:
    digit = int(code_class[0])
    return in_range(digit * 100, digit * 100 + 99)


def class_sizes() -> dict[str, int]:
    """How many entries each class holds."""
    sizes: dict[str, int] = {}
    for entry in all_codes():
        sizes[entry.code_class] = sizes.get(entry.code_class, 0) + 1
    return sizes


def read_data(path: str) -> Any:
    """Another bundled data file (constant names, links), parsed; DataError when damaged."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError) as error:
        raise DataError(f"cannot read {path}: {error}") from error
