"""--help in the reader's language, part of the command layer: click's layout (usage, text,
options, commands) through its public formatter, every word from the locale's ``help``
section. Imported only to show help or to describe options on TAB.
"""

from __future__ import annotations

import click

from httpstat_cli.i18n import Texts, typeset

# A left-to-right mark on each side of an option or example cell keeps it whole when a line
# is put in visual order ("-V, --version", not "V, --version-"); finish() takes them out.
LRM = "\u200e"


def write_help(
    command: click.Command,
    ctx: click.Context,
    out: click.HelpFormatter,
    texts: Texts,
    visual: bool = False,
) -> None:
    name = ctx.command.name if ctx.parent is not None else "hsc"
    write_usage(command, ctx, out, texts)
    out.write_paragraph()
    with out.indentation():
        out.write_text(texts.help(f"command_{name}"))
        more = texts.optional("help", f"more_{name}")
        if more:
            out.write_paragraph()
            out.write_text(more)
    if isinstance(command, click.Group):
        examples = texts.require("help", "examples")
        _section(out, texts.help("heading_examples"), list(examples.items()), visual)
    _section(out, texts.help("heading_options"), option_rows(command, ctx, texts), visual)
    if isinstance(command, click.Group):
        listed = [(name, command.get_command(ctx, name)) for name in command.list_commands(ctx)]
        rows = [
            (name, command_summary(name, texts))
            for name, sub in listed
            if sub is not None and not sub.hidden
        ]
        _section(out, texts.help("heading_commands"), rows, visual)


def command_summary(name: str, texts: Texts) -> str:
    """A command in one line, for the list of commands: its short text where the first
    paragraph of its help is too long for that."""
    return texts.optional("help", f"short_{name}") or texts.help(f"command_{name}")


def write_usage(
    command: click.Command, ctx: click.Context, out: click.HelpFormatter, texts: Texts
) -> None:
    pieces = [texts.help("options_metavar")]
    if isinstance(command, click.Group):
        pieces.append(texts.help("group_arguments"))
    pieces += [
        metavar(param, texts) for param in command.params if isinstance(param, click.Argument)
    ]
    out.write_usage(ctx.command_path, " ".join(pieces), prefix=texts.help("usage") + " ")


def metavar(param: click.Parameter, texts: Texts) -> str:
    """What a parameter's value is called in the reader's language; choices as they are typed."""
    if isinstance(param.type, click.Choice):
        choices = "|".join(str(choice) for choice in param.type.choices)
        return f"{{{choices}}}" if isinstance(param, click.Argument) else f"[{choices}]"
    return texts.help(f"metavar_{param.name}")


def option_rows(command: click.Command, ctx: click.Context, texts: Texts) -> list[tuple[str, str]]:
    rows = []
    for param in command.get_params(ctx):
        if not isinstance(param, click.Option) or param.hidden:
            continue
        names = ", ".join(param.opts)
        if param.secondary_opts:
            names += " / " + ", ".join(param.secondary_opts)
        if not param.is_flag:
            names += " " + metavar(param, texts)
        rows.append((names, option_help(param, texts)))
    return rows


def option_help(param: click.Option, texts: Texts) -> str:
    if isinstance(param.type, click.IntRange):
        return texts.help(f"option_{param.name}", high=param.type.max, default=param.default)
    return texts.help(f"option_{param.name}")


def _section(
    out: click.HelpFormatter, heading: str, rows: list[tuple[str, str]], visual: bool
) -> None:
    """A heading with its colon as the language writes it (French: ``Options :``), which
    click's own section() would not allow."""
    out.write_paragraph()
    out.write_text(heading)
    if visual:
        rows = [(f"{LRM}{term}{LRM}", text) for term, text in rows]
    with out.indentation():
        out.write_dl(rows)


def finish(page: str, texts: Texts, visual: bool) -> str:
    """French spacing; for a terminal without bidi, Persian lines in visual order, aligned
    to the right edge of the page as right-to-left text is."""
    page = typeset(page, texts.lang)
    if not visual:
        return page
    from httpstat_cli.render import rtl

    lines = [line.replace(LRM, "") for line in rtl.visual_lines(page.split("\n"))]
    width = max(map(len, lines))
    return "\n".join(line and line.rjust(width) for line in lines)
