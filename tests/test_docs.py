"""The README stays true: its commands are the ones CI runs, and its examples run."""

import re
import shlex
from pathlib import Path

import pytest

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


# Every "$ hsc ..." line in a README code block, with the exit status it documents
# ("# exit 1" at the end of the line), run in-process.
EXAMPLES = re.findall(r"^\$ (hsc [^\n#|]*?)\s*(?:# exit (\d))?$", README, flags=re.M)


def test_the_readme_has_examples_for_every_command() -> None:
    used = {shlex.split(command)[1] for command, _ in EXAMPLES}
    shown = {name for name, command in cli.commands.items() if not command.hidden}
    assert shown <= used


@pytest.mark.parametrize(("command", "status"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_runs(run: Run, command: str, status: str) -> None:
    result = run(*shlex.split(command)[1:])
    assert result.exit_code == int(status or 0), result.stderr
