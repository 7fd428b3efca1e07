"""Hostile input: arbitrary argv and environments, injected markup and escapes, closed pipes,
narrow encodings, absurd widths and sizes, damaged data. Never a traceback."""

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from httpstat_cli import i18n
from tests.conftest import Run, invoke

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["lookup", "search", "list", "explain", "languages", "list-class", "completion"]
COMMANDS += ["check", "tally", "annotate", "-"]
OPTIONS = ["--lang", "--format", "--color", "--no-color", "--limit", "--all-languages", "--help"]
EXIT_CODES = {0, 1, 2, 4, 5}

text = st.text(st.characters(exclude_characters="\x00"), max_size=30)
word = st.one_of(
    st.sampled_from(COMMANDS + OPTIONS + ["418", "4xx", "41x", "400-410", "499", "json", "fa"]),
    st.integers(-(10**30), 10**30).map(str),
    text,
)
# What a real environment can hold: any text without NUL or lone surrogates, or any bytes,
# which Python hands over with undecodable ones as surrogate escapes (U+DC80-U+DCFF).
env_text = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30),
    st.binary(max_size=30).map(
        lambda raw: raw.replace(b"\x00", b"").decode("utf-8", "surrogateescape")
    ),
)
environment = st.dictionaries(
    st.sampled_from(
        ["LANG", "LANGUAGE", "LC_ALL", "HSC_LANG", "COLUMNS", "NO_COLOR", "FORCE_COLOR", "HSC_BIDI"]
    ),
    st.one_of(
        st.sampled_from(["tr_TR.UTF-8", "fa", "C", "fr:tr", "../../etc", "-5", "0", "x"]),
        env_text,
    ),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argv=st.lists(word, max_size=6), env=environment)
def test_any_argv_and_environment_ends_cleanly(argv: list[str], env: dict[str, str]) -> None:
    result = invoke(*argv, env=env)
    assert result.exit_code in EXIT_CODES, result.output
    if result.exit_code:
        lines = result.stderr.strip().splitlines()
        # tally and annotate say one line for each FILE they cannot read, and go on
        reads_files = result.exit_code == 5 and {"tally", "annotate"} & set(argv)
        assert len(lines) == 1 or (reads_files and len(set(lines)) == len(lines)), lines
        assert "Traceback" not in result.stderr
    printed_json = result.stdout.lstrip().startswith("{")
    if result.exit_code == 0 and "json" in argv and printed_json:
        json.loads(result.stdout)


@settings(max_examples=100, deadline=None)
@given(argv=st.lists(word, max_size=4))
def test_json_output_always_parses(argv: list[str]) -> None:
    for command in ("lookup", "search", "explain"):
        result = invoke(command, "--format", "json", *argv)  # before a "--" among the words
        if "--help" in argv:
            continue
        if result.exit_code == 1 and command == "search":
            assert result.stdout == ""  # a search that finds nothing prints no document
        elif result.exit_code in (0, 1):
            assert json.loads(result.stdout)["schema_version"] == 1


@pytest.mark.parametrize(
    "typed",
    [
        "[/]",
        "[bold red]x",
        "[link=http://evil]y[/link]",
        "\x1b[31mred",
        "\x1b]0;owned\x07",
        "a\u202eb",
    ],
)
@pytest.mark.parametrize("fmt", ["table", "plain", "json"])
def test_what_the_user_typed_is_echoed_literally_and_never_steers_the_terminal(
    run: Run, typed: str, fmt: str
) -> None:
    for argv in (("search", typed), (typed,), ("explain", typed)):
        result = run(*argv, "--format", fmt, "--color")
        assert result.exit_code in (0, 1, 2)
        for stream in (result.stdout, result.stderr):
            assert "\x1b]" not in stream and "\u202e" not in stream
            if fmt != "table":
                assert "\x1b" not in stream
        assert "\x1b[31mred" not in result.stdout + result.stderr


def test_a_no_hit_message_shows_control_characters_visibly(run: Run) -> None:
    result = run("search", "zz\x1b[2Jqq")
    assert result.exit_code == 1
    assert "zz\\x1b[2Jqq" in result.stderr


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    paths: list[str] = []
    real_open = open

    def spy(file: str, *args: object, **kwargs: object) -> object:
        paths.append(os.path.abspath(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(i18n, "open", spy, raising=False)
    i18n.load_texts.cache_clear()
    yield paths
    i18n.load_texts.cache_clear()


@pytest.mark.parametrize(
    ("argv", "env"),
    [
        (["--lang", "../../etc/passwd", "418"], {}),
        (["--lang", "/etc/passwd", "418"], {}),
        (["418"], {"HSC_LANG": "/tmp/x"}),
        (["418"], {"LANG": "../../../etc/shadow"}),
        (["418"], {"LANGUAGE": "../x:/etc/passwd", "LANG": "en_US.UTF-8"}),
    ],
)
def test_language_tags_never_open_a_file_outside_the_locales(
    run: Run, opened: list[str], argv: list[str], env: dict[str, str]
) -> None:
    result = run(*argv, env=env)
    assert result.exit_code in (0, 2)
    locales = os.path.abspath(i18n.locale_dir())
    assert opened and all(os.path.dirname(path) == locales for path in opened)


def _hsc(
    *argv: str, env: dict[str, str] | None = None, pipe: str = ""
) -> subprocess.CompletedProcess[bytes]:
    command = f"{sys.executable} -m httpstat_cli " + " ".join(argv) + pipe
    return subprocess.run(
        command,
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        check=False,
    )


@pytest.mark.parametrize(
    "command", ["list --format plain", "list --format table", "explain 418 --format table"]
)
@pytest.mark.parametrize("reader", [" | head -1", " | head -c 10"])
def test_a_closed_pipe_ends_quietly(command: str, reader: str) -> None:
    done = _hsc(command, pipe=reader + "; exit ${PIPESTATUS[0]}")
    assert done.stderr == b""
    assert done.returncode == 0


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("lang", ["fa", "tr", "fr"])
@pytest.mark.parametrize("fmt", ["plain", "table", "json"])
def test_a_narrow_stdout_encoding_gets_replacements_not_a_crash(
    encoding: str, lang: str, fmt: str
) -> None:
    if lang not in i18n.SUPPORTED:
        lang = "en"
    done = _hsc(
        "explain", "404", "--lang", lang, "--format", fmt, env={"PYTHONIOENCODING": encoding}
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    output = done.stdout.decode(encoding)
    if fmt == "json":
        record = json.loads(output)["codes"][0]  # escaped, so nothing is lost
        assert record["title"] == i18n.load_texts(lang).code_text("404", "title")


@pytest.mark.parametrize("columns", ["0", "1", "20", "500", "-3", "abc", "99999999999"])
@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (("418",), "418"),
        (("list", "4xx"), "451"),
        (("search", "timeout"), "408"),
        (("explain", "503"), "503"),
        (("explain", "4xx"), "418"),
        (("languages",), "fa"),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "plain", "json"])
def test_any_width_works(
    run: Run, columns: str, argv: tuple[str, ...], shown: str, fmt: str
) -> None:
    result = run(*argv, "--format", fmt, env={"COLUMNS": columns})
    assert result.exit_code == 0
    assert shown in result.stdout and result.stderr == ""


def test_long_texts_wrap_rather_than_vanish(run: Run) -> None:
    summary = i18n.load_texts("en").code_text("503", "summary")
    result = run("explain", "503", "--format", "table", env={"COLUMNS": "20"})
    flat = " ".join(line.strip("│ ") for line in result.stdout.splitlines())
    assert " ".join(summary.split()[-3:]).rstrip(".") in " ".join(flat.split())


def test_thousands_of_codes_are_a_clear_usage_error(run: Run) -> None:
    result = run(*["404"] * 5000)
    assert result.exit_code == 2
    assert "1000" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_megabyte_query_is_a_clear_usage_error(run: Run) -> None:
    for argv in (("search", "a" * 1_000_000), ("x" * 1_000_000,)):
        result = run(*argv)
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1


@pytest.fixture
def locales(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary copy of the locales that hsc reads instead of the real ones."""
    for path in Path(i18n.locale_dir()).glob("*.json"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(i18n, "locale_dir", lambda: str(tmp_path))
    i18n.load_texts.cache_clear()
    yield tmp_path
    i18n.load_texts.cache_clear()


def _edit(path: Path, change: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_broken_english_json_names_the_file(run: Run, locales: Path) -> None:
    (locales / "en.json").write_text("{", encoding="utf-8")
    result = run("418")
    assert result.exit_code == 3
    assert "en.json" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_missing_english_key_names_the_file_and_the_key(run: Run, locales: Path) -> None:
    _edit(locales / "en.json", lambda d: d["ui"].pop("col_code"))
    result = run("418", "--format", "table")
    assert result.exit_code == 3
    assert "en.json" in result.stderr and "ui.col_code" in result.stderr


@pytest.mark.parametrize("lang", [tag for tag in i18n.SUPPORTED if tag != "en"])
def test_a_damaged_translation_falls_back_to_english(run: Run, locales: Path, lang: str) -> None:
    _edit(locales / f"{lang}.json", lambda d: d["codes"]["404"].pop("title"))
    result = run("404", "--lang", lang, "--format", "json")
    assert json.loads(result.stdout)["codes"][0]["title"] == "Not Found"
    (locales / f"{lang}.json").write_text("[broken", encoding="utf-8")
    i18n.load_texts.cache_clear()
    result = run("404", "--lang", lang, "--format", "plain")
    assert result.exit_code == 0
    assert "Not Found" in result.stdout
    assert f"{lang}.json" in result.stderr and len(result.stderr.splitlines()) == 1


WRITERS = [
    "404",
    "list --format table",
    "explain 503 --format table",
    "418 --format json",
    "--help",
]


@pytest.mark.parametrize("command", WRITERS)
@pytest.mark.parametrize(
    ("redirect", "reason"),
    [(">&-", b"standard output is closed"), (">/dev/full", b"no space left on the device")],
)
def test_output_that_cannot_be_written_is_one_line_and_status_4(
    command: str, redirect: str, reason: bytes
) -> None:
    done = _hsc(command, redirect, "--lang en" if command != "--help" else "")
    assert done.returncode == 4
    assert done.stderr == b"Error: could not write the output: " + reason + b"\n"


@pytest.mark.parametrize("command", WRITERS)
def test_closed_stdin_and_stderr_never_give_a_traceback(command: str) -> None:
    assert _hsc(command, "<&-").returncode == 0
    assert _hsc(command, ">/dev/full 2>&-").returncode == 4


def test_an_unwritable_output_is_reported_in_the_reader_language() -> None:
    done = _hsc("404", ">&-", env={"LANG": "fr_FR.UTF-8"})
    assert done.stderr.decode() == (
        "Erreur : impossible d'écrire la sortie : la sortie standard est fermée\n"
    )
