"""How output looks: format, colour and width are decided here, once, from flags and environment;
then one renderer per format (table, plain, json), all with the same methods.

Nothing in this module imports rich: plain and JSON output never pay for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from httpstat_cli.explain import Story
    from httpstat_cli.i18n import Texts
    from httpstat_cli.intake.tally import Tally
    from httpstat_cli.render.reading import Response
    from httpstat_cli.views import CodeView, LanguageView

FORMATS = ("table", "plain", "json", "csv", "jsonl")
# csv and jsonl are for rows of codes (lookup, list, search), ready for a spreadsheet or SQL.
ROW_FORMATS = ("csv", "jsonl")
MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 20, 1000, 80
MEASURE = 100  # columns of running text in a panel at most: longer lines are hard to read


class Boxes:
    """The characters of rules, panel borders and bullets."""

    __slots__ = ("bottom", "bullet", "rule", "side", "top")

    def __init__(self, rule: str, side: str, top: str, bottom: str, bullet: str) -> None:
        self.rule = rule
        self.side = side
        self.top = top  # the left and right corners at the top
        self.bottom = bottom
        self.bullet = bullet


ROUNDED = Boxes("\u2500", "\u2502", "\u256d\u256e", "\u2570\u256f", "\u2022")
ASCII = Boxes("-", "|", "++", "++", "*")


def boxes_for(encoding: str | None) -> Boxes:
    """Rounded boxes where the stream can encode them, ASCII otherwise (PYTHONIOENCODING=ascii,
    a latin-1 terminal), rather than rows of question marks."""
    try:
        "".join((ROUNDED.rule, ROUNDED.side, ROUNDED.top, ROUNDED.bottom, ROUNDED.bullet)).encode(
            encoding or "utf-8"
        )
    except (UnicodeEncodeError, LookupError):
        return ASCII
    return ROUNDED


class RowsOnly:
    """What csv and jsonl renderers share: codes become rows, and everything that is not rows
    of codes (a story, the languages, a checked response, a tally) is refused."""

    format_name = ""
    stream: IO[str]

    def codes(self, views: Sequence[CodeView]) -> None:
        raise NotImplementedError

    def listing(self, views: Sequence[CodeView]) -> None:
        self.codes(views)

    def hits(self, views: Sequence[CodeView], query: str, cut: Cut | None = None) -> None:
        self.codes(views)

    def stories(self, told: Sequence[Story]) -> None:
        self._refuse()

    def languages(self, views: Sequence[LanguageView]) -> None:
        self._refuse()

    def check(self, responses: Sequence[Response]) -> None:
        self._refuse()

    def tally(self, counted: Tally, inputs: Sequence[dict[str, Any]]) -> None:
        self._refuse()

    def _refuse(self) -> None:
        from httpstat_cli.errors import UsageError

        raise UsageError("err_rows_only", format=self.format_name)


class Display:
    """How output looks: format, colour, width, and for right-to-left languages whether to
    align right (rtl) and to put lines in visual order for a terminal without bidi (bidi);
    with ``stack`` (--stack go), rows add that stack's constant for each code; at a terminal,
    the pager for output taller than its ``height``."""

    __slots__ = ("bidi", "boxes", "color", "format", "height", "pager", "rtl", "stack", "width")

    def __init__(
        self,
        format: str,
        color: bool,
        width: int,
        rtl: bool = False,
        bidi: bool = False,
        stack: str | None = None,
        boxes: Boxes = ROUNDED,
    ) -> None:
        self.format = format
        self.color = color
        self.width = width
        self.rtl = rtl
        self.bidi = bidi
        self.stack = stack
        self.boxes = boxes
        self.pager: str | None = None  # the pager's command when long output may be paged
        self.height = 0  # the screen's lines, when there is a screen

    def narrowed(self, width: int) -> Display:
        """The same display, at most ``width`` columns wide."""
        narrow = Display(self.format, self.color, min(width, self.width), self.rtl, self.bidi)
        narrow.stack = self.stack
        narrow.boxes = self.boxes
        narrow.pager = self.pager
        narrow.height = self.height
        return narrow


def choose_format(requested: str | None, stdout_is_terminal: bool) -> str:
    """A table for people at a terminal, plain text for pipes and scripts."""
    if requested:
        return requested
    return "table" if stdout_is_terminal else "plain"


def wants_color(flag: bool | None, environ: Mapping[str, str], stdout_is_terminal: bool) -> bool:
    """``--color/--no-color`` first, then NO_COLOR, then FORCE_COLOR, then the terminal."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return stdout_is_terminal and environ.get("TERM") != "dumb"


def choose_width(environ: Mapping[str, str], terminal_columns: int | None) -> int:
    """COLUMNS when it is a sane number, else the terminal's width, else 80; clamped."""
    raw = environ.get("COLUMNS", "").strip()
    width = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 6 else 0
    if not width:
        width = terminal_columns or DEFAULT_WIDTH
    return max(MIN_WIDTH, min(MAX_WIDTH, width))


def decide(
    requested_format: str | None,
    color_flag: bool | None,
    environ: Mapping[str, str],
    stdout_is_terminal: bool,
    terminal_columns: int | None,
) -> Display:
    fmt = choose_format(requested_format, stdout_is_terminal)
    return Display(
        format=fmt,
        color=fmt == "table" and wants_color(color_flag, environ, stdout_is_terminal),
        width=choose_width(environ, terminal_columns),
    )


class Cut:
    """A list of search hits cut at its limit: ``shown`` of ``total``, and the command line
    (or the option) that shows them all."""

    __slots__ = ("more", "shown", "total")

    def __init__(self, shown: int, total: int, more: str) -> None:
        self.shown = shown
        self.total = total
        self.more = more

    def note(self, texts: Texts) -> str:
        from httpstat_cli.errors import visible

        return texts.ui(
            "search_cut", shown=self.shown, total=self.total, command=visible(self.more)
        )


def cut(shown: int, total: int, more: str) -> Cut | None:
    """The cut, when fewer hits were shown than found."""
    return Cut(shown, total, more) if shown < total else None


class Renderer(Protocol):
    """What every format shows. A renderer given nothing to show prints nothing, except JSON,
    whose empty list is an answer."""

    def codes(self, views: Sequence[CodeView]) -> None:
        """Entries looked up (hsc 418, hsc lookup 4xx teapot)."""

    def listing(self, views: Sequence[CodeView]) -> None:
        """Entries listed (hsc list): a table groups them under their class."""

    def hits(self, views: Sequence[CodeView], query: str, cut: Cut | None = None) -> None:
        """Search results, best first, under the query they answer; where the list was cut,
        a table says so beneath it (the session says it on stderr for plain rows)."""

    def stories(self, told: Sequence[Story]) -> None:
        """Codes and classes explained (hsc explain)."""

    def languages(self, views: Sequence[LanguageView]) -> None:
        """The languages hsc speaks."""

    def check(self, responses: Sequence[Response]) -> None:
        """Response heads read from curl, wget or HTTPie, and what their fields say."""

    def tally(self, counted: Tally, inputs: Sequence[dict[str, Any]]) -> None:
        """Codes counted in logs, and each input's format, lines and error."""


def renderer(display: Display, texts: Texts, stream: IO[str]) -> Renderer:
    """The renderer of the display's format; only the table's imports rich."""
    if display.format == "json":
        from httpstat_cli.render.json import JsonRenderer

        return JsonRenderer(texts, stream)
    if display.format == "plain":
        from httpstat_cli.render.plain import PlainRenderer

        return PlainRenderer(texts, display, stream)
    if display.format == "jsonl":
        from httpstat_cli.render.json import JsonLinesRenderer

        return JsonLinesRenderer(texts, stream)
    if display.format == "csv":
        from httpstat_cli.render.csv import CsvRenderer

        return CsvRenderer(stream)
    from httpstat_cli.render.table import TableRenderer

    return TableRenderer(texts, display, stream)


def write(stream: IO[str], text: str) -> None:
    """One finished block of output, flushed so that a closed pipe is noticed at once."""
    stream.write(text + "\n")
    stream.flush()


def split_word(
    word: str, width: int, measure: Callable[[str], int], cut: Callable[[str, int], str]
) -> list[str]:
    """A word wider than ``width`` in parts that fit: a URL, a path or a constant name breaks
    after "/", "-" or "_", or before "?", "#" or ".", where the eye expects it; only a part with
    no such place is cut by ``cut``, which returns the longest start of a word that fits."""
    parts: list[str] = []
    while len(word) > 1 and measure(word) > width:
        best = 0
        for index in range(1, len(word)):
            if word[index - 1] in "/-_" or word[index] in "?#.":
                if measure(word[:index]) > width:
                    break
                best = index
        if not best:
            best = max(1, len(cut(word, width)))
        parts.append(word[:best])
        word = word[best:]
    parts.append(word)
    return parts


def wrap_words(text: str, width: int, measure: Callable[[str], int]) -> list[str]:
    """Greedy word wrap without rich (plain output): lines of at most ``width`` cells, words
    too long for a line split by ``split_word``."""

    def cut(word: str, room: int) -> str:
        end = 1
        while end < len(word) and measure(word[: end + 1]) <= room:
            end += 1
        return word[:end]

    lines: list[str] = []
    line, used = "", 0
    for word in filter(None, text.split(" ")):  # a no-break space holds its words together
        for part in split_word(word, width, measure, cut):
            size = measure(part)
            if line and used + 1 + size <= width:
                line, used = f"{line} {part}", used + 1 + size
            else:
                if line:
                    lines.append(line)
                line, used = part, size
    return [*lines, line] if line or not lines else lines
