"""The JSON contract (schema_version 1): stable keys, registered phrases never translated."""

import json
from collections.abc import Iterable
from typing import Any

from httpstat_cli.views import CodeView, LanguageView

SCHEMA_VERSION = 1


def code_record(view: CodeView) -> dict[str, Any]:
    entry = view.entry
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
        "python_name": entry.python_name,
        "cacheable": entry.cacheable,
        "headers": [{"name": h.name, "requirement": h.requirement} for h in entry.headers],
        "related": list(entry.related),
        "title": view.title,
        "summary": view.summary,
    }
    if view.score is not None:
        record["score"] = round(view.score, 2)
        record["matched"] = list(view.matched)
    return record


def dump(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def codes(views: Iterable[CodeView], lang: str) -> str:
    return dump(
        {
            "schema_version": SCHEMA_VERSION,
            "lang": lang,
            "codes": [code_record(view) for view in views],
        }
    )


def languages(views: Iterable[LanguageView]) -> str:
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
        }
    )
