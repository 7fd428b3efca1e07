"""Persian: chosen from the environment, complete, right to left where it is read."""

import json

import pytest

from httpstat_cli import i18n
from tests.conftest import Run

FA = i18n.load_texts("fa")


@pytest.mark.parametrize("env", [{"LANG": "fa_IR.UTF-8"}, {"LANGUAGE": "fa:en", "LANG": "en_US"}])
def test_the_environment_selects_persian(run: Run, env: dict[str, str]) -> None:
    record = json.loads(run("404", "--format", "json", env=env).stdout)
    assert (record["lang"], record["codes"][0]["title"]) == ("fa", "یافت نشد")
    assert record["codes"][0]["phrase"] == "Not Found"


def test_persian_text_uses_persian_letters_and_no_arabic_forms() -> None:
    texts = json.dumps(FA.layer(0), ensure_ascii=False)
    assert "\u064a" not in texts and "\u0643" not in texts  # Arabic yeh and kaf
    assert "\u200c" in FA.code_text("429", "title")  # درخواست‌های: the ZWNJ Persian writes


def test_languages_lists_persian_as_right_to_left(run: Run) -> None:
    rows = [line.split("\t") for line in run("languages").stdout.splitlines()]
    persian = next(row for row in rows if row[0] == "fa")
    assert persian[1:4] == ["فارسی", "Persian", "rtl"] and persian[4] == "100%"


def test_a_persian_table_is_right_aligned_in_logical_order(run: Run) -> None:
    table = run(
        "404", "429", "--lang", "fa", "--format", "table", "--no-bidi", env={"COLUMNS": "100"}
    ).stdout
    lines = [line.removeprefix("\u200f") for line in table.splitlines()]
    row = next(line for line in lines if line.startswith("404"))
    # The shorter title is padded on its left, so it sits against the right edge of its
    # column, where a right-to-left reader starts.
    assert row.startswith("404" + " " * 6) and FA.code_text("404", "title") in row
    assert FA.code_text("404", "title") == "یافت نشد"


def test_explain_in_persian_has_persian_labels(run: Run) -> None:
    plain = run("explain", "503", "--lang", "fa", "--format", "plain").stdout
    assert FA.ui("label_explanation") in plain and FA.ui("label_fixes") in plain
    assert FA.code_list("503", "fixes")[0].split()[0] in plain


def test_errors_are_in_persian(run: Run) -> None:
    result = run("299", "--lang", "fa")
    # logical order (stderr is not a terminal), marked right to left for a bidi terminal
    assert (result.exit_code, result.stderr.strip()) == (1, "\u200fخطا: برای 299 چیزی یافت نشد")
