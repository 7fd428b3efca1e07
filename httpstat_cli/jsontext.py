"""Read and write JSON without importing the json package.

Importing json compiles several regular expressions, about 3 % of a lookup's whole run, and
hsc reads its data on every run and TAB. CPython's C scanner and string encoders, which json
itself uses, need only a handful of settings; where they are missing, the json package does
the work. ``dumps`` writes exactly what ``json.dumps(value, indent=2)`` writes.
"""

from typing import Any

_WHITESPACE = " \t\n\r"


class _Settings:
    # What the C scanner reads from its context: json.loads' defaults, but NaN and Infinity
    # are not JSON and are refused.
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int

    @staticmethod
    def parse_constant(name: str) -> Any:
        raise ValueError(f"{name} is not allowed in JSON")


def loads(text: str) -> Any:
    """The value ``text`` holds; ValueError (with the position) when it is not JSON."""
    try:
        from _json import make_scanner
    except ImportError:  # another Python implementation: the standard way
        import json

        return json.loads(text)
    start = len(text) - len(text.lstrip(_WHITESPACE))
    try:
        # typeshed describes the context as the scanner type; any object with the settings
        # json.decoder.JSONDecoder has will do.
        value, end = make_scanner(_Settings())(text, start)  # type: ignore[arg-type]
    except StopIteration as stop:
        raise ValueError(f"not valid JSON at character {stop.value}") from None
    if text[end:].strip(_WHITESPACE):
        raise ValueError(f"unexpected text after the JSON value at character {end}")
    return value


def dumps(value: Any, ensure_ascii: bool = True) -> str:
    """``value`` (dicts, lists, strings, numbers, booleans, None) as indented JSON."""
    try:
        from _json import encode_basestring, encode_basestring_ascii
    except ImportError:
        import json

        return json.dumps(value, ensure_ascii=ensure_ascii, indent=2)
    quote = encode_basestring_ascii if ensure_ascii else encode_basestring
    parts: list[str] = []
    _write(value, quote, parts, "\n")
    return "".join(parts)


def _write(value: Any, quote: Any, parts: list[str], newline: str) -> None:
    if isinstance(value, str):
        parts.append(quote(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value} is not allowed in JSON")
        parts.append(float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        for index, (key, item) in enumerate(value.items()):
            parts.append(("{" if index == 0 else ",") + inner)
            parts.append(quote(str(key)) + ": ")
            _write(item, quote, parts, inner)
        parts.append(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        for index, item in enumerate(value):
            parts.append(("[" if index == 0 else ",") + inner)
            _write(item, quote, parts, inner)
        parts.append(newline + "]")
    else:
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")
