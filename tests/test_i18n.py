"""Language negotiation is a table of environments; texts fall back to English per field."""

import json
from pathlib import Path

import pytest

from httpstat_cli import i18n
from httpstat_cli.errors import UsageError

# The product's four languages; negotiation is tested against them whichever files ship today.
PRODUCT = ("en", "fa", "fr", "tr")


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("fr_FR.UTF-8@euro", "fr"),
        ("tr_TR.UTF-8", "tr"),
        ("tr-TR", "tr"),
        ("fa_IR", "fa"),
        ("EN_us", "en"),
        ("C", None),
        ("POSIX", None),
        ("C.UTF-8", None),
        ("", None),
        ("../../etc/passwd", None),
        ("/tmp/x", None),
    ],
)
def test_normalise_tag_keeps_only_the_language(value: str, tag: str | None) -> None:
    assert i18n.normalise_tag(value) == tag


@pytest.mark.parametrize(
    ("environ", "chosen"),
    [
        ({}, "en"),
        ({"LANG": "tr_TR.UTF-8"}, "tr"),
        ({"LC_ALL": "tr_TR.UTF-8"}, "tr"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fa_IR.UTF-8"}, "fa"),
        ({"HSC_LANG": "tr", "LANG": "fr_FR.UTF-8"}, "tr"),
        ({"LANGUAGE": "tr:en", "LANG": "fr_FR.UTF-8"}, "tr"),
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "fr"),
        # LANGUAGE counts only when a real locale is set (as in GNU gettext).
        ({"LANGUAGE": "tr"}, "en"),
        ({"LANGUAGE": "tr", "LANG": "C"}, "en"),
        # LC_ALL=C asks for plain behaviour whatever LANG says.
        ({"LC_ALL": "C", "LANG": "tr_TR.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fa_IR", "LANG": "fr_FR"}, "fa"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"HSC_LANG": "xx", "LANG": "fr_FR.UTF-8"}, "fr"),
        ({"HSC_LANG": "/tmp/x"}, "en"),
    ],
)
def test_environment_picks_the_first_supported_language(
    environ: dict[str, str], chosen: str
) -> None:
    assert i18n.negotiate(None, environ, PRODUCT) == chosen


@pytest.mark.parametrize("flag", ["tr", "tr-TR", "tr_TR", "TR"])
def test_lang_flag_beats_the_environment(flag: str) -> None:
    assert i18n.negotiate(flag, {"LANG": "fr_FR.UTF-8"}, PRODUCT) == "tr"


@pytest.mark.parametrize("flag", ["xx", "de", "../../etc/passwd", ""])
def test_unsupported_lang_flag_is_a_usage_error_listing_languages(flag: str) -> None:
    with pytest.raises(UsageError) as caught:
        i18n.negotiate(flag, {}, PRODUCT)
    assert caught.value.params["available"] == "en, fa, fr, tr"


def test_shipped_languages_are_the_only_ones_the_flag_accepts() -> None:
    with pytest.raises(UsageError) as caught:
        i18n.negotiate("xx", {})
    assert caught.value.params["available"] == ", ".join(sorted(i18n.SUPPORTED))


def test_declared_languages_match_the_shipped_locale_files() -> None:
    shipped = {path.stem for path in Path(i18n.locale_dir()).glob("*.json")}
    assert shipped == set(i18n.SUPPORTED)


def _write(directory: Path, lang: str, data: object) -> None:
    (directory / f"{lang}.json").write_text(json.dumps(data), encoding="utf-8")


def test_missing_translation_falls_back_to_english_field_by_field(tmp_path: Path) -> None:
    _write(tmp_path, "en", {"codes": {"404": {"title": "Not Found", "summary": "Gone missing."}}})
    _write(tmp_path, "fr", {"codes": {"404": {"title": "Introuvable"}}})
    texts = i18n.load_texts("fr", str(tmp_path))
    assert texts.code_text("404", "title") == "Introuvable"
    assert texts.code_text("404", "summary") == "Gone missing."


def test_broken_translation_degrades_to_english_with_a_warning(tmp_path: Path) -> None:
    _write(tmp_path, "en", {"codes": {"404": {"title": "Not Found"}}})
    (tmp_path / "tr.json").write_text("{ not json", encoding="utf-8")
    texts = i18n.load_texts("tr", str(tmp_path))
    assert texts.lang == "en"
    assert texts.code_text("404", "title") == "Not Found"
    assert "tr.json" in texts.warnings[0]


@pytest.mark.parametrize(
    ("text", "lang", "upper", "lower"),
    [
        ("istek", "tr", "İSTEK", "istek"),
        ("ırmak", "tr", "IRMAK", "ırmak"),
        ("İSTEMCİ", "tr", "İSTEMCİ", "istemci"),
        ("IŞIK", "tr", "IŞIK", "ışık"),
        ("istek", "en", "ISTEK", "istek"),
        ("IRMAK", "fr", "IRMAK", "irmak"),
        ("délai", "fr", "DÉLAI", "délai"),
    ],
)
def test_casing_follows_the_language(text: str, lang: str, upper: str, lower: str) -> None:
    assert i18n.upper(text, lang) == upper
    assert i18n.lower(text, lang) == lower
