"""The session of a run, decided once from flags and environment, and errors worded for people."""

import io

import pytest

from httpstat_cli import app, i18n
from httpstat_cli.app import Settings
from httpstat_cli.errors import DataError, NotFound, UsageError
from tests.conftest import Run


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        ([], None),
        (["418"], None),
        (["418", "--lang", "fr"], "fr"),
        (["--lang=tr", "418"], "tr"),
        (["--lang", "fr", "418", "--lang=fa"], "fa"),  # the later one wins, as in click
        (["--lang=fa", "--lang", "tr"], "tr"),
        (["418", "--lang"], None),  # no value given
        (["search", "--", "--lang", "fr"], None),  # after --, words, not options
    ],
)
def test_flag_language_is_the_last_lang_among_the_raw_arguments(
    argv: list[str], flag: str | None
) -> None:
    assert app.flag_language(argv) == flag


def _settings(**flags: object) -> Settings:
    settings = Settings()
    for name, value in flags.items():
        setattr(settings, name, value)
    return settings


def test_a_pipe_gets_plain_output_in_the_environments_language() -> None:
    session = app.build_session(_settings(), {"LANG": "tr_TR.UTF-8"}, io.StringIO())
    assert session.lang == "tr"
    assert session.display.format == "plain" and not session.display.color
    assert session.warnings == []


def test_flags_beat_the_environment() -> None:
    flags = _settings(lang="fr", format="table", color=True)
    session = app.build_session(flags, {"LANG": "tr_TR.UTF-8", "NO_COLOR": "1"}, io.StringIO())
    assert (session.lang, session.display.format, session.display.color) == ("fr", "table", True)


def test_persian_is_right_to_left_and_in_visual_order_only_when_asked() -> None:
    logical = app.build_session(_settings(lang="fa"), {}, io.StringIO())
    visual = app.build_session(_settings(lang="fa", bidi=True), {}, io.StringIO())
    json = app.build_session(_settings(lang="fa", bidi=True, format="json"), {}, io.StringIO())
    assert logical.display.rtl and not logical.display.bidi
    assert visual.display.rtl and visual.display.bidi
    assert not json.display.bidi  # JSON is always in logical order


def test_a_bad_hsc_bidi_value_becomes_a_session_warning() -> None:
    session = app.build_session(_settings(lang="fa"), {"HSC_BIDI": "sideways"}, io.StringIO())
    assert session.warnings == [
        session.texts.ui("warning", message=session.texts.ui("warn_bad_bidi", value="sideways"))
    ]


def test_warnings_are_not_kept_from_one_run_to_the_next(run: Run) -> None:
    warned = run("404", "--lang", "fa", env={"HSC_BIDI": "sideways"})
    quiet = run("404", "--lang", "fa")
    assert "sideways" in warned.stderr and quiet.stderr == ""


def test_a_failing_run_says_its_error_and_no_warning(run: Run) -> None:
    result = run("299", "--lang", "fa", env={"HSC_BIDI": "sideways"})
    assert result.exit_code == 1
    assert "sideways" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_error_texts_fall_back_from_an_unknown_flag_to_the_environment() -> None:
    texts = app.error_texts("xx", {"LANG": "fr_FR.UTF-8"})
    assert texts is not None and texts.lang == "fr"


def test_a_search_miss_hints_at_the_language_whose_texts_match() -> None:
    english = i18n.load_texts("en")
    line = app.error_line(NotFound("err_no_search_hits", query="délai", hint_lang="fr"), english)
    miss = english.ui("err_no_search_hits", query="délai")
    hint = english.ui("hint_other_language", language="French", tag="fr")
    assert line == english.ui("error", message=f"{miss}; {hint}")


def test_a_search_miss_without_a_near_word_points_to_the_full_list() -> None:
    french = i18n.load_texts("fr")
    line = app.error_line(NotFound("err_no_search_hits", query="zzz"), french)
    miss = french.ui("err_no_search_hits", query="zzz")
    assert line == french.ui("error", message=f"{miss} ; {french.ui('hint_list_all')}")


def test_error_parameters_are_shown_with_control_characters_escaped() -> None:
    english = i18n.load_texts("en")
    line = app.error_line(UsageError("err_bad_pattern", query="4\x1b[31mx"), english)
    assert "\x1b" not in line and "\\x1b" in line


def test_damaged_data_is_reported_in_english_with_its_detail() -> None:
    line = app.error_line(DataError("codes.json is not valid JSON"), i18n.load_texts("fr"))
    assert line == "Error: codes.json is not valid JSON"
