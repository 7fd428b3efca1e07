"""The bundled registry of status codes: language-neutral facts, loaded once on first use.

Entries are NamedTuples rather than dataclasses: they are just as immutable and typed, and
building them costs nothing at import time, which every TAB pays for.
"""

import os
from functools import cache
from typing import Any

from httpstat_cli import jsontext
from httpstat_cli.errors import DataError

DATA_FILE = os.path.join(os.path.dirname(__file__), "data", "codes.json")

STATUSES = ("standard", "unused", "deprecated", "obsolete", "temporary", "unofficial")
RETRY_POLICIES = ("no-need", "follow", "after-change", "never", "after-delay", "backoff")
REQUIREMENTS = ("MUST", "SHOULD", "MAY")
CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")


class Header:
    """A header field the specification ties to a code, with its keyword (MUST, SHOULD, MAY).

    Header, Source and the view classes are plain slotted classes rather than NamedTuples:
    every NamedTuple class costs its definition at import time, which every run pays."""

    __slots__ = ("name", "requirement")

    def __init__(self, name: str, requirement: str) -> None:
        self.name = name
        self.requirement = requirement

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

    Built once per entry and shared (see _make), so identity is equality."""

    __slots__ = (
        "aliases",
        "cacheable",
        "client_receives",
        "code",
        "confused_with",
        "former_phrases",
        "headers",
        "historic",
        "id",
        "phrase",
        "python_name",
        "related",
        "retry",
        "source",
        "status",
        "third_party_only",
        "vendor",
    )

    def __init__(
        self,
        *,
        id: str,
        code: int,
        vendor: str | None,
        phrase: str,
        former_phrases: tuple[str, ...],
        status: str,
        source: Source,
        third_party_only: bool,
        python_name: str | None,
        headers: tuple[Header, ...],
        cacheable: bool,
        retry: str,
        related: tuple[int, ...],
        confused_with: tuple[str, ...],
        aliases: tuple[str, ...],
        client_receives: int | None,
        historic: bool,
    ) -> None:
        self.id = id
        self.code = code
        self.vendor = vendor
        self.phrase = phrase
        self.former_phrases = former_phrases
        self.status = status
        self.source = source
        self.third_party_only = third_party_only
        self.python_name = python_name
        self.headers = headers
        self.cacheable = cacheable
        self.retry = retry
        self.related = related
        self.confused_with = confused_with
        self.aliases = aliases
        self.client_receives = client_receives
        self.historic = historic

    def __repr__(self) -> str:
        return f"StatusCode({self.id!r})"

    @property
    def code_class(self) -> str:
        return f"{self.code // 100}xx"

    @property
    def official(self) -> bool:
        return self.vendor is None


def _entry(raw: dict[str, Any]) -> StatusCode:
    code = int(raw["code"])
    return StatusCode(
        id=str(raw["id"]),
        code=code,
        vendor=raw["vendor"],
        phrase=raw["phrase"],
        former_phrases=tuple(raw["former_phrases"]),
        status=raw["status"],
        source=Source(**raw["source"]),
        third_party_only=bool(raw["third_party_only"]),
        python_name=raw["python_name"],
        headers=tuple(Header(**h) for h in raw["headers"]),
        cacheable=bool(raw["cacheable"]),
        retry=raw["retry"],
        related=tuple(raw["related"]),
        confused_with=tuple(raw["confused_with"]),
        aliases=tuple(raw["aliases"]),
        client_receives=raw.get("client_receives", code),
        historic=bool(raw.get("historic", False)),
    )


def _sort_key(entry: StatusCode) -> tuple[int, bool, str]:
    # Registered meaning first, then vendors alphabetically: the order a lookup shows them in.
    return (entry.code, entry.vendor is not None, (entry.vendor or "").casefold())


@cache
def _raw() -> tuple[dict[str, Any], ...]:
    """The entries as the data file holds them; turned into StatusCode only when asked for,
    so that looking up one code does not build all of them."""
    try:
        with open(DATA_FILE, encoding="utf-8") as handle:
            raw = jsontext.loads(handle.read())
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            raise TypeError("expected a list of objects")
        for item in raw:
            int(item["code"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DataError(f"cannot read {DATA_FILE}: {error}") from error
    return tuple(raw)


_built: dict[int, StatusCode] = {}  # by position in the data file


def _make(index: int, raw: dict[str, Any]) -> StatusCode:
    entry = _built.get(index)
    if entry is None:
        try:
            entry = _built[index] = _entry(raw)
        except (ValueError, KeyError, TypeError) as error:
            raise DataError(f"cannot read {DATA_FILE}: entry {index}: {error!r}") from error
    return entry


def _select(low: int, high: int) -> tuple[StatusCode, ...]:
    chosen = (
        _make(index, item) for index, item in enumerate(_raw()) if low <= int(item["code"]) <= high
    )
    return tuple(sorted(chosen, key=_sort_key))


@cache
def all_codes() -> tuple[StatusCode, ...]:
    """Every entry, ordered by code, the registered meaning before vendor meanings."""
    return _select(100, 599)


@cache
def _by_id() -> dict[str, StatusCode]:
    return {entry.id: entry for entry in all_codes()}


def get(entry_id: str) -> StatusCode | None:
    return _by_id().get(entry_id)


def by_code(code: int) -> tuple[StatusCode, ...]:
    """Every meaning of one number, the registered one first."""
    return _select(code, code)


def in_range(low: int, high: int) -> tuple[StatusCode, ...]:
    return _select(low, high)


def in_class(code_class: str) -> tuple[StatusCode, ...]:
    digit = int(code_class[0])
    return in_range(digit * 100, digit * 100 + 99)


def class_sizes() -> dict[str, int]:
    """How many entries each class holds, counted without building them."""
    sizes: dict[str, int] = {}
    for item in _raw():
        code_class = f"{int(item['code']) // 100}xx"
        sizes[code_class] = sizes.get(code_class, 0) + 1
    return sizes
