"""hsc's JSON reader agrees with the json package on every shipped file and on bad input."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from httpstat_cli import i18n, jsontext, registry

SHIPPED = [Path(registry.DATA_FILE), *sorted(Path(i18n.locale_dir()).glob("*.json"))]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_files_read_as_the_json_package_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert jsontext.loads(text) == json.loads(text)


@pytest.mark.parametrize(
    "text", ["", "{", '{"a": }', "[1, 2", '{"a": 1} x', "NaN", '"tab\there"', "{'a': 1}"]
)
def test_bad_json_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        jsontext.loads(text)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


@given(json_values)
def test_any_value_round_trips(value: object) -> None:
    assert jsontext.loads(json.dumps(value, ensure_ascii=False, indent=1)) == value


@given(json_values, st.booleans())
def test_writing_matches_the_json_package(value: object, ascii_only: bool) -> None:
    expected = json.dumps(value, ensure_ascii=ascii_only, indent=2)
    assert jsontext.dumps(value, ensure_ascii=ascii_only) == expected


def test_tuples_are_written_as_lists_and_other_objects_refused() -> None:
    assert (
        jsontext.dumps({"a": (1, "ı")}, ensure_ascii=False)
        == '{\n  "a": [\n    1,\n    "ı"\n  ]\n}'
    )
    with pytest.raises(TypeError):
        jsontext.dumps({"a": object()})
