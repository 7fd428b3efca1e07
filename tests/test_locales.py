"""Every locale holds exactly English's texts, for every entry, with the same placeholders."""

import json
import string
from pathlib import Path
from typing import Any

import pytest

from httpstat_cli import i18n, registry

LOCALE_DIR = Path(i18n.locale_dir())
LOCALE_FILES = sorted(LOCALE_DIR.glob("*.json"))
ENGLISH = json.loads((LOCALE_DIR / "en.json").read_text(encoding="utf-8"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("path", LOCALE_FILES, ids=lambda p: p.name)
def test_locale_has_exactly_the_keys_of_english(path: Path) -> None:
    keys = i18n.leaf_keys(load(path))
    reference = i18n.leaf_keys(ENGLISH)
    assert sorted(reference - keys) == [], f"{path.name} misses these keys"
    assert sorted(keys - reference) == [], f"{path.name} has keys English lacks"


@pytest.mark.parametrize("path", LOCALE_FILES, ids=lambda p: p.name)
def test_interface_strings_keep_their_placeholders(path: Path) -> None:
    ui = load(path)["ui"]
    for key, template in ENGLISH["ui"].items():
        assert placeholders(ui[key]) == placeholders(template), f"{path.name}: ui.{key}"


@pytest.mark.parametrize("path", LOCALE_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("section", ["help", "display"])
def test_help_and_display_texts_keep_their_placeholders(path: Path, section: str) -> None:
    data = load(path)
    for key in sorted(i18n.leaf_keys(ENGLISH[section])):
        mine, theirs = ENGLISH[section], data[section]
        for part in key.split("."):
            mine, theirs = mine[part], theirs[part]
        assert placeholders(theirs) == placeholders(mine), f"{path.name}: {section}.{key}"


@pytest.mark.parametrize("path", LOCALE_FILES, ids=lambda p: p.name)
def test_every_entry_has_its_texts(path: Path) -> None:
    codes = load(path)["codes"]
    for entry in registry.all_codes():
        texts = codes[entry.id]
        for field in ("title", "summary", "explanation", "client"):
            assert isinstance(texts[field], str) and texts[field].strip(), (entry.id, field)
        assert "\n" not in texts["summary"], entry.id
        has_causes = entry.code >= 400
        for field in ("causes", "fixes"):
            assert (field in texts) == has_causes, (entry.id, field)
            if has_causes:
                assert texts[field] and all(item.strip() for item in texts[field])
        assert isinstance(texts["aliases"], list)


@pytest.mark.parametrize("path", LOCALE_FILES, ids=lambda p: p.name)
def test_class_names_and_retry_advice_are_complete(path: Path) -> None:
    data = load(path)
    assert set(data["classes"]) == set(registry.CLASSES)
    assert set(data["retry"]) == set(registry.RETRY_POLICIES)


def test_every_confusion_in_the_facts_has_a_sentence() -> None:
    texts = i18n.load_texts("en")
    for entry in registry.all_codes():
        for other in entry.confused_with:
            assert texts.confusion(entry.id, other), (entry.id, other)


def test_texts_carry_no_markup() -> None:
    flat = json.dumps(ENGLISH["codes"], ensure_ascii=False)
    assert "[/" not in flat and "**" not in flat and "`" not in flat
