"""The parameters every command shares, in the command layer: the global options (their values
go to app.Settings), -h, choices that keep the rejected value, and TAB callbacks.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from httpstat_cli import __version__, i18n
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


def _items(candidates: Iterable[tuple[str, str]]) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(value, help=help_text) for value, help_text in candidates]


def complete_languages(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.languages(typed))


def complete_queries(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.queries(typed, _stored_lang(ctx), dict(os.environ)))


def complete_classes(ctx: click.Context, _: click.Parameter, typed: str) -> list[CompletionItem]:
    from httpstat_cli import completion

    return _items(completion.class_patterns(typed, _stored_lang(ctx), dict(os.environ)))


def common_options(function: F) -> F:
    """The options every command takes, before or after the command; values go to Settings."""
    options = (
        click.option(
            "--lang",
            metavar="TAG",
            expose_value=False,
            callback=_store,
            shell_complete=complete_languages,
            help="Language of the texts: en, tr, fr or fa (default: from the environment).",
        ),
        click.option(
            "--format",
            "format",
            type=Choice(FORMATS),
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
        click.option(
            "--bidi/--no-bidi",
            "bidi",
            default=None,
            expose_value=False,
            callback=_store,
            help="Put Persian in visual order for terminals without bidi (default: HSC_BIDI, "
            "else auto).",
        ),
        click.option(
            "--no-pager",
            "no_pager",
            is_flag=True,
            default=None,
            expose_value=False,
            callback=_store,
            help="Print long explain and list output at once, not through the pager "
            "(HSC_PAGER, else PAGER, else less -FRX).",
        ),
        click.option(
            "--stack",
            type=Choice(STACKS),
            expose_value=False,
            callback=_store,
            help="Add a column with this stack's constant for each code (default: HSC_STACK).",
        ),
    )
    for option in reversed(options):
        function = option(function)
    return function


def show(ctx: click.Context, text: str) -> None:
    """Print help or the version and end the run; nothing while click only completes a word."""
    if not ctx.resilient_parsing:
        say(text)
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
            help="Show this message and exit.",
        )


def click_message(error: click.ClickException, texts: i18n.Texts) -> str | None:
    """click's parse errors in the reader's language; None where hsc has no wording."""
    param = getattr(error, "param", None)
    if isinstance(error, click.NoSuchOption):
        message = texts.ui("err_no_such_option", option=error.option_name)
        if error.possibilities:
            hint = texts.ui("hint_did_you_mean", word=sorted(error.possibilities)[0])
            message += i18n.semicolon(texts.lang) + hint
        return message
    if isinstance(error, click.MissingParameter):
        name = error.param_hint if isinstance(error.param_hint, str) else None
        return texts.ui("err_missing_argument", name=name or getattr(param, "name", "?"))
    if isinstance(error, RejectedChoice) and param is not None:
        if param.name == "shell":
            return texts.ui("err_unknown_shell", shell=error.value)
        option = param.opts[0] if param.opts else param.name
        return texts.ui("err_bad_value", option=option, value=error.value)
    bounds = getattr(param, "type", None)
    if isinstance(error, click.BadParameter) and isinstance(bounds, click.IntRange):
        return texts.ui("err_bad_limit", high=bounds.max)
    return None


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
