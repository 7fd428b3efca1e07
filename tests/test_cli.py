"""The command line as a user meets it: output, exit codes and one-line errors."""

import json
import re

import pytest

from httpstat_cli import i18n
from tests.conftest import Run


def codes_of(output: str) -> list[str]:
    return [line.split("\t")[0] for line in output.splitlines() if line]


def test_a_bare_code_is_looked_up(run: Run) -> None:
    result = run("418")
    assert result.exit_code == 0
    fields = result.stdout.strip().split("\t")
    assert fields[:5] == ["418", "4xx", "unused", "-", "(Unused)"]
    assert fields[5] == "I'm a teapot"


def test_lookup_command_takes_several_queries_in_order_without_duplicates(run: Run) -> None:
    result = run("lookup", "500", "404", "500", "40x")
    assert result.exit_code == 0
    expected = ["500", "404"] + [str(code) for code in range(400, 410) if code != 404]
    assert codes_of(result.stdout) == expected


def test_classes_decades_and_ranges_expand(run: Run) -> None:
    assert codes_of(run("41x").stdout)[:3] == ["410", "411", "412"]
    assert codes_of(run("400-403").stdout) == ["400", "401", "402", "403"]
    assert set(codes_of(run("5xx").stdout)) >= {"500", "503", "511", "520", "599"}


def test_every_meaning_of_a_number_is_shown_registered_first(run: Run) -> None:
    rows = [line.split("\t") for line in run("499", "451").stdout.splitlines()]
    vendors_499 = [row[3] for row in rows if row[0] == "499"]
    assert "nginx" in vendors_499 and len(vendors_499) >= 2
    vendors_451 = [row[3] for row in rows if row[0] == "451"]
    assert vendors_451[0] == "-" and len(vendors_451) >= 2


@pytest.mark.parametrize("name", ["NOT_FOUND", "not-found", "not_found"])
def test_python_constant_names_resolve(run: Run, name: str) -> None:
    assert codes_of(run(name).stdout) == ["404"]


def test_a_bare_word_is_searched(run: Run) -> None:
    result = run("teapot")
    assert result.exit_code == 0
    assert codes_of(result.stdout)[0] == "418"


def test_python_module_entry_point_runs(run: Run) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "httpstat_cli", "418"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("418\t")


@pytest.mark.parametrize("fmt", ["plain", "table"])
def test_unknown_code_exits_1_with_one_line_on_stderr(run: Run, fmt: str) -> None:
    result = run("299", "--format", fmt)
    assert result.exit_code == 1
    assert result.stdout == ""  # not even a table header
    assert result.stderr.count("\n") == 1 and "299" in result.stderr


def test_what_was_found_is_still_shown_beside_a_miss(run: Run) -> None:
    result = run("299", "418", "--format", "table")
    assert result.exit_code == 1
    assert "418" in result.stdout and "299" in result.stderr


@pytest.mark.parametrize("args", [["1000"], ["0"], ["--format", "xml", "418"], ["6xx"]])
def test_malformed_input_is_a_usage_error_with_one_line(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr


def test_unknown_language_lists_those_available(run: Run) -> None:
    result = run("418", "--lang", "xx")
    assert result.exit_code == 2
    assert "xx" in result.stderr and "en" in result.stderr


def test_options_work_before_and_after_the_query(run: Run) -> None:
    before = run("--format", "json", "418")
    after = run("418", "--format", "json")
    assert before.stdout == after.stdout
    assert json.loads(after.stdout)["codes"][0]["code"] == 418


def test_json_follows_the_contract(run: Run) -> None:
    document = json.loads(run("503", "--format", "json").stdout)
    assert document["schema_version"] == 1 and document["lang"] == "en"
    record = document["codes"][0]
    assert {
        "code", "phrase", "class", "status", "vendor", "source", "python_name",
        "cacheable", "headers", "related", "title", "summary",
    } <= set(record)  # fmt: skip
    assert record["code"] == 503 and record["class"] == "5xx"
    assert record["source"]["url"].endswith("#section-15.6.4")
    assert {"name": "Retry-After", "requirement": "MAY", "when": None} in record["headers"]
    assert record["python_name"] == "SERVICE_UNAVAILABLE" and record["cacheable"] is False


def test_plain_output_has_seven_tab_separated_columns_and_no_escapes(run: Run) -> None:
    output = run("list").stdout
    for line in output.splitlines():
        assert len(line.split("\t")) == 7
    assert "\x1b" not in output and "─" not in output


def test_list_shows_everything_and_list_class_is_an_alias(run: Run) -> None:
    everything = codes_of(run("list").stdout)
    assert len(everything) >= 64 + 30
    assert run("list-class", "5xx").stdout == run("list", "5xx").stdout


def test_list_rejects_words(run: Run) -> None:
    assert run("list", "teapot").exit_code == 2


def test_table_is_coloured_only_when_asked(run: Run) -> None:
    plain_table = run("404", "--format", "table").stdout
    coloured = run("404", "--format", "table", "--color").stdout
    assert "\x1b[" not in plain_table and "Not Found" in plain_table
    assert "\x1b[" in coloured
    assert "\x1b[" in run("404", "--format", "table", env={"FORCE_COLOR": "1"}).stdout
    no_color = run("404", "--format", "table", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in no_color.stdout


def test_colour_changes_nothing_but_the_escapes(run: Run) -> None:
    for args in (["list"], ["search", "timeout"], ["explain", "503"]):
        plain = run(*args, "--format", "table", env={"COLUMNS": "90"}).stdout
        coloured = run(*args, "--format", "table", "--color", env={"COLUMNS": "90"}).stdout
        assert coloured != plain and re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_long_headings_wrap_instead_of_being_cut(run: Run) -> None:
    english = i18n.load_texts("en")
    table = run("list", "--format", "table", env={"COLUMNS": "70"}).stdout
    assert max(map(len, table.splitlines())) <= 70
    for code_class in ("1xx", "2xx", "3xx", "4xx", "5xx"):
        assert english.class_description(code_class).split()[-1] in table


def test_unofficial_codes_are_marked_in_the_table(run: Run) -> None:
    output = run("522", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert "Cloudflare" in output


def test_languages_lists_english_as_complete(run: Run) -> None:
    result = run("languages")
    assert result.stdout.splitlines()[0].split("\t") == ["en", "English", "English", "ltr", "100%"]


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ([], "Usage: hsc [OPTIONS] [COMMAND] [ARGS]..."),
        (["lookup"], "Usage: hsc lookup [OPTIONS] CODE|CLASS|RANGE|NAME|WORDS..."),
        (["list"], "Usage: hsc list [OPTIONS] [CLASS]..."),
        (["languages"], "Usage: hsc languages [OPTIONS]"),
    ],
)
def test_help_is_available_everywhere(run: Run, command: list[str], usage: str) -> None:
    result = run(*command, "-h")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines()[0] == usage
    assert "--lang TAG" in result.stdout


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["418", "--format", "it's"],
            "Error: invalid value for --format: it's; choose from table, plain, json, csv,"
            " jsonl (hsc lookup --help)\n",
        ),
        (
            ["completion", "a'b"],
            "Error: unknown shell a'b; choose bash, zsh or fish (hsc completion --help)\n",
        ),
        (
            ["search", "x", "--limit", "0"],
            "Error: --limit must be a whole number from 1 to 1000 (hsc search --help)\n",
        ),
    ],
)
def test_a_rejected_value_is_quoted_whole_whatever_quotes_it_holds(
    run: Run, args: list[str], line: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stderr == line
