"""The table renderer's word wrap: widths in terminal cells of grapheme clusters, and a line
never ends inside a cluster (an emoji sequence, a letter and its marks, a wide character)."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from httpstat_cli.render import table
from tests.conftest import Run

# Whole grapheme clusters: Latin, Turkish and French letters (one precomposed, one with a
# combining accent), CJK, Persian with a non-joiner, emoji alone, with VS16, a skin tone, and a
# ZWJ family; then the separators a text may hold.
CLUSTERS = [
    "a", "b", "ı", "ş", "é", "e\u0301", "o\u0308\u0301", "中", "文", "ۀ", "ی\u200c",
    "👍", "👍🏽", "❤️", "✔️", "👨\u200d👩\u200d👧", "🧑\u200d💻", "\xa0",
]  # fmt: skip
SEPARATORS = [" ", "\n"]
# Single characters of the same kinds, loose, so that marks and joiners land anywhere.
CHARACTERS = "ab ı şé\xa0\n\u0301\u200c\u200d\ufe0f中文ۀ-👍❤👨👩🏽"

clusters = st.lists(st.sampled_from(CLUSTERS + SEPARATORS), max_size=40)
widths = st.integers(1, 14)


def lines_of(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end, _ in table.wrap(text, width)]


@settings(max_examples=300, deadline=None)
@given(clusters, widths)
def test_no_line_is_wider_than_the_width_unless_it_holds_one_cluster(
    parts: list[str], width: int
) -> None:
    for line in lines_of("".join(parts), width):
        assert cell_len(line) <= width or line in CLUSTERS


@settings(max_examples=300, deadline=None)
@given(clusters, widths)
def test_a_line_never_ends_inside_a_grapheme_cluster(parts: list[str], width: int) -> None:
    text = "".join(parts)
    boundaries = {0, *(len("".join(parts[: index + 1])) for index in range(len(parts)))}
    for start, end, _ in table.wrap(text, width):
        assert start in boundaries and end in boundaries


@settings(max_examples=300, deadline=None)
@given(clusters, widths)
def test_each_line_reports_the_cells_it_takes(parts: list[str], width: int) -> None:
    text = "".join(parts)
    for start, end, cells in table.wrap(text, width):
        assert cells == cell_len(text[start:end])


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(CHARACTERS), max_size=60), widths)
def test_any_text_wraps_within_its_width_and_loses_nothing_but_spaces(
    text: str, width: int
) -> None:
    lines = lines_of(text, width)
    # a line is wider only when it holds a single cluster wider than the width
    assert all(cell_len(line) <= max(width, 2) for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_words_wrap_at_spaces_and_only_a_word_longer_than_a_line_is_cut() -> None:
    assert lines_of("one two three", 7) == ["one two", "three"]
    assert lines_of("a abcdefgh", 4) == ["a", "abcd", "efgh"]
    assert lines_of("❤️❤️❤️ timeout", 6) == ["❤️❤️❤️", "timeou", "t"]


@pytest.mark.parametrize(
    "query", ["❤️❤️❤️ timeout", "👨\u200d👩\u200d👧" * 11 + " timeout"], ids=["hearts", "families"]
)
@pytest.mark.parametrize("width", ["20", "40", "80"])
def test_an_emoji_query_stays_within_a_narrow_terminal(run: Run, query: str, width: str) -> None:
    result = run("search", query, "--format", "table", env={"COLUMNS": width})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(map(cell_len, lines)) <= int(width)
    family = "👨\u200d👩\u200d👧"
    if family in query:  # every family whole: as many on the lines as in the query
        assert sum(line.count(family) for line in lines) == query.count(family)


def test_a_constant_name_too_long_for_its_column_breaks_after_an_underscore(run: Run) -> None:
    shown = run(
        "413", "--stack", "symfony", "--format", "table", "--no-color", env={"COLUMNS": "100"}
    ).stdout.splitlines()
    cells = [re.split(r"\s{2,}", line.strip()) for line in shown[2:4]]
    assert "HTTP_REQUEST_" in cells[0] and "ENTITY_TOO_LARGE" in cells[1]
