"""Search finds codes by words, in any shipped language, forgiving accents, letter forms, typos."""

import itertools
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from httpstat_cli import i18n, registry, search
from httpstat_cli.normalise import normalised, words
from tests.conftest import Run


def top(query: str, lang: str = "en", k: int = 3, every: bool = False) -> list[str]:
    tags = i18n.SUPPORTED if every else dict.fromkeys((lang, "en"))
    languages = [i18n.load_texts(tag) for tag in tags]
    return [hit.entry.id for hit in search.search(query, registry.all_codes(), languages, k)]


@pytest.mark.parametrize(
    ("query", "expected", "k"),
    [
        ("timeout", {"408", "504"}, 3),
        ("rate limit", {"429"}, 1),
        ("teapot", {"418"}, 1),
        ("not found", {"404"}, 1),
        ("payload too large", {"413"}, 1),
        ("request entity too large", {"413"}, 1),
        ("moved permanently", {"301"}, 1),
        ("gateway", {"502", "504"}, 3),
        ("cloudflare timeout", {"522-cloudflare", "524-cloudflare"}, 3),
        ("client closed request", {"499-nginx"}, 1),
        ("csrf", {"419-laravel"}, 1),
        ("404", {"404"}, 1),
        ("۴۰۴", {"404"}, 1),
    ],
)
def test_english_queries_find_the_right_codes(query: str, expected: set[str], k: int) -> None:
    assert expected <= set(top(query, k=k))


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("timout", "504"), ("gatway", "502"), ("unathorized", "401"), ("forbiden", "403")],
)
def test_a_typo_is_forgiven(typo: str, meant: str) -> None:
    assert meant in top(typo, k=3)


def test_exact_matches_rank_above_typo_matches() -> None:
    # "gone" is 410's name; "done" is one letter away and must not outrank it.
    assert top("gone", k=1) == ["410"]


def test_entries_matching_every_word_come_before_those_matching_some() -> None:
    hits = search.search("gateway timeout", registry.all_codes(), [i18n.load_texts("en")], limit=10)
    assert hits[0].entry.id == "504"
    completes = [hit.complete for hit in hits]
    assert completes == sorted(completes, reverse=True)


def test_ties_keep_code_order() -> None:
    hits = search.search("webdav", registry.all_codes(), [i18n.load_texts("en")], limit=50)
    for first, second in itertools.pairwise(hits):
        if first.score == second.score and first.complete == second.complete:
            assert first.entry.code <= second.entry.code


# (language, query, codes expected among the first k). Each language's words find codes in
# that language; accents, dotless i and letter forms are folded as in the English table above.
LANGUAGE_QUERIES = [
    ("tr", "zaman aşımı", {"408", "504"}, 2),
    ("tr", "zaman asimi", {"408", "504"}, 2),
    ("tr", "bulunamadı", {"404"}, 1),
    ("tr", "BULUNAMADI", {"404"}, 1),
    ("tr", "bulunamadi", {"404"}, 1),
    ("tr", "hız sınırı", {"429"}, 1),
    ("tr", "yetkisiz", {"401"}, 1),
    ("tr", "çaydanlık", {"418"}, 1),
    ("tr", "sunucu hatasi", {"500"}, 1),
    ("tr", "yetkisz", {"401"}, 1),  # a typo in Turkish too
    ("fr", "délai", {"408", "504"}, 3),
    ("fr", "delai", {"408", "504"}, 3),
    ("fr", "DÉLAI D'ATTENTE", {"408", "504"}, 2),
    ("fr", "introuvable", {"404"}, 1),
    ("fr", "limitation de débit", {"429"}, 1),
    ("fr", "passerelle", {"502", "504"}, 2),
    ("fr", "théière", {"418"}, 1),
    ("fr", "redirection permanente", {"301", "308"}, 2),
    ("fr", "passerele", {"502", "504"}, 2),  # a typo in French
    ("fa", "یافت نشد", {"404"}, 1),
    ("fa", "يافت نشد", {"404"}, 1),  # Arabic yeh, as an Arabic keyboard types it
    ("fa", "مهلت زمانی", {"408", "504"}, 2),
    ("fa", "محدودیت نرخ", {"429"}, 1),
    ("fa", "قوری", {"418"}, 1),
    ("fa", "دروازه", {"502", "504"}, 2),
    ("fa", "درخواست‌های بیش از حد", {"429"}, 1),
    ("fa", "درخواستهای بیش از حد", {"429"}, 1),  # the same, typed without the ZWNJ
    ("fa", "۴۲۹", {"429"}, 1),
]


@pytest.mark.parametrize(
    ("lang", "query", "expected", "k"),
    LANGUAGE_QUERIES,
    ids=[f"{lang}-{query}" for lang, query, _, _ in LANGUAGE_QUERIES],
)
def test_each_language_finds_codes_by_its_own_words(
    lang: str, query: str, expected: set[str], k: int
) -> None:
    assert expected <= set(top(query, lang=lang, k=k))


def test_an_english_query_works_whatever_the_interface_language() -> None:
    for lang in i18n.SUPPORTED:
        assert top("not found", lang=lang, k=1) == ["404"]


def test_all_languages_finds_a_word_from_another_language(run: Run) -> None:
    assert run("search", "bulunamadı", "--lang", "en").exit_code == 1
    found = run("search", "bulunamadı", "--lang", "en", "--all-languages")
    assert found.stdout.split("\t")[0] == "404"


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("DÉLAI", "delai"),
        ("BULUNAMADI", "bulunamadi"),
        ("bulunamadı", "bulunamadi"),
        ("İstek", "istek"),
        ("يافت", "یافت"),
        ("كد", "کد"),
        ("درخواست\u200cها", "درخواستها"),
        ("تـــاخیر", "تاخیر"),
        ("۴۲۹", "429"),
        ("٤٢٩", "429"),
    ],
)
def test_normalisation_unifies_what_readers_treat_as_one(variant: str, plain: str) -> None:
    assert normalised(variant) == normalised(plain)


@pytest.mark.parametrize(
    ("first", "second", "within"),
    [("timout", "timeout", 1), ("gatway", "gateway", 1), ("unathorized", "unauthorized", 1)],
)
def test_edit_distance_counts_a_swap_or_a_missing_letter_once(
    first: str, second: str, within: int
) -> None:
    assert search.edit_distance(first, second, 2) == within


def test_short_words_forgive_no_typos() -> None:
    assert search.typo_budget("gon") == 0
    assert search.typo_budget("gone") == 1
    assert search.typo_budget("unauthorized") == 2


def test_marks_point_at_the_matched_words_in_the_original_text() -> None:
    text = "Délai d'attente dépassé"
    spans = search.marks(text, "delai")
    assert [text[a:b] for a, b in spans] == ["Délai"]


def test_search_command_json_adds_score_and_matched(run: Run) -> None:
    result = run("search", "rate", "limit", "--format", "json")
    assert result.exit_code == 0
    first = json.loads(result.stdout)["codes"][0]
    assert first["code"] == 429
    assert first["score"] > 0
    assert {"name", "summary"} & set(first["matched"])


def test_limit_caps_the_number_of_results(run: Run) -> None:
    result = run("search", "request", "--limit", "3", "--format", "plain")
    assert len(result.stdout.splitlines()) == 3


def test_no_hit_exits_1_with_one_line_and_a_hint(run: Run) -> None:
    result = run("search", "qqqqzzzz")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == "Error: no code matches qqqqzzzz; to see every code: hsc list"


def test_a_misspelling_with_no_hit_suggests_a_word(run: Run) -> None:
    result = run("search", "taepoy")
    assert result.exit_code == 1
    assert "did you mean teapot?" in result.stderr


def test_no_guess_from_a_short_word(run: Run) -> None:
    result = run("search", "xqz")
    assert result.exit_code == 1
    assert "did you mean" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "query", "tag"),
    [
        ("en", "délai", "fr"),
        ("en", "zaman aşımı", "tr"),
        ("en", "یافت نشد", "fa"),
        ("fr", "bulunamadı", "tr"),
        ("tr", "délai", "fr"),
    ],
)
def test_words_of_another_language_say_which_one(run: Run, lang: str, query: str, tag: str) -> None:
    for argv in (("search", query), (query,), ("explain", query)):
        result = run(*argv, "--lang", lang)
        assert result.exit_code == 1
        assert f"--lang {tag}" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert run("search", query, "--lang", tag).exit_code == 0


def test_persian_errors_join_their_hint_with_the_arabic_semicolon(run: Run) -> None:
    result = run("search", "qqqqzzzz", "--lang", "fa")
    assert "\u061b " in result.stderr and "; " not in result.stderr


def test_bare_words_use_the_same_engine(run: Run) -> None:
    assert run("gatway", "--format", "plain").stdout.split("\t")[0] in {"502", "504"}


def test_the_table_underlines_what_matched(run: Run) -> None:
    result = run("search", "teapot", "--format", "table", "--color", env={"COLUMNS": "120"})
    # The matched word, and only it, carries the underline attribute (SGR 4), alone or
    # combined with bold.
    underlined = re.findall(r"\x1b\[(?:[0-9]+;)*4m([^\x1b]*)", result.stdout)
    assert underlined == ["teapot"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_string_as_a_query_never_raises(query: str) -> None:
    languages = [i18n.load_texts(tag) for tag in i18n.SUPPORTED]
    hits = search.search(query, registry.all_codes(), languages, limit=5)
    assert len(hits) <= 5
    search.marks(query, query)


@pytest.mark.parametrize(
    "query",
    ["timeout", "timout", "gatway", "not found", "418", "csrf", "webdav lock", "délai", "yetkisz"]
    + [query for _, query, _, _ in LANGUAGE_QUERIES],
)
def test_the_cheap_pass_never_drops_an_entry_that_would_score(query: str) -> None:
    languages = [i18n.load_texts(tag) for tag in i18n.SUPPORTED]
    terms = list(dict.fromkeys(words(query)))
    every = {
        entry.id
        for entry in registry.all_codes()
        if search.score(search.document(entry, languages), terms, " ".join(terms))
    }
    found = {hit.entry.id for hit in search.search(query, registry.all_codes(), languages, 0)}
    assert found == every


def test_the_code_is_reported_as_matched_only_when_the_query_names_it() -> None:
    english = [i18n.load_texts("en")]
    by_name = search.search("request timeout", registry.all_codes(), english)[0]
    assert by_name.entry.code == 408 and by_name.matched == ("name", "summary", "explanation")
    by_number = search.search("408 timeout", registry.all_codes(), english)[0]
    assert by_number.entry.code == 408 and by_number.matched == ("code", "name")
