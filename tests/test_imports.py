"""Import discipline: what a command loads is what it pays for at start-up, on every run and
every TAB. Asserted as modules and files, never as time (benchmarks/startup.py measures that)."""

import json
import os
import subprocess
import sys

import pytest

from httpstat_cli import i18n

# Runs one command line in a fresh interpreter and reports the top-level modules it imported
# and the locale files it opened (seen through the interpreter's audit hook).
PROBE = """
import json, os, sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0]))
                 if event == "open" and str(args[0]).endswith(".json") else None)
from httpstat_cli.cli import main
try:
    main(json.loads(sys.argv[1]))
except SystemExit:
    pass
print(json.dumps({
    "modules": sorted({name.split(".")[0] for name in sys.modules}),
    "submodules": sorted(name for name in sys.modules if name.startswith("httpstat_cli")),
    "locales": sorted(os.path.basename(p) for p in opened if "locales" in p),
    "data": sorted(os.path.basename(p) for p in opened if os.sep + "data" + os.sep in p),
}), file=sys.stderr)
"""


def probe(argv: list[str], **env: str) -> dict[str, list[str]]:
    neutral = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "HSC_"))}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        env={**neutral, "COLUMNS": "80", **env},
        check=False,
    )
    report: dict[str, list[str]] = json.loads(done.stderr.strip().splitlines()[-1])
    return report


@pytest.mark.parametrize(
    "argv",
    [
        ["418"],
        ["418", "--format", "json"],
        ["lookup", "4xx", "--format", "plain"],
        ["list", "--format", "plain"],
        ["search", "timeout", "--format", "plain"],
        ["explain", "503", "--format", "plain"],
        ["explain", "503", "--format", "json"],
    ],
)
def test_plain_and_json_never_import_rich(argv: list[str]) -> None:
    assert "rich" not in probe(argv)["modules"]


def test_a_table_does_import_rich() -> None:
    # The other side of the rule, so that the probe itself is known to see rich.
    assert "rich" in probe(["418", "--format", "table"])["modules"]


def test_a_completion_request_imports_neither_rich_nor_search() -> None:
    report = probe([], _HSC_COMPLETE="bash_complete", COMP_WORDS="hsc 41", COMP_CWORD="1")
    assert "rich" not in report["modules"]
    assert "httpstat_cli.search" not in report["submodules"]
    assert report["locales"] == ["en.json"]


def test_a_code_lookup_does_not_build_the_search_engine() -> None:
    assert "httpstat_cli.search" not in probe(["418"])["submodules"]


@pytest.mark.parametrize("lang", i18n.SUPPORTED)
def test_a_lookup_opens_its_language_and_english_only(lang: str) -> None:
    report = probe(["418", "--lang", lang])
    assert report["locales"] == sorted({f"{lang}.json", "en.json"})
    report = probe(["418"], LANG=f"{lang}_XX.UTF-8")
    assert report["locales"] == sorted({f"{lang}.json", "en.json"})


def test_bidi_machinery_loads_only_for_right_to_left_output() -> None:
    english = probe(["418", "--format", "table", "--bidi"])["modules"]
    assert "bidi" not in english and "arabic_reshaper" not in english
    if "fa" in i18n.SUPPORTED:
        persian = probe(["418", "--format", "table", "--bidi", "--lang", "fa"])["modules"]
        assert "bidi" in persian and "arabic_reshaper" in persian
        logical = probe(["418", "--format", "plain", "--lang", "fa"])["modules"]
        assert "bidi" not in logical


RENDERERS = {"httpstat_cli.render.table", "httpstat_cli.render.plain", "httpstat_cli.render.json"}


@pytest.mark.parametrize("fmt", ["table", "plain", "json"])
def test_a_run_loads_the_renderer_of_its_format_and_no_other(fmt: str) -> None:
    loaded = set(probe(["418", "--format", fmt])["submodules"]) & RENDERERS
    assert loaded == {f"httpstat_cli.render.{fmt}"}


def test_a_plain_lookup_loads_neither_explain_nor_search() -> None:
    loaded = probe(["418", "--format", "plain"])["submodules"]
    assert "httpstat_cli.explain" not in loaded and "httpstat_cli.search" not in loaded


def test_completing_a_constant_name_imports_neither_rich_nor_search() -> None:
    report = probe([], _HSC_COMPLETE="bash_complete", COMP_WORDS="hsc StatusTo", COMP_CWORD="1")
    assert "rich" not in report["modules"]
    assert "httpstat_cli.search" not in report["submodules"]
    assert "constants.json" in report["data"]  # the probe does see the names being read


@pytest.mark.parametrize("fmt", ["plain", "table"])
def test_a_lookup_by_number_reads_no_constant_names_or_links(fmt: str) -> None:
    """The names of ten stacks and MDN's pages are read only by commands that show or match
    them (JSON, explain, a name or a search)."""
    assert probe(["418", "--format", fmt])["data"] == ["codes.json"]
