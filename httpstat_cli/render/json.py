"""The JSON contract (schema_version 1): stable keys, registered phrases never translated."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from httpstat_cli.render import RowsOnly, write
from httpstat_cli.views import CodeView, LanguageView

if TYPE_CHECKING:
    from httpstat_cli.explain import ClassStory, CodeStory, Item, Section, Story
    from httpstat_cli.i18n import Texts
    from httpstat_cli.intake.tally import Tally
    from httpstat_cli.render import Cut  # explain loads only for hsc explain
    from httpstat_cli.render.reading import Response

SCHEMA_VERSION = 1


def code_record(view: CodeView, lang: str = "en") -> dict[str, Any]:
    from httpstat_cli import constants, links

    entry = view.entry
    mdn = links.mdn(entry, lang)
    record: dict[str, Any] = {
        "id": entry.id,
        "code": entry.code,
        "phrase": entry.phrase,
        "class": entry.code_class,
        "status": entry.status,
        "vendor": entry.vendor,
        "source": {
            "document": entry.source.document,
            "section": entry.source.section,
            "url": entry.source.url,
        },
        "former_phrases": list(entry.former_phrases),
        "python_name": entry.python_name,
        "constants": constants.primary(entry),
        "links": {
            "specification": entry.source.url,
            "mdn": mdn.url if mdn else None,
            "mdn_locale": mdn.locale if mdn else None,
        },
        "cacheable": entry.cacheable,
        "cache": entry.cache,
        "headers": [
            {"name": header.name, "requirement": header.requirement, "when": header.when}
            for header in entry.headers
        ],
        "related": list(entry.related),
        "verification": entry.verification,
        "phrase_is_ours": entry.phrase_is_ours,
        "title": view.title,
        "summary": view.summary,
    }
    if view.score is not None:
        record["score"] = round(view.score, 2)
        record["matched"] = list(view.matched)
        record["matched_name"] = view.matched_name
    return record


def dump(document: dict[str, Any], ascii_only: bool = False) -> str:
    """UTF-8 as is; escaped (``\\u0641``) when stdout cannot encode it, so nothing is lost."""
    return json.dumps(document, ensure_ascii=ascii_only, indent=2)


def codes(views: Iterable[CodeView], lang: str, ascii_only: bool = False) -> str:
    return dump(
        {
            "schema_version": SCHEMA_VERSION,
            "lang": lang,
            "codes": [code_record(view, lang) for view in views],
        },
        ascii_only,
    )


def lines(views: Iterable[CodeView], lang: str, ascii_only: bool = False) -> str:
    """JSON lines: one code object per line, as ``codes`` holds them, for tools that load
    records one by one (DuckDB, ClickHouse, BigQuery, jq -c)."""
    return "\n".join(
        json.dumps(code_record(view, lang), ensure_ascii=ascii_only, separators=(",", ":"))
        for view in views
    )


def languages(views: Iterable[LanguageView], ascii_only: bool = False) -> str:
    return dump(
        {
            "schema_version": SCHEMA_VERSION,
            "languages": [
                {
                    "tag": view.tag,
                    "name": view.name,
                    "native_name": view.native_name,
                    "direction": view.direction,
                    "completeness": round(view.completeness, 4),
                }
                for view in views
            ],
        },
        ascii_only,
    )


def story_record(story: CodeStory | ClassStory, lang: str = "en") -> dict[str, Any]:
    from httpstat_cli.explain import ClassStory

    if isinstance(story, ClassStory):
        return {
            "class": story.code_class,
            "name": story.name,
            "description": story.description,
            "codes": [code_record(view, lang) for view in story.members],
        }
    record = code_record(story.view, lang)
    sections = {section.key: section for section in story.sections}
    record["explanation"] = _text(sections, "explanation")
    record["client"] = _text(sections, "client")
    record["causes"] = [item.text for item in _items(sections, "causes")]
    record["fixes"] = [item.text for item in _items(sections, "fixes")]
    record["retry"] = {"policy": story.view.entry.retry, "text": _text(sections, "retry")}
    record["caching"] = _text(sections, "caching")
    record["confused_with"] = [
        {"id": item.entry.id, "code": item.entry.code, "title": item.title, "difference": item.text}
        for item in _items(sections, "confused_with")
        if item.entry is not None
    ]
    if story.view.entry.vendor:
        record["client_receives"] = story.view.entry.client_receives
        record["third_party_only"] = story.view.entry.third_party_only
    return record


def _text(sections: dict[str, Section], key: str) -> str:
    return sections[key].text if key in sections else ""


def _items(sections: dict[str, Section], key: str) -> tuple[Item, ...]:
    return sections[key].items if key in sections else ()


def stories(items: Iterable[CodeStory | ClassStory], lang: str, ascii_only: bool = False) -> str:
    """Codes explained under ``codes`` (lookup objects, enriched), classes under ``classes``."""
    from httpstat_cli.explain import ClassStory, CodeStory

    items = list(items)
    return dump(
        {
            "schema_version": SCHEMA_VERSION,
            "lang": lang,
            "codes": [story_record(s, lang) for s in items if isinstance(s, CodeStory)],
            "classes": [story_record(s, lang) for s in items if isinstance(s, ClassStory)],
        },
        ascii_only,
    )


def _utf8(stream: IO[str]) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    return encoding in ("utf8", "utf8sig")


class JsonRenderer:
    """The JSON contract on a stream: escaped (``\\u0641``) where the stream is not UTF-8."""

    def __init__(self, texts: Texts, stream: IO[str]) -> None:
        self.texts = texts
        self.lang = texts.lang
        self.stream = stream
        self.ascii_only = not _utf8(stream)

    def codes(self, views: Sequence[CodeView]) -> None:
        write(self.stream, codes(views, self.lang, self.ascii_only))

    def listing(self, views: Sequence[CodeView]) -> None:
        self.codes(views)

    def hits(self, views: Sequence[CodeView], query: str, cut: Cut | None = None) -> None:
        self.codes(views)

    def stories(self, told: Sequence[Story]) -> None:
        write(self.stream, stories(told, self.lang, self.ascii_only))

    def languages(self, views: Sequence[LanguageView]) -> None:
        write(self.stream, languages(views, self.ascii_only))

    def check(self, responses: Sequence[Response]) -> None:
        from httpstat_cli.render import reading

        write(self.stream, reading.check_json(responses, self.texts, self.ascii_only))

    def tally(self, counted: Tally, inputs: Sequence[dict[str, Any]]) -> None:
        from httpstat_cli.render import reading

        write(self.stream, reading.tally_json(counted, inputs, self.texts, self.ascii_only))


class JsonLinesRenderer(RowsOnly):
    """Rows of codes as JSON lines; there are no rows in a story or the language list."""

    format_name = "jsonl"

    def __init__(self, texts: Texts, stream: IO[str]) -> None:
        self.lang = texts.lang
        self.stream = stream
        self.ascii_only = not _utf8(stream)

    def codes(self, views: Sequence[CodeView]) -> None:
        if views:
            write(self.stream, lines(views, self.lang, self.ascii_only))
