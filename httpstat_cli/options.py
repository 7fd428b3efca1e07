"""The parameters every command shares, in the command layer: the global options (their values
go to app.Settings), -h, choices that keep the rejected value, and TAB callbacks; and
HscCommand, the command class with help and option descriptions in the reader's language.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from httpstat_cli import __version__, app, i18n
from httpstat_cli.app import Settings, say
from httpstat_cli.constants import STACKS
from httpstat_cli.render import FORMATS

if TYPE_CHECKING:  # completion machinery loads only when a shell asks for it
    from click.shell_completion import CompletionItem

F = TypeVar("F", bound=Callable[..., Any])


class RejectedChoice(click.BadParameter):
    """A value outside a choice, kept so that the error can quote it in any language."""

    def __init__(self, error: click.BadParameter, value: object) -> None:
        super().__init__(error.message, error.ctx, error.param, error.param_hint)
        self.value = value


# Generic from click 8.2 on, and not subscriptable before: the ignore keeps 8.1 working.
class Choice(click.Choice):  # type: ignore[type-arg]
    """click's Choice, raising RejectedChoice."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:
            raise RejectedChoice(error, value) from None


def _store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is not None and param.name:
        setattr(ctx.ensure_object(Settings), param.name, value)


def _stored_lang(ctx: click.Context) -> str | None:
    settings = ctx.find_object(Settings)
    return settings.lang if settings is not None else None


def _stored_bidi(ctx: click.Context) -> bool | None:
    settings = ctx.find_object(Settings)
    return settings.bidi if settings is not None else None


def _items(
    candidates: Iterable[tuple[str, str]], ctx: click.Context | None = None
) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    if ctx is not None:
        candidates = _directed(list(candidates), _stored_bidi(ctx))
    return [CompletionItem(value, help=help_text) for value, help_text in candidates]


def _directed(candidates: list[tuple[str, str]], bidi: bool | None) -> list[tuple[str, str]]:
    """Descriptions holding right-to-left text as the terminal that shows them wants them:
    the shell draws them on the terminal, so the rule is that of output at a terminal."""
    if all(description.isascii() for _, description in candidates):
        return candidates
    from httpstat_cli.render import rtl

    visual = rtl.wants_visual_order(bidi, os.environ, stdout_is_terminal=True)
    shown = rtl.visual if visual else rtl.mark_line
    return [
        (value, shown(description) if rtl.has_rtl(description) else description)
        for value, description in candidates
    ]


def complete_languages(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.languages(typed), ctx)


def complete_queries(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.queries(typed, _stored_lang(ctx), dict(os.environ)), ctx)


def complete_classes(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.class_patterns(typed, _stored_lang(ctx), dict(os.environ)), ctx)


def common_options(function: F) -> F:
    """The options every command takes, before or after the command; values go to Settings."""
    options = (
        click.option(
            "--lang",
            metavar="TAG",
            expose_value=False,
            callback=_store,
            shell_complete=complete_languages,
        ),
        click.option(
            "--format",
            "format",
            type=Choice(FORMATS, case_sensitive=False),
            expose_value=False,
            callback=_store,
        ),
        click.option(
            "--color/--no-color",
            "color",
            default=None,
            expose_value=False,
            callback=_store,
        ),
        click.option(
            "--bidi/--no-bidi",
            "bidi",
            default=None,
            expose_value=False,
            callback=_store,
        ),
        click.option(
            "--no-pager",
            "no_pager",
            is_flag=True,
            default=None,
            expose_value=False,
            callback=_store,
        ),
        click.option(
            "--stack",
            type=Choice(STACKS),
            expose_value=False,
            callback=_store,
        ),
    )
    for option in reversed(options):
        function = option(function)
    return function


def show(ctx: click.Context, text: str) -> None:
    """Print help or the version and end the run; nothing while click only completes a word."""
    if not ctx.resilient_parsing:
        say(text, bidi=ctx.ensure_object(Settings).bidi)
        ctx.exit()


class HelpOption:
    """-h/--help built here: click's own asks gettext for its help text on every run, which
    imports locale and probes translation files, a cost a lookup or a TAB should not pay."""

    add_help_option: bool

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        if not self.add_help_option:
            return None
        return click.Option(
            ["-h", "--help"],
            is_flag=True,
            is_eager=True,
            expose_value=False,
            callback=lambda ctx, _, value: show(ctx, ctx.get_help()) if value else None,
        )


class LocalHelp:
    """Help pages in the reader's language, decided as for any other output; the texts and
    the page builder load only when help is asked for."""

    def get_help(self, ctx: click.Context) -> str:
        from httpstat_cli import helppage

        settings = ctx.find_root().ensure_object(Settings)
        current = app.build_session(settings, os.environ, sys.stdout)
        visual = current.display.bidi
        formatter = ctx.make_formatter()
        helppage.write_help(self, ctx, formatter, current.texts, visual)  # type: ignore[arg-type]
        return helppage.finish(formatter.getvalue().rstrip("\n"), current.texts, visual)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from httpstat_cli import helppage

        helppage.write_help(self, ctx, formatter, help_texts(ctx))  # type: ignore[arg-type]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from httpstat_cli import helppage

        helppage.write_usage(self, ctx, formatter, help_texts(ctx))  # type: ignore[arg-type]

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        """Options and commands described in the reader's language, as on the help page."""
        found: list[CompletionItem] = super().shell_complete(ctx, incomplete)  # type: ignore[misc]
        if not found:
            return found
        from click.shell_completion import CompletionItem

        from httpstat_cli.helppage import command_summary, option_help

        texts = help_texts(ctx)
        described = {
            name: option_help(param, texts)
            for param in self.get_params(ctx)  # type: ignore[attr-defined]
            if isinstance(param, click.Option)
            for name in (*param.opts, *param.secondary_opts)
        }
        if isinstance(self, click.Group):
            shown = [name for name, command in self.commands.items() if not command.hidden]
            described |= {name: command_summary(name, texts) for name in shown}
        return [CompletionItem(item.value, help=described.get(item.value)) for item in found]


def help_texts(ctx: click.Context) -> i18n.Texts:
    """The texts help and usage are written in: the run's language."""
    return i18n.load_texts(i18n.negotiate(_stored_lang(ctx.find_root()), os.environ))


WORDS_FOR_FLAGS = ("help", "version")


def word_for_flag(
    ctx: click.Context, group: click.Group, args: list[str]
) -> tuple[str | None, click.Command | None, list[str]]:
    """``hsc help [COMMAND]`` and ``hsc version`` do what --help and --version do."""
    if args[0] == "version":
        show(ctx, f"hsc {__version__}")
    command = group.get_command(ctx, args[1]) if len(args) > 1 else None
    if command is None:
        show(ctx, ctx.get_help())
        return None, None, []  # not reached: show() ends the run
    return command.name, command, ["--help"]


def parsed_lang(error: click.ClickException) -> str | None:
    """The --lang click had stored when it stopped, which beats one it did not get to."""
    ctx = getattr(error, "ctx", None)
    settings = ctx.find_object(Settings) if ctx is not None else None
    return settings.lang if settings is not None else None


class HscCommand(LocalHelp, HelpOption, click.Command):
    """A command with hsc's own -h, help in the reader's language, and extra words kept for
    the error that names them (click's own error has them only inside its English)."""

    allow_extra_args = True

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as error:
            error.ctx = error.ctx or ctx  # click's parser leaves some without: name the command
            raise
        if ctx.args and not ctx.resilient_parsing:
            from httpstat_cli.parser_errors import ExtraArguments

            raise ExtraArguments(ctx, ctx.args)
        return rest
