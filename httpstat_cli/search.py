"""Find entries by words in any supported language, forgiving accents, letter forms and typos.

Pure functions over (entry, texts) pairs: nothing is indexed until a search runs, so other
commands pay nothing for it.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from httpstat_cli.errors import NotFound
from httpstat_cli.i18n import Texts
from httpstat_cli.registry import StatusCode
from httpstat_cli.views import CodeView, code_view

# Letter forms a reader treats as one: Arabic yeh and kaf as Persian, dotless i as i,
# Persian and Arabic-Indic digits as ASCII. Joiners and the kashida carry no meaning here.
_FOLD = {
    "\u064a": "\u06cc",  # Arabic yeh -> Persian yeh
    "\u0649": "\u06cc",  # alef maksura -> Persian yeh
    "\u0643": "\u06a9",  # Arabic kaf -> Persian keheh
    "\u0629": "\u0647",  # teh marbuta -> heh
    "\u06c0": "\u0647",  # heh with yeh above -> heh
    "\u0131": "i",  # Turkish dotless i
    "\u200c": "",
    "\u200d": "",
    "\u0640": "",
    **{chr(0x06F0 + n): str(n) for n in range(10)},
    **{chr(0x0660 + n): str(n) for n in range(10)},
}
_ASCII = bytes(range(128))


def _beyond_ascii(text: str) -> set[str]:
    """The distinct characters of ``text`` that are not ASCII. A long text drops its ASCII
    bytes in C first, so that only the rest (a few in a hundred, in French) is visited."""
    if len(text) > 64:
        text = (
            text.encode("utf-8", "surrogatepass")
            .translate(None, _ASCII)
            .decode("utf-8", "surrogatepass")
        )
    return set(text)


def _fold(text: str, present: set[str]) -> str:
    """``text`` with the letter forms among ``present`` unified; each is a str.replace, as a
    str.translate table looks every character up and cost a French search 10 ms a text."""
    for form in present.intersection(_FOLD):
        text = text.replace(form, _FOLD[form])
    return text


# What separates words: every ASCII character that is not a letter, digit or underscore
# (turned into a space byte by byte, which is many times quicker than a regular expression or
# a str.translate table, and searching every text of every entry cannot afford those), and
# the punctuation the shipped languages use beyond ASCII.
_NOT_WORD = (
    bytes(range(48)) + bytes(range(58, 65)) + bytes(range(91, 95)) + b"`" + bytes(range(123, 128))
)
_ASCII_SEPARATORS = bytes.maketrans(_NOT_WORD, b" " * len(_NOT_WORD))
_OTHER_SEPARATORS = (
    "\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026"  # NBSP « » – — ‘ ’ “ ” …
    "\u060c\u061b\u061f\u066b\u066c\u06d4"  # Arabic-script comma, semicolon, question mark, ...
)
_word_pattern: "re.Pattern[str] | None" = None


def _word() -> "re.Pattern[str]":
    global _word_pattern
    if _word_pattern is None:
        _word_pattern = re.compile(r"\w+")
    return _word_pattern


def split(text: str) -> list[str]:
    """The words of a normalised text, exactly as the regular expression ``\\w+`` finds them."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_SEPARATORS).decode("ascii").split()
    spaced = (
        text.encode("utf-8", "surrogatepass")
        .translate(_ASCII_SEPARATORS)
        .decode("utf-8", "surrogatepass")
    )
    for mark in _OTHER_SEPARATORS:
        if mark in spaced:
            spaced = spaced.replace(mark, " ")
    parts = spaced.split()
    if "".join(parts).replace("_", "").isalnum():
        return parts
    return _word().findall(text)  # rarer punctuation: the regular expression sorts it out


def normalise(text: str) -> str:
    """Casefold, strip accents, unify letter forms; the same for queries and texts."""
    if text.isascii():  # most English text: nothing to fold but case
        return text.lower()
    import unicodedata  # a shared library: loaded only when a text is not plain ASCII

    present = _beyond_ascii(text)
    decomposed = unicodedata.normalize("NFKD", _fold(text, present))
    # What decomposing the distinct characters gives is what the whole text now holds.
    present = set(unicodedata.normalize("NFKD", _fold("".join(present), present)))
    for mark in present:
        if unicodedata.combining(mark):
            decomposed = decomposed.replace(mark, "")
    # Decomposing makes some forms (U+0626 gives Arabic yeh and hamza); casefold makes none.
    return _fold(decomposed.casefold(), present)


def words(text: str) -> list[str]:
    return split(normalise(text))


# Field tiers, best first; the weight of a match is its tier's weight times its quality.
NAME, SUMMARY, BODY = "name", "summary", "explanation"
_WEIGHTS = {NAME: 100.0, SUMMARY: 30.0, BODY: 10.0}
EXACT, PREFIX, INSIDE, TYPO = 3.0, 2.0, 1.0, 0.5
_CODE_WEIGHT = 1000.0
_PHRASE_BONUS = 500.0


def typo_budget(word: str) -> int:
    """Edits forgiven: none below four letters, one from four, two from eight."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def edit_distance(first: str, second: str, limit: int) -> int:
    """Damerau-Levenshtein (adjacent swaps count once), giving up past ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_row: list[int] = []
    row = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            row[j] = min(
                previous_row[j] + 1,
                row[j - 1] + 1,
                previous_row[j - 1] + (a != b),
            )
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
    return row[-1]


class Field:
    """One normalised text; its words are split out only when a search needs them (most
    explanations are ruled out by a substring test first)."""

    __slots__ = ("_tokens", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: tuple[str, ...] | None = None

    @property
    def tokens(self) -> tuple[str, ...]:
        if self._tokens is None:
            self._tokens = tuple(split(self.text))
        return self._tokens


class Document:
    """One entry's searchable texts by tier; its whole names (for the exact-phrase bonus)
    are worked out only for an entry that matched."""

    __slots__ = ("_phrases", "entry", "fields")

    def __init__(self, entry: StatusCode, fields: dict[str, tuple[Field, ...]]) -> None:
        self.entry = entry
        self.fields = fields  # tier -> normalised texts
        self._phrases: frozenset[str] | None = None

    @property
    def phrases(self) -> frozenset[str]:
        if self._phrases is None:
            self._phrases = frozenset(" ".join(f.tokens) for f in self.fields[NAME])
        return self._phrases


class Hit(NamedTuple):
    entry: StatusCode
    score: float
    complete: bool  # every query word matched somewhere
    matched: tuple[str, ...]  # tiers that matched, best first


def _names(entry: StatusCode) -> list[str]:
    """An entry's names in no particular language: phrase, former names, aliases, constant
    and vendor."""
    names = [entry.phrase, *entry.former_phrases, *entry.aliases]
    if entry.python_name:
        names.append(entry.python_name.replace("_", " "))
    if entry.vendor:
        names.append(entry.vendor)
    return names


def _texts(entry: StatusCode, languages: Sequence[Texts]) -> tuple[list[str], list[str], list[str]]:
    """An entry's names (phrase, former names, aliases, constant, vendor, titles), summaries
    and explanations, in every language searched."""
    names = _names(entry)
    summaries: list[str] = []
    bodies: list[str] = []
    for texts in languages:
        titles, summary, body = _own_texts(entry, texts)
        names += titles
        summaries.append(summary)
        bodies.append(body)
    return names, summaries, bodies


def _own_texts(entry: StatusCode, texts: Texts) -> tuple[list[str], str, str]:
    """An entry's title and aliases, summary and explanation in one language."""
    titles = [texts.code_text(entry.id, "title"), *texts.code_list(entry.id, "aliases")]
    return titles, texts.code_text(entry.id, "summary"), texts.code_text(entry.id, "explanation")


def document(entry: StatusCode, languages: Sequence[Texts]) -> Document:
    names, summaries, bodies = _texts(entry, languages)
    return Document(
        entry, {NAME: _fields(names), SUMMARY: _fields(summaries), BODY: _fields(bodies)}
    )


def _candidates(
    terms: Sequence[str], entries: Iterable[StatusCode], languages: Sequence[Texts]
) -> list[StatusCode]:
    """The entries that can match at all, found cheaply: a query word occurs somewhere in
    their texts, a word one typo away occurs in their names or summaries, or a number is
    their code. Only these are scored word by word; the rest never could score.

    The entries' texts are normalised and searched as one string per language and kind
    (entries separated by a NUL, which no word contains), the position of each occurrence
    telling whose it is."""
    chosen = list(entries)
    digits = {term for term in terms if term.isdigit()}
    plain = [term for term in terms if not term.isdigit()]
    # Apart, English (ASCII, lowered in one C call) is never normalised character by
    # character along with the reader's language.
    neutral: list[str] = []
    lights: list[list[str]] = [[] for _ in languages]
    heavies: list[list[str]] = [[] for _ in languages]
    for entry in chosen:
        neutral.append("\n".join(_names(entry)))
        for index, texts in enumerate(languages):
            titles, summary, body = _own_texts(entry, texts)
            lights[index].append("\n".join([*titles, summary]))
            heavies[index].append(body)
    light = [normalise("\0".join(part)) for part in (neutral, *lights)]
    light_parts = [(joined, _ends(joined)) for joined in light]
    parts = light_parts + [
        (joined, _ends(joined)) for joined in map(normalise, map("\0".join, heavies))
    ]
    found = {index for index, entry in enumerate(chosen) if str(entry.code) in digits}
    for term in plain:
        for joined, ends in parts:
            found.update(_owners(joined, ends, term))
    fuzzy = [(term, typo_budget(term)) for term in plain if typo_budget(term)]
    if fuzzy:
        # Every word of every name and summary, by length: the words a typo can reach are
        # those within the budget of the query word's length, found by bisection.
        vocabulary = sorted(set().union(*map(split, light)), key=len)
        lengths = list(map(len, vocabulary))
        for term, budget in fuzzy:
            low = bisect_left(lengths, len(term) - budget)
            high = bisect_right(lengths, len(term) + budget)
            letters = set(term)
            for token in vocabulary[low:high]:
                # each edit changes at most two letters of the set difference
                if len(letters.symmetric_difference(token)) <= 2 * budget and (
                    edit_distance(term, token, budget) <= budget
                ):
                    for joined, ends in light_parts:
                        found.update(_owners(joined, ends, token))
    return [chosen[index] for index in sorted(found)]


def _ends(joined: str) -> list[int]:
    """Where each entry's part of a NUL-joined string ends."""
    ends = []
    position = joined.find("\0")
    while position >= 0:
        ends.append(position)
        position = joined.find("\0", position + 1)
    ends.append(len(joined))
    return ends


def _owners(joined: str, ends: list[int], word: str) -> list[int]:
    """The entries whose part of ``joined`` contains ``word``, each found once."""
    owners = []
    position = joined.find(word)
    while position >= 0:
        index = bisect_left(ends, position)
        owners.append(index)
        position = joined.find(word, ends[index] + 1)
    return owners


def _fields(texts: Iterable[str]) -> tuple[Field, ...]:
    normalised = (normalise(text) for text in texts if text)
    return tuple(Field(text) for text in normalised)


# Whether two words are within the typo budget, remembered for one search: the same words
# recur in every entry's texts.
_near: dict[tuple[str, str], bool] = {}


def _is_near(term: str, token: str, budget: int) -> bool:
    if abs(len(term) - len(token)) > budget:
        return False
    key = (term, token)
    near = _near.get(key)
    if near is None:
        # Each edit changes at most two letters of the set difference: a cheap way to rule
        # out most pairs before the dynamic programme.
        near = len(set(term) ^ set(token)) <= 2 * budget
        near = _near[key] = near and edit_distance(term, token, budget) <= budget
    return near


def _word_quality(term: str, field: Field, typos: bool) -> float:
    """How well one query word matches one text: exactly, as a word's start, inside a word,
    or with a typo. A word that does not occur in the text at all can only be a typo, so most
    texts are settled by one substring test without splitting them into words."""
    if term in field.text:
        tokens = field.tokens
        if term in tokens:
            return EXACT
        if len(term) >= 3 and any(token.startswith(term) for token in tokens):
            return PREFIX
        if len(term) >= 4:
            return INSIDE
    budget = typo_budget(term) if typos else 0
    if not budget:
        return 0.0
    size = len(term)
    for token in field.tokens:
        if abs(len(token) - size) <= budget and _is_near(term, token, budget):
            return TYPO
    return 0.0


def score(doc: Document, terms: Sequence[str], phrase: str) -> Hit | None:
    total = 0.0
    matched_terms = 0
    matched_tiers: list[str] = []
    for term in terms:
        if term.isdigit():
            if term == str(doc.entry.code):
                total += _CODE_WEIGHT
                matched_terms += 1
            continue
        best = 0.0
        for tier, texts in doc.fields.items():
            # Typos are forgiven in names and summaries only: in long prose they find noise.
            typos = tier != BODY
            quality = max((_word_quality(term, f, typos) for f in texts), default=0.0)
            if quality:
                best = max(best, _WEIGHTS[tier] * quality)
                if tier not in matched_tiers:
                    matched_tiers.append(tier)
        if best:
            total += best
            matched_terms += 1
    if not matched_terms:
        return None
    if phrase in doc.phrases:
        total += _PHRASE_BONUS
    order = [tier for tier in (NAME, SUMMARY, BODY) if tier in matched_tiers]
    if total >= _CODE_WEIGHT:
        order.insert(0, "code")
    return Hit(doc.entry, total, matched_terms == len(terms), tuple(order))


def search(
    query: str, entries: Iterable[StatusCode], languages: Sequence[Texts], limit: int = 10
) -> list[Hit]:
    """Best hits first: all words before some, then score, then code order (stable)."""
    terms = list(dict.fromkeys(words(query)))
    if not terms:
        return []
    phrase = " ".join(terms)
    hits = [
        hit
        for entry in _candidates(terms, entries, languages)
        if (hit := score(document(entry, languages), terms, phrase)) is not None
    ]
    hits.sort(key=lambda hit: (not hit.complete, -hit.score))
    return hits[:limit] if limit > 0 else hits


def suggest(query: str, entries: Iterable[StatusCode], languages: Sequence[Texts]) -> str | None:
    """The closest known word to a query that found nothing, if one is near enough."""
    vocabulary: set[str] = set()
    for entry in entries:
        for fields in document(entry, languages).fields.values():
            for field in fields:
                vocabulary.update(field.tokens)
    best: tuple[int, str] | None = None
    for term in words(query):
        if len(term) < 3 or term.isdigit():
            continue  # two letters are one edit from too many words to guess
        limit = typo_budget(term) + 1  # one edit more than a search forgives
        for word in vocabulary:
            if len(word) < 3:
                continue
            distance = edit_distance(term, word, limit)
            if distance <= limit and (best is None or (distance, word) < best):
                best = (distance, word)
    return best[1] if best else None


def marks(text: str, query: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` whose words match a query word (exactly, as a prefix or by a typo),
    for highlighting. Positions are in the original text, not the normalised one."""
    terms = [term for term in dict.fromkeys(words(query)) if not term.isdigit()]
    spans: list[tuple[int, int]] = []
    for found in _word().finditer(text):
        token = normalise(found.group())
        for term in terms:
            budget = typo_budget(term)
            if (
                token == term
                or (len(term) >= 3 and token.startswith(term))
                or (budget and _is_near(term, token, budget))
            ):
                spans.append(found.span())
                break
    return tuple(spans)


def miss(text: str, lang: str, every_language: bool = False) -> NotFound:
    """The error for words that found nothing, with the most useful hint: the language whose
    texts they do match (a French word asked in English), else the nearest known spelling,
    else (when the error is worded) where to see every code. Only a failed search pays."""
    from httpstat_cli import i18n, registry

    entries = registry.all_codes()
    if not every_language:
        for tag in i18n.SUPPORTED:
            if tag not in (lang, i18n.FALLBACK) and search(
                text, entries, [i18n.load_texts(tag)], limit=1
            ):
                return NotFound("err_no_search_hits", query=text, hint_lang=tag)
    word = suggest(text, entries, i18n.texts_for_search(lang, every_language))
    return NotFound("err_no_search_hits", query=text, hint=word)


def hit_views(hits: Sequence[Hit], texts: Texts, text: str) -> list[CodeView]:
    """Hits as the renderers show them: score, matched fields, the query's words marked."""
    views = []
    for hit in hits:
        view = code_view(hit.entry, texts)
        view.score, view.matched = hit.score, hit.matched
        view.title_marks = marks(view.title, text)
        view.summary_marks = marks(view.summary, text)
        views.append(view)
    return views
