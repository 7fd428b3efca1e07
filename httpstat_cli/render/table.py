"""Coloured tables and explain panels for people at a terminal; the only module that knows rich.

hsc lays its texts out itself, into finished lines: rich's Table and Text measure, wrap and
style every cell several times over, which a list of every code cannot afford on each run.
rich still decides the terminal's colour system and turns style names into escape sequences.
Every text is kept as plain characters with style spans, never markup, so nothing from the
user or the data is interpreted: ``[bold]`` prints as typed.
"""

import itertools
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import IO

from rich import box
from rich.cells import cell_len as _cell_len
from rich.console import COLOR_SYSTEMS, Console
from rich.table import Table
from rich.text import Text

from httpstat_cli.errors import visible
from httpstat_cli.explain import ClassStory, CodeStory, Item
from httpstat_cli.i18n import Texts, colon, typeset
from httpstat_cli.registry import StatusCode
from httpstat_cli.render import Display, palette
from httpstat_cli.views import CodeView, LanguageView, source_label

Span = tuple[int, int]
Span3 = tuple[int, int, str]  # start, end, style name
Piece = tuple[int, int, int]  # a wrapped line of a text: start, end, the cells it takes


def cell_len(text: str) -> int:
    """Terminal cells one line of text takes, as rich counts them: the sum of its
    characters' cells, each asked of rich once, unless a joiner or a variation selector
    makes an emoji sequence, which rich measures as a whole."""
    if text.isascii():
        return len(text)
    if "\u200d" in text or "\ufe0f" in text:
        return _cell_len(text)
    try:
        return sum(map(_CELLS.__getitem__, text))
    except KeyError:
        _learn(text)
        return sum(map(_CELLS.__getitem__, text))


_CELLS: dict[str, int] = {}  # the cells of each character met


def _learn(text: str) -> None:
    """Ask rich for the cells of each character of ``text`` not met before."""
    for character in set(text).difference(_CELLS):
        _CELLS[character] = _cell_len(character)


def _one_cell_each(text: str) -> bool:
    """Whether every character of ``text`` takes one terminal cell (a newline counts as one,
    for texts measured a line at a time): ASCII, and below U+0300 the printable characters
    with the no-break space, which is all of Latin, Turkish and French letters and accents."""
    if text.isascii():
        return True
    if max(text) >= "\u0300":
        return False
    return text.replace("\n", " ").replace("\xa0", " ").isprintable()


class Run:
    """Characters with a base style and styled spans on top (later spans win, as in rich):
    what this module builds in place of rich's Text."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, plain: str = "", style: str = "", spans: list[Span3] | None = None) -> None:
        self.plain = plain
        self.style = style
        self.spans: list[Span3] = spans if spans is not None else []

    def append(self, text: str, style: str = "") -> None:
        if style and text:
            self.spans.append((len(self.plain), len(self.plain) + len(text), style))
        self.plain += text

    def extend(self, other: "Run") -> None:
        """Append another run, its base style becoming a span."""
        offset = len(self.plain)
        self.append(other.plain, other.style)
        self.spans.extend((a + offset, b + offset, style) for a, b, style in other.spans)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # The reader left (hsc languages | head -1): let the command line end quietly,
        # status 0, instead of rich's exit status 1.
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
    """Turns texts into runs for one language and display: French spacing, right-to-left
    alignment, and for terminals without bidi, lines pre-wrapped and put in visual order."""

    def __init__(self, texts: Texts, display: Display) -> None:
        self.texts = texts
        self.lang = texts.lang
        self.rtl = display.rtl
        self.visual = display.rtl and display.bidi
        self.plain = not self.visual and self.lang != "fr"  # printable text passes unchanged

    def text(self, text: str, width: int, style: str = "", spans: Sequence[Span] = ()) -> Run:
        clean = text if self.plain and text.isprintable() else typeset(visible(text), self.lang)
        if self.visual:
            from httpstat_cli.render import rtl

            return Run(rtl.block(clean, width, align=False), style)
        if spans:
            return Run(clean, style, [(start, end, palette.MATCH) for start, end in spans])
        return Run(clean, style)

    def vendor(self, entry: StatusCode) -> str:
        return self.texts.vendor(entry.vendor or "")


def _defined_by(view: CodeView, texts: Texts, writer: Writer, width: int) -> Run:
    entry = view.entry
    label = Run(source_label(entry, texts), palette.UNOFFICIAL if entry.vendor else "")
    if entry.status == "standard" and not entry.historic and not entry.third_party_only:
        return label  # most entries: nothing to note
    notes = [texts.ui(f"status_{entry.status}")] if entry.status != "standard" else []
    if entry.historic:
        notes.append(texts.ui("historic"))
    if entry.third_party_only:
        notes.append(texts.ui("third_party_only"))
    if notes:
        label.append("\n")
        label.extend(writer.text(texts.term("list_separator").join(notes), width, palette.MUTED))
    return label


def title_cell(view: CodeView, writer: Writer, width: int) -> Run:
    """The title in the reader's language, with the registered phrase beneath when it differs:
    the phrase is what travels on the wire."""
    cell = writer.text(view.title, width, "bold", view.title_marks)
    if view.title.casefold() != view.entry.phrase.casefold():
        cell.append("\n" + view.entry.phrase, palette.MUTED)
    return cell


# Column widths when cells are pre-wrapped for a terminal without bidi (the cells are already
# in visual order and cannot be re-wrapped): code, title, defined by; the summary takes the rest.
_FIXED = (3, 24, 18)
_GAP = "  "
_MAX_TITLE, _MAX_SOURCE, _MIN_FLEX = 30, 24, 8
_NARROW = 60  # below this, each entry is stacked: code and title, then source, then summary


def _breaks(plain: str, width: int) -> list[Piece]:
    """Greedy word wrap to ``width`` cells, as (start, end, cells) of each line; words are
    cut only when one is longer than a line, and explicit newlines are kept."""
    if len(plain) <= width and "\n" not in plain:
        if _one_cell_each(plain):
            return [(0, len(plain), len(plain))]  # most cells: one line, nothing to measure
        size = cell_len(plain)
        if size <= width:
            return [(0, len(plain), size)]
    elif width > 0 and _one_cell_each(plain):
        return [(start, end, end - start) for start, end in _narrow_breaks(plain, width)]
    return _wide_breaks(plain, width)


def _wide_breaks(plain: str, width: int) -> list[Piece]:
    """The same greedy wrap measured a character at a time, for scripts with wide characters
    or zero-width marks: a mark stays with the character before it when a word is cut.
    Where a line ends is found by bisecting the running count of cells."""
    _learn(plain)
    # cells[i]: the cells plain[:i] takes
    cells = [0, *itertools.accumulate(map(_CELLS.__getitem__, plain))]
    lines: list[Piece] = []
    start = 0
    for paragraph in plain.split("\n"):
        end = start + len(paragraph)
        while cells[end] - cells[start] > width:
            fit = bisect_right(cells, cells[start] + width, start, end + 1) - 1
            space = plain.rfind(" ", start, fit + 1)
            if space > start:
                lines.append((start, space, cells[space] - cells[start]))
                start = space + 1
            elif space == start:  # a space that would start a line ends the one before
                start += 1
            else:  # one word longer than a line: fold it, at least a character a line
                fit = max(fit, start + 1)
                while fit < end and cells[fit + 1] == cells[fit]:
                    fit += 1
                lines.append((start, fit, cells[fit] - cells[start]))
                start = fit
        lines.append((start, end, cells[end] - cells[start]))
        start = end + 1
    return lines


def _narrow_breaks(plain: str, width: int) -> list[Span]:
    """The same greedy wrap for text of one cell a character, found a line at a time: the
    last space that still fits ends the line."""
    lines: list[Span] = []
    start = 0
    for paragraph in plain.split("\n"):
        end = start + len(paragraph)
        while end - start > width:
            space = plain.rfind(" ", start, start + width + 1)
            if space > start:
                lines.append((start, space))
                start = space + 1
            elif space == start:  # a space that would start a line ends the one before
                start += 1
            else:  # one word longer than a line: fold it
                lines.append((start, start + width))
                start += width
        lines.append((start, end))
        start = end + 1
    return lines


Paint = Callable[[str, str], str]  # (style names, text) -> text wrapped in escape sequences
Line = tuple[str, Sequence[Span3]]  # a finished line: its characters and style spans
_NO_SPANS: Sequence[Span3] = ()


class _Line:
    """One output line built from pieces of runs: its characters and style spans, turned into
    a string with escape sequences only when written."""

    __slots__ = ("parts", "position", "spans")

    def __init__(self, text: str = "") -> None:
        self.parts: list[str] = [text] if text else []
        self.spans: list[Span3] = []
        self.position = len(text)

    def add(self, text: str, style: str = "") -> None:
        if style and text:
            self.spans.append((self.position, self.position + len(text), style))
        self.parts.append(text)
        self.position += len(text)

    def add_piece(self, run: Run, start: int, end: int) -> None:
        base = self.position
        self.add(run.plain[start:end], run.style)
        for first, last, style in run.spans:
            first, last = max(first, start), min(last, end)
            if first < last:
                self.spans.append((base + first - start, base + last - start, style))

    def done(self) -> "Line":
        return "".join(self.parts), self.spans


def _render(line: "Line", paint: Paint | None) -> str:
    """A line's characters, each stretch painted with every style covering it (combined in
    order, so later spans win, as in rich)."""
    text, spans = line
    if paint is None or not spans:
        return text
    points = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    pieces = []
    for start, end in itertools.pairwise(points):
        styles = " ".join(s for a, b, s in spans if a <= start and end <= b)
        pieces.append(paint(styles, text[start:end]) if styles else text[start:end])
    return "".join(pieces)


def _painter(out: Console) -> Paint:
    """Escape sequences from rich for each combination of style names, worked out once."""
    system = COLOR_SYSTEMS.get(out.color_system or "")
    ends: dict[str, tuple[str, str]] = {}

    def paint(styles: str, text: str) -> str:
        pair = ends.get(styles)
        if pair is None:
            before, _, after = (
                out.get_style(styles).render("\0", color_system=system).partition("\0")
            )
            pair = ends[styles] = (before, after)
        return pair[0] + text + pair[1]

    return paint


def write_lines(lines: Sequence[Line], display: Display, stream: IO[str]) -> None:
    """Write finished lines, in colour when the display has it."""
    if display.color:
        paint = _painter(console(display, stream))
        stream.write("".join(_render(line, paint) + "\n" for line in lines))
    else:
        stream.write("".join(text + "\n" for text, _ in lines))
    stream.flush()


def _paragraph(run: Run, width: int, rtl: bool) -> list[Line]:
    """A run wrapped to ``width``, right-aligned for right-to-left text."""
    lines = []
    for start, end, size in _breaks(run.plain, width):
        line = _Line()
        if rtl:
            line.add(" " * (width - size))
        line.add_piece(run, start, end)
        lines.append(line.done())
    return lines


def _widths(rows: Sequence[Sequence[Run]], total: int) -> list[int]:
    """Code column as wide as a code, title and source as wide as their longest line up to a
    cap, the summary the rest; at narrow widths title and source give way first."""
    natural = []
    for column in range(3):
        joined = "\n".join([row[column].plain for row in rows])
        measure = len if _one_cell_each(joined) else cell_len
        natural.append(max(1, *map(measure, joined.split("\n"))))
    code, title, source = natural[0], min(natural[1], _MAX_TITLE), min(natural[2], _MAX_SOURCE)
    room = total - code - 3 * len(_GAP)
    spare = room - max(2 * _MIN_FLEX, room * 2 // 5)  # the summary keeps two fifths
    if title + source > spare:
        source = min(source, max(_MIN_FLEX, spare // 2))
        title = max(_MIN_FLEX, min(title, spare - source))
    return [code, title, source, max(_MIN_FLEX, room - title - source)]


def _stacked(rows: Sequence[Sequence[Run]], total: int, rtl: bool) -> list[Line]:
    """Narrow terminals: the code, then title, source and summary beneath one another, each
    wrapped to the width left of (or, right to left, right of) the code."""
    lines: list[Line] = []
    for code, *cells in rows:
        indent = cell_len(code.plain) + len(_GAP)
        width = max(1, total - indent)
        pieces = [(cell, *piece) for cell in cells for piece in _breaks(cell.plain, width)]
        for index, (cell, start, end, size) in enumerate(pieces):
            line = _Line()
            room = width - size
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
            lines.append(line.done())
    return lines


def _column(run: Run, width: int, rtl: bool, pad: bool, styled: bool) -> list[Line]:
    """One cell wrapped to its column: each line padded to the column's width (on the left,
    right to left) unless it is the last column, with its spans when they are shown."""
    plain = run.plain
    if not styled and len(plain) <= width and "\n" not in plain and _one_cell_each(plain):
        # most cells: one line, one character a cell, nothing to style
        return [((plain.rjust(width) if rtl else plain.ljust(width)) if pad else plain, _NO_SPANS)]
    lines: list[Line] = []
    for start, end, size in _breaks(plain, width):
        room = width - size if pad else 0
        if not styled:
            piece = plain[start:end]
            lines.append((" " * room + piece if rtl else piece + " " * room, _NO_SPANS))
            continue
        line = _Line(" " * room if rtl else "")
        line.add_piece(run, start, end)
        if not rtl:
            line.add(" " * room)
        lines.append(line.done())
    return lines


def _side_by_side(
    rows: Sequence[Sequence[Run]], widths: Sequence[int], writer: Writer, styled: bool
) -> list[Line]:
    """Each row's cells wrapped to their column and set next to one another; in visual order
    (right to left, pre-wrapped) the columns run from the right."""
    order = (3, 2, 1, 0) if writer.visual else (0, 1, 2, 3)
    rtl = writer.rtl
    lines: list[Line] = []
    for row in rows:
        columns = [
            _column(row[column], widths[column], rtl, rtl or position < 3, styled)
            for position, column in enumerate(order)
        ]
        height = max(map(len, columns))
        for position, cell in enumerate(columns):
            if len(cell) < height:
                blank = " " * widths[order[position]] if rtl or position < 3 else ""
                cell += [(blank, _NO_SPANS)] * (height - len(cell))
        for found in zip(*columns, strict=True):
            text = _GAP.join([piece for piece, _ in found])
            if not styled:
                lines.append((text, _NO_SPANS))
                continue
            spans: list[Span3] = []
            offset = 0
            for piece, piece_spans in found:
                spans += [(a + offset, b + offset, style) for a, b, style in piece_spans]
                offset += len(piece) + len(_GAP)
            lines.append((text, spans))
    return lines


def code_lines(views: Sequence[CodeView], texts: Texts, display: Display) -> list[Line]:
    """The code table as finished lines: column heads, rule, then each entry's wrapped cells
    side by side (or, on a narrow terminal, stacked)."""
    writer = Writer(texts, display)
    narrow = display.width < _NARROW
    if narrow:
        visual_widths = [3] + [max(1, display.width - 3 - len(_GAP))] * 3
    else:
        visual_widths = [*_FIXED, max(12, display.width - sum(_FIXED) - 3 * len(_GAP))]
    if writer.visual:
        from httpstat_cli.render import rtl

        rtl.prepare([text for view in views for text in (view.title, view.summary)])
    head = [
        writer.text(texts.ui(key), width, palette.HEADING)
        for key, width in zip(
            ("col_code", "col_title", "col_source", "col_summary"), visual_widths, strict=True
        )
    ]
    rows = [
        [
            Run(str(view.entry.code), palette.code_style(view.entry)),
            title_cell(view, writer, visual_widths[1]),
            _defined_by(view, texts, writer, visual_widths[2]),
            writer.text(view.summary, visual_widths[3], spans=view.summary_marks),
        ]
        for view in views
    ]
    if narrow:
        return _stacked(rows, display.width, writer.rtl)
    widths = visual_widths if writer.visual else _widths([head, *rows], display.width)
    lines = _side_by_side([head], widths, writer, display.color)
    lines.append(("\u2500" * min(display.width, sum(widths) + 3 * len(_GAP)), _NO_SPANS))
    lines += _side_by_side(rows, widths, writer, display.color)
    return lines


def print_codes(
    views: Sequence[CodeView],
    texts: Texts,
    display: Display,
    stream: IO[str],
    heading: str | None = None,
    heading_class: str | None = None,
) -> None:
    lines = code_lines(views, texts, display)
    if heading:
        style = palette.CLASS_STYLES.get(heading_class or "", "bold")
        run = Writer(texts, display).text(heading, display.width, style)
        lines[:0] = _paragraph(run, display.width, display.rtl)
    write_lines(lines, display, stream)


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
            Text(texts.language_name(view.tag)),
            Text(view.native_name),
            Text(texts.ui(f"direction_{view.direction}")),
            Text(typeset(texts.percent(view.completeness), texts.lang)),
        )
    console(display, stream).print(table)


Block = tuple[Run, str]  # a paragraph, and the bullet that starts it ("" for none)
_BULLET = "\u2022 "


def _story_blocks(story: CodeStory, texts: Texts, writer: Writer, width: int) -> list[Block]:
    entry = story.view.entry
    accent = palette.code_style(entry)
    blocks: list[Block] = [(writer.text(story.heading_note, width, palette.MUTED), "")]
    if story.view.title.casefold() != entry.phrase.casefold():
        phrase = f"{texts.ui('label_phrase')}{colon(texts.lang)}{entry.phrase}"
        blocks.append((writer.text(phrase, width, palette.MUTED), ""))
    for section in story.sections:
        blocks.append((Run(), ""))
        blocks.append((writer.text(section.label, width, accent), ""))
        if section.text:
            blocks.append((writer.text(section.text, width), ""))
        for item in section.items:
            blocks.append((_item_text(item, writer, width - len(_BULLET)), _BULLET))
    return blocks


def _panel(title: Run, blocks: Sequence[Block], border: str, width: int, rtl: bool) -> list[Line]:
    """A rounded box the width of the terminal, the title set in its top edge (or, when it
    does not fit there, as the first line inside), every paragraph wrapped inside it, bullet
    paragraphs hanging under their text; right-to-left text is right-aligned, bullets on the
    right. Nothing is cut or ellipsised."""
    inner = max(1, width - 4)
    size = cell_len(title.plain)
    top = _Line()
    if "\n" not in title.plain and size <= width - 6:
        rule = "\u2500" * (width - size - 5)
        if rtl:
            top.add("\u256d" + rule + " ", border)
            top.add_piece(title, 0, len(title.plain))
            top.add(" \u2500\u256e", border)
        else:
            top.add("\u256d\u2500 ", border)
            top.add_piece(title, 0, len(title.plain))
            top.add(" " + rule + "\u256e", border)
    else:
        top.add("\u256d" + "\u2500" * (width - 2) + "\u256e", border)
        blocks = [(title, ""), *blocks]
    lines = [top.done()]
    for run, bullet in blocks:
        room = max(1, inner - len(bullet))
        pieces = _breaks(run.plain, room) if run.plain else [(0, 0, 0)]
        for index, (start, end, size) in enumerate(pieces):
            mark = (bullet if index == 0 else " " * len(bullet)) if bullet else ""
            fill = " " * max(0, room - size)
            line = _Line()
            line.add("\u2502 ", border)
            if rtl:
                line.add(fill)
                line.add_piece(run, start, end)
                line.add(mark[::-1])
            else:
                line.add(mark)
                line.add_piece(run, start, end)
                line.add(fill)
            line.add(" \u2502", border)
            lines.append(line.done())
    bottom = _Line()
    bottom.add("\u2570" + "\u2500" * (width - 2) + "\u256f", border)
    lines.append(bottom.done())
    return lines


def _item_text(item: Item, writer: Writer, width: int) -> Run:
    if writer.visual:  # one logical string, put in visual order as a whole
        head = ""
        if item.entry is not None:
            vendor = f" ({writer.vendor(item.entry)})" if item.entry.vendor else ""
            head = f"{item.entry.code} {item.title}{vendor}" + (
                colon(writer.lang) if item.text else ""
            )
        return writer.text(head + item.text, width)
    line = Run()
    if item.entry is not None:
        line.append(str(item.entry.code), palette.code_style(item.entry))
        line.append(f" {typeset(visible(item.title), writer.lang)}", "bold")
        if item.entry.vendor:
            line.append(f" ({visible(writer.vendor(item.entry))})", palette.MUTED)
        if item.text:
            line.append(typeset(colon(writer.lang), writer.lang))
    line.append(typeset(visible(item.text), writer.lang))
    return line


def _headline(code: str, name: Run, style: str, writer: Writer) -> Run:
    """Code, then name; in visual order the code goes last, where a right-to-left reader
    ends up after reading the name, as the bidi algorithm would place it."""
    if writer.visual:
        headline = Run(name.plain, name.style, list(name.spans))
        headline.append("  ")
        headline.append(code, style)
        return headline
    headline = Run(code + "  ", style)
    headline.extend(name)
    return headline


def _story_texts(stories: Sequence[CodeStory | ClassStory]) -> list[str]:
    """The longer texts of stories, to be shaped at once for right-to-left output."""
    found: list[str] = []
    for story in stories:
        if isinstance(story, ClassStory):
            found += [story.name, story.description]
            found += [text for view in story.members for text in (view.title, view.summary)]
            continue
        found += [story.view.title, story.heading_note]
        for section in story.sections:
            found += [section.label, section.text, *(item.text for item in section.items)]
    return found


def print_stories(
    stories: Sequence[CodeStory | ClassStory], texts: Texts, display: Display, stream: IO[str]
) -> None:
    writer = Writer(texts, display)
    inner = max(1, display.width - 4)
    if writer.visual:
        from httpstat_cli.render import rtl

        rtl.prepare(_story_texts(stories))
    for story in stories:
        if isinstance(story, ClassStory):
            style = palette.CLASS_STYLES.get(story.code_class, "bold")
            title = _headline(
                story.code_class, writer.text(story.name, display.width - 10, style), style, writer
            )
            body = [(writer.text(story.description, inner), "")]
            write_lines(_panel(title, body, style, display.width, display.rtl), display, stream)
            print_codes(story.members, texts, display, stream, story.label, story.code_class)
            continue
        entry = story.view.entry
        style = palette.code_style(entry)
        name = writer.text(story.view.title, display.width - 12, "bold")
        title = _headline(str(entry.code), name, style, writer)
        blocks = _story_blocks(story, texts, writer, inner)
        write_lines(_panel(title, blocks, style, display.width, display.rtl), display, stream)


class TableRenderer:
    """Coloured tables and explain panels, through the functions above."""

    def __init__(self, texts: Texts, display: Display, stream: IO[str]) -> None:
        self.texts = texts
        self.display = display
        self.stream = stream

    def codes(self, views: Sequence[CodeView]) -> None:
        if views:  # a table of nothing would be just its header
            print_codes(views, self.texts, self.display, self.stream)

    def listing(self, views: Sequence[CodeView]) -> None:
        """One table per class, under the class's name and description."""
        texts = self.texts
        for code_class in dict.fromkeys(view.entry.code_class for view in views):
            members = [view for view in views if view.entry.code_class == code_class]
            heading = (
                f"{code_class}  {texts.class_name(code_class)}{colon(texts.lang)}"
                f"{texts.class_description(code_class)}"
            )
            print_codes(members, texts, self.display, self.stream, heading, code_class)

    def hits(self, views: Sequence[CodeView], query: str) -> None:
        heading = self.texts.ui("heading_search", query=query)
        print_codes(views, self.texts, self.display, self.stream, heading)

    def stories(self, told: Sequence[CodeStory | ClassStory]) -> None:
        print_stories(told, self.texts, self.display, self.stream)

    def languages(self, views: Sequence[LanguageView]) -> None:
        print_languages(views, self.texts, self.display, self.stream)
