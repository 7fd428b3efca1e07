"""The registry taken elsewhere: CSV with a header row and JSON lines, titles in the chosen
language, the same records as the JSON contract."""

import csv
import io
import json

import pytest

from httpstat_cli.render.csv import COLUMNS
from tests.conftest import Run


def json_codes(run: Run, *args: str) -> list[dict[str, object]]:
    records: list[dict[str, object]] = json.loads(run(*args, "--format", "json").stdout)["codes"]
    return records


def test_csv_has_a_header_row_then_one_row_per_entry(run: Run) -> None:
    result = run("list", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) - 1 == len(json_codes(run, "list"))


@pytest.mark.parametrize("lang", ["en", "tr", "fr", "fa"])
def test_csv_round_trips_to_the_json_records(run: Run, lang: str) -> None:
    text = run("list", "4xx", "--format", "csv", "--lang", lang).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    records = json_codes(run, "list", "4xx", "--lang", lang)
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    for row, record in zip(rows, records, strict=True):
        assert int(row["code"]) == record["code"]
        assert row["phrase"] == record["phrase"]
        assert row["title"] == record["title"]  # in the chosen language
        assert row["summary"] == record["summary"]
        assert row["vendor"] == (record["vendor"] or "")


def test_csv_titles_follow_the_language(run: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(run("404", "--format", "csv", "--lang", "tr").stdout)))
    assert rows[0]["phrase"] == "Not Found" and rows[0]["title"] == "Bulunamadı"


def test_jsonl_is_one_json_record_per_line_equal_to_the_json_codes(run: Run) -> None:
    lines = run("list", "--format", "jsonl", "--lang", "fr").stdout.splitlines()
    assert [json.loads(line) for line in lines] == json_codes(run, "list", "--lang", "fr")


def test_search_and_lookup_export_too(run: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(run("search", "timeout", "--format", "csv").stdout)))
    assert rows and rows[0]["code"] == "408"
    assert json.loads(run("418", "--format", "jsonl").stdout)["code"] == 418


@pytest.mark.parametrize("command", [["explain", "404"], ["languages"]])
def test_row_formats_are_refused_where_there_are_no_rows(run: Run, command: list[str]) -> None:
    result = run(*command, "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "csv" in result.stderr
