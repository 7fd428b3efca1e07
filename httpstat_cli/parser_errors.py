"""click's usage errors in the reader's language, in the command layer: each kind of parse
error worded from the locale, naming the command whose --help to read."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from httpstat_cli import app, i18n
from httpstat_cli.app import say
from httpstat_cli.errors import ExitCode
from httpstat_cli.options import RejectedChoice


class ExtraArguments(click.UsageError):
    """Words a command takes no argument for (``hsc languages fr``), kept to be quoted."""

    def __init__(self, ctx: click.Context, extra: list[str]) -> None:
        super().__init__(f"unexpected argument: {' '.join(extra)}", ctx)
        self.extra = extra


def click_message(error: click.ClickException, texts: i18n.Texts) -> str | None:
    """click's parse errors in the reader's language; None where hsc has no wording."""
    param = getattr(error, "param", None)
    if isinstance(error, ExtraArguments):
        return texts.help("err_extra_argument", value=" ".join(error.extra))
    if isinstance(error, click.BadOptionUsage):
        return texts.help("err_option_needs_value", option=error.option_name)
    if isinstance(error, click.NoSuchOption):
        message = texts.ui("err_no_such_option", option=error.option_name)
        if error.possibilities:
            hint = texts.ui("hint_did_you_mean", word=sorted(error.possibilities)[0])
            message += i18n.semicolon(texts.lang) + hint
        return message
    if isinstance(error, click.MissingParameter) and param is not None:
        from httpstat_cli.helppage import metavar

        return texts.ui("err_missing_argument", name=metavar(param, texts))
    if isinstance(error, RejectedChoice) and param is not None:
        value = app.shown(str(error.value))
        if param.name == "shell":
            return texts.ui("err_unknown_shell", shell=value)
        choices = getattr(param.type, "choices", ())
        separator = i18n.list_separator(texts.lang)
        return texts.help(
            "err_bad_choice", option=param.opts[0], value=value, choices=separator.join(choices)
        )
    bounds = getattr(param, "type", None)
    if isinstance(error, click.BadParameter) and isinstance(bounds, click.IntRange):
        return texts.ui("err_bad_limit", high=bounds.max)
    return None


def fail_click(
    error: click.ClickException, texts: i18n.Texts | None, bidi: bool | None = None
) -> NoReturn:
    worded = click_message(error, texts) if texts else None
    usage = isinstance(error, click.UsageError)
    ctx = getattr(error, "ctx", None)
    hint = f" ({ctx.command_path if ctx else 'hsc'} --help)" if usage else ""
    fallback = error.format_message()  # click's English, for an error hsc has no words for
    message = worded or fallback[:1].lower() + fallback[1:]
    say(app.usage_line(message, texts, hint), err=True, bidi=bidi)
    sys.exit(ExitCode.USAGE if usage else error.exit_code)
