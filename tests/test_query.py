"""What the user types becomes a query, or a usage error that says why."""

import pytest

from httpstat_cli.errors import UsageError
from httpstat_cli.i18n import load_texts
from httpstat_cli.query import (
    Query,
    constant_name,
    not_found,
    parse,
    parse_all,
    parse_patterns,
    resolve_all,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("418", Query("code", "418", 418, 418)),
        (" 404 ", Query("code", "404", 404, 404)),
        ("4xx", Query("class", "4xx", 400, 499)),
        ("400-499", Query("class", "400-499", 400, 499)),
        ("4XX", Query("class", "4xx", 400, 499)),
        ("41x", Query("range", "41x", 410, 419)),
        ("400-410", Query("range", "400-410", 400, 410)),
        ("۴۰۴", Query("code", "404", 404, 404)),
        ("NOT_FOUND", Query("name", "NOT_FOUND")),
        ("not-found", Query("name", "not-found")),
        ("teapot", Query("name", "teapot")),
        ("rate limit", Query("words", "rate limit")),
        ("délai", Query("words", "délai")),
    ],
)
def test_parse_classifies_what_was_typed(typed: str, expected: Query) -> None:
    assert parse(typed) == expected


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("0", "err_code_range"),
        ("99", "err_code_range"),
        ("600", "err_code_range"),
        ("1000", "err_code_range"),
        ("6xx", "err_code_range"),
        ("0xx", "err_code_range"),
        ("4x", "err_bad_pattern"),
        ("4xxx", "err_bad_pattern"),
        ("410-400", "err_empty_range"),
        ("400-700", "err_code_range"),
        ("", "err_empty_query"),
        ("   ", "err_empty_query"),
        ("x" * 1001, "err_query_too_long"),
    ],
)
def test_parse_rejects_malformed_codes_with_a_reason(typed: str, key: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse(typed)
    assert caught.value.key == key


@pytest.mark.parametrize(
    "spelling", ["NOT_FOUND", "not_found", "not-found", "Not Found", "not found"]
)
def test_constant_names_are_spelled_any_way(spelling: str) -> None:
    assert constant_name(spelling) == "NOT_FOUND"


def test_one_missed_word_gets_the_search_hint_and_several_misses_are_listed() -> None:
    alone = not_found(["délai"], [parse("délai")], "en")
    assert (alone.key, alone.params) == (
        "err_no_search_hits",
        {"query": "délai", "hint_lang": "fr"},
    )
    several = not_found(["299", "zzzq"], parse_all(["299", "zzzq"]), "en")
    assert (several.key, several.params) == ("err_not_found", {"query": "299, zzzq"})


def test_queries_resolve_in_the_order_given_each_entry_once() -> None:
    english = load_texts("en")
    found, misses = resolve_all(parse_all(["500", "404", "500", "40x", "299"]), [english])
    assert [entry.id for entry in found[:3]] == ["500", "404", "400"]
    assert len(found) == len({entry.id for entry in found}) and misses == ["299"]


def test_list_takes_codes_classes_and_ranges_but_not_words() -> None:
    assert [query.kind for query in parse_patterns(["4xx", "41x", "404"])] == [
        "class",
        "range",
        "code",
    ]
    with pytest.raises(UsageError):
        parse_patterns(["teapot"])
