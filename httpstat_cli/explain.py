"""The long story of a code or a class, as a list of labelled sections in one language.

Renderers only lay the sections out: table draws a panel, plain writes indented text, json
keeps the structured facts. Which sections exist, and in what order, is decided here once.
"""

from collections.abc import Sequence

from httpstat_cli import i18n, query, registry
from httpstat_cli.errors import visible
from httpstat_cli.i18n import Texts, capitalise, colon
from httpstat_cli.registry import Header, StatusCode
from httpstat_cli.views import CodeView, code_view, code_views, source_label

ALSO = 4  # next best matches named after a story chosen by words


class Item:
    """One line of a section; ``entry`` is set when the line starts with a code."""

    __slots__ = ("entry", "text", "title")

    def __init__(self, text: str, entry: StatusCode | None = None, title: str = "") -> None:
        self.text = text
        self.entry = entry
        self.title = title


class Section:
    __slots__ = ("items", "key", "label", "text")

    def __init__(self, key: str, label: str, text: str = "", items: tuple[Item, ...] = ()):
        self.key = key  # stable name: summary, explanation, client, causes, fixes, headers, ...
        self.label = label
        self.text = text
        self.items = items


class CodeStory:
    __slots__ = ("also", "also_query", "heading_note", "phrase_label", "sections", "view")

    def __init__(
        self,
        view: CodeView,
        heading_note: str,
        sections: tuple[Section, ...],
        phrase_label: str = "",
    ) -> None:
        self.view = view
        self.heading_note = heading_note  # "4xx Client Error · RFC 9110 §15.5.2"
        self.sections = sections
        # "Registered phrase", or whose phrase it is for an unofficial code
        self.phrase_label = phrase_label
        self.also: tuple[StatusCode, ...] = ()  # next best matches, when words chose this one
        self.also_query = ""


class ClassStory:
    __slots__ = ("code_class", "description", "label", "members", "name")

    def __init__(
        self,
        code_class: str,
        name: str,
        description: str,
        members: tuple[CodeView, ...],
        label: str,
    ) -> None:
        self.code_class = code_class
        self.name = name
        self.description = description
        self.members = members
        self.label = label


def _headers(entry: StatusCode, texts: Texts) -> Section:
    label = texts.ui("label_headers")
    if not entry.headers:
        # an unofficial code has no specification, only its vendor's documentation
        key = "headers_none_vendor" if entry.vendor else "headers_none"
        return Section("headers", label, texts.ui(key))
    sep = colon(texts.lang)
    items = tuple(Item(_header_line(header, texts, sep)) for header in entry.headers)
    return Section("headers", label, items=items)


def _header_line(header: Header, texts: Texts, sep: str) -> str:
    line = f"{header.name}{sep}{texts.ui(f'requirement_{header.requirement}')}"
    if header.requirement != "none":  # no keyword to quote
        line += f" ({header.requirement})"
    if header.when:
        line += f"{i18n.list_separator(texts.lang)}{texts.ui(f'requirement_when_{header.when}')}"
    return line


def _retry(entry: StatusCode, texts: Texts) -> Section:
    text = texts.retry(entry.retry)
    if entry.retry != "after-delay" and any(
        header.name == "Retry-After" for header in entry.headers
    ):
        text = f"{text} {texts.ui('honour_retry_after')}"
    return Section("retry", texts.ui("label_retry"), text)


def _caching(entry: StatusCode, texts: Texts) -> str:
    """A cache sees what the client receives: nothing for nginx's 444 and 499, the 400 nginx
    sends for 494 to 497, the 200 whose JSON body carries Esri's 498 and 499."""
    if entry.client_receives is None:
        return texts.ui("cache_nothing_sent")
    rule = entry.cache
    if entry.client_receives != entry.code:
        received = registry.by_code(entry.client_receives)
        rule = received[0].cache if received else rule
    return texts.ui(f"cache_{rule}")


def _client_receives(entry: StatusCode, texts: Texts) -> str:
    if entry.client_receives is None:
        return texts.ui("client_receives_nothing")
    if entry.in_body:
        return texts.ui("client_receives_in_body", code=entry.client_receives, logged=entry.code)
    if entry.client_receives != entry.code:
        return texts.ui("client_receives_other", code=entry.client_receives, logged=entry.code)
    return texts.ui("client_receives_same")


def _confusions(entry: StatusCode, texts: Texts) -> tuple[Item, ...]:
    items = []
    for other_id in entry.confused_with:
        other = registry.get(other_id)
        sentence = texts.confusion(entry.id, other_id)
        if other is not None and sentence:
            items.append(Item(sentence, other, code_view(other, texts).title))
    return tuple(items)


def _related(entry: StatusCode, texts: Texts) -> tuple[Item, ...]:
    items = []
    for code in entry.related:
        for other in registry.by_code(code)[:1]:  # the registered meaning, else the first vendor
            items.append(Item("", other, code_view(other, texts).title))
    return tuple(items)


def _former(entry: StatusCode, texts: Texts) -> Section | None:
    if not entry.former_phrases:
        return None
    return Section(
        "former_phrases",
        texts.ui("label_former"),
        i18n.list_separator(texts.lang).join(entry.former_phrases),
    )


def _in_code(entry: StatusCode, texts: Texts) -> Section:
    """Each stack's name for the code, as code writes it, and its other names."""
    from httpstat_cli import constants

    label = texts.ui("label_in_code")
    sep = colon(texts.lang)
    items = []
    for stack, listed in constants.names(entry).items():
        line = constants.in_code(stack, constants.written(stack, listed[0]), entry.code)
        if len(listed) > 1:
            others = i18n.list_separator(texts.lang).join(
                constants.written(stack, name) for name in listed[1:]
            )
            line += f" ({texts.ui('in_code_also', names=others)})"
        items.append(Item(f"{constants.stack_info(stack)['name']}{sep}{line}"))
    if not items:
        return Section("in_code", label, texts.ui("in_code_none"))
    return Section("in_code", label, items=tuple(items))


def _mdn(entry: StatusCode, texts: Texts) -> Section | None:
    from httpstat_cli import links

    link = links.mdn(entry, texts.lang)
    if link is None:
        return None
    label = texts.ui("label_mdn")
    if link.in_reader_language:
        return Section("mdn", label, link.url)
    # The note apart from the URL: a right-to-left sentence and a URL share no line well.
    return Section("mdn", label, texts.ui("mdn_english_only"), (Item(link.url),))


def code_story(entry: StatusCode, texts: Texts) -> CodeStory:
    view = code_view(entry, texts)
    sections: list[Section] = [Section("summary", texts.ui("label_summary"), view.summary)]
    former = _former(entry, texts)
    if former is not None:
        sections.append(former)
    for key, label in (("explanation", "label_explanation"), ("client", "label_client")):
        paragraph = texts.code_text(entry.id, key)
        if paragraph:
            sections.append(Section(key, texts.ui(label), paragraph))
    for key, label in (("causes", "label_causes"), ("fixes", "label_fixes")):
        listed = texts.code_list(entry.id, key)
        if listed:
            items = tuple(Item(line) for line in listed)
            sections.append(Section(key, texts.ui(label), items=items))
    if entry.vendor:
        note = texts.ui("unofficial_note", vendor=texts.vendor(entry.vendor))
        sections.append(Section("vendor", texts.ui("label_vendor"), note))
        receives = _client_receives(entry, texts)
        sections.append(Section("client_receives", texts.ui("label_client_receives"), receives))
    sections.append(_headers(entry, texts))
    sections.append(Section("caching", texts.ui("label_caching"), _caching(entry, texts)))
    sections.append(_retry(entry, texts))
    confusions = _confusions(entry, texts)
    if confusions:
        sections.append(Section("confused_with", texts.ui("label_confused"), items=confusions))
    related = _related(entry, texts)
    if related:
        sections.append(Section("related", texts.ui("label_related"), items=related))
    sections.append(_in_code(entry, texts))
    sections.append(Section("source", texts.ui("label_source"), source_text(entry, texts)))
    mdn = _mdn(entry, texts)
    if mdn is not None:
        sections.append(mdn)
    notes = [f"{entry.code_class} {view.class_name}", source_label(entry, texts)]
    if entry.status != "standard":
        notes.append(texts.ui(f"status_{entry.status}"))
    if entry.historic:
        notes.append(texts.ui("historic"))
    notes.extend(vendor_notes(entry, texts))
    return CodeStory(view, " · ".join(notes), tuple(sections), phrase_label(entry, texts))


def phrase_label(entry: StatusCode, texts: Texts) -> str:
    """Only a registered code has a registered phrase: a vendor's phrase is the vendor's, or
    hsc's own wording where the vendor documents only the number."""
    if entry.vendor is None:
        return texts.ui("label_phrase")
    return texts.ui("label_phrase_ours" if entry.phrase_is_ours else "label_phrase_vendor")


def vendor_notes(entry: StatusCode, texts: Texts) -> list[str]:
    """How far an unofficial entry can be trusted: its verification level below the vendor's
    own documentation, and whether hsc supplied the phrase."""
    notes = []
    if entry.verification and entry.verification != "vendor":
        notes.append(texts.ui(f"verification_{entry.verification}"))
    if entry.phrase_is_ours:
        notes.append(texts.ui("phrase_is_ours"))
    return notes


def source_text(entry: StatusCode, texts: Texts) -> str:
    """``RFC 6585, §4: URL``, with the language's comma (Persian ``،``) and colon."""
    source = entry.source
    name = source.document
    if source.section:
        name += f"{i18n.list_separator(texts.lang)}§{source.section}"
    return f"{name}{colon(texts.lang)}{source.url}"


def class_story(code_class: str, texts: Texts) -> ClassStory:
    return ClassStory(
        code_class,
        texts.class_name(code_class),
        # written to follow the class name and a colon; here it stands on its own
        capitalise(texts.class_description(code_class), texts.lang),
        tuple(code_views(registry.in_class(code_class), texts)),
        texts.ui("label_codes_in_class"),
    )


Story = CodeStory | ClassStory


def stories(
    queries: Sequence[query.Query], texts: Texts, languages: Sequence[Texts]
) -> tuple[list[Story], list[str]]:
    """The story of each query in the order given, each told once: a class explained as a
    class, words by their best match (the next best named in ``also``); and the queries that
    found nothing."""
    told: list[Story] = []
    seen: set[str] = set()
    misses: list[str] = []
    for item in query.join_words(queries):
        if item.kind == "class":
            if item.code_class not in seen:
                seen.add(item.code_class)
                told.append(class_story(item.code_class, texts))
            continue
        entries = query.resolve(item, languages)
        if not entries:
            misses.append(item.text)
        best, others = (entries[:1], entries[1:]) if item.kind == "words" else (entries, ())
        for entry in best:
            if entry.id not in seen:
                seen.add(entry.id)
                story = code_story(entry, texts)
                story.also = tuple(other for other in others if other.id != entry.id)[:ALSO]
                story.also_query = item.text
                told.append(story)
    return told, misses


def also_line(told: Sequence[Story], texts: Texts) -> list[str]:
    """For a story chosen by words, one line naming the next best matches."""
    lines = []
    for story in told:
        if isinstance(story, CodeStory) and story.also:
            named = [
                f"{entry.code} {texts.code_text(entry.id, 'title') or entry.phrase}"
                for entry in story.also
            ]
            lines.append(
                texts.ui(
                    "explain_also",
                    query=visible(story.also_query),
                    codes=i18n.list_separator(texts.lang).join(named),
                )
            )
    return lines
