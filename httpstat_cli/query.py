"""Turn what the user typed ("418", "4xx", "5x3", "30[12]", "400-410", "NOT_FOUND",
"StatusTeapot") into a query.

Parsing is separate from resolving so the command line can reject malformed input before
any data is read. Anything that is not a code, a pattern or a constant name is a search.
"""

from collections.abc import Iterable, Sequence

from httpstat_cli import registry
from httpstat_cli.errors import NotFound, UsageError
from httpstat_cli.i18n import Texts
from httpstat_cli.registry import StatusCode

LOWEST, HIGHEST = 100, 599
MAX_QUERY_LENGTH = 1000
MAX_QUERIES = 1000
# Persian (U+06F0..) and Arabic-Indic (U+0660..) digits read as ASCII, so "۴۰۴" is 404.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


class Query:
    """One query as typed, parsed: its kind ("code", "class", "range", "mask", "name" or
    "words"), its text, for codes, classes, ranges and masks the lowest and highest code it
    covers, and for masks (5x3, 30[12]) which codes between those it takes."""

    __slots__ = ("codes", "high", "kind", "low", "text")

    def __init__(
        self,
        kind: str,
        text: str,
        low: int = 0,
        high: int = 0,
        codes: frozenset[int] | None = None,
    ) -> None:
        self.kind = kind
        self.text = text
        self.low = low
        self.high = high
        self.codes = codes

    @property
    def structured(self) -> bool:
        """A code, class, range or mask: resolved by number, never searched."""
        return self.kind in ("code", "class", "range", "mask")

    @property
    def code_class(self) -> str:
        """``4xx`` for a class query."""
        return f"{self.low // 100}xx"

    def _key(self) -> tuple[str, str, int, int, frozenset[int] | None]:
        return (self.kind, self.text, self.low, self.high, self.codes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Query) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Query{self._key()!r}"


def _code(text: str, original: str) -> int:
    value = int(text)
    if not LOWEST <= value <= HIGHEST:
        raise UsageError("err_code_range", query=original, low=LOWEST, high=HIGHEST)
    return value


def parse(raw: str) -> Query:
    """Classify one argument; raise UsageError for malformed codes and patterns."""
    text = raw.strip().translate(_DIGITS)
    if not text:
        raise UsageError("err_empty_query")
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError("err_query_too_long", limit=MAX_QUERY_LENGTH)
    if text.isascii() and text.isdigit():
        code = _code(text, raw)
        return Query("code", text, code, code)
    lowered = text.lower()
    if _looks_like_mask(lowered) or (lowered[0] in "0123456789x[" and "[" in lowered):
        if lowered.endswith("x") and lowered[0].isdigit() and lowered.rstrip("x").isdigit():
            return _pattern(lowered, raw)
        return _mask(lowered, raw)
    low, dash, high = text.partition("-")
    if dash and low.isascii() and low.isdigit() and high.isascii() and high.isdigit():
        first, last = _code(low, raw), _code(high, raw)
        if first > last:
            raise UsageError("err_empty_range", query=raw)
        return _range(text, first, last)
    if _looks_like_name(text):
        return Query("name", text)
    return Query("words", text)


_NAME_CHARACTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:'\\"
)


def _looks_like_name(text: str) -> bool:
    """One identifier, perhaps qualified: NOT_FOUND, StatusTeapot, HttpStatusCode.NotFound,
    http::StatusCode::NOT_FOUND, HTTP_429_TOO_MANY_REQUESTS."""
    return text[0].isascii() and text[0].isalpha() and _NAME_CHARACTERS.issuperset(text)


_MASK_CHARACTERS = frozenset("0123456789x[]-")


def _looks_like_mask(lowered: str) -> bool:
    """Digits with x or a [class] in some position (4xx, 5x3, xx4, 30[12]); a word such as
    "x" or "xx" is left to the search."""
    return (
        _MASK_CHARACTERS.issuperset(lowered)
        and ("x" in lowered or "[" in lowered)
        and (lowered == "xxx" or any(ch.isdigit() or ch == "[" for ch in lowered))
    )


def _positions(lowered: str, raw: str) -> list[str]:
    """The digits each of the three positions of a mask allows."""
    positions: list[str] = []
    rest = lowered
    while rest:
        head = rest[0]
        if head.isdigit():
            positions.append(head)
            rest = rest[1:]
        elif head == "x":
            positions.append("0123456789")
            rest = rest[1:]
        elif head == "[" and "]" in rest:
            inside, rest = rest[1:].split("]", 1)
            positions.append(_character_class(inside, raw))
        else:
            raise UsageError("err_bad_pattern", query=raw)
    if len(positions) != 3:
        raise UsageError("err_bad_pattern", query=raw)
    return positions


def _character_class(inside: str, raw: str) -> str:
    """``12`` -> ``12``; ``0-3`` -> ``0123``; anything else in brackets is malformed."""
    allowed = ""
    index = 0
    while index < len(inside):
        low = inside[index]
        if index + 2 < len(inside) and inside[index + 1] == "-":
            high = inside[index + 2]
            index += 3
        else:
            high = low
            index += 1
        if not (low.isdigit() and high.isdigit()) or low > high:
            raise UsageError("err_bad_pattern", query=raw)
        allowed += "".join(str(d) for d in range(int(low), int(high) + 1))
    if not allowed:
        raise UsageError("err_bad_pattern", query=raw)
    return allowed


def _mask(lowered: str, raw: str) -> Query:
    first, second, third = _positions(lowered, raw)
    codes = frozenset(
        code
        for a in first
        for b in second
        for c in third
        if LOWEST <= (code := int(a + b + c)) <= HIGHEST
    )
    if not codes:
        raise UsageError("err_code_range", query=raw, low=LOWEST, high=HIGHEST)
    return Query("mask", lowered, min(codes), max(codes), codes)


def _pattern(lowered: str, raw: str) -> Query:
    stem = lowered.rstrip("x")
    width = len(lowered) - len(stem)
    if len(lowered) != 3 or not stem.isdigit() or width > 2:
        raise UsageError("err_bad_pattern", query=raw)
    scale = 10**width
    low = int(stem) * scale
    if not LOWEST <= low <= HIGHEST:
        raise UsageError("err_code_range", query=raw, low=LOWEST, high=HIGHEST)
    return _range(lowered, low, low + scale - 1)


def _range(text: str, low: int, high: int) -> Query:
    """A range that covers exactly one class (4xx, 400-499) is that class."""
    whole_class = low % 100 == 0 and high == low + 99
    return Query("class" if whole_class else "range", text, low, high)


def constant_name(text: str) -> str:
    """``not-found``, ``Not Found`` and ``NOT_FOUND`` all become ``NOT_FOUND``."""
    return "_".join(text.replace("-", " ").replace("_", " ").replace("'", "").upper().split())


def by_name(text: str) -> tuple[StatusCode, ...]:
    """Entries whose constant in any stack (see constants.py), phrase, former phrase or
    upper-case alias spells ``text``, in any case or separator."""
    from httpstat_cli import constants

    wanted = constants.squash(text)
    if not wanted:
        return ()
    named = {entry_id for entry_id, _, _ in constants.lookup(text)}
    return tuple(
        entry
        for entry in registry.all_codes()
        if entry.id in named
        or wanted in (constants.squash(p) for p in (entry.phrase, *entry.former_phrases))
        or wanted in (constants.squash(a) for a in entry.aliases if a.isupper())
    )


def entries(query: Query) -> tuple[StatusCode, ...]:
    """The entries a code, range or mask covers."""
    found = registry.in_range(query.low, query.high)
    if query.codes is None:
        return found
    return tuple(entry for entry in found if entry.code in query.codes)


def resolve_structured(query: Query) -> tuple[StatusCode, ...]:
    """Entries for a code, range, mask or name query (words are the search engine's job)."""
    if query.structured:
        return entries(query)
    if query.kind == "name":
        return by_name(query.text)
    return ()


def resolve(query: Query, languages: Sequence[Texts], limit: int = 10) -> tuple[StatusCode, ...]:
    """Entries for any query: a code, pattern or name first; words go to the search engine."""
    found = resolve_structured(query)
    if found or query.structured:
        return found
    from httpstat_cli import search

    hits, _ = search.ranked(query.text, languages, limit, best_only=True)
    return tuple(hit.entry for hit in hits)


def parse_all(raw: Sequence[str]) -> list[Query]:
    """Each argument parsed; a pasted status line (HTTP/1.1 404 Not Found) loses its
    protocol version, which names no code."""
    if len(raw) > MAX_QUERIES:
        raise UsageError("err_too_many_queries", limit=MAX_QUERIES)
    kept = [item for item in raw if not _is_http_version(item)] or raw
    return [parse(item) for item in kept]


def _is_http_version(text: str) -> bool:
    name, slash, number = text.strip().partition("/")
    return bool(slash) and name.upper() == "HTTP" and number.replace(".", "", 1).isdigit()


def _is_word(item: Query) -> bool:
    return item.kind == "words" or (item.kind == "name" and not resolve_structured(item))


def _looks_like_code(text: str) -> bool:
    """NOT_FOUND, SC_OK, StatusTeapot: a name as it is written in code, never a plain word."""
    return "_" in text or text.isupper() or any(ch.isupper() for ch in text[1:])


def join_words(queries: Sequence[Query]) -> list[Query]:
    """Arguments that are not codes, patterns or names as written in code make one phrase, in
    the place of its first word: ``hsc too many requests`` looks for "too many requests" as a
    phrase, and ``hsc 404 teapot`` still looks up 404, then searches teapot."""
    loose = [
        item
        for item in queries
        if item.kind == "words" or (item.kind == "name" and not _looks_like_code(item.text))
    ]
    if len(loose) < 2:
        return [Query("words", item.text) if _is_word(item) else item for item in queries]
    text = " ".join(item.text for item in loose)
    phrase = Query("name", text) if by_name(text) else Query("words", text)
    joined: list[Query] = []
    for item in queries:
        if item not in loose:
            joined.append(item)
        elif item is loose[0]:
            joined.append(phrase)
    return joined


def phrase_only(queries: Sequence[Query]) -> str | None:
    """The words of a lookup made of words alone (hsc teapot, hsc too many requests), which
    is a search for them; None when it has a code, pattern or name among them."""
    joined = join_words(queries)
    if len(joined) == 1 and joined[0].kind == "words":
        return joined[0].text
    return None


def near_command(word: str, commands: Iterable[str]) -> str | None:
    """The command a single word that found nothing was probably meant to be: one edit away
    (lsit, serach), or its start (lang, langs, expl)."""
    from httpstat_cli.search import edit_distance

    typed = word.lower()
    if not typed.isascii() or not typed.isalpha() or len(typed) < 3:
        return None
    for command in commands:
        stem = typed[:-1] if typed.endswith("s") and len(typed) > 3 else typed
        if edit_distance(typed, command, 1) <= 1 or command.startswith(stem):
            return command
    return None


def mistyped_command(
    queries: Sequence[Query], commands: Iterable[str], languages: Sequence[Texts]
) -> str | None:
    """The command that a lone word one edit from its name meant (hsc serach, hsc lsit),
    unless the texts use that very word; a search would only find typos of it."""
    if len(queries) != 1 or not _is_word(queries[0]):
        return None
    from httpstat_cli import search
    from httpstat_cli.normalise import normalised

    word = queries[0].text.lower()
    for command in commands:
        if word != command and search.edit_distance(word, command, 1) <= 1:
            known = search.vocabulary(registry.all_codes(), languages)
            return None if normalised(word) in known else command
    return None


def parse_patterns(raw: Sequence[str]) -> list[Query]:
    """What ``hsc list`` takes: codes, classes and ranges, never words."""
    parsed = parse_all(raw)
    for item in parsed:
        if not item.structured:
            raise UsageError("err_bad_pattern", query=item.text)
    return parsed


def search_text(words: Sequence[str]) -> str:
    """The words of ``hsc search`` as one query, spaces tidied."""
    text = " ".join(" ".join(words).split())
    if not text:
        raise UsageError("err_empty_query")
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError("err_query_too_long", limit=MAX_QUERY_LENGTH)
    return text


def unique(entries: Iterable[StatusCode]) -> list[StatusCode]:
    """Entries in their first order, each once."""
    return list({entry.id: entry for entry in entries}.values())


def in_patterns(queries: Sequence[Query]) -> list[StatusCode]:
    """Entries of ``hsc list``: those the patterns cover, or every code when there are none."""
    if not queries:
        return list(registry.all_codes())
    found = unique(entry for item in queries for entry in entries(item))
    if not found:
        raise NotFound("err_not_found", query=", ".join(item.text for item in queries))
    return found


def resolve_all(
    queries: Sequence[Query], languages: Sequence[Texts]
) -> tuple[list[StatusCode], list[str]]:
    """Entries of every query in the order given, each once; and the queries that found none."""
    found: list[StatusCode] = []
    misses: list[str] = []
    for item in join_words(queries):
        entries = resolve(item, languages)
        if not entries:
            misses.append(item.text)
        found.extend(entries)
    return unique(found), misses


def not_found(
    misses: Sequence[str], queries: Sequence[Query], lang: str, commands: Iterable[str] = ()
) -> NotFound:
    """The error for queries that found nothing; words alone get the search's hint, and a
    word that looks like one of ``commands`` (hsc langs) points to that command."""
    words = [item.text for item in join_words(queries) if item.kind == "words"]
    words = [text for text in words if text in misses]
    if len(misses) == 1 and words:
        command = near_command(words[0], commands)
        if command is not None:
            return NotFound("err_no_search_hits", query=words[0], hint_command=command)
        from httpstat_cli import search

        return search.miss(words[0], lang)
    from httpstat_cli.i18n import list_separator

    return NotFound("err_not_found", query=list_separator(lang).join(misses))
