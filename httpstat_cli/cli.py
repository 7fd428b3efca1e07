"""The command tree. Each command parses, asks the core, and hands a view to a renderer.

Only this module knows click. Errors from the core are worded here, in the reader's language,
as one line on stderr with a documented exit code.
"""

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, NoReturn, TypeVar

import click

from httpstat_cli import __version__, i18n, query, registry
from httpstat_cli.errors import DataError, ExitCode, HscError, NotFound, UsageError, visible
from httpstat_cli.i18n import Texts
from httpstat_cli.registry import StatusCode
from httpstat_cli.render import FORMATS, Display, decide
from httpstat_cli.views import CodeView, code_views, language_views

F = TypeVar("F", bound=Callable[..., Any])
MAX_QUERIES = 1000


class Settings:
    """Global options, given before or after the command: the later one wins."""

    def __init__(self) -> None:
        self.lang: str | None = None
        self.format: str | None = None
        self.color: bool | None = None


def _store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is not None and param.name:
        setattr(ctx.ensure_object(Settings), param.name, value)


def common_options(function: F) -> F:
    options = [
        click.option(
            "--lang",
            metavar="TAG",
            expose_value=False,
            callback=_store,
            help="Language of the texts: en, tr, fr or fa (default: from the environment).",
        ),
        click.option(
            "--format",
            "format",
            type=click.Choice(FORMATS),
            expose_value=False,
            callback=_store,
            help="Output format (default: table at a terminal, plain otherwise).",
        ),
        click.option(
            "--color/--no-color",
            "color",
            default=None,
            expose_value=False,
            callback=_store,
            help="Colour on or off (default: NO_COLOR, FORCE_COLOR, then the terminal).",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


class Session(NamedTuple):
    texts: Texts
    display: Display

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
        click.echo(visible(texts.ui("warning", message=warning)), err=True)
    is_terminal = sys.stdout.isatty()
    display = decide(settings.format, settings.color, os.environ, is_terminal, _terminal_columns())
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

        click.echo(json_out.codes(views, s.lang))
    elif fmt == "plain":
        from httpstat_cli.render import plain

        if views:
            click.echo(plain.codes(views))
    else:
        from httpstat_cli.render import table

        table.print_codes(views, s.texts, s.display, sys.stdout, heading, heading_class)


def _unique(entries: Iterable[StatusCode]) -> list[StatusCode]:
    return list({entry.id: entry for entry in entries}.values())


def _parse_all(raw: Sequence[str]) -> list[query.Query]:
    if len(raw) > MAX_QUERIES:
        raise UsageError("err_too_many_queries", limit=MAX_QUERIES)
    return [query.parse(item) for item in raw]


class HscGroup(click.Group):
    """A group whose unknown first word is a lookup (``hsc 418``, ``hsc teapot``) and whose
    errors are one line on stderr."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and self.get_command(ctx, args[0]) is None and not args[0].startswith("-"):
            return "lookup", self.commands["lookup"], args
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, ALIASES.get(cmd_name, cmd_name))

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
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
        sys.exit(result if isinstance(result, int) else 0)


ALIASES = {"list-class": "list"}


def _error_texts() -> Texts | None:
    try:
        return i18n.load_texts(i18n.negotiate(None, os.environ))
    except HscError:
        return None


def error_line(error: HscError) -> str:
    texts = _error_texts()
    params = {k: visible(str(v)) for k, v in error.params.items()}
    if texts is None or isinstance(error, DataError):
        message = params.get("detail") or f"{error.key} {params}"
        return f"Error: {message}"
    try:
        message = texts.ui(error.key, **params)
        return texts.ui("error", message=message)
    except (HscError, KeyError, IndexError):
        return f"Error: {error.key} {params}"


def fail(error: HscError) -> NoReturn:
    click.echo(error_line(error), err=True)
    sys.exit(int(error.exit_code))


def fail_click(error: click.ClickException) -> NoReturn:
    texts = _error_texts()
    message = visible(" ".join(error.format_message().split()))
    hint = " (hsc --help)" if isinstance(error, click.UsageError) else ""
    line = texts.ui("error", message=message + hint) if texts else f"Error: {message}{hint}"
    click.echo(line, err=True)
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


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=HscGroup, context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="hsc")
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
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@cli.command(context_settings=CONTEXT)
@click.argument("queries", nargs=-1, required=True, metavar="CODE|CLASS|RANGE|NAME|WORDS...")
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
    emit_codes(s, code_views(_unique(found), s.texts))
    if misses:
        raise NotFound("err_not_found", query=", ".join(misses))


@cli.command("list", context_settings=CONTEXT)
@click.argument("classes", nargs=-1, metavar="[CLASS]...")
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
    for code_class in dict.fromkeys(entry.code_class for entry in entries):
        members = [entry for entry in entries if entry.code_class == code_class]
        heading = (
            f"{code_class}  {s.texts.class_name(code_class)}: "
            f"{s.texts.class_description(code_class)}"
        )
        emit_codes(s, code_views(members, s.texts), heading, code_class)


@cli.command(context_settings=CONTEXT)
@common_options
@click.pass_context
def languages(ctx: click.Context) -> None:
    """List the languages hsc speaks, and how complete each translation is."""
    s = session(ctx)
    views = language_views()
    if s.display.format == "json":
        from httpstat_cli.render import json as json_out

        click.echo(json_out.languages(views))
    elif s.display.format == "plain":
        from httpstat_cli.render import plain

        click.echo(plain.languages(views))
    else:
        from httpstat_cli.render import table

        table.print_languages(views, s.texts, s.display, sys.stdout)


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="hsc")
