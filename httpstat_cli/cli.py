"""The command tree: each command parses, asks the core, and hands what it found to the
renderer of the session's format; errors become one line on stderr with a documented exit
code (README, Exit codes). Only the command layer knows click: this module, options.py,
helppage.py (help pages) and parser_errors.py (click's errors in the reader's language).
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from httpstat_cli import __version__, app, query
from httpstat_cli.app import Session, Settings, say
from httpstat_cli.errors import ExitCode, HscError, NotFound, OutputError
from httpstat_cli.options import (
    WORDS_FOR_FLAGS,
    Choice,
    HelpOption,
    HscCommand,
    LocalHelp,
    common_options,
    complete_classes,
    complete_queries,
    parsed_lang,
    show,
    word_for_flag,
)
from httpstat_cli.views import code_views, language_views

if TYPE_CHECKING:  # completion machinery loads only when a shell asks for it
    from click.shell_completion import CompletionItem

MAX_SEARCH_LIMIT = 1000
SHELLS = ("bash", "zsh", "fish")
ALIASES = {"list-class": "list"}
WARNINGS = "hsc.warnings"  # ctx.meta key: said once the command has succeeded


def session(ctx: click.Context) -> Session:
    current = app.build_session(ctx.ensure_object(Settings), os.environ, sys.stdout, sys.stderr)
    ctx.meta.setdefault(WARNINGS, []).extend(current.warnings)
    return current


class HscGroup(LocalHelp, HelpOption, click.Group):
    """A group whose unknown first word is a lookup (``hsc 418``, ``hsc teapot``) and whose
    errors are one line on stderr."""

    command_class = HscCommand

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] == "-":
            return "stdin", self.commands["stdin"], args[1:]
        if args and args[0] in WORDS_FOR_FLAGS and not ctx.resilient_parsing:
            return word_for_flag(ctx, self, args)
        if args and self.get_command(ctx, args[0]) is None:
            # An argument that looks like an option got past the parser only after "--"
            # (hsc -- -1): lookup must read it as an argument too.
            rest = ["--", *args] if args[0].startswith("-") else args
            return "lookup", self.commands["lookup"], rest
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
            result = super().invoke(ctx)
        except BrokenPipeError:  # caught here, before click turns it into exit status 1
            app.quiet_exit()
        for warning in dict.fromkeys(ctx.meta.get(WARNINGS, ())):
            say(warning, err=True, bidi=ctx.ensure_object(Settings).bidi)
        return result

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        kwargs["standalone_mode"] = False
        argv = kwargs.get("args")
        words = list(argv) if argv is not None else sys.argv[1:]
        flag = app.flag_language(words)
        # Known before parsing, so that an eager --help already speaks the language asked for.
        kwargs.setdefault("obj", Settings()).lang = flag
        bidi = kwargs["obj"].bidi = app.flag_bidi(words)
        try:
            result = super().main(*args, **kwargs)
        except HscError as error:
            say(app.error_line(error, app.error_texts(flag, os.environ)), err=True, bidi=bidi)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            from httpstat_cli.parser_errors import fail_click  # only on failure

            fail_click(error, app.error_texts(parsed_lang(error) or flag, os.environ), bidi)
        except click.exceptions.Abort:
            sys.exit(130)
        except BrokenPipeError:
            app.quiet_exit()
        sys.exit(result if isinstance(result, int) else ExitCode.OK)


def command_names() -> list[str]:
    return [*cli.commands, *WORDS_FOR_FLAGS]


CONTEXT = {"max_content_width": 100}
# What lookup and explain take: codes, classes, masks, ranges, constant names or words.
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
    callback=lambda ctx, _, value: show(ctx, f"hsc {__version__}") if value else None,
)
@common_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """HTTP status codes explained, in your language (help: locales/*.json, "help")."""
    if ctx.invoked_subcommand is None:
        from httpstat_cli import readers

        readers.without_command(ctx)  # stdin if it is not a terminal, else the help


@cli.command(context_settings=CONTEXT)
@QUERIES
@common_options
@click.pass_context
def lookup(ctx: click.Context, queries: tuple[str, ...]) -> None:
    """Show what codes mean: 418, 4xx, 5x3, 400-410, NOT_FOUND, SC_NOT_FOUND, or words.

    Several queries are shown in the order given, each entry once. Exit status 1 when a
    query matches nothing.
    """
    parsed = query.parse_all(queries)
    current = session(ctx)
    command = query.mistyped_command(parsed, command_names(), current.search_languages())
    if command is not None:
        raise NotFound("err_no_search_hits", query=parsed[0].text, hint_command=command)
    phrase = query.phrase_only(parsed)  # words alone are a search, and are shown as one
    if phrase and app.show_hits(current, phrase, ["hsc", "search", *phrase.split()], 10, True):
        return
    found, misses = query.resolve_all(parsed, current.search_languages())
    current.renderer(sys.stdout).codes(code_views(found, current.texts))
    if misses:
        raise query.not_found(misses, parsed, current.lang, command_names())


@cli.command("list", context_settings=CONTEXT)
@click.argument("classes", nargs=-1, metavar="[CLASS]...", shell_complete=complete_classes)
@common_options
@click.pass_context
def list_codes(ctx: click.Context, classes: tuple[str, ...]) -> None:
    """List a class (4xx), a decade (41x), a mask (5x3), a range, or every code.

    Alias: list-class. --format csv and jsonl export the rows for a spreadsheet or SQL."""
    parsed = query.parse_patterns(classes)
    current = session(ctx)
    entries = query.in_patterns(parsed)
    with current.paged(sys.stdout) as out:
        current.renderer(out).listing(code_views(entries, current.texts))


@cli.command(context_settings=CONTEXT)
@click.argument("words", nargs=-1, required=True, metavar="WORDS...")
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_SEARCH_LIMIT),
    default=10,
    show_default=True,
)
@click.option("--all-languages", is_flag=True)
@common_options
@click.pass_context
def search(ctx: click.Context, words: tuple[str, ...], limit: int, all_languages: bool) -> None:
    """Find codes by words in any language hsc speaks; accents and typos are forgiven.

    Codes matching every word come first, then by score: the code itself, then its name or
    title, then its summary, then its explanation. Exit status 1 when nothing matches.
    """
    from httpstat_cli import search as engine

    text = query.search_text(words)
    current = session(ctx)
    if not app.show_hits(current, text, [], limit, best_only=False, every=all_languages):
        raise engine.miss(text, current.lang, all_languages)


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

    parsed = query.parse_all(queries)
    current = session(ctx)
    told, misses = stories.stories(parsed, current.texts, current.search_languages())
    with current.paged(sys.stdout) as out:
        current.renderer(out).stories(told)
    if misses:  # the error is the one line stderr gets then
        raise query.not_found(misses, parsed, current.lang, command_names())
    for line in stories.also_line(told, current.texts):
        say(line, err=True, bidi=current.bidi_flag)


@cli.command(context_settings=CONTEXT)
@common_options
@click.pass_context
def languages(ctx: click.Context) -> None:
    """List the languages hsc speaks, and how complete each translation is."""
    session(ctx).renderer(sys.stdout).languages(language_views())


@cli.command(context_settings=CONTEXT)
@click.argument("shell", type=Choice(SHELLS))
@common_options
def completion(shell: str) -> None:
    """Print the completion script for bash, zsh or fish (see the README to enable it)."""
    say(completion_script(shell), nl=False)


def completion_script(shell: str) -> str:
    """The script for ``shell``: the same text as completions/ in the repo."""
    from httpstat_cli.shell_scripts import SCRIPTS

    return SCRIPTS[shell]


def main(argv: Sequence[str] | None = None) -> None:
    """The ``hsc`` command."""
    # No collector for a run: its passes over the data and modules free almost nothing here.
    gc.disable()
    app.tolerant_streams()
    arguments = list(argv) if argv is not None else None
    try:
        if sys.stdout is None:  # started with stdout closed (hsc 404 >&-)
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        try:
            cli.main(args=arguments, prog_name="hsc")
        finally:
            sys.stdout.flush()  # a full disk must fail here, not in the interpreter's exit
    except BrokenPipeError:
        app.quiet_exit()
    except OSError as error:
        words = arguments if arguments is not None else sys.argv[1:]
        app.output_failed(OutputError(error), app.flag_language(words), app.flag_bidi(words))
    finally:
        gc.freeze()  # what is left is freed by the exit; the collector need not walk it


from httpstat_cli import readers  # noqa: E402  check, tally, annotate, stdin: click code apart

for _reader in readers.COMMANDS:
    cli.add_command(_reader)
