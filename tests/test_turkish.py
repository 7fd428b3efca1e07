"""Turkish: chosen from the environment, complete, and cased as Turkish is."""

import json

import pytest

from httpstat_cli import i18n
from tests.conftest import Run

TR = i18n.load_texts("tr")


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "tr_TR.UTF-8"},
        {"LC_ALL": "tr_TR.UTF-8", "LANG": "en_US.UTF-8"},
        {"LANGUAGE": "tr:en", "LANG": "en_US.UTF-8"},
        {"HSC_LANG": "tr"},
    ],
)
def test_the_environment_selects_turkish(run: Run, env: dict[str, str]) -> None:
    record = json.loads(run("404", "--format", "json", env=env).stdout)
    assert record["lang"] == "tr"
    assert record["codes"][0]["title"] == "Bulunamadı"
    assert record["codes"][0]["phrase"] == "Not Found"  # the wire phrase is never translated


@pytest.mark.parametrize("flag", ["tr", "tr-TR", "tr_TR"])
def test_the_flag_selects_turkish(run: Run, flag: str) -> None:
    assert json.loads(run("404", "--lang", flag, "--format", "json").stdout)["lang"] == "tr"


@pytest.mark.parametrize("locale", ["C", "POSIX", "C.UTF-8"])
def test_a_c_locale_does_not(run: Run, locale: str) -> None:
    env = {"LC_ALL": locale, "LANG": "tr_TR.UTF-8"}
    assert json.loads(run("404", "--format", "json", env=env).stdout)["lang"] == "en"


def test_a_lookup_shows_the_turkish_title_beside_the_registered_phrase(run: Run) -> None:
    row = run("404", env={"LANG": "tr_TR.UTF-8"}).stdout.rstrip("\n").split("\t")
    assert row[4:6] == ["Not Found", "Bulunamadı"]
    assert row[6] == TR.code_text("404", "summary")


def test_a_class_list_is_in_turkish(run: Run) -> None:
    result = run("list", "4xx", "--format", "table", env={"LANG": "tr_TR.UTF-8", "COLUMNS": "120"})
    assert TR.ui("col_summary") in result.stdout
    assert TR.code_text("429", "title") in result.stdout


def test_explain_is_in_turkish_with_turkish_capitals(run: Run) -> None:
    plain = run("explain", "503", "--format", "plain", env={"LANG": "tr_TR.UTF-8"}).stdout
    # Headings are upper-cased the Turkish way: i becomes İ, never a plain I.
    assert "NE ANLAMA GELİR" in plain
    assert "İSTEMCİ NE YAPMALI" in plain
    assert "Hizmet Kullanılamıyor" in plain
    assert TR.code_list("503", "causes")[0] in plain


def test_errors_are_in_turkish(run: Run) -> None:
    result = run("299", env={"LANG": "tr_TR.UTF-8"})
    assert result.exit_code == 1
    assert result.stderr.strip() == "Hata: 299 için sonuç bulunamadı"


@pytest.mark.parametrize(
    ("text", "upper", "lower"),
    [("istek", "İSTEK", "istek"), ("IRMAK", "IRMAK", "ırmak"), ("İzmir", "İZMİR", "izmir")],
)
def test_turkish_casing(text: str, upper: str, lower: str) -> None:
    assert i18n.upper(text, "tr") == upper
    assert i18n.lower(text, "tr") == lower
