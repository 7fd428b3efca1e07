"""Right-to-left text (Persian) in terminals, most of which do no bidi of their own.

Terminals such as iTerm2, Windows Terminal, kitty, Alacritty, xterm and WezTerm print
characters in the order they arrive, so Persian in logical order reads backwards there.
VTE terminals (GNOME Terminal, Tilix, ...), Konsole, mlterm and Apple Terminal reorder by
themselves, and reordering twice scrambles the text again. So:

- ``--bidi`` / ``HSC_BIDI=on``: wrap each paragraph to the width first, then turn every line
  into visual order with the Unicode bidi algorithm (python-bidi) and join the letters into
  their contextual forms (arabic-reshaper), which terminals without shaping need;
- ``--no-bidi`` / ``HSC_BIDI=off``: logical order, for terminals that do bidi themselves;
- ``auto`` (default): ``on`` at a terminal that is not known to do bidi, never when stdout is
  not a terminal. JSON is always in logical order.

Nothing here is imported unless a right-to-left language is shown.
"""

from collections.abc import Mapping

ON = frozenset({"on", "1", "yes", "true"})
OFF = frozenset({"off", "0", "no", "false"})


def terminal_does_bidi(environ: Mapping[str, str]) -> bool:
    """What the environment says about the terminal: VTE, Konsole, mlterm, Apple Terminal."""
    return bool(
        environ.get("VTE_VERSION")
        or environ.get("KONSOLE_VERSION")
        or environ.get("TERM_PROGRAM") == "Apple_Terminal"
        or environ.get("TERM", "").startswith("mlterm")
        or environ.get("MLTERM")
    )


def setting(environ: Mapping[str, str]) -> tuple[str, str | None]:
    """HSC_BIDI as on, off or auto; an unknown value is auto, with the value to warn about."""
    raw = environ.get("HSC_BIDI", "").strip()
    value = raw.lower()
    if value in ON:
        return "on", None
    if value in OFF:
        return "off", None
    return "auto", (raw if value not in ("", "auto") else None)


def wants_visual_order(
    flag: bool | None, environ: Mapping[str, str], stdout_is_terminal: bool
) -> bool:
    if flag is not None:
        return flag
    mode, _ = setting(environ)
    if mode != "auto":
        return mode == "on"
    return stdout_is_terminal and not terminal_does_bidi(environ)


def visual(line: str) -> str:
    """One line, shaped and in visual order for a left-to-right terminal."""
    import arabic_reshaper
    from bidi.algorithm import get_display

    # The pure-Python algorithm of python-bidi mirrors brackets ("(" in a right-to-left run
    # shows as ")"), which its Rust binding does not; shaping first keeps the zero-width
    # non-joiner's effect, which reordering would otherwise drop.
    shaped: str = arabic_reshaper.reshape(line)
    reordered: str = get_display(shaped, base_dir="R")
    return reordered


def lines(text: str, width: int) -> list[str]:
    """Wrap in logical order, then reorder each line: bidi works line by line."""
    import textwrap  # its import compiles regular expressions; only bidi output wraps here

    wrapped = textwrap.wrap(
        " ".join(text.split()), width=max(width, 8), break_on_hyphens=False
    ) or [""]
    return [visual(line) for line in wrapped]


def block(text: str, width: int, align: bool = True) -> str:
    """Visual lines joined, each right-aligned to ``width`` when asked."""
    found = lines(text, width)
    return "\n".join(line.rjust(width) if align else line for line in found)
