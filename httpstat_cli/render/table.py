"""Coloured tables for people at a terminal; the only place besides explain that knows rich.

Every text reaches rich as a Text object, never as markup, so nothing from the user or the data
is interpreted: ``[bold]`` prints as typed.
"""

import itertools
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from rich import box
from rich.cells import cell_len as _cell_len
from rich.console import Console, JustifyMethod
from rich.segment import Segment, Segments
from rich.style import Style
from rich.table import Table
from rich.text import Text

from httpstat_cli.errors import visible
from httpstat_cli.explain import ClassStory, CodeStory, Item
from httpstat_cli.i18n import Texts
from httpstat_cli.render import Display, palette
from httpstat_cli.render.typography import colon, prose
from httpstat_cli.views import CodeView, LanguageView, source_label

Span = tuple[int, int]


def cell_len(text: str) -> int:
    """Terminal cells a text takes; ASCII, most of what is measured, is one cell a character."""
    return len(text) if text.isascii() else _cell_len(text)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # The reader left (hsc list | head -1): let the command line end quietly, status 0,
        # instead of rich's exit status 1.
        self.quiet = True
        raise BrokenPipeError


def console(display: Display, stream: IO[str]) -> Console:
    return _Console(
        file=stream,
        width=display.width,
        force_terminal=display.color,
        no_color=not display.color,
        color_system="auto" if display.color else None,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


class Writer:
    """Turns texts into rich Text for one language and display: French spacing, right-to-left
    alignment, and for terminals without bidi, lines pre-wrapped and put in visual order."""

    def __init__(self, texts: Texts, display: Display) -> None:
        self.lang = texts.lang
        self.rtl = display.rtl
        self.visual = display.rtl and display.bidi
        self.justify: JustifyMethod = "right" if display.rtl else "left"

    def text(self, text: str, width: int, style: str = "", spans: Sequence[Span] = ()) -> Text:
        clean = prose(visible(text), self.lang)
        if self.visual:
            from httpstat_cli.render import rtl

            return Text(rtl.block(clean, width, align=False), style=style, justify="right")
        result = Text(clean, style=style, justify=self.justify, overflow="fold")
        for start, end in spans:
            result.stylize(palette.MATCH, start, end)
        return result


def _defined_by(view: CodeView, texts: Texts, writer: Writer, width: int) -> Text:
    entry = view.entry
    label = Text(source_label(entry), style=palette.UNOFFICIAL if entry.vendor else "")
    notes = [texts.ui(f"status_{entry.status}")] if entry.status != "standard" else []
    if entry.historic:
        notes.append(texts.ui("historic"))
    if entry.third_party_only:
        notes.append(texts.ui("third_party_only"))
    if notes:
        label.append("\n")
        label.append_text(writer.text(", ".join(notes), width, palette.MUTED))
    label.justify = writer.justify
    return label


def title_cell(view: CodeView, writer: Writer, width: int) -> Text:
    """The title in the reader's language, with the registered phrase beneath when it differs:
    the phrase is what travels on the wire."""
    cell = writer.text(view.title, width, "bold", view.title_marks)
    if view.title.casefold() != view.entry.phrase.casefold():
        cell.append("\n" + view.entry.phrase, style=palette.MUTED)
    return cell


# Column widths when cells are pre-wrapped for a terminal without bidi (the cells are already
# in visual order and cannot be re-wrapped): code, title, defined by; the summary takes the rest.
_FIXED = (3, 24, 18)
_GAP = "  "
_MAX_TITLE, _MAX_SOURCE, _MIN_FLEX = 30, 24, 8
_NARROW = 60  # below this, each entry is stacked: code and title, then source, then summary


def _breaks(plain: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap to ``width`` cells, as (start, end) offsets of each line; words are
    cut only when one is longer than a line, and explicit newlines are kept."""
    lines: list[tuple[int, int]] = []
    start = 0
    for paragraph in plain.split("\n"):
        line_start, line_width, position = start, 0, start
        for word in paragraph.split(" "):
            size = cell_len(word)
            gap = 1 if position > line_start else 0
            if gap and line_width + gap + size > width:
                lines.append((line_start, position))
                line_start, line_width, gap = position + 1, 0, 0
                position += 1
            elif gap:
                position += 1
            while size > width:  # a word longer than the line: fold it
                taken, used = 0, 0
                while taken < len(word) and used + cell_len(word[taken]) <= width:
                    used += cell_len(word[taken])
                    taken += 1
                taken = max(taken, 1)
                if line_width:
                    lines.append((line_start, position))
                lines.append((position, position + taken))
                position += taken
                line_start, line_width, word = position, 0, word[taken:]
                size = cell_len(word)
            line_width += gap + size
            position += len(word)
        lines.append((line_start, position))
        start = position + 1
    return lines


Span3 = tuple[int, int, str]


class _Cell:
    """A text to lay out: its characters, its own style and its highlighted spans."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, text: Text) -> None:
        self.plain = text.plain
        self.style = str(text.style) if text.style else ""
        self.spans = [(span.start, span.end, str(span.style)) for span in text.spans]


class _Line:
    """One output line built from pieces of cells: plain text plus style spans, turned into
    a single rich Text only at the end (building Text piece by piece is what costs)."""

    __slots__ = ("parts", "position", "spans")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span3] = []
        self.position = 0

    def add(self, text: str, style: str = "") -> None:
        if style and text:
            self.spans.append((self.position, self.position + len(text), style))
        self.parts.append(text)
        self.position += len(text)

    def add_piece(self, cell: _Cell, start: int, end: int) -> None:
        base = self.position
        self.add(cell.plain[start:end], cell.style)
        for first, last, style in cell.spans:
            first, last = max(first, start), min(last, end)
            if first < last:
                self.spans.append((base + first - start, base + last - start, style))

    def segments(self, get_style: Callable[[str], Style]) -> Iterator[Segment]:
        """The line as rich segments, each run of characters with the styles covering it
        combined (later spans win, as in rich), then a newline."""
        text = "".join(self.parts)
        if self.spans:
            points = sorted(
                {0, len(text), *(a for a, _, _ in self.spans), *(b for _, b, _ in self.spans)}
            )
            for start, end in itertools.pairwise(points):
                styles = " ".join(s for a, b, s in self.spans if a <= start and end <= b)
                yield Segment(text[start:end], get_style(styles) if styles else None)
        else:
            yield Segment(text)
        yield Segment.line()


def _widths(cells: Sequence[Sequence[_Cell]], total: int) -> list[int]:
    """Code column as wide as a code, title and source as wide as their longest line up to a
    cap, the summary the rest; at narrow widths title and source give way first."""
    natural = [
        max((max(map(cell_len, cell.plain.split("\n"))) for cell in column), default=1)
        for column in zip(*cells, strict=True)
    ]
    code, title, source = natural[0], min(natural[1], _MAX_TITLE), min(natural[2], _MAX_SOURCE)
    room = total - code - 3 * len(_GAP)
    spare = room - max(2 * _MIN_FLEX, room * 2 // 5)  # the summary keeps two fifths
    if title + source > spare:
        source = min(source, max(_MIN_FLEX, spare // 2))
        title = max(_MIN_FLEX, min(title, spare - source))
    return [code, title, source, max(_MIN_FLEX, room - title - source)]


def _stacked(rows: Sequence[Sequence[_Cell]], total: int, rtl: bool) -> list[_Line]:
    """Narrow terminals: the code, then title, source and summary beneath one another, each
    wrapped to the width left of (or, right to left, right of) the code."""
    lines: list[_Line] = []
    for code, *cells in rows:
        indent = cell_len(code.plain) + len(_GAP)
        width = max(1, total - indent)
        pieces = [(cell, a, b) for cell in cells for a, b in _breaks(cell.plain, width)]
        for index, (cell, start, end) in enumerate(pieces):
            line = _Line()
            room = width - cell_len(cell.plain[start:end])
            if rtl:
                line.add(" " * room)
                line.add_piece(cell, start, end)
                line.add(_GAP)
            if index == 0:
                line.add_piece(code, 0, len(code.plain))
            else:
                line.add(" " * cell_len(code.plain))
            if not rtl:
                line.add(_GAP)
                line.add_piece(cell, start, end)
            lines.append(line)
    return lines


def code_lines(views: Sequence[CodeView], texts: Texts, display: Display) -> list[_Line]:
    """The code table as finished lines: heading, rule, then each entry's wrapped cells side
    by side. Laid out here rather than by rich's Table, which measures and wraps every cell
    several times: a list of every code stays within the start-up budget."""
    writer = Writer(texts, display)
    if display.width < _NARROW:
        visual_widths = [3] + [max(1, display.width - 3 - len(_GAP))] * 3
    else:
        visual_widths = [*_FIXED, max(12, display.width - sum(_FIXED) - 3 * len(_GAP))]
    header = [
        writer.text(texts.ui(key), width, palette.HEADING)
        for key, width in zip(
            ("col_code", "col_title", "col_source", "col_summary"), visual_widths, strict=True
        )
    ]
    rows = [
        [
            _Cell(Text(str(view.entry.code), style=palette.code_style(view.entry))),
            _Cell(title_cell(view, writer, visual_widths[1])),
            _Cell(_defined_by(view, texts, writer, visual_widths[2])),
            _Cell(writer.text(view.summary, visual_widths[3], spans=view.summary_marks)),
        ]
        for view in views
    ]
    if display.width < _NARROW:
        return _stacked(rows, display.width, writer.rtl)
    head = [_Cell(cell) for cell in header]
    widths = visual_widths if writer.visual else _widths([head, *rows], display.width)
    order = range(3, -1, -1) if writer.visual else range(4)
    lines: list[_Line] = []
    for row in [head, *rows]:
        wrapped = [_breaks(cell.plain, width) for cell, width in zip(row, widths, strict=True)]
        for index in range(max(map(len, wrapped))):
            line = _Line()
            for position, column in enumerate(order):
                cell, pieces = row[column], wrapped[column]
                start, end = pieces[index] if index < len(pieces) else (0, 0)
                room = widths[column] - cell_len(cell.plain[start:end])
                if position:
                    line.add(_GAP)
                if writer.rtl:
                    line.add(" " * room)
                line.add_piece(cell, start, end)
                if not writer.rtl and position < 3:
                    line.add(" " * room)
            lines.append(line)
        if row is head:
            rule = _Line()
            rule.add("\u2500" * min(display.width, sum(widths) + 3 * len(_GAP)))
            lines.append(rule)
    return lines


def print_codes(
    views: Sequence[CodeView],
    texts: Texts,
    display: Display,
    stream: IO[str],
    heading: str | None = None,
    heading_class: str | None = None,
) -> None:
    out = console(display, stream)
    lines = code_lines(views, texts, display)
    if heading:
        title = _Line()
        title.add(visible(heading), palette.CLASS_STYLES.get(heading_class or "", "bold"))
        lines.insert(0, title)
    out.print(Segments(segment for line in lines for segment in line.segments(out.get_style)))


def print_languages(
    views: Sequence[LanguageView], texts: Texts, display: Display, stream: IO[str]
) -> None:
    table = Table(
        box=box.SIMPLE_HEAD, header_style=palette.HEADING, pad_edge=False, show_edge=False
    )
    for key in ("col_tag", "col_language", "col_native", "col_direction", "col_completeness"):
        table.add_column(texts.ui(key))
    for view in views:
        table.add_row(
            Text(view.tag, style="bold"),
            Text(view.name),
            Text(view.native_name),
            Text(view.direction),
            Text(f"{view.completeness:.0%}"),
        )
    console(display, stream).print(table)


Block = tuple[Text, str]  # a paragraph, and the bullet that starts it ("" for none)
_BULLET = "\u2022 "


def _story_blocks(story: CodeStory, texts: Texts, writer: Writer, width: int) -> list[Block]:
    entry = story.view.entry
    accent = palette.code_style(entry)
    blocks: list[Block] = [(writer.text(story.heading_note, width, palette.MUTED), "")]
    if story.view.title.casefold() != entry.phrase.casefold():
        phrase = f"{texts.ui('label_phrase')}{colon(texts.lang)}{entry.phrase}"
        blocks.append((writer.text(phrase, width, palette.MUTED), ""))
    for section in story.sections:
        blocks.append((Text(""), ""))
        blocks.append((writer.text(section.label, width, accent), ""))
        if section.text:
            blocks.append((writer.text(section.text, width), ""))
        for item in section.items:
            blocks.append((_item_text(item, writer, width - len(_BULLET)), _BULLET))
    return blocks


def _panel(title: Text, blocks: Sequence[Block], border: str, width: int, rtl: bool) -> list[_Line]:
    """A rounded box the width of the terminal, the title set in its top edge (or, when it
    does not fit there, as the first line inside), every paragraph wrapped inside it, bullet
    paragraphs hanging under their text; right-to-left text is right-aligned, bullets on the
    right. Built from the same lines as the code table, so nothing is cut or ellipsised."""
    inner = max(1, width - 4)
    head = _Cell(title)
    size = cell_len(head.plain)
    top = _Line()
    if "\n" not in head.plain and size <= width - 6:
        rule = "\u2500" * (width - size - 5)
        if rtl:
            top.add("\u256d" + rule + " ", border)
            top.add_piece(head, 0, len(head.plain))
            top.add(" \u2500\u256e", border)
        else:
            top.add("\u256d\u2500 ", border)
            top.add_piece(head, 0, len(head.plain))
            top.add(" " + rule + "\u256e", border)
    else:
        top.add("\u256d" + "\u2500" * (width - 2) + "\u256e", border)
        blocks = [(title, ""), *blocks]
    lines = [top]
    for text, bullet in blocks:
        cell = _Cell(text)
        room = max(1, inner - len(bullet))
        for index, (start, end) in enumerate(_breaks(cell.plain, room) if cell.plain else [(0, 0)]):
            mark = (bullet if index == 0 else " " * len(bullet)) if bullet else ""
            fill = " " * max(0, room - cell_len(cell.plain[start:end]))
            line = _Line()
            line.add("\u2502 ", border)
            if rtl:
                line.add(fill)
                line.add_piece(cell, start, end)
                line.add(mark[::-1])
            else:
                line.add(mark)
                line.add_piece(cell, start, end)
                line.add(fill)
            line.add(" \u2502", border)
            lines.append(line)
    bottom = _Line()
    bottom.add("\u2570" + "\u2500" * (width - 2) + "\u256f", border)
    lines.append(bottom)
    return lines


def _item_text(item: Item, writer: Writer, width: int) -> Text:
    if writer.visual:  # one logical string, put in visual order as a whole
        head = ""
        if item.entry is not None:
            vendor = f" ({item.entry.vendor})" if item.entry.vendor else ""
            head = f"{item.entry.code} {item.title}{vendor}" + (
                colon(writer.lang) if item.text else ""
            )
        return writer.text(head + item.text, width)
    line = Text(justify=writer.justify, overflow="fold")
    if item.entry is not None:
        line.append(str(item.entry.code), style=palette.code_style(item.entry))
        line.append(f" {prose(visible(item.title), writer.lang)}", style="bold")
        if item.entry.vendor:
            line.append(f" ({visible(item.entry.vendor)})", style=palette.MUTED)
        if item.text:
            line.append(prose(colon(writer.lang), writer.lang))
    line.append(prose(visible(item.text), writer.lang))
    return line


def _headline(code: str, name: Text, style: str, writer: Writer) -> Text:
    """Code, then name; in visual order the code goes last, where a right-to-left reader
    ends up after reading the name, as the bidi algorithm would place it."""
    if writer.visual:
        headline = name.copy()
        headline.append("  ")
        headline.append(code, style=style)
        return headline
    headline = Text(code + "  ", style=style)
    headline.append_text(name)
    return headline


def print_stories(
    stories: Sequence[CodeStory | ClassStory], texts: Texts, display: Display, stream: IO[str]
) -> None:
    out = console(display, stream)
    writer = Writer(texts, display)
    inner = max(1, display.width - 4)
    for story in stories:
        if isinstance(story, ClassStory):
            style = palette.CLASS_STYLES.get(story.code_class, "bold")
            title = _headline(
                story.code_class, writer.text(story.name, display.width - 10, style), style, writer
            )
            body = [(writer.text(story.description, inner), "")]
            lines = _panel(title, body, style, display.width, display.rtl)
            out.print(Segments(seg for line in lines for seg in line.segments(out.get_style)))
            print_codes(story.members, texts, display, stream, story.label, story.code_class)
            continue
        entry = story.view.entry
        style = palette.code_style(entry)
        name = writer.text(story.view.title, display.width - 12, "bold")
        title = _headline(str(entry.code), name, style, writer)
        lines = _panel(
            title, _story_blocks(story, texts, writer, inner), style, display.width, display.rtl
        )
        out.print(Segments(seg for line in lines for seg in line.segments(out.get_style)))
