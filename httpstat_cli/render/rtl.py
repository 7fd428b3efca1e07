"""Right-to-left text (Persian) in terminals, most of which do no bidi of their own.

Terminals such as iTerm2, Windows Terminal, kitty, Alacritty, xterm and WezTerm print
characters in the order they arrive, so Persian in logical order reads backwards there.
VTE terminals (GNOME Terminal, Tilix, ...), Konsole, mlterm and Apple Terminal reorder by
themselves, and reordering twice scrambles the text again. So:

- ``--bidi`` / ``HSC_BIDI=on``: wrap each paragraph to the width first, then turn every line
  into visual order with the Unicode bidi algorithm (python-bidi) and join the letters into
  their contextual forms (arabic-reshaper), which terminals without shaping need; each run
  of Latin text is set apart first and comes back as written, and marks (the ezafe, tanwin)
  are kept, after their letter;
- ``--no-bidi`` / ``HSC_BIDI=off``: logical order, for terminals that do bidi themselves,
  each line holding right-to-left text starting with a right-to-left mark;
- ``auto`` (default): ``on`` at a terminal that is not known to do bidi, never when the
  stream is not a terminal; stdout and stderr decide apart. JSON is always in logical order.

Nothing here is imported unless a right-to-left language is shown.
"""

from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import re

ON = frozenset({"on", "1", "yes", "true"})
OFF = frozenset({"off", "0", "no", "false"})


def terminal_does_bidi(environ: Mapping[str, str]) -> bool:
    """What the environment says about the terminal: VTE, Konsole, mlterm, Apple Terminal."""
    return bool(
        environ.get("VTE_VERSION")
        or environ.get("KONSOLE_VERSION")
        or environ.get("TERM_PROGRAM") == "Apple_Terminal"
        or environ.get("TERM", "").startswith("mlterm")
        or environ.get("MLTERM")
    )


def setting(environ: Mapping[str, str]) -> tuple[str, str | None]:
    """HSC_BIDI as on, off or auto; an unknown value is auto, with the value to warn about."""
    raw = environ.get("HSC_BIDI", "").strip()
    value = raw.lower()
    if value in ON:
        return "on", None
    if value in OFF:
        return "off", None
    return "auto", (raw if value not in ("", "auto") else None)


def wants_visual_order(
    flag: bool | None, environ: Mapping[str, str], stdout_is_terminal: bool
) -> bool:
    if flag is not None:
        return flag
    mode, _ = setting(environ)
    if mode != "auto":
        return mode == "on"
    return stdout_is_terminal and not terminal_does_bidi(environ)


def visual(line: str) -> str:
    """One line, shaped and in visual order for a left-to-right terminal."""
    return visual_lines([line])[0]


def visual_lines(lines: list[str]) -> list[str]:
    """Lines shaped, then each put in visual order for a left-to-right terminal (shaping
    first keeps the zero-width non-joiner's effect, which reordering drops)."""
    return [_reorder(line) for line in _shape(lines)]


def has_rtl(text: str) -> bool:
    """Whether text holds a letter written right to left (Hebrew, Arabic script); the
    Arabic comma, semicolon, question mark, percent sign and digits alone are not letters."""
    return any(
        ("\u0590" <= ch <= "\u08ff" and ch not in _NOT_LETTERS)
        or "\ufb1d" <= ch <= "\ufdff"
        or "\ufe70" <= ch <= "\ufefc"
        for ch in text
    )


_NOT_LETTERS = frozenset(
    "\u060c\u061b\u061f\u066a\u066b\u066c"
    + "".join(map(chr, range(0x0660, 0x066A)))
    + "".join(map(chr, range(0x06F0, 0x06FA)))
)


def shaped(text: str) -> bool:
    """Whether text holds presentation forms: already shaped and in visual order (hsc's
    texts are written with plain letters only)."""
    return any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefc" for ch in text)


RLM = "\u200f"


def mark_line(line: str) -> str:
    """A line in logical order, starting with a right-to-left mark when it holds right-to-left
    text, so that a terminal doing bidi sets its paragraph right to left (UAX #9, P2)."""
    return RLM + line if has_rtl(line) else line


def cells(text: str) -> int:
    """Terminal cells of text without rich: combining marks and format characters take none."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(unicodedata.category(ch) not in ("Mn", "Me", "Cf") for ch in text)


_SHAPED: dict[str, str] = {}  # each word met, in its contextual forms
_RESHAPER: list[Any] = []


def _reshaper() -> Any:
    """arabic-reshaper configured to keep marks: by default it deletes harakat, and with them
    the ezafe (هٔ) and tanwin (معمولاً) of Persian."""
    if not _RESHAPER:
        from arabic_reshaper import ArabicReshaper

        _RESHAPER.append(ArabicReshaper(configuration={"delete_harakat": False}))
    return _RESHAPER[0]


def prepare(texts: Iterable[str]) -> None:
    """Shape every word of texts about to be shown, in one call of the reshaper, so that
    the cells and lines drawn from them one by one find their words ready."""
    _shape([" ".join(text.split()) for text in texts])


def _shape(lines: list[str]) -> list[str]:
    """Arabic-script letters joined into their contextual forms. Joining never crosses a
    space, so each word is shaped once, and all new words in one call."""
    new = list({word for line in lines for word in line.split(" ")}.difference(_SHAPED))
    for word in [word for word in new if not has_rtl(word)]:
        _SHAPED[word] = word  # nothing to join: an emoji's joiners must reach _protected
    new = [word for word in new if word not in _SHAPED]
    if new:
        try:
            shaped = _reshaper().reshape("\n".join(new)).split("\n")
        except (IndexError, KeyError, ValueError):
            shaped = []
        if len(shaped) != len(new):  # a word it fails on: shape one at a time
            shaped = [_shape_word(word) for word in new]
        _SHAPED.update(zip(new, shaped, strict=True))
    return [" ".join(map(_SHAPED.__getitem__, line.split(" "))) for line in lines]


def _shape_word(word: str) -> str:
    # arabic-reshaper 3.0 raises IndexError for a joiner before a lam-alef ligature
    for attempt in (word, word.replace("\u200d", "")):
        try:
            shaped: str = _reshaper().reshape(attempt)
            return shaped
        except (IndexError, KeyError, ValueError):
            continue
    return word


# Sentence punctuation that ends a left-to-right run in a right-to-left sentence belongs to
# the sentence, as do brackets the run does not close or open itself.
_TRAILING = ".,;:!?\u060c\u061b\u061f"
_PAIRS = {"(": ")", "[": "]", "{": "}", "\u00ab": "\u00bb"}
_CLOSING = {value: key for key, value in _PAIRS.items()}


def _trim(run: str) -> tuple[str, str, str]:
    """A run of left-to-right words split into what precedes the token, the token, and
    what follows it: unmatched brackets and quotes, and the sentence's own punctuation."""
    start, end = 0, len(run)
    while start < end:
        token = run[start:end]
        if _belongs_to_sentence(token[-1], token, _CLOSING):
            end -= 1
        elif _belongs_to_sentence(token[0], token, _PAIRS):
            start += 1
        else:
            break
    return run[:start], run[start:end], run[end:]


def _belongs_to_sentence(end: str, token: str, partners: dict[str, str]) -> bool:
    """Whether a character at one end of a token is the sentence's rather than the token's:
    a closing punctuation mark, a bracket or a quote the token does not pair."""
    if end in _TRAILING and partners is _CLOSING:
        return True
    if end in partners:
        return token.count(end) > token.count(partners[end])
    return end in "'\"" and token.count(end) % 2 == 1


def _protected(line: str) -> tuple[str, list[str]]:
    """Each run of left-to-right words (0-RTT, curl -H 'Expect:', */*;q=0.1) and each emoji
    sequence replaced by one private-use character, a strong left-to-right letter to the
    algorithm: the runs come back exactly as written, and the joiners inside an emoji stay
    where they were. A run holds at least one letter: numbers alone are the sentence's."""
    found: list[str] = []

    def keep(token: str) -> str:
        found.append(token)
        return chr(0xE000 + len(found) - 1)

    words = line.split(" ")
    out: list[str] = []
    index = 0
    while index < len(words):
        if has_rtl(words[index]) or not words[index]:
            out.append(words[index])
            index += 1
            continue
        stop = index
        while stop < len(words) and words[stop] and not has_rtl(words[stop]):
            stop += 1
            if words[stop - 1][-1] in "\u060c\u061b\u061f":
                break
        first, last = index, stop
        while first < last and not any(ch.isalpha() for ch in words[first]):
            first += 1  # a bullet, a number before a name ("1: HTTP/1.1") is the sentence's
        while last > first and not any(ch.isalnum() for ch in words[last - 1]):
            last -= 1
        out.extend(words[index:first])
        run = " ".join(words[first:last])
        before, token, after = _trim(run)
        if token and any(ch.isalpha() for ch in token) and len(found) < 0x1800:
            out.append(before + keep(token) + after)
        elif run:
            out.append(run)
        out.extend(words[last:stop])
        index = stop
    protected = " ".join(out)
    if not protected.isascii():
        protected = _emoji().sub(lambda match: keep(match.group()), protected)
    return protected, found


@cache
def _emoji() -> "re.Pattern[str]":
    """An emoji sequence: a flag, or a character with variation selectors, skin tones, tags
    or joiners to further characters."""
    import re

    return re.compile(
        "[\U0001f1e6-\U0001f1ff]{2}"
        "|[^\\s\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\ue000-\uf8ff]"
        "(?:[\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
        "|\u200d[^\\s\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])+"
    )


def _restored(line: str, found: list[str]) -> str:
    if not found:
        return line
    return "".join(
        found[ord(ch) - 0xE000] if "\ue000" <= ch < chr(0xE000 + len(found)) else ch for ch in line
    )


@cache
def _marks_before_letters() -> "re.Pattern[str]":
    """Arabic-script combining marks, then the letter they belong to once reversed."""
    import re

    return re.compile(
        "([\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8"
        "\u06ea-\u06ed]+)([\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufefc])"
    )


def _marks_after_letters(line: str) -> str:
    """Reversing a right-to-left run puts each mark before its letter; a terminal draws a
    mark on the cell before it, so each goes back after its letter (UAX #9, L3)."""
    return _marks_before_letters().sub(r"\2\1", line)


def _reorder(line: str) -> str:
    """``line`` in visual order, its base direction right to left. python-bidi's Rust
    binding is much quicker than its pure-Python algorithm (README, Performance) but does
    not mirror brackets ("(" in a right-to-left run shows as ")"), so a line holding a
    mirrored character goes to the pure-Python one. Both leave out what rule X9 removes
    (joiners, soft hyphens); so that they agree, those are removed first, once the runs
    that must stay as written are set apart."""
    if not has_rtl(line):
        # Nothing written right to left (a line of constants, a URL): the reorder would
        # only move the punctuation at its ends (".NET" shown as "NET.").
        return line
    line, found = _protected(line)
    if not line.isprintable():
        line = _without_x9(line)
    from bidi.mirror import MIRRORED

    if MIRRORED.keys().isdisjoint(line):
        from bidi import get_display
    else:
        from bidi.algorithm import get_display
    reordered: str = get_display(line, base_dir="R")
    return _restored(_marks_after_letters(reordered), found)


def _without_x9(line: str) -> str:
    import unicodedata

    line = line.replace("\u200c", "").replace("\u200d", "")
    if line.isprintable():
        return line
    removed = ("BN", "LRE", "RLE", "LRO", "RLO", "PDF")
    return "".join(
        ch
        for ch in line
        if unicodedata.bidirectional(ch) not in removed or "\ue000" <= ch <= "\uf8ff"
    )


def lines(text: str, width: int) -> list[str]:
    """Wrap in logical order, then reorder each line: bidi works line by line."""
    from httpstat_cli.render import wrap_words

    return visual_lines(wrap_words(" ".join(text.split()), max(width, 8), cells))
