"""Coloured tables for people at a terminal; the only place besides explain that knows rich.

Every text reaches rich as a Text object, never as markup, so nothing from the user or the data
is interpreted: ``[bold]`` prints as typed.
"""

from collections.abc import Sequence
from typing import IO

from rich import box
from rich.align import AlignMethod
from rich.cells import cell_len
from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from httpstat_cli.errors import visible
from httpstat_cli.explain import ClassStory, CodeStory, Item
from httpstat_cli.i18n import Texts
from httpstat_cli.render import Display, palette
from httpstat_cli.render.typography import prose
from httpstat_cli.views import CodeView, LanguageView, source_label

Span = tuple[int, int]


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


def _wrap(text: Text, width: int) -> list[Text]:
    """Greedy word wrap of a styled text to ``width`` cells, breaking words only when one is
    longer than a line. Explicit newlines are kept; spans and styles survive the cuts."""
    plain = text.plain
    cuts: list[int] = []  # alternating line start, line end
    start = 0
    for paragraph in plain.split("\n"):
        line_start, line_width, position = start, 0, start
        for word in paragraph.split(" "):
            size = cell_len(word)
            gap = 1 if position > line_start else 0
            if position > line_start and line_width + gap + size > width:
                cuts += [line_start, position]
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
                    cuts += [line_start, position]
                    line_start, line_width = position, 0
                cuts += [position, position + taken]
                position += taken
                line_start, word = position, word[taken:]
                size = cell_len(word)
            line_width += gap + size if line_width or gap else size
            position += len(word)
        cuts += [line_start, position]
        start = position + 1
    pieces = text.divide(sorted(set(cuts)))
    bounds = {0: 0}
    offset = 0
    for index, piece in enumerate(pieces):
        bounds[offset] = index
        offset += len(piece.plain)
    return [
        pieces[bounds[a]] if a < b and a in bounds else Text("")
        for a, b in zip(cuts[::2], cuts[1::2], strict=True)
    ]


def _pad(line: Text, width: int, right: bool) -> Text:
    """The line filled to ``width`` cells with unstyled spaces, on the left for right-aligned
    text."""
    room = max(0, width - line.cell_len)
    padded = Text(" " * room if right else "")
    padded.append_text(line)
    if not right:
        padded.append(" " * room)
    return padded


def _widths(cells: Sequence[Sequence[Text]], total: int) -> list[int]:
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


def _stacked(rows: Sequence[Sequence[Text]], total: int, writer: Writer) -> list[Text]:
    """Narrow terminals: the code, then title, source and summary beneath one another, each
    wrapped to the width left of (or, right to left, right of) the code."""
    lines: list[Text] = []
    for row in rows:
        code = row[0]
        indent = code.cell_len + len(_GAP)
        width = max(1, total - indent)
        body = [line for cell in row[1:] for line in _wrap(cell, width)]
        for index, part in enumerate(body):
            lead = code if index == 0 else Text(" " * code.cell_len)
            if writer.rtl:
                line = _pad(part, width, right=True)
                line.append(_GAP)
                line.append_text(lead)
            else:
                line = lead.copy()
                line.append(_GAP)
                line.append_text(part)
            lines.append(line)
    return lines


def code_lines(views: Sequence[CodeView], texts: Texts, display: Display) -> list[Text]:
    """The code table as finished lines: heading, rule, then each entry's wrapped cells side
    by side. Laid out here rather than by rich's Table, which measures and wraps every cell
    several times: a list of every code stays within the start-up budget."""
    writer = Writer(texts, display)
    if display.width < _NARROW:
        visual_widths = [3] + [max(1, display.width - 3 - len(_GAP))] * 3
    else:
        visual_widths = [*_FIXED, max(12, display.width - sum(_FIXED) - 3 * len(_GAP))]
    header = [
        writer.text(texts.ui(key), width)
        for key, width in zip(
            ("col_code", "col_title", "col_source", "col_summary"), visual_widths, strict=True
        )
    ]
    rows = [
        [
            Text(str(view.entry.code), style=palette.code_style(view.entry)),
            title_cell(view, writer, visual_widths[1]),
            _defined_by(view, texts, writer, visual_widths[2]),
            writer.text(view.summary, visual_widths[3], spans=view.summary_marks),
        ]
        for view in views
    ]
    for cell in header:
        cell.stylize(palette.HEADING)
    if display.width < _NARROW:
        return _stacked(rows, display.width, writer)
    widths = visual_widths if writer.visual else _widths([header, *rows], display.width)
    right = writer.rtl
    lines: list[Text] = []
    for row in [header, *rows]:
        wrapped = [_wrap(cell, width) for cell, width in zip(row, widths, strict=True)]
        order = range(len(row) - 1, -1, -1) if writer.visual else range(len(row))
        for index in range(max(map(len, wrapped))):
            line = Text()
            for position, column in enumerate(order):
                part = wrapped[column][index] if index < len(wrapped[column]) else Text("")
                if position:
                    line.append(_GAP)
                last = position == len(row) - 1
                line.append_text(part if last and not right else _pad(part, widths[column], right))
            lines.append(line)
        if row is header:
            lines.append(Text("\u2500" * min(display.width, sum(widths) + 3 * len(_GAP))))
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
        style = palette.CLASS_STYLES.get(heading_class or "", "bold")
        lines.insert(0, Text(visible(heading), style=style))
    out.print(Text("\n").join(lines), soft_wrap=True, crop=False)


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


def _story_body(story: CodeStory, texts: Texts, display: Display) -> Group:
    writer = Writer(texts, display)
    width = display.width - 4  # the panel's borders and padding
    entry = story.view.entry
    accent = palette.code_style(entry)
    parts: list[RenderableType] = [writer.text(story.heading_note, width, palette.MUTED)]
    if story.view.title.casefold() != entry.phrase.casefold():
        phrase = Text(f"{texts.ui('label_phrase')}: {entry.phrase}", style=palette.MUTED)
        parts.append(writer.text(phrase.plain, width, palette.MUTED))
    for section in story.sections:
        parts.append(Text(""))
        parts.append(writer.text(section.label, width, accent))
        if section.text:
            parts.append(writer.text(section.text, width))
        if section.items:
            parts.append(_bullets(section.items, writer, width - 2))
    return Group(*parts)


def _item_text(item: Item, writer: Writer, width: int) -> Text:
    if writer.visual:  # one logical string, put in visual order as a whole
        head = ""
        if item.entry is not None:
            vendor = f" ({item.entry.vendor})" if item.entry.vendor else ""
            head = f"{item.entry.code} {item.title}{vendor}" + (": " if item.text else "")
        return writer.text(head + item.text, width)
    line = Text(justify=writer.justify, overflow="fold")
    if item.entry is not None:
        line.append(str(item.entry.code), style=palette.code_style(item.entry))
        line.append(f" {prose(visible(item.title), writer.lang)}", style="bold")
        if item.entry.vendor:
            line.append(f" ({visible(item.entry.vendor)})", style=palette.MUTED)
        if item.text:
            line.append(prose(" : " if writer.lang == "fr" else ": ", writer.lang))
    line.append(prose(visible(item.text), writer.lang))
    return line


def _bullets(items: Sequence[Item], writer: Writer, width: int) -> Table:
    """One row per item, wrapped lines hanging under the text rather than the bullet; the
    bullet stands on the right of right-to-left text."""
    grid = Table.grid(padding=(0, 1), expand=True)
    texts = [_item_text(item, writer, width) for item in items]
    if writer.rtl:
        grid.add_column(ratio=1, justify="right")
        grid.add_column(no_wrap=True)
        for text in texts:
            grid.add_row(text, Text("•"))
    else:
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        for text in texts:
            grid.add_row(Text("•"), text)
    return grid


def print_stories(
    stories: Sequence[CodeStory | ClassStory], texts: Texts, display: Display, stream: IO[str]
) -> None:
    out = console(display, stream)
    writer = Writer(texts, display)
    align: AlignMethod = "right" if display.rtl else "left"
    for story in stories:
        if isinstance(story, ClassStory):
            style = palette.CLASS_STYLES.get(story.code_class, "bold")
            title = Text(story.code_class + "  ", style=style)
            title.append_text(writer.text(story.name, display.width - 10, style))
            out.print(
                Panel(
                    writer.text(story.description, display.width - 4),
                    title=title,
                    title_align=align,
                    border_style=style,
                    expand=True,
                )
            )
            print_codes(story.members, texts, display, stream, story.label, story.code_class)
            continue
        entry = story.view.entry
        style = palette.code_style(entry)
        title = Text(str(entry.code) + "  ", style=style)
        title.append_text(writer.text(story.view.title, display.width - 12, "bold"))
        out.print(
            Panel(
                _story_body(story, texts, display),
                title=title,
                title_align=align,
                border_style=style,
                expand=True,
                padding=(0, 1),
            )
        )
