"""The click commands that read other tools' output: check, tally, annotate, and the hidden
``stdin`` behind ``hsc -`` and a bare ``hsc`` fed on stdin. Each parses its options, opens the
session and hands over to reading.py; cli.py adds them to the command tree."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from httpstat_cli import app
from httpstat_cli.app import Session, Settings, say
from httpstat_cli.errors import ExitCode, HscError, NotFound
from httpstat_cli.options import HscCommand, common_options

CONTEXT = {"max_content_width": 100}
# A path for TAB to complete; whether it exists and can be read is the intake's to say.
FILE = click.Path(readable=False)


def session(ctx: click.Context) -> Session:
    """The run's session, as cli.py opens it for every command (warnings included)."""
    from httpstat_cli import cli  # loaded: it is what adds these commands to the tree

    return cli.session(ctx)


def _stdin() -> Any:
    return getattr(sys.stdin, "buffer", sys.stdin)


def _reporter(current: Session) -> Callable[[HscError], None]:
    """Says an error about one input and lets the command go on with the others."""
    return lambda error: say(app.error_line(error, current.texts), err=True, bidi=current.bidi_flag)


@click.command(
    cls=HscCommand,
    context_settings=CONTEXT,
    short_help="Check a response head from curl, wget, HTTPie.",
)
@click.argument("file", required=False, default="-", metavar="[FILE]", type=FILE)
@click.option(
    "--url",
    metavar="URL",
    help="The URL the first response answered, to resolve a relative Location "
    "(curl -v and wget -S show it themselves).",
)
@click.option("--fail", is_flag=True, help="Exit status 1 when the final status is 4xx or 5xx.")
@common_options
@click.pass_context
def check(ctx: click.Context, file: str, url: str | None, fail: bool) -> int:
    """Explain and check response heads: curl -sI, -i, -sv 2>&1 or -sIL, wget -S, http --headers.

    Each head of a redirect chain is shown in order: its code, the header fields the code
    calls for that are missing, Retry-After and Location made readable. FILE defaults to
    stdin. Exit status 1 when no status line is found, 5 when FILE cannot be read.
    """
    from httpstat_cli import reading

    current = session(ctx)
    return reading.check(file, url, fail, current, _stdin(), _reporter(current))


@click.command(
    cls=HscCommand, context_settings=CONTEXT, short_help="Count the status codes in access logs."
)
@click.argument("files", nargs=-1, metavar="[FILE]...", type=FILE)
@click.option(
    "--field",
    metavar="NAME|N",
    help="The JSON field, or the column number (1 is the first), that holds the code, when "
    "the format cannot be detected.",
)
@common_options
@click.pass_context
def tally(ctx: click.Context, files: tuple[str, ...], field: str | None) -> int:
    """Count the status codes in access logs: common and combined (nginx, Apache), JSON lines,
    AWS ALB, bare codes, status lines. Files ending .gz are read as gzip; - or none is stdin.

    Exit status 1 when no code is found, 5 when a file cannot be read (the others are counted).
    """
    from httpstat_cli import reading

    current = session(ctx)
    return reading.tally(files, field, current, _stdin(), _reporter(current))


@click.command(
    cls=HscCommand, context_settings=CONTEXT, short_help="Add each code's meaning to log lines."
)
@click.argument("files", nargs=-1, metavar="[FILE]...", type=FILE)
@common_options
@click.pass_context
def annotate(ctx: click.Context, files: tuple[str, ...]) -> int:
    """Pass log lines through with each code's meaning added (tail -f access.log | hsc annotate).

    At a terminal, the code coloured and its title after the line, control characters shown
    as escapes; into a pipe, each line exactly as read, then a tab, the code and its title.
    """
    from httpstat_cli import reading

    current = session(ctx)
    return reading.annotate(files, current, _stdin(), _reporter(current))


@click.command("stdin", cls=HscCommand, hidden=True, context_settings=CONTEXT)
@common_options
@click.pass_context
def stdin_command(ctx: click.Context) -> int:
    """Read stdin: a code is looked up, a response head checked, a log tallied."""
    return read_stdin(ctx)


COMMANDS = (check, tally, annotate, stdin_command)


def without_command(ctx: click.Context) -> None:
    """A bare ``hsc``: reads stdin when it is not a terminal, else prints the help."""
    try:
        piped = not sys.stdin.isatty()
    except (ValueError, AttributeError):
        piped = False
    if piped:
        ctx.exit(read_stdin(ctx))
    say(ctx.get_help(), bidi=ctx.ensure_object(Settings).bidi)


def read_stdin(ctx: click.Context) -> int:
    """``hsc -``, or a bare ``hsc`` fed on stdin: the input decides what to do with it."""
    from httpstat_cli import reading

    kind, stream, code = reading.from_stdin(_stdin())
    if kind == "empty":  # a curl that failed, say: a script must not take it for success
        raise NotFound("err_empty_stdin")
    if kind == "code":
        from httpstat_cli import cli

        ctx.invoke(cli.lookup, queries=(code,))
        return ExitCode.OK
    current = session(ctx)
    if kind == "head":
        return reading.check("-", None, False, current, stream, _reporter(current))
    return reading.tally((), None, current, stream, _reporter(current))
