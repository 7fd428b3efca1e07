"""The command tree. Each command parses, asks the core, and hands a view to a renderer.

Only this module knows click. Errors from the core are worded here, in the reader's language,
as one line on stderr with a documented exit code.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from httpstat_cli import __version__, i18n, query, registry
from httpstat_cli.errors import DataError, ExitCode, HscError, NotFound, UsageError, visible
from httpstat_cli.i18n import Texts
from httpstat_cli.registry import StatusCode
from httpstat_cli.render import FORMATS, Display, decide
from httpstat_cli.views import CodeView, code_view, code_views, language_views

if TYPE_CHECKING:  # completion machinery loads only when a shell asks for it
    from click.shell_completion import CompletionItem

F = TypeVar("F", bound=Callable[..., Any])
MAX_QUERIES = 1000
MAX_SEARCH_LIMIT = 1000


class Settings:
    """Global options, given before or after the command: the later one wins."""

    def __init__(self) -> None:
        self.lang: str | None = None
        self.format: str | None = None
        self.color: bool | None = None
        self.bidi: bool | None = None


# The --lang given on the command line, kept where error messages can find it: an error may
# end the command after click has discarded the context that holds the settings.
_flag_lang: list[str] = []
# Warnings wait for the command to succeed: a failing run says one line, its error.
_warnings: list[str] = []


def _store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is not None and param.name:
        setattr(ctx.ensure_object(Settings), param.name, value)
        if param.name == "lang":
            _flag_lang[:] = [value]


def _items(candidates: Iterable[tuple[str, str]]) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(value, help=help_text) for value, help_text in candidates]


def _lang_of(ctx: click.Context) -> str | None:
    settings = ctx.find_object(Settings)
    return settings.lang if settings is not None else None


def complete_languages(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.languages(incomplete))


def complete_queries(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.queries(incomplete, _lang_of(ctx), dict(os.environ)))


def complete_classes(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.class_patterns(incomplete, _lang_of(ctx), dict(os.environ)))


# The options every command takes, given before or after the command. Built once and shared
# by all commands: they hold no state of their own (values go to the context's Settings), and
# building 28 of them cost every run, TAB included, about 1 % of its time.
COMMON_OPTIONS = (
    click.Option(
        ["--lang"],
        metavar="TAG",
        expose_value=False,
        callback=_store,
        shell_complete=complete_languages,
        help="Language of the texts: en, tr, fr or fa (default: from the environment).",
    ),
    click.Option(
        ["--format", "format"],
        type=click.Choice(FORMATS),
        expose_value=False,
        callback=_store,
        help="Output format (default: table at a terminal, plain otherwise).",
    ),
    click.Option(
        ["--color/--no-color", "color"],
        default=None,
        expose_value=False,
        callback=_store,
        help="Colour on or off (default: NO_COLOR, FORCE_COLOR, then the terminal).",
    ),
    click.Option(
        ["--bidi/--no-bidi", "bidi"],
        default=None,
        expose_value=False,
        callback=_store,
        help="Put Persian in visual order for terminals without bidi (default: HSC_BIDI, "
        "else auto).",
    ),
)


def common_options(function: F) -> F:
    # What click.option does, with the shared instances: click reverses this list when it
    # builds the command, so the options are listed in the order above.
    params = function.__dict__.setdefault("__click_params__", [])
    params.extend(reversed(COMMON_OPTIONS))
    return function


class Session:
    __slots__ = ("display", "texts")

    def __init__(self, texts: Texts, display: Display) -> None:
        self.texts = texts
        self.display = display

    @property
    def lang(self) -> str:
        return self.texts.lang

    def search_languages(self, every_language: bool = False) -> list[Texts]:
        """The reader's language and English; or every shipped language."""
        tags = i18n.SUPPORTED if every_language else (self.lang, i18n.FALLBACK)
        return [i18n.load_texts(tag) for tag in dict.fromkeys(tags)]


def _terminal_columns() -> int | None:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return None


def session(ctx: click.Context) -> Session:
    settings = ctx.ensure_object(Settings)
    lang = i18n.negotiate(settings.lang, os.environ)
    texts = i18n.load_texts(lang)
    for warning in texts.warnings:
        _warnings.append(visible(texts.ui("warning", message=warning)))
    is_terminal = sys.stdout.isatty()
    display = decide(settings.format, settings.color, os.environ, is_terminal, _terminal_columns())
    if texts.right_to_left:
        from httpstat_cli.render import rtl

        _, bad_value = rtl.setting(os.environ)
        if bad_value is not None:
            warning = texts.ui("warn_bad_bidi", value=bad_value)
            _warnings.append(visible(texts.ui("warning", message=warning)))
        visual = display.format != "json" and rtl.wants_visual_order(
            settings.bidi, os.environ, is_terminal
        )
        display = Display(display.format, display.color, display.width, rtl=True, bidi=visual)
    return Session(texts, display)


def emit_codes(
    s: Session,
    views: Sequence[CodeView],
    heading: str | None = None,
    heading_class: str | None = None,
) -> None:
    fmt = s.display.format
    if fmt == "json":
        from httpstat_cli.render import json as json_out

        say(json_out.codes(views, s.lang, ascii_only=not _utf8_stdout()))
    elif fmt == "plain":
        from httpstat_cli.render import plain

        if views:
            say(plain.codes(views, s.display.bidi))
    else:
        from httpstat_cli.render import table

        table.print_codes(views, s.texts, s.display, sys.stdout, heading, heading_class)


def _utf8_stdout() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return encoding in ("utf8", "utf8sig")


def _unique(entries: Iterable[StatusCode]) -> list[StatusCode]:
    return list({entry.id: entry for entry in entries}.values())


def _parse_all(raw: Sequence[str]) -> list[query.Query]:
    if len(raw) > MAX_QUERIES:
        raise UsageError("err_too_many_queries", limit=MAX_QUERIES)
    return [query.parse(item) for item in raw]


def _show_help(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        say(ctx.get_help())
        ctx.exit()


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        say(f"hsc {__version__}")
        ctx.exit()


class _HelpOption:
    """-h/--help built here rather than by click, whose option asks gettext for its help text
    on every run: importing locale and probing translation files costs a few milliseconds of
    start-up that a lookup or a TAB should not pay."""

    add_help_option: bool

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        if not self.add_help_option:
            return None
        return click.Option(
            ["-h", "--help"],
            is_flag=True,
            is_eager=True,
            expose_value=False,
            callback=_show_help,
            help="Show this message and exit.",
        )


class HscCommand(_HelpOption, click.Command):
    pass


class HscGroup(_HelpOption, click.Group):
    """A group whose unknown first word is a lookup (``hsc 418``, ``hsc teapot``) and whose
    errors are one line on stderr."""

    command_class = HscCommand

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] == "-":
            return "stdin", self.commands["stdin"], args[1:]
        if args and self.get_command(ctx, args[0]) is None and not args[0].startswith("-"):
            return "lookup", self.commands["lookup"], args
        return super().resolve_command(ctx, args)

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        """Commands, and for a bare lookup (``hsc 41<TAB>``) classes and codes too."""
        found = super().shell_complete(ctx, incomplete)
        if not incomplete.startswith("-"):
            found += complete_queries(ctx, self.params[0], incomplete)
        return found

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, ALIASES.get(cmd_name, cmd_name))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # caught here, before click turns it into exit status 1
            quiet_exit()

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        _flag_lang.clear()  # one run's --lang never leaks into the next (tests run many)
        _warnings.clear()
        # A parse error can stop click before it stores --lang: look for it in the raw words.
        raw = kwargs.get("args") if kwargs.get("args") is not None else (args[0] if args else None)
        words = list(raw) if raw is not None else sys.argv[1:]
        for index, word in enumerate(words[:-1]):
            if word == "--lang":
                _flag_lang[:] = [words[index + 1]]
        _flag_lang[:] = _flag_lang or [w[7:] for w in words if w.startswith("--lang=")][-1:]
        try:
            result = super().main(*args, **kwargs)
        except HscError as error:
            fail(error)
        except click.ClickException as error:
            fail_click(error)
        except click.exceptions.Abort:
            sys.exit(130)
        except BrokenPipeError:
            quiet_exit()
        for warning in dict.fromkeys(_warnings):
            say(warning, err=True)
        sys.exit(result if isinstance(result, int) else 0)


ALIASES = {"list-class": "list"}


def _error_texts() -> Texts | None:
    """Errors speak the reader's language: --lang if it named a shipped one, else the
    environment's."""
    for flag in (*_flag_lang[-1:], None):
        try:
            return i18n.load_texts(i18n.negotiate(flag, os.environ))
        except HscError:
            continue
    return None


def error_line(error: HscError) -> str:
    texts = _error_texts()
    params = {k: visible(str(v)) for k, v in error.params.items() if v is not None}
    hint = params.pop("hint", None)
    other_language = params.pop("hint_lang", None)
    if texts is None or isinstance(error, DataError):
        message = params.get("detail") or f"{error.key} {params}"
        return f"Error: {message}"
    try:
        message = texts.ui(error.key, **params)
        if other_language:
            meta = i18n.read_locale(other_language).get("meta", {})
            name = meta.get("native_name", other_language)
            advice = texts.ui("hint_other_language", language=name, tag=other_language)
        elif hint:
            advice = texts.ui("hint_did_you_mean", word=hint)
        else:
            advice = texts.ui("hint_list_all") if error.key == "err_no_search_hits" else ""
        if advice:
            message = f"{message}{_semicolon(texts)}{advice}"
        return texts.ui("error", message=message)
    except (HscError, KeyError, IndexError):
        return f"Error: {error.key} {params}"


def fail(error: HscError) -> NoReturn:
    say(error_line(error), err=True)
    sys.exit(int(error.exit_code))


def _semicolon(texts: Texts) -> str:
    return {"fr": " ; ", "fa": "\u061b "}.get(texts.lang, "; ")  # French spacing, Arabic semicolon


def _search_miss(text: str, s: Session, every_language: bool = False) -> NotFound:
    """The error for words that found nothing, with the most useful hint: the language whose
    texts they do match (a French word asked in English), else the nearest known spelling,
    else (in error_line) where to see every code. Only a failed search pays for this."""
    from httpstat_cli import search as engine

    entries = registry.all_codes()
    if not every_language:
        for tag in i18n.SUPPORTED:
            if tag not in (s.lang, i18n.FALLBACK) and engine.search(
                text, entries, [i18n.load_texts(tag)], limit=1
            ):
                return NotFound("err_no_search_hits", query=text, hint_lang=tag)
    word = engine.suggest(text, entries, s.search_languages(every_language))
    return NotFound("err_no_search_hits", query=text, hint=word)


def _click_message(error: click.ClickException, texts: Texts) -> str | None:
    """click's parse errors in the reader's language; None where hsc has no wording."""
    if isinstance(error, click.NoSuchOption):
        message = texts.ui("err_no_such_option", option=error.option_name)
        if error.possibilities:
            word = sorted(error.possibilities)[0]
            message += _semicolon(texts) + texts.ui("hint_did_you_mean", word=word)
        return message
    if isinstance(error, click.MissingParameter):
        name = error.param_hint if isinstance(error.param_hint, str) else None
        return texts.ui("err_missing_argument", name=name or getattr(error.param, "name", "?"))
    if isinstance(error, click.BadParameter):
        name = getattr(error.param, "name", None)
        quoted = re.search(r"'((?:[^'\\]|\\.)*)'", error.message)
        if name == "limit":
            return texts.ui("err_bad_limit", high=MAX_SEARCH_LIMIT)
        if quoted is None:
            return None
        if name == "shell":
            return texts.ui("err_unknown_shell", shell=quoted.group(1))
        option = error.param.opts[0] if error.param is not None and error.param.opts else name
        return texts.ui("err_bad_value", option=option, value=quoted.group(1))
    return None


def fail_click(error: click.ClickException) -> NoReturn:
    texts = _error_texts()
    worded = _click_message(error, texts) if texts else None
    message = visible(" ".join((worded or error.format_message()).split()))
    hint = " (hsc --help)" if isinstance(error, click.UsageError) else ""
    line = texts.ui("error", message=message + hint) if texts else f"Error: {message}{hint}"
    say(line, err=True)
    code = error.exit_code
    sys.exit(ExitCode.USAGE if isinstance(error, click.UsageError) else code)


def quiet_exit() -> NoReturn:
    # The reader closed the pipe (hsc list | head -1): say nothing, flush nothing more.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(0)


CONTEXT = {"max_content_width": 100}
# What lookup and explain take: codes, classes, ranges, constant names or words.
QUERIES = click.argument(
    "queries",
    nargs=-1,
    required=True,
    metavar="CODE|CLASS|RANGE|NAME|WORDS...",
    shell_complete=complete_queries,
)


@click.group(cls=HscGroup, context_settings=CONTEXT, invoke_without_command=True)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    is_eager=True,
    expose_value=False,
    callback=_show_version,
    help="Show the version and exit.",
)
@common_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """HTTP status codes explained, in your language.

    \b
      hsc 418                 what a code means (same as: hsc lookup 418)
      hsc 4xx | hsc 41x       a class or a decade
      hsc 400-410             a range
      hsc teapot              words: searched
      hsc search timeout      find codes by words, typos forgiven
      hsc list 5xx            a whole class, or everything
      hsc languages           the languages hsc speaks
      curl -sI URL | hsc      check a response (also: hsc check)
      hsc tally access.log    count the codes in a log
      tail -f LOG | hsc annotate   each line with its code's meaning
    """
    if ctx.invoked_subcommand is None:
        if _stdin_is_terminal():
            say(ctx.get_help())
        else:
            ctx.exit(read_stdin(ctx))


@cli.command(context_settings=CONTEXT)
@QUERIES
@common_options
@click.pass_context
def lookup(ctx: click.Context, queries: tuple[str, ...]) -> None:
    """Show what codes mean: 418, 4xx, 41x, 400-410, NOT_FOUND, or words.

    Several queries are shown in the order given, each entry once. Exit status 1 when a
    query matches nothing.
    """
    parsed = _parse_all(queries)
    s = session(ctx)
    found: list[StatusCode] = []
    misses: list[str] = []
    for item in parsed:
        entries = query.resolve(item, s.search_languages())
        if not entries:
            misses.append(item.text)
        found.extend(entries)
    if found or s.display.format == "json":  # a table of nothing would be just its header
        emit_codes(s, code_views(_unique(found), s.texts))
    if misses:
        raise _not_found(misses, parsed, s)


@cli.command("list", context_settings=CONTEXT)
@click.argument("classes", nargs=-1, metavar="[CLASS]...", shell_complete=complete_classes)
@common_options
@click.pass_context
def list_codes(ctx: click.Context, classes: tuple[str, ...]) -> None:
    """List a class (4xx), a decade (41x), a range, or every code. Alias: list-class."""
    parsed = _parse_all(classes)
    for item in parsed:
        if item.kind not in ("code", "range"):
            raise UsageError("err_bad_pattern", query=item.text)
    s = session(ctx)
    ranges = [(item.low, item.high) for item in parsed] or [(100, 599)]
    entries = _unique(e for low, high in ranges for e in registry.in_range(low, high))
    if not entries:
        raise NotFound("err_not_found", query=", ".join(item.text for item in parsed))
    if s.display.format != "table":
        emit_codes(s, code_views(entries, s.texts))
        return
    from httpstat_cli.render.typography import colon

    for code_class in dict.fromkeys(entry.code_class for entry in entries):
        members = [entry for entry in entries if entry.code_class == code_class]
        heading = (
            f"{code_class}  {s.texts.class_name(code_class)}{colon(s.lang)}"
            f"{s.texts.class_description(code_class)}"
        )
        emit_codes(s, code_views(members, s.texts), heading, code_class)


@cli.command(context_settings=CONTEXT)
@click.argument("words", nargs=-1, required=True, metavar="WORDS...")
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_SEARCH_LIMIT),
    default=10,
    show_default=True,
    help="Show at most this many codes.",
)
@click.option(
    "--all-languages", is_flag=True, help="Search the texts of every language, not just yours."
)
@common_options
@click.pass_context
def search(ctx: click.Context, words: tuple[str, ...], limit: int, all_languages: bool) -> None:
    """Find codes by words in any language hsc speaks; accents and typos are forgiven.

    Codes matching every word come first, then by score: the code itself, then its name or
    title, then its summary, then its explanation. Exit status 1 when nothing matches.
    """
    from httpstat_cli import search as engine

    text = " ".join(" ".join(words).split())
    if not text:
        raise UsageError("err_empty_query")
    if len(text) > query.MAX_QUERY_LENGTH:
        raise UsageError("err_query_too_long", limit=query.MAX_QUERY_LENGTH)
    s = session(ctx)
    languages = s.search_languages(all_languages)
    hits = engine.search(text, registry.all_codes(), languages, limit=limit)
    if not hits:
        raise _search_miss(text, s, all_languages)
    views = []
    for hit in hits:
        view = code_view(hit.entry, s.texts)
        view.score, view.matched = hit.score, hit.matched
        view.title_marks = engine.marks(view.title, text)
        view.summary_marks = engine.marks(view.summary, text)
        views.append(view)
    heading = s.texts.ui("heading_search", query=text) if s.display.format == "table" else None
    emit_codes(s, views, heading)


@cli.command(context_settings=CONTEXT)
@QUERIES
@common_options
@click.pass_context
def explain(ctx: click.Context, queries: tuple[str, ...]) -> None:
    """The long story: meaning, what to do, causes, fixes, headers, caching, retry, spec.

    A class (4xx) is explained with its codes listed; words explain the best match. Several
    queries are explained one after the other, so that they can be compared.
    """
    from httpstat_cli import explain as stories

    parsed = _parse_all(queries)
    s = session(ctx)
    told: list[stories.CodeStory | stories.ClassStory] = []
    seen: set[str] = set()
    misses: list[str] = []
    for item in parsed:
        if item.kind == "range" and item.high - item.low == 99:
            code_class = f"{item.low // 100}xx"
            if code_class not in seen:
                seen.add(code_class)
                told.append(stories.class_story(code_class, s.texts))
            continue
        entries = query.resolve(item, s.search_languages())
        if item.kind == "words":
            entries = entries[:1]
        if not entries:
            misses.append(item.text)
        for entry in entries:
            if entry.id not in seen:
                seen.add(entry.id)
                told.append(stories.code_story(entry, s.texts))
    emit_stories(s, told)
    if misses:
        raise _not_found(misses, parsed, s)


def _not_found(misses: Sequence[str], parsed: Sequence[query.Query], s: Session) -> NotFound:
    """Queries that found nothing; words alone get the search's hint."""
    words = [item.text for item in parsed if item.kind in ("name", "words") and item.text in misses]
    if len(misses) == 1 and words:
        return _search_miss(words[0], s)
    return NotFound("err_not_found", query=", ".join(misses))


def emit_stories(s: Session, told: Sequence[Any]) -> None:
    fmt = s.display.format
    if fmt == "json":
        from httpstat_cli.render import json as json_out

        say(json_out.stories(told, s.lang, ascii_only=not _utf8_stdout()))
    elif fmt == "plain":
        from httpstat_cli.render import plain

        if told:
            say(plain.stories(told, s.texts, s.display.width, s.display.bidi))
    else:
        from httpstat_cli.render import table

        table.print_stories(told, s.texts, s.display, sys.stdout)


@cli.command(context_settings=CONTEXT)
@common_options
@click.pass_context
def languages(ctx: click.Context) -> None:
    """List the languages hsc speaks, and how complete each translation is."""
    s = session(ctx)
    views = language_views()
    if s.display.format == "json":
        from httpstat_cli.render import json as json_out

        say(json_out.languages(views, ascii_only=not _utf8_stdout()))
    elif s.display.format == "plain":
        from httpstat_cli.render import plain

        say(plain.languages(views))
    else:
        from httpstat_cli.render import table

        table.print_languages(views, s.texts, s.display, sys.stdout)


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (ValueError, AttributeError):
        return True


def _stdin() -> Any:
    return sys.stdin.buffer if hasattr(sys.stdin, "buffer") else sys.stdin


def _report(error: HscError) -> None:
    say(error_line(error), err=True)


@cli.command(context_settings=CONTEXT)
@click.argument("file", required=False, default="-", metavar="[FILE]")
@click.option(
    "--url",
    metavar="URL",
    help="The URL the first response answered, to resolve "
    "a relative Location (curl -v and wget -S show it themselves).",
)
@click.option("--fail", is_flag=True, help="Exit status 1 when the final status is 4xx or 5xx.")
@common_options
@click.pass_context
def check(ctx: click.Context, file: str, url: str | None, fail: bool) -> int:
    """Explain and check response heads: curl -sI, -i, -sv 2>&1 or -sIL, wget -S, http --headers.

    Each head of a redirect chain is shown in order: its code, the header fields the code
    calls for that are missing, Retry-After and Location made readable. FILE defaults to
    stdin. Exit status 1 when no status line is found, 4 when FILE cannot be read.
    """
    from httpstat_cli import reading

    s = session(ctx)
    return reading.check(file, url, fail, s.texts, s.display, _stdin(), _report)


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option(
    "--field",
    metavar="NAME|N",
    help="The JSON field, or the column number (1 is "
    "the first), that holds the code, when the format cannot be detected.",
)
@common_options
@click.pass_context
def tally(ctx: click.Context, files: tuple[str, ...], field: str | None) -> int:
    """Count the status codes in access logs: common and combined (nginx, Apache), JSON lines,
    AWS ALB, bare codes, status lines. Files ending .gz are read as gzip; - or none is stdin.

    Exit status 1 when no code is found, 4 when a file cannot be read (the others are counted).
    """
    from httpstat_cli import reading

    s = session(ctx)
    return reading.tally(files, field, s.texts, s.display, _stdin(), _report)


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, metavar="[FILE]...")
@common_options
@click.pass_context
def annotate(ctx: click.Context, files: tuple[str, ...]) -> int:
    """Pass log lines through with each code's meaning added (tail -f access.log | hsc annotate).

    At a terminal, the code coloured and its title after the line, control characters shown
    as escapes; into a pipe, each line exactly as read, then a tab, the code and its title.
    """
    from httpstat_cli import reading

    s = session(ctx)
    return reading.annotate(files, s.texts, s.display, _stdin(), _report)


@cli.command("stdin", hidden=True, context_settings=CONTEXT)
@common_options
@click.pass_context
def stdin_command(ctx: click.Context) -> int:
    """Read stdin: a code is looked up, a response head checked, a log tallied."""
    return read_stdin(ctx)


def read_stdin(ctx: click.Context) -> int:
    from httpstat_cli import reading

    kind, stream, code = reading.from_stdin(_stdin())
    if kind == "empty":
        say(ctx.find_root().get_help())
        return 0
    if kind == "code":
        return ctx.invoke(lookup, queries=(code,)) or 0
    s = session(ctx)
    if kind == "head":
        return reading.check("-", None, False, s.texts, s.display, stream, _report)
    return reading.tally([], None, s.texts, s.display, stream, _report)


SHELLS = ("bash", "zsh", "fish")


@cli.command(context_settings=CONTEXT)
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for bash, zsh or fish (see the README to enable it)."""
    say(completion_script(shell), nl=False)


def completion_script(shell: str) -> str:
    """The script click generates for ``hsc``: the same text as completions/ in the repo."""
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    if completer is None:  # click knows every shell in SHELLS; a guard for future versions
        raise UsageError("err_unknown_shell", shell=shell)
    source = completer(cli, {}, "hsc", "_HSC_COMPLETE").source()
    return source if source.endswith("\n") else source + "\n"


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Write to stdout or stderr as they are configured. Not click.echo: it swaps an ASCII
    stream for UTF-8, so PYTHONIOENCODING=ascii would get bytes it cannot decode."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n" if nl else text)
    stream.flush()


def _tolerant_streams() -> None:
    """A stdout that cannot encode Persian or Turkish (PYTHONIOENCODING=ascii, a latin-1
    terminal) gets "?" for what it cannot show, rather than a crash; JSON escapes instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> None:
    """The ``hsc`` command. A run lasts milliseconds and leaves almost no reference cycles
    (11 objects), so the cyclic collector is off: its passes over the parsed data and, at
    exit, over every imported module cost about 9 % of a run (see the README)."""
    gc.disable()
    _tolerant_streams()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="hsc")
    finally:
        gc.freeze()  # what is left is freed by the exit; the collector need not walk it
