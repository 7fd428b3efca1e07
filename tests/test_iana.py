"""The registered codes agree with the snapshot of IANA's registry in tests/data/.

When IANA updates the registry, the snapshot is replaced and these tests name what to fix.
"""

import csv
import re
from pathlib import Path

import pytest

from httpstat_cli import registry

SNAPSHOT = Path(__file__).parent / "data" / "http-status-codes-1.csv"
# RFC 9110 section 15.4.6 deprecates 305; IANA's description carries no marker for it.
DEPRECATED_BY_RFC = {305}
MARKERS = {"TEMPORARY": "temporary", "OBSOLETED": "obsolete"}


def _rows() -> list[dict[str, str]]:
    with SNAPSHOT.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


ROWS = _rows()
ASSIGNED = {
    int(row["Value"]): row
    for row in ROWS
    if row["Value"].isdigit() and row["Description"] != "Unassigned"
}
REGISTERED = {entry.code: entry for entry in registry.all_codes() if entry.vendor is None}


def iana_phrase_and_status(code: int, description: str) -> tuple[str, str]:
    """'Not Extended (OBSOLETED)' -> ('Not Extended', 'obsolete')."""
    if description == "(Unused)":
        return description, "unused"
    marked = re.fullmatch(r"(.*?) \((TEMPORARY|OBSOLETED)\b.*\)", description)
    if marked:
        return marked[1], MARKERS[marked[2]]
    return description, "deprecated" if code in DEPRECATED_BY_RFC else "standard"


def iana_reference(reference: str) -> tuple[str, str | None]:
    """'[RFC9110, Section 15.2.1]' -> ('RFC 9110', '15.2.1'); only the first reference counts."""
    first = re.match(r"\[([^\]]+)\]", reference)
    assert first, reference
    document, _, section = first[1].partition(", Section ")
    return re.sub(r"^RFC(\d+)$", r"RFC \1", document), section or None


def test_the_snapshot_covers_every_number_from_100_to_599_once() -> None:
    covered: list[int] = []
    for row in ROWS:
        low, _, high = row["Value"].partition("-")
        covered.extend(range(int(low), int(high or low) + 1))
    assert covered == list(range(100, 600))


def test_hsc_registers_exactly_the_codes_iana_assigns() -> None:
    assert sorted(REGISTERED) == sorted(ASSIGNED)


@pytest.mark.parametrize("code", sorted(ASSIGNED))
def test_phrase_and_status_follow_iana(code: int) -> None:
    phrase, status = iana_phrase_and_status(code, ASSIGNED[code]["Description"])
    entry = REGISTERED[code]
    assert (entry.phrase, entry.status) == (phrase, status)


@pytest.mark.parametrize("code", sorted(ASSIGNED))
def test_source_is_the_document_iana_cites(code: int) -> None:
    document, section = iana_reference(ASSIGNED[code]["Reference"])
    source = REGISTERED[code].source
    assert source.document == document
    if section:  # IANA gives a section only for RFC 9110; ours may be more precise elsewhere
        assert source.section == section


def test_vendor_meanings_of_an_assigned_number_point_at_the_registered_one() -> None:
    for entry in registry.all_codes():
        if entry.vendor is not None and entry.code in ASSIGNED:
            assert str(entry.code) in entry.confused_with, entry.id
