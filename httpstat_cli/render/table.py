"""Coloured tables and explain panels for people at a terminal; the only module that knows rich.

hsc lays its texts out itself, into finished lines: rich's Table and Text measure, wrap and
style every cell several times over, which a list of every code cannot afford on each run.
rich still measures text (in grapheme clusters, with its own cell tables) and turns style names
into escape sequences. Every text is kept as plain characters with style spans, never markup,
so nothing from the user or the data is interpreted: ``[bold]`` prints as typed.
"""

import itertools
import re
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import COLOR_SYSTEMS, Console
from rich.table import Table
from rich.text import Text

from httpstat_cli import i18n
from httpstat_cli.errors import visible
from httpstat_cli.explain import ClassStory, CodeStory, Item
from httpstat_cli.i18n import Texts, colon, typeset
from httpstat_cli.registry import StatusCode
from httpstat_cli.render import MEASURE, Boxes, Cut, Display, palette, split_word
from httpstat_cli.views import CodeView, LanguageView, shows_phrase, source_label

if TYPE_CHECKING:  # check and tally load only for their commands
    from httpstat_cli.intake.tally import Tally
    from httpstat_cli.render.reading import Response

__all__ = [
    "Line",
    "StyledText",
    "TableRenderer",
    "Writer",
    "cell_len",
    "code_lines",
    "console",
    "print_codes",
    "print_languages",
    "print_stories",
    "progress_bar",
    "title_cell",
    "wrap",
    "write_lines",
]

Span = tuple[int, int]
StyleSpan = tuple[int, int, str]  # start, end, style name
WrappedLine = tuple[int, int, int]  # one line of a wrapped text: start, end, terminal cells


def _chop(word: str, width: int) -> list[str]:
    """A word cut into parts of at most ``width`` cells: a URL at its slashes and hyphens
    (split_word), else between clusters."""
    return split_word(word, width, cell_len, lambda rest, room: _cut(rest, room)[0])


def _cut(word: str, width: int) -> list[str]:
    """A word cut between clusters. rich takes a run that starts with joiners for one
    cluster however long it is; such a part is cut by character."""
    parts: list[str] = []
    for part in chop_cells(word, width):
        if len(part) > 1 and cell_len(part) > max(width, 2):
            piece = ""
            for character in part:
                if piece and cell_len(piece + character) > width:
                    parts.append(piece)
                    piece = ""
                piece += character
            part = piece
        if part:
            parts.append(part)
    return parts


def wrap(text: str, width: int) -> list[WrappedLine]:
    """Greedy word wrap of ``text`` to ``width`` terminal cells, measured in grapheme clusters.
    Lines break at newlines and at spaces (the space dropped); a word wider than a line is
    cut between clusters, never inside one (an emoji sequence, a letter and its marks)."""
    lines: list[WrappedLine] = []
    start = 0  # where the next part, then the next word, starts
    for part in text.split("\n"):
        end = start + len(part)
        line_start, line_cells = start, cell_len(part)
        if line_cells > width:
            line_cells = -1  # nothing on the line yet
            for word in part.split(" "):
                size = cell_len(word)
                if line_cells >= 0 and line_cells + 1 + size <= width:
                    line_cells += 1 + size
                else:
                    if line_cells >= 0 and start - 1 > line_start:  # a lone space makes no line
                        lines.append((line_start, start - 1, line_cells))
                    line_start, line_cells = start, size
                    if size > width:
                        *full, last = _chop(word, width)
                        for part in full:
                            lines.append((line_start, line_start + len(part), cell_len(part)))
                            line_start += len(part)
                        line_cells = cell_len(last)
                start += len(word) + 1
        lines.append((line_start, end, line_cells))
        start = end + 1
    return lines


class StyledText:
    """Characters with a base style and style spans on top (later spans win, as in rich):
    what this module builds in place of rich's Text."""

    __slots__ = ("plain", "spans", "style")

    def __init__(
        self, plain: str = "", style: str = "", spans: list[StyleSpan] | None = None
    ) -> None:
        self.plain = plain
        self.style = style
        self.spans: list[StyleSpan] = spans if spans is not None else []

    def append(self, text: str, style: str = "") -> None:
        if style and text:
            self.spans.append((len(self.plain), len(self.plain) + len(text), style))
        self.plain += text

    def extend(self, other: "StyledText") -> None:
        """Append another styled text, its base style becoming a span."""
        offset = len(self.plain)
        self.append(other.plain, other.style)
        self.spans.extend((a + offset, b + offset, style) for a, b, style in other.spans)


class Line:
    """One output line: its characters and style spans, built piece by piece and turned into
    a string with escape sequences only when written."""

    __slots__ = ("length", "parts", "spans")

    def __init__(self, text: str = "") -> None:
        self.parts: list[str] = [text] if text else []
        self.spans: list[StyleSpan] = []
        self.length = len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def add(self, text: str, style: str = "") -> "Line":
        if text:
            if style:
                self.spans.append((self.length, self.length + len(text), style))
            self.parts.append(text)
            self.length += len(text)
        return self

    def add_slice(self, styled: StyledText, start: int, end: int) -> "Line":
        """``styled.plain[start:end]`` with the styles that cover it."""
        base = self.length
        self.add(styled.plain[start:end], styled.style)
        for first, last, style in styled.spans:
            first, last = max(first, start), min(last, end)
            if first < last:
                self.spans.append((base + first - start, base + last - start, style))
        return self

    def add_line(self, other: "Line") -> "Line":
        base = self.length
        self.parts += other.parts
        self.spans += [(a + base, b + base, style) for a, b, style in other.spans]
        self.length += other.length
        return self


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


Paint = Callable[[str, str], str]  # (style names, text) -> text wrapped in escape sequences


def _render(line: Line, paint: Paint) -> str:
    """A line's characters, each stretch painted with every style covering it (combined in
    order, so later spans win, as in rich)."""
    text, spans = line.text, line.spans
    if not spans:
        return text
    points = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    pieces = []
    for start, end in itertools.pairwise(points):
        styles = " ".join(style for a, b, style in spans if a <= start and end <= b)
        pieces.append(paint(styles, text[start:end]) if styles else text[start:end])
    return "".join(pieces)


def painter(out: Console) -> Paint:
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
    """Write finished lines, in colour when the display has it; right to left in logical
    order, each line starts with a right-to-left mark (rtl.mark_line)."""
    start = "\u200f" if display.rtl and not display.bidi else ""
    if display.color:
        paint = painter(console(display, stream))
        stream.write("".join(start + _render(line, paint) + "\n" for line in lines))
    else:
        stream.write("".join(start + line.text + "\n" for line in lines))
    stream.flush()


class Writer:
    """Turns texts into styled text for one language and display: French spacing,
    right-to-left alignment, and for terminals without bidi, lines pre-wrapped and put in
    visual order."""

    def __init__(self, texts: Texts, display: Display) -> None:
        self.texts = texts
        self.lang = texts.lang
        self.rtl = display.rtl
        self.visual = display.rtl and display.bidi
        self.verbatim = not self.visual and self.lang != "fr"  # printable text passes unchanged

    def text(
        self, text: str, width: int, style: str = "", spans: Sequence[Span] = ()
    ) -> StyledText:
        clean = text if self.verbatim and text.isprintable() else typeset(visible(text), self.lang)
        if self.visual:  # wrapped in logical order, then each line put in visual order
            from httpstat_cli.render import rtl

            logical = " ".join(clean.split())
            lines = [logical[start:end] for start, end, _ in wrap(logical, max(width, 8))]
            return StyledText("\n".join(rtl.visual_lines(lines)), style)
        return StyledText(clean, style, [(start, end, palette.MATCH) for start, end in spans])

    def vendor(self, entry: StatusCode) -> str:
        """The vendor in the reader's language where it is a description ("WebDAV draft")."""
        return self.texts.vendor(entry.vendor or "")


def _add_wrapped(
    line: Line, styled: StyledText, wrapped: WrappedLine, width: int, rtl: bool
) -> Line:
    """Append one wrapped line of ``styled``, padded to ``width`` cells (on the left, right to
    left); a width of 0 pads nothing."""
    start, end, cells = wrapped
    fill = " " * max(0, width - cells)
    if rtl:
        return line.add(fill).add_slice(styled, start, end)
    return line.add_slice(styled, start, end).add(fill)


def paragraph(styled: StyledText, width: int, rtl: bool) -> list[Line]:
    """Wrapped to ``width``, right-aligned for right-to-left text, unpadded otherwise."""
    pad = width if rtl else 0
    return [_add_wrapped(Line(), styled, line, pad, rtl) for line in wrap(styled.plain, width)]


def _defined_by(view: CodeView, texts: Texts, writer: Writer, width: int) -> StyledText:
    entry = view.entry
    label = StyledText(source_label(entry, texts), palette.UNOFFICIAL if entry.vendor else "")
    notes = [texts.ui(f"status_{entry.status}")] if entry.status != "standard" else []
    if entry.historic:
        notes.append(texts.ui("historic"))
    if entry.third_party_only:
        notes.append(texts.ui(f"verification_{entry.verification}"))
    if notes:
        label.append("\n")
        label.extend(writer.text(i18n.list_separator(texts.lang).join(notes), width, palette.MUTED))
    return label


def title_cell(
    view: CodeView, writer: Writer, width: int, texts: Texts | None = None
) -> StyledText:
    """The title in the reader's language, with the registered phrase beneath when it differs
    (the phrase is what travels on the wire), then its former phrases ("formerly Payload Too
    Large") and, for a search, the name that matched when the row shows it nowhere else."""
    cell = writer.text(view.title, width, "bold", view.title_marks)
    if shows_phrase(view):
        cell.append("\n" + view.entry.phrase, palette.MUTED)
    if texts is not None:
        notes = []
        shown = (view.title.casefold(), view.entry.phrase.casefold())
        former = [p for p in view.entry.former_phrases if p.casefold() not in shown]
        if former:
            notes.append(texts.ui("formerly", names=i18n.list_separator(texts.lang).join(former)))
        if view.matched_name:
            notes.append(texts.ui("matched_via", name=view.matched_name))
        for note in notes:
            cell.append("\n")
            cell.extend(writer.text(note, width, palette.MUTED))
    return cell


GAP = "  "
_MAX_TITLE, _MAX_SOURCE, _MIN_FLEX = 30, 24, 8
_NARROW = 70  # below this, each entry is stacked: code and title, then source, then summary
_STACK_ROOM = 20  # what a stack's constant column adds to that

Row = Sequence[StyledText]  # code, title, defined by, summary


def _longest(rows: Sequence[Row], column: int, split: Callable[[str], list[str]]) -> int:
    """The widest of the pieces ``split`` makes of a column's lines, in cells."""
    return max(
        1,
        *(
            cell_len(piece)
            for row in rows
            for line in row[column].plain.split("\n")
            for piece in split(line)
        ),
    )


def _unbroken_pieces(line: str) -> list[str]:
    """The words of a line cut where split_word may break them (after - / _, before . ? #)."""
    return [piece for word in line.split() for piece in re.split(r"(?<=[-/_])|(?=[.?#])", word)]


def _widths(rows: Sequence[Row], total: int) -> list[int]:
    """Code column as wide as a code, title and the columns after it (source, a stack's
    constant) as wide as their longest line where there is room, else up to a cap (raised
    to their longest word, so that a draft's name stays whole), the summary the rest; at narrow
    widths the columns after the title give way first, down to their longest piece that
    split_word keeps whole, then the title, down to its longest such piece."""
    count = len(rows[0])
    natural = [_longest(rows, column, lambda line: [line]) for column in range(count - 1)]
    words = [_longest(rows, column, str.split) for column in range(count - 1)]
    pieces = [_longest(rows, column, _unbroken_pieces) for column in range(count - 1)]
    code, title = natural[0], min(natural[1], _MAX_TITLE)
    others = [
        min(width, max(_MAX_SOURCE, word))
        for width, word in zip(natural[2:], words[2:], strict=True)
    ]
    room = total - code - (count - 1) * len(GAP)
    spare = room - max(2 * _MIN_FLEX, room * 2 // 5)  # the summary keeps two fifths
    if title + sum(natural[2:]) <= spare:  # room for every line whole
        others = natural[2:]
    elif title + sum(others) > spare:
        share = max(_MIN_FLEX, spare // (len(others) + 1))
        others = [
            min(width, max(share, min(piece, _MAX_SOURCE)))
            for width, piece in zip(others, pieces[2:], strict=True)
        ]
        floor = max(_MIN_FLEX, min(pieces[1], _MAX_TITLE // 2))  # a word of a title whole
        title = max(floor, min(title, spare - sum(others)))
    return [code, title, *others, max(_MIN_FLEX, room - title - sum(others))]


def _stacked(rows: Sequence[Row], total: int, rtl: bool) -> list[Line]:
    """Narrow terminals: the code, then title, source and summary beneath one another, each
    wrapped to the width left of (or, right to left, right of) the code."""
    lines: list[Line] = []
    for code, *cells in rows:
        code_cells = cell_len(code.plain)
        width = max(1, total - code_cells - len(GAP))
        wrapped = [(cell, line) for cell in cells for line in wrap(cell.plain, width)]
        for index, (cell, line) in enumerate(wrapped):
            beside = Line(" " * code_cells) if index else Line().add_slice(code, 0, len(code.plain))
            if rtl:
                lines.append(_add_wrapped(Line(), cell, line, width, rtl).add(GAP).add_line(beside))
            else:
                lines.append(_add_wrapped(beside.add(GAP), cell, line, 0, rtl))
    return lines


def _side_by_side(rows: Sequence[Row], widths: Sequence[int], writer: Writer) -> list[Line]:
    """Each row's cells wrapped to their column and set next to one another, every column
    padded but the last; in visual order (right to left, pre-wrapped) the columns run from
    the right, and right to left every column is padded, on the left."""
    last = len(widths) - 1
    order = range(last, -1, -1) if writer.visual else range(last + 1)
    rtl = writer.rtl
    pads = [
        widths[column] if rtl or position < last else 0 for position, column in enumerate(order)
    ]
    lines: list[Line] = []
    for row in rows:
        cells = [row[column] for column in order]
        wrapped = [
            wrap(cell.plain, widths[column]) for cell, column in zip(cells, order, strict=True)
        ]
        for index in range(max(map(len, wrapped))):
            line = Line()
            for position, (cell, pieces, pad) in enumerate(zip(cells, wrapped, pads, strict=True)):
                if position:
                    line.add(GAP)
                if index < len(pieces):
                    _add_wrapped(line, cell, pieces[index], pad, rtl)
                else:
                    line.add(" " * pad)
            lines.append(line)
    return lines


def code_lines(views: Sequence[CodeView], texts: Texts, display: Display) -> list[Line]:
    """The code table as finished lines: column heads, rule, then each entry's wrapped cells
    side by side (or, on a narrow terminal, stacked). With a stack (--stack go), a column
    after the title gives that stack's constant for each code."""
    return code_tables([views], texts, display)[0]


def code_tables(
    groups: Sequence[Sequence[CodeView]], texts: Texts, display: Display
) -> list[list[Line]]:
    """One code table per group, all with the same column widths, so that tables set one
    under another (hsc list) line up."""
    views = [view for group in groups for view in group]
    writer = Writer(texts, display)
    narrow = display.width < _NARROW + (_STACK_ROOM if display.stack else 0)
    columns = 5 if display.stack else 4
    if narrow:
        widths = [3] + [max(1, display.width - 3 - len(GAP))] * (columns - 1)
    elif writer.visual:
        # Cells in visual order are wrapped before they are laid out, so the widths come
        # first, from the same cells in logical order.
        logical = Writer(texts, Display(display.format, False, display.width, rtl=True))
        unwrapped = [0] * columns
        widths = _widths(_code_rows(views, texts, logical, unwrapped, display.stack), display.width)
    if writer.visual:
        from httpstat_cli.render import rtl

        rtl.prepare(_table_texts(views, texts))
    elif not narrow:
        widths = [0] * columns  # wrapped when laid out
    head = _code_head(texts, writer, widths, display.stack)
    tables = [_code_rows(group, texts, writer, widths, display.stack) for group in groups]
    if narrow:
        return [_stacked(rows, display.width, writer.rtl) for rows in tables]
    if not writer.visual:
        widths = _widths([head, *(row for rows in tables for row in rows)], display.width)
    ruled = min(display.width, sum(widths) + (len(widths) - 1) * len(GAP))
    header = [*_side_by_side([head], widths, writer), Line(display.boxes.rule * ruled)]
    return [[*header, *_side_by_side(rows, widths, writer)] for rows in tables]


def _table_texts(views: Sequence[CodeView], texts: Texts) -> list[str]:
    """The texts of a code table, to be shaped at once for right-to-left output."""
    found = [texts.ui(key) for key in ("col_code", "col_title", "col_source", "col_summary")]
    notes = {f"status_{view.entry.status}" for view in views if view.entry.status != "standard"}
    notes.update(
        f"verification_{view.entry.verification}" for view in views if view.entry.third_party_only
    )
    found += [texts.ui(key) for key in ("historic", *notes)]
    return found + [text for view in views for text in (view.title, view.summary)]


def _code_head(
    texts: Texts, writer: Writer, widths: Sequence[int], stack: str | None
) -> list[StyledText]:
    keys: list[str | None] = ["col_code", "col_title", "col_source", "col_summary"]
    if stack:
        keys.insert(2, None)
    return [
        writer.text(texts.ui(key) if key else _stack_heading(stack), width, palette.HEADING)
        for key, width in zip(keys, widths, strict=True)
    ]


def _code_rows(
    views: Sequence[CodeView],
    texts: Texts,
    writer: Writer,
    widths: Sequence[int],
    stack: str | None,
) -> list[list[StyledText]]:
    """Each entry's cells; a width of 0 leaves a cell unwrapped (laid out later)."""
    rows = []
    for view in views:
        row = [
            StyledText(str(view.entry.code), palette.code_style(view.entry)),
            title_cell(view, writer, widths[1] or 10**6, texts),
            _defined_by(view, texts, writer, widths[-2] or 10**6),
            writer.text(view.summary, widths[-1] or 10**6, spans=view.summary_marks),
        ]
        if stack:
            row.insert(2, _constant_cell(view, stack))
        rows.append(row)
    return rows


def _stack_heading(stack: str | None) -> str:
    from httpstat_cli import constants

    return str(constants.stack_info(stack or "")["name"])


def _constant_cell(view: CodeView, stack: str) -> StyledText:
    """The stack's name for the code as its code writes the member (StatusTeapot), or a
    dash where the library has none."""
    from httpstat_cli import constants

    name = constants.primary(view.entry).get(stack)
    return StyledText(name, "") if name else StyledText("-", palette.MUTED)


def heading_lines(
    heading: str, texts: Texts, display: Display, style: str = "bold", indent: int = 0
) -> list[Line]:
    """A heading wrapped to the display, its later lines under its text rather than under
    the code or class that starts it (``indent`` cells); right to left, aligned right."""
    styled = Writer(texts, display).text(heading, display.width, style)
    if display.rtl or not indent or indent * 2 > display.width:
        return paragraph(styled, display.width, display.rtl)
    first = wrap(styled.plain, display.width)[0]
    lines = [_add_wrapped(Line(), styled, first, 0, False)]
    tail = styled.plain[first[1] :]
    rest = first[1] + len(tail) - len(tail.lstrip(" "))
    for start, end, cells in wrap(styled.plain[rest:], display.width - indent) if tail else []:
        piece = (rest + start, rest + end, cells)
        lines.append(_add_wrapped(Line(" " * indent), styled, piece, 0, False))
    return lines


def print_codes(
    views: Sequence[CodeView],
    texts: Texts,
    display: Display,
    stream: IO[str],
    heading: str | None = None,
    heading_class: str | None = None,
    note: str | None = None,
) -> None:
    """A code table, under a heading and above a muted note when given."""
    lines = code_lines(views, texts, display)
    if heading:
        style = palette.CLASS_STYLES.get(heading_class or "", "bold")
        lines[:0] = heading_lines(heading, texts, display, style)
    if note:
        styled = Writer(texts, display).text(note, display.width, palette.MUTED)
        lines += paragraph(styled, display.width, display.rtl)
    write_lines(lines, display, stream)


def print_listing(
    views: Sequence[CodeView], texts: Texts, display: Display, stream: IO[str]
) -> None:
    """One table per class under the class's name and description, a blank line apart, the
    columns of every table lined up."""
    classes = list(dict.fromkeys(view.entry.code_class for view in views))
    groups = [[view for view in views if view.entry.code_class == name] for name in classes]
    headings = [
        f"{code_class}  {texts.class_name(code_class)}{colon(texts.lang)}"
        f"{texts.class_description(code_class)}"
        for code_class in classes
    ]
    if display.rtl and display.bidi:  # every class's words shaped in one call
        from httpstat_cli.render import rtl

        rtl.prepare(_table_texts(views, texts) + headings)
    lines: list[Line] = []
    tables = code_tables(groups, texts, display)
    for code_class, heading, table in zip(classes, headings, tables, strict=True):
        lead = f"{code_class}  "
        style = palette.CLASS_STYLES.get(code_class, "bold")
        if lines:
            lines.append(Line())
        lines += heading_lines(heading, texts, display, style, cell_len(lead))
        lines += table
    write_lines(lines, display, stream)


def print_languages(
    views: Sequence[LanguageView], texts: Texts, display: Display, stream: IO[str]
) -> None:
    """One row per language; for a terminal without bidi, cells in visual order and columns
    from right to left, as the code tables are."""
    visual = display.rtl and display.bidi
    if visual:
        from httpstat_cli.render import rtl

    def cells(row: list[Text]) -> list[Text]:
        if not visual:
            return row
        return [Text(rtl.visual(cell.plain), cell.style) for cell in reversed(row)]

    table = Table(
        box=box.SIMPLE_HEAD, header_style=palette.HEADING, pad_edge=False, show_edge=False
    )
    keys = ["col_tag", "col_language", "col_native", "col_direction", "col_completeness"]
    for heading in cells([Text(texts.ui(key)) for key in keys]):
        table.add_column(heading, justify="right" if visual else "left", overflow="fold")
    for view in views:
        row = [
            Text(view.tag, style="bold"),
            Text(texts.language_name(view.tag)),
            Text(view.native_name),
            Text(texts.ui(f"direction_{view.direction}")),
            Text(typeset(texts.percent(view.completeness), texts.lang)),
        ]
        table.add_row(*cells(row))
    out = console(display, stream)
    if display.rtl and not visual:  # logical order: each line marked right to left
        with out.capture() as captured:
            out.print(table)
        stream.write("".join(f"\u200f{line}\n" for line in captured.get().splitlines()))
        stream.flush()
        return
    out.print(table)


Block = tuple[StyledText, str]  # a paragraph, and the bullet that starts it ("" for none)
_BULLET = "\u2022 "


def _story_blocks(story: CodeStory, texts: Texts, writer: Writer, width: int) -> list[Block]:
    entry = story.view.entry
    accent = palette.code_style(entry)
    blocks: list[Block] = [(writer.text(story.heading_note, width, palette.MUTED), "")]
    if shows_phrase(story.view):
        phrase = f"{story.phrase_label}{colon(texts.lang)}{entry.phrase}"
        blocks.append((writer.text(phrase, width, palette.MUTED), ""))
    for section in story.sections:
        blocks.append((StyledText(), ""))
        blocks.append((writer.text(section.label, width, accent), ""))
        if section.text:
            blocks.append((writer.text(section.text, width), ""))
        for item in section.items:
            blocks.append((_item_text(item, writer, width - len(_BULLET)), _BULLET))
    return blocks


def _panel_top(title: StyledText, border: str, width: int, rtl: bool, boxes: Boxes) -> Line | None:
    """The top edge with the title set in it, or None when the title does not fit there."""
    cells = cell_len(title.plain)
    if "\n" in title.plain or cells > width - 6:
        return None
    rule = boxes.rule * (width - cells - 5)
    left, right = boxes.top[0], boxes.top[1]
    if rtl:
        line = Line().add(left + rule + " ", border).add_slice(title, 0, len(title.plain))
        return line.add(" " + boxes.rule + right, border)
    line = Line().add(left + boxes.rule + " ", border).add_slice(title, 0, len(title.plain))
    return line.add(" " + rule + right, border)


def _panel(
    title: StyledText, blocks: Sequence[Block], border: str, width: int, display: Display
) -> list[Line]:
    """A rounded box ``width`` cells wide, the title set in its top edge (or, when it
    does not fit there, as the first line inside), every paragraph wrapped inside it, bullet
    paragraphs hanging under their text; right-to-left text is right-aligned, bullets on the
    right. Nothing is cut or ellipsised."""
    rtl, boxes = display.rtl, display.boxes
    inner = max(1, width - 4)
    top = _panel_top(title, border, width, rtl, boxes)
    if top is None:
        top = Line().add(boxes.top[0] + boxes.rule * (width - 2) + boxes.top[1], border)
        blocks = [(title, ""), *blocks]
    lines = [top]
    for styled, bullet in blocks:
        bullet = bullet.replace(_BULLET[0], boxes.bullet)
        room = max(1, inner - len(bullet))
        for index, wrapped in enumerate(wrap(styled.plain, room)):
            mark = bullet if index == 0 else " " * len(bullet)
            line = Line().add(boxes.side + " ", border)
            if rtl:
                _add_wrapped(line, styled, wrapped, room, rtl).add(mark[::-1])
            else:
                _add_wrapped(line.add(mark), styled, wrapped, room, rtl)
            lines.append(line.add(" " + boxes.side, border))
    lines.append(Line().add(boxes.bottom[0] + boxes.rule * (width - 2) + boxes.bottom[1], border))
    return lines


def _item_text(item: Item, writer: Writer, width: int) -> StyledText:
    if writer.visual:  # one logical string, put in visual order as a whole
        head = ""
        if item.entry is not None:
            vendor = f" ({writer.vendor(item.entry)})" if item.entry.vendor else ""
            head = f"{item.entry.code} {item.title}{vendor}" + (
                colon(writer.lang) if item.text else ""
            )
        return writer.text(head + item.text, width)
    line = StyledText()
    if item.entry is not None:
        line.append(str(item.entry.code), palette.code_style(item.entry))
        line.append(f" {typeset(visible(item.title), writer.lang)}", "bold")
        if item.entry.vendor:
            line.append(f" ({visible(writer.vendor(item.entry))})", palette.MUTED)
        if item.text:
            line.append(typeset(colon(writer.lang), writer.lang))
    line.append(typeset(visible(item.text), writer.lang))
    return line


def _headline(code: str, name: StyledText, style: str, writer: Writer) -> StyledText:
    """Code, then name; in visual order the code goes last, where a right-to-left reader
    ends up after reading the name, as the bidi algorithm would place it."""
    if writer.visual:
        headline = StyledText(name.plain, name.style, list(name.spans))
        headline.append("  ")
        headline.append(code, style)
        return headline
    headline = StyledText(code + "  ", style)
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
    """Each story in a panel as wide as the terminal, up to a readable measure; a class's
    codes beneath its panel, as wide as the panel."""
    display = display.narrowed(MEASURE + 4)
    width = display.width
    writer = Writer(texts, display)
    inner = max(1, width - 4)
    if writer.visual:
        from httpstat_cli.render import rtl

        rtl.prepare(_story_texts(stories))
    for story in stories:
        if isinstance(story, ClassStory):
            style = palette.CLASS_STYLES.get(story.code_class, "bold")
            title = _headline(
                story.code_class, writer.text(story.name, width - 10, style), style, writer
            )
            body = [(writer.text(story.description, inner), "")]
            write_lines(_panel(title, body, style, width, display), display, stream)
            print_codes(story.members, texts, display, stream, story.label, story.code_class)
            continue
        entry = story.view.entry
        style = palette.code_style(entry)
        name = writer.text(story.view.title, width - 12, "bold")
        title = _headline(str(entry.code), name, style, writer)
        blocks = _story_blocks(story, texts, writer, inner)
        write_lines(_panel(title, blocks, style, width, display), display, stream)


def progress_bar(label: str, total: int, stream: IO[str]) -> tuple[Any, Any]:
    """rich's progress bar for reading ``total`` bytes, started, and its task; it goes away
    when stopped. Only ever drawn on a terminal (the caller checks), so it need not ask."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    out = Console(file=stream, markup=False, highlight=False, emoji=False, force_terminal=True)
    bar = Progress(
        *Progress.get_default_columns()[:1],
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=out,
        transient=True,
    )
    bar.start()
    return bar, bar.add_task(label.replace("[", "\\["), total=total or None)


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
        print_listing(views, self.texts, self.display, self.stream)

    def hits(self, views: Sequence[CodeView], query: str, cut: Cut | None = None) -> None:
        heading = self.texts.ui("heading_search", query=query)
        note = cut.note(self.texts) if cut else None
        print_codes(views, self.texts, self.display, self.stream, heading, note=note)

    def stories(self, told: Sequence[CodeStory | ClassStory]) -> None:
        print_stories(told, self.texts, self.display, self.stream)

    def languages(self, views: Sequence[LanguageView]) -> None:
        print_languages(views, self.texts, self.display, self.stream)

    def check(self, responses: "Sequence[Response]") -> None:
        from httpstat_cli.render import reading_table

        reading_table.print_check(responses, self.texts, self.display, self.stream)

    def tally(self, counted: "Tally", inputs: Sequence[dict[str, Any]]) -> None:
        from httpstat_cli.render import reading_table

        if counted.counted:  # only lines without a code: the error line says it all
            reading_table.print_tally(counted, self.texts, self.display, self.stream)
