"""French: chosen from the environment, complete, with French typography in human output."""

import json
import unicodedata

import pytest
from rich.cells import cell_len

from httpstat_cli import i18n
from httpstat_cli.render import table
from tests.conftest import Run

FR = i18n.load_texts("fr")
NBSP = "\u00a0"


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "fr_FR.UTF-8"},
        {"LC_ALL": "fr_CA.UTF-8@euro"},
        {"LANGUAGE": "fr:en", "LANG": "de_DE"},
    ],
)
def test_the_environment_selects_french(run: Run, env: dict[str, str]) -> None:
    record = json.loads(run("404", "--format", "json", env=env).stdout)
    assert (record["lang"], record["codes"][0]["title"]) == ("fr", "Introuvable")
    assert record["codes"][0]["phrase"] == "Not Found"


def test_list_of_a_class_in_french(run: Run) -> None:
    table = run("list", "4xx", "--lang", "fr", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert FR.ui("col_summary") in table and "Trop de requêtes" in table
    assert table.startswith(f"4xx  {FR.class_name('4xx')}{NBSP}: ")  # the heading too


def test_explain_in_french_sets_non_breaking_spaces_before_colons(run: Run) -> None:
    table = run("explain", "401", "--lang", "fr", "--format", "table", env={"COLUMNS": "100"})
    assert f"Libellé enregistré{NBSP}: Unauthorized" in table.stdout
    assert f"WWW-Authenticate{NBSP}: doit être envoyé (MUST)" in table.stdout
    assert " :" not in table.stdout.replace(NBSP + ":", "")  # no ordinary space left before ':'


def test_json_keeps_the_ordinary_spaces_the_locale_file_holds(run: Run) -> None:
    record = json.loads(run("explain", "412", "--lang", "fr", "--format", "json").stdout)
    assert NBSP not in json.dumps(record, ensure_ascii=False)
    assert "« seulement si" in record["codes"][0]["explanation"]


def test_errors_are_in_french(run: Run) -> None:
    result = run("299", "--lang", "fr")
    assert (result.exit_code, result.stderr.strip()) == (1, "Erreur : aucun résultat pour 299")


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["--lang", "fr", "--format", "xml", "418"],
            "Erreur : valeur invalide pour --format : xml",
        ),
        (["--lang", "fr", "--bogus"], "Erreur : option inconnue : --bogus"),
        (["search", "x", "--limit", "0", "--lang", "fr"], "Erreur : --limit doit être un nombre"),
        (["--lang=tr", "completion", "ksh"], "Hata: ksh adlı kabuk bilinmiyor"),
    ],
)
def test_usage_errors_from_the_parser_are_translated_too(
    run: Run, argv: list[str], line: str
) -> None:
    result = run(*argv)
    assert result.exit_code == 2
    assert result.stderr.startswith(line) and result.stderr.count("\n") == 1


@pytest.mark.parametrize("flag", ["fr", "fr-CA", "fr_BE", "FR"])
def test_the_flag_selects_french_with_any_region(run: Run, flag: str) -> None:
    assert json.loads(run("503", "--lang", flag, "--format", "json").stdout)["lang"] == "fr"


def test_accented_titles_line_up_in_the_table(run: Run) -> None:
    table = run("list", "4xx", "--lang", "fr", "--format", "table", env={"COLUMNS": "160"}).stdout
    starts = set()
    for line in table.splitlines():
        for code in ("408", "412", "413", "429", "504"):
            if line.startswith(code + "  "):  # a row, not a heading that names the code
                summary = FR.code_text(code, "summary")[:12]
                starts.add(cell_len(line[: line.index(summary)]))
    assert len(starts) == 1  # every summary starts in the same terminal column


def test_combining_accents_take_no_extra_cell() -> None:
    composed = "Délai d'attente dépassé"
    decomposed = unicodedata.normalize("NFD", composed)
    assert len(decomposed) > len(composed)
    assert table.cell_len(decomposed) == table.cell_len(composed) == len(composed)
