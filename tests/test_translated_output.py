"""What tables and explain panels assemble from facts (language names, vendors described in
words, list separators, percentages, source lines) reads in the reader's language, while plain
and JSON rows keep their English machine tokens."""

import pytest

from httpstat_cli import app, i18n
from httpstat_cli.errors import NotFound
from tests.conftest import Run

NBSP = "\u00a0"
SHOWN = {"HSC_BIDI": "off", "COLUMNS": "120"}


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("en", ["en", "English", "English", "left to right", "100%"]),
        ("tr", ["en", "İngilizce", "English", "soldan sağa", "%100"]),
        ("fr", ["fa", "persan", "فارسی", "de droite à gauche", f"100{NBSP}%"]),
        ("fa", ["fr", "فرانسوی", "Français", "چپ به راست", "100٪"]),
    ],
)
def test_the_languages_table_speaks_the_readers_language(
    run: Run, lang: str, row: list[str]
) -> None:
    table = run("languages", "--format", "table", "--lang", lang, env=SHOWN).stdout
    cells = [line.removeprefix("\u200f").split("  ") for line in table.splitlines()]
    assert row in [[cell.strip() for cell in line if cell.strip()] for line in cells]


def test_plain_languages_keep_machine_tokens(run: Run) -> None:
    rows = run("languages", "--format", "plain", "--lang", "fr").stdout.splitlines()
    assert "fa\tفارسی\tPersian\trtl\t100%" in rows


@pytest.mark.parametrize(
    ("lang", "described"),
    [
        ("tr", "HTTP proxy'leri (fiilî kullanım)"),
        ("fr", "mandataires HTTP (usage informel)"),
        ("fa", "پراکسی‌های HTTP (کاربرد عرفی)"),
    ],
)
def test_a_vendor_that_is_a_description_is_translated(run: Run, lang: str, described: str) -> None:
    table = run("599", "--format", "table", "--lang", lang, env=SHOWN).stdout
    story = run("explain", "598", "--format", "plain", "--lang", lang, env=SHOWN).stdout
    assert described in story
    assert described.split()[0] in table  # the column wraps the rest
    assert "informal" not in table + story


def test_a_product_name_stays_as_it_is(run: Run) -> None:
    table = run("444", "--format", "table", "--lang", "fa", env=SHOWN).stdout
    assert "nginx" in table


def test_plain_rows_keep_the_vendor_as_recorded(run: Run) -> None:
    row = run("599", "--format", "plain", "--lang", "fr").stdout
    assert "\tHTTP proxies (informal)\t" in row


def test_persian_notes_are_joined_with_the_persian_comma(run: Run) -> None:
    table = run("599", "--format", "table", "--lang", "fa", env=SHOWN).stdout
    assert "غیررسمی، فقط" in table


def test_the_source_line_takes_the_languages_comma(run: Run) -> None:
    persian = run("explain", "428", "--format", "plain", "--lang", "fa", env=SHOWN).stdout
    french = run("explain", "428", "--format", "plain", "--lang", "fr", env=SHOWN).stdout
    assert "RFC 6585، §3: https://" in persian
    assert f"RFC 6585, §3{NBSP}: https://" in french


@pytest.mark.parametrize("lang", ["en", "tr", "fr", "fa"])
def test_a_class_description_shown_alone_starts_with_a_capital(run: Run, lang: str) -> None:
    written = i18n.load_texts(lang).class_description("4xx")  # French: after a colon, lower case
    story = run("explain", "4xx", "--format", "plain", "--lang", lang, env=SHOWN).stdout
    first_line = story.splitlines()[1].removeprefix("\u200f")  # Persian: marked RTL
    assert first_line[0] == i18n.upper(written[0], lang)
    assert " ".join(first_line.split()[1:3]) == " ".join(written.split()[1:3])


def test_capitals_follow_turkish_rules() -> None:
    assert i18n.capitalise("istek yeniden", "tr") == "İstek yeniden"
    assert i18n.capitalise("ırmak", "tr") == "Irmak"
    assert i18n.capitalise("istek", "fr") == "Istek"


@pytest.mark.parametrize(
    ("lang", "name"), [("tr", "Fransızca"), ("fa", "فرانسوی"), ("en", "French")]
)
def test_the_other_language_hint_names_the_language_in_the_readers_language(
    lang: str, name: str
) -> None:
    texts = i18n.load_texts(lang)
    line = app.error_line(NotFound("err_no_search_hits", query="x", hint_lang="fr"), texts)
    assert texts.ui("hint_other_language", language=name, tag="fr") in line


def test_an_unknown_language_is_reported_in_the_environments_language(run: Run) -> None:
    result = run("404", "--lang", "xx", env={"LANG": "tr_TR.UTF-8"})
    assert result.exit_code == 2
    assert result.stderr.startswith("Hata: xx dili desteklenmiyor")


def test_a_message_the_translation_words_wrongly_falls_back_to_english_wording() -> None:
    english = i18n.load_texts("en")
    french = i18n.load_texts("fr")
    broken = {**french.layer(0), "ui": {**french.layer(0)["ui"], "err_not_found": "{nope}"}}
    texts = i18n.Texts("fr", broken, english.layer(0))
    line = app.error_line(NotFound("err_not_found", query="teapot"), texts)
    assert line == "Erreur : nothing found for teapot"


def test_persian_languages_table_reads_right_to_left_without_terminal_bidi(run: Run) -> None:
    rows = run("languages", "--format", "table", "--lang", "fa", "--bidi").stdout.splitlines()
    english = next(row for row in rows if row.rstrip().endswith("en"))
    assert english.split()[0] == "100٪" and "English" in english
    assert "انگلیسی" not in english  # shaped into its contextual forms and reordered
