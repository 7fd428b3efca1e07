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

from collections.abc import Iterable, Mapping

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
    return visual_lines([line])[0]


def visual_lines(lines: list[str]) -> list[str]:
    """Lines shaped, then each put in visual order for a left-to-right terminal (shaping
    first keeps the zero-width non-joiner's effect, which reordering drops)."""
    return [_reorder(line) for line in _shape(lines)]


_SHAPED: dict[str, str] = {}  # each word met, in its contextual forms


def prepare(texts: Iterable[str]) -> None:
    """Shape every word of texts about to be shown, in one call of the reshaper, so that
    the cells and lines drawn from them one by one find their words ready."""
    _shape([" ".join(text.split()) for text in texts])


def _shape(lines: list[str]) -> list[str]:
    """Arabic-script letters joined into their contextual forms. Joining never crosses a
    space, so each word is shaped once, and all new words in one call: arabic-reshaper reads
    its settings on every call, which cost more than the shaping of a short line."""
    new = list({word for line in lines for word in line.split(" ")}.difference(_SHAPED))
    if new:
        import arabic_reshaper

        try:
            shaped = arabic_reshaper.reshape("\n".join(new)).split("\n")
        except (IndexError, KeyError, ValueError):
            shaped = []
        if len(shaped) != len(new):  # a word it fails on: shape one at a time
            shaped = [_shape_word(word) for word in new]
        _SHAPED.update(zip(new, shaped, strict=True))
    return [" ".join(map(_SHAPED.__getitem__, line.split(" "))) for line in lines]


def _shape_word(word: str) -> str:
    import arabic_reshaper

    # arabic-reshaper 3.0 raises IndexError for a joiner before a lam-alef ligature
    for attempt in (word, word.replace("\u200d", "")):
        try:
            shaped: str = arabic_reshaper.reshape(attempt)
            return shaped
        except (IndexError, KeyError, ValueError):
            continue
    return word


def _reorder(line: str) -> str:
    """``line`` in visual order, its base direction right to left. python-bidi's Rust
    binding is much quicker than its pure-Python algorithm (README, Performance) but does
    not mirror brackets ("(" in a right-to-left run shows as ")"), so a line holding a
    mirrored character goes to the pure-Python one. Both leave out what rule X9 removes
    (joiners, soft hyphens); so that they agree, those are removed first."""
    if not line.isprintable():
        line = _without_x9(line)
    if not any("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc" for ch in line):
        # Nothing written right to left (a line of constants, a URL): the reorder would
        # only move the punctuation at its ends (".NET" shown as "NET.").
        return line
    from bidi.mirror import MIRRORED

    if MIRRORED.keys().isdisjoint(line):
        from bidi import get_display
    else:
        from bidi.algorithm import get_display
    reordered: str = get_display(line, base_dir="R")
    return reordered


def _without_x9(line: str) -> str:
    import unicodedata

    line = line.replace("\u200c", "").replace("\u200d", "")
    if line.isprintable():
        return line
    removed = ("BN", "LRE", "RLE", "LRO", "RLO", "PDF")
    return "".join(ch for ch in line if unicodedata.bidirectional(ch) not in removed)


def lines(text: str, width: int) -> list[str]:
    """Wrap in logical order, then reorder each line: bidi works line by line."""
    import textwrap  # its import compiles regular expressions; only bidi output wraps here

    wrapped = textwrap.wrap(
        " ".join(text.split()), width=max(width, 8), break_on_hyphens=False
    ) or [""]
    return visual_lines(wrapped)
