"""How output looks: format, colour and width are decided here, once, from flags and environment.

Nothing in this module imports rich: plain and JSON output never pay for it.
"""

from collections.abc import Mapping

FORMATS = ("table", "plain", "json", "csv", "jsonl")
# csv and jsonl are for rows of codes (lookup, list, search), ready for a spreadsheet or SQL.
ROW_FORMATS = ("csv", "jsonl")
MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 20, 1000, 80


class Display:
    """How output looks: format, colour, width, and for right-to-left languages whether to
    align right (rtl) and to put lines in visual order for a terminal without bidi (bidi)."""

    __slots__ = ("bidi", "color", "format", "rtl", "width")

    def __init__(
        self, format: str, color: bool, width: int, rtl: bool = False, bidi: bool = False
    ) -> None:
        self.format = format
        self.color = color
        self.width = width
        self.rtl = rtl
        self.bidi = bidi


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
