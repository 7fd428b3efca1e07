"""The session of one run: language, display and warnings, decided once from the flags and the
environment; and errors worded in the reader's language. No click here: cli.py parses.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, NoReturn

from httpstat_cli import i18n
from httpstat_cli.errors import DataError, HscError, visible
from httpstat_cli.i18n import Texts
from httpstat_cli.render import Display, Renderer, boxes_for, cut, decide, renderer

DEFAULT_PAGER = "less -FRX"


class Settings:
    """The global flags as given, before or after the command (the later one wins); None
    where the environment decides."""

    def __init__(self) -> None:
        self.lang: str | None = None
        self.format: str | None = None
        self.color: bool | None = None
        self.bidi: bool | None = None
        self.stack: str | None = None
        self.no_pager: bool | None = None


class Session:
    """The reader's texts and display, and the warnings to say if the command succeeds."""

    __slots__ = ("bidi_flag", "display", "texts", "warnings")

    def __init__(
        self,
        texts: Texts,
        display: Display,
        warnings: Sequence[str] = (),
        bidi_flag: bool | None = None,
    ) -> None:
        self.texts = texts
        self.display = display
        self.warnings = list(warnings)
        self.bidi_flag = bidi_flag  # --bidi/--no-bidi as typed: each stream decides from it

    @property
    def lang(self) -> str:
        return self.texts.lang

    def search_languages(self, every_language: bool = False) -> list[Texts]:
        return i18n.texts_for_search(self.lang, every_language)

    def renderer(self, stream: IO[str]) -> Renderer:
        return renderer(self.display, self.texts, stream)

    @contextlib.contextmanager
    def paged(self, stream: IO[str]) -> Iterator[IO[str]]:
        """Where to write output that may be long: at a terminal, a buffer that goes through
        the pager when it is taller than the screen and straight to ``stream`` otherwise."""
        if self.display.pager is None:
            yield stream
            return
        buffer = io.StringIO()
        yield buffer
        text = buffer.getvalue()
        if text.count("\n") < self.display.height:
            stream.write(text)
            stream.flush()
            return
        from httpstat_cli.render import pager

        pager.page(text, self.display.pager, stream)


def show_hits(
    current: Session, text: str, more: list[str], limit: int, best_only: bool, every: bool = False
) -> bool:
    """Search hits under their heading and, where the list was cut, a note giving ``more``
    with the --limit that shows every hit; False, with nothing shown, when none matched.
    ``best_only``: only hits matching every word when some do; ``every``: every language."""
    import shlex

    from httpstat_cli import search

    hits, total = search.ranked(text, current.search_languages(every), limit, best_only)
    if not hits:
        return False
    views = search.hit_views(hits, current.texts, text)
    more = [*more, "--limit", str(total)]
    shortened = cut(len(hits), total, shlex.join(more))
    current.renderer(sys.stdout).hits(views, text, shortened)
    if shortened and current.display.format == "plain":  # stdout holds only the rows
        say(shortened.note(current.texts), err=True, bidi=current.bidi_flag)
    return True


def terminal_size(stream: IO[str] | None) -> os.terminal_size | None:
    try:
        return os.get_terminal_size(stream.fileno()) if stream is not None else None
    except (OSError, ValueError, AttributeError):
        return None


def choose_pager(no_pager: bool | None, environ: Mapping[str, str]) -> str | None:
    """The pager's command line, as git chooses it: HSC_PAGER, else PAGER, else less -FRX;
    None for --no-pager, or a pager set empty or to cat."""
    if no_pager:
        return None
    command = environ.get("HSC_PAGER", environ.get("PAGER", DEFAULT_PAGER)).strip()
    return None if command in ("", "cat") else command


def build_session(
    settings: Settings, environ: Mapping[str, str], stdout: IO[str], stderr: IO[str] | None = None
) -> Session:
    texts = i18n.load_texts(i18n.negotiate(settings.lang, environ))
    warnings = [visible(texts.ui("warning", message=warning)) for warning in texts.warnings]
    is_terminal = stdout.isatty()
    # Piped output still fits the terminal it is read in, when stderr is one (| head).
    screen = terminal_size(stdout if is_terminal else stderr)
    columns = screen.columns if screen else None
    display = decide(settings.format, settings.color, environ, is_terminal, columns)
    if is_terminal and screen is not None:
        display.pager = choose_pager(settings.no_pager, environ)
        display.height = screen.lines
    if texts.right_to_left:
        from httpstat_cli.render import rtl

        _, bad_value = rtl.setting(environ)
        if bad_value is not None:
            warning = texts.ui("warn_bad_bidi", value=bad_value)
            warnings.append(visible(texts.ui("warning", message=warning)))
        visual = display.format != "json" and rtl.wants_visual_order(
            settings.bidi, environ, is_terminal
        )
        display.rtl, display.bidi = True, visual
    display.stack = choose_stack(settings.stack, environ, texts, warnings)
    display.boxes = boxes_for(getattr(stdout, "encoding", None))
    return Session(texts, display, warnings, settings.bidi)


def choose_stack(
    flag: str | None, environ: Mapping[str, str], texts: Texts, warnings: list[str]
) -> str | None:
    """--stack, else HSC_STACK when it names a stack (otherwise a warning), else none."""
    from httpstat_cli import constants

    if flag is not None:
        return flag
    value = environ.get("HSC_STACK", "").strip().lower()
    if value and value not in constants.STACKS:
        available = i18n.list_separator(texts.lang).join(constants.STACKS)
        warning = texts.ui("warn_bad_stack", value=value, available=available)
        warnings.append(visible(texts.ui("warning", message=warning)))
        return None
    return value or None


def flag_language(argv: Sequence[str]) -> str | None:
    """The last ``--lang`` among the raw arguments, for wording an error that stops parsing
    before the flag is stored; None when there is none."""
    found = None
    for index, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif word.startswith("--lang="):
            found = word.partition("=")[2]
    return found


def flag_bidi(argv: Sequence[str]) -> bool | None:
    """The last --bidi or --no-bidi before any "--", for help shown before they are parsed."""
    found = None
    for word in argv:
        if word == "--":
            break
        if word in ("--bidi", "--no-bidi"):
            found = word == "--bidi"
    return found


def error_texts(flag: str | None, environ: Mapping[str, str]) -> Texts | None:
    """Errors speak the reader's language: the flag's if it names a shipped one, else the
    environment's; None when not even English can be read."""
    for choice in (flag, None) if flag is not None else (None,):
        try:
            return i18n.load_texts(i18n.negotiate(choice, environ))
        except HscError:
            continue
    return None


def error_line(error: HscError, texts: Texts | None) -> str:
    """One line for stderr: the message, then the most useful hint."""
    params = {key: shown(str(value)) for key, value in error.params.items() if value is not None}
    hint = params.pop("hint", None)
    other_language = params.pop("hint_lang", None)
    command = params.pop("hint_command", None)
    if texts is None or isinstance(error, DataError):
        return f"Error: {params.get('detail') or f'{error.key} {params}'}"
    try:
        message = texts.ui(error.key, **params)
        if other_language:
            name = texts.language_name(other_language)
            advice = texts.ui("hint_other_language", language=name, tag=other_language)
        elif command:
            advice = texts.ui("hint_command", command=f"hsc {command}")
        elif hint:
            advice = texts.ui("hint_did_you_mean", word=hint)
        else:
            advice = texts.ui("hint_list_all") if error.key == "err_no_search_hits" else ""
        if advice:
            message = f"{message}{i18n.semicolon(texts.lang)}{advice}"
        return texts.ui("error", message=message)
    except (HscError, KeyError, IndexError):
        return _untranslated(error.key, params, texts)


def _untranslated(key: str, params: dict[str, str], texts: Texts) -> str:
    """A message this language's file words wrongly (a placeholder renamed): English's
    wording, under the reader's "Error:"; the key and values if even that fails."""
    try:
        message = texts.layer(1)["ui"][key].format(**params)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        message = f"{key} {params}"
    try:
        return texts.ui("error", message=message)
    except (HscError, KeyError, IndexError, ValueError):
        return f"Error: {message}"


def shown(value: str) -> str:
    """A value the user typed, safe to echo; an empty one quoted, so that it can be seen."""
    return visible(value) if value else "''"


def usage_line(message: str, texts: Texts | None, hint: str = "") -> str:
    """A parse error as one line: the message on one line, control characters escaped."""
    message = visible(" ".join(message.split())) + hint
    return texts.ui("error", message=message) if texts else f"Error: {message}"


def say(text: str, err: bool = False, nl: bool = True, bidi: bool | None = None) -> None:
    """Write to stdout or stderr as they are configured, right-to-left lines as ``bidi``
    (--bidi/--no-bidi, None for auto) wants them on that stream. Not click.echo: it swaps an
    ASCII stream for UTF-8, so PYTHONIOENCODING=ascii would get bytes it cannot decode."""
    stream = sys.stderr if err else sys.stdout
    if not text.isascii():
        text = directed(text, stream, os.environ, bidi)
    stream.write(text + "\n" if nl else text)
    stream.flush()


def directed(
    text: str, stream: IO[str], environ: Mapping[str, str], bidi: bool | None = None
) -> str:
    """Lines holding right-to-left text as this stream wants them, decided for the stream
    itself (stderr may be a terminal while stdout is piped): in visual order, wrapped to
    the width and right-aligned; else in logical order, each marked right to left."""
    from httpstat_cli.render import choose_width, rtl

    if not rtl.has_rtl(text) or rtl.shaped(text):  # help arrives in visual order already
        return text
    try:
        is_terminal = stream.isatty()
    except (ValueError, AttributeError):
        is_terminal = False
    if not rtl.wants_visual_order(bidi, environ, is_terminal):
        return "\n".join(rtl.mark_line(line) for line in text.split("\n"))
    screen = terminal_size(stream)
    width = choose_width(environ, screen.columns if screen else None)
    shown = []
    for line in text.split("\n"):
        if not rtl.has_rtl(line):
            shown.append(line)
            continue
        indent = len(line) - len(line.lstrip(" "))
        for part in rtl.lines(line, width - indent):
            shown.append(" " * max(0, width - indent - rtl.cells(part)) + part + " " * indent)
    return "\n".join(line.rstrip() for line in shown)


def tolerant_streams() -> None:
    """A stdout that cannot encode Persian or Turkish (PYTHONIOENCODING=ascii, a latin-1
    terminal) gets "?" for what it cannot show, rather than a crash; JSON escapes instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def output_failed(error: HscError, flag: str | None, bidi: bool | None = None) -> NoReturn:
    """stdout could not take the output: say so on stderr if it is open, and stop with the
    documented status; the unwritten rest goes nowhere rather than into a second error."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            say(error_line(error, error_texts(flag, os.environ)), err=True, bidi=bidi)
    _discard_stdout()
    sys.exit(error.exit_code)


def _discard_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def quiet_exit() -> NoReturn:
    """The reader closed the pipe (hsc list | head -1): say nothing, flush nothing more."""
    _discard_stdout()
    sys.exit(0)
