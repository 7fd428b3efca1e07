"""Persian on every output path: stderr, Latin runs, widths, marks, lists, completion, the
direction of logical lines and URLs, each driven through the command line (issue 19)."""

import json
import os
import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from httpstat_cli import i18n, registry
from httpstat_cli.cli import cli
from httpstat_cli.render import rtl
from tests.conftest import Run, invoke

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = Path(__file__).parent / "samples"
RLM = "\u200f"
FA = i18n.load_texts("fa")
# Arabic-script marks that arabic-reshaper deletes unless told not to: harakat, tanwin,
# the hamza above of the ezafe (هٔ), the superscript alef.
MARKS = re.compile("[\u064b-\u065f\u0670]")


def shaped(text: str) -> bool:
    """Whether text holds Arabic presentation forms: it was put in visual order."""
    return rtl.shaped(text)


def letters(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def widest(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


def strings(value: object) -> list[str]:
    """Every text in a locale tree."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings(item)]
    return []


_SENTENCE_END = ".,;:!?\u060c\u061b\u061f"
_BRACKETS = {"(": ")", "[": "]", "\u00ab": "\u00bb"}


def latin_tokens(text: str) -> set[str]:
    """Each word written left to right (no Arabic letter, at least one Latin letter) as a
    reader would copy it: without the sentence's punctuation and the brackets it does not
    close. {placeholders} are not texts."""
    found = set()
    for word in text.split():
        if rtl.has_rtl(word) or not re.search("[A-Za-z]", word) or "{" in word:
            continue
        while word and (
            word[-1] in _SENTENCE_END
            or (
                word[-1] in _BRACKETS.values()
                and word.count(word[-1]) > word.count("([«"[")]»".index(word[-1])])
            )
        ):
            word = word[:-1]
        while (
            word and word[0] in _BRACKETS and word.count(word[0]) > word.count(_BRACKETS[word[0]])
        ):
            word = word[1:]
        if word and word[0] in "'\"" and word.count(word[0]) % 2:
            word = word[1:]
        if word and word[-1] in "'\"" and word.count(word[-1]) % 2:
            word = word[:-1]
        if word:
            found.add(word)
    return found


@cache
def persian_texts() -> list[str]:
    return strings(json.loads((ROOT / "locales" / "fa.json").read_text(encoding="utf-8")))


def code_fields(code_id: str) -> list[str]:
    """The texts explain shows for a code."""
    fields = [
        FA.code_text(code_id, field) for field in ("title", "summary", "explanation", "client")
    ]
    return fields + FA.code_list(code_id, "causes") + FA.code_list(code_id, "fixes")


def code_holding(token: str) -> str:
    """The code whose texts hold token, as explain takes it: 419 for Laravel's 419."""
    return next(
        str(code_id).split("-")[0]
        for code_id in FA.layer(0)["codes"]
        if token in " ".join(code_fields(str(code_id)))
    )


# 1. stderr ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("299",), ("search", "qqq"), ("lookup", "4xx", "--stack", "nope")],
    ids=["not-found", "no-hits", "usage"],
)
def test_errors_follow_bidi_on_stderr(run: Run, args: tuple[str, ...]) -> None:
    result = run(*args, "--lang", "fa", "--bidi")
    assert result.exit_code != 0 and result.stderr.strip()
    assert shaped(result.stderr), result.stderr


def test_warnings_follow_bidi_on_stderr(run: Run) -> None:
    result = run("404", "--lang", "fa", "--bidi", "--format", "plain", env={"HSC_BIDI": "xx"})
    assert result.exit_code == 0 and "HSC_BIDI=xx" in result.stderr
    assert shaped(result.stderr)


def test_explain_also_matching_line_follows_bidi(run: Run) -> None:
    result = run("explain", "timeout", "--lang", "fa", "--bidi", "--format", "plain")
    assert result.exit_code == 0 and result.stderr.strip()
    assert shaped(result.stderr) and RLM not in result.stderr


def test_input_errors_follow_bidi(run: Run, tmp_path: Path) -> None:
    result = run("tally", str(tmp_path / "missing.log"), "--lang", "fa", "--bidi")
    assert result.exit_code != 0 and shaped(result.stderr)


def test_stderr_at_a_terminal_is_visual_while_stdout_is_piped() -> None:
    """Each stream decides for itself: auto puts stderr in visual order at a terminal."""
    import pty

    leader, follower = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("VTE_VERSION", "HSC_BIDI")}
    environ.update({"COLUMNS": "80", "TERM": "xterm", "PYTHONIOENCODING": "utf-8"})
    done = subprocess.run(
        [sys.executable, "-m", "httpstat_cli", "299", "404", "--lang", "fa", "--format", "plain"],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=environ,
        timeout=60,
        check=False,
    )
    os.close(follower)
    said = os.read(leader, 65536).decode("utf-8")
    os.close(leader)
    assert shaped(said), said
    stdout = done.stdout.decode("utf-8")
    assert not shaped(stdout) and FA.code_text("404", "title") in stdout


# 2. Latin tokens ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        "0-RTT",
        "100-continue",
        "Expect: 100-continue",
        "-H 'Expect:'",
        "--cert",
        ":authority",
        "@csrf",
        ".htaccess",
        "X-RateLimit-*",
        "*/*;q=0.1",
    ],
)
def test_latin_tokens_come_out_as_written(run: Run, token: str) -> None:
    code = code_holding(token)
    shown = run("explain", code, "--lang", "fa", "--bidi", env={"COLUMNS": "200"}).stdout
    assert token in shown


def test_every_latin_token_of_the_persian_texts_survives_visual_order() -> None:
    missing = []
    for text in persian_texts():
        if not rtl.has_rtl(text):
            continue
        shown = rtl.visual(" ".join(text.split()))
        missing += [(token, text) for token in latin_tokens(text) if token not in shown]
    assert not missing, missing[:10]


def test_latin_tokens_of_every_explained_code_are_intact(run: Run) -> None:
    numbers = {entry.code for entry in registry.all_codes()}
    for number in sorted(numbers):
        entries = [e for e in registry.by_code(number) if FA.code_text(e.id, "title")]
        if not entries:
            continue
        shown = run("explain", str(number), "--lang", "fa", "--bidi", env={"COLUMNS": "200"})
        tokens = set().union(*(latin_tokens(text) for text in code_fields(entries[0].id)))
        assert not [t for t in tokens if t not in shown.stdout], (number, tokens)


def test_an_emoji_sequence_in_a_persian_line_stays_whole(run: Run) -> None:
    for emoji in (
        "\U0001f469\u200d\U0001f4bb",
        "\u2615\ufe0f\u200d\U0001f525",
        "\U0001f44d\U0001f3fd",
    ):
        result = run("search", emoji, "--lang", "fa", "--bidi")
        assert result.exit_code == 1 and shaped(result.stderr)
        assert emoji in result.stderr


def test_annotate_titles_follow_bidi(run: Run) -> None:
    log = (SAMPLES / "nginx-combined.log").read_bytes()
    shown = (
        CliRunner()
        .invoke(cli, ["annotate", "--lang", "fa", "--bidi", "--format", "table"], input=log)
        .stdout
    )
    assert rtl.visual(FA.code_text("404", "title")) in shown
    assert FA.code_text("404", "title") not in shown


# 3. widths ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [59, 60, 61, 62, 63, 64, 70, 75])
def test_persian_list_fits_every_width(run: Run, width: int) -> None:
    shown = run(
        "list", "4xx", "--lang", "fa", "--bidi", "--format", "table", env={"COLUMNS": str(width)}
    )
    assert widest(shown.stdout) <= width


def test_the_summary_is_not_starved_next_to_the_title(run: Run) -> None:
    shown = run("list", "4xx", "--lang", "fa", "--bidi", "--format", "table", env={"COLUMNS": "70"})
    rule = next(line for line in shown.stdout.splitlines() if line.startswith("\u2500"))
    head = shown.stdout.splitlines()[shown.stdout.splitlines().index(rule) - 1]
    summary_label = rtl.visual(FA.ui("col_summary"))
    # the summary column spans from the left edge to past its right-aligned heading
    assert head.index(summary_label) + cell_len(summary_label) >= (70 - 3 - 3 * 2) * 2 // 5


def test_stack_column_fits(run: Run) -> None:
    for width in (60, 61, 62, 80):
        shown = run(
            "list",
            "4xx",
            "--lang",
            "fa",
            "--bidi",
            "--stack",
            "go",
            "--format",
            "table",
            env={"COLUMNS": str(width)},
        )
        assert widest(shown.stdout) <= width


def test_tally_and_check_fit_in_persian(run: Run) -> None:
    for width in (20, 44, 60, 63):
        env = {"COLUMNS": str(width)}
        for args in (
            ("tally", str(SAMPLES / "nginx-combined.log")),
            ("check", str(SAMPLES / "curl-i-auth.txt")),
        ):
            shown = run(*args, "--lang", "fa", "--bidi", "--format", "table", env=env)
            assert widest(shown.stdout) <= width, (args, width)


def test_persian_tally_runs_from_the_right(run: Run) -> None:
    shown = run(
        "tally",
        str(SAMPLES / "nginx-combined.log"),
        "--lang",
        "fa",
        "--bidi",
        "--format",
        "table",
        env={"COLUMNS": "80"},
    ).stdout
    row = next(line for line in shown.splitlines() if line.rstrip().endswith("200"))
    assert row.rstrip().endswith(rtl.visual(FA.code_text("200", "title")) + "  200")
    assert row.lstrip().startswith("\u2588")  # the bar on the far left


# 4. marks -------------------------------------------------------------------------------


def test_ezafe_and_tanwin_survive_visual_order(run: Run) -> None:
    texts = [t for t in persian_texts() if MARKS.search(t)]
    assert any("\u0647\u0654" in t for t in texts) and any("\u064b" in t for t in texts)
    for text in texts:
        shown = rtl.visual(" ".join(text.split()))
        assert len(MARKS.findall(shown)) == len(MARKS.findall(text)), text


def test_a_mark_follows_its_letter_in_visual_order() -> None:
    shown = rtl.visual("خانهٔ من")
    index = shown.index("\u0654")
    assert letters(shown[index - 1]) == "\u0647"


def test_explain_keeps_the_ezafe(run: Run) -> None:
    code = next(c for c in ("400", "401", "404", "429") if "\u0654" in " ".join(code_fields(c)))
    shown = run("explain", code, "--lang", "fa", "--bidi").stdout
    assert "\u0654" in shown


# 5. languages ---------------------------------------------------------------------------


def test_languages_table_is_in_visual_order(run: Run) -> None:
    shown = run("languages", "--lang", "fa", "--bidi", "--format", "table").stdout
    row = next(line for line in shown.splitlines() if line.rstrip().endswith("fa"))
    assert rtl.visual(FA.ui("col_tag")) in shown.splitlines()[0]
    assert shown.splitlines()[0].rstrip().endswith(rtl.visual(FA.ui("col_tag")))
    assert row.split()[0] == FA.percent(1.0)  # the last column, leftmost


# 6. lists -------------------------------------------------------------------------------


def test_persian_notes_are_joined_with_the_arabic_comma(run: Run) -> None:
    entry = next(e for e in registry.all_codes() if e.status != "standard" and e.historic)
    shown = run(
        "lookup",
        str(entry.code),
        "--lang",
        "fa",
        "--no-bidi",
        "--format",
        "table",
        env={"COLUMNS": "200"},
    ).stdout
    assert FA.ui(f"status_{entry.status}") + "\u060c " + FA.ui("historic") in shown


def test_former_phrases_are_joined_with_the_arabic_comma(run: Run) -> None:
    entry = next(e for e in registry.all_codes() if len(e.former_phrases) > 1)
    shown = run("explain", str(entry.code), "--lang", "fa", "--format", "plain").stdout
    assert "\u060c ".join(entry.former_phrases) in shown


# 7. completion --------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_completion_descriptions_follow_bidi(shell: str) -> None:
    env = {
        "COMP_WORDS": "hsc --lang fa --bidi 40",
        "COMP_CWORD": "4",
        "_HSC_COMPLETE": f"{shell}_complete",
    }
    shown = invoke(env=env).stdout
    assert shaped(shown)
    env["COMP_WORDS"] = "hsc --lang fa --no-bidi 40"
    shown = invoke(env=env).stdout
    assert not shaped(shown) and RLM + FA.code_text("404", "title") in shown


def test_list_headings_follow_bidi(run: Run) -> None:
    shown = run("list", "4xx", "--lang", "fa", "--bidi", "--format", "table").stdout
    assert rtl.visual(FA.ui("col_title")) in shown and FA.ui("col_title") not in shown


# 8. logical order marked ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("lookup", "404", "--format", "table"),
        ("explain", "404", "--format", "table"),
        ("explain", "404", "--format", "plain"),
        ("languages", "--format", "table"),
    ],
)
def test_logical_lines_start_right_to_left(run: Run, args: tuple[str, ...]) -> None:
    shown = run(*args, "--lang", "fa", "--no-bidi").stdout
    persian = [line for line in shown.splitlines() if rtl.has_rtl(line)]
    assert persian and all(line.startswith(RLM) for line in persian)


def test_logical_errors_start_right_to_left(run: Run) -> None:
    assert run("299", "--lang", "fa", "--no-bidi").stderr.startswith(RLM)


def test_tab_separated_rows_stay_unmarked(run: Run) -> None:
    shown = run("404", "--lang", "fa", "--no-bidi", "--format", "plain").stdout
    assert RLM not in shown


# 9. URLs --------------------------------------------------------------------------------

URL = re.compile(r"https?://\S+")


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("fmt", ["table", "plain"])
def test_long_urls_break_only_at_slashes_dots_and_marks(run: Run, lang: str, fmt: str) -> None:
    shown = run(
        "explain", "407", "--lang", lang, "--bidi", "--format", fmt, env={"COLUMNS": "44"}
    ).stdout
    wide = run("explain", "407", "--lang", lang, "--format", "plain", env={"COLUMNS": "400"}).stdout
    for url in URL.findall(wide):
        if len(url) < 30:
            continue
        pieces = [p for p in re.split(r"(?<=[/_-])|(?=[?#.])", url) if p]
        for piece in pieces:
            assert piece in shown, (piece, url)


# Property ------------------------------------------------------------------------------

COMMANDS = [
    ("list", "4xx"),
    ("list", "1xx", "--stack", "dotnet"),
    ("lookup", "418", "425", "451"),
    ("search", "timeout"),
    ("explain", "425"),
    ("explain", "407"),
    ("explain", "417"),
    ("explain", "5xx"),
    ("languages",),
    ("tally", str(SAMPLES / "nginx-combined.log")),
    ("check", str(SAMPLES / "curl-i-auth.txt")),
]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    width=st.integers(20, 200),
    command=st.sampled_from(COMMANDS),
    fmt=st.sampled_from(["table", "plain"]),
)
def test_every_persian_command_fits_keeps_tokens_and_marks(
    width: int, command: tuple[str, ...], fmt: str
) -> None:
    result = invoke(
        *command, "--lang", "fa", "--bidi", "--format", fmt, env={"COLUMNS": str(width)}
    )
    shown = result.stdout
    if fmt == "table" or command[0] == "explain":
        assert widest(shown) <= width
    if command[0] == "explain" and command[1].isdigit():
        fields = code_fields(command[1])
        tokens = set().union(*map(latin_tokens, fields))
        room = width - 8
        assert not [t for t in tokens if cell_len(t) <= room and t not in shown]
        assert len(MARKS.findall(shown)) >= len(MARKS.findall(" ".join(fields)))
