"""Tab-separated output for pipes and scripts: one row per entry, no colour, no boxes.

Columns of a code row: code, class, status, vendor (or -), registered phrase, title, summary.
"""

import textwrap
from collections.abc import Iterable, Sequence

from httpstat_cli.errors import visible
from httpstat_cli.explain import ClassStory, CodeStory
from httpstat_cli.i18n import Texts
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


def _wrap(text: str, width: int, indent: str, first: str | None = None) -> list[str]:
    lead = indent if first is None else first
    return textwrap.wrap(
        visible(" ".join(text.split())),
        width=max(width, len(lead) + 10),
        initial_indent=lead,
        subsequent_indent=indent,
        break_long_words=True,
        break_on_hyphens=False,
    )


def _code_story(story: CodeStory, texts: Texts, width: int) -> list[str]:
    entry = story.view.entry
    lines = [visible(f"{entry.code}  {story.view.title}")]
    if story.view.title.casefold() != entry.phrase.casefold():
        lines.append(visible(f"{texts.ui('label_phrase')}: {entry.phrase}"))
    lines += _wrap(story.heading_note, width, "")
    for section in story.sections:
        lines += ["", visible(section.label)]
        if section.text:
            lines += _wrap(section.text, width, "  ")
        for item in section.items:
            head = ""
            if item.entry is not None:
                head = f"{item.entry.code} {item.title}"
                if item.entry.vendor:
                    head += f" ({item.entry.vendor})"
                head += ": " if item.text else ""
            lines += _wrap(head + item.text, width, "    ", first="  - ")
    return lines


def _class_story(story: ClassStory, width: int) -> list[str]:
    lines = [visible(f"{story.code_class}  {story.name}")]
    lines += _wrap(story.description, width, "")
    lines += ["", visible(story.label)]
    for view in story.members:
        vendor = f" ({view.entry.vendor})" if view.entry.vendor else ""
        lines += _wrap(f"{view.entry.code} {view.title}{vendor}", width, "    ", first="  - ")
    return lines


def stories(items: Sequence[CodeStory | ClassStory], texts: Texts, width: int) -> str:
    """Readable text for pagers and pipes: labelled paragraphs, no colour, no box characters."""
    blocks = [
        _class_story(story, width)
        if isinstance(story, ClassStory)
        else _code_story(story, texts, width)
        for story in items
    ]
    return "\n\n\n".join("\n".join(block) for block in blocks)
