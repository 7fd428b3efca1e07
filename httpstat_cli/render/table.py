"""Coloured tables for people at a terminal; the only place besides explain that knows rich.

Every text reaches rich as a Text object, never as markup, so nothing from the user or the data
is interpreted: ``[bold]`` prints as typed.
"""

from collections.abc import Sequence
from typing import IO

from rich import box
from rich.align import AlignMethod
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


# Column widths when cells are pre-wrapped for a terminal without bidi (rich cannot wrap text
# that is already in visual order): code, title, defined by; the summary takes the rest.
_FIXED = (3, 24, 18)


def code_table(views: Sequence[CodeView], texts: Texts, display: Display) -> Table:
    writer = Writer(texts, display)
    table = Table(
        box=box.SIMPLE_HEAD,
        header_style=palette.HEADING,
        pad_edge=False,
        expand=True,
        show_edge=False,
    )
    summary_width = max(12, display.width - sum(_FIXED) - 2 * len(_FIXED))
    columns = [
        (texts.ui("col_code"), {"no_wrap": True, "min_width": 3}),
        (texts.ui("col_title"), {"max_width": 30}),
        (texts.ui("col_source"), {"max_width": 24}),
        (texts.ui("col_summary"), {"min_width": 12, "ratio": 1}),
    ]
    rows = [
        [
            Text(str(view.entry.code), style=palette.code_style(view.entry)),
            title_cell(view, writer, _FIXED[1]),
            _defined_by(view, texts, writer, _FIXED[2]),
            writer.text(view.summary, summary_width, spans=view.summary_marks),
        ]
        for view in views
    ]
    if writer.visual:  # a right-to-left table reads from the right: code last
        columns.reverse()
        rows = [row[::-1] for row in rows]
    for name, options in columns:
        header = writer.text(name, 30)
        table.add_column(header, justify=writer.justify, **options)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*row)
    return table


def print_codes(
    views: Sequence[CodeView],
    texts: Texts,
    display: Display,
    stream: IO[str],
    heading: str | None = None,
    heading_class: str | None = None,
) -> None:
    out = console(display, stream)
    if heading:
        style = palette.CLASS_STYLES.get(heading_class or "", "bold")
        out.print(Text(visible(heading), style=style))
    out.print(code_table(views, texts, display))


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
