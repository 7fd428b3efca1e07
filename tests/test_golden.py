"""The exact look of hsc: fixed commands in every language, at three widths, colour on and off.

Each case's stdout, stderr and exit code are compared with a file under tests/golden/. After an
intended change, regenerate them with ``pytest tests/test_golden.py --update-golden`` and read
the diff before committing it.
"""

from pathlib import Path

import pytest

from tests.conftest import invoke

GOLDEN = Path(__file__).parent / "golden"

COMMANDS = {
    "lookup": ("lookup", "404", "429", "499"),
    "list-4xx": ("list", "4xx"),
    "search": ("search", "timeout"),
    "explain": ("explain", "503"),
    "languages": ("languages",),
    "check": ("check", "tests/samples/curl-vL-chain.txt"),
    "tally": ("tally", "tests/samples/nginx-combined.log"),
}
LANGUAGES = {
    "en": ("--lang", "en"),
    "fr": ("--lang", "fr"),
    "tr": ("--lang", "tr"),
    "fa": ("--lang", "fa", "--no-bidi"),
    "fa-bidi": ("--lang", "fa", "--bidi"),
}
WIDTHS = (40, 80, 120)
COLOURS = {"color": "--color", "mono": "--no-color"}

CASES = [
    (command, language, width, colour)
    for command in COMMANDS
    for language in LANGUAGES
    for width in WIDTHS
    for colour in COLOURS
]


def render(command: str, language: str, width: int, colour: str) -> str:
    args = (*COMMANDS[command], *LANGUAGES[language], "--format", "table", COLOURS[colour])
    result = invoke(*args, env={"COLUMNS": str(width)})
    return (
        f"$ COLUMNS={width} hsc {' '.join(args)}\n"
        f"-- exit {result.exit_code}\n-- stdout\n{result.stdout}-- stderr\n{result.stderr}"
    )


@pytest.mark.parametrize(("command", "language", "width", "colour"), CASES)
def test_output_matches_the_golden_file(
    command: str, language: str, width: int, colour: str, request: pytest.FixtureRequest
) -> None:
    path = GOLDEN / f"{command}.{language}.{width}.{colour}.txt"
    actual = render(command, language, width, colour)
    if request.config.getoption("--update-golden"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run pytest --update-golden"
    assert actual == path.read_text(encoding="utf-8")
