"""Shared fixtures: every test runs in a neutral environment, the CLI in-process."""

from collections.abc import Callable, Iterator, Mapping

import pytest
from click.testing import CliRunner, Result

from httpstat_cli.cli import cli

ENVIRONMENT_KNOBS = (
    "LANG",
    "LANGUAGE",
    "LC_ALL",
    "LC_MESSAGES",
    "HSC_LANG",
    "HSC_BIDI",
    "HSC_STACK",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "TERM",
)

Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def neutral_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ENVIRONMENT_KNOBS:
        monkeypatch.delenv(name, raising=False)
    yield


def invoke(*args: str, env: Mapping[str, str] | None = None) -> Result:
    """Run ``hsc`` in-process with arguments and extra environment; stdout and stderr apart."""
    return CliRunner().invoke(
        cli, list(args), env=dict(env or {}), catch_exceptions=False, prog_name="hsc"
    )


@pytest.fixture
def run() -> Run:
    return invoke


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing with it",
    )
