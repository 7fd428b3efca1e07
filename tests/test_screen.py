"""A tidy screen (issue 20): what a person sees in a terminal, run through the CLI."""

import pytest

from tests.conftest import Run

TABLE = ("--format", "table", "--no-color")


@pytest.mark.parametrize(("name", "code"), [("NOT_FOUND", "404"), ("TOO_MANY_REQUESTS", "429")])
def test_search_finds_a_constant_name(run: Run, name: str, code: str) -> None:
    result = run("search", name)
    assert result.exit_code == 0
    assert result.stdout.split("\t")[0] == code


@pytest.mark.parametrize("lang", ["en", "tr", "fr", "fa"])
@pytest.mark.parametrize("code", ["306", "418"])
def test_an_unused_code_says_unused_once(run: Run, code: str, lang: str) -> None:
    from httpstat_cli.i18n import load_texts

    unused = load_texts(lang).ui("status_unused").casefold()
    row = run(code, *TABLE, "--lang", lang, env={"COLUMNS": "100"}).stdout
    story = run("explain", code, *TABLE, "--lang", lang, env={"COLUMNS": "100"}).stdout
    head = story.split("\n\u2502" + " " * 98 + "\u2502\n")[0]  # up to the first blank line
    assert row.casefold().count(unused) == 1, row
    assert head.casefold().count(unused) == 1, head
