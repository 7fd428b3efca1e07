"""Tab-separated output for pipes and scripts: one row per entry, no colour, no boxes.

Columns of a code row: code, class, status, vendor (or -), registered phrase, title, summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from httpstat_cli import i18n
from httpstat_cli.errors import visible
from httpstat_cli.i18n import Texts, colon, typeset
from httpstat_cli.render import Cut, Display, wrap_words, write
from httpstat_cli.views import CodeView, LanguageView, shows_phrase

if TYPE_CHECKING:  # explain, check and tally load only for their commands
    from httpstat_cli.explain import ClassStory, CodeStory, Story
    from httpstat_cli.intake.tally import Tally
    from httpstat_cli.render.reading import Response


def cell(text: str) -> str:
    """One field: tabs and newlines would break the columns, control bytes the terminal."""
    return visible(" ".join(text.split())) or "-"


def row(*fields: str) -> str:
    return "\t".join(cell(field) for field in fields)


def codes(views: Iterable[CodeView], visual: bool = False, stack: str | None = None) -> str:
    """One row per entry; with ``visual`` (--bidi), the translated fields in visual order;
    with ``stack`` (--stack go), an eighth field: that stack's constant, or -."""
    order = _visual if visual else _logical
    lines = []
    for view in views:
        fields = [
            str(view.entry.code),
            view.entry.code_class,
            view.entry.status,
            view.entry.vendor or "-",
            view.entry.phrase,
            order(view.title),
            order(view.summary),
        ]
        if stack:
            from httpstat_cli import constants

            fields.append(constants.primary(view.entry).get(stack, "-"))
        lines.append(row(*fields))
    return "\n".join(lines)


def _logical(text: str) -> str:
    return text


def _visual(text: str) -> str:
    from httpstat_cli.render import rtl

    return rtl.visual(" ".join(text.split()))


def languages(views: Iterable[LanguageView]) -> str:
    return "\n".join(
        row(view.tag, view.native_name, view.name, view.direction, f"{view.completeness:.0%}")
        for view in views
    )


class ParagraphWrapper:
    """Wraps paragraphs for one language and display: French spacing; for right-to-left text in
    a terminal without bidi, each wrapped line in visual order and aligned to the right."""

    def __init__(self, texts: Texts, width: int, visual: bool) -> None:
        self.lang = texts.lang
        self.width = width
        self.visual = visual
        self.rtl = texts.right_to_left and not visual  # logical order, lines marked

    def heading(self, label: str) -> str:
        """Section headings in capitals, as in a manual page, cased for the language."""
        return i18n.upper(label, self.lang)

    def wrap(self, text: str, indent: str = "", first: str | None = None) -> list[str]:
        lead = indent if first is None else first
        clean = typeset(visible(" ".join(text.split())), self.lang)
        room = max(self.width - len(lead), 10)
        if self.visual:
            from httpstat_cli.render import rtl

            return [
                _align(line + (lead if index == 0 else indent)[::-1], self.width)
                for index, line in enumerate(rtl.lines(clean, room))
            ]
        lines = wrap_words(clean, room, _cells) if clean else []
        if self.rtl:
            from httpstat_cli.render import rtl

            return [
                rtl.mark_line((lead if index == 0 else indent) + line)
                for index, line in enumerate(lines)
            ]
        return [(lead if index == 0 else indent) + line for index, line in enumerate(lines)]


def _cells(text: str) -> int:
    from httpstat_cli.render import rtl

    return len(text) if text.isascii() else rtl.cells(text)


def _align(line: str, width: int) -> str:
    """Right-aligned in ``width`` cells (a mark takes no cell)."""
    return " " * max(0, width - _cells(line)) + line


def _code_story(story: CodeStory, texts: Texts, out: ParagraphWrapper) -> list[str]:
    entry = story.view.entry
    lines = out.wrap(f"{entry.code}  {story.view.title}")
    if shows_phrase(story.view):
        lines += out.wrap(f"{story.phrase_label}{colon(texts.lang)}{entry.phrase}")
    lines += out.wrap(story.heading_note)
    for section in story.sections:
        lines += ["", *out.wrap(out.heading(section.label))]
        if section.text:
            lines += out.wrap(section.text, "  ")
        for item in section.items:
            head = ""
            if item.entry is not None:
                head = f"{item.entry.code} {item.title}"
                if item.entry.vendor:
                    head += f" ({texts.vendor(item.entry.vendor)})"
                head += colon(texts.lang) if item.text else ""
            lines += out.wrap(head + item.text, "    ", first="  - ")
    return lines


def _class_story(story: ClassStory, texts: Texts, out: ParagraphWrapper) -> list[str]:
    lines = out.wrap(f"{story.code_class}  {story.name}")
    lines += out.wrap(story.description)
    lines += ["", *out.wrap(out.heading(story.label))]
    for view in story.members:
        vendor = f" ({texts.vendor(view.entry.vendor)})" if view.entry.vendor else ""
        lines += out.wrap(f"{view.entry.code} {view.title}{vendor}", "    ", first="  - ")
    return lines


def stories(
    items: Sequence[CodeStory | ClassStory], texts: Texts, width: int, visual: bool = False
) -> str:
    """Readable text for pagers and pipes: labelled paragraphs, no colour, no box characters."""
    from httpstat_cli.explain import ClassStory

    out = ParagraphWrapper(texts, width, visual)
    blocks = [
        _class_story(story, texts, out)
        if isinstance(story, ClassStory)
        else _code_story(story, texts, out)
        for story in items
    ]
    return "\n\n\n".join("\n".join(block) for block in blocks)


class PlainRenderer:
    """Tab-separated rows and indented paragraphs on a stream."""

    def __init__(self, texts: Texts, display: Display, stream: IO[str]) -> None:
        self.texts = texts
        self.display = display
        self.stream = stream

    def codes(self, views: Sequence[CodeView]) -> None:
        if views:
            write(self.stream, codes(views, self.display.bidi, self.display.stack))

    def listing(self, views: Sequence[CodeView]) -> None:
        self.codes(views)

    def hits(self, views: Sequence[CodeView], query: str, cut: Cut | None = None) -> None:
        self.codes(views)  # a cut is said on stderr by the session, like any message

    def stories(self, told: Sequence[Story]) -> None:
        if told:
            write(self.stream, stories(told, self.texts, self.display.width, self.display.bidi))

    def languages(self, views: Sequence[LanguageView]) -> None:
        write(self.stream, languages(views))

    def check(self, responses: Sequence[Response]) -> None:
        from httpstat_cli.render import reading

        write(self.stream, reading.check_plain(responses, self.texts))

    def tally(self, counted: Tally, inputs: Sequence[dict[str, Any]]) -> None:
        from httpstat_cli.render import reading

        if counted.counted:  # only lines without a code: the error line says it all
            write(self.stream, reading.tally_plain(counted, self.texts))
