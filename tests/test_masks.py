"""Code masks like the peers': x in any position and character classes, with the same
results in lookup, list and explain."""

import json

import pytest

from httpstat_cli.errors import UsageError
from httpstat_cli.query import parse
from tests.conftest import Run


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("5x3", {503, 513, 523, 533, 543, 553, 563, 573, 583, 593}),
        ("4x4", {404, 414, 424, 434, 444, 454, 464, 474, 484, 494}),
        ("xx4", {c for c in range(100, 600) if c % 10 == 4}),
        ("30[12]", {301, 302}),
        ("[45]0[0-2]", {400, 401, 402, 500, 501, 502}),
        ("X0X", {c for c in range(100, 600) if c // 10 % 10 == 0}),
    ],
)
def test_masks_cover_the_codes_they_spell(typed: str, codes: set[int]) -> None:
    query = parse(typed)
    assert query.kind == "mask"
    assert query.codes == frozenset(codes)


@pytest.mark.parametrize("typed", ["4[a]4", "4[2", "[]00", "5x3x", "4[3-1]0"])
def test_malformed_masks_are_usage_errors(typed: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse(typed)
    assert caught.value.key == "err_bad_pattern"


def test_a_mask_outside_the_codes_is_out_of_range() -> None:
    with pytest.raises(UsageError) as caught:
        parse("6x1")
    assert caught.value.key == "err_code_range"


@pytest.mark.parametrize("word", ["x", "xx", "xml"])
def test_words_made_of_x_stay_words(word: str) -> None:
    assert parse(word).kind in ("name", "words")


def ids(run: Run, *args: str) -> list[str]:
    return [record["id"] for record in json.loads(run(*args, "--format", "json").stdout)["codes"]]


@pytest.mark.parametrize("mask", ["5x3", "4x4", "xx4", "30[12]"])
def test_lookup_list_and_explain_agree_on_a_mask(run: Run, mask: str) -> None:
    looked_up = ids(run, "lookup", mask)
    assert looked_up
    assert ids(run, "list", mask) == looked_up
    assert ids(run, "explain", mask) == looked_up


def test_5x3_finds_503_and_cloudflares_523(run: Run) -> None:
    assert ids(run, "5x3") == ["503", "523-cloudflare"]


def test_a_mask_that_matches_no_code_exits_1(run: Run) -> None:
    result = run("1x9")
    assert result.exit_code == 1
    assert "1x9" in result.stderr
