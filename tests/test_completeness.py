"""Nothing reaches a Turkish, French or Persian reader in English: help pages, tables, explain
panels and error messages are run in each language and searched for words that only the
English texts (or click's own) use. Facts stay as they are: registered phrases, vendor
product names, documents, header names, URLs and each stack's constants are taken out first."""

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from httpstat_cli import constants, i18n, registry
from httpstat_cli.cli import cli
from tests.conftest import invoke

WORD = re.compile(r"[A-Za-z][A-Za-z'’]{3,}")
URL = re.compile(r"https?://\S+")
# click's own words, which an untranslated help page or error would show.
CLICK_WORDS = {"usage", "options", "commands", "message", "missing", "invalid", "such", "try"}


def _strings(node: Any, skip: frozenset[str] = frozenset()) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, skip)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in skip:
                yield from _strings(value, skip)


def _translated(node: Any, english: Any) -> Iterator[str]:
    """The texts of a locale tree that differ from English's at the same place; no aliases."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "aliases":
                yield from _translated(
                    value, english.get(key) if isinstance(english, dict) else None
                )
    elif node != english:
        yield from _strings(node)


def _words(texts: Iterator[str]) -> set[str]:
    return {word.lower() for text in texts for word in WORD.findall(URL.sub(" ", text))}


@cache
def english_only_words(lang: str) -> frozenset[str]:
    """Words of the English texts that the other language's translations never use: those that
    a translation keeps (table, json, README, Retry-After) are technical tokens, not English.
    A text left as in English counts for nothing: its words stay English."""
    english = i18n.read_locale("en")
    theirs = _words(_translated(i18n.read_locale(lang), english))
    # A table wraps a registered phrase or a document name over lines, even inside a word
    # (draft-ietf-httpbis-resum|able-upload), where the facts are no longer found whole: their
    # words, and the tails of those words, count as facts wherever they are.
    fact_words = {word[start:] for word in _words(iter(facts())) for start in range(len(word))}
    mine = _words(_strings(english, frozenset({"aliases"}))) | CLICK_WORDS
    return frozenset(mine - theirs - fact_words)


@cache
def facts() -> tuple[str, ...]:
    """Strings shown as they are in every language, longest first."""
    found: set[str] = {*registry.CLASSES, *cli.commands, "MDN Web Docs"}
    found |= {str(i18n.read_locale(tag)["meta"]["native_name"]) for tag in i18n.SUPPORTED}
    for entry in registry.all_codes():
        for stack, names in constants.names(entry).items():
            found |= {constants.in_code(stack, name, entry.code) for name in names}
        found |= {entry.phrase, *entry.former_phrases, entry.source.document}
        found |= {entry.source.section} if entry.source.section else set()
        found |= {header.name for header in entry.headers}
        if entry.vendor and i18n.load_texts("tr").vendor(entry.vendor) == entry.vendor:
            found.add(entry.vendor)  # a product name; descriptions ("WebDAV draft") translate
    return tuple(sorted(found, key=len, reverse=True))


# What the reader types: options (--format), commands, and the examples' query words.
TYPED = re.compile(r"(?<![\w-])--?[\w-]+|\bhsc( \w+)?|\b(teapot|timeout)\b")


def without_facts(text: str) -> str:
    text = URL.sub(" ", text)
    for fact in facts():
        text = text.replace(fact, " ")
    return TYPED.sub(" ", text)


EVERY_CODE = [entry.id.split("-")[0] for entry in registry.all_codes()]
RUNS: list[list[str]] = [
    ["-h"],
    *[[command, "-h"] for command in sorted(cli.commands)],
    ["--format", "table", *dict.fromkeys(EVERY_CODE)],
    ["list", "--format", "table"],
    ["search", "--format", "table", "timeout"],
    ["explain", "--format", "table", *dict.fromkeys(EVERY_CODE)],
    ["explain", "--format", "table", *registry.CLASSES],
    ["languages", "--format", "table"],
    ["search", "--bogus", "x"],
    ["search"],
    ["search", "x", "--limit"],
    ["search", "x", "--limit", "0"],
    ["languages", "x"],
    ["404", "--format", "x"],
    ["completion", "ksh"],
    ["999"],
    ["4xy"],
    ["410-400"],
    ["zzzzqqq"],
    ["search", "zzzzqqq"],
    ["help", "search"],
    ["langs"],
    ["seach"],
    ["explain", "--format", "table", "timeout"],
    ["tally", "--bogus"],
    ["tally", "/nonexistent/access.log"],
    ["check", "/nonexistent/head.txt"],
]


@pytest.mark.parametrize("lang", ["tr", "fr", "fa"])
def test_no_english_word_reaches_a_reader_of_another_language(lang: str) -> None:
    english = english_only_words(lang)
    leaks: dict[str, set[str]] = {}
    for args in RUNS:
        environment = {"HSC_LANG": lang, "HSC_BIDI": "off", "COLUMNS": "1000"}
        result = invoke(*args, env=environment)
        seen = _words(iter([without_facts(result.stdout + result.stderr)]))
        if seen & english:
            leaks[" ".join(args[:3])] = seen & english
    assert leaks == {}


def test_the_check_finds_english_when_it_is_there() -> None:
    english = english_only_words("fr")
    page = invoke("search", "-h", env={"HSC_LANG": "en"}).stdout
    assert _words(iter([without_facts(page)])) & english
    unknown = invoke("search", "--bogus", "x", env={"HSC_LANG": "en"}).stderr
    assert {"such", "option"} & _words(iter([unknown])) & english


def test_the_words_list_holds_the_interface_and_clicks_words() -> None:
    english = english_only_words("tr")
    assert {"usage", "options", "commands", "missing", "unofficial", "obsolete", "such"} <= english
    assert "json" not in english and "table" not in english  # kept by every translation
    assert json.dumps(sorted(english))  # a plain list of words, for the failure message
