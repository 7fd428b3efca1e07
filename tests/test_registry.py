"""The bundled facts hold together and agree with the specifications."""

import http
from collections import Counter

import pytest

from httpstat_cli import registry

ENTRIES = registry.all_codes()
REGISTERED = [entry for entry in ENTRIES if entry.vendor is None]
UNOFFICIAL = [entry for entry in ENTRIES if entry.vendor is not None]
IDS = {entry.id for entry in ENTRIES}


def registered(code: int) -> registry.StatusCode:
    entry = registry.get(str(code))
    assert entry is not None and entry.vendor is None
    return entry


def test_no_meaning_is_listed_twice() -> None:
    pairs = Counter((entry.code, entry.vendor) for entry in ENTRIES)
    assert [pair for pair, count in pairs.items() if count > 1] == []
    assert len(IDS) == len(ENTRIES)


def test_every_http_status_member_is_present_with_its_phrase_or_a_former_one() -> None:
    for member in http.HTTPStatus:
        entry = registered(member.value)
        names = {entry.phrase.casefold(), *(p.casefold() for p in entry.former_phrases)}
        assert member.phrase.casefold() in names, member
        assert http.HTTPStatus[entry.python_name or ""] is member


def test_python_names_exist_in_the_standard_library() -> None:
    for entry in ENTRIES:
        if entry.python_name:
            assert http.HTTPStatus[entry.python_name].value == entry.code


def test_related_codes_and_confusions_point_at_real_entries() -> None:
    codes = {entry.code for entry in ENTRIES}
    for entry in ENTRIES:
        assert set(entry.related) <= codes, entry.id
        assert entry.code not in entry.related, entry.id
        assert set(entry.confused_with) <= IDS, entry.id


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_fields_use_the_documented_vocabularies(entry: registry.StatusCode) -> None:
    assert entry.status in registry.STATUSES
    assert entry.retry in registry.RETRY_POLICIES
    assert all(h.requirement in registry.REQUIREMENTS for h in entry.headers)
    assert 100 <= entry.code <= 599
    assert entry.source.url.startswith("https://")
    assert (entry.status == "unofficial") == (entry.vendor is not None)


def test_the_registry_holds_the_64_iana_entries_of_2025_09_15() -> None:
    assert len(REGISTERED) == 64
    assert {e.code for e in REGISTERED} == {
        *range(100, 105), *range(200, 209), 226, *range(300, 309), *range(400, 419),
        421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
        *range(500, 509), 510, 511,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("code", "status"),
    [(104, "temporary"), (305, "deprecated"), (306, "unused"), (418, "unused"),
     (510, "obsolete"), (200, "standard"), (404, "standard")],
)  # fmt: skip
def test_registry_status_follows_iana(code: int, status: str) -> None:
    assert registered(code).status == status


def test_heuristically_cacheable_codes_are_those_of_rfc_9110_and_rfc_7725() -> None:
    cacheable = {entry.code for entry in REGISTERED if entry.cacheable}
    # RFC 9110 section 15.1, plus 451 from RFC 7725 section 3.
    assert cacheable == {200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501, 451}
    assert not any(entry.cacheable for entry in UNOFFICIAL)


@pytest.mark.parametrize(
    ("code", "header", "requirement"),
    [
        (401, "WWW-Authenticate", "MUST"),
        (405, "Allow", "MUST"),
        (407, "Proxy-Authenticate", "MUST"),
        (426, "Upgrade", "MUST"),
        (503, "Retry-After", "MAY"),
        (301, "Location", "SHOULD"),
    ],
)
def test_header_requirements_follow_the_rfc(code: int, header: str, requirement: str) -> None:
    assert registry.Header(header, requirement) in registered(code).headers


@pytest.mark.parametrize(
    ("code", "section"), [(404, "15.5.5"), (503, "15.6.4"), (418, "15.5.19"), (308, "15.4.9")]
)
def test_sections_of_rfc_9110(code: int, section: str) -> None:
    source = registered(code).source
    assert (source.document, source.section) == ("RFC 9110", section)
    assert source.url == f"https://www.rfc-editor.org/rfc/rfc9110#section-{section}"


def test_former_names_people_still_search_for_are_kept() -> None:
    assert "Request Entity Too Large" in registered(413).former_phrases
    assert "Payload Too Large" in registered(413).former_phrases
    assert "Unprocessable Entity" in registered(422).former_phrases
    assert "Request-URI Too Long" in registered(414).former_phrases
    assert "Requested Range Not Satisfiable" in registered(416).former_phrases


def test_the_data_file_lists_entries_in_the_order_they_are_shown() -> None:
    # hsc does not sort at run time: by code, the registered meaning first, then vendors
    # alphabetically, those whose code travels in a body (Esri's 499 in a 200) last: a 499
    # met in a log or a response is nginx's.
    def key(entry: registry.StatusCode) -> tuple[int, bool, bool, str]:
        vendor = (entry.vendor or "").casefold()
        return (entry.code, entry.vendor is not None, entry.in_body, vendor)

    assert list(ENTRIES) == sorted(ENTRIES, key=key)


def test_one_number_can_carry_several_meanings_registered_first() -> None:
    for code in (420, 451, 499):
        meanings = registry.by_code(code)
        assert len(meanings) >= 2, code
    assert registry.by_code(451)[0].vendor is None
    assert {e.vendor for e in registry.by_code(499)} >= {"nginx"}


def test_every_unofficial_code_names_its_vendor_and_a_source() -> None:
    for entry in UNOFFICIAL:
        assert entry.vendor and entry.source.url.startswith("https://"), entry.id


@pytest.mark.parametrize("code", [494, 495, 496, 497])
def test_nginx_ssl_and_header_errors_reach_the_client_as_400(code: int) -> None:
    assert registry.get(f"{code}-nginx").client_receives == 400  # type: ignore[union-attr]


@pytest.mark.parametrize("entry_id", ["444-nginx", "499-nginx"])
def test_nginx_444_and_499_send_nothing_to_the_client(entry_id: str) -> None:
    assert registry.get(entry_id).client_receives is None  # type: ignore[union-attr]
