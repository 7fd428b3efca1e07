"""What the renderers show: registry entries joined with their texts in one language."""

from collections.abc import Iterable
from typing import NamedTuple

from httpstat_cli import i18n
from httpstat_cli.i18n import Texts
from httpstat_cli.registry import StatusCode


class CodeView(NamedTuple):
    entry: StatusCode
    title: str
    summary: str
    class_name: str
    score: float | None = None
    matched: tuple[str, ...] = ()
    title_marks: tuple[tuple[int, int], ...] = ()
    summary_marks: tuple[tuple[int, int], ...] = ()


def code_view(entry: StatusCode, texts: Texts) -> CodeView:
    return CodeView(
        entry=entry,
        title=texts.code_text(entry.id, "title") or entry.phrase,
        summary=texts.code_text(entry.id, "summary"),
        class_name=texts.class_name(entry.code_class),
    )


def code_views(entries: Iterable[StatusCode], texts: Texts) -> list[CodeView]:
    return [code_view(entry, texts) for entry in entries]


def source_label(entry: StatusCode) -> str:
    """``RFC 9110 §15.5.5`` for a registered code, the vendor's name otherwise."""
    if entry.vendor:
        return entry.vendor
    if entry.source.section:
        return f"{entry.source.document} §{entry.source.section}"
    return entry.source.document


class LanguageView(NamedTuple):
    tag: str
    name: str
    native_name: str
    direction: str
    completeness: float  # share of English keys this locale fills, 0..1


def language_views() -> list[LanguageView]:
    views = []
    for tag in i18n.SUPPORTED:
        meta = i18n.read_locale(tag).get("meta", {})
        views.append(
            LanguageView(
                tag=tag,
                name=str(meta.get("name", tag)),
                native_name=str(meta.get("native_name", tag)),
                direction="rtl" if tag in i18n.RIGHT_TO_LEFT else "ltr",
                completeness=i18n.completeness(tag),
            )
        )
    return views
