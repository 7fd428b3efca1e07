"""check and tally for people at a terminal: coloured lines built with the table module's
layout (finished lines, style spans), and annotate's terminal lines."""

from collections import Counter
from collections.abc import Callable, Sequence
from typing import IO

from httpstat_cli.i18n import Texts
from httpstat_cli.intake.tally import Tally, entry_in_log
from httpstat_cli.registry import CLASSES
from httpstat_cli.render import Display, palette, table
from httpstat_cli.render.reading import (
    Response,
    class_counts,
    finding_text,
    reading_text,
    share,
    title_of,
)
from httpstat_cli.render.table import Line, StyledText, Writer
from httpstat_cli.views import code_views

_PROBLEM = {"MUST": "bold red", "SHOULD": "yellow"}
_BAR = "\u2588"
_BAR_WIDTH = 20


def paragraph(text: str, writer: Writer, width: int, style: str = "", lead: str = "") -> list[Line]:
    """A wrapped paragraph; after a lead (a mark such as "! "), its lines are indented."""
    if writer.visual:  # the lead on the right of the first line, the others indented
        run = writer.text(text, width - len(lead), style)
        first, newline, rest = run.plain.partition("\n")
        rest = rest.replace("\n", " " * len(lead) + "\n")
        run.plain = first + lead[::-1] + newline + rest + (" " * len(lead) if rest else "")
        return table.paragraph(run, width, rtl=True)
    if writer.rtl:
        run = StyledText(lead, style)
        run.extend(writer.text(text, width - len(lead), style))
        return table.paragraph(run, width, rtl=True)
    run = writer.text(text, width - len(lead), style)
    lines = []
    for index, (start, end, _) in enumerate(table.wrap(run.plain, max(1, width - len(lead)))):
        line = table.Line(lead if index == 0 else " " * len(lead))
        lines.append(line.add_slice(run, start, end))
    return lines


def check_lines(responses: Sequence[Response], texts: Texts, display: Display) -> list[Line]:
    writer = Writer(texts, display)
    width = display.width
    lines: list[Line] = []
    for number, response in enumerate(responses, 1):
        head = response.head
        style = palette.CLASS_STYLES.get(f"{head.code // 100}xx", "bold")
        heading = texts.ui(
            "check_heading", number=number, total=len(responses), status_line=head.status_line()
        )
        if lines:
            lines.append(Line())
        lines += paragraph(heading, writer, width, style)
        if response.entry is not None:
            lines += table.code_lines(code_views([response.entry], texts), texts, display)
        for finding in response.findings:
            mark = _PROBLEM.get(finding.requirement or "", "")
            lead = "! " if mark else "- "
            lines += paragraph(finding_text(finding, response, texts), writer, width, mark, lead)
        for reading in response.readings:
            lines += paragraph(reading_text(reading, texts), writer, width, "", "\u2192 ")
        if not response.findings:
            lines += paragraph(texts.ui("check_no_findings"), writer, width, palette.MUTED)
    return lines


def print_check(
    responses: Sequence[Response], texts: Texts, display: Display, stream: IO[str]
) -> None:
    table.write_lines(check_lines(responses, texts, display), display, stream)


def tally_lines(tally: Tally, texts: Texts, display: Display) -> list[Line]:
    writer = Writer(texts, display)
    lines: list[Line] = []
    if tally.targets is not None:
        lines += paragraph(texts.ui("tally_balancer"), writer, display.width, palette.HEADING)
    lines += _count_table(tally.codes, tally.lines, tally, texts, display)
    if tally.targets is not None:
        lines.append(Line())
        lines += paragraph(texts.ui("tally_targets"), writer, display.width, palette.HEADING)
        lines += _count_table(tally.targets, tally.lines, tally, texts, display)
    lines.append(Line())
    name = tally.format.name if tally.format is not None else "-"
    summary = texts.ui("tally_summary", lines=tally.lines, format=name)
    lines += paragraph(summary, writer, display.width, palette.MUTED)
    return lines


def _count_table(
    codes: Counter[int], lines_read: int, tally: Tally, texts: Texts, display: Display
) -> list[Line]:
    """Code, title (with the vendor of an unofficial code), count, share and a bar; each
    class's subtotal after its codes; the lines without a code last."""
    total = sum(codes.values())
    rows: list[tuple[StyledText, str, int, float]] = []
    classes = class_counts(codes)
    for code_class in CLASSES:
        members = sorted(code for code in codes if f"{code // 100}xx" == code_class)
        for code in members:
            entry = entry_in_log(code, tally.format)
            title = title_of(entry, texts)
            if entry is not None and entry.vendor:
                title += f" ({entry.vendor})"
            style = palette.code_style(entry) if entry is not None else palette.MUTED
            rows.append(
                (StyledText(str(code), style), title, codes[code], share(codes[code], total))
            )
        if members:
            label = f"{code_class} {texts.class_name(code_class)}"
            class_share = share(classes[code_class], total)
            rows.append((StyledText("", ""), label, classes[code_class], class_share))
    without = lines_read - total
    rows.append(
        (StyledText("", ""), texts.ui("tally_without_code"), without, share(without, lines_read))
    )
    return _layout(rows, texts, display)


def _layout(
    rows: Sequence[tuple[StyledText, str, int, float]], texts: Texts, display: Display
) -> list[Line]:
    order: Callable[[str], str] = str
    if display.rtl and display.bidi:  # a terminal without bidi: texts in visual order
        from httpstat_cli.render import rtl

        order = rtl.visual
    rows = [(code, order(title), count, value) for code, title, count, value in rows]
    heads = [order(texts.ui(key)) for key in ("col_code", "col_title", "col_count", "col_share")]
    counts = [str(count) for _, _, count, _ in rows]
    shares = [texts.percent(value, decimals=1) for _, _, _, value in rows]
    code_width = max(3, table.cell_len(heads[0]))
    count_width = max(table.cell_len(heads[2]), *map(len, counts))
    share_width = max(table.cell_len(heads[3]), *map(len, shares))
    fixed = code_width + count_width + share_width + 4 * len(table.GAP)
    bar_width = _BAR_WIDTH if display.width - fixed >= _BAR_WIDTH + 12 else 0
    longest = max(table.cell_len(text) for text in [heads[1], *(row[1] for row in rows)])
    with_count = display.width - fixed >= 8
    if not with_count:  # too narrow for every column: the share says enough
        count_width = 0
        fixed = code_width + share_width + 2 * len(table.GAP)
    title_width = max(8 if with_count else 1, min(longest, display.width - fixed - bar_width))
    visual = order is not str
    head = [
        (_fit(heads[0], code_width, right=visual), palette.HEADING),
        (_fit(heads[1], title_width, right=visual, visual=visual), palette.HEADING),
        (_fit(heads[2], count_width, right=True), palette.HEADING),
        (_fit(heads[3], share_width, right=True), palette.HEADING),
    ]
    if not with_count:
        del head[2]
    lines: list[Line] = [_joined(_mirrored(head, bar_width, len(head)) if visual else head)]
    lines.append(Line(display.boxes.rule * min(display.width, fixed + title_width + bar_width)))
    top = max((value for code, _, _, value in rows if code.plain), default=0.0) or 1.0
    block = _BAR if display.boxes.rule != "-" else "#"  # a stream that cannot encode blocks
    for (code, title, _, value), count, shown in zip(rows, counts, shares, strict=True):
        subtotal = not code.plain
        weight = palette.HEADING if subtotal else ""
        cells = [
            (code.plain.rjust(code_width) if visual else code.plain.ljust(code_width), code.style),
            (_fit(title, title_width, right=visual, visual=visual), weight),
            (count.rjust(count_width), weight),
            (shown.rjust(share_width), weight),
        ]
        if not with_count:
            del cells[2]
        if bar_width and not subtotal:
            bar = block * max(1, round(bar_width * value / top)) if value else ""
            cells.append((bar.rjust(bar_width) if visual else bar, code.style))
        lines.append(_joined(_mirrored(cells, bar_width, len(head)) if visual else cells))
    return lines


def _mirrored(cells: list[tuple[str, str]], bar_width: int, columns: int) -> list[tuple[str, str]]:
    """A row's cells for a right-to-left reader in visual order: from the right, the bar
    (or its empty column) leftmost."""
    if bar_width and len(cells) == columns:
        cells = [*cells, (" " * bar_width, "")]
    return cells[::-1]


def _fit(text: str, width: int, right: bool = False, visual: bool = False) -> str:
    """A cell padded to its column, or cut with an ellipsis where the text ends: on the
    right, or on the left for right-to-left text already in visual order."""
    size = table.cell_len(text)
    if size <= width:
        return " " * (width - size) + text if right else text + " " * (width - size)
    while text and table.cell_len(text) > width - 1:
        text = text[1:] if visual else text[:-1]
    cut = "\u2026" + text if visual else text + "\u2026"
    return cut + " " * (width - table.cell_len(cut))


def _joined(cells: Sequence[tuple[str, str]]) -> Line:
    """Cells side by side, a gap apart, each styled but for its padding; no trailing spaces."""
    line = Line()
    for index, (cell, style) in enumerate(cells):
        if index:
            line.add(table.GAP)
        text = cell.rstrip() if index == len(cells) - 1 else cell
        filled = text.rstrip()
        line.add(filled, style if filled.strip() else "")
        line.add(text[len(filled) :])
    return line


def print_tally(tally: Tally, texts: Texts, display: Display, stream: IO[str]) -> None:
    table.write_lines(tally_lines(tally, texts, display), display, stream)


def annotator(display: Display, stream: IO[str]) -> Callable[[str, str, str, str, str], str]:
    """Builds a terminal line: text before the code, the code in its class colour, the text
    after it, then the title dimmed. Escape codes from rich, worked out once per style."""
    paint = table.painter(table.console(display, stream)) if display.color else None

    def line(before: str, code: str, after: str, title: str, style: str) -> str:
        if paint is None:
            return f"{before}{code}{after}  {title}" if code else before
        if not code:
            return before
        return f"{before}{paint(style, code)}{after}  {paint(palette.MUTED, title)}"

    return line
