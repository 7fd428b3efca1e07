"""Persian reads right to left: visual order on request, logical order in JSON, auto decisions."""

import json
import textwrap
import unicodedata

import pytest

from httpstat_cli import i18n
from httpstat_cli.render import rtl
from tests.conftest import Run


def base_letters(text: str) -> str:
    """Shaped presentation forms back to plain letters, to compare orders."""
    return unicodedata.normalize("NFKC", text)


def test_a_known_sentence_comes_out_in_visual_order() -> None:
    logical = "سرور (RFC 9110) پاسخ داد."
    assert base_letters(rtl.visual(logical)) == ".داد خساپ (RFC 9110) رورس"


def test_latin_fragments_and_parentheses_survive_reordering() -> None:
    shown = base_letters(rtl.visual("سرآیند Retry-After (اختیاری) را بفرستید"))
    assert "Retry-After" in shown
    assert "(یرایتخا)" in shown  # brackets mirrored with their run, not flipped


def test_letters_are_joined_into_their_contextual_forms() -> None:
    shown = rtl.visual("سرور")
    assert shown != "رورس" and base_letters(shown) == "رورس"


def test_every_persian_line_is_reordered_as_the_full_algorithm_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Lines are reordered by python-bidi's Rust binding unless they hold a mirrored
    # character; its pure-Python algorithm, which also mirrors, is the reference.
    import bidi
    from bidi.algorithm import get_display

    texts = i18n.load_texts("fa")
    logical = [
        line
        for code in ("100", "400", "404", "418", "429", "451", "503", "520")
        for field in ("title", "summary", "explanation")
        for line in textwrap.wrap(texts.code_text(code, field), 30)
    ]
    assert any("(" in line for line in logical) and any("\u200c" in line for line in logical)
    quick = rtl.visual_lines(logical)
    monkeypatch.setattr(bidi, "get_display", get_display)
    assert quick == rtl.visual_lines(logical)


def test_a_joiner_before_lam_alef_does_not_break_the_shaping(run: Run) -> None:
    # arabic-reshaper 3.0 raises IndexError on it; hsc shows the words unjoined instead
    result = run("search", "timeout \u200dلا", "--lang", "fa", "--bidi", "--format", "table")
    assert result.exit_code == 0 and result.stderr == ""
    assert "408" in result.stdout
    assert rtl.visual("\u200dلا")


def test_wrapping_happens_before_reordering() -> None:
    logical = "یک دو سه چهار پنج شش هفت هشت نه ده"
    lines = [base_letters(line) for line in rtl.lines(logical, 12)]
    # The first logical word is rightmost on the first line, its letters in visual order.
    assert lines[0].endswith("یک"[::-1]) and all(len(line) <= 12 for line in lines)
    assert lines[-1].startswith("ده"[::-1])


@pytest.mark.parametrize(
    ("flag", "environ", "terminal", "expected"),
    [
        (True, {}, False, True),  # --bidi forces it, even into a pipe
        (False, {"HSC_BIDI": "on"}, True, False),  # --no-bidi beats the environment
        (None, {"HSC_BIDI": "on"}, False, True),
        (None, {"HSC_BIDI": "off"}, True, False),
        (None, {}, False, False),  # auto never reorders into a pipe or a file
        (None, {"HSC_BIDI": "auto"}, True, True),  # a terminal not known to do bidi
        (None, {"TERM_PROGRAM": "iTerm.app"}, True, True),
        (None, {"TERM": "xterm-kitty"}, True, True),
        (None, {"WT_SESSION": "x"}, True, True),
        (None, {"VTE_VERSION": "7600"}, True, False),  # GNOME Terminal, Tilix: they reorder
        (None, {"KONSOLE_VERSION": "230401"}, True, False),
        (None, {"TERM": "mlterm"}, True, False),
        (None, {"TERM_PROGRAM": "Apple_Terminal"}, True, False),
        (None, {"HSC_BIDI": "sideways"}, True, True),  # unknown value: auto, with a warning
    ],
)
def test_auto_decisions(
    flag: bool | None, environ: dict[str, str], terminal: bool, expected: bool
) -> None:
    assert rtl.wants_visual_order(flag, environ, terminal) is expected


def test_an_unknown_hsc_bidi_value_is_reported() -> None:
    assert rtl.setting({"HSC_BIDI": "sideways"}) == ("auto", "sideways")
    assert rtl.setting({"HSC_BIDI": "ON"}) == ("on", None)


def test_json_is_logical_whatever_the_switch(run: Run) -> None:
    outputs = {
        json.loads(run("404", "--lang", "fa", "--format", "json", *flag).stdout)["codes"][0][
            "title"
        ]
        for flag in ((), ("--bidi",), ("--no-bidi",))
    }
    assert outputs == {i18n.load_texts("fa").code_text("404", "title")}


def test_bidi_switch_reorders_the_table(run: Run) -> None:
    title = i18n.load_texts("fa").code_text("404", "title")
    logical = run("404", "--lang", "fa", "--format", "table", "--no-bidi").stdout
    visual = run("404", "--lang", "fa", "--format", "table", "--bidi").stdout
    assert title in logical
    assert title not in visual and base_letters(rtl.visual(title)) in base_letters(visual)


def test_bidi_switch_reorders_explain(run: Run) -> None:
    summary = i18n.load_texts("fa").code_text("503", "summary")
    visual = run(
        "explain", "503", "--lang", "fa", "--bidi", "--format", "plain", env={"COLUMNS": "80"}
    ).stdout
    first_words = " ".join(summary.split()[:2])
    assert base_letters(rtl.visual(first_words)) in base_letters(visual)
    assert "503" in visual and "RFC 9110" in visual


def test_a_bad_hsc_bidi_value_warns_once(run: Run) -> None:
    result = run("404", "--lang", "fa", env={"HSC_BIDI": "sideways"})
    assert result.exit_code == 0
    assert "sideways" in result.stderr and len(result.stderr.splitlines()) == 1


def test_headings_are_reordered_and_right_aligned_too(run: Run) -> None:
    fa = i18n.load_texts("fa")
    visual = run(
        "list", "4xx", "--lang", "fa", "--bidi", "--format", "table", env={"COLUMNS": "80"}
    ).stdout
    heading = visual.splitlines()[0]
    assert fa.class_name("4xx") not in visual  # nothing left in logical order
    assert base_letters(rtl.visual(fa.class_name("4xx"))) in base_letters(heading)
    assert len(heading) == 80 and heading.startswith(" ")  # set against the right edge
