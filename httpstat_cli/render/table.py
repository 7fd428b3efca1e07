"""Coloured tables for people at a terminal; the only place besides explain that knows rich.

Every text reaches rich as a Text object, never as markup, so nothing from the user or the data
is interpreted: ``[bold]`` prints as typed.
"""

from collections.abc import Sequence
from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from httpstat_cli.errors import visible
from httpstat_cli.explain import ClassStory, CodeStory, Item
from httpstat_cli.i18n import Texts
from httpstat_cli.render import Display, palette
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


def marked(text: str, spans: Sequence[Span], style: str = "") -> Text:
    """Plain text with the spans a search matched underlined."""
    result = Text(visible(text), style=style)
    for start, end in spans:
        result.stylize(palette.MATCH, start, end)
    return result


def _defined_by(view: CodeView, texts: Texts) -> Text:
    entry = view.entry
    label = Text(source_label(entry), style=palette.UNOFFICIAL if entry.vendor else "")
    notes = [texts.ui(f"status_{entry.status}")] if entry.status != "standard" else []
    if entry.historic:
        notes.append(texts.ui("historic"))
    if entry.third_party_only:
        notes.append(texts.ui("third_party_only"))
    if notes:
        label.append(" · " + ", ".join(notes), style=palette.MUTED)
    return label


def title_cell(view: CodeView) -> Text:
    """The title in the reader's language, with the registered phrase beneath when it differs:
    the phrase is what travels on the wire."""
    cell = marked(view.title, view.title_marks, style="bold")
    if view.title.casefold() != view.entry.phrase.casefold():
        cell.append("\n" + view.entry.phrase, style=palette.MUTED)
    return cell


def code_table(views: Sequence[CodeView], texts: Texts) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        header_style=palette.HEADING,
        pad_edge=False,
        expand=True,
        show_edge=False,
    )
    table.add_column(texts.ui("col_code"), no_wrap=True)
    table.add_column(texts.ui("col_title"), max_width=30)
    table.add_column(texts.ui("col_source"), max_width=24)
    table.add_column(texts.ui("col_summary"), min_width=20, ratio=1)
    for view in views:
        table.add_row(
            Text(str(view.entry.code), style=palette.code_style(view.entry)),
            title_cell(view),
            _defined_by(view, texts),
            marked(view.summary, view.summary_marks),
        )
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
    out.print(code_table(views, texts))


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


def _story_body(story: CodeStory, texts: Texts) -> Group:
    entry = story.view.entry
    accent = palette.code_style(entry)
    parts: list[RenderableType] = [Text(visible(story.heading_note), style=palette.MUTED)]
    if story.view.title.casefold() != entry.phrase.casefold():
        parts.append(Text(f"{texts.ui('label_phrase')}: {entry.phrase}", style=palette.MUTED))
    for section in story.sections:
        parts.append(Text(""))
        parts.append(Text(visible(section.label), style=accent))
        if section.text:
            parts.append(Text(visible(section.text), overflow="fold"))
        if section.items:
            parts.append(_bullets(section.items))
    return Group(*parts)


def _bullets(items: Sequence[Item]) -> Table:
    """One row per item, wrapped lines hanging under the text rather than the bullet."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for item in items:
        line = Text()
        if item.entry is not None:
            line.append(str(item.entry.code), style=palette.code_style(item.entry))
            line.append(f" {visible(item.title)}", style="bold")
            if item.entry.vendor:
                line.append(f" ({visible(item.entry.vendor)})", style=palette.MUTED)
            if item.text:
                line.append(": ")
        line.append(visible(item.text))
        grid.add_row(Text("•"), line)
    return grid


def print_stories(
    stories: Sequence[CodeStory | ClassStory], texts: Texts, display: Display, stream: IO[str]
) -> None:
    out = console(display, stream)
    for story in stories:
        if isinstance(story, ClassStory):
            style = palette.CLASS_STYLES.get(story.code_class, "bold")
            out.print(
                Panel(
                    Text(visible(story.description)),
                    title=Text(f"{story.code_class}  {story.name}", style=style),
                    title_align="left",
                    border_style=style,
                    expand=True,
                )
            )
            print_codes(story.members, texts, display, stream, story.label, story.code_class)
            continue
        entry = story.view.entry
        style = palette.code_style(entry)
        title = Text(str(entry.code), style=style)
        title.append(f"  {visible(story.view.title)}", style="bold")
        out.print(
            Panel(
                _story_body(story, texts),
                title=title,
                title_align="left",
                border_style=style,
                expand=True,
                padding=(0, 1),
            )
        )
