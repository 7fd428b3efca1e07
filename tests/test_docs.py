"""The README stays true: its commands are the ones CI runs, and its examples run."""

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from httpstat_cli.cli import cli
from tests.conftest import Run

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/hsc 418"
TESTS = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest"


def test_readme_gives_the_install_and_test_commands() -> None:
    assert INSTALL in README
    assert TESTS in README


def test_ci_runs_the_readme_test_command() -> None:
    assert TESTS in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


# Every "$ hsc ..." line in a README code block (after any VARIABLE=value), with the exit
# status it documents ("# exit 1" at the end of the line), run in-process.
EXAMPLES = re.findall(
    r"^\$ (?:[A-Z_]+=\S+ )*(hsc [^\n#|]*?)\s*(?:# exit (\d))?$", README, flags=re.M
)


def test_the_readme_has_examples_for_every_command() -> None:
    used = {shlex.split(command)[1] for command, _ in EXAMPLES}
    shown = {name for name, command in cli.commands.items() if not command.hidden}
    assert shown <= used


@pytest.mark.parametrize(("command", "status"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_runs(run: Run, command: str, status: str) -> None:
    result = run(*shlex.split(command)[1:])
    assert result.exit_code == int(status or 0), result.stderr


def _example(line: str) -> tuple[dict[str, str], list[str]] | None:
    """An example line (``COLUMNS=100 hsc 418``, after the prompt) as its environment and
    hsc's arguments; None for a line that is not hsc alone (a pipe, another program)."""
    command = line.split("  # exit")[0].strip()
    words = shlex.split(command)
    env = {}
    while words and "=" in words[0]:
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if not words or words[0] != "hsc" or "|" in command or "<" in command:
        return None
    return env, words[1:]


def example_output(line: str) -> list[str]:
    """What an example prints, stdout then stderr, each line without the padding at its end,
    at 80 columns unless it says otherwise. Without --format it shows what a terminal shows,
    uncoloured: the table."""
    parsed = _example(line)
    assert parsed is not None, line
    env, arguments = parsed
    if "--format" not in arguments and "--help" not in arguments:
        arguments += ["--format", "table", "--no-color"]
    result = CliRunner().invoke(cli, arguments, env={"COLUMNS": "80", **env}, prog_name="hsc")
    return [text.rstrip() for text in (result.stdout + result.stderr).rstrip("\n").split("\n")]


def _shown_examples() -> list[tuple[str, list[str]]]:
    """Every example of hsc alone in a console block, with the output the README shows."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for part in re.split(r"^(?=\$ )", block, flags=re.M):
            command, _, shown = part.partition("\n")
            if command.startswith("$ ") and shown.strip() and _example(command[2:]):
                found.append((command[2:], shown.rstrip("\n").split("\n")))
    return found


@pytest.mark.parametrize(("line", "shown"), _shown_examples(), ids=lambda x: str(x)[:40])
def test_readme_examples_print_what_they_show(line: str, shown: list[str]) -> None:
    actual = example_output(line)
    if shown[0] == "...":  # the end of a long output
        actual = ["...", *actual[len(actual) - len(shown) + 1 :]]
    elif shown[-1] == "...":  # its start
        actual = [*actual[: len(shown) - 1], "..."]
    assert [text.rstrip() for text in shown] == actual
