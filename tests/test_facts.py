"""The fields that say what cacheable and MUST/SHOULD/MAY could not: cache rule, header ties
without a keyword, how well an unofficial entry is verified, and whose phrase it carries."""

import json

import pytest

from httpstat_cli import i18n, registry
from httpstat_cli.explain import code_story
from tests.conftest import Run

ENTRIES = registry.all_codes()


def entry(entry_id: str) -> registry.StatusCode:
    found = registry.get(entry_id)
    assert found is not None, entry_id
    return found


def section_text(entry_id: str, key: str, lang: str) -> str:
    story = code_story(entry(entry_id), i18n.load_texts(lang))
    found = next(section for section in story.sections if section.key == key)
    return found.text or "\n".join(item.text for item in found.items)


# --- cache ---------------------------------------------------------------------------------


def test_cache_uses_its_four_values_and_cacheable_keeps_its_meaning() -> None:
    for item in ENTRIES:
        assert item.cache in registry.CACHE_RULES, item.id
        assert item.cacheable is (item.cache == "heuristic"), item.id


def test_interim_responses_are_never_stored() -> None:  # RFC 9111 section 3: final only
    assert {e.id for e in ENTRIES if e.cache == "interim"} == {"100", "101", "102", "103", "104"}


def test_rfc_6585_codes_must_not_be_stored() -> None:
    assert {e.code for e in ENTRIES if e.cache == "never"} == {428, 429, 431, 511}


def test_451_is_heuristically_cacheable_by_rfc_7725() -> None:
    assert entry("451").cache == "heuristic"


@pytest.mark.parametrize("entry_id", ["425", "226", "503", "499-nginx"])
def test_other_codes_need_explicit_freshness(entry_id: str) -> None:
    assert entry(entry_id).cache == "explicit"


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
@pytest.mark.parametrize("entry_id", ["100", "200", "429", "503"])
def test_the_caching_section_follows_the_cache_rule(lang: str, entry_id: str) -> None:
    texts = i18n.load_texts(lang)
    expected = texts.ui(f"cache_{entry(entry_id).cache}")
    assert section_text(entry_id, "caching", lang) == expected


def test_the_four_caching_sentences_differ_in_every_language() -> None:
    for lang in i18n.SUPPORTED:
        texts = i18n.load_texts(lang)
        assert len({texts.ui(f"cache_{rule}") for rule in registry.CACHE_RULES}) == 4, lang


# --- header ties ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry_id", "name", "requirement"),
    [
        ("303", "Location", "none"),  # RFC 9110 15.4.4: "as indicated by a URI in Location"
        ("415", "Accept-Encoding", "none"),  # RFC 9110 15.5.16: "ought to be used"
        ("201", "Location", "SHOULD"),  # RFC 9110 9.3.3
        ("200", "ETag", "SHOULD"),  # RFC 9110 8.8.3 and 15.3.1
        ("200", "Last-Modified", "SHOULD"),  # RFC 9110 8.8.2
        ("206", "Content-Type", "MUST"),  # multipart/byteranges, RFC 9110 15.3.7.2
        ("104", "Location", "MUST"),  # draft-ietf-httpbis-resumable-upload-05 section 4
        ("104", "Upload-Draft-Interop-Version", "MUST"),  # same draft, section 4.2
        ("101", "Connection", "MUST"),  # RFC 9110 7.8: a sender of Upgrade MUST send it too
        ("426", "Connection", "MUST"),
    ],
)
def test_header_ties(entry_id: str, name: str, requirement: str) -> None:
    assert registry.Header(name, requirement) in entry(entry_id).headers


def test_408_no_longer_carries_the_rfc_7231_connection_close() -> None:
    assert all(h.name != "Connection" for h in entry("408").headers)


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_a_tie_without_keyword_reads_usually_sent(lang: str) -> None:
    texts = i18n.load_texts(lang)
    lines = section_text("303", "headers", lang)
    assert texts.ui("requirement_none") in lines
    assert "(none)" not in lines


def test_none_is_documented_in_json(run: Run) -> None:
    record = json.loads(run("303", "--format", "json").stdout)["codes"][0]
    assert {"name": "Location", "requirement": "none", "when": None} in record["headers"]


# --- verification and phrases of unofficial entries -----------------------------------------


def test_every_unofficial_entry_says_how_well_it_is_verified() -> None:
    for item in ENTRIES:
        if item.vendor is None:
            assert item.verification is None and not item.third_party_only, item.id
        else:
            assert item.verification in registry.VERIFICATION_LEVELS, item.id
            assert item.third_party_only is (item.verification != "vendor"), item.id


def test_aws_documents_460_463_464_by_number_only() -> None:
    assert [entry(i).phrase_is_ours for i in ("460-aws-elb", "463-aws-elb", "464-aws-elb")] == [
        True,
        True,
        True,
    ]
    assert not entry("561-aws-elb").phrase_is_ours  # the AWS page heads it "HTTP 561: Unauthorized"
    assert not any(e.phrase_is_ours for e in ENTRIES if e.vendor is None)


def test_json_exposes_cache_verification_and_phrase_origin(run: Run) -> None:
    records = json.loads(run("463", "598", "404", "--format", "json").stdout)["codes"]
    by_id = {record["id"]: record for record in records}
    assert by_id["463-aws-elb"]["verification"] == "vendor"
    assert by_id["463-aws-elb"]["phrase_is_ours"] is True
    assert by_id["598-proxy"]["verification"] == "lists"
    assert by_id["404"]["verification"] is None
    assert by_id["404"]["cache"] == "heuristic"


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_explain_notes_a_phrase_hsc_supplied(lang: str) -> None:
    texts = i18n.load_texts(lang)
    story = code_story(entry("460-aws-elb"), texts)
    assert texts.ui("phrase_is_ours") in story.heading_note
    lists = code_story(entry("598-proxy"), texts)
    assert texts.ui("verification_lists") in lists.heading_note


def test_esri_codes_arrive_in_the_body_of_a_200(run: Run) -> None:
    records = json.loads(run("explain", "498", "--format", "json").stdout)["codes"]
    esri = next(record for record in records if record["id"] == "498-esri")
    assert esri["client_receives"] == 200
    texts = i18n.load_texts("en")
    assert section_text("498-esri", "client_receives", "en") == texts.ui(
        "client_receives_in_body", code=200, logged=498
    )


@pytest.mark.parametrize(
    ("query", "entry_id", "key"),
    [
        ("404", "404", "label_phrase"),
        ("460", "460-aws-elb", "label_phrase_ours"),
        ("419", "419-laravel", "label_phrase_vendor"),
    ],
)
def test_only_a_registered_code_shows_a_registered_phrase(
    run: Run, query: str, entry_id: str, key: str
) -> None:
    # In Turkish every title differs from the English phrase, so the phrase line is shown.
    texts = i18n.load_texts("tr")
    out = run("explain", query, "--lang", "tr", "--format", "plain", env={"COLUMNS": "200"})
    phrase = entry(entry_id).phrase
    assert f"{texts.ui(key)}: {phrase}" in out.stdout


@pytest.mark.parametrize(
    ("entry_id", "key"),
    [
        ("460-aws-elb", "cache_nothing_sent"),  # logged only
        ("444-nginx", "cache_nothing_sent"),
        ("495-nginx", "cache_explicit"),  # the client gets a 400
        ("498-esri", "cache_heuristic"),  # the client gets a 200 whose body holds the error
    ],
)
def test_caching_speaks_of_what_the_client_receives(entry_id: str, key: str) -> None:
    for lang in i18n.SUPPORTED:
        assert section_text(entry_id, "caching", lang) == i18n.load_texts(lang).ui(key)


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_an_unofficial_code_without_header_ties_speaks_of_its_vendor_not_a_specification(
    lang: str,
) -> None:
    texts = i18n.load_texts(lang)
    assert section_text("444-nginx", "headers", lang) == texts.ui("headers_none_vendor")
    assert section_text("404", "headers", lang) == texts.ui("headers_none")


def test_a_conditional_header_tie_says_its_condition_in_explain(run: Run) -> None:
    lines = run("explain", "200", "--format", "plain").stdout.splitlines()
    assert "  - ETag: should be sent (SHOULD), where the server can determine one" in lines
    fields = json.loads(run("explain", "304", "--format", "json").stdout)["codes"][0]["headers"]
    assert {"name": "ETag", "requirement": "MUST", "when": "if-200-would"} in fields


@pytest.mark.parametrize("lang", ["tr", "fr", "fa"])
def test_every_condition_of_a_header_tie_is_worded_in_each_language(lang: str) -> None:
    texts = i18n.load_texts(lang)
    conditions = {tie.when for entry in registry.all_codes() for tie in entry.headers if tie.when}
    english = i18n.load_texts("en")
    for condition in conditions:
        key = f"requirement_when_{condition}"
        assert texts.ui(key) and texts.ui(key) != english.ui(key)
