"""Where a reader can go further: MDN's page for a code, in the reader's language when MDN
has one (data/mdn.json)."""

import os
from functools import cache
from typing import Any

from httpstat_cli import registry
from httpstat_cli.errors import DataError
from httpstat_cli.registry import StatusCode

DATA_FILE = os.path.join(os.path.dirname(__file__), "data", "mdn.json")
ENGLISH = "en-US"


@cache
def _data() -> dict[str, Any]:
    data = registry.read_data(DATA_FILE)
    try:
        pages = {locale: frozenset(codes) for locale, codes in data["pages"].items()}
        return {"url": str(data["url"]), "locales": dict(data["locales"]), "pages": pages}
    except (KeyError, TypeError, AttributeError) as error:
        raise DataError(f"cannot read {DATA_FILE}: {error!r}") from error


class Link:
    """MDN's page for a code: its URL, and whether it is in the reader's language."""

    __slots__ = ("in_reader_language", "locale", "url")

    def __init__(self, url: str, locale: str, in_reader_language: bool) -> None:
        self.url = url
        self.locale = locale
        self.in_reader_language = in_reader_language


def mdn(entry: StatusCode, lang: str) -> Link | None:
    """The page in ``lang`` where MDN has that locale, else the English one; None for codes
    MDN does not document (vendors' codes, 305, 306)."""
    data = _data()
    if not entry.official or entry.code not in data["pages"][ENGLISH]:
        return None
    locale = data["locales"].get(lang)
    if locale is None or entry.code not in data["pages"].get(locale, ()):
        locale = ENGLISH
    url = data["url"].format(locale=locale, code=entry.code)
    return Link(url, locale, locale != ENGLISH or lang == "en")
