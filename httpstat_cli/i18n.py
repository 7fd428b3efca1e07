"""Pick the reader's language and load its texts, falling back to English field by field.

Negotiation is pure functions over an ``environ`` mapping so it can be tested as tables.
"""

import json
import os
from collections.abc import Collection, Mapping, Sequence
from functools import cache
from typing import Any

from httpstat_cli.errors import DataError, UsageError

# Each language joins when its file is complete.
SUPPORTED: tuple[str, ...] = ("en", "fa", "fr", "tr")
FALLBACK = "en"
RIGHT_TO_LEFT = frozenset({"fa"})
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
_NO_PREFERENCE = frozenset({"C", "POSIX"})

_PACKAGED = os.path.join(os.path.dirname(__file__), "locales")
_CHECKOUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locales")


def locale_dir() -> str:
    """The packaged copy in a wheel; the checkout's ``locales/`` in an editable install."""
    return _PACKAGED if os.path.isdir(_PACKAGED) else _CHECKOUT


def normalise_tag(value: str) -> str | None:
    """``fr_FR.UTF-8@euro`` -> ``fr``; ``tr-TR`` -> ``tr``; C, POSIX and junk -> None."""
    bare = value.strip().split(".", 1)[0].split("@", 1)[0]
    if bare in _NO_PREFERENCE:
        return None
    language = bare.replace("-", "_").split("_", 1)[0].lower()
    if 2 <= len(language) <= 8 and language.isascii() and language.isalpha():
        return language
    return None


def _is_real_locale(value: str) -> bool:
    bare = value.strip().split(".", 1)[0].split("@", 1)[0]
    return bool(bare) and bare not in _NO_PREFERENCE


def preferences(environ: Mapping[str, str]) -> list[str]:
    """Languages the environment asks for, most wanted first (unsupported ones included)."""
    wanted: list[str | None] = [normalise_tag(environ.get("HSC_LANG", ""))]
    locale = next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name)), "")
    # GNU gettext ignores LANGUAGE unless a real locale is set; so do we.
    if _is_real_locale(locale):
        wanted += [normalise_tag(part) for part in environ.get("LANGUAGE", "").split(":")]
    for name in _LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value.strip().split(".", 1)[0] in _NO_PREFERENCE:
            break  # LC_ALL=C means "plain English", whatever LANG says
        wanted.append(normalise_tag(value))
    ordered: list[str] = []
    for tag in wanted:
        if tag and tag not in ordered:
            ordered.append(tag)
    return ordered


def negotiate(
    flag: str | None, environ: Mapping[str, str], supported: Collection[str] = SUPPORTED
) -> str:
    """``--lang`` wins and must be supported; otherwise the first supported environment choice."""
    if flag is not None:
        tag = normalise_tag(flag)
        if tag is None or tag not in supported:
            raise UsageError(
                "err_unsupported_language", lang=flag, available=", ".join(sorted(supported))
            )
        return tag
    return next((tag for tag in preferences(environ) if tag in supported), FALLBACK)


def locale_path(lang: str, directory: str | None = None) -> str:
    if normalise_tag(lang) != lang:  # a file name is only ever built from a bare language tag
        raise UsageError(
            "err_unsupported_language", lang=lang, available=", ".join(sorted(SUPPORTED))
        )
    return os.path.join(directory or locale_dir(), f"{lang}.json")


def read_locale(lang: str, directory: str | None = None) -> dict[str, Any]:
    path = locale_path(lang, directory)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.loads(handle.read())
    except OSError as error:
        raise DataError(f"cannot read {path}: {error.strerror}") from error
    except ValueError as error:
        raise DataError(f"{path} is not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise DataError(f"{path} does not hold a JSON object")
    return data


# Persian keeps ASCII digits (see the glossary), and with them the ASCII decimal point.
_DECIMAL_MARK = {"fr": ",", "tr": ","}


class Texts:
    """Every human text hsc shows, in one language, each field falling back to English."""

    def __init__(
        self,
        lang: str,
        primary: dict[str, Any],
        fallback: dict[str, Any],
        warnings: Sequence[str] = (),
        source: str = "",
    ) -> None:
        self.lang = lang
        self.right_to_left = lang in RIGHT_TO_LEFT
        self.warnings = tuple(warnings)
        self._layers = (primary, fallback)
        self._source = source
        # The per-code texts of each layer, looked up for every entry a list or search shows.
        self._codes = tuple(
            codes
            for codes in (primary.get("codes"), fallback.get("codes"))
            if isinstance(codes, dict)
        )

    def layer(self, index: int) -> dict[str, Any]:
        """The raw texts: 0 for this language, 1 for the English beneath it."""
        return self._layers[index]

    def _lookup(self, *path: str) -> Any:
        for layer in self._layers:
            node: Any = layer
            for key in path:
                node = node.get(key) if isinstance(node, dict) else None
            if node not in (None, "", []):
                return node
        return None

    def require(self, *path: str) -> Any:
        found = self._lookup(*path)
        if found is None:
            raise DataError(f"{self._source}: missing key {'.'.join(path)}")
        return found

    def ui(self, key: str, **values: object) -> str:
        template: str = self.require("ui", key)
        return template.format(**values) if values else template

    def optional(self, *path: str) -> str:
        """A text that only some entries have (a command's second paragraph); "" if none."""
        found = self._lookup(*path)
        return found if isinstance(found, str) else ""

    def help(self, key: str, **values: object) -> str:
        """A text of --help or of the parser's messages (the ``help`` section)."""
        template: str = self.require("help", key)
        return template.format(**values) if values else template

    def term(self, key: str, **values: object) -> str:
        """A word tables and explain panels put together (the ``display`` section): language
        names, percent, vendor descriptions."""
        template: str = self.require("display", key)
        return template.format(**values) if values else template

    def vendor(self, name: str) -> str:
        """A vendor in the reader's language where it is a description ("WebDAV draft"),
        else the product name as it is."""
        found = self._lookup("display", "vendors", name)
        return found if isinstance(found, str) else name

    def language_name(self, tag: str) -> str:
        """A language's name in the reader's language: Turkish says Fransızca."""
        found = self._lookup("display", f"language_{tag}")
        return found if isinstance(found, str) else tag

    def percent(self, share: float, decimals: int = 0) -> str:
        """A share 0..1 as the language writes a percentage: 100 %, %100, 100٪; with decimals,
        the language's decimal mark (40,9 % in French)."""
        value = f"{share * 100:.{decimals}f}".replace(".", _DECIMAL_MARK.get(self.lang, "."))
        return self.term("percent", value=value)

    def class_name(self, code_class: str) -> str:
        name: str = self.require("classes", code_class, "name")
        return name

    def class_description(self, code_class: str) -> str:
        description: str = self.require("classes", code_class, "description")
        return description

    def code_text(self, entry_id: str, field: str) -> str:
        found = self._code_value(entry_id, field)
        return found if isinstance(found, str) else ""

    def code_list(self, entry_id: str, field: str) -> list[str]:
        found = self._code_value(entry_id, field)
        return [item for item in found if isinstance(item, str)] if isinstance(found, list) else []

    def _code_value(self, entry_id: str, field: str) -> Any:
        """A code's field in this language, else in English; None when neither has it."""
        for codes in self._codes:
            texts = codes.get(entry_id)
            found = texts.get(field) if isinstance(texts, dict) else None
            if found:
                return found
        return None

    def confusion(self, first: str, second: str) -> str:
        for key in (f"{first}|{second}", f"{second}|{first}"):
            found = self._lookup("confusions", key)
            if isinstance(found, str):
                return found
        return ""

    def retry(self, policy: str) -> str:
        text: str = self.require("retry", policy)
        return text


@cache
def load_texts(lang: str, directory: str | None = None) -> Texts:
    """Texts for ``lang`` over English; a damaged non-English file degrades to English."""
    if lang == FALLBACK:
        fallback = read_locale(FALLBACK, directory)
        return Texts(lang, fallback, fallback, source=locale_path(lang, directory))
    # English is read once per process; called as the rest of hsc calls it, so that the cache
    # (keyed by the arguments as given) finds it again.
    english = load_texts(FALLBACK) if directory is None else load_texts(FALLBACK, directory)
    fallback = english.layer(0)
    try:
        primary = read_locale(lang, directory)
    except DataError as error:
        return Texts(FALLBACK, fallback, fallback, [f"{error}; showing English"])
    return Texts(lang, primary, fallback, source=locale_path(lang, directory))


def texts_for_search(lang: str, every_language: bool = False) -> list[Texts]:
    """The reader's language and English; or every shipped language."""
    tags = SUPPORTED if every_language else (lang, FALLBACK)
    return [load_texts(tag) for tag in dict.fromkeys(tags)]


def leaf_keys(node: Any, prefix: str = "") -> set[str]:
    """Dotted paths of every text in a locale tree (a list of strings counts as one text)."""
    if not isinstance(node, dict):
        return {prefix}
    keys: set[str] = set()
    for key, value in node.items():
        keys |= leaf_keys(value, f"{prefix}.{key}" if prefix else str(key))
    return keys


def completeness(lang: str, directory: str | None = None) -> float:
    """Share of English's texts that ``lang`` provides, 0..1."""
    reference = leaf_keys(read_locale(FALLBACK, directory))
    if lang == FALLBACK:
        return 1.0
    return len(reference & leaf_keys(read_locale(lang, directory))) / len(reference)


# Turkish (and Azerbaijani) pair dotted i with dotted İ and dotless ı with dotless I; Python's
# str.upper and str.lower follow the default Unicode mapping (i -> I, I -> i), which is wrong there.
_DOTTED_LANGUAGES = frozenset({"tr", "az"})
_TO_UPPER = str.maketrans({"i": "İ", "ı": "I"})
_TO_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def upper(text: str, lang: str) -> str:
    """Upper-case as a reader of ``lang`` expects: Turkish ``istek`` -> ``İSTEK``."""
    return (text.translate(_TO_UPPER) if lang in _DOTTED_LANGUAGES else text).upper()


def lower(text: str, lang: str) -> str:
    """Lower-case as a reader of ``lang`` expects: Turkish ``IRMAK`` -> ``ırmak``."""
    return (text.translate(_TO_LOWER) if lang in _DOTTED_LANGUAGES else text).lower()


# Language typography, for human-readable output only: the locale files hold ordinary spaces
# (easy to edit, and what JSON and plain rows carry).
NO_BREAK_SPACE = "\u00a0"


def typeset(text: str, lang: str) -> str:
    """``text`` with the language's spacing, so that a line never breaks before French
    punctuation (`` :``, ``«``, `` %`` …); same length, so highlight spans stay valid."""
    if lang != "fr":
        return text
    for mark in ":;?!»%":
        text = text.replace(" " + mark, NO_BREAK_SPACE + mark)
    return text.replace("« ", "«" + NO_BREAK_SPACE)


def colon(lang: str) -> str:
    """The separator between a label and its value: French sets a space before the colon."""
    return " : " if lang == "fr" else ": "


def list_separator(lang: str) -> str:
    """Between the items of a list in running text: the Arabic comma in Persian."""
    return "\u060c " if lang == "fa" else ", "


def semicolon(lang: str) -> str:
    """The separator between a message and its hint: French spacing, the Arabic semicolon."""
    return {"fr": " ; ", "fa": "\u061b "}.get(lang, "; ")


def capitalise(text: str, lang: str) -> str:
    """The first letter in upper case, as the language does it (Turkish ``istek`` -> ``İstek``):
    for a text written to follow a colon and shown on its own."""
    return upper(text[:1], lang) + text[1:]
