"""hsc explain: every section, in every language, at any width, and facts checked against RFCs."""

import json
import re

import pytest
from rich.cells import cell_len

from httpstat_cli import i18n, registry
from httpstat_cli.explain import ClassStory, CodeStory, code_story, stories
from httpstat_cli.query import parse_all
from tests.conftest import Run

BOX = re.compile("[\u2500-\u257f]")
SAMPLE = ["401", "404", "429", "503", "301", "499-nginx", "522-cloudflare", "100"]


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
@pytest.mark.parametrize("entry_id", SAMPLE)
def test_every_section_is_present_in_every_language(lang: str, entry_id: str) -> None:
    entry = registry.get(entry_id)
    assert entry is not None
    texts = i18n.load_texts(lang)
    story = code_story(entry, texts)
    keys = [section.key for section in story.sections]
    expected = ["summary", "explanation", "client", "headers", "caching", "retry", "in_code"]
    expected.append("source")
    if entry.official:
        expected.append("mdn")  # every registered code of the sample has an MDN page
    if entry.former_phrases:
        expected.append("former_phrases")
    if entry.code >= 400:
        expected += ["causes", "fixes"]
    if entry.vendor:
        expected += ["vendor", "client_receives"]
    if entry.confused_with:
        expected.append("confused_with")
    if entry.related:
        expected.append("related")
    assert sorted(keys) == sorted(expected)
    for section in story.sections:
        assert section.label == texts.ui(f"label_{_label_key(section.key)}")
        assert section.text or section.items


def _label_key(section_key: str) -> str:
    return {"confused_with": "confused", "former_phrases": "former"}.get(section_key, section_key)


@pytest.mark.parametrize(
    ("code", "header", "requirement"),
    [
        ("401", "WWW-Authenticate", "MUST"),
        ("405", "Allow", "MUST"),
        ("407", "Proxy-Authenticate", "MUST"),
        ("503", "Retry-After", "MAY"),
        ("429", "Retry-After", "MAY"),
        ("426", "Upgrade", "MUST"),
    ],
)
def test_headers_shown_with_the_rfc_requirement(
    run: Run, code: str, header: str, requirement: str
) -> None:
    result = run("explain", code, "--format", "plain", env={"COLUMNS": "200"})
    assert re.search(rf"{re.escape(header)}: .*\({requirement}\)", result.stdout)


@pytest.mark.parametrize(
    ("code", "cache", "reference"),
    [
        ("404", "heuristic", "RFC 9110, §15.5.5"),
        ("410", "heuristic", "RFC 9110, §15.5.11"),
        ("503", "explicit", "RFC 9110, §15.6.4"),
        ("451", "heuristic", "RFC 7725, §3"),
        ("429", "never", "RFC 6585, §4"),
        ("103", "interim", "RFC 8297, §2"),
    ],
)
def test_caching_and_spec_reference(run: Run, code: str, cache: str, reference: str) -> None:
    record = json.loads(run("explain", code, "--format", "json").stdout)["codes"][0]
    assert record["cache"] == cache
    assert record["cacheable"] is (cache == "heuristic")
    texts = i18n.load_texts("en")
    assert record["caching"] == texts.ui(f"cache_{cache}")
    plain = run("explain", code, "--format", "plain", env={"COLUMNS": "200"}).stdout
    assert reference in plain


def test_a_number_with_several_meanings_gets_one_panel_each(run: Run) -> None:
    records = json.loads(run("explain", "499", "--format", "json").stdout)["codes"]
    assert [record["id"] for record in records] == [e.id for e in registry.by_code(499)]
    assert {record["vendor"] for record in records} >= {"nginx", "Esri ArcGIS"}


def test_unofficial_codes_say_what_the_client_receives(run: Run) -> None:
    texts = i18n.load_texts("en")
    plain = run("explain", "495", "--format", "plain", env={"COLUMNS": "200"}).stdout
    assert texts.ui("client_receives_other", code=400, logged=495) in plain
    plain = run("explain", "499", "--format", "plain", env={"COLUMNS": "200"}).stdout
    assert texts.ui("client_receives_nothing") in plain


def test_confusions_name_the_other_code_and_the_difference(run: Run) -> None:
    record = json.loads(run("explain", "401", "--format", "json").stdout)["codes"][0]
    others = {item["code"]: item["difference"] for item in record["confused_with"]}
    assert others.get(403)


def test_explain_a_class_lists_its_codes(run: Run) -> None:
    result = run("explain", "4xx", "--format", "json")
    document = json.loads(result.stdout)
    assert document["codes"] == []
    (klass,) = document["classes"]
    assert klass["class"] == "4xx"
    assert {c["code"] for c in klass["codes"]} >= {400, 404, 418, 429, 451}


def test_two_codes_are_explained_one_after_the_other(run: Run) -> None:
    plain = run("explain", "403", "401", "--format", "plain").stdout
    assert plain.startswith("403 ") and "\n401 " in plain


def test_json_shape(run: Run) -> None:
    record = json.loads(run("explain", "503", "--format", "json").stdout)["codes"][0]
    for key in ("explanation", "client", "causes", "fixes", "retry", "confused_with"):
        assert record[key]
    assert record["retry"]["policy"] == "after-delay"
    assert record["phrase"] == "Service Unavailable"


def test_plain_has_no_box_characters_and_no_colour(run: Run) -> None:
    output = run("explain", "503", "--format", "plain").stdout
    assert not BOX.search(output)
    assert "\x1b" not in output


@pytest.mark.parametrize("width", [40, 80, 200])
@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_the_panel_wraps_to_the_width_and_cuts_nothing(run: Run, width: int, lang: str) -> None:
    result = run("explain", "503", "--format", "table", "--lang", lang, env={"COLUMNS": str(width)})
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines)  # terminal cells: ZWNJ takes none
    assert "…" not in result.stdout
    flat = "".join(line.strip("\u200f│ ") for line in lines)  # Persian lines start with RLM
    url = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4"
    assert url in flat.replace(" ", "")


def test_every_label_follows_the_language(run: Run) -> None:
    for lang in i18n.SUPPORTED:
        texts = i18n.load_texts(lang)
        plain = run("explain", "503", "--format", "plain", "--lang", lang).stdout
        for key in ("label_summary", "label_client", "label_retry", "label_source"):
            assert i18n.upper(texts.ui(key), lang) in plain


def test_a_class_is_told_once_as_a_class_and_words_by_their_best_match() -> None:
    english = i18n.load_texts("en")
    queries = parse_all(["4xx", "400-499", "rate limit", "299", "418"])
    told, misses = stories(queries, english, [english])
    assert isinstance(told[0], ClassStory) and told[0].code_class == "4xx"
    assert [story.view.entry.id for story in told[1:] if isinstance(story, CodeStory)] == [
        "429",
        "418",
    ]
    assert len(told) == 3 and misses == ["299"]
