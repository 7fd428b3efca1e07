"""Text as search compares it: case, accents and letter forms folded, then split into words.

The same for queries and for texts, in every language: Turkish dotless i, Persian and Arabic
letter forms and digits, joiners and the kashida. Pure functions, standard library only.
"""

import re
from collections.abc import Iterator

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
    bytes in C first, so that only the few others are visited in Python."""
    if len(text) > 64:
        text = (
            text.encode("utf-8", "surrogatepass")
            .translate(None, _ASCII)
            .decode("utf-8", "surrogatepass")
        )
    return set(text)


def _fold(text: str, present: set[str]) -> str:
    """``text`` with the letter forms among ``present`` unified; a str.replace for each, as a
    str.translate table would look up every character of the text."""
    for form in present.intersection(_FOLD):
        text = text.replace(form, _FOLD[form])
    return text


def normalised(text: str) -> str:
    """Casefolded, accents stripped, letter forms unified."""
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


# What separates words: every ASCII character that is not a letter, digit or underscore
# (turned into a space byte by byte in C: every text of every entry goes through here), and
# the punctuation the shipped languages use beyond ASCII.
_NOT_WORD = (
    bytes(range(48)) + bytes(range(58, 65)) + bytes(range(91, 95)) + b"`" + bytes(range(123, 128))
)
_ASCII_SEPARATORS = bytes.maketrans(_NOT_WORD, b" " * len(_NOT_WORD))
_OTHER_SEPARATORS = (
    "\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026"  # NBSP « » – — ‘ ’ “ ” …
    "\u060c\u061b\u061f\u066b\u066c\u06d4"  # Arabic-script comma, semicolon, question mark, ...
)
_WORD = re.compile(r"\w+")


def split_words(text: str) -> list[str]:
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
    return _WORD.findall(text)  # rarer punctuation: the regular expression sorts it out


def words(text: str) -> list[str]:
    """The normalised words of any text: what a query or a text is compared by."""
    return split_words(normalised(text))


def word_matches(text: str) -> Iterator[re.Match[str]]:
    """The words of an original (not normalised) text, with where each is."""
    return _WORD.finditer(text)
