"""What a person types first: several words, a command's name or a slip of it, a guess."""

import json

import pytest

from httpstat_cli import __version__
from tests.conftest import Run


def first_codes(output: str, count: int = 1) -> list[str]:
    return [line.split("\t")[0] for line in output.splitlines() if line][:count]


@pytest.mark.parametrize(
    ("words", "code"),
    [
        (("too", "many", "requests"), "429"),
        (("rate", "limit"), "429"),
        (("gateway", "timeout"), "504"),
        (("not", "found"), "404"),
    ],
)
def test_several_bare_words_are_one_phrase(run: Run, words: tuple[str, ...], code: str) -> None:
    result = run(*words)
    assert result.exit_code == 0
    assert first_codes(result.stdout) == [code]
    shown = first_codes(result.stdout, 50)
    assert shown == first_codes(run("search", *words).stdout, 50)[: len(shown)]


def test_codes_mixed_with_words_keep_their_order(run: Run) -> None:
    assert first_codes(run("404", "teapot").stdout, 5) == ["404", "418"]


def test_a_constant_name_among_words_is_still_a_name(run: Run) -> None:
    assert first_codes(run("NOT_FOUND", "teapot").stdout, 5) == ["404", "418"]


@pytest.mark.parametrize(("words", "best"), [(("timeout",), "408"), (("rate", "limit"), "429")])
def test_explain_with_words_explains_only_the_best_match(
    run: Run, words: tuple[str, ...], best: str
) -> None:
    result = run("explain", *words, "--format", "json")
    assert result.exit_code == 0
    assert [code["code"] for code in json.loads(result.stdout)["codes"]] == [int(best)]


def test_explain_with_words_names_the_next_best_matches_after_the_panel(run: Run) -> None:
    result = run("explain", "timeout", "--format", "plain")
    assert result.stdout.startswith("408 Request Timeout\n")
    assert len(result.stdout.split("\n\n\n")) == 1  # stories are three newlines apart
    assert result.stderr.startswith("also matching timeout: 504 Gateway Timeout, ")
    assert result.stderr.count("\n") == 1


def test_the_next_best_matches_are_listed_with_the_persian_comma(run: Run) -> None:
    result = run("explain", "timeout", "--lang", "fa", "--format", "plain")
    assert "504 " in result.stderr and "\u060c " in result.stderr and ", " not in result.stderr


def test_help_as_a_word_shows_the_help(run: Run) -> None:
    result = run("help")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: hsc [OPTIONS] [COMMAND] [ARGS]...")


def test_help_with_a_command_shows_that_command_help(run: Run) -> None:
    result = run("help", "search")
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: hsc search [OPTIONS] WORDS...")


def test_version_as_a_word_shows_the_version(run: Run) -> None:
    result = run("version")
    assert (result.exit_code, result.stdout) == (0, f"hsc {__version__}\n")


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("langs", "languages"),
        ("lsit", "list"),
        ("serach", "search"),
        ("explian", "explain"),
        ("lookpu", "lookup"),
    ],
)
def test_a_slip_of_a_command_name_points_to_the_command(run: Run, typed: str, command: str) -> None:
    result = run(typed)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (f"Error: no code matches {typed}; to run the command: hsc {command}\n")


def test_a_command_hint_follows_the_language(run: Run) -> None:
    result = run("langs", "--lang", "tr")
    assert result.stderr == (
        "Hata: langs ile eşleşen kod yok; komutu çalıştırmak için: hsc languages\n"
    )


def test_a_number_is_never_guessed_as_a_typo_of_a_code(run: Run) -> None:
    result = run("1e3")
    assert result.exit_code == 1
    assert "103" not in result.stderr
    assert result.stderr == "Error: no code matches 1e3; to see every code: hsc list\n"


def test_another_language_is_suggested_only_for_its_very_words(run: Run) -> None:
    assert "--lang" not in run("cors").stderr
    assert "--lang fr" in run("délai").stderr
    assert "--lang tr" in run("zaman", "aşımı").stderr


def test_a_short_word_is_not_guessed_two_edits_away(run: Run) -> None:
    assert run("cors").stderr == "Error: no code matches cors; to see every code: hsc list\n"


def test_a_number_that_is_no_code_names_no_language(run: Run) -> None:
    result = run("--", "-1")
    assert result.exit_code == 1
    assert result.stderr == "Error: no code matches -1; to see every code: hsc list\n"


@pytest.mark.parametrize(
    "pasted", [("HTTP/1.1", "404", "Not", "Found"), ("HTTP/2", "404"), ("http/1.0", "404")]
)
def test_a_pasted_status_line_looks_up_its_code(run: Run, pasted: tuple[str, ...]) -> None:
    result = run(*pasted)
    assert result.exit_code == 0
    assert first_codes(result.stdout, 50) == ["404"]
