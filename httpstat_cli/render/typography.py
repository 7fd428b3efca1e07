"""Typographic conventions of a language, applied to human-readable output only.

French puts a non-breaking space before : ; ? ! and inside « guillemets »; the locale files
hold ordinary spaces (easy to edit, and what JSON and plain rows carry), and the table and
explain renderers call :func:`prose` so that a line never breaks before the punctuation.
"""

NBSP = "\u00a0"


def prose(text: str, lang: str) -> str:
    """``text`` with the language's spacing; same length, so highlight spans stay valid."""
    if lang != "fr":
        return text
    for mark in ":;?!»":
        text = text.replace(" " + mark, NBSP + mark)
    return text.replace("« ", "«" + NBSP)


def colon(lang: str) -> str:
    """The separator between a label and its value: French sets a space before the colon."""
    return " : " if lang == "fr" else ": "
