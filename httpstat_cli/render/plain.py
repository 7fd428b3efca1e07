"""Tab-separated output for pipes and scripts: one row per entry, no colour, no boxes.

Columns of a code row: code, class, status, vendor (or -), registered phrase, title, summary.
"""

from collections.abc import Iterable

from httpstat_cli.errors import visible
from httpstat_cli.views import CodeView, LanguageView


def cell(text: str) -> str:
    """One field: tabs and newlines would break the columns, control bytes the terminal."""
    return visible(" ".join(text.split())) or "-"


def row(*fields: str) -> str:
    return "\t".join(cell(field) for field in fields)


def codes(views: Iterable[CodeView]) -> str:
    lines = [
        row(
            str(view.entry.code),
            view.entry.code_class,
            view.entry.status,
            view.entry.vendor or "-",
            view.entry.phrase,
            view.title,
            view.summary,
        )
        for view in views
    ]
    return "\n".join(lines)


def languages(views: Iterable[LanguageView]) -> str:
    return "\n".join(
        row(view.tag, view.native_name, view.name, view.direction, f"{view.completeness:.0%}")
        for view in views
    )
