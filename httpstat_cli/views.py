"""What the renderers show: registry entries joined with their texts in one language."""

from collections.abc import Iterable

from httpstat_cli import i18n, registry
from httpstat_cli.i18n import Texts
from httpstat_cli.registry import StatusCode

Marks = tuple[tuple[int, int], ...]


class CodeView:
    """An entry with its texts in the reader's language; search adds its score, the fields
    that matched and where in the title and summary the query words are."""

    __slots__ = (
        "class_name",
        "entry",
        "matched",
        "matched_name",
        "score",
        "summary",
        "summary_marks",
        "title",
        "title_marks",
    )

    def __init__(
        self,
        entry: StatusCode,
        title: str,
        summary: str,
        class_name: str,
        score: float | None = None,
        matched: tuple[str, ...] = (),
        title_marks: Marks = (),
        summary_marks: Marks = (),
    ) -> None:
        self.entry = entry
        self.title = title
        self.summary = summary
        self.class_name = class_name
        self.score = score
        self.matched = matched
        self.title_marks = title_marks
        self.summary_marks = summary_marks
        self.matched_name: str | None = None  # a name the row does not show that search matched


def code_view(entry: StatusCode, texts: Texts, class_name: str | None = None) -> CodeView:
    return CodeView(
        entry,
        texts.code_text(entry.id, "title") or entry.phrase,
        texts.code_text(entry.id, "summary"),
        class_name if class_name is not None else texts.class_name(entry.code_class),
    )


def code_views(entries: Iterable[StatusCode], texts: Texts) -> list[CodeView]:
    names = {code_class: texts.class_name(code_class) for code_class in registry.CLASSES}
    return [code_view(entry, texts, names[f"{entry.code // 100}xx"]) for entry in entries]


def shows_phrase(view: CodeView) -> bool:
    """Whether the registered phrase is worth a line of its own: it differs from the title,
    and it is not "(Unused)", which only repeats what the status note already says."""
    entry = view.entry
    return entry.status != "unused" and view.title.casefold() != entry.phrase.casefold()


def source_label(entry: StatusCode, texts: Texts | None = None) -> str:
    """``RFC 9110 §15.5.5`` for a registered code, the vendor otherwise (in the reader's
    language where it is a description, given ``texts``)."""
    if entry.vendor:
        return texts.vendor(entry.vendor) if texts is not None else entry.vendor
    if entry.source.section:
        return f"{entry.source.document} §{entry.source.section}"
    return entry.source.document


class LanguageView:
    __slots__ = ("completeness", "direction", "name", "native_name", "tag")

    def __init__(
        self, tag: str, name: str, native_name: str, direction: str, completeness: float
    ) -> None:
        self.tag = tag
        self.name = name
        self.native_name = native_name
        self.direction = direction
        self.completeness = completeness  # share of English keys this locale fills, 0..1


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
