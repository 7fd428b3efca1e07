"""Find entries by words in any supported language, forgiving accents, letter forms and typos:
scoring and ranking over texts normalised by :mod:`httpstat_cli.normalise`.

Pure functions over (entry, texts) pairs: nothing is indexed until a search runs, so other
commands pay nothing for it.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

from httpstat_cli.errors import NotFound
from httpstat_cli.i18n import Texts
from httpstat_cli.normalise import normalised, split_words, word_matches, words
from httpstat_cli.registry import StatusCode
from httpstat_cli.views import CodeView, code_view

# Field tiers, best first; the weight of a match is its tier's weight times its quality.
CODE, NAME, SUMMARY, BODY = "code", "name", "summary", "explanation"
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
            self._tokens = tuple(split_words(self.text))
        return self._tokens


class Document:
    """One entry's searchable texts by tier; its whole names (for the exact-phrase bonus)
    are worked out only for an entry that matched. ``hidden`` holds, for each name, the name
    as written when a row does not show it (an alias, a constant), so that
    a row found through it can say so; None for the phrase and the reader's title."""

    __slots__ = ("_phrases", "entry", "fields", "hidden")

    def __init__(
        self,
        entry: StatusCode,
        fields: dict[str, tuple[Field, ...]],
        hidden: tuple[str | None, ...] = (),
    ) -> None:
        self.entry = entry
        self.fields = fields  # tier -> normalised texts
        self.hidden = hidden
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
    via: str | None = None  # a name the row does not show, which matched better than those it does


def _names(entry: StatusCode) -> list[str]:
    """An entry's names in no particular language: phrase, former names, aliases, the
    constants of every stack (constants.py) and vendor."""
    from httpstat_cli import constants

    names = [entry.phrase, *entry.former_phrases, *entry.aliases]
    names += [name for name in constants.every_name(entry.id) if name not in names]
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
    shown = {entry.phrase, *entry.former_phrases}  # rows show former phrases under the title
    if languages:
        shown.add(languages[0].code_text(entry.id, "title"))
    written = [name for name in names if name]
    return Document(
        entry,
        {NAME: _fields(written), SUMMARY: _fields(summaries), BODY: _fields(bodies)},
        tuple(None if name in shown else name for name in written),
    )


class _Haystack:
    """The texts of many entries normalised as one string (entries separated by a NUL, which
    no word contains): one substring search finds every entry whose texts hold a word."""

    __slots__ = ("ends", "joined")

    def __init__(self, texts: Iterable[str]) -> None:
        self.joined = normalised("\0".join(texts))
        self.ends = []  # where each entry's part ends
        position = self.joined.find("\0")
        while position >= 0:
            self.ends.append(position)
            position = self.joined.find("\0", position + 1)
        self.ends.append(len(self.joined))

    def owners(self, word: str) -> list[int]:
        """The entries (by position) whose texts contain ``word``, each found once."""
        owners = []
        position = self.joined.find(word)
        while position >= 0:
            index = bisect_left(self.ends, position)
            owners.append(index)
            position = self.joined.find(word, self.ends[index] + 1)
        return owners


def _haystacks(
    entries: Sequence[StatusCode], languages: Sequence[Texts]
) -> tuple[list[_Haystack], list[_Haystack]]:
    """Names, titles and summaries (where typos are forgiven), then explanations, each as one
    haystack per language; names in no language apart, so that English is never normalised
    along with the reader's language."""
    names = _Haystack("\n".join(_names(entry)) for entry in entries)
    short = [names]
    long = []
    for texts in languages:
        own = [_own_texts(entry, texts) for entry in entries]
        short.append(_Haystack("\n".join([*titles, summary]) for titles, summary, _ in own))
        long.append(_Haystack(body for _, _, body in own))
    return short, long


def _near_spellings(terms: Sequence[str], haystacks: Sequence[_Haystack]) -> set[str]:
    """The words of the haystacks within the typo budget of a query word. Sorted by length,
    the words a typo can reach are those near the query word's length, found by bisection."""
    vocabulary = sorted(set().union(*(split_words(h.joined) for h in haystacks)), key=len)
    lengths = list(map(len, vocabulary))
    near: set[str] = set()
    for term in terms:
        budget = typo_budget(term)
        low = bisect_left(lengths, len(term) - budget)
        high = bisect_right(lengths, len(term) + budget)
        near.update(
            token for token in vocabulary[low:high] if budget and _is_near(term, token, budget)
        )
    return near


def _candidates(
    terms: Sequence[str], entries: Iterable[StatusCode], languages: Sequence[Texts]
) -> list[StatusCode]:
    """The entries that can match at all, found cheaply: a query word occurs somewhere in
    their texts, a word one typo away occurs in their names or summaries, or a number is
    their code. Only these are scored word by word; the rest never could score."""
    chosen = list(entries)
    short, long = _haystacks(chosen, languages)
    found = {index for index, entry in enumerate(chosen) if str(entry.code) in terms}
    plain = [term for term in terms if not term.isdigit()]
    for term in plain:
        for haystack in (*short, *long):
            found.update(haystack.owners(term))
    for near in _near_spellings([term for term in plain if typo_budget(term)], short):
        for haystack in short:
            found.update(haystack.owners(near))
    return [chosen[index] for index in sorted(found)]


def _fields(texts: Iterable[str]) -> tuple[Field, ...]:
    return tuple(Field(normalised(text)) for text in texts if text)


@cache  # the same pairs of words recur in every entry's texts
def _is_near(term: str, token: str, budget: int) -> bool:
    """Whether two words are within the typo budget. Each edit changes at most two letters of
    the set difference: a cheap way to rule out most pairs before the dynamic programme."""
    if abs(len(term) - len(token)) > budget:
        return False
    return (
        len(set(term) ^ set(token)) <= 2 * budget and edit_distance(term, token, budget) <= budget
    )


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


def _best_match(doc: Document, term: str) -> tuple[float, list[str], str | None]:
    """The weight of one query word's best match in an entry, every tier it matched, and a
    name the row does not show when that name matched it best."""
    if term.isdigit():
        return (_CODE_WEIGHT, [CODE], None) if term == str(doc.entry.code) else (0.0, [], None)
    best = 0.0
    tiers = []
    via = None
    for tier, fields in doc.fields.items():
        # Typos are forgiven in names and summaries only: in long prose they find noise.
        qualities = [_word_quality(term, field, tier != BODY) for field in fields]
        quality = max(qualities, default=0.0)
        if quality:
            if tier == NAME:
                via = _hidden_match(doc, qualities, quality)
            best = max(best, _WEIGHTS[tier] * quality)
            tiers.append(tier)
    return best, tiers, via


def score(doc: Document, terms: Sequence[str], phrase: str) -> Hit | None:
    """An entry's score: each query word's best match, plus a bonus when the words are one of
    its names in full; None when no word matches."""
    total = 0.0
    matched_terms = 0
    matched_tiers: set[str] = set()
    via: str | None = None
    for term in terms:
        weight, tiers, hidden = _best_match(doc, term)
        if weight:
            total += weight
            matched_terms += 1
            matched_tiers.update(tiers)
            via = via or hidden
    if not matched_terms:
        return None
    if phrase in doc.phrases:
        total += _PHRASE_BONUS
    order = tuple(tier for tier in (CODE, NAME, SUMMARY, BODY) if tier in matched_tiers)
    return Hit(doc.entry, total, matched_terms == len(terms), order, via)


def _hidden_match(doc: Document, qualities: Sequence[float], best: float) -> str | None:
    """The name a row does not show that matched a word best, when no shown name matched
    it as well."""
    hidden = doc.hidden
    if len(hidden) != len(qualities):
        return None
    shown_best = max(
        (q for q, name in zip(qualities, hidden, strict=True) if name is None), default=0.0
    )
    if shown_best >= best:
        return None
    return next(name for q, name in zip(qualities, hidden, strict=True) if q == best and name)


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


def ranked(
    query: str, languages: Sequence[Texts], limit: int, best_only: bool = False
) -> tuple[list[Hit], int]:
    """At most ``limit`` hits, best first, and how many there were in all; with ``best_only``
    (words looked up without ``search``), only those matching every word when some do."""
    from httpstat_cli import registry

    hits = search(query, registry.all_codes(), languages, limit=0)
    if best_only:
        hits = [hit for hit in hits if hit.complete] or hits
    return hits[:limit], len(hits)


def vocabulary(entries: Iterable[StatusCode], languages: Sequence[Texts]) -> set[str]:
    """Every normalised word of the entries' texts in these languages."""
    vocabulary: set[str] = set()
    for entry in entries:
        for fields in document(entry, languages).fields.values():
            for field in fields:
                vocabulary.update(field.tokens)
    return vocabulary


def suggest(query: str, entries: Iterable[StatusCode], languages: Sequence[Texts]) -> str | None:
    """The closest known word to a query that found nothing, if one is near enough. Numbers
    are never guessed: 1e3 is not a typo of 103."""
    known = vocabulary(entries, languages)
    best: tuple[int, str] | None = None
    for term in words(query):
        if len(term) < 3 or any(ch.isdigit() for ch in term):
            continue  # two letters are one edit from too many words to guess
        # One edit more than a search forgives, but a short word gets one guess at most:
        # two edits turn a four-letter word into too many others (cors, bots).
        limit = typo_budget(term) + 1 if len(term) >= 5 else 1
        for word in known:
            if len(word) < 3 or any(ch.isdigit() for ch in word):
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
    for found in word_matches(text):
        token = normalised(found.group())
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
    texts hold these very words (a French word asked in English), else the nearest known
    spelling, else (when the error is worded) where to see every code. Only a failed search
    pays."""
    from httpstat_cli import i18n, registry

    entries = registry.all_codes()
    terms = {term for term in words(text) if not term.isdigit()}  # numbers name no language
    if not every_language and terms:
        for tag in i18n.SUPPORTED:
            if tag not in (lang, i18n.FALLBACK) and terms <= vocabulary(
                entries, [i18n.load_texts(tag)]
            ):
                return NotFound("err_no_search_hits", query=text, hint_lang=tag)
    word = suggest(text, entries, i18n.texts_for_search(lang, every_language))
    return NotFound("err_no_search_hits", query=text, hint=word)


def hit_views(hits: Sequence[Hit], texts: Texts, text: str) -> list[CodeView]:
    """Hits as the renderers show them: score, matched fields, the query's words marked."""
    views = []
    for hit in hits:
        view = code_view(hit.entry, texts)
        view.score, view.matched, view.matched_name = hit.score, hit.matched, hit.via
        view.title_marks = marks(view.title, text)
        view.summary_marks = marks(view.summary, text)
        views.append(view)
    return views
