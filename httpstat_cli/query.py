"""Turn what the user typed ("418", "4xx", "41x", "400-410", "NOT_FOUND") into a query.

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
    """One query as typed, parsed: its kind ("code", "class", "range", "name" or "words"), its
    text, and for codes, classes and ranges the lowest and highest code it covers."""

    __slots__ = ("high", "kind", "low", "text")

    def __init__(self, kind: str, text: str, low: int = 0, high: int = 0) -> None:
        self.kind = kind
        self.text = text
        self.low = low
        self.high = high

    @property
    def structured(self) -> bool:
        """A code, class or range: resolved by number, never searched."""
        return self.kind in ("code", "class", "range")

    @property
    def code_class(self) -> str:
        """``4xx`` for a class query."""
        return f"{self.low // 100}xx"

    def _key(self) -> tuple[str, str, int, int]:
        return (self.kind, self.text, self.low, self.high)

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
    if lowered.isascii() and lowered.endswith("x") and lowered[0].isdigit():
        return _pattern(lowered, raw)
    low, dash, high = text.partition("-")
    if dash and low.isascii() and low.isdigit() and high.isascii() and high.isdigit():
        first, last = _code(low, raw), _code(high, raw)
        if first > last:
            raise UsageError("err_empty_range", query=raw)
        return _range(text, first, last)
    if text.isascii() and text.replace("_", "").replace("-", "").isalpha():
        return Query("name", text)
    return Query("words", text)


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
    """Entries whose Python constant name, phrase or former phrase spells ``text``."""
    wanted = constant_name(text)
    return tuple(
        entry
        for entry in registry.all_codes()
        if wanted == entry.python_name
        or wanted in (constant_name(phrase) for phrase in (entry.phrase, *entry.former_phrases))
        or wanted in (constant_name(alias) for alias in entry.aliases if alias.isupper())
    )


def resolve_structured(query: Query) -> tuple[StatusCode, ...]:
    """Entries for a code, range or name query (words are the search engine's job)."""
    if query.structured:
        return registry.in_range(query.low, query.high)
    if query.kind == "name":
        return by_name(query.text)
    return ()


def resolve(query: Query, languages: Sequence[Texts], limit: int = 10) -> tuple[StatusCode, ...]:
    """Entries for any query: a code, pattern or name first; words go to the search engine."""
    found = resolve_structured(query)
    if found or query.structured:
        return found
    from httpstat_cli import search

    hits = search.search(query.text, registry.all_codes(), languages, limit=limit)
    best = [hit for hit in hits if hit.complete] or hits
    return tuple(hit.entry for hit in best)


def parse_all(raw: Sequence[str]) -> list[Query]:
    if len(raw) > MAX_QUERIES:
        raise UsageError("err_too_many_queries", limit=MAX_QUERIES)
    return [parse(item) for item in raw]


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
    entries = unique(entry for item in queries for entry in registry.in_range(item.low, item.high))
    if not entries:
        raise NotFound("err_not_found", query=", ".join(item.text for item in queries))
    return entries


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
    return NotFound("err_not_found", query=", ".join(misses))
