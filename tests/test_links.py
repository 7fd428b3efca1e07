"""Links for people: MDN's page in the reader's language where MDN has that locale, and
former names wherever people look."""

import json

import pytest

from httpstat_cli import links, registry
from tests.conftest import Run

MDN = "https://developer.mozilla.org/{}/docs/Web/HTTP/Reference/Status/{}"


def record(run: Run, *args: str) -> dict[str, object]:
    found: dict[str, object] = json.loads(run(*args, "--format", "json").stdout)["codes"][0]
    return found


@pytest.mark.parametrize(("lang", "locale"), [("en", "en-US"), ("fr", "fr")])
def test_mdn_link_is_in_the_readers_language_where_mdn_has_it(
    run: Run, lang: str, locale: str
) -> None:
    links_ = record(run, "429", "--lang", lang)["links"]
    assert links_ == {
        "specification": "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        "mdn": MDN.format(locale, 429),
        "mdn_locale": locale,
    }


@pytest.mark.parametrize("lang", ["tr", "fa"])
def test_turkish_and_persian_fall_back_to_english_and_say_so(run: Run, lang: str) -> None:
    assert record(run, "404", "--lang", lang)["links"]["mdn"] == MDN.format("en-US", 404)  # type: ignore[index]
    out = run("explain", "404", "--lang", lang, "--format", "plain").stdout
    from httpstat_cli import i18n

    note = i18n.load_texts(lang).ui("mdn_english_only")
    assert note in " ".join(out.split())
    assert MDN.format("en-US", 404) in out


def test_explain_shows_the_mdn_link_beside_the_specification(run: Run) -> None:
    out = run("explain", "503", "--lang", "fr", "--format", "plain").stdout
    after_spec = out.split("SPÉCIFICATION", 1)[1]
    assert MDN.format("fr", 503) in after_spec


@pytest.mark.parametrize("entry_id", ["305", "306", "499-nginx", "520-cloudflare"])
def test_codes_mdn_does_not_document_have_no_link(entry_id: str) -> None:
    entry = registry.get(entry_id)
    assert entry is not None
    assert links.mdn(entry, "en") is None


def test_lookup_table_shows_former_names_under_the_title(run: Run) -> None:
    out = run("413", "--format", "table", env={"COLUMNS": "120"}).stdout
    title_column = " ".join(line[6:38].strip() for line in out.splitlines()[2:])
    assert "formerly Payload Too Large, Request Entity Too Large" in title_column


def test_json_and_explain_name_former_phrases(run: Run) -> None:
    assert record(run, "413")["former_phrases"] == ["Payload Too Large", "Request Entity Too Large"]
    out = run("explain", "413", "--format", "plain").stdout
    assert "FORMER NAMES\n  Payload Too Large, Request Entity Too Large" in out


def test_former_name_equal_to_the_title_is_not_repeated(run: Run) -> None:
    out = run("418", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert "formerly" not in out
