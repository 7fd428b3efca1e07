"""A tidy screen (issue 20): what a person sees in a terminal, run through the CLI."""

import re

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
    lines = [line.lstrip("\u200f") for line in story.splitlines()]  # right-to-left marks
    blank = "\u2502" + " " * 98 + "\u2502"
    head = "\n".join(lines[: lines.index(blank)])  # up to the first blank line
    assert row.casefold().count(unused) == 1, row
    assert head.casefold().count(unused) == 1, head


def test_list_lines_up_the_columns_of_every_class(run: Run) -> None:
    shown = run("list", *TABLE, env={"COLUMNS": "100"}).stdout
    heads = [line for line in shown.splitlines() if line.startswith("Code  ")]
    assert len(heads) == 5
    assert len(set(heads)) == 1


def test_list_sets_a_blank_line_between_class_tables(run: Run) -> None:
    shown = run("list", *TABLE, env={"COLUMNS": "100"}).stdout
    for code_class in ("2xx", "3xx", "4xx", "5xx"):
        assert f"\n\n{code_class}  " in shown


def test_list_wraps_a_class_heading_under_its_own_text(run: Run) -> None:
    lines = run("list", "4xx", *TABLE, env={"COLUMNS": "80"}).stdout.splitlines()
    assert lines[0].startswith("4xx  Client Error")
    assert lines[1].startswith("     ") and lines[1][5] != " "


@pytest.mark.parametrize(("columns", "stacked"), [(69, True), (70, False), (100, False)])
def test_the_table_stacks_only_where_columns_would_be_cramped(
    run: Run, columns: int, stacked: bool
) -> None:
    shown = run("404", *TABLE, env={"COLUMNS": str(columns)}).stdout
    assert shown.startswith("404  Not Found\n") is stacked
    assert shown.startswith("Code") is not stacked


@pytest.mark.parametrize("columns", ["70", "80", "120", "200"])
def test_defined_by_breaks_only_between_words_or_after_a_hyphen(run: Run, columns: str) -> None:
    shown = run("104", *TABLE, env={"COLUMNS": columns}).stdout
    start = shown.splitlines()[0].index("Defined by")
    column = [line[start:].split("  ")[0] for line in shown.splitlines()[2:]]
    label = " ".join(part for part in column if part)
    pieces = label.replace("- ", "-").split()
    assert pieces[:2] == ["draft-ietf-httpbis-resumable-upload-05", "§4"]
    if columns == "200":
        assert "draft-ietf-httpbis-resumable-upload-05 §4" in shown


@pytest.mark.parametrize("command", [("explain", "418"), ("explain", "1xx")])
def test_explain_panels_stop_at_a_readable_measure(run: Run, command: tuple[str, ...]) -> None:
    shown = run(*command, *TABLE, env={"COLUMNS": "200"}).stdout
    assert max(len(line) for line in shown.splitlines()) == 104


def test_explain_panels_fill_a_narrower_terminal(run: Run) -> None:
    shown = run("explain", "418", *TABLE, env={"COLUMNS": "90"}).stdout
    assert {len(line) for line in shown.splitlines()} == {90}


@pytest.mark.parametrize("command", [("418",), ("explain", "418"), ("list", "1xx")])
def test_a_stream_without_box_characters_gets_ascii_rules_and_borders(
    command: tuple[str, ...],
) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "httpstat_cli", *command, *TABLE],
        capture_output=True,
        env={"PYTHONIOENCODING": "ascii", "COLUMNS": "80", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    shown = result.stdout.decode("ascii")
    assert "??" not in shown
    assert "-" * 40 in shown
    if command[0] == "explain":
        assert shown.startswith("+- 418  I'm a teapot -")
        assert shown.splitlines()[1].startswith("| ")


def test_a_cut_search_table_says_how_to_see_every_hit(run: Run) -> None:
    result = run("search", "error", "--limit", "3", *TABLE, env={"COLUMNS": "100"})
    total = len(run("search", "error", "--limit", "1000").stdout.splitlines())
    assert total > 3
    assert result.stdout.splitlines()[-1] == f"3 of {total} shown; --limit {total} for all"


def test_a_cut_plain_search_says_so_on_stderr(run: Run) -> None:
    result = run("search", "error", "--limit", "3", "--format", "plain")
    assert len(result.stdout.splitlines()) == 3
    assert result.stderr.startswith("3 of ") and "--limit" in result.stderr


def test_a_search_that_shows_every_hit_says_nothing_more(run: Run) -> None:
    result = run("search", "teapot", *TABLE)
    assert "shown" not in result.stdout and result.stderr == ""


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("tr", ["22 koddan 3 tanesi", "--limit 22"]),
        ("fr", ["3 codes affichés sur 22", "--limit 22"]),
        ("fa", ["نمایش 3 از 22", "--limit 22"]),
    ],
)
def test_the_cut_note_speaks_the_readers_language(run: Run, lang: str, words: list[str]) -> None:
    total = len(run("search", "error", "--limit", "1000").stdout.splitlines())
    result = run("search", "error", "--limit", "3", "--lang", lang, "--format", "plain")
    note = result.stderr.replace("\u202f", " ").replace("\xa0", " ")
    for word in words:
        assert word.replace("22", str(total)) in note


def test_a_cut_bare_word_lookup_points_to_search_with_a_limit(run: Run) -> None:
    result = run("error", "--format", "plain")
    assert len(result.stdout.splitlines()) == 10
    assert result.stderr.startswith("10 of ") and "; hsc search error --limit " in result.stderr


@pytest.mark.parametrize("words", [["teapot"], ["rate", "limit"]])
def test_a_bare_word_lookup_looks_like_a_search(run: Run, words: list[str]) -> None:
    looked_up = run(*words, "--format", "table", "--color", env={"COLUMNS": "100"}).stdout
    searched = run("search", *words, "--format", "table", "--color", env={"COLUMNS": "100"})
    assert looked_up.splitlines()[0] == searched.stdout.splitlines()[0]
    assert "Codes matching " + " ".join(words) in looked_up
    assert re.search(r"\x1b\[(?:[0-9;]*;)?4m", looked_up)  # the words underlined where they match


def test_a_lookup_of_codes_keeps_its_plain_table(run: Run) -> None:
    assert run("404", *TABLE).stdout.startswith("Code ")


@pytest.mark.parametrize("argv", [["418"], ["explain", "503"], ["list", "--format", "table"]])
def test_output_that_is_not_paged_never_loads_the_pager(argv: list[str]) -> None:
    from tests.test_imports import probe

    loaded = probe(argv)["submodules"]
    assert "httpstat_cli.render.pager" not in loaded
    assert "httpstat_cli.render" in loaded  # the probe did see the renderers load
